//! Converts a rendered HTML page to one script: text and the human-readable attributes, never
//! markup. Working on the final HTML catches content, theme strings and data alike.
//!
//! Left as written: tags, URLs (attributes that hold one, and a `<meta>` whose content is one,
//! such as `og:url`), ids, classes, `<code>`, `<pre>`, `<kbd>`, `<samp>`, `<script>`, `<style>`,
//! anything marked `translate="no"`, and anything marked with a `lang` other than the page's
//! (the language switch names the other script in that script).
//!
//! Most pages go through `scan`, a single pass that gives the same bytes as the lol_html
//! rewriter below for the HTML the theme and the renderer write; pages it does not read (SVG,
//! unusual markup) go through lol_html.

mod scan;

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use lol_html::html_content::{ContentType, Element};
use lol_html::{doc_text, element, rewrite_str, RewriteStrSettings};

use super::{Converter, Script};

/// Attributes people read or hear: converted like text. `data-label` is a table cell's label
/// shown before it when a table is laid out as cards on a phone (`content: attr(data-label)`).
pub(super) const TEXT_ATTRIBUTES: [&str; 6] = [
    "alt",
    "title",
    "aria-label",
    "aria-description",
    "placeholder",
    "data-label",
];

/// Elements whose content is code or machine text.
const VERBATIM_ELEMENTS: [&str; 6] = ["code", "pre", "kbd", "samp", "script", "style"];

/// Elements that may carry a readable attribute.
const READABLE_SELECTOR: &str =
    "[alt], [title], [aria-label], [aria-description], [placeholder], [data-label], meta[content]";

/// Elements that may be verbatim (see [`is_verbatim`]).
const VERBATIM_SELECTOR: &str = "code, pre, kbd, samp, script, style, [translate], [lang]";

/// `html` with all its text in `script`.
pub fn convert_html(converter: &Converter, script: Script, html: &str) -> Result<String, String> {
    match scan::convert(converter, script, html) {
        Some(converted) => Ok(converted),
        None => convert_html_rewriter(converter, script, html),
    }
}

/// The quick path of [`convert_html`] alone: `None` when it leaves the page to lol_html.
pub fn quick_path(converter: &Converter, script: Script, html: &str) -> Option<String> {
    scan::convert(converter, script, html)
}

/// [`convert_html`] through the lol_html rewriter, for any HTML: the reference the quick path
/// is tested against (`tests/it/properties.rs`).
pub fn convert_html_rewriter(
    converter: &Converter,
    script: Script,
    html: &str,
) -> Result<String, String> {
    let verbatim_depth = Rc::new(Cell::new(0usize));
    let pending = RefCell::new(String::new());

    // Two narrow selectors rather than `*`: most elements have neither readable attributes nor
    // verbatim content.
    let attribute_handler = element!(READABLE_SELECTOR, move |el| {
        convert_attributes(converter, script, el);
        Ok(())
    });
    let depth_for_elements = Rc::clone(&verbatim_depth);
    let verbatim_handler = element!(VERBATIM_SELECTOR, move |el| {
        if element_is_verbatim(el, script) {
            if let Some(handlers) = el.end_tag_handlers() {
                depth_for_elements.set(depth_for_elements.get() + 1);
                let depth = Rc::clone(&depth_for_elements);
                handlers.push(Box::new(move |_end| {
                    depth.set(depth.get().saturating_sub(1));
                    Ok(())
                }));
            }
        }
        Ok(())
    });

    let depth_for_text = Rc::clone(&verbatim_depth);
    let text_handler = doc_text!(move |chunk| {
        if depth_for_text.get() > 0 {
            return Ok(());
        }
        // A text node can arrive in several chunks; phrases must be converted whole.
        let mut buffer = pending.borrow_mut();
        buffer.push_str(chunk.as_str());
        if chunk.last_in_text_node() {
            if !buffer.is_ascii() {
                // The buffer is HTML (entities as written): converted as such, it stays text.
                let converted = converter.convert_html_text(script, &buffer);
                chunk.replace(&converted, ContentType::Html);
            } else if buffer.len() != chunk.as_str().len() {
                chunk.replace(&buffer, ContentType::Html);
            }
            buffer.clear();
        } else {
            chunk.remove();
        }
        Ok(())
    });

    rewrite_str(
        html,
        RewriteStrSettings {
            element_content_handlers: vec![attribute_handler, verbatim_handler],
            document_content_handlers: vec![text_handler],
            ..RewriteStrSettings::new()
        },
    )
    .map_err(|e| crate::t!("html-not-converted", error = e.to_string()))
}

