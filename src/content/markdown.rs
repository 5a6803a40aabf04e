//! Markdown to HTML with what Chinese documents need: no stray spaces where an editor wrapped a
//! line between two Chinese characters, stable anchors for Chinese headings, reading time by
//! characters, and code highlighted with CSS classes.

use std::collections::HashMap;
use std::sync::OnceLock;

use pulldown_cmark::{CodeBlockKind, CowStr, Event, HeadingLevel, Options, Parser, Tag, TagEnd};
use serde::Serialize;
use syntect::html::{ClassStyle, ClassedHTMLGenerator};
use syntect::parsing::SyntaxSet;
use syntect::util::LinesWithEndings;

/// Characters a reader of Chinese gets through in a minute.
const CJK_CHARS_PER_MINUTE: usize = 400;
/// Words of Latin-script text a reader gets through in a minute.
const WORDS_PER_MINUTE: usize = 200;
/// Summaries are cut after this many characters.
const SUMMARY_CHARS: usize = 120;

/// Prefix of syntax highlighting classes, so they never collide with the theme's own.
pub const HIGHLIGHT_CLASS_PREFIX: &str = "hl-";

#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct Heading {
    pub level: u8,
    pub id: String,
    pub title: String,
}

#[derive(Debug, Clone, Default)]
pub struct Rendered {
    pub html: String,
    pub toc: Vec<Heading>,
    /// The first paragraph as plain text, shortened.
    pub summary: String,
    /// Chinese characters plus Latin-script words.
    pub word_count: usize,
    pub reading_minutes: usize,
}

pub struct MarkdownOptions {
    /// Raw HTML in Markdown is shown as text unless the site allows it.
    pub allow_raw_html: bool,
}

pub fn render(markdown: &str, options: &MarkdownOptions) -> Rendered {
    let parser_options = Options::ENABLE_TABLES
        | Options::ENABLE_FOOTNOTES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_TASKLISTS;
    let mut events: Vec<Event<'_>> = Parser::new_ext(markdown, parser_options).collect();

    drop_soft_breaks_between_cjk(&mut events);
    let toc = assign_heading_ids(&mut events);
    let events = highlight_code_blocks(events);
    let events = neutralise_raw_html(events, options.allow_raw_html);

    let stats = TextStats::of(&events);
    let mut html = String::with_capacity(markdown.len() * 3 / 2);
    pulldown_cmark::html::push_html(&mut html, events.into_iter());
    Rendered {
        html,
        toc,
        summary: stats.summary,
        word_count: stats.cjk_chars + stats.words,
        reading_minutes: reading_minutes(stats.cjk_chars, stats.words),
    }
}

pub fn reading_minutes(cjk_chars: usize, words: usize) -> usize {
    let minutes =
        cjk_chars as f64 / CJK_CHARS_PER_MINUTE as f64 + words as f64 / WORDS_PER_MINUTE as f64;
    (minutes.ceil() as usize).max(1)
}

/// Chinese, Japanese and Korean characters and their full-width punctuation, where a line break
/// means nothing.
pub fn is_cjk(c: char) -> bool {
    matches!(c as u32,
        0x2E80..=0x2FDF     // radicals
        | 0x3000..=0x303F   // CJK punctuation: 、。〔〕「」
        | 0x3040..=0x30FF   // kana
        | 0x3400..=0x4DBF   // extension A
        | 0x4E00..=0x9FFF   // unified ideographs
        | 0xF900..=0xFAFF   // compatibility ideographs
        | 0xFE30..=0xFE4F   // compatibility forms
        | 0xFF00..=0xFF60   // full-width forms: ,;:()
        | 0x20000..=0x3FFFF // extensions B and later
    ) || matches!(c, '“' | '”' | '‘' | '’' | '—' | '…' | '·')
}

