//! Conversion speed: `ferrous-opencc` (the reference) against the Aho-Corasick engine
//! (`stdportal::script::engine`) that replaced it.
//!
//!     cargo run --release --example convert_speed [-- --kinds]
//!
//! The text is the example portal's Markdown (every `.md` under `content/`, concatenated and
//! repeated to at least 20 MB). It reports the start-up costs (building the converters), then
//! the median of 5 conversions of the whole text with each engine in MB/s (10^6 bytes per
//! second, one thread), and checks that both engines give the same bytes. `--kinds` also times
//! each Aho-Corasick automaton kind on each node of the chains (the table in `engine.rs`).

use std::path::Path;
use std::time::{Duration, Instant};

use aho_corasick::{AhoCorasick, AhoCorasickKind, MatchKind};
use ferrous_opencc::config::BuiltinConfig;
use ferrous_opencc::OpenCC;
use stdportal::script::engine::{parse_dictionary, OpenccEngine, Profile, DICTIONARY_FILES};
use stdportal::script::{Converter, SiteDictionary, TraditionalProfile};

const RUNS: usize = 5;
const MIN_BYTES: usize = 20_000_000;

fn median(mut values: Vec<f64>) -> f64 {
    values.sort_by(|a, b| a.total_cmp(b));
    values[values.len() / 2]
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1e3
}

/// Median throughput of `convert` on `text`, in MB/s, and its last output.
fn speed(text: &str, mut convert: impl FnMut(&str) -> String) -> (f64, String) {
    let mut times = Vec::new();
    let mut out = String::new();
    for _ in 0..RUNS {
        let started = Instant::now();
        out = convert(text);
        times.push(started.elapsed().as_secs_f64());
    }
    (text.len() as f64 / 1e6 / median(times), out)
}

fn markdown(dir: &Path, out: &mut Vec<std::path::PathBuf>) {
    let mut entries: Vec<_> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    entries.sort();
    for path in entries {
        if path.is_dir() {
            markdown(&path, out);
        } else if path.extension().is_some_and(|e| e == "md") {
            out.push(path);
        }
    }
}

fn main() {
    let kinds = std::env::args().any(|a| a == "--kinds");
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));

    println!("## Start-up (fresh process)\n");
    let started = Instant::now();
    let ferrous_t2s = OpenCC::from_config(BuiltinConfig::T2s).unwrap();
    let ferrous_s2t = OpenCC::from_config(BuiltinConfig::S2t).unwrap();
    let ferrous_load = started.elapsed();
    // What `Converter::new` did besides loading: convert every CJK character once.
    let cjk: String = stdportal::script::CJK_RANGES
        .into_iter()
        .flatten()
        .filter_map(char::from_u32)
        .flat_map(|c| [c, '\n'])
        .collect();
    let started = Instant::now();
    let _ = ferrous_t2s.convert(&cjk);
    let ferrous_bitmap = started.elapsed();
    println!(
        "ferrous-opencc: load t2s + s2t {:.1} ms, Converter's character table {:.1} ms: \
         Converter::new was {:.1} ms",
        ms(ferrous_load),
        ms(ferrous_bitmap),
        ms(ferrous_load + ferrous_bitmap)
    );

    let build = |profile: Profile| {
        let started = Instant::now();
        OpenccEngine::new(profile).prepare();
        started.elapsed()
    };
    let t2s_build = build(Profile::T2s);
    let s2t_build = build(Profile::S2t);
    let s2tw_build = build(Profile::S2tw);
    let s2hk_build = build(Profile::S2hk);
    let s2twp_build = build(Profile::S2twp);
    // The automata are built now, so this is the rest of what `Converter::new` does.
    let started = Instant::now();
    let converter = Converter::new(TraditionalProfile::S2t, &SiteDictionary::default());
    let converter_new = started.elapsed();
    println!(
        "engine: t2s automaton {:.1} ms, s2t automaton {:.1} ms; then s2tw +{:.2} ms, \
         s2hk +{:.2} ms, s2twp +{:.2} ms (they share the s2t node)",
        ms(t2s_build),
        ms(s2t_build),
        ms(s2tw_build),
        ms(s2hk_build),
        ms(s2twp_build)
    );
    println!(
        "engine: Converter::new = t2s automaton + character table {:.1} ms = {:.1} ms; the \
         Traditional automaton is built on a thread of its own from there",
        ms(converter_new),
        ms(t2s_build + converter_new)
    );
    drop(converter);

    let mut files = Vec::new();
    markdown(&root.join("content"), &mut files);
    let mut base = String::new();
    for file in &files {
        base.push_str(&std::fs::read_to_string(file).unwrap());
    }
    let mut hans = String::with_capacity(MIN_BYTES + base.len());
    while hans.len() < MIN_BYTES {
        hans.push_str(&base);
    }
    let s2t = OpenccEngine::new(Profile::S2t);
    let t2s = OpenccEngine::new(Profile::T2s);
    let hant = s2t.convert(&hans).into_owned();
    println!(
        "\n## Throughput (median of {RUNS}, one thread)\n\n{} files, {} bytes, repeated to {:.1} MB \
         (Simplified); the Traditional text is its s2t conversion ({:.1} MB).\n",
        files.len(),
        base.len(),
        hans.len() as f64 / 1e6,
        hant.len() as f64 / 1e6
    );
    println!("| profile | text | ferrous-opencc MB/s | engine MB/s | ratio |");
    println!("|---|---|---|---|---|");
    let cases: [(&str, &str, &OpenCC, OpenccEngine, &str); 3] = [
        ("s2t", "Simplified", &ferrous_s2t, s2t, &hans),
        ("t2s", "Traditional", &ferrous_t2s, t2s, &hant),
        ("t2s", "Simplified", &ferrous_t2s, t2s, &hans),
    ];
    for (name, what, ferrous, engine, text) in cases {
        let (old, expected) = speed(text, |t| ferrous.convert(t));
        let (new, actual) = speed(text, |t| engine.convert(t).into_owned());
        assert!(
            actual == expected,
            "{name} on {what} text: the engines differ"
        );
        println!(
            "| {name} | {what} | {old:.1} | {new:.1} | {:.1}× |",
            new / old
        );
    }
    println!("\n(outputs compared: identical)");

    if kinds {
        automaton_kinds(&hans, &hant);
    }
}

