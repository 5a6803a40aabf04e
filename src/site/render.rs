//! Rendering: every [`Producer`] of files (a route, or one of the files made from the whole
//! site) made in parallel, each route put in both scripts, and the files handed to the writer
//! (or to memory) as soon as they are ready.

use std::sync::Mutex;

use rayon::prelude::*;
use serde::Serialize;

use super::context::{may_be_searched, Route, Shared};
use super::feeds;
use super::{RouteKey, Site};
use crate::config::Config;
use crate::error::{Diagnostic, Diagnostics};
use crate::output::OutputFile;
use crate::report::progress::{self, Stage};
use crate::script::html::convert_html;
use crate::script::Script;
use crate::search::{SearchDoc, SearchIndex};
use crate::shortcodes;
use crate::sync::{into_inner, lock};
use crate::views::{Dep, Reader, Views};

/// Where rendered files go: the output writer, or memory. Called from many threads at once.
pub type Emit<'a> = dyn Fn(OutputFile) -> Result<(), Diagnostic> + Sync + 'a;

/// Something files are made from.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Producer {
    /// A route of the site (see [`RouteKey`]).
    Route(RouteKey),
    /// The Atom feed of each script.
    Feeds,
    /// `sitemap.xml` and `robots.txt`.
    Sitemap,
    /// A target's data as CSV (by index).
    IndicatorCsv(usize),
    /// A city's achievements as CSV (by index).
    AchievementsCsv(usize),
}

/// What rendering some producers made, besides the files.
#[derive(Default)]
pub(super) struct Produced {
    /// When search is on, per route rendered: its path and its search document (`None` when
    /// it is not searchable).
    pub searchable: Vec<(String, Option<SearchDoc>)>,
    /// The search index of the whole site, after a whole render with search on.
    pub index: Option<SearchIndex>,
    /// Per producer (by its place in the list rendered): what it read and the files it made
    /// (when recording).
    pub records: Vec<(usize, Vec<Dep>, Vec<String>)>,
}

#[derive(Serialize)]
struct ConfigView<'a> {
    title: &'a str,
    description: &'a str,
    base_url: &'a str,
    footer: crate::views::footer::FooterView<'a>,
    favicon: &'a str,
    extra: &'a toml::Table,
    /// Whether the build writes the search index: the header's box then suggests while typing.
    search: bool,
}

impl<'a> From<&'a Config> for ConfigView<'a> {
    fn from(c: &'a Config) -> Self {
        ConfigView {
            title: &c.title,
            description: &c.description,
            base_url: &c.base_url,
            footer: (&c.footer).into(),
            favicon: &c.favicon,
            extra: &c.extra,
            search: c.search,
        }
    }
}

#[derive(Serialize)]
struct AlternateView<'a> {
    lang: &'a str,
    name: &'a str,
    path: &'a str,
}

#[derive(Serialize)]
struct HreflangView {
    lang: &'static str,
    href: String,
}

impl Site {
    /// Everything the site makes files from, in a fixed order.
    pub fn producers(&self) -> Vec<Producer> {
        let mut producers: Vec<Producer> =
            self.route_keys().into_iter().map(Producer::Route).collect();
        producers.extend((0..self.data.indicators.len()).map(Producer::IndicatorCsv));
        producers.extend((0..self.data.cities.len()).map(Producer::AchievementsCsv));
        producers.extend([Producer::Feeds, Producer::Sitemap]);
        producers
    }

    /// What a producer is across builds (its indexes are not): the path it is published at.
    pub fn identity(&self, producer: &Producer) -> String {
        match producer {
            Producer::Route(key) => self.route_path(key),
            Producer::Feeds => "atom.xml".into(),
            Producer::Sitemap => "sitemap.xml".into(),
            Producer::IndicatorCsv(i) => {
                format!(
                    "{}data.csv",
                    crate::views::indicator_path(&self.data.indicators[*i])
                )
            }
            Producer::AchievementsCsv(i) => format!(
                "{}achievements.csv",
                crate::lists::city_path(&self.data.cities[*i].id)
            ),
        }
    }

