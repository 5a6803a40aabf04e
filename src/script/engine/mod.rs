//! The OpenCC conversion engine: OpenCC's own dictionaries (`assets/opencc/`, embedded in the
//! binary) matched with Aho-Corasick automata.
//!
//! Why not `ferrous-opencc` at run time: its `match_prefix` walks an FST and allocates a
//! `Vec<String>` at every character, and conversion is the biggest CPU cost of a build. On the
//! example portal's text this engine converts s2t about 4 times and t2s about 10 times faster
//! (`cargo run --release --example convert_speed`: 25 → 98 MB/s and 35 → 330 MB/s per core).
//!
//! Its output is byte-identical to `ferrous-opencc` 0.4, which stays as a dev-dependency: the
//! unit tests below and `tests/opencc_equivalence.rs` (every file of the example site, OpenCC's
//! published test cases, every dictionary entry alone and together, random text) compare them.
//!
//! # What OpenCC (as `ferrous-opencc` implements it) does
//!
//! A profile is a chain of nodes; a node is one dictionary or a group of dictionaries. Each node
//! is applied in turn to the whole text: at each position it takes the longest key that is a
//! prefix of the rest of the text (in a group, the longest over its dictionaries, the first
//! dictionary winning on equal length), writes the key's first value and moves past the key, or
//! else copies one character. There is no segmentation.
//!
//! A leftmost-longest Aho-Corasick search over the union of a node's keys finds exactly those
//! matches: between two matches no key starts, and every key starts with a character's first
//! byte, so a match never starts inside a character. In the two big groups the one-character
//! keys are looked up in a table instead, for the characters between two matches of the longer
//! keys (the same result: a one-character key only applies where no longer key starts). That
//! makes the Simplified-to-Traditional automaton 40% quicker to build and the search faster.
//!
//! The dictionary files are parsed the way `ferrous-opencc-compiler` compiles them: lines split
//! at `\n` (a `\r` before it dropped), blank lines and lines starting with `#` (after trimming)
//! skipped, exactly two tab-separated fields, values separated by single spaces, no empty key or
//! value, and a key given twice keeps its last line.
//!
//! # Automaton kinds
//!
//! Measured on a 2-core machine, release build, on the example portal's Markdown repeated to
//! 20 MB (the Traditional nodes search its s2t conversion); `cargo run --release --example
//! convert_speed -- --kinds` prints the full table. Build time, memory, search throughput:
//!
//! | node (patterns in the automaton) | NoncontiguousNFA | ContiguousNFA | DFA |
//! |---|---|---|---|
//! | ST phrases + characters (53,172) | 104 ms, 8.9 MB, 24 MB/s | 106 ms, 3.4 MB, 111 MB/s | 548 ms, 116 MB, 141 MB/s |
//! | **ST, 2+ characters (49,192)** | 63 ms, 8.2 MB, 53 MB/s | **63 ms, 3.2 MB, 141 MB/s** | 256 ms, 115 MB, 212 MB/s |
//! | TS phrases + characters (4,390) | 2.8 ms, 1.6 MB, 21 MB/s | 2.9 ms, 0.2 MB, 191 MB/s | 5.5 ms, 3.2 MB, 221 MB/s |
//! | **TS, 2+ characters (277)** | 0.3 ms, 188 MB/s | 0.3 ms, 321 MB/s | **0.8 ms, 0.7 MB, 697 MB/s** |
//! | **TWPhrases (536)** | 0.5 ms, 157 MB/s | 0.5 ms, 274 MB/s | **1.6 ms, 1.7 MB, 568 MB/s** |
//! | **TWVariants (39), HKVariants (63)** | 0.1 ms, 1.9-5.9 GB/s | same | **same** |
//!
//! The big Simplified-to-Traditional node uses a contiguous NFA: a DFA searches 50% faster but
//! takes four times longer and 115 MB to build. The others are small enough for a DFA. With
//! parsing and the character table, the s2t node takes about 75 ms to build and t2s about 2 ms.
//! Each node is built once per process, on first use (or ahead of it, see
//! [`OpenccEngine::prepare_in_background`]), and shared: `serve` rebuilds and tests pay once,
//! and a process that never converts to Traditional never builds the big node.

mod automaton;
mod dictionaries;
mod extra;

use std::borrow::Cow;

use super::TraditionalProfile;
use automaton::{capacity, Node};
pub use dictionaries::{parse_dictionary, DictionaryFile, DICTIONARY_FILES};
pub(crate) use dictionaries::{ST_CHARACTERS, TS_PHRASES};
pub use extra::ExtraPhrases;

