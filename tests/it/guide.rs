//! docs/GUIDE.md cannot go stale: its examples marked `文件=PATH` together are a site that
//! builds, and each example marked `出错=PATH`, put in that site, gives exactly the messages
//! of the `提示` block after it (in Simplified Chinese, as the guide shows them). A block marked
//! `工作簿=PATH 工作表=NAME` is a sheet of the workbook PATH (cells separated by `|`, numbers
//! stored as numbers), written as a real `.xlsx`; one marked `出错工作簿=PATH 工作表=NAME` is that
//! workbook with this sheet alone, checked like an `出错` example. A block marked
//! `文件夹=DIR` lists the files of a folder (a page's images and attachments), made as stand-ins
//! where no other block writes them. The guide's site also builds under a sub-path, in both
//! scripts, with every link of every page leading to a file.

use std::collections::BTreeMap;

use crate::support::workbooks::{xlsx, SheetData, Value};
use crate::support::*;

/// A fenced block of the guide: its info string and its text.
struct Block {
    info: String,
    text: String,
}

fn blocks(markdown: &str) -> Vec<Block> {
    let mut blocks = Vec::new();
    let mut lines = markdown.lines();
    while let Some(line) = lines.next() {
        let trimmed = line.trim_start();
        let indent = line.len() - trimmed.len();
        if let Some(info) = trimmed.strip_prefix("```") {
            let mut text = String::new();
            for inner in lines.by_ref() {
                if inner.trim_start().starts_with("```") {
                    break;
                }
                text.push_str(inner.get(indent..).unwrap_or(inner.trim_start()));
                text.push('\n');
            }
            blocks.push(Block {
                info: info.trim().to_string(),
                text,
            });
        }
    }
    blocks
}

/// The value of `key=` in an info string (`markdown 文件=content/a.md`).
fn marker<'a>(info: &'a str, key: &str) -> Option<&'a str> {
    info.split_whitespace()
        .find_map(|word| word.strip_prefix(key)?.strip_prefix('='))
}

fn guide() -> Vec<Block> {
    blocks(&std::fs::read_to_string(repo().join("docs/GUIDE.md")).unwrap())
}

/// The guide's site: the basic fixture's theme with only the guide's files.
fn guide_site() -> TestSite {
    let site = TestSite::basic();
    for part in ["content", "data"] {
        std::fs::remove_dir_all(site.path(part)).unwrap();
    }
    let mut files = 0;
    let blocks = guide();
    for block in &blocks {
        if let Some(path) = marker(&block.info, "文件") {
            site.file(path, &block.text);
            files += 1;
        }
    }
    for (path, bytes) in workbooks(&blocks) {
        site.file(&path, bytes);
        files += 1;
    }
    // `文件夹=DIR`: the files a folder holds, one name a line; those no block writes (images,
    // PDFs) are made as small stand-ins.
    for block in &blocks {
        if let Some(dir) = marker(&block.info, "文件夹") {
            for name in block.text.lines().map(str::trim).filter(|n| !n.is_empty()) {
                let path = format!("{dir}/{name}");
                if !site.path(&path).exists() {
                    site.file(&path, format!("示例文件 {name}\n").repeat(40));
                    files += 1;
                }
            }
        }
    }
    assert!(
        files >= 8,
        "the guide's examples make a site ({files} files)"
    );
    site
}

/// A sheet of the guide: its name and its rows of cells, the header first.
type Sheet<'a> = (&'a str, Vec<Vec<&'a str>>);

/// A block's sheet: its `工作表=NAME` and its lines, cells separated by `|`.
fn sheet(block: &Block) -> Sheet<'_> {
    let name = marker(&block.info, "工作表").expect("a workbook block names its 工作表");
    let rows = block
        .text
        .lines()
        .map(|line| line.split('|').map(str::trim).collect())
        .collect();
    (name, rows)
}

/// An `.xlsx` with these sheets, cells that read as numbers stored as numbers.
fn workbook(sheets: &[Sheet]) -> Vec<u8> {
    let data: Vec<SheetData> = sheets
        .iter()
        .map(|(name, rows)| SheetData {
            name,
            headers: &rows[0],
            rows: rows[1..]
                .iter()
                .map(|row| {
                    row.iter()
                        .map(|cell| match cell.parse() {
                            Ok(n) => Value::Number(n),
                            Err(_) => Value::Text(cell),
                        })
                        .collect()
                })
                .collect(),
        })
        .collect();
    xlsx(&data)
}

/// The guide's workbooks: each `工作簿=PATH 工作表=NAME` block a sheet of PATH.
fn workbooks(blocks: &[Block]) -> BTreeMap<String, Vec<u8>> {
    let mut sheets: BTreeMap<&str, Vec<Sheet>> = BTreeMap::new();
    for block in blocks {
        if let Some(path) = marker(&block.info, "工作簿") {
            sheets.entry(path).or_default().push(sheet(block));
        }
    }
    sheets
        .into_iter()
        .map(|(path, sheets)| (path.to_string(), workbook(&sheets)))
        .collect()
}

