//! The quick path of [`super::convert_html`]: one pass over the page that finds its text nodes
//! and readable attributes and converts them, giving byte for byte what the lol_html rewriter
//! gives, at a fraction of its cost (the rewriter's tokenizer, selector matching and handlers
//! cost more than converting the text).
//!
//! It reads the HTML the theme and the Markdown renderer write: well-nested elements, quoted
//! attribute values, comments, a doctype, `<title>`, `<script>` and `<style>`, and SVG made of
//! the elements charts are drawn with (see [`SVG_ELEMENTS`]). Anything where the HTML
//! tokenizer's rules get subtle (other foreign content, other raw-text elements,
//! `<!` forms other than comments and the doctype, a `<` that starts no tag, an end tag that
//! closes anything but the innermost open element, `/>` on an element that is not void, a
//! duplicated attribute, a carriage return in a tag) makes it give up, returning `None`, and
//! the page goes through lol_html. `tests/it/properties.rs` holds the two paths to the same
//! output on generated pages and on every page of the example portal.

use std::borrow::Cow;

use memchr::memchr;

use super::{is_text_meta, is_verbatim, TEXT_ATTRIBUTES};
use crate::script::{Converter, Script};

/// Elements whose content the HTML tokenizer reads by rules of its own (or that start foreign
/// content): left to lol_html. `title`, `script` and `style` are read here.
const GIVE_UP: [&str; 11] = [
    "math",
    "textarea",
    "xmp",
    "iframe",
    "noembed",
    "noframes",
    "noscript",
    "plaintext",
    "template",
    "frameset",
    "listing",
];

/// The elements read inside `<svg>` (what `crate::chart` draws with, and their kin). Any other
/// element there — an HTML one, which would end the SVG, `<style>`, `<script>`,
/// `<foreignObject>` — leaves the page to lol_html. Inside SVG, `/>` closes any element and
/// `<title>` is an element like the others (its text is a text node, not raw text).
const SVG_ELEMENTS: [&str; 17] = [
    "svg", "g", "rect", "line", "path", "polyline", "polygon", "circle", "ellipse", "text",
    "tspan", "title", "desc", "defs", "use", "symbol", "marker",
];

/// Void elements: no content, no end tag.
const VOID: [&str; 13] = [
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track",
    "wbr",
];

/// Elements some parsers treat as void and others not: left to lol_html.
const UNSURE_VOID: [&str; 7] = [
    "param", "keygen", "frame", "basefont", "bgsound", "image", "menuitem",
];

/// One attribute of a start tag, as slices of the page.
struct Attribute<'a> {
    /// As written (any case).
    name: &'a str,
    /// The value as written (entities not decoded); empty when there is none.
    value: &'a str,
    /// From the name to the end of the value (its closing quote included).
    raw: &'a str,
}

/// HTML's white space inside tags (a carriage return is left to lol_html).
fn is_space(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\n' | 0x0C)
}

