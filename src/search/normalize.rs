//! The one text form the index and the client compare: characters folded to Simplified, cased
//! to ASCII lower case, and split into *units* (a Han character, a Latin word, a number).
//!
//! **Folding.** Characters that OpenCC's character dictionaries convert into each other
//! (STCharacters and TSCharacters, the Taiwan and Hong Kong variants, and the characters of the
//! same-length entries of STPhrases) form one class, written as its Simplified member. So 標準化,
//! 标准化 and 标準化 fold to the same text, and folding a Traditional page gives the text of its
//! Simplified original whatever character the conversion picked (发 → 發 or 髮, both fold to
//! 发). Full-width ASCII (ＧＢ／Ｔ２０２５) folds to ASCII, and A–Z to a–z.
//!
//! **Canonical form.** Units are joined by nothing when both are Han characters that were
//! adjacent in the text, and by one space otherwise: `GB/T 37668—2019` and `GB/T37668-2019`
//! are both `gb t 37668 2019`, `2025年` is `2025 年`, `ISO9001` is `iso 9001`, and 标准。化 is
//! `标准 化` (not a phrase 标准化). The client (`search.js`) implements the same rules; the table it
//! folds with is [`client_table`].

use std::collections::{BTreeMap, HashMap};
use std::sync::OnceLock;

use rustc_hash::{FxHashMap, FxHashSet};

use crate::script::engine::DICTIONARY_FILES;

/// What a character is to the tokenizer.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Class {
    /// Han (and kana, hangul): indexed as overlapping pairs.
    Han,
    Letter,
    Digit,
    /// Anything else: punctuation, spaces, symbols.
    Other,
}

/// The class of a character that is already folded.
pub(super) fn class(c: char) -> Class {
    match c as u32 {
        0x30..=0x39 => Class::Digit,
        0x61..=0x7A => Class::Letter,
        0xC0..=0x24F if c != '×' && c != '÷' => Class::Letter,
        0x370..=0x4FF => Class::Letter,
        0x3007 | 0x3040..=0x30FF | 0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xAC00..=0xD7AF => {
            Class::Han
        }
        0xF900..=0xFAFF | 0x20000..=0x2FA1F | 0x30000..=0x3134F => Class::Han,
        _ => Class::Other,
    }
}

/// Traditional (and variant) character → its class's Simplified member, for every character
/// that folds to another one.
fn table() -> &'static HashMap<char, char> {
    static TABLE: OnceLock<HashMap<char, char>> = OnceLock::new();
    TABLE.get_or_init(build_table)
}

/// The table for the Basic Multilingual Plane as an array (folding is on every character of
/// every page): 0 where a character folds to itself, 0xFFFF where it folds to one outside the
/// plane (then the map says which).
fn bmp_table() -> &'static [u16] {
    static TABLE: OnceLock<Vec<u16>> = OnceLock::new();
    TABLE.get_or_init(|| {
        let mut bmp = vec![0u16; 0x10000];
        for (&from, &to) in table() {
            if let Ok(from) = u16::try_from(from as u32) {
                bmp[usize::from(from)] = u16::try_from(to as u32).unwrap_or(0xFFFF);
            }
        }
        bmp
    })
}

fn entries(name: &str) -> impl Iterator<Item = (&'static str, Vec<&'static str>)> {
    let file = DICTIONARY_FILES
        .iter()
        .find(|f| f.name == name)
        .expect("the dictionary is shipped");
    file.text.lines().filter_map(|line| {
        let line = line.trim_end_matches('\r');
        if line.starts_with('#') {
            return None;
        }
        let (key, values) = line.split_once('\t')?;
        Some((key, values.split(' ').filter(|v| !v.is_empty()).collect()))
    })
}

