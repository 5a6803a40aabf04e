//! Pages made from Word files in `content/` (`.docx`, `.docm`; `.doc` and `.wps` through
//! LibreOffice, see [`crate::docx::legacy`]): the title, the metadata and the text come from
//! the document (read by [`crate::docx`]), a sidecar `FILE.toml` beside it corrects or adds any
//! front matter field and wins, and the Word file itself is published beside the page as its
//! 下载原件, with the document's pictures.
//!
//! Which file of `content/` is what ([`what`]): a Word file beside a Markdown page of the same
//! name (`a.md` and `a.docx`, as `stdportal import` leaves them) is that page's 下载原件, not a
//! page; so is a PDF beside a page of the same name. A PDF alone is refused with a message: a
//! page needs a Markdown or Word source.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use super::folders::Folders;
use super::frontmatter::{self, PageFrontMatter, Split};
use super::{Note, Page, PageFile, Parsed, Prepare, SourceFile};
use crate::docx::{self, Document, Severity};
use crate::error::Diagnostic;
use crate::read::{self, rel_to};
use crate::t;

/// The extensions of Word files, as `content/` reads them.
pub(crate) const WORD_EXTENSIONS: [&str; 4] = ["docx", "docm", "doc", "wps"];

/// An attachment (附件) with more characters than this gets a page of its own, linked both
/// ways with the document. About five printed pages of a 公文 (GB/T 9704: 22 lines of 28
/// characters): shorter, it reads as the end of the document; longer (an 实施细则, a table of
/// 200 rows), it is a document of its own that a reader searches for, links to and prints
/// alone, and folded into the document it would double the page's length.
pub(crate) const LONG_ATTACHMENT: usize = 3_000;

/// Where LibreOffice's conversions of `.doc` and `.wps` files are kept, under the site's folder
/// (hidden: never read as a source, never published).
pub(crate) const LEGACY_CACHE: &str = ".stdportal-cache/word";

/// What a file of `content/` is read as.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum What {
    Markdown,
    Word,
    Pdf,
    /// `FILE.toml` beside a Word file: its front matter.
    Sidecar,
    /// Anything else: not read.
    Other,
}

/// What `path` is by its extension (in any case: `A.DOCX` too).
pub(crate) fn what(path: &Path) -> What {
    let Some(extension) = path.extension().and_then(|e| e.to_str()) else {
        return What::Other;
    };
    let extension = extension.to_ascii_lowercase();
    match extension.as_str() {
        "md" => What::Markdown,
        "pdf" => What::Pdf,
        "toml" => What::Sidecar,
        e if WORD_EXTENSIONS.contains(&e) => What::Word,
        _ => What::Other,
    }
}

/// The files beside `path` with its name and another extension that says something about it
/// (the Markdown page, the Word file, the PDF, the sidecar), that exist: found in the listing
/// of its folder in `folders` (listed once for all its pages), else each name looked up.
pub(crate) fn siblings(path: &Path, folders: &Folders) -> Vec<PathBuf> {
    const EXTENSIONS: [&str; 7] = ["md", "docx", "docm", "doc", "wps", "pdf", "toml"];
    let mut found: Vec<PathBuf> = Vec::new();
    for extension in EXTENSIONS {
        for written in [extension.to_string(), extension.to_ascii_uppercase()] {
            let candidate = path.with_extension(&written);
            if candidate != path && !found.contains(&candidate) && folders.exists(&candidate) {
                found.push(candidate);
            }
        }
    }
    found.sort();
    found
}

/// Whether a Markdown page of the same name is beside `path`: then `path` is its 下载原件.
pub(crate) fn has_markdown_page(path: &Path, folders: &Folders) -> bool {
    siblings(path, folders)
        .iter()
        .any(|p| what(p) == What::Markdown)
}

/// The 下载原件 of a page read from `path`: the Word and PDF files of the same name beside it.
pub(super) fn originals(
    root: &Path,
    path: &Path,
    folders: &Folders,
) -> Result<Vec<PageFile>, Diagnostic> {
    let mut files = Vec::new();
    for sibling in siblings(path, folders) {
        let kind = match what(&sibling) {
            What::Word => read::Kind::Word,
            What::Pdf => read::Kind::Static,
            _ => continue,
        };
        let bytes = read::source(root, &sibling, kind)?;
        files.push(PageFile {
            name: published_name(&sibling),
            bytes: Arc::from(bytes),
            original: true,
        });
    }
    Ok(files)
}

