//! Writing a 公文's text as Markdown the site renders: headings from level 2, paragraphs with
//! bold where Word set bold (or 黑体/楷体 inside a 仿宋 paragraph), links, footnotes, pictures by
//! the names they are written under, and tables as HTML (merged cells need `colspan` and
//! `rowspan`, which Markdown tables cannot say).
//!
//! Every piece of the document's text is escaped: nothing an editor typed in Word becomes
//! Markdown or HTML syntax on the page.

use super::gongwen::headings::{self, Heading};
use super::gongwen::patterns::Depth;
use super::model::{Block, Font, Inline, Look, Para};
use super::table;

/// What the writer needs besides the blocks.
pub(super) struct Context<'a> {
    /// The notes referred to, by reference number: their paragraphs.
    pub notes: &'a [Vec<Para>],
    /// The file name and alternative text of each picture, by picture number; `None` for a
    /// picture that could not be read.
    pub pictures: &'a [Option<(String, Option<String>)>],
}

/// Footnotes of one section, numbered in the order they are referred to.
#[derive(Default)]
pub(super) struct Footnotes {
    /// Note reference numbers, in order of first reference.
    order: Vec<usize>,
    labels: std::collections::HashMap<usize, usize>,
}

impl Footnotes {
    /// The label of a note reference (`1`, `2` …).
    pub(super) fn label(&mut self, reference: usize) -> usize {
        let next = self.order.len() + 1;
        let label = *self.labels.entry(reference).or_insert(next);
        if label == next {
            self.order.push(reference);
        }
        label
    }
}

/// Writes a section: the blocks, then the definitions of its footnotes. A block marked
/// `plain` is never a heading (the 附件说明's `2.…` line, the 署名, the date).
pub(super) fn section(blocks: &[(&Block, bool)], context: &Context<'_>) -> String {
    let headings: Vec<Option<Heading>> = blocks
        .iter()
        .map(|(b, plain)| match b {
            Block::Para(p) if !plain => headings::classify(p),
            _ => None,
        })
        .collect();
    let blocks: Vec<&Block> = blocks.iter().map(|(b, _)| *b).collect();
    let depths: Vec<Depth> = headings
        .iter()
        .flatten()
        .filter(|h| h.whole)
        .map(|h| h.depth)
        .collect();
    let levels = headings::levels(&depths);
    let level_of = |d: Depth| levels.iter().find(|(x, _)| *x == d).map(|(_, l)| *l);
    // A table's caption: the short line just before it, 表1 … or in Word's Caption style.
    let mut captions: Vec<Option<String>> = vec![None; blocks.len()];
    let mut consumed = vec![false; blocks.len()];
    for k in 1..blocks.len() {
        if let (Block::Table(_), Block::Para(p)) = (blocks[k], blocks[k - 1]) {
            if is_caption(p) && !consumed[k - 1] {
                captions[k] = Some(p.shown().trim().to_string());
                consumed[k - 1] = true;
            }
        }
    }
    let mut footnotes = Footnotes::default();
    let mut out = String::new();
    for (k, block) in blocks.iter().enumerate() {
        if consumed[k] {
            continue;
        }
        let piece = match block {
            Block::Para(p) => match headings[k]
                .filter(|h| h.whole)
                .and_then(|h| level_of(h.depth))
            {
                Some(level) => format!("{} {}", "#".repeat(level), heading_text(p, &mut footnotes)),
                None => paragraph(p, context, &mut footnotes),
            },
            Block::Table(t) => table::html(t, captions[k].as_deref(), context, &mut footnotes),
        };
        if piece.trim().is_empty() {
            continue;
        }
        out.push_str(&piece);
        out.push_str("\n\n");
    }
    out.push_str(&definitions(&footnotes, context));
    while out.ends_with('\n') {
        out.pop();
    }
    out
}

/// A table caption: Word's Caption style, or a short line starting 表1 / 表一.
fn is_caption(p: &Para) -> bool {
    let text = p.shown();
    let text = text.trim();
    let n = text.chars().count();
    if n == 0 || n > 60 || text.contains('\n') {
        return false;
    }
    if p.caption_style {
        return true;
    }
    let Some(rest) = text.strip_prefix('表') else {
        return false;
    };
    let rest = rest.trim_start();
    rest.chars().next().is_some_and(|c| {
        c.is_ascii_digit() || ('０'..='９').contains(&c) || "一二三四五六七八九十".contains(c)
    })
}

