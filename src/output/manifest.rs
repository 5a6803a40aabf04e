//! What stdportal owns in an output folder: the list of files the last build published, kept in
//! the folder itself (so it changes together with the site), and what else the folder holds.
//!
//! A build removes or replaces only files on that list. Anything else in the folder (a
//! colleague's `google123.html`, an `uploads/` folder) belongs to someone else: it is kept, and
//! a new page that would overwrite it is an error.

use super::names::{MANIFEST, OWN_ENTRIES, OWN_FILE_LIMIT};
use std::collections::HashSet;
use std::fs;
use std::io;
use std::path::Path;

use rayon::prelude::*;

const HEADER: &str = "# stdportal: the files the last build of this site wrote. stdportal replaces and removes only these; keep this file.";

/// An output folder as the last build left it.
#[derive(Debug, Default)]
pub(super) struct OldSite {
    /// Whether the folder exists.
    pub exists: bool,
    /// Whether it has a manifest: stdportal made it.
    pub owned: bool,
    /// Files listed in the manifest that are still regular files where the manifest says.
    pub files: HashSet<String>,
    /// Entries that are not stdportal's: files and links (paths), and folders that hold none of
    /// stdportal's files (kept even when empty).
    pub foreign: Vec<Foreign>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) enum Foreign {
    File(String),
    Link(String),
    Folder(String),
}

impl Foreign {
    pub(super) fn path(&self) -> &str {
        match self {
            Foreign::File(p) | Foreign::Link(p) | Foreign::Folder(p) => p,
        }
    }
}

impl OldSite {
    /// Reads the manifest and looks at every entry of `output` (links are not followed).
    pub(super) fn scan(output: &Path) -> io::Result<OldSite> {
        if !output.is_dir() {
            return Ok(OldSite::default());
        }
        // Read as a stranger's file: a link, pipe or folder in its place is an error (a pipe
        // would hang the build, a link could list anything).
        let manifest = super::beneath::Folder::open(output)
            .and_then(|f| f.read_file(MANIFEST, OWN_FILE_LIMIT))
            .and_then(|bytes| {
                String::from_utf8(bytes).map_err(|_| io::ErrorKind::InvalidData.into())
            });
        let listed = match manifest {
            Ok(text) => Some(parse(&text)),
            Err(e) if e.kind() == io::ErrorKind::NotFound => None,
            Err(e) => return Err(e),
        };
        let owned = listed.is_some();
        let listed = listed.unwrap_or_default();
        // Folders that held stdportal's files: they come and go with the site.
        let mut own_folders: HashSet<&str> = HashSet::new();
        for path in &listed {
            let mut end = 0;
            while let Some(slash) = path[end..].find('/') {
                end += slash + 1;
                own_folders.insert(&path[..end - 1]);
            }
        }
        let mut site = OldSite {
            exists: true,
            owned,
            ..OldSite::default()
        };
        for (rel, kind) in entries(output, "")? {
            if kind.is_dir() {
                if !own_folders.contains(rel.as_str()) {
                    site.foreign.push(Foreign::Folder(rel));
                }
            } else if kind.is_file() && listed.contains(&rel) {
                site.files.insert(rel);
            } else if kind.is_symlink() {
                site.foreign.push(Foreign::Link(rel));
            } else {
                site.foreign.push(Foreign::File(rel));
            }
        }
        Ok(site)
    }

    /// Whether the folder can be built into without taking over anyone's files.
    pub(super) fn is_empty_or_owned(&self) -> bool {
        !self.exists || self.owned || self.foreign.is_empty()
    }

