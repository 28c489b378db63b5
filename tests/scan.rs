//! The scanner against an in-process lab: every profile found and identified, hostile devices
//! reported with their reasons at the cost of their timeouts, scope refusals, limits.
//! Loopback only (the lab serves 127.79.0.0/24 here, clear of other tests' ranges).

use std::net::{IpAddr, Ipv4Addr};
use std::time::{Duration, Instant};

use camsweep_identify::Engine;
use camsweep_kb::KnowledgeBase;
use camsweep_lab::{DeviceSpec, Lab, LabOptions, LabSpec, ListenMode, TruthRecord, profiles};
use camsweep_model::{HostStatus, ObservationKind, ScanDocument};
use camsweep_scan::{Limits, ScanConfig, ScanError, TargetSpec, scan};
use tokio::sync::mpsc;

/// Serialises the lab tests of this module: they share ports on loopback addresses.
static LAB_LOCK: tokio::sync::Mutex<()> = tokio::sync::Mutex::const_new(());

fn limits() -> Limits {
    Limits {
        connect_timeout: Duration::from_millis(800),
        read_timeout: Duration::from_millis(800),
        probe_timeout: Duration::from_secs(2),
        host_timeout: Duration::from_secs(6),
        banner_timeout: Duration::from_millis(800),
        udp_wait: Duration::from_millis(400),
        max_response_bytes: 128 * 1024,
        max_header_bytes: 16 * 1024,
        concurrency: 512,
        rate: None,
    }
}

async fn start_lab(third_octet: u8, profile_ids: &[&str]) -> Lab {
    let devices = profile_ids
        .iter()
        .enumerate()
        .map(|(i, id)| {
            DeviceSpec::new(
                IpAddr::V4(Ipv4Addr::new(127, 79, third_octet, i as u8 + 1)),
                *id,
            )
        })
        .collect();
    Lab::start(
        LabSpec { devices },
        LabOptions {
            mode: ListenMode::PerAddress,
            ..LabOptions::default()
        },
    )
    .await
    .expect("the lab starts on loopback")
}

/// Scans and returns the document and the time the scan itself took (engine set-up excluded:
/// compiling the rules is slow in debug builds).
async fn run_scan(targets: &[&str], limits: Limits) -> Result<(ScanDocument, Duration), ScanError> {
    let kb = KnowledgeBase::embedded().expect("embedded KB");
    let engine = Engine::new(&kb).expect("engine");
    let mut config = ScanConfig::new(TargetSpec {
        include: targets.iter().map(|t| t.to_string()).collect(),
        max_hosts: 1024,
        ..TargetSpec::default()
    });
    config.limits = limits;
    let (tx, mut rx) = mpsc::channel(256);
    let drain = tokio::spawn(async move {
        let mut devices = 0;
        while let Some(e) = rx.recv().await {
            if matches!(e, camsweep_scan::ScanEvent::Device(_)) {
                devices += 1;
            }
        }
        devices
    });
    let started = Instant::now();
    let doc = scan(config, &engine, tx).await?;
    let elapsed = started.elapsed();
    let streamed = drain.await.unwrap();
    assert_eq!(streamed, doc.devices.len(), "every device is streamed once");
    Ok((doc, elapsed))
}

