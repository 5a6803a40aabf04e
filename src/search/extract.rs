//! The searchable text of a rendered page: the `<main data-search-body>` element, as blocks of
//! text, each in a field (the `<h1>` title, other headings, body).
//!
//! Left out: `<script>`, `<style>`, `<svg>`, `<template>`, `<noscript>`, `<nav>` (tables of
//! contents repeat headings), `<aside>` (related documents repeat other pages' titles), form
//! controls, anything `hidden`, and any element a template marks `data-search-ignore`.
//! Blocks are separated by a line break, except that a term (`<dt>`) is followed by a
//! full-width colon, so `文号：国发〔2015〕13号` reads as it does on the page.

/// Which part of a page a piece of text is in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Field {
    Title,
    Heading,
    Body,
}

/// The text of a page's searchable part.
#[derive(Debug, Default, Clone, PartialEq)]
pub(super) struct Extracted {
    /// The first `<h1>`, if any.
    pub title: String,
    /// Every block's text, separated by `\n` (or `：` after a term).
    pub text: String,
    /// Character ranges of `text` in the title or a heading (the rest is body).
    pub fields: Vec<(std::ops::Range<usize>, Field)>,
}

/// The attribute that marks a page's searchable part.
pub(super) const BODY_ATTRIBUTE: &str = "data-search-body";
/// The attribute that leaves an element out of the index.
pub(super) const IGNORE_ATTRIBUTE: &str = "data-search-ignore";

/// Elements whose content is left out.
fn is_skipped(tag: &str) -> bool {
    matches!(
        tag,
        "script"
            | "style"
            | "svg"
            | "template"
            | "noscript"
            | "nav"
            | "aside"
            | "button"
            | "select"
            | "textarea"
            | "iframe"
            | "object"
            | "math"
    )
}

/// Elements that end a block of text.
fn is_block(tag: &str) -> bool {
    matches!(
        tag,
        "address"
            | "article"
            | "blockquote"
            | "br"
            | "caption"
            | "dd"
            | "details"
            | "div"
            | "dl"
            | "dt"
            | "figcaption"
            | "figure"
            | "footer"
            | "h1"
            | "h2"
            | "h3"
            | "h4"
            | "h5"
            | "h6"
            | "header"
            | "hr"
            | "li"
            | "main"
            | "ol"
            | "p"
            | "pre"
            | "section"
            | "summary"
            | "table"
            | "td"
            | "th"
            | "tr"
            | "ul"
    )
}

/// Elements without an end tag.
fn is_void(tag: &str) -> bool {
    matches!(
        tag,
        "area"
            | "base"
            | "br"
            | "col"
            | "embed"
            | "hr"
            | "img"
            | "input"
            | "link"
            | "meta"
            | "source"
            | "track"
            | "wbr"
    )
}

/// Whether a rendered page has a searchable part.
pub(super) fn is_searchable(html: &str) -> bool {
    body_marker(html).is_some()
}

/// Where the attribute that marks the searchable part is: the page's whole head comes before
/// it, so the SIMD search of `memmem` pays.
fn body_marker(html: &str) -> Option<usize> {
    memchr::memmem::find(html.as_bytes(), BODY_ATTRIBUTE.as_bytes())
}

struct Builder {
    out: Extracted,
    /// Characters in `out.text`.
    len: usize,
    /// A separator is owed before the next text.
    pending: Option<char>,
    /// A space is owed before the next text (collapsed white space).
    space: bool,
    field_start: usize,
}

impl Builder {
    /// Appends text, white space collapsed, a run of other characters at a time.
    fn push_text(&mut self, text: &str, field: Field) {
        let mut rest = text;
        loop {
            let Some(start) = rest.find(|c: char| !c.is_whitespace()) else {
                if !rest.is_empty() {
                    self.space = true;
                }
                return;
            };
            if start > 0 {
                self.space = true;
            }
            rest = &rest[start..];
            let end = rest.find(char::is_whitespace).unwrap_or(rest.len());
            self.push_run(&rest[..end], field);
            rest = &rest[end..];
        }
    }

    /// A run without white space: first the separator or space owed.
    fn push_run(&mut self, run: &str, field: Field) {
        if let Some(sep) = self.pending.take() {
            if self.len > 0 {
                self.out.text.push(sep);
                self.len += 1;
            }
            if field != Field::Body {
                self.field_start = self.len;
            }
        } else if self.space && self.len > 0 {
            self.out.text.push(' ');
            self.len += 1;
        }
        self.space = false;
        if self.len == 0 && field != Field::Body {
            self.field_start = 0;
        }
        self.out.text.push_str(run);
        self.len += run.chars().count();
    }

