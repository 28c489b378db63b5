//! The CISA Known Exploited Vulnerabilities catalogue, in CISA's schema
//! (`known_exploited_vulnerabilities.json`: `title`, `catalogVersion`, `dateReleased`, `count`,
//! `vulnerabilities[]`), and what changed between two copies of it.

use std::collections::BTreeMap;

use camsweep_model::KevFacts;
use serde::{Deserialize, Serialize};

use super::VulnDb;
use crate::{KbError, line_of};

/// A KEV catalogue (the whole of CISA's file, or the pack's excerpt of it).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Catalogue {
    pub title: String,
    pub catalog_version: String,
    pub date_released: String,
    pub count: usize,
    pub vulnerabilities: Vec<KevEntry>,
}

/// One catalogue entry, every field CISA's schema has.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct KevEntry {
    #[serde(rename = "cveID")]
    pub cve_id: String,
    pub vendor_project: String,
    pub product: String,
    pub vulnerability_name: String,
    pub date_added: String,
    pub short_description: String,
    pub required_action: String,
    pub due_date: String,
    pub known_ransomware_campaign_use: String,
    #[serde(default)]
    pub notes: String,
    #[serde(default)]
    pub cwes: Vec<String>,
}

impl Catalogue {
    /// Parses a catalogue; errors name `file`, the line and the field (`dueDate` of
    /// `CVE-2021-36260`, say).
    pub fn parse(text: &str, file: &str) -> Result<Self, KbError> {
        let catalogue: Catalogue = serde_json::from_str(text).map_err(|e| KbError::Syntax {
            file: file.to_owned(),
            line: e.line(),
            message: format!(
                "not a KEV catalogue (CISA's known_exploited_vulnerabilities.json schema): {e}"
            ),
        })?;
        let bad = |cve: &str, field: &str, message: String| KbError::Entry {
            file: file.to_owned(),
            line: text
                .find(&format!("\"{cve}\""))
                .map_or(0, |at| line_of(text, at)),
            field: field.to_owned(),
            message,
        };
        if catalogue.count != catalogue.vulnerabilities.len() {
            return Err(KbError::Invalid {
                file: file.to_owned(),
                field: "count".into(),
                message: format!(
                    "says {} entries, the file has {}",
                    catalogue.count,
                    catalogue.vulnerabilities.len()
                ),
            });
        }
        let mut seen = std::collections::HashSet::new();
        for entry in &catalogue.vulnerabilities {
            let cve = entry.cve_id.as_str();
            if !super::is_cve_id(cve) {
                return Err(bad(cve, "cveID", format!("{cve:?} is not a CVE id")));
            }
            if !seen.insert(cve) {
                return Err(bad(cve, "cveID", format!("{cve} is listed twice")));
            }
            for (field, value) in [
                ("dateAdded", &entry.date_added),
                ("dueDate", &entry.due_date),
            ] {
                if super::BuildDate::parse_iso(value).is_none() || value.len() != 10 {
                    return Err(bad(
                        cve,
                        field,
                        format!("{cve}: {value:?} is not YYYY-MM-DD"),
                    ));
                }
            }
            if !["Known", "Unknown"].contains(&entry.known_ransomware_campaign_use.as_str()) {
                return Err(bad(
                    cve,
                    "knownRansomwareCampaignUse",
                    format!(
                        "{cve}: {:?} is not Known or Unknown",
                        entry.known_ransomware_campaign_use
                    ),
                ));
            }
        }
        Ok(catalogue)
    }

    pub fn entry(&self, cve: &str) -> Option<&KevEntry> {
        self.vulnerabilities.iter().find(|e| e.cve_id == cve)
    }

    /// The catalogue facts of one CVE, for a match.
    pub fn facts(&self, cve: &str) -> Option<KevFacts> {
        self.entry(cve).map(|e| KevFacts {
            vendor_project: e.vendor_project.clone(),
            product: e.product.clone(),
            name: e.vulnerability_name.clone(),
            date_added: e.date_added.clone(),
            due_date: e.due_date.clone(),
            required_action: e.required_action.clone(),
            known_ransomware_campaign_use: e.known_ransomware_campaign_use.clone(),
            catalog_version: self.catalog_version.clone(),
        })
    }

