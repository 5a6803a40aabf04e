//! Full-text search without a server: a Pagefind index of both scripts, built at the end of the
//! build. Pagefind (as a library, with ICU word segmentation for Chinese) writes one index per
//! `<html lang>`, so the zh-Hans search page searches zh-Hans pages and the zh-Hant one
//! zh-Hant pages; since every page exists in both scripts, 标准化 and 標準化 find the same
//! documents.

use pagefind::api::PagefindIndex;
use pagefind::options::PagefindServiceConfig;

use crate::error::Diagnostic;
use crate::output::OutputFile;

/// Where the index and Pagefind's scripts are written, relative to the output.
pub const BUNDLE_DIR: &str = "pagefind";

/// Indexes every HTML page that marks its content with `data-pagefind-body`, and returns the
/// index files. `base_path` is the site's path (`/` or `/bzh/`), so result links work under a
/// sub-path.
pub fn index(files: &[OutputFile], base_path: &str) -> Result<Vec<OutputFile>, Diagnostic> {
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .map_err(|e| {
            Diagnostic::new(BUNDLE_DIR, format!("cannot start the search indexer: {e}"))
        })?;
    runtime.block_on(index_async(files, base_path))
}

async fn index_async(files: &[OutputFile], base_path: &str) -> Result<Vec<OutputFile>, Diagnostic> {
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
    for file in files.iter().filter(|f| f.path.ends_with(".html")) {
        let Ok(html) = std::str::from_utf8(&file.bytes) else {
            continue;
        };
        if !html.contains("data-pagefind-body") {
            continue;
        }
        let url = format!(
            "{base_path}{}",
            file.path.strip_suffix("index.html").unwrap_or(&file.path)
        );
        index
            .add_html_file(None, Some(url), html.to_string())
            .await
            .map_err(|e| {
                Diagnostic::new(
                    &file.path,
                    format!("the page could not be indexed for search: {e}"),
                )
            })?;
    }
    let bundle = index.get_files().await.map_err(failed)?;
    Ok(bundle
        .into_iter()
        .map(|f| {
            let name = f.filename.to_string_lossy().replace('\\', "/");
            // Pagefind names its files relative to the bundle folder.
            let path = format!("{BUNDLE_DIR}/{}", name.trim_start_matches('/'));
            OutputFile {
                path,
                bytes: f.contents,
            }
        })
        .collect())
}
