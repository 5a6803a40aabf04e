//! `config.toml`: the site's settings. Unknown keys are errors, so a typo never goes unnoticed.

use std::path::Path;

use serde::Deserialize;

use crate::date::PartialDate;
use crate::error::io_error;
use crate::error::Diagnostic;
use crate::mistakes::toml_diagnostic;
use crate::script::{Script, TraditionalProfile};
use crate::t;

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct Config {
    /// Site name, shown in every page's header and `<title>`.
    pub title: String,
    #[serde(default)]
    pub description: String,
    /// Public address of the site, with its sub-path if it has one: `https://example.gov.cn/bzh/`.
    pub base_url: String,
    /// The script published at the site root; the other one lives under `/zh-hant/` or `/zh-hans/`.
    #[serde(default)]
    pub default_script: Script,
    /// How Simplified text becomes Traditional: `s2tw` (the default: the character forms
    /// readers expect, 為 眾 啟 著, and no change of vocabulary), `s2t` (OpenCC's own forms: 爲 衆
    /// 啓 着), `s2hk` (Hong Kong forms) or `s2twp` (Taiwan phrases: rewrites 应用 as 套用, so not
    /// for mainland sites).
    #[serde(default)]
    pub traditional_profile: TraditionalProfile,
    /// How 发布 is written on Traditional pages, one form for the whole site: `"發佈"` (the
    /// default, OpenCC's usual form) or `"發布"`. OpenCC writes 發佈 in most phrases and 發布
    /// in some, so without one form a site showed both.
    #[serde(default)]
    pub traditional_publish: PublishForm,
    #[serde(default = "default_theme")]
    pub theme: String,
    /// Build the full-text search index (`search/data/`, one index for both scripts; see
    /// docs/SEARCH.md). `false` leaves the search page without results.
    #[serde(default = "yes")]
    pub search: bool,
    /// How many documents each page of a list shows (sections, topics, a city's documents,
    /// the catalogue's lists); a section's own `paginate_by` wins. 0 shows a list on one page.
    #[serde(default = "default_paginate_by")]
    pub paginate_by: usize,
    /// Raw HTML written in Markdown is dropped unless this is true.
    #[serde(default)]
    pub allow_raw_html: bool,
    #[serde(default)]
    pub footer: Footer,
    #[serde(default)]
    pub typography: Typography,
    /// The site's icon, a path under the site's root (a file of the theme's or the site's
    /// `static/`): every page links it with the base path, so the browser's request never
    /// 404s. The default theme ships `favicon.svg`.
    #[serde(default = "default_favicon")]
    pub favicon: String,
    /// "数据截至" on the dashboard and city pages: when the data was last brought up to date.
    /// Without it, the latest date of an observation or achievement is shown.
    #[serde(default)]
    pub data_as_of: Option<PartialDate>,
    /// Free-form settings for templates (`config.extra`).
    #[serde(default)]
    pub extra: toml::Table,
}

/// The one Traditional form of 发布 on a site (`traditional_publish`).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize)]
pub(crate) enum PublishForm {
    #[default]
    #[serde(rename = "發佈")]
    Fabu,
    #[serde(rename = "發布")]
    FabuCloth,
}

impl PublishForm {
    /// The form written, and the one it replaces.
    pub(crate) fn forms(self) -> (&'static str, &'static str) {
        match self {
            PublishForm::Fabu => ("發佈", "發布"),
            PublishForm::FabuCloth => ("發布", "發佈"),
        }
    }
}

/// What a Chinese government site shows at the foot of every page.
#[derive(Debug, Clone, Default, Deserialize, serde::Serialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct Footer {
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
    /// 地址: where the sponsor can be found.
    #[serde(default)]
    pub address: String,
    /// 版权所有 (copyright line).
    #[serde(default)]
    pub copyright: String,
    /// 党政机关网站标识: the mark issued with the site's registration, a file of `static/`.
    #[serde(default)]
    pub gov_mark: String,
    /// Where the mark leads: the registration's page (bszs.conac.cn …).
    #[serde(default)]
    pub gov_mark_url: String,
    /// 我为政府网站找错: the address of the national error-report form for this site.
    #[serde(default)]
    pub report_errors_url: String,
}

