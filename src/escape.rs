//! Text in markup and addresses: one function per context, used everywhere that context is
//! written or read.

use std::borrow::Cow;

use percent_encoding::percent_decode_str;

/// Text for HTML, in element content and in quoted attribute values alike. `/` is left as it
/// is (Tera's own escaper writes `&#x2F;`, which makes every URL unreadable without making
/// anything safer in quoted attributes and text).
pub fn html(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    html_into(&mut out, text);
    out
}

/// [`html`], appended to `out`. Every page's text goes through here (Tera's escaper): the runs
/// between markup characters are copied whole rather than character by character.
pub fn html_into(out: &mut String, text: &str) {
    let mut copied = 0;
    for (at, byte) in text.bytes().enumerate() {
        let entity = match byte {
            b'&' => "&amp;",
            b'<' => "&lt;",
            b'>' => "&gt;",
            b'"' => "&quot;",
            b'\'' => "&#39;",
            _ => continue,
        };
        out.push_str(&text[copied..at]);
        out.push_str(entity);
        copied = at + 1;
    }
    out.push_str(&text[copied..]);
}

/// Text for XML (feeds, the sitemap, SVG charts), in element content and quoted attribute
/// values: the markup characters escaped, line breaks and tabs made spaces (a label is one
/// line), and what XML 1.0 forbids (other controls, U+FFFE, U+FFFF) dropped, so the output is
/// always well-formed.
pub fn xml(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    xml_into(&mut out, text);
    out
}

/// [`xml`], appended to `out`.
pub fn xml_into(out: &mut String, text: &str) {
    escape_into(out, text, |c| match c {
        '\t' | '\n' | '\r' => Some(' '),
        '\u{20}'..='\u{D7FF}' | '\u{E000}'..='\u{FFFD}' | '\u{10000}'.. => Some(c),
        _ => None,
    });
}

/// Appends `text` with the five markup characters escaped and every other character as
/// `other` says (`None` drops it).
fn escape_into(out: &mut String, text: &str, other: impl Fn(char) -> Option<char>) {
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => {
                if let Some(c) = other(c) {
                    out.push(c);
                }
            }
        }
    }
}

/// A tag's name as HTML compares it: lower case, borrowed when it already is (as every tag a
/// theme writes is: the conversion and the search index read each tag of each page).
pub(crate) fn tag_name(name: &str) -> Cow<'_, str> {
    if name.bytes().any(|b| b.is_ascii_uppercase()) {
        Cow::Owned(name.to_ascii_lowercase())
    } else {
        Cow::Borrowed(name)
    }
}

/// `%E6%A0%87` → 标, as a browser reads a link: a `%` not followed by two hex digits stays as
/// it is, and bytes that are not UTF-8 become U+FFFD.
pub fn percent_decode(text: &str) -> Cow<'_, str> {
    percent_decode_str(text).decode_utf8_lossy()
}

/// `%E6%A0%87` → 标, or `None` when the text has a `%` that does not start an escape or the
/// bytes are not UTF-8: for request paths, where anything odd is refused.
pub fn percent_decode_strict(text: &str) -> Option<String> {
    let bytes = text.as_bytes();
    let well_formed = bytes.iter().enumerate().all(|(i, &b)| {
        b != b'%'
            || bytes
                .get(i + 1..i + 3)
                .is_some_and(|hex| hex.iter().all(u8::is_ascii_hexdigit))
    });
    if !well_formed {
        return None;
    }
    percent_decode_str(text)
        .decode_utf8()
        .ok()
        .map(Cow::into_owned)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn html_keeps_urls_readable_and_markup_inert() {
        assert_eq!(html("https://a.cn/x?a=1&b=2"), "https://a.cn/x?a=1&amp;b=2");
        assert_eq!(html("<script>\"'"), "&lt;script&gt;&quot;&#39;");
    }

    #[test]
    fn html_copies_everything_else_as_it_is() {
        for text in [
            "",
            "&",
            "标准化&<>\"'末",
            "a\u{0}b\n\u{FFFF}",
            "\u{1F600}&\u{1F600}",
        ] {
            let mut slow = String::new();
            escape_into(&mut slow, text, Some);
            assert_eq!(html(text), slow, "{text:?}");
        }
    }

    #[test]
    fn xml_is_always_well_formed() {
        assert_eq!(
            xml(r#"<script>alert("x&y")</script>"#),
            "&lt;script&gt;alert(&quot;x&amp;y&quot;)&lt;/script&gt;"
        );
        assert_eq!(xml("a\u{0}b\u{7}c\u{FFFF}"), "abc");
        assert_eq!(xml("一\n二"), "一 二");
        assert_eq!(xml("单引号'"), "单引号&#39;");
    }

    #[test]
    fn percent_escapes_are_read_like_a_browser_or_refused() {
        assert_eq!(percent_decode("%E6%A0%87%E5%87%86/a%20b"), "标准/a b");
        assert_eq!(percent_decode("100%"), "100%");
        assert_eq!(percent_decode("%标准"), "%标准");
        assert_eq!(percent_decode_strict("a%20b").as_deref(), Some("a b"));
        for bad in ["%zz", "%e6%a0", "%", "a%2"] {
            assert_eq!(percent_decode_strict(bad), None, "{bad}");
        }
    }
}
