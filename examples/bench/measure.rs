//! Running a build as a child process and measuring it (included by `peers.rs`): wall time, CPU
//! time (user + system, the child and what it waited for) and peak RSS from `wait4`, with a time
//! and a memory limit past which the child is killed, so that a peer that takes an hour or
//! eats the machine's memory is reported as such instead of holding the benchmark.

use std::io::Read;
use std::process::{Command, Stdio};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

/// How a measured run ended.
#[derive(Debug, Clone, PartialEq)]
pub enum Outcome {
    Finished,
    /// Exited with an error: the status and the end of what it wrote to standard error.
    Failed(String),
    /// Killed after the time limit (seconds).
    TimedOut(u64),
    /// Killed when its resident memory passed the limit (MB).
    OverMemory(u64),
}

#[derive(Debug, Clone)]
pub struct Usage {
    pub wall_s: f64,
    pub cpu_s: f64,
    pub rss_mb: f64,
    pub outcome: Outcome,
}

pub struct Limits {
    pub time: Duration,
    pub rss_mb: u64,
}

/// Runs `command`, killing it past `limits`.
// The child is reaped by `wait4` (which also gives its resource use), not `Child::wait`.
#[allow(clippy::zombie_processes)]
pub fn run(command: &mut Command, limits: &Limits) -> Usage {
    let started = Instant::now();
    let mut child = match command
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
    {
        Ok(child) => child,
        Err(e) => {
            return Usage {
                wall_s: 0.0,
                cpu_s: 0.0,
                rss_mb: 0.0,
                outcome: Outcome::Failed(format!("cannot start: {e}")),
            }
        }
    };
    let pid = child.id() as libc::pid_t;
    let drain = |pipe: Option<Box<dyn Read + Send>>| {
        std::thread::spawn(move || {
            let mut bytes = Vec::new();
            if let Some(mut pipe) = pipe {
                let _ = pipe.read_to_end(&mut bytes);
            }
            String::from_utf8_lossy(&bytes).into_owned()
        })
    };
    let stdout = drain(
        child
            .stdout
            .take()
            .map(|p| Box::new(p) as Box<dyn Read + Send>),
    );
    let stderr = drain(
        child
            .stderr
            .take()
            .map(|p| Box::new(p) as Box<dyn Read + Send>),
    );

    // The watchdog kills the child past a limit. It stops before the child is reaped (the child
    // stays a zombie until `wait4` below), so it can never signal a process that reused the pid.
    let exited = Arc::new(AtomicBool::new(false));
    let watchdog = {
        let exited = Arc::clone(&exited);
        let time = limits.time;
        let rss_limit = limits.rss_mb;
        std::thread::spawn(move || -> Option<Outcome> {
            let page_kb = 4;
            while !exited.load(Ordering::Acquire) {
                let over = if started.elapsed() > time {
                    Some(Outcome::TimedOut(time.as_secs()))
                } else {
                    std::fs::read_to_string(format!("/proc/{pid}/statm"))
                        .ok()
                        .and_then(|s| s.split_whitespace().nth(1)?.parse::<u64>().ok())
                        .filter(|pages| pages * page_kb / 1024 > rss_limit)
                        .map(|_| Outcome::OverMemory(rss_limit))
                };
                if over.is_some() {
                    // SAFETY: plain system call; the child is not reaped yet (see above).
                    unsafe { libc::kill(pid, libc::SIGKILL) };
                    return over;
                }
                std::thread::sleep(Duration::from_millis(50));
            }
            None
        })
    };
    // Wait for the exit without reaping (WNOWAIT), stop the watchdog, then reap with `wait4`.
    // SAFETY: an all-zero siginfo_t is valid; waitid fills it.
    let mut info: libc::siginfo_t = unsafe { std::mem::zeroed() };
    unsafe {
        libc::waitid(
            libc::P_PID,
            pid as libc::id_t,
            &mut info,
            libc::WEXITED | libc::WNOWAIT,
        )
    };
    exited.store(true, Ordering::Release);
    let stopped = watchdog.join().ok().flatten();
    let mut status = 0;
    // SAFETY: an all-zero rusage is valid; wait4 fills it for this child, which we own and
    // have not reaped.
    let mut usage: libc::rusage = unsafe { std::mem::zeroed() };
    let waited = unsafe { libc::wait4(pid, &mut status, 0, &mut usage) };
    let wall_s = started.elapsed().as_secs_f64();
    let _ = stdout.join();
    let stderr = stderr.join().unwrap_or_default();
    let tv = |t: libc::timeval| t.tv_sec as f64 + t.tv_usec as f64 / 1e6;
    let ok = waited == pid && libc::WIFEXITED(status) && libc::WEXITSTATUS(status) == 0;
    let outcome = match stopped {
        Some(outcome) => outcome,
        None if ok => Outcome::Finished,
        None => {
            let tail: String = stderr
                .lines()
                .rev()
                .take(5)
                .collect::<Vec<_>>()
                .into_iter()
                .rev()
                .collect::<Vec<_>>()
                .join(" | ");
            Outcome::Failed(format!("status {status:#x}: {tail}"))
        }
    };
    Usage {
        wall_s,
        cpu_s: tv(usage.ru_utime) + tv(usage.ru_stime),
        rss_mb: usage.ru_maxrss as f64 / 1024.0,
        outcome,
    }
}

/// The 1-minute load average of the machine (`/proc/loadavg`).
pub fn load_average() -> f64 {
    std::fs::read_to_string("/proc/loadavg")
        .ok()
        .and_then(|s| s.split_whitespace().next()?.parse().ok())
        .unwrap_or(f64::NAN)
}

/// HTML files and all files under `dir`.
pub fn count_files(dir: &std::path::Path) -> (usize, usize) {
    let mut html = 0;
    let mut all = 0;
    for entry in walkdir::WalkDir::new(dir).into_iter().flatten() {
        if entry.file_type().is_file() {
            all += 1;
            if entry.path().extension().is_some_and(|e| e == "html") {
                html += 1;
            }
        }
    }
    (html, all)
}

pub fn median(mut values: Vec<f64>) -> f64 {
    values.sort_by(|a, b| a.total_cmp(b));
    match values.len() {
        0 => f64::NAN,
        n if n % 2 == 1 => values[n / 2],
        n => (values[n / 2 - 1] + values[n / 2]) / 2.0,
    }
}

/// `cargo build --release --bin stdportal` in `repo`, and the binary it made: in
/// `CARGO_TARGET_DIR` when that is set, as cargo reads it, else in `repo/target`.
pub fn release_binary(repo: &std::path::Path) -> std::path::PathBuf {
    let status = Command::new("cargo")
        .args(["build", "--release", "--bin", "stdportal"])
        .current_dir(repo)
        .status()
        .expect("cargo runs");
    assert!(status.success(), "the release build failed");
    std::env::var_os("CARGO_TARGET_DIR")
        .map(std::path::PathBuf::from)
        .unwrap_or_else(|| repo.join("target"))
        .join("release/stdportal")
}
