//! Every path the site will write, claimed before anything is written (see
//! [`crate::output::claims`]): pages and lists in both scripts, data downloads, feeds, static
//! files, and the trees kept for the other script's pages (which mirror the default script's)
//! and the search index.

use crate::error::Diagnostics;
use crate::output::claims::{Claimant, Claims};

use super::{RouteKey, Site};

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
            RouteKey::Home => Claimant::built_in("the home page"),
            RouteKey::Section(dir) => match &self.content.sections[dir].file {
                Some(file) => {
                    Claimant::source(file, None, "the section", "rename the section's folder")
                }
                None => Claimant::source(
                    format!("content/{dir}/"),
                    None,
                    "the folder",
                    "rename the folder",
                ),
            },
            RouteKey::Page(i) => Claimant::page(&self.content.pages[*i].file),
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
            RouteKey::Topic(name) => {
                let file = self.topics[name]
                    .first()
                    .map(|&p| self.content.pages[p].file.clone())
                    .unwrap_or_default();
                Claimant::source(
                    file,
                    None,
                    format!("the topic \"{name}\""),
                    "write the topic the same way on every page, or give it another name",
                )
            }
            RouteKey::Topics => Claimant::built_in("the built-in list of topics"),
            RouteKey::Search => Claimant::built_in("the built-in search page"),
            RouteKey::NotFound => {
                Claimant::built_in("the built-in page for missing pages (404.html)")
            }
        }
    }
}
