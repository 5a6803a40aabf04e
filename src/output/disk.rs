//! Disk steps of publishing: swapping two folders in one step, telling a mount point,
//! removing trees (never through a link) and moving what a build replaced to the trash.

use std::fs;
use std::io;
use std::path::{Path, PathBuf};

use rayon::prelude::*;

use super::guard;
use super::publish::SIMULATE_NO_EXCHANGE;
use crate::error::Diagnostic;
use crate::t;

/// Empties the trash on a thread of its own. Not waited for: what is left when the build ends
/// is removed by the next one.
pub(super) fn empty_in_background(trash: &Path) {
    let items: Vec<PathBuf> = match fs::read_dir(trash) {
        Ok(entries) => entries.flatten().map(|e| e.path()).collect(),
        Err(_) => return,
    };
    std::thread::spawn(move || items.iter().for_each(|item| remove_tree(item)));
}

/// Moves a folder into the trash (a rename, so it takes no time), or removes it where it cannot
/// be moved.
pub(super) fn throw_away(dir: &Path, trash: &Path) {
    if fs::symlink_metadata(dir).is_err() {
        return;
    }
    static COUNT: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);
    let n = COUNT.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
    let nanos = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.subsec_nanos());
    let target = trash.join(format!("{}-{n}-{nanos}", std::process::id()));
    if fs::create_dir_all(trash).is_err() || fs::rename(dir, &target).is_err() {
        remove_tree(dir);
    }
}

pub(super) fn make_parent(target: &Path) -> Result<(), Diagnostic> {
    match target.parent() {
        Some(parent) => fs::create_dir_all(parent).map_err(|e| write_error(parent, &e)),
        None => Ok(()),
    }
}

pub(super) fn same_bytes(old: &Path, bytes: &[u8]) -> bool {
    match fs::symlink_metadata(old) {
        Ok(meta) if meta.is_file() && meta.len() == bytes.len() as u64 => {
            crate::read::own_file(old, bytes.len() as u64).is_ok_and(|old_bytes| old_bytes == bytes)
        }
        _ => false,
    }
}

/// Swaps two folders in one step. `Ok(false)` where the system cannot.
pub(super) fn exchange(a: &Path, b: &Path) -> io::Result<bool> {
    if std::env::var_os(SIMULATE_NO_EXCHANGE).is_some() {
        return Ok(false);
    }
    #[cfg(target_os = "linux")]
    {
        use rustix::fs::{renameat_with, RenameFlags, CWD};
        use rustix::io::Errno;
        match renameat_with(CWD, a, CWD, b, RenameFlags::EXCHANGE) {
            Ok(()) => Ok(true),
            Err(e) if e == Errno::INVAL || e == Errno::NOSYS || e == Errno::OPNOTSUPP => Ok(false),
            Err(e) => Err(e.into()),
        }
    }
    #[cfg(not(target_os = "linux"))]
    {
        let _ = (a, b);
        Ok(false)
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

pub(super) fn parent_of(output: &Path) -> PathBuf {
    output
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .map_or_else(|| PathBuf::from("."), Path::to_path_buf)
}

/// Removes a tree, its top-level entries in parallel (a site has thousands of files).
pub fn remove_tree(dir: &Path) {
    match fs::symlink_metadata(dir) {
        Ok(meta) if meta.is_dir() => {}
        // Never the folder a link points to.
        Ok(_) => {
            let _ = fs::remove_file(dir);
            return;
        }
        Err(_) => return,
    }
    let Ok(entries) = fs::read_dir(dir) else {
        return;
    };
    let entries: Vec<PathBuf> = entries.flatten().map(|e| e.path()).collect();
    entries.par_iter().for_each(|path| {
        let _ = match fs::symlink_metadata(path) {
            Ok(meta) if meta.is_dir() => fs::remove_dir_all(path),
            _ => fs::remove_file(path),
        };
    });
    let _ = fs::remove_dir_all(dir);
}

pub fn write_error(path: &Path, e: &io::Error) -> Diagnostic {
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
    let error = crate::i18n::io_error(e);
    Diagnostic::new(path, t!("output-write-failed", error = error)).hint(hint)
}
