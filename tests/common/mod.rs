//! Helpers for tests that run the real `stdportal` binary on fixture sites.
#![allow(dead_code)]

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

pub fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn copy_dir(from: &Path, to: &Path) {
    for entry in walkdir::WalkDir::new(from) {
        let entry = entry.unwrap();
        let target = to.join(entry.path().strip_prefix(from).unwrap());
        if entry.file_type().is_dir() {
            std::fs::create_dir_all(&target).unwrap();
        } else {
            std::fs::copy(entry.path(), &target).unwrap();
        }
    }
}

/// A temporary copy of `tests/fixtures/<name>` with the repository's default theme.
pub fn fixture(name: &str) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    copy_dir(&repo().join("tests/fixtures").join(name), dir.path());
    copy_dir(&repo().join("themes"), &dir.path().join("themes"));
    dir
}

/// A temporary copy of the example portal (configuration, content, data, theme), without its
/// built output.
pub fn example_portal() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    for part in ["content", "data", "themes", "static"] {
        let from = repo().join(part);
        if from.is_dir() {
            copy_dir(&from, &dir.path().join(part));
        }
    }
    std::fs::copy(repo().join("config.toml"), dir.path().join("config.toml")).unwrap();
    dir
}

pub fn stdportal(root: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_stdportal"))
        .args(args)
        .arg("--root")
        .arg(root)
        .output()
        .expect("the stdportal binary runs")
}

pub fn build(root: &Path) -> Output {
    stdportal(root, &["build"])
}

pub fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

pub fn assert_success(output: &Output) {
    assert!(
        output.status.success(),
        "stdportal failed:\n{}\n{}",
        String::from_utf8_lossy(&output.stdout),
        stderr(output)
    );
}

pub fn read(root: &Path, rel: &str) -> String {
    std::fs::read_to_string(root.join("public").join(rel))
        .unwrap_or_else(|e| panic!("public/{rel}: {e}"))
}

/// Every file under `dir` with its bytes, to prove a failed build changed nothing.
pub fn snapshot(dir: &Path) -> BTreeMap<PathBuf, Vec<u8>> {
    walkdir::WalkDir::new(dir)
        .into_iter()
        .flatten()
        .filter(|e| e.file_type().is_file())
        .map(|e| {
            (
                e.path().strip_prefix(dir).unwrap().to_path_buf(),
                std::fs::read(e.path()).unwrap(),
            )
        })
        .collect()
}

/// Builds, then applies `break_it`, builds again: the second build must fail with a message
/// containing every one of `expected`, and leave `public/` byte for byte as it was.
pub fn assert_rejected(name: &str, break_it: impl FnOnce(&Path), expected: &[&str]) {
    let site = fixture(name);
    let root = site.path();
    assert_success(&build(root));
    let before = snapshot(&root.join("public"));
    assert!(!before.is_empty());
    break_it(root);
    let output = build(root);
    let message = stderr(&output);
    assert_eq!(
        output.status.code(),
        Some(1),
        "expected exit 1, got {:?}\n{message}",
        output.status
    );
    for part in expected {
        assert!(
            message.contains(part),
            "the message should contain {part:?}:\n{message}"
        );
    }
    assert!(!message.contains("panicked"), "{message}");
    assert_eq!(
        snapshot(&root.join("public")),
        before,
        "public/ changed after a failed build"
    );
}
