//! Chinese punctuation in Chinese text (GB/T 15834-2011): the half-width `, : ; ( ) ! ?` that
//! scraped sources and hasty typing leave between Chinese characters become the full-width
//! `，：；（）！？` Chinese text is set with.
//!
//! Only the text of Markdown is looked at: never code, inline code, raw HTML, autolinks or link
//! addresses, and never an address written in the text (`https://…`, `www.…`, `mailto:…`).
//! The rules keep Latin text and figures as written:
//!
//! - `, ; : ! ?` change when the nearest character before or after them (past spaces and
//!   quotation marks, which both scripts share) is Chinese; never between two digits (1,234,
//!   10:30, 1:2). Spaces beside a mark that changes go: a full-width mark carries its own space.
//! - `( )` change as a pair, when what they enclose has a Chinese character or a Chinese
//!   character touches them outside: 下载数据(CSV) and (1)加强 change; 阿里巴巴 (BABA.N) 旗下
//!   and a parenthesis in an English sentence do not. An unpaired parenthesis stays.
//!
//! Why not the `autocorrect` crate: it leaves `;` and parentheses alone (the marks these
//! documents lose most), turns `.` into `。`, keeps its settings in one process-wide
//! configuration (a build and `serve` need one per site), and brings a YAML parser, a PEG
//! parser, regexes and a file walker for what is a few dozen lines here.

use std::ops::Range;

use pulldown_cmark::{CowStr, Event, LinkType, Tag, TagEnd};

/// A change the pass makes, for `stdportal check`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Fix {
    /// Byte offset in the Markdown of the changed mark (of its text when it is not written
    /// as it is shown, e.g. after a backslash escape).
    pub offset: usize,
    /// A few characters around the mark, as written and as published.
    pub before: String,
    pub(crate) after: String,
}

/// One character of a run of inline text.
#[derive(Clone, Copy)]
struct Slot {
    c: char,
    /// Where the character is: event and byte offset in its text; `None` for characters that
    /// stand for something the pass must not change (inline code, an autolink, raw HTML).
    at: Option<(usize, usize)>,
}

/// Stands for raw HTML and footnote references: seen as a Latin letter by the rules.
const OPAQUE: char = 'x';

/// Chinese characters and the punctuation only Chinese (or Japanese) text uses. Quotation
/// marks, dashes and ellipses are shared with Latin text, so they decide nothing.
fn is_chinese(c: char) -> bool {
    matches!(c as u32,
        0x2E80..=0x2FDF     // radicals
        | 0x3000..=0x303F   // CJK punctuation: 、。〔〕《》「」
        | 0x3040..=0x30FF   // kana
        | 0x3400..=0x4DBF   // extension A
        | 0x4E00..=0x9FFF   // unified ideographs
        | 0xF900..=0xFAFF   // compatibility ideographs
        | 0xFE30..=0xFE4F   // compatibility forms
        | 0xFF00..=0xFF60   // full-width forms: ，；：（）
        | 0x20000..=0x3FFFF // extensions B and later
    )
}

/// Characters the search for a neighbour looks past: they belong to either script.
fn is_shared(c: char) -> bool {
    matches!(
        c,
        '“' | '”' | '‘' | '’' | '"' | '\'' | '—' | '…' | '·' | '*' | '_'
    )
}

fn is_space(c: char) -> bool {
    matches!(c, ' ' | '\t' | '\n')
}

/// The full-width form of a mark the pass changes.
fn full_width(c: char) -> Option<&'static str> {
    Some(match c {
        ',' => "，",
        ':' => "：",
        ';' => "；",
        '!' => "！",
        '?' => "？",
        '(' => "（",
        ')' => "）",
        _ => return None,
    })
}

/// Whether a text may hold something to change: the fast path for almost every text event.
fn has_candidates(text: &str) -> bool {
    text.bytes()
        .any(|b| matches!(b, b',' | b':' | b';' | b'!' | b'?' | b'(' | b')'))
}

/// What the pass writes for each slot of a run: `None` to keep it, `Some("")` to drop it.
type Edits = Vec<Option<&'static str>>;

