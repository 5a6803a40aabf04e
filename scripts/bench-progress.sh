#!/usr/bin/env bash
# What drawing progress costs: the same build of a generated site run with its stderr on a
# pseudo-terminal (progress drawn, through `script`) and in a pipe (no progress), interleaved,
# with the median wall time, user+system CPU and peak RSS of each.
#
#     scripts/bench-progress.sh [PAGES] [RUNS]     (10000 pages, 5 runs each by default)
#
# Needs a release build (`cargo build --release --example gen_corpus`), `script` (util-linux)
# and GNU time. The corpus and outputs go to /dev/shm (tmpfs) so that the disk adds no time;
# they are deleted at the end.
set -euo pipefail
pages=${1:-10000}
runs=${2:-5}
here=$(cd "$(dirname "$0")/.." && pwd)
target=${CARGO_TARGET_DIR:-$here/target}
bin=$target/release/stdportal
gen=$target/release/examples/gen_corpus
for tool in "$bin" "$gen"; do
  [ -x "$tool" ] || { echo "missing $tool: cargo build --release --example gen_corpus" >&2; exit 2; }
done
command -v script >/dev/null || { echo "missing script (util-linux)" >&2; exit 2; }
work=$(mktemp -d /dev/shm/bench-progress.XXXXXX)
trap 'rm -rf "$work"' EXIT
"$gen" --pages "$pages" --out "$work/site" >/dev/null

# One build; prints "wall cpu rss" (s, s, MB).
measure() {
  local mode=$1
  local times=$work/time.$mode
  rm -rf "$work/site/public"
  if [ "$mode" = terminal ]; then
    # `script` gives the build a terminal on stdin, stdout and stderr; COLUMNS keeps the bar's
    # width fixed.
    COLUMNS=100 script -qec "/usr/bin/time -f '%e %U %S %M' -o '$times' '$bin' build --root '$work/site'" /dev/null >"$work/log" || true
  else
    /usr/bin/time -f '%e %U %S %M' -o "$times" "$bin" build --root "$work/site" 2>&1 | cat >"$work/log" || true
  fi
  # A build that stopped measures nothing: say why (its last lines) and stop.
  [ -f "$work/site/public/index.html" ] || { echo "the $mode build failed:" >&2; tail -5 "$work/log" >&2; exit 1; }
  awk '{ printf "%.2f %.2f %.0f\n", $1, $2 + $3, $4 / 1024 }' "$times"
}

median() { sort -n | awk '{ a[NR] = $1 } END { print (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2 }'; }

: >"$work/pipe.txt"; : >"$work/terminal.txt"
measure pipe >/dev/null # warm the page cache
for _ in $(seq "$runs"); do
  measure terminal >>"$work/terminal.txt"
  measure pipe >>"$work/pipe.txt"
done
echo "pages=$pages runs=$runs load=$(cut -d' ' -f1-3 /proc/loadavg) cores=$(nproc) tmpfs=/dev/shm"
printf '%-10s %8s %8s %8s\n' mode wall_s cpu_s rss_mb
for mode in pipe terminal; do
  f=$work/$mode.txt
  printf '%-10s %8s %8s %8s\n' "$mode" \
    "$(cut -d' ' -f1 "$f" | median)" "$(cut -d' ' -f2 "$f" | median)" "$(cut -d' ' -f3 "$f" | median)"
done
