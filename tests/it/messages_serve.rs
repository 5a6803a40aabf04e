//! The command line's help, `serve` (its log, the pages and events it sends the browser) and
//! `init` in the editor's language: the real binary with `--lang`, exact Chinese text.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::{SocketAddr, TcpStream};
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::sync::{mpsc, Arc, Mutex};
use std::time::{Duration, Instant};

use crate::support::*;

/// How long a server may take to start or to answer a change (debug build, busy machine).
const TIMEOUT: Duration = Duration::from_secs(60);

fn help(args: &[&str]) -> String {
    let output = Command::new(stdportal_binary())
        .args(args)
        .output()
        .unwrap();
    assert_success(&output);
    stdout(&output)
}

fn assert_has(text: &str, parts: &[&str]) {
    for part in parts {
        assert!(text.contains(part), "{part:?} is missing from:\n{text}");
    }
}

#[test]
fn the_help_speaks_the_language_asked_for() {
    assert_has(
        &help(&["--lang", "zh-Hans", "--help"]),
        &[
            "生成简繁双语的标准化门户网站\n",
            "用法：stdportal [OPTIONS] <COMMAND>",
            "命令：\n",
            "  build   把网站生成到 public/ 文件夹（简繁两种文字）\n",
            "  serve   在内存中生成网站并提供预览，页面实时刷新，每次改动后重新生成\n",
            "  import  把一个 Word 文件（.docx、.doc、.wps），或者一个文件夹里的所有 Word 文件，变成带元数据的 Markdown 页面",
            "选项：\n",
            "提示信息的语言：zh-Hans、zh-Hant 或 en（默认：先看 STDPORTAL_LANG",
            "显示帮助",
            "显示版本",
        ],
    );
    assert_has(
        &help(&["--lang=zh-Hant", "--help"]),
        &[
            "產生簡繁雙語的標準化入口網站\n",
            "用法：stdportal",
            "  build   把網站產生到 public/ 資料夾（簡繁兩種文字）\n",
            "選項：\n",
            "顯示說明",
        ],
    );
    assert_has(
        &help(&["--lang", "en", "--help"]),
        &[
            "Build a bilingual (Simplified/Traditional Chinese) standardization portal\n",
            "Usage: stdportal [OPTIONS] <COMMAND>",
            "Commands:\n",
            "  build   Build the site into public/ (both scripts)\n",
            "Options:\n",
            "Print help",
        ],
    );
}

#[test]
fn a_subcommands_help_speaks_the_language_given_after_it() {
    let hans = help(&["build", "--lang", "zh-Hans", "--help"]);
    assert_has(
        &hans,
        &[
            "把网站生成到 public/ 文件夹（简繁两种文字）\n",
            "用法：stdportal build [OPTIONS]",
            "--root <ROOT>",
            "网站文件夹，即存放 config.toml 的文件夹（默认：.）",
            "输出文件夹（默认：ROOT/public）",
            "包括标记为 draft = true 的页面",
            "提示信息的语言",
        ],
    );
    assert!(!hans.contains("[default"), "{hans}");
    assert_has(
        &help(&["build", "--help", "--lang=zh-Hant"]),
        &[
            "把網站產生到 public/ 資料夾（簡繁兩種文字）\n",
            "網站資料夾，即存放 config.toml 的資料夾（預設：.）",
            "不產生搜尋索引（較快；搜尋頁面什麼也找不到）",
        ],
    );
    assert_has(
        &help(&["build", "--help", "--lang", "en"]),
        &[
            "Build the site into public/ (both scripts)\n",
            "Usage: stdportal build [OPTIONS]",
            "The site's folder (where config.toml is) [default: .]",
            "Include pages marked draft = true",
        ],
    );
    assert_has(
        &help(&["serve", "--help", "--lang", "zh-Hans"]),
        &["监听的端口；被占用时用下一个空闲端口（0：任意空闲端口）（默认：1111）"],
    );
    assert_has(
        &help(&["init", "--help", "--lang", "zh-Hans"]),
        &[
            "参数：\n",
            "  <DIR>  要创建的文件夹（必须不存在或者是空的）",
        ],
    );
}

