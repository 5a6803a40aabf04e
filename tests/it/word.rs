//! The Word reader (`src/docx/`, `stdportal::docx::read`) on the fixtures of
//! `tests/fixtures/word/`: the hand-written WordprocessingML of `xml/` (automatic numbering,
//! WPS's numbering, heading styles and fonts, merged cells, notes, tracked changes, a joint
//! document …) and the documents LibreOffice made from `sources/` (`make.sh`). Each is read
//! into an outline (the 公文's elements with their paragraphs, the Markdown, the attachments,
//! the pictures, the notes) compared with `tests/golden/word/*.snap` through insta; the tests
//! below check what each fixture is there for. Hostile files are in `word_hostile.rs`.

use stdportal::docx::{self, Document};

use crate::support::repo;
use crate::support::word::{fixtures, xml_fixture, xml_fixtures};

fn read_xml(name: &str) -> Document {
    docx::read(&xml_fixture(name), &format!("{name}.docx"))
        .unwrap_or_else(|p| panic!("{name}: {p:?}"))
}

/// The documents LibreOffice made (`tests/fixtures/word/*.docx`).
fn libreoffice_fixtures() -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(fixtures())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".docx"))
        .collect();
    names.sort();
    names
}

#[test]
fn every_fixture_reads_as_its_golden_outline() {
    let mut settings = insta::Settings::clone_current();
    settings.set_snapshot_path(repo().join("tests/golden/word"));
    settings.set_prepend_module_to_snapshot(false);
    settings.bind(|| {
        for name in xml_fixtures() {
            insta::assert_snapshot!(name.clone(), read_xml(&name).outline());
        }
        for file in libreoffice_fixtures() {
            let bytes = std::fs::read(fixtures().join(&file)).unwrap();
            let document = docx::read(&bytes, &file).unwrap();
            insta::assert_snapshot!(
                file.trim_end_matches(".docx").to_string(),
                document.outline()
            );
        }
    });
}

#[test]
fn automatic_numbers_are_written_and_each_level_restarts_under_the_one_above() {
    let d = read_xml("numbering");
    let md = &d.markdown;
    for heading in [
        "## 一、總體要求",
        "### （一）指導思想。",
        "### （三）工作目標。",
        "## 二、重點任務",
        // （一） again under 二、
        "## 二、重點任務\n\n### （一）提升製造業標準化。",
        "## 三、保障措施\n\n### （一）加強組織領導。",
    ] {
        assert!(md.contains(heading), "{heading} missing in:\n{md}");
    }
    // 1. … 4. run on into their text: paragraphs with the lead in bold, not headings.
    assert!(
        md.contains("\n\n**1\\.強化統籌,最佳化管理**。全面落實"),
        "{md}"
    );
    assert!(md.contains("\n\n**4\\.突出重點,全面推進**。"), "{md}");
    // numFmt none: the paragraph has no number.
    assert!(md.contains("\n\n以培育發展信息經濟"), "{md}");
}

#[test]
fn a_traditional_document_is_recognised_and_its_number_normalised() {
    let d = read_xml("numbering");
    let m = &d.meta;
    assert_eq!(
        m.title.as_ref().unwrap().value,
        "溫州市人民政府關於全面實施標準化戰略的意見"
    );
    assert_eq!(m.genre.as_ref().unwrap().word, "意見");
    assert_eq!(m.genre.as_ref().unwrap().kind.slug(), "policy");
    let number = &m.doc_number.as_ref().unwrap().value;
    assert_eq!(number.original, "示例發[2017]1號");
    assert_eq!(number.normalised, "示例發〔2017〕1號");
    assert_eq!(m.issuers[0].value, "溫州市人民政府");
    assert_eq!(
        m.addressees.as_ref().unwrap().value,
        "各縣(市、區)人民政府,市政府直屬各單位:"
    );
    assert_eq!(m.attachment_list[0].value, "溫州市“標準化+”重點任務清單");
    assert_eq!(m.signatures[0].value, "溫州市人民政府");
    // The 主送 line opens the text, where the theme sets it flush left.
    assert!(d
        .markdown
        .starts_with("各縣(市、區)人民政府,市政府直屬各單位:\n\n"));
    // The 版头 is not in the text.
    assert!(!d.markdown.contains("文件") && !d.markdown.contains("示例發"));
}

