//! `stdportal check`: builds the site in memory and checks what a reader would trip over:
//! internal links and `#anchors`, links between related documents in both directions, and images
//! without alt text. External links are listed, not fetched (no network is assumed). Every page,
//! whatever made it (Markdown, raw HTML, templates, data), is also searched for addresses that
//! would run a script or leave the web (`javascript:`, `vbscript:`, `data:`, `file:`), for
//! event-handler attributes (`onclick=`), each reported with the page and its line, and for ids
//! that two elements of one page have (the theme's and the content's together).

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::path::PathBuf;

use crate::content::markdown::safety::{self, Found};
use crate::error::Diagnostic;
use crate::escape::percent_decode;
use crate::output::OutputFile;
use crate::report::progress::{self, Stage};
use crate::script::Script;
use crate::site::Site;
use crate::t;

/// The rules of the 全国政府网站普查 a built site can be checked against (`check --gov`).
pub mod gov;

/// What `stdportal check` found in a site that builds: problems, links out, punctuation, notes.
#[derive(Debug, Default)]
pub struct Report {
    /// The problems found, with their source file and line where known.
    pub problems: Vec<Diagnostic>,
    /// Every link that leaves the site: URL → the pages (sources) that have it.
    pub external: BTreeMap<String, BTreeSet<String>>,
    /// HTML pages scanned, both scripts counted.
    pub pages_checked: usize,
    /// Links and image addresses checked on those pages.
    pub links_checked: usize,
    /// Half-width punctuation in Chinese text that the typography pass sets full-width (or
    /// would, when `[typography] punctuation` is off), in file order.
    pub punctuation: Vec<PunctuationFix>,
    /// Whether the build applies the pass (`[typography] punctuation`).
    pub punctuation_on: bool,
    /// What reading the sources said without stopping the build: a Word file's notes (a
    /// picture without alternative text, a 密级 line, what was left out), the Word debris
    /// taken out of a Markdown page. `true`: a warning.
    pub notes: Vec<(bool, Diagnostic)>,
}

/// One mark the typography pass changes, where it is written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PunctuationFix {
    /// The source file the mark is in (`content/news/a.md`).
    pub file: PathBuf,
    /// The line it is on in that file.
    pub line: usize,
    /// A few characters around the mark, as written and as published.
    pub before: String,
    /// The same characters with the marks set full-width.
    pub after: String,
}

/// What one HTML page links to and which anchors it has.
#[derive(Default)]
struct Scan {
    ids: BTreeSet<String>,
    /// Ids a second element has too, in page order: an anchor and `getElementById` find the
    /// first only (and an editor's id can shadow the theme's).
    ids_twice: Vec<String>,
    links: Vec<String>,
    images_without_alt: Vec<String>,
    /// Dangerous addresses and event handlers, at byte offsets of the page.
    dangers: Vec<Found>,
}

fn scan(html: &str) -> Scan {
    let mut scan = Scan::default();
    safety::for_each_element(html, |el| {
        safety::element_dangers(el, &mut scan.dangers);
        if let Some(id) = el.get_attribute("id") {
            let id = safety::decode_entities(&id).into_owned();
            if !scan.ids.insert(id.clone()) && !scan.ids_twice.contains(&id) {
                scan.ids_twice.push(id);
            }
        }
        if let Some(name) = el.get_attribute("name") {
            if el.tag_name() == "a" {
                scan.ids.insert(safety::decode_entities(&name).into_owned());
            }
        }
        for attr in ["href", "src"] {
            if let Some(url) = el.get_attribute(attr) {
                // <link rel=alternate|canonical> and <meta> point at public URLs by design.
                let is_public_pointer = el.tag_name() == "link"
                    && el
                        .get_attribute("rel")
                        .is_some_and(|r| r == "canonical" || r == "alternate");
                if !is_public_pointer {
                    scan.links.push(safety::decode_entities(&url).into_owned());
                }
            }
        }
        if el.tag_name() == "img" {
            let alt = el.get_attribute("alt");
            let decorative = el
                .get_attribute("role")
                .is_some_and(|r| r == "presentation" || r == "none");
            if alt.as_deref().is_none_or(|a| a.trim().is_empty()) && !decorative {
                scan.images_without_alt
                    .push(el.get_attribute("src").unwrap_or_default());
            }
        }
    });
    scan
}

