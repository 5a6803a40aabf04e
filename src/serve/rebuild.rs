//! Building the site into memory for `serve`, and working out what a rebuild changed.
//!
//! Three kinds of rebuild, cheapest first:
//! - stylesheets only: the static files are read again and pages swap them in place;
//! - pages and data tables (edited, new or removed): the last good site is kept in memory, the
//!   edited files are read again ([`Site::reread`]), and only what shows something that
//!   changed is rendered ([`Incremental::update`]): what each route and file read was written
//!   down while the last good build rendered it;
//! - anything else (templates, configuration, the conversion dictionary, other static files):
//!   the whole site is built again, in parallel.
//!
//! Every rebuild diffs its output against the last good one, so the browser reloads only pages
//! whose bytes changed. The tests check that each kind gives the same bytes as a full build.

use std::collections::BTreeMap;
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

use axum::body::Bytes;

use crate::error::{Diagnostic, Diagnostics};
use crate::output::OutputFile;
use crate::site::incremental::Incremental;
use crate::site::{BuildOptions, Reread, Site};
use crate::sync::{into_inner, lock};
use crate::t;

/// A build's output: path relative to the output root (with `/`) → contents.
pub type FileMap = BTreeMap<String, Bytes>;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum ChangeKind {
    /// The site was built again; pages showing the changed paths should reload.
    Full,
    /// Only stylesheets changed: pages can swap them in place and keep their scroll position.
    Css,
}

/// What one rebuild produced.
#[derive(Debug, Clone)]
pub struct Changes {
    pub(crate) kind: ChangeKind,
    /// Output paths that were added, changed or removed, sorted.
    pub paths: Vec<String>,
    /// When only part of the site was rendered again (an edit to pages): how many routes.
    pub partial: Option<usize>,
    /// After an incremental rebuild with search on: what the search index did (its files are
    /// among `paths`).
    pub index: Option<crate::search::IndexUpdate>,
    /// The complete output after the rebuild.
    pub files: Arc<FileMap>,
}

impl Changes {
    /// How many of the changed paths are pages.
    pub fn pages(&self) -> usize {
        self.paths.iter().filter(|p| p.ends_with(".html")).count()
    }
}

/// Keeps the last good output so each rebuild can say what changed relative to it.
pub struct Rebuilder {
    options: BuildOptions,
    files: Arc<FileMap>,
    /// The theme of the last good build; `None` until a build succeeded, which also means the
    /// CSS shortcut cannot be taken (there is nothing to patch).
    theme: Option<String>,
    /// The site as it was last read, and what the last good build rendered from it, kept so
    /// that an edit renders only what shows it. `None` until a full build succeeds.
    last: Option<(Site, Incremental)>,
    /// The last rebuild refused a file: `serve` withholds the pages until a rebuild succeeds,
    /// so the stylesheet shortcut (which says nothing of the other files) is not taken.
    refused: bool,
}

impl Rebuilder {
    /// A rebuilder for the site `options` names; nothing is loaded until the first build.
    pub fn new(options: BuildOptions) -> Self {
        Rebuilder {
            options,
            files: Arc::new(FileMap::new()),
            theme: None,
            last: None,
            refused: false,
        }
    }

    /// The site as the last good build read it (its profile, its timings), if one succeeded.
    pub fn site(&self) -> Option<&Site> {
        self.last.as_ref().map(|(site, _)| site)
    }

    /// Rebuilds after `changed` (absolute paths of source files; empty means "everything").
    /// On failure the last good output is kept, so the next success is diffed against it.
    pub fn rebuild(&mut self, changed: &[PathBuf]) -> Result<Changes, Diagnostics> {
        // A bug in a renderer must not take the server down with it: the user keeps the last
        // good site and sees the message, like any other build error.
        let outcome = catch_unwind(AssertUnwindSafe(|| self.rebuild_inner(changed)));
        let outcome = outcome.unwrap_or_else(|panic| {
            let what = panic
                .downcast_ref::<&str>()
                .map(|s| s.to_string())
                .or_else(|| panic.downcast_ref::<String>().cloned())
                .unwrap_or_else(|| t!("serve-panic-unknown-cause"));
            Err(
                Diagnostic::new("stdportal", t!("serve-build-panicked", cause = what))
                    .hint(t!("serve-build-panicked-hint"))
                    .into(),
            )
        });
        if let Err(problems) = &outcome {
            self.refused = problems.iter().any(|d| d.refused);
        } else {
            self.refused = false;
        }
        outcome
    }

    fn rebuild_inner(&mut self, changed: &[PathBuf]) -> Result<Changes, Diagnostics> {
        if let Some(theme) = self.theme.as_ref().filter(|_| !self.refused) {
            if !changed.is_empty() && changed.iter().all(|p| is_static_css(&self.options.root, p)) {
                let theme = theme.clone();
                return self.reload_static(&theme);
            }
        }
        if let Some(changes) = self.rebuild_pages(changed) {
            return changes;
        }
        let options = BuildOptions {
            root: self.options.root.clone(),
            base_url: self.options.base_url.clone(),
            drafts: self.options.drafts,
            future: self.options.future,
            search: self.options.search,
        };
        let site = Site::load(&options)?;
        self.last = None;
        let rendered = Mutex::new(FileMap::new());
        let incremental = site.render_for_edits(&|f| {
            lock(&rendered).insert(f.path, Bytes::from(f.bytes));
            Ok(())
        })?;
        let files = into_inner(rendered);
        let paths = diff(&self.files, &files);
        self.files = Arc::new(files);
        self.theme = Some(site.config().theme.clone());
        self.last = Some((site, incremental));
        Ok(Changes {
            kind: ChangeKind::Full,
            paths,
            partial: None,
            index: None,
            files: self.files.clone(),
        })
    }

