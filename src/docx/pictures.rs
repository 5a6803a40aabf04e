//! The pictures of a document as files beside the page: each distinct picture once, named
//! `image-1.png` … in order, its format told by its bytes (a browser shows PNG, JPEG, GIF,
//! WebP and BMP; Word's EMF and WMF drawings and TIFF are noted and not written, and SVG is
//! never written: a page's folder is the site's origin, where an SVG's scripts would run).

use std::collections::{BTreeSet, HashMap};

use super::container::Package;
use super::document::{Image, Note, Severity};
use super::model::{Block, Inline, Para, Picture};
use super::problem::Problem;
use crate::deferred;

/// The pictures the written blocks and notes refer to.
pub(super) fn used(blocks: &[&Block], notes: &[Vec<Para>]) -> BTreeSet<usize> {
    let mut out = BTreeSet::new();
    fn para(p: &Para, out: &mut BTreeSet<usize>) {
        for inline in &p.inlines {
            if let Inline::Image(i) = inline {
                out.insert(*i);
            }
        }
    }
    fn block(b: &Block, out: &mut BTreeSet<usize>) {
        match b {
            Block::Para(p) => para(p, out),
            Block::Table(t) => {
                for p in t.paras() {
                    para(p, out);
                }
            }
        }
    }
    for b in blocks {
        block(b, &mut out);
    }
    for note in notes {
        for p in note {
            para(p, &mut out);
        }
    }
    out
}

/// A picture format by its first bytes: its extension and whether a browser shows it.
fn format(bytes: &[u8]) -> Option<(&'static str, bool)> {
    let starts = |m: &[u8]| bytes.starts_with(m);
    Some(if starts(b"\x89PNG\r\n\x1a\n") {
        ("png", true)
    } else if starts(b"\xff\xd8\xff") {
        ("jpg", true)
    } else if starts(b"GIF87a") || starts(b"GIF89a") {
        ("gif", true)
    } else if bytes.len() > 12 && starts(b"RIFF") && &bytes[8..12] == b"WEBP" {
        ("webp", true)
    } else if starts(b"BM") {
        ("bmp", true)
    } else if starts(b"II*\0") || starts(b"MM\0*") {
        ("tiff", false)
    } else if bytes.len() > 44 && starts(b"\x01\0\0\0") && &bytes[40..44] == b" EMF" {
        ("emf", false)
    } else if starts(b"\xd7\xcd\xc6\x9a") || starts(b"\x01\0\x09\0") || starts(b"\x02\0\x09\0") {
        ("wmf", false)
    } else {
        let head = String::from_utf8_lossy(&bytes[..bytes.len().min(512)]).to_lowercase();
        if head.contains("<svg") {
            ("svg", false)
        } else {
            return None;
        }
    })
}

/// Reads the pictures in `used` and names them; returns the images to write and, by picture
/// number, the name and alternative text the Markdown refers to.
#[allow(clippy::type_complexity)]
pub(super) fn write(
    package: &mut Package<'_>,
    pictures: &[Picture],
    used: &BTreeSet<usize>,
    texts: &HashMap<usize, String>,
    notes: &mut Vec<Note>,
) -> Result<(Vec<Image>, Vec<Option<(String, Option<String>)>>), Problem> {
    let mut images: Vec<Image> = Vec::new();
    let mut refs: Vec<Option<(String, Option<String>)>> = vec![None; pictures.len()];
    // Part → image index (a picture used twice is written once).
    let mut by_part: HashMap<String, Option<usize>> = HashMap::new();
    let place = |p: usize| {
        (
            Some(p),
            texts
                .get(&p)
                .map(|t| super::gongwen::quote(t.trim()))
                .filter(|q| !q.is_empty()),
        )
    };
    for &i in used {
        let picture = &pictures[i];
        let index = match by_part.get(&picture.part) {
            Some(known) => *known,
            None => {
                let index = match package.media(&picture.part)? {
                    None => {
                        let (paragraph, quote) = place(picture.paragraph);
                        notes.push(Note {
                            severity: Severity::Warning,
                            paragraph,
                            quote,
                            message: deferred!("word-picture-missing", part = picture.part),
                            hint: Some(deferred!("word-picture-hint")),
                        });
                        None
                    }
                    Some(bytes) => match format(&bytes) {
                        Some((extension, true)) => {
                            images.push(Image {
                                name: format!("image-{}.{extension}", images.len() + 1),
                                bytes,
                                alt: picture.alt.clone(),
                                paragraph: picture.paragraph,
                            });
                            Some(images.len() - 1)
                        }
                        other => {
                            let (paragraph, quote) = place(picture.paragraph);
                            notes.push(Note {
                                severity: Severity::Warning,
                                paragraph,
                                quote,
                                message: deferred!(
                                    "word-picture-format",
                                    format = other.map(|(e, _)| e).unwrap_or("unknown")
                                ),
                                hint: Some(deferred!("word-picture-hint")),
                            });
                            None
                        }
                    },
                };
                by_part.insert(picture.part.clone(), index);
                index
            }
        };
        let Some(index) = index else { continue };
        let image = &mut images[index];
        // The first alternative text found for a picture used twice.
        if image.alt.is_none() {
            image.alt = picture.alt.clone();
        }
        refs[i] = Some((
            image.name.clone(),
            picture.alt.clone().or(image.alt.clone()),
        ));
    }
    for image in &images {
        if image.alt.is_none() {
            let (paragraph, quote) = place(image.paragraph);
            notes.push(Note {
                severity: Severity::Warning,
                paragraph,
                quote,
                message: deferred!("word-picture-no-alt", name = image.name),
                hint: Some(deferred!("word-picture-no-alt-hint")),
            });
        }
    }
    Ok((images, refs))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats_are_told_by_their_bytes() {
        assert_eq!(format(b"\x89PNG\r\n\x1a\n...."), Some(("png", true)));
        assert_eq!(format(b"\xff\xd8\xff\xe0"), Some(("jpg", true)));
        assert_eq!(
            format(b"<?xml version='1.0'?><svg onload='x'>"),
            Some(("svg", false))
        );
        assert_eq!(format(b"\xd7\xcd\xc6\x9a\0\0"), Some(("wmf", false)));
        assert_eq!(format(b"not a picture"), None);
    }
}
