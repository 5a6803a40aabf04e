//! The site dictionary (`data/dictionary.toml`): phrases the conversion must map in a fixed way
//! or leave alone. They are one more dictionary of OpenCC's first conversion step, ahead of
//! OpenCC's own (see [`super::engine::ExtraPhrases`]): the longest phrase of either wins, so a
//! site entry never cuts one of OpenCC's phrases apart.

use std::collections::BTreeMap;
use std::path::Path;

use serde::Deserialize;

use super::engine::ExtraPhrases;
use super::Script;
use crate::error::io_error;
use crate::error::Diagnostic;
use crate::mistakes::toml_diagnostic;
use crate::t;

/// A conversion dictionary (the site's is `data/dictionary.toml`): phrases fixed in each script,
/// and search synonyms.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SiteDictionary {
    /// Proper names (enterprises, organisations): never converted by OpenCC's phrases and
    /// character choices, unless `to_hans`/`to_hant` gives a name its pair. Simplified pages keep
    /// them as written; Traditional pages get [`traditional_name`]: 五征集团 reads 五征集團
    /// (OpenCC would write 五徵集團, another name).
    #[serde(default)]
    pub names: Vec<String>,
    /// Phrase → replacement in Simplified pages. An entry mapping a phrase to itself protects it.
    #[serde(default)]
    pub to_hans: BTreeMap<String, String>,
    /// Phrase → replacement in Traditional pages.
    #[serde(default)]
    pub to_hant: BTreeMap<String, String>,
    /// What site search needs besides the pages (`[search.synonyms]`).
    #[serde(default)]
    pub search: SearchDictionary,
}

/// `[search]` of a dictionary: `[search.synonyms]` maps a word to the words a search for it
/// also finds, both ways (`"国标" = ["国家标准"]`). The theme's list (its `synonyms.toml`) comes
/// first; the site's entry for the same word replaces it, and `"词" = []` removes it.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SearchDictionary {
    #[serde(default)]
    pub(crate) synonyms: BTreeMap<String, Vec<String>>,
}

/// The endings of an enterprise's or an organisation's name (山东五征集团有限公司, 日照市标准化协会).
const ORGANISATION_ENDINGS: [&str; 9] = [
    "有限公司",
    "有限责任公司",
    "股份有限公司",
    "集团",
    "公司",
    "协会",
    "研究院",
    "研究所",
    "商会",
];

/// The texts of `texts` that are an enterprise's or organisation's name: those that end as
/// one does and are a name, not a sentence (no punctuation or spaces, at most 30 characters).
pub fn organisation_names<'a>(texts: impl IntoIterator<Item = &'a str>) -> Vec<String> {
    let mut names: Vec<String> = Vec::new();
    for text in texts {
        let text = text.trim();
        let is_name = text.chars().count() <= 30
            && text.chars().count() > 2
            && !text
                .chars()
                .any(|c| c.is_whitespace() || "，。、；：,.;:（）()“”".contains(c));
        if is_name
            && ORGANISATION_ENDINGS.iter().any(|e| text.ends_with(e))
            && !names.iter().any(|n| n == text)
        {
            names.push(text.to_string());
        }
    }
    names
}

/// The groups of words a search treats as one: the theme's entries with the site's over them.
pub fn synonym_groups(theme: &SiteDictionary, site: &SiteDictionary) -> Vec<Vec<String>> {
    let mut entries = theme.search.synonyms.clone();
    for (word, others) in &site.search.synonyms {
        entries.insert(word.clone(), others.clone());
    }
    entries
        .into_iter()
        .filter(|(_, others)| !others.is_empty())
        .map(|(word, others)| std::iter::once(word).chain(others).collect())
        .collect()
}

/// A proper name as a Traditional text writes it: each character that is itself a Traditional
/// character is kept — 征 stays 征, because OpenCC lists both 徵 and 征 for it and a name is not
/// reinterpreted — and the others take their Traditional form (团 is no Traditional character:
/// 團). So 山东五征集团 reads 山東五征集團: the name unchanged, and no Simplified character left
/// on a Traditional page.
pub(super) fn traditional_name(name: &str) -> String {
    static TRADITIONAL: std::sync::OnceLock<std::collections::HashMap<char, char>> =
        std::sync::OnceLock::new();
    let table = TRADITIONAL.get_or_init(|| {
        let mut table = std::collections::HashMap::new();
        for line in super::engine::ST_CHARACTERS.text.lines() {
            if line.starts_with('#') {
                continue;
            }
            let Some((key, values)) = line.split_once('\t') else {
                continue;
            };
            let mut key_chars = key.chars();
            let (Some(c), None) = (key_chars.next(), key_chars.next()) else {
                continue;
            };
            let mut values = values.split(' ').filter_map(|v| {
                let mut chars = v.chars();
                chars.next().filter(|_| chars.next().is_none())
            });
            let first = values.next();
            if let Some(first) = first.filter(|&f| f != c && !values.any(|v| v == c)) {
                table.insert(c, first);
            }
        }
        table
    });
    name.chars().map(|c| *table.get(&c).unwrap_or(&c)).collect()
}

