//! A build never deletes, overwrites or publishes anything that is not the site's own: the
//! cases a probe of careless and hostile inputs found, each with the exit code, the message,
//! and the proof that `public/` and every file around it are byte for byte as they were.
//! (The cases that are a broken site, refused like any other, are rows of the table in
//! bad_input.rs: a file added by hand where the site writes, names that climb out or clash,
//! a theme linked outside the site; the file-size limit is there too.)

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use crate::support::*;

pub(crate) fn write(root: &Path, rel: &str, text: &str) {
    crate::support::write(&root.join(rel), text);
}

/// Builds without the search index (these tests are about files, not search).
pub(crate) fn quick_build(root: &Path, extra: &[&str]) -> Output {
    let mut args = vec!["build", "--no-search"];
    args.extend_from_slice(extra);
    Command::new(stdportal_binary())
        .args(&args)
        .arg("--root")
        .arg(root)
        .output()
        .expect("the stdportal binary runs")
}

// 1. `--output` deletes files it never wrote.

#[test]
fn output_inside_content_is_refused_and_nothing_is_touched() {
    let site = TestSite::basic();
    let root = site.root();
    let before = tree(root);
    let output = quick_build(root, &["--output", root.join("content").to_str().unwrap()]);
    assert_refused_output(
        &output,
        &["inside content/", "help: build into a folder of its own"],
    );
    assert_same_tree(&before, &tree(root), "a refused build");
    for folder in ["data", "themes", "content/policies"] {
        let output = quick_build(root, &["--output", root.join(folder).to_str().unwrap()]);
        assert_refused_output(&output, &["where the site's sources are"]);
    }
    assert_same_tree(&before, &tree(root), "a refused build");
}

#[test]
fn output_that_is_the_site_or_holds_it_is_refused() {
    let site = TestSite::basic();
    let root = site.root();
    let before = tree(root);
    let output = quick_build(root, &["--output", root.to_str().unwrap()]);
    assert_refused_output(&output, &["the site's own folder"]);
    let parent = root.parent().unwrap().to_str().unwrap().to_string();
    let output = quick_build(root, &["--output", &parent]);
    assert_refused_output(&output, &["holds the site itself"]);
    let output = quick_build(root, &["--output", "/"]);
    assert_refused_output(&output, &["holds the site itself"]);
    assert_same_tree(&before, &tree(root), "a refused build");
}

#[test]
fn output_that_is_the_home_folder_is_refused() {
    let site = TestSite::basic();
    let root = site.root();
    let home = tempfile::tempdir().unwrap();
    std::fs::write(home.path().join("notes.txt"), "mine").unwrap();
    let output = Command::new(stdportal_binary())
        .args(["build", "--no-search", "--force", "--output"])
        .arg(home.path())
        .arg("--root")
        .arg(root)
        .env("HOME", home.path())
        .output()
        .unwrap();
    assert_refused_output(&output, &["home folder"]);
    assert_eq!(std::fs::read_dir(home.path()).unwrap().count(), 1);
}

