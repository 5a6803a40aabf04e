//! Which `Host` the preview answers for: the guard against DNS rebinding.
//!
//! A hostile web page can make its own domain resolve to 127.0.0.1 after it has loaded; the
//! browser then lets it read whatever answers there, as the same origin. What gives it away is
//! the `Host` header, which still names the attacker's domain. So the server answers only for
//! names that cannot be rebound:
//!
//! - always: `localhost` and loopback IP literals (127.0.0.0/8, `[::1]`, and `::ffff:127.x`),
//!   with any port (an SSH tunnel or a port forward may put another port in the URL), and the
//!   address the server is bound to;
//! - when the user binds to a non-loopback address on purpose (`--bind 0.0.0.0`, a LAN IP),
//!   also every IP literal (rebinding needs a domain name: a browser sends an IP literal only
//!   when the URL has one) and this computer's own host name as `gethostname` gives it (also its
//!   first label, and that label followed by `.local`, as mDNS names it on a LAN).
//!
//! Everything else, `*.localhost` and `localhost.` included, gets 403 with a short page that says
//! where the preview answers. A request without `Host` is answered when it is HTTP/1.0 (no
//! browser sends one, so it cannot come from a rebound page) and refused with 400 when it is
//! HTTP/1.1 (the protocol requires the header); so is a request with two `Host` headers. A
//! request target in absolute form (`GET http://name/ HTTP/1.1`) must name an accepted host
//! too.

use std::collections::HashSet;
use std::net::{IpAddr, Ipv4Addr, Ipv6Addr};
use std::sync::Mutex;

use axum::body::Body;
use axum::http::{header, HeaderValue, Request, Response, StatusCode, Version};

use crate::t;

/// How many refused host names are logged (each once) before the log stops naming them.
const LOGGED_HOSTS: usize = 8;

pub(crate) struct HostPolicy {
    bind: IpAddr,
    /// This computer's names, lowercase (accepted only when bound to a non-loopback address).
    machine_names: Vec<String>,
    /// Where the preview answers (`http://127.0.0.1:1111/`), for the refusal page and the log.
    url: String,
    port: u16,
    logged: Mutex<HashSet<String>>,
}

impl HostPolicy {
    pub(super) fn new(bind: IpAddr, port: u16, url: String) -> HostPolicy {
        let machine_names = if is_exposed(bind) {
            machine_names(host_name().as_deref())
        } else {
            Vec::new()
        };
        HostPolicy {
            bind,
            machine_names,
            url,
            port,
            logged: Mutex::new(HashSet::new()),
        }
    }

    /// `None` when the request may be answered, else the refusal to send instead.
    pub(super) fn check<B>(&self, request: &Request<B>) -> Option<Response<Body>> {
        let mut hosts = request.headers().get_all(header::HOST).iter();
        let host = hosts.next();
        if hosts.next().is_some() {
            return Some(bad_request(t!("serve-two-host-headers")));
        }
        let mut named = Vec::new();
        match host {
            Some(value) => named.push(value.to_str().unwrap_or("\u{fffd}")),
            None if request.version() <= Version::HTTP_10 => {}
            None => return Some(bad_request(t!("serve-no-host-header"))),
        }
        if let Some(authority) = request.uri().authority() {
            named.push(authority.as_str());
        }
        let refused = named
            .into_iter()
            .find(|host| !allowed_host(host, self.bind, &self.machine_names))?;
        self.log_once(refused);
        Some(self.refusal(refused))
    }

    fn log_once(&self, host: &str) {
        let host = shorten(host);
        let mut logged = self.logged.lock().unwrap_or_else(|e| e.into_inner());
        if logged.len() > LOGGED_HOSTS || logged.contains(&host) {
            return;
        }
        if logged.len() == LOGGED_HOSTS {
            warn!("{}", t!("serve-refused-more-hosts"));
            logged.insert(String::new());
            return;
        }
        warn!(
            "{}",
            t!(
                "serve-refused-host",
                host = escaped(&host),
                addresses = self.where_()
            )
        );
        logged.insert(host);
    }

    /// `http://127.0.0.1:1111/ or http://localhost:1111/`, and more when the site is exposed.
    fn where_(&self) -> String {
        let port = self.port;
        let mut urls = vec![self.url.clone(), format!("http://localhost:{port}/")];
        urls.extend(
            self.machine_names
                .iter()
                .map(|name| format!("http://{name}:{port}/")),
        );
        let separator = t!("serve-address-separator");
        if is_exposed(self.bind) {
            t!(
                "serve-addresses-exposed",
                urls = urls.join(&separator),
                port = port.to_string()
            )
        } else {
            let last = urls.pop().unwrap_or_default();
            t!("serve-addresses", urls = urls.join(&separator), last = last)
        }
    }

