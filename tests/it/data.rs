//! Data tables: encodings, escaping, dashboards and shortcodes. (Their bad-input cases are in
//! bad_input.rs.)

use crate::support::*;

#[test]
fn csv_in_utf8_utf8_bom_and_gb18030_give_the_same_site() {
    let text =
        std::fs::read_to_string(repo().join("tests/fixtures/basic/data/achievements.csv")).unwrap();
    let mut builds = Vec::new();
    let (gb18030, _, _) = encoding_rs::GB18030.encode(&text);
    let variants: [Vec<u8>; 3] = [
        text.clone().into_bytes(),
        [b"\xEF\xBB\xBF".as_slice(), text.as_bytes()].concat(),
        gb18030.into_owned(),
    ];
    for bytes in variants {
        let site = TestSite::basic();
        site.file("data/achievements.csv", bytes).built();
        builds.push(snapshot(&site.public()));
    }
    assert!(builds[0].len() > 20, "{} files", builds[0].len());
    assert!(
        builds[0] == builds[1],
        "UTF-8 with a byte-order mark differs"
    );
    assert!(builds[0] == builds[2], "GB18030 differs");
    let city =
        String::from_utf8(builds[0][std::path::Path::new("cities/testcity/index.html")].clone())
            .unwrap();
    assert!(city.contains("1024项"), "thousands separators are read");
}

#[test]
fn data_values_are_escaped_everywhere() {
    let site = TestSite::basic();
    let evil = "<script>alert(1)</script>";
    let cities = format!(
        "[[city]]\nid = \"testcity\"\nname = \"测试市{evil}\"\nprovince = \"\\\"><img src=x onerror=alert(1)>\"\nintroduction = \"{evil}\"\n"
    );
    site.file("data/cities.toml", cities);
    site.file(
        "data/observations.csv",
        format!("city,indicator,date,value,source\ntestcity,pass-rate,2019,96,\"{evil}\"\n"),
    );
    site.edit("data/indicators.toml", |indicators| {
        indicators.replace(
            "name = \"工业产品质量监督抽查合格率\"",
            "name = \"合格率<script>alert(1)</script>\"",
        )
    });
    site.built();
    for entry in walkdir::WalkDir::new(site.public()).into_iter().flatten() {
        if entry.file_type().is_file()
            && entry
                .path()
                .extension()
                .is_some_and(|e| e == "html" || e == "xml")
        {
            let text = std::fs::read_to_string(entry.path()).unwrap();
            assert!(
                !text.contains("<script>alert"),
                "unescaped in {}",
                entry.path().display()
            );
            assert!(
                !text.contains("<img src=x"),
                "unescaped in {}",
                entry.path().display()
            );
        }
    }
    let city = site.read("cities/testcity/index.html");
    assert!(
        city.contains("测试市&lt;script&gt;alert(1)&lt;/script&gt;"),
        "{city}"
    );
}

#[test]
fn dashboards_show_status_charts_tables_and_csv() {
    let site = TestSite::basic();
    site.built();
    let indicator = site.read("cities/testcity/indicators/pass-rate/index.html");
    // 93.2 (2015) → 97 (2020); 96.1 in 2018 is 76% of the way with 60% of the time gone.
    assert!(indicator.contains("按期推进"));
    assert!(indicator.contains("role=\"img\""));
    assert!(indicator.contains("<caption>"));
    assert!(indicator.contains("<th scope=\"row\">基线</th>"));
    assert!(
        indicator.contains("工业产品质量监督抽查合格率达到97%以上"),
        "the source phrase is quoted"
    );
    assert!(
        indicator.contains("href=\"/policies/plan/\""),
        "links to its source document"
    );
    let csv = std::fs::read(
        site.public()
            .join("cities/testcity/indicators/pass-rate/data.csv"),
    )
    .unwrap();
    let csv = String::from_utf8(csv).unwrap();
    assert!(
        csv.starts_with("\u{feff}类型,日期,数值,单位,说明\r\n基线,2015,93.2,%,"),
        "{csv}"
    );
    let hant_csv = std::fs::read_to_string(
        site.public()
            .join("zh-hant/cities/testcity/indicators/pass-rate/data.csv"),
    )
    .unwrap();
    assert!(hant_csv.contains("監測"));
    let hant = site.read("zh-hant/cities/testcity/indicators/pass-rate/index.html");
    assert!(hant.contains("按期推進"));
    assert!(
        hant.contains(
            "<title id=\"chart-testcity-pass-rate-title\">工業產品質量監督抽查合格率</title>"
        ),
        "chart titles are converted"
    );
    let city = site.read("cities/testcity/index.html");
    assert!(city.contains("共2项目标指标"));
    assert!(city.contains("暂无数据"));
    let overview = site.read("dashboard/index.html");
    assert!(overview.contains("chart-overview-status"));
    let home = site.read("index.html");
    assert!(home.contains("<strong>2</strong>项目标指标"));
}

#[test]
fn indicator_shortcode_puts_a_live_figure_in_the_text() {
    let site = TestSite::basic();
    site.built();
    let page = site.read("policies/plan/index.html");
    assert!(page.contains("<a href=\"/cities/testcity/indicators/pass-rate/\">工业产品质量监督抽查合格率</a>：目标2020年不低于97%，最新96.1%（2018年）"), "{page}");
    let hant = site.read("zh-hant/policies/plan/index.html");
    assert!(hant.contains("<a href=\"/zh-hant/cities/testcity/indicators/pass-rate/\">"));
}

