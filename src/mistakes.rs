//! What an editor did, said in their words: the marks a Chinese input method types where TOML
//! or CSV needs ASCII (“ ” ‘ ’ ＝ ： ， ［ ］ ＃, the full-width space, a stray byte-order mark),
//! and the TOML parser's other errors as sentences instead of grammar terms.
//!
//! The parser's own message names what it expected (`string values must be quoted, expected
//! literal string`); the mark that caused it is usually a few characters earlier, so a failed
//! parse is looked at again here: the first such mark outside strings and comments is the
//! mistake, and its place is where the editor has to look.

use std::path::Path;

use crate::error::Diagnostic;
use crate::t;

/// A mark typed with the Chinese input method where TOML or CSV syntax needs an ASCII one.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Mistake {
    /// “ or ” around a value.
    DoubleQuotes,
    /// ‘ or ’ around a value.
    SingleQuotes,
    /// A value opened with " and closed with ” (or “): the string never ends.
    ClosedWithChineseQuote,
    /// ＝ between a key and its value.
    Equals,
    /// ： between a key and its value (as in a form, or YAML).
    Colon,
    /// ， between the items of a list (or the columns of a CSV line).
    Comma,
    /// ［ or ］ around a list or a table name.
    Brackets,
    /// ＃ starting a comment.
    Hash,
    /// The full-width space U+3000.
    Space,
    /// A byte-order mark (U+FEFF) inside the text, where it is invisible.
    Bom,
    /// A no-break space (U+00A0, U+202F, U+2007), pasted from a web page or Word: it looks
    /// like a space and is not one.
    NoBreakSpace,
}

impl Mistake {
    /// The mistake a character is, outside a string.
    pub(crate) fn of(c: char) -> Option<Mistake> {
        Some(match c {
            '“' | '”' => Mistake::DoubleQuotes,
            '‘' | '’' => Mistake::SingleQuotes,
            '＝' => Mistake::Equals,
            '：' => Mistake::Colon,
            '，' => Mistake::Comma,
            '［' | '］' => Mistake::Brackets,
            '＃' => Mistake::Hash,
            '\u{3000}' => Mistake::Space,
            '\u{feff}' => Mistake::Bom,
            '\u{a0}' | '\u{202f}' | '\u{2007}' => Mistake::NoBreakSpace,
            _ => return None,
        })
    }

    /// What the editor did and what to type instead; `key` is the key of the line, or "" when
    /// the line has none.
    pub(crate) fn message(self, key: &str) -> String {
        // "none": the catalogues say it without a key (Fluent selects on the text).
        let key = if key.is_empty() { "none" } else { key };
        match self {
            Mistake::DoubleQuotes => t!("mistake-double-quotes", key = key),
            Mistake::SingleQuotes => t!("mistake-single-quotes", key = key),
            Mistake::ClosedWithChineseQuote => t!("mistake-closed-with-chinese-quote", key = key),
            Mistake::Equals => t!("mistake-equals", key = key),
            Mistake::Colon => t!("mistake-colon", key = key),
            Mistake::Comma => t!("mistake-comma", key = key),
            Mistake::Brackets => t!("mistake-brackets", key = key),
            Mistake::Hash => t!("mistake-hash"),
            Mistake::Space => t!("mistake-space", key = key),
            Mistake::Bom => t!("mistake-bom", key = key),
            Mistake::NoBreakSpace => t!("mistake-no-break-space", key = key),
        }
    }
}