/// Where a link points inside the output: the file and the anchor.
fn resolve(
    page: &str,
    url: &str,
    base_url: &str,
    base_path: &str,
) -> Option<(String, Option<String>)> {
    let (path, fragment) = match url.split_once('#') {
        Some((p, f)) => (p, Some(percent_decode(f).into_owned())),
        None => (url, None),
    };
    let path = path.split('?').next().unwrap_or("");
    let dir = page.rsplit_once('/').map_or("", |(d, _)| d);
    let target = if path.is_empty() {
        page.to_string()
    } else if let Some(rest) = path.strip_prefix(base_url) {
        rest.to_string()
    } else if let Some(rest) = path.strip_prefix(base_path) {
        rest.to_string()
    } else if path.starts_with('/') {
        return Some((
            format!(
                "\u{0}{}",
                t!(
                    "check-outside-base-path",
                    base_path = base_path,
                    path = path
                )
            ),
            None,
        ));
    } else {
        let mut parts: Vec<&str> = if dir.is_empty() {
            Vec::new()
        } else {
            dir.split('/').collect()
        };
        for segment in path.split('/') {
            match segment {
                "." | "" => {}
                ".." => {
                    parts.pop();
                }
                s => parts.push(s),
            }
        }
        let joined = parts.join("/");
        if path.ends_with('/') {
            format!("{joined}/")
        } else {
            joined
        }
    };
    let target = percent_decode(&target).into_owned();
    let file = if target.is_empty() || target.ends_with('/') {
        format!("{target}index.html")
    } else {
        target
    };
    Some((file, fragment))
}

fn is_external(url: &str) -> bool {
    let lower = url.to_ascii_lowercase();
    lower.starts_with("http://") || lower.starts_with("https://") || lower.starts_with("//")
}

fn is_not_a_page_link(url: &str) -> bool {
    let lower = url.to_ascii_lowercase();
    ["mailto:", "tel:", "javascript:", "data:"]
        .iter()
        .any(|p| lower.starts_with(p))
}

