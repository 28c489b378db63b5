#!/usr/bin/env bash
# Register benchmarks (docs/benchmarks.md, section "Register"): ingest 100,000 observations into
# SQLite and PostgreSQL (127.0.0.1:5432, db test), then the gate's latency through the binary.
set -euo pipefail
cd "$(dirname "$0")/.."
cargo run --release -q -p camsweep-register --example bench_ingest -- "${DEVICES:-20000}" "${PER_DEVICE:-5}"
