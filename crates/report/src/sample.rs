//! Hand-built report data for tests, examples and benchmarks: [`small`] is a tiny estate whose
//! every count is known by hand; [`synthetic`] scales to any number of devices.
//!
//! The vendor facts below mirror `shared/research/vendors.toml` and `regimes.md` (Hikvision and
//! Dahua on the FCC Covered List and named in NDAA FY2019 s.889); they are test data, not the KB.

use camsweep_model::{DeviceType, Evidence, Implication, ObservationKind, PrcNil, Stance};
use time::macros::{date, datetime};

use crate::data::*;

fn evidence(
    kind: ObservationKind,
    field: &str,
    value: &str,
    rule: &str,
    maker: Option<&str>,
    stance: Stance,
) -> Evidence {
    Evidence {
        kind,
        field: field.to_owned(),
        value: value.to_owned(),
        path: None,
        rule: rule.to_owned(),
        implies: Implication {
            manufacturer: maker.map(str::to_owned),
            ..Implication::default()
        },
        strength: if stance == Stance::Supports { 0.9 } else { 0.3 },
        stance,
        note: "test rule".to_owned(),
    }
}

struct Maker {
    id: &'static str,
    name: &'static str,
    nil: PrcNil,
    lists: &'static [&'static str],
    server: &'static str,
}

const MAKERS: [Maker; 6] = [
    Maker {
        id: "hikvision",
        name: "Hikvision",
        nil: PrcNil::Yes,
        lists: &["ndaa-889", "fcc-covered"],
        server: "App-webs/",
    },
    Maker {
        id: "dahua",
        name: "Dahua",
        nil: PrcNil::Yes,
        lists: &["ndaa-889", "fcc-covered"],
        server: "DNVRS-Webs",
    },
    Maker {
        id: "axis",
        name: "Axis Communications",
        nil: PrcNil::No,
        lists: &[],
        server: "axis-httpd",
    },
    Maker {
        id: "hanwha",
        name: "Hanwha Vision",
        nil: PrcNil::No,
        lists: &[],
        server: "Hanwha",
    },
    Maker {
        id: "uniview",
        name: "Uniview",
        nil: PrcNil::Yes,
        lists: &[],
        server: "UNV",
    },
    Maker {
        id: "bosch",
        name: "Bosch Security Systems",
        nil: PrcNil::No,
        lists: &[],
        server: "VCS-VideoJet-Webserver",
    },
];

#[allow(clippy::too_many_arguments)]
fn device(
    id: &str,
    address: &str,
    network: Option<(&str, &str)>,
    maker: Option<&Maker>,
    brand: Option<&str>,
    device_type: DeviceType,
    status: DeviceStatus,
) -> Device {
    let evidence = match maker {
        Some(m) => vec![
            evidence(
                ObservationKind::HttpServer,
                "http.server",
                m.server,
                &format!("{}-http-server", m.id),
                Some(m.id),
                Stance::Supports,
            ),
            evidence(
                ObservationKind::Mac,
                "mac.oui",
                "00:11:22",
                "mac-registry",
                Some(m.id),
                Stance::Supports,
            ),
        ],
        None => vec![evidence(
            ObservationKind::RtspServer,
            "rtsp.server",
            "Rtsp Server/1.0",
            "generic-rtsp",
            None,
            Stance::Context,
        )],
    };
    Device {
        id: id.to_owned(),
        address: address.to_owned(),
        mac: Some("00:11:22:33:44:55".to_owned()),
        site: network.map(|(site, _)| site.to_owned()),
        network: network.map(|(_, net)| net.to_owned()),
        manufacturer: maker.map(|m| m.id.to_owned()),
        manufacturer_name: maker.map(|m| m.name.to_owned()),
        brand: brand.map(str::to_owned),
        own_brand: false,
        model: maker.map(|_| "DS-2CD2143G0-I".to_owned()),
        firmware: maker.map(|_| "V5.5.0".to_owned()),
        device_type,
        confidence: if maker.is_some() { 0.95 } else { 0.0 },
        prc_nil: maker.map_or(PrcNil::Unknown, |m| m.nil),
        covered: maker.is_some_and(|m| m.nil == PrcNil::Yes || !m.lists.is_empty()),
        lists: maker.map_or_else(Vec::new, |m| {
            m.lists.iter().map(|l| (*l).to_owned()).collect()
        }),
        evidence,
        status,
        removed_on: None,
        last_seen: Some("2026-05-01T09:00:00Z".to_owned()),
    }
}

