//! Folders held open as descriptors, and every path under one resolved beneath it without
//! following a link: what the publish deletes, creates, renames and links inside the output
//! (and beside it) can never land outside, whatever links a stray journal, manifest or a
//! colleague's hand put there.
//!
//! Linux ≥ 5.6 resolves a path in one `openat2` call with `RESOLVE_BENEATH |
//! RESOLVE_NO_SYMLINKS`; elsewhere (an older kernel, a sandbox that filters the call) the path
//! is walked one folder at a time with `O_NOFOLLOW | O_DIRECTORY`. Either way a link anywhere in
//! the path, `..`, an absolute path or an empty segment is an error, and the last step
//! (`unlinkat`, `renameat`, `linkat`, `mkdirat`, an open with `O_NOFOLLOW`) acts on the entry
//! itself, never on what a link there points to.

use std::ffi::{CStr, CString, OsStr};
use std::fs::File;
use std::io;
use std::os::fd::{AsFd, BorrowedFd, OwnedFd};
use std::os::unix::ffi::OsStrExt;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU8, Ordering};

use rayon::prelude::*;
use rustix::fs::{self as sys, AtFlags, FileType, Mode, OFlags};
use rustix::io::Errno;

use crate::t;

/// Set this variable to resolve paths by walking them one folder at a time, as on kernels
/// without `openat2`: the tests use it to prove the fallback holds as well.
pub const SIMULATE_NO_OPENAT2: &str = "STDPORTAL_SIMULATE_NO_OPENAT2";

/// A folder held open: paths given to its methods are relative to it and stay beneath it.
#[derive(Debug)]
pub(super) struct Folder {
    fd: OwnedFd,
    /// Where it is, for messages.
    path: PathBuf,
}

/// A descriptor of a folder, held or borrowed.
enum At<'a> {
    Borrowed(BorrowedFd<'a>),
    Owned(OwnedFd),
}

impl AsFd for At<'_> {
    fn as_fd(&self) -> BorrowedFd<'_> {
        match self {
            At::Borrowed(fd) => *fd,
            At::Owned(fd) => fd.as_fd(),
        }
    }
}

impl Folder {
    /// Opens a folder the user named (the output, the folder that holds it): links in this
    /// path are the user's own and are followed.
    pub(super) fn open(path: &Path) -> io::Result<Folder> {
        let fd = sys::open(path, dir_flags(), Mode::empty())?;
        Ok(Folder {
            fd,
            path: path.to_path_buf(),
        })
    }

    pub(super) fn path(&self) -> &Path {
        &self.path
    }

    /// The path of `rel` inside this folder, for messages.
    pub(super) fn join(&self, rel: &str) -> PathBuf {
        self.path.join(rel)
    }

    /// The folder at `rel`, opened beneath this one.
    pub(super) fn open_folder(&self, rel: &str) -> io::Result<Folder> {
        let fd = open_beneath(self.fd.as_fd(), rel, dir_flags(), Mode::empty())?;
        Ok(Folder {
            fd,
            path: self.join(rel),
        })
    }

    /// Creates the folder `rel` (and the folders above it), or opens it where it is already a
    /// folder; a link or file in the way is an error.
    pub(super) fn create_folders(&self, rel: &str) -> io::Result<Folder> {
        check(rel)?;
        let mut at = At::Borrowed(self.fd.as_fd());
        for name in rel.split('/') {
            match sys::mkdirat(&at, name, Mode::from_raw_mode(0o777)) {
                Ok(()) | Err(Errno::EXIST) => {}
                Err(e) => return Err(e.into()),
            }
            at = At::Owned(sys::openat(
                &at,
                name,
                dir_flags() | OFlags::NOFOLLOW,
                Mode::empty(),
            )?);
        }
        let At::Owned(fd) = at else {
            return Err(invalid());
        };
        Ok(Folder {
            fd,
            path: self.join(rel),
        })
    }

    /// Creates a new file at `rel` (the folders above it too); an entry already there is an
    /// error, so nothing but a new, empty file is ever written to.
    pub(super) fn create_file(&self, rel: &str) -> io::Result<File> {
        let flags = OFlags::WRONLY | OFlags::CREATE | OFlags::EXCL;
        let mode = Mode::from_raw_mode(0o666);
        match open_beneath(self.fd.as_fd(), rel, flags, mode) {
            Err(e) if e.kind() == io::ErrorKind::NotFound => {
                if let Some((folder, _)) = rel.rsplit_once('/') {
                    self.create_folders(folder)?;
                }
                Ok(open_beneath(self.fd.as_fd(), rel, flags, mode)?.into())
            }
            other => Ok(other?.into()),
        }
    }

