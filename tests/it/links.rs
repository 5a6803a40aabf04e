//! Links, images and attachments on a site under a sub-path, in both scripts: `@/` source
//! links with anchors, paths beside the `.md` file, paths from the root with and without the
//! base path; pages written as folders with their files published once; the `attachments`
//! field; a broken link, anchor, image or attachment stopping the build at its line and column
//! with the nearest target; links that try to leave the site; `check` saying each problem once.

use crate::support::links::every_link_resolves;
use crate::support::*;

/// The basic fixture under `https://www.example.gov.cn/bzh/`, with a page written as a folder
/// (an image and two files beside it), a file in `static/`, and a page linking to everything
/// in every way an editor writes a link.
/// The one link of [`sub_path_site`] written for one script on purpose.
const EXPLICIT: &[&str] = &["/bzh/zh-hant/policies/plan/"];

fn sub_path_site() -> TestSite {
    let site = TestSite::basic();
    site.config(
        "base_url = \"https://example.gov.cn/\"",
        "base_url = \"https://www.example.gov.cn/bzh/\"",
    );
    site.page(
        "policies/measures/index.md",
        "+++\ntitle = \"若干措施\"\ndate = 2018-03-01\nkind = \"policy\"\nissuer = \"测试市人民政府\"\n\
         \"附件\" = [\"附件1 分工表.pdf\", \"/files/年度报告.pdf\", \"@/policies/measures/表格/申报表.xlsx\"]\n+++\n\
         ## 一、重点任务\n\n![图1 流程](图1.png)\n\n见[分工表](附件1%20分工表.pdf)和[申报表](表格/申报表.xlsx)。\n",
    );
    site.file(
        "content/policies/measures/图1.png",
        b"\x89PNG\r\n\x1a\nstand-in",
    );
    site.file(
        "content/policies/measures/附件1 分工表.pdf",
        vec![b'%'; 2048],
    );
    site.file("content/policies/measures/表格/申报表.xlsx", vec![0u8; 300]);
    site.file("static/files/年度报告.pdf", vec![b'%'; 5 * 1024 * 1024]);
    site.page(
        "policies/links.md",
        "+++\ntitle = \"链接\"\ndate = 2018-04-01\n+++\n\
         1. [规划](@/policies/plan.md)\n\
         2. [规划的目标](@/policies/plan.md#一-发展目标)\n\
         3. [解读](../interpretations/plan-interpretation.md)\n\
         4. [措施](@/policies/measures/index.md#一-重点任务)\n\
         5. [报告](/files/年度报告.pdf)\n\
         6. [报告](/bzh/files/年度报告.pdf)\n\
         7. [报告](../../files/年度报告.pdf)\n\
         8. [城市](/cities/testcity/)\n\
         9. [城市](../../cities/testcity/)\n\
         10. [栏目](@/policies/_index.md)\n\
         11. [图](@/policies/measures/图1.png)\n\
         12. [本页](#本页)\n\
         13. [外部](https://www.gov.cn/)\n\
         14. [繁体的规划](/zh-hant/policies/plan/)\n\n\
         ## 本页\n",
    );
    site
}

