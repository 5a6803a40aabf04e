//! Every path the site will write, claimed before anything is written (see
//! [`crate::output::claims`]): pages and lists in both scripts, data downloads, feeds, static
//! files, and the trees kept for the other script's pages (which mirror the default script's)
//! and the search index.

use crate::deferred;
use crate::error::Diagnostics;
use crate::output::claims::{Claimant, Claims};

use super::{RouteKey, Site};
use crate::lists::ListKey;

/// Which page of a list claims a path: the list's first page (named by what it lists) or a
/// later page of it.
#[derive(Clone, Copy)]
enum Which {
    First,
    Later,
}

impl Which {
    /// The value of `$which` in the catalogues' list claimants.
    fn arg(self) -> &'static str {
        match self {
            Which::First => "first",
            Which::Later => "later",
        }
    }
}

impl Site {
    /// Checks that every output path can be written and has one source only.
    pub fn check_paths(&self) -> Result<(), Diagnostics> {
        let mut claims = Claims::default();
        let other = self.config.default_script.other();
        claims.reserve(
            &format!("{}/", other.dir()),
            Claimant::built_in(deferred!(
                "output-claimant-script-pages",
                script = other.native_name()
            )),
        );
        claims.reserve(
            &format!("{}/", crate::search::INDEX_DIR),
            Claimant::built_in(deferred!("output-claimant-search-index")),
        );
        // The other script's pages mirror these under their own folder: a clash there is the
        // same clash, reported once.
        let script = self.config.default_script;
        for key in self.route_keys() {
            let path = self.output_path(&self.route_path(&key), script);
            claims.claim(&path, self.claimant(&key));
        }
        // A page's own files (its 下载原件, its Word file's pictures): one copy, beside the
        // default script's page.
        for page in &self.content.pages {
            for file in &page.files {
                claims.claim(
                    &format!("{}{}", page.path, file.name),
                    Claimant::source(
                        &page.file,
                        None,
                        deferred!("output-claimant-page-file", name = &file.name),
                        deferred!("output-hint-page-file"),
                    ),
                );
            }
        }
        for (i, indicator) in self.data.indicators.iter().enumerate() {
            let path = format!("{}data.csv", crate::views::indicator_path(indicator));
            claims.claim(&path, self.claimant(&RouteKey::Indicator(i)));
        }
        for city in &self.data.cities {
            let path = format!("cities/{}/achievements.csv", city.id);
            let claimant = Claimant::source(
                &city.loc.file,
                Some(city.loc.line),
                deferred!("output-claimant-city-download", city = &city.id),
                deferred!("output-hint-city-id"),
            );
            claims.claim(&path, claimant);
        }
        claims.claim(
            "atom.xml",
            Claimant::built_in(deferred!("output-claimant-atom")),
        );
        claims.claim(
            "sitemap.xml",
            Claimant::built_in(deferred!("output-claimant-sitemap")),
        );
        claims.claim(
            "robots.txt",
            Claimant::built_in(deferred!("output-claimant-robots")),
        );
        let statics = crate::output::static_sources(&self.root, &self.config.theme)?;
        for (path, source) in statics {
            claims.claim(
                &path,
                Claimant::source(
                    crate::read::rel_to(&self.root, &source),
                    None,
                    deferred!("output-claimant-static"),
                    deferred!("output-hint-static"),
                ),
            );
        }
        for (path, source) in &self.links.files {
            claims.claim(
                path,
                Claimant::source(
                    crate::read::rel_to(&self.root, source),
                    None,
                    deferred!("output-claimant-content-file"),
                    deferred!("output-hint-content-file"),
                ),
            );
        }
        claims.check()
    }

