//! Reading tables an editor keeps in TOML or in CSV (UTF-8, UTF-8 with BOM, or GB18030 as
//! Excel/WPS save it on Chinese Windows), into rows of named cells with their positions.

use std::path::{Path, PathBuf};

use serde::Serialize;

use crate::error::{Diagnostic, Diagnostics};

/// Where a value came from, for messages.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Default)]
pub struct Loc {
    pub file: PathBuf,
    pub line: usize,
    pub column: usize,
}

impl Loc {
    pub fn error(&self, message: impl Into<String>) -> Diagnostic {
        Diagnostic::new(&self.file, message).at(self.line, self.column)
    }
}

/// One cell: its text (trimmed) and where it is.
#[derive(Debug, Clone)]
pub struct Cell {
    pub text: String,
    pub loc: Loc,
}

/// One row of a table: named cells. A TOML table with nested tables (`target = { value = 97 }`)
/// is flattened to `target_value`, the CSV column name.
#[derive(Debug, Clone)]
pub struct Row {
    pub loc: Loc,
    pub cells: Vec<(String, Cell)>,
}

impl Row {
    pub fn get(&self, name: &str) -> Option<&Cell> {
        self.cells
            .iter()
            .find(|(n, c)| n == name && !c.text.is_empty())
            .map(|(_, c)| c)
    }

    /// The cell's text, or an error saying the value is missing.
    pub fn required(&self, name: &str) -> Result<&Cell, Diagnostic> {
        self.get(name).ok_or_else(|| {
            self.loc
                .error(format!("the value \"{name}\" is missing"))
                .hint(format!("fill in {name} for this row"))
        })
    }

    pub fn text(&self, name: &str) -> Option<String> {
        self.get(name).map(|c| c.text.clone())
    }

    pub fn number(&self, name: &str) -> Result<Option<f64>, Diagnostic> {
        self.get(name).map(parse_number).transpose()
    }

    pub fn year(&self, name: &str) -> Result<Option<i32>, Diagnostic> {
        match self.get(name) {
            None => Ok(None),
            Some(c) => c
                .text
                .trim_end_matches('年')
                .parse::<i32>()
                .ok()
                .filter(|y| (1900..=2200).contains(y))
                .map(Some)
                .ok_or_else(|| {
                    c.loc
                        .error(format!("\"{}\" is not a year", c.text))
                        .hint("write a year like 2020")
                }),
        }
    }
}

/// A number as editors type it: `13,375`, `97%`, ` 96.8 % `.
pub fn parse_number(cell: &Cell) -> Result<f64, Diagnostic> {
    let cleaned: String = cell
        .text
        .trim()
        .trim_end_matches(['%', '\u{ff05}'])
        .chars()
        .filter(|c| !matches!(c, ',' | '\u{ff0c}' | ' ' | '\u{a0}'))
        .collect();
    cleaned
        .parse::<f64>()
        .ok()
        .filter(|v| v.is_finite())
        .ok_or_else(|| {
            cell.loc
                .error(format!("\"{}\" is not a number", cell.text))
                .hint("write digits only, e.g. 432 or 97.5 (a thousands separator or a trailing % is fine)")
        })
}

/// Which columns a table has, so unknown ones are reported.
pub struct Columns {
    pub known: &'static [&'static str],
}

/// Reads a table file, TOML or CSV by its extension. `key` is the TOML array name (`city`).
pub fn read(
    shown: &Path,
    bytes: &[u8],
    key: &str,
    columns: &Columns,
) -> Result<Vec<Row>, Diagnostics> {
    let is_csv = shown
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("csv"));
    if is_csv {
        let text = decode_csv(shown, bytes)?;
        read_csv(shown, &text, columns)
    } else {
        let text = crate::content::decode_utf8(shown, bytes)?;
        let text = text.strip_prefix('\u{feff}').unwrap_or(text);
        read_toml(shown, text, key, columns)
    }
}

/// CSV text: UTF-8 (with or without BOM), else GB18030.
pub fn decode_csv(shown: &Path, bytes: &[u8]) -> Result<String, Diagnostic> {
    if bytes.starts_with(&[0xFF, 0xFE]) || bytes.starts_with(&[0xFE, 0xFF]) {
        return Err(Diagnostic::new(shown, "the file is saved as UTF-16")
            .at(1, 1)
            .hint("save it from Excel as \"CSV UTF-8\" or plain \"CSV\""));
    }
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    if let Ok(text) = std::str::from_utf8(bytes) {
        return Ok(text.to_string());
    }
    let (text, had_errors) = encoding_rs::GB18030.decode_without_bom_handling(bytes);
    if had_errors {
        return Err(
            Diagnostic::new(shown, "the file is neither UTF-8 nor GB18030 text")
                .hint("save it from Excel/WPS as \"CSV UTF-8\""),
        );
    }
    Ok(text.into_owned())
}

