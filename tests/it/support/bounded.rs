//! Running the binary on hostile files without letting a regression hang the suite or eat the
//! machine: a limit on its memory (address space) and a deadline after which it is killed and
//! the test fails.

use std::io::Read;
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

/// The address space a build of a small site gets: a debug build of the basic fixture needs
/// under 300 MB, and reading `/dev/zero` or a 10 GB file would need far more.
pub const MEMORY_LIMIT: u64 = 1 << 30;

/// Longer than any build of a fixture takes on a busy machine; a command still running then
/// waits on a pipe or reads without end.
pub const DEADLINE: Duration = Duration::from_secs(60);

/// Limits `command`'s address space to `bytes` (like `ulimit -v`).
#[cfg(unix)]
pub fn limit_memory(command: &mut Command, bytes: u64) {
    use std::os::unix::process::CommandExt;
    // SAFETY: only setrlimit, which is async-signal-safe, runs between fork and exec.
    unsafe {
        command.pre_exec(move || {
            let limit = libc::rlimit {
                rlim_cur: bytes as libc::rlim_t,
                rlim_max: bytes as libc::rlim_t,
            };
            if libc::setrlimit(libc::RLIMIT_AS, &limit) == 0 {
                Ok(())
            } else {
                Err(std::io::Error::last_os_error())
            }
        });
    }
}

/// What [`run_bounded`] saw.
pub struct Bounded {
    pub output: Output,
    pub took: Duration,
    /// The most memory the process held at once (its peak resident set), in bytes.
    pub peak_memory: u64,
}

/// Runs `command` with [`MEMORY_LIMIT`] and [`DEADLINE`]. Killed, and the test failed, when it
/// is still running at the deadline.
#[cfg(unix)]
// The child is reaped by `wait4`, which clippy does not see.
#[allow(clippy::zombie_processes)]
pub fn run_bounded(mut command: Command) -> Bounded {
    limit_memory(&mut command, MEMORY_LIMIT);
    // A forked child's peak as wait4 gives it starts at the test process's own resident set
    // (Linux keeps the high-water mark of the memory it replaced at exec), which parallel tests
    // can push past a limit: see `own_peak`.
    let inherited = status_kb("self", "VmHWM:") * 1024;
    // `Name:` in /proc: the program's file name, at most 15 bytes, once it has been exec'd.
    let program: String = std::path::Path::new(command.get_program())
        .file_name()
        .map(|n| n.to_string_lossy().chars().take(15).collect())
        .unwrap_or_default();
    let started = Instant::now();
    let mut child = command
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the stdportal binary runs");
    let drain = |mut pipe: Box<dyn Read + Send>| {
        std::thread::spawn(move || {
            let mut bytes = Vec::new();
            let _ = pipe.read_to_end(&mut bytes);
            bytes
        })
    };
    let stdout = drain(Box::new(child.stdout.take().unwrap()));
    let stderr = drain(Box::new(child.stderr.take().unwrap()));
    let pid = child.id() as libc::pid_t;
    // `wait4` rather than `Child::try_wait`: it also gives the child's own peak memory.
    let mut polled_peak = 0;
    let (status, usage) = loop {
        let mut status = 0;
        // SAFETY: all-zero is a valid `rusage`; wait4 writes one into it.
        let mut usage: libc::rusage = unsafe { std::mem::zeroed() };
        // SAFETY: waits only for our own child, writing into the two values given.
        let waited = unsafe { libc::wait4(pid, &mut status, libc::WNOHANG, &mut usage) };
        if waited == pid {
            break (status, usage);
        }
        // Only once the child runs the program: before its exec it is a copy of this process.
        if status_field(&pid.to_string(), "Name:").as_deref() == Some(program.as_str()) {
            polled_peak = polled_peak.max(status_kb(&pid.to_string(), "VmHWM:") * 1024);
        }
        assert!(waited == 0, "wait4: {}", std::io::Error::last_os_error());
        if started.elapsed() > DEADLINE {
            let _ = child.kill();
            let _ = child.wait();
            panic!(
                "still running after {DEADLINE:?}: it waits on a pipe or reads without end\n{}",
                String::from_utf8_lossy(&stderr.join().unwrap_or_default())
            );
        }
        std::thread::sleep(Duration::from_millis(20));
    };
    let took = started.elapsed();
    use std::os::unix::process::ExitStatusExt;
    let output = Output {
        status: std::process::ExitStatus::from_raw(status),
        stdout: stdout.join().unwrap_or_default(),
        stderr: stderr.join().unwrap_or_default(),
    };
    Bounded {
        output,
        took,
        peak_memory: own_peak(
            // Linux counts it in kilobytes.
            u64::try_from(usage.ru_maxrss).unwrap_or(0) * 1024,
            inherited,
            polled_peak,
        ),
    }
}

/// The child's own peak: wait4's figure when it is above what the child inherited from the
/// test process (then it is the child's own), else the highest `VmHWM` read from the child
/// while it ran (its own memory after exec, read every 20 ms).
fn own_peak(waited: u64, inherited: u64, polled: u64) -> u64 {
    if waited > inherited {
        waited
    } else {
        polled
    }
}

/// A line of `/proc/<pid>/status`, without its name.
fn status_field(pid: &str, field: &str) -> Option<String> {
    let text = std::fs::read_to_string(format!("/proc/{pid}/status")).ok()?;
    let line = text.lines().find(|l| l.starts_with(field))?;
    Some(line[field.len()..].trim().to_string())
}

/// A `kB` line of `/proc/<pid>/status`, 0 when it cannot be read.
fn status_kb(pid: &str, field: &str) -> u64 {
    status_field(pid, field)
        .and_then(|v| v.trim_end_matches("kB").trim().parse().ok())
        .unwrap_or(0)
}
