//! Errors an editor can act on: every problem names the file, and the line and column where
//! they are known, says what is wrong and, where it helps, what to do about it.

use std::collections::HashMap;
use std::fmt;
use std::path::{Path, PathBuf};

use crate::t;

/// One problem found in the site's files.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    /// The file it is about, as messages name it (relative to where the command runs).
    pub file: PathBuf,
    /// The line of `file` it is on, counted from 1; `None` for a problem of the whole file.
    pub line: Option<usize>,
    pub(crate) column: Option<usize>,
    /// The sentence, in the command's language.
    pub message: String,
    pub(crate) hint: Option<String>,
    /// The file was refused unread: it leads out of the site, is not an ordinary file, is too
    /// large or has a name that is not text (`crate::read`). `serve` then stops showing its
    /// last good build, which may show what the file held before.
    pub refused: bool,
    /// Not 0 for the line that stands for the problems of `file` that are not shown (past
    /// [`PROBLEMS_PER_FILE`]): how many there are.
    pub not_shown: u32,
    /// The catalogue ids of `message` and `hint` (see [`Diagnostic::id`]); boxed, as few
    /// diagnostics are made and every `Result` carrying one is as large as it is.
    ids: Option<Box<MessageIds>>,
}

/// The catalogue ids of a diagnostic's message and hint.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
struct MessageIds {
    message: Option<&'static str>,
    hint: Option<&'static str>,
}

impl Diagnostic {
    /// A problem of `file` with this message, without a line (see [`Diagnostic::at_line`]).
    pub fn new(file: impl AsRef<Path>, message: impl Into<String>) -> Self {
        let message = message.into();
        Diagnostic {
            file: file.as_ref().to_path_buf(),
            line: None,
            column: None,
            ids: crate::i18n::id_of(&message).map(|id| {
                Box::new(MessageIds {
                    message: Some(id),
                    hint: None,
                })
            }),
            message,
            hint: None,
            refused: false,
            not_shown: 0,
        }
    }

    pub(crate) fn at(mut self, line: usize, column: usize) -> Self {
        self.line = Some(line);
        self.column = Some(column);
        self
    }

    /// The line of `file` it is on (counted from 1), without a column.
    pub fn at_line(mut self, line: usize) -> Self {
        self.line = Some(line);
        self
    }

    /// What to do about it, said after the message (提示：…).
    pub fn hint(mut self, hint: impl Into<String>) -> Self {
        let hint = hint.into();
        let id = crate::i18n::id_of(&hint);
        match (&mut self.ids, id) {
            (Some(ids), _) => ids.hint = id,
            (None, Some(_)) => {
                self.ids = Some(Box::new(MessageIds {
                    message: None,
                    hint: id,
                }))
            }
            (None, None) => {}
        }
        self.hint = Some(hint);
        self
    }

    /// The catalogue id of the message, when it is one catalogue message as it was said
    /// ([`crate::i18n::id_of`]): what the JSON events name a problem by.
    pub fn id(&self) -> Option<&'static str> {
        self.ids.as_ref().and_then(|ids| ids.message)
    }

    /// The catalogue id of the hint, as [`Diagnostic::id`] is of the message.
    pub fn hint_id(&self) -> Option<&'static str> {
        self.ids.as_ref().and_then(|ids| ids.hint)
    }

    /// The sentence and the hint of the line standing for the problems of a file that are not
    /// shown (`not_shown` of them).
    pub fn not_shown_text(&self) -> (String, String) {
        let count = crate::digits::grouped(self.not_shown as u64);
        let message = t!(
            "diagnostic-not-shown",
            file = self.file.display(),
            count = count,
            shown = PROBLEMS_PER_FILE
        );
        (message, t!("diagnostic-not-shown-hint"))
    }

    /// Marks a file refused unread (see [`Diagnostic::refused`]).
    pub fn refused(mut self) -> Self {
        self.refused = true;
        self
    }

    /// Places the diagnostic at a byte offset of `text`, which starts at line `first_line` of the
    /// file (1-based). Columns count characters, as an editor's status bar does.
    pub fn at_offset(self, text: &str, offset: usize, first_line: usize) -> Self {
        let (line, column) = line_column(text, offset);
        self.at(line + first_line - 1, column)
    }
}