/// Checks the built files of `site`.
pub fn check(site: &Site, files: &[OutputFile]) -> Report {
    let _checking = progress::stage(Stage::Check);
    let mut report = Report::default();
    let existing: BTreeSet<&str> = files.iter().map(|f| f.path.as_str()).collect();
    let html = files.iter().filter(|f| f.path.ends_with(".html"));
    progress::total(Stage::Check, html.clone().count() as u64);
    let scans: BTreeMap<&str, Scan> = html
        .filter_map(|f| {
            progress::advance(Stage::Check, 1);
            std::str::from_utf8(&f.bytes)
                .ok()
                .map(|html| (f.path.as_str(), scan(html)))
        })
        .collect();
    let pages: HashMap<&str, &str> = files
        .iter()
        .filter_map(|f| Some((f.path.as_str(), std::str::from_utf8(&f.bytes).ok()?)))
        .collect();
    let sources = source_files(site);
    let base_url = site.config().base_url.as_str();
    let base_path = site.config().base_path();
    let other_script = site.config().default_script.other();
    let other_folder = format!("{}/", other_script.dir());
    let mut seen: BTreeSet<(PathBuf, String)> = BTreeSet::new();
    let mut groups = Groups::default();
    for (page, found) in &scans {
        let script = if page.starts_with(&other_folder) {
            other_script
        } else {
            site.config().default_script
        };
        report.pages_checked += 1;
        let (source, raw) = source_of(site, &sources, page);
        if let Some(html) = pages.get(page) {
            for danger in &found.dangers {
                let (line, _) = crate::error::line_column(html, danger.offset);
                let what = danger.danger.describe();
                // Once per mistake, not once per script.
                if !seen.insert((source.clone(), what.clone())) {
                    continue;
                }
                // The rendered page and line, and where it was written when that is known.
                let message = match raw {
                    Some((text, first_line)) => match danger_line(text, &danger.danger) {
                        Some(written) => t!(
                            "check-danger-from-line",
                            what = what,
                            source = source.display(),
                            line = written + first_line - 1
                        ),
                        None => t!("check-danger-from", what = what, source = source.display()),
                    },
                    None => t!("check-danger", what = what),
                };
                report.problems.push(
                    Diagnostic::new(*page, message)
                        .at_line(line)
                        .hint(danger.danger.hint()),
                );
            }
        }
        let mut problem = |message: String, needle: &str, hint: String| {
            // The same mistake shows in both scripts and, when a template or the settings
            // made it, on every page: it is said once, with the pages it is on and, when only
            // one script's page has it, which one.
            let line = raw.and_then(|(text, first_line)| {
                line_of(text, needle).map(|line| line + first_line - 1)
            });
            groups.add(message, hint, &source, line, script);
        };
        for url in &found.links {
            report.links_checked += 1;
            // Markdown percent-encodes Chinese in URLs; messages and source lookup use the text
            // as the editor wrote it.
            let written = percent_decode(url).into_owned();
            let written = written.as_str();
            // Reported below with the page's other dangers.
            if is_not_a_page_link(url)
                || safety::dangerous_scheme(url, safety::UrlUse::Link).is_some()
            {
                continue;
            }
            if is_external(url) && !url.starts_with(base_url) {
                report
                    .external
                    .entry(url.clone())
                    .or_default()
                    .insert(source_label(&source));
                continue;
            }
            let Some((file, fragment)) = resolve(page, url, base_url, base_path) else {
                continue;
            };
            if let Some(reason) = file.strip_prefix('\u{0}') {
                problem(
                    t!("check-link-outside", link = written, reason = reason),
                    written,
                    t!("check-link-outside-hint"),
                );
                continue;
            }
            let file = if existing.contains(file.as_str()) || file.ends_with("index.html") {
                file
            } else if existing.contains(format!("{file}/index.html").as_str()) {
                format!("{file}/index.html")
            } else {
                file
            };
            if !existing.contains(file.as_str()) {
                problem(
                    t!("check-link-missing", link = written),
                    written,
                    t!("check-link-missing-hint"),
                );
                continue;
            }
            if let Some(anchor) = fragment.filter(|f| !f.is_empty()) {
                let has_anchor = scans
                    .get(file.as_str())
                    .is_some_and(|s| s.ids.contains(&anchor));
                if !has_anchor {
                    // Named as in the default script: the other script's page is the same one.
                    let shown = file.strip_prefix(&other_folder).unwrap_or(&file);
                    problem(
                        t!(
                            "check-anchor-missing",
                            link = written,
                            anchor = &anchor,
                            file = shown
                        ),
                        written,
                        t!("check-anchor-missing-hint"),
                    );
                }
            }
        }
        for id in &found.ids_twice {
            problem(
                t!(
                    "check-id-twice",
                    page = page.strip_prefix(&other_folder).unwrap_or(page),
                    id = id
                ),
                id,
                t!("check-id-twice-hint"),
            );
        }
        // A Word file's pictures without alternative text are its notes (with the paragraph).
        let from_word = sources
            .get(unprefixed(page))
            .is_some_and(|&i| site.content().pages[i].from_word);
        for src in found.images_without_alt.iter().filter(|_| !from_word) {
            problem(
                t!("check-image-no-alt", src = src),
                src,
                t!("check-image-no-alt-hint"),
            );
        }
    }
    report
        .problems
        .extend(groups.diagnostics(site.config().default_script));
    check_related_links(site, &scans, &mut report);
    report.notes = site
        .content()
        .pages
        .iter()
        .flat_map(|p| &p.notes)
        .map(|n| (n.warning, n.diagnostic.clone()))
        .collect();
    // A Word file's long attachments are pages of their own with the file's notes once.
    report.notes.dedup();
    report.punctuation = punctuation(site);
    report.punctuation_on = site.config().typography.punctuation;
    report
}