#[test]
fn init_refuses_a_folder_with_files_in_the_editors_language() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("notes.txt"), "x").unwrap();
    let shown = dir.path().display().to_string();
    for (args, expected) in [
        (
            vec!["init", &shown, "--lang", "zh-Hans"],
            format!(
                "{shown}: 错误：这个文件夹已经存在，而且不是空的\n  \
                 提示：请换一个新的文件夹名：stdportal init my-portal\n"
            ),
        ),
        (
            vec!["--lang=zh-Hant", "init", &shown],
            format!(
                "{shown}: 錯誤：這個資料夾已經存在，而且不是空的\n  \
                 提示：請換一個新的資料夾名稱：stdportal init my-portal\n"
            ),
        ),
        (
            vec!["init", "--lang", "en", &shown],
            format!(
                "{shown}: error: this folder already exists and is not empty\n  \
                 help: choose a new folder name: stdportal init my-portal\n"
            ),
        ),
    ] {
        let output = Command::new(stdportal_binary())
            .args(&args)
            .output()
            .unwrap();
        assert_eq!(assert_refused_output(&output, &[]), expected, "{args:?}");
    }
    let left: Vec<_> = std::fs::read_dir(dir.path()).unwrap().collect();
    assert_eq!(left.len(), 1, "nothing was written");
}

/// A `stdportal serve --lang LANG` on any free port, stopped when dropped.
struct Server {
    child: Child,
    addr: SocketAddr,
    stdout: Arc<Mutex<String>>,
    stderr: Arc<Mutex<String>>,
}

impl Server {
    /// Starts it and waits for its `serving` line, `serving` followed by the URL.
    fn start(root: &Path, lang: &str, serving: &str) -> Server {
        Server::start_with(root, lang, serving, |_| {})
    }

    /// Like `start`, with `configure` applied to the command first.
    fn start_with(
        root: &Path,
        lang: &str,
        serving: &str,
        configure: impl FnOnce(&mut Command),
    ) -> Server {
        let mut command = Command::new(stdportal_binary());
        configure(&mut command);
        let mut child = command
            .args(["serve", "--port", "0", "--lang", lang, "--root"])
            .arg(root)
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        let stdout = Arc::new(Mutex::new(String::new()));
        let stderr = Arc::new(Mutex::new(String::new()));
        let (line_tx, line_rx) = mpsc::channel();
        drain(child.stdout.take().unwrap(), stdout.clone(), Some(line_tx));
        drain(child.stderr.take().unwrap(), stderr.clone(), None);
        let deadline = Instant::now() + TIMEOUT;
        let url = loop {
            let left = deadline.saturating_duration_since(Instant::now());
            match line_rx.recv_timeout(left) {
                Ok(line) => {
                    if let Some(rest) = line.strip_prefix(serving) {
                        break rest.to_string();
                    }
                }
                Err(_) => {
                    let _ = child.kill();
                    panic!(
                        "no {serving:?} line; stdout:\n{}\nstderr:\n{}",
                        stdout.lock().unwrap(),
                        stderr.lock().unwrap()
                    );
                }
            }
        };
        // `http://127.0.0.1:PORT/` and what follows it on the line.
        let host = url
            .strip_prefix("http://")
            .and_then(|u| u.split('/').next())
            .expect("the line names http://HOST:PORT/");
        Server {
            child,
            addr: host.parse().expect("HOST:PORT"),
            stdout,
            stderr,
        }
    }

    fn get(&self, path: &str) -> String {
        self.get_for(path, &self.addr.to_string())
    }

