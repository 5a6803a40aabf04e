//! What compressing the search fragments costs, backend by backend and level by level, on a
//! built site's own fragments: `cargo run --release --example fragment_gzip -- SITE/public`.
//!
//! Every search document's text is gzipped in both scripts during a build, one small file at
//! a time, so this is the largest fixed part of what search adds to a build. The table says
//! what another backend or level would save and what each query would download more.

use std::io::Read;
use std::time::Instant;

fn main() {
    let Some(public) = std::env::args().nth(1) else {
        eprintln!("usage: fragment_gzip SITE/public (a site built with search)");
        std::process::exit(2);
    };
    let fragments = read_fragments(std::path::Path::new(&public));
    if fragments.is_empty() {
        eprintln!(
            "no fragments under {public}/search/data/s and t: build the site with search first"
        );
        std::process::exit(1);
    }
    let raw: usize = fragments.iter().map(Vec::len).sum();
    println!(
        "{} fragments, {:.1} MB of JSON, median {} bytes",
        fragments.len(),
        raw as f64 / 1e6,
        median(fragments.iter().map(Vec::len).collect())
    );
    println!(
        "| backend | level | µs per fragment (median of 5 passes) | deflate bytes | vs zlib-rs 2 |"
    );
    println!("|---|---|---|---|---|");
    let reference = deflated_size(&fragments, |f| zlib_rs(f, 2));
    for level in [1, 2, 3] {
        row("zlib-rs", level, &fragments, reference, |f| {
            zlib_rs(f, level)
        });
    }
    for level in [1u8, 2, 3] {
        row("miniz_oxide", level.into(), &fragments, reference, |f| {
            miniz_oxide::deflate::compress_to_vec(f, level)
        });
    }
}

fn row(
    name: &str,
    level: u32,
    fragments: &[Vec<u8>],
    reference: usize,
    f: impl Fn(&[u8]) -> Vec<u8>,
) {
    let mut passes = Vec::new();
    for _ in 0..5 {
        let start = Instant::now();
        for fragment in fragments {
            std::hint::black_box(f(fragment));
        }
        passes.push(start.elapsed().as_secs_f64() * 1e6 / fragments.len() as f64);
    }
    passes.sort_by(f64::total_cmp);
    let size = deflated_size(fragments, f);
    println!(
        "| {name} | {level} | {:.1} | {size} | {:+.1} % |",
        passes[2],
        100.0 * (size as f64 - reference as f64) / reference as f64
    );
}

/// Raw deflate with the compressor flate2 uses for the index (zlib-rs, see Cargo.toml); a
/// fresh compressor each time costs more than the compressing, so one is kept per level.
fn zlib_rs(bytes: &[u8], level: u32) -> Vec<u8> {
    thread_local! {
        static KEPT: std::cell::RefCell<Vec<(u32, flate2::Compress)>> =
            const { std::cell::RefCell::new(Vec::new()) };
    }
    KEPT.with(|kept| {
        let mut kept = kept.borrow_mut();
        if !kept.iter().any(|(l, _)| *l == level) {
            kept.push((
                level,
                flate2::Compress::new(flate2::Compression::new(level), false),
            ));
        }
        let c = &mut kept
            .iter_mut()
            .find(|(l, _)| *l == level)
            .expect("just kept")
            .1;
        let mut out = Vec::new();
        stdportal::search::format::deflate_into(c, bytes, &mut out);
        out
    })
}

fn deflated_size(fragments: &[Vec<u8>], f: impl Fn(&[u8]) -> Vec<u8>) -> usize {
    fragments.iter().map(|x| f(x).len()).sum()
}

fn median(mut v: Vec<usize>) -> usize {
    v.sort_unstable();
    v.get(v.len() / 2).copied().unwrap_or(0)
}

/// Every fragment's JSON: the gzip files of both scripts' fragment folders, opened.
fn read_fragments(public: &std::path::Path) -> Vec<Vec<u8>> {
    let mut out = Vec::new();
    for script in ["s", "t"] {
        let Ok(dir) = std::fs::read_dir(public.join("search/data").join(script)) else {
            continue;
        };
        let mut paths: Vec<_> = dir.filter_map(|e| Some(e.ok()?.path())).collect();
        paths.sort();
        for path in paths {
            let Ok(bytes) = std::fs::read(&path) else {
                continue;
            };
            let mut json = Vec::new();
            if flate2::read::GzDecoder::new(&bytes[..])
                .read_to_end(&mut json)
                .is_ok()
            {
                out.push(json);
            }
        }
    }
    out
}
