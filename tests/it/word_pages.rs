//! Word files as pages (`content/word.rs`, issue 22): a `.docx` in `content/` built into a
//! page in both scripts (golden HTML of the fixtures in `tests/golden/word-pages/`), its Word
//! file and pictures published once, a sidecar `FILE.toml` that wins, long attachments as pages
//! of their own, the catalogue, site map, search index and feed, a PDF alone refused,
//! `stdportal import` (dry run, JSON events, overwriting, a folder), and `check`'s notes.

use crate::support::word::{fixtures, xml_fixture};
use crate::support::{assert_exit, assert_success, repo, stdout, TestSite};

const RIZHAO: &str = "content/policies/示例发〔2017〕1号.docx";
const RIZHAO_PAGE: &str = "policies/示例发〔2017〕1号/index.html";

fn rizhao() -> Vec<u8> {
    std::fs::read(fixtures().join("rizhao-notice.docx")).unwrap()
}

/// The `<article>` of a built page.
fn article(html: &str) -> String {
    let start = html.find("<article").expect("an article");
    let end = html.find("</article>").expect("its end") + "</article>".len();
    html[start..end].to_string()
}

#[test]
fn a_word_file_in_content_is_a_page_with_its_metadata_in_both_scripts() {
    let site = TestSite::basic();
    site.file(RIZHAO, rizhao());
    site.built();
    let hans = site.read(RIZHAO_PAGE);
    for part in [
        "<h1>日照市人民政府关于印发日照市“十三五”质量发展规划的通知</h1>",
        "<dt>发文字号</dt><dd>示例发〔2017〕1号</dd>",
        "<dt>成文日期</dt><dd><time datetime=\"2017-01-20\">2017年1月20日</time>",
        ">日照市人民政府</a>",
        "<p class=\"doc-kind\"><a href=\"/kinds/policy/\">政策原文</a></p>",
        "<div class=\"prose\"><p class=\"addressee\">各区县人民政府，市直有关部门：</p>",
        "<p class=\"copy-to\">抄送：市委各部门，市人大常委会办公室，市政协办公室</p>",
        "下载原件：<a href=\"/policies/示例发〔2017〕1号/示例发〔2017〕1号.docx\" download>示例发〔2017〕1号.docx</a>（Word，10 KB）",
        "<img src=\"/policies/示例发〔2017〕1号/image-1.png\"",
        "<caption>表1　“十二五”末和2020年的标准化指标</caption>",
        "<td rowspan=\"4\">标准制修订</td>",
    ] {
        assert!(hans.contains(part), "{part} not in:\n{}", article(&hans));
    }
    // 版记's 印发 line and the 版头 stay metadata, not text.
    assert!(!hans.contains("日照市人民政府办公室"), "{}", article(&hans));
    let hant = site.read(&format!("zh-hant/{RIZHAO_PAGE}"));
    for part in [
        "<dt>發文字號</dt><dd>示例發〔2017〕1號</dd>",
        "<p class=\"addressee\">各區縣人民政府，市直有關部門：</p>",
        // One copy of the Word file and of the picture, linked from both scripts.
        "下載原件：<a href=\"/policies/示例发〔2017〕1号/示例发〔2017〕1号.docx\" download>",
        "<img src=\"/policies/示例发〔2017〕1号/image-1.png\"",
    ] {
        assert!(hant.contains(part), "{part} not in:\n{}", article(&hant));
    }
    let folder = site.public().join("policies/示例发〔2017〕1号");
    assert_eq!(
        std::fs::read(folder.join("示例发〔2017〕1号.docx")).unwrap(),
        rizhao()
    );
    assert!(folder.join("image-1.png").is_file());
    let hant_folder = site.public().join("zh-hant/policies/示例发〔2017〕1号");
    let hant_files: Vec<String> = std::fs::read_dir(hant_folder)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(hant_files, ["index.html"], "one copy of the files, not two");
}

