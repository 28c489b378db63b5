//! The vulnerability pack: known-exploited vulnerabilities of surveillance equipment
//! (`vulns.toml`, curated and cited) and the CISA KEV catalogue entries they rest on
//! (`kev.json`, CISA's own schema, refreshed by `camsweep kb update --kev FILE`).
//!
//! Matching ([`VulnDb::matches`]) reads an identification's maker, model and firmware only; it
//! never sends anything to a device. Each match is `affected` (model in an affected family,
//! firmware in its range), `likely` (model in the family, firmware unknown, unparsed, or no
//! range published) or `not-affected` (firmware at or past the fix, or outside the stated
//! range). Firmware grammars are in [`firmware`]. The file format is in `docs/vulnerabilities.md`.

pub mod firmware;
mod kev;
#[cfg(test)]
mod tests;

use std::cmp::Ordering;
use std::ops::Range;

use camsweep_model::{Cvss, DeviceType, Identification, MatchStatus, Ssvc, VulnerabilityMatch};
use regex::Regex;
use serde::Deserialize;
use toml::Spanned;

use crate::KbError;
use firmware::{BuildDate, Firmware, Scheme};
pub use kev::{Catalogue, DueChange, KevDiff, KevEntry, KevSummary};

/// The schema version of `vulns.toml` this code reads.
pub const SCHEMA_VERSION: u32 = 1;

/// The vulnerability pack, validated.
#[derive(Debug)]
pub struct VulnDb {
    vulns: Vec<Vuln>,
    watch: Vec<Watch>,
    /// The KEV entries the pack uses (`kev.json`).
    pub kev: Catalogue,
}

/// One vulnerability of the pack (`[[vuln]]`).
#[derive(Debug)]
pub struct Vuln {
    pub cve: String,
    /// Maker keys (vendor ids or names, compacted: `dlink`, `hikvision`).
    makers: Vec<String>,
    pub note: String,
    pub cvss: Option<Cvss>,
    pub ssvc: Option<Ssvc>,
    pub sources: Vec<String>,
    pub affected: Vec<Affected>,
}

/// One affected model family with its firmware range (`[[vuln.affected]]`).
#[derive(Debug)]
pub struct Affected {
    /// The family as the source names it (`IPC-HX5XXX`, `DS-2CDxx2FWD`).
    pub family: String,
    models: Vec<ModelPattern>,
    device_types: Vec<DeviceType>,
    scheme: Option<Scheme>,
    all_versions: bool,
    introduced: Option<Firmware>,
    fixed: Vec<Firmware>,
    last_affected: Option<Firmware>,
    built_before: Option<BuildDate>,
    /// The range in words, as written in the file; `None`: no range.
    pub range: Option<String>,
    pub source: String,
}

#[derive(Debug)]
enum ModelPattern {
    Any,
    /// Compacted model name (`ds2cd2142fwdi`).
    Exact(String),
    Regex(Regex),
}

/// A KEV `vendorProject` (and optionally a `product` pattern) whose new entries `kb update`
/// reports as needing curation.
#[derive(Debug)]
struct Watch {
    vendor_project: String,
    product: Option<Regex>,
}

impl VulnDb {
    /// Parses `vulns.toml` (`file` names it in errors) and the catalogue excerpt `kev`.
    pub fn parse(text: &str, file: &str, kev: Catalogue) -> Result<Self, KbError> {
        let raw: RawFile = crate::error::parse_toml(text, file)?;
        let at = |span: Range<usize>, field: &str, message: String| {
            crate::error::entry_error(text, file, span, field, message)
        };
        crate::error::check_schema(text, file, &raw.schema_version, SCHEMA_VERSION)?;
        let mut watch = Vec::new();
        for w in raw.watch {
            let span = w.span();
            let w = w.into_inner();
            let product = match w.product {
                Some(p) => Some(
                    Regex::new(&format!("(?i){p}"))
                        .map_err(|e| at(span.clone(), "watch.product", e.to_string()))?,
                ),
                None => None,
            };
            watch.push(Watch {
                vendor_project: w.vendor_project,
                product,
            });
        }
        let mut vulns: Vec<Vuln> = Vec::new();
        for spanned in raw.vuln {
            let span = spanned.span();
            let v = spanned.into_inner();
            if !is_cve_id(&v.cve) {
                return Err(at(span, "vuln.cve", format!("{:?} is not a CVE id", v.cve)));
            }
            if vulns.iter().any(|o| o.cve == v.cve) {
                return Err(at(span, "vuln.cve", format!("{} is listed twice", v.cve)));
            }
            if v.makers.is_empty() || v.sources.is_empty() || v.affected.is_empty() {
                return Err(at(
                    span,
                    "vuln",
                    format!("{}: makers, sources and affected must not be empty", v.cve),
                ));
            }
            let cvss = v.cvss.map(|c| Cvss {
                version: c.version,
                score: c.score,
                vector: c.vector,
                source: c.source,
            });
            let ssvc = match v.ssvc {
                Some(s) => Some(
                    s.validate()
                        .map_err(|m| at(span.clone(), "vuln.ssvc", format!("{}: {m}", v.cve)))?,
                ),
                None => None,
            };
            let mut affected = Vec::with_capacity(v.affected.len());
            for a in v.affected {
                let a_span = a.span();
                let a = a.into_inner();
                affected.push(
                    a.validate()
                        .map_err(|(field, m)| at(a_span, field, format!("{}: {m}", v.cve)))?,
                );
            }
            vulns.push(Vuln {
                cve: v.cve,
                makers: v.makers.iter().map(|m| compact(m)).collect(),
                note: v.note,
                cvss,
                ssvc,
                sources: v.sources,
                affected,
            });
        }
        Ok(Self { vulns, watch, kev })
    }

