//! The engine proper: rule sets compiled per field, evidence gathering, decision.

use std::collections::{HashMap, HashSet};

use camsweep_kb::KnowledgeBase;
use camsweep_kb::oui::MacLookup;
use camsweep_kb::rules::Rule;
use camsweep_kb::vendors::{BrandKind, Confidence, Role};
use camsweep_model::{
    DeviceType, Evidence, Identification, Implication, Observation, ObservationKind, Stance, field,
};
use regex::{RegexSet, RegexSetBuilder};

use crate::combine::{MANUFACTURER_THRESHOLD, Strengths, discounted};
use crate::general::{self, Derived, General};

/// Strength of a MAC prefix registered to a known vendor: medium, enough on its own only just.
pub const MAC_REGISTRY_STRENGTH: f64 = 0.6;
/// A relabel brand claim ("LTS") says who probably made it, but never enough on its own.
const RELABEL_CLAIM_STRENGTH_HIGH: f64 = 0.45;
const RELABEL_CLAIM_STRENGTH_OTHER: f64 = 0.3;
/// What a device-reported model or firmware string counts for when no rule read it.
const SELF_DESCRIPTION_STRENGTH: f64 = 0.3;
/// Longest evidence value shown (characters are never split).
const EVIDENCE_VALUE_MAX: usize = 200;
/// Longest value handed to the rule sets: bounds matching time on hostile bodies.
const MATCH_INPUT_MAX: usize = 256 * 1024;

/// Why the engine could not be built from a knowledge base.
#[derive(Debug, thiserror::Error)]
pub enum EngineError {
    #[error("cannot compile the rules of field `{field}` into one set: {message}")]
    RuleSet { field: String, message: String },
}

/// The rules reading one field, compiled into one set.
#[derive(Debug)]
struct FieldRules {
    set: RegexSet,
    /// Index into the KB rule list for each pattern of `set`.
    rules: Vec<usize>,
}

/// Manufacturer/brand claims a device makes about itself, by field, and how much they count.
const CLAIM_FIELDS: &[(&str, f64)] = &[
    (field::DEVICE_MANUFACTURER, 0.9),
    ("onvif.scope.manufacturer", 0.85),
    ("onvif.scope.mfr", 0.85),
    (field::TLS_SUBJECT_O, 0.8),
    (field::TLS_ISSUER_O, 0.7),
    (field::ONVIF_SCOPE_NAME, 0.7),
    (field::DEVICE_VENDOR, 0.6),
];

/// Rule ids of claims the device makes about itself, of maker names mentioned in its strings,
/// and of a self-stated maker that the registry does not hold.
pub const CLAIM_RULE: &str = "device-claim";
pub const MENTION_RULE: &str = "maker-mention";
pub const UNREGISTERED_CLAIM_RULE: &str = "device-claim-unregistered";

/// Fields whose maker name is reported even when the registry does not know it: the device's
/// own manufacturer fields and its certificate's organisation.
const REPORTABLE_CLAIM_FIELDS: &[&str] = &[
    field::DEVICE_MANUFACTURER,
    "onvif.scope.manufacturer",
    "onvif.scope.mfr",
    field::DEVICE_VENDOR,
    field::TLS_SUBJECT_O,
];

/// Placeholder values seen in manufacturer fields and default certificates: they name nobody.
const PLACEHOLDER_MAKERS: &[&str] = &[
    "onvif",
    "ipcam",
    "ip cam",
    "ipcamera",
    "ip camera",
    "camera",
    "network camera",
    "netcam",
    "webcam",
    "generic",
    "default",
    "unknown",
    "none",
    "null",
    "n a",
    "na",
    "manufacturer",
    "vendor",
    "brand",
    "oem",
    "odm",
    "nvt",
    "ipc",
    "nvr",
    "dvr",
    "xvr",
    "h264",
    "h 264",
    "h265",
    "internet widgits pty ltd",
    "internet widgits pty",
    "default company ltd",
    "default company",
    "some organization",
    "someorganization",
    "organization",
    "my company",
    "mycompany",
    "your company",
    "company",
    "test",
    "private",
    "example",
    "localhost",
    "xxx",
    "linux",
    "embedded",
    "web server",
    "webserver",
    "device",
    "ip",
    "cctv",
    "security",
    "video",
    "manufacture",
    "factory",
    "china",
    "cn",
    "ltd",
    "co ltd",
    "inc",
    "tbd",
    "todo",
    "string",
];