    /// Opens the regular file at `rel` to read it. A pipe or device there is an error (opened
    /// without waiting, so a pipe cannot hang the build), and so is a link.
    pub(super) fn open_file(&self, rel: &str) -> io::Result<File> {
        Ok(self.open_file_and_stat(rel)?.0)
    }

    /// Opens the regular file at `rel` as [`Folder::open_file`] does, with what `fstat` said of
    /// it (its size, its identity).
    pub(super) fn open_file_and_stat(&self, rel: &str) -> io::Result<(File, sys::Stat)> {
        let fd = open_beneath(
            self.fd.as_fd(),
            rel,
            OFlags::RDONLY | OFlags::NONBLOCK,
            Mode::empty(),
        )?;
        let stat = sys::fstat(&fd)?;
        if FileType::from_raw_mode(stat.st_mode) != FileType::RegularFile {
            return Err(not_a_file());
        }
        Ok((fd.into(), stat))
    }

    /// The bytes of the regular file at `rel`, at most `limit` of them: a larger file is
    /// refused (stdportal's own files are a line per published file; one that size was not
    /// written by it, and reading it whole could take all memory).
    pub(super) fn read_file(&self, rel: &str, limit: u64) -> io::Result<Vec<u8>> {
        use std::io::Read;
        let mut bytes = Vec::new();
        self.open_file(rel)?
            .take(limit + 1)
            .read_to_end(&mut bytes)?;
        if bytes.len() as u64 > limit {
            return Err(io::Error::new(
                io::ErrorKind::InvalidData,
                t!("output-own-file-too-large", file = rel, limit = limit >> 20),
            ));
        }
        Ok(bytes)
    }

    /// What is at `rel` (a link is a link, not what it points to).
    pub(super) fn kind(&self, rel: &str) -> io::Result<FileType> {
        Ok(FileType::from_raw_mode(self.stat(rel)?.st_mode))
    }

    /// The entry at `rel` itself (a link is not followed).
    pub(super) fn stat(&self, rel: &str) -> io::Result<sys::Stat> {
        let (at, name) = self.parent(rel)?;
        Ok(sys::statat(&at, name, AtFlags::SYMLINK_NOFOLLOW)?)
    }

    /// Removes the file (or link: never what it points to) at `rel`.
    pub(super) fn remove_file(&self, rel: &str) -> io::Result<()> {
        let (at, name) = self.parent(rel)?;
        Ok(sys::unlinkat(&at, name, AtFlags::empty())?)
    }

    /// Removes the empty folder at `rel`.
    pub(super) fn remove_folder(&self, rel: &str) -> io::Result<()> {
        let (at, name) = self.parent(rel)?;
        Ok(sys::unlinkat(&at, name, AtFlags::REMOVEDIR)?)
    }

    /// Removes whatever is at `rel` and, for a folder, everything in it (its entries in
    /// parallel: a site has thousands of files). Links are removed, never followed. Nothing
    /// there is not an error.
    pub(super) fn remove_tree(&self, rel: &str) -> io::Result<()> {
        let (at, name) = match self.parent(rel) {
            Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(()),
            other => other?,
        };
        remove_all(at.as_fd(), &c_name(name)?, true)
    }

    /// Removes the entry `name` of this folder and everything under it (see
    /// [`Folder::remove_tree`]).
    pub(super) fn remove_entry(&self, name: &CStr) -> io::Result<()> {
        remove_all(self.fd.as_fd(), name, true)
    }

    /// Moves `from` (beneath this folder) to `to` beneath `into`, replacing a file there.
    pub(super) fn rename(&self, from: &str, into: &Folder, to: &str) -> io::Result<()> {
        let (from_at, from_name) = self.parent(from)?;
        let (to_at, to_name) = into.parent(to)?;
        Ok(sys::renameat(&from_at, from_name, &to_at, to_name)?)
    }