    /// Renders one route in both scripts: the finished HTML of each.
    ///
    /// With a theme that only prints the script values (see [`crate::render::neutral`]), Tera
    /// renders the page once with a marker for each, filled in per script; otherwise once per
    /// script. Either way each script's page is then converted.
    fn render_both(&self, route: &mut Route) -> Result<[String; 2], Diagnostic> {
        let values = Script::ALL.map(|script| self.script_values(route, script));
        // A filled value is written as it is: one that HTML escaping would change (a `&` in a
        // path) is left to Tera, which escapes what it writes.
        let fill_safe = values.iter().flatten().all(|v| {
            !v.bytes()
                .any(|b| matches!(b, b'&' | b'<' | b'>' | b'"' | b'\''))
        });
        if !(self.templates.script_neutral && fill_safe) {
            let [hans, hant] = Script::ALL.map(|script| {
                self.script_context(route, &values[script as usize]);
                self.render_template(route)
                    .and_then(|html| self.finish_page(route, script, html))
            });
            return Ok([hans?, hant?]);
        }
        let markers = crate::render::neutral::markers();
        self.script_context(route, &markers);
        let html = self.render_template(route)?;
        let [hans, hant] = Script::ALL.map(|script| {
            let values = &values[script as usize];
            let filled =
                crate::render::neutral::fill(&html, &values.each_ref().map(String::as_str));
            self.finish_page(route, script, filled)
        });
        Ok([hans?, hant?])
    }

    /// The route's template rendered with its context as it stands.
    fn render_template(&self, route: &Route) -> Result<String, Diagnostic> {
        self.timings
            .template(|| self.templates.tera.render(&route.template, &route.context))
            .map_err(|e| crate::render::template_error(&self.templates.files, &e))
    }

