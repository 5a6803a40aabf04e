//! `stdportal serve`: builds the site into memory, serves it on 127.0.0.1 with live reload, and
//! rebuilds when a source changes.
//!
//! The output of serve mode never touches the disk: each build is a map path → bytes that
//! replaces the previous one whole when it succeeds. So `public/` from a normal build is left
//! alone, a failed rebuild keeps the last good site up (unless it refused a file unread: a link
//! out of the site, a pipe, a file too large; then no page is served until it is fixed), and a
//! request can only ever name a file of the build: nothing outside it can be reached, whatever
//! the path says.

/// Like `println!`, but a closed stdout (`serve | head -1`) must not panic the watcher thread.
macro_rules! say {
    ($($arg:tt)*) => {{
        use std::io::Write as _;
        let mut out = std::io::stdout().lock();
        let _ = writeln!(out, $($arg)*);
        let _ = out.flush();
    }};
}

/// A warning about the server itself: a line on stderr (without the panic on a closed stderr),
/// or a diagnostic event in JSON mode.
macro_rules! warn {
    ($($arg:tt)*) => {{
        $crate::serve::warning(&format!($($arg)*));
    }};
}

/// Like `eprintln!`, without the panic on a closed stderr: the log's lines about the site.
macro_rules! tell {
    ($($arg:tt)*) => {{
        use std::io::Write as _;
        let _ = writeln!(std::io::stderr().lock(), $($arg)*);
    }};
}

mod conn;
mod hosts;
mod http;
mod livereload;
mod rebuild;
mod streams;
mod watch;

use std::net::{IpAddr, Ipv4Addr, SocketAddr, TcpListener};
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, PoisonError, RwLock};
use std::time::Instant;

use tokio::sync::broadcast;

pub use http::{content_type, resolve};
pub(crate) use rebuild::ChangeKind;
pub use rebuild::{diff, Changes, FileMap, Rebuilder};
pub use watch::relevant;

use crate::error::io_error;
use crate::error::{Diagnostic, Diagnostics};
use crate::i18n::Arg;
use crate::report::events::{self, DiagnosticEvent, Event, Severity};
use crate::report::progress::{self, Stage};
use crate::site::BuildOptions;
use crate::sync::lock;
use crate::t;

/// The port tried first when none is given.
pub const DEFAULT_PORT: u16 = 1111;
/// How many ports after the requested one are tried when it is taken.
const PORT_ATTEMPTS: u16 = 20;

/// What `stdportal serve` was asked: the site, where to answer, and which pages to show.
pub struct ServeOptions {
    /// The site's folder (where `config.toml` is).
    pub root: PathBuf,
    /// 0 lets the system choose a free port.
    pub port: u16,
    /// 127.0.0.1 unless the user deliberately exposes the site.
    pub bind: IpAddr,
    /// Open the site in the default browser once it is served.
    pub open: bool,
    /// Show draft pages too (`--drafts`).
    pub drafts: bool,
    /// Show pages dated after today too (`--future`), to preview scheduled pages.
    pub future: bool,
}

impl Default for ServeOptions {
    fn default() -> Self {
        ServeOptions {
            root: PathBuf::from("."),
            port: DEFAULT_PORT,
            bind: IpAddr::V4(Ipv4Addr::LOCALHOST),
            open: false,
            drafts: false,
            future: false,
        }
    }
}

/// What the server currently serves.
pub(crate) struct Snapshot {
    /// The last good build (empty until one succeeded).
    pub files: Arc<FileMap>,
    /// Whether a build has succeeded and its pages may be served: until then (and after a
    /// rebuild that refused a file, until one succeeds) every URL shows the error page.
    pub built: bool,
    /// The pages were taken away because a rebuild refused a file (`built` is false then).
    pub withheld: bool,
    /// The diagnostics of the latest build if it failed.
    pub error: Option<Arc<str>>,
    /// Changes with every new output, and is unique to this server process, so a page can
    /// tell that it is older than what is served (it missed an event, or the server restarted).
    pub build_id: String,
}

