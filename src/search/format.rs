//! The index's file formats, written here and read by `search.js` (and by [`decode_shard`] in
//! the tests and the benchmark). Numbers are LEB128 varints; every `.bin` file is gzip, which
//! the client opens with the browser's `DecompressionStream`.
//!
//! A **shard** holds the postings of the keys whose [`key_hash`] falls in it:
//!
//! ```text
//! varint keys
//! per key, sorted by key text:
//!   varint key length, key (UTF-8)
//!   varint postings, varint byte length of the postings
//!   per posting: varint document id delta (the first is the id), byte value,
//!                varint chunk bitmap if the value's top bit is set
//! ```
//!
//! A value byte is `impact | title << 5 | heading << 6 | chunked << 7`: the impact (1–31) is
//! the key's BM25 weight in the document, quantised; title and heading say where the key
//! occurs; chunked says which parts of a long document hold it.

/// Appends `value` as a LEB128 varint.
pub fn put_varint(out: &mut Vec<u8>, mut value: u64) {
    loop {
        let byte = (value & 0x7F) as u8;
        value >>= 7;
        if value == 0 {
            out.push(byte);
            return;
        }
        out.push(byte | 0x80);
    }
}

/// Reads a varint at `*at`, moving past it.
pub fn get_varint(bytes: &[u8], at: &mut usize) -> Option<u64> {
    let mut value = 0u64;
    let mut shift = 0;
    loop {
        let byte = *bytes.get(*at)?;
        *at += 1;
        if shift > 63 {
            return None;
        }
        value |= u64::from(byte & 0x7F) << shift;
        if byte & 0x80 == 0 {
            return Some(value);
        }
        shift += 7;
    }
}

pub(crate) fn zigzag(v: i64) -> u64 {
    ((v << 1) ^ (v >> 63)) as u64
}

pub(crate) fn unzigzag(v: u64) -> i64 {
    (v >> 1) as i64 ^ -((v & 1) as i64)
}

/// gzip with a fixed header (no time, no name), so equal input gives equal bytes. Level 3:
/// on this index's files within 2–9% of level 6's size at four times its speed. Each thread
/// keeps its compressor (setting one up costs more than compressing a fragment).
pub fn gzip(bytes: &[u8]) -> Vec<u8> {
    thread_local! {
        static COMPRESS: std::cell::RefCell<flate2::Compress> =
            std::cell::RefCell::new(flate2::Compress::new(flate2::Compression::new(3), false));
    }
    COMPRESS.with(|c| gzip_with(&mut c.borrow_mut(), bytes))
}

/// [`gzip`] at level 2 (greedy matching, no lazy matches), for the fragments: every page's
/// text is compressed in both scripts while the site renders, which made compressing them
/// the largest part of what search adds to a build. A fragment is about a kilobyte, so the
/// few percent it grows cost a query little (measured: bench-results/search-2026-12-07.md).
pub fn gzip_fast(bytes: &[u8]) -> Vec<u8> {
    thread_local! {
        static COMPRESS: std::cell::RefCell<flate2::Compress> =
            std::cell::RefCell::new(flate2::Compress::new(flate2::Compression::new(2), false));
    }
    COMPRESS.with(|c| gzip_with(&mut c.borrow_mut(), bytes))
}

/// `value` as JSON, compressed with [`gzip_fast`]: written into a buffer kept per thread, so
/// that no fragment's JSON grows a new vector doubling by doubling.
pub fn gzip_fast_json(value: &impl serde::Serialize) -> Vec<u8> {
    thread_local! {
        static JSON: std::cell::RefCell<Vec<u8>> = const { std::cell::RefCell::new(Vec::new()) };
    }
    JSON.with(|json| {
        let mut json = json.borrow_mut();
        json.clear();
        serde_json::to_writer(&mut *json, value).expect("fragments serialize");
        gzip_fast(&json)
    })
}

/// `bytes` as one raw deflate stream appended to `out`, by `c` reset first (so a compressor
/// can be kept and used again; `examples/fragment_gzip.rs` times exactly this).
pub fn deflate_into(c: &mut flate2::Compress, bytes: &[u8], out: &mut Vec<u8>) {
    c.reset();
    loop {
        out.reserve(bytes.len() / 2 + 64);
        let read = c.total_in() as usize;
        let status = c
            .compress_vec(&bytes[read..], out, flate2::FlushCompress::Finish)
            .expect("compressing in memory");
        if status == flate2::Status::StreamEnd {
            return;
        }
    }
}