    /// A rendered page made one script's: the root of shortcodes' links put in, the text
    /// converted.
    fn finish_page(
        &self,
        route: &Route,
        script: Script,
        html: String,
    ) -> Result<String, Diagnostic> {
        let html = if html.contains(shortcodes::ROOT_MARKER) {
            shortcodes::replace_root_marker(&html, &self.script_root(script))
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

    /// The context values that differ between the scripts, for `script`, in the order of
    /// [`crate::render::neutral::SCRIPT_VALUES`].
    pub(super) fn script_values(&self, route: &Route, script: Script) -> [String; 6] {
        let other = script.other();
        [
            script.lang().to_string(),
            self.script_root(script),
            self.absolute_url(script, &route.path),
            other.lang().to_string(),
            self.labels.script_name(other).to_string(),
            format!("{}{}", self.script_root(other), route.path),
        ]
    }

    /// Puts a script's values in a route's context (replacing the other script's), in the
    /// order of [`crate::render::neutral::SCRIPT_VALUES`], with what both scripts share.
    pub(super) fn script_context(&self, route: &mut Route, values: &[String; 6]) {
        let context = &mut route.context;
        let [lang, root, canonical, alternate_lang, alternate_name, alternate_path] = values;
        context.insert("config", &ConfigView::from(&self.config));
        context.insert("lang", lang);
        context.insert("root", root);
        context.insert("base_path", self.config.base_path());
        context.insert("current_path", &route.path);
        context.insert("canonical", canonical);
        context.insert("page_title", &route.title);
        context.insert(
            "alternate",
            &AlternateView {
                lang: alternate_lang,
                name: alternate_name,
                path: alternate_path,
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
    }

    /// The files of one producer, read from `reader`, handed to `emit`; a route's search
    /// document (when search is on) goes to `searched`.
    fn produce(
        &self,
        reader: &Reader<'_>,
        shared: &mut Shared,
        producer: &Producer,
        emit: &dyn Fn(OutputFile) -> Result<(), Diagnostic>,
        searched: &dyn Fn(String, Option<SearchDoc>),
    ) -> Result<(), Diagnostic> {
        let files = match producer {
            Producer::Route(key) => {
                let mut route = self.route(reader, key)?;
                shared.lend(self, reader, &mut route);
                let searchable = route
                    .context
                    .get("searchable")
                    .is_some_and(|v| v.as_bool() == Some(true));
                let rendered = self.render_both(&mut route);
                shared.take_back(&mut route);
                let [hans, hant] = rendered?;
                if self.config.search {
                    let doc = searchable
                        .then(|| {
                            self.timings
                                .search(|| self.search_doc(key, &route, [&hans, &hant]))
                        })
                        .flatten();
                    searched(route.path.clone(), doc);
                }
                for (script, html) in Script::ALL.into_iter().zip([hans, hant]) {
                    emit(OutputFile {
                        path: self.output_path(&route.path, script),
                        bytes: html.into_bytes(),
                    })?;
                }
                // Its own files, once for both scripts, beside the default script's page.
                if let RouteKey::Page(i) = key {
                    let page = &self.content.pages[*i];
                    for file in &page.files {
                        emit(OutputFile {
                            path: format!(
                                "{}{}{}",
                                self.script_prefix(self.config.default_script),
                                page.path,
                                file.name
                            ),
                            bytes: file.bytes.to_vec(),
                        })?;
                    }
                }
                progress::advance(Stage::Render, 1);
                return Ok(());
            }
            Producer::Feeds => feeds::atom_feeds(self, reader),
            Producer::Sitemap => feeds::sitemap_and_robots(self, reader),
            Producer::IndicatorCsv(i) => feeds::indicator_csv(self, reader, *i),
            Producer::AchievementsCsv(i) => feeds::achievements_csv(self, reader, *i),
        };
        files.into_iter().try_for_each(emit)
    }

    /// Renders `producers`, handing each file to `emit` as soon as it is ready, in parallel.
    /// With `record`, writes down what each producer read and made (for serve's next edit).
    pub(super) fn render_producers(
        &self,
        views: &Views,
        producers: &[Producer],
        emit: &Emit,
        record: bool,
    ) -> Result<Produced, Diagnostics> {
        let produced = Mutex::new(Produced::default());
        let problems = Mutex::new(Diagnostics::default());
        producers.par_iter().enumerate().for_each_init(
            Shared::default,
            |shared, (index, producer)| {
                let reader = if record {
                    views.recording_reader()
                } else {
                    views.reader()
                };
                let made = Mutex::new(Vec::new());
                let searched = |path: String, doc: Option<SearchDoc>| {
                    lock(&produced).searchable.push((path, doc));
                };
                let result = self.produce(
                    &reader,
                    shared,
                    producer,
                    &|file| {
                        if record {
                            lock(&made).push(file.path.clone());
                        }
                        emit(file)
                    },
                    &searched,
                );
                match result {
                    Ok(()) if record => {
                        let made = into_inner(made);
                        lock(&produced)
                            .records
                            .push((index, reader.into_reads(), made));
                    }
                    Ok(()) => {}
                    Err(d) => {
                        let mut problems = lock(&problems);
                        // The same template error fails every page that uses it: report it once.
                        if !problems.0.iter().any(|x| x.message == d.message) {
                            problems.push(d);
                        }
                    }
                }
            },
        );
        let problems = into_inner(problems);
        if !problems.is_empty() {
            return Err(problems);
        }
        let mut produced = into_inner(produced);
        produced.searchable.sort_by(|a, b| a.0.cmp(&b.0));
        Ok(produced)
    }

    /// Renders the whole site, handing every output file to `emit` as soon as it is ready:
    /// pages are written while others render, so memory holds a few pages, not the site.
    pub fn render_into(&self, emit: &Emit) -> Result<(), Diagnostics> {
        self.render_recorded(emit, false).map(|_| ())
    }

    /// [`Site::render_into`], also returning the views and what each producer read and made
    /// when `record` (serve keeps them for its next edit).
    pub(super) fn render_recorded(
        &self,
        emit: &Emit,
        record: bool,
    ) -> Result<(Views, Produced), Diagnostics> {
        // Every path is known and checked before the first file is written.
        self.timings.stage("paths", || self.check_paths())?;
        let views = self.timings.stage("views", || self.views());
        let producers = self.producers();
        let started = std::time::Instant::now();
        let rendering = progress::stage(Stage::Render);
        let pages = producers.iter().filter(|p| matches!(p, Producer::Route(_)));
        progress::total(Stage::Render, pages.count() as u64);
        // With search on, the routes search finds render first; the index is then assembled
        // and written while the other routes render. Done after them, its writing and the
        // serial parts of its assembly left a core idle.
        let search = self.config.search;
        let (first, rest): (Vec<usize>, Vec<usize>) = (0..producers.len()).partition(|&i| {
            !search || matches!(&producers[i], Producer::Route(key) if may_be_searched(key))
        });
        let render = |selection: &[usize]| {
            let chosen: Vec<Producer> = selection.iter().map(|&i| producers[i].clone()).collect();
            let mut produced = self.render_producers(&views, &chosen, emit, record)?;
            for record in &mut produced.records {
                record.0 = selection[record.0];
            }
            Ok::<_, Diagnostics>(produced)
        };
        let mut produced = render(&first)?;
        if search {
            let docs = std::mem::take(&mut produced.searchable)
                .into_iter()
                .filter_map(|(_, doc)| doc)
                .collect();
            let (others, index) =
                rayon::join(|| render(&rest), || self.search_index(docs, emit, record));
            let (others, index) = match (others, index) {
                (Ok(others), Ok(index)) => (others, index),
                (Err(mut problems), Err(more)) => {
                    problems.0.extend(more.0);
                    return Err(problems);
                }
                (Err(problems), _) | (_, Err(problems)) => return Err(problems),
            };
            // Only the routes rendered first can be searchable: the index has been made.
            debug_assert!(others.searchable.iter().all(|(_, doc)| doc.is_none()));
            produced.records.extend(others.records);
            produced.index = index;
        }
        drop(rendering);
        self.timings.record("render", started.elapsed());
        self.timings
            .stage("extras", || -> Result<(), Diagnostics> {
                crate::output::static_files(&self.root, &self.config.theme)?
                    .into_iter()
                    .try_for_each(emit)
                    .map_err(Diagnostics::from)?;
                // Files of `content/` (a page's folder, what pages link to): once, for both
                // scripts.
                for (path, source) in &self.links.files {
                    let bytes = crate::read::source(&self.root, source, crate::read::Kind::Static)?;
                    emit(OutputFile {
                        path: path.clone(),
                        bytes,
                    })?;
                }
                Ok(())
            })?;
        Ok((views, produced))
    }

    /// Assembles the search index of `docs` and hands its files to `emit`; keeps the index
    /// when `record` (serve patches it after an edit).
    fn search_index(
        &self,
        docs: Vec<SearchDoc>,
        emit: &Emit,
        record: bool,
    ) -> Result<Option<SearchIndex>, Diagnostics> {
        let _indexing = progress::stage(Stage::Index);
        let mut index = SearchIndex::with_docs(self.search_site_info(), docs);
        let (files, kept) = self.timings.stage("index", || {
            if record {
                (index.files_for_edits(), Some(index))
            } else {
                (index.files(), None)
            }
        });
        self.timings
            .stage("index_write", || files.into_iter().try_for_each(emit))?;
        Ok(kept)
    }

    /// Every output file of the site, in memory and sorted by path (check).
    pub fn render_all(&self) -> Result<Vec<OutputFile>, Diagnostics> {
        let files = Mutex::new(Vec::new());
        self.render_into(&|file| {
            lock(&files).push(file);
            Ok(())
        })?;
        let mut files = into_inner(files);
        files.sort_by(|a, b| a.path.cmp(&b.path));
        Ok(files)
    }
}
