//! What reading a Word file gives: the 公文's elements (each with the paragraph it came from),
//! the text as Markdown, the attachments, the pictures, and the notes for the editor.

use std::path::Path;

pub use super::gongwen::patterns::{Date, DocNumber, Genre, PageKind};
pub use super::package::Properties;
use crate::error::Diagnostic;
use crate::i18n::Deferred;
use crate::t;

/// A value found in the document, with the paragraph it came from (counted from 1 over all
/// the document's paragraphs, tables' included).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Found<T> {
    /// What was found: its text, or a parsed [`Date`] or [`DocNumber`] (which keep the original).
    pub value: T,
    /// The paragraph it came from, counted from 1.
    pub paragraph: usize,
}

/// The elements of a 公文 (GB/T 9704-2012, clause 7) the reader recognised.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Meta {
    /// 份号 (not published unless the editor says so).
    pub copy_number: Option<Found<String>>,
    /// 密级和保密期限: a classified document must not be published (see the notes).
    pub secrecy: Option<Found<String>>,
    /// 紧急程度 (not published unless the editor says so).
    pub urgency: Option<Found<String>>,
    /// 发文机关: from the 发文机关标志 (several for a joint document), else from the 署名.
    pub issuers: Vec<Found<String>>,
    /// 发文字号, normalised with the original kept.
    pub doc_number: Option<Found<DocNumber>>,
    /// 签发人.
    pub signers: Vec<Found<String>>,
    /// 标题 (lines joined).
    pub title: Option<Found<String>>,
    /// The 文种 the title ends with, and the page kind it maps to.
    pub genre: Option<Genre>,
    /// 主送机关.
    pub addressees: Option<Found<String>>,
    /// 附件说明: the attachments' names as the 附件说明 lists them.
    pub attachment_list: Vec<Found<String>>,
    /// 发文机关署名 (several for a joint document).
    pub signatures: Vec<Found<String>>,
    /// 成文日期.
    pub written: Option<Found<Date>>,
    /// 附注 (（此件公开发布）).
    pub remark: Option<Found<String>>,
    /// 抄送机关.
    pub copy_to: Option<Found<String>>,
    /// 印发机关 and 印发日期.
    pub printed_by: Option<Found<String>>,
    /// 印发日期 (in the 版记, after the 印发机关).
    pub printed_on: Option<Found<Date>>,
    /// The file's own properties (`docProps/core.xml`).
    pub properties: Properties,
}

/// A picture to write beside the page.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Image {
    /// The file name the Markdown refers to (`image-1.png`).
    pub name: String,
    /// The picture's bytes, as stored in the Word file (`word/media/…`).
    pub bytes: Vec<u8>,
    /// The document's alternative text; `None` when it has none (a note says so).
    pub alt: Option<String>,
    /// The paragraph where it first appears.
    pub paragraph: usize,
}

/// An attachment (附件): a section of its own, or a page of its own when it is long.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Attachment {
    /// Its number as the document writes it (`1` in 附件1); `None` for a lone 附件 or an
    /// attached text without a label.
    pub number: Option<String>,
    /// Its title: the centred lines after the 附件N label (up to three, joined); `None` when none.
    pub title: Option<Found<String>>,
    /// Its content as Markdown (headings from level 2, as on a page of its own).
    pub markdown: String,
    /// Where it starts.
    pub paragraph: usize,
}

impl Attachment {
    /// How many characters of text it has (what decides whether it gets a page of its own).
    pub fn length(&self) -> usize {
        self.markdown.chars().filter(|c| !c.is_whitespace()).count()
    }
}

/// How much a note matters.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Severity {
    /// The editor must look: something may be published wrongly or is missing.
    Warning,
    /// Said for the record: what was left out on purpose.
    Info,
}

/// Something the editor should know about the reading: where (the paragraph, with the start
/// of its text to find it by), what, and what to do.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Note {
    pub(crate) severity: Severity,
    pub(crate) paragraph: Option<usize>,
    /// The first characters of the paragraph's text.
    pub quote: Option<String>,
    pub(crate) message: Deferred,
    pub(crate) hint: Option<Deferred>,
}

impl Note {
    /// The catalogue id of the message (what tests and tools match on).
    pub fn id(&self) -> &'static str {
        self.message.id()
    }

    /// The sentence, with the paragraph it is about, in the current language.
    pub fn text(&self) -> String {
        let message = self.message.text();
        match (self.paragraph, &self.quote) {
            (Some(n), Some(quote)) => t!(
                "word-at-paragraph-quoted",
                paragraph = n,
                quote = quote.as_str(),
                message = message
            ),
            (Some(n), None) => t!("word-at-paragraph", paragraph = n, message = message),
            _ => message,
        }
    }

    /// The note as a diagnostic for the Word file `shown`.
    pub fn diagnostic(&self, shown: &Path) -> Diagnostic {
        let diagnostic = Diagnostic::new(shown, self.text());
        match &self.hint {
            Some(hint) => diagnostic.hint(hint.text()),
            None => diagnostic,
        }
    }
}

/// A Word file read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Document {
    /// The file's name, as given to [`super::read`].
    pub name: String,
    /// The 公文's elements the reader recognised (版头, 主体, 版记) and the file's properties.
    pub meta: Meta,
    /// The text from the 主送机关 to the 附注, as Markdown: headings from level 2, tables as
    /// HTML, footnotes, pictures by the names in [`Document::images`].
    pub markdown: String,
    /// The attachments (附件) after the body, in their order.
    pub attachments: Vec<Attachment>,
    /// The pictures of the body and the attachments, in order of first appearance.
    pub images: Vec<Image>,
    /// What the editor should know about the reading, in the order found.
    pub notes: Vec<Note>,
}

