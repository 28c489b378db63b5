//! Builds a synthetic register (SQLite, or PostgreSQL) for benchmarking `camsweep evaluate` and `camsweep check`:
//! an estate of one organisation (every policy pack), 4 sites (2 sensitive) and 8 networks, and
//! DEVICES devices with OBSERVATIONS_PER_DEVICE real-valued observations each (half Hikvision
//! `App-webs/`, half Dahua digest realms; see `synthetic::batch`), stored in batches of 25,000, one per
//! site.
//!
//! Usage: `make_register PATH [DEVICES] [OBSERVATIONS_PER_DEVICE]` (defaults 100000 3). PATH
//! must not exist. PATH may also be a PostgreSQL URL; name an empty schema created beforehand
//! (`postgres://postgres@127.0.0.1:5432/test?options[search_path]=SCHEMA`) so as not to write
//! into `public`. Loopback addresses only (127.60.0.0/14); nothing is sent anywhere.

use std::time::Instant;

use camsweep_register::{CountedTable, Register, synthetic};

/// Devices per ingest: one batch per site's /16 (third octets 0-99).
const BATCH: usize = 25_000;

fn estate() -> String {
    let mut text = String::from(
        "[[organisation]]\nid = \"dept\"\nname = \"Department for Benchmarks\"\npolicies = []\n",
    );
    for (site, sensitivity) in [
        ("hq", "sensitive"),
        ("lab", "sensitive"),
        ("depot", "non-sensitive"),
        ("store", "non-sensitive"),
    ] {
        text += &format!(
            "\n[[site]]\nid = \"{site}\"\norganisation = \"dept\"\nname = \"{site}\"\nsensitivity = \"{sensitivity}\"\n"
        );
    }
    // A batch of 25,000 fills 127.<60+k>.0.1 - 127.<60+k>.99.250: a site per /16, its first
    // quarter core and its second isolated (64 and 36 of each 100 /24s).
    for (k, site) in ["hq", "lab", "depot", "store"].iter().enumerate() {
        let second = 60 + k;
        text += &format!(
            "\n[[network]]\nid = \"{site}-core\"\nsite = \"{site}\"\nzone = \"core\"\ncidrs = [\"127.{second}.0.0/18\"]\n\
             \n[[network]]\nid = \"{site}-cctv\"\nsite = \"{site}\"\nzone = \"isolated\"\ncidrs = [\"127.{second}.64.0/18\"]\n"
        );
    }
    text
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let path = args
        .first()
        .ok_or("usage: make_register PATH [DEVICES] [OBSERVATIONS_PER_DEVICE]")?;
    if std::path::Path::new(path).exists() {
        return Err(format!("{path} exists; give a new path").into());
    }
    let devices: usize = args.get(1).map_or(Ok(100_000), |a| a.parse())?;
    let per_device: usize = args.get(2).map_or(Ok(3), |a| a.parse())?;
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()?;
    runtime.block_on(async {
        let register = Register::open(path).await?;
        let estate = camsweep_import::estate::parse(&estate(), "bench-estate.toml", None)?;
        register.apply_estate(&estate, "bench", true).await?;
        let started = Instant::now();
        let mut left = devices;
        let mut second = 60u8;
        while left > 0 {
            let n = left.min(BATCH);
            let mut batch =
                synthetic::batch(&camsweep_register::new_id(), second, n, per_device, true);
            // Only the /16 this batch filled was scanned.
            batch.targets = vec![format!("127.{second}.0.0/16")];
            register.ingest(&batch, "bench").await?;
            left -= n;
            second += 1;
        }
        println!(
            "{path}: {} devices, {} observations, 8 networks on 4 sites, in {:.1} s",
            register.count(CountedTable::Devices).await?,
            register.count(CountedTable::Observations).await?,
            started.elapsed().as_secs_f64()
        );
        register.close().await;
        Ok(())
    })
}