fn element_is_verbatim(el: &Element, script: Script) -> bool {
    is_verbatim(&el.tag_name(), |n| el.get_attribute(n), script)
}

/// Whether the element `tag` (lowercase) with attributes `get` keeps its content as written.
fn is_verbatim<S: AsRef<str>>(tag: &str, get: impl Fn(&str) -> Option<S>, script: Script) -> bool {
    if VERBATIM_ELEMENTS.contains(&tag) {
        return true;
    }
    if get("translate").is_some_and(|t| t.as_ref().eq_ignore_ascii_case("no")) {
        return true;
    }
    tag != "html"
        && get("lang").is_some_and(|lang| !lang.as_ref().eq_ignore_ascii_case(script.lang()))
}

/// `<meta>` names and properties whose content is an address, never text.
const ADDRESS_METAS: [&str; 11] = [
    "og:url",
    "og:image",
    "og:image:url",
    "og:image:secure_url",
    "og:audio",
    "og:video",
    "og:see_also",
    "twitter:url",
    "twitter:image",
    "sitedomain",
    "msapplication-tileimage",
];

/// Whether a value is an address (absolute, site-relative or relative with a dot), which is
/// never converted: a page's URL may hold Chinese (a topic's slug is its name), and converted
/// it would point to a page that does not exist.
fn is_address(value: &str) -> bool {
    let lower = value.trim_start().to_ascii_lowercase();
    [
        "http://", "https://", "//", "/", "./", "../", "mailto:", "tel:",
    ]
    .iter()
    .any(|prefix| lower.starts_with(prefix))
}

/// Whether a `<meta>`'s content is text to convert (a description, a title), not an address
/// (`tag` lowercase, `get` its attributes).
fn is_text_meta<S: AsRef<str>>(tag: &str, get: impl Fn(&str) -> Option<S>) -> bool {
    if tag != "meta" {
        return false;
    }
    let Some(key) = get("property").or_else(|| get("name")) else {
        return false;
    };
    !ADDRESS_METAS.contains(&key.as_ref().to_ascii_lowercase().as_str())
        && !get("content").is_some_and(|c| is_address(c.as_ref()))
}

