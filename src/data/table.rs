//! Reading tables an editor keeps in TOML or in CSV (UTF-8, UTF-8 with BOM, or GB18030 as
//! Excel/WPS save it on Chinese Windows), into rows of named cells with their positions.

use std::fmt;
use std::path::{Path, PathBuf};

use serde::Serialize;

use crate::content::PartialDate;
use crate::error::{Diagnostic, Diagnostics};

/// The column (CSV) or key (TOML) a value is in, as the editor wrote it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub enum Field {
    /// A CSV column, by its header.
    Column(String),
    /// A TOML key, dotted when nested: `target.value`.
    Key(String),
}

impl fmt::Display for Field {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Field::Column(name) => write!(f, "column \"{name}\""),
            Field::Key(name) => write!(f, "key \"{name}\""),
        }
    }
}

/// Where a value came from, for messages.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Default)]
pub struct Loc {
    pub file: PathBuf,
    pub line: usize,
    pub column: usize,
    /// The column or key of a cell; `None` for a whole row.
    pub field: Option<Field>,
}

impl Loc {
    /// An error at this place; about a cell, the message starts with the cell's column or key:
    /// `in column "value": "93,2" is not a number`.
    pub fn error(&self, message: impl Into<String>) -> Diagnostic {
        let message = message.into();
        let message = match &self.field {
            Some(field) => format!("in {field}: {message}"),
            None => message,
        };
        Diagnostic::new(&self.file, message).at(self.line, self.column)
    }
}

/// One cell: its text (trimmed) and where it is.
#[derive(Debug, Clone)]
pub struct Cell {
    pub text: String,
    pub loc: Loc,
}

/// One row of a table: named cells. A TOML table with nested tables (`target = { value = 97 }`)
/// is flattened to `target_value`, the CSV column name.
#[derive(Debug, Clone)]
pub struct Row {
    pub loc: Loc,
    pub cells: Vec<(String, Cell)>,
}

impl Row {
    pub fn get(&self, name: &str) -> Option<&Cell> {
        self.cells
            .iter()
            .find(|(n, c)| n == name && !c.text.is_empty())
            .map(|(_, c)| c)
    }

    /// The cell's text, or an error saying the value is missing.
    pub fn required(&self, name: &str) -> Result<&Cell, Diagnostic> {
        self.get(name).ok_or_else(|| {
            self.loc
                .error(format!("the value \"{name}\" is missing"))
                .hint(format!("fill in {name} for this row"))
        })
    }

    pub fn text(&self, name: &str) -> Option<String> {
        self.get(name).map(|c| c.text.clone())
    }

    pub fn number(&self, name: &str) -> Result<Option<f64>, Diagnostic> {
        self.get(name).map(parse_number).transpose()
    }

    /// A year in [`PartialDate::YEARS`], written `2020` or `2020年`.
    pub fn year(&self, name: &str) -> Result<Option<i32>, Diagnostic> {
        match self.get(name) {
            None => Ok(None),
            Some(c) => c
                .text
                .trim_end_matches('年')
                .parse::<i32>()
                .ok()
                .filter(|y| PartialDate::YEARS.contains(y))
                .map(Some)
                .ok_or_else(|| {
                    c.loc
                        .error(format!(
                            "\"{}\" is not a year between {} and {}",
                            c.text,
                            PartialDate::YEARS.start(),
                            PartialDate::YEARS.end()
                        ))
                        .hint("write a year like 2020")
                }),
        }
    }
}

/// Figures must be smaller than this in absolute value. Up to 10^15 every whole number is held
/// exactly (a double has 15–16 significant digits) and prints as itself; the bound is still ten
/// times China's yearly GDP counted in yuan, so no real figure reaches it, and what does (`1e308`,
/// a pasted ID number, digits typed twice) is a mistake that would otherwise print as nonsense.
pub const NUMBER_LIMIT: f64 = 1e15;

/// What is wrong with a number as typed.
#[derive(Debug, Clone, PartialEq)]
enum NumberProblem {
    NotANumber,
    /// One comma between digits that does not separate thousands: `93,2`, with the number it
    /// probably means (`93.2`).
    DecimalComma(String),
    /// Separators that do not split the whole part into thousands: `1,23,456`, `9 7`.
    Grouping,
    OutOfRange,
}

/// Thousands separators editors type: comma, full-width comma, spaces (plain, no-break, thin).
fn is_separator(c: char) -> bool {
    matches!(
        c,
        ',' | '\u{ff0c}' | ' ' | '\u{a0}' | '\u{2009}' | '\u{202f}'
    )
}

