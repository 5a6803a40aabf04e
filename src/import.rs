//! `stdportal import FILE.docx|DIR [--to content/…] [--dry-run] [--force]`: a Word file made
//! into a Markdown page with TOML front matter, which the editor then edits like any other
//! page. The page is what `build` makes of the Word file in `content/` (the same reader, the
//! same fields, a sidecar `FILE.toml` beside it applied), written out:
//!
//! - `<to>/<name>.md`, and `<to>/<name>-附件N.md` for each long attachment (linked both ways);
//! - the Word file copied beside it as `<to>/<name>.docx` (unless it is there already): a
//!   Word file beside a page of its name is that page's 下载原件;
//! - the document's pictures in `static/<page's address>`, where the page shows them.
//!
//! `--dry-run` writes nothing and says what was recognised, element by element, and what would
//! be written. An existing page is not overwritten without `--force`.

use std::path::{Path, PathBuf};

use crate::content::word::{self, What};
use crate::docx::{Document, Severity};
use crate::error::{Diagnostic, Diagnostics};
use crate::read::rel_to;
use crate::report::progress::{self, Stage};
use crate::t;

/// What to import, and how.
#[derive(Debug, Clone)]
pub struct ImportOptions {
    /// The site's folder (with `config.toml`).
    pub root: PathBuf,
    /// A Word file, or a folder of them.
    pub source: PathBuf,
    /// The folder of `content/` the page goes to: the Word file's own when it is in
    /// `content/`, else `content/`.
    pub to: Option<PathBuf>,
    /// `--dry-run`: read and report, write nothing.
    pub dry_run: bool,
    /// `--force`: a page that exists is overwritten (else nothing is written).
    pub force: bool,
}

/// One element of a 公文 the reader recognised, for `--dry-run`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Recognised {
    /// Its name for the messages (`doc_number`, `title`, …).
    pub element: &'static str,
    /// What was read, as the messages show it (a date or 发文字号 also as written).
    pub value: String,
    /// The paragraph it came from (counted from 1), where there is one.
    pub paragraph: Option<usize>,
}

/// One Word file imported (or, with `--dry-run`, what importing it would do).
#[derive(Debug, Clone)]
pub struct Imported {
    /// As given (relative to where the command runs).
    pub source: PathBuf,
    /// The page's Markdown file.
    pub page: PathBuf,
    /// Every file written (or that would be), the page first.
    pub files: Vec<PathBuf>,
    /// Each element of the 公文 the reader recognised, for `--dry-run`'s list.
    pub recognised: Vec<Recognised>,
    /// The reader's notes: `true` for a warning.
    pub notes: Vec<(bool, Diagnostic)>,
}

/// Why nothing could be imported at all.
#[derive(Debug)]
pub enum Failure {
    /// The command cannot run as asked: not a site, `--to` outside `content/`, a page that
    /// exists without `--force`, a file that cannot be written (exit status 2).
    Usage(Diagnostics),
}

/// Imports every Word file of `options.source`: what was imported, and the problems of the
/// files that could not be read (the others are imported all the same).
pub fn import(options: &ImportOptions) -> Result<(Vec<Imported>, Diagnostics), Failure> {
    let root = &options.root;
    let config = crate::config::Config::load(&root.join("config.toml"))
        .map_err(|d| Failure::Usage(d.into()))?;
    let content = root.join("content");
    let sources = sources(&options.source).map_err(Failure::Usage)?;
    // `--to` is a folder of the site, as the site's files are named (`content/policies`).
    let to = match &options.to {
        Some(to) if to.is_relative() => root.join(to),
        Some(to) => to.clone(),
        None => default_to(root, &options.source),
    };
    let to_in_content = absolute(&to)
        .strip_prefix(absolute(&content))
        .map(Path::to_path_buf)
        .map_err(|_| {
            Failure::Usage(
                Diagnostic::new(
                    rel_to(root, &to),
                    t!("import-to-outside", content = content.display()),
                )
                .hint(t!("import-to-outside-hint"))
                .into(),
            )
        })?;
    let reading = progress::stage(Stage::Read);
    progress::total(Stage::Read, sources.len() as u64);
    let mut imported = Vec::new();
    let mut problems = Diagnostics::default();
    let mut plans = Vec::new();
    for source in &sources {
        match plan(root, source, &to, &to_in_content, config.base_path()) {
            Ok(plan) => plans.push(plan),
            Err(d) => problems.push(d),
        }
        progress::advance(Stage::Read, 1);
    }
    drop(reading);
    // Nothing is written when one of the pages exists (without --force): the editor would
    // otherwise lose their edits to a page made again.
    if !options.force {
        let existing: Diagnostics = plans
            .iter()
            .flat_map(|p| &p.writes)
            .filter(|w| !w.copy && std::fs::symlink_metadata(&w.path).is_ok())
            .map(|w| {
                Diagnostic::new(rel_to(root, &w.path), t!("import-exists"))
                    .hint(t!("import-exists-hint"))
            })
            .collect();
        if !existing.is_empty() {
            return Err(Failure::Usage(existing));
        }
    }
    for plan in plans {
        if !options.dry_run {
            write(&plan).map_err(|d| Failure::Usage(d.into()))?;
        }
        imported.push(plan.imported);
    }
    Ok((imported, problems))
}

