//! What a Word file is, told by its first bytes rather than its name, and its zip opened within
//! the limits: the central directory is checked before anything is unpacked (parts, declared
//! sizes, how much smaller each is stored, encryption), and every part is then unpacked with a
//! byte cap of its own and against one budget for the whole file.
//!
//! The same approach as the workbook reader's container (`src/data/table/workbook/container.rs`);
//! [`check_directory`], [`Package::read_capped`] and [`looks`] are the parts the two would share.

use std::cell::Cell;
use std::collections::HashMap;
use std::io::{Cursor, Read};

use super::limits;
use super::problem::{Legacy, Looks, Problem};

const ZIP: &[u8] = b"PK\x03\x04";
const EMPTY_ZIP: &[u8] = b"PK\x05\x06";
const OLE: &[u8] = b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1";
/// Microsoft Works 1–3 for DOS and 2 for Windows (later Works files are OLE compound files).
const WORKS_DOS: &[u8] = b"\x01\xFE";

/// An opened `.docx` (or `.docm`, `.dotx`: the same package): its zip, its parts by name, and
/// what has been unpacked so far.
pub(super) struct Package<'a> {
    archive: zip::ZipArchive<Cursor<&'a [u8]>>,
    /// Part names as OPC compares them (case-insensitive, no leading `/`) → zip index.
    names: HashMap<String, usize>,
    /// Bytes unpacked so far, against [`limits::UNPACKED_BYTES`].
    unpacked: Cell<u64>,
}

/// Opens the Word file in `bytes`, or says what it is instead.
pub(super) fn open(bytes: &[u8]) -> Result<Package<'_>, Problem> {
    if bytes.len() as u64 > limits::FILE_BYTES {
        return Err(Problem::TooLarge {
            bytes: bytes.len() as u64,
        });
    }
    if bytes.starts_with(ZIP) || bytes.starts_with(EMPTY_ZIP) {
        Package::new(bytes)
    } else if bytes.starts_with(OLE) {
        Err(ole(bytes))
    } else if bytes.starts_with(WORKS_DOS) {
        Err(Problem::Legacy(Legacy::Works))
    } else {
        Err(Problem::NotWord(looks(bytes)))
    }
}

/// What a file that is no zip looks like, for the message.
pub(super) fn looks(bytes: &[u8]) -> Looks {
    let start = &bytes[..bytes.len().min(4096)];
    let text = String::from_utf8_lossy(start);
    let text = text.trim_start_matches(['\u{feff}', ' ', '\t', '\r', '\n']);
    let control = |b: &u8| *b < 0x20 && !matches!(b, b'\t' | b'\r' | b'\n');
    if bytes.is_empty() {
        Looks::Empty
    } else if start.starts_with(b"%PDF") {
        Looks::Pdf
    } else if text.starts_with("{\\rtf") {
        Looks::Rtf
    } else if text.starts_with('<') {
        // Word's "save as web page", or a system that "exports to Word" as HTML.
        Looks::Markup
    } else if !start.iter().any(control) {
        Looks::Text
    } else {
        Looks::Other
    }
}

/// An OLE compound file: a Word file encrypted with a password (its package is the stream
/// `EncryptedPackage`), a Word 97–2003 `.doc` or a Kingsoft WPS `.wps` (both have a
/// `WordDocument` stream), or a Microsoft Works document (`CONTENTS`).
fn ole(bytes: &[u8]) -> Problem {
    let Ok(file) = cfb::CompoundFile::open(Cursor::new(bytes)) else {
        return Problem::NotWord(Looks::Other);
    };
    let names: Vec<String> = file
        .read_root_storage()
        .map(|entry| entry.name().to_string())
        .collect();
    let has = |wanted: &str| names.iter().any(|n| n.eq_ignore_ascii_case(wanted));
    if has("EncryptedPackage") || has("EncryptionInfo") {
        Problem::Password
    } else if has("WordDocument") {
        Problem::Legacy(Legacy::WordBinary)
    } else if has("CONTENTS") || has("MatOST") {
        Problem::Legacy(Legacy::Works)
    } else if has("Workbook") || has("Book") {
        Problem::NotWord(Looks::Workbook)
    } else {
        Problem::NotWord(Looks::Other)
    }
}

/// The limits a zip's central directory must keep, so that nothing is unpacked from one that
/// declares too much.
pub(super) struct DirectoryLimits {
    pub parts: usize,
    /// The largest part, unpacked.
    pub part_bytes: u64,
    pub ratio: u64,
    pub ratio_from: u64,
    pub unpacked_bytes: u64,
}

const DIRECTORY: DirectoryLimits = DirectoryLimits {
    parts: limits::PARTS,
    part_bytes: if limits::XML_PART_BYTES > limits::MEDIA_PART_BYTES {
        limits::XML_PART_BYTES
    } else {
        limits::MEDIA_PART_BYTES
    },
    ratio: limits::RATIO,
    ratio_from: limits::RATIO_FROM,
    unpacked_bytes: u64::MAX,
};

