//! The raw HTML a policy page publishes (where `allow_raw_html = true`): one allow-list with two
//! uses. ammonia publishes the page through it, so what a browser can be made to do by markup
//! outside the list (`<base>`, `<meta http-equiv=refresh>`, stylesheets, namespace tricks,
//! mutation XSS) is kept out by a sanitizer whose maintainers follow new attack classes; and the
//! editor's report (`super::checks`) is derived from the same tables, so what the list leaves
//! out stops the build with its place in the Markdown instead of vanishing silently.
//!
//! Decisions (docs/ARCHITECTURE.md and SECURITY.md say why at more length):
//! - links get no `rel` and may have no `target`: nothing opens in another window, so there is
//!   no opener to protect, and links of a page read the same with raw HTML and without it;
//! - `id` is allowed (footnotes, headings and anchors an editor links to); automatic heading
//!   ids give way to it, and an id used twice in a page is an error of the report;
//! - `class` is allowed: it can only pick styles of the site's own stylesheet;
//! - comments are dropped: they are notes to colleagues, never meant for readers;
//! - `style` is not allowed: pages take their look from the theme, and CSS can load addresses.

use std::borrow::Cow;
use std::collections::{HashMap, HashSet};
use std::sync::OnceLock;

use super::safety::{self, UrlUse};

/// Attributes every published element may have.
pub const GLOBAL_ATTRIBUTES: [&str; 5] = ["id", "class", "lang", "dir", "title"];

/// The elements an editor's raw HTML may publish, each with the attributes it may have besides
/// [`GLOBAL_ATTRIBUTES`]: what policy documents are made of (headings, paragraphs, lists,
/// tables with merged cells, images, links, footnotes, abbreviations, ruby), nothing that runs,
/// loads or restyles.
pub const ELEMENTS: &[(&str, &[&str])] = &[
    ("h1", &[]),
    ("h2", &[]),
    ("h3", &[]),
    ("h4", &[]),
    ("h5", &[]),
    ("h6", &[]),
    ("p", &[]),
    ("br", &[]),
    ("hr", &[]),
    ("div", &[]),
    ("span", &[]),
    ("blockquote", &[]),
    ("pre", &[]),
    ("code", &[]),
    ("ul", &[]),
    ("ol", &["start", "reversed", "type"]),
    ("li", &["value"]),
    ("dl", &[]),
    ("dt", &[]),
    ("dd", &[]),
    ("table", &[]),
    ("caption", &[]),
    ("colgroup", &["span"]),
    ("col", &["span"]),
    ("thead", &[]),
    ("tbody", &[]),
    ("tfoot", &[]),
    ("tr", &[]),
    ("th", &["colspan", "rowspan", "scope", "headers", "abbr"]),
    ("td", &["colspan", "rowspan", "headers"]),
    ("a", &["href", "hreflang"]),
    ("img", &["src", "alt", "width", "height"]),
    ("figure", &[]),
    ("figcaption", &[]),
    ("details", &["open"]),
    ("summary", &[]),
    ("abbr", &[]),
    ("sup", &[]),
    ("sub", &[]),
    ("em", &[]),
    ("strong", &[]),
    ("b", &[]),
    ("i", &[]),
    ("u", &[]),
    ("s", &[]),
    ("del", &["datetime"]),
    ("ins", &["datetime"]),
    ("mark", &[]),
    ("small", &[]),
    ("q", &[]),
    ("cite", &[]),
    ("time", &["datetime"]),
    ("ruby", &[]),
    ("rt", &[]),
    ("rp", &[]),
    ("bdi", &[]),
];

/// Markup the Markdown renderer writes and editors may not: a task list's boxes (always
/// disabled, see [`RENDERER_VALUES`]) and a table column's alignment (`style="text-align: …"`,
/// with no other property, see [`RENDERER_STYLE`]).
const RENDERER_MARKUP: &[(&str, &[&str])] = &[
    ("input", &["checked", "disabled"]),
    ("th", &["style"]),
    ("td", &["style"]),
];

/// `<input type="checkbox" disabled>` and no other input.
const RENDERER_VALUES: &[(&str, &str, &str)] = &[("input", "type", "checkbox")];

