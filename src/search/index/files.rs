//! The files an index is written as: shards, fragment groups, and the small files (meta,
//! facets, fold table, entry).

use std::collections::BTreeSet;

use rustc_hash::FxHashMap;
use serde::Serialize;

use super::super::format::{self, content_hash, gzip, FacetColumns};
use super::super::{normalize, SearchDoc, INDEX_DIR};
use super::{SearchIndex, Shard, State, GROUP};
use crate::output::OutputFile;

impl SearchIndex {
    /// The meta, facets, fold table and entry files; `chars` are the characters of the keys.
    pub(super) fn small_files(
        &self,
        state: &mut State,
        chars: &CharSet,
        suggestions: Suggestions,
    ) -> Vec<OutputFile> {
        let docs: Vec<&SearchDoc> = state.order.iter().map(|p| &self.docs[p]).collect();
        let cities: FxHashMap<&str, u32> = self
            .site
            .cities
            .iter()
            .enumerate()
            .map(|(i, (id, _))| (id.as_str(), i as u32 + 1))
            .collect();
        let topics: FxHashMap<&str, u32> = self
            .site
            .topics
            .iter()
            .enumerate()
            .map(|(i, t)| (t[0].as_str(), i as u32))
            .collect();
        let mut columns = FacetColumns::default();
        let mut years = BTreeSet::new();
        let mut kinds = BTreeSet::new();
        let mut validity = BTreeSet::new();
        for doc in &docs {
            let f = &doc.facets;
            columns.kinds.push(f.kind as u8);
            kinds.insert(f.kind);
            columns.validity.push(f.validity.map_or(0, |v| v + 1));
            if let Some(v) = f.validity {
                validity.insert(v);
            }
            columns.cities.push(
                f.city
                    .as_deref()
                    .and_then(|c| cities.get(c).copied())
                    .unwrap_or(0),
            );
            let year = f.date.map_or(0, |d| d.year as u32);
            if year != 0 {
                years.insert(year);
            }
            columns.years.push(year);
            columns.topics.push(
                f.topics
                    .iter()
                    .filter_map(|t| topics.get(t.as_str()).copied())
                    .collect(),
            );
        }
        let facets = gzip(&format::encode_facets(&columns));
        let facets_hash = content_hash(&facets);
        // The fold table: only characters the index has.
        let table = gzip(&format::encode_chars(&normalize::client_table(&|c| {
            chars.contains(c)
        })));
        let table_hash = content_hash(&table);
        let classes = [0u8, 1].map(|c| docs.iter().filter(|d| d.facets.kind.class() == c).count());
        let shards: String = state.shard_files.iter().map(|p| hash_of_name(p)).collect();
        let (suggest_files, suggest) = match suggestions {
            Suggestions::Kept => kept_suggestion_files(&state.suggestions),
            Suggestions::Remade => None,
        }
        .unwrap_or_else(|| self.suggestion_files(&docs, &mut state.suggestions));
        let meta = Meta {
            version: 1,
            synonyms: self
                .site
                .synonyms
                .iter()
                .map(|group| {
                    let mut canon: Vec<String> = group
                        .iter()
                        .map(|w| normalize::canonical(&normalize::fold_str(w)))
                        .filter(|w| !w.is_empty())
                        .collect();
                    canon.dedup();
                    canon
                })
                .filter(|g| g.len() > 1)
                .collect(),
            suggest,
            docs: docs.len(),
            classes,
            shards,
            groups: state.group_hashes.concat(),
            group: GROUP,
            chunk: super::super::OVERLAP,
            facets: &facets_hash,
            kinds: kinds.iter().map(|k| k.code()).collect(),
            validity: validity.into_iter().collect(),
            years: years.into_iter().rev().collect(),
            cities: self
                .site
                .cities
                .iter()
                .map(|(id, names)| [id.as_str(), names[0].as_str(), names[1].as_str()])
                .collect(),
            topics: self
                .site
                .topics
                .iter()
                .map(|t| [t[0].as_str(), t[1].as_str()])
                .collect(),
        };
        let meta = gzip(&serde_json::to_vec(&meta).expect("the meta file serializes"));
        let meta_hash = content_hash(&meta);
        let entry = format!(
            "{{\"version\":1,\"meta\":\"meta.{meta_hash}.bin\",\"chars\":\"chars.{table_hash}.bin\"}}\n"
        );
        let mut files = vec![
            OutputFile {
                path: format!("{INDEX_DIR}/chars.{table_hash}.bin"),
                bytes: table,
            },
            OutputFile {
                path: format!("{INDEX_DIR}/entry.json"),
                bytes: entry.into_bytes(),
            },
            OutputFile {
                path: format!("{INDEX_DIR}/facets.{facets_hash}.bin"),
                bytes: facets,
            },
            OutputFile {
                path: format!("{INDEX_DIR}/meta.{meta_hash}.bin"),
                bytes: meta,
            },
        ];
        files.extend(suggest_files);
        files
    }

