//! The public-information catalogue (信息公开目录) as templates see it: how many documents each
//! year, issuing office, kind, validity, city, topic and taxonomy term holds, each linked to its
//! list; and what a list page of the catalogue is called.

use std::collections::BTreeMap;

use serde::Serialize;

use super::{CitySummary, SectionInfo};
use crate::date::PartialDate;
use crate::labels::Labels;
use crate::lists::{taxonomy_path, ListKey};

/// One list, as the catalogue and the site map link to it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub(crate) struct ListLink {
    pub title: String,
    pub path: String,
    pub count: usize,
}

/// A taxonomy with its terms.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub(crate) struct TaxonomyView {
    pub title: String,
    pub path: String,
    pub terms: Vec<ListLink>,
}

/// The catalogue: every group's lists, and how many pages the group leaves out (a page with
/// no date, issuer, kind, validity or city). Each group's counts and what it leaves out add
/// up to `total`.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub(crate) struct CatalogueView {
    /// How many pages the site has.
    pub total: usize,
    pub years: Vec<ListLink>,
    pub undated: usize,
    pub offices: Vec<ListLink>,
    pub without_office: usize,
    pub kinds: Vec<ListLink>,
    pub without_kind: usize,
    pub validity: Vec<ListLink>,
    pub without_validity: usize,
    pub cities: Vec<ListLink>,
    pub without_city: usize,
    pub topics: Vec<ListLink>,
    pub taxonomies: Vec<TaxonomyView>,
}

/// The title of a list page that is not a section's: the year, the office, the kind …
pub(crate) fn list_title(key: &ListKey, cities: &[CitySummary], labels: &Labels) -> String {
    match key {
        ListKey::Section(_) | ListKey::Latest | ListKey::Documents => String::new(),
        ListKey::Topic(name) | ListKey::Office(name) | ListKey::Taxonomy(_, name) => name.clone(),
        ListKey::CityDocuments(id) => cities
            .iter()
            .find(|c| &c.id == id)
            .map_or_else(|| id.clone(), |c| c.name.clone()),
        ListKey::Year(year) => labels.date(&PartialDate {
            year: *year,
            month: None,
            day: None,
        }),
        ListKey::Kind(kind) => labels.kind_label(*kind).to_string(),
        ListKey::Validity(validity) => labels.validity_label(*validity).to_string(),
    }
}

impl CatalogueView {
    /// The catalogue of a site with `total` pages and these lists.
    pub(crate) fn new(
        total: usize,
        lists: &[(&ListKey, usize)],
        cities: &[CitySummary],
        labels: &Labels,
    ) -> CatalogueView {
        let mut view = CatalogueView {
            total,
            ..CatalogueView::default()
        };
        let mut taxonomies: BTreeMap<&str, Vec<ListLink>> = BTreeMap::new();
        for &(key, count) in lists {
            let Some(path) = key.path() else { continue };
            let link = ListLink {
                title: list_title(key, cities, labels),
                path,
                count,
            };
            match key {
                ListKey::Year(_) => view.years.push(link),
                ListKey::Office(_) => view.offices.push(link),
                ListKey::Kind(_) => view.kinds.push(link),
                ListKey::Validity(_) => view.validity.push(link),
                ListKey::CityDocuments(_) => view.cities.push(link),
                ListKey::Topic(_) => view.topics.push(link),
                ListKey::Taxonomy(name, _) => taxonomies.entry(name).or_default().push(link),
                ListKey::Section(_) | ListKey::Latest | ListKey::Documents => {}
            }
        }
        let left_out = |links: &[ListLink]| total - links.iter().map(|l| l.count).sum::<usize>();
        view.undated = left_out(&view.years);
        view.without_office = left_out(&view.offices);
        view.without_kind = left_out(&view.kinds);
        view.without_validity = left_out(&view.validity);
        view.without_city = left_out(&view.cities);
        view.taxonomies = taxonomies
            .into_iter()
            .map(|(name, terms)| TaxonomyView {
                title: name.to_string(),
                path: taxonomy_path(name),
                terms,
            })
            .collect();
        view
    }
}

/// A section as the site map lists it.
pub(crate) fn section_link(info: &SectionInfo, count: usize) -> ListLink {
    ListLink {
        title: info.title.clone(),
        path: info.path.clone(),
        count,
    }
}
