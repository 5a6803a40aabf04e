//! Reading a site's source files: the one way every file of a site is read, in `build`, `check`
//! and `serve` alike (`config.toml`, the dictionary, pages, data tables and workbooks, templates,
//! labels, static files). A file is read only when
//!
//! - every part of its name is text (UTF-8): a name saved in another encoding would reach a web
//!   address as `�`;
//! - once links are followed it is inside the site: a link to `/etc/passwd` or `/dev/zero` is
//!   refused without being opened, naming the link and where it leads; a loop of links is said
//!   to be one;
//! - it is an ordinary file: a named pipe, a device, a socket or a folder is refused without
//!   being opened (a pipe would keep a build waiting forever, a device may never end);
//! - it is no larger than the limit of its kind ([`Kind::limit`]), checked before reading and
//!   while reading, so a file that grows meanwhile stops at the limit too.
//!
//! The file is opened on its resolved path without following any link (`openat2` with
//! `RESOLVE_NO_SYMLINKS` on Linux; elsewhere `O_NOFOLLOW` and the same device and inode as
//! checked) and with `O_NONBLOCK`, and the open descriptor is checked again: a link or a pipe
//! put in the file's place between the check and the read is refused, never followed or waited
//! on.

use std::fs::{self, File, Metadata};
use std::io::{self, Read};
use std::path::{Component, Path, PathBuf};

use crate::error::io_error;
use crate::error::Diagnostic;
use crate::t;

const MB: u64 = 1024 * 1024;

/// What a file is read as: each kind has the largest size it is read at (SECURITY.md says why).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Kind {
    /// A Markdown page or section of `content/`.
    Page,
    /// A CSV or TOML table of `data/`.
    Table,
    /// An Excel, WPS or OpenDocument workbook of `data/`.
    Workbook,
    /// Written by hand: `config.toml`, `data/dictionary.toml`, templates, labels files.
    Settings,
    /// A file of `static/` copied to the output as it is.
    Static,
    /// A Word file of `content/` (`.docx`, `.doc`, `.wps`): a page, and its 下载原件.
    Word,
}

impl Kind {
    /// The most bytes read of a file of this kind.
    pub(crate) const fn limit(self) -> u64 {
        match self {
            // A 20 MB page builds (tests/it/bad_input.rs); a page is rendered, converted and
            // indexed in both scripts, several copies of it at once.
            Kind::Page => 32 * MB,
            // About a million observation rows; larger tables can be split into the files of
            // a folder named after the table.
            Kind::Table => 64 * MB,
            // Compressed: a workbook is unpacked into memory several times its size (what it
            // unpacks to has limits of its own: src/data/table/workbook/limits.rs).
            Kind::Workbook => 50 * MB,
            // Hand-written: 4 MB is two million Chinese characters.
            Kind::Settings => 4 * MB,
            // Copied as it is and held in memory by `serve`: documents, scans, images, fonts.
            Kind::Static => 256 * MB,
            // The Word reader's own limit (`docx::limits::FILE_BYTES`, a test keeps them
            // equal): what it unpacks has limits of its own (src/docx/limits.rs).
            Kind::Word => 100 * MB,
        }
    }

    /// The kind as the catalogues' messages select on it.
    fn name(self) -> &'static str {
        match self {
            Kind::Page => "page",
            Kind::Table => "table",
            Kind::Workbook => "workbook",
            Kind::Settings => "settings",
            Kind::Static => "static",
            Kind::Word => "word",
        }
    }
}

/// The bytes of `path`, a file of the site at `root`, as a file of `kind`: or why not, as one
/// diagnostic naming the file (or the link that leads out of the site).
pub(crate) fn source(root: &Path, path: &Path, kind: Kind) -> Result<Vec<u8>, Diagnostic> {
    let shown = rel_to(root, path);
    let canonical_root = root.canonicalize().map_err(|e| {
        Diagnostic::new(root, t!("folder-unreadable", error = io_error(&e)))
            .hint(t!("folder-unreadable-hint"))
    })?;
    let target = resolve(root, &canonical_root, path)?;
    let meta = fs::metadata(&target)
        .map_err(|e| Diagnostic::new(&shown, t!("file-unreadable", error = io_error(&e))))?;
    if let Some(what) = not_a_file(&meta) {
        return Err(not_a_file_problem(root, path, &target, what));
    }
    if meta.len() > kind.limit() {
        return Err(too_large(&shown, meta.len(), kind));
    }
    let file = open_unfollowed(&target, &meta).map_err(|e| match e {
        Opened::Replaced => replaced(&shown),
        Opened::Failed(e) => Diagnostic::new(&shown, t!("file-unreadable", error = io_error(&e))),
    })?;
    let opened = file
        .metadata()
        .map_err(|e| Diagnostic::new(&shown, t!("file-unreadable", error = io_error(&e))))?;
    if !opened.is_file() {
        return Err(replaced(&shown));
    }
    if opened.len() > kind.limit() {
        return Err(too_large(&shown, opened.len(), kind));
    }
    let expected = usize::try_from(opened.len()).unwrap_or(0);
    let mut bytes = Vec::with_capacity(expected.saturating_add(1));
    file.take(kind.limit() + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| Diagnostic::new(&shown, t!("file-unreadable", error = io_error(&e))))?;
    if bytes.len() as u64 > kind.limit() {
        return Err(too_large(&shown, bytes.len() as u64, kind));
    }
    Ok(bytes)
}

