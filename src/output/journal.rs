//! The journal of an in-place publish (a mount point, or `--in-place`): what to remove and
//! what to move into place, written whole before the first move, so a build killed during the
//! moves is completed by the next one.

use std::fs;
use std::io;
use std::path::Path;

use super::disk::{make_parent, remove_tree};
use super::manifest::MANIFEST;
use super::path;
use super::publish::{JOURNAL, STAGING};

/// Carries out the journal of an in-place publish. Every step can be done twice, so a build
/// killed while replaying is completed by the next one.
pub(super) fn replay(output: &Path) -> io::Result<()> {
    let journal = crate::read::own_file(&output.join(JOURNAL), super::manifest::OWN_FILE_LIMIT)
        .and_then(|bytes| {
            String::from_utf8(bytes).map_err(|_| io::ErrorKind::InvalidData.into())
        })?;
    let staging = output.join(STAGING);
    let entry = |line: &str, mark: &str| -> Option<String> {
        let path = line.strip_prefix(mark)?;
        (path == MANIFEST || path::check(path).is_ok()).then(|| path.to_string())
    };
    let mut emptied = std::collections::BTreeSet::new();
    for path in journal.lines().filter_map(|l| entry(l, "-\t")) {
        let target = output.join(&path);
        match fs::symlink_metadata(&target) {
            Ok(meta) if !meta.is_dir() => fs::remove_file(&target)?,
            _ => continue,
        }
        if let Some(parent) = Path::new(&path).parent() {
            emptied.insert(parent.to_path_buf());
        }
    }
    // Deepest first; `remove_dir` only removes an empty folder.
    for dir in emptied.iter().rev() {
        let mut dir = dir.as_path();
        while !dir.as_os_str().is_empty() && fs::remove_dir(output.join(dir)).is_ok() {
            dir = dir.parent().unwrap_or(Path::new(""));
        }
    }
    for path in journal.lines().filter_map(|l| entry(l, "+\t")) {
        let from = staging.join(&path);
        if !from.exists() {
            continue; // moved before the previous build was killed
        }
        let target = output.join(&path);
        make_parent(&target).map_err(|d| io::Error::other(d.message))?;
        fs::rename(&from, &target)?;
    }
    fs::remove_file(output.join(JOURNAL))?;
    remove_tree(&staging);
    Ok(())
}