/// The central directory of `archive` against `limits`: the part count, each part's declared
/// size and packing ratio, encryption. Returns the parts' names (raw, lossily decoded).
pub(super) fn check_directory<R: Read + std::io::Seek>(
    archive: &zip::ZipArchive<R>,
    limits: &DirectoryLimits,
) -> Result<Vec<String>, Problem> {
    if archive.len() > limits.parts {
        return Err(Problem::TooManyParts {
            count: archive.len(),
        });
    }
    if archive.has_duplicate_names() {
        return Err(Problem::DuplicateParts);
    }
    let mut names = Vec::with_capacity(archive.len());
    let mut total: u64 = 0;
    for i in 0..archive.len() {
        let entry = archive
            .by_index_data(i)
            .map_err(|e| Problem::unreadable(None, e))?;
        let name = String::from_utf8_lossy(entry.name_raw()).into_owned();
        let size = entry.size();
        let packed = entry.compressed_size().max(1);
        if entry.encrypted() {
            return Err(Problem::Password);
        }
        if size > limits.part_bytes {
            return Err(Problem::PartTooLarge {
                part: name,
                bytes: size,
                ratio: size / packed,
            });
        }
        if size > limits.ratio_from && size / packed > limits.ratio {
            return Err(Problem::Ratio {
                part: name,
                ratio: size / packed,
            });
        }
        total = total.saturating_add(size);
        names.push(name);
    }
    if total > limits.unpacked_bytes {
        return Err(Problem::Unpacked { bytes: total });
    }
    Ok(names)
}

/// An OPC part name as compared: no leading `/`, forward slashes, ASCII case folded.
pub(super) fn part_key(name: &str) -> String {
    name.trim_start_matches('/')
        .replace('\\', "/")
        .to_ascii_lowercase()
}

impl<'a> Package<'a> {
    fn new(bytes: &'a [u8]) -> Result<Package<'a>, Problem> {
        let archive =
            zip::ZipArchive::new(Cursor::new(bytes)).map_err(|e| Problem::unreadable(None, e))?;
        let raw_names = check_directory(&archive, &DIRECTORY)?;
        let mut names = HashMap::with_capacity(raw_names.len());
        for (i, name) in raw_names.iter().enumerate() {
            if names.insert(part_key(name), i).is_some() {
                // Two parts whose names differ only in case: readers would disagree.
                return Err(Problem::DuplicateParts);
            }
        }
        Ok(Package {
            archive,
            names,
            unpacked: Cell::new(0),
        })
    }

    /// Whether the package has a part of this name.
    pub(super) fn has(&self, name: &str) -> bool {
        self.names.contains_key(&part_key(name))
    }

    /// The names of the parts (as the zip has them).
    pub(super) fn part_names(&self) -> impl Iterator<Item = &str> {
        self.archive.file_names_raw().map(|raw| {
            // Names were decoded once in `new`; here only ASCII/UTF-8 names are listed.
            std::str::from_utf8(raw).unwrap_or("")
        })
    }

    /// An XML part, unpacked, or `None` when there is none of that name.
    pub(super) fn xml(&mut self, name: &str) -> Result<Option<Vec<u8>>, Problem> {
        self.read_capped(name, limits::XML_PART_BYTES)
    }

    /// A picture, unpacked, or `None` when there is none of that name.
    pub(super) fn media(&mut self, name: &str) -> Result<Option<Vec<u8>>, Problem> {
        self.read_capped(name, limits::MEDIA_PART_BYTES)
    }

    /// Unpacks a part, stopping at `cap` bytes (whatever its header declares) and at what is
    /// left of the file's budget.
    pub(super) fn read_capped(&mut self, name: &str, cap: u64) -> Result<Option<Vec<u8>>, Problem> {
        let Some(&index) = self.names.get(&part_key(name)) else {
            return Ok(None);
        };
        let left = limits::UNPACKED_BYTES.saturating_sub(self.unpacked.get());
        let mut part = self
            .archive
            .by_index(index)
            .map_err(|e| Problem::unreadable(Some(name), e))?;
        let declared = part.size();
        let mut data = Vec::with_capacity(declared.min(cap).min(left) as usize);
        let allowed = cap.min(left);
        (&mut part)
            .take(allowed + 1)
            .read_to_end(&mut data)
            .map_err(|e| Problem::unreadable(Some(name), e))?;
        let read = data.len() as u64;
        if read > cap {
            return Err(Problem::PartTooLarge {
                part: name.to_string(),
                bytes: read.max(declared),
                ratio: 0,
            });
        }
        if read > left {
            return Err(Problem::Unpacked {
                bytes: self.unpacked.get() + read,
            });
        }
        self.unpacked.set(self.unpacked.get() + read);
        Ok(Some(data))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn problem(bytes: &[u8]) -> Problem {
        match open(bytes) {
            Ok(_) => panic!("opened"),
            Err(p) => p,
        }
    }

    #[test]
    fn files_that_are_no_word_file_say_what_they_look_like() {
        assert_eq!(problem(b""), Problem::NotWord(Looks::Empty));
        assert_eq!(problem(b"%PDF-1.7\n"), Problem::NotWord(Looks::Pdf));
        assert_eq!(problem(b"{\\rtf1\\ansi"), Problem::NotWord(Looks::Rtf));
        assert_eq!(
            problem(b"\xef\xbb\xbf<html><body>"),
            Problem::NotWord(Looks::Markup)
        );
        assert_eq!(
            problem("关于印发的通知\n".as_bytes()),
            Problem::NotWord(Looks::Text)
        );
        assert_eq!(problem(b"\x00\x01\x02\xff"), Problem::NotWord(Looks::Other));
        assert_eq!(problem(b"\x01\xFE\x00\x00"), Problem::Legacy(Legacy::Works));
    }

    #[test]
    fn part_names_compare_as_opc_says() {
        assert_eq!(part_key("/word/Document.xml"), "word/document.xml");
        assert_eq!(part_key("word\\media\\a.png"), "word/media/a.png");
    }
}
