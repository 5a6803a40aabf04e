//! The search part of the benchmark (included by `bench.rs`): on the pages a search build just
//! made, the index's size, the bytes ten fixed queries download, and the same for Pagefind 1.6
//! run standalone over the same pages when its npm package is installed.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::Instant;

use stdportal::search::query::{Filters, Searcher};
use stdportal::search::INDEX_DIR;

/// Ten fixed queries, written from `gen_corpus`'s vocabulary: one, two and three words,
/// a phrase, a number with a unit, a title, and one in no page.
pub const QUERIES: [&str; 10] = [
    "标准化",
    "品牌建设",
    "团体标准培育",
    "营商环境",
    "计量溯源体系",
    "标准化 品牌建设",
    "质量基础设施建设 检验检测",
    "2025年",
    "实施意见(42号)",
    "量子计算机",
];

/// Where Pagefind's extended binary is, if installed (`npm install pagefind@1.6.0` in `dir`,
/// or the binary itself).
pub fn pagefind_binary(dir: Option<&Path>) -> Option<PathBuf> {
    let candidates: Vec<PathBuf> = match dir {
        Some(d) if d.is_file() => vec![d.to_path_buf()],
        Some(d) => vec![d.join("node_modules/@pagefind/linux-x64/bin/pagefind_extended")],
        None => vec![
            PathBuf::from("target/pagefind/node_modules/@pagefind/linux-x64/bin/pagefind_extended"),
            PathBuf::from("node_modules/@pagefind/linux-x64/bin/pagefind_extended"),
        ],
    };
    candidates.into_iter().find(|p| p.is_file())
}

/// Bytes and files under a folder.
pub fn disk_size(dir: &Path) -> (u64, usize) {
    let mut bytes = 0;
    let mut files = 0;
    for entry in walkdir::WalkDir::new(dir).into_iter().flatten() {
        if entry.file_type().is_file() {
            bytes += entry.metadata().map_or(0, |m| m.len());
            files += 1;
        }
    }
    (bytes, files)
}

/// A child's wall time, CPU time (user + system) and peak RSS, from `wait4`.
pub struct Usage {
    pub wall_ms: f64,
    pub cpu_ms: f64,
    pub rss_mb: f64,
    pub ok: bool,
}

pub fn run_measured(command: &mut Command) -> Usage {
    run_measured_output(command.stderr(Stdio::null())).0
}

/// The `built` event of a build run with `--message-format json` (docs/EVENTS.md): its pages,
/// timings and peak memory. Panics, with what the build wrote, when it failed or said nothing.
pub fn built_event(usage: &Usage, stdout: &[u8]) -> serde_json::Value {
    let stdout = String::from_utf8_lossy(stdout);
    assert!(usage.ok, "build failed:\n{stdout}");
    stdout
        .lines()
        .filter_map(|line| serde_json::from_str::<serde_json::Value>(line).ok())
        .find(|event| event["event"] == "built")
        .unwrap_or_else(|| panic!("no `built` event:\n{stdout}"))
}

/// [`run_measured`], also returning what the child wrote to its standard output. CPU time is
/// reported besides wall time because the machine is shared: other processes stretch the wall
/// time of a build much more than its CPU time.
// The child is reaped by `wait4` (which also gives its resource use), not `Child::wait`.
#[allow(clippy::zombie_processes)]
pub fn run_measured_output(command: &mut Command) -> (Usage, Vec<u8>) {
    use std::io::Read;
    let started = Instant::now();
    let mut child = command
        .stdout(Stdio::piped())
        .spawn()
        .expect("the command runs");
    let mut stdout = Vec::new();
    if let Some(mut out) = child.stdout.take() {
        let _ = out.read_to_end(&mut stdout);
    }
    let mut status = 0;
    // SAFETY: an all-zero rusage is valid; wait4 fills it for this child, which we own and
    // have not waited for.
    let mut usage: libc::rusage = unsafe { std::mem::zeroed() };
    let pid = child.id() as libc::pid_t;
    let waited = unsafe { libc::wait4(pid, &mut status, 0, &mut usage) };
    let wall_ms = started.elapsed().as_secs_f64() * 1000.0;
    let tv = |t: libc::timeval| t.tv_sec as f64 * 1000.0 + t.tv_usec as f64 / 1000.0;
    let usage = Usage {
        wall_ms,
        cpu_ms: tv(usage.ru_utime) + tv(usage.ru_stime),
        rss_mb: usage.ru_maxrss as f64 / 1024.0,
        ok: waited == pid && libc::WIFEXITED(status) && libc::WEXITSTATUS(status) == 0,
    };
    (usage, stdout)
}

