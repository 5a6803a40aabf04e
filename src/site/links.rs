//! Links written in pages and sections, resolved once every source is read, so that one way of
//! writing a link works on every page of both scripts and under any base path:
//!
//! - `@/policies/x.md#anchor` — a page by its source file, as Zola writes it (`_index.md` for a
//!   section, `@/policies/x/图.png` for a file of `content/`);
//! - a path relative to the `.md` file (`../interpretations/y.md`, `图1.png` beside the page);
//! - a path relative to the page's address (`../../cities/taian/`), as a browser reads it;
//! - a path from the site's root (`/files/x.pdf`, `/policies/x/`), with or without the base
//!   path (`/bzh/files/x.pdf`).
//!
//! A page or list is published as an address in the script of the page that links to it (the
//! root marker, replaced per script when a page is rendered); a file, which is published once
//! for both scripts, as its address under the base path. A link that leads to nothing, to a
//! heading a page does not have, or out of the site is a problem at its line and column, with
//! the nearest existing target. Links to other sites are `check`'s to list.

use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};
use std::path::{Path, PathBuf};

use super::render::Producer;
use super::Site;
use crate::content::links::{Attachment, WrittenLink};
use crate::content::markdown::safety;
use crate::error::{Diagnostic, Diagnostics};
use crate::escape::percent_decode;
use crate::shortcodes::ROOT_MARKER;
use crate::t;

/// An address as published: percent-encoded where a character would end it or change its
/// meaning, or where HTML validators refuse it in a path (controls, space, `" < > # ? % &`…).
/// Chinese stays readable, as the templates write it.
fn encode(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        let escaped = c.is_ascii_control()
            || matches!(
                c,
                ' ' | '"'
                    | '<'
                    | '>'
                    | '`'
                    | '#'
                    | '?'
                    | '%'
                    | '&'
                    | '\''
                    | '{'
                    | '}'
                    | '|'
                    | '\\'
                    | '^'
                    | '['
                    | ']'
            );
        if escaped {
            out.push_str(&format!("%{:02X}", c as u32));
        } else {
            out.push(c);
        }
    }
    out
}

/// What the site's links were resolved to, set on its pages and sections.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub(crate) struct Resolved {
    /// The files of `content/` published: output path → the file. Those in a page's folder,
    /// and those a page links to or attaches.
    pub files: BTreeMap<String, PathBuf>,
}

/// Where a link leads.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Target {
    /// A page or list, in the script of the page linking to it (route path: `policies/x/`);
    /// the page's index when it is a page whose ids are known.
    Route { path: String, page: Option<usize> },
    /// A page of the other script named by its folder (`zh-hant/policies/x/`): kept so.
    Fixed { path: String },
    /// A file, published once for both scripts (output path).
    File { path: String },
}

/// Why a link leads nowhere.
enum Missing {
    /// Out of `content/` or the site: `@/../x`, `../../../x`.
    Outside,
    /// No page, list or file there: what it looked for, and the nearest there is.
    Nothing {
        looked_for: String,
        near: Option<String>,
    },
}

/// Everything a link can lead to.
struct Targets<'a> {
    base_path: &'a str,
    /// The other script's folder, with `/`: `zh-hant/`.
    other_script: String,
    routes: HashSet<String>,
    /// Route paths of pages → the page's index.
    pages: HashMap<String, usize>,
    /// Source files (relative to `content/`) of pages and sections: their route path, and the
    /// page's index.
    sources: HashMap<String, (String, Option<usize>)>,
    /// Each page's source file as a key of `sources`, by the page's index: made once, for
    /// serve re-resolves every page's links after each edit.
    page_sources: Vec<String>,
    /// Output paths of static files → their file.
    statics: HashMap<String, PathBuf>,
    /// Files of `content/` (relative to it) → their output path.
    content_files: HashMap<String, String>,
    /// Those in a page's folder (relative to `content/`): published with the page.
    bundled: BTreeSet<String>,
    /// Output paths of files of `content/` → relative to `content/`.
    content_outputs: HashMap<String, String>,
    /// Output paths of the files a page publishes beside itself (a Word page's 下载原件 and
    /// pictures).
    page_files: HashSet<String>,
}

