//! Policy packs in Rego (regorus): metadata, rules, citations, bounded evaluation and pack test
//! cases, the deployment gate, and remediation prioritisation ([`plan`]).
//!
//! A pack is a directory with `pack.toml` (id, title, jurisdiction, version, sources, effective
//! dates, and each rule's title, severity, action and citation), `policy.rego` (a `findings` set
//! of `{"rule", "message", "due"?, "due_basis"?}` objects computed from `input`, a
//! [`DeviceContext`]) and `tests.toml` (its own cases). Built-in packs are embedded; user packs
//! are loaded with [`PolicySet::with_dir`]. This crate is pure: it reads files only when asked to.

mod context;
mod contract;
#[cfg(test)]
mod equivalence_tests;
mod error;
mod finding;
mod input;
mod pack;
pub mod plan;
mod runner;
mod testcases;
#[cfg(test)]
mod user_pack_tests;

use std::collections::BTreeMap;
use std::path::Path;
use std::time::Duration;

pub use context::{DeviceContext, DeviceFacts, NetworkFacts, OrgFacts, SiteFacts};
pub use contract::{InputContract, STAMPABLE};
pub use error::PolicyError;
pub use finding::{Citation, FindingDraft, GateDecision, Severity};
pub use pack::{EffectiveDate, PackMeta, RuleMeta};
pub use plan::{PlanDraft, plan_item};
pub use runner::Evaluator;
pub use testcases::PackTestResult;

use finding::RawFinding;
use pack::{Pack, PackSource};
use runner::Worker;

/// The default bound on one pack's evaluation of one call (one device, or one batch chunk).
pub const DEFAULT_TIME_LIMIT: Duration = Duration::from_secs(2);

macro_rules! builtin_pack {
    ($id:literal) => {
        (
            $id,
            include_str!(concat!("../packs/", $id, "/pack.toml")),
            include_str!(concat!("../packs/", $id, "/policy.rego")),
            include_str!(concat!("../packs/", $id, "/tests.toml")),
        )
    };
}

/// The packs shipped in the binary: (directory, pack.toml, policy.rego, tests.toml).
const BUILTIN_PACKS: &[(&str, &str, &str, &str)] = &[
    builtin_pack!("uk-hcws386-2022"),
    builtin_pack!("us-ndaa-889"),
    builtin_pack!("us-fcc-covered-list"),
    builtin_pack!("au-2023"),
    builtin_pack!("cisa-kev"),
];

/// A set of compiled policy packs.
pub struct PolicySet {
    packs: Vec<Pack>,
    metas: Vec<PackMeta>,
    time_limit: Duration,
    evaluator: Evaluator,
}

impl std::fmt::Debug for PolicySet {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("PolicySet")
            .field(
                "packs",
                &self.metas.iter().map(|m| &m.id).collect::<Vec<_>>(),
            )
            .field("time_limit", &self.time_limit)
            .field("evaluator", &self.evaluator)
            .finish()
    }
}

impl PolicySet {
    /// The embedded packs, with the default time limit.
    pub fn builtin() -> Result<Self, PolicyError> {
        Self::builtin_with_time_limit(DEFAULT_TIME_LIMIT)
    }

    /// The embedded packs; each evaluation call of a pack is stopped after `time_limit`.
    pub fn builtin_with_time_limit(time_limit: Duration) -> Result<Self, PolicyError> {
        let mut set = PolicySet {
            packs: Vec::new(),
            metas: Vec::new(),
            time_limit,
            evaluator: Evaluator::default(),
        };
        for (dir, pack_toml, rego, tests_toml) in BUILTIN_PACKS {
            let source = PackSource {
                origin: format!("builtin:{dir}"),
                pack_toml: (*pack_toml).to_owned(),
                rego: (*rego).to_owned(),
                tests_toml: Some((*tests_toml).to_owned()),
            };
            set.insert(Pack::compile(dir, source, time_limit)?, false)?;
        }
        Ok(set)
    }