#[test]
fn the_pages_of_the_fixtures_are_golden_in_both_scripts() {
    let site = TestSite::basic();
    site.file(RIZHAO, rizhao());
    for name in ["joint", "tables", "numbering", "notes"] {
        site.file(&format!("content/policies/{name}.docx"), xml_fixture(name));
    }
    site.built();
    let mut settings = insta::Settings::clone_current();
    settings.set_snapshot_path(repo().join("tests/golden/word-pages"));
    settings.set_prepend_module_to_snapshot(false);
    settings.bind(|| {
        for (name, page) in [
            ("rizhao-notice", "policies/示例发〔2017〕1号/index.html"),
            ("joint", "policies/joint/index.html"),
            ("tables", "policies/tables/index.html"),
            ("numbering", "policies/numbering/index.html"),
            ("notes", "policies/notes/index.html"),
        ] {
            for (script, prefix) in [("hans", ""), ("hant", "zh-hant/")] {
                let html = site.read(&format!("{prefix}{page}"));
                insta::assert_snapshot!(format!("{name}-{script}"), article(&html));
            }
        }
    });
}

#[test]
fn a_joint_document_names_every_organ_and_publishes_no_copy_number_or_urgency() {
    let site = TestSite::basic();
    site.file("content/policies/joint.docx", xml_fixture("joint"));
    site.built();
    let html = site.read("policies/joint/index.html");
    assert!(
        html.contains(">泰安市人民政府</a>、泰安市实施标准化战略工作领导小组办公室</dd>"),
        "{}",
        article(&html)
    );
    assert!(html.contains("<dt>发文字号</dt><dd>示例发〔2018〕2号</dd>"));
    // Kept as written in [extra], for whoever wants it.
    let site_page = article(&html);
    for never in ["000001", "特急"] {
        assert!(
            !site_page.contains(never),
            "{never} published:\n{site_page}"
        );
    }
}

#[test]
fn a_sidecar_corrects_and_adds_fields_and_wins_over_the_document() {
    let site = TestSite::basic();
    site.file(RIZHAO, rizhao());
    site.file(
        "content/policies/示例发〔2017〕1号.toml",
        "title = \"日照市“十三五”质量发展规划（通知）\"\n\"主送\" = \"各区县人民政府\"\npublished = 2017-01-22\ntopics = [\"质量\"]\n",
    );
    site.built();
    let html = site.read(RIZHAO_PAGE);
    for part in [
        "<h1>日照市“十三五”质量发展规划（通知）</h1>",
        "<p class=\"addressee\">各区县人民政府：</p>",
        "<dt>发布日期</dt>",
        "<dt>发文字号</dt><dd>示例发〔2017〕1号</dd>",
        ">质量</a>",
    ] {
        assert!(html.contains(part), "{part} not in:\n{}", article(&html));
    }
    assert!(!html.contains("市直有关部门："), "{}", article(&html));
    // Its mistakes are found at their own line and column.
    site.file(
        "content/policies/示例发〔2017〕1号.toml",
        "topics = [\"质量\"]\nwriten = 2017-01-20\n",
    );
    site.rejected(&["content/policies/示例发〔2017〕1号.toml:2:1", "writen"]);
    site.file(
        "content/policies/示例发〔2017〕1号.toml",
        "topics = [\"质量\"]\nwritten = \"2017-13-45\"\n",
    );
    site.rejected_in(
        "zh-Hans",
        &["content/policies/示例发〔2017〕1号.toml:2:11: 错误：第 2 行第 11 列"],
    );
}

