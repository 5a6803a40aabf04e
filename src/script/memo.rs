//! Converted texts remembered for the rest of the build: a page's header, navigation, footer,
//! theme strings, labels and the entries of lists are the same texts on thousands of pages, and
//! looking one up costs a fraction of converting it again.
//!
//! Only short texts are kept, and only from their second sighting on (the first notes their
//! hash): a page's own paragraphs are converted once anyway and would only fill memory. What is
//! kept is capped at a fixed number of bytes, so memory stays bounded on any site. Shared by the
//! threads that render pages: a few shards, each behind its own lock, keep them from waiting on
//! each other.

use std::collections::HashMap;
use std::hash::{BuildHasher, BuildHasherDefault};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Mutex;

use rustc_hash::FxHasher;

use crate::sync::lock;

/// Texts longer than this (bytes) are converted every time.
const LONGEST: usize = 512;
/// Bytes of texts and conversions kept in all, past which nothing more is kept.
const BUDGET: usize = 64 << 20;
const SHARDS: usize = 16;

type Hasher = BuildHasherDefault<FxHasher>;

#[derive(Default)]
struct Shard {
    /// Texts and their conversions, by the text's hash (hashed once per lookup; a text whose
    /// hash another text holds is converted every time).
    known: HashMap<u64, (Box<str>, Box<str>), Hasher>,
    /// Hashes of texts seen once.
    seen: std::collections::HashSet<u64, Hasher>,
}

pub(super) struct Memo {
    shards: [Mutex<Shard>; SHARDS],
    bytes: AtomicUsize,
}

impl Default for Memo {
    fn default() -> Self {
        Memo {
            shards: std::array::from_fn(|_| Mutex::new(Shard::default())),
            bytes: AtomicUsize::new(0),
        }
    }
}

impl Memo {
    /// Appends `text` converted by `convert` to `out`, remembering the conversion when the
    /// text is short.
    pub(super) fn push(&self, text: &str, convert: impl FnOnce(&str) -> String, out: &mut String) {
        if text.len() > LONGEST {
            out.push_str(&convert(text));
            return;
        }
        let hash = Hasher::default().hash_one(text);
        let shard = &self.shards[(hash as usize) % SHARDS];
        let again = {
            let mut shard = lock(shard);
            if let Some((known, found)) = shard.known.get(&hash) {
                if **known == *text {
                    out.push_str(found);
                    return;
                }
            }
            // A noted hash counts against the budget too.
            if self.bytes.load(Ordering::Relaxed) < BUDGET {
                let first = shard.seen.insert(hash);
                if first {
                    self.bytes.fetch_add(16, Ordering::Relaxed);
                }
                !first
            } else {
                shard.seen.contains(&hash)
            }
        };
        let converted = convert(text);
        out.push_str(&converted);
        let size = text.len() + converted.len();
        if again && self.bytes.fetch_add(size, Ordering::Relaxed) + size <= BUDGET {
            lock(shard)
                .known
                .entry(hash)
                .or_insert_with(|| (text.into(), converted.into_boxed_str()));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_remembered_text_gives_its_own_conversion_and_no_other() {
        let memo = Memo::default();
        let calls = std::cell::Cell::new(0);
        let convert = |t: &str| {
            calls.set(calls.get() + 1);
            t.replace('标', "標")
        };
        let mut out = String::new();
        for text in ["标准", "标准", "标准", "发展", "标准", "发展", "发展"] {
            memo.push(text, convert, &mut out);
            out.push('|');
        }
        assert_eq!(out, "標准|標准|標准|发展|標准|发展|发展|");
        // Converted at the first and second sighting of each, looked up after.
        assert_eq!(calls.get(), 4);
    }
}