/// A number as editors type it: `13,375`, `1,234,567.5`, `97%`, ` 96.8 % `, `-3`, `1.5e6`.
/// A separator must split the whole part into groups of exactly three digits (so `93,2` is an
/// error, not 932); the value must be below [`NUMBER_LIMIT`].
fn parse_figure(text: &str) -> Result<f64, NumberProblem> {
    let s = text.trim();
    let s = s
        .strip_suffix(['%', '\u{ff05}'])
        .map_or(s, |rest| rest.trim_end());
    let (sign, body) = match s.strip_prefix('-') {
        Some(rest) => ("-", rest),
        None => ("", s.strip_prefix('+').unwrap_or(s)),
    };
    let (mantissa, exponent) = match body.find(['e', 'E']) {
        Some(i) => (&body[..i], Some(&body[i + 1..])),
        None => (body, None),
    };
    let (whole, fraction) = match mantissa.split_once('.') {
        Some((w, f)) => (w, Some(f)),
        None => (mantissa, None),
    };
    let separated = |part: Option<&str>| part.is_some_and(|p| p.contains(is_separator));
    let groups: Vec<&str> = whole.split(is_separator).collect();
    if groups.len() > 1 {
        let all_digits = groups
            .iter()
            .all(|g| !g.is_empty() && g.bytes().all(|b| b.is_ascii_digit()));
        let thousands = all_digits
            && groups[0].len() <= 3
            && !groups[0].starts_with('0')
            && groups[1..].iter().all(|g| g.len() == 3);
        if !thousands || separated(fraction) || separated(exponent) {
            let one_comma = groups.len() == 2
                && whole.contains([',', '\u{ff0c}'])
                && fraction.is_none()
                && exponent.is_none();
            return Err(if one_comma && all_digits {
                NumberProblem::DecimalComma(format!("{sign}{}.{}", groups[0], groups[1]))
            } else if all_digits {
                NumberProblem::Grouping
            } else {
                NumberProblem::NotANumber
            });
        }
    } else if separated(fraction) || separated(exponent) {
        return Err(NumberProblem::Grouping);
    }
    // Only digits, a point, an exponent: no "inf", "NaN", "0x1f", "1_000" or full-width digits.
    let digits = groups.concat();
    let all_digits = |p: &str| p.bytes().all(|b| b.is_ascii_digit());
    let exponent_ok = exponent.is_none_or(|e| {
        let e = e.strip_prefix(['+', '-']).unwrap_or(e);
        !e.is_empty() && all_digits(e)
    });
    let fraction = fraction.unwrap_or("");
    if digits.is_empty() && fraction.is_empty()
        || !(all_digits(&digits) && all_digits(fraction) && exponent_ok)
    {
        return Err(NumberProblem::NotANumber);
    }
    let plain = format!("{sign}{digits}.{fraction}e{}", exponent.unwrap_or("0"));
    let value: f64 = plain.parse().map_err(|_| NumberProblem::NotANumber)?;
    if !value.is_finite() || value.abs() >= NUMBER_LIMIT {
        return Err(NumberProblem::OutOfRange);
    }
    // -0 reads as 0.
    Ok(value + 0.0)
}

/// A number in a cell (see [`parse_figure`]), or an error at the cell naming its column.
pub fn parse_number(cell: &Cell) -> Result<f64, Diagnostic> {
    parse_figure(&cell.text).map_err(|problem| {
        let text = &cell.text;
        match problem {
            NumberProblem::NotANumber => cell
                .loc
                .error(format!("\"{text}\" is not a number"))
                .hint("write digits only, e.g. 432 or 97.5 (a thousands separator or a trailing % is fine)"),
            NumberProblem::DecimalComma(meant) => cell
                .loc
                .error(format!("\"{text}\" is not a number: a comma separates thousands only before exactly three digits"))
                .hint(format!("decimal comma? write {meant}; thousands are written 13,375 or 13375")),
            NumberProblem::Grouping => cell
                .loc
                .error(format!("\"{text}\" is not a number: its separators do not split it into thousands"))
                .hint("a thousands separator comes before each group of exactly three digits, as in 1,234,567; or write the digits alone (1234567) and use a point for decimals (93.2)"),
            NumberProblem::OutOfRange => cell
                .loc
                .error(format!("\"{text}\" is out of range: a figure must be smaller than 1,000,000,000,000,000 (10^15)"))
                .hint("check for a typo or a value pasted into the wrong column; for a very large amount use a larger unit (亿元 rather than 元)"),
        }
    })
}

/// Which columns a table has, so unknown ones are reported.
pub struct Columns {
    pub known: &'static [&'static str],
}

/// Reads a table file, TOML or CSV by its extension. `key` is the TOML array name (`city`).
pub fn read(
    shown: &Path,
    bytes: &[u8],
    key: &str,
    columns: &Columns,
) -> Result<Vec<Row>, Diagnostics> {
    let is_csv = shown
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("csv"));
    if is_csv {
        let text = decode_csv(shown, bytes)?;
        read_csv(shown, &text, columns)
    } else {
        let text = crate::content::decode_utf8(shown, bytes)?;
        let text = text.strip_prefix('\u{feff}').unwrap_or(text);
        read_toml(shown, text, key, columns)
    }
}

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
            let plausible = text.chars().all(|c| c.is_ascii() || plausible_in_data(c));
            let reads_as_chinese = plausible && text.chars().any(chinese);
            match (reads_as_chinese, plausible, is_gb2312(line)) {
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
        more => format!("{} and {more} more", shown.join(", ")),
    }
}

