//! Evaluates every built-in pack over synthetic estates of 100,000 devices.
//! Run: `cargo bench -p camsweep-policy --bench evaluate` (numbers in docs/benchmarks.md).
//!
//! * `realistic`: 100k devices over 50 sites and 30 makers, random first-seen dates
//!   ([`estate::realistic_estate`]);
//! * `mixed`: the older, regular estate (12 distinct projections for the contract packs);
//! * `all-distinct`: the realistic estate with every device's vendor facts distinct, so the
//!   projection cache never hits (its worst case);
//! * one thread (the target) and two threads; and the interpreter on 10k as the baseline.

#[path = "support/estate.rs"]
mod estate;

use std::hint::black_box;
use std::time::Duration;

use camsweep_policy::{DeviceContext, Evaluator, PolicySet};
use criterion::{Criterion, criterion_group, criterion_main};

fn bench(c: &mut Criterion) {
    let compiled = PolicySet::builtin().expect("built-in packs");
    let mut interpreted = PolicySet::builtin().expect("built-in packs");
    interpreted.set_evaluator(Evaluator::Interpreted);
    let realistic = estate::realistic_estate(100_000);
    let mixed = estate::estate(100_000);
    let distinct = estate::distinct_estate(100_000);
    let mut group = c.benchmark_group("policy");
    group
        .sample_size(10)
        .measurement_time(Duration::from_secs(40));
    let mut run_in = |name: &str, set: &PolicySet, devices: &[DeviceContext], threads: usize| {
        group.bench_function(name, |b| {
            b.iter(|| {
                black_box(
                    set.evaluate_batch_threads(black_box(devices), &[], threads)
                        .unwrap(),
                )
            })
        });
    };
    run_in("compiled 1 thread realistic 100k", &compiled, &realistic, 1);
    run_in("compiled 1 thread mixed 100k", &compiled, &mixed, 1);
    run_in(
        "compiled 1 thread all-distinct 100k",
        &compiled,
        &distinct,
        1,
    );
    run_in(
        "compiled 2 threads realistic 100k",
        &compiled,
        &realistic,
        2,
    );
    run_in(
        "interpreted 1 thread realistic 10k",
        &interpreted,
        &realistic[..10_000],
        1,
    );
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
