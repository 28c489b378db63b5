//! The knowledge base an operation uses (the embedded one, or a directory that replaces it), and
//! the answers `camsweep kb` gives about it: its summary, a vendor, a MAC address, a brand. Each
//! answer is a serialisable value (the JSON the CLI prints, and the server will answer with);
//! the text rendering is the caller's.

use std::path::Path;

use camsweep_kb::KnowledgeBase;
use camsweep_kb::oui::MacLookup;
use camsweep_kb::vendors::{BrandMatch, Vendor};
use camsweep_model::VendorFacts;
use serde::Serialize;

use crate::AppError;

/// Loads the knowledge base from `dir`, or the embedded one; the error says which.
pub fn load(dir: Option<&Path>) -> Result<KnowledgeBase, AppError> {
    match dir {
        Some(dir) => KnowledgeBase::from_dir(dir).map_err(|source| AppError::Kb {
            context: format!("loading the knowledge base from {}", dir.display()),
            source,
        }),
        None => KnowledgeBase::embedded().map_err(|source| AppError::Kb {
            context: "loading the embedded knowledge base".into(),
            source,
        }),
    }
}

/// Version, origin and sizes of a knowledge base.
#[derive(Debug, Serialize)]
pub struct KbSummary<'a> {
    pub version: &'a str,
    pub origin: &'a str,
    pub vendors: usize,
    pub lists: usize,
    pub rules: usize,
    pub mac_prefixes: usize,
    pub mac_registry_date: &'a str,
}

pub fn summary(kb: &KnowledgeBase) -> KbSummary<'_> {
    KbSummary {
        version: &kb.version,
        origin: &kb.origin,
        vendors: kb.vendors.len(),
        lists: kb.vendors.list_definitions().len(),
        rules: kb.rules.len(),
        mac_prefixes: kb.oui.len(),
        mac_registry_date: kb.oui.data_date(),
    }
}

/// One vendor with its owners and the facts policies see.
#[derive(Debug, Serialize)]
pub struct VendorReport<'a> {
    pub kb_version: &'a str,
    pub vendor: &'a Vendor,
    /// Owners above the vendor, nearest first.
    pub owners: Vec<&'a str>,
    pub facts: std::sync::Arc<VendorFacts>,
}

/// The vendor with id `id`, or else any of whose names is `id`.
pub fn vendor<'a>(kb: &'a KnowledgeBase, id: &str) -> Result<VendorReport<'a>, AppError> {
    let vendor = kb
        .vendors
        .get(id)
        .or_else(|| kb.vendors.resolve_name(id))
        .ok_or_else(|| {
            AppError::not_found(format!("no vendor `{id}` in knowledge base {}", kb.version))
        })?;
    let facts = kb
        .vendors
        .facts(&vendor.id)
        .ok_or_else(|| AppError::internal("vendor facts missing"))?;
    let owners = kb
        .vendors
        .ancestors(&vendor.id)
        .iter()
        .map(|v| v.id.as_str())
        .collect();
    Ok(VendorReport {
        kb_version: &kb.version,
        vendor,
        owners,
        facts,
    })
}

/// What the IEEE registry says about a MAC address.
#[derive(Debug, Serialize)]
pub struct MacReport<'a> {
    pub mac: &'a str,
    #[serde(flatten)]
    pub lookup: MacLookup,
    pub mac_registry_date: &'a str,
    pub kb_version: &'a str,
}

/// Looks `mac` up; text that is not a MAC address is invalid input.
pub fn mac<'a>(kb: &'a KnowledgeBase, mac: &'a str) -> Result<MacReport<'a>, AppError> {
    let lookup = kb.oui.lookup(mac);
    if let MacLookup::Invalid(reason) = &lookup {
        return Err(AppError::invalid(format!("not a MAC address: {reason}")));
    }
    Ok(MacReport {
        mac,
        lookup,
        mac_registry_date: kb.oui.data_date(),
        kb_version: &kb.version,
    })
}

/// Who makes equipment sold under a brand label.
#[derive(Debug, Serialize)]
pub struct BrandReport<'a> {
    pub brand: &'a str,
    pub matches: Vec<BrandMatch>,
    pub kb_version: &'a str,
}

pub fn brand<'a>(kb: &'a KnowledgeBase, brand: &'a str) -> BrandReport<'a> {
    BrandReport {
        brand,
        matches: kb.vendors.resolve_brand(brand),
        kb_version: &kb.version,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kb() -> KnowledgeBase {
        KnowledgeBase::embedded().unwrap()
    }

    fn json(value: &impl Serialize) -> serde_json::Value {
        serde_json::to_value(value).unwrap()
    }

    #[test]
    fn the_summary_reports_sizes_and_the_registry_date() {
        let kb = kb();
        let summary = json(&summary(&kb));
        assert_eq!(summary["mac_registry_date"], "2022-08-27");
        assert_eq!(summary["origin"], "embedded");
        assert_eq!(
            summary["vendors"].as_u64().unwrap() as usize,
            kb.vendors.len()
        );
    }

    #[test]
    fn vendors_by_id_or_name_with_facts_and_owners() {
        let kb = kb();
        let dahua = json(&vendor(&kb, "dahua").unwrap());
        assert_eq!(dahua["facts"]["subject_to_prc_nil"], "yes");
        assert!(!dahua["facts"]["sources"].as_array().unwrap().is_empty());
        assert_eq!(
            json(&vendor(&kb, "hikvision").unwrap())["owners"][0],
            "cetc"
        );
        let by_name = vendor(&kb, "Zhejiang Dahua Technology Co., Ltd.").unwrap();
        assert_eq!(by_name.vendor.id, "dahua");
        let err = vendor(&kb, "nonesuch").unwrap_err();
        assert_eq!(err.category(), crate::Category::NotFound);
    }

    #[test]
    fn macs_and_brands() {
        let kb = kb();
        let multicast = json(&mac(&kb, "01:00:5e:00:00:01").unwrap());
        assert_eq!(multicast["status"], "multicast");
        let err = mac(&kb, "not-a-mac").unwrap_err();
        assert_eq!(err.category(), crate::Category::InvalidInput);
        assert!(err.to_string().starts_with("not a MAC address"), "{err}");
        assert!(brand(&kb, "Nonesuch").matches.is_empty());
        let lorex = brand(&kb, "Lorex");
        assert!(lorex.matches.iter().any(|m| m.manufacturer == "dahua"));
    }
}