    /// The entries of this catalogue the pack curates or watches, in catalogue order.
    pub fn excerpt(&self, pack: &VulnDb) -> Catalogue {
        let vulnerabilities: Vec<KevEntry> = self
            .vulnerabilities
            .iter()
            .filter(|e| pack.concerns(e))
            .cloned()
            .collect();
        Catalogue {
            title: self.title.clone(),
            catalog_version: self.catalog_version.clone(),
            date_released: self.date_released.clone(),
            count: vulnerabilities.len(),
            vulnerabilities,
        }
    }

    /// The catalogue as CISA's JSON (two-space indent, newline at the end).
    pub fn to_json(&self) -> String {
        let mut text = serde_json::to_string_pretty(self).expect("a catalogue serialises");
        text.push('\n');
        text
    }
}

/// One entry in a diff, in short.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct KevSummary {
    pub cve: String,
    pub vendor_project: String,
    pub product: String,
    pub date_added: String,
    pub due_date: String,
    /// Whether the pack has a `[[vuln]]` (families and ranges) for it; an entry without one is
    /// never matched until someone curates it.
    pub curated: bool,
}

/// A changed due date.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct DueChange {
    pub cve: String,
    pub from: String,
    pub to: String,
}

/// What changed between the pack's excerpt and a newer catalogue, for the entries the pack
/// curates or watches.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct KevDiff {
    pub from_version: String,
    pub to_version: String,
    pub added: Vec<KevSummary>,
    pub removed: Vec<KevSummary>,
    pub due_dates_changed: Vec<DueChange>,
    /// Other fields that changed, by CVE (`requiredAction`, `knownRansomwareCampaignUse`, ...).
    pub other_changes: BTreeMap<String, Vec<String>>,
}

impl KevDiff {
    /// Compares `old` and `new`, both read as excerpts for `pack`.
    pub fn between(old: &Catalogue, new: &Catalogue, pack: &VulnDb) -> Self {
        let summary = |e: &KevEntry| KevSummary {
            cve: e.cve_id.clone(),
            vendor_project: e.vendor_project.clone(),
            product: e.product.clone(),
            date_added: e.date_added.clone(),
            due_date: e.due_date.clone(),
            curated: pack.curates(&e.cve_id),
        };
        let concerned = |c: &Catalogue| -> BTreeMap<String, KevEntry> {
            c.vulnerabilities
                .iter()
                .filter(|e| pack.concerns(e))
                .map(|e| (e.cve_id.clone(), e.clone()))
                .collect()
        };
        let (old_entries, new_entries) = (concerned(old), concerned(new));
        let mut diff = KevDiff {
            from_version: old.catalog_version.clone(),
            to_version: new.catalog_version.clone(),
            added: Vec::new(),
            removed: Vec::new(),
            due_dates_changed: Vec::new(),
            other_changes: BTreeMap::new(),
        };
        for (cve, entry) in &new_entries {
            let Some(before) = old_entries.get(cve) else {
                diff.added.push(summary(entry));
                continue;
            };
            if before.due_date != entry.due_date {
                diff.due_dates_changed.push(DueChange {
                    cve: cve.clone(),
                    from: before.due_date.clone(),
                    to: entry.due_date.clone(),
                });
            }
            let fields: Vec<String> = [
                (
                    "vendorProject",
                    before.vendor_project != entry.vendor_project,
                ),
                ("product", before.product != entry.product),
                (
                    "vulnerabilityName",
                    before.vulnerability_name != entry.vulnerability_name,
                ),
                ("dateAdded", before.date_added != entry.date_added),
                (
                    "shortDescription",
                    before.short_description != entry.short_description,
                ),
                (
                    "requiredAction",
                    before.required_action != entry.required_action,
                ),
                (
                    "knownRansomwareCampaignUse",
                    before.known_ransomware_campaign_use != entry.known_ransomware_campaign_use,
                ),
                ("notes", before.notes != entry.notes),
                ("cwes", before.cwes != entry.cwes),
            ]
            .into_iter()
            .filter(|(_, changed)| *changed)
            .map(|(name, _)| name.to_owned())
            .collect();
            if !fields.is_empty() {
                diff.other_changes.insert(cve.clone(), fields);
            }
        }
        diff.removed = old_entries
            .iter()
            .filter(|(cve, _)| !new_entries.contains_key(*cve))
            .map(|(_, e)| summary(e))
            .collect();
        diff
    }

    pub fn is_empty(&self) -> bool {
        self.added.is_empty()
            && self.removed.is_empty()
            && self.due_dates_changed.is_empty()
            && self.other_changes.is_empty()
    }
}