    /// Adds the user packs in `dir`: either `dir` is itself a pack (it holds `pack.toml`) or each
    /// sub-directory holding a `pack.toml` is one. A user pack with the id of a built-in pack
    /// replaces it (a newer copy); two user packs with one id are an error.
    pub fn with_dir(mut self, dir: &Path) -> Result<Self, PolicyError> {
        let io_err = |source| PolicyError::Io {
            pack: dir.display().to_string(),
            file: dir.to_path_buf(),
            source,
        };
        let mut pack_dirs = Vec::new();
        if dir.join(pack::PACK_FILE).is_file() {
            pack_dirs.push(dir.to_path_buf());
        } else {
            for entry in std::fs::read_dir(dir).map_err(io_err)? {
                let path = entry.map_err(io_err)?.path();
                if path.join(pack::PACK_FILE).is_file() {
                    pack_dirs.push(path);
                }
            }
            pack_dirs.sort();
        }
        if pack_dirs.is_empty() {
            return Err(PolicyError::Metadata {
                pack: dir.display().to_string(),
                file: dir.display().to_string(),
                message: format!("no {} here or in any sub-directory", pack::PACK_FILE),
            });
        }
        for pack_dir in pack_dirs {
            let pack = Pack::load_dir(&pack_dir, self.time_limit)?;
            self.insert(pack, true)?;
        }
        Ok(self)
    }

    fn insert(&mut self, pack: Pack, user: bool) -> Result<(), PolicyError> {
        if let Some(index) = self.packs.iter().position(|p| p.meta.id == pack.meta.id) {
            let existing = &self.packs[index].meta.origin;
            if !user || !existing.starts_with("builtin:") {
                return Err(PolicyError::DuplicatePack {
                    pack: pack.meta.id.clone(),
                    first: existing.clone(),
                    second: pack.meta.origin.clone(),
                });
            }
            self.metas[index] = pack.meta.clone();
            self.packs[index] = pack;
        } else {
            self.metas.push(pack.meta.clone());
            self.packs.push(pack);
        }
        Ok(())
    }

    /// Every pack's metadata: id, title, jurisdiction, version, sources, effective dates, and
    /// its rules with their citations.
    pub fn packs(&self) -> &[PackMeta] {
        &self.metas
    }

    /// Chooses the evaluator: [`Evaluator::Compiled`] (the default) or the reference
    /// interpreter for every pack.
    pub fn set_evaluator(&mut self, evaluator: Evaluator) {
        self.evaluator = evaluator;
    }

    /// How a pack is evaluated under the current choice, and why it is interpreted when it is
    /// (`None` for an unknown pack id).
    pub fn evaluator_of(&self, pack: &str) -> Option<(Evaluator, Option<&str>)> {
        let pack = self.packs.iter().find(|p| p.meta.id == pack)?;
        Some(match (self.evaluator, &pack.program) {
            (Evaluator::Compiled, Some(_)) => (Evaluator::Compiled, None),
            (Evaluator::Compiled, None) => {
                (Evaluator::Interpreted, pack.interpreted_because.as_deref())
            }
            (Evaluator::Interpreted, _) => (Evaluator::Interpreted, Some("interpreter chosen")),
        })
    }

    /// Which packs to run (indices into `packs`): those asked for; if none, the organisation's
    /// policies; if it names none, every pack.
    fn select(&self, input: &DeviceContext, packs: &[String]) -> Result<Vec<usize>, PolicyError> {
        let wanted: &[String] = if !packs.is_empty() {
            packs
        } else {
            match &input.organisation {
                Some(org) if !org.policies.is_empty() => &org.policies,
                _ => return Ok((0..self.packs.len()).collect()),
            }
        };
        wanted
            .iter()
            .map(|id| {
                self.packs
                    .iter()
                    .position(|p| &p.meta.id == id)
                    .ok_or_else(|| PolicyError::UnknownPack {
                        pack: id.clone(),
                        known: self
                            .metas
                            .iter()
                            .map(|m| m.id.as_str())
                            .collect::<Vec<_>>()
                            .join(", "),
                    })
            })
            .collect()
    }

    /// Evaluates the chosen packs (see `select`) on one device. Findings come sorted by
    /// severity, then pack, then rule.
    pub fn evaluate(
        &self,
        input: &DeviceContext,
        packs: &[String],
    ) -> Result<Vec<FindingDraft>, PolicyError> {
        self.evaluate_with(input, packs, self.evaluator)
    }

