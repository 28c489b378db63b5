//! The vendor registry (`vendors.toml`). PLACEHOLDER: being written (issue 2).

use crate::KbError;

#[derive(Debug, Default)]
pub struct Registry {}

impl Registry {
    pub fn parse(_text: &str, _file: &str) -> Result<Self, KbError> {
        Ok(Self {})
    }
}
