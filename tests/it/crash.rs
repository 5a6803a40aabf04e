//! A build killed at any moment leaves the old site or the new one, never a mix (part of the
//! output-safety tests in safety_output.rs). It is the slowest test of the suite (a minute of
//! builds of a 1000-page site and kills); this module's name sorts before the others', so the
//! test harness starts it first and the rest of the suite runs beside it instead of after it.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::Command;

use crate::safety_output::{quick_build, write};
use crate::support::*;

/// A site of `pages` generated pages, for the crash and speed tests.
fn generated_site(pages: usize) -> TestSite {
    let site = TestSite::basic();
    let root = site.root();
    write(
        root,
        "content/news/_index.md",
        "+++\ntitle = \"新闻\"\n+++\n",
    );
    let body = "标准化工作稳步推进，质量提升成效明显。".repeat(12);
    for i in 0..pages {
        write(
            root,
            &format!("content/news/n{i}.md"),
            &format!(
                "+++\ntitle = \"第{i}号通知\"\ndate = 2021-01-{:02}\ntopics = [\"主题{}\"]\n+++\n\n{body}\n",
                i % 28 + 1,
                i % 12
            ),
        );
    }
    site
}

/// The output as path → hash, to compare whole sites quickly.
fn fingerprint(dir: &Path) -> BTreeMap<PathBuf, u64> {
    use std::hash::{Hash, Hasher};
    snapshot(dir)
        .into_iter()
        .map(|(path, bytes)| {
            let mut hasher = std::collections::hash_map::DefaultHasher::new();
            bytes.hash(&mut hasher);
            (path, hasher.finish())
        })
        .collect()
}

#[test]
fn a_build_killed_at_any_moment_leaves_the_old_site_or_the_new_one() {
    let site = generated_site(1000);
    let root = site.root();
    let config = std::fs::read_to_string(root.join("config.toml")).unwrap();
    let version = |v: &str| {
        std::fs::write(
            root.join("config.toml"),
            config.replace("测试标准化门户", v),
        )
        .unwrap();
        // The two versions also differ in their files: B has a page A lacks.
        let extra = root.join("content/news/only-in-b.md");
        if v == "B版" {
            std::fs::write(&extra, "+++\ntitle = \"只在B\"\n+++\n").unwrap();
        } else {
            let _ = std::fs::remove_file(&extra);
        }
    };
    let public = root.join("public");
    version("B版");
    assert_success(&quick_build(root, &[]));
    let b = fingerprint(&public);
    // How long a rebuild takes after a killed one (it first removes what that one left), the
    // longest of two: this machine's disk is noisy.
    let mut build_time = std::time::Duration::ZERO;
    for v in ["A版", "B版"] {
        version(v);
        let mut killed = Command::new(stdportal_binary())
            .args(["build", "--no-search", "--root"])
            .arg(root)
            .stdout(std::process::Stdio::null())
            .spawn()
            .unwrap();
        std::thread::sleep(std::time::Duration::from_millis(700));
        let _ = killed.kill();
        let _ = killed.wait();
        let started = std::time::Instant::now();
        assert_success(&quick_build(root, &[]));
        build_time = build_time.max(started.elapsed());
    }
    version("A版");
    assert_success(&quick_build(root, &[]));
    let a = fingerprint(&public);
    assert!(a.len() > 2000, "{} files", a.len());
    assert_ne!(a, b);

    // 50 kill times spread over 1.3 times a rebuild; builds on this machine's disk vary, so if
    // none of them outlived its build, later ones follow until one does (at most 10 more).
    let kills = 50;
    let mut current = "A版";
    let (mut old_kept, mut new_seen, mut k) = (0, 0, 0);
    while k < kills || (new_seen == 0 && k < kills + 10) {
        let next = if current == "A版" { "B版" } else { "A版" };
        version(next);
        let mut child = Command::new(stdportal_binary())
            .args(["build", "--no-search", "--root"])
            .arg(root)
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::null())
            .spawn()
            .unwrap();
        let stretch = if k < kills {
            1.3
        } else {
            1.3 + 0.2 * (k - kills + 1) as f64
        };
        std::thread::sleep(build_time.mul_f64(stretch * k.min(kills) as f64 / kills as f64));
        let _ = child.kill();
        let _ = child.wait();
        let seen = fingerprint(&public);
        let now = if seen == a {
            "A版"
        } else if seen == b {
            "B版"
        } else {
            let differing = seen
                .iter()
                .filter(|(p, h)| a.get(*p) != Some(h) && b.get(*p) != Some(h))
                .count();
            panic!("kill {k}: public/ is neither site ({differing} files from neither)");
        };
        if now == current {
            old_kept += 1;
        } else {
            new_seen += 1;
        }
        current = now;
        k += 1;
    }
    eprintln!(
        "{k} kills: {old_kept} left the old site, {new_seen} came after the new one was in place"
    );
    assert!(
        old_kept > 0 && new_seen > 0,
        "kills before and after the switch: {old_kept}, {new_seen}"
    );
    assert_success(&quick_build(root, &[]));
    assert_no_leftovers(root);
}
