//! The records of an `.xls` file's `Workbook` stream (BIFF, MS-XLS 2.1.4), split as calamine
//! splits them: what the scan of limits (`xls_scan.rs`) and the reader of cell formats
//! (`xls_formats.rs`) both walk.

/// A BIFF record: its type and data, with the `CONTINUE` records after it.
pub(super) struct Record<'a> {
    pub kind: u16,
    pub data: &'a [u8],
    pub continued: usize,
}

pub(super) fn u16_at(data: &[u8], at: usize) -> Option<u16> {
    Some(u16::from_le_bytes([*data.get(at)?, *data.get(at + 1)?]))
}

pub(super) fn u32_at(data: &[u8], at: usize) -> Option<u32> {
    Some(u32::from_le_bytes(data.get(at..at + 4)?.try_into().ok()?))
}

/// The records from the start of `stream`, as calamine's `RecordIter` splits them; stops at a
/// record cut short (calamine stops there with an error).
pub(super) fn records(mut stream: &[u8]) -> impl Iterator<Item = Record<'_>> {
    std::iter::from_fn(move || {
        let kind = u16_at(stream, 0)?;
        let len = u16_at(stream, 2)? as usize;
        let data = stream.get(4..4 + len)?;
        stream = &stream[4 + len..];
        let mut continued = 0;
        while let (Some(0x003C), Some(len)) = (u16_at(stream, 0), u16_at(stream, 2)) {
            let Some(next) = stream.get(4 + len as usize..) else {
                break;
            };
            continued += len as usize;
            stream = next;
        }
        Some(Record {
            kind,
            data,
            continued,
        })
    })
}

/// A sheet's name from its BoundSheet8 record (BIFF8: a count, a flag for two-byte characters,
/// the characters).
pub(super) fn sheet_name(data: &[u8]) -> Option<String> {
    let count = *data.get(6)? as usize;
    let wide = data.get(7)? & 1 == 1;
    let chars = data.get(8..)?;
    if wide {
        let units: Vec<u16> = chars
            .chunks_exact(2)
            .take(count)
            .map(|c| u16::from_le_bytes([c[0], c[1]]))
            .collect();
        Some(String::from_utf16_lossy(&units))
    } else {
        Some(chars.iter().take(count).map(|&b| char::from(b)).collect())
    }
}
