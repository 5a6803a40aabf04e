//! The core build: both scripts, conversion, links, sub-paths, related documents, drafts,
//! templates, `init`, the search index. (Its bad-input cases are in bad_input.rs.)

use crate::support::*;

#[test]
fn every_page_is_published_in_both_scripts() {
    let site = TestSite::basic();
    site.built();
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
        let hans = site.read(rel);
        let hant = site.read(&format!("zh-hant/{rel}"));
        assert!(hans.contains("<html lang=\"zh-Hans\">"), "{rel}");
        assert!(hant.contains("<html lang=\"zh-Hant\">"), "zh-hant/{rel}");
    }
}

#[test]
fn content_and_theme_text_are_converted_but_markup_is_not() {
    let site = TestSite::basic();
    site.built();
    let hant = site.read("zh-hant/policies/plan/index.html");
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
    assert!(hant.contains("發佈日期"), "OpenCC writes 发布 as 發佈");
    assert!(
        hant.contains("<dt>發文機關</dt>"),
        "a 公文 names its 发文机关"
    );
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
    let hans = site.read("interpretations/plan-interpretation/index.html");
    assert!(
        hans.contains("规划提出了发展目标。这是一段用繁体字书写的解读，会被转换成简体。"),
        "{hans}"
    );
}

#[test]
fn language_links_and_alternates() {
    let site = TestSite::basic();
    site.built();
    let hans = site.read("policies/plan/index.html");
    assert!(hans.contains("<link rel=\"alternate\" hreflang=\"zh-Hans\" href=\"https://example.gov.cn/policies/plan/\">"));
    assert!(hans.contains("<link rel=\"alternate\" hreflang=\"zh-Hant\" href=\"https://example.gov.cn/zh-hant/policies/plan/\">"));
    assert!(hans.contains("<link rel=\"alternate\" hreflang=\"x-default\" href=\"https://example.gov.cn/policies/plan/\">"));
    assert!(hans.contains("<a class=\"lang-switch\" href=\"/zh-hant/policies/plan/\" lang=\"zh-Hant\" hreflang=\"zh-Hant\">繁體中文</a>"));
    let hant = site.read("zh-hant/policies/plan/index.html");
    assert!(hant.contains("<a class=\"lang-switch\" href=\"/policies/plan/\" lang=\"zh-Hans\" hreflang=\"zh-Hans\">简体中文</a>"));
    assert!(hant.contains(
        "<link rel=\"canonical\" href=\"https://example.gov.cn/zh-hant/policies/plan/\">"
    ));
}

#[test]
fn traditional_can_be_the_default_script() {
    let site = TestSite::basic();
    site.config(
        "theme = \"default\"",
        "theme = \"default\"\ndefault_script = \"zh-Hant\"",
    );
    site.built();
    assert!(site.read("index.html").contains("<html lang=\"zh-Hant\">"));
    assert!(site
        .read("zh-hans/index.html")
        .contains("<html lang=\"zh-Hans\">"));
}

#[test]
fn links_work_under_a_sub_path() {
    let site = TestSite::basic();
    assert_success(&site.build(&["--base-url", "https://example.gov.cn/bzh"]));
    let html = site.read("policies/plan/index.html");
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
                || href.starts_with('#')
                // The footer's registration numbers lead to their registers.
                || href.starts_with("https://beian."),
            "a link escapes the sub-path: {href}"
        );
    }
}

#[test]
fn interpretation_and_policy_link_to_each_other() {
    let site = TestSite::basic();
    site.built();
    let policy = site.read("policies/plan/index.html");
    assert!(policy.contains("href=\"/interpretations/plan-interpretation/\""));
    let interpretation = site.read("interpretations/plan-interpretation/index.html");
    assert!(interpretation.contains("href=\"/policies/plan/\""));
}

#[test]
fn soft_breaks_between_chinese_lines_leave_no_space() {
    let site = TestSite::basic();
    site.built();
    let html = site.read("policies/plan/index.html");
    // (The figure is kept whole at a line end: 97% is in a nowrap span.)
    assert!(html.contains("97%</span>以上，主导或参与"), "{html}");
}

#[test]
fn drafts_are_built_only_when_asked() {
    let site = TestSite::basic();
    site.page(
        "policies/draft.md",
        "+++\ntitle = \"草稿\"\ndraft = true\n+++\n草稿\n",
    );
    site.built();
    assert!(!site.public().join("policies/draft/index.html").exists());
    assert!(site.public().join("policies/plan/index.html").exists());
    assert_success(&site.build(&["--drafts"]));
    assert!(site.public().join("policies/draft/index.html").exists());
}