fn definitions(footnotes: &Footnotes, context: &Context<'_>) -> String {
    let mut out = String::new();
    for (k, reference) in footnotes.order.iter().enumerate() {
        let paras = context
            .notes
            .get(*reference)
            .map(Vec::as_slice)
            .unwrap_or(&[]);
        let mut inner = Footnotes::default();
        let texts: Vec<String> = paras
            .iter()
            .map(|p| paragraph(p, context, &mut inner))
            .filter(|t| !t.trim().is_empty())
            .collect();
        if k > 0 {
            out.push('\n');
        }
        out.push_str(&format!("[^{}]: ", k + 1));
        out.push_str(&texts.join("\n\n    "));
        out.push('\n');
    }
    out
}

/// A heading's text: its number and words, without the bold Word set it in.
fn heading_text(p: &Para, footnotes: &mut Footnotes) -> String {
    let mut out = String::new();
    if let Some(label) = &p.label {
        out.push_str(&escape(&label.text, false));
    }
    for inline in &p.inlines {
        match inline {
            Inline::Text { text, .. } => out.push_str(&escape(text, false)),
            Inline::NoteRef(r) => out.push_str(&format!("[^{}]", footnotes.label(*r))),
            _ => {}
        }
    }
    out.trim().to_string()
}

/// A piece of a paragraph as written: text with its emphasis and link, or ready Markdown.
enum Piece {
    Text {
        text: String,
        strong: bool,
        link: Option<String>,
    },
    Markdown(String),
    Break,
}

/// A paragraph as Markdown.
pub(super) fn paragraph(p: &Para, context: &Context<'_>, footnotes: &mut Footnotes) -> String {
    let main_font = p.look().font;
    let mut pieces: Vec<Piece> = Vec::new();
    if let Some(label) = &p.label {
        if label.format == super::numbering::Format::Bullet {
            pieces.push(Piece::Markdown("- ".into()));
        } else if !label.text.is_empty() {
            let strong = p
                .inlines
                .iter()
                .find_map(|i| match i {
                    Inline::Text { look, .. } => Some(strong(look, main_font)),
                    _ => None,
                })
                .unwrap_or(false);
            pieces.push(Piece::Text {
                text: label.text.clone(),
                strong,
                link: None,
            });
        }
    }
    let text_start = pieces.len();
    for inline in &p.inlines {
        match inline {
            Inline::Text { text, look, link } => pieces.push(Piece::Text {
                text: text.clone(),
                strong: strong(look, main_font),
                link: link.clone(),
            }),
            Inline::Break => pieces.push(Piece::Break),
            Inline::NoteRef(r) => {
                pieces.push(Piece::Markdown(format!("[^{}]", footnotes.label(*r))))
            }
            Inline::Image(i) => {
                if let Some(Some((name, alt))) = context.pictures.get(*i) {
                    pieces.push(Piece::Markdown(format!(
                        "![{}]({})",
                        escape(alt.as_deref().unwrap_or(""), false),
                        name
                    )));
                }
            }
        }
    }
    // 第一条 at the start of an article is set in bold, as printed.
    if let Some(Piece::Text {
        text,
        strong: false,
        link: None,
    }) = pieces.get(text_start)
    {
        if p.label.is_none() {
            if let Some(len) = headings::article(text) {
                let (head, rest) = text.split_at(len);
                let (head, rest) = (head.to_string(), rest.to_string());
                pieces.splice(
                    text_start..=text_start,
                    [
                        Piece::Text {
                            text: head,
                            strong: true,
                            link: None,
                        },
                        Piece::Text {
                            text: rest,
                            strong: false,
                            link: None,
                        },
                    ],
                );
            }
        }
    }
    write_pieces(pieces)
}

/// Bold where Word set bold, and where a run is in 黑体 or 楷体 inside a paragraph of another
/// font (how GB/T 9704 sets a heading that runs on into its text).
fn strong(look: &Look, main_font: Font) -> bool {
    look.bold || (matches!(look.font, Font::Hei | Font::Kai) && look.font != main_font)
}

