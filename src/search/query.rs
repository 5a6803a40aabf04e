//! The client's search (`search.js`) in Rust, over the files of a built index: the same
//! parsing, keys, ranking and phrase verification, step for step. The relevance tests run it
//! (and compare it with the client itself when Node.js is there), and the benchmark counts the
//! bytes a query downloads with it.

use std::collections::{BTreeSet, HashMap};

use super::format::{gunzip, key_hash, CHUNKED, IMPACT, IN_TITLE};
use super::normalize::{canonical, contains_phrase, fold_with};
use super::tokens::query_keys;

/// Results shown per page, candidates verified at a time, and at most per page (as the client).
pub const PAGE: usize = 10;
const BATCH: usize = 10;
pub const MAX_CHECKS: usize = 40;

const KINDS: [&str; 6] = [
    "policy",
    "interpretation",
    "news",
    "page",
    "indicator",
    "city",
];

/// The filters, as the search page's selects give them (empty: any).
#[derive(Debug, Clone, Default)]
pub struct Filters {
    pub city: String,
    pub kind: String,
    pub year: String,
    pub topic: String,
    pub validity: String,
}

/// A verified result.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Hit {
    pub id: u32,
    /// Route path (`policies/x/`).
    pub path: String,
    pub title: String,
}

#[derive(Debug, Clone, Default)]
pub struct Outcome {
    /// Documents holding every key of every word (after the filters).
    pub candidates: usize,
    /// Whether every candidate is a result without verification.
    pub exact: bool,
    /// Results, in order.
    pub hits: Vec<Hit>,
    /// Candidates verified.
    pub checked: usize,
    /// Every index file read (relative to the index folder).
    pub fetched: BTreeSet<String>,
    /// The query has no word the index can look up (a single character).
    pub short: bool,
}

/// A shard's postings by key: (document, value byte, chunks or -1).
type ShardMap = HashMap<String, Vec<(u32, u8, i64)>>;

struct Word {
    canon: String,
    keys: Vec<String>,
    verify: bool,
}

struct Item {
    doc: u32,
    score: i64,
    title: bool,
    chunks: i64,
}

/// An index read through `read` (a file's bytes by its path under the index folder).
pub struct Searcher<'a> {
    read: &'a dyn Fn(&str) -> Option<Vec<u8>>,
    meta: serde_json::Value,
    table: HashMap<char, char>,
    fetched: std::cell::RefCell<BTreeSet<String>>,
}

fn err(what: &str) -> String {
    format!("the search index is unreadable: {what}")
}