fn attribute<'v>(attributes: &'v [Attribute<'_>], name: &str) -> Option<&'v str> {
    attributes
        .iter()
        .find(|a| a.name.eq_ignore_ascii_case(name))
        .map(|a| a.value)
}

/// `html` with its text in `script`, or `None` when the page holds something this scanner
/// leaves to lol_html.
pub(super) fn convert(converter: &Converter, script: Script, html: &str) -> Option<String> {
    let bytes = html.as_bytes();
    let mut out = String::with_capacity(html.len() + html.len() / 8);
    // `html[copied..]` is not in `out` yet: unchanged stretches are copied in one go.
    let mut copied = 0;
    // Open elements (lowercase names) and whether each keeps its content as written.
    let mut stack: Vec<(Cow<'_, str>, bool)> = Vec::new();
    let mut verbatim_depth = 0usize;
    // Open `<svg>` elements: inside one, SVG's rules (see [`SVG_ELEMENTS`]).
    let mut svg_depth = 0usize;
    let mut attributes: Vec<Attribute<'_>> = Vec::new();
    let mut i = 0;
    let convert_text = |out: &mut String, copied: &mut usize, start: usize, end: usize| {
        let text = &html[start..end];
        if !text.is_ascii() {
            out.push_str(&html[*copied..start]);
            converter.push_html_text(script, text, out);
            *copied = end;
        }
    };
    while i < bytes.len() {
        // A text node runs to the next `<`.
        let next = memchr(b'<', &bytes[i..]).map_or(bytes.len(), |at| i + at);
        if next > i && verbatim_depth == 0 {
            convert_text(&mut out, &mut copied, i, next);
        }
        if next == bytes.len() {
            break;
        }
        let rest = &html[next..];
        if let Some(body) = rest.strip_prefix("<!--") {
            // `<!-->`, `<!--->` and `--!>` end comments early: left to lol_html.
            if body.starts_with('>') || body.starts_with("->") {
                return None;
            }
            let end = body.find("-->")?;
            if body[..end].contains("--!") {
                return None;
            }
            i = next + 4 + end + 3;
            continue;
        }
        if rest.starts_with("<!") {
            if !rest
                .get(2..9)
                .is_some_and(|d| d.eq_ignore_ascii_case("doctype"))
            {
                return None;
            }
            i = next + rest.find('>')? + 1;
            continue;
        }
        if let Some(tag) = rest.strip_prefix("</") {
            let name_len = tag_name_len(tag.as_bytes());
            if name_len == 0 {
                return None;
            }
            let name = &tag[..name_len];
            let after = tag[name_len..].trim_start_matches([' ', '\t', '\n', '\x0C']);
            if !after.starts_with('>') {
                return None;
            }
            match stack.pop() {
                Some((open, verbatim)) if open.eq_ignore_ascii_case(name) => {
                    if verbatim {
                        verbatim_depth -= 1;
                    }
                    if open == "svg" {
                        svg_depth -= 1;
                    }
                }
                _ => return None,
            }
            i = html.len() - after.len() + 1;
            continue;
        }
        // A start tag.
        let tag = &rest[1..];
        let name_len = tag_name_len(tag.as_bytes());
        if name_len == 0 {
            return None;
        }
        let name = crate::escape::tag_name(&tag[..name_len]);
        if GIVE_UP.contains(&&*name)
            || UNSURE_VOID.contains(&&*name)
            || (svg_depth > 0 && !SVG_ELEMENTS.contains(&&*name))
        {
            return None;
        }
        attributes.clear();
        let (end, self_closing) = parse_attributes(html, next + 1 + name_len, &mut attributes)?;
        for (k, a) in attributes.iter().enumerate() {
            if attributes[..k]
                .iter()
                .any(|b| b.name.eq_ignore_ascii_case(a.name))
            {
                return None;
            }
        }
        let get = |n: &str| attribute(&attributes, n);
        let void = VOID.contains(&&*name);
        let foreign = svg_depth > 0 || name == "svg";
        if self_closing && !void && !foreign {
            return None;
        }
        // Readable attributes, converted; the tag is written anew (as lol_html writes a tag
        // whose attribute it set) only when one of them changes.
        let meta_content = is_text_meta(&name, get);
        let mut changed: Vec<(usize, String)> = Vec::new();
        for (k, a) in attributes.iter().enumerate() {
            let readable = TEXT_ATTRIBUTES
                .iter()
                .any(|n| a.name.eq_ignore_ascii_case(n))
                || (meta_content && a.name.eq_ignore_ascii_case("content"));
            if readable && !a.value.is_ascii() {
                let mut converted = String::new();
                converter.push_html_text(script, a.value, &mut converted);
                if converted != a.value {
                    changed.push((k, converted));
                }
            }
        }
        if !changed.is_empty() {
            out.push_str(&html[copied..next]);
            out.push('<');
            out.push_str(&tag[..name_len]);
            for (k, a) in attributes.iter().enumerate() {
                out.push(' ');
                match changed.iter().find(|(c, _)| *c == k) {
                    Some((_, value)) => {
                        out.push_str(a.name);
                        out.push_str("=\"");
                        out.push_str(&value.replace('"', "&quot;"));
                        out.push('"');
                    }
                    None => out.push_str(a.raw),
                }
            }
            out.push_str(if self_closing { " />" } else { ">" });
            copied = end;
        }
        i = end;
        if void || (foreign && self_closing) {
            continue;
        }
        let verbatim = is_verbatim(&name, get, script);
        if verbatim {
            verbatim_depth += 1;
        }
        match &*name {
            // Raw text: up to the end tag, as written (both are verbatim).
            "script" | "style" => {
                let close = find_end_tag(html, i, &name)?;
                if name == "script" && html[i..close].contains("<!--") {
                    return None;
                }
                i = close;
            }
            // Text only, to the end tag: one text node (inside SVG, an element like others).
            "title" if !foreign => {
                let close = find_end_tag(html, i, &name)?;
                if verbatim_depth == 0 && close > i {
                    convert_text(&mut out, &mut copied, i, close);
                }
                i = close;
            }
            "svg" => svg_depth += 1,
            _ => {}
        }
        stack.push((name, verbatim));
    }
    out.push_str(&html[copied..]);
    Some(out)
}

/// The length of the tag name at the start of `tag`: an ASCII letter, then letters, digits and
/// `-` (0 when it does not start with a letter, or goes on with a character HTML's tokenizer
/// would take into the name, such as `:`).
fn tag_name_len(tag: &[u8]) -> usize {
    if !tag.first().is_some_and(u8::is_ascii_alphabetic) {
        return 0;
    }
    let len = tag
        .iter()
        .position(|&b| !(b.is_ascii_alphanumeric() || b == b'-'))
        .unwrap_or(tag.len());
    match tag.get(len) {
        Some(&b) if is_space(b) || b == b'>' || b == b'/' => len,
        _ => 0,
    }
}

/// Reads the attributes from `at` to the end of the tag: the index after its `>` and whether it
/// ends with `/>`, or `None` for anything unusual.
fn parse_attributes<'a>(
    html: &'a str,
    mut at: usize,
    attributes: &mut Vec<Attribute<'a>>,
) -> Option<(usize, bool)> {
    let bytes = html.as_bytes();
    loop {
        while bytes.get(at).copied().is_some_and(is_space) {
            at += 1;
        }
        match *bytes.get(at)? {
            b'>' => return Some((at + 1, false)),
            b'/' => {
                return (bytes.get(at + 1) == Some(&b'>')).then_some((at + 2, true));
            }
            _ => {}
        }
        let start = at;
        while let Some(&b) = bytes.get(at) {
            if is_space(b) || matches!(b, b'>' | b'/' | b'=') {
                break;
            }
            if matches!(b, b'"' | b'\'' | b'<' | b'\r' | b'`') {
                return None;
            }
            at += 1;
        }
        if at == start {
            return None;
        }
        let name = &html[start..at];
        if bytes.get(at) != Some(&b'=') {
            // No value: nothing but white space, `/` or `>` may follow, and no `=` after
            // white space (`name = value` is left to lol_html).
            let mut look = at;
            while bytes.get(look).copied().is_some_and(is_space) {
                look += 1;
            }
            if bytes.get(look) == Some(&b'=') {
                return None;
            }
            attributes.push(Attribute {
                name,
                value: "",
                raw: name,
            });
            continue;
        }
        at += 1;
        let quote = *bytes.get(at)?;
        let value = if quote == b'"' || quote == b'\'' {
            let close = at + 1 + memchr(quote, &bytes[at + 1..])?;
            let value = &html[at + 1..close];
            at = close + 1;
            value
        } else {
            let value_start = at;
            while let Some(&b) = bytes.get(at) {
                if is_space(b) || b == b'>' {
                    break;
                }
                if matches!(b, b'"' | b'\'' | b'<' | b'=' | b'`' | b'\r') {
                    return None;
                }
                at += 1;
            }
            if at == value_start {
                return None;
            }
            &html[value_start..at]
        };
        // After a value: white space, `/` or `>`.
        if !bytes
            .get(at)
            .is_some_and(|&b| is_space(b) || b == b'>' || b == b'/')
        {
            return None;
        }
        attributes.push(Attribute {
            name,
            value,
            raw: &html[start..at],
        });
    }
}

/// Where the end tag of the raw-text element `name` starts, at or after `from` (`</name`
/// followed by white space, `/` or `>`, any case).
fn find_end_tag(html: &str, from: usize, name: &str) -> Option<usize> {
    let bytes = html.as_bytes();
    let mut at = from;
    loop {
        at += memchr(b'<', &bytes[at..])?;
        let rest = &bytes[at..];
        if rest.get(1) == Some(&b'/')
            && rest
                .get(2..2 + name.len())
                .is_some_and(|n| n.eq_ignore_ascii_case(name.as_bytes()))
            && rest
                .get(2 + name.len())
                .is_some_and(|&b| is_space(b) || b == b'/' || b == b'>')
        {
            return Some(at);
        }
        at += 1;
    }
}
