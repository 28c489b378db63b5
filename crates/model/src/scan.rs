use serde::{Deserialize, Serialize};

use crate::{Identification, Observation};

/// The scanner's whole result, as written by `camsweep scan --format json` and read by
/// `camsweep ingest`. The interchange between the scanner and the register.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ScanDocument {
    pub scan: ScanMeta,
    pub devices: Vec<ScannedDevice>,
}

/// What was scanned, when, with what.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ScanMeta {
    /// Unique scan id (UUID v7).
    pub id: String,
    /// RFC 3339.
    pub started_at: String,
    /// RFC 3339; `None` while running.
    #[serde(default)]
    pub finished_at: Option<String>,
    /// The targets as given (addresses, CIDRs, ranges), after exclusions were applied.
    pub targets: Vec<String>,
    #[serde(default)]
    pub excluded: Vec<String>,
    /// TCP ports probed.
    pub ports: Vec<u16>,
    /// Knowledge-base version used for identification.
    pub kb_version: String,
    /// camsweep version.
    pub tool_version: String,
    /// How many addresses were tried.
    pub hosts_scanned: u64,
    /// True when the scan was stopped early (Ctrl-C, deadline): `devices` is what was found.
    #[serde(default)]
    pub interrupted: bool,
    /// Scan-level errors (not per host).
    #[serde(default)]
    pub errors: Vec<String>,
}

/// How a host answered.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum HostStatus {
    /// Answered within limits.
    Up,
    /// Accepted connections but did not answer in time (stalls, drips).
    Unresponsive,
    /// Answered with something broken (malformed protocol, limits exceeded, resets).
    Malformed,
}

/// One host the scan found something at.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ScannedDevice {
    pub address: String,
    #[serde(default)]
    pub mac: Option<String>,
    pub open_ports: Vec<u16>,
    pub status: HostStatus,
    /// Why a host is unresponsive or malformed, one line per probe that failed.
    #[serde(default)]
    pub problems: Vec<String>,
    pub identification: Identification,
    /// Every raw observation, so the device can be re-identified without rescanning.
    #[serde(default)]
    pub observations: Vec<Observation>,
}
