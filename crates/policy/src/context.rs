//! The Rego `input` of every pack: one device with its place in the estate.

use camsweep_model::VendorFacts;
use serde::{Deserialize, Serialize};

use crate::PolicyError;

/// Everything a pack may look at for one device. Serialised as the Rego `input`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
pub struct DeviceContext {
    pub device: DeviceFacts,
    #[serde(default)]
    pub site: Option<SiteFacts>,
    #[serde(default)]
    pub network: Option<NetworkFacts>,
    #[serde(default)]
    pub organisation: Option<OrgFacts>,
    /// The evaluation date (ISO `YYYY-MM-DD`; a full RFC 3339 timestamp is accepted and cut to
    /// its date). Rules compare it with effective dates.
    pub now: String,
    /// What the equipment is used for, when known (the NDAA s.889 purpose qualifier):
    /// `public-safety`, `government-facilities-security`, `critical-infrastructure-surveillance`,
    /// `national-security`, or anything else for a non-qualifying purpose.
    #[serde(default)]
    pub purpose: Option<String>,
}

/// What identification says a device is.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DeviceFacts {
    pub id: String,
    #[serde(default)]
    pub address: Option<String>,
    /// Vendor id of the true manufacturer; `None` when the evidence supports none.
    #[serde(default)]
    pub manufacturer: Option<String>,
    #[serde(default)]
    pub brand: Option<String>,
    #[serde(default)]
    pub model: Option<String>,
    /// A `camsweep_model::DeviceType` name (`ip-camera`, `nvr`, ..., `other`, `unknown`).
    #[serde(default = "unknown_type")]
    pub device_type: String,
    /// 0..1, how strongly the evidence supports `manufacturer`.
    #[serde(default)]
    pub confidence: f64,
    /// Registry facts of the manufacturer: the lists it is on and its PRC-NIL status.
    #[serde(default)]
    pub vendor: Option<VendorFacts>,
    /// Date the device was deployed or first seen (ISO date).
    #[serde(default)]
    pub first_seen: Option<String>,
    /// Known-exploited vulnerabilities matched from the identified maker, model and firmware
    /// (the knowledge base's vulnerability pack), with how sure each match is.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub vulnerabilities: Vec<camsweep_model::VulnerabilityMatch>,
}

impl Default for DeviceFacts {
    fn default() -> Self {
        Self {
            id: String::new(),
            address: None,
            manufacturer: None,
            brand: None,
            model: None,
            device_type: unknown_type(),
            confidence: 0.0,
            vendor: None,
            first_seen: None,
            vulnerabilities: Vec::new(),
        }
    }
}

fn unknown_type() -> String {
    "unknown".to_owned()
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
pub struct SiteFacts {
    pub id: String,
    #[serde(default)]
    pub name: Option<String>,
    /// `sensitive` or `non-sensitive` (the HCWS386 definition).
    pub sensitivity: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
pub struct NetworkFacts {
    pub id: String,
    /// `core`, `isolated`, `other` or `unknown`.
    pub zone: String,
    /// Whether the network is reachable from the internet (the estate's `public_exposure`).
    #[serde(default)]
    pub public_exposure: bool,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
pub struct OrgFacts {
    pub id: String,
    /// Pack ids the organisation applies.
    #[serde(default)]
    pub policies: Vec<String>,
}

const SENSITIVITIES: [&str; 2] = ["sensitive", "non-sensitive"];
const ZONES: [&str; 4] = ["core", "isolated", "other", "unknown"];

impl DeviceContext {
    /// Checks the vocabulary and cuts dates to `YYYY-MM-DD`, so that packs can compare dates as
    /// strings. Errors name the device and the field.
    pub fn normalised(&self) -> Result<DeviceContext, PolicyError> {
        let mut ctx = self.clone();
        let bad = |field: &str, value: &str, why: &str| PolicyError::InvalidInput {
            device: self.device.id.clone(),
            field: field.to_owned(),
            message: format!("{value:?}: {why}"),
        };
        ctx.now = iso_date(&self.now).ok_or_else(|| bad("now", &self.now, "not an ISO date"))?;
        if let Some(seen) = &self.device.first_seen {
            ctx.device.first_seen = Some(
                iso_date(seen).ok_or_else(|| bad("device.first_seen", seen, "not an ISO date"))?,
            );
        }
        // Importers write "" for "no maker"; the packs must see it as unknown, never as a maker.
        if ctx
            .device
            .manufacturer
            .as_deref()
            .is_some_and(|m| m.trim().is_empty())
        {
            ctx.device.manufacturer = None;
        }
        if !self.device.confidence.is_finite() || !(0.0..=1.0).contains(&self.device.confidence) {
            return Err(bad(
                "device.confidence",
                &self.device.confidence.to_string(),
                "must be within 0..1",
            ));
        }
        if let Some(site) = &self.site
            && !SENSITIVITIES.contains(&site.sensitivity.as_str())
        {
            return Err(bad(
                "site.sensitivity",
                &site.sensitivity,
                "expected sensitive or non-sensitive",
            ));
        }
        if let Some(network) = &self.network
            && !ZONES.contains(&network.zone.as_str())
        {
            return Err(bad(
                "network.zone",
                &network.zone,
                "expected core, isolated, other or unknown",
            ));
        }
        if self
            .device
            .device_type
            .parse::<camsweep_model::DeviceType>()
            .is_err()
        {
            return Err(bad(
                "device.device_type",
                &self.device.device_type,
                "not a known device type",
            ));
        }
        Ok(ctx)
    }
}

/// `YYYY-MM-DD` from an ISO date or an RFC 3339 timestamp, if it is a real calendar date.
pub(crate) fn iso_date(text: &str) -> Option<String> {
    let date = text.get(..10)?;
    let format = time::macros::format_description!("[year]-[month]-[day]");
    time::Date::parse(date, format).ok()?;
    let rest = &text[10..];
    if rest.is_empty() || rest.starts_with('T') || rest.starts_with(' ') {
        Some(date.to_owned())
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_are_cut_to_the_day_and_nonsense_is_refused() {
        assert_eq!(iso_date("2023-01-05").as_deref(), Some("2023-01-05"));
        assert_eq!(
            iso_date("2023-01-05T10:00:00Z").as_deref(),
            Some("2023-01-05")
        );
        assert_eq!(iso_date("2023-02-30"), None);
        assert_eq!(iso_date("05/01/2023"), None);
        assert_eq!(iso_date("2023-01-05junk"), None);
        assert_eq!(iso_date("2023"), None);
    }

    #[test]
    fn bad_vocabulary_names_device_and_field() {
        let mut ctx = DeviceContext {
            now: "2026-01-01".into(),
            ..Default::default()
        };
        ctx.device.id = "cam-1".into();
        ctx.device.device_type = "ip-camera".into();
        ctx.site = Some(SiteFacts {
            id: "s".into(),
            name: None,
            sensitivity: "secret".into(),
        });
        let err = ctx.normalised().unwrap_err().to_string();
        assert!(
            err.contains("cam-1") && err.contains("site.sensitivity"),
            "{err}"
        );
    }
}
