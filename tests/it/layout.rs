//! The layout test in headless Chromium (tests/browser/layout.mjs): the example portal, one page
//! of every template in both scripts, at 320, 390 and 1280 px, normal and 大字 mode: no page
//! scrolls sideways, no number wraps inside itself in a table, chart labels are at least 12 px
//! on a desktop, at least 0.8 × the body text at every width (the phone layout of each chart
//! below 400 px, exactly one of its two layouts shown) and grow in 大字 mode, and each status
//! has one colour and one shape everywhere.
//! Then every page loaded afresh at 320×568 in 大字 mode: its h1 within the first 40 % of the
//! screen, no layout shift while it loads, and a full-page screenshot of it in
//! `target/screenshots/` (or `$STDPORTAL_SCREENSHOTS`), the folder CI keeps as an artifact.
//!
//! It needs Chromium, Node.js, the Noto CJK fonts and `tests/browser/node_modules`
//! (`bash scripts/browser-test-setup.sh`). Without them it fails when
//! `STDPORTAL_REQUIRE_BROWSER` is set (`.ci/run` sets it), and otherwise says it is skipped.

use std::process::Command;

use crate::support::{assert_success, browser, repo, stdportal_binary, Browser};

#[test]
#[ignore = "needs Chromium and Node.js (bash scripts/test-setup.sh); CI runs it"]
fn every_template_lays_out_at_phone_and_desktop_widths_in_both_modes() {
    let Some(Browser {
        chromium,
        scripts: browser_dir,
    }) = browser(
        "layout::every_template_lays_out_at_phone_and_desktop_widths_in_both_modes",
        &[],
        true,
    )
    else {
        return;
    };

    let out = tempfile::tempdir().unwrap();
    let site = out.path().join("public");
    let built = Command::new(stdportal_binary())
        .args(["build", "--no-search", "--root"])
        .arg(repo())
        .arg("--output")
        .arg(&site)
        .output()
        .unwrap();
    assert_success(&built);
    let shots = std::env::var_os("STDPORTAL_SCREENSHOTS")
        .map(std::path::PathBuf::from)
        .unwrap_or_else(|| repo().join("target/screenshots"));
    let run = Command::new("node")
        .arg(browser_dir.join("layout.mjs"))
        .arg(&site)
        .arg(&shots)
        .env("CHROMIUM", &chromium)
        .output()
        .expect("node runs");
    let stdout = String::from_utf8_lossy(&run.stdout);
    // The counts, past the harness's capture, so CI logs show what was checked.
    use std::io::Write;
    let _ = writeln!(std::io::stderr(), "{}", stdout.lines().next().unwrap_or(""));
    assert!(
        run.status.success(),
        "the layout test failed ({}):\n{stdout}\n{}",
        run.status,
        String::from_utf8_lossy(&run.stderr)
    );
    assert!(stdout.contains(" 0 failures"), "{stdout}");
}
