//! Workbooks: any bytes as an `.xlsx`, `.ods` or `.xls` in `data/` go through the reader a build
//! uses (the container and expansion checks, calamine, the sheet reader): sheets or one
//! diagnostic, never a panic, an abort or memory past the limits. Seeded with the workbooks of
//! `tests/fixtures/workbooks` (`fuzz/ci.sh`).
#![no_main]

use std::path::Path;

use libfuzzer_sys::fuzz_target;
use stdportal::data::columns::{INDICATOR_COLUMNS, OBSERVATION_COLUMNS};
use stdportal::data::table::workbook::{read_sheet, sheets};

fuzz_target!(|bytes: &[u8]| {
    // What a workbook is, is told by its content: one name of each kind shows the messages.
    let shown = Path::new("data/observations.xlsx");
    match sheets(shown, bytes) {
        Ok(sheets) => {
            for sheet in &sheets {
                for columns in [&OBSERVATION_COLUMNS, &INDICATOR_COLUMNS] {
                    let read = read_sheet(shown, sheet, columns);
                    for row in read.rows.iter().chain(&read.broken) {
                        let _ = row.number("value");
                        let _ = row.year("date");
                    }
                    for problem in &read.problems {
                        assert!(problem.line.is_none_or(|l| l >= 1));
                    }
                }
            }
        }
        Err(diagnostic) => assert_eq!(diagnostic.file, shown),
    }
});
