//! Dahua CGI `key=value` answers (`magicBox.cgi`, `configManager.cgi`...).

use crate::{MAX_INPUT, ParseError, error::check_len};

/// Most pairs kept from one answer.
const MAX_PAIRS: usize = 4096;

/// Parses a Dahua CGI answer into `(key, value)` pairs in order.
///
/// Every non-empty line must be `key=value` with a key of letters, digits and `._[]-`; anything
/// else (an HTML error page, prose) is an error, so this doubles as the content sniff.
pub fn parse(input: &str) -> Result<Vec<(&str, &str)>, ParseError> {
    const WHAT: &str = "Dahua CGI answer";
    check_len(WHAT, input.as_bytes(), MAX_INPUT)?;
    let mut pairs = Vec::new();
    let mut offset = 0;
    for raw_line in input.split_inclusive('\n') {
        let line_offset = offset;
        offset += raw_line.len();
        let line = raw_line.trim();
        if line.is_empty() {
            continue;
        }
        let Some((key, value)) = line.split_once('=') else {
            return Err(ParseError::malformed(WHAT, "a key=value line", line_offset));
        };
        let key_ok = !key.is_empty()
            && key.as_bytes()[0].is_ascii_alphabetic()
            && key.bytes().all(|b| {
                b.is_ascii_alphanumeric() || matches!(b, b'.' | b'_' | b'[' | b']' | b'-')
            });
        if !key_ok {
            return Err(ParseError::malformed(
                WHAT,
                "a key of letters, digits and ._[]-",
                line_offset,
            ));
        }
        if pairs.len() == MAX_PAIRS {
            return Err(ParseError::LimitExceeded {
                what: WHAT,
                limit_name: "key=value lines",
                limit: MAX_PAIRS,
                offset: Some(line_offset),
            });
        }
        pairs.push((key, value.trim()));
    }
    if pairs.is_empty() {
        return Err(ParseError::Malformed {
            what: WHAT,
            expected: "at least one key=value line",
            offset: None,
        });
    }
    Ok(pairs)
}

/// Maps a Dahua CGI key to a canonical field, for the keys that identify a device.
pub(crate) fn field_for(key: &str) -> Option<&'static str> {
    use camsweep_model::field as f;
    Some(match key {
        // getSystemInfo
        "deviceType" => f::DEVICE_MODEL,
        "serialNumber" => f::DEVICE_SERIAL,
        "hardwareVersion" => f::DEVICE_HARDWARE,
        // getSoftwareVersion
        "version" => f::DEVICE_FIRMWARE,
        // getDeviceType
        "type" => f::DEVICE_MODEL,
        // getVendor
        "vendor" => f::DEVICE_VENDOR,
        // getMachineName
        "name" => f::DEVICE_NAME,
        // getDeviceClass
        "class" => f::DEVICE_TYPE,
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_get_system_info() {
        let pairs = parse(include_str!("../testdata/dahua_magicbox_getsysteminfo.txt")).unwrap();
        assert!(pairs.contains(&("deviceType", "IPC-HDW5831R-ZE")));
        assert!(pairs.contains(&("serialNumber", "4X7C5A1ZAG21L3F")));
        let pairs = parse(include_str!("../testdata/dahua_configmanager_lighting.txt")).unwrap();
        assert_eq!(pairs.len(), 7);
    }

    #[test]
    fn rejects_other_text() {
        assert!(parse("<html><body>Error</body></html>").is_err());
        assert!(parse("Error\r\nBad Request!").is_err());
        assert!(parse("\n\n").is_err());
    }
}