    /// The whole response (status line, headers, body) to a GET of `path` naming `host`.
    fn get_for(&self, path: &str, host: &str) -> String {
        let mut stream = TcpStream::connect(self.addr).unwrap();
        stream.set_read_timeout(Some(TIMEOUT)).unwrap();
        write!(
            stream,
            "GET {path} HTTP/1.1\r\nHost: {host}\r\nConnection: close\r\n\r\n"
        )
        .unwrap();
        let mut response = Vec::new();
        stream.read_to_end(&mut response).unwrap();
        String::from_utf8(response).unwrap()
    }

    /// What the live-reload stream has sent once it contains `needle` (the first events come
    /// at once, each later one after a rebuild).
    fn events_until(&self, needle: &str) -> String {
        let mut stream = TcpStream::connect(self.addr).unwrap();
        stream
            .set_read_timeout(Some(Duration::from_millis(200)))
            .unwrap();
        write!(
            stream,
            "GET /__stdportal/events HTTP/1.1\r\nHost: {}\r\n\r\n",
            self.addr
        )
        .unwrap();
        let deadline = Instant::now() + TIMEOUT;
        let mut received = Vec::new();
        let mut buffer = [0u8; 4096];
        while Instant::now() < deadline {
            match stream.read(&mut buffer) {
                Ok(0) => break,
                Ok(n) => received.extend_from_slice(&buffer[..n]),
                Err(_) => {} // Nothing yet.
            }
            if String::from_utf8_lossy(&received).contains(needle) {
                break;
            }
        }
        String::from_utf8_lossy(&received).into_owned()
    }

    fn stdout_with(&self, needle: &str) -> String {
        wait_for(&self.stdout, needle)
    }

