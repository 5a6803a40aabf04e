//! Reading a CSV table into rows of named cells, with the line of each row as the editor sees
//! it (also where quoted values span lines and Excel ends lines with CRLF).

use std::path::Path;

use super::{Cell, Columns, Field, Loc, Row, TableRead};
use crate::error::{Diagnostic, Diagnostics};
use crate::t;

/// Where a double quote opens a value that is never closed (the CSV reader would silently take
/// the rest of the file as that value).
pub(super) fn unclosed_quote(text: &str) -> Option<(usize, usize)> {
    let mut in_quotes = false;
    let mut opened = (0, 0);
    let mut field_start = true;
    let (mut line, mut column) = (1, 0);
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        column += 1;
        if in_quotes {
            if c == '"' {
                if chars.peek() == Some(&'"') {
                    chars.next();
                    column += 1;
                } else {
                    in_quotes = false;
                }
            }
        } else if c == '"' && field_start {
            in_quotes = true;
            opened = (line, column);
        }
        field_start = matches!(c, ',' | '\n' | '\r');
        if c == '\n' {
            line += 1;
            column = 0;
        }
    }
    in_quotes.then_some(opened)
}

/// Where a byte-order mark is: in a column name (a CSV header) or in a value.
#[derive(Clone, Copy)]
pub(super) enum BomIn {
    Header,
    Value,
}

/// What an invisible byte-order mark (U+FEFF) in `text` is: at its start or inside it.
pub(super) fn bom_problem(what: BomIn, text: &str) -> Option<String> {
    let at = text.find('\u{feff}')?;
    let shown = text.replace('\u{feff}', "");
    let before = text[..at].replace('\u{feff}', "");
    Some(match (what, at) {
        (BomIn::Header, 0) => t!("table-bom-header-start", text = shown),
        (BomIn::Header, _) => t!("table-bom-header-inside", text = shown, before = before),
        (BomIn::Value, 0) => t!("table-bom-value-start", text = shown),
        (BomIn::Value, _) => t!("table-bom-value-inside", text = shown, before = before),
    })
}

/// What to do about a byte-order mark inside a file.
pub(super) fn bom_hint() -> String {
    t!("table-bom-hint")
}

/// Line numbers of CSV records, counted from their byte offsets: the CSV reader's own count is
/// one short after a CRLF line end (as Excel writes them), as it places a record before the LF.
struct RecordLines<'a> {
    text: &'a [u8],
    at: usize,
    line: usize,
}

impl<'a> RecordLines<'a> {
    fn new(text: &'a str) -> Self {
        RecordLines {
            text: text.as_bytes(),
            at: 0,
            line: 1,
        }
    }

    /// The line a record at `position` starts on (records come in order, so counting goes on
    /// from the previous one).
    fn of(&mut self, position: Option<&csv::Position>) -> usize {
        let Some(position) = position else {
            return self.line;
        };
        let mut to = usize::try_from(position.byte())
            .unwrap_or(usize::MAX)
            .min(self.text.len());
        while self
            .text
            .get(to)
            .is_some_and(|b| matches!(b, b'\r' | b'\n'))
        {
            to += 1;
        }
        if to < self.at {
            (self.at, self.line) = (0, 1);
        }
        self.line += self.text[self.at..to]
            .iter()
            .filter(|&&b| b == b'\n')
            .count();
        self.at = to;
        self.line
    }
}

