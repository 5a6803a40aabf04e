use super::read::{parse, parse_text};
use super::*;
use crate::script::TraditionalProfile;
use std::sync::OnceLock;

fn converter() -> &'static Converter {
    static CONVERTER: OnceLock<Converter> = OnceLock::new();
    CONVERTER.get_or_init(|| Converter::new(TraditionalProfile::default(), &Default::default()))
}

/// The default theme's labels, for tests of what they show.
pub(crate) fn default_labels() -> &'static Labels {
    static LABELS: OnceLock<Labels> = OnceLock::new();
    LABELS.get_or_init(|| {
        load(
            Path::new(env!("CARGO_MANIFEST_DIR")),
            "default",
            converter(),
        )
        .expect("the default theme's labels load")
    })
}

fn default_text() -> String {
    std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("themes/default/i18n/zh-Hans.toml"),
    )
    .unwrap()
}

/// A site with the default theme's templates and labels, and `files` of its own.
fn site(files: &[(&str, &str)]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let theme = dir.path().join("themes/default/i18n");
    std::fs::create_dir_all(&theme).unwrap();
    std::fs::write(theme.join(FILE), default_text()).unwrap();
    for (path, text) in files {
        let path = dir.path().join(path);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, text).unwrap();
    }
    dir
}

fn errors(dir: &tempfile::TempDir) -> Vec<String> {
    load(dir.path(), "default", converter())
        .unwrap_err()
        .iter()
        .map(|d| d.to_string())
        .collect()
}

#[test]
fn every_key_is_in_the_default_theme() {
    let text = default_text();
    let (file, problems) = parse(Path::new("zh-Hans.toml"), &text, converter()).unwrap();
    assert!(problems.is_empty(), "{problems:?}");
    for key in Key::ALL {
        assert!(file.texts.contains_key(key), "{} is missing", key.name());
    }
    assert!(file.standard_levels.is_some());
    // And the default theme is what `init` writes.
    assert_eq!(
        crate::theme::default_theme_file("i18n/zh-Hans.toml"),
        Some(text.as_str())
    );
}

#[test]
fn labels_fill_their_placeholders() {
    let labels = default_labels();
    assert_eq!(labels.nav_home(), "首页");
    assert_eq!(
        labels.indicator_summary_baseline(2015, "93.2%"),
        "基线：2015年93.2%；"
    );
    let date = PartialDate::parse("2021-10-04").unwrap();
    assert_eq!(labels.date(&date), "2021年10月4日");
    assert_eq!(labels.date(&PartialDate::parse("2021").unwrap()), "2021年");
    assert_eq!(labels.status_label(Status::OnTrack), "按期推进");
    assert_eq!(labels.script_name(Script::Hant), "繁體中文");
    assert_eq!(labels.standard_levels()[0], "国际");
    let value = labels.for_templates();
    assert_eq!(value["nav_home"], "首页");
    assert_eq!(value["date_year"], "{year}年");
    assert_eq!(value["standard_levels"][1], "国家");
}

#[test]
fn braces_are_doubled_and_placeholders_may_repeat() {
    let text = parse_text(Key::chart_value, "{label}{{{value}}}{label}").unwrap();
    let labels = Labels {
        texts: Key::ALL
            .iter()
            .map(|k| {
                if *k == Key::chart_value {
                    text.clone()
                } else {
                    default_labels().texts[*k as usize].clone()
                }
            })
            .collect(),
        ..default_labels().clone()
    };
    assert_eq!(labels.chart_value("a", 1), "a{1}a");
    let plain = parse_text(Key::nav_home, "{{首页}}").unwrap();
    assert_eq!(plain.plain, "{首页}");
    assert_eq!(plain.written, "{{首页}}");
}