/// The name a file is published under beside its page: its own (`泰政发〔2021〕12号.docx`), or
/// `原件.docx` when that cannot be a web address (it has `#`, `%` …).
fn published_name(path: &Path) -> String {
    let name = crate::output::path::nfc(
        &path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default(),
    );
    if crate::output::path::check_segment(&name).is_ok() {
        return name;
    }
    let extension = path
        .extension()
        .map(|e| e.to_string_lossy().to_ascii_lowercase())
        .unwrap_or_default();
    format!("原件.{extension}")
}

/// The Word file at `path` read: its bytes as stored, and the document (a `.doc` or `.wps`
/// converted by LibreOffice first, through the cache under `root`).
pub(crate) fn read_document(
    root: &Path,
    path: &Path,
    cache: &Path,
) -> Result<(Vec<u8>, Document), Diagnostic> {
    let shown = rel_to(root, path);
    let bytes = read::source(root, path, read::Kind::Word)?;
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let document = match docx::legacy::kind(&bytes) {
        Some(kind) => {
            let converted =
                docx::legacy::convert(&bytes, kind, cache).map_err(|p| p.diagnostic(&shown))?;
            docx::read(&converted, &name)
        }
        None => docx::read(&bytes, &name),
    }
    .map_err(|p| p.diagnostic(&shown))?;
    Ok((bytes, document))
}

/// The front matter a document gives: what GB/T 9704 puts in the 版头, 主体 and 版记 that the
/// site has a field for. 份号, 密级 and 紧急程度 are left out: they are not published unless
/// the editor writes them (in the sidecar).
pub(crate) fn front_matter(document: &Document) -> toml::Table {
    use toml::Value;
    let meta = &document.meta;
    let mut table = toml::Table::new();
    table.insert("title".into(), Value::String(document.page_title()));
    if let Some(genre) = &meta.genre {
        table.insert("kind".into(), Value::String(genre.kind.slug().into()));
    }
    // The organs of the 发文机关标志, else of the 署名.
    let organs: Vec<&str> = if meta.issuers.is_empty() {
        meta.signatures.iter().map(|f| f.value.as_str()).collect()
    } else {
        meta.issuers.iter().map(|f| f.value.as_str()).collect()
    };
    if let Some((first, others)) = organs.split_first() {
        table.insert("issuer".into(), Value::String((*first).into()));
        if !others.is_empty() {
            table.insert("co_issuers".into(), strings(others.iter().copied()));
        }
    }
    if !meta.signers.is_empty() {
        table.insert(
            "signers".into(),
            strings(meta.signers.iter().map(|f| f.value.as_str())),
        );
    }
    if let Some(number) = &meta.doc_number {
        table.insert(
            "doc_number".into(),
            Value::String(number.value.normalised.clone()),
        );
    }
    if let Some(written) = &meta.written {
        table.insert("written".into(), Value::String(written.value.iso()));
    }
    if let Some(addressees) = &meta.addressees {
        table.insert(
            "recipients".into(),
            Value::String(without_colon(&addressees.value)),
        );
    }
    if let Some(copy_to) = &meta.copy_to {
        table.insert(
            "copy_to".into(),
            Value::String(without_colon(&copy_to.value)),
        );
    }
    table
}

/// What the front matter's `[extra]` gets from a document: the 发文字号 as written, when the
/// catalogue's form differs from it.
pub(crate) fn extra(document: &Document) -> toml::Table {
    let mut extra = toml::Table::new();
    if let Some(number) = &document.meta.doc_number {
        if number.value.original != number.value.normalised {
            extra.insert(
                "doc_number_as_written".into(),
                toml::Value::String(number.value.original.clone()),
            );
        }
    }
    extra
}

pub(crate) fn strings<'a>(values: impl Iterator<Item = &'a str>) -> toml::Value {
    toml::Value::Array(values.map(|v| toml::Value::String(v.into())).collect())
}

/// `各区县人民政府，市直有关部门：` without its colon (the page writes one).
fn without_colon(text: &str) -> String {
    text.trim()
        .trim_end_matches(['：', ':'])
        .trim_end()
        .to_string()
}

/// The names a field of the front matter is written with in a sidecar (serde's aliases of
/// [`PageFrontMatter`]): a sidecar that writes any of them replaces what the document says.
pub(crate) fn names(field: &str) -> &'static [&'static str] {
    match field {
        "co_issuers" => &["联合发文机关", "聯合發文機關"],
        "signers" => &["签发人", "簽發人"],
        "recipients" => &["主送", "主送机关", "主送機關"],
        "copy_to" => &["抄送", "抄送机关", "抄送機關"],
        _ => &[],
    }
}

