//! What lists and the page header say of a page's text: its summary (the first paragraph,
//! shortened), its length (Chinese characters plus Latin-script words) and its reading time.

use pulldown_cmark::{Event, Tag, TagEnd};

use super::is_cjk;

/// Characters a reader of Chinese gets through in a minute.
const CJK_CHARS_PER_MINUTE: usize = 400;
/// Words of Latin-script text a reader gets through in a minute.
const WORDS_PER_MINUTE: usize = 200;
/// Summaries are cut after this many characters.
pub(super) const SUMMARY_CHARS: usize = 120;

pub(crate) fn reading_minutes(cjk_chars: usize, words: usize) -> usize {
    let minutes =
        cjk_chars as f64 / CJK_CHARS_PER_MINUTE as f64 + words as f64 / WORDS_PER_MINUTE as f64;
    (minutes.ceil() as usize).max(1)
}

pub(super) struct TextStats {
    pub(super) summary: String,
    pub(super) cjk_chars: usize,
    pub(super) words: usize,
}

impl TextStats {
    /// The stats of a page's events, counting its text as `simplify` makes it. Consecutive text
    /// events are counted together, so a phrase the conversion changes is seen whole.
    pub(super) fn of(
        events: &[Event<'_>],
        simplify: &dyn Fn(&str) -> std::borrow::Cow<'_, str>,
    ) -> TextStats {
        let mut stats = TextStats {
            summary: String::new(),
            cjk_chars: 0,
            words: 0,
        };
        let mut in_paragraph = false;
        let mut in_heading = false;
        let mut in_code_block = false;
        let mut summary_done = false;
        let mut text = String::new();
        for event in events {
            if !matches!(event, Event::Text(_)) && !text.is_empty() {
                stats.count(&simplify(&text));
                text.clear();
            }
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
                // Code blocks are HTML by the time a page is rendered; counted, they would not be.
                Event::Start(Tag::CodeBlock(_)) => in_code_block = true,
                Event::End(TagEnd::CodeBlock) => in_code_block = false,
                Event::Text(_) if in_code_block => {}
                Event::Text(t) | Event::Code(t) => {
                    let t = crate::content::shortcodes::strip_markers(t);
                    if matches!(event, Event::Text(_)) {
                        text.push_str(&t);
                    } else {
                        // Inline code is published as written, never converted.
                        stats.count(&t);
                    }
                    if in_paragraph && !in_heading && !summary_done {
                        stats.summary.push_str(&t);
                    }
                }
                _ => {}
            }
        }
        if !text.is_empty() {
            stats.count(&simplify(&text));
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