    fn refusal(&self, host: &str) -> Response<Body> {
        let body = t!(
            "serve-refused-host-page",
            host = escaped(&shorten(host)),
            addresses = self.where_()
        );
        plain(StatusCode::FORBIDDEN, format!("{body}\n"))
    }
}

/// A client's host name as it can be shown: quotes, backslashes and control characters
/// escaped (as `{:?}` does), without the quotes around it, which the message has.
fn escaped(host: &str) -> String {
    host.escape_debug().to_string()
}

/// `why`: the whole sentence, status first (`400 Bad Request: …`).
fn bad_request(why: String) -> Response<Body> {
    plain(StatusCode::BAD_REQUEST, format!("{why}\n"))
}

fn plain(status: StatusCode, body: String) -> Response<Body> {
    let mut response = Response::new(Body::from(body));
    *response.status_mut() = status;
    let headers = response.headers_mut();
    headers.insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("text/plain; charset=utf-8"),
    );
    headers.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    headers.insert(
        header::X_CONTENT_TYPE_OPTIONS,
        HeaderValue::from_static("nosniff"),
    );
    // Nothing more is answered on a connection that asked for the wrong host.
    headers.insert(header::CONNECTION, HeaderValue::from_static("close"));
    response
}

/// At most 100 characters of a client's host name, for the log and the page.
fn shorten(host: &str) -> String {
    host.chars().take(100).collect()
}

/// Whether the site is deliberately reachable from other computers.
fn is_exposed(bind: IpAddr) -> bool {
    !bind.to_canonical().is_loopback()
}

/// Whether a request for `host` (a `Host` header value or a URL's authority: a name or IP
/// literal, then an optional `:port`) may be answered by a server bound to `bind` on a
/// computer named `machine_names` (lowercase). See the module documentation for the rules.
pub(super) fn allowed_host(host: &str, bind: IpAddr, machine_names: &[String]) -> bool {
    let exposed = is_exposed(bind);
    match parse_host(host) {
        Some(Host::Ip(ip)) => {
            let ip = ip.to_canonical();
            ip.is_loopback() || ip == bind.to_canonical() || exposed
        }
        Some(Host::Name(name)) => name == "localhost" || (exposed && machine_names.contains(&name)),
        None => false,
    }
}

#[derive(Debug, PartialEq)]
enum Host {
    Ip(IpAddr),
    /// Lowercase.
    Name(String),
}

/// `host[:port]` or `[v6][:port]`; `None` for anything else (user info, an unbracketed IPv6
/// address, a bad port, characters no host name has).
fn parse_host(text: &str) -> Option<Host> {
    let (host, port) = if let Some(rest) = text.strip_prefix('[') {
        let (inside, after) = rest.split_once(']')?;
        let ip: Ipv6Addr = inside.parse().ok()?;
        let port = match after {
            "" => None,
            _ => Some(after.strip_prefix(':')?),
        };
        (Host::Ip(IpAddr::V6(ip)), port)
    } else {
        let (name, port) = match text.split_once(':') {
            Some((name, port)) => (name, Some(port)),
            None => (text, None),
        };
        let host = match name.parse::<Ipv4Addr>() {
            Ok(ip) => Host::Ip(IpAddr::V4(ip)),
            Err(_) => {
                let valid = !name.is_empty()
                    && name
                        .bytes()
                        .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'.' | b'_'));
                if !valid {
                    return None;
                }
                Host::Name(name.to_ascii_lowercase())
            }
        };
        (host, port)
    };
    // RFC 3986 allows an empty port (`localhost:`).
    if let Some(port) = port {
        if port.len() > 5 || !port.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        if !port.is_empty() && port.parse::<u16>().is_err() {
            return None;
        }
    }
    Some(host)
}

/// The names this computer answers to on a LAN: its host name, the first label of it, and that
/// label with `.local` (mDNS), lowercase and without repeats.
fn machine_names(host_name: Option<&str>) -> Vec<String> {
    let Some(full) = host_name.map(|n| n.trim().trim_end_matches('.').to_ascii_lowercase()) else {
        return Vec::new();
    };
    if full.is_empty() {
        return Vec::new();
    }
    let first = full.split('.').next().unwrap_or(&full).to_string();
    let mut names = vec![full.clone(), first.clone(), format!("{first}.local")];
    names.sort();
    names.dedup();
    names
}

#[cfg(unix)]
fn host_name() -> Option<String> {
    let uname = rustix::system::uname();
    uname.nodename().to_str().ok().map(str::to_string)
}

