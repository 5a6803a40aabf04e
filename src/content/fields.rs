//! Front matter fields that become addresses — the slug, folders, topics, taxonomies and
//! aliases — checked as they are read, and the fields of Zola content stdportal does not take,
//! refused by name with what to use instead (a misspelt field stays an unknown field).

use std::path::Path;

use super::frontmatter::{PageFrontMatter, SectionFrontMatter, Split};
use crate::error::Diagnostic;
use crate::output::path::{check_segment, segment_from_name};

/// The file line of a front matter key (the first line of the front matter if it is not there).
pub(super) fn key_line(split: &Split<'_>, key: &str) -> usize {
    split
        .front_matter
        .lines()
        .position(|l| {
            l.trim_start()
                .strip_prefix(key)
                .is_some_and(|rest| rest.trim_start().starts_with('='))
        })
        .map_or(split.front_matter_line, |i| i + split.front_matter_line)
}

/// The file lines of the front matter values that name other things, for messages about
/// them: `city`, and each slug of `related` (on its own line when the list spans lines).
#[derive(Debug, Clone, Default)]
pub struct ReferenceLines {
    pub city: usize,
    pub related: Vec<usize>,
}

impl ReferenceLines {
    pub(super) fn of(split: &Split<'_>, meta: &PageFrontMatter) -> Self {
        let related_line = key_line(split, "related");
        let lines: Vec<&str> = split.front_matter.lines().collect();
        let first = related_line - split.front_matter_line;
        let related = meta
            .related
            .iter()
            .map(|slug| {
                let quoted = [format!("\"{slug}\""), format!("'{slug}'")];
                lines
                    .iter()
                    .enumerate()
                    .skip(first)
                    .find(|(_, l)| quoted.iter().any(|q| l.contains(q.as_str())))
                    .map_or(related_line, |(i, _)| i + split.front_matter_line)
            })
            .collect();
        ReferenceLines {
            city: key_line(split, "city"),
            related,
        }
    }
}

pub(super) fn check_slug(
    shown: &Path,
    split: &Split<'_>,
    slug: &str,
    from_file_name: bool,
) -> Result<(), Diagnostic> {
    let problem = check_segment(slug)
        .err()
        .map(|p| p.to_string())
        .or_else(|| {
            slug.chars()
                .find(|c| matches!(c, '/' | ' '))
                .map(|c| format!("it contains \"{c}\""))
        });
    let Some(problem) = problem else {
        return Ok(());
    };
    if from_file_name {
        return Err(Diagnostic::new(
            shown,
            format!("the file name \"{slug}\" cannot be part of a URL: {problem}"),
        )
        .at_line(1)
        .hint("rename the file, or give the page slug = \"…\" in its front matter (letters, digits and dashes, e.g. rizhao-quality-plan)"));
    }
    Err(Diagnostic::new(
        shown,
        format!("the slug \"{slug}\" cannot be part of a URL: {problem}"),
    )
    .at_line(key_line(split, "slug"))
    .hint("use letters, digits and dashes, e.g. slug = \"rizhao-quality-plan\""))
}

/// A folder of `content/` becomes part of the URLs of its pages: its name must be usable.
pub(super) fn check_folders(shown: &Path, dir: &str) -> Result<(), Diagnostic> {
    for folder in dir.split('/').filter(|f| !f.is_empty()) {
        if let Err(problem) = check_segment(folder) {
            return Err(Diagnostic::new(
                shown,
                format!("the folder name \"{folder}\" cannot be part of a URL: {problem}"),
            )
            .hint("rename the folder (letters, digits and dashes)"));
        }
    }
    Ok(())
}

/// Topics and taxonomies as the page's lists use them: Zola's `[taxonomies] topics = […]`
/// joins `topics`, names are trimmed, and every topic, taxonomy and term must give a URL
/// segment (`topics/<topic>/`, `<taxonomy>/<term>/`).
pub(super) fn taxonomies(
    shown: &Path,
    split: &Split<'_>,
    meta: &mut PageFrontMatter,
) -> Result<(), Diagnostic> {
    if let Some(topics) = meta.taxonomies.remove("topics") {
        meta.topics.extend(topics);
    }
    for topic in &mut meta.topics {
        *topic = topic.trim().to_string();
    }
    for topic in &meta.topics {
        if let Err(problem) = segment_from_name(topic) {
            return Err(Diagnostic::new(
                shown,
                format!(
                    "the topic \"{}\" cannot be made into a URL: {problem}",
                    topic.escape_debug()
                ),
            )
            .at_line(key_line(split, "topics"))
            .hint("name topics with words, e.g. topics = [\"标准化\", \"质量提升\"]"));
        }
    }
    for (name, terms) in &mut meta.taxonomies {
        let line = match key_line(split, name) {
            line if line != split.front_matter_line => line,
            _ => key_line(split, "taxonomies"),
        };
        if let Err(problem) = segment_from_name(name) {
            return Err(Diagnostic::new(
                shown,
                format!(
                    "the taxonomy \"{}\" cannot be made into a URL: {problem}",
                    name.escape_debug()
                ),
            )
            .at_line(line)
            .hint("name a taxonomy with a word, e.g. tags = [\"…\"] under [taxonomies]"));
        }
        for term in terms.iter_mut() {
            *term = term.trim().to_string();
            if let Err(problem) = segment_from_name(term) {
                return Err(Diagnostic::new(
                    shown,
                    format!(
                        "the term \"{}\" of the taxonomy \"{name}\" cannot be made into a URL: {problem}",
                        term.escape_debug()
                    ),
                )
                .at_line(line)
                .hint("name terms with words, e.g. tags = [\"标准化\"]"));
            }
        }
    }
    Ok(())
}

