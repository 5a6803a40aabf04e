//! The journal of an in-place publish (a mount point, or `--in-place`): what to remove and
//! what to move into place, written whole before the first move, so a build killed during the
//! moves is completed by the next one.
//!
//! A journal is read as a stranger's file: every path in it is resolved beneath the output
//! (see [`super::beneath`]), a line that names a path through a link, a link itself, `..`, an
//! absolute path or anything stdportal does not write is skipped with a message, and only
//! regular files are removed or moved.

use std::collections::{BTreeMap, BTreeSet};
use std::io;

use rustix::fs::FileType;

use super::beneath::Folder;
use super::names::{JOURNAL, MANIFEST, OWN_FILE_LIMIT, STAGING};
use super::path;
use crate::error::is_link_in_the_way;
use crate::t;

/// How many skipped lines are shown one by one; the rest are counted.
const SHOWN: usize = 5;

/// One line of a journal.
enum Step {
    Remove(String),
    Move(String),
}

/// Why a line is not carried out.
enum Skip {
    Line,
    Text,
    Path(String),
    Link(String),
    NotFile(String),
}

/// The lines not carried out: the first few (by line) to be shown, and how many more.
struct Skipped {
    journal: String,
    first: BTreeMap<usize, Skip>,
    more: usize,
}

impl Skipped {
    fn note(&mut self, line: usize, why: Skip) {
        self.first.insert(line, why);
        if self.first.len() > SHOWN {
            self.first.pop_last();
            self.more += 1;
        }
    }

    fn say(&self, line: usize, why: &Skip) {
        let why = match why {
            Skip::Line => t!("output-journal-why-line"),
            Skip::Text => t!("output-journal-why-text"),
            Skip::Path(path) => t!("output-journal-why-path", path = shown(path)),
            Skip::Link(path) => t!("output-journal-why-link", path = path.as_str()),
            Skip::NotFile(path) => t!("output-journal-why-not-file", path = path.as_str()),
        };
        super::warn(&t!(
            "output-journal-skipped",
            journal = self.journal.as_str(),
            line = line,
            why = why
        ));
    }
}

impl Drop for Skipped {
    fn drop(&mut self) {
        for (line, why) in &self.first {
            self.say(*line, why);
        }
        if self.more > 0 {
            super::warn(&t!(
                "output-journal-skipped-more",
                journal = self.journal.as_str(),
                count = self.more
            ));
        }
    }
}