    /// Swaps two entries of this folder in one step. `Ok(false)` where the system cannot.
    pub(super) fn exchange(&self, a: &str, b: &str) -> io::Result<bool> {
        let (a_at, a_name) = self.parent(a)?;
        let (b_at, b_name) = self.parent(b)?;
        #[cfg(target_os = "linux")]
        {
            use rustix::fs::RenameFlags;
            match sys::renameat_with(&a_at, a_name, &b_at, b_name, RenameFlags::EXCHANGE) {
                Ok(()) => Ok(true),
                Err(Errno::INVAL | Errno::NOSYS | Errno::OPNOTSUPP) => Ok(false),
                Err(e) => Err(e.into()),
            }
        }
        #[cfg(not(target_os = "linux"))]
        {
            let _ = (a_at, a_name, b_at, b_name);
            Ok(false)
        }
    }

    /// A second name `to` (beneath `into`) for the file at `from`: the entry itself, so a link
    /// at `from` would give a link, which the caller checks for.
    pub(super) fn hard_link(&self, from: &str, into: &Folder, to: &str) -> io::Result<()> {
        let (from_at, from_name) = self.parent(from)?;
        let (to_at, to_name) = into.parent(to)?;
        Ok(sys::linkat(
            &from_at,
            from_name,
            &to_at,
            to_name,
            AtFlags::empty(),
        )?)
    }

    /// Where the link at `rel` points.
    pub(super) fn read_link(&self, rel: &str) -> io::Result<CString> {
        let (at, name) = self.parent(rel)?;
        Ok(sys::readlinkat(&at, name, Vec::new())?)
    }

    /// Makes a link at `rel` that points to `target` (which is not looked at).
    pub(super) fn symlink(&self, target: &CStr, rel: &str) -> io::Result<()> {
        let (at, name) = self.parent(rel)?;
        Ok(sys::symlinkat(target, &at, name)?)
    }

    /// Gives the folder the permission bits of `mode`.
    pub(super) fn set_mode(&self, mode: u32) -> io::Result<()> {
        Ok(sys::fchmod(&self.fd, Mode::from_raw_mode(mode & 0o7777))?)
    }

    /// The names in this folder.
    pub(super) fn names(&self) -> io::Result<Vec<CString>> {
        names(self.fd.as_fd())
    }

    /// Writes the folder's own entries (names added, removed, renamed) to the disk.
    pub(super) fn sync(&self) -> io::Result<()> {
        Ok(sys::fsync(&self.fd)?)
    }

    /// Writes everything of the file system this folder is on to the disk (elsewhere than
    /// on Linux, of every file system).
    pub(super) fn sync_file_system(&self) -> io::Result<()> {
        #[cfg(target_os = "linux")]
        {
            Ok(sys::syncfs(&self.fd)?)
        }
        #[cfg(not(target_os = "linux"))]
        {
            sys::sync();
            Ok(sys::fsync(&self.fd)?)
        }
    }

    /// The folder that holds `rel` (opened beneath this one) and the last name of `rel`.
    fn parent<'a>(&self, rel: &'a str) -> io::Result<(At<'_>, &'a str)> {
        check(rel)?;
        Ok(match rel.rsplit_once('/') {
            Some((folder, name)) => (
                At::Owned(open_beneath(
                    self.fd.as_fd(),
                    folder,
                    dir_flags(),
                    Mode::empty(),
                )?),
                name,
            ),
            None => (At::Borrowed(self.fd.as_fd()), rel),
        })
    }
}

fn dir_flags() -> OFlags {
    OFlags::RDONLY | OFlags::DIRECTORY | OFlags::CLOEXEC
}

fn invalid() -> io::Error {
    io::Error::new(
        io::ErrorKind::InvalidInput,
        "not a relative path of plain names",
    )
}

fn not_a_file() -> io::Error {
    io::Error::new(io::ErrorKind::InvalidInput, "not a regular file")
}

/// Refuses what could leave the folder or name it ambiguously: `..`, `.`, empty segments (an
/// absolute path starts with one), NUL.
fn check(rel: &str) -> io::Result<()> {
    if rel.contains('\0') || rel.split('/').any(|n| matches!(n, "" | "." | "..")) {
        return Err(invalid());
    }
    Ok(())
}

fn c_name(name: &str) -> io::Result<CString> {
    CString::new(name).map_err(|_| invalid())
}

/// Whether `openat2` can be used: unknown, yes, no (Linux only).
#[cfg_attr(not(target_os = "linux"), allow(dead_code))]
static OPENAT2: AtomicU8 = AtomicU8::new(0);
#[cfg_attr(not(target_os = "linux"), allow(dead_code))]
const YES: u8 = 1;
#[cfg_attr(not(target_os = "linux"), allow(dead_code))]
const NO: u8 = 2;