/// Per query: (bytes, files, results shown), for stdportal and for Pagefind when given.
pub struct QueryBytes {
    pub how: String,
    pub ours: Vec<(u64, usize, usize)>,
    pub pagefind: Option<Vec<(u64, usize, usize)>>,
}

/// Measured in Chromium when it and playwright-core are there (`search_bytes.mjs`), else
/// with the Rust copy of the client (stdportal only).
pub fn query_bytes(repo: &Path, public: &Path, pagefind: Option<&Path>) -> QueryBytes {
    query_bytes_of(repo, public, pagefind, &QUERIES)
}

/// [`query_bytes`] for the given queries.
pub fn query_bytes_of(
    repo: &Path,
    public: &Path,
    pagefind: Option<&Path>,
    queries: &[&str],
) -> QueryBytes {
    let browser = repo
        .join("tests/browser/node_modules/playwright-core/package.json")
        .exists()
        && Path::new("/usr/bin/chromium").exists();
    if browser {
        let mut child = Command::new("node")
            .arg(repo.join("examples/search_bytes.mjs"))
            .arg(public)
            .args(pagefind)
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::inherit())
            .spawn();
        if let Ok(child) = child.as_mut() {
            use std::io::Write;
            let input = serde_json::to_string(queries).unwrap();
            let _ = child.stdin.take().unwrap().write_all(input.as_bytes());
        }
        if let Ok(output) = child.and_then(|c| c.wait_with_output()) {
            if let Ok(rows) = serde_json::from_slice::<Vec<serde_json::Value>>(&output.stdout) {
                let get = |v: &serde_json::Value| {
                    (
                        v["bytes"].as_u64().unwrap_or(0),
                        v["files"].as_u64().unwrap_or(0) as usize,
                        v["results"].as_u64().unwrap_or(0) as usize,
                    )
                };
                return QueryBytes {
                    how: "headless Chromium, empty cache, files as stored (no HTTP compression); stdportal: the files under search/data/ and search.js until the first page of results shows; Pagefind: its JS API, search() and the data of the first ten results".into(),
                    ours: rows.iter().map(|r| get(&r["stdportal"])).collect(),
                    pagefind: pagefind.map(|_| rows.iter().map(|r| get(&r["pagefind"])).collect()),
                };
            }
        }
    }
    let dir = public.join(INDEX_DIR);
    let read = |name: &str| std::fs::read(dir.join(name)).ok();
    let client = std::fs::metadata(public.join("search.js")).map_or(0, |m| m.len());
    let ours = queries
        .iter()
        .map(|q| {
            let searcher = Searcher::open(&read).expect("the index opens");
            let outcome = searcher
                .first_page(q, false, &Filters::default())
                .expect("the query runs");
            let bytes: u64 = outcome
                .fetched
                .iter()
                .filter_map(|f| std::fs::metadata(dir.join(f)).ok())
                .map(|m| m.len())
                .sum();
            (
                bytes + client,
                outcome.fetched.len() + 1,
                outcome.hits.len(),
            )
        })
        .collect();
    QueryBytes {
        how: "the Rust copy of the client (no Chromium with playwright-core here), files as stored plus search.js; Pagefind's bytes not measured".into(),
        ours,
        pagefind: None,
    }
}

