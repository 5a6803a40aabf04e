//! The stages drawn on a terminal (stderr), through indicatif: one line a stage, with a bar and
//! counts when it knows its total, the time it has taken, and an estimate of the time left once
//! it has run a few seconds. Stages that ended stay, ticked, until the command clears them all.

use std::io::IsTerminal;
use std::sync::{Mutex, PoisonError};
use std::time::Duration;

use indicatif::{MultiProgress, ProgressBar, ProgressDrawTarget, ProgressState, ProgressStyle};

use super::stage::Stage;

/// How often the bars are drawn at most (a count changing faster is shown at this rate).
const REDRAWS_PER_SECOND: u8 = 10;

/// After how long a stage says how long it still needs (earlier estimates jump about).
const ESTIMATE_AFTER: Duration = Duration::from_secs(3);

/// Whether progress is drawn: stderr is a terminal a person watches. Not with `--quiet`, not in
/// CI (`CI` set, as CI services set it, even when they give the job a terminal), not on a
/// terminal that cannot move the cursor (`TERM=dumb`, Emacs' shell).
pub(super) fn wanted() -> bool {
    let set = |name: &str| {
        std::env::var_os(name).is_some_and(|v| !v.is_empty() && v != "0" && v != "false")
    };
    !super::quiet()
        && std::io::stderr().is_terminal()
        && !set("CI")
        && std::env::var_os("TERM").is_none_or(|t| t != "dumb")
}

pub(super) struct Display {
    bars: MultiProgress,
    shown: Mutex<Vec<(Stage, ProgressBar)>>,
}

impl Display {
    pub(super) fn new() -> Display {
        Display {
            bars: MultiProgress::with_draw_target(ProgressDrawTarget::stderr_with_hz(
                REDRAWS_PER_SECOND,
            )),
            shown: Mutex::new(Vec::new()),
        }
    }

    fn bar(&self, stage: Stage) -> Option<ProgressBar> {
        self.shown
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .iter()
            .find(|(s, _)| *s == stage)
            .map(|(_, bar)| bar.clone())
    }

    pub(super) fn begin(&self, stage: Stage) {
        if let Some(bar) = self.bar(stage) {
            bar.reset();
            bar.set_style(spinner_style(stage));
            return;
        }
        let bar = self
            .bars
            .add(ProgressBar::no_length().with_style(spinner_style(stage)));
        // A stage that counts nothing (the search index, the swap) still shows it is alive.
        bar.enable_steady_tick(Duration::from_millis(100));
        self.shown
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .push((stage, bar));
    }

    pub(super) fn total(&self, stage: Stage, total: u64) {
        if let Some(bar) = self.bar(stage) {
            bar.set_length(total);
            bar.set_style(bar_style(stage));
        }
    }

    pub(super) fn advance(&self, stage: Stage, n: u64) {
        // The bar is found under a lock: cheap beside a page's rendering, and only on a terminal.
        if let Some(bar) = self.bar(stage) {
            bar.inc(n);
        }
    }

    pub(super) fn end(&self, stage: Stage, _took: Duration) {
        if let Some(bar) = self.bar(stage) {
            bar.set_style(done_style(stage, bar.length().is_some()));
            bar.finish();
        }
    }

    pub(super) fn suspend<T>(&self, f: impl FnOnce() -> T) -> T {
        self.bars.suspend(f)
    }

    /// Takes every line off the terminal.
    pub(super) fn clear(&self) {
        for (_, bar) in self
            .shown
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .drain(..)
        {
            bar.finish_and_clear();
        }
        let _ = self.bars.clear();
    }
}

/// `读取  ⠋  12.3 秒`
fn spinner_style(stage: Stage) -> ProgressStyle {
    style(stage, "{spinner:.cyan} {label}  {took}")
}

/// `生成页面并转换繁体  ━━━━━━╸─────  6,120/10,240 页  5.2 秒  还需约 4 秒`
fn bar_style(stage: Stage) -> ProgressStyle {
    style(
        stage,
        "{spinner:.cyan} {label}  {bar:30.cyan/blue}  {count}  {took}{left}",
    )
}

/// `✓ 读取  10,002/10,002 个文件  1.2 秒`, `✓ 发布  0.3 秒`
fn done_style(stage: Stage, counted: bool) -> ProgressStyle {
    if counted {
        style(stage, "{spinner:.green} {label}  {count}  {took}")
    } else {
        style(stage, "{spinner:.green} {label}  {took}")
    }
}

fn style(stage: Stage, template: &str) -> ProgressStyle {
    let label = stage.label();
    ProgressStyle::with_template(template)
        .unwrap_or_else(|_| ProgressStyle::default_spinner())
        .tick_chars("⠋⠙⠹⠸⠼⠴⠦⠧⠇⠏✓")
        .progress_chars("━╸─")
        .with_key(
            "label",
            move |_: &ProgressState, w: &mut dyn std::fmt::Write| {
                let _ = w.write_str(&label);
            },
        )
        .with_key(
            "count",
            move |state: &ProgressState, w: &mut dyn std::fmt::Write| {
                // A stage that counts nothing (the search index, the swap) shows no count.
                if let Some(total) = state.len() {
                    let _ = w.write_str(&stage.count(&grouped(state.pos()), &grouped(total)));
                }
            },
        )
        .with_key(
            "took",
            |state: &ProgressState, w: &mut dyn std::fmt::Write| {
                let _ = w.write_str(&crate::t!(
                    "progress-took",
                    seconds = seconds(state.elapsed())
                ));
            },
        )
        .with_key(
            "left",
            |state: &ProgressState, w: &mut dyn std::fmt::Write| {
                if let Some(left) = estimate(state) {
                    let _ = w.write_str("  ");
                    let _ = w.write_str(&crate::t!("progress-left", seconds = seconds(left)));
                }
            },
        )
}

/// The time left, once the stage has run long enough for the rate to mean something.
fn estimate(state: &ProgressState) -> Option<Duration> {
    let total = state.len()?;
    (state.elapsed() >= ESTIMATE_AFTER && state.pos() > 0 && state.pos() < total)
        .then(|| state.eta())
}

/// Seconds as a person reads them: tenths under ten seconds, whole seconds above.
fn seconds(duration: Duration) -> String {
    let secs = duration.as_secs_f64();
    if secs < 10.0 {
        format!("{secs:.1}")
    } else {
        format!("{secs:.0}")
    }
}

fn grouped(n: u64) -> String {
    crate::digits::grouped(n)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn times_read_as_a_person_says_them() {
        assert_eq!(seconds(Duration::from_millis(1234)), "1.2");
        assert_eq!(seconds(Duration::from_millis(12_600)), "13");
    }
}
