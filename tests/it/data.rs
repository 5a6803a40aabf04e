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
