//! Documents → index files, and after an edit only the files that changed.
//!
//! Documents are numbered in ranking order: documents (policies, interpretations) first, then
//! other pages, then data pages (indicators, cities); newest first within each; then by path.
//! So at equal score the client only has to prefer the lower number.
//!
//! Files (under [`INDEX_DIR`](super::INDEX_DIR)), every name but the entry's carrying a hash of its contents:
//!
//! - `entry.json`: the names of the meta file and the fold table (the only file a host must not
//!   cache forever);
//! - `meta.<hash>.bin`: counts, the hashes of the shards and fragment groups, the names the
//!   filters show (cities, topics) in both scripts;
//! - `i/<shard>.<hash>.bin`: postings of the keys whose hash falls in the shard;
//! - `s/<doc>-<chunk>.<hash>.bin`, `t/…`: a document's title, kind, city, date, attachments and
//!   text, in Simplified and Traditional; the hash is that of its group of [`GROUP`] documents;
//! - `facets.<hash>.bin`: kind, validity, city, year and topics of every document (filters);
//! - `chars.<hash>.bin`: the table the client folds a query to Simplified with.
//!
//! [`SearchIndex::update`] replaces the postings of edited documents in the shards they touch
//! and rewrites those shards, the edited documents' fragment groups and the small files; when
//! the numbering or the global statistics change it assembles everything again (in memory,
//! from the documents). Either way the files are those of a fresh build, byte for byte.

use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};

use rayon::prelude::*;

use super::format::{key_hash, key_hash_bytes, Posting};
use super::tokens::{han_bytes, han_chars, Key};
use super::SearchDoc;
use crate::output::OutputFile;

mod files;
mod weight;

use files::{encode_shard_file, group_files, owned_group_files, CharSet, Fragments, Suggestions};
use weight::{average_bucket, postings_of, Weigher};

/// Documents per fragment group (one hash in the meta file).
pub(super) const GROUP: usize = 32;
/// About this many postings per shard.
const POSTINGS_PER_SHARD: usize = 6000;
/// About this many postings in memory at once while a build assembles the shards.
const POSTINGS_PER_ROUND: usize = 1 << 20;

/// What the filters show, from the site: cities and topics with their names in both scripts.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SiteInfo {
    /// Id, then the name in Simplified and Traditional.
    pub cities: Vec<(String, [String; 2])>,
    /// Topic in Simplified and Traditional, sorted.
    pub topics: Vec<[String; 2]>,
    /// Groups of words a query treats as one (see `[search.synonyms]`).
    pub synonyms: Vec<Vec<String>>,
}

/// What an edit changed in the index's files.
#[derive(Debug, Default, Clone)]
pub struct IndexUpdate {
    pub(crate) files: Vec<OutputFile>,
    pub(crate) removed: Vec<String>,
    /// Whether everything was assembled again (the numbering or global statistics changed).
    pub reassembled: bool,
    /// Shards written again.
    pub shards: usize,
}

/// The searchable documents and, once assembled, what the next edit needs.
pub struct SearchIndex {
    site: SiteInfo,
    /// By path. Fx rather than SipHash: the paths are the site's own, and serve looks every
    /// document up by path after each edit.
    docs: Docs,
    state: Option<State>,
}

type Shard = Vec<(Key, Vec<Posting>)>;

struct State {
    /// Document paths by id.
    order: Vec<String>,
    ids: HashMap<String, u32>,
    /// The postings of every shard, when kept for edits.
    shards: Vec<Shard>,
    kept: bool,
    average: i32,
    /// Per shard and per group, the file paths written.
    shard_files: Vec<String>,
    group_files: Vec<Vec<String>>,
    group_hashes: Vec<String>,
    /// The meta, facets, fold table and entry files.
    small: Vec<String>,
    /// Each suggestion bucket's file as last made, with a fingerprint of its rows.
    suggestions: Vec<Option<(u64, OutputFile)>>,
    /// Every file of the index.
    files: BTreeSet<String>,
}

type Docs = rustc_hash::FxHashMap<String, SearchDoc>;

