//! Older word-processor files (`.doc`, Kingsoft's `.wps`, Microsoft Works' `.wps`) converted
//! to `.docx` by LibreOffice (`soffice --headless --convert-to docx`), once: the result is kept
//! in a cache folder under a name made from the source's bytes, beside a copy of the source, so
//! a second build reads the cached file (after comparing the sources byte for byte).
//!
//! This is the one part of the Word reader that touches the file system: LibreOffice reads
//! and writes files. Each conversion runs with a profile of its own (two at once would share
//! and lock one) and is stopped after [`TIMEOUT`].

use std::hash::{Hash, Hasher};
use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use super::container::{self};
use super::limits;
use super::problem::{Legacy, Problem};

/// How long a conversion may take.
pub const TIMEOUT: Duration = Duration::from_secs(180);

/// The environment variable naming the LibreOffice program, when it is not `soffice` or
/// `libreoffice` on the `PATH`.
pub const PROGRAM_VAR: &str = "STDPORTAL_SOFFICE";

/// The legacy kind of `bytes`, when they are one (told by content, not by name).
pub fn kind(bytes: &[u8]) -> Option<Legacy> {
    match container::open(bytes) {
        Err(Problem::Legacy(kind)) => Some(kind),
        _ => None,
    }
}

/// The LibreOffice program, if one is installed.
pub fn program() -> Option<PathBuf> {
    if let Some(program) = std::env::var_os(PROGRAM_VAR) {
        let program = PathBuf::from(program);
        return program.is_file().then_some(program);
    }
    let path = std::env::var_os("PATH")?;
    for dir in std::env::split_paths(&path) {
        for name in ["soffice", "libreoffice"] {
            let candidate = dir.join(name);
            if candidate.is_file() {
                return Some(candidate);
            }
        }
    }
    None
}

/// The `.docx` made from the legacy file in `bytes`, from `cache` when it was made before.
pub fn convert(bytes: &[u8], kind: Legacy, cache: &Path) -> Result<Vec<u8>, Problem> {
    if bytes.len() as u64 > limits::FILE_BYTES {
        return Err(Problem::TooLarge {
            bytes: bytes.len() as u64,
        });
    }
    let key = key(bytes);
    let source_copy = cache.join(format!("{key}.source"));
    let converted = cache.join(format!("{key}.docx"));
    if let (Ok(source), Ok(docx)) = (std::fs::read(&source_copy), read_bounded(&converted)) {
        if source == bytes {
            return Ok(docx);
        }
    }
    let program = program().ok_or(Problem::NoConverter(kind))?;
    let work = tempdir(cache)?;
    let result = run(&program, bytes, kind, &work);
    let docx = match result {
        Ok(docx) => docx,
        Err(e) => {
            let _ = std::fs::remove_dir_all(&work);
            return Err(e);
        }
    };
    let _ = std::fs::remove_dir_all(&work);
    // Into the cache (a failure there only costs a conversion next time).
    let _ =
        write_atomically(&source_copy, bytes).and_then(|()| write_atomically(&converted, &docx));
    Ok(docx)
}

fn failed(kind: Legacy, error: impl std::fmt::Display) -> Problem {
    Problem::ConversionFailed {
        kind,
        error: error.to_string(),
    }
}

fn run(program: &Path, bytes: &[u8], kind: Legacy, work: &Path) -> Result<Vec<u8>, Problem> {
    let extension = match kind {
        Legacy::WordBinary => "doc",
        Legacy::Works => "wps",
    };
    let source = work.join(format!("source.{extension}"));
    std::fs::write(&source, bytes).map_err(|e| failed(kind, e))?;
    let profile = work.join("profile");
    let profile_url =
        url::Url::from_directory_path(&profile).map_err(|()| failed(kind, "profile folder"))?;
    let mut child = Command::new(program)
        .arg(format!("-env:UserInstallation={profile_url}"))
        .args(["--headless", "--norestore", "--nolockcheck", "--nodefault"])
        .args(["--convert-to", "docx:MS Word 2007 XML", "--outdir"])
        .arg(work)
        .arg(&source)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .map_err(|e| failed(kind, e))?;
    let started = Instant::now();
    let status = loop {
        match child.try_wait().map_err(|e| failed(kind, e))? {
            Some(status) => break status,
            None if started.elapsed() > TIMEOUT => {
                let _ = child.kill();
                let _ = child.wait();
                return Err(failed(
                    kind,
                    format!("no result after {} s", TIMEOUT.as_secs()),
                ));
            }
            None => std::thread::sleep(Duration::from_millis(100)),
        }
    };
    let output = work.join("source.docx");
    if !status.success() || !output.is_file() {
        let mut said = String::new();
        if let Some(mut err) = child.stderr.take() {
            let _ = (&mut err).take(4096).read_to_string(&mut said);
        }
        if let Some(mut out) = child.stdout.take() {
            let _ = (&mut out).take(4096).read_to_string(&mut said);
        }
        let said = said.trim();
        return Err(failed(
            kind,
            if said.is_empty() {
                status.to_string()
            } else {
                said.to_string()
            },
        ));
    }
    read_bounded(&output).map_err(|e| failed(kind, e))
}

fn read_bounded(path: &Path) -> std::io::Result<Vec<u8>> {
    let mut data = Vec::new();
    std::fs::File::open(path)?
        .take(limits::FILE_BYTES + 1)
        .read_to_end(&mut data)?;
    if data.len() as u64 > limits::FILE_BYTES {
        return Err(std::io::Error::other("larger than the limit"));
    }
    Ok(data)
}

/// A name for the source's bytes (the cache compares the bytes themselves before using it).
fn key(bytes: &[u8]) -> String {
    let mut hasher = std::collections::hash_map::DefaultHasher::new();
    bytes.hash(&mut hasher);
    format!("{:016x}-{}", hasher.finish(), bytes.len())
}

fn tempdir(cache: &Path) -> Result<PathBuf, Problem> {
    std::fs::create_dir_all(cache).map_err(|e| Problem::unreadable(None, e))?;
    for attempt in 0..100u32 {
        let dir = cache.join(format!(".convert-{}-{attempt}", std::process::id()));
        if std::fs::create_dir(&dir).is_ok() {
            return Ok(dir);
        }
    }
    Err(Problem::unreadable(
        None,
        "cannot make a folder in the cache",
    ))
}

fn write_atomically(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let temp = path.with_extension(format!("tmp-{}", std::process::id()));
    std::fs::write(&temp, bytes)?;
    std::fs::rename(&temp, path)
}