/// The one CSS property the renderer's `style` sets.
const RENDERER_STYLE: [&str; 1] = ["text-align"];

/// Schemes of the addresses a page links to (and relative addresses: paths and `#anchors`).
/// `data:` is allowed only as a raster image's source ([`refused_address`]).
pub const SCHEMES: [&str; 4] = ["http", "https", "mailto", "tel"];

/// Elements dropped with everything in them: what they hold is code, or markup a browser reads
/// as text, never words for the reader.
const DROPPED_WITH_CONTENT: [&str; 11] = [
    "script",
    "style",
    "noscript",
    "template",
    "textarea",
    "title",
    "xmp",
    "iframe",
    "noembed",
    "noframes",
    "plaintext",
];

/// The page's rendered Markdown (with raw HTML in it) as it is published: only what the
/// allow-list names is kept, and every address is checked again as ammonia reads it.
pub fn publish(html: &str) -> String {
    let clean = sanitizer().clean(html).to_string();
    // ammonia filters a `style`'s declarations but keeps the attribute when none is left
    // (`<td style="https://…">` gives `style=""`): an empty one is dropped.
    if clean.contains("style=\"\"") {
        drop_empty_styles(&clean).unwrap_or(clean)
    } else {
        clean
    }
}

/// `html` without its empty `style` attributes; `None` when it cannot be read (never for
/// ammonia's output).
fn drop_empty_styles(html: &str) -> Option<String> {
    let handler = lol_html::element!("[style='']", |el| {
        el.remove_attribute("style");
        Ok(())
    });
    lol_html::rewrite_str(
        html,
        lol_html::RewriteStrSettings {
            element_content_handlers: vec![handler],
            ..lol_html::RewriteStrSettings::new()
        },
    )
    .ok()
}

fn sanitizer() -> &'static ammonia::Builder<'static> {
    static SANITIZER: OnceLock<ammonia::Builder<'static>> = OnceLock::new();
    SANITIZER.get_or_init(|| {
        let mut tags: HashSet<&str> = HashSet::new();
        let mut attributes: HashMap<&str, HashSet<&str>> = HashMap::new();
        for (element, allowed) in ELEMENTS.iter().chain(RENDERER_MARKUP) {
            tags.insert(element);
            attributes
                .entry(element)
                .or_default()
                .extend(allowed.iter().copied());
        }
        let mut values: HashMap<&str, HashMap<&str, HashSet<&str>>> = HashMap::new();
        for (element, attribute, value) in RENDERER_VALUES {
            values
                .entry(element)
                .or_default()
                .entry(attribute)
                .or_default()
                .insert(value);
        }
        let mut schemes: HashSet<&str> = SCHEMES.into_iter().collect();
        // For raster images only: `refused_address` below says which.
        schemes.insert("data");
        let mut builder = ammonia::Builder::empty();
        builder
            .tags(tags)
            .clean_content_tags(DROPPED_WITH_CONTENT.into_iter().collect())
            .generic_attributes(GLOBAL_ATTRIBUTES.into_iter().collect())
            .tag_attributes(attributes)
            .tag_attribute_values(values)
            .set_tag_attribute_values(HashMap::from([(
                "input",
                HashMap::from([("disabled", "")]),
            )]))
            .filter_style_properties(RENDERER_STYLE.into_iter().collect())
            .url_schemes(schemes)
            .url_relative(ammonia::UrlRelative::PassThrough)
            .link_rel(None)
            .strip_comments(true)
            .id_prefix(None)
            .attribute_filter(|element, attribute, value| {
                if is_address(attribute) && refused_address(element, value).is_some() {
                    None
                } else {
                    Some(Cow::Borrowed(value))
                }
            });
        builder
    })
}

/// Whether the sanitizer may leave `attribute` (or, with `None`, the element itself) on
/// `element` in a published page: what an editor may write and the renderer's own markup.
pub fn may_publish(element: &str, attribute: Option<&str>) -> bool {
    ELEMENTS
        .iter()
        .chain(RENDERER_MARKUP)
        .filter(|(name, _)| *name == element)
        .any(|(_, allowed)| {
            attribute.is_none_or(|a| {
                GLOBAL_ATTRIBUTES.contains(&a)
                    || allowed.contains(&a)
                    || RENDERER_VALUES
                        .iter()
                        .any(|(e, name, _)| *e == element && *name == a)
            })
        })
}