/// What pages listening for live reload are told.
#[derive(Clone, Debug)]
pub(crate) enum LiveEvent {
    Reload {
        paths: Vec<String>,
        build_id: String,
    },
    Css {
        paths: Vec<String>,
        build_id: String,
    },
    Error(Arc<str>),
}

pub(crate) struct Shared {
    snapshot: RwLock<Arc<Snapshot>>,
    /// The path the site is served under, without its leading `/`: empty, or `bzh/`.
    pub base: String,
    pub events: broadcast::Sender<LiveEvent>,
    instance: String,
    generation: std::sync::atomic::AtomicU64,
}

impl Shared {
    fn new(base_path: &str) -> Self {
        // Process id and start time: different for every run of the server, which is all the
        // page needs to notice a restart.
        let nanos = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map(|d| d.as_nanos())
            .unwrap_or_default();
        let instance = format!("{:x}{:x}", std::process::id(), nanos & 0xffff_ffff);
        Shared {
            snapshot: RwLock::new(Arc::new(Snapshot {
                files: Arc::new(FileMap::new()),
                built: false,
                withheld: false,
                error: None,
                build_id: format!("{instance}-0"),
            })),
            events: broadcast::channel(64).0,
            base: base_path.trim_start_matches('/').to_string(),
            instance,
            generation: 0.into(),
        }
    }

    pub(crate) fn snapshot(&self) -> Arc<Snapshot> {
        self.snapshot
            .read()
            .unwrap_or_else(PoisonError::into_inner)
            .clone()
    }

    fn next_build_id(&self) -> String {
        let n = self
            .generation
            .fetch_add(1, std::sync::atomic::Ordering::Relaxed)
            + 1;
        format!("{}-{n}", self.instance)
    }

    fn set(&self, snapshot: Snapshot) {
        *self
            .snapshot
            .write()
            .unwrap_or_else(PoisonError::into_inner) = Arc::new(snapshot);
    }

    /// Makes a build's outcome what is served, and tells the pages.
    fn publish(&self, outcome: &Result<Changes, Diagnostics>) {
        let current = self.snapshot();
        match outcome {
            Ok(changes) => {
                let build_id = self.next_build_id();
                // A stylesheet-only update leaves a failed build failed: the pages are still
                // the last good ones, or none when the failure took them away.
                let (files, built, error) = match changes.kind {
                    ChangeKind::Css if !current.built => {
                        (current.files.clone(), false, current.error.clone())
                    }
                    ChangeKind::Css => (changes.files.clone(), true, current.error.clone()),
                    ChangeKind::Full => (changes.files.clone(), true, None),
                };
                self.set(Snapshot {
                    files,
                    built,
                    withheld: !built && current.withheld,
                    error,
                    build_id: build_id.clone(),
                });
                let paths = changes.paths.clone();
                let _ = self.events.send(match changes.kind {
                    ChangeKind::Css => LiveEvent::Css { paths, build_id },
                    ChangeKind::Full => LiveEvent::Reload { paths, build_id },
                });
            }
            Err(diagnostics) => {
                let message: Arc<str> = diagnostics.to_string().into();
                // A file refused unread (a link out of the site, a pipe, a file too large) is
                // refused as `build` refuses it: the last good build may show what it held
                // before, or what a link led to, so it is not served on. Every address shows
                // the problem until it is fixed, and open pages reload to show it.
                if diagnostics.iter().any(|d| d.refused) {
                    let build_id = self.next_build_id();
                    self.set(Snapshot {
                        files: Arc::new(FileMap::new()),
                        built: false,
                        withheld: true,
                        error: Some(message.clone()),
                        build_id: build_id.clone(),
                    });
                    let _ = self.events.send(LiveEvent::Error(message));
                    let _ = self.events.send(LiveEvent::Reload {
                        paths: vec!["*".into()],
                        build_id,
                    });
                    return;
                }
                self.set(Snapshot {
                    files: current.files.clone(),
                    built: current.built,
                    withheld: current.withheld,
                    error: Some(message.clone()),
                    build_id: current.build_id.clone(),
                });
                let _ = self.events.send(LiveEvent::Error(message));
            }
        }
    }
}

