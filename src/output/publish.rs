//! Publishing a new site over the old one so that readers (and a build killed at any moment)
//! see either the whole old site or the whole new one, never a mix.
//!
//! The new site is built as a generation of its own next to the output folder: files whose
//! bytes did not change are hard links to the old ones (they keep their modification time, so
//! rsync and static hosts see only real changes), the others are written. Then one
//! `renameat2(RENAME_EXCHANGE)` swaps the two folders and the old generation is removed. Where
//! the system cannot exchange two folders, the old one is moved aside and the new one moved in:
//! a kill between the two renames leaves no output folder for a moment, and the next build puts
//! the old one back first.
//!
//! An output folder that is a mount point (a Docker volume) cannot be swapped: then, and with
//! `--in-place`, changed files are staged inside the folder, a journal of the moves is written,
//! and the files are moved into place one rename at a time. A build killed during the moves
//! leaves a mix that the next build completes from the journal before doing anything else.
//!
//! Files that stdportal did not write (not in the manifest, see [`super::manifest`]) are kept in
//! both modes; a new file that would replace one is an error unless `--force` is given.

use std::collections::HashSet;
use std::fs;
use std::io::{self, Read, Write};
use std::os::unix::fs::MetadataExt;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

use rustix::fs::FileType;

use super::beneath::{self, Folder};
use super::disk::{empty_in_background, is_mount_point, throw_away, write_error};
use super::guard;
use super::journal::replay;
use super::lock::Lock;
use super::manifest::{self, Foreign, OldSite};
use super::names::{JOURNAL, LOCK, MANIFEST, STAGING};
use super::path;
use super::tree::Tree;
use super::OutputFile;
use crate::error::Diagnostic;
use crate::sync::lock;
use crate::t;

/// Set this variable to make every write fail as on a full disk: the tests use it to prove that
/// a build that cannot write leaves the previous site as it was.
pub const SIMULATE_DISK_FULL: &str = "STDPORTAL_SIMULATE_DISK_FULL";
/// Set this variable to publish with two renames instead of one exchange, as on systems
/// without `RENAME_EXCHANGE`: the tests use it to prove the fallback recovers from a kill.
pub const SIMULATE_NO_EXCHANGE: &str = "STDPORTAL_SIMULATE_NO_EXCHANGE";

/// How `build` publishes into the output folder: `--force`, `--in-place`, `--no-sync`.
#[derive(Debug, Clone, Copy, Default)]
pub struct PublishOptions {
    /// Build into a folder that holds files stdportal did not write: they are kept, and the
    /// ones at the new site's own paths are replaced.
    pub force: bool,
    /// Move changed files into the output one by one instead of swapping the whole folder.
    pub in_place: bool,
    /// Do not wait for the new site to reach the disk before putting it in place: faster, but
    /// a power cut can leave a site with empty files.
    pub no_sync: bool,
}

enum Mode {
    /// A new generation beside the output, exchanged with it in one rename.
    Swap { next: Tree },
    /// Changed files staged inside the output and moved into place from a journal.
    InPlace { staging: Tree },
}

/// A new site being published: take files with [`Publisher::put`] (from many threads), then
/// [`Publisher::commit`]. Dropped without a commit, it removes what it staged and the output
/// stays as it was.
pub struct Publisher {
    output: PathBuf,
    /// The folder that holds the output, and the output's name in it: the swap, the trash and
    /// what killed builds left are entries of this folder.
    parent: Folder,
    name: String,
    /// The output as the last build left it, if it exists: everything read, linked, removed
    /// or moved in it is resolved beneath it.
    root: Option<Tree>,
    mode: Mode,
    old: OldSite,
    /// Foreign files and links: no new path may be one of them or lie under one.
    foreign_files: HashSet<String>,
    /// Foreign folders: no new file may take their place.
    foreign_folders: HashSet<String>,
    force: bool,
    durable: bool,
    disk_full: bool,
    /// Every path of the new site.
    written: Mutex<Vec<String>>,
    /// In place: the paths staged because their bytes changed.
    staged: Mutex<Vec<String>>,
    committed: bool,
    _lock: Lock,
}

/// The name of stdportal's entry `what` beside the output `name`: `.stdportal-public-next`.
fn beside(name: &str, what: &str) -> String {
    format!(".stdportal-{name}-{what}")
}

