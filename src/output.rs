//! Writing the site: new bytes are written to a staging folder next to the output first and
//! moved into place only when all of them were written, so a failed build never leaves a broken
//! or empty site.

use std::fs;
use std::io;
use std::path::{Path, PathBuf};

use std::collections::BTreeSet;
use std::sync::Mutex;

use rayon::prelude::*;

use crate::error::Diagnostic;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OutputFile {
    /// Relative to the output folder, with `/` separators.
    pub path: String,
    pub bytes: Vec<u8>,
}

/// The theme's `static/` and then the site's `static/` (which wins), copied as they are.
pub fn static_files(root: &Path, theme: &str) -> Result<Vec<OutputFile>, Diagnostic> {
    let mut files: std::collections::BTreeMap<String, Vec<u8>> = Default::default();
    for dir in [
        root.join("themes").join(theme).join("static"),
        root.join("static"),
    ] {
        let (paths, mut problems) = crate::files::files_under(root, &dir, usize::MAX);
        if !problems.is_empty() {
            return Err(problems.remove(0));
        }
        for path in &paths {
            let rel = path.strip_prefix(&dir).unwrap_or(path);
            let name = rel
                .components()
                .map(|c| c.as_os_str().to_string_lossy().into_owned())
                .collect::<Vec<_>>()
                .join("/");
            if name.split('/').any(|part| part.starts_with('.')) {
                continue;
            }
            let bytes = fs::read(path).map_err(|e| {
                Diagnostic::new(
                    crate::content::rel_to(root, path),
                    format!("cannot read the static file: {e}"),
                )
            })?;
            files.insert(name, bytes);
        }
    }
    Ok(files
        .into_iter()
        .map(|(path, bytes)| OutputFile { path, bytes })
        .collect())
}

/// Writes `files` as the new content of `output` (see [`Staging`]).
pub fn write_atomically(output: &Path, files: &[OutputFile]) -> Result<(), Diagnostic> {
    let staging = Staging::begin(output)?;
    files
        .par_iter()
        .try_for_each(|file| staging.put(file.clone()))?;
    staging.commit()
}

/// Writes a new site over `output` so that a build that fails leaves the previous site exactly
/// as it was, taking files one at a time (from many threads) as they are rendered.
///
/// New bytes go to a staging folder next to `output`: on a first build, every file, and the
/// folder is renamed into place; on later builds, only the files whose bytes changed, which are
/// then moved into `output`, and the files that are no longer part of the site are removed.
/// Unchanged files are never touched and keep their modification time, so static hosts and
/// rsync see only real changes. Dropping a `Staging` without committing removes the staging
/// folder and leaves `output` alone.
pub struct Staging {
    output: PathBuf,
    staging: PathBuf,
    /// `output` did not exist: the staging folder becomes it.
    fresh: bool,
    disk_full: bool,
    /// Every path of the new site.
    all: Mutex<Vec<String>>,
    /// The paths written to the staging folder (all of them when `fresh`).
    changed: Mutex<Vec<String>>,
}

impl Staging {
    pub fn begin(output: &Path) -> Result<Staging, Diagnostic> {
        let parent = output
            .parent()
            .filter(|p| !p.as_os_str().is_empty())
            .unwrap_or(Path::new("."));
        let name = output
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_else(|| "public".into());
        fs::create_dir_all(parent).map_err(|e| write_error(parent, &e))?;
        if output.exists() && !output.is_dir() {
            return Err(
                Diagnostic::new(output, "the output exists and is not a folder")
                    .hint("remove it, or choose another output with --output DIR"),
            );
        }
        let staging = parent.join(format!(".{name}.stdportal-staging-{}", std::process::id()));
        remove_tree(&staging);
        fs::create_dir_all(&staging).map_err(|e| write_error(&staging, &e))?;
        Ok(Staging {
            output: output.to_path_buf(),
            staging,
            fresh: !output.exists(),
            disk_full: std::env::var_os(SIMULATE_DISK_FULL).is_some(),
            all: Mutex::default(),
            changed: Mutex::default(),
        })
    }

