//! Dahua DHIP discovery replies (UDP 37810): an optional 32-byte binary header then JSON.

use serde_json::Value;

use crate::json::{find_object_start, first_value, member};
use crate::{MAX_INPUT, ParseError, error::check_len};

/// The first eight bytes of a DHIP header: `20 00 00 00` then `DHIP`.
pub const MAGIC: [u8; 8] = [0x20, 0, 0, 0, b'D', b'H', b'I', b'P'];
/// Length of the binary header.
pub const HEADER_LEN: usize = 32;

/// The device description in a `client.notifyDevInfo` reply.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct DhipReply {
    /// `method`, e.g. `client.notifyDevInfo`.
    pub method: Option<String>,
    /// `DeviceType` (the model, e.g. `IPC-HDW5421S`).
    pub device_type: Option<String>,
    /// `SerialNo`.
    pub serial: Option<String>,
    /// `mac` at the top level, or `MAC`/`Mac` inside deviceInfo.
    pub mac: Option<String>,
    /// `Version`.
    pub version: Option<String>,
    /// `Vendor` (`Dahua`, `General`, `Lorex`, `Private`...).
    pub vendor: Option<String>,
    /// `Manufacturer`.
    pub manufacturer: Option<String>,
    /// `DeviceClass` (`IPC`, `NVR`, `VTO`...).
    pub device_class: Option<String>,
    /// `MachineName`.
    pub machine_name: Option<String>,
}

/// Parses a DHIP reply, with or without the binary header (observations store it lossily as
/// UTF-8, so the JSON is found as the first `{` after the header or the magic).
pub fn parse_reply(input: &[u8]) -> Result<DhipReply, ParseError> {
    const WHAT: &str = "dhip.reply";
    check_len(WHAT, input, MAX_INPUT)?;
    let start = if input.starts_with(&MAGIC) {
        // The header is 32 bytes on the wire, longer once lossily decoded: skip to the JSON.
        find_object_start(input, MAGIC.len())
    } else {
        let trimmed = input
            .iter()
            .position(|b| !b.is_ascii_whitespace())
            .unwrap_or(input.len());
        (input.get(trimmed) == Some(&b'{')).then_some(trimmed)
    };
    let start = start.ok_or(ParseError::Malformed {
        what: WHAT,
        expected: "a DHIP header or a JSON object",
        offset: Some(0),
    })?;
    let value = first_value(WHAT, &input[start..])?;
    let info = value
        .pointer("/params/deviceInfo")
        .filter(|v| v.is_object())
        .ok_or(ParseError::Malformed {
            what: WHAT,
            expected: "params.deviceInfo",
            offset: Some(start),
        })?;
    let get = |key: &str| {
        member(info, key)
            .map(|s| s.trim().to_owned())
            .filter(|s| !s.is_empty())
    };
    let top_mac = member(&value, "mac").map(|s| s.into_owned());
    Ok(DhipReply {
        method: value
            .get("method")
            .and_then(Value::as_str)
            .map(str::to_owned),
        device_type: get("DeviceType"),
        serial: get("SerialNo"),
        mac: top_mac.or_else(|| get("MAC")),
        version: get("Version"),
        vendor: get("Vendor"),
        manufacturer: get("Manufacturer"),
        device_class: get("DeviceClass"),
        machine_name: get("MachineName"),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_a_captured_reply_with_header() {
        let mut raw = MAGIC.to_vec();
        raw.extend_from_slice(&[0u8; HEADER_LEN - 8]);
        raw.extend_from_slice(include_bytes!("../testdata/dahua_dhip_notifydevinfo.json"));
        raw.push(b'\n');
        let r = parse_reply(&raw).unwrap();
        assert_eq!(r.device_type.as_deref(), Some("IPC-HDW5421S"));
        assert_eq!(r.serial.as_deref(), Some("1F006E4PAX00075"));
        assert_eq!(r.mac.as_deref(), Some("4c:11:bf:c2:0b:9d"));
        assert_eq!(r.vendor.as_deref(), Some("Dahua"));
        assert_eq!(r.device_class.as_deref(), Some("IPC"));
        // Also without the header, and lossily decoded with a non-UTF-8 header.
        let json = include_bytes!("../testdata/dahua_dhip_notifydevinfo.json");
        assert_eq!(parse_reply(json).unwrap(), r);
    }

    #[test]
    fn errors_are_typed() {
        assert!(matches!(
            parse_reply(b"hello"),
            Err(ParseError::Malformed { .. })
        ));
        assert!(matches!(
            parse_reply(b"{\"params\":"),
            Err(ParseError::Json { .. })
        ));
        assert!(matches!(
            parse_reply(b"{\"params\":{}}"),
            Err(ParseError::Malformed { .. })
        ));
        let deep = format!("{}{}", "[".repeat(10_000), "]".repeat(10_000));
        assert!(parse_reply(format!("{{\"a\":{deep}}}").as_bytes()).is_err());
    }
}
