//! Reading views, and writing down what was read: a route's [`Dep`]s are everything its page
//! can show. After an edit, a route is rendered again exactly when one of its reads gives
//! something else ([`Views::changed`]). Since a route can only reach views through a
//! [`Reader`], a new field a template shows is covered without anyone listing it again.

use std::cell::RefCell;

use super::{
    CitySummary, CityView, Has, Headline, IndicatorView, Link, ListKey, Overview, PageSummary,
    SectionInfo, TopicInfo, Views,
};

/// Reads that are one of a kind (navigation, cities, topics, overview, headline, routes).
const SINGLES: usize = 6;

/// One thing a route read, by its index in the build that read it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Dep {
    /// The navigation.
    Nav,
    /// The cities as every page's navigation shows them.
    Cities,
    /// The list of topics with their counts.
    Topics,
    Overview,
    Headline,
    /// Which routes the site has (the sitemap lists them).
    Routes,
    /// A page's own source and the pages linked with it.
    Page(u32),
    /// What lists show of a page.
    Summary(u32),
    /// Which pages a list holds, in which order.
    List(u32),
    /// A section's own title, description and text.
    Section(u32),
    Indicator(u32),
    City(u32),
    /// One topic's name, address and count.
    Topic(u32),
    /// The targets a plan sets.
    PlanIndicators(u32),
}

/// Reads views for one route; with recording on, it writes down every read.
pub struct Reader<'a> {
    views: &'a Views,
    log: Option<RefCell<Vec<Dep>>>,
}

impl<'a> Reader<'a> {
    pub(super) fn new(views: &'a Views, record: bool) -> Reader<'a> {
        Reader {
            views,
            log: record.then(RefCell::default),
        }
    }

    fn note(&self, dep: Dep) {
        if let Some(log) = &self.log {
            log.borrow_mut().push(dep);
        }
    }

    /// What was read, sorted and without repeats (empty without recording).
    pub fn into_reads(self) -> Vec<Dep> {
        let mut reads = self.log.map(RefCell::into_inner).unwrap_or_default();
        reads.sort_unstable();
        reads.dedup();
        reads
    }

    pub fn nav(&self) -> &'a [Link] {
        self.note(Dep::Nav);
        &self.views.nav
    }

    /// Which built-in pages that show data the site has (read with the navigation, which
    /// links to them).
    pub fn has(&self) -> Has {
        self.note(Dep::Nav);
        self.views.has
    }

