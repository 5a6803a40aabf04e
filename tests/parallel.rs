//! Pages are rendered and written in parallel. The output must not depend on it: a build on
//! one thread and a build on several give the same files, byte for byte.

mod common;

#[path = "../examples/gen_corpus.rs"]
#[allow(dead_code)]
mod gen_corpus;

use std::path::Path;
use std::process::Command;

fn build_with_threads(root: &Path, output: &Path, threads: usize) {
    let result = Command::new(env!("CARGO_BIN_EXE_stdportal"))
        .env("RAYON_NUM_THREADS", threads.to_string())
        .arg("build")
        .arg("--root")
        .arg(root)
        .arg("--output")
        .arg(output)
        .output()
        .expect("the stdportal binary runs");
    common::assert_success(&result);
}

fn assert_serial_equals_parallel(root: &Path) {
    let serial = root.join("serial");
    let parallel = root.join("parallel");
    build_with_threads(root, &serial, 1);
    build_with_threads(root, &parallel, 4);
    let serial = common::snapshot(&serial);
    let parallel = common::snapshot(&parallel);
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

#[test]
fn example_portal_serial_equals_parallel() {
    let site = common::example_portal();
    assert_serial_equals_parallel(site.path());
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
    })
    .expect("the corpus is written");
    assert_serial_equals_parallel(&root);
}
