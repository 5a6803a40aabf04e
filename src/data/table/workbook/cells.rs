//! The cells with a value of each sheet, from calamine, once the container and the parts it
//! expands have passed the limits. An `.xlsx` is read cell by cell from its sheet's XML
//! (calamine's `worksheet_cells_reader`), so a cell at `XFD1048576` is one cell, not the
//! rectangle from `A1`; `.ods` and `.xls` readers give whole rectangles, already bounded by the
//! scans. The reader reads through [`Budgeted`], which stops it once it has read the file
//! several times over (a sheet listed again and again), and runs under [`guarded`], which turns
//! a fault of the reader into a message.

use std::cell::Cell;
use std::io::{Cursor, Read, Seek, SeekFrom};
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::rc::Rc;

use calamine::{Data, Ods, OdsError, Range, Reader, SheetVisible, Xls, XlsError, Xlsx, XlsxError};

use super::format::{self, Shown};
use super::limits::{self, cell_name, range_cells, Exceeded, Expanded};
use super::{is_blank, Hidden, Problem, Sheet, SheetCell};

/// How many times over the reader may read the file: once is what a workbook needs.
const READS: u64 = 3;

/// The file's bytes as the reader reads them, counted.
struct Budgeted<'a> {
    inner: Cursor<&'a [u8]>,
    read: Rc<Cell<u64>>,
    budget: u64,
}

/// The count of what a [`Budgeted`] read, kept by the caller.
struct Budget {
    read: Rc<Cell<u64>>,
    budget: u64,
}

impl Budget {
    fn new(bytes: &[u8]) -> Self {
        Budget {
            read: Rc::new(Cell::new(0)),
            budget: (bytes.len() as u64).saturating_mul(READS) + 1024 * 1024,
        }
    }

    fn reader<'a>(&self, bytes: &'a [u8]) -> Budgeted<'a> {
        Budgeted {
            inner: Cursor::new(bytes),
            read: self.read.clone(),
            budget: self.budget,
        }
    }

    /// `problem`, unless the reader stopped because it read too much.
    fn or(&self, problem: Problem) -> Problem {
        if self.read.get() > self.budget {
            Exceeded::Expanded {
                what: Expanded::Rereads,
                bytes: self.read.get(),
            }
            .into()
        } else {
            problem
        }
    }
}

impl Read for Budgeted<'_> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let n = self.inner.read(buf)?;
        self.read.set(self.read.get().saturating_add(n as u64));
        if self.read.get() > self.budget {
            return Err(std::io::Error::other("read budget"));
        }
        Ok(n)
    }
}

impl Seek for Budgeted<'_> {
    fn seek(&mut self, to: SeekFrom) -> std::io::Result<u64> {
        self.inner.seek(to)
    }
}

/// The cells with a value of the whole workbook, counted against [`limits::CELLS`].
#[derive(Default)]
struct Count(u64);

impl Count {
    fn add(&mut self, sheet: &str) -> Result<(), Problem> {
        self.0 += 1;
        if self.0 > limits::CELLS {
            return Err(Exceeded::Cells {
                sheet: sheet.to_string(),
            }
            .into());
        }
        Ok(())
    }
}

/// A sheet of these cells: sorted, one value per cell (the last, as calamine keeps it), its
/// rectangle within [`limits::RANGE_CELLS`]; `None` when it has none.
/// How a sheet of the workbook's list is hidden.
fn hidden(sheets: &[calamine::Sheet], name: &str) -> Option<Hidden> {
    match sheets.iter().find(|s| s.name == name)?.visible {
        SheetVisible::Visible => None,
        SheetVisible::Hidden => Some(Hidden::Hidden),
        SheetVisible::VeryHidden => Some(Hidden::VeryHidden),
    }
}

fn sheet(
    name: String,
    hidden: Option<Hidden>,
    mut cells: Vec<SheetCell>,
) -> Result<Option<Sheet>, Problem> {
    if cells.is_empty() {
        return Ok(None);
    }
    cells.sort_by_key(|c| (c.row, c.column));
    // Of two cells at one place, the later in the file wins (sorting is stable).
    let mut kept: Vec<SheetCell> = Vec::with_capacity(cells.len());
    for cell in cells {
        match kept.last_mut() {
            Some(last) if (last.row, last.column) == (cell.row, cell.column) => *last = cell,
            _ => kept.push(cell),
        }
    }
    let first = (
        kept[0].row,
        kept.iter().map(|c| c.column).min().unwrap_or(0),
    );
    let last = (
        kept[kept.len() - 1].row,
        kept.iter().map(|c| c.column).max().unwrap_or(0),
    );
    let cells_in_range = range_cells(first, last);
    if cells_in_range > limits::RANGE_CELLS {
        return Err(Exceeded::Range {
            sheet: name,
            from: cell_name(first.0, first.1),
            to: cell_name(last.0, last.1),
            cells: cells_in_range,
        }
        .into());
    }
    Ok(Some(Sheet {
        name,
        hidden,
        cells: kept,
    }))
}

