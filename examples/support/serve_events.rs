//! `stdportal serve --message-format json` started and read by a program: its address from
//! the `serving` event, then every event as it comes (docs/EVENTS.md). Shared by the
//! `reload_latency` example and the integration tests (`#[path]`), so that the tests run the
//! example's own server start; nothing here reads a sentence, so it works in every language.

use std::io::{BufRead, BufReader};
use std::net::SocketAddr;
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::sync::{Arc, Condvar, Mutex};
use std::time::{Duration, Instant};

use serde_json::Value;

/// A running `stdportal serve --message-format json --port 0`, stopped when dropped.
pub struct Server {
    child: Child,
    pub addr: SocketAddr,
    events: Arc<(Mutex<Vec<Value>>, Condvar)>,
}

impl Server {
    /// Starts `bin serve` on the site at `root` (with `configure` applied to the command: its
    /// environment, more arguments) and waits up to `timeout` for the `serving` event.
    pub fn start(
        bin: &Path,
        root: &Path,
        timeout: Duration,
        configure: impl FnOnce(&mut Command),
    ) -> Result<Server, String> {
        let mut command = Command::new(bin);
        command
            .args(["serve", "--message-format", "json", "--port", "0", "--root"])
            .arg(root);
        configure(&mut command);
        let mut child = command
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::inherit())
            .spawn()
            .map_err(|e| format!("{}: {e}", bin.display()))?;
        let stdout = child.stdout.take().ok_or("no stdout")?;
        let events = Arc::new((Mutex::new(Vec::new()), Condvar::new()));
        let into = events.clone();
        // Read for the server's whole life, or its lines would fill the pipe and block it.
        std::thread::spawn(move || {
            for line in BufReader::new(stdout).lines().map_while(Result::ok) {
                let event = serde_json::from_str(&line)
                    .unwrap_or_else(|_| Value::String(format!("not JSON: {line}")));
                let (list, arrived) = &*into;
                if let Ok(mut list) = list.lock() {
                    list.push(event);
                }
                arrived.notify_all();
            }
        });
        let mut server = Server {
            child,
            addr: SocketAddr::from(([127, 0, 0, 1], 0)),
            events,
        };
        let Some(serving) = server.wait_for(timeout, |e| e["event"] == "serving") else {
            let seen = server.events();
            server.stop();
            return Err(format!(
                "the server sent no `serving` event; it sent {seen:?}"
            ));
        };
        let url = serving["url"].as_str().unwrap_or_default();
        let host = url
            .strip_prefix("http://")
            .and_then(|u| u.strip_suffix('/'))
            .ok_or_else(|| format!("`serving` has no http://HOST:PORT/ url: {serving}"))?;
        server.addr = host.parse().map_err(|_| format!("bad address {host}"))?;
        Ok(server)
    }

    /// Every event so far, in order.
    pub fn events(&self) -> Vec<Value> {
        self.events.0.lock().map(|l| l.clone()).unwrap_or_default()
    }

    /// The first event (from the start) that `wanted` accepts, waiting up to `timeout` for it.
    pub fn wait_for(&self, timeout: Duration, wanted: impl Fn(&Value) -> bool) -> Option<Value> {
        self.wait_after(0, timeout, wanted).map(|(_, e)| e)
    }

    /// The first event at or past place `from` that `wanted` accepts, with its place.
    pub fn wait_after(
        &self,
        from: usize,
        timeout: Duration,
        wanted: impl Fn(&Value) -> bool,
    ) -> Option<(usize, Value)> {
        let deadline = Instant::now() + timeout;
        let (list, arrived) = &*self.events;
        let mut list = list.lock().ok()?;
        loop {
            if let Some(found) = list.iter().enumerate().skip(from).find(|(_, e)| wanted(e)) {
                return Some((found.0, found.1.clone()));
            }
            let left = deadline.saturating_duration_since(Instant::now());
            if left.is_zero() {
                return None;
            }
            list = arrived.wait_timeout(list, left).ok()?.0;
        }
    }

    /// Ctrl-C (SIGINT) on Unix, so the server says `finished`; killed elsewhere.
    pub fn interrupt(&mut self) {
        #[cfg(unix)]
        {
            let _ = Command::new("kill")
                .args(["-INT", &self.child.id().to_string()])
                .status();
            let deadline = Instant::now() + Duration::from_secs(15);
            while Instant::now() < deadline {
                if let Ok(Some(_)) = self.child.try_wait() {
                    return;
                }
                std::thread::sleep(Duration::from_millis(20));
            }
        }
        self.stop();
    }

    pub fn stop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        self.stop();
    }
}
