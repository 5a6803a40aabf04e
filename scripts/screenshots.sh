#!/usr/bin/env bash
# Screenshots of the home, a city, the dashboard and an indicator page, both scripts, in headless
# Chromium at a phone's width in 大字 mode: a look at what phone and older readers see.
#   bash scripts/screenshots.sh [OUT_DIR] [WIDTH] [MODES]
# OUT_DIR defaults to target/screenshots, WIDTH to 390, MODES to "large-text" (also
# "high-contrast", "large-text high-contrast" or "" for the normal mode). Builds the example
# portal into a temporary directory first; installs Chromium, fonts and playwright-core through
# scripts/browser-test-setup.sh. Writes NAME-SCRIPT-WIDTH-MODES.png (the full page) and
# …-partN.png (one 1200 px screen each, readable at a glance).
set -euo pipefail
cd "$(dirname "$0")/.."
out=${1:-target/screenshots}
width=${2:-390}
modes=${3-large-text}

bash scripts/browser-test-setup.sh
site=$(mktemp -d)
trap 'rm -rf "$site"' EXIT
cargo run --quiet -- build --no-search --output "$site/public"
rm -rf "$out"
node tests/browser/screenshots.mjs "$site/public" "$out" "$width" "$modes"
echo "screenshots: $(find "$out" -name '*.png' | wc -l) PNG files in $out"
