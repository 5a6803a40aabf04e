//! A number in a workbook cell as the cell shows it. A workbook stores a double and a number
//! format; the editor sees (and proofreads) what the format makes of it: `0.0%` shows the
//! stored 0.9733 as `97.3%`, `0.00` shows 93.125 as `93.13`, a formula's 0.933333… shown as
//! `93.3%` is the figure they mean to publish. So a cell's figure is written with the decimals
//! its format shows, rounded as the office program rounds them (half away from zero), while the
//! stored value is kept for computing. A cell in the General format is shown at the precision
//! a workbook keeps (15 significant digits), so a typed 93.125 is `93.125` and `=0.1+0.2` is
//! `0.3`, as Excel shows them.

/// How a cell's format shows a number.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub(super) struct Shown {
    /// The format shows the value times 100 with a `%` (`0%`, `0.0%`).
    pub percent: bool,
    /// The decimals the format shows: at least the first (`0`), at most the second (`0` or
    /// `#`, `?`); `None` for General and formats that do not fix them (scientific).
    pub decimals: Option<(u8, u8)>,
    /// The cell shows its stored fraction as a percentage (`97%` for 0.97) while no format read
    /// says percentage (`.ods`): it is refused, never published as the fraction.
    pub unexplained_percent: bool,
}

/// The formats Excel and WPS number 0–49 without writing them in the file (ECMA-376 Part 1,
/// 18.8.30), those of them that show numbers.
pub(super) fn builtin(id: u32) -> Option<&'static str> {
    Some(match id {
        0 => "General",
        1 => "0",
        2 => "0.00",
        3 => "#,##0",
        4 => "#,##0.00",
        5 | 37 => "#,##0 ;(#,##0)",
        6 | 38 => "#,##0 ;[Red](#,##0)",
        7 | 39 => "#,##0.00;(#,##0.00)",
        8 | 40 => "#,##0.00;[Red](#,##0.00)",
        9 => "0%",
        10 => "0.00%",
        11 => "0.00E+00",
        12 => "# ?/?",
        13 => "# ??/??",
        48 => "##0.0E+0",
        _ => return None,
    })
}

/// What a number format code shows of a number: its first section (for positive numbers and,
/// without a second one, all), quoted text, escaped characters and `[…]` left out.
pub(super) fn of_code(code: &str) -> Shown {
    let mut shown = Shown::default();
    let mut chars = code.chars().peekable();
    let mut quoted = false;
    let mut after_point: Option<(u8, u8)> = None;
    let mut counting = false;
    let mut general = false;
    let mut scientific = false;
    let mut word = String::new();
    while let Some(c) = chars.next() {
        if quoted {
            quoted = c != '"';
            continue;
        }
        if c.is_ascii_alphabetic() {
            word.push(c.to_ascii_lowercase());
            if word.ends_with("general") {
                general = true;
            }
        } else {
            word.clear();
        }
        match c {
            '"' => quoted = true,
            '\\' | '_' | '*' => {
                chars.next();
                counting = false;
            }
            '[' => {
                for c in chars.by_ref() {
                    if c == ']' {
                        break;
                    }
                }
            }
            ';' => break,
            '%' => shown.percent = true,
            'E' | 'e' if matches!(chars.peek(), Some('+' | '-')) => scientific = true,
            '.' if after_point.is_none() => {
                after_point = Some((0, 0));
                counting = true;
            }
            '0' | '#' | '?' if counting => {
                if let Some((min, max)) = after_point.as_mut() {
                    *max = max.saturating_add(1);
                    if c == '0' {
                        *min = *max;
                    }
                }
            }
            _ => counting = false,
        }
    }
    if !(general || scientific) {
        shown.decimals = Some(after_point.unwrap_or((0, 0)));
    }
    shown
}

/// The text a cell shows for `value` and the value it stands for (a percentage's is the shown
/// number: 0.9733 with `0.0%` is `97.3%`, standing for 97.33).
pub(super) fn text(value: f64, shown: Shown) -> (String, f64) {
    let value = if shown.percent {
        times_hundred(&shortest(value))
            .parse()
            .unwrap_or(value * 100.0)
    } else {
        value
    };
    let mut text = match shown.decimals {
        None => as_workbook_keeps(value),
        Some((min, max)) => {
            let rounded = round_half_away(&as_workbook_keeps(value), usize::from(max));
            trim_to(&rounded, usize::from(min))
        }
    };
    if shown.percent {
        text.push('%');
    }
    (text, value)
}

/// A double's shortest decimal (`93.2`, `2018`, `-3`, never an exponent).
fn shortest(value: f64) -> String {
    let text = format!("{}", value + 0.0);
    if text == "-0" {
        "0".into()
    } else {
        text
    }
}

/// A double at the 15 significant digits a workbook keeps: `=0.1+0.2` is `0.3`.
fn as_workbook_keeps(value: f64) -> String {
    let kept: f64 = format!("{value:.14e}").parse().unwrap_or(value);
    shortest(kept)
}