/// An OpenCC conversion: `t2s`, or one of the Traditional profiles.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Profile {
    /// Traditional to Simplified (OpenCC `t2s`).
    T2s,
    /// Simplified to OpenCC's own Traditional standard (`s2t`: 爲, 衆, 啓).
    S2t,
    /// Simplified to Taiwan character forms, vocabulary unchanged (`s2tw`).
    S2tw,
    /// Simplified to Hong Kong character forms (`s2hk`).
    S2hk,
    /// Simplified to Taiwan forms and Taiwan vocabulary (`s2twp`: 优化→最佳化).
    S2twp,
    /// Traditional with Taiwan vocabulary (網際網路, 數位, 最佳化) to Simplified with the
    /// mainland's (互联网, 数字, 优化): for sources that came through a Taiwan-phrase converter.
    Tw2sp,
}

impl Profile {
    /// Every profile.
    pub const ALL: [Profile; 6] = [
        Profile::T2s,
        Profile::S2t,
        Profile::S2tw,
        Profile::S2hk,
        Profile::S2twp,
        Profile::Tw2sp,
    ];

    /// OpenCC's name for the profile (its configuration file without `.json`).
    pub fn name(self) -> &'static str {
        match self {
            Profile::T2s => "t2s",
            Profile::S2t => "s2t",
            Profile::S2tw => "s2tw",
            Profile::S2hk => "s2hk",
            Profile::S2twp => "s2twp",
            Profile::Tw2sp => "tw2sp",
        }
    }

    /// The conversion chain, as in OpenCC's `<name>.json`.
    fn chain(self) -> &'static [Node] {
        match self {
            Profile::T2s => &[Node::TsPhrasesCharacters],
            Profile::S2t => &[Node::StPhrasesCharacters],
            Profile::S2tw => &[Node::StPhrasesCharacters, Node::TwVariants],
            Profile::S2hk => &[Node::StPhrasesCharacters, Node::HkVariants],
            Profile::S2twp => &[Node::StPhrasesCharacters, Node::TwPhrases, Node::TwVariants],
            Profile::Tw2sp => &[Node::TwPhrasesVariantsRev, Node::TsPhrasesCharacters],
        }
    }
}

impl From<TraditionalProfile> for Profile {
    fn from(profile: TraditionalProfile) -> Profile {
        match profile {
            TraditionalProfile::S2t => Profile::S2t,
            TraditionalProfile::S2tw => Profile::S2tw,
            TraditionalProfile::S2hk => Profile::S2hk,
            TraditionalProfile::S2twp => Profile::S2twp,
        }
    }
}

/// How many different Taiwan phrases of OpenCC's list (`TWPhrasesRev.txt`, two characters or
/// more: 網際網路, 數位, 最佳化 …) `text` holds.
pub fn taiwan_phrases_in(text: &str) -> usize {
    use std::sync::OnceLock;
    static PHRASES: OnceLock<aho_corasick::AhoCorasick> = OnceLock::new();
    let matcher = PHRASES.get_or_init(|| {
        let keys: Vec<&str> = parse_dictionary(dictionaries::TW_PHRASES_REV.text)
            .map(|(key, _)| key)
            .filter(|key| key.chars().count() >= 2)
            .collect();
        aho_corasick::AhoCorasick::builder()
            .match_kind(aho_corasick::MatchKind::LeftmostLongest)
            .build(keys)
            .expect("OpenCC's Taiwan phrases always build an automaton")
    });
    let found: std::collections::HashSet<usize> = matcher
        .find_iter(text)
        .map(|m| m.pattern().as_usize())
        .collect();
    found.len()
}

/// Converts text with one OpenCC profile. Cheap to create and to copy: the automata behind it
/// are built on first use and shared by the whole process.
#[derive(Debug, Clone, Copy)]
pub struct OpenccEngine {
    profile: Profile,
}

impl OpenccEngine {
    /// An engine for this profile; its automata are built at the first conversion (or by
    /// [`OpenccEngine::prepare`]).
    pub fn new(profile: impl Into<Profile>) -> OpenccEngine {
        OpenccEngine {
            profile: profile.into(),
        }
    }

    /// Builds the profile's automata now rather than at the first conversion.
    pub fn prepare(&self) {
        for node in self.profile.chain() {
            node.automaton();
        }
    }

    /// Whether the profile's automata are built.
    pub fn is_prepared(&self) -> bool {
        self.profile
            .chain()
            .iter()
            .all(|node| node.cell().get().is_some())
    }

    /// Starts building the profile's automata on a thread of their own, unless they are built:
    /// a caller that knows it will convert can overlap the build with other work. A conversion
    /// that comes first waits for that build rather than starting another.
    pub fn prepare_in_background(&self) {
        if !self.is_prepared() {
            let engine = *self;
            std::thread::spawn(move || engine.prepare());
        }
    }

