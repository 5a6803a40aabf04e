//! Which encoding a CSV file is in: UTF-8 (with or without a byte-order mark) or GB18030, as
//! Excel and WPS save it on Chinese Windows; a file that mixes them is refused at the first line
//! in the other one.

use std::fmt;
use std::path::Path;

use crate::error::{Diagnostic, Diagnostics};
use crate::t;

/// The two encodings a CSV file may be in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Encoding {
    Utf8,
    Gb18030,
}

impl fmt::Display for Encoding {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Encoding::Utf8 => "UTF-8",
            Encoding::Gb18030 => "GB18030",
        })
    }
}

/// What one line of a CSV file says about the file's encoding.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum LineEvidence {
    /// ASCII only: the same in both.
    Ascii,
    /// Readable both ways, neither reading clearly the right one (`m²` in UTF-8 is `m虏` in
    /// GB18030).
    Ambiguous,
    /// Only UTF-8 reads it as Chinese text.
    Utf8,
    /// Only GB18030 reads it as Chinese text.
    Gb18030,
    /// Neither encoding can read it.
    Neither,
}

/// Characters Chinese data can hold that are not ASCII: CJK ideographs and punctuation, full-
/// width forms, and the symbols of figures and units (· × ° ² μ ℃ ① ㎡ “” —).
fn plausible_in_data(c: char) -> bool {
    matches!(c as u32,
        0x00A0..=0x00FF // Latin-1 symbols: · × ° ² ±
        | 0x0370..=0x03FF // Greek: μ α β
        | 0x2000..=0x2BFF // punctuation, sub/superscripts, letterlike (℃), numbers (Ⅱ), arrows,
                          // maths, technical, enclosed (①), box drawing, shapes, symbols (★)
        | 0x2E80..=0x33FF // CJK radicals, punctuation, kana, bopomofo, enclosed, units (㎡)
        | 0x3400..=0x4DBF // CJK extension A
        | 0x4E00..=0x9FFF // CJK ideographs
        | 0xF900..=0xFAFF // CJK compatibility ideographs
        | 0xFE10..=0xFE1F // vertical forms
        | 0xFE30..=0xFE6F // CJK compatibility and small forms
        | 0xFEFF          // byte-order mark
        | 0xFF00..=0xFFEF // full-width forms: ，（）％
        | 0x20000..=0x3FFFF // CJK extensions B–H
    )
}

/// Characters that show text is Chinese (a byte-order mark shows it is UTF-8).
fn chinese(c: char) -> bool {
    matches!(c as u32,
        0x3000..=0x303F | 0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xF900..=0xFAFF
        | 0xFEFF | 0xFF00..=0xFFEF | 0x20000..=0x3FFFF
    )
}

/// Whether the bytes are ASCII and GB2312 pairs (symbols: lead A1–A9, hanzi: lead B0–F7; trail
/// A1–FE): the common characters that nearly all Chinese text in GB18030 consists of. UTF-8 text read as GB18030
/// gives pairs with bytes 80–A0 in about two of every three characters.
fn is_gb2312(bytes: &[u8]) -> bool {
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i].is_ascii() {
            i += 1;
        } else if matches!(bytes[i], 0xA1..=0xA9 | 0xB0..=0xF7)
            && bytes.get(i + 1).is_some_and(|b| (0xA1..=0xFE).contains(b))
        {
            i += 2;
        } else {
            return false;
        }
    }
    true
}