/// Whether an editor may write `element`.
pub fn allows_element(element: &str) -> bool {
    ELEMENTS.iter().any(|(name, _)| *name == element)
}

/// Whether an editor may write `attribute` on `element` (which [`allows_element`]).
pub fn allows_attribute(element: &str, attribute: &str) -> bool {
    GLOBAL_ATTRIBUTES.contains(&attribute)
        || ELEMENTS
            .iter()
            .any(|(name, allowed)| *name == element && allowed.contains(&attribute))
}

/// The elements an editor may write, for messages: `a, abbr, b, …`.
pub fn element_names() -> String {
    let mut names: Vec<&str> = ELEMENTS.iter().map(|(name, _)| *name).collect();
    names.sort_unstable();
    names.join(", ")
}

/// The attributes an editor may write on `element`, for messages: its own, then the global ones.
pub fn attribute_names(element: &str) -> String {
    ELEMENTS
        .iter()
        .filter(|(name, _)| *name == element)
        .flat_map(|(_, allowed)| allowed.iter())
        .chain(GLOBAL_ATTRIBUTES.iter())
        .copied()
        .collect::<Vec<_>>()
        .join(", ")
}

/// Whether an allowed attribute holds an address (`<a href>`, `<img src>`; ammonia reads these
/// two names as addresses on every element).
pub fn is_address(attribute: &str) -> bool {
    matches!(attribute, "href" | "src")
}

/// Why an address is not published.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Refusal {
    /// A scheme that runs code or leaves the web (`javascript:`, `data:`…, see [`safety`]).
    Dangerous(&'static str),
    /// Another scheme outside [`SCHEMES`] (`ftp:`, `blob:`, `C:`…).
    Scheme(String),
    /// Not an address a browser can follow (`https://a b/`).
    Unreadable,
}

