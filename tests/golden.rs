//! Golden HTML: one page per template, in both scripts, compared byte for byte with
//! `tests/golden/html/`. After an intended change, regenerate with `UPDATE_GOLDEN=1 cargo test`
//! and review the diff.

mod common;

use common::*;

const PAGES: [(&str, &str); 11] = [
    ("index.html", "index.html"),
    ("section.html", "policies/index.html"),
    ("page.html", "policies/plan/index.html"),
    ("page-zh-hant.html", "zh-hant/policies/plan/index.html"),
    ("cities.html", "cities/index.html"),
    ("city.html", "cities/testcity/index.html"),
    (
        "indicator.html",
        "cities/testcity/indicators/pass-rate/index.html",
    ),
    ("dashboard.html", "dashboard/index.html"),
    ("topics.html", "topics/index.html"),
    ("topic.html", "topics/标准化/index.html"),
    ("404.html", "zh-hant/404.html"),
];

#[test]
fn rendered_pages_match_the_golden_files() {
    let site = fixture("basic");
    let root = site.path();
    assert_success(&build(root));
    let golden_dir = repo().join("tests/golden/html");
    let update = std::env::var_os("UPDATE_GOLDEN").is_some();
    let mut mismatches = Vec::new();
    for (name, rel) in PAGES {
        let actual = read(root, rel);
        let path = golden_dir.join(name);
        if update {
            std::fs::create_dir_all(&golden_dir).unwrap();
            std::fs::write(&path, &actual).unwrap();
            continue;
        }
        let expected = std::fs::read_to_string(&path).unwrap_or_default();
        if expected != actual {
            let line = expected
                .lines()
                .zip(actual.lines())
                .position(|(a, b)| a != b)
                .map_or_else(
                    || expected.lines().count().min(actual.lines().count()) + 1,
                    |i| i + 1,
                );
            mismatches.push(format!("{name} ({rel}) differs from line {line}"));
        }
    }
    assert!(
        mismatches.is_empty(),
        "{}\nIf the change is intended, run UPDATE_GOLDEN=1 cargo test and review the diff.",
        mismatches.join("\n")
    );
}
