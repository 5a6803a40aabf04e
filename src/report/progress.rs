//! How far long work is, by stage: a few calls where the work is done, watched by whoever the
//! command set up ([`watch`]): bars on a terminal, a `stage` event per stage in JSON mode.
//!
//! The build calls [`stage`] when a stage starts (it ends when the guard is dropped),
//! [`total`] once it knows how many items the stage has, and [`advance`] as each is done, from
//! any thread. Without a watcher (the library used alone, a test, serve's later rebuilds),
//! each call is one atomic load.
//!
//! A command that is not a build (`import`, issue 22) uses the same calls: it adds its stages
//! to [`Stage`] (a name for the JSON events and a label in `progress.ftl`), wraps its work in
//! [`watch`], and reports its problems and its summary through [`super::events`].

use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::{Arc, Mutex, OnceLock, PoisonError, RwLock};
use std::time::{Duration, Instant};

use super::events::{self, Event};
pub use super::stage::Stage;
use super::terminal::Display;

/// The stages of one command as they ran.
struct Watcher {
    began: [Mutex<Option<Instant>>; Stage::ALL.len()],
    counts: [AtomicU64; Stage::ALL.len()],
    ran: Mutex<Vec<(Stage, Duration, Option<u64>)>>,
    json: bool,
    display: Option<Display>,
}

static ACTIVE: AtomicBool = AtomicBool::new(false);

fn current() -> &'static RwLock<Option<Arc<Watcher>>> {
    static CURRENT: OnceLock<RwLock<Option<Arc<Watcher>>>> = OnceLock::new();
    CURRENT.get_or_init(|| RwLock::new(None))
}

fn watcher() -> Option<Arc<Watcher>> {
    if !ACTIVE.load(Ordering::Relaxed) {
        return None;
    }
    current()
        .read()
        .unwrap_or_else(PoisonError::into_inner)
        .clone()
}

/// The stages are watched until the guard is dropped (or [`Watching::finish`]ed): drawn on the
/// terminal when stderr is one (and not `--quiet`, not CI, not `TERM=dumb`), told as `stage`
/// events in JSON mode.
pub fn watch() -> Watching {
    let watcher = Arc::new(Watcher {
        began: Default::default(),
        counts: Default::default(),
        ran: Mutex::new(Vec::new()),
        json: super::json(),
        display: super::terminal::wanted().then(Display::new),
    });
    *current().write().unwrap_or_else(PoisonError::into_inner) = Some(watcher.clone());
    ACTIVE.store(true, Ordering::Relaxed);
    Watching(Some(watcher))
}

/// Watching the stages of a command (see [`watch`]).
pub struct Watching(Option<Arc<Watcher>>);

/// What the stages did, once the watching is over.
#[derive(Debug, Default)]
pub struct Ran(Vec<(Stage, Duration, Option<u64>)>);

impl Ran {
    /// Whether `stage` ran (and ended).
    pub fn has(&self, stage: Stage) -> bool {
        self.0.iter().any(|(s, _, _)| *s == stage)
    }
}

impl Watching {
    /// Stops watching: the bars are cleared from the terminal, so what is printed next stands
    /// where they were.
    pub fn finish(mut self) -> Ran {
        self.stop()
    }

    fn stop(&mut self) -> Ran {
        let Some(watcher) = self.0.take() else {
            return Ran::default();
        };
        let mut current = current().write().unwrap_or_else(PoisonError::into_inner);
        if current.as_ref().is_some_and(|w| Arc::ptr_eq(w, &watcher)) {
            ACTIVE.store(false, Ordering::Relaxed);
            *current = None;
        }
        drop(current);
        if let Some(display) = &watcher.display {
            display.clear();
        }
        let ran = std::mem::take(&mut *watcher.ran.lock().unwrap_or_else(PoisonError::into_inner));
        Ran(ran)
    }
}

impl Drop for Watching {
    fn drop(&mut self) {
        self.stop();
    }
}

/// Starts `stage`; it ends when the guard is dropped.
pub fn stage(stage: Stage) -> StageGuard {
    if let Some(watcher) = watcher() {
        *watcher.began[stage.index()]
            .lock()
            .unwrap_or_else(PoisonError::into_inner) = Some(Instant::now());
        watcher.counts[stage.index()].store(0, Ordering::Relaxed);
        if let Some(display) = &watcher.display {
            display.begin(stage);
        }
    }
    StageGuard(stage)
}

/// The stage has `total` items.
pub fn total(stage: Stage, total: u64) {
    if let Some(display) = watcher().as_ref().and_then(|w| w.display.as_ref()) {
        display.total(stage, total);
    }
}

/// `n` more items of the stage are done.
pub fn advance(stage: Stage, n: u64) {
    if let Some(watcher) = watcher() {
        watcher.counts[stage.index()].fetch_add(n, Ordering::Relaxed);
        if let Some(display) = &watcher.display {
            display.advance(stage, n);
        }
    }
}

/// Runs `f` with the bars taken off the terminal (and drawn again after): for a line written
/// while they are shown.
pub fn suspended<T>(f: impl FnOnce() -> T) -> T {
    match watcher().as_ref().and_then(|w| w.display.as_ref()) {
        Some(display) => display.suspend(f),
        None => f(),
    }
}

/// A stage going on; dropping it ends the stage.
#[must_use = "the stage ends when this is dropped"]
pub struct StageGuard(Stage);

impl Drop for StageGuard {
    fn drop(&mut self) {
        let Some(watcher) = watcher() else { return };
        let stage = self.0;
        let Some(began) = watcher.began[stage.index()]
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .take()
        else {
            return;
        };
        let took = began.elapsed();
        let count = watcher.counts[stage.index()].load(Ordering::Relaxed);
        let count = (count > 0).then_some(count);
        if let Some(display) = &watcher.display {
            display.end(stage, took);
        }
        watcher
            .ran
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .push((stage, took, count));
        if watcher.json {
            events::emit(&Event::Stage {
                stage: stage.name().to_string(),
                ms: events::ms(took),
                count,
            });
        }
    }
}
