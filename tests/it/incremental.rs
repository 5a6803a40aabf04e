//! `serve` rebuilds after an edit by rendering only what the edit can change. Whatever it
//! renders, the result must be the very bytes a full build of the edited site gives: each test
//! makes one kind of edit to the example portal, rebuilds incrementally, and compares every
//! output file with a fresh full build.

use std::fs;
use std::path::{Path, PathBuf};

use stdportal::serve::{Changes, FileMap, Rebuilder};
use stdportal::site::BuildOptions;

use crate::support::TestSite;

fn options(root: &Path) -> BuildOptions {
    BuildOptions {
        root: root.to_path_buf(),
        base_url: Some("http://127.0.0.1:1111/".into()),
        drafts: false,
        future: false,
        search: true,
    }
}

fn full_build(root: &Path) -> FileMap {
    let mut rebuilder = Rebuilder::new(options(root));
    (*rebuilder
        .rebuild(&[])
        .expect("the full build succeeds")
        .files)
        .clone()
}

/// Byte for byte, with the first differing file named.
fn assert_same_site(incremental: &FileMap, full: &FileMap) {
    let only_one: Vec<&String> = incremental
        .keys()
        .filter(|p| !full.contains_key(*p))
        .chain(full.keys().filter(|p| !incremental.contains_key(*p)))
        .collect();
    assert!(only_one.is_empty(), "files in only one build: {only_one:?}");
    for (path, bytes) in full {
        assert!(
            incremental[path] == *bytes,
            "{path} differs between the incremental and the full build"
        );
    }
}

struct Session {
    _site: TestSite,
    root: PathBuf,
    rebuilder: Rebuilder,
}

impl Session {
    /// The example portal, with `prepare` applied, built once.
    fn start(prepare: impl FnOnce(&Path)) -> Session {
        let site = TestSite::example_portal();
        let root = site.root().to_path_buf();
        prepare(&root);
        let mut rebuilder = Rebuilder::new(options(&root));
        rebuilder.rebuild(&[]).expect("the first build succeeds");
        Session {
            _site: site,
            root,
            rebuilder,
        }
    }

    fn edit(&self, rel: &str, change: impl FnOnce(String) -> String) -> PathBuf {
        let path = self.root.join(rel);
        let text = fs::read_to_string(&path).unwrap();
        let changed = change(text.clone());
        assert_ne!(text, changed, "the edit must change {rel}");
        fs::write(&path, changed).unwrap();
        path
    }

    /// Rebuilds after `changed` and checks the result against a full build.
    fn rebuild_and_compare(&mut self, changed: &[PathBuf]) -> Changes {
        let changes = self
            .rebuilder
            .rebuild(changed)
            .expect("the rebuild succeeds");
        assert_same_site(&changes.files, &full_build(&self.root));
        changes
    }
}

const RIZHAO_QUALITY: &str = "content/policies/rizhao-quality-13th-plan.md";

#[test]
fn body_edit_renders_only_that_page() {
    let mut s = Session::start(|_| {});
    let page = s.edit(RIZHAO_QUALITY, |t| {
        t.replace(
            "## 一、发展基础与环境",
            "## 一、发展基础与环境\n\n本段为测试新增。",
        )
    });
    let changes = s.rebuild_and_compare(&[page]);
    assert_eq!(
        changes.partial,
        Some(1),
        "only the edited route is rendered"
    );
    let (index, pages): (Vec<&String>, Vec<&String>) = changes
        .paths
        .iter()
        .partition(|p| p.starts_with("search/data/"));
    assert_eq!(
        pages,
        [
            "policies/rizhao-quality-13th-plan/index.html",
            "zh-hant/policies/rizhao-quality-13th-plan/index.html"
        ]
    );
    // The search index: the page's postings replaced in the shards that hold its keys, its
    // group of fragments and the small files rewritten, nothing assembled again.
    let update = changes.index.expect("search is on");
    assert!(!update.reassembled);
    assert!(update.shards >= 1);
    let groups: std::collections::BTreeSet<&str> = index
        .iter()
        .filter(|p| p.starts_with("search/data/s/") || p.starts_with("search/data/t/"))
        .filter_map(|p| p.rsplit('.').nth(1))
        .collect();
    assert_eq!(
        groups.len(),
        2,
        "one group, its old and new names: {groups:?}"
    );
}

