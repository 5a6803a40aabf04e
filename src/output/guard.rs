//! Output folders a build refuses before it touches anything: the site's own folder, a folder
//! of its sources, a folder that holds the site or the home folder, and `/`.
//!
//! A careless `--output .` or `--output content/` used to delete the site's sources, because a
//! build removes what the new site lacks. The ownership record (see [`super::manifest`])
//! already limits removal to files stdportal wrote; refusing these folders outright also keeps
//! generated files from being mixed into the sources.

use std::path::{Component, Path, PathBuf};

use crate::error::Diagnostic;
use crate::t;

/// Folders of a site that hold its sources.
pub(super) const SOURCE_FOLDERS: [&str; 7] = [
    "content",
    "data",
    "themes",
    "templates",
    "i18n",
    "static",
    ".git",
];

/// Refuses an output folder that would mix the site with its sources or with a user's files.
pub(super) fn refuse_dangerous(root: &Path, output: &Path) -> Result<(), Diagnostic> {
    let root = resolve(root);
    let out = resolve(output);
    let refuse = |why: String| Err(Diagnostic::new(output, why).hint(t!("output-dangerous-hint")));
    if out == root {
        return refuse(t!("output-is-the-site"));
    }
    if root.starts_with(&out) {
        return refuse(t!("output-holds-the-site", site = root.display()));
    }
    for folder in SOURCE_FOLDERS {
        if out.starts_with(root.join(folder)) {
            return refuse(t!("output-in-sources", folder = folder));
        }
    }
    if let Some(home) = std::env::var_os("HOME").filter(|h| !h.is_empty()) {
        let home = resolve(Path::new(&home));
        if home.starts_with(&out) {
            return refuse(t!("output-is-home"));
        }
    }
    Ok(())
}

/// The absolute path a folder has once links are followed, also when it does not exist yet:
/// the longest existing part is resolved by the file system, the rest by its names.
pub(super) fn resolve(path: &Path) -> PathBuf {
    let absolute = if path.is_absolute() {
        path.to_path_buf()
    } else {
        std::env::current_dir()
            .unwrap_or_else(|_| PathBuf::from("/"))
            .join(path)
    };
    let mut resolved = PathBuf::new();
    let mut existing = true;
    for component in absolute.components() {
        match component {
            Component::ParentDir => {
                resolved.pop();
            }
            Component::CurDir => {}
            other => {
                resolved.push(other);
                if existing {
                    match resolved.canonicalize() {
                        Ok(canonical) => resolved = canonical,
                        Err(_) => existing = false,
                    }
                }
            }
        }
    }
    resolved
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_site_its_sources_and_its_ancestors_are_refused() {
        let site = tempfile::tempdir().unwrap();
        let root = site.path();
        std::fs::create_dir_all(root.join("content/policies")).unwrap();
        for bad in [
            root.to_path_buf(),
            root.join("."),
            root.join("content"),
            root.join("content/policies/x"),
            root.join("data/new"),
            root.join("themes"),
            root.join("static/out"),
            root.join("content/../content"),
            root.parent().unwrap().to_path_buf(),
            PathBuf::from("/"),
        ] {
            assert!(refuse_dangerous(root, &bad).is_err(), "{}", bad.display());
        }
        for good in [
            root.join("public"),
            root.join("out/site"),
            root.join("public/../www"),
        ] {
            assert!(refuse_dangerous(root, &good).is_ok(), "{}", good.display());
        }
    }

    #[test]
    fn links_are_followed_before_comparing() {
        let site = tempfile::tempdir().unwrap();
        let root = site.path();
        std::fs::create_dir_all(root.join("content")).unwrap();
        std::os::unix::fs::symlink(root.join("content"), root.join("out")).unwrap();
        assert!(refuse_dangerous(root, &root.join("out")).is_err());
        assert!(refuse_dangerous(root, &root.join("out/x")).is_err());
    }
}
