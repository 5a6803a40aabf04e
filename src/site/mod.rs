//! Load → render → write: the whole build as one value (`Site`) and pure rendering functions.

mod claims;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::Mutex;

use rayon::prelude::*;
use serde::Serialize;
use tera::Context;

use crate::config::Config;
use crate::content::{self, Content, Page};
use crate::data::{self, Data};
use crate::error::{Diagnostic, Diagnostics};
use crate::output::OutputFile;
use crate::render::{self, Templates};
use crate::script::{html::convert_html, Converter, Script, SiteDictionary};
use crate::views::{self, CityView, IndicatorView, Link, PageSummary};
use crate::{feeds, shortcodes, simplify};

pub struct BuildOptions {
    pub root: PathBuf,
    pub base_url: Option<String>,
    pub drafts: bool,
    /// Build the search index (when the configuration does not turn search off).
    pub search: bool,
}

/// Everything a build needs, read and checked.
pub struct Site {
    pub root: PathBuf,
    pub config: Config,
    pub content: Content,
    pub data: Data,
    pub converter: Converter,
    pub templates: Templates,
    /// Per page, the pages it is linked with (both directions of `related`).
    pub related: Vec<Vec<usize>>,
    /// Topic (in Simplified) → pages.
    pub topics: BTreeMap<String, Vec<usize>>,
    /// Where this build spent its time.
    pub timings: crate::timings::Timings,
    /// Whether the templates hold Traditional text (every other source is made Simplified at
    /// load): then pages are made Simplified after rendering too.
    pub templates_need_simplifying: bool,
}

/// One page of output, before it is put in a script.
#[derive(Debug, Clone)]
pub struct Route {
    /// Relative to the script root, ending in `/` (or a file name such as `404.html`).
    pub path: String,
    pub template: String,
    pub context: Context,
    pub title: String,
}

impl Site {
    pub fn load(options: &BuildOptions) -> Result<Site, Diagnostics> {
        let root = &options.root;
        let mut config = Config::load(&root.join("config.toml"))?;
        if let Some(url) = &options.base_url {
            config.base_url = crate::config::base_url_option(url)?;
        }
        config.search &= options.search;
        let mut diagnostics = Diagnostics::default();
        let dictionary = SiteDictionary::load(&root.join("data/dictionary.toml"))
            .map_err(|d| diagnostics.push(d))
            .unwrap_or_default();
        let data = data::load(root)
            .map_err(|d| diagnostics.extend(d))
            .unwrap_or_default();
        let mut content = content::load(root, options.drafts, config.allow_raw_html)
            .map_err(|d| diagnostics.extend(d))
            .unwrap_or_default();
        let templates =
            render::load(root, &config.theme).map_err(|d| diagnostics.extend(Diagnostics(d)));
        let converter = Converter::new(config.traditional_profile, &dictionary).map_err(|e| {
            Diagnostic::new(
                "data/dictionary.toml",
                format!("the conversion dictionaries could not be loaded: {e}"),
            )
        })?;
        // A page or table that failed to load would make every link to it look broken.
        if diagnostics.is_empty() {
            check_references(&content, &data, &mut diagnostics);
        }
        content.pages.iter_mut().for_each(trim_topics);
        let templates = match templates {
            Ok(t) => t,
            Err(()) => return Err(diagnostics),
        };
        check_page_templates(&content, &templates, &mut diagnostics);
        let mut data = data;
        simplify::config(&converter, &mut config);
        simplify::data(&converter, &mut data);
        if diagnostics.is_empty() {
            shortcodes::expand(
                &mut content,
                &data,
                &templates,
                config.allow_raw_html,
                &mut diagnostics,
            );
        }
        if let Err(d) = simplify::content(&converter, &mut content) {
            diagnostics.extend(d);
        }
        // Sorted again now that titles are in one script (a Traditional title sorts apart).
        content::sort_sections(&mut content);
        if !diagnostics.is_empty() {
            return Err(diagnostics);
        }
        let templates_need_simplifying = templates
            .texts
            .values()
            .any(|t| converter.needs_simplifying(t));
        let related = related_both_ways(&content);
        let topics = topics(&content);
        Ok(Site {
            root: root.clone(),
            config,
            content,
            data,
            converter,
            templates,
            related,
            topics,
            timings: Default::default(),
            templates_need_simplifying,
        })
    }

