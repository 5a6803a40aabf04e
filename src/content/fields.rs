//! Front matter fields that become addresses — the slug, folders, topics, taxonomies and
//! aliases — checked as they are read, and the fields of Zola content stdportal does not take,
//! refused by name with what to use instead (a misspelt field stays an unknown field).

use std::path::Path;

use super::frontmatter::{PageFrontMatter, SectionFrontMatter, Split};
use crate::error::Diagnostic;
use crate::output::path::{check_segment, segment_from_name};
use crate::t;

/// The file line of a front matter key, written by any of its names, bare or quoted (the first
/// line of the front matter if it is not there).
pub(super) fn key_line(split: &Split<'_>, key: &str) -> usize {
    let mut names = super::names::names_of(super::names::PAGE, key);
    names.extend(super::names::names_of(super::names::SECTION, key));
    if names.is_empty() {
        names.push(key);
    }
    // Most keys asked about are not written at all: one search of the text says so.
    names.retain(|name| split.front_matter.contains(name));
    if names.is_empty() {
        return split.front_matter_line;
    }
    let quoted: Vec<String> = names.iter().map(|name| format!("\"{name}\"")).collect();
    split
        .front_matter
        .lines()
        .position(|l| {
            let l = l.trim_start();
            names.iter().zip(&quoted).any(|(name, quoted)| {
                let rest = l
                    .strip_prefix(name)
                    .or_else(|| l.strip_prefix(quoted.as_str()));
                rest.is_some_and(|rest| rest.trim_start().starts_with('='))
            })
        })
        .map_or(split.front_matter_line, |i| i + split.front_matter_line)
}

/// The file lines of the front matter values that name other things, for messages about
/// them: `city`, and each slug of `related` (on its own line when the list spans lines).
#[derive(Debug, Clone, Default)]
pub struct ReferenceLines {
    pub city: usize,
    pub related: Vec<usize>,
    pub superseded_by: usize,
    pub amends: usize,
    /// Each of `attachments` (附件).
    pub attachments: Vec<usize>,
}

impl ReferenceLines {
    pub(super) fn of(split: &Split<'_>, meta: &PageFrontMatter) -> Self {
        ReferenceLines {
            city: key_line(split, "city"),
            related: value_lines(split, "related", &meta.related),
            superseded_by: key_line(split, "superseded_by"),
            amends: key_line(split, "amends"),
            attachments: value_lines(split, "attachments", &meta.attachments),
        }
    }
}

/// The file line of each value of the list `key`: its own line when the list spans lines.
fn value_lines(split: &Split<'_>, key: &str, values: &[String]) -> Vec<usize> {
    if values.is_empty() {
        return Vec::new();
    }
    let key_at = key_line(split, key);
    let lines: Vec<&str> = split.front_matter.lines().collect();
    let first = key_at - split.front_matter_line;
    values
        .iter()
        .map(|value| {
            let quoted = [format!("\"{value}\""), format!("'{value}'")];
            lines
                .iter()
                .enumerate()
                .skip(first)
                .find(|(_, l)| quoted.iter().any(|q| l.contains(q.as_str())))
                .map_or(key_at, |(i, _)| i + split.front_matter_line)
        })
        .collect()
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
                .map(|c| t!("slug-contains", character = c))
        });
    let Some(problem) = problem else {
        return Ok(());
    };
    if from_file_name {
        return Err(Diagnostic::new(
            shown,
            t!("file-name-not-url", name = slug, problem = problem),
        )
        .at_line(1)
        .hint(t!("file-name-not-url-hint")));
    }
    Err(
        Diagnostic::new(shown, t!("slug-not-url", slug = slug, problem = problem))
            .at_line(key_line(split, "slug"))
            .hint(t!("slug-not-url-hint")),
    )
}

