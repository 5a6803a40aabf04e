//! Hostile Word files: each is read by a child process (this test binary again, running
//! [`child_reads_the_word_file_it_is_given`]) under a memory limit, as the site's reader will
//! read it (its size first, then at most [`docx::limits::FILE_BYTES`]), and must end in a
//! clear message (or a page with a note) — no panic, no crash, no memory past the limit.
//!
//! The files are made here, not kept in the repository: a zip bomb (honest, lying about its
//! size, packed past any real ratio, and thousands of parts), an XML entity bomb and an
//! external entity, files that are no zip, a macro-enabled `.docm`, pictures linked outside
//! the file or out of the package, an encrypted file (OLE and zip), a 200 MB file, and the
//! rest of the self-attack (nesting, element count, duplicate names, UTF-16, an SVG picture).

use std::io::{Read, Write};
use std::path::Path;
use std::process::Command;

use stdportal::docx;

use crate::support::word::{document, minimal, zip, CONTENT_TYPES, ROOT_RELS};

/// The environment variable that makes [`child_reads_the_word_file_it_is_given`] read a file.
const CHILD_FILE: &str = "STDPORTAL_WORD_CHILD_FILE";
const CHILD_LANG: &str = "STDPORTAL_WORD_CHILD_LANG";

/// The memory (virtual, as `ulimit -v` counts it) a child may use: room for the test binary
/// itself and for the heaviest file here, parsed up to the element limit (2.1 million elements stored
/// flat: about 200 MB resident, measured with `examples/docx_dump`), and far less than the
/// 300 MB zip bomb would take unpacked and parsed.
const MEMORY_KB: u64 = 1_200_000;

/// The child half of every test below: with [`CHILD_FILE`] set, reads that file as the site
/// will and prints `READ` and the outline, or `REFUSED` and the message. Without it (a plain
/// `cargo test`), it has nothing to read and returns.
#[test]
fn child_reads_the_word_file_it_is_given() {
    let Some(path) = std::env::var_os(CHILD_FILE) else {
        return;
    };
    let path = Path::new(&path);
    if let Some(lang) = std::env::var_os(CHILD_LANG) {
        let lang = match lang.to_str() {
            Some("zh-Hans") => stdportal::i18n::Lang::ZhHans,
            Some("zh-Hant") => stdportal::i18n::Lang::ZhHant,
            _ => stdportal::i18n::Lang::En,
        };
        stdportal::i18n::set_language(lang);
    }
    let size = std::fs::metadata(path).unwrap().len();
    let result = if size > docx::limits::FILE_BYTES {
        Err(docx::Problem::TooLarge { bytes: size })
    } else {
        let mut bytes = Vec::new();
        std::fs::File::open(path)
            .unwrap()
            .take(docx::limits::FILE_BYTES + 1)
            .read_to_end(&mut bytes)
            .unwrap();
        docx::read(&bytes, "hostile.docx")
    };
    let mut out = std::io::stdout().lock();
    match result {
        Ok(document) => writeln!(out, "READ\n{}", document.outline()).unwrap(),
        Err(problem) => writeln!(out, "REFUSED\n{}", problem.diagnostic(path)).unwrap(),
    }
}

/// What the child said about `bytes` (written to a file named `name`), in `lang`.
fn read_in_child(name: &str, bytes: &[u8], lang: &str) -> String {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join(name);
    std::fs::write(&path, bytes).unwrap();
    child(&path, lang)
}

fn child(path: &Path, lang: &str) -> String {
    let exe = std::env::current_exe().unwrap();
    let output = Command::new("sh")
        .arg("-c")
        .arg(format!("ulimit -v {MEMORY_KB}; exec \"$0\" \"$@\""))
        .arg(exe)
        .args([
            "word_hostile::child_reads_the_word_file_it_is_given",
            "--exact",
            "--nocapture",
            "--test-threads=1",
        ])
        .env(CHILD_FILE, path)
        .env(CHILD_LANG, lang)
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&output.stdout).into_owned();
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        output.status.success(),
        "{}: the child failed ({}):\n{stdout}\n{stderr}",
        path.display(),
        output.status
    );
    assert!(!stderr.contains("panicked"), "{stderr}");
    // The harness's own lines around the child's.
    let start = stdout
        .find("READ\n")
        .or_else(|| stdout.find("REFUSED\n"))
        .unwrap_or_else(|| panic!("no result from the child:\n{stdout}\n{stderr}"));
    let end = stdout.rfind("\ntest ").unwrap_or(stdout.len());
    stdout[start..end.max(start)].trim_end().to_string()
}

