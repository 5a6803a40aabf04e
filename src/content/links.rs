//! The links, images and ids of a page's HTML as it was rendered from its source, each link
//! with the line and column where it is written; and the HTML again with the addresses the site
//! resolved them to (see `site/links.rs`). Finding links in the HTML rather than in Markdown
//! events also finds those written in raw HTML.

use std::collections::HashMap;

use lol_html::{element, rewrite_str, RewriteStrSettings};
use serde::Serialize;

use super::markdown::safety;
use crate::escape::percent_decode;

/// A link or image address of a page, as its HTML has it and as the editor wrote it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WrittenLink {
    /// The attribute's value as it stands in the HTML (entities and percent escapes as there):
    /// what [`rewrite`] matches.
    pub raw: String,
    /// The address as the editor wrote it (entities and percent escapes read).
    pub written: String,
    /// Where it is written in the source file (1-based).
    pub line: usize,
    pub(crate) column: usize,
    /// An `<img src>` (else an `<a href>`).
    pub image: bool,
}

/// A file listed in a page's `attachments` (附件), resolved.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize)]
pub struct Attachment {
    /// The file's name, as a reader downloads it: `附件1.pdf`.
    pub name: String,
    /// Where it is published, relative to the site's root (not a script's): `policies/x/附件1.pdf`.
    pub path: String,
    /// Its address, under the base path: `/bzh/policies/x/附件1.pdf`.
    pub href: String,
    /// Its type, from its extension, as readers know it: `PDF`, `DOCX`.
    pub kind: String,
    /// Its size in bytes.
    pub size: u64,
}

/// Where a page's text starts in its file, for placing what its HTML holds.
pub struct Source<'a> {
    /// The Markdown body (without shortcode markers).
    pub body: &'a str,
    pub(crate) body_line: usize,
    /// The Markdown links of the body: byte offset in `body` and address as written.
    pub markdown: &'a [(usize, String)],
}

/// The links and images of `html` (a page's content) and every id it has, in page order.
pub fn collect(html: &str, source: &Source<'_>) -> (Vec<WrittenLink>, Vec<String>) {
    let mut links = Vec::new();
    let mut ids = Vec::new();
    if !html.contains("href=") && !html.contains("src=") && !html.contains("id=") {
        return (links, ids);
    }
    // Markdown links by what they lead to, in order: the HTML's addresses are the same ones
    // percent-encoded, so the n-th link to an address is the n-th written.
    let lines = LineStarts::of(source.body);
    let mut written: HashMap<String, Vec<usize>> = HashMap::new();
    for (offset, dest) in source.markdown.iter().rev() {
        written
            .entry(percent_decode(dest).into_owned())
            .or_default()
            .push(*offset);
    }
    safety::for_each_element(html, |el| {
        if let Some(id) = el.get_attribute("id") {
            ids.push(safety::decode_entities(&id).into_owned());
        }
        let tag = el.tag_name();
        if tag == "a" {
            if let Some(name) = el.get_attribute("name") {
                ids.push(safety::decode_entities(&name).into_owned());
            }
        }
        let attribute = match tag.as_str() {
            "a" => "href",
            "img" => "src",
            _ => return,
        };
        let Some(raw) = el.get_attribute(attribute) else {
            return;
        };
        let decoded = safety::decode_entities(&raw);
        let written_text = percent_decode(&decoded).into_owned();
        let offset = written
            .get_mut(&written_text)
            .and_then(Vec::pop)
            .or_else(|| source.body.find(&written_text))
            .or_else(|| source.body.find(decoded.as_ref()));
        let (line, column) = match offset {
            Some(offset) => {
                let (line, column) = lines.place(source.body, offset);
                (line + source.body_line - 1, column)
            }
            None => (source.body_line, 1),
        };
        links.push(WrittenLink {
            raw,
            written: written_text,
            line,
            column,
            image: tag == "img",
        });
    });
    (links, ids)
}

/// Where each line of a text starts: the line and column of an offset without counting from the
/// start each time (a page of 20,000 links took 45 s that way).
struct LineStarts(Vec<usize>);

