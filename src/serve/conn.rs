//! Accepting connections without letting idle ones lock everyone out.
//!
//! `axum::serve` keeps a connection as long as the client keeps it open, whether or not it
//! ever sends a request, and when the process runs out of file descriptors it sleeps a second
//! and tries again. So a few hundred sockets that send nothing kept every other client out for
//! as long as they stayed open. Here instead:
//!
//! - a connection must send a complete request head within [`header_timeout`] (5 s) of being
//!   accepted, and within that time again after each response (hyper's `header_read_timeout`
//!   restarts when a keep-alive connection goes idle), or it is closed. A response in progress,
//!   such as the live-reload event stream, is not idle and is never timed out;
//! - the soft limit on open files is raised to the hard limit ([`raise_open_file_limit`]), and
//!   at most [`connection_cap`] connections are kept, well below that limit, so the watcher and
//!   the builds always have descriptors;
//! - a client arriving when that many are open is not made to wait: the connection that has
//!   been idle the longest (no request in progress) is closed to make room, as web servers
//!   reuse idle keep-alive connections. Only when every connection is busy with a response is
//!   the newcomer told 503 and closed.
//!
//! A stop (Ctrl-C) stops accepting and asks every connection to close once its response is
//! sent; the caller bounds the wait.

use std::collections::HashMap;
use std::convert::Infallible;
use std::pin::{pin, Pin};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex, PoisonError};
use std::task::{Context, Poll};
use std::time::{Duration, Instant};

use axum::body::{Body, Bytes};
use axum::http::Request;
use axum::Router;
use hyper::body::{Frame, Incoming, SizeHint};
use hyper_util::rt::{TokioIo, TokioTimer};
use tokio::net::{TcpListener, TcpStream};
use tokio::sync::{oneshot, watch};
use tower::ServiceExt as _;

use super::hosts::HostPolicy;
use crate::error::io_error;
use crate::t;

/// How long a connection may take to send a complete request head, on a new connection and
/// between the requests of a keep-alive one. A browser sends its headers at once; it opens a
/// new connection by itself when an idle one was closed.
const HEADER_TIMEOUT: Duration = Duration::from_secs(5);

/// Only for the tests, which would otherwise wait [`HEADER_TIMEOUT`] for idle connections to
/// be closed: the timeout in milliseconds (at least 100).
const HEADER_TIMEOUT_VARIABLE: &str = "STDPORTAL_SERVE_HEADER_TIMEOUT_MS";

/// The most connections kept open, however high the open-file limit: far more than any
/// number of browser tabs on a preview needs.
const MAX_CONNECTIONS: usize = 1024;

/// How long to pause accepting after the process ran out of descriptors (after closing an
/// idle connection to free one): short, so a client waiting in the queue is served soon.
const FULL_PAUSE: Duration = Duration::from_millis(50);

pub(crate) struct Limits {
    pub max_connections: usize,
    pub header_timeout: Duration,
    /// The soft open-file limit in force, for the log.
    pub open_files: Option<u64>,
}

impl Limits {
    /// Raises the open-file limit and derives the connection cap from it.
    pub(super) fn for_this_process() -> Limits {
        let open_files = raise_open_file_limit();
        Limits {
            max_connections: connection_cap(open_files),
            header_timeout: header_timeout(),
            open_files,
        }
    }
}

/// [`HEADER_TIMEOUT`], or the tests' shorter one.
pub(super) fn header_timeout() -> Duration {
    std::env::var(HEADER_TIMEOUT_VARIABLE)
        .ok()
        .and_then(|ms| ms.trim().parse::<u64>().ok())
        .map(|ms| Duration::from_millis(ms.max(100)))
        .unwrap_or(HEADER_TIMEOUT)
}

/// How many connections to keep with `open_files` descriptors (`None`: no such limit). A
/// quarter of the descriptors, at least 32 and at most 256, is left for everything else: the
/// standard streams, the runtime, the watcher, the files a build reads, the search indexer.
pub(super) fn connection_cap(open_files: Option<u64>) -> usize {
    let Some(limit) = open_files else {
        return MAX_CONNECTIONS;
    };
    let reserve = (limit / 4).clamp(32, 256);
    let cap = usize::try_from(limit.saturating_sub(reserve)).unwrap_or(usize::MAX);
    cap.clamp(8, MAX_CONNECTIONS)
}

/// Raises the soft limit on open files to the hard limit, as servers commonly do (the soft
/// limit is often 1024, or 256 on macOS), and returns the soft limit in force afterwards.
#[cfg(unix)]
pub(super) fn raise_open_file_limit() -> Option<u64> {
    use rustix::process::{getrlimit, setrlimit, Resource, Rlimit};
    // `None` stands for no limit.
    let limit = getrlimit(Resource::Nofile);
    let mut current = limit.current?;
    // macOS refuses more than OPEN_MAX (10240) for an unlimited hard limit: try that next.
    let capped = Some(limit.maximum.map_or(10240, |max| max.min(10240)));
    for wanted in [limit.maximum, capped] {
        if wanted.is_some_and(|w| w <= current) {
            break;
        }
        let raised = Rlimit {
            current: wanted,
            maximum: limit.maximum,
        };
        if setrlimit(Resource::Nofile, raised).is_ok() {
            current = wanted?;
            break;
        }
    }
    Some(current)
}