/// The search fragments (both scripts) of the output that hold `text`, read from gzip.
fn fragments_with(files: &FileMap, text: &str) -> usize {
    use std::io::Read;
    files
        .iter()
        .filter(|(p, _)| p.starts_with("search/data/s/") || p.starts_with("search/data/t/"))
        .filter(|(_, bytes)| {
            let mut plain = String::new();
            flate2::read::GzDecoder::new(&bytes[..])
                .read_to_string(&mut plain)
                .unwrap();
            plain.contains(text)
        })
        .count()
}

#[test]
fn attachments_under_search_results_follow_the_page_and_the_file() {
    let mut s = Session::start(|root| {
        fs::create_dir_all(root.join("static/files")).unwrap();
        fs::write(root.join("static/files/附件1 分工表.pdf"), vec![b'%'; 2048]).unwrap();
    });
    // Listed: the page's fragments carry it (one chunk or more, in both scripts).
    let page = s.edit(RIZHAO_QUALITY, |t| {
        t.replacen(
            "+++\n",
            "+++\nattachments = [\"/files/附件1 分工表.pdf\"]\n",
            1,
        )
    });
    let changes = s.rebuild_and_compare(&[page]);
    let listed = fragments_with(
        &changes.files,
        "files/附件1%20分工表.pdf\",\"PDF\",\"2.0 KB\"",
    );
    assert!(
        listed >= 2 && listed.is_multiple_of(2),
        "{listed} fragments"
    );
    // The file replaced by a larger one: the result says its new size.
    let file = s.root.join("static/files/附件1 分工表.pdf");
    fs::write(&file, vec![b'%'; 30 * 1024]).unwrap();
    let changes = s.rebuild_and_compare(&[file]);
    assert_eq!(fragments_with(&changes.files, "\"2.0 KB\""), 0);
    assert_eq!(fragments_with(&changes.files, "\"PDF\",\"30 KB\""), listed);
    // No longer listed: no fragment mentions it.
    let page = s.edit(RIZHAO_QUALITY, |t| {
        t.replacen("attachments = [\"/files/附件1 分工表.pdf\"]\n", "", 1)
    });
    let changes = s.rebuild_and_compare(&[page]);
    assert_eq!(fragments_with(&changes.files, "分工表.pdf"), 0);
}

/// The Word files an edit puts in `content/policies/word-notice.docx`, in turn.
fn word_file(variant: usize) -> Vec<u8> {
    match variant % 3 {
        0 => fs::read(crate::support::word::fixtures().join("rizhao-notice.docx")).unwrap(),
        1 => crate::support::word::xml_fixture("joint"),
        _ => crate::support::word::xml_fixture("tables"),
    }
}

const WORD_NOTICE: &str = "content/policies/word-notice.docx";

#[test]
fn replacing_a_word_file_renders_its_page_and_the_lists_that_show_it() {
    let mut s = Session::start(|root| fs::write(root.join(WORD_NOTICE), word_file(0)).unwrap());
    let path = s.root.join(WORD_NOTICE);
    fs::write(&path, word_file(1)).unwrap();
    let changes = s.rebuild_and_compare(std::slice::from_ref(&path));
    assert!(
        changes.partial.is_some(),
        "a Word file is rebuilt incrementally"
    );
    for page in [
        "policies/word-notice/index.html",
        "zh-hant/policies/word-notice/index.html",
        // The issuer changed: the old office's list and the new one's.
        "offices/日照市人民政府/index.html",
        "offices/泰安市人民政府/index.html",
    ] {
        assert!(
            changes.paths.iter().any(|p| p == page),
            "{page} not rendered again: {:?}",
            changes.paths
        );
    }
    // The sidecar is an edit of the page too.
    let sidecar = s.root.join("content/policies/word-notice.toml");
    fs::write(&sidecar, "title = \"更正后的标题\"\n").unwrap();
    let changes = s.rebuild_and_compare(std::slice::from_ref(&sidecar));
    assert!(changes.partial.is_some());
    // A Markdown page of its name makes the Word file its 下载原件; removed, the Word file is
    // the page again.
    let markdown = s.root.join("content/policies/word-notice.md");
    fs::write(&markdown, "+++\ntitle = \"通知\"\n+++\n\n正文。\n").unwrap();
    s.rebuild_and_compare(std::slice::from_ref(&markdown));
    fs::remove_file(&markdown).unwrap();
    s.rebuild_and_compare(std::slice::from_ref(&markdown));
}

