//! How much writing a site costs, apart from making it: the files of a built output folder
//! (`--from public`) are published again and again through `Publisher` into `--out`, each run
//! either into an empty folder (`clean`) or over the last run's output (`rebuild`: every file
//! unchanged, so linked), and the CPU time (user and system) and wall time of each run printed
//! with the medians. Rendering is left out, so the figures hold still on a busy machine.
//!
//! `cargo run --release --example publish_speed -- --from SITE/public --out /dev/shm/p --runs 5`

use std::path::{Path, PathBuf};
use std::time::Instant;

use rayon::prelude::*;
use stdportal::output::{OutputFile, PublishOptions, Publisher};

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let value = |name: &str| {
        args.iter()
            .position(|a| a == name)
            .and_then(|i| args.get(i + 1))
            .cloned()
    };
    let (Some(from), Some(out)) = (value("--from"), value("--out")) else {
        eprintln!("usage: publish_speed --from PUBLIC --out FOLDER [--runs N] [--no-sync]");
        std::process::exit(2);
    };
    let runs: usize = value("--runs").and_then(|n| n.parse().ok()).unwrap_or(5);
    let options = PublishOptions {
        no_sync: args.iter().any(|a| a == "--no-sync"),
        ..PublishOptions::default()
    };
    let files = read_all(Path::new(&from));
    let out = PathBuf::from(out);
    let site = out.join("site");
    let public = site.join("public");
    std::fs::create_dir_all(site.join("content")).expect("out folder");
    println!("{} files", files.len());
    for kind in ["clean", "rebuild"] {
        let mut cpu = Vec::new();
        let mut wall = Vec::new();
        for _ in 0..runs {
            if kind == "clean" {
                let _ = std::fs::remove_dir_all(&public);
            }
            // The trash left by the last run is emptied here, outside the measure.
            let _ = std::fs::remove_dir_all(site.join(".stdportal-public-trash"));
            let files = files.clone();
            let (cpu0, wall0) = (cpu_seconds(), Instant::now());
            let publisher = Publisher::open(&site, &public, options).expect("open");
            files
                .into_par_iter()
                .for_each(|file| publisher.put(file).expect("put"));
            publisher.commit().expect("commit");
            cpu.push(cpu_seconds() - cpu0);
            wall.push(wall0.elapsed().as_secs_f64());
        }
        println!(
            "{kind}: cpu {:.3} s, wall {:.3} s (medians of {runs}; cpu {:?})",
            median(&mut cpu.clone()),
            median(&mut wall),
            cpu.iter()
                .map(|c| (c * 1000.0).round() / 1000.0)
                .collect::<Vec<_>>()
        );
    }
}

fn read_all(root: &Path) -> Vec<OutputFile> {
    let mut files = Vec::new();
    let mut folders = vec![root.to_path_buf()];
    while let Some(folder) = folders.pop() {
        for entry in std::fs::read_dir(&folder).expect("read folder").flatten() {
            let path = entry.path();
            let rel = path.strip_prefix(root).expect("beneath").to_string_lossy();
            if rel.starts_with(".stdportal") {
                continue;
            }
            if entry.file_type().expect("type").is_dir() {
                folders.push(path);
            } else {
                let bytes = std::fs::read(&path).expect("read file");
                files.push(OutputFile {
                    path: rel.into_owned(),
                    bytes,
                });
            }
        }
    }
    files
}

/// User and system time of this process so far (from `/proc/self/stat`, in clock ticks of
/// 10 ms).
fn cpu_seconds() -> f64 {
    let stat = std::fs::read_to_string("/proc/self/stat").expect("/proc/self/stat");
    // The fields after the command name (which is in parentheses and may hold spaces).
    let fields: Vec<&str> = stat[stat.rfind(')').expect("stat") + 2..]
        .split(' ')
        .collect();
    let ticks = |i: usize| fields[i].parse::<f64>().expect("ticks");
    (ticks(11) + ticks(12)) / 100.0
}

fn median(values: &mut [f64]) -> f64 {
    values.sort_by(f64::total_cmp);
    values[values.len() / 2]
}
