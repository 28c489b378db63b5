//! The shared vocabulary that every layer speaks: typed once here, strings only at the edges
//! (SQL, JSON, TOML), parsed once.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};

/// A word that is not one of a vocabulary's values.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{value:?} is not a {what} (expected one of: {expected})")]
pub struct UnknownValue {
    pub what: &'static str,
    pub value: String,
    pub expected: &'static str,
}

/// The value of a vocabulary whose word is `s`, or which words it has.
fn word<T: Copy, const N: usize>(
    s: &str,
    all: [T; N],
    as_str: fn(T) -> &'static str,
    what: &'static str,
    expected: &'static str,
) -> Result<T, UnknownValue> {
    all.into_iter()
        .find(|v| as_str(*v) == s)
        .ok_or_else(|| UnknownValue {
            what,
            value: s.to_owned(),
            expected,
        })
}

/// `Display` as the word, `FromStr` from the word (an unknown word is an error naming the
/// vocabulary's words, never a silent default).
macro_rules! words {
    ($type:ty, $what:literal, $expected:literal) => {
        impl fmt::Display for $type {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(self.as_str())
            }
        }

        impl FromStr for $type {
            type Err = UnknownValue;

            fn from_str(s: &str) -> Result<Self, Self::Err> {
                word(s, Self::ALL, Self::as_str, $what, $expected)
            }
        }
    };
}

/// How serious a finding is. Ordered: `Critical` sorts first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Critical,
    High,
    Medium,
    Low,
    Info,
}

impl Severity {
    pub const ALL: [Severity; 5] = [
        Self::Critical,
        Self::High,
        Self::Medium,
        Self::Low,
        Self::Info,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Self::Critical => "critical",
            Self::High => "high",
            Self::Medium => "medium",
            Self::Low => "low",
            Self::Info => "info",
        }
    }
}

words!(Severity, "severity", "critical, high, medium, low, info");

/// A remediation-plan item's status. People set `Open`, `Scheduled`, `Replaced`, `Removed` and
/// `Waived` (`camsweep plan update`); the evaluation sets `Reopened` and `Closed`, and moves
/// items between `Open` and `Waived` as waivers start and end.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum PlanStatus {
    Open,
    Scheduled,
    Replaced,
    Removed,
    Waived,
    Reopened,
    Closed,
}

impl PlanStatus {
    pub const ALL: [PlanStatus; 7] = [
        Self::Open,
        Self::Scheduled,
        Self::Replaced,
        Self::Removed,
        Self::Waived,
        Self::Reopened,
        Self::Closed,
    ];

    /// The statuses a person may record; the others follow from rescans and findings.
    pub const SET_BY_PEOPLE: [PlanStatus; 5] = [
        Self::Open,
        Self::Scheduled,
        Self::Replaced,
        Self::Removed,
        Self::Waived,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Self::Open => "open",
            Self::Scheduled => "scheduled",
            Self::Replaced => "replaced",
            Self::Removed => "removed",
            Self::Waived => "waived",
            Self::Reopened => "reopened",
            Self::Closed => "closed",
        }
    }

    /// A removal or replacement is recorded: a rescan that no longer finds the device
    /// verifies it, one that finds it reopens the item.
    pub fn is_removal_claim(self) -> bool {
        matches!(self, Self::Removed | Self::Replaced)
    }
}

words!(
    PlanStatus,
    "plan status",
    "open, scheduled, replaced, removed, waived, reopened, closed"
);

/// Whether a site is a "sensitive site" in the sense of HCWS386.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Sensitivity {
    Sensitive,
    NonSensitive,
}

impl Sensitivity {
    pub const ALL: [Sensitivity; 2] = [Self::Sensitive, Self::NonSensitive];

    pub fn as_str(self) -> &'static str {
        match self {
            Self::Sensitive => "sensitive",
            Self::NonSensitive => "non-sensitive",
        }
    }
}

words!(Sensitivity, "sensitivity", "sensitive, non-sensitive");

/// What a network is connected to: HCWS386 advises against equipment on *core* networks.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Zone {
    Core,
    Isolated,
    Other,
    Unknown,
}

