//! User packs loaded from disk: good ones work, broken ones fail naming the pack and the file.

use std::path::Path;
use std::time::Duration;

use crate::{DeviceContext, DeviceFacts, PolicyError, PolicySet};

const GOOD_PACK_TOML: &str = r#"
id = "org-no-unknown-cameras"
title = "Organisation rule: no unidentified cameras"
jurisdiction = "organisation"
version = "0.1.0"
sources = ["https://intranet.example/security-policy"]
[[rules]]
id = "unidentified-camera"
title = "Camera of unknown make"
severity = "medium"
action = "verify-identity"
blocks_deployment = true
citation = { document = "Security policy", paragraph = "4.2", url = "https://intranet.example/security-policy#4.2" }
"#;

const GOOD_REGO: &str = r#"
package org.cameras
import rego.v1
findings contains {"rule": "unidentified-camera", "message": sprintf("%s has no maker", [input.device.id])} if {
    input.device.device_type == "ip-camera"
    not input.device.manufacturer
}
"#;

const GOOD_TESTS: &str = r#"
[base]
now = "2026-01-01"
device = { id = "c", device_type = "ip-camera" }
[[cases]]
name = "unknown camera"
expect = ["unidentified-camera"]
gate = false
"#;

fn write_pack(root: &Path, dir: &str, pack_toml: &str, rego: &str, tests: &str) {
    let dir = root.join(dir);
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join("pack.toml"), pack_toml).unwrap();
    std::fs::write(dir.join("policy.rego"), rego).unwrap();
    std::fs::write(dir.join("tests.toml"), tests).unwrap();
}

fn camera() -> DeviceContext {
    DeviceContext {
        now: "2026-01-01".into(),
        device: DeviceFacts {
            id: "cam-9".into(),
            device_type: "ip-camera".into(),
            ..Default::default()
        },
        ..Default::default()
    }
}

fn load_err(pack_toml: &str, rego: &str) -> (String, PolicyError) {
    let root = tempfile::tempdir().unwrap();
    write_pack(root.path(), "broken", pack_toml, rego, GOOD_TESTS);
    let err = PolicySet::builtin_with_time_limit(Duration::from_millis(200))
        .unwrap()
        .with_dir(root.path())
        .expect_err("a broken pack must not load");
    (err.to_string(), err)
}

#[test]
fn a_user_pack_loads_evaluates_gates_and_runs_its_cases() {
    let root = tempfile::tempdir().unwrap();
    write_pack(root.path(), "mine", GOOD_PACK_TOML, GOOD_REGO, GOOD_TESTS);
    let set = PolicySet::builtin().unwrap().with_dir(root.path()).unwrap();
    assert!(set.packs().iter().any(|p| p.id == "org-no-unknown-cameras"));
    let only = ["org-no-unknown-cameras".to_owned()];
    let findings = set.evaluate(&camera(), &only).unwrap();
    assert_eq!(findings.len(), 1);
    assert_eq!(findings[0].message, "cam-9 has no maker");
    assert_eq!(findings[0].citation.paragraph, "4.2");
    assert!(!set.check(&camera(), &only).unwrap().allowed);
    let results = set.run_tests();
    assert!(results.iter().all(|r| r.passed), "{results:#?}");
    assert!(results.iter().any(|r| r.pack == "org-no-unknown-cameras"));
}

#[test]
fn a_rego_syntax_error_names_pack_and_file() {
    let (text, err) = load_err(
        GOOD_PACK_TOML,
        "package org.cameras\nfindings contains f if {{{",
    );
    assert!(matches!(err, PolicyError::Rego { .. }), "{err:?}");
    assert!(
        text.contains("broken") && text.contains("policy.rego"),
        "{text}"
    );
}

#[test]
fn a_rule_without_citation_is_refused() {
    let no_citation = GOOD_PACK_TOML.replace(
        r#"citation = { document = "Security policy", paragraph = "4.2", url = "https://intranet.example/security-policy#4.2" }"#,
        "",
    );
    let (text, err) = load_err(&no_citation, GOOD_REGO);
    assert!(matches!(err, PolicyError::Metadata { .. }), "{err:?}");
    assert!(
        text.contains("pack.toml") && text.contains("citation"),
        "{text}"
    );
    let empty_url = GOOD_PACK_TOML.replace(
        "url = \"https://intranet.example/security-policy#4.2\"",
        "url = \"\"",
    );
    let (text, _) = load_err(&empty_url, GOOD_REGO);
    assert!(text.contains("citation.url is missing"), "{text}");
}

#[test]
fn recursive_rules_are_refused_at_load() {
    let rego = r#"
package org.cameras
import rego.v1
a if b
b if a
findings contains {"rule": "unidentified-camera", "message": "m"} if a
"#;
    let (text, err) = load_err(GOOD_PACK_TOML, rego);
    assert!(matches!(err, PolicyError::Rego { .. }), "{err:?}");
    assert!(text.contains("policy.rego"), "{text}");
}