#[test]
fn body_edit_of_a_traditional_source_page() {
    let mut s = Session::start(|_| {});
    let page = s.edit(
        "content/policies/wenzhou-standardization-strategy-opinions.md",
        |t| format!("{t}\n\n為加強標準化工作,特此補充說明。\n"),
    );
    let changes = s.rebuild_and_compare(&[page]);
    assert_eq!(changes.partial, Some(1));
    assert_eq!(changes.pages(), 2);
}

#[test]
fn title_edit_updates_lists_feeds_related_pages_and_indicators() {
    // Two documents a list page, so that the list has pages that show the title and pages
    // that do not.
    let mut s = Session::start(|root| {
        let config = root.join("config.toml");
        let text = fs::read_to_string(&config).unwrap();
        fs::write(&config, format!("paginate_by = 2\n{text}")).unwrap();
    });
    let page = s.edit(RIZHAO_QUALITY, |t| {
        t.replace(
            "title = \"日照市“十三五”质量发展规划\"",
            "title = \"日照市“十三五”质量发展规划(修订)\"",
        )
    });
    let changes = s.rebuild_and_compare(&[page]);
    assert!(changes.partial.is_some(), "a title edit is incremental");
    for expected in [
        "index.html",
        // Two policies a page: this one is on page 2.
        "policies/page/2/index.html",
        "cities/rizhao/index.html",
        "cities/rizhao/documents/index.html",
        "kinds/policy/page/2/index.html",
        "policies/rizhao-standardization-13th-plan/index.html",
        "atom.xml",
    ] {
        assert!(
            changes.paths.iter().any(|p| p == expected),
            "{expected} shows the title and must change: {:?}",
            changes.paths
        );
    }
    // The pages of the list that do not show it are left alone.
    for untouched in ["policies/index.html", "policies/page/3/index.html"] {
        assert!(!changes.paths.iter().any(|p| p == untouched), "{untouched}");
    }
}

#[test]
fn summary_date_and_related_edits() {
    let mut s = Session::start(|_| {});
    let page = s.edit(
        "content/interpretations/taian-standardization-reform-interpretation.md",
        |t| {
            t.replacen(
                "related = [\"taian-standardization-reform-opinions\"]",
                "related = [\"taian-standardization-reform-opinions\", \"jining-standardization-measures\"]",
                1,
            )
        },
    );
    let changes = s.rebuild_and_compare(&[page]);
    assert!(changes.partial.is_some());
    assert!(changes
        .paths
        .iter()
        .any(|p| p == "policies/jining-standardization-measures/index.html"));
    // The summary of a page without a description is its first paragraph.
    let page = s.edit(
        "content/news/jining-standardization-measures-press.md",
        |t| {
            let body = t.rfind("+++").unwrap() + 3;
            format!("{}\n\n新的第一段。\n{}", &t[..body], &t[body..])
        },
    );
    s.rebuild_and_compare(&[page]);
    let page = s.edit(RIZHAO_QUALITY, |t| {
        t.replacen("+++\n", "+++\ndate = 2016-01-02\n", 1)
    });
    s.rebuild_and_compare(&[page]);
}

#[test]
fn kind_and_title_of_an_achievements_source_and_a_topic_member() {
    let mut s = Session::start(|_| {});
    // The Jining press release is the source of the Jining achievements (a GB18030 CSV).
    let page = s.edit(
        "content/news/jining-standardization-measures-press.md",
        |t| {
            t.replacen("kind = \"news\"", "kind = \"interpretation\"", 1)
                .replacen("title = \"", "title = \"新闻:", 1)
        },
    );
    let changes = s.rebuild_and_compare(&[page]);
    assert!(changes.partial.is_some());
    assert!(changes
        .paths
        .iter()
        .any(|p| p == "cities/jining/index.html"));
    let page = s.edit(
        "content/interpretations/taian-standardization-reform-interpretation.md",
        |t| t.replacen("title = \"", "title = \"(解读)", 1),
    );
    let changes = s.rebuild_and_compare(&[page]);
    assert!(
        changes.paths.iter().any(|p| p.starts_with("topics/")),
        "its topic pages list it: {:?}",
        changes.paths
    );
}