    /// Re-reads the pages whose files (relative to the root) were edited, the way `load` reads
    /// them, and says what must be rendered again. `None` when the edit is more than that: a
    /// file that is not one of the site's pages (new, removed, renamed, a section), a change of
    /// slug or draft status, or any problem. A full build then does the work and reports the
    /// problems, so an edit never gets a different result from a full build.
    pub fn reload_pages(&mut self, files: &[PathBuf], drafts: bool) -> Option<PageEdit> {
        let mut reloaded = Vec::new();
        for rel in files {
            let index = self.content.pages.iter().position(|p| &p.file == rel)?;
            let path = self.root.join(rel);
            let mut page =
                content::load_page(&self.root, &path, self.config.allow_raw_html).ok()??;
            let old = &self.content.pages[index];
            // These add or remove routes (a draft, a moved page): left to a full build.
            // A city's document count shows on every page (the city navigation).
            if (page.meta.draft && !drafts)
                || page.slug != old.slug
                || page.path != old.path
                || page.section != old.section
                || page.meta.city != old.meta.city
            {
                return None;
            }
            trim_topics(&mut page);
            let mut problems = Diagnostics::default();
            check_page_references(&page, &self.content, &self.data, &mut problems);
            if let Some(template) = &page.meta.template {
                if !self.templates.files.contains_key(template) {
                    return None;
                }
            }
            if let Some(html) = shortcodes::expanded_html(
                &page,
                &self.content,
                &self.data,
                &self.templates,
                self.config.allow_raw_html,
                &mut problems,
            ) {
                page.html = html;
            }
            if !problems.is_empty() {
                return None;
            }
            simplify::page(&self.converter, &mut page).ok()?;
            // Topics have pages of their own, which a change can add or remove.
            if page.meta.topics != self.content.pages[index].meta.topics {
                return None;
            }
            reloaded.push((index, page));
        }
        let lists_change = reloaded.iter().any(|(i, new)| {
            let old = &self.content.pages[*i];
            old.meta != new.meta || old.summary != new.summary
        });
        let edited: Vec<usize> = reloaded.iter().map(|(i, _)| *i).collect();
        // Pages that were related to an edited page show its title.
        let mut touched = edited.clone();
        for (index, page) in reloaded {
            touched.extend(&self.related[index]);
            self.content.pages[index] = page;
        }
        if !lists_change {
            return Some(PageEdit::Bodies(edited));
        }
        content::sort_sections(&mut self.content);
        self.related = related_both_ways(&self.content);
        self.topics = topics(&self.content);
        // And the pages related to it now.
        for &i in &edited {
            touched.extend(&self.related[i]);
        }
        // An indicator shortcode shows the titles of the indicator's source documents, which
        // may be the edited pages (even the page the shortcode is on).
        for i in 0..self.content.pages.len() {
            let page = &self.content.pages[i];
            if !page.raw.contains("{{") {
                continue;
            }
            let mut problems = Diagnostics::default();
            let html = shortcodes::expanded_html(
                page,
                &self.content,
                &self.data,
                &self.templates,
                self.config.allow_raw_html,
                &mut problems,
            )?;
            let html = simplify::html(&self.converter, html, &page.file).ok()?;
            if problems.is_empty() && html != page.html {
                self.content.pages[i].html = html;
                touched.push(i);
            }
        }
        let mut keys: Vec<RouteKey> = touched.into_iter().map(RouteKey::Page).collect();
        for &i in &edited {
            keys.extend(self.routes_listing(i));
        }
        keys.sort_unstable();
        keys.dedup();
        Some(PageEdit::Lists { edited, keys })
    }

    /// Brings `views` up to date after [`Site::reload_pages`] changed what lists show of the
    /// `edited` pages: the same views as [`Site::views`] makes, without redoing every page.
    pub fn refresh_views(&self, views: &mut Views, edited: &[usize]) {
        let (content, data) = (&self.content, &self.data);
        for &i in edited {
            views.summaries[i] = views::page_summary(content, data, i);
        }
        let slugs: Vec<&str> = edited
            .iter()
            .map(|&i| content.pages[i].slug.as_str())
            .collect();
        for (k, indicator) in data.indicators.iter().enumerate() {
            let plan = indicator.plan.as_deref();
            let source = indicator.source.as_ref().map(|s| s.document.as_str());
            if plan.is_some_and(|p| slugs.contains(&p))
                || source.is_some_and(|s| slugs.contains(&s))
            {
                views.indicators[k] = views::indicator_view(content, data, indicator);
            }
        }
        // Cities list their documents, indicators and achievements (with source titles).
        views.cities = data
            .cities
            .iter()
            .map(|c| views::city_view(content, &views.summaries, data, c, &views.indicators))
            .collect();
        views.city_summaries = views.cities.iter().map(views::CitySummary::from).collect();
        for (topic, members) in views.topics.iter_mut().zip(self.topics.values()) {
            if members.iter().any(|m| edited.contains(m)) {
                topic.pages = members
                    .iter()
                    .map(|&i| views.summaries[i].clone())
                    .collect();
            }
        }
    }

