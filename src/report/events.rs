//! The JSON events of `--message-format json`: one object a line on stdout, each with
//! `"version"` (of this schema) and `"event"` (its type). docs/EVENTS.md describes every type
//! and its fields, and a test compares its examples with what the commands write, both ways.
//!
//! Programs read these instead of the sentences, which change with the language and the
//! wording; the sentences that go with an event are in its `message`, for showing to a person.

use std::collections::BTreeMap;
use std::io::Write as _;
use std::time::Duration;

use serde::Serialize;

use crate::error::Diagnostic;

/// The schema's version: raised when a field changes meaning or is removed (new fields and
/// new event types do not raise it).
pub const VERSION: u32 = 1;

/// How serious a diagnostic is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Severity {
    /// The site is not built (or `check` fails) until it is fixed.
    Error,
    /// Worth knowing, nothing failed: serve's notices about itself.
    Warning,
    /// A remark on the sources: `check`'s punctuation that the typography pass changes.
    Note,
}

/// One event. Its fields are those of docs/EVENTS.md.
#[derive(Debug, Serialize)]
#[serde(tag = "event", rename_all = "snake_case")]
pub enum Event {
    /// The first line of every command.
    Start {
        /// `build`, `check`, `serve`, `init` or `import`.
        command: String,
        /// The program's version (Cargo.toml's `version`).
        stdportal: String,
        /// The language of the messages: `zh-Hans`, `zh-Hant` or `en`.
        lang: String,
    },
    /// A stage of the work ended.
    Stage {
        /// `read`, `render`, `index`, `publish` or `check` (the stages a terminal shows as
        /// progress).
        stage: String,
        /// How long the stage took, in milliseconds.
        ms: f64,
        /// How many items it did (files read, pages rendered in both scripts, pages checked); null
        /// for a stage that counts nothing.
        count: Option<u64>,
    },
    /// A problem, a warning or a note about the site's files or the command.
    Diagnostic(DiagnosticEvent),
    /// The search index is made (a build with search; serve's first build).
    SearchIndexReady {
        /// Milliseconds since the command started.
        ms: f64,
    },
    /// A link out of the site (`check` lists them, it does not fetch them).
    ExternalLink {
        /// The page the link is on: its source file, or for a page the site makes, the words for it
        /// and its address.
        page: String,
        /// Where the link points, as written.
        url: String,
    },
    /// A build succeeded: into `output`, or in memory (`serve`, `output` null).
    Built {
        /// HTML pages written, both scripts counted.
        pages: usize,
        /// Every file of the site (pages, data, search index, static files).
        files: usize,
        /// The output folder; null for `serve` (in memory).
        output: Option<String>,
        /// The Traditional conversion's OpenCC profile (`s2t`, `s2tw`, `s2hk`).
        profile: String,
        /// How long the build took, in milliseconds.
        ms: f64,
        /// Milliseconds by stage name, as `build --timings` prints them (names may be added).
        timings: BTreeMap<String, f64>,
        /// The sentence of the human log, in the command's language.
        message: String,
    },
    /// A build stopped on problems (they came before as diagnostics).
    BuildFailed {
        /// How many problems stopped it (also those past the 50 shown of a file).
        problems: usize,
        /// How long the build took, in milliseconds.
        ms: f64,
        /// The sentence of the human log, in the command's language.
        message: String,
    },
    /// `check` checked a site that builds.
    Checked {
        /// Pages checked.
        pages: usize,
        /// Links checked.
        links: usize,
        /// Problems found (each came before as a diagnostic).
        problems: usize,
        /// Links out of the site (listed, not fetched).
        external: usize,
        /// Half-width punctuation marks in Chinese text.
        marks: usize,
        /// How long the check took, in milliseconds.
        ms: f64,
        /// The sentence of the human log, in the command's language.
        message: String,
    },
    /// `check --gov` applied the government website inspection's rules (its findings came
    /// before as diagnostics).
    GovChecked {
        /// The day the rules were computed for, `YYYY-MM-DD`.
        date: String,
        /// How many rules were applied.
        rules: usize,
        /// How many of them the site fails.
        failed: usize,
        /// The sentence of the human log, in the command's language.
        message: String,
    },
    /// `init` made a site.
    Created {
        /// The new site's folder.
        dir: String,
        /// The sentence of the human log, in the command's language.
        message: String,
    },
    /// `import --dry-run`: one element of the document as the reader recognised it.
    Recognised {
        /// The Word file, as given on the command line.
        source: String,
        /// Which element of the 公文: `doc_number`, `title`, `signer`, `printed_on`, `picture` …
        /// (docs/EVENTS.md lists them).
        element: String,
        /// What was read (a date or a 发文字号 also as written, in the command's language).
        value: String,
        /// The paragraph it came from, counted from 1 over the whole document; null when it has
        /// none.
        paragraph: Option<usize>,
        /// The line of the human log, in the command's language.
        message: String,
    },
    /// `import` made a page of a Word file (with `dry_run`, would have).
    Imported {
        /// The Word file, as given on the command line.
        source: String,
        /// The page's Markdown file, relative to the site's folder.
        page: String,
        /// Every file written (or that would be, with `dry_run`), the page first.
        files: Vec<String>,
        /// `--dry-run`: nothing was written.
        dry_run: bool,
        /// The sentence of the human log, in the command's language.
        message: String,
    },
    /// `serve` answers at `url`.
    Serving {
        /// `http://HOST:PORT/`, with the port actually taken (`--port 0`, or a port in use).
        url: String,
        /// The sentence of the human log, in the command's language.
        message: String,
    },
    /// `serve` rebuilt after files changed.
    Rebuilt {
        /// How long the rebuild took, in milliseconds.
        ms: f64,
        /// The site's files that changed, relative to the site's folder, sorted.
        changed: Vec<String>,
        /// `partial` (only what shows the edited pages and tables), `full` (the whole site) or
        /// `css` (stylesheets only).
        kind: String,
        /// Output pages whose bytes changed (added, changed or removed), sorted.
        pages: Vec<String>,
        /// Other output files whose bytes changed.
        files: Vec<String>,
        /// With `partial`, how many pages were rendered again; null otherwise.
        rendered: Option<usize>,
        /// The previous build had failed and this one succeeded.
        fixed: bool,
        /// The sentence of the human log, in the command's language.
        message: String,
    },
    /// `serve`'s rebuild failed (its problems came before as diagnostics).
    RebuildFailed {
        /// How long the rebuild took, in milliseconds.
        ms: f64,
        /// The site's files that changed, relative to the site's folder, sorted.
        changed: Vec<String>,
        /// How many problems (each came before as a diagnostic).
        problems: usize,
        /// A file was refused unread (a link out of the site, a pipe, too large): no page is served
        /// until it is fixed.
        refused: bool,
        /// The sentence of the human log, in the command's language.
        message: String,
    },
    /// The last line of every command (serve's after Ctrl-C).
    Finished {
        /// Null after a usage error that named no command.
        command: Option<String>,
        /// The status the process is about to exit with (0, 1 or 2; see [`crate::report::Exit`]).
        exit_code: u8,
        /// How long the whole command took, in milliseconds.
        ms: f64,
    },
}

