//! Why a Word file is not read, and the message that says so with what to do.

use std::path::Path;

use super::limits::{self, grouped, megabytes};
use crate::error::Diagnostic;
use crate::t;

/// Why a Word file is not read at all. (What is read with something left out is a
/// [`super::Note`] instead.)
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Problem {
    /// The file is larger than [`limits::FILE_BYTES`].
    TooLarge {
        /// The file's size, in bytes.
        bytes: u64,
    },
    /// A part unpacks to more than its limit; `ratio`: how many times smaller it is stored
    /// (0 where unknown).
    PartTooLarge {
        /// The part's name in the zip (`word/document.xml`, `word/media/image1.png`).
        part: String,
        /// Its unpacked size, in bytes (as declared, or as far as it was read).
        bytes: u64,
        /// How many times smaller it is stored; 0 when not known.
        ratio: u64,
    },
    /// All the parts together unpack to more than [`limits::UNPACKED_BYTES`].
    Unpacked {
        /// What they unpack to, in bytes.
        bytes: u64,
    },
    /// The zip has more than [`limits::PARTS`] parts.
    TooManyParts {
        /// How many parts it has.
        count: usize,
    },
    /// A large part stored far smaller than Word's XML ever packs.
    Ratio {
        /// The part's name in the zip.
        part: String,
        /// How many times smaller it is stored.
        ratio: u64,
    },
    /// A part has more elements than [`limits::ELEMENTS`].
    TooManyElements {
        /// The part's name in the zip.
        part: String,
    },
    /// A part nests elements deeper than [`limits::DEPTH`].
    TooDeep {
        /// The part's name in the zip.
        part: String,
    },
    /// It is no Word file.
    NotWord(Looks),
    /// An older format that must be converted first.
    Legacy(Legacy),
    /// It is encrypted with a password.
    Password,
    /// Two parts of one name.
    DuplicateParts,
    /// A zip without a Word document in it.
    NoDocument,
    /// A part declares a document type (the way to an entity bomb; Word never writes one).
    Dtd {
        /// The part's name in the zip.
        part: String,
    },
    /// The reader's own description (in English) of what it could not read.
    Unreadable {
        /// The part it was reading (`word/document.xml`); `None` for the zip itself.
        part: Option<String>,
        /// The reader's message, in English.
        error: String,
    },
    /// `soffice` is not installed, so a legacy file cannot be converted.
    NoConverter(Legacy),
    /// `soffice` ran and made no Word file (its output, in English).
    ConversionFailed {
        /// Which older format it is.
        kind: Legacy,
        /// What `soffice` wrote, in English.
        error: String,
    },
}

/// What a file that is no Word file looks like.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Looks {
    /// An empty file (0 bytes).
    Empty,
    /// A PDF (`%PDF`): the published copy, not the Word file.
    Pdf,
    /// Rich Text Format (`{\rtf`), which Word and WPS also save.
    Rtf,
    /// A web page (Word's "save as web page", or a system that exports "Word" as HTML).
    Markup,
    /// Plain text (no control bytes): a copy of the text, not the document.
    Text,
    /// An OpenDocument text (`.odt`).
    OpenDocument,
    /// A spreadsheet.
    Workbook,
    /// A presentation.
    Presentation,
    /// A zip of something else.
    Zip,
    /// Anything else: binary that is none of these (a picture, a damaged file).
    Other,
}

impl Looks {
    pub(crate) fn id(self) -> &'static str {
        match self {
            Looks::Empty => "empty",
            Looks::Pdf => "pdf",
            Looks::Rtf => "rtf",
            Looks::Markup => "markup",
            Looks::Text => "text",
            Looks::OpenDocument => "odt",
            Looks::Workbook => "workbook",
            Looks::Presentation => "presentation",
            Looks::Zip => "zip",
            Looks::Other => "other",
        }
    }
}

/// The older word-processor formats, which LibreOffice can convert to `.docx`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Legacy {
    /// Word 97–2003 binary (`.doc`), which Kingsoft WPS also writes under `.wps`.
    WordBinary,
    /// Microsoft Works (also `.wps`).
    Works,
}

impl Legacy {
    pub(crate) fn id(self) -> &'static str {
        match self {
            Legacy::WordBinary => "doc",
            Legacy::Works => "works",
        }
    }
}

