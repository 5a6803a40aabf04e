//! Every path a build will write, collected with what claims it before anything is written.
//!
//! Two claims on one path are an error naming both: a page `content/search.md` and the built-in
//! search page, a static file and a generated page, a topic and a page with the same slug. So
//! are paths that differ only in case or Unicode normalisation (`Plan/` and `plan/`), which
//! Windows, macOS and most object stores keep as one file, and a file where another path needs
//! a folder of the same name. Paths inside a reserved tree (the other script's pages, the
//! search index) can only be claimed by their owner.

use std::collections::HashMap;
use std::path::PathBuf;

use super::path::{self, clash_key};
use crate::error::{Diagnostic, Diagnostics};
use crate::i18n::Deferred;
use crate::{deferred, t};

/// What wants a path, for messages: a file an editor can change (with a line where known), or
/// a part of the site stdportal makes itself.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Claimant {
    /// The source file, relative to the site root; `None` for built-in pages.
    pub file: Option<PathBuf>,
    pub line: Option<usize>,
    /// What claims the path, as a whole noun phrase (messages put it in their sentences):
    /// `the built-in search page`, `内置的搜索页面`. Said only when a message shows it.
    pub what: Deferred,
    /// What the editor can do about a clash.
    pub hint: Option<Deferred>,
    /// A page of `content/`: "this page" in a message about it, "the page FILE" in another's.
    page: bool,
}

impl Claimant {
    pub(crate) fn page(file: impl Into<PathBuf>) -> Claimant {
        Claimant {
            file: Some(file.into()),
            line: None,
            what: deferred!("output-claimant-this-page"),
            hint: Some(deferred!("output-hint-page")),
            page: true,
        }
    }

    pub(crate) fn built_in(what: Deferred) -> Claimant {
        Claimant {
            file: None,
            line: None,
            what,
            hint: None,
            page: false,
        }
    }

    pub(crate) fn source(
        file: impl Into<PathBuf>,
        line: Option<usize>,
        what: Deferred,
        hint: Deferred,
    ) -> Claimant {
        Claimant {
            file: Some(file.into()),
            line,
            what,
            hint: Some(hint),
            page: false,
        }
    }

    /// The claimant as another one's message names it, with its file.
    fn named(&self) -> String {
        match &self.file {
            Some(file) if self.page => t!("output-claimant-page", file = self.located(file)),
            Some(file) => t!(
                "output-claimant-in-file",
                what = self.what.text(),
                file = self.located(file)
            ),
            None => self.what.text(),
        }
    }

    fn located(&self, file: &std::path::Path) -> String {
        match self.line {
            Some(line) => format!("{}:{line}", file.display()),
            None => file.display().to_string(),
        }
    }
}

/// The paths of one build and their claimants.
#[derive(Default)]
pub(crate) struct Claims {
    claims: Vec<(String, Claimant)>,
    reserved: Vec<(String, Claimant)>,
    problems: Diagnostics,
}

impl Claims {
    /// Keeps every path under `prefix` (ending in `/`) for `owner`: see [`Claims::claim_reserved`].
    pub(crate) fn reserve(&mut self, prefix: &str, owner: Claimant) {
        self.reserved.push((clash_key(prefix), owner));
    }

    /// Claims a path relative to the output folder.
    pub(crate) fn claim(&mut self, path: &str, claimant: Claimant) {
        let key = clash_key(path);
        if let Some((prefix, owner)) = self.reserved.iter().find(|(p, _)| key.starts_with(p)) {
            let folder = prefix.trim_end_matches('/');
            self.problems.push(clash(
                &claimant,
                owner,
                Why::Reserved {
                    path,
                    folder,
                    owner: &owner.what.text(),
                },
            ));
            return;
        }
        self.claim_reserved(path, claimant);
    }

