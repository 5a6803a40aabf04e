//! The site's own phrases (`data/dictionary.toml`) as one more dictionary of the first node of a
//! chain, placed ahead of OpenCC's: at each position the longest key of either wins, the site's
//! on equal length. That is what OpenCC does with a user dictionary put first in the group, and
//! it keeps OpenCC's phrases whole. A text replacement before OpenCC (what this replaced) cut
//! them apart: with a site entry 着 → 著, 干着急 became 幹著急 where OpenCC's phrase gives 乾着急.
//!
//! What a site entry writes is final: the later nodes of the chain (TWVariants, TWPhrases,
//! HKVariants) convert the text between site matches, never a replacement, so it appears
//! exactly as the editor wrote it (an entry mapping a phrase to itself protects it).

use aho_corasick::{AhoCorasick, Input, MatchKind};

use super::automaton::Automaton;

/// A dictionary of extra phrases, ready to be searched together with a node's automaton.
pub struct ExtraPhrases {
    matcher: AhoCorasick,
    /// What each pattern of `matcher` is written as.
    values: Vec<String>,
}

impl ExtraPhrases {
    /// The dictionary of `entries` (key, value), or `None` when there are none. Keys must not be
    /// empty (the site dictionary refuses them when it is read).
    pub fn new(entries: impl IntoIterator<Item = (String, String)>) -> Option<ExtraPhrases> {
        let (keys, values): (Vec<String>, Vec<String>) = entries.into_iter().unzip();
        if keys.is_empty() {
            return None;
        }
        let matcher = AhoCorasick::builder()
            .match_kind(MatchKind::LeftmostLongest)
            .build(&keys)
            .expect("a few thousand plain phrases always build an automaton");
        Some(ExtraPhrases { matcher, values })
    }

    /// The leftmost-longest key at or after `from`: (start, end, value).
    fn find(&self, text: &str, from: usize) -> Option<(usize, usize, usize)> {
        let m = self
            .matcher
            .find(Input::new(text).range(from..text.len()))?;
        Some((m.start(), m.end(), m.pattern().as_usize()))
    }
}

impl Automaton<'_> {
    /// Like [`Automaton::changes`], with `extra`'s keys as a dictionary ahead of the node's.
    /// `change(start, end, value, from_extra)` is called for each replaced part, in order.
    ///
    /// Two leftmost-longest searches, each started again past the part just replaced whenever
    /// its next match overlaps it, give exactly the leftmost-longest matches of one search over
    /// both sets of keys: the earlier start wins, then the longer key, then the extra one.
    pub(super) fn changes_with(
        &self,
        text: &str,
        extra: &ExtraPhrases,
        mut change: impl FnMut(usize, usize, &str, bool),
    ) {
        let mut pos = 0;
        let mut node = self.find(text, 0);
        let mut site = extra.find(text, 0);
        loop {
            let site_wins = match (node, site) {
                (None, None) => break,
                (Some(_), None) => false,
                (None, Some(_)) => true,
                (Some((ns, ne, _)), Some((ss, se, _))) => ss < ns || (ss == ns && se >= ne),
            };
            let end = if site_wins {
                let (start, end, pattern) = site.expect("site_wins implies a site match");
                self.characters_between(text, pos, start, &mut |s, e, v| change(s, e, v, false));
                change(start, end, &extra.values[pattern], true);
                end
            } else {
                let (start, end, value) = node.expect("a node match when the site's loses");
                self.characters_between(text, pos, start, &mut |s, e, v| change(s, e, v, false));
                if let Some(value) = value {
                    change(start, end, value, false);
                }
                end
            };
            pos = end;
            if node.is_some_and(|(start, _, _)| start < pos) {
                node = self.find(text, pos);
            }
            if site.is_some_and(|(start, _, _)| start < pos) {
                site = extra.find(text, pos);
            }
        }
        self.characters_between(text, pos, text.len(), &mut |s, e, v| change(s, e, v, false));
    }
}

#[cfg(test)]
mod tests {
    use aho_corasick::AhoCorasickKind;

    use super::*;

    fn extra(entries: &[(&str, &str)]) -> ExtraPhrases {
        ExtraPhrases::new(entries.iter().map(|(k, v)| (k.to_string(), v.to_string()))).unwrap()
    }

    /// `text` through a node made of `dictionary` and the extra phrases, extra parts in [].
    fn convert(
        dictionary: &str,
        characters_apart: bool,
        extra: &ExtraPhrases,
        text: &str,
    ) -> String {
        let automaton =
            Automaton::from_dictionaries(&[dictionary], AhoCorasickKind::DFA, characters_apart);
        let mut out = String::new();
        let mut copied = 0;
        automaton.changes_with(text, extra, |start, end, value, from_extra| {
            out.push_str(&text[copied..start]);
            if from_extra {
                out.push_str(&format!("[{value}]"));
            } else {
                out.push_str(value);
            }
            copied = end;
        });
        out.push_str(&text[copied..]);
        out
    }

    #[test]
    fn longest_key_of_either_wins_and_the_extra_one_on_a_tie() {
        let dictionary = "ab\tAB\nabc\tABC\nb\tB\nc\tC\nd\tD\n";
        for characters_apart in [false, true] {
            let c = |e: &ExtraPhrases, t: &str| convert(dictionary, characters_apart, e, t);
            // The node's longer phrase starts first: it wins over the extra b.
            assert_eq!(c(&extra(&[("b", "x")]), "abd"), "ABD");
            assert_eq!(c(&extra(&[("b", "x")]), "bd"), "[x]D");
            // Equal length at the same place: the extra key.
            assert_eq!(c(&extra(&[("ab", "y")]), "abd"), "[y]D");
            // Longer node key at the same place.
            assert_eq!(c(&extra(&[("ab", "y")]), "abcd"), "ABCD");
            // The extra key starts first and overlaps the node's next phrase.
            assert_eq!(c(&extra(&[("da", "z")]), "dabc"), "[z]BC");
            // The node's phrase starts first and overlaps the extra key.
            assert_eq!(c(&extra(&[("cd", "w")]), "abcd"), "ABCD");
            assert_eq!(c(&extra(&[("cd", "w")]), "abcdcd"), "ABCD[w]");
            // Identity entries are written too (they are final).
            assert_eq!(c(&extra(&[("d", "d")]), "dbd"), "[d]B[d]");
            assert_eq!(c(&extra(&[("q", "Q")]), ""), "");
        }
    }

    #[test]
    fn no_entries_no_dictionary() {
        assert!(ExtraPhrases::new(Vec::new()).is_none());
    }
}
