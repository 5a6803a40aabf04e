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
use std::io;
use std::path::{Path, PathBuf};
use std::sync::Mutex;

use super::disk::{
    empty_in_background, exchange, is_mount_point, make_parent, parent_of, remove_tree, same_bytes,
    throw_away, write_error,
};
use super::guard;
use super::journal::replay;
use super::lock::Lock;
use super::manifest::{self, Foreign, OldSite, MANIFEST};
use super::path;
use super::OutputFile;
use crate::error::Diagnostic;
use crate::sync::lock;
use crate::t;

/// The journal of an in-place publish: what to remove and what to move into place.
pub const JOURNAL: &str = ".stdportal-journal";
/// Where an in-place publish stages changed files, inside the output folder.
pub const STAGING: &str = ".stdportal-staging";
/// The lock file inside an output folder whose parent cannot be written.
pub const LOCK: &str = ".stdportal-lock";

/// Set this variable to make every write fail as on a full disk: the tests use it to prove that
/// a build that cannot write leaves the previous site as it was.
pub const SIMULATE_DISK_FULL: &str = "STDPORTAL_SIMULATE_DISK_FULL";
/// Set this variable to publish with two renames instead of one exchange, as on systems
/// without `RENAME_EXCHANGE`: the tests use it to prove the fallback recovers from a kill.
pub const SIMULATE_NO_EXCHANGE: &str = "STDPORTAL_SIMULATE_NO_EXCHANGE";

#[derive(Debug, Clone, Copy, Default)]
pub struct PublishOptions {
    /// Build into a folder that holds files stdportal did not write: they are kept, and the
    /// ones at the new site's own paths are replaced.
    pub force: bool,
    /// Move changed files into the output one by one instead of swapping the whole folder.
    pub in_place: bool,
}

enum Mode {
    /// A new generation beside the output, exchanged with it in one rename.
    Swap {
        next: PathBuf,
        aside: PathBuf,
        /// What earlier builds replaced, removed in the background while this one works.
        trash: PathBuf,
    },
    /// Changed files staged inside the output and moved into place from a journal.
    InPlace { staging: PathBuf },
}

