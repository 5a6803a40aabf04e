//! Reading the sheets of an Excel or WPS workbook (`.xlsx`, `.xls`, `.ods`) into rows of named
//! cells, with the row numbers and column letters the editor sees in the spreadsheet program.
//! A cell is read as the text it stands for: a number as its shortest decimal form (`93.2`), an
//! Excel date as a day (`2018-12-31`), a number shown as a percentage as that (`97%`, where
//! Excel stores 0.97 with the format `0%`; `.xlsx` only: the reader gives the formats of no
//! other kind of workbook), text as typed; the table's own readers then check it exactly as
//! they check a CSV cell.

use std::io::Cursor;
use std::path::Path;

use calamine::{Data, Range, Reader, StyleRange};

use super::{Cell, Columns, Field, Loc, Row, TableRead};
use crate::error::{Diagnostic, Diagnostics};
use crate::t;

/// The extensions of the workbooks read from `data/`.
pub const EXTENSIONS: [&str; 3] = ["xlsx", "xls", "ods"];

/// A sheet of a workbook: its name, its cells (empty sheets are left out) and their formats.
pub struct Sheet {
    pub name: String,
    range: Range<Data>,
    styles: StyleRange,
}

/// The most the files of an `.xlsx` or `.ods` workbook (a zip archive) may unpack to: eight
/// times the largest workbook read, some two million cells of text.
pub const UNPACKED_LIMIT: u64 = 256 << 20;

/// The sheets of a workbook that hold anything, in the workbook's order.
pub fn sheets(shown: &Path, bytes: &[u8]) -> Result<Vec<Sheet>, Diagnostic> {
    refuse_unpacking_too_much(shown, bytes)?;
    let mut workbook = calamine::open_workbook_auto_from_rs(Cursor::new(bytes)).map_err(|e| {
        Diagnostic::new(
            shown,
            t!("table-workbook-unreadable", error = e.to_string()),
        )
        .hint(t!("table-workbook-unreadable-hint"))
    })?;
    let mut sheets = Vec::new();
    for name in workbook.sheet_names() {
        let range = workbook.worksheet_range(&name).map_err(|e| {
            Diagnostic::new(
                shown,
                t!(
                    "table-sheet-unreadable",
                    sheet = &name,
                    error = e.to_string()
                ),
            )
        })?;
        let has_values = range.used_cells().any(|(_, _, c)| !is_blank(c));
        if has_values {
            // Formats only say how a number is shown: a sheet without them is still read.
            let styles = workbook
                .worksheet_style(&name)
                .unwrap_or_else(|_| StyleRange::empty());
            sheets.push(Sheet {
                name,
                range,
                styles,
            });
        }
    }
    Ok(sheets)
}

