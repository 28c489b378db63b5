//! XiongMai DVR-IP / NETsurveillance replies (TCP 34567): a 20-byte header `ff ...` then JSON.

use serde_json::Value;

use crate::json::{find_object_start, first_value, member};
use crate::{MAX_INPUT, ParseError, error::check_len};

/// Length of the binary header.
pub const HEADER_LEN: usize = 20;
/// First byte of the header.
pub const HEADER_MAGIC: u8 = 0xff;

/// What a DVR-IP reply says about the device (`SystemInfo`, `NetWork.NetCommon`, login).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct DvripReply {
    /// `Name` of the reply (`SystemInfo`, `NetWork.NetCommon`...).
    pub name: Option<String>,
    /// `Ret` code (100 = OK).
    pub ret: Option<String>,
    /// `HardWare` (board name, e.g. `HI3518E_50H10L_S39`).
    pub hardware: Option<String>,
    /// `SoftWareVersion`.
    pub software_version: Option<String>,
    /// `SerialNo`.
    pub serial: Option<String>,
    /// `DeviceType` (also `"DeviceType "` with a stray space, as XM firmware sends it).
    pub device_type: Option<String>,
    /// `DeviceModel`, where present.
    pub device_model: Option<String>,
    /// `MAC` from `NetWork.NetCommon`.
    pub mac: Option<String>,
    /// `HostName` from `NetWork.NetCommon`.
    pub host_name: Option<String>,
}

/// Parses a DVR-IP reply with or without its header.
pub fn parse_reply(input: &[u8]) -> Result<DvripReply, ParseError> {
    const WHAT: &str = "dvrip.reply";
    check_len(WHAT, input, MAX_INPUT)?;
    let start = if input.first() == Some(&HEADER_MAGIC) || input.starts_with("\u{fffd}".as_bytes())
    {
        // Lossy decoding makes the header longer than 20 bytes: look for the JSON, but only
        // a little way in.
        find_object_start(input, 1).filter(|&at| at <= HEADER_LEN * 3)
    } else {
        let trimmed = input
            .iter()
            .position(|b| !b.is_ascii_whitespace())
            .unwrap_or(input.len());
        (input.get(trimmed) == Some(&b'{')).then_some(trimmed)
    };
    let start = start.ok_or(ParseError::Malformed {
        what: WHAT,
        expected: "a DVR-IP header or a JSON object",
        offset: Some(0),
    })?;
    let value = first_value(WHAT, &input[start..])?;
    if !value.is_object() {
        return Err(ParseError::Malformed {
            what: WHAT,
            expected: "a JSON object",
            offset: Some(start),
        });
    }
    let name = member(&value, "Name").map(|s| s.into_owned());
    // The payload sits under its Name (`"SystemInfo": {...}`); `NetWork.NetCommon` as written.
    let mut scopes: Vec<&Value> = vec![&value];
    if let Some(inner) = name.as_deref().and_then(|n| value.get(n)) {
        scopes.push(inner);
    }
    for key in ["SystemInfo", "NetWork.NetCommon"] {
        if let Some(inner) = value.get(key) {
            scopes.push(inner);
        }
    }
    let find = |key: &str| {
        scopes
            .iter()
            .find_map(|scope| member(scope, key))
            .map(|s| s.trim().to_owned())
            .filter(|s| !s.is_empty())
    };
    Ok(DvripReply {
        ret: find("Ret"),
        hardware: find("HardWare"),
        software_version: find("SoftWareVersion"),
        serial: find("SerialNo"),
        device_type: find("DeviceType"),
        device_model: find("DeviceModel"),
        mac: find("MAC"),
        host_name: find("HostName"),
        name,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_login_reply_with_spaced_key() {
        let r = parse_reply(include_bytes!("../testdata/xiongmai_dvrip_login.json")).unwrap();
        assert_eq!(r.device_type.as_deref(), Some("HVR"));
        assert_eq!(r.ret.as_deref(), Some("100"));
    }

    #[test]
    fn parses_system_info_behind_header() {
        let mut raw = vec![
            0xff, 0x01, 0, 0, 0x51, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xfd, 0x03, 0, 0, 0, 0,
        ];
        raw.extend_from_slice(br#"{ "Name" : "SystemInfo", "Ret" : 100, "SessionID" : "0x51", "SystemInfo" : { "DeviceType" : 1, "HardWare" : "HI3518E_50H10L_S39", "SerialNo" : "f8bd4e5a2c1d3e4f", "SoftWareVersion" : "V4.02.R11.34500140.12001.130800.00000" } }"#);
        raw.extend_from_slice(b"\n\0");
        let r = parse_reply(&raw).unwrap();
        assert_eq!(r.hardware.as_deref(), Some("HI3518E_50H10L_S39"));
        assert_eq!(r.device_type.as_deref(), Some("1"));
        let lossy = String::from_utf8_lossy(&raw);
        assert_eq!(parse_reply(lossy.as_bytes()).unwrap(), r);
    }
}