fn hcws386_citation() -> Citation {
    Citation {
        reference: "HCWS386, 24 Nov 2022 (Written Ministerial Statement, Security Update)".to_owned(),
        url: Some("https://questions-statements.parliament.uk/written-statements/detail/2022-11-24/HCWS386".to_owned()),
        quote: Some("cease deployment of such equipment onto sensitive sites".to_owned()),
    }
}

fn finding(
    id: &str,
    device: &str,
    site: &str,
    rule: &str,
    severity: Severity,
    action: &str,
) -> Finding {
    Finding {
        id: id.to_owned(),
        device: device.to_owned(),
        pack: "uk-hcws386".to_owned(),
        rule: rule.to_owned(),
        severity,
        action: action.to_owned(),
        message: format!("{rule} applies to this device"),
        citation: hcws386_citation(),
        site: Some(site.to_owned()),
        status: FindingStatus::Open,
        waiver: None,
    }
}

fn packs() -> Vec<PolicyPackInfo> {
    vec![
        PolicyPackInfo {
            id: "uk-hcws386".to_owned(),
            name: "UK HCWS386 visual surveillance systems".to_owned(),
            version: "2026.05.1".to_owned(),
            sources: vec![
                "https://questions-statements.parliament.uk/written-statements/detail/2022-11-24/HCWS386".to_owned(),
                "https://www.npsa.gov.uk/security-update-surveillance-equipment-0".to_owned(),
            ],
        },
        PolicyPackInfo {
            id: "us-ndaa-889".to_owned(),
            name: "US NDAA FY2019 section 889".to_owned(),
            version: "2026.05.1".to_owned(),
            sources: vec!["https://www.acquisition.gov/far/52.204-25".to_owned()],
        },
    ]
}

