//! Simplified and Traditional Chinese: which script a page is published in, and converting text
//! to it with OpenCC (pure Rust, `ferrous-opencc`) plus the site's own dictionary.

pub mod dictionary;
pub mod html;

use std::fmt;
use std::sync::Arc;

use ferrous_opencc::config::BuiltinConfig;
use ferrous_opencc::OpenCC;
use serde::{Deserialize, Serialize};

pub use dictionary::SiteDictionary;

/// A written form of Chinese a page is published in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Deserialize, Serialize)]
pub enum Script {
    #[default]
    #[serde(rename = "zh-Hans")]
    Hans,
    #[serde(rename = "zh-Hant")]
    Hant,
}

impl Script {
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

    /// The name of the script, written in that script, for the language switch.
    pub fn native_name(self) -> &'static str {
        match self {
            Script::Hans => "简体中文",
            Script::Hant => "繁體中文",
        }
    }

    pub fn other(self) -> Script {
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
    /// Character-level OpenCC Traditional: right for mainland government sites.
    #[default]
    S2t,
    /// Taiwan character forms, no vocabulary change.
    S2tw,
    /// Hong Kong character forms.
    S2hk,
    /// Taiwan forms and Taiwan vocabulary (应用→套用, 优化→最佳化): not for mainland portals.
    S2twp,
}

impl TraditionalProfile {
    fn builtin(self) -> BuiltinConfig {
        match self {
            TraditionalProfile::S2t => BuiltinConfig::S2t,
            TraditionalProfile::S2tw => BuiltinConfig::S2tw,
            TraditionalProfile::S2hk => BuiltinConfig::S2hk,
            TraditionalProfile::S2twp => BuiltinConfig::S2twp,
        }
    }

    pub fn name(self) -> &'static str {
        match self {
            TraditionalProfile::S2t => "s2t",
            TraditionalProfile::S2tw => "s2tw",
            TraditionalProfile::S2hk => "s2hk",
            TraditionalProfile::S2twp => "s2twp",
        }
    }
}

/// Converts text to either script. Built once per build and shared by all threads: the
/// dictionaries take milliseconds to load and the converter is `Send + Sync`.
#[derive(Clone)]
pub struct Converter {
    to_hans: Arc<Engine>,
    to_hant: Arc<Engine>,
    profile: TraditionalProfile,
}

struct Engine {
    opencc: OpenCC,
    overrides: dictionary::Overrides,
}

impl Engine {
    fn convert(&self, text: &str) -> String {
        self.overrides.apply(text, |segment, out| {
            out.push_str(&self.opencc.convert(segment))
        })
    }
}

impl Converter {
    pub fn new(profile: TraditionalProfile, dictionary: &SiteDictionary) -> anyhow::Result<Self> {
        let to_hans = OpenCC::from_config(BuiltinConfig::T2s)?;
        let to_hant = OpenCC::from_config(profile.builtin())?;
        Ok(Converter {
            to_hans: Arc::new(Engine {
                opencc: to_hans,
                overrides: dictionary.overrides(Script::Hans),
            }),
            to_hant: Arc::new(Engine {
                opencc: to_hant,
                overrides: dictionary.overrides(Script::Hant),
            }),
            profile,
        })
    }

    pub fn profile(&self) -> TraditionalProfile {
        self.profile
    }

    /// `text` in `script`, whatever script it was written in.
    pub fn convert(&self, script: Script, text: &str) -> String {
        if text.is_ascii() {
            return text.to_string();
        }
        match script {
            Script::Hans => self.to_hans.convert(text),
            Script::Hant => self.to_hant.convert(text),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn converter() -> Converter {
        Converter::new(TraditionalProfile::S2t, &SiteDictionary::default()).unwrap()
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

    #[test]
    fn taiwan_phrase_profile_is_selectable_and_rewrites_vocabulary() {
        let c = Converter::new(TraditionalProfile::S2twp, &SiteDictionary::default()).unwrap();
        assert_eq!(c.convert(Script::Hant, "信息"), "資訊");
        assert_eq!(c.convert(Script::Hant, "优化"), "最佳化");
        let hk = Converter::new(TraditionalProfile::S2hk, &SiteDictionary::default()).unwrap();
        assert_eq!(hk.profile().name(), "s2hk");
    }
}