/// What the typography pass changes (see [`crate::content::markdown::punctuation`]) in every
/// page and section, with the line where each mark is written.
fn punctuation(site: &Site) -> Vec<PunctuationFix> {
    let mut found = Vec::new();
    let mut add = |file: &std::path::Path, body: &str, body_line: usize, marked: &str, calls| {
        for fix in crate::content::markdown::punctuation_fixes(marked) {
            let offset = crate::content::shortcodes::unmarked_offset(fix.offset, calls);
            let (line, _) = crate::error::line_column(body, offset.min(body.len()));
            found.push(PunctuationFix {
                file: file.to_path_buf(),
                line: line + body_line - 1,
                before: fix.before,
                after: fix.after,
            });
        }
    };
    for page in &site.content().pages {
        let marked = crate::content::shortcodes::mark(&page.raw, &page.shortcodes);
        add(
            &page.file,
            &page.raw,
            page.body_line,
            &marked,
            &page.shortcodes,
        );
    }
    // Sections keep no Markdown once rendered: read again from their files.
    for section in site.content().sections.values() {
        let Some(file) = &section.file else { continue };
        let path = site.root().join(file);
        let Ok(bytes) = crate::read::source(site.root(), &path, crate::read::Kind::Page) else {
            continue;
        };
        let Ok(text) = String::from_utf8(bytes) else {
            continue;
        };
        if let Ok(split) = crate::content::frontmatter::split(file, &text) {
            add(file, split.body, split.body_line, split.body, &[]);
        }
    }
    found.sort_by(|a, b| (&a.file, a.line).cmp(&(&b.file, b.line)));
    found
}

/// Problems said once each: the same message and hint found on several pages (a template's
/// link on every page) or in both scripts.
#[derive(Default)]
struct Groups {
    order: Vec<(String, String)>,
    found: HashMap<(String, String), Group>,
}

#[derive(Default)]
struct Group {
    /// Where it is, in the order found, each once: the source and the line there.
    places: Vec<(PathBuf, Option<usize>)>,
    scripts: Vec<Script>,
}

/// How many pages a grouped problem names before it counts the rest.
const PLACES_SHOWN: usize = 3;

impl Groups {
    fn add(
        &mut self,
        message: String,
        hint: String,
        source: &std::path::Path,
        line: Option<usize>,
        script: Script,
    ) {
        let key = (message, hint);
        let group = self.found.entry(key.clone()).or_insert_with(|| {
            self.order.push(key);
            Group::default()
        });
        if !group.places.iter().any(|(s, l)| s == source && *l == line) {
            group.places.push((source.to_path_buf(), line));
        }
        if !group.scripts.contains(&script) {
            group.scripts.push(script);
        }
    }

    fn diagnostics(mut self, default: Script) -> Vec<Diagnostic> {
        let mut out = Vec::new();
        for key in std::mem::take(&mut self.order) {
            let Some(group) = self.found.remove(&key) else {
                continue;
            };
            let (message, hint) = key;
            let ((first, line), others) = match group.places.split_first() {
                Some((first, others)) => (first.clone(), others),
                None => continue,
            };
            let mut message = message;
            if group.scripts.len() == 1 {
                let only = group.scripts.first().copied().unwrap_or(default);
                message = t!(
                    "check-only-in-script",
                    message = message,
                    script = only.native_name()
                );
            }
            if !others.is_empty() {
                let named: Vec<String> = others
                    .iter()
                    .take(PLACES_SHOWN)
                    .map(|(source, _)| source.display().to_string())
                    .collect();
                message = t!(
                    "check-also-on-pages",
                    message = message,
                    count = others.len(),
                    pages = named.join(", "),
                    more = others.len().saturating_sub(PLACES_SHOWN)
                );
            }
            let mut d = Diagnostic::new(&first, message).hint(hint);
            if let Some(line) = line {
                d = d.at_line(line);
            }
            out.push(d);
        }
        out
    }
}

/// Every page's related documents are linked from it, both ways (a custom template could drop
/// the list).
fn check_related_links(site: &Site, scans: &BTreeMap<&str, Scan>, report: &mut Report) {
    let base_path = site.config().base_path();
    for (i, page) in site.content().pages.iter().enumerate() {
        let out = format!(
            "{}{}index.html",
            site.script_prefix(site.config().default_script),
            page.path
        );
        let Some(found) = scans.get(out.as_str()) else {
            continue;
        };
        for &j in site.related(i) {
            let other = &site.content().pages[j];
            let target = format!("{base_path}{}", other.path);
            if !found.links.iter().any(|l| l == &target) {
                report.problems.push(
                    Diagnostic::new(
                        &page.file,
                        t!("check-related-not-linked", other = other.file.display()),
                    )
                    .hint(t!("check-related-not-linked-hint")),
                );
            }
        }
    }
}

/// Output path (without the script folder) → the Markdown file it comes from.
fn source_files(site: &Site) -> HashMap<String, usize> {
    site.content()
        .pages
        .iter()
        .enumerate()
        .map(|(i, p)| (format!("{}index.html", p.path), i))
        .collect()
}