#[test]
fn shortcode_pages_follow_the_documents_they_show() {
    let mut s = Session::start(|root| {
        // A site's own shortcode that shows the plan's title.
        fs::create_dir_all(root.join("templates/shortcodes")).unwrap();
        fs::write(
            root.join("templates/shortcodes/indicator.html"),
            "<span>{{ indicator.name }}(见{% if indicator.plan %}{{ indicator.plan.title }}{% endif %})</span>",
        )
        .unwrap();
        fs::write(
            root.join("content/news/indicator-note.md"),
            "+++\ntitle = \"指标说明\"\ncity = \"rizhao\"\n+++\n\n{{ indicator(city=\"rizhao\", id=\"industrial-product-spot-check-pass-rate\") }}\n",
        )
        .unwrap();
    });
    let page = s.edit(RIZHAO_QUALITY, |t| {
        t.replace(
            "title = \"日照市“十三五”质量发展规划\"",
            "title = \"日照市质量发展规划\"",
        )
    });
    s.rebuild_and_compare(&[page]);
    // A plan showing its own indicator: the shortcode shows the plan's new title.
    let plan = s.edit(RIZHAO_QUALITY, |t| {
        t.replacen(
            "## 一、发展基础与环境",
            "{{ indicator(city=\"rizhao\", id=\"industrial-product-spot-check-pass-rate\") }}\n\n## 一、发展基础与环境",
            1,
        )
    });
    s.rebuild_and_compare(&[plan]);
    let plan = s.edit(RIZHAO_QUALITY, |t| {
        t.replace(
            "title = \"日照市质量发展规划\"",
            "title = \"日照市质量规划\"",
        )
    });
    s.rebuild_and_compare(&[plan]);
    let note = s.edit("content/news/indicator-note.md", |t| {
        format!("{t}\n补充一句。\n")
    });
    let changes = s.rebuild_and_compare(&[note]);
    // Its first paragraph is the shortcode alone, so the new sentence is its summary now:
    // the lists showing it change with it, and nothing else.
    assert!(
        matches!(changes.partial, Some(n) if n <= 6),
        "{:?}",
        changes.partial
    );
}

#[test]
fn several_pages_at_once() {
    let mut s = Session::start(|_| {});
    let a = s.edit(RIZHAO_QUALITY, |t| format!("{t}\n末尾新增。\n"));
    let b = s.edit("content/policies/jining-standardization-measures.md", |t| {
        t.replacen("title = \"", "title = \"(新)", 1)
    });
    let changes = s.rebuild_and_compare(&[a, b]);
    // Partial: the two pages, and what shows the retitled one (lists, feeds, related pages),
    // not the whole site.
    let routes = changes
        .partial
        .expect("two page edits are rendered incrementally");
    let all_routes = changes
        .files
        .keys()
        .filter(|p| p.ends_with(".html") && !p.starts_with("zh-hant/"))
        .count();
    assert!(
        routes >= 2 && routes * 2 < all_routes,
        "{routes} of {all_routes} routes rendered"
    );
    for page in [
        "policies/rizhao-quality-13th-plan/index.html",
        "zh-hant/policies/rizhao-quality-13th-plan/index.html",
        "policies/jining-standardization-measures/index.html",
        "policies/index.html",
    ] {
        assert!(
            changes.paths.iter().any(|p| p == page),
            "{page} must change: {:?}",
            changes.paths
        );
    }
    assert!(
        !changes
            .paths
            .iter()
            .any(|p| p == "policies/taian-standardization-reform-opinions/index.html"),
        "an unrelated page changed: {:?}",
        changes.paths
    );
}

