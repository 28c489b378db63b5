#!/usr/bin/env bash
# Installs and starts what camsweep's full test suite needs on a Debian machine:
#   ieee-data (MAC prefix registry, for regenerating the table), nmap, masscan and nftables (benchmark
#   peers; nft makes the routed lab of bench-masscan-netns.sh),
#   chromium (report rendering tests), iproute2 (network-namespace lab), and a running PostgreSQL on
#   127.0.0.1:5432. Safe to run again. Without root it says what it could not do and carries on:
#   the tests that need a missing part skip with a message naming it (CI makes them mandatory).
set -uo pipefail

say() { printf 'setup: %s\n' "$*" >&2; }

packages=(ieee-data nmap masscan nftables chromium iproute2 poppler-utils)
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
  missing=()
  for p in "${packages[@]}"; do dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p"); done
  if [ ${#missing[@]} -gt 0 ]; then
    say "installing ${missing[*]}"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq || say "apt-get update failed"
    apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null \
      || say "apt-get install failed for some of: ${missing[*]}"
  fi
else
  say "not root or no apt-get: not installing ${packages[*]} (tests needing them will skip)"
fi

# PostgreSQL: start the machine's cluster if it is installed but stopped.
if command -v pg_isready >/dev/null 2>&1; then
  if ! pg_isready -h 127.0.0.1 -p 5432 -q; then
    if command -v pg_ctlcluster >/dev/null 2>&1 && [ -d /etc/postgresql ]; then
      say "starting PostgreSQL"
      pg_ctlcluster --skip-systemctl-redirect "$(ls /etc/postgresql | head -n1)" main start || say "could not start PostgreSQL"
    fi
    for _ in $(seq 1 30); do pg_isready -h 127.0.0.1 -p 5432 -q && break; sleep 1; done
  fi
  pg_isready -h 127.0.0.1 -p 5432 -q && say "PostgreSQL is up on 127.0.0.1:5432" \
    || say "PostgreSQL is not reachable on 127.0.0.1:5432 (PostgreSQL tests will skip)"
else
  say "no PostgreSQL client tools: PostgreSQL tests will skip"
fi
exit 0
