//! Postings' weights: BM25's term-frequency part with field weights (BM25F), scaled to an
//! impact of 1 to 31 per posting, so that the client adds up small integers.

use super::super::format::{self, Posting};
use super::super::tokens::Key;
use super::super::{SearchDoc, Term};

const K1: f64 = 1.2;
/// Length normalisation: gentler than BM25's usual 0.75, since long official documents are
/// not less relevant for being long.
const B: f64 = 0.5;

/// Lengths are compared in buckets 10% apart, so a small edit changes no other weight.
pub(super) fn bucket(length: f64) -> i32 {
    (length.max(1.0).ln() / 1.1f64.ln()).round() as i32
}

fn unbucket(bucket: i32) -> f64 {
    1.1f64.powi(bucket)
}

/// A document's value bytes, given the average length bucket.
pub(super) struct Weigher {
    norm: f64,
}

impl Weigher {
    pub(super) fn new(doc: &SearchDoc, average: i32) -> Weigher {
        let average = unbucket(average);
        // Data pages are short by the nature of their template: they are not rewarded for it.
        let length = if doc.facets.kind.class() == 2 {
            unbucket(bucket(f64::from(doc.length))).max(average)
        } else {
            unbucket(bucket(f64::from(doc.length)))
        };
        Weigher {
            norm: K1 * (1.0 - B + B * length / average),
        }
    }

    fn value(&self, term: &Term, chunked: bool) -> u8 {
        let tf = f64::from(term.weighted);
        let score = tf * (K1 + 1.0) / (tf + self.norm);
        let impact = ((score / (K1 + 1.0) * 31.0).round() as u8).clamp(1, 31);
        let mut value = impact;
        if term.fields & 1 != 0 {
            value |= format::IN_TITLE;
        }
        if term.fields & 2 != 0 {
            value |= format::IN_HEADING;
        }
        if chunked {
            value |= format::CHUNKED;
        }
        value
    }

    pub(super) fn posting(&self, doc: &SearchDoc, id: u32, term: &Term) -> Posting {
        Posting {
            doc: id,
            value: self.value(term, doc.chunked),
            chunks: if doc.chunked { term.chunks } else { 0 },
        }
    }
}

/// The average length of the documents (data pages left out when there are documents: they
/// are many and short, and would make every document look long).
pub(super) fn average_bucket<'a>(docs: impl Iterator<Item = &'a SearchDoc>) -> i32 {
    let (mut sum, mut n, mut all_sum, mut all_n) = (0f64, 0f64, 0f64, 0f64);
    for doc in docs {
        if doc.facets.kind.class() < 2 {
            sum += f64::from(doc.length);
            n += 1.0;
        }
        all_sum += f64::from(doc.length);
        all_n += 1.0;
    }
    bucket(if n > 0.0 {
        sum / n
    } else if all_n > 0.0 {
        all_sum / all_n
    } else {
        1.0
    })
}

/// A document's postings by key.
pub(super) fn postings_of(doc: &SearchDoc, id: u32, average: i32) -> Vec<(Key, Posting)> {
    let weigher = Weigher::new(doc, average);
    doc.han()
        .map(|(p, t)| (Key::Han(p), weigher.posting(doc, id, &t)))
        .chain(
            doc.words
                .iter()
                .map(|(w, t)| (Key::Word(w.clone()), weigher.posting(doc, id, t))),
        )
        .collect()
}
