//! Disk steps of publishing: the trash beside the output (what a build replaced, moved there
//! in one rename and emptied in the background), telling a mount point, and the message of a
//! failed write. The trash is opened as a folder of its own, never through a link (see
//! [`super::beneath`]).

use std::fs;
use std::io;
use std::path::Path;

use super::beneath::Folder;
use super::guard;
use crate::error::is_link_in_the_way;
use crate::error::Diagnostic;
use crate::t;

/// The trash folder `name` of `parent`, made if missing; a link or file of that name is not
/// stdportal's and is removed first (never what it points to).
fn trash_folder(parent: &Folder, name: &str) -> io::Result<Folder> {
    match parent.create_folders(name) {
        Err(e) if is_link_in_the_way(&e) || e.kind() == io::ErrorKind::AlreadyExists => {
            super::replace_own_entry(parent, name);
            parent.create_folders(name)
        }
        other => other,
    }
}

/// Empties the trash `name` of `parent` on a thread of its own. Not waited for: what is left
/// when the build ends is removed by the next one.
pub(super) fn empty_in_background(parent: &Folder, name: &str) {
    let trash = match parent.open_folder(name) {
        Ok(trash) => trash,
        Err(e) if e.kind() == io::ErrorKind::NotFound => return,
        Err(_) => {
            super::replace_own_entry(parent, name);
            return;
        }
    };
    let Ok(items) = trash.names() else {
        return;
    };
    std::thread::spawn(move || {
        for item in &items {
            let _ = trash.remove_entry(item);
        }
    });
}

/// Moves the entry `name` of `parent` into the trash `trash` (a rename, so it takes no time),
/// or removes it where it cannot be moved.
pub(super) fn throw_away(parent: &Folder, name: &str, trash: &str) {
    if parent.stat(name).is_err() {
        return;
    }
    static COUNT: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);
    let n = COUNT.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
    let nanos = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.subsec_nanos());
    let target = format!("{}-{n}-{nanos}", std::process::id());
    let moved = trash_folder(parent, trash).and_then(|bin| parent.rename(name, &bin, &target));
    if moved.is_err() {
        let _ = parent.remove_tree(name);
    }
}

/// Whether `path` is a mount point: a folder that cannot be renamed or swapped, only filled.
pub fn is_mount_point(path: &Path) -> bool {
    use std::os::unix::fs::MetadataExt;
    let Ok(meta) = fs::metadata(path) else {
        return false;
    };
    let parent = guard::resolve(path).parent().map(Path::to_path_buf);
    if let Some(Ok(parent)) = parent.map(fs::metadata) {
        if parent.dev() != meta.dev() {
            return true;
        }
    }
    // A bind mount of a folder of the same file system has the same device number.
    let resolved = guard::resolve(path);
    fs::read_to_string("/proc/self/mountinfo").is_ok_and(|mounts| {
        mounts.lines().any(|line| {
            line.split(' ')
                .nth(4)
                .is_some_and(|point| Path::new(&unescape_mount_point(point)) == resolved)
        })
    })
}

/// `/proc/self/mountinfo` writes a space as `\040` and so on.
pub(super) fn unescape_mount_point(point: &str) -> String {
    let bytes = point.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'\\' && i + 4 <= bytes.len() {
            if let Ok(code) = u8::from_str_radix(&point[i + 1..i + 4], 8) {
                out.push(code);
                i += 4;
                continue;
            }
        }
        out.push(bytes[i]);
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

pub(super) fn write_error(path: &Path, e: &io::Error) -> Diagnostic {
    let hint = match e.kind() {
        io::ErrorKind::PermissionDenied | io::ErrorKind::ReadOnlyFilesystem => {
            t!("output-write-permission-hint")
        }
        io::ErrorKind::StorageFull | io::ErrorKind::QuotaExceeded => {
            t!("output-write-disk-full-hint")
        }
        io::ErrorKind::FileTooLarge => t!("output-write-too-large-hint"),
        _ => t!("output-write-other-hint"),
    };
    let error = crate::error::io_error(e);
    Diagnostic::new(path, t!("output-write-failed", error = error)).hint(hint)
}