/// Where a double quote opens a value that is never closed (the CSV reader would silently take
/// the rest of the file as that value).
fn unclosed_quote(text: &str) -> Option<(usize, usize)> {
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

fn read_csv(shown: &Path, text: &str, columns: &Columns) -> Result<Vec<Row>, Diagnostics> {
    let mut diagnostics = Diagnostics::default();
    if let Some((line, column)) = unclosed_quote(text) {
        return Err(
            Diagnostic::new(shown, "a value opened with a double quote is never closed")
                .at(line, column)
                .hint("add the closing \" (a quote inside a value is written twice: \"\")")
                .into(),
        );
    }
    let mut reader = csv::ReaderBuilder::new()
        .flexible(true)
        .has_headers(false)
        .from_reader(text.as_bytes());
    let mut records = reader.records();
    let header = match records.next() {
        Some(Ok(h)) => h,
        Some(Err(e)) => return Err(csv_error(shown, &e).into()),
        None => return Ok(Vec::new()),
    };
    let names: Vec<String> = header.iter().map(|h| h.trim().to_string()).collect();
    for (i, name) in names.iter().enumerate() {
        if !columns.known.contains(&name.as_str()) {
            diagnostics.push(
                Diagnostic::new(shown, format!("unknown column \"{name}\""))
                    .at(1, i + 1)
                    .hint(format!(
                        "the columns of this table are: {}",
                        columns.known.join(", ")
                    )),
            );
        } else if names[..i].contains(name) {
            diagnostics.push(
                Diagnostic::new(shown, format!("the column \"{name}\" appears twice")).at(1, i + 1),
            );
        }
    }
    if !diagnostics.is_empty() {
        return Err(diagnostics);
    }
    let mut rows = Vec::new();
    for record in records {
        let record = match record {
            Ok(r) => r,
            Err(e) => {
                diagnostics.push(csv_error(shown, &e));
                continue;
            }
        };
        let line = record.position().map_or(0, |p| p.line() as usize);
        if record.iter().all(|f| f.trim().is_empty()) {
            continue;
        }
        if record.len() != names.len() {
            diagnostics.push(
                Diagnostic::new(shown, format!(
                    "this row has {} values but the header has {} columns",
                    record.len(),
                    names.len()
                ))
                .at(line, record.len().min(names.len()) + 1)
                .hint("check for a missing or extra comma; a value containing a comma must be in double quotes"),
            );
            continue;
        }
        let cells = names
            .iter()
            .zip(record.iter())
            .enumerate()
            .map(|(i, (name, value))| {
                (
                    name.clone(),
                    Cell {
                        text: value.trim().to_string(),
                        loc: Loc {
                            file: shown.to_path_buf(),
                            line,
                            column: i + 1,
                        },
                    },
                )
            })
            .collect();
        rows.push(Row {
            loc: Loc {
                file: shown.to_path_buf(),
                line,
                column: 1,
            },
            cells,
        });
    }
    diagnostics.into_result(rows)
}

fn csv_error(shown: &Path, e: &csv::Error) -> Diagnostic {
    let line = e.position().map_or(1, |p| p.line() as usize);
    Diagnostic::new(shown, format!("this CSV row cannot be read: {e}"))
        .at_line(line)
        .hint("check that every double quote that opens a value also closes it")
}

fn read_toml(
    shown: &Path,
    text: &str,
    key: &str,
    columns: &Columns,
) -> Result<Vec<Row>, Diagnostics> {
    let document = toml::de::DeTable::parse(text)
        .map_err(|e| crate::error::toml_diagnostic(shown, text, 1, &e))?;
    let mut diagnostics = Diagnostics::default();
    let mut rows = Vec::new();
    let loc_of = |span: std::ops::Range<usize>| {
        let (line, column) = crate::error::line_column(text, span.start);
        Loc {
            file: shown.to_path_buf(),
            line,
            column,
        }
    };
    for (name, value) in document.get_ref().iter() {
        if name.get_ref().as_ref() != key {
            diagnostics.push(
                loc_of(name.span())
                    .error(format!("unknown key \"{}\"", name.get_ref()))
                    .hint(format!("write each row as a [[{key}]] table")),
            );
            continue;
        }
        let toml::de::DeValue::Array(items) = value.get_ref() else {
            diagnostics.push(
                loc_of(value.span()).error(format!("\"{key}\" must be a list of [[{key}]] tables")),
            );
            continue;
        };
        for item in items {
            let toml::de::DeValue::Table(table) = item.get_ref() else {
                diagnostics.push(loc_of(item.span()).error(format!("each {key} must be a table")));
                continue;
            };
            let mut cells = Vec::new();
            flatten(table, "", &loc_of, columns, &mut cells, &mut diagnostics);
            rows.push(Row {
                loc: loc_of(item.span()),
                cells,
            });
        }
    }
    diagnostics.into_result(rows)
}

fn flatten(
    table: &toml::de::DeTable<'_>,
    prefix: &str,
    loc_of: &dyn Fn(std::ops::Range<usize>) -> Loc,
    columns: &Columns,
    cells: &mut Vec<(String, Cell)>,
    diagnostics: &mut Diagnostics,
) {
    for (key, value) in table.iter() {
        let name = if prefix.is_empty() {
            key.get_ref().to_string()
        } else {
            format!("{prefix}_{}", key.get_ref())
        };
        let loc = loc_of(value.span());
        let text = match value.get_ref() {
            toml::de::DeValue::Table(inner) => {
                flatten(inner, &name, loc_of, columns, cells, diagnostics);
                continue;
            }
            toml::de::DeValue::String(s) => s.to_string(),
            toml::de::DeValue::Integer(i) => i.to_string(),
            toml::de::DeValue::Float(f) => f.to_string(),
            toml::de::DeValue::Boolean(b) => b.to_string(),
            toml::de::DeValue::Datetime(d) => d.to_string(),
            toml::de::DeValue::Array(_) => {
                diagnostics.push(loc.error(format!("\"{name}\" cannot be a list")));
                continue;
            }
        };
        if !columns.known.contains(&name.as_str()) {
            let key_loc = loc_of(key.span());
            diagnostics.push(
                key_loc
                    .error(format!("unknown key \"{}\"", key.get_ref()))
                    .hint(format!(
                        "the keys of this table are: {}",
                        columns.known.join(", ")
                    )),
            );
            continue;
        }
        cells.push((
            name,
            Cell {
                text: text.trim().to_string(),
                loc,
            },
        ));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const COLUMNS: Columns = Columns {
        known: &["id", "name", "value", "target_value", "target_year"],
    };

    fn rows(name: &str, bytes: &[u8]) -> Result<Vec<Row>, Diagnostics> {
        read(Path::new(name), bytes, "item", &COLUMNS)
    }

    #[test]
    fn utf8_bom_and_gb18030_csv_read_the_same() {
        let text = "id,name,value\na,济宁市,\"13,375\"\n";
        let (gb, _, _) = encoding_rs::GB18030.encode(text);
        let mut bom = b"\xEF\xBB\xBF".to_vec();
        bom.extend_from_slice(text.as_bytes());
        for bytes in [text.as_bytes().to_vec(), bom, gb.into_owned()] {
            let r = rows("t.csv", &bytes).unwrap();
            assert_eq!(r[0].get("name").unwrap().text, "济宁市");
            assert_eq!(r[0].number("value").unwrap(), Some(13375.0));
            assert_eq!(r[0].loc.line, 2);
        }
    }

    #[test]
    fn csv_errors_have_line_and_column() {
        let err = rows("t.csv", b"id,nmae\n").unwrap_err();
        assert_eq!((err.0[0].line, err.0[0].column), (Some(1), Some(2)));
        let err = rows("t.csv", b"id,name\na,b\nc\n").unwrap_err();
        assert_eq!(err.0[0].line, Some(3));
        let r = rows("t.csv", b"id,value\na,abc\n").unwrap();
        let err = r[0].number("value").unwrap_err();
        assert_eq!((err.line, err.column), (Some(2), Some(2)));
    }

    #[test]
    fn a_quote_left_open_is_found_where_it_opens() {
        assert_eq!(unclosed_quote("a,b\n1,\"x\n2,3\n"), Some((2, 3)));
        assert_eq!(unclosed_quote("a,b\n1,\"x,\"\"y\"\"\"\n"), None);
        let err = rows("t.csv", b"id,name\na,\"open\n").unwrap_err();
        assert_eq!((err.0[0].line, err.0[0].column), (Some(2), Some(3)));
    }

    #[test]
    fn numbers_as_editors_type_them() {
        let cell = |t: &str| Cell {
            text: t.into(),
            loc: Loc::default(),
        };
        assert_eq!(parse_number(&cell("97%")).unwrap(), 97.0);
        assert_eq!(parse_number(&cell("96.8 %")).unwrap(), 96.8);
        assert_eq!(parse_number(&cell("1,910")).unwrap(), 1910.0);
        assert!(parse_number(&cell("=cmd|' /C calc'!A0")).is_err());
        assert!(parse_number(&cell("NaN")).is_err());
    }

    #[test]
    fn toml_rows_are_flattened_and_located() {
        let text = "[[item]]\nid = \"a\"\ntarget = { value = 97, year = 2020 }\n\n[[item]]\nid = \"b\"\nnmae = \"x\"\n";
        let err = rows("t.toml", text.as_bytes()).unwrap_err();
        assert_eq!((err.0[0].line, err.0[0].column), (Some(7), Some(1)));
        let ok = rows(
            "t.toml",
            b"[[item]]\nid = \"a\"\ntarget = { value = 97, year = 2020 }\n",
        )
        .unwrap();
        assert_eq!(ok[0].get("target_value").unwrap().text, "97");
        assert_eq!(ok[0].get("target_year").unwrap().loc.line, 3);
    }
}
