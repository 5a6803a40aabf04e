//! Mistakes that used to reach readers silently, and the habits of a real office (issue 23):
//! a figure is published as the source writes it (never rounded to two decimals), rounded only
//! by a target's `decimals` (GB/T 8170); `.xls` cells shown as percentages; hidden sheets;
//! observations from the future and dates with a broken time; cities by their Chinese names;
//! a workbook as an office keeps it (说明 sheet, title row, two-row merged header, 序号); a copy
//! of a file beside it; hints that name the file the data really came from. Messages are
//! checked in Chinese, line by line.

use crate::support::*;

/// The build of `site` in zh-Hans is refused with exactly `errors` errors, and each of `lines`
/// is a whole line of what it says (a hint as it is after its indent).
fn refused(site: &TestSite, errors: usize, lines: &[&str]) -> String {
    let message = site.rejected_in("zh-Hans", lines);
    for line in lines {
        assert!(
            message.lines().any(|l| l.trim_start() == *line),
            "no line is exactly {line:?}:\n{message}"
        );
    }
    assert_eq!(message.matches(": 错误：").count(), errors, "{message}");
    message
}

const OBSERVATIONS_HEADER: &str = "city,indicator,date,value,source\n";

fn with_observations(rows: &str) -> TestSite {
    let site = TestSite::basic();
    site.file(
        "data/observations.csv",
        format!("{OBSERVATIONS_HEADER}{rows}"),
    );
    site
}

const PASS_RATE: &str = "cities/testcity/indicators/pass-rate/";

/// The text of a page without its markup, for looking for figures as a reader reads them.
fn text_of(html: &str) -> String {
    let mut text = String::new();
    let mut in_tag = false;
    for c in html.chars() {
        match c {
            '<' => in_tag = true,
            '>' => in_tag = false,
            _ if !in_tag => text.push(c),
            _ => {}
        }
    }
    text
}

#[test]
fn figures_are_published_with_the_decimals_they_are_written_with() {
    let site = with_observations(
        "testcity,pass-rate,2016,0.0004,测试数据\n\
         testcity,pass-rate,2017,93.125,测试数据\n\
         testcity,pass-rate,2018,96.10,测试数据\n",
    );
    site.built();
    let page = site.read(&format!("{PASS_RATE}index.html"));
    let text = text_of(&page);
    for shown in ["0.0004%", "93.125%", "96.10%"] {
        assert!(text.contains(shown), "{shown} is not on the page:\n{text}");
    }
    // The caption, the chart's labels and the table say the latest figure as written.
    assert!(page.contains("2018年：96.10%"), "{page}");
    let svg_labels = page.matches(">96.10%<").count();
    assert!(
        svg_labels >= 2,
        "the charts print 96.10% {svg_labels} times"
    );
    assert!(!text.contains("93.12%") && !text.contains(">0%<"), "{text}");
    let csv = site.read(&format!("{PASS_RATE}data.csv"));
    for row in [",2016,0.0004,%,", ",2017,93.125,%,", ",2018,96.10,%,"] {
        assert!(csv.contains(row), "{row} is not in the download:\n{csv}");
    }
}

#[test]
fn a_targets_decimals_round_its_figures_by_gbt_8170_and_leave_the_download_as_written() {
    let site = with_observations(
        "testcity,pass-rate,2016,93.125,测试数据\n\
         testcity,pass-rate,2017,93.135,测试数据\n\
         testcity,pass-rate,2018,95.5,测试数据\n",
    );
    site.edit("data/indicators.toml", |t| {
        t.replacen("kind = \"预期性\"", "kind = \"预期性\"\ndecimals = 2", 1)
    });
    site.built();
    let page = site.read(&format!("{PASS_RATE}index.html"));
    let text = text_of(&page);
    // 93.125 → 93.12 and 93.135 → 93.14 (five rounds to the even digit), 95.5 → 95.50, the
    // target 97 → 97.00, the baseline 93.2 → 93.20.
    for shown in ["93.12%", "93.14%", "95.50%", "97.00%", "93.20%"] {
        assert!(text.contains(shown), "{shown} is not on the page:\n{text}");
    }
    assert!(
        !text.contains("93.125") && !text.contains("93.13%"),
        "{text}"
    );
    let csv = site.read(&format!("{PASS_RATE}data.csv"));
    assert!(csv.contains(",2016,93.125,%,"), "{csv}");
}

