//! Pages as templates see them: whole (`PageView`, on the page itself) or as lists show them
//! (`PageSummary`, without the body, so a list of thousands of pages stays small).

use serde::Serialize;

use super::{topic_path, Link};
use crate::content::markdown::Heading;
use crate::content::{sort_date, Page};
use crate::labels::Labels;

#[derive(Debug, Clone, Serialize)]
pub struct PageView {
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
    pub topics: Vec<Link>,
    pub validity: Option<String>,
    pub source: Option<String>,
    pub related: Vec<RelatedView>,
    pub references: Vec<String>,
    pub city: Option<Link>,
    pub content: String,
    pub toc: Vec<Heading>,
    pub reading_minutes: usize,
    pub word_count: usize,
    pub indicators: Vec<Link>,
    pub extra: toml::Table,
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
}

/// A page linked from another one.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct RelatedView {
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
        }
    }
}

/// What the page itself shows, besides its own fields.
pub struct PageParts {
    pub related: Vec<RelatedView>,
    pub city: Option<Link>,
    /// The targets this page (a plan) sets.
    pub indicators: Vec<Link>,
    /// The body, with its shortcodes rendered.
    pub content: String,
}

impl PageView {
    pub fn new(page: &Page, parts: PageParts, labels: &Labels) -> PageView {
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
            topics: meta
                .topics
                .iter()
                .map(|t| Link {
                    title: t.clone(),
                    path: topic_path(t),
                })
                .collect(),
            validity: meta.validity.map(|v| labels.validity_label(v).to_string()),
            source: meta.source.clone(),
            related: parts.related,
            references: meta.references.clone(),
            city: parts.city,
            content: parts.content,
            toc: page.toc.clone(),
            reading_minutes: page.reading_minutes,
            word_count: page.word_count,
            indicators: parts.indicators,
            extra: meta.extra.clone(),
        }
    }
}
