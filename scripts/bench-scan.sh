#!/usr/bin/env bash
# camsweep scan vs nmap -sV (and masscan for port discovery) on the lab, side by side in one run,
# release build, inside a private network namespace (its loopback is ours alone: colleagues'
# shared-mode labs on the host loopback hold the same well-known ports).
#
# Usage (root): scripts/bench-scan.sh [DEVICES] [SLICE]        (defaults 5000 and 500)
#   OUT=/tmp/camsweep-bench-scan   where everything is written (truth, JSON, nmap XML, logs)
#   NMAP_TIMEOUT=1800              cap on the nmap slice run, seconds (recorded if reached)
#   NMAP_FULL_TIMEOUT=0            >0: also try nmap on the whole /16 for that many seconds
#   ONLY_FULL=1                    step 1 alone: camsweep over the /16, its time and share named
# Steps: 1. lab of DEVICES on 127.80.0.0/16 (shared listening), no hostile devices; camsweep over
# the whole /16. 2. a lab of SLICE devices (same seed and mix) on 127.81.0.0/16 in per-address
# listening mode, where a port the device does not serve refuses the connection as real hardware
# does: camsweep, nmap -sV and masscan on exactly those devices. 3. the DEVICES lab again, same
# seed, 5% hostile devices; camsweep over the whole /16 again. Then bench-scan-compare.py.
set -euo pipefail
cd "$(dirname "$0")/.."
DEVICES=${1:-5000}
SLICE=${2:-500}
OUT=${OUT:-/tmp/camsweep-bench-scan}
NMAP_TIMEOUT=${NMAP_TIMEOUT:-1800}
NMAP_FULL_TIMEOUT=${NMAP_FULL_TIMEOUT:-0}
RANGE=127.80.0.0/16
# camsweep's default list (docs/scan.md), given to every tool.
PORTS=80,443,8080,8443,554,8554,8000,37777,34567,22,23,21,81,88,8899,9000,5000,8081

if [ -z "${CAMSWEEP_BENCH_NETNS:-}" ]; then
  [ "$(id -u)" = 0 ] || { echo "needs root (private network namespace, nmap -sV as root)" >&2; exit 1; }
  cargo build --release -p camsweep >&2
  mkdir -p "$OUT"
  # Machine notes, for docs/benchmarks.md.
  {
    echo "date=$(date -u +%FT%TZ)"
    echo "cpus=$(nproc)"
    echo "cpu_model=$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ *//')"
    echo "kernel=$(uname -r)"
    echo "load_before=$(cut -d' ' -f1-3 /proc/loadavg)"
    echo "nmap=$(nmap --version | head -1)"
    echo "masscan=$(masscan --version 2>&1 | grep -m1 -i version)"
    echo "commit=$(git rev-parse --short HEAD)"
    echo "nofile=$(ulimit -n)"
  } >"$OUT/machine.env"
  exec unshare -n env CAMSWEEP_BENCH_NETNS=1 OUT="$OUT" NMAP_TIMEOUT="$NMAP_TIMEOUT" \
    NMAP_FULL_TIMEOUT="$NMAP_FULL_TIMEOUT" ONLY_FULL="${ONLY_FULL:-}" "$0" "$DEVICES" "$SLICE"
fi

# --- inside the namespace from here ---
ip link set lo up
BIN=target/release/camsweep
TIMES="$OUT/times.env"
: >"$TIMES"
now() { date +%s.%N; }
record() { echo "$1=$2" >>"$TIMES"; }

LAB_PID=
start_lab() { # $1 hostile share, $2 truth file, [$3 devices, $4 range, $5 listening mode]
  : >"$OUT/lab.log"
  "$BIN" lab --devices "${3:-$DEVICES}" --seed 1 --range "${4:-$RANGE}" --hostile-share "$1" \
    --truth "$2" --mode "${5:-shared}" >"$OUT/lab.log" 2>&1 &
  LAB_PID=$!
  for _ in $(seq 1 600); do
    grep -q "lab ready" "$OUT/lab.log" && [ -s "$2" ] && return 0
    kill -0 "$LAB_PID" 2>/dev/null || break
    sleep 0.2
  done
  echo "lab did not start" >&2; cat "$OUT/lab.log" >&2; exit 1
}
stop_lab() {
  if [ -n "$LAB_PID" ]; then kill -INT "$LAB_PID" 2>/dev/null || true; wait "$LAB_PID" 2>/dev/null || true; fi
  LAB_PID=
}
trap stop_lab EXIT

# camsweep: $1 name, then targets. Wall time, CPU and peak RSS from /usr/bin/time.
camsweep_run() {
  local name=$1; shift
  local t0 t1
  t0=$(now)
  /usr/bin/time -v -o "$OUT/camsweep-$name.time" "$BIN" scan "$@" --format json --no-progress \
    >"$OUT/camsweep-$name.json" 2>"$OUT/camsweep-$name.err" || true
  t1=$(now)
  record "camsweep_${name}_seconds" "$(echo "$t1 - $t0" | bc)"
}

# 1. No hostile devices.
start_lab 0 "$OUT/truth.json"
camsweep_run full "$RANGE"
if [ -n "${ONLY_FULL:-}" ]; then
  stop_lab
  python3 - "$OUT" <<'PY'