/// Builds the site, serves it until Ctrl-C and rebuilds it on every change.
pub fn run(options: ServeOptions) -> Result<(), Diagnostic> {
    // Watched by its canonical path (that is what the watcher reports), but built from the
    // path as given, so diagnostics name files the way `build` does.
    let watch_root = options
        .root
        .canonicalize()
        .ok()
        .filter(|r| r.is_dir())
        .ok_or_else(|| {
            Diagnostic::new(&options.root, t!("serve-not-a-folder"))
                .hint(t!("serve-not-a-folder-hint"))
        })?;
    let site_root = options.root.clone();
    // Before anything opens files: the connection cap depends on the limit.
    let limits = conn::Limits::for_this_process();
    let listener = bind(options.bind, options.port)?;
    let port = listener
        .local_addr()
        .map_err(|e| failed(t!("serve-cannot-start", error = io_error(&e))))?
        .port();
    // The preview is served under the site's own path (`/bzh/` for `base_url =
    // "https://…/bzh/"`), so an address written `/bzh/files/x.pdf` works in the preview as it
    // does on the server; `/` sends the reader there. A broken `config.toml` is reported by the
    // first build; the preview is then at `/` until it is restarted.
    let base_path = crate::config::Config::load(&options.root.join("config.toml"))
        .map(|c| c.base_path().to_string())
        .unwrap_or_else(|_| "/".into());
    let url = format!(
        "http://{}{base_path}",
        SocketAddr::new(shown_host(options.bind), port)
    );

    let rebuilder = Rebuilder::new(BuildOptions {
        root: site_root.clone(),
        base_url: Some(url.clone()),
        drafts: options.drafts,
        future: options.future,
        search: true,
    });
    let shared = Arc::new(Shared::new(&base_path));
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .map_err(|e| failed(t!("serve-cannot-start", error = io_error(&e))))?;
    let started = Instant::now();
    let rebuilder = Arc::new(Mutex::new(rebuilder));
    let watching = progress::watch();
    let first = lock(&rebuilder).rebuild(&[]);
    let ran = watching.finish();
    first_build(&first, &lock(&rebuilder), &ran, started);
    shared.publish(&first);

    let signals = {
        let _context = runtime.enter();
        http::Signals::install().map_err(|e| failed(t!("serve-no-ctrl-c", error = io_error(&e))))?
    };
    // Watching before saying "Serving": an edit made as soon as the address is shown (a test
    // does it at once) must not be missed.
    let watching = {
        let shared = shared.clone();
        let root = watch_root.clone();
        watch::spawn(watch_root, move |changed| {
            let started = Instant::now();
            let what = describe(&root, &changed);
            let changed_in_root = changed.clone();
            let changed: Vec<PathBuf> = changed
                .iter()
                .map(|p| site_root.join(p.strip_prefix(&root).unwrap_or(p)))
                .collect();
            let outcome = lock(&rebuilder).rebuild(&changed);
            let names = changed_names(&root, &changed_in_root);
            report(&outcome, &what, &names, started.elapsed(), &shared);
            shared.publish(&outcome);
        })
    };
    if let Err(e) = watching {
        warn!("{}", t!("serve-no-watch", error = e.to_string()));
    }
    let serving = t!("serve-serving", url = &url);
    if crate::report::json() {
        events::emit(&Event::Serving {
            url: url.clone(),
            message: serving,
        });
    } else if !crate::report::quiet() {
        say!("{serving}");
    }
    if options.bind.is_unspecified() {
        warn!(
            "{}",
            t!("serve-bind-warning", bind = options.bind.to_string())
        );
    }

    if options.open {
        open_browser(&url);
    }

    let hosts = Arc::new(hosts::HostPolicy::new(options.bind, port, url));
    runtime
        .block_on(http::serve(listener, shared, hosts, limits, signals))
        .map_err(|e| failed(t!("serve-stopped-error", error = io_error(&e))))?;
    // The watcher thread may be in the middle of a build: it need not finish.
    runtime.shutdown_background();
    if human_log() {
        say!("{}", t!("serve-stopped"));
    }
    Ok(())
}

