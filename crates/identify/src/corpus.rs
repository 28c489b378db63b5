//! Measuring the engine on a labelled corpus of real device responses
//! (`shared/corpus/dev_responses.jsonl` format: one JSON object a line with `protocol`,
//! `sample_context`, `sample`, `true_manufacturer`, ...).
//!
//! Each sample becomes ONE observation of the kind its `protocol` + `sample_context` name (a
//! Server header value is fed as `http.server`, an SDP body as `rtsp.sdp`, ...), and the engine's
//! manufacturer is compared with the label. A label of `Unknown` must come out unknown.

use std::collections::{BTreeMap, HashMap};

use camsweep_kb::KnowledgeBase;
use camsweep_kb::rules::Rule;
use camsweep_model::{Identification, Observation, ObservationKind};
use serde_json::Value;

use crate::Engine;

/// Manufacturers the regimes cover (the precision/recall measure is about these).
pub const COVERED: &[&str] = &[
    "hikvision",
    "dahua",
    "uniview",
    "xiongmai",
    "tvt",
    "tiandy",
    "huawei",
    "zte",
    "hytera",
    "dji",
    "autel",
];

/// Why a corpus line could not be used.
#[derive(Debug, thiserror::Error)]
pub enum CorpusError {
    #[error("{file}:{line}: {message}")]
    Line {
        file: String,
        line: usize,
        message: String,
    },
    #[error(transparent)]
    Engine(#[from] crate::EngineError),
}

/// One labelled sample of a corpus file.
#[derive(Debug, Clone)]
pub struct Sample {
    pub id: String,
    pub file: String,
    pub line: usize,
    pub protocol: String,
    pub kind: ObservationKind,
    pub value: String,
    /// The request path where the context names one ("HTTP body of /axis-cgi/param.cgi"):
    /// the scanner knows which path it asked.
    pub path: Option<String>,
    pub label: String,
    pub brand_label: Option<String>,
    pub device_type: Option<String>,
    /// The independent source it came from (`source`, else `source_repo`).
    pub source: String,
    pub source_repo: String,
}

/// Reads every sample of one corpus file (`file` names it in errors).
pub fn parse_samples(jsonl: &str, file: &str) -> Result<Vec<Sample>, CorpusError> {
    let mut out = Vec::new();
    for (n, line) in jsonl.lines().enumerate() {
        let line_no = n + 1;
        if line.trim().is_empty() {
            continue;
        }
        let bad = |message: String| CorpusError::Line {
            file: file.to_owned(),
            line: line_no,
            message,
        };
        let v: Value = serde_json::from_str(line).map_err(|e| bad(e.to_string()))?;
        let text = |key: &str| v.get(key).and_then(Value::as_str).unwrap_or("");
        let opt = |key: &str| {
            v.get(key)
                .and_then(Value::as_str)
                .filter(|s| !s.trim().is_empty())
                .map(str::to_owned)
        };
        let (protocol, context) = (text("protocol"), text("sample_context"));
        let kind = kind_of(protocol, context).ok_or_else(|| {
            bad(format!(
                "protocol {protocol:?} with context {context:?} maps to no observation kind"
            ))
        })?;
        let mut value = text("sample").to_owned();
        if kind == ObservationKind::SshBanner && !value.starts_with("SSH-") {
            // The corpus keeps only the software-version part; a scanner sees the whole line.
            value = format!("SSH-2.0-{value}");
        }
        let source_repo = text("source_repo").to_owned();
        out.push(Sample {
            id: text("id").to_owned(),
            file: file.to_owned(),
            line: line_no,
            protocol: protocol.to_owned(),
            kind,
            path: path_in_context(context),
            value,
            label: text("true_manufacturer").to_owned(),
            brand_label: opt("brand_label"),
            device_type: opt("device_type"),
            source: opt("source").unwrap_or_else(|| source_repo.clone()),
            source_repo,
        });
    }
    Ok(out)
}

/// "HTTP body of /axis-cgi/param.cgi?action=list" -> the path.
fn path_in_context(context: &str) -> Option<String> {
    let (_, rest) = context.split_once(" of /")?;
    let path = rest.split_whitespace().next()?;
    Some(format!("/{path}"))
}

/// Device types of surveillance equipment (the corpus's `device_type` vocabulary).
pub const SURVEILLANCE_TYPES: &[&str] = &[
    "ip-camera",
    "camera",
    "nvr",
    "dvr",
    "intercom",
    "doorbell",
    "thermal-camera",
    "ptz",
    "encoder",
    "video-server",
    "access-control",
    "drone",
    "drone-dock",
    "vms",
];

/// Whether a sample is surveillance equipment: by its device type, else by the registry's
/// categories of the maker its label names.
pub fn is_surveillance(
    registry: &camsweep_kb::vendors::Registry,
    device_type: Option<&str>,
    label: &str,
) -> bool {
    match device_type {
        Some(t) => SURVEILLANCE_TYPES.contains(&t),
        None => registry
            .resolve_name(label)
            .is_some_and(|v| v.categories.iter().any(|c| c == "video-surveillance")),
    }
}

/// One sample's outcome.
#[derive(Debug, Clone)]
pub struct SampleResult {
    pub id: String,
    pub protocol: String,
    pub source: String,
    /// The label mapped to a registry vendor id (`None` = unknown, or a maker not in the
    /// registry: see `label_in_registry`).
    pub expected: Option<String>,
    /// Whether the label names a vendor of the registry (or is `Unknown`).
    pub label_in_registry: bool,
    /// Whether the sample is surveillance equipment (by its device type, else its maker).
    pub surveillance: bool,
    pub label: String,
    pub identification: Identification,
    /// Whether the identified manufacturer is the label's vendor, the vendor that took over
    /// the label's product line (`Registry::same_product_line`: i-PRO for a Panasonic WV-
    /// camera), or the recorded maker behind a relabel label (Dahua for a Lorex); for a label
    /// outside the registry, whether the device's own statement names it. Unknown is right
    /// only for an unknown label. Read it with [`Self::correct`].
    correct: bool,
}

impl SampleResult {
    pub fn correct(&self) -> bool {
        self.correct
    }