/// A folder of `content/` becomes part of the URLs of its pages: its name must be usable.
pub(super) fn check_folders(shown: &Path, dir: &str) -> Result<(), Diagnostic> {
    for folder in dir.split('/').filter(|f| !f.is_empty()) {
        if let Err(problem) = check_segment(folder) {
            return Err(Diagnostic::new(
                shown,
                t!(
                    "folder-not-url",
                    folder = folder,
                    problem = problem.to_string()
                ),
            )
            .hint(t!("folder-not-url-hint")));
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
                t!(
                    "topic-not-url",
                    topic = topic.escape_debug().to_string(),
                    problem = problem.to_string()
                ),
            )
            .at_line(key_line(split, "topics"))
            .hint(t!("topic-not-url-hint")));
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
                t!(
                    "taxonomy-not-url",
                    taxonomy = name.escape_debug().to_string(),
                    problem = problem.to_string()
                ),
            )
            .at_line(line)
            .hint(t!("taxonomy-not-url-hint")));
        }
        for term in terms.iter_mut() {
            *term = term.trim().to_string();
            if let Err(problem) = segment_from_name(term) {
                return Err(Diagnostic::new(
                    shown,
                    t!(
                        "term-not-url",
                        term = term.escape_debug().to_string(),
                        taxonomy = name,
                        problem = problem.to_string()
                    ),
                )
                .at_line(line)
                .hint(t!("term-not-url-hint")));
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
            t!(
                "issuer-not-url",
                issuer = issuer.escape_debug().to_string(),
                problem = problem.to_string()
            ),
        )
        .at_line(key_line(split, "issuer"))
        .hint(t!("issuer-not-url-hint"))
    })
}

/// An alias as the route it becomes, relative to the site root: `old/plan/` (a folder with an
/// `index.html`) or `old/plan.html` (a file). Written like Zola's, with or without the leading
/// slash; percent-encoded characters are read as what they encode.
pub(crate) fn alias_path(alias: &str) -> Result<String, String> {
    let decoded = crate::escape::percent_decode_strict(alias.trim())
        .ok_or_else(|| t!("alias-bad-percent"))?;
    let path = decoded.trim_start_matches('/');
    if path.is_empty() {
        return Err(t!("alias-home"));
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
                t!(
                    "alias-not-url",
                    alias = alias.escape_debug().to_string(),
                    problem = problem
                ),
            )
            .at_line(key_line(split, "aliases"))
            .hint(t!("alias-not-url-hint")));
        }
    }
    Ok(())
}

/// A Zola field: its name, whether the page sets it, and what to do instead.
type ZolaField<'a> = (&'a str, bool, fn() -> String);

/// Zola fields with no meaning here: each an error that names it and says what to do (the
/// hint made only when the field is there: this runs for every page).
fn refuse(shown: &Path, split: &Split<'_>, fields: &[ZolaField<'_>]) -> Result<(), Diagnostic> {
    match fields.iter().find(|(_, set, _)| *set) {
        Some((name, _, instead)) => Err(Diagnostic::new(shown, t!("zola-field", field = *name))
            .at_line(key_line(split, name))
            .hint(instead())),
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
            ("render", meta.zola_render.is_some(), || {
                t!("zola-page-render")
            }),
            ("path", meta.zola_path.is_some(), || t!("zola-page-path")),
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
            ("render", meta.zola_render.is_some(), || {
                t!("zola-section-render")
            }),
            ("redirect_to", meta.zola_redirect_to.is_some(), || {
                t!("zola-section-redirect")
            }),
            ("transparent", meta.zola_transparent.is_some(), || {
                t!("zola-section-transparent")
            }),
            ("paginate_path", meta.zola_paginate_path.is_some(), || {
                t!("zola-section-paginate-path")
            }),
            (
                "insert_anchor_links",
                meta.zola_insert_anchor_links.is_some(),
                || t!("zola-section-anchor-links"),
            ),
            ("generate_feeds", meta.zola_generate_feeds.is_some(), || {
                t!("zola-section-feeds")
            }),
        ],
    )
}

#[cfg(test)]
mod tests {
    use super::alias_path;
    use super::{key_line, value_lines};
    use crate::content::frontmatter::Split;

    #[test]
    fn keys_are_found_by_any_name_bare_or_quoted() {
        let front_matter = "title = \"x\"\n\"城市\" = \"枣庄\"\nrelated = [\n  \"a\",\n  'b',\n]\n";
        let split = Split {
            front_matter,
            front_matter_line: 2,
            body: "",
            body_line: 9,
        };
        assert_eq!(key_line(&split, "city"), 3);
        assert_eq!(key_line(&split, "related"), 4);
        // Not written: the first line of the front matter.
        assert_eq!(key_line(&split, "amends"), 2);
        let values = ["a".to_string(), "b".to_string(), "c".to_string()];
        assert_eq!(value_lines(&split, "related", &values), [5, 6, 4]);
        assert!(value_lines(&split, "attachments", &[]).is_empty());
    }

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