/// Where `path` leads once links are followed, when that is inside the site (`canonical_root`
/// is the site's folder with its links followed): the check the walk of a folder and the read
/// of a file share. Every part of the name after `root` must be text.
pub(crate) fn resolve(
    root: &Path,
    canonical_root: &Path,
    path: &Path,
) -> Result<PathBuf, Diagnostic> {
    let shown = rel_to(root, path);
    check_name(root, path)?;
    let target = path.canonicalize().map_err(|e| {
        if e.raw_os_error() == Some(rustix::io::Errno::LOOP.raw_os_error()) {
            if goes_round(path) {
                Diagnostic::new(&shown, t!("read-link-loop")).hint(t!("read-link-loop-hint"))
            } else {
                Diagnostic::new(&shown, t!("read-link-chain")).hint(t!("read-link-chain-hint"))
            }
            .refused()
        } else if path.is_symlink() && e.kind() == io::ErrorKind::NotFound {
            Diagnostic::new(&shown, t!("link-dangling")).hint(t!("link-dangling-hint"))
        } else {
            Diagnostic::new(&shown, t!("file-unreadable", error = io_error(&e)))
        }
    })?;
    if !target.starts_with(canonical_root) {
        return Err(outside(root, canonical_root, path, &target));
    }
    // The walk skips hidden files and folders (`.git/`, `.env`); a link must not reach them
    // either (`static/x.txt` → `../.git/config` would publish the repository's credentials).
    let within = target.strip_prefix(canonical_root).unwrap_or(&target);
    let hidden = within
        .components()
        .any(|c| c.as_os_str().to_string_lossy().starts_with('.'));
    if hidden {
        return Err(
            Diagnostic::new(&shown, t!("read-link-hidden", target = within.display()))
                .hint(t!("read-link-hidden-hint"))
                .refused(),
        );
    }
    Ok(target)
}

/// Whether the links from `path` come back to one already followed (the system gives up on
/// a loop and on a chain of more than 40 links alike).
fn goes_round(path: &Path) -> bool {
    let mut seen = std::collections::HashSet::new();
    let mut at = path.to_path_buf();
    // Past the system's limit of 40, a chain that has not come round is long, not a loop.
    for _ in 0..64 {
        let Ok(next) = fs::read_link(&at) else {
            return false;
        };
        let next = match at.parent() {
            Some(parent) => parent.join(next),
            None => next,
        };
        if !seen.insert(at) {
            return true;
        }
        at = next;
    }
    false
}

/// The problem of a path that leads out of the site: on the path itself when it is the link,
/// else on the first link on the way that leads out.
fn outside(root: &Path, canonical_root: &Path, path: &Path, target: &Path) -> Diagnostic {
    if path.is_symlink() && !target.is_dir() {
        return Diagnostic::new(
            rel_to(root, path),
            t!("link-outside-site", target = target.display()),
        )
        .hint(t!("link-outside-site-hint"))
        .refused();
    }
    let rel = path.strip_prefix(root).unwrap_or(path);
    let mut link = root.to_path_buf();
    for part in rel.components() {
        link.push(part);
        let leads_to = link.canonicalize().unwrap_or_else(|_| target.to_path_buf());
        if link.is_symlink() && !leads_to.starts_with(canonical_root) {
            return Diagnostic::new(
                rel_to(root, &link),
                t!("folder-link-outside-site", target = leads_to.display()),
            )
            .hint(t!("folder-link-outside-site-hint"))
            .refused();
        }
    }
    Diagnostic::new(
        rel_to(root, path),
        t!("link-outside-site", target = target.display()),
    )
    .hint(t!("link-outside-site-hint"))
    .refused()
}