#[test]
fn wps_numbering_with_an_instance_per_paragraph_counts_on_and_a_typed_number_is_not_doubled() {
    let d = read_xml("wps-numbering");
    let md = &d.markdown;
    for expected in [
        "## 三、主要任务",
        "### （一）实施标准化战略,发挥标准引领作用",
        "**2\\.加快标准创新和标准升级**。",
        "### （二）开展质量提升行动",
        "#### 1.推动产品质量提升",
        "**（2）实施食品农产品质量提升行动**。",
        "#### 2.推动工程质量提升",
        // Typed by hand and numbered by WPS as well: written once.
        "\n\n**(1)引导培育精品工程**。",
        "**（2）完善质量安全体系**。",
    ] {
        assert!(md.contains(expected), "{expected} missing in:\n{md}");
    }
    assert!(!md.contains("（1）(1)"), "{md}");
    // No 版头: the title is the first centred line, and the note says no organ was found.
    assert_eq!(
        d.meta.title.as_ref().unwrap().value,
        "日照市“十三五”质量发展规划"
    );
    assert!(d.notes.iter().any(|n| n.id() == "word-no-issuer"));
}

#[test]
fn heading_styles_outline_levels_and_heading_fonts_make_the_same_headings() {
    let md = read_xml("headings").markdown;
    for pair in [
        "## 建立先进标准培育机制\n\n### 加快标准创新步伐",
        "## 建设济宁市标准化平台\n\n### 服务企业再升级",
        "## 以点带面示范带动\n\n### 扎实推进标准化综合改革",
    ] {
        assert!(md.contains(pair), "{pair} missing in:\n{md}");
    }
    // A line with a time is no 成文日期, and a plain paragraph is no heading.
    assert!(
        md.starts_with("2021年10月14日15:14 来源:济宁新闻客户端 作者:李志豪\n\n"),
        "{md}"
    );
    assert!(
        md.contains("\n\n《济宁市标准化管理办法》的出台实施"),
        "{md}"
    );
}

#[test]
fn merged_cells_become_colspan_and_rowspan_with_the_caption_and_header_rows() {
    let md = read_xml("tables").markdown;
    for expected in [
        "<caption>表1 “十二五”末和2020年的标准化指标</caption>\n<thead>\n",
        "<tr><th rowspan=\"2\">类别</th><th rowspan=\"2\">指标</th><th colspan=\"2\">数量</th></tr>\n<tr><th>“十二五”末</th><th>2020年</th></tr>\n</thead>",
        "<tr><td rowspan=\"4\">标准制修订<br>(主导或参与)</td><td>国际标准</td><td>1项</td><td rowspan=\"3\">120项</td></tr>\n<tr><td>国家标准</td><td>71项</td></tr>",
        "<tr><td rowspan=\"2\">农业标准化生产基地</td><td>国家级</td><td>26个</td><td>30个</td></tr>\n<tr><td>省级</td><td>147个</td><td>190个</td></tr>",
        // A first row in bold is the header; the empty grid column before every row is left out.
        "<caption>表2 “十二五”期间创建的标准化良好行为企业</caption>\n<thead>\n<tr><th>等级</th><th>企业数</th></tr>",
    ] {
        assert!(md.contains(expected), "{expected} missing in:\n{md}");
    }
    // The captions are not also paragraphs, and no table has a blank line inside (Markdown
    // would end the HTML block there).
    assert!(!md.contains("\n\n表1"), "{md}");
    for table in md.split("<table>").skip(1) {
        assert!(!table.split("</table>").next().unwrap().contains("\n\n"));
    }
}