impl LineStarts {
    fn of(text: &str) -> LineStarts {
        let mut starts = vec![0];
        starts.extend(text.match_indices('\n').map(|(i, _)| i + 1));
        LineStarts(starts)
    }

    /// 1-based line and character column of a byte offset, as [`crate::error::line_column`].
    fn place(&self, text: &str, offset: usize) -> (usize, usize) {
        let mut offset = offset.min(text.len());
        while !text.is_char_boundary(offset) {
            offset -= 1;
        }
        let line = self.0.partition_point(|&start| start <= offset);
        let start = self.0[line - 1];
        (line, text[start..offset].chars().count() + 1)
    }
}

/// `html` with each link and image address found in `table` (raw value → new raw value)
/// replaced; the rest as it was.
pub fn rewrite(html: &str, table: &[(String, String)]) -> String {
    if table.is_empty() {
        return html.to_string();
    }
    let table: HashMap<&str, &str> = table
        .iter()
        .map(|(a, b)| (a.as_str(), b.as_str()))
        .collect();
    let replace = |el: &mut lol_html::html_content::Element, attribute: &str| {
        if let Some(new) = el
            .get_attribute(attribute)
            .and_then(|raw| table.get(raw.as_str()).copied())
        {
            let _ = el.set_attribute(attribute, new);
        }
    };
    let handlers = vec![
        element!("a[href]", |el| {
            replace(el, "href");
            Ok(())
        }),
        element!("img[src]", |el| {
            replace(el, "src");
            Ok(())
        }),
    ];
    let rewritten = rewrite_str(
        html,
        RewriteStrSettings {
            element_content_handlers: handlers,
            ..RewriteStrSettings::new()
        },
    );
    // The HTML is the renderer's or the sanitizer's: it always parses. Were it not to, the
    // links would stay as written, which `check` reports.
    rewritten.unwrap_or_else(|_| html.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn links_are_placed_where_they_are_written() {
        let body = "第一段。\n\n见[附件](附件%201.pdf)和![图](图.png \"t\")。\n\n[甲](@/policies/a.md#一-总体要求)\n";
        let markdown = vec![
            (body.find("[附件]").unwrap(), "附件%201.pdf".to_string()),
            (body.find("![图]").unwrap(), "图.png".to_string()),
            (
                body.find("[甲]").unwrap(),
                "@/policies/a.md#一-总体要求".to_string(),
            ),
        ];
        let html = "<p>见<a href=\"%E9%99%84%E4%BB%B6%201.pdf\">附件</a>和<img src=\"%E5%9B%BE.png\" alt=\"图\"></p>\
                    <h2 id=\"x&amp;y\">x</h2><p><a href=\"@/policies/a.md#%E4%B8%80-%E6%80%BB%E4%BD%93%E8%A6%81%E6%B1%82\">甲</a></p>";
        let source = Source {
            body,
            body_line: 5,
            markdown: &markdown,
        };
        let (links, ids) = collect(html, &source);
        assert_eq!(ids, ["x&y"]);
        let placed: Vec<(&str, usize, usize, bool)> = links
            .iter()
            .map(|l| (l.written.as_str(), l.line, l.column, l.image))
            .collect();
        assert_eq!(
            placed,
            [
                ("附件 1.pdf", 7, 2, false),
                ("图.png", 7, 19, true),
                ("@/policies/a.md#一-总体要求", 9, 1, false)
            ]
        );
        let lines = LineStarts::of(body);
        for offset in [0, 5, body.find("[甲]").unwrap(), body.len()] {
            assert_eq!(
                lines.place(body, offset),
                crate::error::line_column(body, offset)
            );
        }
        let rewritten = rewrite(
            html,
            &[(links[1].raw.clone(), "/bzh/policies/a/图.png".into())],
        );
        assert!(rewritten.contains("src=\"/bzh/policies/a/图.png\""));
        assert!(rewritten.contains("href=\"%E9%99%84"));
    }
}
