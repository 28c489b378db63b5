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

        /// For reading a stored word (`#[sqlx(try_from = "String")]`): the edge parses once.
        impl TryFrom<String> for $type {
            type Error = UnknownValue;

            fn try_from(s: String) -> Result<Self, Self::Error> {
                s.parse()
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

/// What a history line records about its entity.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum HistoryAction {
    Created,
    Updated,
    Deleted,
    /// A device's address moved to another network.
    Moved,
    /// A scan that covered a device's address no longer found it.
    Missing,
    /// A device marked missing was found again.
    Reappeared,
    /// A finding was raised.
    Opened,
    /// A finding no longer stands.
    Resolved,
    /// A finding or plan item came back.
    Reopened,
    Waived,
    Unwaived,
    /// A scan or observations file was stored.
    Ingested,
    /// A rescan confirmed a recorded removal or replacement.
    Verified,
    /// A plan item whose finding was resolved.
    Closed,
}

impl HistoryAction {
    pub const ALL: [HistoryAction; 14] = [
        Self::Created,
        Self::Updated,
        Self::Deleted,
        Self::Moved,
        Self::Missing,
        Self::Reappeared,
        Self::Opened,
        Self::Resolved,
        Self::Reopened,
        Self::Waived,
        Self::Unwaived,
        Self::Ingested,
        Self::Verified,
        Self::Closed,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Self::Created => "created",
            Self::Updated => "updated",
            Self::Deleted => "deleted",
            Self::Moved => "moved",
            Self::Missing => "missing",
            Self::Reappeared => "reappeared",
            Self::Opened => "opened",
            Self::Resolved => "resolved",
            Self::Reopened => "reopened",
            Self::Waived => "waived",
            Self::Unwaived => "unwaived",
            Self::Ingested => "ingested",
            Self::Verified => "verified",
            Self::Closed => "closed",
        }
    }
}

words!(
    HistoryAction,
    "history action",
    "created, updated, deleted, moved, missing, reappeared, opened, resolved, reopened, waived, \
     unwaived, ingested, verified, closed"
);

/// What an evaluation did to a plan item (its history line's action is
/// [`PlanChangeKind::history_action`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum PlanChangeKind {
    /// A new item for a finding that stands and asks for something.
    Created,
    /// Priority, action or due date changed.
    Updated,
    /// A rescan no longer finds a device recorded as removed or replaced.
    Verified,
    /// A rescan still finds such a device, or the item's finding came back.
    Reopened,
    /// Its finding was resolved.
    Closed,
    /// A waiver now covers its finding.
    Waived,
    /// The waiver ended.
    Unwaived,
}

impl PlanChangeKind {
    pub const ALL: [PlanChangeKind; 7] = [
        Self::Created,
        Self::Updated,
        Self::Verified,
        Self::Reopened,
        Self::Closed,
        Self::Waived,
        Self::Unwaived,
    ];

    pub fn history_action(self) -> HistoryAction {
        match self {
            Self::Created => HistoryAction::Created,
            Self::Updated => HistoryAction::Updated,
            Self::Verified => HistoryAction::Verified,
            Self::Reopened => HistoryAction::Reopened,
            Self::Closed => HistoryAction::Closed,
            Self::Waived => HistoryAction::Waived,
            Self::Unwaived => HistoryAction::Unwaived,
        }
    }

    pub fn as_str(self) -> &'static str {
        self.history_action().as_str()
    }
}

words!(
    PlanChangeKind,
    "plan change",
    "created, updated, verified, reopened, closed, waived, unwaived"
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

    #[test]
    fn history_actions_and_plan_changes_round_trip_and_serialise_as_their_words() {
        for a in HistoryAction::ALL {
            assert_eq!(a.as_str().parse::<HistoryAction>(), Ok(a));
            assert_eq!(serde_json::to_value(a).unwrap(), a.as_str());
        }
        for k in PlanChangeKind::ALL {
            assert_eq!(k.as_str().parse::<PlanChangeKind>(), Ok(k));
            assert_eq!(serde_json::to_value(k).unwrap(), k.as_str());
            assert!(HistoryAction::ALL.contains(&k.history_action()));
        }
        let err = HistoryAction::try_from("exploded".to_owned()).unwrap_err();
        assert!(err.to_string().contains("is not a history action"), "{err}");
    }
}
