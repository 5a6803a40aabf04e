//! Workbooks (`.xlsx`, `.xls`, `.ods`) in `data/`: the same site as the same rows in CSV and
//! TOML, byte for byte; Excel dates; numbers stored as numbers or as text, or as fractions shown
//! as percentages; messages naming the sheet, the row and the column's header; a table saved
//! twice. Hostile workbooks (a cell at XFD1048576, zip bombs, `.ods` repeats, encrypted files,
//! damaged records), each refused under a memory limit with the limit it passes.

use std::io::Write;
use std::process::Command;

use crate::support::workbooks::raw::{self, part, text_cell, Part};
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

/// The fuzz target's seeds (`fuzz/fuzz_targets/workbooks.rs`) beside `basic.xls`: the same
/// cells, written by this file's helpers; they give the same site as the CSV and TOML files.
/// `STDPORTAL_WRITE_SEEDS=1` writes them again after a change to the helpers.
#[test]
fn the_seed_workbooks_give_the_same_site_as_csv_and_toml() {
    let csv = TestSite::basic();
    csv.built();
    let expected = snapshot(&csv.public());
    for (name, bytes) in [
        ("basic.xlsx", xlsx(&basic_sheets())),
        ("basic.ods", ods(&basic_sheets())),
    ] {
        let seed = repo().join("tests/fixtures/workbooks").join(name);
        if std::env::var_os("STDPORTAL_WRITE_SEEDS").is_some() {
            std::fs::write(&seed, &bytes).unwrap();
        }
        let site = basic_with_workbook(
            &format!("data/数据.{}", &name[6..]),
            std::fs::read(&seed).unwrap(),
        );
        site.built();
        assert!(
            snapshot(&site.public()) == expected,
            "{name} gives another site"
        );
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

/// The basic site with the observations `rows` (city, indicator, date, value, source) in its
/// CSV.
fn basic_with_observations_csv(rows: &str) -> TestSite {
    let site = TestSite::basic();
    site.file(
        "data/observations.csv",
        format!("city,indicator,date,value,source\n{rows}"),
    );
    site
}

/// An `.ods` saved by LibreOffice (tests/fixtures/workbooks/formats, made by its make.sh):
/// fractions shown as `0.0%`, `0.0%;[RED]-0.0%` and `0%`, numbers shown as `0.00` (a column's
/// default style, as LibreOffice writes it). Each is published as the cell shows it, on the
/// page and in the download, in both scripts: the download is that of the CSV of those figures.
#[test]
fn an_ods_cell_is_read_as_its_format_shows_it() {
    let csv = basic_with_observations_csv(
        "testcity,pass-rate,2017,95.5,测试数据\n\
         testcity,pass-rate,2018,96.1,测试数据\n\
         testcity,pass-rate,2019,97,测试数据\n\
         testcity,pass-rate,2020,97.50,测试数据\n\
         testcity,pass-rate,2021,98.13,测试数据\n",
    );
    csv.built();
    let bytes = std::fs::read(repo().join("tests/fixtures/workbooks/formats/观测.ods")).unwrap();
    let site = TestSite::basic();
    site.remove("data/observations.csv")
        .file("data/observations.ods", bytes);
    site.built();
    for root in ["", "zh-hant/"] {
        let page = site.read(&format!(
            "{root}cities/testcity/indicators/pass-rate/index.html"
        ));
        for shown in [
            "<td>95.5%</td>",
            "<td>96.1%</td>",
            "<td>97%</td>",
            "<td>97.50%</td>",
            "<td>98.13%</td>",
        ] {
            assert!(page.contains(shown), "{root}: {shown} is not in the table");
        }
        assert!(
            !page.contains("0.97%") && !page.contains("98.125"),
            "{root}"
        );
        let download = site.read(&format!(
            "{root}cities/testcity/indicators/pass-rate/data.csv"
        ));
        for row in [",2019,97,%,", ",2020,97.50,%,", ",2021,98.13,%,"] {
            assert!(
                download.contains(row),
                "{root}: {row} is not in:\n{download}"
            );
        }
    }
    // The downloads are those of the CSV of the figures the cells show. (The pages' charts
    // differ by a hundredth of a pixel: 98.125 is kept for computing, as in .xlsx.)
    for root in ["", "zh-hant/"] {
        let download = format!("{root}cities/testcity/indicators/pass-rate/data.csv");
        assert_eq!(site.read(&download), csv.read(&download), "{download}");
    }
}

const ODS_NAMESPACES: &str = r#"xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" xmlns:number="urn:oasis:names:tc:opendocument:xmlns:datastyle:1.0" office:version="1.2""#;

/// The basic site's observations sheet as OpenDocument `content.xml`: `columns` before the
/// rows, and each value cell as `value_cell` makes it from the stored value and the text shown.
fn ods_observations(columns: &str, value_cell: impl Fn(f64, &str) -> String) -> String {
    let text = |t: &str| {
        format!(
            r#"<table:table-cell office:value-type="string"><text:p>{t}</text:p></table:table-cell>"#
        )
    };
    let mut rows: String = OBSERVATION_SHEET_HEADERS.iter().map(|h| text(h)).collect();
    rows = format!("<table:table-row>{rows}</table:table-row>");
    for (year, value, shown) in [(2017, 0.955, "95.5%"), (2018, 0.961, "96.1%")] {
        rows.push_str(&format!(
            r#"<table:table-row>{}{}<table:table-cell office:value-type="float" office:value="{year}"><text:p>{year}</text:p></table:table-cell>{}{}</table:table-row>"#,
            text("testcity"),
            text("pass-rate"),
            value_cell(value, shown),
            text("测试数据"),
        ));
    }
    format!(
        r#"<?xml version="1.0" encoding="UTF-8"?><office:document-content {ODS_NAMESPACES}><office:body><office:spreadsheet><table:table table:name="观测">{columns}{rows}</table:table></office:spreadsheet></office:body></office:document-content>"#
    )
}

/// A writer other than LibreOffice (as WPS and Excel export OpenDocument) may keep a
/// percentage in a named style of `styles.xml`, give it to a whole column and type the cells
/// as plain numbers (`float`): read as the percentages they show.
#[test]
fn an_ods_percentage_kept_in_a_named_style_and_a_column_is_read_as_shown() {
    let csv = TestSite::basic();
    csv.built();
    let styles = format!(
        r#"<?xml version="1.0" encoding="UTF-8"?><office:document-styles {ODS_NAMESPACES}><office:styles><number:percentage-style style:name="百分比格式"><number:number number:decimal-places="1" number:min-integer-digits="1"/><number:text>%</number:text></number:percentage-style><style:style style:name="Default" style:family="table-cell"/><style:style style:name="百分比" style:family="table-cell" style:parent-style-name="Default" style:data-style-name="百分比格式"/><style:style style:name="实际值列" style:family="table-cell" style:parent-style-name="百分比"/></office:styles></office:document-styles>"#
    );
    let content = ods_observations(
        r#"<table:table-column table:number-columns-repeated="3"/><table:table-column table:default-cell-style-name="实际值列"/><table:table-column/>"#,
        |value, shown| {
            format!(
                r#"<table:table-cell office:value-type="float" office:value="{value}"><text:p>{shown}</text:p></table:table-cell>"#
            )
        },
    );
    let site = TestSite::basic();
    site.remove("data/observations.csv").file(
        "data/observations.ods",
        raw::ods_with_styles(&content, &styles),
    );
    site.built();
    assert!(
        snapshot(&site.public()) == snapshot(&csv.public()),
        "95.5% and 96.1% kept in a named style give another site than 95.5 and 96.1 in the CSV"
    );
}

/// A cell showing its stored fraction as a percentage (`95.5%` for 0.955) whose format is not
/// found in the file is refused, naming the file, the sheet, the cell and the column: never
/// published as 0.955%.
#[test]
fn an_ods_cell_showing_a_percentage_without_a_format_is_refused() {
    let content = ods_observations("", |value, shown| {
        format!(
            r#"<table:table-cell table:style-name="ce9" office:value-type="float" office:value="{value}"><text:p>{shown}</text:p></table:table-cell>"#
        )
    });
    let site = with_observations("data/observations.ods", raw::ods_with_styles(&content, ""));
    site.rejected_in(
        "zh-Hans",
        &[
            "data/observations.ods:2:4: 错误：第 2 行第 4 列：工作表“观测”的 D 列“实际值”：这个单元格把保存的小数显示为百分数，但读不出它的数字格式，不能确定要发布的数值",
            "data/observations.ods:3:4: 错误：第 3 行第 4 列：工作表“观测”的 D 列“实际值”：这个单元格把保存的小数显示为百分数，但读不出它的数字格式，不能确定要发布的数值",
            "提示：请把单元格格式设为“百分比”（设置单元格格式 → 百分比）后重新保存，或者直接输入数值（97% 写 97），把 % 写在单位列",
        ],
    );
    // A figure that shows a literal % after itself (97 shown `97%`) is the figure it shows.
    let content = ods_observations("", |value, _| {
        let figure = value * 100.0;
        format!(
            r#"<table:table-cell office:value-type="float" office:value="{figure:.1}"><text:p>{figure:.1}%</text:p></table:table-cell>"#
        )
    });
    let csv = TestSite::basic();
    csv.built();
    let site = with_observations("data/observations.ods", raw::ods_with_styles(&content, ""));
    site.built();
    assert!(snapshot(&site.public()) == snapshot(&csv.public()));
}

/// The memory a build of the basic site with a hostile workbook may take (virtual, as
/// `ulimit -v` counts it, threads' stacks included): a build of the basic site needs less than
/// 300 MB; each hostile workbook here took from 1.5 GB to 512 GB before it was bounded.
const MEMORY_KB: u64 = 600_000;

/// Builds under [`MEMORY_KB`] in `lang`: refused with exit 1, every one of `expected`, no
/// panic, and the folder as it was. Returns the message.
fn rejected_within_memory(site: &TestSite, lang: &str, expected: &[&str]) -> String {
    let before = site.tree();
    let build = site.command(&["build", "--lang", lang]);
    let output = Command::new("sh")
        .arg("-c")
        .arg(format!("ulimit -v {MEMORY_KB}; exec \"$0\" \"$@\""))
        .arg(build.get_program())
        .args(build.get_args())
        .output()
        .unwrap();
    let message = assert_refused(&output, expected);
    assert_same_tree(&before, &site.tree(), "a refused workbook");
    message
}

/// The basic site with its observations in `data/<name>` instead of the CSV.
fn with_observations(name: &str, bytes: Vec<u8>) -> TestSite {
    let site = TestSite::basic();
    site.remove("data/observations.csv").file(name, bytes);
    site
}

/// The observations' header and one cell far away, at `at`.
fn one_cell_at(at: &str) -> Vec<u8> {
    let row: String = at.chars().filter(char::is_ascii_digit).collect();
    raw::xlsx(
        &format!(
            r#"{}<row r="{row}">{}</row>"#,
            raw::observation_header(),
            text_cell(at, "x")
        ),
        &[],
    )
}

#[test]
fn a_cell_at_xfd1048576_is_a_stray_value_not_17_billion_cells() {
    let site = with_observations("data/observations.xlsx", one_cell_at("XFD1048576"));
    rejected_within_memory(
        &site,
        "en",
        &["data/observations.xlsx: error: the sheet \"observations\" reaches from A1 to XFD1048576 (17,179,869,184 cells): a sheet reaching over more than 4,000,000 cells is not read\n  help: is there a stray value at XFD1048576, far from the table? delete the rows below the table and the columns right of it"],
    );
    rejected_within_memory(
        &site,
        "zh-Hans",
        &["data/observations.xlsx: 错误：工作表“observations”从 A1 延伸到 XFD1048576（17,179,869,184 个单元格）：范围超过 4,000,000 个单元格的工作表不读取\n  提示：XFD1048576 是不是有一个远离表格的多余值？"],
    );
}

#[test]
fn a_cell_at_amj100000_is_refused_before_it_costs_gigabytes() {
    let site = with_observations("data/observations.xlsx", one_cell_at("AMJ100000"));
    rejected_within_memory(
        &site,
        "en",
        &["the sheet \"observations\" reaches from A1 to AMJ100000 (102,400,000 cells)"],
    );
}

#[test]
fn a_zip_bomb_is_refused_from_its_directory() {
    // 1.5 GB of sheet XML in a 1.5 MB file.
    let bomb = raw::xlsx_with(&raw::observation_header(), &[], |parts| {
        parts[4].spaces = 1_536 * 1024 * 1024;
    });
    assert!(bomb.len() < 2 * 1024 * 1024, "{} bytes", bomb.len());
    let site = with_observations("data/observations.xlsx", bomb);
    rejected_within_memory(
        &site,
        "en",
        &["data/observations.xlsx: error: the part \"xl/worksheets/sheet1.xml\" of this workbook unpacks to 1,537 MB: a part of more than 128 MB is not read\n  help: this file was not saved by Excel, WPS or LibreOffice as it is, or it was made to exhaust the computer's memory"],
    );
    rejected_within_memory(
        &site,
        "zh-Hans",
        &["错误：这个工作簿的组成部分“xl/worksheets/sheet1.xml”解压后有 1,537 MB：超过 128 MB 的组成部分不读取"],
    );
}

#[test]
fn an_ods_with_row_repeats_is_refused_before_they_are_expanded() {
    // 864 bytes in the issue: one row of 1,000 numbers, repeated a million times.
    let table = r#"<table:table table:name="observations"><table:table-row><table:table-cell office:value-type="string"><text:p>city</text:p></table:table-cell></table:table-row><table:table-row table:number-rows-repeated="1048000"><table:table-cell office:value-type="float" office:value="1" table:number-columns-repeated="1000"/></table:table-row></table:table>"#;
    let site = with_observations("data/observations.ods", raw::ods(table));
    rejected_within_memory(
        &site,
        "en",
        &["data/observations.ods: error: the sheet \"observations\" reaches from A1 to ALL1048001 (1,048,001,000 cells)"],
    );
}

/// An observation row at `line` with `value` in column D, as sheet XML.
fn observation_row(line: usize, value: &str) -> String {
    format!(
        r#"<row r="{line}"><c r="A{line}" t="inlineStr"><is><t>testcity</t></is></c><c r="B{line}" t="inlineStr"><is><t>pass-rate</t></is></c><c r="C{line}"><v>{}</v></c><c r="D{line}" t="inlineStr"><is><t>{value}</t></is></c><c r="E{line}" t="inlineStr"><is><t>x</t></is></c></row>"#,
        1900 + line % 300
    )
}

#[test]
fn a_million_row_sheet_is_refused_at_the_cells_limit() {
    let mut rows = raw::observation_header();
    for line in 2..=1_048_576 {
        rows.push_str(&observation_row(line, "bad"));
    }
    let site = with_observations("data/observations.xlsx", raw::xlsx(&rows, &[]));
    rejected_within_memory(
        &site,
        "en",
        &["data/observations.xlsx: error: the part \"xl/worksheets/sheet1.xml\" of this workbook unpacks to 269 MB: a part of more than 128 MB is not read\n  help: keep only the portal's tables in the workbook"],
    );
}

#[test]
fn a_sheet_with_a_bad_value_on_every_row_shows_fifty_and_counts_the_rest() {
    let mut rows = raw::observation_header();
    for line in 2..=20_001 {
        rows.push_str(&observation_row(line, "bad"));
    }
    let site = with_observations("data/observations.xlsx", raw::xlsx(&rows, &[]));
    let message = rejected_within_memory(
        &site,
        "en",
        &[
            "data/observations.xlsx:51:4: error: in sheet \"observations\", column D \"value\": \"bad\" is not a number",
            "data/observations.xlsx: 19,950 more problems in this file are not shown (only the first 50 are)\n  help: fix the problems above and build again",
            "The build stopped with 20000 problems",
        ],
    );
    assert_eq!(message.matches(": error: ").count(), 50, "{message}");
    assert!(
        message.len() < 20_000,
        "{} bytes of messages",
        message.len()
    );
}

#[test]
fn an_encrypted_workbook_asks_for_a_copy_without_password() {
    // Excel keeps an .xlsx encrypted with a password in an OLE compound file.
    let encrypted = raw::compound_file(&[
        ("/EncryptionInfo", &[4, 0, 4, 0, 0x40, 0, 0, 0][..]),
        ("/EncryptedPackage", &[0u8; 4096][..]),
    ]);
    // An .xls with a FilePass record.
    let xls = raw::xls(&[raw::record(0x002F, &[1, 0, 1, 0, 1, 0])], &[]);
    for (name, bytes) in [
        ("data/observations.xlsx", encrypted),
        ("data/observations.xls", xls),
    ] {
        let site = with_observations(name, bytes);
        rejected_within_memory(
            &site,
            "en",
            &[&format!("{name}: error: this workbook is protected by a password, and its cells cannot be read without it\n  help: save a copy without password")],
        );
        rejected_within_memory(
            &site,
            "zh-Hans",
            &[&format!("{name}: 错误：这个工作簿设置了密码保护，没有密码无法读取其中的单元格\n  提示：请另存一份没有密码的副本")],
        );
    }
}

#[test]
fn a_file_with_a_workbook_name_that_is_no_workbook_says_what_it_is() {
    for (bytes, says) in [
        (
            &b"<html><body><table><tr><td>city</td></tr></table></body></html>"[..],
            "it is a web page or XML (some systems \"export to Excel\" as a web page)",
        ),
        (
            "city,indicator,date,value,source\n".as_bytes(),
            "it is text (a CSV or a table saved as text under a workbook's name?)\n  help: if it is a CSV, rename it to .csv",
        ),
        (&b""[..], "it is empty"),
    ] {
        let site = with_observations("data/observations.xlsx", bytes.to_vec());
        rejected_within_memory(
            &site,
            "en",
            &[&format!("data/observations.xlsx: error: this file is named .xlsx but it is not a workbook: {says}")],
        );
    }
}

/// `name`'s declared unpacked size in a zip's local and central headers, set to `declared`.
fn declare_size(zip: &mut [u8], name: &str, declared: u32) {
    let mut patched = 0;
    for i in 0..zip.len().saturating_sub(46) {
        let (size_at, name_at) = match &zip[i..i + 4] {
            b"PK\x03\x04" => (i + 22, i + 30),
            b"PK\x01\x02" => (i + 24, i + 46),
            _ => continue,
        };
        if zip[name_at..].starts_with(name.as_bytes()) {
            zip[size_at..size_at + 4].copy_from_slice(&declared.to_le_bytes());
            patched += 1;
        }
    }
    assert_eq!(patched, 2, "{name} in the local and central headers");
}

/// Hostile workbooks beyond those of the issue, each refused with what it passes or what is
/// damaged, under the memory limit: the self-attack of issue 20, one line each.
#[test]
fn hostile_workbooks_are_refused_with_what_they_pass() {
    let header = raw::observation_header();
    let sheet_of = |rows: &str| {
        format!(
            r#"<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>{rows}</sheetData></worksheet>"#
        )
    };
    let mut cases: Vec<(&str, &str, Vec<u8>, String)> = Vec::new();
    let mut case = |what: &'static str, name: &'static str, bytes: Vec<u8>, expected: &str| {
        cases.push((what, name, bytes, expected.to_string()))
    };

    // Shared strings that declare a trillion texts (calamine reserved room for all of them).
    case(
        "shared strings declaring 10^12 texts",
        "data/observations.xlsx",
        raw::xlsx(
            &header,
            &[("xl/sharedStrings.xml", br#"<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" uniqueCount="1000000000000"></sst>"#)],
        ),
        "the texts of this workbook would take 45,776,368 MB of memory: more than 256 MB is not read",
    );
    // Shared strings: six million empty texts in 30 MB (stored: a zip bomb is refused before).
    let strings = format!(
        r#"<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">{}</sst>"#,
        "<si/>".repeat(6_000_000)
    );
    case(
        "shared strings bomb",
        "data/observations.xlsx",
        raw::xlsx_with(
            &header,
            &[("xl/sharedStrings.xml", strings.as_bytes())],
            |parts| {
                parts[5].deflate = false;
            },
        ),
        "the texts of this workbook would take 257 MB of memory",
    );
    // Styles: one long number format, copied by a million cell formats.
    let mut styles = format!(
        r#"<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><numFmts count="1"><numFmt numFmtId="164" formatCode="{}"/></numFmts><cellXfs>"#,
        "0".repeat(60_000)
    );
    styles.push_str(&r#"<xf numFmtId="164"/>"#.repeat(20_000));
    styles.push_str("</cellXfs></styleSheet>");
    case(
        "styles.xml bomb",
        "data/observations.xlsx",
        raw::xlsx(&header, &[("xl/styles.xml", styles.as_bytes())]),
        "the cell formats of this workbook would take",
    );
    // XML nested 300,000 deep in a cell.
    case(
        "deeply nested XML",
        "data/observations.xlsx",
        raw::xlsx(
            &format!(
                r#"{header}<row r="2"><c r="A2" t="inlineStr"><is>{}</is></c>{}</row>"#,
                "<r>".repeat(300_000),
                text_cell("B2", "pass-rate"),
            ),
            &[],
        ),
        "the value \"city\" is missing",
    );
    // An entity declared in the sheet's XML (no entity is expanded).
    case(
        "XML entity declarations (billion laughs)",
        "data/observations.xlsx",
        {
            let sheet = format!(
                r#"<?xml version="1.0"?><!DOCTYPE worksheet [<!ENTITY a "aaaaaaaaaaaaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">]><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>{header}<row r="2"><c r="A2" t="inlineStr"><is><t>&c;&c;&c;</t></is></c></row></sheetData></worksheet>"#
            );
            let parts = raw::xlsx_parts("observations", &sheet);
            raw::zip(&parts.iter().map(|(n, b)| part(n, b)).collect::<Vec<_>>())
        },
        "the sheet \"observations\" of this workbook cannot be read",
    );
    // Two parts of one name: which one a reader takes is up to it.
    case(
        "duplicate part names",
        "data/observations.xlsx",
        {
            let sheet = sheet_of(&header);
            let parts = raw::xlsx_parts("observations", &sheet);
            let mut parts: Vec<Part<'_>> = parts.iter().map(|(n, b)| part(n, b)).collect();
            parts.push(part("xl/worksheets/sheetX.xml", sheet.as_bytes()));
            let mut zip = raw::zip(&parts);
            let (from, to) = (b"xl/worksheets/sheetX.xml", b"xl/worksheets/sheet1.xml");
            for i in 0..zip.len() - from.len() {
                if &zip[i..i + from.len()] == from {
                    zip[i..i + to.len()].copy_from_slice(to);
                }
            }
            zip
        },
        "this workbook holds two parts of one name",
    );
    // A part whose header says 1 KB and that inflates to 100 MB: the reader stops at 1 KB.
    case(
        "lying size in the headers",
        "data/observations.xlsx",
        {
            let mut zip = raw::xlsx_with(&header, &[], |parts| parts[4].spaces = 100 << 20);
            declare_size(&mut zip, "xl/worksheets/sheet1.xml", 1024);
            zip
        },
        "of this workbook cannot be read",
    );
    // A central directory pointing far past the end of the file.
    case(
        "local header offset past the end",
        "data/observations.xlsx",
        {
            let mut zip = raw::xlsx(&header, &[]);
            let at = zip.windows(4).rposition(|w| w == b"PK\x01\x02").unwrap();
            zip[at + 42..at + 46].copy_from_slice(&0xFFFF_FFF0u32.to_le_bytes());
            zip
        },
        "this workbook cannot be read",
    );
    case(
        "truncated zip",
        "data/observations.xlsx",
        {
            let zip = raw::xlsx(&header, &[]);
            zip[..zip.len() / 2].to_vec()
        },
        "this workbook cannot be read",
    );
    // Twenty thousand empty parts.
    case(
        "10,001 parts",
        "data/observations.xlsx",
        {
            let names: Vec<String> = (0..10_001).map(|i| format!("junk/{i}")).collect();
            raw::zip(&names.iter().map(|n| part(n, b"")).collect::<Vec<_>>())
        },
        "this workbook is made of 10,001 parts: more than 10,000 is not read",
    );
    // A part of 100 MB packed 1,000 times: under the part limit, over the packing ratio.
    case(
        "zip bomb under the part limit",
        "data/observations.xlsx",
        raw::xlsx_with(&header, &[], |parts| parts[4].spaces = 100 << 20),
        "the part \"xl/worksheets/sheet1.xml\" of this workbook unpacks to 1,0",
    );
    // 16,384 columns of header.
    case(
        "a header row of 16,384 columns",
        "data/observations.xlsx",
        raw::xlsx(
            &format!(
                r#"<row r="1">{}</row>"#,
                (0..16_384)
                    .map(|c| text_cell(&format!("{}1", letters(c)), "x"))
                    .collect::<String>()
            ),
            &[],
        ),
        "unknown column \"x\"",
    );
    // A formula over a million cells: the value it shows is read, the formula is not run.
    case(
        "a formula referencing 10^6 cells",
        "data/observations.xlsx",
        raw::xlsx(
            &format!(
                r#"{header}<row r="2"><c r="D2"><f>SUM(A1:XFD1048576)</f><v>abc</v></c></row>"#
            ),
            &[],
        ),
        "the value \"city\" is missing",
    );
    // A shared formula spread over a million cells.
    case(
        "a shared formula over a million cells",
        "data/observations.xlsx",
        raw::xlsx(
            &format!(
                r#"{header}<row r="2"><c r="D2"><f t="shared" ref="D2:D1048576" si="0">A1*2</f><v>1</v></c></row>"#
            ),
            &[],
        ),
        "the value \"city\" is missing",
    );
    // Cells whose reference is out of Excel's grid.
    case(
        "a cell reference past XFD",
        "data/observations.xlsx",
        raw::xlsx(
            &format!(r#"{header}<row r="2">{}</row>"#, text_cell("ZZZZZZ99999999999", "x")),
            &[],
        ),
        "the workbook reader stopped on this file: it is damaged in a way the reader does not expect",
    );
    // One sheet listed 5,000 times in workbook.xml.
    case(
        "a sheet listed 5,000 times",
        "data/数据.xlsx",
        {
            let mut rows = header.clone();
            for line in 2..=3_000 {
                rows.push_str(&observation_row(line, "1"));
            }
            let sheet = sheet_of(&rows);
            let mut parts = raw::xlsx_parts("observations", &sheet);
            let sheets: String = (0..5_000)
                .map(|i| format!(r#"<sheet name="观测{i}" sheetId="{}" r:id="rId1"/>"#, i + 1))
                .collect();
            parts[2].1 = format!(r#"<?xml version="1.0"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets>{sheets}</sheets></workbook>"#).into_bytes();
            raw::zip(&parts.iter().map(|(n, b)| part(n, b)).collect::<Vec<_>>())
        },
        "reading its parts again and again, this workbook would take",
    );
    // .ods: a string cell with four billion spaces.
    case(
        ".ods spaces bomb (text:s text:c=4e9)",
        "data/observations.ods",
        raw::ods(
            r#"<table:table table:name="observations"><table:table-row><table:table-cell office:value-type="string"><text:p>a<text:s text:c="4000000000"/></text:p></table:table-cell></table:table-row></table:table>"#,
        ),
        "the repeated rows, cells and spaces of this workbook would take 3,815 MB of memory",
    );
    // .ods: a long text repeated over 16,384 columns and 60 rows.
    case(
        ".ods text repeated over columns and rows",
        "data/observations.ods",
        raw::ods(&format!(
            r#"<table:table table:name="observations"><table:table-row table:number-rows-repeated="60"><table:table-cell office:value-type="string" table:number-columns-repeated="16384"><text:p>{}</text:p></table:table-cell></table:table-row></table:table>"#,
            "长".repeat(100)
        )),
        "the repeated rows, cells and spaces of this workbook would take 341 MB of memory",
    );
    // .ods: a comment never closed (calamine would read on forever).
    case(
        ".ods unclosed annotation",
        "data/observations.ods",
        raw::ods(
            r#"<table:table table:name="observations"><table:table-row><table:table-cell office:value-type="string"><office:annotation><text:p>x</text:p>"#,
        ),
        "this workbook cannot be read: unclosed office:annotation",
    );
    // .ods encrypted (its manifest says so).
    case(
        ".ods with a password",
        "data/observations.ods",
        raw::ods_with_manifest(
            "not xml at all",
            r#"<?xml version="1.0"?><manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0"><manifest:file-entry manifest:full-path="content.xml"><manifest:encryption-data/></manifest:file-entry></manifest:manifest>"#,
        ),
        "this workbook is protected by a password",
    );
    // .xls: a DIMENSIONS record declaring four billion rows (calamine reserved room for them).
    case(
        ".xls DIMENSIONS of 2^32 rows",
        "data/observations.xls",
        raw::xls(
            &[],
            &[raw::record(
                0x0200,
                &[0, 0, 0, 0, 0xFF, 0xFF, 0xFF, 0xFF, 0, 0, 0, 1, 0, 0],
            )],
        ),
        "the sheet \"observations\" reaches from A1 to IV4294967295",
    );
    // .xls: a last row before the first (calamine's subtraction wraps around).
    case(
        ".xls DIMENSIONS ending before they start",
        "data/observations.xls",
        raw::xls(
            &[],
            &[raw::record(
                0x0200,
                &[100, 0, 0, 0, 50, 0, 0, 0, 0, 0, 5, 0, 0, 0],
            )],
        ),
        "the sheet \"observations\" reaches from A101 to E50 (",
    );
    // .xls: a MulRk whose last column comes before its first (calamine panics in debug).
    case(
        ".xls MulRk from column 5 to 2",
        "data/observations.xls",
        raw::xls(
            &[],
            &[raw::record(0x00BD, &[1, 0, 5, 0, 0, 0, 0, 0, 0, 0, 2, 0])],
        ),
        "this workbook cannot be read: damaged MulRk record",
    );
    // .xls: a shared string table of 27 MB (a text each, in memory).
    case(
        ".xls with a huge SST",
        "data/observations.xls",
        {
            let mut sst = raw::record(0x00FC, &[0, 0, 0, 1, 0, 0, 0, 1]);
            for _ in 0..3_300 {
                sst.extend(raw::record(0x003C, &[0u8; 8224]));
            }
            raw::xls(&[sst], &[])
        },
        "the texts of this workbook would take 259 MB of memory",
    );
    // .xls: a sheet said to start past the end of the stream (calamine panics).
    case(
        ".xls sheet offset past the end",
        "data/observations.xls",
        {
            let mut data = 0x7FFF_FFFFu32.to_le_bytes().to_vec();
            data.extend([0, 0, 1, 0, b'x']);
            let stream = [raw::bof(false), raw::record(0x0085, &data), raw::eof()].concat();
            raw::compound_file(&[("/Workbook", &stream)])
        },
        "this workbook cannot be read: damaged BoundSheet8 record",
    );
    // An OLE file whose sector chain loops back on itself.
    case(
        "OLE file with a looping FAT",
        "data/observations.xls",
        {
            let mut file = raw::xls(&[], &[]);
            // Each entry of the first FAT sector points to its own sector: every chain loops.
            let sector = 1usize << u16::from_le_bytes([file[30], file[31]]);
            let fat = u32::from_le_bytes(file[76..80].try_into().unwrap()) as usize;
            let at = (fat + 1) * sector;
            for (i, entry) in file[at..at + sector].chunks_mut(4).enumerate() {
                entry.copy_from_slice(&(i as u32).to_le_bytes());
            }
            file
        },
        "this workbook cannot be read",
    );
    // A file over the size limit.
    case(
        "a 51 MB workbook",
        "data/observations.xlsx",
        {
            let mut zip = raw::xlsx(&header, &[]);
            zip.resize(51 * 1024 * 1024, 0);
            zip
        },
        "this file is 51 MB, more than the 50 MB stdportal reads of a workbook",
    );

    assert!(cases.len() >= 20, "{} cases", cases.len());
    let mut failed = Vec::new();
    for (what, name, bytes, expected) in cases {
        let site = with_observations(name, bytes);
        let refused = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
            rejected_within_memory(&site, "en", &[&expected])
        }));
        if refused.is_err() {
            failed.push(what);
        }
    }
    assert!(failed.is_empty(), "not refused as expected: {failed:?}");
}

/// A column's letters: 0 is `A`.
fn letters(column: usize) -> String {
    let mut n = column + 1;
    let mut out = Vec::new();
    while n > 0 {
        out.push(b'A' + ((n - 1) % 26) as u8);
        n = (n - 1) / 26;
    }
    out.reverse();
    String::from_utf8(out).unwrap()
}

#[allow(dead_code)]
fn write_for_debugging(name: &str, bytes: &[u8]) {
    std::fs::File::create(format!("/tmp/{name}"))
        .unwrap()
        .write_all(bytes)
        .unwrap();
}
