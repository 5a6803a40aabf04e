//! `config.toml`: the site's settings. Unknown keys are errors, so a typo never goes unnoticed.

use std::path::Path;

use serde::Deserialize;

use crate::error::{toml_diagnostic, Diagnostic};
use crate::script::{Script, TraditionalProfile};

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Config {
    /// Site name, shown in every page's header and `<title>`.
    pub title: String,
    #[serde(default)]
    pub description: String,
    /// Public address of the site, with its sub-path if it has one: `https://example.gov.cn/bzh/`.
    pub base_url: String,
    /// The script published at the site root; the other one lives under `/zh-hant/` or `/zh-hans/`.
    #[serde(default)]
    pub default_script: Script,
    /// How Simplified text becomes Traditional: `s2t` (character level, the default), `s2tw`,
    /// `s2hk` or `s2twp` (Taiwan phrases: rewrites 应用 as 套用, so not for mainland sites).
    #[serde(default)]
    pub traditional_profile: TraditionalProfile,
    #[serde(default = "default_theme")]
    pub theme: String,
    /// Build a full-text search index (Pagefind) of both scripts. It is the slowest part of a
    /// build of thousands of pages; `false` leaves the search page without results.
    #[serde(default = "yes")]
    pub search: bool,
    /// Raw HTML written in Markdown is dropped unless this is true.
    #[serde(default)]
    pub allow_raw_html: bool,
    #[serde(default)]
    pub footer: Footer,
    /// Free-form settings for templates (`config.extra`).
    #[serde(default)]
    pub extra: toml::Table,
}

/// What a Chinese government site shows at the foot of every page.
#[derive(Debug, Clone, Default, Deserialize, serde::Serialize)]
#[serde(deny_unknown_fields)]
pub struct Footer {
    /// 主办单位
    #[serde(default)]
    pub sponsor: String,
    /// 承办单位
    #[serde(default)]
    pub organizer: String,
    /// 联系方式
    #[serde(default)]
    pub contact: String,
    /// 网站标识码
    #[serde(default)]
    pub site_code: String,
    /// ICP备案号
    #[serde(default)]
    pub icp: String,
    /// 公安备案号
    #[serde(default)]
    pub police_record: String,
}

fn yes() -> bool {
    true
}

fn default_theme() -> String {
    "default".to_string()
}

impl Config {
    /// Reads and checks `config.toml`.
    pub fn load(path: &Path) -> Result<Config, Diagnostic> {
        let text = std::fs::read_to_string(path).map_err(|e| {
            Diagnostic::new(path, format!("cannot read the site configuration: {e}"))
                .hint("run stdportal in the folder that holds config.toml, or pass --root DIR")
        })?;
        Self::parse(path, &text)
    }

    pub fn parse(path: &Path, text: &str) -> Result<Config, Diagnostic> {
        let mut config: Config =
            toml::from_str(text).map_err(|e| toml_diagnostic(path, text, 1, &e))?;
        config.base_url = normalize_base_url(&config.base_url).map_err(|msg| {
            let line = text
                .lines()
                .position(|l| l.trim_start().starts_with("base_url"))
                .map_or(1, |i| i + 1);
            Diagnostic::new(path, msg)
                .at_line(line)
                .hint("write it like base_url = \"https://example.gov.cn/bzh/\"")
        })?;
        if let Err(problem) = crate::output::path::check_segment(&config.theme) {
            let line = text
                .lines()
                .position(|l| l.trim_start().starts_with("theme"))
                .map_or(1, |i| i + 1);
            return Err(Diagnostic::new(
                path,
                format!(
                    "theme = \"{}\" is not the name of a folder in themes/: {problem}",
                    config.theme
                ),
            )
            .at_line(line)
            .hint("write the name of a folder in themes/, e.g. theme = \"default\""));
        }
        Ok(config)
    }

    /// The path part of `base_url`, always ending in `/`: `/` or `/bzh/`.
    pub fn base_path(&self) -> &str {
        let after_scheme = self
            .base_url
            .split_once("://")
            .map_or(self.base_url.as_str(), |(_, rest)| rest);
        after_scheme.find('/').map_or("/", |i| &after_scheme[i..])
    }
}

/// Checks a base URL and makes it end with a slash.
pub fn normalize_base_url(url: &str) -> Result<String, String> {
    let url = url.trim();
    let rest = url
        .strip_prefix("https://")
        .or_else(|| url.strip_prefix("http://"))
        .ok_or_else(|| format!("base_url \"{url}\" must start with http:// or https://"))?;
    if rest.is_empty() || rest.starts_with('/') {
        return Err(format!("base_url \"{url}\" has no host name"));
    }
    if url.contains(['?', '#', ' ']) {
        return Err(format!(
            "base_url \"{url}\" must not contain spaces, '?' or '#'"
        ));
    }
    let mut url = url.to_string();
    if !url.ends_with('/') {
        url.push('/');
    }
    Ok(url)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(text: &str) -> Result<Config, Diagnostic> {
        Config::parse(Path::new("config.toml"), text)
    }

    #[test]
    fn sub_path_is_kept_and_slash_added() {
        let c = parse("title = \"t\"\nbase_url = \"https://example.gov.cn/bzh\"\n").unwrap();
        assert_eq!(c.base_url, "https://example.gov.cn/bzh/");
        assert_eq!(c.base_path(), "/bzh/");
        let c = parse("title = \"t\"\nbase_url = \"http://127.0.0.1:1111\"\n").unwrap();
        assert_eq!(c.base_path(), "/");
    }

    #[test]
    fn unknown_key_names_key_and_line() {
        let err =
            parse("title = \"t\"\nbase_url = \"https://a.cn/\"\ntitel = \"x\"\n").unwrap_err();
        assert_eq!(err.line, Some(3));
        assert!(err.message.contains("titel"), "{}", err.message);
    }

    #[test]
    fn unknown_footer_key_is_an_error() {
        let err = parse("title = \"t\"\nbase_url = \"https://a.cn/\"\n[footer]\nicp_no = \"x\"\n")
            .unwrap_err();
        assert_eq!(err.line, Some(4));
    }

    #[test]
    fn bad_base_url_is_reported_on_its_line() {
        let err = parse("title = \"t\"\nbase_url = \"example.gov.cn\"\n").unwrap_err();
        assert_eq!(err.line, Some(2));
    }
}
