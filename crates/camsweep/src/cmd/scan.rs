//! `camsweep scan`: scan targets for surveillance equipment and identify it.
//!
//! `camsweep_app::scan` builds the scan from the options, runs it and stores it; its results
//! stream over a channel, and this module is the reporter that owns the terminal: a progress
//! bar on stderr (hidden when stderr is not a terminal), the table, JSON or JSON Lines on
//! stdout, and the observations file.

use std::fs::File;
use std::io::{BufWriter, IsTerminal, Write};
use std::path::PathBuf;

use anyhow::Context;
use camsweep_app::ingest::summary_line;
use camsweep_app::scan::{self as app, ScanOptions};
use camsweep_identify::Engine;
use camsweep_model::{ScanDocument, ScannedDevice};
use camsweep_register::IngestSummary;
use camsweep_scan::{ScanConfig, ScanEvent};
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};

use crate::{Globals, Outcome};

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// A table, one device a line.
    Table,
    /// One scan document (`camsweep ingest` reads it).
    Json,
    /// One device a line, written as each host finishes.
    Jsonl,
}

#[derive(Debug, clap::Args)]
pub struct Args {
    /// Addresses, CIDRs, ranges (`192.0.2.1-192.0.2.50`, `192.0.2.1-50`), host names, `@FILE`.
    #[arg(required = true, value_name = "TARGET")]
    pub targets: Vec<String>,
    /// Leave these out (same syntax as targets; repeatable).
    #[arg(long, value_name = "TARGET")]
    pub exclude: Vec<String>,
    /// TCP ports, e.g. `80,443,8000-8010` (default: the surveillance list in docs/scan.md).
    #[arg(long, short = 'p', value_name = "PORTS")]
    pub ports: Option<String>,
    /// The protocol of a non-standard port, e.g. `8081=https` (http, https, rtsp, ssh, telnet,
    /// ftp, dvrip, sdk; repeatable).
    #[arg(long = "service", value_name = "PORT=NAME")]
    pub services: Vec<String>,
    /// Allow prefixes wider than /16 (IPv4) or /112 (IPv6).
    #[arg(long)]
    pub allow_large: bool,
    /// Refuse scopes of more addresses than this.
    #[arg(long, default_value_t = camsweep_scan::targets::DEFAULT_MAX_HOSTS)]
    pub max_hosts: u64,
    /// No UDP discovery (WS-Discovery, SSDP, SADP, DHIP, SNMP).
    #[arg(long)]
    pub no_udp: bool,
    /// No SNMP on UDP 161 (by default the credential-free SNMPv3 engine-ID discovery is sent).
    #[arg(long)]
    pub no_snmp: bool,
    /// Also read sysDescr and sysObjectID over SNMPv2c with this community (repeatable). Only
    /// communities you own: a community is a password, and camsweep never guesses one. Off by
    /// default; prefer `[scan] snmp_communities` in the configuration file, as the command line
    /// is visible to other users of the machine (docs/scan.md, "SNMP").
    #[arg(long = "snmp-community", value_name = "COMMUNITY")]
    pub snmp_communities: Vec<String>,
    /// Also send discovery to the multicast groups (reaches the whole link; only answers from
    /// in-scope addresses are kept).
    #[arg(long)]
    pub multicast: bool,
    /// Do not read MAC addresses from the neighbour table.
    #[arg(long)]
    pub no_mac: bool,
    /// TOML file of credentials for authenticated reads, by address or CIDR (see docs/scan.md).
    #[arg(long, value_name = "FILE")]
    pub credentials: Option<PathBuf>,
    /// Output format on stdout.
    #[arg(long, value_enum, default_value_t = Format::Table)]
    pub format: Format,
    /// Also write every raw observation to FILE as JSON Lines (`camsweep identify` input).
    #[arg(long, value_name = "FILE")]
    pub observations: Option<PathBuf>,
    /// Most sockets open at once (also capped by the open-file limit).
    #[arg(long, default_value_t = 2048)]
    pub concurrency: usize,
    /// Most new connections (and discovery datagrams) per second; 0 for no limit.
    #[arg(long, default_value_t = 0)]
    pub rate: u32,
    /// TCP connect timeout, milliseconds.
    #[arg(long, default_value_t = 1500, value_name = "MS")]
    pub connect_timeout: u64,
    /// Longest wait for the next bytes of an answer, milliseconds.
    #[arg(long, default_value_t = 3000, value_name = "MS")]
    pub read_timeout: u64,
    /// Longest one request/answer exchange, milliseconds.
    #[arg(long, default_value_t = 6000, value_name = "MS")]
    pub probe_timeout: u64,
    /// Longest time spent on one host, milliseconds.
    #[arg(long, default_value_t = 30_000, value_name = "MS")]
    pub host_timeout: u64,
    /// How long to wait for UDP discovery answers, milliseconds.
    #[arg(long, default_value_t = 1500, value_name = "MS")]
    pub udp_wait: u64,
    /// Most bytes kept of one response.
    #[arg(long, default_value_t = 256 * 1024, value_name = "BYTES")]
    pub max_response: usize,
    /// No progress bar.
    #[arg(long)]
    pub no_progress: bool,
    #[command(flatten)]
    pub store: StoreArgs,
}

