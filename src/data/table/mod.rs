//! Reading tables an editor keeps in TOML or in CSV (UTF-8, UTF-8 with BOM, or GB18030 as
//! Excel/WPS save it on Chinese Windows), into rows of named cells with their positions.

mod csv;
mod encoding;
mod number;
#[cfg(test)]
mod tests;
mod toml;
pub mod workbook;

use std::fmt;
use std::path::{Path, PathBuf};

use serde::Serialize;

use crate::date::PartialDate;
use crate::digits::halfwidth_digits;
use crate::error::{Diagnostic, Diagnostics};
use crate::t;
pub use encoding::decode_csv;
pub(crate) use number::figure;
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
            Field::Column(name) => f.write_str(&t!("data-field-column", name = name)),
            Field::Key(name) => f.write_str(&t!("data-field-key", name = name)),
        }
    }
}

/// Where a value came from, for messages.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Default)]
pub struct Loc {
    /// The data file, as messages name it (`data/cities.csv`).
    pub file: PathBuf,
    /// The sheet of a workbook; `None` for a CSV or TOML file.
    pub sheet: Option<String>,
    /// The line of a text file, the row of a sheet (both as the editor's program numbers them).
    pub line: usize,
    pub(crate) column: usize,
    /// The column or key of a cell; `None` for a whole row.
    pub field: Option<Field>,
}

impl Loc {
    /// An error at this place; about a cell, the message starts with the cell's column or key:
    /// `in column "value": "93,2" is not a number`, and in a workbook with its sheet:
    /// `in sheet "observations", column D "实际值": …`.
    pub fn error(&self, message: impl Into<String>) -> Diagnostic {
        let message = message.into();
        let message = match (&self.sheet, &self.field) {
            (Some(sheet), Some(Field::Column(name))) => t!(
                "data-in-sheet-column",
                sheet = sheet,
                letters = column_letters(self.column),
                name = name,
                message = message
            ),
            (Some(sheet), _) => t!("data-in-sheet", sheet = sheet, message = message),
            (None, Some(field)) => t!(
                "data-in-field",
                field = field.to_string(),
                message = message
            ),
            (None, None) => message,
        };
        Diagnostic::new(&self.file, message).at(self.line, self.column)
    }
}

/// A spreadsheet's name of a column (1-based): 1 is `A`, 27 is `AA`.
pub fn column_letters(column: usize) -> String {
    let mut letters = Vec::new();
    let mut n = column;
    while n > 0 {
        let rest = (n - 1) % 26;
        letters.push(char::from(b'A' + rest as u8));
        n = (n - 1) / 26;
    }
    letters.iter().rev().collect()
}

/// One cell: its text (trimmed) and where it is.
#[derive(Debug, Clone)]
pub struct Cell {
    pub(crate) text: String,
    pub(crate) loc: Loc,
    /// The number a workbook stores in the cell, when its text (as the cell's format shows
    /// it) may have fewer decimals: computing uses this, pages show the text.
    pub stored: Option<f64>,
}

impl Cell {
    /// The text to read a year or a date from: a whole number a workbook stores as itself
    /// (`2020`, whatever decimals its format shows), else the text.
    pub fn plain_text(&self) -> std::borrow::Cow<'_, str> {
        match self.stored {
            Some(v) if v.fract() == 0.0 && v.abs() < 1e15 => format!("{}", v as i64).into(),
            _ => self.text.as_str().into(),
        }
    }
}

/// One row of a table: named cells. A TOML table with nested tables (`target = { value = 97 }`)
/// is flattened to `target_value`, the CSV column name.
#[derive(Debug, Clone)]
pub struct Row {
    pub(crate) loc: Loc,
    pub(crate) cells: Vec<(String, Cell)>,
}

impl Row {
    pub(crate) fn get(&self, name: &str) -> Option<&Cell> {
        self.cells
            .iter()
            .find(|(n, c)| n == name && !c.text.is_empty())
            .map(|(_, c)| c)
    }