/// The front matter of a Word page as TOML text: what the document says, then the sidecar's
/// text as written (so that its mistakes are found at its own lines), then the `[extra]` the
/// document gives when the sidecar has none. `lines` says where each part starts.
struct Merged {
    text: String,
    /// The first line of the sidecar's text in `text`, and its number of lines.
    sidecar_from: usize,
    sidecar_lines: usize,
}

fn merge(
    document: &Document,
    sidecar: Option<(&Path, &str)>,
    leave_out: &[String],
) -> Result<Merged, Diagnostic> {
    let mut derived = front_matter(document);
    let mut sidecar_table = toml::Table::new();
    if let Some((shown, text)) = sidecar {
        sidecar_table = toml::from_str(text)
            .map_err(|e| crate::mistakes::toml_diagnostic(shown, text, 1, &e))?;
    }
    derived.retain(|key, _| {
        !leave_out.iter().any(|l| l == key)
            && !sidecar_table.contains_key(key)
            && !names(key).iter().any(|n| sidecar_table.contains_key(*n))
    });
    let mut text = toml::to_string(&derived).unwrap_or_default();
    if !text.is_empty() && !text.ends_with('\n') {
        text.push('\n');
    }
    let sidecar_from = text.lines().count() + 1;
    let sidecar_text = sidecar.map_or("", |(_, t)| t);
    text.push_str(sidecar_text);
    if !text.ends_with('\n') {
        text.push('\n');
    }
    let extra = extra(document);
    if !extra.is_empty() && !sidecar_table.contains_key("extra") {
        let mut wrapper = toml::Table::new();
        wrapper.insert("extra".into(), toml::Value::Table(extra));
        text.push_str(&toml::to_string(&wrapper).unwrap_or_default());
    }
    Ok(Merged {
        text,
        sidecar_from,
        sidecar_lines: sidecar_text.lines().count().max(1),
    })
}

impl Merged {
    /// A problem found in the merged text, placed where it was written: in the sidecar at its
    /// own line, else on the Word file (a value read from the document).
    fn relocate(&self, mut d: Diagnostic, word: &Path, sidecar: Option<&Path>) -> Diagnostic {
        match (d.line, sidecar) {
            (Some(line), Some(sidecar))
                if line >= self.sidecar_from && line < self.sidecar_from + self.sidecar_lines =>
            {
                d.file = sidecar.to_path_buf();
                d.line = Some(line + 1 - self.sidecar_from);
            }
            _ => {
                d.file = word.to_path_buf();
                d.line = None;
                d.column = None;
            }
        }
        d
    }
}

/// `附件1` (`附件` for a lone attachment without a number), as the document labels it.
pub(crate) fn attachment_label(attachment: &docx::Attachment) -> String {
    match &attachment.number {
        Some(n) => format!("附件{n}"),
        None => "附件".to_string(),
    }
}

/// The slug of a long attachment's page: the document's, and its label (`…-附件1`).
pub(crate) fn attachment_slug(slug: &str, attachment: &docx::Attachment) -> String {
    format!("{slug}-{}", attachment_label(attachment))
}

/// The front matter of a long attachment's page: titled with its name (or the document's
/// title and its label), described as the document's attachment, linked with the document.
pub(crate) fn attachment_front_matter(
    document_title: &str,
    document_slug: &str,
    slug: &str,
    attachment: &docx::Attachment,
) -> toml::Table {
    let label = attachment_label(attachment);
    let title = match &attachment.title {
        Some(title) => format!("{label}　{}", title.value),
        None => format!("{document_title}　{label}"),
    };
    let mut table = toml::Table::new();
    table.insert("title".into(), toml::Value::String(title));
    table.insert("slug".into(), toml::Value::String(slug.to_string()));
    table.insert(
        "description".into(),
        toml::Value::String(format!("《{document_title}》{label}")),
    );
    table.insert("related".into(), strings(std::iter::once(document_slug)));
    table
}

/// The document's text without its 主送 line, which the page shows from the front matter's
/// `recipients` (so that a sidecar's correction of it is what is published).
pub(crate) fn without_addressee_line(document: &Document, markdown: String) -> String {
    if document.meta.addressees.is_none() {
        return markdown;
    }
    match markdown.split_once("\n\n") {
        Some((first, rest))
            if first.trim_end().ends_with(['：', ':']) && !first.trim().contains('\n') =>
        {
            rest.to_string()
        }
        _ => markdown,
    }
}

