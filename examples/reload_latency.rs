//! Measures `stdportal serve`'s save → reload latency: the time from writing a Markdown file to
//! the live-reload event arriving at a connected page.
//!
//!     cargo build --release && cargo run --release --example reload_latency -- --root .
//!
//! Options: --root DIR (the site, required), --page REL (the Markdown file to edit, relative to
//! the root; default: the first page in content/policies/ or else content/), --edits N (20),
//! --bin PATH (default: the release `stdportal` next to this example), --edit body|title (what
//! each edit changes: a line appended to the body, the default, or the page's title, which
//! every list and feed showing the page must follow), --after-index (start editing once the
//! search index, built in the background, is ready).
//!
//! The site is copied to a temporary folder first, so the edits never touch the real files.
//! Each edit appends one line and waits for the `reload` event that lists the edited page; the
//! server's own `rebuilt` events (`serve --message-format json`, docs/EVENTS.md) give the part
//! of that time spent building. Nothing reads the server's sentences, so it works whatever the
//! locale says (zh-Hans, zh-Hant, en).

#[path = "support/serve_events.rs"]
#[allow(dead_code)]
mod serve_events;

use std::io::{BufRead, BufReader, Read, Write};
use std::net::{SocketAddr, TcpStream};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use serve_events::Server;

struct Options {
    root: PathBuf,
    page: Option<String>,
    edits: usize,
    bin: PathBuf,
    title: bool,
    after_index: bool,
}

fn main() {
    let options = match parse_args() {
        Ok(o) => o,
        Err(e) => {
            eprintln!("error: {e}\nusage: reload_latency --root DIR [--page REL] [--edits N] [--bin PATH] [--edit body|title] [--after-index]");
            std::process::exit(2);
        }
    };
    if let Err(e) = run(&options) {
        eprintln!("error: {e}");
        std::process::exit(1);
    }
}

fn parse_args() -> Result<Options, String> {
    let here = std::env::current_exe().map_err(|e| e.to_string())?;
    // target/release/examples/reload_latency → target/release/stdportal
    let bin = here
        .parent()
        .and_then(Path::parent)
        .map(|d| d.join(format!("stdportal{}", std::env::consts::EXE_SUFFIX)))
        .unwrap_or_default();
    let mut options = Options {
        root: PathBuf::new(),
        page: None,
        edits: 20,
        bin,
        title: false,
        after_index: false,
    };
    let mut args = std::env::args().skip(1);
    while let Some(flag) = args.next() {
        if flag == "--after-index" {
            options.after_index = true;
            continue;
        }
        let value = args.next().ok_or_else(|| format!("{flag} needs a value"))?;
        match flag.as_str() {
            "--root" => options.root = PathBuf::from(value),
            "--page" => options.page = Some(value),
            "--edits" => {
                options.edits = value
                    .parse()
                    .map_err(|_| format!("--edits: not a number: {value}"))?
            }
            "--bin" => options.bin = PathBuf::from(value),
            "--edit" => {
                options.title = match value.as_str() {
                    "body" => false,
                    "title" => true,
                    _ => return Err(format!("--edit: body or title, not {value}")),
                }
            }
            _ => return Err(format!("unknown option {flag}")),
        }
    }
    if options.root.as_os_str().is_empty() {
        return Err("--root DIR is required".into());
    }
    if options.edits == 0 {
        return Err("--edits must be at least 1".into());
    }
    Ok(options)
}

