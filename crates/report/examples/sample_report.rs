//! Writes the hand-built sample report (every format) into the directory given, for looking at:
//! `cargo run -p camsweep-report --example sample_report -- /tmp/report [DEVICES]`.
//! With a device count, writes a synthetic estate of that size instead and prints timings.

use std::path::PathBuf;
use std::time::Instant;

use camsweep_report::{Format, sample, write_reports};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut args = std::env::args().skip(1);
    let dir = PathBuf::from(args.next().ok_or("usage: sample_report DIR [DEVICES]")?);
    let data = match args.next() {
        Some(n) => sample::synthetic(n.parse()?),
        None => sample::small(),
    };
    for format in Format::ALL {
        let started = Instant::now();
        let files = write_reports(&data, &dir, &[format])?;
        let bytes: u64 = files
            .iter()
            .map(|f| std::fs::metadata(f).map(|m| m.len()).unwrap_or(0))
            .sum();
        eprintln!(
            "{format:?}: {} file(s), {bytes} bytes, {:.2?}",
            files.len(),
            started.elapsed()
        );
    }
    Ok(())
}
