//! The nodes of a conversion chain as Aho-Corasick automata (see the module documentation of
//! [`super`] for how they match OpenCC and why each has the kind it has).

use std::sync::OnceLock;

use aho_corasick::{AhoCorasick, AhoCorasickKind, MatchKind};

use super::dictionaries::{
    parse_dictionary, DictionaryFile, HK_VARIANTS, ST_CHARACTERS, ST_PHRASES, TS_CHARACTERS,
    TS_PHRASES, TW_PHRASES, TW_PHRASES_REV, TW_VARIANTS, TW_VARIANTS_REV, TW_VARIANTS_REV_PHRASES,
};

/// A node of a conversion chain. Nodes are shared by profiles (all four Traditional profiles
/// start with the Simplified-to-Traditional group), so each is built once per process.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Node {
    StPhrasesCharacters,
    TsPhrasesCharacters,
    TwVariants,
    TwPhrases,
    HkVariants,
    /// Taiwan phrases and variants back to the mainland's (tw2sp's first step).
    TwPhrasesVariantsRev,
}

impl Node {
    const COUNT: usize = 6;

    /// The node's dictionaries, in priority order.
    fn files(self) -> &'static [DictionaryFile] {
        match self {
            Node::StPhrasesCharacters => &[ST_PHRASES, ST_CHARACTERS],
            Node::TsPhrasesCharacters => &[TS_PHRASES, TS_CHARACTERS],
            Node::TwVariants => &[TW_VARIANTS],
            Node::TwPhrases => &[TW_PHRASES],
            Node::HkVariants => &[HK_VARIANTS],
            Node::TwPhrasesVariantsRev => {
                &[TW_PHRASES_REV, TW_VARIANTS_REV_PHRASES, TW_VARIANTS_REV]
            }
        }
    }

    /// Whether one-character keys are looked up in a table rather than put in the automaton:
    /// see the module documentation.
    fn characters_apart(self) -> bool {
        matches!(self, Node::StPhrasesCharacters | Node::TsPhrasesCharacters)
    }

    /// See the table in the module documentation.
    fn kind(self) -> AhoCorasickKind {
        match self {
            Node::StPhrasesCharacters => AhoCorasickKind::ContiguousNFA,
            _ => AhoCorasickKind::DFA,
        }
    }

    pub(super) fn cell(self) -> &'static OnceLock<Automaton<'static>> {
        static NODES: [OnceLock<Automaton<'static>>; Node::COUNT] =
            [const { OnceLock::new() }; Node::COUNT];
        &NODES[self as usize]
    }

    /// The node's automaton, built by the first caller in the process (others wait for it).
    pub(super) fn automaton(self) -> &'static Automaton<'static> {
        self.cell().get_or_init(|| Automaton::build(self))
    }
}

/// One node, ready to search.
pub(super) struct Automaton<'d> {
    /// The keys (only those of two characters or more when `characters` is set).
    matcher: AhoCorasick,
    /// For each pattern, what to write instead, or `None` when the entry maps the key to itself
    /// (it still matters: it keeps a shorter key from matching inside it).
    replacements: Vec<Option<&'d str>>,
    /// The one-character keys, when kept out of the automaton.
    characters: Option<Characters<'d>>,
}

impl Automaton<'static> {
    fn build(node: Node) -> Automaton<'static> {
        let texts: Vec<&'static str> = node.files().iter().map(|file| file.text).collect();
        Automaton::from_dictionaries(&texts, node.kind(), node.characters_apart())
    }
}

impl<'d> Automaton<'d> {
    /// The automaton of a group of dictionary files, in priority order.
    pub(super) fn from_dictionaries(
        texts: &[&'d str],
        kind: AhoCorasickKind,
        characters_apart: bool,
    ) -> Automaton<'d> {
        let mut keys: Vec<&'d str> = Vec::new();
        let mut values: Vec<&'d str> = Vec::new();
        let mut index = std::collections::HashMap::new();
        for (priority, text) in texts.iter().enumerate() {
            for (key, value) in parse_dictionary(text) {
                match index.get(key) {
                    // The same key later in the same file: the later line wins.
                    Some(&(p, i)) if p == priority => values[i] = value,
                    // Already in an earlier dictionary of the group: that one wins.
                    Some(_) => {}
                    None => {
                        index.insert(key, (priority, keys.len()));
                        keys.push(key);
                        values.push(value);
                    }
                }
            }
        }
        let mut characters = None;
        if characters_apart {
            let mut table = Characters::default();
            let (mut phrase_keys, mut phrase_values) = (Vec::new(), Vec::new());
            for (key, value) in keys.into_iter().zip(values) {
                let mut chars = key.chars();
                match (chars.next(), chars.next()) {
                    (Some(c), None) => table.insert(c, value),
                    _ => {
                        phrase_keys.push(key);
                        phrase_values.push(value);
                    }
                }
            }
            (keys, values) = (phrase_keys, phrase_values);
            characters = Some(table);
        }
        let matcher = AhoCorasick::builder()
            .match_kind(MatchKind::LeftmostLongest)
            .kind(Some(kind))
            .build(&keys)
            .expect("OpenCC's dictionaries always build an automaton");
        let replacements = keys
            .iter()
            .zip(values)
            .map(|(&key, value)| (key != value).then_some(value))
            .collect();
        Automaton {
            matcher,
            replacements,
            characters,
        }
    }