pub(super) fn read_csv(shown: &Path, text: &str, columns: &Columns) -> TableRead {
    let mut diagnostics = Diagnostics::default();
    if let Some((line, column)) = unclosed_quote(text) {
        return TableRead::failed(
            Diagnostic::new(shown, t!("table-unclosed-quote"))
                .at(line, column)
                .hint(t!("table-unclosed-quote-hint")),
        );
    }
    let mut reader = csv::ReaderBuilder::new()
        .flexible(true)
        .has_headers(false)
        .from_reader(text.as_bytes());
    let mut records = reader.records();
    let mut lines = RecordLines::new(text);
    let header = match records.next() {
        Some(Ok(h)) => h,
        Some(Err(e)) => return TableRead::failed(csv_error(shown, &e, &mut lines)),
        None => {
            return TableRead {
                complete: true,
                ..TableRead::default()
            }
        }
    };
    let header_line = lines.of(header.position());
    let names: Vec<String> = header
        .iter()
        .map(|h| h.replace('\u{feff}', "").trim().to_string())
        .collect();
    let field_loc = |line: usize, i: usize| Loc {
        file: shown.to_path_buf(),
        sheet: None,
        line,
        column: i + 1,
        field: names.get(i).map(|n| Field::Column(n.clone())),
    };
    if let Some(d) = chinese_commas(shown, text, header_line, header.len(), columns.known.len()) {
        return TableRead::failed(d);
    }
    for (i, _) in names.iter().enumerate() {
        if let Some(problem) = bom_problem(BomIn::Header, &header[i]) {
            diagnostics.push(
                Diagnostic::new(shown, problem)
                    .at(header_line, i + 1)
                    .hint(bom_hint()),
            );
        }
    }
    if !diagnostics.is_empty() {
        return TableRead::failed(diagnostics);
    }
    let header_at = |i: usize| Loc {
        file: shown.to_path_buf(),
        line: header_line,
        column: i + 1,
        ..Loc::default()
    };
    let keys = match columns.of_headers(&names, &header_at) {
        Ok(keys) => keys,
        Err(d) => return TableRead::failed(d),
    };
    let mut complete = true;
    let mut rows = Vec::new();
    for record in records {
        let record = match record {
            Ok(r) => r,
            Err(e) => {
                diagnostics.push(csv_error(shown, &e, &mut lines));
                complete = false;
                continue;
            }
        };
        let line = lines.of(record.position());
        if record.iter().all(|f| f.trim().is_empty()) {
            continue;
        }
        // The header again, with or without a BOM before it: two files pasted together.
        let repeats_header = record.len() == names.len()
            && record
                .iter()
                .zip(&names)
                .all(|(f, n)| f.replace('\u{feff}', "").trim() == n);
        if repeats_header {
            let message = if record.iter().any(|f| f.contains('\u{feff}')) {
                t!("table-header-repeated-after-bom")
            } else {
                t!("table-header-repeated")
            };
            diagnostics.push(
                Diagnostic::new(shown, message)
                    .at(line, 1)
                    .hint(t!("table-header-repeated-hint")),
            );
            continue;
        }
        let boms: Vec<Diagnostic> = record
            .iter()
            .enumerate()
            .filter_map(|(i, value)| {
                bom_problem(BomIn::Value, value)
                    .map(|problem| field_loc(line, i).error(problem).hint(bom_hint()))
            })
            .collect();
        if !boms.is_empty() {
            // The row's values are not what they seem; report the marks, not what they cause.
            diagnostics.extend(boms);
            complete = false;
            continue;
        }
        if let Some(d) = chinese_commas(shown, text, line, record.len(), names.len()) {
            diagnostics.push(d);
            complete = false;
            continue;
        }
        if record.len() != names.len() {
            diagnostics.push(
                Diagnostic::new(
                    shown,
                    t!(
                        "table-row-length",
                        values = record.len(),
                        columns = names.len()
                    ),
                )
                .at(line, record.len().min(names.len()) + 1)
                .hint(t!("table-row-length-hint")),
            );
            complete = false;
            continue;
        }
        let cells = keys
            .iter()
            .zip(record.iter())
            .enumerate()
            .map(|(i, (key, value))| {
                (
                    key.to_string(),
                    Cell {
                        text: value.trim().to_string(),
                        loc: field_loc(line, i),
                        stored: None,
                    },
                )
            })
            .collect();
        rows.push(Row {
            loc: Loc {
                file: shown.to_path_buf(),
                line,
                column: 1,
                ..Loc::default()
            },
            cells,
        });
    }
    TableRead {
        rows,
        broken: Vec::new(),
        complete,
        problems: diagnostics,
    }
}

/// A line with too few values whose values are separated by the Chinese comma ， (typed with
/// the input method on): said as that, at the first ，.
fn chinese_commas(
    shown: &Path,
    text: &str,
    line: usize,
    values: usize,
    expected: usize,
) -> Option<Diagnostic> {
    if values >= expected {
        return None;
    }
    let column = crate::mistakes::csv_comma(text.lines().nth(line.checked_sub(1)?)?)?;
    Some(Diagnostic::new(shown, t!("mistake-csv-comma")).at(line, column))
}

fn csv_error(shown: &Path, e: &csv::Error, lines: &mut RecordLines<'_>) -> Diagnostic {
    let line = lines.of(e.position());
    Diagnostic::new(shown, t!("table-csv-unreadable", error = e.to_string()))
        .at_line(line)
        .hint(t!("table-csv-unreadable-hint"))
}
