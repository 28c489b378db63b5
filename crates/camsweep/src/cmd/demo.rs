//! `camsweep demo`: the main job end to end on a built-in fictional department.
//!
//! Starts the lab in-process (loopback addresses 127.90.0.0/16 only) with the embedded estate
//! and lab settings (`demo/estate.toml`, `demo/lab.toml`), imports the estate into a fresh
//! SQLite register in the output directory, scans every network of the estate, ingests the
//! scan, evaluates the built-in policy packs (findings and the remediation plan), writes the
//! reports, prints a summary and stops the lab. Also writes what the lab really served
//! (`lab-truth.json`, `lab-spec.toml`) so that the results can be checked against it.

pub(crate) mod spec;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use anyhow::Context as _;
use camsweep_identify::Engine;
use camsweep_lab::{Lab, LabOptions, LabSpec, ListenMode, TruthRecord};
use camsweep_model::{HostStatus, ScanDocument};
use camsweep_policy::PolicySet;
use camsweep_register::Register;
use camsweep_report as report;
use camsweep_scan::{Limits, ScanConfig, ScanEvent, TargetSpec};
use serde::Serialize;
use tokio::sync::mpsc;

use super::estate::runtime;
use crate::load_kb;
use crate::{Globals, Outcome};
use camsweep_app::evaluate::{Evaluation, evaluate};
use camsweep_app::ingest::store_scan_document;

/// Who the demo's register history names.
const ACTOR: &str = "camsweep demo";
/// How many plan items the summary lists.
const TOP_ITEMS: usize = 8;

#[derive(Debug, clap::Args)]
pub struct Args {
    /// Directory for the register (`register.sqlite`, replaced if there) and the reports.
    #[arg(long, default_value = "camsweep-report", value_name = "DIR")]
    pub out: PathBuf,
    /// Report formats, comma separated: html, xlsx, csv, json.
    #[arg(long, default_value = "html,xlsx,csv,json")]
    pub format: String,
    /// Print the summary as JSON instead of text.
    #[arg(long)]
    pub json: bool,
}

pub fn run(args: Args, globals: &Globals) -> anyhow::Result<Outcome> {
    let started = Instant::now();
    let formats = report::parse_formats(&args.format)?;
    let estate = spec::estate()?;
    let lab_spec = spec::lab_spec(spec::LAB_TOML, &estate)?;
    let kb = load_kb(globals)?;
    let engine = Engine::new(&kb).context("compiling the fingerprint rules")?;
    let policies = crate::load_policies(globals)?;
    std::fs::create_dir_all(&args.out)
        .with_context(|| format!("creating {}", args.out.display()))?;
    let db = args.out.join("register.sqlite");
    remove_register(&db)?;
    if !args.json {
        outln!(
            "camsweep demo: a fictional department ({} sites, {} networks) emulated on loopback, {} devices",
            estate.sites.len(),
            estate.networks.len(),
            lab_spec.devices.len()
        )?;
    }
    let ctx = Pipeline {
        engine: &engine,
        policies: &policies,
        globals,
        estate: &estate,
        db: &db,
        out: &args.out,
        formats: &formats,
        verbose: !args.json,
    };
    let mut summary = runtime()?.block_on(async {
        let lab = Lab::start(
            lab_spec.clone(),
            LabOptions {
                mode: ListenMode::PerAddress,
                ..LabOptions::default()
            },
        )
        .await
        .context("starting the lab")?;
        let result = ctx.run(&lab, &lab_spec).await;
        lab.shutdown().await;
        result
    })?;
    summary.seconds_total = started.elapsed().as_secs_f64();
    if args.json {
        outln!("{}", serde_json::to_string_pretty(&summary)?)?;
    } else {
        out!("{}", summary.to_text())?;
    }
    Ok(Outcome::Done)
}

/// A fresh register each run: the demo's numbers must be the lab's, not a previous run's.
fn remove_register(db: &Path) -> anyhow::Result<()> {
    for suffix in ["", "-wal", "-shm"] {
        let path = PathBuf::from(format!("{}{suffix}", db.display()));
        match std::fs::remove_file(&path) {
            Ok(()) => {}
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
            Err(e) => return Err(e).with_context(|| format!("removing {}", path.display())),
        }
    }
    Ok(())
}

