//! The number format of each number cell of an `.ods`, which calamine does not give (its
//! OpenDocument reader keeps only the stored value): a cell shown as `97%` stores 0.97, and read
//! without its format it would be published as 0.97%. In OpenDocument (ODF 1.3 part 3, 16.27)
//! a cell names a cell style (`table:style-name`; else its row's or column's
//! `table:default-cell-style-name`), the cell style or one of its parents names a data style
//! (`style:data-style-name`), and the data style says what is shown: `number:percentage-style`
//! a percentage, its `number:number` child the decimals (`number:decimal-places`, at least
//! `number:min-decimal-places`, which LibreOffice writes `loext:min-decimal-places` before ODF
//! 1.3). Styles are in `content.xml` (automatic) and `styles.xml` (named). The cells are
//! counted as calamine counts them (every `table:table-row`, every cell and covered cell with
//! their repeats), so each format lands on the cell calamine gives.
//!
//! A cell whose saved text shows its stored fraction as a percentage (`97%` for 0.97) while
//! no format found here says percentage is marked [`Shown::unexplained_percent`]: it is refused
//! rather than published as the fraction.

use std::collections::HashMap;
use std::io::Read;

use quick_xml::events::{BytesStart, Event};
use quick_xml::XmlVersion;

use super::container::scan_zip_parts;
use super::format::Shown;
use super::xlsx_scan::{xml_problem, xml_reader};
use super::Problem;

/// The formats of the cells holding numbers, by sheet name, then by (row, column) from 0.
pub(super) type Formats = HashMap<String, HashMap<(u32, u32), Shown>>;

/// calamine's caps on one sheet (its `MAX_ROWS`, `MAX_COLUMNS`).
const MAX_ROWS: u32 = 1_048_576;
const MAX_COLUMNS: u32 = 16_384;
/// How far a cell style's parents are followed (a loop of parents stops there).
const PARENTS: usize = 16;

/// What a data style shows.
#[derive(Debug, Clone, Default)]
struct DataStyle {
    percent: bool,
    /// `(min, max)` decimals, from its `number:number`; `None` for General, scientific, fractions
    /// and styles that show no number (dates, text).
    decimals: Option<(u8, u8)>,
    /// The style it applies to numbers ≥ 0 (`style:map`): a format with a section for negative
    /// numbers is written as that section, mapping the others.
    positive: Option<String>,
}

/// The styles of a workbook, from both parts.
#[derive(Default)]
struct Styles {
    data: HashMap<String, DataStyle>,
    /// Cell style → (its data style, its parent).
    cells: HashMap<String, (Option<String>, Option<String>)>,
}

impl Styles {
    /// How the cell style `name` shows a number, following its parents to a data style and the
    /// data style's map for numbers ≥ 0.
    fn shown(&self, name: &str) -> Shown {
        let mut style = Some(name.to_string());
        for _ in 0..PARENTS {
            let Some((data, parent)) = style.as_ref().and_then(|s| self.cells.get(s)) else {
                break;
            };
            if let Some(data) = data {
                return self.of_data_style(data);
            }
            style = parent.clone();
        }
        Shown::default()
    }

    fn of_data_style(&self, name: &str) -> Shown {
        let Some(mut data) = self.data.get(name) else {
            return Shown::default();
        };
        if let Some(positive) = data.positive.as_ref().and_then(|p| self.data.get(p)) {
            data = positive;
        }
        Shown {
            percent: data.percent,
            decimals: data.decimals,
            ..Shown::default()
        }
    }
}

/// The formats of the numbers of every sheet of the `.ods` in `bytes` (already checked by
/// `ods_scan`).
pub(super) fn formats(bytes: &[u8]) -> Result<Formats, Problem> {
    let mut styles = Styles::default();
    scan_zip_parts(
        bytes,
        |name| name == "styles.xml",
        |_, part| read_styles(part, &mut styles),
    )?;
    let mut formats = Formats::new();
    scan_zip_parts(
        bytes,
        |name| name == "content.xml",
        |_, part| {
            let mut reader = xml_reader(part);
            read_styles_then(&mut reader, &mut styles, &mut formats)
        },
    )?;
    Ok(formats)
}