/// The first input-method mistake in TOML `text`, outside strings and comments: its byte
/// offset and the key of its line ("" when there is none).
pub(crate) fn in_toml(text: &str) -> Option<(usize, Mistake, String)> {
    let mut in_string: Option<&'static str> = None; // the closing delimiter
    let mut string_start = 0;
    let mut chars = text.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        if let Some(close) = in_string {
            let rest = &text[i..];
            if close.len() == 1 && c == '\\' && close == "\"" {
                chars.next(); // an escaped character never closes the string
            } else if rest.starts_with(close) {
                for _ in 1..close.len() {
                    chars.next();
                }
                in_string = None;
            } else if c == '\n' && close.len() == 1 {
                // A one-line string that reaches the end of its line: closed with “ or ”?
                let opened = &text[string_start..i];
                if let Some(at) = opened.rfind(['”', '“']) {
                    let offset = string_start + at;
                    return Some((
                        offset,
                        Mistake::ClosedWithChineseQuote,
                        key_of(text, offset),
                    ));
                }
                in_string = None;
            }
            continue;
        }
        match c {
            '#' => {
                // A comment runs to the end of the line; anything may be typed in it.
                while chars.peek().is_some_and(|(_, c)| *c != '\n') {
                    chars.next();
                }
            }
            '"' | '\'' => {
                let triple = if c == '"' { "\"\"\"" } else { "'''" };
                let close = if text[i..].starts_with(triple) {
                    chars.next();
                    chars.next();
                    triple
                } else if c == '"' {
                    "\""
                } else {
                    "'"
                };
                in_string = Some(close);
                string_start = i + close.len();
            }
            _ => {
                // A byte-order mark at the very start is harmless (the parser skips it).
                if let Some(mistake) = Mistake::of(c).filter(|_| !(i == 0 && c == '\u{feff}')) {
                    return Some((i, mistake, key_of(text, i)));
                }
            }
        }
    }
    // A one-line string still open at the end of the text.
    if in_string.is_some_and(|close| close.len() == 1) {
        let opened = &text[string_start..];
        if let Some(at) = opened.rfind(['”', '“']) {
            let offset = string_start + at;
            return Some((
                offset,
                Mistake::ClosedWithChineseQuote,
                key_of(text, offset),
            ));
        }
    }
    None
}

/// The column (1-based, in characters) of the first Chinese comma ， of a CSV line that has
/// fewer values than it should: its values were separated with ， instead of `,`.
pub(crate) fn csv_comma(line: &str) -> Option<usize> {
    let mut quoted = false;
    for (column, c) in line.chars().enumerate() {
        match c {
            '"' => quoted = !quoted,
            '，' if !quoted => return Some(column + 1),
            _ => {}
        }
    }
    None
}

/// The key written before `=` (or its full-width look-alikes) on the line of `offset`, or
/// before `offset` itself when the mistake is the separator.
fn key_of(text: &str, offset: usize) -> String {
    let start = text[..offset].rfind('\n').map_or(0, |i| i + 1);
    let line = &text[start..offset];
    let end = match line.find(['=', '＝', '：', '\u{3000}']) {
        Some(end) => end,
        // No separator yet: the mistake is the separator, unless the line is a value (a list
        // item on a line of its own is quoted).
        None if !line.contains(['"', '\'']) => line.len(),
        None => return String::new(),
    };
    let key = line[..end].trim().trim_matches(['"', '\'']);
    let simple = !key.is_empty()
        && key
            .chars()
            .all(|c| c.is_alphanumeric() || matches!(c, '_' | '-' | '.'));
    if simple {
        key.to_string()
    } else {
        String::new()
    }
}