    /// The cell's text, or an error saying the value is missing.
    pub fn required(&self, name: &str) -> Result<&Cell, Diagnostic> {
        self.get(name).ok_or_else(|| {
            self.loc
                .error(t!("table-value-missing", name = name))
                .hint(t!("table-value-missing-hint", name = name))
        })
    }

    pub(crate) fn text(&self, name: &str) -> Option<String> {
        self.get(name).map(|c| c.text.clone())
    }

    /// The cell of column `name` as a number (see [`parse_number`]); `None` when the row has
    /// no such cell or it is empty, an error at the cell when it is not a number.
    pub fn number(&self, name: &str) -> Result<Option<f64>, Diagnostic> {
        self.get(name).map(parse_number).transpose()
    }

    /// A year in `PartialDate::YEARS`, written `2020` or `2020年`.
    pub fn year(&self, name: &str) -> Result<Option<i32>, Diagnostic> {
        match self.get(name) {
            None => Ok(None),
            Some(c) => halfwidth_digits(&c.plain_text())
                .trim_end_matches('年')
                .parse::<i32>()
                .ok()
                .filter(|y| PartialDate::YEARS.contains(y))
                .map(Some)
                .ok_or_else(|| {
                    c.loc
                        .error(t!(
                            "table-not-a-year",
                            text = &c.text,
                            first = *PartialDate::YEARS.start(),
                            last = *PartialDate::YEARS.end()
                        ))
                        .hint(t!("table-not-a-year-hint"))
                }),
        }
    }
}

/// Which columns a table has, so unknown ones are reported, and the Chinese headers that name
/// them (see [`crate::data::columns`]).
pub struct Columns {
    pub(crate) known: &'static [&'static str],
    /// Columns that are another spelling of one before them (`year` for `date`), or that few
    /// tables need (`decimals`, `forecast`): a new sheet leaves them out.
    pub spare: &'static [&'static str],
    /// Chinese header (Simplified) → column.
    pub chinese: &'static [(&'static str, &'static str)],
}

