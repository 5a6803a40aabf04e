#!/usr/bin/env bash
# Installs everything the whole test suite needs beyond the Rust toolchain, so that no test is
# skipped: the browser tests' Chromium, Node.js, fonts and Node modules, and the site audit's
# Java, xmllint and zhon (scripts/browser-test-setup.sh; scripts/site-audit.sh and
# tests/it/site_audit.rs use them), and strace for the power-cut tests (tests/it/power_cut.rs).
# Safe to run again: it installs only what is missing. `.ci/run` runs it.
set -euo pipefail
cd "$(dirname "$0")/.."

as_root() {
  if [ "$(id -u)" = 0 ]; then "$@"; elif command -v sudo >/dev/null; then sudo "$@"; else
    echo "test-setup: need root (or sudo) to run: $*" >&2; return 1; fi
}

bash scripts/browser-test-setup.sh
if ! command -v strace >/dev/null; then
  echo "test-setup: installing strace"
  as_root apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq strace
fi
