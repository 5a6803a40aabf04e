//! Simplified and Traditional Chinese: which script a page is published in, and converting text
//! to it with OpenCC's dictionaries plus the site's own dictionary.
//!
//! Conversion runs on [`engine`]: Aho-Corasick automata over OpenCC's dictionary files, 4 to 10
//! times faster than `ferrous-opencc` (the pure-Rust OpenCC this used before) and tested to give
//! byte-identical output to it.

pub mod dictionary;
pub mod engine;
pub mod html;
mod memo;

use std::fmt;
use std::sync::Arc;

use aho_corasick::AhoCorasick;
use serde::{Deserialize, Serialize};

pub use dictionary::{organisation_names, synonym_groups, Form, SiteDictionary};
use engine::{ExtraPhrases, OpenccEngine, Profile};

/// A written form of Chinese a page is published in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Deserialize, Serialize)]
pub enum Script {
    /// Simplified Chinese (`zh-Hans`); the `default_script` unless `config.toml` names another.
    #[default]
    #[serde(rename = "zh-Hans")]
    Hans,
    /// Traditional Chinese (`zh-Hant`).
    #[serde(rename = "zh-Hant")]
    Hant,
}

impl Script {
    /// Both scripts, Simplified first.
    pub const ALL: [Script; 2] = [Script::Hans, Script::Hant];

    /// The BCP 47 tag for `lang` and `hreflang`: `zh-Hans` or `zh-Hant`.
    pub fn lang(self) -> &'static str {
        match self {
            Script::Hans => "zh-Hans",
            Script::Hant => "zh-Hant",
        }
    }

    /// The folder the script lives in when it is not the site's default: `zh-hans` or `zh-hant`.
    pub fn dir(self) -> &'static str {
        match self {
            Script::Hans => "zh-hans",
            Script::Hant => "zh-hant",
        }
    }

    /// The name of the script, written in that script, for messages to the editor (pages take
    /// the language switch's text from the theme's labels).
    pub fn native_name(self) -> &'static str {
        match self {
            Script::Hans => "简体中文",
            Script::Hant => "繁體中文",
        }
    }

    pub(crate) fn other(self) -> Script {
        match self {
            Script::Hans => Script::Hant,
            Script::Hant => Script::Hans,
        }
    }
}

impl fmt::Display for Script {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.lang())
    }
}

/// The OpenCC profile used to produce Traditional text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Deserialize, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum TraditionalProfile {
    /// OpenCC's own character standard: 爲, 衆, 啓, 纔, 着, forms most readers of Traditional
    /// Chinese find odd.
    S2t,
    /// The character forms readers of Traditional Chinese expect (為, 眾, 啟, 著) without any
    /// change of vocabulary, so mainland wording stays as written: the default.
    #[default]
    S2tw,
    /// Hong Kong character forms.
    S2hk,
    /// Taiwan forms and Taiwan vocabulary (应用→套用, 优化→最佳化): not for mainland portals.
    S2twp,
}

impl TraditionalProfile {
    /// OpenCC's name for the profile.
    pub fn name(self) -> &'static str {
        Profile::from(self).name()
    }
}

/// Converts text to either script. Built once per build and shared by all threads. The OpenCC
/// automata behind it are built on first use and shared by the whole process (see
/// [`engine`]): the Simplified-to-Traditional one takes about 75 ms.
#[derive(Clone)]
pub struct Converter {
    to_hans: Arc<Engine>,
    /// To Simplified from Traditional with Taiwan vocabulary (tw2sp), for sources that came
    /// through a Taiwan-phrase converter ([`Converter::from_taiwan`]).
    taiwan_to_hans: Arc<Engine>,
    to_hant: Arc<Engine>,
    profile: TraditionalProfile,
    /// Characters that Simplified conversion changes, one bit per BMP code point: a text with
    /// none of them (and no phrase of the site dictionary) is already Simplified.
    not_simplified: Arc<Vec<u64>>,
    /// Phrases that need simplifying although their characters do not (see [`hidden_phrases`]).
    hidden_phrases: Arc<Option<AhoCorasick>>,
    /// On Traditional pages, one form of 发布: (the form written, the form it replaces).
    publish: Option<(&'static str, &'static str)>,
    /// Short texts already converted, per form and script (see [`memo`]).
    memo: Arc<Memos>,
}