pub(super) fn xlsx(bytes: &[u8]) -> Result<Vec<Sheet>, Problem> {
    let budget = Budget::new(bytes);
    let mut workbook: Xlsx<_> =
        Xlsx::new(budget.reader(bytes)).map_err(|e| budget.or(xlsx_problem(e)))?;
    let mut count = Count::default();
    let mut sheets = Vec::new();
    for name in workbook.sheet_names() {
        let unreadable = |e: XlsxError| {
            budget.or(Problem::SheetUnreadable {
                sheet: name.clone(),
                error: e.to_string(),
            })
        };
        let mut reader = match workbook.worksheet_cells_reader(&name) {
            Ok(reader) => reader,
            // A chart sheet: no cells.
            Err(XlsxError::NotAWorksheet(_)) => continue,
            Err(e) => return Err(unreadable(e)),
        };
        let shown: Vec<Shown> = reader
            .styles()
            .iter()
            .map(|s| {
                s.number_format
                    .as_ref()
                    .map(|f| format::of_code(&f.format_code))
                    .unwrap_or_default()
            })
            .collect();
        let mut cells = Vec::new();
        while let Some((cell, style)) = reader.next_cell_with_style_id().map_err(unreadable)? {
            let (row, column) = cell.get_position();
            let value = Data::from(cell.get_value().clone());
            if is_blank(&value) {
                continue;
            }
            count.add(&name)?;
            cells.push(SheetCell {
                row,
                column,
                value,
                shown: shown.get(style).copied().unwrap_or_default(),
            });
        }
        drop(reader);
        let hidden = hidden(workbook.sheets_metadata(), &name);
        sheets.extend(sheet(name, hidden, cells)?);
    }
    Ok(sheets)
}

pub(super) fn ods(bytes: &[u8]) -> Result<Vec<Sheet>, Problem> {
    let formats = super::ods_formats::formats(bytes)?;
    let budget = Budget::new(bytes);
    let mut workbook: Ods<_> = Ods::new(budget.reader(bytes)).map_err(|e| {
        budget.or(match e {
            OdsError::Password => Problem::Password,
            e => Problem::Unreadable(e.to_string()),
        })
    })?;
    let mut count = Count::default();
    let mut sheets = Vec::new();
    for name in workbook.sheet_names() {
        let range = workbook.worksheet_range(&name).map_err(|e| {
            budget.or(Problem::SheetUnreadable {
                sheet: name.clone(),
                error: e.to_string(),
            })
        })?;
        let hidden = hidden(workbook.sheets_metadata(), &name);
        let formats = formats.get(&name);
        sheets.extend(sheet_of_range(name, hidden, &range, &mut count, formats)?);
    }
    Ok(sheets)
}

/// `stream` is the `Workbook` stream, for the cells' formats.
pub(super) fn xls(bytes: &[u8], stream: &[u8]) -> Result<Vec<Sheet>, Problem> {
    let formats = super::xls_formats::formats(stream);
    let budget = Budget::new(bytes);
    let mut workbook: Xls<_> = Xls::new(budget.reader(bytes)).map_err(|e| {
        budget.or(match e {
            XlsError::Password => Problem::Password,
            e => Problem::Unreadable(e.to_string()),
        })
    })?;
    let mut count = Count::default();
    let mut sheets = Vec::new();
    for name in workbook.sheet_names() {
        let range = workbook.worksheet_range(&name).map_err(|e| {
            budget.or(Problem::SheetUnreadable {
                sheet: name.clone(),
                error: e.to_string(),
            })
        })?;
        let hidden = hidden(workbook.sheets_metadata(), &name);
        let formats = formats.get(&name);
        sheets.extend(sheet_of_range(name, hidden, &range, &mut count, formats)?);
    }
    Ok(sheets)
}

fn xlsx_problem(e: XlsxError) -> Problem {
    match e {
        XlsxError::Password => Problem::Password,
        e => Problem::Unreadable(e.to_string()),
    }
}

/// The cells of a sheet read whole; `formats` are how its numbers are shown (`.xls`, `.ods`),
/// by place.
fn sheet_of_range(
    name: String,
    hidden: Option<Hidden>,
    range: &Range<Data>,
    count: &mut Count,
    formats: Option<&std::collections::HashMap<(u32, u32), Shown>>,
) -> Result<Option<Sheet>, Problem> {
    let (first_row, first_column) = range.start().unwrap_or((0, 0));
    let mut cells = Vec::new();
    for (r, c, value) in range.used_cells() {
        if is_blank(value) {
            continue;
        }
        count.add(&name)?;
        let (row, column) = (first_row + r as u32, first_column + c as u32);
        cells.push(SheetCell {
            row,
            column,
            value: value.clone(),
            shown: formats
                .and_then(|f| f.get(&(row, column)).copied())
                .unwrap_or_default(),
        });
    }
    sheet(name, hidden, cells)
}

thread_local! {
    /// Whether this thread is inside [`guarded`], where a panic is the reader's and is reported
    /// as a problem of the file, not printed.
    static GUARDED: Cell<bool> = const { Cell::new(false) };
}

/// Runs a reader; a panic inside it (calamine indexes past the end of some damaged records)
/// becomes [`Problem::ReaderFailed`], without the panic's message on the terminal.
pub(super) fn guarded<T>(read: impl FnOnce() -> Result<T, Problem>) -> Result<T, Problem> {
    static QUIET_HOOK: std::sync::Once = std::sync::Once::new();
    QUIET_HOOK.call_once(|| {
        let previous = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            if !GUARDED.with(Cell::get) {
                previous(info);
            }
        }));
    });
    let was = GUARDED.with(|g| g.replace(true));
    let result = catch_unwind(AssertUnwindSafe(read));
    GUARDED.with(|g| g.set(was));
    result.unwrap_or(Err(Problem::ReaderFailed))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_panic_in_a_reader_is_a_problem_of_the_file() {
        let result: Result<(), Problem> = guarded(|| panic!("index out of bounds"));
        assert_eq!(result, Err(Problem::ReaderFailed));
    }
}