type Xml<'a> = quick_xml::Reader<std::io::BufReader<&'a mut dyn Read>>;

fn attribute(e: &BytesStart<'_>, name: &str) -> Option<String> {
    e.attributes()
        .flatten()
        .find(|a| a.key.as_ref() == name)
        .map(|a| {
            a.normalized_value(XmlVersion::Implicit1_0)
                .map_or_else(|_| a.value.clone().into_owned(), |v| v.into_owned())
        })
}

/// Reads the styles of `styles.xml`.
fn read_styles(part: &mut dyn Read, styles: &mut Styles) -> Result<(), Problem> {
    let mut reader = xml_reader(part);
    styles_until_body(&mut reader, styles, false).map(|_| ())
}

/// The styles of `content.xml`, then its tables' cells.
fn read_styles_then(
    reader: &mut Xml<'_>,
    styles: &mut Styles,
    formats: &mut Formats,
) -> Result<(), Problem> {
    if styles_until_body(reader, styles, true)? {
        tables(reader, styles, formats)?;
    }
    Ok(())
}

/// Reads cell styles and data styles up to `office:body` (when `stop_at_body`) or the end;
/// `true` when it stopped at the body.
fn styles_until_body(
    reader: &mut Xml<'_>,
    styles: &mut Styles,
    stop_at_body: bool,
) -> Result<bool, Problem> {
    let mut buf = Vec::new();
    // The data style being read, with its name.
    let mut current: Option<(String, DataStyle)> = None;
    loop {
        buf.clear();
        match reader.read_event_into(&mut buf).map_err(xml_problem)? {
            Event::Start(e) => match e.name().as_ref() {
                "office:body" if stop_at_body => return Ok(true),
                "style:style" if attribute(&e, "style:family").as_deref() == Some("table-cell") => {
                    if let Some(name) = attribute(&e, "style:name") {
                        styles.cells.insert(
                            name,
                            (
                                attribute(&e, "style:data-style-name"),
                                attribute(&e, "style:parent-style-name"),
                            ),
                        );
                    }
                }
                "number:number-style"
                | "number:percentage-style"
                | "number:currency-style"
                | "number:date-style"
                | "number:time-style"
                | "number:boolean-style"
                | "number:text-style" => {
                    if let Some(name) = attribute(&e, "style:name") {
                        let percent = e.name().as_ref() == "number:percentage-style";
                        current = Some((
                            name,
                            DataStyle {
                                percent,
                                ..DataStyle::default()
                            },
                        ));
                    }
                }
                "number:number" => {
                    if let Some((_, style)) = current.as_mut() {
                        style.decimals = decimals(&e);
                    }
                }
                "style:map" => {
                    if let Some((_, style)) = current.as_mut() {
                        let condition = attribute(&e, "style:condition").unwrap_or_default();
                        let condition: String =
                            condition.chars().filter(|c| !c.is_whitespace()).collect();
                        if style.positive.is_none()
                            && (condition == "value()>=0" || condition == "value()>0")
                        {
                            style.positive = attribute(&e, "style:apply-style-name");
                        }
                    }
                }
                _ => {}
            },
            Event::End(e)
                if e.name().as_ref().starts_with("number:")
                    && e.name().as_ref().ends_with("-style") =>
            {
                if let Some((name, style)) = current.take() {
                    styles.data.insert(name, style);
                }
            }
            Event::Eof => return Ok(false),
            _ => {}
        }
    }
}