fn write_pieces(pieces: Vec<Piece>) -> String {
    // Neighbouring pieces with the same emphasis and link are one.
    let mut merged: Vec<Piece> = Vec::with_capacity(pieces.len());
    for piece in pieces {
        if let (
            Some(Piece::Text {
                text: a,
                strong: sa,
                link: la,
            }),
            Piece::Text {
                text: b,
                strong: sb,
                link: lb,
            },
        ) = (merged.last_mut(), &piece)
        {
            if sa == sb && la == lb {
                a.push_str(b);
                continue;
            }
        }
        merged.push(piece);
    }
    let first_char = |k: usize| -> Option<char> {
        match merged.get(k)? {
            Piece::Text { text, .. } => text.chars().next(),
            Piece::Markdown(m) => m.chars().next(),
            Piece::Break => Some('\n'),
        }
    };
    let mut out = String::new();
    let mut k = 0;
    while k < merged.len() {
        match &merged[k] {
            Piece::Text {
                link: Some(url), ..
            } => {
                // A link: the run of pieces with this address.
                let url = url.clone();
                let mut inner = String::new();
                while let Some(Piece::Text {
                    text,
                    strong,
                    link: Some(l),
                }) = merged.get(k)
                {
                    if *l != url {
                        break;
                    }
                    let after = match merged.get(k + 1) {
                        Some(Piece::Text { link: Some(l), .. }) if *l == url => first_char(k + 1),
                        _ => Some(']'),
                    };
                    let before = inner.chars().last().or(Some('['));
                    inner.push_str(&emphasised(text, *strong, before, after, false));
                    k += 1;
                }
                out.push_str(&format!("[{}]({})", inner, link_address(&url)));
                continue;
            }
            Piece::Text {
                text,
                strong,
                link: None,
            } => {
                let at_start = out.is_empty() || out.ends_with('\n');
                let before = out.chars().last();
                out.push_str(&emphasised(
                    text,
                    *strong,
                    before,
                    first_char(k + 1),
                    at_start,
                ));
            }
            Piece::Markdown(m) => out.push_str(m),
            Piece::Break => out.push_str("\\\n"),
        }
        k += 1;
    }
    out
}

/// Whether a `**` next to `c` (or at the start or end, `None`) can open or close bold
/// whatever the character on its other side: a space, punctuation or nothing.
fn free_side(c: Option<char>) -> bool {
    c.is_none_or(|c| !c.is_alphanumeric())
}

/// `text` escaped, in bold when `strong`. CommonMark reads `**` as bold only when it "flanks"
/// the text: a `**` between punctuation and a letter (`。**各`) closes nothing. So punctuation
/// at an end of the bold text is left outside it unless the character beyond (`before`,
/// `after`) is itself punctuation, a space or nothing; spaces always are.
fn emphasised(
    text: &str,
    strong: bool,
    before: Option<char>,
    after: Option<char>,
    at_line_start: bool,
) -> String {
    if !strong || !text.chars().any(char::is_alphanumeric) {
        return escape(text, at_line_start);
    }
    let edge = |c: char, keep_punctuation: bool| {
        c.is_whitespace() || (!keep_punctuation && !c.is_alphanumeric())
    };
    let keep_lead = free_side(before) || at_line_start;
    let keep_trail = free_side(after);
    let Some(start) = text.find(|c: char| !edge(c, keep_lead)) else {
        return escape(text, at_line_start);
    };
    let end = text
        .char_indices()
        .rev()
        .find(|(_, c)| !edge(*c, keep_trail))
        .map(|(i, c)| i + c.len_utf8())
        .unwrap_or(text.len());
    if end <= start {
        return escape(text, at_line_start);
    }
    let (lead, core, trail) = (&text[..start], &text[start..end], &text[end..]);
    format!(
        "{}**{}**{}",
        escape(lead, at_line_start),
        escape(core, at_line_start && lead.is_empty()),
        escape(trail, false)
    )
}

/// A link address as Markdown takes it: the few characters that would end it percent-encoded.
fn link_address(url: &str) -> String {
    let mut out = String::with_capacity(url.len());
    for c in url.chars() {
        match c {
            '(' => out.push_str("%28"),
            ')' => out.push_str("%29"),
            '<' => out.push_str("%3C"),
            '>' => out.push_str("%3E"),
            ' ' => out.push_str("%20"),
            c => out.push(c),
        }
    }
    out
}

