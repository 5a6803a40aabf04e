//! `stdportal check --gov`: each rule of the 全国政府网站普查 that a site can fail, on a site that
//! passes them all (`gov_site`) changed to fail one at a time, computed for a fixed day.

use crate::support::*;

/// The day the rules are computed for in these tests.
const DAY: &str = "2025-03-10";

/// The test site made to pass every rule on [`DAY`]: a news column updated five days before, a
/// column of documents two months before, the whole footer, the annual report of 2024 linked
/// from the home page.
fn gov_site() -> TestSite {
    let site = TestSite::basic();
    site.config(
        "police_record = \"测公网安备00000000000000号\"",
        "police_record = \"测公网安备00000000000000号\"\naddress = \"测试市人民路1号\"\ncopyright = \"版权所有：测试市市场监督管理局\"\ngov_mark = \"gov-mark.svg\"\ngov_mark_url = \"https://bszs.conac.cn/sitename?method=show&id=0000\"\nreport_errors_url = \"https://zfwzgl.www.gov.cn/exposure/jiucuo.html?site_code=0000000000\"",
    );
    site.file(
        "static/gov-mark.svg",
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"55\" height=\"68\"></svg>\n",
    );
    site.page(
        "_index.md",
        "+++\ntitle = \"首页\"\n+++\n\n[2024年政府网站工作年度报表](https://www.gov.cn/zfwzndbb/2024.html)\n",
    );
    site.page(
        "news/_index.md",
        "+++\ntitle = \"工作动态\"\nsort_by = \"date\"\n+++\n",
    );
    site.page(
        "news/meeting.md",
        "+++\ntitle = \"测试市召开标准化工作会议\"\ndate = 2025-03-05\nkind = \"news\"\nsource = \"测试市市场监督管理局\"\n+++\n\n会议部署了全年的标准化工作。\n",
    );
    site.page(
        "policies/notice.md",
        "+++\ntitle = \"关于开展标准化试点的通知\"\ndate = 2025-01-10\nkind = \"policy\"\nissuer = \"测试市市场监督管理局\"\n+++\n\n请各单位申报标准化试点。\n",
    );
    site.edit("content/interpretations/plan-interpretation.md", |t| {
        t.replace(
            "date = 2017-07-05",
            "date = 2025-02-01\nsource = \"测试市市场监督管理局\"",
        )
    });
    site
}

fn gov_check(site: &TestSite, day: &str) -> std::process::Output {
    site.run(&["--lang", "zh-Hans", "check", "--gov", "--date", day])
}

/// The findings of a failed `check --gov`: stderr, and exactly `count` errors in it.
fn findings(output: &std::process::Output, count: usize) -> String {
    assert_eq!(output.status.code(), Some(1), "{}", stderr(output));
    let err = stderr(output);
    assert_eq!(err.matches(": 错误：").count(), count, "{err}");
    err
}

#[test]
fn a_site_that_keeps_every_rule_passes_and_says_the_day() {
    let site = gov_site();
    let output = gov_check(&site, DAY);
    assert_success(&output);
    let out = stdout(&output);
    assert!(
        out.contains("政府网站普查规则按 2025-03-10 计算：全部合格。"),
        "{out}"
    );
    // Without --gov the rules are not applied (the basic site fails them).
    let plain = TestSite::basic().run(&["--lang", "zh-Hans", "check"]);
    assert_success(&plain);
    assert!(!stdout(&plain).contains("政府网站普查"));
}

#[test]
fn without_a_date_the_rules_are_computed_for_today() {
    let site = gov_site();
    let output = site.run(&["--lang", "zh-Hans", "check", "--gov"]);
    // Today is after the site's dates: it fails, and says the day it computed for.
    let china = chrono::Utc::now() + chrono::Duration::hours(8);
    let today = china.date_naive().to_string();
    let yesterday = (china - chrono::Duration::hours(1))
        .date_naive()
        .to_string();
    let out = stdout(&output);
    assert!(
        out.contains(&format!("政府网站普查规则按 {today} 计算"))
            || out.contains(&format!("政府网站普查规则按 {yesterday} 计算")),
        "{out}"
    );
    assert_eq!(output.status.code(), Some(1));
}

#[test]
fn a_home_page_and_a_news_column_not_updated_for_two_weeks_fail() {
    let site = gov_site();
    // 2025-03-05 + 14 days: still fresh; one day more is not.
    assert_success(&gov_check(&site, "2025-03-19"));
    let err = findings(&gov_check(&site, "2025-03-20"), 2);
    assert!(err.contains("content/_index.md: 错误：首页已有 15 天没有更新：全站最新的页面是 content/news/meeting.md（2025-03-05），超过了 2 周\n  提示：普查要求首页 2 周内有更新：发布新的文章；修改过的页面请在前置信息里写上 updated（更新日期）"), "{err}");
    assert!(err.contains("content/news/_index.md: 错误：动态类栏目“工作动态”已有 15 天没有更新（最新的是 content/news/meeting.md，2025-03-05），超过了 2 周"), "{err}");
    // An `updated` date counts as an update.
    site.edit("content/news/meeting.md", |t| {
        t.replace(
            "date = 2025-03-05",
            "date = 2025-03-05\nupdated = 2025-03-18",
        )
    });
    assert_success(&gov_check(&site, "2025-03-20"));
}

