//! What templates see: plain, serializable views of pages, cities, targets and lists, made once
//! per build from the loaded site and shared by every route. Views do not depend on the
//! script; the script only changes `root` and `lang` in the template context.
//!
//! Routes read views through a [`Reader`], which can write down what each route read
//! ([`Dep`]); after an edit, [`Views::changed`] says which of those reads now give something
//! else, so `serve` renders again exactly the routes whose reads changed.

pub mod city;
pub mod dashboard;
pub mod format;
pub mod indicator;
pub mod page;
mod reads;

use std::collections::{BTreeMap, HashMap};
use std::hash::{Hash, Hasher};
use std::sync::Arc;

use rayon::prelude::*;
use serde::Serialize;

use crate::content::{sort_date, Content};
use crate::data::{Data, Indicator};
use crate::labels::Labels;
pub use city::{CitySummary, CityView};
pub use dashboard::{Headline, Overview};
pub use format::{fmt_number, with_unit};
pub use indicator::IndicatorView;
pub use page::{PageSummary, PageView, RelatedView};
pub use reads::{Dep, Reader};

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Link {
    pub title: String,
    pub path: String,
}

/// Where a topic's page is: its name made into a URL segment (checked when pages are read).
/// Topic pages are keyed by the topic as written in Simplified, so 標準化 and 标准化 are one.
pub fn topic_path(key: &str) -> String {
    let segment = crate::output::path::segment_from_name(key).unwrap_or_default();
    format!("topics/{segment}/")
}

pub fn indicator_path(indicator: &Indicator) -> String {
    format!("cities/{}/indicators/{}/", indicator.city, indicator.id)
}

pub fn city_path(id: &str) -> String {
    format!("cities/{id}/")
}

/// How many documents the home page lists as the latest.
const LATEST: usize = 10;

/// The lists of pages routes show, each in its order.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum ListKey {
    /// A section's pages, in the section's order (`content/<dir>/`).
    Section(String),
    /// A topic's pages.
    Topic(String),
    /// A city's documents, newest first.
    CityDocuments(String),
    /// The newest documents, for the home page.
    Latest,
    /// Every document (a page with a kind), newest first, for the feeds.
    Documents,
}

/// A section's own text: what its list page shows besides the list.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SectionInfo {
    pub title: String,
    pub description: Option<String>,
    pub path: String,
    pub content: String,
    pub extra: toml::Table,
}

/// A topic as the list of topics shows it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TopicInfo {
    pub title: String,
    pub path: String,
    pub count: usize,
}

/// What the routes of one build show. Indexes are those of the build's pages, sections,
/// indicators, cities and topics.
pub struct Views {
    nav: Vec<Link>,
    city_summaries: Vec<CitySummary>,
    summaries: Vec<Arc<PageSummary>>,
    /// Per page: a fingerprint of its source.
    page_fingerprints: Vec<u64>,
    /// Per page: a fingerprint of its source and of the pages linked with it.
    page_states: Vec<u64>,
    page_index: HashMap<String, usize>,
    /// Per page: the targets it sets (when it is a plan).
    plan_indicators: Vec<Vec<Link>>,
    sections: Vec<(String, SectionInfo)>,
    section_index: HashMap<String, usize>,
    lists: Vec<(ListKey, Vec<usize>)>,
    list_index: HashMap<ListKey, usize>,
    indicators: Vec<IndicatorView>,
    /// Per target, a fingerprint of what its view is made from (see [`indicator::inputs`]).
    indicator_inputs: Vec<u64>,
    indicator_index: HashMap<String, usize>,
    cities: Vec<CityView>,
    city_index: HashMap<String, usize>,
    topics: Vec<TopicInfo>,
    topic_index: HashMap<String, usize>,
    overview: Overview,
    headline: Headline,
}

/// What views are made from: the loaded site.
pub struct Sources<'a> {
    pub content: &'a Content,
    pub data: &'a Data,
    /// Per page, the pages linked with it (both directions of `related`).
    pub related: &'a [Vec<usize>],
    /// Topic (in Simplified) → its pages.
    pub topics: &'a BTreeMap<String, Vec<usize>>,
    pub nav: Vec<Link>,
    /// The words views write (dates, statuses, summaries, charts).
    pub labels: &'a Labels,
}