/// Time and byte limits for a loopback lab: tighter than on real networks (answers come in
/// microseconds), so the hostile devices cost seconds, not half a minute.
pub fn demo_limits() -> Limits {
    Limits {
        connect_timeout: Duration::from_millis(800),
        read_timeout: Duration::from_millis(1000),
        probe_timeout: Duration::from_secs(2),
        host_timeout: Duration::from_secs(6),
        banner_timeout: Duration::from_millis(800),
        udp_wait: Duration::from_millis(500),
        max_response_bytes: 128 * 1024,
        max_header_bytes: 16 * 1024,
        concurrency: 512,
        rate: None,
    }
}

struct Pipeline<'a> {
    engine: &'a Engine<'a>,
    policies: &'a PolicySet,
    globals: &'a Globals,
    estate: &'a camsweep_register::Estate,
    db: &'a Path,
    out: &'a Path,
    formats: &'a [report::Format],
    verbose: bool,
}

impl Pipeline<'_> {
    fn step(&self, text: std::fmt::Arguments<'_>) {
        if self.verbose {
            // Progress only: a closed stdout is seen (and ends the run) at the next result line.
            let _ = outln!("  {text}");
        }
    }

    async fn run(&self, lab: &Lab, lab_spec: &LabSpec) -> anyhow::Result<DemoSummary> {
        let truth = lab.truth();
        std::fs::write(
            self.out.join("lab-truth.json"),
            serde_json::to_string_pretty(truth)?,
        )
        .context("writing lab-truth.json")?;
        std::fs::write(self.out.join("lab-spec.toml"), lab_spec.to_toml())
            .context("writing lab-spec.toml")?;

        let register = Register::open(&self.db.display().to_string())
            .await
            .with_context(|| format!("opening the register {}", self.db.display()))?;
        let result = self.with_register(&register, truth).await;
        register.close().await;
        result
    }

    async fn with_register(
        &self,
        register: &Register,
        truth: &[TruthRecord],
    ) -> anyhow::Result<DemoSummary> {
        register.apply_estate(self.estate, ACTOR, true).await?;

        let targets: Vec<String> = self
            .estate
            .networks
            .iter()
            .flat_map(|n| n.cidrs.iter().map(ToString::to_string))
            .collect();
        self.step(format_args!(
            "scanning {} networks ({})",
            targets.len(),
            targets.join(" ")
        ));
        let scan_started = Instant::now();
        let doc = scan_estate(targets, self.engine).await?;
        let scan_seconds = scan_started.elapsed().as_secs_f64();
        let unresponsive = addresses_with(&doc, HostStatus::Unresponsive);
        let malformed = addresses_with(&doc, HostStatus::Malformed);
        self.step(format_args!(
            "scanned {} addresses in {scan_seconds:.1} s: {} devices answered, {} answered badly",
            doc.scan.hosts_scanned,
            doc.devices.len() - unresponsive.len() - malformed.len(),
            unresponsive.len() + malformed.len()
        ));

        // Devices, observations and coverage in one transaction, as `camsweep ingest` does.
        let ingested = store_scan_document(register, &doc, None, ACTOR).await?;
        let Evaluation { delta, plan } =
            evaluate(register, self.engine, self.policies, ACTOR).await?;
        self.step(format_args!(
            "stored {} devices; evaluated: {} findings, {} plan items",
            ingested.devices_new, delta.findings_new, plan.created
        ));

        let kb = load_kb(self.globals)?;
        let data = camsweep_app::report_data::gather(
            register,
            &kb,
            self.policies,
            "Visual surveillance equipment: Department for Civic Records (fictional demo)",
        )
        .await?;
        let written = report::write_reports(&data, self.out, self.formats)?;
        Ok(DemoSummary::new(
            &data,
            truth,
            &doc,
            scan_seconds,
            unresponsive,
            malformed,
            self.db,
            written,
        ))
    }
}

/// Scans the targets, draining the progress events (the summary is printed at the end).
pub async fn scan_estate(
    targets: Vec<String>,
    engine: &Engine<'_>,
) -> anyhow::Result<ScanDocument> {
    let mut config = ScanConfig::new(TargetSpec {
        include: targets,
        max_hosts: camsweep_scan::targets::DEFAULT_MAX_HOSTS,
        ..TargetSpec::default()
    });
    config.limits = demo_limits();
    // Loopback has no neighbour table entries and no link to multicast on.
    config.neighbours = false;
    config.multicast = false;
    let (events, mut receiver) = mpsc::channel::<ScanEvent>(1024);
    let drain = tokio::spawn(async move { while receiver.recv().await.is_some() {} });
    let doc = camsweep_scan::scan(config, engine, events)
        .await
        .context("scanning the lab")?;
    let _ = drain.await;
    Ok(doc)
}