/// Compresses into a buffer kept per thread, then copies out exactly the bytes made: a build
/// holds every fragment until the index is written, and a vector grown while compressing kept
/// about twice the room it needed (25 MB of the peak at 10k pages).
fn gzip_with(c: &mut flate2::Compress, bytes: &[u8]) -> Vec<u8> {
    thread_local! {
        static SCRATCH: std::cell::RefCell<Vec<u8>> = const { std::cell::RefCell::new(Vec::new()) };
    }
    SCRATCH.with(|scratch| {
        let mut out = scratch.borrow_mut();
        out.clear();
        // Header: deflate, no flags, no time, no extra flags, unknown system.
        out.extend_from_slice(&[0x1F, 0x8B, 8, 0, 0, 0, 0, 0, 0, 255]);
        deflate_into(c, bytes, &mut out);
        let mut crc = flate2::Crc::new();
        crc.update(bytes);
        out.extend_from_slice(&crc.sum().to_le_bytes());
        out.extend_from_slice(&(bytes.len() as u32).to_le_bytes());
        out.to_vec()
    })
}

pub(crate) fn gunzip(bytes: &[u8]) -> std::io::Result<Vec<u8>> {
    let mut out = Vec::new();
    std::io::Read::read_to_end(&mut flate2::read::GzDecoder::new(bytes), &mut out)?;
    Ok(out)
}

/// FNV-1a (32 bits) with a final mix: which shard a key is in (the client computes the same).
pub fn key_hash(key: &str) -> u32 {
    key_hash_bytes(key.as_bytes())
}

/// [`key_hash`] of a key's UTF-8.
pub fn key_hash_bytes(key: &[u8]) -> u32 {
    let mut h: u32 = 0x811C_9DC5;
    for &b in key {
        h ^= u32::from(b);
        h = h.wrapping_mul(0x0100_0193);
    }
    // murmur3's finaliser: the low bits pick the shard.
    h ^= h >> 16;
    h = h.wrapping_mul(0x85EB_CA6B);
    h ^= h >> 13;
    h = h.wrapping_mul(0xC2B2_AE35);
    h ^ (h >> 16)
}

/// The name part that changes with a file's contents (8 hex digits of FNV-1a 64).
pub fn content_hash(bytes: &[u8]) -> String {
    let mut h: u64 = 0xCBF2_9CE4_8422_2325;
    for &b in bytes {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0000_0100_0000_01B3);
    }
    format!("{:08x}", (h ^ (h >> 32)) as u32)
}

/// One posting: a document, its value byte and, for long documents, which chunks hold the key.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Posting {
    pub(crate) doc: u32,
    pub(crate) value: u8,
    pub(crate) chunks: u32,
}

pub(crate) const CHUNKED: u8 = 0x80;
pub(crate) const IN_TITLE: u8 = 0x20;
pub(crate) const IN_HEADING: u8 = 0x40;
pub(crate) const IMPACT: u8 = 0x1F;

/// Encodes one shard (keys sorted by their text, postings by document).
pub fn encode_shard<'a>(keys: impl IntoIterator<Item = (&'a str, &'a [Posting])>) -> Vec<u8> {
    let keys: Vec<(&str, &[Posting])> = keys.into_iter().collect();
    let mut out = Vec::new();
    put_varint(&mut out, keys.len() as u64);
    let mut block = Vec::new();
    for (key, postings) in keys {
        put_varint(&mut out, key.len() as u64);
        out.extend_from_slice(key.as_bytes());
        put_varint(&mut out, postings.len() as u64);
        block.clear();
        let mut last = 0u32;
        for (i, p) in postings.iter().enumerate() {
            put_varint(
                &mut block,
                u64::from(if i == 0 { p.doc } else { p.doc - last }),
            );
            last = p.doc;
            block.push(p.value);
            if p.value & CHUNKED != 0 {
                put_varint(&mut block, u64::from(p.chunks));
            }
        }
        put_varint(&mut out, block.len() as u64);
        out.extend_from_slice(&block);
    }
    out
}