    pub fn city_summaries(&self) -> &'a [CitySummary] {
        self.note(Dep::Cities);
        &self.views.city_summaries
    }

    /// Marks the page's own source as read (its fields come from the site's content).
    pub fn page(&self, page: usize) {
        self.note(Dep::Page(page as u32));
    }

    pub fn summary(&self, page: usize) -> &'a PageSummary {
        self.note(Dep::Summary(page as u32));
        &self.views.summaries[page]
    }

    /// The pages of a list, in order (all of them).
    pub fn list(&self, key: &ListKey) -> Vec<&'a PageSummary> {
        self.list_pages(key)
            .iter()
            .map(|&i| self.summary(i))
            .collect()
    }

    /// Page `number` (from 1) of a list at `per_page` a page (0: all), and how many pages the
    /// whole list holds. Only the summaries shown are read.
    pub fn list_page(
        &self,
        key: &ListKey,
        number: usize,
        per_page: usize,
    ) -> (Vec<&'a PageSummary>, usize) {
        let all = self.list_pages(key);
        let shown = match per_page {
            0 => all,
            n => {
                let start = (number.max(1) - 1).saturating_mul(n).min(all.len());
                &all[start..(start + n).min(all.len())]
            }
        };
        (shown.iter().map(|&i| self.summary(i)).collect(), all.len())
    }

    /// Every list with its length (the catalogue and the site map count them).
    pub fn list_lengths(&self) -> Vec<(&'a ListKey, usize)> {
        self.views
            .lists
            .iter()
            .enumerate()
            .map(|(l, (key, pages))| {
                self.note(Dep::List(l as u32));
                (key, pages.len())
            })
            .collect()
    }

    /// Which pages a list holds, without reading what lists show of them.
    pub fn list_pages(&self, key: &ListKey) -> &'a [usize] {
        match self.views.list_index.get(key) {
            Some(&l) => {
                self.note(Dep::List(l as u32));
                &self.views.lists[l].1
            }
            None => &[],
        }
    }

    pub fn section(&self, dir: &str) -> &'a SectionInfo {
        let s = self.views.section_index[dir];
        self.note(Dep::Section(s as u32));
        &self.views.sections[s].1
    }

    pub fn indicator(&self, index: usize) -> &'a IndicatorView {
        self.note(Dep::Indicator(index as u32));
        &self.views.indicators[index]
    }

    /// A target by its path (`cities/rizhao/indicators/pass-rate/`), as shortcodes name it.
    pub fn indicator_at(&self, path: &str) -> Option<&'a IndicatorView> {
        self.views.indicator_index(path).map(|k| self.indicator(k))
    }

    pub fn indicators(&self) -> &'a [IndicatorView] {
        for i in 0..self.views.indicators.len() {
            self.note(Dep::Indicator(i as u32));
        }
        &self.views.indicators
    }

    pub fn city(&self, index: usize) -> &'a CityView {
        self.note(Dep::City(index as u32));
        &self.views.cities[index]
    }

    /// The link to a city, as every page's navigation has it.
    pub fn city_link(&self, id: &str) -> Option<Link> {
        self.city_summaries()
            .iter()
            .find(|c| c.id == id)
            .map(|c| Link {
                title: c.name.clone(),
                path: c.path.clone(),
            })
    }

    pub fn topics(&self) -> &'a [TopicInfo] {
        self.note(Dep::Topics);
        &self.views.topics
    }

    pub fn topic(&self, name: &str) -> &'a TopicInfo {
        let index = self.views.topic_index[name];
        self.note(Dep::Topic(index as u32));
        &self.views.topics[index]
    }

    pub fn overview(&self) -> &'a Overview {
        self.note(Dep::Overview);
        &self.views.overview
    }

    pub fn headline(&self) -> &'a Headline {
        self.note(Dep::Headline);
        &self.views.headline
    }

    pub fn plan_indicators(&self, page: usize) -> &'a [Link] {
        self.note(Dep::PlanIndicators(page as u32));
        &self.views.plan_indicators[page]
    }

    /// Marks the set of routes as read (the sitemap lists them all).
    pub fn routes(&self) {
        self.note(Dep::Routes);
    }
}

impl Views {
    /// Whether `dep`, read from `self`, gives something else in `new`: changed, or gone.
    /// Things are matched by what they are (a page by its path, a city by its id), not by
    /// their place, so adding a page does not change every index after it.
    /// [`Dep::Routes`] is not known to views: it is always reported unchanged here.
    pub fn changed(&self, new: &Views, dep: Dep) -> bool {
        let page_in_new = |i: u32| {
            new.page_index
                .get(&self.summaries[i as usize].path)
                .copied()
        };
        match dep {
            Dep::Nav => self.nav != new.nav || self.has != new.has,
            Dep::Cities => self.city_summaries != new.city_summaries,
            Dep::Topics => self.topics != new.topics,
            Dep::Overview => self.overview != new.overview,
            Dep::Headline => self.headline != new.headline,
            Dep::Routes => false,
            Dep::Page(i) => {
                page_in_new(i).is_none_or(|j| self.page_states[i as usize] != new.page_states[j])
            }
            Dep::Summary(i) => {
                page_in_new(i).is_none_or(|j| self.summaries[i as usize] != new.summaries[j])
            }
            Dep::PlanIndicators(i) => page_in_new(i)
                .is_none_or(|j| self.plan_indicators[i as usize] != new.plan_indicators[j]),
            Dep::List(l) => {
                let (key, old) = &self.lists[l as usize];
                match new.list_index.get(key) {
                    None => true,
                    Some(&m) => {
                        let now = &new.lists[m].1;
                        old.len() != now.len()
                            || old
                                .iter()
                                .zip(now)
                                .any(|(&a, &b)| self.summaries[a].path != new.summaries[b].path)
                    }
                }
            }
            Dep::Section(s) => {
                let (dir, old) = &self.sections[s as usize];
                new.section_index
                    .get(dir)
                    .is_none_or(|&t| &new.sections[t].1 != old)
            }
            Dep::Indicator(k) => {
                let old = &self.indicators[k as usize];
                new.indicator_index
                    .get(&old.path)
                    .is_none_or(|&m| &new.indicators[m] != old)
            }
            Dep::Topic(t) => {
                let old = &self.topics[t as usize];
                new.topic_index
                    .get(&old.title)
                    .is_none_or(|&m| &new.topics[m] != old)
            }
            Dep::City(c) => {
                let old = &self.cities[c as usize];
                new.city_index
                    .get(&old.summary.id)
                    .is_none_or(|&m| &new.cities[m] != old)
            }
        }
    }
}

