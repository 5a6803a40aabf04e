//! The one place where output paths are checked, and where names an editor writes (topics,
//! offices …) become URL segments.
//!
//! Every file a build writes has a path relative to the output folder: segments joined by `/`.
//! A path is accepted only when it can neither leave the output folder nor surprise a host: no
//! `.` or `..` segment, no empty segment (`a//b`, a leading `/`), no backslash, no control or
//! invisible formatting character (a right-to-left override makes `gpj.exe` read as `exe.jpg`),
//! no character a URL gives a meaning of its own (`?`, `#`, `%`), no hidden segment, no name
//! Windows reserves, and no segment longer than file systems allow.

use crate::t;
use std::fmt;

use unicode_normalization::UnicodeNormalization;

/// Longest segment accepted, in bytes: file systems allow 255, and staging adds nothing to a
/// segment, but a margin keeps names readable in messages and URLs.
pub const MAX_SEGMENT_BYTES: usize = 200;

/// Longest segment made from a name, in characters (a Chinese character is 3 bytes).
const MAX_NAME_SEGMENT_CHARS: usize = 60;

/// Why a path or segment cannot be written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PathProblem {
    /// The path is empty.
    Empty,
    /// Two `/` in a row, or a `/` at the start or the end.
    EmptySegment,
    /// A segment `.` or `..`.
    DotSegment,
    /// A segment starting with `.` (hidden on Linux and macOS): the segment.
    Hidden(String),
    /// A `\` (a folder separator on Windows).
    Backslash,
    /// A character that means something in a URL or is refused in a Windows file name (`? # % " < >
    /// | * :`).
    UrlCharacter(char),
    /// An invisible character (messages show it as `U+XXXX`).
    Invisible(char),
    /// A segment longer than [`MAX_SEGMENT_BYTES`] bytes: its length in bytes.
    TooLong(usize),
    /// A name Windows reserves (`CON`, `NUL`, `COM1` …, with any extension) or one ending in a
    /// space or `.`: the segment.
    WindowsName(String),
    /// A name with no letter or digit to make an address of.
    NoLettersOrDigits,
}

impl fmt::Display for PathProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let text = match self {
            PathProblem::Empty => t!("path-empty"),
            PathProblem::EmptySegment => t!("path-empty-segment"),
            PathProblem::DotSegment => t!("path-dot-segment"),
            PathProblem::Hidden(s) => t!("path-hidden", part = s),
            PathProblem::Backslash => t!("path-backslash"),
            PathProblem::UrlCharacter(c) => t!("path-url-character", character = *c),
            PathProblem::Invisible(c) => {
                t!("path-invisible", code = format!("U+{:04X}", *c as u32))
            }
            PathProblem::TooLong(n) => t!("path-too-long", bytes = *n, max = MAX_SEGMENT_BYTES),
            PathProblem::WindowsName(s) => t!("path-windows-name", name = s),
            PathProblem::NoLettersOrDigits => t!("path-no-letters"),
        };
        f.write_str(&text)
    }
}

/// Checks a path relative to the output folder (`policies/plan/index.html`).
pub fn check(path: &str) -> Result<(), PathProblem> {
    if path.is_empty() {
        return Err(PathProblem::Empty);
    }
    path.split('/').try_for_each(check_segment)
}

/// Checks one segment of a path: a slug, a file or folder name.
pub fn check_segment(segment: &str) -> Result<(), PathProblem> {
    match segment {
        "" => return Err(PathProblem::EmptySegment),
        "." | ".." => return Err(PathProblem::DotSegment),
        _ => {}
    }
    if segment.starts_with('.') {
        return Err(PathProblem::Hidden(segment.to_string()));
    }
    if segment.len() > MAX_SEGMENT_BYTES {
        return Err(PathProblem::TooLong(segment.len()));
    }
    for c in segment.chars() {
        match c {
            '\\' => return Err(PathProblem::Backslash),
            '?' | '#' | '%' | '"' | '<' | '>' | '|' | '*' | ':' => {
                return Err(PathProblem::UrlCharacter(c))
            }
            c if is_invisible(c) => return Err(PathProblem::Invisible(c)),
            _ => {}
        }
    }
    if is_windows_device_name(segment) || segment.ends_with([' ', '.']) {
        return Err(PathProblem::WindowsName(segment.to_string()));
    }
    Ok(())
}