fn refused(name: &str, bytes: &[u8], expected: &[&str]) -> String {
    let said = read_in_child(name, bytes, "en");
    assert!(
        said.starts_with("REFUSED\n"),
        "{name} was read:\n{}",
        short(&said)
    );
    for part in expected {
        assert!(
            said.contains(part),
            "{name}: “{part}” not in:\n{}",
            short(&said)
        );
    }
    said
}

/// The start of what a child said (a bomb that is read says a lot).
fn short(said: &str) -> String {
    said.chars().take(3000).collect()
}

fn read_with_notes(name: &str, bytes: &[u8], expected: &[&str]) -> String {
    let said = read_in_child(name, bytes, "en");
    assert!(
        said.starts_with("READ\n"),
        "{name} was refused:\n{}",
        short(&said)
    );
    for part in expected {
        assert!(
            said.contains(part),
            "{name}: “{part}” not in:\n{}",
            short(&said)
        );
    }
    said
}

/// A `.docx` whose document's one paragraph holds `megabytes` MB of the letter a, streamed into
/// the zip (never whole in memory).
fn bomb(megabytes: usize) -> Vec<u8> {
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let options = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated)
        .large_file(true);
    zip.start_file("[Content_Types].xml", options).unwrap();
    zip.write_all(CONTENT_TYPES.as_bytes()).unwrap();
    zip.start_file("_rels/.rels", options).unwrap();
    zip.write_all(ROOT_RELS.as_bytes()).unwrap();
    zip.start_file("word/document.xml", options).unwrap();
    let (head, tail) = document("<w:p><w:r><w:t>\u{0}</w:t></w:r></w:p>")
        .split_once('\u{0}')
        .map(|(a, b)| (a.to_string(), b.to_string()))
        .unwrap();
    zip.write_all(head.as_bytes()).unwrap();
    let chunk = vec![b'a'; 1024 * 1024];
    for _ in 0..megabytes {
        zip.write_all(&chunk).unwrap();
    }
    zip.write_all(tail.as_bytes()).unwrap();
    zip.finish().unwrap().into_inner()
}

/// Sets the uncompressed size that the local header and the central directory give
/// `part` (a zip that lies about how much a part unpacks to).
fn declare_size(zip_bytes: &mut [u8], part: &str, size: u32) {
    let name = part.as_bytes();
    let mut patched = 0;
    for i in 0..zip_bytes.len().saturating_sub(46 + name.len()) {
        let local = &zip_bytes[i..i + 4] == b"PK\x03\x04"
            && &zip_bytes[i + 30..i + 30 + name.len()] == name;
        let central = &zip_bytes[i..i + 4] == b"PK\x01\x02"
            && &zip_bytes[i + 46..i + 46 + name.len()] == name;
        if local {
            zip_bytes[i + 22..i + 26].copy_from_slice(&size.to_le_bytes());
            patched += 1;
        } else if central {
            zip_bytes[i + 24..i + 28].copy_from_slice(&size.to_le_bytes());
            patched += 1;
        }
    }
    assert_eq!(patched, 2, "{part}");
}

/// Sets the "encrypted" flag of every part, as ZipCrypto and AES zips have it.
fn mark_encrypted(zip_bytes: &mut [u8]) {
    for i in 0..zip_bytes.len().saturating_sub(10) {
        if &zip_bytes[i..i + 4] == b"PK\x03\x04" {
            zip_bytes[i + 6] |= 1;
        } else if &zip_bytes[i..i + 4] == b"PK\x01\x02" {
            zip_bytes[i + 8] |= 1;
        }
    }
}

/// An OLE compound file with the given streams (names and contents).
fn ole(streams: &[(&str, &[u8])]) -> Vec<u8> {
    let mut file = cfb::CompoundFile::create(std::io::Cursor::new(Vec::new())).unwrap();
    for (name, bytes) in streams {
        let mut stream = file.create_stream(format!("/{name}")).unwrap();
        stream.write_all(bytes).unwrap();
    }
    file.flush().unwrap();
    file.into_inner().into_inner()
}

const HINT_DAMAGED: &str = "help: this file was not saved by Word, WPS or LibreOffice as it is, or it was made to exhaust the computer's memory";

#[test]
fn a_zip_bomb_is_refused_by_its_declared_size_before_it_is_unpacked() {
    refused(
        "bomb.docx",
        &bomb(300),
        &[
            "bomb.docx: error: the part \"word/document.xml\" of this Word file unpacks to 301 MB: a part of more than 64 MB is not read",
            HINT_DAMAGED,
        ],
    );
}

