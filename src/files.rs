//! Finding a site's files. Symbolic links are followed only when they stay inside the site:
//! one that leads elsewhere (to `/etc/passwd`, to a colleague's home folder) is an error, so a
//! build never publishes a file from outside the site. That holds for the folders walked too
//! (`themes/` or `themes/default` linked to another folder), not only for what is inside them.

use std::path::{Path, PathBuf};

use walkdir::WalkDir;

use crate::error::io_error;
use crate::error::Diagnostic;
use crate::read::rel_to;
use crate::t;

/// Every file under `dir` (sorted by name), or under it through links inside `root`.
/// Hidden files and folders (names starting with `.`) are skipped. What is not a folder is
/// listed whatever it is (a named pipe, a device): reading it ([`crate::read::source`]) refuses
/// it with a message, rather than the walk leaving it out in silence. A name that is not text
/// is refused here, once for a folder rather than for every file in it, and so is a folder
/// that cannot be read.
pub(crate) fn files_under(
    root: &Path,
    dir: &Path,
    max_depth: usize,
) -> (Vec<PathBuf>, Vec<Diagnostic>) {
    let mut files = Vec::new();
    let mut problems = Vec::new();
    match std::fs::symlink_metadata(dir) {
        Ok(_) => {}
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return (files, problems),
        Err(e) => {
            problems.push(folder_unreadable(root, dir, &e));
            return (files, problems);
        }
    }
    let canonical_root = root.canonicalize().unwrap_or_else(|_| root.to_path_buf());
    if let Err(problem) = inside_site(root, &canonical_root, dir) {
        problems.push(problem);
        return (files, problems);
    }
    let mut walker = WalkDir::new(dir)
        .max_depth(max_depth)
        .sort_by_file_name()
        .into_iter();
    while let Some(entry) = walker.next() {
        let entry = match entry {
            Ok(e) => e,
            Err(e) => {
                let path = e
                    .path()
                    .map_or_else(|| dir.to_path_buf(), Path::to_path_buf);
                let error = match e.io_error() {
                    Some(io) => io_error(io),
                    None => e.to_string(),
                };
                problems.push(
                    Diagnostic::new(rel_to(root, &path), t!("folder-unreadable", error = error))
                        .hint(t!("folder-unreadable-hint")),
                );
                continue;
            }
        };
        if entry.depth() > 0 {
            let Some(name) = entry.file_name().to_str() else {
                problems.push(crate::read::bad_name(root, entry.path()));
                if entry.file_type().is_dir() {
                    walker.skip_current_dir();
                }
                continue;
            };
            if name.starts_with('.') {
                if entry.file_type().is_dir() {
                    walker.skip_current_dir();
                }
                continue;
            }
        }
        let path = entry.path();
        if entry.path_is_symlink() {
            match crate::read::resolve(root, &canonical_root, path) {
                // A link to a folder inside the site is not followed (its files are found
                // where they are); a link to anything else is read, and refused there if it
                // is no ordinary file.
                Ok(target) => {
                    if !target.is_dir() {
                        files.push(path.to_path_buf());
                    }
                }
                Err(problem) => problems.push(problem),
            }
        } else if !entry.file_type().is_dir() {
            files.push(path.to_path_buf());
        }
    }
    (files, problems)
}

/// `dir` cannot be reached: the problem names the folder on the way that cannot be opened.
pub(crate) fn folder_unreadable(root: &Path, dir: &Path, e: &std::io::Error) -> Diagnostic {
    Diagnostic::new(
        rel_to(root, &closed_folder(root, dir)),
        t!("folder-unreadable", error = io_error(e)),
    )
    .hint(t!("folder-unreadable-hint"))
}

/// The folder on the way from `root` to `dir` that cannot be looked into: the last one whose
/// next part cannot be seen.
fn closed_folder(root: &Path, dir: &Path) -> PathBuf {
    let mut folder = root.to_path_buf();
    for part in dir.strip_prefix(root).unwrap_or(dir).components() {
        if std::fs::symlink_metadata(folder.join(part)).is_err() {
            break;
        }
        folder.push(part);
    }
    folder
}

/// A folder the site reads must be inside the site once links are followed: names the first
/// link on the way that leads out.
fn inside_site(root: &Path, canonical_root: &Path, dir: &Path) -> Result<(), Diagnostic> {
    crate::read::resolve(root, canonical_root, dir).map(drop)
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
