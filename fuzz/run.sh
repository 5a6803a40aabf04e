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

# Seed corpora from the example portal's own files (names made unique: many are _index.md).
mkdir -p corpus/front_matter corpus/data_tables corpus/markdown_convert
for f in ../content/*.md ../content/*/*.md; do
  name=$(echo "${f#../content/}" | tr '/' '_')
  cp "$f" "corpus/front_matter/$name"
  cp "$f" "corpus/markdown_convert/$name"
done
find ../data -name '*.csv' -o -name '*.toml' | while read -r f; do
  cp "$f" "corpus/data_tables/$(echo "${f#../data/}" | tr '/' '_')"
done

for target in front_matter data_tables markdown_convert; do
  echo "== fuzzing $target for ${seconds}s"
  cargo fuzz run "$target" "corpus/$target" -- -max_total_time="$seconds" -max_len=65536 -timeout=20 2>&1 | tail -n 15
done