    /// Claims a path inside a reserved tree, by its owner.
    pub(crate) fn claim_reserved(&mut self, path: &str, claimant: Claimant) {
        if let Err(problem) = path::check(path) {
            let message = t!(
                "output-cannot-publish",
                what = claimant.what.text(),
                path = path,
                problem = problem
            );
            let file = claimant.file.clone().unwrap_or_default();
            self.problems.push(
                with_line(Diagnostic::new(file, message), &claimant)
                    .hint(t!("output-cannot-publish-hint")),
            );
            return;
        }
        self.claims.push((path.to_string(), claimant));
    }

    /// All problems: paths that cannot be written, and paths claimed twice.
    pub(crate) fn check(self) -> Result<(), Diagnostics> {
        let mut problems = self.problems;
        let mut files: HashMap<String, usize> = HashMap::with_capacity(self.claims.len());
        for (i, (path, claimant)) in self.claims.iter().enumerate() {
            let key = clash_key(path);
            if let Some(&first) = files.get(&key) {
                let (first_path, first_claimant) = &self.claims[first];
                if first_claimant == claimant && first_path == path {
                    continue;
                }
                let why = if first_path == path {
                    Why::SameAddress(url_of(path))
                } else {
                    Why::Case(url_of(path), url_of(first_path))
                };
                problems.push(clash(claimant, first_claimant, why));
            } else {
                files.insert(key, i);
            }
        }
        // A file where another path needs a folder of the same name.
        let mut folders: HashMap<String, usize> = HashMap::new();
        for (i, (path, _)) in self.claims.iter().enumerate() {
            let key = clash_key(path);
            let mut end = 0;
            while let Some(slash) = key[end..].find('/') {
                end += slash + 1;
                folders.entry(key[..end - 1].to_string()).or_insert(i);
            }
        }
        for (key, &i) in &files {
            if let Some(&j) = folders.get(key) {
                let (file_path, file_claimant) = &self.claims[i];
                let (inner_path, inner_claimant) = &self.claims[j];
                problems.push(clash(
                    inner_claimant,
                    file_claimant,
                    Why::Folder {
                        path: inner_path,
                        file: file_path,
                    },
                ));
            }
        }
        problems.into_result(())
    }
}

/// The address a file is shown at: `policies/a/` for `policies/a/index.html`.
fn url_of(path: &str) -> &str {
    path.strip_suffix("index.html").unwrap_or(path)
}

/// Why two claimants clash.
enum Why<'a> {
    /// Both claim one address.
    SameAddress(&'a str),
    /// Two addresses that differ only in case or normalisation.
    Case(&'a str, &'a str),
    /// A path inside a tree kept for its owner.
    Reserved {
        path: &'a str,
        folder: &'a str,
        owner: &'a str,
    },
    /// A path that needs a folder where another path is a file.
    Folder { path: &'a str, file: &'a str },
}

/// A clash reported on the claimant an editor can change (the later one when both can).
fn clash(later: &Claimant, earlier: &Claimant, why: Why) -> Diagnostic {
    let (at, other) = if later.file.is_some() {
        (later, earlier)
    } else {
        (earlier, later)
    };
    let (first, second) = (at.what.text(), other.named());
    let message = match why {
        Why::SameAddress(address) => t!(
            "output-clash-same-address",
            first = first,
            second = second,
            address = address
        ),
        Why::Case(address, other) => t!(
            "output-clash-case",
            first = first,
            second = second,
            address = address,
            other = other
        ),
        Why::Reserved {
            path,
            folder,
            owner,
        } => t!(
            "output-clash-reserved",
            first = first,
            second = second,
            path = path,
            folder = folder,
            owner = owner
        ),
        Why::Folder { path, file } => t!(
            "output-clash-folder",
            first = first,
            second = second,
            path = path,
            file = file
        ),
    };
    let file = at.file.clone().unwrap_or_default();
    let d = with_line(Diagnostic::new(file, message), at);
    match at.hint.as_ref().or(other.hint.as_ref()) {
        Some(hint) => d.hint(hint.text()),
        None => d,
    }
}