/// Build time, memory and search speed of each automaton kind on each node, with all the
/// node's keys in the automaton or only those of two characters or more (the engine looks the
/// one-character keys of the two big groups up in a table).
fn automaton_kinds(hans: &str, hant: &str) {
    let nodes: [(&str, &[&str], &str); 5] = [
        (
            "STPhrases + STCharacters",
            &["STPhrases", "STCharacters"],
            hans,
        ),
        (
            "TSPhrases + TSCharacters",
            &["TSPhrases", "TSCharacters"],
            hant,
        ),
        ("TWPhrases", &["TWPhrases"], hant),
        ("TWVariants", &["TWVariants"], hant),
        ("HKVariants", &["HKVariants"], hant),
    ];
    println!("\n## Automaton kinds (search = find_iter over the text the node sees)\n");
    println!("| node | keys | patterns | kind | build ms | memory MB | search MB/s |");
    println!("|---|---|---|---|---|---|---|");
    for (name, files, text) in nodes {
        let mut all: Vec<&str> = Vec::new();
        for file in files {
            let file = DICTIONARY_FILES.iter().find(|f| f.name == *file).unwrap();
            all.extend(parse_dictionary(file.text).map(|(key, _)| key));
        }
        all.sort_unstable();
        all.dedup();
        let phrases: Vec<&str> = all
            .iter()
            .copied()
            .filter(|k| k.chars().nth(1).is_some())
            .collect();
        for (which, keys) in [("all", &all), ("2+ characters", &phrases)] {
            if keys.is_empty() {
                continue;
            }
            for kind in [
                AhoCorasickKind::NoncontiguousNFA,
                AhoCorasickKind::ContiguousNFA,
                AhoCorasickKind::DFA,
            ] {
                let started = Instant::now();
                let matcher = AhoCorasick::builder()
                    .match_kind(MatchKind::LeftmostLongest)
                    .kind(Some(kind))
                    .build(keys)
                    .unwrap();
                let built = started.elapsed();
                let mut times = Vec::new();
                for _ in 0..3 {
                    let started = Instant::now();
                    std::hint::black_box(matcher.find_iter(text).count());
                    times.push(started.elapsed().as_secs_f64());
                }
                println!(
                    "| {name} | {which} | {} | {kind:?} | {:.2} | {:.1} | {:.0} |",
                    keys.len(),
                    ms(built),
                    matcher.memory_usage() as f64 / 1e6,
                    text.len() as f64 / 1e6 / median(times)
                );
            }
        }
    }
}
