//! Where a build spends its time: wall time per stage, and CPU time summed over threads for the
//! work done page by page in parallel (templates and script conversion). Printed by
//! `stdportal build --timings` and read by the benchmark.

use std::fmt;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Mutex;
use std::time::{Duration, Instant};

#[derive(Default)]
pub struct Timings {
    stages: Mutex<Vec<(&'static str, Duration)>>,
    template_cpu_ns: AtomicU64,
    convert_cpu_ns: AtomicU64,
    search_cpu_ns: AtomicU64,
}

impl Timings {
    /// Runs `f` and records its wall time as `stage`.
    pub fn stage<T>(&self, stage: &'static str, f: impl FnOnce() -> T) -> T {
        let started = Instant::now();
        let value = f();
        self.record(stage, started.elapsed());
        value
    }

    pub fn record(&self, stage: &'static str, duration: Duration) {
        if let Ok(mut stages) = self.stages.lock() {
            stages.push((stage, duration));
        }
    }

    /// Runs `f` (on any thread) and adds its time to the template CPU total.
    pub fn template<T>(&self, f: impl FnOnce() -> T) -> T {
        Self::add(&self.template_cpu_ns, f)
    }

    /// Runs `f` (on any thread) and adds its time to the conversion CPU total.
    pub fn convert<T>(&self, f: impl FnOnce() -> T) -> T {
        Self::add(&self.convert_cpu_ns, f)
    }

    /// Runs `f` (on any thread) and adds its time to the search CPU total (a page's text, keys
    /// and fragments for the index, made while pages render).
    pub fn search<T>(&self, f: impl FnOnce() -> T) -> T {
        Self::add(&self.search_cpu_ns, f)
    }

    fn add<T>(counter: &AtomicU64, f: impl FnOnce() -> T) -> T {
        let started = Instant::now();
        let value = f();
        counter.fetch_add(started.elapsed().as_nanos() as u64, Ordering::Relaxed);
        value
    }

    /// `name=milliseconds` pairs, in the order the stages ran.
    pub fn summary(&self) -> Vec<(String, f64)> {
        let ms = |d: Duration| d.as_secs_f64() * 1000.0;
        let mut out: Vec<(String, f64)> = self
            .stages
            .lock()
            .map(|s| s.iter().map(|(n, d)| (n.to_string(), ms(*d))).collect())
            .unwrap_or_default();
        out.push((
            "template_cpu".into(),
            self.template_cpu_ns.load(Ordering::Relaxed) as f64 / 1e6,
        ));
        out.push((
            "convert_cpu".into(),
            self.convert_cpu_ns.load(Ordering::Relaxed) as f64 / 1e6,
        ));
        out.push((
            "search_cpu".into(),
            self.search_cpu_ns.load(Ordering::Relaxed) as f64 / 1e6,
        ));
        out
    }
}

impl fmt::Display for Timings {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let parts: Vec<String> = self
            .summary()
            .iter()
            .map(|(n, ms)| format!("{n}_ms={ms:.1}"))
            .collect();
        write!(f, "timings: {}", parts.join(" "))?;
        if let Some(kb) = peak_rss_kb() {
            write!(f, " peak_rss_mb={:.1}", kb as f64 / 1024.0)?;
        }
        Ok(())
    }
}

/// The process's peak resident memory (Linux: VmHWM), in KiB.
pub(crate) fn peak_rss_kb() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    line.split_whitespace().nth(1)?.parse().ok()
}
