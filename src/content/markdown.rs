//! Markdown to HTML with what Chinese documents need: no stray spaces where an editor wrapped a
//! line between two Chinese characters, stable anchors for Chinese headings, reading time by
//! characters, and code highlighted with CSS classes. Links that would run a script or leave
//! the web (`javascript:`, `data:`…) are reported as problems (see [`safety`]); where raw HTML
//! is allowed, the page is published through the allow-list and what it leaves out is reported
//! (see [`allowlist`]).

mod addressee;
pub mod allowlist;
mod checks;
mod highlight;
mod nowrap;
pub mod punctuation;
pub mod safety;
mod stats;

pub use checks::unsafe_content;
pub use highlight::HIGHLIGHT_CLASS_PREFIX;
pub(crate) use stats::reading_minutes;
pub use stats::shorten;

use std::collections::HashSet;
use std::ops::Range;

use checks::{push_html_tracked, raw_html_problems, unsafe_links, EventKind};
use highlight::highlight_code_blocks;
use pulldown_cmark::{CowStr, Event, HeadingLevel, Options, Parser, Tag, TagEnd};
use serde::Serialize;
use stats::TextStats;

#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub(crate) struct Heading {
    pub(crate) level: u8,
    pub(crate) id: String,
    pub(crate) title: String,
}

/// A page's Markdown rendered once: its HTML and what the same pass counted and found.
#[derive(Debug, Clone, Default)]
pub struct Rendered {
    /// The body as HTML (shortcodes as markers; still in the script it was written in).
    pub html: String,
    pub(crate) toc: Vec<Heading>,
    /// The first paragraph as plain text, shortened.
    pub summary: String,
    /// Chinese characters plus Latin-script words.
    pub word_count: usize,
    pub(crate) reading_minutes: usize,
    /// What the page must not publish, in the order written (see [`unsafe_content`]).
    pub problems: Vec<Problem>,
    /// Every link and image written in Markdown: the byte offset of its `[`, `![` or `<`, and
    /// its address as written (for messages about links the site resolves).
    pub links: Vec<(usize, String)>,
}

/// Something in the Markdown that must not be published: a link or image address that would run
/// a script or leave the web, or (in raw HTML) a script or event handler.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    /// Byte offset in the Markdown of the link (its `[`, `![` or `<`) or of the raw HTML.
    pub offset: usize,
    /// The sentence for the editor, in the command's language.
    pub message: String,
    pub(crate) hint: String,
}

/// How Markdown is rendered: the site's `allow_raw_html` and `typography.punctuation` settings.
#[derive(Debug, Clone, Copy)]
pub struct MarkdownOptions {
    /// Raw HTML in Markdown is shown as text unless the site allows it.
    pub allow_raw_html: bool,
    /// Half-width punctuation in Chinese text becomes full-width (see [`punctuation`]).
    pub punctuation: bool,
}

/// The events of `markdown`, with their byte ranges.
fn parse(markdown: &str) -> (Vec<Event<'_>>, Vec<Range<usize>>) {
    let parser_options = Options::ENABLE_TABLES
        | Options::ENABLE_FOOTNOTES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_TASKLISTS;
    Parser::new_ext(markdown, parser_options)
        .into_offset_iter()
        .unzip()
}