impl Publisher {
    /// Gets `output` ready for a new site of the site at `root`: refuses a dangerous or foreign
    /// folder before creating anything, waits for another build of the same output, and
    /// finishes or removes what a killed build left.
    pub fn open(
        root: &Path,
        output: &Path,
        options: PublishOptions,
    ) -> Result<Publisher, Diagnostic> {
        guard::refuse_dangerous(root, output)?;
        // `public` may be a link to the folder the web server serves: publish there, and keep
        // the link.
        let resolved;
        let output = if output.is_symlink() {
            resolved = guard::resolve(output);
            resolved.as_path()
        } else {
            output
        };
        if output.exists() && !output.is_dir() {
            return Err(Diagnostic::new(output, t!("output-not-a-folder"))
                .hint(t!("output-not-a-folder-hint")));
        }
        // A first look, before anything is created: never leave even a lock file in a folder
        // that is refused. (A folder with a manifest is looked at in full under the lock.)
        if !options.force && !output.join(MANIFEST).is_file() {
            refuse_foreign(&scan(output)?, output, options.force)?;
        }
        let absolute = guard::resolve(output);
        let parent_path = absolute
            .parent()
            .map_or_else(|| PathBuf::from("/"), Path::to_path_buf);
        let name = absolute
            .file_name()
            .map_or_else(|| "public".into(), |n| n.to_string_lossy().into_owned());
        fs::create_dir_all(&parent_path).map_err(|e| write_error(&parent_path, &e))?;
        let in_place = options.in_place || is_mount_point(output);
        let lock_path = parent_path.join(beside(&name, "lock"));
        let lock = match Lock::acquire(&lock_path, output) {
            Ok(lock) => lock,
            // A mount point's parent may be read-only (`/srv/www` in a container).
            Err(_) if in_place && output.is_dir() => {
                Lock::acquire(&output.join(LOCK), output).map_err(|e| write_error(output, &e))?
            }
            Err(e) => return Err(write_error(&lock_path, &e)),
        };
        let parent = Folder::open(&parent_path).map_err(|e| write_error(&parent_path, &e))?;
        let durable = !options.no_sync;
        recover(&parent, &name, output, durable)?;
        let old = scan(output)?;
        refuse_foreign(&old, output, options.force)?;
        if in_place {
            fs::create_dir_all(output).map_err(|e| write_error(output, &e))?;
        }
        let root = match Folder::open(output) {
            Ok(folder) => Some(Tree::read(folder)),
            Err(e) if e.kind() == io::ErrorKind::NotFound => None,
            Err(e) => return Err(write_error(output, &e)),
        };
        let mode = match &root {
            Some(root) if in_place => Mode::InPlace {
                staging: Tree::written(
                    root.root()
                        .create_folders(STAGING)
                        .map_err(|e| write_error(&root.root().join(STAGING), &e))?,
                ),
            },
            _ => {
                empty_in_background(&parent, &beside(&name, "trash"));
                let next = beside(&name, "next");
                Mode::Swap {
                    next: Tree::written(
                        parent
                            .create_folders(&next)
                            .map_err(|e| write_error(&parent.join(&next), &e))?,
                    ),
                }
            }
        };
        let mut foreign_files = HashSet::new();
        let mut foreign_folders = HashSet::new();
        for entry in &old.foreign {
            match entry {
                Foreign::Folder(p) => foreign_folders.insert(p.clone()),
                Foreign::File(p) | Foreign::Link(p) => foreign_files.insert(p.clone()),
            };
        }
        Ok(Publisher {
            output: output.to_path_buf(),
            parent,
            name,
            root,
            mode,
            old,
            foreign_files,
            foreign_folders,
            force: options.force,
            durable,
            disk_full: std::env::var_os(SIMULATE_DISK_FULL).is_some(),
            written: Mutex::default(),
            staged: Mutex::default(),
            committed: false,
            _lock: lock,
        })
    }

    /// Whether files are moved into the output one by one (a mount point, or `--in-place`).
    pub fn in_place(&self) -> bool {
        matches!(self.mode, Mode::InPlace { .. })
    }