/// The field serde found twice (`duplicate field `recipients``): given by the document under
/// its name and by the sidecar under another (`主送`).
fn duplicate_field(message: &str) -> Option<String> {
    let rest = message.split("duplicate field `").nth(1)?;
    Some(rest.split('`').next()?.to_string())
}

/// The pages a Word file of `content/` makes: the document's, and one for each long
/// attachment.
pub(super) fn parse(
    root: &Path,
    file: &SourceFile,
    options: &super::ReadOptions,
    prepare: &dyn Prepare,
) -> Result<Vec<Parsed>, Diagnostic> {
    let shown = rel_to(root, &file.path);
    let (bytes, document) = read_document(root, &file.path, &root.join(LEGACY_CACHE))?;
    let sidecar_path = file.path.with_extension("toml");
    let sidecar_shown = rel_to(root, &sidecar_path);
    let sidecar_text = match std::fs::symlink_metadata(&sidecar_path) {
        Ok(_) => {
            let bytes = read::source(root, &sidecar_path, read::Kind::Settings)?;
            Some(read::decode_utf8(&sidecar_shown, &bytes)?.to_string())
        }
        Err(_) => None,
    };
    let sidecar = sidecar_text
        .as_deref()
        .map(|text| (sidecar_shown.as_path(), text));
    // A field both the document and the sidecar give under different names (`recipients`
    // read, `主送` written) is the sidecar's: serde says which field is given twice.
    let mut leave_out: Vec<String> = Vec::new();
    let merged = loop {
        let merged = merge(&document, sidecar, &leave_out)?;
        let twice = match toml::from_str::<PageFrontMatter>(&merged.text) {
            Ok(_) => None,
            Err(e) => duplicate_field(e.message()),
        };
        match twice {
            Some(field) if !leave_out.contains(&field) => leave_out.push(field),
            _ => break merged,
        }
    };
    let relocate = |d: Diagnostic| merged.relocate(d, &shown, sidecar.map(|(p, _)| p));
    let split = Split {
        front_matter: &merged.text,
        front_matter_line: 1,
        body: "",
        body_line: 1,
    };
    let meta: PageFrontMatter = frontmatter::parse(&shown, &split).map_err(relocate)?;
    let (slug, dir, path) = super::page_path(&file.rel, &meta);
    let base = format!("{}{path}", options.base_path);
    let image_url = |name: &str| format!("{base}{}", encode_segment(name));
    let own_pages: Vec<bool> = document
        .attachments
        .iter()
        .map(|a| a.length() > LONG_ATTACHMENT)
        .collect();
    let attachment_slug = |index: usize| attachment_slug(&slug, &document.attachments[index]);
    let body = document.markdown_with(|index, _| {
        own_pages[index].then(|| format!("../{}/", encode_segment(&attachment_slug(index))))
    });
    let body = without_addressee_line(&document, body);
    let body = pictures_at(&body, &document, &image_url);
    let mut markdown = options.markdown();
    // The reader writes tables as HTML (merged cells need it) and escapes every character
    // typed in the document, so its raw HTML is its own; ammonia still publishes it.
    markdown.allow_raw_html = true;
    let mut meta = meta;
    let attachment_slugs: Vec<String> = (0..document.attachments.len())
        .filter(|i| own_pages[*i])
        .map(attachment_slug)
        .collect();
    for slug in &attachment_slugs {
        if !meta.related.contains(slug) {
            meta.related.push(slug.clone());
        }
    }
    let mut page = super::page(
        &shown,
        &split,
        meta.clone(),
        &body,
        &markdown,
        prepare,
        // The sidecar is part of the page's source.
        super::fingerprint(
            &[&bytes[..], sidecar_text.as_deref().unwrap_or("").as_bytes()].concat(),
        ),
    )
    .map_err(relocate)?;
    debug_assert_eq!(
        (page.slug.as_str(), page.section.as_str()),
        (slug.as_str(), dir.as_str())
    );
    page.from_word = true;
    page.files.push(PageFile {
        name: published_name(&file.path),
        bytes: Arc::from(bytes),
        original: true,
    });
    page.files
        .extend(document.images.iter().map(|image| PageFile {
            name: image.name.clone(),
            bytes: Arc::from(image.bytes.as_slice()),
            original: false,
        }));
    page.notes.extend(document.notes.iter().map(|note| Note {
        warning: note.severity == Severity::Warning,
        diagnostic: note.diagnostic(&shown),
    }));
    let mut parsed = Vec::new();
    for (index, attachment) in document.attachments.iter().enumerate() {
        if !own_pages[index] {
            continue;
        }
        parsed.push(attachment_page(
            &page,
            &attachment_slug(index),
            attachment,
            &pictures_at(&attachment.markdown, &document, &image_url),
            &markdown,
            prepare,
        )?);
    }
    parsed.insert(0, Parsed::Page(Box::new(page)));
    Ok(parsed)
}

