#!/usr/bin/env bash
# Port discovery on a (virtual) Ethernet LAN, where masscan can run: camsweep scan vs masscan vs
# nmap -sS, side by side in one run, on a netns lab (docs/lab.md, "Netns mode"). masscan cannot
# scan loopback (it sends raw Ethernet frames; see docs/benchmarks.md), so bench-scan.sh cannot
# compare it; here every device has its own namespace, veth and MAC on a bridge.
#
# Usage (root, Linux, iproute2, masscan, nmap): scripts/bench-masscan-netns.sh [DEVICES]   (500)
#   OUT=/tmp/camsweep-bench-masscan   where everything is written
#   RATE=10000                        masscan packets per second
# The lab's addresses (10.213.0.0/16 by default) exist only inside the lab's namespaces; every
# tool runs inside `csl-mbench`, whose only interface is the lab bridge. Nothing leaves it.
#
# masscan sends every SYN to one "router" MAC. On a LAN without a router we give it the
# broadcast MAC, so each SYN reaches every device's namespace and the addressed one answers
# (Linux accepts unicast IP in an L2 broadcast frame: drop_unicast_in_l2_multicast = 0).
set -euo pipefail
cd "$(dirname "$0")/.."
DEVICES=${1:-500}
OUT=${OUT:-/tmp/camsweep-bench-masscan}
RATE=${RATE:-10000}
NAME=mbench
NS=csl-$NAME
PORTS=80,443,8080,8443,554,8554,8000,37777,34567,22,23,21,81,88,8899,9000,5000,8081

[ "$(id -u)" = 0 ] || { echo "needs root (network namespaces, raw sockets)" >&2; exit 1; }
for tool in ip masscan nmap python3; do
  command -v "$tool" >/dev/null || { echo "needs $tool (scripts/setup.sh installs it)" >&2; exit 1; }
