//! A policy pack on disk: `pack.toml` (metadata, rules, citations), `policy.rego` (the rules),
//! `tests.toml` (its own cases), and its compiled engine.

use std::collections::BTreeSet;
use std::path::Path;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use regorus::rvm::program::{DeserializationResult, Program};
use serde::{Deserialize, Serialize};

use crate::PolicyError;
use crate::contract::InputContract;
use crate::finding::{Citation, Severity};
use crate::runner::{self, Evaluator, Worker};

pub(crate) const PACK_FILE: &str = "pack.toml";
pub(crate) const REGO_FILE: &str = "policy.rego";
pub(crate) const TESTS_FILE: &str = "tests.toml";

/// What a pack says about itself: shown by `camsweep policy list` and copied into findings.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PackMeta {
    pub id: String,
    pub title: String,
    pub jurisdiction: String,
    pub version: String,
    /// `full` when every rule rests on a read source, `partial` when the sources support only
    /// part of what the regime is said to require.
    #[serde(default = "full_support")]
    pub support: String,
    /// Why the support is partial, and what was not found.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub support_note: Option<String>,
    /// Where the regime is stated.
    pub sources: Vec<String>,
    /// Dated events of the regime (instruction given, part in force, list entry, ...).
    #[serde(default)]
    pub effective: Vec<EffectiveDate>,
    /// Values the Rego reads as `data.camsweep.parameters` (thresholds, named entities).
    #[serde(default, skip_serializing_if = "toml::Table::is_empty")]
    pub parameters: toml::Table,
    pub rules: Vec<RuleMeta>,
    /// What the pack reads of the input (`[input]`): with it, the pack sees only those paths
    /// and a batch evaluates it once per distinct projection (see `InputContract`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub input: Option<InputContract>,
    /// Where the pack came from: `builtin` or the directory it was loaded from.
    #[serde(default)]
    pub origin: String,
}

fn full_support() -> String {
    "full".to_owned()
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct EffectiveDate {
    /// ISO date.
    pub date: String,
    pub event: String,
    pub source: String,
}

/// One rule of a pack, with the citation every finding it produces carries.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RuleMeta {
    pub id: String,
    pub title: String,
    pub severity: Severity,
    /// What the holder should do: `cease-deployment`, `disconnect-from-core`,
    /// `remove-and-replace`, `consider-removal`, `verify-identity`, ...
    pub action: String,
    /// Whether a finding of this rule denies a new deployment at the gate (`camsweep check`).
    #[serde(default)]
    pub blocks_deployment: bool,
    /// Whether each finding of this rule names a subject (a CVE id, say): the finding's rule id
    /// is then `<id>/<subject>`, one finding (and plan item) per subject.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub subjects: bool,
    pub citation: Citation,
}

/// A pack's files, before compilation.
pub(crate) struct PackSource {
    pub origin: String,
    pub pack_toml: String,
    pub rego: String,
    pub tests_toml: Option<String>,
}

/// A loaded, compiled pack.
pub(crate) struct Pack {
    pub meta: PackMeta,
    /// `data.<package>.findings`.
    pub findings_rule: String,
    /// The prepared interpreter: the reference, and the evaluator when there is no program.
    pub interpreter: Mutex<Worker>,
    /// The pack's data document (`data.camsweep.parameters`).
    pub data: regorus::Value,
    /// RVM bytecode of `findings_rule`, when the pack compiles to it and the compiled form
    /// agrees with the interpreter on every load probe.
    pub program: Option<Arc<Program>>,
    /// `program` serialised, so that each batch thread gets a deep copy (see `worker`).
    pub program_bytes: Option<Vec<u8>>,
    /// A VM loaded with `program`, for single-device calls.
    pub vm: Option<Mutex<Worker>>,
    /// Why the pack is interpreted (the RVM compiler refused it, or disagreed on a probe).
    pub interpreted_because: Option<String>,
    pub tests_toml: Option<String>,
    pub time_limit: Duration,
}

impl Pack {
    pub(crate) fn load_dir(dir: &Path, time_limit: Duration) -> Result<Pack, PolicyError> {
        let name = dir
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_else(|| dir.display().to_string());
        let read = |file: &str, required: bool| -> Result<Option<String>, PolicyError> {
            let path = dir.join(file);
            match std::fs::read_to_string(&path) {
                Ok(text) => Ok(Some(text)),
                Err(err) if !required && err.kind() == std::io::ErrorKind::NotFound => Ok(None),
                Err(source) => Err(PolicyError::Io {
                    pack: name.clone(),
                    file: path,
                    source,
                }),
            }
        };
        let source = PackSource {
            origin: dir.display().to_string(),
            pack_toml: read(PACK_FILE, true)?.unwrap_or_default(),
            rego: read(REGO_FILE, true)?.unwrap_or_default(),
            tests_toml: read(TESTS_FILE, false)?,
        };
        Pack::compile(&name, source, time_limit)
    }