impl Columns {
    /// The column a header names: its own name, or a Chinese header in either script.
    pub fn column(&self, header: &str) -> Option<&'static str> {
        if let Some(known) = self.known.iter().find(|k| **k == header) {
            return Some(known);
        }
        let simplified = crate::data::columns::simplified_header(header);
        self.chinese
            .iter()
            .find(|(name, _)| *name == simplified)
            .map(|(_, column)| *column)
    }

    /// The header row of a new sheet: for each column but the spare ones, the first Chinese
    /// header that names it (`N` must be their number: a constant using this does not compile
    /// otherwise).
    pub const fn sheet_headers<const N: usize>(&self) -> [&'static str; N] {
        const fn same(a: &str, b: &str) -> bool {
            let (a, b) = (a.as_bytes(), b.as_bytes());
            if a.len() != b.len() {
                return false;
            }
            let mut i = 0;
            while i < a.len() {
                if a[i] != b[i] {
                    return false;
                }
                i += 1;
            }
            true
        }
        const fn among(name: &str, names: &[&str]) -> bool {
            let mut i = 0;
            while i < names.len() {
                if same(name, names[i]) {
                    return true;
                }
                i += 1;
            }
            false
        }
        let mut headers = [""; N];
        let mut n = 0;
        let mut k = 0;
        while k < self.known.len() {
            let column = self.known[k];
            let mut i = 0;
            while !among(column, self.spare) && i < self.chinese.len() {
                if same(self.chinese[i].1, column) {
                    assert!(n < N, "more columns with a Chinese header than N");
                    headers[n] = self.chinese[i].0;
                    n += 1;
                    break;
                }
                i += 1;
            }
            k += 1;
        }
        assert!(n == N, "fewer columns with a Chinese header than N");
        headers
    }

    /// The columns with their Chinese headers, for a hint: `id (编号, 指标编号), city (城市), …`.
    pub fn listing(&self) -> String {
        self.known
            .iter()
            .map(|column| {
                let chinese: Vec<&str> = self
                    .chinese
                    .iter()
                    .filter(|(_, c)| c == column)
                    .map(|(name, _)| *name)
                    .collect();
                if chinese.is_empty() {
                    column.to_string()
                } else {
                    t!(
                        "table-column-with-headers",
                        column = *column,
                        headers = chinese.join(", ")
                    )
                }
            })
            .collect::<Vec<_>>()
            .join(", ")
    }

    /// The column each header of a header row names (`headers` as written, a BOM already
    /// taken off), or the problems: an unknown header, two headers for one column. `at` places
    /// the header of a column (0-based) in the file.
    pub fn of_headers(
        &self,
        headers: &[String],
        at: &dyn Fn(usize) -> Loc,
    ) -> Result<Vec<&'static str>, Diagnostics> {
        let mut diagnostics = Diagnostics::default();
        let mut columns: Vec<&'static str> = Vec::with_capacity(headers.len());
        for (i, header) in headers.iter().enumerate() {
            // A 序号 column numbers the rows for the eye: it is no column of the table.
            if crate::data::columns::is_serial(header) {
                columns.push(SERIAL);
                continue;
            }
            let Some(column) = self.column(header) else {
                diagnostics.push(
                    at(i)
                        .error(t!("table-unknown-column", header = header))
                        .hint(t!("table-unknown-column-hint", columns = self.listing())),
                );
                columns.push("");
                continue;
            };
            match columns.iter().position(|c| *c == column) {
                Some(j) if headers[j] == *header => {
                    diagnostics.push(at(i).error(t!("table-column-twice", header = header)))
                }
                Some(j) => diagnostics.push(
                    at(i)
                        .error(t!(
                            "table-same-column",
                            first = &headers[j],
                            second = header,
                            column = column
                        ))
                        .hint(t!("table-same-column-hint")),
                ),
                None => {}
            }
            columns.push(column);
        }
        diagnostics.into_result(columns)
    }
}

/// The name a row's 序号 cell is kept under: none of a table's columns.
pub const SERIAL: &str = "序号";

/// A table as read from a file or a sheet: the rows, the rows left out with a problem (their
/// ids are still known, so references to them are not reported again), and whether every line
/// became a row (a line that did not may have held any id).
#[derive(Debug, Default)]
pub struct TableRead {
    /// The rows read without a problem, in the file's order.
    pub rows: Vec<Row>,
    /// The rows left out with a problem (in `problems`), kept for their ids.
    pub broken: Vec<Row>,
    pub(crate) complete: bool,
    /// What was wrong, each with the file, line and column of the cell.
    pub problems: Diagnostics,
}

impl TableRead {
    /// Nothing could be read.
    pub fn failed(problems: impl Into<Diagnostics>) -> Self {
        TableRead {
            problems: problems.into(),
            ..TableRead::default()
        }
    }

    /// Adds a row that was read while `problems` grew from `problems_before`: to the rows if
    /// reading it added no problem, else to the broken rows (reported once, not again for the
    /// value it then misses, and its id still known).
    fn add_row(&mut self, row: Row, problems_before: usize) {
        if self.problems.len() == problems_before {
            self.rows.push(row);
        } else {
            self.broken.push(row);
        }
    }
}

/// Reads a table file, TOML or CSV by its extension. `key` is the TOML array name (`city`).
pub fn read(shown: &Path, bytes: &[u8], key: &str, columns: &Columns) -> TableRead {
    let is_csv = shown
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("csv"));
    if is_csv {
        match decode_csv(shown, bytes) {
            Ok(text) => csv::read_csv(shown, &text, columns),
            Err(d) => TableRead::failed(d),
        }
    } else {
        match crate::read::decode_utf8(shown, bytes) {
            Ok(text) => {
                let text = text.strip_prefix('\u{feff}').unwrap_or(text);
                toml::read_toml(shown, text, key, columns)
            }
            Err(d) => TableRead::failed(d),
        }
    }
}
