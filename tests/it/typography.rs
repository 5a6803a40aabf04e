//! The punctuation pass (`[typography] punctuation`): a golden page of what it changes and what
//! it must not, the switch in `config.toml`, what `stdportal check` reports, and its figures on
//! the example portal.

use crate::support::*;

/// One case per line of what changes and what must not.
const PAGE: &str = r#"+++
title = "标点测试"
+++
## 一、总体要求(试行)

标准是经济活动的技术支撑,是国家治理的基础性制度;只有高标准,才有高质量!是否达标?

基线:2015年93.2%;目标:97%。

共1,234项,其中1,234.5万元;10:30开会,比例为1:2。

下载数据(CSV),各县(市、区)人民政府,(1)加强标准化工作。

蚂蚁集团是阿里巴巴 (BABA.N) 旗下子公司 , 总部在杭州。

This is an English sentence, with a colon: and (parentheses)! Really?

“谁制定标准,谁就拥有话语权”;He said “yes”, then left.

命令`cargo build --release,-q`,然后**重新构建**,再看[标准,规划(全文)](https://example.org/a,b?c=1;d(2))和<https://example.org/x,y>,谢谢。

网址:https://example.org/a?b=1,下同。

```text
代码块,不变:(1)
```

| 指标(单位) | 目标 |
|---|---|
| 合格率(%) | 97,以上 |
"#;

/// The prose of a rendered page.
fn prose(page: &str) -> &str {
    let start = page
        .find("<div class=\"prose\">")
        .expect("the page has prose");
    let end = start + page[start..].find("</div>\n").expect("the prose ends");
    &page[start..end]
}

#[test]
fn punctuation_golden() {
    let site = TestSite::basic();
    site.page("policies/punctuation.md", PAGE).built();
    let mut settings = insta::Settings::clone_current();
    settings.set_snapshot_path(repo().join("tests/golden/typography"));
    settings.set_prepend_module_to_snapshot(false);
    settings.set_omit_expression(true);
    let hans = site.read("policies/punctuation/index.html");
    let hant = site.read("zh-hant/policies/punctuation/index.html");
    settings.bind(|| {
        insta::assert_snapshot!("punctuation-zh-hans", prose(&hans));
        insta::assert_snapshot!("punctuation-zh-hant", prose(&hant));
    });
    // What must not change, spelled out (the snapshot shows it too).
    for kept in [
        "1,234项",
        "1,234.5万元",
        "93.2%",
        "10:30开会",
        "比例为1:2",
        "阿里巴巴 (BABA.N) 旗下",
        "This is an English sentence, with a colon: and (parentheses)! Really?",
        "He said “yes”, then left.",
        "<code>cargo build --release,-q</code>",
        "href=\"https://example.org/a,b?c=1;d(2)\"",
        ">https://example.org/x,y</a>",
        "https://example.org/a?b=1,下同",
        "代码块,不变:(1)",
    ] {
        assert!(hans.contains(kept), "{kept} must stay as written");
    }
    // The table of contents and the heading's id: the id is the same with or without the pass.
    assert!(hans.contains("id=\"一-总体要求-试行\""));
    assert!(hans.contains("一、总体要求（试行）"));
}

#[test]
fn punctuation_can_be_turned_off() {
    let site = TestSite::basic();
    site.page("policies/punctuation.md", PAGE);
    site.config(
        "search = false\n",
        "search = false\n\n[typography]\npunctuation = false\n",
    );
    site.built();
    let hans = site.read("policies/punctuation/index.html");
    assert!(hans.contains(
        "标准是经济活动的技术支撑,是国家治理的基础性制度;只有高标准,才有高质量!是否达标?"
    ));
    assert!(!prose(&hans).contains('，'));
    // An unknown key is refused, as everywhere in config.toml.
    site.config("punctuation = false", "punctuation = false\nquotes = true");
    site.rejected(&["config.toml", "quotes"]);
}

#[test]
fn check_reports_what_the_pass_changes_with_file_and_line() {
    let site = TestSite::basic();
    site.page("policies/punctuation.md", PAGE);
    let output = site.run(&["check"]);
    assert_success(&output);
    let out = stdout(&output);
    assert!(
        out.contains("published full-width ([typography] punctuation = true)"),
        "{out}"
    );
    // The page's marks, each with its line: line 6 is the first paragraph.
    assert!(
        out.contains(
            "content/policies/punctuation.md:6: 动的技术支撑,是国家治理的 → 动的技术支撑，是国家治理的"
        ),
        "{out}"
    );
    assert!(
        out.contains(
            "content/policies/punctuation.md:4: 一、总体要求(试行) → 一、总体要求（试行）"
        ),
        "{out}"
    );
    let per_file = out
        .lines()
        .find(|l| {
            l.trim_start()
                .starts_with("content/policies/punctuation.md: ")
                && l.ends_with(" marks")
        })
        .expect("a count for the file");
    let listed = out
        .lines()
        .filter(|l| {
            l.trim_start()
                .starts_with("content/policies/punctuation.md:")
                && l.contains('→')
        })
        .count();
    assert_eq!(
        per_file.trim(),
        format!("content/policies/punctuation.md: {listed} marks")
    );
    assert!(listed >= 20, "{listed}");
    // Nothing listed in code, numbers or addresses.
    for line in out.lines().filter(|l| l.contains('→')) {
        for kept in [
            "1,234",
            "10:30",
            "1:2",
            "代码块",
            "cargo",
            "example.org",
            "BABA",
        ] {
            let (before, after) = line.split_once(" → ").unwrap();
            if before.contains(kept) {
                assert!(after.contains(kept), "{line}");
            }
        }
    }
    assert!(
        out.contains("half-width punctuation marks in Chinese text"),
        "{out}"
    );

    // With the pass off, the same list says what turning it on would do.
    site.config(
        "search = false\n",
        "search = false\n\n[typography]\npunctuation = false\n",
    );
    let out = stdout(&site.run(&["check"]));
    assert!(out.contains("would make these marks full-width"), "{out}");
    assert!(out.contains("content/policies/punctuation.md:6:"), "{out}");
}

/// The figures for the issue: the example portal's scraped sources had 1255 half-width marks
/// in Chinese text, which the pass set full-width; they were then written back full-width
/// (with the pass itself), so an editor opening them sees correct Chinese and `check` has
/// nothing left to change. No full-width mark sits in a number (a digit on both sides).
#[test]
fn example_portal_punctuation_figures() {
    let site = TestSite::example_portal();
    let output = site.run(&["check"]);
    assert_success(&output);
    let out = stdout(&output);
    let fixes: Vec<&str> = out.lines().filter(|l| l.contains(" → ")).collect();
    assert!(fixes.is_empty(), "{}", fixes.join("\n"));
    assert!(out.contains(" 0 half-width punctuation marks"), "{out}");
    site.built();
    // No full-width mark between two digits in the text of any document (charts and the
    // theme write "2017：1000项" of their own accord).
    let mut documents = 0;
    for entry in walkdir::WalkDir::new(site.public()).into_iter().flatten() {
        if entry.path().extension().is_some_and(|e| e == "html") {
            let page = std::fs::read_to_string(entry.path()).unwrap();
            if !page.contains("<div class=\"prose\">") {
                continue;
            }
            documents += 1;
            let chars: Vec<char> = prose(&page).chars().collect();
            for w in chars.windows(3) {
                assert!(
                    !(w[0].is_ascii_digit() && "，：；".contains(w[1]) && w[2].is_ascii_digit()),
                    "{}{}{} in {}",
                    w[0],
                    w[1],
                    w[2],
                    entry.path().display()
                );
            }
        }
    }
    assert!(documents >= 14, "{documents} documents");
}

/// 文号, dates and figures with their units are kept whole at line ends in the prose, as in the
/// tables; code, addresses, alt text and heading ids stay as written.
#[test]
fn document_numbers_dates_and_figures_stay_whole_in_prose() {
    let site = TestSite::basic();
    site.page(
        "policies/whole.md",
        "+++\ntitle = \"不断行\"\n+++\n## 二、2021年10月工作\n\n\
         根据《通知》（泰政发〔2014〕35号），2021年10月14日起合格率达到97%，共432项、1910万元。\n\n\
         命令`echo 97%`，见[2021年10月14日的通知](https://example.org/2021年10月14日/97%25)。\n\n\
         ![合格率97%](/favicon.svg)\n\n\
         ```text\n国办发〔2017〕47号 97%\n```\n",
    );
    site.built();
    let hans = site.read("policies/whole/index.html");
    let hant = site.read("zh-hant/policies/whole/index.html");
    let whole = |s: &str| format!("<span class=\"nowrap\">{s}</span>");
    for kept in [
        "泰政发〔2014〕35号",
        "2021年10月14日",
        "97%",
        "432项",
        "1910万元",
    ] {
        assert!(
            prose(&hans).contains(&whole(kept)),
            "{kept}: {}",
            prose(&hans)
        );
    }
    assert!(prose(&hant).contains(&whole("432項")), "{}", prose(&hant));
    // The link's text is kept whole, its address as written.
    assert!(hans.contains(&format!(">{}的通知</a>", whole("2021年10月14日"))));
    assert!(
        hans.contains("href=\"https://example.org/2021%E5%B9%B410%E6%9C%8814%E6%97%A5/97%25\"")
            || hans.contains("href=\"https://example.org/2021年10月14日/97%25\"")
    );
    // Code, alt text and the heading's id as written.
    assert!(hans.contains("<code>echo 97%</code>"), "{hans}");
    assert!(hans.contains("alt=\"合格率97%\""), "{hans}");
    assert!(hans.contains("国办发〔2017〕47号 97%"), "{hans}");
    assert!(hans.contains("id=\"二-2021年10月工作\""), "{hans}");
    assert!(!hans.contains("nowrap\">国办发"), "{hans}");
}