/// Why the address `value` of an address attribute of `element` is not published, or `None`:
/// relative addresses and [`SCHEMES`] are, and `data:` raster images in `<img src>`. `value` is
/// the address after HTML decoding.
pub fn refused_address(element: &str, value: &str) -> Option<Refusal> {
    let usage = if element == "img" {
        UrlUse::Image
    } else {
        UrlUse::Link
    };
    if let Some(scheme) = safety::dangerous_scheme(value, usage) {
        return Some(Refusal::Dangerous(scheme));
    }
    match url::Url::parse(value) {
        Ok(url) => {
            let scheme = url.scheme();
            // A `data:` image got past `dangerous_scheme`: a raster image.
            let image = scheme == "data" && usage == UrlUse::Image;
            (!SCHEMES.contains(&scheme) && !image).then(|| Refusal::Scheme(scheme.to_string()))
        }
        Err(url::ParseError::RelativeUrlWithoutBase) => None,
        Err(_) => Some(Refusal::Unreadable),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Kept as the renderer wrote it, but for the spaces of a column's alignment
    /// (`text-align:center`: ammonia writes the declarations it keeps without them).
    #[test]
    fn the_renderer_s_own_markup_is_kept() {
        let html = "<h2 id=\"一-总体要求\">一、总体要求</h2>\n\
                    <table><thead><tr><th style=\"text-align:center\">甲</th></tr></thead><tbody>\n\
                    <tr><td style=\"text-align:right\">1</td></tr>\n</tbody></table>\n\
                    <ul>\n<li><input disabled=\"\" type=\"checkbox\" checked=\"\">\n完成</li>\n</ul>\n\
                    <p>注<sup class=\"footnote-reference\"><a href=\"#1\">1</a></sup></p>\n\
                    <div class=\"footnote-definition\" id=\"1\"><sup class=\"footnote-definition-label\">1</sup>\n<p>脚注</p>\n</div>\n\
                    <pre class=\"highlight\"><code class=\"language-rust\"><span class=\"hl-source\">fn</span></code></pre>\n\
                    <p class=\"addressee\">各部门：</p>\n<ol start=\"3\">\n<li>三</li>\n</ol>\n\
                    <p><img src=\"data:image/png;base64,iVBORw0KGgo=\" alt=\"图\" title=\"题\"></p>\n";
        assert_eq!(publish(html), html);
    }

    #[test]
    fn what_the_list_leaves_out_is_not_published() {
        for (hostile, published) in [
            (
                "<base href=\"http://127.0.0.1:18083/\"><p>x</p>",
                "<p>x</p>",
            ),
            (
                "<meta http-equiv=\"refresh\" content=\"0;url=https://evil\">x",
                "x",
            ),
            (
                "<link rel=\"stylesheet\" href=\"https://evil/a.css\">x",
                "x",
            ),
            ("<style>@import url(https://evil/a.css);</style>x", "x"),
            (
                "<p style=\"background:url(https://evil/a.png)\">x</p>",
                "<p>x</p>",
            ),
            ("<td style=\"background:url(x)\">x</td>", "x"),
            (
                "<table><tr><td style=\"https://evil.example/\">x</td></tr></table>",
                "<table><tbody><tr><td>x</td></tr></tbody></table>",
            ),
            (
                "<table><tr><td style=\"color:red;text-align:left\">x</td></tr></table>",
                "<table><tbody><tr><td style=\"text-align:left\">x</td></tr></tbody></table>",
            ),
            // An input that is no task box loses its type and is disabled (and the report
            // refuses every input an editor writes).
            ("<input type=\"text\" value=\"x\">", "<input disabled=\"\">"),
            (
                "<input type=\"checkbox\">",
                "<input type=\"checkbox\" disabled=\"\">",
            ),
            ("<a href=\"data:image/png;base64,AA\">x</a>", "<a>x</a>"),
            (
                "<img src=\"data:image/svg+xml,x\" alt=\"a\">",
                "<img alt=\"a\">",
            ),
            ("<a href=\"ftp://a.cn/x\">x</a>", "<a>x</a>"),
            ("<a href=\"%6Aavascript:alert(1)\">x</a>", "<a>x</a>"),
            (
                "<a href=\"/a/\" target=\"_blank\" rel=\"opener\">x</a>",
                "<a href=\"/a/\">x</a>",
            ),
            ("<!-- 内部说明 -->x", "x"),
            // An element of another namespace goes with what it holds.
            ("<svg><a href=\"/a/\">x</a></svg>", ""),
        ] {
            assert_eq!(publish(hostile), published, "{hostile}");
        }
    }

    #[test]
    fn addresses_are_judged_once_for_both_uses() {
        for ok in [
            "/a/",
            "#一-总体要求",
            "https://a.cn/",
            "mailto:a@b.cn",
            "tel:+86",
            "",
        ] {
            assert_eq!(refused_address("a", ok), None, "{ok}");
        }
        assert_eq!(refused_address("img", "data:image/png;base64,AA"), None);
        assert_eq!(
            refused_address("a", "data:image/png;base64,AA"),
            Some(Refusal::Dangerous("data"))
        );
        assert_eq!(
            refused_address("a", "java\tscript:x"),
            Some(Refusal::Dangerous("javascript"))
        );
        assert_eq!(
            refused_address("a", "C:\\a.doc"),
            Some(Refusal::Scheme("c".into()))
        );
        assert_eq!(
            refused_address("a", "https://a b/"),
            Some(Refusal::Unreadable)
        );
    }

    #[test]
    fn the_report_s_view_leaves_out_the_renderer_s_markup() {
        assert!(allows_element("table") && allows_element("abbr"));
        assert!(!allows_element("input") && !allows_element("base"));
        assert!(allows_attribute("td", "rowspan") && allows_attribute("span", "lang"));
        assert!(!allows_attribute("td", "style") && !allows_attribute("a", "target"));
        assert_eq!(
            attribute_names("a"),
            "href, hreflang, id, class, lang, dir, title"
        );
        assert!(element_names().starts_with("a, abbr, b, bdi, blockquote, br, caption"));
        assert!(may_publish("input", Some("type")) && may_publish("th", Some("style")));
        assert!(!may_publish("input", Some("value")) && !may_publish("p", Some("style")));
    }
}