    /// Takes one file of the new site.
    pub fn put(&self, file: OutputFile) -> Result<(), Diagnostic> {
        path::check(&file.path).map_err(|problem| {
            Diagnostic::new(&file.path, t!("output-refused-file", problem = problem))
                .hint(t!("output-refused-file-hint"))
        })?;
        self.refuse_replacing_foreign(&file.path)?;
        let unchanged = match &self.root {
            Some(root) if self.old.files.contains(&file.path) => {
                same_file(root, &file.path, &file.bytes)
            }
            _ => None,
        };
        match (&self.mode, unchanged) {
            (Mode::Swap { next }, Some(old)) if link(&old, next, &file.path) => {}
            (Mode::Swap { next }, _) => self.write_in(next, &file.path, &file.bytes)?,
            (Mode::InPlace { .. }, Some(_)) => {}
            (Mode::InPlace { staging }, _) => {
                self.write_in(staging, &file.path, &file.bytes)?;
                lock(&self.staged).push(file.path.clone());
            }
        }
        lock(&self.written).push(file.path);
        Ok(())
    }

    /// Writes a new file `rel` into `tree`, in its folder held open.
    fn write_in(&self, tree: &Tree, rel: &str, bytes: &[u8]) -> Result<(), Diagnostic> {
        match tree.folder_of(rel) {
            Ok((folder, name)) => self.write(&folder, name, bytes),
            Err(e) => Err(write_error(&tree.root().join(rel), &e)),
        }
    }

    /// Writes a new file `rel` beneath `folder`.
    fn write(&self, folder: &Folder, rel: &str, bytes: &[u8]) -> Result<(), Diagnostic> {
        if self.disk_full {
            return Err(write_error(
                &folder.join(rel),
                &io::Error::from(io::ErrorKind::StorageFull),
            ));
        }
        folder
            .create_file(rel)
            .and_then(|mut file| file.write_all(bytes))
            .map_err(|e| write_error(&folder.join(rel), &e))
    }

    /// A new file must not replace a file or folder that someone else put in the output.
    fn refuse_replacing_foreign(&self, path: &str) -> Result<(), Diagnostic> {
        if self.foreign_folders.contains(path) {
            return Err(foreign_error(&self.output, path, "folder", false));
        }
        if self.force || self.foreign_files.is_empty() {
            return Ok(());
        }
        let mut end = 0;
        loop {
            let prefix = match path[end..].find('/') {
                Some(slash) => &path[..end + slash],
                None => path,
            };
            if self.foreign_files.contains(prefix) {
                return Err(foreign_error(&self.output, prefix, "file", true));
            }
            if prefix.len() == path.len() {
                return Ok(());
            }
            end = prefix.len() + 1;
        }
    }

    /// How many files the new site has.
    pub fn len(&self) -> usize {
        lock(&self.written).len()
    }

    /// Whether the new site has no file yet.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Puts the new site in place of the old one, in one step (see the module's comment).
    pub fn commit(mut self) -> Result<(), Diagnostic> {
        let mut written = std::mem::take(&mut *lock(&self.written));
        let result = match (&self.mode, &self.root) {
            (Mode::Swap { next }, _) => self.swap(next.root(), &mut written),
            (Mode::InPlace { staging }, Some(root)) => {
                self.move_in_place(root.root(), staging.root(), &mut written)
            }
            (Mode::InPlace { .. }, None) => Err(write_error(
                &self.output,
                &io::Error::from(io::ErrorKind::NotFound),
            )),
        };
        self.committed = result.is_ok();
        result
    }

    fn swap(&self, next: &Folder, written: &mut [String]) -> Result<(), Diagnostic> {
        let taken = paths_and_folders(written);
        for entry in &self.old.foreign {
            let rel = entry.path();
            if taken.contains(rel) && !matches!(entry, Foreign::Folder(_)) {
                continue; // replaced with --force
            }
            if let Some(root) = &self.root {
                carry_over(root.root(), next, entry)
                    .map_err(|e| write_error(&next.join(rel), &e))?;
            }
        }
        if let Ok(meta) = fs::metadata(&self.output) {
            let _ = next.set_mode(meta.mode());
        }
        self.write(next, MANIFEST, manifest::render(written).as_bytes())?;
        let (parent, name) = (&self.parent, self.name.as_str());
        let (next_name, aside) = (beside(name, "next"), beside(name, "old"));
        let synced = |folder: &Folder, result: io::Result<()>| -> Result<(), Diagnostic> {
            result
                .and_then(|()| if self.durable { folder.sync() } else { Ok(()) })
                .map_err(|e| write_error(&self.output, &e))
        };
        // Every file and folder of the new generation on the disk before it is put in place:
        // after a power cut, the output is the old site or the whole new one.
        if self.durable {
            next.sync_file_system()
                .map_err(|e| write_error(next.path(), &e))?;
        }
        if parent.stat(name).is_err() {
            return synced(parent, parent.rename(&next_name, parent, name));
        }
        let exchanged = std::env::var_os(SIMULATE_NO_EXCHANGE).is_none()
            && parent
                .exchange(&next_name, name)
                .map_err(|e| write_error(&self.output, &e))?;
        let replaced = if exchanged {
            synced(parent, Ok(()))?;
            next_name
        } else {
            parent
                .rename(name, parent, &aside)
                .map_err(|e| write_error(&self.output, &e))?;
            if let Err(e) = parent.rename(&next_name, parent, name) {
                let _ = parent.rename(&aside, parent, name);
                return Err(write_error(&self.output, &e));
            }
            synced(parent, Ok(()))?;
            aside
        };
        // Removing thousands of files takes a while: the next build does it in the background.
        throw_away(parent, &replaced, &beside(name, "trash"));
        Ok(())
    }

