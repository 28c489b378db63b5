#!/usr/bin/env bash
# Estate import at scale (issue 11: "100,000 networks under 30 s"). Generates an estate of N
# networks (one /28 each, 10 per site, 100 sites per organisation), imports it into a fresh
# SQLite register, then re-imports it unchanged and with every site's sensitivity flipped.
# Usage: scripts/bench-estate.sh [N ...]   (default: 20000 100000)
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build --release -q -p camsweep
bin=target/release/camsweep
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

generate() { # N SENSITIVITY FILE
  python3 - "$1" "$2" > "$3" <<'PY'
import sys
n, sens = int(sys.argv[1]), sys.argv[2]
sites = (n + 9) // 10
orgs = (sites + 99) // 100
out = []
for o in range(orgs):
    out.append(f'[[organisation]]\nid = "org{o}"\nname = "Organisation {o}"\npolicies = ["uk-hcws386-2022"]\n')
for s in range(sites):
    out.append(f'[[site]]\nid = "site{s}"\norganisation = "org{s // 100}"\nname = "Site {s}"\nsensitivity = "{sens}"\n')
for i in range(n):
    a = 10 << 24 | i << 4
    cidr = f"{a >> 24 & 255}.{a >> 16 & 255}.{a >> 8 & 255}.{a & 255}/28"
    zone = "core" if i % 10 == 0 else "isolated"
    out.append(f'[[network]]\nid = "net{i}"\nsite = "site{i // 10}"\nzone = "{zone}"\ncidrs = ["{cidr}"]\n')
sys.stdout.write("\n".join(out))
PY
}

timed() { # LABEL COMMAND...
  local label=$1; shift
  /usr/bin/time -f "%e s, %M KB max RSS" -o "$work/time" "$@" > "$work/out" 2>&1 || {
    cat "$work/out"; exit 1; }
  printf '%-44s %s\n' "$label" "$(cat "$work/time")"
}

for n in "${@:-20000 100000}"; do
  for size in $n; do
    generate "$size" sensitive "$work/a.toml"
    generate "$size" non-sensitive "$work/b.toml"
    db="sqlite://$work/r$size.db"
    timed "$size networks: first import" $bin estate import --db "$db" "$work/a.toml"
    timed "$size networks: unchanged re-import" $bin estate import --db "$db" "$work/a.toml"
    timed "$size networks: every site's sensitivity changed" $bin estate import --db "$db" "$work/b.toml"
  done
done
