#!/usr/bin/env bash
# `camsweep serve` on a PostgreSQL register of COUNT devices (default 1,000,000, written by SQL
# straight into a scratch schema of database `test` on 127.0.0.1:5432): one client on loopback,
# 21 sequential requests per query of GET /api/v1/devices, median and maximum in ms, and the
# server's RSS (docs/benchmarks.md, "camsweep serve"). PROFILE=dev uses the debug build.
# Everything goes to 127.0.0.1 only; the schema is dropped at the end.
set -euo pipefail
cd "$(dirname "$0")/.."
count="${COUNT:-1000000}"
profile="${PROFILE:-release}"
cargo build -q --profile "$profile" -p camsweep
dir_name=$([ "$profile" = dev ] && echo debug || echo "$profile")
bin="${CARGO_TARGET_DIR:-target}/$dir_name/camsweep"
pg=(psql -h 127.0.0.1 -U postgres -d test -q)
schema="bench_server_$$"
db="postgres://postgres@127.0.0.1:5432/test?options[search_path]=$schema"
work="$(mktemp -d)"
cleanup() {
  [ -n "${server:-}" ] && kill -TERM "$server" 2>/dev/null && wait "$server" 2>/dev/null || true
  "${pg[@]}" -c "SET client_min_messages = warning; DROP SCHEMA IF EXISTS $schema CASCADE" || true
  rm -rf "$work"
}
trap cleanup EXIT
"${pg[@]}" -c "CREATE SCHEMA $schema"
cat > "$work/estate.toml" <<'TOML'
[[organisation]]
id = "alpha"
name = "Alpha"
policies = ["uk-hcws386-2022"]

[[site]]
id = "a-hq"
organisation = "alpha"
name = "Alpha HQ"
sensitivity = "sensitive"

[[network]]
id = "a-core"
site = "a-hq"
zone = "core"
cidrs = ["10.0.0.0/8"]
TOML
"$bin" estate import "$work/estate.toml" --db "$db" > /dev/null 2>&1
"${pg[@]}" -c "SET search_path = $schema;
  INSERT INTO devices (id, device_key, address, network_id, first_seen, last_seen, missing)
  SELECT lpad(i::text, 10, '0'), 'addr:a-core/' || a, a, 'a-core',
         '2026-12-01T00:00:00Z', '2026-12-01T00:00:00Z', false
  FROM (SELECT i, '10.' || (i / 65536) || '.' || ((i / 256) % 256) || '.' || (i % 256) AS a
        FROM generate_series(1, $count) i) s;
  ANALYZE;"
echo "a long enough password" | "$bin" user add bench --org alpha --role viewer --db "$db" > /dev/null
token="$("$bin" token create --user bench --db "$db" 2>/dev/null)"
"$bin" serve --db "$db" --listen 127.0.0.1:0 > "$work/serve.out" 2>/dev/null &
server=$!
for _ in $(seq 1 100); do grep -q listening "$work/serve.out" && break; sleep 0.1; done
base="$(sed -n 's/^listening on //p' "$work/serve.out")/api/v1/devices"
deep=$(printf '%010d' $((count * 9 / 10)))
echo "camsweep serve ($profile), PostgreSQL, $count devices, one client, 21 requests each:"
for query in "limit=100" "limit=100&after=$deep" "limit=100&zone=core&after=$deep" \
             "limit=1000&after=$deep" "limit=100&q=10.13."; do
  for _ in $(seq 1 21); do
    curl -sf -o /dev/null -w '%{time_total}\n' -H "Authorization: Bearer $token" "$base?$query"
  done | sort -n | awk -v q="$query" '{t[NR] = $1 * 1000}
    END { printf "  %-40s median %7.1f ms, max %7.1f ms\n", q, t[11], t[21] }'
done
echo "  server RSS: $(( $(ps -o rss= -p "$server") / 1024 )) MiB"