/// The page's HTML, headings, summary and problems, and its length counted on its text as
/// `as_published` makes it (see `TextStats::of`).
pub fn render(
    markdown: &str,
    options: &MarkdownOptions,
    as_published: &dyn Fn(&str) -> std::borrow::Cow<'_, str>,
) -> Rendered {
    let (mut events, ranges) = parse(markdown);
    let mut problems = unsafe_links(&events, &ranges);
    let links = events
        .iter()
        .zip(&ranges)
        .filter_map(|(event, range)| match event {
            Event::Start(Tag::Link { dest_url, .. } | Tag::Image { dest_url, .. }) => {
                Some((range.start, dest_url.to_string()))
            }
            _ => None,
        })
        .collect();

    drop_soft_breaks_between_cjk(&mut events);
    if options.punctuation {
        punctuation::apply(&mut events, &ranges, markdown, false);
    }
    let taken = ids_written(&events, options.allow_raw_html);
    let toc = assign_heading_ids(&mut events, taken);
    // Raw HTML is dealt with before code blocks become HTML themselves.
    let mut events = neutralise_raw_html(events, options.allow_raw_html);
    let kinds: Vec<EventKind> = events.iter().map(EventKind::of).collect();
    let has_raw_html = kinds.contains(&EventKind::RawHtml);
    // After the raw HTML checks have seen the events: the mark is the renderer's markup.
    addressee::mark(&mut events);
    let (events, ranges, kinds) = highlight_code_blocks(events, ranges, kinds);

    let stats = TextStats::of(&events, as_published);
    let mut events = events;
    nowrap::keep_whole(&mut events);
    let mut html = String::with_capacity(markdown.len() * 3 / 2);
    if has_raw_html {
        let starts = push_html_tracked(&mut html, events);
        let report = raw_html_problems(&html, &starts, &ranges, &kinds);
        problems.extend(report.problems);
        problems.sort_by_key(|p| p.offset);
        // What is published is the sanitizer's output, whatever the report found; a page too
        // deep for it is refused, and shown as text until it is mended.
        html = if report.publishable {
            allowlist::publish(&html)
        } else {
            crate::escape::html(&html)
        };
    } else {
        pulldown_cmark::html::push_html(&mut html, events.into_iter());
    }
    // Every page's HTML is held for the whole build: no room to spare.
    html.shrink_to_fit();
    Rendered {
        html,
        toc,
        summary: stats.summary,
        word_count: stats.cjk_chars + stats.words,
        reading_minutes: reading_minutes(stats.cjk_chars, stats.words),
        problems,
        links,
    }
}

