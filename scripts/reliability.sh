#!/usr/bin/env bash
# The reliability suite (issue 11), as a script that can be rerun: careless and hostile input,
# interruptions and scale traps, each checked against the release binary with its numbers.
# The concurrency and crash checks that need many iterations or a fault are cargo tests
# (tests/register.rs, crates/camsweep/tests/cli/register_cli.rs); this script covers what needs a stopwatch, a
# memory gauge or a terminal. Loopback and local files only.
#
# Usage: scripts/reliability.sh            (SQLite register in a temporary directory)
#        CAMSWEEP_PG=postgres://... scripts/reliability.sh   (also PostgreSQL where noted)
# Exit status: 0 when every check passed, 1 otherwise.
set -uo pipefail
cd "$(dirname "$0")/.."
cargo build --release -q -p camsweep || exit 1
bin="${CARGO_TARGET_DIR:-target}/release/camsweep"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
failures=0

pass() { printf 'PASS  %s\n' "$*"; }
fail() { printf 'FAIL  %s\n' "$*"; failures=$((failures + 1)); }

# Runs a command under /usr/bin/time; sets RSS_MB and SECONDS_TAKEN, returns its status.
measure() {
  /usr/bin/time -f '%M %e' -o "$work/time" "$@"
  local status=$?
  # time(1) writes "Command exited with non-zero status N" first when the command failed.
  read -r rss_kb SECONDS_TAKEN < <(tail -n 1 "$work/time") || true
  RSS_MB=$(( ${rss_kb:-0} / 1024 ))
  return $status
}

db="$work/register.db"
cat > "$work/estate.toml" <<'TOML'
[[organisation]]
id = "dept"
name = "Department"
policies = ["uk-hcws386-2022"]

[[site]]
id = "hq"
organisation = "dept"
name = "HQ"
sensitivity = "sensitive"

[[network]]
id = "hq-cctv"
site = "hq"
zone = "isolated"
cidrs = ["10.0.0.0/8"]
TOML
"$bin" estate import "$work/estate.toml" --db "$db" > /dev/null 2>&1 \
  || { echo "cannot import the base estate"; exit 1; }

# 1. An empty estate file would delete the whole estate: refused.
: > "$work/empty.toml"
"$bin" estate import "$work/empty.toml" --db "$db" > "$work/out" 2>&1
status=$?
if [[ $status -eq 2 ]] && grep -q "empty.toml" "$work/out"; then
  pass "empty estate file refused (exit $status)"
else
  fail "empty estate file: exit $status: $(head -c 300 "$work/out")"
fi

# 2. A scan document with bad fields is refused whole, naming each line.
python3 - "$work/bad-scan.json" <<'PY'
import json, sys
doc = {"scan": {"id": "bad-1", "started_at": "yesterday", "targets": ["10.0.0.0/30"],
        "ports": [80], "kb_version": "x", "tool_version": "x", "hosts_scanned": 4},
       "devices": [{"address": "not-an-ip", "mac": "zz:zz", "open_ports": [80], "status": "up",
                    "identification": {"device_type": "ip-camera", "confidence": 5.0,
                                       "evidence": [], "kb_version": "x"},
                    "observations": [{"kind": "http.server", "value": "x",
                                      "observed_at": "2099-01-01T00:00:00Z"}]}]}
json.dump(doc, open(sys.argv[1], "w"), indent=2)
PY
"$bin" ingest "$work/bad-scan.json" --db "$db" > "$work/out" 2>&1
status=$?
lines=$(grep -c "bad-scan.json:[0-9]*: " "$work/out")
if [[ $status -eq 2 && $lines -ge 5 ]]; then
  pass "bad scan document refused with $lines located problems"
else
  fail "bad scan document: exit $status, $lines located problems: $(head -c 400 "$work/out")"
fi

# 3. identify on an endless stream holds bounded memory (target: under 100 MB).
measure timeout 15 "$bin" identify > /dev/null 2>&1 < <(
  awk 'BEGIN { for (i = 0; ; i++) printf "{\"device\":\"d%d\",\"kind\":\"http.server\",\"value\":\"App-webs/ %0200d\"}\n", int(i / 3), i }' 2>/dev/null)
if [[ $RSS_MB -lt 100 ]]; then
  pass "identify, endless stream for 15 s: ${RSS_MB} MB peak"
else
  fail "identify, endless stream for 15 s: ${RSS_MB} MB peak (target under 100 MB)"
fi

