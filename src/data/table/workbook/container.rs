//! What a workbook file is, told by its first bytes rather than its name, and whether its
//! container may be handed to the reader: a zip (`.xlsx`, `.ods`) whose central directory
//! declares no more than the limits allow, or an OLE compound file (`.xls`, or an `.xlsx` that
//! Excel encrypted with a password) whose sector chains hold together.

use std::io::{Cursor, Read};

use super::limits::{self, Exceeded};
use super::Problem;

/// The kinds of workbook the readers know, by content.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Kind {
    Xlsx,
    Ods,
    Xls,
}

/// What a file that is no workbook looks like, for the message.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Looks {
    /// An empty file (0 bytes).
    Empty,
    /// A web page or other markup: systems that "export to Excel" often write HTML.
    Markup,
    /// Text: a CSV or a table copied as text.
    Text,
    /// Anything else: binary that is not a zip nor an `.xls` (a PDF, a picture, a damaged file).
    Other,
}

impl Looks {
    pub(crate) fn id(self) -> &'static str {
        match self {
            Looks::Empty => "empty",
            Looks::Markup => "markup",
            Looks::Text => "text",
            Looks::Other => "other",
        }
    }
}

const ZIP: &[u8] = b"PK\x03\x04";
const EMPTY_ZIP: &[u8] = b"PK\x05\x06";
const OLE: &[u8] = b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1";

/// The kind of workbook `bytes` hold, once its container is found within the limits.
pub(super) fn open(bytes: &[u8]) -> Result<Kind, Problem> {
    if bytes.len() as u64 > limits::FILE_BYTES {
        return Err(Exceeded::File {
            bytes: bytes.len() as u64,
        }
        .into());
    }
    if bytes.starts_with(ZIP) || bytes.starts_with(EMPTY_ZIP) {
        check_zip(bytes)
    } else if bytes.starts_with(OLE) {
        check_ole(bytes)
    } else {
        Err(Problem::NotAWorkbook(looks(bytes)))
    }
}

fn looks(bytes: &[u8]) -> Looks {
    let start = &bytes[..bytes.len().min(4096)];
    let text = String::from_utf8_lossy(start);
    let control = |b: &u8| *b < 0x20 && !matches!(b, b'\t' | b'\r' | b'\n');
    if bytes.is_empty() {
        Looks::Empty
    } else if text
        .trim_start_matches(['\u{feff}', ' ', '\t', '\r', '\n'])
        .starts_with('<')
    {
        Looks::Markup
    } else if !start.iter().any(control) {
        // UTF-8 or GB18030 text alike: no control bytes.
        Looks::Text
    } else {
        Looks::Other
    }
}

/// The zip's central directory against the limits; the declared sizes are what the zip reader
/// will let each part unpack to (it stops a part that inflates past its declared size).
fn check_zip(bytes: &[u8]) -> Result<Kind, Problem> {
    let archive =
        zip::ZipArchive::new(Cursor::new(bytes)).map_err(|e| Problem::Unreadable(e.to_string()))?;
    if archive.len() > limits::PARTS {
        return Err(Exceeded::Parts {
            count: archive.len(),
        }
        .into());
    }
    if archive.has_duplicate_names() {
        return Err(Problem::DuplicateParts);
    }
    let mut total: u64 = 0;
    let mut total_packed: u64 = 0;
    let mut ods = false;
    for i in 0..archive.len() {
        let entry = archive
            .by_index_data(i)
            .map_err(|e| Problem::Unreadable(e.to_string()))?;
        let name = String::from_utf8_lossy(entry.name_raw()).into_owned();
        let size = entry.size();
        let packed = entry.compressed_size().max(1);
        if size > limits::PART_BYTES {
            return Err(Exceeded::Part {
                part: name,
                bytes: size,
                ratio: size / packed,
            }
            .into());
        }
        if size > limits::RATIO_FROM && size / packed > limits::RATIO {
            return Err(Exceeded::Ratio {
                part: name,
                ratio: size / packed,
            }
            .into());
        }
        if entry.encrypted() {
            return Err(Problem::Password);
        }
        total = total.saturating_add(size);
        total_packed = total_packed.saturating_add(packed);
        ods |= name == "mimetype";
    }
    if total > limits::UNPACKED_BYTES {
        return Err(Exceeded::Unpacked {
            bytes: total,
            ratio: total / total_packed.max(1),
        }
        .into());
    }
    Ok(if ods { Kind::Ods } else { Kind::Xlsx })
}

