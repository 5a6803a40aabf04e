//! The parts of an `.xlsx` that the reader expands into memory when it opens the workbook,
//! streamed once before: the different texts (`sharedStrings.xml`: calamine reserves room for
//! as many as the part declares, and keeps each) and the cell formats (`styles.xml`: each of
//! the thousands of formats a part may list gets a copy of its font, fill, border and number
//! format, so one long number format listed by a million formats is a million copies).

use std::collections::HashMap;
use std::io::{BufReader, Read};

use quick_xml::events::{BytesStart, Event};

use super::container::scan_zip_parts;
use super::limits::{self, Exceeded, Expanded};
use super::Problem;

/// What one kept text or one cell format takes beyond its own text: the `String`, the
/// allocation's bookkeeping, and a format's `Style`.
const TEXT_COST: u64 = std::mem::size_of::<String>() as u64 + 24;
const FORMAT_COST: u64 = std::mem::size_of::<calamine::Style>() as u64 + 4 * 32;

/// Checks the shared strings and the styles of the `.xlsx` in `bytes` (found by name as
/// calamine finds them: in any folder, any case).
pub(super) fn check(bytes: &[u8]) -> Result<(), Problem> {
    scan_zip_parts(
        bytes,
        |name| part_named(name, "sharedstrings.xml") || part_named(name, "styles.xml"),
        |name, part| {
            if part_named(name, "styles.xml") {
                styles(part)
            } else {
                shared_strings(part)
            }
        },
    )
}

fn part_named(name: &str, wanted: &str) -> bool {
    let name = name.replace('\\', "/").to_ascii_lowercase();
    name == wanted || name.ends_with(&format!("/{wanted}"))
}

/// An XML reader configured as calamine's, so both see the same elements.
pub(super) fn xml_reader(part: &mut dyn Read) -> quick_xml::Reader<BufReader<&mut dyn Read>> {
    let mut reader = quick_xml::Reader::from_reader(BufReader::new(part));
    let config = reader.config_mut();
    config.check_end_names = false;
    config.trim_text(false);
    config.check_comments = false;
    config.expand_empty_elements = true;
    reader
}

pub(super) fn xml_problem(e: impl std::fmt::Display) -> Problem {
    Problem::Unreadable(e.to_string())
}

fn attribute(e: &BytesStart<'_>, name: &str) -> Option<String> {
    e.attributes()
        .flatten()
        .find(|a| a.key.as_ref() == name)
        .map(|a| a.value.into_owned())
}

fn number(value: Option<String>) -> Option<u64> {
    value?.trim().parse().ok()
}

fn shared_strings(part: &mut dyn Read) -> Result<(), Problem> {
    let mut reader = xml_reader(part);
    let mut buf = Vec::new();
    let mut texts: u64 = 0;
    let too_many = |count: u64, bytes: u64| {
        let cost = count.saturating_mul(TEXT_COST).saturating_add(bytes);
        (cost > limits::EXPANDED_BYTES).then_some(Exceeded::Expanded {
            what: Expanded::Texts,
            bytes: cost,
        })
    };
    loop {
        buf.clear();
        match reader.read_event_into(&mut buf).map_err(xml_problem)? {
            Event::Start(e) if e.local_name().as_ref() == "sst" => {
                // calamine reserves room for `uniqueCount` texts before reading one.
                let declared = number(attribute(&e, "uniqueCount")).unwrap_or(0);
                if let Some(exceeded) = too_many(declared, 0) {
                    return Err(exceeded.into());
                }
            }
            Event::Start(e) if e.local_name().as_ref() == "si" => {
                texts += 1;
                if let Some(exceeded) = too_many(texts, reader.buffer_position()) {
                    return Err(exceeded.into());
                }
            }
            Event::Eof => return Ok(()),
            _ => {}
        }
    }
}

/// Which list of `styles.xml` an element is in.
#[derive(Clone, Copy, PartialEq, Eq)]
enum List {
    None,
    NumberFormats,
    Fonts,
    Fills,
    Borders,
    CellFormats,
}

fn styles(part: &mut dyn Read) -> Result<(), Problem> {
    let mut reader = xml_reader(part);
    let mut buf = Vec::new();
    let mut list = List::None;
    // The bytes of each number format (by id), font, fill and border, which each cell format
    // that names it copies.
    let mut number_formats: HashMap<String, u64> = HashMap::new();
    let mut sizes: [Vec<u64>; 3] = [Vec::new(), Vec::new(), Vec::new()];
    let mut open: Option<(usize, u64, usize)> = None; // (list, start, depth)
    let mut depth = 0usize;
    let mut total: u64 = 0;
    loop {
        buf.clear();
        let event = reader.read_event_into(&mut buf).map_err(xml_problem)?;
        let position = reader.buffer_position();
        match event {
            Event::Start(e) => {
                depth += 1;
                let name = e.local_name();
                match (list, name.as_ref()) {
                    (_, "numFmts") => list = List::NumberFormats,
                    (_, "fonts") => list = List::Fonts,
                    (_, "fills") => list = List::Fills,
                    (_, "borders") => list = List::Borders,
                    (_, "cellXfs") => list = List::CellFormats,
                    (List::NumberFormats, "numFmt") => {
                        if let Some(id) = attribute(&e, "numFmtId") {
                            let code = attribute(&e, "formatCode").map_or(0, |c| c.len());
                            number_formats.insert(id, code as u64);
                        }
                    }
                    (List::Fonts, "font") if open.is_none() => open = Some((0, position, depth)),
                    (List::Fills, "fill") if open.is_none() => open = Some((1, position, depth)),
                    (List::Borders, "border") if open.is_none() => {
                        open = Some((2, position, depth))
                    }
                    (List::CellFormats, "xf") => {
                        let copied = |attr: &str, of: usize| {
                            number(attribute(&e, attr))
                                .and_then(|i| sizes[of].get(i as usize).copied())
                                .unwrap_or(0)
                        };
                        let format = attribute(&e, "numFmtId")
                            .and_then(|id| number_formats.get(&id).copied())
                            .unwrap_or(0);
                        let cost = FORMAT_COST
                            + format
                            + copied("fontId", 0)
                            + copied("fillId", 1)
                            + copied("borderId", 2);
                        total = total.saturating_add(cost);
                        if total > limits::EXPANDED_BYTES {
                            return Err(Exceeded::Expanded {
                                what: Expanded::Formats,
                                bytes: total,
                            }
                            .into());
                        }
                    }
                    _ => {}
                }
            }
            Event::End(e) => {
                if let Some((of, start, at)) = open {
                    if at == depth {
                        sizes[of].push(position.saturating_sub(start));
                        open = None;
                    }
                }
                depth = depth.saturating_sub(1);
                if matches!(
                    e.local_name().as_ref(),
                    "numFmts" | "fonts" | "fills" | "borders" | "cellXfs"
                ) {
                    list = List::None;
                }
            }
            Event::Eof => return Ok(()),
            _ => {}
        }
    }
}