#[test]
fn footnotes_and_endnotes_become_markdown_footnotes_in_reading_order() {
    let d = read_xml("notes");
    let md = &d.markdown;
    assert!(md.contains("改革试点工作[^1]。"), "{md}");
    assert!(md.contains("(鲁政字〔2018〕125号)[^2]精神"), "{md}");
    assert!(md.contains("实施意见》[^3]。"), "{md}");
    assert!(
        md.contains("\n\n[^1]: 3月12日,[国务院](https://www.gov.cn/)正式批复"),
        "{md}"
    );
    // A note of two paragraphs keeps both; the endnote follows the footnotes.
    assert!(md.contains("[^2]: 6月8日,山东省人民政府印发了《关于开展国家标准化综合改革试点工作的实施方案》。\n\n    7月16日,"), "{md}");
    assert!(md.contains("\n\n[^3]: 依照按属地落实责任"), "{md}");
    assert_eq!(d.meta.genre.as_ref().unwrap().kind.slug(), "interpretation");
}

#[test]
fn only_what_a_reader_of_the_print_sees_is_published() {
    let d = read_xml("revisions");
    let md = &d.markdown;
    // Tracked changes: insertions and moves in, deletions and the moved-from text out; an
    // old property (hidden) in a property change does not count.
    assert!(
        md.contains("新材料等优势产业,探索参与国际标准制定;聚焦高档数控机床"),
        "{md}"
    );
    assert!(
        md.contains("标准访问量已达19409条。标准化综合管理与公共服务平台。"),
        "{md}"
    );
    for never in [
        "删除测试标记",
        "移动前测试标记",
        "批注测试标记",
        "隐藏测试标记",
        "单击或点击此处",
        "TOC",
        "HYPERLINK",
        "javascript",
    ] {
        assert!(!md.contains(never), "{never} published:\n{md}");
    }
    // The table of contents goes; the heading it listed stays, once.
    assert_eq!(md.matches("## 建立先进标准培育机制").count(), 1, "{md}");
    // Fields: the hyperlink field is a link; a link to a bookmark and a javascript: link are text.
    assert!(
        md.contains("([jnxww@163.com](mailto:jnxww@163.com))"),
        "{md}"
    );
    assert!(
        md.contains("\n\n建立先进标准培育机制;济宁新闻客户端\n\n"),
        "{md}"
    );
    // Debris: the no-break space became a space, the rest is gone.
    assert!(md.contains("综合管理与 公共服务平台,实现了标准化综合业务全生命周期管理新形态。标准化成果展示平台,突出了标准化成果。✔\n"), "{md}");
    assert!(!md
        .chars()
        .any(|c| stdportal::docx::clean::Debris::of(c).is_some()));
    // A text box written twice (Word 2010's shape and its VML fallback) is read once.
    assert_eq!(md.matches("以点带面示范带动").count(), 1, "{md}");
    let ids: Vec<&str> = d.notes.iter().map(|n| n.id()).collect();
    for id in [
        "word-tracked-changes",
        "word-comments",
        "word-hidden",
        "word-symbols",
        "word-toc",
        "word-placeholder",
        "word-unsafe-link",
        "word-debris",
    ] {
        assert!(ids.contains(&id), "{id} not noted: {ids:?}");
    }
    let texts: Vec<String> = d.notes.iter().map(|n| n.text()).collect();
    assert!(texts.contains(&"the document has changes that were never accepted or rejected (2 insertions, 2 deletions): the page shows the text as if every change were accepted".to_string()), "{texts:?}");
    assert!(
        texts.contains(&"the document's comment is not published".to_string()),
        "{texts:?}"
    );
    assert!(texts.contains(&"paragraph 6 (“平台自5月26日上线运行以来,注…”): 6 characters of hidden text are not published".to_string()), "{texts:?}");
    assert!(texts.contains(&"paragraph 10: a form field's placeholder text (“click here to enter text”) is left out".to_string()), "{texts:?}");
}