/// Every part of the name of `path` after `root` must be text: a name in another encoding is
/// refused (shown with `�` where it cannot be read), never published with `�` in its address.
pub(crate) fn check_name(root: &Path, path: &Path) -> Result<(), Diagnostic> {
    let rel = path.strip_prefix(root).unwrap_or(path);
    let mut so_far = root.to_path_buf();
    for part in rel.components() {
        so_far.push(part);
        if let Component::Normal(name) = part {
            if name.to_str().is_none() {
                return Err(bad_name(root, &so_far));
            }
        }
    }
    Ok(())
}

/// The problem of a file or folder whose name is not text.
pub(crate) fn bad_name(root: &Path, path: &Path) -> Diagnostic {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    Diagnostic::new(rel_to(root, path), t!("read-name-not-text", name = name))
        .hint(t!("read-name-not-text-hint"))
        .refused()
}

/// What a file that is not an ordinary file is, for the messages (`None`: an ordinary file).
pub(crate) fn not_a_file(meta: &Metadata) -> Option<&'static str> {
    let kind = meta.file_type();
    if kind.is_file() {
        return None;
    }
    if kind.is_dir() {
        return Some("folder");
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        if kind.is_fifo() {
            return Some("fifo");
        }
        if kind.is_char_device() || kind.is_block_device() {
            return Some("device");
        }
        if kind.is_socket() {
            return Some("socket");
        }
    }
    Some("other")
}

/// The problem of a path that leads to something other than an ordinary file.
fn not_a_file_problem(root: &Path, path: &Path, target: &Path, what: &str) -> Diagnostic {
    let message = if path.is_symlink() {
        t!(
            "read-link-not-a-file",
            target = rel_to(root, target).display(),
            what = what
        )
    } else {
        t!("read-not-a-file", what = what)
    };
    Diagnostic::new(rel_to(root, path), message)
        .hint(t!("read-not-a-file-hint"))
        .refused()
}

fn too_large(shown: &Path, size: u64, kind: Kind) -> Diagnostic {
    Diagnostic::new(
        shown,
        t!(
            "read-too-large",
            size = size_text(size),
            limit = size_text(kind.limit()),
            kind = kind.name()
        ),
    )
    .hint(t!("read-too-large-hint", kind = kind.name()))
    .refused()
}

fn replaced(shown: &Path) -> Diagnostic {
    Diagnostic::new(shown, t!("read-replaced"))
        .hint(t!("read-replaced-hint"))
        .refused()
}

/// A size as a file manager shows it (MB of 1,048,576 bytes, as Windows does).
pub(crate) fn size_text(bytes: u64) -> String {
    const KB: u64 = 1024;
    const GB: u64 = 1024 * MB;
    if bytes >= GB {
        format!("{:.1} GB", bytes as f64 / GB as f64)
    } else if bytes >= MB && bytes.is_multiple_of(MB) {
        format!("{} MB", bytes / MB)
    } else if bytes >= MB {
        format!("{:.1} MB", bytes as f64 / MB as f64)
    } else {
        format!("{} KB", bytes.div_ceil(KB))
    }
}

enum Opened {
    /// Something else is at the path now: a link, or another file.
    Replaced,
    Failed(io::Error),
}

/// Opens `target` (a path without links, checked as `meta`) for reading without following a
/// link anywhere on it and without waiting: on Linux, `openat2` refuses any link on the way;
/// elsewhere (or where `openat2` is not allowed) `O_NOFOLLOW` refuses a link at the end and the
/// file opened must be the one checked.
#[cfg(unix)]
fn open_unfollowed(target: &Path, meta: &Metadata) -> Result<File, Opened> {
    use rustix::fs::{Mode, OFlags};
    use rustix::io::Errno;
    use std::os::unix::fs::MetadataExt;
    let flags =
        OFlags::RDONLY | OFlags::NONBLOCK | OFlags::NOFOLLOW | OFlags::CLOEXEC | OFlags::NOCTTY;
    let failed = |e: Errno| {
        if e == Errno::LOOP || e == Errno::NOTDIR {
            Opened::Replaced
        } else {
            Opened::Failed(e.into())
        }
    };
    #[cfg(target_os = "linux")]
    {
        use rustix::fs::{openat2, ResolveFlags, CWD};
        match openat2(CWD, target, flags, Mode::empty(), ResolveFlags::NO_SYMLINKS) {
            Ok(fd) => return Ok(File::from(fd)),
            // Older kernels, and containers whose seccomp filter does not know the call.
            Err(e) if e == Errno::NOSYS || e == Errno::PERM => {}
            Err(e) => return Err(failed(e)),
        }
    }
    let file = File::from(rustix::fs::open(target, flags, Mode::empty()).map_err(failed)?);
    let opened = file.metadata().map_err(Opened::Failed)?;
    if (opened.dev(), opened.ino()) != (meta.dev(), meta.ino()) {
        return Err(Opened::Replaced);
    }
    Ok(file)
}