/// CSV text: UTF-8 (with or without BOM) or GB18030, the whole file in one of them. Each line is
/// looked at (see [`line_evidence`]); a file whose lines disagree — as when rows of a file saved
/// as "CSV UTF-8" are pasted into one saved as plain "CSV" on Chinese Windows — is refused at the
/// first line of the encoding fewer lines are in (a UTF-8 BOM counts for UTF-8), rather than
/// read whole in one encoding and turned into 浼佷笟椤圭洰 where 企业项目 was meant.
pub fn decode_csv(shown: &Path, bytes: &[u8]) -> Result<String, Diagnostics> {
    if bytes.starts_with(&[0xFF, 0xFE]) || bytes.starts_with(&[0xFE, 0xFF]) {
        return Err(Diagnostic::new(shown, "the file is saved as UTF-16")
            .at(1, 1)
            .hint("save it from Excel as \"CSV UTF-8\" or plain \"CSV\"")
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
        let rest = if bom && encoding == Encoding::Utf8 && utf8.is_empty() {
            "the file starts with a UTF-8 byte-order mark".to_string()
        } else {
            format!("the rest of the file is {encoding}")
        };
        let mut d = Diagnostic::new(
            shown,
            format!(
                "the file mixes two encodings: this line is {other} (it reads \"{}\"), {rest}",
                excerpt(line, other)
            ),
        );
        d = match other {
            Encoding::Gb18030 => d.at(first, first_non_utf8_column(line)),
            Encoding::Utf8 => d.at_line(first),
        };
        diagnostics.push(d.hint(format!(
            "rows from files saved in different encodings were probably pasted together; \
             retype {} by hand, then save the whole file as \"CSV UTF-8\"",
            if minority.len() > 1 {
                format!("the {other} lines ({})", line_list(minority))
            } else {
                "this line".to_string()
            }
        )));
    }
    if let Some(&first) = neither.first() {
        let also = if neither.len() > 1 {
            format!(" (lines {} cannot be read)", line_list(&neither))
        } else {
            String::new()
        };
        let d = Diagnostic::new(shown, "this line is neither UTF-8 nor GB18030 text");
        let d = match encoding {
            Encoding::Utf8 => d.at(first, first_non_utf8_column(lines[first - 1])),
            Encoding::Gb18030 => d.at_line(first),
        };
        diagnostics.push(d.hint(format!(
            "the file may be damaged or saved in another encoding (such as Big5); open it in \
             Excel/WPS and save the whole file as \"CSV UTF-8\"{also}"
        )));
    }
    // Nothing but ambiguous lines: better refused than read in what may be the wrong one.
    let no_evidence = !bom && utf8.is_empty() && gb18030.is_empty();
    if let Some(&first) = ambiguous.first().filter(|_| no_evidence) {
        let line = lines[first - 1];
        diagnostics.push(
            Diagnostic::new(
                shown,
                format!(
                    "cannot tell whether the file is UTF-8 or GB18030: this line reads \"{}\" \
                     in UTF-8 and \"{}\" in GB18030",
                    excerpt(line, Encoding::Utf8),
                    excerpt(line, Encoding::Gb18030)
                ),
            )
            .at_line(first)
            .hint("save the file from Excel/WPS as \"CSV UTF-8\" (its byte-order mark says which)"),
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
        Diagnostic::new(shown, format!("the file is not {encoding} text"))
            .hint("save it from Excel/WPS as \"CSV UTF-8\"")
            .into()
    })
}

/// Where a double quote opens a value that is never closed (the CSV reader would silently take
/// the rest of the file as that value).
fn unclosed_quote(text: &str) -> Option<(usize, usize)> {
    let mut in_quotes = false;
    let mut opened = (0, 0);
    let mut field_start = true;
    let (mut line, mut column) = (1, 0);
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        column += 1;
        if in_quotes {
            if c == '"' {
                if chars.peek() == Some(&'"') {
                    chars.next();
                    column += 1;
                } else {
                    in_quotes = false;
                }
            }
        } else if c == '"' && field_start {
            in_quotes = true;
            opened = (line, column);
        }
        field_start = matches!(c, ',' | '\n' | '\r');
        if c == '\n' {
            line += 1;
            column = 0;
        }
    }
    in_quotes.then_some(opened)
}

/// What an invisible byte-order mark (U+FEFF) in `text` is: at its start or inside it. `what`
/// is `value` or `column name`.
fn bom_problem(what: &str, text: &str) -> Option<String> {
    let at = text.find('\u{feff}')?;
    let shown = text.replace('\u{feff}', "");
    Some(if at == 0 {
        format!("the {what} \"{shown}\" starts with an invisible byte-order mark (U+FEFF)")
    } else {
        format!(
            "the {what} \"{shown}\" has an invisible byte-order mark (U+FEFF) after \"{}\"",
            text[..at].replace('\u{feff}', "")
        )
    })
}

const BOM_HINT: &str = "a byte-order mark starts a file saved as \"CSV UTF-8\"; inside a file it \
     usually comes from pasting two files together. Delete the value and type it again";

/// Line numbers of CSV records, counted from their byte offsets: the CSV reader's own count is
/// one short after a CRLF line end (as Excel writes them), as it places a record before the LF.
struct RecordLines<'a> {
    text: &'a [u8],
    at: usize,
    line: usize,
}

impl<'a> RecordLines<'a> {
    fn new(text: &'a str) -> Self {
        RecordLines {
            text: text.as_bytes(),
            at: 0,
            line: 1,
        }
    }

    /// The line a record at `position` starts on (records come in order, so counting goes on
    /// from the previous one).
    fn of(&mut self, position: Option<&csv::Position>) -> usize {
        let Some(position) = position else {
            return self.line;
        };
        let mut to = usize::try_from(position.byte())
            .unwrap_or(usize::MAX)
            .min(self.text.len());
        while self
            .text
            .get(to)
            .is_some_and(|b| matches!(b, b'\r' | b'\n'))
        {
            to += 1;
        }
        if to < self.at {
            (self.at, self.line) = (0, 1);
        }
        self.line += self.text[self.at..to]
            .iter()
            .filter(|&&b| b == b'\n')
            .count();
        self.at = to;
        self.line
    }
}

