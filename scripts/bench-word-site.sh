#!/bin/sh
# A site of 1,000 Word pages against the same 1,000 pages as Markdown (issue 22): build time
# and peak memory of `stdportal build`, each site built RUNS times, the two interleaved.
#
# The Word site: `stdportal init`, then 1,000 Word files in content/policies/, made from the
# fixtures of tests/fixtures/word (the LibreOffice notice and the hand-written documents,
# in turn; every tenth has a sidecar giving it a date). The Markdown site: the same init, and
# `stdportal import` of those 1,000 files (so the same text, front matter, pictures and
# 下载原件). Both on /dev/shm (memory), so the disk does not count.
#
# Usage: scripts/bench-word-site.sh [STDPORTAL] [RUNS]   (default target/release/stdportal, 3)
set -eu
repo=$(cd "$(dirname "$0")/.." && pwd)
bin=${1:-$repo/target/release/stdportal}
runs=${2:-3}
work=${BENCH_DIR:-/dev/shm/stdportal-word-bench}
rm -rf "$work"
mkdir -p "$work/docx"

# The fixtures as .docx files.
cp "$repo/tests/fixtures/word/rizhao-notice.docx" "$work/docx/rizhao-notice.docx"
for dir in "$repo"/tests/fixtures/word/xml/*/; do
    name=$(basename "$dir")
    (cd "$dir" && zip -q -X -r "$work/docx/$name.docx" '[Content_Types].xml' . -x '.*')
done
set -- "$work"/docx/*.docx
count=$#

"$bin" init "$work/word" --quiet
"$bin" init "$work/markdown" --quiet
mkdir -p "$work/word/content/policies" "$work/source"
i=0
while [ $i -lt 1000 ]; do
    k=$((i % count + 1))
    eval "fixture=\${$k}"
    cp "$fixture" "$work/source/doc-$i.docx"
    if [ $((i % 10)) -eq 0 ]; then
        printf 'date = 2021-%02d-%02d\n' $((i % 12 + 1)) $((i % 28 + 1)) > "$work/source/doc-$i.toml"
    fi
    i=$((i + 1))
done
cp "$work"/source/* "$work/word/content/policies/"
"$bin" import "$work/source" --root "$work/markdown" --to content/policies --quiet 2>/dev/null || true

echo "Word files: $(ls "$work"/word/content/policies/*.docx | wc -l); Markdown pages: $(ls "$work"/markdown/content/policies/*.md | wc -l)"
echo "site      run  wall_s  user_s  sys_s  peak_rss_kb  files"
r=1
while [ $r -le "$runs" ]; do
    for site in word markdown; do
        rm -rf "$work/$site/public"
        out=$( { /usr/bin/time -f '%e %U %S %M' "$bin" build --root "$work/$site" --quiet >/dev/null; } 2>&1 | tail -1)
        files=$(find "$work/$site/public" -type f | wc -l)
        echo "$site  $r  $out  $files"
    done
    r=$((r + 1))
done
rm -rf "$work"