#[test]
fn a_pdf_alone_is_refused_and_beside_a_page_it_is_its_original() {
    let site = TestSite::basic();
    site.built();
    site.file("content/policies/scan.pdf", b"%PDF-1.7\n");
    site.rejected_in(
        "zh-Hans",
        &[
            "content/policies/scan.pdf: 错误：这个 PDF 文件没有发布：页面由 Markdown（.md）或 Word（.docx）文件生成，不能由 PDF 生成",
            "提示：如果要提供 PDF 下载，请在它旁边放一个同名的页面",
        ],
    );
    site.remove("content/policies/scan.pdf");
    site.file("content/policies/plan.pdf", b"%PDF-1.7\n");
    site.built();
    let html = site.read("policies/plan/index.html");
    assert!(
        html.contains(
            "下载原件：<a href=\"/policies/plan/plan.pdf\" download>plan.pdf</a>（PDF，1 KB）"
        ),
        "{}",
        article(&html)
    );
    assert!(site.public().join("policies/plan/plan.pdf").is_file());
}

#[test]
fn recipients_and_copy_to_of_a_markdown_page_show_in_both_scripts() {
    let site = TestSite::basic();
    site.page(
        "policies/notice.md",
        "+++\ntitle = \"关于开展标准化试点的通知\"\n\"主送\" = \"各区县人民政府，市直有关部门\"\n\"抄送\" = \"市委各部门\"\n+++\n\n现将有关事项通知如下。\n",
    );
    site.built();
    let hans = site.read("policies/notice/index.html");
    assert!(
        hans.contains(
            "<div class=\"prose\"><p class=\"addressee\">各区县人民政府，市直有关部门：</p>"
        ),
        "{}",
        article(&hans)
    );
    assert!(hans.contains("<p class=\"copy-to\">抄送：市委各部门</p>"));
    let hant = site.read("zh-hant/policies/notice/index.html");
    assert!(hant.contains("<p class=\"addressee\">各區縣人民政府，市直有關部門：</p>"));
    assert!(hant.contains("<p class=\"copy-to\">抄送：市委各部門</p>"));
    // A text that starts with its 主送 line shows it once.
    site.page(
        "policies/notice.md",
        "+++\ntitle = \"关于开展标准化试点的通知\"\nrecipients = \"各区县人民政府\"\n+++\n\n各区县人民政府：\n\n现将有关事项通知如下。\n",
    );
    site.built();
    let hans = site.read("policies/notice/index.html");
    assert_eq!(
        hans.matches("各区县人民政府：").count(),
        1,
        "{}",
        article(&hans)
    );
}

#[test]
fn word_pages_are_in_the_catalogue_site_map_search_index_and_feed() {
    let site = TestSite::basic().with_search();
    site.file(RIZHAO, rizhao());
    site.built();
    let url = "https://example.gov.cn/policies/示例发〔2017〕1号/";
    let sitemap = site.read("sitemap.xml");
    assert!(
        sitemap.contains(url) || sitemap.contains("policies/%E7%A4%BA"),
        "{sitemap}"
    );
    let feed = site.read("atom.xml");
    assert!(feed.contains("日照市人民政府关于印发日照市“十三五”质量发展规划的通知"));
    for list in [
        "offices/日照市人民政府/index.html",
        "kinds/policy/index.html",
    ] {
        let html = site.read(list);
        assert!(html.contains("policies/示例发〔2017〕1号/"), "{list}");
    }
    // Found by the search index in both scripts: by a phrase of its text and by its number.
    let dir = site.public().join(stdportal::search::INDEX_DIR);
    let read = |name: &str| std::fs::read(dir.join(name)).ok();
    let searcher = stdportal::search::query::Searcher::open(&read).unwrap();
    for (query, hant) in [
        ("质量发展取得的成就", false),
        ("質量發展取得的成就", true),
        ("示例发〔2017〕1号", false),
    ] {
        let hits: Vec<String> = searcher
            .all(query, hant, &stdportal::search::query::Filters::default())
            .unwrap()
            .hits
            .into_iter()
            .map(|h| h.path)
            .collect();
        assert!(
            hits.iter().any(|p| p.contains("示例发〔2017〕1号")),
            "{query}: {hits:?}"
        );
    }
}

