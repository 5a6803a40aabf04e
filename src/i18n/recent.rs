//! The catalogue ids of the messages said last on this thread, so that a [`Diagnostic`] made
//! from `t!("id", …)` keeps its id without every place that makes one passing it along: the
//! JSON events name each problem by id (docs/EVENTS.md).
//!
//! Arguments are evaluated before the call they are passed to, so the message given to
//! `Diagnostic::new(file, t!("outer", x = t!("inner")))` is the last one said; a message
//! said earlier and kept in a variable is still among the last few. A text changed after it
//! was said (`format!` around it) matches none, and has no id: never a wrong one.
//!
//! [`Diagnostic`]: crate::error::Diagnostic

use std::cell::RefCell;
use std::hash::{BuildHasher, BuildHasherDefault, DefaultHasher};

/// How many messages are remembered per thread: a diagnostic is made within a few messages of
/// its own (its hint, the values of its placeholders).
const REMEMBERED: usize = 16;

thread_local! {
    static RECENT: RefCell<Recent> = const { RefCell::new(Recent { slots: [(0, ""); REMEMBERED], next: 0 }) };
}

struct Recent {
    slots: [(u64, &'static str); REMEMBERED],
    next: usize,
}

fn hash(text: &str) -> u64 {
    BuildHasherDefault::<DefaultHasher>::default().hash_one(text)
}

/// Notes that `text` was said as the message `id`.
pub(super) fn remember(id: &'static str, text: &str) {
    let hash = hash(text);
    RECENT.with(|recent| {
        let mut recent = recent.borrow_mut();
        let next = recent.next;
        recent.slots[next] = (hash, id);
        recent.next = (next + 1) % REMEMBERED;
    });
}

/// The id of the message that was said as exactly `text` lately on this thread (the latest
/// one, if several were).
pub fn id_of(text: &str) -> Option<&'static str> {
    if text.is_empty() {
        return None;
    }
    let hash = hash(text);
    RECENT.with(|recent| {
        let recent = recent.borrow();
        (1..=REMEMBERED)
            .map(|back| recent.slots[(recent.next + REMEMBERED - back) % REMEMBERED])
            .find(|(h, id)| *h == hash && !id.is_empty())
            .map(|(_, id)| id)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_outer_message_is_found_by_its_text() {
        let message = crate::t!("build-failed", count = crate::t!("serve-changed-nothing"));
        let hint = crate::t!("content-missing-hint");
        assert_eq!(id_of(&message), Some("build-failed"));
        assert_eq!(id_of(&hint), Some("content-missing-hint"));
        assert_eq!(id_of(&format!("{message}!")), None);
        assert_eq!(id_of("never said"), None);
    }

    #[test]
    fn a_message_said_long_ago_is_forgotten_not_mistaken() {
        let old = crate::t!("content-missing");
        for _ in 0..REMEMBERED {
            crate::t!("serve-stopped");
        }
        assert_eq!(id_of(&old), None);
    }

    #[test]
    fn another_thread_has_its_own() {
        let said = crate::t!("serve-stopped");
        let elsewhere = std::thread::spawn(move || id_of(&said)).join().unwrap();
        assert_eq!(elsewhere, None);
    }
}
