//! Fingerprint rules (`rules/*.toml`): what one canonical field's value implies about a device.
//!
//! A rules file holds `[[rule]]` tables. Each rule reads ONE canonical field (see
//! `camsweep_model::field`), optionally only when it was carried by certain observation kinds,
//! and matches it with exactly one of `regex`, `exact`, `prefix` or `contains` (the last three are
//! case-insensitive). When it matches, the rule implies a manufacturer (a vendor id of the
//! registry) and/or a brand, model, firmware and device type; `model`, `firmware` and `brand`
//! may name capture groups of `regex` (`$1`, `${name}`). Every rule carries a `strength` (how
//! specific the evidence is, 0..1), a `note` (why it holds) and a `source` (where the behaviour
//! is documented).
//!
//! ```toml
//! [[rule]]
//! id = "hikvision.http-server.webs"
//! field = "http.server"
//! regex = '^(?:App|DNVRS|DVRDVS|Hikvision)-Webs'
//! manufacturer = "hikvision"
//! strength = 0.9
//! note = "Hikvision's embedded web server names itself *-Webs."
//! source = "rapid7/recog xml/http_servers.xml"
//! ```
//!
//! Loading validates everything a maintainer of a KB override could get wrong: unknown keys,
//! unknown fields and kinds, bad regexes, unknown vendor ids, capture references to missing
//! groups, strengths outside 0..1, duplicate ids. Each error names the file, the rule id and its
//! line, and the offending key.

use camsweep_model::{DeviceType, ObservationKind, field};
use regex::Regex;
use serde::Deserialize;

use crate::vendors::Registry;
use crate::{KbError, line_of};

/// The rule files compiled into the binary, `(name, text)`, one file per family.
pub(crate) const EMBEDDED_RULE_FILES: &[(&str, &str)] = &[
    (
        "hikvision.toml",
        include_str!("../data/rules/hikvision.toml"),
    ),
    ("dahua.toml", include_str!("../data/rules/dahua.toml")),
    (
        "prc_others.toml",
        include_str!("../data/rules/prc_others.toml"),
    ),
    ("western.toml", include_str!("../data/rules/western.toml")),
    ("consumer.toml", include_str!("../data/rules/consumer.toml")),
    ("generic.toml", include_str!("../data/rules/generic.toml")),
    (
        "non_camera.toml",
        include_str!("../data/rules/non_camera.toml"),
    ),
];

/// Longest pattern accepted: keeps compiled automata (and a hostile KB override) bounded.
const MAX_PATTERN_LEN: usize = 2_000;
/// Compiled-size limit handed to the regex crate for one rule.
const REGEX_SIZE_LIMIT: usize = 1 << 20;

/// Fields a rule may read besides the `http.header.*` and `onvif.scope.*` families.
const KNOWN_FIELDS: &[&str] = &[
    field::RAW,
    field::DEVICE_MANUFACTURER,
    field::DEVICE_MODEL,
    field::DEVICE_FIRMWARE,
    field::DEVICE_SERIAL,
    field::DEVICE_HARDWARE,
    field::DEVICE_TYPE,
    field::DEVICE_NAME,
    field::DEVICE_MAC,
    field::DEVICE_BUILD,
    field::DEVICE_VENDOR,
    field::DEVICE_MANUFACTURER_URL,
    field::MAC,
    field::HTTP_STATUS,
    field::HTTP_SERVER,
    field::HTTP_TITLE,
    field::HTTP_WWW_AUTHENTICATE,
    field::HTTP_REALM,
    field::HTTP_BODY,
    field::HTTP_LOCATION,
    field::HTTP_SET_COOKIE,
    field::HTTP_PATH,
    field::TLS_SUBJECT,
    field::TLS_ISSUER,
    field::TLS_SUBJECT_CN,
    field::TLS_SUBJECT_O,
    field::TLS_SUBJECT_OU,
    field::TLS_ISSUER_CN,
    field::TLS_ISSUER_O,
    field::TLS_SAN,
    field::RTSP_STATUS,
    field::RTSP_SERVER,
    field::RTSP_REALM,
    field::RTSP_PUBLIC,
    field::SDP_SESSION,
    field::SDP_INFO,
    field::SDP_TOOL,
    field::SDP_CONTROL,
    field::SDP_ORIGIN,
    field::ONVIF_SCOPE,
    field::ONVIF_SCOPE_HARDWARE,
    field::ONVIF_SCOPE_NAME,
    field::ONVIF_SCOPE_TYPE,
    field::ONVIF_XADDR,
    field::ONVIF_OPERATION,
    field::ONVIF_STREAM_URI,
    field::WSD_TYPES,
    field::SSDP_SERVER,
    field::SSDP_LOCATION,
    field::SSDP_USN,
    field::SSDP_ST,
    field::UPNP_DEVICE_TYPE,
    field::UPNP_MODEL_DESCRIPTION,
    field::SSH_BANNER,
    field::TELNET_BANNER,
    field::FTP_BANNER,
    field::SNMP_SYS_DESCR,
    field::SNMP_SYS_OBJECT_ID,
    field::SNMP_ENTERPRISE,
    field::SNMP_ENGINE_ENTERPRISE,
    field::SNMP_ENGINE_FORMAT,
    field::SNMP_ENGINE_DATA,
    field::DHCP_VENDOR_CLASS,
    field::SIP_USER_AGENT,
    field::SADP_DEVICE_TYPE,
    field::DHIP_DEVICE_CLASS,
];

