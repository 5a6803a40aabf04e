//! Every sentence the command says to an editor, in Simplified Chinese, Traditional Chinese or
//! English, from the Fluent catalogues in `locales/` (built into the binary).
//!
//! Code names a message by its id and passes its values (`t!("config-unreadable", error = e)`);
//! the words, their order and plural forms live in the catalogues only. The language is chosen
//! once, by the command line ([`set_language`]); the library alone speaks English, so a program
//! or a test using it sees the same messages whatever the machine's locale.

mod lang;
mod recent;

use std::borrow::Cow;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU8, Ordering};
use std::sync::OnceLock;

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};

pub use lang::{Lang, OVERRIDE_VAR};
pub use recent::id_of;

/// Declares the catalogue files (one per subject, the same names in every language) and builds
/// them into the binary.
macro_rules! catalogues {
    ($($file:literal),+ $(,)?) => {
        /// The subjects of the catalogue files: `locales/<language>/<subject>.ftl`.
        pub const FILES: &[&str] = &[$($file),+];

        /// The catalogues, by language: the source text of each file, in the order of [`FILES`].
        pub const CATALOGUES: [(Lang, &[&str]); 3] = [
            (Lang::ZhHans, &[$(include_str!(concat!("../../locales/zh-Hans/", $file, ".ftl"))),+]),
            (Lang::ZhHant, &[$(include_str!(concat!("../../locales/zh-Hant/", $file, ".ftl"))),+]),
            (Lang::En, &[$(include_str!(concat!("../../locales/en/", $file, ".ftl"))),+]),
        ];
    };
}

catalogues!(
    "core",
    "cli",
    "config",
    "files",
    "content",
    "links",
    "mistakes",
    "data",
    "tables",
    "output",
    "theme",
    "init",
    "help",
    "serve",
    "check",
    "dictionary",
    "word",
    "import",
    "progress",
);

static CURRENT: AtomicU8 = AtomicU8::new(Lang::En as u8);

/// Makes every later message speak `lang` (the command line calls this once, first).
pub fn set_language(lang: Lang) {
    CURRENT.store(lang as u8, Ordering::Relaxed);
}

/// The language messages are in now.
pub fn language() -> Lang {
    match CURRENT.load(Ordering::Relaxed) {
        x if x == Lang::ZhHans as u8 => Lang::ZhHans,
        x if x == Lang::ZhHant as u8 => Lang::ZhHant,
        _ => Lang::En,
    }
}

/// A value for a message's placeholder: text, or a number (which plural forms can select on).
pub struct Arg(FluentValue<'static>);

macro_rules! text_args {
    ($($t:ty),*) => {$(
        impl From<$t> for Arg {
            fn from(v: $t) -> Arg {
                Arg(FluentValue::from(v.to_string()))
            }
        }
    )*};
}
macro_rules! number_args {
    ($($t:ty),*) => {$(
        impl From<$t> for Arg {
            fn from(v: $t) -> Arg {
                Arg(FluentValue::from(v))
            }
        }
    )*};
}
text_args!(
    &str,
    String,
    &String,
    Cow<'_, str>,
    char,
    std::path::Display<'_>
);
number_args!(usize, u64, u32, u16, u8, i64, i32);

impl From<&Path> for Arg {
    fn from(p: &Path) -> Arg {
        Arg::from(p.display())
    }
}

impl From<&PathBuf> for Arg {
    fn from(p: &PathBuf) -> Arg {
        Arg::from(p.display())
    }
}

/// The message `id` in the current language, with `args` in its placeholders (its id is kept
/// for a diagnostic made from it: [`id_of`]).
pub fn text(id: &'static str, args: &[(&str, Arg)]) -> String {
    let text = text_in(language(), id, args);
    recent::remember(id, &text);
    text
}

/// The message `id` in `lang`. A message missing there is taken from English, and one missing
/// in English too is shown as its id (the catalogue tests keep both from happening).
pub fn text_in(lang: Lang, id: &str, args: &[(&str, Arg)]) -> String {
    let mut fluent_args = FluentArgs::new();
    for (name, value) in args {
        fluent_args.set(*name, value.0.clone());
    }
    for lang in [lang, Lang::En] {
        let bundle = bundle(lang);
        if let Some(pattern) = bundle.get_message(id).and_then(|m| m.value()) {
            let mut errors = Vec::new();
            return bundle
                .format_pattern(pattern, Some(&fluent_args), &mut errors)
                .into_owned();
        }
    }
    id.to_string()
}

fn bundle(lang: Lang) -> &'static FluentBundle<FluentResource> {
    static BUNDLES: OnceLock<Vec<FluentBundle<FluentResource>>> = OnceLock::new();
    let bundles =
        BUNDLES.get_or_init(|| CATALOGUES.iter().map(|(l, s)| make_bundle(*l, s)).collect());
    let index = CATALOGUES.iter().position(|(l, _)| *l == lang).unwrap_or(0);
    &bundles[index]
}

