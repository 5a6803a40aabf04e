//! Running text that must not break at a line end: a document number (泰政发〔2014〕35号), a
//! date (2021年10月14日, 2021年10月, 10月14日) and a number with its unit (97%, 432项, 1910万元)
//! each go into a `<span class="nowrap">`, as the tables' figures already do.
//!
//! Only the text of the page's prose is touched: code (inline and blocks), raw HTML, link and
//! image addresses and heading ids are events or attributes this pass never rewrites. It runs
//! after the word count and summary have read the text, so they see it as written.

use pulldown_cmark::{CowStr, Event, Tag, TagEnd};

use crate::escape::html;

/// Units and date parts that belong to the number before them, Simplified and Traditional
/// (a Traditional source is converted after this pass).
const UNITS: &str = "年月日项項个個家名起件次万萬亿億元%％‰人户戶台套座所份条條批倍吨噸";

/// Han characters kept before a document number's 〔year〕: the issuer's abbreviation
/// (泰政发, 国办函), when the run of Han characters before the bracket is this short; a longer
/// run keeps its last two (…发文 is not known to be one word).
const ISSUER_MAX: usize = 4;

fn is_han(c: char) -> bool {
    matches!(c as u32, 0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xF900..=0xFAFF)
}

/// The byte ranges of `text` to keep whole, in order and not overlapping.
pub(crate) fn ranges(text: &str) -> Vec<std::ops::Range<usize>> {
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let at = |i: usize| chars.get(i).map(|&(_, c)| c);
    let byte = |i: usize| chars.get(i).map_or(text.len(), |&(b, _)| b);
    let digits = |mut i: usize| {
        let start = i;
        while at(i).is_some_and(|c| c.is_ascii_digit()) {
            i += 1;
        }
        (i > start).then_some(i)
    };
    let mut out: Vec<std::ops::Range<usize>> = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i].1;
        // A document number: 〔2014〕35号 (or [2014], ［2014］), with its issuer.
        if matches!(c, '〔' | '[' | '［') {
            let close = match c {
                '〔' => '〕',
                '[' => ']',
                _ => '］',
            };
            if let Some(year_end) = digits(i + 1).filter(|&e| e - (i + 1) == 4) {
                if at(year_end) == Some(close) {
                    if let Some(num_end) = digits(year_end + 1) {
                        if at(num_end) == Some('号') || at(num_end) == Some('號') {
                            let mut start = i;
                            while start > 0 && is_han(chars[start - 1].1) {
                                start -= 1;
                            }
                            if i - start > ISSUER_MAX {
                                start = i - 2;
                            }
                            // Not into a span already made (a number just before).
                            let floor = out.last().map_or(0, |r| r.end);
                            let from = byte(start).max(floor);
                            out.push(from..byte(num_end + 1));
                            i = num_end + 1;
                            continue;
                        }
                    }
                }
            }
        }
        if !c.is_ascii_digit() || (i > 0 && chars[i - 1].1.is_ascii_digit()) {
            i += 1;
            continue;
        }
        // A number, then its unit; a date's parts run on (2021年10月14日).
        let start = i;
        let mut end = i;
        loop {
            let mut j = end;
            while at(j).is_some_and(|c| c.is_ascii_digit())
                || (matches!(at(j), Some('.' | ','))
                    && at(j + 1).is_some_and(|c| c.is_ascii_digit()))
            {
                j += 1;
            }
            if at(j) == Some(' ') && at(j + 1).is_some_and(|c| UNITS.contains(c)) {
                j += 1;
            }
            let mut units = 0;
            while units < 2 && at(j).is_some_and(|c| UNITS.contains(c)) {
                j += 1;
                units += 1;
            }
            end = j;
            // A date runs on: 年 then a month (10月), 月 then a day (14日); "2015年93.2%" is
            // two things.
            let next = match at(j - 1) {
                Some('年') if units == 1 => '月',
                Some('月') if units == 1 => '日',
                _ => break,
            };
            match digits(j) {
                Some(k) if k - j <= 2 && at(k) == Some(next) => continue,
                _ => break,
            }
        }
        let span = byte(start)..byte(end);
        // A bare number without a unit can break nowhere inside anyway: left as it is.
        if text[span.clone()].chars().any(|c| !c.is_ascii_digit()) {
            out.push(span);
        }
        i = end.max(i + 1);
    }
    out
}

/// `text` as HTML, its [`ranges`] in nowrap spans; `None` when there is none.
fn marked(text: &str) -> Option<String> {
    let found = ranges(text);
    if found.is_empty() {
        return None;
    }
    let mut out = String::with_capacity(text.len() + found.len() * 28);
    let mut last = 0;
    for r in found {
        out.push_str(&html(&text[last..r.start]));
        out.push_str("<span class=\"nowrap\">");
        out.push_str(&html(&text[r.clone()]));
        out.push_str("</span>");
        last = r.end;
    }
    out.push_str(&html(&text[last..]));
    Some(out)
}

/// Rewrites the prose's text events: numbers, dates and document numbers in nowrap spans.
pub(crate) fn keep_whole(events: &mut [Event<'_>]) {
    // Inside a code block text is code; inside an image it is the alt text, an attribute.
    let mut inside = 0usize;
    for event in events.iter_mut() {
        match event {
            Event::Start(Tag::CodeBlock(_) | Tag::Image { .. }) => inside += 1,
            Event::End(TagEnd::CodeBlock | TagEnd::Image) => inside = inside.saturating_sub(1),
            Event::Text(text) if inside == 0 => {
                if let Some(html) = marked(text) {
                    *event = Event::InlineHtml(CowStr::from(html));
                }
            }
            _ => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn spans(text: &str) -> Vec<&str> {
        ranges(text).into_iter().map(|r| &text[r]).collect()
    }

    #[test]
    fn document_numbers_dates_and_figures_are_found() {
        assert_eq!(
            spans("（泰政发〔2014〕35号）文件，于2021年10月14日印发，合格率97%，共432项。"),
            ["泰政发〔2014〕35号", "2021年10月14日", "97%", "432项"]
        );
        assert_eq!(spans("国办函[2018]12号"), ["国办函[2018]12号"]);
        assert_eq!(spans("按照上级要求印发〔2014〕35号"), ["印发〔2014〕35号"]);
        assert_eq!(spans("2021年10月和10月14日"), ["2021年10月", "10月14日"]);
        assert_eq!(spans("基线：2015年93.2%"), ["2015年", "93.2%"]);
        assert_eq!(
            spans("1910万元、93.2 %、1,200家"),
            ["1910万元", "93.2 %", "1,200家"]
        );
        // A bare number, a version, a standard number: nothing to keep together.
        assert!(spans("GB/T 19001-2016 第3章 ISO9001 5G").is_empty());
        assert!(spans("〔2014〕").is_empty());
    }

    #[test]
    fn marked_text_is_escaped() {
        assert_eq!(
            marked("<b>97%</b>").unwrap(),
            "&lt;b&gt;<span class=\"nowrap\">97%</span>&lt;/b&gt;"
        );
        assert_eq!(marked("没有数字"), None);
    }
}