import json, sys
out = sys.argv[1]
truth = json.load(open(f"{out}/truth.json"))
named = {d["address"]: d["identification"]["manufacturer"]
         for d in json.load(open(f"{out}/camsweep-full.json"))["devices"]}
eligible = [t for t in truth if t["manufacturer"] and not t["hostile"]]
right = sum(1 for t in eligible if named.get(t["address"]) == t["manufacturer"])
times = dict(l.strip().split("=", 1) for l in open(f"{out}/times.env"))
print(f"camsweep /16: {float(times['camsweep_full_seconds']):.1f} s, named right {right}/{len(eligible)}")
PY
  grep -E "User time|System time|Maximum resident" "$OUT/camsweep-full.time"
  exit 0
fi

stop_lab

# 2. The slice: its own lab, per-address listening (closed ports refuse, as on real hardware, so
# nmap is not slowed by the shared mode's accept-then-reset ports).
SLICE_RANGE=127.81.0.0/16
start_lab 0 "$OUT/truth-slice.json" "$SLICE" "$SLICE_RANGE" per-address
python3 - "$OUT/truth-slice.json" >"$OUT/slice.txt" <<'PY'
import json, sys
for t in json.load(open(sys.argv[1])):
    print(t["address"])
PY
camsweep_run slice "@$OUT/slice.txt"

# nmap -sV on the same ports and devices. -T4 plus a host group of the whole slice and a raised
# parallelism: nmap's fastest sane settings (with the defaults, a 60-device trial took 672 s).
t0=$(now)
rc=0
timeout "$NMAP_TIMEOUT" nmap -sV -Pn -n -T4 --min-hostgroup "$SLICE" --min-parallelism 256 \
  -p "$PORTS" -iL "$OUT/slice.txt" -oX "$OUT/nmap-slice.xml" >"$OUT/nmap-slice.txt" 2>&1 || rc=$?
t1=$(now)
record nmap_slice_seconds "$(echo "$t1 - $t0" | bc)"
record nmap_slice_rc "$rc"

if [ "$NMAP_FULL_TIMEOUT" -gt 0 ]; then
  t0=$(now)
  rc=0
  timeout "$NMAP_FULL_TIMEOUT" nmap -sV -Pn -n -T4 --stats-every 60s -p "$PORTS" "$RANGE" \
    -oX "$OUT/nmap-full.xml" >"$OUT/nmap-full.txt" 2>&1 || rc=$?
  t1=$(now)
  record nmap_full_seconds "$(echo "$t1 - $t0" | bc)"
  record nmap_full_rc "$rc"
fi

# RustScan (connect scan, ports only): `cargo install rustscan --version 2.4.1 --locked
# --root /opt/rustscan`, or RUSTSCAN=path. Greppable output: "ADDRESS -> [PORT,...]".
RUSTSCAN=${RUSTSCAN:-$(command -v rustscan || echo /opt/rustscan/bin/rustscan)}
if [ -x "$RUSTSCAN" ]; then
  t0=$(now)
  rc=0
  timeout 600 "$RUSTSCAN" --no-config -a "$OUT/slice.txt" -p "$PORTS" -b 4500 -t 1500 \
    --ulimit 10000 --scripts none -g >"$OUT/rustscan-slice.txt" 2>"$OUT/rustscan.err" || rc=$?
  t1=$(now)
  record rustscan_slice_seconds "$(echo "$t1 - $t0" | bc)"
  record rustscan_slice_rc "$rc"
  echo "rustscan=$("$RUSTSCAN" --version 2>/dev/null | head -1)" >>"$OUT/machine.env"
fi

# masscan sends raw Ethernet frames through a pcap adapter. On `lo` it first fails to find the
# interface's MAC; given fake MACs it sends frames loopback does not deliver as TCP. Both
# attempts are recorded as they happen.
t0=$(now)
rc=0
timeout 60 masscan -p"$PORTS" -iL "$OUT/slice.txt" --rate 10000 --adapter lo --wait 5 \
  -oJ "$OUT/masscan-slice.json" >"$OUT/masscan.log" 2>&1 || rc=$?
t1=$(now)
record masscan_seconds "$(echo "$t1 - $t0" | bc)"
record masscan_rc "$rc"
t0=$(now)
rc=0
timeout 60 masscan -p"$PORTS" -iL "$OUT/slice.txt" --rate 10000 --adapter lo --wait 5 \
  --source-mac 02-00-00-00-00-01 --router-mac 02-00-00-00-00-02 \
  -oJ "$OUT/masscan-slice-macs.json" 2>&1 | tr '\r' '\n' | tail -5 >"$OUT/masscan-macs.log" || rc=$?
t1=$(now)
record masscan_macs_seconds "$(echo "$t1 - $t0" | bc)"
stop_lab

# 3. The same estate (same seed) with 5% hostile devices.
start_lab 0.05 "$OUT/truth-hostile.json"
camsweep_run hostile "$RANGE"
stop_lab

python3 scripts/bench-scan-compare.py "$OUT" | tee "$OUT/summary.md"