impl SiteDictionary {
    /// The dictionary with `names` protected too (organisation names found in the site's data),
    /// each once.
    pub fn with_names(&self, names: impl IntoIterator<Item = String>) -> SiteDictionary {
        let mut dictionary = self.clone();
        for name in names {
            if !name.is_empty() && !dictionary.names.contains(&name) {
                dictionary.names.push(name);
            }
        }
        dictionary
    }

    /// Reads the dictionary `path` of the site at `root`, or an empty one when there is none
    /// (a link to nothing is an error, not an empty dictionary).
    pub fn load(root: &Path, path: &Path) -> Result<SiteDictionary, Diagnostic> {
        if std::fs::symlink_metadata(path).is_err() {
            return Ok(SiteDictionary::default());
        }
        let bytes = crate::read::source(root, path, crate::read::Kind::Settings)?;
        let text = String::from_utf8(bytes).map_err(|_| {
            let e = std::io::Error::from(std::io::ErrorKind::InvalidData);
            Diagnostic::new(path, t!("dictionary-unreadable", error = io_error(&e)))
        })?;
        let dictionary: SiteDictionary =
            toml::from_str(&text).map_err(|e| toml_diagnostic(path, &text, 1, &e))?;
        let names = dictionary.names.iter();
        for from in dictionary
            .to_hans
            .keys()
            .chain(dictionary.to_hant.keys())
            .chain(names)
        {
            if from.is_empty() {
                return Err(Diagnostic::new(path, t!("dictionary-empty-phrase")));
            }
        }
        for (word, others) in &dictionary.search.synonyms {
            // A synonym without a letter, digit or character would match every page.
            if let Some(empty) = std::iter::once(word)
                .chain(others)
                .find(|w| !w.chars().any(char::is_alphanumeric))
            {
                let line = text
                    .lines()
                    .position(|l| l.contains(&format!("\"{word}\"")))
                    .map_or(1, |i| i + 1);
                return Err(Diagnostic::new(
                    path,
                    t!(
                        "dictionary-synonym-empty",
                        word = word.as_str(),
                        synonym = empty.as_str()
                    ),
                )
                .at_line(line));
            }
        }
        Ok(dictionary)
    }

