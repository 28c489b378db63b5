//! Values the register stores and returns. Backend-independent.

use camsweep_model::{HostStatus, Identification, Observation, ScanDocument};
use serde::{Deserialize, Serialize};

/// What an ingested batch came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum BatchKind {
    /// A `ScanDocument` from `camsweep scan`.
    Scan,
    /// Observations JSON Lines (imports, the lab), identified at ingest.
    Observations,
}

impl BatchKind {
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Scan => "scan",
            Self::Observations => "observations",
        }
    }

    /// The kind a stored word names.
    pub fn from_word(word: &str) -> Option<Self> {
        [Self::Scan, Self::Observations]
            .into_iter()
            .find(|k| k.as_str() == word)
    }
}

/// One batch to store in one transaction.
#[derive(Debug, Clone)]
pub struct IngestBatch {
    pub kind: BatchKind,
    /// Scan id; for observation files a fresh UUID v7.
    pub scan_id: String,
    pub source_file: Option<String>,
    /// RFC 3339; when the devices were seen.
    pub started_at: String,
    pub finished_at: Option<String>,
    /// What the scan covered (addresses, CIDRs, `a-b` ranges). A device of the register whose
    /// address is covered and which this batch does not contain is marked missing, unless
    /// `interrupted`. Empty for observation files (they do not say what they covered).
    pub targets: Vec<String>,
    /// What the scan excluded from `targets` (as given): devices there were not looked at and
    /// are never marked missing.
    pub excluded: Vec<String>,
    pub kb_version: String,
    pub tool_version: String,
    pub interrupted: bool,
    pub devices: Vec<IngestDevice>,
    /// What the scan tried and which hosts answered badly, stored with the scan row in the same
    /// transaction. `None` for observation files (they do not say what was tried).
    pub coverage: Option<ScanCoverage>,
}

/// What a scan covered: how many addresses it tried and which of them stalled or answered
/// with something broken. A device list alone cannot tell "nothing there" from "not tried".
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ScanCoverage {
    pub hosts_scanned: u64,
    /// Addresses that accepted connections but did not answer in time.
    pub unresponsive: Vec<String>,
    /// Addresses that answered with something broken.
    pub malformed: Vec<String>,
}

impl IngestBatch {
    /// A scan document (`camsweep scan --format json`) as a batch, with its coverage: every
    /// device, its MAC normalised, and the addresses whose status is unresponsive or malformed.
    /// The one conversion `camsweep ingest`, `camsweep scan --db` and the demo share.
    pub fn from_scan_document(doc: &ScanDocument, source_file: Option<String>) -> Self {
        let addresses_with = |status: HostStatus| -> Vec<String> {
            doc.devices
                .iter()
                .filter(|d| d.status == status)
                .map(|d| d.address.clone())
                .collect()
        };
        IngestBatch {
            kind: BatchKind::Scan,
            scan_id: doc.scan.id.clone(),
            source_file,
            started_at: doc.scan.started_at.clone(),
            finished_at: doc.scan.finished_at.clone(),
            targets: doc.scan.targets.clone(),
            excluded: doc.scan.excluded.clone(),
            kb_version: doc.scan.kb_version.clone(),
            tool_version: doc.scan.tool_version.clone(),
            interrupted: doc.scan.interrupted,
            coverage: Some(ScanCoverage {
                hosts_scanned: doc.scan.hosts_scanned,
                unresponsive: addresses_with(HostStatus::Unresponsive),
                malformed: addresses_with(HostStatus::Malformed),
            }),
            devices: doc
                .devices
                .iter()
                .map(|d| IngestDevice {
                    label: None,
                    mac: d.mac.as_deref().and_then(crate::normalise_mac),
                    address: Some(d.address.clone()),
                    identification: d.identification.clone(),
                    observations: d.observations.clone(),
                })
                .collect(),
        }
    }
}