    pub(crate) fn evaluate_with(
        &self,
        input: &DeviceContext,
        packs: &[String],
        evaluator: Evaluator,
    ) -> Result<Vec<FindingDraft>, PolicyError> {
        let selected = self.select(input, packs)?;
        let normalised = input.normalised()?;
        let value = to_rego_value(&normalised);
        let mut findings = Vec::new();
        for index in selected {
            let pack = &self.packs[index];
            let mut worker = pack.lock(evaluator);
            evaluate_pack(
                pack,
                &mut worker,
                &normalised.device.id,
                &value,
                &mut findings,
                None,
            )?;
        }
        sort_findings(&mut findings);
        Ok(findings)
    }

    /// [`evaluate`](Self::evaluate) over many devices; one result per input, in order. Uses
    /// every core the machine offers ([`evaluate_batch_threads`](Self::evaluate_batch_threads)).
    pub fn evaluate_batch(
        &self,
        inputs: &[DeviceContext],
        packs: &[String],
    ) -> Result<Vec<Vec<FindingDraft>>, PolicyError> {
        let threads = std::thread::available_parallelism().map_or(1, |n| n.get());
        self.evaluate_batch_threads(inputs, packs, threads)
    }

    /// [`evaluate_batch`](Self::evaluate_batch) on at most `threads` threads (each with its own
    /// evaluators; 0 or 1 means this thread only). The result, and the error returned when
    /// several inputs fail (the first in input order), do not depend on `threads`.
    pub fn evaluate_batch_threads(
        &self,
        inputs: &[DeviceContext],
        packs: &[String],
        threads: usize,
    ) -> Result<Vec<Vec<FindingDraft>>, PolicyError> {
        // Below this many devices per thread, starting threads and evaluators costs more than
        // it saves.
        const MIN_PER_THREAD: usize = 256;
        let threads = threads.clamp(1, inputs.len().div_ceil(MIN_PER_THREAD).max(1));
        if threads == 1 {
            return self.evaluate_chunk(inputs, packs);
        }
        let chunk = inputs.len().div_ceil(threads);
        std::thread::scope(|scope| {
            let handles: Vec<_> = inputs
                .chunks(chunk)
                .map(|part| scope.spawn(move || self.evaluate_chunk(part, packs)))
                .collect();
            let mut out = Vec::with_capacity(inputs.len());
            for handle in handles {
                let part = handle
                    .join()
                    .unwrap_or_else(|panic| std::panic::resume_unwind(panic))?;
                out.extend(part);
            }
            Ok(out)
        })
    }

    /// Evaluates `inputs` in order on this thread, with evaluators of its own.
    fn evaluate_chunk(
        &self,
        inputs: &[DeviceContext],
        packs: &[String],
    ) -> Result<Vec<Vec<FindingDraft>>, PolicyError> {
        let mut workers: Vec<Option<Worker>> = self.packs.iter().map(|_| None).collect();
        let mut caches: Vec<FindingsCache> = self
            .packs
            .iter()
            .map(|_| FindingsCache::default())
            .collect();
        let mut out = Vec::with_capacity(inputs.len());
        for input in inputs {
            let selected = self.select(input, packs)?;
            let normalised = input.normalised()?;
            let value = to_rego_value(&normalised);
            let mut findings = Vec::new();
            for index in selected {
                let pack = &self.packs[index];
                let worker = match &mut workers[index] {
                    Some(worker) => worker,
                    slot => slot.insert(pack.worker(self.evaluator)?),
                };
                evaluate_pack(
                    pack,
                    worker,
                    &normalised.device.id,
                    &value,
                    &mut findings,
                    Some(&mut caches[index]),
                )?;
            }
            sort_findings(&mut findings);
            out.push(findings);
        }
        Ok(out)
    }