/// The TOML parser's message said as a sentence an editor understands, and a hint where one
/// helps. `message` is `toml::de::Error::message()`.
pub(crate) fn toml_message(message: &str) -> (String, Option<String>) {
    let message = message.trim();
    let quoted = backquoted(message);
    if message.starts_with("duplicate key") {
        return (
            t!("toml-duplicate-key"),
            Some(t!("toml-duplicate-key-hint")),
        );
    }
    if let Some(rest) = message.strip_prefix("unknown field ") {
        let field = quoted.first().cloned().unwrap_or_default();
        let known = backquoted(rest).into_iter().skip(1).collect::<Vec<_>>();
        return (
            t!("toml-unknown-field", field = field),
            (!known.is_empty()).then(|| t!("toml-unknown-field-hint", fields = known.join(", "))),
        );
    }
    if message.starts_with("missing field ") {
        let field = quoted.first().cloned().unwrap_or_default();
        return (
            t!("toml-missing-field", field = field.as_str()),
            Some(t!("toml-missing-field-hint", field = field)),
        );
    }
    if let Some(rest) = message.strip_prefix("unknown variant ") {
        let value = quoted.first().cloned().unwrap_or_default();
        let known = backquoted(rest).into_iter().skip(1).collect::<Vec<_>>();
        return (
            t!("toml-unknown-value", value = value),
            (!known.is_empty()).then(|| t!("toml-unknown-value-hint", values = known.join(", "))),
        );
    }
    if let Some(rest) = message.strip_prefix("invalid value: ") {
        let (found, expected) = rest.split_once(", expected ").unwrap_or((rest, ""));
        if found.starts_with("integer") {
            return integer_out_of_range(found, expected);
        }
    }
    if let Some(rest) = message.strip_prefix("invalid type: ") {
        let (found, expected) = rest.split_once(", expected ").unwrap_or((rest, ""));
        // A whole number where a whole number is wanted: one too large for its kind.
        if found.starts_with("integer") && integer_range(expected).is_some() {
            return integer_out_of_range(found, expected);
        }
        return (
            t!(
                "toml-wrong-type",
                found = kind_of_value(found),
                expected = kind_of_value(expected)
            ),
            integer_range(expected).map(|_| t!("toml-whole-number-hint")),
        );
    }
    let translated = PARSER_ERRORS
        .iter()
        .find(|(starts, _)| starts.iter().any(|start| message.starts_with(start)))
        .map(|(_, said)| said());
    match translated {
        Some((message, hint)) => (message, Some(hint)),
        // This program's own sentences, given to serde by the front matter's and the data's
        // types (a kind that is not one, a date that is not a date), are already in the
        // editor's language; the parser's rarer errors are English and are shown inside a
        // sentence that says what kind of problem it is.
        None if message.chars().any(is_cjk) => (message.to_string(), None),
        None => (
            t!("toml-other", detail = message),
            Some(t!("toml-no-equals-hint")),
        ),
    }
}

/// A sentence and a hint for each of the parser's errors an editor meets: how the parser's
/// message starts, and what to say instead.
type Said = fn() -> (String, String);
const PARSER_ERRORS: &[(&[&str], Said)] = &[
    (&["string values must be quoted"], || {
        (t!("toml-unquoted-string"), t!("toml-unquoted-string-hint"))
    }),
    (&["key with no value"], || {
        (t!("toml-no-equals"), t!("toml-no-equals-hint"))
    }),
    (&["invalid basic string", "invalid literal string"], || {
        (t!("toml-unclosed-string"), t!("toml-unclosed-string-hint"))
    }),
    (&["missing comma between array elements"], || {
        (t!("toml-missing-comma"), t!("toml-missing-comma-hint"))
    }),
    (&["unclosed array"], || {
        (t!("toml-unclosed-array"), t!("toml-unclosed-array-hint"))
    }),
    (&["unclosed table"], || {
        (t!("toml-unclosed-table"), t!("toml-unclosed-table-hint"))
    }),
    (&["unexpected key or value"], || {
        (t!("toml-extra-text"), t!("toml-extra-text-hint"))
    }),
    (&["invalid unquoted key"], || {
        (t!("toml-bad-key"), t!("toml-bad-key-hint"))
    }),
    (&["missing escaped value"], || {
        (t!("toml-bad-escape"), t!("toml-bad-escape-hint"))
    }),
    // "invalid date, expected month between 01 and 12": the part after "expected" says which,
    // in the parser's words; the hint gives the forms that work.
    (
        &[
            "invalid date",
            "invalid time",
            "invalid datetime",
            "invalid offset",
        ],
        || (t!("toml-bad-date"), t!("toml-bad-date-hint")),
    ),
    (
        &[
            "invalid integer",
            "invalid float",
            "invalid mantissa",
            "invalid exponent",
            "invalid fraction",
            "unexpected leading zero",
            "unexpected sign",
        ],
        || (t!("toml-bad-number"), t!("toml-bad-number-hint")),
    ),
    (&["missing value"], || {
        (t!("toml-missing-value"), t!("toml-no-equals-hint"))
    }),
    (&["extra comma"], || {
        (t!("toml-extra-comma"), t!("toml-extra-comma-hint"))
    }),
    (&["extra `=`", "extra assignment"], || {
        (t!("toml-extra-equals"), t!("toml-no-equals-hint"))
    }),
];

