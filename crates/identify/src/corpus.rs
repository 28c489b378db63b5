//! Measuring the engine on a labelled corpus of real device responses
//! (`shared/corpus/dev_responses.jsonl` format: one JSON object a line with `protocol`,
//! `sample_context`, `sample`, `true_manufacturer`, ...).
//!
//! Each sample becomes ONE observation of the kind its `protocol` + `sample_context` name (a
//! Server header value is fed as `http.server`, an SDP body as `rtsp.sdp`, ...), and the engine's
//! manufacturer is compared with the label. A label of `Unknown` must come out unknown.

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
    #[error("line {line}: {message}")]
    Line { line: usize, message: String },
}

/// One sample's outcome.
#[derive(Debug, Clone)]
pub struct SampleResult {
    pub id: String,
    /// The label mapped to a registry vendor id (`None` = unknown, or a maker not in the
    /// registry: see `label_in_registry`).
    pub expected: Option<String>,
    /// Whether the label names a vendor of the registry (or is `Unknown`).
    pub label_in_registry: bool,
    pub label: String,
    pub identification: Identification,
    /// Whether the identified manufacturer is the label's vendor, or the vendor that took over
    /// the label's product line (`Registry::same_product_line`: i-PRO for a Panasonic WV-
    /// camera). Unknown is right only for an unknown label. Read it with [`Self::correct`].
    correct: bool,
}

impl SampleResult {
    pub fn correct(&self) -> bool {
        self.correct
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
    pub results: Vec<SampleResult>,
}

impl Report {
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

/// Runs every sample of `jsonl` through `engine`.
pub fn evaluate(engine: &Engine<'_>, jsonl: &str) -> Result<Report, CorpusError> {
    let registry = &engine.kb().vendors;
    let mut report = Report::default();
    for (n, line) in jsonl.lines().enumerate() {
        let line_no = n + 1;
        if line.trim().is_empty() {
            continue;
        }
        let bad = |message: String| CorpusError::Line {
            line: line_no,
            message,
        };
        let v: Value = serde_json::from_str(line).map_err(|e| bad(e.to_string()))?;
        let text = |key: &str| v.get(key).and_then(Value::as_str).unwrap_or("");
        let (protocol, context) = (text("protocol"), text("sample_context"));
        let kind = kind_of(protocol, context)
            .ok_or_else(|| bad(format!("no observation kind for protocol {protocol:?}")))?;
        let mut sample = text("sample").to_owned();
        if kind == ObservationKind::SshBanner && !sample.starts_with("SSH-") {
            // The corpus keeps only the software-version part; a scanner sees the whole line.
            sample = format!("SSH-2.0-{sample}");
        }
        let label = text("true_manufacturer").to_owned();
        let (expected, label_in_registry) = if label.eq_ignore_ascii_case("unknown") {
            (None, true)
        } else {
            match registry.resolve_name(&label) {
                Some(vendor) => (Some(vendor.id.clone()), true),
                None => (None, false),
            }
        };
        let identification = engine.identify(&[Observation::new(kind, sample)]);
        let correct = match (&identification.manufacturer, &expected) {
            (Some(got), Some(want)) => registry.same_product_line(got, want),
            (None, None) => true,
            _ => false,
        };
        let result = SampleResult {
            id: text("id").to_owned(),
            expected,
            label_in_registry,
            label,
            identification,
            correct,
        };
        report.samples += 1;
        if result.label_in_registry {
            report.expressible += 1;
        }
        if result.correct() && result.label_in_registry {
            report.correct += 1;
            report.correct_expressible += 1;
        }
        let is_covered = |m: &Option<String>| m.as_deref().is_some_and(|m| COVERED.contains(&m));
        let predicted_covered = is_covered(&result.identification.manufacturer);
        let truly_covered = is_covered(&result.expected);
        match (predicted_covered, truly_covered) {
            (true, true) if result.correct() => report.covered_true_positive += 1,
            (true, true) => {
                report.covered_false_positive += 1;
                report.covered_false_negative += 1;
            }
            (true, false) => report.covered_false_positive += 1,
            (false, true) => report.covered_false_negative += 1,
            (false, false) => {}
        }
        if result.expected.is_none() && result.label_in_registry {
            report.unknown_samples += 1;
            if result.identification.manufacturer.is_some() {
                report.unknown_attributed += 1;
            }
        }
        report.results.push(result);
    }
    Ok(report)
}
