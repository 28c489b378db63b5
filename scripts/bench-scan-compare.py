#!/usr/bin/env python3
"""Summarise scripts/bench-scan.sh (Markdown on stdout): wall time, hosts/s, the share of lab
devices whose true manufacturer each tool names, open ports against the lab truth, the cost of
hostile devices, and what masscan did.

Scoring: a device counts when the lab truth gives it a manufacturer and it is not hostile; a tool
names it right when the vendor id it gives equals the truth's. camsweep gives vendor ids. nmap
gives free text (product, extrainfo, devicetype, ostype, hostname, CPE): NMAP_NAMES below maps
a string to a vendor id only when it contains the maker's own name or one of the maker's own
brands, as a whole word. Generic servers (Boa, lighttpd, nginx, "App-webs/", "uc-httpd",
"VCS-VideoJet-Webserver") name no maker and are not mapped, even where camsweep's rules know
the firmware family: that knowledge is what is being compared. OEM relabel brands (Amcrest,
Lorex, LTS, Annke, Honeywell) are not the manufacturer and are not mapped either; they are
counted separately as "brand only"."""
import json
import re
import sys
import xml.etree.ElementTree as ET
from collections import Counter
from pathlib import Path

out = Path(sys.argv[1])
times = dict(l.strip().split("=", 1) for l in open(out / "times.env") if "=" in l)
machine = {}
if (out / "machine.env").exists():
    machine = dict(l.rstrip("\n").split("=", 1) for l in open(out / "machine.env") if "=" in l)

# nmap text -> vendor id (whole-word, case-insensitive). The maker's name, or a brand the maker
# itself sells under (EZVIZ/HiLook/HiWatch: Hikvision; Imou: Dahua; Samsung Techwin/Wisenet:
# Hanwha; UniFi/UBNT: Ubiquiti; IQeye: IQinVision).
NMAP_NAMES = [
    (r"hikvision|ezviz|hilook|hiwatch", "hikvision"),
    (r"dahua|imou", "dahua"),
    (r"axis", "axis"),
    (r"hanwha|samsung techwin|wisenet", "hanwha"),
    (r"bosch", "bosch"),
    (r"uniview|unv", "uniview"),
    (r"vivotek", "vivotek"),
    (r"mobotix", "mobotix"),
    (r"avigilon", "avigilon"),
    (r"xiongmai|xmeye", "xiongmai"),
    (r"reolink", "reolink"),
    (r"tp-?link", "tp-link"),
    (r"hewlett[- ]packard|hp", "hp"),
    (r"synology", "synology"),
    (r"tvt", "tvt"),
    (r"milesight", "milesight"),
    (r"i-pro", "i-pro"),
    (r"panasonic", "panasonic"),
    (r"sony", "sony"),
    (r"geovision", "geovision"),
    (r"tiandy", "tiandy"),
    (r"huawei", "huawei"),
    (r"zte", "zte"),
    (r"foscam", "foscam"),
    (r"ubiquiti|unifi|ubnt", "ubiquiti"),
    (r"hytera", "hytera"),
    (r"verkada", "verkada"),
]
RELABEL_BRANDS = r"amcrest|lorex|lts|annke|honeywell"
NMAP_RE = [(re.compile(rf"(?<![a-z0-9]){p}(?![a-z0-9])", re.I), v) for p, v in NMAP_NAMES]


def rate(n, seconds):
    return n / seconds if seconds > 0 else float("nan")


def eligible(truth):
    return [t for t in truth if t["manufacturer"] and not t["hostile"]]


def accuracy(truth, named):
    e = eligible(truth)
    right = sum(1 for t in e if named.get(t["address"]) == t["manufacturer"])
    return right, len(e)


def pct(r, n):
    return f"{r}/{n} = {100 * r / n:.1f}%" if n else "n/a"


def load_json(name):
    p = out / name
    return json.load(open(p)) if p.exists() and p.stat().st_size else None


def camsweep_named(doc):
    return {d["address"]: d["identification"]["manufacturer"] for d in doc["devices"]} if doc else {}


def nmap_hosts(path):
    """address -> {port: (state, service name, text)} and address -> text of the whole host."""
    hosts = {}
    if not path.exists() or path.stat().st_size == 0:
        return hosts
    try:
        root = ET.parse(path).getroot()
    except ET.ParseError:
        return hosts
    for host in root.iter("host"):
        addr = host.find("address").get("addr")
        ports = {}
        for p in host.iter("port"):
            state = p.find("state").get("state")
            s = p.find("service")
            name, text = "", ""
            if s is not None:
                name = s.get("name") or ""
                parts = [s.get(k) for k in ("product", "extrainfo", "devicetype", "ostype", "hostname")]
                parts += [c.text for c in s.iter("cpe")]
                text = " ".join(filter(None, parts))
            ports[int(p.get("portid"))] = (state, name, text)
        hosts[addr] = ports
    return hosts


