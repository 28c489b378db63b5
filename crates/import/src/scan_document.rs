//! The reader of scan documents (`camsweep scan --format json`): bounded, then checked field by
//! field before anything is stored. A document with any problem is refused whole, and every
//! problem is named with its line and field (`scan.json:41: devices[3].address: "not-an-ip" is
//! not an IP address`), so that a hand-edited or corrupted document cannot mark real devices
//! missing, carry dates from 2099 or confidences of 5.0 into the register.

use std::collections::HashMap;
use std::io::Read;
use std::net::IpAddr;

use camsweep_model::scope::parse_literal;
use camsweep_model::{Mac, ScanDocument, Timestamp};

use crate::json_locate::{Step, line_of};

/// Bounds on what one scan document may hold. The defaults are far above what a scan of a
/// /16 writes and far below what exhausts a machine.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DocumentLimits {
    /// The largest document read, in bytes.
    pub max_bytes: u64,
    /// The longest string value (an observation's value, a problem text), in bytes.
    pub max_value_bytes: usize,
    /// The most devices in one document.
    pub max_devices: usize,
    /// The most observations for one device.
    pub max_observations_per_device: usize,
    /// How far in the future a timestamp may be (clock skew between machines), in seconds.
    pub max_clock_skew_seconds: i64,
}

impl Default for DocumentLimits {
    fn default() -> Self {
        DocumentLimits {
            max_bytes: 1 << 30,
            max_value_bytes: crate::observations::DEFAULT_MAX_LINE,
            max_devices: 1 << 20,
            max_observations_per_device: 10_000,
            max_clock_skew_seconds: 86_400,
        }
    }
}

/// One problem in a document: where, which field, what is wrong.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FieldProblem {
    /// 1-based line, where the value could be found.
    pub line: Option<usize>,
    /// The field's path, e.g. `devices[3].address`.
    pub field: String,
    pub message: String,
}

/// How many problems are listed before the rest are counted.
pub const MAX_LISTED_PROBLEMS: usize = 20;

/// Why a scan document was refused. Nothing from it may be stored.
#[derive(Debug, thiserror::Error)]
pub enum DocumentError {
    #[error("reading {name}")]
    Read {
        name: String,
        #[source]
        source: std::io::Error,
    },
    #[error("{name} is larger than the {limit}-byte limit for a scan document")]
    TooLarge { name: String, limit: u64 },
    #[error("{name}:{line}:{column}: not a scan document: {message}")]
    Syntax {
        name: String,
        line: usize,
        column: usize,
        message: String,
    },
    #[error("{name} was refused; nothing was stored:\n  {}", list(name, problems))]
    Invalid {
        name: String,
        problems: Vec<FieldProblem>,
    },
}

fn list(name: &str, problems: &[FieldProblem]) -> String {
    let mut lines: Vec<String> = problems
        .iter()
        .take(MAX_LISTED_PROBLEMS)
        .map(|p| match p.line {
            Some(line) => format!("{name}:{line}: {}: {}", p.field, p.message),
            None => format!("{name}: {}: {}", p.field, p.message),
        })
        .collect();
    if problems.len() > MAX_LISTED_PROBLEMS {
        lines.push(format!(
            "... and {} more",
            problems.len() - MAX_LISTED_PROBLEMS
        ));
    }
    lines.join("\n  ")
}

/// Reads and checks a scan document from `reader` (named `name` in errors), at most
/// `limits.max_bytes` of it.
pub fn read_scan_document(
    reader: impl Read,
    name: &str,
    limits: &DocumentLimits,
) -> Result<ScanDocument, DocumentError> {
    let mut text = Vec::new();
    reader
        .take(limits.max_bytes.saturating_add(1))
        .read_to_end(&mut text)
        .map_err(|source| DocumentError::Read {
            name: name.to_owned(),
            source,
        })?;
    if text.len() as u64 > limits.max_bytes {
        return Err(DocumentError::TooLarge {
            name: name.to_owned(),
            limit: limits.max_bytes,
        });
    }
    parse_scan_document(&text, name, limits, Timestamp::now())
}

/// Parses and checks a scan document held in memory; `now` bounds its timestamps.
pub fn parse_scan_document(
    text: &[u8],
    name: &str,
    limits: &DocumentLimits,
    now: Timestamp,
) -> Result<ScanDocument, DocumentError> {
    let doc: ScanDocument = serde_json::from_slice(text).map_err(|e| DocumentError::Syntax {
        name: name.to_owned(),
        line: e.line(),
        column: e.column(),
        message: e.to_string(),
    })?;
    let mut problems = check(&doc, limits, now);
    if problems.is_empty() {
        return Ok(doc);
    }
    for p in problems.iter_mut().take(MAX_LISTED_PROBLEMS) {
        p.line = line_of(text, &p.path);
    }
    Err(DocumentError::Invalid {
        name: name.to_owned(),
        problems: problems
            .into_iter()
            .map(|p| FieldProblem {
                line: p.line,
                field: p.field,
                message: p.message,
            })
            .collect(),
    })
}