impl<'a> Targets<'a> {
    fn of(site: &'a Site) -> Targets<'a> {
        let content = &site.content;
        let mut routes: HashSet<String> = site.route_paths().iter().cloned().collect();
        // The routes' own producers publish at the route paths just taken: only the others
        // (feeds, site map, CSV files) add paths. Serve resolves links after every edit, and
        // making every route's path a second time showed in its profile at 10k pages.
        routes.extend(
            site.producers()
                .iter()
                .filter(|p| !matches!(p, Producer::Route(_)))
                .map(|p| site.identity(p)),
        );
        let page_sources: Vec<String> = content.pages.iter().map(|p| source_key(&p.file)).collect();
        let mut sources = HashMap::new();
        for (i, (page, key)) in content.pages.iter().zip(&page_sources).enumerate() {
            sources.insert(key.clone(), (page.path.clone(), Some(i)));
        }
        for section in content.sections.values() {
            if let Some(file) = &section.file {
                sources.insert(source_key(file), (section.path.clone(), None));
            }
        }
        // The files of a page's folder are published under the page's address (which its
        // `slug` may change), the others where they are.
        let bundles: Vec<(String, &str)> = content
            .pages
            .iter()
            .filter_map(|p| Some((format!("{}/", p.bundle.as_ref()?), p.path.as_str())))
            .collect();
        let mut content_files = HashMap::new();
        let mut content_outputs = HashMap::new();
        let mut bundled = BTreeSet::new();
        for rel in content.files.keys() {
            let bundle = bundles
                .iter()
                .filter(|(folder, _)| rel.starts_with(folder.as_str()))
                .max_by_key(|(folder, _)| folder.len());
            let output = match bundle {
                Some((folder, path)) => {
                    bundled.insert(rel.clone());
                    format!("{path}{}", &rel[folder.len()..])
                }
                None => rel.clone(),
            };
            content_outputs.insert(output.clone(), rel.clone());
            content_files.insert(rel.clone(), output);
        }
        let statics = crate::output::static_sources(&site.root, &site.config.theme)
            .unwrap_or_default()
            .into_iter()
            .collect();
        let pages = content
            .pages
            .iter()
            .enumerate()
            .map(|(i, p)| (p.path.clone(), i))
            .collect();
        Targets {
            pages,
            base_path: site.config.base_path(),
            other_script: format!("{}/", site.config.default_script.other().dir()),
            routes,
            sources,
            page_sources,
            statics,
            content_files,
            bundled,
            content_outputs,
            page_files: content
                .pages
                .iter()
                .flat_map(|p| p.files.iter().map(|f| format!("{}{}", p.path, f.name)))
                .collect(),
        }
    }

    /// A source file of `content/` (relative to it, normalised).
    fn source(&self, rel: &str) -> Option<Target> {
        if let Some((path, page)) = self.sources.get(rel) {
            return Some(Target::Route {
                path: path.clone(),
                page: *page,
            });
        }
        self.content_files
            .get(rel)
            .map(|path| Target::File { path: path.clone() })
    }

    /// An output path (relative to a script's root, normalised; a folder with or without `/`).
    fn output(&self, path: &str) -> Option<Target> {
        if path.ends_with(".md") {
            return self.source(path);
        }
        if let Some(rest) = path.strip_prefix(&self.other_script) {
            return self.output(rest).map(|target| match target {
                Target::Route { path, .. } => Target::Fixed {
                    path: format!("{}{path}", self.other_script),
                },
                other => other,
            });
        }
        let folder = match path.strip_suffix("index.html") {
            Some(folder) if folder.is_empty() || folder.ends_with('/') => folder.to_string(),
            _ if path.is_empty() || path.ends_with('/') => path.to_string(),
            _ => format!("{path}/"),
        };
        let page = |route: &str| self.pages.get(route).copied();
        if self.routes.contains(path) {
            return Some(Target::Route {
                path: path.to_string(),
                page: page(path),
            });
        }
        if self.statics.contains_key(path)
            || self.content_outputs.contains_key(path)
            || self.page_files.contains(path)
        {
            return Some(Target::File {
                path: path.to_string(),
            });
        }
        if self.routes.contains(&folder) {
            return Some(Target::Route {
                page: page(&folder),
                path: folder,
            });
        }
        None
    }

    /// The nearest target to `looked_for`, written as an editor would link to it.
    fn nearest(&self, looked_for: &str) -> Option<String> {
        if looked_for.ends_with(".md") {
            let names = self.sources.keys().map(String::as_str);
            return crate::nearest::nearest(looked_for, names).map(|n| format!("@/{n}"));
        }
        if let Some(source) = looked_for.strip_prefix("@/") {
            let names = self.sources.keys().chain(self.content_files.keys());
            return crate::nearest::nearest(source, names.map(String::as_str))
                .map(|n| format!("@/{n}"));
        }
        let is_file = looked_for
            .rsplit('/')
            .next()
            .is_some_and(|last| last.contains('.') && !last.ends_with(".html"));
        let names: Vec<&str> = if is_file {
            let files: Vec<&str> = self
                .statics
                .keys()
                .chain(self.content_outputs.keys())
                .map(String::as_str)
                .collect();
            // A PDF is nearest to a PDF: the files of its type first, when there are some.
            let extension = |name: &str| name.rsplit_once('.').map(|(_, e)| e.to_lowercase());
            let same: Vec<&str> = files
                .iter()
                .copied()
                .filter(|f| extension(f) == extension(looked_for))
                .collect();
            if same.is_empty() {
                files
            } else {
                same
            }
        } else {
            self.routes
                .iter()
                .map(String::as_str)
                .filter(|r| r.ends_with('/'))
                .collect()
        };
        crate::nearest::nearest(looked_for, names.into_iter()).map(|n| format!("/{n}"))
    }

    /// Where `written` (the address as the editor wrote it, without `#` and `?` parts) leads
    /// from the source `source` (relative to `content/`) published at `route` (a route path).
    fn resolve(&self, written: &str, source: &str, route: &str) -> Result<Target, Missing> {
        if let Some(rest) = written.strip_prefix("@/") {
            let rel = normalise("", rest).ok_or(Missing::Outside)?;
            return self.source(&rel).ok_or_else(|| Missing::Nothing {
                near: self.nearest(&format!("@/{rel}")),
                looked_for: rel,
            });
        }
        if let Some(rest) = written.strip_prefix('/') {
            // With the base path or without it: `/bzh/files/x.pdf` and `/files/x.pdf`.
            let rest = format!("/{rest}")
                .strip_prefix(self.base_path)
                .map(str::to_string)
                .unwrap_or_else(|| rest.to_string());
            let path = normalise("", &rest).ok_or(Missing::Outside)?;
            return self.output(&path).ok_or_else(|| self.missing(&path));
        }
        // Beside the source file first (a page's images and files, other pages' `.md`),
        // then as a browser reads it from the page's address.
        let folder = source.rsplit_once('/').map_or("", |(folder, _)| folder);
        let beside = normalise(folder, written);
        if let Some(rel) = &beside {
            if let Some(target) = self.source(rel) {
                return Ok(target);
            }
            if written.ends_with(".md") {
                return Err(self.missing(rel));
            }
        }
        let path = normalise(route.trim_end_matches('/'), written).ok_or(Missing::Outside)?;
        // Missing: said as where the editor would put it, beside the page.
        self.output(&path)
            .ok_or_else(|| self.missing(beside.as_deref().unwrap_or(&path)))
    }

    fn missing(&self, looked_for: &str) -> Missing {
        Missing::Nothing {
            looked_for: looked_for.to_string(),
            near: self.nearest(looked_for),
        }
    }

    /// The address a target is published with, in the page's HTML (raw, escaped).
    fn address(&self, target: &Target, rest: &str) -> String {
        let address = match target {
            Target::Route { path, .. } => format!("{ROOT_MARKER}{}{rest}", encode(path)),
            Target::Fixed { path } | Target::File { path } => {
                format!("{}{}{rest}", self.base_path, encode(path))
            }
        };
        crate::escape::html(&address)
    }
}

/// A source file's path relative to `content/`, with `/`: `policies/x.md`.
fn source_key(file: &Path) -> String {
    let rel = file.strip_prefix("content").unwrap_or(file);
    crate::output::path::nfc(
        &rel.components()
            .map(|c| c.as_os_str().to_string_lossy())
            .collect::<Vec<_>>()
            .join("/"),
    )
}

/// `path` joined to `folder` (both with `/`), `.` and `..` read; `None` when `..` climbs out.
/// A trailing `/` stays.
fn normalise(folder: &str, path: &str) -> Option<String> {
    let mut parts: Vec<&str> = folder.split('/').filter(|p| !p.is_empty()).collect();
    for segment in path.split('/') {
        match segment {
            "" | "." => {}
            ".." => {
                parts.pop()?;
            }
            s => parts.push(s),
        }
    }
    let mut joined = parts.join("/");
    if path.ends_with('/') && !joined.is_empty() {
        joined.push('/');
    }
    Some(crate::output::path::nfc(&joined))
}

/// Whether a link leaves the site or needs no resolving: `https:`, `mailto:`, `//host`.
fn has_scheme(link: &str) -> bool {
    if link.starts_with("//") {
        return true;
    }
    let Some((scheme, _)) = link.split_once(':') else {
        return false;
    };
    let mut chars = scheme.chars();
    chars.next().is_some_and(|c| c.is_ascii_alphabetic())
        && chars.all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.'))
}

/// A link cut into its address, its `?query` and its `#fragment`.
fn split(written: &str) -> (&str, &str, Option<&str>) {
    let (before, fragment) = match written.split_once('#') {
        Some((before, fragment)) => (before, Some(fragment)),
        None => (written, None),
    };
    let (path, query) = match before.find('?') {
        Some(at) => before.split_at(at),
        None => (before, ""),
    };
    (path, query, fragment)
}

/// What resolving one page's or section's links found.
struct Outcome {
    rewrites: Vec<(String, String)>,
    files: BTreeSet<String>,
}

impl Site {
    /// Resolves the links and attachments of every page and section (see the module's
    /// description), sets what they are published with, and says what does not resolve.
    pub(super) fn resolve_links(&mut self) -> Diagnostics {
        let mut diagnostics = Diagnostics::default();
        let (pages, sections, attachments, files) = {
            let targets = Targets::of(self);
            let mut files: BTreeSet<String> = BTreeSet::new();
            let mut pages = Vec::with_capacity(self.content.pages.len());
            let mut attachments = Vec::with_capacity(self.content.pages.len());
            for (i, page) in self.content.pages.iter().enumerate() {
                let own = Some(i);
                let outcome = self.resolve_all(
                    &targets,
                    &page.file,
                    &page.links,
                    &targets.page_sources[i],
                    &page.path,
                    own,
                    &mut diagnostics,
                );
                files.extend(outcome.files);
                pages.push(outcome.rewrites);
                let (listed, used) = self.attachments(&targets, i, &mut diagnostics);
                files.extend(used);
                attachments.push(listed);
            }
            let mut sections = BTreeMap::new();
            for (dir, section) in &self.content.sections {
                let Some(file) = &section.file else { continue };
                let outcome = self.resolve_all(
                    &targets,
                    file,
                    &section.links,
                    &source_key(file),
                    &section.path,
                    None,
                    &mut diagnostics,
                );
                files.extend(outcome.files);
                sections.insert(dir.clone(), outcome.rewrites);
            }
            // Every file of a page's folder is the page's, linked or not.
            for rel in &targets.bundled {
                if let Some(output) = targets.content_files.get(rel) {
                    files.insert(output.clone());
                }
            }
            let files: BTreeMap<String, PathBuf> = files
                .into_iter()
                .filter_map(|output| {
                    let rel = targets.content_outputs.get(&output)?;
                    Some((output, self.content.files.get(rel)?.clone()))
                })
                .collect();
            (pages, sections, attachments, files)
        };
        for ((page, rewrites), attached) in
            self.content.pages.iter_mut().zip(pages).zip(attachments)
        {
            page.rewrites = rewrites;
            page.attachments = attached;
        }
        for (dir, rewrites) in sections {
            if let Some(section) = self.content.sections.get_mut(&dir) {
                section.rewrites = rewrites;
            }
        }
        diagnostics.extend(self.files_inside_content(&files));
        diagnostics.extend(self.pdfs_of_no_page(&files));
        self.links = Resolved { files };
        diagnostics
    }