fn addresses_with(doc: &ScanDocument, status: HostStatus) -> Vec<String> {
    doc.devices
        .iter()
        .filter(|d| d.status == status)
        .map(|d| d.address.clone())
        .collect()
}

/// What the demo found, and how it compares with what the lab served.
#[derive(Debug, Clone, Serialize)]
pub struct DemoSummary {
    pub lab_devices: usize,
    pub lab_hostile_devices: usize,
    pub addresses_scanned: u64,
    pub scan_seconds: f64,
    pub seconds_total: f64,
    /// Hosts that answered properly.
    pub devices_found: usize,
    pub unresponsive: Vec<String>,
    pub malformed: Vec<String>,
    /// Surveillance equipment by the true manufacturer camsweep identified: (name, devices,
    /// of which sold under another brand).
    pub equipment_by_maker: Vec<MakerCount>,
    pub ordinary_hosts: u64,
    /// Devices whose lab truth names a maker, and how many camsweep identified as that maker.
    pub makers_in_truth: usize,
    pub makers_matching_truth: usize,
    pub summary: report::Summary,
    pub top_plan_items: Vec<TopItem>,
    pub register: PathBuf,
    pub reports: Vec<PathBuf>,
    pub kb_version: String,
    pub policy_packs: Vec<String>,
}

#[derive(Debug, Clone, Serialize)]
pub struct MakerCount {
    pub maker: String,
    pub devices: u64,
    pub relabelled: u64,
}

#[derive(Debug, Clone, Serialize)]
pub struct TopItem {
    pub priority: u32,
    pub action: String,
    pub address: String,
    pub equipment: String,
    pub site: String,
    pub network: String,
    pub due: Option<String>,
}

impl DemoSummary {
    #[allow(clippy::too_many_arguments)]
    fn new(
        data: &report::ReportData,
        truth: &[TruthRecord],
        doc: &ScanDocument,
        scan_seconds: f64,
        unresponsive: Vec<String>,
        malformed: Vec<String>,
        db: &Path,
        reports: Vec<PathBuf>,
    ) -> Self {
        let index = report::Index::new(data);
        let summary = report::Summary::with_index(data, &index);
        let mut makers: BTreeMap<String, (u64, u64)> = BTreeMap::new();
        let mut ordinary_hosts = 0;
        for device in &data.devices {
            if !device.is_equipment() {
                ordinary_hosts += 1;
                continue;
            }
            let slot = makers
                .entry(device.manufacturer_label().to_owned())
                .or_default();
            slot.0 += 1;
            slot.1 += u64::from(device.is_relabelled());
        }
        let mut equipment_by_maker: Vec<MakerCount> = makers
            .into_iter()
            .map(|(maker, (devices, relabelled))| MakerCount {
                maker,
                devices,
                relabelled,
            })
            .collect();
        equipment_by_maker.sort_by(|a, b| b.devices.cmp(&a.devices).then(a.maker.cmp(&b.maker)));
        let by_address: BTreeMap<&str, &camsweep_model::ScannedDevice> = doc
            .devices
            .iter()
            .map(|d| (d.address.as_str(), d))
            .collect();
        let with_maker: Vec<&TruthRecord> =
            truth.iter().filter(|t| t.manufacturer.is_some()).collect();
        let matching = with_maker
            .iter()
            .filter(|t| {
                by_address.get(t.address.as_str()).is_some_and(|d| {
                    d.identification.manufacturer.as_deref() == t.manufacturer.as_deref()
                })
            })
            .count();
        let mut plan: Vec<&report::PlanItem> =
            data.plan.iter().filter(|p| !p.status.is_closed()).collect();
        plan.sort_by(|a, b| a.priority.cmp(&b.priority).then(a.id.cmp(&b.id)));
        let top_plan_items = plan
            .into_iter()
            .take(TOP_ITEMS)
            .map(|p| {
                let device = index.device(&p.device);
                TopItem {
                    priority: p.priority,
                    action: p.action.clone(),
                    address: device.map_or_else(|| p.device.clone(), |d| d.address.clone()),
                    equipment: device.map_or_else(String::new, equipment_label),
                    site: device
                        .map_or("unplaced", |d| index.site_label(d))
                        .to_owned(),
                    network: device
                        .and_then(|d| d.network.clone())
                        .unwrap_or_else(|| "unplaced".into()),
                    due: p.due.map(|d| d.to_string()),
                }
            })
            .collect();
        DemoSummary {
            lab_devices: truth.len(),
            lab_hostile_devices: truth.iter().filter(|t| t.hostile.is_some()).count(),
            addresses_scanned: doc.scan.hosts_scanned,
            scan_seconds,
            seconds_total: 0.0,
            devices_found: doc
                .devices
                .iter()
                .filter(|d| d.status == HostStatus::Up)
                .count(),
            unresponsive,
            malformed,
            equipment_by_maker,
            ordinary_hosts,
            makers_in_truth: with_maker.len(),
            makers_matching_truth: matching,
            summary,
            top_plan_items,
            register: db.to_owned(),
            reports,
            kb_version: data.kb.version.clone(),
            policy_packs: data
                .policy_packs
                .iter()
                .map(|p| format!("{} {}", p.id, p.version))
                .collect(),
        }
    }

