//! An `.ods` keeps repeated rows and cells once, with a count (`table:number-rows-repeated`,
//! `table:number-columns-repeated`, `text:s text:c` for spaces); calamine expands every one of
//! them into memory when it opens the workbook, and fills the rectangle from the first to the
//! last cell with a value. This reads `content.xml` once before, the way calamine does
//! (`src/ods.rs` of calamine 0.38: the same elements, the same caps on repeats), and adds up
//! what it would make: cells, the rectangle of each sheet, and bytes.

use std::io::Read;

use quick_xml::events::{BytesStart, Event};
use quick_xml::name::QName;

use super::container::scan_zip_parts;
use super::limits::{self, cell_name, Exceeded, Expanded};
use super::xlsx_scan::{xml_problem, xml_reader};
use super::Problem;

/// calamine's caps on one sheet (its `MAX_ROWS`, `MAX_COLUMNS`).
const MAX_ROWS: u64 = 1_048_576;
const MAX_COLUMNS: u64 = 16_384;
/// What calamine keeps per cell it expands: a value and a formula.
const CELL_COST: u64 =
    (std::mem::size_of::<calamine::Data>() + std::mem::size_of::<String>()) as u64;

/// Checks the `.ods` in `bytes`: a password first (its content is then not XML), then its sheets.
pub(super) fn check(bytes: &[u8]) -> Result<(), Problem> {
    scan_zip_parts(
        bytes,
        |name| name == "META-INF/manifest.xml",
        |_, part| encrypted(part),
    )?;
    scan_zip_parts(bytes, |name| name == "content.xml", |_, part| content(part))
}

fn encrypted(part: &mut dyn Read) -> Result<(), Problem> {
    let mut reader = xml_reader(part);
    let mut buf = Vec::new();
    loop {
        buf.clear();
        match reader.read_event_into(&mut buf) {
            Ok(Event::Start(e)) if e.name() == QName("manifest:encryption-data") => {
                return Err(Problem::Password)
            }
            Ok(Event::Eof) | Err(_) => return Ok(()),
            _ => {}
        }
    }
}

/// What the sheets of a workbook add up to.
#[derive(Default)]
struct Totals {
    cells: u64,
    bytes: u64,
}

impl Totals {
    fn check(&self, sheet: &str) -> Result<(), Problem> {
        if self.cells > limits::CELLS {
            return Err(Exceeded::Cells {
                sheet: sheet.to_string(),
            }
            .into());
        }
        if self.bytes > limits::EXPANDED_BYTES {
            return Err(Exceeded::Expanded {
                what: Expanded::Repeats,
                bytes: self.bytes,
            }
            .into());
        }
        Ok(())
    }
}

fn attribute(e: &BytesStart<'_>, name: &str) -> Option<String> {
    e.attributes()
        .flatten()
        .find(|a| a.key.as_ref() == name)
        .map(|a| a.value.into_owned())
}

/// A repeat count, read as calamine reads it; one it could not read stops calamine too.
fn repeats(e: &BytesStart<'_>, name: &str) -> Result<u64, Problem> {
    match attribute(e, name) {
        None => Ok(1),
        Some(v) => v
            .parse::<usize>()
            .map(|n| n as u64)
            .map_err(|_| Problem::Unreadable(format!("{name} = {v:?}"))),
    }
}

fn content(part: &mut dyn Read) -> Result<(), Problem> {
    let mut reader = xml_reader(part);
    let mut buf = Vec::new();
    let mut totals = Totals::default();
    loop {
        buf.clear();
        match reader.read_event_into(&mut buf).map_err(xml_problem)? {
            Event::Start(e) if e.name() == QName("table:table") => {
                if let Some(name) = attribute(&e, "table:name") {
                    table(&mut reader, &name, &mut totals)?;
                }
            }
            Event::Eof => return Ok(()),
            _ => {}
        }
    }
}

type Xml<'a> = quick_xml::Reader<std::io::BufReader<&'a mut dyn Read>>;