/// Whether the log says what went well (not in JSON mode, where events say it, nor with
/// `--quiet`).
fn human_log() -> bool {
    !crate::report::json() && !crate::report::quiet()
}

/// A warning about the server (see `warn!`).
pub(crate) fn warning(text: &str) {
    if crate::report::json() {
        events::emit(&Event::Diagnostic(DiagnosticEvent::about_the_command(
            Severity::Warning,
            text,
        )));
    } else {
        tell!("{text}");
    }
}

/// What the first build did: the site in memory, or its problems.
fn first_build(
    outcome: &Result<Changes, Diagnostics>,
    rebuilder: &Rebuilder,
    ran: &progress::Ran,
    started: Instant,
) {
    let ms = started.elapsed();
    match outcome {
        Ok(changes) => {
            let pages = changes
                .files
                .keys()
                .filter(|p| p.ends_with(".html"))
                .count();
            let built = t!(
                "serve-built",
                pages = pages,
                files = changes.files.len(),
                ms = ms.as_millis().to_string()
            );
            if !crate::report::json() {
                if !crate::report::quiet() {
                    say!("{built}");
                }
                return;
            }
            if ran.has(Stage::Index) {
                events::emit(&Event::SearchIndexReady {
                    ms: events::ms(started.elapsed()),
                });
            }
            let site = rebuilder.site();
            events::emit(&Event::Built {
                pages,
                files: changes.files.len(),
                output: None,
                profile: site
                    .map(|s| s.converter().profile().name().to_string())
                    .unwrap_or_default(),
                ms: events::ms(ms),
                timings: site
                    .map(|s| events::timings(s.timings()))
                    .unwrap_or_default(),
                message: built,
            });
        }
        Err(diagnostics) => {
            let failed = t!("serve-first-build-failed");
            if crate::report::json() {
                events::emit_all(diagnostics, Severity::Error);
                events::emit(&Event::BuildFailed {
                    problems: diagnostics.len(),
                    ms: events::ms(ms),
                    message: failed,
                });
            } else {
                tell!("{diagnostics}");
                tell!("\n{failed}");
            }
        }
    }
}

fn report(
    outcome: &Result<Changes, Diagnostics>,
    what: &str,
    changed: &[String],
    took: std::time::Duration,
    shared: &Shared,
) {
    let ms = took.as_millis();
    match outcome {
        Ok(changes) => {
            let css = changes.kind == ChangeKind::Css;
            let fixed = shared.snapshot().error.is_some();
            let said = if css && changes.paths.is_empty() {
                t!("serve-css-unchanged", ms = ms.to_string(), what = what)
            } else if css {
                t!(
                    "serve-css-reloaded",
                    ms = ms.to_string(),
                    what = what,
                    files = changes.paths.join(", ")
                )
            } else {
                let pages = changes.pages();
                // Whole sentence, one message: the catalogue chooses which clauses it says.
                let routes = match changes.partial {
                    Some(routes) => Arg::from(routes),
                    None => Arg::from("none"),
                };
                t!(
                    "serve-rebuilt",
                    ms = ms.to_string(),
                    what = what,
                    pages = pages,
                    others = changes.paths.len() - pages,
                    fixed = if fixed { "yes" } else { "no" },
                    routes = routes
                )
            };
            if !crate::report::json() {
                if !crate::report::quiet() {
                    say!("{said}");
                }
                return;
            }
            let (pages, files) = changes
                .paths
                .iter()
                .cloned()
                .partition(|p| p.ends_with(".html"));
            let kind = match (css, changes.partial) {
                (true, _) => "css",
                (false, Some(_)) => "partial",
                (false, None) => "full",
            };
            events::emit(&Event::Rebuilt {
                ms: events::ms(took),
                changed: changed.to_vec(),
                kind: kind.into(),
                pages,
                files,
                rendered: changes.partial,
                fixed: fixed && !css,
                message: said,
            });
        }
        Err(diagnostics) => {
            let ms_text = ms.to_string();
            let refused = diagnostics.iter().any(|d| d.refused);
            let said = if refused {
                t!("serve-rebuild-refused", ms = ms_text, what = what)
            } else {
                t!("serve-rebuild-failed", ms = ms_text, what = what)
            };
            if crate::report::json() {
                events::emit_all(diagnostics, Severity::Error);
                events::emit(&Event::RebuildFailed {
                    ms: events::ms(took),
                    changed: changed.to_vec(),
                    problems: diagnostics.len(),
                    refused,
                    message: said,
                });
            } else {
                tell!("{diagnostics}");
                tell!("{said}");
            }
        }
    }
}