    /// Calls `change(start, end, value)` for each part of `text` the node replaces, in order.
    ///
    /// With the one-character keys kept apart: the automaton finds the leftmost-longest key of
    /// two characters or more; no such key starts before it, so the characters in between are
    /// each either a one-character key or copied, exactly as when all keys are in the automaton.
    #[inline(always)]
    fn changes(&self, text: &str, mut change: impl FnMut(usize, usize, &'d str)) {
        let mut between = 0;
        for m in self.matcher.find_iter(text) {
            if let Some(characters) = &self.characters {
                characters.changes(text, between, m.start(), &mut change);
            }
            if let Some(value) = self.replacements[m.pattern().as_usize()] {
                change(m.start(), m.end(), value);
            }
            between = m.end();
        }
        if let Some(characters) = &self.characters {
            characters.changes(text, between, text.len(), &mut change);
        }
    }

    /// The leftmost-longest key of two characters or more (of any length when the characters
    /// are not kept apart) at or after `from`: its start, end and what to write instead (`None`
    /// when it maps to itself).
    pub(super) fn find(&self, text: &str, from: usize) -> Option<(usize, usize, Option<&'d str>)> {
        let m = self
            .matcher
            .find(aho_corasick::Input::new(text).range(from..text.len()))?;
        Some((
            m.start(),
            m.end(),
            self.replacements[m.pattern().as_usize()],
        ))
    }

    /// The one-character keys of `text[from..to]`, when they are kept apart: for the text
    /// between two matches of [`Automaton::find`].
    pub(super) fn characters_between(
        &self,
        text: &str,
        from: usize,
        to: usize,
        change: &mut impl FnMut(usize, usize, &'d str),
    ) {
        if let Some(characters) = &self.characters {
            characters.changes(text, from, to, change);
        }
    }

    /// `text` converted, or `None` when the node changes nothing.
    pub(super) fn apply(&self, text: &str) -> Option<String> {
        let mut out: Option<String> = None;
        let mut copied = 0;
        self.changes(text, |start, end, value| {
            let out = out.get_or_insert_with(|| String::with_capacity(capacity(text)));
            out.push_str(&text[copied..start]);
            out.push_str(value);
            copied = end;
        });
        let mut out = out?;
        out.push_str(&text[copied..]);
        Some(out)
    }

    /// Appends `text` converted to `out`.
    pub(super) fn push(&self, text: &str, out: &mut String) {
        let mut copied = 0;
        self.changes(text, |start, end, value| {
            out.push_str(&text[copied..start]);
            out.push_str(value);
            copied = end;
        });
        out.push_str(&text[copied..]);
    }
}

/// One-character keys that change their character: a direct table for the Basic Multilingual
/// Plane, a map for the rest.
#[derive(Default)]
struct Characters<'d> {
    /// Index + 1 in `values` for each BMP code point; 0 when it is not a key.
    bmp: Vec<u32>,
    astral: std::collections::HashMap<char, &'d str>,
    values: Vec<&'d str>,
}

impl<'d> Characters<'d> {
    fn insert(&mut self, key: char, value: &'d str) {
        if value.chars().eq(std::iter::once(key)) {
            return; // Maps to itself: the same as no entry.
        }
        if (key as u32) < 0x10000 {
            if self.bmp.is_empty() {
                self.bmp = vec![0; 0x10000];
            }
            self.values.push(value);
            self.bmp[key as usize] = self.values.len() as u32;
        } else {
            self.astral.insert(key, value);
        }
    }

    #[inline(always)]
    fn get(&self, c: char) -> Option<&'d str> {
        let code = c as usize;
        if code < 0x10000 {
            match self.bmp.get(code).copied().unwrap_or(0) {
                0 => None,
                index => Some(self.values[index as usize - 1]),
            }
        } else {
            self.astral.get(&c).copied()
        }
    }

    /// The characters of `text[from..to]` that change, as in [`Automaton::changes`].
    #[inline(always)]
    fn changes(
        &self,
        text: &str,
        from: usize,
        to: usize,
        change: &mut impl FnMut(usize, usize, &'d str),
    ) {
        for (i, c) in text[from..to].char_indices() {
            if let Some(value) = self.get(c) {
                let start = from + i;
                change(start, start + c.len_utf8(), value);
            }
        }
    }
}

/// Room for a converted text: a few characters may become longer (4-byte forms, phrases).
pub(super) fn capacity(text: &str) -> usize {
    text.len() + text.len() / 8 + 16
}
