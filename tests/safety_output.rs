//! A build never deletes, overwrites or publishes anything that is not the site's own: the
//! cases a probe of careless and hostile inputs found, each with the exit code, the message,
//! and the proof that `public/` and every file around it are byte for byte as they were.

mod common;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use common::*;

fn write(root: &Path, rel: &str, text: &str) {
    let path = root.join(rel);
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    std::fs::write(path, text).unwrap();
}

/// Builds without the search index (these tests are about files, not search).
fn quick_build(root: &Path, extra: &[&str]) -> Output {
    let mut args = vec!["build", "--no-search"];
    args.extend_from_slice(extra);
    stdportal(root, &args)
}

/// Every file under `dir` with its bytes, except stdportal's lock files (which hold the id of
/// the last process that took them).
fn tree(dir: &Path) -> BTreeMap<PathBuf, Vec<u8>> {
    snapshot(dir)
        .into_iter()
        .filter(|(path, _)| !path.to_string_lossy().ends_with("-lock"))
        .collect()
}

/// Asserts exit code 1, every part of the message, and no panic.
fn assert_refused(output: &Output, expected: &[&str]) {
    let message = stderr(output);
    assert_eq!(output.status.code(), Some(1), "expected exit 1:\n{message}");
    for part in expected {
        assert!(
            message.contains(part),
            "the message should contain {part:?}:\n{message}"
        );
    }
    assert!(!message.contains("panicked"), "{message}");
}

/// Builds the fixture, applies `break_it`, builds again: the second build must fail with a
/// message containing `expected`, and leave the whole folder (site and `public/`) as it was.
fn assert_rejected_quickly(break_it: impl FnOnce(&Path), expected: &[&str]) {
    let site = fixture("basic");
    let root = site.path();
    assert_success(&quick_build(root, &[]));
    break_it(root);
    let before = tree(root);
    let output = quick_build(root, &[]);
    assert_refused(&output, expected);
    assert!(tree(root) == before, "a failed build changed files");
}

// 1. `--output` deletes files it never wrote.

#[test]
fn output_inside_content_is_refused_and_nothing_is_touched() {
    let site = fixture("basic");
    let root = site.path();
    let before = tree(root);
    let output = quick_build(root, &["--output", root.join("content").to_str().unwrap()]);
    assert_refused(
        &output,
        &["inside content/", "help: build into a folder of its own"],
    );
    assert!(tree(root) == before);
    for folder in ["data", "themes", "content/policies"] {
        let output = quick_build(root, &["--output", root.join(folder).to_str().unwrap()]);
        assert_refused(&output, &["where the site's sources are"]);
    }
    assert!(tree(root) == before);
}

#[test]
fn output_that_is_the_site_or_holds_it_is_refused() {
    let site = fixture("basic");
    let root = site.path();
    let before = tree(root);
    let output = quick_build(root, &["--output", root.to_str().unwrap()]);
    assert_refused(&output, &["the site's own folder"]);
    let parent = root.parent().unwrap().to_str().unwrap().to_string();
    let output = quick_build(root, &["--output", &parent]);
    assert_refused(&output, &["holds the site itself"]);
    let output = quick_build(root, &["--output", "/"]);
    assert_refused(&output, &["holds the site itself"]);
    assert!(tree(root) == before);
}

#[test]
fn output_that_is_the_home_folder_is_refused() {
    let site = fixture("basic");
    let root = site.path();
    let home = tempfile::tempdir().unwrap();
    std::fs::write(home.path().join("notes.txt"), "mine").unwrap();
    let output = Command::new(env!("CARGO_BIN_EXE_stdportal"))
        .args(["build", "--no-search", "--force", "--output"])
        .arg(home.path())
        .arg("--root")
        .arg(root)
        .env("HOME", home.path())
        .output()
        .unwrap();
    assert_refused(&output, &["home folder"]);
    assert_eq!(std::fs::read_dir(home.path()).unwrap().count(), 1);
}