fn build_table() -> HashMap<char, char> {
    // Union-find over characters. Fx rather than SipHash: the keys are the shipped
    // dictionaries' characters, and hashing them was half of building the table (40 ms, once
    // per build). Nothing below depends on the maps' order.
    let mut parent: FxHashMap<char, char> = FxHashMap::default();
    fn find(parent: &mut FxHashMap<char, char>, c: char) -> char {
        let mut root = c;
        while let Some(&p) = parent.get(&root) {
            if p == root {
                break;
            }
            root = p;
        }
        // Path compression.
        let mut c = c;
        while let Some(&p) = parent.get(&c) {
            if p == root {
                break;
            }
            parent.insert(c, root);
            c = p;
        }
        parent.entry(root).or_insert(root);
        root
    }
    let mut union = |a: char, b: char| {
        let (ra, rb) = (find(&mut parent, a), find(&mut parent, b));
        if ra != rb {
            parent.insert(ra, rb);
        }
    };
    let single = |s: &str| {
        let mut chars = s.chars();
        match (chars.next(), chars.next()) {
            (Some(c), None) => Some(c),
            _ => None,
        }
    };
    let mut traditional = FxHashSet::default();
    let mut primary = FxHashSet::default();
    for name in ["TSCharacters", "STCharacters", "TWVariants", "HKVariants"] {
        for (key, values) in entries(name) {
            let Some(k) = single(key) else { continue };
            if name == "TSCharacters" {
                traditional.insert(k);
                primary.extend(values.first().and_then(|v| single(v)));
            }
            for v in values.iter().filter_map(|v| single(v)) {
                union(k, v);
            }
        }
    }
    // Phrases convert a character to one the character table does not list for it (rarely):
    // the characters at the same place in a same-length phrase are one class too.
    for (key, values) in entries("STPhrases") {
        for value in values {
            if key.chars().count() == value.chars().count() {
                for (a, b) in key.chars().zip(value.chars()) {
                    if a != b {
                        union(a, b);
                    }
                }
            }
        }
    }
    let chars: Vec<char> = parent.keys().copied().collect();
    let mut classes: BTreeMap<char, Vec<char>> = BTreeMap::new();
    for c in chars {
        let root = find(&mut parent, c);
        classes.entry(root).or_default().push(c);
    }
    let mut table = HashMap::new();
    for members in classes.values() {
        // The Simplified form: a character TSCharacters does not convert, that it converts
        // another to first, in the main CJK block; the lowest if several.
        let representative = *members
            .iter()
            .min_by_key(|&&c| {
                (
                    traditional.contains(&c),
                    !primary.contains(&c),
                    !(0x4E00..=0x9FFF).contains(&(c as u32)),
                    c,
                )
            })
            .expect("a class has members");
        for &c in members {
            if c != representative {
                table.insert(c, representative);
            }
        }
    }
    table
}

/// How the index compares characters: the folding tables, fetched once for a whole text rather than once per character (each
/// fetch goes through a `OnceLock`).
#[derive(Clone, Copy)]
pub(super) struct Folding {
    bmp: &'static [u16],
    rest: &'static HashMap<char, char>,
}

impl Folding {
    pub(super) fn tables() -> Folding {
        Folding {
            bmp: bmp_table(),
            rest: table(),
        }
    }

    /// A character as the index compares it.
    pub(super) fn fold(self, c: char) -> char {
        fold_with(c, |c| match c as u32 {
            n if n < 0x10000 => match self.bmp[n as usize] {
                0 => c,
                0xFFFF => self.rest.get(&c).copied().unwrap_or(c),
                to => char::from_u32(u32::from(to)).unwrap_or(c),
            },
            _ => self.rest.get(&c).copied().unwrap_or(c),
        })
    }
}

/// The folding the index and a query share: ASCII and full-width letters to lower case,
/// full-width punctuation and digits to ASCII, the ideographic space to a space, other
/// characters below the CJK blocks as they are; `traditional` folds the rest (Traditional
/// characters to Simplified, from whichever table the caller has).
pub(super) fn fold_with(c: char, traditional: impl FnOnce(char) -> char) -> char {
    match c as u32 {
        0x41..=0x5A => ((c as u8) + 32) as char,
        0xFF21..=0xFF3A => char::from_u32(c as u32 - 0xFEE0 + 32).unwrap_or(c),
        0xFF01..=0xFF5E => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
        0x3000 => ' ',
        n if n < 0x2E80 => c,
        _ => traditional(c),
    }
}

