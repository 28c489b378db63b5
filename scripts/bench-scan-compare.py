#!/usr/bin/env python3
"""Summarise scripts/bench-scan.sh: wall time, hosts/s and the share of lab devices whose true
manufacturer each tool names. nmap's product/vendor strings are mapped to KB vendor ids by the
table below: a string names a maker only if it contains the maker's own name (no guessing from
generic servers such as "Boa" or "lighttpd")."""
import json, sys, xml.etree.ElementTree as ET
from pathlib import Path

out = Path(sys.argv[1])
times = dict(l.strip().split("=") for l in open(out / "times.env") if "=" in l)

NMAP_NAMES = {
    "hikvision": "hikvision", "dahua": "dahua", "axis": "axis", "hanwha": "hanwha", "samsung": "hanwha",
    "bosch": "bosch", "uniview": "uniview", "vivotek": "vivotek", "mobotix": "mobotix", "avigilon": "avigilon",
    "xiongmai": "xiongmai", "xmeye": "xiongmai", "reolink": "reolink", "tp-link": "tp-link", "hp ": "hp",
    "hewlett": "hp", "synology": "synology", "ezviz": "hikvision", "tvt": "tvt", "milesight": "milesight",
    "panasonic": "panasonic", "sony": "sony", "honeywell": "honeywell", "geovision": "geovision",
    "tiandy": "tiandy", "huawei": "huawei", "zte": "zte", "foscam": "foscam", "amcrest": "dahua",
}

def rate(n, seconds):
    return n / seconds if seconds > 0 else float("nan")

def accuracy(truth, named):
    eligible = [t for t in truth if t["manufacturer"] and not t["hostile"]]
    right = sum(1 for t in eligible if named.get(t["address"]) == t["manufacturer"])
    return right, len(eligible)

def camsweep_named(doc):
    return {d["address"]: d["identification"]["manufacturer"] for d in doc["devices"]}

def nmap_named(path):
    named = {}
    if not path.exists():
        return named
    root = ET.parse(path).getroot()
    for host in root.iter("host"):
        addr = host.find("address").get("addr")
        text = " ".join(
            " ".join(filter(None, [s.get("product"), s.get("extrainfo"), s.get("devicetype"), s.get("ostype")]))
            for s in host.iter("service")
        ).lower() + " "
        for needle, vendor in NMAP_NAMES.items():
            if needle in text:
                named[addr] = vendor
                break
    return named

truth = json.load(open(out / "truth.json"))
slice_addrs = set(l.strip() for l in open(out / "slice.txt"))
truth_slice = [t for t in truth if t["address"] in slice_addrs]
full = json.load(open(out / "camsweep-full.json"))
sl = json.load(open(out / "camsweep-slice.json"))
hostile = json.load(open(out / "camsweep-hostile.json"))
truth_h = json.load(open(out / "truth-hostile.json"))

rows = []
f = float(times["camsweep_full_seconds"])
r, n = accuracy(truth, camsweep_named(full))
rows.append(("camsweep, /16 (65,534 addresses, %d devices)" % len(truth), f, rate(65534, f), "%d/%d = %.1f%%" % (r, n, 100 * r / n)))
s = float(times["camsweep_slice_seconds"])
r, n = accuracy(truth_slice, camsweep_named(sl))
rows.append(("camsweep, %d-device slice" % len(truth_slice), s, rate(len(truth_slice), s), "%d/%d = %.1f%%" % (r, n, 100 * r / n)))
ns = float(times["nmap_slice_seconds"])
r, n = accuracy(truth_slice, nmap_named(out / "nmap-slice.xml"))
rows.append(("nmap -sV -T4, same slice", ns, rate(len(truth_slice), ns), "%d/%d = %.1f%%" % (r, n, 100 * r / n)))
h = float(times["camsweep_hostile_seconds"])
r, n = accuracy(truth_h, camsweep_named(hostile))
bad = [d for d in hostile["devices"] if d["status"] != "up"]
hostile_truth = [t for t in truth_h if t["hostile"]]
rows.append(("camsweep, /16 with 5%% hostile (%d hostile)" % len(hostile_truth), h, rate(65534, h), "%d/%d = %.1f%%" % (r, n, 100 * r / n)))

print("| run | wall time (s) | hosts/s | true manufacturer named |")
print("|---|---|---|---|")
for name, secs, hps, acc in rows:
    print(f"| {name} | {secs:.1f} | {hps:.0f} | {acc} |")
print()
print(f"speed-up on the slice (nmap time / camsweep time): {ns / s:.1f}x")
print(f"hostile devices reported unresponsive/malformed: {sum(1 for t in hostile_truth if any(d['address']==t['address'] and d['status']!='up' for d in bad))}/{len(hostile_truth)}")
print(f"hostile run minus clean run: {h - f:.1f}s")
masscan = (out / "masscan.log").read_text(errors="replace").strip().splitlines()
print("masscan:", masscan[-1] if masscan else "(no output)", f"({float(times['masscan_slice_seconds']):.1f}s)")
