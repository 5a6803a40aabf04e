//! Numbers as editors type them: thousands separators only before groups of three digits, a
//! trailing `%`, nothing out of range.

use super::Cell;
use crate::digits::halfwidth_digits;
use crate::error::Diagnostic;
use crate::figure::Figure;
use crate::t;

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
fn parse_figure(text: &str) -> Result<Figure, NumberProblem> {
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
    // Only digits, a point, an exponent: no "inf", "NaN", "0x1f" or "1_000".
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
    let exponent: i32 = match exponent {
        None => 0,
        // Within the limit, an exponent that does not fit is one of many zeros written out.
        Some(e) => e
            .trim_start_matches('+')
            .parse()
            .map_err(|_| NumberProblem::OutOfRange)?,
    };
    if exponent.unsigned_abs() > 400 {
        return Err(NumberProblem::OutOfRange);
    }
    // -0 reads as 0.
    Ok(Figure::written(
        value + 0.0,
        sign,
        &digits,
        fraction,
        exponent,
    ))
}

/// The first of the ten digits of the scripts whose digits a keyboard or a copied document
/// brings into a cell (Arabic-Indic ٣٤, Persian ۳۴, Devanagari ३४, Bengali, Thai, …).
const DIGIT_ZEROS: [u32; 14] = [
    0x0660, 0x06F0, 0x07C0, 0x0966, 0x09E6, 0x0A66, 0x0AE6, 0x0B66, 0x0BE6, 0x0C66, 0x0CE6, 0x0D66,
    0x0E50, 0x1040,
];

/// `text` with the digits of another script written as ASCII digits (`٣٤` is `34`), when it
/// has such digits: a figure typed with them is not read, but the message says what to write.
fn other_script_digits(text: &str) -> Option<String> {
    text.chars()
        .any(|c| other_script_digit(c).is_some())
        .then(|| {
            text.chars()
                .map(|c| other_script_digit(c).unwrap_or(c))
                .collect()
        })
}

/// The ASCII digit a digit of another script stands for (`٣` is `3`).
pub(super) fn other_script_digit(c: char) -> Option<char> {
    DIGIT_ZEROS
        .iter()
        .find(|&&zero| (zero..zero + 10).contains(&(c as u32)))
        .and_then(|zero| char::from_digit(c as u32 - zero, 10))
}

/// A number in a cell (see `parse_figure`; full-width digits are read too), or an error at
/// the cell naming its column.
pub fn parse_number(cell: &Cell) -> Result<f64, Diagnostic> {
    figure(cell).map(|f| f.value())
}

/// A figure in a cell: its value and the decimals it is written with. A workbook cell's value
/// is the one the workbook stores (its text is what the cell shows, which may have fewer
/// decimals).
pub(crate) fn figure(cell: &Cell) -> Result<Figure, Diagnostic> {
    let figure = parse_figure(&halfwidth_digits(&cell.text)).map_err(|problem| {
        let text = &cell.text;
        match problem {
            NumberProblem::NotANumber => match other_script_digits(text) {
                Some(meant) => cell
                    .loc
                    .error(t!("table-other-digits", text = text))
                    .hint(t!("table-other-digits-hint", meant = meant)),
                None => cell
                    .loc
                    .error(t!("table-not-a-number", text = text))
                    .hint(t!("table-not-a-number-hint")),
            },
            NumberProblem::DecimalComma(meant) => cell
                .loc
                .error(t!("table-decimal-comma", text = text))
                .hint(t!("table-decimal-comma-hint", meant = meant)),
            NumberProblem::Grouping => cell
                .loc
                .error(t!("table-bad-grouping", text = text))
                .hint(t!("table-bad-grouping-hint")),
            NumberProblem::OutOfRange => cell
                .loc
                .error(t!("table-out-of-range", text = text))
                .hint(t!("table-out-of-range-hint")),
        }
    })?;
    Ok(match cell.stored {
        Some(value) => Figure::shown_as(value, figure.text()).unwrap_or(figure),
        None => figure,
    })
}