/// How a line of a CSV file reads. Most lines with Chinese in them are valid in one encoding
/// only. A line valid in both (GB18030 accepts almost any bytes, and a few GB18030 characters
/// happen to be valid UTF-8, e.g. 准 as Hebrew ׼) is decided by which reading looks like data:
/// UTF-8 when it reads as Chinese and GB18030 does not read as common characters; GB18030 when
/// UTF-8 gives characters no Chinese table holds (Hebrew, Cyrillic, IPA …) and GB18030 gives
/// common characters; otherwise it is ambiguous.
fn line_evidence(line: &[u8]) -> LineEvidence {
    if line.is_ascii() {
        return LineEvidence::Ascii;
    }
    let utf8 = std::str::from_utf8(line).ok();
    // Private-use characters are GBK's empty rows: what Big5 text gives read as GB18030.
    let gb18030 = encoding_rs::GB18030
        .decode_without_bom_handling_and_without_replacement(line)
        .is_some_and(|text| !text.chars().any(|c| ('\u{e000}'..='\u{f8ff}').contains(&c)));
    match (utf8, gb18030) {
        (None, false) => LineEvidence::Neither,
        (None, true) => LineEvidence::Gb18030,
        (Some(_), false) => LineEvidence::Utf8,
        (Some(text), true) => {
            // Digits of another script (Arabic-Indic ٣٤) are UTF-8 that GB18030 reads as two
            // common hanzi each; a figure typed with them is data, and the message about it
            // must show them as typed.
            let other_digits = |c: char| super::number::other_script_digit(c).is_some();
            let plausible = text
                .chars()
                .all(|c| c.is_ascii() || plausible_in_data(c) || other_digits(c));
            let reads_as_chinese = plausible && text.chars().any(chinese);
            match (reads_as_chinese, plausible, is_gb2312(line)) {
                _ if plausible && text.chars().any(other_digits) => LineEvidence::Utf8,
                (true, _, false) => LineEvidence::Utf8,
                (_, false, true) => LineEvidence::Gb18030,
                _ => LineEvidence::Ambiguous,
            }
        }
    }
}

/// `line` decoded as `encoding` (with replacement characters where it cannot be), shortened,
/// to show the editor which line a message means.
fn excerpt(line: &[u8], encoding: Encoding) -> String {
    let text = match encoding {
        Encoding::Utf8 => String::from_utf8_lossy(line).into_owned(),
        Encoding::Gb18030 => encoding_rs::GB18030
            .decode_without_bom_handling(line)
            .0
            .into_owned(),
    };
    let text = text.trim_end_matches(['\r', '\n']);
    if text.chars().count() > 40 {
        format!("{}…", text.chars().take(40).collect::<String>())
    } else {
        text.to_string()
    }
}

/// 1-based character column of the first byte of `line` that is not UTF-8.
fn first_non_utf8_column(line: &[u8]) -> usize {
    let valid_up_to = match std::str::from_utf8(line) {
        Ok(_) => return 1,
        Err(e) => e.valid_up_to(),
    };
    std::str::from_utf8(&line[..valid_up_to]).map_or(1, |s| s.chars().count() + 1)
}

/// Line numbers for a hint: `3, 5, 9` or `3, 5, 9 and 4 more`.
fn line_list(lines: &[usize]) -> String {
    let shown: Vec<String> = lines.iter().take(5).map(|l| l.to_string()).collect();
    match lines.len().saturating_sub(5) {
        0 => shown.join(", "),
        more => t!(
            "table-line-list-more",
            lines = shown.join(", "),
            more = more
        ),
    }
}

