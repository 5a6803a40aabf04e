#!/usr/bin/env bash
# Installs what the browser tests need (tests/it/serve.rs: browser_sees_live_reload; tests/it/layout.rs:
# the layout test; scripts/screenshots.sh): Debian's Chromium, Node.js, the Noto CJK fonts (without
# them Chinese text is measured and drawn with fallback boxes), and playwright-core from
# tests/browser/package-lock.json; and what the site audit needs (scripts/site-audit.sh,
# tests/it/site_audit.rs): Java for the Nu HTML checker (vnu-jar, from the same lock), xmllint,
# and zhon from tests/browser/requirements.txt (pinned by hash) into tests/browser/python.
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
# The Nu HTML checker runs on Java 17 or later: Debian's default JRE is 17 on bookworm.
java_major=$(java -version 2>&1 | sed -n 's/.*version "\([0-9]*\).*/\1/p' | head -n 1)
if [ "${java_major:-0}" -lt 17 ]; then
  echo "browser-test-setup: installing default-jre-headless (Java for the Nu HTML checker)"
  apt_install default-jre-headless
fi
if ! command -v xmllint >/dev/null; then
  echo "browser-test-setup: installing libxml2-utils (xmllint, for the sitemap schema)"
  apt_install libxml2-utils
fi
if ! command -v python3 >/dev/null || ! python3 -m pip --version >/dev/null 2>&1; then
  echo "browser-test-setup: installing python3-pip"
  apt_install python3 python3-pip
fi

# playwright-core only drives the browser: it downloads no browser of its own. axe-core checks
# pages for WCAG 2.1 AA; vnu-jar is the Nu HTML checker; parse5 and saxes read HTML and XML for
# the site audit. Every package of the lock is compared with what is installed.
# --ignore-scripts: vnu-jar's install script would download a Java runtime; Debian's is used.
want=$(node -p 'const l = require("./tests/browser/package-lock.json").packages; Object.keys(l).filter(k => k).map(k => k.slice(13) + "@" + l[k].version).join(" ")')
have=$(node -p 'const l = require("./tests/browser/package-lock.json").packages; Object.keys(l).filter(k => k).map(k => { try { return k.slice(13) + "@" + require("./tests/browser/" + k + "/package.json").version } catch { return "" } }).join(" ")')
if [ "$want" != "$have" ]; then
  echo "browser-test-setup: installing Node.js modules ($want)"
  npm ci --prefix tests/browser --ignore-scripts --no-audit --no-fund --loglevel=error
fi

# zhon, for the audit's Simplified/Traditional check, into tests/browser/python (no virtual
# environment needed: the audit puts that folder on PYTHONPATH).
zhon=$(sed -n 's/^zhon==\([^ ]*\).*/\1/p' tests/browser/requirements.txt)
if [ ! -d "tests/browser/python/zhon-$zhon.dist-info" ]; then
  echo "browser-test-setup: installing zhon $zhon (tests/browser/python)"
  rm -rf tests/browser/python
  python3 -m pip install --quiet --disable-pip-version-check --root-user-action=ignore --no-deps \
    --require-hashes --target tests/browser/python -r tests/browser/requirements.txt
fi
echo "browser-test-setup: $("$CHROMIUM" --version 2>/dev/null || echo "chromium ?"), node $(node --version), java $java_major, zhon $zhon, $want"