/// `[typography]`: how the text of Markdown pages is set.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct Typography {
    /// Half-width `, : ; ( ) ! ?` in Chinese text become the full-width marks of GB/T 15834
    /// (`content::markdown::punctuation`); on unless a site turns it off.
    #[serde(default = "yes")]
    pub punctuation: bool,
}

impl Default for Typography {
    fn default() -> Typography {
        Typography { punctuation: true }
    }
}

fn yes() -> bool {
    true
}

/// The default theme's page length: a page of 20 summaries is about 15 KB, a phone screen
/// shows 3–4 of them.
fn default_paginate_by() -> usize {
    20
}

fn default_favicon() -> String {
    "favicon.svg".to_string()
}

fn default_theme() -> String {
    "default".to_string()
}

impl Config {
    /// Reads and checks `config.toml` (at the root of the site: `path` names it as messages
    /// should show it).
    pub(crate) fn load(path: &Path) -> Result<Config, Diagnostic> {
        let unreadable = |e: &std::io::Error| {
            Diagnostic::new(path, t!("config-unreadable", error = io_error(e)))
                .hint(t!("config-unreadable-hint"))
        };
        if let Err(e) = std::fs::symlink_metadata(path) {
            return Err(unreadable(&e));
        }
        let root = match path.parent() {
            Some(parent) if !parent.as_os_str().is_empty() => parent,
            _ => Path::new("."),
        };
        let bytes = crate::read::source(root, path, crate::read::Kind::Settings)?;
        let text = String::from_utf8(bytes)
            .map_err(|_| unreadable(&std::io::ErrorKind::InvalidData.into()))?;
        Self::parse(path, &text)
    }

    pub(crate) fn parse(path: &Path, text: &str) -> Result<Config, Diagnostic> {
        let mut config: Config =
            toml::from_str(text).map_err(|e| toml_diagnostic(path, text, 1, &e))?;
        config.base_url = normalize_base_url(&config.base_url).map_err(|msg| {
            let line = text
                .lines()
                .position(|l| l.trim_start().starts_with("base_url"))
                .map_or(1, |i| i + 1);
            Diagnostic::new(path, msg)
                .at_line(line)
                .hint(t!("base-url-hint", example = BASE_URL_EXAMPLE))
        })?;
        if let Err(problem) = crate::output::path::check_segment(&config.theme) {
            let line = text
                .lines()
                .position(|l| l.trim_start().starts_with("theme"))
                .map_or(1, |i| i + 1);
            return Err(Diagnostic::new(
                path,
                t!("config-theme-bad", theme = &config.theme, problem = problem),
            )
            .at_line(line)
            .hint(t!("config-theme-bad-hint")));
        }
        if let Err(message) = check_favicon(&config.favicon) {
            let line = text
                .lines()
                .position(|l| l.trim_start().starts_with("favicon"))
                .map_or(1, |i| i + 1);
            return Err(Diagnostic::new(path, message)
                .at_line(line)
                .hint(t!("favicon-hint")));
        }
        let line_of = |key: &str| {
            text.lines()
                .position(|l| l.trim_start().starts_with(key))
                .map_or(1, |i| i + 1)
        };
        // The footer's links: to a register or the national error-report form, never a script.
        let footer = &config.footer;
        for (key, value) in [
            ("gov_mark_url", &footer.gov_mark_url),
            ("report_errors_url", &footer.report_errors_url),
        ] {
            if !value.is_empty() && !value.starts_with("https://") && !value.starts_with("http://")
            {
                return Err(Diagnostic::new(
                    path,
                    t!("footer-link-bad", key = key, value = value.as_str()),
                )
                .at_line(line_of(key))
                .hint(t!("footer-link-hint")));
            }
        }
        if !footer.gov_mark.is_empty() && check_favicon(&footer.gov_mark).is_err() {
            return Err(Diagnostic::new(
                path,
                t!("footer-mark-bad", value = footer.gov_mark.as_str()),
            )
            .at_line(line_of("gov_mark"))
            .hint(t!("footer-mark-hint")));
        }
        Ok(config)
    }

    /// The path part of `base_url`, always ending in `/`: `/` or `/bzh/` (percent-encoded, with
    /// no quote or angle bracket: see [`normalize_base_url`]).
    pub(crate) fn base_path(&self) -> &str {
        let after_scheme = self
            .base_url
            .split_once("://")
            .map_or(self.base_url.as_str(), |(_, rest)| rest);
        after_scheme.find('/').map_or("/", |i| &after_scheme[i..])
    }
}

