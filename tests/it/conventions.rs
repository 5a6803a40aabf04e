//! The conventions of a Chinese government portal the theme follows: 成文日期 and 发文字号 in
//! a document's metadata, 备案 numbers linked to their registers, a favicon on every page,
//! "数据截至" on the dashboard and city pages, the 主送 line flush left, and a city column in
//! the dashboard's table of every target.

use crate::support::*;

/// Every HTML file under `dir`, by path.
fn html_files(dir: &std::path::Path) -> Vec<(std::path::PathBuf, String)> {
    snapshot(dir)
        .into_iter()
        .filter(|(p, _)| p.extension().is_some_and(|e| e == "html"))
        .map(|(p, b)| (p, String::from_utf8(b).unwrap()))
        .collect()
}

#[test]
fn written_date_and_document_number_are_in_the_metadata() {
    let site = TestSite::basic();
    site.page(
        "policies/signed.md",
        "+++\ntitle = \"测试通知\"\nkind = \"policy\"\nissuer = \"测试市人民政府\"\n\
         written = 2018-07-20\npublished = 2018-08-01\ndoc_number = \"测政发〔2018〕1号\"\n+++\n正文。\n",
    )
    .built();
    let page = site.read("policies/signed/index.html");
    assert!(
        page.contains(
            "<dt>成文日期</dt><dd><time datetime=\"2018-07-20\">2018年7月20日</time></dd>"
        ),
        "{page}"
    );
    assert!(
        page.contains("<dt>发文字号</dt><dd>测政发〔2018〕1号</dd>"),
        "{page}"
    );
    assert!(!page.contains("<dt>文号</dt>"));
    // 成文日期 comes before 发布日期, as on government sites.
    assert!(page.find("成文日期") < page.find("发布日期"));
    let hant = site.read("zh-hant/policies/signed/index.html");
    assert!(hant.contains("<dt>成文日期</dt>") && hant.contains("<dt>發文字號</dt>"));
}

#[test]
fn a_written_date_is_checked_like_other_dates() {
    let site = TestSite::basic();
    site.page(
        "policies/signed.md",
        "+++\ntitle = \"测试通知\"\nwritten = \"0000-01-01\"\n+++\n正文。\n",
    );
    site.rejected(&["content/policies/signed.md:3", "between 1900 and 2200"]);
}

#[test]
fn registration_numbers_link_to_their_registers_escaped() {
    let site = TestSite::basic();
    site.config(
        "icp = \"测ICP备00000000号\"\npolice_record = \"测公网安备00000000000000号\"",
        "icp = \"鲁ICP备12345678号-1\"\npolice_record = \"鲁公网安备 3708<b>0202</b>000123号\"",
    )
    .built();
    let home = site.read("index.html");
    assert!(
        home.contains("<dd><a href=\"https://beian.miit.gov.cn/\">鲁ICP备12345678号-1</a></dd>"),
        "{home}"
    );
    assert!(
        home.contains(
            "<dd><a href=\"https://beian.mps.gov.cn/#/query/webSearch?code=37080202000123\">\
             鲁公网安备 3708&lt;b&gt;0202&lt;/b&gt;000123号</a></dd>"
        ),
        "{home}"
    );
    // They open like every other link: no new window.
    assert!(!home.contains("target=\"_blank\""));
    // A number in the Traditional page still leads to the same register page.
    let hant = site.read("zh-hant/index.html");
    assert!(
        hant.contains("href=\"https://beian.mps.gov.cn/#/query/webSearch?code=37080202000123\"")
    );
}

#[test]
fn text_that_is_not_a_registration_number_is_not_a_link() {
    let site = TestSite::basic();
    site.config(
        "icp = \"测ICP备00000000号\"\npolice_record = \"测公网安备00000000000000号\"",
        "icp = \"示例站点，未备案\"\npolice_record = \"示例站点，未备案\"",
    )
    .built();
    let home = site.read("index.html");
    assert!(
        home.contains("<dt>ICP备案号</dt><dd>示例站点，未备案</dd>"),
        "{home}"
    );
    assert!(
        home.contains("<dt>公安备案号</dt><dd>示例站点，未备案</dd>"),
        "{home}"
    );
    assert!(!home.contains("beian."));
}