#[test]
fn a_missing_key_is_an_error_at_the_theme_file() {
    let text = default_text().replace("nav_home = \"首页\"\n", "");
    let dir = site(&[("themes/default/i18n/zh-Hans.toml", &text)]);
    let errors = errors(&dir);
    assert_eq!(errors.len(), 1, "{errors:?}");
    let lines = text.lines().count();
    assert_eq!(
        errors[0],
        format!(
            "themes/default/i18n/zh-Hans.toml:{lines}: error: the label nav_home is missing\n  \
             help: add it to themes/default/i18n/zh-Hans.toml, e.g. nav_home = \"首页\" as in the default theme"
        )
    );
    // The site may supply it.
    let dir = site(&[
        ("themes/default/i18n/zh-Hans.toml", &text),
        ("i18n/zh-Hans.toml", "nav_home = \"主页\"\n"),
    ]);
    let labels = load(dir.path(), "default", converter()).unwrap();
    assert_eq!(labels.nav_home(), "主页");
}

#[test]
fn a_wrong_theme_label_is_reported_once_and_a_syntax_error_alone() {
    let text = default_text().replace("nav_home = \"首页\"", "nav_home = \"{home}\"");
    let dir = site(&[("themes/default/i18n/zh-Hans.toml", &text)]);
    let found = errors(&dir);
    assert_eq!(found.len(), 1, "{found:?}");
    assert!(found[0].contains("the label nav_home has no placeholder {home}"));
    let dir = site(&[(
        "i18n/zh-Hans.toml",
        "nav_home = \"首页\nnav_cities = \"城市\"\n",
    )]);
    let errors = errors(&dir);
    assert_eq!(errors.len(), 1, "{errors:?}");
    assert!(errors[0].starts_with("i18n/zh-Hans.toml:1:"), "{errors:?}");
}

#[test]
fn a_theme_without_labels_is_an_error() {
    let dir = site(&[]);
    std::fs::remove_file(dir.path().join("themes/default/i18n/zh-Hans.toml")).unwrap();
    let errors = errors(&dir);
    assert_eq!(errors.len(), 1, "{errors:?}");
    assert!(errors[0].starts_with("themes/default/i18n/zh-Hans.toml: error: the theme \"default\" has no labels file i18n/zh-Hans.toml"), "{errors:?}");
}

#[test]
fn an_unknown_key_is_an_error_with_its_line_and_the_nearest_key() {
    let dir = site(&[(
        "i18n/zh-Hans.toml",
        "# mine\nnav_home = \"主页\"\nnav_hom = \"主页\"\n",
    )]);
    assert_eq!(
        errors(&dir),
        [
            "i18n/zh-Hans.toml:3:1: error: there is no label named nav_hom\n  \
          help: did you mean nav_home? The keys are those of themes/default/i18n/zh-Hans.toml"
        ]
    );
    let dir = site(&[("i18n/zh-Hans.toml", "[nav]\nhome = \"主页\"\n")]);
    assert_eq!(
        errors(&dir),
        [
            "i18n/zh-Hans.toml:1:2: error: there is no label named nav\n  \
          help: use the keys of themes/default/i18n/zh-Hans.toml"
        ]
    );
}

#[test]
fn placeholders_must_be_the_keys_own_and_all_of_them() {
    let cases = [
        (
            "date_year = \"{yaer}年\"",
            "i18n/zh-Hans.toml:1:14: error: the label date_year has no placeholder {yaer}: it shows {year}\n  \
             help: date_year shows {year}; write {{ and }} for a brace",
        ),
        (
            "nav_home = \"{home}\"",
            "i18n/zh-Hans.toml:1:13: error: the label nav_home has no placeholder {home}\n  \
             help: nav_home has no placeholders; write {{ and }} for a brace",
        ),
        (
            "indicator_summary_baseline = \"基线:{year}年;\"",
            "i18n/zh-Hans.toml:1:30: error: the label indicator_summary_baseline does not show {value}\n  \
             help: indicator_summary_baseline must show {year} and {value}, e.g. indicator_summary_baseline = \"基线：{year}年{value}；\"",
        ),
        (
            "date_month = \"{year}年{month月\"",
            "i18n/zh-Hans.toml:1:22: error: the label date_month has a { that is not closed\n  \
             help: date_month shows {year} and {month}; write {{ and }} for a brace",
        ),
        (
            "nav_home = \"首页}\"",
            "i18n/zh-Hans.toml:1:15: error: the label nav_home has a } that closes nothing\n  \
             help: nav_home has no placeholders; write {{ and }} for a brace",
        ),
        (
            "nav_home = 1",
            "i18n/zh-Hans.toml:1:12: error: the label nav_home must be a string\n  \
             help: write nav_home = \"…\"",
        ),
        (
            "standard_levels = \"国家\"",
            "i18n/zh-Hans.toml:1:19: error: standard_levels must be a list of levels\n  \
             help: write standard_levels = [\"国际\", \"国家\", …]",
        ),
    ];
    for (line, want) in cases {
        let dir = site(&[("i18n/zh-Hans.toml", &format!("{line}\n"))]);
        assert_eq!(errors(&dir), [want], "{line}");
    }
}