#[test]
fn a_folder_with_someone_elses_files_is_refused_then_kept_with_force() {
    let site = TestSite::basic();
    let root = site.root();
    let out = root.join("D");
    write(&out, "thesis.docx", "my thesis");
    write(&out, "photos/1.jpg", "a photo");
    std::fs::create_dir_all(out.join("empty")).unwrap();
    let before = tree(root);
    let output = quick_build(root, &["--output", out.to_str().unwrap()]);
    assert_refused_output(
        &output,
        &["did not write", "thesis.docx", "photos/", "--force"],
    );
    assert_same_tree(&before, &tree(root), "a refused build");

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
    let site = TestSite::basic();
    let root = site.root();
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
fn unchanged_files_keep_their_inode_and_modification_time() {
    use std::os::unix::fs::MetadataExt;
    let site = TestSite::basic();
    let root = site.root();
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
    let site = TestSite::basic();
    let root = site.root();
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

// 4. Concurrent builds mix sites.

#[test]
fn builds_of_one_site_at_once_never_mix() {
    let site = TestSite::basic();
    let root = site.root();
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
    let config_of = |round: usize| config.replace("测试标准化门户", &format!("门户Ver{round}Ver"));
    // Four builds 0.1 s apart, the configuration replaced (in one step, as an editor's save
    // does) before each.
    let mut running: Vec<std::process::Child> = (0..4)
        .map(|round| {
            write(root, "config.next", &config_of(round));
            std::fs::rename(root.join("config.next"), root.join("config.toml")).unwrap();
            let child = Command::new(stdportal_binary())
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
    // Builds wait for each other but need not finish in the order they started (a loaded
    // machine reorders them): what is published is one whole build, every page from the same
    // configuration.
    let public = root.join("public");
    let pages: Vec<_> = snapshot(&public)
        .into_iter()
        .filter(|(path, _)| path.extension().is_some_and(|e| e == "html"))
        .collect();
    assert!(pages.len() > 60, "{}", pages.len());
    let versions: BTreeSet<usize> = pages
        .into_iter()
        .map(|(path, bytes)| {
            let text = String::from_utf8(bytes).unwrap();
            let found: Vec<usize> = (0..4)
                .filter(|r| text.contains(&format!("Ver{r}Ver")))
                .collect();
            assert_eq!(found.len(), 1, "{} mixes builds: {found:?}", path.display());
            found[0]
        })
        .collect();
    assert_eq!(versions.len(), 1, "pages of several builds: {versions:?}");
    let version = *versions.first().unwrap();
    // Exactly what one build of that configuration makes.
    write(root, "config.toml", &config_of(version));
    let fresh = tempfile::tempdir().unwrap();
    let reference = fresh.path().join("out");
    assert_success(&quick_build(
        root,
        &["--output", reference.to_str().unwrap()],
    ));
    assert!(snapshot(&public) == snapshot(&reference));
    assert_no_leftovers(root);
}

// 5. The commit is not atomic; staging folders of killed builds stay.

#[test]
fn leftovers_of_a_killed_build_are_removed_by_the_next() {
    let site = TestSite::basic();
    let root = site.root();
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
    let site = TestSite::basic();
    let root = site.root();
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
    let output = Command::new(stdportal_binary())
        .args(["build", "--no-search", "--root"])
        .arg(root)
        .env(stdportal::output::SIMULATE_NO_EXCHANGE, "1")
        .output()
        .unwrap();
    assert_success(&output);
    assert!(snapshot(&root.join("public")) == before);
    assert_no_leftovers(root);
}

// 5b. A build killed at any moment: in crash.rs (the slowest test, run first).

// 6. public/ as a mount point (a Docker volume).

#[test]
#[ignore = "needs root to mount a tmpfs; CI runs it as root"]
fn a_mount_point_as_output_is_built_in_place() {
    let site = TestSite::basic();
    let root = site.root();
    let public = root.join("public");
    std::fs::create_dir_all(&public).unwrap();
    let mounted = Command::new("mount")
        .args(["-t", "tmpfs", "stdportal-test"])
        .arg(&public)
        .status();
    if !mounted.is_ok_and(|s| s.success()) {
        skip_or_fail(
            "safety_output::a_mount_point_as_output_is_built_in_place",
            "STDPORTAL_REQUIRE_MOUNT_TEST",
            "could not mount a tmpfs to test a mount point as output (it needs root; .ci/run asks for this test when it runs as root)",
        );
        return;
    }
    struct Unmount(PathBuf);
    impl Drop for Unmount {
        fn drop(&mut self) {
            let _ = Command::new("umount").arg(&self.0).status();
        }
    }
    let _unmount = Unmount(public.clone());
    assert!(stdportal::output::is_mount_point(&public));
    write(&public, "lost+found/keep", "the volume's own");
    // A volume that holds files is foreign until stdportal owns it.
    assert_refused_output(&quick_build(root, &[]), &["did not write"]);
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
    let site = TestSite::basic();
    let root = site.root();
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

#[test]
fn public_as_a_link_publishes_into_its_target_and_keeps_the_link() {
    let site = TestSite::basic();
    let root = site.root();
    let served = tempfile::tempdir().unwrap();
    let target = served.path().join("www");
    std::fs::create_dir_all(&target).unwrap();
    std::os::unix::fs::symlink(&target, root.join("public")).unwrap();
    assert_success(&quick_build(root, &[]));
    assert_success(&quick_build(root, &[]));
    assert!(root.join("public").is_symlink());
    assert!(target.join("index.html").is_file());
}

// 8. A stray journal, manifest or bookkeeping entry that leads out of the output through a
//    link (issue 20): every path is resolved beneath the output without following a link.

/// Links and a stray journal in a built site's `public/`: a folder link `evil/` and a file
/// link `leaf.html` to a folder outside the site, a journal that removes and creates through
/// them (and names `..`, an absolute path, a line of neither kind, bytes that are not UTF-8,
/// the manifest),
/// with a staged file for each creation.
fn plant_a_stray_journal(site: &TestSite) {
    let public = site.public();
    let outside = site.outside();
    write(outside, "keep.txt", "precious");
    write(outside, "sub/deep.txt", "deep");
    std::os::unix::fs::symlink(outside, public.join("evil")).unwrap();
    std::os::unix::fs::symlink(outside.join("keep.txt"), public.join("leaf.html")).unwrap();
    write(&public, ".stdportal-staging/evil/new.txt", "planted");
    write(&public, ".stdportal-staging/evil/sub/deep.txt", "planted");
    write(&public, ".stdportal-staging/leaf.html", "planted");
    let journal = [
        "-\tevil/keep.txt",
        "-\tevil/sub/deep.txt",
        "-\tevil/sub",
        "-\tleaf.html",
        "-\t../keep.txt",
        &format!("-\t{}", outside.join("keep.txt").display()),
        "rm -rf /",
        "+\tevil/new.txt",
        "+\tevil/sub/deep.txt",
        "+\tleaf.html",
    ]
    .join("\n");
    let mut bytes = journal.into_bytes();
    bytes.extend_from_slice(b"\n-\t\xff\xfe.html\n");
    // Removing the manifest would make the output someone else's (refused by every build).
    bytes.extend_from_slice(b"-\t.stdportal-manifest\n");
    crate::support::write(&public.join(".stdportal-journal"), bytes);
}

fn stray_journal_changes_nothing_outside(extra: &[&str], env: Option<&str>) {
    let site = TestSite::basic();
    let mut args = vec!["build", "--lang", "en"];
    args.extend_from_slice(extra);
    assert_success(&site.run(&args));
    plant_a_stray_journal(&site);
    let outside = tree(site.outside());
    let mut command = site.command(&args);
    if let Some(variable) = env {
        command.env(variable, "1");
    }
    let output = command.output().unwrap();
    assert_success(&output);
    let message = stderr(&output);
    for part in [
        "line 1: not carried out, “evil/keep.txt” is a link or leads through one",
        "line 5: not carried out, “../keep.txt” is not a path stdportal writes",
        "line 2: not carried out, “evil/sub/deep.txt” is a link or leads through one",
        "line 4: not carried out, “leaf.html” is not a file",
        "line 5: not carried out, “../keep.txt” is not a path stdportal writes",
        "7 more lines not carried out",
    ] {
        assert!(message.contains(part), "{part:?} in:\n{message}");
    }
    assert_same_tree(&outside, &tree(site.outside()), "a stray journal");
    // The links are the output's foreign entries: kept, as any file added by hand.
    assert!(site.public().join("evil").is_symlink());
    assert!(site.public().join("leaf.html").is_symlink());
    assert!(!site.public().join(".stdportal-journal").exists());
    assert!(!site.public().join(".stdportal-staging").exists());
    assert!(site.public().join("policies/plan/index.html").is_file());
}

#[test]
fn a_stray_journal_through_a_linked_folder_changes_nothing_outside_when_swapping() {
    stray_journal_changes_nothing_outside(&[], None);
}

#[test]
fn a_stray_journal_through_a_linked_folder_changes_nothing_outside_in_place() {
    stray_journal_changes_nothing_outside(&["--in-place"], None);
}

/// As on kernels before Linux 5.6: paths walked one folder at a time with `O_NOFOLLOW`.
#[test]
fn a_stray_journal_changes_nothing_outside_without_openat2() {
    for extra in [&[][..], &["--in-place"]] {
        stray_journal_changes_nothing_outside(extra, Some(stdportal::output::SIMULATE_NO_OPENAT2));
    }
}

#[test]
fn a_skipped_journal_line_is_said_in_chinese() {
    let site = TestSite::basic();
    site.built();
    plant_a_stray_journal(&site);
    let output = site.build(&["--lang", "zh-Hans"]);
    assert_success(&output);
    let message = stderr(&output);
    assert!(
        message.contains(
            "第 1 行没有执行：“evil/keep.txt”是一个链接或经过链接，stdportal 从不顺着输出文件夹里的链接操作"
        ),
        "{message}"
    );
}

/// A journal that is a link (to a file outside), a pipe (reading it would hang) or a folder is
/// not stdportal's: removed with a message, never read or followed.
#[test]
fn a_journal_that_is_a_link_a_pipe_or_a_folder_is_removed_not_followed() {
    let site = TestSite::basic();
    assert_success(&site.build(&["--in-place"]));
    let public = site.public();
    write(site.outside(), "journal", "-\tindex.html\n");
    let journal = public.join(".stdportal-journal");
    let outside = tree(site.outside());
    for kind in ["link", "pipe", "folder"] {
        match kind {
            "link" => std::os::unix::fs::symlink(site.outside().join("journal"), &journal).unwrap(),
            "pipe" => assert!(Command::new("mkfifo")
                .arg(&journal)
                .status()
                .unwrap()
                .success()),
            _ => write(&journal, "x/y", "-\tindex.html\n"),
        }
        let output = site.build(&["--in-place"]);
        assert_success(&output);
        assert!(
            stderr(&output).contains("was not what stdportal keeps there"),
            "{kind}: {}",
            stderr(&output)
        );
        assert!(std::fs::symlink_metadata(&journal).is_err(), "{kind}");
        assert!(public.join("index.html").is_file(), "{kind}");
    }
    assert_same_tree(
        &outside,
        &tree(site.outside()),
        "a journal that is not a file",
    );
}

/// A staging folder that is a link: moving "staged" files from it would take files from
/// outside (a rename removes them there).
#[test]
fn a_staging_folder_that_is_a_link_is_never_followed() {
    let site = TestSite::basic();
    assert_success(&site.build(&["--in-place"]));
    let public = site.public();
    write(site.outside(), "policies/plan/index.html", "someone's file");
    write(site.outside(), "secret.txt", "secret");
    std::os::unix::fs::symlink(site.outside(), public.join(".stdportal-staging")).unwrap();
    write(
        &public,
        ".stdportal-journal",
        "+\tpolicies/plan/index.html\n+\tsecret.txt\n",
    );
    let outside = tree(site.outside());
    let output = site.build(&["--in-place"]);
    assert_success(&output);
    assert!(stderr(&output).contains("was not what stdportal keeps there"));
    assert_same_tree(&outside, &tree(site.outside()), "a linked staging folder");
    assert!(!public.join("secret.txt").exists());
    assert!(!site
        .read("policies/plan/index.html")
        .contains("someone's file"));
}

/// The manifest lists files stdportal may remove: one that names files through a linked
/// folder removes nothing outside (in either mode), and a manifest that is itself a link or
/// a pipe is refused with a message, nothing touched.
#[test]
fn a_manifest_naming_files_through_a_linked_folder_removes_nothing_outside() {
    for extra in [&[][..], &["--in-place"]] {
        let site = TestSite::basic();
        assert_success(&site.build(extra));
        let public = site.public();
        write(site.outside(), "keep.txt", "precious");
        std::os::unix::fs::symlink(site.outside(), public.join("evil")).unwrap();
        let manifest = public.join(".stdportal-manifest");
        let listed = std::fs::read_to_string(&manifest).unwrap();
        std::fs::write(&manifest, format!("{listed}evil/keep.txt\nevil\n")).unwrap();
        let outside = tree(site.outside());
        assert_success(&site.build(extra));
        assert_success(&site.build(extra));
        assert_same_tree(&outside, &tree(site.outside()), "a manifest through a link");
        assert!(public.join("evil").is_symlink());
    }
}

#[test]
fn a_manifest_that_is_a_link_or_a_pipe_is_refused() {
    let site = TestSite::basic();
    site.built();
    let manifest = site.public().join(".stdportal-manifest");
    let listed = std::fs::read(&manifest).unwrap();
    crate::support::write(&site.outside().join("manifest"), &listed);
    std::fs::remove_file(&manifest).unwrap();
    std::os::unix::fs::symlink(site.outside().join("manifest"), &manifest).unwrap();
    site.output_rejected_with(
        &[],
        &[
            "the list of published files",
            "is a link, a folder or a pipe, not a file",
            "help: remove it",
        ],
    );
    std::fs::remove_file(&manifest).unwrap();
    assert!(Command::new("mkfifo")
        .arg(&manifest)
        .status()
        .unwrap()
        .success());
    site.output_rejected_with(&[], &["is a link, a folder or a pipe, not a file"]);
    site.output_rejected_with(
        &["--lang", "zh-Hans"],
        &["已发布文件的清单", "是链接、文件夹或管道，不是文件"],
    );
}

/// stdportal's own entries beside the output (`.stdportal-public-trash`, `-lock`, `-next`,
/// `-old`) that are links: a linked trash folder used to be emptied, target and all, and a
/// linked lock file had its target truncated.
#[test]
fn own_entries_beside_the_output_that_are_links_are_never_followed() {
    let site = TestSite::basic();
    site.built();
    let root = site.root();
    let outside = site.outside();
    write(outside, "documents/report.docx", "a report");
    write(outside, "notes.txt", "my notes");
    write(outside, "old/index.html", "not a site");
    let before = tree(outside);
    let link = |target: &str, name: &str| {
        let _ = std::fs::remove_file(root.join(name));
        let _ = std::fs::remove_dir_all(root.join(name));
        std::os::unix::fs::symlink(outside.join(target), root.join(name)).unwrap();
    };
    link("documents", ".stdportal-public-trash");
    link("notes.txt", ".stdportal-public-lock");
    link("documents", ".stdportal-public-next");
    assert_success(&site.build(&[]));
    // Again, with the trash filled by the last build and linked anew.
    link("documents", ".stdportal-public-trash");
    let output = site.build(&[]);
    assert_success(&output);
    assert!(stderr(&output).contains("was not what stdportal keeps there"));
    // An output moved aside by a killed build is put back only if it is a real folder.
    std::fs::rename(site.public(), root.join("public-gone")).unwrap();
    link("old", ".stdportal-public-old");
    assert_success(&site.build(&[]));
    assert!(!site.public().is_symlink());
    assert!(site.public().join("policies/plan/index.html").is_file());
    // Give the trash a moment to be emptied in the background.
    std::thread::sleep(std::time::Duration::from_millis(300));
    assert_same_tree(&before, &tree(outside), "stdportal's own entries as links");
}

// 9. A closed stdout (`stdportal build | true`): the command's work is done, only its report
//    has no reader. No panic; a build that published exits 0, as cargo and git do.

/// Runs `stdportal ARGS` with stdout a pipe whose reading end is closed before it writes.
fn with_closed_stdout(site: &TestSite, args: &[&str]) -> Output {
    let mut child = site
        .command(args)
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    drop(child.stdout.take());
    child.wait_with_output().unwrap()
}

#[test]
fn a_closed_stdout_does_not_fail_a_build_check_or_help() {
    let site = TestSite::basic();
    let output = with_closed_stdout(&site, &["build"]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    assert!(!stderr(&output).contains("panicked"));
    assert!(site.public().join("policies/plan/index.html").is_file());
    // check keeps its own verdict.
    let check = site.run(&["check"]).status.code();
    let output = with_closed_stdout(&site, &["check"]);
    assert_eq!(output.status.code(), check, "{}", stderr(&output));
    assert!(!stderr(&output).contains("panicked"));
    for args in [&["--help"][..], &["build", "--help"], &["--version"]] {
        let mut child = Command::new(stdportal_binary())
            .args(args)
            .stdout(std::process::Stdio::piped())
            .stderr(std::process::Stdio::piped())
            .spawn()
            .unwrap();
        drop(child.stdout.take());
        let output = child.wait_with_output().unwrap();
        assert_eq!(
            output.status.code(),
            Some(0),
            "{args:?}: {}",
            stderr(&output)
        );
        assert!(!stderr(&output).contains("panicked"));
    }
    // A failed build still fails, with a closed stderr too.
    site.page("policies/bad.md", "no front matter");
    let mut child = site
        .command(&["build"])
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    drop(child.stdout.take());
    drop(child.stderr.take());
    assert_eq!(child.wait().unwrap().code(), Some(1));
}

#[test]
fn serve_keeps_serving_when_its_log_has_no_reader() {
    use std::io::{BufRead, Read, Write};
    let site = TestSite::basic();
    let mut child = site
        .command(&["serve", "--port", "0"])
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::null())
        .spawn()
        .unwrap();
    let mut lines = std::io::BufReader::new(child.stdout.take().unwrap()).lines();
    let url = lines
        .by_ref()
        .map_while(Result::ok)
        .find_map(|l| {
            l.split_whitespace()
                .find(|w| w.starts_with("http://"))
                .map(str::to_string)
        })
        .expect("a Serving line");
    drop(lines);
    let addr = url
        .trim_start_matches("http://")
        .trim_end_matches('/')
        .to_string();
    let get = || {
        let mut stream = std::net::TcpStream::connect(&addr).unwrap();
        write!(
            stream,
            "GET /policies/plan/ HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n"
        )
        .unwrap();
        let mut response = String::new();
        let _ = stream.read_to_string(&mut response);
        response
    };
    // Each rebuild logs a line into the closed pipe. (Edited again until one is seen: the
    // watcher may start a moment after the first line.)
    for round in 0..2 {
        let title = format!("改过的规划{round}");
        let deadline = std::time::Instant::now() + std::time::Duration::from_secs(30);
        let mut edited = std::time::Instant::now() - std::time::Duration::from_secs(10);
        while !get().contains(&title) {
            assert!(
                std::time::Instant::now() < deadline,
                "{title} was never served"
            );
            assert!(child.try_wait().unwrap().is_none(), "serve stopped");
            if edited.elapsed() > std::time::Duration::from_secs(2) {
                site.page(
                    "policies/plan.md",
                    &format!("+++\ntitle = \"{title}\"\n+++\n正文\n"),
                );
                edited = std::time::Instant::now();
            }
            std::thread::sleep(std::time::Duration::from_millis(100));
        }
    }
    assert!(child.try_wait().unwrap().is_none(), "serve stopped");
    let _ = child.kill();
    let _ = child.wait();
}