/// Reads a shard back (uncompressed).
pub fn decode_shard(bytes: &[u8]) -> Option<Vec<(String, Vec<Posting>)>> {
    let mut at = 0;
    let keys = get_varint(bytes, &mut at)?;
    let mut out = Vec::new();
    for _ in 0..keys {
        let len = get_varint(bytes, &mut at)? as usize;
        let key = std::str::from_utf8(bytes.get(at..at + len)?)
            .ok()?
            .to_string();
        at += len;
        let count = get_varint(bytes, &mut at)?;
        let size = get_varint(bytes, &mut at)? as usize;
        let end = at + size;
        let mut postings = Vec::new();
        let mut doc = 0u32;
        for i in 0..count {
            let delta = get_varint(bytes, &mut at)? as u32;
            doc = if i == 0 { delta } else { doc + delta };
            let value = *bytes.get(at)?;
            at += 1;
            let chunks = if value & CHUNKED != 0 {
                get_varint(bytes, &mut at)? as u32
            } else {
                0
            };
            postings.push(Posting { doc, value, chunks });
        }
        if at != end {
            return None;
        }
        out.push((key, postings));
    }
    (at == bytes.len()).then_some(out)
}

/// The fold table for the client: varint pairs, each `from` as the difference from the one
/// before and `to` as a zigzag difference from `from`.
pub fn encode_chars(pairs: &[(char, char)]) -> Vec<u8> {
    let mut out = Vec::new();
    put_varint(&mut out, pairs.len() as u64);
    let mut last = 0u32;
    for &(from, to) in pairs {
        put_varint(&mut out, u64::from(from as u32 - last));
        last = from as u32;
        put_varint(
            &mut out,
            zigzag(i64::from(to as u32) - i64::from(from as u32)),
        );
    }
    out
}

pub(crate) fn decode_chars(bytes: &[u8]) -> Option<Vec<(char, char)>> {
    let mut at = 0;
    let count = get_varint(bytes, &mut at)?;
    let mut last = 0u32;
    let mut out = Vec::new();
    for _ in 0..count {
        last += get_varint(bytes, &mut at)? as u32;
        let to = i64::from(last) + unzigzag(get_varint(bytes, &mut at)?);
        out.push((
            char::from_u32(last)?,
            char::from_u32(u32::try_from(to).ok()?)?,
        ));
    }
    (at == bytes.len()).then_some(out)
}

/// What the filters need of each document, by id.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct FacetColumns {
    /// Kind code (see `Kind`).
    pub kinds: Vec<u8>,
    /// 0: none; else 1 + the validity code.
    pub validity: Vec<u8>,
    /// 0: none; else 1 + the city's index in the meta file.
    pub cities: Vec<u32>,
    /// 0: none; else the year.
    pub years: Vec<u32>,
    /// Topic indexes in the meta file.
    pub topics: Vec<Vec<u32>>,
}

/// The facets file: column after column, so that runs compress.
///
/// ```text
/// varint documents
/// kinds: one byte each; validity: one byte each
/// cities: varint each; years: varint each (0: none)
/// topics: per document a varint count and the topic indexes
/// ```
pub fn encode_facets(f: &FacetColumns) -> Vec<u8> {
    let mut out = Vec::new();
    put_varint(&mut out, f.kinds.len() as u64);
    out.extend_from_slice(&f.kinds);
    out.extend_from_slice(&f.validity);
    for &c in &f.cities {
        put_varint(&mut out, u64::from(c));
    }
    for &y in &f.years {
        put_varint(&mut out, u64::from(y));
    }
    for topics in &f.topics {
        put_varint(&mut out, topics.len() as u64);
        for &t in topics {
            put_varint(&mut out, u64::from(t));
        }
    }
    out
}

