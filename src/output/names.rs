//! The names of stdportal's own files inside an output folder, and how much of them is read.

/// The list of published files, at the top of the output folder.
pub(super) const MANIFEST: &str = ".stdportal-manifest";
/// The most read of the manifest or a journal: a line per published file, half a million
/// files of 128 bytes.
pub(super) const OWN_FILE_LIMIT: u64 = 64 << 20;
/// The journal of an in-place publish: what to remove and what to move into place.
pub(super) const JOURNAL: &str = ".stdportal-journal";
/// Where an in-place publish stages changed files, inside the output folder.
pub(super) const STAGING: &str = ".stdportal-staging";
/// The lock file inside an output folder whose parent cannot be written.
pub(super) const LOCK: &str = ".stdportal-lock";

/// stdportal's own bookkeeping inside an output folder, never part of the site.
pub(super) const OWN_ENTRIES: [&str; 4] = [MANIFEST, JOURNAL, STAGING, LOCK];