/// An OLE compound file: an `.xlsx` encrypted with a password (its package is a stream
/// `EncryptedPackage`), or an `.xls` whose `Workbook` stream is read here with a reader that
/// checks every sector chain (calamine's follows a chain that loops back forever).
fn check_ole(bytes: &[u8]) -> Result<Kind, Problem> {
    let file = cfb::CompoundFile::open(Cursor::new(bytes))
        .map_err(|e| Problem::Unreadable(e.to_string()))?;
    let names: Vec<String> = file
        .read_root_storage()
        .map(|entry| entry.name().to_string())
        .collect();
    let has = |wanted: &str| names.iter().any(|n| n.eq_ignore_ascii_case(wanted));
    if has("EncryptedPackage") || has("EncryptionInfo") {
        return Err(Problem::Password);
    }
    Ok(Kind::Xls)
}

/// The `Workbook` stream of an `.xls` (`Book` in Excel 5 files), at most the file's size.
pub(super) fn xls_stream(bytes: &[u8]) -> Result<Vec<u8>, Problem> {
    let mut file = cfb::CompoundFile::open(Cursor::new(bytes))
        .map_err(|e| Problem::Unreadable(e.to_string()))?;
    let path = ["/Workbook", "/Book", "/WORKBOOK", "/BOOK"]
        .into_iter()
        .find(|p| file.is_stream(p))
        .ok_or_else(|| Problem::Unreadable("no Workbook stream".to_string()))?;
    let stream = file
        .open_stream(path)
        .map_err(|e| Problem::Unreadable(e.to_string()))?;
    let mut data = Vec::new();
    stream
        .take(limits::FILE_BYTES)
        .read_to_end(&mut data)
        .map_err(|e| Problem::Unreadable(e.to_string()))?;
    Ok(data)
}

/// Streams each part of a zip whose name `wanted` accepts to `scan`; the zip reader stops a
/// part that unpacks past its declared size.
pub(super) fn scan_zip_parts(
    bytes: &[u8],
    wanted: impl Fn(&str) -> bool,
    mut scan: impl FnMut(&str, &mut dyn Read) -> Result<(), Problem>,
) -> Result<(), Problem> {
    let mut archive =
        zip::ZipArchive::new(Cursor::new(bytes)).map_err(|e| Problem::Unreadable(e.to_string()))?;
    for i in 0..archive.len() {
        let name = archive
            .by_index_data(i)
            .map(|entry| String::from_utf8_lossy(entry.name_raw()).into_owned())
            .map_err(|e| Problem::Unreadable(e.to_string()))?;
        if wanted(&name) {
            let mut part = archive
                .by_index(i)
                .map_err(|e| Problem::Unreadable(e.to_string()))?;
            scan(&name, &mut part)?;
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn files_that_are_no_workbook_say_what_they_look_like() {
        assert_eq!(open(b""), Err(Problem::NotAWorkbook(Looks::Empty)));
        assert_eq!(
            open(b"\xef\xbb\xbf<html><table>"),
            Err(Problem::NotAWorkbook(Looks::Markup))
        );
        assert_eq!(
            open("城市,指标\n日照,1\n".as_bytes()),
            Err(Problem::NotAWorkbook(Looks::Text))
        );
        assert_eq!(
            open(b"\x00\x01\x02\xff\xfe"),
            Err(Problem::NotAWorkbook(Looks::Other))
        );
    }
}
