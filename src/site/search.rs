//! What the search index takes of the site: each searchable route's document (its text in both
//! scripts and its facets), and the names the filters show.

use super::context::Route;
use super::{RouteKey, Site};
use crate::content::frontmatter::{DocumentKind, Validity};
use crate::content::Page;
use crate::script::Script;
use crate::search::{Attached, Facets, Kind, SearchDoc, SiteInfo};

impl Site {
    /// The document of a rendered route (`html` in Simplified and Traditional), or `None` when
    /// it has no searchable part. Only routes whose context says `searchable` come here (see
    /// `Site::route`: documents not opted out with `in_search_index`, cities, indicators).
    pub(super) fn search_doc(
        &self,
        key: &RouteKey,
        route: &Route,
        html: [&str; 2],
    ) -> Option<SearchDoc> {
        let facets = match key {
            RouteKey::Page(i) => {
                let page = &self.content.pages[*i];
                let meta = &page.meta;
                Facets {
                    kind: match meta.kind {
                        Some(DocumentKind::Policy) => Kind::Policy,
                        Some(DocumentKind::Interpretation) => Kind::Interpretation,
                        Some(DocumentKind::News) => Kind::News,
                        None => Kind::Page,
                    },
                    city: meta.city.clone(),
                    date: crate::content::sort_date(page),
                    topics: meta.topics.clone(),
                    validity: meta.validity.map(|v| match v {
                        Validity::Valid => 0,
                        Validity::Amended => 1,
                        Validity::Repealed => 2,
                        Validity::Expired => 3,
                    }),
                    number: meta.doc_number.as_deref().map(|n| self.both(n)),
                    issuer: meta.issuer.as_deref().map(|n| self.both(n)),
                    attachments: self.search_attachments(page),
                }
            }
            RouteKey::Indicator(i) => Facets {
                kind: Kind::Indicator,
                city: Some(self.data.indicators[*i].city.clone()),
                date: None,
                topics: Vec::new(),
                validity: None,
                number: None,
                issuer: None,
                attachments: Vec::new(),
            },
            RouteKey::City(i) => Facets {
                kind: Kind::City,
                city: Some(self.data.cities[*i].id.clone()),
                date: None,
                topics: Vec::new(),
                validity: None,
                number: None,
                issuer: None,
                attachments: Vec::new(),
            },
            _ => return None,
        };
        let hant_title = self.converter.convert(Script::Hant, &route.title);
        SearchDoc::new(&route.path, [&route.title, &hant_title], facets, html)
    }

    /// A page's attachments as its result links them: named as each script's page names them
    /// (the Traditional page converts its text, file names too), addressed from the site's root
    /// so that the client puts the base path in front, sized as the page says.
    fn search_attachments(&self, page: &Page) -> Vec<Attached> {
        let base = self.config.base_path();
        page.attachments
            .iter()
            .map(|a| Attached {
                name: self.both(&a.name),
                // `href` is the base path and the encoded path (see `Site::attachments`).
                href: a.href.strip_prefix(base).unwrap_or(&a.href).to_string(),
                kind: a.kind.clone(),
                size: crate::views::format::file_size(a.size),
            })
            .collect()
    }

    fn search_synonyms(&self) -> Vec<Vec<String>> {
        self.synonyms.clone()
    }

    /// A text in Simplified and Traditional.
    fn both(&self, text: &str) -> [String; 2] {
        [text.to_string(), self.converter.convert(Script::Hant, text)]
    }

    /// The cities and topics the search filters offer, named in both scripts, and the
    /// synonyms queries are widened with (the theme's starter list, then the site's).
    pub(crate) fn search_site_info(&self) -> SiteInfo {
        let both = |text: &str| self.both(text);
        SiteInfo {
            synonyms: self.search_synonyms(),
            cities: self
                .data
                .cities
                .iter()
                .map(|c| (c.id.clone(), both(&c.name)))
                .collect(),
            topics: {
                // Sorted by name: the filter offers them in a stable order.
                let mut names: Vec<&str> = self.lists.topics().map(|(name, _)| name).collect();
                names.sort_unstable();
                names.into_iter().map(both).collect()
            },
        }
    }
}