/// The smallest and largest values of serde's name of an integer kind (`usize`, `u8`, `i32`).
fn integer_range(serde: &str) -> Option<(i128, i128)> {
    Some(match serde.trim() {
        "usize" | "u64" => (0, u64::MAX as i128),
        "u32" => (0, u32::MAX as i128),
        "u16" => (0, u16::MAX as i128),
        "u8" => (0, u8::MAX as i128),
        "isize" | "i64" => (i64::MIN as i128, i64::MAX as i128),
        "i32" => (i32::MIN as i128, i32::MAX as i128),
        "i16" => (i16::MIN as i128, i16::MAX as i128),
        "i8" => (i8::MIN as i128, i8::MAX as i128),
        _ => return None,
    })
}

/// A whole number outside its kind's range (`paginate_by = -1`, a year of 20 digits): what it
/// may be, said in words, and what was written.
fn integer_out_of_range(found: &str, expected: &str) -> (String, Option<String>) {
    let value = backquoted(found).into_iter().next().unwrap_or_default();
    let message = match integer_range(expected) {
        // Counts: no upper bound worth saying.
        Some((0, max)) if max >= u32::MAX as i128 => t!("toml-not-a-count", value = value),
        Some((min, max)) => t!(
            "toml-integer-range",
            value = value,
            min = min.to_string(),
            max = max.to_string()
        ),
        None => t!(
            "toml-wrong-type",
            found = value.clone(),
            expected = kind_of_value(expected)
        ),
    };
    (message, Some(t!("toml-whole-number-hint")))
}

fn is_cjk(c: char) -> bool {
    matches!(c, '\u{3000}'..='\u{9FFF}' | '\u{F900}'..='\u{FFEF}')
}

/// The `quoted` parts of a serde message, in order.
fn backquoted(text: &str) -> Vec<String> {
    text.split('`')
        .skip(1)
        .step_by(2)
        .map(str::to_string)
        .collect()
}

/// serde's name of a kind of value (`integer `3``, `a string`, `i64`) as the editor's word.
fn kind_of_value(serde: &str) -> String {
    let serde = serde.trim();
    let word = serde
        .split([' ', '`'])
        .find(|w| !w.is_empty() && *w != "a" && *w != "an");
    let value = backquoted(serde).into_iter().next().or_else(|| {
        serde
            .split_once('"')
            .map(|(_, v)| v.trim_end_matches('"').to_string())
    });
    let kind = match word.unwrap_or_default() {
        "string" | "str" | "char" => t!("value-kind-text"),
        "integer" | "i64" | "i32" | "u64" | "u32" | "u16" | "u8" | "usize" | "i8" | "i16" => {
            t!("value-kind-integer")
        }
        "floating" | "f64" | "f32" => t!("value-kind-number"),
        "boolean" | "bool" => t!("value-kind-boolean"),
        "sequence" | "array" => t!("value-kind-list"),
        "map" | "table" | "struct" => t!("value-kind-table"),
        "local" | "offset" | "datetime" | "date" => t!("value-kind-date"),
        _ => serde.to_string(),
    };
    match value {
        Some(value) => t!("value-kind-with-value", kind = kind, value = value),
        None => kind,
    }
}

/// Converts a TOML parse error into a diagnostic at the right line and column of the file, in
/// an editor's words: an input-method mark outside a string is named as what it is, where it
/// is; other parser errors are said as sentences.
/// `text` is the TOML that was parsed and `first_line` the file line it starts on.
pub(crate) fn toml_diagnostic(
    file: &Path,
    text: &str,
    first_line: usize,
    err: &toml::de::Error,
) -> Diagnostic {
    toml_diagnostic_mapped(file, text, text, first_line, err, &|offset| offset)
}