#[test]
fn new_removed_and_moved_pages_and_targets_are_incremental_too() {
    let mut s = Session::start(|_| {});
    // A topic change adds or removes topic pages.
    let page = s.edit(RIZHAO_QUALITY, |t| {
        t.replace(
            "topics = [\"质量\", \"规划\"]",
            "topics = [\"质量\", \"品牌\"]",
        )
    });
    assert!(s.rebuild_and_compare(&[page]).partial.is_some());
    // A new page, then its removal.
    let new = s.root.join("content/news/new-page.md");
    fs::write(&new, "+++\ntitle = \"新页面\"\n+++\n\n正文。\n").unwrap();
    let added = s.rebuild_and_compare(std::slice::from_ref(&new));
    assert!(added.partial.is_some());
    assert!(added.paths.iter().any(|p| p == "news/new-page/index.html"));
    fs::remove_file(&new).unwrap();
    let removed = s.rebuild_and_compare(std::slice::from_ref(&new));
    assert!(removed
        .paths
        .iter()
        .any(|p| p == "news/new-page/index.html"));
    // A new target, and a section's own text.
    let data = s.edit("data/indicators/rizhao.toml", |t| {
        format!("{t}\n[[indicator]]\nid = \"new-one\"\ncity = \"rizhao\"\nname = \"新指标\"\nunit = \"%\"\ntarget = {{ value = 90, year = 2020, comparator = \">=\" }}\n")
    });
    assert!(s.rebuild_and_compare(&[data]).partial.is_some());
    let section = s.edit("content/news/_index.md", |t| format!("{t}\n栏目说明。\n"));
    assert!(s.rebuild_and_compare(&[section]).partial.is_some());
    // A page moved to another folder (its slug, the file name, stays).
    let moved = s.root.join("content/news/rizhao-quality-13th-plan.md");
    fs::rename(s.root.join(RIZHAO_QUALITY), &moved).unwrap();
    s.rebuild_and_compare(&[s.root.join(RIZHAO_QUALITY), moved.clone()]);
    fs::rename(&moved, s.root.join(RIZHAO_QUALITY)).unwrap();
    s.rebuild_and_compare(&[moved, s.root.join(RIZHAO_QUALITY)]);
}

#[test]
fn edits_that_change_every_page_get_a_full_build() {
    let mut s = Session::start(|_| {});
    let dictionary = s.edit("data/dictionary.toml", |t| {
        format!("{t}\n\"规划\" = \"規畫\"\n")
    });
    assert_eq!(s.rebuild_and_compare(&[dictionary]).partial, None);
    let template = s.edit("themes/default/templates/page.html", |t| {
        t.replacen("</article>", "<p>模板修改</p></article>", 1)
    });
    assert_eq!(s.rebuild_and_compare(&[template]).partial, None);
    // The theme's labels, and the site's own.
    let labels = s.edit("themes/default/i18n/zh-Hans.toml", |t| {
        t.replacen(
            "status_on_track = \"按期推进\"",
            "status_on_track = \"进展顺利\"",
            1,
        )
    });
    assert_eq!(s.rebuild_and_compare(&[labels]).partial, None);
    let site_labels = s.root.join("i18n/zh-Hans.toml");
    fs::create_dir_all(s.root.join("i18n")).unwrap();
    fs::write(&site_labels, "nav_home = \"网站首页\"\n").unwrap();
    assert_eq!(s.rebuild_and_compare(&[site_labels]).partial, None);
    let config = s.edit("config.toml", |t| {
        t.replacen("title = \"", "title = \"新", 1)
    });
    assert_eq!(s.rebuild_and_compare(&[config]).partial, None);
    // And a page edit after all that is incremental again.
    let page = s.edit(RIZHAO_QUALITY, |t| format!("{t}\n再次修改。\n"));
    assert_eq!(s.rebuild_and_compare(&[page]).partial, Some(1));
}

