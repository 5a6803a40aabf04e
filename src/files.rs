//! Finding a site's files. Symbolic links are followed only when they stay inside the site:
//! one that leads elsewhere (to `/etc/passwd`, to a colleague's home folder) is an error, so a
//! build never publishes a file from outside the site. That holds for the folders walked too
//! (`themes/` or `themes/default` linked to another folder), not only for what is inside them.

use std::path::{Path, PathBuf};

use walkdir::WalkDir;

use crate::content::rel_to;
use crate::error::Diagnostic;
use crate::i18n::io_error;
use crate::t;

/// Every file under `dir` (sorted by name), or under it through links inside `root`.
/// Hidden files and folders (names starting with `.`) are skipped.
pub fn files_under(root: &Path, dir: &Path, max_depth: usize) -> (Vec<PathBuf>, Vec<Diagnostic>) {
    let mut files = Vec::new();
    let mut problems = Vec::new();
    if !dir.exists() {
        return (files, problems);
    }
    let canonical_root = root.canonicalize().unwrap_or_else(|_| root.to_path_buf());
    if let Err(problem) = inside_site(root, &canonical_root, dir) {
        problems.push(problem);
        return (files, problems);
    }
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
                    t!("file-unreadable", error = e.to_string()),
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
                        t!("link-outside-site", target = target.display()),
                    )
                    .hint(t!("link-outside-site-hint")),
                ),
                Err(_) => problems.push(
                    Diagnostic::new(rel_to(root, path), t!("link-dangling"))
                        .hint(t!("link-dangling-hint")),
                ),
            }
        } else if entry.file_type().is_file() {
            files.push(path.to_path_buf());
        }
    }
    (files, problems)
}

/// A folder the site reads must be inside the site once links are followed: names the first
/// link on the way that leads out.
fn inside_site(root: &Path, canonical_root: &Path, dir: &Path) -> Result<(), Diagnostic> {
    let target = dir.canonicalize().map_err(|e| {
        Diagnostic::new(
            rel_to(root, dir),
            t!("folder-unreadable", error = io_error(&e)),
        )
    })?;
    if target.starts_with(canonical_root) {
        return Ok(());
    }
    let rel = dir.strip_prefix(root).unwrap_or(dir);
    let mut link = root.to_path_buf();
    for part in rel.components() {
        link.push(part);
        if link.is_symlink() {
            break;
        }
    }
    let shown = rel_to(root, &link);
    Err(Diagnostic::new(
        &shown,
        t!(
            "folder-link-outside-site",
            target = link.canonicalize().unwrap_or(target).display()
        ),
    )
    .hint(t!("folder-link-outside-site-hint")))
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

    #[test]
    fn folders_linked_out_of_the_site_are_errors() {
        let outside = tempfile::tempdir().unwrap();
        std::fs::create_dir_all(outside.path().join("default/static")).unwrap();
        std::fs::write(outside.path().join("default/static/secret.txt"), "x").unwrap();
        let site = tempfile::tempdir().unwrap();
        std::os::unix::fs::symlink(outside.path(), site.path().join("themes")).unwrap();
        let dir = site.path().join("themes/default/static");
        let (files, problems) = files_under(site.path(), &dir, usize::MAX);
        assert!(files.is_empty());
        assert_eq!(problems.len(), 1);
        assert_eq!(problems[0].file, Path::new("themes"));
        assert!(problems[0].message.contains("outside the site"));
    }
}