/// A document's ranking order: class, newest first (undated last), path.
fn rank(doc: &SearchDoc) -> impl Ord + '_ {
    let date = doc.facets.date;
    (
        doc.facets.kind.class(),
        date.is_none(),
        std::cmp::Reverse(date),
        doc.path.as_str(),
    )
}

/// Whether every changed document was there before and is still there, ranked as it was: then
/// the ranking order is the last one (the rank is a total order, and nothing else changed),
/// without sorting every document again after each edit in serve.
fn ranks_kept(previous: &[(String, Option<SearchDoc>)], docs: &Docs) -> bool {
    previous
        .iter()
        .all(|(path, old)| match (old, docs.get(path)) {
            (Some(old), Some(new)) => rank(old) == rank(new),
            _ => false,
        })
}

/// Whether every changed document was there before and still offers the same suggestions
/// (title, 文号, issuing office, city, path): then, with the same site, every suggestion bucket
/// is the one made last time, and a body edit in serve does not go through all the titles.
fn same_suggestions(previous: &[(String, Option<SearchDoc>)], docs: &Docs) -> bool {
    previous
        .iter()
        .all(|(path, old)| match (old, docs.get(path)) {
            (Some(old), Some(new)) => {
                old.path == new.path
                    && old.titles == new.titles
                    && old.facets.number == new.facets.number
                    && old.facets.issuer == new.facets.issuer
                    && old.facets.city == new.facets.city
            }
            _ => false,
        })
}

fn shard_count(postings: usize) -> usize {
    postings.div_ceil(POSTINGS_PER_SHARD).next_power_of_two()
}

/// A Han key's shard without making its text.
fn han_shard(packed: u64, mask: u32) -> usize {
    let mut buf = [0u8; 8];
    (key_hash_bytes(han_bytes(packed, &mut buf)) & mask) as usize
}

fn key_shard(key: &Key, mask: u32) -> usize {
    match key {
        Key::Han(p) => han_shard(*p, mask),
        Key::Word(w) => (key_hash(w) & mask) as usize,
    }
}

impl SearchIndex {
    pub(crate) fn new(site: SiteInfo) -> SearchIndex {
        SearchIndex {
            site,
            docs: Docs::default(),
            state: None,
        }
    }

    /// An index of `docs`, not assembled yet.
    pub fn with_docs(site: SiteInfo, docs: Vec<SearchDoc>) -> SearchIndex {
        let mut index = SearchIndex::new(site);
        for doc in docs {
            index.docs.insert(doc.path.clone(), doc);
        }
        index
    }

    /// Every file of the index (assembling it), keeping nothing for edits (a build): the
    /// documents' fragments become the files rather than being copied into them.
    pub fn files(mut self) -> Vec<OutputFile> {
        self.assemble(false)
    }

    /// Every file of the index, keeping the postings so that [`SearchIndex::update`] can patch
    /// them after an edit (serve).
    pub fn files_for_edits(&mut self) -> Vec<OutputFile> {
        self.assemble(true)
    }

    /// Replaces the documents at `changed` paths (`None`: the page is no longer searchable),
    /// removes those at `removed`, and returns the files that changed.
    pub fn update(
        &mut self,
        site: SiteInfo,
        changed: Vec<(String, Option<SearchDoc>)>,
        removed: Vec<String>,
    ) -> IndexUpdate {
        let unchanged = |docs: &Docs| {
            changed.iter().all(|(p, d)| docs.get(p) == d.as_ref())
                && removed.iter().all(|p| !docs.contains_key(p))
        };
        let same_site = site == self.site;
        if self.state.is_some() && same_site && unchanged(&self.docs) {
            return IndexUpdate::default();
        }
        let mut previous: Vec<(String, Option<SearchDoc>)> = Vec::new();
        for (path, doc) in changed {
            let old = match doc {
                Some(doc) => self.docs.insert(path.clone(), doc),
                None => self.docs.remove(&path),
            };
            previous.push((path, old));
        }
        for path in removed {
            let old = self.docs.remove(&path);
            previous.push((path, old));
        }
        self.site = site;
        let patchable = self.state.as_ref().is_some_and(|state| {
            let total: usize = self.docs.values().map(SearchDoc::keys).sum();
            state.kept
                && state.order.len() == self.docs.len()
                && shard_count(total) == state.shards.len()
                && average_bucket(self.docs.values()) == state.average
                && (ranks_kept(&previous, &self.docs) || self.order() == state.order)
        });
        if !patchable {
            let before = self
                .state
                .as_ref()
                .map(|s| s.files.clone())
                .unwrap_or_default();
            let files = self.assemble(true);
            let now: BTreeSet<&str> = files.iter().map(|f| f.path.as_str()).collect();
            let removed = before
                .into_iter()
                .filter(|p| !now.contains(p.as_str()))
                .collect();
            let shards = self.state.as_ref().map_or(0, |s| s.shards.len());
            return IndexUpdate {
                files,
                removed,
                reassembled: true,
                shards,
            };
        }
        self.patch(previous, same_site)
    }

