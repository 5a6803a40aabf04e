//! Reading the sheets of an Excel or WPS workbook (`.xlsx`, `.xls`, `.ods`) into rows of named
//! cells, with the row numbers and column letters the editor sees in the spreadsheet program.
//! A cell is read as the text it stands for: a number as its shortest decimal form (`93.2`), an
//! Excel date as a day (`2018-12-31`), a number shown as a percentage as that (`97%`, where
//! Excel stores 0.97 with the format `0%`; calamine gives the formats of `.xlsx` only, those of
//! `.xls` and `.ods` are read by `xls_formats` and `ods_formats`), text as typed; the table's own readers then check it exactly as
//! they check a CSV cell.

mod biff;
mod cells;
mod container;
mod format;
pub mod limits;
mod ods_formats;
mod ods_scan;
mod xls_formats;
mod xls_scan;
mod xlsx_scan;

use std::path::Path;

use calamine::Data;

use super::{Cell, Columns, Field, Loc, Row, TableRead};
use crate::error::{Diagnostic, Diagnostics};
use crate::t;
pub use container::Looks;
use limits::Exceeded;

/// The extensions of the workbooks read from `data/`.
pub const EXTENSIONS: [&str; 3] = ["xlsx", "xls", "ods"];

/// A sheet of a workbook: its name and its cells with a value (empty sheets are left out).
pub struct Sheet {
    pub(crate) name: String,
    /// Hidden (`Hidden`) or very hidden (`VeryHidden`, shown only through a macro) in the
    /// workbook; `None` when shown.
    pub hidden: Option<Hidden>,
    /// Sorted by row, then column.
    cells: Vec<SheetCell>,
}

/// How a sheet is hidden.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Hidden {
    /// Hidden in Excel or LibreOffice (Format ▸ Sheet ▸ Show brings it back).
    Hidden,
    /// `veryHidden`: shown only through a macro or the VBA editor.
    VeryHidden,
}

/// A cell with a value, where the spreadsheet shows it (row and column from 0).
struct SheetCell {
    row: u32,
    column: u32,
    value: Data,
    /// How its number format shows a number.
    shown: format::Shown,
}

/// Why a workbook is not read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Problem {
    /// It passes a limit on what is read.
    Limit(Exceeded),
    /// It is encrypted with a password.
    Password,
    /// It is not a workbook at all.
    NotAWorkbook(Looks),
    /// Its zip holds two parts of one name (readers would disagree on which is read).
    DuplicateParts,
    /// The reader's own description (in English) of what it could not read.
    Unreadable(String),
    /// A sheet the reader could not read.
    SheetUnreadable {
        /// The sheet's name, as the workbook gives it.
        sheet: String,
        /// The reader's own description (in English) of what went wrong.
        error: String,
    },
    /// The reader stopped on a fault of its own (a damaged file it did not expect).
    ReaderFailed,
}

impl From<Exceeded> for Problem {
    fn from(e: Exceeded) -> Self {
        Problem::Limit(e)
    }
}

impl Problem {
    /// The error for the workbook `shown`.
    pub fn diagnostic(&self, shown: &Path) -> Diagnostic {
        let extension = shown
            .extension()
            .map(|e| e.to_string_lossy().to_ascii_lowercase())
            .unwrap_or_default();
        match self {
            Problem::Limit(exceeded) => exceeded.diagnostic(shown),
            Problem::Password => Diagnostic::new(shown, t!("table-workbook-password"))
                .hint(t!("table-workbook-password-hint")),
            Problem::NotAWorkbook(looks) => Diagnostic::new(
                shown,
                t!(
                    "table-workbook-not-a-workbook",
                    extension = extension.as_str(),
                    looks = looks.id()
                ),
            )
            .hint(t!("table-workbook-not-a-workbook-hint", looks = looks.id())),
            Problem::DuplicateParts => Diagnostic::new(shown, t!("table-workbook-duplicate-parts"))
                .hint(t!("table-workbook-damaged-hint")),
            Problem::Unreadable(error) => Diagnostic::new(
                shown,
                t!("table-workbook-unreadable", error = error.as_str()),
            )
            .hint(t!("table-workbook-unreadable-hint")),
            Problem::SheetUnreadable { sheet, error } => Diagnostic::new(
                shown,
                t!(
                    "table-sheet-unreadable",
                    sheet = sheet.as_str(),
                    error = error.as_str()
                ),
            )
            .hint(t!("table-workbook-unreadable-hint")),
            Problem::ReaderFailed => Diagnostic::new(shown, t!("table-workbook-reader-failed"))
                .hint(t!("table-workbook-unreadable-hint")),
        }
    }
}

/// The sheets of a workbook that hold anything, in the workbook's order; what it is is told by
/// its content (a workbook saved with another kind's extension is read all the same). Its
/// container is checked against [`limits`] before the reader expands it.
pub fn sheets(shown: &Path, bytes: &[u8]) -> Result<Vec<Sheet>, Diagnostic> {
    read(bytes).map_err(|problem| problem.diagnostic(shown))
}

