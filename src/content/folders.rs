//! The names in the folders of `content/` that reading pages asks about: whether `a.docx` has an
//! `a.md` beside it, whether a file is still there. Each folder is listed once, rather than
//! each of fourteen names looked up for every page (130,000 look-ups for 10,000 pages, nearly
//! all of them for files that do not exist).
//!
//! A name is in a listing exactly when looking it up without following links would find it: a
//! link is listed whatever it leads to (a dangling one too), and so is a folder. A folder that
//! cannot be listed (no read permission) is asked name by name, as before.

use std::collections::HashMap;
use std::ffi::OsString;
use std::path::{Path, PathBuf};

/// A folder is listed when this many of the files read are in it: each file asks about up
/// to fifteen names, and a listing costs about as much as a look-up per few dozen entries.
const LISTED_FROM: usize = 4;

/// The entries of some folders, each name with whether it is a folder (not following links).
#[derive(Debug, Default)]
pub(crate) struct Folders {
    /// Folder → its names; `None` when it could not be listed.
    listed: HashMap<PathBuf, Option<HashMap<OsString, Option<bool>>>>,
}

impl Folders {
    /// The folders holding at least [`LISTED_FROM`] of `paths`, each listed once; the others
    /// (an edit in `serve` reads one file again) are asked name by name, which is cheaper
    /// than listing a folder of thousands for one page.
    pub(crate) fn of<'p>(paths: impl IntoIterator<Item = &'p Path>) -> Folders {
        let mut counts: HashMap<&Path, usize> = HashMap::new();
        for parent in paths.into_iter().filter_map(Path::parent) {
            *counts.entry(parent).or_default() += 1;
        }
        let listed = counts
            .into_iter()
            .filter(|(_, count)| *count >= LISTED_FROM)
            .map(|(parent, _)| (parent.to_path_buf(), list(parent)))
            .collect();
        Folders { listed }
    }

    /// Whether something is at `path` (a file, a folder, a link, whatever it leads to).
    pub(crate) fn exists(&self, path: &Path) -> bool {
        match self.entry(path) {
            Some(entry) => entry.is_some(),
            None => std::fs::symlink_metadata(path).is_ok(),
        }
    }

    /// Whether something other than a folder is at `path` (a link to a folder counts: it is
    /// not followed here).
    pub(crate) fn is_not_folder(&self, path: &Path) -> bool {
        match self.entry(path) {
            Some(Some(Some(is_dir))) => !is_dir,
            Some(None) => false,
            Some(Some(None)) | None => std::fs::symlink_metadata(path).is_ok_and(|m| !m.is_dir()),
        }
    }

    /// `None`: the folder of `path` was not listed. `Some(None)`: listed, and `path` is not in
    /// it. `Some(Some(is_dir))`: in it, a folder or not (`None` when the listing did not say).
    fn entry(&self, path: &Path) -> Option<Option<Option<bool>>> {
        let names = self.listed.get(path.parent()?)?.as_ref()?;
        Some(names.get(path.file_name()?).copied())
    }
}

/// The names of `folder`, each with whether it is a folder (as the listing says, without
/// looking each one up); `None` when it cannot be listed.
fn list(folder: &Path) -> Option<HashMap<OsString, Option<bool>>> {
    let entries = std::fs::read_dir(folder).ok()?;
    let mut names = HashMap::new();
    for entry in entries {
        // A folder whose listing fails halfway is asked name by name.
        let entry = entry.ok()?;
        let is_dir = entry.file_type().ok().map(|t| t.is_dir());
        names.insert(entry.file_name(), is_dir);
    }
    Some(names)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_listing_finds_what_a_look_up_finds() {
        let dir = tempfile::tempdir().unwrap();
        let d = dir.path();
        std::fs::write(d.join("a.md"), "x").unwrap();
        std::fs::create_dir(d.join("x.md")).unwrap();
        std::os::unix::fs::symlink(d.join("nowhere"), d.join("dangling.docx")).unwrap();
        std::os::unix::fs::symlink(d.join("x.md"), d.join("to-folder.md")).unwrap();
        let paths: Vec<PathBuf> = ["a.md", "b", "c", "d"].map(|n| d.join(n)).into();
        let folders = Folders::of(paths.iter().map(PathBuf::as_path));
        assert!(folders.listed.contains_key(d));
        let names = [
            "a.md",
            "A.MD",
            "x.md",
            "dangling.docx",
            "to-folder.md",
            "b.md",
        ];
        for name in names {
            let path = d.join(name);
            let meta = std::fs::symlink_metadata(&path);
            assert_eq!(folders.exists(&path), meta.is_ok(), "{name}");
            assert_eq!(
                folders.is_not_folder(&path),
                meta.is_ok_and(|m| !m.is_dir()),
                "{name}"
            );
        }
        // A folder not listed is asked name by name.
        let other = tempfile::tempdir().unwrap();
        std::fs::write(other.path().join("b.md"), "x").unwrap();
        assert!(folders.exists(&other.path().join("b.md")));
        assert!(!folders.exists(&other.path().join("c.md")));
        assert!(Folders::default().is_not_folder(&d.join("a.md")));
    }

    #[test]
    fn a_folder_of_few_files_read_is_not_listed() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("a.md"), "x").unwrap();
        let folders = Folders::of([dir.path().join("a.md").as_path()]);
        assert!(folders.listed.is_empty());
        assert!(folders.exists(&dir.path().join("a.md")));
        assert!(!folders.exists(&dir.path().join("a.docx")));
    }

    #[test]
    fn a_folder_that_cannot_be_listed_is_asked_name_by_name() {
        let paths =
            ["a.md", "b.md", "c.md", "d.md"].map(|n| Path::new("/nonexistent-stdportal").join(n));
        let folders = Folders::of(paths.iter().map(PathBuf::as_path));
        assert_eq!(folders.listed.len(), 1);
        assert!(!folders.exists(Path::new("/nonexistent-stdportal/a.md")));
        assert!(!folders.is_not_folder(Path::new("/nonexistent-stdportal/a.md")));
    }
}
