//! How much of a workbook is read, and the message when one is more. A workbook is a zip of XML
//! (`.xlsx`, `.ods`) or a compound file (`.xls`) that the reader expands into memory; each
//! limit keeps what a few kilobytes can make it expand to far below the computer's memory, and
//! far above what a portal's tables need (a table of 200,000 observations is a million cells).
//! SECURITY.md lists them with what each gives the editor.

use std::path::Path;

use crate::digits::grouped;
use crate::error::Diagnostic;
use crate::t;

const MB: u64 = 1024 * 1024;

/// A workbook file (as stored in `data/`): the limit of the one read function.
pub const FILE_BYTES: u64 = crate::read::Kind::Workbook.limit();
/// All the parts of a zip together, unpacked, as its central directory declares them (the zip
/// reader refuses to unpack a part past its declared size).
pub const UNPACKED_BYTES: u64 = 256 * MB;
/// One part of a zip, unpacked.
pub const PART_BYTES: u64 = 128 * MB;
/// The parts of a zip.
pub const PARTS: usize = 10_000;
/// How many times smaller than its content a part of more than [`RATIO_FROM`] bytes may be
/// stored: XML of real sheets packs 5–50 times; a zip bomb packs about 1,000 times.
pub const RATIO: u64 = 200;
/// The size (1 MB) from which a part's packing [`RATIO`] is checked: small parts may pack well.
pub const RATIO_FROM: u64 = MB;
/// Cells with a value, in all the sheets of one workbook.
pub const CELLS: u64 = 1_000_000;
/// The rectangle from the first to the last cell with a value of one sheet (the readers of
/// `.ods` and `.xls` fill it in whole).
pub const RANGE_CELLS: u64 = 4_000_000;
/// What the reader makes of the cell formats (`styles.xml`), the different texts
/// (`sharedStrings.xml`) and the repeated rows and cells of an `.ods`, in memory.
pub const EXPANDED_BYTES: u64 = 256 * MB;
/// Problems reported for one file; the rest are counted (see [`crate::error::Diagnostics`]).
pub use crate::error::PROBLEMS_PER_FILE;

/// The limit a workbook passed, with what was found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Exceeded {
    /// The file is larger than [`FILE_BYTES`].
    File {
        /// The file's size, in bytes.
        bytes: u64,
    },
    /// The zip's parts together unpack to more than [`UNPACKED_BYTES`].
    Unpacked {
        /// Their unpacked size, in bytes, as the zip declares it.
        bytes: u64,
        /// How many times smaller they are stored (unpacked size / packed size).
        ratio: u64,
    },
    /// `ratio`: how many times smaller it is stored.
    Part {
        /// The part's name in the zip (`xl/worksheets/sheet1.xml`).
        part: String,
        /// Its unpacked size, in bytes.
        bytes: u64,
        /// How many times smaller it is stored.
        ratio: u64,
    },
    /// The zip has more than [`PARTS`] parts.
    Parts {
        /// How many parts it has.
        count: usize,
    },
    /// A part over [`RATIO_FROM`] bytes is stored more than [`RATIO`] times smaller (a zip bomb).
    Ratio {
        /// The part's name in the zip.
        part: String,
        /// How many times smaller it is stored.
        ratio: u64,
    },
    /// The workbook has more than [`CELLS`] cells with a value; `sheet` is the one where the count
    /// passed it.
    Cells {
        /// The sheet's name.
        sheet: String,
    },
    /// One sheet's rectangle of cells with a value is more than [`RANGE_CELLS`] cells.
    Range {
        /// The sheet's name.
        sheet: String,
        /// The first cell of the rectangle, as a spreadsheet names it (`A1`).
        from: String,
        /// The last cell of the rectangle (`XFD1048576`).
        to: String,
        /// How many cells the rectangle holds.
        cells: u64,
    },
    /// What the reader builds in memory passed [`EXPANDED_BYTES`].
    Expanded {
        /// What grew: the cell formats, the texts, the repeats of an `.ods` ….
        what: Expanded,
        /// The size it reached, in bytes.
        bytes: u64,
    },
}

/// What grew past [`EXPANDED_BYTES`] once read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Expanded {
    /// The cell formats of an `.xlsx`.
    Formats,
    /// The different texts of an `.xlsx`, or the texts of an `.xls`.
    Texts,
    /// The repeated rows, cells and spaces of an `.ods`.
    Repeats,
    /// The cells of the sheets of an `.xls`, each filled in from its first to its last cell.
    Ranges,
    /// Parts read again and again (a sheet listed many times).
    Rereads,
}

