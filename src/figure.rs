//! A published figure is the figure in the source: a value keeps the decimals it was written
//! with (`0.0004`, `93.125`, `96.80`) from the table to the page, the chart, the caption and
//! the CSV download, and is rounded only where a target asks for it (`decimals`), by the
//! national rule for rounding (GB/T 8170-2008, 四舍六入五成双). Computing (progress, status)
//! uses [`Figure::value`], the full precision.

use serde::{Serialize, Serializer};

/// A figure: its value for computing and its text for reading (a plain decimal: an optional
/// `-`, digits, and a point only when decimals follow).
#[derive(Debug, Clone, PartialEq)]
pub struct Figure {
    value: f64,
    text: String,
}

impl Figure {
    /// A figure as the source writes it: `sign`, the digits before the point, those after it,
    /// and a power of ten (`1.5e6`); the decimal text is worked out exactly from these, never
    /// from the binary value.
    pub(crate) fn written(
        value: f64,
        sign: &str,
        whole: &str,
        fraction: &str,
        exponent: i32,
    ) -> Self {
        let digits = format!("{whole}{fraction}");
        let point = whole.len() as i64 + i64::from(exponent);
        let (whole, fraction) = if point <= 0 {
            (
                String::from("0"),
                format!("{}{digits}", "0".repeat(point.unsigned_abs() as usize)),
            )
        } else if point as usize >= digits.len() {
            (
                format!("{digits}{}", "0".repeat(point as usize - digits.len())),
                String::new(),
            )
        } else {
            let (w, f) = digits.split_at(point as usize);
            (w.to_string(), f.to_string())
        };
        // An exponent moves the point: decimals are those that hold a digit written.
        let fraction = if exponent > 0 {
            fraction.trim_end_matches('0').to_string()
        } else {
            fraction
        };
        let whole = match whole.trim_start_matches('0') {
            "" => "0",
            w => w,
        };
        Figure {
            value,
            text: join(sign, whole, &fraction),
        }
    }

    /// A figure worked out rather than written (a count, a sum of floats): its shortest decimal,
    /// never rounded.
    pub(crate) fn of(value: f64) -> Self {
        let text = if value.is_finite() {
            format!("{}", value + 0.0)
        } else {
            String::from("—")
        };
        Figure {
            value: value + 0.0,
            text: if text == "-0" { "0".into() } else { text },
        }
    }

    /// The figure as a decimal text that stands for `value` (a workbook cell as its format
    /// shows it): the text is kept as it is.
    pub(crate) fn shown_as(value: f64, text: &str) -> Option<Self> {
        let (sign, whole, fraction) = split(text)?;
        Some(Figure {
            value,
            text: join(sign, whole, fraction),
        })
    }

    /// The value, for computing.
    pub fn value(&self) -> f64 {
        self.value
    }

    /// The text, for reading.
    pub fn text(&self) -> &str {
        &self.text
    }

    /// How many decimals the text has.
    pub(crate) fn decimals(&self) -> usize {
        self.text.split_once('.').map_or(0, |(_, f)| f.len())
    }

    /// The figure as a page shows it: as written, or with exactly `decimals` decimals when a
    /// target sets them (rounded by GB/T 8170, or zeros added).
    pub(crate) fn shown(&self, decimals: Option<u8>) -> Figure {
        match decimals {
            None => self.clone(),
            Some(d) => Figure {
                value: self.value,
                text: round_half_even(&self.text, usize::from(d)),
            },
        }
    }

    /// The figure and a unit after it: `97%`, `432项`.
    pub(crate) fn with_unit(&self, unit: &str) -> String {
        format!("{}{unit}", self.text)
    }

    /// The sum of figures, with as many decimals as the most precise of them (added as
    /// decimals, so 0.1 + 0.2 is 0.3).
    pub(crate) fn sum<'a>(figures: impl IntoIterator<Item = &'a Figure>) -> Figure {
        let figures: Vec<&Figure> = figures.into_iter().collect();
        let value: f64 = figures.iter().map(|f| f.value).sum();
        let decimals = figures.iter().map(|f| f.decimals()).max().unwrap_or(0);
        let exact = figures.iter().try_fold(0i128, |total, f| {
            scaled(&f.text, decimals).and_then(|n| total.checked_add(n))
        });
        match exact {
            Some(total) => Figure {
                value,
                text: unscaled(total, decimals),
            },
            None => Figure::of(value),
        }
    }
}

/// Serialised as its value, as a number was before figures kept their text.
impl Serialize for Figure {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_f64(self.value)
    }
}

fn join(sign: &str, whole: &str, fraction: &str) -> String {
    let zero = whole.bytes().all(|b| b == b'0') && fraction.bytes().all(|b| b == b'0');
    let sign = if zero { "" } else { sign };
    if fraction.is_empty() {
        format!("{sign}{whole}")
    } else {
        format!("{sign}{whole}.{fraction}")
    }
}