/// Opens `rel` beneath `dir`, refusing a link at any step (also the last).
fn open_beneath(dir: BorrowedFd<'_>, rel: &str, flags: OFlags, mode: Mode) -> io::Result<OwnedFd> {
    check(rel)?;
    let flags = flags | OFlags::CLOEXEC | OFlags::NOFOLLOW;
    if let Some(result) = with_openat2(dir, rel, flags, mode) {
        return result;
    }
    walk(dir, rel, flags, mode)
}

/// `openat2` beneath `dir` without links; `None` where the system has no such call.
#[cfg(target_os = "linux")]
fn with_openat2(
    dir: BorrowedFd<'_>,
    rel: &str,
    flags: OFlags,
    mode: Mode,
) -> Option<io::Result<OwnedFd>> {
    use rustix::fs::ResolveFlags;
    if OPENAT2.load(Ordering::Relaxed) != NO {
        if OPENAT2.load(Ordering::Relaxed) == 0 && std::env::var_os(SIMULATE_NO_OPENAT2).is_some() {
            OPENAT2.store(NO, Ordering::Relaxed);
        } else {
            let resolve =
                ResolveFlags::BENEATH | ResolveFlags::NO_SYMLINKS | ResolveFlags::NO_MAGICLINKS;
            loop {
                match sys::openat2(dir, rel, flags, mode, resolve) {
                    // A rename elsewhere on the system raced the lookup: the kernel asks to
                    // try again.
                    Err(Errno::AGAIN) => continue,
                    // No such call (an older kernel), or a sandbox that filters it.
                    Err(Errno::NOSYS | Errno::PERM) if OPENAT2.load(Ordering::Relaxed) == 0 => {
                        OPENAT2.store(NO, Ordering::Relaxed);
                        break;
                    }
                    result => {
                        OPENAT2.store(YES, Ordering::Relaxed);
                        return Some(result.map_err(Into::into));
                    }
                }
            }
        }
    }
    None
}

#[cfg(not(target_os = "linux"))]
fn with_openat2(_: BorrowedFd<'_>, _: &str, _: OFlags, _: Mode) -> Option<io::Result<OwnedFd>> {
    None
}

/// Opens `rel` beneath `dir` one folder at a time, each with `O_NOFOLLOW | O_DIRECTORY`.
fn walk(dir: BorrowedFd<'_>, rel: &str, flags: OFlags, mode: Mode) -> io::Result<OwnedFd> {
    let (folders, name) = match rel.rsplit_once('/') {
        Some((folders, name)) => (Some(folders), name),
        None => (None, rel),
    };
    let mut at = At::Borrowed(dir);
    for folder in folders.into_iter().flat_map(|f| f.split('/')) {
        at = At::Owned(sys::openat(
            &at,
            folder,
            OFlags::RDONLY | OFlags::DIRECTORY | OFlags::NOFOLLOW | OFlags::CLOEXEC,
            Mode::empty(),
        )?);
    }
    Ok(sys::openat(&at, name, flags, mode)?)
}

fn names(dir: BorrowedFd<'_>) -> io::Result<Vec<CString>> {
    let mut found = Vec::new();
    for entry in sys::Dir::read_from(dir)? {
        let entry = entry?;
        let name = entry.file_name();
        if name != c"." && name != c".." {
            found.push(name.to_owned());
        }
    }
    Ok(found)
}

/// Removes the entry `name` of `parent` and everything under it, never following a link.
fn remove_all(parent: BorrowedFd<'_>, name: &CStr, parallel: bool) -> io::Result<()> {
    match sys::unlinkat(parent, name, AtFlags::empty()) {
        Ok(()) | Err(Errno::NOENT) => return Ok(()),
        // A folder (`EPERM` is what POSIX says, `EISDIR` what Linux says).
        Err(Errno::ISDIR | Errno::PERM) => {}
        Err(e) => return Err(e.into()),
    }
    let dir = sys::openat(
        parent,
        name,
        OFlags::RDONLY | OFlags::DIRECTORY | OFlags::NOFOLLOW | OFlags::CLOEXEC,
        Mode::empty(),
    )?;
    let entries = names(dir.as_fd())?;
    let remove = |entry: &CString| remove_all(dir.as_fd(), entry, false);
    let first_error = if parallel {
        entries.par_iter().map(remove).find_any(Result::is_err)
    } else {
        entries.iter().map(remove).find(Result::is_err)
    };
    if let Some(Err(e)) = first_error {
        return Err(e);
    }
    match sys::unlinkat(parent, name, AtFlags::REMOVEDIR) {
        Ok(()) | Err(Errno::NOENT) => Ok(()),
        Err(e) => Err(e.into()),
    }
}

