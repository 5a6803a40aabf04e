//! Every place where a test reaches into a loaded [`Site`] (its `content`, `data` and
//! `converter`), kept in one file: tests call these functions.
//!
//! Other library API the tests use (`Site::load`, `Site::render_all`, `Site::render_into`,
//! `serve::Rebuilder`, `output::Publisher` …) are public methods and types, listed in
//! tests/it/README.md.

use std::path::Path;

use stdportal::content::Page;
use stdportal::data::Data;
use stdportal::script::Converter;
pub use stdportal::site::{BuildOptions, Site};

/// Loads the site at `root` (no base URL override, no drafts).
pub fn load(root: &Path, search: bool) -> Site {
    Site::load(&BuildOptions {
        root: root.to_path_buf(),
        base_url: None,
        drafts: false,
        future: false,
        search,
    })
    .unwrap_or_else(|d| panic!("{} does not load:\n{d}", root.display()))
}

/// The site's pages, drafts left out.
pub fn pages(site: &Site) -> &[Page] {
    &site.content().pages
}

pub fn page_by_slug<'a>(site: &'a Site, slug: &str) -> Option<&'a Page> {
    site.content().page_by_slug(slug)
}

/// The data tables (cities, indicators, observations, achievements).
pub fn data(site: &Site) -> &Data {
    site.data()
}

/// The site's Simplified ↔ Traditional converter (with its dictionary).
pub fn converter(site: &Site) -> &Converter {
    site.converter()
}
