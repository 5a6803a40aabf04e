//! What each route's template receives. Every view is read through a [`Reader`], so what a
//! route shows is exactly what it read (see [`crate::views::reads`]).

use serde::Serialize;
use tera::Context;

use super::{RouteKey, Site};
use crate::error::Diagnostic;
use crate::views::page::PageParts;
use crate::views::{
    CityView, Link, ListKey, PageSummary, PageView, Reader, RelatedView, SectionInfo, TopicInfo,
};

/// One page of output, before it is put in a script.
#[derive(Debug, Clone)]
pub struct Route {
    /// Relative to the script root, ending in `/` (or a file name such as `404.html`).
    pub path: String,
    pub template: String,
    pub context: Context,
    pub title: String,
}

/// A section with its pages, as `section.html` and `index.html` see it.
#[derive(Serialize)]
struct SectionContext<'a> {
    #[serde(flatten)]
    info: &'a SectionInfo,
    pages: Vec<&'a PageSummary>,
}

/// A topic with its pages, as `topic.html` sees it.
#[derive(Serialize)]
struct TopicContext<'a> {
    #[serde(flatten)]
    info: &'a TopicInfo,
    pages: Vec<&'a PageSummary>,
}

/// A city with its documents, as `city.html` sees it.
#[derive(Serialize)]
struct CityContext<'a> {
    #[serde(flatten)]
    view: &'a CityView,
    documents: Vec<&'a PageSummary>,
}

impl Site {
    /// One route with its template context, read from the views through `reader`. Routes are
    /// made one at a time, as they are rendered, so a build never holds every page's context.
    pub(super) fn route(&self, reader: &Reader<'_>, key: &RouteKey) -> Result<Route, Diagnostic> {
        let base = |title: &str, path: &str, template: &str| {
            let mut context = Context::new();
            context.insert("nav", reader.nav());
            context.insert("cities", reader.city_summaries());
            context.insert("labels", self.labels.for_templates());
            Route {
                path: path.to_string(),
                template: template.to_string(),
                context,
                title: title.to_string(),
            }
        };
        let section = |dir: &str| SectionContext {
            info: reader.section(dir),
            pages: reader.list(&ListKey::Section(dir.to_string())),
        };
        let mut route = match key {
            RouteKey::Home => {
                let mut route = base(&self.config.title, "", "index.html");
                route.context.insert("section", &section(""));
                route
                    .context
                    .insert("latest", &reader.list(&ListKey::Latest));
                route.context.insert("headline", reader.headline());
                route
            }
            RouteKey::Section(dir) => {
                let view = section(dir);
                let meta = &self.content.sections[dir].meta;
                let template = meta.template.as_deref().unwrap_or("section.html");
                let mut route = base(&view.info.title, &view.info.path, template);
                route.context.insert("section", &view);
                route
            }
            RouteKey::Page(i) => {
                let page = &self.content.pages[*i];
                reader.page(*i);
                let parts = PageParts {
                    related: self.related[*i]
                        .iter()
                        .map(|&j| RelatedView::from(reader.summary(j)))
                        .collect(),
                    city: page
                        .meta
                        .city
                        .as_deref()
                        .and_then(|id| reader.city_link(id)),
                    indicators: reader.plan_indicators(*i).to_vec(),
                    content: if page.shortcodes.is_empty() {
                        page.html.clone()
                    } else {
                        crate::shortcodes::fill(page, &self.templates, &self.labels, &|path| {
                            reader.indicator_at(path)
                        })?
                    },
                };
                let template = page.meta.template.as_deref().unwrap_or("page.html");
                let mut route = base(&page.meta.title, &page.path, template);
                route
                    .context
                    .insert("page", &PageView::new(page, parts, &self.labels));
                route
            }
            RouteKey::Cities => {
                let mut route = base(self.labels.title_cities(), "cities/", "cities.html");
                route.context.insert("items", reader.city_summaries());
                route
            }
            RouteKey::City(i) => {
                let view = reader.city(*i);
                let documents = reader.list(&ListKey::CityDocuments(view.summary.id.clone()));
                let mut route = base(&view.summary.name, &view.summary.path, "city.html");
                route
                    .context
                    .insert("city", &CityContext { view, documents });
                route
            }
            RouteKey::Indicator(i) => {
                let view = reader.indicator(*i);
                let mut route = base(&view.name, &view.path, "indicator.html");
                route.context.insert("indicator", view);
                route
            }
            RouteKey::Dashboard => {
                let mut route = base(
                    self.labels.title_dashboard(),
                    "dashboard/",
                    "dashboard.html",
                );
                route.context.insert("overview", reader.overview());
                route.context.insert("indicators", reader.indicators());
                route
            }
            RouteKey::Topic(name) => {
                let info = reader.topic(name);
                let pages = reader.list(&ListKey::Topic(name.clone()));
                let mut route = base(&info.title, &info.path, "topic.html");
                route.context.insert("topic", &TopicContext { info, pages });
                route
            }
            RouteKey::Topics => {
                let mut route = base(self.labels.title_topics(), "topics/", "topics.html");
                route.context.insert("topics", reader.topics());
                route
            }
            RouteKey::Search => base(self.labels.title_search(), "search/", "search.html"),
            RouteKey::NotFound => base(self.labels.title_not_found(), "404.html", "404.html"),
        };
        // Search finds documents, cities and indicators; lists only repeat their titles.
        let searchable = matches!(
            key,
            RouteKey::Page(_) | RouteKey::City(_) | RouteKey::Indicator(_)
        );
        route.context.insert("searchable", &searchable);
        Ok(route)
    }

    /// The navigation: home, the top-level sections by weight, cities, dashboard, topics.
    pub(super) fn nav(&self) -> Vec<Link> {
        let mut nav = vec![Link {
            title: self.labels.nav_home().into(),
            path: String::new(),
        }];
        let mut sections: Vec<_> = self
            .content
            .sections
            .values()
            .filter(|s| !s.dir.is_empty() && !s.dir.contains('/'))
            .collect();
        sections.sort_by_key(|s| (s.meta.weight.unwrap_or(i64::MAX), s.dir.clone()));
        nav.extend(sections.iter().map(|s| Link {
            title: s.meta.title.clone(),
            path: s.path.clone(),
        }));
        for (title, path) in [
            (self.labels.nav_cities(), "cities/"),
            (self.labels.nav_dashboard(), "dashboard/"),
            (self.labels.nav_topics(), "topics/"),
        ] {
            nav.push(Link {
                title: title.into(),
                path: path.into(),
            });
        }
        nav
    }
}
