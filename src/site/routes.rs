//! Every page of the site and where it is published: relative to the script's root
//! (`policies/plan/`), in each script's folder (`zh-hant/policies/plan/index.html`), and as a
//! public address.

use super::Site;
use crate::script::Script;
use crate::views::{city_path, indicator_path, topic_path};

/// One route of the site. Indexes are into the site's pages, cities and indicators; a topic is
/// named (in Simplified).
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum RouteKey {
    Home,
    Section(String),
    Page(usize),
    Cities,
    City(usize),
    Indicator(usize),
    Dashboard,
    Topic(String),
    Topics,
    Search,
    NotFound,
}

impl Site {
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
        keys.extend(self.topics.keys().cloned().map(RouteKey::Topic));
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
            RouteKey::City(i) => city_path(&self.data.cities[*i].id),
            RouteKey::Indicator(i) => indicator_path(&self.data.indicators[*i]),
            RouteKey::Dashboard => "dashboard/".into(),
            RouteKey::Topic(name) => topic_path(name),
            RouteKey::Topics => "topics/".into(),
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
