//! The demo: the main job end to end on a built-in fictional department (`camsweep demo`).
//!
//! Starts the lab in-process (loopback addresses 127.90.0.0/16 only) with the embedded estate
//! and lab settings (`demo/estate.toml`, `demo/lab.toml`), imports the estate into a fresh
//! SQLite register in the output directory, scans every network of the estate, ingests the
//! scan, evaluates the policy packs (findings and the remediation plan), writes the reports and
//! stops the lab. Also writes what the lab really served (`lab-truth.json`, `lab-spec.toml`) so
//! that the results can be checked against it. Progress is reported through a callback; the
//! result is a [`DemoSummary`] that the caller renders.

pub mod spec;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use camsweep_identify::Engine;
use camsweep_lab::{Lab, LabOptions, LabSpec, ListenMode, TruthRecord};
use camsweep_model::estate::Estate;
use camsweep_model::{HostStatus, ScanDocument};
use camsweep_policy::PolicySet;
use camsweep_register::Register;
use camsweep_report as report;
use camsweep_scan::{Limits, ScanConfig, ScanEvent, TargetSpec};
use serde::Serialize;
use tokio::sync::mpsc;

use crate::AppError;
use crate::evaluate::{Evaluation, evaluate};
use crate::ingest::store_scan_document;

/// Who the demo's register history names.
pub const ACTOR: &str = "camsweep demo";
/// How many plan items the summary lists.
const TOP_ITEMS: usize = 8;
/// The reports' heading.
const TITLE: &str = "Visual surveillance equipment: Department for Civic Records (fictional demo)";

/// What the demo tells its caller while it runs.
#[derive(Debug, Clone, Copy)]
pub enum Progress<'a> {
    /// The scan of the estate's networks starts.
    Scanning { targets: &'a [String] },
    /// The scan is done: `answered` devices answered properly, `answered_badly` did not.
    Scanned {
        addresses: u64,
        seconds: f64,
        answered: usize,
        answered_badly: usize,
    },
    /// The scan is stored and the register evaluated.
    Evaluated {
        devices_new: usize,
        findings_new: usize,
        plan_items: usize,
    },
}

/// The demo, ready to run: the embedded estate, the lab built from it, and the output
/// directory (created) with no register left from a previous run.
pub struct Demo {
    pub estate: Estate,
    pub lab: LabSpec,
    pub out: PathBuf,
    pub db: PathBuf,
}

impl Demo {
    /// Loads the embedded estate and lab settings and prepares `out`.
    pub fn prepare(out: &Path) -> Result<Demo, AppError> {
        let estate = spec::estate()?;
        let lab = spec::lab_spec(spec::LAB_TOML, &estate)?;
        std::fs::create_dir_all(out)
            .map_err(AppError::io(format!("creating {}", out.display())))?;
        let db = out.join("register.sqlite");
        remove_register(&db)?;
        Ok(Demo {
            estate,
            lab,
            out: out.to_owned(),
            db,
        })
    }

    /// Runs the lab, and the whole job against it; the lab is stopped before this returns.
    pub async fn run(
        &self,
        engine: &Engine<'_>,
        policies: &PolicySet,
        formats: &[report::Format],
        progress: &mut (dyn FnMut(Progress<'_>) + Send),
    ) -> Result<DemoSummary, AppError> {
        let lab = Lab::start(
            self.lab.clone(),
            LabOptions {
                mode: ListenMode::PerAddress,
                ..LabOptions::default()
            },
        )
        .await
        .map_err(AppError::lab("starting the lab"))?;
        let result = self
            .with_lab(&lab, engine, policies, formats, progress)
            .await;
        lab.shutdown().await;
        result
    }

    async fn with_lab(
        &self,
        lab: &Lab,
        engine: &Engine<'_>,
        policies: &PolicySet,
        formats: &[report::Format],
        progress: &mut (dyn FnMut(Progress<'_>) + Send),
    ) -> Result<DemoSummary, AppError> {
        let truth = lab.truth();
        let json = serde_json::to_string_pretty(truth)
            .map_err(|e| AppError::internal(format!("the lab's truth as JSON: {e}")))?;
        std::fs::write(self.out.join("lab-truth.json"), json)
            .map_err(AppError::io("writing lab-truth.json"))?;
        std::fs::write(self.out.join("lab-spec.toml"), self.lab.to_toml())
            .map_err(AppError::io("writing lab-spec.toml"))?;

        let register = Register::open(&self.db.display().to_string())
            .await
            .map_err(AppError::register(format!(
                "opening the register {}",
                self.db.display()
            )))?;
        let result = self
            .with_register(&register, truth, engine, policies, formats, progress)
            .await;
        register.close().await;
        result
    }

    async fn with_register(
        &self,
        register: &Register,
        truth: &[TruthRecord],
        engine: &Engine<'_>,
        policies: &PolicySet,
        formats: &[report::Format],
        progress: &mut (dyn FnMut(Progress<'_>) + Send),
    ) -> Result<DemoSummary, AppError> {
        register.apply_estate(&self.estate, ACTOR, true).await?;

        let targets: Vec<String> = self
            .estate
            .networks
            .iter()
            .flat_map(|n| n.cidrs.iter().map(ToString::to_string))
            .collect();
        progress(Progress::Scanning { targets: &targets });
        let scan_started = Instant::now();
        let doc = scan_estate(targets, engine).await?;
        let scan_seconds = scan_started.elapsed().as_secs_f64();
        let unresponsive = addresses_with(&doc, HostStatus::Unresponsive);
        let malformed = addresses_with(&doc, HostStatus::Malformed);
        progress(Progress::Scanned {
            addresses: doc.scan.hosts_scanned,
            seconds: scan_seconds,
            answered: doc.devices.len() - unresponsive.len() - malformed.len(),
            answered_badly: unresponsive.len() + malformed.len(),
        });

        // Devices, observations and coverage in one transaction, as `camsweep ingest` does.
        let ingested = store_scan_document(register, &doc, None, ACTOR).await?;
        let Evaluation { delta, plan } = evaluate(register, engine, policies, ACTOR).await?;
        progress(Progress::Evaluated {
            devices_new: ingested.devices_new,
            findings_new: delta.findings_new,
            plan_items: plan.created,
        });

        let data = crate::report_data::gather(register, engine.kb(), policies, TITLE).await?;
        let written = report::write_reports(&data, &self.out, formats)?;
        Ok(DemoSummary::new(
            &data,
            truth,
            &doc,
            scan_seconds,
            unresponsive,
            malformed,
            &self.db,
            written,
        ))
    }
}

/// A fresh register each run: the demo's numbers must be the lab's, not a previous run's.
fn remove_register(db: &Path) -> Result<(), AppError> {
    for suffix in ["", "-wal", "-shm"] {
        let path = PathBuf::from(format!("{}{suffix}", db.display()));
        match std::fs::remove_file(&path) {
            Ok(()) => {}
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
            Err(e) => return Err(AppError::io(format!("removing {}", path.display()))(e)),
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

/// Scans the targets, draining the progress events (the summary is printed at the end).
pub async fn scan_estate(
    targets: Vec<String>,
    engine: &Engine<'_>,
) -> Result<ScanDocument, AppError> {
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
        .map_err(|source| AppError::Scan {
            context: "scanning the lab".into(),
            source,
        })?;
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
    /// The whole run, as the caller measures it (0 until it sets it).
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
    /// [`equipment_label`]: device strings, not yet made safe for a terminal.
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
}

/// "Hikvision DS-2CD2143G2-I (sold as LTS)".
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
    label
}