#[test]
fn a_runaway_rule_is_stopped_by_the_time_limit() {
    // Only runs away on a real device, so it passes the load check and must be stopped later.
    let rego = r#"
package org.cameras
import rego.v1
findings contains {"rule": "unidentified-camera", "message": sprintf("%d", [n])} if {
    input.device.id == "cam-9"
    some i in numbers.range(1, 100000)
    some n in numbers.range(1, 100000)
    i + n < 0
}
"#;
    let root = tempfile::tempdir().unwrap();
    write_pack(root.path(), "slow", GOOD_PACK_TOML, rego, GOOD_TESTS);
    let set = PolicySet::builtin_with_time_limit(Duration::from_millis(200))
        .unwrap()
        .with_dir(root.path())
        .unwrap();
    // The bound must hold for the compiled form (the default), not only for the interpreter.
    assert_eq!(
        set.evaluator_of("org-no-unknown-cameras"),
        Some((crate::Evaluator::Compiled, None))
    );
    let started = std::time::Instant::now();
    let err = set
        .evaluate(&camera(), &["org-no-unknown-cameras".to_owned()])
        .unwrap_err();
    assert!(
        started.elapsed() < Duration::from_secs(10),
        "{:?}",
        started.elapsed()
    );
    assert!(matches!(err, PolicyError::Timeout { .. }), "{err:?}");
    // A batch on several threads is bounded the same way, by each thread's own evaluator.
    let mut estate = vec![camera(); 600];
    estate[0].device.id = "cam-1".into();
    let started = std::time::Instant::now();
    let batch_err = set
        .evaluate_batch_threads(&estate, &["org-no-unknown-cameras".to_owned()], 2)
        .unwrap_err();
    assert!(
        started.elapsed() < Duration::from_secs(10),
        "{:?}",
        started.elapsed()
    );
    assert!(
        matches!(batch_err, PolicyError::Timeout { ref device, .. } if device == "cam-9"),
        "{batch_err:?}"
    );
    let text = err.to_string();
    assert!(
        text.contains("org-no-unknown-cameras") && text.contains("policy.rego"),
        "{text}"
    );
}

#[test]
fn a_finding_with_an_undeclared_rule_id_is_an_error() {
    let rego = r#"
package org.cameras
import rego.v1
findings contains {"rule": "made-up", "message": "m"} if input.device.id == "cam-9"
"#;
    let root = tempfile::tempdir().unwrap();
    write_pack(root.path(), "liar", GOOD_PACK_TOML, rego, GOOD_TESTS);
    let set = PolicySet::builtin().unwrap().with_dir(root.path()).unwrap();
    let err = set.evaluate(&camera(), &[]).unwrap_err();
    assert!(matches!(err, PolicyError::BadFinding { .. }), "{err:?}");
    assert!(err.to_string().contains("made-up"));
}