#[test]
fn a_joint_document_with_its_header_in_a_table_attachments_and_colophon() {
    let d = read_xml("joint");
    let m = &d.meta;
    let values = |v: &[docx::Found<String>]| v.iter().map(|f| f.value.clone()).collect::<Vec<_>>();
    assert_eq!(
        values(&m.issuers),
        ["泰安市人民政府", "泰安市实施标准化战略工作领导小组办公室"]
    );
    assert_eq!(
        values(&m.signatures),
        ["泰安市人民政府", "泰安市实施标准化战略工作领导小组办公室"]
    );
    assert_eq!(m.copy_number.as_ref().unwrap().value, "000001");
    assert_eq!(m.urgency.as_ref().unwrap().value, "特急");
    let number = &m.doc_number.as_ref().unwrap().value;
    assert_eq!(
        (number.original.as_str(), number.normalised.as_str()),
        ("示例发(2018)2号", "示例发〔2018〕2号")
    );
    assert_eq!(
        m.title.as_ref().unwrap().value,
        "泰安市人民政府 泰安市实施标准化战略工作领导小组办公室关于加强标准化工作考核评价的通知"
    );
    let written = &m.written.as_ref().unwrap().value;
    assert_eq!(
        (written.iso().as_str(), written.original.as_str()),
        ("2018-07-16", "二〇一八年七月十六日")
    );
    assert_eq!(m.remark.as_ref().unwrap().value, "(此件公开发布)");
    assert_eq!(values(&m.attachment_list), ["强化宣传培训", "加大政策支持"]);
    assert_eq!(
        m.copy_to.as_ref().unwrap().value,
        "市委各部门,市人大常委会办公室,市政协办公室"
    );
    assert_eq!(m.printed_by.as_ref().unwrap().value, "泰安市人民政府办公室");
    assert_eq!(m.printed_on.as_ref().unwrap().value.iso(), "2018-07-16");
    // Each attachment is a section of its own, label and title out of its text.
    let titles: Vec<(Option<&str>, &str)> = d
        .attachments
        .iter()
        .map(|a| {
            (
                a.number.as_deref(),
                a.title.as_ref().unwrap().value.as_str(),
            )
        })
        .collect();
    assert_eq!(
        titles,
        [(Some("1"), "强化宣传培训"), (Some("2"), "加大政策支持")]
    );
    assert!(d.attachments[0].markdown.starts_with("加大宣传力度"));
    let whole = d.markdown_with_attachments();
    assert!(
        whole.contains("\n\n## 附件1　强化宣传培训\n\n加大宣传力度"),
        "{whole}"
    );
    // The 版头 and 版记 are not in the text; the 附件说明 line 2. is not a heading.
    for never in ["文件", "示例发", "抄送", "印发", "000001", "特急", "## 2."] {
        assert!(!d.markdown.contains(never), "{never} in:\n{}", d.markdown);
    }
    // Pictures: written once each, by name; the one without alternative text and the one
    // linked outside the file are noted.
    let names: Vec<(&str, Option<&str>)> = d
        .images
        .iter()
        .map(|i| (i.name.as_str(), i.alt.as_deref()))
        .collect();
    assert_eq!(
        names,
        [
            ("image-1.png", Some("测试图片：一个红色方块")),
            ("image-2.png", None)
        ]
    );
    assert!(d.images[0].bytes.starts_with(b"\x89PNG"));
    assert!(d
        .markdown
        .contains("![测试图片：一个红色方块](image-1.png)\n\n![](image-2.png)"));
    let ids: Vec<&str> = d.notes.iter().map(|n| n.id()).collect();
    assert!(
        ids.contains(&"word-picture-no-alt") && ids.contains(&"word-external-picture"),
        "{ids:?}"
    );
    assert!(!d.markdown.contains("example.invalid"));
}

