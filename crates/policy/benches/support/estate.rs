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
                }),
                organisation: None,
                now: "2026-02-01".into(),
                purpose: (i % 5 == 0).then(|| "public-safety".into()),
            }
        })
        .collect()
}
