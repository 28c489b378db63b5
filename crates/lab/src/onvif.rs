//! ONVIF device service (SOAP over HTTP) and WS-Discovery answers. Message shapes follow the
//! ONVIF Core Specification and WSDLs (devicemgmt.wsdl, WS-Discovery 2005/04 as ONVIF uses it).

use crate::auth::{check_username_token, element_text};
use crate::device::Device;
use crate::http::Response;
use crate::profile::OnvifService;

const SOAP_CONTENT_TYPE: &str = "application/soap+xml; charset=utf-8";

const ENVELOPE_OPEN: &str = r#"<?xml version="1.0" encoding="UTF-8"?>
<env:Envelope xmlns:env="http://www.w3.org/2003/05/soap-envelope" xmlns:tt="http://www.onvif.org/ver10/schema" xmlns:tds="http://www.onvif.org/ver10/device/wsdl" xmlns:ter="http://www.onvif.org/ver10/error"><env:Body>"#;
const ENVELOPE_CLOSE: &str = "</env:Body></env:Envelope>";

/// The operation a SOAP request asks for: the local name of the first element in its Body.
fn operation(soap: &str) -> Option<String> {
    let body = element_text(soap, "Body")?;
    let start = body.find('<')? + 1;
    let end = start + body[start..].find(|c: char| c.is_whitespace() || c == '>' || c == '/')?;
    Some(body[start..end].rsplit(':').next()?.to_owned())
}

/// Answers one SOAP request to the device service.
pub(crate) fn respond(device: &Device, onvif: &OnvifService, body: &[u8]) -> Response {
    let soap = String::from_utf8_lossy(body);
    let Some(op) = operation(&soap) else {
        return fault(
            400,
            "env:Sender",
            "ter:WellFormed",
            "Malformed SOAP request",
        );
    };
    let authorized = check_username_token(&soap, device.credentials.as_ref());
    match op.as_str() {
        // Unauthenticated by the Core Specification's access classes (PRE_AUTH).
        "GetSystemDateAndTime" => ok(system_date_and_time()),
        "GetDeviceInformation" if authorized || !onvif.device_information_needs_auth => {
            ok(device.render(&format!(
                "<tds:GetDeviceInformationResponse><tds:Manufacturer>{}</tds:Manufacturer><tds:Model>{{model}}</tds:Model><tds:FirmwareVersion>{{firmware}}</tds:FirmwareVersion><tds:SerialNumber>{{serial}}</tds:SerialNumber><tds:HardwareId>{}</tds:HardwareId></tds:GetDeviceInformationResponse>",
                onvif.manufacturer, onvif.hardware_id
            )))
        }
        "GetScopes" if authorized => {
            let scopes: String = scopes(device, onvif)
                .iter()
                .map(|s| {
                    format!("<tds:Scopes><tt:ScopeDef>Fixed</tt:ScopeDef><tt:ScopeItem>{s}</tt:ScopeItem></tds:Scopes>")
                })
                .collect();
            ok(format!("<tds:GetScopesResponse>{scopes}</tds:GetScopesResponse>"))
        }
        "GetDeviceInformation" | "GetScopes" | "GetCapabilities" | "GetServices"
        | "GetNetworkInterfaces" | "GetUsers" => fault(
            400,
            "env:Sender",
            "ter:NotAuthorized",
            "Sender not Authorized",
        ),
        _ => fault(
            400,
            "env:Receiver",
            "ter:ActionNotSupported",
            "Optional Action Not Implemented",
        ),
    }
}

fn ok(inner: String) -> Response {
    Response::new(
        200,
        SOAP_CONTENT_TYPE,
        format!("{ENVELOPE_OPEN}{inner}{ENVELOPE_CLOSE}"),
    )
}

fn fault(status: u16, code: &str, subcode: &str, reason: &str) -> Response {
    Response::new(
        status,
        SOAP_CONTENT_TYPE,
        format!(
            "{ENVELOPE_OPEN}<env:Fault><env:Code><env:Value>{code}</env:Value><env:Subcode><env:Value>{subcode}</env:Value></env:Subcode></env:Code><env:Reason><env:Text xml:lang=\"en\">{reason}</env:Text></env:Reason></env:Fault>{ENVELOPE_CLOSE}"
        ),
    )
}

