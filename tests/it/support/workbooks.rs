//! Small workbooks for tests: `.xlsx` through the writer `stdportal init` uses, and `.ods`
//! written here as the few XML parts a spreadsheet program needs (LibreOffice is not on the
//! machines the tests run on).

use std::io::Write;

pub use stdportal::init::workbook::{SheetData, Value};

/// A row of the basic fixture's observations (city testcity, indicator pass-rate, source
/// 测试数据) with this date and value cell.
pub fn observation<'a>(date: Value<'a>, value: Value<'a>) -> Vec<Value<'a>> {
    vec![
        Value::Text("testcity"),
        Value::Text("pass-rate"),
        date,
        value,
        Value::Text("测试数据"),
    ]
}

/// The bytes of an `.xlsx` workbook.
pub fn xlsx(sheets: &[SheetData<'_>]) -> Vec<u8> {
    stdportal::init::workbook::xlsx(sheets).unwrap()
}

/// The bytes of an OpenDocument spreadsheet (`.ods`) with the same cells: text as strings,
/// numbers as floats, dates as dates.
pub fn ods(sheets: &[SheetData<'_>]) -> Vec<u8> {
    let mut content = String::from(
        r#"<?xml version="1.0" encoding="UTF-8"?>
<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.2"><office:body><office:spreadsheet>"#,
    );
    for sheet in sheets {
        content.push_str(&format!(
            r#"<table:table table:name="{}">"#,
            xml(sheet.name)
        ));
        let headers: Vec<Value<'_>> = sheet.headers.iter().map(|h| Value::Text(h)).collect();
        for row in std::iter::once(&headers).chain(&sheet.rows) {
            content.push_str("<table:table-row>");
            for value in row {
                content.push_str(&match *value {
                    Value::Text("") => "<table:table-cell/>".to_string(),
                    Value::Text(t) => format!(
                        r#"<table:table-cell office:value-type="string"><text:p>{}</text:p></table:table-cell>"#,
                        xml(t)
                    ),
                    Value::Number(n) => format!(
                        r#"<table:table-cell office:value-type="float" office:value="{n}"><text:p>{n}</text:p></table:table-cell>"#
                    ),
                    Value::Date(y, m, d) => format!(
                        r#"<table:table-cell office:value-type="date" office:date-value="{y:04}-{m:02}-{d:02}"><text:p>{y:04}-{m:02}-{d:02}</text:p></table:table-cell>"#
                    ),
                });
            }
            content.push_str("</table:table-row>");
        }
        content.push_str("</table:table>");
    }
    content.push_str("</office:spreadsheet></office:body></office:document-content>");
    let manifest = r#"<?xml version="1.0" encoding="UTF-8"?>
<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.2"><manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/><manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/></manifest:manifest>"#;
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let stored =
        zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Stored);
    // The media type first and uncompressed, as OpenDocument requires.
    for (name, text) in [
        ("mimetype", "application/vnd.oasis.opendocument.spreadsheet"),
        ("META-INF/manifest.xml", manifest),
        ("content.xml", content.as_str()),
    ] {
        zip.start_file(name, stored).unwrap();
        zip.write_all(text.as_bytes()).unwrap();
    }
    zip.finish().unwrap().into_inner()
}

fn xml(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}
