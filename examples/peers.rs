//! stdportal beside Hugo on the same generated pages (issue 24). One command from a clean clone:
//!
//!     cargo run --release --example peers
//!
//! For each corpus size (default 1,000, 10,000 and 50,000 source pages, made by `gen_corpus`,
//! written under `--work`, best on tmpfs) it writes the same pages as a Hugo site (see
//! `bench/hugo.rs`: both scripts, the Traditional pages converted with stdportal's OpenCC engine,
//! lists of 20, taxonomies topics/city/kind/issuer/validity, feeds of 20), then builds each
//! `--runs` times (default 3), interleaved — stdportal with its search index (the default),
//! stdportal `--no-search`, Hugo, then again — every build into an empty output folder. It
//! prints one table (pages out, wall, CPU, peak RSS, medians, with the machine's load average
//! while it ran) and writes it to `bench-results/<date>-peers.md`.
//!
//! Hugo (`hugo::VERSION`) is installed on first use into a Python venv under `--cache`
//! (default `~/.cache/stdportal-bench`), never system-wide. It is killed past `--hugo-limit`
//! seconds (default 600) or `--max-rss` MB (default 8000, any tool): the table then says it
//! did not finish, and Hugo is not run on larger corpora (its time grows faster than linearly).
//! `--hugo-max N` runs Hugo only on corpora of at most N source pages (at 50,000 it needs
//! many minutes and gigabytes: on a shared machine, `--hugo-max 10000`).
//!
//! Options: --sizes 1000,10000,50000  --runs 3  --threads N[,M] (builds with RAYON_NUM_THREADS
//! and GOMAXPROCS set to each; default: all cores, nothing set)  --work /dev/shm/stdportal-peers
//! --cache DIR  --hugo-limit 600  --max-rss 8000  --out FILE  --keep (leave the corpora and
//! outputs in --work)  --no-hugo

#[path = "gen_corpus.rs"]
#[allow(dead_code)]
mod gen_corpus;

#[path = "bench/hugo.rs"]
mod hugo;

#[path = "bench/measure.rs"]
mod measure;

use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Duration;

use measure::{median, Limits, Outcome, Usage};

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Tool {
    Stdportal,
    StdportalNoSearch,
    Hugo,
}

impl Tool {
    fn name(self) -> &'static str {
        match self {
            Tool::Stdportal => "stdportal (with search)",
            Tool::StdportalNoSearch => "stdportal --no-search",
            Tool::Hugo => "Hugo",
        }
    }
}

struct Options {
    sizes: Vec<usize>,
    runs: usize,
    threads: Vec<Option<usize>>,
    work: PathBuf,
    cache: PathBuf,
    hugo_limit: u64,
    /// Hugo runs on corpora of at most this many source pages.
    hugo_max: usize,
    max_rss: u64,
    stdportal: Option<PathBuf>,
    out: Option<PathBuf>,
    keep: bool,
    hugo: bool,
}

fn parse_args() -> Result<Options, String> {
    let home = std::env::var_os("HOME").map_or_else(|| PathBuf::from("."), PathBuf::from);
    let mut options = Options {
        sizes: vec![1000, 10_000, 50_000],
        runs: 3,
        threads: vec![None],
        work: PathBuf::from("/dev/shm/stdportal-peers"),
        cache: home.join(".cache/stdportal-bench"),
        hugo_limit: 600,
        hugo_max: usize::MAX,
        max_rss: 8000,
        stdportal: None,
        out: None,
        keep: false,
        hugo: true,
    };
    let mut args = std::env::args().skip(1);
    while let Some(flag) = args.next() {
        match flag.as_str() {
            "--keep" => {
                options.keep = true;
                continue;
            }
            "--no-hugo" => {
                options.hugo = false;
                continue;
            }
            _ => {}
        }
        let value = args.next().ok_or_else(|| format!("{flag} needs a value"))?;
        let numbers = || -> Result<Vec<usize>, String> {
            value
                .split(',')
                .map(|s| {
                    s.trim()
                        .parse()
                        .map_err(|_| format!("{flag}: not a number: {s}"))
                })
                .collect()
        };
        let number = || {
            value
                .parse::<u64>()
                .map_err(|_| format!("{flag}: not a number"))
        };
        match flag.as_str() {
            "--sizes" => options.sizes = numbers()?,
            "--runs" => options.runs = (number()? as usize).max(1),
            "--threads" => options.threads = numbers()?.into_iter().map(Some).collect(),
            "--work" => options.work = PathBuf::from(value),
            "--cache" => options.cache = PathBuf::from(value),
            "--hugo-limit" => options.hugo_limit = number()?,
            "--hugo-max" => options.hugo_max = number()? as usize,
            "--stdportal" => options.stdportal = Some(PathBuf::from(value)),
            "--max-rss" => options.max_rss = number()?,
            "--out" => options.out = Some(PathBuf::from(value)),
            other => return Err(format!("unknown option {other}")),
        }
    }
    Ok(options)
}

