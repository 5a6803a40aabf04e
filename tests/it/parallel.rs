//! Pages are rendered and written in parallel. The output must not depend on it: a build on
//! one thread and a build on several give the same files, byte for byte.

#[path = "../../examples/gen_corpus.rs"]
#[allow(dead_code)]
mod gen_corpus;

use std::path::Path;
use std::process::Command;

use crate::support::*;

/// A build of `root` into `output` on `threads` threads, with the search index when `search`.
fn build_with_threads(root: &Path, output: &Path, threads: usize, search: bool) {
    let result = Command::new(stdportal_binary())
        .env("RAYON_NUM_THREADS", threads.to_string())
        .arg("build")
        .args((!search).then_some("--no-search"))
        .arg("--root")
        .arg(root)
        .arg("--output")
        .arg(output)
        .output()
        .expect("the stdportal binary runs");
    assert_success(&result);
}

fn assert_serial_equals_parallel(root: &Path, search: bool) {
    let serial = root.join("serial");
    let parallel = root.join("parallel");
    build_with_threads(root, &serial, 1, search);
    build_with_threads(root, &parallel, 4, search);
    let serial = snapshot(&serial);
    let parallel = snapshot(&parallel);
    assert_eq!(
        serial.keys().any(|p| p.starts_with("search/data/")),
        search,
        "the search index is built exactly when asked for"
    );
    assert!(serial.len() > 100, "a real site: {} files", serial.len());
    assert_eq!(
        serial.keys().collect::<Vec<_>>(),
        parallel.keys().collect::<Vec<_>>()
    );
    for (path, bytes) in &serial {
        assert!(
            parallel[path] == *bytes,
            "{} differs between the serial and the parallel build",
            path.display()
        );
    }
}

/// With the search index: the one test that checks the index does not depend on threads.
#[test]
fn example_portal_serial_equals_parallel() {
    let site = TestSite::example_portal();
    assert_serial_equals_parallel(site.root(), true);
}

#[test]
fn generated_corpus_serial_equals_parallel() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("site");
    gen_corpus::generate(&gen_corpus::Options {
        pages: 300,
        out: root.clone(),
        cities: 5,
        sections: 4,
        years: 3,
        seed: 7,
        // Short lists: many pager pages, rendered in parallel like everything else.
        paginate_by: Some(5),
        zola: false,
    })
    .expect("the corpus is written");
    assert_serial_equals_parallel(&root, false);
}