fn run(options: &Options) -> Result<(), String> {
    if !options.bin.is_file() {
        return Err(format!(
            "{} not found: run `cargo build --release` first or pass --bin",
            options.bin.display()
        ));
    }
    let copy = std::env::temp_dir().join(format!("stdportal-latency-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&copy);
    let _cleanup = RemoveOnDrop(copy.clone());
    std::fs::create_dir_all(&copy).map_err(|e| format!("{}: {e}", copy.display()))?;
    for name in [
        "config.toml",
        "content",
        "data",
        "themes",
        "templates",
        "static",
    ] {
        let from = options.root.join(name);
        if from.exists() {
            copy_tree(&from, &copy.join(name)).map_err(|e| format!("copying {name}: {e}"))?;
        }
    }
    let page_rel = match &options.page {
        Some(p) => p.clone(),
        None => first_page(&copy).ok_or("no Markdown page found in content/")?,
    };
    let page = copy.join(&page_rel);
    let pages = count_pages(&copy.join("content"));
    println!(
        "site: {} ({pages} Markdown files), editing {page_rel} {} times",
        options.root.display(),
        options.edits
    );

    let mut server = Server::start(&options.bin, &copy, Duration::from_secs(300), |_| {})?;
    if options.after_index {
        // The index is made with the first build, before the server answers; a site with
        // search off has none.
        let ready = server.wait_for(Duration::ZERO, |e| e["event"] == "search_index_ready");
        match ready {
            Some(event) => println!("search index ready after {} ms", event["ms"]),
            None => println!("the site has no search index (search = false)"),
        }
    }
    let mut events = Events::connect(server.addr)?;
    let expected = page_url_hint(&page_rel);
    let mut total = Vec::new();
    for i in 0..options.edits {
        // Let the previous rebuild settle so each edit is a batch of its own.
        std::thread::sleep(Duration::from_millis(300));
        let started = Instant::now();
        if options.title {
            let text = std::fs::read_to_string(&page).map_err(|e| e.to_string())?;
            let edited = text.replacen("title = \"", &format!("title = \"(第{}次修改)", i + 1), 1);
            std::fs::write(&page, edited).map_err(|e| e.to_string())?;
        } else {
            let mut file = std::fs::OpenOptions::new()
                .append(true)
                .open(&page)
                .map_err(|e| format!("{}: {e}", page.display()))?;
            writeln!(file, "\n第{}次修改:测量保存到重新加载的时间。", i + 1)
                .map_err(|e| e.to_string())?;
        }
        loop {
            let (name, data) = events.next(Duration::from_secs(60))?;
            if name == "error" {
                return Err(format!("the rebuild failed:\n{data}"));
            }
            if name == "reload" && data.contains(&expected) {
                break;
            }
        }
        let ms = started.elapsed().as_secs_f64() * 1000.0;
        println!("edit {:>2}: {ms:7.1} ms", i + 1);
        total.push(ms);
    }
    std::thread::sleep(Duration::from_millis(200));
    let builds: Vec<f64> = server
        .events()
        .iter()
        .filter(|e| e["event"] == "rebuilt")
        .filter_map(|e| e["ms"].as_f64())
        .collect();
    println!(
        "save → reload event over {} edits: median {:.0} ms, min {:.0} ms, max {:.0} ms",
        total.len(),
        median(&total),
        min(&total),
        max(&total)
    );
    if !builds.is_empty() {
        println!(
            "of which rebuilding (server's own timing): median {:.0} ms, min {:.0} ms, max {:.0} ms",
            median(&builds),
            min(&builds),
            max(&builds)
        );
    }
    server.stop();
    Ok(())
}

/// `content/policies/a.md` → `policies/a/index.html`-ish: enough to recognise the page in
/// the event's list (a `slug` in front matter would change it, so only the folder is used).
fn page_url_hint(rel: &str) -> String {
    let rel = rel.strip_prefix("content/").unwrap_or(rel);
    match rel.rsplit_once('/') {
        Some((dir, _)) => format!("\"{dir}/"),
        None => "index.html".into(),
    }
}

fn median(values: &[f64]) -> f64 {
    let mut v = values.to_vec();
    v.sort_by(f64::total_cmp);
    let n = v.len();
    if n % 2 == 1 {
        v[n / 2]
    } else {
        (v[n / 2 - 1] + v[n / 2]) / 2.0
    }
}

fn min(values: &[f64]) -> f64 {
    values.iter().copied().fold(f64::INFINITY, f64::min)
}

fn max(values: &[f64]) -> f64 {
    values.iter().copied().fold(0.0, f64::max)
}

fn first_page(root: &Path) -> Option<String> {
    let mut pages: Vec<PathBuf> = walkdir::WalkDir::new(root.join("content"))
        .sort_by_file_name()
        .into_iter()
        .flatten()
        .map(|e| e.into_path())
        .filter(|p| p.extension().is_some_and(|e| e == "md"))
        .filter(|p| p.file_name().is_some_and(|n| n != "_index.md"))
        .collect();
    pages.sort_by_key(|p| !p.starts_with(root.join("content/policies")));
    let page = pages.first()?;
    Some(
        page.strip_prefix(root)
            .ok()?
            .to_string_lossy()
            .replace('\\', "/"),
    )
}

fn count_pages(content: &Path) -> usize {
    walkdir::WalkDir::new(content)
        .into_iter()
        .flatten()
        .filter(|e| e.path().extension().is_some_and(|x| x == "md"))
        .count()
}

fn copy_tree(from: &Path, to: &Path) -> std::io::Result<()> {
    if from.is_file() {
        std::fs::copy(from, to)?;
        return Ok(());
    }
    for entry in walkdir::WalkDir::new(from) {
        let entry = entry?;
        let target = to.join(entry.path().strip_prefix(from).unwrap_or(entry.path()));
        if entry.file_type().is_dir() {
            std::fs::create_dir_all(&target)?;
        } else if entry.file_type().is_file() {
            std::fs::copy(entry.path(), &target)?;
        }
    }
    Ok(())
}

struct RemoveOnDrop(PathBuf);

impl Drop for RemoveOnDrop {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

/// A minimal Server-Sent Events reader over HTTP/1.1 (chunked) on a plain socket.
struct Events {
    reader: BufReader<TcpStream>,
    pending: String,
}

impl Events {
    fn connect(addr: SocketAddr) -> Result<Events, String> {
        let mut stream = TcpStream::connect(addr).map_err(|e| e.to_string())?;
        let _ = stream.set_nodelay(true);
        write!(
            stream,
            "GET /__stdportal/events HTTP/1.1\r\nHost: {addr}\r\nAccept: text/event-stream\r\n\r\n"
        )
        .map_err(|e| e.to_string())?;
        let mut reader = BufReader::new(stream);
        loop {
            let mut line = String::new();
            reader.read_line(&mut line).map_err(|e| e.to_string())?;
            if line.trim().is_empty() {
                break;
            }
        }
        let mut events = Events {
            reader,
            pending: String::new(),
        };
        events.next(Duration::from_secs(10))?;
        Ok(events)
    }

    fn next(&mut self, timeout: Duration) -> Result<(String, String), String> {
        let deadline = Instant::now() + timeout;
        loop {
            if let Some(end) = self.pending.find("\n\n") {
                let block: String = self.pending.drain(..end + 2).collect();
                let mut name = String::from("message");
                let mut data = Vec::new();
                for line in block.lines() {
                    if let Some(v) = line.strip_prefix("event:") {
                        name = v.trim().to_string();
                    } else if let Some(v) = line.strip_prefix("data:") {
                        data.push(v.strip_prefix(' ').unwrap_or(v).to_string());
                    }
                }
                if !data.is_empty() {
                    return Ok((name, data.join("\n")));
                }
                continue;
            }
            let left = deadline.saturating_duration_since(Instant::now());
            if left.is_zero() {
                return Err("no event in time".into());
            }
            let _ = self.reader.get_ref().set_read_timeout(Some(left));
            let mut size = String::new();
            self.reader
                .read_line(&mut size)
                .map_err(|e| format!("reading events: {e}"))?;
            let size = usize::from_str_radix(size.trim(), 16)
                .map_err(|_| format!("bad chunk size {size:?}"))?;
            if size == 0 {
                return Err("the event stream ended".into());
            }
            let mut chunk = vec![0; size + 2];
            self.reader
                .read_exact(&mut chunk)
                .map_err(|e| format!("reading events: {e}"))?;
            chunk.truncate(size);
            self.pending.push_str(&String::from_utf8_lossy(&chunk));
        }
    }
}
