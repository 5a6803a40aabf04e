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

/// Hostile workbooks, written part by part: an `.xlsx` whose sheet XML, shared strings and
/// styles the test writes, zips whose directory says what the test wants, `.ods` content and
/// `.xls` records as they stand in the file.
pub mod raw {
    use std::io::Write;

    /// A part of a zip: its name, its bytes (followed by `spaces` spaces, written a megabyte
    /// at a time), and whether it is deflated.
    pub struct Part<'a> {
        pub name: &'a str,
        pub bytes: &'a [u8],
        pub deflate: bool,
        pub spaces: usize,
    }

    pub fn part<'a>(name: &'a str, bytes: &'a [u8]) -> Part<'a> {
        Part {
            name,
            bytes,
            deflate: true,
            spaces: 0,
        }
    }

    /// A zip of these parts, written by the zip crate.
    pub fn zip(parts: &[Part<'_>]) -> Vec<u8> {
        let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
        for p in parts {
            let method = if p.deflate {
                zip::CompressionMethod::Deflated
            } else {
                zip::CompressionMethod::Stored
            };
            let options = zip::write::SimpleFileOptions::default()
                .compression_method(method)
                .large_file(p.spaces > 1 << 30);
            zip.start_file(p.name, options).unwrap();
            zip.write_all(p.bytes).unwrap();
            let megabyte = vec![b' '; 1024 * 1024];
            let mut left = p.spaces;
            while left > 0 {
                let n = left.min(megabyte.len());
                zip.write_all(&megabyte[..n]).unwrap();
                left -= n;
            }
        }
        zip.finish().unwrap().into_inner()
    }

    /// The parts every `.xlsx` has, with one sheet named `sheet` whose XML is `sheet_xml`.
    pub fn xlsx_parts(sheet: &str, sheet_xml: &str) -> Vec<(String, Vec<u8>)> {
        let workbook = format!(
            r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="{sheet}" sheetId="1" r:id="rId1"/></sheets></workbook>"#
        );
        vec![
            ("[Content_Types].xml".into(), br#"<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>"#.to_vec()),
            ("_rels/.rels".into(), br#"<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>"#.to_vec()),
            ("xl/workbook.xml".into(), workbook.into_bytes()),
            ("xl/_rels/workbook.xml.rels".into(), br#"<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>"#.to_vec()),
            ("xl/worksheets/sheet1.xml".into(), sheet_xml.as_bytes().to_vec()),
        ]
    }

    /// An `.xlsx` with one sheet `observations` holding `rows` (the XML of its `<row>`s), and
    /// these parts besides (shared strings, styles).
    pub fn xlsx(rows: &str, extra: &[(&str, &[u8])]) -> Vec<u8> {
        xlsx_with(rows, extra, |_| {})
    }

    /// [`xlsx`], its parts changed by `change` before they are zipped.
    pub fn xlsx_with(
        rows: &str,
        extra: &[(&str, &[u8])],
        change: impl FnOnce(&mut Vec<Part<'_>>),
    ) -> Vec<u8> {
        let sheet = sheet_xml(rows);
        let mut parts = xlsx_parts("observations", &sheet);
        parts.extend(extra.iter().map(|(n, b)| (n.to_string(), b.to_vec())));
        let mut parts: Vec<Part<'_>> = parts.iter().map(|(n, b)| part(n, b)).collect();
        change(&mut parts);
        zip(&parts)
    }

    /// A sheet's XML with these rows.
    pub fn sheet_xml(rows: &str) -> String {
        format!(
            r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>{rows}</sheetData></worksheet>"#
        )
    }

    /// A cell of inline text, at `at` (`A1`).
    pub fn text_cell(at: &str, text: &str) -> String {
        format!(r#"<c r="{at}" t="inlineStr"><is><t>{text}</t></is></c>"#)
    }

    /// The header row of the basic fixture's observations, in row 1.
    pub fn observation_header() -> String {
        let cells: String = ["city", "indicator", "date", "value", "source"]
            .iter()
            .zip(["A1", "B1", "C1", "D1", "E1"])
            .map(|(h, at)| text_cell(at, h))
            .collect();
        format!(r#"<row r="1">{cells}</row>"#)
    }

    /// An `.ods` whose `content.xml` holds `tables` (the XML of its `<table:table>`s).
    pub fn ods(tables: &str) -> Vec<u8> {
        let content = format!(
            r#"<?xml version="1.0" encoding="UTF-8"?><office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.2"><office:body><office:spreadsheet>{tables}</office:spreadsheet></office:body></office:document-content>"#
        );
        ods_with_manifest(&content, super::ODS_MANIFEST)
    }

    /// An `.ods` of a whole `content.xml` and `styles.xml`, as a writer other than LibreOffice
    /// may keep its formats (named styles in `styles.xml`).
    pub fn ods_with_styles(content: &str, styles: &str) -> Vec<u8> {
        ods_of(
            super::ODS_MANIFEST,
            vec![
                part("styles.xml", styles.as_bytes()),
                part("content.xml", content.as_bytes()),
            ],
        )
    }

    pub fn ods_with_manifest(content: &str, manifest: &str) -> Vec<u8> {
        ods_of(manifest, vec![part("content.xml", content.as_bytes())])
    }

    /// An `.ods`: its stored `mimetype` first (as the format requires), `manifest`, then `parts`.
    fn ods_of<'a>(manifest: &'a str, parts: Vec<Part<'a>>) -> Vec<u8> {
        let mut all = vec![
            Part {
                name: "mimetype",
                bytes: b"application/vnd.oasis.opendocument.spreadsheet",
                deflate: false,
                spaces: 0,
            },
            part("META-INF/manifest.xml", manifest.as_bytes()),
        ];
        all.extend(parts);
        zip(&all)
    }

    /// A BIFF record: its type, its length, its data.
    pub fn record(kind: u16, data: &[u8]) -> Vec<u8> {
        let mut r = kind.to_le_bytes().to_vec();
        r.extend((data.len() as u16).to_le_bytes());
        r.extend(data);
        r
    }

    /// A BIFF8 beginning-of-file record (`sheet`: a worksheet's, else the workbook's).
    pub fn bof(sheet: bool) -> Vec<u8> {
        let kind: u16 = if sheet { 0x0010 } else { 0x0005 };
        let mut data = 0x0600u16.to_le_bytes().to_vec();
        data.extend(kind.to_le_bytes());
        data.extend([0u8; 12]);
        record(0x0809, &data)
    }

    pub fn eof() -> Vec<u8> {
        record(0x000A, &[])
    }

    /// An `.xls` with one sheet named `observations` made of these records (between its BOF
    /// and EOF), and these records in the workbook's globals besides.
    pub fn xls(globals: &[Vec<u8>], sheet: &[Vec<u8>]) -> Vec<u8> {
        let name = "observations";
        let boundsheet = |position: u32| {
            let mut data = position.to_le_bytes().to_vec();
            data.extend([0u8, 0u8, name.len() as u8, 0u8]);
            data.extend(name.as_bytes());
            record(0x0085, &data)
        };
        let mut head = bof(false);
        for g in globals {
            head.extend(g);
        }
        let position = (head.len() + boundsheet(0).len() + eof().len()) as u32;
        head.extend(boundsheet(position));
        head.extend(eof());
        head.extend(bof(true));
        for r in sheet {
            head.extend(r);
        }
        head.extend(eof());
        compound_file(&[("/Workbook", &head)])
    }

    /// An OLE compound file with these streams.
    pub fn compound_file(streams: &[(&str, &[u8])]) -> Vec<u8> {
        let mut file = cfb::CompoundFile::create(std::io::Cursor::new(Vec::new())).unwrap();
        for (path, bytes) in streams {
            file.create_stream(path).unwrap().write_all(bytes).unwrap();
        }
        file.flush().unwrap();
        file.into_inner().into_inner()
    }
}

const ODS_MANIFEST: &str = r#"<?xml version="1.0" encoding="UTF-8"?>
<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.2"><manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/><manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/></manifest:manifest>"#;