impl Views {
    /// How many different reads there can be of these views (see [`Views::dep_slot`]).
    pub fn dep_count(&self) -> usize {
        SINGLES
            + 3 * self.summaries.len()
            + self.lists.len()
            + self.sections.len()
            + self.indicators.len()
            + self.cities.len()
            + self.topics.len()
    }

    /// A number of its own for each read of these views, below [`Views::dep_count`]: a
    /// memo of reads can be a vector.
    pub fn dep_slot(&self, dep: Dep) -> usize {
        let pages = self.summaries.len();
        let lists = SINGLES + 3 * pages;
        let sections = lists + self.lists.len();
        let indicators = sections + self.sections.len();
        let cities = indicators + self.indicators.len();
        let topics = cities + self.cities.len();
        match dep {
            Dep::Nav => 0,
            Dep::Cities => 1,
            Dep::Topics => 2,
            Dep::Overview => 3,
            Dep::Headline => 4,
            Dep::Routes => 5,
            Dep::Page(i) => SINGLES + i as usize,
            Dep::Summary(i) => SINGLES + pages + i as usize,
            Dep::PlanIndicators(i) => SINGLES + 2 * pages + i as usize,
            Dep::List(l) => lists + l as usize,
            Dep::Section(s) => sections + s as usize,
            Dep::Indicator(k) => indicators + k as usize,
            Dep::City(c) => cities + c as usize,
            Dep::Topic(t) => topics + t as usize,
        }
    }

    /// Whether every page, list, section, target, city and topic has the same index in `new`
    /// (no edit added or removed one): then reads need no remapping.
    pub fn same_layout(&self, new: &Views) -> bool {
        self.summaries.len() == new.summaries.len()
            && self
                .summaries
                .iter()
                .zip(&new.summaries)
                .all(|(a, b)| a.path == b.path)
            && self
                .lists
                .iter()
                .map(|(k, _)| k)
                .eq(new.lists.iter().map(|(k, _)| k))
            && self
                .sections
                .iter()
                .map(|(d, _)| d)
                .eq(new.sections.iter().map(|(d, _)| d))
            && self
                .indicators
                .iter()
                .map(|v| &v.path)
                .eq(new.indicators.iter().map(|v| &v.path))
            && self
                .cities
                .iter()
                .map(|c| &c.summary.id)
                .eq(new.cities.iter().map(|c| &c.summary.id))
            && self
                .topics
                .iter()
                .map(|t| &t.title)
                .eq(new.topics.iter().map(|t| &t.title))
    }

    /// `dep`, read from `self`, as the same thing is indexed in `new` (`None` if it is gone).
    pub fn remap(&self, new: &Views, dep: Dep) -> Option<Dep> {
        let page = |i: u32| {
            new.page_index
                .get(&self.summaries[i as usize].path)
                .map(|&j| j as u32)
        };
        let at = |index: &std::collections::HashMap<String, usize>, key: &str| {
            index.get(key).map(|&j| j as u32)
        };
        Some(match dep {
            Dep::Page(i) => Dep::Page(page(i)?),
            Dep::Summary(i) => Dep::Summary(page(i)?),
            Dep::PlanIndicators(i) => Dep::PlanIndicators(page(i)?),
            Dep::List(l) => Dep::List(*new.list_index.get(&self.lists[l as usize].0)? as u32),
            Dep::Section(s) => Dep::Section(at(&new.section_index, &self.sections[s as usize].0)?),
            Dep::Indicator(k) => {
                Dep::Indicator(at(&new.indicator_index, &self.indicators[k as usize].path)?)
            }
            Dep::City(c) => Dep::City(at(&new.city_index, &self.cities[c as usize].summary.id)?),
            Dep::Topic(t) => Dep::Topic(at(&new.topic_index, &self.topics[t as usize].title)?),
            other => other,
        })
    }
}
