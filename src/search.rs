//! Full-text search without a server: a Pagefind index of both scripts, built at the end of the
//! build. Pagefind (as a library, with ICU word segmentation for Chinese) writes one index per
//! `<html lang>`, so the zh-Hans search page searches zh-Hans pages and the zh-Hant one
//! zh-Hant pages; since every page exists in both scripts, 标准化 and 標準化 find the same
//! documents.
//!
//! Each script is indexed by its own Pagefind instance, concurrently: Pagefind indexes one page
//! at a time, so two instances halve the wall time on a multi-core machine. Their bundles differ
//! only in the per-language files and the entry file, which lists the languages and is merged.

use std::collections::BTreeMap;

use pagefind::api::PagefindIndex;
use pagefind::options::PagefindServiceConfig;

use crate::error::Diagnostic;
use crate::output::OutputFile;

/// Where the index and Pagefind's scripts are written, relative to the output.
pub const BUNDLE_DIR: &str = "pagefind";
const ENTRY_FILE: &str = "pagefind-entry.json";

/// What the index needs of one page: its marked content, cut to size, and its group.
#[derive(Debug, Clone)]
pub struct SearchPage {
    /// One group per script: each is indexed on its own.
    pub group: usize,
    /// Output path of the page.
    pub path: String,
    /// A small HTML document with the page's language and its `<main>`.
    pub html: String,
}

impl SearchPage {
    /// The searchable part of a rendered page, or `None` for pages not marked
    /// `data-pagefind-body` (lists, search, 404).
    pub fn of(group: usize, path: &str, html: &str) -> Option<SearchPage> {
        html.contains("data-pagefind-body").then(|| SearchPage {
            group,
            path: path.to_string(),
            html: searchable_part(html),
        })
    }
}

/// Indexes `pages`, one Pagefind index per group, and returns the index files. `base_path` is
/// the site's path (`/` or `/bzh/`), so result links work under a sub-path.
pub fn index(pages: Vec<SearchPage>, base_path: &str) -> Result<Vec<OutputFile>, Diagnostic> {
    let mut groups: BTreeMap<usize, Vec<(String, String)>> = BTreeMap::new();
    for page in pages {
        groups
            .entry(page.group)
            .or_default()
            .push((page.path, page.html));
    }
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .map_err(|e| {
            Diagnostic::new(BUNDLE_DIR, format!("cannot start the search indexer: {e}"))
        })?;
    let bundles = runtime.block_on(async {
        // Spawned, not just joined: each index then builds on its own worker thread.
        let tasks: Vec<_> = groups
            .into_values()
            .map(|pages| tokio::spawn(index_group(pages, base_path.to_string())))
            .collect();
        let mut bundles = Vec::new();
        for task in tasks {
            bundles.push(task.await.unwrap_or_else(|e| {
                Err(Diagnostic::new(
                    BUNDLE_DIR,
                    format!("the search indexer stopped: {e}"),
                ))
            }));
        }
        bundles
    });
    let mut merged: BTreeMap<String, Vec<u8>> = BTreeMap::new();
    let mut languages = serde_json::Map::new();
    let mut entry: Option<serde_json::Value> = None;
    for bundle in bundles {
        for file in bundle? {
            if file.path.ends_with(ENTRY_FILE) {
                let value: serde_json::Value =
                    serde_json::from_slice(&file.bytes).map_err(|e| {
                        Diagnostic::new(
                            BUNDLE_DIR,
                            format!("Pagefind wrote an unreadable entry file: {e}"),
                        )
                    })?;
                if let Some(langs) = value.get("languages").and_then(|l| l.as_object()) {
                    languages.extend(langs.clone());
                }
                entry.get_or_insert(value);
            } else {
                merged.insert(file.path, file.bytes);
            }
        }
    }
    if let Some(mut entry) = entry {
        entry["languages"] = serde_json::Value::Object(languages);
        let bytes = serde_json::to_vec(&entry).expect("a JSON value always serializes");
        merged.insert(format!("{BUNDLE_DIR}/{ENTRY_FILE}"), bytes);
    }
    Ok(merged
        .into_iter()
        .map(|(path, bytes)| OutputFile { path, bytes })
        .collect())
}