struct Found {
    path: Vec<Step>,
    field: String,
    line: Option<usize>,
    message: String,
}

struct Checker<'l> {
    limits: &'l DocumentLimits,
    now: Timestamp,
    found: Vec<Found>,
}

impl Checker<'_> {
    fn problem(&mut self, path: Vec<Step>, message: String) {
        let field = path_text(&path);
        self.found.push(Found {
            path,
            field,
            line: None,
            message,
        });
    }

    fn text(&mut self, path: Vec<Step>, value: &str) {
        if value.len() > self.limits.max_value_bytes {
            self.problem(
                path,
                format!(
                    "{} bytes, over the {}-byte limit for one value",
                    value.len(),
                    self.limits.max_value_bytes
                ),
            );
        }
    }

    fn timestamp(&mut self, path: Vec<Step>, value: &str) -> Option<Timestamp> {
        match Timestamp::parse(value) {
            Ok(t) => match t.implausible(self.now, self.limits.max_clock_skew_seconds) {
                Some(why) => {
                    self.problem(path, why);
                    None
                }
                None => Some(t),
            },
            Err(e) => {
                self.problem(path, e.to_string());
                None
            }
        }
    }

    fn address(&mut self, path: Vec<Step>, value: &str) -> Option<IpAddr> {
        match value.trim().parse::<IpAddr>() {
            Ok(a) => Some(a),
            Err(_) => {
                self.problem(path, format!("{:?} is not an IP address", clip(value)));
                None
            }
        }
    }

    fn unit_interval(&mut self, path: Vec<Step>, value: f64, what: &str) {
        if !(0.0..=1.0).contains(&value) {
            self.problem(path, format!("{what} {value} is outside 0 to 1"));
        }
    }

    fn port(&mut self, path: Vec<Step>, port: u16) {
        if port == 0 {
            self.problem(path, "port 0 is not a port".into());
        }
    }

    fn target(&mut self, path: Vec<Step>, target: &str) {
        match parse_literal(target) {
            Ok(Some(_)) => {}
            Ok(None) if is_host_name(target.trim()) => {}
            Ok(None) => self.problem(
                path,
                format!(
                    "{:?} is neither an address, a CIDR, a range nor a host name",
                    clip(target)
                ),
            ),
            Err(e) => self.problem(path, e.to_string()),
        }
    }
}

fn clip(s: &str) -> String {
    s.chars().take(60).collect()
}

/// RFC 1123 host names: labels of letters, digits and hyphens, at most 253 characters.
fn is_host_name(s: &str) -> bool {
    !s.is_empty()
        && s.len() <= 253
        && s.trim_end_matches('.').split('.').all(|label| {
            !label.is_empty()
                && label.len() <= 63
                && !label.starts_with('-')
                && !label.ends_with('-')
                && label
                    .bytes()
                    .all(|b| b.is_ascii_alphanumeric() || b == b'-')
        })
}

/// Scan ids are the scanner's UUIDs, or ids another tool wrote: short, printable, no spaces.
fn is_id(s: &str) -> bool {
    (1..=128).contains(&s.len())
        && s.bytes()
            .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.' | b':'))
}

fn path_text(path: &[Step]) -> String {
    let mut out = String::new();
    for step in path {
        match step {
            Step::Key(k) => {
                if !out.is_empty() {
                    out.push('.');
                }
                out.push_str(k);
            }
            Step::Index(i) => out.push_str(&format!("[{i}]")),
        }
    }
    out
}

