//! `camsweep demo` (issue 6): the whole job on the built-in fictional department, checked against
//! what the lab really served; the reports of every format agree; and a recorded removal is
//! verified by a rescan that no longer finds the device, while one still there is reopened.
//! Runs the built binary (`CARGO_BIN_EXE_camsweep`: Cargo builds it for this package's tests). Loopback only: the demo's lab serves
//! 127.90.0.0/16.

use std::collections::{BTreeSet, HashMap};
use std::path::Path;
use std::process::Command;

use camsweep_identify::Engine;
use camsweep_kb::KnowledgeBase;
use camsweep_lab::{Lab, LabOptions, LabSpec, ListenMode, TruthRecord};
use camsweep_model::{PlanChangeKind, PlanStatus as StoredStatus, PrcNil};
use camsweep_register::{DeviceRecord, FindingFilter, FindingStatus, Register};
use camsweep_report::{PlanStatus, ReportData};
use camsweep_scan::{Limits, ScanConfig, TargetSpec, scan};
use serde_json::Value;

/// The demo's lab uses fixed addresses: one demo (or rescan) at a time.
static DEMO_LOCK: std::sync::Mutex<()> = std::sync::Mutex::new(());

fn camsweep(args: &[&str]) -> String {
    let output = Command::new(env!("CARGO_BIN_EXE_camsweep"))
        .args(args)
        .env_remove("CAMSWEEP_DB")
        .env_remove("CAMSWEEP_KB")
        .output()
        .expect("camsweep runs");
    assert!(
        output.status.success(),
        "camsweep {args:?} failed ({}):\n{}\n{}",
        output.status,
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8(output.stdout).expect("UTF-8 output")
}

/// Runs the demo into `out` and returns its JSON summary.
fn run_demo(out: &Path) -> Value {
    let stdout = camsweep(&["demo", "--out", out.to_str().unwrap(), "--json"]);
    serde_json::from_str(&stdout).unwrap_or_else(|e| panic!("demo summary: {e}\n{stdout}"))
}

fn truth(out: &Path) -> Vec<TruthRecord> {
    serde_json::from_str(&std::fs::read_to_string(out.join("lab-truth.json")).unwrap()).unwrap()
}

fn runtime() -> tokio::runtime::Runtime {
    tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .unwrap()
}

async fn open(out: &Path) -> Register {
    Register::open(out.join("register.sqlite").to_str().unwrap())
        .await
        .expect("the demo's register opens")
}

fn sensitive_sites(register_estate: &camsweep_model::estate::Estate) -> BTreeSet<String> {
    register_estate
        .sites
        .iter()
        .filter(|s| s.sensitivity == camsweep_model::Sensitivity::Sensitive)
        .map(|s| s.id.clone())
        .collect()
}

#[test]
fn the_demo_tells_the_labs_truth_and_every_report_format_agrees() {
    let _lock = DEMO_LOCK.lock().unwrap_or_else(|e| e.into_inner());
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path();
    let summary = run_demo(out);
    let truth = truth(out);
    let hostile: BTreeSet<&str> = truth
        .iter()
        .filter(|t| t.hostile.is_some())
        .map(|t| t.address.as_str())
        .collect();
    assert!(
        truth.len() >= 250 && !hostile.is_empty(),
        "a few hundred devices, some hostile"
    );

    // Devices found = the lab's non-hostile devices; the hostile ones are reported as such.
    assert_eq!(
        summary["devices_found"].as_u64(),
        Some((truth.len() - hostile.len()) as u64),
        "{summary:#}"
    );
    assert_eq!(summary["lab_devices"].as_u64(), Some(truth.len() as u64));
    let answered_badly: BTreeSet<&str> = ["unresponsive", "malformed"]
        .iter()
        .flat_map(|k| summary[*k].as_array().unwrap())
        .map(|v| v.as_str().unwrap())
        .collect();
    assert_eq!(
        answered_badly, hostile,
        "hostile devices are the ones that answered badly"
    );

    let kb = KnowledgeBase::embedded().unwrap();
    runtime().block_on(async {
        let register = open(out).await;
        let estate = register.estate().await.unwrap();
        let sensitive = sensitive_sites(&estate);
        let devices = register.devices().await.unwrap();
        assert_eq!(
            devices.len(),
            truth.len(),
            "every device that answered is stored"
        );
        let by_address: HashMap<&str, &DeviceRecord> = devices
            .iter()
            .filter_map(|d| Some((d.address.as_deref()?, d)))
            .collect();

        // True makers: the lab's, or honestly unknown; never another maker.
        let mut named = 0;
        let mut agreeing = 0;
        for t in &truth {
            let device = by_address
                .get(t.address.as_str())
                .unwrap_or_else(|| panic!("{} ({}) not stored", t.address, t.profile));
            assert!(device.site_id.is_some(), "{} is placed", t.address);
            let identified = device
                .identification
                .as_ref()
                .and_then(|i| i.manufacturer.as_deref());
            if let Some(maker) = t.manufacturer.as_deref() {
                named += 1;
                match identified {
                    Some(m) if m == maker => agreeing += 1,
                    None => {}
                    Some(other) => panic!(
                        "{} ({}): made by {maker}, identified as {other}",
                        t.address, t.profile
                    ),
                }
            }
        }
        assert!(
            agreeing * 100 >= named * 95,
            "true maker identified for {agreeing} of {named}"
        );
        assert_eq!(summary["makers_in_truth"].as_u64(), Some(named as u64));
        assert_eq!(
            summary["makers_matching_truth"].as_u64(),
            Some(agreeing as u64)
        );

        // Every device on a sensitive site made by a PRC-NIL company (by the lab's truth) has
        // an open finding, and every such finding a plan item; unless camsweep could not name
        // its maker, in which case it is listed as unidentified (never cleared).
        let findings = register
            .findings(
                &FindingFilter {
                    include_resolved: true,
                    ..FindingFilter::default()
                },
                &camsweep_register::today(),
            )
            .await
            .unwrap();
        let items = register.plan_items().await.unwrap();
        let item_findings: BTreeSet<&str> = items
            .iter()
            .filter_map(|i| i.finding_id.as_deref())
            .collect();
        let mut covered_sensitive = 0;
        for t in &truth {
            let Some(maker) = t.manufacturer.as_deref() else {
                continue;
            };
            let nil = kb.vendors.facts(maker).map(|f| f.subject_to_prc_nil);
            let device = by_address[t.address.as_str()];
            let on_sensitive = device
                .site_id
                .as_ref()
                .is_some_and(|s| sensitive.contains(s));
            if nil != Some(PrcNil::Yes) || !on_sensitive {
                continue;
            }
            let identified = device
                .identification
                .as_ref()
                .and_then(|i| i.manufacturer.as_ref());
            if identified.is_none() {
                continue;
            }
            covered_sensitive += 1;
            let mine: Vec<_> = findings
                .iter()
                .filter(|f| f.device_id == device.id && f.status == FindingStatus::Open)
                .collect();
            assert!(
                mine.iter().any(|f| f.finding.pack == "uk-hcws386-2022"),
                "{} ({maker}) on a sensitive site has no HCWS386 finding",
                t.address
            );
            for f in mine {
                assert!(
                    item_findings.contains(f.id.as_str()) || f.finding.action == "none",
                    "{} finding {} ({}) has no plan item",
                    t.address,
                    f.finding.rule,
                    f.finding.action
                );
            }
        }
        assert!(
            covered_sensitive >= 50,
            "covered on sensitive sites: {covered_sensitive}"
        );
        assert!(
            items.iter().all(|i| i.status == StoredStatus::Open),
            "a fresh demo's plan is all open"
        );
        register.close().await;
    });

    // Every report format tells the same numbers, and they are the demo's summary's.
    let json: Value =
        serde_json::from_str(&std::fs::read_to_string(out.join("report.json")).unwrap()).unwrap();
    let data: ReportData = serde_json::from_value(json["data"].clone()).unwrap();
    camsweep_tests::reports::check_files_agree(&data, out);
    assert_eq!(data.devices.len(), truth.len());
    for key in [
        "prc_nil_equipment",
        "prc_nil_on_sensitive_sites",
        "prc_nil_on_core_networks",
        "covered_equipment",
        "plan_open",
        "findings_open",
    ] {
        assert_eq!(
            json["summary"][key], summary["summary"][key],
            "{key}: report.json and the printed summary"
        );
    }
    assert_eq!(data.scans.len(), 1);
    let scan = &data.scans[0];
    assert_eq!(
        scan.hosts_scanned,
        summary["addresses_scanned"].as_u64().unwrap()
    );
    assert_eq!(
        scan.unresponsive.len() + scan.malformed.len(),
        hostile.len(),
        "scan coverage lists the hosts that answered badly"
    );
}

/// The demo's scan limits, for the rescan (fewer connections at once).
fn limits() -> Limits {
    Limits {
        concurrency: 256,
        ..camsweep_app::demo::demo_limits()
    }
}

/// Serves `spec` without `gone`, scans `targets` and writes the scan document to `file`.
fn rescan_without(spec: LabSpec, gone: &str, targets: &[String], file: &Path) {
    let devices = spec
        .devices
        .into_iter()
        .filter(|d| d.address.to_string() != gone && targets.contains(&d.address.to_string()))
        .collect();
    runtime().block_on(async {
        let lab = Lab::start(
            LabSpec { devices },
            LabOptions {
                mode: ListenMode::PerAddress,
                ..LabOptions::default()
            },
        )
        .await
        .expect("the rescan lab starts on loopback");
        let kb = KnowledgeBase::embedded().unwrap();
        let engine = Engine::new(&kb).unwrap();
        let mut config = ScanConfig::new(TargetSpec {
            include: targets.to_vec(),
            max_hosts: 16,
            ..TargetSpec::default()
        });
        config.limits = limits();
        config.neighbours = false;
        let (tx, mut rx) = tokio::sync::mpsc::channel(64);
        let drain = tokio::spawn(async move { while rx.recv().await.is_some() {} });
        let doc = scan(config, &engine, tx).await.expect("rescan");
        drain.await.unwrap();
        lab.shutdown().await;
        assert!(doc.devices.iter().all(|d| d.address != gone));
        std::fs::write(file, serde_json::to_string(&doc).unwrap()).unwrap();
    });
}

#[test]
fn a_removal_is_verified_by_a_rescan_and_a_device_still_there_reopens_its_item() {
    let _lock = DEMO_LOCK.lock().unwrap_or_else(|e| e.into_inner());
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path();
    run_demo(out);
    let db = out.join("register.sqlite");
    let db = db.to_str().unwrap();

    // Two covered cameras on the headquarters' CCTV network, each with plan items.
    let (removed_item, kept_item, gone, kept) = runtime().block_on(async {
        let register = open(out).await;
        let devices = register.devices().await.unwrap();
        let items = register.plan_items().await.unwrap();
        let mut picked = Vec::new();
        for device in devices
            .iter()
            .filter(|d| d.network_id.as_deref() == Some("hq-cctv"))
        {
            if let Some(item) = items.iter().find(|i| i.device_id == device.id) {
                picked.push((item.id.clone(), device.address.clone().unwrap()));
            }
            if picked.len() == 2 {
                break;
            }
        }
        register.close().await;
        assert_eq!(picked.len(), 2, "two hq-cctv devices with plan items");
        (
            picked[0].0.clone(),
            picked[1].0.clone(),
            picked[0].1.clone(),
            picked[1].1.clone(),
        )
    });

    // Both recorded as removed; only the first really is.
    camsweep(&["plan", "--db", db, "update", &removed_item, "--removed"]);
    camsweep(&["plan", "--db", db, "update", &kept_item, "--removed"]);
    let listing = camsweep(&["plan", "--db", db, "list"]);
    assert!(listing.contains("awaiting-verification"), "{listing}");

    let spec = LabSpec::from_file(&out.join("lab-spec.toml")).unwrap();
    let scan_file = out.join("rescan.json");
    rescan_without(spec, &gone, &[gone.clone(), kept.clone()], &scan_file);
    camsweep(&["ingest", scan_file.to_str().unwrap(), "--db", db]);
    let evaluated = camsweep(&["evaluate", "--db", db]);
    assert!(evaluated.contains("1 removals verified"), "{evaluated}");
    assert!(evaluated.contains("1 reopened"), "{evaluated}");

    runtime().block_on(async {
        let register = open(out).await;
        let items = register.plan_items().await.unwrap();
        let removed = items.iter().find(|i| i.id == removed_item).unwrap();
        assert_eq!(removed.status, StoredStatus::Removed);
        assert!(removed.verified_at.is_some(), "verified by the rescan");
        let kept_now = items.iter().find(|i| i.id == kept_item).unwrap();
        assert_eq!(kept_now.status, StoredStatus::Reopened);
        assert!(kept_now.verified_at.is_none());
        // The gone device's other items close with their (resolved) findings.
        for other in items
            .iter()
            .filter(|i| i.device_id == removed.device_id && i.id != removed_item)
        {
            assert_eq!(other.status, StoredStatus::Closed, "{other:?}");
        }
        let history = |id: String| {
            let register = register.clone();
            async move {
                register
                    .history(Some((camsweep_model::HistoryEntity::PlanItem, &id)))
                    .await
                    .unwrap()
                    .into_iter()
                    .map(|h| h.action.as_str())
                    .collect::<Vec<_>>()
            }
        };
        assert_eq!(
            history(removed_item.clone()).await,
            ["created", "updated", "verified"]
        );
        assert_eq!(
            history(kept_item.clone()).await,
            ["created", "updated", "reopened"]
        );
        register.close().await;
    });

    // The report shows it: the verified removal is done and its device removed.
    let report_dir = out.join("after");
    camsweep(&[
        "report",
        "--db",
        db,
        "--out",
        report_dir.to_str().unwrap(),
        "--format",
        "json",
    ]);
    let json: Value =
        serde_json::from_str(&std::fs::read_to_string(report_dir.join("report.json")).unwrap())
            .unwrap();
    let data: ReportData = serde_json::from_value(json["data"].clone()).unwrap();
    let status = |id: &str| data.plan.iter().find(|p| p.id == id).unwrap().status;
    assert_eq!(status(&removed_item), PlanStatus::Done);
    assert_eq!(status(&kept_item), PlanStatus::Reopened);
    let gone_device = data.devices.iter().find(|d| d.address == gone).unwrap();
    assert_eq!(gone_device.status, camsweep_report::DeviceStatus::Removed);
    assert_eq!(json["summary"]["devices_removed"].as_u64(), Some(1));

    // A second evaluation changes nothing: people's and the rescan's states are kept.
    let again = camsweep(&["evaluate", "--db", db]);
    assert!(
        again.contains(
            "plan: 0 items created, 0 updated, 0 removals verified, 0 reopened, 0 closed"
        ),
        "{again}"
    );
}

/// The register queries the plan and the report need behave alike on SQLite and PostgreSQL:
/// scans with their coverage, plan changes with their history, `verified_at` round-trips, and the
/// new statuses pass the table's constraint (migration 0002).
#[tokio::test]
async fn plan_changes_and_scan_coverage_are_stored_alike_on_both_backends() {
    use camsweep_tests::backends::{backends, device, estate, finding, scan};
    for b in backends().await {
        let r = &b.register;
        r.apply_estate(&estate(), "t", true).await.unwrap();
        r.ingest(
            &scan(
                "s1",
                &["127.90.1.0/24"],
                vec![device("127.90.1.5", None, Some("hikvision"))],
            ),
            "t",
        )
        .await
        .unwrap();
        r.record_scan_coverage("s1", 254, &["127.90.1.9".into()], &[])
            .await
            .unwrap();
        assert!(
            r.record_scan_coverage("nope", 1, &[], &[]).await.is_err(),
            "{}: an unknown scan is an error",
            b.name
        );
        let scans = r.scans().await.unwrap();
        assert_eq!(scans.len(), 1, "{}", b.name);
        assert_eq!(scans[0].hosts_scanned, Some(254), "{}", b.name);
        assert_eq!(scans[0].unresponsive, ["127.90.1.9"], "{}", b.name);
        assert_eq!(scans[0].targets, ["127.90.1.0/24"], "{}", b.name);
        assert_eq!(scans[0].devices, 1, "{}", b.name);

        let device_id = r.devices().await.unwrap()[0].id.clone();
        let results = vec![(
            device_id.clone(),
            camsweep_model::Identification::unknown("test"),
            vec![finding("uk-hcws386-2022", "r1")],
        )];
        r.apply_evaluation(&results, "t").await.unwrap();
        let finding_id = r
            .findings(&FindingFilter::default(), &camsweep_register::today())
            .await
            .unwrap()[0]
            .id
            .clone();
        let mut item = camsweep_register::PlanItem {
            id: "p1".into(),
            finding_id: Some(finding_id),
            device_id,
            priority: 1,
            action: "remove-and-replace".into(),
            due: None,
            status: StoredStatus::Open,
            replaced_by: None,
            updated_at: camsweep_register::now_rfc3339(),
            verified_at: None,
        };
        let change = |item: &camsweep_register::PlanItem,
                      kind: PlanChangeKind,
                      before: Option<StoredStatus>| {
            camsweep_register::PlanChange {
                item: item.clone(),
                kind,
                before,
            }
        };
        r.apply_plan_changes(&[change(&item, PlanChangeKind::Created, None)], "t")
            .await
            .unwrap();
        item.status = StoredStatus::Removed;
        item.verified_at = Some(camsweep_register::now_rfc3339());
        r.apply_plan_changes(
            &[change(
                &item,
                PlanChangeKind::Verified,
                Some(StoredStatus::Open),
            )],
            "t",
        )
        .await
        .unwrap();
        let stored = r.plan_items().await.unwrap();
        assert_eq!(stored, [item.clone()], "{}", b.name);
        for (status, kind) in [
            (StoredStatus::Reopened, PlanChangeKind::Reopened),
            (StoredStatus::Closed, PlanChangeKind::Closed),
        ] {
            item.status = status;
            r.apply_plan_changes(&[change(&item, kind, Some(StoredStatus::Removed))], "t")
                .await
                .unwrap_or_else(|e| panic!("{}: status {status}: {e}", b.name));
        }
        // A change the table refuses (its device does not exist) is stored whole or not at all.
        item.device_id = "no-such-device".into();
        assert!(
            r.apply_plan_changes(&[change(&item, PlanChangeKind::Updated, None)], "t")
                .await
                .is_err(),
            "{}: an item of an unknown device is refused by the table",
            b.name
        );
        let actions: Vec<&str> = r
            .history(Some((camsweep_model::HistoryEntity::PlanItem, "p1")))
            .await
            .unwrap()
            .into_iter()
            .map(|h| h.action.as_str())
            .collect();
        assert_eq!(
            actions,
            ["created", "verified", "reopened", "closed"],
            "{}: a refused change leaves no history",
            b.name
        );
        b.cleanup().await;
    }
}

/// Issue 14's measure, on the demo's lab (its profiles carry real firmware strings): the
/// cisa-kev findings agree with what the vulnerability pack says of the firmware the lab really
/// serves. Every device whose true firmware is in an affected range gets its finding for that
/// CVE (`kev-affected*` when the scan read the firmware); none whose true firmware is past the
/// fix gets an `affected` finding; and a `likely` finding means the scan did not read the
/// firmware, or the pack itself cannot place the true firmware (no published range, or a line
/// the range does not cover).
#[test]
fn the_demo_flags_exactly_the_lab_devices_in_a_known_exploited_range() {
    use camsweep_model::{Identification, MatchStatus};
    let _lock = DEMO_LOCK.lock().unwrap_or_else(|e| e.into_inner());
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path();
    run_demo(out);
    let truth = truth(out);
    let kb = KnowledgeBase::embedded().unwrap();
    let today = camsweep_register::today();
    runtime().block_on(async {
        let register = open(out).await;
        let devices = register.devices().await.unwrap();
        let by_address: HashMap<&str, &DeviceRecord> = devices
            .iter()
            .filter_map(|d| Some((d.address.as_deref()?, d)))
            .collect();
        let findings = register
            .findings(
                &FindingFilter {
                    pack: Some("cisa-kev".into()),
                    ..FindingFilter::default()
                },
                &today,
            )
            .await
            .unwrap();
        let mut by_device: HashMap<&str, Vec<&str>> = HashMap::new();
        for f in &findings {
            by_device
                .entry(f.device_id.as_str())
                .or_default()
                .push(f.finding.rule.as_str());
        }
        let (mut affected, mut past_fix, mut likely) = (0, 0, 0);
        for t in truth.iter().filter(|t| t.hostile.is_none()) {
            let Some(device) = by_address.get(t.address.as_str()) else {
                continue;
            };
            let mut served = Identification::unknown(&kb.version);
            served.manufacturer = t.manufacturer.clone();
            served.brand = t.brand.clone();
            served.model = t.model.clone();
            served.firmware = t.firmware.clone();
            served.device_type = t.device_type;
            let scanned = device.identification.clone().unwrap();
            let rules = by_device.get(device.id.as_str()).cloned().unwrap_or_default();
            let rule_for = |cve: &str| rules.iter().find(|r| r.ends_with(&format!("/{cve}"))).copied();
            for m in kb.vulns.matches(&served) {
                if m.kev.as_ref().is_none_or(|k| k.date_added.as_str() > today.as_str()) {
                    continue;
                }
                let rule = rule_for(&m.cve);
                let what = format!("{} {:?} {:?} {}: {:?} (scanned firmware {:?})", t.address, t.model, t.firmware, m.cve, rule, scanned.firmware);
                match m.status {
                    MatchStatus::Affected => {
                        affected += 1;
                        let rule = rule.unwrap_or_else(|| panic!("in range, no finding: {what}"));
                        if scanned.firmware.is_some() {
                            assert!(rule.starts_with("kev-affected"), "{what}");
                        }
                    }
                    MatchStatus::NotAffected => {
                        past_fix += 1;
                        assert!(rule.is_none_or(|r| r.starts_with("kev-likely") && scanned.firmware.is_none()), "past the fix: {what}");
                    }
                    MatchStatus::Likely => assert!(rule.is_none_or(|r| r.starts_with("kev-likely")), "{what}"),
                }
            }
            for rule in &rules {
                if let Some(cve) = rule.strip_prefix("kev-likely/") {
                    likely += 1;
                    let true_status = kb.vulns.matches(&served).into_iter().find(|m| m.cve == cve).map(|m| m.status);
                    assert!(
                        scanned.firmware.is_none() || true_status == Some(MatchStatus::Likely),
                        "{} {:?}: likely {cve} with firmware {:?} read (true status {true_status:?})",
                        t.address, t.model, scanned.firmware
                    );
                }
            }
        }
        eprintln!("demo lab: {affected} (device, CVE) pairs in an affected range, {past_fix} past the fix or outside the range, {likely} likely findings");
        assert!(affected > 0 && past_fix > 0 && likely > 0, "{affected} {past_fix} {likely}");
    });
}
