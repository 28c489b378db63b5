//! [`ReportData`]: everything a report shows, gathered by the caller (the binary builds it from
//! the register) so that the renderers stay pure functions of one value.

use camsweep_model::{DeviceType, Evidence, PrcNil, Stance};
use serde::{Deserialize, Serialize};
use time::{Date, OffsetDateTime};

time::serde::format_description!(iso_date, Date, "[year]-[month]-[day]");

/// The network zone name that HCWS386's "departmental core networks" advice is about.
pub const CORE_ZONE: &str = "core";

/// Everything one report shows.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ReportData {
    /// Shown as the report's heading, e.g. "Department for Examples: surveillance equipment".
    pub title: String,
    #[serde(with = "time::serde::rfc3339")]
    pub generated_at: OffsetDateTime,
    pub kb: KbInfo,
    pub policy_packs: Vec<PolicyPackInfo>,
    pub organisations: Vec<Organisation>,
    pub sites: Vec<Site>,
    pub networks: Vec<Network>,
    pub devices: Vec<Device>,
    pub findings: Vec<Finding>,
    pub plan: Vec<PlanItem>,
    pub scans: Vec<ScanRecord>,
    /// Open versus closed plan items by date, oldest first.
    pub progress: Vec<ProgressPoint>,
}

/// Which knowledge base made the identifications.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct KbInfo {
    pub version: String,
    /// Where the KB's facts come from (URLs or document references).
    pub sources: Vec<String>,
}

/// One policy pack that produced findings.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PolicyPackInfo {
    /// e.g. `uk-hcws386`.
    pub id: String,
    pub name: String,
    pub version: String,
    /// The regime's texts the pack encodes.
    pub sources: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Organisation {
    pub id: String,
    pub name: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Site {
    pub id: String,
    pub organisation: String,
    pub name: String,
    /// A "sensitive site" in the sense of HCWS386 (secret material, DV-cleared staff, ministers,
    /// SOCPA-designated).
    pub sensitive: bool,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Network {
    pub id: String,
    pub site: String,
    pub name: String,
    /// The CIDR the network covers.
    pub cidr: String,
    /// `core`, `isolated`, `cctv`, `guest`, ... ([`CORE_ZONE`] is the one the rules single out).
    pub zone: String,
}

/// Where a device stands in the register.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum DeviceStatus {
    /// Seen by the latest scan of its network.
    Present,
    /// Not seen by the latest scan, and not recorded as removed.
    Missing,
    /// Removal recorded and confirmed by a rescan.
    Removed,
}

impl DeviceStatus {
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Present => "present",
            Self::Missing => "missing",
            Self::Removed => "removed",
        }
    }
}

/// One device as the register knows it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Device {
    pub id: String,
    pub address: String,
    #[serde(default)]
    pub mac: Option<String>,
    /// Site id; `None` when the address falls in no known network.
    #[serde(default)]
    pub site: Option<String>,
    /// Network id; `None` when unplaced.
    #[serde(default)]
    pub network: Option<String>,
    /// True manufacturer's vendor id; `None` when the evidence does not support one.
    #[serde(default)]
    pub manufacturer: Option<String>,
    /// The manufacturer's display name (from the KB's vendor facts).
    #[serde(default)]
    pub manufacturer_name: Option<String>,
    /// The label it is sold under, when it differs from the manufacturer.
    #[serde(default)]
    pub brand: Option<String>,
    /// The brand is one of the maker's own (Wisenet for Hanwha Vision, UniFi for Ubiquiti), so
    /// the equipment is not relabelled.
    #[serde(default)]
    pub own_brand: bool,
    #[serde(default)]
    pub model: Option<String>,
    #[serde(default)]
    pub firmware: Option<String>,
    pub device_type: DeviceType,
    /// 0..1.
    pub confidence: f64,
    pub prc_nil: PrcNil,
    /// Whether any policy pack covers the maker (subject to the PRC NIL or on a restriction list).
    pub covered: bool,
    /// Restriction lists the maker is on (`ndaa-889`, `fcc-covered`, ...).
    #[serde(default)]
    pub lists: Vec<String>,
    #[serde(default)]
    pub evidence: Vec<Evidence>,
    pub status: DeviceStatus,
    /// When the removal was verified (status `removed`).
    #[serde(default, with = "iso_date::option")]
    pub removed_on: Option<Date>,
    /// RFC 3339 of the last scan that saw it.
    #[serde(default)]
    pub last_seen: Option<String>,
}

impl Device {
    /// The name to show for the true manufacturer: "unknown" when there is none.
    pub fn manufacturer_label(&self) -> &str {
        self.manufacturer_name
            .as_deref()
            .or(self.manufacturer.as_deref())
            .unwrap_or("unknown")
    }

    /// Sold under a label that is not its maker's own (e.g. LTS made by Hikvision).
    pub fn is_relabelled(&self) -> bool {
        if self.own_brand {
            return false;
        }
        match (&self.brand, &self.manufacturer) {
            (Some(brand), Some(maker)) => {
                let brand = brand.trim();
                !brand.is_empty()
                    && !brand.eq_ignore_ascii_case(maker)
                    && !self
                        .manufacturer_name
                        .as_deref()
                        .is_some_and(|name| brand.eq_ignore_ascii_case(name.trim()))
            }
            _ => false,
        }
    }