    /// Takes one file of the new site: stages it if its bytes differ from the current output.
    pub fn put(&self, file: OutputFile) -> Result<(), Diagnostic> {
        let is_new = self.fresh || !unchanged(&self.output.join(&file.path), &file.bytes);
        if is_new {
            let path = self.staging.join(&file.path);
            if self.disk_full {
                return Err(write_error(
                    &path,
                    &io::Error::from(io::ErrorKind::StorageFull),
                ));
            }
            if let Some(parent) = path.parent() {
                fs::create_dir_all(parent).map_err(|e| write_error(parent, &e))?;
            }
            fs::write(&path, &file.bytes).map_err(|e| write_error(&path, &e))?;
            lock(&self.changed).push(file.path.clone());
        }
        lock(&self.all).push(file.path);
        Ok(())
    }

    /// How many files the new site has.
    pub fn len(&self) -> usize {
        lock(&self.all).len()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Puts the new site in place of the old one.
    pub fn commit(self) -> Result<(), Diagnostic> {
        if self.fresh {
            return fs::rename(&self.staging, &self.output)
                .map_err(|e| write_error(&self.output, &e));
        }
        move_into_place(&self.staging, &self.output, &lock(&self.changed))?;
        remove_stale(&self.output, &lock(&self.all));
        Ok(())
    }
}

impl Drop for Staging {
    fn drop(&mut self) {
        remove_tree(&self.staging);
    }
}

fn lock<T>(m: &Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    m.lock().unwrap_or_else(|poisoned| poisoned.into_inner())
}

/// Set this variable to make every write fail as on a full disk: the tests use it to prove that
/// a build that cannot write leaves the previous site as it was.
pub const SIMULATE_DISK_FULL: &str = "STDPORTAL_SIMULATE_DISK_FULL";

fn unchanged(old: &Path, bytes: &[u8]) -> bool {
    match fs::symlink_metadata(old) {
        Ok(meta) if meta.is_file() && meta.len() == bytes.len() as u64 => {
            fs::read(old).is_ok_and(|old_bytes| old_bytes == bytes)
        }
        _ => false,
    }
}

/// Renames the staged files over their old versions (a rename needs no disk space).
fn move_into_place(staging: &Path, output: &Path, changed: &[String]) -> Result<(), Diagnostic> {
    for file in changed {
        let target = output.join(file);
        if let Some(parent) = Path::new(file).parent() {
            make_folder(output, parent)?;
        }
        if target.is_dir() {
            // A page that used to be a folder (or the reverse) in the old site.
            fs::remove_dir_all(&target).map_err(|e| write_error(&target, &e))?;
        }
        fs::rename(staging.join(file), &target).map_err(|e| write_error(&target, &e))?;
    }
    Ok(())
}

/// Creates `output/rel` as a folder, removing a stale file that is in the way.
fn make_folder(output: &Path, rel: &Path) -> Result<(), Diagnostic> {
    let mut dir = output.to_path_buf();
    for part in rel.components() {
        dir.push(part);
        if dir.is_file() || dir.is_symlink() {
            fs::remove_file(&dir).map_err(|e| write_error(&dir, &e))?;
        }
    }
    fs::create_dir_all(&dir).map_err(|e| write_error(&dir, &e))
}

/// Removes what the old site had and the new one does not, then the folders that left empty.
/// Only folders that lost a file are tried: a site has tens of thousands of folders.
fn remove_stale(output: &Path, files: &[String]) {
    let keep: std::collections::HashSet<&str> = files.iter().map(String::as_str).collect();
    let mut emptied: BTreeSet<PathBuf> = BTreeSet::new();
    for entry in walkdir::WalkDir::new(output)
        .min_depth(1)
        .into_iter()
        .flatten()
    {
        if entry.file_type().is_dir() {
            continue;
        }
        let rel = entry.path().strip_prefix(output).unwrap_or(entry.path());
        let rel = rel
            .components()
            .map(|c| c.as_os_str().to_string_lossy())
            .collect::<Vec<_>>()
            .join("/");
        if !keep.contains(rel.as_str()) && fs::remove_file(entry.path()).is_ok() {
            if let Some(parent) = entry.path().parent() {
                emptied.insert(parent.to_path_buf());
            }
        }
    }
    // Deepest first; `remove_dir` only succeeds on an empty folder.
    for dir in emptied.iter().rev() {
        let mut dir = dir.as_path();
        while dir != output && fs::remove_dir(dir).is_ok() {
            match dir.parent() {
                Some(parent) => dir = parent,
                None => break,
            }
        }
    }
}

/// Removes a tree, its top-level entries in parallel (a site has thousands of files).
fn remove_tree(dir: &Path) {
    if !dir.exists() {
        return;
    }
    if let Ok(entries) = fs::read_dir(dir) {
        let entries: Vec<PathBuf> = entries.flatten().map(|e| e.path()).collect();
        entries.par_iter().for_each(|path| {
            let _ = if path.is_dir() {
                fs::remove_dir_all(path)
            } else {
                fs::remove_file(path)
            };
        });
    }
    let _ = fs::remove_dir_all(dir);
}

fn write_error(path: &Path, e: &io::Error) -> Diagnostic {
    let hint = match e.kind() {
        io::ErrorKind::PermissionDenied => {
            "check that you may write to this folder, or choose another with --output DIR"
        }
        io::ErrorKind::StorageFull => "the disk is full: free some space and build again",
        _ => "the previous site was left as it was; fix the problem and build again",
    };
    Diagnostic::new(path, format!("cannot write the site: {e}")).hint(hint)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unchanged_files_keep_their_modification_time() {
        use std::os::unix::fs::MetadataExt;
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("public");
        let file = |path: &str, bytes: &[u8]| OutputFile {
            path: path.into(),
            bytes: bytes.to_vec(),
        };
        write_atomically(
            &out,
            &[file("a/index.html", b"same"), file("b.html", b"old")],
        )
        .unwrap();
        let before = fs::metadata(out.join("a/index.html")).unwrap();
        std::thread::sleep(std::time::Duration::from_millis(20));
        write_atomically(
            &out,
            &[file("a/index.html", b"same"), file("b.html", b"new")],
        )
        .unwrap();
        let after = fs::metadata(out.join("a/index.html")).unwrap();
        assert_eq!(before.ino(), after.ino());
        assert_eq!(before.modified().unwrap(), after.modified().unwrap());
        assert_eq!(fs::read(out.join("b.html")).unwrap(), b"new");
    }

    #[test]
    fn a_page_can_become_a_folder_and_back() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("public");
        let file = |path: &str| OutputFile {
            path: path.into(),
            bytes: b"x".to_vec(),
        };
        write_atomically(&out, &[file("a"), file("b/index.html")]).unwrap();
        write_atomically(&out, &[file("a/index.html"), file("b")]).unwrap();
        assert!(out.join("a/index.html").is_file());
        assert!(out.join("b").is_file());
        assert!(write_atomically(&out.join("b"), &[file("c")]).is_err());
    }

    #[test]
    fn swaps_in_a_new_tree_and_removes_the_old_one() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("public");
        write_atomically(
            &out,
            &[OutputFile {
                path: "a/index.html".into(),
                bytes: b"1".to_vec(),
            }],
        )
        .unwrap();
        write_atomically(
            &out,
            &[OutputFile {
                path: "b.html".into(),
                bytes: b"2".to_vec(),
            }],
        )
        .unwrap();
        assert!(!out.join("a/index.html").exists());
        assert_eq!(fs::read(out.join("b.html")).unwrap(), b"2");
        let leftovers: Vec<_> = fs::read_dir(dir.path())
            .unwrap()
            .flatten()
            .map(|e| e.file_name())
            .collect();
        assert_eq!(leftovers, vec![std::ffi::OsString::from("public")]);
    }
}