/// Folds every character (the folded text has as many characters as `text`).
pub(super) fn fold_str(text: &str) -> String {
    let folding = Folding::tables();
    text.chars().map(|c| folding.fold(c)).collect()
}

/// One unit of canonical text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Unit<'a> {
    pub class: Class,
    /// The folded unit (one character for Han).
    pub text: &'a str,
    /// Whether it follows the previous unit directly (no other character between).
    pub joined: bool,
    /// Character offset in the text.
    pub at: usize,
}

/// The units of already folded text, in order.
pub(super) fn units(folded: &str) -> Vec<Unit<'_>> {
    let mut out: Vec<Unit<'_>> = Vec::new();
    let mut joined = false;
    let mut at = 0usize;
    let mut iter = folded.char_indices().peekable();
    while let Some((start, c)) = iter.next() {
        let cls = class(c);
        match cls {
            Class::Other => {
                joined = false;
                at += 1;
            }
            Class::Han => {
                out.push(Unit {
                    class: cls,
                    text: &folded[start..start + c.len_utf8()],
                    joined,
                    at,
                });
                joined = true;
                at += 1;
            }
            Class::Letter | Class::Digit => {
                let mut end = start + c.len_utf8();
                let mut len = 1;
                while let Some(&(i, next)) = iter.peek() {
                    if class(next) != cls {
                        break;
                    }
                    end = i + next.len_utf8();
                    len += 1;
                    iter.next();
                }
                out.push(Unit {
                    class: cls,
                    text: &folded[start..end],
                    joined,
                    at,
                });
                joined = true;
                at += len;
            }
        }
    }
    out
}

/// The first character of `canonical(&fold_str(text))`, without folding the rest of the text:
/// the first folded character that begins a unit (suggestion buckets go by it, and serve asks
/// for every title's after each edit).
pub(super) fn first_unit_char(text: &str) -> Option<char> {
    let folding = Folding::tables();
    text.chars()
        .map(|c| folding.fold(c))
        .find(|&c| class(c) != Class::Other)
}

/// The canonical form of folded text: units joined as the module documentation says.
pub(super) fn canonical(folded: &str) -> String {
    let mut out = String::with_capacity(folded.len());
    let mut previous: Option<Class> = None;
    for unit in units(folded) {
        if let Some(p) = previous {
            if !(p == Class::Han && unit.class == Class::Han && unit.joined) {
                out.push(' ');
            }
        }
        out.push_str(unit.text);
        previous = Some(unit.class);
    }
    out
}

/// Whether `haystack` (canonical) holds `needle` (canonical, non-empty) as a phrase: a needle
/// that starts or ends with a Latin word or a number must start or end at a unit boundary.
#[cfg(test)]
pub(super) fn contains_phrase(haystack: &str, needle: &str) -> bool {
    find_phrase(haystack, needle, false)
}

/// [`contains_phrase`], where with `prefix` the needle's last unit may be the start of a longer
/// one (`gb 1716` in `gb 17167`).
pub(super) fn find_phrase(haystack: &str, needle: &str, prefix: bool) -> bool {
    let Some(first) = needle.chars().next() else {
        return false;
    };
    let last = needle.chars().next_back().unwrap_or(first);
    let bounded_start = class(first) != Class::Han;
    let bounded_end = class(last) != Class::Han && !prefix;
    let mut from = 0;
    while let Some(i) = haystack[from..].find(needle) {
        let start = from + i;
        let end = start + needle.len();
        let before_ok = !bounded_start || start == 0 || haystack[..start].ends_with(' ');
        let after_ok = !bounded_end || end == haystack.len() || haystack[end..].starts_with(' ');
        if before_ok && after_ok {
            return true;
        }
        from = start + first.len_utf8();
    }
    false
}

/// The fold table for the client, as pairs (from, to) sorted by `from`, limited to the
/// characters whose folded form is in `wanted` (a query character folding to anything else
/// cannot match a page anyway).
pub(super) fn client_table(wanted: &dyn Fn(char) -> bool) -> Vec<(char, char)> {
    let mut pairs: Vec<(char, char)> = table()
        .iter()
        .filter(|(_, &to)| wanted(to))
        .map(|(&from, &to)| (from, to))
        .collect();
    pairs.sort_unstable();
    pairs
}

