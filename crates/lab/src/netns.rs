//! Network-namespace mode (Linux, root): devices on a bridged virtual LAN with their real MACs.
//!
//! Not built yet: [`Netns::create`] refuses with a clear error, so `--netns` fails loudly
//! instead of silently serving on loopback.

use crate::LabError;
use crate::device::Device;

/// A namespace the lab created (and removes).
#[derive(Debug)]
pub struct Netns {
    name: String,
}

impl Netns {
    pub(crate) fn create(name: &str, _devices: &[Device]) -> Result<Self, LabError> {
        Err(LabError::Netns {
            name: name.to_owned(),
            message: "netns mode is not implemented in this build of the lab".into(),
        })
    }

    pub fn name(&self) -> &str {
        &self.name
    }

    pub(crate) fn remove(self) {}
}
