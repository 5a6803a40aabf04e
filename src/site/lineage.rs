//! Which documents replace or amend which: each page's `superseded_by` (替代文件) and `amends`
//! (被修改文件), both ways, so that a repealed document links to what replaced it and the
//! new one to what it replaced. A document named as replacing one in force is a contradiction
//! the build refuses.

use crate::content::{Content, Validity};
use crate::error::{Diagnostic, Diagnostics};
use crate::t;

/// A page's documents of the same line: by index into the site's pages, in the order written.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct Lineage {
    /// The documents that replace this one (its own `superseded_by`).
    pub superseded_by: Vec<usize>,
    /// The documents this one replaces (others' `superseded_by` naming it).
    pub supersedes: Vec<usize>,
    /// The documents this one amends (its own `amends`).
    pub amends: Vec<usize>,
    /// The documents that amend this one (others' `amends` naming it).
    pub amended_by: Vec<usize>,
}

impl Lineage {
    /// Every page linked with this one, either way.
    pub(crate) fn all(&self) -> impl Iterator<Item = usize> + '_ {
        self.superseded_by
            .iter()
            .chain(&self.supersedes)
            .chain(&self.amends)
            .chain(&self.amended_by)
            .copied()
    }
}

/// Every page's lineage, from the slugs its front matter names (a slug that names no page is
/// reported by [`check`]).
pub(crate) fn lineages(content: &Content) -> Vec<Lineage> {
    let mut lineage = vec![Lineage::default(); content.pages.len()];
    let mut link = |from: usize,
                    to: usize,
                    forward: fn(&mut Lineage) -> &mut Vec<usize>,
                    back: fn(&mut Lineage) -> &mut Vec<usize>| {
        if from != to && !forward(&mut lineage[from]).contains(&to) {
            forward(&mut lineage[from]).push(to);
            back(&mut lineage[to]).push(from);
        }
    };
    for (i, page) in content.pages.iter().enumerate() {
        for slug in &page.meta.superseded_by {
            if let Some(j) = content.index_of_slug(slug) {
                link(i, j, |l| &mut l.superseded_by, |l| &mut l.supersedes);
            }
        }
        for slug in &page.meta.amends {
            if let Some(j) = content.index_of_slug(slug) {
                link(i, j, |l| &mut l.amends, |l| &mut l.amended_by);
            }
        }
    }
    lineage
}

/// A page that names a replacement says it is no longer in force (已废止 or 已失效), and names
/// neither itself nor, as replacing or amended, a document it is itself replaced by.
pub(crate) fn check(content: &Content, diagnostics: &mut Diagnostics) {
    for page in &content.pages {
        let meta = &page.meta;
        if !meta.superseded_by.is_empty()
            && !matches!(meta.validity, Some(Validity::Repealed | Validity::Expired))
        {
            diagnostics.push(
                Diagnostic::new(&page.file, t!("superseded-but-in-force"))
                    .at_line(page.lines.superseded_by)
                    .hint(t!("superseded-but-in-force-hint")),
            );
        }
        for (slug, line) in meta
            .superseded_by
            .iter()
            .map(|s| (s, page.lines.superseded_by))
            .chain(meta.amends.iter().map(|s| (s, page.lines.amends)))
        {
            if *slug == page.slug {
                diagnostics.push(
                    Diagnostic::new(&page.file, t!("lineage-names-itself", slug = slug))
                        .at_line(line)
                        .hint(t!("lineage-names-itself-hint")),
                );
            }
        }
    }
}