def nmap_named(hosts):
    named, brand_only = {}, {}
    for addr, ports in hosts.items():
        text = " ".join(t for _, _, t in ports.values())
        for rx, vendor in NMAP_RE:
            if rx.search(text):
                named[addr] = vendor
                break
        else:
            m = re.search(rf"(?<![a-z0-9])(?:{RELABEL_BRANDS})(?![a-z0-9])", text, re.I)
            if m:
                brand_only[addr] = m.group(0)
    return named, brand_only


truth = json.load(open(out / "truth.json"))
truth_by = {t["address"]: t for t in truth}
# The slice is its own lab (per-address listening), with its own truth file.
truth_slice = json.load(open(out / "truth-slice.json"))
full = load_json("camsweep-full.json")
sl = load_json("camsweep-slice.json")
hostile = load_json("camsweep-hostile.json")
truth_h = json.load(open(out / "truth-hostile.json"))
nm = nmap_hosts(out / "nmap-slice.xml")
nm_named, nm_brand_only = nmap_named(nm)

f = float(times["camsweep_full_seconds"])
s = float(times["camsweep_slice_seconds"])
ns = float(times["nmap_slice_seconds"])
h = float(times["camsweep_hostile_seconds"])
addresses = 65534

print("## Results\n")
if machine:
    print(
        f"Machine: {machine.get('cpus')} cores ({machine.get('cpu_model')}), shared with other "
        f"sessions; kernel {machine.get('kernel')}; load before {machine.get('load_before')}; "
        f"{machine.get('nmap')}; {machine.get('masscan')}; commit {machine.get('commit')}; "
        f"{machine.get('date')}.\n"
    )
print("| run | targets | wall time (s) | hosts/s | true manufacturer named (non-hostile lab devices) |")
print("|---|---|---|---|---|")
r, n = accuracy(truth, camsweep_named(full))
print(f"| camsweep, whole /16, {len(truth)} devices | {addresses} addresses | {f:.1f} | {rate(addresses, f):.0f} | {pct(r, n)} |")
r, n = accuracy(truth_slice, camsweep_named(sl))
print(f"| camsweep, slice (own lab, per-address) | {len(truth_slice)} devices | {s:.1f} | {rate(len(truth_slice), s):.1f} | {pct(r, n)} |")
r_n, n_n = accuracy(truth_slice, nm_named)
nmap_note = "" if times.get("nmap_slice_rc", "0") == "0" else f" (stopped by timeout, rc {times['nmap_slice_rc']})"
print(f"| nmap -sV -T4, same slice{nmap_note} | {len(truth_slice)} devices | {ns:.1f} | {rate(len(truth_slice), ns):.2f} | {pct(r_n, n_n)} |")
if "rustscan_slice_seconds" in times:
    rss = float(times["rustscan_slice_seconds"])
    print(f"| RustScan (ports only, no names), same slice | {len(truth_slice)} devices | {rss:.1f} | {rate(len(truth_slice), rss):.1f} | - |")
rh, nh = accuracy(truth_h, camsweep_named(hostile))
hostile_truth = [t for t in truth_h if t["hostile"]]
print(f"| camsweep, whole /16, 5% hostile ({len(hostile_truth)} hostile) | {addresses} addresses | {h:.1f} | {rate(addresses, h):.0f} | {pct(rh, nh)} |")
print()
print(f"- Speed-up on the slice, nmap time / camsweep time: **{ns / s:.0f}x** "
      f"(per host: camsweep {rate(len(truth_slice), s):.1f} hosts/s, nmap {rate(len(truth_slice), ns):.2f} hosts/s).")
if "nmap_full_seconds" in times:
    print(f"- nmap -sV on the whole /16: stopped after {float(times['nmap_full_seconds']):.0f} s (rc {times['nmap_full_rc']}).")
for label, doc in (("full", full), ("hostile", hostile)):
    if doc is None:
        continue
    t = out / f"camsweep-{label}.time"
    if t.exists():
        info = dict(
            (k.strip(), v.strip()) for k, v in (l.split(": ", 1) for l in open(t) if ": " in l)
        )
        print(f"- camsweep {label}: user {info.get('User time (seconds)')} s, system "
              f"{info.get('System time (seconds)')} s, CPU {info.get('Percent of CPU this job got')}, "
              f"peak RSS {int(info.get('Maximum resident set size (kbytes)', 0)) // 1024} MiB.")

# Misses, by profile.
def misses(truth_list, named):
    return Counter(
        (t["profile"], t["brand"], named.get(t["address"]))
        for t in eligible(truth_list) if named.get(t["address"]) != t["manufacturer"]
    )

print("\n### Misses by lab profile (profile, brand, named)\n")
for label, truth_list, named in (
    ("camsweep /16", truth, camsweep_named(full)),
    ("camsweep /16 hostile run", truth_h, camsweep_named(hostile)),
    ("nmap slice", truth_slice, nm_named),
):
    m = misses(truth_list, named)
    print(f"- {label}: " + ("none" if not m else "; ".join(f"{k}: {v}" for k, v in m.most_common())))
