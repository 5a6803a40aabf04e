//! Which pages each list of the site holds, in its order: a section's pages, a topic's, a
//! taxonomy term's, a city's documents, and the public-information catalogue (信息公开目录) by
//! year, issuing office, kind and validity. Lists are derived from the pages once per build
//! (and again after an edit); routes paginate them and views show them.

use std::collections::{BTreeMap, HashMap};

use rustc_hash::FxHashMap;

use crate::content::frontmatter::{DocumentKind, Validity};
use crate::content::{catalogue_date, sort_date, Content};
use crate::data::Data;
use crate::output::path::segment_from_name;

/// A list of pages.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum ListKey {
    /// A section's pages, in the section's order (`content/<dir>/`; `""` is the home page).
    Section(String),
    /// A topic's pages (the topic in Simplified).
    Topic(String),
    /// A term of a Zola taxonomy other than topics: (taxonomy, term).
    Taxonomy(String, String),
    /// A city's documents (by city id).
    CityDocuments(String),
    /// Pages of a year (`published`, else `date`).
    Year(i32),
    /// Documents of an issuing office (`issuer`, in Simplified).
    Office(String),
    Kind(DocumentKind),
    Validity(Validity),
    /// The newest pages, for the home page (no page of its own).
    Latest,
    /// Every document (a page with a kind), for the feeds (no page of its own).
    Documents,
}

/// How many pages the home page lists as the latest.
const LATEST: usize = 10;

impl ListKey {
    /// Where the list's first page is published, relative to the script root; `None` for the
    /// lists that have no page of their own.
    pub fn path(&self) -> Option<String> {
        let segment = |name: &str| segment_from_name(name).unwrap_or_default();
        Some(match self {
            ListKey::Section(dir) if dir.is_empty() => String::new(),
            ListKey::Section(dir) => format!("{dir}/"),
            ListKey::Topic(name) => topic_path(name),
            ListKey::Taxonomy(name, term) => format!("{}{}/", taxonomy_path(name), segment(term)),
            ListKey::CityDocuments(id) => format!("{}documents/", city_path(id)),
            ListKey::Year(year) => format!("archive/{year}/"),
            ListKey::Office(name) => format!("offices/{}/", segment(name)),
            ListKey::Kind(kind) => format!("kinds/{}/", kind.slug()),
            ListKey::Validity(validity) => format!("validity/{}/", validity.slug()),
            ListKey::Latest | ListKey::Documents => return None,
        })
    }
}

/// Where a taxonomy's list of terms is: `tags/`.
pub(crate) fn taxonomy_path(name: &str) -> String {
    format!("{}/", segment_from_name(name).unwrap_or_default())
}

/// Where page `number` (from 1) of a list is: the list's own address for the first,
/// `…/page/2/` after (Zola's scheme).
pub(crate) fn pager_path(list_path: &str, number: usize) -> String {
    if number <= 1 {
        list_path.to_string()
    } else {
        format!("{list_path}page/{number}/")
    }
}

/// How many pages a list of `len` items takes at `per_page` a page (0: all on one). An empty
/// list still has its first page, which says it is empty.
pub(crate) fn pager_count(len: usize, per_page: usize) -> usize {
    if per_page == 0 {
        1
    } else {
        len.div_ceil(per_page).max(1)
    }
}

/// Every list of a build, in a fixed order.
#[derive(Debug, Clone, Default)]
pub struct Lists {
    lists: Vec<(ListKey, Vec<usize>)>,
    index: HashMap<ListKey, usize>,
}

