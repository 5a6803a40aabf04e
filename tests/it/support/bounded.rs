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
    let (status, usage) = loop {
        let mut status = 0;
        // SAFETY: all-zero is a valid `rusage`; wait4 writes one into it.
        let mut usage: libc::rusage = unsafe { std::mem::zeroed() };
        // SAFETY: waits only for our own child, writing into the two values given.
        let waited = unsafe { libc::wait4(pid, &mut status, libc::WNOHANG, &mut usage) };
        if waited == pid {
            break (status, usage);
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
        // Linux counts it in kilobytes.
        peak_memory: u64::try_from(usage.ru_maxrss).unwrap_or(0) * 1024,
    }
}
