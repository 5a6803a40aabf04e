//! The core build: both scripts, conversion, links, sub-paths, related documents, bad input.

mod common;

use common::*;

#[test]
fn every_page_is_published_in_both_scripts() {
    let site = fixture("basic");
    let root = site.path();
    assert_success(&build(root));
    for rel in [
        "index.html",
        "policies/index.html",
        "policies/plan/index.html",
        "interpretations/plan-interpretation/index.html",
        "cities/index.html",
        "cities/testcity/index.html",
        "cities/testcity/indicators/pass-rate/index.html",
        "dashboard/index.html",
        "topics/index.html",
        "topics/标准化/index.html",
        "404.html",
    ] {
        let hans = read(root, rel);
        let hant = read(root, &format!("zh-hant/{rel}"));
        assert!(hans.contains("<html lang=\"zh-Hans\">"), "{rel}");
        assert!(hant.contains("<html lang=\"zh-Hant\">"), "zh-hant/{rel}");
    }
}

#[test]
fn content_and_theme_text_are_converted_but_markup_is_not() {
    let site = fixture("basic");
    let root = site.path();
    assert_success(&build(root));
    let hant = read(root, "zh-hant/policies/plan/index.html");
    // Content, with OpenCC's phrase cases.
    for expected in [
        "標準化發展規劃",
        "皇后、幹部、頭髮、公里、餘額",
        "GB/T 37668-2019",
        "測政發〔2017〕1號",
    ] {
        assert!(hant.contains(expected), "missing {expected}");
    }
    // Theme strings, <title> and the meta description.
    assert!(hant.contains("跳到正文"));
    assert!(hant.contains("發佈機構"), "OpenCC writes 发布 as 發佈");
    assert!(hant.contains("<title>測試市標準化發展規劃 - 測試標準化門戶</title>"));
    assert!(
        hant.contains("<meta name=\"description\" content=\"規劃提出到2020年的標準化發展目標。\">")
    );
    // Markup and code stay as written: ids, URLs, code.
    assert!(
        hant.contains("id=\"一-发展目标\""),
        "heading ids are the same in both scripts"
    );
    assert!(hant.contains("href=\"/zh-hant/topics/标准化/\""));
    assert!(hant.contains("标准"), "code blocks are not converted");
    // A page written in Traditional appears in Simplified.
    let hans = read(root, "interpretations/plan-interpretation/index.html");
    assert!(
        hans.contains("规划提出了发展目标。这是一段用繁体字书写的解读,会被转换成简体。"),
        "{hans}"
    );
}

#[test]
fn language_links_and_alternates() {
    let site = fixture("basic");
    let root = site.path();
    assert_success(&build(root));
    let hans = read(root, "policies/plan/index.html");
    assert!(hans.contains("<link rel=\"alternate\" hreflang=\"zh-Hans\" href=\"https://example.gov.cn/policies/plan/\">"));
    assert!(hans.contains("<link rel=\"alternate\" hreflang=\"zh-Hant\" href=\"https://example.gov.cn/zh-hant/policies/plan/\">"));
    assert!(hans.contains("<link rel=\"alternate\" hreflang=\"x-default\" href=\"https://example.gov.cn/policies/plan/\">"));
    assert!(hans.contains("<a class=\"lang-switch\" href=\"/zh-hant/policies/plan/\" lang=\"zh-Hant\" hreflang=\"zh-Hant\">繁體中文</a>"));
    let hant = read(root, "zh-hant/policies/plan/index.html");
    assert!(hant.contains("<a class=\"lang-switch\" href=\"/policies/plan/\" lang=\"zh-Hans\" hreflang=\"zh-Hans\">简体中文</a>"));
    assert!(hant.contains(
        "<link rel=\"canonical\" href=\"https://example.gov.cn/zh-hant/policies/plan/\">"
    ));
}

#[test]
fn traditional_can_be_the_default_script() {
    let site = fixture("basic");
    let root = site.path();
    let config = std::fs::read_to_string(root.join("config.toml")).unwrap();
    std::fs::write(
        root.join("config.toml"),
        config.replace(
            "theme = \"default\"",
            "theme = \"default\"\ndefault_script = \"zh-Hant\"",
        ),
    )
    .unwrap();
    assert_success(&build(root));
    assert!(read(root, "index.html").contains("<html lang=\"zh-Hant\">"));
    assert!(read(root, "zh-hans/index.html").contains("<html lang=\"zh-Hans\">"));
}

