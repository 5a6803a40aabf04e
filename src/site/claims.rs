//! Every path the site will write, claimed before anything is written (see
//! [`crate::output::claims`]): pages and lists in both scripts, data downloads, feeds, static
//! files, and the trees kept for the other script's pages (which mirror the default script's)
//! and the search index.

use crate::error::Diagnostics;
use crate::output::claims::{Claimant, Claims};

use super::{RouteKey, Site};
use crate::lists::ListKey;

impl Site {
    /// Checks that every output path can be written and has one source only.
    pub fn check_paths(&self) -> Result<(), Diagnostics> {
        let mut claims = Claims::default();
        let other = self.config.default_script.other();
        claims.reserve(
            &format!("{}/", other.dir()),
            Claimant::built_in(format!("the pages in {}", other.native_name())),
        );
        claims.reserve(
            &format!("{}/", crate::search::INDEX_DIR),
            Claimant::built_in("the search index"),
        );
        // The other script's pages mirror these under their own folder: a clash there is the
        // same clash, reported once.
        let script = self.config.default_script;
        for key in self.route_keys() {
            let path = self.output_path(&self.route_path(&key), script);
            claims.claim(&path, self.claimant(&key));
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
                format!("the achievements download of the city \"{}\"", city.id),
                "change the city's id",
            );
            claims.claim(&path, claimant);
        }
        claims.claim("atom.xml", Claimant::built_in("the Atom feed"));
        claims.claim("sitemap.xml", Claimant::built_in("the sitemap"));
        claims.claim("robots.txt", Claimant::built_in("robots.txt"));
        let statics = crate::output::static_sources(&self.root, &self.config.theme)?;
        for (path, source) in statics {
            claims.claim(
                &path,
                Claimant::source(
                    crate::content::rel_to(&self.root, &source),
                    None,
                    "the static file",
                    "rename or remove the static file; stdportal writes the other one itself",
                ),
            );
        }
        claims.check()
    }

    /// What claims a route, for messages about clashes.
    fn claimant(&self, key: &RouteKey) -> Claimant {
        match key {
            RouteKey::List(list, 1) => self.list_claimant(list, ""),
            RouteKey::List(list, _) => self.list_claimant(list, "a page of the list of "),
            RouteKey::Page(i) => Claimant::page(&self.content.pages[*i].file),
            RouteKey::Alias(i) => Claimant::source(
                &self.aliases[*i].file,
                None,
                format!("the alias \"/{}\"", self.aliases[*i].path),
                "change or remove the alias",
            ),
            RouteKey::Cities => Claimant::built_in("the built-in list of cities"),
            RouteKey::City(i) => {
                let city = &self.data.cities[*i];
                Claimant::source(
                    &city.loc.file,
                    Some(city.loc.line),
                    format!("the city \"{}\"", city.id),
                    "change the city's id",
                )
            }
            RouteKey::Indicator(i) => {
                let indicator = &self.data.indicators[*i];
                Claimant::source(
                    &indicator.loc.file,
                    Some(indicator.loc.line),
                    format!(
                        "the indicator \"{}\" of \"{}\"",
                        indicator.id, indicator.city
                    ),
                    "change the indicator's id",
                )
            }
            RouteKey::Dashboard => Claimant::built_in("the built-in dashboard"),
            RouteKey::Topics => Claimant::built_in("the built-in list of topics"),
            RouteKey::Taxonomy(name) => {
                let key = self
                    .lists
                    .iter()
                    .map(|(k, _)| k)
                    .find(|k| matches!(k, ListKey::Taxonomy(t, _) if t == name));
                match key {
                    Some(key) => self.list_claimant(key, "the list of terms of "),
                    None => Claimant::built_in(format!("the taxonomy \"{name}\"")),
                }
            }
            RouteKey::Catalogue => Claimant::built_in("the built-in catalogue (信息公开目录)"),
            RouteKey::SiteMap => Claimant::built_in("the built-in site map (网站地图)"),
            RouteKey::Search => Claimant::built_in("the built-in search page"),
            RouteKey::NotFound => {
                Claimant::built_in("the built-in page for missing pages (404.html)")
            }
        }
    }

    /// What claims a list's pages: the section, or the first page that names the topic, the
    /// office … (`what`, before the list's name, says which page of the list it is).
    fn list_claimant(&self, list: &ListKey, what: &str) -> Claimant {
        if let ListKey::Section(dir) = list {
            return match &self.content.sections[dir].file {
                _ if dir.is_empty() => Claimant::built_in(format!("{what}the home page")),
                Some(file) => Claimant::source(
                    file,
                    None,
                    format!("{what}the section"),
                    "rename the section's folder",
                ),
                None => Claimant::source(
                    format!("content/{dir}/"),
                    None,
                    format!("{what}the folder"),
                    "rename the folder",
                ),
            };
        }
        let file = self
            .lists
            .get(list)
            .and_then(|pages| pages.first())
            .map(|&p| self.content.pages[p].file.clone())
            .unwrap_or_default();
        let (name, hint) = match list {
            ListKey::Topic(name) => (
                format!("the topic \"{name}\""),
                "write the topic the same way on every page, or give it another name",
            ),
            ListKey::Taxonomy(taxonomy, term) => (
                format!("the term \"{term}\" of the taxonomy \"{taxonomy}\""),
                "write the term the same way on every page, or rename the taxonomy",
            ),
            ListKey::Office(name) => (
                format!("the issuer \"{name}\""),
                "write the issuer the same way on every page",
            ),
            ListKey::CityDocuments(id) => (
                format!("the documents of the city \"{id}\""),
                "change the city's id",
            ),
            _ => (
                "the catalogue".to_string(),
                "rename the page or folder that uses this address",
            ),
        };
        if file.as_os_str().is_empty() {
            return Claimant::built_in(format!("{what}{name}"));
        }
        Claimant::source(file, None, format!("{what}{name}"), hint)
    }
}
