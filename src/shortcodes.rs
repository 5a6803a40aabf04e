//! Shortcodes: `{{ indicator(city="rizhao", id="…") }}` in a Markdown page puts a live figure
//! from `data/` into the text, rendered by the theme's `shortcodes/<name>.html`.

use std::collections::BTreeMap;

use tera::Context;

use crate::content::Page;
use crate::data::Data;
use crate::error::Diagnostic;
use crate::labels::Labels;
use crate::render::Templates;
use crate::t;

/// Marks where a shortcode's HTML goes; private-use characters never appear in real text.
const OPEN: char = '\u{E000}';
const CLOSE: char = '\u{E001}';
/// Stands for the script's root URL in shortcode output, which is rendered once for both
/// scripts; `Site::render_route` puts the real root in.
pub const ROOT_MARKER: &str = "\u{E002}";

/// `html` (a rendered page) with the script's root URL in place of every [`ROOT_MARKER`],
/// escaped for HTML: the marker was put in by Tera, which escapes what it writes, and may stand
/// in an attribute or in text. (`base_url` is checked and percent-encoded when it is read, see
/// `config::normalize_base_url`; this keeps a root that is not from there inert too.)
pub fn replace_root_marker(html: &str, root: &str) -> String {
    html.replace(ROOT_MARKER, &crate::escape::html(root))
}

#[derive(Debug, Clone, PartialEq)]
pub struct Call {
    pub name: String,
    pub args: BTreeMap<String, String>,
    /// Byte range in the Markdown.
    pub start: usize,
    pub end: usize,
}

/// Finds shortcode calls outside fenced code blocks.
pub fn find_calls(markdown: &str) -> Result<Vec<Call>, (usize, String)> {
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
pub fn mark(markdown: &str, calls: &[Call]) -> String {
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
pub fn marker(n: usize) -> String {
    format!("{OPEN}{n}{CLOSE}")
}

/// `text` without shortcode markers (for summaries and word counts).
pub fn strip_markers(text: &str) -> std::borrow::Cow<'_, str> {
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

/// Checks a page's calls before anything is rendered: each names a shortcode the theme has,
/// and an `indicator` call names a target in the data.
pub fn check(page: &Page, data: &Data, templates: &Templates) -> Vec<Diagnostic> {
    let at = |call: &Call, message: String| {
        Diagnostic::new(&page.file, message).at_offset(&page.raw, call.start, page.body_line)
    };
    let mut problems = Vec::new();
    for call in &page.shortcodes {
        let template = template_name(call);
        if !templates.files.contains_key(&template) {
            problems.push(at(
                call,
                t!("shortcode-unknown", name = &call.name, template = &template),
            ));
        } else if call.name == "indicator" {
            match (call.args.get("city"), call.args.get("id")) {
                (Some(city), Some(id))
                    if data.indicator(city, id).is_none()
                        && !data.gaps.may_have_indicator(city, id) =>
                {
                    problems.push(at(call, t!("shortcode-no-indicator", id = id, city = city)))
                }
                (Some(_), Some(_)) => {}
                _ => problems.push(at(call, t!("shortcode-indicator-args"))),
            }
        }
    }
    problems
}

fn template_name(call: &Call) -> String {
    format!("shortcodes/{}.html", call.name)
}

/// What a shortcode's template receives: `root`, `labels`, the call's arguments, and for an
/// `indicator` call the target's view (`indicator` gives it by the target's path).
pub fn context<'v>(
    call: &Call,
    labels: &Labels,
    indicator: &dyn Fn(&str) -> Option<&'v crate::views::IndicatorView>,
) -> Context {
    let mut context = Context::new();
    context.insert("root", ROOT_MARKER);
    context.insert("labels", labels.for_templates());
    for (k, v) in &call.args {
        context.insert(k.as_str(), v);
    }
    if call.name == "indicator" {
        if let (Some(city), Some(id)) = (call.args.get("city"), call.args.get("id")) {
            if let Some(view) = indicator(&format!("cities/{city}/indicators/{id}/")) {
                context.insert("indicator", &view);
            }
        }
    }
    context
}

/// A page's HTML with its shortcodes rendered in place of their markers. An `indicator` call
/// shows the target's view, which `indicator` gives (by the target's path); every shortcode
/// template sees the labels, like the page's.
pub fn fill<'v>(
    page: &Page,
    templates: &Templates,
    labels: &Labels,
    indicator: &dyn Fn(&str) -> Option<&'v crate::views::IndicatorView>,
) -> Result<String, Diagnostic> {
    let mut html = page.html.clone();
    for (n, call) in page.shortcodes.iter().enumerate() {
        let context = context(call, labels, indicator);
        let piece = templates
            .tera
            .render(&template_name(call), &context)
            .map_err(|e| crate::render::template_error(&templates.files, &e))?;
        html = html.replace(&marker(n), piece.trim());
    }
    Ok(html)
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
    fn root_is_escaped_where_the_marker_was() {
        let html = format!("<a href=\"{ROOT_MARKER}x/\">{ROOT_MARKER}</a>");
        assert_eq!(
            replace_root_marker(&html, "/bzh/"),
            "<a href=\"/bzh/x/\">/bzh/</a>"
        );
        assert_eq!(
            replace_root_marker(&html, "/\"><svg/onload=alert(1)>'/"),
            "<a href=\"/&quot;&gt;&lt;svg/onload=alert(1)&gt;&#39;/x/\">/&quot;&gt;&lt;svg/onload=alert(1)&gt;&#39;/</a>"
        );
    }

    #[test]
    fn malformed_calls_are_errors() {
        assert!(find_calls("{{ indicator(city=rizhao) }}").is_err());
        assert!(find_calls("{{ indicator(city=\"a\"").is_err());
    }
}