/// Whether a self-stated maker name looks like a company rather than a placeholder.
fn plausible_maker_name(value: &str) -> bool {
    let key = camsweep_kb::vendors::normalise(value);
    let letters = key.chars().filter(|c| c.is_alphabetic()).count();
    (2..=60).contains(&key.chars().count())
        && letters >= 2
        && !PLACEHOLDER_MAKERS.contains(&key.as_str())
        // A version or address, not a name.
        && !value.trim().starts_with(|c: char| c.is_ascii_digit() && letters < 3)
}

/// The identification engine over one knowledge base.
#[derive(Debug)]
pub struct Engine<'kb> {
    kb: &'kb KnowledgeBase,
    by_field: HashMap<String, FieldRules>,
    /// Rules on the `raw` value, per observation kind (rules restricted to kinds, or to none).
    raw_by_kind: HashMap<ObservationKind, FieldRules>,
    /// Readings of every field: maker mentions, model grammars, URL path conventions.
    general: General,
}

/// One piece of evidence while the decision is being made.
struct Found {
    observation: usize,
    evidence: Evidence,
}

impl<'kb> Engine<'kb> {
    /// Precompiles the knowledge base's rules.
    pub fn new(kb: &'kb KnowledgeBase) -> Result<Self, EngineError> {
        Self::with_rules(kb, |_| true)
    }

    /// An engine that uses only the rules `keep` accepts (the leave-one-source-out score
    /// builds one per corpus source, without the rules written from that source).
    pub fn with_rules(
        kb: &'kb KnowledgeBase,
        keep: impl Fn(&Rule) -> bool,
    ) -> Result<Self, EngineError> {
        let rules = kb.rules.rules();
        let mut grouped: HashMap<&str, Vec<usize>> = HashMap::new();
        for (i, rule) in rules.iter().enumerate() {
            if !keep(rule) {
                continue;
            }
            if rule.field != field::RAW {
                grouped.entry(rule.field.as_str()).or_default().push(i);
            }
        }
        let mut by_field = HashMap::new();
        for (name, indices) in grouped {
            by_field.insert(name.to_owned(), compile(name, rules, indices)?);
        }
        let mut raw_by_kind = HashMap::new();
        for kind in ObservationKind::ALL {
            let indices: Vec<usize> = rules
                .iter()
                .enumerate()
                .filter(|(_, r)| r.field == field::RAW && r.applies_to_kind(kind) && keep(r))
                .map(|(i, _)| i)
                .collect();
            if !indices.is_empty() {
                raw_by_kind.insert(kind, compile(field::RAW, rules, indices)?);
            }
        }
        let general = General::new(kb, &keep);
        Ok(Self {
            kb,
            by_field,
            raw_by_kind,
            general,
        })
    }