#[test]
fn data_edits_render_what_shows_data() {
    let mut s = Session::start(|_| {});
    let toml = s.edit("data/indicators/rizhao.toml", |t| {
        t.replacen(
            "name = \"工业产品质量监督抽查合格率\"",
            "name = \"工业产品抽查合格率\"",
            1,
        )
    });
    let changes = s.rebuild_and_compare(&[toml]);
    assert!(changes.partial.is_some(), "a data edit is incremental");
    assert!(changes
        .paths
        .iter()
        .any(|p| p == "policies/rizhao-quality-13th-plan/index.html"));
    // A Traditional CSV with a byte-order mark.
    let csv = s.edit("data/indicators/wenzhou.csv", |t| {
        t.replacen("創新基地,個,,,5,", "創新基地,個,,,6,", 1)
    });
    assert!(s.rebuild_and_compare(&[csv]).partial.is_some());
    // Observations: a value measured after the baseline changes an indicator's status.
    let observations = s.edit("data/observations.csv", |t| {
        format!("{t}rizhao,industrial-product-spot-check-pass-rate,2018,96.1,测试数据\n")
    });
    s.rebuild_and_compare(&[observations]);
    // A broken table, then its fix.
    let broken = s.edit("data/indicators/wenzhou.csv", |t| {
        t.replacen(",6,", ",六,", 1)
    });
    assert!(s.rebuilder.rebuild(std::slice::from_ref(&broken)).is_err());
    s.edit("data/indicators/wenzhou.csv", |t| {
        t.replacen(",六,", ",6,", 1)
    });
    s.rebuild_and_compare(&[broken]);
}

#[test]
fn a_broken_edit_then_its_fix() {
    let mut s = Session::start(|_| {});
    let page = s.edit(RIZHAO_QUALITY, |t| t.replacen("+++", "++", 1));
    assert!(s.rebuilder.rebuild(std::slice::from_ref(&page)).is_err());
    s.edit(RIZHAO_QUALITY, |t| t.replacen("++", "+++", 1));
    let changes = s.rebuild_and_compare(&[page]);
    assert!(
        changes.partial.is_some(),
        "after a failure the next build still renders only what changed"
    );
    let page = s.edit(RIZHAO_QUALITY, |t| format!("{t}\n修好之后。\n"));
    assert_eq!(s.rebuild_and_compare(&[page]).partial, Some(1));
}

/// One edit an editor can make, applied to the example portal by [`apply`].
#[derive(Debug, Clone)]
enum Edit {
    /// A paragraph added at the end of a page.
    Text(usize),
    /// A paragraph added before the first one (the page's summary changes).
    FirstParagraph(usize),
    Title(usize),
    Date(usize, u32),
    /// Page a names page b as related.
    Related(usize, usize),
    Topic(usize, usize),
    /// An observation of a target, in a year of its own.
    Observation(u32),
    /// A new page (in one of the sections, with a topic, maybe showing a target).
    NewPage(usize, usize, bool),
    /// The newest page made by `NewPage` removed.
    DeleteNewest,
    /// The newest page made by `NewPage` moved to another section.
    MoveNewest(usize),
    /// A page's issuing office (the catalogue's lists of offices).
    Issuer(usize, usize),
    /// An earlier address for a page (a redirect page).
    Alias(usize),
    /// A Word file put in `content/policies/` (or replaced by another).
    WordFile(usize),
}

const PAGES: [&str; 7] = [
    "content/policies/rizhao-quality-13th-plan.md",
    "content/policies/rizhao-standardization-13th-plan.md",
    "content/policies/jining-standardization-measures.md",
    "content/policies/taian-standardization-reform-opinions.md",
    "content/policies/wenzhou-standardization-strategy-opinions.md",
    "content/interpretations/taian-standardization-reform-interpretation.md",
    "content/news/jining-standardization-measures-press.md",
];
const SLUGS: [&str; 3] = [
    "rizhao-quality-13th-plan",
    "jining-standardization-measures",
    "taian-standardization-reform-opinions",
];
const TOPICS: [&str; 4] = ["质量", "规划", "品牌建设", "標準化"];
const SECTIONS: [&str; 3] = ["news", "policies", "interpretations"];
const OFFICES: [&str; 3] = ["日照市人民政府", "泰安市人民政府", "溫州市人民政府"];

/// A page's front matter and body, to edit one key.
fn with_front_matter(text: &str, change: impl FnOnce(&mut Vec<String>)) -> String {
    let rest = text.strip_prefix("+++\n").expect("front matter");
    let (front, body) = rest.split_once("\n+++\n").expect("closed front matter");
    let mut lines: Vec<String> = front.lines().map(str::to_string).collect();
    change(&mut lines);
    format!("+++\n{}\n+++\n{body}", lines.join("\n"))
}

