//! The data tables' messages in Chinese: the common mistakes in a CSV file, a workbook, a TOML
//! table and the rows they hold, each run through the real command with `--lang zh-Hans` or
//! `--lang zh-Hant`, checked line by line (the message and its hint), exit code 1.

use crate::support::workbooks::{observation, xlsx, SheetData, Value};
use crate::support::*;
use stdportal::data::columns::OBSERVATION_SHEET_HEADERS;

use Value::{Number as N, Text as T};

/// The build of `site` in `lang` is refused with exactly `errors` errors, and each of `lines`
/// is a whole line of what it says (a hint line as it is after its indent).
fn refused(site: &TestSite, lang: &str, errors: usize, lines: &[&str]) -> String {
    let message = site.rejected_in(lang, lines);
    for line in lines {
        assert!(
            message.lines().any(|l| l.trim_start() == *line),
            "{lang}: no line is exactly {line:?}:\n{message}"
        );
    }
    let marker = match lang {
        "zh-Hans" => ": 错误：",
        "zh-Hant" => ": 錯誤：",
        _ => ": error: ",
    };
    assert_eq!(message.matches(marker).count(), errors, "{message}");
    message
}

/// A file of the basic fixture.
fn fixture(rel: &str) -> String {
    std::fs::read_to_string(repo().join("tests/fixtures/basic").join(rel)).unwrap()
}

const OBSERVATIONS_HEADER: &str = "city,indicator,date,value,source\n";

fn with_observations(rows: &str) -> TestSite {
    let site = TestSite::basic();
    site.file(
        "data/observations.csv",
        format!("{OBSERVATIONS_HEADER}testcity,pass-rate,2017,95.5,测试数据\n{rows}"),
    );
    site
}

#[test]
fn a_decimal_comma_in_a_csv_names_the_column_and_the_number_meant() {
    let site = with_observations("testcity,pass-rate,2018,\"96,1\",测试数据\n");
    refused(
        &site,
        "zh-Hans",
        1,
        &[
            "data/observations.csv:3:4: 错误：第 3 行第 4 列：“value”列：“96,1”不是数字：逗号只能作千位分隔符，后面正好是三位数字",
            "提示：是小数点吗？请写 96.1；千位写成 13,375 或 13375",
        ],
    );
    refused(
        &site,
        "zh-Hant",
        1,
        &[
            "data/observations.csv:3:4: 錯誤：第 3 行第 4 欄：“value”欄：“96,1”不是數字：逗號只能作千位分隔符，後面正好是三位數字",
            "提示：是小數點嗎？請寫 96.1；千位寫成 13,375 或 13375",
        ],
    );
}

#[test]
fn a_word_for_a_number_in_a_csv() {
    let site = with_observations("testcity,pass-rate,2018,九十六,测试数据\n");
    refused(
        &site,
        "zh-Hans",
        1,
        &[
            "data/observations.csv:3:4: 错误：第 3 行第 4 列：“value”列：“九十六”不是数字",
            "提示：请只写数字，例如 432 或 97.5（可以有千位分隔符或末尾的 %）",
        ],
    );
}

/// A workbook with the basic site's observations on a sheet `观测`, one value a word.
fn workbook_with_a_bad_cell() -> TestSite {
    let site = TestSite::basic();
    site.remove("data/observations.csv").file(
        "data/数据.xlsx",
        xlsx(&[SheetData {
            name: "观测",
            headers: &OBSERVATION_SHEET_HEADERS,
            rows: vec![
                observation(N(2017.0), N(95.5)),
                observation(N(2018.0), T("九十六")),
            ],
        }]),
    );
    site
}

#[test]
fn a_bad_workbook_cell_names_the_sheet_the_row_and_the_column_header() {
    let site = workbook_with_a_bad_cell();
    refused(
        &site,
        "zh-Hans",
        1,
        &["data/数据.xlsx:3:4: 错误：第 3 行第 4 列：工作表“观测”的 D 列“实际值”：“九十六”不是数字"],
    );
    refused(
        &site,
        "zh-Hant",
        1,
        &["data/数据.xlsx:3:4: 錯誤：第 3 行第 4 欄：工作表“观测”的 D 欄“实际值”：“九十六”不是數字"],
    );
}

#[test]
fn a_sheet_named_after_no_table() {
    let site = TestSite::basic();
    site.file(
        "data/数据.xlsx",
        xlsx(&[SheetData {
            name: "Sheet1",
            headers: &["城市"],
            rows: vec![vec![T("testcity")]],
        }]),
    );
    refused(
        &site,
        "zh-Hans",
        1,
        &[
            "data/数据.xlsx: 错误：工作表“Sheet1”的名字不是数据表的名字",
            "提示：请用工作表所存的数据表给它命名：城市（cities）、指标（indicators）、观测（observations）或成果（achievements）；或者用工作簿唯一的数据表给工作簿命名，例如 data/observations.xlsx",
        ],
    );
}

