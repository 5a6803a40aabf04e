//! Writing the site: new bytes are written to a staging folder next to the output first and
//! moved into place only when all of them were written, so a failed build never leaves a broken
//! or empty site.

use std::fs;
use std::io;
use std::path::{Path, PathBuf};

use std::collections::BTreeSet;

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

/// Writes `files` as the new content of `output`, so that a build that fails to write leaves
/// the previous site exactly as it was.
///
/// A first build writes everything into a staging folder next to `output` and renames it into
/// place. Later builds stage only the files whose bytes changed, then move them into `output`
/// and remove the files that are no longer part of the site. Unchanged files are never touched
/// and keep their modification time, so static hosts and rsync see only real changes, and a
/// rebuild of 20,000 pages writes only the few that differ.
pub fn write_atomically(output: &Path, files: &[OutputFile]) -> Result<(), Diagnostic> {
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
    if !output.exists() {
        write_files(&staging, files.iter())
            .and_then(|()| fs::rename(&staging, output).map_err(|e| write_error(output, &e)))
            .inspect_err(|_| remove_tree(&staging))?;
        return Ok(());
    }
    let changed: Vec<&OutputFile> = files
        .par_iter()
        .filter(|f| !unchanged(&output.join(&f.path), &f.bytes))
        .collect();
    write_files(&staging, changed.iter().copied()).inspect_err(|_| remove_tree(&staging))?;
    let moved = move_into_place(&staging, output, &changed);
    remove_tree(&staging);
    moved?;
    remove_stale(output, files);
    Ok(())
}

/// Set this variable to make every write fail as on a full disk: the tests use it to prove that
/// a build that cannot write leaves the previous site as it was.
pub const SIMULATE_DISK_FULL: &str = "STDPORTAL_SIMULATE_DISK_FULL";

fn write_files<'a>(
    dir: &Path,
    files: impl Iterator<Item = &'a OutputFile>,
) -> Result<(), Diagnostic> {
    let files: Vec<&OutputFile> = files.collect();
    fs::create_dir_all(dir).map_err(|e| write_error(dir, &e))?;
    let parents: BTreeSet<&Path> = files
        .iter()
        .filter_map(|f| Path::new(&f.path).parent())
        .collect();
    for parent in parents {
        let parent = dir.join(parent);
        fs::create_dir_all(&parent).map_err(|e| write_error(&parent, &e))?;
    }
    let disk_full = std::env::var_os(SIMULATE_DISK_FULL).is_some();
    files.par_iter().try_for_each(|file| {
        let path = dir.join(&file.path);
        if disk_full {
            return Err(write_error(
                &path,
                &io::Error::from(io::ErrorKind::StorageFull),
            ));
        }
        fs::write(&path, &file.bytes).map_err(|e| write_error(&path, &e))
    })
}

fn unchanged(old: &Path, bytes: &[u8]) -> bool {
    match fs::symlink_metadata(old) {
        Ok(meta) if meta.is_file() && meta.len() == bytes.len() as u64 => {
            fs::read(old).is_ok_and(|old_bytes| old_bytes == bytes)
        }
        _ => false,
    }
}

/// Renames the staged files over their old versions (a rename needs no disk space).
fn move_into_place(
    staging: &Path,
    output: &Path,
    changed: &[&OutputFile],
) -> Result<(), Diagnostic> {
    for file in changed {
        let target = output.join(&file.path);
        if let Some(parent) = Path::new(&file.path).parent() {
            make_folder(output, parent)?;
        }
        if target.is_dir() {
            // A page that used to be a folder (or the reverse) in the old site.
            fs::remove_dir_all(&target).map_err(|e| write_error(&target, &e))?;
        }
        fs::rename(staging.join(&file.path), &target).map_err(|e| write_error(&target, &e))?;
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

/// Removes what the old site had and the new one does not, then folders left empty.
fn remove_stale(output: &Path, files: &[OutputFile]) {
    let keep: BTreeSet<PathBuf> = files.iter().map(|f| output.join(&f.path)).collect();
    let mut dirs = Vec::new();
    for entry in walkdir::WalkDir::new(output)
        .min_depth(1)
        .into_iter()
        .flatten()
    {
        if entry.file_type().is_dir() {
            dirs.push(entry.path().to_path_buf());
        } else if !keep.contains(entry.path()) {
            let _ = fs::remove_file(entry.path());
        }
    }
    for dir in dirs.iter().rev() {
        let _ = fs::remove_dir(dir); // only succeeds when empty
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