impl Problem {
    pub(crate) fn unreadable(part: Option<&str>, error: impl std::fmt::Display) -> Problem {
        Problem::Unreadable {
            part: part.map(str::to_string),
            error: error.to_string(),
        }
    }

    /// The error for the Word file `shown`, with what to do.
    pub fn diagnostic(&self, shown: &Path) -> Diagnostic {
        let extension = shown
            .extension()
            .map(|e| e.to_string_lossy().to_ascii_lowercase())
            .unwrap_or_default();
        let (message, hint) = match self {
            Problem::TooLarge { bytes } => (
                t!(
                    "word-file-limit",
                    size = megabytes(*bytes),
                    limit = megabytes(limits::FILE_BYTES)
                ),
                t!("word-smaller-hint"),
            ),
            Problem::PartTooLarge { part, bytes, ratio } => (
                t!(
                    "word-part-limit",
                    part = part.as_str(),
                    size = megabytes(*bytes),
                    limit = megabytes(limits::XML_PART_BYTES.max(limits::MEDIA_PART_BYTES))
                ),
                if *ratio > limits::RATIO {
                    t!("word-damaged-hint")
                } else {
                    t!("word-smaller-hint")
                },
            ),
            Problem::Unpacked { bytes } => (
                t!(
                    "word-unpacked-limit",
                    size = megabytes(*bytes),
                    limit = megabytes(limits::UNPACKED_BYTES)
                ),
                t!("word-smaller-hint"),
            ),
            Problem::TooManyParts { count } => (
                t!(
                    "word-parts-limit",
                    count = grouped(*count as u64),
                    limit = grouped(limits::PARTS as u64)
                ),
                t!("word-damaged-hint"),
            ),
            Problem::Ratio { part, ratio } => (
                t!(
                    "word-ratio-limit",
                    part = part.as_str(),
                    ratio = grouped(*ratio),
                    limit = grouped(limits::RATIO)
                ),
                t!("word-damaged-hint"),
            ),
            Problem::TooManyElements { part } => (
                t!(
                    "word-elements-limit",
                    part = part.as_str(),
                    limit = grouped(limits::ELEMENTS as u64)
                ),
                t!("word-smaller-hint"),
            ),
            Problem::TooDeep { part } => (
                t!(
                    "word-depth-limit",
                    part = part.as_str(),
                    limit = grouped(limits::DEPTH as u64)
                ),
                t!("word-damaged-hint"),
            ),
            Problem::NotWord(looks) => (
                t!(
                    "word-not-word",
                    extension = extension.as_str(),
                    looks = looks.id()
                ),
                t!("word-not-word-hint", looks = looks.id()),
            ),
            Problem::Legacy(kind) => (
                t!(
                    "word-legacy",
                    extension = extension.as_str(),
                    kind = kind.id()
                ),
                t!("word-legacy-hint", kind = kind.id()),
            ),
            Problem::NoConverter(kind) => (
                t!(
                    "word-no-converter",
                    extension = extension.as_str(),
                    kind = kind.id()
                ),
                t!("word-legacy-hint", kind = kind.id()),
            ),
            Problem::ConversionFailed { kind, error } => (
                t!(
                    "word-conversion-failed",
                    kind = kind.id(),
                    error = error.as_str()
                ),
                t!("word-legacy-hint", kind = kind.id()),
            ),
            Problem::Password => (t!("word-password"), t!("word-password-hint")),
            Problem::DuplicateParts => (t!("word-duplicate-parts"), t!("word-damaged-hint")),
            Problem::NoDocument => (t!("word-no-document"), t!("word-no-document-hint")),
            Problem::Dtd { part } => (
                t!("word-dtd", part = part.as_str()),
                t!("word-damaged-hint"),
            ),
            Problem::Unreadable { part, error } => (
                match part {
                    Some(part) => t!(
                        "word-unreadable-part",
                        part = part.as_str(),
                        error = error.as_str()
                    ),
                    None => t!("word-unreadable", error = error.as_str()),
                },
                t!("word-unreadable-hint"),
            ),
        };
        Diagnostic::new(shown, message).hint(hint)
    }
}
