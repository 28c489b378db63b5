//! `camsweep scan`: scan targets for surveillance equipment and identify it.
//!
//! The library streams results over a channel; this module is the reporter that owns the
//! terminal: a progress bar on stderr (hidden when stderr is not a terminal), the table, JSON or
//! JSON Lines on stdout, and the observations file.

use std::fs::File;
use std::io::{BufWriter, IsTerminal, Write};
use std::path::PathBuf;
use std::time::Duration;

use anyhow::Context;
use camsweep_identify::Engine;
use camsweep_kb::KnowledgeBase;
use camsweep_model::{ScanDocument, ScannedDevice};
use camsweep_scan::{Credentials, ScanConfig, ScanEvent, Service, TargetSpec};
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

fn parse_ports(text: &str) -> anyhow::Result<Vec<u16>> {
    let mut ports = Vec::new();
    for part in text.split(',').map(str::trim).filter(|p| !p.is_empty()) {
        match part.split_once('-') {
            Some((a, b)) => {
                let a: u16 = a
                    .trim()
                    .parse()
                    .with_context(|| format!("--ports: {part:?}"))?;
                let b: u16 = b
                    .trim()
                    .parse()
                    .with_context(|| format!("--ports: {part:?}"))?;
                anyhow::ensure!(
                    a <= b && a > 0,
                    "--ports: range {part:?} is empty or starts at 0"
                );
                ports.extend(a..=b);
            }
            None => {
                let p: u16 = part
                    .parse()
                    .with_context(|| format!("--ports: {part:?} is not a port"))?;
                anyhow::ensure!(p > 0, "--ports: port 0 is not a port");
                ports.push(p);
            }
        }
    }
    anyhow::ensure!(!ports.is_empty(), "--ports: no ports given");
    Ok(ports)
}

pub(crate) fn config(args: &Args) -> anyhow::Result<ScanConfig> {
    let mut config = ScanConfig::new(TargetSpec {
        include: args.targets.clone(),
        exclude: args.exclude.clone(),
        allow_large: args.allow_large,
        max_hosts: args.max_hosts,
    });
    if let Some(ports) = &args.ports {
        config.ports = parse_ports(ports)?;
    }
    for s in &args.services {
        let (port, name) = s
            .split_once('=')
            .with_context(|| format!("--service {s:?}: expected PORT=NAME"))?;
        let port: u16 = port
            .trim()
            .parse()
            .with_context(|| format!("--service {s:?}: bad port"))?;
        let service = Service::from_name(name.trim())
            .with_context(|| format!("--service {s:?}: unknown service {name:?}"))?;
        config.services.push((port, service));
    }
    config.udp = !args.no_udp;
    config.multicast = args.multicast;
    config.snmp = !args.no_snmp;
    config.snmp_communities = args.snmp_communities.clone();
    anyhow::ensure!(
        config.snmp || config.snmp_communities.is_empty(),
        "--snmp-community needs SNMP: drop --no-snmp (or `snmp = false`)"
    );
    config.neighbours = !args.no_mac;
    if let Some(path) = &args.credentials {
        config.credentials = Credentials::load(path)?;
    }
    let ms = Duration::from_millis;
    config.limits.concurrency = args.concurrency.max(1);
    config.limits.rate = (args.rate > 0).then_some(args.rate);
    config.limits.connect_timeout = ms(args.connect_timeout);
    config.limits.read_timeout = ms(args.read_timeout);
    config.limits.probe_timeout = ms(args.probe_timeout);
    config.limits.host_timeout = ms(args.host_timeout);
    config.limits.banner_timeout = ms(args.read_timeout);
    config.limits.udp_wait = ms(args.udp_wait);
    config.limits.max_response_bytes = args.max_response.max(1024);
    Ok(config)
}

pub fn run(args: Args, globals: &Globals) -> anyhow::Result<Outcome> {
    let config = config(&args)?;
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
    let kb = match &globals.kb {
        Some(dir) => KnowledgeBase::from_dir(dir)?,
        None => KnowledgeBase::embedded()?,
    };
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

/// `--db`: stores the document through the ingest path (stdout keeps the scan output, so the
/// register's summary goes to stderr), then `--evaluate` runs `camsweep evaluate`'s evaluation.
/// An interrupted scan is stored too: it marks nothing missing.
fn store(
    runtime: &tokio::runtime::Runtime,
    document: &ScanDocument,
    db: &str,
    store: &StoreArgs,
    engine: &Engine<'_>,
    globals: &Globals,
) -> anyhow::Result<()> {
    let db = crate::db::DbArgs {
        db: db.to_owned(),
        actor: store.actor.clone().unwrap_or_else(crate::db::default_actor),
    };
    let policies = if store.evaluate {
        Some(crate::load_policies(globals)?)
    } else {
        None
    };
    runtime.block_on(async {
        let register = crate::db::open(&db.db).await?;
        let result = async {
            let summary =
                camsweep_app::ingest::store_scan_document(&register, document, None, &db.actor)
                    .await?;
            eprintln!(
                "camsweep: {}",
                camsweep_app::ingest::summary_line(
                    &format!("scan into {}", register.backend()),
                    &summary
                )
            );
            if let Some(policies) = &policies {
                let evaluation =
                    camsweep_app::evaluate::evaluate(&register, engine, policies, &db.actor)
                        .await?;
                let lines =
                    camsweep_app::evaluate::summary_lines(&evaluation, &engine.kb().version);
                for line in lines.lines() {
                    eprintln!("camsweep: {line}");
                }
            }
            anyhow::Ok(())
        }
        .await;
        register.close().await;
        result
    })
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
    let result = camsweep_scan::scan(config, engine, tx).await;
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ports_parse_lists_and_ranges_and_reject_nonsense() {
        assert_eq!(
            parse_ports("80, 443,8000-8002").unwrap(),
            [80, 443, 8000, 8001, 8002]
        );
        assert!(parse_ports("0").is_err());
        assert!(parse_ports("90-80").is_err());
        assert!(parse_ports("http").is_err());
        assert!(parse_ports("").is_err());
    }
}
