//! The knowledge base: cited vendor registry, IEEE MAC prefixes, fingerprint rules.
//!
//! The KB is data, not code: the files under `data/` are embedded in the binary and may be
//! replaced at run time by a directory of the same layout (`camsweep --kb DIR`). Every output that
//! depends on it names [`KnowledgeBase::version`].
//!
//! Layout of a KB directory:
//! - `VERSION`: one line, the KB version (e.g. `2026.11.23`).
//! - `vendors.toml`: the vendor registry (module [`vendors`]).
//! - `oui.csv`: MAC prefixes from the IEEE registry (module [`oui`]).
//! - `rules/*.toml`: fingerprint rules (module [`rules`]).
//! - `vulns.toml` and `kev.json`: the vulnerability pack and its CISA KEV excerpt (module
//!   [`vulns`]). A directory without them uses the embedded ones (directories older than the
//!   pack keep working); `camsweep kb update --kev FILE` writes both.

mod error;
pub mod oui;
pub mod rules;
pub mod vendors;
pub mod vulns;

use std::path::Path;

pub use error::KbError;

/// The whole knowledge base, loaded and validated.
#[derive(Debug)]
pub struct KnowledgeBase {
    /// The KB version (the `VERSION` file).
    pub version: String,
    /// Where it came from: `embedded` or the directory path.
    pub origin: String,
    pub vendors: vendors::Registry,
    pub oui: oui::OuiTable,
    pub rules: rules::RuleSet,
    pub vulns: vulns::VulnDb,
}

impl KnowledgeBase {
    /// The knowledge base compiled into this binary.
    pub fn embedded() -> Result<Self, KbError> {
        Self::from_files(EMBEDDED, "embedded")
    }

    /// A knowledge base from a directory with the layout described in the crate docs.
    pub fn from_dir(dir: &Path) -> Result<Self, KbError> {
        let read = |rel: &str| -> Result<String, KbError> {
            let path = dir.join(rel);
            std::fs::read_to_string(&path).map_err(|source| KbError::Io {
                path: path.display().to_string(),
                source,
            })
        };
        let version = read("VERSION")?;
        let vendors = read("vendors.toml")?;
        let oui = read("oui.csv")?;
        let rules_dir = dir.join("rules");
        let mut rule_files = Vec::new();
        let entries = std::fs::read_dir(&rules_dir).map_err(|source| KbError::Io {
            path: rules_dir.display().to_string(),
            source,
        })?;
        for entry in entries {
            let entry = entry.map_err(|source| KbError::Io {
                path: rules_dir.display().to_string(),
                source,
            })?;
            let path = entry.path();
            if path.extension().is_some_and(|e| e == "toml") {
                let text = std::fs::read_to_string(&path).map_err(|source| KbError::Io {
                    path: path.display().to_string(),
                    source,
                })?;
                rule_files.push((path.display().to_string(), text));
            }
        }
        rule_files.sort();
        let optional = |rel: &str, embedded: &'static str| -> Result<String, KbError> {
            if dir.join(rel).exists() {
                read(rel)
            } else {
                Ok(embedded.to_owned())
            }
        };
        let vulns = optional(VULNS_FILE, EMBEDDED.vulns)?;
        let kev = optional(KEV_FILE, EMBEDDED.kev)?;
        let files = KbFiles {
            version: &version,
            vendors: &vendors,
            oui: &oui,
            rules: &rule_files
                .iter()
                .map(|(n, t)| (n.as_str(), t.as_str()))
                .collect::<Vec<_>>(),
            vulns: &vulns,
            kev: &kev,
        };
        Self::from_files(files, &dir.display().to_string())
    }

    fn from_files(files: KbFiles<'_>, origin: &str) -> Result<Self, KbError> {
        let vendors = vendors::Registry::parse(files.vendors, &format!("{origin}/vendors.toml"))?;
        let oui = oui::OuiTable::parse(files.oui, &format!("{origin}/oui.csv"), &vendors)?;
        let rules = rules::RuleSet::parse(files.rules, &vendors)?;
        let kev = vulns::Catalogue::parse(files.kev, &format!("{origin}/{KEV_FILE}"))?;
        let vulns = vulns::VulnDb::parse(files.vulns, &format!("{origin}/{VULNS_FILE}"), kev)?;
        Ok(Self {
            version: files.version.trim().to_owned(),
            origin: origin.to_owned(),
            vendors,
            oui,
            rules,
            vulns,
        })
    }
}

/// The vulnerability pack's file in a KB directory.
pub const VULNS_FILE: &str = "vulns.toml";
/// The pack's CISA KEV excerpt in a KB directory.
pub const KEV_FILE: &str = "kev.json";

/// The embedded knowledge base as `(path in a KB directory, text)`, for writing a directory
/// that `--kb DIR` reads (`camsweep kb update`).
pub fn embedded_files() -> Vec<(String, &'static str)> {
    let mut files = vec![
        ("VERSION".to_owned(), EMBEDDED.version),
        ("vendors.toml".to_owned(), EMBEDDED.vendors),
        ("oui.csv".to_owned(), EMBEDDED.oui),
        (VULNS_FILE.to_owned(), EMBEDDED.vulns),
        (KEV_FILE.to_owned(), EMBEDDED.kev),
    ];
    files.extend(
        EMBEDDED
            .rules
            .iter()
            .map(|(name, text)| (format!("rules/{name}"), *text)),
    );
    files
}

/// The 1-based line of byte `offset` in `text`.
pub(crate) fn line_of(text: &str, offset: usize) -> usize {
    text.as_bytes()[..offset.min(text.len())]
        .iter()
        .filter(|&&b| b == b'\n')
        .count()
        + 1
}

/// The raw text of a KB: the embedded one or one read from disk.
#[derive(Clone, Copy)]
struct KbFiles<'a> {
    version: &'a str,
    vendors: &'a str,
    oui: &'a str,
    /// `(file name, text)` of every rules file.
    rules: &'a [(&'a str, &'a str)],
    vulns: &'a str,
    kev: &'a str,
}

const EMBEDDED: KbFiles<'static> = KbFiles {
    version: include_str!("../data/VERSION"),
    vendors: include_str!("../data/vendors.toml"),
    oui: include_str!("../data/oui.csv"),
    rules: rules::EMBEDDED_RULE_FILES,
    vulns: include_str!("../data/vulns.toml"),
    kev: include_str!("../data/kev.json"),
};