#[test]
fn the_site_overrides_the_theme_key_by_key() {
    let dir = site(&[(
        "i18n/zh-Hans.toml",
        "nav_home = \"網站首頁\"\nstandard_levels = [\"国家\"]\nscript_name_hant = \"正體中文\"\n",
    )]);
    let labels = load(dir.path(), "default", converter()).unwrap();
    // Made Simplified like every source, except the names of the scripts.
    assert_eq!(labels.nav_home(), "网站首页");
    assert_eq!(labels.script_name_hant(), "正體中文");
    assert_eq!(labels.standard_levels(), ["国家"]);
    assert_eq!(labels.nav_cities(), "城市");
    assert_eq!(labels.for_templates()["nav_home"], "网站首页");
}

#[test]
fn a_traditional_labels_file_is_an_error_that_says_why() {
    let dir = site(&[("i18n/zh-Hant.toml", "nav_home = \"首頁\"\n")]);
    let errors = errors(&dir);
    assert_eq!(errors.len(), 1);
    assert!(
        errors[0].starts_with(
            "i18n/zh-Hant.toml: error: stdportal reads only i18n/zh-Hans.toml here, not zh-Hant.toml\n  \
             help: Traditional pages show the labels of zh-Hans.toml converted"
        ),
        "{errors:?}"
    );
}

#[cfg(unix)]
#[test]
fn a_labels_file_linked_from_outside_the_site_is_an_error() {
    let outside = tempfile::tempdir().unwrap();
    std::fs::write(outside.path().join(FILE), "nav_home = \"外面\"\n").unwrap();
    let dir = site(&[]);
    std::fs::create_dir_all(dir.path().join(DIR)).unwrap();
    std::os::unix::fs::symlink(outside.path().join(FILE), dir.path().join(DIR).join(FILE)).unwrap();
    let errors = errors(&dir);
    assert_eq!(errors.len(), 1, "{errors:?}");
    assert!(
        errors[0].starts_with("i18n/zh-Hans.toml: error: this link points outside the site"),
        "{errors:?}"
    );
}

#[test]
fn templates_may_name_only_labels() {
    let mut texts = BTreeMap::new();
    texts.insert(
        "base.html".to_string(),
        "<p>{{ labels.nav_home }}</p>\n<p>{{ config.labels.x }}{% for l in labels.standard_levels %}{% endfor %}\n{{ labels.nav_hme | upper }}</p>".to_string(),
    );
    let files = texts
        .keys()
        .map(|n| (n.clone(), PathBuf::from(format!("templates/{n}"))))
        .collect();
    let templates = Templates {
        tera: tera::Tera::default(),
        texts,
        files,
        script_neutral: false,
    };
    let errors: Vec<String> = check_templates(&templates)
        .iter()
        .map(|d| d.to_string())
        .collect();
    assert_eq!(
        errors,
        ["templates/base.html:3:4: error: the template base.html uses labels.nav_hme, which is not a label\n  \
          help: did you mean nav_home? The keys are those of themes/default/i18n/zh-Hans.toml"]
    );
}