/// A new site being published: take files with [`Publisher::put`] (from many threads), then
/// [`Publisher::commit`]. Dropped without a commit, it removes what it staged and the output
/// stays as it was.
pub struct Publisher {
    output: PathBuf,
    mode: Mode,
    old: OldSite,
    /// Foreign files and links: no new path may be one of them or lie under one.
    foreign_files: HashSet<String>,
    /// Foreign folders: no new file may take their place.
    foreign_folders: HashSet<String>,
    force: bool,
    disk_full: bool,
    /// Every path of the new site.
    written: Mutex<Vec<String>>,
    /// In place: the paths staged because their bytes changed.
    staged: Mutex<Vec<String>>,
    committed: bool,
    _lock: Lock,
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
        let parent = parent_of(output);
        fs::create_dir_all(&parent).map_err(|e| write_error(&parent, &e))?;
        let name = output
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_else(|| "public".into());
        let in_place = options.in_place || is_mount_point(output);
        let beside = |what: &str| parent.join(format!(".stdportal-{name}-{what}"));
        let lock = match Lock::acquire(&beside("lock"), output) {
            Ok(lock) => lock,
            // A mount point's parent may be read-only (`/srv/www` in a container).
            Err(_) if in_place && output.is_dir() => {
                Lock::acquire(&output.join(LOCK), output).map_err(|e| write_error(output, &e))?
            }
            Err(e) => return Err(write_error(&beside("lock"), &e)),
        };
        let mode = if in_place {
            Mode::InPlace {
                staging: output.join(STAGING),
            }
        } else {
            Mode::Swap {
                next: beside("next"),
                aside: beside("old"),
                trash: beside("trash"),
            }
        };
        // Folders stdportal keeps beside the output (and in it, in place): a link committed in
        // place of one would have the build move the old site into, and empty, the folder it
        // leads to (`~`).
        let own_folders = match &mode {
            Mode::Swap { next, aside, trash } => vec![next.clone(), aside.clone(), trash.clone()],
            Mode::InPlace { staging } => vec![staging.clone()],
        };
        for folder in &own_folders {
            refuse_not_our_folder(folder)?;
        }
        recover(output, &parent, &name)?;
        let old = scan(output)?;
        refuse_foreign(&old, output, options.force)?;
        if let Mode::Swap { trash, .. } = &mode {
            empty_in_background(trash);
        }
        let staging = match &mode {
            Mode::Swap { next, .. } => next,
            Mode::InPlace { staging } => staging,
        };
        fs::create_dir_all(staging).map_err(|e| write_error(staging, &e))?;
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
            mode,
            old,
            foreign_files,
            foreign_folders,
            force: options.force,
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
        let old = self.output.join(&file.path);
        let unchanged = self.old.files.contains(&file.path) && same_bytes(&old, &file.bytes);
        match &self.mode {
            Mode::Swap { next, .. } => {
                let target = next.join(&file.path);
                make_parent(&target)?;
                if !(unchanged && fs::hard_link(&old, &target).is_ok()) {
                    self.write(&target, &file.bytes)?;
                }
            }
            Mode::InPlace { staging } => {
                if !unchanged {
                    let target = staging.join(&file.path);
                    make_parent(&target)?;
                    self.write(&target, &file.bytes)?;
                    lock(&self.staged).push(file.path.clone());
                }
            }
        }
        lock(&self.written).push(file.path);
        Ok(())
    }

    fn write(&self, target: &Path, bytes: &[u8]) -> Result<(), Diagnostic> {
        if self.disk_full {
            return Err(write_error(
                target,
                &io::Error::from(io::ErrorKind::StorageFull),
            ));
        }
        fs::write(target, bytes).map_err(|e| write_error(target, &e))
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

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Puts the new site in place of the old one, in one step (see the module's comment).
    pub fn commit(mut self) -> Result<(), Diagnostic> {
        let mut written = std::mem::take(&mut *lock(&self.written));
        let result = match &self.mode {
            Mode::Swap { next, aside, trash } => self.swap(next, aside, trash, &mut written),
            Mode::InPlace { staging } => self.move_in_place(staging, &mut written),
        };
        self.committed = result.is_ok();
        result
    }

    fn swap(
        &self,
        next: &Path,
        aside: &Path,
        trash: &Path,
        written: &mut [String],
    ) -> Result<(), Diagnostic> {
        let taken = paths_and_folders(written);
        for entry in &self.old.foreign {
            let rel = entry.path();
            if taken.contains(rel) && !matches!(entry, Foreign::Folder(_)) {
                continue; // replaced with --force
            }
            carry_over(&self.output, next, entry).map_err(|e| write_error(&next.join(rel), &e))?;
        }
        if let Ok(meta) = fs::metadata(&self.output) {
            let _ = fs::set_permissions(next, meta.permissions());
        }
        let manifest = next.join(MANIFEST);
        fs::write(&manifest, manifest::render(written)).map_err(|e| write_error(&manifest, &e))?;
        if !self.output.exists() {
            return fs::rename(next, &self.output).map_err(|e| write_error(&self.output, &e));
        }
        let replaced = if exchange(next, &self.output).map_err(|e| write_error(&self.output, &e))? {
            next
        } else {
            fs::rename(&self.output, aside).map_err(|e| write_error(&self.output, &e))?;
            if let Err(e) = fs::rename(next, &self.output) {
                let _ = fs::rename(aside, &self.output);
                return Err(write_error(&self.output, &e));
            }
            aside
        };
        // Removing thousands of files takes a while: the next build does it in the background.
        throw_away(replaced, trash);
        Ok(())
    }

    fn move_in_place(&self, staging: &Path, written: &mut [String]) -> Result<(), Diagnostic> {
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
        let manifest = staging.join(MANIFEST);
        fs::write(&manifest, manifest::render(written)).map_err(|e| write_error(&manifest, &e))?;
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
        // Written whole, then renamed: from this rename on, the publish is decided and a killed
        // build is completed by the next one.
        let pending = self.output.join(format!("{JOURNAL}.new"));
        fs::write(&pending, journal).map_err(|e| write_error(&pending, &e))?;
        fs::rename(&pending, self.output.join(JOURNAL))
            .map_err(|e| write_error(&self.output.join(JOURNAL), &e))?;
        replay(&self.output).map_err(|e| write_error(&self.output, &e))
    }
}

impl Drop for Publisher {
    fn drop(&mut self) {
        if self.committed {
            return;
        }
        match &self.mode {
            Mode::Swap { next, .. } => remove_tree(next),
            Mode::InPlace { staging } => remove_tree(staging),
        }
    }
}

/// One of stdportal's own folders, when it is there, must be a folder and not a link.
fn refuse_not_our_folder(folder: &Path) -> Result<(), Diagnostic> {
    match fs::symlink_metadata(folder) {
        Ok(meta) if !meta.is_dir() => Err(Diagnostic::new(folder, t!("output-own-folder-taken"))
            .hint(t!("output-own-folder-taken-hint"))),
        _ => Ok(()),
    }
}

fn scan(output: &Path) -> Result<OldSite, Diagnostic> {
    OldSite::scan(output).map_err(|e| {
        Diagnostic::new(
            output,
            t!("output-unreadable", error = crate::i18n::io_error(&e)),
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

/// Puts a foreign entry of the old output into the new generation as it was.
fn carry_over(output: &Path, next: &Path, entry: &Foreign) -> io::Result<()> {
    let rel = entry.path();
    let (from, to) = (output.join(rel), next.join(rel));
    if let Some(parent) = to.parent() {
        fs::create_dir_all(parent)?;
    }
    match entry {
        Foreign::Folder(_) => fs::create_dir_all(&to),
        Foreign::File(_) => fs::hard_link(&from, &to).or_else(|_| fs::copy(&from, &to).map(drop)),
        Foreign::Link(_) => std::os::unix::fs::symlink(fs::read_link(&from)?, &to),
    }
}

/// Finishes what killed builds left: an in-place publish whose journal was written is
/// completed, an output moved aside is put back, and everything else earlier builds left beside
/// the output goes to the trash, which is emptied in the background while the build works.
fn recover(output: &Path, parent: &Path, name: &str) -> Result<(), Diagnostic> {
    if output.join(JOURNAL).is_file() {
        replay(output).map_err(|e| write_error(output, &e))?;
    }
    remove_tree(&output.join(STAGING));
    let _ = fs::remove_file(output.join(format!("{JOURNAL}.new")));
    let beside = |what: &str| parent.join(format!(".stdportal-{name}-{what}"));
    let trash = beside("trash");
    if !output.exists() && beside("old").is_dir() {
        fs::rename(beside("old"), output).map_err(|e| write_error(output, &e))?;
    }
    throw_away(&beside("old"), &trash);
    throw_away(&beside("next"), &trash);
    // Staging folders of earlier versions: `.public.stdportal-staging-<pid>`.
    let legacy = format!(".{name}.stdportal-staging-");
    if let Ok(entries) = fs::read_dir(parent) {
        for entry in entries.flatten() {
            if entry.file_name().to_string_lossy().starts_with(&legacy) {
                throw_away(&entry.path(), &trash);
            }
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
                force: false,
                in_place,
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
            force: false,
            in_place: true,
        };
        publish(dir.path(), &[("a.html", "1"), ("stale.html", "s")], options).unwrap();
        let out = dir.path().join("site/public");
        fs::create_dir_all(out.join(STAGING)).unwrap();
        fs::write(out.join(STAGING).join("a.html"), "2").unwrap();
        let journal = "-\tstale.html\n+\ta.html\n";
        fs::write(out.join(JOURNAL), journal).unwrap();
        replay(&out).unwrap();
        fs::write(out.join(JOURNAL), journal).unwrap();
        replay(&out).unwrap();
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
        replay(&out).unwrap();
        assert!(dir.path().join("precious").exists());
    }
}