/// One row of the table: a tool on a corpus with a thread count, over its runs.
struct Row {
    size: usize,
    tool: Tool,
    threads: Option<usize>,
    runs: Vec<Usage>,
    /// HTML pages and all files in the output of the last run that finished.
    pages: Option<(usize, usize)>,
    loads: Vec<f64>,
    /// Why the tool was not run.
    skipped: Option<String>,
}

fn main() {
    let options = match parse_args() {
        Ok(o) => o,
        Err(e) => {
            eprintln!("error: {e}\nusage: peers [--sizes 1000,10000,50000] [--runs 3] [--threads 1,2] [--work DIR] [--cache DIR] [--hugo-limit S] [--hugo-max N] [--max-rss MB] [--out FILE] [--keep] [--no-hugo] [--stdportal BINARY]");
            std::process::exit(2);
        }
    };
    let repo = Path::new(env!("CARGO_MANIFEST_DIR"));
    let stdportal = match &options.stdportal {
        Some(binary) => binary.clone(),
        None => measure::release_binary(repo),
    };
    let hugo = if options.hugo {
        match hugo::install(&options.cache) {
            Ok(binary) => Some(binary),
            Err(e) => {
                eprintln!("Hugo is left out: {e}");
                None
            }
        }
    } else {
        None
    };
    let hugo_version = hugo.as_deref().and_then(hugo::version);
    let limits = Limits {
        time: Duration::from_secs(options.hugo_limit),
        rss_mb: options.max_rss,
    };
    // stdportal gets the same memory limit but no time limit: its figures are the point.
    let stdportal_limits = Limits {
        time: Duration::from_secs(24 * 3600),
        rss_mb: options.max_rss,
    };

    let mut rows: Vec<Row> = Vec::new();
    // Hugo did not finish at a smaller size (with these threads): not run on larger ones.
    let mut hugo_gave_up: Vec<(Option<usize>, usize)> = Vec::new();
    for &size in &options.sizes {
        let corpus = options.work.join(format!("corpus-{size}"));
        let hugo_site = options.work.join(format!("hugo-{size}"));
        gen_corpus::generate(&gen_corpus::Options {
            pages: size,
            out: corpus.clone(),
            ..gen_corpus::Options::default()
        })
        .expect("corpus written");
        let hugo_here = hugo.is_some() && size <= options.hugo_max;
        if hugo_here {
            let files = hugo::write_site(&corpus, &hugo_site).expect("Hugo site written");
            println!("{size} source pages: {files} Markdown files for Hugo (both languages)");
        }
        let output = options.work.join("public");
        let mut tools = vec![Tool::Stdportal, Tool::StdportalNoSearch];
        if hugo.is_some() {
            tools.push(Tool::Hugo);
        }
        let first = rows.len();
        for &threads in &options.threads {
            for &tool in &tools {
                let skipped = (tool == Tool::Hugo)
                    .then(|| {
                        if !hugo_here {
                            return Some(format!("not run (`--hugo-max {}`)", options.hugo_max));
                        }
                        hugo_gave_up
                            .iter()
                            .find(|(t, _)| *t == threads)
                            .map(|(_, at)| format!("not run: did not finish at {at} pages"))
                    })
                    .flatten();
                rows.push(Row {
                    size,
                    tool,
                    threads,
                    runs: Vec::new(),
                    pages: None,
                    loads: Vec::new(),
                    skipped,
                });
            }
        }
        for run in 0..options.runs {
            for row in rows[first..].iter_mut() {
                if row.skipped.is_some() {
                    continue;
                }
                // A tool that did not finish once is not run again on this corpus.
                if row.runs.iter().any(|u| u.outcome != Outcome::Finished) {
                    continue;
                }
                let _ = std::fs::remove_dir_all(&output);
                let mut command = match row.tool {
                    Tool::Stdportal | Tool::StdportalNoSearch => {
                        let mut c = Command::new(&stdportal);
                        c.args(["--lang", "en", "build", "--root"])
                            .arg(&corpus)
                            .arg("--output")
                            .arg(&output);
                        if row.tool == Tool::StdportalNoSearch {
                            c.arg("--no-search");
                        }
                        if let Some(n) = row.threads {
                            c.env("RAYON_NUM_THREADS", n.to_string());
                        }
                        c
                    }
                    Tool::Hugo => {
                        let mut c = Command::new(hugo.as_ref().unwrap());
                        c.args(["--quiet", "--noBuildLock", "--source"])
                            .arg(&hugo_site)
                            .arg("--destination")
                            .arg(&output)
                            .arg("--cacheDir")
                            .arg(options.work.join("hugo-cache"));
                        if let Some(n) = row.threads {
                            c.env("GOMAXPROCS", n.to_string());
                        }
                        c
                    }
                };
                let load = measure::load_average();
                let limits = if row.tool == Tool::Hugo {
                    &limits
                } else {
                    &stdportal_limits
                };
                let usage = measure::run(&mut command, limits);
                row.loads.push(load);
                println!(
                    "{size} pages, run {}: {}{}: {:.2} s wall, {:.2} s CPU, {:.0} MB, load {load:.1}{}",
                    run + 1,
                    row.tool.name(),
                    row.threads.map(|n| format!(" ({n} threads)")).unwrap_or_default(),
                    usage.wall_s,
                    usage.cpu_s,
                    usage.rss_mb,
                    match &usage.outcome {
                        Outcome::Finished => String::new(),
                        other => format!(" — {other:?}"),
                    }
                );
                if usage.outcome == Outcome::Finished {
                    row.pages = Some(measure::count_files(&output));
                } else if row.tool == Tool::Hugo {
                    hugo_gave_up.push((row.threads, size));
                }
                row.runs.push(usage);
            }
        }
        let _ = std::fs::remove_dir_all(&output);
        if !options.keep {
            let _ = std::fs::remove_dir_all(&corpus);
            let _ = std::fs::remove_dir_all(&hugo_site);
        }
    }
    if !options.keep {
        let _ = std::fs::remove_dir_all(options.work.join("hugo-cache"));
    }

    let report = report(&options, &rows, hugo_version.as_deref(), repo);
    println!("\n{report}");
    let out = options.out.clone().unwrap_or_else(|| {
        repo.join(format!(
            "bench-results/{}-peers.md",
            chrono::Local::now().format("%Y-%m-%d")
        ))
    });
    std::fs::write(&out, &report).expect("report written");
    println!("Written to {}", out.display());
}