fn read_csv(shown: &Path, text: &str, columns: &Columns) -> Result<Vec<Row>, Diagnostics> {
    let mut diagnostics = Diagnostics::default();
    if let Some((line, column)) = unclosed_quote(text) {
        return Err(
            Diagnostic::new(shown, "a value opened with a double quote is never closed")
                .at(line, column)
                .hint("add the closing \" (a quote inside a value is written twice: \"\")")
                .into(),
        );
    }
    let mut reader = csv::ReaderBuilder::new()
        .flexible(true)
        .has_headers(false)
        .from_reader(text.as_bytes());
    let mut records = reader.records();
    let mut lines = RecordLines::new(text);
    let header = match records.next() {
        Some(Ok(h)) => h,
        Some(Err(e)) => return Err(csv_error(shown, &e, &mut lines).into()),
        None => return Ok(Vec::new()),
    };
    let header_line = lines.of(header.position());
    let names: Vec<String> = header
        .iter()
        .map(|h| h.replace('\u{feff}', "").trim().to_string())
        .collect();
    let field_loc = |line: usize, i: usize| Loc {
        file: shown.to_path_buf(),
        line,
        column: i + 1,
        field: names.get(i).map(|n| Field::Column(n.clone())),
    };
    for (i, name) in names.iter().enumerate() {
        if let Some(problem) = bom_problem("column name", &header[i]) {
            diagnostics.push(
                Diagnostic::new(shown, problem)
                    .at(header_line, i + 1)
                    .hint(BOM_HINT),
            );
        } else if !columns.known.contains(&name.as_str()) {
            diagnostics.push(
                Diagnostic::new(shown, format!("unknown column \"{name}\""))
                    .at(header_line, i + 1)
                    .hint(format!(
                        "the columns of this table are: {}",
                        columns.known.join(", ")
                    )),
            );
        } else if names[..i].contains(name) {
            diagnostics.push(
                Diagnostic::new(shown, format!("the column \"{name}\" appears twice"))
                    .at(header_line, i + 1),
            );
        }
    }
    if !diagnostics.is_empty() {
        return Err(diagnostics);
    }
    let mut rows = Vec::new();
    for record in records {
        let record = match record {
            Ok(r) => r,
            Err(e) => {
                diagnostics.push(csv_error(shown, &e, &mut lines));
                continue;
            }
        };
        let line = lines.of(record.position());
        if record.iter().all(|f| f.trim().is_empty()) {
            continue;
        }
        // The header again, with or without a BOM before it: two files pasted together.
        let repeats_header = record.len() == names.len()
            && record
                .iter()
                .zip(&names)
                .all(|(f, n)| f.replace('\u{feff}', "").trim() == n);
        if repeats_header {
            let bom = if record.iter().any(|f| f.contains('\u{feff}')) {
                ", after an invisible byte-order mark (U+FEFF),"
            } else {
                ""
            };
            diagnostics.push(
                Diagnostic::new(
                    shown,
                    format!(
                        "this line repeats the header{bom} as if two files were pasted together"
                    ),
                )
                .at(line, 1)
                .hint("delete this line, and check that the rows after it belong in this file"),
            );
            continue;
        }
        let boms: Vec<Diagnostic> = record
            .iter()
            .enumerate()
            .filter_map(|(i, value)| {
                bom_problem("value", value)
                    .map(|problem| field_loc(line, i).error(problem).hint(BOM_HINT))
            })
            .collect();
        if !boms.is_empty() {
            // The row's values are not what they seem; report the marks, not what they cause.
            diagnostics.extend(boms);
            continue;
        }
        if record.len() != names.len() {
            diagnostics.push(
                Diagnostic::new(shown, format!(
                    "this row has {} values but the header has {} columns",
                    record.len(),
                    names.len()
                ))
                .at(line, record.len().min(names.len()) + 1)
                .hint("check for a missing or extra comma; a value containing a comma must be in double quotes"),
            );
            continue;
        }
        let cells = names
            .iter()
            .zip(record.iter())
            .enumerate()
            .map(|(i, (name, value))| {
                (
                    name.clone(),
                    Cell {
                        text: value.trim().to_string(),
                        loc: field_loc(line, i),
                    },
                )
            })
            .collect();
        rows.push(Row {
            loc: Loc {
                file: shown.to_path_buf(),
                line,
                column: 1,
                field: None,
            },
            cells,
        });
    }
    diagnostics.into_result(rows)
}

fn csv_error(shown: &Path, e: &csv::Error, lines: &mut RecordLines<'_>) -> Diagnostic {
    let line = lines.of(e.position());
    Diagnostic::new(shown, format!("this CSV row cannot be read: {e}"))
        .at_line(line)
        .hint("check that every double quote that opens a value also closes it")
}