    /// A PDF of `content/` that no page publishes — not the 下载原件 of a page of its name, not
    /// in a page's folder, not linked or attached — was most likely meant as a page: said so.
    fn pdfs_of_no_page(&self, published: &BTreeMap<String, PathBuf>) -> Diagnostics {
        use crate::content::word::{pdf_alone, siblings, what, What};
        let published: HashSet<&PathBuf> = published.values().collect();
        let mut diagnostics = Diagnostics::default();
        for path in self.content.files.values() {
            if what(path) != What::Pdf || published.contains(path) {
                continue;
            }
            let beside_a_page = siblings(path, &Default::default())
                .iter()
                .any(|p| matches!(what(p), What::Markdown | What::Word));
            if !beside_a_page {
                diagnostics.push(pdf_alone(&crate::read::rel_to(&self.root, path)));
            }
        }
        diagnostics
    }

    /// A file of `content/` reached through a link must be in `content/`: a link to the site's
    /// `data/` or `config.toml` would publish what is not meant for readers.
    fn files_inside_content(&self, files: &BTreeMap<String, PathBuf>) -> Diagnostics {
        let mut diagnostics = Diagnostics::default();
        let Ok(content) = self.root.join("content").canonicalize() else {
            return diagnostics;
        };
        for file in files.values() {
            let inside = file
                .canonicalize()
                .is_ok_and(|real| real.starts_with(&content));
            if !inside {
                let shown = crate::read::rel_to(&self.root, file);
                diagnostics.push(
                    Diagnostic::new(&shown, t!("link-file-leads-out"))
                        .hint(t!("link-file-leads-out-hint")),
                );
            }
        }
        diagnostics
    }

