//! Front matter text that pages show (titles, descriptions, issuers, document numbers, topics,
//! `extra` values…) without invisible direction controls. An unbalanced U+202E in a title
//! turns the text after it around wherever the title is shown, and it is shown in places no
//! markup can isolate it (`<title>`, feeds, the search index) as well as in headings and lists;
//! a Chinese document needs none of them. So they are refused where they are written, with the
//! line and column, rather than isolated in some places and not others.

use std::path::Path;

use super::fields::key_line;
use super::frontmatter::{PageFrontMatter, SectionFrontMatter, Split};
use crate::error::Diagnostic;
use crate::t;

/// The embeddings, overrides and isolates (U+202A–U+202E, U+2066–U+2069) and the marks
/// (U+200E, U+200F, U+061C) of the Unicode bidirectional algorithm.
pub(super) fn is_direction_control(c: char) -> bool {
    matches!(
        c,
        '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' | '\u{200E}' | '\u{200F}' | '\u{061C}'
    )
}

/// The page's text fields, each with its front matter key.
pub(super) fn check_page(
    shown: &Path,
    split: &Split<'_>,
    meta: &PageFrontMatter,
) -> Result<(), Diagnostic> {
    let mut fields: Vec<(&str, &str)> = vec![("title", &meta.title)];
    let optional = [
        ("description", &meta.description),
        ("issuer", &meta.issuer),
        ("doc_number", &meta.doc_number),
        ("index_no", &meta.index_no),
        ("source", &meta.source),
    ];
    fields.extend(
        optional
            .iter()
            .filter_map(|(key, value)| Some((*key, value.as_deref()?))),
    );
    for (key, list) in [
        ("topics", &meta.topics),
        ("references", &meta.references),
        ("authors", &meta.authors),
    ] {
        fields.extend(list.iter().map(|v| (key, v.as_str())));
    }
    for (taxonomy, terms) in &meta.taxonomies {
        fields.extend(terms.iter().map(|v| (taxonomy.as_str(), v.as_str())));
    }
    let mut extra = Vec::new();
    strings_in(&meta.extra, &mut extra);
    fields.extend(extra);
    check_fields(shown, split, &fields)
}

/// A section's title and description.
pub(super) fn check_section(
    shown: &Path,
    split: &Split<'_>,
    meta: &SectionFrontMatter,
) -> Result<(), Diagnostic> {
    let mut fields: Vec<(&str, &str)> = vec![("title", &meta.title)];
    if let Some(description) = &meta.description {
        fields.push(("description", description));
    }
    check_fields(shown, split, &fields)
}

/// Every string of an `extra` table, with the key it is under (templates show them as they
/// like).
fn strings_in<'a>(table: &'a toml::Table, out: &mut Vec<(&'a str, &'a str)>) {
    fn walk<'a>(key: &'a str, value: &'a toml::Value, out: &mut Vec<(&'a str, &'a str)>) {
        match value {
            toml::Value::String(s) => out.push((key, s)),
            toml::Value::Array(items) => items.iter().for_each(|v| walk(key, v, out)),
            toml::Value::Table(table) => table.iter().for_each(|(k, v)| walk(k, v, out)),
            _ => {}
        }
    }
    table.iter().for_each(|(k, v)| walk(k, v, out));
}

fn check_fields(
    shown: &Path,
    split: &Split<'_>,
    fields: &[(&str, &str)],
) -> Result<(), Diagnostic> {
    for (key, value) in fields {
        let Some(control) = value.chars().find(|c| is_direction_control(*c)) else {
            continue;
        };
        let code = format!("U+{:04X}", control as u32);
        let diagnostic =
            Diagnostic::new(shown, t!("text-bidi-control", field = *key, code = &code))
                .hint(t!("text-bidi-control-hint"));
        let line = key_line(split, key);
        return Err(match column_of(split, line, control) {
            Some((line, column)) => diagnostic.at(line, column),
            None => diagnostic.at_line(line),
        });
    }
    Ok(())
}

/// Where `control` is written, from the file line `line` on: the character itself, or a TOML
/// escape of it (`\u202E`).
fn column_of(split: &Split<'_>, line: usize, control: char) -> Option<(usize, usize)> {
    let code = control as u32;
    let escapes = [
        format!("\\u{code:04X}"),
        format!("\\u{code:04x}"),
        format!("\\U{code:08X}"),
        format!("\\U{code:08x}"),
    ];
    let skip = line.checked_sub(split.front_matter_line)?;
    split
        .front_matter
        .lines()
        .enumerate()
        .skip(skip)
        .find_map(|(i, text)| {
            let at = text
                .find(control)
                .or_else(|| escapes.iter().find_map(|e| text.find(e.as_str())))?;
            Some((i + split.front_matter_line, text[..at].chars().count() + 1))
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn direction_controls_are_known_and_nothing_else() {
        for c in [
            '\u{202A}', '\u{202E}', '\u{2066}', '\u{2069}', '\u{200E}', '\u{200F}', '\u{061C}',
        ] {
            assert!(is_direction_control(c), "{c:?}");
        }
        for c in ['a', '标', '\u{200B}', '\u{2065}', '\u{202F}', '\u{0600}'] {
            assert!(!is_direction_control(c), "{c:?}");
        }
    }
}
