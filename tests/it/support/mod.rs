//! What the tests share: a temporary site to edit, build and check ([`TestSite`]), the real
//! `stdportal` binary, snapshots of folders, and the rule for tests that need a tool.

pub mod bounded;
pub mod internals;
pub mod links;
pub mod word;
pub mod workbooks;

use std::cell::OnceCell;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

pub fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// The `stdportal` binary that cargo built for these tests. Its messages are in English
/// (`STDPORTAL_LANG=en`, which every command started from here inherits), whatever this
/// machine's locale: the tests match English text; those of the Chinese messages pass
/// `--lang` ([`TestSite::rejected_in`]).
pub fn stdportal_binary() -> &'static str {
    static ENGLISH: std::sync::Once = std::sync::Once::new();
    // Set once, before the first command starts, to the same value in every thread.
    ENGLISH.call_once(|| std::env::set_var("STDPORTAL_LANG", "en"));
    env!("CARGO_BIN_EXE_stdportal")
}

pub fn copy_dir(from: &Path, to: &Path) {
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

/// Writes `bytes` to `path`, creating its folders.
pub fn write(path: &Path, bytes: impl AsRef<[u8]>) {
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    std::fs::write(path, bytes).unwrap();
}

/// The line in the `basic` fixture's config.toml that turns the search index off: most tests
/// are not about search, and the index is the slowest part of a build. [`TestSite::with_search`]
/// removes it.
const SEARCH_OFF: &str = "search = false\n";

/// A temporary copy of a site (the `basic` fixture or the example portal) to change, build and
/// look at. Builds run the real binary; the folder goes when the value is dropped.
///
/// ```ignore
/// let site = TestSite::basic();
/// site.page("policies/new.md", "+++\ntitle = \"新\"\n+++\n正文\n");
/// site.built();
/// assert!(site.read("policies/new/index.html").contains("正文"));
/// ```
pub struct TestSite {
    dir: tempfile::TempDir,
    /// Whether builds make the search index.
    search: bool,
    /// A folder beside the site, for links that point out of it.
    outside: OnceCell<tempfile::TempDir>,
}

impl TestSite {
    /// `tests/fixtures/basic` with the repository's default theme, search off.
    pub fn basic() -> TestSite {
        TestSite::fixture("basic")
    }

    /// A site of `tests/fixtures/` with the repository's default theme, search off.
    pub fn fixture(name: &str) -> TestSite {
        let dir = tempfile::tempdir().unwrap();
        copy_dir(&repo().join("tests/fixtures").join(name), dir.path());
        copy_dir(&repo().join("themes"), &dir.path().join("themes"));
        let config = std::fs::read_to_string(dir.path().join("config.toml")).unwrap();
        assert!(
            config.contains(SEARCH_OFF),
            "tests/fixtures/{name}/config.toml turns search off"
        );
        TestSite {
            dir,
            search: false,
            outside: OnceCell::new(),
        }
    }

    /// The example portal of this repository (configuration, content, data, theme, static
    /// files) without its built output; builds skip the search index (`--no-search`).
    pub fn example_portal() -> TestSite {
        let dir = tempfile::tempdir().unwrap();
        for part in ["content", "data", "themes", "static"] {
            let from = repo().join(part);
            if from.is_dir() {
                copy_dir(&from, &dir.path().join(part));
            }
        }
        std::fs::copy(repo().join("config.toml"), dir.path().join("config.toml")).unwrap();
        TestSite {
            dir,
            search: false,
            outside: OnceCell::new(),
        }
    }

    /// For tests about search: builds (and `serve`) make the search index.
    pub fn with_search(mut self) -> TestSite {
        let path = self.path("config.toml");
        let config = std::fs::read_to_string(&path).unwrap();
        std::fs::write(&path, config.replacen(SEARCH_OFF, "", 1)).unwrap();
        self.search = true;
        self
    }

    pub fn root(&self) -> &Path {
        self.dir.path()
    }

    /// A path in the site: `site.path("content/policies/plan.md")`.
    pub fn path(&self, rel: &str) -> PathBuf {
        self.root().join(rel)
    }

    /// The output folder of a plain `build`.
    pub fn public(&self) -> PathBuf {
        self.path("public")
    }

    /// A folder outside the site, kept as long as the site.
    pub fn outside(&self) -> &Path {
        self.outside
            .get_or_init(|| tempfile::tempdir().unwrap())
            .path()
    }

    /// Writes `content/<rel>`.
    pub fn page(&self, rel: &str, text: &str) -> &Self {
        self.file(&format!("content/{rel}"), text)
    }

    /// Writes any file of the site, creating its folders.
    pub fn file(&self, rel: &str, bytes: impl AsRef<[u8]>) -> &Self {
        write(&self.path(rel), bytes);
        self
    }

    /// Makes `rel` in `public/` a file an editor put there by hand: its bytes replaced and
    /// its line taken out of the manifest of the last build (which must have written it).
    pub fn replace_output_file_by_hand(&self, rel: &str, bytes: &str) {
        let manifest = self.public().join(".stdportal-manifest");
        let text = std::fs::read_to_string(&manifest).unwrap();
        assert!(
            text.lines().any(|l| l == rel),
            "{rel} is not in the manifest:\n{text}"
        );
        let text: String = text
            .lines()
            .filter(|l| *l != rel)
            .map(|l| format!("{l}\n"))
            .collect();
        std::fs::write(&manifest, text).unwrap();
        std::fs::write(self.public().join(rel), bytes).unwrap();
    }

    /// Reads a file of the site (not of the output: see [`TestSite::read`]).
    pub fn source(&self, rel: &str) -> String {
        std::fs::read_to_string(self.path(rel)).unwrap_or_else(|e| panic!("{rel}: {e}"))
    }

    /// Rewrites a text file of the site; the change must change it.
    pub fn edit(&self, rel: &str, change: impl FnOnce(String) -> String) -> &Self {
        let text = self.source(rel);
        let changed = change(text.clone());
        assert_ne!(text, changed, "the edit must change {rel}");
        std::fs::write(self.path(rel), changed).unwrap();
        self
    }

    /// Replaces the first `from` in config.toml (which must be there) with `to`.
    pub fn config(&self, from: &str, to: &str) -> &Self {
        self.edit("config.toml", |text| {
            assert!(text.contains(from), "{from} not in config.toml");
            text.replacen(from, to, 1)
        })
    }

    pub fn remove(&self, rel: &str) -> &Self {
        let path = self.path(rel);
        if path.is_dir() {
            std::fs::remove_dir_all(path).unwrap();
        } else {
            std::fs::remove_file(path).unwrap();
        }
        self
    }

    /// `stdportal ARGS --root ROOT`, with `--no-search` after `build` unless the site has
    /// search on.
    pub fn command(&self, args: &[&str]) -> Command {
        let mut command = Command::new(stdportal_binary());
        command.args(args);
        if args.first() == Some(&"build") && !self.search {
            command.arg("--no-search");
        }
        command.arg("--root").arg(self.root());
        command
    }

    pub fn run(&self, args: &[&str]) -> Output {
        self.command(args)
            .output()
            .expect("the stdportal binary runs")
    }

    /// `stdportal build EXTRA`.
    pub fn build(&self, extra: &[&str]) -> Output {
        let mut args = vec!["build"];
        args.extend_from_slice(extra);
        self.run(&args)
    }

    /// Builds into `public/`; the build must succeed.
    pub fn built(&self) -> &Self {
        assert_success(&self.build(&[]));
        self
    }

    /// A file of the output: `site.read("policies/plan/index.html")`.
    pub fn read(&self, rel: &str) -> String {
        std::fs::read_to_string(self.public().join(rel))
            .unwrap_or_else(|e| panic!("public/{rel}: {e}"))
    }

    /// The whole site folder (sources and output), to prove a build changed nothing.
    pub fn tree(&self) -> Tree {
        tree(self.root())
    }

    /// Builds: the build must fail with exit code 1, a message with every one of `expected`
    /// and no panic, and leave the whole folder (sources and the previous `public/`) as it was.
    /// Returns the message.
    pub fn rejected(&self, expected: &[&str]) -> String {
        self.rejected_with(&[], expected)
    }

    /// Like [`TestSite::rejected`], with messages in `lang` (`zh-Hans`, `zh-Hant`, `en`).
    pub fn rejected_in(&self, lang: &str, expected: &[&str]) -> String {
        self.rejected_with(&["--lang", lang], expected)
    }

    /// Like [`TestSite::rejected`], for `build EXTRA`.
    pub fn rejected_with(&self, extra: &[&str], expected: &[&str]) -> String {
        self.refused_with(1, extra, expected)
    }

    /// Like [`TestSite::rejected_with`], for a build refused by its output folder or the
    /// machine: exit code 2.
    pub fn output_rejected_with(&self, extra: &[&str], expected: &[&str]) -> String {
        self.refused_with(2, extra, expected)
    }

    fn refused_with(&self, code: i32, extra: &[&str], expected: &[&str]) -> String {
        let before = self.tree();
        let output = self.build(extra);
        let message = assert_exit(&output, code, expected);
        let after = self.tree();
        assert_same_tree(&before, &after, "a failed build");
        message
    }
}

pub fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

pub fn stdout(output: &Output) -> String {
    String::from_utf8_lossy(&output.stdout).into_owned()
}

pub fn assert_success(output: &Output) {
    assert!(
        output.status.success(),
        "stdportal failed ({}):\n{}\n{}",
        output.status,
        stdout(output),
        stderr(output)
    );
}

/// Exit code 1 (the site has problems), every part of the message on stderr, and no panic.
/// Returns the message.
pub fn assert_refused(output: &Output, expected: &[&str]) -> String {
    assert_exit(output, 1, expected)
}

/// Exit code 2 (usage or environment: an output folder refused, the disk, the machine), every
/// part of the message on stderr, and no panic. Returns the message.
pub fn assert_refused_output(output: &Output, expected: &[&str]) -> String {
    assert_exit(output, 2, expected)
}

/// Exit code `code`, every part of the message on stderr, and no panic.
pub fn assert_exit(output: &Output, code: i32, expected: &[&str]) -> String {
    let message = stderr(output);
    assert_eq!(
        output.status.code(),
        Some(code),
        "expected exit {code}, got {}:\n{message}",
        output.status
    );
    for part in expected {
        assert!(
            message.contains(part),
            "the message should contain {part:?}:\n{message}"
        );
    }
    assert!(!message.contains("panicked"), "{message}");
    message
}

/// Every file under `dir` with its bytes.
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

/// Every file, folder and link under a folder: files with their bytes, links with their
/// targets, folders as `None`.
pub type Tree = BTreeMap<PathBuf, Option<Vec<u8>>>;

/// The tree under `dir`, except stdportal's lock files (which hold the id of the last process
/// that took them) and its trash folders (what earlier builds replaced, emptied in the
/// background by later builds).
pub fn tree(dir: &Path) -> Tree {
    walkdir::WalkDir::new(dir)
        .min_depth(1)
        .into_iter()
        .filter_entry(|e| {
            let name = e.file_name().to_string_lossy();
            !(name.starts_with(".stdportal")
                && (name.ends_with("-lock") || name.ends_with("-trash")))
        })
        .flatten()
        .map(|e| {
            let rel = e.path().strip_prefix(dir).unwrap().to_path_buf();
            let kind = e.file_type();
            let value = if kind.is_symlink() {
                Some(
                    std::fs::read_link(e.path())
                        .unwrap()
                        .into_os_string()
                        .into_encoded_bytes(),
                )
            } else if kind.is_file() {
                Some(std::fs::read(e.path()).unwrap())
            } else {
                None
            };
            (rel, value)
        })
        .collect()
}

/// Equal trees, or the paths that differ.
pub fn assert_same_tree(before: &Tree, after: &Tree, what: &str) {
    if before == after {
        return;
    }
    let differing: Vec<String> = before
        .keys()
        .chain(after.keys())
        .filter(|p| before.get(*p) != after.get(*p))
        .map(|p| p.display().to_string())
        .collect::<std::collections::BTreeSet<_>>()
        .into_iter()
        .collect();
    panic!("{what} changed files: {differing:?}");
}

/// Names beside the output that a build may leave: its lock and its trash. Anything else with
/// "stdportal" in its name is a leftover (a staging folder).
pub fn assert_no_leftovers(root: &Path) {
    let leftovers: Vec<String> = std::fs::read_dir(root)
        .unwrap()
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.contains("stdportal") && !n.ends_with("-lock") && !n.ends_with("-trash"))
        .collect();
    assert!(leftovers.is_empty(), "leftovers: {leftovers:?}");
}

