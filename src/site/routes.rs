//! Every page of the site and where it is published: relative to the script's root
//! (`policies/plan/`), in each script's folder (`zh-hant/policies/plan/index.html`), and as a
//! public address.

use super::Site;
use crate::lists::city_path;
use crate::lists::{pager_count, pager_path, taxonomy_path, ListKey};
use crate::script::Script;
use crate::views::indicator_path;

/// One route of the site. Indexes are into the site's pages, cities and indicators; pagers
/// are numbered from 1 (Zola's `current_index`).
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum RouteKey {
    /// Page `number` of a list (the home page is page 1 of the root section's list).
    List(ListKey, usize),
    /// A page of `content/`, by index in the site's pages.
    Page(usize),
    /// An earlier address of a page or section (its `aliases`), by index in the site's aliases.
    Alias(usize),
    /// The list of cities (`cities/`).
    Cities,
    /// A city's page, by index in the data's cities.
    City(usize),
    /// An indicator's page, by index in the data's indicators.
    Indicator(usize),
    /// The dashboard (`dashboard/`).
    Dashboard,
    /// The list of topics (`topics/`).
    Topics,
    /// A taxonomy's list of terms (`tags/`).
    Taxonomy(String),
    /// The public-information catalogue: counts by year, office, kind, validity and city.
    Catalogue,
    /// The HTML site map (网站地图).
    SiteMap,
    /// The search page (`search/`).
    Search,
    /// The page for an address that does not exist (`404.html`).
    NotFound,
}

impl RouteKey {
    /// Routes that only send the reader elsewhere: not in the sitemap, not indexed.
    pub fn is_redirect(&self) -> bool {
        matches!(self, RouteKey::Alias(_))
    }
}

impl Site {
    /// Every page of the site, in a fixed order.
    pub fn route_keys(&self) -> Vec<RouteKey> {
        let home = ListKey::Section(String::new());
        let mut keys = Vec::new();
        self.list_routes(&home, &mut keys);
        for (key, _) in self.lists.iter() {
            if key != &home && key.path().is_some() {
                self.list_routes(key, &mut keys);
            }
        }
        keys.extend((0..self.content.pages.len()).map(RouteKey::Page));
        keys.extend((0..self.aliases.len()).map(RouteKey::Alias));
        if self.has_cities() {
            keys.push(RouteKey::Cities);
        }
        keys.extend((0..self.data.cities.len()).map(RouteKey::City));
        keys.extend((0..self.data.indicators.len()).map(RouteKey::Indicator));
        if self.has_dashboard() {
            keys.push(RouteKey::Dashboard);
        }
        keys.push(RouteKey::Topics);
        keys.extend(
            self.lists
                .taxonomies()
                .into_keys()
                .map(|t| RouteKey::Taxonomy(t.into())),
        );
        keys.extend([
            RouteKey::Catalogue,
            RouteKey::SiteMap,
            RouteKey::Search,
            RouteKey::NotFound,
        ]);
        keys
    }

    /// The pages of one list. Page 1 is the list's own address; there is no `…/page/1/`
    /// redirect (a page that only navigates away cannot be audited, and no link of ours
    /// points there).
    fn list_routes(&self, key: &ListKey, keys: &mut Vec<RouteKey>) {
        let per_page = self.per_page(key);
        let len = self.lists.get(key).map_or(0, <[usize]>::len);
        keys.extend((1..=pager_count(len, per_page)).map(|n| RouteKey::List(key.clone(), n)));
    }

    /// How many pages each page of a list shows (0: all).
    pub fn per_page(&self, key: &ListKey) -> usize {
        let section = match key {
            ListKey::Section(dir) => self.content.sections.get(dir),
            _ => None,
        };
        section
            .and_then(|s| s.meta.paginate_by)
            .unwrap_or(self.config.paginate_by)
    }

    /// Whether the site has cities (then it has the list of cities).
    pub fn has_cities(&self) -> bool {
        !self.data.cities.is_empty()
    }

    /// Whether the dashboard has something to show: targets or achievements.
    pub fn has_dashboard(&self) -> bool {
        !self.data.indicators.is_empty() || !self.data.achievements.is_empty()
    }

    /// Where every route is published, in route order.
    pub fn route_paths(&self) -> &[String] {
        &self.route_paths
    }

    /// [`Site::route_paths`], made from the routes.
    pub(super) fn make_route_paths(&self) -> Vec<String> {
        self.route_keys()
            .iter()
            .map(|k| self.route_path(k))
            .collect()
    }

    /// Where every page a reader or a search engine should find is published, in route order
    /// (the sitemap): every route but redirects and the page for missing pages.
    pub fn public_route_paths(&self) -> Vec<String> {
        self.route_keys()
            .iter()
            .filter(|k| !k.is_redirect() && **k != RouteKey::NotFound)
            .map(|k| self.route_path(k))
            .collect()
    }

    /// Where a route is published, relative to the script root.
    pub fn route_path(&self, key: &RouteKey) -> String {
        match key {
            RouteKey::List(list, number) => pager_path(&list.path().unwrap_or_default(), *number),
            RouteKey::Page(i) => self.content.pages[*i].path.clone(),
            RouteKey::Alias(i) => self.aliases[*i].path.clone(),
            RouteKey::Cities => "cities/".into(),
            RouteKey::City(i) => city_path(&self.data.cities[*i].id),
            RouteKey::Indicator(i) => indicator_path(&self.data.indicators[*i]),
            RouteKey::Dashboard => "dashboard/".into(),
            RouteKey::Topics => "topics/".into(),
            RouteKey::Taxonomy(name) => taxonomy_path(name),
            RouteKey::Catalogue => "catalogue/".into(),
            RouteKey::SiteMap => "sitemap/".into(),
            RouteKey::Search => "search/".into(),
            RouteKey::NotFound => "404.html".into(),
        }
    }

    /// The output file a route is written to in a script.
    pub fn output_path(&self, route_path: &str, script: Script) -> String {
        if route_path.ends_with(".html") {
            format!("{}{route_path}", self.script_prefix(script))
        } else {
            format!("{}{route_path}index.html", self.script_prefix(script))
        }
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
}