impl Zone {
    pub const ALL: [Zone; 4] = [Self::Core, Self::Isolated, Self::Other, Self::Unknown];

    pub fn as_str(self) -> &'static str {
        match self {
            Self::Core => "core",
            Self::Isolated => "isolated",
            Self::Other => "other",
            Self::Unknown => "unknown",
        }
    }
}

words!(Zone, "zone", "core, isolated, other, unknown");

/// Where a finding stands today.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum FindingStatus {
    Open,
    /// Open, but covered by a waiver that has not expired.
    Waived,
    /// The policy no longer reports it (device changed, removed, policy changed).
    Resolved,
}

impl FindingStatus {
    pub const ALL: [FindingStatus; 3] = [Self::Open, Self::Waived, Self::Resolved];

    pub fn as_str(self) -> &'static str {
        match self {
            Self::Open => "open",
            Self::Waived => "waived",
            Self::Resolved => "resolved",
        }
    }
}

words!(FindingStatus, "finding status", "open, waived, resolved");

/// What a history line is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum HistoryEntity {
    Organisation,
    Site,
    Network,
    Device,
    Identification,
    Finding,
    Waiver,
    Scan,
    PlanItem,
}

impl HistoryEntity {
    pub const ALL: [HistoryEntity; 9] = [
        Self::Organisation,
        Self::Site,
        Self::Network,
        Self::Device,
        Self::Identification,
        Self::Finding,
        Self::Waiver,
        Self::Scan,
        Self::PlanItem,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Self::Organisation => "organisation",
            Self::Site => "site",
            Self::Network => "network",
            Self::Device => "device",
            Self::Identification => "identification",
            Self::Finding => "finding",
            Self::Waiver => "waiver",
            Self::Scan => "scan",
            Self::PlanItem => "plan_item",
        }
    }
}

words!(
    HistoryEntity,
    "history entity",
    "organisation, site, network, device, identification, finding, waiver, scan, plan_item"
);

/// What a user of `camsweep serve` may do. Viewers, editors and admins belong to one
/// organisation and see only it; an auditor belongs to none and reads every organisation.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Role {
    /// Reads its organisation.
    Viewer,
    /// Reads its organisation and records plan progress.
    Editor,
    /// An editor who may also manage its organisation (users, estate: to come).
    Admin,
    /// Reads every organisation (the census), changes nothing.
    Auditor,
}

impl Role {
    pub const ALL: [Role; 4] = [Self::Viewer, Self::Editor, Self::Admin, Self::Auditor];

    pub fn as_str(self) -> &'static str {
        match self {
            Self::Viewer => "viewer",
            Self::Editor => "editor",
            Self::Admin => "admin",
            Self::Auditor => "auditor",
        }
    }

    /// May record changes (plan progress) in its organisation.
    pub fn may_change(self) -> bool {
        matches!(self, Self::Editor | Self::Admin)
    }

    /// Sees every organisation rather than one.
    pub fn cross_organisation(self) -> bool {
        self == Self::Auditor
    }
}

words!(Role, "role", "viewer, editor, admin, auditor");

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn severities_round_trip_and_unknown_words_are_errors() {
        for s in Severity::ALL {
            assert_eq!(s.as_str().parse::<Severity>(), Ok(s));
        }
        let err = "severe".parse::<Severity>().unwrap_err();
        assert!(err.to_string().contains("\"severe\" is not a severity"));
        assert!(Severity::Critical < Severity::Info);
    }

    #[test]
    fn plan_statuses_round_trip_and_people_cannot_close_items() {
        for s in PlanStatus::ALL {
            assert_eq!(s.as_str().parse::<PlanStatus>(), Ok(s));
        }
        assert!("done".parse::<PlanStatus>().is_err());
        assert!(!PlanStatus::SET_BY_PEOPLE.contains(&PlanStatus::Closed));
        assert!(PlanStatus::Replaced.is_removal_claim());
        assert!(!PlanStatus::Scheduled.is_removal_claim());
    }
}
