//! Hikvision SADP discovery replies (XML `<ProbeMatch>` on UDP 37020).

use crate::xml;
use crate::{MAX_INPUT, ParseError, error::check_len};

/// A SADP `<ProbeMatch>`.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SadpReply {
    /// `DeviceType` (a numeric code).
    pub device_type: Option<String>,
    /// `DeviceDescription` (the model, e.g. `DS-2CD2032-I`).
    pub device_description: Option<String>,
    /// `DeviceSN` (model + serial).
    pub device_sn: Option<String>,
    /// `MAC` (`44-19-b6-...`).
    pub mac: Option<String>,
    /// `SoftwareVersion` (`V5.4.5build 170124`).
    pub software_version: Option<String>,
    /// `DSPVersion`.
    pub dsp_version: Option<String>,
    /// `IPv4Address`.
    pub ipv4_address: Option<String>,
    /// `Activated` (`true`/`false`).
    pub activated: Option<String>,
}

/// Parses a SADP reply. The root element must be `ProbeMatch`.
pub fn parse_reply(input: &str) -> Result<SadpReply, ParseError> {
    const WHAT: &str = "sadp.reply";
    check_len(WHAT, input.as_bytes(), MAX_INPUT)?;
    let (root, found) = xml::first_leaves(
        WHAT,
        input,
        [
            "DeviceType",
            "DeviceDescription",
            "DeviceSN",
            "MAC",
            "SoftwareVersion",
            "DSPVersion",
            "IPv4Address",
            "Activated",
        ],
    )?;
    if root.as_deref() != Some("ProbeMatch") {
        return Err(ParseError::Malformed {
            what: WHAT,
            expected: "a <ProbeMatch> root element",
            offset: None,
        });
    }
    let [
        device_type,
        device_description,
        device_sn,
        mac,
        software_version,
        dsp_version,
        ipv4_address,
        activated,
    ] = found;
    Ok(SadpReply {
        device_type,
        device_description,
        device_sn,
        mac,
        software_version,
        dsp_version,
        ipv4_address,
        activated,
    })
}