fn system_date_and_time() -> String {
    let now = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_secs())
        .unwrap_or(0);
    let (y, mo, d, h, mi, s) = civil_from_unix(now);
    format!(
        "<tds:GetSystemDateAndTimeResponse><tds:SystemDateAndTime><tt:DateTimeType>NTP</tt:DateTimeType><tt:DaylightSavings>false</tt:DaylightSavings><tt:TimeZone><tt:TZ>UTC0</tt:TZ></tt:TimeZone><tt:UTCDateTime><tt:Time><tt:Hour>{h}</tt:Hour><tt:Minute>{mi}</tt:Minute><tt:Second>{s}</tt:Second></tt:Time><tt:Date><tt:Year>{y}</tt:Year><tt:Month>{mo}</tt:Month><tt:Day>{d}</tt:Day></tt:Date></tt:UTCDateTime></tds:SystemDateAndTime></tds:GetSystemDateAndTimeResponse>"
    )
}

/// Unix seconds to (year, month, day, hour, minute, second), UTC (Howard Hinnant's algorithm).
fn civil_from_unix(secs: u64) -> (i64, u32, u32, u64, u64, u64) {
    let days = (secs / 86_400) as i64;
    let rem = secs % 86_400;
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let month = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    let year = yoe + era * 400 + i64::from(month <= 2);
    (year, month, day, rem / 3600, rem % 3600 / 60, rem % 60)
}

fn scopes(device: &Device, onvif: &OnvifService) -> Vec<String> {
    onvif.scopes.iter().map(|s| device.render(s)).collect()
}

/// A WS-Discovery ProbeMatches answering the Probe `probe` (unicast, to the prober).
pub(crate) fn probe_match(device: &Device, onvif: &OnvifService, probe: &str) -> Option<String> {
    let body = element_text(probe, "Body")?;
    element_text(body, "Probe")?;
    let relates_to = element_text(probe, "MessageID")
        .unwrap_or("")
        .trim()
        .to_owned();
    let scopes = scopes(device, onvif).join(" ");
    let message_id = format!("uuid:{}", crate::auth::nonce());
    Some(device.render_with(
        &format!(
            r#"<?xml version="1.0" encoding="UTF-8"?>
<env:Envelope xmlns:env="http://www.w3.org/2003/05/soap-envelope" xmlns:wsa="http://schemas.xmlsoap.org/ws/2004/08/addressing" xmlns:d="http://schemas.xmlsoap.org/ws/2005/04/discovery" xmlns:dn="http://www.onvif.org/ver10/network/wsdl" xmlns:tds="http://www.onvif.org/ver10/device/wsdl"><env:Header><wsa:MessageID>{message_id}</wsa:MessageID><wsa:RelatesTo>{{relates_to}}</wsa:RelatesTo><wsa:To env:mustUnderstand="true">http://schemas.xmlsoap.org/ws/2004/08/addressing/role/anonymous</wsa:To><wsa:Action env:mustUnderstand="true">http://schemas.xmlsoap.org/ws/2005/04/discovery/ProbeMatches</wsa:Action><d:AppSequence InstanceId="1" MessageNumber="1"/></env:Header><env:Body><d:ProbeMatches><d:ProbeMatch><wsa:EndpointReference><wsa:Address>urn:uuid:{{uuid}}</wsa:Address></wsa:EndpointReference><d:Types>{}</d:Types><d:Scopes>{scopes}</d:Scopes><d:XAddrs>http://{{address}}{}</d:XAddrs><d:MetadataVersion>1</d:MetadataVersion></d:ProbeMatch></d:ProbeMatches></env:Body></env:Envelope>"#,
            onvif.types, onvif.path
        ),
        &[("relates_to", &relates_to)],
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn civil_dates_are_right() {
        assert_eq!(civil_from_unix(0), (1970, 1, 1, 0, 0, 0));
        assert_eq!(civil_from_unix(1_709_208_000), (2024, 2, 29, 12, 0, 0));
    }

    #[test]
    fn operation_is_the_first_body_element() {
        let soap = r#"<s:Envelope xmlns:s="x"><s:Header/><s:Body><tds:GetDeviceInformation xmlns:tds="y"/></s:Body></s:Envelope>"#;
        assert_eq!(operation(soap).as_deref(), Some("GetDeviceInformation"));
        assert_eq!(operation("<nope"), None);
    }
}