/// The example: a bad number in indicators.csv, one in observations.csv and a related
/// page that does not exist.
fn site_with_three_problems() -> TestSite {
    let site = TestSite::basic();
    site.remove("data/indicators.toml").file(
        "data/indicators.csv",
        "id,city,plan,domain,name,unit,baseline_value,baseline_year,target_value,target_year,comparator\n\
         pass-rate,testcity,plan,质量,合格率,%,93.2,2015,\"97,5\",2020,>=\n\
         national-standards,testcity,plan,标准,国家标准,项,,,30,2020,>=\n",
    );
    site.file(
        "data/observations.csv",
        "city,indicator,date,value,source\ntestcity,pass-rate,2017,95.5,测试数据\ntestcity,national-standards,2018,abc,测试数据\n",
    );
    site.edit("content/interpretations/plan-interpretation.md", |t| {
        t.replace(
            "related = [\"plan\"]",
            "related = [\"plan\", \"no-such-page\"]",
        )
    });
    site
}

/// The three problems are reported once each with their lines; the observations of the
/// indicator whose row failed are not reported as of an unknown indicator.
#[test]
fn a_build_reports_every_problem_once_and_no_false_one() {
    let site = site_with_three_problems();
    let message = site.rejected(&[
        "data/indicators.csv:2:9: error: in column \"target_value\": \"97,5\" is not a number",
        "data/observations.csv:3:4: error: in column \"value\": \"abc\" is not a number",
        "content/interpretations/plan-interpretation.md:7: error: related page \"no-such-page\" does not exist",
    ]);
    assert_eq!(message.matches(": error: ").count(), 3, "{message}");
    assert!(!message.contains("unknown indicator"), "{message}");
}

/// The "done when": `LANG=zh_CN.UTF-8 stdportal build` names each problem once, in
/// Chinese, and leaves the site as it was.
#[test]
fn under_a_chinese_locale_the_three_problems_are_said_in_chinese_once_each() {
    let site = site_with_three_problems();
    let before = site.tree();
    let mut command = site.command(&["build"]);
    command
        .env_remove("STDPORTAL_LANG")
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES");
    let output = command.env("LANG", "zh_CN.UTF-8").output().unwrap();
    let message = assert_refused(
        &output,
        &[
            "data/indicators.csv:2:9: 错误：第 2 行第 9 列：“target_value”列：“97,5”不是数字：逗号只能作千位分隔符，后面正好是三位数字",
            "data/observations.csv:3:4: 错误：第 3 行第 4 列：“value”列：“abc”不是数字",
            "content/interpretations/plan-interpretation.md:7: 错误：第 7 行：",
            "no-such-page",
            "生成因 3 个问题而停止；输出文件夹中原来的网站保持不变。",
        ],
    );
    assert_eq!(message.matches(": 错误：").count(), 3, "{message}");
    assert_same_tree(&before, &site.tree(), "a failed build");
}

#[test]
fn chinese_headers_values_dates_and_full_width_digits_are_read() {
    let site = TestSite::basic();
    site.built();
    let expected = snapshot(&site.public());
    site.file(
        "data/observations.csv",
        "城市,指標,日期,實際值,來源\ntestcity,pass-rate,2017年,９５．５,测试数据\ntestcity,pass-rate,2018年,96.1,测试数据\n",
    );
    site.file(
        "data/achievements.csv",
        "城市,日期,类别,级别,名称,数量,单位,来源文件,来源原文\ntestcity,2018年12月,标准,国家,国家标准,１２,项,plan,\ntestcity,2018-12,标准,地方,地方标准,\"1,024\",项,plan,\n",
    );
    site.built();
    assert!(snapshot(&site.public()) == expected, "the site differs");
}

#[test]
fn an_unknown_city_hint_names_a_city_of_this_site() {
    let site = TestSite::basic();
    site.edit("content/policies/plan.md", |t| {
        t.replace("city = \"testcity\"", "city = \"testciti\"")
    });
    let message = site.rejected(&[
        "content/policies/plan.md:5: error: unknown city \"testciti\"",
        "did you mean \"testcity\"?",
    ]);
    assert!(!message.contains("rizhao"), "{message}");
}

/// A page that cannot be read is reported once: the related links, sources of figures, plans
/// and shortcodes that name it are not reported again as naming no page.
#[test]
fn a_page_that_cannot_be_read_is_not_reported_again_as_missing() {
    let site = TestSite::basic();
    site.edit("content/policies/plan.md", |t| {
        t.replacen("title = ", "title = 未加引号的标题\nx = ", 1)
    });
    let message = site.rejected(&["content/policies/plan.md:2"]);
    assert_eq!(message.matches(": error: ").count(), 1, "{message}");
}

#[test]
fn a_kind_that_could_be_two_names_both() {
    let site = TestSite::basic();
    site.edit("content/policies/plan.md", |t| {
        t.replace("kind = \"policy\"", "kind = \"政策\"")
    });
    site.rejected(&[
        "content/policies/plan.md:6:8: error: \"政策\" is not a kind: it could be \"interpretation\" (政策解读, 政策解讀) or \"policy\" (政策原文, 政策文件)",
    ]);
}
