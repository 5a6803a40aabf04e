//! The bad-input corpus: each case is a mistake an editor or a colleague's export can make.
//! Every one must give exit code 1, a message that says where and what to do, no panic, and
//! leave the previous `public/` byte for byte as it was. (More cases live in build.rs and
//! data.rs: unterminated and invalid front matter, wrong types, unknown keys, invalid UTF-8,
//! template syntax errors, ragged CSV, open quotes, unknown cities, missing related pages.)

mod common;

use std::path::Path;

use common::*;

fn write(root: &Path, rel: &str, bytes: impl AsRef<[u8]>) {
    let path = root.join(rel);
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    std::fs::write(path, bytes).unwrap();
}

#[test]
fn utf16_file() {
    let mut bytes = vec![0xFF, 0xFE];
    for unit in "+++\ntitle = \"标题\"\n+++\n".encode_utf16() {
        bytes.extend_from_slice(&unit.to_le_bytes());
    }
    assert_rejected(
        "basic",
        |root| write(root, "content/policies/u16.md", &bytes),
        &["content/policies/u16.md:1:1", "UTF-16", "save it as UTF-8"],
    );
}

#[test]
fn empty_file() {
    assert_rejected(
        "basic",
        |root| write(root, "content/policies/empty.md", ""),
        &[
            "content/policies/empty.md:1:1",
            "does not start with front matter",
            "+++",
        ],
    );
}

#[test]
fn binary_file_named_like_a_page() {
    assert_rejected(
        "basic",
        |root| {
            write(
                root,
                "content/policies/scan.md",
                b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\x01\0",
            )
        },
        &["content/policies/scan.md", "not a text file", "static/"],
    );
}

#[test]
fn two_pages_with_the_same_url() {
    assert_rejected(
        "basic",
        |root| {
            write(
                root,
                "content/policies/plan-copy.md",
                "+++\ntitle = \"副本\"\nslug = \"plan\"\n+++\n",
            )
        },
        &["the same URL /policies/plan/", "different slug"],
    );
}

#[test]
fn slug_that_climbs_out_of_the_site() {
    assert_rejected(
        "basic",
        |root| {
            write(
                root,
                "content/policies/a.md",
                "+++\ntitle = \"甲\"\nslug = \"../../etc\"\n+++\n",
            );
            write(
                root,
                "content/policies/b.md",
                "+++\ntitle = \"乙\"\nslug = \"a/b\"\n+++\n",
            );
            write(
                root,
                "content/policies/c.md",
                "+++\ntitle = \"丙\"\n\nslug = \"..\"\n+++\n",
            );
        },
        &[
            "content/policies/a.md:3",
            "content/policies/b.md:3",
            "content/policies/c.md:4",
            "cannot be part of a URL",
        ],
    );
}

#[test]
fn missing_template() {
    assert_rejected(
        "basic",
        |root| {
            write(
                root,
                "content/policies/t.md",
                "+++\ntitle = \"模板\"\ntemplate = \"special.html\"\n+++\n",
            )
        },
        &[
            "content/policies/t.md",
            "the template \"special.html\" does not exist",
        ],
    );
}

#[test]
fn template_that_includes_itself() {
    assert_rejected(
        "basic",
        |root| {
            write(
                root,
                "templates/loop.html",
                "<p>\n{% include \"loop2.html\" %}</p>",
            );
            write(root, "templates/loop2.html", "{% include \"loop.html\" %}");
            write(root, "templates/404.html", "{% extends \"base.html\" %}{% block content %}{% include \"loop.html\" %}{% endblock %}");
        },
        &[
            "templates/loop.html:2:1",
            "loop.html → loop2.html → loop.html",
        ],
    );
}

#[test]
fn symlink_pointing_outside_the_site() {
    let outside = tempfile::tempdir().unwrap();
    std::fs::write(
        outside.path().join("passwd.md"),
        "+++\ntitle = \"秘密\"\n+++\nroot:x:0:0\n",
    )
    .unwrap();
    let target = outside.path().join("passwd.md");
    assert_rejected(
        "basic",
        move |root| {
            std::os::unix::fs::symlink(&target, root.join("content/policies/evil.md")).unwrap()
        },
        &["content/policies/evil.md", "points outside the site"],
    );
}

