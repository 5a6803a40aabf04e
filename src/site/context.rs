//! What each route's template receives. Every view is read through a [`Reader`], so what a
//! route shows is exactly what it read (see [`crate::views::reads`]).

use serde::Serialize;
use tera::Context;

use super::{RouteKey, Site};
use crate::error::Diagnostic;
use crate::views::catalogue::{list_title, section_link, CatalogueView, ListLink};
use crate::views::page::{LineageViews, PageParts};
use crate::views::pager::Paginator;
use crate::views::{
    CityView, Has, Link, ListKey, PageSummary, PageView, Reader, RelatedView, SectionInfo,
    TopicInfo,
};

/// How many of the newest documents the catalogue's table shows; the year lists hold the rest.
const CATALOGUE_NEWEST: usize = 20;

/// One page of output, before it is put in a script.
#[derive(Debug, Clone)]
pub(super) struct Route {
    /// Relative to the script root, ending in `/` (or a file name such as `404.html`).
    pub path: String,
    pub template: String,
    pub context: Context,
    pub title: String,
}

impl Route {
    /// The route with one more value for its template.
    fn with<T: Serialize + ?Sized>(mut self, key: &str, value: &T) -> Route {
        self.context.insert(key, value);
        self
    }
}

/// A section with the pages of one page of its list, as `section.html` and `index.html` see it.
#[derive(Serialize)]
struct SectionContext<'a> {
    #[serde(flatten)]
    info: &'a SectionInfo,
    pages: Vec<&'a PageSummary>,
}

/// A topic with the pages of one page of its list, as `topic.html` sees it.
#[derive(Serialize)]
struct TopicContext<'a> {
    #[serde(flatten)]
    info: &'a TopicInfo,
    pages: Vec<&'a PageSummary>,
}

/// A city with its newest documents (the first page of its list of documents).
#[derive(Serialize)]
struct CityContext<'a> {
    #[serde(flatten)]
    view: &'a CityView,
    documents: Vec<&'a PageSummary>,
    /// How many documents the city has, and where they are all listed.
    documents_total: usize,
    documents_path: String,
}

/// Any other list (`list.html`): a year, an office, a kind, a validity, a city's documents,
/// a taxonomy term.
#[derive(Serialize)]
struct ListContext {
    title: String,
    path: String,
    /// What the list is of: `year`, `office`, `kind`, `validity`, `city`, `taxonomy`.
    kind: &'static str,
    /// Where the list belongs: the catalogue, the city, the taxonomy.
    parent: Link,
}

/// What every route's template receives alike: `nav`, `has`, `cities`, `labels` and
/// `status_css`. Serialised once per rendering thread and lent to each route's context for its
/// render, then taken back, rather than serialised and dropped again for every route (that was
/// a tenth of a build's time).
#[derive(Default)]
pub(super) struct Shared(Option<Context>);

/// The names of the values in [`Shared`].
const SHARED: [&str; 5] = ["nav", "has", "cities", "labels", "status_css"];

impl Shared {
    /// Puts the shared values in `route`'s context.
    pub(super) fn lend(&mut self, site: &Site, reader: &Reader<'_>, route: &mut Route) {
        let values = self.0.take().unwrap_or_else(|| {
            let mut context = Context::new();
            context.insert("nav", reader.nav());
            context.insert("has", &reader.has());
            context.insert("cities", reader.city_summaries());
            context.insert("labels", site.labels.for_templates());
            // The status colours and their chart rules, from the one status table.
            context.insert("status_css", crate::chart::status_css());
            context
        });
        route.context.extend(values);
    }

    /// Takes the shared values back from `route`'s context once it is rendered.
    pub(super) fn take_back(&mut self, route: &mut Route) {
        let mut values = tera::Map::new();
        for key in SHARED {
            if let Some(value) = route.context.remove(key) {
                values.insert(key.to_string(), value);
            }
        }
        // Not all there (never, but then they are made again for the next route).
        if values.len() == SHARED.len() {
            self.0 = Context::from_value(tera::Value::Object(values)).ok();
        }
    }
}