    /// The deployment gate: would deploying this device here, today, break a rule? The device is
    /// treated as deployed on `input.now`. Denied when any finding's rule blocks deployment.
    pub fn check(
        &self,
        input: &DeviceContext,
        packs: &[String],
    ) -> Result<GateDecision, PolicyError> {
        let mut hypothetical = input.clone();
        hypothetical.device.first_seen = Some(input.now.clone());
        let mut reasons = self.evaluate(&hypothetical, packs)?;
        // Stable sort: blocking reasons first, each group still in severity order.
        reasons.sort_by_key(|f| !f.blocks_deployment);
        let allowed = !reasons.iter().any(|f| f.blocks_deployment);
        Ok(GateDecision { allowed, reasons })
    }

    /// Runs every pack's own test cases.
    pub fn run_tests(&self) -> Vec<PackTestResult> {
        testcases::run_all(self)
    }

    pub(crate) fn all_packs(&self) -> &[Pack] {
        &self.packs
    }
}

use input::to_rego_value;

/// The serde route to the Rego input (serde_json, nulls dropped, converted): the reference
/// that [`input::to_rego_value`] is tested against.
#[cfg(test)]
fn to_rego_value_via_json(ctx: &DeviceContext) -> regorus::Value {
    regorus::Value::from(without_nulls(
        serde_json::to_value(ctx).expect("a DeviceContext serialises"),
    ))
}

/// Drops `null` members, so that an absent fact is *undefined* in Rego (as `not input.x`
/// expects) rather than a defined `null`.
#[cfg(test)]
fn without_nulls(value: serde_json::Value) -> serde_json::Value {
    match value {
        serde_json::Value::Object(map) => serde_json::Value::Object(
            map.into_iter()
                .filter(|(_, v)| !v.is_null())
                .map(|(k, v)| (k, without_nulls(v)))
                .collect(),
        ),
        serde_json::Value::Array(items) => {
            serde_json::Value::Array(items.into_iter().map(without_nulls).collect())
        }
        other => other,
    }
}

fn sort_findings(findings: &mut [FindingDraft]) {
    findings.sort_by(|a, b| {
        (a.severity, &a.pack, &a.rule, &a.message).cmp(&(b.severity, &b.pack, &b.rule, &b.message))
    });
}

/// A pack's raw `findings` by projected input, for packs with an input contract, in one
/// thread. Looking a projection up costs value comparisons (nested vendor facts), so a cache
/// that rarely hits is switched off: measured on 100k all-distinct devices, an always-on cache
/// made the three contract packs 3-4 times slower.
#[derive(Default)]
struct FindingsCache {
    entries: BTreeMap<regorus::Value, regorus::Value>,
    window_lookups: usize,
    window_hits: usize,
    off: bool,
}

impl FindingsCache {
    /// Bound on the entries: a batch of all-distinct projections must not grow memory without
    /// limit (an entry is a projected input and its findings, about 1-2 KB).
    const MAX_ENTRIES: usize = 8_192;
    /// Lookups per hit-rate check.
    const WINDOW: usize = 2_048;

    fn get(&mut self, key: &regorus::Value) -> Option<regorus::Value> {
        let hit = self.entries.get(key).cloned();
        self.window_lookups += 1;
        self.window_hits += usize::from(hit.is_some());
        if self.window_lookups == Self::WINDOW {
            // Under one hit in four the lookups cost more than they save.
            if self.window_hits * 4 < Self::WINDOW {
                self.off = true;
                self.entries.clear();
            }
            self.window_lookups = 0;
            self.window_hits = 0;
        }
        hit
    }

    fn insert(&mut self, key: regorus::Value, value: regorus::Value) {
        if self.off {
            return;
        }
        if self.entries.len() >= Self::MAX_ENTRIES {
            self.entries.clear();
        }
        self.entries.insert(key, value);
    }
}

