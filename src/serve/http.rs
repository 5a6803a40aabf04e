//! The HTTP side of `serve`: files from the in-memory build, the live-reload event stream, and
//! a graceful stop on Ctrl-C.
//!
//! Built on axum 0.8 and tokio: a well-kept stack that handles many concurrent connections and
//! has first-class Server-Sent Events (`axum::response::sse`) for the live-reload channel.
//! Connections are accepted by [`super::conn`] rather than `axum::serve`, which cannot time out
//! idle connections; requests for a foreign `Host` are refused there ([`super::hosts`]).

use std::convert::Infallible;
use std::sync::Arc;
use std::time::Duration;

use axum::body::{Body, Bytes};
use axum::extract::State;
use axum::http::{header, HeaderValue, Method, StatusCode, Uri};
use axum::response::sse::{Event, KeepAlive, Sse};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::Router;
use futures_util::stream::{self, Stream, StreamExt};
use tokio::sync::{broadcast, watch};

use super::conn::{self, Limits};
use super::hosts::HostPolicy;
use super::livereload::{self, EVENTS_PATH};
use super::streams::{stream_cap, Streams};
use super::{LiveEvent, Shared, Snapshot};

#[derive(Clone)]
struct App {
    shared: Arc<Shared>,
    /// Becomes `true` on Ctrl-C: event streams end so the graceful shutdown can finish.
    stopping: watch::Receiver<bool>,
    /// The open event streams, capped so they never take every connection.
    streams: Arc<Streams>,
}

/// Ctrl-C and SIGTERM, listened for from the moment this is made: a signal that arrives before
/// the server is polled must still stop it gracefully, not kill it with the default action.
pub(super) struct Signals {
    #[cfg(unix)]
    interrupt: tokio::signal::unix::Signal,
    #[cfg(unix)]
    terminate: tokio::signal::unix::Signal,
}

impl Signals {
    /// Must be called inside the runtime's context (`Runtime::enter`).
    pub(super) fn install() -> std::io::Result<Signals> {
        #[cfg(unix)]
        {
            use tokio::signal::unix::{signal, SignalKind};
            Ok(Signals {
                interrupt: signal(SignalKind::interrupt())?,
                terminate: signal(SignalKind::terminate())?,
            })
        }
        #[cfg(not(unix))]
        Ok(Signals {})
    }

    async fn recv(&mut self) {
        #[cfg(unix)]
        tokio::select! {
            _ = self.interrupt.recv() => {}
            _ = self.terminate.recv() => {}
        }
        #[cfg(not(unix))]
        if tokio::signal::ctrl_c().await.is_err() {
            // Without a handler Ctrl-C still ends the process, only less tidily.
            std::future::pending::<()>().await;
        }
    }
}

/// Serves until Ctrl-C (or SIGTERM), then stops accepting, ends the event streams and waits a
/// little for requests in flight.
pub(crate) async fn serve(
    listener: std::net::TcpListener,
    shared: Arc<Shared>,
    hosts: Arc<HostPolicy>,
    limits: Limits,
    mut signals: Signals,
) -> std::io::Result<()> {
    listener.set_nonblocking(true)?;
    let listener = tokio::net::TcpListener::from_std(listener)?;
    let (stop, stopping) = watch::channel(false);
    let streams = Arc::new(Streams::new(stream_cap(limits.max_connections)));
    let app = Router::new()
        .route(EVENTS_PATH, get(events))
        .fallback(file)
        .with_state(App {
            shared,
            stopping: stopping.clone(),
            streams,
        });
    let mut server = tokio::spawn(conn::accept_loop(listener, app, hosts, limits, stopping));
    tokio::select! {
        _ = &mut server => return Ok(()),
        _ = signals.recv() => {}
    }
    let _ = stop.send(true);
    // A client that never reads its response must not keep the process alive.
    let _ = tokio::time::timeout(Duration::from_secs(3), server).await;
    Ok(())
}