#[test]
fn every_way_of_writing_a_link_works_in_both_scripts_under_a_sub_path() {
    let site = sub_path_site();
    site.built();
    let followed = every_link_resolves(&site.public(), "/bzh/", "zh-hant/", EXPLICIT);
    assert!(followed > 300, "{followed}");
    for prefix in ["", "zh-hant/"] {
        let page = site.read(&format!("{prefix}policies/links/index.html"));
        let expected = [
            format!("<a href=\"/bzh/{prefix}policies/plan/\">"),
            format!("<a href=\"/bzh/{prefix}policies/plan/#一-发展目标\">"),
            format!("<a href=\"/bzh/{prefix}interpretations/plan-interpretation/\">"),
            format!("<a href=\"/bzh/{prefix}policies/measures/#一-重点任务\">"),
            format!("<a href=\"/bzh/{prefix}cities/testcity/\">"),
            format!("<a href=\"/bzh/{prefix}policies/\">"),
            // A file is published once: the same address from both scripts.
            "<a href=\"/bzh/files/年度报告.pdf\">".to_string(),
            "<a href=\"/bzh/policies/measures/图1.png\">".to_string(),
            "<a href=\"#%E6%9C%AC%E9%A1%B5\">".to_string(),
            "<a href=\"https://www.gov.cn/\">".to_string(),
            // Written for one script on purpose: kept.
            "<a href=\"/bzh/zh-hant/policies/plan/\">".to_string(),
        ];
        for href in &expected {
            assert!(page.contains(href.as_str()), "{prefix}: {href} in\n{page}");
        }
        assert_eq!(
            page.matches("<a href=\"/bzh/files/年度报告.pdf\">").count(),
            3,
            "with the base path, without it, and relative"
        );
        let measures = site.read(&format!("{prefix}policies/measures/index.html"));
        assert!(measures.contains("<img src=\"/bzh/policies/measures/图1.png\" alt=\""));
        assert!(measures.contains("href=\"/bzh/policies/measures/附件1%20分工表.pdf\""));
        assert!(measures.contains("href=\"/bzh/policies/measures/表格/申报表.xlsx\""));
        // 附件 in the metadata: name, type, size; in the order written.
        let attachments = &measures[measures.find("<dt>附件</dt>").expect("附件 is shown")..];
        let attachments = &attachments[..attachments.find("</dd>").unwrap()];
        // The Traditional page shows the names in Traditional characters; the files are the same.
        let attachments = attachments
            .replace("年度報告", "年度报告")
            .replace("申報表", "申报表");
        assert_eq!(
            attachments,
            "<dt>附件</dt><dd><ul>\
             <li><a href=\"/bzh/policies/measures/附件1%20分工表.pdf\">附件1 分工表.pdf</a> <span class=\"file-meta\">PDF，2.0 KB</span></li>\
             <li><a href=\"/bzh/files/年度报告.pdf\">年度报告.pdf</a> <span class=\"file-meta\">PDF，5.0 MB</span></li>\
             <li><a href=\"/bzh/policies/measures/表格/申报表.xlsx\">申报表.xlsx</a> <span class=\"file-meta\">XLSX，300 B</span></li></ul>"
        );
        // The catalogue's lists link to them too.
        let office = site.read(&format!("{prefix}offices/测试市人民政府/index.html"));
        assert!(
            office.contains("<a href=\"/bzh/policies/measures/附件1%20分工表.pdf\">附件1 分工表.pdf</a><span class=\"file-meta\">（PDF，2.0 KB）</span>"),
            "{office}"
        );
    }
    // A page's files once, beside the default script's page; nothing under zh-hant/.
    assert!(site.public().join("policies/measures/图1.png").is_file());
    assert!(site
        .public()
        .join("policies/measures/表格/申报表.xlsx")
        .is_file());
    assert!(!site
        .public()
        .join("zh-hant/policies/measures/图1.png")
        .exists());
    assert!(!site.public().join("policies/measures/index.md").exists());
    // The folder is the page `measures` of `policies`.
    assert!(site.read("policies/index.html").contains("若干措施"));
    assert!(!site.public().join("policies/measures/index/").exists());
    assert_success(&site.run(&["check"]));
}

#[test]
fn a_page_slug_moves_its_files_with_it() {
    let site = sub_path_site();
    site.edit("content/policies/measures/index.md", |t| {
        t.replacen("+++\ntitle", "+++\nslug = \"cuoshi\"\ntitle", 1)
    });
    site.built();
    assert!(site.public().join("policies/cuoshi/图1.png").is_file());
    assert!(site
        .read("zh-hant/policies/links/index.html")
        .contains("<a href=\"/bzh/zh-hant/policies/cuoshi/#一-重点任务\">"));
    every_link_resolves(&site.public(), "/bzh/", "zh-hant/", EXPLICIT);
}

#[test]
fn broken_links_anchors_images_and_attachments_stop_the_build_where_they_are_written() {
    let site = sub_path_site();
    site.page(
        "policies/broken.md",
        "+++\ntitle = \"坏链接\"\nattachments = [\n  \"附件9.pdf\",\n  \"@/policies/plan.md\",\n]\n+++\n\
         见[规划](@/policies/plam.md)。\n\n\
         见[目标](@/policies/plan.md#发展目标)。\n\n\
         ![图](@/policies/measures/图2.png)\n\n\
         见[报告](/files/年度报吿.pdf)和[页面](/policies/nothing/)。\n\n\
         [这里](#没有)\n",
    );
    site.rejected_in(
        "zh-Hans",
        &[
            "content/policies/broken.md:8:2: 错误：第 8 行第 2 列：链接“@/policies/plam.md”指向的“policies/plam.md”不存在：网站里没有这个页面或文件\n  \
             提示：最接近的是：@/policies/plan.md。链接页面请写 @/文件夹/页面.md，页面旁边的文件直接写文件名，static 里的文件写 /文件夹/文件.pdf",
            "content/policies/broken.md:10:2: 错误：第 10 行第 2 列：链接“@/policies/plan.md#发展目标”指向 content/policies/plan.md 的标题 #发展目标，但那个页面没有这个标题\n  \
             提示：标题的锚点由标题文字生成；那个页面上最接近的是 #一-发展目标",
            "content/policies/broken.md:12:1: 错误：第 12 行第 1 列：图片“@/policies/measures/图2.png”不存在：网站里没有文件“policies/measures/图2.png”\n  \
             提示：最接近的是：@/policies/measures/图1.png。",
            "content/policies/broken.md:14:2: 错误：第 14 行第 2 列：链接“/files/年度报吿.pdf”指向的“files/年度报吿.pdf”不存在：网站里没有这个页面或文件\n  \
             提示：最接近的是：/files/年度报告.pdf。",
            "content/policies/broken.md:14:24: 错误：第 14 行第 24 列：链接“/policies/nothing/”指向的“policies/nothing/”不存在",
            "content/policies/broken.md:16:1: 错误：第 16 行第 1 列：链接“#没有”指向的标题在本页不存在",
            "content/policies/broken.md:4: 错误：第 4 行：附件“附件9.pdf”不是网站里的文件（查找的是“policies/附件9.pdf”）",
            "content/policies/broken.md:5: 错误：第 5 行：附件“@/policies/plan.md”是一个页面，不是文件",
        ],
    );
    // The same in English, once each.
    let message = site.rejected(&[
        "leads to nothing",
        "the nearest there is: @/policies/plan.md",
    ]);
    assert_eq!(message.matches(": error: ").count(), 8, "{message}");
}

