#!/usr/bin/env bash
# Runs every fuzz target for a while (default 600 s each), seeded from the example portal.
#   fuzz/run.sh [SECONDS]
# Needs cargo-fuzz (`cargo install cargo-fuzz`); RUSTC_BOOTSTRAP lets the stable toolchain
# accept the sanitizer flags cargo-fuzz passes.
set -euo pipefail
cd "$(dirname "$0")"
seconds=${1:-600}
command -v cargo-fuzz >/dev/null || cargo install cargo-fuzz
export RUSTC_BOOTSTRAP=1

# Seed corpora from the example portal's own files.
mkdir -p corpus/front_matter corpus/data_tables corpus/markdown_convert
cp ../content/*/*.md corpus/front_matter/ 2>/dev/null || true
cp ../content/*/*.md corpus/markdown_convert/ 2>/dev/null || true
find ../data -name '*.csv' -o -name '*.toml' | while read -r f; do cp "$f" "corpus/data_tables/$(basename "$f")"; done

for target in front_matter data_tables markdown_convert; do
  echo "== fuzzing $target for ${seconds}s"
  cargo fuzz run "$target" "corpus/$target" -- -max_total_time="$seconds" -max_len=65536 -timeout=20 2>&1 | tail -n 15
done