/// A plain decimal times 100, by moving its point: `0.955` is `95.5`.
pub(super) fn times_hundred(text: &str) -> String {
    let (sign, digits) = match text.strip_prefix('-') {
        Some(d) => ("-", d),
        None => ("", text),
    };
    let (whole, fraction) = digits.split_once('.').unwrap_or((digits, ""));
    let fraction = format!("{fraction:0<2}");
    let (moved, rest) = fraction.split_at(2);
    let whole = format!("{whole}{moved}");
    let whole = match whole.trim_start_matches('0') {
        "" => "0",
        w => w,
    };
    if rest.is_empty() {
        format!("{sign}{whole}")
    } else {
        format!("{sign}{whole}.{rest}")
    }
}

/// A plain decimal with `decimals` decimals at most, rounded half away from zero as a
/// spreadsheet rounds what it shows (zeros are not added).
fn round_half_away(text: &str, decimals: usize) -> String {
    let (sign, digits) = match text.strip_prefix('-') {
        Some(d) => ("-", d),
        None => ("", text),
    };
    let (whole, fraction) = digits.split_once('.').unwrap_or((digits, ""));
    if fraction.len() <= decimals {
        return text.to_string();
    }
    let (kept, dropped) = fraction.split_at(decimals);
    let mut all: Vec<u8> = format!("{whole}{kept}").into_bytes();
    if dropped.as_bytes()[0] >= b'5' {
        let mut i = all.len();
        loop {
            if i == 0 {
                all.insert(0, b'1');
                break;
            }
            i -= 1;
            if all[i] == b'9' {
                all[i] = b'0';
            } else {
                all[i] += 1;
                break;
            }
        }
    }
    let all = String::from_utf8(all).unwrap_or_default();
    let (whole, kept) = all.split_at(all.len() - decimals);
    let zero = whole.bytes().chain(kept.bytes()).all(|b| b == b'0');
    let sign = if zero { "" } else { sign };
    if kept.is_empty() {
        format!("{sign}{whole}")
    } else {
        format!("{sign}{whole}.{kept}")
    }
}

/// A plain decimal with its decimals padded to `min` with zeros and trailing zeros beyond `min`
/// taken off (`#` places show no trailing zero).
fn trim_to(text: &str, min: usize) -> String {
    let (whole, fraction) = text.split_once('.').unwrap_or((text, ""));
    let mut fraction = fraction.to_string();
    while fraction.len() > min && fraction.ends_with('0') {
        fraction.pop();
    }
    while fraction.len() < min {
        fraction.push('0');
    }
    if fraction.is_empty() {
        whole.to_string()
    } else {
        format!("{whole}.{fraction}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn shown(code: &str, value: f64) -> String {
        text(value, of_code(code)).0
    }

    #[test]
    fn formats_say_what_they_show() {
        assert_eq!(of_code("General").decimals, None);
        assert_eq!(of_code("0").decimals, Some((0, 0)));
        assert_eq!(of_code("0.00").decimals, Some((2, 2)));
        assert_eq!(of_code("#,##0.0_);(#,##0.0)").decimals, Some((1, 1)));
        assert_eq!(of_code("0.0#").decimals, Some((1, 2)));
        assert!(of_code("0.0%").percent);
        assert!(!of_code("\"%\"0").percent);
        assert!(!of_code("0\\%").percent);
        assert!(!of_code("0;0%").percent);
        assert_eq!(of_code("0.00E+00").decimals, None);
        assert_eq!(of_code("[$-804]0.00\"万元\"").decimals, Some((2, 2)));
    }

    #[test]
    fn a_cell_reads_as_it_shows() {
        assert_eq!(shown("General", 93.125), "93.125");
        assert_eq!(shown("General", 0.1 + 0.2), "0.3");
        assert_eq!(shown("General", 0.0004), "0.0004");
        assert_eq!(shown("General", 2018.0), "2018");
        assert_eq!(shown("0.00", 93.125), "93.13");
        assert_eq!(shown("0.00", 97.0), "97.00");
        assert_eq!(shown("0", 93.6), "94");
        assert_eq!(shown("0.0#", 1.0), "1.0");
        assert_eq!(shown("0.0#", 1.234), "1.23");
        assert_eq!(shown("0%", 0.97), "97%");
        assert_eq!(shown("0.0%", 0.9733), "97.3%");
        assert_eq!(shown("0.00%", 0.955), "95.50%");
        assert_eq!(shown("0%", -0.031), "-3%");
        assert_eq!(shown("0.0%", -0.0001), "0.0%");
        assert_eq!(text(0.9733, of_code("0.0%")).1, 97.33);
        assert_eq!(text(0.955, of_code("0%")).1, 95.5);
        assert_eq!(shown("0.0", 99.96), "100.0");
    }

    #[test]
    fn percentages_move_the_point() {
        assert_eq!(times_hundred("0.97"), "97");
        assert_eq!(times_hundred("0.955"), "95.5");
        assert_eq!(times_hundred("1"), "100");
        assert_eq!(times_hundred("0.005"), "0.5");
        assert_eq!(times_hundred("-0.031"), "-3.1");
        assert_eq!(times_hundred("0"), "0");
    }
}
