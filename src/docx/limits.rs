//! How much of a Word file is read. A `.docx` is a zip of XML parts that the reader expands
//! into memory; each limit keeps what a few kilobytes can be made to expand to far below the
//! computer's memory, and far above what a 公文 needs (a 60-page notice with 20 tables and 10
//! pictures is about 2 MB of XML and a few MB of pictures). SECURITY.md lists them.

const MB: u64 = 1024 * 1024;

/// A Word file as stored (pictures included). The caller reads at most this much (and one byte
/// more, to know that there was more).
pub const FILE_BYTES: u64 = 100 * MB;
/// One XML part, unpacked (`word/document.xml` of a 600-page report is about 20 MB).
pub const XML_PART_BYTES: u64 = 64 * MB;
/// One picture, unpacked.
pub const MEDIA_PART_BYTES: u64 = 64 * MB;
/// Everything the reader unpacks from one file, parts and pictures together.
pub const UNPACKED_BYTES: u64 = 256 * MB;
/// The parts of the zip.
pub const PARTS: usize = 10_000;
/// How many times smaller than its content a part of more than [`RATIO_FROM`] bytes may be
/// stored: Word's XML packs 5–30 times; a zip bomb packs about 1,000 times.
pub const RATIO: u64 = 200;
/// The size (1 MB) from which a part's packing [`RATIO`] is checked: small parts may pack well.
pub const RATIO_FROM: u64 = MB;
/// XML elements kept from all the parts together (each costs about 100 bytes in memory; a
/// 60-page notice has about 100,000).
pub const ELEMENTS: usize = 2_000_000;
/// Elements open inside one another (Word nests tables in tables; 40 levels is already more
/// than it shows).
pub const DEPTH: usize = 256;
/// Tables inside tables.
pub const TABLE_DEPTH: usize = 16;

/// A size in megabytes as a message shows it, rounded up (a size just over a limit never reads
/// as the limit).
pub fn megabytes(bytes: u64) -> String {
    grouped(bytes.div_ceil(MB))
}

/// A count with thousands separators: `1,000,000`.
pub fn grouped(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, d) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(d);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sizes_read_as_an_editor_writes_them() {
        assert_eq!(grouped(0), "0");
        assert_eq!(grouped(1_000), "1,000");
        assert_eq!(grouped(2_000_000), "2,000,000");
        assert_eq!(megabytes(1), "1");
        assert_eq!(megabytes(MB + 1), "2");
    }
}