/// The Word files of `source`: itself, or those of the folder (not in its subfolders), in
/// name order.
fn sources(source: &Path) -> Result<Vec<PathBuf>, Diagnostics> {
    let meta = std::fs::metadata(source).map_err(|e| {
        Diagnostics::from(Diagnostic::new(
            source,
            t!("file-unreadable", error = crate::error::io_error(&e)),
        ))
    })?;
    if !meta.is_dir() {
        if word::what(source) != What::Word {
            return Err(Diagnostic::new(source, t!("import-not-word"))
                .hint(t!("import-not-word-hint"))
                .into());
        }
        return Ok(vec![source.to_path_buf()]);
    }
    let mut found: Vec<PathBuf> = std::fs::read_dir(source)
        .map_err(|e| {
            Diagnostics::from(Diagnostic::new(
                source,
                t!("folder-unreadable", error = crate::error::io_error(&e)),
            ))
        })?
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| {
            word::what(p) == What::Word
                && p.file_name()
                    .is_some_and(|n| !n.to_string_lossy().starts_with(['.', '~']))
        })
        .collect();
    found.sort();
    if found.is_empty() {
        return Err(Diagnostic::new(source, t!("import-no-word-files"))
            .hint(t!("import-not-word-hint"))
            .into());
    }
    Ok(found)
}

/// Where a page goes without `--to`: beside the Word file when it is in `content/`, else
/// `content/`.
fn default_to(root: &Path, source: &Path) -> PathBuf {
    let content = root.join("content");
    let folder = if source.is_dir() {
        source.to_path_buf()
    } else {
        source.parent().map(Path::to_path_buf).unwrap_or_default()
    };
    if absolute(&folder).starts_with(absolute(&content)) {
        folder
    } else {
        content
    }
}

fn absolute(path: &Path) -> PathBuf {
    path.canonicalize().unwrap_or_else(|_| {
        std::env::current_dir()
            .map(|d| d.join(path))
            .unwrap_or_else(|_| path.to_path_buf())
    })
}

/// One file to write.
struct Write {
    path: PathBuf,
    bytes: Vec<u8>,
    /// The Word file copied beside its page (overwritten freely: it is the same document).
    copy: bool,
}

struct Plan {
    imported: Imported,
    writes: Vec<Write>,
}

