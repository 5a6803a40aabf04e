//! Data tables: encodings, errors with positions, escaping, dashboards and shortcodes.

mod common;

use common::*;

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
        let site = fixture("basic");
        let root = site.path();
        std::fs::write(root.join("data/achievements.csv"), bytes).unwrap();
        assert_success(&build(root));
        builds.push(snapshot(&root.join("public")));
    }
    assert_eq!(builds[0], builds[1]);
    assert_eq!(builds[0], builds[2]);
    let site = fixture("basic");
    assert_success(&build(site.path()));
    let city = read(site.path(), "cities/testcity/index.html");
    assert!(city.contains("1024项"), "thousands separators are read");
}

fn rejected_data(file: &str, contents: &[u8], expected: &[&str]) {
    let contents = contents.to_vec();
    let file = file.to_string();
    assert_rejected(
        "basic",
        move |root| std::fs::write(root.join(&file), contents).unwrap(),
        expected,
    );
}

#[test]
fn unknown_column() {
    rejected_data(
        "data/observations.csv",
        b"city,indicator,date,valeu\n",
        &["data/observations.csv:1:4", "valeu"],
    );
}

#[test]
fn wrong_column_count() {
    rejected_data(
        "data/observations.csv",
        "city,indicator,date,value,source\ntestcity,pass-rate,2019\n".as_bytes(),
        &["data/observations.csv:2:", "3 values", "5 columns"],
    );
}

#[test]
fn non_numeric_value() {
    rejected_data(
        "data/observations.csv",
        "city,indicator,date,value,source\ntestcity,pass-rate,2019,九十七,x\n".as_bytes(),
        &["data/observations.csv:2:4", "九十七", "not a number"],
    );
}

#[test]
fn unknown_city_and_indicator() {
    rejected_data(
        "data/observations.csv",
        "city,indicator,date,value,source\nnowhere,pass-rate,2019,1,x\ntestcity,no-such,2019,1,x\n"
            .as_bytes(),
        &[
            "data/observations.csv:2:1",
            "unknown city \"nowhere\"",
            "data/observations.csv:3:1",
            "unknown indicator \"no-such\"",
        ],
    );
}

#[test]
fn duplicate_indicator_id() {
    let mut text =
        std::fs::read_to_string(repo().join("tests/fixtures/basic/data/indicators.toml")).unwrap();
    text.push_str("\n[[indicator]]\nid = \"pass-rate\"\ncity = \"testcity\"\nname = \"重复\"\ntarget = { value = 1, year = 2020 }\n");
    rejected_data(
        "data/indicators.toml",
        text.as_bytes(),
        &["data/indicators.toml:23:1", "used twice"],
    );
}

#[test]
fn target_year_before_baseline() {
    let text = "[[indicator]]\nid = \"x\"\ncity = \"testcity\"\nname = \"倒退\"\nbaseline = { value = 1, year = 2015 }\ntarget = { value = 2, year = 2010 }\n";
    rejected_data(
        "data/indicators.toml",
        text.as_bytes(),
        &[
            "data/indicators.toml:6:",
            "2010 is before the baseline year 2015",
        ],
    );
}

#[test]
fn unknown_key_in_toml_data() {
    let text = "[[city]]\nid = \"testcity\"\nname = \"测试市\"\npopulation = 5\n";
    rejected_data(
        "data/cities.toml",
        text.as_bytes(),
        &["data/cities.toml:4:1", "population"],
    );
}

#[test]
fn quote_left_open_in_csv() {
    rejected_data(
        "data/observations.csv",
        "city,indicator,date,value,source\ntestcity,pass-rate,2019,96,\"open\n".as_bytes(),
        &["data/observations.csv:2:28", "never closed"],
    );
}

#[test]
fn data_values_are_escaped_everywhere() {
    let site = fixture("basic");
    let root = site.path();
    let evil = "<script>alert(1)</script>";
    let cities = format!(
        "[[city]]\nid = \"testcity\"\nname = \"测试市{evil}\"\nprovince = \"\\\"><img src=x onerror=alert(1)>\"\nintroduction = \"{evil}\"\n"
    );
    std::fs::write(root.join("data/cities.toml"), cities).unwrap();
    std::fs::write(
        root.join("data/observations.csv"),
        format!("city,indicator,date,value,source\ntestcity,pass-rate,2019,96,\"{evil}\"\n"),
    )
    .unwrap();
    let indicators = std::fs::read_to_string(root.join("data/indicators.toml")).unwrap();
    std::fs::write(
        root.join("data/indicators.toml"),
        indicators.replace(
            "name = \"工业产品质量监督抽查合格率\"",
            "name = \"合格率<script>alert(1)</script>\"",
        ),
    )
    .unwrap();
    assert_success(&build(root));
    for entry in walkdir::WalkDir::new(root.join("public"))
        .into_iter()
        .flatten()
    {
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
    let city = read(root, "cities/testcity/index.html");
    assert!(
        city.contains("测试市&lt;script&gt;alert(1)&lt;/script&gt;"),
        "{city}"
    );
}

#[test]
fn dashboards_show_status_charts_tables_and_csv() {
    let site = fixture("basic");
    let root = site.path();
    assert_success(&build(root));
    let indicator = read(root, "cities/testcity/indicators/pass-rate/index.html");
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
    let csv =
        std::fs::read(root.join("public/cities/testcity/indicators/pass-rate/data.csv")).unwrap();
    let csv = String::from_utf8(csv).unwrap();
    assert!(
        csv.starts_with("\u{feff}类型,日期,数值,单位,说明\r\n基线,2015,93.2,%,"),
        "{csv}"
    );
    let hant_csv = std::fs::read_to_string(
        root.join("public/zh-hant/cities/testcity/indicators/pass-rate/data.csv"),
    )
    .unwrap();
    assert!(hant_csv.contains("監測"));
    let hant = read(
        root,
        "zh-hant/cities/testcity/indicators/pass-rate/index.html",
    );
    assert!(hant.contains("按期推進"));
    assert!(
        hant.contains(
            "<title id=\"chart-testcity-pass-rate-title\">工業產品質量監督抽查合格率</title>"
        ),
        "chart titles are converted"
    );
    let city = read(root, "cities/testcity/index.html");
    assert!(city.contains("共 2 项目标指标"));
    assert!(city.contains("暂无数据"));
    let overview = read(root, "dashboard/index.html");
    assert!(overview.contains("chart-overview-status"));
    let home = read(root, "index.html");
    assert!(home.contains("<strong>2</strong> 项目标指标"));
}

#[test]
fn indicator_shortcode_puts_a_live_figure_in_the_text() {
    let site = fixture("basic");
    let root = site.path();
    assert_success(&build(root));
    let page = read(root, "policies/plan/index.html");
    assert!(page.contains("<a href=\"/cities/testcity/indicators/pass-rate/\">工业产品质量监督抽查合格率</a>:目标2020年不低于97%,最新96.1%(2018年)"), "{page}");
    let hant = read(root, "zh-hant/policies/plan/index.html");
    assert!(hant.contains("<a href=\"/zh-hant/cities/testcity/indicators/pass-rate/\">"));
}

#[test]
fn a_shortcode_naming_a_missing_indicator_is_an_error_with_position() {
    assert_rejected(
        "basic",
        |root| {
            let path = root.join("content/policies/plan.md");
            let text = std::fs::read_to_string(&path).unwrap();
            std::fs::write(path, text.replace("id=\"pass-rate\"", "id=\"gone\"")).unwrap();
        },
        &["content/policies/plan.md:20:1", "no indicator \"gone\""],
    );
}
