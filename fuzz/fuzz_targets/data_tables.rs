//! Data tables: any bytes as a CSV or TOML table (in any encoding) must give rows or
//! diagnostics with positions, never a panic.
#![no_main]

use std::path::Path;

use libfuzzer_sys::fuzz_target;
use stdportal::data::columns::INDICATOR_COLUMNS;
use stdportal::data::table::read;

fuzz_target!(|bytes: &[u8]| {
    for name in ["data/indicators.csv", "data/indicators.toml"] {
        let table = read(Path::new(name), bytes, "indicator", &INDICATOR_COLUMNS);
        for row in table.rows.iter().chain(&table.broken) {
            for name in ["baseline_value", "target_value"] {
                let _ = row.number(name);
            }
            let _ = row.year("target_year");
        }
        for problem in &table.problems {
            assert!(problem.line.is_none_or(|l| l >= 1));
        }
    }
});