impl Document {
    /// The title a page gets: the recognised one, else the file's own title property, else
    /// the file name without its extension.
    pub fn page_title(&self) -> String {
        if let Some(title) = &self.meta.title {
            return title.value.clone();
        }
        if let Some(title) = &self.meta.properties.title {
            return title.clone();
        }
        Path::new(&self.name)
            .file_stem()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_default()
    }

    /// The text with every attachment as a section after it (`## 附件1　名称`, its headings one
    /// level down).
    pub fn markdown_with_attachments(&self) -> String {
        self.markdown_with(|_, _| None)
    }

    /// The text with the attachments after it, as [`Document::markdown_with_attachments`];
    /// an attachment for which `own_page` gives an address is on a page of its own: here only
    /// its heading, linked to that page.
    pub fn markdown_with(&self, own_page: impl Fn(usize, &Attachment) -> Option<String>) -> String {
        let mut out = self.markdown.clone();
        for (index, attachment) in self.attachments.iter().enumerate() {
            if !out.is_empty() && !out.ends_with("\n\n") {
                out.push_str(if out.ends_with('\n') { "\n" } else { "\n\n" });
            }
            let label = match &attachment.number {
                Some(n) => format!("附件{n}"),
                None => "附件".to_string(),
            };
            let heading = match &attachment.title {
                Some(title) => format!("{label}　{}", super::markdown::escape_line(&title.value)),
                None => label,
            };
            match own_page(index, attachment) {
                Some(address) => out.push_str(&format!("## [{heading}](<{address}>)\n")),
                None => {
                    out.push_str(&format!("## {heading}\n\n"));
                    out.push_str(&super::markdown::demote_headings(&attachment.markdown));
                }
            }
        }
        out
    }
}

impl Document {
    /// Everything read, as text for a person (and for the snapshot tests): the elements with
    /// the paragraph each came from, the Markdown, the attachments, the pictures and the notes.
    pub fn outline(&self) -> String {
        let mut out = String::new();
        let m = &self.meta;
        let line = |out: &mut String, name: &str, value: &str| {
            out.push_str(&format!("{name}: {value}\n"));
        };
        let one = |f: &Option<Found<String>>| {
            f.as_ref()
                .map(|f| format!("{} (¶{})", f.value, f.paragraph))
        };
        let many = |v: &[Found<String>]| {
            (!v.is_empty()).then(|| {
                v.iter()
                    .map(|f| format!("{} (¶{})", f.value, f.paragraph))
                    .collect::<Vec<_>>()
                    .join("; ")
            })
        };
        let date = |d: &Option<Found<Date>>| {
            d.as_ref().map(|d| {
                format!(
                    "{} (as written: {}, ¶{})",
                    d.value.iso(),
                    d.value.original,
                    d.paragraph
                )
            })
        };
        let fields: Vec<(&str, Option<String>)> = vec![
            ("copy_number", one(&m.copy_number)),
            ("secrecy", one(&m.secrecy)),
            ("urgency", one(&m.urgency)),
            ("issuers", many(&m.issuers)),
            (
                "doc_number",
                m.doc_number.as_ref().map(|n| {
                    format!(
                        "{} (as written: {}, ¶{})",
                        n.value.normalised, n.value.original, n.paragraph
                    )
                }),
            ),
            ("signers", many(&m.signers)),
            ("title", one(&m.title)),
            (
                "genre",
                m.genre.as_ref().map(|g| {
                    let issued = g
                        .issued
                        .as_ref()
                        .map(|i| format!(", issuing a {i}"))
                        .unwrap_or_default();
                    format!("{}{issued} → kind {}", g.word, g.kind.slug())
                }),
            ),
            ("addressees", one(&m.addressees)),
            ("attachment_list", many(&m.attachment_list)),
            ("signatures", many(&m.signatures)),
            ("written", date(&m.written)),
            ("remark", one(&m.remark)),
            ("copy_to", one(&m.copy_to)),
            ("printed_by", one(&m.printed_by)),
            ("printed_on", date(&m.printed_on)),
            ("properties.title", m.properties.title.clone()),
            ("properties.creator", m.properties.creator.clone()),
        ];
        for (name, value) in fields {
            if let Some(value) = value {
                line(&mut out, name, &value);
            }
        }
        out.push_str("\n--- markdown\n");
        out.push_str(&self.markdown);
        out.push('\n');
        for (k, a) in self.attachments.iter().enumerate() {
            out.push_str(&format!(
                "\n--- attachment {} (label {}, title {}, ¶{})\n",
                k + 1,
                a.number.as_deref().unwrap_or("-"),
                a.title
                    .as_ref()
                    .map(|t| format!("{} (¶{})", t.value, t.paragraph))
                    .unwrap_or_else(|| "-".into()),
                a.paragraph
            ));
            out.push_str(&a.markdown);
            out.push('\n');
        }
        if !self.images.is_empty() {
            out.push_str("\n--- images\n");
            for image in &self.images {
                out.push_str(&format!(
                    "{} ({} bytes, alt {}, ¶{})\n",
                    image.name,
                    image.bytes.len(),
                    image
                        .alt
                        .as_deref()
                        .map(|a| format!("“{a}”"))
                        .unwrap_or_else(|| "none".into()),
                    image.paragraph
                ));
            }
        }
        if !self.notes.is_empty() {
            out.push_str("\n--- notes\n");
            for note in &self.notes {
                let severity = match note.severity {
                    Severity::Warning => "warning",
                    Severity::Info => "info",
                };
                out.push_str(&format!("{severity} [{}]: {}\n", note.id(), note.text()));
                if let Some(hint) = &note.hint {
                    out.push_str(&format!("  help: {}\n", hint.text()));
                }
            }
        }
        out
    }
}