/// A plain decimal's sign, whole part and decimals; `None` for anything else.
fn split(text: &str) -> Option<(&str, &str, &str)> {
    let (sign, body) = match text.strip_prefix('-') {
        Some(rest) => ("-", rest),
        None => ("", text),
    };
    let (whole, fraction) = body.split_once('.').unwrap_or((body, ""));
    let digits = |s: &str| s.bytes().all(|b| b.is_ascii_digit());
    (!whole.is_empty() && digits(whole) && digits(fraction)).then_some((sign, whole, fraction))
}

/// `text` (a plain decimal) with exactly `decimals` decimals: digits dropped by GB/T 8170-2008
/// (above half up, below half down, exactly half to the even digit), zeros added.
pub(crate) fn round_half_even(text: &str, decimals: usize) -> String {
    let Some((sign, whole, fraction)) = split(text) else {
        return text.to_string();
    };
    if fraction.len() <= decimals {
        return join(sign, whole, &format!("{fraction:0<decimals$}"));
    }
    let (kept, dropped) = fraction.split_at(decimals);
    let mut digits: Vec<u8> = format!("{whole}{kept}").into_bytes();
    let first = dropped.as_bytes()[0];
    let rest_zero = dropped[1..].bytes().all(|b| b == b'0');
    let last_odd = digits.last().is_some_and(|d| (d - b'0') % 2 == 1);
    let up = first > b'5' || (first == b'5' && (!rest_zero || last_odd));
    if up {
        let mut i = digits.len();
        loop {
            if i == 0 {
                digits.insert(0, b'1');
                break;
            }
            i -= 1;
            if digits[i] == b'9' {
                digits[i] = b'0';
            } else {
                digits[i] += 1;
                break;
            }
        }
    }
    let text = String::from_utf8(digits).unwrap_or_default();
    let (whole, kept) = text.split_at(text.len() - decimals);
    join(sign, whole, kept)
}

/// A plain decimal as an integer count of 10^-`decimals` (it has at most that many decimals).
fn scaled(text: &str, decimals: usize) -> Option<i128> {
    let (sign, whole, fraction) = split(text)?;
    let digits = format!("{whole}{fraction:0<decimals$}");
    let n: i128 = digits.parse().ok()?;
    Some(if sign == "-" { -n } else { n })
}

fn unscaled(n: i128, decimals: usize) -> String {
    let digits = format!("{:0>width$}", n.unsigned_abs(), width = decimals + 1);
    let (whole, fraction) = digits.split_at(digits.len() - decimals);
    join(if n < 0 { "-" } else { "" }, whole, fraction)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn written(text: &str) -> String {
        let (sign, body) = match text.strip_prefix('-') {
            Some(rest) => ("-", rest),
            None => ("", text),
        };
        let (mantissa, exponent) = body.split_once('e').unwrap_or((body, "0"));
        let (whole, fraction) = mantissa.split_once('.').unwrap_or((mantissa, ""));
        Figure::written(0.0, sign, whole, fraction, exponent.parse().unwrap())
            .text()
            .to_string()
    }

    #[test]
    fn a_figure_keeps_the_decimals_it_was_written_with() {
        assert_eq!(written("0.0004"), "0.0004");
        assert_eq!(written("93.125"), "93.125");
        assert_eq!(written("96.80"), "96.80");
        assert_eq!(written("013375"), "13375");
        assert_eq!(written(".5"), "0.5");
        assert_eq!(written("5."), "5");
        assert_eq!(written("-0.0"), "0.0");
        assert_eq!(written("1.5e6"), "1500000");
        assert_eq!(written("1.25e-3"), "0.00125");
        assert_eq!(written("125e-2"), "1.25");
        assert_eq!(written("-3"), "-3");
    }

    #[test]
    fn decimals_round_by_gbt_8170() {
        // The examples of GB/T 8170-2008, 3.3.
        assert_eq!(round_half_even("12.1498", 1), "12.1");
        assert_eq!(round_half_even("10.502", 0), "11");
        assert_eq!(round_half_even("1.050", 1), "1.0");
        assert_eq!(round_half_even("0.35", 1), "0.4");
        assert_eq!(round_half_even("93.125", 2), "93.12");
        assert_eq!(round_half_even("93.135", 2), "93.14");
        assert_eq!(round_half_even("99.96", 1), "100.0");
        assert_eq!(round_half_even("-0.04", 1), "0.0");
        assert_eq!(round_half_even("-2.5", 0), "-2");
        assert_eq!(round_half_even("97", 1), "97.0");
        assert_eq!(round_half_even("0.0004", 2), "0.00");
    }

    #[test]
    fn computed_figures_print_every_digit() {
        assert_eq!(Figure::of(93.2).text(), "93.2");
        assert_eq!(Figure::of(1e20).text(), "100000000000000000000");
        assert_eq!(Figure::of(-0.0).text(), "0");
        assert_eq!(Figure::of(0.0004).text(), "0.0004");
        let a = Figure::shown_as(0.1, "0.1").unwrap();
        let b = Figure::shown_as(0.25, "0.25").unwrap();
        assert_eq!(Figure::sum([&a, &b]).text(), "0.35");
        assert_eq!(Figure::sum([&a, &a, &a]).text(), "0.3");
        assert_eq!(Figure::sum([]).text(), "0");
        assert_eq!(a.shown(Some(3)).with_unit("%"), "0.100%");
    }
}