/// Remembered conversions: of text as it stands in HTML, and of plain text, per script.
#[derive(Default)]
struct Memos {
    html: [memo::Memo; 2],
    plain: [memo::Memo; 2],
}

struct Engine {
    opencc: OpenccEngine,
    /// The site dictionary for plain text.
    phrases: Option<ExtraPhrases>,
    /// The site dictionary for text as it stands in HTML (escaped phrases and replacements).
    html_phrases: Option<ExtraPhrases>,
}

impl Engine {
    fn new(opencc: OpenccEngine, dictionary: &SiteDictionary, script: Script) -> Engine {
        Engine {
            opencc,
            phrases: dictionary.phrases(script, Form::Plain),
            html_phrases: dictionary.phrases(script, Form::Html),
        }
    }

    fn convert(&self, text: &str, form: Form) -> String {
        let phrases = match form {
            Form::Plain => &self.phrases,
            Form::Html => &self.html_phrases,
        };
        // OpenCC's dictionaries map CJK text to CJK text: nothing it writes is markup
        // (`opencc_dictionaries_write_no_markup` holds it to that).
        let mut out = String::with_capacity(text.len() + text.len() / 8);
        self.opencc.convert_with(text, phrases.as_ref(), &mut out);
        out
    }
}

impl Converter {
    /// OpenCC's dictionaries are compiled in, so this cannot fail.
    pub fn new(profile: TraditionalProfile, dictionary: &SiteDictionary) -> Self {
        let to_hans = OpenccEngine::new(Profile::T2s);
        let to_hant = OpenccEngine::new(profile);
        // Every page is published in Traditional, and that automaton takes about 75 ms to build:
        // build it while the site loads rather than when the first page is converted.
        to_hant.prepare_in_background();
        let not_simplified = Arc::new(not_simplified_characters(
            |text| to_hans.convert(text).into_owned(),
            dictionary,
        ));
        let hidden_phrases = Arc::new(hidden_phrases(&to_hans, &not_simplified));
        Converter {
            memo: Arc::new(Default::default()),
            not_simplified,
            hidden_phrases,
            to_hans: Arc::new(Engine::new(to_hans, dictionary, Script::Hans)),
            taiwan_to_hans: Arc::new(Engine::new(
                OpenccEngine::new(Profile::Tw2sp),
                &with_mainland_words(dictionary, &to_hans),
                Script::Hans,
            )),
            to_hant: Arc::new(Engine::new(to_hant, dictionary, Script::Hant)),
            profile,
            publish: None,
        }
    }

    /// The same converter writing 发布 in Traditional always as `forms.0`, never as `forms.1`
    /// (OpenCC writes 發佈 in most phrases and 發布 in some).
    pub fn with_publish_form(mut self, forms: (&'static str, &'static str)) -> Converter {
        self.publish = Some(forms);
        // Conversions remembered before would lack the form.
        self.memo = Arc::new(Default::default());
        self
    }

    /// The OpenCC profile the Traditional pages are made with (`traditional_profile` in
    /// `config.toml`).
    pub fn profile(&self) -> TraditionalProfile {
        self.profile
    }

    /// The same converter for a source written in Traditional with Taiwan vocabulary: to
    /// Simplified it takes OpenCC's Taiwan phrases back to the mainland's first (tw2sp:
    /// 網際網路 → 互联网, 數位 → 数字), then the site dictionary and t2s as usual. To
    /// Traditional it is unchanged.
    pub fn from_taiwan(&self) -> Converter {
        Converter {
            to_hans: Arc::clone(&self.taiwan_to_hans),
            // Its own memo: the same text converts differently through tw2sp.
            memo: Arc::new(Default::default()),
            ..self.clone()
        }
    }

