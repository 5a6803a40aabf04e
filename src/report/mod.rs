//! What a command reports and how: sentences for a person (the default), or one JSON object a
//! line for a program (`--message-format json`, [`events`]); progress by stage on a terminal
//! ([`progress`]); `--quiet`; and the exit status, the same table for every command.
//!
//! The command line chooses once ([`set`]), as it chooses the language; the library alone
//! speaks to a person and draws nothing, so a program or a test using it sees what it did
//! before.

pub mod events;
pub mod progress;
mod stage;
mod terminal;

use std::sync::atomic::{AtomicU8, Ordering};

pub use events::{emit, Event};

/// How messages are written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// Sentences in the editor's language, for a person.
    Human,
    /// One JSON object a line on stdout, for a program (docs/EVENTS.md).
    Json,
}

static FORMAT: AtomicU8 = AtomicU8::new(0);
static QUIET: AtomicU8 = AtomicU8::new(0);

/// Makes every later report use `format`, and say only problems when `quiet` (the command line
/// calls this once, first).
pub fn set(format: Format, quiet: bool) {
    FORMAT.store(matches!(format, Format::Json) as u8, Ordering::Relaxed);
    QUIET.store(quiet as u8, Ordering::Relaxed);
}

/// Whether reports are JSON events.
pub fn json() -> bool {
    FORMAT.load(Ordering::Relaxed) == 1
}

/// Whether only problems are said (`--quiet`).
pub fn quiet() -> bool {
    QUIET.load(Ordering::Relaxed) == 1
}

/// The exit status of every command (docs/EVENTS.md has the table).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Exit {
    /// Done: the site is published, checked without problems, served until Ctrl-C, created.
    Ok,
    /// The site's files have problems (each one reported with its file and line).
    SiteProblems,
    /// The command cannot run as asked: a usage error (clap's), a folder that is not a site, an
    /// output folder refused, the machine (a full disk, a port taken, no permission to write).
    UsageOrEnvironment,
}

impl Exit {
    /// The number the process exits with: 0, 1 or 2.
    pub fn code(self) -> u8 {
        match self {
            Exit::Ok => 0,
            Exit::SiteProblems => 1,
            Exit::UsageOrEnvironment => 2,
        }
    }
}

impl From<Exit> for std::process::ExitCode {
    fn from(exit: Exit) -> Self {
        std::process::ExitCode::from(exit.code())
    }
}