/// A tiny estate with known counts (see the tests): two organisations, four sites (two
/// sensitive), five networks (two core), ten devices (one relabelled LTS made by Hikvision,
/// one Amcrest made by Dahua, one unidentified, one printer, one removed, one unplaced).
pub fn small() -> ReportData {
    let hq_cctv = Some(("hq", "hq-cctv"));
    let hq_core = Some(("hq", "hq-core"));
    let dc_core = Some(("dc", "dc-core"));
    let north = Some(("north", "north-office"));
    let agency = Some(("agency-office", "agency-lan"));
    let [hik, dahua, axis, ..] = &MAKERS;
    let mut devices = vec![
        device(
            "d1",
            "10.1.1.10",
            hq_cctv,
            Some(hik),
            None,
            DeviceType::IpCamera,
            DeviceStatus::Present,
        ),
        device(
            "d2",
            "10.1.0.20",
            hq_core,
            Some(hik),
            Some("LTS"),
            DeviceType::IpCamera,
            DeviceStatus::Present,
        ),
        device(
            "d3",
            "10.2.0.5",
            dc_core,
            Some(dahua),
            None,
            DeviceType::Nvr,
            DeviceStatus::Present,
        ),
        device(
            "d4",
            "10.3.0.7",
            north,
            Some(dahua),
            Some("Amcrest"),
            DeviceType::IpCamera,
            DeviceStatus::Present,
        ),
        device(
            "d5",
            "10.3.0.8",
            north,
            Some(axis),
            None,
            DeviceType::IpCamera,
            DeviceStatus::Present,
        ),
        device(
            "d6",
            "10.1.1.99",
            hq_cctv,
            None,
            None,
            DeviceType::Unknown,
            DeviceStatus::Present,
        ),
        device(
            "d7",
            "10.3.0.50",
            north,
            None,
            None,
            DeviceType::Other,
            DeviceStatus::Present,
        ),
        device(
            "d8",
            "10.4.0.3",
            agency,
            Some(hik),
            None,
            DeviceType::IpCamera,
            DeviceStatus::Removed,
        ),
        device(
            "d9",
            "192.168.77.4",
            None,
            Some(hik),
            None,
            DeviceType::Dvr,
            DeviceStatus::Missing,
        ),
        device(
            "d10",
            "10.4.0.9",
            agency,
            Some(hik),
            Some("Hikvision"),
            DeviceType::Intercom,
            DeviceStatus::Present,
        ),
    ];
    devices[7].removed_on = Some(date!(2026 - 03 - 01));
    let mut findings = vec![
        finding(
            "f1",
            "d1",
            "hq",
            "sensitive-site-nil-producer",
            Severity::High,
            "remove",
        ),
        finding(
            "f2",
            "d2",
            "hq",
            "sensitive-site-nil-producer",
            Severity::High,
            "remove",
        ),
        finding(
            "f3",
            "d2",
            "hq",
            "core-network-nil-producer",
            Severity::Critical,
            "disconnect",
        ),
        finding(
            "f4",
            "d3",
            "dc",
            "sensitive-site-nil-producer",
            Severity::High,
            "remove",
        ),
        finding(
            "f5",
            "d3",
            "dc",
            "core-network-nil-producer",
            Severity::Critical,
            "disconnect",
        ),
        finding(
            "f6",
            "d4",
            "north",
            "non-sensitive-site-consider",
            Severity::Low,
            "consider-removal",
        ),
        finding(
            "f7",
            "d8",
            "agency-office",
            "non-sensitive-site-consider",
            Severity::Low,
            "consider-removal",
        ),
        finding(
            "f8",
            "d10",
            "agency-office",
            "core-network-nil-producer",
            Severity::Critical,
            "disconnect",
        ),
    ];
    findings[5].status = FindingStatus::Waived;
    findings[5].waiver = Some(Waiver {
        reason: "replacement budgeted for next financial year".to_owned(),
        until: date!(2026 - 12 - 31),
        approved_by: "Departmental Security Officer".to_owned(),
    });
    findings[6].status = FindingStatus::Closed;
    let item =
        |id: &str, device: &str, finding: &str, priority: u32, status: PlanStatus| PlanItem {
            id: id.to_owned(),
            device: device.to_owned(),
            findings: vec![finding.to_owned()],
            priority,
            action: "remove and replace".to_owned(),
            due: Some(date!(2026 - 09 - 30)),
            status,
            replaced_by: None,
            note: None,
        };
    let mut plan = vec![
        item("p1", "d2", "f3", 1, PlanStatus::InProgress),
        item("p2", "d3", "f5", 2, PlanStatus::Open),
        item("p3", "d1", "f1", 3, PlanStatus::Open),
        item("p4", "d10", "f8", 4, PlanStatus::Open),
        item("p5", "d8", "f7", 9, PlanStatus::Done),
    ];
    plan[4].replaced_by = Some("axis-p3265".to_owned());
    ReportData {
        title: "Department for Examples: visual surveillance equipment".to_owned(),
        generated_at: datetime!(2026-05-01 10:00 UTC),
        kb: crate::KbInfo {
            version: "2026.05.0".to_owned(),
            sources: vec![
                "https://www.fcc.gov/supplychain/coveredlist".to_owned(),
                "IEEE Registration Authority MA-L registry (Debian ieee-data)".to_owned(),
            ],
        },
        policy_packs: packs(),
        organisations: vec![
            Organisation {
                id: "dfe".to_owned(),
                name: "Department for Examples".to_owned(),
            },
            Organisation {
                id: "agency".to_owned(),
                name: "Examples Agency".to_owned(),
            },
        ],
        sites: vec![
            site("hq", "dfe", "Headquarters", true),
            site("dc", "dfe", "Data centre", true),
            site("north", "dfe", "Northern regional office", false),
            site("agency-office", "agency", "Agency office", false),
        ],
        networks: vec![
            network("hq-core", "hq", "HQ corporate", "10.1.0.0/24", "core"),
            network("hq-cctv", "hq", "HQ CCTV", "10.1.1.0/24", "isolated"),
            network("dc-core", "dc", "DC core", "10.2.0.0/24", "core"),
            network(
                "north-office",
                "north",
                "North office",
                "10.3.0.0/24",
                "office",
            ),
            network(
                "agency-lan",
                "agency-office",
                "Agency LAN",
                "10.4.0.0/24",
                "core",
            ),
        ],
        devices,
        findings,
        plan,
        scans: vec![ScanRecord {
            id: "0196a1b2-0000-7000-8000-000000000001".to_owned(),
            started_at: "2026-05-01T09:00:00Z".to_owned(),
            finished_at: Some("2026-05-01T09:04:10Z".to_owned()),
            targets: vec!["10.1.0.0/23".to_owned(), "10.2.0.0/24".to_owned()],
            hosts_scanned: 768,
            devices_found: 9,
            unresponsive: vec!["10.1.1.200".to_owned()],
            malformed: vec!["10.1.1.201".to_owned()],
            interrupted: false,
            kb_version: "2026.05.0".to_owned(),
        }],
        progress: vec![
            ProgressPoint {
                date: date!(2026 - 02 - 01),
                open: 5,
                closed: 0,
            },
            ProgressPoint {
                date: date!(2026 - 03 - 01),
                open: 4,
                closed: 1,
            },
            ProgressPoint {
                date: date!(2026 - 05 - 01),
                open: 4,
                closed: 1,
            },
        ],
    }
}

