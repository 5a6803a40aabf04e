//! What no page may publish, whatever made it: addresses a browser would run as code or that
//! lead off the web (`javascript:`, `vbscript:`, `data:`, `file:`), event-handler attributes
//! (`onclick=`) and `<iframe srcdoc>`. Markdown's link and image destinations are checked with
//! [`dangerous_scheme`]; `stdportal check` scans every rendered page with [`element_dangers`];
//! the raw HTML report (`super::checks`) uses both to say why an address or attribute is
//! refused. What raw HTML may publish at all is the allow-list's ([`super::allowlist`]).
//!
//! The scheme is read the way a browser reads it, and more suspiciously: leading spaces and
//! control characters are skipped, tabs and line breaks anywhere are dropped (`java\tscript:`),
//! case is ignored (`JaVaScRiPt:`), character references are decoded first where the text is
//! HTML (`&#106;avascript:`, `javascript&colon;`), and so are percent escapes (`%6Aavascript:`,
//! which a browser would take for a relative path: flagging it too costs nothing, since no real
//! link looks like that).
//!
//! `data:` is allowed in one place: the source of an image, for raster formats (PNG, JPEG, GIF,
//! WebP, AVIF, BMP, ICO). Editors paste small images that way, and a raster image cannot run
//! anything. SVG is refused even there: it is a document that can hold scripts, safe in `<img>`
//! but not once the same address is opened or embedded another way.

use lol_html::html_content::{Attribute, Element};
use lol_html::{element, rewrite_str, RewriteStrSettings};

use crate::t;

/// Schemes that are never published.
const DANGEROUS_SCHEMES: [&str; 4] = ["javascript", "vbscript", "data", "file"];

/// Image types a `data:` image source may have.
const RASTER_IMAGES: [&str; 9] = [
    "png",
    "jpeg",
    "jpg",
    "gif",
    "webp",
    "avif",
    "bmp",
    "x-icon",
    "vnd.microsoft.icon",
];

/// Attributes whose value people read: never addresses, so never checked (a title may start
/// with "data:").
const TEXT_ATTRIBUTES: [&str; 7] = [
    "alt",
    "title",
    "aria-label",
    "aria-description",
    "placeholder",
    "value",
    "label",
];

/// Where an address is used: `data:` is allowed for images only.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum UrlUse {
    /// Any other address: a link, a form's `action`, an `<iframe src>` ….
    Link,
    /// An image's address (Markdown's `![]()`, `src`/`srcset` of `<img>` and `<source>`): `data:`
    /// allowed.
    Image,
}

/// The scheme (lower case) that makes `url` unpublishable, or `None`. `url` is the address as
/// the browser gets it after HTML decoding: Markdown's link destinations (pulldown-cmark has
/// decoded their entities), or an attribute value passed through [`decode_entities`].
pub fn dangerous_scheme(url: &str, usage: UrlUse) -> Option<&'static str> {
    let url = crate::escape::percent_decode(url);
    let mut scheme = String::new();
    let mut rest = None;
    for (i, c) in url.char_indices() {
        if is_ignorable(c) {
            continue;
        }
        if c == ':' {
            rest = Some(&url[i + 1..]);
            break;
        }
        if !(c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.')) || scheme.len() > 16 {
            return None;
        }
        scheme.push(c.to_ascii_lowercase());
    }
    let rest = rest?;
    let found = DANGEROUS_SCHEMES.iter().find(|s| **s == scheme)?;
    if *found == "data" && usage == UrlUse::Image && is_raster_image(rest) {
        return None;
    }
    Some(found)
}

/// Whether the part of a `data:` address after the colon is a raster image's.
fn is_raster_image(rest: &str) -> bool {
    let media: String = rest
        .chars()
        .filter(|c| !is_ignorable(*c))
        .take_while(|c| !matches!(c, ';' | ','))
        .collect::<String>()
        .to_ascii_lowercase();
    media
        .strip_prefix("image/")
        .is_some_and(|subtype| RASTER_IMAGES.contains(&subtype))
}

