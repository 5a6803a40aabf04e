//! The build benchmark. One command from a clean clone:
//!
//!     cargo run --release --example bench
//!
//! For each corpus size (default 1,000 and 10,000 pages, made by `gen_corpus`), it runs the
//! release `stdportal build` several times (default 5): without the search index, with lists
//! paginated (the default 20 a page) and on one page each (`paginate_by = 0`, no pager pages),
//! then with the search index. It reports medians of wall time, pages per second (both scripts
//! counted), peak RSS, the time of each stage (the `built` event's `timings`, `build --message-format json`), the output's size and its
//! largest list page, and the time to rebuild after editing one page and one data file.
//! Results go to `bench-results/RESULTS.md` (and are printed).
//!
//! Then, for search: the index's size on disk, the bytes ten fixed queries download (in headless
//! Chromium when `bash scripts/browser-test-setup.sh` installed it), and the same for Pagefind
//! 1.6 run standalone over the same pages when its npm package is installed
//! (`npm install --prefix target/pagefind pagefind@1.6.0`, or `--pagefind DIR`).
//!
//! Options: --sizes 1000,10000  --runs 5  --out bench-results/RESULTS.md  --work target/bench
//! --pagefind DIR  --pagefind-max 10000 (larger corpora skip Pagefind: minutes and gigabytes)
//! --relevance (only precision@5 and the top-3 rate of the relevance table)
//! --serve-only (only serve's rebuilds)  --no-search (skip the builds with the search index)
//! --search-table (only paginated builds without and with search, no edit rebuilds: what the
//! search table needs)

#[path = "gen_corpus.rs"]
#[allow(dead_code)]
mod gen_corpus;

#[path = "bench/search.rs"]
mod bench_search;
#[path = "../tests/it/relevance.rs"]
#[allow(dead_code)]
mod relevance;

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Instant;

/// The medians of one kind of build that the search table compares.
#[derive(Clone, Copy)]
struct Medians {
    wall: f64,
    cpu: f64,
    rss: f64,
    index: f64,
    search_cpu: f64,
    pages: usize,
}

struct Run {
    wall_ms: f64,
    /// User + system time of the build process.
    cpu_ms: f64,
    pages: usize,
    stages: BTreeMap<String, f64>,
}

fn median(mut values: Vec<f64>) -> f64 {
    values.sort_by(|a, b| a.total_cmp(b));
    let n = values.len();
    if n == 0 {
        return f64::NAN;
    }
    if n % 2 == 1 {
        values[n / 2]
    } else {
        (values[n / 2 - 1] + values[n / 2]) / 2.0
    }
}

/// Milliseconds, or a dash when not measured.
fn ms(value: f64) -> String {
    if value.is_nan() {
        "—".into()
    } else {
        format!("{value:.0}")
    }
}

fn build(binary: &Path, root: &Path, search: bool) -> Run {
    let mut command = Command::new(binary);
    // The `built` event is read below (docs/EVENTS.md), not a sentence: any language will do.
    command
        .args(["build", "--message-format", "json", "--root"])
        .arg(root);
    if !search {
        command.arg("--no-search");
    }
    let (usage, stdout) = bench_search::run_measured_output(&mut command);
    let built = bench_search::built_event(&usage, &stdout);
    let pages = built["pages"].as_u64().unwrap_or(0) as usize;
    let stages = built["timings"]
        .as_object()
        .map(|timings| {
            timings
                .iter()
                .filter_map(|(name, ms)| Some((name.clone(), ms.as_f64()?)))
                .collect()
        })
        .unwrap_or_default();
    Run {
        wall_ms: usage.wall_ms,
        cpu_ms: usage.cpu_ms,
        pages,
        stages,
    }
}

/// Times serve's rebuilds after each kind of edit, in process.
fn serve_rebuilds(corpus: &Path, size: usize, runs: usize) -> String {
    use stdportal::serve::Rebuilder;
    use stdportal::site::BuildOptions;
    let mut rebuilder = Rebuilder::new(BuildOptions {
        root: corpus.to_path_buf(),
        base_url: Some("http://127.0.0.1:1111/".into()),
        drafts: false,
        future: false,
        search: true,
    });
    let started = Instant::now();
    rebuilder.rebuild(&[]).expect("the corpus builds");
    let first = started.elapsed().as_secs_f64() * 1000.0;
    let page = corpus.join("content/section0/page00008.md");
    let data = corpus.join("data/observations.csv");
    let mut timed = |path: &Path, edit: &dyn Fn(String) -> String| {
        let text = std::fs::read_to_string(path).unwrap();
        std::fs::write(path, edit(text)).unwrap();
        let started = Instant::now();
        rebuilder
            .rebuild(&[path.to_path_buf()])
            .expect("the edit builds");
        started.elapsed().as_secs_f64() * 1000.0
    };
    let (mut body, mut title, mut data_edits) = (Vec::new(), Vec::new(), Vec::new());
    for i in 0..runs {
        body.push(timed(&page, &|t| format!("{t}\n\n正文修改{i}。\n")));
        title.push(timed(&page, &|t| {
            t.replacen("title = \"", &format!("title = \"(修改{i})"), 1)
        }));
        data_edits.push(timed(&data, &|t| {
            format!("{t}city000,ind01,{},{}.5,基准测试\n", 2060 + i, 50 + i)
        }));
    }
    format!(
        "| {size} | {first:.0} | {:.1} | {:.1} | {:.0} |",
        median(body),
        median(title),
        median(data_edits)
    )
}

