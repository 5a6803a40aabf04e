//! What a bureau's documents need (issue 23): every front matter field by its Chinese name,
//! unknown fields answered with the names an editor can write, 索引号 and 来源 shown,
//! 已废止/已修改 documents with their notice, badges and links both ways, scheduled pages, and
//! `init`'s last words.

use crate::support::*;

/// A page with every field a document has, written with English names.
const ENGLISH: &str = r#"+++
title = "测试市标准化条例实施办法"
description = "实施办法的摘要。"
date = 2018-03-01
updated = 2018-04-01
city = "testcity"
kind = "policy"
issuer = "测试市人民政府"
written = 2018-02-20
doc_number = "测政发〔2018〕3号"
index_no = "11370900004-2018-00003"
published = 2018-03-01
topics = ["标准化"]
validity = "有效"
source = "测试市人民政府网站"
related = ["plan"]
references = ["《中华人民共和国标准化法》"]
authors = ["李明"]
weight = 3
aliases = ["/old/measures/"]
in_search_index = true
+++
正文。
"#;

/// The same page with every field written by its Chinese name, bare, as an editor types it
/// (one in Traditional).
const CHINESE: &str = r#"+++
标题 = "测试市标准化条例实施办法"
摘要 = "实施办法的摘要。"
日期 = 2018-03-01
更新日期 = 2018-04-01
城市 = "testcity"
类别 = "政策原文"
發文機關 = "测试市人民政府"
成文日期 = 2018-02-20
发文字号 = "测政发〔2018〕3号"
索引号 = "11370900004-2018-00003"
发布日期 = 2018-03-01
主题分类 = ["标准化"]
有效性 = "有效"
来源 = "测试市人民政府网站"
相关文件 = ["plan"]
引用文件 = ["《中华人民共和国标准化法》"]
作者 = ["李明"]
顺序 = 3
旧地址 = ["/old/measures/"]
参与搜索 = true
+++
正文。
"#;

/// The document's part of its page: from the heading to the end of the article.
fn document(html: &str) -> &str {
    let start = html.find("<h1>").expect("a heading");
    let end = html.find("</article>").expect("an article");
    &html[start..end]
}

#[test]
fn every_field_is_taken_by_its_chinese_name_and_publishes_the_same() {
    let site = TestSite::basic();
    site.page("policies/measures.md", ENGLISH).built();
    let english = site.read("policies/measures/index.html");
    let english_hant = site.read("zh-hant/policies/measures/index.html");
    site.page("policies/measures.md", CHINESE).built();
    let chinese = site.read("policies/measures/index.html");
    assert_eq!(document(&chinese), document(&english));
    assert_eq!(
        document(&site.read("zh-hant/policies/measures/index.html")),
        document(&english_hant)
    );
    // 索引号 and 来源 are shown in the metadata block, as documented, in both scripts.
    for (html, index_no, source) in [
        (
            &chinese,
            "<dt>索引号</dt><dd>11370900004-2018-00003</dd>",
            "<dt>来源</dt><dd>测试市人民政府网站</dd>",
        ),
        (
            &english_hant,
            "<dt>索引號</dt><dd>11370900004-2018-00003</dd>",
            "<dt>來源</dt><dd>測試市人民政府網站</dd>",
        ),
    ] {
        assert!(html.contains(index_no), "{html}");
        assert!(html.contains(source), "{html}");
    }
    assert!(
        chinese.contains("<dt>成文日期</dt><dd><time datetime=\"2018-02-20\">2018年2月20日</time>")
    );
    assert!(chinese.contains("<dt>发文字号</dt><dd>测政发〔2018〕3号</dd>"));
    // The alias written by its Chinese name is published too.
    assert!(site.public().join("old/measures/index.html").is_file());
}

#[test]
fn a_section_takes_its_fields_by_their_chinese_names() {
    let site = TestSite::basic();
    site.page(
        "notices/_index.md",
        "+++\n标题 = \"通知公告\"\n排序方式 = \"title\"\n每页条数 = 1\n+++\n",
    )
    .page("notices/b.md", "+++\ntitle = \"乙\"\n+++\n")
    .page("notices/a.md", "+++\ntitle = \"甲\"\n+++\n")
    .built();
    let list = site.read("notices/index.html");
    assert!(list.contains("通知公告"), "{list}");
    // By title (乙 U+4E59 before 甲 U+7532), one a page.
    assert!(list.contains(">乙<") && !list.contains(">甲<"), "{list}");
    assert!(site.public().join("notices/page/2/index.html").is_file());
}

