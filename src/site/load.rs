//! Reading and checking the site: one sequence of steps for a whole build ([`Site::load`]) and
//! for reading a few edited files again ([`Site::reread`]). Every source is made Simplified as
//! it is read (see [`crate::simplify`]); then [`Site::finish`] checks what sources say of each
//! other and derives what pages share. Nothing is rendered here.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use super::{BuildOptions, Site};
use crate::config::Config;
use crate::content::{self, Content, Page, Parsed, ReadOptions};
use crate::data::{self, Data};
use crate::error::{Diagnostic, Diagnostics};
use crate::labels;
use crate::lists::Lists;
use crate::render::{self, Templates};
use crate::report::progress::{self, Stage};
use crate::script::{Converter, SiteDictionary};
use crate::simplify;
use crate::t;

/// What reading the sources again needs to know of the options of the first build.
pub(super) struct ReadSettings {
    read: ReadOptions,
    /// Files that failed to read: read again with every edit, so their problems stay reported
    /// (and their absence is not reported as something else) until they are fixed.
    broken: BTreeSet<PathBuf>,
}

/// What an edit needs: [`Site::reread`] can take edits to pages and data tables; anything else
/// (configuration, templates, the theme, the conversion dictionary, static files) needs the
/// whole site loaded again.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Reread {
    /// The edits were read; the site is up to date.
    Done,
    /// Something was edited that only a full [`Site::load`] takes in.
    NeedsFullLoad,
}

impl Site {
    /// Reads and checks the whole site (configuration, theme, `content/`, `data/`); the error holds
    /// the problems found.
    pub fn load(options: &BuildOptions) -> Result<Site, Diagnostics> {
        let _reading = progress::stage(Stage::Read);
        let root = &options.root;
        let mut config = Config::load(&root.join("config.toml"))?;
        if let Some(url) = &options.base_url {
            config.base_url = crate::config::base_url_option(url)?;
        }
        config.search &= options.search;
        let mut diagnostics = Diagnostics::default();
        let dictionary = SiteDictionary::load(root, &root.join("data/dictionary.toml"))
            .map_err(|d| diagnostics.push(d))
            .unwrap_or_default();
        // The theme's starter list of search synonyms, in the dictionary's own form.
        let theme_synonyms = SiteDictionary::load(
            root,
            &root
                .join("themes")
                .join(&config.theme)
                .join("synonyms.toml"),
        )
        .map_err(|d| diagnostics.push(d))
        .unwrap_or_default();
        let synonyms = crate::script::synonym_groups(&theme_synonyms, &dictionary);
        let converter = Converter::new(config.traditional_profile, &dictionary)
            .with_publish_form(config.traditional_publish.forms());
        simplify::config(&converter, &mut config);
        let read = ReadOptions {
            include_drafts: options.drafts,
            publish_until: (!options.future).then(crate::date::today_in_china),
            allow_raw_html: config.allow_raw_html,
            punctuation: config.typography.punctuation,
            base_path: config.base_path().to_string(),
        };
        let (data, data_problems) = read_data(root, &converter);
        // Enterprises and organisations the achievements name are proper names: kept as written
        // in both scripts, like the dictionary's `names`.
        let organisations =
            crate::script::organisation_names(data.achievements.iter().map(|a| a.name.as_str()));
        let converter = if organisations.is_empty() {
            converter
        } else {
            Converter::new(
                config.traditional_profile,
                &dictionary.with_names(organisations),
            )
            .with_publish_form(config.traditional_publish.forms())
        };
        // The theme needs nothing of the pages: it is read while they are, rather than on one
        // thread after them.
        let ((mut content, content_problems), (templates, labels)) = rayon::join(
            || content::load_partial(root, &read, &Simplify::new(&converter)),
            || {
                (
                    render::load(root, &config.theme),
                    labels::load(root, &config.theme, &converter),
                )
            },
        );
        cities_by_name(&mut content, &data);
        if let Ok(templates) = &templates {
            diagnostics.extend(labels::check_templates(templates));
        }
        let fine =
            diagnostics.is_empty() && data_problems.is_empty() && content_problems.is_empty();
        let (templates, labels) = match (templates, labels) {
            (Ok(t), Ok(l)) if fine => (t, l),
            (templates, labels) => {
                // What the sources that were read say of each other is checked too, in the same
                // pass, so every problem is reported at once; what was left out with a problem
                // is not reported again as missing.
                let unread = UnreadPages::of(root, &content_problems);
                diagnostics.extend(data_problems);
                diagnostics.extend(content_problems);
                diagnostics.extend(cross_checks(
                    &content,
                    &data,
                    templates.as_ref().ok(),
                    &unread,
                ));
                diagnostics.extend(templates.err().unwrap_or_default());
                diagnostics.extend(labels.err().unwrap_or_default());
                // The templates and the labels both find an unreadable theme folder.
                let mut said = std::collections::HashSet::new();
                diagnostics
                    .0
                    .retain(|d| said.insert((d.file.clone(), d.line, d.message.clone())));
                return Err(diagnostics);
            }
        };
        let templates_need_simplifying = templates
            .texts
            .values()
            .any(|t| converter.needs_simplifying(t));
        let mut site = Site {
            root: root.clone(),
            options: ReadSettings {
                read,
                broken: BTreeSet::new(),
            },
            config,
            content,
            data,
            converter,
            templates,
            labels,
            related: Vec::new(),
            lineage: Vec::new(),
            linked: Vec::new(),
            lists: Lists::default(),
            aliases: Vec::new(),
            route_paths: Vec::new(),
            links: Default::default(),
            templates_need_simplifying,
            synonyms,
            timings: Default::default(),
        };
        // `content::load_partial` finished the content already.
        site.finish_site(Diagnostics::default())?;
        Ok(site)
    }

