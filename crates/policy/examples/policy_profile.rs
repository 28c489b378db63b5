//! Times `evaluate_batch_threads` over the bench estate, for profiling (`perf record` this).
//! Run: `cargo run --release -p camsweep-policy --example policy_profile -- DEVICES THREADS
//! [compiled|interpreted] [realistic|mixed|distinct]`.

#[path = "../benches/support/estate.rs"]
mod estate;

use std::time::Instant;

use camsweep_policy::{Evaluator, PolicySet};

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let count: usize = args.get(1).and_then(|a| a.parse().ok()).unwrap_or(10_000);
    let threads: usize = args.get(2).and_then(|a| a.parse().ok()).unwrap_or(1);
    let evaluator = match args.get(3).map(String::as_str) {
        Some("interpreted") => Evaluator::Interpreted,
        _ => Evaluator::Compiled,
    };
    let mut set = PolicySet::builtin().expect("built-in packs");
    set.set_evaluator(evaluator);
    for meta in set.packs() {
        println!("{}: {:?}", meta.id, set.evaluator_of(&meta.id));
    }
    let devices = match args.get(4).map(String::as_str) {
        Some("mixed") => estate::estate(count),
        Some("distinct") => estate::distinct_estate(count),
        _ => estate::realistic_estate(count),
    };
    let started = Instant::now();
    let results = set
        .evaluate_batch_threads(&devices, &[], threads)
        .expect("evaluates");
    let elapsed = started.elapsed();
    let findings: usize = results.iter().map(Vec::len).sum();
    println!(
        "{count} devices, {threads} thread(s), {evaluator:?}: {findings} findings, {elapsed:?} wall"
    );
    // Each pack alone, to see which one dominates.
    for meta in set.packs() {
        let only = [meta.id.clone()];
        let started = Instant::now();
        set.evaluate_batch_threads(&devices, &only, threads)
            .expect("evaluates");
        println!("  {} alone: {:?}", meta.id, started.elapsed());
    }
    // How far a cache keyed on a projection of the input could go: distinct projections.
    let distinct = |key: &dyn Fn(&camsweep_policy::DeviceContext) -> String| {
        devices
            .iter()
            .map(key)
            .collect::<std::collections::HashSet<_>>()
            .len()
    };
    let json = |v: &dyn erased::Show| v.show();
    let maker_only = |d: &camsweep_policy::DeviceContext| {
        json(&(
            &d.device.manufacturer,
            &d.device.vendor,
            &d.device.device_type,
            d.device.confidence.to_bits(),
            &d.purpose,
            &d.now,
        ))
    };
    let with_place = |d: &camsweep_policy::DeviceContext| {
        format!(
            "{}{}",
            maker_only(d),
            json(&(&d.device.first_seen, &d.site, &d.network))
        )
    };
    let with_place_classes = |d: &camsweep_policy::DeviceContext| {
        format!(
            "{}{}",
            maker_only(d),
            json(&(
                &d.device.first_seen,
                d.site.as_ref().map(|s| &s.sensitivity),
                d.network.as_ref().map(|n| &n.zone),
            ))
        )
    };
    println!(
        "distinct projections: maker/type/confidence/purpose {}; + first_seen, site, network {}; \
         + first_seen, sensitivity, zone {}",
        distinct(&maker_only),
        distinct(&with_place),
        distinct(&with_place_classes)
    );
}

mod erased {
    /// Anything serialisable, shown as JSON (for projection keys).
    pub trait Show {
        fn show(&self) -> String;
    }

    impl<T: serde::Serialize> Show for T {
        fn show(&self) -> String {
            serde_json::to_string(self).expect("serialisable")
        }
    }
}