/// Characters that are not seen, or change how the text around them is shown: controls,
/// formatting characters (bidi overrides and isolates, zero-width spaces and joiners, the
/// byte-order mark), white space other than the plain space, private-use characters and
/// non-characters.
pub fn is_invisible(c: char) -> bool {
    let code = c as u32;
    c.is_control()
        || (c.is_whitespace() && c != ' ')
        || matches!(
            code,
            0x00AD
                | 0x034F
                | 0x061C
                | 0x115F..=0x1160
                | 0x17B4..=0x17B5
                | 0x180B..=0x180F
                | 0x200B..=0x200F
                | 0x202A..=0x202E
                | 0x2060..=0x206F
                | 0x3164
                | 0xE000..=0xF8FF
                | 0xFDD0..=0xFDEF
                | 0xFE00..=0xFE0F
                | 0xFEFF
                | 0xFFA0
                | 0xFFF0..=0xFFFB
                | 0x1D173..=0x1D17A
                | 0xE0000..=0xE0FFF
                | 0xF0000..=0x10FFFF
        )
        || code & 0xFFFE == 0xFFFE
}

fn is_windows_device_name(segment: &str) -> bool {
    let stem = segment.split('.').next().unwrap_or(segment);
    let upper = stem.to_ascii_uppercase();
    matches!(upper.as_str(), "CON" | "PRN" | "AUX" | "NUL")
        || ((upper.starts_with("COM") || upper.starts_with("LPT"))
            && upper.len() == 4
            && upper.as_bytes()[3].is_ascii_digit())
}

/// A URL segment made from a name an editor wrote (a topic, an office): letters, characters
/// and digits of any script are kept (Chinese stays Chinese: browsers show it as written),
/// everything else becomes one `-`. Compatibility forms are unified first (NFKC: full-width
/// `Ａ１` is `A1`, a decomposed `é` is `é`), so two spellings a reader cannot tell apart give
/// one segment, and a clash between two names is found where routes are collected.
pub fn segment_from_name(name: &str) -> Result<String, PathProblem> {
    let mut segment = String::with_capacity(name.len());
    let mut chars = 0;
    for c in name.nfkc() {
        if c.is_alphanumeric() && !is_invisible(c) {
            segment.push(c);
        } else if c == '_' || c == '-' || !is_invisible(c) {
            if !segment.is_empty() && !segment.ends_with('-') {
                segment.push('-');
            }
            continue;
        } else {
            continue;
        }
        chars += 1;
        if chars == MAX_NAME_SEGMENT_CHARS {
            break;
        }
    }
    let segment = segment.trim_end_matches('-').to_string();
    if !segment.chars().any(char::is_alphanumeric) {
        return Err(PathProblem::NoLettersOrDigits);
    }
    check_segment(&segment)?;
    Ok(segment)
}

/// The form two paths share when a case-insensitive or normalising host (Windows, macOS,
/// object stores behind a CDN) would store them as one file.
pub fn clash_key(path: &str) -> String {
    path.nfc().flat_map(char::to_lowercase).collect()
}

/// `text` in Unicode NFC, the form URLs and most file systems use (macOS hands out file names
/// in NFD).
pub fn nfc(text: &str) -> String {
    // Nearly every name is NFC already (ASCII always is): the quick check reads it once,
    // where normalising decomposed and recomposed every character (a tenth of serve's rebuild
    // at 10k pages went to the site's source paths).
    if unicode_normalization::is_nfc_quick(text.chars()) == unicode_normalization::IsNormalized::Yes
    {
        text.to_string()
    } else {
        text.nfc().collect()
    }
}