/// The decimals a `number:number` shows: `None` without `number:decimal-places` (General).
fn decimals(e: &BytesStart<'_>) -> Option<(u8, u8)> {
    let max: u8 = attribute(e, "number:decimal-places")?.trim().parse().ok()?;
    let min = attribute(e, "number:min-decimal-places")
        .or_else(|| attribute(e, "loext:min-decimal-places"))
        .and_then(|m| m.trim().parse::<u8>().ok())
        .map_or(max, |m| m.min(max));
    Some((min, max))
}

/// A span of columns with a default cell style.
struct ColumnStyle {
    from: u32,
    to: u32,
    style: String,
}

fn tables(reader: &mut Xml<'_>, styles: &Styles, formats: &mut Formats) -> Result<(), Problem> {
    let mut buf = Vec::new();
    loop {
        buf.clear();
        match reader.read_event_into(&mut buf).map_err(xml_problem)? {
            Event::Start(e) if e.name().as_ref() == "table:table" => {
                let name = attribute(&e, "table:name").unwrap_or_default();
                let cells = table(reader, styles)?;
                formats.entry(name).or_default().extend(cells);
            }
            Event::Eof => return Ok(()),
            _ => {}
        }
    }
}

/// The formats of a sheet's number cells, up to its end.
fn table(reader: &mut Xml<'_>, styles: &Styles) -> Result<HashMap<(u32, u32), Shown>, Problem> {
    let mut buf = Vec::new();
    let mut cells = HashMap::new();
    let mut columns: Vec<ColumnStyle> = Vec::new();
    let mut next_column: u32 = 0;
    let mut row: u32 = 0;
    loop {
        buf.clear();
        match reader.read_event_into(&mut buf).map_err(xml_problem)? {
            Event::Start(e) if e.name().as_ref() == "table:table-column" => {
                let repeats = repeats(&e, "table:number-columns-repeated");
                let to = next_column.saturating_add(repeats).min(MAX_COLUMNS);
                if let Some(style) = attribute(&e, "table:default-cell-style-name") {
                    columns.push(ColumnStyle {
                        from: next_column,
                        to,
                        style,
                    });
                }
                next_column = to;
            }
            Event::Start(e) if e.name().as_ref() == "table:table-row" => {
                let repeats =
                    repeats(&e, "table:number-rows-repeated").min(MAX_ROWS - row.min(MAX_ROWS));
                let default = attribute(&e, "table:default-cell-style-name");
                let found = row_cells(reader, styles, default.as_deref(), &columns)?;
                for r in row..row.saturating_add(repeats) {
                    for (column, shown) in &found {
                        cells.insert((r, *column), *shown);
                    }
                }
                row = row.saturating_add(repeats);
            }
            Event::End(e) if e.name().as_ref() == "table:table" => return Ok(cells),
            Event::Eof => return Ok(cells),
            _ => {}
        }
    }
}

/// How a `table:*-repeated` count is read (an unreadable one has stopped `ods_scan` already).
fn repeats(e: &BytesStart<'_>, name: &str) -> u32 {
    attribute(e, name)
        .and_then(|v| v.trim().parse::<u32>().ok())
        .unwrap_or(1)
}

