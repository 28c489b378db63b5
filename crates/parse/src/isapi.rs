//! Hikvision ISAPI answers: `/ISAPI/System/deviceInfo` and the status documents.

use crate::xml;
use crate::{MAX_INPUT, ParseError, error::check_len};

/// An ISAPI `<DeviceInfo>` document.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct DeviceInfo {
    /// `deviceName` (user-set, default `IP CAMERA`, `Network Video Recorder`...).
    pub device_name: Option<String>,
    /// `deviceID` (a UUID).
    pub device_id: Option<String>,
    /// `model`, e.g. `DS-2CD2142FWD-I`.
    pub model: Option<String>,
    /// `serialNumber` (Hikvision serials start with the model).
    pub serial_number: Option<String>,
    /// `macAddress`.
    pub mac_address: Option<String>,
    /// `firmwareVersion`, e.g. `V5.5.0`.
    pub firmware_version: Option<String>,
    /// `firmwareReleasedDate`, e.g. `build 170725`.
    pub firmware_released_date: Option<String>,
    /// `encoderVersion`.
    pub encoder_version: Option<String>,
    /// `deviceType`, e.g. `IPCamera`, `NVR`, `DVR`.
    pub device_type: Option<String>,
    /// `hardwareVersion`.
    pub hardware_version: Option<String>,
    /// `manufacturer`, present on some OEM firmware.
    pub manufacturer: Option<String>,
}

/// Parses an ISAPI `<DeviceInfo>` document. Another root element is an error.
pub fn parse_device_info(input: &str) -> Result<DeviceInfo, ParseError> {
    const WHAT: &str = "ISAPI DeviceInfo";
    check_len(WHAT, input.as_bytes(), MAX_INPUT)?;
    let (root, found) = xml::first_leaves(
        WHAT,
        input,
        [
            "deviceName",
            "deviceID",
            "model",
            "serialNumber",
            "macAddress",
            "firmwareVersion",
            "firmwareReleasedDate",
            "encoderVersion",
            "deviceType",
            "hardwareVersion",
            "manufacturer",
        ],
    )?;
    if root.as_deref() != Some("DeviceInfo") {
        return Err(ParseError::Malformed {
            what: WHAT,
            expected: "a <DeviceInfo> root element",
            offset: None,
        });
    }
    let [
        device_name,
        device_id,
        model,
        serial_number,
        mac_address,
        firmware_version,
        firmware_released_date,
        encoder_version,
        device_type,
        hardware_version,
        manufacturer,
    ] = found;
    Ok(DeviceInfo {
        device_name,
        device_id,
        model,
        serial_number,
        mac_address,
        firmware_version,
        firmware_released_date,
        encoder_version,
        device_type,
        hardware_version,
        manufacturer,
    })
}

/// An ISAPI status answer (`<ResponseStatus>`, `<userCheck>`): its root element name and the
/// status words it carries.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Status {
    /// Root element local name.
    pub root: String,
    /// `statusValue` (`200`, `401`...).
    pub status_value: Option<String>,
    /// `statusString` / `subStatusCode`.
    pub status_string: Option<String>,
}

/// Parses any small ISAPI XML answer for its root and status words.
pub fn parse_status(input: &str) -> Result<Status, ParseError> {
    const WHAT: &str = "ISAPI status";
    check_len(WHAT, input.as_bytes(), MAX_INPUT)?;
    let (root, [status_value, status_string, sub_status]) = xml::first_leaves(
        WHAT,
        input,
        ["statusValue", "statusString", "subStatusCode"],
    )?;
    let root = root.ok_or(ParseError::Malformed {
        what: WHAT,
        expected: "an XML element",
        offset: None,
    })?;
    Ok(Status {
        root,
        status_value,
        status_string: status_string.or(sub_status),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_device_info() {
        let info =
            parse_device_info(include_str!("../testdata/hikvision_isapi_deviceinfo.xml")).unwrap();
        assert!(
            info.model.as_deref().is_some_and(|m| m.starts_with("DS-")),
            "{info:?}"
        );
        assert!(info.serial_number.is_some());
        assert!(info.firmware_version.is_some());
    }

    #[test]
    fn other_roots_are_errors() {
        assert!(
            parse_device_info("<userCheck><statusValue>401</statusValue></userCheck>").is_err()
        );
        let s = parse_status("<userCheck><statusValue>401</statusValue><statusString>Unauthorized</statusString></userCheck>").unwrap();
        assert_eq!(s.root, "userCheck");
        assert_eq!(s.status_value.as_deref(), Some("401"));
    }
}
