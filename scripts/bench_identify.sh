#!/usr/bin/env bash
# `camsweep identify` end to end on 200,000 observations, one device each (the worst case for
# grouping): release build, output to /dev/null, three runs each of JSON Lines and the table.
# Prints wall and user seconds, observations per second and peak memory (docs/benchmarks.md,
# "camsweep identify end to end"). The addresses are only text in a file: nothing is sent.
set -euo pipefail
cd "$(dirname "$0")/.."
count="${COUNT:-200000}"
cargo build --release -q -p camsweep
bin="${CARGO_TARGET_DIR:-target}/release/camsweep"
dir="$(mktemp -d)"
trap 'rm -rf "$dir"' EXIT
input="$dir/observations.jsonl"
# Eight kinds of values: Hikvision, Dahua, XiongMai, and generic servers.
awk -v n="$count" 'BEGIN {
  k[0] = "http.server";           v[0] = "App-webs/"
  k[1] = "http.title";            v[1] = "NETSurveillance WEB"
  k[2] = "rtsp.server";           v[2] = "Dahua Rtsp Server"
  k[3] = "http.server";           v[3] = "Apache/2.4.41 (Ubuntu)"
  k[4] = "http.www_authenticate"; v[4] = "Digest realm=\\\"DS-2CD2310FD-I\\\", nonce=\\\"abc\\\""
  k[5] = "ssh.banner";            v[5] = "SSH-2.0-OpenSSH_8.2p1 Ubuntu-4ubuntu0.5"
  k[6] = "http.server";           v[6] = "uc-httpd 1.0.0"
  k[7] = "tls.subject";           v[7] = "C=CN, O=Hikvision, CN=192.168.1.64"
  for (i = 0; i < n; i++) {
    printf "{\"address\":\"10.%d.%d.%d\",\"kind\":\"%s\",\"value\":\"%s\",\"observed_at\":\"2026-12-03T00:00:00Z\"}\n",
      int(i / 65536) % 256, int(i / 256) % 256, i % 256, k[i % 8], v[i % 8]
  }
}' > "$input"
for format in json table; do
  for run in 1 2 3; do
    /usr/bin/time -f "%e %U %M" -o "$dir/time" "$bin" identify --format "$format" "$input" > /dev/null
    read -r wall user rss < "$dir/time"
    awk -v f="$format" -v r="$run" -v w="$wall" -v u="$user" -v m="$rss" -v n="$count" \
      'BEGIN { printf "%-5s run %d: %s s wall, %s s user, %d observations/s, %d MB peak\n", f, r, w, u, n / w, m / 1024 }'
  done
done