#[cfg(test)]
mod tests {
    use super::*;

    fn canon(text: &str) -> String {
        canonical(&fold_str(text))
    }

    #[test]
    fn the_first_unit_char_is_the_canonical_texts_first() {
        for text in [
            "",
            "  ",
            "“十三五”规划",
            "《標準化》",
            "ＧＢ／Ｔ 9704",
            "GB/T 9704-2012",
            "（2021）泰政发",
            "〔2018〕125号",
            "--- ÀB",
            "× 1",
            "\u{3000}\u{3007}",
            "😀 Ω",
        ] {
            assert_eq!(
                first_unit_char(text),
                canon(text).chars().next(),
                "{text:?}"
            );
        }
    }

    proptest::proptest! {
        #[test]
        fn first_unit_char_agrees_with_canonical(text in "\\PC{0,12}") {
            proptest::prop_assert_eq!(first_unit_char(&text), canon(&text).chars().next());
        }
    }

    #[test]
    fn both_scripts_and_mixed_input_fold_to_simplified() {
        assert_eq!(fold_str("標準化"), "标准化");
        assert_eq!(fold_str("标準化"), "标准化");
        assert_eq!(fold_str("溫州市人民政府關於"), "温州市人民政府关于");
        assert_eq!(fold_str("發展"), fold_str("髮展"));
        // Plain Simplified text is left as it is.
        let text = "日照市标准化“十三五”发展规划,温州市人民政府关于全面实施标准化战略的意见";
        assert_eq!(fold_str(text), text);
    }

    #[test]
    fn latin_numbers_and_full_width_forms() {
        assert_eq!(canon("GB/T 37668—2019"), "gb t 37668 2019");
        assert_eq!(canon("ＧＢ／Ｔ３７６６８－２０１９"), "gb t 37668 2019");
        assert_eq!(canon("GB/T37668-2019"), "gb t 37668 2019");
        assert_eq!(canon("2025年"), "2025 年");
        assert_eq!(canon("ISO9001"), "iso 9001");
        assert_eq!(canon("国发〔2015〕13号"), "国发 2015 13 号");
        assert_eq!(canon("标准。化"), "标准 化");
        assert_eq!(canon("  "), "");
    }

    #[test]
    fn phrases_match_whole_words_and_numbers_only() {
        let text = canon("按照ISO 9001和GB/T 19001-2016的要求,2025年完成。");
        assert!(contains_phrase(&text, &canon("ISO")));
        assert!(contains_phrase(&text, &canon("iso9001")));
        assert!(contains_phrase(&text, &canon("19001-2016")));
        assert!(contains_phrase(&text, &canon("2025年")));
        assert!(contains_phrase(&text, &canon("要求")));
        assert!(!contains_phrase(&text, &canon("IS")));
        assert!(!contains_phrase(&text, &canon("900")));
        assert!(!contains_phrase(&text, &canon("201")));
        // Between a Han character and a number, punctuation is not told from none.
        assert!(contains_phrase(&text, &canon("要求2025")));
        assert!(!contains_phrase(&text, &canon("要求完成")));
    }

    #[test]
    fn every_traditional_form_folds_to_its_simplified_one() {
        // Whatever OpenCC turns a Simplified character into folds back to the same character
        // as that character does: a Traditional page folds to its Simplified original.
        for name in ["STCharacters", "TWVariants", "HKVariants"] {
            for (key, values) in entries(name) {
                for value in values {
                    assert_eq!(fold_str(key), fold_str(value), "{name}: {key} → {value}");
                }
            }
        }
    }

    #[test]
    fn the_client_table_holds_only_characters_of_the_site() {
        let all = client_table(&|_| true);
        assert!(all.len() > 3000, "{}", all.len());
        assert!(all.windows(2).all(|w| w[0].0 < w[1].0));
        let some = client_table(&|c| c == '标');
        assert!(some.contains(&('標', '标')));
        assert!(some.iter().all(|&(_, to)| to == '标'));
    }
}
