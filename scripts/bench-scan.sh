#!/usr/bin/env bash
# camsweep scan vs nmap -sV (and masscan for port discovery) on the lab, loopback only.
# Usage: scripts/bench-scan.sh [DEVICES] [SLICE]   (defaults 5000 and 500)
# Writes everything under $OUT (default /tmp/camsweep-bench-scan) and prints a summary.
set -euo pipefail
cd "$(dirname "$0")/.."
DEVICES=${1:-5000}
SLICE=${2:-500}
OUT=${OUT:-/tmp/camsweep-bench-scan}
RANGE=127.80.0.0/16
PORTS=80,443,8080,8443,554,8554,8000,37777,34567,22,23,21,81,88,8899,9000,5000,8081
mkdir -p "$OUT"
cargo build --release -p camsweep >&2
BIN=target/release/camsweep

LAB_PID=
start_lab() { # $1 hostile share, $2 truth file
  "$BIN" lab --devices "$DEVICES" --range "$RANGE" --hostile-share "$1" --truth "$2" --mode "${LAB_MODE:-auto}" >"$OUT/lab.log" 2>&1 &
  LAB_PID=$!
  for _ in $(seq 1 600); do grep -q "lab ready" "$OUT/lab.log" && return 0; sleep 0.2; done
  echo "lab did not start" >&2; cat "$OUT/lab.log" >&2; exit 1
}
stop_lab() { [ -n "$LAB_PID" ] && kill "$LAB_PID" 2>/dev/null && wait "$LAB_PID" 2>/dev/null; LAB_PID=; }
trap stop_lab EXIT
now() { date +%s.%N; }

# 1. Whole /16, no hostile devices.
start_lab 0 "$OUT/truth.json"
t0=$(now); "$BIN" scan "$RANGE" --format json --no-progress >"$OUT/camsweep-full.json"; t1=$(now)
echo "camsweep_full_seconds=$(echo "$t1 - $t0" | bc)" >"$OUT/times.env"

# 2. The same SLICE devices for both tools.
python3 - "$OUT/truth.json" "$SLICE" >"$OUT/slice.txt" <<'PY'
import json, sys
truth = json.load(open(sys.argv[1]))
for t in truth[: int(sys.argv[2])]:
    print(t["address"])
PY
t0=$(now); "$BIN" scan "@$OUT/slice.txt" --format json --no-progress >"$OUT/camsweep-slice.json"; t1=$(now)
echo "camsweep_slice_seconds=$(echo "$t1 - $t0" | bc)" >>"$OUT/times.env"
t0=$(now); nmap -sV -Pn -n -T4 -p "$PORTS" -iL "$OUT/slice.txt" -oX "$OUT/nmap-slice.xml" >/dev/null 2>&1 || true; t1=$(now)
echo "nmap_slice_seconds=$(echo "$t1 - $t0" | bc)" >>"$OUT/times.env"
# masscan needs a link-layer adapter; on loopback it usually cannot send. Recorded as is.
t0=$(now); timeout 120 masscan -p"$PORTS" -iL "$OUT/slice.txt" --rate 100000 --adapter lo -oJ "$OUT/masscan-slice.json" >"$OUT/masscan.log" 2>&1 || true; t1=$(now)
echo "masscan_slice_seconds=$(echo "$t1 - $t0" | bc)" >>"$OUT/times.env"
stop_lab

# 3. The whole /16 again with 5% hostile devices.
start_lab 0.05 "$OUT/truth-hostile.json"
t0=$(now); "$BIN" scan "$RANGE" --format json --no-progress >"$OUT/camsweep-hostile.json"; t1=$(now)
echo "camsweep_hostile_seconds=$(echo "$t1 - $t0" | bc)" >>"$OUT/times.env"
stop_lab

python3 scripts/bench-scan-compare.py "$OUT"