    /// Reads the data tables again after an edit to them, the way `load` does, and says which
    /// routes show data: the home page, the cities, the indicators, the dashboard, the plans the
    /// indicators come from and the pages with shortcodes. `None` when the edit is more than
    /// that (cities or indicators added, removed or renamed, counts shown in every page's city
    /// navigation changed, any problem): a full build then does it.
    pub fn reload_data(&mut self, old_views: &Views) -> Option<(Vec<RouteKey>, Views)> {
        let mut data = data::load(&self.root).ok()?;
        let mut problems = Diagnostics::default();
        check_data_references(&self.content, &data, &mut problems);
        if !problems.is_empty() {
            return None;
        }
        simplify::data(&self.converter, &mut data);
        let city_fields = |d: &Data| -> Vec<(String, String, String, String)> {
            d.cities
                .iter()
                .map(|c| {
                    let c = c.clone();
                    (c.id, c.name, c.province, c.introduction)
                })
                .collect()
        };
        let indicator_paths =
            |d: &Data| -> Vec<String> { d.indicators.iter().map(views::indicator_path).collect() };
        if city_fields(&data) != city_fields(&self.data)
            || indicator_paths(&data) != indicator_paths(&self.data)
        {
            return None;
        }
        let mut pages: Vec<usize> = self
            .data
            .indicators
            .iter()
            .chain(&data.indicators)
            .filter_map(|i| i.plan.as_deref())
            .filter_map(|slug| self.content.pages.iter().position(|p| p.slug == slug))
            .collect();
        self.data = data;
        // Pages whose shortcodes show indicators.
        for i in 0..self.content.pages.len() {
            let page = &self.content.pages[i];
            if !page.raw.contains("{{") {
                continue;
            }
            let mut problems = Diagnostics::default();
            let html = shortcodes::expanded_html(
                page,
                &self.content,
                &self.data,
                &self.templates,
                self.config.allow_raw_html,
                &mut problems,
            )?;
            if !problems.is_empty() {
                return None;
            }
            self.content.pages[i].html = simplify::html(&self.converter, html, &page.file).ok()?;
            pages.push(i);
        }
        let views = self.views();
        let summaries = |v: &Views| serde_json::to_string(&v.city_summaries).ok();
        if summaries(&views) != summaries(old_views) {
            return None;
        }
        let mut keys: Vec<RouteKey> = pages.into_iter().map(RouteKey::Page).collect();
        keys.extend([RouteKey::Home, RouteKey::Cities, RouteKey::Dashboard]);
        keys.extend((0..self.data.cities.len()).map(RouteKey::City));
        keys.extend((0..self.data.indicators.len()).map(RouteKey::Indicator));
        keys.sort_unstable();
        keys.dedup();
        Some((keys, views))
    }

    /// The routes other than its own that show a page's title, date, summary or kind: the
    /// home page, its section, its city, its topics, the indicators it states (with the cities
    /// and dashboard showing them) and the cities whose achievements it is the source of.
    fn routes_listing(&self, index: usize) -> Vec<RouteKey> {
        let page = &self.content.pages[index];
        let mut keys = vec![RouteKey::Home, RouteKey::Dashboard];
        if !page.section.is_empty() {
            keys.push(RouteKey::Section(page.section.clone()));
        }
        let city_key = |id: &str| {
            self.data
                .cities
                .iter()
                .position(|c| c.id == id)
                .map(RouteKey::City)
        };
        keys.extend(page.meta.city.as_deref().and_then(city_key));
        keys.extend(
            self.topics
                .keys()
                .enumerate()
                .filter(|(_, name)| page.meta.topics.contains(name))
                .map(|(i, _)| RouteKey::Topic(i)),
        );
        let cites = |source: &Option<crate::data::SourceRef>| {
            source.as_ref().is_some_and(|s| s.document == page.slug)
        };
        for (i, indicator) in self.data.indicators.iter().enumerate() {
            if indicator.plan.as_deref() == Some(page.slug.as_str()) || cites(&indicator.source) {
                keys.push(RouteKey::Indicator(i));
                keys.extend(city_key(&indicator.city));
            }
        }
        for achievement in &self.data.achievements {
            if cites(&achievement.source) {
                keys.extend(city_key(&achievement.city));
            }
        }
        keys
    }

    /// The URL path of a script's root: `/`, `/zh-hant/`, `/bzh/zh-hant/`.
    pub fn script_root(&self, script: Script) -> String {
        format!("{}{}", self.config.base_path(), self.script_prefix(script))
    }

    /// The folder a script's pages are written to, relative to the output: empty or `zh-hant/`.
    pub fn script_prefix(&self, script: Script) -> String {
        if script == self.config.default_script {
            String::new()
        } else {
            format!("{}/", script.dir())
        }
    }

    /// Absolute URL of a path in a script.
    pub fn absolute_url(&self, script: Script, path: &str) -> String {
        format!(
            "{}{}{}",
            self.config.base_url,
            self.script_prefix(script),
            path
        )
    }