#[cfg(not(unix))]
fn open_unfollowed(target: &Path, _meta: &Metadata) -> Result<File, Opened> {
    File::open(target).map_err(Opened::Failed)
}

/// `path` relative to `root`, for messages.
pub(crate) fn rel_to(root: &Path, path: &Path) -> PathBuf {
    path.strip_prefix(root).unwrap_or(path).to_path_buf()
}

/// The file's text, or an error that says where the first byte that is not UTF-8 is.
pub fn decode_utf8<'a>(shown: &Path, bytes: &'a [u8]) -> Result<&'a str, Diagnostic> {
    if bytes.starts_with(&[0xFF, 0xFE]) || bytes.starts_with(&[0xFE, 0xFF]) {
        return Err(Diagnostic::new(shown, t!("file-utf16"))
            .at(1, 1)
            .hint(t!("file-utf16-hint")));
    }
    std::str::from_utf8(bytes).map_err(|e| {
        let valid = std::str::from_utf8(&bytes[..e.valid_up_to()]).unwrap_or_default();
        let (line, column) = crate::error::line_column(valid, valid.len());
        let binary = bytes.iter().take(8000).any(|&b| b == 0);
        let d = Diagnostic::new(
            shown,
            if binary {
                t!("file-binary")
            } else {
                t!("file-not-utf8")
            },
        )
        .at(line, column);
        if binary {
            d.hint(t!("file-binary-hint"))
        } else {
            d.hint(t!("file-not-utf8-hint"))
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf16_and_binary_files_are_named() {
        let err = decode_utf8(Path::new("a.md"), &[0xFF, 0xFE, 0x41, 0]).unwrap_err();
        assert!(err.message.contains("UTF-16"));
        let err = decode_utf8(Path::new("a.md"), b"ok\n\xC4\xE3").unwrap_err();
        assert_eq!((err.line, err.column), (Some(2), Some(1)));
        assert!(err.hint.unwrap().contains("GB18030"));
        let err = decode_utf8(Path::new("a.png"), b"\x89PNG\0\0\xff").unwrap_err();
        assert!(err.message.contains("not a text file"));
    }

    fn site() -> tempfile::TempDir {
        let site = tempfile::tempdir().unwrap();
        std::fs::create_dir_all(site.path().join("content")).unwrap();
        site
    }

    #[test]
    fn an_ordinary_file_inside_is_read_and_a_link_inside_too() {
        let site = site();
        let page = site.path().join("content/a.md");
        std::fs::write(&page, "正文").unwrap();
        std::os::unix::fs::symlink(&page, site.path().join("content/b.md")).unwrap();
        for name in ["a.md", "b.md"] {
            let path = site.path().join("content").join(name);
            assert_eq!(
                source(site.path(), &path, Kind::Page).unwrap(),
                "正文".as_bytes()
            );
        }
    }

    #[test]
    fn links_out_of_the_site_are_refused_unopened() {
        let site = site();
        let outside = tempfile::tempdir().unwrap();
        std::fs::write(outside.path().join("secret.md"), "secret").unwrap();
        let content = site.path().join("content");
        std::os::unix::fs::symlink(outside.path().join("secret.md"), content.join("s.md")).unwrap();
        std::os::unix::fs::symlink("/dev/zero", content.join("zero.md")).unwrap();
        std::os::unix::fs::symlink(outside.path(), content.join("elsewhere")).unwrap();
        for (path, file) in [
            (content.join("s.md"), "content/s.md"),
            (content.join("zero.md"), "content/zero.md"),
            (content.join("elsewhere/secret.md"), "content/elsewhere"),
        ] {
            let problem = source(site.path(), &path, Kind::Page).unwrap_err();
            assert_eq!(problem.file, Path::new(file));
            assert!(problem.message.contains("outside the site"), "{problem}");
            assert!(problem.refused);
        }
    }

    #[test]
    fn links_to_hidden_files_of_the_site_are_refused() {
        let site = site();
        std::fs::create_dir_all(site.path().join(".git")).unwrap();
        std::fs::write(site.path().join(".git/config"), "token").unwrap();
        let link = site.path().join("content/config.md");
        std::os::unix::fs::symlink("../.git/config", &link).unwrap();
        let problem = source(site.path(), &link, Kind::Page).unwrap_err();
        assert!(problem.message.contains(".git/config"), "{problem}");
        assert!(problem.message.contains("hidden"), "{problem}");
    }

    #[test]
    fn pipes_devices_and_folders_are_refused_without_waiting() {
        let site = site();
        let content = site.path().join("content");
        let fifo = content.join("pipe.md");
        assert!(std::process::Command::new("mkfifo")
            .arg(&fifo)
            .status()
            .unwrap()
            .success());
        std::os::unix::fs::symlink(&fifo, content.join("to-pipe.md")).unwrap();
        std::fs::create_dir(content.join("folder.md")).unwrap();
        let problem = source(site.path(), &fifo, Kind::Page).unwrap_err();
        assert!(problem.message.contains("named pipe"), "{problem}");
        let problem = source(site.path(), &content.join("to-pipe.md"), Kind::Page).unwrap_err();
        assert!(
            problem.message.contains("content/pipe.md") && problem.message.contains("named pipe"),
            "{problem}"
        );
        let problem = source(site.path(), &content.join("folder.md"), Kind::Page).unwrap_err();
        assert!(problem.message.contains("a folder"), "{problem}");
    }

    #[test]
    fn a_file_over_its_limit_is_refused_before_it_is_read() {
        let site = site();
        let page = site.path().join("content/huge.md");
        let file = File::create(&page).unwrap();
        file.set_len(10 * 1024 * MB).unwrap(); // sparse: takes no room
        let problem = source(site.path(), &page, Kind::Page).unwrap_err();
        assert!(
            problem.message.contains("10.0 GB") && problem.message.contains("32 MB"),
            "{problem}"
        );
        file.set_len(Kind::Settings.limit()).unwrap();
        assert!(source(site.path(), &page, Kind::Page).is_ok());
        assert!(source(site.path(), &page, Kind::Settings).is_ok());
        file.set_len(Kind::Settings.limit() + 1).unwrap();
        assert!(source(site.path(), &page, Kind::Settings).is_err());
    }

    #[test]
    fn a_loop_of_links_is_called_a_loop() {
        let site = site();
        let content = site.path().join("content");
        std::os::unix::fs::symlink(content.join("b.md"), content.join("a.md")).unwrap();
        std::os::unix::fs::symlink(content.join("a.md"), content.join("b.md")).unwrap();
        let problem = source(site.path(), &content.join("a.md"), Kind::Page).unwrap_err();
        assert!(problem.message.contains("loop"), "{problem}");
    }

    #[test]
    fn a_long_chain_of_links_is_not_called_a_loop() {
        let site = site();
        let content = site.path().join("content");
        std::fs::write(content.join("end.md"), "x").unwrap();
        let mut previous = "end.md".to_string();
        for i in 0..45 {
            let name = format!("l{i}.md");
            std::os::unix::fs::symlink(&previous, content.join(&name)).unwrap();
            previous = name;
        }
        let problem = source(site.path(), &content.join("l44.md"), Kind::Page).unwrap_err();
        assert!(problem.message.contains("more than 40"), "{problem}");
        assert!(source(site.path(), &content.join("l10.md"), Kind::Page).is_ok());
    }

    #[test]
    fn a_name_that_is_not_text_is_refused_with_its_readable_part() {
        use std::os::unix::ffi::OsStrExt;
        let site = site();
        let folder = site
            .path()
            .join("content")
            .join(std::ffi::OsStr::from_bytes(b"\xc4\xe3folder"));
        std::fs::create_dir(&folder).unwrap();
        std::fs::write(folder.join("a.md"), "x").unwrap();
        let problem = source(site.path(), &folder.join("a.md"), Kind::Page).unwrap_err();
        assert!(
            problem.message.contains("\u{fffd}\u{fffd}folder"),
            "{problem}"
        );
        assert!(problem.hint.unwrap().contains("rename"));
    }

    #[test]
    fn sizes_read_as_a_file_manager_shows_them() {
        assert_eq!(size_text(32 * MB), "32 MB");
        assert_eq!(size_text(32 * MB + 1), "32.0 MB");
        assert_eq!(size_text(10 * 1024 * MB), "10.0 GB");
        assert_eq!(size_text(1), "1 KB");
    }
}
