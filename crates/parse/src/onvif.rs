//! ONVIF SOAP answers and WS-Discovery ProbeMatches.

use crate::text::percent_decode;
use crate::xml::{self, XmlEvent};
use crate::{MAX_INPUT, ParseError, error::check_len};

/// Most scopes, XAddrs or types kept from one message.
const MAX_LIST: usize = 128;

/// What an ONVIF SOAP envelope (or a bare WS-Discovery ProbeMatch) says about a device.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct OnvifResponse {
    /// Local name of the first element in the SOAP Body, e.g. `GetDeviceInformationResponse`.
    pub operation: Option<String>,
    /// GetDeviceInformation `Manufacturer`.
    pub manufacturer: Option<String>,
    /// GetDeviceInformation `Model`.
    pub model: Option<String>,
    /// GetDeviceInformation `FirmwareVersion`.
    pub firmware: Option<String>,
    /// GetDeviceInformation `SerialNumber`.
    pub serial: Option<String>,
    /// GetDeviceInformation `HardwareId`.
    pub hardware: Option<String>,
    /// Scope URIs (GetScopes `ScopeItem`s, WS-Discovery `Scopes`).
    pub scopes: Vec<String>,
    /// Service addresses (WS-Discovery `XAddrs`, GetCapabilities/GetServices `XAddr`).
    pub xaddrs: Vec<String>,
    /// WS-Discovery `Types` (QNames such as `dn:NetworkVideoTransmitter`).
    pub types: Vec<String>,
    /// GetStreamUri `Uri`s.
    pub stream_uris: Vec<String>,
    /// A SOAP fault: the most specific code, then the reason text.
    pub fault: Vec<String>,
}

fn push_bounded(list: &mut Vec<String>, value: &str) {
    if list.len() < MAX_LIST && !value.is_empty() && !list.iter().any(|v| v == value) {
        list.push(value.to_owned());
    }
}

/// Parses any ONVIF SOAP answer or WS-Discovery message.
///
/// Namespace prefixes are ignored (devices use every prefix imaginable). An input with no
/// element at all is an error.
pub fn parse(input: &str) -> Result<OnvifResponse, ParseError> {
    const WHAT: &str = "onvif.response";
    check_len(WHAT, input.as_bytes(), MAX_INPUT)?;
    let mut r = OnvifResponse::default();
    let mut in_fault_depth: Option<usize> = None;
    let mut fault_code: Option<String> = None;
    let mut fault_reason: Option<String> = None;
    let root = xml::walk(WHAT, input, |event| match event {
        XmlEvent::Open {
            name,
            parent,
            depth,
        } => {
            if parent == "Body" && r.operation.is_none() {
                r.operation = Some(name.to_owned());
            }
            if name == "Fault" && in_fault_depth.is_none() {
                in_fault_depth = Some(depth);
            }
            // A ProbeMatch without a SOAP envelope (some tools store only the match).
            if depth == 1 && name != "Envelope" {
                r.operation.get_or_insert_with(|| name.to_owned());
            }
        }
        XmlEvent::Leaf { name, parent, text } => {
            let set = |slot: &mut Option<String>| {
                if slot.is_none() && !text.is_empty() {
                    *slot = Some(text.to_owned());
                }
            };
            match name {
                "Manufacturer" => set(&mut r.manufacturer),
                "Model" => set(&mut r.model),
                "FirmwareVersion" => set(&mut r.firmware),
                "SerialNumber" => set(&mut r.serial),
                "HardwareId" => set(&mut r.hardware),
                "ScopeItem" => push_bounded(&mut r.scopes, text),
                "Scopes" => {
                    for scope in text.split_ascii_whitespace() {
                        push_bounded(&mut r.scopes, scope);
                    }
                }
                "XAddrs" | "XAddr" => {
                    for xaddr in text.split_ascii_whitespace() {
                        push_bounded(&mut r.xaddrs, xaddr);
                    }
                }
                "Types" => {
                    for t in text.split_ascii_whitespace() {
                        push_bounded(&mut r.types, t);
                    }
                }
                // Media1 nests the Uri in MediaUri, Media2 puts it straight in the response;
                // GetSnapshotUri also answers a MediaUri but is not a stream.
                "Uri"
                    if (parent == "MediaUri"
                        || r.operation.as_deref() == Some("GetStreamUriResponse"))
                        && r.operation.as_deref() != Some("GetSnapshotUriResponse") =>
                {
                    push_bounded(&mut r.stream_uris, text);
                }
                // SOAP 1.2: Code/Value, Code/Subcode/Value (the last is most specific);
                // SOAP 1.1: faultcode, faultstring.
                "Value" | "faultcode" if in_fault_depth.is_some() => {
                    fault_code = Some(text.to_owned());
                }
                "Text" | "faultstring" if in_fault_depth.is_some() => {
                    fault_reason.get_or_insert_with(|| text.to_owned());
                }
                _ => {}
            }
        }
    })?;
    if root.is_none() {
        return Err(ParseError::Malformed {
            what: WHAT,
            expected: "an XML element",
            offset: None,
        });
    }
    r.fault.extend(fault_code.filter(|c| !c.is_empty()));
    r.fault.extend(fault_reason.filter(|c| !c.is_empty()));
    Ok(r)
}

/// Splits an ONVIF scope URI `onvif://www.onvif.org/<key>/<value...>` into its lowercase key
/// and URL-decoded value. Other scope URIs give `None`.
pub fn scope_key_value(scope: &str) -> Option<(String, String)> {
    let rest = scope
        .strip_prefix("onvif://www.onvif.org/")
        .or_else(|| scope.strip_prefix("ONVIF://www.onvif.org/"))?;
    let (key, value) = rest.split_once('/').unwrap_or((rest, ""));
    if key.is_empty()
        || !key
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'_' || b == b'-')
    {
        return None;
    }
    Some((key.to_ascii_lowercase(), percent_decode(value).into_owned()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stream_uri() {
        let r = parse(include_str!("../testdata/dahua_onvif_streamuri.xml")).unwrap();
        assert_eq!(r.operation.as_deref(), Some("GetStreamUriResponse"));
        assert_eq!(
            r.stream_uris,
            vec![
                "rtsp://192.168.1.123:554/cam/realmonitor?channel=1&subtype=1&unicast=true&proto=Onvif"
            ]
        );
    }

    #[test]
    fn scope_split() {
        assert_eq!(
            scope_key_value("onvif://www.onvif.org/name/HIKVISION%20DS-2CD2142FWD-I"),
            Some(("name".into(), "HIKVISION DS-2CD2142FWD-I".into()))
        );
        assert_eq!(
            scope_key_value("onvif://www.onvif.org/MAC/bc:ad:28:00:00:01"),
            Some(("mac".into(), "bc:ad:28:00:00:01".into()))
        );
        assert_eq!(scope_key_value("http://example/x"), None);
    }

    #[test]
    fn soap_fault() {
        let fault = r#"<env:Envelope xmlns:env="http://www.w3.org/2003/05/soap-envelope" xmlns:ter="http://www.onvif.org/ver10/error"><env:Body><env:Fault><env:Code><env:Value>env:Sender</env:Value><env:Subcode><env:Value>ter:NotAuthorized</env:Value></env:Subcode></env:Code><env:Reason><env:Text xml:lang="en">Sender not Authorized</env:Text></env:Reason></env:Fault></env:Body></env:Envelope>"#;
        let r = parse(fault).unwrap();
        assert_eq!(r.operation.as_deref(), Some("Fault"));
        assert_eq!(r.fault, vec!["ter:NotAuthorized", "Sender not Authorized"]);
    }
}
