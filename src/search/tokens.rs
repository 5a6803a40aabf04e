//! What the index is keyed by, from canonical text ([`super::normalize`]):
//!
//! - a run of Han characters gives its overlapping pairs (标准化 → 标准, 准化), the
//!   `cjk_bigram` approach of Lucene and Elasticsearch: any substring of two or more characters
//!   is found without a dictionary; a run of one character (年 in `2025 年`) gives that
//!   character;
//! - a Latin word or a number gives itself (`gb`, `t`, `37668`, `2019`).
//!
//! A query word gives the same keys, except that a single Han character at either end of it
//! gives none: in a page it may be part of a longer run (13号 in 13号文件), which has no key for
//! it. Such characters are checked when the phrase is verified.

use super::normalize::{units, Class, Unit};

/// Words longer than this (in bytes) are not indexed: they are identifiers or data, not text.
pub(super) const MAX_WORD: usize = 48;

/// A key, as stored: Han pairs and single characters packed in a `u64`, words as text.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub(super) enum Key {
    /// A Han pair or character, see [`pack_pair`] and [`pack_single`].
    Han(u64),
    Word(Box<str>),
}

const PAIR: u64 = 1 << 42;

pub(super) fn pack_pair(a: char, b: char) -> u64 {
    PAIR | (a as u64) << 21 | b as u64
}

pub(super) fn pack_single(c: char) -> u64 {
    c as u64
}

impl Key {
    /// The key as text (what the client looks up).
    pub(super) fn write(&self, out: &mut String) {
        match self {
            Key::Han(packed) => write_han(*packed, out),
            Key::Word(word) => out.push_str(word),
        }
    }

    pub(super) fn text(&self) -> String {
        let mut s = String::new();
        self.write(&mut s);
        s
    }
}

/// A Han key's UTF-8, without making a string.
pub(super) fn han_bytes(packed: u64, buf: &mut [u8; 8]) -> &[u8] {
    let char_of = |v: u64| char::from_u32((v & 0x1F_FFFF) as u32).unwrap_or('\u{FFFD}');
    let mut len = 0;
    if packed & PAIR != 0 {
        len += char_of(packed >> 21).encode_utf8(&mut buf[len..]).len();
    }
    len += char_of(packed).encode_utf8(&mut buf[len..]).len();
    &buf[..len]
}

/// The characters of a Han key.
pub(super) fn han_chars(packed: u64) -> impl Iterator<Item = char> {
    let char_of = |v: u64| char::from_u32((v & 0x1F_FFFF) as u32).unwrap_or('\u{FFFD}');
    let first = (packed & PAIR != 0).then(|| char_of(packed >> 21));
    first.into_iter().chain(std::iter::once(char_of(packed)))
}

pub(super) fn write_han(packed: u64, out: &mut String) {
    let char_of = |v: u64| char::from_u32((v & 0x1F_FFFF) as u32).unwrap_or('\u{FFFD}');
    if packed & PAIR != 0 {
        out.push(char_of(packed >> 21));
    }
    out.push(char_of(packed));
}

/// A key of a page, borrowed from its folded text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(super) enum Token<'a> {
    Han(u64),
    Word(&'a str),
}

#[cfg(test)]
impl Token<'_> {
    pub(super) fn to_key(self) -> Key {
        match self {
            Token::Han(p) => Key::Han(p),
            Token::Word(w) => Key::Word(w.into()),
        }
    }
}

/// Runs of units: Han characters that follow each other directly, or one word.
fn segments<'u, 'a>(units: &'u [Unit<'a>]) -> Vec<&'u [Unit<'a>]> {
    let mut out = Vec::new();
    let mut start = 0;
    for i in 1..=units.len() {
        let ends = i == units.len()
            || units[i].class != Class::Han
            || units[i - 1].class != Class::Han
            || !units[i].joined;
        if ends {
            out.push(&units[start..i]);
            start = i;
        }
    }
    out
}

fn han(unit: &Unit<'_>) -> char {
    unit.text.chars().next().unwrap_or(' ')
}

/// Every key of folded text with the character offset where it starts, in order.
pub(super) fn for_each_token<'a>(folded: &'a str, mut f: impl FnMut(Token<'a>, usize)) {
    let units = units(folded);
    for segment in segments(&units) {
        match segment {
            [one] if one.class != Class::Han => {
                if one.text.len() <= MAX_WORD {
                    f(Token::Word(one.text), one.at);
                }
            }
            [one] => f(Token::Han(pack_single(han(one))), one.at),
            run => {
                for pair in run.windows(2) {
                    f(
                        Token::Han(pack_pair(han(&pair[0]), han(&pair[1]))),
                        pair[0].at,
                    );
                }
            }
        }
    }
}