#[test]
fn a_site_template_overrides_the_theme() {
    let site = TestSite::basic();
    site.file(
        "templates/404.html",
        "{% extends \"base.html\" %}{% block content %}<h1>自定义404</h1>{% endblock %}",
    );
    site.built();
    assert!(site.read("404.html").contains("自定义404"));
    assert!(site.read("zh-hant/404.html").contains("自定義404"));
}

#[test]
fn a_site_label_overrides_the_theme_in_both_scripts() {
    let site = TestSite::basic();
    site.file(
        "i18n/zh-Hans.toml",
        "nav_home = \"网站首页\"\nindicator_summary_status = \"当前状态:{status}。\"\n",
    );
    site.built();
    for rel in ["index.html", "policies/plan/index.html", "404.html"] {
        let hans = site.read(rel);
        let hant = site.read(&format!("zh-hant/{rel}"));
        assert!(hans.contains(">网站首页</a>"), "{rel}");
        assert!(hant.contains(">網站首頁</a>"), "zh-hant/{rel}");
        assert!(!hans.contains(">首页</a>"), "{rel}");
    }
    let indicator = "cities/testcity/indicators/pass-rate/index.html";
    assert!(site.read(indicator).contains("当前状态:按期推进。"));
    assert!(site
        .read(&format!("zh-hant/{indicator}"))
        .contains("當前狀態:按期推進。"));
    // The other labels are the theme's.
    assert!(site.read("index.html").contains(">目标进展</a>"));
}

#[test]
fn init_scaffolds_a_site_that_builds() {
    let dir = tempfile::tempdir().unwrap();
    let site = dir.path().join("mysite");
    let out = std::process::Command::new(stdportal_binary())
        .arg("init")
        .arg(&site)
        .output()
        .unwrap();
    assert_success(&out);
    let out = std::process::Command::new(stdportal_binary())
        .args(["build", "--no-search", "--root"])
        .arg(&site)
        .output()
        .unwrap();
    assert_success(&out);
    let page =
        std::fs::read_to_string(site.join("public/zh-hant/policies/example-plan/index.html"))
            .unwrap();
    assert!(page.contains("示例市標準化發展規劃"));
    assert!(page.contains("中文之間的換行不會變成空格"), "{page}");
    // The example data is a workbook with Chinese headers, and its figures are on the pages.
    assert!(site.join("data/数据.xlsx").is_file());
    assert!(!site.join("data/indicators.csv").exists());
    let indicator = std::fs::read_to_string(
        site.join("public/cities/example/indicators/local-standards/index.html"),
    )
    .unwrap();
    assert!(indicator.contains("地方标准"), "{indicator}");
    assert!(indicator.contains("16"), "{indicator}");
}

#[test]
fn one_search_index_serves_both_scripts() {
    let site = TestSite::basic().with_search();
    site.built();
    let dir = site.public().join(stdportal::search::INDEX_DIR);
    let read = |name: &str| std::fs::read(dir.join(name)).ok();
    let searcher = stdportal::search::query::Searcher::open(&read).unwrap();
    let filters = stdportal::search::query::Filters::default();
    let hans = searcher.all("标准化", false, &filters).unwrap();
    let hant = searcher.all("標準化", true, &filters).unwrap();
    let paths = |o: &stdportal::search::query::Outcome| {
        o.hits.iter().map(|h| h.path.clone()).collect::<Vec<_>>()
    };
    assert!(!hans.hits.is_empty());
    assert_eq!(paths(&hans), paths(&hant));
    // Titles in each script's own characters.
    assert!(
        hant.hits.iter().any(|h| h.title.contains("標準化")),
        "{:?}",
        hant.hits
    );
    assert!(
        hans.hits.iter().all(|h| !h.title.contains("標準")),
        "{:?}",
        hans.hits
    );
    // Every file but the entry is named by its contents.
    for entry in walkdir::WalkDir::new(&dir) {
        let entry = entry.unwrap();
        if entry.file_type().is_file() {
            let name = entry.file_name().to_string_lossy().into_owned();
            assert!(
                name == "entry.json" || name.split('.').nth(1).is_some_and(|h| h.len() == 8),
                "{name}"
            );
        }
    }
    let search = site.read("zh-hant/search/index.html");
    // The search page's own messages are converted with it (the sentence ends in its own span).
    assert!(search.contains("<span id=\"search-msg-found\">找到{n}條結果</span>"));
    assert!(
        !search.contains("data-search-body"),
        "the search page itself is not indexed"
    );
    // Every page has the search box in its header, sending the query to the search page.
    let page = site.read("zh-hant/policies/plan/index.html");
    assert!(
        page.contains("<form class=\"site-search\" role=\"search\""),
        "{page}"
    );
    assert!(page.contains("action=\"/zh-hant/search/\""), "{page}");
}