fn table(reader: &mut Xml<'_>, sheet: &str, totals: &mut Totals) -> Result<(), Problem> {
    let mut buf = Vec::new();
    let mut lines: u64 = 0;
    // The rectangle calamine fills: from the first to the last row with a value (with its
    // repeats), from the first to the last column with a value.
    let mut first_line: Option<u64> = None;
    let mut end_line: u64 = 0;
    let mut columns: Option<(u64, u64)> = None;
    let mut expanded = Totals::default();
    loop {
        buf.clear();
        match reader.read_event_into(&mut buf).map_err(xml_problem)? {
            Event::Start(e) if e.name() == QName("table:table-row") => {
                let wanted = repeats(&e, "table:number-rows-repeated")?;
                let repeats = wanted.min(MAX_ROWS.saturating_sub(lines));
                let row = row(reader, totals)?;
                if let Some((first, last)) = row.columns {
                    first_line.get_or_insert(lines);
                    end_line = lines + repeats;
                    columns =
                        Some(columns.map_or((first, last), |(a, b)| (a.min(first), b.max(last))));
                    expanded.cells = expanded
                        .cells
                        .saturating_add(row.cells.saturating_mul(repeats));
                    expanded.bytes = expanded
                        .bytes
                        .saturating_add(row.text.saturating_mul(repeats));
                }
                lines += repeats;
                totals.check(sheet)?;
            }
            Event::End(e) if e.name() == QName("table:table") => break,
            Event::Eof => break,
            _ => {}
        }
    }
    let (Some(first_line), Some((first_column, last_column))) = (first_line, columns) else {
        return Ok(());
    };
    let range = (last_column - first_column + 1).saturating_mul(end_line - first_line);
    if range > limits::RANGE_CELLS {
        return Err(Exceeded::Range {
            sheet: sheet.to_string(),
            from: cell_name(first_line as u32, first_column as u32),
            to: cell_name(
                (end_line - 1).min(u64::from(u32::MAX)) as u32,
                last_column as u32,
            ),
            cells: range,
        }
        .into());
    }
    // Each cell of the rectangle a value and a formula, each text copied per repeat.
    totals.cells = totals.cells.saturating_add(expanded.cells);
    totals.bytes = totals
        .bytes
        .saturating_add(range.saturating_mul(CELL_COST))
        .saturating_add(expanded.bytes);
    totals.check(sheet)
}

/// One row element as calamine keeps it before expanding the rows: the first and last columns
/// with a value, its cells with a value, and their text's bytes.
struct Row {
    columns: Option<(u64, u64)>,
    cells: u64,
    text: u64,
}

/// Reads one row element as calamine's `read_row` does: cells before a cell with a value are
/// kept, trailing empty ones are not; column repeats are capped at [`MAX_COLUMNS`].
fn row(reader: &mut Xml<'_>, totals: &mut Totals) -> Result<Row, Problem> {
    let mut buf = Vec::new();
    let mut kept: u64 = 0;
    let mut pending_empty: u64 = 0;
    let mut row = Row {
        columns: None,
        cells: 0,
        text: 0,
    };
    loop {
        buf.clear();
        match reader.read_event_into(&mut buf).map_err(xml_problem)? {
            Event::Start(e)
                if e.name() == QName("table:table-cell")
                    || e.name() == QName("table:covered-table-cell") =>
            {
                let wanted = repeats(&e, "table:number-columns-repeated")?;
                let text = cell(reader, &e)?;
                kept += pending_empty.min(MAX_COLUMNS - kept);
                pending_empty = 0;
                let repeats = wanted.min(MAX_COLUMNS - kept);
                match text {
                    None => pending_empty = repeats,
                    Some(text) if repeats > 0 => {
                        let first = row.columns.map_or(kept, |c| c.0);
                        row.columns = Some((first, kept + repeats - 1));
                        row.cells += repeats;
                        row.text = row.text.saturating_add(text.saturating_mul(repeats));
                        kept += repeats;
                    }
                    Some(_) => {}
                }
            }
            Event::End(e) if e.name() == QName("table:table-row") => break,
            Event::Eof => break,
            // calamine stops at anything else in a row.
            _ => {
                return Err(Problem::Unreadable(
                    "unexpected content in a table row".into(),
                ))
            }
        }
    }
    // calamine keeps every cell of the row element once, value and formula, before the rows
    // are expanded.
    totals.bytes = totals
        .bytes
        .saturating_add(kept.saturating_mul(CELL_COST))
        .saturating_add(row.text);
    Ok(row)
}

