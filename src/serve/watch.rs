//! Watching the site's sources with `notify` and handing debounced batches of changed files on.
//!
//! The debounce is our own rather than `notify-debouncer-full`: all we need is "wait until the
//! events stop for a moment", and a short, fixed quiet time keeps the save → reload latency
//! low and predictable.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::sync::mpsc::{self, RecvTimeoutError};
use std::time::{Duration, Instant};

use notify::{EventKind, RecursiveMode, Watcher};

use crate::error::io_error;
use crate::t;

/// The folders of a site whose changes affect the build (besides `config.toml`).
pub(super) const WATCHED_DIRS: [&str; 6] =
    ["content", "data", "themes", "templates", "i18n", "static"];

/// How long the events must stop before a batch is built. Editors write a file in several
/// steps (a probe file, a backup, the file itself, its metadata), all within a few ms.
pub(super) const QUIET: Duration = Duration::from_millis(30);

/// A batch is built at the latest this long after its first event, so a tool that keeps
/// writing (a long copy, a generator) still shows progress.
const MAX_WAIT: Duration = Duration::from_millis(1000);

/// Whether a change to `path` can affect the build of the site at `root`: `config.toml` and
/// anything under `WATCHED_DIRS`, except editors' temporary and backup files and hidden files.
/// Everything else (the output folder, `target/`, `.git/`) is ignored.
pub fn relevant(root: &Path, path: &Path) -> bool {
    let Ok(rel) = path.strip_prefix(root) else {
        return false;
    };
    let parts: Vec<String> = rel
        .components()
        .map(|c| c.as_os_str().to_string_lossy().into_owned())
        .collect();
    let Some(first) = parts.first() else {
        return false;
    };
    if parts.len() == 1 && first == "config.toml" {
        return true;
    }
    if !WATCHED_DIRS.contains(&first.as_str()) {
        return false;
    }
    // A leading dot covers vim's `.name.swp`, Emacs' lock files `.#name` and hidden folders.
    if parts.iter().any(|p| p.starts_with('.')) {
        return false;
    }
    let name = parts.last().map(String::as_str).unwrap_or_default();
    const TEMPORARY_SUFFIXES: [&str; 8] = [
        "~",
        ".swp",
        ".swx",
        ".swo",
        ".tmp",
        ".kate-swp",
        "___jb_tmp___",
        "___jb_old___",
    ];
    // 4913 is the file vim creates to probe whether it may write in a folder.
    !(name == "4913" || TEMPORARY_SUFFIXES.iter().any(|s| name.ends_with(s)))
}

/// Starts watching `root` and calls `on_batch` on a background thread with each debounced
/// batch of relevant changed paths (absolute, sorted, never empty). Batches never overlap:
/// changes made while `on_batch` runs form the next batch.
pub(super) fn spawn(
    root: PathBuf,
    mut on_batch: impl FnMut(Vec<PathBuf>) + Send + 'static,
) -> notify::Result<()> {
    let (tx, rx) = mpsc::channel::<notify::Result<notify::Event>>();
    let mut watcher = notify::recommended_watcher(move |event| {
        let _ = tx.send(event);
    })?;
    // The root itself only non-recursively: it holds `config.toml`, and sees a watched folder
    // being created, but its `public/` and `target/` may churn with thousands of writes.
    watcher.watch(&root, RecursiveMode::NonRecursive)?;
    for dir in WATCHED_DIRS {
        let path = root.join(dir);
        if path.is_dir() {
            watcher.watch(&path, RecursiveMode::Recursive)?;
        }
    }
    std::thread::Builder::new()
        .name("stdportal-watch".into())
        .spawn(move || {
            // The thread owns the watcher: it lives as long as batches are being produced.
            let mut watcher = watcher;
            let mut batch = BTreeSet::new();
            loop {
                let Ok(event) = rx.recv() else { return };
                take(&root, &mut watcher, event, &mut batch);
                if batch.is_empty() {
                    continue;
                }
                let first = Instant::now();
                loop {
                    match rx.recv_timeout(QUIET) {
                        Ok(event) => take(&root, &mut watcher, event, &mut batch),
                        Err(RecvTimeoutError::Timeout) => break,
                        Err(RecvTimeoutError::Disconnected) => return,
                    }
                    if first.elapsed() >= MAX_WAIT {
                        break;
                    }
                }
                on_batch(std::mem::take(&mut batch).into_iter().collect());
            }
        })
        .map_err(|e| {
            notify::Error::generic(&t!("serve-no-watcher-thread", error = io_error(&e)))
        })?;
    Ok(())
}