/// What importing `source` writes.
fn plan(
    root: &Path,
    source: &Path,
    to: &Path,
    to_in_content: &Path,
    base_path: &str,
) -> Result<Plan, Diagnostic> {
    // Read as any file of a folder is (not a pipe, not through a link out of it, within the
    // Word limit); the folder being the file's own.
    let folder = source
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let (bytes, document) = word::read_document(folder, source, &root.join(word::LEGACY_CACHE))
        .map_err(|mut d| {
            d.file = source.to_path_buf();
            d
        })?;
    let stem = source
        .file_stem()
        .map(|s| crate::output::path::nfc(&s.to_string_lossy()))
        .unwrap_or_default();
    let extension = source
        .extension()
        .map(|e| e.to_string_lossy().to_ascii_lowercase())
        .unwrap_or_else(|| "docx".into());
    let mut front = word::front_matter(&document);
    let mut extra = word::extra(&document);
    // The corrections a sidecar FILE.toml beside the Word file makes, as `build` applies them.
    let sidecar = source.with_extension("toml");
    if let Ok(text) = std::fs::read_to_string(&sidecar) {
        let table: toml::Table = toml::from_str(&text)
            .map_err(|e| crate::mistakes::toml_diagnostic(&sidecar, &text, 1, &e))?;
        for (key, value) in table {
            if key == "extra" {
                if let toml::Value::Table(more) = value {
                    extra.extend(more);
                }
                continue;
            }
            front.retain(|k, _| *k != key && !word::names(k).contains(&key.as_str()));
            front.insert(key, value);
        }
    }
    let slug = front
        .get("slug")
        .and_then(|s| s.as_str())
        .map(str::to_string)
        .unwrap_or_else(|| stem.clone());
    let dir = to_in_content
        .components()
        .map(|c| c.as_os_str().to_string_lossy().into_owned())
        .collect::<Vec<_>>()
        .join("/");
    let path = if dir.is_empty() {
        format!("{slug}/")
    } else {
        format!("{dir}/{slug}/")
    };
    let url = |name: &str| format!("{base_path}{path}{}", word::encode_segment(name));
    let title = document.page_title();
    let long: Vec<bool> = document
        .attachments
        .iter()
        .map(|a| a.length() > word::LONG_ATTACHMENT)
        .collect();
    let mut related: Vec<String> = Vec::new();
    let body = document.markdown_with(|index, attachment| {
        long[index].then(|| {
            format!(
                "../{}/",
                word::encode_segment(&word::attachment_slug(&slug, attachment))
            )
        })
    });
    let body = word::without_addressee_line(&document, body);
    let body = word::pictures_at(&body, &document, &url);
    let mut writes = Vec::new();
    let page_file = to.join(format!("{stem}.md"));
    let mut attachment_pages = Vec::new();
    for (index, attachment) in document.attachments.iter().enumerate() {
        if !long[index] {
            continue;
        }
        let attachment_slug = word::attachment_slug(&slug, attachment);
        related.push(attachment_slug.clone());
        let table = word::attachment_front_matter(&title, &slug, &attachment_slug, attachment);
        let mut table = table;
        if attachment.markdown.contains("<table") || attachment.markdown.contains("<sup>") {
            table.insert("allow_raw_html".into(), toml::Value::Boolean(true));
        }
        let text = page_text(
            &table,
            &toml::Table::new(),
            &word::pictures_at(&attachment.markdown, &document, &url),
        );
        attachment_pages.push(Write {
            path: to.join(format!("{attachment_slug}.md")),
            bytes: text.into_bytes(),
            copy: false,
        });
    }
    if !related.is_empty() {
        let mut all: Vec<String> = front
            .get("related")
            .and_then(|r| r.as_array())
            .map(|a| {
                a.iter()
                    .filter_map(|v| v.as_str().map(String::from))
                    .collect()
            })
            .unwrap_or_default();
        all.extend(related);
        front.insert(
            "related".into(),
            word::strings(all.iter().map(String::as_str)),
        );
    }
    // The reader writes tables as HTML (merged cells need it), and notes in them as <sup>.
    if body.contains("<table") || body.contains("<sup>") {
        front.insert("allow_raw_html".into(), toml::Value::Boolean(true));
    }
    writes.push(Write {
        path: page_file.clone(),
        bytes: page_text(&front, &extra, &body).into_bytes(),
        copy: false,
    });
    writes.extend(attachment_pages);
    let original = to.join(format!("{stem}.{extension}"));
    if absolute(&original) != absolute(source) {
        writes.push(Write {
            path: original,
            bytes,
            copy: true,
        });
    }
    let statics = root.join("static").join(&path);
    for image in &document.images {
        writes.push(Write {
            path: statics.join(&image.name),
            bytes: image.bytes.clone(),
            copy: false,
        });
    }
    let imported = Imported {
        source: source.to_path_buf(),
        page: rel_to(root, &page_file),
        files: writes.iter().map(|w| rel_to(root, &w.path)).collect(),
        recognised: recognised(&document),
        notes: document
            .notes
            .iter()
            .map(|n| (n.severity == Severity::Warning, n.diagnostic(source)))
            .collect(),
    };
    Ok(Plan { imported, writes })
}

/// The fields written first, in the order an editor reads them.
const ORDER: [&str; 13] = [
    "title",
    "kind",
    "issuer",
    "co_issuers",
    "doc_number",
    "signers",
    "written",
    "published",
    "date",
    "recipients",
    "copy_to",
    "related",
    "allow_raw_html",
];

/// A Markdown page: its front matter (`front`, then `extra`) between `+++` lines, and `body`.
fn page_text(front: &toml::Table, extra: &toml::Table, body: &str) -> String {
    let mut text = String::from("+++\n");
    let one = |key: &str, value: &toml::Value| {
        let mut single = toml::Table::new();
        single.insert(key.to_string(), value.clone());
        toml::to_string(&single).unwrap_or_default()
    };
    for key in ORDER {
        if let Some(value) = front.get(key) {
            text.push_str(&one(key, value));
        }
    }
    let mut tables = Vec::new();
    for (key, value) in front {
        if ORDER.contains(&key.as_str()) || key == "extra" {
            continue;
        }
        match value {
            toml::Value::Table(_) => tables.push((key, value)),
            _ => text.push_str(&one(key, value)),
        }
    }
    for (key, value) in tables {
        text.push_str(&one(key, value));
    }
    if !extra.is_empty() {
        text.push_str(&one("extra", &toml::Value::Table(extra.clone())));
    }
    text.push_str("+++\n\n");
    text.push_str(body.trim_end());
    text.push('\n');
    text
}

