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

    pub(super) fn overrides(&self, script: Script, form: Form) -> Overrides {
        let map = match script {
            Script::Hans => &self.to_hans,
            Script::Hant => &self.to_hant,
        };
        Overrides::new(map, form)
    }
}

/// How the text handed to the converter is written, which decides how the dictionary's phrases
/// are looked for and how their replacements are written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Form {
    /// Plain text (titles, data values, feed entries): phrases and replacements as written in
    /// the dictionary. Whoever puts the result into markup escapes it (Tera's autoescape, the
    /// feed writer's XML escaping), so it must not be escaped here.
    Plain,
    /// Text as it stands in HTML, in a text node or an attribute value, entities not decoded:
    /// phrases are looked for as they are written there (`甲&amp;乙`) and replacements go in
    /// escaped, so a dictionary value is always shown as text, never read as markup.
    Html,
}

/// The ways a phrase can be written in the HTML this program makes: `&`, `<` and `>` are always
/// escaped; `"` and `'` are escaped by the templates (`&quot;`, `&#39;`) and in Markdown's
/// attributes (`"` only), but not in Markdown's text.
fn html_forms(phrase: &str) -> Vec<String> {
    let body: String = phrase
        .chars()
        .fold(String::with_capacity(phrase.len()), |mut out, c| {
            match c {
                '&' => out.push_str("&amp;"),
                '<' => out.push_str("&lt;"),
                '>' => out.push_str("&gt;"),
                c => out.push(c),
            }
            out
        });
    let mut forms = vec![body.clone()];
    if phrase.contains(['"', '\'']) {
        let attribute = body.replace('"', "&quot;");
        let template = attribute.replace('\'', "&#39;");
        for form in [attribute, template] {
            if !forms.contains(&form) {
                forms.push(form);
            }
        }
    }
    forms
}

/// Finds the dictionary's phrases in a text, longest match first.
pub(super) struct Overrides {
    matcher: Option<AhoCorasick>,
    /// The replacement for each pattern of `matcher`, ready to be written in the text's form.
    replacements: Vec<String>,
}

impl Overrides {
    fn new(map: &BTreeMap<String, String>, form: Form) -> Overrides {
        if map.is_empty() {
            return Overrides {
                matcher: None,
                replacements: Vec::new(),
            };
        }
        let mut patterns = Vec::with_capacity(map.len());
        let mut replacements = Vec::with_capacity(map.len());
        for (phrase, replacement) in map {
            match form {
                Form::Plain => {
                    patterns.push(phrase.clone());
                    replacements.push(replacement.clone());
                }
                Form::Html => {
                    // Escaped like the templates' output, so a replacement reads as the text
                    // around it does; `set_attribute` escapes nothing but `"`, already done.
                    let escaped = crate::escape::html(replacement);
                    for pattern in html_forms(phrase) {
                        patterns.push(pattern);
                        replacements.push(escaped.clone());
                    }
                }
            }
        }
        let matcher = AhoCorasickBuilder::new()
            .match_kind(MatchKind::LeftmostLongest)
            .build(&patterns)
            .expect("a few thousand plain phrases always build an automaton");
        Overrides {
            matcher: Some(matcher),
            replacements,
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
        let c = Converter::new(TraditionalProfile::S2t, &d);
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

    /// Entries with markup characters in phrases and replacements, in both directions.
    fn hostile() -> Converter {
        let mut d = SiteDictionary::default();
        d.to_hant
            .insert("标准".into(), "<script>alert(1)</script>".into());
        d.to_hant.insert("甲&乙".into(), "A&B".into());
        d.to_hant.insert("<丙>".into(), "<b>".into());
        d.to_hant.insert("说\"好\"".into(), "說'好'".into());
        d.to_hant.insert("丁'戊'".into(), "\"引\"".into());
        d.to_hans.insert("標準".into(), "<i>标准</i>".into());
        d.to_hans.insert("甲&乙".into(), "A&B".into());
        d.to_hans.insert("<丙>".into(), "<b>".into());
        d.to_hans.insert("說\"好\"".into(), "'说'".into());
        Converter::new(TraditionalProfile::S2t, &d)
    }

    #[test]
    fn plain_text_gets_replacements_as_written() {
        let c = hostile();
        // Titles and data values: whoever writes them into a page escapes them (once).
        assert_eq!(
            c.convert(Script::Hant, "标准化"),
            "<script>alert(1)</script>化"
        );
        assert_eq!(c.convert(Script::Hant, "甲&乙公司"), "A&B公司");
        assert_eq!(c.convert(Script::Hant, "<丙>"), "<b>");
        assert_eq!(c.convert(Script::Hant, "他说\"好\""), "他說'好'");
        assert_eq!(c.convert(Script::Hans, "標準化"), "<i>标准</i>化");
        assert_eq!(c.convert(Script::Hans, "甲&乙公司"), "A&B公司");
        assert_eq!(c.convert(Script::Hans, "說\"好\""), "'说'");
        // The escaped form of a phrase is not the phrase in plain text.
        assert_eq!(c.convert(Script::Hant, "甲&amp;乙"), "甲&amp;乙");
    }

    #[test]
    fn html_text_gets_escaped_replacements_for_escaped_phrases() {
        let c = hostile();
        let hant = |t: &str| c.convert_html_text(Script::Hant, t);
        let hans = |t: &str| c.convert_html_text(Script::Hans, t);
        assert_eq!(hant("标准化"), "&lt;script&gt;alert(1)&lt;/script&gt;化");
        // `&` and `<` are always escaped in HTML, so the phrase is found escaped.
        assert_eq!(hant("甲&amp;乙公司"), "A&amp;B公司");
        assert_eq!(hant("&lt;丙&gt;"), "&lt;b&gt;");
        // Quotes: raw in Markdown's text, `&quot;` in its attributes, `&quot;`/`&#39;` from
        // the templates; each form is found.
        assert_eq!(hant("他说\"好\""), "他說&#39;好&#39;");
        assert_eq!(hant("他说&quot;好&quot;"), "他說&#39;好&#39;");
        assert_eq!(hant("丁'戊'"), "&quot;引&quot;");
        assert_eq!(hant("丁&#39;戊&#39;"), "&quot;引&quot;");
        assert_eq!(hans("標準化"), "&lt;i&gt;标准&lt;/i&gt;化");
        assert_eq!(hans("甲&amp;乙"), "A&amp;B");
        assert_eq!(hans("&lt;丙&gt;"), "&lt;b&gt;");
        assert_eq!(hans("說&quot;好&quot;"), "&#39;说&#39;");
        // A phrase whose first character is ASCII is still noticed by the Simplified check.
        assert!(c.needs_simplifying("&lt;丙&gt;"));
        // The unescaped form cannot occur in HTML and is not looked for.
        assert_eq!(hant("甲&乙"), "甲&乙");
    }

    #[test]
    fn phrase_forms_in_html() {
        assert_eq!(html_forms("标准"), ["标准"]);
        assert_eq!(html_forms("a&<b>"), ["a&amp;&lt;b&gt;"]);
        assert_eq!(html_forms("\"a'"), ["\"a'", "&quot;a'", "&quot;a&#39;"]);
        assert_eq!(html_forms("'a"), ["'a", "&#39;a"]);
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