fn set_key(lines: &mut Vec<String>, key: &str, value: String) {
    let prefix = format!("{key} =");
    match lines.iter().position(|l| l.starts_with(&prefix)) {
        Some(i) => lines[i] = format!("{key} = {value}"),
        // Before any table (`[extra]`), where a plain key belongs.
        None => {
            let at = lines
                .iter()
                .position(|l| l.starts_with('['))
                .unwrap_or(lines.len());
            lines.insert(at, format!("{key} = {value}"));
        }
    }
}

/// Applies an edit; returns the files it touched (absolute), for the rebuild.
fn apply(root: &Path, edit: &Edit, step: usize, made: &mut Vec<PathBuf>) -> Vec<PathBuf> {
    let page = |i: usize| root.join(PAGES[i % PAGES.len()]);
    let rewrite = |path: &Path, change: &dyn Fn(String) -> String| {
        let text = fs::read_to_string(path).unwrap();
        fs::write(path, change(text)).unwrap();
        vec![path.to_path_buf()]
    };
    match edit {
        Edit::Text(i) => rewrite(&page(*i), &|t| format!("{t}\n第{step}次补充的一段。\n")),
        Edit::FirstParagraph(i) => rewrite(&page(*i), &|t| {
            t.replacen(
                "\n+++\n",
                &format!("\n+++\n\n新的第一段（第{step}次）。\n"),
                1,
            )
        }),
        Edit::Title(i) => rewrite(&page(*i), &|t| {
            t.replacen("title = \"", &format!("title = \"（{step}）"), 1)
        }),
        Edit::Date(i, day) => rewrite(&page(*i), &|t| {
            with_front_matter(&t, |lines| {
                set_key(lines, "date", format!("2021-03-{:02}", day % 28 + 1))
            })
        }),
        Edit::Related(a, b) => {
            let slug = SLUGS[b % SLUGS.len()];
            let path = page(*a);
            if path.ends_with(format!("{slug}.md")) {
                return Vec::new();
            }
            rewrite(&path, &|t| {
                with_front_matter(&t, |lines| {
                    set_key(lines, "related", format!("[\"{slug}\"]"))
                })
            })
        }
        Edit::Topic(i, t) => rewrite(&page(*i), &|text| {
            with_front_matter(&text, |lines| {
                set_key(
                    lines,
                    "topics",
                    format!("[\"{}\"]", TOPICS[t % TOPICS.len()]),
                )
            })
        }),
        Edit::Observation(value) => rewrite(&root.join("data/observations.csv"), &|t| {
            format!(
                "{t}rizhao,industrial-product-spot-check-pass-rate,{},{}.{},测试\n",
                2016 + step,
                90 + value % 10,
                value % 10
            )
        }),
        Edit::NewPage(section, topic, shortcode) => {
            let path = root.join(format!(
                "content/{}/new-{step}.md",
                SECTIONS[section % SECTIONS.len()]
            ));
            let body = if *shortcode {
                "{{ indicator(city=\"rizhao\", id=\"industrial-product-spot-check-pass-rate\") }}\n\n正文。"
            } else {
                "正文。"
            };
            fs::write(
                &path,
                format!(
                    "+++\ntitle = \"新页面{step}\"\ndate = 2022-01-{:02}\ncity = \"rizhao\"\nkind = \"news\"\ntopics = [\"{}\"]\n+++\n\n{body}\n",
                    step % 28 + 1,
                    TOPICS[topic % TOPICS.len()]
                ),
            )
            .unwrap();
            made.push(path.clone());
            vec![path]
        }
        Edit::Issuer(i, o) => rewrite(&page(*i), &|text| {
            with_front_matter(&text, |lines| {
                set_key(
                    lines,
                    "issuer",
                    format!("\"{}\"", OFFICES[o % OFFICES.len()]),
                )
            })
        }),
        Edit::Alias(i) => rewrite(&page(*i), &|text| {
            with_front_matter(&text, |lines| {
                set_key(lines, "aliases", format!("[\"/old/{step}/\"]"))
            })
        }),
        Edit::WordFile(variant) => {
            let path = root.join(WORD_NOTICE);
            fs::write(&path, word_file(*variant)).unwrap();
            vec![path]
        }
        Edit::DeleteNewest => match made.pop() {
            Some(path) => {
                fs::remove_file(&path).unwrap();
                vec![path]
            }
            None => Vec::new(),
        },
        Edit::MoveNewest(section) => match made.pop() {
            Some(path) => {
                let to = root.join(format!(
                    "content/{}/{}",
                    SECTIONS[section % SECTIONS.len()],
                    path.file_name().unwrap().to_string_lossy()
                ));
                if to == path {
                    made.push(path);
                    return Vec::new();
                }
                fs::rename(&path, &to).unwrap();
                made.push(to.clone());
                vec![path, to]
            }
            None => Vec::new(),
        },
    }
}