    /// The suggestions offered while typing (titles, 文号, topics, cities, issuing offices), in
    /// buckets by the first character of their folded text, and the buckets' hashes (8 hex
    /// digits each). Each bucket is a JSON list of `[Simplified, Traditional, kind, path,
    /// city]`, kind `t` (title), `n` (文号), `p` (topic), `c` (city) or `o` (office).
    ///
    /// `made` holds each bucket's file as last made, with a fingerprint of its rows: after an
    /// edit only the buckets whose rows changed are written out and compressed again (at 10k
    /// pages, doing all 64 was a tenth of serve's rebuild).
    fn suggestion_files(
        &self,
        docs: &[&SearchDoc],
        made: &mut Vec<Option<(u64, OutputFile)>>,
    ) -> (Vec<OutputFile>, String) {
        type Entry<'a> = (&'a str, &'a str, &'static str, &'a str, &'a str);
        let mut entries: Vec<Entry<'_>> = Vec::new();
        let mut offices = BTreeSet::new();
        for (id, names) in &self.site.cities {
            entries.push((&names[0], &names[1], "c", "", id));
        }
        for topic in &self.site.topics {
            entries.push((&topic[0], &topic[1], "p", "", ""));
        }
        for doc in docs {
            let city = doc.facets.city.as_deref().unwrap_or("");
            entries.push((&doc.titles[0], &doc.titles[1], "t", &doc.path, city));
            if let Some(n) = &doc.facets.number {
                entries.push((&n[0], &n[1], "n", &doc.path, city));
            }
            if let Some(o) = &doc.facets.issuer {
                if offices.insert(&o[0]) {
                    entries.push((&o[0], &o[1], "o", "", ""));
                }
            }
        }
        let buckets = entries
            .len()
            .div_ceil(SUGGESTIONS_PER_BUCKET)
            .next_power_of_two();
        let mut grouped: Vec<Vec<Entry<'_>>> = vec![Vec::new(); buckets];
        for entry in entries {
            let Some(first) = normalize::first_unit_char(entry.0) else {
                continue;
            };
            let mut buf = [0u8; 4];
            let b = format::key_hash(first.encode_utf8(&mut buf)) as usize & (buckets - 1);
            grouped[b].push(entry);
        }
        made.resize(buckets, None);
        let mut files = Vec::new();
        let mut hashes = String::new();
        for (b, bucket) in grouped.iter().enumerate() {
            let rows: Vec<[&str; 5]> = bucket.iter().map(|e| [e.0, e.1, e.2, e.3, e.4]).collect();
            let fingerprint = rows_fingerprint(&rows);
            let file = match &made[b] {
                Some((known, file)) if *known == fingerprint => file,
                _ => {
                    let bytes = gzip(&serde_json::to_vec(&rows).expect("suggestions serialize"));
                    let hash = content_hash(&bytes);
                    let file = OutputFile {
                        path: format!("{INDEX_DIR}/u/{b}.{hash}.bin"),
                        bytes,
                    };
                    &made[b].insert((fingerprint, file)).1
                }
            };
            hashes.push_str(hash_of_name(&file.path));
            files.push(file.clone());
        }
        (files, hashes)
    }
}

/// Whether the suggestion buckets must be made again or are those made last time.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(super) enum Suggestions {
    /// No row can have changed: the documents' suggestions and the site's lists are the same.
    Kept,
    Remade,
}

/// The buckets as last made and their hashes, when every one was made.
fn kept_suggestion_files(made: &[Option<(u64, OutputFile)>]) -> Option<(Vec<OutputFile>, String)> {
    if made.is_empty() {
        return None;
    }
    let files: Vec<OutputFile> = made
        .iter()
        .map(|m| m.as_ref().map(|(_, file)| file.clone()))
        .collect::<Option<_>>()?;
    let hashes = files.iter().map(|f| hash_of_name(&f.path)).collect();
    Some((files, hashes))
}