/// The icon is linked as `{base_path}{favicon}` on every page: it must be a path inside the
/// site, not an address elsewhere (the portal loads nothing from other hosts) and not a way
/// out of the base path. The error is the message saying what is wrong.
fn check_favicon(favicon: &str) -> Result<(), String> {
    if favicon.is_empty() {
        return Err(t!("favicon-empty", favicon = favicon));
    }
    if favicon.contains(':') || favicon.starts_with('/') || favicon.contains('\\') {
        return Err(t!("favicon-not-inside", favicon = favicon));
    }
    if favicon
        .split('/')
        .any(|s| s.is_empty() || s == "." || s == "..")
    {
        return Err(t!("favicon-bad-folder", favicon = favicon));
    }
    if favicon
        .chars()
        .any(|c| c.is_whitespace() || c.is_control() || "\"'<>?#%".contains(c))
    {
        return Err(t!("favicon-bad-characters", favicon = favicon));
    }
    Ok(())
}

/// `--base-url` given on the command line, checked like `base_url` in `config.toml`.
pub(crate) fn base_url_option(text: &str) -> Result<String, Diagnostic> {
    normalize_base_url(text).map_err(|m| {
        Diagnostic::new("--base-url", m)
            .hint(t!("base-url-option-hint", example = BASE_URL_EXAMPLE))
    })
}

/// What to write, for messages about a bad `base_url`.
pub(crate) const BASE_URL_EXAMPLE: &str = "https://example.gov.cn/bzh/";