    /// The maker named: a registry vendor id, or the device's own unregistered statement.
    pub fn named(&self) -> Option<&str> {
        self.identification
            .manufacturer
            .as_deref()
            .or(self.identification.reported_manufacturer.as_deref())
    }
}

/// The measures over a whole corpus.
#[derive(Debug, Clone, Default)]
pub struct Report {
    pub samples: usize,
    /// Samples whose label the engine can express (registry vendor or unknown).
    pub expressible: usize,
    /// Manufacturer exactly right (unknown counts as right for `Unknown` labels).
    pub correct: usize,
    pub correct_expressible: usize,
    pub covered_true_positive: usize,
    pub covered_false_positive: usize,
    pub covered_false_negative: usize,
    /// Samples labelled unknown that the engine attributed to a maker.
    pub unknown_attributed: usize,
    pub unknown_samples: usize,
    /// Samples of surveillance equipment with a known maker, and how many came out right.
    pub surveillance_samples: usize,
    pub surveillance_correct: usize,
    pub results: Vec<SampleResult>,
}

impl Report {
    /// The measures of these results.
    pub fn tally(results: Vec<SampleResult>) -> Self {
        let mut report = Report::default();
        for result in &results {
            report.samples += 1;
            if result.label_in_registry {
                report.expressible += 1;
            }
            if result.correct() {
                report.correct += 1;
                if result.label_in_registry {
                    report.correct_expressible += 1;
                }
            }
            let is_covered =
                |m: &Option<String>| m.as_deref().is_some_and(|m| COVERED.contains(&m));
            let predicted_covered = is_covered(&result.identification.manufacturer);
            let truly_covered = is_covered(&result.expected);
            match (predicted_covered, truly_covered) {
                (true, true) if result.correct() => report.covered_true_positive += 1,
                (true, true) => {
                    report.covered_false_positive += 1;
                    report.covered_false_negative += 1;
                }
                (true, false) if result.correct() => {}
                (true, false) => report.covered_false_positive += 1,
                (false, true) => report.covered_false_negative += 1,
                (false, false) => {}
            }
            let unknown_label = result.label.eq_ignore_ascii_case("unknown");
            if unknown_label {
                report.unknown_samples += 1;
                if result.named().is_some() {
                    report.unknown_attributed += 1;
                }
            } else if result.surveillance {
                report.surveillance_samples += 1;
                if result.correct() {
                    report.surveillance_correct += 1;
                }
            }
        }
        report.results = results;
        report
    }