#[test]
fn every_page_links_the_favicon_under_a_sub_path() {
    let site = TestSite::basic();
    site.config(
        "base_url = \"https://example.gov.cn/\"",
        "base_url = \"https://example.gov.cn/bzh/\"",
    )
    .built();
    assert!(site.public().join("favicon.svg").is_file());
    let pages = html_files(&site.public());
    assert!(pages.len() > 20, "{} pages", pages.len());
    for (path, html) in &pages {
        assert!(
            html.contains("<link rel=\"icon\" href=\"/bzh/favicon.svg\">"),
            "{} has no favicon link",
            path.display()
        );
    }
    // check finds every link, the favicon's too, leads to a file.
    assert_success(&site.run(&["check"]));
}

#[test]
fn a_site_may_name_its_own_favicon_and_never_one_elsewhere() {
    let site = TestSite::basic();
    site.file("static/img/icon.ico", b"\0\0\x01\0")
        .config(
            "theme = \"default\"",
            "theme = \"default\"\nfavicon = \"img/icon.ico\"",
        )
        .built();
    assert!(site
        .read("zh-hant/index.html")
        .contains("<link rel=\"icon\" href=\"/img/icon.ico\">"));
    site.config(
        "favicon = \"img/icon.ico\"",
        "favicon = \"https://cdn.example.com/icon.ico\"",
    );
    site.rejected(&["config.toml", "favicon", "not a path inside the site"]);
}

#[test]
fn dashboard_and_city_pages_say_how_recent_their_data_is() {
    let site = TestSite::basic();
    site.built();
    // The latest date of the fixture's observations (2018) and achievements (2018-12).
    let as_of = "数据截至<time datetime=\"2018-12\">2018年12月</time>";
    assert!(site.read("dashboard/index.html").contains(as_of));
    assert!(site.read("cities/testcity/index.html").contains(as_of));
    assert!(site
        .read("zh-hant/dashboard/index.html")
        .contains("數據截至<time datetime=\"2018-12\">2018年12月</time>"));

    site.config(
        "theme = \"default\"",
        "theme = \"default\"\ndata_as_of = 2019-03-31",
    )
    .built();
    let as_of = "数据截至<time datetime=\"2019-03-31\">2019年3月31日</time>";
    assert!(site.read("dashboard/index.html").contains(as_of));
    assert!(site.read("cities/testcity/index.html").contains(as_of));
}

#[test]
fn a_city_without_figures_says_no_date() {
    let site = TestSite::basic();
    site.edit("data/cities.toml", |t| {
        t + "\n[[city]]\nid = \"other\"\nname = \"另一市\"\nprovince = \"测试省\"\nintroduction = \"没有数据。\"\n"
    })
    .built();
    assert!(!site.read("cities/other/index.html").contains("数据截至"));
}

#[test]
fn cities_whose_figures_differ_in_date_each_say_their_own() {
    let site = TestSite::basic();
    site.edit("data/cities.toml", |t| {
        t + "\n[[city]]\nid = \"other\"\nname = \"另一市\"\nprovince = \"测试省\"\nintroduction = \"没有数据。\"\n"
    })
    .edit("data/indicators.toml", |t| {
        t + "\n[[indicator]]\nid = \"pass-rate\"\ncity = \"other\"\ndomain = \"质量\"\n\
             name = \"工业产品质量监督抽查合格率\"\nunit = \"%\"\n\
             target = { value = 98, year = 2020, comparator = \">=\" }\n"
    })
    .built();
    // One rule on every page: each city's own latest figure; the overview names each city
    // when they differ, and never a date one city's figures do not reach.
    let each = "数据截至：测试市<time datetime=\"2018-12\">2018年12月</time>；另一市尚无数据。";
    assert!(site.read("dashboard/index.html").contains(each));
    assert!(site.read("index.html").contains(each));
    assert!(site
        .read("cities/testcity/index.html")
        .contains("数据截至<time datetime=\"2018-12\">2018年12月</time>"));
    let other = site.read("cities/other/index.html");
    assert!(!other.contains("数据截至"), "{other}");
    assert!(
        other.contains("共1项目标指标，尚未发布监测数据。"),
        "{other}"
    );
    assert!(!other.contains("status-counts"), "{other}");
}