    fn stderr_with(&self, needle: &str) -> String {
        wait_for(&self.stderr, needle)
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// Reads `pipe` into `into` line by line for the server's whole life, sending each line on.
fn drain(
    pipe: impl Read + Send + 'static,
    into: Arc<Mutex<String>>,
    lines: Option<mpsc::Sender<String>>,
) {
    std::thread::spawn(move || {
        for line in BufReader::new(pipe).lines() {
            let Ok(line) = line else { break };
            into.lock().unwrap().push_str(&format!("{line}\n"));
            if let Some(lines) = &lines {
                let _ = lines.send(line);
            }
        }
    });
}

fn wait_for(text: &Mutex<String>, needle: &str) -> String {
    let deadline = Instant::now() + TIMEOUT;
    loop {
        let now = text.lock().unwrap().clone();
        if now.contains(needle) || Instant::now() > deadline {
            return now;
        }
        std::thread::sleep(Duration::from_millis(50));
    }
}

/// The mistake the tests make: Chinese quotes around a value in front matter.
const BROKEN_PAGE: &str = "+++\ntitle = “标题”\n+++\n正文。\n";
const MISTAKE_HANS: &str =
    "content/policies/ime.md:2:9: 错误：第 2 行第 9 列：title 用了中文引号“”，请改成英文引号 \"\"";

#[test]
fn serve_logs_and_shows_a_broken_page_in_chinese() {
    let site = TestSite::basic();
    let server = Server::start(site.root(), "zh-Hans", "预览地址 ");
    assert_has(
        &server.stdout_with("预览地址"),
        &[
            "已在内存中生成 ",
            &format!("预览地址 http://{}/（按 Ctrl-C 停止）\n", server.addr),
        ],
    );
    // Every page carries the overlay's words in the script's language.
    assert_has(
        &server.get("/"),
        &[
            "\"title\":\"生成失败\"",
            "\"note\":\"服务器仍提供上一次成功生成的页面。改好后这个提示会自动消失。\"",
            "\"close\":\"关闭\"",
            "\"title\":\"產生失敗\"",
        ],
    );

    site.page("policies/ime.md", BROKEN_PAGE);
    // The page's overlay shows the error event's text: the message, in Chinese.
    let events = server.events_until(MISTAKE_HANS);
    assert_has(&events, &["event: error", MISTAKE_HANS]);
    assert_has(
        &server.stderr_with("重新生成失败"),
        &[
            MISTAKE_HANS,
            "content/policies/ime.md 有改动，重新生成失败（用时 ",
            "仍在提供上一次成功生成的网站。",
        ],
    );

    // Fixed: the log says so in the same sentence as what changed.
    site.page("policies/ime.md", "+++\ntitle = \"标题\"\n+++\n正文。\n");
    assert_has(
        &server.stdout_with("错误已改好"),
        &["content/policies/ime.md 有改动，已在 ", "；错误已改好"],
    );
}

#[test]
fn serve_shows_a_site_that_never_built_in_chinese() {
    let site = TestSite::basic();
    site.page("policies/ime.md", BROKEN_PAGE);
    let server = Server::start(site.root(), "zh-Hant", "預覽地址 ");
    assert_has(
        &server.stderr_with("產生失敗"),
        &["產生失敗：改好以前每個頁面都會顯示這個錯誤"],
    );
    let page = server.get("/zh-hant/");
    assert_has(
        &page,
        &[
            "HTTP/1.1 500",
            "<title>產生失敗 - stdportal</title>",
            "網站還沒有成功產生過。改好後這個頁面會自動重新載入。",
            // The diagnostic in the page, in the editor's language and script.
            "content/policies/ime.md:2:9: 錯誤：第 2 行第 9 欄：title 用了中文引號“”，請改成英文引號 &quot;&quot;",
        ],
    );
}

#[test]
fn serve_refuses_a_foreign_host_in_chinese() {
    let site = TestSite::basic();
    let server = Server::start(site.root(), "zh-Hans", "预览地址 ");
    let refused = server.get_for("/", "evil.example");
    let url = format!("http://{}/", server.addr);
    assert_has(
        &refused,
        &[
            "HTTP/1.1 403",
            &format!(
                "403 Forbidden：这个 stdportal 预览不响应主机名“evil.example”。\n\
                 请访问 {url} 或 http://localhost:{}/。\n\
                 为防止 DNS 重绑定攻击，其他主机名都会被拒绝。\n",
                server.addr.port()
            ),
        ],
    );
    assert_has(
        &server.stderr_with("evil.example"),
        &[&format!(
            "拒绝了访问主机名“evil.example”的请求：预览只在 {url} 或 http://localhost:{}/ 响应（为防止 DNS 重绑定攻击）。",
            server.addr.port()
        )],
    );
}

/// With few descriptors, the warning that connections are closed to make room (as in
/// serve::idle_connections_do_not_lock_other_clients_out, in Chinese).
#[cfg(unix)]
#[test]
fn serve_warns_of_the_connection_limit_in_chinese() {
    use std::os::unix::process::CommandExt;
    let site = TestSite::basic();
    let server = Server::start_with(site.root(), "zh-Hans", "预览地址 ", |command| {
        // SAFETY: setrlimit is async-signal-safe; nothing else runs between fork and exec.
        unsafe {
            command.pre_exec(|| {
                let limit = libc::rlimit {
                    rlim_cur: 64,
                    rlim_max: 64,
                };
                if libc::setrlimit(libc::RLIMIT_NOFILE, &limit) != 0 {
                    return Err(std::io::Error::last_os_error());
                }
                Ok(())
            });
        }
    });
    let idle: Vec<TcpStream> = (0..100)
        .filter_map(|_| TcpStream::connect_timeout(&server.addr, Duration::from_secs(5)).ok())
        .collect();
    let log = server.stderr_with("（此提示只显示一次）。");
    assert_has(
        &log,
        &[
            "注意：已达到连接数上限：最多保持 32 个连接（打开文件数上限为 64），\
           空闲最久的连接会被关闭，为新连接腾出位置（此提示只显示一次）。",
        ],
    );
    drop(idle);
}
