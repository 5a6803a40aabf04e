//! Code blocks highlighted with CSS classes (syntect), so the theme's stylesheet colours them
//! in both the normal and the high-contrast modes.

use std::ops::Range;
use std::sync::OnceLock;

use pulldown_cmark::{CodeBlockKind, CowStr, Event, Tag, TagEnd};
use syntect::html::{ClassStyle, ClassedHTMLGenerator};
use syntect::parsing::SyntaxSet;
use syntect::util::LinesWithEndings;

use super::checks::EventKind;

/// Prefix of syntax highlighting classes, so they never collide with the theme's own.
pub const HIGHLIGHT_CLASS_PREFIX: &str = "hl-";

fn syntax_set() -> &'static SyntaxSet {
    static SYNTAXES: OnceLock<SyntaxSet> = OnceLock::new();
    SYNTAXES.get_or_init(SyntaxSet::load_defaults_newlines)
}

/// Code blocks as highlighted HTML, one event each (which takes the range and kind of the
/// block's start).
pub(super) fn highlight_code_blocks<'a>(
    events: Vec<Event<'a>>,
    ranges: Vec<Range<usize>>,
    kinds: Vec<EventKind>,
) -> (Vec<Event<'a>>, Vec<Range<usize>>, Vec<EventKind>) {
    let mut out = Vec::with_capacity(events.len());
    let mut out_ranges = Vec::with_capacity(events.len());
    let mut out_kinds = Vec::with_capacity(events.len());
    let mut code: Option<(String, String, Range<usize>)> = None;
    for ((event, range), kind) in events.into_iter().zip(ranges).zip(kinds) {
        match event {
            Event::Start(Tag::CodeBlock(kind)) => {
                let lang = match kind {
                    CodeBlockKind::Fenced(info) => {
                        info.split([' ', ',', '{']).next().unwrap_or("").to_string()
                    }
                    CodeBlockKind::Indented => String::new(),
                };
                code = Some((lang, String::new(), range));
            }
            Event::Text(text) if code.is_some() => {
                if let Some((_, body, _)) = code.as_mut() {
                    body.push_str(&text);
                }
            }
            Event::End(TagEnd::CodeBlock) => {
                if let Some((lang, body, range)) = code.take() {
                    out.push(Event::Html(CowStr::from(code_block_html(&lang, &body))));
                    out_ranges.push(range);
                    out_kinds.push(EventKind::Other);
                }
            }
            other => {
                out.push(other);
                out_ranges.push(range);
                out_kinds.push(kind);
            }
        }
    }
    (out, out_ranges, out_kinds)
}

fn code_block_html(lang: &str, code: &str) -> String {
    let syntax = (!lang.is_empty())
        .then(|| syntax_set().find_syntax_by_token(lang))
        .flatten();
    let lang_attr = crate::escape::html(lang);
    let Some(syntax) = syntax else {
        let class = if lang.is_empty() {
            String::new()
        } else {
            format!(" class=\"language-{lang_attr}\"")
        };
        return format!(
            "<pre><code{class}>{}</code></pre>\n",
            crate::escape::html(code)
        );
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
                crate::escape::html(code)
            );
        }
    }
    format!(
        "<pre class=\"highlight\"><code class=\"language-{lang_attr}\">{}</code></pre>\n",
        generator.finalize()
    )
}