#[test]
fn decimals_that_are_no_number_of_decimals_are_refused() {
    let site = TestSite::basic();
    site.edit("data/indicators.toml", |t| {
        t.replacen(
            "kind = \"预期性\"",
            "kind = \"预期性\"\ndecimals = \"两位\"",
            1,
        )
    });
    refused(
        &site,
        1,
        &[
            "data/indicators.toml:11:12: 错误：第 11 行第 12 列：“decimals”项：“两位”不是小数位数（应为 0 到 10 的整数）",
            "提示：请写这个指标的数字显示几位小数，例如 96.8 写 1；不写则每个数字按原样显示",
        ],
    );
}

/// The basic site with its indicators and observations in the office-made workbook `name`
/// (tests/fixtures/workbooks/habits: LibreOffice wrote it from habits.fods).
fn with_office_workbook(name: &str) -> TestSite {
    let bytes = std::fs::read(repo().join("tests/fixtures/workbooks/habits").join(name)).unwrap();
    let site = TestSite::basic();
    site.remove("data/indicators.toml")
        .remove("data/observations.csv")
        .file(&format!("data/{name}"), bytes);
    site
}

/// A workbook as an office keeps it gives the same site as the basic fixture's TOML and CSV,
/// byte for byte: a 说明 sheet, title rows, a two-row header merged over 值 and 年份, a 序号
/// column, cities by name, `.xls`, `.xlsx` and `.ods` cells stored as fractions and shown as
/// `0.0%`;
/// the hidden sheet's draft figure (99%) is not published, and the build says so.
#[test]
fn an_office_workbook_with_an_editors_habits_gives_the_same_site() {
    let reference = TestSite::basic();
    reference.built();
    for name in ["数据.xls", "数据.xlsx", "数据.ods"] {
        let site = with_office_workbook(name);
        let output = site.build(&["--lang", "zh-Hans"]);
        assert_success(&output);
        let said = stderr(&output) + &stdout(&output);
        for line in [
            format!("data/{name}: 说明：工作表“实际值”被隐藏了：它的行不会发布"),
            "提示：要发布这些行，请取消隐藏这个工作表（右键单击工作表标签，选“取消隐藏”）；不想发布就不用管它".to_string(),
        ] {
            assert!(
                said.lines().any(|l| l.trim_start() == line),
                "{name}: no line is exactly {line:?}:\n{said}"
            );
        }
        assert!(
            snapshot(&site.public()) == snapshot(&reference.public()),
            "{name} gives another site than the TOML and CSV"
        );
    }
}

#[test]
fn a_very_hidden_sheet_is_left_out_and_said() {
    let mut workbook = rust_xlsxwriter::Workbook::new();
    let sheet = workbook.add_worksheet().set_name("观测").unwrap();
    for (c, header) in ["城市", "指标", "日期", "实际值", "来源"]
        .iter()
        .enumerate()
    {
        sheet.write_string(0, c as u16, *header).unwrap();
    }
    for (r, (year, value)) in [(2017.0, 95.5), (2018.0, 96.1)].into_iter().enumerate() {
        let r = r as u32 + 1;
        sheet.write_string(r, 0, "testcity").unwrap();
        sheet.write_string(r, 1, "pass-rate").unwrap();
        sheet.write_number(r, 2, year).unwrap();
        sheet.write_number(r, 3, value).unwrap();
        sheet.write_string(r, 4, "测试数据").unwrap();
    }
    let draft = workbook.add_worksheet().set_name("监测").unwrap();
    draft.set_very_hidden(true);
    for (c, text) in ["城市", "指标", "日期", "实际值"].iter().enumerate() {
        draft.write_string(0, c as u16, *text).unwrap();
    }
    draft.write_string(1, 0, "testcity").unwrap();
    draft.write_string(1, 1, "pass-rate").unwrap();
    draft.write_number(1, 2, 2019.0).unwrap();
    draft.write_number(1, 3, 99.0).unwrap();
    let reference = TestSite::basic();
    reference.built();
    let site = TestSite::basic();
    site.remove("data/observations.csv")
        .file("data/数据.xlsx", workbook.save_to_buffer().unwrap());
    let output = site.build(&["--lang", "zh-Hans"]);
    assert_success(&output);
    let said = stderr(&output);
    assert!(
        said.contains(
            "data/数据.xlsx: 说明：工作表“监测”被深度隐藏了（只能通过宏显示）：它的行不会发布"
        ),
        "{said}"
    );
    assert!(snapshot(&site.public()) == snapshot(&reference.public()));
}

