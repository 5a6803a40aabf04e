//! The site dictionary (`data/dictionary.toml`): phrases the conversion must map in a fixed way
//! or leave alone, applied before OpenCC sees the rest of the text.

use std::collections::BTreeMap;
use std::path::Path;

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};
use serde::Deserialize;

use super::Script;
use crate::error::{toml_diagnostic, Diagnostic};

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SiteDictionary {
    /// Phrase → replacement in Simplified pages. An entry mapping a phrase to itself protects it.
    #[serde(default)]
    pub to_hans: BTreeMap<String, String>,
    /// Phrase → replacement in Traditional pages.
    #[serde(default)]
    pub to_hant: BTreeMap<String, String>,
}

impl SiteDictionary {
    /// Reads the dictionary, or an empty one when the file does not exist.
    pub fn load(path: &Path) -> Result<SiteDictionary, Diagnostic> {
        if !path.exists() {
            return Ok(SiteDictionary::default());
        }
        let text = std::fs::read_to_string(path)
            .map_err(|e| Diagnostic::new(path, format!("cannot read the dictionary: {e}")))?;
        let dictionary: SiteDictionary =
            toml::from_str(&text).map_err(|e| toml_diagnostic(path, &text, 1, &e))?;
        for (from, _) in dictionary.to_hans.iter().chain(&dictionary.to_hant) {
            if from.is_empty() {
                return Err(Diagnostic::new(
                    path,
                    "a dictionary entry has an empty phrase",
                ));
            }
        }
        Ok(dictionary)
    }

    pub(super) fn overrides(&self, script: Script) -> Overrides {
        let map = match script {
            Script::Hans => &self.to_hans,
            Script::Hant => &self.to_hant,
        };
        Overrides::new(map)
    }
}

/// Finds the dictionary's phrases in a text, longest match first.
pub(super) struct Overrides {
    matcher: Option<AhoCorasick>,
    replacements: Vec<String>,
}

impl Overrides {
    fn new(map: &BTreeMap<String, String>) -> Overrides {
        if map.is_empty() {
            return Overrides {
                matcher: None,
                replacements: Vec::new(),
            };
        }
        let matcher = AhoCorasickBuilder::new()
            .match_kind(MatchKind::LeftmostLongest)
            .build(map.keys())
            .expect("a few thousand plain phrases always build an automaton");
        Overrides {
            matcher: Some(matcher),
            replacements: map.values().cloned().collect(),
        }
    }

    /// Writes the dictionary's replacement for every phrase it knows and lets `convert` handle
    /// the text between them.
    pub(super) fn apply(&self, text: &str, mut convert: impl FnMut(&str, &mut String)) -> String {
        let mut out = String::with_capacity(text.len() + text.len() / 8);
        let Some(matcher) = &self.matcher else {
            convert(text, &mut out);
            return out;
        };
        let mut last = 0;
        for m in matcher.find_iter(text) {
            if m.start() > last {
                convert(&text[last..m.start()], &mut out);
            }
            out.push_str(&self.replacements[m.pattern().as_usize()]);
            last = m.end();
        }
        if last < text.len() {
            convert(&text[last..], &mut out);
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::super::{Converter, TraditionalProfile};
    use super::*;

    #[test]
    fn site_phrases_win_and_identity_entries_protect() {
        let mut d = SiteDictionary::default();
        d.to_hans.insert("最佳化".into(), "优化".into());
        d.to_hant.insert("最佳化".into(), "優化".into());
        d.to_hant.insert("范先生".into(), "范先生".into());
        d.to_hans.insert("乾隆".into(), "乾隆".into());
        let c = Converter::new(TraditionalProfile::S2t, &d).unwrap();
        assert_eq!(
            c.convert(Script::Hans, "強化統籌,最佳化管理。"),
            "强化统筹,优化管理。"
        );
        assert_eq!(
            c.convert(Script::Hant, "强化统筹,最佳化管理。"),
            "強化統籌,優化管理。"
        );
        assert_eq!(c.convert(Script::Hant, "范先生说"), "范先生說");
        assert_eq!(c.convert(Script::Hans, "乾隆年間"), "乾隆年间");
    }

    #[test]
    fn bad_dictionary_names_the_line() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("dictionary.toml");
        std::fs::write(&path, "[to_hans]\n\"a\" = \"b\"\n[to_hnt]\n").unwrap();
        let err = SiteDictionary::load(&path).unwrap_err();
        assert_eq!(err.line, Some(3));
    }
}