fn edit_strategy() -> impl proptest::strategy::Strategy<Value = Edit> {
    use proptest::prelude::*;
    prop_oneof![
        (0..7usize).prop_map(Edit::Text),
        (0..7usize).prop_map(Edit::FirstParagraph),
        (0..7usize).prop_map(Edit::Title),
        (0..7usize, 0..28u32).prop_map(|(i, d)| Edit::Date(i, d)),
        (0..7usize, 0..3usize).prop_map(|(a, b)| Edit::Related(a, b)),
        (0..7usize, 0..4usize).prop_map(|(i, t)| Edit::Topic(i, t)),
        (0..100u32).prop_map(Edit::Observation),
        (0..3usize, 0..4usize, any::<bool>()).prop_map(|(s, t, c)| Edit::NewPage(s, t, c)),
        Just(Edit::DeleteNewest),
        (0..3usize).prop_map(Edit::MoveNewest),
        (0..7usize, 0..3usize).prop_map(|(i, o)| Edit::Issuer(i, o)),
        (0..7usize).prop_map(Edit::Alias),
        (0..3usize).prop_map(Edit::WordFile),
    ]
}

/// Random sequences of edits of every kind: after each one, the incremental rebuild gives the
/// very bytes of a full build. Lists are 2 pages long, so edits add and remove pager pages.
#[test]
fn any_sequence_of_edits_gives_what_a_full_build_gives() {
    use proptest::test_runner::{Config, TestRunner};
    let mut runner = TestRunner::new(Config {
        cases: 6,
        failure_persistence: None,
        ..Config::default()
    });
    runner
        .run(&proptest::collection::vec(edit_strategy(), 4..8), |edits| {
            let mut s = Session::start(|root| {
                let config = root.join("config.toml");
                let text = fs::read_to_string(&config).unwrap();
                fs::write(&config, format!("paginate_by = 2\n{text}")).unwrap();
            });
            let mut made = Vec::new();
            let mut partial = 0;
            for (step, edit) in edits.iter().enumerate() {
                let changed = apply(&s.root, edit, step, &mut made);
                if changed.is_empty() {
                    continue;
                }
                let changes = s
                    .rebuilder
                    .rebuild(&changed)
                    .unwrap_or_else(|e| panic!("{edit:?} does not build: {e}"));
                let full = full_build(&s.root);
                let only_one: Vec<&String> = changes
                    .files
                    .keys()
                    .filter(|p| !full.contains_key(*p))
                    .chain(full.keys().filter(|p| !changes.files.contains_key(*p)))
                    .collect();
                proptest::prop_assert!(
                    only_one.is_empty(),
                    "after {:?}: files in only one build: {:?}",
                    &edits[..=step],
                    only_one
                );
                for (path, bytes) in &full {
                    proptest::prop_assert!(
                        changes.files[path] == *bytes,
                        "after {:?}: {} differs from a full build",
                        &edits[..=step],
                        path
                    );
                }
                partial += usize::from(changes.partial.is_some());
            }
            proptest::prop_assert!(
                partial > 0
                    || edits
                        .iter()
                        .all(|e| matches!(e, Edit::DeleteNewest | Edit::MoveNewest(_)))
            );
            Ok(())
        })
        .unwrap();
}