    /// The knowledge base this engine reads.
    pub fn kb(&self) -> &'kb KnowledgeBase {
        self.kb
    }

    /// Identifies the one device these observations describe.
    pub fn identify(&self, observations: &[Observation]) -> Identification {
        let mut found: Vec<Found> = Vec::new();
        let mut seen: HashSet<(ObservationKind, &str, Option<&str>)> = HashSet::new();
        for (index, obs) in observations.iter().enumerate() {
            // The same answer seen twice (two ports, two scans) is one witness, not two.
            if !seen.insert((obs.kind, obs.value.as_str(), obs.path.as_deref())) {
                continue;
            }
            self.read_observation(index, obs, &mut found);
        }
        self.decide(found)
    }

    fn read_observation(&self, index: usize, obs: &Observation, found: &mut Vec<Found>) {
        match camsweep_parse::extract(obs) {
            Ok(fields) => {
                for f in &fields {
                    self.read_field(index, obs, &f.name, &f.value, found);
                }
            }
            Err(err) => found.push(Found {
                observation: index,
                evidence: Evidence {
                    kind: obs.kind,
                    field: field::RAW.to_owned(),
                    value: shorten(&obs.value),
                    path: obs.path.clone(),
                    rule: "parse-error".to_owned(),
                    implies: Implication::default(),
                    strength: 0.0,
                    stance: Stance::Context,
                    note: format!("not parsed, only its raw text was read: {err}"),
                },
            }),
        }
        // Rules on the raw value run whether or not the parser understood it.
        if let Some(rules) = self.raw_by_kind.get(&obs.kind) {
            self.run_rules(index, obs, field::RAW, &obs.value, rules, found);
        }
    }

    fn read_field(
        &self,
        index: usize,
        obs: &Observation,
        name: &str,
        value: &str,
        found: &mut Vec<Found>,
    ) {
        if let Some(rules) = self.by_field.get(name) {
            self.run_rules(index, obs, name, value, rules, found);
        }
        if name == field::MAC || name == field::DEVICE_MAC {
            self.read_mac(index, obs, name, value, found);
        }
        if let Some(&(_, strength)) = CLAIM_FIELDS.iter().find(|(f, _)| *f == name) {
            self.read_claim(index, obs, name, value, strength, CLAIM_RULE, found);
        }
        if !general::is_skipped_field(name) {
            self.read_general(index, obs, name, value, found);
        }
        if name == field::DEVICE_MODEL || name == field::DEVICE_FIRMWARE {
            let implies = if name == field::DEVICE_MODEL {
                Implication {
                    model: Some(value.to_owned()),
                    ..Implication::default()
                }
            } else {
                Implication {
                    firmware: Some(value.to_owned()),
                    ..Implication::default()
                }
            };
            found.push(Found {
                observation: index,
                evidence: evidence(
                    obs,
                    name,
                    value,
                    "device-claim",
                    implies,
                    SELF_DESCRIPTION_STRENGTH,
                    "what the device reports about itself".to_owned(),
                ),
            });
        }
    }

    fn run_rules(
        &self,
        index: usize,
        obs: &Observation,
        name: &str,
        value: &str,
        rules: &FieldRules,
        found: &mut Vec<Found>,
    ) {
        let haystack = truncate(value, MATCH_INPUT_MAX);
        let all = self.kb.rules.rules();
        for pattern in rules.set.matches(haystack).iter() {
            let rule = &all[rules.rules[pattern]];
            if !rule.applies_to_kind(obs.kind) {
                continue;
            }
            let implies = implication(rule, haystack);
            found.push(Found {
                observation: index,
                evidence: evidence(
                    obs,
                    name,
                    value,
                    &rule.id,
                    implies,
                    rule.strength,
                    rule.note.clone(),
                ),
            });
        }
    }

    fn read_mac(
        &self,
        index: usize,
        obs: &Observation,
        name: &str,
        value: &str,
        found: &mut Vec<Found>,
    ) {
        // Locally administered, multicast, unregistered and private blocks say nothing of the
        // maker, so they give no evidence at all.
        if let MacLookup::Registered {
            prefix,
            bits,
            organisation,
            vendor,
        } = self.kb.oui.lookup(value)
        {
            let Some(vendor) = vendor else {
                found.push(Found {
                    observation: index,
                    evidence: evidence(
                        obs,
                        name,
                        value,
                        "mac-registry",
                        Implication::default(),
                        0.0,
                        format!(
                            "IEEE {bits}-bit block {prefix} belongs to {organisation:?}, \
                             which is not a vendor of the registry"
                        ),
                    ),
                });
                return;
            };
            let (manufacturer, brand, strength) = match self.kb.vendors.get(&vendor) {
                // A brand owner's or relabeller's prefix names the label, not the maker.
                Some(v) if matches!(v.role, Role::BrandOwner | Role::Relabeller) => {
                    (None, Some(v.name.clone()), 0.0)
                }
                _ => (Some(vendor), None, MAC_REGISTRY_STRENGTH),
            };
            found.push(Found {
                observation: index,
                evidence: evidence(
                    obs,
                    name,
                    value,
                    "mac-registry",
                    Implication {
                        manufacturer,
                        brand,
                        ..Implication::default()
                    },
                    strength,
                    format!(
                        "IEEE {bits}-bit block {prefix} is assigned to {organisation:?}; \
                         OEM devices may carry the OEM's or a module maker's prefix"
                    ),
                ),
            });
        }
    }

    /// A maker or brand name, stated by the device (`rule` = [`CLAIM_RULE`]) or mentioned in
    /// one of its strings ([`MENTION_RULE`]), resolved through the registry.
    #[allow(clippy::too_many_arguments)]
    fn read_claim(
        &self,
        index: usize,
        obs: &Observation,
        name: &str,
        value: &str,
        strength: f64,
        rule: &str,
        found: &mut Vec<Found>,
    ) {
        let registry = &self.kb.vendors;
        let push = |found: &mut Vec<Found>, implies: Implication, strength: f64, note: String| {
            found.push(Found {
                observation: index,
                evidence: evidence(obs, name, value, rule, implies, strength, note),
            });
        };
        if let Some(vendor) = registry.resolve_name(value)
            && !matches!(vendor.role, Role::BrandOwner | Role::Relabeller)
        {
            push(
                found,
                Implication {
                    manufacturer: Some(vendor.id.clone()),
                    ..Implication::default()
                },
                strength,
                format!("the device names {} as its maker", vendor.name),
            );
            return;
        }
        let matches = registry.resolve_brand(value);
        let Some(first) = matches.first() else {
            if rule == CLAIM_RULE
                && registry.resolve_name(value).is_none()
                && REPORTABLE_CLAIM_FIELDS.contains(&name)
                && plausible_maker_name(value)
            {
                // Not in the registry: kept as the device's own statement, never dropped.
                found.push(Found {
                    observation: index,
                    evidence: evidence(
                        obs,
                        name,
                        value,
                        UNREGISTERED_CLAIM_RULE,
                        Implication::default(),
                        0.0,
                        format!(
                            "the device names {:?} as its maker; it is not in the registry",
                            value.trim()
                        ),
                    ),
                });
                return;
            }
            if let Some(vendor) = registry.resolve_name(value) {
                // A brand owner with no recorded producer: the label only.
                push(
                    found,
                    Implication {
                        brand: Some(vendor.name.clone()),
                        ..Implication::default()
                    },
                    0.0,
                    format!(
                        "{} sells equipment made by others; the label alone does not say who",
                        vendor.name
                    ),
                );
            }
            return;
        };
        let one_maker = matches.iter().all(|m| m.manufacturer == first.manufacturer);
        if first.kind == BrandKind::OwnBrand && one_maker {
            push(
                found,
                Implication {
                    manufacturer: Some(first.manufacturer.clone()),
                    brand: Some(first.brand.clone()),
                    ..Implication::default()
                },
                strength * 0.95,
                format!("{} is a brand of {}", first.brand, first.manufacturer),
            );
            return;
        }
        // A relabel: the label is certain, the producer only a hint that firmware evidence
        // must confirm.
        let (manufacturer, relabel_strength, note) = if one_maker {
            let s = if matches.iter().all(|m| m.confidence == Confidence::High) {
                RELABEL_CLAIM_STRENGTH_HIGH
            } else {
                RELABEL_CLAIM_STRENGTH_OTHER
            };
            let years = first
                .years
                .as_deref()
                .map(|y| format!(" ({y})"))
                .unwrap_or_default();
            (
                Some(first.manufacturer.clone()),
                s,
                format!(
                    "{} is a known relabel of {}{years}: {} [{}]",
                    first.brand, first.manufacturer, first.note, first.source
                ),
            )
        } else {
            (
                None,
                0.0,
                format!(
                    "{} has been relabelled from several makers; the label does not say which",
                    first.brand
                ),
            )
        };
        push(
            found,
            Implication {
                manufacturer,
                brand: Some(first.brand.clone()),
                ..Implication::default()
            },
            relabel_strength,
            note,
        );
    }

    /// Maker mentions, model grammars and URL path conventions in any field (see `general`).
    fn read_general(
        &self,
        index: usize,
        obs: &Observation,
        name: &str,
        value: &str,
        found: &mut Vec<Found>,
    ) {
        let identity = general::is_identity_field(name);
        let (texts, strength): (Vec<&str>, f64) = if name == field::HTTP_BODY {
            (
                self.general.copyright_notices(value).collect(),
                general::MENTION_COPYRIGHT_STRENGTH,
            )
        } else if identity {
            (vec![value], general::MENTION_IDENTITY_STRENGTH)
        } else {
            (vec![value], general::MENTION_OTHER_STRENGTH)
        };
        for text in texts {
            let mentions = self.general.mentions(text, false);
            let makers: HashSet<&str> = mentions
                .iter()
                .filter_map(|m| self.kb.vendors.resolve_name(&m.text).map(|v| v.id.as_str()))
                .collect();
            // Three or more makers in one string is a list of supported brands, not a
            // statement about this device.
            if makers.len() >= 3 {
                continue;
            }
            for m in &mentions {
                self.read_claim(index, obs, name, &m.text, strength, MENTION_RULE, found);
            }
        }
        if let Some(grammars) = self.general.grammars() {
            let factor = if identity {
                general::GRAMMAR_IDENTITY_FACTOR
            } else {
                general::GRAMMAR_OTHER_FACTOR
            };
            self.run_derived(index, obs, name, value, grammars, factor, true, found);
        }
        if name != field::ONVIF_STREAM_URI
            && let Some(paths) = self.general.url_paths()
        {
            for url in self.general.urls(value) {
                self.run_derived(
                    index,
                    obs,
                    name,
                    url,
                    paths,
                    general::URL_FACTOR,
                    false,
                    found,
                );
            }
        }
    }

    #[allow(clippy::too_many_arguments)]
    fn run_derived(
        &self,
        index: usize,
        obs: &Observation,
        name: &str,
        value: &str,
        derived: &Derived,
        factor: f64,
        model_grammar: bool,
        found: &mut Vec<Found>,
    ) {
        let haystack = truncate(value, MATCH_INPUT_MAX);
        let all = self.kb.rules.rules();
        for pattern in derived.set.matches(haystack).iter() {
            let rule = &all[derived.rules[pattern]];
            // Outside its own field a grammar must find a whole model number, not a short
            // look-alike in prose ("Accounting SND-2 report").
            if model_grammar
                && !derived.regexes[pattern]
                    .find(haystack)
                    .is_some_and(|m| general::looks_like_model_number(m.as_str()))
            {
                continue;
            }
            let implies = implication_with(rule, &derived.regexes[pattern], haystack);
            found.push(Found {
                observation: index,
                evidence: evidence(
                    obs,
                    name,
                    value,
                    &rule.id,
                    implies,
                    rule.strength * factor,
                    format!("{} (read in {name})", rule.note),
                ),
            });
        }
    }

    fn decide(&self, found: Vec<Found>) -> Identification {
        let mut candidates: HashMap<&str, Strengths> = HashMap::new();
        for f in &found {
            if let Some(m) = &f.evidence.implies.manufacturer
                && f.evidence.strength > 0.0
            {
                candidates
                    .entry(m.as_str())
                    .or_default()
                    .add(f.observation, f.evidence.strength);
            }
        }
        let mut ranked: Vec<(&str, f64)> =
            candidates.iter().map(|(m, s)| (*m, s.combined())).collect();
        // Ties are broken by id so that the answer never depends on hash order.
        ranked.sort_by(|a, b| b.1.total_cmp(&a.1).then_with(|| a.0.cmp(b.0)));
        let (manufacturer, confidence) = match ranked.as_slice() {
            [] => (None, 0.0),
            [(best, p), rest @ ..] => {
                let second = rest.first().map_or(0.0, |(_, p)| *p);
                let confidence = discounted(*p, second);
                if confidence >= MANUFACTURER_THRESHOLD {
                    (Some((*best).to_owned()), confidence)
                } else {
                    (None, 0.0)
                }
            }
        };

        let mut evidence: Vec<Evidence> = found.into_iter().map(|f| f.evidence).collect();
        for e in &mut evidence {
            e.stance = match (&e.implies.manufacturer, &manufacturer) {
                (Some(m), Some(chosen)) if e.strength > 0.0 => {
                    if m == chosen {
                        Stance::Supports
                    } else {
                        Stance::Contradicts
                    }
                }
                _ => Stance::Context,
            };
        }
        let agrees = |e: &&Evidence| e.stance != Stance::Contradicts;
        let best_text = |pick: fn(&Implication) -> Option<&String>| -> Option<String> {
            evidence
                .iter()
                .filter(agrees)
                .filter_map(|e| pick(&e.implies).map(|v| (v, e.strength)))
                .filter(|(v, _)| !v.trim().is_empty())
                .max_by(|a, b| a.1.total_cmp(&b.1))
                .map(|(v, _)| v.trim().to_owned())
        };
        let model = best_text(|i| i.model.as_ref());
        let firmware = best_text(|i| i.firmware.as_ref());
        let brand = self.brand(&evidence, manufacturer.as_deref());
        let device_type = device_type(&evidence);
        let vendor = manufacturer
            .as_deref()
            .and_then(|m| self.kb.vendors.facts(m));
        let reported_manufacturer = if manufacturer.is_none() {
            evidence
                .iter()
                .find(|e| e.rule == UNREGISTERED_CLAIM_RULE)
                .map(|e| e.value.clone())
        } else {
            None
        };
        Identification {
            manufacturer,
            reported_manufacturer,
            brand,
            model,
            firmware,
            device_type,
            confidence: round3(confidence),
            evidence,
            vendor,
            kb_version: self.kb.version.clone(),
        }
    }

    /// The label when it differs from the manufacturer (relabels, own sub-brands).
    fn brand(&self, evidence: &[Evidence], manufacturer: Option<&str>) -> Option<String> {
        evidence
            .iter()
            .filter(|e| e.stance != Stance::Contradicts)
            .filter_map(|e| e.implies.brand.as_ref().map(|b| (b, e.strength)))
            .filter(|(b, _)| {
                let b = b.trim();
                !b.is_empty()
                    && match (manufacturer, self.kb.vendors.resolve_name(b)) {
                        (Some(m), Some(v)) => v.id != m,
                        _ => true,
                    }
            })
            .max_by(|a, b| a.1.total_cmp(&b.1))
            .map(|(b, _)| b.trim().to_owned())
    }
}

