#!/bin/sh
# One SHA-256 for a whole folder (a site's output), to prove a change to the build left every
# output byte as it was:
#
#     sh examples/bench/tree_hash.sh public/          # prints the hash and the file count
#     sh examples/bench/tree_hash.sh --list public/   # one line per file: sha256, path
#
# The hash is the SHA-256 of the list `sha256  ./relative/path` of every regular file, sorted
# by path bytewise (LC_ALL=C), so it covers both names and contents and does not depend on the
# folder's location, the order the file system lists it in, or timestamps. Symbolic links and
# empty folders are not covered (a build writes neither). When two hashes differ, diff the two
# `--list` outputs to see which files changed.
set -eu
list=0
if [ "${1:-}" = "--list" ]; then
    list=1
    shift
fi
if [ $# -ne 1 ] || [ ! -d "$1" ]; then
    echo "usage: tree_hash.sh [--list] DIR" >&2
    exit 2
fi
cd "$1"
manifest() {
    find . -type f -print0 | LC_ALL=C sort -z | xargs -0r sha256sum
}
if [ "$list" = 1 ]; then
    manifest
else
    count=$(find . -type f | wc -l)
    printf '%s  %s files\n' "$(manifest | sha256sum | cut -d' ' -f1)" "$count"
fi