/// The source file of an output page, with its Markdown body and the line the body starts on.
fn source_of<'a>(
    site: &'a Site,
    sources: &HashMap<String, usize>,
    page: &str,
) -> (PathBuf, Option<(&'a str, usize)>) {
    let unprefixed = unprefixed(page);
    match sources.get(unprefixed) {
        Some(&i) => {
            let p = &site.content().pages[i];
            // A Word page's Markdown was written by the reader: its lines are nowhere to go.
            let raw = (!p.from_word).then_some((p.raw.as_str(), p.body_line));
            (p.file.clone(), raw)
        }
        None => (
            PathBuf::from(t!("output-generated-page", page = unprefixed)),
            None,
        ),
    }
}

/// An output path without its script's folder.
fn unprefixed(page: &str) -> &str {
    crate::script::Script::ALL
        .iter()
        .find_map(|s| page.strip_prefix(&format!("{}/", s.dir())))
        .unwrap_or(page)
}

fn source_label(source: &std::path::Path) -> String {
    source.display().to_string()
}

/// The line (1-based, within `raw`) where a danger seems to be written: its address, or the
/// event handler's name.
fn danger_line(raw: &str, danger: &safety::Danger) -> Option<usize> {
    match danger {
        safety::Danger::Url { url, .. } => line_of(raw, url),
        safety::Danger::EventHandler { attribute, .. } => {
            let lower = raw.to_ascii_lowercase();
            line_of(&lower, &format!("{attribute}="))
        }
        safety::Danger::Srcdoc => line_of(&raw.to_ascii_lowercase(), "srcdoc"),
    }
}

/// The line (1-based, within `raw`) of the first line containing `needle`.
fn line_of(raw: &str, needle: &str) -> Option<usize> {
    raw.lines().position(|l| l.contains(needle)).map(|i| i + 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn resolves_links_like_a_browser() {
        let r = |page, url| resolve(page, url, "https://a.cn/bzh/", "/bzh/");
        assert_eq!(
            r("policies/a/index.html", "/bzh/cities/"),
            Some(("cities/index.html".into(), None))
        );
        assert_eq!(
            r("policies/a/index.html", "../b/#一-总体要求"),
            Some(("policies/b/index.html".into(), Some("一-总体要求".into())))
        );
        assert_eq!(
            r("policies/a/index.html", "#x"),
            Some(("policies/a/index.html".into(), Some("x".into())))
        );
        assert_eq!(
            r("index.html", "https://a.cn/bzh/topics/%E6%A0%87/"),
            Some(("topics/标/index.html".into(), None))
        );
        assert!(r("index.html", "/elsewhere/")
            .unwrap()
            .0
            .starts_with('\u{0}'));
    }

    #[test]
    fn scans_ids_links_and_missing_alt() {
        let s = scan("<h2 id=\"a&amp;b\">x</h2><a href=\"/x/?q=1&amp;r=2\">y</a><img src=\"p.png\"><img src=\"q.png\" alt=\"图\">");
        assert!(s.ids.contains("a&b"));
        assert_eq!(s.links, vec!["/x/?q=1&r=2", "p.png", "q.png"]);
        assert_eq!(s.images_without_alt, vec!["p.png"]);
        assert!(s.ids_twice.is_empty());
        let twice = scan("<main id=\"main\"><h2 id=\"main\">a</h2><p id=\"&#109;ain\"></p><a id=\"x\"></a></main>");
        assert_eq!(twice.ids_twice, vec!["main"]);
    }

    #[test]
    fn scans_dangerous_addresses_and_handlers() {
        let html = "<p>\n<a href=\"JaVa&#x09;Script:alert(1)\">x</a>\n<img src=x onerror=alert(1) alt=\"图\">\
                    <img src=\"data:image/png;base64,AA\" alt=\"图\"><a href=\"/ok/\">ok</a>";
        let s = scan(html);
        let found: Vec<String> = s.dangers.iter().map(|d| d.danger.describe()).collect();
        assert_eq!(found.len(), 2, "{found:?}");
        assert!(found[0].starts_with("<a href=\"JaVaScript:alert(1)\"> would run a script"));
        assert!(found[1].starts_with("<img onerror=…> is an event handler"));
        assert_eq!(crate::error::line_column(html, s.dangers[1].offset).0, 3);
    }
}