/// The device type with the most agreeing weight; `other` only wins outright.
fn device_type(evidence: &[Evidence]) -> DeviceType {
    let mut votes: Vec<(DeviceType, f64)> = Vec::new();
    for e in evidence {
        if e.stance == Stance::Contradicts {
            continue;
        }
        if let Some(t) = e.implies.device_type {
            // Context evidence (no manufacturer) still tells the type; weight it by strength,
            // with a floor so that type-only rules (strength 0.3) are heard.
            let weight = e.strength.max(0.05);
            match votes.iter_mut().find(|(v, _)| *v == t) {
                Some((_, w)) => *w += weight,
                None => votes.push((t, weight)),
            }
        }
    }
    votes
        .into_iter()
        .max_by(|a, b| {
            a.1.total_cmp(&b.1)
                .then_with(|| (b.0 == DeviceType::Other).cmp(&(a.0 == DeviceType::Other)))
        })
        .map_or(DeviceType::Unknown, |(t, _)| t)
}

fn compile(name: &str, rules: &[Rule], indices: Vec<usize>) -> Result<FieldRules, EngineError> {
    let set = RegexSetBuilder::new(indices.iter().map(|&i| rules[i].pattern.to_regex()))
        .size_limit(64 << 20)
        .dfa_size_limit(64 << 20)
        .build()
        .map_err(|e| EngineError::RuleSet {
            field: name.to_owned(),
            message: e.to_string(),
        })?;
    Ok(FieldRules {
        set,
        rules: indices,
    })
}

