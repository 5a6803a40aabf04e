//! Runs queries against a built site's search index as the search page does, and prints the
//! results (the Rust copy of the client, `stdportal::search::query`):
//!
//!     cargo run --example search_query -- public 标准化 "国发〔2015〕13号" ...
//!
//! Options before the queries: --hant (Traditional fragments), --all (verify every
//! candidate instead of the first page), --city ID, --kind KIND, --year YEAR.

use std::path::PathBuf;

use stdportal::search::query::{Filters, Searcher};
use stdportal::search::INDEX_DIR;

fn main() {
    let mut args = std::env::args().skip(1);
    let Some(public) = args.next().map(PathBuf::from) else {
        eprintln!("usage: search_query PUBLIC_DIR [--hant] [--all] [--city ID] QUERY...");
        std::process::exit(2);
    };
    let (mut hant, mut all) = (false, false);
    let mut filters = Filters::default();
    let mut queries = Vec::new();
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--hant" => hant = true,
            "--all" => all = true,
            "--city" => filters.city = args.next().unwrap_or_default(),
            "--kind" => filters.kind = args.next().unwrap_or_default(),
            "--year" => filters.year = args.next().unwrap_or_default(),
            _ => queries.push(arg),
        }
    }
    let dir = public.join(INDEX_DIR);
    let read = |name: &str| std::fs::read(dir.join(name)).ok();
    for query in queries {
        let searcher = match Searcher::open(&read) {
            Ok(s) => s,
            Err(e) => {
                eprintln!("{e}");
                std::process::exit(1);
            }
        };
        let outcome = if all {
            searcher.all(&query, hant, &filters)
        } else {
            searcher.first_page(&query, hant, &filters)
        };
        match outcome {
            Ok(outcome) => {
                let bytes: u64 = outcome
                    .fetched
                    .iter()
                    .filter_map(|f| std::fs::metadata(dir.join(f)).ok())
                    .map(|m| m.len())
                    .sum();
                println!(
                    "== {query}: {} {:?}, {} candidates, {} shown, {} checked{}, {} files, {bytes} bytes",
                    outcome.step.code(),
                    outcome.words,
                    outcome.candidates,
                    outcome.hits.len(),
                    outcome.checked,
                    if outcome.exact { " (exact)" } else { "" },
                    outcome.fetched.len()
                );
                for hit in outcome.hits {
                    println!("  {:>4} {}  {}", hit.id, hit.path, hit.title);
                }
            }
            Err(e) => println!("== {query}: {e}"),
        }
    }
}