    /// What the list pages show: made once per build (and again by serve after an edit that
    /// changes a list), shared by every route.
    pub fn views(&self) -> Views {
        let content = &self.content;
        let data = &self.data;
        let summaries: Vec<PageSummary> = (0..content.pages.len())
            .into_par_iter()
            .map(|i| views::page_summary(content, data, i))
            .collect();
        let indicators: Vec<IndicatorView> = data
            .indicators
            .par_iter()
            .map(|i| views::indicator_view(content, data, i))
            .collect();
        let cities: Vec<CityView> = data
            .cities
            .iter()
            .map(|c| views::city_view(content, &summaries, data, c, &indicators))
            .collect();
        let city_summaries = cities.iter().map(views::CitySummary::from).collect();
        let topics = self
            .topics
            .iter()
            .map(|(name, members)| TopicView {
                title: name.clone(),
                path: views::topic_path(name),
                count: members.len(),
                pages: members.iter().map(|&i| summaries[i].clone()).collect(),
            })
            .collect();
        Views {
            nav: self.nav(),
            summaries,
            indicators,
            cities,
            city_summaries,
            topics,
        }
    }

    /// Every page of the site, in a fixed order.
    pub fn route_keys(&self) -> Vec<RouteKey> {
        let mut keys = vec![RouteKey::Home];
        keys.extend(
            self.content
                .sections
                .keys()
                .filter(|dir| !dir.is_empty())
                .map(|dir| RouteKey::Section(dir.clone())),
        );
        keys.extend((0..self.content.pages.len()).map(RouteKey::Page));
        keys.push(RouteKey::Cities);
        keys.extend((0..self.data.cities.len()).map(RouteKey::City));
        keys.extend((0..self.data.indicators.len()).map(RouteKey::Indicator));
        keys.push(RouteKey::Dashboard);
        keys.extend((0..self.topics.len()).map(RouteKey::Topic));
        keys.extend([RouteKey::Topics, RouteKey::Search, RouteKey::NotFound]);
        keys
    }

    /// Where every route is published, in route order (the sitemap lists them).
    pub fn route_paths(&self) -> Vec<String> {
        self.route_keys()
            .iter()
            .map(|k| self.route_path(k))
            .collect()
    }

    /// Where a route is published, relative to the script root.
    pub fn route_path(&self, key: &RouteKey) -> String {
        match key {
            RouteKey::Home => String::new(),
            RouteKey::Section(dir) => self.content.sections[dir].path.clone(),
            RouteKey::Page(i) => self.content.pages[*i].path.clone(),
            RouteKey::Cities => "cities/".into(),
            RouteKey::City(i) => format!("cities/{}/", self.data.cities[*i].id),
            RouteKey::Indicator(i) => views::indicator_path(&self.data.indicators[*i]),
            RouteKey::Dashboard => "dashboard/".into(),
            RouteKey::Topic(i) => self
                .topics
                .keys()
                .nth(*i)
                .map(|name| views::topic_path(name))
                .unwrap_or_default(),
            RouteKey::Topics => "topics/".into(),
            RouteKey::Search => "search/".into(),
            RouteKey::NotFound => "404.html".into(),
        }
    }

    /// One route with its template context. Routes are made one at a time, as they are
    /// rendered, so a build never holds every page's context at once.
    pub fn route(&self, views: &Views, key: &RouteKey) -> Route {
        let content = &self.content;
        let base = |title: &str, path: &str, template: &str| {
            let mut context = Context::new();
            context.insert("nav", &views.nav);
            context.insert("cities", &views.city_summaries);
            Route {
                path: path.to_string(),
                template: template.to_string(),
                context,
                title: title.to_string(),
            }
        };
        let mut route = match key {
            RouteKey::Home => {
                let home = content
                    .sections
                    .get("")
                    .expect("the home section always exists");
                let mut order: Vec<usize> = (0..content.pages.len()).collect();
                order.sort_by(|&a, &b| {
                    content::sort_date(&content.pages[b])
                        .cmp(&content::sort_date(&content.pages[a]))
                        .then(a.cmp(&b))
                });
                let latest: Vec<&PageSummary> = order
                    .iter()
                    .take(10)
                    .map(|&i| &views.summaries[i])
                    .collect();
                let mut route = base(&self.config.title, "", "index.html");
                route
                    .context
                    .insert("section", &section_view(home, &views.summaries));
                route.context.insert("latest", &latest);
                route.context.insert(
                    "headline",
                    &headline(&self.data, &views.indicators, &views.cities),
                );
                route
            }
            RouteKey::Section(dir) => {
                let section = &content.sections[dir];
                let view = section_view(section, &views.summaries);
                let mut route = base(
                    &view.title,
                    &section.path,
                    section.meta.template.as_deref().unwrap_or("section.html"),
                );
                route.context.insert("section", &view);
                route
            }
            RouteKey::Page(i) => {
                let page = &content.pages[*i];
                let mut route = base(
                    &page.meta.title,
                    &page.path,
                    page.meta.template.as_deref().unwrap_or("page.html"),
                );
                route.context.insert(
                    "page",
                    &views::page_view(content, &self.data, &self.related[*i], *i),
                );
                route
            }
            RouteKey::Cities => {
                let mut route = base("城市", "cities/", "cities.html");
                route.context.insert("items", &views.city_summaries);
                route
            }
            RouteKey::City(i) => {
                let city = &views.cities[*i];
                let mut route = base(&city.name, &city.path, "city.html");
                route.context.insert("city", city);
                route
            }
            RouteKey::Indicator(i) => {
                let view = &views.indicators[*i];
                let mut route = base(&view.name, &view.path, "indicator.html");
                route.context.insert("indicator", view);
                route
            }
            RouteKey::Dashboard => {
                let mut route = base("目标进展总览", "dashboard/", "dashboard.html");
                route
                    .context
                    .insert("overview", &overview(&self.data, &views.cities));
                route.context.insert("indicators", &views.indicators);
                route
            }
            RouteKey::Topic(i) => {
                let topic = &views.topics[*i];
                let mut route = base(&topic.title, &topic.path, "topic.html");
                route.context.insert("topic", topic);
                route
            }
            RouteKey::Topics => {
                let mut route = base("主题分类", "topics/", "topics.html");
                let list: Vec<TopicLink> = views
                    .topics
                    .iter()
                    .map(|t| TopicLink {
                        title: &t.title,
                        path: &t.path,
                        count: t.count,
                    })
                    .collect();
                route.context.insert("topics", &list);
                route
            }
            RouteKey::Search => base("搜索", "search/", "search.html"),
            RouteKey::NotFound => base("页面未找到", "404.html", "404.html"),
        };
        // Search finds documents, cities and indicators; lists only repeat their titles.
        let searchable = matches!(
            key,
            RouteKey::Page(_) | RouteKey::City(_) | RouteKey::Indicator(_)
        );
        route.context.insert("searchable", &searchable);
        route
    }