/// A path problem in a message is its sentence.
impl From<PathProblem> for crate::i18n::Arg {
    fn from(problem: PathProblem) -> Self {
        crate::i18n::Arg::from(problem.to_string())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nfc_keeps_composed_names_and_composes_the_others() {
        for (name, composed) in [
            ("policies/a.md", "policies/a.md"),
            ("政策解读/泰安.md", "政策解读/泰安.md"),
            // Decomposed, as macOS names files: e + combining acute, カ + combining dakuten.
            ("cafe\u{301}/\u{30AB}\u{3099}.md", "caf\u{E9}/\u{30AC}.md"),
            // A combining mark the quick check cannot settle alone.
            ("\u{E9}\u{301}", "\u{E9}\u{301}"),
        ] {
            assert_eq!(nfc(name), composed, "{name:?}");
            assert_eq!(nfc(name), name.nfc().collect::<String>(), "{name:?}");
        }
    }

    #[test]
    fn paths_that_could_leave_the_output_are_refused() {
        for bad in [
            "",
            "/etc/passwd",
            "a//b",
            "a/",
            "../x",
            "a/../../x",
            "./a",
            "a\\..\\b",
            "a/b\0c",
            "a/\u{202e}gpj.exe",
            "a/\u{200b}",
            "topics/.htaccess",
            "a?b",
            "a#b",
            "100%",
            "con/index.html",
            "lpt1.txt",
            "name./x",
            "\u{feff}rizhao",
            "a\u{3000}b",
        ] {
            assert!(check(bad).is_err(), "{bad:?}");
        }
        let long = "长".repeat(70);
        assert_eq!(check(&long), Err(PathProblem::TooLong(210)));
    }

    #[test]
    fn ordinary_paths_pass() {
        for good in [
            "index.html",
            "policies/rizhao-plan/index.html",
            "topics/标准化/index.html",
            "zh-hant/cities/rizhao/indicators/pass-rate/data.csv",
            "files/2021年 规划.pdf",
            "console/index.html",
        ] {
            assert_eq!(check(good), Ok(()), "{good}");
        }
    }

    #[test]
    fn names_become_safe_segments() {
        assert_eq!(segment_from_name("标准化").unwrap(), "标准化");
        assert_eq!(
            segment_from_name("../../../../tmp/X/pwned").unwrap(),
            "tmp-X-pwned"
        );
        assert_eq!(segment_from_name("ISO 9001:2015").unwrap(), "ISO-9001-2015");
        assert_eq!(segment_from_name("质量　强市").unwrap(), "质量-强市");
        assert_eq!(segment_from_name("Ａ１").unwrap(), "A1");
        assert_eq!(segment_from_name("e\u{301}").unwrap(), "é");
        assert_eq!(segment_from_name("a\u{202e}b").unwrap(), "ab");
        assert_eq!(
            segment_from_name("．．／．．").unwrap_err(),
            PathProblem::NoLettersOrDigits
        );
        assert_eq!(
            segment_from_name("..").unwrap_err(),
            PathProblem::NoLettersOrDigits
        );
        assert_eq!(
            segment_from_name("\u{200b}").unwrap_err(),
            PathProblem::NoLettersOrDigits
        );
        assert_eq!(
            segment_from_name("CON").unwrap_err(),
            PathProblem::WindowsName("CON".into())
        );
        assert_eq!(
            segment_from_name(&"长".repeat(100))
                .unwrap()
                .chars()
                .count(),
            60
        );
    }

    #[test]
    fn clash_keys_fold_case_and_normalisation() {
        assert_eq!(clash_key("Plan/index.html"), clash_key("plan/index.html"));
        assert_eq!(clash_key("caf\u{e9}"), clash_key("cafe\u{301}"));
        assert_ne!(clash_key("标准"), clash_key("標準"));
    }
}
