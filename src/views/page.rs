//! Pages as templates see them: whole (`PageView`, on the page itself) or as lists show them
//! (`PageSummary`, without the body, so a list of thousands of pages stays small).

use serde::Serialize;

use super::Link;
use crate::content::markdown::Heading;
use crate::content::{catalogue_date, sort_date, Page, Validity};
use crate::labels::Labels;
use crate::lists::topic_path;
use crate::lists::{taxonomy_path, ListKey};

#[derive(Debug, Clone, Serialize)]
pub(crate) struct PageView {
    pub title: String,
    pub description: Option<String>,
    pub summary: String,
    pub path: String,
    pub date: Option<String>,
    pub date_text: Option<String>,
    pub kind: Option<String>,
    pub kind_label: Option<String>,
    pub issuer: Option<String>,
    pub doc_number: Option<String>,
    pub index_no: Option<String>,
    pub published: Option<String>,
    pub published_text: Option<String>,
    /// 成文日期: when the document was signed.
    pub written: Option<String>,
    pub written_text: Option<String>,
    pub topics: Vec<Link>,
    pub validity: Option<String>,
    /// The validity's name in addresses and classes: `valid`, `amended`, `repealed`, `expired`.
    pub validity_slug: Option<&'static str>,
    pub source: Option<String>,
    pub related: Vec<RelatedView>,
    /// The documents that replace this one (替代文件) and those it replaces.
    pub superseded_by: Vec<RelatedView>,
    pub supersedes: Vec<RelatedView>,
    /// The documents this one amends (被修改文件) and those that amend it.
    pub amends: Vec<RelatedView>,
    pub amended_by: Vec<RelatedView>,
    pub references: Vec<String>,
    pub city: Option<Link>,
    pub content: String,
    pub toc: Vec<Heading>,
    pub reading_minutes: usize,
    pub word_count: usize,
    pub indicators: Vec<Link>,
    /// Zola's `authors`.
    pub authors: Vec<String>,
    /// When the page was last changed (Zola's `updated`).
    pub updated: Option<String>,
    pub updated_text: Option<String>,
    /// The catalogue's lists the metadata links to: the issuer's documents, the year's (of
    /// `published`, else `date`), the kind's and the validity's.
    pub issuer_path: Option<String>,
    pub year_path: Option<String>,
    pub kind_path: Option<String>,
    pub validity_path: Option<String>,
    /// Taxonomies other than topics, each with the page's terms.
    pub taxonomies: Vec<TaxonomyLinks>,
    /// 附件: the files of its `attachments`.
    pub attachments: Vec<AttachmentView>,
    pub extra: toml::Table,
    /// The other organs of a joint document.
    pub co_issuers: Vec<String>,
    /// 签发人
    pub signers: Vec<String>,
    /// 主送机关, when the text does not start with it already (then the text shows it).
    pub recipients: Option<String>,
    /// 抄送机关
    pub copy_to: Option<String>,
    /// 下载原件: the Word or PDF files the page offers (one copy for both scripts, at
    /// `{{ base_path }}{{ href }}`).
    pub originals: Vec<OriginalView>,
}

/// A file offered as 下载原件.
#[derive(Debug, Clone, Serialize)]
pub(crate) struct OriginalView {
    pub name: String,
    /// Relative to the site's base path (not a script's root: both scripts link one copy).
    pub href: String,
    /// As a file manager shows it: `24 KB`.
    pub size: String,
    /// `Word`, `WPS` or `PDF`.
    pub format: &'static str,
}

impl OriginalView {
    fn of(page: &Page, file: &crate::content::PageFile) -> OriginalView {
        let extension = file
            .name
            .rsplit_once('.')
            .map(|(_, e)| e.to_ascii_lowercase())
            .unwrap_or_default();
        OriginalView {
            name: file.name.clone(),
            href: format!(
                "{}{}",
                page.path,
                crate::content::word::encode_segment(&file.name)
            ),
            size: crate::read::size_text(file.bytes.len() as u64),
            format: match extension.as_str() {
                "pdf" => "PDF",
                "wps" => "WPS",
                _ => "Word",
            },
        }
    }
}

