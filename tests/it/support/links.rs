//! Every link of a built site followed, as a browser would: each `href` and `src` of every page
//! leads to a file of the output (under the site's base path), each `#anchor` to an id of its
//! page, and a page's text links to pages of its own script.

use std::collections::BTreeSet;
use std::path::Path;

/// Every `href` and `src` value of a page (entities `&amp;` read), in order.
pub fn addresses(html: &str) -> Vec<String> {
    let mut found = Vec::new();
    for attribute in ["href=\"", "src=\""] {
        for rest in html.split(attribute).skip(1) {
            if let Some(value) = rest.split('"').next() {
                found.push(value.replace("&amp;", "&"));
            }
        }
    }
    found
}

/// Every `href` of a page that starts with `/`, without it (the link walker of a site at `/`).
pub fn root_links(html: &str) -> Vec<String> {
    html.split("href=\"/")
        .skip(1)
        .filter_map(|rest| rest.split('"').next())
        .map(str::to_string)
        .collect()
}

/// `text` with its percent escapes read (as a server maps an address to a file).
pub fn percent_decode(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' && i + 2 < bytes.len() {
            if let Ok(byte) = u8::from_str_radix(&text[i + 1..i + 3], 16) {
                out.push(byte);
                i += 3;
                continue;
            }
        }
        out.push(bytes[i]);
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// The ids of a page.
fn ids(html: &str) -> BTreeSet<String> {
    html.split(" id=\"")
        .skip(1)
        .filter_map(|rest| rest.split('"').next())
        .map(|id| id.replace("&amp;", "&"))
        .collect()
}

/// Where a page's link leads in the output, or `None` when it leaves the site.
fn target(page: &str, address: &str, base_path: &str) -> Option<(String, Option<String>)> {
    let lower = address.to_ascii_lowercase();
    if ["http:", "https:", "mailto:", "tel:", "data:", "//"]
        .iter()
        .any(|p| lower.starts_with(p))
    {
        return None;
    }
    let (path, fragment) = match address.split_once('#') {
        Some((p, f)) => (p, Some(percent_decode(f))),
        None => (address, None),
    };
    let path = path.split('?').next().unwrap_or_default();
    let path = percent_decode(path);
    let joined = if path.is_empty() {
        page.to_string()
    } else if let Some(rest) = path.strip_prefix('/') {
        let rest = format!("/{rest}");
        let inside = rest
            .strip_prefix(base_path)
            .unwrap_or_else(|| panic!("{page}: {address} is outside the base path {base_path}"));
        inside.to_string()
    } else {
        let mut parts: Vec<&str> = page.split('/').collect();
        parts.pop();
        for segment in path.split('/') {
            match segment {
                "" | "." => {}
                ".." => {
                    assert!(parts.pop().is_some(), "{page}: {address} climbs out");
                }
                s => parts.push(s),
            }
        }
        let mut joined = parts.join("/");
        if path.ends_with('/') {
            joined.push('/');
        }
        joined
    };
    Some((joined, fragment))
}

/// Follows every link of every page in `public` (a site published under `base_path`): each
/// leads to a file, each anchor to an id of its page, and the links in a page's text
/// (`<div class="prose">`) to pages stay in the page's script (`zh-hant/` for its folder).
/// Addresses in `exempt` may lead to the other script's pages on purpose. Returns how many
/// links it followed.
pub fn every_link_resolves(
    public: &Path,
    base_path: &str,
    other_script: &str,
    exempt: &[&str],
) -> usize {
    let mut pages = Vec::new();
    let mut stack = vec![public.to_path_buf()];
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(&dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                stack.push(path);
            } else if path.extension().is_some_and(|e| e == "html") {
                pages.push(path);
            }
        }
    }
    let mut followed = 0;
    for file in &pages {
        let page = file
            .strip_prefix(public)
            .unwrap()
            .to_string_lossy()
            .replace('\\', "/");
        let html = std::fs::read_to_string(file).unwrap();
        for address in addresses(&html) {
            let Some((path, fragment)) = target(&page, &address, base_path) else {
                continue;
            };
            followed += 1;
            let file = if path.is_empty() || path.ends_with('/') {
                format!("{path}index.html")
            } else if public.join(&path).is_dir() {
                format!("{path}/index.html")
            } else {
                path.clone()
            };
            let target = public.join(&file);
            assert!(
                target.is_file(),
                "{page} links to {address} ({file}), which is not there"
            );
            if let Some(anchor) = fragment.filter(|f| !f.is_empty()) {
                let html = std::fs::read_to_string(&target).unwrap();
                assert!(
                    ids(&html).contains(&anchor),
                    "{page} links to {address}, whose page has no id {anchor}"
                );
            }
        }
        if let Some(start) = html.find("<div class=\"prose\">") {
            let prose = &html[start..];
            let prose = &prose[..prose.find("</article>").unwrap_or(prose.len())];
            let own = page.starts_with(other_script);
            for address in addresses(prose) {
                let Some((path, _)) = target(&page, &address, base_path) else {
                    continue;
                };
                let is_page = path.is_empty() || path.ends_with('/') || path.ends_with(".html");
                if is_page && !exempt.contains(&address.as_str()) {
                    assert_eq!(
                        path.starts_with(other_script),
                        own,
                        "{page}'s text links to {address}, a page of the other script"
                    );
                }
            }
        }
    }
    followed
}
