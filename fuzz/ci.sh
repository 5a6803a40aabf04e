#!/usr/bin/env bash
# Runs every fuzz target of fuzz/Cargo.toml for SECONDS each (default 60) and fails on the
# first crash, panic, abort, timeout or memory past the limit (libFuzzer's own exit status;
# the input that did it is left in fuzz/artifacts/<target>/).
#   fuzz/ci.sh [SECONDS]
# Installs cargo-fuzz when it is missing. cargo-fuzz builds with the address sanitizer, which
# the stable compiler accepts with RUSTC_BOOTSTRAP=1 (no nightly toolchain needed).
# A new target is a [[bin]] in fuzz/Cargo.toml and, if it wants seeds, a case in seed().
set -euo pipefail
cd "$(dirname "$0")"
seconds=${1:-60}
command -v cargo-fuzz >/dev/null || cargo install --locked cargo-fuzz
export RUSTC_BOOTSTRAP=1

# Seeds: the repository's own files of each kind (names made unique: many are _index.md).
seed() {
  local target=$1
  mkdir -p "corpus/$target"
  case $target in
    front_matter | markdown_convert)
      for f in ../content/*.md ../content/*/*.md; do
        cp "$f" "corpus/$target/$(echo "${f#../content/}" | tr '/' '_')"
      done ;;
    data_tables)
      find ../data ../tests/fixtures -name '*.csv' -o -name '*.toml' | while read -r f; do
        cp "$f" "corpus/$target/$(echo "${f#../}" | tr '/' '_')"
      done ;;
    workbooks)
      cp ../tests/fixtures/workbooks/*.xls ../tests/fixtures/workbooks/*.xlsx \
         ../tests/fixtures/workbooks/*.ods "corpus/$target/"
      find ../data -name '*.xlsx' -o -name '*.xls' -o -name '*.ods' | while read -r f; do
        cp "$f" "corpus/$target/$(echo "${f#../}" | tr '/' '_')"
      done ;;
    word)
      find ../tests/fixtures/word -name '*.docx' | while read -r f; do
        cp "$f" "corpus/$target/$(echo "${f#../}" | tr '/' '_')"
      done ;;
  esac
}

targets=$(sed -n 's/^name = "\(.*\)"$/\1/p' Cargo.toml | grep -v '^stdportal-fuzz$')
# Workbooks and Word files are zips of a few kilobytes; other inputs are text.
max_len() { case $1 in workbooks | word) echo 262144 ;; *) echo 65536 ;; esac; }

cargo fuzz build
failed=()
for target in $targets; do
  seed "$target"
  echo "== fuzzing $target for ${seconds}s"
  # -rss_limit_mb: a build's limits keep a workbook far below it; more is a finding.
  if ! cargo fuzz run "$target" "corpus/$target" -- \
      -max_total_time="$seconds" -max_len="$(max_len "$target")" -timeout=30 \
      -rss_limit_mb=2048 -print_final_stats=1 2>&1 | tail -n 25; then
    failed+=("$target")
  fi
done
if [ ${#failed[@]} -gt 0 ]; then
  echo "fuzz targets that failed: ${failed[*]} (inputs in fuzz/artifacts/)"
  exit 1
fi
echo "fuzzing: ${seconds}s per target, no crash"