impl Exceeded {
    /// The error for the workbook `shown`, naming the limit and what to do.
    pub fn diagnostic(&self, shown: &Path) -> Diagnostic {
        let (message, hint) = match self {
            Exceeded::File { bytes } => (
                t!(
                    "table-workbook-file-limit",
                    size = megabytes(*bytes),
                    limit = megabytes(FILE_BYTES)
                ),
                t!("table-workbook-split-hint"),
            ),
            Exceeded::Unpacked { bytes, ratio } => (
                t!(
                    "table-workbook-unpacked-limit",
                    size = megabytes(*bytes),
                    limit = megabytes(UNPACKED_BYTES)
                ),
                size_hint(*ratio),
            ),
            Exceeded::Part { part, bytes, ratio } => (
                t!(
                    "table-workbook-part-limit",
                    part = part.as_str(),
                    size = megabytes(*bytes),
                    limit = megabytes(PART_BYTES)
                ),
                size_hint(*ratio),
            ),
            Exceeded::Parts { count } => (
                t!(
                    "table-workbook-parts-limit",
                    count = grouped(*count as u64),
                    limit = grouped(PARTS as u64)
                ),
                t!("table-workbook-damaged-hint"),
            ),
            Exceeded::Ratio { part, ratio } => (
                t!(
                    "table-workbook-ratio-limit",
                    part = part.as_str(),
                    ratio = grouped(*ratio),
                    limit = grouped(RATIO)
                ),
                t!("table-workbook-damaged-hint"),
            ),
            Exceeded::Cells { sheet } => (
                t!(
                    "table-workbook-cells-limit",
                    sheet = sheet.as_str(),
                    limit = grouped(CELLS)
                ),
                t!("table-workbook-split-hint"),
            ),
            Exceeded::Range {
                sheet,
                from,
                to,
                cells,
            } => (
                t!(
                    "table-sheet-range-limit",
                    sheet = sheet.as_str(),
                    from = from.as_str(),
                    to = to.as_str(),
                    cells = grouped(*cells),
                    limit = grouped(RANGE_CELLS)
                ),
                t!("table-sheet-range-limit-hint", to = to.as_str()),
            ),
            Exceeded::Expanded { what, bytes } => {
                let what = match what {
                    Expanded::Formats => "formats",
                    Expanded::Texts => "texts",
                    Expanded::Repeats => "repeats",
                    Expanded::Ranges => "ranges",
                    Expanded::Rereads => "rereads",
                };
                (
                    t!(
                        "table-workbook-expanded-limit",
                        what = what,
                        size = megabytes(*bytes),
                        limit = megabytes(EXPANDED_BYTES)
                    ),
                    t!("table-workbook-expanded-limit-hint", what = what),
                )
            }
        };
        Diagnostic::new(shown, message).hint(hint)
    }
}

/// What to do about a workbook too large once unpacked: packed as spreadsheet programs pack,
/// it is a large table; packed far more, a bomb or a damaged file.
fn size_hint(ratio: u64) -> String {
    if ratio > RATIO {
        t!("table-workbook-damaged-hint")
    } else {
        t!("table-workbook-split-hint")
    }
}

/// A size in megabytes as a message shows it: `1,536` (rounded up, so a size just over a
/// limit never reads as the limit).
pub fn megabytes(bytes: u64) -> String {
    grouped(bytes.div_ceil(MB))
}

/// A cell's name as the spreadsheet shows it: row and column from 0, `(0, 0)` is `A1`.
pub fn cell_name(row: u32, column: u32) -> String {
    format!(
        "{}{}",
        super::super::column_letters(column as usize + 1),
        u64::from(row) + 1
    )
}

/// Cells from the first to the last of a rectangle, both included.
pub fn range_cells(first: (u32, u32), last: (u32, u32)) -> u64 {
    let rows = u64::from(last.0.saturating_sub(first.0)) + 1;
    let columns = u64::from(last.1.saturating_sub(first.1)) + 1;
    rows * columns
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_and_sizes_read_as_an_editor_writes_them() {
        assert_eq!(grouped(0), "0");
        assert_eq!(grouped(999), "999");
        assert_eq!(grouped(1_000), "1,000");
        assert_eq!(grouped(17_179_869_184), "17,179,869,184");
        assert_eq!(megabytes(1), "1");
        assert_eq!(megabytes(MB), "1");
        assert_eq!(megabytes(MB + 1), "2");
        assert_eq!(cell_name(0, 0), "A1");
        assert_eq!(cell_name(1_048_575, 16_383), "XFD1048576");
        assert_eq!(range_cells((0, 0), (1_048_575, 16_383)), 17_179_869_184);
    }
}