    /// Document paths in ranking order.
    fn order(&self) -> Vec<String> {
        let mut docs: Vec<&SearchDoc> = self.docs.values().collect();
        docs.sort_by(|a, b| rank(a).cmp(&rank(b)));
        docs.into_iter().map(|d| d.path.clone()).collect()
    }

    fn assemble(&mut self, keep: bool) -> Vec<OutputFile> {
        self.assemble_in_rounds(keep, POSTINGS_PER_ROUND)
    }

    fn assemble_in_rounds(&mut self, keep: bool, per_round: usize) -> Vec<OutputFile> {
        let order = self.order();
        let docs: Vec<&SearchDoc> = order.iter().map(|p| &self.docs[p]).collect();
        let average = average_bucket(docs.iter().copied());
        let total: usize = docs.iter().map(|d| d.keys()).sum();
        let count = shard_count(total);
        let mask = (count - 1) as u32;
        // The shard of every key of every document, once; then the shards in a few rounds
        // (each taking every `rounds`-th shard), so that only a round's postings are in memory
        // at once.
        let shard_of: Vec<Vec<u32>> = docs
            .par_iter()
            .map(|d| {
                d.han()
                    .map(|(k, _)| han_shard(k, mask) as u32)
                    .chain(d.words.iter().map(|(w, _)| key_hash(w) & mask))
                    .collect()
            })
            .collect();
        let rounds = total
            .div_ceil(per_round.max(1))
            .next_power_of_two()
            .clamp(1, count);
        let step = docs
            .len()
            .div_ceil(rayon::current_num_threads() * 4)
            .max(64);
        let ranges: Vec<std::ops::Range<usize>> = (0..docs.len())
            .step_by(step)
            .map(|s| s..(s + step).min(docs.len()))
            .collect();
        let mut shards: Vec<Shard> = Vec::new();
        let mut encoded: Vec<(String, Vec<u8>)> = vec![(String::new(), Vec::new()); count];
        for round in 0..rounds {
            let slots = count / rounds;
            // Per range of documents, per shard of the round: Han and word postings.
            type Local<'a> = Vec<(Vec<(u64, Posting)>, Vec<(&'a str, Posting)>)>;
            let parts: Vec<Local<'_>> = ranges
                .par_iter()
                .map(|range| {
                    let mut local: Local<'_> = vec![(Vec::new(), Vec::new()); slots];
                    for id in range.clone() {
                        let doc = docs[id];
                        let weigher = Weigher::new(doc, average);
                        let mut shard_ids = shard_of[id].iter();
                        for (packed, term) in doc.han() {
                            let s = *shard_ids.next().expect("one per key") as usize;
                            if s % rounds == round {
                                local[s / rounds]
                                    .0
                                    .push((packed, weigher.posting(doc, id as u32, &term)));
                            }
                        }
                        for (word, term) in &doc.words {
                            let s = *shard_ids.next().expect("one per key") as usize;
                            if s % rounds == round {
                                local[s / rounds]
                                    .1
                                    .push((word, weigher.posting(doc, id as u32, term)));
                            }
                        }
                    }
                    local
                })
                .collect();
            let mut by_slot: Vec<Local<'_>> = (0..slots).map(|_| Vec::new()).collect();
            for part in parts {
                for (slot, entries) in part.into_iter().enumerate() {
                    by_slot[slot].push(entries);
                }
            }
            let built: Vec<(usize, Shard, (String, Vec<u8>))> = by_slot
                .into_par_iter()
                .enumerate()
                .map(|(slot, parts)| {
                    let s = slot * rounds + round;
                    let mut han: Vec<(u64, Posting)> = Vec::new();
                    let mut words: Vec<(&str, Posting)> = Vec::new();
                    for (h, w) in parts {
                        han.extend(h);
                        words.extend(w);
                    }
                    han.sort_unstable_by_key(|(k, p)| (*k, p.doc));
                    words.sort_unstable_by(|a, b| a.0.cmp(b.0).then(a.1.doc.cmp(&b.1.doc)));
                    let mut shard: Shard = Vec::new();
                    let keyed = han
                        .into_iter()
                        .map(|(k, p)| (Key::Han(k), p))
                        .chain(words.into_iter().map(|(w, p)| (Key::Word(w.into()), p)));
                    for (key, posting) in keyed {
                        match shard.last_mut() {
                            Some((k, postings)) if *k == key => postings.push(posting),
                            _ => shard.push((key, vec![posting])),
                        }
                    }
                    let file = encode_shard_file(s, &shard);
                    (s, shard, file)
                })
                .collect();
            if keep && shards.is_empty() {
                shards = vec![Vec::new(); count];
            }
            for (s, shard, file) in built {
                encoded[s] = file;
                if keep {
                    shards[s] = shard;
                }
            }
        }
        drop(shard_of);
        let mut chars = CharSet::default();
        for doc in &docs {
            for (key, _) in doc.han() {
                chars.extend(han_chars(key));
            }
        }
        let groups = order.len().div_ceil(GROUP);
        let fragments: Vec<(String, Vec<OutputFile>)> = if keep {
            (0..groups)
                .into_par_iter()
                .map(|g| group_files(&docs, g))
                .collect()
        } else {
            // Nothing is kept for edits: each document's fragments are moved into its files.
            drop(docs);
            let mut taken = order.iter().map(|path| {
                let doc = self
                    .docs
                    .get_mut(path)
                    .expect("every ordered path is a document");
                std::mem::take(&mut doc.fragments)
            });
            let members: Vec<Vec<Fragments>> = (0..groups)
                .map(|_| taken.by_ref().take(GROUP).collect())
                .collect();
            members
                .into_par_iter()
                .enumerate()
                .map(|(g, members)| owned_group_files(g, members))
                .collect()
        };
        let ids = order
            .iter()
            .enumerate()
            .map(|(i, p)| (p.clone(), i as u32))
            .collect();
        let mut state = State {
            order,
            ids,
            shards,
            kept: keep,
            average,
            shard_files: Vec::new(),
            group_files: Vec::new(),
            group_hashes: Vec::new(),
            small: Vec::new(),
            // After an edit that numbers the documents again, the buckets are often the same.
            suggestions: self
                .state
                .as_mut()
                .map(|s| std::mem::take(&mut s.suggestions))
                .unwrap_or_default(),
            files: BTreeSet::new(),
        };
        let mut files = Vec::new();
        for (path, bytes) in encoded {
            state.shard_files.push(path.clone());
            files.push(OutputFile { path, bytes });
        }
        for (hash, group) in fragments {
            state.group_hashes.push(hash);
            state
                .group_files
                .push(group.iter().map(|f| f.path.clone()).collect());
            files.extend(group);
        }
        let small = self.small_files(&mut state, &chars, Suggestions::Remade);
        state.small = small.iter().map(|f| f.path.clone()).collect();
        files.extend(small);
        state.files = files.iter().map(|f| f.path.clone()).collect();
        self.state = Some(state);
        files
    }

    /// Applies an edit that keeps every document's number and the global statistics.
    /// Patches the kept index after an edit; `same_site` says whether the site's own lists
    /// (cities, topics, synonyms) are those of the last build.
    fn patch(
        &mut self,
        previous: Vec<(String, Option<SearchDoc>)>,
        same_site: bool,
    ) -> IndexUpdate {
        let mut state = self.state.take().expect("patch needs an assembled index");
        let mask = (state.shards.len() - 1) as u32;
        let mut dirty_shards = BTreeSet::new();
        let mut dirty_groups = BTreeSet::new();
        for (path, old) in &previous {
            let Some(&id) = state.ids.get(path) else {
                continue;
            };
            let new = self.docs.get(path);
            let before: BTreeMap<Key, Posting> = old
                .as_ref()
                .map(|d| postings_of(d, id, state.average).into_iter().collect())
                .unwrap_or_default();
            let after: BTreeMap<Key, Posting> = new
                .map(|d| postings_of(d, id, state.average).into_iter().collect())
                .unwrap_or_default();
            let fragments_changed = match (old, new) {
                (Some(o), Some(n)) => o.fragments != n.fragments,
                _ => true,
            };
            if fragments_changed {
                dirty_groups.insert(id as usize / GROUP);
            }
            let keys: BTreeSet<&Key> = before.keys().chain(after.keys()).collect();
            for key in keys {
                let (b, a) = (before.get(key), after.get(key));
                if b == a {
                    continue;
                }
                let s = key_shard(key, mask);
                dirty_shards.insert(s);
                let shard = &mut state.shards[s];
                let at = shard.binary_search_by(|(k, _)| k.cmp(key));
                match (at, a) {
                    (Ok(i), Some(a)) => {
                        let postings = &mut shard[i].1;
                        match postings.binary_search_by_key(&id, |p| p.doc) {
                            Ok(j) => postings[j] = *a,
                            Err(j) => postings.insert(j, *a),
                        }
                    }
                    (Ok(i), None) => {
                        let postings = &mut shard[i].1;
                        if let Ok(j) = postings.binary_search_by_key(&id, |p| p.doc) {
                            postings.remove(j);
                        }
                        if postings.is_empty() {
                            shard.remove(i);
                        }
                    }
                    (Err(i), Some(a)) => shard.insert(i, (key.clone(), vec![*a])),
                    (Err(_), None) => {}
                }
            }
        }
        let mut files = Vec::new();
        let mut removed = Vec::new();
        let encoded: Vec<(usize, (String, Vec<u8>))> = dirty_shards
            .par_iter()
            .map(|&s| (s, encode_shard_file(s, &state.shards[s])))
            .collect();
        let shards = encoded.len();
        for (s, (path, bytes)) in encoded {
            if path != state.shard_files[s] {
                removed.push(std::mem::replace(&mut state.shard_files[s], path.clone()));
            }
            files.push(OutputFile { path, bytes });
        }
        let docs: Vec<&SearchDoc> = state.order.iter().map(|p| &self.docs[p]).collect();
        for g in dirty_groups {
            let (hash, group) = group_files(&docs, g);
            let paths: Vec<String> = group.iter().map(|f| f.path.clone()).collect();
            let now: HashSet<&String> = paths.iter().collect();
            removed.extend(
                state.group_files[g]
                    .iter()
                    .filter(|p| !now.contains(p))
                    .cloned(),
            );
            state.group_hashes[g] = hash;
            state.group_files[g] = paths;
            files.extend(group);
        }
        let mut chars = CharSet::default();
        for shard in &state.shards {
            for (key, _) in shard {
                if let Key::Han(p) = key {
                    chars.extend(han_chars(*p));
                }
            }
        }
        let suggestions = if same_site && same_suggestions(&previous, &self.docs) {
            Suggestions::Kept
        } else {
            Suggestions::Remade
        };
        let small = self.small_files(&mut state, &chars, suggestions);
        let now: Vec<String> = small.iter().map(|f| f.path.clone()).collect();
        removed.extend(state.small.iter().filter(|p| !now.contains(p)).cloned());
        state.small = now;
        files.extend(small);
        for path in &removed {
            state.files.remove(path);
        }
        state.files.extend(files.iter().map(|f| f.path.clone()));
        self.state = Some(state);
        removed.sort();
        removed.dedup();
        IndexUpdate {
            files,
            removed,
            reassembled: false,
            shards,
        }
    }
}

#[cfg(test)]
mod tests;