/// CSV text: UTF-8 (with or without BOM) or GB18030, the whole file in one of them. Each line is
/// looked at (see `line_evidence`); a file whose lines disagree — as when rows of a file saved
/// as "CSV UTF-8" are pasted into one saved as plain "CSV" on Chinese Windows — is refused at the
/// first line of the encoding fewer lines are in (a UTF-8 BOM counts for UTF-8), rather than
/// read whole in one encoding and turned into 浼佷笟椤圭洰 where 企业项目 was meant.
pub fn decode_csv(shown: &Path, bytes: &[u8]) -> Result<String, Diagnostics> {
    if bytes.starts_with(&[0xFF, 0xFE]) || bytes.starts_with(&[0xFE, 0xFF]) {
        return Err(Diagnostic::new(shown, t!("table-utf16"))
            .at(1, 1)
            .hint(t!("table-utf16-hint"))
            .into());
    }
    let bom = bytes.starts_with(b"\xEF\xBB\xBF");
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let lines: Vec<&[u8]> = bytes.split_inclusive(|&b| b == b'\n').collect();
    let (mut utf8, mut gb18030, mut neither) = (Vec::new(), Vec::new(), Vec::new());
    let mut ambiguous = Vec::new();
    for (i, line) in lines.iter().enumerate() {
        match line_evidence(line) {
            LineEvidence::Ascii => {}
            LineEvidence::Ambiguous => ambiguous.push(i + 1),
            LineEvidence::Utf8 => utf8.push(i + 1),
            LineEvidence::Gb18030 => gb18030.push(i + 1),
            LineEvidence::Neither => neither.push(i + 1),
        }
    }
    let encoding = if bom || utf8.len() >= gb18030.len() {
        Encoding::Utf8
    } else {
        Encoding::Gb18030
    };
    let mut diagnostics = Diagnostics::default();
    let (other, minority) = match encoding {
        Encoding::Utf8 => (Encoding::Gb18030, &gb18030),
        Encoding::Gb18030 => (Encoding::Utf8, &utf8),
    };
    if let Some(&first) = minority.first() {
        let line = lines[first - 1];
        let text = excerpt(line, other);
        let message = if bom && encoding == Encoding::Utf8 && utf8.is_empty() {
            t!(
                "table-mixed-encodings-bom",
                other = other.to_string(),
                text = text
            )
        } else {
            t!(
                "table-mixed-encodings",
                other = other.to_string(),
                text = text,
                encoding = encoding.to_string()
            )
        };
        let mut d = Diagnostic::new(shown, message);
        d = match other {
            Encoding::Gb18030 => d.at(first, first_non_utf8_column(line)),
            Encoding::Utf8 => d.at_line(first),
        };
        diagnostics.push(d.hint(if minority.len() > 1 {
            t!(
                "table-mixed-encodings-lines-hint",
                other = other.to_string(),
                lines = line_list(minority)
            )
        } else {
            t!("table-mixed-encodings-hint")
        }));
    }
    if let Some(&first) = neither.first() {
        let hint = if neither.len() > 1 {
            t!(
                "table-neither-encoding-lines-hint",
                lines = line_list(&neither)
            )
        } else {
            t!("table-neither-encoding-hint")
        };
        let d = Diagnostic::new(shown, t!("table-neither-encoding"));
        let d = match encoding {
            Encoding::Utf8 => d.at(first, first_non_utf8_column(lines[first - 1])),
            Encoding::Gb18030 => d.at_line(first),
        };
        diagnostics.push(d.hint(hint));
    }
    // Nothing but ambiguous lines: better refused than read in what may be the wrong one.
    let no_evidence = !bom && utf8.is_empty() && gb18030.is_empty();
    if let Some(&first) = ambiguous.first().filter(|_| no_evidence) {
        let line = lines[first - 1];
        diagnostics.push(
            Diagnostic::new(
                shown,
                t!(
                    "table-encoding-unclear",
                    utf8 = excerpt(line, Encoding::Utf8),
                    gb18030 = excerpt(line, Encoding::Gb18030)
                ),
            )
            .at_line(first)
            .hint(t!("table-encoding-unclear-hint")),
        );
    }
    if !diagnostics.is_empty() {
        return Err(diagnostics);
    }
    let text = match encoding {
        Encoding::Utf8 => std::str::from_utf8(bytes).map(str::to_string).ok(),
        Encoding::Gb18030 => encoding_rs::GB18030
            .decode_without_bom_handling_and_without_replacement(bytes)
            .map(|text| {
                // A GB18030 byte-order mark (84 31 95 33) reads as U+FEFF.
                let text = text.strip_prefix('\u{feff}').unwrap_or(&text);
                text.to_string()
            }),
    };
    // Every line was read in `encoding` above, so this does not fail.
    text.ok_or_else(|| {
        Diagnostic::new(
            shown,
            t!("table-not-in-encoding", encoding = encoding.to_string()),
        )
        .hint(t!("table-not-in-encoding-hint"))
        .into()
    })
}
