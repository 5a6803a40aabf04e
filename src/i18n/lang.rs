//! Which language the command speaks: `--lang`, then `STDPORTAL_LANG`, then the locale
//! (`LC_ALL`, `LC_MESSAGES`, `LANG`, the first one set and not empty, as POSIX orders them).
//!
//! The editors are Chinese: a Chinese locale, and also no locale at all or `C`/`POSIX` (what a
//! bare server or a Windows terminal often has), gives Chinese; Taiwan, Hong Kong and Macau
//! give Traditional; any other language gives English.

use std::fmt;
use std::str::FromStr;

/// A language of the message catalogues.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Lang {
    /// Simplified Chinese (`zh-Hans`).
    ZhHans,
    /// Traditional Chinese (`zh-Hant`), Taiwan's vocabulary (資料夾, 檔案).
    ZhHant,
    /// English (`en`).
    En,
}

impl Lang {
    /// Every language of the catalogues.
    pub const ALL: [Lang; 3] = [Lang::ZhHans, Lang::ZhHant, Lang::En];

    /// The BCP 47 tag, which is also the catalogue's folder name (`locales/zh-Hans/`).
    pub fn tag(self) -> &'static str {
        match self {
            Lang::ZhHans => "zh-Hans",
            Lang::ZhHant => "zh-Hant",
            Lang::En => "en",
        }
    }

    /// The language a POSIX locale value names (`zh_CN.UTF-8`, `zh_TW`, `en_US.UTF-8`, `C`).
    /// `None` for an unset or empty value, so the next variable is asked.
    pub fn from_locale(value: &str) -> Option<Lang> {
        let value = value.trim();
        if value.is_empty() {
            return None;
        }
        // `zh_TW.UTF-8@euro` → `zh_tw`: language and territory are all that matter here.
        let name = value
            .split(['.', '@'])
            .next()
            .unwrap_or_default()
            .to_ascii_lowercase()
            .replace('-', "_");
        Some(match name.as_str() {
            "c" | "posix" | "" => Lang::ZhHans,
            _ if name == "zh" || name.starts_with("zh_") => {
                let traditional = ["zh_tw", "zh_hk", "zh_mo", "zh_hant"]
                    .iter()
                    .any(|t| name == *t || name.starts_with(&format!("{t}_")));
                if traditional {
                    Lang::ZhHant
                } else {
                    Lang::ZhHans
                }
            }
            _ => Lang::En,
        })
    }

    /// The language of this process's environment, as the command line would pick it without
    /// `--lang`: `STDPORTAL_LANG` (a tag or a locale), then the locale variables.
    pub fn from_env(var: impl Fn(&str) -> Option<String>) -> Lang {
        if let Some(lang) = var(OVERRIDE_VAR).and_then(|v| v.parse().ok()) {
            return lang;
        }
        ["LC_ALL", "LC_MESSAGES", "LANG"]
            .iter()
            .find_map(|name| var(name).and_then(|v| Lang::from_locale(&v)))
            // No locale at all: the editors this tool is for read Chinese.
            .unwrap_or(Lang::ZhHans)
    }
}

/// The environment variable that chooses the language over the locale.
pub const OVERRIDE_VAR: &str = "STDPORTAL_LANG";

impl FromStr for Lang {
    type Err = String;

    /// A tag (`zh-Hans`, `zh-Hant`, `en`, any case) or a locale value (`zh_TW.UTF-8`).
    fn from_str(s: &str) -> Result<Lang, String> {
        match s.trim().to_ascii_lowercase().as_str() {
            "zh-hans" => Ok(Lang::ZhHans),
            "zh-hant" => Ok(Lang::ZhHant),
            "en" => Ok(Lang::En),
            "" | "c" | "posix" => Err(s.to_string()),
            _ => Lang::from_locale(s).ok_or_else(|| s.to_string()),
        }
    }
}

impl fmt::Display for Lang {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.tag())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn env<'a>(pairs: &'a [(&'a str, &'a str)]) -> impl Fn(&str) -> Option<String> + 'a {
        move |name| {
            pairs
                .iter()
                .find(|(n, _)| *n == name)
                .map(|(_, v)| v.to_string())
        }
    }

    #[test]
    fn locales_choose_the_script_or_english() {
        for (locale, lang) in [
            ("zh_CN.UTF-8", Lang::ZhHans),
            ("zh_SG", Lang::ZhHans),
            ("zh", Lang::ZhHans),
            ("zh_TW.UTF-8", Lang::ZhHant),
            ("zh_HK.Big5HKSCS", Lang::ZhHant),
            ("zh_MO", Lang::ZhHant),
            ("C", Lang::ZhHans),
            ("C.UTF-8", Lang::ZhHans),
            ("POSIX", Lang::ZhHans),
            ("en_US.UTF-8", Lang::En),
            ("de_DE@euro", Lang::En),
            ("ja_JP.UTF-8", Lang::En),
        ] {
            assert_eq!(Lang::from_locale(locale), Some(lang), "{locale}");
        }
        assert_eq!(Lang::from_locale(""), None);
    }

    #[test]
    fn lc_all_then_lc_messages_then_lang_and_the_override_first() {
        assert_eq!(Lang::from_env(env(&[])), Lang::ZhHans);
        assert_eq!(Lang::from_env(env(&[("LANG", "en_GB.UTF-8")])), Lang::En);
        assert_eq!(
            Lang::from_env(env(&[("LANG", "en_GB.UTF-8"), ("LC_MESSAGES", "zh_TW")])),
            Lang::ZhHant
        );
        assert_eq!(
            Lang::from_env(env(&[
                ("LANG", "en_GB.UTF-8"),
                ("LC_MESSAGES", "zh_TW"),
                ("LC_ALL", "zh_CN.UTF-8")
            ])),
            Lang::ZhHans
        );
        // An empty LC_ALL is as good as unset.
        assert_eq!(
            Lang::from_env(env(&[("LC_ALL", ""), ("LANG", "en_US")])),
            Lang::En
        );
        assert_eq!(
            Lang::from_env(env(&[("LANG", "zh_CN.UTF-8"), (OVERRIDE_VAR, "en")])),
            Lang::En
        );
        // An override in another language gives English, as such a locale would.
        assert_eq!(
            Lang::from_env(env(&[("LANG", "zh_TW"), (OVERRIDE_VAR, "klingon")])),
            Lang::En
        );
    }

    #[test]
    fn tags_parse_in_any_case() {
        assert_eq!("zh-hant".parse(), Ok(Lang::ZhHant));
        assert_eq!("ZH-Hans".parse(), Ok(Lang::ZhHans));
        assert_eq!("en".parse(), Ok(Lang::En));
        assert_eq!("zh_TW.UTF-8".parse(), Ok(Lang::ZhHant));
        assert!("".parse::<Lang>().is_err());
    }
}