#[test]
fn without_observations_pages_say_so_instead_of_counting_zeros() {
    let site = TestSite::basic();
    site.file(
        "data/observations.csv",
        b"city,indicator,date,value,source\n",
    );
    site.built();
    for page in [
        "index.html",
        "dashboard/index.html",
        "cities/testcity/index.html",
    ] {
        let html = site.read(page);
        assert!(html.contains("尚未发布监测数据"), "{page}: {html}");
        assert!(!html.contains("status-counts"), "{page}: {html}");
        assert!(!html.contains("chart-overview-status"), "{page}");
    }
    assert!(site.read("zh-hant/index.html").contains("監測數據。"));
    // With one observation the counts come back.
    site.file(
        "data/observations.csv",
        std::fs::read(crate::support::repo().join("tests/fixtures/basic/data/observations.csv"))
            .unwrap(),
    );
    site.built();
    let home = site.read("index.html");
    assert!(home.contains("其中1项已有监测数据"), "{home}");
    assert!(home.contains("status-counts"));
}

#[test]
fn the_table_of_every_target_names_each_one_s_city() {
    let site = TestSite::basic();
    site.edit("data/cities.toml", |t| {
        t + "\n[[city]]\nid = \"other\"\nname = \"另一市\"\nprovince = \"测试省\"\nintroduction = \"另一个城市。\"\n"
    })
    .edit("data/indicators.toml", |t| {
        t + "\n[[indicator]]\nid = \"pass-rate\"\ncity = \"other\"\ndomain = \"质量\"\n\
             name = \"工业产品质量监督抽查合格率\"\nunit = \"%\"\n\
             target = { value = 98, year = 2020, comparator = \">=\" }\n"
    })
    .built();
    let dashboard = site.read("dashboard/index.html");
    let table = &dashboard[dashboard.find("<caption>全部目标指标</caption>").unwrap()..];
    let table = &table[..table.find("</table>").unwrap()];
    // The target first: the column that stays in view is the one its header names.
    assert!(
        table.contains("<th scope=\"col\">指标</th><th scope=\"col\">城市</th>"),
        "{table}"
    );
    // The same target name in two cities: each row says which city it is.
    assert!(
        table.contains(
            "<td class=\"target-city\" data-label=\"城市\"><a href=\"/cities/testcity/\">测试市</a></td>"
        ),
        "{table}"
    );
    assert!(
        table.contains(
            "<td class=\"target-city\" data-label=\"城市\"><a href=\"/cities/other/\">另一市</a></td>"
        ),
        "{table}"
    );
    assert_eq!(table.matches("工业产品质量监督抽查合格率").count(), 2);
    // A city's own tables need no city column.
    let city = site.read("cities/testcity/index.html");
    assert!(!city.contains("<th scope=\"col\">城市</th>"));
}

#[test]
fn the_addressee_line_of_a_document_is_flush_left() {
    let site = TestSite::basic();
    site.page(
        "policies/notice.md",
        "+++\ntitle = \"测试通知\"\n+++\n各县（市、区）人民政府，市政府各部门：\n\n现将有关事项通知如下：\n",
    )
    .built();
    let page = site.read("policies/notice/index.html");
    assert!(
        page.contains("<p class=\"addressee\">各县（市、区）人民政府，市政府各部门：</p>"),
        "{page}"
    );
    // Only the first paragraph is an addressee line.
    assert!(page.contains("<p>现将有关事项通知如下：</p>"), "{page}");
    assert!(!site.read("policies/plan/index.html").contains("addressee"));
}

#[test]
fn an_indicator_page_leads_with_its_chart_and_shows_its_status_once() {
    let site = TestSite::basic();
    site.built();
    let page = site.read("cities/testcity/indicators/pass-rate/index.html");
    let main = &page[page.find("<h1>").unwrap()..];
    // The first thing after the heading is the chart.
    assert!(
        main[main.find("</h1>").unwrap()..]
            .trim_start_matches("</h1>")
            .contains("<figure class=\"indicator-lead\">"),
        "{main}"
    );
    let lead = &main[main.find("<figure").unwrap()..main.find("</figure>").unwrap()];
    let caption = &lead[lead.find("<figcaption").unwrap()..];
    assert!(!caption.contains("按期推进"), "{caption}");
    assert!(
        caption.contains("基线：2015年93.2%；目标：2020年不低于97%；最新：2018年96.1%。"),
        "{caption}"
    );
    // The status is written once in the page's visible text: in the chart's readout. The chart
    // is there in two layouts (wide and phone) of which the theme shows one.
    let body = &page[page.find("<main").unwrap()..page.find("</main>").unwrap()];
    let narrow = body.find("<div class=\"chart-narrow\">").unwrap();
    let narrow_end = narrow + body[narrow..].find("</svg>").unwrap();
    let shown = format!("{}{}", &body[..narrow], &body[narrow_end..]);
    assert_eq!(shown.matches(">按期推进<").count(), 1, "{body}");
    assert_eq!(body[narrow..narrow_end].matches(">按期推进<").count(), 1);
}