/// The joint fixture with its first attachment made long: one of its paragraphs forty times.
fn long_attachment() -> Vec<u8> {
    let dir = tempfile::tempdir().unwrap();
    crate::support::copy_dir(&fixtures().join("xml/joint"), dir.path());
    let path = dir.path().join("word/document.xml");
    let xml = std::fs::read_to_string(&path).unwrap();
    let at = xml.find("加大宣传力度").unwrap();
    let start = xml[..at]
        .rfind("<w:p>")
        .or_else(|| xml[..at].rfind("<w:p "))
        .unwrap();
    let end = at + xml[at..].find("</w:p>").unwrap() + "</w:p>".len();
    let paragraph = &xml[start..end];
    let longer = format!("{}{}{}", &xml[..start], paragraph.repeat(40), &xml[end..]);
    std::fs::write(&path, longer).unwrap();
    crate::support::word::zip_dir(dir.path())
}

#[test]
fn a_long_attachment_is_a_page_of_its_own_linked_both_ways() {
    let site = TestSite::basic();
    site.file("content/policies/joint.docx", long_attachment());
    site.built();
    let document = site.read("policies/joint/index.html");
    let attachment = site.read("policies/joint-附件1/index.html");
    assert!(
        document.contains("<a href=\"/policies/joint-附件1/\">附件1　强化宣传培训</a></h2>"),
        "{}",
        article(&document)
    );
    // The short one stays a section.
    assert!(
        document.contains("附件2　加大政策支持</h2>"),
        "{}",
        article(&document)
    );
    assert!(document.contains("每年对标准化项目组织专家评选"));
    assert!(attachment.contains("<h1>附件1　强化宣传培训</h1>"));
    assert_eq!(attachment.matches("加大宣传力度").count(), 40);
    // Linked both ways, as related documents are.
    assert!(
        attachment.contains("href=\"/policies/joint/\""),
        "{}",
        article(&attachment)
    );
    assert!(document.contains("href=\"/policies/joint-附件1/\""));
    assert!(site
        .public()
        .join("zh-hant/policies/joint-附件1/index.html")
        .is_file());
}