    pub fn vulns(&self) -> &[Vuln] {
        &self.vulns
    }

    pub fn len(&self) -> usize {
        self.vulns.len()
    }

    pub fn is_empty(&self) -> bool {
        self.vulns.is_empty()
    }

    /// How many affected families, and how many of them carry a firmware range.
    pub fn family_counts(&self) -> (usize, usize) {
        let families = self.vulns.iter().flat_map(|v| &v.affected);
        let (total, ranged) = families.fold((0, 0), |(t, r), a| {
            (t + 1, r + usize::from(a.range.is_some()))
        });
        (total, ranged)
    }

    /// Every vulnerability of the pack whose maker and model family the identification is in,
    /// with how sure the match is. Sorted by CVE id.
    pub fn matches(&self, identification: &Identification) -> Vec<VulnerabilityMatch> {
        let keys: Vec<String> = [
            identification.manufacturer.as_deref(),
            identification.brand.as_deref(),
            identification.reported_manufacturer.as_deref(),
        ]
        .into_iter()
        .flatten()
        .map(compact)
        .filter(|k| !k.is_empty())
        .collect();
        if keys.is_empty() {
            return Vec::new();
        }
        let model = identification
            .model
            .as_deref()
            .map(str::trim)
            .filter(|m| !m.is_empty());
        let firmware = identification
            .firmware
            .as_deref()
            .map(str::trim)
            .filter(|f| !f.is_empty());
        let mut out: Vec<VulnerabilityMatch> = Vec::new();
        for vuln in &self.vulns {
            if !vuln.makers.iter().any(|m| keys.contains(m)) {
                continue;
            }
            let best = vuln
                .affected
                .iter()
                .filter(|a| a.covers(model, identification.device_type))
                .map(|a| (a, a.decide(firmware)))
                .min_by_key(|(_, (status, _))| *status);
            let Some((family, (status, reason))) = best else {
                continue;
            };
            let mut sources = vec![family.source.clone()];
            sources.extend(vuln.sources.iter().cloned());
            out.push(VulnerabilityMatch {
                cve: vuln.cve.clone(),
                status,
                family: family.family.clone(),
                range: family.range.clone(),
                reason,
                kev: self.kev.facts(&vuln.cve),
                cvss: vuln.cvss.clone(),
                ssvc: vuln.ssvc.clone(),
                sources,
            });
        }
        out.sort_by(|a, b| a.cve.cmp(&b.cve));
        out
    }

    /// Whether a KEV entry is one the pack curates or watches for.
    pub fn concerns(&self, entry: &KevEntry) -> bool {
        self.curates(&entry.cve_id) || self.watches(entry)
    }

    /// Whether the pack has a `[[vuln]]` for this CVE.
    pub fn curates(&self, cve: &str) -> bool {
        self.vulns.iter().any(|v| v.cve == cve)
    }

    fn watches(&self, entry: &KevEntry) -> bool {
        self.watch.iter().any(|w| {
            w.vendor_project.eq_ignore_ascii_case(&entry.vendor_project)
                && w.product
                    .as_ref()
                    .is_none_or(|p| p.is_match(&entry.product))
        })
    }
}

impl Affected {
    /// Whether a device of this model and type is in the family.
    fn covers(&self, model: Option<&str>, device_type: DeviceType) -> bool {
        if !self.device_types.is_empty() && !self.device_types.contains(&device_type) {
            return false;
        }
        self.models.iter().any(|p| match (p, model) {
            (ModelPattern::Any, _) => true,
            (ModelPattern::Exact(name), Some(model)) => compact(model) == *name,
            (ModelPattern::Regex(re), Some(model)) => re.is_match(model),
            (_, None) => false,
        })
    }

