//! An `.xls` is read whole when it opens: calamine reserves room for the rectangle each sheet's
//! `DIMENSIONS` record declares, keeps every text of the shared string table, and fills each
//! sheet's rectangle from its first to its last cell. This walks the records of the `Workbook`
//! stream once before, as calamine's `parse_workbook` does (calamine 0.38 `src/xls.rs`), and
//! adds up what that would make; it also refuses the records calamine would stop on with a
//! panic (a sheet that starts past the stream's end, a `MulRk` whose last column comes before
//! its first).

use std::collections::HashMap;

use super::biff::{records, sheet_name, u16_at, u32_at};
use super::limits::{self, cell_name, range_cells, Exceeded, Expanded};
use super::Problem;

/// What calamine keeps per cell (`Cell<Data>`), per cell of a filled rectangle of values and of
/// formulas, and per byte of the shared strings (a `String` each, the text decoded).
const CELL_COST: u64 = 48;
const VALUE_COST: u64 = std::mem::size_of::<calamine::Data>() as u64;
const FORMULA_COST: u64 = std::mem::size_of::<String>() as u64;
const STRING_TABLE_COST: u64 = 10;

/// The first and last cell (row, column) of a rectangle.
type Rect = ((u32, u32), (u32, u32));

/// What one sheet's records make.
#[derive(Clone, Default)]
struct SheetCost {
    cells: u64,
    values: Option<Rect>,
    formulas: Option<Rect>,
    formula_bytes: u64,
}

fn widen(rect: &mut Option<Rect>, at: (u32, u32)) {
    *rect = Some(match *rect {
        None => (at, at),
        Some((a, b)) => (
            (a.0.min(at.0), a.1.min(at.1)),
            (b.0.max(at.0), b.1.max(at.1)),
        ),
    });
}

/// Checks the `Workbook` stream of an `.xls`.
pub(super) fn check(stream: &[u8]) -> Result<(), Problem> {
    let mut sheets: Vec<(usize, String)> = Vec::new();
    let mut string_table: u64 = 0;
    for record in records(stream) {
        match record.kind {
            0x002F if u16_at(record.data, 0).is_some_and(|v| v != 0) => {
                return Err(Problem::Password)
            }
            0x0085 => {
                if record.data.len() < 6 {
                    return Err(damaged("BoundSheet8"));
                }
                let position = u32_at(record.data, 0).unwrap_or(0) as usize;
                if position > stream.len() {
                    return Err(damaged("BoundSheet8"));
                }
                let name =
                    sheet_name(record.data).unwrap_or_else(|| format!("#{}", sheets.len() + 1));
                sheets.push((position, name));
            }
            0x00FC => {
                string_table =
                    string_table.saturating_add((record.data.len() + record.continued) as u64)
            }
            0x000A => break,
            _ => {}
        }
    }
    let strings = string_table.saturating_mul(STRING_TABLE_COST);
    if strings > limits::EXPANDED_BYTES {
        return Err(Exceeded::Expanded {
            what: Expanded::Texts,
            bytes: strings,
        }
        .into());
    }
    // calamine reads a sheet once per BoundSheet8 record that points to it.
    let mut seen: HashMap<usize, SheetCost> = HashMap::new();
    let mut cells: u64 = 0;
    let mut bytes: u64 = strings;
    for (position, name) in &sheets {
        let cost = match seen.get(position) {
            Some(cost) => cost.clone(),
            None => {
                let cost = sheet(&stream[*position..], name)?;
                seen.insert(*position, cost.clone());
                cost
            }
        };
        cells = cells.saturating_add(cost.cells);
        if cells > limits::CELLS {
            return Err(Exceeded::Cells {
                sheet: name.clone(),
            }
            .into());
        }
        let rect = |r: Option<Rect>| r.map_or(0, |(a, b)| range_cells(a, b));
        if let Some((from, to)) = cost.values {
            if rect(cost.values) > limits::RANGE_CELLS {
                return Err(Exceeded::Range {
                    sheet: name.clone(),
                    from: cell_name(from.0, from.1),
                    to: cell_name(to.0, to.1),
                    cells: rect(cost.values),
                }
                .into());
            }
        }
        bytes = bytes
            .saturating_add(cost.cells.saturating_mul(CELL_COST))
            .saturating_add(rect(cost.values).saturating_mul(VALUE_COST))
            .saturating_add(rect(cost.formulas).saturating_mul(FORMULA_COST))
            .saturating_add(cost.formula_bytes);
        if bytes > limits::EXPANDED_BYTES {
            return Err(Exceeded::Expanded {
                what: Expanded::Ranges,
                bytes,
            }
            .into());
        }
    }
    Ok(())
}

