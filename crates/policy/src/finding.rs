//! What a pack says about a device, and what the gate says about a deployment.

use serde::{Deserialize, Serialize};

/// How serious a finding is: the one type of the workspace, from `model`.
pub use camsweep_model::Severity;

/// Where a rule is stated.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Citation {
    pub document: String,
    pub paragraph: String,
    pub url: String,
}

/// One pack rule's verdict on one device, ready to be stored as a finding.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct FindingDraft {
    pub pack: String,
    pub rule: String,
    pub title: String,
    pub severity: Severity,
    /// `cease-deployment`, `disconnect-from-core`, `remove-and-replace`, `consider-removal`,
    /// `verify-identity`, `determine-purpose`, `record-purpose`, ...
    pub action: String,
    pub citation: Citation,
    /// Why this device, in a sentence the pack wrote from the input.
    pub message: String,
    /// A date the regime sets or is reported to set (ISO date).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub due: Option<String>,
    /// What `due` rests on (e.g. "reported target, not a published deadline").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub due_basis: Option<String>,
    /// Whether this rule denies a new deployment at the gate.
    #[serde(default)]
    pub blocks_deployment: bool,
}

/// The gate's answer for a hypothetical new deployment.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct GateDecision {
    pub allowed: bool,
    /// Blocking findings first, then advisory ones.
    pub reasons: Vec<FindingDraft>,
}

/// What a pack's Rego emits for one finding; the rest comes from `pack.toml`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawFinding {
    pub rule: String,
    pub message: String,
    #[serde(default)]
    pub due: Option<String>,
    #[serde(default)]
    pub due_basis: Option<String>,
    /// What the finding is about, for a rule with `subjects = true` (letters, digits, `.`,
    /// `_`, `-`): the finding's rule id becomes `<rule>/<subject>`.
    #[serde(default)]
    pub subject: Option<String>,
}