ipro = sum(1 for t in eligible(truth_slice) if t["manufacturer"] == "i-pro" and nm_named.get(t["address"]) == "panasonic")
print(f"- nmap named Panasonic for {ipro} i-PRO cameras (Panasonic's security business became i-PRO in 2019): "
      f"counted as wrong; counting them gives {r_n + ipro}/{n_n}.")
print(f"- nmap named only an OEM relabel brand (not the maker) for {len(nm_brand_only)} devices: "
      f"{dict(Counter(nm_brand_only.values()))}.")

# What each tool reports beyond the lab devices.
if full:
    extra = [d for d in full["devices"] if d["address"] not in truth_by]
    print(f"\n### Devices reported\n\n- camsweep /16: {len(full['devices'])} reported; "
          f"{len(full['devices']) - len(extra)} of {len(truth)} lab devices; {len(extra)} addresses "
          f"with no lab device (shared listening: see below), "
          f"{sum(1 for d in extra if d['identification']['manufacturer'])} of them given a maker.")
    found = {d["address"] for d in full["devices"]}
    lost = [t for t in truth if t["address"] not in found]
    print(f"- lab devices camsweep did not report: {len(lost)}")

# Ports against truth (slice, non-hostile devices).
# Only the ports every tool was asked about (the lab's printers and NAS also serve 9100 and 5001).
scanned = set(sl["scan"]["ports"]) if sl else set()


def port_stats(get):
    tp = fn = fp = 0
    for t in truth_slice:
        if t["hostile"]:
            continue
        want, got = set(t["ports"]) & scanned, get(t["address"]) & scanned
        tp += len(want & got)
        fn += len(want - got)
        fp += len(got - want)
    return tp, fn, fp

cs = {d["address"]: d for d in sl["devices"]} if sl else {}
open_cs = lambda a: set(cs[a]["open_ports"]) if a in cs else set()
answered_cs = lambda a: {o["port"] for o in cs[a]["observations"] if o.get("port") and o.get("transport") == "tcp"} if a in cs else set()
def rustscan_ports():
    got = {}
    path = out / "rustscan-slice.txt"
    if not path.exists():
        return None
    for line in open(path):
        if "->" in line:
            addr, ports = line.split("->", 1)
            got[addr.strip()] = {int(p) for p in re.findall(r"\d+", ports)}
    return got

rs = rustscan_ports()
open_nm = lambda a: {p for p, (st, _, _) in nm.get(a, {}).items() if st == "open"}
served_nm = lambda a: {p for p, (st, name, _) in nm.get(a, {}).items() if st == "open" and name != "tcpwrapped"}
print(f"\n### Open TCP ports against the truth (slice, non-hostile devices, the {len(scanned)} scanned ports)\n")
print("| measure | truth ports found | truth ports missed | ports reported the device does not serve |")
print("|---|---|---|---|")
for label, get in [
    ("camsweep: connect succeeded (open_ports)", open_cs),
    ("camsweep: ports that gave an observation", answered_cs),
    ("nmap: state open", open_nm),
    ("nmap: open and not tcpwrapped", served_nm),
] + ([("RustScan: open (connect)", lambda a: rs.get(a, set()))] if rs is not None else []):
    tp, fn, fp = port_stats(get)
    print(f"| {label} | {tp} | {fn} | {fp} |")

# Hostile devices.
if hostile:
    hd = {d["address"]: d for d in hostile["devices"]}
    flagged = sum(1 for t in hostile_truth if t["address"] in hd and hd[t["address"]]["status"] != "up")
    by_kind = Counter()
    for t in hostile_truth:
        d = hd.get(t["address"])
        by_kind[(t["hostile"], d["status"] if d else "not reported")] += 1
    print(f"\n### Hostile devices\n\n- reported unresponsive/malformed: {flagged}/{len(hostile_truth)}; "
          + "; ".join(f"{k[0]} → {k[1]}: {v}" for k, v in sorted(by_kind.items())))
    print(f"- hostile run minus clean run: {h - f:+.1f} s (limits: connect 1.5 s, read idle 3 s, "
          f"probe 6 s, host 30 s)")

print("\n### masscan\n")
for log, key in (("masscan.log", "masscan"), ("masscan-macs.log", "masscan_macs")):
    p = out / log
    text = p.read_text(errors="replace").replace("\r", "\n").strip().splitlines() if p.exists() else []
    text = [l.strip() for l in text if l.strip()]
    secs = float(times.get(f"{key}_seconds", "nan"))
    rc = times.get(f"{key}_rc", "?")
    print(f"- `{log}` ({secs:.0f} s, rc {rc}): " + (" / ".join(text[-3:]) if text else "(no output)"))
