//! Data is right or rejected: what a probe found accepted silently (mixed encodings, decimal
//! commas, absurd numbers, duplicate observations, impossible years, pasted byte-order marks)
//! fails the build with a message naming file, line, column and column header; those cases are
//! rows of the table in bad_input.rs. Here: what large numbers that are accepted look like.

use crate::support::*;

const OBSERVATIONS_HEADER: &str = "city,indicator,date,value,source\n";

#[test]
fn the_largest_accepted_numbers_print_as_they_are() {
    let site = TestSite::basic();
    site.file(
        "data/observations.csv",
        format!("{OBSERVATIONS_HEADER}testcity,pass-rate,2018,\"999,999,999,999,999\",测试数据\n"),
    );
    site.edit("data/achievements.csv", |achievements| {
        achievements.replace("\"1,024\"", "999999999999999.5")
    });
    site.built();
    let indicator = site.read("cities/testcity/indicators/pass-rate/index.html");
    assert!(indicator.contains("999999999999999%"), "{indicator}");
    // Progress of 2.6e16 % is not shown as a number that saturated.
    assert!(!indicator.contains("完成进度"), "{indicator}");
    let city = site.read("cities/testcity/index.html");
    assert!(city.contains("999999999999999.5项"), "{city}");
    for entry in walkdir::WalkDir::new(site.public()).into_iter().flatten() {
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

/// Hostile data beyond workbooks (tests/it/workbooks.rs has those): a flood of bad rows, digits
/// of another script, an id in capitals, a page size that is no count.
mod hostile {
    use crate::support::*;

    use super::OBSERVATIONS_HEADER;

    #[test]
    fn a_bad_value_on_every_row_shows_fifty_problems_and_counts_the_rest() {
        let site = TestSite::basic();
        let mut csv = String::from(OBSERVATIONS_HEADER);
        for i in 0..100_000 {
            csv.push_str(&format!(
                "testcity,pass-rate,{},x{i},测试数据\n",
                1900 + i % 300
            ));
        }
        site.file("data/observations.csv", csv);
        let message = site.rejected(&[
            "data/observations.csv:2:4: error: in column \"value\": \"x0\" is not a number",
            "data/observations.csv: 99,950 more problems in this file are not shown (only the first 50 are)",
            "The build stopped with 100000 problems",
        ]);
        assert_eq!(message.matches(": error: ").count(), 50, "{message}");
        site.rejected_in(
            "zh-Hans",
            &["data/observations.csv：这个文件还有 99,950 个问题没有显示（只显示前 50 个）\n  提示：请先改正上面的问题再重新生成"],
        );
    }

    /// 20,000 observations of one indicator: a page of a few kilobytes with the latest 100 in
    /// its table and a chart thinned to its pixels; the CSV download holds them all.
    #[test]
    fn an_indicator_with_many_observations_has_a_small_page_and_a_whole_csv() {
        let site = TestSite::basic();
        let mut csv = String::from(OBSERVATIONS_HEADER);
        for i in 0..20_000 {
            let date = format!(
                "{}-{:02}-{:02}",
                1901 + i / 336,
                i / 28 % 12 + 1,
                i % 28 + 1
            );
            csv.push_str(&format!(
                "testcity,pass-rate,{date},{},测试数据\n",
                90 + i % 10
            ));
        }
        site.file("data/observations.csv", csv);
        site.built();
        let page = site.read("cities/testcity/indicators/pass-rate/index.html");
        assert!(page.len() < 100_000, "{} bytes", page.len());
        assert!(
            page.contains("<p class=\"table-note\">表中列出最近的 100 个监测数据，共 20000 个；全部数据请下载 CSV。</p>"),
            "{page}"
        );
        assert_eq!(
            page.matches("<td>").count(),
            2 * (100 + 2),
            "100 observations, baseline and target"
        );
        assert!(page.matches("<circle").count() < 20, "{page}");
        let hant = site.read("zh-hant/cities/testcity/indicators/pass-rate/index.html");
        assert!(
            hant.contains("表中列出最近的 100 個監測數據，共 20000 個"),
            "{hant}"
        );
        let data = site.read("cities/testcity/indicators/pass-rate/data.csv");
        assert_eq!(
            data.lines().count(),
            1 + 2 + 20_000,
            "header, baseline, target, observations"
        );
    }

    #[test]
    fn digits_of_another_script_are_shown_as_typed() {
        let site = TestSite::basic();
        site.file(
            "data/observations.csv",
            format!("{OBSERVATIONS_HEADER}testcity,pass-rate,2018,٣٤,测试数据\n"),
        );
        site.rejected(&["data/observations.csv:2:4: error: in column \"value\": \"٣٤\" is not a number: it is written with the digits of another script\n  help: write the digits 0–9: 34"]);
        site.rejected_in(
            "zh-Hans",
            &["“٣٤”不是数字：它是用其他文字的数字写的\n  提示：请用数字 0–9 书写：34"],
        );
    }

    #[test]
    fn a_city_id_in_capitals_is_hinted_to_itself() {
        let site = TestSite::basic();
        site.file(
            "data/cities.toml",
            "[[city]]\nid = \"testcity\"\nname = \"测试市\"\n\n[[city]]\nid = \"taian\"\nname = \"泰安市\"\n\n[[city]]\nid = \"rizhao\"\nname = \"日照市\"\n",
        );
        site.file(
            "data/observations.csv",
            format!("{OBSERVATIONS_HEADER}RIZHAO,pass-rate,2018,96.1,测试数据\n"),
        );
        let message = site.rejected(&[
            "data/observations.csv:2:1: error: in column \"city\": unknown city \"RIZHAO\"",
            "did you mean \"rizhao\"?",
        ]);
        assert!(!message.contains("did you mean \"taian\""), "{message}");
    }

    #[test]
    fn a_page_size_that_is_no_count_says_what_was_written() {
        for (written, says) in [
            ("-1", "config.toml:7:15: error: this should be a whole number, 0 or more, not -1"),
            ("1.5", "config.toml:7:15: error: this should be a whole number, not a number (1.5)"),
            ("\"10\"", "config.toml:7:15: error: this should be a whole number, not text in quotes (10)"),
            (
                "99999999999999999999",
                "config.toml:7:15: error: this should be a whole number, 0 or more, not 99999999999999999999",
            ),
        ] {
            let site = TestSite::basic();
            site.config("search = false\n", &format!("search = false\npaginate_by = {written}\n"));
            site.rejected(&[says, "help: write the digits alone, without quotes or a decimal point, e.g. 10"]);
        }
        let site = TestSite::basic();
        site.config("search = false\n", "search = false\npaginate_by = -1\n");
        site.rejected_in(
            "zh-Hans",
            &["config.toml:7:15: 错误：第 7 行第 15 列：这里应当是 0 或更大的整数，而不是 -1\n  提示：只写数字，不加引号也不带小数点，例如 10"],
        );
    }
}