    /// The same measures for each value of `key` (protocol, source, label, ...).
    pub fn by(&self, key: impl Fn(&SampleResult) -> String) -> BTreeMap<String, Report> {
        let mut groups: BTreeMap<String, Vec<SampleResult>> = BTreeMap::new();
        for r in &self.results {
            groups.entry(key(r)).or_default().push(r.clone());
        }
        groups
            .into_iter()
            .map(|(k, v)| (k, Report::tally(v)))
            .collect()
    }

    /// Precision for "this device is made by a covered manufacturer".
    pub fn covered_precision(&self) -> f64 {
        ratio(
            self.covered_true_positive,
            self.covered_true_positive + self.covered_false_positive,
        )
    }

    /// Recall for "this device is made by a covered manufacturer".
    pub fn covered_recall(&self) -> f64 {
        ratio(
            self.covered_true_positive,
            self.covered_true_positive + self.covered_false_negative,
        )
    }

    /// Share of all samples whose manufacturer came out right.
    pub fn accuracy(&self) -> f64 {
        ratio(self.correct, self.samples)
    }

    /// Share of samples the registry can express whose manufacturer came out right.
    pub fn accuracy_expressible(&self) -> f64 {
        ratio(self.correct_expressible, self.expressible)
    }

    /// Share of surveillance samples with a known maker whose maker came out right.
    pub fn accuracy_surveillance(&self) -> f64 {
        ratio(self.surveillance_correct, self.surveillance_samples)
    }

    /// Share of samples labelled unknown that stayed unknown.
    pub fn abstention(&self) -> f64 {
        if self.unknown_samples == 0 {
            1.0
        } else {
            1.0 - self.unknown_attributed as f64 / self.unknown_samples as f64
        }
    }
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 { 1.0 } else { a as f64 / b as f64 }
}

/// The observation kind a corpus sample should be fed as, from its protocol and context.
pub fn kind_of(protocol: &str, context: &str) -> Option<ObservationKind> {
    use ObservationKind as K;
    let c = context.to_ascii_lowercase();
    Some(match protocol {
        "http" | "https" if c.contains("server header") => K::HttpServer,
        "http" | "https" if c.contains("title") => K::HttpTitle,
        "http" | "https" if c.contains("www-authenticate") => K::HttpWwwAuthenticate,
        "http" | "https" if c.contains("whole") || c.contains("response") => K::HttpResponse,
        "http" | "https" => K::HttpBody,
        "https-cert" | "tls" if c.contains("issuer") => K::TlsIssuer,
        "https-cert" | "tls" if c.contains("subject") => K::TlsSubject,
        "https-cert" | "tls" => K::TlsCert,
        "rtsp" if c.contains("server header") => K::RtspServer,
        "rtsp" if c.starts_with("sdp") => K::RtspSdp,
        "rtsp" => K::RtspResponse,
        "onvif" if c.contains("probe") => K::WsdProbeMatch,
        "onvif" => K::OnvifResponse,
        "ftp" => K::FtpBanner,
        "telnet" => K::TelnetBanner,
        "ssh" => K::SshBanner,
        "snmp" if c.contains("object") => K::SnmpSysObjectId,
        "snmp" => K::SnmpSysDescr,
        "dhcp" => K::DhcpVendorClass,
        "dvrip" => K::DvripReply,
        "mac-oui" | "mac" => K::Mac,
        "sadp" => K::SadpReply,
        "dhip" => K::DhipReply,
        "ssdp" | "upnp" => K::SsdpResponse,
        "sip" => K::SipUserAgent,
        _ => return None,
    })
}

/// Runs every sample of `jsonl` through `engine` (one file, one engine: the plain score).
pub fn evaluate(engine: &Engine<'_>, jsonl: &str) -> Result<Report, CorpusError> {
    let samples = parse_samples(jsonl, "corpus")?;
    Ok(score(engine.kb(), &samples, |_| engine))
}

/// Scores `samples`, each with the engine `engine_for` gives it.
pub fn score<'e, 'kb: 'e>(
    kb: &KnowledgeBase,
    samples: &[Sample],
    mut engine_for: impl FnMut(&Sample) -> &'e Engine<'kb>,
) -> Report {
    let registry = &kb.vendors;
    let results = samples
        .iter()
        .map(|sample| {
            let engine = engine_for(sample);
            let mut observation = Observation::new(sample.kind, sample.value.clone());
            observation.path = sample.path.clone();
            let identification = engine.identify(&[observation]);
            judge(registry, sample, identification)
        })
        .collect();
    Report::tally(results)
}