    fn move_in_place(
        &self,
        root: &Folder,
        staging: &Folder,
        written: &mut [String],
    ) -> Result<(), Diagnostic> {
        let new: HashSet<&str> = written.iter().map(String::as_str).collect();
        let mut removals: Vec<String> = self
            .old
            .files
            .iter()
            .filter(|p| !new.contains(p.as_str()))
            .cloned()
            .collect();
        if self.force {
            // Foreign files where the new site needs a folder (those at its own paths are
            // replaced by the moves).
            let taken = paths_and_folders(written);
            removals.extend(
                self.foreign_files
                    .iter()
                    .filter(|p| taken.contains(p.as_str()) && !new.contains(p.as_str()))
                    .cloned(),
            );
        }
        removals.sort_unstable();
        let mut moves = std::mem::take(&mut *lock(&self.staged));
        moves.sort_unstable();
        self.write(staging, MANIFEST, manifest::render(written).as_bytes())?;
        moves.push(MANIFEST.to_string());
        let mut journal = String::new();
        for path in &removals {
            journal.push_str("-\t");
            journal.push_str(path);
            journal.push('\n');
        }
        for path in &moves {
            journal.push_str("+\t");
            journal.push_str(path);
            journal.push('\n');
        }
        // Written whole (with every staged file) on the disk, then renamed: from this rename
        // on, the publish is decided and a killed build is completed by the next one.
        let pending = format!("{JOURNAL}.new");
        let _ = root.remove_tree(&pending);
        self.write(root, &pending, journal.as_bytes())?;
        let decided = (|| {
            if self.durable {
                root.sync_file_system()?;
            }
            root.rename(&pending, root, JOURNAL)?;
            if self.durable {
                root.sync()?;
            }
            replay(root, self.durable)
        })();
        decided.map_err(|e| write_error(&self.output, &e))
    }
}

impl Drop for Publisher {
    fn drop(&mut self) {
        if self.committed {
            return;
        }
        let _ = match (&self.mode, &self.root) {
            (Mode::Swap { .. }, _) => self.parent.remove_tree(&beside(&self.name, "next")),
            (Mode::InPlace { .. }, Some(root)) => root.root().remove_tree(STAGING),
            (Mode::InPlace { .. }, None) => Ok(()),
        };
    }
}

/// An unchanged file of the old output: the folder that holds it (held open), its name, and
/// the identity (device, inode) of the file that was read.
struct Unchanged<'a> {
    folder: Arc<Folder>,
    name: &'a str,
    read: (u64, u64),
}

/// Whether the old output's file `rel` holds `bytes`: then where it is and which file it is,
/// to link it into the new generation.
fn same_file<'a>(root: &Tree, rel: &'a str, bytes: &[u8]) -> Option<Unchanged<'a>> {
    let (folder, name) = root.folder_of(rel).ok()?;
    let (mut file, stat) = folder.open_file_and_stat(name).ok()?;
    if u64::try_from(stat.st_size).ok()? != bytes.len() as u64 {
        return None;
    }
    // Read to the size `fstat` said, and once more to see that it ended there.
    let mut old = vec![0; bytes.len()];
    file.read_exact(&mut old).ok()?;
    let ended = file.read(&mut [0]).ok()? == 0;
    (ended && old == bytes).then_some(Unchanged {
        folder,
        name,
        read: (stat.st_dev, stat.st_ino),
    })
}