/// What a test that needs a tool does without it. With `required_by` set in the environment
/// (`.ci/run` sets it), the test fails saying what is missing; otherwise it prints that it is
/// skipped and why, and the caller returns.
pub fn skip_or_fail(test: &str, required_by: &str, missing: &str) {
    assert!(
        std::env::var_os(required_by).is_none(),
        "{test}: {missing}, and {required_by} is set, so this test must run"
    );
    // Straight to stderr, past the test harness's capture, so it shows in a plain `cargo test`.
    use std::io::Write;
    let _ = writeln!(
        std::io::stderr(),
        "SKIPPED {test}: {missing} (set {required_by}=1 to make this a failure)"
    );
}

/// What a browser test runs with: Chromium and the folder of its Node scripts.
pub struct Browser {
    pub chromium: PathBuf,
    pub scripts: PathBuf,
}

/// Chromium, Node.js and playwright-core, plus the Node `modules` and (with `fonts`) the Noto
/// CJK fonts a test needs; `None`, after [`skip_or_fail`], when something is missing.
pub fn browser(test: &str, modules: &[&str], fonts: bool) -> Option<Browser> {
    let chromium = std::env::var_os("CHROMIUM")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from("/usr/bin/chromium"));
    let scripts = repo().join("tests/browser");
    let node = Command::new("node")
        .arg("--version")
        .output()
        .is_ok_and(|o| o.status.success());
    let have_fonts = !fonts
        || Command::new("fc-list")
            .output()
            .is_ok_and(|o| String::from_utf8_lossy(&o.stdout).contains("Noto Sans CJK"));
    let mut missing = Vec::new();
    if !chromium.exists() {
        missing.push(format!("Chromium at {}", chromium.display()));
    }
    if !node {
        missing.push("node".to_string());
    }
    for module in std::iter::once(&"playwright-core").chain(modules) {
        if !scripts
            .join("node_modules")
            .join(module)
            .join("package.json")
            .exists()
        {
            missing.push(format!("tests/browser/node_modules/{module}"));
        }
    }
    if !have_fonts {
        missing.push("the Noto CJK fonts".to_string());
    }
    if missing.is_empty() {
        return Some(Browser { chromium, scripts });
    }
    skip_or_fail(
        test,
        "STDPORTAL_REQUIRE_BROWSER",
        &format!(
            "missing {}; run `bash scripts/browser-test-setup.sh`",
            missing.join(", ")
        ),
    );
    None
}