#[test]
fn an_observation_from_the_future_is_refused_unless_the_row_says_forecast() {
    let site = with_observations("testcity,pass-rate,2199-12-31,99,测试数据\n");
    let today = chrono::Utc::now() + chrono::Duration::hours(8);
    let today = today.format("%Y-%m-%d").to_string();
    refused(
        &site,
        1,
        &[
            &format!("data/observations.csv:2:3: 错误：第 2 行第 3 列：“date”列：日期 2199-12-31 晚于今天（{today}）：实际监测值不可能来自将来"),
            "提示：请改正日期（年份是不是打错了？）；如果这是预测值，请在这一行的“预测”列写“是”",
        ],
    );
    // Marked as a forecast (预测): read, shown as one (tests/it/forecasts.rs), and never taken
    // for the latest measurement.
    let site = TestSite::basic();
    site.file(
        "data/observations.csv",
        "城市,指标,日期,实际值,来源,预测\n\
         testcity,pass-rate,2017,95.5,测试数据,\n\
         testcity,pass-rate,2018,96.1,测试数据,否\n\
         testcity,pass-rate,2199-12-31,99,规划预测,是\n",
    );
    site.built();
    let page = text_of(&site.read(&format!("{PASS_RATE}index.html")));
    assert!(page.contains("最新：2018年96.1%"), "{page}");
    assert!(page.contains("预测2199年12月31日99%"), "{page}");
    assert!(!page.contains("已完成"), "{page}");
}

#[test]
fn an_achievement_from_the_future_is_refused() {
    let site = TestSite::basic();
    site.edit("data/achievements.csv", |t| {
        t.replacen("2018-12", "2199-12", 1)
    });
    let today = (chrono::Utc::now() + chrono::Duration::hours(8))
        .format("%Y-%m-%d")
        .to_string();
    let message = refused(&site, 1, &["提示：请改正日期（年份是不是打错了？）"]);
    assert!(
        message.contains(&format!(
            "日期 2199-12 晚于今天（{today}）：成果只能统计到已经过去的日子"
        )),
        "{message}"
    );
}

#[test]
fn a_forecast_mark_that_is_no_yes_or_no_names_the_choices() {
    let site = TestSite::basic();
    site.file(
        "data/observations.csv",
        "城市,指标,日期,实际值,来源,预测\ntestcity,pass-rate,2017,95.5,测试数据,也许\n",
    );
    let message = refused(&site, 1, &[]);
    assert!(message.contains("“也许”不是可用的预测标记"), "{message}");
}

#[test]
fn a_date_time_with_a_broken_time_is_refused() {
    let site = with_observations("testcity,pass-rate,2021-10-14T25:99:99junk,95,测试数据\n");
    refused(
        &site,
        1,
        &["data/observations.csv:2:3: 错误：第 2 行第 3 列：“date”列：“2021-10-14T25:99:99junk”不是日期：请写成 2021、2021-10 或 2021-10-14（也可以写 2021年10月14日）"],
    );
}

#[test]
fn a_city_is_named_by_its_chinese_name_wherever_its_id_is_accepted() {
    let reference = TestSite::basic();
    reference.built();
    let site = TestSite::basic();
    site.file(
        "data/observations.csv",
        "城市,指标,日期,实际值,来源\n测试市,pass-rate,2017,95.5,测试数据\n测试,pass-rate,2018,96.1,测试数据\n",
    );
    site.edit("data/indicators.toml", |t| {
        t.replace("city = \"testcity\"", "city = \"测试市\"")
    });
    site.edit("content/policies/plan.md", |t| {
        t.replace("city = \"testcity\"", "city = \"测试\"")
            .replace("indicator(city=\"testcity\"", "indicator(city=\"测试市\"")
    });
    site.built();
    assert!(
        snapshot(&site.public()) == snapshot(&reference.public()),
        "cities by name give another site than by id"
    );
}

