//! The client's search (`search.js`) in Rust, over the files of a built index: the same
//! parsing, keys, ranking and phrase verification, step for step. The relevance tests run it
//! (and compare it with the client itself when Node.js is there), and the benchmark counts the
//! bytes a query downloads with it.

use std::collections::{BTreeSet, HashMap};

use super::format::{gunzip, key_hash, CHUNKED, IMPACT, IN_TITLE};
use super::normalize::{canonical, class, find_phrase, fold_with, Class};
use super::tokens::{query_word, Key};

/// Results shown per page, candidates verified at a time, and at most per page (as the client).
pub const PAGE: usize = 10;
const BATCH: usize = 10;
pub(crate) const MAX_CHECKS: usize = 40;

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
    /// A city's id (as in the index's `cities`); empty: any city.
    pub city: String,
    /// A kind's name (`policy`, `interpretation`, `news`, `page`, `indicator`, `city`); empty: any.
    pub kind: String,
    /// A year, as digits (`2021`); empty: any.
    pub year: String,
    /// A topic, in Simplified (as in the index's `topics`); empty: any.
    pub topic: String,
    /// A validity code as digits: `0` valid, `1` amended, `2` repealed, `3` expired; empty: any.
    pub validity: String,
}

/// A verified result.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Hit {
    /// The document's number in the index (its place in the index's document list).
    pub id: u32,
    /// Route path (`policies/x/`).
    pub path: String,
    /// Its title, as the index stores it.
    pub title: String,
    /// Its attachments (附件), in the order its page lists them, as the client shows them under
    /// the result.
    pub attachments: Vec<HitAttachment>,
}

/// A file attached to a result's page (a fragment's `a`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HitAttachment {
    /// Its name, in the fragment's script.
    pub name: String,
    /// Its address relative to the site's root, percent-encoded as published.
    pub href: String,
    /// Its type (`PDF`).
    pub kind: String,
    /// Its size (`2.0 KB`).
    pub size: String,
}

impl HitAttachment {
    /// The attachments of a fragment (`[name, address, type, size]` each), none when it has no
    /// `a`.
    fn all(fragment: &serde_json::Value) -> Vec<HitAttachment> {
        let Some(list) = fragment["a"].as_array() else {
            return Vec::new();
        };
        list.iter()
            .map(|a| {
                let part = |i: usize| a[i].as_str().unwrap_or("").to_string();
                HitAttachment {
                    name: part(0),
                    href: part(1),
                    kind: part(2),
                    size: part(3),
                }
            })
            .collect()
    }
}

/// What a search found and how: the results of one page, and what it took to find them.
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
    /// The query has no word the index can look up.
    pub short: bool,
    /// How the results were found: the query's words as phrases, or, when they are in no page,
    /// the words a segmentation found, all character pairs, or most of them.
    pub step: Step,
    /// The words searched in that step (canonical, each with its synonyms).
    pub words: Vec<Vec<String>>,
}

/// How a search found its results (the page says which).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Step {
    /// Every word of the query as a phrase (or one of its synonyms).
    #[default]
    Phrase,
    /// The phrase is in no page: its words, as the site's own text splits it.
    Words,
    /// Every pair of adjacent characters.
    Pairs,
    /// Most of the pairs.
    Most,
}

impl Step {
    /// The step's name for the results page and its tests: `phrase`, `words`, `pairs` or `most`.
    pub fn code(self) -> &'static str {
        match self {
            Step::Phrase => "phrase",
            Step::Words => "words",
            Step::Pairs => "pairs",
            Step::Most => "most",
        }
    }
}

/// A shard's postings by key: (document, value byte, chunks or -1).
type ShardMap = HashMap<String, Vec<(u32, u8, i64)>>;
/// Per document: lowest impact, every key in the title, chunks holding every key (-1: the
/// document is not chunked).
type Holding = HashMap<u32, (u8, bool, i64)>;

/// One form of a query word: the word itself or one of its synonyms.
#[derive(Debug, Clone)]
struct Alt {
    canon: String,
    keys: Vec<String>,
    /// A last Latin word or number matched as a prefix (see [`super::tokens::QueryWord`]).
    prefix: Option<String>,
    single: bool,
}