/// Every problem in `doc`, in document order.
fn check(doc: &ScanDocument, limits: &DocumentLimits, now: Timestamp) -> Vec<Found> {
    use Step::{Index, Key};
    let mut c = Checker {
        limits,
        now,
        found: Vec::new(),
    };
    let scan = &doc.scan;
    let at = |k: &'static str| vec![Key("scan"), Key(k)];
    if !is_id(&scan.id) {
        c.problem(
            at("id"),
            format!(
                "{:?} is not a scan id (1 to 128 letters, digits, '-', '_', '.', ':')",
                clip(&scan.id)
            ),
        );
    }
    let started = c.timestamp(at("started_at"), &scan.started_at);
    if let Some(finished) = &scan.finished_at
        && let Some(finished) = c.timestamp(at("finished_at"), finished)
        && let Some(started) = started
        && finished < started
    {
        c.problem(
            at("finished_at"),
            format!("{finished} is before the scan started ({started})"),
        );
    }
    for (list, key) in [(&scan.targets, "targets"), (&scan.excluded, "excluded")] {
        for (i, target) in list.iter().enumerate() {
            c.target(vec![Key("scan"), Key(key), Index(i)], target);
        }
    }
    for (i, &port) in scan.ports.iter().enumerate() {
        c.port(vec![Key("scan"), Key("ports"), Index(i)], port);
    }
    c.text(at("kb_version"), &scan.kb_version);
    c.text(at("tool_version"), &scan.tool_version);
    for (i, e) in scan.errors.iter().enumerate() {
        c.text(vec![Key("scan"), Key("errors"), Index(i)], e);
    }
    if doc.devices.len() > limits.max_devices {
        c.problem(
            vec![Key("devices")],
            format!(
                "{} devices, over the limit of {} in one document",
                doc.devices.len(),
                limits.max_devices
            ),
        );
        return c.found;
    }
    let mut seen: HashMap<IpAddr, usize> = HashMap::with_capacity(doc.devices.len());
    for (d, device) in doc.devices.iter().enumerate() {
        let here = |rest: &[Step]| {
            let mut p = vec![Key("devices"), Index(d)];
            p.extend_from_slice(rest);
            p
        };
        if let Some(addr) = c.address(here(&[Key("address")]), &device.address)
            && let Some(first) = seen.insert(addr, d)
        {
            c.problem(
                here(&[Key("address")]),
                format!("{addr} is also devices[{first}]: one entry per address"),
            );
        }
        if let Some(mac) = &device.mac
            && let Err(e) = Mac::parse(mac)
        {
            c.problem(here(&[Key("mac")]), e.to_string());
        }
        for (i, &port) in device.open_ports.iter().enumerate() {
            c.port(here(&[Key("open_ports"), Index(i)]), port);
        }
        for (i, p) in device.problems.iter().enumerate() {
            c.text(here(&[Key("problems"), Index(i)]), p);
        }
        let id = &device.identification;
        c.unit_interval(
            here(&[Key("identification"), Key("confidence")]),
            id.confidence,
            "confidence",
        );
        for (e, evidence) in id.evidence.iter().enumerate() {
            c.unit_interval(
                here(&[
                    Key("identification"),
                    Key("evidence"),
                    Index(e),
                    Key("strength"),
                ]),
                evidence.strength,
                "strength",
            );
            c.text(
                here(&[
                    Key("identification"),
                    Key("evidence"),
                    Index(e),
                    Key("value"),
                ]),
                &evidence.value,
            );
        }
        if device.observations.len() > limits.max_observations_per_device {
            c.problem(
                here(&[Key("observations")]),
                format!(
                    "{} observations, over the limit of {} for one device",
                    device.observations.len(),
                    limits.max_observations_per_device
                ),
            );
            continue;
        }
        for (o, observation) in device.observations.iter().enumerate() {
            let path = |k: &'static str| here(&[Key("observations"), Index(o), Key(k)]);
            c.text(path("value"), &observation.value);
            if let Some(address) = &observation.address
                && let Some(addr) = c.address(path("address"), address)
                && device.address.trim().parse::<IpAddr>().ok() != Some(addr)
            {
                c.problem(
                    path("address"),
                    format!(
                        "{addr} is not the address of the device it is filed under ({})",
                        clip(&device.address)
                    ),
                );
            }
            if let Some(port) = observation.port {
                c.port(path("port"), port);
            }
            if let Some(at) = &observation.observed_at {
                c.timestamp(path("observed_at"), at);
            }
            if observation.kind == camsweep_model::ObservationKind::Mac
                && let Err(e) = Mac::parse(&observation.value)
            {
                c.problem(path("value"), e.to_string());
            }
        }
    }
    c.found
}

#[cfg(test)]
mod tests {
    use super::*;

    fn now() -> Timestamp {
        Timestamp::parse("2026-12-03T12:00:00Z").unwrap()
    }