/// Storing the result in the register (`docs/register.md`), as `camsweep ingest` would.
#[derive(Debug, clap::Args)]
pub struct StoreArgs {
    /// Also store the result in this register (SQLite file path or `postgres://` URL): devices,
    /// observations and coverage in one transaction. Without it (or CAMSWEEP_DB) nothing is
    /// stored.
    #[arg(long, env = "CAMSWEEP_DB", value_name = "PATH|URL")]
    pub db: Option<String>,
    /// Who ran the scan, for the register's history.
    #[arg(long, env = "CAMSWEEP_ACTOR", requires = "db")]
    pub actor: Option<String>,
    /// After storing, re-evaluate the register (identifications, findings, plan) as
    /// `camsweep evaluate` does.
    #[arg(long, requires = "db")]
    pub evaluate: bool,
}

/// The scan the arguments ask for (`camsweep_app::scan` checks and builds it).
fn options(args: &Args) -> ScanOptions {
    ScanOptions {
        targets: args.targets.clone(),
        exclude: args.exclude.clone(),
        ports: args.ports.clone(),
        services: args.services.clone(),
        allow_large: args.allow_large,
        max_hosts: args.max_hosts,
        udp: !args.no_udp,
        snmp: !args.no_snmp,
        snmp_communities: args.snmp_communities.clone(),
        multicast: args.multicast,
        mac: !args.no_mac,
        credentials: args.credentials.clone(),
        concurrency: args.concurrency,
        rate: args.rate,
        connect_timeout_ms: args.connect_timeout,
        read_timeout_ms: args.read_timeout,
        probe_timeout_ms: args.probe_timeout,
        host_timeout_ms: args.host_timeout,
        udp_wait_ms: args.udp_wait,
        max_response_bytes: args.max_response,
    }
}

pub fn run(args: Args, globals: &Globals) -> anyhow::Result<Outcome> {
    let config = app::config(&options(&args))?;
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .context("starting the async runtime")?;
    // First, before the knowledge base loads: a stop signal that arrives while the rules
    // compile is kept and stops the scan at its start, instead of killing the process.
    let signals = {
        let _runtime = runtime.enter();
        crate::signals::StopSignals::install()?
    };
    let kb = crate::load_kb(globals)?;
    let engine = Engine::new(&kb)?;
    let document = runtime.block_on(scan(config, &engine, &args, signals))?;
    match args.format {
        Format::Json => {
            let mut out = std::io::stdout().lock();
            serde_json::to_writer_pretty(&mut out, &document)?;
            writeln!(out)?;
        }
        Format::Table => write_table(&document)?,
        Format::Jsonl => {} // streamed as hosts finished
    }
    for error in &document.scan.errors {
        eprintln!("camsweep: scan: {error}");
    }
    if let Some(db) = &args.store.db {
        store(&runtime, &document, db, &args.store, &engine, globals)?;
    }
    if document.scan.interrupted {
        eprintln!(
            "camsweep: scan interrupted after {} addresses; results are partial",
            document.scan.hosts_scanned
        );
        return Ok(Outcome::Partial);
    }
    Ok(Outcome::Done)
}

/// `--db`: stores the document (`camsweep_app::scan::store`, as `camsweep ingest` would) and,
/// with `--evaluate`, evaluates the register. stdout keeps the scan output, so the register's
/// summary goes to stderr.
fn store(
    runtime: &tokio::runtime::Runtime,
    document: &ScanDocument,
    db: &str,
    store: &StoreArgs,
    engine: &Engine<'_>,
    globals: &Globals,
) -> anyhow::Result<()> {
    let actor = store.actor.clone().unwrap_or_else(crate::db::default_actor);
    let policies = match store.evaluate {
        true => Some(crate::load_policies(globals)?),
        false => None,
    };
    let evaluate = policies.as_ref().map(|policies| (engine, policies));
    let evaluation = crate::db::with_register_on(runtime, db, async |register| {
        let source = format!("scan into {}", register.backend());
        let mut stored = |summary: &IngestSummary| {
            eprintln!("camsweep: {}", summary_line(&source, summary));
        };
        Ok(app::store(register, document, &actor, evaluate, &mut stored).await?)
    })?;
    if let Some(evaluation) = evaluation {
        let lines = camsweep_app::evaluate::summary_lines(&evaluation, &engine.kb().version);
        for line in lines.lines() {
            eprintln!("camsweep: {line}");
        }
    }
    Ok(())
}

