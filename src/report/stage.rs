//! The stages of a command's work, their names in the JSON events and their words on a terminal.

/// A stage of a command's work, in the order they run.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Stage {
    /// Reading and checking the sources; counted in Markdown files.
    Read,
    /// Rendering every page in Simplified and converting it to Traditional (one step per page:
    /// a page is converted as soon as it is rendered); counted in pages.
    Render,
    /// Making the search index.
    Index,
    /// Putting the new site in place (on the disk before it is swapped in).
    Publish,
    /// `check`'s scan of every page; counted in pages.
    Check,
}

impl Stage {
    pub(super) const ALL: [Stage; 5] = [
        Stage::Read,
        Stage::Render,
        Stage::Index,
        Stage::Publish,
        Stage::Check,
    ];

    /// Its name in the JSON events.
    pub fn name(self) -> &'static str {
        match self {
            Stage::Read => "read",
            Stage::Render => "render",
            Stage::Index => "index",
            Stage::Publish => "publish",
            Stage::Check => "check",
        }
    }

    /// What the terminal calls it, in the editor's language.
    pub(super) fn label(self) -> String {
        match self {
            Stage::Read => crate::t!("progress-read"),
            Stage::Render => crate::t!("progress-render"),
            Stage::Index => crate::t!("progress-index"),
            Stage::Publish => crate::t!("progress-publish"),
            Stage::Check => crate::t!("progress-check"),
        }
    }

    /// What it counts, with `done` of `total`, in the editor's language.
    pub(super) fn count(self, done: &str, total: &str) -> String {
        match self {
            Stage::Read => crate::t!("progress-count-files", done = done, total = total),
            _ => crate::t!("progress-count-pages", done = done, total = total),
        }
    }

    pub(super) fn index(self) -> usize {
        self as usize
    }
}