    fn nav(&self) -> Vec<Link> {
        let mut nav = vec![Link {
            title: "首页".into(),
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
        nav.push(Link {
            title: "城市".into(),
            path: "cities/".into(),
        });
        nav.push(Link {
            title: "目标进展".into(),
            path: "dashboard/".into(),
        });
        nav.push(Link {
            title: "主题分类".into(),
            path: "topics/".into(),
        });
        nav
    }

    /// Renders one route in one script: the finished HTML.
    /// The route's context gets this script's values (replacing the other script's).
    pub fn render_route(&self, route: &mut Route, script: Script) -> Result<String, Diagnostic> {
        let context = &mut route.context;
        let root = self.script_root(script);
        let other = script.other();
        context.insert("config", &ConfigView::from(&self.config));
        context.insert("lang", script.lang());
        context.insert("root", &root);
        context.insert("base_path", self.config.base_path());
        context.insert("current_path", &route.path);
        context.insert("canonical", &self.absolute_url(script, &route.path));
        context.insert("page_title", &route.title);
        context.insert(
            "alternate",
            &AlternateView {
                lang: other.lang(),
                name: other.native_name(),
                path: format!("{}{}", self.script_root(other), route.path),
            },
        );
        context.insert(
            "alternates",
            &Script::ALL
                .iter()
                .map(|s| HreflangView {
                    lang: s.lang(),
                    href: self.absolute_url(*s, &route.path),
                })
                .chain(std::iter::once(HreflangView {
                    lang: "x-default",
                    href: self.absolute_url(self.config.default_script, &route.path),
                }))
                .collect::<Vec<_>>(),
        );
        let html = self
            .timings
            .template(|| self.templates.tera.render(&route.template, context))
            .map_err(|e| render::template_error(&self.templates.files, &e))?;
        let html = if html.contains(shortcodes::ROOT_MARKER) {
            shortcodes::replace_root_marker(&html, &root)
        } else {
            html
        };
        // Sources are Simplified (see `simplify`): zh-Hans pages are done, zh-Hant pages are
        // converted once.
        self.timings
            .convert(|| {
                let html = if self.templates_need_simplifying {
                    convert_html(&self.converter, Script::Hans, &html)?
                } else {
                    html
                };
                match script {
                    Script::Hans => Ok(html),
                    Script::Hant => convert_html(&self.converter, Script::Hant, &html),
                }
            })
            .map_err(|m| Diagnostic::new(&route.path, m))
    }

    /// The output file a route is written to in a script.
    pub fn output_path(&self, route_path: &str, script: Script) -> String {
        if route_path.ends_with(".html") {
            format!("{}{route_path}", self.script_prefix(script))
        } else {
            format!("{}{route_path}index.html", self.script_prefix(script))
        }
    }

    /// Renders `keys` in both scripts, handing each page to `emit` as soon as it is ready, in
    /// parallel. Returns what the search index needs of the pages (when search is on).
    pub fn render_routes(
        &self,
        views: &Views,
        keys: &[RouteKey],
        emit: &Emit,
    ) -> Result<Vec<crate::search::SearchPage>, Diagnostics> {
        let searchable = Mutex::new(Vec::new());
        let problems = Mutex::new(Diagnostics::default());
        let group_of = |script: Script| usize::from(script != self.config.default_script);
        keys.par_iter().for_each(|key| {
            let mut route = self.route(views, key);
            for script in Script::ALL {
                let result = self.render_route(&mut route, script).and_then(|html| {
                    let path = self.output_path(&route.path, script);
                    if self.config.search {
                        if let Some(page) =
                            crate::search::SearchPage::of(group_of(script), &path, &html)
                        {
                            searchable.lock().expect("no panics hold it").push(page);
                        }
                    }
                    emit(OutputFile {
                        path,
                        bytes: html.into_bytes(),
                    })
                });
                if let Err(d) = result {
                    let mut problems = problems.lock().expect("no panics hold it");
                    // The same template error fails every page that uses it: report it once.
                    if !problems.0.iter().any(|x| x.message == d.message) {
                        problems.push(d);
                    }
                }
            }
        });
        let problems = problems.into_inner().expect("no panics hold it");
        if !problems.is_empty() {
            return Err(problems);
        }
        let mut searchable = searchable.into_inner().expect("no panics hold it");
        searchable.sort_by(|a, b| a.path.cmp(&b.path));
        Ok(searchable)
    }

    /// The files made from the whole site rather than from one route: data downloads, the
    /// sitemap and feeds, and the theme's and site's static files.
    pub fn site_wide_files(&self) -> Result<Vec<OutputFile>, Diagnostic> {
        let mut files = feeds::csv_downloads(self);
        files.extend(feeds::sitemap_and_feeds(self, &self.route_paths()));
        files.extend(crate::output::static_files(&self.root, &self.config.theme)?);
        Ok(files)
    }

    /// Renders the whole site, handing every output file to `emit` as soon as it is ready:
    /// pages are written while others render, so memory holds a few pages, not the site.
    /// Returns the list views it made (serve keeps them for its next rebuild).
    pub fn render_into(&self, emit: &Emit) -> Result<Views, Diagnostics> {
        // Every path is known and checked before the first file is written.
        self.timings.stage("paths", || self.check_paths())?;
        let views = self.timings.stage("views", || self.views());
        let keys = self.route_keys();
        let started = std::time::Instant::now();
        let searchable = self.render_routes(&views, &keys, emit)?;
        self.timings.record("render", started.elapsed());
        if self.config.search {
            let index = self.timings.stage("index", || {
                crate::search::index(searchable, self.config.base_path())
            })?;
            index.into_iter().try_for_each(emit)?;
        }
        self.timings
            .stage("extras", || -> Result<(), Diagnostics> {
                self.site_wide_files()?
                    .into_iter()
                    .try_for_each(emit)
                    .map_err(Diagnostics::from)
            })?;
        Ok(views)
    }

    /// Every output file of the site, in memory and sorted by path (serve and check).
    pub fn render_all(&self) -> Result<Vec<OutputFile>, Diagnostics> {
        let files = Mutex::new(Vec::new());
        self.render_into(&|file| {
            files.lock().expect("no panics hold it").push(file);
            Ok(())
        })?;
        let mut files = files.into_inner().expect("no panics hold it");
        files.sort_by(|a, b| a.path.cmp(&b.path));
        Ok(files)
    }
}

/// What an edit to pages changed, for rendering: see [`Site::reload_pages`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PageEdit {
    /// Only the bodies of these pages: their own routes are all that changes.
    Bodies(Vec<usize>),
    /// Something lists show (title, date, summary, kind, related pages …): these routes
    /// (the edited pages, the pages related to them or whose shortcodes show them, and the
    /// lists showing them) and the feeds change.
    Lists {
        /// The pages whose files were edited.
        edited: Vec<usize>,
        keys: Vec<RouteKey>,
    },
}

/// Where rendered files go: the output writer, or memory. Called from many threads at once.
pub type Emit<'a> = dyn Fn(OutputFile) -> Result<(), Diagnostic> + Sync + 'a;

/// One route of the site. Indexes are into `content.pages`, `data.cities`, `data.indicators`
/// and the site's topics.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum RouteKey {
    Home,
    Section(String),
    Page(usize),
    Cities,
    City(usize),
    Indicator(usize),
    Dashboard,
    Topic(usize),
    Topics,
    Search,
    NotFound,
}