#[cfg(not(unix))]
fn host_name() -> Option<String> {
    std::env::var("COMPUTERNAME").ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ip(text: &str) -> IpAddr {
        text.parse().unwrap()
    }

    #[test]
    fn a_loopback_preview_answers_only_for_localhost_and_loopback_addresses() {
        let bind = ip("127.0.0.1");
        let names = machine_names(Some("devbox"));
        for host in [
            "localhost",
            "localhost:1111",
            "LOCALHOST:8080",
            "localhost:",
            "127.0.0.1",
            "127.0.0.1:1111",
            "127.1.2.3:1111",
            "[::1]",
            "[::1]:1111",
            "[::ffff:127.0.0.1]:1111",
        ] {
            assert!(allowed_host(host, bind, &names), "{host}");
        }
        for host in [
            "evil.example",
            "evil.example:1111",
            "localhost.evil.example",
            "127.0.0.1.evil.example",
            "sub.localhost",
            "localhost.",
            "devbox",
            "devbox.local",
            "0.0.0.0:1111",
            "192.168.1.5:1111",
            "[fe80::1]:1111",
            "",
            ":1111",
            "localhost:99999",
            "localhost:1x",
            "localhost:1111:1",
            "user@localhost",
            "::1",
            "[::1",
            "[::1]x",
            "[evil.example]",
            "local host",
            "localhost\u{fffd}",
            "127.1",
            "2130706433",
        ] {
            assert!(!allowed_host(host, bind, &names), "{host}");
        }
        // Bound to another loopback address: that one is the bound address, and loopback.
        assert!(allowed_host("127.0.0.2:1111", ip("127.0.0.2"), &[]));
        assert!(allowed_host("[::1]:1111", ip("::1"), &[]));
        assert!(!allowed_host("evil.example", ip("::1"), &[]));
    }

    #[test]
    fn an_exposed_preview_also_answers_for_ip_literals_and_the_machines_name() {
        let names = machine_names(Some("DevBox.lan"));
        assert_eq!(names, ["devbox", "devbox.lan", "devbox.local"]);
        for bind in [ip("0.0.0.0"), ip("::"), ip("192.168.1.5")] {
            for host in [
                "192.168.1.5:1111",
                "10.0.0.7",
                "0.0.0.0:1111",
                "[fe80::1]:1111",
                "[2001:db8::1]",
                "localhost:1111",
                "127.0.0.1:1111",
                "devbox:1111",
                "DEVBOX.local:1111",
                "devbox.lan",
            ] {
                assert!(allowed_host(host, bind, &names), "{bind} {host}");
            }
            for host in [
                "evil.example:1111",
                "devbox.evil.example",
                "devbox.lan.evil.example",
                "192.168.1.5.nip.io",
                "sub.localhost",
            ] {
                assert!(!allowed_host(host, bind, &names), "{bind} {host}");
            }
        }
        assert!(machine_names(None).is_empty());
        assert!(machine_names(Some("")).is_empty());
        assert_eq!(machine_names(Some("box")), ["box", "box.local"]);
    }

    #[test]
    fn requests_are_checked_by_host_header_and_absolute_target() {
        let policy = HostPolicy::new(ip("127.0.0.1"), 1111, "http://127.0.0.1:1111/".into());
        let request = |version: Version, target: &str, hosts: &[&str]| {
            let mut builder = Request::builder().uri(target).version(version);
            for host in hosts {
                builder = builder.header(header::HOST, *host);
            }
            builder.body(()).unwrap()
        };
        let status = |r: &Request<()>| policy.check(r).map(|response| response.status());
        let v11 = Version::HTTP_11;
        assert_eq!(status(&request(v11, "/", &["localhost:1111"])), None);
        assert_eq!(
            status(&request(v11, "/", &["evil.example"])),
            Some(StatusCode::FORBIDDEN)
        );
        assert_eq!(
            status(&request(v11, "/", &[])),
            Some(StatusCode::BAD_REQUEST)
        );
        assert_eq!(status(&request(Version::HTTP_10, "/", &[])), None);
        assert_eq!(
            status(&request(v11, "/", &["localhost", "evil.example"])),
            Some(StatusCode::BAD_REQUEST)
        );
        assert_eq!(
            status(&request(v11, "http://evil.example/", &["localhost"])),
            Some(StatusCode::FORBIDDEN)
        );
        assert_eq!(
            status(&request(Version::HTTP_10, "http://evil.example/", &[])),
            Some(StatusCode::FORBIDDEN)
        );
        assert_eq!(
            status(&request(v11, "http://127.0.0.1:1111/", &["localhost"])),
            None
        );
    }
}