#[test]
fn a_column_of_documents_not_updated_for_six_months_fails() {
    let site = gov_site();
    site.edit("content/interpretations/plan-interpretation.md", |t| {
        t.replace("date = 2025-02-01", "date = 2024-09-09")
    });
    let err = findings(&gov_check(&site, DAY), 1);
    assert!(err.contains("content/interpretations/_index.md: 错误：通知公告、政策文件类栏目“政策解读”已有 182 天没有更新（最新的是 content/interpretations/plan-interpretation.md，2024-09-09），超过了 6 个月\n  提示：普查要求通知公告、政策文件类栏目 6 个月内更新"), "{err}");
    // Six months to the day is still in time.
    site.edit("content/interpretations/plan-interpretation.md", |t| {
        t.replace("date = 2024-09-09", "date = 2024-09-10")
    });
    assert_success(&gov_check(&site, DAY));
}

#[test]
fn an_empty_column_fails_and_so_does_one_whose_pages_came_later() {
    let site = gov_site();
    site.page("reports/_index.md", "+++\ntitle = \"统计报告\"\n+++\n");
    let err = findings(&gov_check(&site, DAY), 1);
    assert!(err.contains("content/reports/_index.md: 错误：栏目“统计报告”是空的：没有一个已发布的页面\n  提示：普查把空栏目算作不合格：在这个栏目的文件夹里加上页面，或者删除这个栏目"), "{err}");
    // Computed for a day before the news column's only page was published, that column was
    // empty then (and the home page older).
    site.remove("content/reports");
    let err = gov_check(&site, "2025-03-01");
    let err = stderr(&err);
    assert!(
        err.contains("content/news/_index.md: 错误：栏目“工作动态”是空的"),
        "{err}"
    );
}

#[test]
fn missing_footer_items_are_named_with_the_setting_to_write() {
    let site = gov_site();
    site.config("address = \"测试市人民路1号\"\n", "");
    site.config("site_code = \"0000000000\"", "site_code = \"示例站点\"");
    site.config(
        "gov_mark_url = \"https://bszs.conac.cn/sitename?method=show&id=0000\"\n",
        "",
    );
    let err = findings(&gov_check(&site, DAY), 3);
    assert!(err.contains("config.toml:8: 错误：第 8 行：页脚缺少地址：config.toml 的 [footer] 里没有写 address\n  提示：请在 config.toml 的 [footer] 里写上 address = \"…\""), "{err}");
    assert!(
        err.contains("网站标识码“示例站点”不是标识码：标识码是 10 位数字或字母"),
        "{err}"
    );
    assert!(
        err.contains("党政机关网站标识没有链接：config.toml 的 [footer] 里没有写 gov_mark_url"),
        "{err}"
    );
}

#[test]
fn a_footer_item_the_theme_does_not_show_is_found_on_the_home_page() {
    let site = gov_site();
    site.edit("themes/default/templates/base.html", |t| {
        t.replace(
            "{% if config.footer.copyright %}<p class=\"copyright\">{{ config.footer.copyright }}</p>{% endif %}",
            "",
        )
    });
    let err = findings(&gov_check(&site, DAY), 1);
    assert!(err.contains("config.toml:8: 错误：第 8 行：config.toml 里写了页脚的版权信息（copyright），但首页上没有显示\n  提示：网站用的主题的页脚没有显示 config.footer.copyright"), "{err}");
}

#[test]
fn pages_without_the_meta_tags_inspection_tools_read_are_named() {
    let site = gov_site();
    // A document without a date or a source: no PubDate, no ContentSource.
    site.page(
        "news/undated.md",
        "+++\ntitle = \"无日期的动态\"\nkind = \"news\"\n+++\n\n正文。\n",
    );
    let err = findings(&gov_check(&site, DAY), 2);
    assert!(err.contains("content/news/undated.md: 错误：1 个页面缺少 meta 标签 PubDate（发布时间）：content/news/undated.md\n  提示：请在这些页面的前置信息里写上 date（发布日期）"), "{err}");
    assert!(err.contains("content/news/undated.md: 错误：1 个页面缺少 meta 标签 ContentSource（文章来源）：content/news/undated.md\n  提示：请在这些页面的前置信息里写上 source（来源）或 issuer（发文机关）"), "{err}");
    // A theme without the site's tags: every page lacks them.
    site.remove("content/news/undated.md");
    site.edit("themes/default/templates/base.html", |t| {
        t.replace(
            "<meta name=\"SiteName\" content=\"{{ config.title }}\">",
            "",
        )
    });
    let err = findings(&gov_check(&site, DAY), 1);
    assert!(
        err.contains("个页面缺少 meta 标签 SiteName（网站名称）："),
        "{err}"
    );
    assert!(
        err.contains("提示：检查工具从这个标签读取网站名称：请在主题的模板里加上它（默认主题有）"),
        "{err}"
    );
}

