//! Shows what the Word reader makes of a 公文: the elements it recognised (each with the
//! paragraph it came from), the Markdown, the attachments, the pictures and the notes.
//!
//! ```sh
//! cargo run --example docx_dump -- FILE.docx [--lang zh-Hans|zh-Hant|en] [--images DIR]
//! ```
//!
//! A `.doc` or `.wps` file is converted with LibreOffice first (cached in `target/docx-cache`).
//! `--images DIR` writes the pictures there. Exit status 1 when the file is not read.

use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use stdportal::docx;
use stdportal::i18n::{set_language, Lang};

fn main() -> ExitCode {
    let mut args = std::env::args().skip(1);
    let mut file: Option<PathBuf> = None;
    let mut images: Option<PathBuf> = None;
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--lang" => {
                let lang = match args.next().as_deref() {
                    Some("zh-Hans") => Lang::ZhHans,
                    Some("zh-Hant") => Lang::ZhHant,
                    _ => Lang::En,
                };
                set_language(lang);
            }
            "--images" => images = args.next().map(PathBuf::from),
            _ => file = Some(PathBuf::from(arg)),
        }
    }
    let Some(file) = file else {
        eprintln!("usage: docx_dump FILE.docx [--lang zh-Hans|zh-Hant|en] [--images DIR]");
        return ExitCode::from(2);
    };
    // Too large to read at all: said from its size, before reading it.
    if let Ok(meta) = std::fs::metadata(&file) {
        if meta.len() > docx::limits::FILE_BYTES {
            let problem = docx::Problem::TooLarge { bytes: meta.len() };
            eprintln!("{}", problem.diagnostic(&file));
            return ExitCode::FAILURE;
        }
    }
    let bytes = match read_bounded(&file) {
        Ok(bytes) => bytes,
        Err(e) => {
            eprintln!("{}: {e}", file.display());
            return ExitCode::FAILURE;
        }
    };
    let name = file
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let bytes = match docx::legacy::kind(&bytes) {
        Some(kind) => {
            let cache = Path::new(env!("CARGO_MANIFEST_DIR")).join("target/docx-cache");
            match docx::legacy::convert(&bytes, kind, &cache) {
                Ok(converted) => converted,
                Err(problem) => {
                    eprintln!("{}", problem.diagnostic(&file));
                    return ExitCode::FAILURE;
                }
            }
        }
        None => bytes,
    };
    match docx::read(&bytes, &name) {
        Ok(document) => {
            print!("{}", document.outline());
            if let Some(dir) = images {
                for image in &document.images {
                    if let Err(e) = std::fs::create_dir_all(&dir)
                        .and_then(|()| std::fs::write(dir.join(&image.name), &image.bytes))
                    {
                        eprintln!("{}: {e}", dir.join(&image.name).display());
                        return ExitCode::FAILURE;
                    }
                }
            }
            ExitCode::SUCCESS
        }
        Err(problem) => {
            eprintln!("{}", problem.diagnostic(&file));
            ExitCode::FAILURE
        }
    }
}

/// The file, read up to the reader's limit (and a byte more, so the reader can say it is
/// larger), as the site's reader will read it.
fn read_bounded(path: &Path) -> std::io::Result<Vec<u8>> {
    let mut data = Vec::new();
    std::fs::File::open(path)?
        .take(docx::limits::FILE_BYTES + 1)
        .read_to_end(&mut data)?;
    Ok(data)
}