#[test]
fn a_name_of_two_cities_asks_for_the_id() {
    let site = TestSite::basic();
    site.edit("data/cities.toml", |t| {
        format!("{t}\n[[city]]\nid = \"other\"\nname = \"测试县\"\n")
    });
    site.file(
        "data/observations.csv",
        "城市,指标,日期,实际值,来源\n测试,pass-rate,2017,95.5,测试数据\n",
    );
    refused(
        &site,
        1,
        &[
            "data/observations.csv:2:1: 错误：第 2 行第 1 列：“城市”列：“测试”是不止一个城市的名称：testcity, other",
            "提示：请写城市的编号，不要写名称",
        ],
    );
}

#[test]
fn a_copy_beside_its_original_is_one_message_naming_both() {
    let site = TestSite::basic();
    let observations = site.source("data/observations.csv");
    site.file("data/observations - 副本.csv", &observations);
    refused(
        &site,
        1,
        &[
            "data/observations - 副本.csv: 错误：data/observations - 副本.csv 是 data/observations.csv 的副本：只读取 data/observations.csv",
            "提示：请删除副本，或者把它移出 data 文件夹（如果改的是副本，请先把它另存为原文件的名字）",
        ],
    );
    // A browser's second download of a workbook, beside it.
    let site = with_office_workbook("数据.xlsx");
    let bytes = std::fs::read(site.path("data/数据.xlsx")).unwrap();
    site.file("data/数据(1).xlsx", bytes);
    let message = refused(&site, 1, &[]);
    assert!(
        message.contains("data/数据(1).xlsx 是 data/数据.xlsx 的副本"),
        "{message}"
    );
}

#[test]
fn a_hint_names_the_file_and_sheet_the_cities_come_from() {
    let site = TestSite::basic();
    site.remove("data/cities.toml");
    let mut workbook = rust_xlsxwriter::Workbook::new();
    let sheet = workbook.add_worksheet().set_name("城市").unwrap();
    for (c, text) in ["编号", "名称", "省份"].iter().enumerate() {
        sheet.write_string(0, c as u16, *text).unwrap();
        sheet
            .write_string(1, c as u16, ["testcity", "测试市", "测试省"][c])
            .unwrap();
    }
    site.file("data/数据.xlsx", workbook.save_to_buffer().unwrap());
    site.edit("data/observations.csv", |t| {
        t.replacen("testcity,pass-rate,2017", "testcty,pass-rate,2017", 1)
    });
    refused(
        &site,
        1,
        &[
            "data/observations.csv:2:1: 错误：第 2 行第 1 列：“city”列：没有“testcty”这个城市",
            "提示：是不是“testcity”？本网站的城市有：testcity；或者把这个城市加到 data/数据.xlsx（工作表“城市”） 里",
        ],
    );
    // An indicator's hint names the file its city's indicators are in.
    let site = TestSite::basic();
    site.edit("data/observations.csv", |t| {
        t.replacen("testcity,pass-rate,2017", "testcity,pass-rat,2017", 1)
    });
    let message = refused(&site, 1, &[]);
    assert!(
        message.contains("请用 data/indicators.toml 里 testcity 的指标 id"),
        "{message}"
    );
}

#[test]
fn a_serial_column_is_read_in_a_csv_too() {
    let site = TestSite::basic();
    site.file(
        "data/observations.csv",
        "序号,城市,指标,日期,实际值,来源\n1,testcity,pass-rate,2017,95.5,测试数据\n2,testcity,pass-rate,2018,96.1,测试数据\n",
    );
    let reference = TestSite::basic();
    reference.built();
    site.built();
    assert!(snapshot(&site.public()) == snapshot(&reference.public()));
}