    /// Parses and checks the metadata, compiles the Rego and checks it defines `findings`.
    /// `name` is what errors call the pack before its id is known (the directory name).
    pub(crate) fn compile(
        name: &str,
        source: PackSource,
        time_limit: Duration,
    ) -> Result<Pack, PolicyError> {
        let meta_err = |message: String| PolicyError::Metadata {
            pack: name.to_owned(),
            file: file_label(&source.origin, PACK_FILE),
            message,
        };
        let mut meta: PackMeta =
            toml::from_str(&source.pack_toml).map_err(|e| meta_err(e.to_string()))?;
        meta.origin = source.origin.clone();
        validate_meta(&meta).map_err(meta_err)?;
        let pack = meta.id.clone();
        let rego_file = file_label(&source.origin, REGO_FILE);

        let mut engine = regorus::Engine::new();
        engine.set_execution_timer_config(runner::timer(time_limit));
        let package = engine
            .add_policy(rego_file.clone(), source.rego.clone())
            .map_err(|e| PolicyError::Rego {
                pack: pack.clone(),
                file: rego_file.clone(),
                message: format!("{e:#}"),
            })?;
        let parameters = serde_json::json!({ "camsweep": { "parameters": meta.parameters } });
        let data = regorus::Value::from(parameters);
        engine
            .add_data(data.clone())
            .map_err(|e| meta_err(format!("parameters: {e:#}")))?;
        let findings_rule = format!("{package}.findings");
        let declares_findings = engine
            .has_declared_rule_rooted_at(&rego_file, "findings")
            .unwrap_or(false);
        if !declares_findings {
            return Err(PolicyError::Rego {
                pack,
                file: rego_file,
                message: format!("{package} declares no rule `findings`"),
            });
        }
        let mut pack = Pack {
            meta,
            findings_rule,
            interpreter: Mutex::new(Worker::Interpreter(Box::new(engine))),
            data,
            program: None,
            program_bytes: None,
            vm: None,
            interpreted_because: None,
            tests_toml: source.tests_toml,
            time_limit,
        };
        // regorus checks rule bodies (undefined variables, ordering) when it first evaluates;
        // evaluate now so a broken pack fails at load, naming its file, not mid-scan.
        let probes: Vec<_> = load_probes().iter().map(crate::to_rego_value).collect();
        let mut expected = Vec::with_capacity(probes.len());
        for probe in &probes {
            let mut ignored = Vec::new();
            let mut interpreter = pack.lock(Evaluator::Interpreted);
            match crate::evaluate_pack(
                &pack,
                &mut interpreter,
                "load-check",
                probe,
                &mut ignored,
                None,
            ) {
                Ok(value) => expected.push(value),
                Err(PolicyError::Eval { message, .. }) => {
                    return Err(PolicyError::Rego {
                        pack: pack.meta.id.clone(),
                        file: pack.rego_file(),
                        message,
                    });
                }
                Err(other) => return Err(other),
            }
        }
        match pack.compile_to_rvm(&probes, &expected) {
            Ok((program, vm)) => {
                pack.program_bytes = program.serialize_binary().ok();
                pack.program = Some(program);
                pack.vm = Some(Mutex::new(Worker::Vm(Box::new(vm))));
            }
            Err(why) => pack.interpreted_because = Some(why),
        }
        Ok(pack)
    }

    /// Compiles the pack to RVM bytecode and checks the VM gives the interpreter's answers
    /// (`expected`) on the load probes.
    fn compile_to_rvm(
        &self,
        probes: &[regorus::Value],
        expected: &[regorus::Value],
    ) -> Result<(Arc<Program>, regorus::rvm::vm::RegoVM), String> {
        let program = {
            let mut interpreter = self.lock(Evaluator::Interpreted);
            let Worker::Interpreter(engine) = &mut *interpreter else {
                return Err("internal: the interpreter slot holds a VM".into());
            };
            runner::compile(engine, &self.findings_rule)
                .map_err(|e| format!("the RVM compiler refused it: {e}"))?
        };
        let mut vm = Worker::Vm(Box::new(runner::new_vm(
            &program,
            &self.data,
            self.time_limit,
        )?));
        for (probe, want) in probes.iter().zip(expected) {
            let got = vm
                .eval(&self.findings_rule, self.project(probe))
                .map_err(|e| format!("the RVM failed on a load probe: {e}"))?;
            if &got != want {
                return Err(format!(
                    "the RVM disagreed with the interpreter on a load probe: {got} vs {want}"
                ));
            }
        }
        match vm {
            Worker::Vm(vm) => Ok((program, *vm)),
            Worker::Interpreter(_) => unreachable!("built as a VM above"),
        }
    }