/// The keys a page must have to hold one query word (folded), without repeats, in order.
/// Empty when the word has none (punctuation).
#[cfg(test)]
pub(super) fn query_keys(folded: &str) -> Vec<Key> {
    query_word(folded).keys
}

/// What a query word looks up.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub(super) struct QueryWord {
    /// Keys every page holding the word has.
    pub keys: Vec<Key>,
    /// The word ends in a Latin word or number after other units (`GB/T 970`, `鲁政字〔2018〕12`):
    /// that last unit matches as a prefix, so its key is not required (the other keys find the
    /// candidates, the text proves them).
    pub prefix: Option<Key>,
    /// The word is one Han character: its key is the character itself, which the index holds
    /// for titles, headings and 文号 (and for characters standing alone in text).
    pub single: bool,
}

/// A query word's keys (see [`QueryWord`]).
pub(super) fn query_word(folded: &str) -> QueryWord {
    let units = units(folded);
    let segments = segments(&units);
    let last = segments.len().saturating_sub(1);
    let mut word = QueryWord::default();
    if let [[one]] = segments.as_slice() {
        if one.class == Class::Han {
            word.single = true;
            word.keys.push(Key::Han(pack_single(han(one))));
            return word;
        }
    }
    for (i, segment) in segments.iter().enumerate() {
        match segment {
            [one] if one.class != Class::Han => {
                if one.text.len() <= MAX_WORD {
                    let key = Key::Word(one.text.into());
                    if i == last && i > 0 {
                        word.prefix = Some(key);
                    } else {
                        word.keys.push(key);
                    }
                }
            }
            [one] if i != 0 && i != last => word.keys.push(Key::Han(pack_single(han(one)))),
            [_] => {}
            run => {
                for pair in run.windows(2) {
                    word.keys
                        .push(Key::Han(pack_pair(han(&pair[0]), han(&pair[1]))));
                }
            }
        }
    }
    let mut seen = std::collections::HashSet::new();
    word.keys.retain(|k| seen.insert(k.clone()));
    if word
        .prefix
        .as_ref()
        .is_some_and(|p| !seen.insert(p.clone()))
    {
        // The same number earlier in the word: it is required anyway.
        word.prefix = None;
    }
    word
}

#[cfg(test)]
mod tests {
    use super::super::normalize::fold_str;
    use super::*;

    fn tokens(text: &str) -> Vec<(String, usize)> {
        let folded = fold_str(text);
        let mut out = Vec::new();
        for_each_token(&folded, |t, at| out.push((t.to_key().text(), at)));
        out
    }

    fn query(text: &str) -> Vec<String> {
        query_keys(&fold_str(text)).iter().map(Key::text).collect()
    }

    #[test]
    fn han_runs_give_pairs_and_lone_characters_themselves() {
        assert_eq!(
            tokens("標準化,GB/T 37668-2019年"),
            [
                ("标准", 0),
                ("准化", 1),
                ("gb", 4),
                ("t", 7),
                ("37668", 9),
                ("2019", 15),
                ("年", 19)
            ]
            .map(|(k, at)| (k.to_string(), at))
        );
    }

    #[test]
    fn query_words_leave_out_lone_characters_at_their_ends() {
        assert_eq!(query("标准化"), ["标准", "准化"]);
        assert_eq!(query("13号"), ["13"]);
        assert_eq!(query("国发〔2015〕13号"), ["国发", "2015", "13"]);
        assert_eq!(query("2015年3月"), ["2015", "年", "3"]);
        // A query of one character is that character's key (issue 26: titles, headings and
        // 文号 index their characters one by one).
        assert_eq!(query("年"), ["年"]);
        // A number typed last may be a standard number typed in part: a prefix checked in the
        // text, never a required key.
        assert_eq!(query("ISO 9001"), ["iso"]);
        assert_eq!(query("标准标准"), ["标准", "准标"]);
    }

    #[test]
    fn a_query_word_s_keys_are_keys_of_every_text_holding_it() {
        // The property the index relies on, on a few texts.
        for (text, word) in [
            ("依据国发〔2015〕13号文件", "国发〔2015〕13号"),
            ("2015年3月印发", "2015年3月"),
            ("按照ISO9001的要求", "iso 9001"),
            ("標準化工作", "标准化"),
        ] {
            let folded = fold_str(text);
            let mut keys = std::collections::HashSet::new();
            for_each_token(&folded, |t, _| {
                keys.insert(t.to_key());
            });
            for key in query_keys(&fold_str(word)) {
                assert!(keys.contains(&key), "{text}: {}", key.text());
            }
        }
    }
}