#[test]
fn an_unknown_field_lists_the_names_an_editor_can_write() {
    let site = TestSite::basic();
    site.built();
    site.page(
        "policies/notice.md",
        "+++\ntitle = \"关于开展标准化试点的通知\"\n主送单位 = \"各区县人民政府\"\n+++\n正文。\n",
    );
    let message = site.rejected_in(
        "zh-Hans",
        &["content/policies/notice.md:3:1: 错误：第 3 行第 1 列：前置信息里没有“主送单位”这一项"],
    );
    let hint = message
        .lines()
        .find_map(|l| l.trim().strip_prefix("提示：可以写的项："))
        .unwrap_or_else(|| panic!("a hint listing the names:\n{message}"));
    // Chinese first, each with its English name; no Zola field that would itself be refused.
    assert!(hint.starts_with("标题（title）、日期（date）、"), "{hint}");
    for refused in ["render", "path）"] {
        assert!(!hint.contains(refused), "{hint}");
    }
    // Every name listed is taken: the page above uses each of them but the Zola-only ones.
    let listed: Vec<&str> = hint
        .split('、')
        .map(|item| item.split('（').next().unwrap_or(item))
        .collect();
    let written: Vec<&str> = CHINESE
        .lines()
        .filter_map(|l| l.split_once(" = ").map(|(k, _)| k))
        .collect();
    for name in &written {
        let simplified = if *name == "發文機關" {
            "发文机关"
        } else {
            name
        };
        assert!(listed.contains(&simplified), "{name} is not listed: {hint}");
    }
    // In Traditional, the Traditional names; in English, the English names first.
    let hant = site.rejected_in("zh-Hant", &["前置資訊裡沒有“主送单位”這個項目"]);
    assert!(
        hant.contains("提示：可以寫的項目：標題（title）、日期（date）"),
        "{hant}"
    );
    let en = site.rejected_in("en", &["there is no field \"主送单位\" in front matter"]);
    assert!(
        en.contains("the fields are: title (标题), date (日期)"),
        "{en}"
    );
}

#[test]
fn a_misspelt_chinese_name_is_answered_with_the_nearest_one() {
    let site = TestSite::basic();
    site.page(
        "policies/notice.md",
        "+++\ntitle = \"通知\"\n发文字好 = \"测政发〔2018〕3号\"\n+++\n正文。\n",
    );
    site.rejected_in(
        "zh-Hans",
        &[
            "content/policies/notice.md:3:1: 错误：第 3 行第 1 列：前置信息里没有“发文字好”这一项",
            "提示：是不是“发文字号”？可以写的项：标题（title）",
        ],
    );
}

#[test]
fn a_field_written_twice_under_two_names_is_one_problem() {
    let site = TestSite::basic();
    site.page(
        "policies/notice.md",
        "+++\ntitle = \"通知\"\n标题 = \"通知\"\n+++\n正文。\n",
    );
    site.rejected_in(
        "zh-Hans",
        &[
            "content/policies/notice.md:3:1: 错误：第 3 行第 1 列：“标题”和“title”是同一项，写了两次",
            "提示：请只保留其中一行",
        ],
    );
}

#[test]
fn a_wrong_value_under_a_chinese_name_is_placed_at_its_column() {
    let site = TestSite::basic();
    site.page(
        "policies/notice.md",
        "+++\n标题 = \"通知\"\n  有效性 = \"作废\"\n+++\n正文。\n",
    );
    // The column is the editor's: the quotes added around 有效性 to read it do not count.
    site.rejected_in(
        "zh-Hans",
        &["content/policies/notice.md:3:9: 错误：第 3 行第 9 列：“作废”"],
    );
}

/// The basic fixture with a repealed plan replaced by a new one and amended by a decision.
fn lineage_site() -> TestSite {
    let site = TestSite::basic();
    site.page(
        "policies/old-plan.md",
        "+++\n标题 = \"测试市标准化发展规划（2012年版）\"\n日期 = 2012-05-01\n有效性 = \"已废止\"\n替代文件 = \"plan\"\n+++\n旧规划。\n",
    )
    .page(
        "policies/decision.md",
        "+++\ntitle = \"关于修改《测试市标准化发展规划》的决定\"\ndate = 2019-01-10\namends = [\"plan\"]\n+++\n修改。\n",
    );
    site
}