fn with_line(d: Diagnostic, claimant: &Claimant) -> Diagnostic {
    match claimant.line {
        Some(line) => d.at_line(line),
        None => d,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn page(file: &str) -> Claimant {
        Claimant::page(file)
    }

    #[test]
    fn one_path_claimed_twice_names_both() {
        let mut claims = Claims::default();
        claims.claim(
            "search/index.html",
            Claimant::built_in(deferred!("output-claimant-search")),
        );
        claims.claim("search/index.html", page("content/search.md"));
        let err = claims.check().unwrap_err();
        assert_eq!(err.len(), 1);
        let d = &err.0[0];
        assert_eq!(d.file, PathBuf::from("content/search.md"));
        assert!(
            d.message.contains("the built-in search page"),
            "{}",
            d.message
        );
        assert!(d.message.contains("/search/"), "{}", d.message);
        assert!(d.hint.as_deref().unwrap().contains("slug"));
    }

    #[test]
    fn case_and_normalisation_clashes_are_found() {
        let mut claims = Claims::default();
        claims.claim("Plan/index.html", page("content/Plan.md"));
        claims.claim("plan/index.html", page("content/plan.md"));
        claims.claim("caf\u{e9}/index.html", page("content/a.md"));
        claims.claim("cafe\u{301}/index.html", page("content/b.md"));
        let err = claims.check().unwrap_err();
        assert_eq!(err.len(), 2, "{err}");
        assert!(err.0[0].message.contains("upper and lower case"));
        assert!(err.0[0].message.contains("content/Plan.md"));
    }

    #[test]
    fn a_file_where_a_folder_is_needed() {
        let mut claims = Claims::default();
        claims.claim(
            "cities",
            Claimant::source(
                "static/cities",
                None,
                deferred!("output-claimant-static"),
                deferred!("output-hint-static"),
            ),
        );
        claims.claim(
            "cities/index.html",
            Claimant::built_in(deferred!("output-claimant-cities")),
        );
        let err = claims.check().unwrap_err();
        assert_eq!(err.len(), 1);
        assert_eq!(err.0[0].file, PathBuf::from("static/cities"));
        assert!(
            err.0[0].message.contains("needs a folder"),
            "{}",
            err.0[0].message
        );
    }

    #[test]
    fn reserved_trees_belong_to_their_owner() {
        let mut claims = Claims::default();
        claims.reserve(
            "zh-hant/",
            Claimant::built_in(deferred!(
                "output-claimant-script-pages",
                script = "繁體中文"
            )),
        );
        claims.claim_reserved(
            "zh-hant/index.html",
            Claimant::built_in(deferred!("output-claimant-home", which = "first")),
        );
        claims.claim("zh-hant/a/index.html", page("content/zh-hant/a.md"));
        claims.claim("ZH-Hant/b/index.html", page("content/ZH-Hant/b.md"));
        let err = claims.check().unwrap_err();
        assert_eq!(err.len(), 2);
        assert!(err.0[0].message.contains("kept for the pages in 繁體中文"));
    }

    #[test]
    fn unsafe_paths_are_refused_before_writing() {
        let mut claims = Claims::default();
        claims.claim(
            "topics/../../x/index.html",
            Claimant::source(
                "content/a.md",
                Some(3),
                deferred!("output-claimant-topic", which = "first", topic = "../../x"),
                deferred!("output-hint-topic"),
            ),
        );
        let err = claims.check().unwrap_err();
        assert_eq!(err.0[0].line, Some(3));
        assert!(err.0[0].message.contains("\"..\""), "{}", err.0[0].message);
    }

    #[test]
    fn distinct_paths_pass() {
        let mut claims = Claims::default();
        claims.claim(
            "index.html",
            Claimant::built_in(deferred!("output-claimant-home", which = "first")),
        );
        claims.claim("a/index.html", page("content/a.md"));
        claims.claim(
            "a/data.csv",
            Claimant::built_in(deferred!("output-claimant-atom")),
        );
        assert!(claims.check().is_ok());
    }
}
