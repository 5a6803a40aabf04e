//! Full-text search without a server, made for Chinese: an index of overlapping character
//! pairs and Latin/number words, split into shards so that a query downloads only the shards of
//! its keys, and a small client (`themes/default/static/search.js`) that verifies every result
//! as a phrase. Every source is Simplified after load, so one index serves both scripts: the
//! client folds a query to Simplified (`normalize`) and shows titles and excerpts from the
//! fragments of the reader's script.
//!
//! - `extract`: the searchable text of a rendered page (its `<main data-search-body>`).
//! - `normalize`: folding to Simplified, canonical text, phrase matching.
//! - `tokens`: the keys of a text and of a query word.
//! - `format`: the file formats.
//! - `index`: documents → files, and the same after an edit, touching only what changed.
//! - [`query`]: the client's search in Rust, for the tests and the benchmark.
//!
//! `docs/SEARCH.md` describes the design, the ranking and what the index cannot do.

mod extract;
pub mod format;
mod index;
mod normalize;
pub mod query;
mod tokens;

use std::collections::HashMap;

use serde::Serialize;

use crate::date::PartialDate;
use extract::{extract, Extracted, Field};
use format::gzip_fast_json;
use tokens::{for_each_token, Token};

pub use index::{IndexUpdate, SearchIndex, SiteInfo};

/// Where the index is written, relative to the output (the search page is `search/`).
pub const INDEX_DIR: &str = "search/data";

/// Characters of text per fragment file; long documents are split into chunks of this size.
pub const CHUNK: usize = 2000;
/// Each chunk also holds this many characters of the next, so a phrase up to this long that
/// starts in a chunk is whole in it. The client shortens longer query words to this.
pub const OVERLAP: usize = 64;
/// At most this many chunks (a chunk bitmap is a `u32`); longer documents have longer chunks.
pub const MAX_CHUNKS: usize = 32;

/// Key weights of the fields (BM25F): a key in the title counts five times, in a heading twice.
const W_TITLE: u32 = 5;
const W_HEADING: u32 = 2;

/// What a document is, for filters and ranking.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Kind {
    /// A page of kind 政策原文 (`policy`).
    Policy,
    /// A page of kind 政策解读 (`interpretation`).
    Interpretation,
    /// A page of kind 新闻 (`news`).
    News,
    /// A page without a kind.
    Page,
    /// An indicator's page (from `data/`).
    Indicator,
    /// A city's page (from `data/`).
    City,
}

impl Kind {
    /// Its name in the index files and the client (the theme labels it).
    pub fn code(self) -> &'static str {
        match self {
            Kind::Policy => "policy",
            Kind::Interpretation => "interpretation",
            Kind::News => "news",
            Kind::Page => "page",
            Kind::Indicator => "indicator",
            Kind::City => "city",
        }
    }

    /// Ranking class: documents (0) before other pages (1) before data pages (2), at equal
    /// relevance.
    pub fn class(self) -> u8 {
        match self {
            Kind::Policy | Kind::Interpretation => 0,
            Kind::News | Kind::Page => 1,
            Kind::Indicator | Kind::City => 2,
        }
    }
}

/// What filters and ranking know of a document besides its text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Facets {
    pub(crate) kind: Kind,
    /// City id.
    pub city: Option<String>,
    pub(crate) date: Option<PartialDate>,
    /// Topics (Simplified).
    pub topics: Vec<String>,
    /// Validity code: 0 valid, 1 amended, 2 repealed, 3 expired.
    pub validity: Option<u8>,
    /// 发文字号, in Simplified and Traditional: indexed as a field of its own (it weighs as the
    /// title) and offered as a suggestion.
    pub number: Option<[String; 2]>,
    /// 发布机构, in both scripts: offered as a suggestion.
    pub issuer: Option<[String; 2]>,
    /// 附件: the files its result links to, in the order the page lists them.
    pub(crate) attachments: Vec<Attached>,
}

/// A file attached to a document (附件), as its search result links it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Attached {
    /// Its name in Simplified and Traditional, as each script's page shows it.
    pub(crate) name: [String; 2],
    /// Its address relative to the site's root (not a script's: a file is published once for
    /// both), percent-encoded as published: `policies/x/附件1%20分工表.pdf`.
    pub(crate) href: String,
    /// Its type: `PDF`, `DOCX`.
    pub(crate) kind: String,
    /// Its size as the page shows it: `2.0 KB`.
    pub(crate) size: String,
}

