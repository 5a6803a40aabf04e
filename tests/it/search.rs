//! Search on the example portal: relevance (queries written from the seed documents, with the
//! results they must give), the same documents in both scripts and for queries in either
//! script, filters, and what pages and templates leave out. The queries run through
//! `stdportal::search::query`, the Rust copy of the client; `the_client_gives_the_same_results`
//! runs them through the client itself (`search.js`, in Node.js).

use std::process::{Command, Stdio};

use stdportal::search::query::{Filters, Hit, Searcher, Step};

use crate::support::*;

use super::relevance::*;

/// The example portal built with its search index.
fn portal() -> TestSite {
    let site = TestSite::example_portal().with_search();
    for (path, text) in FIXTURES {
        site.page(path, text);
    }
    site.built();
    site
}

fn index_dir(site: &TestSite) -> std::path::PathBuf {
    site.public().join(stdportal::search::INDEX_DIR)
}

fn results(site: &TestSite, query: &str, hant: bool, filters: &Filters) -> Vec<String> {
    results_and_step(site, query, hant, filters).0
}

/// The results of `query` (every candidate verified) and the step that found them.
fn results_and_step(
    site: &TestSite,
    query: &str,
    hant: bool,
    filters: &Filters,
) -> (Vec<String>, &'static str) {
    let dir = index_dir(site);
    let read = |name: &str| std::fs::read(dir.join(name)).ok();
    let searcher = Searcher::open(&read).unwrap();
    let outcome = searcher.all(query, hant, filters).unwrap();
    let step = outcome.step.code();
    (outcome.hits.into_iter().map(|h| h.path).collect(), step)
}

