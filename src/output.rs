//! Writing the site: everything is written to a staging folder next to the output and swapped in
//! only when the whole build succeeded, so a failed build never leaves a broken or empty site.

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

/// Writes `files` as the new content of `output`, replacing it only once all are written.
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
    let staging = parent.join(format!(".{name}.stdportal-staging-{}", std::process::id()));
    let _ = fs::remove_dir_all(&staging);
    if let Err(e) = write_tree(&staging, output, files) {
        let _ = fs::remove_dir_all(&staging);
        return Err(e);
    }
    swap_in(&staging, output).inspect_err(|_| {
        let _ = fs::remove_dir_all(&staging);
    })
}

/// Set this variable to make every write fail as on a full disk: the tests use it to prove that
/// a build that cannot write leaves the previous site as it was.
pub const SIMULATE_DISK_FULL: &str = "STDPORTAL_SIMULATE_DISK_FULL";

/// Writes the new tree. A file whose bytes are the same as in the previous output is hard-linked
/// from it instead of written, so it keeps its modification time: static hosts and rsync then
/// see only what really changed.
fn write_tree(dir: &Path, previous: &Path, files: &[OutputFile]) -> Result<(), Diagnostic> {
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
        let old = previous.join(&file.path);
        if unchanged(&old, &file.bytes) && fs::hard_link(&old, &path).is_ok() {
            return Ok(());
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

/// Removes a tree, its top-level entries in parallel (a site has thousands of files).
fn remove_tree(dir: &Path) {
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

/// Puts `staging` where `output` is: the old output is moved aside first and removed last.
fn swap_in(staging: &Path, output: &Path) -> Result<(), Diagnostic> {
    let old: Option<PathBuf> = if output.exists() {
        let aside = output.with_file_name(format!(
            ".{}.stdportal-old-{}",
            output
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default(),
            std::process::id()
        ));
        let _ = fs::remove_dir_all(&aside);
        fs::rename(output, &aside).map_err(|e| write_error(output, &e))?;
        Some(aside)
    } else {
        None
    };
    if let Err(e) = fs::rename(staging, output) {
        if let Some(aside) = &old {
            let _ = fs::rename(aside, output);
        }
        return Err(write_error(output, &e));
    }
    if let Some(aside) = old {
        remove_tree(&aside);
    }
    Ok(())
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