/// 1-based line and character column of a byte offset (clamped to the text).
pub fn line_column(text: &str, offset: usize) -> (usize, usize) {
    let mut offset = offset.min(text.len());
    while !text.is_char_boundary(offset) {
        offset -= 1;
    }
    let before = &text[..offset];
    let line = before.matches('\n').count() + 1;
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    let column = before[line_start..].chars().count() + 1;
    (line, column)
}

impl Diagnostic {
    /// The diagnostic as a warning or a note (not an error): `file:line:column: warning: …`
    /// and its hint, in the editor's language.
    pub fn remark(&self, warning: bool) -> String {
        let severity = if warning { "warning" } else { "note" };
        let file = self.file.display();
        let message = self.message.as_str();
        let mut text = match (self.line, self.column) {
            (Some(line), column) => t!(
                "diagnostic-remark-at-line-column",
                file = file,
                line = line,
                column = column.unwrap_or(1),
                severity = severity,
                message = message
            ),
            _ => t!(
                "diagnostic-remark-in-file",
                file = file,
                severity = severity,
                message = message
            ),
        };
        if let Some(hint) = &self.hint {
            text.push_str(&format!("\n  {}", t!("diagnostic-hint", hint = hint)));
        }
        text
    }
}

impl fmt::Display for Diagnostic {
    /// `file:line:column: error: message` and an indented hint, in the editor's language (the
    /// Chinese forms also say the place in words).
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let file = self.file.display();
        if self.not_shown > 0 {
            let (message, hint) = self.not_shown_text();
            f.write_str(&message)?;
            return write!(f, "\n  {}", t!("diagnostic-hint", hint = hint));
        }
        let message = self.message.as_str();
        let text = match (self.line, self.column) {
            (Some(line), Some(column)) => t!(
                "diagnostic-at-line-column",
                file = file,
                line = line,
                column = column,
                message = message
            ),
            (Some(line), None) => t!(
                "diagnostic-at-line",
                file = file,
                line = line,
                message = message
            ),
            _ => t!("diagnostic-in-file", file = file, message = message),
        };
        f.write_str(&text)?;
        if let Some(hint) = &self.hint {
            write!(f, "\n  {}", t!("diagnostic-hint", hint = hint))?;
        }
        Ok(())
    }
}

/// How many problems of one file are shown: a mistake repeated on every row of a large table
/// would otherwise print a million messages (and keep them in memory until then).
pub const PROBLEMS_PER_FILE: usize = 50;

/// Every problem a build found. A build reports all of them, not just the first: the first
/// [`PROBLEMS_PER_FILE`] of each file, and one line with the count of the rest.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Diagnostics(pub Vec<Diagnostic>, Counts);

/// The problems of each file (shown or not), and where the line for those not shown is.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
struct Counts {
    by_file: HashMap<PathBuf, FileCount>,
    total: usize,
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
struct FileCount {
    shown: usize,
    not_shown_at: Option<usize>,
}

impl Diagnostics {
    pub(crate) fn push(&mut self, diagnostic: Diagnostic) {
        let counted = diagnostic.not_shown.max(1);
        self.1.total += counted as usize;
        let count = match self.1.by_file.get_mut(&diagnostic.file) {
            Some(count) => count,
            None => self.1.by_file.entry(diagnostic.file.clone()).or_default(),
        };
        if diagnostic.not_shown == 0 && count.shown < PROBLEMS_PER_FILE {
            count.shown += 1;
            self.0.push(diagnostic);
            return;
        }
        match count.not_shown_at {
            Some(at) => self.0[at].not_shown = self.0[at].not_shown.saturating_add(counted),
            None => {
                count.not_shown_at = Some(self.0.len());
                let mut line = Diagnostic::new(&diagnostic.file, String::new());
                line.not_shown = counted;
                self.0.push(line);
            }
        }
    }

    /// The problems shown (the first of each file), and a line for each file with more.
    pub fn iter(&self) -> std::slice::Iter<'_, Diagnostic> {
        self.0.iter()
    }

    /// Whether nothing was found.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// How many problems were found, shown or not.
    pub fn len(&self) -> usize {
        self.1.total
    }

    /// `Ok(value)` when nothing went wrong, the diagnostics otherwise.
    pub fn into_result<T>(self, value: T) -> Result<T, Diagnostics> {
        if self.0.is_empty() {
            Ok(value)
        } else {
            Err(self)
        }
    }
}