done
cargo build --release -p camsweep >&2
BIN=$PWD/target/release/camsweep
mkdir -p "$OUT"
rm -f "$OUT"/*.json "$OUT"/*.xml "$OUT"/times.env

"$BIN" lab --devices "$DEVICES" --seed 1 --hostile-share 0 --netns "$NAME" \
  --truth "$OUT/truth.json" >"$OUT/lab.log" 2>&1 &
LAB_PID=$!
trap 'kill -INT $LAB_PID 2>/dev/null || true; wait $LAB_PID 2>/dev/null || true' EXIT
for _ in $(seq 1 300); do
  grep -q "lab ready" "$OUT/lab.log" && [ -s "$OUT/truth.json" ] && break
  kill -0 "$LAB_PID" 2>/dev/null || { cat "$OUT/lab.log" >&2; exit 1; }
  sleep 0.2
done
grep -q "lab ready" "$OUT/lab.log" || { echo "lab did not start" >&2; cat "$OUT/lab.log" >&2; exit 1; }

python3 - "$OUT/truth.json" >"$OUT/targets.txt" <<'PY'
import json, sys
for t in json.load(open(sys.argv[1])):
    print(t["address"])
PY

now() { date +%s.%N; }
record() { echo "$1=$2" >>"$OUT/times.env"; }
{
  echo "date=$(date -u +%FT%TZ)"
  echo "load_before=$(cut -d' ' -f1-3 /proc/loadavg)"
  echo "commit=$(git rev-parse --short HEAD)"
  echo "devices=$DEVICES"
  echo "rate=$RATE"
} >"$OUT/machine.env"

# masscan: SYN scan, port discovery only.
t0=$(now)
ip netns exec "$NS" timeout 120 masscan -p"$PORTS" -iL "$OUT/targets.txt" --rate "$RATE" \
  --adapter br0 --router-mac ff-ff-ff-ff-ff-ff --wait 3 -oJ "$OUT/masscan.json" \
  >"$OUT/masscan.log" 2>&1 || echo "masscan exited $?" >>"$OUT/masscan.log"
t1=$(now)
record masscan_seconds "$(echo "$t1 - $t0" | bc)"

# nmap: SYN scan only (-sS, no -sV), the fastest settings that stay sane.
t0=$(now)
ip netns exec "$NS" timeout 600 nmap -sS -Pn -n -T4 --min-hostgroup "$DEVICES" -p "$PORTS" \
  -iL "$OUT/targets.txt" -oX "$OUT/nmap-ss.xml" >"$OUT/nmap-ss.log" 2>&1 || true
t1=$(now)
record nmap_ss_seconds "$(echo "$t1 - $t0" | bc)"

# camsweep: the whole scan (connect, probes, UDP discovery, identification), not ports alone.
t0=$(now)
ip netns exec "$NS" /usr/bin/time -v -o "$OUT/camsweep.time" "$BIN" scan "@$OUT/targets.txt" \
  --ports "$PORTS" --format json --no-progress >"$OUT/camsweep.json" 2>"$OUT/camsweep.err" || true
t1=$(now)
record camsweep_seconds "$(echo "$t1 - $t0" | bc)"

python3 - "$OUT" <<'PY' | tee "$OUT/summary.md"
import json, sys
import xml.etree.ElementTree as ET
from pathlib import Path
out = Path(sys.argv[1])
times = dict(l.strip().split("=", 1) for l in open(out / "times.env"))
machine = dict(l.rstrip("\n").split("=", 1) for l in open(out / "machine.env"))
ports = {80,443,8080,8443,554,8554,8000,37777,34567,22,23,21,81,88,8899,9000,5000,8081}
truth = json.load(open(out / "truth.json"))
want = {(t["address"], p) for t in truth for p in t["ports"] if p in ports}

def masscan():
    got = set()
    text = (out / "masscan.json").read_text() if (out / "masscan.json").exists() else ""
    # masscan 1.3 writes a JSON array with trailing commas on some lines: read object by object.
    for line in text.splitlines():
        line = line.strip().rstrip(",")
        if line.startswith("{"):
            try:
                o = json.loads(line)
            except json.JSONDecodeError:
                continue
            for p in o.get("ports", []):
                if p.get("status") == "open":
                    got.add((o["ip"], int(p["port"])))
    return got

def nmap():
    got = set()
    try:
        root = ET.parse(out / "nmap-ss.xml").getroot()
    except (ET.ParseError, FileNotFoundError):
        return got
    for host in root.iter("host"):
        a = host.find("address").get("addr")
        for p in host.iter("port"):
            if p.find("state").get("state") == "open":
                got.add((a, int(p.get("portid"))))
    return got

def camsweep():
    got, named, right = set(), 0, 0
    try:
        doc = json.load(open(out / "camsweep.json"))
    except (json.JSONDecodeError, FileNotFoundError):
        return got, 0, 0
    by = {t["address"]: t for t in truth}
    for d in doc["devices"]:
        for p in d["open_ports"]:
            got.add((d["address"], int(p)))
        t = by.get(d["address"])
        if t and t["manufacturer"]:
            named += 1
            right += d["identification"]["manufacturer"] == t["manufacturer"]
    return got, named, right

makers = sum(1 for t in truth if t["manufacturer"])
cs, cs_named, cs_right = camsweep()
print(f"## Port discovery on a netns LAN of {len(truth)} devices ({machine['date']}, commit "
      f"{machine['commit']}, load before {machine['load_before']})\n")
print(f"{len(want)} served TCP ports among the {len(ports)} scanned on {len(truth)} devices.\n")
print("| tool | what it does | wall (s) | served ports found | missed | reported but not served | true maker named |")
print("|---|---|---|---|---|---|---|")
for label, what, secs, got, named in (
    ("masscan 1.3.2", f"SYN, {machine['rate']} pps", times["masscan_seconds"], masscan(), "-"),
    ("nmap -sS -T4", "SYN", times["nmap_ss_seconds"], nmap(), "-"),
    ("camsweep scan", "connect + probes + UDP discovery + identification", times["camsweep_seconds"], cs,
     f"{cs_right}/{makers}"),
):
    print(f"| {label} | {what} | {float(secs):.1f} | {len(want & got)} | {len(want - got)} | {len(got - want)} | {named} |")
PY