/// The live-reload stream: a `hello` with the current build id (so a page can tell it missed
/// a rebuild or the server restarted), the current error if there is one, then every event.
async fn events(State(app): State<App>) -> Sse<impl Stream<Item = Result<Event, Infallible>>> {
    // Room for this stream first (the oldest may end for it), then subscribe before reading
    // the snapshot, so nothing published in between is lost.
    let (ended, slot) = app.streams.open();
    let receiver = app.shared.events.subscribe();
    let snapshot = app.shared.snapshot();
    let mut first = vec![Event::default()
        .event("hello")
        .id(snapshot.build_id.clone())
        .data(snapshot.build_id.clone())
        .retry(Duration::from_millis(500))];
    if let Some(error) = &snapshot.error {
        first.push(Event::default().event("error").data(error.as_ref()));
    }
    let rest = stream::unfold(
        (receiver, app.stopping, ended, slot),
        |(mut receiver, mut stopping, mut ended, slot)| async move {
            if *stopping.borrow() {
                return None;
            }
            let event = tokio::select! {
                // Ended to make room for a newer stream.
                _ = &mut ended => return None,
                received = receiver.recv() => match received {
                    Ok(event) => to_sse(&event),
                    // Too slow to keep up: it cannot know what changed, so it reloads.
                    Err(broadcast::error::RecvError::Lagged(_)) => {
                        Event::default().event("reload").data("[\"*\"]")
                    }
                    Err(broadcast::error::RecvError::Closed) => return None,
                },
                _ = stopping.changed() => return None,
            };
            Some((Ok(event), (receiver, stopping, ended, slot)))
        },
    );
    Sse::new(stream::iter(first.into_iter().map(Ok)).chain(rest))
        .keep_alive(KeepAlive::new().interval(Duration::from_secs(15)))
}

fn to_sse(event: &LiveEvent) -> Event {
    let json = |paths: &[String]| serde_json::to_string(paths).unwrap_or_else(|_| "[\"*\"]".into());
    match event {
        LiveEvent::Reload { paths, build_id } => Event::default()
            .event("reload")
            .id(build_id.as_str())
            .data(json(paths)),
        LiveEvent::Css { paths, build_id } => Event::default()
            .event("css")
            .id(build_id.as_str())
            .data(json(paths)),
        LiveEvent::Error(message) => Event::default().event("error").data(message.as_ref()),
    }
}

async fn file(State(app): State<App>, method: Method, uri: Uri) -> Response {
    if method != Method::GET && method != Method::HEAD {
        return (
            StatusCode::METHOD_NOT_ALLOWED,
            [
                (header::ALLOW, "GET, HEAD"),
                (header::CACHE_CONTROL, "no-store"),
            ],
        )
            .into_response();
    }
    let snapshot = app.shared.snapshot();
    let raw = uri.path();
    let Some(rel) = resolve(raw) else {
        return not_found(&snapshot, None);
    };
    // The site is served under its own path, as on the server.
    let base = app.shared.base.as_str();
    let rel = match rel.strip_prefix(base) {
        Some(rest) => rest.to_string(),
        None if rel.is_empty() || format!("{rel}/") == base => {
            return redirect(&format!("/{base}"), StatusCode::FOUND);
        }
        None => return not_found(&snapshot, None),
    };
    if !snapshot.built {
        let message = snapshot.error.as_deref().unwrap_or("");
        let page = livereload::error_page(
            message,
            is_hant(&rel),
            snapshot.withheld,
            &snapshot.build_id,
        );
        return respond(
            StatusCode::INTERNAL_SERVER_ERROR,
            "text/html; charset=utf-8",
            Body::from(page),
        );
    }
    let is_dir = rel.is_empty() || rel.ends_with('/');
    let key = if is_dir {
        format!("{rel}index.html")
    } else {
        rel.clone()
    };
    if let Some(bytes) = snapshot.files.get(&key) {
        return file_response(&snapshot, &key, &[&key], bytes.clone(), StatusCode::OK);
    }
    if !is_dir && snapshot.files.contains_key(&format!("{rel}/index.html")) {
        let location = match uri.query() {
            Some(query) => format!("{raw}/?{query}"),
            None => format!("{raw}/"),
        };
        return redirect(&location, StatusCode::MOVED_PERMANENTLY);
    }
    not_found(&snapshot, Some(&rel))
}

