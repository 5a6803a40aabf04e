//! Workbooks (`.xlsx`, `.xls`, `.ods`) in `data/`: the same site as the same rows in CSV and
//! TOML, byte for byte; Excel dates; numbers stored as numbers or as text, or as fractions shown
//! as percentages; messages naming the sheet, the row and the column's header; a table saved
//! twice.

use crate::support::workbooks::{observation, ods, xlsx, SheetData, Value};
use crate::support::*;
use stdportal::data::columns::{
    ACHIEVEMENT_SHEET_HEADERS, INDICATOR_SHEET_HEADERS, OBSERVATION_SHEET_HEADERS,
};

use Value::{Date, Number as N, Text as T};

/// The basic fixture's indicators, observations and achievements as sheets with Chinese
/// headers (those `stdportal init` gives a new sheet): numbers stored as numbers, one as text (`1,024`), years as numbers and as text.
fn basic_sheets() -> Vec<SheetData<'static>> {
    vec![
        SheetData {
            name: "指标",
            headers: &INDICATOR_SHEET_HEADERS,
            rows: vec![
                vec![
                    T("pass-rate"),
                    T("testcity"),
                    T("plan"),
                    T("质量"),
                    T("工业产品质量监督抽查合格率"),
                    T("%"),
                    N(93.2),
                    N(2015.0),
                    N(97.0),
                    N(2020.0),
                    T(">="),
                    T("预期性"),
                    T("plan"),
                    T("工业产品质量监督抽查合格率达到97%以上"),
                ],
                vec![
                    T("national-standards"),
                    T("testcity"),
                    T("plan"),
                    T("标准"),
                    T("主导或参与制修订国家标准"),
                    T("项"),
                    T(""),
                    T(""),
                    T("30"),
                    T("2020年"),
                    T("以上"),
                    T(""),
                    T("plan"),
                    T("主导或参与制修订国家标准30项"),
                ],
            ],
        },
        SheetData {
            name: "观测",
            headers: &OBSERVATION_SHEET_HEADERS,
            rows: vec![
                observation(N(2017.0), N(95.5)),
                observation(T("2018"), T("９６．１")),
            ],
        },
        SheetData {
            name: "成果",
            headers: &ACHIEVEMENT_SHEET_HEADERS,
            rows: vec![
                vec![
                    T("testcity"),
                    T("2018-12"),
                    T("标准"),
                    T("国家"),
                    T("国家标准"),
                    N(12.0),
                    T("项"),
                    T("plan"),
                    T(""),
                ],
                vec![
                    T("testcity"),
                    T("2018年12月"),
                    T("标准"),
                    T("地方"),
                    T("地方标准"),
                    T("1,024"),
                    T("项"),
                    T("plan"),
                    T(""),
                ],
            ],
        },
    ]
}

/// The basic site with its tables in one workbook instead of TOML and CSV files.
fn basic_with_workbook(name: &str, bytes: Vec<u8>) -> TestSite {
    let site = TestSite::basic();
    site.remove("data/indicators.toml")
        .remove("data/observations.csv")
        .remove("data/achievements.csv")
        .file(name, bytes);
    site
}

#[test]
fn xlsx_and_ods_workbooks_give_the_same_site_as_csv_and_toml() {
    let csv = TestSite::basic();
    csv.built();
    let expected = snapshot(&csv.public());
    for (name, bytes) in [
        ("data/数据.xlsx", xlsx(&basic_sheets())),
        ("data/数据.ods", ods(&basic_sheets())),
    ] {
        let site = basic_with_workbook(name, bytes);
        site.built();
        let got = snapshot(&site.public());
        assert_eq!(
            got.keys().collect::<Vec<_>>(),
            expected.keys().collect::<Vec<_>>(),
            "{name}"
        );
        for (path, bytes) in &expected {
            assert!(got[path] == *bytes, "{name}: {} differs", path.display());
        }
    }
}

/// An Excel 97-2003 workbook (`.xls`, BIFF8), which no Rust crate writes: the same cells as
/// [`basic_sheets`], made once by `tests/fixtures/workbooks/make_basic_xls.py`.
#[test]
fn an_xls_workbook_gives_the_same_site_as_csv_and_toml() {
    let csv = TestSite::basic();
    csv.built();
    let bytes = std::fs::read(repo().join("tests/fixtures/workbooks/basic.xls")).unwrap();
    let site = basic_with_workbook("data/数据.xls", bytes);
    site.built();
    assert!(
        snapshot(&site.public()) == snapshot(&csv.public()),
        "the .xls workbook gives another site than the CSV and TOML files"
    );
}