/// The least-squares slope of log(y) against log(x): the exponent of growth.
pub fn exponent(points: &[(f64, f64)]) -> f64 {
    let logs: Vec<(f64, f64)> = points
        .iter()
        .filter(|(x, y)| *x > 0.0 && *y > 0.0)
        .map(|(x, y)| (x.ln(), y.ln()))
        .collect();
    let n = logs.len() as f64;
    if n < 2.0 {
        return f64::NAN;
    }
    let mx = logs.iter().map(|p| p.0).sum::<f64>() / n;
    let my = logs.iter().map(|p| p.1).sum::<f64>() / n;
    let sxy: f64 = logs.iter().map(|p| (p.0 - mx) * (p.1 - my)).sum();
    let sxx: f64 = logs.iter().map(|p| (p.0 - mx).powi(2)).sum();
    sxy / sxx
}

/// One size's search figures.
pub struct Figures {
    pub size: usize,
    pub pages: usize,
    pub wall_no: f64,
    pub wall_yes: f64,
    pub cpu_no: f64,
    pub cpu_yes: f64,
    pub rss_no: f64,
    pub rss_yes: f64,
    pub index_ms: f64,
    pub search_cpu_ms: f64,
    pub disk: (u64, usize),
    pub bytes: QueryBytes,
    pub pagefind: Option<(Usage, (u64, usize))>,
}

pub fn report(all: &[Figures], client_gz: u64, pagefind_note: &str) -> String {
    let mut out = String::new();
    let _ = writeln!(
        out,
        "\n## Search\n\nThe search index (`src/search/`, docs/SEARCH.md): one index of both scripts, built while pages render (*search cpu*: each page's text, keys and fragments, CPU summed over threads) and assembled at the end (*index*: shards, fragment groups, filters; wall). *whole build* compares the medians of the builds above with and without search. The client, `search.js`, is {client_gz} bytes gzipped. {pagefind_note}\n"
    );
    let _ = writeln!(
        out,
        "| pages (both scripts) | build without search (ms) | with search (ms) | ratio | CPU without → with search (ms) | CPU ratio | index (ms) | search cpu (ms) | peak RSS without → with search (MB) | index on disk | Pagefind standalone: wall (ms) | Pagefind cpu (ms) | Pagefind peak RSS (MB) | Pagefind on disk |\n|---|---|---|---|---|---|---|---|---|---|---|---|---|---|"
    );
    for f in all {
        let (pf_wall, pf_cpu, pf_rss, pf_disk) = match &f.pagefind {
            Some((u, d)) if u.ok => (
                format!("{:.0}", u.wall_ms),
                format!("{:.0}", u.cpu_ms),
                format!("{:.0}", u.rss_mb),
                format!("{:.1} MB, {} files", d.0 as f64 / 1e6, d.1),
            ),
            Some(_) => ("failed".into(), "".into(), "".into(), "".into()),
            None => ("not run".into(), "".into(), "".into(), "".into()),
        };
        let _ = writeln!(
            out,
            "| {} ({}) | {:.0} | {:.0} | {:.2} | {:.0} → {:.0} | {:.2} | {:.0} | {:.0} | {:.0} → {:.0} | {:.1} MB, {} files | {pf_wall} | {pf_cpu} | {pf_rss} | {pf_disk} |",
            f.size,
            f.pages,
            f.wall_no,
            f.wall_yes,
            f.wall_yes / f.wall_no,
            f.cpu_no,
            f.cpu_yes,
            f.cpu_yes / f.cpu_no,
            f.index_ms,
            f.search_cpu_ms,
            f.rss_no,
            f.rss_yes,
            f.disk.0 as f64 / 1e6,
            f.disk.1
        );
    }
    if all.len() >= 2 {
        let stage: Vec<(f64, f64)> = all
            .iter()
            .map(|f| (f.size as f64, f.index_ms + f.search_cpu_ms))
            .collect();
        let extra: Vec<(f64, f64)> = all
            .iter()
            .map(|f| (f.size as f64, (f.wall_yes - f.wall_no).max(1.0)))
            .collect();
        let _ = writeln!(
            out,
            "\nGrowth from {} to {} pages (least-squares exponent, 1 = linear): index + search cpu {:.2}; extra wall time of a build with search {:.2}.",
            all[0].size,
            all[all.len() - 1].size,
            exponent(&stage),
            exponent(&extra)
        );
    }
    for f in all {
        let _ = writeln!(
            out,
            "\n### Bytes a query downloads, {} pages\n\nMeasured with {}.\n\n| query | stdportal (bytes) | files | results shown | Pagefind (bytes) | files | results |\n|---|---|---|---|---|---|---|",
            f.size, f.bytes.how
        );
        for (i, q) in QUERIES.iter().enumerate() {
            let (b, n, r) = f.bytes.ours[i];
            let pf = f.bytes.pagefind.as_ref().map_or_else(
                || "| | |".to_string(),
                |p| format!("{} | {} | {}", p[i].0, p[i].1, p[i].2),
            );
            let _ = writeln!(out, "| {q} | {b} | {n} | {r} | {pf} |");
        }
        let total: u64 = f.bytes.ours.iter().map(|x| x.0).sum();
        let max = f.bytes.ours.iter().map(|x| x.0).max().unwrap_or(0);
        let pf_total = f.bytes.pagefind.as_ref().map_or(String::new(), |p| {
            p.iter().map(|x| x.0).sum::<u64>().to_string()
        });
        let _ = writeln!(
            out,
            "| **all ten** (largest: {max}) | {total} | | | {pf_total} | | |"
        );
    }
    out
}