#[test]
fn a_folder_with_someone_elses_files_is_refused_then_kept_with_force() {
    let site = fixture("basic");
    let root = site.path();
    let out = root.join("D");
    write(&out, "thesis.docx", "my thesis");
    write(&out, "photos/1.jpg", "a photo");
    std::fs::create_dir_all(out.join("empty")).unwrap();
    let before = tree(root);
    let output = quick_build(root, &["--output", out.to_str().unwrap()]);
    assert_refused(
        &output,
        &["did not write", "thesis.docx", "photos/", "--force"],
    );
    assert!(tree(root) == before, "a refused build changed files");

    // With --force the site is built beside them, and later builds keep them too.
    assert_success(&quick_build(
        root,
        &["--output", out.to_str().unwrap(), "--force"],
    ));
    assert!(out.join("index.html").is_file());
    write(
        root,
        "content/policies/plan.md",
        "+++\ntitle = \"改过的规划\"\n+++\n正文\n",
    );
    assert_success(&quick_build(root, &["--output", out.to_str().unwrap()]));
    assert_eq!(
        std::fs::read_to_string(out.join("thesis.docx")).unwrap(),
        "my thesis"
    );
    assert_eq!(
        std::fs::read_to_string(out.join("photos/1.jpg")).unwrap(),
        "a photo"
    );
    assert!(out.join("empty").is_dir());
    let manifest = std::fs::read_to_string(out.join(".stdportal-manifest")).unwrap();
    assert!(
        !manifest.contains("thesis"),
        "foreign files are not stdportal's"
    );
}

#[test]
fn stale_pages_go_but_files_added_by_hand_stay() {
    let site = fixture("basic");
    let root = site.path();
    write(
        root,
        "content/policies/old.md",
        "+++\ntitle = \"旧页面\"\n+++\n正文\n",
    );
    assert_success(&quick_build(root, &[]));
    let public = root.join("public");
    assert!(public.join("policies/old/index.html").is_file());
    write(&public, "google1234.html", "verification");
    write(&public, "policies/old/attachment.pdf", "kept");
    std::fs::remove_file(root.join("content/policies/old.md")).unwrap();
    assert_success(&quick_build(root, &[]));
    assert!(!public.join("policies/old/index.html").exists());
    assert!(!public.join("zh-hant/policies/old/index.html").exists());
    assert!(
        !public.join("zh-hant/policies/old").exists(),
        "emptied folders go"
    );
    assert_eq!(
        std::fs::read_to_string(public.join("google1234.html")).unwrap(),
        "verification"
    );
    assert_eq!(
        std::fs::read_to_string(public.join("policies/old/attachment.pdf")).unwrap(),
        "kept"
    );
}

#[test]
fn a_file_added_by_hand_where_the_site_writes_is_an_error() {
    assert_rejected_quickly(
        |root| {
            // An editor's own sitemap, which the manifest does not list.
            let manifest = root.join("public/.stdportal-manifest");
            let text = std::fs::read_to_string(&manifest).unwrap();
            let text: String = text
                .lines()
                .filter(|l| *l != "sitemap.xml")
                .map(|l| format!("{l}\n"))
                .collect();
            std::fs::write(&manifest, text).unwrap();
            std::fs::write(root.join("public/sitemap.xml"), "mine").unwrap();
        },
        &["public/sitemap.xml", "stdportal did not write", "--force"],
    );
}

#[test]
fn unchanged_files_keep_their_inode_and_modification_time() {
    use std::os::unix::fs::MetadataExt;
    let site = fixture("basic");
    let root = site.path();
    assert_success(&quick_build(root, &[]));
    let page = root.join("public/policies/plan/index.html");
    let before = std::fs::metadata(&page).unwrap();
    std::thread::sleep(std::time::Duration::from_millis(20));
    write(
        root,
        "content/policies/new.md",
        "+++\ntitle = \"新页面\"\n+++\n正文\n",
    );
    assert_success(&quick_build(root, &[]));
    let after = std::fs::metadata(&page).unwrap();
    assert_eq!(before.ino(), after.ino());
    assert_eq!(before.modified().unwrap(), after.modified().unwrap());
    assert!(root.join("public/policies/new/index.html").is_file());
}

// 2. Names from content become paths outside the output folder.