#[test]
fn a_utf16_csv_is_refused_with_how_to_save_it() {
    let site = TestSite::basic();
    let text = format!("{OBSERVATIONS_HEADER}testcity,pass-rate,2017,95.5,测试数据\n");
    let mut bytes = vec![0xFF, 0xFE];
    bytes.extend(text.encode_utf16().flat_map(u16::to_le_bytes));
    site.file("data/observations.csv", bytes);
    refused(
        &site,
        "zh-Hans",
        1,
        &[
            "data/observations.csv:1:1: 错误：第 1 行第 1 列：这个文件保存成了 UTF-16",
            "提示：请在 Excel 里把它另存为“CSV UTF-8”或普通的“CSV”",
        ],
    );
    refused(
        &site,
        "zh-Hant",
        1,
        &[
            "data/observations.csv:1:1: 錯誤：第 1 行第 1 欄：這個檔案儲存成了 UTF-16",
            "提示：請在 Excel 裡把它另存為“CSV UTF-8”或普通的“CSV”",
        ],
    );
}

#[test]
fn a_row_with_too_many_values() {
    let site = with_observations("testcity,pass-rate,2018,96.1,测试数据,多余\n");
    refused(
        &site,
        "zh-Hans",
        1,
        &[
            "data/observations.csv:3:6: 错误：第 3 行第 6 列：这一行有 6 个值，但表头有 5 列",
            "提示：请检查是否少了或多了逗号；含有逗号的值要放在英文双引号里",
        ],
    );
    refused(
        &site,
        "zh-Hant",
        1,
        &[
            "data/observations.csv:3:6: 錯誤：第 3 行第 6 欄：這一列有 6 個值，但標題列有 5 欄",
            "提示：請檢查是否少了或多了逗號；含有逗號的值要放在英文雙引號裡",
        ],
    );
}

#[test]
fn a_row_with_one_value_says_value_in_english() {
    let site = with_observations("testcity\n");
    refused(
        &site,
        "en",
        1,
        &["data/observations.csv:3:2: error: this row has 1 value but the header has 5 columns"],
    );
}

#[test]
fn a_city_id_used_twice() {
    let site = TestSite::basic();
    let cities = fixture("data/cities.toml");
    site.file("data/cities.toml", format!("{cities}\n{cities}"));
    refused(
        &site,
        "zh-Hans",
        1,
        &["data/cities.toml:7:1: 错误：第 7 行第 1 列：城市 id“testcity”用了两次"],
    );
}

#[test]
fn an_indicator_id_used_twice() {
    let site = TestSite::basic();
    let indicators = fixture("data/indicators.toml");
    site.file(
        "data/indicators.toml",
        format!("{indicators}\n[[indicator]]\nid = \"pass-rate\"\ncity = \"testcity\"\nname = \"重复\"\ntarget = {{ value = 1, year = 2020 }}\n"),
    );
    refused(
        &site,
        "zh-Hant",
        1,
        &["data/indicators.toml:23:1: 錯誤：第 23 行第 1 欄：城市“testcity”的指標 id“pass-rate”用了兩次"],
    );
}

#[test]
fn an_unknown_csv_column_lists_the_columns_with_their_chinese_headers() {
    let site = TestSite::basic();
    site.file(
        "data/observations.csv",
        "city,indicator,date,数额,source\ntestcity,pass-rate,2017,95.5,测试数据\n",
    );
    refused(
        &site,
        "zh-Hans",
        1,
        &[
            "data/observations.csv:1:4: 错误：第 1 行第 4 列：没有“数额”这一列",
            "提示：这个表的列有：city（城市）, indicator（指标, 指标编号）, date（日期, 时间）, year（年份）, value（实际值, 数值, 值）, source（来源）, forecast（预测, 是否预测）",
        ],
    );
}

#[test]
fn an_unknown_comparator_names_the_choices() {
    let site = TestSite::basic();
    let indicators = fixture("data/indicators.toml");
    site.file(
        "data/indicators.toml",
        indicators.replacen("comparator = \">=\"", "comparator = \"大约\"", 1),
    );
    refused(
        &site,
        "zh-Hans",
        1,
        &[
            "data/indicators.toml:9:50: 错误：第 9 行第 50 列：“target.comparator”项：“大约”不是可用的比较方式，请写其中之一：“>=”（≥、＞＝、以上、不低于、不低於、不少于、不少於）、“<=”（≤、＜＝、以下、以内、以內、不高于、不高於、不超过、不超過）或“=”（==、＝、达到、達到）",
            "提示：请写 >=（不低于）、<=（不高于）或 =（达到）",
        ],
    );
}

#[test]
fn an_unknown_key_in_a_toml_table() {
    let site = TestSite::basic();
    let cities = fixture("data/cities.toml");
    site.file("data/cities.toml", format!("{cities}population = 3\n"));
    refused(
        &site,
        "zh-Hant",
        1,
        &[
            "data/cities.toml:6:1: 錯誤：第 6 行第 1 欄：沒有“population”這個名稱",
            "提示：這個表可以用的名稱有：id, name, province, introduction",
        ],
    );
}
