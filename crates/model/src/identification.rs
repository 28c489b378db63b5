use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};

use crate::ObservationKind;

/// What kind of device something is.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, Default,
)]
#[serde(rename_all = "kebab-case")]
pub enum DeviceType {
    IpCamera,
    Nvr,
    Dvr,
    Intercom,
    ThermalCamera,
    Ptz,
    DroneDock,
    Drone,
    AccessControl,
    Encoder,
    /// Identified, and not surveillance equipment (printer, router, server, NAS, ...).
    Other,
    #[default]
    Unknown,
}

impl DeviceType {
    pub const ALL: [DeviceType; 12] = [
        Self::IpCamera,
        Self::Nvr,
        Self::Dvr,
        Self::Intercom,
        Self::ThermalCamera,
        Self::Ptz,
        Self::DroneDock,
        Self::Drone,
        Self::AccessControl,
        Self::Encoder,
        Self::Other,
        Self::Unknown,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Self::IpCamera => "ip-camera",
            Self::Nvr => "nvr",
            Self::Dvr => "dvr",
            Self::Intercom => "intercom",
            Self::ThermalCamera => "thermal-camera",
            Self::Ptz => "ptz",
            Self::DroneDock => "drone-dock",
            Self::Drone => "drone",
            Self::AccessControl => "access-control",
            Self::Encoder => "encoder",
            Self::Other => "other",
            Self::Unknown => "unknown",
        }
    }

    /// Whether this type is video-surveillance equipment in the sense of the regimes
    /// (cameras, recorders, intercoms, drones, access-control terminals with cameras, encoders).
    pub fn is_surveillance(self) -> bool {
        !matches!(self, Self::Other | Self::Unknown)
    }
}

impl fmt::Display for DeviceType {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for DeviceType {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Self::ALL
            .iter()
            .copied()
            .find(|t| t.as_str() == s)
            .ok_or_else(|| format!("unknown device type {s:?}"))
    }
}

/// Whether a company is subject to the PRC National Intelligence Law (the UK HCWS386 test).
/// An interpretation from incorporation and headquarters, with its reasoning in the KB.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
#[serde(rename_all = "lowercase")]
pub enum PrcNil {
    Yes,
    No,
    #[default]
    Unknown,
}

/// A vendor's membership of a restriction list, with its date and source.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ListMembership {
    /// List id, e.g. `ndaa-889`, `fcc-covered`, `us-entity-list`.
    pub list: String,
    /// Since when (ISO date), where known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub since: Option<String>,
    /// Whether membership is direct or derived via a parent ("subsidiary or affiliate").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub via: Option<String>,
    /// Where this is stated.
    pub source: String,
}

/// The knowledge base's facts about the identified manufacturer, copied into each
/// identification so that a report can show them without the KB at hand.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct VendorFacts {
    pub id: String,
    pub name: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub parent: Option<String>,
    /// ISO 3166-1 alpha-2 headquarters country.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub hq_country: Option<String>,
    pub subject_to_prc_nil: PrcNil,
    pub nil_reasoning: String,
    pub lists: Vec<ListMembership>,
    /// Sources of these facts.
    pub sources: Vec<String>,
}

/// What one rule says an observation implies.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
pub struct Implication {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub manufacturer: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub brand: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub model: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub firmware: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub device_type: Option<DeviceType>,
}

/// How a piece of evidence relates to the conclusion.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Stance {
    /// Points to the chosen manufacturer (or gives model/firmware/type consistent with it).
    Supports,
    /// Points to a different manufacturer.
    Contradicts,
    /// Neither: context such as a relabel brand, a device type, a model string.
    Context,
}

/// One observation read by one rule, as shown to an auditor.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Evidence {
    /// The observation kind that carried the value.
    pub kind: ObservationKind,
    /// The field the rule read (see [`crate::field`]).
    pub field: String,
    /// The value read, truncated to a readable length.
    pub value: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub path: Option<String>,
    /// The id of the rule (or `mac-registry`, `device-claim`) that read it.
    pub rule: String,
    /// What the rule concluded from it.
    pub implies: Implication,
    /// How strong the rule holds this evidence to be, 0..1.
    pub strength: f64,
    pub stance: Stance,
    /// Why the rule holds, in a sentence.
    pub note: String,
}

/// What the evidence says one device is.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Identification {
    /// Vendor id of the true manufacturer, or `None` when the evidence does not support one.
    pub manufacturer: Option<String>,
    /// The maker the device names itself (ONVIF `Manufacturer`, a JSON `manufacturer`, a
    /// certificate `O=`) when that name is not a vendor of the registry and no registry maker
    /// was identified: "made by X, as the device reports; X is not in the registry". A claim,
    /// shown as such, never a registry fact.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reported_manufacturer: Option<String>,
    /// The label it is sold under, when it differs from the manufacturer (relabels), or the
    /// manufacturer's own sub-brand (EZVIZ, Imou, ...).
    pub brand: Option<String>,
    pub model: Option<String>,
    pub firmware: Option<String>,
    pub device_type: DeviceType,
    /// 0..1: how strongly the evidence supports `manufacturer` (0 when unknown).
    pub confidence: f64,
    pub evidence: Vec<Evidence>,
    /// Registry facts of `manufacturer`, shared between the identifications that name it.
    pub vendor: Option<std::sync::Arc<VendorFacts>>,
    /// Version of the knowledge base that made this identification.
    pub kb_version: String,
}

impl Identification {
    /// An identification that says nothing is known.
    pub fn unknown(kb_version: impl Into<String>) -> Self {
        Self {
            manufacturer: None,
            reported_manufacturer: None,
            brand: None,
            model: None,
            firmware: None,
            device_type: DeviceType::Unknown,
            confidence: 0.0,
            evidence: Vec::new(),
            vendor: None,
            kb_version: kb_version.into(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn device_type_names_match_the_documented_vocabulary() {
        for t in DeviceType::ALL {
            assert_eq!(
                serde_json::to_string(&t).unwrap(),
                format!("\"{}\"", t.as_str())
            );
            assert_eq!(t.as_str().parse::<DeviceType>().unwrap(), t);
        }
        assert!(!DeviceType::Other.is_surveillance());
        assert!(DeviceType::Intercom.is_surveillance());
    }
}