/// A problem, a warning or a note, with its place and the catalogue id of its message.
#[derive(Debug, Serialize)]
pub struct DiagnosticEvent {
    pub(crate) severity: Severity,
    /// As the sentence names it (relative to where the command runs); null for what is not
    /// about a file.
    pub file: Option<String>,
    pub(crate) line: Option<usize>,
    pub(crate) column: Option<usize>,
    /// The message's id in the catalogues (`locales/*/*.ftl`), the same in every language; null
    /// for the few messages that are not one catalogue message as it is.
    pub id: Option<&'static str>,
    /// The message in the command's language.
    pub message: String,
    pub(crate) hint: Option<String>,
    pub(crate) hint_id: Option<&'static str>,
}

impl DiagnosticEvent {
    /// A problem of the site, as the human report shows it.
    pub fn of(diagnostic: &Diagnostic, severity: Severity) -> DiagnosticEvent {
        let file = Some(diagnostic.file.display().to_string());
        if diagnostic.not_shown > 0 {
            // The line standing for the problems past the first of a file: its sentence names
            // the count.
            let (message, hint) = diagnostic.not_shown_text();
            return DiagnosticEvent {
                severity,
                file,
                line: None,
                column: None,
                id: Some("diagnostic-not-shown"),
                message,
                hint: Some(hint),
                hint_id: Some("diagnostic-not-shown-hint"),
            };
        }
        DiagnosticEvent {
            severity,
            file,
            line: diagnostic.line,
            column: diagnostic.column,
            id: diagnostic.id(),
            message: diagnostic.message.clone(),
            hint: diagnostic.hint.clone(),
            hint_id: diagnostic.hint_id(),
        }
    }