/// The rules (see the module documentation) on one run of text.
fn edits(slots: &[Slot]) -> Edits {
    let mut chars: Vec<char> = slots.iter().map(|s| s.c).collect();
    let mut edits: Edits = vec![None; slots.len()];
    let editable = addresses_excluded(slots, &chars);
    parentheses(&mut chars, &editable, &mut edits);
    for i in 0..chars.len() {
        let c = chars[i];
        if !editable[i] || !matches!(c, ',' | ':' | ';' | '!' | '?') {
            continue;
        }
        let digit = |j: Option<usize>| {
            j.and_then(|j| chars.get(j))
                .is_some_and(char::is_ascii_digit)
        };
        if digit(i.checked_sub(1)) && digit(Some(i + 1)) {
            continue; // 1,234  10:30  1:2
        }
        let before = neighbour(&chars, i, -1, true);
        let after = neighbour(&chars, i, 1, true);
        let chinese = |j: Option<usize>| j.is_some_and(|j| is_chinese(chars[j]));
        if !chinese(before) && !chinese(after) {
            continue;
        }
        edits[i] = full_width(c);
        chars[i] = full_width(c).and_then(|s| s.chars().next()).unwrap_or(c);
        drop_spaces(&chars, &editable, &mut edits, i, -1);
        drop_spaces(&chars, &editable, &mut edits, i, 1);
    }
    edits
}

/// Pairs of parentheses that enclose or touch Chinese text become full-width, outer pairs
/// first (so an inner pair touching a converted one follows it).
fn parentheses(chars: &mut [char], editable: &[bool], edits: &mut Edits) {
    let mut open = Vec::new();
    let mut pairs = Vec::new();
    for (i, &c) in chars.iter().enumerate() {
        match c {
            '(' if editable[i] => open.push(i),
            ')' if editable[i] => {
                if let Some(o) = open.pop() {
                    pairs.push((o, i));
                }
            }
            _ => {}
        }
    }
    pairs.sort_unstable();
    let chinese_at = |chars: &[char], j: Option<usize>| j.is_some_and(|j| is_chinese(chars[j]));
    for (o, c) in pairs {
        let inside = chars[o + 1..c].iter().any(|&ch| is_chinese(ch));
        let before = neighbour(chars, o, -1, false);
        let after = neighbour(chars, c, 1, false);
        if !(inside || chinese_at(chars, before) || chinese_at(chars, after)) {
            continue;
        }
        for (i, ch) in [(o, '（'), (c, '）')] {
            edits[i] = full_width(chars[i]);
            chars[i] = ch;
        }
        // Spaces between a full-width parenthesis and Chinese text outside it go.
        if chinese_at(chars, neighbour(chars, o, -1, true)) {
            drop_spaces(chars, editable, edits, o, -1);
        }
        if chinese_at(chars, neighbour(chars, c, 1, true)) {
            drop_spaces(chars, editable, edits, c, 1);
        }
    }
}

/// The nearest character from `i` in direction `step` that decides (not shared punctuation,
/// and not a space when `past_spaces`).
fn neighbour(chars: &[char], i: usize, step: isize, past_spaces: bool) -> Option<usize> {
    let mut j = i as isize + step;
    while j >= 0 && (j as usize) < chars.len() {
        let c = chars[j as usize];
        if !(is_shared(c) || past_spaces && is_space(c)) {
            return Some(j as usize);
        }
        j += step;
    }
    None
}

/// Drops the spaces (not line breaks) next to slot `i` in direction `step`.
fn drop_spaces(chars: &[char], editable: &[bool], edits: &mut Edits, i: usize, step: isize) {
    let mut j = i as isize + step;
    while j >= 0 && (j as usize) < chars.len() {
        let k = j as usize;
        if !matches!(chars[k], ' ' | '\t') || !editable[k] {
            break;
        }
        edits[k] = Some("");
        j += step;
    }
}

