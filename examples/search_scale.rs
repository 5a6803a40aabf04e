//! The search index at scale (issue 26): on `gen_corpus` corpora (default 10,000 and 50,000
//! source pages), the index's size, the cost of a build with search against `--no-search`,
//! and the bytes a browser downloads for each kind of query:
//!
//!     cargo run --release --example search_scale -- --sizes 10000,50000 --runs 3
//!
//! Builds are interleaved (without search, with search, then again), each into an empty
//! output folder, and each run is recorded with the machine's load average when it started:
//! the machine may be shared, so CPU time (user + system, from `wait4`) is reported besides
//! wall time. The stage times come from the `built` event (`--message-format json`). Bytes per
//! query are measured in headless Chromium (`examples/search_bytes.mjs`: the search page with
//! an empty cache until its first results show, `search.js` and everything under
//! `search/data/`) when it and playwright-core are installed (`bash scripts/test-setup.sh`),
//! else with the Rust copy of the client; the Rust client also says which step found the
//! results and how many files it read, as a cross-check.
//!
//! Options: --sizes 10000,50000  --runs 3  --work /dev/shm/stdportal-search-scale (corpora and
//! outputs; removed at the end unless --keep)  --out FILE (the report, also printed)  --keep
//! --binary PATH (a stdportal already built: skips `cargo build --release --bin stdportal`,
//! which after `cargo build --example` compiles the crate again with other features)
//! --search-only (one build with search per size, no `--no-search` builds: the index's size and
//! the bytes per query only, for a size too large to build six times)

#[path = "gen_corpus.rs"]
#[allow(dead_code)]
mod gen_corpus;

#[path = "bench/search.rs"]
#[allow(dead_code)]
mod bench_search;
#[path = "bench/measure.rs"]
#[allow(dead_code)]
mod measure;
#[path = "../tests/it/relevance.rs"]
#[allow(dead_code)]
mod relevance;

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::process::Command;

use measure::median;
use stdportal::search::query::{Filters, Searcher};
use stdportal::search::INDEX_DIR;

/// The kinds of query the issue asks figures for, written from `gen_corpus`'s vocabulary.
const QUERIES: [(&str, &str); 6] = [
    ("exact phrase", "团体标准培育"),
    ("common word", "标准化"),
    ("fallback (phrase in no page)", "地方标准制定"),
    ("fallback, Traditional", "地方標準制定"),
    ("single character", "质"),
    ("文号 prefix", "泰政发〔2021〕"),
];

/// What a build with or without search cost, one run.
struct Run {
    wall_ms: f64,
    cpu_ms: f64,
    rss_mb: f64,
    load: f64,
    stages: BTreeMap<String, f64>,
    pages: usize,
}

struct Options {
    sizes: Vec<usize>,
    runs: usize,
    work: PathBuf,
    out: Option<PathBuf>,
    keep: bool,
    search_only: bool,
    binary: Option<PathBuf>,
}

fn parse_args() -> Result<Options, String> {
    let mut options = Options {
        sizes: vec![10_000, 50_000],
        runs: 3,
        work: PathBuf::from("/dev/shm/stdportal-search-scale"),
        out: None,
        keep: false,
        search_only: false,
        binary: None,
    };
    let mut args = std::env::args().skip(1);
    while let Some(flag) = args.next() {
        if flag == "--keep" {
            options.keep = true;
            continue;
        }
        if flag == "--search-only" {
            options.search_only = true;
            options.runs = 1;
            continue;
        }
        let value = args.next().ok_or_else(|| format!("{flag} needs a value"))?;
        match flag.as_str() {
            "--sizes" => {
                options.sizes = value
                    .split(',')
                    .map(|s| s.trim().parse().map_err(|_| format!("not a number: {s}")))
                    .collect::<Result<_, _>>()?
            }
            "--runs" => options.runs = value.parse::<usize>().map_err(|e| e.to_string())?.max(1),
            "--work" => options.work = PathBuf::from(value),
            "--out" => options.out = Some(PathBuf::from(value)),
            "--binary" => options.binary = Some(PathBuf::from(value)),
            other => return Err(format!("unknown option {other}")),
        }
    }
    Ok(options)
}

