//! Word files: any bytes as a `.docx` go through the reader `build` and `import` use (the
//! container checks, the XML trees, numbering, the 公文 recogniser, the Markdown writer): a
//! document or one problem, never a panic, an abort or memory past the limits. Seeded with the
//! Word files of `tests/fixtures/word` (`fuzz/ci.sh`).
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|bytes: &[u8]| {
    if let Ok(document) = stdportal::docx::read(bytes, "泰政发〔2021〕12号.docx") {
        // Whatever was read is text a page can hold: no Word debris in the Markdown.
        assert!(!document.markdown.contains('\u{0B}'));
    }
});