    /// No manufacturer could be supported by the evidence.
    pub fn is_unidentified(&self) -> bool {
        self.manufacturer.is_none()
    }

    /// Counted as surveillance equipment in answers and charts: everything except hosts
    /// identified as something else (printers, routers, ...). An unknown type stays in: a device
    /// we cannot classify is not thereby cleared.
    pub fn is_equipment(&self) -> bool {
        self.device_type != DeviceType::Other
    }

    /// Still on the estate (present or missing, not removed).
    pub fn is_on_estate(&self) -> bool {
        self.status != DeviceStatus::Removed
    }

    /// One line saying why the maker was chosen: the strongest supporting evidence first.
    pub fn evidence_summary(&self) -> String {
        let mut supporting: Vec<&Evidence> = self
            .evidence
            .iter()
            .filter(|e| e.stance == Stance::Supports)
            .collect();
        supporting.sort_by(|a, b| b.strength.total_cmp(&a.strength));
        let parts: Vec<String> = supporting
            .iter()
            .take(3)
            .map(|e| format!("{} = {} ({})", e.field, e.value, e.rule))
            .collect();
        if parts.is_empty() {
            "no supporting evidence".to_owned()
        } else {
            parts.join("; ")
        }
    }
}

pub use camsweep_model::Severity;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum FindingStatus {
    Open,
    /// Accepted as a time-limited exception.
    Waived,
    /// The device is gone or the rule no longer applies.
    Closed,
}

impl FindingStatus {
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Open => "open",
            Self::Waived => "waived",
            Self::Closed => "closed",
        }
    }
}

/// Where a rule comes from, as an auditor would check it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Citation {
    /// The reference, e.g. "HCWS386, 24 Nov 2022".
    pub reference: String,
    /// A URL or document location.
    #[serde(default)]
    pub url: Option<String>,
    /// The operative words, quoted.
    #[serde(default)]
    pub quote: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Waiver {
    pub reason: String,
    #[serde(with = "iso_date")]
    pub until: Date,
    pub approved_by: String,
}

/// One rule of one pack applied to one device.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Finding {
    pub id: String,
    pub device: String,
    /// Policy pack id.
    pub pack: String,
    /// Rule id within the pack.
    pub rule: String,
    pub severity: Severity,
    /// What the rule asks: `remove`, `disconnect`, `cease-deployment`, `consider-removal`, ...
    pub action: String,
    /// One sentence for a reader.
    pub message: String,
    pub citation: Citation,
    #[serde(default)]
    pub site: Option<String>,
    pub status: FindingStatus,
    #[serde(default)]
    pub waiver: Option<Waiver>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum PlanStatus {
    Open,
    InProgress,
    /// Removal recorded, waiting for a rescan to confirm the device is gone.
    AwaitingVerification,
    /// Verified by a rescan.
    Done,
    /// A rescan found the device still there after its removal was recorded.
    Reopened,
    /// No longer needed (finding waived or withdrawn).
    Cancelled,
}

impl PlanStatus {
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Open => "open",
            Self::InProgress => "in-progress",
            Self::AwaitingVerification => "awaiting-verification",
            Self::Done => "done",
            Self::Reopened => "reopened",
            Self::Cancelled => "cancelled",
        }
    }

    /// Closed items are counted as progress; everything else is still work to do.
    pub fn is_closed(self) -> bool {
        matches!(self, Self::Done | Self::Cancelled)
    }
}

/// One step of the remediation plan.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PlanItem {
    pub id: String,
    pub device: String,
    /// Findings this item resolves.
    #[serde(default)]
    pub findings: Vec<String>,
    /// 1 is first.
    pub priority: u32,
    pub action: String,
    #[serde(default, with = "iso_date::option")]
    pub due: Option<Date>,
    pub status: PlanStatus,
    /// The device id (or description) of the replacement.
    #[serde(default)]
    pub replaced_by: Option<String>,
    #[serde(default)]
    pub note: Option<String>,
}

/// What one scan covered.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ScanRecord {
    pub id: String,
    /// RFC 3339.
    pub started_at: String,
    #[serde(default)]
    pub finished_at: Option<String>,
    pub targets: Vec<String>,
    pub hosts_scanned: u64,
    pub devices_found: u64,
    /// Addresses that accepted connections but did not answer in time.
    #[serde(default)]
    pub unresponsive: Vec<String>,
    /// Addresses that answered with something broken.
    #[serde(default)]
    pub malformed: Vec<String>,
    #[serde(default)]
    pub interrupted: bool,
    pub kb_version: String,
}

/// Plan items open versus closed on one date.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProgressPoint {
    #[serde(with = "iso_date")]
    pub date: Date,
    pub open: u64,
    pub closed: u64,
}

impl ReportData {
    pub fn site(&self, id: &str) -> Option<&Site> {
        self.sites.iter().find(|s| s.id == id)
    }

    pub fn network(&self, id: &str) -> Option<&Network> {
        self.networks.iter().find(|n| n.id == id)
    }

    pub fn organisation(&self, id: &str) -> Option<&Organisation> {
        self.organisations.iter().find(|o| o.id == id)
    }
}