    /// A few of the foreign entries, for a message: `thesis.docx, photos/` (`、` in Chinese).
    pub(super) fn foreign_sample(&self) -> String {
        let mut names: Vec<String> = self
            .foreign
            .iter()
            .filter(|f| !f.path().contains('/'))
            .map(|f| match f {
                Foreign::Folder(p) => format!("{p}/"),
                other => other.path().to_string(),
            })
            .take(4)
            .collect();
        if self
            .foreign
            .iter()
            .filter(|f| !f.path().contains('/'))
            .count()
            > 4
        {
            names.push("…".into());
        }
        names.join(&crate::t!("output-name-separator"))
    }
}

/// Every entry under `dir` (`rel` relative to the output, empty at the top) with its type,
/// links not followed, stdportal's own entries left out. Folders are read in parallel: a site
/// has one folder per page.
fn entries(dir: &Path, rel: &str) -> io::Result<Vec<(String, fs::FileType)>> {
    let mut found = Vec::new();
    let mut folders = Vec::new();
    for entry in fs::read_dir(dir)? {
        let entry = entry?;
        let name = entry.file_name().to_string_lossy().into_owned();
        if rel.is_empty() && OWN_ENTRIES.contains(&name.as_str()) {
            continue;
        }
        let kind = entry.file_type()?;
        let path = if rel.is_empty() {
            name
        } else {
            format!("{rel}/{name}")
        };
        if kind.is_dir() {
            folders.push((entry.path(), path.clone()));
        }
        found.push((path, kind));
    }
    let nested: Vec<Vec<(String, fs::FileType)>> = folders
        .par_iter()
        .map(|(dir, rel)| entries(dir, rel))
        .collect::<io::Result<_>>()?;
    found.extend(nested.into_iter().flatten());
    Ok(found)
}

/// The manifest's text for the files of a new site.
pub(super) fn render(paths: &mut [String]) -> String {
    paths.sort_unstable();
    let mut text = String::with_capacity(paths.iter().map(|p| p.len() + 1).sum::<usize>() + 128);
    text.push_str(HEADER);
    text.push('\n');
    for path in paths.iter() {
        text.push_str(path);
        text.push('\n');
    }
    text
}

fn parse(text: &str) -> HashSet<String> {
    text.lines()
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .filter(|l| super::path::check(l).is_ok())
        .map(str::to_string)
        .collect()
}

/// `path` relative to `base`, with `/` separators.
pub(super) fn relative(base: &Path, path: &Path) -> String {
    path.strip_prefix(base)
        .unwrap_or(path)
        .components()
        .map(|c| c.as_os_str().to_string_lossy())
        .collect::<Vec<_>>()
        .join("/")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scan_tells_owned_files_from_foreign_ones() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path();
        fs::create_dir_all(out.join("a")).unwrap();
        fs::create_dir_all(out.join("uploads")).unwrap();
        fs::create_dir_all(out.join("photos/2020")).unwrap();
        fs::write(out.join("a/index.html"), "x").unwrap();
        fs::write(out.join("thesis.docx"), "x").unwrap();
        fs::write(out.join("photos/2020/1.jpg"), "x").unwrap();
        std::os::unix::fs::symlink("/etc", out.join("etc")).unwrap();
        fs::write(
            out.join(MANIFEST),
            render(&mut ["a/index.html".into(), "gone.html".into()]),
        )
        .unwrap();
        let old = OldSite::scan(out).unwrap();
        assert!(old.owned);
        assert_eq!(old.files, HashSet::from(["a/index.html".to_string()]));
        let mut foreign: Vec<&str> = old.foreign.iter().map(Foreign::path).collect();
        foreign.sort();
        assert_eq!(
            foreign,
            [
                "etc",
                "photos",
                "photos/2020",
                "photos/2020/1.jpg",
                "thesis.docx",
                "uploads"
            ]
        );
        assert!(!old.is_empty_or_owned() || old.owned);
    }

    #[test]
    fn a_manifest_cannot_name_paths_outside() {
        let listed = parse("# x\na/index.html\n../../etc/passwd\n/etc/passwd\n\n");
        assert_eq!(listed, HashSet::from(["a/index.html".to_string()]));
    }
}