/// Runs one pack on one input with `worker` (one of the pack's evaluators), appends its
/// findings and returns the raw `findings` value. A pack with an input contract sees only its
/// projection of `input`, and with a `cache` is evaluated once per distinct projection.
fn evaluate_pack(
    pack: &Pack,
    worker: &mut Worker,
    device: &str,
    input: &regorus::Value,
    out: &mut Vec<FindingDraft>,
    cache: Option<&mut FindingsCache>,
) -> Result<regorus::Value, PolicyError> {
    let seen = pack.project(input);
    let mut cache = cache.filter(|cache| pack.meta.input.is_some() && !cache.off);
    if let Some(value) = cache.as_mut().and_then(|cache| cache.get(&seen)) {
        collect_findings(pack, &value, input, out)?;
        return Ok(value);
    }
    let key = cache.is_some().then(|| seen.clone());
    let value = worker.eval(&pack.findings_rule, seen).map_err(|message| {
        if message.contains("TimeLimitExceeded") || message.contains("time limit") {
            PolicyError::Timeout {
                pack: pack.meta.id.clone(),
                file: pack.rego_file(),
                device: device.to_owned(),
                limit_ms: pack.time_limit.as_millis(),
            }
        } else {
            PolicyError::Eval {
                pack: pack.meta.id.clone(),
                file: pack.rego_file(),
                device: device.to_owned(),
                message,
            }
        }
    })?;
    collect_findings(pack, &value, input, out)?;
    if let (Some(cache), Some(key)) = (cache, key) {
        cache.insert(key, value.clone());
    }
    Ok(value)
}

/// Turns a pack's raw `findings` into drafts; `input` (the whole input) fills the stamped
/// placeholders of a pack with an input contract.
fn collect_findings(
    pack: &Pack,
    value: &regorus::Value,
    input: &regorus::Value,
    out: &mut Vec<FindingDraft>,
) -> Result<(), PolicyError> {
    let bad = |message: String| PolicyError::BadFinding {
        pack: pack.meta.id.clone(),
        file: pack.rego_file(),
        message,
    };
    let raws: Vec<RawFinding> = match value {
        regorus::Value::Undefined => return Ok(()),
        regorus::Value::Set(_) | regorus::Value::Array(_) => {
            let json = serde_json::to_value(value).map_err(|e| bad(e.to_string()))?;
            serde_json::from_value(json).map_err(|e| {
                bad(format!(
                    "an entry that is not {{rule, message, due?, due_basis?, subject?}}: {e}"
                ))
            })?
        }
        other => return Err(bad(format!("{other} instead of a set of findings"))),
    };
    for mut raw in raws {
        if let Some(contract) = &pack.meta.input {
            contract.stamp(&mut raw.message, input);
            for text in [raw.due.as_mut(), raw.due_basis.as_mut()]
                .into_iter()
                .flatten()
            {
                contract.stamp(text, input);
            }
        }
        let rule = pack.rule(&raw.rule).ok_or_else(|| {
            bad(format!(
                "rule id {:?}, which pack.toml does not define",
                raw.rule
            ))
        })?;
        let rule_id = match (&raw.subject, rule.subjects) {
            (None, false) => rule.id.clone(),
            (Some(subject), true) if is_subject(subject) => format!("{}/{subject}", rule.id),
            (Some(subject), true) => {
                return Err(bad(format!(
                    "rule {}: subject {subject:?} is not letters, digits, '.', '_' and '-'",
                    raw.rule
                )));
            }
            (Some(_), false) => {
                return Err(bad(format!(
                    "rule {}: a subject, but pack.toml does not give the rule `subjects = true`",
                    raw.rule
                )));
            }
            (None, true) => {
                return Err(bad(format!(
                    "rule {}: no subject, but pack.toml gives the rule `subjects = true`",
                    raw.rule
                )));
            }
        };
        if let Some(due) = &raw.due
            && context::iso_date(due).as_deref() != Some(due.as_str())
        {
            return Err(bad(format!(
                "rule {}: due {due:?} is not YYYY-MM-DD",
                raw.rule
            )));
        }
        out.push(FindingDraft {
            pack: pack.meta.id.clone(),
            rule: rule_id,
            title: rule.title.clone(),
            severity: rule.severity,
            action: rule.action.clone(),
            citation: rule.citation.clone(),
            message: raw.message,
            due: raw.due,
            due_basis: raw.due_basis,
            blocks_deployment: rule.blocks_deployment,
        });
    }
    Ok(())
}