/// Links the old output's unchanged file into the new generation at `rel`. Whether the link is
/// the very file that was read (a link or another file swapped in since is taken out again).
fn link(old: &Unchanged<'_>, next: &Tree, rel: &str) -> bool {
    let Ok((folder, name)) = next.folder_of(rel) else {
        return false;
    };
    if old.folder.hard_link(old.name, &folder, name).is_err() {
        return false;
    }
    match folder.stat(name) {
        Ok(stat)
            if FileType::from_raw_mode(stat.st_mode) == FileType::RegularFile
                && (stat.st_dev, stat.st_ino) == old.read =>
        {
            true
        }
        _ => {
            let _ = folder.remove_file(name);
            false
        }
    }
}

fn scan(output: &Path) -> Result<OldSite, Diagnostic> {
    OldSite::scan(output).map_err(|e| {
        if e.kind() == io::ErrorKind::InvalidInput || crate::error::is_link_in_the_way(&e) {
            let manifest = output.join(MANIFEST);
            return Diagnostic::new(
                &manifest,
                t!("output-manifest-not-a-file", path = manifest.display()),
            )
            .hint(t!("output-manifest-not-a-file-hint"));
        }
        Diagnostic::new(
            output,
            t!("output-unreadable", error = crate::error::io_error(&e)),
        )
        .hint(t!("output-unreadable-hint"))
    })
}

fn refuse_foreign(old: &OldSite, output: &Path, force: bool) -> Result<(), Diagnostic> {
    if force || old.is_empty_or_owned() {
        return Ok(());
    }
    Err(
        Diagnostic::new(output, t!("output-foreign", files = old.foreign_sample()))
            .hint(t!("output-foreign-hint")),
    )
}

/// A foreign `kind` (`file` or `folder`) at `rel`, where the new site needs to write.
fn foreign_error(output: &Path, rel: &str, kind: &str, force_helps: bool) -> Diagnostic {
    let d = Diagnostic::new(
        output.join(rel),
        t!("output-foreign-in-the-way", kind = kind),
    );
    if force_helps {
        d.hint(t!("output-foreign-in-the-way-force-hint"))
    } else {
        d.hint(t!("output-foreign-in-the-way-hint"))
    }
}

/// Every path in `paths` and every folder above one.
fn paths_and_folders(paths: &[String]) -> HashSet<&str> {
    let mut set = HashSet::with_capacity(paths.len() * 2);
    for path in paths {
        set.insert(path.as_str());
        let mut end = 0;
        while let Some(slash) = path[end..].find('/') {
            end += slash + 1;
            set.insert(&path[..end - 1]);
        }
    }
    set
}

/// Puts a foreign entry of the old output into the new generation as it was (a link as a
/// link, never what it points to).
fn carry_over(root: &Folder, next: &Folder, entry: &Foreign) -> io::Result<()> {
    let rel = entry.path();
    if let Some((folder, _)) = rel.rsplit_once('/') {
        next.create_folders(folder)?;
    }
    match entry {
        Foreign::Folder(_) => next.create_folders(rel).map(drop),
        Foreign::File(_) => root.hard_link(rel, next, rel).or_else(|_| {
            let mut bytes = Vec::new();
            root.open_file(rel)?.read_to_end(&mut bytes)?;
            next.create_file(rel)?.write_all(&bytes)
        }),
        Foreign::Link(_) => next.symlink(&root.read_link(rel)?, rel),
    }
}