/// What the typography pass would change in `markdown` (see [`punctuation`]), in order.
pub fn punctuation_fixes(markdown: &str) -> Vec<punctuation::Fix> {
    let (mut events, ranges) = parse(markdown);
    drop_soft_breaks_between_cjk(&mut events);
    punctuation::apply(&mut events, &ranges, markdown, true)
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

/// The ids the page has before its headings get theirs: footnotes' (their labels) and, where
/// raw HTML is allowed, those the editor wrote in it. Automatic heading ids give way to them.
fn ids_written(events: &[Event<'_>], allow_raw_html: bool) -> HashSet<String> {
    let mut ids = HashSet::new();
    let mut raw = String::new();
    for event in events {
        match event {
            Event::Start(Tag::FootnoteDefinition(label)) => {
                ids.insert(label.to_string());
            }
            Event::Html(html) | Event::InlineHtml(html) if allow_raw_html => raw.push_str(html),
            _ => {}
        }
    }
    if !raw.is_empty() {
        safety::for_each_element(&raw, |el| {
            if let Some(id) = el.get_attribute("id") {
                ids.insert(safety::decode_entities(&id).into_owned());
            }
        });
    }
    ids
}

/// Gives every heading an id no other element of the page has: its own (from its text), or
/// that with the first free suffix (`-2`, `-3`…) when it is taken, however it was taken (by an
/// earlier heading, a heading written `一、总体要求-2` by hand, a footnote or raw HTML).
fn assign_heading_ids(events: &mut [Event<'_>], mut taken: HashSet<String>) -> Vec<Heading> {
    let mut toc = Vec::new();
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
            let unique = if taken.contains(&base) {
                (2..)
                    .map(|n| format!("{base}-{n}"))
                    .find(|id| !taken.contains(id))
                    .unwrap_or_default()
            } else {
                base
            };
            taken.insert(unique.clone());
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

/// Raw HTML as text, unless the site allows it. Runs before code blocks are turned into HTML, so
/// every HTML event here was written by the editor (a raw `<pre onclick=…>` too).
fn neutralise_raw_html(events: Vec<Event<'_>>, allow: bool) -> Vec<Event<'_>> {
    if allow {
        return events;
    }
    events
        .into_iter()
        .map(|e| match e {
            Event::Html(h) | Event::InlineHtml(h) => Event::Text(h),
            other => other,
        })
        .collect()
}

/// [`render`] counting the text as written (tests).
#[cfg(test)]
pub(crate) fn render_as_written(markdown: &str, options: &MarkdownOptions) -> Rendered {
    render(markdown, options, &|text| text.into())
}

#[cfg(test)]
mod tests {
    use std::path::Path;

    use super::stats::SUMMARY_CHARS;
    use super::*;

    fn html(md: &str) -> String {
        render_as_written(
            md,
            &MarkdownOptions {
                allow_raw_html: false,
                punctuation: false,
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
        let r = render_as_written(
            "## 一、总体要求\n\n### (一)指导思想\n\n## 一、总体要求\n",
            &MarkdownOptions {
                allow_raw_html: false,
                punctuation: false,
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
        let allowed = render_as_written(
            "<b>粗</b>",
            &MarkdownOptions {
                allow_raw_html: true,
                punctuation: false,
            },
        )
        .html;
        assert!(allowed.contains("<b>粗</b>"));
    }

    fn problems(md: &str, allow_raw_html: bool) -> Vec<(usize, String)> {
        render_as_written(
            md,
            &MarkdownOptions {
                allow_raw_html,
                punctuation: false,
            },
        )
        .problems
        .into_iter()
        .map(|p| (p.offset, p.message))
        .collect()
    }

    #[test]
    fn raw_html_that_looks_like_a_code_block_is_text_too() {
        assert_eq!(
            html("<pre onmouseover=\"alert(1)\">x</pre><script>alert(2)</script>\n"),
            "&lt;pre onmouseover=\"alert(1)\"&gt;x&lt;/pre&gt;&lt;script&gt;alert(2)&lt;/script&gt;\n"
        );
        assert!(html("```\ncode\n```\n").starts_with("<pre><code>"));
    }

    #[test]
    fn dangerous_link_addresses_are_problems_where_the_link_is() {
        let md = "正文[链接](javascript:alert(1))\n\n![图](data:image/png;base64,AA) \
                  ![图](data:image/svg+xml,x) [a](<java\tscript:x>) [b](&#106;avascript:x)\n\n\
                  <JaVaScRiPt:alert(1)> [c](VBScript:x) [d](file:///c:/a.doc) [e][r]\n\n\
                  [r]: data:text/html,x\n\n[ok](https://a.cn/) [ok](/a/) [ok](mailto:a@b.cn)\n";
        let found = problems(md, false);
        let at: Vec<&str> = found
            .iter()
            .map(|(o, _)| md[*o..].split(')').next().unwrap())
            .collect();
        assert_eq!(
            at,
            [
                "[链接](javascript:alert(1",
                "![图](data:image/svg+xml,x",
                "[a](<java\tscript:x>",
                "[b](&#106;avascript:x",
                "<JaVaScRiPt:alert(1",
                "[c](VBScript:x",
                "[d](file:///c:/a.doc",
                "[e][r]\n\n[r]: data:text/html,x\n\n[ok](https://a.cn/",
            ]
        );
        assert!(found[0]
            .1
            .contains("\"javascript:alert(1)\" would run a script"));
        assert!(found[1].1.starts_with("the image \"data:image/svg+xml,x\""));
        assert!(found[2].1.contains("\"javascript:x\""), "{}", found[2].1);
        // Allowing raw HTML changes nothing for Markdown's own links.
        assert_eq!(problems(md, true), found);
    }

    #[test]
    fn one_diagnostic_names_the_first_problem_and_where_the_others_are() {
        let md = "a\n\n  [x](javascript:1)\n[y](data:,1)\n";
        let rendered = render_as_written(
            md,
            &MarkdownOptions {
                allow_raw_html: false,
                punctuation: false,
            },
        );
        let d = unsafe_content(Path::new("content/a.md"), md, 5, &rendered).unwrap_err();
        assert_eq!((d.line, d.column), (Some(7), Some(3)));
        assert!(
            d.message.contains("(and 1 more in this file, at 8:1)"),
            "{}",
            d.message
        );
        assert!(d.hint.unwrap().contains("link to a page"));
        let fine = render_as_written(
            "[x](/a/)",
            &MarkdownOptions {
                allow_raw_html: false,
                punctuation: false,
            },
        );
        assert!(unsafe_content(Path::new("a.md"), "", 1, &fine).is_ok());
    }

    #[test]
    fn allowed_raw_html_may_not_script() {
        let md = "段落<b onclick=\"alert(1)\">粗</b>\n\n<div>\n<a href=\"&#106;avascript:alert(1)\">x</a>\n\
                  <img src=\"data:image/png;base64,AA\" alt=\"图\"><iframe srcdoc=\"x\"></iframe>\n</div>\n\n\
                  <script>alert(2)</script>\n\n<svg><a><animate attributeName=\"href\" values=\"javascript:alert(3)\"/></a></svg>\n";
        let found = problems(md, true);
        let at: Vec<&str> = found.iter().map(|(o, _)| &md[*o..*o + 7]).collect();
        assert_eq!(
            at,
            ["onclick", "href=\"&", "srcdoc=", "<script", "<svg><a", "values="]
        );
        let expected = [
            "the raw HTML <b onclick=…> is an event handler",
            "the raw HTML <a href=\"javascript:alert(1)\"> would run a script",
            "the raw HTML <iframe srcdoc=…> holds a page",
            "the raw HTML a <script> element",
            "the raw HTML <svg> (SVG or MathML written into the page) can hold scripts",
            "the raw HTML <animate values=\"javascript:alert(3)\"> would run",
        ];
        for ((_, message), expected) in found.iter().zip(expected) {
            assert!(message.starts_with(expected), "{message}");
        }
        // Shown as text when raw HTML is not allowed: nothing to report.
        assert!(problems(md, false).is_empty());
        // What the page publishes is the allow-list's: the bold text and the raster image stay,
        // the rest goes.
        let published = render_as_written(
            md,
            &MarkdownOptions {
                allow_raw_html: true,
                punctuation: false,
            },
        )
        .html;
        assert_eq!(
            published,
            "<p>段落<b>粗</b></p>\n<div>\n<a>x</a>\n<img src=\"data:image/png;base64,AA\" alt=\"图\">\n</div>\n\n<p></p>\n"
        );
    }

    #[test]
    fn raw_html_that_takes_in_the_following_text_is_read_whole() {
        // The title's quote closes in the next paragraph, which turns its text into attributes.
        let md = "<div title=\"\n\n\" onmouseover=\"alert(1)\" x=\">文字</div>\n";
        let found = problems(md, true);
        let messages: Vec<&str> = found.iter().map(|(_, m)| m.as_str()).collect();
        assert!(found.iter().all(|(offset, _)| *offset == 0), "{found:?}");
        assert!(messages[0].contains("onmouseover"), "{messages:?}");
        assert!(
            messages[1].contains("<div x=…> is not an attribute"),
            "{messages:?}"
        );
        assert_eq!(found.len(), 2, "{found:?}");
        // A tag left open at the end takes in the template after it: read as far as it goes,
        // and the quotes that close it for reading are no attributes of the editor's.
        for (md, attributes) in [
            ("<div onclick=\"alert(1)\" title=\"", 1),
            ("<div onclick='alert(1)' x='", 2),
            ("<div onclick=x", 1),
            // The last name is read with the quotes and has no place: not reported.
            ("<div\nonclick=x y", 1),
        ] {
            let found = problems(md, true);
            assert_eq!(found.len(), attributes, "{md}: {found:?}");
            assert!(found[0].1.contains("onclick"), "{md}: {found:?}");
        }
        // An incomplete tag is no HTML to Markdown: it is shown as text.
        assert!(problems("<a href=\"javascript:alert(1)\" title=\"", true).is_empty());
    }

    /// `length` counts what `render` counts, and counts it as `simplify` makes it: consecutive
    /// text events together (a phrase split by a line break is one phrase), code not at all.
    #[test]
    fn length_counts_the_text_as_published() {
        let options = MarkdownOptions {
            allow_raw_html: false,
            punctuation: true,
        };
        fn shorter(t: &str) -> std::borrow::Cow<'_, str> {
            t.replace("最佳化", "优化").into()
        }
        let words = |md: &str| render(md, &options, &shorter).word_count;
        // The phrase is cut by a line break in the source and still seen whole.
        assert_eq!(words("强化最佳\n化管理"), 6);
        // Inline code is published as written.
        assert_eq!(words("强化最佳化管理`最佳化`"), 9);
        assert_eq!(render_as_written("强化最佳化管理", &options).word_count, 7);
    }

    #[test]
    fn reading_time_counts_chinese_characters() {
        let text = "标".repeat(800);
        let r = render_as_written(
            &text,
            &MarkdownOptions {
                allow_raw_html: false,
                punctuation: false,
            },
        );
        assert_eq!(r.word_count, 800);
        assert_eq!(r.reading_minutes, 2);
        assert_eq!(r.summary.chars().count(), SUMMARY_CHARS + 1);
    }
}
