#!/usr/bin/env bash
# stdportal's site audit of a built site, offline:
#   bash scripts/site-audit.sh DIR        (e.g. public, after `cargo run --release -- build`)
# The Nu HTML checker on pages, CSS and SVG; links and anchors; the sitemap against the
# sitemaps.org schema; the Atom feeds; no Traditional-only character under zh-Hans and no
# Simplified-only one under zh-Hant; axe-core WCAG 2.1 AA in headless Chromium on every page in
# each display mode (大字, 高对比, both). Each failure is named once per file or page; the last
# line is "N passed, N failed". Exit 0 if nothing failed, 1 if a check failed, 2 if the audit
# could not run. What each check does and its settings: tests/browser/site-audit.mjs.
# `bash scripts/test-setup.sh` installs the tools (Java, xmllint, Chromium, Node.js modules, zhon).
set -uo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd -P)
if ! command -v node >/dev/null; then
  echo "site-audit: no node; run \`bash scripts/test-setup.sh\` (it installs what the audit needs)" >&2
  echo "0 passed, 1 failed"
  exit 2
fi
exec node "$here/tests/browser/site-audit.mjs" "$@"