impl From<Diagnostic> for Diagnostics {
    fn from(d: Diagnostic) -> Self {
        std::iter::once(d).collect()
    }
}

impl From<Vec<Diagnostic>> for Diagnostics {
    fn from(d: Vec<Diagnostic>) -> Self {
        d.into_iter().collect()
    }
}

impl Extend<Diagnostic> for Diagnostics {
    fn extend<I: IntoIterator<Item = Diagnostic>>(&mut self, iter: I) {
        for d in iter {
            self.push(d);
        }
    }
}

impl FromIterator<Diagnostic> for Diagnostics {
    fn from_iter<I: IntoIterator<Item = Diagnostic>>(iter: I) -> Self {
        let mut all = Diagnostics::default();
        all.extend(iter);
        all
    }
}

impl IntoIterator for Diagnostics {
    type Item = Diagnostic;
    type IntoIter = std::vec::IntoIter<Diagnostic>;

    fn into_iter(self) -> Self::IntoIter {
        self.0.into_iter()
    }
}

impl<'a> IntoIterator for &'a Diagnostics {
    type Item = &'a Diagnostic;
    type IntoIter = std::slice::Iter<'a, Diagnostic>;

    fn into_iter(self) -> Self::IntoIter {
        self.0.iter()
    }
}

impl fmt::Display for Diagnostics {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, d) in self.0.iter().enumerate() {
            if i > 0 {
                writeln!(f)?;
            }
            write!(f, "{d}")?;
        }
        Ok(())
    }
}

impl std::error::Error for Diagnostics {}

/// What went wrong with a file, in the editor's language for the common cases (the system's
/// own words, in English, for the rest).
pub fn io_error(e: &std::io::Error) -> String {
    use std::io::ErrorKind;
    match e.kind() {
        ErrorKind::NotFound => t!("io-not-found"),
        ErrorKind::PermissionDenied => t!("io-permission-denied"),
        ErrorKind::AlreadyExists => t!("io-already-exists"),
        ErrorKind::InvalidData => t!("io-invalid-data"),
        // What the output's paths meet when a link stands in them (see output/beneath.rs).
        _ if is_link_in_the_way(e) => t!("io-link-in-the-way"),
        _ => e.to_string(),
    }
}

/// Whether an error means a link (or something else that is not a plain folder) stood in the
/// path: the path was refused, nothing was followed.
pub fn is_link_in_the_way(e: &std::io::Error) -> bool {
    matches!(
        e.raw_os_error().map(rustix::io::Errno::from_raw_os_error),
        Some(rustix::io::Errno::LOOP | rustix::io::Errno::NOTDIR)
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_column_counts_characters_not_bytes() {
        let text = "一二\n三四五x";
        let offset = text.find('x').unwrap();
        assert_eq!(line_column(text, offset), (2, 4));
        assert_eq!(line_column(text, 0), (1, 1));
    }

    #[test]
    fn past_fifty_problems_of_a_file_one_line_counts_the_rest() {
        let mut all = Diagnostics::default();
        for line in 1..=1_000_000 {
            all.push(Diagnostic::new("data/observations.csv", "bad").at(line, 4));
        }
        all.push(Diagnostic::new("content/a.md", "bad"));
        assert_eq!(all.len(), 1_000_001);
        assert_eq!(all.iter().count(), PROBLEMS_PER_FILE + 2);
        let text = all.to_string();
        assert!(
            text.contains(
                "data/observations.csv: 999,950 more problems in this file are not shown"
            ),
            "{text}"
        );
        assert!(text.contains("content/a.md: error: bad"), "{text}");
        // Merged into another list, the count carries over.
        let mut merged = Diagnostics::default();
        merged.push(Diagnostic::new("data/observations.csv", "first"));
        merged.extend(all);
        assert_eq!(merged.len(), 1_000_002);
        assert_eq!(
            merged.iter().filter(|d| d.not_shown == 0).count(),
            PROBLEMS_PER_FILE + 1
        );
        assert!(
            merged.to_string().contains("999,951 more problems"),
            "{merged}"
        );
    }

    #[test]
    fn display_names_file_line_column_and_hint() {
        let d = Diagnostic::new("content/a.md", "bad")
            .at(3, 7)
            .hint("fix it");
        assert_eq!(
            d.to_string(),
            "content/a.md:3:7: error: bad\n  help: fix it"
        );
    }
}
