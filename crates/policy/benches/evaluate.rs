//! Evaluates every built-in pack over a synthetic estate of 100,000 devices.
//! Run: `cargo bench -p camsweep-policy --bench evaluate` (numbers in docs/benchmarks.md).

#[path = "support/estate.rs"]
mod estate;

use std::hint::black_box;
use std::time::Duration;

use camsweep_policy::PolicySet;
use criterion::{Criterion, criterion_group, criterion_main};

fn bench(c: &mut Criterion) {
    let set = PolicySet::builtin().expect("built-in packs");
    let devices = estate::estate(100_000);
    let mut group = c.benchmark_group("policy");
    group.sample_size(10);
    group.measurement_time(Duration::from_secs(30));
    group.bench_function("evaluate_batch all packs x 100k devices", |b| {
        b.iter(|| black_box(set.evaluate_batch(black_box(&devices), &[]).unwrap()))
    });
    // A tenth of the estate, for a quick run: `-- 10k`.
    let ten_thousand = &devices[..10_000];
    group.bench_function("evaluate_batch all packs x 10k devices", |b| {
        b.iter(|| black_box(set.evaluate_batch(black_box(ten_thousand), &[]).unwrap()))
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
