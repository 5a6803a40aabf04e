//! Earlier addresses of pages and sections (`aliases` in front matter, as in Zola): each is a
//! page of its own that sends the reader to where the page is now.

use std::path::PathBuf;

use crate::content::fields::alias_path;
use crate::content::Content;

/// One earlier address.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Alias {
    /// The earlier address, relative to the script root (`old/plan/` or `old/plan.html`).
    pub path: String,
    /// Where the page is now, relative to the script root.
    pub target: String,
    /// The page or section that names the alias.
    pub file: PathBuf,
}

/// The aliases of every page and section, in page order then section order. Each alias was
/// checked when its file was read.
pub(super) fn aliases(content: &Content) -> Vec<Alias> {
    let pages = content
        .pages
        .iter()
        .map(|p| (&p.meta.aliases, &p.path, Some(&p.file)));
    let sections = content
        .sections
        .values()
        .map(|s| (&s.meta.aliases, &s.path, s.file.as_ref()));
    pages
        .chain(sections)
        .flat_map(|(aliases, target, file)| {
            aliases.iter().filter_map(move |alias| {
                Some(Alias {
                    path: alias_path(alias).ok()?,
                    target: target.clone(),
                    file: file.cloned().unwrap_or_default(),
                })
            })
        })
        .collect()
}
