//! Property tests: the fast paths say exactly what the reference paths say.
//!
//! * the input built directly equals the serde route (serde_json, nulls dropped);
//! * every built-in pack compiled to RVM bytecode gives the interpreter's findings;
//! * a batch on several threads gives the per-device results, in order;
//! * a batch that evaluates a pack once per distinct projection (the cache) gives what
//!   evaluating every device gives;
//! * each built-in pack's input contract loses nothing: the pack finds the same on the whole
//!   input as on its projection.

use camsweep_model::{ListMembership, PrcNil, VendorFacts};
use proptest::prelude::*;
use proptest::strategy::ValueTree;

use crate::{DeviceContext, DeviceFacts, Evaluator, NetworkFacts, OrgFacts, PolicySet, SiteFacts};

fn date() -> impl Strategy<Value = String> {
    (2017u32..2028, 1u32..13, 1u32..29).prop_map(|(y, m, d)| format!("{y:04}-{m:02}-{d:02}"))
}

fn word() -> impl Strategy<Value = String> {
    prop::sample::select(vec![
        "hikvision",
        "dahua",
        "ezviz",
        "axis",
        "dji",
        "autel",
        "hytera",
        "zte",
        "huawei",
        "bosch",
        "other-co",
    ])
    .prop_map(str::to_owned)
}

fn membership() -> impl Strategy<Value = ListMembership> {
    (
        prop::sample::select(vec![
            "ndaa-889",
            "fcc-covered",
            "au-2023-audit",
            "us-entity-list",
        ]),
        prop::option::of(date()),
        prop::option::of(word()),
    )
        .prop_map(|(list, since, via)| ListMembership {
            list: list.into(),
            since,
            via,
            source: "proptest".into(),
        })
}

fn vendor() -> impl Strategy<Value = VendorFacts> {
    (
        word(),
        prop::option::of(word()),
        prop::option::of(prop::sample::select(vec!["CN", "US", "SE", "DE"])),
        prop::sample::select(vec![PrcNil::Yes, PrcNil::No, PrcNil::Unknown]),
        prop::collection::vec(membership(), 0..4),
    )
        .prop_map(|(id, parent, hq, nil, lists)| VendorFacts {
            name: format!("{id} Co."),
            id,
            parent,
            hq_country: hq.map(Into::into),
            subject_to_prc_nil: nil,
            nil_reasoning: "proptest".into(),
            lists,
            sources: vec!["proptest".into()],
        })
}

pub(crate) fn context() -> impl Strategy<Value = DeviceContext> {
    let device = (
        0u32..1000,
        prop::option::of(word()),
        prop::option::of(Just("Brand".to_owned())),
        prop::sample::select(vec!["ip-camera", "nvr", "dvr", "drone", "other", "unknown"]),
        prop::sample::select(vec![0.0, 0.3, 0.59, 0.6, 0.8, 1.0]),
        prop::option::of(vendor()),
        prop::option::of(date()),
    )
        .prop_map(
            |(n, manufacturer, brand, device_type, confidence, vendor, seen)| DeviceFacts {
                id: format!("dev-{n}"),
                address: Some(format!("192.0.2.{}", n % 250)),
                manufacturer,
                brand,
                model: None,
                device_type: device_type.into(),
                confidence,
                vendor,
                first_seen: seen,
                vulnerabilities: Vec::new(),
            },
        );
    let site = prop::option::of(
        (
            0u32..5,
            prop::sample::select(vec!["sensitive", "non-sensitive"]),
        )
            .prop_map(|(n, sensitivity)| SiteFacts {
                id: format!("site-{n}"),
                name: (n % 2 == 0).then(|| "Named".into()),
                sensitivity: sensitivity.into(),
            }),
    );
    let network = prop::option::of(
        (
            0u32..5,
            prop::sample::select(vec!["core", "isolated", "other", "unknown"]),
        )
            .prop_map(|(n, zone)| NetworkFacts {
                id: format!("net-{n}"),
                zone: zone.into(),
                public_exposure: false,
            }),
    );
    let organisation = prop::option::of(Just(OrgFacts {
        id: "org".into(),
        policies: Vec::new(),
    }));
    let purpose = prop::option::of(prop::sample::select(vec![
        "public-safety",
        "government-facilities-security",
        "office-entry",
    ]));
    (device, site, network, organisation, date(), purpose).prop_map(
        |(device, site, network, organisation, now, purpose)| DeviceContext {
            device,
            site,
            network,
            organisation,
            now,
            purpose: purpose.map(Into::into),
        },
    )
}

fn builtin() -> &'static PolicySet {
    static SET: std::sync::OnceLock<PolicySet> = std::sync::OnceLock::new();
    SET.get_or_init(|| PolicySet::builtin().expect("built-in packs compile"))
}