/// A fingerprint of a bucket's rows: the same rows give the same file, so a bucket whose
/// fingerprint is unchanged is not made again. Fx rather than SipHash: the rows are the site's
/// own titles, not hostile keys, and serve fingerprints every bucket after each edit (with
/// SipHash that was a tenth of a body edit's rebuild at 10k pages).
fn rows_fingerprint(rows: &[[&str; 5]]) -> u64 {
    use std::hash::{Hash, Hasher};
    let mut hasher = rustc_hash::FxHasher::default();
    rows.hash(&mut hasher);
    hasher.finish()
}

/// About this many suggestions per bucket file (a few KB gzipped).
const SUGGESTIONS_PER_BUCKET: usize = 400;

/// A set of characters, as a bitmap.
pub(super) struct CharSet(Vec<u64>);

impl Default for CharSet {
    fn default() -> Self {
        CharSet(vec![0; 0x11_0000 / 64])
    }
}

impl CharSet {
    pub(super) fn extend(&mut self, chars: impl Iterator<Item = char>) {
        for c in chars {
            self.0[c as usize / 64] |= 1 << (c as usize % 64);
        }
    }

    fn contains(&self, c: char) -> bool {
        self.0[c as usize / 64] & (1 << (c as usize % 64)) != 0
    }
}

#[derive(Serialize)]
struct Meta<'a> {
    version: u32,
    /// Groups of canonical words a query treats as one.
    synonyms: Vec<Vec<String>>,
    /// 8 hex digits per suggestion bucket.
    suggest: String,
    docs: usize,
    /// Documents of class 0 and of class 1 (their ids come first).
    classes: [usize; 2],
    /// 8 hex digits per shard.
    shards: String,
    /// 8 hex digits per fragment group.
    groups: String,
    group: usize,
    /// The longest phrase a chunk is sure to hold whole.
    chunk: usize,
    facets: &'a str,
    kinds: Vec<&'static str>,
    validity: Vec<u8>,
    years: Vec<u32>,
    cities: Vec<[&'a str; 3]>,
    topics: Vec<[&'a str; 2]>,
}

/// The hash part of `…/<n>.<hash>.bin`.
fn hash_of_name(path: &str) -> &str {
    path.rsplit('.').nth(1).unwrap_or("")
}

pub(super) fn encode_shard_file(s: usize, shard: &Shard) -> (String, Vec<u8>) {
    let texts: Vec<String> = shard.iter().map(|(k, _)| k.text()).collect();
    let raw = format::encode_shard(
        texts
            .iter()
            .zip(shard)
            .map(|(t, (_, postings))| (t.as_str(), postings.as_slice())),
    );
    let bytes = gzip(&raw);
    (
        format!("{INDEX_DIR}/i/{s}.{}.bin", content_hash(&bytes)),
        bytes,
    )
}

/// A document's gzipped fragments: per script (Simplified, Traditional), one per chunk.
pub(super) type Fragments = [Vec<Vec<u8>>; 2];

/// The fragment files of group `g` and the group's hash.
pub(super) fn group_files(docs: &[&SearchDoc], g: usize) -> (String, Vec<OutputFile>) {
    let members = &docs[g * GROUP..((g + 1) * GROUP).min(docs.len())];
    owned_group_files(g, members.iter().map(|d| d.fragments.clone()).collect())
}

/// [`group_files`] of the fragments of group `g`'s documents, in order.
pub(super) fn owned_group_files(g: usize, members: Vec<Fragments>) -> (String, Vec<OutputFile>) {
    let mut all = Vec::new();
    for fragments in &members {
        for chunk in fragments.iter().flatten() {
            all.extend_from_slice(&(chunk.len() as u32).to_le_bytes());
            all.extend_from_slice(chunk);
        }
    }
    let hash = content_hash(&all);
    let mut files = Vec::new();
    for (i, fragments) in members.into_iter().enumerate() {
        let id = g * GROUP + i;
        for (script, dir) in fragments.into_iter().zip(["s", "t"]) {
            for (k, chunk) in script.into_iter().enumerate() {
                files.push(OutputFile {
                    path: format!("{INDEX_DIR}/{dir}/{id}-{k}.{hash}.bin"),
                    bytes: chunk,
                });
            }
        }
    }
    (hash, files)
}
