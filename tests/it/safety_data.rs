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