#[test]
fn a_topic_that_climbs_out_becomes_a_safe_segment() {
    let site = fixture("basic");
    let root = site.path();
    let victim = root.parent().unwrap().join(format!(
        "victim-{}",
        root.file_name().unwrap().to_string_lossy()
    ));
    let topic = format!("../../../../{}/pwned", victim.display());
    write(
        root,
        "content/policies/evil.md",
        &format!("+++\ntitle = \"恶意\"\ntopics = [{topic:?}]\n+++\n正文\n"),
    );
    assert_success(&quick_build(root, &[]));
    assert!(!victim.exists(), "a file was written outside the output");
    let segment = stdportal::output::path::segment_from_name(&topic).unwrap();
    assert!(
        segment.ends_with("pwned") && !segment.contains('.'),
        "{segment}"
    );
    assert!(root
        .join(format!("public/topics/{segment}/index.html"))
        .is_file());
}

#[test]
fn a_topic_without_letters_is_an_error_on_its_line() {
    assert_rejected_quickly(
        |root| {
            write(
                root,
                "content/policies/dots.md",
                "+++\ntitle = \"点\"\ndate = 2021-01-01\ntopics = [\"..\"]\n+++\n正文\n",
            )
        },
        &["content/policies/dots.md:4", "the topic \"..\"", "help:"],
    );
}

// 3. Two things claiming one URL.

#[test]
fn a_page_named_like_the_traditional_tree_is_an_error() {
    assert_rejected_quickly(
        |root| write(root, "content/zh-hant.md", "+++\ntitle = \"x\"\n+++\n"),
        &[
            "content/zh-hant.md",
            "/zh-hant/",
            "kept for the pages in 繁體中文",
        ],
    );
    assert_rejected_quickly(
        |root| write(root, "content/zh-hant/a.md", "+++\ntitle = \"x\"\n+++\n"),
        &["content/zh-hant/a.md", "kept for the pages in 繁體中文"],
    );
}

#[test]
fn a_page_on_a_city_address_is_an_error_naming_both() {
    assert_rejected_quickly(
        |root| write(root, "content/cities/testcity.md", "+++\ntitle = \"x\"\n+++\n"),
        &[
            "data/cities.toml:1: error: the city \"testcity\" and the page content/cities/testcity.md: both claim the address /cities/testcity/",
            "content/cities/: error: the folder and the built-in list of cities",
        ],
    );
}

#[test]
fn pages_on_built_in_addresses_are_errors() {
    for (name, builtin) in [
        ("search", "the built-in search page"),
        ("dashboard", "the built-in dashboard"),
        ("topics", "the built-in list of topics"),
    ] {
        assert_rejected_quickly(
            |root| {
                write(
                    root,
                    &format!("content/{name}.md"),
                    "+++\ntitle = \"x\"\n+++\n",
                )
            },
            &[&format!("content/{name}.md"), builtin, &format!("/{name}/")],
        );
    }
}

#[test]
fn a_static_file_on_a_generated_address_is_an_error() {
    assert_rejected_quickly(
        |root| write(root, "static/cities", "not a folder"),
        &["static/cities", "needs a folder /cities/"],
    );
    assert_rejected_quickly(
        |root| write(root, "static/robots.txt", "User-agent: *"),
        &["static/robots.txt", "robots.txt", "both claim"],
    );
}

#[test]
fn slugs_differing_only_in_case_or_normalisation_are_errors() {
    assert_rejected_quickly(
        |root| {
            write(
                root,
                "content/policies/Plan2.md",
                "+++\ntitle = \"a\"\n+++\n",
            );
            write(
                root,
                "content/policies/plan2.md",
                "+++\ntitle = \"b\"\n+++\n",
            );
        },
        &["upper and lower case", "content/policies/Plan2.md"],
    );
    assert_rejected_quickly(
        |root| {
            write(
                root,
                "content/policies/a.md",
                "+++\ntitle = \"a\"\nslug = \"caf\u{e9}\"\n+++\n",
            );
            write(
                root,
                "content/policies/b.md",
                "+++\ntitle = \"b\"\nslug = \"cafe\u{301}\"\n+++\n",
            );
        },
        &["content/policies/b.md", "café"],
    );
}

// 12. Weak messages about names.

