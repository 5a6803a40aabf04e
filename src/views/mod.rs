//! What templates see: plain, serializable views of pages, cities, targets and lists, made once
//! per build from the loaded site and shared by every route. Views do not depend on the
//! script; the script only changes `root` and `lang` in the template context.
//!
//! Routes read views through a [`Reader`], which can write down what each route read
//! ([`Dep`]); after an edit, [`Views::changed`] says which of those reads now give something
//! else, so `serve` renders again exactly the routes whose reads changed.

pub(crate) mod catalogue;
pub(crate) mod city;
pub(crate) mod dashboard;
pub(crate) mod footer;
pub(crate) mod format;
pub(crate) mod indicator;
pub(crate) mod page;
pub(crate) mod pager;
mod reads;

use std::collections::HashMap;
use std::hash::{Hash, Hasher};
use std::sync::Arc;

use rayon::prelude::*;
use serde::Serialize;

use crate::content::Content;
use crate::data::{Data, Indicator};
use crate::date::PartialDate;
use crate::labels::Labels;
pub(crate) use crate::lists::ListKey;
use crate::lists::{city_path, topic_path, Lists};
pub(crate) use city::{CitySummary, CityView};
pub(crate) use dashboard::{Headline, Overview, SiteAsOf};

pub(crate) use indicator::IndicatorView;
pub(crate) use page::{PageSummary, PageView, RelatedView};
pub(crate) use reads::{Dep, Reader};

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Link {
    pub title: String,
    pub path: String,
}

/// Where a topic's page is: its name made into a URL segment (checked when pages are read).
/// Topic pages are keyed by the topic as written in Simplified, so 標準化 and 标准化 are one.
pub(crate) fn indicator_path(indicator: &Indicator) -> String {
    format!("cities/{}/indicators/{}/", indicator.city, indicator.id)
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

/// Which of the built-in pages that show data the site has: templates leave out links to
/// the others.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Has {
    /// The list of cities (`cities/`).
    pub cities: bool,
    /// The dashboard (`dashboard/`): there are targets or achievements.
    pub dashboard: bool,
}

/// What the routes of one build show. Indexes are those of the build's pages, sections,
/// indicators, cities and topics.
pub struct Views {
    nav: Vec<Link>,
    has: Has,
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
    /// Per page, the pages whose titles it shows (both directions of `related`, and the
    /// documents that replace or amend it or that it replaces or amends).
    pub related: &'a [Vec<usize>],
    pub lists: &'a Lists,
    pub nav: Vec<Link>,
    pub has: Has,
    /// The words views write (dates, statuses, summaries, charts).
    pub labels: &'a Labels,
    /// The site's `data_as_of` (数据截至), when it sets one.
    pub data_as_of: Option<PartialDate>,
}

impl Views {
    /// The views of a site. With the views of an earlier build of it, the views of targets
    /// whose inputs did not change are taken from there instead of being made again.
    pub fn build(sources: Sources<'_>, previous: Option<&Views>) -> Views {
        let Sources {
            content,
            data,
            related,
            lists: site_lists,
            nav,
            has,
            labels,
            data_as_of,
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
                // What its links lead to changes when another page moves.
                page.rewrites.hash(&mut hasher);
                page.attachments.hash(&mut hasher);
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
                    content: crate::content::links::rewrite(&s.html, &s.rewrites),
                    extra: s.meta.extra.clone(),
                };
                (dir.clone(), info)
            })
            .collect();
        let lists = site_lists.to_vec();
        let (mut indicators, indicator_inputs): (Vec<IndicatorView>, Vec<u64>) = data
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
        mark_namesakes(&mut indicators);
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
                CityView::new(
                    content,
                    data,
                    c,
                    &indicators,
                    lists[docs].1.len(),
                    data_as_of,
                    labels,
                )
            })
            .collect();
        let topics: Vec<TopicInfo> = site_lists
            .topics()
            .map(|(name, members)| TopicInfo {
                title: name.to_string(),
                path: topic_path(name),
                count: members.len(),
            })
            .collect();
        Views {
            nav,
            has,
            city_summaries: cities.iter().map(|c| c.summary.clone()).collect(),
            overview: Overview::new(
                data,
                &cities,
                SiteAsOf::new(data_as_of, data, labels),
                labels,
            ),
            headline: Headline::new(
                data,
                &indicators,
                &cities,
                SiteAsOf::new(data_as_of, data, labels),
                labels,
            ),
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

/// Targets of one city with the same name (two plans set "市级专业标准化技术委员会"): a link
/// to each must say which, so that one link text never leads to two pages.
fn mark_namesakes(indicators: &mut [IndicatorView]) {
    let mut seen: HashMap<(String, String), usize> = HashMap::new();
    for v in indicators.iter() {
        *seen.entry((v.city_id.clone(), v.name.clone())).or_default() += 1;
    }
    for v in indicators.iter_mut() {
        v.namesake = seen[&(v.city_id.clone(), v.name.clone())] > 1;
    }
}