fn make_bundle(lang: Lang, sources: &[&str]) -> FluentBundle<FluentResource> {
    let id = lang.tag().parse().unwrap_or_default();
    let mut bundle = FluentBundle::new_concurrent(vec![id]);
    // No Unicode isolation marks around values: a terminal shows them as stray characters,
    // and file names and numbers here never change a line's direction.
    bundle.set_use_isolating(false);
    for source in sources {
        // A catalogue with a syntax error keeps the messages that parsed, and ids are unique
        // across the files: the tests fail on either, so nothing is lost here.
        let resource = FluentResource::try_new(source.to_string()).unwrap_or_else(|(r, _)| r);
        let _ = bundle.add_resource(resource);
    }
    bundle
}

/// A message kept to be said only if it is shown: its id and the text of its values. Code that
/// names many things and reports few of them (every path a build writes has a claimant, and a
/// clash names two) keeps these and formats the ones a problem shows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Deferred {
    id: &'static str,
    args: Vec<(&'static str, String)>,
}

impl Deferred {
    /// Use [`deferred!`](crate::deferred), which the catalogue test can see.
    pub fn new(id: &'static str, args: Vec<(&'static str, String)>) -> Deferred {
        Deferred { id, args }
    }

    /// The message's catalogue id.
    pub fn id(&self) -> &'static str {
        self.id
    }

    /// The message in the current language. A value that is an integer written plainly (`12`,
    /// not `012`) is passed as a number, so that plural forms can select on it.
    pub fn text(&self) -> String {
        let args: Vec<(&str, Arg)> = self
            .args
            .iter()
            .map(|(name, value)| {
                let arg = match value.parse::<i64>() {
                    Ok(n) if n.to_string() == *value => Arg::from(n),
                    _ => Arg::from(value),
                };
                (*name, arg)
            })
            .collect();
        text(self.id, &args)
    }
}

/// A [`Deferred`] message: `deferred!(ID)` or `deferred!(ID, name = value, …)`, ID a string
/// literal, values anything with `to_string`.
#[macro_export]
macro_rules! deferred {
    ($id:literal $(, $name:ident = $value:expr)* $(,)?) => {
        $crate::i18n::Deferred::new($id, vec![$((stringify!($name), ($value).to_string())),*])
    };
}

/// A message in the current language: `t!(ID)` or `t!(ID, name = value, …)`, ID a string
/// literal (so the catalogue test finds every id the code asks for).
#[macro_export]
macro_rules! t {
    ($id:literal $(,)?) => {
        $crate::i18n::text($id, &[])
    };
    ($id:literal, $($name:ident = $value:expr),+ $(,)?) => {
        $crate::i18n::text($id, &[$((stringify!($name), $crate::i18n::Arg::from($value))),+])
    };
}

#[cfg(test)]
mod tests;