/// What the list pages show, shared by all routes of a build.
pub struct Views {
    pub nav: Vec<Link>,
    pub summaries: Vec<PageSummary>,
    pub indicators: Vec<IndicatorView>,
    pub cities: Vec<CityView>,
    pub city_summaries: Vec<views::CitySummary>,
    pub topics: Vec<TopicView>,
}

#[derive(Serialize)]
struct ConfigView<'a> {
    title: &'a str,
    description: &'a str,
    base_url: &'a str,
    footer: &'a crate::config::Footer,
    extra: &'a toml::Table,
}

impl<'a> From<&'a Config> for ConfigView<'a> {
    fn from(c: &'a Config) -> Self {
        ConfigView {
            title: &c.title,
            description: &c.description,
            base_url: &c.base_url,
            footer: &c.footer,
            extra: &c.extra,
        }
    }
}

#[derive(Serialize)]
struct AlternateView {
    lang: &'static str,
    name: &'static str,
    path: String,
}

#[derive(Serialize)]
struct HreflangView {
    lang: &'static str,
    href: String,
}

#[derive(Serialize, Clone)]
pub struct TopicView {
    pub title: String,
    pub path: String,
    pub count: usize,
    pub pages: Vec<PageSummary>,
}

/// A topic as the topic list shows it.
#[derive(Serialize)]
struct TopicLink<'a> {
    title: &'a str,
    path: &'a str,
    count: usize,
}

