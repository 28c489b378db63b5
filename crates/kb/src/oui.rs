//! MAC prefixes from the IEEE registry (`oui.csv`). PLACEHOLDER: being written (issue 2).

use crate::KbError;
use crate::vendors::Registry;

#[derive(Debug, Default)]
pub struct OuiTable {}

impl OuiTable {
    pub fn parse(_text: &str, _file: &str, _vendors: &Registry) -> Result<Self, KbError> {
        Ok(Self {})
    }
}