impl Site {
    /// One route with its template context, read from the views through `reader`. Routes are
    /// made one at a time, as they are rendered, so a build never holds every page's context.
    pub(super) fn route(&self, reader: &Reader<'_>, key: &RouteKey) -> Result<Route, Diagnostic> {
        let base = |title: &str, path: &str, template: &str| {
            let context = Context::new();
            // What every route shows alike is lent to its context when it is rendered (see
            // `Shared`); reading it here is what ties the route to it for serve's next edit.
            let _ = (reader.nav(), reader.has(), reader.city_summaries());
            Route {
                path: path.to_string(),
                template: template.to_string(),
                context,
                title: title.to_string(),
            }
        };
        let path = self.route_path(key);
        let mut route = match key {
            RouteKey::List(list, number) => {
                let per_page = self.per_page(list);
                let (pages, total) = reader.list_page(list, *number, per_page);
                let list_path = list.path().unwrap_or_default();
                let paginator = Paginator::new(&list_path, pages.clone(), *number, per_page, total);
                let mut route = match list {
                    ListKey::Section(dir) => {
                        let info = reader.section(dir);
                        let template = match &self.content.sections[dir].meta.template {
                            Some(t) => t.as_str(),
                            None if dir.is_empty() => "index.html",
                            None => "section.html",
                        };
                        let title = if dir.is_empty() {
                            &self.config.title
                        } else {
                            &info.title
                        };
                        let mut route = base(title, &path, template);
                        route
                            .context
                            .insert("section", &SectionContext { info, pages });
                        if dir.is_empty() {
                            route
                                .context
                                .insert("latest", &reader.list(&ListKey::Latest));
                            route.context.insert("headline", reader.headline());
                        }
                        route
                    }
                    ListKey::Topic(name) => {
                        let info = reader.topic(name);
                        let mut route = base(&info.title, &path, "topic.html");
                        route.context.insert("topic", &TopicContext { info, pages });
                        route
                    }
                    other => {
                        let list = self.list_context(reader, other, list_path);
                        let mut route = base(&list.title, &path, "list.html");
                        route.context.insert("list", &list);
                        route
                    }
                };
                if *number > 1 {
                    route.title = self.labels.title_pager(&route.title, number);
                }
                route.context.insert("paginator", &paginator);
                route
            }
            RouteKey::Alias(i) => self.redirect(
                base(&self.config.title, &path, "redirect.html"),
                self.aliases[*i].target.clone(),
            ),
            RouteKey::Page(i) => {
                let page = &self.content.pages[*i];
                reader.page(*i);
                let views = |pages: &[usize]| -> Vec<RelatedView> {
                    pages
                        .iter()
                        .map(|&j| RelatedView::from(reader.summary(j)))
                        .collect()
                };
                let lineage = &self.lineage[*i];
                let parts = PageParts {
                    related: views(&self.related[*i]),
                    lineage: LineageViews {
                        superseded_by: views(&lineage.superseded_by),
                        supersedes: views(&lineage.supersedes),
                        amends: views(&lineage.amends),
                        amended_by: views(&lineage.amended_by),
                    },
                    city: page
                        .meta
                        .city
                        .as_deref()
                        .and_then(|id| reader.city_link(id)),
                    indicators: reader.plan_indicators(*i).to_vec(),
                    content: crate::content::links::rewrite(
                        &if page.shortcodes.is_empty() {
                            page.html.clone()
                        } else {
                            crate::shortcodes::fill(page, &self.templates, &self.labels, &|path| {
                                reader.indicator_at(path)
                            })?
                        },
                        &page.rewrites,
                    ),
                };
                let mut route = base(&page.meta.title, &page.path, self.page_template(page));
                route
                    .context
                    .insert("page", &PageView::new(page, parts, &self.labels));
                route
            }
            RouteKey::Cities => base(self.labels.title_cities(), &path, "cities.html")
                .with("items", reader.city_summaries()),
            RouteKey::City(i) => {
                let view = reader.city(*i);
                let list = ListKey::CityDocuments(view.summary.id.clone());
                let (documents, documents_total) = reader.list_page(&list, 1, self.per_page(&list));
                let route = base(&view.summary.name, &view.summary.path, "city.html");
                let city = CityContext {
                    view,
                    documents,
                    documents_total,
                    documents_path: list.path().unwrap_or_default(),
                };
                route.with("city", &city)
            }
            RouteKey::Indicator(i) => {
                let view = reader.indicator(*i);
                base(&view.name, &view.path, "indicator.html").with("indicator", view)
            }
            RouteKey::Dashboard => base(self.labels.title_dashboard(), &path, "dashboard.html")
                .with("overview", reader.overview())
                .with("indicators", reader.indicators()),
            RouteKey::Topics => base(self.labels.title_topics(), &path, "topics.html")
                .with("topics", reader.topics()),
            RouteKey::Taxonomy(name) => {
                let catalogue = self.catalogue(reader);
                let taxonomy = catalogue.taxonomies.into_iter().find(|t| &t.title == name);
                base(name, &path, "taxonomy.html").with("taxonomy", &taxonomy)
            }
            RouteKey::Catalogue => {
                // The newest documents as a table; the rest a year's list away (paginated), so
                // the page stays one screenful however many documents the site holds.
                let (documents, total) = reader.list_page(&ListKey::Documents, 1, CATALOGUE_NEWEST);
                base(self.labels.title_catalogue(), &path, "catalogue.html")
                    .with("catalogue", &self.catalogue(reader))
                    .with("newest_documents", &documents)
                    .with("documents_total", &total)
            }
            RouteKey::SiteMap => {
                let route = base(self.labels.title_site_map(), &path, "sitemap.html")
                    .with("catalogue", &self.catalogue(reader));
                let sections: Vec<ListLink> = self
                    .content
                    .sections
                    .keys()
                    .filter(|dir| !dir.is_empty())
                    .map(|dir| {
                        let count = reader.list_pages(&ListKey::Section(dir.clone())).len();
                        section_link(reader.section(dir), count)
                    })
                    .collect();
                route.with("sections", &sections)
            }
            RouteKey::Search => base(self.labels.title_search(), &path, "search.html"),
            RouteKey::NotFound => base(self.labels.title_not_found(), &path, "404.html"),
        };
        let searchable = may_be_searched(key)
            && match key {
                RouteKey::Page(i) => self.in_search_index(&self.content.pages[*i]),
                _ => true,
            };
        route.context.insert("searchable", &searchable);
        Ok(route)
    }