#[test]
fn a_very_long_slug_names_the_page_not_a_staging_path() {
    let slug = "a".repeat(300);
    assert_rejected_quickly(
        |root| {
            write(
                root,
                "content/policies/long.md",
                &format!("+++\ntitle = \"长\"\nslug = \"{slug}\"\n+++\n"),
            )
        },
        &["content/policies/long.md:3", "300 bytes long", "slug ="],
    );
}

#[test]
fn invisible_characters_in_slugs_and_folders_are_errors() {
    assert_rejected_quickly(
        |root| {
            write(
                root,
                "content/policies/rlo.md",
                "+++\ntitle = \"x\"\nslug = \"gpj\u{202e}exe\"\n+++\n",
            )
        },
        &["content/policies/rlo.md:3", "U+202E"],
    );
    assert_rejected_quickly(
        |root| {
            write(
                root,
                "content/policies/zero\u{200b}width.md",
                "+++\ntitle = \"x\"\n+++\n",
            )
        },
        &["U+200B", "rename the file"],
    );
    assert_rejected_quickly(
        |root| write(root, "content/a\u{2066}b/x.md", "+++\ntitle = \"x\"\n+++\n"),
        &["the folder name", "U+2066"],
    );
}

// 4. Concurrent builds mix sites.

#[test]
fn builds_of_one_site_at_once_never_mix() {
    let site = fixture("basic");
    let root = site.path();
    for i in 0..30 {
        write(
            root,
            &format!("content/policies/p{i}.md"),
            &format!("+++\ntitle = \"页面{i}\"\n+++\n正文{i}\n"),
        );
    }
    assert_success(&quick_build(root, &[]));
    let config = std::fs::read_to_string(root.join("config.toml")).unwrap();
    // Four builds 0.1 s apart, the configuration edited before each.
    let mut running: Vec<std::process::Child> = (0..4)
        .map(|round| {
            std::fs::write(
                root.join("config.toml"),
                config.replace("测试标准化门户", &format!("门户Ver{round}Ver")),
            )
            .unwrap();
            let child = Command::new(env!("CARGO_BIN_EXE_stdportal"))
                .args(["build", "--no-search", "--root"])
                .arg(root)
                .stdout(std::process::Stdio::null())
                .stderr(std::process::Stdio::piped())
                .spawn()
                .unwrap();
            std::thread::sleep(std::time::Duration::from_millis(100));
            child
        })
        .collect();
    for child in &mut running {
        assert!(child.wait().unwrap().success());
    }
    // The last build read the last configuration: every page says so, none an older one.
    let public = root.join("public");
    let mut pages = 0;
    for (path, bytes) in snapshot(&public) {
        if path.extension().is_some_and(|e| e == "html") {
            let text = String::from_utf8(bytes).unwrap();
            assert!(
                text.contains("Ver3Ver") && !text.contains("Ver2Ver"),
                "{} is from another build",
                path.display()
            );
            pages += 1;
        }
    }
    assert!(pages > 60, "{pages}");
    // Exactly what one build of the final sources makes.
    let fresh = tempfile::tempdir().unwrap();
    let reference = fresh.path().join("out");
    assert_success(&quick_build(
        root,
        &["--output", reference.to_str().unwrap()],
    ));
    assert!(snapshot(&public) == snapshot(&reference));
    assert_no_leftovers(root);
}

/// Nothing a build left beside the output but its lock and its trash (what it replaced, emptied
/// in the background by the next build).
fn assert_no_leftovers(root: &Path) {
    let leftovers: Vec<String> = std::fs::read_dir(root)
        .unwrap()
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.contains("stdportal") && !n.ends_with("-lock") && !n.ends_with("-trash"))
        .collect();
    assert!(leftovers.is_empty(), "{leftovers:?}");
}

// 5. The commit is not atomic; staging folders of killed builds stay.

#[test]
fn leftovers_of_a_killed_build_are_removed_by_the_next() {
    let site = fixture("basic");
    let root = site.path();
    assert_success(&quick_build(root, &[]));
    write(root, ".stdportal-public-next/policies/x/index.html", "half");
    write(
        root,
        ".public.stdportal-staging-12345/a.html",
        "old version's staging",
    );
    assert_success(&quick_build(root, &[]));
    assert_no_leftovers(root);
}

