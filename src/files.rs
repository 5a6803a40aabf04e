//! Finding a site's files. Symbolic links are followed only when they stay inside the site:
//! one that leads elsewhere (to `/etc/passwd`, to a colleague's home folder) is an error, so a
//! build never publishes a file from outside the site.

use std::path::{Path, PathBuf};

use walkdir::WalkDir;

use crate::content::rel_to;
use crate::error::Diagnostic;

/// Every file under `dir` (sorted by name), or under it through links inside `root`.
/// Hidden files and folders (names starting with `.`) are skipped.
pub fn files_under(root: &Path, dir: &Path, max_depth: usize) -> (Vec<PathBuf>, Vec<Diagnostic>) {
    let mut files = Vec::new();
    let mut problems = Vec::new();
    if !dir.exists() {
        return (files, problems);
    }
    let canonical_root = root.canonicalize().unwrap_or_else(|_| root.to_path_buf());
    let walker = WalkDir::new(dir)
        .max_depth(max_depth)
        .sort_by_file_name()
        .into_iter()
        .filter_entry(|e| e.depth() == 0 || !e.file_name().to_string_lossy().starts_with('.'));
    for entry in walker {
        let entry = match entry {
            Ok(e) => e,
            Err(e) => {
                let path = e
                    .path()
                    .map_or_else(|| dir.to_path_buf(), Path::to_path_buf);
                problems.push(Diagnostic::new(
                    rel_to(root, &path),
                    format!("cannot read: {e}"),
                ));
                continue;
            }
        };
        let path = entry.path();
        if entry.path_is_symlink() {
            match path.canonicalize() {
                Ok(target) if target.starts_with(&canonical_root) => {
                    if target.is_file() {
                        files.push(path.to_path_buf());
                    }
                }
                Ok(target) => problems.push(
                    Diagnostic::new(
                        rel_to(root, path),
                        format!("this link points outside the site, to {}", target.display()),
                    )
                    .hint("copy the file into the site instead of linking to it"),
                ),
                Err(_) => problems.push(
                    Diagnostic::new(
                        rel_to(root, path),
                        "this link points to a file that does not exist",
                    )
                    .hint("remove the link or restore the file it points to"),
                ),
            }
        } else if entry.file_type().is_file() {
            files.push(path.to_path_buf());
        }
    }
    (files, problems)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn links_inside_are_followed_and_links_outside_are_errors() {
        let outside = tempfile::tempdir().unwrap();
        std::fs::write(outside.path().join("secret.md"), "x").unwrap();
        let site = tempfile::tempdir().unwrap();
        let content = site.path().join("content");
        std::fs::create_dir_all(&content).unwrap();
        std::fs::write(content.join("a.md"), "a").unwrap();
        std::fs::write(content.join(".hidden.md"), "h").unwrap();
        std::os::unix::fs::symlink(content.join("a.md"), content.join("b.md")).unwrap();
        std::os::unix::fs::symlink(outside.path().join("secret.md"), content.join("c.md")).unwrap();
        std::os::unix::fs::symlink(site.path().join("nowhere"), content.join("d.md")).unwrap();
        let (files, problems) = files_under(site.path(), &content, usize::MAX);
        let names: Vec<_> = files
            .iter()
            .map(|f| f.file_name().unwrap().to_string_lossy().into_owned())
            .collect();
        assert_eq!(names, ["a.md", "b.md"]);
        assert_eq!(problems.len(), 2);
        assert!(problems[0].message.contains("outside the site"));
        assert_eq!(problems[0].file, Path::new("content/c.md"));
        assert!(problems[1].message.contains("does not exist"));
    }
}