#[test]
fn government_meta_tags_and_footer_items_are_published_when_configured() {
    let site = TestSite::basic();
    site.file("static/img/conac.png", b"\x89PNG\r\n\x1a\n");
    site.edit("config.toml", |t| {
        t.replace("site_code = \"0000000000\"", "site_code = \"3708000001\"")
            + "address = \"测试市测试路1号\"\n\
             copyright = \"版权所有：测试市人民政府\"\ngov_mark = \"img/conac.png\"\n\
             gov_mark_url = \"https://bszs.conac.cn/sitename?method=show&id=1\"\n\
             report_errors_url = \"https://zfwzgl.www.gov.cn/exposure/jiucuo.html?site_code=3708000001\"\n"
    })
    .built();
    let home = site.read("index.html");
    for part in [
        "<meta name=\"SiteName\" content=\"测试标准化门户\">",
        "<meta name=\"SiteIDCode\" content=\"3708000001\">",
        "<meta name=\"Url\" content=\"",
        "<dt>地址</dt><dd>测试市测试路1号</dd>",
        "<p class=\"copyright\">版权所有：测试市人民政府</p>",
        "<a class=\"gov-mark\" href=\"https://bszs.conac.cn/sitename?method=show&amp;id=1\"><img src=\"/img/conac.png\" alt=\"党政机关网站标识\"",
        "<a class=\"report-errors\" href=\"https://zfwzgl.www.gov.cn/exposure/jiucuo.html?site_code=3708000001\">我为政府网站找错</a>",
    ] {
        assert!(home.contains(part), "{part}");
    }
    assert!(
        !home.contains("name=\"SiteDomain\" content=\"https:"),
        "the domain, not the URL"
    );
    let page = site.read("policies/plan/index.html");
    for part in [
        "<meta name=\"ArticleTitle\" content=\"测试市标准化发展规划\">",
        "<meta name=\"PubDate\" content=\"2017-06-30 00:00\">",
        "<meta name=\"ColumnName\" content=\"政策原文\">",
        // A 公文 names its 发文机关 (news and interpretations a 发布机构).
        "<dt>发文机关</dt>",
    ] {
        assert!(page.contains(part), "{part}\n{page}");
    }
    let section = site.read("policies/index.html");
    assert!(
        section.contains("<meta name=\"ColumnName\" content=\""),
        "{section}"
    );
    // A footer link that is not a web address is refused, in the editor's words too.
    site.edit("config.toml", |t| {
        t.replace(
            "gov_mark_url = \"https://",
            "gov_mark_url = \"javascript://",
        )
    });
    site.rejected(&["config.toml", "gov_mark_url", "not a web address"]);
}

#[test]
fn the_catalogue_promises_only_the_ways_of_browsing_it_has() {
    let site = TestSite::basic();
    site.built();
    let lead = |html: &str| {
        let start = html.find("<p class=\"lead\">本站共").unwrap();
        html[start..start + html[start..].find("</p>").unwrap()].to_string()
    };
    let html = site.read("catalogue/index.html");
    assert!(lead(&html).contains("有效性") && html.contains("id=\"validity\""));
    // No document says whether it is in force: no list by 有效性, and none promised.
    site.edit("content/policies/plan.md", |t| {
        t.replace("validity = \"有效\"\n", "")
    })
    .built();
    let html = site.read("catalogue/index.html");
    assert!(!html.contains("id=\"validity\""));
    assert!(!lead(&html).contains("有效性"), "{}", lead(&html));
    assert!(lead(&html).contains("可按年份"), "{}", lead(&html));
    site.page(
        "policies/valid.md",
        "+++\ntitle = \"有效文件\"\nvalidity = \"valid\"\n+++\n正文。\n",
    )
    .built();
    let html = site.read("catalogue/index.html");
    assert!(lead(&html).contains("有效性") && html.contains("id=\"validity\""));
}