/// [`sheets`], with why a workbook is not read.
pub fn read(bytes: &[u8]) -> Result<Vec<Sheet>, Problem> {
    match container::open(bytes)? {
        container::Kind::Xlsx => {
            xlsx_scan::check(bytes)?;
            cells::guarded(|| cells::xlsx(bytes))
        }
        container::Kind::Ods => {
            ods_scan::check(bytes)?;
            cells::guarded(|| cells::ods(bytes))
        }
        container::Kind::Xls => {
            let stream = container::xls_stream(bytes)?;
            xls_scan::check(&stream)?;
            cells::guarded(|| cells::xls(bytes, &stream))
        }
    }
}

fn is_blank(cell: &Data) -> bool {
    match cell {
        Data::Empty => true,
        Data::String(s) => s.trim().is_empty(),
        _ => false,
    }
}

/// Reads a sheet as a table: its first row with values is the header row.
pub fn read_sheet(shown: &Path, sheet: &Sheet, columns: &Columns) -> TableRead {
    // A whole row's place: the sheet's first column with a value, as the row's first cell.
    let first_column = sheet.cells.iter().map(|c| c.column).min().unwrap_or(0);
    let loc = |row: u32, column: u32, field: Option<Field>| Loc {
        file: shown.to_path_buf(),
        sheet: Some(sheet.name.clone()),
        line: row as usize + 1,
        column: column as usize + 1,
        field,
    };
    let all_rows: Vec<&[SheetCell]> = sheet.cells.chunk_by(|a, b| a.row == b.row).collect();
    let Some(first) = all_rows.first() else {
        return TableRead {
            complete: true,
            ..TableRead::default()
        };
    };
    let (header_row, headed, data_from) = match header_rows(&all_rows, columns) {
        Some(found) => found,
        // No header row is found: the first row is read as one, and its problems said.
        None => {
            let mut diagnostics = Diagnostics::default();
            let mut headed: Vec<(u32, String)> = Vec::new();
            for cell in *first {
                match text_of(&cell.value) {
                    Ok(text) => headed.push((cell.column, text.trim().to_string())),
                    Err(problem) => {
                        diagnostics.push(loc(first[0].row, cell.column, None).error(problem))
                    }
                }
            }
            if !diagnostics.is_empty() {
                return TableRead::failed(diagnostics);
            }
            (first[0].row, headed, 1)
        }
    };
    let names: Vec<String> = headed.iter().map(|(_, n)| n.clone()).collect();
    let header_at = |k: usize| loc(header_row, headed[k].0, None);
    let keys = match columns.of_headers(&names, &header_at) {
        Ok(keys) => keys,
        Err(d) => return TableRead::failed(d),
    };
    let rows = all_rows[data_from..].iter().copied();
    let mut read = TableRead {
        complete: true,
        ..TableRead::default()
    };
    for cells in rows {
        let r = cells[0].row;
        let before = read.problems.len();
        for cell in cells {
            if !headed.iter().any(|(j, _)| *j == cell.column) {
                read.problems.push(
                    loc(r, cell.column, None)
                        .error(t!("table-value-without-header"))
                        .hint(t!("table-value-without-header-hint")),
                );
            }
        }
        let mut row_cells = Vec::with_capacity(headed.len());
        for ((column, name), key) in headed.iter().zip(&keys) {
            let cell_loc = loc(r, *column, Some(Field::Column(name.clone())));
            let cell = cells
                .binary_search_by_key(column, |c| c.column)
                .ok()
                .map(|i| &cells[i]);
            if cell.is_some_and(|c| c.shown.unexplained_percent) {
                read.problems.push(
                    cell_loc
                        .error(t!("table-cell-percent-unread"))
                        .hint(t!("table-cell-percent-unread-hint")),
                );
                continue;
            }
            let mut stored = None;
            let text = match cell {
                None => Ok(String::new()),
                Some(c) => match c.value {
                    Data::Float(f) => {
                        let (text, value) = format::text(f, c.shown);
                        stored = Some(value);
                        Ok(text)
                    }
                    Data::Int(n) => {
                        let (text, value) = format::text(n as f64, c.shown);
                        stored = Some(value);
                        Ok(text)
                    }
                    ref value => text_of(value),
                },
            };
            match text {
                Ok(text) => row_cells.push((
                    key.to_string(),
                    Cell {
                        text: text.trim().to_string(),
                        loc: cell_loc,
                        stored,
                    },
                )),
                Err(problem) => read
                    .problems
                    .push(cell_loc.error(problem).hint(t!("table-cell-error-hint"))),
            }
        }
        let row = Row {
            loc: loc(r, first_column, None),
            cells: row_cells,
        };
        read.add_row(row, before);
    }
    read
}

