//! Fingerprint rules (`rules/*.toml`). PLACEHOLDER: being written (issue 2).

use crate::KbError;
use crate::vendors::Registry;

/// The rule files compiled into the binary, `(name, text)`.
pub(crate) const EMBEDDED_RULE_FILES: &[(&str, &str)] = &[];

#[derive(Debug, Default)]
pub struct RuleSet {}

impl RuleSet {
    pub fn parse(_files: &[(&str, &str)], _vendors: &Registry) -> Result<Self, KbError> {
        Ok(Self {})
    }
}