#[test]
fn links_work_under_a_sub_path() {
    let site = fixture("basic");
    let root = site.path();
    assert_success(&stdportal(
        root,
        &["build", "--base-url", "https://example.gov.cn/bzh"],
    ));
    let html = read(root, "policies/plan/index.html");
    assert!(html.contains("href=\"/bzh/style.css\""));
    assert!(html.contains("href=\"/bzh/zh-hant/policies/plan/\""));
    assert!(html
        .contains("<link rel=\"canonical\" href=\"https://example.gov.cn/bzh/policies/plan/\">"));
    for href in html
        .split("href=\"")
        .skip(1)
        .map(|s| &s[..s.find('"').unwrap()])
    {
        assert!(
            href.starts_with("/bzh/")
                || href.starts_with("https://example.gov.cn/bzh/")
                || href.starts_with('#'),
            "a link escapes the sub-path: {href}"
        );
    }
}

#[test]
fn interpretation_and_policy_link_to_each_other() {
    let site = fixture("basic");
    let root = site.path();
    assert_success(&build(root));
    let policy = read(root, "policies/plan/index.html");
    assert!(policy.contains("href=\"/interpretations/plan-interpretation/\""));
    let interpretation = read(root, "interpretations/plan-interpretation/index.html");
    assert!(interpretation.contains("href=\"/policies/plan/\""));
}

#[test]
fn soft_breaks_between_chinese_lines_leave_no_space() {
    let site = fixture("basic");
    let root = site.path();
    assert_success(&build(root));
    let html = read(root, "policies/plan/index.html");
    assert!(html.contains("97%以上,主导或参与"), "{html}");
}

#[test]
fn drafts_are_built_only_when_asked() {
    let site = fixture("basic");
    let root = site.path();
    std::fs::write(
        root.join("content/policies/draft.md"),
        "+++\ntitle = \"草稿\"\ndraft = true\n+++\n草稿\n",
    )
    .unwrap();
    assert_success(&build(root));
    assert!(!root.join("public/policies/draft/index.html").exists());
    assert_success(&stdportal(root, &["build", "--drafts"]));
    assert!(root.join("public/policies/draft/index.html").exists());
}

#[test]
fn a_site_template_overrides_the_theme() {
    let site = fixture("basic");
    let root = site.path();
    std::fs::create_dir_all(root.join("templates")).unwrap();
    std::fs::write(
        root.join("templates/404.html"),
        "{% extends \"base.html\" %}{% block content %}<h1>自定义404</h1>{% endblock %}",
    )
    .unwrap();
    assert_success(&build(root));
    assert!(read(root, "404.html").contains("自定义404"));
    assert!(read(root, "zh-hant/404.html").contains("自定義404"));
}

#[test]
fn a_site_label_overrides_the_theme_in_both_scripts() {
    let site = fixture("basic");
    let root = site.path();
    std::fs::create_dir_all(root.join("i18n")).unwrap();
    std::fs::write(
        root.join("i18n/zh-Hans.toml"),
        "nav_home = \"网站首页\"\nindicator_summary_status = \"当前状态:{status}。\"\n",
    )
    .unwrap();
    assert_success(&build(root));
    for rel in ["index.html", "policies/plan/index.html", "404.html"] {
        let hans = read(root, rel);
        let hant = read(root, &format!("zh-hant/{rel}"));
        assert!(hans.contains(">网站首页</a>"), "{rel}");
        assert!(hant.contains(">網站首頁</a>"), "zh-hant/{rel}");
        assert!(!hans.contains(">首页</a>"), "{rel}");
    }
    let indicator = "cities/testcity/indicators/pass-rate/index.html";
    assert!(read(root, indicator).contains("当前状态:按期推进。"));
    assert!(read(root, &format!("zh-hant/{indicator}")).contains("當前狀態:按期推進。"));
    // The other labels are the theme's.
    assert!(read(root, "index.html").contains(">目标进展</a>"));
}

#[test]
fn a_bad_site_label_is_an_error_with_its_line() {
    assert_rejected(
        "basic",
        |root| {
            std::fs::create_dir_all(root.join("i18n")).unwrap();
            std::fs::write(
                root.join("i18n/zh-Hans.toml"),
                "nav_home = \"网站首页\"\ndate_year = \"{yr}年\"\n",
            )
            .unwrap();
        },
        &[
            "i18n/zh-Hans.toml:2:14: error: the label date_year has no placeholder {yr}",
            "help: date_year shows {year}",
        ],
    );
}

#[test]
fn a_missing_related_page_is_an_error_naming_the_file() {
    assert_rejected(
        "basic",
        |root| {
            let path = root.join("content/interpretations/plan-interpretation.md");
            let text = std::fs::read_to_string(&path).unwrap();
            std::fs::write(
                path,
                text.replace("related = [\"plan\"]", "related = [\"no-such-plan\"]"),
            )
            .unwrap();
        },
        &[
            "content/interpretations/plan-interpretation.md",
            "no-such-plan",
        ],
    );
}