fn report(options: &Options, rows: &[Row], hugo_version: Option<&str>, repo: &Path) -> String {
    let commit = Command::new("git")
        .args(["rev-parse", "--short", "HEAD"])
        .current_dir(repo)
        .output()
        .map(|o| String::from_utf8_lossy(&o.stdout).trim().to_string())
        .unwrap_or_default();
    let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
    let mut out = String::new();
    let _ = writeln!(
        out,
        "# stdportal beside Hugo\n\n{} · {cores} cores · stdportal commit {commit} (release) · {} · work folder `{}`.\n",
        chrono::Local::now().format("%Y-%m-%d %H:%M"),
        hugo_version.unwrap_or("Hugo not run"),
        options.work.display()
    );
    let _ = writeln!(
        out,
        "Median of {} runs, interleaved (stdportal, stdportal --no-search, Hugo, then again), each build into an empty output folder. Corpus from `gen_corpus` (~3 KB of Chinese Markdown per source page); Hugo gets the same pages as a two-language site, the Traditional ones converted beforehand with stdportal's OpenCC engine (s2tw), lists of 20, taxonomies topics/city/kind/issuer/validity, one RSS feed of 20 entries per language (`examples/bench/hugo.rs`). *pages out* counts HTML files written (stdportal also writes city, indicator, dashboard and catalogue pages Hugo's site has no data for; Hugo writes a taxonomy list per taxonomy); *files* counts everything written (stdportal's search index included). CPU is user + system time of the process and what it waited for; peak RSS from `wait4`. *load* is the machine's 1-minute load average when each run started (min–max): with {cores} cores, anything above ~0.5 means other work shared the CPUs and wall times are stretched (CPU time much less so). Hugo is stopped after {} s or {} MB. Regenerate with `cargo run --release --example peers`.\n",
        options.runs, options.hugo_limit, options.max_rss
    );
    let _ = writeln!(out, "| source pages | tool | threads | pages out (HTML) | files | wall (s) | CPU (s) | peak RSS (MB) | wall range (s) | load |");
    let _ = writeln!(out, "|---|---|---|---|---|---|---|---|---|---|");
    for row in rows {
        let threads = row
            .threads
            .map_or_else(|| "all".to_string(), |n| n.to_string());
        let prefix = format!("| {} | {} | {threads} |", row.size, row.tool.name());
        if let Some(why) = &row.skipped {
            let _ = writeln!(out, "{prefix} {why} | | | | | | |");
            continue;
        }
        let done: Vec<&Usage> = row
            .runs
            .iter()
            .filter(|u| u.outcome == Outcome::Finished)
            .collect();
        let stopped = row.runs.iter().find(|u| u.outcome != Outcome::Finished);
        let loads = if row.loads.is_empty() {
            String::new()
        } else {
            let lo = row.loads.iter().copied().fold(f64::INFINITY, f64::min);
            let hi = row.loads.iter().copied().fold(f64::NEG_INFINITY, f64::max);
            format!("{lo:.1}–{hi:.1}")
        };
        if let Some(stop) = stopped {
            let why = match &stop.outcome {
                Outcome::TimedOut(s) => format!("**did not finish in {s} s**"),
                Outcome::OverMemory(mb) => {
                    format!("**stopped at {mb} MB** after {:.0} s", stop.wall_s)
                }
                Outcome::Failed(e) => format!("**failed**: {e}"),
                Outcome::Finished => unreachable!(),
            };
            let _ = writeln!(
                out,
                "{prefix} {why} | | > {:.0} | {:.1} | {:.0} | | {loads} |",
                stop.wall_s, stop.cpu_s, stop.rss_mb
            );
            continue;
        }
        let (pages, files) = row.pages.unwrap_or_default();
        let walls: Vec<f64> = done.iter().map(|u| u.wall_s).collect();
        let lo = walls.iter().copied().fold(f64::INFINITY, f64::min);
        let hi = walls.iter().copied().fold(f64::NEG_INFINITY, f64::max);
        let _ = writeln!(
            out,
            "{prefix} {pages} | {files} | **{:.2}** | {:.2} | {:.0} | {lo:.2}–{hi:.2} | {loads} |",
            median(walls.clone()),
            median(done.iter().map(|u| u.cpu_s).collect()),
            median(done.iter().map(|u| u.rss_mb).collect()),
        );
    }
    out
}