/// A zip workbook whose files say they unpack to more than [`UNPACKED_LIMIT`] is refused
/// before anything is unpacked (the zip reader refuses to unpack a file past what it says).
fn refuse_unpacking_too_much(shown: &Path, bytes: &[u8]) -> Result<(), Diagnostic> {
    if !bytes.starts_with(b"PK\x03\x04") {
        return Ok(());
    }
    // Not a readable archive: calamine says so in its own words.
    let Ok(mut archive) = zip::ZipArchive::new(Cursor::new(bytes)) else {
        return Ok(());
    };
    let mut unpacked: u64 = 0;
    for i in 0..archive.len() {
        if let Ok(file) = archive.by_index_raw(i) {
            unpacked = unpacked.saturating_add(file.size());
        }
    }
    if unpacked <= UNPACKED_LIMIT {
        return Ok(());
    }
    Err(Diagnostic::new(
        shown,
        t!(
            "table-workbook-unpacks-too-much",
            size = crate::read::size_text(unpacked),
            limit = crate::read::size_text(UNPACKED_LIMIT)
        ),
    )
    .hint(t!("read-too-large-hint", kind = "workbook"))
    .refused())
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
    let (first_row, first_column) = sheet.range.start().unwrap_or((0, 0));
    let loc = |row: usize, column: usize, field: Option<Field>| Loc {
        file: shown.to_path_buf(),
        sheet: Some(sheet.name.clone()),
        line: first_row as usize + row + 1,
        column: first_column as usize + column + 1,
        field,
    };
    let mut rows = sheet.range.rows().enumerate();
    let header = rows.find(|(_, cells)| cells.iter().any(|c| !is_blank(c)));
    let Some((header_row, header)) = header else {
        return TableRead {
            complete: true,
            ..TableRead::default()
        };
    };
    let mut diagnostics = Diagnostics::default();
    // Columns with a header; blank header cells (a column the editor left empty) are skipped.
    let mut headed: Vec<(usize, String)> = Vec::new();
    for (i, cell) in header.iter().enumerate() {
        match text_of(cell) {
            Ok(text) if text.trim().is_empty() => {}
            Ok(text) => headed.push((i, text.trim().to_string())),
            Err(problem) => diagnostics.push(loc(header_row, i, None).error(problem)),
        }
    }
    let names: Vec<String> = headed.iter().map(|(_, n)| n.clone()).collect();
    let header_at = |k: usize| loc(header_row, headed[k].0, None);
    let keys = match columns.of_headers(&names, &header_at) {
        Ok(keys) if diagnostics.is_empty() => keys,
        Ok(_) => return TableRead::failed(diagnostics),
        Err(d) => {
            diagnostics.extend(d);
            return TableRead::failed(diagnostics);
        }
    };
    let mut read = TableRead {
        complete: true,
        ..TableRead::default()
    };
    for (r, cells) in rows {
        if cells.iter().all(is_blank) {
            continue;
        }
        let before = read.problems.len();
        for (i, cell) in cells.iter().enumerate() {
            if !is_blank(cell) && !headed.iter().any(|(j, _)| *j == i) {
                read.problems.push(
                    loc(r, i, None)
                        .error(t!("table-value-without-header"))
                        .hint(t!("table-value-without-header-hint")),
                );
            }
        }
        let mut row_cells = Vec::with_capacity(headed.len());
        for ((i, name), key) in headed.iter().zip(&keys) {
            let cell_loc = loc(r, *i, Some(Field::Column(name.clone())));
            let cell = cells.get(*i).unwrap_or(&Data::Empty);
            let at = (first_row + r as u32, first_column + *i as u32);
            let text = match cell {
                Data::Float(f) if shown_as_percentage(&sheet.styles, at) => Ok(percent_text(*f)),
                Data::Int(n) if shown_as_percentage(&sheet.styles, at) => {
                    Ok(percent_text(*n as f64))
                }
                _ => text_of(cell),
            };
            match text {
                Ok(text) => row_cells.push((
                    key.to_string(),
                    Cell {
                        text: text.trim().to_string(),
                        loc: cell_loc,
                    },
                )),
                Err(problem) => read
                    .problems
                    .push(cell_loc.error(problem).hint(t!("table-cell-error-hint"))),
            }
        }
        let row = Row {
            loc: loc(r, 0, None),
            cells: row_cells,
        };
        read.add_row(row, before);
    }
    read
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

/// Whether the cell at `at` (row and column in the sheet) has a percentage format (`0%`,
/// `0.0%`): a `%` in the format's first section, not in quotes or escaped.
fn shown_as_percentage(styles: &StyleRange, at: (u32, u32)) -> bool {
    let Some(format) = styles.get(at).and_then(|s| s.number_format.as_ref()) else {
        return false;
    };
    let mut chars = format.format_code.chars();
    let mut quoted = false;
    while let Some(c) = chars.next() {
        match c {
            '"' => quoted = !quoted,
            _ if quoted => {}
            '\\' | '_' | '*' => {
                chars.next();
            }
            ';' => return false,
            '%' => return true,
            _ => {}
        }
    }
    false
}

/// A fraction as the percentage a cell shows: 0.97 is `97%`, 0.955 is `95.5%`, moving the
/// point in its shortest decimal form (multiplying by 100 would give 95.49999999999999).
fn percent_text(f: f64) -> String {
    let text = number_text(f);
    let (sign, digits) = match text.strip_prefix('-') {
        Some(d) => ("-", d),
        None => ("", text.as_str()),
    };
    let (whole, fraction) = digits.split_once('.').unwrap_or((digits, ""));
    let fraction = format!("{fraction:0<2}");
    let (moved, rest) = fraction.split_at(2);
    let whole = format!("{whole}{moved}");
    let whole = match whole.trim_start_matches('0') {
        "" => "0",
        w => w,
    };
    if rest.is_empty() {
        format!("{sign}{whole}%")
    } else {
        format!("{sign}{whole}.{rest}%")
    }
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

    #[test]
    fn percentages_read_as_shown() {
        assert_eq!(percent_text(0.97), "97%");
        assert_eq!(percent_text(0.955), "95.5%");
        assert_eq!(percent_text(1.0), "100%");
        assert_eq!(percent_text(0.005), "0.5%");
        assert_eq!(percent_text(-0.031), "-3.1%");
        assert_eq!(percent_text(12.0), "1200%");
        assert_eq!(percent_text(0.0), "0%");
    }
}