    fn block(&mut self, sep: char) {
        // A colon after a term wins over the line break of the block that follows.
        if self.pending != Some('：') {
            self.pending = Some(sep);
        }
        self.space = false;
    }
}

/// The searchable text of a page (empty when it has no `data-search-body` element).
pub(super) fn extract(html: &str) -> Extracted {
    let Some(marker) = body_marker(html) else {
        return Extracted::default();
    };
    let Some(open) = memchr::memrchr(b'<', &html.as_bytes()[..marker]) else {
        return Extracted::default();
    };
    let mut b = Builder {
        out: Extracted::default(),
        len: 0,
        pending: None,
        space: false,
        field_start: 0,
    };
    // Open elements: name, whether it hides its content.
    let mut stack: Vec<(std::borrow::Cow<'_, str>, bool)> = Vec::new();
    let mut hidden_depth = 0usize;
    let mut heading: Option<(Field, usize)> = None;
    let mut title_done = false;
    let bytes = html.as_bytes();
    let mut i = open;
    let mut text_start = i;
    let field_of = |heading: &Option<(Field, usize)>| heading.map_or(Field::Body, |(f, _)| f);
    while i < bytes.len() {
        // Text after the last tag is outside `<main>`.
        let Some(next) = memchr::memchr(b'<', &bytes[i..]) else {
            break;
        };
        i += next;
        if hidden_depth == 0 && text_start < i {
            let field = field_of(&heading);
            b.push_text(&decode(&html[text_start..i]), field);
        }
        // A comment, a doctype or a processing instruction.
        if html[i..].starts_with("<!--") {
            i = html[i..].find("-->").map_or(bytes.len(), |e| i + e + 3);
            text_start = i;
            continue;
        }
        let Some(end) = tag_end(bytes, i) else { break };
        let tag = &html[i + 1..end];
        i = end + 1;
        text_start = i;
        if tag.starts_with('!') || tag.starts_with('?') {
            continue;
        }
        if let Some(name) = tag.strip_prefix('/') {
            let name = crate::escape::tag_name(name.trim());
            let Some(pos) = stack.iter().rposition(|(n, _)| *n == name) else {
                continue;
            };
            for (closed, hides) in stack.drain(pos..).rev() {
                if hides {
                    hidden_depth -= 1;
                }
                if hidden_depth == 0 && is_block(&closed) {
                    if let Some((field, start)) = heading {
                        if stack_depth_is(&closed, field) && b.len > start {
                            b.out.fields.push((b.field_start..b.len, field));
                        }
                        if stack_depth_is(&closed, field) {
                            if field == Field::Title && !title_done {
                                title_done = true;
                                b.out.title = b.out.text.chars().skip(b.field_start).collect();
                            }
                            heading = None;
                        }
                    }
                    b.block(if closed == "dt" { '：' } else { '\n' });
                }
            }
            if name == "main" {
                break;
            }
            continue;
        }
        let self_closing = tag.ends_with('/');
        let name_end = tag
            .find(|c: char| c.is_ascii_whitespace() || c == '/')
            .unwrap_or(tag.len());
        let name = crate::escape::tag_name(&tag[..name_end]);
        let attributes = &tag[name_end..];
        let hides = is_skipped(&name) || leaves_out(attributes);
        if hidden_depth == 0 && is_block(&name) {
            b.block('\n');
        }
        if is_void(&name) || self_closing {
            continue;
        }
        if name == "script" || name == "style" {
            // Raw text: skip to the end tag without looking for tags inside.
            let close = format!("</{name}");
            let rest = html[i..].to_ascii_lowercase();
            i = rest.find(&close).map_or(bytes.len(), |e| i + e);
            text_start = i;
            stack.push((name, true));
            hidden_depth += 1;
            continue;
        }
        if hidden_depth == 0 && heading.is_none() {
            let field = match &*name {
                "h1" => Some(Field::Title),
                "h2" | "h3" | "h4" | "h5" | "h6" => Some(Field::Heading),
                _ => None,
            };
            if let Some(field) = field {
                heading = Some((field, b.len));
                b.pending.get_or_insert('\n');
            }
        }
        if hides {
            hidden_depth += 1;
        }
        stack.push((name, hides));
    }
    b.out
}

fn stack_depth_is(closed: &str, field: Field) -> bool {
    match field {
        Field::Title => closed == "h1",
        Field::Heading => matches!(closed, "h2" | "h3" | "h4" | "h5" | "h6"),
        Field::Body => false,
    }
}

/// The index of the `>` that ends the tag starting at `start`, skipping quoted values.
fn tag_end(bytes: &[u8], start: usize) -> Option<usize> {
    let mut at = start + 1;
    loop {
        at += memchr::memchr3(b'>', b'"', b'\'', bytes.get(at..)?)?;
        let c = bytes[at];
        if c == b'>' {
            return Some(at);
        }
        // A quoted value: its closing quote, then on.
        at += 1 + memchr::memchr(c, bytes.get(at + 1..)?)? + 1;
    }
}

/// Whether a tag's attributes (the text after its name) leave the element out of the index:
/// `hidden` or `data-search-ignore`, as attribute names (in any case), never as words inside
/// a value such as `class="a hidden b"`.
fn leaves_out(attributes: &str) -> bool {
    let bytes = attributes.as_bytes();
    let space = |b: u8| matches!(b, b' ' | b'\t' | b'\n' | b'\r' | 0x0C);
    let mut i = 0;
    while i < bytes.len() {
        if space(bytes[i]) || bytes[i] == b'/' {
            i += 1;
            continue;
        }
        let start = i;
        while i < bytes.len() && !space(bytes[i]) && !matches!(bytes[i], b'/' | b'=') {
            i += 1;
        }
        if i == start {
            // A stray `=`.
            i += 1;
            continue;
        }
        let name = &attributes[start..i];
        if name.eq_ignore_ascii_case("hidden") || name.eq_ignore_ascii_case(IGNORE_ATTRIBUTE) {
            return true;
        }
        let mut j = i;
        while j < bytes.len() && space(bytes[j]) {
            j += 1;
        }
        if bytes.get(j) != Some(&b'=') {
            continue;
        }
        j += 1;
        while j < bytes.len() && space(bytes[j]) {
            j += 1;
        }
        i = match bytes.get(j) {
            Some(&quote @ (b'"' | b'\'')) => {
                memchr::memchr(quote, &bytes[j + 1..]).map_or(bytes.len(), |end| j + 1 + end + 1)
            }
            _ => {
                let mut k = j;
                while k < bytes.len() && !space(bytes[k]) {
                    k += 1;
                }
                k
            }
        };
    }
    false
}

/// Text with its character references decoded.
pub(super) fn decode(text: &str) -> std::borrow::Cow<'_, str> {
    if !text.contains('&') {
        return std::borrow::Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(at) = rest.find('&') {
        out.push_str(&rest[..at]);
        rest = &rest[at..];
        let end = rest[1..]
            .find(|c: char| !(c.is_ascii_alphanumeric() || c == '#'))
            .map(|e| e + 1);
        let decoded = end.and_then(|end| {
            if !rest[end..].starts_with(';') {
                return None;
            }
            let name = &rest[1..end];
            let c = if let Some(hex) = name.strip_prefix("#x").or_else(|| name.strip_prefix("#X")) {
                u32::from_str_radix(hex, 16).ok().and_then(char::from_u32)
            } else if let Some(dec) = name.strip_prefix('#') {
                dec.parse().ok().and_then(char::from_u32)
            } else {
                named(name)
            }?;
            Some((c, end + 1))
        });
        match decoded {
            Some((c, len)) => {
                out.push(c);
                rest = &rest[len..];
            }
            None => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    std::borrow::Cow::Owned(out)
}

fn named(name: &str) -> Option<char> {
    Some(match name {
        "amp" => '&',
        "lt" => '<',
        "gt" => '>',
        "quot" => '"',
        "apos" => '\'',
        "nbsp" => '\u{a0}',
        "mdash" => '—',
        "ndash" => '–',
        "hellip" => '…',
        "middot" => '·',
        "ldquo" => '“',
        "rdquo" => '”',
        "lsquo" => '‘',
        "rsquo" => '’',
        "times" => '×',
        "copy" => '©',
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn page(main: &str) -> String {
        format!("<html lang=\"zh-Hans\"><head><title>t</title></head><body><nav>菜单</nav><main id=\"main\" data-search-body>{main}</main><footer>页脚</footer></body></html>")
    }

    #[test]
    fn blocks_fields_and_left_out_parts() {
        let html = page(
            "<article><header><p class=\"doc-kind\">政策原文</p><h1>标准化 <em>管理</em>办法</h1>\
             <dl><div><dt>文号</dt><dd>国发〔2015〕13号</dd></div></dl>\
             <p class=\"reading\" data-search-ignore>约 100 字</p></header>\
             <aside><ul><li>相关文件</li></ul></aside><nav class=\"toc\">目录</nav>\
             <h2 id=\"a\">一、总则</h2><p>第一条&nbsp;为了&lt;规范&gt;标准化工作,\n  制定本办法。</p>\
             <svg><text>图</text></svg><script>var x = \"<p>\";</script><p hidden>隐藏</p>\
             <table><tr><th>指标</th><td>30</td></tr></table></article>",
        );
        let e = extract(&html);
        assert_eq!(e.title, "标准化 管理办法");
        assert_eq!(
            e.text,
            "政策原文\n标准化 管理办法\n文号：国发〔2015〕13号\n一、总则\n第一条 为了<规范>标准化工作, 制定本办法。\n指标\n30"
        );
        let chars: Vec<char> = e.text.chars().collect();
        let field_text = |r: &std::ops::Range<usize>| chars[r.clone()].iter().collect::<String>();
        assert_eq!(e.fields.len(), 2);
        assert_eq!(field_text(&e.fields[0].0), "标准化 管理办法");
        assert_eq!(e.fields[0].1, Field::Title);
        assert_eq!(field_text(&e.fields[1].0), "一、总则");
        assert_eq!(e.fields[1].1, Field::Heading);
    }

    #[test]
    fn pages_without_a_marked_part_have_no_text() {
        assert_eq!(extract("<main><p>x</p></main>"), Extracted::default());
        assert!(!is_searchable("<main><p>x</p></main>"));
    }

    #[test]
    fn a_tag_ends_at_the_first_unquoted_angle_bracket() {
        let tag = br#"<a title="x>y" data-q='">' href=z>text"#;
        assert_eq!(tag_end(tag, 0), Some(tag.len() - 5));
        assert_eq!(tag_end(b"<p>", 0), Some(2));
        assert_eq!(tag_end(br#"<a title="x>"#, 0), None);
        assert_eq!(tag_end(b"<a title='", 0), None);
        assert_eq!(tag_end(b"<a", 0), None);
    }

    /// The scan `tag_end` replaced: byte by byte, a quote opening and closing a value.
    fn tag_end_byte_by_byte(bytes: &[u8], start: usize) -> Option<usize> {
        let mut quote = 0u8;
        for (j, &c) in bytes.iter().enumerate().skip(start + 1) {
            match c {
                b'"' | b'\'' if quote == 0 => quote = c,
                _ if c == quote => quote = 0,
                b'>' if quote == 0 => return Some(j),
                _ => {}
            }
        }
        None
    }

    proptest::proptest! {
        #[test]
        fn tag_end_agrees_with_a_byte_by_byte_scan(
            soup in proptest::collection::vec(
                proptest::sample::select(vec![
                    "<", ">", "\"", "'", "=", " ", "a", "标", "\0", "hidden", "/",
                ]),
                0..40,
            )
        ) {
            let soup: String = soup.concat();
            let bytes = soup.as_bytes();
            for start in 0..bytes.len() {
                proptest::prop_assert_eq!(
                    tag_end(bytes, start),
                    tag_end_byte_by_byte(bytes, start),
                    "{:?} from {}", soup, start
                );
            }
        }
    }

    #[test]
    fn only_attribute_names_leave_an_element_out() {
        for attributes in [
            " hidden",
            " class=\"x\" hidden=\"\"",
            " hidden/",
            " HIDDEN",
            " a=b hidden",
            " title=\"hiddenx\" hidden",
            " title='x \" y' data-search-ignore",
            " data-search-ignore",
            "\thidden\n",
        ] {
            assert!(leaves_out(attributes), "{attributes:?}");
        }
        for attributes in [
            "",
            " data-hidden",
            " hiddenness",
            " class=\"un hidden-part\"",
            " class=\"a hidden b\"",
            " class='a hidden b'",
            " class=hidden",
            " class = hidden",
            " title=\"data-search-ignore\"",
            " data-search-ignored",
            " title=\"unterminated hidden",
            " = hidden-not",
        ] {
            assert!(!leaves_out(attributes), "{attributes:?}");
        }
    }

    #[test]
    fn references_are_decoded() {
        assert_eq!(
            decode("a&amp;b&#x2F;c&#39;d&unknown;e&"),
            "a&b/c'd&unknown;e&"
        );
    }
}
