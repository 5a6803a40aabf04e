//! Shortcodes: `{{ indicator(city="rizhao", id="…") }}` in a Markdown page puts a live figure
//! from `data/` into the text, rendered by the theme's `shortcodes/<name>.html`. The calls are
//! found when a page is read (`crate::content::shortcodes`); here they are checked and rendered.

use tera::Context;

use crate::content::shortcodes::{marker, Call};
use crate::content::Page;
use crate::data::Data;
use crate::error::Diagnostic;
use crate::labels::Labels;
use crate::render::Templates;
use crate::t;

/// Stands for the script's root URL in shortcode output, which is rendered once for both
/// scripts; `Site::render_route` puts the real root in.
pub(crate) const ROOT_MARKER: &str = "\u{E002}";

/// `html` (a rendered page) with the script's root URL in place of every [`ROOT_MARKER`],
/// escaped for HTML: the marker was put in by Tera, which escapes what it writes, and may stand
/// in an attribute or in text. (`base_url` is checked and percent-encoded when it is read, see
/// `config::normalize_base_url`; this keeps a root that is not from there inert too.)
pub(crate) fn replace_root_marker(html: &str, root: &str) -> String {
    html.replace(ROOT_MARKER, &crate::escape::html(root))
}

/// Checks a page's calls before anything is rendered: each names a shortcode the theme has,
/// and an `indicator` call names a target in the data.
pub(crate) fn check(page: &Page, data: &Data, templates: &Templates) -> Vec<Diagnostic> {
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
                    problems.push(at(
                        call,
                        t!(
                            "shortcode-no-indicator",
                            id = id,
                            city = city,
                            places = data.indicator_places(city)
                        ),
                    ))
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
pub(crate) fn context<'v>(
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
pub(crate) fn fill<'v>(
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
}
