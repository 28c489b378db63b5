//! Netns-mode cost: time to build and serve N devices (each in its own namespace with a veth
//! on the bridge), process RSS, open descriptors, kernel memory (unreclaimable slab + per-CPU) and time to
//! tear down. Root only. Prints one line per size; the numbers go to `docs/benchmarks.md`.
//!
//! `cargo run --release -p camsweep-lab --example netns_bench -- 100 300 1000`

use std::time::Instant;

use camsweep_lab::{GenerateOptions, Lab, LabOptions, Mix, generate};

fn status_kib(field: &str) -> u64 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with(field))
                .and_then(|l| l.split_whitespace().nth(1)?.parse().ok())
        })
        .unwrap_or(0)
}

/// Unreclaimable slab + per-CPU memory: where a network namespace's kernel state lives (less
/// disturbed by other processes' page cache than MemAvailable).
fn kernel_kib() -> u64 {
    let text = std::fs::read_to_string("/proc/meminfo").unwrap_or_default();
    ["SUnreclaim:", "Percpu:"]
        .iter()
        .filter_map(|field| {
            text.lines()
                .find(|l| l.starts_with(field))
                .and_then(|l| l.split_whitespace().nth(1)?.parse::<u64>().ok())
        })
        .sum()
}

fn open_fds() -> usize {
    std::fs::read_dir("/proc/self/fd")
        .map(|d| d.count())
        .unwrap_or(0)
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    if let Err(why) = camsweep_lab::netns::available() {
        return Err(why.into());
    }
    let sizes: Vec<usize> = std::env::args()
        .skip(1)
        .map(|a| a.parse())
        .collect::<Result<_, _>>()?;
    let sizes = if sizes.is_empty() {
        vec![100, 300]
    } else {
        sizes
    };
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()?;
    for devices in sizes {
        let spec = generate(&GenerateOptions {
            devices,
            seed: 1,
            range: camsweep_lab::netns::DEFAULT_RANGE.parse()?,
            mix: Mix::default(),
        })?;
        let kernel_before = kernel_kib();
        let started = Instant::now();
        let lab = runtime.block_on(Lab::start(
            spec,
            LabOptions {
                netns: Some(format!("bench{devices}")),
                ..LabOptions::default()
            },
        ))?;
        let ready = started.elapsed();
        let rss = status_kib("VmRSS:");
        let hwm = status_kib("VmHWM:");
        let fds = open_fds();
        let kernel = kernel_kib().saturating_sub(kernel_before);
        let stopping = Instant::now();
        runtime.block_on(lab.shutdown());
        let teardown = stopping.elapsed();
        println!(
            "devices={devices} ready_ms={} rss_mib={:.1} peak_rss_mib={:.1} open_fds={fds} kernel_mib={:.0} teardown_ms={}",
            ready.as_millis(),
            rss as f64 / 1024.0,
            hwm as f64 / 1024.0,
            kernel as f64 / 1024.0,
            teardown.as_millis()
        );
    }
    Ok(())
}
