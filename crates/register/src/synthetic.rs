//! Synthetic batches for tests and benchmarks: real observation values (a Hikvision ISAPI
//! `Server` header, a Dahua realm, a MAC) on loopback addresses, in any quantity.

use camsweep_model::{DeviceType, Identification, Observation, ObservationKind};

use crate::types::{BatchKind, IngestBatch, IngestDevice};

/// A batch of `devices` devices at `127.<second>.x.y` with `per_device` observations each.
/// Every device gets a MAC derived from its index and `mac_seed`, unless `with_macs` is false.
pub fn batch(
    scan_id: &str,
    second_octet: u8,
    devices: usize,
    per_device: usize,
    with_macs: bool,
) -> IngestBatch {
    let mut out = Vec::with_capacity(devices);
    for i in 0..devices {
        let address = format!("127.{second_octet}.{}.{}", (i / 250) % 256, i % 250 + 1);
        let mac = with_macs.then(|| {
            format!(
                "02:{second_octet:02x}:{:02x}:{:02x}:{:02x}:01",
                (i >> 16) & 0xff,
                (i >> 8) & 0xff,
                i & 0xff
            )
        });
        let hikvision = i % 2 == 0;
        let mut observations = Vec::with_capacity(per_device);
        for j in 0..per_device {
            // Values as real devices send them (see shared/corpus/dev_responses.jsonl).
            let (kind, value) = match (j % 3, hikvision) {
                (0, true) => (ObservationKind::HttpServer, "App-webs/".to_owned()),
                (0, false) => (
                    ObservationKind::HttpWwwAuthenticate,
                    "Digest realm=\"Login to 4M0A8B2PAZ00123\"".to_owned(),
                ),
                (1, _) => (ObservationKind::RtspServer, "Rtsp Server/3.0".to_owned()),
                _ => (ObservationKind::HttpTitle, format!("camera {i} probe {j}")),
            };
            let mut o = Observation::new(kind, value);
            o.address = Some(address.clone());
            o.port = Some(80);
            o.source = Some("synthetic".into());
            observations.push(o);
        }
        let mut identification = Identification::unknown("synthetic");
        if hikvision {
            identification.manufacturer = Some("hikvision".into());
            identification.device_type = DeviceType::IpCamera;
            identification.confidence = 0.9;
        }
        out.push(IngestDevice {
            label: None,
            address: Some(address),
            mac,
            identification,
            observations,
        });
    }
    IngestBatch {
        kind: BatchKind::Scan,
        scan_id: scan_id.to_owned(),
        source_file: None,
        started_at: crate::now_rfc3339(),
        finished_at: None,
        targets: vec![format!("127.{second_octet}.0.0/16")],
        excluded: Vec::new(),
        kb_version: "synthetic".into(),
        tool_version: env!("CARGO_PKG_VERSION").into(),
        interrupted: false,
        coverage: Some(crate::types::ScanCoverage {
            hosts_scanned: devices as u64,
            unresponsive: Vec::new(),
            malformed: Vec::new(),
        }),
        devices: out,
    }
}