    fn has_range(&self) -> bool {
        self.introduced.is_some()
            || !self.fixed.is_empty()
            || self.last_affected.is_some()
            || self.built_before.is_some()
    }

    /// The status of a device of this family with this firmware, and why.
    fn decide(&self, firmware: Option<&str>) -> (MatchStatus, String) {
        if self.all_versions {
            return (
                MatchStatus::Affected,
                format!("every firmware version of {} is affected", self.family),
            );
        }
        let Some(text) = firmware else {
            return (MatchStatus::Likely, "firmware unknown".into());
        };
        if !self.has_range() {
            return (
                MatchStatus::Likely,
                format!(
                    "firmware {text:?} read, but no source gives an affected range for {}",
                    self.family
                ),
            );
        }
        let scheme = self.scheme.unwrap_or(Scheme::Dotted);
        let Some(version) = Firmware::parse(scheme, text) else {
            return (
                MatchStatus::Likely,
                format!(
                    "firmware {text:?} is not in the {} grammar",
                    scheme.as_str()
                ),
            );
        };
        let seen = version.describe();
        if let Some(first) = &self.introduced
            && version.compare(first) == Some(Ordering::Less)
        {
            return (
                MatchStatus::NotAffected,
                format!(
                    "firmware {seen} is before the first affected version {}",
                    first.describe()
                ),
            );
        }
        let lower_known = self
            .introduced
            .as_ref()
            .is_none_or(|first| version.compare(first).is_some());
        let upper = if let Some(fix) = self.fixed.iter().find(|f| f.line == version.line) {
            version.compare(fix).map(|o| {
                let inside = o == Ordering::Less;
                let word = if inside {
                    "before the fix"
                } else {
                    "at or past the fix"
                };
                (
                    inside,
                    format!("firmware {seen} is {word} {}", fix.describe()),
                )
            })
        } else if let Some(last) = &self.last_affected {
            version.compare(last).map(|o| {
                let inside = o != Ordering::Greater;
                let word = if inside { "at or before" } else { "past" };
                (
                    inside,
                    format!(
                        "firmware {seen} is {word} the last affected version {}",
                        last.describe()
                    ),
                )
            })
        } else {
            None
        };
        match upper {
            Some((true, why)) if lower_known => return (MatchStatus::Affected, why),
            Some((false, why)) => return (MatchStatus::NotAffected, why),
            _ => {}
        }
        if let (Some(before), Some(built)) = (self.built_before, version.build) {
            return if built < before {
                (
                    MatchStatus::Affected,
                    format!("firmware {seen}: built before {before}"),
                )
            } else {
                (
                    MatchStatus::NotAffected,
                    format!("firmware {seen}: built on or after {before}"),
                )
            };
        }
        (
            MatchStatus::Likely,
            format!(
                "firmware {seen} could not be placed against {} (another line, or no build date)",
                self.range.as_deref().unwrap_or("the range")
            ),
        )
    }
}

/// Lowercase letters and digits only: `D-Link` and `d-link` and `DLink` are one key.
fn compact(text: &str) -> String {
    text.chars()
        .filter(char::is_ascii_alphanumeric)
        .map(|c| c.to_ascii_lowercase())
        .collect()
}

fn is_cve_id(text: &str) -> bool {
    let mut parts = text.splitn(3, '-');
    parts.next() == Some("CVE")
        && parts
            .next()
            .is_some_and(|y| y.len() == 4 && y.bytes().all(|b| b.is_ascii_digit()))
        && parts
            .next()
            .is_some_and(|n| n.len() >= 4 && n.bytes().all(|b| b.is_ascii_digit()))
}