/// Sets the site's `paginate_by` (0: every list on one page, so no pager pages).
fn set_paginate_by(corpus: &Path, n: usize) {
    let path = corpus.join("config.toml");
    let config = std::fs::read_to_string(&path).unwrap();
    let kept: String = config
        .lines()
        .filter(|l| !l.starts_with("paginate_by"))
        .map(|l| format!("{l}\n"))
        .collect();
    std::fs::write(&path, format!("paginate_by = {n}\n{kept}")).unwrap();
}

/// The output's size in bytes, and its largest list page (any page but a document's) with
/// its size.
fn output_sizes(public: &Path) -> (u64, (u64, String)) {
    fn walk(dir: &Path, public: &Path, total: &mut u64, largest: &mut (u64, String)) {
        for entry in std::fs::read_dir(dir).into_iter().flatten().flatten() {
            let path = entry.path();
            let Ok(meta) = entry.metadata() else { continue };
            if meta.is_dir() {
                walk(&path, public, total, largest);
                continue;
            }
            *total += meta.len();
            let rel = path
                .strip_prefix(public)
                .unwrap()
                .to_string_lossy()
                .into_owned();
            // A document is content/section<s>/page<NNNNN>.md, published at …/page<NNNNN>/.
            let document = rel.split('/').any(|part| {
                part.len() == 9
                    && part.starts_with("page")
                    && part[4..].bytes().all(|b| b.is_ascii_digit())
            });
            if rel.ends_with("index.html") && !document && meta.len() > largest.0 {
                *largest = (meta.len(), rel);
            }
        }
    }
    let (mut total, mut largest) = (0, (0, String::new()));
    walk(public, public, &mut total, &mut largest);
    (total, largest)
}

fn append(path: &Path, text: &str) {
    let mut current = std::fs::read_to_string(path).unwrap();
    current.push_str(text);
    std::fs::write(path, current).unwrap();
}