/// Whether `name` is a canonical field a rule may read.
pub fn is_known_field(name: &str) -> bool {
    KNOWN_FIELDS.contains(&name)
        || family_member(name, field::HTTP_HEADER_PREFIX)
        || family_member(name, field::ONVIF_SCOPE_PREFIX)
}

fn family_member(name: &str, prefix: &str) -> bool {
    name.strip_prefix(prefix).is_some_and(|rest| {
        !rest.is_empty()
            && rest
                .bytes()
                .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-' || b == b'_')
    })
}

/// How a rule compares the field value.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Pattern {
    /// A regular expression (Rust `regex` syntax), case-sensitive unless it says `(?i)`.
    Regex(String),
    /// The whole value, ignoring ASCII case and surrounding whitespace.
    Exact(String),
    /// The start of the value, ignoring ASCII case.
    Prefix(String),
    /// Anywhere in the value, ignoring ASCII case.
    Contains(String),
}

impl Pattern {
    /// The pattern as one regular expression, the form the engine compiles into its sets.
    pub fn to_regex(&self) -> String {
        match self {
            Self::Regex(r) => r.clone(),
            Self::Exact(s) => format!(r"(?i)^\s*{}\s*$", regex::escape(s.trim())),
            Self::Prefix(s) => format!(r"(?i)^\s*{}", regex::escape(s)),
            Self::Contains(s) => format!("(?i){}", regex::escape(s)),
        }
    }
}

/// One validated fingerprint rule.
#[derive(Debug, Clone)]
pub struct Rule {
    /// Unique across the rule set, e.g. `hikvision.http-server.webs`.
    pub id: String,
    /// The file it came from and the line of its `id`.
    pub file: String,
    pub line: usize,
    /// The canonical field it reads.
    pub field: String,
    /// Only fields carried by these observation kinds; empty = any kind.
    pub kinds: Vec<ObservationKind>,
    pub pattern: Pattern,
    /// The pattern compiled (used to expand capture groups).
    pub regex: Regex,
    /// Vendor id of the implied manufacturer.
    pub manufacturer: Option<String>,
    /// Brand label, may reference capture groups.
    pub brand: Option<String>,
    /// Model, may reference capture groups.
    pub model: Option<String>,
    /// Firmware, may reference capture groups.
    pub firmware: Option<String>,
    pub device_type: Option<DeviceType>,
    /// How specific the evidence is, 0..1.
    pub strength: f64,
    pub note: String,
    pub source: String,
    /// Development-corpus sources (ids of `crates/identify/testdata/corpus/SOURCES.md`) whose
    /// samples this rule was written from. The leave-one-source-out score never judges a
    /// source's samples with its own rules.
    pub written_from: Vec<String>,
}