impl<'a> Searcher<'a> {
    pub fn open(read: &'a dyn Fn(&str) -> Option<Vec<u8>>) -> Result<Searcher<'a>, String> {
        let mut s = Searcher {
            read,
            meta: serde_json::Value::Null,
            table: HashMap::new(),
            fetched: Default::default(),
        };
        let entry: serde_json::Value =
            serde_json::from_slice(&s.get("entry.json")?).map_err(|_| err("entry.json"))?;
        let name = |k: &str| entry[k].as_str().map(str::to_string).ok_or_else(|| err(k));
        s.meta = serde_json::from_slice(&s.get(&name("meta")?)?).map_err(|_| err("meta"))?;
        let chars =
            super::format::decode_chars(&s.get(&name("chars")?)?).ok_or_else(|| err("chars"))?;
        s.table = chars.into_iter().collect();
        Ok(s)
    }

    /// A file, unpacked, remembered as fetched.
    fn get(&self, name: &str) -> Result<Vec<u8>, String> {
        let bytes = (self.read)(name).ok_or_else(|| err(&format!("no {name}")))?;
        self.fetched.borrow_mut().insert(name.to_string());
        if bytes.starts_with(&[0x1f, 0x8b]) {
            gunzip(&bytes).map_err(|_| err(name))
        } else {
            Ok(bytes)
        }
    }

    fn fold(&self, c: char) -> char {
        fold_with(c, |c| self.table.get(&c).copied().unwrap_or(c))
    }

    fn canon(&self, text: &str) -> String {
        canonical(&text.chars().map(|c| self.fold(c)).collect::<String>())
    }

    fn words(&self, query: &str) -> Vec<Word> {
        let chunk = self.meta["chunk"].as_u64().unwrap_or(64) as usize;
        let mut words: Vec<Word> = Vec::new();
        // As the client: at spaces (ASCII and ideographic), at most ten words, each cut to
        // the longest phrase a chunk holds whole (in UTF-16 units, as JavaScript slices).
        for raw in query
            .split(|c: char| c.is_whitespace() || c == '\u{3000}')
            .filter(|w| !w.is_empty())
            .take(10)
        {
            let mut units = 0;
            let raw: String = raw
                .chars()
                .take_while(|c| {
                    units += c.len_utf16();
                    units <= chunk
                })
                .collect();
            let folded: String = raw.chars().map(|c| self.fold(c)).collect();
            let canon = canonical(&folded);
            if canon.is_empty() || words.iter().any(|w| w.canon == canon) {
                continue;
            }
            let keys: Vec<String> = query_keys(&folded).iter().map(|k| k.text()).collect();
            let verify = !(keys.len() == 1 && keys[0] == canon);
            words.push(Word {
                canon,
                keys,
                verify,
            });
        }
        words
    }

    fn shard(&self, s: usize) -> Result<ShardMap, String> {
        let hashes = self.meta["shards"].as_str().unwrap_or("");
        let hash = hashes.get(s * 8..s * 8 + 8).ok_or_else(|| err("shards"))?;
        let bytes = self.get(&format!("i/{s}.{hash}.bin"))?;
        let decoded = super::format::decode_shard(&bytes).ok_or_else(|| err("shard"))?;
        Ok(decoded
            .into_iter()
            .map(|(k, ps)| {
                let ps = ps
                    .into_iter()
                    .map(|p| {
                        let chunks = if p.value & CHUNKED != 0 {
                            i64::from(p.chunks)
                        } else {
                            -1
                        };
                        (p.doc, p.value, chunks)
                    })
                    .collect();
                (k, ps)
            })
            .collect())
    }

    fn passes(&self, f: &super::format::FacetColumns, want: &Filters, d: usize) -> bool {
        let meta = &self.meta;
        let city = f.cities[d] as usize;
        let city_ok = want.city.is_empty()
            || (city > 0 && meta["cities"][city - 1][0].as_str() == Some(want.city.as_str()));
        let kind_ok = want.kind.is_empty()
            || KINDS.get(usize::from(f.kinds[d])).copied() == Some(want.kind.as_str());
        let year_ok = want.year.is_empty() || f.years[d].to_string() == want.year;
        let validity_ok =
            want.validity.is_empty() || (i64::from(f.validity[d]) - 1).to_string() == want.validity;
        let topic_ok = want.topic.is_empty()
            || f.topics[d]
                .iter()
                .any(|&t| meta["topics"][t as usize][0].as_str() == Some(want.topic.as_str()));
        city_ok && kind_ok && year_ok && validity_ok && topic_ok
    }

    /// The first page of results of `query` as the search page shows it, in Simplified (`hant`
    /// false) or Traditional fragments.
    pub fn first_page(&self, query: &str, hant: bool, want: &Filters) -> Result<Outcome, String> {
        self.search(query, hant, want, PAGE, MAX_CHECKS)
    }

    /// Every result of `query`: every candidate verified.
    pub fn all(&self, query: &str, hant: bool, want: &Filters) -> Result<Outcome, String> {
        self.search(query, hant, want, usize::MAX, usize::MAX)
    }

    /// Up to `count` results of `query`, verifying at most `max` candidates, as the client.
    pub fn search(
        &self,
        query: &str,
        hant: bool,
        want: &Filters,
        count: usize,
        max: usize,
    ) -> Result<Outcome, String> {
        let meta = &self.meta;
        let docs = meta["docs"].as_f64().unwrap_or(0.0);
        let shards = meta["shards"].as_str().unwrap_or("").len() / 8;
        let mask = (shards.max(1) - 1) as u32;
        let words = self.words(query);
        let keyed: Vec<&Word> = words.iter().filter(|w| !w.keys.is_empty()).collect();
        if keyed.is_empty() {
            return Ok(Outcome {
                short: !words.is_empty(),
                fetched: self.fetched.borrow().clone(),
                ..Default::default()
            });
        }
        let mut maps: HashMap<usize, ShardMap> = HashMap::new();
        for w in &keyed {
            for k in &w.keys {
                let s = (key_hash(k) & mask) as usize;
                if let std::collections::hash_map::Entry::Vacant(e) = maps.entry(s) {
                    e.insert(self.shard(s)?);
                }
            }
        }
        let filtering = !(want.city.is_empty()
            && want.kind.is_empty()
            && want.year.is_empty()
            && want.topic.is_empty()
            && want.validity.is_empty());
        let facets = if filtering {
            let name = format!("facets.{}.bin", meta["facets"].as_str().unwrap_or(""));
            Some(super::format::decode_facets(&self.get(&name)?).ok_or_else(|| err("facets"))?)
        } else {
            None
        };
        // Per word: doc → (lowest impact, all in title, chunks).
        let mut per: Vec<HashMap<u32, (u8, bool, i64)>> = keyed
            .iter()
            .map(|w| {
                let mut lists: Vec<&Vec<(u32, u8, i64)>> = Vec::new();
                for k in &w.keys {
                    match maps[&((key_hash(k) & mask) as usize)].get(k) {
                        Some(list) => lists.push(list),
                        None => return HashMap::new(),
                    }
                }
                lists.sort_by_key(|l| l.len());
                let mut held: Option<HashMap<u32, (u8, bool, i64)>> = None;
                for list in lists {
                    let mut seen = HashMap::new();
                    for &(doc, value, chunks) in list {
                        let (impact, title) = (value & IMPACT, value & IN_TITLE != 0);
                        match &held {
                            None => {
                                seen.insert(doc, (impact, title, chunks));
                            }
                            Some(held) => {
                                if let Some(&(i, t, c)) = held.get(&doc) {
                                    let c = if chunks >= 0 { c & chunks } else { c };
                                    seen.insert(doc, (i.min(impact), t && title, c));
                                }
                            }
                        }
                    }
                    held = Some(seen);
                }
                let mut held = held.unwrap_or_default();
                held.retain(|_, e| e.2 != 0);
                held
            })
            .collect();
        per.sort_by_key(|m| m.len());
        let mut items: Vec<Item> = Vec::new();
        let mut first: Vec<u32> = per[0].keys().copied().collect();
        first.sort_unstable();
        'docs: for d in first {
            if let Some(f) = &facets {
                if !self.passes(f, want, d as usize) {
                    continue;
                }
            }
            let (mut score, mut title, mut chunks) = (0f64, true, -1i64);
            for word in &per {
                let Some(&(impact, t, c)) = word.get(&d) else {
                    continue 'docs;
                };
                let n = word.len() as f64;
                score += (1.0 + (docs - n + 0.5) / (n + 0.5)).ln() * f64::from(impact);
                title &= t;
                if c >= 0 {
                    chunks = if chunks < 0 { c } else { chunks | c };
                }
            }
            // Data pages (indicators, cities) count half: they quote the documents.
            let classes = &meta["classes"];
            let documents = classes[0].as_u64().unwrap_or(0) + classes[1].as_u64().unwrap_or(0);
            if u64::from(d) >= documents {
                score /= 2.0;
            }
            items.push(Item {
                doc: d,
                score: (score * 100.0).round() as i64,
                title,
                chunks,
            });
        }
        items.sort_by(|a, b| {
            b.title
                .cmp(&a.title)
                .then(b.score.cmp(&a.score))
                .then(a.doc.cmp(&b.doc))
        });
        let exact = !words.iter().any(|w| w.verify);
        let mut outcome = Outcome {
            candidates: items.len(),
            exact,
            ..Default::default()
        };
        // As the client: batches of candidates verified in order.
        let want_hits = count;
        let (mut next, mut checks) = (0, 0);
        while outcome.hits.len() < want_hits && next < items.len() && checks < max {
            let size = if exact {
                want_hits - outcome.hits.len()
            } else {
                BATCH
            };
            let batch = &items[next..next.saturating_add(size).min(items.len())];
            checks += batch.len();
            let verified: Vec<Option<Hit>> = batch
                .iter()
                .map(|item| self.verify(item, &words, hant))
                .collect::<Result<_, _>>()?;
            let from = next;
            next += batch.len();
            let mut got: Vec<Hit> = Vec::new();
            for (i, hit) in verified.into_iter().enumerate() {
                if outcome.hits.len() + got.len() >= want_hits {
                    next = from + i;
                    break;
                }
                outcome.checked += 1;
                got.extend(hit);
            }
            // A page whose title is the query first (among those shown from this batch).
            let whole: Vec<&str> = words.iter().map(|w| w.canon.as_str()).collect();
            let whole = whole.join(" ");
            got.sort_by_key(|hit| self.canon(&hit.title) != whole);
            outcome.hits.extend(got);
        }
        outcome.fetched = self.fetched.borrow().clone();
        Ok(outcome)
    }