    /// What claims a route, for messages about clashes.
    fn claimant(&self, key: &RouteKey) -> Claimant {
        match key {
            RouteKey::List(list, 1) => self.list_claimant(list, Which::First),
            RouteKey::List(list, _) => self.list_claimant(list, Which::Later),
            RouteKey::Page(i) => Claimant::page(&self.content.pages[*i].file),
            RouteKey::Alias(i) => Claimant::source(
                &self.aliases[*i].file,
                None,
                deferred!("output-claimant-alias", alias = &self.aliases[*i].path),
                deferred!("output-hint-alias"),
            ),
            RouteKey::Cities => Claimant::built_in(deferred!("output-claimant-cities")),
            RouteKey::City(i) => {
                let city = &self.data.cities[*i];
                Claimant::source(
                    &city.loc.file,
                    Some(city.loc.line),
                    deferred!("output-claimant-city", city = &city.id),
                    deferred!("output-hint-city-id"),
                )
            }
            RouteKey::Indicator(i) => {
                let indicator = &self.data.indicators[*i];
                Claimant::source(
                    &indicator.loc.file,
                    Some(indicator.loc.line),
                    deferred!(
                        "output-claimant-indicator",
                        indicator = &indicator.id,
                        city = &indicator.city
                    ),
                    deferred!("output-hint-indicator-id"),
                )
            }
            RouteKey::Dashboard => Claimant::built_in(deferred!("output-claimant-dashboard")),
            RouteKey::Topics => Claimant::built_in(deferred!("output-claimant-topics")),
            RouteKey::Taxonomy(name) => {
                // Claimed by the first page that names one of its terms, where there is one.
                let file = self
                    .lists
                    .iter()
                    .find(|(k, _)| matches!(k, ListKey::Taxonomy(t, _) if t == name))
                    .and_then(|(_, pages)| pages.first())
                    .map(|&p| self.content.pages[p].file.clone());
                match file {
                    Some(file) => Claimant::source(
                        file,
                        None,
                        deferred!("output-claimant-taxonomy-terms", taxonomy = name),
                        deferred!("output-hint-term"),
                    ),
                    None => {
                        Claimant::built_in(deferred!("output-claimant-taxonomy", taxonomy = name))
                    }
                }
            }
            RouteKey::Catalogue => Claimant::built_in(deferred!("output-claimant-catalogue")),
            RouteKey::SiteMap => Claimant::built_in(deferred!("output-claimant-site-map")),
            RouteKey::Search => Claimant::built_in(deferred!("output-claimant-search")),
            RouteKey::NotFound => Claimant::built_in(deferred!("output-claimant-not-found")),
        }
    }

    /// What claims a list's pages: the section, or the first page that names the topic, the
    /// office … (`which` says whether it is the list's first page or a later one).
    fn list_claimant(&self, list: &ListKey, which: Which) -> Claimant {
        let which = which.arg();
        if let ListKey::Section(dir) = list {
            return match &self.content.sections[dir].file {
                _ if dir.is_empty() => {
                    Claimant::built_in(deferred!("output-claimant-home", which = which))
                }
                Some(file) => Claimant::source(
                    file,
                    None,
                    deferred!("output-claimant-section", which = which),
                    deferred!("output-hint-section"),
                ),
                None => Claimant::source(
                    format!("content/{dir}/"),
                    None,
                    deferred!("output-claimant-folder", which = which),
                    deferred!("output-hint-folder"),
                ),
            };
        }
        let file = self
            .lists
            .get(list)
            .and_then(|pages| pages.first())
            .map(|&p| self.content.pages[p].file.clone())
            .unwrap_or_default();
        let (what, hint) = match list {
            ListKey::Topic(name) => (
                deferred!("output-claimant-topic", which = which, topic = name),
                deferred!("output-hint-topic"),
            ),
            ListKey::Taxonomy(taxonomy, term) => (
                deferred!(
                    "output-claimant-term",
                    which = which,
                    term = term,
                    taxonomy = taxonomy
                ),
                deferred!("output-hint-term"),
            ),
            ListKey::Office(name) => (
                deferred!("output-claimant-issuer", which = which, issuer = name),
                deferred!("output-hint-issuer"),
            ),
            ListKey::CityDocuments(id) => (
                deferred!("output-claimant-city-documents", which = which, city = id),
                deferred!("output-hint-city-id"),
            ),
            _ => (
                deferred!("output-claimant-catalogue-list", which = which),
                deferred!("output-hint-list"),
            ),
        };
        if file.as_os_str().is_empty() {
            return Claimant::built_in(what);
        }
        Claimant::source(file, None, what, hint)
    }
}