impl Lists {
    /// The lists of the site's pages: sections in their own order, every other list newest
    /// first (pages without a date last, in file order).
    pub fn derive(content: &Content, data: &Data) -> Lists {
        let pages = &content.pages;
        let mut lists: Vec<(ListKey, Vec<usize>)> = content
            .sections
            .iter()
            .map(|(dir, section)| (ListKey::Section(dir.clone()), section.pages.clone()))
            .collect();
        // Hashed, not ordered: the lists are put in their order by the sort below, whose
        // comparison is total, and serve derives them again after each edit.
        let mut others: FxHashMap<ListKey, Vec<usize>> = FxHashMap::default();
        let mut add = |key: ListKey, page: usize| {
            let members = others.entry(key).or_default();
            // Pages come in order: a page naming a topic twice is already its last member.
            if members.last() != Some(&page) {
                members.push(page);
            }
        };
        // Every page newest first (ties in page order): the order of every list but sections'.
        // Filled in that order, the lists need no sorting of their own (serve derives them all
        // again after each edit).
        let mut all: Vec<usize> = (0..pages.len()).collect();
        all.sort_by(|&a, &b| {
            sort_date(&pages[b])
                .cmp(&sort_date(&pages[a]))
                .then(a.cmp(&b))
        });
        for &i in &all {
            let meta = &pages[i].meta;
            for topic in &meta.topics {
                add(ListKey::Topic(topic.clone()), i);
            }
            for (name, terms) in &meta.taxonomies {
                for term in terms {
                    add(ListKey::Taxonomy(name.clone(), term.clone()), i);
                }
            }
            if let Some(city) = meta.city.as_deref().filter(|c| data.city(c).is_some()) {
                add(ListKey::CityDocuments(city.to_string()), i);
            }
            if let Some(date) = catalogue_date(&pages[i]) {
                add(ListKey::Year(date.year), i);
            }
            if let Some(issuer) = meta.issuer.as_deref().map(str::trim) {
                if !issuer.is_empty() {
                    add(ListKey::Office(issuer.to_string()), i);
                }
            }
            if let Some(kind) = meta.kind {
                add(ListKey::Kind(kind), i);
            }
            if let Some(validity) = meta.validity {
                add(ListKey::Validity(validity), i);
            }
        }
        // Every city has its list of documents, empty or not.
        for city in &data.cities {
            others
                .entry(ListKey::CityDocuments(city.id.clone()))
                .or_default();
        }
        let mut others: Vec<(ListKey, Vec<usize>)> = others.into_iter().collect();
        // Latest years first; offices with the most documents first.
        others.sort_by(|(a, ma), (b, mb)| match (a, b) {
            (ListKey::Year(x), ListKey::Year(y)) => y.cmp(x),
            (ListKey::Office(x), ListKey::Office(y)) => mb.len().cmp(&ma.len()).then(x.cmp(y)),
            _ => a.cmp(b),
        });
        lists.extend(others);
        lists.push((ListKey::Latest, all.iter().copied().take(LATEST).collect()));
        all.retain(|&i| pages[i].meta.kind.is_some());
        lists.push((ListKey::Documents, all));
        let index = lists
            .iter()
            .enumerate()
            .map(|(i, (key, _))| (key.clone(), i))
            .collect();
        Lists { lists, index }
    }

    /// Every list with its pages, in order.
    pub fn iter(&self) -> impl Iterator<Item = (&ListKey, &[usize])> {
        self.lists.iter().map(|(k, v)| (k, v.as_slice()))
    }

    pub fn get(&self, key: &ListKey) -> Option<&[usize]> {
        self.index.get(key).map(|&i| self.lists[i].1.as_slice())
    }

    /// The topics, by name (in Simplified), with their pages.
    pub fn topics(&self) -> impl Iterator<Item = (&str, &[usize])> {
        self.iter().filter_map(|(k, v)| match k {
            ListKey::Topic(name) => Some((name.as_str(), v)),
            _ => None,
        })
    }

    /// The taxonomies other than topics, by name, each with its terms and their pages.
    pub fn taxonomies(&self) -> BTreeMap<&str, Vec<(&str, &[usize])>> {
        let mut taxonomies: BTreeMap<&str, Vec<(&str, &[usize])>> = BTreeMap::new();
        for (key, pages) in self.iter() {
            if let ListKey::Taxonomy(name, term) = key {
                taxonomies.entry(name).or_default().push((term, pages));
            }
        }
        taxonomies
    }

    /// The lists as views keep them.
    pub fn to_vec(&self) -> Vec<(ListKey, Vec<usize>)> {
        self.lists.clone()
    }
}

/// The URL path of a city's page.
pub(crate) fn city_path(id: &str) -> String {
    format!("cities/{id}/")
}

/// The URL path of a topic's list.
pub(crate) fn topic_path(key: &str) -> String {
    let segment = segment_from_name(key).unwrap_or_default();
    format!("topics/{segment}/")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pagers_follow_zolas_scheme() {
        assert_eq!(pager_path("policies/", 1), "policies/");
        assert_eq!(pager_path("policies/", 2), "policies/page/2/");
        assert_eq!(pager_path("", 3), "page/3/");
        assert_eq!(pager_count(0, 20), 1);
        assert_eq!(pager_count(20, 20), 1);
        assert_eq!(pager_count(21, 20), 2);
        assert_eq!(pager_count(1250, 20), 63);
        assert_eq!(pager_count(1250, 0), 1);
    }

    #[test]
    fn catalogue_lists_have_safe_addresses() {
        assert_eq!(ListKey::Year(2021).path().unwrap(), "archive/2021/");
        assert_eq!(
            ListKey::Office("泰安市市场监督管理局".into())
                .path()
                .unwrap(),
            "offices/泰安市市场监督管理局/"
        );
        assert_eq!(
            ListKey::Office("../../etc".into()).path().unwrap(),
            "offices/etc/"
        );
        assert_eq!(
            ListKey::Kind(DocumentKind::Policy).path().unwrap(),
            "kinds/policy/"
        );
        assert_eq!(
            ListKey::Validity(Validity::Repealed).path().unwrap(),
            "validity/repealed/"
        );
        assert_eq!(
            ListKey::Taxonomy("tags".into(), "质量 提升".into())
                .path()
                .unwrap(),
            "tags/质量-提升/"
        );
        assert_eq!(ListKey::Latest.path(), None);
    }
}