#[test]
fn the_guide_examples_build_a_site() {
    let site = guide_site();
    site.built();
    let page = site.read("policies/shifan-plan/index.html");
    assert!(page.contains("示范市标准化发展规划"));
    let news = site.read("news/shifan-progress/index.html");
    assert!(
        news.contains("cities/shifan/indicators/pass-rate/"),
        "the figure links its page"
    );
    let indicator = site.read("cities/shifan/indicators/pass-rate/index.html");
    assert!(
        indicator.contains("<svg"),
        "the indicator's page has its chart"
    );
    assert!(site
        .read("zh-hant/policies/shifan-plan/index.html")
        .contains("規劃"));
    let city = site.read("cities/shifan/index.html");
    assert!(
        city.contains("主导或参与制定地方标准"),
        "the workbook's achievements are on the city's page"
    );
}

#[test]
fn the_guide_error_messages_are_what_the_build_prints() {
    let site = guide_site();
    site.built();
    let blocks = guide();
    let mut checked = 0;
    for (i, block) in blocks.iter().enumerate() {
        // `出错=PATH`: the block is the file; `出错工作簿=PATH 工作表=NAME`: the workbook PATH
        // with this one sheet.
        let (path, bad) = if let Some(path) = marker(&block.info, "出错") {
            (path, block.text.clone().into_bytes())
        } else if let Some(path) = marker(&block.info, "出错工作簿") {
            (path, workbook(&[sheet(block)]))
        } else {
            continue;
        };
        let expected = blocks
            .get(i + 1)
            .filter(|b| b.info == "text 提示")
            .unwrap_or_else(|| panic!("the example for {path} is followed by its 提示 block"));
        let good = std::fs::read(site.path(path)).unwrap();
        site.file(path, bad);
        let lines: Vec<&str> = expected.text.lines().collect();
        site.rejected_in("zh-Hans", &lines);
        site.file(path, good);
        checked += 1;
    }
    assert!(
        checked >= 5,
        "the guide shows its error messages ({checked})"
    );
}

/// The guide's links, images and attachments on a site under a sub-path: every link of every
/// page, in both scripts, leads to a file; the page's text links to pages of its own script;
/// its files are published once; the attachments are listed with name, type and size.
#[test]
fn the_guide_links_images_and_attachments_work_under_a_sub_path_in_both_scripts() {
    let site = guide_site();
    site.config(
        "base_url = \"https://www.example.gov.cn/\"",
        "base_url = \"https://www.example.gov.cn/bzh/\"",
    );
    site.built();
    let followed = links::every_link_resolves(&site.public(), "/bzh/", "zh-hant/", &[]);
    assert!(followed > 500, "{followed} links followed");
    for (prefix, script) in [("", "简体"), ("zh-hant/", "繁體")] {
        let page = site.read(&format!("{prefix}policies/shifan-measures/index.html"));
        // Pages in the page's script, under the base path.
        for href in [
            format!("href=\"/bzh/{prefix}policies/shifan-plan/\""),
            format!("href=\"/bzh/{prefix}policies/shifan-plan/#一-发展目标\""),
            format!("href=\"/bzh/{prefix}interpretations/shifan-plan-interpretation/\""),
            format!("href=\"/bzh/{prefix}dashboard/\""),
        ] {
            assert!(page.contains(&href), "{script}: {href} in {page}");
        }
        // Files once, for both scripts.
        for address in [
            "src=\"/bzh/policies/shifan-measures/图1-工作流程.png\"",
            "href=\"/bzh/policies/shifan-measures/附件1-重点任务分工表.pdf\"",
            "href=\"/bzh/files/shifan-report-2023.pdf\"",
        ] {
            assert!(page.contains(address), "{script}: {address}");
        }
        assert!(page.contains("<dt>附件</dt>"), "{script}: {page}");
        assert!(
            page.replace("申報表", "申报表")
                .contains("附件2-申报表.docx</a> <span class=\"file-meta\">DOCX，1.4 KB</span>"),
            "{script}: name, type and size: {page}"
        );
    }
    assert!(site
        .public()
        .join("policies/shifan-measures/附件2-申报表.docx")
        .is_file());
    assert!(
        !site
            .public()
            .join("zh-hant/policies/shifan-measures")
            .join("图1-工作流程.png")
            .exists(),
        "a page's files are published once"
    );
    // The catalogue's lists link to the attachments too.
    let office = site.read("offices/示范市人民政府/index.html");
    assert!(
        office.contains("href=\"/bzh/policies/shifan-measures/附件1-重点任务分工表.pdf\""),
        "{office}"
    );
    assert_success(&site.run(&["check"]));
}