#[test]
fn import_writes_the_page_its_word_file_and_its_pictures() {
    let site = TestSite::basic();
    let source = site.outside().join("泰政发〔2017〕1号.docx");
    std::fs::write(&source, rizhao()).unwrap();
    let source = source.to_str().unwrap().to_string();
    // The dry run says what it found, element by element, and writes nothing.
    let before = site.tree();
    let output = site.run(&[
        "import",
        &source,
        "--to",
        "content/policies",
        "--dry-run",
        "--lang",
        "zh-Hans",
    ]);
    assert_success(&output);
    let said = stdout(&output);
    for line in [
        "  第 1 段：发文机关：日照市人民政府",
        "  第 3 段：发文字号：示例发〔2017〕1号",
        "  第 6 段：标题：日照市人民政府关于印发日照市“十三五”质量发展规划的通知",
        "  文种：通知（规划） → 页面类型 policy",
        "  第 9 段：主送机关：各区县人民政府，市直有关部门：",
        "  第 58 段：成文日期：2017-01-20（原文写作 2017年1月20日）",
        "  第 59 段：附注：（此件公开发布）",
        "  第 69 段：抄送机关：市委各部门，市人大常委会办公室，市政协办公室",
        "  第 60 段：附件，作为页面的一节：附件 日照市标准化“十三五”发展规划（节选）（404 字）",
        "  第 51 段：图片：image-1.png（替换文字：“”）",
        "将会写入：\n  content/policies/泰政发〔2017〕1号.md\n  content/policies/泰政发〔2017〕1号.docx\n",
    ] {
        assert!(said.contains(line), "{line} not in:\n{said}");
    }
    crate::support::assert_same_tree(&before, &site.tree(), "a dry run");
    // The import.
    let output = site.run(&["import", &source, "--to", "content/policies"]);
    assert_success(&output);
    let page = site.source("content/policies/泰政发〔2017〕1号.md");
    assert!(page.starts_with("+++\ntitle = \"日照市人民政府关于印发日照市“十三五”质量发展规划的通知\"\nkind = \"policy\"\nissuer = \"日照市人民政府\"\ndoc_number = \"示例发〔2017〕1号\"\nwritten = \"2017-01-20\"\nrecipients = \"各区县人民政府，市直有关部门\"\ncopy_to = \"市委各部门，市人大常委会办公室，市政协办公室\"\nallow_raw_html = true\n+++\n\n质量反映一个地区的综合实力"), "{page}");
    assert!(
        page.contains("![](/policies/泰政发〔2017〕1号/image-1.png)")
            || page.contains("](</policies/泰政发〔2017〕1号/image-1.png>)"),
        "{page}"
    );
    assert_eq!(
        std::fs::read(site.path("content/policies/泰政发〔2017〕1号.docx")).unwrap(),
        rizhao()
    );
    assert!(site
        .path("static/policies/泰政发〔2017〕1号/image-1.png")
        .is_file());
    // It builds: the Word file beside the page is its 下载原件, not a page of its own.
    site.built();
    let html = site.read("policies/泰政发〔2017〕1号/index.html");
    assert!(
        html.contains(
            "下载原件：<a href=\"/policies/泰政发〔2017〕1号/泰政发〔2017〕1号.docx\" download>"
        ),
        "{}",
        article(&html)
    );
    assert!(html.contains("<td rowspan=\"4\">标准制修订</td>"));
    assert!(html.contains("<img src=\"/policies/泰政发〔2017〕1号/image-1.png\""));
    assert!(site
        .public()
        .join("policies/泰政发〔2017〕1号/image-1.png")
        .is_file());
    // An edited page is not overwritten…
    site.edit("content/policies/泰政发〔2017〕1号.md", |t| {
        t.replace("质量反映", "（已编辑）质量反映")
    });
    let before = site.tree();
    let output = site.run(&[
        "import",
        &source,
        "--to",
        "content/policies",
        "--lang",
        "zh-Hans",
    ]);
    assert_exit(
        &output,
        2,
        &[
            "content/policies/泰政发〔2017〕1号.md: 错误：这个文件已经存在：import 不会覆盖页面，它可能已经修改过",
            "提示：如果要从 Word 文件重新生成，请加上 --force 再运行一次",
        ],
    );
    crate::support::assert_same_tree(&before, &site.tree(), "an import refused");
    // …unless asked.
    assert_success(&site.run(&["import", &source, "--to", "content/policies", "--force"]));
    assert!(!site
        .source("content/policies/泰政发〔2017〕1号.md")
        .contains("（已编辑）"));
}