async fn scan(
    config: ScanConfig,
    engine: &Engine<'_>,
    args: &Args,
    mut signals: crate::signals::StopSignals,
) -> anyhow::Result<ScanDocument> {
    let stop = config.stop.clone();
    let ctrl_c = tokio::spawn(async move {
        signals.next().await;
        stop.cancel();
    });
    let (tx, rx) = tokio::sync::mpsc::channel(1024);
    let observations = match &args.observations {
        Some(path) => Some(BufWriter::new(
            File::create(path).with_context(|| format!("creating {}", path.display()))?,
        )),
        None => None,
    };
    let progress = !args.no_progress && std::io::stderr().is_terminal();
    let reporter = tokio::task::spawn_blocking({
        let jsonl = args.format == Format::Jsonl;
        move || report(rx, progress, jsonl, observations)
    });
    let result = app::run(config, engine, tx).await;
    ctrl_c.abort();
    let reported = reporter.await.context("reporter task")?;
    let document = result?;
    reported?;
    Ok(document)
}

/// Consumes scan events: progress bar, streamed JSON Lines, the observations file.
fn report(
    mut rx: tokio::sync::mpsc::Receiver<ScanEvent>,
    progress: bool,
    jsonl: bool,
    mut observations: Option<BufWriter<File>>,
) -> anyhow::Result<()> {
    let bar = ProgressBar::with_draw_target(
        Some(0),
        if progress {
            ProgressDrawTarget::stderr()
        } else {
            ProgressDrawTarget::hidden()
        },
    );
    bar.set_style(
        ProgressStyle::with_template(
            "{spinner} [{elapsed_precise}] {wide_bar} {pos}/{len} hosts, {msg}, {per_sec}, ETA {eta}",
        )
        .unwrap_or_else(|_| ProgressStyle::default_bar()),
    );
    let mut found = 0u64;
    bar.set_message("0 found");
    let mut stdout = std::io::stdout().lock();
    while let Some(event) = rx.blocking_recv() {
        match event {
            ScanEvent::Started { hosts, .. } => bar.set_length(hosts),
            ScanEvent::HostDone { .. } => bar.inc(1),
            ScanEvent::Device(device) => {
                found += 1;
                bar.set_message(format!("{found} found"));
                if jsonl {
                    serde_json::to_writer(&mut stdout, &*device)?;
                    writeln!(stdout)?;
                    stdout.flush()?;
                }
                if let Some(out) = observations.as_mut() {
                    for o in &device.observations {
                        serde_json::to_writer(&mut *out, o)?;
                        writeln!(out)?;
                    }
                }
            }
        }
    }
    bar.finish_and_clear();
    if let Some(mut out) = observations {
        out.flush()?;
    }
    Ok(())
}

fn write_table(document: &ScanDocument) -> anyhow::Result<()> {
    let mut out = std::io::stdout().lock();
    writeln!(
        out,
        "{:<39} {:<17} {:<13} {:<14} {:<12} {:<18} {:<15} {:>4}  PORTS",
        "ADDRESS", "MAC", "STATUS", "MANUFACTURER", "BRAND", "MODEL", "TYPE", "CONF"
    )?;
    for d in &document.devices {
        writeln!(out, "{}", table_row(d))?;
    }
    writeln!(
        out,
        "{} devices on {} addresses scanned (KB {}){}",
        document.devices.len(),
        document.scan.hosts_scanned,
        document.scan.kb_version,
        if document.scan.interrupted {
            "; interrupted"
        } else {
            ""
        }
    )?;
    Ok(())
}

fn table_row(d: &ScannedDevice) -> String {
    let id = &d.identification;
    let status = serde_json::to_value(d.status)
        .ok()
        .and_then(|v| v.as_str().map(str::to_owned))
        .unwrap_or_default();
    let ports = d
        .open_ports
        .iter()
        .map(u16::to_string)
        .collect::<Vec<_>>()
        .join(",");
    let cut = crate::printer::clip;
    format!(
        "{:<39} {:<17} {:<13} {:<14} {:<12} {:<18} {:<15} {:>4.2}  {}",
        crate::printer::escape(&d.address),
        crate::printer::escape(d.mac.as_deref().unwrap_or("-")),
        status,
        cut(id.manufacturer.as_deref().unwrap_or("unknown"), 14),
        cut(id.brand.as_deref().unwrap_or("-"), 12),
        cut(id.model.as_deref().unwrap_or("-"), 18),
        id.device_type.as_str(),
        id.confidence,
        ports
    )
}