/// One device of a batch.
#[derive(Debug, Clone)]
pub struct IngestDevice {
    /// The grouping key of its observations (`Observation::device`), when there was one.
    pub label: Option<String>,
    pub address: Option<String>,
    /// Normalised `aa:bb:cc:dd:ee:ff`.
    pub mac: Option<String>,
    pub identification: Identification,
    pub observations: Vec<Observation>,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct IngestSummary {
    pub scan_id: String,
    /// The scan was in the register already; nothing was changed.
    pub already_stored: bool,
    pub devices_new: usize,
    pub devices_seen_again: usize,
    pub devices_marked_missing: usize,
    pub devices_unplaced: usize,
    pub observations: usize,
}

/// A device of the register, with its current identification and placement.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct DeviceRecord {
    pub id: String,
    /// `mac:<mac>`, `addr:<network or ->/<address>` or `label:<label>`.
    pub key: String,
    pub mac: Option<String>,
    pub address: Option<String>,
    pub label: Option<String>,
    pub network_id: Option<String>,
    pub site_id: Option<String>,
    /// The organisation of its site; `None` while the device is unplaced.
    pub organisation_id: Option<String>,
    pub first_seen: String,
    pub last_seen: String,
    pub missing: bool,
    pub identification: Option<Identification>,
}

/// A finding as a policy produced it, before storage.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize, sqlx::FromRow)]
pub struct NewFinding {
    pub pack: String,
    pub rule: String,
    pub title: String,
    #[sqlx(try_from = "String")]
    pub severity: camsweep_model::Severity,
    pub action: String,
    pub citation_document: String,
    pub citation_paragraph: Option<String>,
    pub citation_url: Option<String>,
    pub message: String,
    pub due: Option<String>,
    pub due_basis: Option<String>,
}

pub use camsweep_model::FindingStatus;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, sqlx::FromRow)]
pub struct Waiver {
    pub id: String,
    pub finding_id: String,
    /// ISO date; the waiver holds through this day.
    pub until: String,
    pub reason: String,
    pub granted_by: String,
    pub created_at: String,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct FindingRecord {
    pub id: String,
    pub device_id: String,
    pub device_address: Option<String>,
    pub site_id: Option<String>,
    pub network_id: Option<String>,
    pub manufacturer: Option<String>,
    #[serde(flatten)]
    pub finding: NewFinding,
    pub status: FindingStatus,
    /// The waiver in force, when `status` is waived.
    pub waiver: Option<Waiver>,
    pub first_seen: String,
    pub last_seen: String,
    pub resolved_at: Option<String>,
}

/// A finding as an evaluation left it, for deciding its plan item
/// ([`crate::Register::apply_evaluation_and_plan`]).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct FindingState {
    pub id: String,
    pub device_id: String,
    pub pack: String,
    pub rule: String,
    /// As of the evaluation's `today`: `Waived` under a waiver that has not expired.
    pub status: FindingStatus,
}

/// Filters for [`crate::Register::findings`]. `None` means any.
#[derive(Debug, Clone, Default)]
pub struct FindingFilter {
    /// Only findings on devices of this organisation's sites.
    pub organisation: Option<String>,
    /// Only this device's findings.
    pub device: Option<String>,
    pub site: Option<String>,
    pub rule: Option<String>,
    pub severity: Option<camsweep_model::Severity>,
    pub action: Option<String>,
    pub pack: Option<String>,
    pub manufacturer: Option<String>,
    pub include_resolved: bool,
}

/// What one evaluation changed.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct EvaluationDelta {
    pub devices: usize,
    pub identifications_changed: usize,
    pub findings_new: usize,
    pub findings_resolved: usize,
    pub findings_still_open: usize,
}

/// One line of the append-only history.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct HistoryEntry {
    pub id: i64,
    pub at: String,
    pub actor: String,
    pub entity: camsweep_model::HistoryEntity,
    pub entity_id: String,
    pub action: camsweep_model::HistoryAction,
    pub before: Option<serde_json::Value>,
    pub after: Option<serde_json::Value>,
}

/// What an estate import changed.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct EstateChange {
    pub created: usize,
    pub updated: usize,
    pub deleted: usize,
    pub unchanged: usize,
    pub devices_replaced: usize,
    /// The estate this import replaced, as read inside its transaction (what staleness is
    /// judged against: a read before the import could miss another import in between).
    #[serde(skip)]
    pub replaced: camsweep_model::estate::Estate,
}