/// Pagefind's indexing time grows faster than the page (a 2 MB page takes 1.5 s, a 20 MB one
/// minutes), so very long pages are indexed by their first part only.
pub const MAX_INDEXED_BYTES: usize = 512 * 1024;

fn searchable_part(html: &str) -> String {
    // Pagefind needs the language and the marked content only; giving it just that halves
    // the bytes it parses (no header, navigation or footer).
    let lang = html
        .split_once("<html lang=\"")
        .and_then(|(_, rest)| rest.split_once('"'))
        .map_or("zh-Hans", |(lang, _)| lang);
    let main = html
        .find("<main")
        .and_then(|start| {
            html.rfind("</main>")
                .map(|end| &html[start..end + "</main>".len()])
        })
        .unwrap_or(html);
    let mut cut = main.len().min(MAX_INDEXED_BYTES);
    while !main.is_char_boundary(cut) {
        cut -= 1;
    }
    // Cut inside text, or before a tag that would be left half-written; the parser closes
    // the elements still open.
    let head = &main[..cut];
    let cut = match (head.rfind('<'), head.rfind('>')) {
        (Some(lt), Some(gt)) if lt > gt => lt,
        (Some(lt), None) => lt,
        _ => cut,
    };
    format!(
        "<html lang=\"{lang}\"><head><meta charset=\"utf-8\"></head><body>{}</body></html>",
        &main[..cut]
    )
}

async fn index_group(
    pages: Vec<(String, String)>,
    base_path: String,
) -> Result<Vec<OutputFile>, Diagnostic> {
    let failed = |e: anyhow::Error| {
        Diagnostic::new(
            BUNDLE_DIR,
            format!("the search index could not be built: {e}"),
        )
    };
    let config = PagefindServiceConfig::builder()
        .keep_index_url(false)
        .build();
    let mut index = PagefindIndex::new(Some(config)).map_err(failed)?;
    for (path, html) in pages {
        let url = format!(
            "{base_path}{}",
            path.strip_suffix("index.html").unwrap_or(&path)
        );
        index
            .add_html_file(None, Some(url), html)
            .await
            .map_err(|e| {
                Diagnostic::new(
                    &path,
                    format!("the page could not be indexed for search: {e}"),
                )
            })?;
    }
    let bundle = index.get_files().await.map_err(failed)?;
    Ok(bundle
        .into_iter()
        .map(|f| {
            // Pagefind names its files relative to the bundle folder.
            let name = f.filename.to_string_lossy().replace('\\', "/");
            OutputFile {
                path: format!("{BUNDLE_DIR}/{}", name.trim_start_matches('/')),
                bytes: f.contents,
            }
        })
        .collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pages_are_reduced_to_their_content_and_cut_when_long() {
        let page = "<html lang=\"zh-Hant\"><head><title>t</title></head><body><nav>菜單</nav><main data-pagefind-body><h1>標題</h1></main><footer>x</footer></body></html>";
        assert_eq!(
            searchable_part(page),
            "<html lang=\"zh-Hant\"><head><meta charset=\"utf-8\"></head><body><main data-pagefind-body><h1>標題</h1></main></body></html>"
        );
        let long = format!("<html lang=\"zh-Hans\"><body><main data-pagefind-body><p>{}</p><p>尾</p></main></body></html>", "标".repeat(MAX_INDEXED_BYTES));
        let part = searchable_part(&long);
        assert!(part.len() <= MAX_INDEXED_BYTES + 100);
        assert!(part.contains("<main data-pagefind-body><p>标标"));
        assert!(!part.contains("尾"));
    }
}
