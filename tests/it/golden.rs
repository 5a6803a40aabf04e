//! Golden HTML: one page per template, in both scripts, compared with the snapshots in
//! `tests/golden/html/` through `insta`, which prints a line diff on a mismatch.
//!
//! After an intended change: `INSTA_UPDATE=always cargo test --test it golden` rewrites the
//! snapshots (or `cargo insta test --review` to accept them one by one); review the diff
//! before committing. (The SVG charts in `tests/golden/charts/` are snapshots of the same kind,
//! compared by the unit tests in `src/chart/mod.rs`.)

use crate::support::*;

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
    // Built without the search index: the pages are the same with it (the index is files of
    // its own under search/data/).
    let site = TestSite::basic();
    site.built();
    let mut settings = insta::Settings::clone_current();
    settings.set_snapshot_path(repo().join("tests/golden/html"));
    settings.set_prepend_module_to_snapshot(false);
    settings.set_omit_expression(true);
    settings.bind(|| {
        for (name, rel) in PAGES {
            let page = site.read(rel);
            // insta ignores trailing white space and CR before LF; pages have neither, so the
            // comparison is byte for byte.
            assert!(!page.contains('\r'), "{rel} has a carriage return");
            assert!(
                page.ends_with("</html>\n"),
                "{rel} does not end with </html> and one LF"
            );
            insta::assert_snapshot!(name, page);
        }
    });
}

/// The pages of a list and the pages lists lead to, from the Zola fixture: the first, a middle
/// and the last page of a section's list in both scripts, a catalogue list, the catalogue, the
/// site map, a taxonomy and the page an alias leaves.
const LIST_PAGES: [(&str, &str); 12] = [
    ("pager-first.html", "blog/index.html"),
    ("pager-middle.html", "blog/page/2/index.html"),
    ("pager-last.html", "blog/page/3/index.html"),
    ("pager-first-zh-hant.html", "zh-hant/blog/index.html"),
    (
        "pager-middle-zh-hant.html",
        "zh-hant/blog/page/2/index.html",
    ),
    ("pager-last-zh-hant.html", "zh-hant/blog/page/3/index.html"),
    ("list.html", "archive/2024/page/2/index.html"),
    ("catalogue.html", "catalogue/index.html"),
    ("sitemap.html", "sitemap/index.html"),
    ("taxonomy.html", "tags/index.html"),
    ("redirect.html", "old/post-1/index.html"),
    ("redirect-zh-hant.html", "zh-hant/old/post-1/index.html"),
];

#[test]
fn list_pages_match_the_golden_files() {
    let site = TestSite::fixture("zola");
    site.built();
    let mut settings = insta::Settings::clone_current();
    settings.set_snapshot_path(repo().join("tests/golden/html"));
    settings.set_prepend_module_to_snapshot(false);
    settings.set_omit_expression(true);
    settings.bind(|| {
        for (name, rel) in LIST_PAGES {
            insta::assert_snapshot!(name, site.read(rel));
        }
    });
}
