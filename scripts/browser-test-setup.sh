#!/usr/bin/env bash
# Installs what the browser tests need (tests/it/serve.rs: browser_sees_live_reload; tests/it/layout.rs:
# the layout test; scripts/screenshots.sh): Debian's Chromium, Node.js, the Noto CJK fonts (without
# them Chinese text is measured and drawn with fallback boxes), and playwright-core from
# tests/browser/package-lock.json.
# Safe to run again: it installs only what is missing or out of date.
set -euo pipefail
cd "$(dirname "$0")/.."

CHROMIUM=${CHROMIUM:-/usr/bin/chromium}
as_root() {
  if [ "$(id -u)" = 0 ]; then "$@"; elif command -v sudo >/dev/null; then sudo "$@"; else
    echo "browser-test-setup: need root (or sudo) to run: $*" >&2; return 1; fi
}
apt_updated=
apt_install() {
  if [ -z "$apt_updated" ]; then as_root apt-get update -qq; apt_updated=1; fi
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@"
}

if [ ! -x "$CHROMIUM" ]; then
  echo "browser-test-setup: installing chromium"
  apt_install chromium
fi
if ! fc-list 2>/dev/null | grep -qi "Noto Sans CJK"; then
  echo "browser-test-setup: installing fonts-noto-cjk"
  apt_install fonts-noto-cjk
fi
if ! command -v node >/dev/null || ! command -v npm >/dev/null; then
  echo "browser-test-setup: installing nodejs and npm"
  apt_install nodejs npm
fi

# playwright-core only drives the browser: it downloads no browser of its own. axe-core checks
# the search results page for WCAG 2.1 AA.
want=$(node -p 'const l = require("./tests/browser/package-lock.json").packages; ["playwright-core", "axe-core"].map(p => l["node_modules/" + p].version).join(" ")')
have=$(node -p 'try { ["playwright-core", "axe-core"].map(p => require("./tests/browser/node_modules/" + p + "/package.json").version).join(" ") } catch { "" }')
if [ "$want" != "$have" ]; then
  echo "browser-test-setup: installing playwright-core and axe-core ($want)"
  npm ci --prefix tests/browser --no-audit --no-fund --loglevel=error
fi
echo "browser-test-setup: $("$CHROMIUM" --version 2>/dev/null || echo "chromium ?"), node $(node --version), playwright-core and axe-core $want"
