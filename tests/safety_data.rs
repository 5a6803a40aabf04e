//! Data is right or rejected: what a probe found accepted silently (mixed encodings, decimal
//! commas, absurd numbers, duplicate observations, impossible years, pasted byte-order marks)
//! fails the build with a message naming file, line, column and column header, and leaves
//! `public/` as it was.

mod common;

use std::path::Path;

use common::*;

const OBSERVATIONS_HEADER: &str = "city,indicator,date,value,source\n";

fn gb18030(text: &str) -> Vec<u8> {
    encoding_rs::GB18030.encode(text).0.into_owned()
}

/// Replaces `file` of the `basic` fixture with `contents` and asserts the build is refused.
fn rejected_data(file: &str, contents: Vec<u8>, expected: &[&str]) {
    let file = file.to_string();
    assert_rejected(
        "basic",
        move |root| {
            let path = root.join(&file);
            std::fs::create_dir_all(path.parent().unwrap()).unwrap();
            std::fs::write(path, contents).unwrap();
        },
        expected,
    );
}

fn observations(rows: &str) -> Vec<u8> {
    format!("{OBSERVATIONS_HEADER}{rows}").into_bytes()
}

// 1. Encodings.

#[test]
fn a_utf8_csv_with_a_gb18030_row_is_refused_at_that_row() {
    let mut bytes = observations("testcity,pass-rate,2017,95.5,统计公报\n");
    bytes.extend(gb18030("testcity,pass-rate,2018,96.1,企业项目\n"));
    rejected_data(
        "data/observations.csv",
        bytes,
        &[
            "data/observations.csv:3:30: error: the file mixes two encodings",
            "this line is GB18030 (it reads \"testcity,pass-rate,2018,96.1,企业项目\")",
            "the rest of the file is UTF-8",
            "help: ",
            "save the whole file as \"CSV UTF-8\"",
        ],
    );
}

#[test]
fn a_gb18030_csv_with_utf8_rows_is_refused_at_the_first_of_them() {
    let text =
        std::fs::read_to_string(repo().join("tests/fixtures/basic/data/achievements.csv")).unwrap();
    let mut bytes = gb18030(&text);
    bytes.extend("testcity,2019-12,标准,团体,团体标准,5,项,plan,\n".as_bytes());
    bytes.extend(gb18030("testcity,2019-12,标准,行业,行业标准,3,项,plan,\n"));
    bytes.extend("testcity,2020-12,标准,团体,团体标准,8,项,plan,\n".as_bytes());
    rejected_data(
        "data/achievements.csv",
        bytes,
        &[
            "data/achievements.csv:4: error: the file mixes two encodings",
            "this line is UTF-8",
            "the rest of the file is GB18030",
            "the UTF-8 lines (4, 6)",
            "save the whole file as \"CSV UTF-8\"",
        ],
    );
}

// 2. Decimal commas and thousands separators.

#[test]
fn a_decimal_comma_is_refused_naming_the_column() {
    rejected_data(
        "data/observations.csv",
        observations(
            "testcity,pass-rate,2017,95.5,测试数据\ntestcity,pass-rate,2018,\"93,2\",测试数据\n",
        ),
        &[
            "data/observations.csv:3:4: error: in column \"value\": \"93,2\" is not a number",
            "help: decimal comma? write 93.2",
        ],
    );
}

#[test]
fn positions_are_right_in_a_csv_saved_by_excel_with_crlf_line_ends() {
    rejected_data(
        "data/observations.csv",
        "\u{feff}city,indicator,date,value,source\r\ntestcity,pass-rate,2017,95.5,测试数据\r\ntestcity,pass-rate,2018,\"93,2\",测试数据\r\n"
            .as_bytes()
            .to_vec(),
        &["data/observations.csv:3:4: error: in column \"value\": \"93,2\" is not a number"],
    );
}

#[test]
fn a_full_width_decimal_comma_is_refused_too() {
    rejected_data(
        "data/observations.csv",
        observations("testcity,pass-rate,2018,93，2,测试数据\n"),
        &[
            "data/observations.csv:2:4: error: in column \"value\": \"93，2\" is not a number",
            "decimal comma? write 93.2",
        ],
    );
}