/// Reads a cell as calamine's `get_datatype` does: its text's bytes when it has a value
/// (`None` for an empty cell), up to its end tag.
fn cell(reader: &mut Xml<'_>, e: &BytesStart<'_>) -> Result<Option<u64>, Problem> {
    let mut value: Option<u64> = None;
    let mut string_type = false;
    let mut formula = 0u64;
    for a in e.attributes().flatten() {
        let length = a.value.len() as u64;
        match a.key.as_ref() {
            "office:value"
            | "office:string-value"
            | "office:date-value"
            | "office:time-value"
            | "office:boolean-value" => {
                value.get_or_insert(length);
            }
            "office:value-type" => string_type |= a.value.as_ref() == "string",
            "table:formula" => formula = length,
            _ => {}
        }
    }
    let content = if value.is_none() && string_type {
        Some(string_content(reader, e)?)
    } else {
        skip(reader, e)?;
        None
    };
    Ok(match (value, content) {
        (Some(v), _) => Some(v + formula),
        (None, Some(c)) => Some(c + formula),
        (None, None) if formula > 0 => Some(formula),
        (None, None) => None,
    })
}

/// The bytes of a string cell's text, spaces (`text:s`) counted as calamine writes them out.
fn string_content(reader: &mut Xml<'_>, cell: &BytesStart<'_>) -> Result<u64, Problem> {
    let end = cell.name().as_ref().to_string();
    let mut buf = Vec::new();
    let mut bytes: u64 = 0;
    loop {
        buf.clear();
        match reader.read_event_into(&mut buf).map_err(xml_problem)? {
            Event::Text(t) => bytes = bytes.saturating_add(t.len() as u64),
            Event::GeneralRef(r) => bytes = bytes.saturating_add(r.len() as u64),
            Event::End(e) if e.name().as_ref() == end.as_str() => return Ok(bytes),
            Event::Start(e) if e.name() == QName("office:annotation") => {
                // calamine reads to the annotation's end and never stops if there is none.
                let mut inner = Vec::new();
                loop {
                    inner.clear();
                    match reader.read_event_into(&mut inner).map_err(xml_problem)? {
                        Event::End(e) if e.name() == QName("office:annotation") => break,
                        Event::Eof => {
                            return Err(Problem::Unreadable("unclosed office:annotation".into()))
                        }
                        _ => {}
                    }
                }
            }
            Event::Start(e) if e.name() == QName("text:s") => {
                let spaces = match attribute(&e, "text:c") {
                    None => 1,
                    Some(v) => v
                        .parse::<usize>()
                        .map_err(|_| Problem::Unreadable(format!("text:c = {v:?}")))?
                        as u64,
                };
                bytes = bytes.saturating_add(spaces);
                if bytes > limits::EXPANDED_BYTES {
                    return Err(Exceeded::Expanded {
                        what: Expanded::Repeats,
                        bytes,
                    }
                    .into());
                }
            }
            Event::Start(_) => bytes += 1,
            Event::Eof => return Ok(bytes),
            _ => {}
        }
    }
}

/// Skips to the end of an element (as calamine's `read_to_end_into`).
fn skip(reader: &mut Xml<'_>, e: &BytesStart<'_>) -> Result<(), Problem> {
    let mut buf = Vec::new();
    reader
        .read_to_end_into(e.name(), &mut buf)
        .map(|_| ())
        .map_err(xml_problem)
}
