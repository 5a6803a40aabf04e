//! Numbers and shares as a reader expects them.

use crate::figure::Figure;

/// Units and date parts that belong to the number before them (14861项, 2015年, 1910万元).
const UNITS: &str = "年月日项个家名起件次万亿元%％‰";

/// `text` as HTML with every number and the units after it (at most two: 万元) in a
/// `<span class="nowrap">`, so that a table cell of running text may wrap between words but
/// never inside "54家" or "93.2%".
pub(crate) fn keep_numbers_whole(text: &str) -> String {
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len() + 32);
    let mut plain = String::new();
    let mut i = 0;
    while i < chars.len() {
        if !chars[i].is_ascii_digit() {
            plain.push(chars[i]);
            i += 1;
            continue;
        }
        let start = i;
        while i < chars.len()
            && (chars[i].is_ascii_digit()
                || (matches!(chars[i], '.' | ',')
                    && chars.get(i + 1).is_some_and(char::is_ascii_digit)))
        {
            i += 1;
        }
        let spaced =
            chars.get(i) == Some(&' ') && chars.get(i + 1).is_some_and(|c| UNITS.contains(*c));
        if spaced {
            i += 1;
        }
        let mut units = 0;
        while units < 2 && chars.get(i).is_some_and(|c| UNITS.contains(*c)) {
            i += 1;
            units += 1;
        }
        out.push_str(&crate::escape::html(&plain));
        plain.clear();
        let number: String = chars[start..i].iter().collect();
        out.push_str("<span class=\"nowrap\">");
        out.push_str(&crate::escape::html(&number));
        out.push_str("</span>");
    }
    out.push_str(&crate::escape::html(&plain));
    out
}

/// A share as a whole percentage, or `None` when it is too far out to be one (progress of a
/// target whose baseline is within a hair of it), rather than a saturated integer.
pub(crate) fn percent(share: f64) -> Option<i64> {
    let pct = (share * 100.0).round();
    (pct.abs() < 1e15).then_some(pct as i64)
}

/// A figure with its unit as pages, captions and tables show it: 97%, 432项, 0.0004%, with the
/// decimals it is written with, or the target's `decimals` (see [`Figure::shown`]).
pub(crate) fn with_unit(figure: &Figure, decimals: Option<u8>, unit: &str) -> String {
    figure.shown(decimals).with_unit(unit)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_print_every_digit_never_a_saturated_integer() {
        let of = |v: f64| with_unit(&Figure::of(v), None, "");
        assert_eq!(of(93.2), "93.2");
        assert_eq!(of(13375.0), "13375");
        assert_eq!(of(999_999_999_999_999.0), "999999999999999");
        // A sum of many large figures is beyond i64 and still printed as it is.
        assert_eq!(of(1e20), "100000000000000000000");
        assert_eq!(of(-0.0), "0");
        // Never rounded away: a figure is printed as it is, or with the decimals asked for.
        assert_eq!(of(-0.001), "-0.001");
        assert_eq!(of(0.0004), "0.0004");
        assert_eq!(with_unit(&Figure::of(93.125), Some(2), "%"), "93.12%");
        assert_eq!(with_unit(&Figure::of(-1024.0), None, "项"), "-1024项");
        assert_eq!(percent(0.756), Some(76));
        assert_eq!(percent(-2.5), Some(-250));
        assert_eq!(percent(1e30), None);
        assert_eq!(percent(f64::NAN), None);
    }
}

#[cfg(test)]
mod keep_numbers_whole_tests {
    use super::keep_numbers_whole;

    #[test]
    fn numbers_with_units_are_kept_whole_and_text_escaped() {
        assert_eq!(
            keep_numbers_whole("累计为35家企业拨付1910万元<b>"),
            "累计为<span class=\"nowrap\">35家</span>企业拨付<span class=\"nowrap\">1910万元</span>&lt;b&gt;"
        );
        assert_eq!(
            keep_numbers_whole("合格率达到96.8 %,提高8.9%"),
            "合格率达到<span class=\"nowrap\">96.8 %</span>,提高<span class=\"nowrap\">8.9%</span>"
        );
        assert_eq!(keep_numbers_whole("无数字"), "无数字");
        assert_eq!(
            keep_numbers_whole("第3.项"),
            "第<span class=\"nowrap\">3</span>.项"
        );
        assert_eq!(keep_numbers_whole(""), "");
    }
}

/// A file's size as download links show it: `860 B`, `12 KB`, `3.4 MB` (units of 1024, one
/// decimal under ten).
pub(crate) fn file_size(bytes: u64) -> String {
    const UNITS: [&str; 4] = ["KB", "MB", "GB", "TB"];
    if bytes < 1024 {
        return format!("{bytes} B");
    }
    let mut value = bytes as f64 / 1024.0;
    let mut unit = 0;
    while value >= 1024.0 && unit < UNITS.len() - 1 {
        value /= 1024.0;
        unit += 1;
    }
    if value < 10.0 {
        format!("{:.1} {}", (value * 10.0).round() / 10.0, UNITS[unit])
    } else {
        format!("{} {}", value.round(), UNITS[unit])
    }
}

#[cfg(test)]
mod file_size_tests {
    #[test]
    fn sizes_read_as_download_links_show_them() {
        use super::file_size;
        assert_eq!(file_size(0), "0 B");
        assert_eq!(file_size(1023), "1023 B");
        assert_eq!(file_size(1024), "1.0 KB");
        assert_eq!(file_size(12_800), "13 KB");
        assert_eq!(file_size(3_565_158), "3.4 MB");
        assert_eq!(file_size(5 * 1024 * 1024 * 1024), "5.0 GB");
    }
}