    fn doc(device: &str) -> String {
        format!(
            r#"{{
  "scan": {{
    "id": "0193a0b0-0000-7000-8000-000000000001",
    "started_at": "2026-12-03T10:00:00Z",
    "finished_at": "2026-12-03T10:05:00Z",
    "targets": ["127.0.0.0/28", "cam.example"],
    "ports": [80, 554],
    "kb_version": "2026.12.03",
    "tool_version": "0.1.0",
    "hosts_scanned": 16
  }},
  "devices": [
    {device}
  ]
}}"#
        )
    }

    const GOOD_DEVICE: &str = r#"{"address": "127.0.0.1", "mac": "04-03-12-00-00-01", "open_ports": [80], "status": "up",
     "identification": {"device_type": "ip-camera", "confidence": 0.9, "evidence": [], "kb_version": "2026.12.03"},
     "observations": [{"kind": "http.server", "value": "App-webs/", "address": "127.0.0.1", "port": 80, "observed_at": "2026-12-03T10:01:00Z"}]}"#;

    #[test]
    fn a_good_document_passes() {
        let text = doc(GOOD_DEVICE);
        let d = parse_scan_document(
            text.as_bytes(),
            "scan.json",
            &DocumentLimits::default(),
            now(),
        )
        .unwrap();
        assert_eq!(d.devices.len(), 1);
    }

    #[test]
    fn every_bad_field_is_named_with_its_line_and_nothing_is_returned() {
        // The issue's reproduction: an address that is not one, dates like "yesterday" and
        // 2099, confidence 5.0, MAC zz:zz.
        let bad = r#"{"address": "not-an-ip", "mac": "zz:zz", "open_ports": [0], "status": "up",
     "identification": {"device_type": "ip-camera", "confidence": 5.0, "evidence": [], "kb_version": "x"},
     "observations": [
       {"kind": "mac", "value": "zz:zz"},
       {"kind": "http.server", "value": "x", "observed_at": "yesterday"},
       {"kind": "http.server", "value": "x", "observed_at": "2099-01-01T00:00:00Z"}
     ]},
    {"address": "127.0.0.1", "open_ports": [], "status": "up",
     "identification": {"device_type": "ip-camera", "confidence": 0.5, "evidence": [], "kb_version": "x"},
     "observations": []},
    {"address": "127.0.0.1", "open_ports": [], "status": "up",
     "identification": {"device_type": "ip-camera", "confidence": 0.5, "evidence": [], "kb_version": "x"},
     "observations": []}"#;
        let text = doc(bad).replace("\"cam.example\"", "\"10.0.0.9-3\"");
        let err = parse_scan_document(
            text.as_bytes(),
            "scan.json",
            &DocumentLimits::default(),
            now(),
        )
        .unwrap_err();
        let DocumentError::Invalid { problems, .. } = &err else {
            panic!("{err}")
        };
        let got: Vec<(Option<usize>, &str)> = problems
            .iter()
            .map(|p| (p.line, p.field.as_str()))
            .collect();
        assert_eq!(
            got,
            vec![
                (Some(6), "scan.targets[1]"),
                (Some(13), "devices[0].address"),
                (Some(13), "devices[0].mac"),
                (Some(13), "devices[0].open_ports[0]"),
                (Some(14), "devices[0].identification.confidence"),
                (Some(16), "devices[0].observations[0].value"),
                (Some(17), "devices[0].observations[1].observed_at"),
                (Some(18), "devices[0].observations[2].observed_at"),
                (Some(23), "devices[2].address"),
            ],
            "{err}"
        );
        let text = err.to_string();
        assert!(
            text.contains("scan.json:13: devices[0].address: \"not-an-ip\" is not an IP address"),
            "{text}"
        );
        assert!(text.contains("in the future"), "{text}");
        assert!(text.contains("also devices[1]"), "{text}");
    }

    #[test]
    fn limits_refuse_before_parsing_and_per_value() {
        let text = doc(GOOD_DEVICE);
        let tight = DocumentLimits {
            max_bytes: 100,
            ..DocumentLimits::default()
        };
        assert!(matches!(
            read_scan_document(text.as_bytes(), "s", &tight),
            Err(DocumentError::TooLarge { .. })
        ));
        let tight = DocumentLimits {
            max_value_bytes: 5,
            ..DocumentLimits::default()
        };
        let err = parse_scan_document(text.as_bytes(), "s", &tight, now()).unwrap_err();
        assert!(
            err.to_string().contains("devices[0].observations[0].value"),
            "{err}"
        );
    }

    #[test]
    fn syntax_errors_carry_line_and_column() {
        let err = parse_scan_document(
            b"{\n \"scan\": 1\n}",
            "s.json",
            &DocumentLimits::default(),
            now(),
        )
        .unwrap_err();
        assert!(
            matches!(err, DocumentError::Syntax { line: 2, .. }),
            "{err}"
        );
    }
}