/// An issuing office gets a list of its documents (`offices/<office>/`): its name must give a
/// URL segment.
pub(super) fn check_issuer(
    shown: &Path,
    split: &Split<'_>,
    issuer: Option<&str>,
) -> Result<(), Diagnostic> {
    let Some(issuer) = issuer.map(str::trim).filter(|i| !i.is_empty()) else {
        return Ok(());
    };
    segment_from_name(issuer).map(|_| ()).map_err(|problem| {
        Diagnostic::new(
            shown,
            format!(
                "the issuer \"{}\" cannot be made into a URL: {problem}",
                issuer.escape_debug()
            ),
        )
        .at_line(key_line(split, "issuer"))
        .hint("write the office's name, e.g. issuer = \"日照市市场监督管理局\"")
    })
}

/// An alias as the route it becomes, relative to the site root: `old/plan/` (a folder with an
/// `index.html`) or `old/plan.html` (a file). Written like Zola's, with or without the leading
/// slash; percent-encoded characters are read as what they encode.
pub fn alias_path(alias: &str) -> Result<String, String> {
    let decoded = crate::escape::percent_decode_strict(alias.trim())
        .ok_or("it has a % that does not start an encoded character")?;
    let path = decoded.trim_start_matches('/');
    if path.is_empty() {
        return Err("it is the home page of the site".into());
    }
    let route = if path.ends_with('/') || path.ends_with(".html") || path.ends_with(".htm") {
        path.to_string()
    } else {
        format!("{path}/")
    };
    let file = if route.ends_with('/') {
        format!("{route}index.html")
    } else {
        route.clone()
    };
    crate::output::path::check(&file).map_err(|p| p.to_string())?;
    Ok(crate::output::path::nfc(&route))
}

/// Every alias must give an address stdportal can write.
pub(super) fn check_aliases(
    shown: &Path,
    split: &Split<'_>,
    aliases: &[String],
) -> Result<(), Diagnostic> {
    for alias in aliases {
        if let Err(problem) = alias_path(alias) {
            return Err(Diagnostic::new(
                shown,
                format!(
                    "the alias \"{}\" cannot be an address of this site: {problem}",
                    alias.escape_debug()
                ),
            )
            .at_line(key_line(split, "aliases"))
            .hint("write the old address from the site root, e.g. aliases = [\"/old/plan/\"]"));
        }
    }
    Ok(())
}

/// Zola fields with no meaning here: each an error that names it and says what to do.
fn refuse(
    shown: &Path,
    split: &Split<'_>,
    fields: &[(&str, bool, &str)],
) -> Result<(), Diagnostic> {
    match fields.iter().find(|(_, set, _)| *set) {
        Some((name, _, instead)) => Err(Diagnostic::new(
            shown,
            format!("stdportal does not support Zola's \"{name}\" field"),
        )
        .at_line(key_line(split, name))
        .hint(*instead)),
        None => Ok(()),
    }
}

pub(super) fn refuse_zola_page_fields(
    shown: &Path,
    split: &Split<'_>,
    meta: &PageFrontMatter,
) -> Result<(), Diagnostic> {
    refuse(
        shown,
        split,
        &[
            (
                "render",
                meta.zola_render.is_some(),
                "remove it: every page is published (draft = true keeps a page out)",
            ),
            (
                "path",
                meta.zola_path.is_some(),
                "remove it: a page is published at its folder and slug; set slug = \"…\", and \
                 aliases = [\"/old/path/\"] to keep an old address working",
            ),
        ],
    )
}

pub(super) fn refuse_zola_section_fields(
    shown: &Path,
    split: &Split<'_>,
    meta: &SectionFrontMatter,
) -> Result<(), Diagnostic> {
    refuse(
        shown,
        split,
        &[
            (
                "render",
                meta.zola_render.is_some(),
                "remove it: every section gets its list page",
            ),
            (
                "redirect_to",
                meta.zola_redirect_to.is_some(),
                "remove it, and put the section's old address in the aliases of the page or \
                 section it should lead to",
            ),
            (
                "transparent",
                meta.zola_transparent.is_some(),
                "remove it: a section lists its own pages; readers find all pages in the \
                 catalogue (信息公开目录) by year, office and kind",
            ),
            (
                "paginate_path",
                meta.zola_paginate_path.is_some(),
                "remove it: pages of a list are always at …/page/2/, …/page/3/",
            ),
            (
                "insert_anchor_links",
                meta.zola_insert_anchor_links.is_some(),
                "remove it: headings always get an id that links can point to",
            ),
            (
                "generate_feeds",
                meta.zola_generate_feeds.is_some(),
                "remove it: the site has one Atom feed of all documents (atom.xml)",
            ),
        ],
    )
}

#[cfg(test)]
mod tests {
    use super::alias_path;

    #[test]
    fn aliases_become_routes_inside_the_site() {
        assert_eq!(alias_path("/old/plan/").unwrap(), "old/plan/");
        assert_eq!(alias_path("old/plan").unwrap(), "old/plan/");
        assert_eq!(alias_path("/old/plan.html").unwrap(), "old/plan.html");
        assert_eq!(alias_path("/%E6%97%A7/").unwrap(), "旧/");
        for bad in [
            "/",
            "",
            "/../etc/",
            "/a//b/",
            "/a/%2E%2E/b/",
            "/a/%zz/",
            "/.git/",
            "/a?b/",
        ] {
            assert!(alias_path(bad).is_err(), "{bad}");
        }
    }
}
