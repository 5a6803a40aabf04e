//! `stdportal serve`: the real binary on a temporary copy of a fixture site, spoken to over
//! plain TCP (so request paths reach the server exactly as written, `..` and all). It runs with
//! `--message-format json`: the tests find its address and what it did in its events
//! (docs/EVENTS.md), not in its sentences (`messages_serve` checks those, in each language).

use std::collections::BTreeMap;
use std::io::{BufRead, BufReader, Read, Write};
use std::net::{SocketAddr, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::{mpsc, Arc, Mutex};
use std::time::{Duration, Instant};

use crate::support::*;

/// How long a rebuild may take to arrive as an event (debug build, busy CI machine).
const EVENT_TIMEOUT: Duration = Duration::from_secs(30);

/// A running `stdportal serve`, stopped when dropped so no server outlives its test.
struct Server {
    child: Child,
    addr: SocketAddr,
    url: String,
    /// Its JSON events, in order.
    stdout: Arc<Mutex<Vec<serde_json::Value>>>,
    stderr: Arc<Mutex<String>>,
}

impl Server {
    fn start(root: &Path) -> Server {
        Server::start_with(root, &[])
    }

    fn start_with(root: &Path, extra: &[&str]) -> Server {
        Server::start_configured(root, extra, |_| {})
    }

    /// Like `start_with`, with `configure` applied to the command first (environment, limits).
    fn start_configured(
        root: &Path,
        extra: &[&str],
        configure: impl FnOnce(&mut Command),
    ) -> Server {
        Server::start_on(root, 0, extra, configure)
    }

    /// On `port` (0: any free port).
    fn start_on(
        root: &Path,
        port: u16,
        extra: &[&str],
        configure: impl FnOnce(&mut Command),
    ) -> Server {
        let mut command = Command::new(stdportal_binary());
        configure(&mut command);
        let mut child = command
            .args([
                "serve",
                "--message-format",
                "json",
                "--port",
                &port.to_string(),
            ])
            .arg("--root")
            .arg(root)
            .args(extra)
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("the stdportal binary runs");
        let stdout = Arc::new(Mutex::new(Vec::new()));
        let stderr = Arc::new(Mutex::new(String::new()));
        // Both pipes are drained for the server's whole life, or its log lines would fill
        // them and block it.
        let (url_tx, url_rx) = mpsc::channel();
        drain_events(child.stdout.take().unwrap(), stdout.clone(), url_tx);
        drain(child.stderr.take().unwrap(), stderr.clone());
        let url = match url_rx.recv_timeout(Duration::from_secs(120)) {
            Ok(url) => url,
            Err(_) => {
                let _ = child.kill();
                panic!(
                    "no `serving` event; events:\n{:#?}\nstderr:\n{}",
                    stdout.lock().unwrap(),
                    stderr.lock().unwrap()
                );
            }
        };
        // `http://HOST:PORT/`, or `http://HOST:PORT/bzh/` for a site under a sub-path.
        let host = url
            .strip_prefix("http://")
            .and_then(|u| u.split_once('/'))
            .map(|(host, _)| host)
            .expect("the URL is http://HOST:PORT/…");
        Server {
            child,
            addr: host.parse().expect("HOST:PORT"),
            url,
            stdout,
            stderr,
        }
    }

    fn get(&self, target: &str) -> Response {
        request(self.addr, "GET", target)
    }

    fn events(&self) -> Events {
        Events::connect(self.addr)
    }

    fn stderr(&self) -> String {
        self.stderr.lock().unwrap().clone()
    }

    /// The first of the server's events that `wanted` accepts, waiting up to 10 s for it: the
    /// server writes it before it tells the pages, but the thread reading its pipe may be a
    /// moment behind.
    fn event(&self, wanted: impl Fn(&serde_json::Value) -> bool) -> serde_json::Value {
        let deadline = Instant::now() + Duration::from_secs(10);
        loop {
            if let Some(found) = self.stdout.lock().unwrap().iter().find(|e| wanted(e)) {
                return found.clone();
            }
            assert!(
                Instant::now() < deadline,
                "no such event; the server wrote:\n{:#?}\nstderr:\n{}",
                self.stdout.lock().unwrap(),
                self.stderr()
            );
            std::thread::sleep(Duration::from_millis(10));
        }
    }

    /// The warning (a diagnostic about the server) with the catalogue id `id`.
    fn warning(&self, id: &str) -> serde_json::Value {
        self.event(|e| e["event"] == "diagnostic" && e["severity"] == "warning" && e["id"] == id)
    }

    /// How many warnings with the catalogue id `id` and `words` in their message came so far.
    fn warnings(&self, id: &str, words: &str) -> usize {
        self.stdout
            .lock()
            .unwrap()
            .iter()
            .filter(|e| e["event"] == "diagnostic" && e["id"] == id)
            .filter(|e| e["message"].as_str().is_some_and(|m| m.contains(words)))
            .count()
    }

    /// Sends Ctrl-C and returns the exit code.
    #[cfg(unix)]
    fn interrupt(&mut self) -> Option<i32> {
        let status = Command::new("kill")
            .args(["-INT", &self.child.id().to_string()])
            .status()
            .unwrap();
        assert!(status.success());
        let deadline = Instant::now() + Duration::from_secs(15);
        loop {
            if let Some(status) = self.child.try_wait().unwrap() {
                return status.code();
            }
            assert!(
                Instant::now() < deadline,
                "the server did not stop on Ctrl-C"
            );
            std::thread::sleep(Duration::from_millis(20));
        }
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// Reads the server's events (one JSON object a line), and sends the address of its
/// `serving` event.
fn drain_events(
    pipe: impl Read + Send + 'static,
    into: Arc<Mutex<Vec<serde_json::Value>>>,
    url: mpsc::Sender<String>,
) {
    std::thread::spawn(move || {
        for line in BufReader::new(pipe).lines() {
            let Ok(line) = line else { return };
            let event: serde_json::Value = serde_json::from_str(&line)
                .unwrap_or_else(|e| panic!("not a JSON event ({e}): {line}"));
            if event["event"] == "serving" {
                let _ = url.send(event["url"].as_str().unwrap_or_default().to_string());
            }
            into.lock().unwrap().push(event);
        }
    });
}

/// Reads stderr (which JSON mode leaves empty unless something panics).
fn drain(pipe: impl Read + Send + 'static, into: Arc<Mutex<String>>) {
    std::thread::spawn(move || {
        for line in BufReader::new(pipe).lines() {
            let Ok(line) = line else { return };
            let mut text = into.lock().unwrap();
            text.push_str(&line);
            text.push('\n');
        }
    });
}

struct Response {
    status: u16,
    headers: BTreeMap<String, String>,
    body: Vec<u8>,
}

impl Response {
    fn text(&self) -> String {
        String::from_utf8_lossy(&self.body).into_owned()
    }

    fn header(&self, name: &str) -> &str {
        self.headers.get(name).map(String::as_str).unwrap_or("")
    }
}

/// One HTTP/1.1 request with the request target sent exactly as given.
fn request(addr: SocketAddr, method: &str, target: &str) -> Response {
    raw_request(
        addr,
        &format!("{method} {target} HTTP/1.1\r\nHost: {addr}\r\nConnection: close\r\n\r\n"),
    )
}

/// Sends `head` exactly as given and reads the response until the server closes.
fn raw_request(addr: SocketAddr, head: &str) -> Response {
    let mut stream = TcpStream::connect(addr).expect("connect to the server");
    stream
        .set_read_timeout(Some(Duration::from_secs(30)))
        .unwrap();
    stream.write_all(head.as_bytes()).unwrap();
    let mut raw = Vec::new();
    stream.read_to_end(&mut raw).expect("read the response");
    let split = raw
        .windows(4)
        .position(|w| w == b"\r\n\r\n")
        .expect("a complete response head");
    let head = String::from_utf8_lossy(&raw[..split]).into_owned();
    let mut lines = head.lines();
    let status = lines
        .next()
        .and_then(|l| l.split_whitespace().nth(1))
        .and_then(|s| s.parse().ok())
        .expect("a status line");
    let headers: BTreeMap<String, String> = lines
        .filter_map(|l| l.split_once(':'))
        .map(|(k, v)| (k.trim().to_ascii_lowercase(), v.trim().to_string()))
        .collect();
    let mut body = raw[split + 4..].to_vec();
    if headers.get("transfer-encoding").map(String::as_str) == Some("chunked") {
        let mut reader = BufReader::new(&body[..]);
        let mut decoded = Vec::new();
        while let Some(chunk) = read_chunk(&mut reader) {
            decoded.extend(chunk);
        }
        body = decoded;
    }
    Response {
        status,
        headers,
        body,
    }
}

/// One chunk of a chunked body; `None` at the end (or when the stream stops).
fn read_chunk(reader: &mut impl BufRead) -> Option<Vec<u8>> {
    let mut size = String::new();
    reader.read_line(&mut size).ok()?;
    let size = usize::from_str_radix(size.trim().split(';').next()?, 16).ok()?;
    if size == 0 {
        return None;
    }
    let mut chunk = vec![0; size + 2];
    reader.read_exact(&mut chunk).ok()?;
    chunk.truncate(size);
    Some(chunk)
}

/// A live-reload event stream (Server-Sent Events).
struct Events {
    reader: BufReader<TcpStream>,
    chunked: bool,
    pending: String,
    ended: bool,
}

#[derive(Debug, Clone)]
struct Event {
    name: String,
    data: String,
}

impl Events {
    fn connect(addr: SocketAddr) -> Events {
        let mut stream = TcpStream::connect(addr).expect("connect to the server");
        write!(
            stream,
            "GET /__stdportal/events HTTP/1.1\r\nHost: {addr}\r\nAccept: text/event-stream\r\n\r\n"
        )
        .unwrap();
        stream
            .set_read_timeout(Some(Duration::from_secs(30)))
            .unwrap();
        let mut reader = BufReader::new(stream);
        let mut head = String::new();
        loop {
            let mut line = String::new();
            reader
                .read_line(&mut line)
                .expect("the event stream's head");
            if line.trim().is_empty() {
                break;
            }
            head.push_str(&line.to_ascii_lowercase());
        }
        assert!(head.starts_with("http/1.1 200"), "{head}");
        assert!(head.contains("content-type: text/event-stream"), "{head}");
        let mut events = Events {
            reader,
            chunked: head.contains("transfer-encoding: chunked"),
            pending: String::new(),
            ended: false,
        };
        let hello = events.next(Duration::from_secs(10)).expect("a hello event");
        assert_eq!(hello.name, "hello");
        events
    }

    /// The next event, or `None` when none came within `timeout` or the stream ended.
    fn next(&mut self, timeout: Duration) -> Option<Event> {
        let deadline = Instant::now() + timeout;
        loop {
            if let Some(end) = self.pending.find("\n\n") {
                let block: String = self.pending.drain(..end + 2).collect();
                if let Some(event) = parse_event(&block) {
                    return Some(event);
                }
                continue;
            }
            if self.ended {
                return None;
            }
            let left = deadline.saturating_duration_since(Instant::now());
            if left.is_zero() {
                return None;
            }
            let stream = self.reader.get_ref();
            stream.set_read_timeout(Some(left)).unwrap();
            let bytes = if self.chunked {
                match read_chunk(&mut self.reader) {
                    Some(chunk) => chunk,
                    None => {
                        self.ended = true;
                        continue;
                    }
                }
            } else {
                let mut buf = vec![0; 4096];
                match self.reader.read(&mut buf) {
                    Ok(0) | Err(_) => {
                        self.ended = true;
                        continue;
                    }
                    Ok(n) => buf[..n].to_vec(),
                }
            };
            self.pending.push_str(&String::from_utf8_lossy(&bytes));
        }
    }

    /// Waits for an event named `name`, skipping others (their names are returned too).
    fn wait_for(&mut self, name: &str) -> Event {
        let deadline = Instant::now() + EVENT_TIMEOUT;
        let mut skipped = Vec::new();
        loop {
            let left = deadline.saturating_duration_since(Instant::now());
            match self.next(left) {
                Some(event) if event.name == name => return event,
                Some(event) => skipped.push(event),
                None => panic!("no `{name}` event within {EVENT_TIMEOUT:?}; got {skipped:?}"),
            }
        }
    }

    /// Whether the stream has ended (the server closed it) within `timeout`.
    fn ends_within(&mut self, timeout: Duration) -> bool {
        let deadline = Instant::now() + timeout;
        while Instant::now() < deadline {
            if self.next(deadline - Instant::now()).is_none() && self.ended {
                return true;
            }
        }
        self.ended
    }
}

fn parse_event(block: &str) -> Option<Event> {
    let mut name = String::from("message");
    let mut data: Vec<&str> = Vec::new();
    let mut any = false;
    for line in block.lines() {
        let (field, value) = line.split_once(':').unwrap_or((line, ""));
        let value = value.strip_prefix(' ').unwrap_or(value);
        match field {
            "event" => {
                name = value.to_string();
                any = true;
            }
            "data" => {
                data.push(value);
                any = true;
            }
            _ => {}
        }
    }
    any.then(|| Event {
        name,
        data: data.join("\n"),
    })
}

fn edit(path: &Path, change: impl FnOnce(String) -> String) {
    let text = std::fs::read_to_string(path).unwrap();
    std::fs::write(path, change(text)).unwrap();
}

/// Saves like vim does: a probe file, the old file renamed to a backup, then a new file.
fn save_like_an_editor(path: &Path, text: &str) {
    let dir = path.parent().unwrap();
    let name = path.file_name().unwrap().to_string_lossy().into_owned();
    std::fs::write(dir.join("4913"), "").unwrap();
    std::fs::remove_file(dir.join("4913")).unwrap();
    std::fs::write(dir.join(format!(".{name}.swp")), "swap").unwrap();
    let backup = dir.join(format!("{name}~"));
    std::fs::rename(path, &backup).unwrap();
    std::fs::write(path, text).unwrap();
    std::fs::remove_file(backup).unwrap();
    std::fs::remove_file(dir.join(format!(".{name}.swp"))).unwrap();
}

/// Whether `text` has `file:LINE:` (a diagnostic an editor can jump to).
fn names_file_and_line(text: &str, file: &str) -> bool {
    text.match_indices(&format!("{file}:")).any(|(at, found)| {
        let rest = &text[at + found.len()..];
        let digits = rest.chars().take_while(char::is_ascii_digit).count();
        digits > 0 && rest[digits..].starts_with(':')
    })
}

fn plan(root: &Path) -> PathBuf {
    root.join("content/policies/plan.md")
}

#[test]
fn serves_pages_with_the_live_reload_script_and_utf8_content_types() {
    let site = TestSite::basic();
    let root = site.root();
    let server = Server::start(root);
    assert!(
        server.url.starts_with("http://127.0.0.1:"),
        "{}",
        server.url
    );

    let home = server.get("/");
    assert_eq!(home.status, 200);
    assert_eq!(home.header("content-type"), "text/html; charset=utf-8");
    assert_eq!(home.header("cache-control"), "no-store");
    let html = home.text();
    assert!(html.contains("<html lang=\"zh-Hans\">"));
    assert!(
        html.contains("data-stdportal-paths=\"index.html\""),
        "{html}"
    );
    assert!(html.contains("/__stdportal/events"));
    let script = html.find("data-stdportal-paths").unwrap();
    assert!(
        script > html.find("</main>").unwrap() && script < html.rfind("</body>").unwrap(),
        "the script goes at the end of the body"
    );
    let hant = server.get("/zh-hant/policies/plan/");
    assert_eq!(hant.status, 200);
    assert!(hant.text().contains("<html lang=\"zh-Hant\">"));
    assert!(hant
        .text()
        .contains("data-stdportal-paths=\"zh-hant/policies/plan/index.html\""));

    for (path, kind) in [
        ("/style.css", "text/css; charset=utf-8"),
        ("/modes.js", "text/javascript; charset=utf-8"),
        ("/atom.xml", "application/atom+xml; charset=utf-8"),
        ("/sitemap.xml", "application/xml; charset=utf-8"),
        ("/robots.txt", "text/plain; charset=utf-8"),
        (
            "/cities/testcity/indicators/pass-rate/data.csv",
            "text/csv; charset=utf-8",
        ),
        (
            "/topics/%E6%A0%87%E5%87%86%E5%8C%96/",
            "text/html; charset=utf-8",
        ),
    ] {
        let response = server.get(path);
        assert_eq!(response.status, 200, "{path}");
        assert_eq!(response.header("content-type"), kind, "{path}");
        if !kind.starts_with("text/html") {
            assert!(!response.text().contains("__stdportal"), "{path}");
        }
    }
    let head = request(server.addr, "HEAD", "/");
    assert_eq!(head.status, 200);
    assert!(head.body.is_empty());
    assert_eq!(request(server.addr, "POST", "/").status, 405);

    // Serving never writes the output folder, and the script is never part of a build.
    assert!(!root.join("public").exists());
    site.built();
    assert!(!site.read("index.html").contains("__stdportal"));
}

#[test]
fn directory_urls_redirect_and_missing_pages_get_the_sites_404_page() {
    let site = TestSite::basic();
    let server = Server::start(site.root());
    let redirect = server.get("/cities");
    assert_eq!(redirect.status, 301);
    assert_eq!(redirect.header("location"), "/cities/");
    assert_eq!(
        server.get("/zh-hant/policies/plan?a=1").header("location"),
        "/zh-hant/policies/plan/?a=1"
    );

    let missing = server.get("/policies/no-such-page/");
    assert_eq!(missing.status, 404);
    assert_eq!(missing.header("content-type"), "text/html; charset=utf-8");
    let body = missing.text();
    assert!(body.contains("<html lang=\"zh-Hans\">"), "{body}");
    assert!(
        body.contains("style.css"),
        "the theme's styled page: {body}"
    );
    assert!(body.contains("data-stdportal-paths=\"404.html policies/no-such-page/ policies/no-such-page/index.html\""), "{body}");
    let missing = server.get("/zh-hant/nothing");
    assert_eq!(missing.status, 404);
    assert!(missing.text().contains("<html lang=\"zh-Hant\">"));
    assert!(missing.text().contains("zh-hant/404.html"));
}

/// A site whose `base_url` has a path is previewed under it, as on the server: an address
/// written `/bzh/files/x.pdf` works in both; `/` leads there. A link that breaks while serving
/// is shown in the overlay with its file, line and column, and the last good site stays.
#[test]
fn a_site_under_a_sub_path_is_served_under_it_and_a_broken_link_shows_in_the_overlay() {
    let site = TestSite::basic();
    site.config(
        "base_url = \"https://example.gov.cn/\"",
        "base_url = \"https://www.example.gov.cn/bzh/\"",
    );
    site.file("static/files/x.pdf", "%PDF stand-in");
    site.page(
        "policies/files.md",
        "+++\ntitle = \"文件\"\n+++\n[甲](/bzh/files/x.pdf) [乙](/files/x.pdf) [规划](@/policies/plan.md)\n",
    );
    let server = Server::start(site.root());
    assert!(server.url.ends_with("/bzh/"), "{}", server.url);
    let home = server.get("/");
    assert_eq!(home.status, 302);
    assert_eq!(home.header("location"), "/bzh/");
    assert_eq!(server.get("/bzh").header("location"), "/bzh/");
    assert_eq!(server.get("/bzh/files/x.pdf").text(), "%PDF stand-in");
    assert_eq!(server.get("/files/x.pdf").status, 404);
    let page = server.get("/bzh/zh-hant/policies/files/");
    assert_eq!(page.status, 200);
    let text = page.text();
    assert_eq!(
        text.matches("href=\"/bzh/files/x.pdf\"").count(),
        2,
        "{text}"
    );
    assert!(
        text.contains("href=\"/bzh/zh-hant/policies/plan/\""),
        "{text}"
    );
    // Every link of the served page leads to something the server serves.
    for address in crate::support::links::addresses(&text) {
        if address.starts_with("/bzh/") {
            let status = server.get(&address).status;
            assert!(status == 200 || status == 301, "{address}: {status}");
        }
    }

    let mut events = server.events();
    site.edit("content/policies/files.md", |t| {
        t.replace("@/policies/plan.md", "@/policies/plam.md")
    });
    let error = events.wait_for("error");
    assert!(
        error.data.contains("content/policies/files.md:4:")
            && error.data.contains("@/policies/plam.md")
            && error.data.contains("@/policies/plan.md"),
        "the overlay names the file, line and column and the nearest page: {}",
        error.data
    );
    assert_eq!(
        server.get("/bzh/policies/files/").status,
        200,
        "the last good site stays"
    );
}

#[test]
fn paths_that_try_to_leave_the_output_get_404() {
    let site = TestSite::basic();
    let server = Server::start(site.root());
    for target in [
        "/../Cargo.toml",
        "/../../../../../../etc/passwd",
        "/%2e%2e/%2e%2e/etc/passwd",
        "/%2E%2E/%2E%2E/etc/passwd",
        "/..%2f..%2fetc/passwd",
        "/..%2F..%2Fconfig.toml",
        "/..%5c..%5cetc/passwd",
        "//etc/passwd",
        "/%2fetc/passwd",
        "/zh-hant/../../x",
        "/zh-hant/../index.html",
        "/./index.html",
        "/index.html%00.css",
        "/%c0%ae%c0%ae/etc/passwd",
        "/config.toml",
        "/content/policies/plan.md",
    ] {
        let response = server.get(target);
        assert_eq!(response.status, 404, "{target}: {}", response.text());
        assert!(!response.text().contains("root:"), "{target}");
    }
    assert_eq!(server.get("/index.html").status, 200);
}

/// Symlinks out of the site never reach the output (the build refuses them), so they cannot
/// be served either; the preview says which link is wrong instead.
#[cfg(unix)]
#[test]
fn a_symlink_out_of_the_site_is_never_served() {
    let site = TestSite::basic();
    let root = site.root();
    let outside = tempfile::tempdir().unwrap();
    std::fs::write(outside.path().join("secret.txt"), "TOP-SECRET").unwrap();
    std::fs::create_dir_all(root.join("static")).unwrap();
    std::os::unix::fs::symlink(
        outside.path().join("secret.txt"),
        root.join("static/leak.txt"),
    )
    .unwrap();
    let server = Server::start(root);
    for target in ["/leak.txt", "/index.html"] {
        let response = server.get(target);
        assert_ne!(response.status, 200, "{target}");
        assert!(!response.text().contains("TOP-SECRET"), "{target}");
        assert!(response.text().contains("static/leak.txt"), "{target}");
    }
    let mut events = server.events();
    std::fs::remove_file(root.join("static/leak.txt")).unwrap();
    events.wait_for("reload");
    assert_eq!(server.get("/leak.txt").status, 404);
    assert_eq!(server.get("/index.html").status, 200);
}

#[test]
fn an_edited_page_is_served_and_a_reload_event_is_sent() {
    let site = TestSite::basic();
    let root = site.root();
    site.built();
    let before = snapshot(&site.public());
    let server = Server::start(root);
    let mut events = server.events();
    let page = plan(root);
    let text = std::fs::read_to_string(&page).unwrap() + "\n新增的一段话:实时预览。\n";
    save_like_an_editor(&page, &text);

    let reload = events.wait_for("reload");
    let paths: Vec<String> = serde_json::from_str(&reload.data).expect("a JSON list");
    for expected in [
        "policies/plan/index.html",
        "zh-hant/policies/plan/index.html",
    ] {
        assert!(paths.iter().any(|p| p == expected), "{paths:?}");
    }
    assert!(
        !paths.iter().any(|p| p == "cities/index.html"),
        "only what changed: {paths:?}"
    );
    assert!(server
        .get("/policies/plan/")
        .text()
        .contains("新增的一段话：实时预览。"));
    assert!(server
        .get("/zh-hant/policies/plan/")
        .text()
        .contains("新增的一段話：實時預覽。"));
    let rebuilt = server.event(|e| e["event"] == "rebuilt");
    assert_eq!(
        rebuilt["changed"],
        serde_json::json!(["content/policies/plan.md"]),
        "{rebuilt}"
    );
    assert_eq!(
        snapshot(&site.public()),
        before,
        "serving must not touch public/"
    );
}

#[test]
fn a_broken_front_matter_keeps_the_last_good_page_until_it_is_fixed() {
    let site = TestSite::basic();
    let root = site.root();
    let server = Server::start(root);
    let mut events = server.events();
    let page = plan(root);
    let good = std::fs::read_to_string(&page).unwrap();
    let broken = good.replacen(
        "title = \"测试市标准化发展规划\"",
        "title = \"测试市标准化发展规划",
        1,
    );
    assert_ne!(broken, good);
    std::fs::write(&page, &broken).unwrap();

    let error = events.wait_for("error");
    assert!(
        names_file_and_line(&error.data, "content/policies/plan.md"),
        "file and line: {}",
        error.data
    );
    let failed = server.event(|e| e["event"] == "rebuild_failed");
    assert_eq!(
        failed["refused"], false,
        "still serving the last good build"
    );
    let problem = server.event(|e| e["event"] == "diagnostic" && e["severity"] == "error");
    assert!(
        problem["file"]
            .as_str()
            .unwrap()
            .ends_with("content/policies/plan.md")
            && problem["line"].is_u64(),
        "{problem}"
    );
    let served = server.get("/policies/plan/");
    assert_eq!(served.status, 200);
    assert!(served.text().contains("测试市标准化发展规划"));
    // A page opened now learns about the error as soon as it connects.
    let mut late = server.events();
    assert_eq!(late.wait_for("error").data, error.data);

    std::fs::write(&page, good.replace("主导或参与", "修好以后:主导或参与")).unwrap();
    let reload = events.wait_for("reload");
    assert!(
        reload.data.contains("policies/plan/index.html"),
        "{}",
        reload.data
    );
    assert!(server
        .get("/policies/plan/")
        .text()
        .contains("修好以后：主导或参与"));
    server.event(|e| e["event"] == "rebuilt" && e["fixed"] == true);
}

#[test]
fn the_first_build_failing_shows_the_error_on_every_page_until_fixed() {
    let site = TestSite::basic();
    let root = site.root();
    let page = plan(root);
    let good = std::fs::read_to_string(&page).unwrap();
    std::fs::write(&page, good.replacen("+++", "+++\ntitle = [", 1)).unwrap();
    let server = Server::start(root);
    for path in ["/", "/zh-hant/cities/"] {
        let response = server.get(path);
        assert_eq!(response.status, 500, "{path}");
        let body = response.text();
        assert!(body.contains("role=\"alertdialog\""), "{body}");
        assert!(
            names_file_and_line(&body, "content/policies/plan.md"),
            "{body}"
        );
        assert!(body.contains("/__stdportal/events"));
        // The tests' serve speaks English (STDPORTAL_LANG=en); in Chinese the overlay
        // follows the page's script (src/serve/livereload.rs).
        assert!(body.contains("Build failed"), "{body}");
    }
    let mut events = server.events();
    std::fs::write(&page, &good).unwrap();
    events.wait_for("reload");
    assert_eq!(server.get("/").status, 200);
    assert_eq!(server.get("/policies/plan/").status, 200);
}

#[test]
fn a_stylesheet_change_sends_a_css_event() {
    let site = TestSite::basic();
    let root = site.root();
    let server = Server::start(root);
    let mut events = server.events();
    let css = root.join("themes/default/static/style.css");
    edit(&css, |text| text + "\n.live-reload-test { color: red; }\n");
    let event = events.wait_for("css");
    assert_eq!(event.data, "[\"style.css\"]");
    assert!(server
        .get("/style.css")
        .text()
        .contains(".live-reload-test"));
    let rebuilt = server.event(|e| e["event"] == "rebuilt");
    assert_eq!(rebuilt["kind"], "css", "{rebuilt}");
    assert_eq!(
        rebuilt["files"],
        serde_json::json!(["style.css"]),
        "{rebuilt}"
    );
}

#[test]
fn deleted_files_and_a_deleted_site_do_not_stop_the_server() {
    let site = TestSite::basic();
    let root = site.root();
    let server = Server::start(root);
    let mut events = server.events();
    std::fs::remove_file(root.join("content/interpretations/plan-interpretation.md")).unwrap();
    let reload = events.wait_for("reload");
    assert!(reload
        .data
        .contains("interpretations/plan-interpretation/index.html"));
    assert_eq!(
        server.get("/interpretations/plan-interpretation/").status,
        404
    );

    for dir in ["content", "data", "themes"] {
        std::fs::remove_dir_all(root.join(dir)).unwrap();
    }
    std::fs::remove_file(root.join("config.toml")).unwrap();
    events.wait_for("error");
    assert_eq!(server.get("/policies/plan/").status, 200, "last good build");
    assert!(!server.stderr().contains("panicked"));
}

#[test]
fn many_concurrent_requests_all_succeed() {
    let site = TestSite::basic();
    let server = Server::start(site.root());
    let _listener = server.events();
    let addr = server.addr;
    let paths = [
        "/",
        "/policies/plan/",
        "/zh-hant/",
        "/style.css",
        "/cities/testcity/",
        "/atom.xml",
    ];
    let threads: Vec<_> = (0..50)
        .map(|i| {
            let path = paths[i % paths.len()];
            std::thread::spawn(move || {
                (0..4)
                    .map(|_| request(addr, "GET", path).status)
                    .collect::<Vec<_>>()
            })
        })
        .collect();
    for thread in threads {
        assert_eq!(thread.join().unwrap(), [200; 4]);
    }
    assert_eq!(server.get("/").status, 200);
}

#[cfg(unix)]
#[test]
fn ctrl_c_stops_the_server_cleanly() {
    let site = TestSite::basic();
    let mut server = Server::start(site.root());
    let mut events = server.events();
    assert_eq!(server.interrupt(), Some(0), "{}", server.stderr());
    assert!(events.ends_within(Duration::from_secs(5)));
    let finished = server.event(|e| e["event"] == "finished");
    assert_eq!(finished["exit_code"], 0);
}

#[test]
fn a_taken_port_is_skipped_for_the_next_free_one() {
    // A taken port whose next port was free a moment ago, so there is somewhere to move to: the
    // server must move on, and serve (not give up, not take the taken port).
    let (taken, port) = (0..100)
        .find_map(|_| {
            let taken = std::net::TcpListener::bind("127.0.0.1:0").ok()?;
            let port = taken.local_addr().ok()?.port();
            let next_free = port < u16::MAX - 20
                && std::net::TcpListener::bind(("127.0.0.1", port + 1)).is_ok();
            next_free.then_some((taken, port))
        })
        .expect("a free port right after a taken one");
    let site = TestSite::basic();
    let server = Server::start_on(site.root(), port, &[], |_| {});
    assert!(
        server.url.starts_with("http://127.0.0.1:"),
        "{}",
        server.url
    );
    let served = server.addr.port();
    assert!(
        served > port && served <= port + 20,
        "asked for the taken port {port}, served on {served}"
    );
    assert_eq!(server.get("/").status, 200);
    // The taken port is still the other listener's.
    assert_eq!(taken.local_addr().unwrap().port(), port);
}

/// The end-to-end test in a real headless Chromium. It needs Chromium, Node.js and
/// `tests/browser/node_modules` (`bash scripts/browser-test-setup.sh` installs them). Without
/// them it fails when `STDPORTAL_REQUIRE_BROWSER` is set (`.ci/run` sets it, after installing
/// them), and otherwise says it is skipped and why.
#[test]
#[ignore = "needs Chromium and Node.js (bash scripts/test-setup.sh); CI runs it"]
fn browser_sees_live_reload() {
    let Some(Browser {
        chromium,
        scripts: browser_dir,
    }) = browser("serve::browser_sees_live_reload", &[], false)
    else {
        return;
    };

    let site = TestSite::basic();
    let root = site.root();
    let server = Server::start(root);
    let mut node = Command::new("node")
        .arg(browser_dir.join("live-reload.mjs"))
        .arg(format!("{}policies/plan/", server.url))
        .arg(plan(root))
        .arg(root.join("themes/default/static/style.css"))
        .env("CHROMIUM", &chromium)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("node runs");
    let deadline = Instant::now() + Duration::from_secs(120);
    let status = loop {
        if let Some(status) = node.try_wait().unwrap() {
            break status;
        }
        if Instant::now() > deadline {
            let _ = node.kill();
            break node.wait().unwrap();
        }
        std::thread::sleep(Duration::from_millis(50));
    };
    let mut out = String::new();
    let mut err = String::new();
    node.stdout
        .take()
        .unwrap()
        .read_to_string(&mut out)
        .unwrap();
    node.stderr
        .take()
        .unwrap()
        .read_to_string(&mut err)
        .unwrap();
    println!("{out}");
    assert!(
        status.success(),
        "the browser test failed ({status}):\n{out}\n{err}\nserver stderr:\n{}",
        server.stderr()
    );
}

#[test]
fn the_search_index_is_served_with_the_site_and_updated_after_each_edit() {
    let site = TestSite::basic().with_search();
    let root = site.root();
    let server = Server::start(root);
    let entry = server.get("/search/data/entry.json");
    assert_eq!(entry.status, 200);
    let meta_name = |text: &str| {
        let entry: serde_json::Value = serde_json::from_str(text).unwrap();
        entry["meta"].as_str().unwrap().to_string()
    };
    let before = meta_name(&entry.text());
    assert_eq!(server.get(&format!("/search/data/{before}")).status, 200);
    // An edit replaces the page's postings: the index changes with it.
    let mut events = server.events();
    edit(&plan(root), |t| t + "\n再改一次。\n");
    events.wait_for("reload");
    let after = meta_name(&server.get("/search/data/entry.json").text());
    assert_ne!(before, after);
    assert_eq!(server.get(&format!("/search/data/{after}")).status, 200);
    assert_eq!(server.get(&format!("/search/data/{before}")).status, 404);
}

/// A GET of `/` naming `host` (`None`: no Host header) in HTTP/`version`.
fn get_for_host(addr: SocketAddr, host: Option<&str>, version: &str) -> Response {
    let host = host.map(|h| format!("Host: {h}\r\n")).unwrap_or_default();
    raw_request(
        addr,
        &format!("GET / HTTP/{version}\r\n{host}Connection: close\r\n\r\n"),
    )
}

#[test]
fn requests_for_a_foreign_host_are_refused_against_dns_rebinding() {
    let site = TestSite::basic();
    let server = Server::start(site.root());
    let addr = server.addr;
    let port = addr.port();
    for host in [
        format!("localhost:{port}"),
        format!("127.0.0.1:{port}"),
        format!("[::1]:{port}"),
        "localhost".to_string(),
    ] {
        let response = get_for_host(addr, Some(&host), "1.1");
        assert_eq!(response.status, 200, "{host}: {}", response.text());
    }
    // A page whose domain was rebound to 127.0.0.1 sends its own domain as the host.
    for host in [
        "evil.example",
        "evil.example:1111",
        "localhost.evil.example",
    ] {
        let refused = get_for_host(addr, Some(host), "1.1");
        assert_eq!(refused.status, 403, "{host}");
        let text = refused.text();
        assert!(
            text.contains(&format!("{host:?}"))
                && text.contains(&server.url)
                && text.contains("DNS rebinding"),
            "{text}"
        );
        assert!(!text.contains("<script"), "no page of the site: {text}");
        assert!(refused.header("content-type").starts_with("text/plain"));
    }
    // The event stream and the absolute-form target are guarded too.
    let refused = raw_request(
        addr,
        "GET /__stdportal/events HTTP/1.1\r\nHost: evil.example\r\n\r\n",
    );
    assert_eq!(refused.status, 403);
    let refused = raw_request(
        addr,
        &format!("GET http://evil.example/ HTTP/1.1\r\nHost: localhost:{port}\r\n\r\n"),
    );
    assert_eq!(refused.status, 403);
    // Without a Host header: HTTP/1.0 cannot come from a browser, HTTP/1.1 requires one.
    assert_eq!(get_for_host(addr, None, "1.0").status, 200);
    assert_eq!(get_for_host(addr, None, "1.1").status, 400);
    // Logged once per refused host.
    let refused = server.warning("serve-refused-host");
    let said = refused["message"].as_str().unwrap();
    assert!(
        said.contains("\"evil.example\"") && said.contains("DNS rebinding"),
        "{said}"
    );
    assert_eq!(
        server.warnings("serve-refused-host", "\"evil.example\""),
        1,
        "once per host"
    );
}

#[cfg(unix)]
fn this_computers_name() -> String {
    let mut buffer = [0u8; 256];
    // SAFETY: gethostname writes at most the buffer's length.
    let result = unsafe { libc::gethostname(buffer.as_mut_ptr().cast(), buffer.len()) };
    assert_eq!(result, 0);
    let end = buffer.iter().position(|&b| b == 0).unwrap();
    String::from_utf8(buffer[..end].to_vec()).unwrap()
}

#[test]
fn an_exposed_preview_answers_ip_literals_and_its_name_but_not_foreign_domains() {
    let site = TestSite::basic();
    let server = Server::start_with(site.root(), &["--bind", "0.0.0.0"]);
    // Only ever connected to over loopback; the hosts are what a LAN browser would send.
    let addr = server.addr;
    let port = addr.port();
    let mut allowed = vec![
        format!("192.168.1.5:{port}"),
        "10.1.2.3".to_string(),
        format!("[fe80::1]:{port}"),
        format!("localhost:{port}"),
        format!("127.0.0.1:{port}"),
    ];
    #[cfg(unix)]
    allowed.push(format!("{}:{port}", this_computers_name()));
    for host in &allowed {
        let response = get_for_host(addr, Some(host), "1.1");
        assert_eq!(response.status, 200, "{host}: {}", response.text());
    }
    for host in ["evil.example", "192.168.1.5.nip.io", "sub.localhost"] {
        let refused = get_for_host(addr, Some(host), "1.1");
        assert_eq!(refused.status, 403, "{host}");
        assert!(refused.text().contains("any IP address of this computer"));
    }
}

/// How long serve waits for a request head in the idle-connection test (set through the
/// test-only `STDPORTAL_SERVE_HEADER_TIMEOUT_MS`; the real default is 5 s).
#[cfg(unix)]
const TEST_HEADER_TIMEOUT: Duration = Duration::from_secs(4);

/// Whether the server has closed `stream` (a read returns end of file), without waiting.
#[cfg(unix)]
fn closed_by_server(mut stream: &TcpStream) -> bool {
    stream.set_nonblocking(true).unwrap();
    let mut byte = [0u8; 1];
    let closed = match stream.read(&mut byte) {
        Ok(0) => true,
        Ok(_) => panic!("the server sent something on an idle connection"),
        Err(e) if e.kind() == std::io::ErrorKind::WouldBlock => false,
        Err(e) => panic!("unexpected {e}"),
    };
    stream.set_nonblocking(false).unwrap();
    closed
}

#[cfg(unix)]
#[test]
fn idle_connections_do_not_lock_other_clients_out() {
    use std::os::unix::process::CommandExt;
    const IDLE: usize = 300;
    const OPEN_FILES: u64 = 64;
    /// The connections serve keeps with 64 descriptors (`connection_cap`).
    const KEPT: usize = 32;
    let site = TestSite::basic();
    let root = site.root();
    let server = Server::start_configured(root, &[], |command| {
        command.env(
            "STDPORTAL_SERVE_HEADER_TIMEOUT_MS",
            TEST_HEADER_TIMEOUT.as_millis().to_string(),
        );
        // Soft and hard limit alike, so the server cannot raise it (like `ulimit -n 64`).
        // SAFETY: setrlimit is async-signal-safe; nothing else runs between fork and exec.
        unsafe {
            command.pre_exec(|| {
                let limit = libc::rlimit {
                    rlim_cur: OPEN_FILES as libc::rlim_t,
                    rlim_max: OPEN_FILES as libc::rlim_t,
                };
                if libc::setrlimit(libc::RLIMIT_NOFILE, &limit) != 0 {
                    return Err(std::io::Error::last_os_error());
                }
                Ok(())
            });
        }
    });
    // The fixture has search off, so no indexer opens files meanwhile.
    // A live-reload stream is a response in progress: it is neither timed out nor evicted.
    let mut events = server.events();

    let idle: Vec<TcpStream> = (0..IDLE)
        .map(|i| {
            TcpStream::connect_timeout(&server.addr, Duration::from_secs(5))
                .unwrap_or_else(|e| panic!("idle connection {i} could not connect: {e}"))
        })
        .collect();
    let flooded = Instant::now();
    // Many more than the server may keep with 64 descriptors: it closes the oldest, and keeps
    // the rest open (really open: the timeout has not passed yet), fewer than KEPT since the
    // event stream is one of the connections.
    let open = loop {
        let open = idle.iter().filter(|s| !closed_by_server(s)).count();
        if open < KEPT || flooded.elapsed() > TEST_HEADER_TIMEOUT / 2 {
            break open;
        }
        std::thread::sleep(Duration::from_millis(50));
    };
    assert!(open > 0 && open < KEPT, "{open} idle connections open");
    assert!(flooded.elapsed() < TEST_HEADER_TIMEOUT);

    // A new client is answered at once, not after the timeout.
    let asked = Instant::now();
    let response = server.get("/policies/plan/");
    let waited = asked.elapsed();
    eprintln!("with {open} of {IDLE} idle connections still open, a new client waited {waited:?}");
    assert_eq!(response.status, 200);
    assert!(
        waited < Duration::from_secs(2) && waited < TEST_HEADER_TIMEOUT / 2,
        "the new client waited {waited:?}"
    );
    let kept = server.warning("serve-connections-kept-limit");
    let said = kept["message"].as_str().unwrap();
    assert!(said.contains("connection limit is reached"), "{said}");
    assert!(
        said.contains("at most 32 connections are kept open (the open-file limit is 64)"),
        "{said}"
    );
    assert!(!server.stderr().contains("panicked"));

    // A build still has the descriptors it needs.
    edit(&plan(root), |t| t + "\n连接很多时的修改。\n");
    events.wait_for("reload");
    assert!(server
        .get("/policies/plan/")
        .text()
        .contains("连接很多时的修改"));

    // A keep-alive connection that goes idle after a response is closed after the timeout too.
    let mut kept = TcpStream::connect(server.addr).unwrap();
    write!(
        kept,
        "GET /style.css HTTP/1.1\r\nHost: {}\r\n\r\n",
        server.addr
    )
    .unwrap();
    let mut reader = BufReader::new(kept.try_clone().unwrap());
    let mut length = 0;
    loop {
        let mut line = String::new();
        reader.read_line(&mut line).unwrap();
        if let Some(value) = line.to_ascii_lowercase().strip_prefix("content-length:") {
            length = value.trim().parse().unwrap();
        }
        if line.trim().is_empty() {
            break;
        }
    }
    let mut body = vec![0; length];
    reader.read_exact(&mut body).unwrap();
    let answered = Instant::now();
    kept.set_read_timeout(Some(TEST_HEADER_TIMEOUT * 3))
        .unwrap();
    let mut rest = Vec::new();
    assert_eq!(
        reader.read_to_end(&mut rest).unwrap(),
        0,
        "closed, nothing more"
    );
    let idle_for = answered.elapsed();
    assert!(
        idle_for > TEST_HEADER_TIMEOUT - Duration::from_millis(500)
            && idle_for < TEST_HEADER_TIMEOUT + Duration::from_secs(3),
        "the idle keep-alive connection was closed after {idle_for:?}"
    );

    // By now every idle connection was closed by the server: a read returns end of file.
    let deadline = flooded + TEST_HEADER_TIMEOUT + Duration::from_secs(3);
    std::thread::sleep(deadline.saturating_duration_since(Instant::now()));
    let still_open = idle.iter().filter(|s| !closed_by_server(s)).count();
    assert_eq!(still_open, 0, "idle connections left open");

    // The live-reload stream outlived the timeout and still works.
    assert!(flooded.elapsed() > TEST_HEADER_TIMEOUT);
    edit(&plan(root), |t| t + "\n再改一次。\n");
    events.wait_for("reload");
}

// ---- Hostile files added while serving (the same cases for `build` are in safety_reads.rs) ----

/// `GET target` once it answers `status` with every one of `parts` in its body (polled: a
/// rebuild may come as one batch of changes or several). Fails with the last answer and the
/// server's log after [`EVENT_TIMEOUT`], so a server stuck on a pipe fails the test.
fn served_once(server: &Server, target: &str, status: u16, parts: &[&str]) -> Response {
    let deadline = Instant::now() + EVENT_TIMEOUT;
    loop {
        let response = server.get(target);
        let text = response.text();
        if response.status == status && parts.iter().all(|p| text.contains(p)) {
            return response;
        }
        assert!(
            Instant::now() < deadline,
            "{target} did not answer {status} with {parts:?}; it answered {}:\n{text}\nstderr:\n{}",
            response.status,
            server.stderr()
        );
        std::thread::sleep(Duration::from_millis(50));
    }
}

/// The most memory the server has held at once (its peak resident set), in bytes.
#[cfg(target_os = "linux")]
fn peak_memory(server: &Server) -> u64 {
    let status = std::fs::read_to_string(format!("/proc/{}/status", server.child.id())).unwrap();
    let kb: u64 = status
        .lines()
        .find_map(|l| l.strip_prefix("VmHWM:"))
        .and_then(|v| v.trim().trim_end_matches("kB").trim().parse().ok())
        .expect("VmHWM in /proc/PID/status");
    kb * 1024
}

/// A server with the tests' memory limit, so reading `/dev/zero` would fail rather than fill
/// the machine.
fn start_bounded(root: &Path) -> Server {
    Server::start_configured(root, &[], |command| {
        crate::support::bounded::limit_memory(command, crate::support::bounded::MEMORY_LIMIT)
    })
}

/// The case: a link to a file outside the site, added while `serve` runs, was read,
/// rendered and served, and stayed served as the "last good build" once a full build refused
/// it. Now it is refused exactly as `build` refuses it, and nothing of it is ever served.
#[cfg(unix)]
#[test]
fn a_link_out_of_the_site_added_while_serving_is_refused_and_never_served() {
    use crate::safety_reads::link;
    let site = TestSite::basic();
    let root = site.root();
    let secret = site.outside().join("secret.md");
    write(&secret, "+++\ntitle = \"机密\"\n+++\nTOP-SECRET-7Q\n");
    let server = start_bounded(root);
    let mut events = server.events();
    link(&secret, &root.join("content/policies/secret.md"));

    let error = events.wait_for("error");
    assert!(
        error.data.contains(&format!(
            "content/policies/secret.md: error: this link points outside the site, to {}",
            secret.canonicalize().unwrap().display()
        )),
        "{}",
        error.data
    );
    // Open pages reload, to the page that says what is wrong.
    assert_eq!(events.wait_for("reload").data, "[\"*\"]");
    for target in ["/policies/secret/", "/policies/plan/", "/", "/zh-hant/"] {
        let response = server.get(target);
        assert_eq!(response.status, 500, "{target}");
        let text = response.text();
        assert!(!text.contains("TOP-SECRET-7Q"), "{target}: {text}");
        assert!(text.contains("content/policies/secret.md"), "{target}");
        assert!(text.contains("A file was refused"), "{target}: {text}");
    }
    let failed = server.event(|e| e["event"] == "rebuild_failed");
    assert_eq!(
        failed["refused"], true,
        "no page is served until it is fixed: {failed}"
    );

    // A full rebuild (the configuration changed) refuses it the same way.
    edit(&root.join("config.toml"), |t| t + "\n# 改过\n");
    std::thread::sleep(Duration::from_millis(500));
    let response = served_once(&server, "/policies/secret/", 500, &["secret.md"]);
    assert!(!response.text().contains("TOP-SECRET-7Q"));

    std::fs::remove_file(root.join("content/policies/secret.md")).unwrap();
    served_once(&server, "/policies/plan/", 200, &["测试市标准化发展规划"]);
    assert_eq!(server.get("/policies/secret/").status, 404);
}

/// A page served before and then replaced by a link out of the site is not served any more
/// as it was: the last good build is withheld until the link goes.
#[cfg(unix)]
#[test]
fn a_page_replaced_by_a_link_out_while_serving_is_no_longer_served() {
    use crate::safety_reads::link;
    let site = TestSite::basic();
    let root = site.root();
    site.page(
        "policies/notice.md",
        "+++\ntitle = \"通知\"\n+++\n旧的通知-OLD-4K\n",
    );
    let secret = site.outside().join("secret.md");
    write(&secret, "+++\ntitle = \"机密\"\n+++\nTOP-SECRET-7Q\n");
    let server = start_bounded(root);
    assert!(server.get("/policies/notice/").text().contains("OLD-4K"));

    link(&secret, &root.join("content/policies/notice.md"));
    let response = served_once(&server, "/policies/notice/", 500, &["notice.md"]);
    let text = response.text();
    assert!(
        !text.contains("OLD-4K") && !text.contains("TOP-SECRET-7Q"),
        "{text}"
    );

    write(
        &root.join("content/policies/notice.md.new"),
        "+++\ntitle = \"通知\"\n+++\n新的通知-NEW-9P\n",
    );
    std::fs::rename(
        root.join("content/policies/notice.md.new"),
        root.join("content/policies/notice.md"),
    )
    .unwrap();
    served_once(&server, "/policies/notice/", 200, &["NEW-9P"]);
}

/// Every kind of source made a pipe, a link to `/dev/zero`, a huge file or a folder link out
/// of the site while `serve` runs: refused as `build` refuses it, without waiting or reading
/// without end (the server keeps answering, within its memory limit), and served again once
/// put back.
#[cfg(unix)]
#[test]
fn hostile_files_added_while_serving_are_refused_as_build_refuses_them() {
    use crate::safety_reads::{fifo, link, sparse};
    let site = TestSite::basic();
    let root = site.root().to_path_buf();
    let outside = site.outside().to_path_buf();
    write(
        &outside.join("a.md"),
        "+++\ntitle = \"外\"\n+++\nOUTSIDE-3J\n",
    );
    let server = start_bounded(&root);
    type Step = Box<dyn Fn(&Path)>;
    /// Replaces `rel` by what `make` makes; the fix puts the original back.
    fn replace(rel: &'static str, make: impl Fn(&Path) + 'static) -> (Step, Step) {
        let saved = Arc::new(Mutex::new(None::<Vec<u8>>));
        let keep = saved.clone();
        let hostile: Step = Box::new(move |root: &Path| {
            let path = root.join(rel);
            *keep.lock().unwrap() = std::fs::read(&path).ok();
            make(&path);
        });
        let fix: Step = Box::new(move |root: &Path| {
            let path = root.join(rel);
            let _ = std::fs::remove_file(&path);
            if let Some(bytes) = saved.lock().unwrap().take() {
                write(&path, bytes);
            }
        });
        (hostile, fix)
    }
    let cases: Vec<(&str, (Step, Step))> = vec![
        (
            "content/policies/zero.md: error: this link points outside the site, to /dev/zero",
            replace("content/policies/zero.md", |p| link("/dev/zero", p)),
        ),
        (
            "content/policies/pipe.md: error: this is not an ordinary file but a named pipe",
            replace("content/policies/pipe.md", fifo),
        ),
        (
            "content/policies/huge.md: error: this file is 10.0 GB",
            replace("content/policies/huge.md", |p| sparse(p, 10 << 30)),
        ),
        (
            "config.toml: error: this is not an ordinary file but a named pipe",
            replace("config.toml", fifo),
        ),
        (
            "data/dictionary.toml: error: this link points outside the site, to /dev/zero",
            replace("data/dictionary.toml", |p| link("/dev/zero", p)),
        ),
        (
            "data/observations.csv: error: this is not an ordinary file but a named pipe",
            replace("data/observations.csv", fifo),
        ),
        (
            "themes/default/templates/page.html: error: this is not an ordinary file but a named pipe",
            replace("themes/default/templates/page.html", fifo),
        ),
        (
            "themes/default/i18n/zh-Hans.toml: error: this link points outside the site, to /dev/zero",
            replace("themes/default/i18n/zh-Hans.toml", |p| link("/dev/zero", p)),
        ),
        // A stylesheet changed takes serve's shortcut (only the static files read again).
        (
            "themes/default/static/style.css: error: this link points outside the site, to /dev/zero",
            replace("themes/default/static/style.css", |p| link("/dev/zero", p)),
        ),
        (
            "static/extra.css: error: this is not an ordinary file but a named pipe",
            replace("static/extra.css", fifo),
        ),
        (
            "content/elsewhere: error: this is a link to",
            replace("content/elsewhere", move |p| link(&outside, p)),
        ),
    ];
    for (expected, (hostile, fix)) in &cases {
        hostile(&root);
        let response = served_once(&server, "/policies/plan/", 500, &[expected]);
        assert!(!response.text().contains("OUTSIDE-3J"), "{expected}");
        fix(&root);
        served_once(&server, "/policies/plan/", 200, &["测试市标准化发展规划"]);
    }
    #[cfg(target_os = "linux")]
    {
        let peak = peak_memory(&server);
        assert!(peak < 256 << 20, "the server held {} MB", peak >> 20);
    }
    assert!(!server.stderr().contains("panicked"), "{}", server.stderr());
}

/// The case: 1,100 open live-reload streams from one process took every connection
/// serve keeps (a stream is a response in progress, never idle), and every new request got
/// 503. Streams are now capped at half the connections, the oldest ended for a new one.
#[cfg(unix)]
#[test]
fn many_live_reload_streams_do_not_lock_other_clients_out() {
    use std::os::unix::process::CommandExt;
    const STREAMS: usize = 300;
    const OPEN_FILES: u64 = 64;
    /// The streams serve keeps with 64 descriptors: half its 32 connections.
    const KEPT: usize = 16;
    let site = TestSite::basic();
    let root = site.root();
    let server = Server::start_configured(root, &[], |command| {
        command.env(
            "STDPORTAL_SERVE_HEADER_TIMEOUT_MS",
            TEST_HEADER_TIMEOUT.as_millis().to_string(),
        );
        // SAFETY: setrlimit is async-signal-safe; nothing else runs between fork and exec.
        unsafe {
            command.pre_exec(|| {
                let limit = libc::rlimit {
                    rlim_cur: OPEN_FILES as libc::rlim_t,
                    rlim_max: OPEN_FILES as libc::rlim_t,
                };
                if libc::setrlimit(libc::RLIMIT_NOFILE, &limit) != 0 {
                    return Err(std::io::Error::last_os_error());
                }
                Ok(())
            });
        }
    });
    let mut streams: Vec<Events> = (0..STREAMS).map(|_| server.events()).collect();

    let asked = Instant::now();
    let response = server.get("/policies/plan/");
    let waited = asked.elapsed();
    assert_eq!(response.status, 200, "{}", response.text());
    assert!(
        waited < Duration::from_secs(2),
        "with {STREAMS} streams opened, a new client waited {waited:?}"
    );
    // The oldest streams were ended to make room; the newest still hear of an edit.
    assert!(streams[0].ends_within(Duration::from_secs(5)));
    edit(&plan(root), |t| t + "\n很多页面在等实时刷新时的修改。\n");
    for newest in streams.iter_mut().rev().take(KEPT) {
        newest.wait_for("reload");
    }
    let capped = server.warning("serve-streams-capped");
    let said = capped["message"].as_str().unwrap();
    assert!(
        said.contains("16 pages are listening for live reload, the most kept"),
        "{said}"
    );
    assert!(!server.stderr().contains("panicked"));
}

/// A page dated after today is left out of the preview as of the site it will be, and shown
/// with `--future` (issue 23: scheduled publishing).
#[test]
fn serve_future_previews_scheduled_pages() {
    let site = TestSite::basic();
    site.page(
        "policies/next-year.md",
        "+++\ntitle = \"明年的工作安排\"\ndate = 2199-01-01\n+++\n安排。\n",
    );
    let server = Server::start(site.root());
    assert_eq!(server.get("/policies/next-year/").status, 404);
    drop(server);
    let server = Server::start_with(site.root(), &["--future"]);
    let page = server.get("/policies/next-year/");
    assert_eq!(page.status, 200);
    assert!(page.text().contains("明年的工作安排"));
}