/// A name read from a folder, as text (names stdportal makes are UTF-8; others are shown
/// with replacement characters and never acted on by name).
pub(super) fn name_text(name: &CStr) -> String {
    OsStr::from_bytes(name.to_bytes())
        .to_string_lossy()
        .into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::os::unix::fs::symlink;

    fn setup() -> (tempfile::TempDir, Folder) {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir_all(dir.path().join("out/a")).unwrap();
        std::fs::create_dir_all(dir.path().join("outside")).unwrap();
        std::fs::write(dir.path().join("outside/keep"), "keep").unwrap();
        symlink(dir.path().join("outside"), dir.path().join("out/link")).unwrap();
        symlink(
            dir.path().join("outside/keep"),
            dir.path().join("out/a/leaf"),
        )
        .unwrap();
        let out = Folder::open(&dir.path().join("out")).unwrap();
        (dir, out)
    }

    fn assert_outside_untouched(dir: &Path) {
        let mut names: Vec<_> = std::fs::read_dir(dir.join("outside"))
            .unwrap()
            .map(|e| e.unwrap().file_name())
            .collect();
        names.sort();
        assert_eq!(names, ["keep"]);
        assert_eq!(std::fs::read(dir.join("outside/keep")).unwrap(), b"keep");
    }

    /// Every operation refuses a path through a link, `..` or an absolute path, and acts on a
    /// link at the end of a path itself.
    fn every_operation_stays_beneath(out: &Folder, dir: &Path) {
        for bad in [
            "link/keep",
            "link/new",
            "../outside/keep",
            "a/../../outside/keep",
            "/tmp/x",
            "",
            "a//b",
        ] {
            assert!(out.create_file(bad).is_err(), "{bad}");
            assert!(out.open_file(bad).is_err(), "{bad}");
            assert!(out.remove_file(bad).is_err(), "{bad}");
            assert!(out.create_folders(bad).is_err(), "{bad}");
            assert!(out.open_folder(bad).is_err(), "{bad}");
            assert!(out.rename("a", out, bad).is_err(), "{bad}");
            assert!(out.hard_link(bad, out, "x").is_err(), "{bad}");
            let _ = out.remove_tree(bad);
        }
        assert!(out.open_file("a/leaf").is_err(), "a link at the end");
        assert!(out.create_file("a/leaf").is_err(), "a link at the end");
        assert!(out.open_folder("link").is_err());
        assert_eq!(out.kind("link").unwrap(), FileType::Symlink);
        assert!(crate::error::is_link_in_the_way(
            &out.remove_file("link/keep").unwrap_err()
        ));
        out.remove_tree("link").unwrap();
        out.remove_tree("a").unwrap();
        assert_outside_untouched(dir);
        assert!(std::fs::read_dir(dir.join("out")).unwrap().next().is_none());
    }

    #[test]
    fn paths_resolve_beneath_the_folder_with_openat2_and_without() {
        let (dir, out) = setup();
        every_operation_stays_beneath(&out, dir.path());
        OPENAT2.store(NO, Ordering::Relaxed);
        let (dir, out) = setup();
        every_operation_stays_beneath(&out, dir.path());
        OPENAT2.store(0, Ordering::Relaxed);
    }

    #[test]
    fn files_and_folders_are_made_and_moved_beneath() {
        let (dir, out) = setup();
        use std::io::Write;
        out.create_file("b/c/d.html")
            .unwrap()
            .write_all(b"d")
            .unwrap();
        assert!(out.create_file("b/c/d.html").is_err(), "never overwritten");
        out.rename("b/c/d.html", &out, "b/e.html").unwrap();
        out.hard_link("b/e.html", &out, "f.html").unwrap();
        assert_eq!(std::fs::read(dir.path().join("out/f.html")).unwrap(), b"d");
        assert_eq!(out.kind("b/c").unwrap(), FileType::Directory);
        out.remove_folder("b/c").unwrap();
        assert!(out.names().unwrap().contains(&c"f.html".to_owned()));
        assert_outside_untouched(dir.path());
    }
}