#[test]
fn unterminated_front_matter_is_reported_and_public_kept() {
    assert_rejected(
        "basic",
        |root| {
            std::fs::write(
                root.join("content/policies/bad.md"),
                "+++\ntitle = \"坏\"\n正文\n",
            )
            .unwrap()
        },
        &["content/policies/bad.md:1:1", "not closed"],
    );
}

#[test]
fn invalid_toml_is_reported_with_line() {
    assert_rejected(
        "basic",
        |root| {
            std::fs::write(
                root.join("content/policies/bad.md"),
                "+++\ntitle = \"坏\"\ndate = 2017-13-45\n+++\n",
            )
            .unwrap()
        },
        &["content/policies/bad.md:3:"],
    );
}

#[test]
fn wrong_types_and_unknown_keys_are_reported_with_line() {
    assert_rejected(
        "basic",
        |root| {
            std::fs::write(
                root.join("content/policies/bad.md"),
                "+++\ntitle = \"坏\"\ndraft = \"否\"\n+++\n",
            )
            .unwrap();
            std::fs::write(
                root.join("content/policies/bad2.md"),
                "+++\ntitle = \"坏\"\n\nissuser = \"x\"\n+++\n",
            )
            .unwrap();
        },
        &[
            "content/policies/bad.md:3:",
            "content/policies/bad2.md:4:",
            "issuser",
            "2 problems",
        ],
    );
}

#[test]
fn invalid_utf8_is_reported_with_line() {
    assert_rejected(
        "basic",
        |root| {
            let mut bytes = "+++\ntitle = \"坏\"\n+++\n第一行\n".as_bytes().to_vec();
            bytes.extend_from_slice(&[0xC4, 0xE3, 0xBA, 0xC3]); // 你好 in GBK
            std::fs::write(root.join("content/policies/gbk.md"), bytes).unwrap();
        },
        &["content/policies/gbk.md:5:1", "UTF-8"],
    );
}

#[test]
fn unknown_config_key_is_reported_with_line() {
    assert_rejected(
        "basic",
        |root| {
            let config = std::fs::read_to_string(root.join("config.toml")).unwrap();
            std::fs::write(root.join("config.toml"), format!("{config}\n[extra]\n")).unwrap();
            let config = std::fs::read_to_string(root.join("config.toml")).unwrap();
            std::fs::write(
                root.join("config.toml"),
                config.replace(
                    "theme = \"default\"",
                    "theme = \"default\"\ndefualt_script = \"zh-Hant\"",
                ),
            )
            .unwrap();
        },
        &["config.toml:5:", "defualt_script"],
    );
}

#[test]
fn template_errors_name_the_template() {
    assert_rejected(
        "basic",
        |root| {
            std::fs::create_dir_all(root.join("templates")).unwrap();
            std::fs::write(
                root.join("templates/404.html"),
                "{% extends \"base.html\" %}{% block content %}{{ oops( }}{% endblock %}",
            )
            .unwrap();
        },
        &["templates/404.html"],
    );
}

#[test]
fn init_scaffolds_a_site_that_builds() {
    let dir = tempfile::tempdir().unwrap();
    let site = dir.path().join("mysite");
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_stdportal"))
        .arg("init")
        .arg(&site)
        .output()
        .unwrap();
    assert_success(&out);
    assert_success(&build(&site));
    let page = read(&site, "zh-hant/policies/example-plan/index.html");
    assert!(page.contains("示例市標準化發展規劃"));
    assert!(page.contains("中文之間的換行不會變成空格"), "{page}");
}

#[test]
fn a_search_index_is_built_for_each_script() {
    let site = fixture("basic");
    let root = site.path();
    assert_success(&build(root));
    let entry = read(root, "pagefind/pagefind-entry.json");
    let entry: serde_json::Value = serde_json::from_str(&entry).unwrap();
    let hans = entry["languages"]["zh-hans"]["page_count"]
        .as_u64()
        .unwrap();
    let hant = entry["languages"]["zh-hant"]["page_count"]
        .as_u64()
        .unwrap();
    assert_eq!(hans, hant, "both scripts index the same pages");
    // Two documents, one city and two indicators; lists are not indexed.
    assert_eq!(hans, 5, "{hans} pages indexed");
    assert!(root.join("public/pagefind/pagefind.js").exists());
    let search = read(root, "zh-hant/search/index.html");
    assert!(search.contains("<span id=\"search-msg-found\">找到 {n} 條結果。</span>"));
    assert!(
        !search.contains("data-pagefind-body"),
        "the search page itself is not indexed"
    );
}
