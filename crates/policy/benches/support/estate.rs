//! Synthetic estates shared by the bench and the profiling example.

use camsweep_model::{ListMembership, PrcNil, VendorFacts};
use camsweep_policy::{DeviceContext, DeviceFacts, NetworkFacts, SiteFacts};

fn vendor(id: &str, nil: PrcNil, lists: &[(&str, Option<&str>)]) -> VendorFacts {
    VendorFacts {
        id: id.into(),
        name: id.into(),
        parent: None,
        hq_country: Some(if nil == PrcNil::Yes { "CN" } else { "SE" }.into()),
        subject_to_prc_nil: nil,
        nil_reasoning: "bench".into(),
        lists: lists
            .iter()
            .map(|(list, via)| ListMembership {
                list: (*list).into(),
                since: Some("2021-03-12".into()),
                via: via.map(Into::into),
                source: "bench".into(),
            })
            .collect(),
        sources: vec!["bench".into()],
    }
}

/// A deterministic mixed estate: a third Hikvision/Dahua-family, some unknown, the rest clean.
pub fn estate(count: usize) -> Vec<DeviceContext> {
    let hik = vendor(
        "hikvision",
        PrcNil::Yes,
        &[
            ("ndaa-889", None),
            ("fcc-covered", None),
            ("au-2023-audit", None),
        ],
    );
    let ezviz = vendor("ezviz", PrcNil::Yes, &[("ndaa-889", Some("hikvision"))]);
    let axis = vendor("axis", PrcNil::No, &[]);
    let dji = vendor("dji", PrcNil::Yes, &[("fcc-covered", None)]);
    let types = ["ip-camera", "nvr", "dvr", "drone", "unknown", "other"];
    (0..count)
        .map(|i| {
            let (manufacturer, vendor, confidence) = match i % 6 {
                0 | 1 => (Some("hikvision"), Some(hik.clone()), 0.95),
                2 => (Some("ezviz"), Some(ezviz.clone()), 0.9),
                3 => (Some("axis"), Some(axis.clone()), 0.9),
                4 => (Some("dji"), Some(dji.clone()), 0.8),
                _ => (None, None, 0.0),
            };
            DeviceContext {
                device: DeviceFacts {
                    id: format!("dev-{i}"),
                    address: Some(format!("10.{}.{}.{}", i >> 16 & 255, i >> 8 & 255, i & 255)),
                    manufacturer: manufacturer.map(Into::into),
                    brand: None,
                    model: None,
                    device_type: types[i % types.len()].into(),
                    confidence,
                    vendor,
                    first_seen: Some(
                        if i % 2 == 0 {
                            "2021-05-01"
                        } else {
                            "2024-05-01"
                        }
                        .into(),
                    ),
                    vulnerabilities: Vec::new(),
                },
                site: Some(SiteFacts {
                    id: format!("site-{}", i % 50),
                    name: None,
                    sensitivity: if i % 3 == 0 {
                        "sensitive"
                    } else {
                        "non-sensitive"
                    }
                    .into(),
                }),
                network: Some(NetworkFacts {
                    id: format!("net-{}", i % 200),
                    zone: ["core", "isolated", "other", "unknown"][i % 4].into(),
                    public_exposure: false,
                }),
                organisation: None,
                now: "2026-02-01".into(),
                purpose: (i % 5 == 0).then(|| "public-safety".into()),
            }
        })
        .collect()
}

/// A list id and, for a derived membership, the parent it comes through.
type Listing = (&'static str, Option<&'static str>);

/// A small deterministic generator (xorshift64*), so the estate is the same on every run
/// without a dependency.
struct Dice(u64);

impl Dice {
    fn roll(&mut self, below: usize) -> usize {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        (self.0.wrapping_mul(0x2545_F491_4F6C_DD1D) >> 33) as usize % below
    }
}