    /// The entries for `script`, written for text in `form`, as a dictionary for the engine;
    /// `None` when there are none.
    pub(super) fn phrases(&self, script: Script, form: Form) -> Option<ExtraPhrases> {
        let map = match script {
            Script::Hans => &self.to_hans,
            Script::Hant => &self.to_hant,
        };
        // A name takes its own form unless the script's table pairs it with another.
        let mut map = map.clone();
        for name in &self.names {
            map.entry(name.clone()).or_insert_with(|| match script {
                Script::Hans => name.clone(),
                Script::Hant => traditional_name(name),
            });
        }
        let mut entries = Vec::with_capacity(map.len());
        for (phrase, replacement) in &map {
            match form {
                Form::Plain => entries.push((phrase.clone(), replacement.clone())),
                Form::Html => {
                    // Escaped like the templates' output, so a replacement reads as the text
                    // around it does; `set_attribute` escapes nothing but `"`, already done.
                    let escaped = crate::escape::html(replacement);
                    for pattern in html_forms(phrase) {
                        entries.push((pattern, escaped.clone()));
                    }
                }
            }
        }
        ExtraPhrases::new(entries)
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

#[cfg(test)]
mod tests {
    use super::super::{Converter, TraditionalProfile};
    use super::*;

    #[test]
    fn a_name_keeps_its_characters_that_are_traditional_already() {
        // 征 (徵 or 征), 面 (面 or 麪): kept; 团, 东, 马, 业, 运, 实: converted.
        assert_eq!(
            traditional_name("山东五征集团有限公司"),
            "山東五征集團有限公司"
        );
        assert_eq!(traditional_name("金马工业面业"), "金馬工業面業");
        assert_eq!(traditional_name("日照三运实业"), "日照三運實業");
        // A place in a name keeps 台 (台州 is written so in Traditional too) and takes 號.
        assert_eq!(traditional_name("台州一号科技"), "台州一號科技");
        // The limit of a rule by characters: 云 is a Traditional character too, so 云南 stays
        // 云南 where a Traditional text writes 雲南 — such a name is paired in [to_hant].
        assert_eq!(traditional_name("云南白药集团"), "云南白藥集團");
        // Through the whole conversion, in both profiles: OpenCC alone writes 五徵集團.
        let mut d = SiteDictionary::default();
        let plain = Converter::new(TraditionalProfile::S2twp, &d);
        assert!(plain.convert(Script::Hant, "五征集团").contains('徵'));
        d.names.push("五征集团".into());
        for profile in [TraditionalProfile::S2t, TraditionalProfile::S2tw] {
            let c = Converter::new(profile, &d);
            assert_eq!(
                c.convert(Script::Hant, "五征集团征求意见"),
                "五征集團徵求意見"
            );
            assert_eq!(
                c.convert(Script::Hans, "五征集团征求意见"),
                "五征集团征求意见"
            );
        }
    }

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

    /// The default profile writes 著 where OpenCC's character standard keeps 着, and OpenCC's
    /// phrases with 着 stay whole: no site entry is needed for it.
    #[test]
    fn default_profile_writes_zhu_and_keeps_opencc_phrases() {
        let c = Converter::new(TraditionalProfile::default(), &SiteDictionary::default());
        for (hans, hant) in [
            ("干着急", "乾著急"),
            ("背着", "揹著"),
            ("系着", "繫著"),
            ("存在着", "存在著"),
            ("为了群众", "為了群眾"),
            ("启动", "啟動"),
        ] {
            assert_eq!(c.convert(Script::Hant, hans), hant, "{hans}");
        }
        // The same as OpenCC's s2tw.
        let opencc =
            ferrous_opencc::OpenCC::from_config(ferrous_opencc::config::BuiltinConfig::S2tw)
                .unwrap();
        for text in ["干着急", "背着", "系着", "不干着急", "关系着", "着眼"] {
            assert_eq!(
                c.convert(Script::Hant, text),
                opencc.convert(text),
                "{text}"
            );
        }
    }

    /// Site entries are one more dictionary of OpenCC's first step, ahead of OpenCC's: the
    /// longest phrase of either wins, the site's on equal length, and what it writes is final.
    #[test]
    fn site_entries_and_opencc_phrases_longest_first() {
        let mut d = SiteDictionary::default();
        // The entry the example site had: a text replacement before OpenCC made 干着急 幹著急.
        d.to_hant.insert("着".into(), "著".into());
        let s2t = Converter::new(TraditionalProfile::S2t, &d);
        // OpenCC's longer phrases win over the one-character entry…
        assert_eq!(s2t.convert(Script::Hant, "干着急"), "乾着急");
        assert_eq!(s2t.convert(Script::Hant, "背着"), "揹着");
        assert_eq!(s2t.convert(Script::Hant, "系着"), "繫着");
        // …and it wins over OpenCC's one-character entry, on equal length.
        assert_eq!(s2t.convert(Script::Hant, "存在着"), "存在著");

        let mut d = SiteDictionary::default();
        // Equal length to OpenCC's 系着: the site's wins.
        d.to_hant.insert("系着".into(), "係著".into());
        // Longer than OpenCC's 背着: the site's wins.
        d.to_hant.insert("背着手".into(), "背著手".into());
        // Identity: protects 着 where no OpenCC phrase covers it, even from TWVariants.
        d.to_hant.insert("着".into(), "着".into());
        let s2tw = Converter::new(TraditionalProfile::S2tw, &d);
        assert_eq!(s2tw.convert(Script::Hant, "系着"), "係著");
        assert_eq!(s2tw.convert(Script::Hant, "背着手走"), "背著手走");
        assert_eq!(s2tw.convert(Script::Hant, "背着"), "揹著");
        assert_eq!(s2tw.convert(Script::Hant, "干着急"), "乾著急");
        assert_eq!(s2tw.convert(Script::Hant, "存在着"), "存在着");
        // In HTML text too.
        assert_eq!(
            s2tw.convert_html_text(Script::Hant, "背着手&amp;干着急"),
            "背著手&amp;乾著急"
        );
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
            c.convert(Script::Hant, "标准。"),
            "<script>alert(1)</script>。"
        );
        assert_eq!(c.convert(Script::Hant, "甲&乙公司"), "A&B公司");
        assert_eq!(c.convert(Script::Hant, "<丙>"), "<b>");
        assert_eq!(c.convert(Script::Hant, "他说\"好\""), "他說'好'");
        assert_eq!(c.convert(Script::Hans, "標準。"), "<i>标准</i>。");
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
        assert_eq!(hant("标准。"), "&lt;script&gt;alert(1)&lt;/script&gt;。");
        // `&` and `<` are always escaped in HTML, so the phrase is found escaped.
        assert_eq!(hant("甲&amp;乙公司"), "A&amp;B公司");
        assert_eq!(hant("&lt;丙&gt;"), "&lt;b&gt;");
        // Quotes: raw in Markdown's text, `&quot;` in its attributes, `&quot;`/`&#39;` from
        // the templates; each form is found.
        assert_eq!(hant("他说\"好\""), "他說&#39;好&#39;");
        assert_eq!(hant("他说&quot;好&quot;"), "他說&#39;好&#39;");
        assert_eq!(hant("丁'戊'"), "&quot;引&quot;");
        assert_eq!(hant("丁&#39;戊&#39;"), "&quot;引&quot;");
        assert_eq!(hans("標準。"), "&lt;i&gt;标准&lt;/i&gt;。");
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
        let err = SiteDictionary::load(dir.path(), &path).unwrap_err();
        assert_eq!(err.line, Some(3));
    }
}