    /// Whether a page is searchable: its own `in_search_index`, else the nearest section's
    /// that sets it (Zola leaves a section's pages out with it), else yes.
    pub fn in_search_index(&self, page: &crate::content::Page) -> bool {
        if let Some(yes) = page.meta.in_search_index {
            return yes;
        }
        let mut dir = page.section.as_str();
        loop {
            if let Some(yes) = self
                .content
                .sections
                .get(dir)
                .and_then(|s| s.meta.in_search_index)
            {
                return yes;
            }
            if dir.is_empty() {
                return true;
            }
            dir = dir.rsplit_once('/').map_or("", |(parent, _)| parent);
        }
    }

    /// The template of a page: its own, else the nearest section's `page_template`.
    fn page_template<'a>(&'a self, page: &'a crate::content::Page) -> &'a str {
        if let Some(template) = &page.meta.template {
            return template;
        }
        let mut dir = page.section.as_str();
        loop {
            if let Some(t) = self
                .content
                .sections
                .get(dir)
                .and_then(|s| s.meta.page_template.as_deref())
            {
                return t;
            }
            if dir.is_empty() {
                return "page.html";
            }
            dir = dir.rsplit_once('/').map_or("", |(parent, _)| parent);
        }
    }

    /// A page that sends the reader to `target` (relative to the script root).
    fn redirect(&self, mut route: Route, target: String) -> Route {
        route.context.insert("redirect_to", &target);
        route
    }

    /// What a list page that is not a section's or a topic's shows.
    fn list_context(&self, reader: &Reader<'_>, key: &ListKey, path: String) -> ListContext {
        let catalogue = || Link {
            title: self.labels.title_catalogue().into(),
            path: "catalogue/".into(),
        };
        let (kind, parent) = match key {
            ListKey::Year(_) => ("year", catalogue()),
            ListKey::Office(_) => ("office", catalogue()),
            ListKey::Kind(_) => ("kind", catalogue()),
            ListKey::Validity(_) => ("validity", catalogue()),
            ListKey::CityDocuments(id) => ("city", reader.city_link(id).unwrap_or_else(catalogue)),
            ListKey::Taxonomy(name, _) => (
                "taxonomy",
                Link {
                    title: name.clone(),
                    path: crate::lists::taxonomy_path(name),
                },
            ),
            _ => ("", catalogue()),
        };
        ListContext {
            title: list_title(key, reader.city_summaries(), &self.labels),
            path,
            kind,
            parent,
        }
    }

    /// The catalogue: every list with its count. It changes when pages come or go (the routes)
    /// or a list changes.
    fn catalogue(&self, reader: &Reader<'_>) -> CatalogueView {
        reader.routes();
        CatalogueView::new(
            self.content.pages.len(),
            &reader.list_lengths(),
            reader.city_summaries(),
            &self.labels,
        )
    }

    /// Which built-in pages that show data the site has.
    pub(super) fn has(&self) -> Has {
        Has {
            cities: self.has_cities(),
            dashboard: self.has_dashboard(),
        }
    }

    /// The navigation: home, the top-level sections by weight, cities and the dashboard when
    /// the site has them, topics.
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
        for (title, path, shown) in [
            (self.labels.nav_cities(), "cities/", self.has_cities()),
            (
                self.labels.nav_dashboard(),
                "dashboard/",
                self.has_dashboard(),
            ),
            (self.labels.nav_topics(), "topics/", true),
        ] {
            if !shown {
                continue;
            }
            nav.push(Link {
                title: title.into(),
                path: path.into(),
            });
        }
        nav
    }
}

/// Whether search may find a route: documents, cities and indicators (a page can still opt
/// out with `in_search_index`); lists only repeat their titles. A whole render renders these
/// routes first, so that the index is made while the others render.
pub(super) fn may_be_searched(key: &RouteKey) -> bool {
    matches!(
        key,
        RouteKey::Page(_) | RouteKey::City(_) | RouteKey::Indicator(_)
    )
}