/// A realistic estate: `count` devices over 50 sites (a fifth sensitive, each with 4 networks
/// of fixed zones), 30 makers (6 PRC-NIL makers on the lists, 4 of unknown NIL status, 20
/// clean; 5% of devices with no maker), mostly IP cameras, confidences 0.3-0.95, first-seen
/// dates uniformly random over 2015-2025, a purpose recorded for a tenth.
pub fn realistic_estate(count: usize) -> Vec<DeviceContext> {
    let listed: &[(&str, &[Listing])] = &[
        (
            "hikvision",
            &[
                ("ndaa-889", None),
                ("fcc-covered", None),
                ("au-2023-audit", None),
            ],
        ),
        (
            "dahua",
            &[
                ("ndaa-889", None),
                ("fcc-covered", None),
                ("au-2023-audit", None),
            ],
        ),
        ("ezviz", &[("ndaa-889", Some("hikvision"))]),
        ("lorex-cn", &[("ndaa-889", Some("dahua"))]),
        ("dji", &[("fcc-covered", None)]),
        ("uniview", &[]),
    ];
    let mut makers: Vec<VendorFacts> = listed
        .iter()
        .map(|(id, lists)| vendor(id, PrcNil::Yes, lists))
        .collect();
    makers.extend((0..4).map(|i| vendor(&format!("unsure-{i}"), PrcNil::Unknown, &[])));
    makers.extend((0..20).map(|i| vendor(&format!("clean-{i}"), PrcNil::No, &[])));
    let types = [
        "ip-camera",
        "ip-camera",
        "ip-camera",
        "ip-camera",
        "ip-camera",
        "nvr",
        "dvr",
        "drone",
        "unknown",
        "other",
    ];
    let zones = ["core", "isolated", "other", "unknown"];
    let confidences = [0.3, 0.7, 0.9, 0.95];
    let purposes = [
        "public-safety",
        "government-facilities-security",
        "office-entry",
    ];
    let mut dice = Dice(0x9E37_79B9_7F4A_7C15);
    (0..count)
        .map(|i| {
            let site = dice.roll(50);
            let network = dice.roll(4);
            let vendor = (dice.roll(20) != 0).then(|| makers[dice.roll(makers.len())].clone());
            let day = dice.roll(11 * 365);
            let first_seen = format!(
                "{:04}-{:02}-{:02}",
                2015 + day / 365,
                1 + day % 365 / 31 % 12,
                1 + day % 28
            );
            DeviceContext {
                device: DeviceFacts {
                    id: format!("dev-{i}"),
                    address: Some(format!("10.{}.{}.{}", i >> 16 & 255, i >> 8 & 255, i & 255)),
                    manufacturer: vendor.as_ref().map(|v| v.id.clone()),
                    brand: None,
                    model: None,
                    device_type: types[dice.roll(types.len())].into(),
                    confidence: if vendor.is_some() {
                        confidences[dice.roll(confidences.len())]
                    } else {
                        0.0
                    },
                    vendor,
                    first_seen: Some(first_seen),
                    vulnerabilities: Vec::new(),
                },
                site: Some(SiteFacts {
                    id: format!("site-{site}"),
                    name: None,
                    sensitivity: if site.is_multiple_of(5) {
                        "sensitive"
                    } else {
                        "non-sensitive"
                    }
                    .into(),
                }),
                network: Some(NetworkFacts {
                    id: format!("site-{site}-net-{network}"),
                    zone: zones[network].into(),
                    public_exposure: false,
                }),
                organisation: None,
                now: "2026-02-01".into(),
                purpose: (dice.roll(10) == 0).then(|| purposes[dice.roll(purposes.len())].into()),
            }
        })
        .collect()
}

/// The worst case for the projection cache: the realistic estate with every device's vendor
/// facts made distinct (a per-device `nil_reasoning`), so no two projections are equal and
/// every device is fully evaluated by every pack, plus the cost of a cache that never hits.
pub fn distinct_estate(count: usize) -> Vec<DeviceContext> {
    let mut devices = realistic_estate(count);
    for (i, device) in devices.iter_mut().enumerate() {
        let vendor = device
            .device
            .vendor
            .get_or_insert_with(|| vendor("no-maker-on-record", PrcNil::Unknown, &[]));
        vendor.nil_reasoning = format!("assessed for device {i}");
    }
    devices
}