/// A key's weight in one document: its field-weighted count, where it occurs, which chunks
/// hold it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Term {
    pub(crate) weighted: u32,
    /// 1: in the title; 2: in a heading.
    pub fields: u8,
    pub(crate) chunks: u32,
}

/// One searchable page, ready for the index: its keys and its fragments in both scripts.
#[derive(Debug, Clone, PartialEq)]
pub struct SearchDoc {
    /// The route path, relative to a script's root (`policies/x/`).
    pub path: String,
    pub(crate) facets: Facets,
    /// Han keys, sorted, encoded (see [`SearchDoc::han`]): a page has hundreds, and a build
    /// holds every page's until the index is assembled.
    han: Vec<u8>,
    /// How many Han keys.
    han_count: u32,
    /// Word keys, sorted.
    pub words: Vec<(Box<str>, Term)>,
    /// Keys in the text (its length for BM25).
    pub length: u32,
    /// Whether the text is in more than one chunk (postings then say which).
    pub chunked: bool,
    /// Per script (Simplified, Traditional), the gzipped fragment of each chunk.
    pub fragments: [Vec<Vec<u8>>; 2],
    /// The title in Simplified and Traditional (suggestions).
    pub titles: [String; 2],
}

/// A quick hasher for a page's keys (the standard one is made to resist hostile keys, which
/// costs more than the tokenizing itself here; a page's keys come from its own text).
#[derive(Default, Clone, Copy)]
pub struct QuickHasher(u64);

impl std::hash::Hasher for QuickHasher {
    fn write(&mut self, bytes: &[u8]) {
        for chunk in bytes.chunks(8) {
            let mut word = [0u8; 8];
            word[..chunk.len()].copy_from_slice(chunk);
            self.write_u64(u64::from_le_bytes(word));
        }
    }

    fn write_u64(&mut self, n: u64) {
        self.0 = (self.0.rotate_left(5) ^ n).wrapping_mul(0x51_7C_C1_B7_27_22_0A_95);
    }

    fn write_usize(&mut self, n: usize) {
        self.write_u64(n as u64);
    }

    fn finish(&self) -> u64 {
        self.0
    }
}

pub(crate) type FastHash = std::hash::BuildHasherDefault<QuickHasher>;

#[derive(Serialize)]
struct Fragment<'a> {
    /// Route path.
    u: &'a str,
    /// Title.
    t: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    d: Option<String>,
    /// Kind code.
    k: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    c: Option<&'a str>,
    /// Validity code of a document no longer in force as written (1 amended, 2 repealed, 3
    /// expired), for the badge of its result; nothing for one in force.
    #[serde(skip_serializing_if = "Option::is_none")]
    v: Option<u8>,
    /// Text of the chunk.
    x: &'a str,
    /// The Simplified text of the chunk, when the text of this script does not fold to it
    /// (a site dictionary or a phrase profile changed words): the client verifies with it.
    #[serde(skip_serializing_if = "Option::is_none")]
    n: Option<&'a str>,
    /// Attachments (附件), each `[name, address from the site's root, type, size]`; nothing for
    /// a document without any, so its fragments do not grow.
    #[serde(skip_serializing_if = "<[_]>::is_empty")]
    a: &'a [[&'a str; 4]],
}

/// Chunk size and count for a text of `chars` characters.
pub fn chunk_geometry(chars: usize) -> (usize, usize) {
    // Chunk k holds characters [k·size, (k+1)·size + OVERLAP): the last one reaches the end.
    let size = CHUNK.max(chars.div_ceil(MAX_CHUNKS));
    (size, chars.saturating_sub(OVERLAP).div_ceil(size).max(1))
}

/// The `count` chunks of `text`: characters [k·size, (k+1)·size + OVERLAP) of it.
fn chunks_of(text: &str, size: usize, count: usize) -> Vec<&str> {
    if count == 1 {
        return vec![text];
    }
    // Byte offset of every chunk's start (k·size) and end.
    let mut starts = vec![text.len(); count];
    let mut ends = vec![text.len(); count];
    for (i, (at, _)) in text.char_indices().enumerate() {
        if i.is_multiple_of(size) && i / size < count {
            starts[i / size] = at;
        }
        if i >= size + OVERLAP && (i - OVERLAP).is_multiple_of(size) {
            let k = (i - OVERLAP) / size - 1;
            if k < count {
                ends[k] = at;
            }
        }
    }
    starts
        .iter()
        .zip(&ends)
        .map(|(&a, &b)| &text[a.min(b)..b])
        .collect()
}