#[test]
fn a_kill_between_the_two_renames_is_repaired_by_the_next_build() {
    // Where the system cannot exchange two folders, the old site is moved aside first: a
    // build killed right then leaves no public/, and the next build puts it back first.
    let site = fixture("basic");
    let root = site.path();
    assert_success(&quick_build(root, &[]));
    let before = snapshot(&root.join("public"));
    std::fs::rename(root.join("public"), root.join(".stdportal-public-old")).unwrap();
    write(root, ".stdportal-public-next/index.html", "half");
    // A build that fails still puts the old site back.
    write(root, "content/policies/bad.md", "no front matter");
    let output = quick_build(root, &[]);
    assert_eq!(output.status.code(), Some(1));
    assert!(snapshot(&root.join("public")) == before);
    std::fs::remove_file(root.join("content/policies/bad.md")).unwrap();
    let output = Command::new(env!("CARGO_BIN_EXE_stdportal"))
        .args(["build", "--no-search", "--root"])
        .arg(root)
        .env(stdportal::output::SIMULATE_NO_EXCHANGE, "1")
        .output()
        .unwrap();
    assert_success(&output);
    assert!(snapshot(&root.join("public")) == before);
    assert_no_leftovers(root);
}

/// A site of `pages` generated pages, for the crash and speed tests.
fn generated_site(pages: usize) -> tempfile::TempDir {
    let site = fixture("basic");
    let root = site.path();
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
    let root = site.path();
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
        let mut killed = Command::new(env!("CARGO_BIN_EXE_stdportal"))
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
        let mut child = Command::new(env!("CARGO_BIN_EXE_stdportal"))
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

// 6. public/ as a mount point (a Docker volume).

#[test]
fn a_mount_point_as_output_is_built_in_place() {
    let site = fixture("basic");
    let root = site.path();
    let public = root.join("public");
    std::fs::create_dir_all(&public).unwrap();
    let mounted = Command::new("mount")
        .args(["-t", "tmpfs", "stdportal-test"])
        .arg(&public)
        .status();
    if !mounted.is_ok_and(|s| s.success()) {
        assert!(
            std::env::var_os("STDPORTAL_REQUIRE_MOUNT_TEST").is_none(),
            "could not mount a tmpfs to test a mount point as output (.ci/run asks for this test when it runs as root)"
        );
        eprintln!("skipped: mounting a tmpfs needs root (.ci/run runs this test as root)");
        return;
    }
    struct Unmount(PathBuf);
    impl Drop for Unmount {
        fn drop(&mut self) {
            let _ = Command::new("umount").arg(&self.0).status();
        }
    }
    let _unmount = Unmount(public.clone());
    assert!(stdportal::output::publish::is_mount_point(&public));
    write(&public, "lost+found/keep", "the volume's own");
    // A volume that holds files is foreign until stdportal owns it.
    assert_refused(&quick_build(root, &[]), &["did not write"]);
    std::fs::remove_dir_all(public.join("lost+found")).unwrap();
    assert_success(&quick_build(root, &[]));
    assert!(public.join("index.html").is_file());
    write(
        root,
        "content/policies/gone.md",
        "+++\ntitle = \"将删除\"\n+++\n",
    );
    assert_success(&quick_build(root, &[]));
    assert!(public.join("policies/gone/index.html").is_file());
    std::fs::remove_file(root.join("content/policies/gone.md")).unwrap();
    write(&public, "mine.txt", "kept");
    assert_success(&quick_build(root, &[]));
    assert!(!public.join("policies/gone").exists());
    assert!(public.join("mine.txt").is_file());
    // What a fresh build makes, apart from stdportal's bookkeeping.
    let fresh = tempfile::tempdir().unwrap();
    let reference = fresh.path().join("out");
    assert_success(&quick_build(
        root,
        &["--output", reference.to_str().unwrap()],
    ));
    let mut built = snapshot(&public);
    built.remove(Path::new("mine.txt"));
    assert!(built == snapshot(&reference));
    let inside: Vec<String> = std::fs::read_dir(&public)
        .unwrap()
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with(".stdportal") && n != ".stdportal-manifest")
        .collect();
    assert!(inside.is_empty(), "{inside:?}");
}