/// A rule with `subjects = true` makes one finding per subject (`<rule>/<subject>`); a subject
/// on another rule, none on such a rule, or one with other characters, is an error.
#[test]
fn subjects_name_findings_and_are_checked() {
    let with_subjects = GOOD_PACK_TOML.replace(
        "blocks_deployment = true",
        "blocks_deployment = true\nsubjects = true",
    );
    let rego = |subject: &str| {
        format!(
            r#"
package org.cameras
import rego.v1
findings contains {{"rule": "unidentified-camera", "message": "m"{subject}}} if input.device.id == "cam-9"
"#
        )
    };
    let outcome = |pack_toml: &str, subject: &str| {
        let root = tempfile::tempdir().unwrap();
        write_pack(root.path(), "subj", pack_toml, &rego(subject), GOOD_TESTS);
        let set = PolicySet::builtin().unwrap().with_dir(root.path()).unwrap();
        set.evaluate(&camera(), &[])
    };
    let found = outcome(&with_subjects, r#", "subject": "CVE-2021-36260""#).unwrap();
    assert!(
        found
            .iter()
            .any(|f| f.rule == "unidentified-camera/CVE-2021-36260"),
        "{found:?}"
    );
    for (pack_toml, subject, why) in [
        (
            GOOD_PACK_TOML,
            r#", "subject": "CVE-2021-36260""#,
            "does not give the rule",
        ),
        (with_subjects.as_str(), "", "no subject"),
        (
            with_subjects.as_str(),
            r#", "subject": "a/b""#,
            "is not letters",
        ),
    ] {
        let err = outcome(pack_toml, subject).unwrap_err().to_string();
        assert!(err.contains(why), "{err}");
    }
}

#[test]
fn a_failing_case_says_which_case_and_why() {
    let root = tempfile::tempdir().unwrap();
    let wrong = GOOD_TESTS.replace("expect = [\"unidentified-camera\"]", "expect = []");
    write_pack(root.path(), "mine", GOOD_PACK_TOML, GOOD_REGO, &wrong);
    let set = PolicySet::builtin().unwrap().with_dir(root.path()).unwrap();
    let failed: Vec<_> = set.run_tests().into_iter().filter(|r| !r.passed).collect();
    assert_eq!(failed.len(), 1, "{failed:#?}");
    assert_eq!(failed[0].case, "unknown camera");
    let why = failed[0].failure.as_deref().unwrap();
    assert!(
        why.contains("tests.toml") && why.contains("unidentified-camera"),
        "{why}"
    );
}

#[test]
fn two_user_packs_with_one_id_conflict_but_a_user_pack_may_replace_a_builtin() {
    let root = tempfile::tempdir().unwrap();
    write_pack(root.path(), "a", GOOD_PACK_TOML, GOOD_REGO, GOOD_TESTS);
    write_pack(root.path(), "b", GOOD_PACK_TOML, GOOD_REGO, GOOD_TESTS);
    let err = PolicySet::builtin()
        .unwrap()
        .with_dir(root.path())
        .unwrap_err();
    assert!(matches!(err, PolicyError::DuplicatePack { .. }), "{err:?}");

    let root = tempfile::tempdir().unwrap();
    let newer_au = GOOD_PACK_TOML.replace("org-no-unknown-cameras", "au-2023");
    write_pack(root.path(), "au", &newer_au, GOOD_REGO, GOOD_TESTS);
    let set = PolicySet::builtin().unwrap().with_dir(root.path()).unwrap();
    let au = set.packs().iter().find(|p| p.id == "au-2023").unwrap();
    assert!(au.origin.ends_with("au"), "{}", au.origin);
    assert_eq!(set.packs().len(), crate::BUILTIN_PACKS.len());
}

#[test]
fn unknown_packs_and_bad_inputs_are_typed_errors() {
    let set = PolicySet::builtin().unwrap();
    let err = set.evaluate(&camera(), &["nope".to_owned()]).unwrap_err();
    assert!(matches!(err, PolicyError::UnknownPack { .. }), "{err:?}");
    let mut bad = camera();
    bad.now = "yesterday".into();
    let err = set.evaluate(&bad, &[]).unwrap_err();
    assert!(err.to_string().contains("cam-9") && err.to_string().contains("now"));
}

/// `GOOD_PACK_TOML` with an input contract.
fn with_contract(contract: &str) -> String {
    GOOD_PACK_TOML.replace("[[rules]]", &format!("{contract}\n[[rules]]"))
}

#[test]
fn a_pack_with_an_input_contract_sees_only_what_it_declares() {
    // The rule tests the site (not declared) and the device id (stamped): with the contract it
    // sees neither, so it cannot fire, in `evaluate` as in a cached batch.
    let rego = r#"
package org.cameras
import rego.v1
findings contains {"rule": "unidentified-camera", "message": sprintf("%s", [input.device.id])} if {
    input.site.sensitivity == "sensitive"
}
findings contains {"rule": "unidentified-camera", "message": "id seen"} if {
    input.device.id == "cam-9"
}
findings contains {"rule": "unidentified-camera", "message": sprintf("%s on %s", [input.device.id, input.device.device_type])} if {
    input.device.device_type == "ip-camera"
}
"#;
    let root = tempfile::tempdir().unwrap();
    let pack_toml =
        with_contract("[input]\nreads = [\"device.device_type\"]\nstamps = [\"device.id\"]");
    write_pack(root.path(), "contract", &pack_toml, rego, GOOD_TESTS);
    let set = PolicySet::builtin().unwrap().with_dir(root.path()).unwrap();
    let only = ["org-no-unknown-cameras".to_owned()];
    let mut ctx = camera();
    ctx.site = Some(crate::SiteFacts {
        id: "s".into(),
        name: None,
        sensitivity: "sensitive".into(),
    });
    let messages = |findings: Vec<crate::FindingDraft>| {
        findings.into_iter().map(|f| f.message).collect::<Vec<_>>()
    };
    // Only the type rule fires, and the placeholder is stamped with the real id.
    assert_eq!(
        messages(set.evaluate(&ctx, &only).unwrap()),
        ["cam-9 on ip-camera"]
    );
    let mut other = ctx.clone();
    other.device.id = "cam-10".into();
    let batch = set
        .evaluate_batch_threads(&[ctx.clone(), other, ctx], &only, 1)
        .unwrap();
    let batch: Vec<_> = batch.into_iter().map(messages).collect();
    assert_eq!(
        batch,
        [
            ["cam-9 on ip-camera"],
            ["cam-10 on ip-camera"],
            ["cam-9 on ip-camera"]
        ]
    );
}

#[test]
fn a_bad_input_contract_is_refused_at_load() {
    for (contract, why) in [
        ("[input]\nreads = []", "reads is empty"),
        ("[input]\nreads = [\"devices.id\"]", "devices.id"),
        (
            "[input]\nreads = [\"now\"]\nstamps = [\"device.manufacturer\"]",
            "device.manufacturer",
        ),
        ("[input]\nreads = [\"now\"]\nskip = true", "skip"),
    ] {
        let (text, err) = load_err(&with_contract(contract), GOOD_REGO);
        assert!(matches!(err, PolicyError::Metadata { .. }), "{err:?}");
        assert!(text.contains(why) && text.contains("pack.toml"), "{text}");
    }
}