#[test]
fn the_annual_report_is_linked_from_the_home_page_after_31_january() {
    let site = gov_site();
    site.page("_index.md", "+++\ntitle = \"首页\"\n+++\n\n欢迎访问。\n");
    let err = findings(&gov_check(&site, DAY), 1);
    assert!(err.contains("content/_index.md: 错误：首页没有链接到 2024 年的政府网站工作年度报表：按 2025-03-10 计算，1 月 31 日以后首页应当有它的链接\n  提示：请在首页（content/_index.md）加一个链接，链接文字写“2024年政府网站工作年度报表”，指向报表的页面或地址"), "{err}");
    // On 31 January it is not due yet (the rest of the site is fresh enough then too).
    let site_then = gov_site();
    site_then.page("_index.md", "+++\ntitle = \"首页\"\n+++\n\n欢迎访问。\n");
    site_then.edit("content/news/meeting.md", |t| {
        t.replace("date = 2025-03-05", "date = 2025-01-30")
    });
    site_then.edit("content/interpretations/plan-interpretation.md", |t| {
        t.replace("date = 2025-02-01", "date = 2025-01-20")
    });
    assert_success(&gov_check(&site_then, "2025-01-31"));
    // The report of an earlier year is not this year's.
    site.page(
        "_index.md",
        "+++\ntitle = \"首页\"\n+++\n\n[2023年政府网站工作年度报表](https://www.gov.cn/zfwzndbb/2023.html)\n",
    );
    findings(&gov_check(&site, DAY), 1);
}

#[test]
fn each_finding_is_an_event_with_its_id_and_the_day_is_in_gov_checked() {
    let site = gov_site();
    site.page("reports/_index.md", "+++\ntitle = \"统计报告\"\n+++\n");
    let output = site.run(&["--message-format", "json", "check", "--gov", "--date", DAY]);
    assert_eq!(output.status.code(), Some(1));
    let events: Vec<serde_json::Value> = stdout(&output)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    let errors: Vec<&serde_json::Value> = events
        .iter()
        .filter(|e| e["event"] == "diagnostic" && e["severity"] == "error")
        .collect();
    assert_eq!(errors.len(), 1, "{events:?}");
    assert_eq!(errors[0]["id"], "gov-column-empty");
    assert_eq!(errors[0]["hint_id"], "gov-column-empty-hint");
    assert_eq!(errors[0]["file"], "content/reports/_index.md");
    let gov: Vec<&serde_json::Value> = events
        .iter()
        .filter(|e| e["event"] == "gov_checked")
        .collect();
    assert_eq!(gov.len(), 1, "{events:?}");
    assert_eq!(gov[0]["date"], DAY);
    assert_eq!(gov[0]["failed"], 1);
    let checked = events.iter().find(|e| e["event"] == "checked").unwrap();
    assert_eq!(checked["problems"], 1);
}

#[test]
fn a_date_that_is_not_a_day_is_a_usage_error() {
    let site = gov_site();
    for bad in ["2025-02-30", "2025-03", "明天"] {
        let output = gov_check(&site, bad);
        assert_eq!(output.status.code(), Some(2), "{bad}");
        assert!(
            stderr(&output).contains(&format!("--date 的“{bad}”不是日期")),
            "{}",
            stderr(&output)
        );
    }
    // --date belongs to --gov.
    let output = site.run(&["check", "--date", DAY]);
    assert_eq!(output.status.code(), Some(2));
}

#[test]
fn the_example_portal_fails_on_old_documents_and_missing_footer_items() {
    // Its documents are of 2017–2021 and it is an example without registration numbers: it
    // fails the freshness and footer rules, and says so (its dates are not made up).
    let site = TestSite::example_portal();
    let err = findings(&gov_check(&site, DAY), 12);
    for expected in [
        "content/_index.md: 错误：首页已有 1243 天没有更新",
        "content/news/_index.md: 错误：动态类栏目“新闻动态”",
        "content/policies/_index.md: 错误：通知公告、政策文件类栏目“政策文件”",
        "无法判断栏目“政策解读”什么时候更新过：它的页面都没有写日期",
        "页脚缺少地址",
        "网站标识码“示例站点，无网站标识码”不是标识码",
        "首页没有链接到 2024 年的政府网站工作年度报表",
    ] {
        assert!(err.contains(expected), "{expected}: {err}");
    }
}