impl Rule {
    /// Whether this rule applies to a field carried by `kind`.
    pub fn applies_to_kind(&self, kind: ObservationKind) -> bool {
        self.kinds.is_empty() || self.kinds.contains(&kind)
    }
}

/// All fingerprint rules of a knowledge base, validated, in file order.
#[derive(Debug, Default)]
pub struct RuleSet {
    rules: Vec<Rule>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawFile {
    #[serde(default)]
    rule: Vec<RawRule>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawRule {
    id: String,
    field: String,
    #[serde(default)]
    kinds: Vec<ObservationKind>,
    regex: Option<String>,
    exact: Option<String>,
    prefix: Option<String>,
    contains: Option<String>,
    manufacturer: Option<String>,
    brand: Option<String>,
    model: Option<String>,
    firmware: Option<String>,
    device_type: Option<DeviceType>,
    strength: f64,
    note: String,
    source: String,
    #[serde(default)]
    written_from: Vec<String>,
}

impl RuleSet {
    /// Parses and validates rule files `(name, text)` against the vendor registry.
    pub fn parse(files: &[(&str, &str)], vendors: &Registry) -> Result<Self, KbError> {
        let mut rules: Vec<Rule> = Vec::new();
        for (file, text) in files {
            let raw: RawFile = toml::from_str(text).map_err(|err| KbError::Syntax {
                file: (*file).to_owned(),
                line: err.span().map_or(0, |span| line_of(text, span.start)),
                message: err.message().trim().to_owned(),
            })?;
            for raw_rule in raw.rule {
                let line = line_of_rule(text, &raw_rule.id);
                let rule = validate(raw_rule, file, line, vendors)?;
                if let Some(first) = rules.iter().find(|r| r.id == rule.id) {
                    return Err(rule_error(
                        file,
                        line,
                        &rule.id,
                        "id",
                        &format!("duplicate rule id (first at {}:{})", first.file, first.line),
                    ));
                }
                rules.push(rule);
            }
        }
        Ok(Self { rules })
    }

    /// Every rule, in file order.
    pub fn rules(&self) -> &[Rule] {
        &self.rules
    }

    pub fn len(&self) -> usize {
        self.rules.len()
    }

    pub fn is_empty(&self) -> bool {
        self.rules.is_empty()
    }

    /// The rule with this id.
    pub fn get(&self, id: &str) -> Option<&Rule> {
        self.rules.iter().find(|r| r.id == id)
    }
}

fn validate(raw: RawRule, file: &str, line: usize, vendors: &Registry) -> Result<Rule, KbError> {
    let err = |key: &str, message: &str| rule_error(file, line, &raw.id, key, message);
    if raw.id.trim().is_empty() || raw.id.chars().any(char::is_whitespace) {
        return Err(err("id", "must be non-empty and contain no whitespace"));
    }
    if !is_known_field(&raw.field) {
        return Err(err(
            "field",
            &format!(
                "unknown canonical field {:?} (see camsweep_model::field)",
                raw.field
            ),
        ));
    }
    let patterns: Vec<Pattern> = [
        raw.regex.clone().map(Pattern::Regex),
        raw.exact.clone().map(Pattern::Exact),
        raw.prefix.clone().map(Pattern::Prefix),
        raw.contains.clone().map(Pattern::Contains),
    ]
    .into_iter()
    .flatten()
    .collect();
    let pattern = match <[Pattern; 1]>::try_from(patterns) {
        Ok([p]) => p,
        Err(_) => {
            return Err(err(
                "regex",
                "give exactly one of `regex`, `exact`, `prefix`, `contains`",
            ));
        }
    };
    let source_text = pattern.to_regex();
    if source_text.len() > MAX_PATTERN_LEN {
        return Err(err(
            "regex",
            &format!("pattern longer than {MAX_PATTERN_LEN} characters"),
        ));
    }
    if matches!(&pattern, Pattern::Exact(s) | Pattern::Prefix(s) | Pattern::Contains(s) if s.trim().is_empty())
    {
        return Err(err("exact/prefix/contains", "must not be empty"));
    }
    let regex = regex::RegexBuilder::new(&source_text)
        .size_limit(REGEX_SIZE_LIMIT)
        .build()
        .map_err(|e| err("regex", &format!("invalid regular expression: {e}")))?;
    if regex.is_match("") {
        return Err(err(
            "regex",
            "matches the empty string, so it would match every value",
        ));
    }
    for (key, template) in [
        ("brand", &raw.brand),
        ("model", &raw.model),
        ("firmware", &raw.firmware),
    ] {
        if let Some(template) = template {
            check_template(template, &regex).map_err(|m| err(key, &m))?;
        }
    }
    if let Some(id) = &raw.manufacturer
        && vendors.get(id).is_none()
    {
        return Err(err(
            "manufacturer",
            &format!("unknown vendor id {id:?} (not in vendors.toml)"),
        ));
    }
    if raw.manufacturer.is_none()
        && raw.brand.is_none()
        && raw.model.is_none()
        && raw.firmware.is_none()
        && raw.device_type.is_none()
    {
        return Err(err(
            "manufacturer",
            "the rule implies nothing: give manufacturer, brand, model, firmware or device_type",
        ));
    }
    if !(raw.strength > 0.0 && raw.strength <= 1.0) {
        return Err(err("strength", "must be in (0, 1]"));
    }
    if raw.note.trim().is_empty() {
        return Err(err("note", "must say why the rule holds"));
    }
    if raw.source.trim().is_empty() {
        return Err(err("source", "must cite where the behaviour is documented"));
    }
    Ok(Rule {
        id: raw.id,
        file: file.to_owned(),
        line,
        field: raw.field,
        kinds: raw.kinds,
        pattern,
        regex,
        manufacturer: raw.manufacturer,
        brand: raw.brand,
        model: raw.model,
        firmware: raw.firmware,
        device_type: raw.device_type,
        strength: raw.strength,
        note: raw.note,
        source: raw.source,
        written_from: raw.written_from,
    })
}

/// A capture template may only name groups the regex has.
fn check_template(template: &str, regex: &Regex) -> Result<(), String> {
    let mut rest = template;
    while let Some(pos) = rest.find('$') {
        rest = &rest[pos + 1..];
        if let Some(after) = rest.strip_prefix('$') {
            rest = after;
            continue;
        }
        let (name, tail) = if let Some(braced) = rest.strip_prefix('{') {
            let end = braced
                .find('}')
                .ok_or_else(|| format!("unclosed `${{` in {template:?}"))?;
            (&braced[..end], &braced[end + 1..])
        } else {
            let end = rest
                .find(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))
                .unwrap_or(rest.len());
            (&rest[..end], &rest[end..])
        };
        if name.is_empty() {
            return Err(format!("`$` without a group name in {template:?}"));
        }
        let exists = match name.parse::<usize>() {
            Ok(n) => n < regex.captures_len(),
            Err(_) => regex.capture_names().flatten().any(|n| n == name),
        };
        if !exists {
            return Err(format!(
                "{template:?} references group {name:?}, which the pattern does not have"
            ));
        }
        rest = tail;
    }
    Ok(())
}

fn rule_error(file: &str, line: usize, id: &str, key: &str, message: &str) -> KbError {
    KbError::Syntax {
        file: file.to_owned(),
        line,
        message: format!("rule {id:?}: field `{key}`: {message}"),
    }
}

/// The line of `id = "<id>"` in a rules file (0 when it cannot be found, e.g. odd quoting).
fn line_of_rule(text: &str, id: &str) -> usize {
    text.lines()
        .position(|l| {
            let l = l.trim_start();
            l.starts_with("id")
                && l[2..].trim_start().starts_with('=')
                && (l.contains(&format!("\"{id}\"")) || l.contains(&format!("'{id}'")))
        })
        .map_or(0, |i| i + 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn registry() -> Registry {
        crate::KnowledgeBase::embedded()
            .expect("embedded KB loads")
            .vendors
    }

    fn parse_one(text: &str) -> Result<RuleSet, KbError> {
        RuleSet::parse(&[("test.toml", text)], &registry())
    }

    const GOOD: &str = r#"
[[rule]]
id = "t.server"
field = "http.server"
regex = '^App-webs/(\S*)'
firmware = "$1"
manufacturer = "hikvision"
strength = 0.9
note = "n"
source = "s"
"#;

    #[test]
    fn embedded_rules_load_and_are_many() {
        let kb = crate::KnowledgeBase::embedded().unwrap();
        assert!(kb.rules.len() > 100, "{} rules", kb.rules.len());
    }

    #[test]
    fn a_good_rule_parses_with_its_line() {
        let set = parse_one(GOOD).unwrap();
        let rule = set.get("t.server").unwrap();
        assert_eq!(rule.line, 3);
        assert_eq!(rule.manufacturer.as_deref(), Some("hikvision"));
        assert!(rule.regex.is_match("App-webs/"));
    }

    #[test]
    fn unknown_key_is_reported_with_file_and_line() {
        let text = GOOD.replace("note = \"n\"", "note = \"n\"\nstrenght = 1");
        let err = parse_one(&text).unwrap_err().to_string();
        assert!(err.contains("test.toml:"), "{err}");
        assert!(err.contains("strenght"), "{err}");
    }

    #[test]
    fn bad_regex_names_rule_and_field() {
        let err = parse_one(&GOOD.replace("'^App-webs/(\\S*)'", "'^App-webs/(('"))
            .unwrap_err()
            .to_string();
        assert!(err.contains("t.server"), "{err}");
        assert!(err.contains("`regex`"), "{err}");
        assert!(err.contains("test.toml:3"), "{err}");
    }

    #[test]
    fn unknown_vendor_is_rejected() {
        let err = parse_one(&GOOD.replace("\"hikvision\"", "\"hikvisoin\""))
            .unwrap_err()
            .to_string();
        assert!(
            err.contains("hikvisoin") && err.contains("`manufacturer`"),
            "{err}"
        );
    }

    #[test]
    fn missing_capture_group_is_rejected() {
        let err = parse_one(&GOOD.replace("\"$1\"", "\"$2\""))
            .unwrap_err()
            .to_string();
        assert!(err.contains("`firmware`"), "{err}");
    }

    #[test]
    fn unknown_field_and_kind_are_rejected() {
        let err = parse_one(&GOOD.replace("\"http.server\"", "\"http.sever\""))
            .unwrap_err()
            .to_string();
        assert!(err.contains("http.sever"), "{err}");
        let err = parse_one(&GOOD.replace("field =", "kinds = [\"http.sever\"]\nfield ="))
            .unwrap_err()
            .to_string();
        assert!(err.contains("http.sever"), "{err}");
    }

    #[test]
    fn empty_matching_and_duplicate_rules_are_rejected() {
        let err = parse_one(&GOOD.replace("'^App-webs/(\\S*)'", "'(x)?'"))
            .unwrap_err()
            .to_string();
        assert!(err.contains("empty string"), "{err}");
        let twice = format!("{GOOD}\n{GOOD}");
        let err = parse_one(&twice).unwrap_err().to_string();
        assert!(err.contains("duplicate"), "{err}");
        let err = parse_one(&GOOD.replace("strength = 0.9", "strength = 1.5"))
            .unwrap_err()
            .to_string();
        assert!(err.contains("`strength`"), "{err}");
    }

    #[test]
    fn exact_prefix_contains_ignore_case() {
        assert!(
            Regex::new(&Pattern::Exact("Web Service".into()).to_regex())
                .unwrap()
                .is_match(" web service ")
        );
        assert!(
            Regex::new(&Pattern::Prefix("uc-httpd".into()).to_regex())
                .unwrap()
                .is_match("UC-HTTPD 1.0")
        );
        assert!(
            !Regex::new(&Pattern::Exact("a.b".into()).to_regex())
                .unwrap()
                .is_match("axb")
        );
    }

    #[test]
    fn field_families_are_known() {
        assert!(is_known_field("http.header.x-powered-by"));
        assert!(is_known_field("onvif.scope.location"));
        assert!(!is_known_field("http.header."));
        assert!(!is_known_field("http.header.X"));
    }
}
