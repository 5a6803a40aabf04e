#!/usr/bin/env bash
# Runs every fuzz target for a while (default 600 s each): fuzz/ci.sh with a longer time.
#   fuzz/run.sh [SECONDS]
exec "$(dirname "$0")/ci.sh" "${1:-600}"