/// Carries out the journal of an in-place publish, if `output` has one. Every step can be done
/// twice, so a build killed while replaying is completed by the next one. With `durable`, the
/// moves reach the disk before the journal is removed.
pub(super) fn replay(output: &Folder, durable: bool) -> io::Result<()> {
    let text = match output.read_file(JOURNAL, OWN_FILE_LIMIT) {
        Ok(text) => text,
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(()),
        // A link, a pipe, a folder: not a journal stdportal wrote.
        Err(_) => {
            super::replace_own_entry(output, JOURNAL);
            return Ok(());
        }
    };
    let mut skipped = Skipped {
        journal: output.join(JOURNAL).display().to_string(),
        first: BTreeMap::new(),
        more: 0,
    };
    let steps = parse(&text, &mut skipped);
    let mut emptied = BTreeSet::new();
    for (line, step) in &steps {
        let Step::Remove(rel) = step else { continue };
        match output.kind(rel) {
            Ok(FileType::RegularFile) => output.remove_file(rel)?,
            Ok(FileType::Directory) => continue,
            Ok(_) => {
                skipped.note(*line, Skip::NotFile(rel.clone()));
                continue;
            }
            // Removed before the previous build was killed (its folder may still be there).
            Err(e) if e.kind() == io::ErrorKind::NotFound => {}
            Err(e) if is_link_in_the_way(&e) => {
                skipped.note(*line, Skip::Link(rel.clone()));
                continue;
            }
            Err(e) => return Err(e),
        }
        if let Some((parent, _)) = rel.rsplit_once('/') {
            emptied.insert(parent.to_string());
        }
    }
    // Deepest first; only an empty folder is removed.
    for dir in emptied.iter().rev() {
        let mut dir = dir.as_str();
        while output.remove_folder(dir).is_ok() {
            match dir.rsplit_once('/') {
                Some((parent, _)) => dir = parent,
                None => break,
            }
        }
    }
    let staging = match output.open_folder(STAGING) {
        Ok(staging) => Some(staging),
        Err(e) if e.kind() == io::ErrorKind::NotFound => None,
        Err(_) => {
            super::replace_own_entry(output, STAGING);
            None
        }
    };
    for (line, step) in &steps {
        let (Step::Move(rel), Some(staging)) = (step, &staging) else {
            continue;
        };
        let staged = match staging.stat(rel) {
            Ok(stat) if FileType::from_raw_mode(stat.st_mode) == FileType::RegularFile => stat,
            // Moved before the previous build was killed.
            Err(e) if e.kind() == io::ErrorKind::NotFound => continue,
            Err(e) if is_link_in_the_way(&e) => {
                skipped.note(*line, Skip::Link(rel.clone()));
                continue;
            }
            Err(e) => return Err(e),
            Ok(_) => {
                skipped.note(*line, Skip::NotFile(rel.clone()));
                continue;
            }
        };
        if let Some((parent, _)) = rel.rsplit_once('/') {
            match output.create_folders(parent) {
                Ok(_) => {}
                Err(e) if is_link_in_the_way(&e) => {
                    skipped.note(*line, Skip::Link(rel.clone()));
                    continue;
                }
                Err(e) => return Err(e),
            }
        }
        // A link where the file goes is someone else's: not replaced.
        if output.kind(rel).is_ok_and(|kind| kind == FileType::Symlink) {
            skipped.note(*line, Skip::Link(rel.clone()));
            continue;
        }
        match output.rename(&format!("{STAGING}/{rel}"), output, rel) {
            Ok(()) => {}
            Err(e) if is_link_in_the_way(&e) => {
                skipped.note(*line, Skip::Link(rel.clone()));
                continue;
            }
            Err(e) => return Err(e),
        }
        // Swapped for a link between the look and the move: never leave a link published.
        if output
            .stat(rel)
            .is_ok_and(|moved| (moved.st_dev, moved.st_ino) != (staged.st_dev, staged.st_ino))
        {
            output.remove_file(rel)?;
            skipped.note(*line, Skip::NotFile(rel.clone()));
        }
    }
    if durable {
        output.sync_file_system()?;
    }
    output.remove_file(JOURNAL)?;
    output.remove_tree(STAGING)
}

/// A path as a message shows it: control characters (a NUL, an escape sequence) escaped, not
/// sent to the terminal, and a path of thousands of bytes cut short.
fn shown(path: &str) -> String {
    let escaped: String = path.escape_debug().collect();
    match escaped.char_indices().nth(200) {
        Some((end, _)) => format!("{}…", &escaped[..end]),
        None => escaped,
    }
}

/// The steps of a journal with their line numbers; lines that are not a step are noted.
fn parse(text: &[u8], skipped: &mut Skipped) -> Vec<(usize, Step)> {
    let mut steps = Vec::new();
    for (i, line) in text.split(|&b| b == b'\n').enumerate() {
        let number = i + 1;
        if line.is_empty() {
            continue;
        }
        let Ok(line) = std::str::from_utf8(line) else {
            skipped.note(number, Skip::Text);
            continue;
        };
        let (step, rel, own): (fn(String) -> Step, &str, bool) =
            if let Some(rel) = line.strip_prefix("-\t") {
                (Step::Remove, rel, false)
            } else if let Some(rel) = line.strip_prefix("+\t") {
                // The new manifest is moved in last; it is never removed (that would make the
                // output someone else's, refused by every later build).
                (Step::Move, rel, rel == MANIFEST)
            } else {
                skipped.note(number, Skip::Line);
                continue;
            };
        // Longer than the system takes (PATH_MAX): it names nothing stdportal wrote.
        if !own && (path::check(rel).is_err() || rel.len() >= 4096) {
            skipped.note(number, Skip::Path(rel.to_string()));
            continue;
        }
        steps.push((number, step(rel.to_string())));
    }
    steps
}