    /// Reads the edited files (absolute paths) again the way [`Site::load`] reads them, then
    /// `Site::finish`es. New, removed and renamed pages are fine. On a problem, the site holds
    /// the sources as they are now (broken ones left out), so a later edit that fixes them
    /// carries on from there.
    pub fn reread(&mut self, changed: &[PathBuf]) -> Result<Reread, Diagnostics> {
        let mut pages = Vec::new();
        let mut tables = false;
        for path in changed {
            let Ok(rel) = path.strip_prefix(&self.root) else {
                return Ok(Reread::NeedsFullLoad);
            };
            // Markdown pages, Word files and their sidecars, PDFs (the 下载原件 of a page of
            // their name, or a mistake to report).
            let is_page_source = !matches!(
                crate::content::word::what(path),
                crate::content::word::What::Other
            );
            if rel.starts_with("content") && is_page_source {
                pages.push(path.clone());
            } else if rel.starts_with("data") && rel != Path::new("data/dictionary.toml") {
                tables = true;
            } else {
                return Ok(Reread::NeedsFullLoad);
            }
        }
        let mut diagnostics = Diagnostics::default();
        if tables {
            let (data, problems) = read_data(&self.root, &self.converter);
            if problems.is_empty() {
                self.data = data;
            } else {
                diagnostics.extend(problems);
            }
        }
        pages.extend(self.options.broken.iter().map(|rel| self.root.join(rel)));
        pages.sort();
        pages.dedup();
        if !pages.is_empty() {
            let converter = &self.converter;
            let read = self.options.read.clone();
            let problems = self
                .content
                .read(&self.root, &pages, &read, &Simplify::new(converter));
            self.options.broken = problems.0.iter().map(|d| d.file.clone()).collect();
            diagnostics.extend(problems);
        }
        if !diagnostics.is_empty() {
            return Err(diagnostics);
        }
        let published = self.links.files.clone();
        self.finish()?;
        // Files are published by a whole build: a page that links to a file of `content/` no
        // page linked to before needs one.
        if self.links.files != published {
            return Ok(Reread::NeedsFullLoad);
        }
        Ok(Reread::Done)
    }