#[test]
fn a_notice_saved_by_libreoffice_is_read_whole() {
    let bytes = std::fs::read(fixtures().join("rizhao-notice.docx")).unwrap();
    let d = docx::read(&bytes, "rizhao-notice.docx").unwrap();
    let m = &d.meta;
    assert_eq!(m.issuers[0].value, "日照市人民政府");
    assert_eq!(
        m.doc_number.as_ref().unwrap().value.normalised,
        "示例发〔2017〕1号"
    );
    assert_eq!(
        m.title.as_ref().unwrap().value,
        "日照市人民政府关于印发日照市“十三五”质量发展规划的通知"
    );
    let genre = m.genre.as_ref().unwrap();
    assert_eq!(
        (genre.word.as_str(), genre.issued.as_deref()),
        ("通知", Some("规划"))
    );
    assert_eq!(
        m.addressees.as_ref().unwrap().value,
        "各区县人民政府，市直有关部门："
    );
    assert_eq!(m.written.as_ref().unwrap().value.iso(), "2017-01-20");
    assert_eq!(m.remark.as_ref().unwrap().value, "（此件公开发布）");
    assert_eq!(m.signatures[0].value, "日照市人民政府");
    assert_eq!(
        m.copy_to.as_ref().unwrap().value,
        "市委各部门，市人大常委会办公室，市政协办公室"
    );
    assert_eq!(m.printed_by.as_ref().unwrap().value, "日照市人民政府办公室");
    let md = &d.markdown;
    for expected in [
        "## 三、主要任务\n\n### （一）实施标准化战略，发挥标准引领作用\n\n**1\\.推进标准化工作改革**。",
        "#### 1.推动产品质量提升\n\n**（1）实施工业品质量提升行动**。",
        "<tr><td rowspan=\"4\">标准制修订</td><td>国际标准</td><td>1项</td><td rowspan=\"3\">120项</td></tr>",
        "<caption>表1　“十二五”末和2020年的标准化指标</caption>",
        "试点工作[^1]。",
        "\n\n[^1]: 坚持放管结合",
        "\n\n附件：日照市标准化“十三五”发展规划（节选）\n\n日照市人民政府\n\n2017年1月20日\n\n（此件公开发布）",
    ] {
        assert!(md.contains(expected), "{expected} missing in:\n{md}");
    }
    // The attachment: on a page of its own with a title and no label line in its text.
    assert_eq!(d.attachments.len(), 1);
    let a = &d.attachments[0];
    assert_eq!(
        a.title.as_ref().unwrap().value,
        "日照市标准化“十三五”发展规划（节选）"
    );
    assert!(
        a.markdown
            .contains("## 一、现状基础和发展环境\n\n### （一）现状基础"),
        "{}",
        a.markdown
    );
    // LibreOffice 7.4 keeps no alternative text from HTML: the picture is written and noted.
    assert_eq!(d.images.len(), 1);
    assert!(d.notes.iter().any(|n| n.id() == "word-picture-no-alt"));
}

/// `make.sh` regenerates the LibreOffice fixture: the file it makes now reads exactly as the
/// committed one (the bytes differ: LibreOffice stamps the time).
#[test]
#[ignore = "needs LibreOffice (apt-get install libreoffice-writer-nogui)"]
fn make_sh_regenerates_the_libreoffice_fixture() {
    if std::process::Command::new("soffice")
        .arg("--version")
        .output()
        .is_err()
    {
        crate::support::skip_or_fail(
            "word::make_sh_regenerates_the_libreoffice_fixture",
            "STDPORTAL_REQUIRE_SOFFICE",
            "LibreOffice (soffice) is not installed",
        );
        return;
    }
    let out = tempfile::tempdir().unwrap();
    let status = std::process::Command::new("sh")
        .arg(fixtures().join("make.sh"))
        .arg(out.path())
        .stdout(std::process::Stdio::null())
        .status()
        .unwrap();
    assert!(status.success());
    for file in libreoffice_fixtures() {
        let fresh = std::fs::read(out.path().join(&file)).unwrap();
        let committed = std::fs::read(fixtures().join(&file)).unwrap();
        assert_eq!(
            docx::read(&fresh, &file).unwrap().outline(),
            docx::read(&committed, &file).unwrap().outline(),
            "{file}"
        );
    }
}

