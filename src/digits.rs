//! Digits as editors type them: a Chinese input method in its full-width mode writes `９３．２`,
//! which is read as `93.2` wherever a figure, a year or a date is read.

use std::borrow::Cow;

/// `text` with full-width digits, point and signs (`９３．２`, what a Chinese input method
/// types in its full-width mode) made ASCII, so a value that is wholly a number reads as one.
/// Text that is not a number stays text: only figures, years and dates are read through this.
pub(crate) fn halfwidth_digits(text: &str) -> Cow<'_, str> {
    let fold = |c: char| match c {
        '０'..='９' => char::from_u32(c as u32 - '０' as u32 + '0' as u32).unwrap_or(c),
        '．' => '.',
        '－' => '-',
        '＋' => '+',
        _ => c,
    };
    if text.chars().all(|c| fold(c) == c) {
        Cow::Borrowed(text)
    } else {
        Cow::Owned(text.chars().map(fold).collect())
    }
}

/// A count with thousands separators: `1,000,000`.
pub(crate) fn grouped(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, d) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(d);
    }
    out
}
