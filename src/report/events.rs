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
        command: String,
        stdportal: String,
        lang: String,
    },
    /// A stage of the work ended.
    Stage {
        stage: String,
        ms: f64,
        count: Option<u64>,
    },
    Diagnostic(DiagnosticEvent),
    /// The search index is made (a build with search; serve's first build).
    SearchIndexReady {
        ms: f64,
    },
    /// A link out of the site (`check` lists them, it does not fetch them).
    ExternalLink {
        page: String,
        url: String,
    },
    /// A build succeeded: into `output`, or in memory (`serve`, `output` null).
    Built {
        pages: usize,
        files: usize,
        output: Option<String>,
        profile: String,
        ms: f64,
        timings: BTreeMap<String, f64>,
        message: String,
    },
    /// A build stopped on problems (they came before as diagnostics).
    BuildFailed {
        problems: usize,
        ms: f64,
        message: String,
    },
    /// `check` checked a site that builds.
    Checked {
        pages: usize,
        links: usize,
        problems: usize,
        external: usize,
        marks: usize,
        ms: f64,
        message: String,
    },
    /// `init` made a site.
    Created {
        dir: String,
        message: String,
    },
    /// `import --dry-run`: one element of the document as the reader recognised it.
    Recognised {
        source: String,
        element: String,
        value: String,
        paragraph: Option<usize>,
        message: String,
    },
    /// `import` made a page of a Word file (with `dry_run`, would have).
    Imported {
        source: String,
        page: String,
        files: Vec<String>,
        dry_run: bool,
        message: String,
    },
    /// `serve` answers at `url`.
    Serving {
        url: String,
        message: String,
    },
    /// `serve` rebuilt after files changed.
    Rebuilt {
        ms: f64,
        changed: Vec<String>,
        kind: String,
        pages: Vec<String>,
        files: Vec<String>,
        rendered: Option<usize>,
        fixed: bool,
        message: String,
    },
    /// `serve`'s rebuild failed (its problems came before as diagnostics).
    RebuildFailed {
        ms: f64,
        changed: Vec<String>,
        problems: usize,
        refused: bool,
        message: String,
    },
    /// The last line of every command (serve's after Ctrl-C).
    Finished {
        /// Null after a usage error that named no command.
        command: Option<String>,
        exit_code: u8,
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