#[test]
fn links_never_leave_the_site() {
    let site = sub_path_site();
    site.config(
        "theme = \"default\"",
        "theme = \"default\"\nallow_raw_html = true",
    );
    site.page(
        "policies/escape.md",
        "+++\ntitle = \"越界\"\n+++\n\
         [a](@/../../etc/passwd)\n\n\
         [b](../../../../etc/passwd)\n\n\
         [c](/../../etc/passwd)\n\n\
         [d](@/%2e%2e/%2e%2e/etc/passwd)\n\n\
         <img src=\"@/../config.toml\" alt=\"x\">\n",
    );
    let message = site.rejected_in("zh-Hans", &["content/policies/escape.md:4:1: 错误：第 4 行第 1 列：链接“@/../../etc/passwd”指向了网站内容以外的地方"]);
    assert_eq!(
        message.matches("指向了网站内容以外的地方").count(),
        5,
        "{message}"
    );
    // Names that are no file of the site lead to nothing, whatever they look like.
    site.remove("content/policies/escape.md");
    site.page(
        "policies/escape.md",
        "+++\ntitle = \"越界\"\nattachments = [\"/etc/passwd\", \"@/policies/measures/.secret\"]\n+++\n\
         [e](@/..\\..\\etc\\passwd) [f](/bzh/../config.toml) [g](%00) [h](@/)\n",
    );
    site.file("content/policies/measures/.secret", "hidden");
    let message = site.rejected(&["escape.md:5:1"]);
    assert_eq!(message.matches(": error: ").count(), 6, "{message}");
    assert!(!message.contains("passwd\" is a"), "{message}");
}

#[cfg(unix)]
#[test]
fn a_file_of_content_that_links_elsewhere_in_the_site_is_not_published() {
    let site = sub_path_site();
    site.file("private/notes.txt", "secret");
    std::os::unix::fs::symlink(
        site.path("private/notes.txt"),
        site.path("content/policies/measures/data.csv"),
    )
    .unwrap();
    site.rejected_in(
        "zh-Hans",
        &["content/policies/measures/data.csv: 错误：content 里的这个文件是指向 content 以外文件的链接，不会发布"],
    );
}

#[test]
fn a_page_inside_a_page_folder_is_refused() {
    let site = sub_path_site();
    site.page(
        "policies/measures/other.md",
        "+++\ntitle = \"另一个\"\n+++\n正文\n",
    );
    site.rejected_in(
        "zh-Hans",
        &["content/policies/measures/other.md: 错误：这个页面在文件夹 policies/measures 里，而这个文件夹是页面 content/policies/measures/index.md 和它的文件"],
    );
}

/// `check` says a problem a template puts on every page once, with a count of the pages, and
/// says when only one script's page has it; an external link on every page is listed once.
#[test]
fn check_says_each_problem_once_and_which_script_has_it() {
    let site = TestSite::basic();
    site.config(
        "base_url = \"https://example.gov.cn/\"",
        "base_url = \"https://www.example.gov.cn/bzh/\"",
    );
    site.file("static/files/x.pdf", "pdf");
    let theme = std::fs::read_to_string(site.path("themes/default/templates/page.html")).unwrap();
    // `root` is the script's root: the file is at the site's, so the link is broken on the
    // Traditional pages only; the second link is broken on every page.
    site.file(
        "templates/page.html",
        theme.replace(
            "<div class=\"prose\">",
            "<p><a href=\"{{ root }}files/x.pdf\">x</a> <a href=\"{{ base_path }}nowhere/\">y</a> <a href=\"https://beian.miit.gov.cn/\">备案</a></p><div class=\"prose\">",
        ),
    );
    let output = site.run(&["check", "--lang", "zh-Hans"]);
    assert_eq!(output.status.code(), Some(1));
    let err = stderr(&output);
    assert_eq!(
        err.matches("链接“/bzh/zh-hant/files/x.pdf”").count(),
        1,
        "once: {err}"
    );
    assert!(
        err.contains("链接“/bzh/zh-hant/files/x.pdf”指向的页面不存在（只在繁體中文页面上）；另外 1 个页面也一样："),
        "{err}"
    );
    assert_eq!(err.matches("链接“/bzh/nowhere/”").count(), 1, "{err}");
    assert!(
        !err.contains("“/bzh/nowhere/”指向的页面不存在（只在"),
        "both scripts: {err}"
    );
    let out = stdout(&output);
    assert_eq!(
        out.matches("https://beian.miit.gov.cn/").count(),
        1,
        "{out}"
    );
    assert!(
        out.contains(
            "  https://beian.miit.gov.cn/（content/interpretations/plan-interpretation.md 和另外 "
        ),
        "{out}"
    );
}