/// Characters a browser skips at the start of an address or drops inside it (spaces, controls,
/// tabs, line breaks), and invisible ones it does not but that have no place in a scheme.
fn is_ignorable(c: char) -> bool {
    c.is_whitespace()
        || c.is_control()
        || matches!(c, '\u{AD}' | '\u{200B}'..='\u{200F}' | '\u{2060}'..='\u{2064}' | '\u{FEFF}')
}

/// Decodes HTML character references the way a browser does in an attribute value, as far as
/// addresses go: every numeric reference (decimal or hexadecimal, with or without `;`) and the
/// named ones that stand for characters that matter in a scheme or a media type (`&colon;`,
/// `&Tab;`, `&NewLine;`, `&sol;`, `&amp;`…). Other named references are left as written.
pub fn decode_entities(text: &str) -> std::borrow::Cow<'_, str> {
    if !text.contains('&') {
        return text.into();
    }
    const NAMED: [(&str, char); 17] = [
        ("amp", '&'),
        ("lt", '<'),
        ("gt", '>'),
        ("quot", '"'),
        ("apos", '\''),
        ("colon", ':'),
        ("tab", '\t'),
        ("newline", '\n'),
        ("nbsp", '\u{A0}'),
        ("sol", '/'),
        ("semi", ';'),
        ("comma", ','),
        ("plus", '+'),
        ("period", '.'),
        ("percnt", '%'),
        ("lpar", '('),
        ("rpar", ')'),
    ];
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(amp) = rest.find('&') {
        out.push_str(&rest[..amp]);
        let after = &rest[amp + 1..];
        if let Some(number) = after.strip_prefix('#') {
            let (digits, radix) = match number.strip_prefix(['x', 'X']) {
                Some(hex) => (hex, 16),
                None => (number, 10),
            };
            let len = digits
                .find(|c: char| !c.is_digit(radix))
                .unwrap_or(digits.len());
            if len > 0 {
                let code = u32::from_str_radix(digits[..len].trim_start_matches('0'), radix)
                    .ok()
                    .or_else(|| digits[..len].chars().all(|c| c == '0').then_some(0));
                let c = code
                    .filter(|&c| c != 0)
                    .and_then(char::from_u32)
                    .unwrap_or('\u{FFFD}');
                out.push(c);
                let consumed = after.len() - digits.len() + len;
                rest = &after[consumed..];
                rest = rest.strip_prefix(';').unwrap_or(rest);
                continue;
            }
        } else {
            let len = after
                .find(|c: char| !c.is_ascii_alphanumeric())
                .unwrap_or(after.len());
            let name = after[..len].to_ascii_lowercase();
            if let Some((_, c)) = NAMED.iter().find(|(n, _)| *n == name) {
                out.push(*c);
                rest = &after[len..];
                rest = rest.strip_prefix(';').unwrap_or(rest);
                continue;
            }
        }
        out.push('&');
        rest = after;
    }
    out.push_str(rest);
    out.into()
}

/// One thing a page must not have.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Danger {
    /// An attribute holding an address with a dangerous scheme (the address decoded).
    Url {
        /// The element's name (`a`, `img`).
        element: String,
        /// The attribute's name (`href`).
        attribute: String,
        /// The dangerous address, entities decoded, trimmed.
        url: String,
        /// The scheme that makes it dangerous, lower case (`javascript`).
        scheme: &'static str,
    },
    /// An event-handler attribute (`onclick`, `onerror`…).
    EventHandler {
        /// The element's name.
        element: String,
        /// The attribute's name (`onclick`).
        attribute: String,
    },
    /// `<iframe srcdoc>`: a whole page of HTML in an attribute.
    Srcdoc,
}

impl Danger {
    /// What is wrong, for messages: a sentence about the element.
    pub fn describe(&self) -> String {
        match self {
            Danger::Url {
                element,
                attribute,
                url,
                scheme,
            } => {
                let url = shorten(url);
                match *scheme {
                    "javascript" | "vbscript" => t!(
                        "danger-url-script",
                        element = element,
                        attribute = attribute,
                        url = url
                    ),
                    "data" => t!(
                        "danger-url-data",
                        element = element,
                        attribute = attribute,
                        url = url
                    ),
                    _ => t!(
                        "danger-url-file",
                        element = element,
                        attribute = attribute,
                        url = url
                    ),
                }
            }
            Danger::EventHandler { element, attribute } => t!(
                "danger-event-handler",
                element = element,
                attribute = attribute
            ),
            Danger::Srcdoc => t!("danger-srcdoc"),
        }
    }