fn drop_soft_breaks_between_cjk(events: &mut [Event<'_>]) {
    for i in 1..events.len().saturating_sub(1) {
        if !matches!(events[i], Event::SoftBreak) {
            continue;
        }
        let before = match &events[i - 1] {
            Event::Text(t) => t.chars().next_back(),
            _ => None,
        };
        let after = match &events[i + 1] {
            Event::Text(t) => t.chars().next(),
            _ => None,
        };
        // Sources often mix ASCII punctuation into Chinese text ("达到97%以上,"): a comma
        // before a Chinese line is still Chinese punctuation for this purpose.
        let before_joins =
            before.is_some_and(|c| is_cjk(c) || matches!(c, ',' | ';' | ':' | '(' | ')'));
        if before_joins && after.is_some_and(is_cjk) {
            events[i] = Event::Text(CowStr::Borrowed(""));
        }
    }
}

/// An anchor id made of the heading's letters and digits (Chinese ones included), so that it
/// reads well in a URL and does not change unless the heading does.
pub fn heading_id(title: &str) -> String {
    let mut id = String::with_capacity(title.len());
    let mut pending_dash = false;
    for c in title.chars() {
        if c.is_alphanumeric() {
            if pending_dash && !id.is_empty() {
                id.push('-');
            }
            pending_dash = false;
            id.extend(c.to_lowercase());
        } else {
            pending_dash = true;
        }
    }
    if id.is_empty() {
        id.push_str("section");
    }
    id
}

fn assign_heading_ids(events: &mut [Event<'_>]) -> Vec<Heading> {
    let mut toc = Vec::new();
    let mut used: HashMap<String, usize> = HashMap::new();
    let mut i = 0;
    while i < events.len() {
        if let Event::Start(Tag::Heading { level, id, .. }) = &events[i] {
            let level = heading_level(*level);
            let explicit = id.as_ref().map(|s| s.to_string());
            let mut title = String::new();
            let mut j = i + 1;
            while j < events.len() && !matches!(events[j], Event::End(TagEnd::Heading(_))) {
                if let Event::Text(t) | Event::Code(t) = &events[j] {
                    title.push_str(t);
                }
                j += 1;
            }
            let base = explicit.unwrap_or_else(|| heading_id(&title));
            let n = used.entry(base.clone()).or_insert(0);
            *n += 1;
            let unique = if *n == 1 { base } else { format!("{base}-{n}") };
            if let Event::Start(Tag::Heading { id, .. }) = &mut events[i] {
                *id = Some(CowStr::from(unique.clone()));
            }
            toc.push(Heading {
                level,
                id: unique,
                title,
            });
            i = j;
        }
        i += 1;
    }
    toc
}

fn heading_level(level: HeadingLevel) -> u8 {
    match level {
        HeadingLevel::H1 => 1,
        HeadingLevel::H2 => 2,
        HeadingLevel::H3 => 3,
        HeadingLevel::H4 => 4,
        HeadingLevel::H5 => 5,
        HeadingLevel::H6 => 6,
    }
}

fn syntax_set() -> &'static SyntaxSet {
    static SYNTAXES: OnceLock<SyntaxSet> = OnceLock::new();
    SYNTAXES.get_or_init(SyntaxSet::load_defaults_newlines)
}

fn highlight_code_blocks(events: Vec<Event<'_>>) -> Vec<Event<'_>> {
    let mut out = Vec::with_capacity(events.len());
    let mut code: Option<(String, String)> = None;
    for event in events {
        match event {
            Event::Start(Tag::CodeBlock(kind)) => {
                let lang = match kind {
                    CodeBlockKind::Fenced(info) => {
                        info.split([' ', ',', '{']).next().unwrap_or("").to_string()
                    }
                    CodeBlockKind::Indented => String::new(),
                };
                code = Some((lang, String::new()));
            }
            Event::Text(text) if code.is_some() => {
                if let Some((_, body)) = code.as_mut() {
                    body.push_str(&text);
                }
            }
            Event::End(TagEnd::CodeBlock) => {
                if let Some((lang, body)) = code.take() {
                    out.push(Event::Html(CowStr::from(code_block_html(&lang, &body))));
                }
            }
            other => out.push(other),
        }
    }
    out
}

fn code_block_html(lang: &str, code: &str) -> String {
    let syntax = (!lang.is_empty())
        .then(|| syntax_set().find_syntax_by_token(lang))
        .flatten();
    let lang_attr = escape_attr(lang);
    let Some(syntax) = syntax else {
        let class = if lang.is_empty() {
            String::new()
        } else {
            format!(" class=\"language-{lang_attr}\"")
        };
        return format!("<pre><code{class}>{}</code></pre>\n", escape_text(code));
    };
    let mut generator = ClassedHTMLGenerator::new_with_class_style(
        syntax,
        syntax_set(),
        ClassStyle::SpacedPrefixed {
            prefix: HIGHLIGHT_CLASS_PREFIX,
        },
    );
    for line in LinesWithEndings::from(code) {
        if generator
            .parse_html_for_line_which_includes_newline(line)
            .is_err()
        {
            return format!(
                "<pre><code class=\"language-{lang_attr}\">{}</code></pre>\n",
                escape_text(code)
            );
        }
    }
    format!(
        "<pre class=\"highlight\"><code class=\"language-{lang_attr}\">{}</code></pre>\n",
        generator.finalize()
    )
}

fn neutralise_raw_html(events: Vec<Event<'_>>, allow: bool) -> Vec<Event<'_>> {
    if allow {
        return events;
    }
    events
        .into_iter()
        .map(|e| match e {
            Event::Html(h) | Event::InlineHtml(h) if !h.starts_with("<pre") => Event::Text(h),
            other => other,
        })
        .collect()
}

pub fn escape_text(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    pulldown_cmark_escape::escape_html(&mut out, s).expect("writing to a String cannot fail");
    out
}

fn escape_attr(s: &str) -> String {
    escape_text(s).replace('"', "&quot;")
}

struct TextStats {
    summary: String,
    cjk_chars: usize,
    words: usize,
}

impl TextStats {
    fn of(events: &[Event<'_>]) -> TextStats {
        let mut stats = TextStats {
            summary: String::new(),
            cjk_chars: 0,
            words: 0,
        };
        let mut in_paragraph = false;
        let mut in_heading = false;
        let mut summary_done = false;
        for event in events {
            match event {
                Event::Start(Tag::Paragraph) => in_paragraph = true,
                Event::End(TagEnd::Paragraph) => {
                    in_paragraph = false;
                    if !stats.summary.is_empty() {
                        summary_done = true;
                    }
                }
                Event::Start(Tag::Heading { .. }) => in_heading = true,
                Event::End(TagEnd::Heading(_)) => in_heading = false,
                Event::Text(t) | Event::Code(t) => {
                    stats.count(t);
                    if in_paragraph && !in_heading && !summary_done {
                        stats.summary.push_str(t);
                    }
                }
                _ => {}
            }
        }
        stats.summary = shorten(stats.summary.trim(), SUMMARY_CHARS);
        stats
    }

    fn count(&mut self, text: &str) {
        let mut in_word = false;
        for c in text.chars() {
            if is_cjk(c) {
                if !c.is_ascii_punctuation() && c.is_alphanumeric() {
                    self.cjk_chars += 1;
                }
                in_word = false;
            } else if c.is_alphanumeric() {
                if !in_word {
                    self.words += 1;
                }
                in_word = true;
            } else {
                in_word = false;
            }
        }
    }
}

/// The first `max` characters of `text`, with an ellipsis when it was cut.
pub fn shorten(text: &str, max: usize) -> String {
    match text.char_indices().nth(max) {
        Some((i, _)) => format!("{}…", &text[..i]),
        None => text.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn html(md: &str) -> String {
        render(
            md,
            &MarkdownOptions {
                allow_raw_html: false,
            },
        )
        .html
    }

    #[test]
    fn soft_break_between_chinese_characters_disappears() {
        assert_eq!(html("标准化工作\n改革发展"), "<p>标准化工作改革发展</p>\n");
        assert_eq!(html("质量。\n标准"), "<p>质量。标准</p>\n");
        assert_eq!(html("以上,\n主导"), "<p>以上,主导</p>\n");
        assert_eq!(html("a,\nb"), "<p>a,\nb</p>\n");
        assert_eq!(html("GB/T\n37668"), "<p>GB/T\n37668</p>\n");
        assert_eq!(html("标准\nISO 9001"), "<p>标准\nISO 9001</p>\n");
    }

    #[test]
    fn chinese_headings_get_stable_unique_ids() {
        let r = render(
            "## 一、总体要求\n\n### (一)指导思想\n\n## 一、总体要求\n",
            &MarkdownOptions {
                allow_raw_html: false,
            },
        );
        let ids: Vec<_> = r.toc.iter().map(|h| h.id.as_str()).collect();
        assert_eq!(ids, ["一-总体要求", "一-指导思想", "一-总体要求-2"]);
        assert!(r.html.contains("<h2 id=\"一-总体要求\">"));
    }

    #[test]
    fn tables_footnotes_strikethrough_tasks() {
        let out = html("|a|b|\n|-|-|\n|1|2|\n\n~~旧~~\n\n- [x] 完成\n\n注[^1]\n\n[^1]: 脚注\n");
        assert!(out.contains("<table>"));
        assert!(out.contains("<del>旧</del>"));
        assert!(out.contains("type=\"checkbox\""));
        assert!(out.contains("footnote-definition"));
    }

    #[test]
    fn code_is_highlighted_with_classes_not_colours() {
        let out = html("```rust\nfn main() {}\n```\n");
        assert!(out.contains("class=\"hl-"), "{out}");
        assert!(!out.contains("style="), "{out}");
        let plain = html("```\n<标准>\n```\n");
        assert_eq!(plain, "<pre><code>&lt;标准&gt;\n</code></pre>\n");
    }

    #[test]
    fn raw_html_is_shown_as_text_unless_allowed() {
        assert_eq!(
            html("<script>alert(1)</script>\n"),
            "&lt;script&gt;alert(1)&lt;/script&gt;\n"
        );
        let allowed = render(
            "<b>粗</b>",
            &MarkdownOptions {
                allow_raw_html: true,
            },
        )
        .html;
        assert!(allowed.contains("<b>粗</b>"));
    }

    #[test]
    fn reading_time_counts_chinese_characters() {
        let text = "标".repeat(800);
        let r = render(
            &text,
            &MarkdownOptions {
                allow_raw_html: false,
            },
        );
        assert_eq!(r.word_count, 800);
        assert_eq!(r.reading_minutes, 2);
        assert_eq!(r.summary.chars().count(), SUMMARY_CHARS + 1);
    }
}
