//! One build at a time per output folder: a second build waits for the first instead of
//! writing into the same folder (four builds 0.1 s apart used to leave pages of two sites).
//!
//! The lock is an advisory `flock` on a small file next to the output (inside it when the
//! output is a mount point and its parent cannot be written). The system releases it when the
//! process ends, also when it is killed, so a killed build never leaves a stale lock behind.

use std::fs::{File, OpenOptions, TryLockError};
use std::io::{self, Read, Seek, Write};
use std::os::unix::fs::OpenOptionsExt;
use std::path::Path;

use rustix::fs::OFlags;
use rustix::io::Errno;

use crate::t;

pub(super) struct Lock {
    _file: File,
}

impl Lock {
    /// Takes the lock at `path`, waiting (and saying so once) while another build holds it.
    pub(super) fn acquire(path: &Path, output: &Path) -> io::Result<Lock> {
        // Never through a link: a link in its place would have the build truncate and write
        // whatever file it points to. A link there is not stdportal's: it is removed.
        let open = || {
            OpenOptions::new()
                .create(true)
                .truncate(false)
                .read(true)
                .write(true)
                .custom_flags((OFlags::NOFOLLOW | OFlags::NONBLOCK).bits() as i32)
                .open(path)
        };
        let mut file = match open() {
            Err(e) if e.raw_os_error() == Some(Errno::LOOP.raw_os_error()) => {
                std::fs::remove_file(path)?;
                super::warn(&t!("output-own-entry-replaced", path = path.display()));
                open()?
            }
            other => other?,
        };
        if !file.metadata()?.is_file() {
            return Err(io::Error::from(io::ErrorKind::InvalidInput));
        }
        match file.try_lock() {
            Ok(()) => {}
            Err(TryLockError::WouldBlock) => {
                let mut holder = String::new();
                let _ = file.read_to_string(&mut holder);
                let holder = holder.trim();
                let waiting = if holder.is_empty() {
                    t!("output-waiting-unknown", output = output.display())
                } else {
                    t!(
                        "output-waiting",
                        output = output.display(),
                        process = holder
                    )
                };
                super::warn(&waiting);
                file.lock()?;
            }
            Err(TryLockError::Error(e)) => return Err(e),
        }
        // Who holds it, for the message a waiting build shows.
        file.set_len(0)?;
        file.rewind()?;
        write!(file, "{}", std::process::id())?;
        Ok(Lock { _file: file })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_second_lock_waits_for_the_first() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("lock");
        let first = Lock::acquire(&path, dir.path()).unwrap();
        let (sender, receiver) = std::sync::mpsc::channel();
        let second_path = path.clone();
        let waiter = std::thread::spawn(move || {
            let lock = Lock::acquire(&second_path, Path::new("public")).unwrap();
            sender.send(()).unwrap();
            drop(lock);
        });
        assert!(receiver
            .recv_timeout(std::time::Duration::from_millis(200))
            .is_err());
        drop(first);
        receiver
            .recv_timeout(std::time::Duration::from_secs(5))
            .expect("the second lock is taken once the first is released");
        waiter.join().unwrap();
    }
}
