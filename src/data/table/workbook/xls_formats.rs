//! The number format of each cell of an `.xls`, which calamine does not give (its `.xls`
//! reader tells only dates from other numbers): an `.xls` cell shown as `97%` stores 0.97, and
//! read without its format it would be published as 0.97%. The `Workbook` stream's `FORMAT`
//! records give the format codes by number (MS-XLS 2.4.126; 0–49 are built in), its `XF`
//! records the format of each cell style (2.4.353), and each cell record of a sheet (`NUMBER`,
//! `RK`, `MULRK`, `FORMULA`) its style; the sheets are found by their `BoundSheet8` records
//! (2.4.28), as calamine finds them.

use std::collections::HashMap;

use super::biff::{records, sheet_name, u16_at, u32_at};
use super::format::{self, Shown};

/// The formats of the cells holding numbers, by sheet name, then by (row, column) from 0.
pub(super) type Formats = HashMap<String, HashMap<(u32, u32), Shown>>;

/// The formats of the numbers of every sheet of the `Workbook` stream `stream`; a record cut
/// short is passed over (calamine reports the file, or reads it without that cell).
pub(super) fn formats(stream: &[u8]) -> Formats {
    let mut codes: HashMap<u16, String> = HashMap::new();
    let mut styles: Vec<u16> = Vec::new();
    let mut sheets: Vec<(usize, String)> = Vec::new();
    let mut biff8 = true;
    for record in records(stream) {
        let data = record.data;
        match record.kind {
            0x0809 => biff8 = u16_at(data, 0).is_none_or(|v| v >= 0x0600),
            0x041E => {
                if let (Some(id), Some(code)) = (u16_at(data, 0), format_code(data, biff8)) {
                    codes.insert(id, code);
                }
            }
            0x00E0 => styles.push(u16_at(data, 2).unwrap_or(0)),
            0x0085 => {
                let name = if biff8 {
                    sheet_name(data)
                } else {
                    data.get(6..).and_then(short_string)
                };
                if let (Some(position), Some(name)) = (u32_at(data, 0), name) {
                    sheets.push((position as usize, name));
                }
            }
            0x000A => break,
            _ => {}
        }
    }
    let shown_of_style: Vec<Shown> = styles
        .iter()
        .map(|id| match codes.get(id) {
            Some(code) => format::of_code(code),
            None => format::builtin(u32::from(*id))
                .map(format::of_code)
                .unwrap_or_default(),
        })
        .collect();
    let style = |ixfe: u16| {
        shown_of_style
            .get(usize::from(ixfe))
            .copied()
            .unwrap_or_default()
    };
    let mut all = Formats::new();
    for (position, name) in sheets {
        let Some(sheet) = stream.get(position..) else {
            continue;
        };
        all.insert(name, cells(sheet, &style));
    }
    all
}

/// The formats of one sheet's numbers, from its BOF to its EOF (charts in it passed over).
fn cells(stream: &[u8], style: &dyn Fn(u16) -> Shown) -> HashMap<(u32, u32), Shown> {
    let mut cells = HashMap::new();
    let mut seen_bof = false;
    let mut depth = 0usize;
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
            // NUMBER, RK, FORMULA: row, column, style.
            0x0203 | 0x027E | 0x0006 => {
                if let (Some(at), Some(ixfe)) = (at(), u16_at(data, 4)) {
                    cells.insert(at, style(ixfe));
                }
            }
            // MULRK: row, first column, (style, value) per column, last column.
            0x00BD => {
                let (Some(row), Some(first)) = (u16_at(data, 0), u16_at(data, 2)) else {
                    continue;
                };
                let values = data.get(4..data.len().saturating_sub(2)).unwrap_or(&[]);
                for (i, rk) in values.chunks_exact(6).enumerate() {
                    let column = u32::from(first) + i as u32;
                    if let Some(ixfe) = u16_at(rk, 0) {
                        cells.insert((u32::from(row), column), style(ixfe));
                    }
                }
            }
            0x000A => break,
            _ => {}
        }
    }
    cells
}

/// A `FORMAT` record's code: BIFF8 writes a count of characters, a flag for two-byte
/// characters and the characters; BIFF5 a one-byte count and bytes.
fn format_code(data: &[u8], biff8: bool) -> Option<String> {
    if !biff8 {
        return short_string(data.get(2..)?);
    }
    let count = usize::from(u16_at(data, 2)?);
    let wide = data.get(4)? & 1 == 1;
    let chars = data.get(5..)?;
    Some(if wide {
        let units: Vec<u16> = chars
            .chunks_exact(2)
            .take(count)
            .map(|c| u16::from_le_bytes([c[0], c[1]]))
            .collect();
        String::from_utf16_lossy(&units)
    } else {
        chars.iter().take(count).map(|&b| char::from(b)).collect()
    })
}

/// A one-byte count and that many bytes (BIFF5 strings; the format codes that matter here are
/// ASCII).
fn short_string(data: &[u8]) -> Option<String> {
    let count = usize::from(*data.first()?);
    Some(
        data.get(1..)?
            .iter()
            .take(count)
            .map(|&b| char::from(b))
            .collect(),
    )
}