/// The changed files as the site names them (`content/a.md`), sorted.
fn changed_names(root: &Path, changed: &[PathBuf]) -> Vec<String> {
    let mut names: Vec<String> = changed
        .iter()
        .map(|p| {
            p.strip_prefix(root)
                .unwrap_or(p)
                .to_string_lossy()
                .replace('\\', "/")
        })
        .collect();
    names.sort();
    names.dedup();
    names
}

/// `content/a.md`, or `content/a.md and 3 more`.
fn describe(root: &Path, changed: &[PathBuf]) -> String {
    let shown = |p: &PathBuf| {
        p.strip_prefix(root)
            .unwrap_or(p)
            .to_string_lossy()
            .replace('\\', "/")
    };
    // A file that still exists is the one the user saved; tools' vanished temporary files
    // (`sed -i`, some editors) are rather mentioned only in the count.
    let first = changed
        .iter()
        .find(|p| p.exists())
        .or_else(|| changed.first());
    match (first, changed.len()) {
        (None, _) => t!("serve-changed-nothing"),
        (Some(one), 1) => shown(one),
        (Some(first), n) => t!("serve-changed-more", first = shown(first), more = n - 1),
    }
}

/// Binds `port`, or the next free one of the following [`PORT_ATTEMPTS`] (port 0: any).
fn bind(address: IpAddr, port: u16) -> Result<TcpListener, Diagnostic> {
    let last = if port == 0 {
        0
    } else {
        port.saturating_add(PORT_ATTEMPTS)
    };
    for candidate in port..=last {
        match TcpListener::bind(SocketAddr::new(address, candidate)) {
            Ok(listener) => return Ok(listener),
            Err(e) if e.kind() == std::io::ErrorKind::AddrInUse => {}
            Err(e) => {
                return Err(failed(t!(
                    "serve-cannot-listen",
                    address = address.to_string(),
                    port = candidate.to_string(),
                    error = io_error(&e)
                ))
                .hint(t!("serve-cannot-listen-hint")))
            }
        }
    }
    Err(Diagnostic::new(
        "stdportal serve",
        t!(
            "serve-ports-taken",
            first = port.to_string(),
            last = last.to_string(),
            address = address.to_string()
        ),
    )
    .hint(t!("serve-ports-taken-hint")))
}

/// A problem of the server itself (not of the site's files).
fn failed(message: String) -> Diagnostic {
    Diagnostic::new("stdportal serve", message)
}

/// The host to put in the URL: where the site can be reached from this computer.
fn shown_host(bind: IpAddr) -> IpAddr {
    match bind {
        IpAddr::V4(a) if a.is_unspecified() => IpAddr::V4(Ipv4Addr::LOCALHOST),
        IpAddr::V6(a) if a.is_unspecified() => IpAddr::V6(std::net::Ipv6Addr::LOCALHOST),
        other => other,
    }
}