/// A file attached to a page, as a download link shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct AttachmentView {
    /// The file's name: `附件1.pdf`.
    pub name: String,
    /// Its address (under the base path, the same for both scripts): `/bzh/policies/x/附件1.pdf`.
    pub href: String,
    /// Its type: `PDF`, `DOCX`.
    pub kind: String,
    /// Its size: `3.4 MB`.
    pub size: String,
}

impl AttachmentView {
    fn all(page: &Page) -> Vec<AttachmentView> {
        page.attachments
            .iter()
            .map(|a| AttachmentView {
                name: a.name.clone(),
                href: a.href.clone(),
                kind: a.kind.clone(),
                size: super::format::file_size(a.size),
            })
            .collect()
    }
}

/// A taxonomy's terms on a page.
#[derive(Debug, Clone, Serialize)]
pub(crate) struct TaxonomyLinks {
    pub title: String,
    pub path: String,
    pub terms: Vec<Link>,
}

/// A page as lists show it: no body, so a list of thousands of pages stays small.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct PageSummary {
    pub title: String,
    pub path: String,
    pub date: Option<String>,
    pub date_text: Option<String>,
    pub kind_label: Option<String>,
    pub city: Option<Link>,
    pub summary: String,
    /// The validity of a document no longer in force as written (已修改, 已废止, 已失效), for a
    /// badge; nothing for one in force.
    pub validity_badge: Option<String>,
    pub validity_slug: Option<&'static str>,
    /// 附件, for lists that link to them (the catalogue).
    pub attachments: Vec<AttachmentView>,
    /// 发文字号, for the catalogue's table.
    pub doc_number: Option<String>,
    /// 发文机关 (the issuer), for the catalogue's table.
    pub issuer: Option<String>,
    /// 成文日期 as a reader writes it.
    pub written_text: Option<String>,
    /// 发布日期 as a reader writes it.
    pub published_text: Option<String>,
    /// 有效性 as written, in force or not (有效, 已修改 …), for the catalogue's table.
    pub validity_label: Option<String>,
}

/// A page linked from another one.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub(crate) struct RelatedView {
    pub title: String,
    pub path: String,
    pub kind_label: Option<String>,
}

impl From<&PageSummary> for RelatedView {
    fn from(s: &PageSummary) -> Self {
        RelatedView {
            title: s.title.clone(),
            path: s.path.clone(),
            kind_label: s.kind_label.clone(),
        }
    }
}

impl PageSummary {
    pub fn of(page: &Page, city: Option<Link>, labels: &Labels) -> PageSummary {
        let meta = &page.meta;
        PageSummary {
            title: meta.title.clone(),
            path: page.path.clone(),
            date: sort_date(page).map(|d| d.to_string()),
            date_text: sort_date(page).map(|d| labels.date(&d)),
            kind_label: meta.kind.map(|k| labels.kind_label(k).to_string()),
            city,
            summary: page.summary.clone(),
            validity_badge: meta
                .validity
                .filter(|v| *v != Validity::Valid)
                .map(|v| labels.validity_label(v).to_string()),
            validity_slug: meta
                .validity
                .filter(|v| *v != Validity::Valid)
                .map(Validity::slug),
            attachments: AttachmentView::all(page),
            doc_number: meta.doc_number.clone(),
            issuer: meta.issuer.clone(),
            written_text: meta.written.map(|d| labels.date(&d)),
            published_text: meta.published.map(|d| labels.date(&d)),
            validity_label: meta.validity.map(|v| labels.validity_label(v).to_string()),
        }
    }
}

