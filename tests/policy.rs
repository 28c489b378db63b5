//! Policy packs against the real knowledge base: the list ids and vendor ids the packs read are
//! the ones `camsweep-kb` ships, so a KB edit that breaks a pack fails here.

use camsweep_policy::{DeviceContext, DeviceFacts, NetworkFacts, PolicySet, SiteFacts};

fn device(kb: &camsweep_kb::KnowledgeBase, vendor: &str, device_type: &str) -> DeviceContext {
    DeviceContext {
        device: DeviceFacts {
            id: format!("{vendor}-1"),
            manufacturer: Some(vendor.into()),
            device_type: device_type.into(),
            confidence: 0.95,
            vendor: Some((*kb.vendors.facts(vendor).expect("vendor in the KB")).clone()),
            first_seen: Some("2024-03-01".into()),
            vulnerabilities: Vec::new(),
            ..Default::default()
        },
        site: Some(SiteFacts {
            id: "hq".into(),
            name: None,
            sensitivity: "sensitive".into(),
        }),
        network: Some(NetworkFacts {
            id: "lan".into(),
            zone: "core".into(),
            public_exposure: false,
        }),
        now: "2026-02-01".into(),
        ..Default::default()
    }
}

fn rules(set: &PolicySet, ctx: &DeviceContext, pack: &str) -> Vec<String> {
    set.evaluate(ctx, &[pack.to_owned()])
        .unwrap()
        .into_iter()
        .map(|f| f.rule)
        .collect()
}

#[test]
fn kb_vendors_reach_every_builtin_pack() {
    let kb = camsweep_kb::KnowledgeBase::embedded().unwrap();
    let set = PolicySet::builtin().unwrap();

    let hik = device(&kb, "hikvision", "ip-camera");
    let uk = rules(&set, &hik, "uk-hcws386-2022");
    assert!(
        uk.contains(&"nil-sensitive-deployed-after-instruction".to_owned()),
        "{uk:?}"
    );
    assert!(uk.contains(&"nil-core-network".to_owned()), "{uk:?}");
    assert_eq!(
        rules(&set, &hik, "us-ndaa-889"),
        ["covered-entity-purpose-undetermined"]
    );
    assert_eq!(
        rules(&set, &hik, "us-fcc-covered-list"),
        ["covered-list-equipment"]
    );
    assert_eq!(
        rules(&set, &hik, "au-2023"),
        ["audited-maker-removal-announced"]
    );

    let huawei = device(&kb, "huawei", "ip-camera");
    assert_eq!(
        rules(&set, &huawei, "us-ndaa-889"),
        ["covered-telecom-equipment"]
    );

    let dji = device(&kb, "dji", "drone");
    assert_eq!(
        rules(&set, &dji, "us-fcc-covered-list"),
        ["covered-list-uas-maker"]
    );

    let gate = set.check(&hik, &[]).unwrap();
    assert!(!gate.allowed);
    assert!(gate.reasons[0].blocks_deployment);
}