    /// What to do about it.
    pub fn hint(&self) -> String {
        match self {
            Danger::Url { scheme, .. } => scheme_hint(scheme),
            _ => t!("danger-script-hint"),
        }
    }
}

/// A Markdown link (`image` false) or image with an address of `scheme`: what is wrong.
pub fn link_problem(image: bool, url: &str, scheme: &str) -> String {
    let kind = if image { "image" } else { "link" };
    match scheme {
        "javascript" | "vbscript" => t!("link-unsafe-script", kind = kind, url = url),
        "data" => t!("link-unsafe-data", kind = kind, url = url),
        _ => t!("link-unsafe-file", kind = kind, url = url),
    }
}

/// What to write instead of an address with `scheme`.
pub fn scheme_hint(scheme: &str) -> String {
    match scheme {
        "javascript" | "vbscript" => t!("danger-url-script-hint"),
        "data" => t!("danger-url-data-hint"),
        _ => t!("danger-url-file-hint"),
    }
}

fn shorten(url: &str) -> String {
    let url: String = url.chars().filter(|c| !c.is_control()).collect();
    crate::content::markdown::shorten(&url, 60)
}

/// A danger and where it is: the byte offset in the scanned HTML of the attribute (or of the
/// element's start tag).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Found {
    pub(crate) offset: usize,
    pub(crate) danger: Danger,
}

/// The dangerous addresses, event handlers and `srcdoc` attributes of one element.
pub fn element_dangers(el: &Element, found: &mut Vec<Found>) {
    let element_offset = el.source_location().bytes().start;
    for attribute in el.attributes() {
        if let Some(danger) = attribute_danger(el, attribute) {
            let offset = attribute
                .name_source_location()
                .map_or(element_offset, |l| l.bytes().start);
            found.push(Found { offset, danger });
        }
    }
}

/// What is dangerous about one attribute of `el`, if anything.
pub fn attribute_danger(el: &Element, attribute: &Attribute) -> Option<Danger> {
    let tag = el.tag_name();
    let name = attribute.name();
    if name.starts_with("on") {
        return Some(Danger::EventHandler {
            element: tag,
            attribute: name,
        });
    }
    if name == "srcdoc" {
        return Some(Danger::Srcdoc);
    }
    let is_refresh = || {
        tag == "meta"
            && el
                .get_attribute("http-equiv")
                .is_some_and(|v| v.trim().eq_ignore_ascii_case("refresh"))
    };
    if TEXT_ATTRIBUTES.contains(&name.as_str()) || (name == "content" && !is_refresh()) {
        return None;
    }
    let usage =
        if matches!(tag.as_str(), "img" | "source") && matches!(name.as_str(), "src" | "srcset") {
            UrlUse::Image
        } else {
            UrlUse::Link
        };
    let value = attribute.value();
    let value = decode_entities(&value);
    let url = addresses_in(&name, &value).find(|url| dangerous_scheme(url, usage).is_some())?;
    Some(Danger::Url {
        scheme: dangerous_scheme(url, usage)?,
        url: url.trim().to_string(),
        element: tag,
        attribute: name,
    })
}

/// The addresses an attribute value holds: itself, and for the attributes that hold lists
/// (`srcset`, SVG animation `values`, `<meta http-equiv=refresh content="0; url=…">`) each
/// item.
fn addresses_in<'a>(name: &str, value: &'a str) -> Box<dyn Iterator<Item = &'a str> + 'a> {
    let whole = std::iter::once(value);
    match name {
        "srcset" | "imagesrcset" => Box::new(
            whole.chain(
                value
                    .split(',')
                    .map(|candidate| candidate.trim_start().split(' ').next().unwrap_or("")),
            ),
        ),
        "values" => Box::new(whole.chain(value.split(';'))),
        "content" => Box::new(whole.chain(value.split(';').map(|part| {
            let part = part.trim_start();
            let lower = part.get(..4).map(str::to_ascii_lowercase);
            let url = if lower.as_deref() == Some("url=") {
                &part[4..]
            } else {
                part
            };
            url.trim_matches(|c: char| c == '\'' || c == '"' || c.is_whitespace())
        }))),
        _ => Box::new(whole),
    }
}