/// Which slots the rules may change: text, and not part of an address written in it.
fn addresses_excluded(slots: &[Slot], chars: &[char]) -> Vec<bool> {
    let mut editable: Vec<bool> = slots.iter().map(|s| s.at.is_some()).collect();
    let starts_at = |i: usize, prefix: &str| {
        chars[i..]
            .iter()
            .take(prefix.len())
            .map(|c| c.to_ascii_lowercase())
            .eq(prefix.chars())
    };
    let mut i = 0;
    while i < chars.len() {
        // Addresses are looked for in the text only (an autolink is not text), and end
        // where it does.
        // Every address starts with `w`, `m` or the `:` of `://`: other characters are passed
        // without comparing.
        if !editable[i] || !matches!(chars[i].to_ascii_lowercase(), 'w' | 'm' | ':') {
            i += 1;
            continue;
        }
        let start = if starts_at(i, "www.") || starts_at(i, "mailto:") {
            Some(i)
        } else if starts_at(i, "://") {
            // Back over the scheme's letters.
            let mut s = i;
            while s > 0
                && slots[s - 1].at.is_some()
                && (chars[s - 1].is_ascii_alphanumeric() || "+-.".contains(chars[s - 1]))
            {
                s -= 1;
            }
            (s < i).then_some(s)
        } else {
            None
        };
        let Some(start) = start else {
            i += 1;
            continue;
        };
        // An address ends at a space or at Chinese text; whatever punctuation it holds up to
        // there is left alone, since it may be part of it.
        let mut end = i;
        while end < chars.len()
            && slots[end].at.is_some()
            && !is_space(chars[end])
            && !is_chinese(chars[end])
        {
            end += 1;
        }
        for e in &mut editable[start..end] {
            *e = false;
        }
        i = end.max(i + 1);
    }
    editable
}

