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
            insta::assert_snapshot!(file.trim_end_matches(".docx").to_string(), document.outline());
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
    assert!(md.contains("\n\n**1\\.強化統籌,最佳化管理**。全面落實"), "{md}");
    assert!(md.contains("\n\n**4\\.突出重點,全面推進**。"), "{md}");
    // numFmt none: the paragraph has no number.
    assert!(md.contains("\n\n以培育發展信息經濟"), "{md}");
}

#[test]
fn a_traditional_document_is_recognised_and_its_number_normalised() {
    let d = read_xml("numbering");
    let m = &d.meta;
    assert_eq!(m.title.as_ref().unwrap().value, "溫州市人民政府關於全面實施標準化戰略的意見");
    assert_eq!(m.genre.as_ref().unwrap().word, "意見");
    assert_eq!(m.genre.as_ref().unwrap().kind.slug(), "policy");
    let number = &m.doc_number.as_ref().unwrap().value;
    assert_eq!(number.original, "示例發[2017]1號");
    assert_eq!(number.normalised, "示例發〔2017〕1號");
    assert_eq!(m.issuers[0].value, "溫州市人民政府");
    assert_eq!(m.addressees.as_ref().unwrap().value, "各縣(市、區)人民政府,市政府直屬各單位:");
    assert_eq!(m.attachment_list[0].value, "溫州市“標準化+”重點任務清單");
    assert_eq!(m.signatures[0].value, "溫州市人民政府");
    // The 主送 line opens the text, where the theme sets it flush left.
    assert!(d.markdown.starts_with("各縣(市、區)人民政府,市政府直屬各單位:\n\n"));
    // The 版头 is not in the text.
    assert!(!d.markdown.contains("文件") && !d.markdown.contains("示例發"));
}