    /// `text` converted; borrowed when the profile changes nothing in it.
    pub fn convert<'a>(&self, text: &'a str) -> Cow<'a, str> {
        let mut text = Cow::Borrowed(text);
        for node in self.profile.chain() {
            if let Some(converted) = node.automaton().apply(&text) {
                text = Cow::Owned(converted);
            }
        }
        text
    }

    /// Appends `text` converted to `out`.
    pub fn convert_into(&self, text: &str, out: &mut String) {
        let (last, first) = self
            .profile
            .chain()
            .split_last()
            .expect("every chain has a node");
        if first.is_empty() {
            last.automaton().push(text, out);
        } else {
            let mut text = Cow::Borrowed(text);
            for node in first {
                if let Some(converted) = node.automaton().apply(&text) {
                    text = Cow::Owned(converted);
                }
            }
            last.automaton().push(&text, out);
        }
    }

    /// Appends `text` converted to `out`, with `extra` as a dictionary of the chain's first
    /// node placed ahead of OpenCC's (see [`ExtraPhrases`]): the longest key of either wins,
    /// and what an extra entry writes is left alone by the later nodes.
    pub fn convert_with(&self, text: &str, extra: Option<&ExtraPhrases>, out: &mut String) {
        let Some(extra) = extra else {
            return self.convert_into(text, out);
        };
        let (first, rest) = self
            .profile
            .chain()
            .split_first()
            .expect("every chain has a node");
        let first = first.automaton();
        if rest.is_empty() {
            let mut copied = 0;
            first.changes_with(text, extra, |start, end, value, _| {
                out.push_str(&text[copied..start]);
                out.push_str(value);
                copied = end;
            });
            out.push_str(&text[copied..]);
            return;
        }
        // The first node, noting where the extra entries' values went in its output.
        let mut converted = String::with_capacity(capacity(text));
        let mut fixed = Vec::new();
        let mut copied = 0;
        first.changes_with(text, extra, |start, end, value, from_extra| {
            converted.push_str(&text[copied..start]);
            if from_extra {
                fixed.push(converted.len()..converted.len() + value.len());
            }
            converted.push_str(value);
            copied = end;
        });
        converted.push_str(&text[copied..]);
        // The later nodes, on the text between them.
        let mut done = 0;
        let end = converted.len()..converted.len();
        for range in fixed.into_iter().chain(std::iter::once(end)) {
            if range.start > done {
                let mut stretch = Cow::Borrowed(&converted[done..range.start]);
                for node in rest {
                    if let Some(changed) = node.automaton().apply(&stretch) {
                        stretch = Cow::Owned(changed);
                    }
                }
                out.push_str(&stretch);
            }
            out.push_str(&converted[range.clone()]);
            done = range.end;
        }
    }
}

#[cfg(test)]
mod tests {
    use aho_corasick::AhoCorasickKind;

    use super::automaton::Automaton;
    use super::*;
    use ferrous_opencc::config::BuiltinConfig;
    use ferrous_opencc::OpenCC;

    fn reference(profile: Profile) -> OpenCC {
        let config = match profile {
            Profile::T2s => BuiltinConfig::T2s,
            Profile::S2t => BuiltinConfig::S2t,
            Profile::S2tw => BuiltinConfig::S2tw,
            Profile::S2hk => BuiltinConfig::S2hk,
            Profile::S2twp => BuiltinConfig::S2twp,
            Profile::Tw2sp => BuiltinConfig::Tw2sp,
        };
        OpenCC::from_config(config).unwrap()
    }

    /// Both engines on every profile, in both directions of text.
    fn assert_same(texts: &[&str]) {
        for profile in Profile::ALL {
            let engine = OpenccEngine::new(profile);
            let opencc = reference(profile);
            for text in texts {
                let expected = opencc.convert(text);
                assert_eq!(
                    engine.convert(text),
                    expected,
                    "{} {text:?}",
                    profile.name()
                );
                let mut out = String::from("前");
                engine.convert_into(text, &mut out);
                assert_eq!(out, format!("前{expected}"), "{} {text:?}", profile.name());
            }
        }
    }

    #[test]
    fn hard_cases_are_byte_identical_to_ferrous_opencc() {
        assert_same(&[
            "皇后",
            "干部",
            "幹部",
            "头发",
            "頭髮",
            "余额",
            "餘額",
            "公里",
            "范先生",
            "〔2017〕",
            "浙政发〔2014〕35号",
            "GB/T 37668-2019",
            "标准化发展规划 GB/T 37668-2019〔2017〕",
            "信息优化应用",
            "SQL注入攻击 U盘 PN结",
            "Ünïcödé ascii 😀 emoji 👩‍👩‍👧 ZWJ, astral 𠀀𡃁𪚥 and 㐀 extension A",
            "𠮷野家的头发",
            // Characters outside the BMP that are keys.
            "𠀾𡞵𤪺",
            "",
            " ",
            "\n\r\t",
            "a",
            // Texts ending in the middle of a phrase.
            "中华人民共",
            "标准化发",
            "一个半",
            "一个",
            "一",
        ]);
    }

