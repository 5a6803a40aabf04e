//! Reading a TOML table (`[[indicator]]` rows) into rows of named cells: nested tables are
//! flattened to the CSV column names (`target = { value = 97 }` is `target_value`).

use std::path::Path;

use super::csv::{bom_hint, bom_problem, BomIn};
use super::{Cell, Columns, Field, Loc, Row, TableRead};
use crate::error::{Diagnostic, Diagnostics};
use crate::t;

pub(super) fn read_toml(shown: &Path, text: &str, key: &str, columns: &Columns) -> TableRead {
    let document = toml::de::DeTable::parse(text).map_err(|e| {
        // A byte-order mark outside a string breaks the TOML; say what it is.
        match text.find('\u{feff}') {
            Some(at) => Diagnostic::new(shown, t!("table-toml-bom"))
                .at_offset(text, at, 1)
                .hint(bom_hint()),
            None => crate::mistakes::toml_diagnostic(shown, text, 1, &e),
        }
    });
    let document = match document {
        Ok(d) => d,
        Err(d) => return TableRead::failed(d),
    };
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
            read.problems.push(
                loc_of(name.span())
                    .error(t!("table-unknown-key", name = name.get_ref().as_ref()))
                    .hint(t!("table-unknown-row-key-hint", key = key)),
            );
            read.complete = false;
            continue;
        }
        let toml::de::DeValue::Array(items) = value.get_ref() else {
            read.problems
                .push(loc_of(value.span()).error(t!("table-rows-not-a-list", key = key)));
            read.complete = false;
            continue;
        };
        for item in items {
            let toml::de::DeValue::Table(table) = item.get_ref() else {
                read.problems
                    .push(loc_of(item.span()).error(t!("table-row-not-a-table", key = key)));
                read.complete = false;
                continue;
            };
            let mut cells = Vec::new();
            let before = read.problems.len();
            flatten(table, &[], &loc_of, columns, &mut cells, &mut read.problems);
            let row = Row {
                loc: loc_of(item.span()),
                cells,
            };
            // A row with an unknown key is reported once, not again for the value it misses.
            read.add_row(row, before);
        }
    }
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
                diagnostics.push(loc.error(t!("table-value-is-a-list")));
                continue;
            }
        };
        if !columns.known.contains(&name.as_str()) {
            let key_loc = loc_of(key.span());
            diagnostics.push(
                key_loc
                    .error(t!("table-unknown-key", name = key.get_ref().as_ref()))
                    .hint(t!(
                        "table-unknown-key-hint",
                        keys = columns.known.join(", ")
                    )),
            );
            continue;
        }
        if let Some(problem) = bom_problem(BomIn::Value, &text) {
            diagnostics.push(loc.error(problem).hint(bom_hint()));
            continue;
        }
        cells.push((
            name,
            Cell {
                text: text.trim().to_string(),
                loc,
                stored: None,
            },
        ));
    }
}
