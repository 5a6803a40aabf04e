//! Reading a 公文 from a Word file (`.docx`, as Microsoft Word and WPS write it; `.doc` and
//! `.wps` through LibreOffice, see [`legacy`]) into what a page needs: the elements GB/T
//! 9704-2012 lays out (版头, 主体, 版记, 附件, each with the paragraph it came from), the text
//! as Markdown, the pictures to write beside the page, and notes for the editor on what could
//! not be recognised or was left out.
//!
//! The reader takes bytes (the caller reads the file, within [`limits::FILE_BYTES`]) and never
//! touches the file system. Its parts, each with one job:
//! - `container`: what the file is, its zip within limits;
//! - `xml`, `package`: the XML parts as small trees, relationships, properties;
//! - `styles`, `numbering`: what paragraphs look like, and Word's automatic numbers;
//! - `body`: the document's paragraphs and tables as a reader of the print sees them;
//! - `gongwen`: which paragraph is which element of a 公文;
//! - `markdown`, `table`: the text written for the site;
//! - [`clean`]: Word's invisible debris, also in Markdown pages.

mod body;
pub mod clean;
mod container;
mod document;
mod gongwen;
pub mod legacy;
pub mod limits;
mod markdown;
mod model;
mod numbering;
mod package;
mod pictures;
mod problem;
mod styles;
mod table;
mod xml;

use std::cell::Cell;
use std::collections::HashMap;

pub use document::{
    Attachment, Date, DocNumber, Document, Found, Genre, Image, Meta, Note, PageKind, Properties,
    Severity,
};
pub use problem::{Legacy, Looks, Problem};

use crate::deferred;
use container::Package;
use gongwen::{quote, Role};
use model::{Block, Para};
use xml::{Filter, Ns, Tree};

/// What is kept of a part of the document: tracked property changes and deletions as
/// elements only (their content is what was, not what is), Word's fallbacks for old versions
/// left out, text only where Word keeps text.
const DOCUMENT: Filter = Filter {
    shallow: |ns, name| match ns {
        Ns::W => matches!(
            name,
            "rPrChange"
                | "pPrChange"
                | "sectPrChange"
                | "tblPrChange"
                | "tblPrExChange"
                | "trPrChange"
                | "tcPrChange"
                | "tblGridChange"
                | "numberingChange"
                | "del"
                | "moveFrom"
                | "headerReference"
                | "footerReference"
        ),
        Ns::Mc => name == "Fallback",
        _ => false,
    },
    text: |ns, name| matches!((ns, name), (Ns::W, "t" | "instrText") | (Ns::M, "t")),
};

/// Reads the Word file in `bytes`. `name` is the file's name (the title of a document with
/// none).
pub fn read(bytes: &[u8], name: &str) -> Result<Document, Problem> {
    let elements = Cell::new(0);
    let mut package = container::open(bytes)?;
    let layout = package::layout(&mut package, &elements)?;
    let rels = package::rels_of(&mut package, &layout.document, &elements)?;
    let styles_tree = part(&mut package, rels.target_of("styles"), &elements)?;
    let styles = styles::Styles::read(styles_tree.as_ref());
    drop(styles_tree);
    let numbering_tree = part(&mut package, rels.target_of("numbering"), &elements)?;
    let definitions = numbering::Definitions::read(numbering_tree.as_ref());
    drop(numbering_tree);
    let tree = part(&mut package, Some(&layout.document), &elements)?.ok_or(Problem::NoDocument)?;
    let mut reader = body::Reader::new(&styles, rels.clone());
    let mut blocks = reader.body(tree.root());
    drop(tree);
    let mut counter = numbering::Counter::default();
    number(&mut blocks, &definitions, &mut counter);
    let notes_paras = notes(&mut package, &mut reader, &rels, &elements)?;

    let texts = paragraph_texts(&blocks);
    let mut notes = Vec::new();
    findings_notes(&reader.findings, layout.macros, &texts, &mut notes);
    let recognised = gongwen::recognise(&blocks, &mut notes);

    // Only the pictures of what is published are written.
    let mut shown: Vec<&Block> = Vec::new();
    for (block, role) in blocks.iter().zip(&recognised.roles) {
        if in_text(*role) || matches!(role, Role::Attachment(_)) {
            shown.push(block);
        }
    }
    let used = pictures::used(&shown, &notes_paras);
    let (images, picture_refs) =
        pictures::write(&mut package, &reader.pictures, &used, &texts, &mut notes)?;
    let context = markdown::Context {
        notes: &notes_paras,
        pictures: &picture_refs,
    };
    let body: Vec<(&Block, bool)> = blocks
        .iter()
        .zip(&recognised.roles)
        .filter(|(_, role)| in_text(**role))
        .map(|(b, role)| (b, !matches!(role, Role::Body)))
        .collect();
    let markdown = markdown::section(&body, &context);
    let attachments = recognised
        .attachments
        .iter()
        .enumerate()
        .map(|(index, span)| {
            let content: Vec<(&Block, bool)> = blocks
                .iter()
                .zip(&recognised.roles)
                .filter(|(_, role)| **role == Role::Attachment(index))
                .map(|(b, _)| (b, false))
                .collect();
            Attachment {
                number: span.number.clone(),
                title: span.title.clone(),
                markdown: markdown::section(&content, &context),
                paragraph: span.paragraph,
            }
        })
        .collect();
    let mut meta = recognised.meta;
    meta.properties = layout.properties;
    Ok(Document {
        name: name.to_string(),
        meta,
        markdown,
        attachments,
        images,
        notes,
    })
}

