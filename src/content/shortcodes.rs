//! Shortcode calls in a page's Markdown, found when the page is read: `{{ indicator(city=
//! "rizhao", id="…") }}` is parsed, and replaced by a marker the page's HTML keeps until the
//! page is rendered (see `crate::shortcodes`, which renders them).

use std::collections::BTreeMap;

use crate::t;

/// Marks where a shortcode's HTML goes; private-use characters never appear in real text.
const OPEN: char = '\u{E000}';
const CLOSE: char = '\u{E001}';
#[derive(Debug, Clone, PartialEq)]
pub struct Call {
    pub name: String,
    pub args: BTreeMap<String, String>,
    /// Byte range in the Markdown.
    pub start: usize,
    pub end: usize,
}

/// Finds shortcode calls outside fenced code blocks.
pub(crate) fn find_calls(markdown: &str) -> Result<Vec<Call>, (usize, String)> {
    let mut calls = Vec::new();
    let mut offset = 0;
    let mut in_fence = false;
    for line in markdown.split_inclusive('\n') {
        let trimmed = line.trim_start();
        if trimmed.starts_with("```") || trimmed.starts_with("~~~") {
            in_fence = !in_fence;
        } else if !in_fence {
            let mut search = 0;
            while let Some(found) = line[search..].find("{{") {
                let start = search + found;
                let Some(len) = line[start..].find("}}") else {
                    return Err((offset + start, t!("shortcode-unclosed")));
                };
                let inner = line[start + 2..start + len].trim();
                let call = parse_call(inner).map_err(|m| (offset + start, m))?;
                calls.push(Call {
                    start: offset + start,
                    end: offset + start + len + 2,
                    ..call
                });
                search = start + len + 2;
            }
        }
        offset += line.len();
    }
    Ok(calls)
}

fn parse_call(inner: &str) -> Result<Call, String> {
    let bad = || t!("shortcode-bad", call = format!("{{{{ {inner} }}}}"));
    let open = inner.find('(').ok_or_else(bad)?;
    let name = inner[..open].trim().to_string();
    let args_text = inner[open + 1..].strip_suffix(')').ok_or_else(bad)?;
    if name.is_empty() || !name.chars().all(|c| c.is_ascii_alphanumeric() || c == '_') {
        return Err(bad());
    }
    let mut args = BTreeMap::new();
    let mut rest = args_text.trim();
    while !rest.is_empty() {
        let eq = rest.find('=').ok_or_else(bad)?;
        let key = rest[..eq].trim().to_string();
        let after = rest[eq + 1..].trim_start();
        let quote = after
            .chars()
            .next()
            .filter(|c| *c == '"' || *c == '\'')
            .ok_or_else(bad)?;
        let close = after[1..].find(quote).ok_or_else(bad)?;
        args.insert(key, after[1..1 + close].to_string());
        rest = after[close + 2..]
            .trim_start()
            .trim_start_matches(',')
            .trim_start();
    }
    Ok(Call {
        name,
        args,
        start: 0,
        end: 0,
    })
}

/// The Markdown with a marker in place of each call, which the page's HTML keeps until the
/// page is rendered ([`fill`]).
pub(crate) fn mark(markdown: &str, calls: &[Call]) -> String {
    let mut marked = String::with_capacity(markdown.len());
    let mut last = 0;
    for (n, call) in calls.iter().enumerate() {
        marked.push_str(&markdown[last..call.start]);
        marked.push_str(&marker(n));
        last = call.end;
    }
    marked.push_str(&markdown[last..]);
    marked
}

/// The marker of the `n`th shortcode of a page.
pub(crate) fn marker(n: usize) -> String {
    format!("{OPEN}{n}{CLOSE}")
}

/// `text` without shortcode markers (for summaries and word counts).
pub(crate) fn strip_markers(text: &str) -> std::borrow::Cow<'_, str> {
    if !text.contains(OPEN) {
        return text.into();
    }
    let mut out = String::with_capacity(text.len());
    let mut inside = false;
    for c in text.chars() {
        match c {
            OPEN => inside = true,
            CLOSE => inside = false,
            c if !inside => out.push(c),
            _ => {}
        }
    }
    out.into()
}

/// The offset in a page's Markdown of `offset` in the same Markdown with its shortcode calls
/// replaced by markers ([`mark`]).
pub(crate) fn unmarked_offset(offset: usize, calls: &[Call]) -> usize {
    let mut shift = 0isize; // unmarked − marked, before the current call
    for (n, call) in calls.iter().enumerate() {
        let marked_start = (call.start as isize - shift) as usize;
        let marker = marker(n).len();
        if offset < marked_start {
            break;
        }
        if offset < marked_start + marker {
            return call.start;
        }
        shift += (call.end - call.start) as isize - marker as isize;
    }
    (offset as isize + shift) as usize
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_calls_outside_code() {
        let md = "目标{{ indicator(city=\"rizhao\", id='pass-rate') }}。\n```\n{{ not(a=\"b\") }}\n```\n";
        let calls = find_calls(md).unwrap();
        assert_eq!(calls.len(), 1);
        assert_eq!(calls[0].name, "indicator");
        assert_eq!(calls[0].args["city"], "rizhao");
        assert_eq!(calls[0].args["id"], "pass-rate");
        assert_eq!(
            &md[calls[0].start..calls[0].end],
            "{{ indicator(city=\"rizhao\", id='pass-rate') }}"
        );
    }

    #[test]
    fn malformed_calls_are_errors() {
        assert!(find_calls("{{ indicator(city=rizhao) }}").is_err());
        assert!(find_calls("{{ indicator(city=\"a\"").is_err());
    }
    #[test]
    fn offsets_past_shortcodes_are_mapped_back() {
        let markdown = "甲{{ a(x=\"1\") }}乙,丙{{ b() }},丁";
        let calls = find_calls(markdown).unwrap();
        let marked = mark(markdown, &calls);
        let fixes = crate::content::markdown::punctuation_fixes(&marked);
        let offsets: Vec<usize> = fixes
            .iter()
            .map(|f| unmarked_offset(f.offset, &calls))
            .collect();
        let commas: Vec<usize> = markdown.match_indices(',').map(|(i, _)| i).collect();
        assert_eq!(offsets, commas);
    }
}
