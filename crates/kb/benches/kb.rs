//! Lookup speed of the knowledge base: the engine calls `OuiTable::lookup`, `resolve_name` and
//! `resolve_brand` per device, and loads the embedded KB once per run.
//!
//! `cargo bench -p camsweep-kb --bench kb -- --warm-up-time 1 --measurement-time 4`

use std::hint::black_box;

use camsweep_kb::KnowledgeBase;
use camsweep_kb::oui::OuiTable;
use camsweep_kb::vendors::Registry;
use criterion::{Criterion, Throughput, criterion_group, criterion_main};

/// A realistic mix: vendor MA-L, MA-M, MA-S, private, locally administered, multicast,
/// unassigned, malformed, in several spellings.
const MACS: &[&str] = &[
    "44:47:cc:12:34:56",
    "08-ED-ED-00-00-01",
    "ac:cc:8e:01:02:03",
    "70:b3:d5:f2:f1:23",
    "20:85:93:b0:00:01",
    "74:1a:e0:90:00:01",
    "52:54:00:12:34:56",
    "01:00:5e:00:00:fb",
    "00:00:00:00:00:01",
    "4447.cc12.3456",
    "b8:27:eb:00:00:01",
    "not-a-mac",
];

const NAMES: &[&str] = &[
    "HIKVISION",
    "Zhejiang Dahua Technology Co., Ltd.",
    "Axis Communications AB",
    "Verkada, Inc.",
    "Generic IP Camera",
    "Hikvision-compatible camera",
];

const BRANDS: &[&str] = &["LTS", "EZVIZ", "Lorex", "Annke", "Imou", "Nonesuch"];

fn benches(c: &mut Criterion) {
    let kb = KnowledgeBase::embedded().expect("embedded KB");

    let mut group = c.benchmark_group("oui");
    group.throughput(Throughput::Elements(MACS.len() as u64));
    group.bench_function("lookup_mix", |b| {
        b.iter(|| {
            for mac in MACS {
                black_box(kb.oui.lookup(black_box(mac)));
            }
        })
    });
    group.finish();

    let mut group = c.benchmark_group("vendors");
    group.throughput(Throughput::Elements(NAMES.len() as u64));
    group.bench_function("resolve_name_mix", |b| {
        b.iter(|| {
            for name in NAMES {
                black_box(kb.vendors.resolve_name(black_box(name)));
            }
        })
    });
    group.throughput(Throughput::Elements(BRANDS.len() as u64));
    group.bench_function("resolve_brand_mix", |b| {
        b.iter(|| {
            for brand in BRANDS {
                black_box(kb.vendors.resolve_brand(black_box(brand)));
            }
        })
    });
    group.finish();

    let mut group = c.benchmark_group("load");
    group.sample_size(10);
    let vendors_text = include_str!("../data/vendors.toml");
    let oui_text = include_str!("../data/oui.csv");
    group.bench_function("vendors_toml", |b| {
        b.iter(|| black_box(Registry::parse(vendors_text, "vendors.toml").expect("parses")))
    });
    group.bench_function("oui_csv", |b| {
        b.iter(|| black_box(OuiTable::parse(oui_text, "oui.csv", &kb.vendors).expect("parses")))
    });
    group.bench_function("embedded_kb", |b| {
        b.iter(|| black_box(KnowledgeBase::embedded().expect("embedded KB")))
    });
    group.finish();
}

criterion_group!(kb_benches, benches);
criterion_main!(kb_benches);