#[test]
fn misplaced_thousands_separators_are_refused_naming_the_column() {
    let text =
        std::fs::read_to_string(repo().join("tests/fixtures/basic/data/achievements.csv")).unwrap();
    rejected_data(
        "data/achievements.csv",
        text.replace("\"1,024\"", "\"1,02,4\"").into_bytes(),
        &[
            "data/achievements.csv:3:6: error: in column \"value\": \"1,02,4\" is not a number",
            "exactly three digits",
        ],
    );
}

#[test]
fn a_decimal_comma_in_toml_names_the_key() {
    let path = repo().join("tests/fixtures/basic/data/indicators.toml");
    let text = std::fs::read_to_string(path).unwrap();
    rejected_data(
        "data/indicators.toml",
        text.replace(
            "baseline = { value = 93.2,",
            "baseline = { value = \"93,2\",",
        )
        .into_bytes(),
        &[
            "data/indicators.toml:8:22: error: in key \"baseline.value\": \"93,2\" is not a number",
            "decimal comma? write 93.2",
        ],
    );
}

// 3. Numbers out of range, and what large accepted ones look like.

#[test]
fn an_absurd_number_is_refused() {
    rejected_data(
        "data/observations.csv",
        observations("testcity,pass-rate,2018,1e308,测试数据\n"),
        &[
            "data/observations.csv:2:4: error: in column \"value\": \"1e308\" is out of range",
            "10^15",
            "help: ",
        ],
    );
}

#[test]
fn an_absurd_number_in_toml_is_refused() {
    let path = repo().join("tests/fixtures/basic/data/indicators.toml");
    let text = std::fs::read_to_string(path).unwrap();
    rejected_data(
        "data/indicators.toml",
        text.replace("target = { value = 30,", "target = { value = -1e15,")
            .into_bytes(),
        &[
            "data/indicators.toml:20:",
            "in key \"target.value\": \"-1e15\" is out of range",
        ],
    );
}

#[test]
fn the_largest_accepted_numbers_print_as_they_are() {
    let site = fixture("basic");
    let root = site.path();
    std::fs::write(
        root.join("data/observations.csv"),
        observations("testcity,pass-rate,2018,\"999,999,999,999,999\",测试数据\n"),
    )
    .unwrap();
    let achievements = std::fs::read_to_string(root.join("data/achievements.csv")).unwrap();
    std::fs::write(
        root.join("data/achievements.csv"),
        achievements.replace("\"1,024\"", "999999999999999.5"),
    )
    .unwrap();
    assert_success(&build(root));
    let indicator = read(root, "cities/testcity/indicators/pass-rate/index.html");
    assert!(indicator.contains("999999999999999%"), "{indicator}");
    // Progress of 2.6e16 % is not shown as a number that saturated.
    assert!(!indicator.contains("完成进度"), "{indicator}");
    let city = read(root, "cities/testcity/index.html");
    assert!(city.contains("999999999999999.5项"), "{city}");
    for entry in walkdir::WalkDir::new(root.join("public"))
        .into_iter()
        .flatten()
    {
        if entry.file_type().is_file() {
            let bytes = std::fs::read(entry.path()).unwrap();
            let text = String::from_utf8_lossy(&bytes);
            assert!(
                !text.contains("9223372036854775807"),
                "a saturated integer in {}",
                entry.path().display()
            );
        }
    }
}

// 4. Two observations of one indicator on one date.

#[test]
fn two_observations_on_one_date_are_refused_naming_both_rows() {
    rejected_data(
        "data/observations.csv",
        observations(
            "testcity,pass-rate,2017,95.5,测试数据\n\
             testcity,pass-rate,2018,96.1,测试数据\n\
             testcity,pass-rate,2018年,90,另一来源\n",
        ),
        &[
            "data/observations.csv:4:1: error: the indicator \"pass-rate\" of the city \"testcity\" has two observations for 2018",
            "data/observations.csv:3 and data/observations.csv:4",
            "help: keep one",
        ],
    );
}