    #[test]
    fn expected_forms() {
        let s2t = OpenccEngine::new(Profile::S2t);
        assert_eq!(s2t.convert("皇后"), "皇后");
        assert_eq!(s2t.convert("干部"), "幹部");
        assert_eq!(s2t.convert("头发"), "頭髮");
        assert_eq!(s2t.convert("余额"), "餘額");
        assert_eq!(OpenccEngine::new(Profile::T2s).convert("幹部"), "干部");
        assert_eq!(OpenccEngine::new(Profile::S2twp).convert("信息"), "資訊");
    }

    #[test]
    fn unchanged_text_is_borrowed() {
        for profile in Profile::ALL {
            let engine = OpenccEngine::new(profile);
            for text in ["", "GB/T 37668-2019〔2017〕", "😀"] {
                assert!(matches!(engine.convert(text), Cow::Borrowed(_)), "{text:?}");
            }
        }
        // 皇后 matches a phrase that maps to itself: still nothing to copy.
        assert!(matches!(
            OpenccEngine::new(Profile::S2t).convert("皇后"),
            Cow::Borrowed(_)
        ));
        assert!(matches!(
            OpenccEngine::new(Profile::T2s).convert("标准化"),
            Cow::Borrowed(_)
        ));
    }

    /// Dictionary lines `ferrous-opencc-compiler` keeps, skips or reads oddly.
    const ODD_DICTIONARY: &str = "# comment\t#\r\n\
                                  \r\n\
                                  \u{20}  # indented comment\n\
                                  a\tA\r\n\
                                  b\tB1 B2\n\
                                  c\tC\td\n\
                                  e\t\n\
                                  f\tF \n\
                                  g\tG  G\n\
                                  \tH\n\
                                  i\n\
                                  a\tA2\n\
                                  k k\tK K\r\n\
                                  ab\tAB\n\
                                  x\tX\n\
                                  l\tL\r";

    #[test]
    fn parses_like_the_ferrous_opencc_compiler() {
        let entries: Vec<_> = parse_dictionary(ODD_DICTIONARY).collect();
        assert_eq!(
            entries,
            [
                ("a", "A"),
                ("b", "B1"),
                ("a", "A2"),
                ("k k", "K"),
                ("ab", "AB"),
                ("x", "X"),
                ("l", "L\r")
            ]
        );
    }

    /// The odd dictionary and a second one in a group, against `ferrous-opencc` reading the same
    /// files: duplicate keys, priority in a group, longest match, odd lines.
    #[test]
    fn dictionary_groups_behave_like_ferrous_opencc() {
        let second = "x\tX2\nb\tB3\nabc\tABC\nb\tB4\nz\tZ\nzz\tzz\n";
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("odd.txt"), ODD_DICTIONARY).unwrap();
        std::fs::write(dir.path().join("second.txt"), second).unwrap();
        std::fs::write(
            dir.path().join("group.json"),
            r#"{"name": "group", "conversion_chain": [{"dict": {"type": "group", "dicts": [
                {"type": "text", "file": "odd.txt"}, {"type": "text", "file": "second.txt"}]}}]}"#,
        )
        .unwrap();
        let opencc = OpenCC::new(dir.path().join("group.json")).unwrap();
        for characters_apart in [false, true] {
            let automaton = Automaton::from_dictionaries(
                &[ODD_DICTIONARY, second],
                AhoCorasickKind::DFA,
                characters_apart,
            );
            let convert = |text: &str| automaton.apply(text).unwrap_or_else(|| text.to_string());
            for text in [
                "a",
                "ab",
                "abc",
                "abcd",
                "aab",
                "b",
                "c",
                "d",
                "e",
                "f",
                "g",
                "H",
                "i",
                "k k",
                "k",
                "l",
                "l\r",
                "x",
                "z",
                "zz",
                "zzz",
                "xabcbk kl\r",
                "# comment",
                "\tH",
                "",
            ] {
                assert_eq!(convert(text), opencc.convert(text), "{text:?}");
            }
            assert_eq!(convert("abcd x b zzz"), "ABCd X B1 zzZ");
        }
    }

    #[test]
    fn dictionary_files_are_embedded() {
        for file in DICTIONARY_FILES {
            assert!(
                parse_dictionary(file.text).count() > 30,
                "{} has no entries",
                file.name
            );
        }
    }
}