/// A remediation plan item (the table; the plan logic lives elsewhere).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, sqlx::FromRow)]
pub struct PlanItem {
    pub id: String,
    pub finding_id: Option<String>,
    pub device_id: String,
    pub priority: i64,
    pub action: String,
    pub due: Option<String>,
    /// Set by people (`camsweep plan update`) or by `camsweep evaluate` (see [`PlanChange`]).
    #[sqlx(try_from = "String")]
    pub status: camsweep_model::PlanStatus,
    pub replaced_by: Option<String>,
    pub updated_at: String,
    /// When a rescan confirmed a recorded removal or replacement (the device was no longer
    /// found); `None` until then, and again once a rescan finds the device.
    #[serde(default)]
    pub verified_at: Option<String>,
}

impl PlanItem {
    /// A removal or replacement has been recorded (verified or not).
    pub fn removal_claimed(&self) -> bool {
        self.status.is_removal_claim()
    }
}

/// One change to the remediation plan, as `camsweep evaluate` decides it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct PlanChange {
    /// The item as it should be stored.
    pub item: PlanItem,
    /// What happened, for the history.
    pub kind: camsweep_model::PlanChangeKind,
    /// The status before, when the item existed.
    pub before: Option<camsweep_model::PlanStatus>,
}

/// One stored scan or observations import.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ScanRecord {
    pub id: String,
    pub kind: BatchKind,
    pub source_file: Option<String>,
    pub started_at: String,
    pub finished_at: Option<String>,
    pub targets: Vec<String>,
    /// Exclusions as given (empty for scans stored before they were recorded).
    pub excluded: Vec<String>,
    pub kb_version: String,
    pub tool_version: String,
    pub interrupted: bool,
    pub ingested_at: String,
    pub devices: i64,
    pub observations: i64,
    /// Addresses tried, when the batch carried its coverage ([`IngestBatch::coverage`]);
    /// `None` for observation imports.
    pub hosts_scanned: Option<i64>,
    pub unresponsive: Vec<String>,
    pub malformed: Vec<String>,
}

/// The tables [`crate::Register::count`] can count.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CountedTable {
    Devices,
    Observations,
    Scans,
    Findings,
    History,
    Identifications,
}

/// Which organisations a reader may see: every one (the CLI, an auditor), or one. A device
/// that no network places belongs to no organisation, so only [`Scope::All`] sees it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Scope {
    All,
    Organisation(String),
}

impl Scope {
    /// Whether an object of `organisation` (`None`: unplaced) is visible.
    pub fn admits(&self, organisation: Option<&str>) -> bool {
        match self {
            Scope::All => true,
            Scope::Organisation(own) => organisation == Some(own.as_str()),
        }
    }

    /// The organisation filter a read under this scope uses when the reader asked for
    /// `requested`: `Some(filter)` (where `None` means every organisation), or `None` when the
    /// request names an organisation outside the scope, so nothing is visible.
    pub fn narrow(&self, requested: Option<&str>) -> Option<Option<String>> {
        match (self, requested) {
            (Scope::All, requested) => Some(requested.map(str::to_owned)),
            (Scope::Organisation(own), None) => Some(Some(own.clone())),
            (Scope::Organisation(own), Some(asked)) => (own == asked).then(|| Some(own.clone())),
        }
    }
}

/// Filters for [`crate::Register::devices_page`]. `None` means any.
#[derive(Debug, Clone, Default)]
pub struct DeviceFilter {
    pub organisation: Option<String>,
    pub site: Option<String>,
    pub zone: Option<camsweep_model::Zone>,
    /// The identified manufacturer's id (`hikvision`).
    pub manufacturer: Option<String>,
    pub missing: Option<bool>,
    /// A substring (any case) of the address, MAC, label, manufacturer, brand or model.
    pub text: Option<String>,
}

/// A user of `camsweep serve` (the password hash stays in the register).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct UserRecord {
    pub id: String,
    pub name: String,
    /// `None` for an auditor, who reads every organisation.
    pub organisation: Option<String>,
    pub role: camsweep_model::Role,
    pub created_at: String,
}

impl UserRecord {
    /// What this user may read.
    pub fn scope(&self) -> Scope {
        match &self.organisation {
            Some(org) if !self.role.cross_organisation() => Scope::Organisation(org.clone()),
            // An auditor; an organisation-less non-auditor cannot be stored (CHECK).
            _ if self.role.cross_organisation() => Scope::All,
            _ => Scope::Organisation(String::new()),
        }
    }
}

/// A stored API token (never the token itself: its SHA-256).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct TokenRecord {
    pub id: String,
    pub user: String,
    pub created_at: String,
    pub revoked_at: Option<String>,
}