    /// The steps after reading, the same for a whole build and an edit: orders and indexes the
    /// pages, checks what sources say of each other (cities, related pages, sources of figures,
    /// plans, templates, shortcodes), and derives related pages both ways and topics.
    fn finish(&mut self) -> Result<(), Diagnostics> {
        let diagnostics = self.content.finish();
        self.finish_site(diagnostics)
    }

    /// [`Site::finish`] once the content is finished (`diagnostics`: what that found).
    fn finish_site(&mut self, mut diagnostics: Diagnostics) -> Result<(), Diagnostics> {
        // A folder without `_index.md` is titled with its name, which may be Traditional.
        for section in self
            .content
            .sections
            .values_mut()
            .filter(|s| s.file.is_none())
        {
            section.meta.title = self.converter.simplified(&section.meta.title).into_owned();
        }
        // The lists and the checks only read the pages: derived side by side.
        let (content, data) = (&self.content, &self.data);
        let ((checks, related, lineage, aliases), lists) = rayon::join(
            || {
                (
                    cross_checks(
                        content,
                        data,
                        Some(&self.templates),
                        &UnreadPages::default(),
                    ),
                    related_both_ways(content),
                    super::lineage::lineages(content),
                    super::aliases::aliases(content),
                )
            },
            || Lists::derive(content, data),
        );
        diagnostics.extend(checks);
        self.linked = linked(&related, &lineage);
        (self.related, self.lineage, self.lists, self.aliases) = (related, lineage, lists, aliases);
        self.route_paths = self.make_route_paths();
        diagnostics.extend(self.resolve_links());
        diagnostics.into_result(())
    }
}

/// Every page and section is made Simplified as it is read, and counted as published.
struct Simplify<'c> {
    converter: &'c Converter,
    /// The same through OpenCC's Taiwan phrases (tw2sp), for sources with Taiwan vocabulary.
    from_taiwan: Converter,
}

impl<'c> Simplify<'c> {
    fn new(converter: &'c Converter) -> Self {
        Simplify {
            converter,
            from_taiwan: converter.from_taiwan(),
        }
    }
}

impl content::Prepare for Simplify<'_> {
    fn as_published<'t>(&self, text: &'t str, taiwan: bool) -> std::borrow::Cow<'t, str> {
        if taiwan {
            self.from_taiwan.simplified(text)
        } else {
            self.converter.simplified(text)
        }
    }

    fn reads_as_taiwan(&self, text: &str) -> bool {
        Converter::reads_as_taiwan(text)
    }

    fn prepare(&self, parsed: &mut Parsed) -> Result<(), Diagnostic> {
        match parsed {
            Parsed::Page(page) => simplify::page(self.converter, page),
            Parsed::Section(section) => simplify::section(self.converter, section),
        }
    }
}

/// A city a page or an `indicator` shortcode names by its name (`枣庄市`, `枣庄`), written as
/// its id, as in the data tables; a name of two cities stays as written and is reported as
/// unknown with the cities' ids in the hint.
fn cities_by_name(content: &mut Content, data: &Data) {
    let id = |text: &str| match data.city_id(text) {
        Ok(Some(id)) if id != text => Some(id.to_string()),
        _ => None,
    };
    for page in &mut content.pages {
        if let Some(city) = page.meta.city.as_deref().and_then(id) {
            page.meta.city = Some(city);
        }
        for call in page.shortcodes.iter_mut().filter(|c| c.name == "indicator") {
            if let Some(city) = call.args.get("city").and_then(|c| id(c)) {
                call.args.insert("city".into(), city);
            }
        }
    }
}

/// The data that could be read, made Simplified, and the problems found reading it.
fn read_data(root: &Path, converter: &Converter) -> (Data, Diagnostics) {
    let (mut data, problems) = data::load_partial(root);
    simplify::data(converter, &mut data);
    (data, problems)
}