#[derive(Serialize)]
struct SectionView {
    title: String,
    description: Option<String>,
    path: String,
    content: String,
    pages: Vec<PageSummary>,
    extra: toml::Table,
}

fn section_view(section: &content::Section, pages: &[PageSummary]) -> SectionView {
    SectionView {
        title: section.meta.title.clone(),
        description: section.meta.description.clone(),
        path: section.path.clone(),
        content: section.html.clone(),
        pages: section.pages.iter().map(|&i| pages[i].clone()).collect(),
        extra: section.meta.extra.clone(),
    }
}

#[derive(Serialize)]
struct Headline {
    cities: usize,
    documents: usize,
    indicators: usize,
    achievements: usize,
    status_counts: Vec<views::StatusCount>,
}

fn headline(data: &Data, indicators: &[IndicatorView], cities: &[CityView]) -> Headline {
    let all: Vec<&IndicatorView> = indicators.iter().collect();
    Headline {
        cities: cities.len(),
        documents: cities.iter().map(|c| c.documents.len()).sum(),
        indicators: indicators.len(),
        achievements: data.achievements.len(),
        status_counts: views::status_counts(&all),
    }
}

#[derive(Serialize)]
struct OverviewRow {
    city: Link,
    indicators: usize,
    status_counts: Vec<views::StatusCount>,
    achievements: usize,
    standards_total: Option<String>,
}

#[derive(Serialize)]
struct Overview {
    rows: Vec<OverviewRow>,
    status_chart: String,
    standards_chart: Option<String>,
    standards_table: Vec<(String, Vec<String>)>,
    standard_levels: Vec<String>,
}

fn overview(data: &Data, cities: &[CityView]) -> Overview {
    let rows: Vec<OverviewRow> = cities
        .iter()
        .map(|c| OverviewRow {
            city: Link {
                title: c.name.clone(),
                path: c.path.clone(),
            },
            indicators: c.indicator_count,
            status_counts: c.status_counts.clone(),
            achievements: c.achievements.len(),
            standards_total: c.standards_total.clone(),
        })
        .collect();
    let series: Vec<&str> = crate::dashboard::Status::ALL
        .iter()
        .map(|s| s.label())
        .collect();
    let status_desc = rows
        .iter()
        .map(|r| {
            let parts: Vec<String> = r
                .status_counts
                .iter()
                .map(|s| format!("{}{}项", s.label, s.count))
                .collect();
            format!("{}:{}", r.city.title, parts.join("、"))
        })
        .collect::<Vec<_>>()
        .join(";");
    let status_chart = crate::chart::stacked_bars(&crate::chart::StackedBarChart {
        id: "chart-overview-status",
        title: "各城市目标指标进展状态",
        desc: &format!("{status_desc}。"),
        unit: "项",
        series,
        stacks: rows
            .iter()
            .map(|r| crate::chart::Stack {
                label: &r.city.title,
                values: r.status_counts.iter().map(|s| s.count as f64).collect(),
            })
            .collect(),
    });
    // Standards by level, for the cities that report them.
    let per_city: Vec<(String, Vec<views::LevelCount>)> = data
        .cities
        .iter()
        .map(|c| (c.name.clone(), views::standards_by_level(data, &c.id)))
        .filter(|(_, levels)| !levels.is_empty())
        .collect();
    let mut levels: Vec<String> = Vec::new();
    for (_, rows) in &per_city {
        for row in rows {
            if !levels.contains(&row.level) {
                levels.push(row.level.clone());
            }
        }
    }
    levels.sort_by_key(|l| {
        views::STANDARD_LEVELS
            .iter()
            .position(|x| x == l)
            .unwrap_or(usize::MAX)
    });
    let standards_table: Vec<(String, Vec<String>)> = per_city
        .iter()
        .map(|(city, rows)| {
            let cells = levels
                .iter()
                .map(|l| {
                    rows.iter()
                        .find(|x| &x.level == l)
                        .map_or_else(|| "—".to_string(), |x| views::with_unit(x.value, &x.unit))
                })
                .collect();
            (city.clone(), cells)
        })
        .collect();
    let standards_chart = (!per_city.is_empty()).then(|| {
        let desc = standards_table
            .iter()
            .map(|(city, cells)| {
                let parts: Vec<String> = levels
                    .iter()
                    .zip(cells)
                    .map(|(l, v)| format!("{l}标准{v}"))
                    .collect();
                format!("{city}:{}", parts.join("、"))
            })
            .collect::<Vec<_>>()
            .join(";");
        crate::chart::stacked_bars(&crate::chart::StackedBarChart {
            id: "chart-overview-standards",
            title: "各城市主导或参与制修订标准(按层级)",
            desc: &format!("{desc}。"),
            unit: "项",
            series: levels.iter().map(String::as_str).collect(),
            stacks: per_city
                .iter()
                .map(|(city, rows)| crate::chart::Stack {
                    label: city,
                    values: levels
                        .iter()
                        .map(|l| rows.iter().find(|x| &x.level == l).map_or(0.0, |x| x.value))
                        .collect(),
                })
                .collect(),
        })
    });
    Overview {
        rows,
        status_chart,
        standards_chart,
        standards_table,
        standard_levels: levels,
    }
}

