//! Reading tables an editor keeps in TOML or in CSV (UTF-8, UTF-8 with BOM, or GB18030 as
//! Excel/WPS save it on Chinese Windows), into rows of named cells with their positions.

mod csv;
mod encoding;
mod number;
#[cfg(test)]
mod tests;
mod toml;

use std::fmt;
use std::path::{Path, PathBuf};

use serde::Serialize;

use crate::content::PartialDate;
use crate::error::{Diagnostic, Diagnostics};
pub use encoding::decode_csv;
pub use number::{parse_number, NUMBER_LIMIT};

/// The column (CSV) or key (TOML) a value is in, as the editor wrote it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub enum Field {
    /// A CSV column, by its header.
    Column(String),
    /// A TOML key, dotted when nested: `target.value`.
    Key(String),
}

impl fmt::Display for Field {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Field::Column(name) => write!(f, "column \"{name}\""),
            Field::Key(name) => write!(f, "key \"{name}\""),
        }
    }
}

/// Where a value came from, for messages.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Default)]
pub struct Loc {
    pub file: PathBuf,
    pub line: usize,
    pub column: usize,
    /// The column or key of a cell; `None` for a whole row.
    pub field: Option<Field>,
}

impl Loc {
    /// An error at this place; about a cell, the message starts with the cell's column or key:
    /// `in column "value": "93,2" is not a number`.
    pub fn error(&self, message: impl Into<String>) -> Diagnostic {
        let message = message.into();
        let message = match &self.field {
            Some(field) => format!("in {field}: {message}"),
            None => message,
        };
        Diagnostic::new(&self.file, message).at(self.line, self.column)
    }
}

/// One cell: its text (trimmed) and where it is.
#[derive(Debug, Clone)]
pub struct Cell {
    pub text: String,
    pub loc: Loc,
}

/// One row of a table: named cells. A TOML table with nested tables (`target = { value = 97 }`)
/// is flattened to `target_value`, the CSV column name.
#[derive(Debug, Clone)]
pub struct Row {
    pub loc: Loc,
    pub cells: Vec<(String, Cell)>,
}

impl Row {
    pub fn get(&self, name: &str) -> Option<&Cell> {
        self.cells
            .iter()
            .find(|(n, c)| n == name && !c.text.is_empty())
            .map(|(_, c)| c)
    }

    /// The cell's text, or an error saying the value is missing.
    pub fn required(&self, name: &str) -> Result<&Cell, Diagnostic> {
        self.get(name).ok_or_else(|| {
            self.loc
                .error(format!("the value \"{name}\" is missing"))
                .hint(format!("fill in {name} for this row"))
        })
    }

    pub fn text(&self, name: &str) -> Option<String> {
        self.get(name).map(|c| c.text.clone())
    }

    pub fn number(&self, name: &str) -> Result<Option<f64>, Diagnostic> {
        self.get(name).map(parse_number).transpose()
    }

    /// A year in [`PartialDate::YEARS`], written `2020` or `2020年`.
    pub fn year(&self, name: &str) -> Result<Option<i32>, Diagnostic> {
        match self.get(name) {
            None => Ok(None),
            Some(c) => c
                .text
                .trim_end_matches('年')
                .parse::<i32>()
                .ok()
                .filter(|y| PartialDate::YEARS.contains(y))
                .map(Some)
                .ok_or_else(|| {
                    c.loc
                        .error(format!(
                            "\"{}\" is not a year between {} and {}",
                            c.text,
                            PartialDate::YEARS.start(),
                            PartialDate::YEARS.end()
                        ))
                        .hint("write a year like 2020")
                }),
        }
    }
}

/// Which columns a table has, so unknown ones are reported.
pub struct Columns {
    pub known: &'static [&'static str],
}

/// Reads a table file, TOML or CSV by its extension. `key` is the TOML array name (`city`).
pub fn read(
    shown: &Path,
    bytes: &[u8],
    key: &str,
    columns: &Columns,
) -> Result<Vec<Row>, Diagnostics> {
    let is_csv = shown
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("csv"));
    if is_csv {
        let text = decode_csv(shown, bytes)?;
        csv::read_csv(shown, &text, columns)
    } else {
        let text = crate::content::decode_utf8(shown, bytes)?;
        let text = text.strip_prefix('\u{feff}').unwrap_or(text);
        toml::read_toml(shown, text, key, columns)
    }
}