/// A Word 97–2003 file is converted by LibreOffice once, read like the `.docx` it came from,
/// and taken from the cache the next time (after its bytes are compared).
#[test]
#[ignore = "needs LibreOffice (apt-get install libreoffice-writer-nogui)"]
fn a_doc_file_is_converted_through_libreoffice_once_then_read_from_the_cache() {
    let Some(program) = docx::legacy::program() else {
        crate::support::skip_or_fail(
            "word::a_doc_file_is_converted_through_libreoffice_once_then_read_from_the_cache",
            "STDPORTAL_REQUIRE_SOFFICE",
            "LibreOffice (soffice) is not installed",
        );
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let profile = format!(
        "-env:UserInstallation=file://{}",
        dir.path().join("profile").display()
    );
    let status = std::process::Command::new(program)
        .args([
            profile.as_str(),
            "--headless",
            "--convert-to",
            "doc:MS Word 97",
            "--outdir",
        ])
        .arg(dir.path())
        .arg(fixtures().join("rizhao-notice.docx"))
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .status()
        .unwrap();
    assert!(status.success());
    let doc = std::fs::read(dir.path().join("rizhao-notice.doc")).unwrap();
    assert_eq!(docx::legacy::kind(&doc), Some(docx::Legacy::WordBinary));
    assert_eq!(
        docx::read(&doc, "rizhao-notice.doc"),
        Err(docx::Problem::Legacy(docx::Legacy::WordBinary))
    );
    let cache = dir.path().join("cache");
    let converted = docx::legacy::convert(&doc, docx::Legacy::WordBinary, &cache).unwrap();
    let d = docx::read(&converted, "rizhao-notice.doc").unwrap();
    let m = &d.meta;
    assert_eq!(
        m.title.as_ref().unwrap().value,
        "日照市人民政府关于印发日照市“十三五”质量发展规划的通知"
    );
    assert_eq!(
        m.doc_number.as_ref().unwrap().value.normalised,
        "示例发〔2017〕1号"
    );
    assert_eq!(m.written.as_ref().unwrap().value.iso(), "2017-01-20");
    assert!(
        d.markdown.contains("<td rowspan=\"4\">标准制修订</td>"),
        "{}",
        d.markdown
    );
    // The cache holds the source and the result; the second time is the cached file.
    let cached: Vec<String> = std::fs::read_dir(&cache)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(cached.len(), 2, "{cached:?}");
    let start = std::time::Instant::now();
    assert_eq!(
        docx::legacy::convert(&doc, docx::Legacy::WordBinary, &cache).unwrap(),
        converted
    );
    assert!(start.elapsed() < std::time::Duration::from_millis(500));
    // A file LibreOffice cannot read is a message, not a crash.
    let mut broken = doc.clone();
    broken[600..4000].fill(0xAB);
    match docx::legacy::convert(&broken, docx::Legacy::WordBinary, &cache) {
        // Whatever LibreOffice made of it is read or refused; a panic fails the test.
        Ok(bytes) => drop(docx::read(&bytes, "broken.doc")),
        Err(problem) => {
            let message = problem
                .diagnostic(std::path::Path::new("broken.doc"))
                .to_string();
            assert!(message.contains("broken.doc: error:"), "{message}");
        }
    }
}

#[test]
fn without_libreoffice_a_doc_file_says_how_to_save_it_as_docx() {
    let message = docx::Problem::NoConverter(docx::Legacy::WordBinary)
        .diagnostic(std::path::Path::new("content/policies/通知.doc"))
        .to_string();
    assert_eq!(
        message,
        "content/policies/通知.doc: error: this .doc file is a Word 97–2003 document, and LibreOffice, which converts it, is not installed\n  help: open it in Word or WPS and save it as a Word document (.docx) (WPS: 文件 ▸ 另存为 ▸ Word 文件 (*.docx)); or install LibreOffice (soffice), which converts it when the site is built"
    );
}

/// What the reader writes is Markdown the site publishes as meant: every fixture as a page
/// (raw HTML allowed, as imported pages will have it for their tables) builds, its headings,
/// tables, bold and footnotes come out as HTML, the allow-list keeps every table, and no
/// Markdown syntax is left showing.
#[test]
fn the_markdown_of_every_fixture_builds_into_a_page() {
    let site = crate::support::TestSite::basic();
    site.config(
        "theme = \"default\"",
        "theme = \"default\"\nallow_raw_html = true",
    );
    let mut documents = Vec::new();
    for name in xml_fixtures() {
        documents.push((name.clone(), read_xml(&name)));
    }
    for file in libreoffice_fixtures() {
        let bytes = std::fs::read(fixtures().join(&file)).unwrap();
        let name = file.trim_end_matches(".docx").to_string();
        documents.push((name, docx::read(&bytes, &file).unwrap()));
    }
    for (name, d) in &documents {
        let title = toml::Value::String(d.page_title()).to_string();
        // A page as a folder with its pictures beside it, as the Word import writes them.
        site.page(
            &format!("policies/{name}/index.md"),
            &format!(
                "+++\ntitle = {title}\nkind = \"policy\"\n+++\n\n{}\n",
                d.markdown_with_attachments()
            ),
        );
        for image in &d.images {
            site.file(
                &format!("content/policies/{name}/{}", image.name),
                &image.bytes,
            );
        }
    }
    site.built();
    for (name, d) in &documents {
        let html = site.read(&format!("policies/{name}/index.html"));
        let main = &html[html.find("<main").unwrap()..html.find("</main>").unwrap()];
        assert!(
            !main.contains("**") && !main.contains("\\*") && !main.contains("[^"),
            "{name}: Markdown left showing:\n{main}"
        );
        assert_eq!(
            main.matches("<table>").count(),
            d.markdown_with_attachments().matches("<table>").count(),
            "{name}"
        );
        if d.meta.addressees.is_some() {
            assert!(
                main.contains("<p class=\"addressee\">"),
                "{name}: the 主送 line is not set flush left"
            );
        }
    }
    let notice = site.read("policies/rizhao-notice/index.html");
    for expected in [
        ">三、主要任务</h2>",
        ">（一）实施标准化战略，发挥标准引领作用</h3>",
        ">1.推动产品质量提升</h4>",
        "<strong>1.推进标准化工作改革</strong>。",
        "<td rowspan=\"4\">标准制修订</td>",
        "<caption>表1　“十二五”末和2020年的标准化指标</caption>",
        ">附件　日照市标准化“十三五”发展规划（节选）</h2>",
        ">一、现状基础和发展环境</h3>",
    ] {
        assert!(notice.contains(expected), "{expected} not in the page");
    }
    assert!(notice.contains("footnote-definition"), "no footnotes");
}

fn centred(text: &str) -> String {
    format!(r#"<w:p><w:pPr><w:jc w:val="center"/></w:pPr><w:r><w:t>{text}</w:t></w:r></w:p>"#)
}

fn plain(text: &str) -> String {
    format!(r#"<w:p><w:r><w:t>{text}</w:t></w:r></w:p>"#)
}

/// A web copy of a 公文 puts the 发文字号 under the title; a 版头 may have a line that is none
/// of its elements, which is said with its paragraph and kept out of the text.
#[test]
fn the_number_under_the_title_and_an_unknown_header_line() {
    use crate::support::word::{document, minimal};
    let web = document(
        &[
            centred("日照市人民政府关于印发日照市“十三五”质量发展规划的通知"),
            centred("示例发〔2017〕1号"),
            plain("各区县人民政府，市直有关部门："),
            plain("质量反映一个地区的综合实力，质量发展是经济社会发展的重大战略问题。"),
        ]
        .concat(),
    );
    let d = docx::read(&minimal(&web), "web.docx").unwrap();
    assert_eq!(
        d.meta.title.as_ref().unwrap().value,
        "日照市人民政府关于印发日照市“十三五”质量发展规划的通知"
    );
    assert_eq!(d.meta.doc_number.as_ref().unwrap().paragraph, 2);
    assert!(
        d.markdown
            .starts_with("各区县人民政府，市直有关部门：\n\n质量反映"),
        "{}",
        d.markdown
    );
    let odd = document(
        &[
            centred("日照市人民政府文件"),
            plain("（内部资料 注意保存）"),
            centred("示例发〔2017〕1号"),
            centred("日照市人民政府关于印发日照市“十三五”质量发展规划的通知"),
            plain("各区县人民政府，市直有关部门："),
            plain("质量反映一个地区的综合实力，质量发展是经济社会发展的重大战略问题。"),
        ]
        .concat(),
    );
    let d = docx::read(&minimal(&odd), "odd.docx").unwrap();
    assert_eq!(d.meta.issuers[0].value, "日照市人民政府");
    assert!(!d.markdown.contains("内部资料"), "{}", d.markdown);
    let texts: Vec<String> = d.notes.iter().map(|n| n.text()).collect();
    assert!(
        texts.contains(&"paragraph 2 (“（内部资料 注意保存）”): this line above the document number is none of the header's elements (copy number, classification, urgency, issuing organ, signer), and is left out of the text".to_string()),
        "{texts:?}"
    );
    assert!(
        texts
            .iter()
            .any(|t| t.starts_with("no date of the document (成文日期) was found")),
        "{texts:?}"
    );
}
