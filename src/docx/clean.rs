//! Word's invisible debris: characters a reader cannot see that change what a page does (a
//! non-breaking space keeps a line from wrapping on a phone, a zero-width space splits a word
//! for search, a soft hyphen shows up when copied, direction marks can turn text around).
//! Word puts them in its files and in text pasted from it; the same cleaning serves a `.docx`
//! and a Markdown page (where [`clean_markdown`] says where each one was).

/// The kinds of debris, as a message names them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Debris {
    /// U+00A0, U+202F, U+2007: become ordinary spaces.
    NoBreakSpace,
    /// U+00AD: removed.
    SoftHyphen,
    /// U+200B, U+200C, U+200D, U+2060, U+FEFF: removed.
    ZeroWidth,
    /// U+000B (Word's line break when text is copied), U+2028, U+2029: become line breaks.
    LineBreak,
    /// Other control characters (U+0007 ends a table cell in Word's clipboard, U+000C a page):
    /// removed.
    Control,
    /// U+200E, U+200F, U+061C and the embeddings, overrides and isolates: removed.
    Direction,
    /// U+FFFC, where Word had an object: removed.
    Object,
}

impl Debris {
    pub(crate) fn id(self) -> &'static str {
        match self {
            Debris::NoBreakSpace => "nbsp",
            Debris::SoftHyphen => "soft-hyphen",
            Debris::ZeroWidth => "zero-width",
            Debris::LineBreak => "line-break",
            Debris::Control => "control",
            Debris::Direction => "direction",
            Debris::Object => "object",
        }
    }

    /// What `c` is, if it is debris.
    pub fn of(c: char) -> Option<Debris> {
        Some(match c {
            '\u{a0}' | '\u{202f}' | '\u{2007}' => Debris::NoBreakSpace,
            '\u{ad}' => Debris::SoftHyphen,
            '\u{200b}' | '\u{200c}' | '\u{200d}' | '\u{2060}' | '\u{feff}' => Debris::ZeroWidth,
            '\u{b}' | '\u{2028}' | '\u{2029}' => Debris::LineBreak,
            '\u{200e}'
            | '\u{200f}'
            | '\u{61c}'
            | '\u{202a}'..='\u{202e}'
            | '\u{2066}'..='\u{2069}' => Debris::Direction,
            '\u{fffc}' => Debris::Object,
            c if (c.is_control() && !matches!(c, '\t' | '\n' | '\r')) => Debris::Control,
            _ => return None,
        })
    }

    /// What takes its place.
    fn replacement(self) -> Option<char> {
        match self {
            Debris::NoBreakSpace => Some(' '),
            Debris::LineBreak => Some('\n'),
            _ => None,
        }
    }
}

/// How many of each kind were taken out.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Counts(pub Vec<(Debris, usize)>);

impl Counts {
    pub(crate) fn add(&mut self, what: Debris, n: usize) {
        match self.0.iter_mut().find(|(d, _)| *d == what) {
            Some(entry) => entry.1 += n,
            None => self.0.push((what, n)),
        }
        self.0.sort();
    }
}

/// `text` without debris, and what was taken out.
pub fn clean(text: &str) -> (String, Counts) {
    let mut counts = Counts::default();
    if !text.chars().any(|c| Debris::of(c).is_some()) {
        return (text.to_string(), counts);
    }
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match Debris::of(c) {
            Some(d) => {
                counts.add(d, 1);
                if let Some(r) = d.replacement() {
                    out.push(r);
                }
            }
            None => out.push(c),
        }
    }
    (out, counts)
}

/// One character taken out of a Markdown page: where it was (line and column from 1, the
/// column counted in characters) and what it was.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Removal {
    pub(crate) line: usize,
    pub(crate) column: usize,
    pub(crate) what: Debris,
}

/// A Markdown page's text without debris, and where each was. `\r` stays (line ends are the
/// page's own); a byte-order mark at the very start is the file's encoding mark, not debris,
/// and stays too.
pub fn clean_markdown(text: &str) -> (String, Vec<Removal>) {
    let mut out = String::with_capacity(text.len());
    let mut removed = Vec::new();
    let (mut line, mut column) = (1, 0);
    for (i, c) in text.char_indices() {
        column += 1;
        match Debris::of(c) {
            Some(_) if i == 0 && c == '\u{feff}' => out.push(c),
            Some(what) => {
                removed.push(Removal { line, column, what });
                if let Some(r) = what.replacement() {
                    out.push(r);
                }
            }
            None => out.push(c),
        }
        if c == '\n' || Debris::of(c) == Some(Debris::LineBreak) {
            line += 1;
            column = 0;
        }
    }
    (out, removed)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn debris_is_removed_or_made_plain() {
        let (text, counts) =
            clean("标准\u{a0}化\u{ad}工作\u{200b}\u{feff}\u{b}第二行\u{7}\u{202e}");
        assert_eq!(text, "标准 化工作\n第二行");
        assert_eq!(
            counts.0,
            vec![
                (Debris::NoBreakSpace, 1),
                (Debris::SoftHyphen, 1),
                (Debris::ZeroWidth, 2),
                (Debris::LineBreak, 1),
                (Debris::Control, 1),
                (Debris::Direction, 1),
            ]
        );
        assert_eq!(clean("干净的文字\t\n").1, Counts::default());
    }

    #[test]
    fn markdown_removals_name_their_line_and_column() {
        let (text, removed) =
            clean_markdown("\u{feff}+++\ntitle = \"甲\"\n+++\n正文\u{a0}一\u{200b}\n");
        assert_eq!(text, "\u{feff}+++\ntitle = \"甲\"\n+++\n正文 一\n");
        assert_eq!(
            removed,
            vec![
                Removal {
                    line: 4,
                    column: 3,
                    what: Debris::NoBreakSpace
                },
                Removal {
                    line: 4,
                    column: 5,
                    what: Debris::ZeroWidth
                },
            ]
        );
    }
}