#[test]
fn import_of_a_folder_with_json_events() {
    let site = TestSite::basic();
    let folder = site.outside().join("收文");
    std::fs::create_dir_all(&folder).unwrap();
    std::fs::write(folder.join("a.docx"), rizhao()).unwrap();
    std::fs::write(folder.join("b.docx"), xml_fixture("joint")).unwrap();
    std::fs::write(folder.join("broken.docx"), b"<html></html>").unwrap();
    std::fs::write(folder.join("notes.txt"), b"x").unwrap();
    let output = site.run(&[
        "import",
        folder.to_str().unwrap(),
        "--to",
        "content/policies",
        "--message-format",
        "json",
    ]);
    assert_eq!(output.status.code(), Some(1), "{}", stdout(&output));
    let events: Vec<serde_json::Value> = stdout(&output)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    let imported: Vec<&str> = events
        .iter()
        .filter(|e| e["event"] == "imported")
        .map(|e| e["page"].as_str().unwrap())
        .collect();
    assert_eq!(imported, ["content/policies/a.md", "content/policies/b.md"]);
    assert!(events.iter().any(|e| e["event"] == "diagnostic"
        && e["severity"] == "error"
        && e["file"].as_str().unwrap().ends_with("broken.docx")
        && e["id"] == "word-not-word"));
    assert!(events.iter().any(|e| e["event"] == "diagnostic"
        && e["severity"] == "warning"
        && e["id"] == "word-at-paragraph-quoted"
        || e["id"] == "word-at-paragraph"));
    // The dry run's elements as events.
    let output = site.run(&[
        "import",
        folder.join("b.docx").to_str().unwrap(),
        "--to",
        "content/policies",
        "--dry-run",
        "--force",
        "--message-format",
        "json",
    ]);
    assert_success(&output);
    let recognised: Vec<serde_json::Value> = stdout(&output)
        .lines()
        .map(|l| serde_json::from_str::<serde_json::Value>(l).unwrap())
        .filter(|e| e["event"] == "recognised")
        .collect();
    let issuers: Vec<&str> = recognised
        .iter()
        .filter(|e| e["element"] == "issuer")
        .map(|e| e["value"].as_str().unwrap())
        .collect();
    assert_eq!(
        issuers,
        ["泰安市人民政府", "泰安市实施标准化战略工作领导小组办公室"]
    );
    assert!(recognised
        .iter()
        .any(|e| e["element"] == "copy_number" && e["value"] == "000001" && e["paragraph"] == 1));
}

#[test]
fn check_warns_of_word_pictures_without_alt_and_notes_word_debris_in_markdown() {
    let site = TestSite::basic();
    site.file(RIZHAO, rizhao());
    site.page(
        "policies/pasted.md",
        "+++\ntitle = \"粘贴的页面\"\n+++\n\n第一段。\n\n粘贴\u{a0}来的\u{200b}文字\u{a0}。\n",
    );
    let output = site.run(&["check", "--lang", "zh-Hans"]);
    assert_success(&output);
    let said = stdout(&output);
    for part in [
        "源文件提醒（网站已经生成；请逐条查看）：\n  content/policies/示例发〔2017〕1号.docx: 提醒：第 51 段：图片 image-1.png 没有替换文字，看不见图片的读者需要它",
        "content/policies/pasted.md:7:3: 说明：第 7 行第 3 列：2 个不间断空格改成了普通空格",
        "content/policies/pasted.md:7:6: 说明：第 7 行第 6 列：删除了 1 个看不见的零宽字符",
    ] {
        assert!(said.contains(part), "{part} not in:\n{said}");
    }
    site.built();
    let html = site.read("policies/pasted/index.html");
    assert!(html.contains("粘贴 来的文字 。"), "{}", article(&html));
}

#[test]
fn a_word_file_beside_a_page_of_its_name_is_its_original_not_a_page() {
    let site = TestSite::basic();
    site.file("content/policies/plan.docx", rizhao());
    site.built();
    let html = site.read("policies/plan/index.html");
    assert!(
        html.contains(
            "下载原件：<a href=\"/policies/plan/plan.docx\" download>plan.docx</a>（Word，10 KB）"
        ),
        "{}",
        article(&html)
    );
    assert!(!html.contains("日照市人民政府关于印发"));
}

#[test]
fn a_legacy_word_file_without_libreoffice_says_how_to_save_it() {
    let site = TestSite::basic();
    site.built();
    // A Word 97 file by its first bytes (an OLE file with a WordDocument stream).
    let mut file = cfb::CompoundFile::create(std::io::Cursor::new(Vec::new())).unwrap();
    {
        use std::io::Write;
        let mut stream = file.create_stream("/WordDocument").unwrap();
        stream.write_all(&[0xEC, 0xA5, 0xC1, 0x00]).unwrap();
    }
    file.flush().unwrap();
    site.file("content/policies/old.doc", file.into_inner().into_inner());
    let before = site.tree();
    let output = site
        .command(&["build", "--lang", "zh-Hans"])
        .env(stdportal::docx::legacy::PROGRAM_VAR, "/nonexistent/soffice")
        .output()
        .unwrap();
    let message = assert_exit(&output, 1, &["content/policies/old.doc"]);
    assert!(message.contains(".docx"), "{message}");
    crate::support::assert_same_tree(&before, &site.tree(), "a failed build");
}