/// Sends the reader to `location` (a path of this server).
fn redirect(location: &str, status: StatusCode) -> Response {
    match HeaderValue::from_str(location) {
        Ok(location) => (
            status,
            [
                (header::LOCATION, location),
                (header::CACHE_CONTROL, HeaderValue::from_static("no-store")),
            ],
        )
            .into_response(),
        Err(_) => respond(
            StatusCode::NOT_FOUND,
            "text/plain; charset=utf-8",
            Body::empty(),
        ),
    }
}

/// The site's own 404 page in the script of the URL (`zh-hant/404.html` under `/zh-hant/`),
/// with the live-reload script, so the page appears by itself once it is written.
/// `rel` is `None` for a refused path, which gets the default script's page.
fn not_found(snapshot: &Snapshot, rel: Option<&str>) -> Response {
    let scoped = rel
        .and_then(|rel| rel.split_once('/'))
        .map(|(first, _)| format!("{first}/404.html"))
        .filter(|p| snapshot.files.contains_key(p));
    let page = scoped.unwrap_or_else(|| "404.html".to_string());
    let Some(bytes) = snapshot.files.get(&page).filter(|_| snapshot.built) else {
        return respond(
            StatusCode::NOT_FOUND,
            "text/html; charset=utf-8",
            Body::from(livereload::plain_not_found(rel.is_some_and(is_hant))),
        );
    };
    // The page reloads when what was asked for appears, as a file or as a folder.
    let mut deps = vec![page.clone()];
    if let Some(rel) = rel {
        deps.push(rel.to_string());
        if !rel.is_empty() && !rel.ends_with('/') {
            deps.push(format!("{rel}/index.html"));
        } else {
            deps.push(format!("{rel}index.html"));
        }
    }
    let deps: Vec<&str> = deps.iter().map(String::as_str).collect();
    file_response(snapshot, &page, &deps, bytes.clone(), StatusCode::NOT_FOUND)
}

fn file_response(
    snapshot: &Snapshot,
    path: &str,
    deps: &[&str],
    bytes: Bytes,
    status: StatusCode,
) -> Response {
    let kind = content_type(path);
    let body = if kind.starts_with("text/html") {
        let tag = livereload::script_tag(deps, &snapshot.build_id);
        Body::from(livereload::inject(&bytes, &tag))
    } else {
        Body::from(bytes)
    };
    respond(status, kind, body)
}

fn respond(status: StatusCode, content_type: &'static str, body: Body) -> Response {
    (
        status,
        [
            (header::CONTENT_TYPE, content_type),
            // A preview must never show a stale page from the browser's cache.
            (header::CACHE_CONTROL, "no-store"),
            (header::X_CONTENT_TYPE_OPTIONS, "nosniff"),
        ],
        body,
    )
        .into_response()
}

fn is_hant(rel: &str) -> bool {
    rel.split('/')
        .next()
        .is_some_and(|first| first.eq_ignore_ascii_case("zh-hant"))
}

/// The output path a request path names (percent-decoded, without the leading `/`; empty or
/// ending in `/` for a folder), or `None` for anything that could try to leave the output:
/// `.` or `..` segments (also encoded as `%2e%2e`, or with `%2f` slashes), backslashes, NUL,
/// `//` (an absolute path or another host), empty segments and invalid encodings.
pub fn resolve(raw: &str) -> Option<String> {
    let rest = raw.strip_prefix('/')?;
    if rest.starts_with('/') || rest.contains('\\') {
        return None;
    }
    let decoded = crate::escape::percent_decode_strict(rest)?;
    if decoded.contains(['\0', '\\']) || decoded.starts_with('/') {
        return None;
    }
    let segments: Vec<&str> = decoded.split('/').collect();
    let last = segments.len() - 1;
    for (i, segment) in segments.iter().enumerate() {
        if *segment == "." || *segment == ".." || (segment.is_empty() && i != last) {
            return None;
        }
    }
    Some(decoded)
}