fn damaged(record: &str) -> Problem {
    Problem::Unreadable(format!("damaged {record} record"))
}

/// The records of one sheet, from its BOF to its EOF (charts embedded in it skipped, as
/// calamine skips them).
fn sheet(stream: &[u8], name: &str) -> Result<SheetCost, Problem> {
    let mut cost = SheetCost::default();
    let mut seen_bof = false;
    let mut depth = 0usize;
    let mut formula_at = (0u32, 0u32);
    for record in records(stream) {
        let data = record.data;
        if depth > 0 {
            match record.kind {
                0x0809 => depth += 1,
                0x000A => depth -= 1,
                _ => {}
            }
            continue;
        }
        let at = || Some((u32::from(u16_at(data, 0)?), u32::from(u16_at(data, 2)?)));
        match record.kind {
            0x0809 if seen_bof => depth += 1,
            0x0809 => seen_bof = true,
            0x0200 => dimensions(data, name)?,
            0x0203 | 0x0204 | 0x00D6 | 0x0205 | 0x027E | 0x00FD => {
                if let Some(at) = at() {
                    cost.cells += 1;
                    widen(&mut cost.values, at);
                }
            }
            0x0207 => {
                cost.cells += 1;
                widen(&mut cost.values, formula_at);
            }
            0x00BD => {
                let (Some(row), Some(first)) = (u16_at(data, 0), u16_at(data, 2)) else {
                    continue;
                };
                let Some(last) = data.len().checked_sub(2).and_then(|i| u16_at(data, i)) else {
                    continue;
                };
                if last < first {
                    return Err(damaged("MulRk"));
                }
                cost.cells += u64::from(last - first) + 1;
                widen(&mut cost.values, (u32::from(row), u32::from(first)));
                widen(&mut cost.values, (u32::from(row), u32::from(last)));
            }
            0x0006 => {
                if let Some(at) = at() {
                    formula_at = at;
                    cost.cells += 1;
                    widen(&mut cost.values, at);
                    widen(&mut cost.formulas, at);
                    // A formula's text is written out from its tokens: a few bytes each.
                    cost.formula_bytes = cost
                        .formula_bytes
                        .saturating_add(((data.len() + record.continued) as u64).saturating_mul(8));
                }
            }
            0x000A => break,
            _ => {}
        }
    }
    Ok(cost)
}

/// A `DIMENSIONS` record: calamine reserves room for its rectangle before reading a cell,
/// computing its size as it does here (a last row before the first wraps around).
fn dimensions(data: &[u8], name: &str) -> Result<(), Problem> {
    let (first_row, last_row, mut first_column, last_column) = match data.len() {
        10 => (
            u32::from(u16_at(data, 0).unwrap_or(0)),
            u32::from(u16_at(data, 2).unwrap_or(0)),
            u32::from(u16_at(data, 4).unwrap_or(0)),
            u32::from(u16_at(data, 6).unwrap_or(0)),
        ),
        14 | 16 => (
            u32_at(data, 0).unwrap_or(0),
            u32_at(data, 4).unwrap_or(0),
            u32::from(u16_at(data, 8).unwrap_or(0)),
            u32::from(u16_at(data, 10).unwrap_or(0)),
        ),
        _ => return Ok(()),
    };
    if 0xFF < first_column || last_column < first_column {
        first_column = 0;
    }
    if last_row < 1 || last_column < 1 {
        return Ok(());
    }
    let (end_row, end_column) = (last_row - 1, last_column - 1);
    let rows = u64::from(end_row.wrapping_sub(first_row).wrapping_add(1));
    let columns = u64::from(end_column.wrapping_sub(first_column).wrapping_add(1));
    let cells = rows.saturating_mul(columns);
    if cells > limits::RANGE_CELLS {
        return Err(Exceeded::Range {
            sheet: name.to_string(),
            from: cell_name(first_row, first_column),
            to: cell_name(end_row, end_column),
            cells,
        }
        .into());
    }
    Ok(())
}