#[test]
fn csv_formula_is_not_a_number_and_never_reaches_a_download_as_a_formula() {
    assert_rejected(
        "basic",
        |root| {
            write(
                root,
                "data/observations.csv",
                "city,indicator,date,value,source\ntestcity,pass-rate,2019,=cmd|' /C calc'!A0,x\n",
            )
        },
        &["data/observations.csv:2:4", "is not a number"],
    );
    // As text (a source note), the formula is published defused in the CSV download.
    let site = fixture("basic");
    let root = site.path();
    write(
        root,
        "data/observations.csv",
        "city,indicator,date,value,source\ntestcity,pass-rate,2019,96,=cmd|' /C calc'!A0\n",
    );
    assert_success(&build(root));
    let csv =
        std::fs::read_to_string(root.join("public/cities/testcity/indicators/pass-rate/data.csv"))
            .unwrap();
    assert!(csv.contains(",'=cmd|' /C calc'!A0"), "{csv}");
}

#[test]
fn output_folder_that_cannot_be_written() {
    let site = fixture("basic");
    let root = site.path();
    assert_success(&build(root));
    let before = snapshot(&root.join("public"));
    // A file where a folder is needed cannot be written into, even by root.
    std::fs::write(root.join("blocker"), "").unwrap();
    let output = stdportal(
        root,
        &[
            "build",
            "--output",
            root.join("blocker/public").to_str().unwrap(),
        ],
    );
    assert_eq!(output.status.code(), Some(1));
    let err = stderr(&output);
    assert!(err.contains("cannot write the site"), "{err}");
    assert!(!err.contains("panicked"));
    assert_eq!(snapshot(&root.join("public")), before);
}

#[test]
fn disk_full_while_writing() {
    let site = fixture("basic");
    let root = site.path();
    assert_success(&build(root));
    let before = snapshot(&root.join("public"));
    // Only changed files are written: change one so there is something to write.
    write(
        root,
        "content/policies/new.md",
        "+++\ntitle = \"新页面\"\n+++\n正文\n",
    );
    let output = std::process::Command::new(env!("CARGO_BIN_EXE_stdportal"))
        .args(["build", "--root"])
        .arg(root)
        .env(stdportal::output::SIMULATE_DISK_FULL, "1")
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(1));
    let err = stderr(&output);
    assert!(err.contains("the disk is full"), "{err}");
    assert_eq!(
        snapshot(&root.join("public")),
        before,
        "the previous site is intact"
    );
    let leftovers: Vec<_> = std::fs::read_dir(root)
        .unwrap()
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.contains("stdportal") && !n.ends_with("-lock") && !n.ends_with("-trash"))
        .collect();
    assert!(
        leftovers.is_empty(),
        "staging folders are cleaned up: {leftovers:?}"
    );
}

#[test]
fn a_twenty_megabyte_page_and_deep_nesting_build() {
    let site = fixture("basic");
    let root = site.path();
    let paragraph =
        "标准是经济活动和社会发展的技术支撑,是国家治理体系和治理能力现代化的基础性制度。"
            .repeat(20);
    let count = 20 * 1024 * 1024 / paragraph.len();
    write(
        root,
        "content/policies/huge.md",
        format!(
            "+++\ntitle = \"巨大\"\n+++\n\n{}",
            vec![paragraph; count].join("\n\n")
        ),
    );
    let nested: String = "> ".repeat(3000)
        + "深\n\n"
        + &(0..1000)
            .map(|i| format!("{}- 层\n", "  ".repeat(i)))
            .collect::<String>();
    write(
        root,
        "content/policies/nested.md",
        format!("+++\ntitle = \"嵌套\"\n+++\n\n{nested}"),
    );
    let output = build(root);
    assert_success(&output);
    assert!(
        std::fs::metadata(root.join("public/zh-hant/policies/huge/index.html"))
            .unwrap()
            .len()
            > 20_000_000
    );
    assert!(read(root, "zh-hant/policies/nested/index.html").contains("深"));
}

#[test]
fn many_problems_are_reported_together() {
    assert_rejected(
        "basic",
        |root| {
            write(root, "content/policies/a.md", "+++\ntitle = 1\n+++\n");
            write(root, "content/policies/b.md", "no front matter\n");
            write(
                root,
                "data/observations.csv",
                "city,indicator,date,value,source\ntestcity,pass-rate,2019,x,y\n",
            );
        },
        &[
            "content/policies/a.md:2:",
            "content/policies/b.md:1:1",
            "data/observations.csv:2:4",
            "3 problems",
        ],
    );
}
