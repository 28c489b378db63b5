#!/usr/bin/env bash
# Port discovery on a (virtual) Ethernet LAN, where masscan can run: camsweep scan vs masscan vs
# nmap -sS, side by side in one run, on a netns lab (docs/lab.md, "Netns mode"). masscan cannot
# scan loopback (it sends raw Ethernet frames; see docs/benchmarks.md), so bench-scan.sh cannot
# compare it; here every device has its own namespace, veth and MAC on a bridge.
#
# Usage (root, Linux, iproute2, masscan, nmap): scripts/bench-masscan-netns.sh [DEVICES]   (500)
#   OUT=/tmp/camsweep-bench-masscan   where everything is written
#   RATES="10000 2000"                masscan packets per second, one masscan run each
# The lab's addresses (10.213.0.0/16 by default) exist only inside the lab's namespaces.
#
# masscan sends every SYN to one "router" MAC: it is built to scan through a router, and on a
# flat LAN it reaches one device at most (tried: the broadcast MAC reaches every namespace, but
# TCP drops segments not addressed to the host's own MAC). So the tools run as on a routed
# network: a scanner namespace `cs-mscan` (10.214.0.2/24) whose only link is a veth to the lab's
# namespace `csl-mbench`, which routes between it and the lab bridge and masquerades (nft), since
# the devices have no route back. Every tool (masscan, nmap -sS, camsweep) scans from
# `cs-mscan` through the same router. Nothing leaves these namespaces; both are deleted at the end.
set -euo pipefail
cd "$(dirname "$0")/.."
DEVICES=${1:-500}
OUT=${OUT:-/tmp/camsweep-bench-masscan}
RATES=${RATES:-10000 2000}
NAME=mbench
NS=csl-$NAME
PORTS=80,443,8080,8443,554,8554,8000,37777,34567,22,23,21,81,88,8899,9000,5000,8081

[ "$(id -u)" = 0 ] || { echo "needs root (network namespaces, raw sockets)" >&2; exit 1; }
for tool in ip nft masscan nmap python3; do
  command -v "$tool" >/dev/null || { echo "needs $tool (scripts/setup.sh installs it)" >&2; exit 1; }
done
cargo build --release -p camsweep >&2
BIN=$PWD/target/release/camsweep
mkdir -p "$OUT"
rm -f "$OUT"/*.json "$OUT"/*.xml "$OUT"/times.env

"$BIN" lab --devices "$DEVICES" --seed 1 --hostile-share 0 --netns "$NAME" \
  --truth "$OUT/truth.json" >"$OUT/lab.log" 2>&1 &
LAB_PID=$!
SCANNER=cs-mscan
cleanup() {
  ip netns del "$SCANNER" 2>/dev/null || true
  kill -INT $LAB_PID 2>/dev/null || true
  wait $LAB_PID 2>/dev/null || true
}
trap cleanup EXIT
for _ in $(seq 1 300); do
  grep -q "lab ready" "$OUT/lab.log" && [ -s "$OUT/truth.json" ] && break
  kill -0 "$LAB_PID" 2>/dev/null || { cat "$OUT/lab.log" >&2; exit 1; }
  sleep 0.2
done
grep -q "lab ready" "$OUT/lab.log" || { echo "lab did not start" >&2; cat "$OUT/lab.log" >&2; exit 1; }

# The scanner's namespace and the router.
ip netns del "$SCANNER" 2>/dev/null || true
ip netns add "$SCANNER"
ip link add msc0 type veth peer name msr0
ip link set msc0 netns "$SCANNER"
ip link set msr0 netns "$NS"
ip -n "$NS" addr add 10.214.0.1/24 dev msr0
ip -n "$NS" link set msr0 up
ip netns exec "$NS" sysctl -qw net.ipv4.ip_forward=1
ip netns exec "$NS" nft -f - <<'NFT'
table ip csbench {
  chain post { type nat hook postrouting priority srcnat; oifname "br0" masquerade; }
}
NFT
ip -n "$SCANNER" link set lo up
ip -n "$SCANNER" addr add 10.214.0.2/24 dev msc0
ip -n "$SCANNER" link set msc0 up
ip -n "$SCANNER" route add default via 10.214.0.1

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
  echo "rates=$RATES"
} >"$OUT/machine.env"

# Warm-up: the router learns every device's MAC (an ARP ping from the router's namespace, on
# the lab link), so no tool pays for, or loses packets to, the first neighbour resolution.
ip netns exec "$NS" nmap -sn -n -PR -iL "$OUT/targets.txt" -oG "$OUT/warmup.txt" >/dev/null 2>&1 || true
record warmup_hosts_up "$(grep -c 'Status: Up' "$OUT/warmup.txt" || true)"

# masscan: SYN scan, port discovery only; it does not retransmit (--retries 0 by default).
for rate in $RATES; do
  t0=$(now)
  ip netns exec "$SCANNER" timeout 120 masscan -p"$PORTS" -iL "$OUT/targets.txt" --rate "$rate" \
    --adapter msc0 --wait 3 -oJ "$OUT/masscan-$rate.json" \
    >"$OUT/masscan-$rate.log" 2>&1 || echo "masscan exited $?" >>"$OUT/masscan-$rate.log"
  t1=$(now)
  record "masscan_${rate}_seconds" "$(echo "$t1 - $t0" | bc)"
done

# nmap: SYN scan only (-sS, no -sV), the fastest settings that stay sane.
t0=$(now)
ip netns exec "$SCANNER" timeout 600 nmap -sS -Pn -n -T4 --min-hostgroup "$DEVICES" -p "$PORTS" \
  -iL "$OUT/targets.txt" -oX "$OUT/nmap-ss.xml" >"$OUT/nmap-ss.log" 2>&1 || true
t1=$(now)
record nmap_ss_seconds "$(echo "$t1 - $t0" | bc)"

# camsweep: the whole scan (connect, probes, UDP discovery, identification), not ports alone.
t0=$(now)
ip netns exec "$SCANNER" /usr/bin/time -v -o "$OUT/camsweep.time" "$BIN" scan "@$OUT/targets.txt" \
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

def masscan(rate):
    got = set()
    path = out / f"masscan-{rate}.json"
    text = path.read_text() if path.exists() else ""
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
print(f"## Port discovery through a router to a netns LAN of {len(truth)} devices ({machine['date']}, commit "
      f"{machine['commit']}, load before {machine['load_before']})\n")
print(f"{len(want)} served TCP ports among the {len(ports)} scanned on {len(truth)} devices; "
      f"router warmed up ({times.get('warmup_hosts_up')} devices answered its ARP ping).\n")
print("| tool | what it does | wall (s) | served ports found | missed | reported but not served | true maker named |")
print("|---|---|---|---|---|---|---|")
rows = [
    ("masscan 1.3.2", f"SYN, {rate} pps, no retries (--wait 3)", times[f"masscan_{rate}_seconds"], masscan(rate), "-")
    for rate in machine["rates"].split()
]
for label, what, secs, got, named in rows + [
    ("nmap -sS -T4", "SYN", times["nmap_ss_seconds"], nmap(), "-"),
    ("camsweep scan", "connect + probes + UDP discovery + identification", times["camsweep_seconds"], cs,
     f"{cs_right}/{makers}"),
]:
    print(f"| {label} | {what} | {float(secs):.1f} | {len(want & got)} | {len(want - got)} | {len(got - want)} | {named} |")
PY
