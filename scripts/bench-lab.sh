#!/usr/bin/env bash
# Time-to-ready and peak RSS of a 10,000-device lab (shared listening) on loopback.
# Usage: scripts/bench-lab.sh [DEVICES] [RANGE]
set -euo pipefail
cd "$(dirname "$0")/.."
DEVICES="${1:-10000}"
RANGE="${2:-127.78.0.0/16}"
cargo build --release -p camsweep >/dev/null 2>&1
# Run in a namespace of our own: its loopback is private, so a lab another process serves on
# the host's loopback (same well-known ports) does not collide with the shared listeners.
NS="camsweep-bench-$$"
ip netns del "$NS" 2>/dev/null || true
ip netns add "$NS"
trap 'ip netns del "$NS" 2>/dev/null || true' EXIT
ip netns exec "$NS" ip link set lo up
OUT="$(mktemp)"; TIMES="$(mktemp)"
start_ns=$(date +%s%N)
ip netns exec "$NS" /usr/bin/time -v -o "$TIMES" ./target/release/camsweep lab --devices "$DEVICES" --seed 1 --range "$RANGE" >"$OUT" 2>&1 &
pid=$!
until grep -q '^lab ready:' "$OUT"; do
  if ! kill -0 "$pid" 2>/dev/null; then cat "$OUT"; exit 1; fi
  sleep 0.05
done
ready_ns=$(date +%s%N)
sleep 1
lab_pid=$(pgrep -f "^./target/release/camsweep lab --devices $DEVICES" | head -1)
rss_kb=$(awk '/VmHWM/ {print $2}' "/proc/$lab_pid/status" 2>/dev/null || echo "?")
fds=$(ls "/proc/$lab_pid/fd" 2>/dev/null | wc -l || echo "?")
cat "$OUT"
echo "devices=$DEVICES wall_to_ready_ms=$(( (ready_ns - start_ns) / 1000000 )) peak_rss_kib_at_ready=$rss_kb open_fds=$fds"
kill -INT "$lab_pid"
wait "$pid" || true
grep -E 'Maximum resident set size|Elapsed' "$TIMES" || true
rm -f "$OUT" "$TIMES"