fn main() {
    let mut sizes = vec![1000usize, 10000];
    let mut runs = 5usize;
    let mut out = PathBuf::from("bench-results/RESULTS.md");
    let mut work = PathBuf::from("target/bench");
    let mut serve_only = false;
    let mut pagefind_dir: Option<PathBuf> = None;
    let mut pagefind_max = 10_000usize;
    let mut with_search = true;
    let mut search_table = false;
    let mut relevance_only = false;
    let mut args = std::env::args().skip(1);
    while let Some(flag) = args.next() {
        if flag == "--relevance" {
            relevance_only = true;
            continue;
        }
        if flag == "--serve-only" {
            serve_only = true;
            continue;
        }
        if flag == "--no-search" {
            with_search = false;
            continue;
        }
        if flag == "--search-table" {
            search_table = true;
            continue;
        }
        let value = args.next().unwrap_or_default();
        match flag.as_str() {
            "--sizes" => {
                sizes = value
                    .split(',')
                    .filter_map(|s| s.trim().parse().ok())
                    .collect()
            }
            "--runs" => runs = value.parse().unwrap_or(5).max(1),
            "--out" => out = PathBuf::from(value),
            "--work" => work = PathBuf::from(value),
            "--pagefind" => pagefind_dir = Some(PathBuf::from(value)),
            "--pagefind-max" => pagefind_max = value.parse().unwrap_or(10_000),
            other => {
                eprintln!("unknown option {other}");
                std::process::exit(2);
            }
        }
    }
    let repo = Path::new(env!("CARGO_MANIFEST_DIR"));
    let status = Command::new("cargo")
        .args(["build", "--release", "--bin", "stdportal"])
        .current_dir(repo)
        .status()
        .expect("cargo runs");
    assert!(status.success());
    let binary = repo.join("target/release/stdportal");
    if relevance_only {
        print!("{}", bench_search::relevance_line(&binary, repo));
        return;
    }
    let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
    let commit = Command::new("git")
        .args(["rev-parse", "--short", "HEAD"])
        .current_dir(repo)
        .output()
        .map(|o| String::from_utf8_lossy(&o.stdout).trim().to_string())
        .unwrap_or_default();

    let mut report = String::new();
    let _ = writeln!(report, "# stdportal build benchmark\n");
    let _ = writeln!(
        report,
        "Machine: {cores} cores ({}). Commit {commit}. Median of {runs} runs of `stdportal build` (release) on a corpus from `gen_corpus` (~3 KB of Chinese Markdown per page, 20 cities, 200 indicators, 5 years of observations). Pages are HTML pages written, both scripts counted. Stage times come from the `built` event of `build --message-format json` (the same as `build --timings`): *load* reads and checks everything, *render + write* is the parallel stage in which each page is rendered (Tera), converted to Traditional and written to a staging folder if its bytes changed (wall), *template* and *convert* are CPU time summed over threads inside it, *index* assembles the search index (shards, fragment groups, filters) and *search cpu* is the CPU time of each page's part of it (text, keys, fragments) summed over threads inside *render*, *commit* moves the changed files into place and removes stale ones. The CLI rebuilds are full builds that write only what changed; serve's incremental rebuilds are in the second table. Regenerate with `cargo run --release --example bench`.\n",
        std::env::consts::OS
    );
    let _ = writeln!(report, "The corpus puts every page into a city, an issuing office, a kind, two topics, a year and a validity, so every list is as full as on a department's site. *lists* says whether lists are paginated (20 a page, the default) or each on one page (`paginate_by = 0`: no pager pages); *output* is the size of `public/`, *largest list* the largest HTML page that is not a document.\n");
    let _ = writeln!(report, "| pages | search | lists | HTML pages | wall (ms) | pages/s | peak RSS (MB) | load | views | render + write | template cpu | convert cpu | search cpu | index | commit | output (MB) | largest list (KB) | CLI rebuild after 1 page edit (ms) | CLI rebuild after data edit (ms) |");
    let _ = writeln!(
        report,
        "|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|"
    );
    let mut serve_lines = Vec::new();
    // Each data edit adds an observation of a year of its own, across all builds of a corpus.
    let mut data_year = 2040;
    let mut search_figures = Vec::new();
    let pagefind = bench_search::pagefind_binary(pagefind_dir.as_deref());
    for &size in &sizes {
        let corpus = work.join(format!("corpus-{size}"));
        gen_corpus::generate(&gen_corpus::Options {
            pages: size,
            out: corpus.clone(),
            ..gen_corpus::Options::default()
        })
        .expect("corpus written");
        let mut builds: Vec<(bool, usize)> = vec![(false, 20), (false, 0)];
        if with_search {
            builds.push((true, 20));
        }
        if search_table {
            // Only what the search table compares: paginated lists without and with search.
            builds.retain(|b| b.1 == 20);
        }
        if serve_only {
            builds.clear();
        }
        // Medians of the paginated builds without and with search, for the search table.
        let mut medians: Vec<(bool, usize, Medians)> = Vec::new();
        for (search, paginate_by) in builds {
            set_paginate_by(&corpus, paginate_by);
            let _ = std::fs::remove_dir_all(corpus.join("public"));
            build(&binary, &corpus, search); // warm-up: fills the page cache and public/
            let measured: Vec<Run> = (0..runs).map(|_| build(&binary, &corpus, search)).collect();
            let (output_bytes, (largest_bytes, largest)) = output_sizes(&corpus.join("public"));
            println!("largest list page: {largest} ({largest_bytes} bytes)");
            let page = corpus.join("content/section0/page00000.md");
            let data = corpus.join("data/observations.csv");
            let mut page_edits = Vec::new();
            let mut data_edits = Vec::new();
            // The search table needs no edit rebuilds; skipping them keeps a 50,000-page run short.
            let edit_runs = if search_table { 0 } else { runs };
            for i in 0..edit_runs {
                append(&page, &format!("\n\n修改{i}。\n"));
                page_edits.push(build(&binary, &corpus, search).wall_ms);
                append(
                    &data,
                    &format!("city000,ind00,{data_year},{}.5,基准测试\n", 40 + i),
                );
                data_year += 1;
                data_edits.push(build(&binary, &corpus, search).wall_ms);
            }
            let wall = median(measured.iter().map(|r| r.wall_ms).collect());
            let pages = measured[0].pages;
            let stage = |name: &str| {
                median(
                    measured
                        .iter()
                        .map(|r| r.stages.get(name).copied().unwrap_or(0.0))
                        .collect(),
                )
            };
            let line = format!(
                "| {size} | {} | {} | {pages} | {wall:.0} | {:.0} | {:.0} | {:.0} | {:.0} | {:.0} | {:.0} | {:.0} | {:.0} | {:.0} | {:.0} | {:.1} | {:.1} | {} | {} |",
                if search { "yes" } else { "no" },
                if paginate_by == 0 { "one page each" } else { "paginated" },
                pages as f64 / (wall / 1000.0),
                stage("peak_rss_mb"),
                stage("load"),
                stage("views"),
                stage("render"),
                stage("template_cpu"),
                stage("convert_cpu"),
                stage("search_cpu"),
                stage("index"),
                stage("commit"),
                output_bytes as f64 / 1e6,
                largest_bytes as f64 / 1e3,
                ms(median(page_edits)),
                ms(median(data_edits)),
            );
            println!("{line}");
            let _ = writeln!(report, "{line}");
            medians.push((
                search,
                paginate_by,
                Medians {
                    wall,
                    cpu: median(measured.iter().map(|r| r.cpu_ms).collect()),
                    rss: stage("peak_rss_mb"),
                    index: stage("index"),
                    search_cpu: stage("search_cpu"),
                    pages,
                },
            ));
        }
        let paginated = |search: bool| {
            medians
                .iter()
                .find(|m| m.0 == search && m.1 == 20)
                .map(|m| m.2)
        };
        if let (Some(no), Some(yes)) = (paginated(false), paginated(true)) {
            let public = corpus.join("public");
            let pagefind_run = pagefind
                .as_ref()
                .filter(|_| size <= pagefind_max)
                .map(|bin| {
                    let out = work.join(format!("pagefind-{size}"));
                    let _ = std::fs::remove_dir_all(&out);
                    let usage = bench_search::run_measured(
                        Command::new(bin)
                            .arg("--site")
                            .arg(&public)
                            .arg("--output-path")
                            .arg(&out)
                            .args(["--root-selector", "main[data-search-body]"])
                            .args(["--exclude-selectors", "[data-search-ignore]"]),
                    );
                    let disk = bench_search::disk_size(&out);
                    (usage, disk, out)
                });
            let bytes = bench_search::query_bytes(
                repo,
                &public,
                pagefind_run
                    .as_ref()
                    .filter(|r| r.0.ok)
                    .map(|r| r.2.as_path()),
            );
            search_figures.push(bench_search::Figures {
                size,
                pages: yes.pages,
                wall_no: no.wall,
                wall_yes: yes.wall,
                cpu_no: no.cpu,
                cpu_yes: yes.cpu,
                rss_no: no.rss,
                rss_yes: yes.rss,
                index_ms: yes.index,
                search_cpu_ms: yes.search_cpu,
                disk: bench_search::disk_size(&public.join(stdportal::search::INDEX_DIR)),
                bytes,
                pagefind: pagefind_run.map(|(u, d, out)| {
                    let _ = std::fs::remove_dir_all(out);
                    (u, d)
                }),
            });
        }
        set_paginate_by(&corpus, 20);
        let line = serve_rebuilds(&corpus, size, runs);
        println!("{line}");
        serve_lines.push(line);
    }
    if !search_figures.is_empty() {
        let client =
            std::fs::read(repo.join("themes/default/static/search.js")).unwrap_or_default();
        let client_gz = stdportal::search::format::gzip(&client).len() as u64;
        let note = match &pagefind {
            Some(bin) => format!(
                "Pagefind: `{}` (the extended binary of the npm package `pagefind`), run standalone over the same built site with `--root-selector main[data-search-body] --exclude-selectors [data-search-ignore]` so that it indexes the same pages (both scripts), on corpora up to {pagefind_max} pages.",
                bin.display()
            ),
            None => "Pagefind was not run: its npm package is not installed (`npm install --prefix target/pagefind pagefind@1.6.0`, or `--pagefind DIR`).".to_string(),
        };
        let mut text = bench_search::report(&search_figures, client_gz, &note);
        text.push_str(&bench_search::relevance_line(&binary, repo));
        println!("{text}");
        report.push_str(&text);
    }
    let _ = writeln!(
        report,
        "\n## serve: rebuild after an edit\n\nThe in-process rebuild `stdportal serve` does after a save (`serve::Rebuilder`, with the search index: an edited page's postings are replaced in the shards that hold its keys), median of {runs} edits each: a line added to a page's body (that page is rendered again), a page's title changed (the page, the lists, feeds and indicator pages showing it), a row added to the observations (a full in-memory build). The browser is told after the watcher's 30 ms quiet time on top of this; `cargo run --release --example reload_latency -- --root DIR [--edit title]` measures save → reload event end to end.\n"
    );
    let _ = writeln!(
        report,
        "| pages | first build (ms) | body edit (ms) | title edit (ms) | data edit (ms) |\n|---|---|---|---|---|"
    );
    for line in serve_lines {
        let _ = writeln!(report, "{line}");
    }
    if let Some(parent) = out.parent() {
        std::fs::create_dir_all(parent).unwrap();
    }
    std::fs::write(&out, &report).unwrap();
    println!("\nWritten to {}", out.display());
}