    /// The incremental rebuild after edits to pages and data tables, or `None` when the edit
    /// needs the whole site loaded again (see [`Site::reread`]).
    fn rebuild_pages(&mut self, changed: &[PathBuf]) -> Option<Result<Changes, Diagnostics>> {
        let (site, incremental) = self.last.as_mut()?;
        if changed.is_empty() {
            return None;
        }
        match site.reread(changed) {
            Ok(Reread::Done) => {}
            Ok(Reread::NeedsFullLoad) => return None,
            Err(problems) => return Some(Err(problems)),
        }
        let update = match incremental.update(site) {
            Ok(update) => update,
            Err(problems) => return Some(Err(problems)),
        };
        let mut files = (*self.files).clone();
        let mut paths = Vec::new();
        for path in &update.removed {
            if files.remove(path).is_some() {
                paths.push(path.clone());
            }
        }
        paths.extend(overlay(&mut files, update.files));
        paths.sort();
        paths.dedup();
        self.files = Arc::new(files);
        Some(Ok(Changes {
            kind: ChangeKind::Full,
            paths,
            partial: Some(update.rendered),
            index: update.index,
            files: self.files.clone(),
        }))
    }

    /// Re-reads only the static files: the CSS shortcut. Nothing rendered depends on a
    /// stylesheet's contents, so the rest of the last good output stays valid.
    fn reload_static(&mut self, theme: &str) -> Result<Changes, Diagnostics> {
        let statics = crate::output::static_files(&self.options.root, theme)?;
        let mut files = (*self.files).clone();
        let paths = overlay(&mut files, statics);
        let kind = if paths.iter().all(|p| p.ends_with(".css")) {
            ChangeKind::Css
        } else {
            ChangeKind::Full
        };
        self.files = Arc::new(files);
        Ok(Changes {
            kind,
            paths,
            partial: None,
            index: None,
            files: self.files.clone(),
        })
    }
}

/// Lays `files` (new bytes for some paths) over `map`; returns the paths whose bytes changed,
/// sorted. The map is changed in place: at 10k pages it holds 50k files, and a copy of it per
/// edit showed in serve's profile.
fn overlay(map: &mut FileMap, files: Vec<OutputFile>) -> Vec<String> {
    let mut paths = Vec::new();
    for file in files {
        if map.get(&file.path).map(|b| b.as_ref()) != Some(file.bytes.as_slice()) {
            paths.push(file.path.clone());
            map.insert(file.path, Bytes::from(file.bytes));
        }
    }
    paths.sort();
    paths
}

/// Output paths added, changed or removed between two builds, sorted.
pub fn diff(old: &FileMap, new: &FileMap) -> Vec<String> {
    let mut paths: Vec<String> = new
        .iter()
        .filter(|(path, bytes)| old.get(*path) != Some(*bytes))
        .map(|(path, _)| path.clone())
        .chain(old.keys().filter(|p| !new.contains_key(*p)).cloned())
        .collect();
    paths.sort();
    paths
}

/// A stylesheet in the site's or a theme's `static/` that still exists (a deleted one may be
/// referenced by pages, so it takes the full rebuild).
fn is_static_css(root: &Path, path: &Path) -> bool {
    let Ok(rel) = path.strip_prefix(root) else {
        return false;
    };
    let parts: Vec<_> = rel.components().map(|c| c.as_os_str()).collect();
    let in_static = match parts.as_slice() {
        [first, _, ..] if *first == "static" => true,
        [themes, _, dir, _, ..] if *themes == "themes" && *dir == "static" => true,
        _ => false,
    };
    in_static
        && path
            .extension()
            .is_some_and(|e| e.eq_ignore_ascii_case("css"))
        && path.is_file()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn map(entries: &[(&str, &str)]) -> FileMap {
        entries
            .iter()
            .map(|(k, v)| (k.to_string(), Bytes::from(v.to_string())))
            .collect()
    }

    #[test]
    fn diff_lists_added_changed_and_removed_paths() {
        let old = map(&[("a.html", "1"), ("b.html", "2"), ("c.css", "3")]);
        let new = map(&[("a.html", "1"), ("b.html", "x"), ("d.js", "4")]);
        assert_eq!(diff(&old, &new), ["b.html", "c.css", "d.js"]);
        assert!(diff(&new, &new).is_empty());
    }

    #[test]
    fn only_existing_css_under_static_dirs_takes_the_shortcut() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        for rel in [
            "static/a.css",
            "static/sub/b.css",
            "themes/default/static/style.css",
            "themes/default/templates/x.css",
            "content/c.css",
            "static/app.js",
        ] {
            let path = root.join(rel);
            std::fs::create_dir_all(path.parent().unwrap()).unwrap();
            std::fs::write(path, "x").unwrap();
        }
        let yes = |rel: &str| is_static_css(root, &root.join(rel));
        assert!(yes("static/a.css"));
        assert!(yes("static/sub/b.css"));
        assert!(yes("themes/default/static/style.css"));
        assert!(!yes("themes/default/templates/x.css"));
        assert!(!yes("content/c.css"));
        assert!(!yes("static/app.js"));
        assert!(!yes("static/gone.css"));
        assert!(!is_static_css(root, Path::new("/elsewhere/static/a.css")));
    }
}