/// Best effort: a missing opener or browser must not stop the server.
fn open_browser(url: &str) {
    let mut command = if cfg!(target_os = "macos") {
        std::process::Command::new("open")
    } else if cfg!(windows) {
        let mut c = std::process::Command::new("cmd");
        c.args(["/C", "start", ""]);
        c
    } else {
        std::process::Command::new("xdg-open")
    };
    let _ = command
        .arg(url)
        .stdin(std::process::Stdio::null())
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn();
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_taken_port_moves_on_to_the_next_free_one() {
        let taken = TcpListener::bind("127.0.0.1:0").unwrap();
        let port = taken.local_addr().unwrap().port();
        let Ok(next) = bind(IpAddr::V4(Ipv4Addr::LOCALHOST), port) else {
            return; // The following 20 ports happen to be taken too: nothing to check.
        };
        let next = next.local_addr().unwrap().port();
        assert!(next > port && next <= port + PORT_ATTEMPTS, "{next}");
    }

    #[test]
    fn the_url_names_a_reachable_host() {
        assert_eq!(
            shown_host("0.0.0.0".parse().unwrap()).to_string(),
            "127.0.0.1"
        );
        assert_eq!(shown_host("::".parse().unwrap()).to_string(), "::1");
        assert_eq!(
            shown_host("192.168.1.5".parse().unwrap()).to_string(),
            "192.168.1.5"
        );
    }

    #[test]
    fn a_failed_build_keeps_the_last_good_files_and_its_build_id() {
        let shared = Shared::new("/");
        let files: Arc<FileMap> = Arc::new(
            [("index.html".to_string(), "x".into())]
                .into_iter()
                .collect(),
        );
        let mut events = shared.events.subscribe();
        shared.publish(&Ok(Changes {
            kind: ChangeKind::Full,
            paths: vec!["index.html".into()],
            partial: None,
            index: None,
            files: files.clone(),
        }));
        let good = shared.snapshot();
        assert!(good.built && good.error.is_none());
        shared.publish(&Err(crate::error::Diagnostic::new("content/a.md", "bad")
            .at(3, 1)
            .into()));
        let bad = shared.snapshot();
        assert_eq!(bad.files, files);
        assert_eq!(bad.build_id, good.build_id);
        assert_eq!(bad.error.as_deref(), Some("content/a.md:3:1: error: bad"));
        assert!(matches!(events.try_recv(), Ok(LiveEvent::Reload { .. })));
        assert!(matches!(events.try_recv(), Ok(LiveEvent::Error(_))));
    }

    #[test]
    fn a_build_that_refused_a_file_withholds_the_last_good_files_until_one_succeeds() {
        let shared = Shared::new("/");
        let files: Arc<FileMap> = Arc::new(
            [("index.html".to_string(), "x".into())]
                .into_iter()
                .collect(),
        );
        let good = |kind| {
            Ok(Changes {
                kind,
                paths: vec!["index.html".into()],
                partial: None,
                index: None,
                files: files.clone(),
            })
        };
        shared.publish(&good(ChangeKind::Full));
        let mut events = shared.events.subscribe();
        let refused = crate::error::Diagnostic::new("content/a.md", "outside").refused();
        shared.publish(&Err(refused.into()));
        let withheld = shared.snapshot();
        assert!(withheld.files.is_empty() && !withheld.built && withheld.withheld);
        assert!(matches!(events.try_recv(), Ok(LiveEvent::Error(_))));
        assert!(
            matches!(events.try_recv(), Ok(LiveEvent::Reload { paths, .. }) if paths == ["*"]),
            "open pages reload to show the problem"
        );
        // Neither another failure nor a stylesheet brings the pages back; a build does.
        shared.publish(&Err(
            crate::error::Diagnostic::new("content/b.md", "bad").into()
        ));
        shared.publish(&good(ChangeKind::Css));
        let still = shared.snapshot();
        assert!(still.files.is_empty() && !still.built && still.withheld);
        shared.publish(&good(ChangeKind::Full));
        let back = shared.snapshot();
        assert!(back.built && !back.withheld && back.error.is_none());
        assert_eq!(back.files, files);
    }
}