#[test]
fn queries_from_the_seed_documents_find_what_they_must_in_both_scripts() {
    assert!(CASES.len() >= 59, "{} queries", CASES.len());
    let site = portal();
    let results = |q: &str, hant: bool, f: &Filters| results(&site, q, hant, f);
    let mut failures = Vec::new();
    for case in CASES {
        let (hans, step) = results_and_step(&site, case.query, false, &Filters::default());
        let mut check = |ok: bool, what: String| {
            if !ok {
                failures.push(format!("{}: {what}\n  got {hans:?}", case.query));
            }
        };
        check(
            step == case.step,
            format!("found by step {}, not {step}", case.step),
        );
        check(
            hans.len() >= case.first.len() && hans[..case.first.len()] == *case.first,
            format!("first {:?}", case.first),
        );
        let mut top: Vec<&str> = hans
            .iter()
            .take(case.top.len())
            .map(String::as_str)
            .collect();
        top.sort_unstable();
        let mut want: Vec<&str> = case.top.to_vec();
        want.sort_unstable();
        check(top == want, format!("top {:?}", case.top));
        for has in case.has {
            check(hans.iter().any(|h| h == has), format!("has {has}"));
        }
        if let Some(count) = case.count {
            check(hans.len() == count, format!("{count} results"));
        }
        let hant = results(case.query, true, &Filters::default());
        check(hant == hans, format!("the Traditional site gives {hant:?}"));
        for other in case.same_as {
            for script in [false, true] {
                let got = results(other, script, &Filters::default());
                check(
                    got == hans,
                    format!("{other} (Traditional site: {script}) gives {got:?}"),
                );
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// A single character alone finds the pages naming it (title, headings, 文号), titles first;
/// with another word it is checked as part of that word's text.
#[test]
fn a_single_character_finds_the_pages_naming_it() {
    let site = portal();
    let dir = index_dir(&site);
    let read = |name: &str| std::fs::read(dir.join(name)).ok();
    let searcher = Searcher::open(&read).unwrap();
    let outcome = searcher.all("质", false, &Filters::default()).unwrap();
    assert!(!outcome.short && outcome.exact, "{outcome:?}");
    assert!(outcome.hits.len() >= 3, "{:?}", outcome.hits);
    assert_eq!(outcome.hits[0].path, RQ);
    assert!(outcome.hits.iter().all(|h| !h.title.is_empty()));
    // With a word that has keys, it is checked as part of the phrase.
    assert_eq!(
        results(&site, "2020年 日照", false, &Filters::default())
            .first()
            .map(String::as_str),
        Some(RQ)
    );
}

/// The benchmark's figures over the table, checked here so that a change that makes them
/// worse is seen.
#[test]
fn precision_over_the_relevance_table() {
    let site = portal();
    let (p5, top3, n) = precision(&|q| results(&site, q, false, &Filters::default()));
    println!("precision@5 {p5:.3}, top-3 rate {top3:.3} over {n} queries");
    assert!(n >= 50, "{n}");
    assert!(
        p5 >= 0.9 && top3 >= 0.9,
        "precision@5 {p5:.3}, top-3 {top3:.3}"
    );
}

#[test]
fn filters_keep_the_matching_documents() {
    let site = portal();
    let all = results(&site, "标准化", false, &Filters::default());
    let by = |f: Filters| results(&site, "标准化", false, &f);
    let taian = by(Filters {
        city: "taian".into(),
        ..Default::default()
    });
    assert!(taian.contains(&TI.to_string()) && taian.contains(&TO.to_string()));
    assert!(taian.iter().all(|p| p.contains("taian")), "{taian:?}");
    let policies = by(Filters {
        kind: "policy".into(),
        ..Default::default()
    });
    // The five of the portal and the relevance table's fixture.
    assert_eq!(policies.len(), 6, "{policies:?}");
    assert!(policies.iter().all(|p| p.starts_with("policies/")));
    let mut year = by(Filters {
        year: "2021".into(),
        ..Default::default()
    });
    year.sort();
    assert_eq!(year, [JP, JM]);
    let topic = by(Filters {
        topic: "标准化战略".into(),
        ..Default::default()
    });
    assert_eq!(topic, [WZ]);
    let indicators = by(Filters {
        kind: "indicator".into(),
        city: "rizhao".into(),
        ..Default::default()
    });
    assert!(
        !indicators.is_empty()
            && indicators
                .iter()
                .all(|p| p.starts_with("cities/rizhao/indicators/"))
    );
    // Filters only narrow: the order is that of the whole list.
    let order: Vec<&String> = all.iter().filter(|p| taian.contains(p)).collect();
    assert_eq!(order, taian.iter().collect::<Vec<_>>());
}

#[test]
fn a_query_downloads_only_the_shards_of_its_keys() {
    let site = portal();
    let dir = index_dir(&site);
    let read = |name: &str| std::fs::read(dir.join(name)).ok();
    let searcher = Searcher::open(&read).unwrap();
    let outcome = searcher
        .first_page("国发〔2015〕13号", true, &Filters::default())
        .unwrap();
    let shards = outcome
        .fetched
        .iter()
        .filter(|f| f.starts_with("i/"))
        .count();
    assert!((1..=3).contains(&shards), "{:?}", outcome.fetched);
    // One fragment, in Traditional.
    let fragments: Vec<&String> = outcome
        .fetched
        .iter()
        .filter(|f| f.starts_with("s/") || f.starts_with("t/"))
        .collect();
    assert_eq!(fragments.len(), 1, "{fragments:?}");
    assert!(fragments[0].starts_with("t/"));
}

/// Runs queries through the client in Node.js: per query, what it shows of each result (see
/// [`shown`]).
fn client(site: &TestSite, queries: &[(&str, bool, Filters)]) -> Option<Vec<Vec<Shown>>> {
    let out = client_answers(&site.public(), queries).ok()?;
    Some(
        out.iter()
            .map(|r| {
                let hits = r["hits"]
                    .as_array()
                    .unwrap_or_else(|| panic!("the client failed: {r}"));
                let files = r["files"].as_array().expect("the client lists the files");
                assert_eq!(hits.len(), files.len(), "{r}");
                hits.iter()
                    .zip(files)
                    .map(|(h, f)| (h.as_str().unwrap().to_string(), f.clone()))
                    .collect()
            })
            .collect(),
    )
}

/// What a result shows that both clients must agree on: its path, and its attachments as the
/// fragment gives them (`[[name, address, type, size], …]`).
type Shown = (String, serde_json::Value);

fn shown(hit: &Hit) -> Shown {
    let files = hit
        .attachments
        .iter()
        .map(|a| serde_json::json!([a.name, a.href, a.kind, a.size]))
        .collect();
    (hit.path.clone(), serde_json::Value::Array(files))
}

/// Every result of `query` (every candidate verified), as the Rust copy of the client finds it.
fn hits(site: &TestSite, query: &str, hant: bool, filters: &Filters) -> Vec<Hit> {
    let dir = index_dir(site);
    let read = |name: &str| std::fs::read(dir.join(name)).ok();
    let searcher = Searcher::open(&read).unwrap();
    searcher.all(query, hant, filters).unwrap().hits
}

/// The client's answer to each query over the site in `public` (`{"hits": …}` or
/// `{"error": …}`), or why there is none: Node.js missing, or no answer within four minutes (the table runs about 250 queries on a busy machine).
fn client_answers(
    public: &std::path::Path,
    queries: &[(&str, bool, Filters)],
) -> Result<Vec<serde_json::Value>, String> {
    let script = repo().join("tests/browser/search-client.mjs");
    let input = serde_json::to_string(
        &queries
            .iter()
            .map(|(q, hant, f)| {
                serde_json::json!({"q": q, "hant": hant, "filters": {
                    "city": f.city, "kind": f.kind, "year": f.year, "topic": f.topic,
                    "validity": f.validity}})
            })
            .collect::<Vec<_>>(),
    )
    .unwrap();
    let mut child = Command::new("node")
        .arg(script)
        .arg(public)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .map_err(|e| format!("node: {e}"))?;
    use std::io::Write;
    child
        .stdin
        .take()
        .unwrap()
        .write_all(input.as_bytes())
        .unwrap();
    // Read while it runs: a large answer would fill the pipe and stop the client until read.
    let pid = child.id();
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        let _ = tx.send(child.wait_with_output());
    });
    let output = match rx.recv_timeout(std::time::Duration::from_secs(240)) {
        Ok(output) => output.unwrap(),
        Err(_) => {
            let _ = Command::new("kill").arg(pid.to_string()).status();
            return Err("the client gave no answer within 240 s".to_string());
        }
    };
    assert!(
        output.status.success(),
        "the client failed: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    Ok(serde_json::from_slice(&output.stdout).unwrap())
}

/// Whether Node.js runs here; without it the test named `test` is skipped, or fails when
/// `STDPORTAL_REQUIRE_BROWSER` says the tools were installed.
fn node_or_skip(test: &str) -> bool {
    let node = Command::new("node").arg("--version").output();
    if node.is_ok_and(|o| o.status.success()) {
        return true;
    }
    skip_or_fail(
        test,
        "STDPORTAL_REQUIRE_BROWSER",
        "Node.js is not installed",
    );
    false
}

#[test]
#[ignore = "needs Node.js (bash scripts/test-setup.sh); CI runs it"]
fn the_client_gives_the_same_results() {
    if !node_or_skip("search::the_client_gives_the_same_results") {
        return;
    }
    let mut queries: Vec<(&str, bool, Filters)> = Vec::new();
    for case in CASES {
        for q in std::iter::once(&case.query).chain(case.same_as) {
            for hant in [false, true] {
                queries.push((q, hant, Filters::default()));
            }
        }
    }
    queries.push((
        "标准化",
        true,
        Filters {
            city: "taian".into(),
            kind: "policy".into(),
            ..Default::default()
        },
    ));
    queries.push((
        "标准化",
        false,
        Filters {
            year: "2021".into(),
            ..Default::default()
        },
    ));
    queries.push(("年", false, Filters::default()));
    queries.push(("标准化 量子", true, Filters::default()));
    let site = portal();
    let from_client = client(&site, &queries).expect("the client answers");
    for ((q, hant, f), got) in queries.iter().zip(from_client) {
        let want: Vec<Shown> = hits(&site, q, *hant, f).iter().map(shown).collect();
        assert_eq!(got, want, "{q} (Traditional: {hant}, {f:?})");
    }
}

/// A file name as hostile as a published name can be: `" < > %` (and `? # | * :`) are refused in
/// a published file's name (`output::path`), so apostrophes, an ampersand, markup written as
/// entities (markup if read as HTML), template braces, a backtick, spaces, Chinese quotes.
const HOSTILE_NAME: &str = "报价单 '最终' &lt;script&gt;alert(1) & {{x}} ${y} `z` “引号”.pdf";

/// [`HOSTILE_NAME`] as the Traditional page shows it.
const HOSTILE_NAME_HANT: &str = "報價單 '最終' &lt;script&gt;alert(1) & {{x}} ${y} `z` “引號”.pdf";

/// `content/policies/<folder>/index.md`, found by [`WITH_FOUR`], with four attachments beside
/// it: the first named [`HOSTILE_NAME`] (100 bytes), then 表2.docx, 表3.xlsx and 表4.pdf.
fn page_with_four_attachments(site: &TestSite, folder: &str) {
    site.page(
        &format!("policies/{folder}/index.md"),
        &format!(
            "+++\ntitle = \"四个附件\"\ndate = 2018-03-02\nkind = \"policy\"\n\
             attachments = [\"{}\", \"表2.docx\", \"表3.xlsx\", \"表4.pdf\"]\n+++\n{}。\n",
            HOSTILE_NAME.replace('"', "\\\""),
            WITH_FOUR[0]
        ),
    );
    site.file(
        &format!("content/policies/{folder}/{HOSTILE_NAME}"),
        vec![b'%'; 100],
    );
    for name in ["表2.docx", "表3.xlsx", "表4.pdf"] {
        site.file(&format!("content/policies/{folder}/{name}"), vec![0u8; 10]);
    }
}

/// What each page of [`attachment_site`] is found by: unique words of its text, in Simplified
/// and Traditional.
const WITH_TWO: [&str; 2] = ["附件检索甲独有词", "附件檢索甲獨有詞"];
const WITH_FOUR: [&str; 2] = ["附件检索乙独有词", "附件檢索乙獨有詞"];
const WITHOUT: [&str; 2] = ["附件检索丙独有词", "附件檢索丙獨有詞"];

/// The basic site under `/bzh/` with its search index: a page written as a folder with two
/// attachments (one beside it, one from `static/`), one with four (the first named
/// [`HOSTILE_NAME`]) and a page without any.
fn attachment_site() -> TestSite {
    let site = TestSite::basic().with_search();
    site.config(
        "base_url = \"https://example.gov.cn/\"",
        "base_url = \"https://www.example.gov.cn/bzh/\"",
    );
    site.page(
        "policies/measures/index.md",
        &format!(
            "+++\ntitle = \"若干措施\"\ndate = 2018-03-01\nkind = \"policy\"\n\
             \"附件\" = [\"附件1 分工表.pdf\", \"/files/年度报告.pdf\"]\n+++\n{}。\n",
            WITH_TWO[0]
        ),
    );
    site.file(
        "content/policies/measures/附件1 分工表.pdf",
        vec![b'%'; 2048],
    );
    site.file("static/files/年度报告.pdf", vec![b'%'; 24 * 1024]);
    page_with_four_attachments(&site, "hostile");
    site.page(
        "policies/plain.md",
        &format!(
            "+++\ntitle = \"没有附件\"\ndate = 2018-04-01\n+++\n{}。\n",
            WITHOUT[0]
        ),
    );
    site.built();
    site
}

/// The only result of `query` in one script.
fn only_hit(site: &TestSite, query: &str, hant: bool) -> Hit {
    let mut found = hits(site, query, hant, &Filters::default());
    assert_eq!(found.len(), 1, "{query}: {found:?}");
    found.remove(0)
}

/// The fragments of the document at `path`, in both scripts, read as JSON.
fn fragments_of(site: &TestSite, path: &str) -> Vec<serde_json::Value> {
    use std::io::Read;
    let mut out = Vec::new();
    for script in ["s", "t"] {
        for entry in std::fs::read_dir(index_dir(site).join(script)).unwrap() {
            let bytes = std::fs::read(entry.unwrap().path()).unwrap();
            let mut text = Vec::new();
            flate2::read::GzDecoder::new(&bytes[..])
                .read_to_end(&mut text)
                .unwrap();
            let fragment: serde_json::Value = serde_json::from_slice(&text).unwrap();
            if fragment["u"] == path {
                out.push(fragment);
            }
        }
    }
    assert_eq!(out.len(), 2, "one fragment in each script for {path}");
    out
}

#[test]
fn a_result_links_its_attachments_under_a_sub_path_in_both_scripts() {
    let site = attachment_site();
    let public = site.public();
    for (hant, report) in [(false, "年度报告.pdf"), (true, "年度報告.pdf")] {
        let hit = only_hit(&site, WITH_TWO[usize::from(hant)], hant);
        assert_eq!(hit.path, "policies/measures/");
        let got: Vec<[&str; 4]> = hit
            .attachments
            .iter()
            .map(|a| [&*a.name, &*a.href, &*a.kind, &*a.size])
            .collect();
        // Named as the page of this script names them; the same files from both scripts.
        assert_eq!(
            got,
            [
                [
                    "附件1 分工表.pdf",
                    "policies/measures/附件1%20分工表.pdf",
                    "PDF",
                    "2.0 KB"
                ],
                [report, "files/年度报告.pdf", "PDF", "24 KB"],
            ],
            "Traditional: {hant}"
        );
        // The client puts the site's base path in front: the addresses the page links.
        let page = site.read(&format!(
            "{}policies/measures/index.html",
            if hant { "zh-hant/" } else { "" }
        ));
        for a in &hit.attachments {
            assert!(
                page.contains(&format!("<a href=\"/bzh/{}\">{}</a>", a.href, a.name)),
                "{} as the page links it",
                a.href
            );
            let file = public.join(crate::support::links::percent_decode(&a.href));
            assert!(file.is_file(), "{} is published", file.display());
        }
    }
    // Published once, beside the default script's page.
    assert!(!public
        .join("zh-hant/policies/measures")
        .join("附件1 分工表.pdf")
        .exists());
    // Every fragment of the page carries them; a page without attachments has no field at all.
    for fragment in fragments_of(&site, "policies/measures/") {
        assert_eq!(
            fragment["a"].as_array().map(Vec::len),
            Some(2),
            "{fragment}"
        );
    }
    for fragment in fragments_of(&site, "policies/plain/") {
        assert!(fragment.get("a").is_none(), "{fragment}");
    }
    for hant in [false, true] {
        let hit = only_hit(&site, WITHOUT[usize::from(hant)], hant);
        assert!(hit.attachments.is_empty());
    }
}

#[test]
fn hostile_attachment_names_stay_text_and_their_addresses_resolve() {
    let site = attachment_site();
    for hant in [false, true] {
        let hit = only_hit(&site, WITH_FOUR[usize::from(hant)], hant);
        // Every attachment is in the fragment (the client shows three and says how many).
        assert_eq!(hit.attachments.len(), 4);
        let hostile = &hit.attachments[0];
        let name = if hant {
            HOSTILE_NAME_HANT
        } else {
            HOSTILE_NAME
        };
        assert_eq!(hostile.name, name, "the name as written, as text");
        assert_eq!(
            hostile.href,
            "policies/hostile/报价单%20%27最终%27%20%26lt;script%26gt;alert(1)%20%26%20%7B%7Bx%7D%7D%20$%7By%7D%20%60z%60%20“引号”.pdf"
        );
        assert_eq!((&*hostile.kind, &*hostile.size), ("PDF", "100 B"));
        for a in &hit.attachments {
            let file = site
                .public()
                .join(crate::support::links::percent_decode(&a.href));
            assert!(file.is_file(), "{} is published", file.display());
        }
    }
}

/// The client in Node.js reads the same attachments from the fragments as the Rust copy.
#[test]
#[ignore = "needs Node.js (bash scripts/test-setup.sh); CI runs it"]
fn the_client_gives_the_same_attachments() {
    if !node_or_skip("search::the_client_gives_the_same_attachments") {
        return;
    }
    let site = attachment_site();
    let mut asked: Vec<(&str, bool, Filters)> = Vec::new();
    for q in [WITH_TWO, WITH_FOUR, WITHOUT, ["附件检索", "附件檢索"]] {
        asked.push((q[0], false, Filters::default()));
        asked.push((q[1], true, Filters::default()));
    }
    let from_client = client(&site, &asked).expect("the client answers");
    let mut files = 0;
    for ((q, hant, f), got) in asked.iter().zip(from_client) {
        let want: Vec<Shown> = hits(&site, q, *hant, f).iter().map(shown).collect();
        files += want
            .iter()
            .map(|(_, a)| a.as_array().unwrap().len())
            .sum::<usize>();
        assert_eq!(got, want, "{q} (Traditional: {hant})");
    }
    // In each script: two, four, none, then all three pages (six).
    assert_eq!(files, 2 * (2 + 4 + 6), "every attachment compared");
}

#[test]
fn pages_can_opt_out_and_templates_can_leave_parts_out() {
    let site = TestSite::basic().with_search();
    site.page(
        "policies/hidden.md",
        "+++\ntitle = \"不公开检索的文件\"\nin_search_index = false\n+++\n独有词语甲乙丙。\n",
    );
    site.edit("themes/default/templates/page.html", |t| {
        t.replace(
            "<div class=\"prose\">",
            "<p data-search-ignore>模板忽略区域丁戊己</p><div class=\"prose\">",
        )
    });
    site.built();
    let dir = site.public().join(stdportal::search::INDEX_DIR);
    let read = |name: &str| std::fs::read(dir.join(name)).ok();
    let searcher = Searcher::open(&read).unwrap();
    // What the phrase finds (a fallback step would find other pages sharing some words).
    let find = |q: &str| {
        let outcome = searcher.all(q, false, &Filters::default()).unwrap();
        if outcome.step == Step::Phrase {
            outcome.hits
        } else {
            Vec::new()
        }
    };
    assert!(find("独有词语甲乙丙").is_empty());
    assert!(find("模板忽略区域丁戊己").is_empty());
    // The page itself is published.
    assert!(site
        .read("policies/hidden/index.html")
        .contains("独有词语甲乙丙"));
    // Other pages are found.
    assert!(!find("标准化").is_empty());
}

/// Zola's rule: a section's `in_search_index = false` leaves its pages out unless a page (or a
/// nearer section) says `true`; list pages, their pager pages and alias pages are never indexed.
#[test]
fn sections_opt_their_pages_out_and_lists_are_never_documents() {
    let site = TestSite::basic().with_search();
    site.page(
        "notices/_index.md",
        "+++\ntitle = \"通知公告\"\nin_search_index = false\npaginate_by = 1\n+++\n",
    );
    site.page(
        "notices/first.md",
        "+++\ntitle = \"通知甲独有标题\"\ndate = 2024-01-02\n+++\n通知甲的正文。\n",
    );
    site.page(
        "notices/second.md",
        "+++\ntitle = \"通知乙独有标题\"\ndate = 2024-01-01\nin_search_index = true\naliases = [\"/old-notice/\"]\n+++\n通知乙的正文。\n",
    );
    site.page(
        "notices/inner/_index.md",
        "+++\ntitle = \"下级栏目\"\nin_search_index = true\n+++\n",
    );
    site.page(
        "notices/inner/third.md",
        "+++\ntitle = \"通知丙独有标题\"\n+++\n通知丙的正文。\n",
    );
    site.built();
    // The section is paginated: its second page lists the second notice.
    assert!(site
        .read("notices/page/2/index.html")
        .contains("通知乙独有标题"));
    let dir = site.public().join(stdportal::search::INDEX_DIR);
    let read = |name: &str| std::fs::read(dir.join(name)).ok();
    let searcher = Searcher::open(&read).unwrap();
    let find = |q: &str| -> Vec<String> {
        let outcome = searcher.all(q, false, &Filters::default()).unwrap();
        if outcome.step != Step::Phrase {
            return Vec::new();
        }
        outcome.hits.into_iter().map(|h| h.path).collect()
    };
    assert_eq!(find("通知甲独有标题"), Vec::<String>::new());
    assert_eq!(find("通知乙独有标题"), ["notices/second/"]);
    assert_eq!(find("通知丙独有标题"), ["notices/inner/third/"]);
}

#[test]
#[ignore = "needs Chromium and Node.js (bash scripts/test-setup.sh); CI runs it"]
fn browser_searches_from_the_header() {
    let Some(Browser {
        chromium,
        scripts: browser_dir,
    }) = browser(
        "search::browser_searches_from_the_header",
        &["axe-core"],
        false,
    )
    else {
        return;
    };
    let site = portal();
    let output = Command::new("node")
        .arg(browser_dir.join("search.mjs"))
        .arg(site.public())
        .env("CHROMIUM", &chromium)
        .output()
        .expect("node runs");
    let stdout = String::from_utf8_lossy(&output.stdout);
    println!("{stdout}");
    assert!(
        output.status.success(),
        "the browser test failed:\n{stdout}\n{}",
        String::from_utf8_lossy(&output.stderr)
    );
}

/// The header's box on every page suggests as the search page's does (one combobox in
/// `search.js`), keyboard first, in both scripts, on a site published under a sub-path; with
/// JavaScript off it still submits to the search page (`tests/browser/search-header.mjs`).
#[test]
#[ignore = "needs Chromium and Node.js (bash scripts/test-setup.sh); CI runs it"]
fn browser_suggests_in_the_header_box() {
    let Some(Browser {
        chromium,
        scripts: browser_dir,
    }) = browser(
        "search::browser_suggests_in_the_header_box",
        &["axe-core"],
        false,
    )
    else {
        return;
    };
    let site = TestSite::example_portal().with_search();
    site.config(
        "base_url = \"https://example.gov.cn/\"",
        "base_url = \"https://example.gov.cn/bzh/\"",
    );
    // A page with four attachments, the first with a hostile name: its result shows three.
    page_with_four_attachments(&site, "attachments-demo");
    site.built();
    let page = site.read("policies/rizhao-quality-13th-plan/index.html");
    assert!(
        page.contains("action=\"/bzh/search/\"") && page.contains("src=\"/bzh/search.js\""),
        "the header's form and script are under the sub-path"
    );
    let output = Command::new("node")
        .arg(browser_dir.join("search-header.mjs"))
        .arg(site.public())
        .arg("/bzh/")
        .arg(WITH_FOUR[0])
        .env("CHROMIUM", &chromium)
        .output()
        .expect("node runs");
    let stdout = String::from_utf8_lossy(&output.stdout);
    println!("{stdout}");
    assert!(
        output.status.success(),
        "the browser test failed:\n{stdout}\n{}",
        String::from_utf8_lossy(&output.stderr)
    );
    assert!(stdout.contains("no script: ok"), "{stdout}");
    assert!(stdout.contains("files /bzh/zh-hant/: ok"), "{stdout}");
}

/// Without the index (`--no-search`) pages do not load the client for a box that has nothing
/// to suggest from.
#[test]
fn the_header_box_suggests_only_when_the_index_is_built() {
    let with = portal();
    let page = with.read("policies/rizhao-quality-13th-plan/index.html");
    assert!(page.contains("id=\"site-search-suggest\"") && page.contains("search.js"));
    let without = TestSite::example_portal();
    without.built();
    let page = without.read("policies/rizhao-quality-13th-plan/index.html");
    assert!(page.contains("id=\"site-search-q\""), "the box is there");
    assert!(!page.contains("site-search-suggest") && !page.contains("search.js"));
}

/// A damaged index (a host or proxy that rewrites or cuts the files, a disk error) makes a
/// search fail, which the page shows as 搜索出错; counts read from damaged bytes must never run
/// the client's loops for ever (the page used to stay on 正在搜索…… with its tab frozen).
#[test]
#[ignore = "needs Node.js (bash scripts/test-setup.sh); CI runs it"]
fn a_damaged_index_makes_a_search_fail_instead_of_hanging() {
    if !node_or_skip("search::a_damaged_index_makes_a_search_fail_instead_of_hanging") {
        return;
    }
    let site = portal();
    let index = index_dir(&site);
    let names = |folder: &str, prefix: &str| -> Vec<std::path::PathBuf> {
        std::fs::read_dir(index.join(folder))
            .unwrap()
            .map(|e| e.unwrap().path())
            .filter(|p| p.file_name().unwrap().to_string_lossy().starts_with(prefix))
            .collect()
    };
    // Bytes no index file starts with (not gzip's 1f 8b), the same in every run.
    let noise = |len: usize| -> Vec<u8> {
        let mut x: u32 = 0x9e37_79b9;
        (0..len)
            .map(|_| {
                x ^= x << 13;
                x ^= x >> 17;
                x ^= x << 5;
                (x >> 8) as u8 | 0x80
            })
            .collect()
    };
    let plain = |path: &std::path::Path| -> Vec<u8> {
        use std::io::Read;
        let bytes = std::fs::read(path).unwrap();
        let mut out = Vec::new();
        flate2::read::GzDecoder::new(&bytes[..])
            .read_to_end(&mut out)
            .unwrap();
        out
    };
    let by_year = Filters {
        year: "2021".into(),
        ..Default::default()
    };
    type Damage<'a> = Box<dyn Fn(&std::path::Path) + 'a>;
    let cases: Vec<(&str, Damage, Filters)> = vec![
        (
            "every shard random bytes",
            Box::new(|dir| {
                for f in names("i", "") {
                    let to = dir.join("i").join(f.file_name().unwrap());
                    std::fs::write(to, noise(4096)).unwrap();
                }
            }),
            Filters::default(),
        ),
        (
            "every shard cut in half (gzip)",
            Box::new(|dir| {
                for f in names("i", "") {
                    let bytes = std::fs::read(&f).unwrap();
                    let to = dir.join("i").join(f.file_name().unwrap());
                    std::fs::write(to, &bytes[..bytes.len() / 2]).unwrap();
                }
            }),
            Filters::default(),
        ),
        (
            "every shard unpacked and cut after its first key",
            Box::new(|dir| {
                for f in names("i", "") {
                    let bytes = plain(&f);
                    let to = dir.join("i").join(f.file_name().unwrap());
                    std::fs::write(to, &bytes[..bytes.len().min(12)]).unwrap();
                }
            }),
            Filters::default(),
        ),
        (
            "every shard claiming 2^56 keys",
            Box::new(|dir| {
                for f in names("i", "") {
                    let mut bytes = vec![0xff; 8];
                    bytes.push(0x01);
                    bytes.extend(plain(&f));
                    let to = dir.join("i").join(f.file_name().unwrap());
                    std::fs::write(to, bytes).unwrap();
                }
            }),
            Filters::default(),
        ),
        (
            "a number that never ends",
            Box::new(|dir| {
                for f in names("i", "") {
                    let to = dir.join("i").join(f.file_name().unwrap());
                    std::fs::write(to, [0x80u8; 64]).unwrap();
                }
            }),
            Filters::default(),
        ),
        (
            "the facets random bytes",
            Box::new(|dir| {
                for f in names("", "facets.") {
                    std::fs::write(dir.join(f.file_name().unwrap()), noise(64)).unwrap();
                }
            }),
            by_year.clone(),
        ),
        (
            "the character table random bytes",
            Box::new(|dir| {
                for f in names("", "chars.") {
                    std::fs::write(dir.join(f.file_name().unwrap()), noise(64)).unwrap();
                }
            }),
            Filters::default(),
        ),
        (
            "every fragment random bytes",
            Box::new(|dir| {
                for f in names("s", "") {
                    let to = dir.join("s").join(f.file_name().unwrap());
                    std::fs::write(to, noise(256)).unwrap();
                }
            }),
            Filters::default(),
        ),
    ];
    for (what, damage, filters) in &cases {
        let copy = tempfile::tempdir().unwrap();
        let data = copy.path().join(stdportal::search::INDEX_DIR);
        copy_dir(&index, &data);
        damage(&data);
        let answers = client_answers(copy.path(), &[("标准化", false, filters.clone())])
            .unwrap_or_else(|e| panic!("{what}: {e}"));
        assert!(
            answers[0]["error"].is_string(),
            "{what}: the search should fail, got {}",
            answers[0]
        );
    }
    // The same client over the undamaged index finds the pages (the cases above fail because
    // of the damage, not because of the query).
    let answers = client_answers(&site.public(), &[("标准化", false, by_year)]).unwrap();
    assert!(!answers[0]["hits"].as_array().unwrap().is_empty());
}