fn device<'a>(doc: &'a ScanDocument, t: &TruthRecord) -> &'a camsweep_model::ScannedDevice {
    doc.devices
        .iter()
        .find(|d| d.address == t.address)
        .unwrap_or_else(|| panic!("{} ({}) was not found", t.address, t.profile))
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_profile_is_found_and_identified() {
    let _guard = LAB_LOCK.lock().await;
    let ids: Vec<&str> = profiles()
        .iter()
        .filter(|p| p.hostile.is_none())
        .map(|p| p.id.as_str())
        .collect();
    assert!(ids.len() >= 10, "the lab has a catalogue: {ids:?}");
    let lab = start_lab(1, &ids).await;
    let (doc, _) = run_scan(&["127.79.1.0/24"], limits()).await.unwrap();
    let mut wrong = Vec::new();
    for t in lab.truth() {
        let d = device(&doc, t);
        for port in &t.ports {
            if camsweep_scan::DEFAULT_PORTS.contains(port) {
                assert!(
                    d.open_ports.contains(port),
                    "{} port {port}: {:?}",
                    t.profile,
                    d.open_ports
                );
            }
        }
        assert_eq!(d.status, HostStatus::Up, "{}: {:?}", t.profile, d.problems);
        if let Some(maker) = &t.manufacturer
            && d.identification.manufacturer.as_ref() != Some(maker)
        {
            wrong.push(format!(
                "{}: true {maker}, scanned {:?}",
                t.profile, d.identification.manufacturer
            ));
        }
        // Every observation says where it came from.
        for o in &d.observations {
            assert_eq!(o.device.as_deref(), Some(t.address.as_str()));
            assert_eq!(o.address.as_deref(), Some(t.address.as_str()));
            assert!(o.source.as_deref().is_some_and(|s| s.starts_with("scan/")));
        }
    }
    assert!(wrong.is_empty(), "misidentified: {wrong:#?}");
    assert_eq!(doc.scan.hosts_scanned, 254);
    assert_eq!(doc.devices.len(), lab.truth().len(), "no phantom devices");
    lab.shutdown().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn hostile_devices_are_reported_with_reasons_within_their_timeouts() {
    let _guard = LAB_LOCK.lock().await;
    let ids: Vec<&str> = profiles()
        .iter()
        .filter(|p| p.hostile.is_some())
        .map(|p| p.id.as_str())
        .collect();
    assert!(ids.len() >= 5, "{ids:?}");
    let lab = start_lab(2, &ids).await;
    let limits = limits();
    let (doc, elapsed) = run_scan(&["127.79.2.1-127.79.2.40"], limits).await.unwrap();
    // Every host runs in parallel: the whole scan costs about one host deadline, not their sum.
    assert!(
        elapsed < limits.host_timeout + Duration::from_secs(2),
        "{elapsed:?}"
    );
    for t in lab.truth() {
        let d = device(&doc, t);
        assert_ne!(
            d.status,
            HostStatus::Up,
            "{} reported up: {:?}",
            t.profile,
            d.observations.len()
        );
        assert!(!d.problems.is_empty(), "{}: no reason given", t.profile);
        let text = d.problems.join(" | ");
        let expected = match t.hostile.as_deref() {
            Some("stall") => "no answer within",
            // A one-byte-a-second drip trips the idle timeout or the probe deadline.
            Some("drip") => "http/80 GET /: ",
            Some("endless-body") => "cut at the",
            Some("gigantic-headers") => "headers",
            Some("xml-bomb") => "entities",
            Some("malformed-http") => "not an HTTP response",
            Some("tls-garbage") => "tls/",
            Some("rtsp-redirect-loop") => "redirect loop",
            Some(_) => "",
            None => unreachable!(),
        };
        assert!(
            text.contains(expected),
            "{} ({:?}): {text}",
            t.profile,
            t.hostile
        );
        if t.hostile.as_deref() == Some("endless-body") {
            // Cut at the byte limit: nothing kept is larger.
            for o in &d.observations {
                assert!(
                    o.value.len() <= limits.max_response_bytes,
                    "{}",
                    o.value.len()
                );
            }
            assert!(
                d.observations
                    .iter()
                    .any(|o| o.kind == ObservationKind::HttpResponse)
            );
        }
    }
    lab.shutdown().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_stalled_host_costs_its_deadline_and_no_more() {
    let _guard = LAB_LOCK.lock().await;
    let lab = start_lab(3, &["hostile-stall"]).await;
    let mut limits = limits();
    limits.read_timeout = Duration::from_secs(5);
    limits.probe_timeout = Duration::from_secs(5);
    limits.host_timeout = Duration::from_millis(1500);
    let (doc, elapsed) = run_scan(&["127.79.3.1"], limits).await.unwrap();
    assert!(elapsed >= Duration::from_millis(1400), "{elapsed:?}");
    assert!(elapsed < Duration::from_millis(3000), "{elapsed:?}");
    let d = &doc.devices[0];
    assert_eq!(d.status, HostStatus::Unresponsive);
    assert!(
        d.problems.iter().any(|p| p.contains("host deadline")),
        "{:?}",
        d.problems
    );
    lab.shutdown().await;
}

/// Issue 9: a device that answers nothing but SNMP is identified from the credential-free
/// SNMPv3 engine-ID discovery alone, by the enterprise number in its engine ID.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_device_answering_only_snmp_is_identified_by_its_engine_id() {
    let _guard = LAB_LOCK.lock().await;
    let lab = start_lab(4, &["hikvision-nvr-snmp", "axis-ipc-snmp"]).await;
    let targets: Vec<String> = lab.truth().iter().map(|t| t.address.clone()).collect();
    let targets: Vec<&str> = targets.iter().map(String::as_str).collect();
    let (doc, _) = run_scan(&targets, limits()).await.unwrap();
    for t in lab.truth() {
        let d = device(&doc, t);
        assert!(d.open_ports.is_empty(), "{}: {:?}", t.profile, d.open_ports);
        assert_eq!(
            d.identification.manufacturer, t.manufacturer,
            "{}: {:#?}",
            t.profile, d.identification
        );
        assert!(
            d.identification
                .evidence
                .iter()
                .any(|e| e.kind == ObservationKind::SnmpEngineId && e.rule.contains("snmp-engine")),
            "{}: {:#?}",
            t.profile,
            d.identification.evidence
        );
        // No community was configured: nothing but the engine ID came back.
        assert!(
            d.observations
                .iter()
                .all(|o| o.kind == ObservationKind::SnmpEngineId),
            "{}: {:#?}",
            t.profile,
            d.observations
        );
    }
    lab.shutdown().await;
}

#[tokio::test]
async fn out_of_scope_targets_are_refused_before_any_packet() {
    for (target, needle) in [
        ("239.255.255.250", "multicast"),
        ("255.255.255.255", "broadcast"),
        ("0.0.0.0", "unspecified"),
        ("127.0.0.0/8", "--allow-large"),
    ] {
        let err = run_scan(&[target], limits()).await.unwrap_err();
        assert!(matches!(err, ScanError::Targets(_)), "{err}");
        assert!(err.to_string().contains(needle), "{err}");
    }
}
