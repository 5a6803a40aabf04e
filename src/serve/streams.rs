//! How many live-reload event streams are open at once.
//!
//! An event stream is a response that never ends, so its connection is always busy and never
//! made room for ([`super::conn`] closes only idle connections). Without a cap, a thousand
//! streams opened by one process held every connection serve keeps, and every new request got
//! 503. At most [`stream_cap`] streams are kept, well below the connection cap: when one more
//! is opened, the stream open longest is ended (its connection then goes idle and may be
//! closed), so the page opened last always gets live reload and ordinary requests always find
//! room. A page whose stream was ended connects again by itself (`retry` of the stream) and
//! learns at once, from the build id, whether it missed a rebuild.

use std::collections::VecDeque;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex, PoisonError};

use tokio::sync::oneshot;

use crate::t;

/// The most event streams kept, however many connections may be: one per open tab of the
/// preview, far more than an editor has open.
const MAX_STREAMS: usize = 128;

/// How many event streams to keep with `max_connections`: half of them at most, so the other
/// half is always there for pages, stylesheets and images.
pub(super) fn stream_cap(max_connections: usize) -> usize {
    (max_connections / 2).clamp(1, MAX_STREAMS)
}

/// The open event streams, oldest first.
pub(crate) struct Streams {
    cap: usize,
    open: Mutex<Open>,
    logged: AtomicBool,
}

#[derive(Default)]
struct Open {
    next_id: u64,
    /// Each stream's id, and what ends it when dropped.
    streams: VecDeque<(u64, oneshot::Sender<()>)>,
}

impl Streams {
    pub(super) fn new(cap: usize) -> Streams {
        Streams {
            cap: cap.max(1),
            open: Mutex::default(),
            logged: AtomicBool::new(false),
        }
    }

    /// Makes room for one more stream (ending the oldest when `cap` are open) and registers it:
    /// the stream ends when the receiver completes, and is forgotten when the slot is dropped.
    pub(super) fn open(self: &Arc<Self>) -> (oneshot::Receiver<()>, Slot) {
        let (end, ended) = oneshot::channel();
        let mut open = self.open.lock().unwrap_or_else(PoisonError::into_inner);
        while open.streams.len() >= self.cap {
            // Dropping its sender ends the oldest stream.
            open.streams.pop_front();
            if !self.logged.swap(true, Ordering::Relaxed) {
                warn!("{}", t!("serve-streams-capped", max = self.cap));
            }
        }
        let id = open.next_id;
        open.next_id += 1;
        open.streams.push_back((id, end));
        let slot = Slot {
            streams: self.clone(),
            id,
        };
        (ended, slot)
    }

    #[cfg(test)]
    fn len(&self) -> usize {
        self.open
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .streams
            .len()
    }
}

/// An open stream's place: given up when the stream ends (the client went away, or it was
/// ended to make room).
pub(crate) struct Slot {
    streams: Arc<Streams>,
    id: u64,
}

impl Drop for Slot {
    fn drop(&mut self) {
        let mut open = self
            .streams
            .open
            .lock()
            .unwrap_or_else(PoisonError::into_inner);
        open.streams.retain(|(id, _)| *id != self.id);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_stream_cap_leaves_half_the_connections_for_requests() {
        assert_eq!(stream_cap(1024), MAX_STREAMS);
        assert_eq!(stream_cap(32), 16);
        assert_eq!(stream_cap(8), 4);
        assert_eq!(stream_cap(1), 1);
    }

    #[test]
    fn the_oldest_stream_ends_to_make_room_and_a_closed_one_gives_its_place_back() {
        let streams = Arc::new(Streams::new(2));
        let (mut first, _first_slot) = streams.open();
        let (mut second, second_slot) = streams.open();
        assert_eq!(streams.len(), 2);
        let (mut third, _third_slot) = streams.open();
        assert!(
            first
                .try_recv()
                .is_err_and(|e| e == oneshot::error::TryRecvError::Closed),
            "the oldest was ended"
        );
        assert_eq!(second.try_recv(), Err(oneshot::error::TryRecvError::Empty));
        drop(second_slot);
        assert_eq!(streams.len(), 1);
        let (_fourth, _fourth_slot) = streams.open();
        assert_eq!(third.try_recv(), Err(oneshot::error::TryRecvError::Empty));
        assert_eq!(streams.len(), 2);
    }
}