# 4. ingest of a 60 MB observations file (targets: under 200 MB, under 20 s).
python3 - "$work/obs60.jsonl" <<'PY'
import json, random, sys
random.seed(1)
n = d = 0
with open(sys.argv[1], "w") as f:
    while n < 60 * 1024 * 1024:
        address = f"10.{d >> 16 & 255}.{d >> 8 & 255}.{d & 255}"
        for k in range(5):
            value = "App-webs/" if k == 0 else "<html><title>Web</title>" + "x" * random.randint(300, 700)
            line = json.dumps({"address": address, "kind": "http.server" if k == 0 else "http.body",
                               "value": value, "port": 80}) + "\n"
            f.write(line)
            n += len(line)
        d += 1
PY
measure "$bin" ingest "$work/obs60.jsonl" --db "$work/ingest.db" > "$work/out" 2>&1
status=$?
if [[ $status -eq 0 && $RSS_MB -lt 200 && ${SECONDS_TAKEN%.*} -lt 20 ]]; then
  pass "ingest of 60 MB: ${SECONDS_TAKEN} s, ${RSS_MB} MB peak"
else
  fail "ingest of 60 MB: exit $status, ${SECONDS_TAKEN} s, ${RSS_MB} MB peak (targets under 20 s, 200 MB): $(tail -c 300 "$work/out")"
fi

# 5. An over-long observation line is refused without reading it into memory.
python3 -c 'import sys; sys.stdout.write("{\"kind\":\"http.body\",\"value\":\"" + "x" * (200 * 1024 * 1024) + "\"}\n")' \
  > "$work/huge.jsonl"
measure "$bin" ingest "$work/huge.jsonl" --db "$db" > "$work/out" 2>&1
status=$?
if [[ $status -eq 2 && $RSS_MB -lt 100 ]] && grep -q "huge.jsonl:1" "$work/out"; then
  pass "a 200 MB observation line refused at line 1, ${RSS_MB} MB peak"
else
  fail "a 200 MB observation line: exit $status, ${RSS_MB} MB: $(head -c 300 "$work/out")"
fi
rm -f "$work/huge.jsonl"

# 6. A closed pipe ends quietly with exit 0 (was a panic, exit 101).
"$bin" identify "$work/obs60.jsonl" 2>"$work/err" | head -1 > /dev/null
status=${PIPESTATUS[0]}
if [[ $status -eq 0 ]] && ! grep -q panicked "$work/err"; then
  pass "identify | head -1: exit 0, no panic"
else
  fail "identify | head -1: exit $status: $(head -c 300 "$work/err")"
fi

# 7. Escape sequences a device sends never reach the terminal.
printf '{"device":"evil\\u001b[2J\\u001b]0;pwned\\u0007","kind":"http.server","value":"x"}\n' \
  > "$work/escape.jsonl"
"$bin" identify --format table "$work/escape.jsonl" > "$work/out" 2>&1
if grep -q $'\x1b' "$work/out"; then
  fail "identify --format table printed an escape sequence from device data"
else
  pass "identify --format table escapes control characters from device data"
fi

# 8. Estate import of 100,000 networks (target: under 30 s).
python3 - "$work/estate100k.toml" <<'PY'
import sys
n = 100_000
out = ['[[organisation]]\nid = "org"\nname = "Org"\npolicies = ["uk-hcws386-2022"]\n']
for s in range(n // 10):
    out.append(f'[[site]]\nid = "site{s}"\norganisation = "org"\nname = "Site {s}"\nsensitivity = "sensitive"\n')
for i in range(n):
    a = 10 << 24 | i << 4
    cidr = f"{a >> 24 & 255}.{a >> 16 & 255}.{a >> 8 & 255}.{a & 255}/28"
    out.append(f'[[network]]\nid = "net{i}"\nsite = "site{i // 10}"\nzone = "isolated"\ncidrs = ["{cidr}"]\n')
open(sys.argv[1], "w").write("\n".join(out))
PY
measure "$bin" estate import "$work/estate100k.toml" --db "$work/estate.db" > "$work/out" 2>&1
status=$?
if [[ $status -eq 0 && ${SECONDS_TAKEN%.*} -lt 30 ]]; then
  pass "estate import of 100,000 networks: ${SECONDS_TAKEN} s, ${RSS_MB} MB peak"
else
  fail "estate import of 100,000 networks: exit $status, ${SECONDS_TAKEN} s: $(tail -c 300 "$work/out")"
fi

# 9. A past-dated waiver is refused.
"$bin" waive no-such-finding --db "$db" --until 2001-01-01 --reason r --by g > "$work/out" 2>&1
status=$?
if [[ $status -eq 2 ]] && grep -qi "past" "$work/out"; then
  pass "waiver until 2001 refused (exit $status)"
else
  fail "waiver until 2001 accepted"
fi

echo
if [[ $failures -eq 0 ]]; then
  echo "reliability: every check passed"
else
  echo "reliability: $failures check(s) failed"
fi
[[ $failures -eq 0 ]]