// ---- the file as written --------------------------------------------------------------------

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawFile {
    schema_version: Spanned<u32>,
    #[serde(default)]
    watch: Vec<Spanned<RawWatch>>,
    #[serde(default)]
    vuln: Vec<Spanned<RawVuln>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawWatch {
    vendor_project: String,
    #[serde(default)]
    product: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawVuln {
    cve: String,
    makers: Vec<String>,
    #[serde(default)]
    note: String,
    #[serde(default)]
    cvss: Option<RawCvss>,
    #[serde(default)]
    ssvc: Option<RawSsvc>,
    sources: Vec<String>,
    affected: Vec<Spanned<RawAffected>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawCvss {
    version: String,
    score: f64,
    vector: String,
    source: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawSsvc {
    exploitation: String,
    automatable: String,
    technical_impact: String,
    timestamp: String,
    source: String,
}

impl RawSsvc {
    fn validate(self) -> Result<Ssvc, String> {
        let check = |value: &str, allowed: &[&str], what: &str| {
            if allowed.contains(&value) {
                Ok(())
            } else {
                Err(format!(
                    "{what} {value:?} is not one of {}",
                    allowed.join(", ")
                ))
            }
        };
        check(
            &self.exploitation,
            &["none", "poc", "active"],
            "exploitation",
        )?;
        check(&self.automatable, &["yes", "no"], "automatable")?;
        check(
            &self.technical_impact,
            &["partial", "total"],
            "technical_impact",
        )?;
        Ok(Ssvc {
            exploitation: self.exploitation,
            automatable: self.automatable,
            technical_impact: self.technical_impact,
            timestamp: self.timestamp,
            source: self.source,
        })
    }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawAffected {
    family: String,
    models: Vec<String>,
    #[serde(default)]
    device_types: Vec<DeviceType>,
    #[serde(default)]
    scheme: Option<Scheme>,
    #[serde(default)]
    all_versions: bool,
    #[serde(default)]
    introduced: Option<String>,
    #[serde(default)]
    fixed: Vec<String>,
    #[serde(default)]
    last_affected: Option<String>,
    #[serde(default)]
    built_before: Option<String>,
    source: String,
}

impl RawAffected {
    fn validate(self) -> Result<Affected, (&'static str, String)> {
        let family = self.family;
        if self.models.is_empty() {
            return Err(("affected.models", format!("{family}: no model pattern")));
        }
        if self.source.trim().is_empty() {
            return Err(("affected.source", format!("{family}: no source")));
        }
        let models = self
            .models
            .iter()
            .map(|m| match m.strip_prefix("re:") {
                _ if m == "*" => Ok(ModelPattern::Any),
                Some(re) => Regex::new(&format!("(?i){re}"))
                    .map(ModelPattern::Regex)
                    .map_err(|e| ("affected.models", format!("{family}: {m:?}: {e}"))),
                None => Ok(ModelPattern::Exact(compact(m))),
            })
            .collect::<Result<Vec<_>, _>>()?;
        let bounded = self.introduced.is_some()
            || !self.fixed.is_empty()
            || self.last_affected.is_some()
            || self.built_before.is_some();
        if self.all_versions && bounded {
            return Err((
                "affected.all_versions",
                format!("{family}: all_versions with a range"),
            ));
        }
        let versioned =
            self.introduced.is_some() || !self.fixed.is_empty() || self.last_affected.is_some();
        if versioned && self.scheme.is_none() {
            return Err((
                "affected.scheme",
                format!("{family}: a version range needs a scheme"),
            ));
        }
        let scheme = self.scheme.unwrap_or(Scheme::Dotted);
        let version = |field: &'static str, text: &str| {
            Firmware::parse(scheme, text).ok_or_else(|| {
                (
                    field,
                    format!("{family}: {text:?} is not a {} version", scheme.as_str()),
                )
            })
        };
        let introduced = self
            .introduced
            .as_deref()
            .map(|t| version("affected.introduced", t))
            .transpose()?;
        let last_affected = self
            .last_affected
            .as_deref()
            .map(|t| version("affected.last_affected", t))
            .transpose()?;
        let fixed = self
            .fixed
            .iter()
            .map(|t| version("affected.fixed", t))
            .collect::<Result<Vec<_>, _>>()?;
        let built_before = self
            .built_before
            .as_deref()
            .map(|t| {
                BuildDate::parse_iso(t).ok_or_else(|| {
                    (
                        "affected.built_before",
                        format!("{family}: {t:?} is not YYYY-MM-DD"),
                    )
                })
            })
            .transpose()?;
        let mut words = Vec::new();
        if self.all_versions {
            words.push("every version".to_owned());
        }
        match (&self.introduced, &self.last_affected) {
            (Some(a), Some(b)) => words.push(format!("{a} to {b}")),
            (Some(a), None) => words.push(format!("from {a}")),
            (None, Some(b)) => words.push(format!("up to {b}")),
            (None, None) => {}
        }
        if !self.fixed.is_empty() {
            words.push(format!("before {}", self.fixed.join(" / ")));
        }
        if let Some(b) = &self.built_before {
            words.push(format!("built before {b}"));
        }
        Ok(Affected {
            family,
            models,
            device_types: self.device_types,
            scheme: self.scheme,
            all_versions: self.all_versions,
            introduced,
            fixed,
            last_affected,
            built_before,
            range: (!words.is_empty()).then(|| words.join("; ")),
            source: self.source,
        })
    }
}