fn implication(rule: &Rule, value: &str) -> Implication {
    implication_with(rule, &rule.regex, value)
}

/// The rule's implication, with capture templates filled from `regex` (the rule's own, or a
/// pattern derived from it that keeps its groups).
fn implication_with(rule: &Rule, regex: &regex::Regex, value: &str) -> Implication {
    let templated = [&rule.brand, &rule.model, &rule.firmware]
        .iter()
        .any(|t| t.as_deref().is_some_and(|t| t.contains('$')));
    let captures = if templated {
        regex.captures(value)
    } else {
        None
    };
    let fill = |template: &Option<String>| -> Option<String> {
        let template = template.as_deref()?;
        let text = match &captures {
            Some(caps) if template.contains('$') => {
                let mut out = String::new();
                caps.expand(template, &mut out);
                out
            }
            _ => template.to_owned(),
        };
        let text = text.trim();
        (!text.is_empty()).then(|| text.to_owned())
    };
    Implication {
        manufacturer: rule.manufacturer.clone(),
        brand: fill(&rule.brand),
        model: fill(&rule.model),
        firmware: fill(&rule.firmware),
        device_type: rule.device_type,
    }
}

fn evidence(
    obs: &Observation,
    name: &str,
    value: &str,
    rule: &str,
    implies: Implication,
    strength: f64,
    note: String,
) -> Evidence {
    Evidence {
        kind: obs.kind,
        field: name.to_owned(),
        value: shorten(value),
        path: obs.path.clone(),
        rule: rule.to_owned(),
        implies,
        strength,
        // Decided once the manufacturer is known.
        stance: Stance::Context,
        note,
    }
}

fn shorten(value: &str) -> String {
    let value = value.trim();
    match value.char_indices().nth(EVIDENCE_VALUE_MAX) {
        Some((end, _)) => format!("{}…", &value[..end]),
        None => value.to_owned(),
    }
}

fn truncate(s: &str, max: usize) -> &str {
    if s.len() <= max {
        return s;
    }
    let mut end = max;
    while !s.is_char_boundary(end) {
        end -= 1;
    }
    &s[..end]
}

fn round3(x: f64) -> f64 {
    (x * 1000.0).round() / 1000.0
}