    pub fn to_text(&self) -> String {
        use std::fmt::Write as _;
        let s = &self.summary;
        let mut out = String::new();
        let _ = writeln!(
            out,
            "\nFound {} devices on {} addresses ({} more answered badly: {} unresponsive, {} malformed); the lab served {} ({} hostile).",
            self.devices_found,
            self.addresses_scanned,
            self.unresponsive.len() + self.malformed.len(),
            self.unresponsive.len(),
            self.malformed.len(),
            self.lab_devices,
            self.lab_hostile_devices
        );
        let _ = writeln!(
            out,
            "True maker identified as the lab's truth for {} of {} devices whose maker the lab names.",
            self.makers_matching_truth, self.makers_in_truth
        );
        let _ = writeln!(
            out,
            "\nSurveillance equipment by true manufacturer ({} devices; {} ordinary hosts not listed):",
            s.equipment_on_estate, self.ordinary_hosts
        );
        for m in &self.equipment_by_maker {
            let relabelled = if m.relabelled > 0 {
                format!("  ({} sold under another brand)", m.relabelled)
            } else {
                String::new()
            };
            let _ = writeln!(out, "  {:<28} {:>4}{relabelled}", m.maker, m.devices);
        }
        let _ = writeln!(
            out,
            "\nMade by companies subject to the PRC National Intelligence Law: {}; on sensitive sites: {}; on core networks: {}.",
            s.prc_nil_equipment, s.prc_nil_on_sensitive_sites, s.prc_nil_on_core_networks
        );
        let _ = writeln!(
            out,
            "Covered by a policy pack: {} ({} relabelled, {} unidentified equipment).",
            s.covered_equipment, s.relabelled_equipment, s.unidentified_equipment
        );
        let _ = writeln!(out, "\nOpen findings by action:");
        for row in &s.findings_by_action {
            let _ = writeln!(out, "  {:<28} {:>4}", row.action, row.total());
        }
        let _ = writeln!(
            out,
            "\nRemediation plan: {} items open, {} closed. First to do:",
            s.plan_open, s.plan_closed
        );
        for item in &self.top_plan_items {
            let _ = writeln!(
                out,
                "  {:>2}  {:<22} {:<14} {:<44} {} / {}{}",
                item.priority,
                item.action,
                item.address,
                item.equipment,
                item.site,
                item.network,
                item.due
                    .as_deref()
                    .map_or(String::new(), |d| format!("  due {d}"))
            );
        }
        let html = self
            .reports
            .iter()
            .find(|p| p.extension().is_some_and(|e| e == "html"))
            .or(self.reports.first());
        let _ = writeln!(out);
        if let Some(html) = html {
            let _ = writeln!(
                out,
                "Report: {} ({} files in {})",
                html.display(),
                self.reports.len(),
                html.parent()
                    .map_or_else(String::new, |p| p.display().to_string())
            );
        }
        let _ = writeln!(
            out,
            "Register: {} (try: camsweep plan --db {} list)",
            self.register.display(),
            self.register.display()
        );
        let _ = writeln!(
            out,
            "KB {}; policy packs: {}.",
            self.kb_version,
            self.policy_packs.join(", ")
        );
        let _ = writeln!(
            out,
            "Scan {:.1} s, whole demo {:.1} s. The lab is stopped.",
            self.scan_seconds, self.seconds_total
        );
        out
    }
}

/// "Hikvision DS-2CD2143G2-I (sold as LTS)", from device strings made printable.
fn equipment_label(device: &report::Device) -> String {
    let mut label = device.manufacturer_label().to_owned();
    if let Some(model) = &device.model {
        label.push(' ');
        label.push_str(model);
    }
    if device.is_relabelled()
        && let Some(brand) = &device.brand
    {
        label.push_str(&format!(" (sold as {brand})"));
    }
    crate::printer::escape(&label)
}