impl Alt {
    fn of(canon: &str) -> Alt {
        let q = query_word(canon);
        Alt {
            canon: canon.to_string(),
            keys: q.keys.iter().map(Key::text).collect(),
            prefix: q.prefix.as_ref().map(Key::text),
            single: q.single,
        }
    }

    fn verify(&self) -> bool {
        self.prefix.is_some() || !(self.keys.len() == 1 && self.keys[0] == self.canon)
    }
}

#[derive(Debug, Clone)]
struct Word {
    alts: Vec<Alt>,
}

impl Word {
    fn canon(&self) -> &str {
        &self.alts[0].canon
    }

    fn keyed(&self) -> bool {
        self.alts.iter().all(|a| !a.keys.is_empty())
    }

    fn verify(&self) -> bool {
        !self.keyed() || self.alts.iter().any(Alt::verify)
    }
}

struct Item {
    doc: u32,
    /// Keyed words the document holds (all of them but in the last fallback step).
    held: usize,
    score: i64,
    title: bool,
    chunks: i64,
}

/// The pieces of a query word: it is cut where punctuation stands between two Han characters
/// (质量，强市 is 质量 and 强市), not where it joins numbers or letters (国发〔2015〕13号,
/// GB/T 9704, 93.2%).
fn pieces(folded: &str) -> Vec<String> {
    let chars: Vec<char> = folded.chars().collect();
    let mut out = Vec::new();
    let mut current = String::new();
    let mut i = 0;
    while i < chars.len() {
        if class(chars[i]) != Class::Other {
            current.push(chars[i]);
            i += 1;
            continue;
        }
        let start = i;
        while i < chars.len() && class(chars[i]) == Class::Other {
            i += 1;
        }
        let han_before = start > 0 && class(chars[start - 1]) == Class::Han;
        let han_after = i < chars.len() && class(chars[i]) == Class::Han;
        if han_before && han_after {
            out.push(std::mem::take(&mut current));
        } else {
            current.extend(&chars[start..i]);
        }
    }
    out.push(current);
    out
}

/// The first `limit` UTF-16 units of `folded`, cut where a unit ends: never inside a Latin
/// word or a number (a pasted text's 2011 must not become 201).
fn cut(folded: &str, limit: usize) -> &str {
    let mut units = 0;
    let mut end = folded.len();
    let mut previous: Option<char> = None;
    for (at, c) in folded.char_indices() {
        units += c.len_utf16();
        if units > limit {
            end = at;
            // Inside a word or number: back to where it starts.
            if let Some(p) = previous {
                let k = class(c);
                if matches!(k, Class::Letter | Class::Digit) && class(p) == k {
                    end = folded[..at]
                        .char_indices()
                        .rev()
                        .take_while(|(_, c)| class(*c) == k)
                        .last()
                        .map_or(at, |(i, _)| i);
                }
            }
            break;
        }
        previous = Some(c);
    }
    &folded[..end]
}