    /// A sentence about the command itself, not a file (serve's warnings).
    pub fn about_the_command(severity: Severity, message: &str) -> DiagnosticEvent {
        DiagnosticEvent {
            severity,
            file: None,
            line: None,
            column: None,
            id: crate::i18n::id_of(message),
            message: message.to_string(),
            hint: None,
            hint_id: None,
        }
    }
}

/// Milliseconds, to a tenth.
pub fn ms(duration: Duration) -> f64 {
    (duration.as_secs_f64() * 10_000.0).round() / 10.0
}

/// The timings of a build by stage name, milliseconds to a tenth.
pub fn timings(timings: &crate::timings::Timings) -> BTreeMap<String, f64> {
    timings
        .summary()
        .into_iter()
        .map(|(name, ms)| (name, (ms * 10.0).round() / 10.0))
        .collect()
}

/// The line an event is written as.
#[derive(Serialize)]
struct Line<'a> {
    version: u32,
    #[serde(flatten)]
    event: &'a Event,
}

/// The event as its line of JSON (without the line end).
pub fn line(event: &Event) -> String {
    serde_json::to_string(&Line {
        version: VERSION,
        event,
    })
    // Strings, numbers and maps of strings: nothing here can fail to serialise.
    .unwrap_or_default()
}

/// Writes the event as one line on stdout, at once (a program waits for it). A closed stdout is
/// not an error: what the command does is done, only its report has no reader.
pub fn emit(event: &Event) {
    let line = line(event);
    super::progress::suspended(|| {
        let mut out = std::io::stdout().lock();
        let _ = writeln!(out, "{line}");
        let _ = out.flush();
    });
}

/// Every problem of `diagnostics` as a diagnostic event of `severity`.
pub fn emit_all<'a>(diagnostics: impl IntoIterator<Item = &'a Diagnostic>, severity: Severity) {
    for diagnostic in diagnostics {
        emit(&Event::Diagnostic(DiagnosticEvent::of(
            diagnostic, severity,
        )));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_line_has_the_version_and_the_event_type_first() {
        let line = line(&Event::Serving {
            url: "http://127.0.0.1:1111/".into(),
            message: "Serving".into(),
        });
        assert_eq!(
            line,
            r#"{"version":1,"event":"serving","url":"http://127.0.0.1:1111/","message":"Serving"}"#
        );
    }

    #[test]
    fn a_diagnostic_keeps_its_place_and_its_ids() {
        let d = Diagnostic::new("content/a.md", crate::t!("content-missing"))
            .at(3, 7)
            .hint(crate::t!("content-missing-hint"));
        let value: serde_json::Value = serde_json::from_str(&line(&Event::Diagnostic(
            DiagnosticEvent::of(&d, Severity::Error),
        )))
        .unwrap();
        assert_eq!(value["event"], "diagnostic");
        assert_eq!(value["severity"], "error");
        assert_eq!(value["file"], "content/a.md");
        assert_eq!(
            (value["line"].as_u64(), value["column"].as_u64()),
            (Some(3), Some(7))
        );
        assert_eq!(value["id"], "content-missing");
        assert_eq!(value["hint_id"], "content-missing-hint");
        assert_eq!(value["message"], d.message.as_str());
    }

    #[test]
    fn milliseconds_keep_a_tenth() {
        assert_eq!(ms(Duration::from_micros(3_456)), 3.5);
        assert_eq!(ms(Duration::from_secs(2)), 2000.0);
    }
}