#[test]
fn a_zip_bomb_that_lies_about_its_size_is_stopped_while_it_unpacks() {
    let mut bytes = bomb(300);
    declare_size(&mut bytes, "word/document.xml", 4000);
    refused(
        "liar.docx",
        &bytes,
        &[
            "the part \"word/document.xml\" of this Word file cannot be read",
            "help: open it in Word or WPS and save it again as a Word document (.docx)",
        ],
    );
}

#[test]
fn a_part_packed_past_any_real_ratio_is_refused() {
    refused(
        "ratio.docx",
        &bomb(20),
        &[
            "the part \"word/document.xml\" of this Word file is stored",
            "times smaller than its content",
            "a part packed more than 200 times is not read",
            HINT_DAMAGED,
        ],
    );
}

#[test]
fn thousands_of_parts_are_refused_before_any_is_read() {
    let empty: &[u8] = b"";
    let names: Vec<String> = (0..10_001)
        .map(|i| format!("word/media/x{i}.png"))
        .collect();
    let mut parts: Vec<(&str, &[u8])> = vec![("[Content_Types].xml", CONTENT_TYPES.as_bytes())];
    parts.extend(names.iter().map(|n| (n.as_str(), empty)));
    refused(
        "parts.docx",
        &zip(&parts),
        &["this Word file is a zip of 10,002 parts: a Word file has far fewer, and one of more than 10,000 is not read", HINT_DAMAGED],
    );
}

#[test]
fn an_entity_bomb_and_an_external_entity_are_refused_by_their_document_type() {
    let laughs = r#"<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;"><!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;"><!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;"><!ENTITY lol9 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">]><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>&lol9;</w:t></w:r></w:p></w:body></w:document>"#;
    refused(
        "laughs.docx",
        &minimal(laughs),
        &["the part \"word/document.xml\" of this Word file declares a document type with entities, which Word never writes", HINT_DAMAGED],
    );
    let xxe = r#"<?xml version="1.0"?><!DOCTYPE r [<!ENTITY x SYSTEM "file:///etc/passwd">]><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>&x;</Relationships>"#;
    let said = refused(
        "xxe.docx",
        &zip(&[
            ("[Content_Types].xml", CONTENT_TYPES.as_bytes()),
            ("_rels/.rels", xxe.as_bytes()),
            ("word/document.xml", document("").as_bytes()),
        ]),
        &["the part \"_rels/.rels\" of this Word file declares a document type"],
    );
    assert!(!said.contains("root:"), "{said}");
}