pub(crate) fn decode_facets(bytes: &[u8]) -> Option<FacetColumns> {
    let mut at = 0;
    let n = get_varint(bytes, &mut at)? as usize;
    let mut f = FacetColumns {
        kinds: bytes.get(at..at + n)?.to_vec(),
        validity: bytes.get(at + n..at + 2 * n)?.to_vec(),
        ..Default::default()
    };
    at += 2 * n;
    for _ in 0..n {
        f.cities.push(get_varint(bytes, &mut at)? as u32);
    }
    for _ in 0..n {
        f.years.push(get_varint(bytes, &mut at)? as u32);
    }
    for _ in 0..n {
        let count = get_varint(bytes, &mut at)?;
        let mut topics = Vec::new();
        for _ in 0..count {
            topics.push(get_varint(bytes, &mut at)? as u32);
        }
        f.topics.push(topics);
    }
    (at == bytes.len()).then_some(f)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn posting() -> impl Strategy<Value = (u32, u8, u32)> {
        (0u32..5000, any::<u8>(), any::<u32>())
    }

    proptest! {
        #[test]
        fn varints_round_trip(values in proptest::collection::vec(any::<u64>(), 0..50)) {
            let mut out = Vec::new();
            for &v in &values {
                put_varint(&mut out, v);
            }
            let mut at = 0;
            for &v in &values {
                prop_assert_eq!(get_varint(&out, &mut at), Some(v));
            }
            prop_assert_eq!(at, out.len());
        }

        #[test]
        fn shards_round_trip(
            keys in proptest::collection::btree_map(
                "[a-z0-9标准化質量]{1,6}",
                proptest::collection::vec(posting(), 1..40),
                0..20,
            )
        ) {
            let keys: Vec<(String, Vec<Posting>)> = keys
                .into_iter()
                .map(|(k, ps)| {
                    let mut docs: Vec<(u32, u8, u32)> = ps;
                    docs.sort_by_key(|p| p.0);
                    docs.dedup_by_key(|p| p.0);
                    let ps = docs
                        .into_iter()
                        .map(|(doc, value, chunks)| Posting {
                            doc,
                            value,
                            chunks: if value & CHUNKED != 0 { chunks } else { 0 },
                        })
                        .collect();
                    (k, ps)
                })
                .collect();
            let bytes = encode_shard(keys.iter().map(|(k, p)| (k.as_str(), p.as_slice())));
            prop_assert_eq!(decode_shard(&bytes), Some(keys.clone()));
            prop_assert_eq!(decode_shard(&gunzip(&gzip(&bytes)).unwrap()), Some(keys));
        }

        #[test]
        fn fold_tables_round_trip(
            pairs in proptest::collection::btree_map(any::<char>(), any::<char>(), 0..100)
        ) {
            let pairs: Vec<(char, char)> = pairs.into_iter().collect();
            prop_assert_eq!(decode_chars(&encode_chars(&pairs)), Some(pairs));
        }

        #[test]
        fn facets_round_trip(
            docs in proptest::collection::vec(
                (0u8..6, 0u8..5, 0u32..300, prop_oneof![Just(0u32), 1900u32..2200],
                 proptest::collection::vec(0u32..50, 0..4)),
                0..60,
            )
        ) {
            let mut f = FacetColumns::default();
            for (k, v, c, y, t) in docs {
                f.kinds.push(k);
                f.validity.push(v);
                f.cities.push(c);
                f.years.push(y);
                f.topics.push(t);
            }
            prop_assert_eq!(decode_facets(&encode_facets(&f)), Some(f));
        }
    }

    #[test]
    fn gzip_is_deterministic_and_hashes_are_stable() {
        assert_eq!(gzip(b"abc"), gzip(b"abc"));
        let text = "标准化工作".repeat(200);
        assert_eq!(gzip_fast(text.as_bytes()), gzip_fast(text.as_bytes()));
        assert_eq!(
            gunzip(&gzip_fast(text.as_bytes())).unwrap(),
            text.as_bytes()
        );
        assert_eq!(content_hash(b"abc"), content_hash(b"abc"));
        assert_ne!(content_hash(b"abc"), content_hash(b"abd"));
    }

    /// The index's bytes are part of the build's output, which must not change by accident: a
    /// different deflate backend or level gives other bytes for the same text.
    #[test]
    fn gzip_output_is_pinned() {
        let text: String = (0..200)
            .map(|n| {
                format!(
                    "第{n}条 标准化工作{}项，泰政发〔20{}〕{n}号。",
                    n * 7 % 13,
                    n % 30
                )
            })
            .collect();
        assert_eq!(content_hash(&gzip_fast(text.as_bytes())), "4d917f9f");
        assert_eq!(content_hash(&gzip(text.as_bytes())), "b8713849");
    }
}
