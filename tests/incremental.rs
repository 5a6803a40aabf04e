//! `serve` rebuilds after an edit by rendering only what the edit can change. Whatever it
//! renders, the result must be the very bytes a full build of the edited site gives: each test
//! makes one kind of edit to the example portal, rebuilds incrementally, and compares every
//! output file with a fresh full build.

mod common;

use std::fs;
use std::path::{Path, PathBuf};

use stdportal::serve::{Changes, FileMap, Rebuilder};
use stdportal::site::BuildOptions;

fn options(root: &Path) -> BuildOptions {
    BuildOptions {
        root: root.to_path_buf(),
        base_url: Some("http://127.0.0.1:1111/".into()),
        drafts: false,
        search: false,
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
    _dir: tempfile::TempDir,
    root: PathBuf,
    rebuilder: Rebuilder,
}

impl Session {
    /// The example portal, with `prepare` applied, built once.
    fn start(prepare: impl FnOnce(&Path)) -> Session {
        let dir = common::example_portal();
        let root = dir.path().to_path_buf();
        prepare(&root);
        let mut rebuilder = Rebuilder::new(options(&root));
        rebuilder.rebuild(&[]).expect("the first build succeeds");
        Session {
            _dir: dir,
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
    assert_eq!(
        changes.paths,
        [
            "policies/rizhao-quality-13th-plan/index.html",
            "zh-hant/policies/rizhao-quality-13th-plan/index.html"
        ]
    );
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
    let mut s = Session::start(|_| {});
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
        "policies/index.html",
        "cities/rizhao/index.html",
        "policies/rizhao-standardization-13th-plan/index.html",
        "atom.xml",
    ] {
        assert!(
            changes.paths.iter().any(|p| p == expected),
            "{expected} shows the title and must change: {:?}",
            changes.paths
        );
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
    s.rebuild_and_compare(&[a, b]);
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
