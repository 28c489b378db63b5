//! Renderer speed over a synthetic register (`sample::synthetic`): 10,000 devices per iteration
//! here; `scripts/report_scale.sh` measures the 100,000-device case end to end.

use camsweep_report::{render_csv, render_html, render_json, render_xlsx, sample};
use criterion::{Criterion, criterion_group, criterion_main};

fn bench(c: &mut Criterion) {
    let data = sample::synthetic(10_000);
    let mut group = c.benchmark_group("report_10k_devices");
    group.sample_size(10);
    group.bench_function("html", |b| b.iter(|| render_html(&data).len()));
    group.bench_function("csv", |b| b.iter(|| render_csv(&data).unwrap().len()));
    group.bench_function("xlsx", |b| b.iter(|| render_xlsx(&data).unwrap().len()));
    group.bench_function("json", |b| b.iter(|| render_json(&data).unwrap().len()));
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