fn site(id: &str, organisation: &str, name: &str, sensitive: bool) -> Site {
    Site {
        id: id.to_owned(),
        organisation: organisation.to_owned(),
        name: name.to_owned(),
        sensitive,
    }
}

fn network(id: &str, site: &str, name: &str, cidr: &str, zone: &str) -> Network {
    Network {
        id: id.to_owned(),
        site: site.to_owned(),
        name: name.to_owned(),
        cidr: cidr.to_owned(),
        zone: zone.to_owned(),
    }
}

/// A deterministic estate of `devices` devices on 50 sites (every fifth sensitive), with
/// findings and plan items for covered makers on sensitive sites or core networks, and a year of
/// weekly progress: for benchmarks and scale tests.
pub fn synthetic(devices: usize) -> ReportData {
    const SITES: usize = 50;
    let zones = ["core", "isolated", "office"];
    let sites: Vec<Site> = (0..SITES)
        .map(|i| {
            site(
                &format!("s{i}"),
                if i % 2 == 0 { "dfe" } else { "agency" },
                &format!("Site {i}"),
                i.is_multiple_of(5),
            )
        })
        .collect();
    let networks: Vec<Network> = (0..SITES * zones.len())
        .map(|i| {
            network(
                &format!("n{i}"),
                &format!("s{}", i / zones.len()),
                &format!("Network {i}"),
                &format!("10.{}.{}.0/24", i / 256, i % 256),
                zones[i % zones.len()],
            )
        })
        .collect();
    let mut data = small();
    data.sites = sites;
    data.networks = networks;
    data.devices.clear();
    data.findings.clear();
    data.plan.clear();
    for i in 0..devices {
        let net = i % (SITES * zones.len());
        let site_index = net / zones.len();
        let maker = if i % 11 == 10 {
            None
        } else {
            Some(&MAKERS[i % MAKERS.len()])
        };
        let brand = (i % 13 == 0).then_some("LTS");
        let status = match i % 40 {
            0 => DeviceStatus::Removed,
            1 => DeviceStatus::Missing,
            _ => DeviceStatus::Present,
        };
        let site_id = format!("s{site_index}");
        let net_id = format!("n{net}");
        let mut d = device(
            &format!("d{i}"),
            &format!("10.{}.{}.{}", net / 256, net % 256, 2 + (i / 150) % 250),
            Some((&site_id, &net_id)),
            maker,
            brand,
            DeviceType::IpCamera,
            status,
        );
        if status == DeviceStatus::Removed {
            d.removed_on = Some(date!(2026 - 01 - 15));
        }
        let sensitive = site_index.is_multiple_of(5);
        let core = zones[net % zones.len()] == "core";
        if d.covered && (sensitive || core) {
            let f = finding(
                &format!("f{i}"),
                &d.id,
                &site_id,
                if sensitive {
                    "sensitive-site-nil-producer"
                } else {
                    "core-network-nil-producer"
                },
                if core {
                    Severity::Critical
                } else {
                    Severity::High
                },
                if sensitive { "remove" } else { "disconnect" },
            );
            data.plan.push(PlanItem {
                id: format!("p{i}"),
                device: d.id.clone(),
                findings: vec![f.id.clone()],
                priority: (data.plan.len() + 1) as u32,
                action: "remove and replace".to_owned(),
                due: Some(date!(2026 - 12 - 31)),
                status: if status == DeviceStatus::Removed {
                    PlanStatus::Done
                } else {
                    PlanStatus::Open
                },
                replaced_by: None,
                note: None,
            });
            data.findings.push(f);
        }
        data.devices.push(d);
    }
    let total = data.plan.len() as u64;
    data.progress = (0..52u64)
        .map(|week| {
            let closed = total * week / 104;
            ProgressPoint {
                date: date!(2025 - 05 - 01) + time::Duration::weeks(week as i64),
                open: total - closed,
                closed,
            }
        })
        .collect();
    data
}
