//! Each pack's own test cases (`tests.toml`): an input and the rule ids it must produce.
//!
//! ```toml
//! [base]                       # a DeviceContext every case starts from
//! now = "2026-01-15"
//! [vendors.hikvision]          # VendorFacts fixtures, referred to by name
//! ...
//! [[cases]]
//! name = "hikvision camera on a sensitive site"
//! vendor = "hikvision"          # sets input.device.vendor
//! expect = ["rule-a", "rule-b"] # exactly these rule ids (order free)
//! gate = false                  # optional: also run the gate and expect this answer
//! [cases.input]                 # merged over [base], key by key
//! site = { id = "s1", sensitivity = "sensitive" }
//! ```

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::pack::{Pack, TESTS_FILE, file_label};
use crate::{DeviceContext, Evaluator, PolicySet};

/// The outcome of one test case of one pack.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PackTestResult {
    pub pack: String,
    /// The case name (or `tests.toml` when the file itself is broken).
    pub case: String,
    pub passed: bool,
    pub expected: Vec<String>,
    pub actual: Vec<String>,
    /// Why it failed, naming the file.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub failure: Option<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct TestsFile {
    #[serde(default)]
    base: toml::Table,
    #[serde(default)]
    vendors: BTreeMap<String, toml::Value>,
    #[serde(default)]
    cases: Vec<Case>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Case {
    name: String,
    #[serde(default)]
    vendor: Option<String>,
    #[serde(default)]
    input: toml::Table,
    expect: Vec<String>,
    #[serde(default)]
    gate: Option<bool>,
}

pub(crate) fn run_all(set: &PolicySet) -> Vec<PackTestResult> {
    let mut results = Vec::new();
    for pack in set.all_packs() {
        run_pack(set, pack, &mut results);
    }
    results
}

fn run_pack(set: &PolicySet, pack: &Pack, results: &mut Vec<PackTestResult>) {
    let id = pack.meta.id.clone();
    let file = file_label(&pack.meta.origin, TESTS_FILE);
    let broken = |failure: String| PackTestResult {
        pack: id.clone(),
        case: TESTS_FILE.to_owned(),
        passed: false,
        expected: Vec::new(),
        actual: Vec::new(),
        failure: Some(format!("{file}: {failure}")),
    };
    let Some(text) = &pack.tests_toml else {
        results.push(broken(
            "missing: every pack carries its own test cases".into(),
        ));
        return;
    };
    let tests: TestsFile = match toml::from_str(text) {
        Ok(tests) => tests,
        Err(err) => {
            results.push(broken(err.to_string()));
            return;
        }
    };
    if tests.cases.is_empty() {
        results.push(broken("no [[cases]]".into()));
        return;
    }
    for case in &tests.cases {
        let mut expected = case.expect.clone();
        expected.sort();
        let mut result = PackTestResult {
            pack: id.clone(),
            case: case.name.clone(),
            passed: false,
            expected: expected.clone(),
            actual: Vec::new(),
            failure: None,
        };
        match run_case(set, pack, &tests, case) {
            Ok((actual, gate)) => {
                result.actual = actual;
                let mut why = Vec::new();
                if result.actual != expected {
                    why.push(format!(
                        "expected rules {:?}, got {:?}",
                        expected, result.actual
                    ));
                }
                if let (Some(want), Some(got)) = (case.gate, gate)
                    && want != got
                {
                    why.push(format!("expected gate allowed = {want}, got {got}"));
                }
                result.passed = why.is_empty();
                if !why.is_empty() {
                    result.failure = Some(format!("{file}: {}", why.join("; ")));
                }
            }
            Err(err) => result.failure = Some(format!("{file}: {err}")),
        }
        results.push(result);
    }
}

fn run_case(
    set: &PolicySet,
    pack: &Pack,
    tests: &TestsFile,
    case: &Case,
) -> Result<(Vec<String>, Option<bool>), String> {
    let mut input = serde_json::to_value(&tests.base).map_err(|e| e.to_string())?;
    let overlay = serde_json::to_value(&case.input).map_err(|e| e.to_string())?;
    merge(&mut input, overlay);
    if let Some(vendor) = &case.vendor {
        let facts = tests
            .vendors
            .get(vendor)
            .ok_or_else(|| format!("vendor fixture {vendor:?} is not defined in [vendors]"))?;
        let facts = serde_json::to_value(facts).map_err(|e| e.to_string())?;
        let device = input
            .as_object_mut()
            .ok_or("input is not a table")?
            .entry("device")
            .or_insert_with(|| serde_json::json!({}));
        device
            .as_object_mut()
            .ok_or("input.device is not a table")?
            .insert("vendor".into(), facts);
    }
    let ctx: DeviceContext =
        serde_json::from_value(input).map_err(|e| format!("input is not a DeviceContext: {e}"))?;
    let only = [pack.meta.id.clone()];
    let findings = set.evaluate(&ctx, &only).map_err(|e| e.to_string())?;
    // Every case also checks that the compiled (RVM) form says exactly what the reference
    // interpreter says.
    if pack.program.is_some() {
        let interpreted = set
            .evaluate_with(&ctx, &only, Evaluator::Interpreted)
            .map_err(|e| format!("interpreter: {e}"))?;
        if interpreted != findings {
            return Err(format!(
                "the compiled pack and the interpreter disagree: {findings:?} vs {interpreted:?}"
            ));
        }
    }
    let mut rules: Vec<String> = findings.into_iter().map(|f| f.rule).collect();
    rules.sort();
    rules.dedup();
    let gate = match case.gate {
        Some(_) => Some(set.check(&ctx, &only).map_err(|e| e.to_string())?.allowed),
        None => None,
    };
    Ok((rules, gate))
}

/// Merges `overlay` into `base`, table by table; anything else in `overlay` replaces.
fn merge(base: &mut serde_json::Value, overlay: serde_json::Value) {
    match (base, overlay) {
        (serde_json::Value::Object(base), serde_json::Value::Object(overlay)) => {
            for (key, value) in overlay {
                match base.get_mut(&key) {
                    Some(existing) => merge(existing, value),
                    None => {
                        base.insert(key, value);
                    }
                }
            }
        }
        (base, overlay) => *base = overlay,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn merge_goes_table_by_table() {
        let mut base = serde_json::json!({"a": {"b": 1, "c": 2}, "d": [1]});
        merge(&mut base, serde_json::json!({"a": {"c": 3}, "d": [2]}));
        assert_eq!(base, serde_json::json!({"a": {"b": 1, "c": 3}, "d": [2]}));
    }
}
