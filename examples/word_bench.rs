//! Times reading a long 公文 from Word: a 60-page notice with 20 tables (merged cells) and 10
//! pictures, made from the example portal's text (content/policies/, content/interpretations/)
//! as Word writes it (automatic numbering, styles, footnotes). Reports the read (the
//! recogniser and the Markdown included), writing the page and its pictures to a folder (what
//! `import` will do), peak memory, and, when `scripts/compare-pandoc.sh` has installed it,
//! pandoc on the same file.
//!
//! ```sh
//! cargo run --release --example word_bench [-- RUNS]      # prints a Markdown report
//! ```

use std::fmt::Write as _;
use std::io::Write as _;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use stdportal::docx;

const PAGES: usize = 60;
/// Characters of a printed 公文 page (22 lines of 28, GB/T 9704).
const CHARS_PER_PAGE: usize = 22 * 28;
const TABLES: usize = 20;
const PICTURES: usize = 10;

fn main() {
    let runs: usize = std::env::args()
        .nth(1)
        .and_then(|a| a.parse().ok())
        .unwrap_or(5);
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let work = root.join("bench-results/tmp/word");
    std::fs::create_dir_all(&work).unwrap();
    let paragraphs = seed_paragraphs(root);
    let (docx_bytes, chars) = notice(&paragraphs);
    let file = work.join("notice-60-pages.docx");
    std::fs::write(&file, &docx_bytes).unwrap();

    let mut reads = Vec::new();
    let mut writes = Vec::new();
    let mut document = None;
    for _ in 0..runs {
        let start = Instant::now();
        let d = docx::read(&docx_bytes, "notice-60-pages.docx").expect("read");
        reads.push(start.elapsed());
        let start = Instant::now();
        let page = work.join("page");
        let _ = std::fs::remove_dir_all(&page);
        std::fs::create_dir_all(&page).unwrap();
        std::fs::write(page.join("index.md"), d.markdown_with_attachments()).unwrap();
        for image in &d.images {
            std::fs::write(page.join(&image.name), &image.bytes).unwrap();
        }
        writes.push(start.elapsed());
        document = Some(d);
    }
    let d = document.expect("at least one run");
    let pandoc = pandoc(root, &file, runs);
    let libreoffice = libreoffice(&work, &file, runs);
    let peak = peak_rss_mb();

    let mut out = String::new();
    let _ = writeln!(out, "# Reading a 60-page 公文 from Word\n");
    let _ = writeln!(
        out,
        "Machine: {} cores ({}). Commit {}. `cargo run --release --example word_bench -- {runs}`: median of {runs} runs.\n",
        std::thread::available_parallelism().map(|n| n.get()).unwrap_or(1),
        std::env::consts::OS,
        commit(root)
    );
    let _ = writeln!(
        out,
        "The file: {} KB, {PAGES} pages of text ({chars} characters, the example portal's policy texts), {TABLES} tables with merged cells, {PICTURES} pictures (noise PNGs of 150 KB, which do not compress), headings by Word's automatic numbering, footnotes; made by the benchmark as Word writes it.\n",
        docx_bytes.len() / 1024
    );
    let _ = writeln!(out, "| step | median (ms) | min (ms) | max (ms) |");
    let _ = writeln!(out, "|---|---|---|---|");
    for (name, times) in [
        ("`docx::read` (unzip, parse, recognise, Markdown)", &reads),
        ("write the page and its pictures", &writes),
    ] {
        let _ = writeln!(
            out,
            "| {name} | {:.1} | {:.1} | {:.1} |",
            ms(median(times)),
            ms(*times.iter().min().unwrap()),
            ms(*times.iter().max().unwrap())
        );
    }
    if let Some(times) = &pandoc {
        let _ = writeln!(
            out,
            "| pandoc 3 `-f docx -t gfm --extract-media` (a process) | {:.1} | {:.1} | {:.1} |",
            ms(median(times)),
            ms(*times.iter().min().unwrap()),
            ms(*times.iter().max().unwrap())
        );
    }
    if let Some(lo) = &libreoffice {
        let _ = writeln!(
            out,
            "| `docx::read` of the same document saved by LibreOffice {} ({} KB, {} KB of XML) | {:.1} | {:.1} | {:.1} |",
            lo.version,
            lo.bytes / 1024,
            lo.xml_bytes / 1024,
            ms(median(&lo.reads)),
            ms(*lo.reads.iter().min().unwrap()),
            ms(*lo.reads.iter().max().unwrap())
        );
        let _ = writeln!(
            out,
            "| the same as a Word 97–2003 `.doc`: `docx::legacy::convert` through `soffice`, first time | {:.1} | | |",
            ms(lo.convert_first)
        );
        let _ = writeln!(
            out,
            "| … from the cache | {:.1} | | |",
            ms(lo.convert_cached)
        );
    }
    let _ = writeln!(out);
    let _ = writeln!(
        out,
        "Peak memory of the benchmark process (VmHWM, all runs): {peak} MB. Result: {} characters of Markdown, {} headings, {} tables, {} pictures, {} footnotes, {} notes; title “{}”, {} attachment(s).",
        d.markdown.chars().count(),
        d.markdown.lines().filter(|l| l.starts_with('#')).count(),
        d.markdown.matches("<table>").count(),
        d.images.len(),
        d.markdown.lines().filter(|l| l.starts_with("[^")).count(),
        d.notes.len(),
        d.meta.title.as_ref().map(|t| t.value.as_str()).unwrap_or("-"),
        d.attachments.len()
    );
    print!("{out}");
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

fn median(times: &[Duration]) -> Duration {
    let mut sorted = times.to_vec();
    sorted.sort();
    sorted[sorted.len() / 2]
}

/// The paragraphs of the example portal's policy texts (front matter, headings' marks and
/// Markdown emphasis taken off).
fn seed_paragraphs(root: &Path) -> Vec<String> {
    let mut out = Vec::new();
    for folder in ["content/policies", "content/interpretations"] {
        let mut files: Vec<PathBuf> = std::fs::read_dir(root.join(folder))
            .unwrap()
            .map(|e| e.unwrap().path())
            .filter(|p| p.extension().is_some_and(|e| e == "md") && !p.ends_with("_index.md"))
            .collect();
        files.sort();
        for file in files {
            let text = std::fs::read_to_string(&file).unwrap();
            let body = text.splitn(3, "+++").nth(2).unwrap_or("");
            for line in body.lines() {
                let line = line
                    .trim_start_matches(['#', ' '])
                    .trim_start_matches(|c: char| c.is_ascii_digit() || c == '.')
                    .replace("**", "")
                    .trim()
                    .to_string();
                if line.chars().count() > 20 && !line.starts_with(['<', '[', '|', '!']) {
                    out.push(line);
                }
            }
        }
    }
    out
}

fn xml(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

fn para(text: &str) -> String {
    format!(
        r#"<w:p><w:pPr><w:ind w:firstLineChars="200"/></w:pPr><w:r><w:t>{}</w:t></w:r></w:p>"#,
        xml(text)
    )
}

fn numbered(level: u8, text: &str) -> String {
    format!(
        r#"<w:p><w:pPr><w:numPr><w:ilvl w:val="{level}"/><w:numId w:val="1"/></w:numPr></w:pPr><w:r><w:rPr><w:rFonts w:eastAsia="{}"/></w:rPr><w:t>{}</w:t></w:r></w:p>"#,
        if level == 0 {
            "黑体"
        } else {
            "楷体_GB2312"
        },
        xml(text)
    )
}

fn table(k: usize) -> String {
    let cell = |text: &str, extra: &str| {
        format!(
            r#"<w:tc><w:tcPr>{extra}</w:tcPr><w:p><w:r><w:t>{}</w:t></w:r></w:p></w:tc>"#,
            xml(text)
        )
    };
    let mut rows = String::new();
    rows.push_str(&format!(
        "<w:tr><w:trPr><w:tblHeader/></w:trPr>{}{}{}</w:tr>",
        cell("类别", r#"<w:vMerge w:val="restart"/>"#),
        cell("指标", r#"<w:vMerge w:val="restart"/>"#),
        cell("数量", r#"<w:gridSpan w:val="2"/>"#)
    ));
    rows.push_str(&format!(
        "<w:tr><w:trPr><w:tblHeader/></w:trPr>{}{}{}{}</w:tr>",
        cell("", "<w:vMerge/>"),
        cell("", "<w:vMerge/>"),
        cell("“十二五”末", ""),
        cell("2020年", "")
    ));
    let figures = [
        ("国际标准", "1项", "120项"),
        ("国家标准", "71项", ""),
        ("行业标准", "31项", ""),
        ("地方标准", "29项", "35项"),
    ];
    for (i, (name, before, after)) in figures.iter().enumerate() {
        let first = if i == 0 {
            r#"<w:vMerge w:val="restart"/>"#
        } else {
            "<w:vMerge/>"
        };
        let last = match i {
            0 => r#"<w:vMerge w:val="restart"/>"#,
            1 | 2 => "<w:vMerge/>",
            _ => "",
        };
        rows.push_str(&format!(
            "<w:tr>{}{}{}{}</w:tr>",
            cell(if i == 0 { "标准制修订" } else { "" }, first),
            cell(name, ""),
            cell(before, ""),
            cell(after, last)
        ));
    }
    format!(
        r#"<w:p><w:pPr><w:jc w:val="center"/></w:pPr><w:r><w:t>表{}　“十二五”末和2020年的标准化指标</w:t></w:r></w:p><w:tbl><w:tblGrid><w:gridCol/><w:gridCol/><w:gridCol/><w:gridCol/></w:tblGrid>{rows}</w:tbl>"#,
        k + 1
    )
}

fn picture(k: usize) -> String {
    format!(
        r#"<w:p><w:pPr><w:jc w:val="center"/></w:pPr><w:r><w:drawing><wp:inline><wp:extent cx="3810000" cy="2540000"/><wp:docPr id="{n}" name="图片 {n}" descr="示意图{n}"/><a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/picture"><pic:pic><pic:nvPicPr><pic:cNvPr id="{n}" name="image{n}.png"/><pic:cNvPicPr/></pic:nvPicPr><pic:blipFill><a:blip r:embed="rIdImage{n}"/></pic:blipFill><pic:spPr/></pic:pic></a:graphicData></a:graphic></wp:inline></w:drawing></w:r></w:p>"#,
        n = k + 1
    )
}

/// A PNG of noise (as a photograph or a scan compresses: hardly).
fn png(seed: u32) -> Vec<u8> {
    let (w, h) = (320u32, 160u32);
    let mut x = seed.wrapping_mul(2_654_435_761).max(1);
    let mut noise = move || {
        x ^= x << 13;
        x ^= x >> 17;
        x ^= x << 5;
        x as u8
    };
    // Each row: filter type 0, then its pixels.
    let raw: Vec<u8> = (0..h)
        .flat_map(|_| std::iter::once(0).chain((0..w * 3).map(|_| noise()).collect::<Vec<_>>()))
        .collect();
    let mut encoder = flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::default());
    encoder.write_all(&raw).unwrap();
    let data = encoder.finish().unwrap();
    let chunk = |kind: &[u8], body: &[u8]| {
        let mut c = Vec::new();
        c.extend_from_slice(&(body.len() as u32).to_be_bytes());
        c.extend_from_slice(kind);
        c.extend_from_slice(body);
        let mut crc = flate2::Crc::new();
        crc.update(kind);
        crc.update(body);
        c.extend_from_slice(&crc.sum().to_be_bytes());
        c
    };
    let mut ihdr = Vec::new();
    ihdr.extend_from_slice(&w.to_be_bytes());
    ihdr.extend_from_slice(&h.to_be_bytes());
    ihdr.extend_from_slice(&[8, 2, 0, 0, 0]);
    let mut out = b"\x89PNG\r\n\x1a\n".to_vec();
    out.extend(chunk(b"IHDR", &ihdr));
    out.extend(chunk(b"IDAT", &data));
    out.extend(chunk(b"IEND", b""));
    out
}

/// The notice as a `.docx`, and the characters of its text.
fn notice(paragraphs: &[String]) -> (Vec<u8>, usize) {
    let mut body = String::new();
    body.push_str(r#"<w:p><w:pPr><w:jc w:val="center"/></w:pPr><w:r><w:rPr><w:color w:val="FF0000"/><w:sz w:val="72"/></w:rPr><w:t>日照市人民政府文件</w:t></w:r></w:p>"#);
    body.push_str(r#"<w:p><w:pPr><w:jc w:val="center"/></w:pPr><w:r><w:t>示例发〔2017〕1号</w:t></w:r></w:p>"#);
    body.push_str(r#"<w:p><w:pPr><w:jc w:val="center"/></w:pPr><w:r><w:rPr><w:sz w:val="44"/></w:rPr><w:t>日照市人民政府关于印发日照市“十三五”质量发展规划的通知</w:t></w:r></w:p>"#);
    body.push_str(&para("各区县人民政府，市直有关部门："));
    let target = PAGES * CHARS_PER_PAGE;
    let mut chars = 0;
    let mut k = 0;
    let mut footnotes = String::new();
    let mut notes = 0;
    let (mut tables, mut pictures) = (0, 0);
    while chars < target {
        let text = &paragraphs[k % paragraphs.len()];
        if k % 12 == 0 {
            body.push_str(&numbered(0, "主要任务"));
        } else if k % 4 == 0 {
            body.push_str(&numbered(1, "实施标准化战略，发挥标准引领作用"));
        }
        if k % 9 == 5 && notes < 40 {
            notes += 1;
            body.push_str(&format!(
                r#"<w:p><w:r><w:t>{}</w:t></w:r><w:r><w:rPr><w:vertAlign w:val="superscript"/></w:rPr><w:footnoteReference w:id="{notes}"/></w:r></w:p>"#,
                xml(text)
            ));
            footnotes.push_str(&format!(
                r#"<w:footnote w:id="{notes}"><w:p><w:r><w:t>{}</w:t></w:r></w:p></w:footnote>"#,
                xml(&paragraphs[(k + 7) % paragraphs.len()])
            ));
        } else {
            body.push_str(&para(text));
        }
        chars += text.chars().count();
        k += 1;
        if tables < TABLES && chars * TABLES > (tables + 1) * target * 9 / 10 {
            body.push_str(&table(tables));
            tables += 1;
        }
        if pictures < PICTURES && chars * PICTURES > (pictures + 1) * target * 9 / 10 {
            body.push_str(&picture(pictures));
            pictures += 1;
        }
    }
    body.push_str(&para("附件：日照市标准化“十三五”发展规划（节选）"));
    body.push_str(
        r#"<w:p><w:pPr><w:jc w:val="right"/></w:pPr><w:r><w:t>日照市人民政府</w:t></w:r></w:p>"#,
    );
    body.push_str(
        r#"<w:p><w:pPr><w:jc w:val="right"/></w:pPr><w:r><w:t>2017年1月20日</w:t></w:r></w:p>"#,
    );
    let document = format!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" xmlns:pic="http://schemas.openxmlformats.org/drawingml/2006/picture"><w:body>{body}<w:sectPr/></w:body></w:document>"#
    );
    let numbering = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:numbering xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="%1、"/></w:lvl><w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="（%2）"/></w:lvl></w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num></w:numbering>"#;
    let footnotes = format!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:footnotes xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>{footnotes}</w:footnotes>"#
    );
    let mut rels = String::from(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rIdNumbering" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering" Target="numbering.xml"/><Relationship Id="rIdFootnotes" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/footnotes" Target="footnotes.xml"/>"#,
    );
    for n in 1..=PICTURES {
        let _ = write!(
            rels,
            r#"<Relationship Id="rIdImage{n}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/image" Target="media/image{n}.png"/>"#
        );
    }
    rels.push_str("</Relationships>");
    let types = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Default Extension="png" ContentType="image/png"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/><Override PartName="/word/numbering.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.numbering+xml"/><Override PartName="/word/footnotes.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml"/></Types>"#;
    let root_rels = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>"#;
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let deflated = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated);
    let stored =
        zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Stored);
    for (name, text) in [
        ("[Content_Types].xml", types),
        ("_rels/.rels", root_rels),
        ("word/document.xml", document.as_str()),
        ("word/_rels/document.xml.rels", rels.as_str()),
        ("word/numbering.xml", numbering),
        ("word/footnotes.xml", footnotes.as_str()),
    ] {
        zip.start_file(name, deflated).unwrap();
        zip.write_all(text.as_bytes()).unwrap();
    }
    for n in 1..=PICTURES {
        zip.start_file(format!("word/media/image{n}.png"), stored)
            .unwrap();
        zip.write_all(&png(n as u32)).unwrap();
    }
    (zip.finish().unwrap().into_inner(), chars)
}

/// Reading the document as LibreOffice saves it (more markup per run, as Word's own files have),
/// and the `.doc` path.
struct LibreOffice {
    version: String,
    bytes: usize,
    xml_bytes: usize,
    reads: Vec<Duration>,
    convert_first: Duration,
    convert_cached: Duration,
}

fn libreoffice(work: &Path, file: &Path, runs: usize) -> Option<LibreOffice> {
    let program = docx::legacy::program()?;
    let version = std::process::Command::new(&program)
        .arg("--version")
        .output()
        .ok()
        .and_then(|o| String::from_utf8(o.stdout).ok())
        .and_then(|v| v.split_whitespace().nth(1).map(str::to_string))
        .unwrap_or_default();
    let profile = work.join("profile");
    let profile_url = format!("file://{}", profile.display());
    let convert = |to: &str, dir: &Path| {
        std::process::Command::new(&program)
            .arg(format!("-env:UserInstallation={profile_url}"))
            .args(["--headless", "--norestore", "--convert-to", to, "--outdir"])
            .arg(dir)
            .arg(file)
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::null())
            .status()
            .ok()
            .filter(|s| s.success())
    };
    let lo_dir = work.join("libreoffice");
    std::fs::create_dir_all(&lo_dir).ok()?;
    convert("docx:MS Word 2007 XML", &lo_dir)?;
    convert("doc:MS Word 97", &lo_dir)?;
    let saved = std::fs::read(lo_dir.join("notice-60-pages.docx")).ok()?;
    let xml_bytes = {
        let mut archive = zip::ZipArchive::new(std::io::Cursor::new(&saved)).ok()?;
        let size = archive.by_name("word/document.xml").ok()?.size();
        size as usize
    };
    let mut reads = Vec::new();
    for _ in 0..runs {
        let start = Instant::now();
        docx::read(&saved, "notice-60-pages.docx").ok()?;
        reads.push(start.elapsed());
    }
    let doc = std::fs::read(lo_dir.join("notice-60-pages.doc")).ok()?;
    let cache = work.join("cache");
    let _ = std::fs::remove_dir_all(&cache);
    let kind = docx::legacy::kind(&doc)?;
    let start = Instant::now();
    docx::legacy::convert(&doc, kind, &cache).ok()?;
    let convert_first = start.elapsed();
    let start = Instant::now();
    docx::legacy::convert(&doc, kind, &cache).ok()?;
    let convert_cached = start.elapsed();
    Some(LibreOffice {
        version,
        bytes: saved.len(),
        xml_bytes,
        reads,
        convert_first,
        convert_cached,
    })
}

/// The process's peak resident memory, from /proc (Linux), in MB.
fn peak_rss_mb() -> u64 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines().find(|l| l.starts_with("VmHWM:")).and_then(|l| {
                l.split_whitespace()
                    .nth(1)
                    .and_then(|k| k.parse::<u64>().ok())
            })
        })
        .map(|kb| kb / 1024)
        .unwrap_or(0)
}