#[test]
fn an_in_place_publish_killed_after_its_journal_is_completed_by_the_next_build() {
    let site = fixture("basic");
    let root = site.path();
    assert_success(&quick_build(root, &["--in-place"]));
    let public = root.join("public");
    // What a killed in-place publish leaves: a staged file and a journal naming it, and a
    // stale file to remove.
    let page = std::fs::read_to_string(public.join("policies/plan/index.html")).unwrap();
    let changed = page.replace("测试标准化门户", "已改");
    write(
        &public,
        ".stdportal-staging/policies/plan/index.html",
        &changed,
    );
    write(
        &public,
        ".stdportal-journal",
        "-\tsitemap.xml\n+\tpolicies/plan/index.html\n",
    );
    // The next build first completes the journal, then builds the site as its sources say.
    assert_success(&quick_build(root, &["--in-place"]));
    assert_eq!(
        std::fs::read_to_string(public.join("policies/plan/index.html")).unwrap(),
        page
    );
    assert!(public.join("sitemap.xml").is_file());
    assert!(!public.join(".stdportal-journal").exists());
    assert!(!public.join(".stdportal-staging").exists());
}

// 7. A theme linked outside the site.

#[test]
fn a_theme_folder_linked_outside_the_site_is_an_error() {
    let outside = tempfile::tempdir().unwrap();
    let copy = |from: &Path, to: &Path| {
        for entry in walkdir::WalkDir::new(from) {
            let entry = entry.unwrap();
            let target = to.join(entry.path().strip_prefix(from).unwrap());
            if entry.file_type().is_dir() {
                std::fs::create_dir_all(&target).unwrap();
            } else {
                std::fs::copy(entry.path(), &target).unwrap();
            }
        }
    };
    copy(&repo().join("themes"), outside.path());
    write(
        outside.path(),
        "default/static/secret.txt",
        "not for publishing",
    );
    assert_rejected_quickly(
        |root| {
            std::fs::remove_dir_all(root.join("themes")).unwrap();
            std::os::unix::fs::symlink(outside.path(), root.join("themes")).unwrap();
        },
        &[
            "themes: error: this is a link to",
            "outside the site",
            "copy the folder",
        ],
    );
    assert_rejected_quickly(
        |root| {
            std::fs::remove_dir_all(root.join("themes/default")).unwrap();
            std::os::unix::fs::symlink(outside.path().join("default"), root.join("themes/default"))
                .unwrap();
        },
        &[
            "themes/default: error: this is a link to",
            "outside the site",
        ],
    );
}

#[test]
fn public_as_a_link_publishes_into_its_target_and_keeps_the_link() {
    let site = fixture("basic");
    let root = site.path();
    let served = tempfile::tempdir().unwrap();
    let target = served.path().join("www");
    std::fs::create_dir_all(&target).unwrap();
    std::os::unix::fs::symlink(&target, root.join("public")).unwrap();
    assert_success(&quick_build(root, &[]));
    assert_success(&quick_build(root, &[]));
    assert!(root.join("public").is_symlink());
    assert!(target.join("index.html").is_file());
}

// 10. Crashes: a write limit.

#[test]
fn a_file_size_limit_gives_a_message_and_keeps_the_site() {
    use std::os::unix::process::CommandExt;
    let site = fixture("basic");
    let root = site.path();
    assert_success(&quick_build(root, &[]));
    write(
        root,
        "content/policies/new.md",
        "+++\ntitle = \"新页面\"\n+++\n正文\n",
    );
    let before = tree(root);
    let mut command = Command::new(env!("CARGO_BIN_EXE_stdportal"));
    command.args(["build", "--no-search", "--root"]).arg(root);
    // SAFETY: only setrlimit, which is async-signal-safe, runs between fork and exec.
    unsafe {
        command.pre_exec(|| {
            let limit = libc::rlimit {
                rlim_cur: 1024,
                rlim_max: libc::RLIM_INFINITY,
            };
            if libc::setrlimit(libc::RLIMIT_FSIZE, &limit) == 0 {
                Ok(())
            } else {
                Err(std::io::Error::last_os_error())
            }
        });
    }
    let output = command.output().unwrap();
    assert_refused(&output, &["cannot write the site", "ulimit -f"]);
    assert!(tree(root) == before);
}