/// The roles whose blocks are the page's text.
fn in_text(role: Role) -> bool {
    matches!(
        role,
        Role::Addressee
            | Role::Body
            | Role::AttachmentList
            | Role::Signature
            | Role::Date
            | Role::Remark
    )
}

/// Parses the part `name`, if there is one.
fn part(
    package: &mut Package<'_>,
    name: Option<&str>,
    elements: &Cell<usize>,
) -> Result<Option<Tree>, Problem> {
    let Some(name) = name else {
        return Ok(None);
    };
    match package.xml(name)? {
        Some(bytes) => Ok(Some(xml::parse(&bytes, name, elements, &DOCUMENT)?)),
        None => Ok(None),
    }
}

/// Gives each automatically numbered paragraph its label, in document order. A paragraph
/// whose text already starts with a number of the same kind (typed by hand, with Word's or
/// WPS's numbering left on) keeps only the typed one.
fn number(
    blocks: &mut [Block],
    definitions: &numbering::Definitions,
    counter: &mut numbering::Counter,
) {
    for block in blocks {
        match block {
            Block::Para(p) => {
                let Some((id, level)) = p.numbering.clone() else {
                    continue;
                };
                let Some(label) = counter.next(definitions, &id, level) else {
                    continue;
                };
                let typed =
                    gongwen::patterns::heading_number(p.text().trim_start()).map(|(d, _)| d);
                let automatic =
                    gongwen::patterns::heading_number(&format!("{}x", label.text)).map(|(d, _)| d);
                let repeated = typed.is_some() && typed == automatic;
                if !label.text.trim().is_empty() && !repeated
                    || label.format == numbering::Format::Bullet
                {
                    p.label = Some(label);
                }
            }
            Block::Table(t) => {
                for row in &mut t.rows {
                    for cell in &mut row.cells {
                        number(&mut cell.blocks, definitions, counter);
                    }
                }
            }
        }
    }
}

/// The paragraphs of each note referred to, by reference number.
fn notes(
    package: &mut Package<'_>,
    reader: &mut body::Reader<'_>,
    rels: &package::Rels,
    elements: &Cell<usize>,
) -> Result<Vec<Vec<Para>>, Problem> {
    let refs = reader.note_refs.clone();
    let mut out = vec![Vec::new(); refs.len()];
    for (endnotes, kind) in [(false, "footnotes"), (true, "endnotes")] {
        if !refs.iter().any(|(e, _, _)| *e == endnotes) {
            continue;
        }
        let Some(name) = rels.target_of(kind).map(str::to_string) else {
            continue;
        };
        let Some(tree) = part(package, Some(&name), elements)? else {
            continue;
        };
        let part_rels = package::rels_of(package, &name, elements)?;
        let saved = std::mem::replace(&mut reader.rels, part_rels);
        let root = tree.root();
        let wanted = if endnotes { "endnote" } else { "footnote" };
        let by_id: HashMap<&str, xml::El<'_>> = root
            .ws(wanted)
            .filter_map(|n| Some((n.attr("id")?, n)))
            .collect();
        for (k, (e, id, paragraph)) in refs.iter().enumerate() {
            if *e != endnotes {
                continue;
            }
            if let Some(note) = by_id.get(id.as_str()) {
                out[k] = reader.note(*note, *paragraph);
            }
        }
        reader.rels = saved;
    }
    Ok(out)
}