fn read_toml(
    shown: &Path,
    text: &str,
    key: &str,
    columns: &Columns,
) -> Result<Vec<Row>, Diagnostics> {
    let document = toml::de::DeTable::parse(text).map_err(|e| {
        // A byte-order mark outside a string breaks the TOML; say what it is.
        match text.find('\u{feff}') {
            Some(at) => Diagnostic::new(shown, "an invisible byte-order mark (U+FEFF) is here")
                .at_offset(text, at, 1)
                .hint(BOM_HINT),
            None => crate::error::toml_diagnostic(shown, text, 1, &e),
        }
    })?;
    let mut diagnostics = Diagnostics::default();
    let mut rows = Vec::new();
    let loc_of = |span: std::ops::Range<usize>| {
        let (line, column) = crate::error::line_column(text, span.start);
        Loc {
            file: shown.to_path_buf(),
            line,
            column,
            field: None,
        }
    };
    for (name, value) in document.get_ref().iter() {
        if name.get_ref().as_ref() != key {
            diagnostics.push(
                loc_of(name.span())
                    .error(format!("unknown key \"{}\"", name.get_ref()))
                    .hint(format!("write each row as a [[{key}]] table")),
            );
            continue;
        }
        let toml::de::DeValue::Array(items) = value.get_ref() else {
            diagnostics.push(
                loc_of(value.span()).error(format!("\"{key}\" must be a list of [[{key}]] tables")),
            );
            continue;
        };
        for item in items {
            let toml::de::DeValue::Table(table) = item.get_ref() else {
                diagnostics.push(loc_of(item.span()).error(format!("each {key} must be a table")));
                continue;
            };
            let mut cells = Vec::new();
            flatten(table, &[], &loc_of, columns, &mut cells, &mut diagnostics);
            rows.push(Row {
                loc: loc_of(item.span()),
                cells,
            });
        }
    }
    diagnostics.into_result(rows)
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
                diagnostics.push(loc.error("a value cannot be a list"));
                continue;
            }
        };
        if !columns.known.contains(&name.as_str()) {
            let key_loc = loc_of(key.span());
            diagnostics.push(
                key_loc
                    .error(format!("unknown key \"{}\"", key.get_ref()))
                    .hint(format!(
                        "the keys of this table are: {}",
                        columns.known.join(", ")
                    )),
            );
            continue;
        }
        if let Some(problem) = bom_problem("value", &text) {
            diagnostics.push(loc.error(problem).hint(BOM_HINT));
            continue;
        }
        cells.push((
            name,
            Cell {
                text: text.trim().to_string(),
                loc,
            },
        ));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const COLUMNS: Columns = Columns {
        known: &["id", "name", "value", "target_value", "target_year"],
    };

    fn rows(name: &str, bytes: &[u8]) -> Result<Vec<Row>, Diagnostics> {
        read(Path::new(name), bytes, "item", &COLUMNS)
    }

    #[test]
    fn utf8_bom_and_gb18030_csv_read_the_same() {
        let text = "id,name,value\na,济宁市,\"13,375\"\n";
        let (gb, _, _) = encoding_rs::GB18030.encode(text);
        let mut bom = b"\xEF\xBB\xBF".to_vec();
        bom.extend_from_slice(text.as_bytes());
        for bytes in [text.as_bytes().to_vec(), bom, gb.into_owned()] {
            let r = rows("t.csv", &bytes).unwrap();
            assert_eq!(r[0].get("name").unwrap().text, "济宁市");
            assert_eq!(r[0].number("value").unwrap(), Some(13375.0));
            assert_eq!(r[0].loc.line, 2);
        }
    }

    #[test]
    fn csv_errors_have_line_and_column() {
        let err = rows("t.csv", b"id,nmae\n").unwrap_err();
        assert_eq!((err.0[0].line, err.0[0].column), (Some(1), Some(2)));
        let err = rows("t.csv", b"id,name\na,b\nc\n").unwrap_err();
        assert_eq!(err.0[0].line, Some(3));
        let r = rows("t.csv", b"id,value\na,abc\n").unwrap();
        let err = r[0].number("value").unwrap_err();
        assert_eq!((err.line, err.column), (Some(2), Some(2)));
    }

    #[test]
    fn crlf_and_blank_lines_do_not_shift_line_numbers() {
        let lf = "id,name\na,甲\n\nb,\"乙\n丙\"\nc,丁\n";
        let crlf = lf.replace('\n', "\r\n");
        for text in [lf.to_string(), crlf, format!("\u{feff}{lf}")] {
            let r = rows("t.csv", text.as_bytes()).unwrap();
            let lines: Vec<usize> = r.iter().map(|r| r.loc.line).collect();
            assert_eq!(lines, [2, 4, 6], "{text:?}");
            assert_eq!(r[2].get("name").unwrap().loc.line, 6);
        }
    }

    #[test]
    fn a_quote_left_open_is_found_where_it_opens() {
        assert_eq!(unclosed_quote("a,b\n1,\"x\n2,3\n"), Some((2, 3)));
        assert_eq!(unclosed_quote("a,b\n1,\"x,\"\"y\"\"\"\n"), None);
        let err = rows("t.csv", b"id,name\na,\"open\n").unwrap_err();
        assert_eq!((err.0[0].line, err.0[0].column), (Some(2), Some(3)));
    }

    #[test]
    fn numbers_as_editors_type_them() {
        let cell = |t: &str| Cell {
            text: t.into(),
            loc: Loc::default(),
        };
        assert_eq!(parse_number(&cell("97%")).unwrap(), 97.0);
        assert_eq!(parse_number(&cell("96.8 %")).unwrap(), 96.8);
        assert_eq!(parse_number(&cell("1,910")).unwrap(), 1910.0);
        assert!(parse_number(&cell("=cmd|' /C calc'!A0")).is_err());
        assert!(parse_number(&cell("NaN")).is_err());
    }

    #[test]
    fn toml_rows_are_flattened_and_located() {
        let text = "[[item]]\nid = \"a\"\ntarget = { value = 97, year = 2020 }\n\n[[item]]\nid = \"b\"\nnmae = \"x\"\n";
        let err = rows("t.toml", text.as_bytes()).unwrap_err();
        assert_eq!((err.0[0].line, err.0[0].column), (Some(7), Some(1)));
        let ok = rows(
            "t.toml",
            b"[[item]]\nid = \"a\"\ntarget = { value = 97, year = 2020 }\n",
        )
        .unwrap();
        assert_eq!(ok[0].get("target_value").unwrap().text, "97");
        assert_eq!(ok[0].get("target_year").unwrap().loc.line, 3);
    }

    /// Real text (the opening of 日照市“十三五”质量发展规划), with the characters whose GB18030
    /// bytes happen to be valid UTF-8 (准 委员 支 色 目 战 品 实 营 路 美 煤 …).
    const PLAN: &str = "质量反映一个地区的综合实力，质量发展是经济社会发展的重大战略问题。市委、市政府高度重视质量工作，\
        全市上下深入贯彻落实国务院《质量发展纲要（2011—2020年）》，工业产品质量监督抽查合格率达到93.2%，\
        农产品质量安全抽检监测合格率达到98%以上；食品、药品安全监督抽检和评价性监测合格率保持较高水平。\
        创建全国知名品牌示范区1个，认定山东名牌产品67个，标准化委员会支持企业主导制定标准，色彩、目录、\
        战略、实施、营商环境、道路、美丽乡村、煤炭、茂名、准入、委员、支撑、帽子。";

    fn decode(bytes: &[u8]) -> Result<String, Diagnostics> {
        decode_csv(Path::new("data/t.csv"), bytes)
    }

    /// A CSV with one row for each piece of `PLAN` of `width` characters.
    fn plan_csv(width: usize) -> String {
        let chars: Vec<char> = PLAN.chars().collect();
        let mut csv = "id,name,value\n".to_string();
        for (i, piece) in chars.chunks(width).enumerate() {
            csv.push_str(&format!("r{i},{},{i}\n", piece.iter().collect::<String>()));
        }
        csv
    }

    fn gb18030(text: &str) -> Vec<u8> {
        let (bytes, _, unmappable) = encoding_rs::GB18030.encode(text);
        assert!(!unmappable);
        bytes.into_owned()
    }

    #[test]
    fn a_pure_gb18030_file_with_lines_that_are_valid_utf8_is_read_as_gb18030() {
        for width in 1..=4 {
            let text = plan_csv(width);
            let bytes = gb18030(&text);
            let accidental = bytes
                .split(|&b| b == b'\n')
                .filter(|l| !l.is_ascii() && std::str::from_utf8(l).is_ok())
                .count();
            if width == 1 {
                assert!(
                    accidental >= 10,
                    "the test needs GB18030 lines that are valid UTF-8"
                );
            }
            assert_eq!(decode(&bytes).unwrap(), text, "width {width}");
            assert_eq!(decode(text.as_bytes()).unwrap(), text, "width {width}");
        }
        // Such a line alone, as the only Chinese of its file, is still GB18030 when UTF-8 reads
        // it as letters of another script (准 → Hebrew ׼, 委员 → Greek and Armenian).
        for word in ["准", "委员", "色", "目", "品"] {
            let text = format!("id,name\na,{word}\n");
            let bytes = gb18030(&text);
            assert!(std::str::from_utf8(&bytes).is_ok(), "{word}");
            assert_eq!(decode(&bytes).unwrap(), text, "{word}");
        }
    }

    #[test]
    fn utf8_pure_with_bom_and_gb18030_decode_the_same() {
        let text = plan_csv(7);
        let mut bom = b"\xEF\xBB\xBF".to_vec();
        bom.extend_from_slice(text.as_bytes());
        for bytes in [text.as_bytes().to_vec(), bom, gb18030(&text)] {
            assert_eq!(decode(&bytes).unwrap(), text);
        }
        // Traditional characters in UTF-8, as in data/indicators/wenzhou.csv.
        let hant = "id,name\na,國家級、省級和市級標準化技術委員會\nb,個\n";
        assert_eq!(decode(hant.as_bytes()).unwrap(), hant);
    }

    #[test]
    fn a_utf8_file_with_one_gb18030_row_is_refused_at_that_row() {
        let head = "city,indicator,date,value,source\nrizhao,pass-rate,2017,95,统计公报\n";
        let mut bytes = head.as_bytes().to_vec();
        bytes.extend(gb18030("rizhao,pass-rate,2018,96,企业项目\n"));
        bytes.extend("rizhao,pass-rate,2019,97,质量年报\n".as_bytes());
        let err = decode(&bytes).unwrap_err();
        assert_eq!(err.len(), 1, "{err}");
        let d = &err.0[0];
        assert_eq!((d.line, d.column), (Some(3), Some(26)), "{err}");
        assert!(d.message.contains("this line is GB18030"), "{err}");
        assert!(d.message.contains("企业项目"), "{err}");
        assert!(d.message.contains("the rest of the file is UTF-8"), "{err}");
        assert!(
            d.hint
                .as_deref()
                .unwrap()
                .contains("save the whole file as \"CSV UTF-8\""),
            "{err}"
        );
        // Even with one line of each, the non-UTF-8 line is the one named.
        let mut bytes = b"id,name\na,\xE6\xB5\x8B\xE8\xAF\x95\n".to_vec();
        bytes.extend(gb18030("b,测试\n"));
        let err = decode(&bytes).unwrap_err();
        assert_eq!(err.0[0].line, Some(3), "{err}");
    }

    #[test]
    fn a_gb18030_file_with_utf8_rows_is_refused_at_the_first_of_them() {
        let mut bytes = gb18030(&plan_csv(3));
        bytes.extend("x1,企业项目,1\n".as_bytes());
        bytes.extend(gb18030("x2,标准,2\n"));
        bytes.extend("x3,试点,3\n".as_bytes());
        let first_utf8 = plan_csv(3).lines().count() + 1;
        let err = decode(&bytes).unwrap_err();
        let d = &err.0[0];
        assert_eq!(d.line, Some(first_utf8), "{err}");
        assert!(
            d.message
                .contains("this line is UTF-8 (it reads \"x1,企业项目,1\")"),
            "{err}"
        );
        assert!(
            d.message.contains("the rest of the file is GB18030"),
            "{err}"
        );
        let hint = d.hint.as_deref().unwrap();
        assert!(
            hint.contains(&format!("lines ({first_utf8}, {})", first_utf8 + 2)),
            "{err}"
        );
    }

    #[test]
    fn a_bom_says_utf8_even_when_most_lines_are_gb18030() {
        let mut bytes = b"\xEF\xBB\xBF".to_vec();
        bytes.extend(gb18030("id,name\na,企业\nb,项目\n"));
        let err = decode(&bytes).unwrap_err();
        assert_eq!(err.0[0].line, Some(2), "{err}");
        assert!(
            err.0[0]
                .message
                .contains("the file starts with a UTF-8 byte-order mark"),
            "{err}"
        );
    }

    #[test]
    fn a_big5_file_is_refused_not_read_as_gb18030() {
        // GB18030 accepts these bytes, but reads private-use characters among them.
        let text = "id,name\na,溫州市\nb,國家級標準化技術委員會\n";
        let (big5, _, _) = encoding_rs::BIG5.encode(text);
        let err = decode(&big5).unwrap_err();
        assert!(
            err.0[0].message.contains("neither UTF-8 nor GB18030"),
            "{err}"
        );
        assert!(err.to_string().contains("Big5"), "{err}");
        assert!(
            err.to_string().contains("(lines 2, 3 cannot be read)"),
            "{err}"
        );
    }

    #[test]
    fn lines_in_neither_encoding_and_undecidable_files_are_refused() {
        let err = decode(b"id,name\na,\xFF\xFF\n").unwrap_err();
        assert_eq!(
            (err.0[0].line, err.0[0].column),
            (Some(2), Some(3)),
            "{err}"
        );
        assert!(err.0[0].message.contains("neither UTF-8 nor GB18030"));
        // `m²` (UTF-8) is `m虏` in GB18030 and 路 (GB18030) is `·` in UTF-8: with nothing else
        // to go by, the file is refused rather than guessed.
        for bytes in [&b"id,unit\na,m\xC2\xB2\n"[..], &gb18030("id,name\na,路\n")] {
            let err = decode(bytes).unwrap_err();
            assert!(err.0[0].message.contains("cannot tell"), "{err}");
            assert_eq!(err.0[0].line, Some(2));
        }
        // With a BOM, or with another line that says which, it is read.
        assert_eq!(
            decode(b"\xEF\xBB\xBFid,unit\na,m\xC2\xB2\n").unwrap(),
            "id,unit\na,m²\n"
        );
        assert_eq!(
            decode("id,unit\na,m²\nb,平方米\n".as_bytes()).unwrap(),
            "id,unit\na,m²\nb,平方米\n"
        );
        let text = "id,name\na,路\nb,道路\n";
        assert_eq!(decode(&gb18030(text)).unwrap(), text);
    }

    fn cell(text: &str) -> Cell {
        Cell {
            text: text.into(),
            loc: Loc {
                file: "data/t.csv".into(),
                line: 3,
                column: 4,
                field: Some(Field::Column("value".into())),
            },
        }
    }

    #[test]
    fn thousands_separators_only_before_groups_of_three() {
        for (text, value) in [
            ("13,375", 13375.0),
            ("1,234,567", 1234567.0),
            ("1,234,567.25", 1234567.25),
            ("13，375", 13375.0),
            ("1 234", 1234.0),
            ("1\u{a0}234\u{a0}567", 1234567.0),
            ("-1,024", -1024.0),
            ("+5", 5.0),
            ("999", 999.0),
            ("0.5", 0.5),
            (".5", 0.5),
            ("97 ％", 97.0),
            ("1.5e6", 1.5e6),
            ("1E+5", 1e5),
            ("5.", 5.0),
            ("12,345.", 12345.0),
            ("-0", 0.0),
        ] {
            assert_eq!(parse_number(&cell(text)).unwrap(), value, "{text}");
        }
        for (text, meant) in [
            ("93,2", "93.2"),
            ("1,23", "1.23"),
            ("1,2345", "1.2345"),
            ("0,5", "0.5"),
            ("0,500", "0.500"),
            ("-93,2", "-93.2"),
            ("93，2", "93.2"),
            ("93,2%", "93.2"),
            ("1234,567", "1234.567"),
        ] {
            let err = parse_number(&cell(text)).unwrap_err();
            let shown = err.to_string();
            assert!(
                shown.starts_with(&format!(
                    "data/t.csv:3:4: error: in column \"value\": \"{text}\" is not a number"
                )),
                "{shown}"
            );
            assert!(
                shown.contains(&format!("decimal comma? write {meant}")),
                "{shown}"
            );
        }
        for text in [
            "1,234,56",
            "12,34,567",
            "1,,234",
            ",123",
            "1,234.5,6",
            "9 7",
            "1.234,5",
        ] {
            let err = parse_number(&cell(text)).unwrap_err();
            assert!(err.message.contains("is not a number"), "{text}: {err}");
            assert!(!err.to_string().contains("decimal comma"), "{text}: {err}");
        }
    }

    #[test]
    fn figures_beyond_the_limit_are_out_of_range() {
        for text in [
            "1e308",
            "1e400",
            "-1e15",
            "1,000,000,000,000,000",
            "1000000000000000.0",
        ] {
            let err = parse_number(&cell(text)).unwrap_err();
            assert!(err.message.contains("is out of range"), "{text}: {err}");
            assert!(err.message.starts_with("in column \"value\""), "{err}");
        }
        assert_eq!(
            parse_number(&cell("999,999,999,999,999")).unwrap(),
            999_999_999_999_999.0
        );
        assert_eq!(
            parse_number(&cell("-999999999999999.9")).unwrap(),
            -999999999999999.9
        );
        for text in [
            "inf", "-inf", "NaN", "infinity", "0x1f", "1_000", "１２", "e5", ".", "-", "%", "1e",
            "1e+",
        ] {
            let err = parse_number(&cell(text)).unwrap_err();
            assert!(err.message.contains("is not a number"), "{text}: {err}");
        }
    }

    #[test]
    fn cell_errors_name_the_csv_column_or_the_toml_key() {
        let r = rows("t.csv", b"id,target_value\na,\"93,2\"\n").unwrap();
        let err = r[0].number("target_value").unwrap_err();
        assert!(
            err.to_string()
                .starts_with("t.csv:2:2: error: in column \"target_value\": \"93,2\" is not"),
            "{err}"
        );
        let r = rows(
            "t.toml",
            b"[[item]]\nid = \"a\"\ntarget = { value = 1e308, year = 0 }\n",
        )
        .unwrap();
        let err = r[0].number("target_value").unwrap_err();
        assert!(
            err.to_string().starts_with(
                "t.toml:3:20: error: in key \"target.value\": \"1e308\" is out of range"
            ),
            "{err}"
        );
        let err = r[0].year("target_year").unwrap_err();
        assert!(
            err.to_string()
                .contains("in key \"target.year\": \"0\" is not a year between 1900 and 2200"),
            "{err}"
        );
    }

    #[test]
    fn a_bom_inside_a_csv_is_reported_where_it_is() {
        // Two files saved as "CSV UTF-8" pasted together, the second without its header.
        let err = rows(
            "t.csv",
            "\u{feff}id,name\na,甲\n\u{feff}b,乙\nc,\u{feff}丙\n".as_bytes(),
        )
        .unwrap_err();
        assert_eq!(err.len(), 2, "{err}");
        let shown = err.to_string();
        assert!(shown.contains("t.csv:3:1: error: in column \"id\": the value \"b\" starts with an invisible byte-order mark (U+FEFF)"), "{shown}");
        assert!(
            shown.contains("t.csv:4:2: error: in column \"name\": the value \"丙\" starts with"),
            "{shown}"
        );
        assert!(shown.contains("pasting two files together"), "{shown}");
        let err = rows("t.csv", "id,name\na,甲\u{feff}乙\n".as_bytes()).unwrap_err();
        assert!(
            err.to_string()
                .contains("has an invisible byte-order mark (U+FEFF) after \"甲\""),
            "{err}"
        );
        // With its header.
        let err = rows("t.csv", "id,name\na,甲\n\u{feff}id,name\nb,乙\n".as_bytes()).unwrap_err();
        assert_eq!(err.len(), 1, "{err}");
        assert!(err.to_string().starts_with("t.csv:3:1: error: this line repeats the header, after an invisible byte-order mark (U+FEFF), as if two files were pasted together"), "{err}");
        let err = rows("t.csv", "id,\u{feff}name\n".as_bytes()).unwrap_err();
        assert!(
            err.to_string()
                .contains("t.csv:1:2: error: the column name \"name\" starts with"),
            "{err}"
        );
    }

    #[test]
    fn a_bom_inside_toml_is_reported_where_it_is() {
        let err = rows("t.toml", "[[item]]\nid = \"\u{feff}a\"\n".as_bytes()).unwrap_err();
        assert!(err.to_string().starts_with("t.toml:2:6: error: in key \"id\": the value \"a\" starts with an invisible byte-order mark"), "{err}");
        let err = rows(
            "t.toml",
            "[[item]]\nid = \"a\"\n\u{feff}[[item]]\nid = \"b\"\n".as_bytes(),
        )
        .unwrap_err();
        assert!(
            err.to_string()
                .starts_with("t.toml:3:1: error: an invisible byte-order mark (U+FEFF) is here"),
            "{err}"
        );
    }
}