    /// Whether `text`, written in Traditional, reads as Taiwan vocabulary: at least three
    /// different phrases of OpenCC's Taiwan list (網際網路, 數位, 最佳化, 資訊 …), each of two
    /// characters or more. One alone (資訊 is used in Hong Kong too) is not enough.
    pub fn reads_as_taiwan(text: &str) -> bool {
        engine::taiwan_phrases_in(text) >= 3
    }

    /// Whether Simplified conversion would change `text`: it has a Traditional character (or
    /// the first non-ASCII character of a site-dictionary phrase). Scanning is far cheaper than converting.
    pub fn needs_simplifying(&self, text: &str) -> bool {
        text.chars()
            .any(|c| !c.is_ascii() && marked(&self.not_simplified, c))
            || (*self.hidden_phrases)
                .as_ref()
                .is_some_and(|phrases| !text.is_ascii() && phrases.is_match(text))
    }

    /// `text` in Simplified, without the cost of conversion when it already is.
    pub fn simplified<'a>(&self, text: &'a str) -> std::borrow::Cow<'a, str> {
        if self.needs_simplifying(text) {
            std::borrow::Cow::Owned(self.to_hans.convert(text, Form::Plain))
        } else {
            std::borrow::Cow::Borrowed(text)
        }
    }

    /// Plain `text` in `script`, whatever script it was written in. Site-dictionary
    /// replacements go in as written: the caller escapes the result for where it puts it.
    pub fn convert(&self, script: Script, text: &str) -> String {
        self.convert_form(script, text, Form::Plain)
    }

    /// `text` as it stands in HTML (a text node or an attribute value, entities not decoded)
    /// in `script`: site-dictionary phrases are matched in their escaped form and their
    /// replacements go in escaped, so the result is still text, never markup.
    pub fn convert_html_text(&self, script: Script, text: &str) -> String {
        self.convert_form(script, text, Form::Html)
    }

    /// Appends [`Converter::convert_html_text`] of `text` to `out`. A short text is converted
    /// once per build and then looked up: page parts such as the header, the navigation, the
    /// footer and the entries of lists are the same texts on thousands of pages.
    pub fn push_html_text(&self, script: Script, text: &str, out: &mut String) {
        self.push_remembered(script, text, Form::Html, out);
    }

    /// Appends [`Converter::convert`] of `text` to `out`, remembered as
    /// [`Converter::push_html_text`] remembers: the feeds convert every document's title and
    /// summary, and serve makes them again after each edit that changes one.
    pub fn push_text(&self, script: Script, text: &str, out: &mut String) {
        self.push_remembered(script, text, Form::Plain, out);
    }

    /// Appends `text` in `script` to `out` through the memo of `form`.
    fn push_remembered(&self, script: Script, text: &str, form: Form, out: &mut String) {
        if text.is_ascii() || (script == Script::Hans && !self.needs_simplifying(text)) {
            out.push_str(text);
            return;
        }
        let memos = match form {
            Form::Html => &self.memo.html,
            Form::Plain => &self.memo.plain,
        };
        memos[script as usize].push(text, |text| self.convert_form(script, text, form), out);
    }

    fn convert_form(&self, script: Script, text: &str, form: Form) -> String {
        if text.is_ascii() {
            return text.to_string();
        }
        match script {
            Script::Hans if !self.needs_simplifying(text) => text.to_string(),
            Script::Hans => self.to_hans.convert(text, form),
            Script::Hant => {
                let converted = self.to_hant.convert(text, form);
                match self.publish {
                    Some((written, other)) if converted.contains(other) => {
                        converted.replace(other, written)
                    }
                    _ => converted,
                }
            }
        }
    }
}