/// Writes the plan's files, folders made as needed.
fn write(plan: &Plan) -> Result<(), Diagnostic> {
    for w in &plan.writes {
        if let Some(parent) = w.path.parent() {
            std::fs::create_dir_all(parent).map_err(|e| {
                Diagnostic::new(
                    parent,
                    t!("import-write-failed", error = crate::error::io_error(&e)),
                )
            })?;
        }
        std::fs::write(&w.path, &w.bytes).map_err(|e| {
            Diagnostic::new(
                &w.path,
                t!("import-write-failed", error = crate::error::io_error(&e)),
            )
        })?;
    }
    Ok(())
}

/// Every element the reader recognised, in the order of the document (版头, 主体, 版记), and
/// each attachment and picture.
fn recognised(document: &Document) -> Vec<Recognised> {
    let m = &document.meta;
    let mut out = Vec::new();
    let mut one = |element: &'static str, value: String, paragraph: Option<usize>| {
        out.push(Recognised {
            element,
            value,
            paragraph,
        })
    };
    let found = |f: &crate::docx::Found<String>| (f.value.clone(), Some(f.paragraph));
    if let Some(f) = &m.copy_number {
        let (v, p) = found(f);
        one("copy_number", v, p);
    }
    if let Some(f) = &m.secrecy {
        let (v, p) = found(f);
        one("secrecy", v, p);
    }
    if let Some(f) = &m.urgency {
        let (v, p) = found(f);
        one("urgency", v, p);
    }
    for f in &m.issuers {
        let (v, p) = found(f);
        one("issuer", v, p);
    }
    if let Some(n) = &m.doc_number {
        let value = if n.value.original == n.value.normalised {
            n.value.normalised.clone()
        } else {
            t!(
                "import-as-written",
                value = n.value.normalised.as_str(),
                original = n.value.original.as_str()
            )
        };
        one("doc_number", value, Some(n.paragraph));
    }
    for f in &m.signers {
        let (v, p) = found(f);
        one("signer", v, p);
    }
    match &m.title {
        Some(f) => {
            let (v, p) = found(f);
            one("title", v, p);
        }
        None => one("title", document.page_title(), None),
    }
    if let Some(genre) = &m.genre {
        let word = match &genre.issued {
            Some(issued) => format!("{}（{issued}）", genre.word),
            None => genre.word.clone(),
        };
        one(
            "genre",
            t!("import-genre", genre = word, kind = genre.kind.slug()),
            None,
        );
    }
    if let Some(f) = &m.addressees {
        let (v, p) = found(f);
        one("recipients", v, p);
    }
    for f in &m.attachment_list {
        let (v, p) = found(f);
        one("attachment_list", v, p);
    }
    for f in &m.signatures {
        let (v, p) = found(f);
        one("signature", v, p);
    }
    if let Some(d) = &m.written {
        one(
            "written",
            t!(
                "import-as-written",
                value = d.value.iso(),
                original = d.value.original.as_str()
            ),
            Some(d.paragraph),
        );
    }
    for (element, f) in [
        ("remark", &m.remark),
        ("copy_to", &m.copy_to),
        ("printed_by", &m.printed_by),
    ] {
        if let Some(f) = f {
            let (v, p) = found(f);
            one(element, v, p);
        }
    }
    for (element, date) in [("printed_on", &m.printed_on)] {
        if let Some(d) = date {
            one(
                element,
                t!(
                    "import-as-written",
                    value = d.value.iso(),
                    original = d.value.original.as_str()
                ),
                Some(d.paragraph),
            );
        }
    }
    for attachment in &document.attachments {
        let label = word::attachment_label(attachment);
        let title = attachment
            .title
            .as_ref()
            .map(|t| t.value.clone())
            .unwrap_or_default();
        let element = if attachment.length() > word::LONG_ATTACHMENT {
            "attachment_page"
        } else {
            "attachment_section"
        };
        one(
            element,
            t!(
                "import-attachment",
                label = label,
                title = title,
                length = attachment.length()
            ),
            Some(attachment.paragraph),
        );
    }
    for image in &document.images {
        let alt = image.alt.clone().unwrap_or_default();
        one(
            "picture",
            t!("import-picture", name = image.name.as_str(), alt = alt),
            Some(image.paragraph),
        );
    }
    out
}

/// The sentence of one recognised element, in the editor's language.
pub fn recognised_text(r: &Recognised) -> String {
    match r.paragraph {
        Some(paragraph) => t!(
            "import-element-at",
            element = r.element,
            value = r.value.as_str(),
            paragraph = paragraph
        ),
        None => t!(
            "import-element",
            element = r.element,
            value = r.value.as_str()
        ),
    }
}
