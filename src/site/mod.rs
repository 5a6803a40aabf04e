//! The whole build as one value, stage by stage:
//!
//! - `load`: read and check every source (configuration, data, pages, templates) and derive
//!   what pages share (related pages both ways, topics). Nothing is rendered here. `serve`
//!   reads edited files again through the same steps ([`Site::reread`]).
//! - `routes`: every page of the site and where it is published; `claims` checks all
//!   those paths before anything is written.
//! - `context`: what each route's template receives, read from the `Views` through a
//!   `Reader` (in `views`) that can write down what it read.
//! - `render`: templates, then the script conversion; files are handed over as they are
//!   made, in parallel.
//! - `incremental`: after an edit, render again exactly the routes whose reads changed.

mod aliases;
mod claims;
mod context;
mod contract;
mod feeds;
pub(crate) mod incremental;
mod lineage;
mod links;
mod load;
mod render;
mod routes;
mod search;

use std::path::{Path, PathBuf};

use crate::config::Config;
use crate::content::Content;
use crate::data::Data;
use crate::labels::Labels;
use crate::lists::Lists;
use crate::render::Templates;
use crate::script::Converter;
use crate::timings::Timings;
use crate::views::{Sources, Views};

pub use aliases::Alias;
pub use contract::{contract_paths, documented_paths};
pub use load::Reread;
pub use render::{Emit, Producer};
pub use routes::RouteKey;

/// What a build of the site is asked: its folder, a base URL, drafts, scheduled pages, search.
pub struct BuildOptions {
    /// The site's folder (where `config.toml` is).
    pub root: PathBuf,
    /// `--base-url`: replaces `config.toml`'s `base_url` (e.g. for a preview address); `None` keeps
    /// it.
    pub base_url: Option<String>,
    /// Build draft pages too (`--drafts`).
    pub drafts: bool,
    /// Publish pages dated after today too (`--future`): otherwise they are scheduled.
    pub future: bool,
    /// Build the search index (when the configuration does not turn search off).
    pub search: bool,
}

/// Everything a build needs, read and checked.
pub struct Site {
    root: PathBuf,
    options: load::ReadSettings,
    config: Config,
    content: Content,
    data: Data,
    converter: Converter,
    templates: Templates,
    /// The words the code writes on pages: the theme's, with the site's overrides.
    labels: Labels,
    /// Per page, the pages it is linked with (both directions of `related`).
    related: Vec<Vec<usize>>,
    /// Per page, the documents that replace or amend it and those it replaces or amends.
    lineage: Vec<lineage::Lineage>,
    /// Per page, `related` and `lineage` together: the pages whose titles it shows.
    linked: Vec<Vec<usize>>,
    /// The lists of pages: sections, topics, taxonomies, cities' documents, the catalogue.
    lists: Lists,
    /// Earlier addresses of pages and sections.
    aliases: Vec<Alias>,
    /// Where every route is published, in route order: made each time the site is finished,
    /// once (serve compares them and resolves links against them after every edit).
    route_paths: Vec<String>,
    /// What the links of pages and sections lead to: the files of `content/` published.
    links: links::Resolved,
    /// Whether the templates hold Traditional text (every other source is made Simplified at
    /// load): then pages are made Simplified after rendering too.
    templates_need_simplifying: bool,
    /// Groups of words site search treats as one (the theme's `synonyms.toml`, then
    /// `[search.synonyms]` of `data/dictionary.toml`).
    synonyms: Vec<Vec<String>>,
    /// Where this build spent its time.
    timings: Timings,
}

impl Site {
    pub(crate) fn root(&self) -> &Path {
        &self.root
    }

    pub(crate) fn config(&self) -> &Config {
        &self.config
    }

    /// The Markdown pages and sections read from `content/`.
    pub fn content(&self) -> &Content {
        &self.content
    }

    /// Lets go of each page's Markdown source, kept after reading for `check` (which quotes
    /// it) and to place a shortcode's error: a build that only publishes needs it for pages
    /// with shortcodes alone. At 10k pages that is 25 MB of the peak.
    pub fn forget_sources(&mut self) {
        for page in &mut self.content.pages {
            if page.shortcodes.is_empty() {
                page.raw = String::new();
            }
        }
    }

    /// The data tables read from `data/`.
    pub fn data(&self) -> &Data {
        &self.data
    }

    /// The site's Simplified ↔ Traditional converter (its OpenCC profile and dictionary).
    pub fn converter(&self) -> &Converter {
        &self.converter
    }

    /// The words the theme shows: its labels, with the site's overrides.
    pub fn labels(&self) -> &Labels {
        &self.labels
    }

    /// Where this build spent its time (`build --timings`).
    pub fn timings(&self) -> &Timings {
        &self.timings
    }

    /// The pages linked with a page (both directions of `related`).
    pub fn related(&self, page: usize) -> &[usize] {
        &self.related[page]
    }

    /// Whether the search index is built.
    pub fn search(&self) -> bool {
        self.config.search
    }

    /// What the list pages show: made once per build (and again by serve after an edit),
    /// shared by every route.
    pub fn views(&self) -> Views {
        Views::build(self.view_sources(), None)
    }

    /// The views after an edit, taking what did not change from `previous`.
    pub fn views_after(&self, previous: &Views) -> Views {
        Views::build(self.view_sources(), Some(previous))
    }

    fn view_sources(&self) -> Sources<'_> {
        Sources {
            content: &self.content,
            data: &self.data,
            related: &self.linked,
            lists: &self.lists,
            nav: self.nav(),
            has: self.has(),
            labels: &self.labels,
            data_as_of: self.config.data_as_of,
        }
    }
}
