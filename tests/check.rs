//! `stdportal check`: broken links and anchors, related documents, alt text, external links.

mod common;

use common::*;

#[test]
fn a_clean_site_passes() {
    let site = fixture("basic");
    let output = stdportal(site.path(), &["check"]);
    assert_success(&output);
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert!(stdout.contains("0 problems"), "{stdout}");
    assert!(
        !site.path().join("public").exists(),
        "check builds in memory and writes nothing"
    );
}

#[test]
fn the_example_portal_passes() {
    let output = std::process::Command::new(env!("CARGO_BIN_EXE_stdportal"))
        .arg("check")
        .arg("--root")
        .arg(repo())
        .output()
        .unwrap();
    assert_success(&output);
}

#[test]
fn broken_links_anchors_and_missing_alt_are_reported_with_file_and_line() {
    let site = fixture("basic");
    let root = site.path();
    std::fs::write(
        root.join("content/policies/links.md"),
        "+++\ntitle = \"链接\"\n+++\n\n见[规划](/policies/plan/#一-发展目标)。\n\n见[不存在](/policies/nothing/)。\n\n见[锚点](/policies/plan/#没有这一节)。\n\n![](chart.png)\n\n[外部](https://www.gov.cn/)\n",
    )
    .unwrap();
    let output = stdportal(root, &["check"]);
    assert_eq!(output.status.code(), Some(1));
    let err = stderr(&output);
    assert!(err.contains("content/policies/links.md:7: error: the link \"/policies/nothing/\" leads to a page that does not exist"), "{err}");
    assert!(err.contains("content/policies/links.md:9: error: the link \"/policies/plan/#没有这一节\" points to the anchor #没有这一节"), "{err}");
    assert!(
        err.contains(
            "content/policies/links.md:11: error: the image \"chart.png\" has no alt text"
        ),
        "{err}"
    );
    assert!(
        !err.contains("一-发展目标"),
        "a link to an existing heading is fine: {err}"
    );
    let out = String::from_utf8_lossy(&output.stdout);
    assert!(
        out.contains("https://www.gov.cn/"),
        "external links are listed: {out}"
    );
    assert!(
        out.contains("4 problems"),
        "the missing image file is a fourth: {out}"
    );
}
