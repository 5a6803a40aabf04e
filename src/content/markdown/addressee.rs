//! The 主送 line of an official document ("各县（市、区）人民政府，市直各部门："): the first
//! paragraph of the text, a short list of addressees ending in a colon. GB/T 9704 sets it flush
//! left, where the paragraphs after it are indented by two characters, so it is marked for the
//! theme (`<p class="addressee">`; the default theme's CSS keeps it from being indented).

use pulldown_cmark::{CowStr, Event, Tag, TagEnd};

/// The most characters an addressee line has: a long first paragraph that happens to end in a
/// colon ("……如下：") is text, not a list of addressees.
const MAX_CHARS: usize = 80;

/// Marks the first block of `events` when it is an addressee line. Run after raw HTML is dealt
/// with: the mark is the renderer's own markup, not the editor's.
pub(super) fn mark(events: &mut [Event<'_>]) {
    let Some(Event::Start(Tag::Paragraph)) = events.first() else {
        return;
    };
    let Some(end) = events
        .iter()
        .position(|e| matches!(e, Event::End(TagEnd::Paragraph)))
    else {
        return;
    };
    let mut text = String::new();
    for event in &events[1..end] {
        match event {
            Event::Text(t) => text.push_str(t),
            // A line break inside stays one line of addressees; anything else (emphasis, links,
            // code) is not how a 主送 line is written.
            Event::SoftBreak => {}
            _ => return,
        }
    }
    if is_addressee_line(&text) {
        events[0] = Event::Html(CowStr::Borrowed("<p class=\"addressee\">"));
        events[end] = Event::Html(CowStr::Borrowed("</p>\n"));
    }
}

/// Short, Chinese, ending in a colon, and not a sentence.
fn is_addressee_line(text: &str) -> bool {
    let text = text.trim();
    (text.ends_with('：') || text.ends_with(':'))
        && text.chars().count() <= MAX_CHARS
        && !text.contains(['。', '；', ';', '！', '？'])
        && text.chars().any(super::is_cjk)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_a_short_first_line_ending_in_a_colon_is_an_addressee_line() {
        assert!(is_addressee_line(
            "各县（市、区）人民政府，市政府直属各单位："
        ));
        assert!(is_addressee_line("各縣(市、區)人民政府,市政府直屬各單位:"));
        assert!(!is_addressee_line("现将有关事项通知如下。"));
        assert!(!is_addressee_line(
            "为加快推进标准化工作改革；提出如下意见："
        ));
        assert!(!is_addressee_line(&format!("{}：", "标".repeat(MAX_CHARS))));
        assert!(!is_addressee_line("Dear all:"));
    }
}