fn build(binary: &Path, corpus: &Path, output: &Path, search: bool) -> Run {
    let _ = std::fs::remove_dir_all(output);
    let mut command = Command::new(binary);
    command
        .args([
            "--lang",
            "en",
            "build",
            "--message-format",
            "json",
            "--root",
        ])
        .arg(corpus)
        .arg("--output")
        .arg(output);
    if !search {
        command.arg("--no-search");
    }
    let load = measure::load_average();
    let (usage, stdout) = bench_search::run_measured_output(&mut command);
    let built = bench_search::built_event(&usage, &stdout);
    let stages = built["timings"]
        .as_object()
        .map(|t| {
            t.iter()
                .filter_map(|(name, ms)| Some((name.clone(), ms.as_f64()?)))
                .collect()
        })
        .unwrap_or_default();
    Run {
        wall_ms: usage.wall_ms,
        cpu_ms: usage.cpu_ms,
        rss_mb: usage.rss_mb,
        load,
        stages,
        pages: built["pages"].as_u64().unwrap_or(0) as usize,
    }
}

/// Bytes and files of the index, by its first folder (`i` shards, `f` fragments, …) or file.
fn index_parts(dir: &Path) -> BTreeMap<String, (u64, usize)> {
    let mut parts: BTreeMap<String, (u64, usize)> = BTreeMap::new();
    for entry in walkdir::WalkDir::new(dir).into_iter().flatten() {
        if !entry.file_type().is_file() {
            continue;
        }
        let rel = entry.path().strip_prefix(dir).unwrap_or(entry.path());
        let mut parts_of = rel.components();
        let first = parts_of
            .next()
            .map(|c| c.as_os_str().to_string_lossy().into_owned())
            .unwrap_or_default();
        let name = if parts_of.next().is_some() {
            format!("{first}/")
        } else {
            // A file at the top: its name without the content hash.
            first.split('.').next().unwrap_or_default().to_string()
        };
        let part = parts.entry(name).or_default();
        part.0 += entry.metadata().map_or(0, |m| m.len());
        part.1 += 1;
    }
    parts
}

fn range(values: impl Iterator<Item = f64>) -> String {
    let v: Vec<f64> = values.collect();
    let lo = v.iter().copied().fold(f64::INFINITY, f64::min);
    let hi = v.iter().copied().fold(f64::NEG_INFINITY, f64::max);
    format!("{lo:.1}–{hi:.1}")
}