#[test]
fn two_observations_on_one_date_in_two_files_are_refused_naming_both() {
    rejected_data(
        "data/observations/more.csv",
        observations("testcity,pass-rate,2017,97,另一来源\n"),
        &[
            // Whichever file is read first, both rows are named.
            "error: the indicator \"pass-rate\" of the city \"testcity\" has two observations for 2017: ",
            "data/observations.csv:2",
            "data/observations/more.csv:2",
        ],
    );
}

// 5. Impossible years.

#[test]
fn year_zero_in_data_is_refused_naming_the_column() {
    rejected_data(
        "data/observations.csv",
        observations("testcity,pass-rate,0000,95.5,测试数据\n"),
        &[
            "data/observations.csv:2:3: error: in column \"date\": \"0000\" is not a date: the year 0 is not between 1900 and 2200",
            "help: ",
        ],
    );
}

#[test]
fn an_impossible_target_year_in_toml_is_refused_naming_the_key() {
    let path = repo().join("tests/fixtures/basic/data/indicators.toml");
    let text = std::fs::read_to_string(path).unwrap();
    rejected_data(
        "data/indicators.toml",
        text.replace(
            "target = { value = 30, year = 2020",
            "target = { value = 30, year = 2201",
        )
        .into_bytes(),
        &[
            "data/indicators.toml:20:",
            "in key \"target.year\": \"2201\" is not a year between 1900 and 2200",
        ],
    );
}

#[test]
fn year_zero_in_front_matter_is_refused() {
    assert_rejected(
        "basic",
        |root: &Path| {
            let path = root.join("content/policies/plan.md");
            let text = std::fs::read_to_string(&path).unwrap();
            std::fs::write(
                path,
                text.replace("published = 2017-06-30", "published = 0000-06-30"),
            )
            .unwrap();
        },
        &[
            "content/policies/plan.md:9:",
            "\"0000-06-30\" is not a date: the year 0 is not between 1900 and 2200",
        ],
    );
}

// 6. Byte-order marks inside a file.

#[test]
fn a_bom_at_the_start_of_a_later_row_is_reported_where_it_is() {
    rejected_data(
        "data/observations.csv",
        format!(
            "\u{feff}{OBSERVATIONS_HEADER}testcity,pass-rate,2017,95.5,测试数据\n\u{feff}testcity,pass-rate,2018,96.1,测试数据\n"
        )
        .into_bytes(),
        &[
            "data/observations.csv:3:1: error: in column \"city\": the value \"testcity\" starts with an invisible byte-order mark (U+FEFF)",
            "help: ",
            "pasting two files together",
        ],
    );
}

#[test]
fn a_bom_inside_a_cell_is_reported_where_it_is() {
    rejected_data(
        "data/observations.csv",
        observations("testcity,pass-rate,2018,96.1,测试\u{feff}数据\n"),
        &[
            "data/observations.csv:2:5: error: in column \"source\": the value \"测试数据\" has an invisible byte-order mark (U+FEFF) after \"测试\"",
            "pasting two files together",
        ],
    );
}

#[test]
fn a_pasted_header_with_its_bom_is_reported_as_such() {
    rejected_data(
        "data/observations.csv",
        format!(
            "{OBSERVATIONS_HEADER}testcity,pass-rate,2017,95.5,测试数据\n\u{feff}{OBSERVATIONS_HEADER}testcity,pass-rate,2018,96.1,测试数据\n"
        )
        .into_bytes(),
        &[
            "data/observations.csv:3:1: error: this line repeats the header, after an invisible byte-order mark (U+FEFF), as if two files were pasted together",
            "help: delete this line",
        ],
    );
}

#[test]
fn a_bom_inside_toml_is_reported_where_it_is() {
    let path = repo().join("tests/fixtures/basic/data/cities.toml");
    let text = std::fs::read_to_string(path).unwrap();
    rejected_data(
        "data/cities.toml",
        text.replace("id = \"testcity\"", "id = \"\u{feff}testcity\"")
            .into_bytes(),
        &[
            "data/cities.toml:2:6: error: in key \"id\": the value \"testcity\" starts with an invisible byte-order mark (U+FEFF)",
            "pasting two files together",
        ],
    );
}
