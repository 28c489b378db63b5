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

mod error;
pub mod oui;
pub mod rules;
pub mod vendors;

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
        let files = KbFiles {
            version: &version,
            vendors: &vendors,
            oui: &oui,
            rules: &rule_files
                .iter()
                .map(|(n, t)| (n.as_str(), t.as_str()))
                .collect::<Vec<_>>(),
        };
        Self::from_files(files, &dir.display().to_string())
    }

    fn from_files(files: KbFiles<'_>, origin: &str) -> Result<Self, KbError> {
        let vendors = vendors::Registry::parse(files.vendors, &format!("{origin}/vendors.toml"))?;
        let oui = oui::OuiTable::parse(files.oui, &format!("{origin}/oui.csv"), &vendors)?;
        let rules = rules::RuleSet::parse(files.rules, &vendors)?;
        Ok(Self {
            version: files.version.trim().to_owned(),
            origin: origin.to_owned(),
            vendors,
            oui,
            rules,
        })
    }
}

/// The raw text of a KB: the embedded one or one read from disk.
#[derive(Clone, Copy)]
struct KbFiles<'a> {
    version: &'a str,
    vendors: &'a str,
    oui: &'a str,
    /// `(file name, text)` of every rules file.
    rules: &'a [(&'a str, &'a str)],
}

const EMBEDDED: KbFiles<'static> = KbFiles {
    version: include_str!("../data/VERSION"),
    vendors: include_str!("../data/vendors.toml"),
    oui: include_str!("../data/oui.csv"),
    rules: rules::EMBEDDED_RULE_FILES,
};
