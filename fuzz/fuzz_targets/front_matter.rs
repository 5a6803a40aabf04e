//! Front matter: any bytes as a page file must give a page or a diagnostic, never a panic.
#![no_main]

use std::path::Path;

use libfuzzer_sys::fuzz_target;
use stdportal::content::frontmatter::{parse_page, parse_section, split};
use stdportal::content::decode_utf8;

fuzz_target!(|bytes: &[u8]| {
    let path = Path::new("content/fuzz.md");
    let Ok(text) = decode_utf8(path, bytes) else { return };
    if let Ok(parts) = split(path, text) {
        let page = parse_page(path, &parts);
        if let Err(d) = page {
            // Every error is placed in the file.
            assert!(d.line.is_none_or(|l| l >= 1 && l <= text.lines().count() + 1));
        }
        let _ = parse_section(path, &parts);
    }
});
