//! Numbers and shares as a reader expects them.

/// A number as a reader expects it: 93.2, 97, 13375. Every digit of a large number is printed
/// (a float's `Display` never saturates, where `as i64` would print 9223372036854775807).
pub fn fmt_number(value: f64) -> String {
    let s = if value.fract().abs() < 1e-9 {
        format!("{}", value.round())
    } else {
        let s = format!("{value:.2}");
        s.trim_end_matches('0').trim_end_matches('.').to_string()
    };
    if s == "-0" {
        "0".to_string()
    } else {
        s
    }
}

/// A share as a whole percentage, or `None` when it is too far out to be one (progress of a
/// target whose baseline is within a hair of it), rather than a saturated integer.
pub fn percent(share: f64) -> Option<i64> {
    let pct = (share * 100.0).round();
    (pct.abs() < 1e15).then_some(pct as i64)
}

/// A value with its unit: 97%, 432项.
pub fn with_unit(value: f64, unit: &str) -> String {
    format!("{}{}", fmt_number(value), unit)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_print_every_digit_never_a_saturated_integer() {
        assert_eq!(fmt_number(93.2), "93.2");
        assert_eq!(fmt_number(13375.0), "13375");
        assert_eq!(fmt_number(999_999_999_999_999.0), "999999999999999");
        // A sum of many large figures is beyond i64 and still printed as it is.
        assert_eq!(fmt_number(1e20), "100000000000000000000");
        assert_eq!(fmt_number(-0.0), "0");
        assert_eq!(fmt_number(-0.001), "0");
        assert_eq!(with_unit(-1024.0, "项"), "-1024项");
        assert_eq!(percent(0.756), Some(76));
        assert_eq!(percent(-2.5), Some(-250));
        assert_eq!(percent(1e30), None);
        assert_eq!(percent(f64::NAN), None);
    }
}
