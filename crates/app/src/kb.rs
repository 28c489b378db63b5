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
    /// The vulnerability pack: vulnerabilities, affected model families (and how many carry a
    /// firmware range), and the KEV catalogue version its entries come from.
    pub vulnerabilities: usize,
    pub vulnerability_families: usize,
    pub families_with_ranges: usize,
    pub kev_catalog_version: &'a str,
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
        vulnerabilities: kb.vulns.len(),
        vulnerability_families: kb.vulns.family_counts().0,
        families_with_ranges: kb.vulns.family_counts().1,
        kev_catalog_version: &kb.vulns.kev.catalog_version,
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

/// What `camsweep kb update --kev FILE` did: the diff of the pack's KEV entries and where the
/// refreshed knowledge base was written.
#[derive(Debug, Serialize)]
pub struct KevUpdate {
    /// The KB directory written (load it with `--kb DIR`).
    pub out: std::path::PathBuf,
    /// The written knowledge base's version (`<base>+kev.<catalogVersion>`).
    pub version: String,
    /// How many catalogue entries the file had, and how many the pack keeps.
    pub catalogue_entries: usize,
    pub kept: usize,
    pub diff: camsweep_kb::vulns::KevDiff,
}

/// Refreshes the KEV fields of the knowledge base `kb` (loaded from `source`, or the embedded
/// one) from a downloaded catalogue (`kev_file`, CISA's `known_exploited_vulnerabilities.json`
/// schema) and writes the result to the KB directory `out`: the other files are copied from
/// `source` (or written from the embedded KB) unless `out` is `source` itself. Nothing is
/// fetched: the file is read as given.
pub fn update_kev(
    kb: &KnowledgeBase,
    source: Option<&Path>,
    kev_file: &Path,
    out: &Path,
) -> Result<KevUpdate, AppError> {
    let text = std::fs::read_to_string(kev_file).map_err(|source| AppError::Read {
        path: kev_file.to_path_buf(),
        source,
    })?;
    let catalogue = camsweep_kb::vulns::Catalogue::parse(&text, &kev_file.display().to_string())
        .map_err(|source| AppError::Kb {
            context: format!("reading the KEV catalogue {}", kev_file.display()),
            source,
        })?;
    let excerpt = catalogue.excerpt(&kb.vulns);
    let diff = camsweep_kb::vulns::KevDiff::between(&kb.vulns.kev, &catalogue, &kb.vulns);
    let io = |context: String| move |source| AppError::Io { context, source };
    let same_dir = match source {
        Some(dir) => same_path(dir, out),
        None => false,
    };
    if !same_dir {
        let files: Vec<(String, String)> = match source {
            Some(dir) => kb_dir_files(dir)?,
            None => camsweep_kb::embedded_files()
                .into_iter()
                .map(|(path, text)| (path, text.to_owned()))
                .collect(),
        };
        for (rel, text) in files {
            let path = out.join(&rel);
            if let Some(parent) = path.parent() {
                std::fs::create_dir_all(parent)
                    .map_err(io(format!("creating {}", parent.display())))?;
            }
            std::fs::write(&path, text).map_err(io(format!("writing {}", path.display())))?;
        }
    }
    let base = kb.version.split("+kev.").next().unwrap_or(&kb.version);
    let version = format!("{base}+kev.{}", catalogue.catalog_version);
    let kev_path = out.join(camsweep_kb::KEV_FILE);
    std::fs::write(&kev_path, excerpt.to_json())
        .map_err(io(format!("writing {}", kev_path.display())))?;
    let version_path = out.join("VERSION");
    std::fs::write(&version_path, format!("{version}\n"))
        .map_err(io(format!("writing {}", version_path.display())))?;
    // What was written must load as a knowledge base.
    load(Some(out))?;
    Ok(KevUpdate {
        out: out.to_path_buf(),
        version,
        catalogue_entries: catalogue.count,
        kept: excerpt.count,
        diff,
    })
}

fn same_path(a: &Path, b: &Path) -> bool {
    match (a.canonicalize(), b.canonicalize()) {
        (Ok(a), Ok(b)) => a == b,
        _ => false,
    }
}

/// The files of a KB directory (`VERSION`, `vendors.toml`, `oui.csv`, `rules/*.toml`, and the
/// vulnerability pack's files where present), as `(relative path, text)`.
fn kb_dir_files(dir: &Path) -> Result<Vec<(String, String)>, AppError> {
    let read = |rel: &str| {
        let path = dir.join(rel);
        std::fs::read_to_string(&path).map_err(|source| AppError::Read { path, source })
    };
    let mut files = Vec::new();
    for rel in ["VERSION", "vendors.toml", "oui.csv"] {
        files.push((rel.to_owned(), read(rel)?));
    }
    for rel in [camsweep_kb::VULNS_FILE, camsweep_kb::KEV_FILE] {
        if dir.join(rel).exists() {
            files.push((rel.to_owned(), read(rel)?));
        }
    }
    let rules = dir.join("rules");
    let entries = std::fs::read_dir(&rules).map_err(|source| AppError::Read {
        path: rules.clone(),
        source,
    })?;
    for entry in entries {
        let entry = entry.map_err(|source| AppError::Read {
            path: rules.clone(),
            source,
        })?;
        let name = entry.file_name().to_string_lossy().into_owned();
        if name.ends_with(".toml") {
            files.push((format!("rules/{name}"), read(&format!("rules/{name}"))?));
        }
    }
    Ok(files)
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

    #[test]
    fn a_kev_update_writes_a_loadable_kb_and_diffs_the_catalogue() {
        let kb = kb();
        let dir = tempfile::tempdir().unwrap();
        let kev = Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("../kb/testdata/kev/cisagov-kev-data-eacf03e-excerpt.json");
        let out = dir.path().join("kb");
        let update = update_kev(&kb, None, &kev, &out).unwrap();
        assert_eq!((update.catalogue_entries, update.kept), (22, 19));
        assert_eq!(update.diff.removed.len(), 5);
        assert!(
            update.version.ends_with("+kev.2025.08.25"),
            "{}",
            update.version
        );
        let written = load(Some(&out)).unwrap();
        assert_eq!(written.version, update.version);
        assert_eq!(written.vulns.kev.catalog_version, "2025.08.25");
        assert!(written.vulns.kev.entry("CVE-2017-7921").is_none());
        // Again, in place: nothing changed, and the version keeps one KEV suffix.
        let again = update_kev(&written, Some(&out), &kev, &out).unwrap();
        assert!(again.diff.is_empty(), "{:?}", again.diff);
        assert_eq!(again.version, update.version);
        // A malformed catalogue names the file and field, and writes nothing.
        let bad = dir.path().join("bad.json");
        std::fs::write(&bad, "{\"title\": \"x\"}").unwrap();
        let err = update_kev(&written, Some(&out), &bad, &out).unwrap_err();
        let text = crate::error::causes_once(&err);
        assert!(
            text.contains("bad.json:1") && text.contains("catalogVersion"),
            "{text}"
        );
    }
}
