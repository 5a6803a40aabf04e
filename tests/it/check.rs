//! `stdportal check`: broken links and anchors, related documents, alt text, external links.

use crate::support::*;

#[test]
fn a_clean_site_passes() {
    let site = TestSite::basic();
    let output = site.run(&["check"]);
    assert_success(&output);
    let stdout = stdout(&output);
    assert!(stdout.contains("0 problems"), "{stdout}");
    assert!(
        !site.public().exists(),
        "check builds in memory and writes nothing"
    );
}

#[test]
fn the_example_portal_passes() {
    let output = std::process::Command::new(stdportal_binary())
        .arg("check")
        .arg("--root")
        .arg(repo())
        .output()
        .unwrap();
    assert_success(&output);
    assert!(
        stdout(&output).contains("0 problems"),
        "{}",
        stdout(&output)
    );
}

#[test]
fn broken_links_anchors_and_missing_alt_are_reported_with_file_and_line() {
    let site = TestSite::basic();
    // A link written in a page that leads nowhere stops the build itself (see `links`), so
    // `check` says it as the build does, at its line and column.
    site.file(
        "content/policies/links.md",
        "+++\ntitle = \"链接\"\n+++\n\n见[规划](/policies/plan/#一-发展目标)。\n\n见[不存在](/policies/nothing/)。\n\n见[锚点](/policies/plan/#没有这一节)。\n\n![](chart.png)\n\n[外部](https://www.gov.cn/)\n\n[本页](#没有)\n",
    );
    let output = site.run(&["check"]);
    assert_eq!(output.status.code(), Some(1));
    let err = stderr(&output);
    assert!(err.contains("content/policies/links.md:7:2: error: the link \"/policies/nothing/\" leads to nothing"), "{err}");
    assert!(err.contains("content/policies/links.md:9:2: error: the link \"/policies/plan/#没有这一节\" leads to the heading #没有这一节 of content/policies/plan.md"), "{err}");
    assert!(
        err.contains("content/policies/links.md:11:1: error: the image \"chart.png\" is not there"),
        "{err}"
    );
    assert!(err.contains("content/policies/links.md:15:1: error: the link \"#没有\" leads to a heading this page does not have"), "{err}");
    assert!(
        !err.contains("一-发展目标\" leads"),
        "a link to an existing heading is fine: {err}"
    );
    assert_eq!(
        err.matches(": error: ").count(),
        4,
        "each mistake once: {err}"
    );

    // What only the rendered pages show: an image without alt text, an external link.
    site.file(
        "content/policies/links.md",
        "+++\ntitle = \"链接\"\n+++\n\n见[规划](/policies/plan/#一-发展目标)。\n\n![](/favicon.svg)\n\n[外部](https://www.gov.cn/)\n",
    );
    let output = site.run(&["check"]);
    assert_eq!(output.status.code(), Some(1));
    let err = stderr(&output);
    assert!(
        err.contains(
            "content/policies/links.md:7: error: the image \"/favicon.svg\" has no alt text"
        ),
        "{err}"
    );
    assert_eq!(
        err.matches(": error: ").count(),
        1,
        "each mistake once, not once per script: {err}"
    );
    let out = stdout(&output);
    assert!(
        out.contains("https://www.gov.cn/"),
        "external links are listed: {out}"
    );
    assert!(out.contains("1 problem"), "{out}");
}
