//! Reading a TOML table (`[[indicator]]` rows) into rows of named cells: nested tables are
//! flattened to the CSV column names (`target = { value = 97 }` is `target_value`).

use std::path::Path;

use super::csv::{bom_problem, BOM_HINT};
use super::{Cell, Columns, Field, Loc, Row, TableRead};
use crate::error::{Diagnostic, Diagnostics};

pub(super) fn read_toml(shown: &Path, text: &str, key: &str, columns: &Columns) -> TableRead {
    let document = toml::de::DeTable::parse(text).map_err(|e| {
        // A byte-order mark outside a string breaks the TOML; say what it is.
        match text.find('\u{feff}') {
            Some(at) => Diagnostic::new(shown, "an invisible byte-order mark (U+FEFF) is here")
                .at_offset(text, at, 1)
                .hint(BOM_HINT),
            None => crate::error::toml_diagnostic(shown, text, 1, &e),
        }
    });
    let document = match document {
        Ok(d) => d,
        Err(d) => return TableRead::failed(d),
    };
    let mut diagnostics = Diagnostics::default();
    let mut read = TableRead {
        complete: true,
        ..TableRead::default()
    };
    let loc_of = |span: std::ops::Range<usize>| {
        let (line, column) = crate::error::line_column(text, span.start);
        Loc {
            file: shown.to_path_buf(),
            line,
            column,
            ..Loc::default()
        }
    };
    for (name, value) in document.get_ref().iter() {
        if name.get_ref().as_ref() != key {
            diagnostics.push(
                loc_of(name.span())
                    .error(format!("unknown key \"{}\"", name.get_ref()))
                    .hint(format!("write each row as a [[{key}]] table")),
            );
            read.complete = false;
            continue;
        }
        let toml::de::DeValue::Array(items) = value.get_ref() else {
            diagnostics.push(
                loc_of(value.span()).error(format!("\"{key}\" must be a list of [[{key}]] tables")),
            );
            read.complete = false;
            continue;
        };
        for item in items {
            let toml::de::DeValue::Table(table) = item.get_ref() else {
                diagnostics.push(loc_of(item.span()).error(format!("each {key} must be a table")));
                read.complete = false;
                continue;
            };
            let mut cells = Vec::new();
            let before = diagnostics.len();
            flatten(table, &[], &loc_of, columns, &mut cells, &mut diagnostics);
            let row = Row {
                loc: loc_of(item.span()),
                cells,
            };
            // A row with an unknown key is reported once, not again for the value it misses.
            if diagnostics.len() == before {
                read.rows.push(row);
            } else {
                read.broken.push(row);
            }
        }
    }
    read.problems = diagnostics;
    read
}

/// The cells of a TOML table; `path` is the keys of the tables it is nested in.
fn flatten(
    table: &toml::de::DeTable<'_>,
    path: &[&str],
    loc_of: &dyn Fn(std::ops::Range<usize>) -> Loc,
    columns: &Columns,
    cells: &mut Vec<(String, Cell)>,
    diagnostics: &mut Diagnostics,
) {
    for (key, value) in table.iter() {
        let mut keys = path.to_vec();
        keys.push(key.get_ref().as_ref());
        let name = keys.join("_");
        let loc = Loc {
            field: Some(Field::Key(keys.join("."))),
            ..loc_of(value.span())
        };
        let text = match value.get_ref() {
            toml::de::DeValue::Table(inner) => {
                flatten(inner, &keys, loc_of, columns, cells, diagnostics);
                continue;
            }
            toml::de::DeValue::String(s) => s.to_string(),
            // As written (`1e308`, `0x1f`), for the number reader to judge.
            toml::de::DeValue::Integer(i) => i.to_string(),
            toml::de::DeValue::Float(f) => f.to_string(),
            toml::de::DeValue::Boolean(b) => b.to_string(),
            toml::de::DeValue::Datetime(d) => d.to_string(),
            toml::de::DeValue::Array(_) => {
                diagnostics.push(loc.error("a value cannot be a list"));
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
        if let Some(problem) = bom_problem("value", &text) {
            diagnostics.push(loc.error(problem).hint(BOM_HINT));
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