fn main() {
    let options = parse_args().unwrap_or_else(|e| {
        eprintln!("{e}");
        std::process::exit(2);
    });
    let repo = Path::new(env!("CARGO_MANIFEST_DIR"));
    let binary = match &options.binary {
        Some(binary) => binary.clone(),
        None => measure::release_binary(repo),
    };
    let commit = Command::new("git")
        .args(["rev-parse", "--short", "HEAD"])
        .current_dir(repo)
        .output()
        .map(|o| String::from_utf8_lossy(&o.stdout).trim().to_string())
        .unwrap_or_default();
    let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
    let load_before = measure::load_average();
    std::fs::create_dir_all(&options.work).expect("work folder");

    let mut builds = String::new();
    let mut sizes_table = String::new();
    let mut queries = String::new();
    let mut verdicts = Vec::new();
    let mut how = String::new();
    for &size in &options.sizes {
        let corpus = options.work.join(format!("corpus-{size}"));
        let output = options.work.join("public");
        gen_corpus::generate(&gen_corpus::Options {
            pages: size,
            out: corpus.clone(),
            ..gen_corpus::Options::default()
        })
        .expect("corpus written");
        let (mut without, mut with) = (Vec::new(), Vec::new());
        for run in 0..options.runs {
            // Interleaved: a change of load hits both kinds of build alike. The last build of
            // a size is with search: its output is measured below.
            for search in [false, true] {
                if options.search_only && !search {
                    continue;
                }
                let r = build(&binary, &corpus, &output, search);
                println!(
                    "{size} pages, run {}: {}: {:.0} ms wall, {:.0} ms CPU, {:.0} MB, load {:.1}",
                    run + 1,
                    if search { "with search" } else { "--no-search" },
                    r.wall_ms,
                    r.cpu_ms,
                    r.rss_mb,
                    r.load
                );
                let _ = writeln!(
                    builds,
                    "| {size} | {} | {} | {:.0} | {:.0} | {:.0} | {:.1} | {:.0} | {:.0} |",
                    run + 1,
                    if search { "yes" } else { "no" },
                    r.wall_ms,
                    r.cpu_ms,
                    r.rss_mb,
                    r.load,
                    r.stages.get("search_cpu").copied().unwrap_or(0.0),
                    r.stages.get("index").copied().unwrap_or(0.0),
                );
                if search {
                    with.push(r);
                } else {
                    without.push(r);
                }
            }
        }
        if without.is_empty() {
            // --search-only: the no-search figures are not measured.
            without.push(Run {
                wall_ms: f64::NAN,
                cpu_ms: f64::NAN,
                rss_mb: f64::NAN,
                load: f64::NAN,
                stages: BTreeMap::new(),
                pages: 0,
            });
        }
        let med = |runs: &[Run], f: fn(&Run) -> f64| median(runs.iter().map(f).collect());
        let (wall_no, wall_yes) = (med(&without, |r| r.wall_ms), med(&with, |r| r.wall_ms));
        let (cpu_no, cpu_yes) = (med(&without, |r| r.cpu_ms), med(&with, |r| r.cpu_ms));
        // Per-run ratios too: each pair ran back to back, under about the same load.
        let pair_cpu: Vec<f64> = without
            .iter()
            .zip(&with)
            .map(|(a, b)| b.cpu_ms / a.cpu_ms)
            .collect();
        let dir = output.join(INDEX_DIR);
        let (index_bytes, index_files) = bench_search::disk_size(&dir);
        let parts = index_parts(&dir)
            .into_iter()
            .map(|(name, (bytes, files))| format!("{name} {:.1} MB / {files}", bytes as f64 / 1e6))
            .collect::<Vec<_>>()
            .join("; ");
        let _ = writeln!(
            sizes_table,
            "| {size} ({} HTML pages) | {wall_no:.0} → {wall_yes:.0} | **{:.2}** | {cpu_no:.0} → {cpu_yes:.0} | **{:.2}** (pairs: {}) | {:.0} → {:.0} | {:.0} | {:.0} | {} | {:.1} MB, {index_files} files ({parts}) |",
            with[0].pages,
            wall_yes / wall_no,
            cpu_yes / cpu_no,
            pair_cpu.iter().map(|r| format!("{r:.2}")).collect::<Vec<_>>().join(", "),
            med(&without, |r| r.rss_mb),
            med(&with, |r| r.rss_mb),
            med(&with, |r| r.stages.get("search_cpu").copied().unwrap_or(0.0)),
            med(&with, |r| r.stages.get("index").copied().unwrap_or(0.0)),
            range(without.iter().chain(&with).map(|r| r.load)),
            index_bytes as f64 / 1e6,
        );
        verdicts.push(format!(
            "{size} pages: CPU ratio {:.2}, wall ratio {:.2} (target ≤ 1.3)",
            cpu_yes / cpu_no,
            wall_yes / wall_no
        ));

        // Bytes per query: the browser, and the Rust client for the step and the files.
        let texts: Vec<&str> = QUERIES.iter().map(|(_, q)| *q).collect();
        let measured = bench_search::query_bytes_of(repo, &output, None, &texts);
        let read = |name: &str| std::fs::read(dir.join(name)).ok();
        let client = std::fs::metadata(output.join("search.js")).map_or(0, |m| m.len());
        for ((kind, q), (bytes, files, shown)) in QUERIES.iter().zip(&measured.ours) {
            let searcher = Searcher::open(&read).expect("the index opens");
            let outcome = searcher
                .first_page(q, false, &Filters::default())
                .expect("the query runs");
            let rust_bytes: u64 = client
                + outcome
                    .fetched
                    .iter()
                    .filter_map(|f| std::fs::metadata(dir.join(f)).ok())
                    .map(|m| m.len())
                    .sum::<u64>();
            let _ = writeln!(
                queries,
                "| {size} | {kind} | {q} | {} | {} | {shown} | **{bytes}** | {files} | {rust_bytes} | {} |",
                outcome.step.code(),
                outcome.candidates,
                outcome.fetched.len() + 1,
            );
            if *bytes > 300_000 {
                verdicts.push(format!(
                    "{size} pages: {q} downloads {bytes} bytes (> 300 KB)"
                ));
            }
        }
        let largest = measured.ours.iter().map(|b| b.0).max().unwrap_or(0);
        verdicts.push(format!(
            "{size} pages: largest query {largest} bytes (target < 300 KB at 50,000)"
        ));
        how = measured.how;
        let _ = std::fs::remove_dir_all(&output);
        if !options.keep {
            let _ = std::fs::remove_dir_all(&corpus);
        }
    }
    if !options.keep {
        let _ = std::fs::remove_dir(&options.work);
    }

    let client = std::fs::read(repo.join("themes/default/static/search.js")).unwrap_or_default();
    let client_gz = stdportal::search::format::gzip(&client).len();
    let mut report = String::new();
    let _ = writeln!(
        report,
        "## Search at scale (`cargo run --release --example search_scale`)\n"
    );
    let _ = writeln!(
        report,
        "Commit {commit}, {cores} cores, load average {load_before:.1} at the start and {:.1} at the end. Corpus from `gen_corpus` (~3 KB of Chinese Markdown per source page, 20 cities, a 文号 per document), on `{}`. {} interleaved runs per size (without search, with search), each into an empty output folder; medians. CPU is user + system time of the build (wait4); with {cores} cores, a load above ~{cores} means other work shared them and wall times are stretched far more than CPU times. *search cpu*: each page's part of the index inside the parallel render (thread CPU time, summed); *index*: the assembly at the end (wall). `search.js` is {client_gz} bytes gzipped ({} raw).\n",
        measure::load_average(),
        options.work.display(),
        options.runs,
        client.len(),
    );
    let _ = writeln!(report, "| source pages | wall without → with search (ms) | wall ratio | CPU without → with (ms) | CPU ratio | peak RSS (MB) | search cpu (ms) | index (ms) | load (min–max) | index on disk |\n|---|---|---|---|---|---|---|---|---|---|");
    report.push_str(&sizes_table);
    let _ = writeln!(report, "\n### Bytes a query downloads\n\n*bytes*/*files*: {how}. *step*, *candidates* and *Rust bytes*/*files* from the Rust copy of the client (`stdportal::search::query`, first page of results, files as stored plus search.js).\n");
    let _ = writeln!(report, "| source pages | kind | query | step | candidates | results shown | bytes | files | Rust bytes | Rust files |\n|---|---|---|---|---|---|---|---|---|---|");
    report.push_str(&queries);
    let _ = writeln!(report, "\n### Every build\n\n| source pages | run | search | wall (ms) | CPU (ms) | peak RSS (MB) | load | search cpu (ms) | index (ms) |\n|---|---|---|---|---|---|---|---|---|");
    report.push_str(&builds);
    let _ = writeln!(report, "\n### Against the targets\n");
    for v in &verdicts {
        let _ = writeln!(report, "- {v}");
    }
    println!("\n{report}");
    if let Some(out) = &options.out {
        std::fs::write(out, &report).expect("report written");
        println!("Written to {}", out.display());
    }
}