/// The number cells of a row with their formats, by column.
fn row_cells(
    reader: &mut Xml<'_>,
    styles: &Styles,
    row_default: Option<&str>,
    columns: &[ColumnStyle],
) -> Result<Vec<(u32, Shown)>, Problem> {
    let mut buf = Vec::new();
    let mut found = Vec::new();
    let mut column: u32 = 0;
    loop {
        buf.clear();
        match reader.read_event_into(&mut buf).map_err(xml_problem)? {
            Event::Start(e)
                if e.name().as_ref() == "table:table-cell"
                    || e.name().as_ref() == "table:covered-table-cell" =>
            {
                let repeats = repeats(&e, "table:number-columns-repeated")
                    .min(MAX_COLUMNS - column.min(MAX_COLUMNS));
                let value: Option<f64> =
                    attribute(&e, "office:value").and_then(|v| v.trim().parse().ok());
                let shows = cell_text(reader, &e)?;
                if let Some(value) = value {
                    let style = attribute(&e, "table:style-name")
                        .or_else(|| row_default.map(str::to_string))
                        .or_else(|| {
                            columns
                                .iter()
                                .find(|c| (c.from..c.to).contains(&column))
                                .map(|c| c.style.clone())
                        });
                    let mut shown = style.map(|s| styles.shown(&s)).unwrap_or_default();
                    // The cell's type says percentage whatever its style (a writer that names
                    // no percentage style still shows the value as one).
                    if attribute(&e, "office:value-type").as_deref() == Some("percentage") {
                        shown.percent = true;
                    }
                    shown.unexplained_percent =
                        !shown.percent && shows_as_percentage(&shows, value);
                    if shown != Shown::default() {
                        for c in column..column.saturating_add(repeats) {
                            found.push((c, shown));
                        }
                    }
                }
                column = column.saturating_add(repeats);
            }
            Event::End(e) if e.name().as_ref() == "table:table-row" => return Ok(found),
            Event::Eof => return Ok(found),
            _ => {}
        }
    }
}

/// The text a cell shows (its paragraphs, without its comment), up to its end.
fn cell_text(reader: &mut Xml<'_>, cell: &BytesStart<'_>) -> Result<String, Problem> {
    let end = cell.name().as_ref().to_string();
    let mut buf = Vec::new();
    let mut text = String::new();
    let mut in_annotation = 0usize;
    loop {
        buf.clear();
        match reader.read_event_into(&mut buf).map_err(xml_problem)? {
            Event::Start(e) if e.name().as_ref() == "office:annotation" => in_annotation += 1,
            Event::End(e) if e.name().as_ref() == "office:annotation" => {
                in_annotation = in_annotation.saturating_sub(1)
            }
            Event::Text(t) if in_annotation == 0 && text.len() < 64 => {
                text.push_str(&t.xml10_content());
            }
            Event::End(e) if e.name().as_ref() == end.as_str() => return Ok(text),
            Event::Eof => return Ok(text),
            _ => {}
        }
    }
}

/// Whether `shows` (a cell's saved text) is `value` times 100 followed by a percent sign: the
/// cell shows its stored fraction as a percentage. A literal `%` after the figure itself (`97%`
/// for a stored 97, a format `0"%"`) is not one.
fn shows_as_percentage(shows: &str, value: f64) -> bool {
    let trimmed = shows.trim();
    let Some(number) = trimmed
        .strip_suffix('%')
        .or_else(|| trimmed.strip_suffix('％'))
    else {
        return false;
    };
    if value == 0.0 {
        return false;
    }
    let number: String = number
        .chars()
        .filter(|c| !c.is_whitespace() && *c != '\u{a0}' && *c != '\u{202f}')
        .collect();
    let as_percent = value * 100.0;
    // `1,234.5` (thousands separated) or `97,3` (a decimal comma).
    let readings = [number.replace(',', ""), number.replace(',', ".")];
    readings.iter().any(|reading| {
        let Ok(shown) = reading.parse::<f64>() else {
            return false;
        };
        let decimals = reading.split_once('.').map_or(0, |(_, f)| f.len()) as i32;
        let half_step = 0.5 * 10f64.powi(-decimals);
        (shown - as_percent).abs() <= half_step + 1e-9 * as_percent.abs()
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_percent_sign_after_the_fraction_times_100_is_a_percentage() {
        assert!(shows_as_percentage("97%", 0.97));
        assert!(shows_as_percentage("97.3 %", 0.9733));
        assert!(shows_as_percentage("97,3 %", 0.9733));
        assert!(shows_as_percentage("1,234%", 12.34));
        assert!(shows_as_percentage("97％", 0.97));
        assert!(!shows_as_percentage("97%", 97.0));
        assert!(!shows_as_percentage("0.97", 0.97));
        assert!(!shows_as_percentage("0%", 0.0));
        assert!(!shows_as_percentage("", 0.97));
    }
}
