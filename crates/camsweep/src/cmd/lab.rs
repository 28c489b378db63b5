//! `camsweep lab`: run the lab, an emulated surveillance estate on loopback (or on a virtual LAN
//! in network namespaces with `--netns`), until SIGINT or SIGTERM.

use std::path::PathBuf;

use anyhow::Context;
use camsweep_app::lab::LabSource;
use camsweep_lab::{ListenMode, Mix, profiles};

use crate::{Globals, Outcome};

#[derive(Debug, Clone, Copy, clap::ValueEnum)]
pub enum Mode {
    Auto,
    PerAddress,
    Shared,
}

#[derive(Debug, clap::Args)]
pub struct Args {
    /// Generate an estate of this many devices.
    #[arg(long, default_value_t = 100, conflicts_with = "spec")]
    pub devices: usize,
    /// Seed of the generated estate (same seed, same estate).
    #[arg(long, default_value_t = 1)]
    pub seed: u64,
    /// Address range of the generated estate: loopback, default 127.77.0.0/16 (127.0.0.1 is
    /// never used); with --netns a private IPv4 range, default 10.213.0.0/16, that exists only
    /// inside the lab's namespaces.
    #[arg(long)]
    pub range: Option<String>,
    /// Fraction of hostile devices (0..1).
    #[arg(long, default_value_t = Mix::default().hostile_share)]
    pub hostile_share: f64,
    /// Fraction of ordinary hosts: printers, routers, web and SSH servers, NAS (0..1).
    #[arg(long, default_value_t = Mix::default().host_share)]
    pub host_share: f64,
    /// Fraction of relabelled devices among makers with known OEM relabels (0..1).
    #[arg(long, default_value_t = Mix::default().relabel_share)]
    pub relabel_share: f64,
    /// Serve the devices of this TOML spec instead of generating.
    #[arg(long, value_name = "FILE")]
    pub spec: Option<PathBuf>,
    /// Write the ground truth (JSON array of records) here once the lab is up.
    #[arg(long, value_name = "FILE")]
    pub truth: Option<PathBuf>,
    /// Serve on a virtual LAN in network namespaces (root, Linux): the scanner's side is the
    /// namespace `csl-NAME` (`ip netns exec csl-NAME camsweep scan --multicast ...`).
    #[arg(long, value_name = "NAME")]
    pub netns: Option<String>,
    /// Listening mode: per-address sockets, one shared socket per port, or chosen by size.
    #[arg(long, value_enum, default_value = "auto")]
    pub mode: Mode,
    /// Print the profile catalogue (id, maker, type, sources) and exit.
    #[arg(long)]
    pub list_profiles: bool,
}

pub fn run(args: Args, _globals: &Globals) -> anyhow::Result<Outcome> {
    if args.list_profiles {
        for p in profiles() {
            outln!(
                "{}\t{}\t{}\t{}",
                p.id,
                p.manufacturer.as_deref().unwrap_or("-"),
                p.device_type,
                p.description
            )?;
            for s in &p.sources {
                outln!("\tsource: {s}")?;
            }
            for g in &p.guesses {
                outln!("\tguess: {g}")?;
            }
        }
        return Ok(Outcome::Done);
    }
    let source = match &args.spec {
        Some(path) => LabSource::File(path.clone()),
        None => LabSource::Generate {
            devices: args.devices,
            seed: args.seed,
            range: args.range.clone(),
            mix: Mix {
                hostile_share: args.hostile_share,
                host_share: args.host_share,
                relabel_share: args.relabel_share,
            },
        },
    };
    let (spec, range_text) = camsweep_app::lab::spec(&source, args.netns.is_some())?;
    let count = spec.devices.len();
    let mode = match args.mode {
        Mode::Auto => ListenMode::Auto,
        Mode::PerAddress => ListenMode::PerAddress,
        Mode::Shared => ListenMode::Shared,
    };
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .context("starting the async runtime")?;
    runtime.block_on(async move {
        let started = std::time::Instant::now();
        let truth = args.truth.as_deref();
        let lab = camsweep_app::lab::start(spec, mode, args.netns.clone(), truth).await?;
        let place = match lab.netns() {
            Some(ns) => format!(
                ", namespace {} with the scanner at {}/{}",
                ns.namespace(),
                ns.scanner_address(),
                ns.prefix_len()
            ),
            None => String::new(),
        };
        outln!(
            "lab ready: {count} devices in {range_text} ({:?} listening{place}, {} ms)",
            lab.mode(),
            started.elapsed().as_millis()
        )?;
        wait_for_signal().await?;
        lab.shutdown().await;
        Ok(Outcome::Done)
    })
}

async fn wait_for_signal() -> anyhow::Result<()> {
    crate::signals::StopSignals::install()?.next().await;
    Ok(())
}