/// Checks a base URL and gives it in the form pages use: parsed by the WHATWG URL parser (what
/// browsers use) and serialised again, so quotes, angle brackets, spaces and non-ASCII characters
/// in the path are percent-encoded (and `'` too, which the parser leaves in paths), the host is
/// lower-case (and punycode), and the path ends with `/`. Only `http` and `https` URLs with a
/// host are accepted, without user name, password, query or fragment: the address is put in
/// every page, the feeds and the sitemap.
pub(crate) fn normalize_base_url(text: &str) -> Result<String, String> {
    let written = text.trim();
    if written.is_empty() {
        return Err(t!("base-url-empty", example = BASE_URL_EXAMPLE));
    }
    // The parser silently drops tabs and line breaks inside a URL and reads `https:a.cn` or
    // `https:///a.cn` as `https://a.cn/`: such text is a mistake, not an address.
    if written.chars().any(|c| c.is_whitespace() || c.is_control()) {
        return Err(t!(
            "base-url-spaces",
            url = written.escape_debug().to_string()
        ));
    }
    let lower = written.to_ascii_lowercase();
    let Some(rest) = ["https://", "http://"]
        .iter()
        .find_map(|scheme| lower.strip_prefix(scheme))
    else {
        return Err(t!("base-url-scheme", url = written));
    };
    if rest.is_empty() || rest.starts_with(['/', '\\']) {
        return Err(t!("base-url-no-host", url = written));
    }
    let mut url = url::Url::parse(written)
        .map_err(|e| t!("base-url-invalid", url = written, error = e.to_string()))?;
    if !matches!(url.scheme(), "http" | "https") || url.host().is_none() {
        return Err(t!("base-url-no-host", url = written));
    }
    if !url.username().is_empty() || url.password().is_some() {
        return Err(t!("base-url-user", url = written));
    }
    if url.query().is_some() || url.fragment().is_some() {
        return Err(t!("base-url-query", url = written));
    }
    if url.path().contains("//") {
        // Links are written as the path plus the page's path: `//…` would lead to another host.
        return Err(t!("base-url-empty-folder", url = written));
    }
    let mut path = url.path().replace('\'', "%27");
    if !path.ends_with('/') {
        path.push('/');
    }
    url.set_path(&path);
    Ok(url.to_string())
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
    fn favicon_defaults_to_the_theme_s_and_stays_inside_the_site() {
        let site = "title = \"t\"\nbase_url = \"https://a.cn/\"\n";
        assert_eq!(parse(site).unwrap().favicon, "favicon.svg");
        let c = parse(&format!("{site}favicon = \"images/icon.ico\"\n")).unwrap();
        assert_eq!(c.favicon, "images/icon.ico");
        for bad in [
            "",
            "https://cdn.a.cn/i.ico",
            "/i.ico",
            "../i.ico",
            "a//i.ico",
            "a b.ico",
        ] {
            let err = parse(&format!("{site}favicon = \"{bad}\"\n")).unwrap_err();
            assert_eq!(err.line, Some(3), "{bad}: {err}");
        }
    }

    #[test]
    fn data_as_of_is_a_checked_date() {
        let site = "title = \"t\"\nbase_url = \"https://a.cn/\"\n";
        let c = parse(&format!("{site}data_as_of = 2021-10-12\n")).unwrap();
        assert_eq!(
            c.data_as_of.map(|d| d.to_string()).as_deref(),
            Some("2021-10-12")
        );
        assert!(parse(&format!("{site}data_as_of = \"2021-13\"\n")).is_err());
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
    fn base_url_is_parsed_and_serialised() {
        let ok = |text: &str| normalize_base_url(text).unwrap();
        assert_eq!(ok("https://example.gov.cn"), "https://example.gov.cn/");
        assert_eq!(
            ok(" HTTPS://Example.GOV.cn/bzh "),
            "https://example.gov.cn/bzh/"
        );
        assert_eq!(ok("http://127.0.0.1:1111"), "http://127.0.0.1:1111/");
        assert_eq!(ok("http://[::1]:8080/a/"), "http://[::1]:8080/a/");
        assert_eq!(
            ok("https://标准.中国/门户/"),
            "https://xn--q8q655c.xn--fiqs8s/%E9%97%A8%E6%88%B7/"
        );
        assert_eq!(ok("https://a.cn/x/../y/./"), "https://a.cn/y/");
        // Markup characters come out percent-encoded, never as they were written.
        assert_eq!(
            ok("https://a.cn/\"><svg/onload=alert(1)>"),
            "https://a.cn/%22%3E%3Csvg/onload=alert(1)%3E/"
        );
        assert_eq!(
            ok("https://a.cn/x'onmouseover='alert(1)"),
            "https://a.cn/x%27onmouseover=%27alert(1)/"
        );
        assert_eq!(ok("https://a.cn/<script>/"), "https://a.cn/%3Cscript%3E/");
        for url in [
            "https://a.cn/\"><svg/onload=alert(1)>",
            "https://a.cn/x'y`z{}",
            "https://a.cn/%22/",
        ] {
            let out = ok(url);
            assert!(!out.contains(['"', '\'', '<', '>', '`', ' ']), "{out}");
        }
    }

    #[test]
    fn base_url_that_is_not_a_site_address_is_refused() {
        let bad = [
            ("", "empty"),
            ("example.gov.cn", "must start with http"),
            ("javascript:alert(1)//", "must start with http"),
            ("data:text/html,<script>", "must start with http"),
            ("ftp://a.cn/", "must start with http"),
            ("file:///etc/", "must start with http"),
            ("https://", "no host"),
            ("https:///a.cn/", "no host"),
            ("https:a.cn", "must start with http"),
            ("https://user:pw@a.cn/", "user name or password"),
            ("https://user@a.cn/", "user name or password"),
            ("https://a.cn/?x=1", "'?' or '#'"),
            ("https://a.cn/?", "'?' or '#'"),
            ("https://a.cn/#top", "'?' or '#'"),
            ("https://a.cn/a b/", "spaces"),
            ("https://a.cn/a\tb/", "spaces"),
            ("https://a.cn/a\nb/", "spaces"),
            ("https://a.cn//evil.cn/", "empty folder"),
            ("https://a b.cn/", "spaces"),
            ("https://a.cn:99999/", "not a valid address"),
            ("https://[::1/", "not a valid address"),
        ];
        for (url, expected) in bad {
            let err = normalize_base_url(url).unwrap_err();
            assert!(err.contains(expected), "{url:?}: {err}");
        }
    }

    #[test]
    fn bad_base_url_is_reported_on_its_line() {
        let err = parse("title = \"t\"\nbase_url = \"example.gov.cn\"\n").unwrap_err();
        assert_eq!(err.line, Some(2));
        let err =
            parse("title = \"t\"\n\nbase_url = \"https://a.cn/\\\"><svg/onload=alert(1)>?\"\n")
                .unwrap_err();
        assert_eq!(err.line, Some(3));
        assert!(err
            .hint
            .unwrap()
            .contains("base_url = \"https://example.gov.cn/bzh/\""));
    }
}