#[test]
fn a_repealed_document_says_so_and_links_to_what_replaced_it_both_ways() {
    let site = lineage_site();
    site.built();
    let old = site.read("policies/old-plan/index.html");
    assert!(
        old.contains("<p><strong>本文件已废止</strong>，现行文件：<a href=\"/policies/plan/\">测试市标准化发展规划</a>。</p>"),
        "{old}"
    );
    assert!(old.contains(
        "<dt>替代文件</dt><dd><a href=\"/policies/plan/\">测试市标准化发展规划</a></dd>"
    ));
    let plan = site.read("policies/plan/index.html");
    assert!(
        plan.contains("<dt>被替代文件</dt><dd><a href=\"/policies/old-plan/\">测试市标准化发展规划（2012年版）</a></dd>"),
        "{plan}"
    );
    assert!(plan.contains("<dt>修改文件</dt><dd><a href=\"/policies/decision/\">关于修改《测试市标准化发展规划》的决定</a></dd>"));
    // The amended plan (validity 有效 as written) says it was amended, above its text.
    assert!(
        plan.contains(
            "<p><strong>本文件已修改</strong>，修改文件：<a href=\"/policies/decision/\">"
        ),
        "{plan}"
    );
    let decision = site.read("policies/decision/index.html");
    assert!(decision.contains("<dt>被修改文件</dt><dd><a href=\"/policies/plan/\">"));
    assert!(
        !decision.contains("validity-notice"),
        "the decision is in force"
    );
    // In Traditional too, with the links to Traditional pages.
    let old_hant = site.read("zh-hant/policies/old-plan/index.html");
    assert!(
        old_hant.contains("<p><strong>本檔案已廢止</strong>")
            || old_hant.contains("<p><strong>本文件已廢止</strong>"),
        "{old_hant}"
    );
    assert!(old_hant.contains("href=\"/zh-hant/policies/plan/\""));
}

#[test]
fn a_repealed_document_has_a_badge_in_every_list() {
    let site = lineage_site();
    site.built();
    let badge = "<span class=\"tag validity-badge validity-repealed\">已废止</span>";
    for list in [
        "policies/index.html",
        "index.html",
        "validity/repealed/index.html",
        "archive/2012/index.html",
    ] {
        let html = site.read(list);
        assert_eq!(html.matches(badge).count(), 1, "{list}:\n{html}");
        assert!(
            !html.contains("validity-valid"),
            "{list}: no badge for 有效"
        );
    }
    assert!(site
        .read("zh-hant/policies/index.html")
        .contains("<span class=\"tag validity-badge validity-repealed\">已廢止</span>"));
}

#[test]
fn a_search_result_carries_the_validity_of_its_document() {
    let site = lineage_site().with_search();
    site.built();
    let data = site.public().join("search/data");
    let mut found = Vec::new();
    for dir in ["s", "t"] {
        for entry in std::fs::read_dir(data.join(dir)).unwrap() {
            let bytes = std::fs::read(entry.unwrap().path()).unwrap();
            let mut json = String::new();
            use std::io::Read;
            flate2::read::GzDecoder::new(&bytes[..])
                .read_to_string(&mut json)
                .unwrap();
            let fragment: serde_json::Value = serde_json::from_str(&json).unwrap();
            found.push((
                fragment["u"].as_str().unwrap().to_string(),
                fragment["v"].clone(),
            ));
        }
    }
    for (path, validity) in &found {
        match path.as_str() {
            "policies/old-plan/" => assert_eq!(validity, &serde_json::json!(2), "已废止"),
            _ => assert!(validity.is_null(), "{path}: {validity}"),
        }
    }
    assert!(found.iter().any(|(p, _)| p == "policies/old-plan/"));
    // The results page shows the badge from the label the page carries for each code.
    let script = std::fs::read_to_string(repo().join("themes/default/static/search.js")).unwrap();
    assert!(script.contains("label(\"validity\", f.v)"));
}

#[test]
fn a_document_naming_its_replacement_must_say_it_is_no_longer_in_force() {
    let site = TestSite::basic();
    site.built();
    site.page(
        "policies/old-plan.md",
        "+++\ntitle = \"旧规划\"\nvalidity = \"有效\"\n\nsuperseded_by = \"plan\"\n+++\n旧规划。\n",
    );
    site.rejected_in(
        "zh-Hans",
        &[
            "content/policies/old-plan.md:5: 错误：第 5 行：这个页面写了替代文件，却没有说明自己已经不再有效",
            "提示：请加上 有效性 = \"已废止\"（或 \"已失效\"）；如果文件仍然有效，请删掉替代文件这一项",
        ],
    );
    site.page(
        "policies/old-plan.md",
        "+++\ntitle = \"旧规划\"\nvalidity = \"已废止\"\nsuperseded_by = \"plann\"\n+++\n旧规划。\n",
    );
    site.rejected_in(
        "zh-Hans",
        &[
            "content/policies/old-plan.md:4: 错误：第 4 行：这里写的文件“plann”不存在",
            "提示：是不是“plan”？",
        ],
    );
}