/// [`toml_diagnostic`] for TOML that was changed before it was parsed (front matter whose
/// Chinese keys were quoted): `parsed` is what the parser read, `shown` the editor's text, and
/// `original` maps a byte offset of the one to the other.
pub(crate) fn toml_diagnostic_mapped(
    file: &Path,
    shown: &str,
    parsed: &str,
    first_line: usize,
    err: &toml::de::Error,
    original: &dyn Fn(usize) -> usize,
) -> Diagnostic {
    // A Chinese mark is the cause when it comes before the place the parser stopped (a schema
    // error, such as an unknown field, has no such mark before it and stands as it is).
    let stopped = err.span().map_or(parsed.len(), |s| s.end.max(s.start + 1));
    if let Some((offset, mistake, key)) = in_toml(parsed) {
        if offset < stopped || err.span().is_none() {
            return Diagnostic::new(file, mistake.message(&key)).at_offset(
                shown,
                original(offset),
                first_line,
            );
        }
    }
    if let Some(span) = err.span() {
        let at = original(span.start);
        if let Some((offset, message)) = on_the_line(shown, at) {
            return Diagnostic::new(file, message).at_offset(shown, offset, first_line);
        }
    }
    let (message, hint) = toml_message(err.message());
    let mut d = Diagnostic::new(file, message);
    if let Some(hint) = hint {
        d = d.hint(hint);
    }
    match err.span() {
        Some(span) => d.at_offset(shown, original(span.start), first_line),
        None => d,
    }
}

/// A mistake the line the parser stopped on shows as a whole, where the parser's own words
/// would mislead: a date written with dots or slashes (`2024.3.5` is not a number),
/// English quotes inside a text (`"关于"XX"的通知"` ends the text at the second quote). Its
/// offset and the message.
fn on_the_line(text: &str, at: usize) -> Option<(usize, String)> {
    let at = at.min(text.len());
    let start = text[..at].rfind('\n').map_or(0, |i| i + 1);
    let end = text[start..].find('\n').map_or(text.len(), |i| start + i);
    let line = &text[start..end];
    let (key, value) = line.split_once('=')?;
    let key = key.trim().trim_matches(['"', '\'']);
    let value_start = start + key_len(line) + 1;
    let trimmed = value.trim_start_matches([' ', '\t']);
    let value_offset = value_start + (value.len() - trimmed.len());
    let value = trimmed.trim_end();
    if let Some(fix) = crate::date::dotted_date(value.split(" #").next().unwrap_or(value).trim()) {
        let written = value.split(" #").next().unwrap_or(value).trim();
        return Some((
            value_offset,
            t!("mistake-date-form", key = key, written = written, fix = fix),
        ));
    }
    inner_quotes(value).map(|fix| {
        (
            value_offset,
            t!(
                "mistake-inner-quotes",
                key = key,
                fix = format!("{key} = {fix}")
            ),
        )
    })
}

/// The byte length of the key part of a line, up to its `=`.
fn key_len(line: &str) -> usize {
    line.find('=').unwrap_or(line.len())
}