/// A finding's subject: a CVE id or the like, safe in a rule id.
fn is_subject(text: &str) -> bool {
    !text.is_empty()
        && text.len() <= 64
        && text
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '_' | '-'))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_policy_set_can_be_shared_between_threads() {
        fn assert_send_sync<T: Send + Sync>() {}
        assert_send_sync::<PolicySet>();
    }

    #[test]
    fn every_builtin_pack_case_passes() {
        let set = PolicySet::builtin().expect("built-in packs compile");
        assert_eq!(set.packs().len(), BUILTIN_PACKS.len());
        let results = set.run_tests();
        let failures: Vec<_> = results.iter().filter(|r| !r.passed).collect();
        assert!(failures.is_empty(), "{failures:#?}");
        for meta in set.packs() {
            assert!(
                results.iter().any(|r| r.pack == meta.id),
                "{} has no test cases",
                meta.id
            );
        }
    }

    /// The cisa-kev pack's deadlines: KEV's due date, or BOD 26-04's top tier (3 days) for an
    /// internet-facing network from 2026-06-10; the rule id carries the CVE.
    #[test]
    fn cisa_kev_findings_carry_the_cve_and_their_deadline() {
        use camsweep_model::{KevFacts, MatchStatus, Ssvc, VulnerabilityMatch};
        let set = PolicySet::builtin().unwrap();
        let ctx = |now: &str, exposed: bool| DeviceContext {
            device: DeviceFacts {
                id: "cam".into(),
                device_type: "ip-camera".into(),
                vulnerabilities: vec![VulnerabilityMatch {
                    cve: "CVE-2021-33044".into(),
                    status: MatchStatus::Affected,
                    family: "IPC-HX5XXX".into(),
                    range: None,
                    reason: "built before 2021-06-01".into(),
                    kev: Some(KevFacts {
                        vendor_project: "Dahua".into(),
                        product: "IP Camera Firmware".into(),
                        name: "Dahua IP Camera Authentication Bypass Vulnerability".into(),
                        date_added: "2024-08-21".into(),
                        due_date: "2024-09-11".into(),
                        required_action: "Apply mitigations per vendor instructions.".into(),
                        known_ransomware_campaign_use: "Unknown".into(),
                        catalog_version: "2026.08.22".into(),
                    }),
                    cvss: None,
                    ssvc: Some(Ssvc {
                        exploitation: "active".into(),
                        automatable: "yes".into(),
                        technical_impact: "total".into(),
                        timestamp: "2024-09-05T14:59:48Z".into(),
                        source: "cvelistV5@15e82d5".into(),
                    }),
                    sources: vec!["nvd".into()],
                }],
                ..Default::default()
            },
            network: Some(NetworkFacts {
                id: "n".into(),
                zone: "isolated".into(),
                public_exposure: exposed,
            }),
            now: now.into(),
            ..Default::default()
        };
        let kev = |ctx: &DeviceContext| {
            let all = set.evaluate_batch(std::slice::from_ref(ctx), &[]).unwrap();
            all.into_iter()
                .flatten()
                .filter(|f| f.pack == "cisa-kev")
                .collect::<Vec<_>>()
        };
        let inside = kev(&ctx("2026-12-03", false));
        assert_eq!(inside.len(), 1);
        assert_eq!(inside[0].rule, "kev-affected/CVE-2021-33044");
        assert_eq!(inside[0].due.as_deref(), Some("2024-09-11"));
        assert!(
            inside[0].message.contains("CVE-2021-33044"),
            "{}",
            inside[0].message
        );
        let exposed = kev(&ctx("2026-12-30", true));
        assert_eq!(
            exposed[0].rule,
            "kev-affected-internet-facing/CVE-2021-33044"
        );
        assert_eq!(exposed[0].severity, Severity::Critical);
        assert_eq!(
            exposed[0].due.as_deref(),
            Some("2027-01-02"),
            "3 days, across a year end"
        );
        assert!(
            exposed[0]
                .due_basis
                .as_deref()
                .unwrap()
                .contains("BOD 26-04 top tier")
        );
        let before = kev(&ctx("2026-06-09", true));
        assert_eq!(before[0].due.as_deref(), Some("2024-09-11"));
        assert!(
            before[0]
                .due_basis
                .as_deref()
                .unwrap()
                .contains("not known")
        );
        let first_day = kev(&ctx("2026-06-10", true));
        assert_eq!(first_day[0].due.as_deref(), Some("2026-06-13"));
    }
}