/// Whether `canon` is a run of Han characters only.
fn all_han(canon: &str) -> bool {
    canon.chars().all(|c| class(c) == Class::Han)
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

/// Queries with at most this many words, and this many cut places tried in a fallback's
/// segmentation with two cuts.
const MAX_WORDS: usize = 10;
const MAX_CUT_PLACES: usize = 24;

impl<'a> Searcher<'a> {
    /// Opens an index through `read`, which gives a file of the index folder by name (`entry.json`,
    /// …) or `None`; the error names the file that is missing or broken.
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

    /// The words of a query, as the client splits them: at spaces (ASCII and ideographic) and
    /// at punctuation between Han characters; at most ten; each cut to the longest phrase a
    /// chunk holds whole, at a unit boundary; each with its synonyms.
    fn words(&self, query: &str) -> Vec<Word> {
        let chunk = self.meta["chunk"].as_u64().unwrap_or(64) as usize;
        let synonyms: Vec<Vec<String>> =
            serde_json::from_value(self.meta["synonyms"].clone()).unwrap_or_default();
        let mut words: Vec<Word> = Vec::new();
        // A number typed after a space joins a word ending in a letter or a number: `GB/T 9704`
        // and `ISO 9001` are one standard number (and `GB/T 970` its prefix).
        let mut raws: Vec<String> = Vec::new();
        for raw in query
            .split(|c: char| c.is_whitespace() || c == '\u{3000}')
            .filter(|w| !w.is_empty())
        {
            let folded: String = raw.chars().map(|c| self.fold(c)).collect();
            let number = folded.chars().any(|c| class(c) == Class::Digit)
                && folded
                    .chars()
                    .all(|c| matches!(class(c), Class::Digit | Class::Other));
            let joins = raws.last().and_then(|p| {
                p.chars()
                    .rev()
                    .find(|c| class(*c) != Class::Other)
                    .map(|c| matches!(class(c), Class::Letter | Class::Digit))
            });
            match raws.last_mut() {
                Some(previous) if number && joins == Some(true) => {
                    previous.push(' ');
                    previous.push_str(&folded);
                }
                _ => raws.push(folded),
            }
        }
        for folded in raws {
            for piece in pieces(&folded) {
                let canon = canonical(cut(&piece, chunk));
                if canon.is_empty()
                    || words.len() >= MAX_WORDS
                    || words.iter().any(|w| w.canon() == canon)
                {
                    continue;
                }
                let mut forms = vec![canon.clone()];
                if let Some(group) = synonyms.iter().find(|g| g.contains(&canon)) {
                    forms.extend(group.iter().filter(|w| **w != canon).cloned());
                }
                words.push(Word {
                    alts: forms.iter().map(|f| Alt::of(f)).collect(),
                });
            }
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

    fn mask(&self) -> u32 {
        let shards = self.meta["shards"].as_str().unwrap_or("").len() / 8;
        (shards.max(1) - 1) as u32
    }

    /// Loads the shards of `keys` into `maps`.
    fn load<'k>(
        &self,
        maps: &mut HashMap<usize, ShardMap>,
        keys: impl Iterator<Item = &'k String>,
    ) -> Result<(), String> {
        let mask = self.mask();
        for k in keys {
            let s = (key_hash(k) & mask) as usize;
            if let std::collections::hash_map::Entry::Vacant(e) = maps.entry(s) {
                e.insert(self.shard(s)?);
            }
        }
        Ok(())
    }

    fn postings<'m>(
        &self,
        maps: &'m HashMap<usize, ShardMap>,
        key: &str,
    ) -> Option<&'m Vec<(u32, u8, i64)>> {
        maps.get(&((key_hash(key) & self.mask()) as usize))?
            .get(key)
    }

    /// Documents holding every key of `keys`.
    fn holding(&self, maps: &HashMap<usize, ShardMap>, keys: &[String]) -> Holding {
        let mut lists: Vec<&Vec<(u32, u8, i64)>> = Vec::new();
        for k in keys {
            match self.postings(maps, k) {
                Some(list) => lists.push(list),
                None => return HashMap::new(),
            }
        }
        lists.sort_by_key(|l| l.len());
        let mut held: Option<Holding> = None;
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
    }

    /// Documents holding a word's last number or Latin word as typed (泰政发〔2021〕: 2021),
    /// which is matched as a prefix and so not required: without this, every page of 泰政发
    /// ranks alike and the pages of 2021 may all lie past the candidates a page verifies.
    /// Empty when the word has no prefix.
    fn prefix_held(&self, maps: &HashMap<usize, ShardMap>, word: &Word) -> Holding {
        let mut out: Holding = HashMap::new();
        for prefix in word.alts.iter().filter_map(|a| a.prefix.as_ref()) {
            for (d, x) in self.holding(maps, std::slice::from_ref(prefix)) {
                let e = out.entry(d).or_insert(x);
                e.0 = e.0.max(x.0);
            }
        }
        out
    }

    /// Documents holding a word: any of its forms.
    fn holding_word(&self, maps: &HashMap<usize, ShardMap>, word: &Word) -> Holding {
        let mut out: Holding = HashMap::new();
        for alt in &word.alts {
            for (d, (i, t, c)) in self.holding(maps, &alt.keys) {
                let e = out.entry(d).or_insert((i, t, c));
                *e = (
                    e.0.max(i),
                    e.1 || t,
                    if e.2 < 0 || c < 0 { -1 } else { e.2 | c },
                );
            }
        }
        out
    }

    /// Up to `count` results of `query`, verifying at most `max` candidates, as the client;
    /// when the query's words are in no page, the fallback steps in turn.
    pub fn search(
        &self,
        query: &str,
        hant: bool,
        want: &Filters,
        count: usize,
        max: usize,
    ) -> Result<Outcome, String> {
        let mut words = self.words(query);
        let mut maps: HashMap<usize, ShardMap> = HashMap::new();
        // A last number or Latin word is a prefix: never required as a key (`GB/T 970` must
        // find 9704 even where some page has the number 970). Its own key is read all the same:
        // pages holding the number as typed rank first (see `prefix_held`).
        self.load(
            &mut maps,
            words
                .iter()
                .flat_map(|w| &w.alts)
                .flat_map(|a| a.keys.iter().chain(&a.prefix)),
        )?;
        // A single character alone looks up the pages naming it (titles, headings, 文号); with
        // other words it is only checked in their text.
        if words
            .iter()
            .any(|w| w.keyed() && !w.alts.iter().any(|a| a.single))
        {
            for alt in words.iter_mut().flat_map(|w| w.alts.iter_mut()) {
                if alt.single {
                    alt.keys.clear();
                }
            }
        }
        let mut outcome = self.run(&words, hant, want, count, max, &maps, None)?;
        outcome.step = Step::Phrase;
        let settled = outcome.hits.is_empty() && outcome.checked >= outcome.candidates;
        if settled && !outcome.short {
            for (step, words, need) in self.fallbacks(&words, &maps) {
                let mut next = self.run(&words, hant, want, count, max, &maps, need)?;
                if !next.hits.is_empty() {
                    next.step = step;
                    outcome = next;
                    break;
                }
            }
        }
        outcome.fetched = self.fetched.borrow().clone();
        Ok(outcome)
    }

    /// The fallback steps of a query whose words are in no page: its words as the site's text
    /// splits them, all its character pairs, most of them (with how many a page must hold).
    fn fallbacks(
        &self,
        words: &[Word],
        maps: &HashMap<usize, ShardMap>,
    ) -> Vec<(Step, Vec<Word>, Option<usize>)> {
        let mut out = Vec::new();
        if let Some(split) = self.segmented(words, maps) {
            out.push((Step::Words, split, None));
        }
        // Pairs: every Han word of three or more characters becomes its pairs.
        let mut pairs: Vec<Word> = Vec::new();
        let mut split_any = false;
        for w in words {
            let canon = w.canon();
            if all_han(canon) && canon.chars().count() >= 3 {
                split_any = true;
                let chars: Vec<char> = canon.chars().collect();
                for pair in chars.windows(2) {
                    let p: String = pair.iter().collect();
                    if !pairs.iter().any(|x| x.canon() == p) {
                        pairs.push(Word {
                            alts: vec![Alt::of(&p)],
                        });
                    }
                }
            } else if w.keyed() {
                pairs.push(w.clone());
            }
        }
        if split_any {
            out.push((Step::Pairs, pairs.clone(), None));
            let n = pairs.len();
            if n >= 3 {
                out.push((Step::Most, pairs, Some((2 * n).div_ceil(3))));
            }
        }
        out
    }

    /// The query's words with the fewest cuts into Han words of two or more characters such
    /// that some page holds every key of every piece: the site's own text is the dictionary
    /// (地方标准制定 → 地方标准, 制定 where pages say 地方标准……制定). Among equal cuts, the one
    /// most pages hold. `None` when no cut helps.
    fn segmented(&self, words: &[Word], maps: &HashMap<usize, ShardMap>) -> Option<Vec<Word>> {
        // Places: (word, character offset) where a cut leaves two characters or more each side.
        let mut places: Vec<(usize, usize)> = Vec::new();
        for (i, w) in words.iter().enumerate() {
            let n = w.canon().chars().count();
            if w.alts.len() == 1 && all_han(w.canon()) && n >= 4 {
                places.extend((2..=n - 2).map(|at| (i, at)));
            }
        }
        if places.is_empty() {
            return None;
        }
        let mut sets: Vec<Vec<(usize, usize)>> = places.iter().map(|p| vec![*p]).collect();
        let mut twos = Vec::new();
        if places.len() <= MAX_CUT_PLACES {
            for (a, x) in places.iter().enumerate() {
                for y in &places[a + 1..] {
                    // Two cuts in one word leave two characters or more between them.
                    if x.0 != y.0 || y.1 - x.1 >= 2 {
                        twos.push(vec![*x, *y]);
                    }
                }
            }
        }
        for level in [std::mem::take(&mut sets), twos] {
            let mut best: Option<(usize, Vec<Word>)> = None;
            for cuts in level {
                let split = Self::cut_words(words, &cuts);
                let keyed: Vec<&Word> = split.iter().filter(|w| w.keyed()).collect();
                if keyed.is_empty() {
                    continue;
                }
                let mut docs: Option<Holding> = None;
                for w in keyed {
                    let h = self.holding_word(maps, w);
                    docs = Some(match docs {
                        None => h,
                        Some(d) => d.into_iter().filter(|(k, _)| h.contains_key(k)).collect(),
                    });
                }
                let n = docs.map_or(0, |d| d.len());
                if n > 0 && best.as_ref().is_none_or(|b| n > b.0) {
                    best = Some((n, split));
                }
            }
            if let Some((_, split)) = best {
                return Some(split);
            }
        }
        None
    }

    fn cut_words(words: &[Word], cuts: &[(usize, usize)]) -> Vec<Word> {
        let mut out = Vec::new();
        for (i, w) in words.iter().enumerate() {
            let at: Vec<usize> = cuts.iter().filter(|c| c.0 == i).map(|c| c.1).collect();
            if at.is_empty() {
                out.push(w.clone());
                continue;
            }
            let chars: Vec<char> = w.canon().chars().collect();
            let mut from = 0;
            for to in at.into_iter().chain(std::iter::once(chars.len())) {
                let piece: String = chars[from..to].iter().collect();
                out.push(Word {
                    alts: vec![Alt::of(&piece)],
                });
                from = to;
            }
        }
        out
    }

    /// Ranks the candidates of `words` and verifies them as the client does. With `need`, a
    /// document holding that many of the (keyed) words is a candidate, those holding more first.
    #[allow(clippy::too_many_arguments)]
    fn run(
        &self,
        words: &[Word],
        hant: bool,
        want: &Filters,
        count: usize,
        max: usize,
        maps: &HashMap<usize, ShardMap>,
        need: Option<usize>,
    ) -> Result<Outcome, String> {
        let meta = &self.meta;
        let docs = meta["docs"].as_f64().unwrap_or(0.0);
        let keyed: Vec<&Word> = words.iter().filter(|w| w.keyed()).collect();
        let canon_words: Vec<Vec<String>> = words
            .iter()
            .map(|w| w.alts.iter().map(|a| a.canon.clone()).collect())
            .collect();
        if keyed.is_empty() {
            return Ok(Outcome {
                short: !words.is_empty(),
                words: canon_words,
                ..Default::default()
            });
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
        let mut per: Vec<Holding> = keyed.iter().map(|w| self.holding_word(maps, w)).collect();
        per.sort_by_key(|m| m.len());
        let prefixes: Vec<Holding> = keyed
            .iter()
            .map(|w| self.prefix_held(maps, w))
            .filter(|h| !h.is_empty())
            .collect();
        let need = need.unwrap_or(per.len());
        // Every document holding enough of the words (with `need` below all, any of them).
        let mut first: Vec<u32> = if need < per.len() {
            let all: BTreeSet<u32> = per.iter().flat_map(|m| m.keys().copied()).collect();
            all.into_iter().collect()
        } else {
            per[0].keys().copied().collect()
        };
        first.sort_unstable();
        let classes = &meta["classes"];
        let documents = classes[0].as_u64().unwrap_or(0) + classes[1].as_u64().unwrap_or(0);
        let mut items: Vec<Item> = Vec::new();
        for d in first {
            if let Some(f) = &facets {
                if !self.passes(f, want, d as usize) {
                    continue;
                }
            }
            let (mut score, mut title, mut chunks, mut held) = (0f64, true, -1i64, 0);
            for word in &per {
                let Some(&(impact, t, c)) = word.get(&d) else {
                    title = false;
                    continue;
                };
                held += 1;
                let n = word.len() as f64;
                score += (1.0 + (docs - n + 0.5) / (n + 0.5)).ln() * f64::from(impact);
                title &= t;
                if c >= 0 {
                    chunks = if chunks < 0 { c } else { chunks | c };
                }
            }
            if held < need {
                continue;
            }
            // The number as typed counts as a key would (it is not required).
            for prefix in &prefixes {
                if let Some(&(impact, _, _)) = prefix.get(&d) {
                    let n = prefix.len() as f64;
                    score += (1.0 + (docs - n + 0.5) / (n + 0.5)).ln() * f64::from(impact);
                }
            }
            // Data pages (indicators, cities) count half: they quote the documents; and they do
            // not join the documents whose title holds every word.
            if u64::from(d) >= documents {
                score /= 2.0;
                title = false;
            }
            items.push(Item {
                doc: d,
                held,
                score: (score * 100.0).round() as i64,
                title,
                chunks,
            });
        }
        items.sort_by(|a, b| {
            b.held
                .cmp(&a.held)
                .then(b.title.cmp(&a.title))
                .then(b.score.cmp(&a.score))
                .then(a.doc.cmp(&b.doc))
        });
        let exact = !words.iter().any(Word::verify);
        let mut outcome = Outcome {
            candidates: items.len(),
            exact,
            words: canon_words,
            ..Default::default()
        };
        // As the client: batches of candidates verified in order.
        let want_hits = count;
        let (mut next, mut checks) = (0, 0);
        let whole: Vec<&str> = words.iter().map(Word::canon).collect();
        let whole = whole.join(" ");
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
                .map(|item| self.verify(item, words, hant, need < per.len()))
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
            got.sort_by_key(|hit| self.canon(&hit.title) != whole);
            outcome.hits.extend(got);
        }
        Ok(outcome)
    }

    /// The candidate's first fragment when its text holds every word (`any`: some word).
    fn verify(
        &self,
        item: &Item,
        words: &[Word],
        hant: bool,
        any: bool,
    ) -> Result<Option<Hit>, String> {
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
        let mut found: Vec<bool> = words.iter().map(|w| any || !w.verify()).collect();
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
                if !*found
                    && w.alts
                        .iter()
                        .any(|a| find_phrase(&haystack, &a.canon, a.prefix.is_some()))
                {
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
                    attachments: HitAttachment::all(&f),
                }));
            }
        }
        Ok(None)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn punctuation_between_han_characters_splits_a_word() {
        assert_eq!(pieces("质量，强市"), ["质量", "强市"]);
        assert_eq!(pieces("质量-强市"), ["质量", "强市"]);
        assert_eq!(pieces("标准·化"), ["标准", "化"]);
        assert_eq!(pieces("国发〔2015〕13号"), ["国发〔2015〕13号"]);
        assert_eq!(pieces("gb/t 9704"), ["gb/t 9704"]);
        assert_eq!(pieces("《标准化》"), ["《标准化》"]);
    }

    #[test]
    fn long_words_are_cut_where_a_unit_ends() {
        let text = format!("{}2011年", "标".repeat(60));
        assert_eq!(cut(&text, 62), "标".repeat(60));
        assert_eq!(cut(&text, 64), format!("{}2011", "标".repeat(60)));
        assert_eq!(cut("abc", 64), "abc");
        assert_eq!(cut("标准化", 2), "标准");
    }
}