/// pandoc on the same file, when `scripts/compare-pandoc.sh` installed it.
fn pandoc(root: &Path, file: &Path, runs: usize) -> Option<Vec<Duration>> {
    let venv = root.join("target/pandoc-venv/bin/python");
    let output = std::process::Command::new(venv)
        .args(["-c", "import pypandoc; print(pypandoc.get_pandoc_path())"])
        .output()
        .ok()?;
    let pandoc = String::from_utf8(output.stdout).ok()?.trim().to_string();
    if pandoc.is_empty() {
        return None;
    }
    let media = file.with_extension("pandoc-media");
    let mut times = Vec::new();
    for _ in 0..runs {
        let start = Instant::now();
        let status = std::process::Command::new(&pandoc)
            .args(["--from", "docx", "--to", "gfm", "--extract-media"])
            .arg(&media)
            .arg(file)
            .arg("-o")
            .arg(file.with_extension("pandoc.md"))
            .status()
            .ok()?;
        times.push(start.elapsed());
        if !status.success() {
            return None;
        }
    }
    Some(times)
}

fn commit(root: &Path) -> String {
    std::process::Command::new("git")
        .args(["rev-parse", "--short", "HEAD"])
        .current_dir(root)
        .output()
        .ok()
        .and_then(|o| String::from_utf8(o.stdout).ok())
        .map(|s| s.trim().to_string())
        .unwrap_or_else(|| "?".into())
}