    fn verify(&self, item: &Item, words: &[Word], hant: bool) -> Result<Option<Hit>, String> {
        let mut chunks: Vec<usize> = (0..32)
            .filter(|k| item.chunks > 0 && item.chunks & (1 << k) != 0)
            .collect();
        if chunks.is_empty() {
            chunks.push(0);
        }
        let group = self.meta["group"].as_u64().unwrap_or(32) as u32;
        let g = (item.doc / group) as usize;
        let hash = self.meta["groups"]
            .as_str()
            .and_then(|s| s.get(g * 8..g * 8 + 8))
            .ok_or_else(|| err("groups"))?;
        let mut found: Vec<bool> = words.iter().map(|w| !w.verify).collect();
        let mut first: Option<serde_json::Value> = None;
        for k in chunks {
            let dir = if hant { "t" } else { "s" };
            let name = format!("{dir}/{}-{k}.{hash}.bin", item.doc);
            let f: serde_json::Value =
                serde_json::from_slice(&self.get(&name)?).map_err(|_| err(&name))?;
            let text = f["n"].as_str().or(f["x"].as_str()).unwrap_or("");
            let haystack = format!(
                "{} {}",
                self.canon(text),
                self.canon(f["t"].as_str().unwrap_or(""))
            );
            for (w, found) in words.iter().zip(found.iter_mut()) {
                if !*found && contains_phrase(&haystack, &w.canon) {
                    *found = true;
                }
            }
            first.get_or_insert(f);
            if found.iter().all(|&f| f) {
                let f = first.expect("set above");
                return Ok(Some(Hit {
                    id: item.doc,
                    path: f["u"].as_str().unwrap_or("").to_string(),
                    title: f["t"].as_str().unwrap_or("").to_string(),
                }));
            }
        }
        Ok(None)
    }
}