/// Words of OpenCC's Taiwan list (`TWPhrasesRev.txt`) that are ordinary mainland words as
/// well: tw2sp alone turns 指標 into 指针, 核心竞争力 into 内核竞争力, 建立 into 创建, 档案 into
/// 文件 and 查询 into 查找, which no mainland reader would write. A Taiwan-vocabulary source keeps
/// them as written (in Simplified); the rest of the list (網際網路, 數位, 最佳化, 軟體 …)
/// applies. The site dictionary's own entries come first.
pub const MAINLAND_WORDS: [&str; 52] = [
    "互動",
    "傳送",
    "儲存",
    "元件",
    "執行",
    "宣告",
    "影像",
    "影片",
    "建立",
    "批次",
    "整合",
    "文件",
    "核心",
    "模擬",
    "檢視",
    "程序",
    "行程",
    "複製",
    "裝置",
    "設定",
    "資料",
    "通道",
    "連結",
    "類比",
    "預設",
    "智慧",
    "序列",
    "向量",
    "即時",
    "呼叫",
    "存取",
    "指標",
    "效能",
    "通訊",
    "新增",
    "影印",
    "檔案",
    "物件",
    "線上",
    "截圖",
    "相簿",
    "冷盤",
    "乳酪",
    "冰棒",
    "泡麵",
    "塑膠",
    "腳踏車",
    "稽核",
    "查詢",
    "簡報",
    "聯絡",
    "宕機",
];

/// The site dictionary with [`MAINLAND_WORDS`] kept (each written as t2s writes it) where the
/// site says nothing of them: the dictionary of a Taiwan-vocabulary source.
fn with_mainland_words(dictionary: &SiteDictionary, t2s: &OpenccEngine) -> SiteDictionary {
    let mut kept = dictionary.clone();
    for word in MAINLAND_WORDS {
        kept.to_hans
            .entry(word.to_string())
            .or_insert_with(|| t2s.convert(word).into_owned());
    }
    kept
}

/// The blocks of CJK characters, radicals, punctuation and full-width forms: every BMP character
/// OpenCC's dictionaries can change.
pub const CJK_RANGES: [std::ops::Range<u32>; 6] = [
    0x2E80..0x2FE0,
    0x3000..0x3040,
    0x3400..0xA000,
    0xF900..0xFB00,
    0xFE30..0xFE50,
    0xFF00..0xFFF0,
];

/// Whether `c` is marked in a one-bit-per-BMP-character table (characters beyond the BMP are
/// always treated as marked).
fn marked(table: &[u64], c: char) -> bool {
    let code = c as usize;
    code > 0xFFFF || table[code / 64] & (1 << (code % 64)) != 0
}

/// The BMP characters that OpenCC's Simplified conversion (or a site-dictionary phrase starting
/// with them) changes. Built by converting every CJK character once, in one call: about a
/// millisecond at start-up, plus building the `t2s` automaton (about 2 ms, once per process).
fn not_simplified_characters(
    to_hans: impl FnOnce(&str) -> String,
    dictionary: &SiteDictionary,
) -> Vec<u64> {
    let mut bits = vec![0u64; 0x10000 / 64];
    let mut set = |c: char| {
        let code = c as usize;
        if code <= 0xFFFF {
            bits[code / 64] |= 1 << (code % 64);
        }
    };
    let chars: Vec<char> = CJK_RANGES
        .into_iter()
        .flatten()
        .filter_map(char::from_u32)
        .collect();
    // One character per line: lines keep phrases from forming across characters.
    let text: String = chars.iter().flat_map(|&c| [c, '\n']).collect();
    let converted = to_hans(&text);
    let mut lines = converted.split('\n');
    for &c in &chars {
        match lines.next() {
            Some(line) if line.chars().eq(std::iter::once(c)) => {}
            _ => set(c),
        }
    }
    // The first character that is not ASCII: ASCII is never looked up, and it is the same
    // whether the phrase is written plain or escaped in HTML (`&` → `&amp;`).
    for phrase in dictionary.to_hans.keys() {
        if let Some(first) = phrase.chars().find(|c| !c.is_ascii()) {
            set(first);
        }
    }
    bits
}