#[test]
fn files_that_are_no_word_file_say_what_they_are() {
    for (name, bytes, expected) in [
        ("empty.docx", b"".to_vec(), "this .docx file is not a Word document: it is empty"),
        ("page.docx", b"<html><body><p>\xe9\x80\x9a\xe7\x9f\xa5</p></body></html>".to_vec(), "this .docx file is not a Word document: it is a web page (HTML)"),
        ("scan.docx", b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj".to_vec(), "this .docx file is not a Word document: it is a PDF"),
        ("text.docx", "关于印发的通知\n".as_bytes().to_vec(), "this .docx file is not a Word document: it is plain text"),
        ("noise.docx", (0..4096u32).map(|i| (i.wrapping_mul(2_654_435_761) >> 13) as u8).collect(), "this .docx file is not a Word document: its content is no format a word processor writes"),
        ("sheet.docx", zip(&[("[Content_Types].xml", CONTENT_TYPES.as_bytes()), ("xl/workbook.xml", b"<workbook/>")]), "this .docx file is not a Word document: it is a spreadsheet"),
        ("truncated.docx", bomb(1)[..2000].to_vec(), "this Word file cannot be read"),
    ] {
        refused(name, &bytes, &[expected, "help:"]);
    }
    refused(
        "scan.docx",
        b"%PDF-1.7\n",
        &["help: a PDF is published as an attachment (put it in static/ and link to it); a page for it needs its text as Markdown or as a .docx"],
    );
}

#[test]
fn older_word_processor_files_are_told_apart_by_their_first_bytes() {
    refused(
        "old.doc",
        &ole(&[("WordDocument", b"\xec\xa5\xc1\x00"), ("1Table", b"")]),
        &["this .doc file is a Word 97–2003 document, a format this reader does not read directly", "install LibreOffice (soffice)"],
    );
    // Kingsoft WPS writes the Word 97–2003 format under .wps; Microsoft Works does not.
    refused(
        "kingsoft.wps",
        &ole(&[("WordDocument", b"\xec\xa5"), ("1Table", b"")]),
        &[
            "this .wps file is a Word 97–2003 document",
            "WPS: 文件 ▸ 另存为 ▸ Word 文件 (*.docx)",
        ],
    );
    refused(
        "works.wps",
        &ole(&[("CONTENTS", b""), ("MatOST", b"")]),
        &["this .wps file is a Microsoft Works document"],
    );
    refused(
        "works-dos.wps",
        b"\x01\xfe\x00\x00\x00\x00",
        &["this .wps file is a Microsoft Works document"],
    );
}

#[test]
fn a_macro_enabled_document_is_read_without_its_macros() {
    let types = CONTENT_TYPES.replace(
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml",
        "application/vnd.ms-word.document.macroEnabled.main+xml",
    );
    let said = read_with_notes(
        "macros.docm",
        &zip(&[
            ("[Content_Types].xml", types.as_bytes()),
            ("_rels/.rels", ROOT_RELS.as_bytes()),
            ("word/document.xml", document("<w:p><w:r><w:t>各县(市、区)人民政府,市政府各部门:</w:t></w:r></w:p>").as_bytes()),
            ("word/vbaProject.bin", b"\xd0\xcf\x11\xe0 Sub AutoOpen() Shell(\"calc\") End Sub"),
        ]),
        &["info [word-macros]: the document holds macros (a .docm): they are neither run nor published", "各县(市、区)人民政府"],
    );
    assert!(!said.contains("AutoOpen"), "{said}");
}

#[test]
fn pictures_outside_the_file_are_never_fetched_and_references_out_of_the_package_lead_nowhere() {
    let rels = r#"<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/image" Target="http://127.0.0.1:9/track.png" TargetMode="External"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/image" Target="file:///etc/passwd" TargetMode="External"/><Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/image" Target="../../../../../etc/passwd"/><Relationship Id="rId4" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/image" Target="/etc/passwd"/></Relationships>"#;
    let picture = |attr: &str| {
        format!(
            r#"<w:r><w:drawing xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" xmlns:pic="http://schemas.openxmlformats.org/drawingml/2006/picture"><wp:inline><wp:docPr id="1" name="p" descr="图"/><a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/picture"><pic:pic><pic:blipFill><a:blip {attr}/></pic:blipFill></pic:pic></a:graphicData></a:graphic></wp:inline></w:drawing></w:r>"#
        )
    };
    let body = format!(
        "<w:p>{}</w:p><w:p>{}</w:p><w:p>{}</w:p><w:p>{}</w:p>",
        picture(r#"r:link="rId1""#),
        picture(r#"r:embed="rId2""#),
        picture(r#"r:embed="rId3""#),
        picture(r#"r:embed="rId4""#)
    );
    let said = read_with_notes(
        "links.docx",
        &zip(&[
            ("[Content_Types].xml", CONTENT_TYPES.as_bytes()),
            ("_rels/.rels", ROOT_RELS.as_bytes()),
            ("word/document.xml", document(&body).as_bytes()),
            ("word/_rels/document.xml.rels", rels.as_bytes()),
        ]),
        &[
            "warning [word-external-picture]: paragraph 1: a picture is linked to “http://127.0.0.1:9/track.png” outside the file, and is neither fetched nor published",
            "warning [word-external-picture]: paragraph 2: a picture is linked to “file:///etc/passwd” outside the file",
            "warning [word-picture-broken]: paragraph 3: a picture refers to a part that is not in the Word file",
            "warning [word-picture-missing]: paragraph 4: a picture's file “etc/passwd” is missing from the Word file",
        ],
    );
    assert!(
        !said.contains("root:") && !said.contains("--- images"),
        "{said}"
    );
}

#[test]
fn an_encrypted_file_asks_for_its_password_to_be_removed() {
    let hint = "help: open it in Word or WPS with the password, remove the password";
    refused(
        "secret.docx",
        &ole(&[
            ("EncryptionInfo", b"\x04\x00\x04\x00"),
            ("EncryptedPackage", b"\x00\x10\x00\x00"),
        ]),
        &[
            "this Word file is protected by a password, so its text cannot be read",
            hint,
        ],
    );
    let mut bytes = minimal(&document("<w:p/>"));
    mark_encrypted(&mut bytes);
    refused(
        "zipcrypto.docx",
        &bytes,
        &["this Word file is protected by a password", hint],
    );
}

#[test]
fn a_200_mb_file_is_refused_by_its_size_without_being_read() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("huge.docx");
    let file = std::fs::File::create(&path).unwrap();
    // Sparse: 200 MB that take no disk.
    file.set_len(200 * 1024 * 1024).unwrap();
    let said = child(&path, "en");
    assert!(said.contains("huge.docx: error: this Word file is 200 MB: a Word file of more than 100 MB is not read"), "{said}");
    assert!(
        said.contains("help: make the file smaller: in Word, File ▸ Compress Pictures"),
        "{said}"
    );
    let said = child(&path, "zh-Hans");
    assert!(
        said.contains("huge.docx：错误：这个 Word 文件有 200 MB：超过 100 MB 的 Word 文件不予读取")
            || said.contains("这个 Word 文件有 200 MB：超过 100 MB 的 Word 文件不予读取"),
        "{said}"
    );
    // And given the bytes, the reader refuses them before anything else.
    let bytes = vec![b'P'; docx::limits::FILE_BYTES as usize + 1];
    assert_eq!(
        docx::read(&bytes, "huge.docx"),
        Err(docx::Problem::TooLarge {
            bytes: docx::limits::FILE_BYTES + 1
        })
    );
}

#[test]
fn nesting_element_counts_and_other_damage_end_in_a_message() {
    let deep = document(&format!(
        "{}{}",
        "<w:sdt><w:sdtContent>".repeat(200),
        "</w:sdtContent></w:sdt>".repeat(200)
    ));
    refused("deep.docx", &minimal(&deep), &["the part \"word/document.xml\" of this Word file nests XML elements more than 256 deep", HINT_DAMAGED]);
    // Stored, not deflated: packed, so many alike elements would be refused by their ratio.
    let many = document(&"<w:p/>".repeat(2_100_000));
    let stored = {
        let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
        let options = zip::write::SimpleFileOptions::default()
            .compression_method(zip::CompressionMethod::Stored);
        for (name, text) in [
            ("[Content_Types].xml", CONTENT_TYPES),
            ("_rels/.rels", ROOT_RELS),
            ("word/document.xml", many.as_str()),
        ] {
            zip.start_file(name, options).unwrap();
            zip.write_all(text.as_bytes()).unwrap();
        }
        zip.finish().unwrap().into_inner()
    };
    refused(
        "many.docx",
        &stored,
        &[
            "the part \"word/document.xml\" of this Word file has more than 2,000,000 XML elements",
            "help: make the file smaller",
        ],
    );
    refused(
        "twice.docx",
        &zip(&[
            ("[Content_Types].xml", CONTENT_TYPES.as_bytes()),
            ("_rels/.rels", ROOT_RELS.as_bytes()),
            ("word/document.xml", document("<w:p/>").as_bytes()),
            ("word/Document.xml", document("<w:p><w:r><w:t>另一份</w:t></w:r></w:p>").as_bytes()),
        ]),
        &["this Word file holds two parts of the same name, which programs would read differently"],
    );
    refused(
        "nodoc.docx",
        &zip(&[
            ("[Content_Types].xml", CONTENT_TYPES.as_bytes()),
            ("word/styles.xml", b"<w:styles/>"),
        ]),
        &["this zip file holds no Word document"],
    );
    let utf16: Vec<u8> = "\u{feff}<?xml version=\"1.0\" encoding=\"UTF-16\"?><w:document/>"
        .encode_utf16()
        .flat_map(|u| u.to_le_bytes())
        .collect();
    refused(
        "utf16.docx",
        &zip(&[
            ("[Content_Types].xml", CONTENT_TYPES.as_bytes()),
            ("_rels/.rels", ROOT_RELS.as_bytes()),
            ("word/document.xml", &utf16),
        ]),
        &["the part \"word/document.xml\" of this Word file cannot be read"],
    );
    // A style based on itself, numbering linked to itself, a span of a million columns, a
    // start of 4 billion: read, bounded.
    let styles = r#"<w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:style w:type="paragraph" w:styleId="A"><w:name w:val="heading 1"/><w:basedOn w:val="B"/></w:style><w:style w:type="paragraph" w:styleId="B"><w:basedOn w:val="A"/></w:style></w:styles>"#;
    let numbering = r#"<w:numbering xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:abstractNum w:abstractNumId="0"><w:numStyleLink w:val="S"/><w:styleLink w:val="S"/><w:lvl w:ilvl="0"><w:start w:val="4294967295"/><w:numFmt w:val="upperLetter"/><w:lvlText w:val="%1%1%1%9"/></w:lvl></w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num></w:numbering>"#;
    let rels = r#"<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering" Target="numbering.xml"/></Relationships>"#;
    let row = r#"<w:tr><w:tc><w:tcPr><w:gridSpan w:val="1000000"/><w:vMerge w:val="restart"/></w:tcPr><w:p/></w:tc></w:tr><w:tr><w:tc><w:tcPr><w:gridSpan w:val="1000000"/><w:vMerge/></w:tcPr><w:p/></w:tc></w:tr>"#;
    let body = format!(
        r#"<w:p><w:pPr><w:pStyle w:val="A"/><w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr></w:pPr><w:r><w:t>循环</w:t></w:r></w:p><w:p><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr></w:pPr><w:r><w:t>再一次</w:t></w:r></w:p><w:tbl>{}</w:tbl>"#,
        row.repeat(2000)
    );
    read_with_notes(
        "loops.docx",
        &zip(&[
            ("[Content_Types].xml", CONTENT_TYPES.as_bytes()),
            ("_rels/.rels", ROOT_RELS.as_bytes()),
            ("word/document.xml", document(&body).as_bytes()),
            ("word/_rels/document.xml.rels", rels.as_bytes()),
            ("word/styles.xml", styles.as_bytes()),
            ("word/numbering.xml", numbering.as_bytes()),
        ]),
        &["<td colspan=\"64\" rowspan=\"2\"></td>"],
    );
}

#[test]
fn an_svg_picture_is_never_written_beside_a_page() {
    let rels = r#"<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/image" Target="media/image1.png"/></Relationships>"#;
    let body = r#"<w:p><w:r><w:drawing xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"><wp:inline><wp:docPr id="1" name="p" descr="图"/><a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/picture"><a:blip r:embed="rId1"/></a:graphicData></a:graphic></wp:inline></w:drawing></w:r></w:p>"#;
    let said = read_with_notes(
        "svg.docx",
        &zip(&[
            ("[Content_Types].xml", CONTENT_TYPES.as_bytes()),
            ("_rels/.rels", ROOT_RELS.as_bytes()),
            ("word/document.xml", document(body).as_bytes()),
            ("word/_rels/document.xml.rels", rels.as_bytes()),
            ("word/media/image1.png", br#"<svg xmlns="http://www.w3.org/2000/svg" onload="alert(document.cookie)"/>"#),
        ]),
        &["warning [word-picture-format]: paragraph 1: a picture is in a format browsers do not show (svg) and is not published"],
    );
    assert!(
        !said.contains("--- images") && !said.contains("image-1"),
        "{said}"
    );
}

/// The messages in Simplified Chinese are the catalogue's, whole.
#[test]
fn hostile_files_are_explained_in_chinese_too() {
    let said = read_in_child("bomb.docx", &bomb(300), "zh-Hans");
    assert!(
        said.contains(
            "这个 Word 文件中的“word/document.xml”部分解压后有 301 MB：超过 64 MB 的部分不予读取"
        ),
        "{said}"
    );
    assert!(
        said.contains(
            "这个文件不是 Word、WPS 或 LibreOffice 原样保存的，或者是为了耗尽计算机内存而做的"
        ),
        "{said}"
    );
    let said = read_in_child("secret.docx", &ole(&[("EncryptedPackage", b"")]), "zh-Hant");
    assert!(
        said.contains("這個 Word 檔案設定了密碼，無法讀取其中的文字"),
        "{said}"
    );
}

/// Every hand-written fixture damaged 150 ways (ranges of its document deleted, doubled or
/// moved, pieces of Word markup dropped in anywhere: unclosed fields, merges with nothing
/// above, numbering at level 8, notes that do not exist, NUL and direction controls) is read
/// or refused; none panics. 1,050 documents.
#[test]
fn damaged_fixtures_are_read_or_refused_never_a_panic() {
    const SNIPPETS: [&str; 12] = [
        "<w:p>",
        "</w:tbl>",
        "<w:tc><w:tcPr><w:vMerge/><w:gridSpan w:val=\"63\"/></w:tcPr><w:p/></w:tc>",
        "<w:r><w:fldChar w:fldCharType=\"begin\"/></w:r>",
        "<w:r><w:fldChar w:fldCharType=\"separate\"/></w:r>",
        "<w:pPr><w:numPr><w:ilvl w:val=\"8\"/><w:numId w:val=\"1\"/></w:numPr></w:pPr>",
        "<w:r><w:footnoteReference w:id=\"99\"/></w:r>",
        "<w:r><w:t>&#x202E;附件&#xFEFF;</w:t></w:r>",
        "<w:r><w:t>&#0;</w:t></w:r>",
        "<w:r><w:br w:type=\"page\"/></w:r>",
        "<w:hyperlink r:id=\"rId99\"><w:r><w:t>x</w:t></w:r></w:hyperlink>",
        "<mc:AlternateContent><mc:Fallback><w:p/></mc:Fallback></mc:AlternateContent>",
    ];
    let mut state: u64 = 0x9E37_79B9_7F4A_7C15;
    let mut next = |n: usize| {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        (state % n.max(1) as u64) as usize
    };
    let mut read = 0;
    let mut refused = 0;
    for name in crate::support::word::xml_fixtures() {
        let dir = crate::support::word::fixtures().join("xml").join(&name);
        let mut files: Vec<(String, Vec<u8>)> = walkdir::WalkDir::new(&dir)
            .into_iter()
            .map(|e| e.unwrap())
            .filter(|e| e.file_type().is_file())
            .map(|e| {
                let rel = e
                    .path()
                    .strip_prefix(&dir)
                    .unwrap()
                    .to_string_lossy()
                    .replace('\\', "/");
                (rel, std::fs::read(e.path()).unwrap())
            })
            .collect();
        let k = files
            .iter()
            .position(|(n, _)| n == "word/document.xml")
            .unwrap();
        let original = files[k].1.clone();
        for _ in 0..150 {
            let mut doc = original.clone();
            for _ in 0..1 + next(3) {
                let len = doc.len();
                let (a, b) = {
                    let a = next(len);
                    (a, (a + next(400)).min(len))
                };
                match next(4) {
                    0 => {
                        doc.drain(a..b);
                    }
                    1 => {
                        let piece = doc[a..b].to_vec();
                        doc.splice(a..a, piece);
                    }
                    2 => {
                        let piece: Vec<u8> = doc.drain(a..b).collect();
                        let at = next(doc.len());
                        doc.splice(at..at, piece);
                    }
                    _ => {
                        let at = next(len);
                        doc.splice(at..at, SNIPPETS[next(SNIPPETS.len())].bytes());
                    }
                }
            }
            files[k].1 = doc;
            let parts: Vec<(&str, &[u8])> = files
                .iter()
                .map(|(n, b)| (n.as_str(), b.as_slice()))
                .collect();
            match docx::read(&zip(&parts), "damaged.docx") {
                Ok(document) => {
                    // What is read is written whole, and the writer's own escapes hold.
                    let _ = document.markdown_with_attachments();
                    read += 1;
                }
                Err(problem) => {
                    let _ = problem.diagnostic(Path::new("damaged.docx")).to_string();
                    refused += 1;
                }
            }
        }
    }
    eprintln!("damaged fixtures: {read} read, {refused} refused");
    assert_eq!(read + refused, 1050);
    // Both paths are taken: damage that XML survives is read, the rest refused.
    assert!(read > 50 && refused > 50, "read {read}, refused {refused}");
}

/// Text typed in Word that looks like markup or Markdown is shown as typed on the built page:
/// nothing in a document becomes an element, an attribute, a link or a heading.
#[test]
fn markup_typed_in_a_document_is_text_on_the_page() {
    let payloads = [
        "<script>alert(1)</script>",
        "<img src=x onerror=alert(2)>",
        "[点此](javascript:alert(3))",
        "![图](data:text/html,<script>alert(4)</script>)",
        "# 不是标题",
        "1. 不是列表",
        "> 不是引用",
        "---",
        "| a | b |",
        "[^1]: 不是脚注",
        "**不是粗体** `不是代码` ~~不是删除线~~ &lt;&amp;",
        "\\*反斜杠\\",
    ];
    let xml_text = |t: &str| {
        t.replace('&', "&amp;")
            .replace('<', "&lt;")
            .replace('>', "&gt;")
    };
    let mut body = String::new();
    for p in &payloads {
        body.push_str(&format!(
            "<w:p><w:r><w:t xml:space=\"preserve\">{}</w:t></w:r></w:p>",
            xml_text(p)
        ));
    }
    body.push_str(&format!(
        "<w:tbl><w:tr><w:tc><w:p><w:r><w:t>{}</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>{}</w:t></w:r></w:p></w:tc></w:tr></w:tbl>",
        xml_text("</td><script>alert(5)</script>"),
        xml_text("<a href=\"javascript:alert(6)\">x</a>")
    ));
    body.push_str(
        r#"<w:p><w:hyperlink r:id="rId1"><w:r><w:t>链接</w:t></w:r></w:hyperlink></w:p>"#,
    );
    let rels = r#"<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink" Target="https://example.gov.cn/a(1)&quot;&gt;&lt;script&gt;alert(7)&lt;/script&gt;" TargetMode="External"/></Relationships>"#;
    let bytes = zip(&[
        ("[Content_Types].xml", CONTENT_TYPES.as_bytes()),
        ("_rels/.rels", ROOT_RELS.as_bytes()),
        ("word/document.xml", document(&body).as_bytes()),
        ("word/_rels/document.xml.rels", rels.as_bytes()),
    ]);
    let d = docx::read(&bytes, "markup.docx").unwrap();
    let site = crate::support::TestSite::basic();
    site.config(
        "theme = \"default\"",
        "theme = \"default\"\nallow_raw_html = true",
    );
    site.page(
        "policies/markup.md",
        &format!(
            "+++\ntitle = \"标记\"\n+++\n\n{}\n",
            d.markdown_with_attachments()
        ),
    );
    site.built();
    let html = site.read("policies/markup/index.html");
    let main = &html[html.find("<main").unwrap()..html.find("</main>").unwrap()];
    for never in [
        "<script",
        "<img",
        "<h1>不是",
        "<ol",
        "<blockquote",
        "<hr",
        "<del",
        "<code",
        "footnote-definition",
    ] {
        assert!(!main.contains(never), "{never} on the page:\n{main}");
    }
    // No tag of the page carries a handler or a script address (the text may say them).
    for tag in main
        .split('<')
        .skip(1)
        .map(|t| t.split('>').next().unwrap_or(""))
    {
        assert!(
            !tag.contains("onerror") && !tag.contains("javascript"),
            "<{tag}> on the page"
        );
    }
    // (A short line numbered 1. is a heading of the 公文's fourth level, its text as typed; the
    // site's typography pass sets the colon after [^1] full-width.)
    for shown in [
        "&lt;script&gt;alert(1)&lt;/script&gt;",
        "# 不是标题",
        ">1. 不是列表</h2>",
        "**不是粗体**",
        "<p>[^1]：不是脚注</p>",
        "&lt;/td&gt;&lt;script&gt;alert(5)",
    ] {
        assert!(main.contains(shown), "{shown} not shown as typed:\n{main}");
    }
    assert!(
        main.contains("href=\"https://example.gov.cn/a%281%29"),
        "{main}"
    );
}

/// The hostile files in `content/` of a site built before: each stops the build (exit 1)
/// with a message naming it, and the previous `public/` stays as it was. (The reader runs in
/// the build's own process here; its memory is bounded by the limits the tests above hold in
/// a child under `ulimit -v`.)
#[test]
fn hostile_files_in_content_stop_the_build_and_leave_the_site_as_it_was() {
    let site = crate::support::TestSite::basic();
    site.built();
    let laughs = r#"<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol1 "&lol;&lol;&lol;">]><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>&lol1;</w:t></w:r></w:p></w:body></w:document>"#;
    let mut liar = bomb(300);
    declare_size(&mut liar, "word/document.xml", 4000);
    let mut zipcrypto = minimal(&document("<w:p/>"));
    mark_encrypted(&mut zipcrypto);
    let cases: Vec<(&str, Vec<u8>, &str)> = vec![
        ("bomb.docx", bomb(300), "unpacks to 301 MB"),
        ("liar.docx", liar, "cannot be read"),
        ("ratio.docx", bomb(20), "times smaller than its content"),
        ("laughs.docx", minimal(laughs), "declares a document type"),
        (
            "page.docx",
            b"<html><body></body></html>".to_vec(),
            "it is a web page (HTML)",
        ),
        (
            "secret.docx",
            ole(&[
                ("EncryptionInfo", b"\x04\x00\x04\x00"),
                ("EncryptedPackage", b"\x00\x10\x00\x00"),
            ]),
            "protected by a password",
        ),
        ("zipcrypto.docx", zipcrypto, "protected by a password"),
    ];
    for (name, bytes, expected) in cases {
        let rel = format!("content/policies/{name}");
        site.file(&rel, &bytes);
        site.rejected(&[&rel, expected]);
        site.remove(&rel);
    }
    // 200 MB: refused by its size before it is read.
    let huge = site.path("content/policies/huge.docx");
    std::fs::File::create(&huge)
        .unwrap()
        .set_len(200 * 1024 * 1024)
        .unwrap();
    site.rejected(&["content/policies/huge.docx", "200 MB", "100 MB"]);
    site.remove("content/policies/huge.docx");
    // A .docm and a picture linked outside the file are pages, with notes; nothing is fetched.
    let docm = minimal(&document(
        "<w:p><w:r><w:t>关于开展标准化试点工作的通知</w:t></w:r></w:p>",
    ));
    site.file("content/policies/macro.docm", &docm);
    site.built();
    assert!(site.public().join("policies/macro/index.html").is_file());
}