/// A page's city and related pages must exist.
fn check_page_references(
    page: &Page,
    content: &Content,
    data: &Data,
    diagnostics: &mut Diagnostics,
) {
    if let Some(city) = &page.meta.city {
        if data.city(city).is_none() {
            diagnostics.push(
                Diagnostic::new(&page.file, format!("unknown city \"{city}\""))
                    .hint("use the id of a city in data/cities (e.g. city = \"rizhao\")"),
            );
        }
    }
    for slug in &page.meta.related {
        if content.page_by_slug(slug).is_none() {
            diagnostics.push(
                Diagnostic::new(
                    &page.file,
                    format!("related page \"{slug}\" does not exist"),
                )
                .hint("use the slug of another page (its file name without .md, or its slug = …)"),
            );
        }
    }
}

/// Cities named by pages, documents named by `related` and by data sources must exist.
fn check_references(content: &Content, data: &Data, diagnostics: &mut Diagnostics) {
    for page in &content.pages {
        check_page_references(page, content, data, diagnostics);
    }
    check_data_references(content, data, diagnostics);
}

/// Documents named by data sources and plans must be pages of the site.
fn check_data_references(content: &Content, data: &Data, diagnostics: &mut Diagnostics) {
    for source in data.sources() {
        if content.page_by_slug(&source.document).is_none() {
            diagnostics.push(
                source
                    .loc
                    .error(format!(
                        "the source document \"{}\" is not a page of the site",
                        source.document
                    ))
                    .hint("use the slug of the page that states the figure"),
            );
        }
    }
    for ind in &data.indicators {
        if let (Some(plan), Some(loc)) = (&ind.plan, &ind.plan_loc) {
            if content.page_by_slug(plan).is_none() {
                diagnostics.push(
                    loc.error(format!("the plan \"{plan}\" is not a page of the site"))
                        .hint("use the slug of the plan's page"),
                );
            }
        }
    }
}

/// A page or section that names its own template must name one that exists.
fn check_page_templates(content: &Content, templates: &Templates, diagnostics: &mut Diagnostics) {
    let named = content
        .pages
        .iter()
        .map(|p| (&p.file, p.meta.template.as_ref()))
        .chain(
            content
                .sections
                .values()
                .filter_map(|s| Some((s.file.as_ref()?, s.meta.template.as_ref()))),
        );
    for (file, template) in named {
        if let Some(template) = template {
            if !templates.files.contains_key(template) {
                diagnostics.push(
                    Diagnostic::new(file, format!("the template \"{template}\" does not exist"))
                        .hint("use a template of the theme (page.html, section.html, …) or add it to templates/"),
                );
            }
        }
    }
}

fn trim_topics(page: &mut Page) {
    for topic in &mut page.meta.topics {
        *topic = topic.trim().to_string();
    }
}

fn related_both_ways(content: &Content) -> Vec<Vec<usize>> {
    let index: BTreeMap<&str, usize> = content
        .pages
        .iter()
        .enumerate()
        .map(|(i, p)| (p.slug.as_str(), i))
        .collect();
    let mut related = vec![Vec::new(); content.pages.len()];
    for (i, page) in content.pages.iter().enumerate() {
        for slug in &page.meta.related {
            if let Some(&j) = index.get(slug.as_str()) {
                if i != j {
                    if !related[i].contains(&j) {
                        related[i].push(j);
                    }
                    if !related[j].contains(&i) {
                        related[j].push(i);
                    }
                }
            }
        }
    }
    related
}

fn topics(content: &Content) -> BTreeMap<String, Vec<usize>> {
    let mut topics: BTreeMap<String, Vec<usize>> = BTreeMap::new();
    for (i, page) in content.pages.iter().enumerate() {
        for topic in &page.meta.topics {
            let members = topics.entry(topic.clone()).or_default();
            if !members.contains(&i) {
                members.push(i);
            }
        }
    }
    topics
}

/// The site's root folder shown in messages.
pub fn shown_root(root: &Path) -> String {
    root.display().to_string()
}