/// What the sources say of each other: pages of cities, related pages, sources of figures and
/// plans, templates and shortcodes (those only when the templates could be read).
fn cross_checks(
    content: &Content,
    data: &Data,
    templates: Option<&Templates>,
    unread: &UnreadPages,
) -> Diagnostics {
    let mut diagnostics = Diagnostics::default();
    check_references(content, data, unread, &mut diagnostics);
    if let Some(templates) = templates {
        check_templates(content, templates, &mut diagnostics);
        for page in content.pages.iter().filter(|p| !p.shortcodes.is_empty()) {
            diagnostics.extend(crate::shortcodes::check(page, data, templates));
        }
    }
    diagnostics
}

/// The pages that could not be read, reported already: a slug one of them may have is not
/// reported again as naming no page.
#[derive(Default)]
struct UnreadPages {
    /// The content folder or a folder in it could not be read: any slug may be missing for that.
    everything: bool,
    /// File names without `.md`, and the text of each file (its `slug = "…"` may be any).
    stems: BTreeSet<String>,
    texts: Vec<String>,
}

impl UnreadPages {
    fn of(root: &Path, problems: &Diagnostics) -> Self {
        let mut unread = UnreadPages::default();
        for file in problems.iter().map(|d| &d.file) {
            let is_page = file.extension().is_some_and(|e| e == "md");
            if file == Path::new("content") || (file.starts_with("content") && !is_page) {
                // The content folder, or a folder in it that could not be read (or whose name
                // is not text, or a link out of the site): any page may be in it.
                unread.everything = true;
            } else if file.starts_with("content") {
                if let Some(stem) = file.file_stem() {
                    unread.stems.insert(stem.to_string_lossy().into_owned());
                }
                // Read like any page: a link out of the site, a pipe or `/dev/zero` is not.
                let path = root.join(file);
                if let Ok(bytes) = crate::read::source(root, &path, crate::read::Kind::Page) {
                    unread
                        .texts
                        .push(String::from_utf8_lossy(&bytes).into_owned());
                }
            }
        }
        unread
    }

    fn may_have(&self, slug: &str) -> bool {
        self.everything
            || self.stems.contains(slug)
            || self
                .texts
                .iter()
                .any(|t| t.contains(&format!("\"{slug}\"")) || t.contains(&format!("'{slug}'")))
    }
}

/// A page's city and related pages must exist.
fn check_page_references(
    page: &Page,
    content: &Content,
    data: &Data,
    unread: &UnreadPages,
    diagnostics: &mut Diagnostics,
) {
    if let Some(city) = &page.meta.city {
        if data.city(city).is_none() && !data.gaps.may_have_city(city) {
            diagnostics.push(
                Diagnostic::new(&page.file, t!("page-unknown-city", city = city))
                    .at_line(page.lines.city)
                    .hint(data::city_hint(data, city)),
            );
        }
    }
    for (i, slug) in page.meta.related.iter().enumerate() {
        if let Some(hint) = missing_page_hint(content, unread, slug) {
            diagnostics.push(
                Diagnostic::new(&page.file, t!("page-related-missing", slug = slug))
                    .at_line(page.lines.related.get(i).copied().unwrap_or(1))
                    .hint(hint),
            );
        }
    }
}

/// When `slug` names no page (read, unread with a problem, or scheduled): the hint naming the
/// nearest page, shared by `related`, `superseded_by` and `amends`.
fn missing_page_hint(content: &Content, unread: &UnreadPages, slug: &str) -> Option<String> {
    if content.page_by_slug(slug).is_some() || unread.may_have(slug) || is_scheduled(content, slug)
    {
        return None;
    }
    let slugs = content.pages.iter().map(|p| p.slug.as_str());
    Some(match crate::nearest::closest(slug, slugs) {
        Some(near) => t!("page-related-missing-near", near = near),
        None => t!("page-related-missing-hint"),
    })
}

