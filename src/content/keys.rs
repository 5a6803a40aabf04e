//! Chinese names written bare, as editors write them (`标题 = "…"`, `[其他]`): TOML takes only
//! ASCII letters, digits, `_` and `-` in a bare key, so such a key is put in quotes before the
//! front matter is parsed, and a place in the quoted text is mapped back to the editor's text
//! for messages. Only the key at the start of a line (or of a table header) is quoted, never a
//! line inside a multi-line string.

/// Front matter with its Chinese bare keys quoted.
pub(crate) struct Quoted {
    pub text: String,
    /// Byte offsets in `text` of the quotes that were added, in order.
    added: Vec<usize>,
}

impl Quoted {
    /// The byte offset in the editor's text of a byte offset in the quoted text.
    pub(crate) fn original(&self, offset: usize) -> usize {
        offset - self.added.iter().take_while(|&&q| q < offset).count()
    }
}

/// `text` with every Chinese bare key quoted.
pub(crate) fn quote(text: &str) -> Quoted {
    if text.is_ascii() {
        return Quoted {
            text: text.to_string(),
            added: Vec::new(),
        };
    }
    let mut out = String::with_capacity(text.len() + 16);
    let mut added = Vec::new();
    let mut in_multiline: Option<&'static str> = None;
    for line in text.split_inclusive('\n') {
        if in_multiline.is_none() {
            let indent = line.len() - line.trim_start_matches([' ', '\t']).len();
            out.push_str(&line[..indent]);
            let rest = &line[indent..];
            if rest.starts_with('[') {
                // A table header: `[其他]`, `[[其他]]`.
                let open = if rest.starts_with("[[") { 2 } else { 1 };
                out.push_str(&rest[..open]);
                let rest = &rest[open..];
                let end = rest.find(']').unwrap_or(0);
                quote_key(&rest[..end], &mut out, &mut added);
                out.push_str(&rest[end..]);
            } else if let Some(end) = rest.find('=') {
                quote_key(&rest[..end], &mut out, &mut added);
                out.push_str(&rest[end..]);
            } else {
                out.push_str(rest);
            }
        } else {
            out.push_str(line);
        }
        in_multiline = multiline_after(line, in_multiline);
    }
    Quoted { text: out, added }
}

/// Writes a key as it is, or with each part that is a Chinese bare name in quotes (`其他.作者`).
fn quote_key(key: &str, out: &mut String, added: &mut Vec<usize>) {
    let trimmed = key.trim_matches([' ', '\t']);
    let bare_part = |part: &str| {
        let part = part.trim_matches([' ', '\t']);
        !part.is_empty()
            && part
                .chars()
                .all(|c| c.is_alphanumeric() || c == '_' || c == '-')
    };
    let needs = !trimmed.is_ascii() && trimmed.split('.').all(bare_part);
    if !needs {
        out.push_str(key);
        return;
    }
    for (i, part) in key.split('.').enumerate() {
        if i > 0 {
            out.push('.');
        }
        let start = part.len() - part.trim_start_matches([' ', '\t']).len();
        let end = part.trim_end_matches([' ', '\t']).len();
        out.push_str(&part[..start]);
        added.push(out.len());
        out.push('"');
        out.push_str(&part[start..end]);
        added.push(out.len());
        out.push('"');
        out.push_str(&part[end..]);
    }
}

/// Whether a multi-line string (`"""` or `'''`) is open after `line`, given whether one was
/// open before it (its closing delimiter).
fn multiline_after(line: &str, mut open: Option<&'static str>) -> Option<&'static str> {
    let mut i = 0;
    let bytes = line.as_bytes();
    let mut single: Option<u8> = None;
    while i < bytes.len() {
        let rest = &bytes[i..];
        if let Some(close) = open {
            if close == "\"\"\"" && bytes[i] == b'\\' {
                i += 2;
                continue;
            }
            if rest.starts_with(close.as_bytes()) {
                open = None;
                i += 3;
                continue;
            }
        } else if let Some(quote) = single {
            if quote == b'"' && bytes[i] == b'\\' {
                i += 2;
                continue;
            }
            if bytes[i] == quote {
                single = None;
            }
        } else if rest.starts_with(b"\"\"\"") {
            open = Some("\"\"\"");
            i += 3;
            continue;
        } else if rest.starts_with(b"'''") {
            open = Some("'''");
            i += 3;
            continue;
        } else if bytes[i] == b'"' || bytes[i] == b'\'' {
            single = Some(bytes[i]);
        } else if bytes[i] == b'#' {
            break;
        }
        i += 1;
    }
    open
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chinese_bare_keys_are_quoted() {
        for (text, quoted) in [
            ("标题 = \"a\"\n", "\"标题\" = \"a\"\n"),
            ("  發文字號=\"a\"", "  \"發文字號\"=\"a\""),
            ("[其他]\n作者 = \"李\"\n", "[\"其他\"]\n\"作者\" = \"李\"\n"),
            ("其他.作者 = 1", "\"其他\".\"作者\" = 1"),
            ("title = \"标题 = 1\"", "title = \"标题 = 1\""),
            ("\"标题\" = \"a\"", "\"标题\" = \"a\""),
            (
                "body = \"\"\"\n标题 = 1\n\"\"\"\n主送 = 1",
                "body = \"\"\"\n标题 = 1\n\"\"\"\n\"主送\" = 1",
            ),
            ("标题　= \"a\"", "标题　= \"a\""),
            ("tags = [\n  \"标准\",\n]", "tags = [\n  \"标准\",\n]"),
        ] {
            assert_eq!(quote(text).text, quoted, "{text}");
        }
    }

    #[test]
    fn places_map_back_to_the_editor_s_text() {
        let text = "标题 = 3\n";
        let q = quote(text);
        // The value 3 is at byte 9 of the editor's text and 11 of the quoted one.
        assert_eq!(q.text.find('3'), Some(11));
        assert_eq!(q.original(11), 9);
        assert_eq!(q.original(0), 0);
        assert_eq!(q.original(1), 0);
    }
}