/// Every paragraph's text by its number (for the notes' quotes).
fn paragraph_texts(blocks: &[Block]) -> HashMap<usize, String> {
    let mut out = HashMap::new();
    fn walk(blocks: &[Block], out: &mut HashMap<usize, String>) {
        for block in blocks {
            match block {
                Block::Para(p) => {
                    out.insert(p.number, p.shown());
                }
                Block::Table(t) => {
                    for row in &t.rows {
                        for cell in &row.cells {
                            walk(&cell.blocks, out);
                        }
                    }
                }
            }
        }
    }
    walk(blocks, &mut out);
    out
}

fn at(paragraph: usize, texts: &HashMap<usize, String>) -> (Option<usize>, Option<String>) {
    let quote = texts
        .get(&paragraph)
        .map(|t| quote(t.trim()))
        .filter(|q| !q.is_empty());
    (Some(paragraph), quote)
}

/// The notes for what the body reader left out or could not read.
fn findings_notes(
    findings: &body::Findings,
    macros: bool,
    texts: &HashMap<usize, String>,
    notes: &mut Vec<Note>,
) {
    let mut push = |severity, place: (Option<usize>, Option<String>), message, hint| {
        notes.push(Note {
            severity,
            paragraph: place.0,
            quote: place.1,
            message,
            hint,
        })
    };
    let nowhere = || (None, None);
    if findings.insertions + findings.deletions > 0 {
        push(
            Severity::Warning,
            nowhere(),
            deferred!(
                "word-tracked-changes",
                insertions = findings.insertions,
                deletions = findings.deletions
            ),
            Some(deferred!("word-tracked-changes-hint")),
        );
    }
    if findings.comments > 0 {
        push(
            Severity::Info,
            nowhere(),
            deferred!("word-comments", count = findings.comments),
            None,
        );
    }
    if let Some(p) = findings.hidden_at {
        push(
            Severity::Info,
            at(p, texts),
            deferred!("word-hidden", count = findings.hidden),
            Some(deferred!("word-hidden-hint")),
        );
    }
    if let Some(p) = findings.symbols_at {
        push(
            Severity::Warning,
            at(p, texts),
            deferred!("word-symbols", count = findings.symbols),
            Some(deferred!("word-symbols-hint")),
        );
    }
    if let Some(p) = findings.toc_at {
        push(Severity::Info, at(p, texts), deferred!("word-toc"), None);
    }
    let mut objects = findings.objects.clone();
    objects.dedup();
    for p in objects {
        push(
            Severity::Warning,
            at(p, texts),
            deferred!("word-object"),
            Some(deferred!("word-object-hint")),
        );
    }
    for (p, address) in &findings.external_pictures {
        push(
            Severity::Warning,
            at(*p, texts),
            deferred!("word-external-picture", address = address),
            Some(deferred!("word-external-picture-hint")),
        );
    }
    for p in &findings.broken_pictures {
        push(
            Severity::Warning,
            at(*p, texts),
            deferred!("word-picture-broken"),
            Some(deferred!("word-picture-hint")),
        );
    }
    for p in &findings.placeholders {
        push(
            Severity::Info,
            at(*p, texts),
            deferred!("word-placeholder"),
            None,
        );
    }
    for (p, address) in &findings.unsafe_links {
        push(
            Severity::Warning,
            at(*p, texts),
            deferred!("word-unsafe-link", address = address),
            Some(deferred!("word-unsafe-link-hint")),
        );
    }
    for (what, count) in &findings.debris.0 {
        let first = findings
            .debris_at
            .iter()
            .find(|(d, _)| d == what)
            .map(|(_, p)| *p);
        push(
            Severity::Info,
            first.map(|p| at(p, texts)).unwrap_or((None, None)),
            deferred!("word-debris", kind = what.id(), count = count),
            None,
        );
    }
    if macros {
        push(Severity::Info, nowhere(), deferred!("word-macros"), None);
    }
}