/// The documents that replace or amend a page, and those it replaces or amends.
#[derive(Default)]
pub(crate) struct LineageViews {
    pub superseded_by: Vec<RelatedView>,
    pub supersedes: Vec<RelatedView>,
    pub amends: Vec<RelatedView>,
    pub amended_by: Vec<RelatedView>,
}

/// What the page itself shows, besides its own fields.
pub(crate) struct PageParts {
    pub related: Vec<RelatedView>,
    pub lineage: LineageViews,
    pub city: Option<Link>,
    /// The targets this page (a plan) sets.
    pub indicators: Vec<Link>,
    /// The body, with its shortcodes rendered.
    pub content: String,
}

impl PageView {
    pub(crate) fn new(page: &Page, parts: PageParts, labels: &Labels) -> PageView {
        let meta = &page.meta;
        PageView {
            title: meta.title.clone(),
            description: meta.description.clone(),
            summary: page.summary.clone(),
            path: page.path.clone(),
            date: sort_date(page).map(|d| d.to_string()),
            date_text: sort_date(page).map(|d| labels.date(&d)),
            kind: meta.kind.map(|k| format!("{k:?}").to_lowercase()),
            kind_label: meta.kind.map(|k| labels.kind_label(k).to_string()),
            issuer: meta.issuer.clone(),
            doc_number: meta.doc_number.clone(),
            index_no: meta.index_no.clone(),
            published: meta.published.map(|d| d.to_string()),
            published_text: meta.published.map(|d| labels.date(&d)),
            written: meta.written.map(|d| d.to_string()),
            written_text: meta.written.map(|d| labels.date(&d)),
            topics: meta
                .topics
                .iter()
                .map(|t| Link {
                    title: t.clone(),
                    path: topic_path(t),
                })
                .collect(),
            validity: meta.validity.map(|v| labels.validity_label(v).to_string()),
            validity_slug: meta.validity.map(Validity::slug),
            source: meta.source.clone(),
            related: parts.related,
            superseded_by: parts.lineage.superseded_by,
            supersedes: parts.lineage.supersedes,
            amends: parts.lineage.amends,
            amended_by: parts.lineage.amended_by,
            references: meta.references.clone(),
            city: parts.city,
            content: parts.content,
            toc: page.toc.clone(),
            reading_minutes: page.reading_minutes,
            word_count: page.word_count,
            indicators: parts.indicators,
            authors: meta.authors.clone(),
            updated: meta.updated.map(|d| d.to_string()),
            updated_text: meta.updated.map(|d| labels.date(&d)),
            issuer_path: meta
                .issuer
                .as_ref()
                .and_then(|i| ListKey::Office(i.trim().to_string()).path()),
            year_path: catalogue_date(page).and_then(|d| ListKey::Year(d.year).path()),
            kind_path: meta.kind.and_then(|k| ListKey::Kind(k).path()),
            validity_path: meta.validity.and_then(|v| ListKey::Validity(v).path()),
            taxonomies: meta
                .taxonomies
                .iter()
                .map(|(name, terms)| TaxonomyLinks {
                    title: name.clone(),
                    path: taxonomy_path(name),
                    terms: terms
                        .iter()
                        .map(|term| Link {
                            title: term.clone(),
                            path: ListKey::Taxonomy(name.clone(), term.clone())
                                .path()
                                .unwrap_or_default(),
                        })
                        .collect(),
                })
                .collect(),
            attachments: AttachmentView::all(page),
            extra: meta.extra.clone(),
            co_issuers: meta.co_issuers.clone(),
            signers: meta.signers.clone(),
            // A text that starts with its 主送 line (as a Word page's does) shows it there.
            recipients: meta.recipients.clone().filter(|r| {
                !r.trim().is_empty() && !page.html.starts_with("<p class=\"addressee\">")
            }),
            copy_to: meta.copy_to.clone().filter(|c| !c.trim().is_empty()),
            originals: page
                .files
                .iter()
                .filter(|f| f.original)
                .map(|f| OriginalView::of(page, f))
                .collect(),
        }
    }
}
