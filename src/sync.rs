//! Locks that stay usable after a thread panicked while holding them: the data they guard is
//! a list being filled or the last good build, which a panic elsewhere does not corrupt, and a
//! poisoned lock would otherwise take the whole build or the server down with it.

use std::sync::{Mutex, MutexGuard, PoisonError};

pub(crate) fn lock<T>(m: &Mutex<T>) -> MutexGuard<'_, T> {
    m.lock().unwrap_or_else(PoisonError::into_inner)
}

/// What a mutex holds, once nothing else uses it.
pub(crate) fn into_inner<T>(m: Mutex<T>) -> T {
    m.into_inner().unwrap_or_else(PoisonError::into_inner)
}