    /// The shared evaluator for single-device calls. A poisoned lock only means another thread
    /// panicked mid-evaluation; the compiled policy is unchanged and every call resets the
    /// evaluation state, so the evaluator is still sound.
    pub(crate) fn lock(&self, evaluator: Evaluator) -> std::sync::MutexGuard<'_, Worker> {
        let slot = match (evaluator, &self.vm) {
            (Evaluator::Compiled, Some(vm)) => vm,
            _ => &self.interpreter,
        };
        slot.lock().unwrap_or_else(|poisoned| poisoned.into_inner())
    }

    /// A fresh evaluator of this pack, for one worker thread. Its program and data are deep
    /// copies: regorus values share their contents through atomically counted pointers, and
    /// threads cloning the same literals on every call bounce those counters between cores
    /// (measured: two threads spent ~35% more CPU than one for the same devices).
    pub(crate) fn worker(&self, evaluator: Evaluator) -> Result<Worker, PolicyError> {
        if let (Evaluator::Compiled, Some(shared)) = (evaluator, &self.program) {
            let own = self
                .program_bytes
                .as_deref()
                .and_then(|bytes| Program::deserialize_binary(bytes).ok())
                .and_then(|copy| match copy {
                    DeserializationResult::Complete(program) => Some(Arc::new(program)),
                    DeserializationResult::Partial(_) => None,
                });
            let program = own.as_ref().unwrap_or(shared);
            let data = regorus::Value::from(self.data_json());
            let vm = runner::new_vm(program, &data, self.time_limit).map_err(|message| {
                PolicyError::Rego {
                    pack: self.meta.id.clone(),
                    file: self.rego_file(),
                    message,
                }
            })?;
            return Ok(Worker::Vm(Box::new(vm)));
        }
        match &*self.lock(Evaluator::Interpreted) {
            Worker::Interpreter(engine) => Ok(Worker::Interpreter(engine.clone())),
            Worker::Vm(_) => unreachable!("the interpreter slot always holds an interpreter"),
        }
    }

    /// What the pack sees of `input`: all of it, or the projection its contract declares.
    pub(crate) fn project(&self, input: &regorus::Value) -> regorus::Value {
        match &self.meta.input {
            Some(contract) => contract.project(input),
            None => input.clone(),
        }
    }

    /// The data document as JSON (built afresh, sharing nothing).
    fn data_json(&self) -> serde_json::Value {
        serde_json::json!({ "camsweep": { "parameters": self.meta.parameters } })
    }

    pub(crate) fn rego_file(&self) -> String {
        file_label(&self.meta.origin, REGO_FILE)
    }

    pub(crate) fn rule(&self, id: &str) -> Option<&RuleMeta> {
        self.meta.rules.iter().find(|r| r.id == id)
    }
}