#[test]
fn a_classified_document_is_a_warning_and_its_marking_is_never_published() {
    let dir = tempfile::tempdir().unwrap();
    crate::support::copy_dir(&fixtures().join("xml/joint"), dir.path());
    let path = dir.path().join("word/document.xml");
    let xml = std::fs::read_to_string(&path).unwrap();
    assert!(xml.contains(">特急<"));
    std::fs::write(&path, xml.replace(">特急<", ">秘密★1年<")).unwrap();
    let site = TestSite::basic();
    site.file(
        "content/policies/joint.docx",
        crate::support::word::zip_dir(dir.path()),
    );
    let output = site.build(&["--lang", "zh-Hans"]);
    assert_success(&output);
    let said = crate::support::stderr(&output);
    assert!(
        said.contains("content/policies/joint.docx: 提醒："),
        "{said}"
    );
    assert!(said.contains("秘密"), "{said}");
    let html = site.read("policies/joint/index.html");
    assert!(!article(&html).contains("秘密"), "{}", article(&html));
}

/// On a site under a sub-path a Word page's pictures and 下载原件 are found under it from both
/// scripts; a Word file in a page's folder is one of that page's files, not a page; a PDF that
/// a page links to is published, and only a PDF no page publishes is refused.
#[test]
fn word_pages_under_a_sub_path_beside_page_folders_and_linked_pdfs() {
    let site = TestSite::basic();
    site.config(
        "base_url = \"https://example.gov.cn/\"",
        "base_url = \"https://www.example.gov.cn/bzh/\"",
    );
    site.file("content/policies/示例发〔2017〕1号.docx", rizhao());
    site.page(
        "policies/measures/index.md",
        "+++\ntitle = \"若干措施\"\ndate = 2018-03-01\n+++\n见[申报表](申报表.docx)和[报告](../report.pdf)。\n",
    );
    site.file("content/policies/measures/申报表.docx", rizhao());
    site.file("content/policies/report.pdf", b"%PDF-1.7\n");
    site.built();
    for prefix in ["", "zh-hant/"] {
        let html = site.read(&format!("{prefix}{RIZHAO_PAGE}"));
        for part in [
            "<img src=\"/bzh/policies/示例发〔2017〕1号/image-1.png\"",
            "<a href=\"/bzh/policies/示例发〔2017〕1号/示例发〔2017〕1号.docx\" download>",
        ] {
            assert!(html.contains(part), "{part} not in:\n{}", article(&html));
        }
        let measures = site.read(&format!("{prefix}policies/measures/index.html"));
        for part in [
            "<a href=\"/bzh/policies/measures/申报表.docx\">",
            "<a href=\"/bzh/policies/report.pdf\">",
        ] {
            assert!(
                measures.contains(part),
                "{part} not in:\n{}",
                article(&measures)
            );
        }
    }
    crate::support::links::every_link_resolves(&site.public(), "/bzh/", "zh-hant/", &[]);
    assert!(site
        .public()
        .join("policies/measures/申报表.docx")
        .is_file());
    assert!(site.public().join("policies/report.pdf").is_file());
    // The Word file in the page's folder made no page of its own.
    assert!(!site.public().join("policies/measures/申报表").exists());
    // Unlinked, the PDF is refused again, with the way to publish it.
    site.page(
        "policies/measures/index.md",
        "+++\ntitle = \"若干措施\"\ndate = 2018-03-01\n+++\n见[申报表](申报表.docx)。\n",
    );
    site.rejected_in(
        "zh-Hans",
        &["content/policies/report.pdf: 错误：这个 PDF 文件没有发布"],
    );
}