    /// Resolves the links of one page or section; `own` is the page (for its own anchors).
    #[allow(clippy::too_many_arguments)]
    fn resolve_all(
        &self,
        targets: &Targets<'_>,
        file: &Path,
        links: &[WrittenLink],
        source: &str,
        route: &str,
        own: Option<usize>,
        diagnostics: &mut Diagnostics,
    ) -> Outcome {
        let mut outcome = Outcome {
            rewrites: Vec::new(),
            files: BTreeSet::new(),
        };
        let ids_of = |i: usize| &self.content.pages[i].ids;
        for link in links {
            let written = link.written.trim();
            if written.is_empty()
                || has_scheme(written)
                || safety::dangerous_scheme(written, safety::UrlUse::Link).is_some()
            {
                continue;
            }
            let (path, query, fragment) = split(written);
            let at = |message: String| Diagnostic::new(file, message).at(link.line, link.column);
            if path.is_empty() {
                // `#anchor` on the page itself.
                if let (Some(anchor), Some(i)) = (fragment.filter(|f| !f.is_empty()), own) {
                    if let Some(problem) = anchor_problem(ids_of(i), anchor) {
                        diagnostics
                            .push(at(t!("link-anchor-missing-here", link = written)).hint(problem));
                    }
                }
                continue;
            }
            match targets.resolve(path, source, route) {
                Ok(target) => {
                    if let (
                        Target::Route {
                            page: Some(i),
                            path,
                        },
                        Some(anchor),
                    ) = (&target, fragment.filter(|f| !f.is_empty()))
                    {
                        if let Some(problem) = anchor_problem(ids_of(*i), anchor) {
                            diagnostics.push(
                                at(t!(
                                    "link-anchor-missing",
                                    link = written,
                                    page = self.content.pages[*i].file.display(),
                                    anchor = anchor
                                ))
                                .hint(problem),
                            );
                            let _ = path;
                        }
                    }
                    if let Target::File { path } = &target {
                        outcome.files.insert(path.clone());
                    }
                    let rest = match fragment {
                        Some(f) => format!("{query}#{}", encode(f)),
                        None => query.to_string(),
                    };
                    let address = targets.address(&target, &rest);
                    if address != link.raw {
                        outcome.rewrites.push((link.raw.clone(), address));
                    }
                }
                Err(Missing::Outside) => diagnostics
                    .push(at(t!("link-outside", link = written)).hint(t!("link-outside-hint"))),
                Err(Missing::Nothing { looked_for, near }) => {
                    let message = if link.image {
                        t!("link-image-missing", link = written, target = looked_for)
                    } else {
                        t!("link-missing", link = written, target = looked_for)
                    };
                    let hint = match near {
                        Some(near) => t!("link-missing-near", near = near),
                        None => t!("link-missing-hint"),
                    };
                    diagnostics.push(at(message).hint(hint));
                }
            }
        }
        outcome.rewrites.sort();
        outcome.rewrites.dedup();
        outcome
    }

