#!/bin/sh
# Time and peak memory of `camsweep demo` (release build), three runs, into a temporary directory.
# Usage: scripts/bench-demo.sh   (numbers go to docs/benchmarks.md, section "camsweep demo")
set -eu
cd "$(dirname "$0")/.."
cargo build --release -p camsweep
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
for run in 1 2 3; do
    /usr/bin/time -v target/release/camsweep demo --out "$out" >/dev/null 2>"$out/time.txt"
    wall=$(sed -n 's/.*Elapsed (wall clock) time (h:mm:ss or m:ss): //p' "$out/time.txt")
    rss=$(sed -n 's/.*Maximum resident set size (kbytes): //p' "$out/time.txt")
    echo "run $run: wall $wall, peak RSS ${rss} KiB"
done
