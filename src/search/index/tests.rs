//! Tests of the index: numbering, edits patching what a fresh build writes, rounds.

use super::super::{Facets, Kind, SearchDoc};
use super::*;
use crate::date::PartialDate;

fn doc(path: &str, kind: Kind, date: &str, text: &str) -> SearchDoc {
    titled_doc(path, path, kind, date, text)
}

fn titled_doc(path: &str, title: &str, kind: Kind, date: &str, text: &str) -> SearchDoc {
    let html = format!("<main data-search-body><h1>{title}</h1><p>{text}</p></main>");
    SearchDoc::new(
        path,
        [title, title],
        Facets {
            kind,
            city: None,
            date: PartialDate::parse(date).ok(),
            topics: vec![],
            validity: None,
            number: None,
            issuer: None,
            attachments: Vec::new(),
        },
        [&html, &html],
    )
    .unwrap()
}

fn site() -> SiteInfo {
    SiteInfo::default()
}

#[test]
fn documents_are_numbered_by_class_then_newest_first() {
    let index = SearchIndex::with_docs(
        site(),
        vec![
            doc("a/", Kind::Indicator, "", "标准"),
            doc("b/", Kind::News, "2020", "标准"),
            doc("c/", Kind::Policy, "2019", "标准"),
            doc("d/", Kind::Interpretation, "2021-05", "标准"),
            doc("e/", Kind::Policy, "", "标准"),
        ],
    );
    assert_eq!(index.order(), ["d/", "c/", "e/", "b/", "a/"]);
}

#[test]
fn an_edit_patches_the_files_a_fresh_build_would_write() {
    let docs: Vec<SearchDoc> = (0..100)
        .map(|i| {
            doc(
                &format!("p{i:03}/"),
                Kind::Policy,
                "2020",
                &format!("标准化工作第{i}条规定"),
            )
        })
        .collect();
    let mut index = SearchIndex::with_docs(site(), docs.clone());
    let before: BTreeMap<String, Vec<u8>> = index
        .files_for_edits()
        .into_iter()
        .map(|f| (f.path, f.bytes))
        .collect();
    let edited = doc(
        "p042/",
        Kind::Policy,
        "2020",
        "标准化工作第42条规定,量子计算机",
    );
    let update = index.update(site(), vec![("p042/".into(), Some(edited.clone()))], vec![]);
    assert!(!update.reassembled);
    assert!(update.shards < 6, "{}", update.shards);
    let mut patched = before.clone();
    for path in &update.removed {
        patched.remove(path);
    }
    for f in update.files {
        patched.insert(f.path, f.bytes);
    }
    let mut fresh_docs = docs;
    fresh_docs[42] = edited;
    let fresh: BTreeMap<String, Vec<u8>> = SearchIndex::with_docs(site(), fresh_docs)
        .files()
        .into_iter()
        .map(|f| (f.path, f.bytes))
        .collect();
    assert_eq!(
        patched.keys().collect::<Vec<_>>(),
        fresh.keys().collect::<Vec<_>>()
    );
    assert!(patched == fresh);
}

fn titled(path: &str, title: &str) -> SearchDoc {
    titled_doc(path, title, Kind::News, "", "标准化工作规定")
}

/// Suggestion buckets are remade only when their rows change: edit after edit of a title,
/// what serve has written is what a fresh build writes.
#[test]
fn title_edits_give_a_fresh_builds_suggestions() {
    let mut docs: Vec<SearchDoc> = (0..200)
        .map(|i| titled(&format!("p{i:03}/"), &format!("质量强市第{i}号文件")))
        .collect();
    let mut index = SearchIndex::with_docs(site(), docs.clone());
    let mut written: BTreeMap<String, Vec<u8>> = index
        .files_for_edits()
        .into_iter()
        .map(|f| (f.path, f.bytes))
        .collect();
    for title in ["计量检定规程", "质量强市第7号文件", "标准化试点"] {
        docs[7] = titled("p007/", title);
        let update = index.update(
            site(),
            vec![("p007/".into(), Some(docs[7].clone()))],
            vec![],
        );
        for path in &update.removed {
            written.remove(path);
        }
        written.extend(update.files.into_iter().map(|f| (f.path, f.bytes)));
        let fresh: BTreeMap<String, Vec<u8>> = SearchIndex::with_docs(site(), docs.clone())
            .files()
            .into_iter()
            .map(|f| (f.path, f.bytes))
            .collect();
        let suggestions = |files: &BTreeMap<String, Vec<u8>>| -> Vec<String> {
            files
                .keys()
                .filter(|p| p.contains("/u/"))
                .cloned()
                .collect()
        };
        assert_eq!(suggestions(&written), suggestions(&fresh), "after {title}");
        assert!(written == fresh, "after {title}");
    }
}

#[test]
fn rounds_of_shards_give_the_same_files() {
    let docs: Vec<SearchDoc> = (0..300)
        .map(|i| {
            doc(
                &format!("p{i:03}/"),
                Kind::News,
                "2021",
                &format!("第{i}号,标准化与质量{}", i * 7),
            )
        })
        .collect();
    let one = SearchIndex::with_docs(site(), docs.clone()).assemble_in_rounds(false, usize::MAX);
    let many = SearchIndex::with_docs(site(), docs).assemble_in_rounds(true, 100);
    assert!(one.len() > 300);
    assert_eq!(one, many);
}