/// The page of a long attachment: titled with its name (or the document's title and its
/// label), in the document's section, linked with it both ways.
fn attachment_page(
    document_page: &Page,
    slug: &str,
    attachment: &docx::Attachment,
    body: &str,
    options: &crate::content::markdown::MarkdownOptions,
    prepare: &dyn Prepare,
) -> Result<Parsed, Diagnostic> {
    let parent = &document_page.meta;
    let table = attachment_front_matter(&parent.title, &document_page.slug, slug, attachment);
    let text = toml::to_string(&table).unwrap_or_default();
    let split = Split {
        front_matter: &text,
        front_matter_line: 1,
        body: "",
        body_line: 1,
    };
    let mut meta: PageFrontMatter = frontmatter::parse(&document_page.file, &split)?;
    // Dated, drafted and in the search index as the document is.
    meta.date = parent.date;
    meta.published = parent.published;
    meta.written = parent.written;
    meta.draft = parent.draft;
    meta.in_search_index = parent.in_search_index;
    let mut page = super::page(
        &document_page.file,
        &split,
        meta,
        body,
        options,
        prepare,
        document_page.fingerprint,
    )?;
    page.from_word = true;
    Ok(Parsed::Page(Box::new(page)))
}

/// `markdown` with each picture of the document at its published address (one copy beside
/// the document's page, for both scripts: an absolute path under the site's base path).
pub(crate) fn pictures_at(
    markdown: &str,
    document: &Document,
    url: &dyn Fn(&str) -> String,
) -> String {
    let mut out = markdown.to_string();
    for image in &document.images {
        out = out.replace(
            &format!("]({})", image.name),
            &format!("](<{}>)", url(&image.name)),
        );
    }
    out
}

/// A segment of a web address: the ASCII characters a path segment (or a Markdown address)
/// cannot hold as they are percent-encoded; Chinese is kept as written, as in every other
/// address of the site (browsers encode it when they ask for it).
pub(crate) fn encode_segment(segment: &str) -> String {
    let mut out = String::with_capacity(segment.len());
    for c in segment.chars() {
        if c.is_ascii_control() || " \"#%/<>?`{}()[]\\^|".contains(c) {
            out.push_str(&format!("%{:02X}", c as u32));
        } else {
            out.push(c);
        }
    }
    out
}

/// The message for a PDF of `content/` with no page of its name beside it.
pub(crate) fn pdf_alone(shown: &Path) -> Diagnostic {
    Diagnostic::new(shown, t!("content-pdf-not-a-page")).hint(t!("content-pdf-not-a-page-hint"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_word_limit_is_the_readers() {
        assert_eq!(read::Kind::Word.limit(), docx::limits::FILE_BYTES);
    }

    #[test]
    fn files_are_told_apart_by_extension_in_any_case() {
        assert_eq!(what(Path::new("a/b.DOCX")), What::Word);
        assert_eq!(what(Path::new("b.wps")), What::Word);
        assert_eq!(what(Path::new("b.md")), What::Markdown);
        assert_eq!(what(Path::new("b.Pdf")), What::Pdf);
        assert_eq!(what(Path::new("b.toml")), What::Sidecar);
        assert_eq!(what(Path::new("b.png")), What::Other);
        assert_eq!(what(Path::new("README")), What::Other);
    }

    #[test]
    fn names_that_cannot_be_addresses_are_published_as_yuanjian() {
        assert_eq!(
            published_name(Path::new("泰政发〔2021〕12号.docx")),
            "泰政发〔2021〕12号.docx"
        );
        assert_eq!(published_name(Path::new("第#1号.DOCX")), "原件.docx");
        assert_eq!(encode_segment("a b(1)#.png"), "a%20b%281%29%23.png");
        assert_eq!(without_colon("各区县人民政府： "), "各区县人民政府");
    }
}
