//! Data tables: any bytes as a CSV or TOML table (in any encoding) must give rows or
//! diagnostics with positions, never a panic.
#![no_main]

use std::path::Path;

use libfuzzer_sys::fuzz_target;
use stdportal::data::table::{read, Columns};

const COLUMNS: Columns = Columns {
    known: &["id", "city", "name", "value", "date", "target_value", "target_year", "source_quote"],
};

fuzz_target!(|bytes: &[u8]| {
    for name in ["data/indicators.csv", "data/indicators.toml"] {
        match read(Path::new(name), bytes, "indicator", &COLUMNS) {
            Ok(rows) => {
                for row in rows {
                    for name in ["value", "target_value"] {
                        let _ = row.number(name);
                    }
                    let _ = row.year("target_year");
                }
            }
            Err(diagnostics) => assert!(!diagnostics.is_empty()),
        }
    }
});