/// A news page dated far in the future (the latest year a date may have).
const SCHEDULED: &str =
    "+++\ntitle = \"明年的工作安排\"\ndate = 2199-01-01\nkind = \"news\"\nrelated = [\"plan\"]\n+++\n安排。\n";

#[test]
fn a_page_dated_after_today_is_published_on_its_day_not_before() {
    let site = TestSite::basic();
    site.page("policies/next-year.md", SCHEDULED);
    // The plan names it as related: no problem, it is linked once it is published.
    site.edit("content/policies/plan.md", |t| {
        t.replace(
            "validity = \"有效\"",
            "validity = \"有效\"\nrelated = [\"next-year\"]",
        )
    });
    let output = site.run(&["--lang", "zh-Hans", "build", "--no-search"]);
    assert_success(&output);
    let said = stdout(&output);
    assert!(
        said.contains("1 个页面定时发布，到日期才会生成（要提前预览，请运行 stdportal serve --future）：\n  content/policies/next-year.md: 2199年1月1日发布\n"),
        "{said}"
    );
    assert!(!site.public().join("policies/next-year/index.html").exists());
    assert!(!site
        .public()
        .join("zh-hant/policies/next-year/index.html")
        .exists());
    for file in [
        "policies/index.html",
        "index.html",
        "atom.xml",
        "sitemap.xml",
        "policies/plan/index.html",
    ] {
        assert!(!site.read(file).contains("next-year"), "{file}");
    }
    // Nor is it in the search index.
    let site = site.with_search();
    site.built();
    let index = site.public().join("search");
    for entry in walkdir::WalkDir::new(&index) {
        let entry = entry.unwrap();
        if entry.file_type().is_file() {
            let bytes = std::fs::read(entry.path()).unwrap();
            let mut text = Vec::new();
            use std::io::Read;
            let _ = flate2::read::GzDecoder::new(&bytes[..]).read_to_end(&mut text);
            for found in [&bytes, &text] {
                let found = String::from_utf8_lossy(found);
                assert!(
                    !found.contains("next-year") && !found.contains("明年的工作安排"),
                    "{}",
                    entry.path().display()
                );
            }
        }
    }
    // --future previews it, linked both ways.
    assert_success(&site.build(&["--future"]));
    assert!(site
        .read("policies/next-year/index.html")
        .contains("明年的工作安排"));
    assert!(site
        .read("policies/plan/index.html")
        .contains("/policies/next-year/"));
}

#[test]
fn a_page_whose_document_is_published_later_waits_for_that_day_too() {
    let site = TestSite::basic();
    site.page(
        "policies/later.md",
        "+++\ntitle = \"以后发布的文件\"\ndate = 2020-01-01\npublished = \"2199-06\"\n+++\n正文。\n",
    )
    .built();
    assert!(!site.public().join("policies/later/index.html").exists());
}

#[test]
fn check_lists_what_is_scheduled_and_when() {
    let site = TestSite::basic();
    site.page("policies/next-year.md", SCHEDULED);
    let output = site.run(&["--lang", "zh-Hans", "check"]);
    assert_success(&output);
    assert!(
        stdout(&output).contains("  content/policies/next-year.md: 2199年1月1日发布"),
        "{}",
        stdout(&output)
    );
    let output = site.run(&["--message-format", "json", "check"]);
    let note = stdout(&output)
        .lines()
        .map(|l| serde_json::from_str::<serde_json::Value>(l).unwrap())
        .find(|e| e["event"] == "diagnostic" && e["id"] == "scheduled-page")
        .expect("a note for the scheduled page");
    assert_eq!(note["severity"], "note");
    assert_eq!(note["file"], "content/policies/next-year.md");
}

#[test]
fn init_ends_by_saying_how_to_preview_the_new_site() {
    let dir = tempfile::tempdir().unwrap();
    let target = dir.path().join("portal");
    let output = std::process::Command::new(stdportal_binary())
        .args(["--lang", "zh-Hans", "init"])
        .arg(&target)
        .output()
        .unwrap();
    assert_success(&output);
    let said = stdout(&output);
    let last: Vec<&str> = said.lines().rev().take(2).collect();
    assert_eq!(
        last[0],
        "然后在浏览器里打开 http://127.0.0.1:1111/（每次保存文件，页面会自动更新；这个端口被占用时，serve 会显示实际的地址）"
    );
    assert_eq!(
        last[1],
        format!("预览网站：  stdportal serve --root {}", target.display())
    );
    assert!(!said.contains("stdportal build"), "{said}");
}