/// Precision@5 and the top-3 rate of the relevance table (`tests/it/relevance.rs`) on the
/// example portal with the table's fixture pages, built by `binary` in a scratch folder.
pub fn relevance_line(binary: &Path, repo: &Path) -> String {
    let Ok(scratch) = tempfile::Builder::new()
        .prefix("stdportal-relevance-")
        .tempdir_in(if Path::new("/dev/shm").is_dir() {
            Path::new("/dev/shm")
        } else {
            Path::new("/tmp")
        })
    else {
        return String::new();
    };
    let root = scratch.path();
    for part in ["config.toml", "content", "data", "themes"] {
        let from = repo.join(part);
        for entry in walkdir::WalkDir::new(&from).into_iter().flatten() {
            let to = root
                .join(part)
                .join(entry.path().strip_prefix(&from).unwrap_or(Path::new("")));
            if entry.file_type().is_dir() {
                let _ = std::fs::create_dir_all(&to);
            } else if entry.file_type().is_file() {
                if let Some(parent) = to.parent() {
                    let _ = std::fs::create_dir_all(parent);
                }
                let _ = std::fs::copy(entry.path(), &to);
            }
        }
    }
    for (path, text) in crate::relevance::FIXTURES {
        let _ = std::fs::write(root.join("content").join(path), text);
    }
    let built = Command::new(binary)
        .args(["build", "--quiet", "--no-sync", "--root"])
        .arg(root)
        .status()
        .is_ok_and(|s| s.success());
    if !built {
        return "\nRelevance: the example portal did not build.\n".to_string();
    }
    let dir = root.join("public").join(INDEX_DIR);
    let read = |name: &str| std::fs::read(dir.join(name)).ok();
    let results = |q: &str| -> Vec<String> {
        Searcher::open(&read)
            .and_then(|s| s.all(q, false, &Filters::default()))
            .map(|o| o.hits.into_iter().map(|h| h.path).collect())
            .unwrap_or_default()
    };
    let (p5, top3, n) = crate::relevance::precision(&results);
    format!(
        "\nRelevance on the example portal (the {n} queries of `tests/it/relevance.rs` that name expected pages, with its fixture page): precision@5 {p5:.3}, top-3 rate {top3:.3}.\n"
    )
}