/// The documents a page says replace it or it amends must exist.
fn check_lineage_references(
    page: &Page,
    content: &Content,
    unread: &UnreadPages,
    diagnostics: &mut Diagnostics,
) {
    let named = page
        .meta
        .superseded_by
        .iter()
        .map(|s| (s, page.lines.superseded_by))
        .chain(page.meta.amends.iter().map(|s| (s, page.lines.amends)));
    for (slug, line) in named {
        if let Some(hint) = missing_page_hint(content, unread, slug) {
            diagnostics.push(
                Diagnostic::new(&page.file, t!("page-lineage-missing", slug = slug))
                    .at_line(line)
                    .hint(hint),
            );
        }
    }
}

/// A page left out until its day: what names it is linked with it from that day on.
fn is_scheduled(content: &Content, slug: &str) -> bool {
    content.scheduled.iter().any(|s| s.slug == slug)
}

/// Cities named by pages, documents named by `related`, by data sources and by plans must exist.
fn check_references(
    content: &Content,
    data: &Data,
    unread: &UnreadPages,
    diagnostics: &mut Diagnostics,
) {
    for page in &content.pages {
        check_page_references(page, content, data, unread, diagnostics);
        check_lineage_references(page, content, unread, diagnostics);
    }
    super::lineage::check(content, diagnostics);
    for source in data.sources() {
        if content.page_by_slug(&source.document).is_none()
            && !unread.may_have(&source.document)
            && !is_scheduled(content, &source.document)
        {
            diagnostics.push(
                source
                    .loc
                    .error(t!("data-source-not-a-page", document = &source.document))
                    .hint(t!("data-source-not-a-page-hint")),
            );
        }
    }
    for ind in &data.indicators {
        if let (Some(plan), Some(loc)) = (&ind.plan, &ind.plan_loc) {
            if content.page_by_slug(plan).is_none()
                && !unread.may_have(plan)
                && !is_scheduled(content, plan)
            {
                diagnostics.push(
                    loc.error(t!("data-plan-not-a-page", plan = plan))
                        .hint(t!("data-plan-not-a-page-hint")),
                );
            }
        }
    }
}

/// A page or section that names its own template must name one that exists.
fn check_templates(content: &Content, templates: &Templates, diagnostics: &mut Diagnostics) {
    let named = content
        .pages
        .iter()
        .map(|p| (&p.file, p.meta.template.as_ref()))
        .chain(content.sections.values().flat_map(|s| {
            let templates = [s.meta.template.as_ref(), s.meta.page_template.as_ref()];
            s.file
                .as_ref()
                .into_iter()
                .flat_map(move |f| templates.map(|t| (f, t)))
        }));
    for (file, template) in named {
        if let Some(template) = template {
            if !templates.files.contains_key(template) {
                diagnostics.push(
                    Diagnostic::new(file, t!("page-template-missing", template = template))
                        .hint(t!("page-template-missing-hint")),
                );
            }
        }
    }
}

/// Per page, every page whose title or address it shows beside its own: related pages and
/// documents of its lineage, either way (an edit to one renders the other again).
fn linked(related: &[Vec<usize>], lineage: &[super::lineage::Lineage]) -> Vec<Vec<usize>> {
    related
        .iter()
        .zip(lineage)
        .map(|(related, lineage)| {
            let mut linked = related.clone();
            for j in lineage.all() {
                if !linked.contains(&j) {
                    linked.push(j);
                }
            }
            linked
        })
        .collect()
}

fn related_both_ways(content: &Content) -> Vec<Vec<usize>> {
    let mut related = vec![Vec::new(); content.pages.len()];
    for (i, page) in content.pages.iter().enumerate() {
        for slug in &page.meta.related {
            if let Some(j) = content.index_of_slug(slug) {
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
