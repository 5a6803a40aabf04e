//! The table reader: encodings, numbers, positions and names of cells.

use super::csv::unclosed_quote;
use super::*;

const COLUMNS: Columns = Columns {
    known: &["id", "name", "value", "target_value", "target_year"],
    spare: &[],
    chinese: &[("名称", "name"), ("值", "value")],
};

/// The rows of a table, or its problems (as a load reports them: all or nothing).
fn rows(name: &str, bytes: &[u8]) -> Result<Vec<Row>, Diagnostics> {
    let read = read(Path::new(name), bytes, "item", &COLUMNS);
    read.problems.into_result(read.rows)
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
        stored: None,
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

/// Digits of another script are UTF-8 that GB18030 reads as common hanzi (`٣٤` as two of
/// them): the file is UTF-8, and the message shows them as typed, with what to write.
#[test]
fn digits_of_another_script_are_read_as_typed_and_named() {
    for (typed, meant) in [("٣٤", "34"), ("۳۴.۵", "34.5"), ("४२", "42"), ("๓๔", "34")]
    {
        let text = format!("city,value\nrizhao,{typed}\n");
        assert_eq!(decode(text.as_bytes()).unwrap(), text, "{typed}");
        let err = parse_number(&cell(typed)).unwrap_err();
        assert_eq!(
            err.message,
            format!("in column \"value\": \"{typed}\" is not a number: it is written with the digits of another script")
        );
        assert_eq!(
            err.hint.as_deref(),
            Some(format!("write the digits 0–9: {meant}").as_str())
        );
    }
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
        stored: None,
        loc: Loc {
            file: "data/t.csv".into(),
            sheet: None,
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
        "inf",
        "-inf",
        "NaN",
        "infinity",
        "0x1f",
        "1_000",
        "１２个",
        "e5",
        ".",
        "-",
        "%",
        "1e",
        "1e+",
    ] {
        let err = parse_number(&cell(text)).unwrap_err();
        assert!(err.message.contains("is not a number"), "{text}: {err}");
    }
    // A value that is wholly a number in full-width digits is that number.
    assert_eq!(parse_number(&cell("１２")).unwrap(), 12.0);
    assert_eq!(parse_number(&cell("９３．２％")).unwrap(), 93.2);
    assert_eq!(parse_number(&cell("－３")).unwrap(), -3.0);
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
        err.to_string()
            .starts_with("t.toml:3:20: error: in key \"target.value\": \"1e308\" is out of range"),
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