fn convert_attributes(converter: &Converter, script: Script, el: &mut Element) {
    // Only a meta's content that is text: og:url once became the Traditional spelling of its
    // topic's address, a page that does not exist.
    let meta_content = is_text_meta(&el.tag_name(), |n| el.get_attribute(n));
    let names = TEXT_ATTRIBUTES
        .iter()
        .copied()
        .chain(meta_content.then_some("content"));
    for name in names {
        // lol_html gives the value as written (entities not decoded) and writes it back as it
        // is given, escaping `"` only: it is HTML text, converted as such.
        if let Some(value) = el.get_attribute(name) {
            if !value.is_ascii() {
                let converted = converter.convert_html_text(script, &value);
                if converted != value {
                    // Only fails for invalid attribute names, and these are fixed ones.
                    let _ = el.set_attribute(name, &converted);
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::script::{SiteDictionary, TraditionalProfile};

    fn to_hant(html: &str) -> String {
        let c = Converter::new(TraditionalProfile::S2t, &SiteDictionary::default());
        convert_html(&c, Script::Hant, html).unwrap()
    }

    #[test]
    fn converts_text_and_readable_attributes_only() {
        let html = r#"<p class="标准" id="标准化" title="标准化">标准化<a href="/标准/">发展</a><img alt="图表" src="图.svg"></p>"#;
        assert_eq!(
            to_hant(html),
            r#"<p class="标准" id="标准化" title="標準化">標準化<a href="/标准/">發展</a><img alt="圖表" src="图.svg"></p>"#
        );
    }

    #[test]
    fn leaves_code_scripts_and_marked_text_alone() {
        let html = "<pre><code>发展 <span>规划</span></code></pre><script>var a='发展'</script>\
                    <style>.a::after{content:'发'}</style><span translate=\"no\">发展</span>\
                    <a lang=\"zh-Hans\" hreflang=\"zh-Hans\">简体</a><p>发展</p>";
        assert_eq!(
            to_hant(html),
            "<pre><code>发展 <span>规划</span></code></pre><script>var a='发展'</script>\
             <style>.a::after{content:'发'}</style><span translate=\"no\">发展</span>\
             <a lang=\"zh-Hans\" hreflang=\"zh-Hans\">简体</a><p>發展</p>"
        );
    }

    #[test]
    fn addresses_in_meta_content_are_never_converted() {
        let html = "<meta property=\"og:url\" content=\"https://a.cn/zh-hant/topics/标准化/\">\
                    <meta property=\"og:image\" content=\"图.png\">\
                    <meta name=\"SiteDomain\" content=\"https://标准.cn/\">\
                    <meta name=\"custom\" content=\"/topics/标准化/\">\
                    <meta property=\"og:title\" content=\"标准化\">";
        assert_eq!(
            to_hant(html),
            "<meta property=\"og:url\" content=\"https://a.cn/zh-hant/topics/标准化/\">\
             <meta property=\"og:image\" content=\"图.png\">\
             <meta name=\"SiteDomain\" content=\"https://标准.cn/\">\
             <meta name=\"custom\" content=\"/topics/标准化/\">\
             <meta property=\"og:title\" content=\"標準化\">"
        );
    }

    #[test]
    fn converts_title_and_meta_descriptions_but_keeps_entities() {
        let html = "<html lang=\"zh-Hant\"><head><title>标准 &amp; 质量</title>\
                    <meta name=\"description\" content=\"质量发展\"><meta charset=\"utf-8\"></head></html>";
        assert_eq!(
            to_hant(html),
            "<html lang=\"zh-Hant\"><head><title>標準 &amp; 質量</title>\
             <meta name=\"description\" content=\"質量發展\"><meta charset=\"utf-8\"></head></html>"
        );
    }

    /// Element names in `html`, in order: what a browser would build.
    fn elements(html: &str) -> Vec<String> {
        let names = RefCell::new(Vec::new());
        rewrite_str(
            html,
            RewriteStrSettings {
                element_content_handlers: vec![element!("*", |el| {
                    let attributes: Vec<String> =
                        el.attributes().iter().map(|a| a.name()).collect();
                    names
                        .borrow_mut()
                        .push(format!("{}[{}]", el.tag_name(), attributes.join(",")));
                    Ok(())
                })],
                ..RewriteStrSettings::new()
            },
        )
        .unwrap();
        names.into_inner()
    }

    #[test]
    fn dictionary_values_stay_text_in_text_and_attributes() {
        let mut d = SiteDictionary::default();
        d.to_hant
            .insert("标准".into(), "<script>alert(1)</script>".into());
        d.to_hant
            .insert("质量".into(), "\" onmouseover=\"alert(2)".into());
        d.to_hant
            .insert("品牌".into(), "' onfocus='alert(3)".into());
        d.to_hant.insert("甲&乙".into(), "A&B".into());
        d.to_hant.insert("<丙>".into(), "<b>".into());
        d.to_hans
            .insert("標準".into(), "<script>alert(4)</script>".into());
        d.to_hans.insert("甲&乙".into(), "A&B".into());
        d.to_hans
            .insert("品質".into(), "\"><img src=x onerror=alert(5)>".into());
        let c = Converter::new(TraditionalProfile::S2t, &d);
        let hans_page = "<p title=\"标准 甲&amp;乙\" class=\"标准\">标准 甲&amp;乙 &lt;丙&gt;</p>\
                         <img alt='质量' src=\"a.png\"><i title=\"品牌\">质量品牌</i>";
        let hant = convert_html(&c, Script::Hant, hans_page).unwrap();
        assert_eq!(
            hant,
            "<p title=\"&lt;script&gt;alert(1)&lt;/script&gt; A&amp;B\" class=\"标准\">\
             &lt;script&gt;alert(1)&lt;/script&gt; A&amp;B &lt;b&gt;</p>\
             <img alt=\"&quot; onmouseover=&quot;alert(2)\" src=\"a.png\">\
             <i title=\"&#39; onfocus=&#39;alert(3)\">&quot; onmouseover=&quot;alert(2)&#39; onfocus=&#39;alert(3)</i>"
        );
        assert_eq!(elements(&hant), elements(hans_page));

        let hant_page = "<p title=\"標準 品質\">標準 甲&amp;乙 品質</p>";
        let hans = convert_html(&c, Script::Hans, hant_page).unwrap();
        assert_eq!(
            hans,
            "<p title=\"&lt;script&gt;alert(4)&lt;/script&gt; &quot;&gt;&lt;img src=x onerror=alert(5)&gt;\">\
             &lt;script&gt;alert(4)&lt;/script&gt; A&amp;B &quot;&gt;&lt;img src=x onerror=alert(5)&gt;</p>"
        );
        assert_eq!(elements(&hans), elements(hant_page));
    }

    #[test]
    fn phrases_split_across_chunks_are_converted_whole() {
        // Long text arrives in several chunks; 头发 must still be read as one phrase.
        let long = format!("<p>{}头发</p>", "这".repeat(5000));
        let out = to_hant(&long);
        assert!(out.ends_with("頭髮</p>"), "{}", &out[out.len() - 40..]);
    }
}