#[test]
fn every_builtin_pack_runs_compiled() {
    let set = builtin();
    for meta in set.packs() {
        assert_eq!(
            set.evaluator_of(&meta.id),
            Some((Evaluator::Compiled, None)),
            "{}",
            meta.id
        );
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]

    #[test]
    fn the_direct_input_equals_the_serde_route(ctx in context()) {
        let ctx = ctx.normalised().expect("generated contexts are valid");
        prop_assert_eq!(crate::to_rego_value(&ctx), crate::to_rego_value_via_json(&ctx));
    }

    #[test]
    fn compiled_packs_find_what_the_interpreter_finds(ctx in context()) {
        let set = builtin();
        let compiled = set.evaluate_with(&ctx, &[], Evaluator::Compiled).expect("compiled");
        let interpreted = set
            .evaluate_with(&ctx, &[], Evaluator::Interpreted)
            .expect("interpreted");
        prop_assert_eq!(compiled, interpreted);
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(6))]

    #[test]
    fn a_batch_on_two_threads_equals_one_device_at_a_time(
        estate in prop::collection::vec(context(), 520..700)
    ) {
        let set = builtin();
        let one_by_one: Vec<_> = estate
            .iter()
            .map(|ctx| set.evaluate(ctx, &[]).expect("evaluates"))
            .collect();
        prop_assert_eq!(&set.evaluate_batch_threads(&estate, &[], 2).expect("2 threads"), &one_by_one);
        prop_assert_eq!(&set.evaluate_batch_threads(&estate, &[], 1).expect("1 thread"), &one_by_one);
    }
}

#[test]
fn a_batch_reports_the_first_bad_input_in_order_whatever_the_threads() {
    let set = builtin();
    let mut runner = proptest::test_runner::TestRunner::deterministic();
    let mut estate: Vec<DeviceContext> = (0..600)
        .map(|_| {
            context()
                .new_tree(&mut runner)
                .expect("generates")
                .current()
        })
        .collect();
    estate[100].device.id = "first-bad".into();
    estate[100].now = "not a date".into();
    estate[550].device.id = "second-bad".into();
    estate[550].device.confidence = 7.0;
    for threads in [1, 2] {
        let err = set
            .evaluate_batch_threads(&estate, &[], threads)
            .unwrap_err()
            .to_string();
        assert!(err.contains("first-bad"), "{threads} threads: {err}");
    }
}

/// The built-in packs with their input contracts removed: they see the whole input.
fn without_contracts() -> &'static PolicySet {
    static SET: std::sync::OnceLock<PolicySet> = std::sync::OnceLock::new();
    SET.get_or_init(|| {
        let mut set = PolicySet::builtin().expect("built-in packs compile");
        for pack in &mut set.packs {
            pack.meta.input = None;
        }
        set
    })
}

#[test]
fn four_builtin_packs_declare_input_contracts() {
    let declared: Vec<_> = builtin()
        .packs()
        .iter()
        .filter(|m| m.input.is_some())
        .map(|m| m.id.as_str())
        .collect();
    assert_eq!(
        declared,
        ["us-ndaa-889", "us-fcc-covered-list", "au-2023", "cisa-kev"]
    );
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]

    #[test]
    fn input_contracts_lose_nothing(ctx in context()) {
        let with = builtin().evaluate(&ctx, &[]).expect("with contracts");
        let whole = without_contracts().evaluate(&ctx, &[]).expect("whole input");
        prop_assert_eq!(with, whole);
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(12))]

    /// Devices drawn from a few vendors, so that projections repeat and the cache is hit.
    #[test]
    fn the_projection_cache_finds_what_evaluating_every_device_finds(
        vendors in prop::collection::vec(vendor(), 1..4),
        estate in prop::collection::vec((0usize..4, context()), 200..400)
    ) {
        let estate: Vec<DeviceContext> = estate
            .into_iter()
            .map(|(pick, mut ctx)| {
                let vendor = vendors[pick % vendors.len()].clone();
                ctx.device.manufacturer = Some(vendor.id.clone());
                ctx.device.vendor = Some(vendor);
                ctx.now = "2026-02-01".into();
                ctx
            })
            .collect();
        let set = builtin();
        let cached = set.evaluate_batch_threads(&estate, &[], 1).expect("cached batch");
        for (ctx, cached) in estate.iter().zip(&cached) {
            let uncached = set.evaluate(ctx, &[]).expect("uncached");
            prop_assert_eq!(cached, &uncached);
            let whole = without_contracts().evaluate(ctx, &[]).expect("whole input");
            prop_assert_eq!(cached, &whole);
        }
    }
}

#[test]
fn a_cache_switched_off_for_missing_too_often_still_finds_the_same() {
    // 2,500 all-distinct projections (the cache switches off after 2,048 lookups), then 500
    // repeats of the first devices: every result must match evaluating each device alone.
    let mut runner = proptest::test_runner::TestRunner::deterministic();
    let mut estate: Vec<DeviceContext> = (0..2_500)
        .map(|i| {
            let mut ctx = context()
                .new_tree(&mut runner)
                .expect("generates")
                .current();
            if let Some(vendor) = ctx.device.vendor.as_mut() {
                vendor.nil_reasoning = format!("device {i}");
            }
            ctx.purpose = Some(format!("purpose {i}"));
            ctx
        })
        .collect();
    estate.extend(estate[..500].to_vec());
    let set = builtin();
    let batch = set.evaluate_batch_threads(&estate, &[], 1).expect("batch");
    for (ctx, found) in estate.iter().zip(&batch) {
        assert_eq!(found, &set.evaluate(ctx, &[]).expect("alone"));
    }
}