/// A text in English quotes with English quotes inside it (`"关于"XX"的通知"`): the same text
/// with the inner quotes made Chinese ones (`"关于“XX”的通知"`).
fn inner_quotes(value: &str) -> Option<String> {
    let body = value.strip_prefix('"')?;
    let body = body.strip_suffix('"')?;
    let count = body.matches('"').count();
    if count == 0 || count % 2 != 0 || body.contains('\\') {
        return None;
    }
    let mut fixed = String::from("\"");
    for (i, part) in body.split('"').enumerate() {
        if i > 0 {
            fixed.push(if i % 2 == 1 { '“' } else { '”' });
        }
        fixed.push_str(part);
    }
    fixed.push('"');
    Some(fixed)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn found(text: &str) -> Option<(usize, Mistake, String)> {
        in_toml(text).map(|(offset, m, key)| (text[..offset].chars().count(), m, key))
    }

    #[test]
    fn marks_outside_strings_are_found_with_their_key() {
        // (text, character offset of the mark, mistake, key it belongs to)
        for (text, offset, mistake, key) in [
            ("title = “标题”", 8, Mistake::DoubleQuotes, "title"),
            ("title = ‘标题’", 8, Mistake::SingleQuotes, "title"),
            ("title ＝ \"a\"", 6, Mistake::Equals, "title"),
            ("title：\"a\"", 5, Mistake::Colon, "title"),
            ("tags = [\"a\"，\"b\"]", 11, Mistake::Comma, "tags"),
            ("tags = ［\"a\"]", 7, Mistake::Brackets, "tags"),
            ("＃ 注释\ntitle = \"a\"", 0, Mistake::Hash, ""),
            ("title　= \"a\"", 5, Mistake::Space, "title"),
            ("a = 1\n\u{feff}b = 2", 6, Mistake::Bom, ""),
            (
                "title = \"标题”\nx = 1",
                11,
                Mistake::ClosedWithChineseQuote,
                "title",
            ),
            (
                "title = \"标题”",
                11,
                Mistake::ClosedWithChineseQuote,
                "title",
            ),
        ] {
            assert_eq!(
                found(text),
                Some((offset, mistake, key.to_string())),
                "{text}"
            );
        }
    }

    #[test]
    fn marks_inside_strings_and_comments_are_text() {
        for text in [
            "title = \"他说“好”，＝：［］＃　\"",
            "title = '‘单’'",
            "body = \"\"\"\n“多行”\n\"\"\"",
            "a = 1 # 注释：“引号”，＝",
            "title = \"a\\\"“\"",
            "\u{feff}title = \"a\"",
        ] {
            assert_eq!(in_toml(text), None, "{text}");
        }
    }

    #[test]
    fn chinese_commas_between_csv_values_are_found_outside_quotes() {
        assert_eq!(csv_comma("city，indicator，date"), Some(5));
        assert_eq!(csv_comma("a,\"一，二\",c"), None);
        assert_eq!(csv_comma("a,b"), None);
    }

    #[test]
    fn whole_numbers_out_of_range_say_what_was_written_and_what_may_be() {
        let (m, h) = toml_message("invalid value: integer `-1`, expected usize");
        assert_eq!(m, "this should be a whole number, 0 or more, not -1");
        assert!(h.unwrap().contains("without quotes"));
        let (m, _) = toml_message("invalid type: integer `99999999999999999999`, expected usize");
        assert_eq!(
            m,
            "this should be a whole number, 0 or more, not 99999999999999999999"
        );
        let (m, _) = toml_message("invalid value: integer `300`, expected u8");
        assert_eq!(m, "this should be a whole number from 0 to 255, not 300");
        let (m, h) = toml_message("invalid type: string \"10\", expected usize");
        assert_eq!(m, "this should be a whole number, not text in quotes (10)");
        assert!(h.unwrap().contains("without quotes"));
        let (m, _) = toml_message("invalid type: floating point `1.5`, expected usize");
        assert_eq!(m, "this should be a whole number, not a number (1.5)");
    }

    #[test]
    fn dates_numbers_and_the_parser_s_other_errors_are_said_as_what_they_are() {
        let (m, h) = toml_message("invalid date, expected month between 01 and 12");
        assert_eq!(m, "this date is not a date TOML can read");
        assert!(h.unwrap().contains("2024-03-20"));
        let (m, _) = toml_message("unexpected leading zero");
        assert_eq!(m, "this number is not written as TOML reads numbers");
        let (m, _) = toml_message("extra comma in array");
        assert_eq!(m, "there is a comma too many here");
        // An error of the parser's that has no sentence of its own keeps its words inside one.
        let (m, h) = toml_message("invalid comment character");
        assert_eq!(m, "invalid comment character");
        assert!(h.is_some());
        // This program's own sentences, already in the editor's language, are kept as they are.
        let (m, h) = toml_message("“2024年13月”不是日期");
        assert_eq!(m, "“2024年13月”不是日期");
        assert!(h.is_none());
    }

    #[test]
    fn parser_messages_become_sentences() {
        let (m, h) = toml_message("unknown field `titel`, expected one of `title`, `date`");
        assert_eq!(m, "there is no field \"titel\" here");
        assert_eq!(h.unwrap(), "the fields are: title, date");
        let (m, _) = toml_message("invalid type: integer `3`, expected a string");
        assert_eq!(m, "this should be text in quotes, not a whole number (3)");
        let (m, _) = toml_message("\"政策\" is not a kind");
        assert_eq!(m, "\"政策\" is not a kind");
    }
}