/// Calls `visit` with every element of `html`, in order, and says whether it read the whole of
/// it. A fragment that lol_html cannot read (markup whose meaning depends on the tree, such as
/// `<select><xmp>`) is visited as far as it could be read.
pub fn for_each_element(
    html: &str,
    visit: impl FnMut(&mut lol_html::html_content::Element),
) -> bool {
    let visit = std::cell::RefCell::new(visit);
    let handler = element!("*", |el| {
        (visit.borrow_mut())(el);
        Ok(())
    });
    let read = rewrite_str(
        html,
        RewriteStrSettings {
            element_content_handlers: vec![handler],
            ..RewriteStrSettings::new()
        },
    );
    read.is_ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hostile_addresses_are_recognised() {
        let cases = [
            "javascript:alert(1)",
            "JaVaScRiPt:alert(1)",
            "JAVASCRIPT:alert(1)",
            " javascript:alert(1)",
            "\t\n javascript:alert(1)",
            "\u{0}\u{1F}javascript:alert(1)",
            "java\tscript:alert(1)",
            "java\nscript:alert(1)",
            "java\rscript:alert(1)",
            "javascript\t:alert(1)",
            "j a v a s c r i p t:alert(1)",
            "\u{FEFF}javascript:alert(1)",
            "java\u{200B}script:alert(1)",
            "%6Aavascript:alert(1)",
            "javascript%3Aalert(1)",
            "%20javascript:alert(1)",
            "%09javascript:alert(1)",
            "vbscript:msgbox(1)",
            "VBScript:msgbox(1)",
            "data:text/html,<script>alert(1)</script>",
            "data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==",
            " DATA:text/html,x",
            "data:,alert",
            "data:image/svg+xml,<svg onload=alert(1)>",
            "file:///etc/passwd",
            "FILE://C:/Users/a.docx",
            "file:c:/a.doc",
        ];
        for url in cases {
            assert!(
                dangerous_scheme(url, UrlUse::Link).is_some(),
                "link {url:?} should be refused"
            );
        }
        for url in [
            "data:image/svg+xml,<svg onload=alert(1)>",
            "data:image/svg+xml;base64,PHN2Zz4=",
            "data:text/html,x",
            "javascript:alert(1)",
            "data:image/png.evil,x",
        ] {
            assert!(
                dangerous_scheme(url, UrlUse::Image).is_some(),
                "image {url:?} should be refused"
            );
        }
        assert_eq!(
            dangerous_scheme("JaVa\tScRiPt:x", UrlUse::Link),
            Some("javascript")
        );
        assert_eq!(dangerous_scheme("Data:x", UrlUse::Link), Some("data"));
    }

    #[test]
    fn ordinary_addresses_pass() {
        for url in [
            "https://www.gov.cn/zhengce/",
            "http://a.cn/x?a=1&b=javascript:x",
            "//cdn.a.cn/x.js",
            "/policies/plan/",
            "../plan/#一-发展目标",
            "#top",
            "mailto:a@b.cn",
            "tel:+86-10-1234",
            "plan.pdf",
            "./javascript:x",
            "?javascript:x",
            "#javascript:x",
            "javascript",
            "notjavascript:x",
            "x-javascript:x",
            "标准/javascript:x",
            "",
            "%",
            "%E6%A0%87",
        ] {
            assert_eq!(dangerous_scheme(url, UrlUse::Link), None, "{url:?}");
        }
        for url in [
            "data:image/png;base64,iVBORw0KGgo=",
            "DATA:IMAGE/JPEG;base64,/9j/",
            "data:image/gif,GIF89a",
            "data:image/webp;base64,UklGR",
            " data:image/avif;base64,AAAA",
        ] {
            assert_eq!(dangerous_scheme(url, UrlUse::Image), None, "{url:?}");
            assert_eq!(dangerous_scheme(url, UrlUse::Link), Some("data"), "{url:?}");
        }
    }

    #[test]
    fn character_references_are_decoded_like_a_browser() {
        assert_eq!(decode_entities("&#106;avascript:"), "javascript:");
        assert_eq!(decode_entities("&#x6A;avascript:"), "javascript:");
        assert_eq!(decode_entities("&#X6a;avascript:"), "javascript:");
        assert_eq!(decode_entities("&#0000106avascript:"), "javascript:");
        assert_eq!(decode_entities("javascript&colon;x"), "javascript:x");
        assert_eq!(decode_entities("java&Tab;script:"), "java\tscript:");
        assert_eq!(decode_entities("&NewLine;javascript:"), "\njavascript:");
        assert_eq!(decode_entities("a&amp;b&lt;"), "a&b<");
        // Hexadecimal digits are all consumed: `&#x6Aa` is U+06AA, not "ja".
        assert_eq!(decode_entities("&#x6Aavascript:"), "\u{6AA}vascript:");
        assert_eq!(
            decode_entities("&#0;&#xD800;&#99999999999;"),
            "\u{FFFD}\u{FFFD}\u{FFFD}"
        );
        assert_eq!(
            decode_entities("&unknown; & &#; &#x;"),
            "&unknown; & &#; &#x;"
        );
        assert_eq!(decode_entities("标准&amp;"), "标准&");
        for hostile in [
            "&#106;avascript:alert(1)",
            "&#x6A;avascript:alert(1)",
            "&#0000106;&#0000097;vascript:alert(1)",
            "javascript&colon;alert(1)",
            "java&Tab;script:alert(1)",
            "java&#9;script:alert(1)",
            "java&#x0A;script:alert(1)",
            "&#32;javascript:alert(1)",
            "&NewLine;javascript:alert(1)",
            "&#x64;ata:text/html,x",
        ] {
            assert!(
                dangerous_scheme(&decode_entities(hostile), UrlUse::Link).is_some(),
                "{hostile}"
            );
        }
    }

    fn scan(html: &str) -> Vec<Found> {
        let mut found = Vec::new();
        assert!(for_each_element(html, |el| element_dangers(el, &mut found)));
        found
    }

    #[test]
    fn scanning_finds_handlers_and_addresses() {
        let html = "<p onclick=\"x\">a</p>\n<a HREF=\"&#106;avascript:alert(1)\" title=\"data: 统计\">b</a>\
                    <img src=\"data:image/png;base64,AA\" alt=\"javascript: 教程\">\
                    <img srcset=\"a.png 1x, javascript:alert(1) 2x\">\
                    <iframe srcdoc=\"&lt;script&gt;\"></iframe><script>x</script>\
                    <svg><a><animate attributeName=\"href\" values=\"/a;javascript:alert(1)\"/></a></svg>\
                    <meta http-equiv=\"refresh\" content=\"0; URL='javascript:alert(1)'\">\
                    <meta name=\"description\" content=\"data: 统计\">\
                    <form action=\"vbscript:x\"><button formaction=\"file:///c\">x</button></form>\
                    <object data=\"data:text/html,x\"></object><a href=\"/ok/\">ok</a>";
        let found = scan(html);
        let describe: Vec<String> = found
            .iter()
            .map(|f| match &f.danger {
                Danger::Url {
                    element,
                    attribute,
                    scheme,
                    ..
                } => format!("{element} {attribute} {scheme}"),
                Danger::EventHandler { attribute, .. } => attribute.clone(),
                other => format!("{other:?}"),
            })
            .collect();
        assert_eq!(
            describe,
            [
                "onclick",
                "a href javascript",
                "img srcset javascript",
                "Srcdoc",
                "animate values javascript",
                "meta content javascript",
                "form action vbscript",
                "button formaction file",
                "object data data",
            ]
        );
        assert_eq!(found[0].offset, 3);
        assert_eq!(&html[found[1].offset..found[1].offset + 4], "HREF");
    }
}