/// Adds the relevant paths of one event to `batch`.
fn take(
    root: &Path,
    watcher: &mut impl Watcher,
    event: notify::Result<notify::Event>,
    batch: &mut BTreeSet<PathBuf>,
) {
    let event = match event {
        Ok(event) => event,
        Err(e) => {
            warn!("{}", t!("serve-watch-error", error = e.to_string()));
            return;
        }
    };
    // Reading a file (the build itself does) must not trigger a build.
    if matches!(event.kind, EventKind::Access(_)) {
        return;
    }
    for path in event.paths {
        if !relevant(root, &path) {
            continue;
        }
        // A watched folder that was created (or deleted and created again, as a checkout
        // does) after we started needs a watch of its own.
        if path.parent() == Some(root)
            && path.is_dir()
            && matches!(event.kind, EventKind::Create(_) | EventKind::Modify(_))
        {
            if let Err(e) = watcher.watch(&path, RecursiveMode::Recursive) {
                warn!(
                    "{}",
                    t!(
                        "serve-cannot-watch",
                        path = path.display(),
                        error = e.to_string()
                    )
                );
            }
        }
        batch.insert(path);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sources_are_relevant_and_temporary_files_are_not() {
        let root = Path::new("/site");
        let yes = |rel: &str| relevant(root, &root.join(rel));
        assert!(yes("config.toml"));
        assert!(yes("content/policies/a.md"));
        assert!(yes("content"));
        assert!(yes("data/indicators.csv"));
        assert!(yes("themes/default/templates/base.html"));
        assert!(yes("templates/page.html"));
        assert!(yes("i18n/zh-Hans.toml"));
        assert!(yes("static/style.css"));
        for rel in [
            "content/policies/a.md~",
            "content/policies/.a.md.swp",
            "content/policies/a.md.swx",
            "content/policies/a.md.tmp",
            "content/policies/.#a.md",
            "content/policies/4913",
            "content/.git/index",
            "themes/default/.DS_Store",
            "public/index.html",
            "target/release/stdportal",
            "README.md",
            "config.toml~",
            "",
        ] {
            assert!(!yes(rel), "{rel} should be ignored");
        }
        assert!(!relevant(root, Path::new("/elsewhere/content/a.md")));
    }

    #[test]
    fn an_edit_arrives_as_one_debounced_batch() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path().canonicalize().unwrap();
        std::fs::create_dir_all(root.join("content")).unwrap();
        let (tx, rx) = mpsc::channel();
        spawn(root.clone(), move |batch| {
            let _ = tx.send(batch);
        })
        .unwrap();
        // Like vim: probe file, backup, swap file, then the file itself.
        let page = root.join("content/a.md");
        std::fs::write(root.join("content/4913"), "").unwrap();
        std::fs::remove_file(root.join("content/4913")).unwrap();
        std::fs::write(root.join("content/.a.md.swp"), "x").unwrap();
        std::fs::write(&page, "one").unwrap();
        std::fs::write(&page, "two").unwrap();
        let batch = rx.recv_timeout(Duration::from_secs(10)).unwrap();
        assert_eq!(batch, vec![page]);
        // A folder created later is watched too.
        std::fs::create_dir_all(root.join("static/css")).unwrap();
        std::thread::sleep(QUIET * 4);
        while rx.try_recv().is_ok() {}
        let css = root.join("static/css/a.css");
        std::fs::write(&css, "a{}").unwrap();
        let deadline = Instant::now() + Duration::from_secs(10);
        loop {
            let batch = rx.recv_timeout(deadline - Instant::now()).unwrap();
            if batch.contains(&css) {
                break;
            }
        }
    }
}
