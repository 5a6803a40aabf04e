//! The 信息公开目录 as a table of documents: 标题, 文号, 发文机关, 成文日期, 发布日期, 有效性 in
//! accessible table markup, the newest documents on the catalogue page and every document in the
//! paginated lists by year, office, kind, validity and city, in both scripts; browsing by 有效性
//! leads to a real list wherever the page promises it.

use crate::support::*;

/// The rows of the first document table of a page: each row's cells as text (tags taken out).
fn rows(html: &str) -> Vec<Vec<String>> {
    let start = html
        .find("<table class=\"data-table doc-table\">")
        .expect("a document table");
    let table = &html[start..start + html[start..].find("</table>").unwrap()];
    let body = &table[table.find("<tbody>").unwrap()..];
    body.split("<tr>")
        .skip(1)
        .map(|row| {
            row.split("</t")
                .filter_map(|cell| cell.rfind("<t").map(|at| &cell[at..]))
                .filter(|cell| cell.starts_with("<th") || cell.starts_with("<td"))
                .map(|cell| {
                    let mut text = String::new();
                    let mut inside = false;
                    for c in cell.chars() {
                        match c {
                            '<' => inside = true,
                            '>' => inside = false,
                            c if !inside => text.push(c),
                            _ => {}
                        }
                    }
                    text.trim().to_string()
                })
                .collect()
        })
        .collect()
}

fn caption(html: &str) -> String {
    let start = html.find("<caption>").expect("a caption") + "<caption>".len();
    html[start..start + html[start..].find("</caption>").unwrap()].to_string()
}

/// The basic site with `n` more documents of 2024, each with its 文号 and dates, every fifth
/// repealed.
fn site_with_documents(n: usize) -> TestSite {
    let site = TestSite::basic();
    for i in 1..=n {
        let validity = if i % 5 == 0 { "已废止" } else { "有效" };
        site.page(
            &format!("policies/doc-{i:03}.md"),
            &format!(
                "+++\ntitle = \"关于第{i}项工作的通知\"\nkind = \"policy\"\nissuer = \"测试市人民政府办公室\"\ndoc_number = \"测政办发〔2024〕{i}号\"\nwritten = 2024-01-{day:02}\npublished = 2024-02-{day:02}\nvalidity = \"{validity}\"\n+++\n\n正文。\n",
                day = 1 + i % 28
            ),
        );
    }
    site
}

#[test]
fn the_catalogue_shows_its_newest_documents_as_a_table_with_headers_and_caption() {
    let site = site_with_documents(25);
    site.built();
    let html = site.read("catalogue/index.html");
    for header in ["标题", "文号", "发文机关", "成文日期", "发布日期", "有效性"]
    {
        assert!(
            html.contains(&format!("<th scope=\"col\">{header}</th>")),
            "{header}"
        );
    }
    // 25 documents and the basic site's 2: the newest 20, said in the caption.
    assert_eq!(caption(&html), "最新20篇文件（共27篇）");
    let rows = rows(&html);
    assert_eq!(rows.len(), 20);
    // The newest is the 25th, published 2024-02-26 (and repealed).
    assert_eq!(
        rows[0],
        [
            "关于第25项工作的通知 政策原文",
            "测政办发〔2024〕25号",
            "测试市人民政府办公室",
            "2024年1月26日",
            "2024年2月26日",
            "已废止"
        ]
    );
    assert_eq!(rows[1][5], "有效");
    assert!(html.contains("<th scope=\"row\"><a href=\"/policies/doc-025/\">"));
    // The rest is a year's list away, and the way there is named.
    assert!(
        html.contains(
            "全部文件请<a href=\"#years\">按年份</a>或<a href=\"#validity\">按有效性</a>浏览"
        ),
        "{html}"
    );
    // Below 600 px each row is a card whose cells say their labels.
    assert!(html.contains("<td class=\"doc-issuer\" data-label=\"发文机关\">"));
    let hant = site.read("zh-hant/catalogue/index.html");
    assert_eq!(caption(&hant), "最新20篇文件（共27篇）");
    assert!(hant.contains("<th scope=\"col\">發文機關</th>"));
    assert!(
        hant.contains("data-label=\"發文機關\""),
        "a card's labels are Traditional too"
    );
    assert!(hant.contains("測政辦發〔2024〕25號"));
}

#[test]
fn every_document_is_in_a_paginated_table_by_year_and_by_validity() {
    let site = site_with_documents(25);
    site.config("[footer]", "paginate_by = 10\n\n[footer]");
    site.built();
    let first = site.read("archive/2024/index.html");
    assert_eq!(caption(&first), "2024年文件（第1/3页）");
    assert_eq!(rows(&first).len(), 10);
    let last = site.read("archive/2024/page/3/index.html");
    assert_eq!(rows(&last).len(), 5);
    // Browsing by 有效性: the catalogue's link leads to the repealed documents, five of them.
    let catalogue = site.read("catalogue/index.html");
    assert!(
        catalogue.contains("href=\"/validity/repealed/\""),
        "{catalogue}"
    );
    let repealed = site.read("validity/repealed/index.html");
    let rows = rows(&repealed);
    assert_eq!(rows.len(), 5);
    assert!(rows.iter().all(|r| r[5] == "已废止"), "{rows:?}");
    assert!(rows.iter().any(|r| r[1] == "测政办发〔2024〕25号"));
    let hant = site.read("zh-hant/validity/repealed/index.html");
    assert!(hant.contains(">已廢止<"), "{hant}");
}

#[test]
fn the_catalogue_page_stays_the_same_size_however_many_documents() {
    let small = site_with_documents(25);
    small.built();
    let large = site_with_documents(400);
    large.built();
    let a = small.read("catalogue/index.html");
    let b = large.read("catalogue/index.html");
    assert_eq!(rows(&b).len(), 20);
    assert_eq!(caption(&b), "最新20篇文件（共402篇）");
    // 400 documents more add a year's count, not rows: within a tenth of the small one's size.
    assert!(
        b.len() < a.len() + a.len() / 10,
        "{} bytes against {}",
        b.len(),
        a.len()
    );
}