/// Finishes what killed builds left: an in-place publish whose journal was written is
/// completed, an output moved aside is put back, and everything else earlier builds left beside
/// the output goes to the trash, which is emptied in the background while the build works.
fn recover(parent: &Folder, name: &str, output: &Path, durable: bool) -> Result<(), Diagnostic> {
    if let Ok(root) = Folder::open(output) {
        replay(&root, durable).map_err(|e| write_error(output, &e))?;
        let _ = root.remove_tree(STAGING);
        let _ = root.remove_tree(&format!("{JOURNAL}.new"));
    }
    let trash = beside(name, "trash");
    let old = beside(name, "old");
    // Only a real folder is put back: never a link someone left under that name.
    if parent.stat(name).is_err() && parent.kind(&old).ok() == Some(FileType::Directory) {
        parent
            .rename(&old, parent, name)
            .and_then(|()| if durable { parent.sync() } else { Ok(()) })
            .map_err(|e| write_error(output, &e))?;
    }
    throw_away(parent, &old, &trash);
    throw_away(parent, &beside(name, "next"), &trash);
    // Staging folders of earlier versions: `.public.stdportal-staging-<pid>`.
    let legacy = format!(".{name}.stdportal-staging-");
    for entry in parent.names().unwrap_or_default() {
        let entry = beneath::name_text(&entry);
        if entry.starts_with(&legacy) {
            throw_away(parent, &entry, &trash);
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn site() -> tempfile::TempDir {
        let dir = tempfile::tempdir().unwrap();
        fs::create_dir_all(dir.path().join("site/content")).unwrap();
        dir
    }

    fn publish(
        dir: &Path,
        files: &[(&str, &str)],
        options: PublishOptions,
    ) -> Result<(), Diagnostic> {
        let publisher = Publisher::open(&dir.join("site"), &dir.join("site/public"), options)?;
        for (path, text) in files {
            publisher.put(OutputFile {
                path: path.to_string(),
                bytes: text.as_bytes().to_vec(),
            })?;
        }
        publisher.commit()
    }

    fn read(dir: &Path, rel: &str) -> String {
        fs::read_to_string(dir.join("site/public").join(rel)).unwrap()
    }

    #[test]
    fn a_page_can_become_a_folder_and_back_in_both_modes() {
        for in_place in [false, true] {
            let dir = site();
            let options = PublishOptions {
                in_place,
                ..PublishOptions::default()
            };
            publish(
                dir.path(),
                &[("a", "file a"), ("b/index.html", "b")],
                options,
            )
            .unwrap();
            publish(
                dir.path(),
                &[("a/index.html", "a"), ("b", "file b")],
                options,
            )
            .unwrap();
            assert_eq!(read(dir.path(), "a/index.html"), "a");
            assert_eq!(read(dir.path(), "b"), "file b");
            publish(dir.path(), &[("a", "file a again")], options).unwrap();
            assert_eq!(read(dir.path(), "a"), "file a again");
            assert!(!dir.path().join("site/public/b").exists());
            let leftovers: Vec<_> = fs::read_dir(dir.path().join("site"))
                .unwrap()
                .flatten()
                .map(|e| e.file_name().to_string_lossy().into_owned())
                .filter(|n| !n.ends_with("-lock") && !n.ends_with("-trash"))
                .collect();
            assert_eq!(leftovers.len(), 2, "{leftovers:?}");
        }
    }

    #[test]
    fn paths_that_leave_the_output_are_never_written() {
        let dir = site();
        let publisher = Publisher::open(
            &dir.path().join("site"),
            &dir.path().join("site/public"),
            PublishOptions::default(),
        )
        .unwrap();
        for bad in [
            "../escape.html",
            "/tmp/x",
            "a/../../b",
            "a\\..\\b",
            "a/\u{202e}b",
        ] {
            let err = publisher
                .put(OutputFile {
                    path: bad.into(),
                    bytes: b"x".to_vec(),
                })
                .unwrap_err();
            assert!(err.message.contains("refused"), "{bad}: {}", err.message);
        }
        drop(publisher);
        assert!(!dir.path().join("escape.html").exists());
        assert!(
            !dir.path().join("site/public").exists(),
            "nothing published"
        );
    }

    #[test]
    fn replaying_a_journal_twice_gives_the_same_site() {
        let dir = site();
        let options = PublishOptions {
            in_place: true,
            ..PublishOptions::default()
        };
        publish(dir.path(), &[("a.html", "1"), ("stale.html", "s")], options).unwrap();
        let out = dir.path().join("site/public");
        fs::create_dir_all(out.join(STAGING)).unwrap();
        fs::write(out.join(STAGING).join("a.html"), "2").unwrap();
        let journal = "-\tstale.html\n+\ta.html\n";
        fs::write(out.join(JOURNAL), journal).unwrap();
        replay(&Folder::open(&out).unwrap(), false).unwrap();
        fs::write(out.join(JOURNAL), journal).unwrap();
        replay(&Folder::open(&out).unwrap(), false).unwrap();
        assert_eq!(fs::read_to_string(out.join("a.html")).unwrap(), "2");
        assert!(!out.join("stale.html").exists());
        assert!(!out.join(JOURNAL).exists());
    }

    #[test]
    fn a_journal_cannot_name_paths_outside() {
        let dir = site();
        let out = dir.path().join("site/public");
        fs::create_dir_all(&out).unwrap();
        fs::write(dir.path().join("precious"), "keep").unwrap();
        fs::write(out.join(JOURNAL), "-\t../../precious\n-\t/etc/hostname\n").unwrap();
        replay(&Folder::open(&out).unwrap(), false).unwrap();
        assert!(dir.path().join("precious").exists());
    }
}
