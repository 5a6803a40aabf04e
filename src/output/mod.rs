//! Writing the site: every output path is checked and claimed before anything is written
//! (`claims`, [`path`]), the output folder is refused when it is not the site's own
//! (`guard`, `manifest`), and a new site replaces the old one in one step (`publish`).

mod beneath;
pub(crate) mod claims;
mod disk;
mod guard;
mod journal;
mod lock;
mod manifest;
mod names;
pub mod path;
mod publish;
mod tree;

use std::path::{Path, PathBuf};

pub use crate::error::is_link_in_the_way;
use crate::error::Diagnostic;
use crate::t;
pub use beneath::SIMULATE_NO_OPENAT2;
pub use disk::is_mount_point;
pub use publish::{PublishOptions, Publisher, SIMULATE_DISK_FULL, SIMULATE_NO_EXCHANGE};

/// Says something on stderr; a closed stderr is not a reason to stop a publish.
fn warn(text: &str) {
    use std::io::Write;
    let _ = writeln!(std::io::stderr().lock(), "{text}");
}

/// Removes an entry with one of stdportal's own names (a journal, the staging or trash
/// folder) that is not what stdportal keeps there: a link (never what it points to), a pipe,
/// a file where a folder belongs. Says so.
fn replace_own_entry(folder: &beneath::Folder, name: &str) {
    let _ = folder.remove_tree(name);
    warn(&t!(
        "output-own-entry-replaced",
        path = folder.join(name).display()
    ));
}

/// A file of the built site, in memory until it is published.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OutputFile {
    /// Relative to the output folder, with `/` separators.
    pub path: String,
    /// Its content, as written to the disk.
    pub bytes: Vec<u8>,
}

/// The static files of the site: the theme's `static/` and then the site's `static/` (which
/// wins), as output path → source file (relative to the site root, for messages).
pub fn static_sources(root: &Path, theme: &str) -> Result<Vec<(String, PathBuf)>, Diagnostic> {
    let mut files: std::collections::BTreeMap<String, PathBuf> = Default::default();
    for dir in [
        root.join("themes").join(theme).join("static"),
        root.join("static"),
    ] {
        let (paths, mut problems) = crate::files::files_under(root, &dir, usize::MAX);
        if !problems.is_empty() {
            return Err(problems.remove(0));
        }
        for path in paths {
            let name = manifest::relative(&dir, &path);
            if name.split('/').any(|part| part.starts_with('.')) {
                continue;
            }
            files.insert(path::nfc(&name), path);
        }
    }
    Ok(files.into_iter().collect())
}

/// The theme's and the site's static files with their bytes, copied as they are.
pub fn static_files(root: &Path, theme: &str) -> Result<Vec<OutputFile>, Diagnostic> {
    static_sources(root, theme)?
        .into_iter()
        .map(|(path, source)| {
            let bytes = crate::read::source(root, &source, crate::read::Kind::Static)?;
            Ok(OutputFile { path, bytes })
        })
        .collect()
}