#[test]
fn an_excel_date_is_a_day_and_a_workbook_named_after_a_table_holds_it() {
    let csv = TestSite::basic();
    csv.file(
        "data/observations.csv",
        "city,indicator,date,value,source\ntestcity,pass-rate,2017,95.5,测试数据\ntestcity,pass-rate,2018-06-30,96.1,测试数据\n",
    );
    csv.built();
    for (name, bytes) in [
        (
            "data/observations.xlsx",
            xlsx as fn(&[SheetData<'_>]) -> Vec<u8>,
        ),
        ("data/observations.ods", ods),
    ] {
        let site = TestSite::basic();
        site.remove("data/observations.csv").file(
            name,
            bytes(&[SheetData {
                name: "Sheet1",
                headers: &["city", "indicator", "date", "value", "source"],
                rows: vec![
                    observation(N(2017.0), N(95.5)),
                    observation(Date(2018, 6, 30), N(96.1)),
                ],
            }]),
        );
        site.built();
        assert!(
            snapshot(&site.public()) == snapshot(&csv.public()),
            "{name} differs from the CSV"
        );
    }
}

#[test]
fn a_bad_cell_names_the_sheet_the_row_and_the_column_header() {
    let mut sheets = basic_sheets();
    sheets[1].rows[1][3] = T("九十六");
    let site = basic_with_workbook("data/数据.xlsx", xlsx(&sheets));
    let message = site.rejected(&[
        "data/数据.xlsx:3:4: error: in sheet \"观测\", column D \"实际值\": \"九十六\" is not a number",
    ]);
    assert_eq!(message.matches(": error: ").count(), 1, "{message}");
}

#[test]
fn a_workbook_and_a_csv_of_one_name_are_refused() {
    let site = TestSite::basic();
    let sheets = basic_sheets();
    site.file("data/observations.xlsx", xlsx(&sheets[1..2]));
    let message = site.rejected(&[
        "data/observations.csv and data/observations.xlsx hold the same data twice",
        "help: keep one of them",
    ]);
    assert_eq!(message.matches(": error: ").count(), 1, "{message}");
}

#[test]
fn a_sheet_named_after_no_table_is_refused() {
    let mut sheets = basic_sheets();
    sheets[2].name = "Sheet3";
    let site = basic_with_workbook("data/数据.xlsx", xlsx(&sheets));
    site.rejected(&[
        "data/数据.xlsx: error: the sheet \"Sheet3\" is not named after a table",
        "cities (城市), indicators (指标), observations (观测) or achievements (成果)",
    ]);
}

/// Excel stores 97% typed in a cell as 0.97 with the format `0%`: read as the 97 it shows.
#[test]
fn a_percentage_in_an_xlsx_cell_is_read_as_shown() {
    let csv = TestSite::basic();
    csv.built();
    let mut workbook = rust_xlsxwriter::Workbook::new();
    let percent = rust_xlsxwriter::Format::new().set_num_format("0.0%");
    let sheet = workbook.add_worksheet();
    for (c, header) in OBSERVATION_SHEET_HEADERS.iter().enumerate() {
        sheet.write_string(0, c as u16, *header).unwrap();
    }
    for (r, (year, value)) in [(2017.0, 0.955), (2018.0, 0.961)].into_iter().enumerate() {
        let r = r as u32 + 1;
        sheet.write_string(r, 0, "testcity").unwrap();
        sheet.write_string(r, 1, "pass-rate").unwrap();
        sheet.write_number(r, 2, year).unwrap();
        sheet
            .write_number_with_format(r, 3, value, &percent)
            .unwrap();
        sheet.write_string(r, 4, "测试数据").unwrap();
    }
    let site = TestSite::basic();
    site.remove("data/observations.csv")
        .file("data/observations.xlsx", workbook.save_to_buffer().unwrap());
    site.built();
    assert!(
        snapshot(&site.public()) == snapshot(&csv.public()),
        "95.5% and 96.1% in the workbook give another site than 95.5 and 96.1 in the CSV"
    );
}