    /// A page's `attachments`, resolved like links (beside the page, `@/…`, or `/…` from the
    /// site's root): each must be a file. The output paths of files of `content/` it uses.
    fn attachments(
        &self,
        targets: &Targets<'_>,
        i: usize,
        diagnostics: &mut Diagnostics,
    ) -> (Vec<Attachment>, Vec<String>) {
        let page = &self.content.pages[i];
        let source = &targets.page_sources[i];
        let mut listed = Vec::new();
        let mut used = Vec::new();
        for (n, written) in page.meta.attachments.iter().enumerate() {
            let line = page.lines.attachments.get(n).copied().unwrap_or(1);
            let at = |message: String| Diagnostic::new(&page.file, message).at_line(line);
            let (path, _, _) = split(written.trim());
            match targets.resolve(path, source, &page.path) {
                Ok(Target::File { path }) => {
                    let file = targets.statics.get(&path).cloned().or_else(|| {
                        let rel = targets.content_outputs.get(&path)?;
                        self.content.files.get(rel).cloned()
                    });
                    let size = file
                        .and_then(|f| std::fs::metadata(f).ok())
                        .map_or(0, |m| m.len());
                    let name = path.rsplit('/').next().unwrap_or(&path).to_string();
                    let kind = name
                        .rsplit_once('.')
                        .map(|(_, ext)| ext.to_uppercase())
                        .unwrap_or_default();
                    if targets.content_outputs.contains_key(&path) {
                        used.push(path.clone());
                    }
                    listed.push(Attachment {
                        name,
                        href: format!("{}{}", targets.base_path, encode(&path)),
                        path,
                        kind,
                        size,
                    });
                }
                Ok(_) => diagnostics.push(
                    at(t!("attachment-is-a-page", file = written))
                        .hint(t!("attachment-is-a-page-hint")),
                ),
                Err(Missing::Outside) => diagnostics
                    .push(at(t!("link-outside", link = written)).hint(t!("link-outside-hint"))),
                Err(Missing::Nothing { looked_for, near }) => {
                    let hint = match near {
                        Some(near) => t!("attachment-missing-near", near = near),
                        None => t!("attachment-missing-hint"),
                    };
                    diagnostics.push(
                        at(t!(
                            "attachment-missing",
                            file = written,
                            target = looked_for
                        ))
                        .hint(hint),
                    );
                }
            }
        }
        (listed, used)
    }
}

/// What to say when a page has no id `anchor` (percent escapes read): `None` when it has.
fn anchor_problem(ids: &[String], anchor: &str) -> Option<String> {
    let anchor = percent_decode(anchor);
    if ids.iter().any(|id| *id == anchor) {
        return None;
    }
    Some(
        match crate::nearest::nearest(&anchor, ids.iter().map(String::as_str)) {
            Some(near) => t!("link-anchor-near", near = near),
            None => t!("link-anchor-none"),
        },
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_are_joined_and_never_climb_out() {
        assert_eq!(
            normalise("policies", "../news/a.md").as_deref(),
            Some("news/a.md")
        );
        assert_eq!(
            normalise("policies/x", "./图.png").as_deref(),
            Some("policies/x/图.png")
        );
        assert_eq!(normalise("a", "b/").as_deref(), Some("a/b/"));
        assert_eq!(normalise("", "../etc/passwd"), None);
        assert_eq!(normalise("policies", "../../etc/passwd"), None);
        assert_eq!(normalise("", "a/../../b"), None);
        assert_eq!(normalise("", "").as_deref(), Some(""));
    }

    #[test]
    fn links_are_cut_and_told_apart() {
        assert_eq!(split("a/b.md?x=1#一"), ("a/b.md", "?x=1", Some("一")));
        assert_eq!(split("#x"), ("", "", Some("x")));
        assert!(has_scheme("https://a.cn/"));
        assert!(has_scheme("mailto:a@b.cn"));
        assert!(has_scheme("//a.cn/x"));
        assert!(!has_scheme("@/policies/a.md"));
        assert!(!has_scheme("附件：1.pdf"));
        assert!(!has_scheme("/files/a.pdf"));
        assert_eq!(encode("附件 1&2#.pdf"), "附件%201%262%23.pdf");
    }
}
