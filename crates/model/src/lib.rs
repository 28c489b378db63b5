//! camsweep's shared data model.
//!
//! Everything that crosses a crate boundary lives here: the [`Observation`] (one piece of raw
//! evidence about one address), the canonical [`field`] names that parsers extract from
//! observations and that fingerprint rules match on, and the [`Identification`] the engine makes
//! of one device; the [`estate`] (organisations, sites, networks) and the vocabulary (zones,
//! sensitivities, severities, statuses). This crate is pure: no I/O, no async, no printing.

pub mod estate;
pub mod field;
mod identification;
mod mac;
mod observation;
mod scan;
pub mod scope;
mod timestamp;
mod vocabulary;
mod vulnerability;

pub use identification::{
    DeviceType, Evidence, Identification, Implication, ListMembership, PrcNil, Stance, VendorFacts,
};
pub use mac::{Mac, MacError};
pub use observation::{Observation, ObservationKind, ParseKindError};
pub use scan::{HostStatus, ScanDocument, ScanMeta, ScannedDevice};
pub use scope::{AddressSet, Coverage, ScanScope};
pub use timestamp::{EARLIEST_SENSIBLE_YEAR, Timestamp, TimestampError};
pub use vocabulary::{
    FindingStatus, HistoryAction, HistoryEntity, PlanChangeKind, PlanStatus, Role, Sensitivity,
    Severity, UnknownValue, Zone,
};
pub use vulnerability::{Cvss, KevFacts, MatchStatus, Ssvc, VulnerabilityMatch};