/// Runs of inline text: the events between two block boundaries.
fn runs(events: &[Event<'_>]) -> Vec<Range<usize>> {
    let mut runs = Vec::new();
    let mut start = 0;
    for (i, event) in events.iter().enumerate() {
        let inline = match event {
            Event::Start(tag) => is_inline(tag),
            Event::End(end) => is_inline_end(end),
            _ => true,
        };
        if !inline {
            if start < i {
                runs.push(start..i);
            }
            start = i + 1;
        }
    }
    if start < events.len() {
        runs.push(start..events.len());
    }
    runs
}

fn is_inline(tag: &Tag<'_>) -> bool {
    matches!(
        tag,
        Tag::Emphasis | Tag::Strong | Tag::Strikethrough | Tag::Link { .. } | Tag::Image { .. }
    )
}

fn is_inline_end(tag: &TagEnd) -> bool {
    matches!(
        tag,
        TagEnd::Emphasis | TagEnd::Strong | TagEnd::Strikethrough | TagEnd::Link | TagEnd::Image
    )
}

/// The slots of a run. Inline code and the text of an autolink are there to be seen by the
/// rules but not changed; raw HTML and footnote references stand as one opaque character.
fn slots(events: &[Event<'_>], run: Range<usize>) -> Vec<Slot> {
    let mut slots = Vec::new();
    let mut in_autolink = 0usize;
    let fixed = |c| Slot { c, at: None };
    for i in run {
        match &events[i] {
            Event::Start(Tag::Link {
                link_type: LinkType::Autolink | LinkType::Email,
                ..
            }) => in_autolink += 1,
            Event::End(TagEnd::Link) if in_autolink > 0 => in_autolink -= 1,
            Event::Text(t) if in_autolink == 0 => {
                slots.extend(t.char_indices().map(|(b, c)| Slot {
                    c,
                    // Shortcode markers (private-use characters) are not text.
                    at: (!('\u{E000}'..='\u{F8FF}').contains(&c)).then_some((i, b)),
                }));
            }
            Event::Text(t) | Event::Code(t) => slots.extend(t.chars().map(fixed)),
            Event::SoftBreak | Event::HardBreak => slots.push(fixed('\n')),
            Event::InlineHtml(_)
            | Event::Html(_)
            | Event::FootnoteReference(_)
            | Event::InlineMath(_)
            | Event::DisplayMath(_) => slots.push(fixed(OPAQUE)),
            _ => {}
        }
    }
    slots
}

/// Applies the pass to the text events of a page; with `report`, returns what it changed.
pub(super) fn apply(
    events: &mut [Event<'_>],
    ranges: &[Range<usize>],
    markdown: &str,
    report: bool,
) -> Vec<Fix> {
    let mut fixes = Vec::new();
    let mut code_block_depth = 0usize;
    let mut code_blocks = vec![false; events.len()];
    for (i, event) in events.iter().enumerate() {
        match event {
            Event::Start(Tag::CodeBlock(_)) => code_block_depth += 1,
            Event::End(TagEnd::CodeBlock) => code_block_depth = code_block_depth.saturating_sub(1),
            _ => {}
        }
        code_blocks[i] = code_block_depth > 0;
    }
    for run in runs(events) {
        let candidates = events[run.clone()]
            .iter()
            .any(|e| matches!(e, Event::Text(t) if has_candidates(t)));
        if !candidates || code_blocks[run.start] {
            continue;
        }
        let slots = slots(events, run);
        let edits = edits(&slots);
        if edits.iter().all(Option::is_none) {
            continue;
        }
        if report {
            fixes.extend(describe(&slots, &edits, events, ranges, markdown));
        }
        write(events, &slots, &edits);
    }
    fixes
}

/// Rewrites the text events that have edits.
fn write(events: &mut [Event<'_>], slots: &[Slot], edits: &Edits) {
    let mut by_event: std::collections::BTreeMap<usize, Vec<(usize, &str)>> = Default::default();
    for (slot, edit) in slots.iter().zip(edits) {
        if let (Some((event, byte)), Some(with)) = (slot.at, edit) {
            by_event.entry(event).or_default().push((byte, with));
        }
    }
    for (event, changes) in by_event {
        let Event::Text(text) = &events[event] else {
            continue;
        };
        let mut out = String::with_capacity(text.len() + changes.len() * 2);
        let mut copied = 0;
        for (byte, with) in changes {
            out.push_str(&text[copied..byte]);
            out.push_str(with);
            // Every changed character is one ASCII byte.
            copied = byte + 1;
        }
        out.push_str(&text[copied..]);
        events[event] = Event::Text(CowStr::from(out));
    }
}

/// Characters shown either side of a change in `stdportal check`.
const CONTEXT: usize = 6;

/// One [`Fix`] per changed mark (spaces dropped beside it go with it).
fn describe(
    slots: &[Slot],
    edits: &Edits,
    events: &[Event<'_>],
    ranges: &[Range<usize>],
    markdown: &str,
) -> Vec<Fix> {
    let mut fixes = Vec::new();
    for (i, edit) in edits.iter().enumerate() {
        if !matches!(edit, Some(s) if !s.is_empty()) {
            continue;
        }
        let Some((event, byte)) = slots[i].at else {
            continue;
        };
        let from = i.saturating_sub(CONTEXT);
        let to = (i + CONTEXT + 1).min(slots.len());
        let before: String = slots[from..to].iter().map(|s| s.c).collect();
        let after: String = slots[from..to]
            .iter()
            .zip(&edits[from..to])
            .map(|(s, e)| e.map_or_else(|| s.c.to_string(), str::to_string))
            .collect();
        let range = &ranges[event];
        let written_as_shown =
            matches!(&events[event], Event::Text(t) if markdown.get(range.clone()) == Some(&**t));
        let offset = if written_as_shown {
            range.start + byte
        } else {
            range.start
        };
        fixes.push(Fix {
            offset,
            before: before.replace('\n', " "),
            after: after.replace('\n', " "),
        });
    }
    fixes
}

/// The pass on plain text (every character is text): for tests and for text that is not
/// Markdown.
pub fn fix_text(text: &str) -> String {
    if !has_candidates(text) {
        return text.to_string();
    }
    let slots: Vec<Slot> = text
        .char_indices()
        .map(|(b, c)| Slot {
            c,
            at: Some((0, b)),
        })
        .collect();
    let edits = edits(&slots);
    let mut events = [Event::Text(CowStr::Borrowed(text))];
    write(&mut events, &slots, &edits);
    match &events[0] {
        Event::Text(t) => t.to_string(),
        _ => unreachable!("one text event in, one out"),
    }
}

#[cfg(test)]
mod tests;