/// The leave-one-source-out score: each source's samples are judged by an engine without the
/// rules written from that source (its `written_from`, or a `source` citation naming the
/// source's repository).
pub fn leave_one_source_out(kb: &KnowledgeBase, samples: &[Sample]) -> Result<Report, CorpusError> {
    let mut engines: HashMap<&str, Engine<'_>> = HashMap::new();
    for sample in samples {
        if engines.contains_key(sample.source.as_str()) {
            continue;
        }
        let engine = Engine::with_rules(kb, |rule| {
            !written_from(rule, &sample.source, &sample.source_repo)
        })?;
        engines.insert(sample.source.as_str(), engine);
    }
    Ok(score(kb, samples, |s| &engines[s.source.as_str()]))
}

/// Whether `rule` was written from this corpus source.
pub fn written_from(rule: &Rule, source: &str, source_repo: &str) -> bool {
    rule.written_from.iter().any(|w| w == source)
        || (!source_repo.is_empty() && rule.source.contains(source_repo))
}

fn judge(
    registry: &camsweep_kb::vendors::Registry,
    sample: &Sample,
    identification: Identification,
) -> SampleResult {
    let label = sample.label.clone();
    let unknown = label.eq_ignore_ascii_case("unknown") || label.trim().is_empty();
    let (expected, label_in_registry) = if unknown {
        (None, true)
    } else {
        match registry.resolve_name(&label) {
            Some(vendor) => (Some(vendor.id.clone()), true),
            None => (None, false),
        }
    };
    let correct = match (&identification.manufacturer, &expected) {
        (Some(got), Some(want)) => {
            registry.same_product_line(got, want)
                // A relabel label (Lorex) whose recorded maker was identified (Dahua).
                || registry.resolve_brand(&label).iter().any(|b| &b.manufacturer == got)
        }
        (None, None) if unknown => identification.reported_manufacturer.is_none(),
        (None, None) => identification
            .reported_manufacturer
            .as_deref()
            .is_some_and(|r| same_name(r, &label)),
        (Some(got), None) if !unknown => registry
            .resolve_brand(&label)
            .iter()
            .any(|b| &b.manufacturer == got),
        _ => false,
    };
    let surveillance = is_surveillance(registry, sample.device_type.as_deref(), &label);
    SampleResult {
        id: sample.id.clone(),
        protocol: sample.protocol.clone(),
        source: sample.source.clone(),
        expected,
        label_in_registry,
        surveillance,
        label,
        identification,
        correct,
    }
}

/// Two maker names alike after normalising ("ACME Corp." and "Acme Corp").
fn same_name(a: &str, b: &str) -> bool {
    let (a, b) = (
        camsweep_kb::vendors::normalise(a),
        camsweep_kb::vendors::normalise(b),
    );
    !a.is_empty() && (a == b || a.starts_with(&b) || b.starts_with(&a))
}