/// Text escaped so that Markdown shows it as written: the characters that start inline syntax,
/// and at the start of a line those that start a block (a list, a quote, a setext underline).
/// A line break in the text is a hard break.
pub(super) fn escape(text: &str, at_line_start: bool) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    for (n, line) in text.split('\n').enumerate() {
        if n > 0 {
            out.push_str("\\\n");
        }
        escape_line_part(line, at_line_start || n > 0, &mut out);
    }
    out
}

fn escape_line_part(line: &str, at_line_start: bool, out: &mut String) {
    let mut rest = line;
    if at_line_start {
        let trimmed = line.trim_start_matches(' ');
        out.push_str(&line[..line.len() - trimmed.len()]);
        rest = trimmed;
        let digits = rest.chars().take_while(|c| c.is_ascii_digit()).count();
        let after = rest[digits..].chars().next();
        if digits > 0 && matches!(after, Some('.' | ')')) {
            // 1. or 1) would start a list.
            out.push_str(&rest[..digits]);
            out.push('\\');
            out.push_str(&rest[digits..digits + 1]);
            rest = &rest[digits + 1..];
        } else if let Some(c @ ('-' | '+' | '=')) = rest.chars().next() {
            out.push('\\');
            out.push(c);
            rest = &rest[1..];
        }
    }
    for c in rest.chars() {
        if matches!(
            c,
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '&' | '|' | '~' | '#' | '!'
        ) {
            out.push('\\');
        }
        out.push(c);
    }
}

/// A line of text (a title) escaped for a heading.
pub(super) fn escape_line(text: &str) -> String {
    escape(&text.replace('\n', " "), false)
}

/// Every ATX heading one level down (for an attachment written as a section of the page).
pub(super) fn demote_headings(markdown: &str) -> String {
    let mut out = String::with_capacity(markdown.len() + 16);
    let mut in_html = false;
    for line in markdown.split_inclusive('\n') {
        if line.starts_with("<table") {
            in_html = true;
        }
        if !in_html && line.starts_with('#') {
            let hashes = line.chars().take_while(|c| *c == '#').count();
            if hashes < 6 {
                out.push('#');
            }
        }
        if in_html && line.trim().is_empty() {
            in_html = false;
        }
        out.push_str(line);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_never_becomes_markdown() {
        assert_eq!(
            escape("a*b_c[d](e)<f>&g|h~i#j!k\\", false),
            "a\\*b\\_c\\[d\\](e)\\<f\\>\\&g\\|h\\~i\\#j\\!k\\\\"
        );
        assert_eq!(escape("1. 甲", true), "1\\. 甲");
        assert_eq!(escape("12) 乙", true), "12\\) 乙");
        assert_eq!(escape("1.5亿元", false), "1.5亿元");
        assert_eq!(escape("  2) 乙", true), "  2\\) 乙");
        assert_eq!(escape("- 丙", true), "\\- 丙");
        assert_eq!(escape("= 丁", true), "\\= 丁");
        assert_eq!(escape("甲\n2. 乙", false), "甲\\\n2\\. 乙");
    }

    #[test]
    fn bold_stays_off_punctuation_at_its_ends() {
        assert_eq!(
            emphasised("（一）加强组织领导。", true, None, Some('各'), true),
            "**（一）加强组织领导**。"
        );
        assert_eq!(
            emphasised("（一）加强组织领导。", true, Some('文'), None, false),
            "（**一）加强组织领导。**"
        );
        assert_eq!(
            emphasised(" 强化统筹 ", true, Some('甲'), Some('乙'), false),
            " **强化统筹** "
        );
        assert_eq!(emphasised("。", true, None, None, false), "。");
    }

    #[test]
    fn link_addresses_cannot_end_early() {
        assert_eq!(
            link_address("https://a.gov.cn/x(1).html"),
            "https://a.gov.cn/x%281%29.html"
        );
    }

    #[test]
    fn attachments_headings_go_one_level_down() {
        assert_eq!(
            demote_headings("## 一、甲\n\n正文\n\n###### 深\n"),
            "### 一、甲\n\n正文\n\n###### 深\n"
        );
    }
}