/// OpenCC phrases that Simplified conversion changes although each of their characters alone
/// is left as it is (回覆 → 回复, 沈默 → 沉默), found with one automaton: a bit per first
/// character would flag every text with a 回 in it.
fn hidden_phrases(to_hans: &OpenccEngine, not_simplified: &[u64]) -> Option<AhoCorasick> {
    let flagged = |c: char| marked(not_simplified, c);
    let phrases: Vec<&str> = engine::parse_dictionary(engine::TS_PHRASES.text)
        .map(|(key, _)| key)
        .filter(|key| !key.chars().any(flagged) && to_hans.convert(key) != *key)
        .collect();
    (!phrases.is_empty()).then(|| {
        AhoCorasick::new(phrases).expect("a few dozen plain phrases always build an automaton")
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A text seen often is remembered per converter: the Taiwan-vocabulary converter and the
    /// one with a 发布 form each convert it their own way.
    #[test]
    fn remembered_texts_are_per_converter() {
        let plain = converter();
        let taiwan = plain.from_taiwan();
        let published = converter().with_publish_form(("發布", "發佈"));
        for _ in 0..3 {
            let mut out = String::new();
            plain.push_html_text(Script::Hans, "網際網路", &mut out);
            taiwan.push_html_text(Script::Hans, "網際網路", &mut out);
            plain.push_html_text(Script::Hant, "信息发布", &mut out);
            published.push_html_text(Script::Hant, "信息发布", &mut out);
            assert_eq!(out, "网际网路互联网信息發佈信息發布");
        }
    }

    /// Remembered plain text converts as `convert` does, every time, in both scripts; and it is
    /// remembered apart from HTML text, which converts site phrases in their escaped form.
    #[test]
    fn remembered_plain_text_is_its_conversion() {
        let c = converter();
        for _ in 0..3 {
            for text in ["信息发布", "標準化 & 计量", "<b>为</b>", "GB/T 9704", ""] {
                for script in Script::ALL {
                    let mut out = String::from("前");
                    c.push_text(script, text, &mut out);
                    assert_eq!(out, format!("前{}", c.convert(script, text)), "{text}");
                    let mut html = String::new();
                    c.push_html_text(script, text, &mut html);
                    assert_eq!(html, c.convert_html_text(script, text), "{text}");
                }
            }
        }
    }

    #[test]
    fn knows_which_texts_are_already_simplified() {
        let c = converter();
        assert!(!c.needs_simplifying("标准化发展规划 GB/T 37668-2019〔2017〕"));
        assert!(c.needs_simplifying("標準化"));
        assert!(c.needs_simplifying("為"));
        assert!(!c.needs_simplifying("皇后干部头发"));
        assert_eq!(c.simplified("请回覆"), "请回复");
        assert!(!c.needs_simplifying("回复"));
        // Every phrase t2s changes is noticed, even when its characters alone are not.
        let opencc =
            ferrous_opencc::OpenCC::from_config(ferrous_opencc::config::BuiltinConfig::T2s)
                .unwrap();
        for (key, _) in engine::parse_dictionary(engine::TS_PHRASES.text) {
            if opencc.convert(key) != key {
                assert!(c.needs_simplifying(&format!("文字{key}文字")), "{key}");
            }
        }
        assert_eq!(c.simplified("溫州"), "温州");
        assert!(matches!(
            c.simplified("温州"),
            std::borrow::Cow::Borrowed(_)
        ));
        let mut d = SiteDictionary::default();
        d.to_hans.insert("套用".into(), "应用".into());
        let with_dictionary = Converter::new(TraditionalProfile::S2t, &d);
        assert!(
            with_dictionary.needs_simplifying("套用"),
            "dictionary phrases count"
        );
    }

    /// The bitmap is what it was when `ferrous-opencc` computed it.
    #[test]
    fn not_simplified_characters_are_those_of_ferrous_opencc() {
        use ferrous_opencc::config::BuiltinConfig;
        let opencc = ferrous_opencc::OpenCC::from_config(BuiltinConfig::T2s).unwrap();
        let mut d = SiteDictionary::default();
        d.to_hans.insert("套用".into(), "应用".into());
        for dictionary in [&SiteDictionary::default(), &d] {
            let engine = OpenccEngine::new(Profile::T2s);
            let new = not_simplified_characters(|t| engine.convert(t).into_owned(), dictionary);
            let old = not_simplified_characters(|t| opencc.convert(t), dictionary);
            assert!(new == old);

            assert!(new.iter().map(|w| w.count_ones()).sum::<u32>() > 2500);
        }
    }

    fn converter() -> Converter {
        Converter::new(TraditionalProfile::S2t, &SiteDictionary::default())
    }

    /// The cases OpenCC's own phrase dictionaries exist for: a character-by-character table
    /// gets every one of them wrong.
    #[test]
    fn hard_cases_to_traditional() {
        let c = converter();
        let cases = [
            ("皇后", "皇后"),
            ("干部", "幹部"),
            ("头发", "頭髮"),
            ("公里", "公里"),
            // OpenCC reads 范 as 範 here; the site dictionary protects surnames (see dictionary.rs).
            ("范先生", "範先生"),
            ("余额", "餘額"),
            ("〔2017〕", "〔2017〕"),
            ("GB/T 37668-2019", "GB/T 37668-2019"),
            ("标准化发展规划", "標準化發展規劃"),
            ("应用", "應用"),
            ("优化", "優化"),
        ];
        for (hans, hant) in cases {
            assert_eq!(c.convert(Script::Hant, hans), hant, "{hans}");
        }
    }

    #[test]
    fn traditional_source_to_simplified() {
        let c = converter();
        assert_eq!(
            c.convert(Script::Hans, "溫州市人民政府關於全面實施標準化戰略的意見"),
            "温州市人民政府关于全面实施标准化战略的意见"
        );
        assert_eq!(
            c.convert(Script::Hans, "浙政發〔2014〕35號"),
            "浙政发〔2014〕35号"
        );
        assert_eq!(c.convert(Script::Hans, "幹部"), "干部");
    }

    #[test]
    fn text_already_in_the_target_script_is_unchanged() {
        let c = converter();
        let hans = "工业产品质量监督抽查合格率达到97%以上";
        assert_eq!(c.convert(Script::Hans, hans), hans);
        let hant = "建設結構合理的標準化人才隊伍";
        assert_eq!(c.convert(Script::Hant, hant), hant);
    }

    /// Converted HTML text goes back into pages as markup: OpenCC must never write a character
    /// that means something there.
    #[test]
    fn opencc_dictionaries_write_no_markup() {
        for file in engine::DICTIONARY_FILES {
            assert!(
                !file.text.contains(['<', '>', '&', '"', '\'']),
                "an OpenCC dictionary holds a markup character"
            );
        }
    }

    #[test]
    fn taiwan_phrase_profile_is_selectable_and_rewrites_vocabulary() {
        let c = Converter::new(TraditionalProfile::S2twp, &SiteDictionary::default());
        assert_eq!(c.convert(Script::Hant, "信息"), "資訊");
        assert_eq!(c.convert(Script::Hant, "优化"), "最佳化");
        let hk = Converter::new(TraditionalProfile::S2hk, &SiteDictionary::default());
        assert_eq!(hk.profile().name(), "s2hk");
    }
}