/// The `Content-Type` for an output path, by its extension; text types say they are UTF-8,
/// since everything the build writes is.
pub fn content_type(path: &str) -> &'static str {
    let name = path.rsplit('/').next().unwrap_or(path);
    let extension = name
        .rsplit_once('.')
        .map(|(_, e)| e.to_ascii_lowercase())
        .unwrap_or_default();
    match extension.as_str() {
        "html" | "htm" => "text/html; charset=utf-8",
        "css" => "text/css; charset=utf-8",
        "js" | "mjs" => "text/javascript; charset=utf-8",
        "svg" => "image/svg+xml; charset=utf-8",
        "xml" if name.eq_ignore_ascii_case("atom.xml") => "application/atom+xml; charset=utf-8",
        "xml" | "xsl" => "application/xml; charset=utf-8",
        "json" | "map" => "application/json; charset=utf-8",
        "webmanifest" => "application/manifest+json; charset=utf-8",
        "wasm" => "application/wasm",
        "csv" => "text/csv; charset=utf-8",
        "txt" => "text/plain; charset=utf-8",
        "png" => "image/png",
        "jpg" | "jpeg" => "image/jpeg",
        "gif" => "image/gif",
        "webp" => "image/webp",
        "avif" => "image/avif",
        "ico" => "image/x-icon",
        "bmp" => "image/bmp",
        "pdf" => "application/pdf",
        "woff" => "font/woff",
        "woff2" => "font/woff2",
        "ttf" => "font/ttf",
        "otf" => "font/otf",
        _ => "application/octet-stream",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn request_paths_resolve_to_output_paths() {
        assert_eq!(resolve("/").as_deref(), Some(""));
        assert_eq!(resolve("/cities/").as_deref(), Some("cities/"));
        assert_eq!(resolve("/cities").as_deref(), Some("cities"));
        assert_eq!(resolve("/style.css").as_deref(), Some("style.css"));
        assert_eq!(
            resolve("/topics/%E6%A0%87%E5%87%86%E5%8C%96/").as_deref(),
            Some("topics/标准化/")
        );
        assert_eq!(resolve("/a%20b.pdf").as_deref(), Some("a b.pdf"));
    }

    #[test]
    fn paths_that_could_leave_the_output_are_refused() {
        for raw in [
            "/../Cargo.toml",
            "/%2e%2e/%2e%2e/etc/passwd",
            "/%2E%2E/x",
            "/..%2f..%2fetc/passwd",
            "/..%5c..%5cetc/passwd",
            "/a\\..\\b",
            "//etc/passwd",
            "/%2fetc/passwd",
            "/zh-hant/../../x",
            "/./index.html",
            "/a/./b",
            "/a//b",
            "/a%00.html",
            "/%zz",
            "/%e6%a0",
            "/%",
            "etc/passwd",
            "",
        ] {
            assert_eq!(resolve(raw), None, "{raw}");
        }
    }

    #[test]
    fn content_types_name_their_charset() {
        assert_eq!(content_type("a/index.html"), "text/html; charset=utf-8");
        assert_eq!(content_type("style.css"), "text/css; charset=utf-8");
        assert_eq!(content_type("modes.js"), "text/javascript; charset=utf-8");
        assert_eq!(content_type("c.svg"), "image/svg+xml; charset=utf-8");
        assert_eq!(
            content_type("sitemap.xml"),
            "application/xml; charset=utf-8"
        );
        assert_eq!(
            content_type("zh-hant/atom.xml"),
            "application/atom+xml; charset=utf-8"
        );
        assert_eq!(content_type("x.json"), "application/json; charset=utf-8");
        assert_eq!(
            content_type("search/data/i/3.0a1b2c3d.bin"),
            "application/octet-stream"
        );
        assert_eq!(content_type("a.wasm"), "application/wasm");
        assert_eq!(content_type("d.CSV"), "text/csv; charset=utf-8");
        assert_eq!(content_type("p.PNG"), "image/png");
        assert_eq!(content_type("README"), "application/octet-stream");
    }
}