/// A sheet's header: the row it ends on, each column with a header and its name, and the
/// index of the first row of values.
type HeaderRows = (u32, Vec<(u32, String)>, usize);

/// Rows above the header that an editor's habit puts there: a title (`2023年监测数据`, often
/// merged across the table), a line saying the unit or who filled it in; each has at most this
/// many cells with a value.
const TITLE_CELLS: usize = 2;

/// How many such rows may stand above the header.
const TITLE_ROWS: usize = 3;

/// The header of a sheet: its row (the lower one of a two-row header), each column with a
/// header and its name, and the index of the first row of values; `None` when no row within
/// [`TITLE_ROWS`] of the top names only columns of the table. A header is one row, or two
/// where a merged cell groups the columns under it (`基线` over `值` and `年份` is
/// `基线值`, `基线年份`), found only when each column then names one of the table's.
fn header_rows(rows: &[&[SheetCell]], columns: &Columns) -> Option<HeaderRows> {
    let texts = |row: &[SheetCell]| -> Option<Vec<(u32, String)>> {
        row.iter()
            .map(|c| {
                text_of(&c.value)
                    .ok()
                    .map(|t| (c.column, t.trim().to_string()))
            })
            .collect()
    };
    let names_all = |headed: &[(u32, String)]| {
        let names: Vec<String> = headed.iter().map(|(_, n)| n.clone()).collect();
        !names.is_empty() && columns.of_headers(&names, &|_| Loc::default()).is_ok()
    };
    for start in 0..=TITLE_ROWS.min(rows.len() - 1) {
        if rows[..start].iter().any(|r| r.len() > TITLE_CELLS) {
            break;
        }
        let Some(top) = texts(rows[start]) else {
            continue;
        };
        if names_all(&top) {
            return Some((rows[start][0].row, top, start + 1));
        }
        let Some(bottom) = rows.get(start + 1).and_then(|r| texts(r)) else {
            continue;
        };
        let merged = two_row_header(&top, &bottom);
        if names_all(&merged) {
            return Some((rows[start + 1][0].row, merged, start + 2));
        }
    }
    None
}

/// Each column's name in a two-row header: the upper cell (or, under a merged cell, the upper
/// cell to its left) followed by the lower one.
fn two_row_header(top: &[(u32, String)], bottom: &[(u32, String)]) -> Vec<(u32, String)> {
    let mut columns: Vec<u32> = top.iter().chain(bottom).map(|(c, _)| *c).collect();
    columns.sort_unstable();
    columns.dedup();
    columns
        .into_iter()
        .map(|column| {
            let below = bottom.iter().find(|(c, _)| *c == column).map(|(_, t)| t);
            let above = match top.iter().find(|(c, _)| *c == column) {
                Some((_, t)) => Some(t),
                // Under a merged cell: its text is in the upper cell to the left.
                None if below.is_some() => {
                    top.iter().rev().find(|(c, _)| *c < column).map(|(_, t)| t)
                }
                None => None,
            };
            let name = format!(
                "{}{}",
                above.map_or("", String::as_str),
                below.map_or("", String::as_str)
            );
            (column, name)
        })
        .collect()
}

/// The text a cell stands for, or why it stands for none.
fn text_of(cell: &Data) -> Result<String, String> {
    Ok(match cell {
        Data::Empty => String::new(),
        Data::String(s) => s.clone(),
        Data::Int(i) => i.to_string(),
        Data::Float(f) => number_text(*f),
        Data::Bool(b) => b.to_string(),
        Data::DateTime(dt) if dt.is_duration() => {
            return Err(t!(
                "table-cell-duration",
                duration = number_text(dt.as_f64())
            ))
        }
        Data::DateTime(dt) => {
            let (year, month, day, ..) = dt.to_ymd_hms_milli();
            format!("{year:04}-{month:02}-{day:02}")
        }
        // OpenDocument dates: `2018-12-31` or `2018-12-31T00:00:00`.
        Data::DateTimeIso(iso) => iso.split('T').next().unwrap_or(iso).to_string(),
        Data::DurationIso(iso) => return Err(t!("table-cell-duration", duration = iso)),
        Data::Error(e) => return Err(t!("table-cell-error", error = e.to_string())),
    })
}

/// A number as its shortest decimal form: `93.2`, `2018` (not `2018.0`), `-3`.
fn number_text(f: f64) -> String {
    if f.fract() == 0.0 && f.abs() < 1e15 {
        format!("{}", f as i64)
    } else {
        format!("{f}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_read_as_their_shortest_form() {
        assert_eq!(number_text(2018.0), "2018");
        assert_eq!(number_text(93.2), "93.2");
        assert_eq!(number_text(-3.0), "-3");
        assert_eq!(number_text(0.1 + 0.2), "0.30000000000000004");
        assert_eq!(number_text(1e20), "100000000000000000000");
    }
}