/// Inputs every pack is evaluated on at load: the bare minimum (an unplaced, unidentified
/// device) and richer ones touching vendors, lists, parents, sites, zones and purposes, so that
/// the compiled form is compared with the interpreter on more than one path.
fn load_probes() -> Vec<crate::DeviceContext> {
    use camsweep_model::{ListMembership, PrcNil, VendorFacts};
    let bare = crate::DeviceContext {
        now: "2026-01-01".into(),
        device: crate::DeviceFacts {
            id: "load-check".into(),
            ..Default::default()
        },
        ..Default::default()
    };
    let listed = |list: &str, via: Option<&str>| ListMembership {
        list: list.into(),
        since: Some("2020-01-01".into()),
        via: via.map(Into::into),
        source: "load probe".into(),
    };
    let vendor = VendorFacts {
        id: "probe-vendor".into(),
        name: "Probe Vendor".into(),
        parent: Some("probe-parent".into()),
        hq_country: Some("CN".into()),
        subject_to_prc_nil: PrcNil::Yes,
        nil_reasoning: "load probe".into(),
        lists: vec![
            listed("ndaa-889", Some("probe-parent")),
            listed("fcc-covered", None),
            listed("au-2023-audit", None),
        ],
        sources: vec!["load probe".into()],
    };
    let mut rich = bare.clone();
    rich.device.manufacturer = Some("probe-vendor".into());
    rich.device.device_type = "ip-camera".into();
    rich.device.confidence = 0.9;
    rich.device.first_seen = Some("2024-01-01".into());
    rich.device.vendor = Some(vendor);
    rich.site = Some(crate::SiteFacts {
        id: "probe-site".into(),
        name: None,
        sensitivity: "sensitive".into(),
    });
    rich.network = Some(crate::NetworkFacts {
        id: "probe-net".into(),
        zone: "core".into(),
        public_exposure: true,
    });
    rich.purpose = Some("public-safety".into());
    rich.device.vulnerabilities = vec![camsweep_model::VulnerabilityMatch {
        cve: "CVE-2000-0001".into(),
        status: camsweep_model::MatchStatus::Affected,
        family: "probe family".into(),
        range: Some("before 1.0".into()),
        reason: "load probe".into(),
        kev: Some(camsweep_model::KevFacts {
            vendor_project: "Probe".into(),
            product: "Probe".into(),
            name: "Probe vulnerability".into(),
            date_added: "2020-01-01".into(),
            due_date: "2020-01-22".into(),
            required_action: "Apply updates per vendor instructions.".into(),
            known_ransomware_campaign_use: "Unknown".into(),
            catalog_version: "2020.01.01".into(),
        }),
        cvss: None,
        ssvc: Some(camsweep_model::Ssvc {
            exploitation: "active".into(),
            automatable: "yes".into(),
            technical_impact: "total".into(),
            timestamp: "2020-01-01T00:00:00Z".into(),
            source: "load probe".into(),
        }),
        sources: vec!["load probe".into()],
    }];
    let mut unsure = rich.clone();
    unsure.device.confidence = 0.1;
    unsure.device.device_type = "drone".into();
    unsure.site.as_mut().expect("set above").sensitivity = "non-sensitive".into();
    unsure.network.as_mut().expect("set above").zone = "isolated".into();
    unsure.purpose = None;
    if let Some(vendor) = unsure.device.vendor.as_mut() {
        vendor.subject_to_prc_nil = PrcNil::Unknown;
        vendor.parent = None;
    }
    vec![bare, rich, unsure]
}

pub(crate) fn file_label(origin: &str, file: &str) -> String {
    if origin.starts_with("builtin:") {
        format!("{origin}/{file}")
    } else {
        Path::new(origin).join(file).display().to_string()
    }
}

fn is_id(text: &str) -> bool {
    !text.is_empty()
        && text
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
}

fn validate_meta(meta: &PackMeta) -> Result<(), String> {
    if !is_id(&meta.id) {
        return Err(format!(
            "id {:?}: use lower-case letters, digits and '-'",
            meta.id
        ));
    }
    for (field, value) in [
        ("title", &meta.title),
        ("jurisdiction", &meta.jurisdiction),
        ("version", &meta.version),
    ] {
        if value.trim().is_empty() {
            return Err(format!("{field} is empty"));
        }
    }
    if meta.sources.is_empty() {
        return Err("sources is empty: every pack cites where its regime is stated".into());
    }
    if !matches!(meta.support.as_str(), "full" | "partial") {
        return Err(format!(
            "support {:?}: expected full or partial",
            meta.support
        ));
    }
    if meta.support == "partial" && meta.support_note.is_none() {
        return Err("support = \"partial\" needs a support_note saying what is missing".into());
    }
    for effective in &meta.effective {
        if crate::context::iso_date(&effective.date).as_deref() != Some(effective.date.as_str()) {
            return Err(format!(
                "effective date {:?} is not YYYY-MM-DD",
                effective.date
            ));
        }
    }
    if let Some(contract) = &meta.input {
        contract.validate()?;
    }
    if meta.rules.is_empty() {
        return Err("no [[rules]]".into());
    }
    let mut seen = BTreeSet::new();
    for rule in &meta.rules {
        let at = format!("rule {:?}", rule.id);
        if !is_id(&rule.id) {
            return Err(format!("{at}: id: use lower-case letters, digits and '-'"));
        }
        if !seen.insert(rule.id.as_str()) {
            return Err(format!("{at} is defined twice"));
        }
        if rule.title.trim().is_empty() {
            return Err(format!("{at}: title is empty"));
        }
        if !is_id(&rule.action) {
            return Err(format!(
                "{at}: action {:?} is not an action id",
                rule.action
            ));
        }
        let c = &rule.citation;
        for (field, value) in [
            ("document", &c.document),
            ("paragraph", &c.paragraph),
            ("url", &c.url),
        ] {
            if value.trim().is_empty() {
                return Err(format!(
                    "{at}: citation.{field} is missing: every rule cites its source"
                ));
            }
        }
    }
    Ok(())
}