impl Views {
    /// The views of a site. With the views of an earlier build of it, the views of targets
    /// whose inputs did not change are taken from there instead of being made again.
    pub fn build(sources: Sources<'_>, previous: Option<&Views>) -> Views {
        let Sources {
            content,
            data,
            related,
            topics,
            nav,
            labels,
        } = sources;
        let pages = &content.pages;
        let city_link = |id: Option<&str>| {
            id.and_then(|id| data.city(id)).map(|c| Link {
                title: c.name.clone(),
                path: city_path(&c.id),
            })
        };
        // A summary is made from the page's source and its city's name: when neither changed,
        // the earlier one is shared.
        let summaries: Vec<Arc<PageSummary>> = pages
            .par_iter()
            .enumerate()
            .map(|(i, p)| {
                let city = city_link(p.meta.city.as_deref());
                let earlier = previous.and_then(|prev| {
                    let j = match prev.summaries.get(i) {
                        Some(s) if s.path == p.path => i,
                        _ => *prev.page_index.get(&p.path)?,
                    };
                    (prev.page_fingerprints[j] == p.fingerprint && prev.summaries[j].city == city)
                        .then(|| prev.summaries[j].clone())
                });
                earlier.unwrap_or_else(|| Arc::new(PageSummary::of(p, city, labels)))
            })
            .collect();
        let page_fingerprints = pages.iter().map(|p| p.fingerprint).collect();
        let page_states = pages
            .iter()
            .zip(related)
            .map(|(page, linked)| {
                let mut hasher = std::collections::hash_map::DefaultHasher::new();
                page.fingerprint.hash(&mut hasher);
                for &j in linked {
                    pages[j].path.hash(&mut hasher);
                }
                hasher.finish()
            })
            .collect();
        let page_index = pages
            .iter()
            .enumerate()
            .map(|(i, p)| (p.path.clone(), i))
            .collect();
        let mut plan_indicators = vec![Vec::new(); pages.len()];
        for indicator in &data.indicators {
            if let Some(i) = indicator
                .plan
                .as_deref()
                .and_then(|s| content.index_of_slug(s))
            {
                plan_indicators[i].push(Link {
                    title: indicator.name.clone(),
                    path: indicator_path(indicator),
                });
            }
        }
        let sections: Vec<(String, SectionInfo)> = content
            .sections
            .iter()
            .map(|(dir, s)| {
                let info = SectionInfo {
                    title: s.meta.title.clone(),
                    description: s.meta.description.clone(),
                    path: s.path.clone(),
                    content: s.html.clone(),
                    extra: s.meta.extra.clone(),
                };
                (dir.clone(), info)
            })
            .collect();
        let newest_first = |members: &mut Vec<usize>| {
            members.sort_by(|&a, &b| {
                sort_date(&pages[b])
                    .cmp(&sort_date(&pages[a]))
                    .then(a.cmp(&b))
            });
        };
        let mut lists: Vec<(ListKey, Vec<usize>)> = Vec::new();
        for (dir, section) in &content.sections {
            lists.push((ListKey::Section(dir.clone()), section.pages.clone()));
        }
        for (name, members) in topics {
            lists.push((ListKey::Topic(name.clone()), members.clone()));
        }
        let mut documents_by_city: HashMap<&str, Vec<usize>> = HashMap::new();
        for (i, page) in pages.iter().enumerate() {
            if let Some(city) = page.meta.city.as_deref() {
                documents_by_city.entry(city).or_default().push(i);
            }
        }
        for city in &data.cities {
            let mut docs = documents_by_city
                .remove(city.id.as_str())
                .unwrap_or_default();
            newest_first(&mut docs);
            lists.push((ListKey::CityDocuments(city.id.clone()), docs));
        }
        let mut all: Vec<usize> = (0..pages.len()).collect();
        newest_first(&mut all);
        lists.push((ListKey::Latest, all.iter().copied().take(LATEST).collect()));
        all.retain(|&i| pages[i].meta.kind.is_some());
        lists.push((ListKey::Documents, all));
        let (indicators, indicator_inputs): (Vec<IndicatorView>, Vec<u64>) = data
            .indicators
            .par_iter()
            .map(|indicator| {
                let inputs = indicator::inputs(content, data, indicator);
                let earlier = previous.and_then(|p| {
                    let k = *p.indicator_index.get(&indicator_path(indicator))?;
                    (p.indicator_inputs[k] == inputs).then(|| p.indicators[k].clone())
                });
                let view =
                    earlier.unwrap_or_else(|| IndicatorView::new(content, data, indicator, labels));
                (view, inputs)
            })
            .unzip();
        let list_index: HashMap<ListKey, usize> = lists
            .iter()
            .enumerate()
            .map(|(i, (key, _))| (key.clone(), i))
            .collect();
        let cities: Vec<CityView> = data
            .cities
            .iter()
            .map(|c| {
                let docs = list_index[&ListKey::CityDocuments(c.id.clone())];
                CityView::new(content, data, c, &indicators, lists[docs].1.len(), labels)
            })
            .collect();
        let topics: Vec<TopicInfo> = topics
            .iter()
            .map(|(name, members)| TopicInfo {
                title: name.clone(),
                path: topic_path(name),
                count: members.len(),
            })
            .collect();
        Views {
            nav,
            city_summaries: cities.iter().map(|c| c.summary.clone()).collect(),
            overview: Overview::new(data, &cities, labels),
            headline: Headline::new(data, &indicators, &cities, labels),
            summaries,
            page_fingerprints,
            page_states,
            page_index,
            plan_indicators,
            section_index: index_of(&sections, |(dir, _)| dir.clone()),
            sections,
            list_index,
            lists,
            indicator_index: index_of(&indicators, |v| v.path.clone()),
            indicators,
            indicator_inputs,
            city_index: index_of(&cities, |c| c.summary.id.clone()),
            cities,
            topic_index: index_of(&topics, |t| t.title.clone()),
            topics,
        }
    }

    /// A reader that does not write down what it reads (a one-off build).
    pub fn reader(&self) -> Reader<'_> {
        Reader::new(self, false)
    }

    /// A reader that writes down what it reads, for [`Views::changed`].
    pub fn recording_reader(&self) -> Reader<'_> {
        Reader::new(self, true)
    }

    /// The index of a target by its path, as shortcodes name it.
    pub fn indicator_index(&self, path: &str) -> Option<usize> {
        self.indicator_index.get(path).copied()
    }
}

fn index_of<T>(items: &[T], key: impl Fn(&T) -> String) -> HashMap<String, usize> {
    items
        .iter()
        .enumerate()
        .map(|(i, item)| (key(item), i))
        .collect()
}