impl SearchDoc {
    /// The document of a page rendered in both scripts. `title` is used when the page has no
    /// `<h1>`. `None` when the page has no searchable part.
    pub fn new(path: &str, title: [&str; 2], facets: Facets, html: [&str; 2]) -> Option<SearchDoc> {
        if !extract::is_searchable(html[0]) {
            return None;
        }
        let texts: [Extracted; 2] = [extract(html[0]), extract(html[1])];
        let hans = &texts[0];
        let folded = normalize::fold_str(&hans.text);
        let number = facets.number.as_ref().map(|n| normalize::fold_str(&n[0]));
        let (size, count) = chunk_geometry(hans.text.chars().count());
        let chunked = count > 1;
        let chunk_bits = |at: usize| -> u32 {
            let last = (at / size).min(count - 1);
            let first = (at.saturating_sub(OVERLAP) / size).min(last);
            (first..=last).fold(0u32, |bits, k| bits | 1 << k)
        };
        // Sized for the text at once: growing the table as it fills cost 7 % of indexing. A page
        // has about one distinct key per 10.5 bytes of text (median and 90th percentile within
        // 5 % of it on the example portal and the generated corpus).
        let mut terms: HashMap<Token<'_>, Term, FastHash> =
            HashMap::with_capacity_and_hasher(folded.len() / 8, FastHash::default());
        let mut length = 0u32;
        let mut field_index = 0;
        for_each_token(&folded, |token, at| {
            while field_index < hans.fields.len() && hans.fields[field_index].0.end <= at {
                field_index += 1;
            }
            let field = match hans.fields.get(field_index) {
                Some((range, field)) if range.contains(&at) => *field,
                _ => Field::Body,
            };
            let term = terms.entry(token).or_default();
            let (weight, bit) = match field {
                Field::Title => (W_TITLE, 1),
                Field::Heading => (W_HEADING, 2),
                Field::Body => (1, 0),
            };
            term.weighted = term.weighted.saturating_add(weight);
            term.fields |= bit;
            if chunked {
                term.chunks |= chunk_bits(at);
            }
            length += 1;
        });
        // A single character is too common in running text to be worth its postings (measured:
        // docs/SEARCH.md), but a reader typing one wants the pages it names: every Han
        // character of the title and headings is a key of its own.
        for (range, field) in &hans.fields {
            let (weight, bit) = match field {
                Field::Title => (W_TITLE, 1),
                Field::Heading => (W_HEADING, 2),
                Field::Body => continue,
            };
            for (i, c) in folded
                .chars()
                .skip(range.start)
                .take(range.len())
                .enumerate()
            {
                if normalize::class(c) == normalize::Class::Han {
                    let term = terms.entry(Token::Han(tokens::pack_single(c))).or_default();
                    term.weighted = term.weighted.saturating_add(weight);
                    term.fields |= bit;
                    if chunked {
                        term.chunks |= chunk_bits(range.start + i);
                    }
                }
            }
        }
        // The 文号 is a field of its own, weighed as the title: a query that is (part of) a
        // document's number finds that document first, before those that cite it.
        if let Some(number) = &number {
            let mut keys = Vec::new();
            for_each_token(number, |token, _| keys.push(token));
            for c in number.chars() {
                if normalize::class(c) == normalize::Class::Han {
                    keys.push(Token::Han(tokens::pack_single(c)));
                }
            }
            for token in keys {
                let term = terms.entry(token).or_default();
                term.weighted = term.weighted.saturating_add(W_TITLE);
                term.fields |= 1;
                if chunked {
                    term.chunks |= 1;
                }
            }
        }
        let mut han = Vec::new();
        let mut words: Vec<(Box<str>, Term)> = Vec::new();
        for (token, term) in terms {
            match token {
                Token::Han(packed) => han.push((packed, term)),
                Token::Word(word) => words.push((Box::from(word), term)),
            }
        }
        han.sort_unstable_by_key(|(k, _)| *k);
        words.sort_unstable_by(|a, b| a.0.cmp(&b.0));
        words.shrink_to_fit();
        let han_count = han.len() as u32;
        let han = encode_terms(&han, chunked);

        let date = facets.date.map(|d| d.to_string());
        let hans_chunks = chunks_of(&hans.text, size, count);
        // Usually the Traditional text folds to the Simplified one as a whole.
        let folding = normalize::Folding::tables();
        let hant_folds_to_hans = texts[1]
            .text
            .chars()
            .map(|c| folding.fold(c))
            .eq(folded.chars());
        let titles = [0, 1].map(|s| {
            if texts[s].title.is_empty() {
                title[s].to_string()
            } else {
                texts[s].title.clone()
            }
        });
        let fragments = [0, 1].map(|s| {
            let text = &texts[s];
            let title = titles[s].as_str();
            let attachments: Vec<[&str; 4]> = facets
                .attachments
                .iter()
                .map(|a| [a.name[s].as_str(), &a.href, &a.kind, &a.size])
                .collect();
            let script_chunks = if s == 0 {
                hans_chunks.clone()
            } else {
                chunks_of(&text.text, size, count)
            };
            script_chunks
                .iter()
                .zip(&hans_chunks)
                .map(|(&x, &hans_chunk)| {
                    let differs = || {
                        !x.chars()
                            .map(|c| folding.fold(c))
                            .eq(hans_chunk.chars().map(|c| folding.fold(c)))
                    };
                    let n = (s == 1 && !hant_folds_to_hans && differs()).then_some(hans_chunk);
                    let fragment = Fragment {
                        u: path,
                        t: title,
                        d: date.clone(),
                        k: facets.kind.code(),
                        c: facets.city.as_deref(),
                        v: facets.validity.filter(|v| *v != 0),
                        x,
                        n,
                        a: &attachments,
                    };
                    gzip_fast_json(&fragment)
                })
                .collect()
        });
        Some(SearchDoc {
            path: path.to_string(),
            facets,
            han,
            han_count,
            words,
            length,
            chunked,
            fragments,
            titles,
        })
    }