/// Elsewhere sockets are not limited by a descriptor count.
#[cfg(not(unix))]
pub fn raise_open_file_limit() -> Option<u64> {
    None
}

/// Accepts and serves connections until `stopping` becomes true, then asks them to close once
/// their response is sent, and returns when all have.
pub(crate) async fn accept_loop(
    listener: TcpListener,
    router: Router,
    hosts: Arc<HostPolicy>,
    limits: Limits,
    mut stopping: watch::Receiver<bool>,
) {
    let registry = Arc::new(Registry::default());
    let mut builder = hyper::server::conn::http1::Builder::new();
    builder
        .timer(TokioTimer::new())
        .header_read_timeout(limits.header_timeout);
    let mut tasks = tokio::task::JoinSet::new();
    let full_logged = AtomicBool::new(false);
    let log_full = |why: String| {
        if !full_logged.swap(true, Ordering::Relaxed) {
            let max = limits.max_connections.to_string();
            warn!(
                "{}",
                match limits.open_files {
                    Some(n) => t!(
                        "serve-connections-kept-limit",
                        why = why,
                        max = max,
                        files = n.to_string()
                    ),
                    None => t!("serve-connections-kept", why = why, max = max),
                }
            );
        }
    };
    loop {
        while tasks.try_join_next().is_some() {}
        let accepted = tokio::select! {
            accepted = listener.accept() => accepted,
            _ = stopping.wait_for(|stop| *stop) => break,
        };
        let tcp = match accepted {
            Ok((tcp, _)) => tcp,
            Err(e) if is_connection_error(&e) => continue,
            Err(e) => {
                // Out of descriptors (EMFILE/ENFILE) or memory: free one, pause a moment.
                log_full(t!("serve-cannot-accept", error = io_error(&e)));
                registry.evict_idlest();
                tokio::time::sleep(FULL_PAUSE).await;
                continue;
            }
        };
        if registry.len() >= limits.max_connections {
            log_full(t!("serve-connection-limit-reached"));
            if !registry.evict_idlest() {
                refuse_busy(&tcp);
                continue;
            }
        }
        // Events are small writes that should leave at once, not wait for Nagle's algorithm.
        let _ = tcp.set_nodelay(true);
        let (id, evicted) = registry.add();
        let service = {
            let (router, hosts, registry) = (router.clone(), hosts.clone(), registry.clone());
            hyper::service::service_fn(move |request: Request<Incoming>| {
                let busy = Busy::start(&registry, id);
                let refusal = hosts.check(&request);
                let router = router.clone();
                async move {
                    let response = match refusal {
                        Some(refusal) => refusal,
                        None => match router.oneshot(request.map(Body::new)).await {
                            Ok(response) => response,
                            Err(never) => match never {},
                        },
                    };
                    Ok::<_, Infallible>(response.map(|body| Tracked { body, _busy: busy }))
                }
            })
        };
        let connection = builder.serve_connection(TokioIo::new(tcp), service);
        let (registry, mut stopping) = (registry.clone(), stopping.clone());
        tasks.spawn(async move {
            let _entry = Entry { registry, id };
            let mut connection = pin!(connection);
            let mut evicted = pin!(evicted);
            let mut closing = false;
            loop {
                tokio::select! {
                    // Timed out, closed by the client, or done after a graceful shutdown.
                    _ = connection.as_mut() => break,
                    // Dropping the connection closes the socket.
                    _ = evicted.as_mut() => break,
                    _ = stopping.wait_for(|stop| *stop), if !closing => {
                        closing = true;
                        connection.as_mut().graceful_shutdown();
                    }
                }
            }
        });
    }
    drop(listener);
    while tasks.join_next().await.is_some() {}
}

fn is_connection_error(e: &std::io::Error) -> bool {
    use std::io::ErrorKind::*;
    matches!(
        e.kind(),
        ConnectionRefused | ConnectionAborted | ConnectionReset | Interrupted | WouldBlock
    )
}

/// Every connection is busy with a response: say so rather than keep the client waiting.
fn refuse_busy(tcp: &TcpStream) {
    let body = format!("{}\n", t!("serve-too-many-connections"));
    let response = format!(
        "HTTP/1.1 503 Service Unavailable\r\nContent-Type: text/plain; charset=utf-8\r\n\
         Content-Length: {}\r\nRetry-After: 1\r\nConnection: close\r\n\r\n{body}",
        body.len()
    );
    // Best effort, without waiting: the socket is closed right after.
    let _ = tcp.try_write(response.as_bytes());
}