    /// How many keys the document has.
    pub fn keys(&self) -> usize {
        self.han_count as usize + self.words.len()
    }

    /// The Han keys (packed, see `tokens::pack_pair`) with their weights, sorted.
    pub fn han(&self) -> impl Iterator<Item = (u64, Term)> + '_ {
        let mut at = 0;
        let mut key = 0u64;
        let chunked = self.chunked;
        (0..self.han_count).map(move |_| {
            let bytes = &self.han;
            let mut next = || format::get_varint(bytes, &mut at).unwrap_or(0);
            key += next();
            let weighted = next() as u32;
            let fields = next() as u8;
            let chunks = if chunked { next() as u32 } else { 0 };
            (
                key,
                Term {
                    weighted,
                    fields,
                    chunks,
                },
            )
        })
    }
}

/// Han terms as varints: key (the difference from the one before), weight, fields, and the
/// chunks when the document has several.
fn encode_terms(terms: &[(u64, Term)], chunked: bool) -> Vec<u8> {
    let mut out = Vec::with_capacity(terms.len() * 5);
    let mut last = 0u64;
    for (key, term) in terms {
        format::put_varint(&mut out, key - last);
        last = *key;
        format::put_varint(&mut out, u64::from(term.weighted));
        format::put_varint(&mut out, u64::from(term.fields));
        if chunked {
            format::put_varint(&mut out, u64::from(term.chunks));
        }
    }
    // Held until the index is assembled: no room to spare.
    out.shrink_to_fit();
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn page(lang: &str, main: &str) -> String {
        format!("<html lang=\"{lang}\"><body><main data-search-body>{main}</main></body></html>")
    }

    fn facets() -> Facets {
        Facets {
            kind: Kind::Policy,
            city: Some("taian".into()),
            date: PartialDate::parse("2021-10-12").ok(),
            topics: vec!["标准化".into()],
            validity: None,
            number: None,
            issuer: None,
            attachments: Vec::new(),
        }
    }

    fn fragment(doc: &SearchDoc, script: usize, chunk: usize) -> serde_json::Value {
        serde_json::from_slice(&format::gunzip(&doc.fragments[script][chunk]).unwrap()).unwrap()
    }

    #[test]
    fn a_document_has_its_keys_fields_and_fragments_in_both_scripts() {
        let hans = page(
            "zh-Hans",
            "<h1>标准化管理办法</h1><h2>总则</h2><p>为了规范标准化工作。</p>",
        );
        let hant = page(
            "zh-Hant",
            "<h1>標準化管理辦法</h1><h2>總則</h2><p>為了規範標準化工作。</p>",
        );
        let doc = SearchDoc::new("policies/a/", ["t", "t"], facets(), [&hans, &hant]).unwrap();
        let term = |a: char, b: char| {
            doc.han()
                .find(|(k, _)| *k == tokens::pack_pair(a, b))
                .map(|(_, t)| t)
        };
        let standard = term('标', '准').unwrap();
        assert_eq!(standard.weighted, W_TITLE + 1);
        assert_eq!(standard.fields, 1);
        assert_eq!(term('总', '则').unwrap().fields, 2);
        assert!(term('为', '了').is_some());
        assert!(!doc.chunked);
        let hans = fragment(&doc, 0, 0);
        assert_eq!(hans["t"], "标准化管理办法");
        assert_eq!(hans["x"], "标准化管理办法\n总则\n为了规范标准化工作。");
        assert_eq!(hans["d"], "2021-10-12");
        assert_eq!(hans["k"], "policy");
        assert_eq!(hans["c"], "taian");
        let hant = fragment(&doc, 1, 0);
        assert_eq!(hant["t"], "標準化管理辦法");
        assert!(hant.get("n").is_none());
        assert!(hans.get("a").is_none() && hant.get("a").is_none());
    }

    #[test]
    fn every_chunk_carries_the_attachments_in_its_script() {
        let mut facets = facets();
        facets.attachments = vec![Attached {
            name: ["年度报告 <b>.pdf".into(), "年度報告 <b>.pdf".into()],
            href: "files/年度报告%20%3Cb%3E.pdf".into(),
            kind: "PDF".into(),
            size: "5.0 MB".into(),
        }];
        let html = page("zh-Hans", &format!("<p>{}</p>", "标准".repeat(3000)));
        let doc = SearchDoc::new("a/", ["t", "t"], facets, [&html, &html]).unwrap();
        assert!(doc.fragments[0].len() > 1);
        for (script, name) in [(0, "年度报告 <b>.pdf"), (1, "年度報告 <b>.pdf")] {
            for chunk in 0..doc.fragments[script].len() {
                assert_eq!(
                    fragment(&doc, script, chunk)["a"],
                    serde_json::json!([[name, "files/年度报告%20%3Cb%3E.pdf", "PDF", "5.0 MB"]])
                );
            }
        }
    }

    #[test]
    fn long_documents_are_chunked_and_postings_say_where() {
        let body = format!(
            "<p>{}</p><p>{}量子计算机</p>",
            "标".repeat(3000),
            "准".repeat(3000)
        );
        let html = page("zh-Hans", &body);
        let doc = SearchDoc::new("a/", ["t", "t"], facets(), [&html, &html]).unwrap();
        assert!(doc.chunked);
        assert_eq!(doc.fragments[0].len(), 3);
        let term = doc
            .han()
            .find(|(k, _)| *k == tokens::pack_pair('量', '子'))
            .unwrap()
            .1;
        assert_eq!(term.chunks, 0b100);
        let last = fragment(&doc, 0, 2);
        assert!(last["x"].as_str().unwrap().ends_with("量子计算机"));
    }

    #[test]
    fn chunks_are_the_characters_they_should_be() {
        for len in [0, 1, 2063, 2064, 2065, 4000, 5000, 70_001] {
            let text: String = (0..len)
                .map(|i| if i % 3 == 0 { '标' } else { 'a' })
                .collect();
            let chars: Vec<char> = text.chars().collect();
            let (size, count) = chunk_geometry(len);
            let chunks = chunks_of(&text, size, count);
            assert_eq!(chunks.len(), count);
            for (k, chunk) in chunks.iter().enumerate() {
                let end = ((k + 1) * size + OVERLAP).min(len);
                let want: String = chars[(k * size).min(len)..end].iter().collect();
                assert_eq!(*chunk, want, "{len} characters, chunk {k}");
            }
            assert!(count <= MAX_CHUNKS);
        }
    }

    #[test]
    fn pages_without_a_searchable_part_are_not_documents() {
        let html = "<html><body><main><p>x</p></main></body></html>";
        assert!(SearchDoc::new("a/", ["t", "t"], facets(), [html, html]).is_none());
    }
}