/// The open connections: whether each has a response in progress, and since when it is idle.
#[derive(Default)]
struct Registry {
    inner: Mutex<Connections>,
}

#[derive(Default)]
struct Connections {
    next_id: u64,
    open: HashMap<u64, Connection>,
}

struct Connection {
    /// Requests whose response is not completely sent yet.
    busy: usize,
    idle_since: Instant,
    /// Dropped to close the connection.
    _evict: oneshot::Sender<()>,
}

impl Registry {
    fn lock(&self) -> std::sync::MutexGuard<'_, Connections> {
        self.inner.lock().unwrap_or_else(PoisonError::into_inner)
    }

    fn len(&self) -> usize {
        self.lock().open.len()
    }

    /// A new connection's id, and what completes when it is evicted.
    fn add(&self) -> (u64, oneshot::Receiver<()>) {
        let (evict, evicted) = oneshot::channel();
        let mut connections = self.lock();
        let id = connections.next_id;
        connections.next_id += 1;
        connections.open.insert(
            id,
            Connection {
                busy: 0,
                idle_since: Instant::now(),
                _evict: evict,
            },
        );
        (id, evicted)
    }

    /// Closes the connection idle the longest; `false` if every one is busy.
    fn evict_idlest(&self) -> bool {
        let mut connections = self.lock();
        let idlest = connections
            .open
            .iter()
            .filter(|(_, c)| c.busy == 0)
            .min_by_key(|(_, c)| c.idle_since)
            .map(|(&id, _)| id);
        idlest.is_some_and(|id| connections.open.remove(&id).is_some())
    }
}

/// Removes its connection from the registry when the connection's task ends.
struct Entry {
    registry: Arc<Registry>,
    id: u64,
}

impl Drop for Entry {
    fn drop(&mut self) {
        self.registry.lock().open.remove(&self.id);
    }
}

/// A request in progress on a connection, until its response is sent (or dropped).
struct Busy {
    registry: Arc<Registry>,
    id: u64,
}

impl Busy {
    fn start(registry: &Arc<Registry>, id: u64) -> Busy {
        if let Some(c) = registry.lock().open.get_mut(&id) {
            c.busy += 1;
        }
        Busy {
            registry: registry.clone(),
            id,
        }
    }
}

impl Drop for Busy {
    fn drop(&mut self) {
        if let Some(c) = self.registry.lock().open.get_mut(&self.id) {
            c.busy = c.busy.saturating_sub(1);
            if c.busy == 0 {
                c.idle_since = Instant::now();
            }
        }
    }
}

/// A response body that keeps its connection marked busy until hyper has sent it all.
struct Tracked {
    body: Body,
    _busy: Busy,
}

impl hyper::body::Body for Tracked {
    type Data = Bytes;
    type Error = axum::Error;

    fn poll_frame(
        self: Pin<&mut Self>,
        cx: &mut Context<'_>,
    ) -> Poll<Option<Result<Frame<Bytes>, axum::Error>>> {
        Pin::new(&mut self.get_mut().body).poll_frame(cx)
    }

    fn is_end_stream(&self) -> bool {
        self.body.is_end_stream()
    }

    fn size_hint(&self) -> SizeHint {
        self.body.size_hint()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_connection_cap_leaves_descriptors_for_the_rest() {
        assert_eq!(connection_cap(None), MAX_CONNECTIONS);
        assert_eq!(connection_cap(Some(64)), 32);
        assert_eq!(connection_cap(Some(256)), 192);
        assert_eq!(connection_cap(Some(1024)), 768);
        assert_eq!(connection_cap(Some(1 << 20)), MAX_CONNECTIONS);
        assert_eq!(connection_cap(Some(20)), 8);
        for limit in [64, 100, 256, 1000, 1024, 4096, 10240] {
            assert!(connection_cap(Some(limit)) as u64 + 32 <= limit, "{limit}");
        }
    }

    #[test]
    fn the_idlest_connection_without_a_response_in_progress_is_evicted() {
        let registry = Arc::new(Registry::default());
        let (first, mut first_evicted) = registry.add();
        let (second, mut second_evicted) = registry.add();
        let (_third, mut third_evicted) = registry.add();
        // The first is busy; the second finished a response after the third was opened.
        let _busy = Busy::start(&registry, first);
        std::thread::sleep(Duration::from_millis(2));
        drop(Busy::start(&registry, second));
        assert!(registry.evict_idlest());
        assert!(third_evicted
            .try_recv()
            .is_err_and(|e| e == oneshot::error::TryRecvError::Closed));
        assert!(registry.evict_idlest());
        assert!(second_evicted
            .try_recv()
            .is_err_and(|e| e == oneshot::error::TryRecvError::Closed));
        assert!(!registry.evict_idlest(), "the busy one stays");
        assert_eq!(
            first_evicted.try_recv(),
            Err(oneshot::error::TryRecvError::Empty)
        );
        assert_eq!(registry.len(), 1);
    }
}
