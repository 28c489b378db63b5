use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};

/// What an observation is: which protocol step or import produced its `value`.
///
/// The wire form (JSON, register, rules) is the dotted lowercase name, e.g. `http.server`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum ObservationKind {
    /// A MAC address, any common notation (`00:11:22:33:44:55`, `0011.2233.4455`, ...).
    #[serde(rename = "mac")]
    Mac,
    /// The value of an HTTP `Server` header.
    #[serde(rename = "http.server")]
    HttpServer,
    /// The text of an HTML `<title>`.
    #[serde(rename = "http.title")]
    HttpTitle,
    /// The value of an HTTP `WWW-Authenticate` header.
    #[serde(rename = "http.www_authenticate")]
    HttpWwwAuthenticate,
    /// An HTTP response body; `path` names the request path it answered.
    #[serde(rename = "http.body")]
    HttpBody,
    /// A whole raw HTTP response: status line, headers, body.
    #[serde(rename = "http.response")]
    HttpResponse,
    /// A certificate subject distinguished name, e.g. `CN=IPC, O=Hikvision`.
    #[serde(rename = "tls.subject")]
    TlsSubject,
    /// A certificate issuer distinguished name.
    #[serde(rename = "tls.issuer")]
    TlsIssuer,
    /// A whole certificate, PEM or base64 DER.
    #[serde(rename = "tls.cert")]
    TlsCert,
    /// The value of an RTSP `Server` header.
    #[serde(rename = "rtsp.server")]
    RtspServer,
    /// A whole raw RTSP response (status line, headers, optional body).
    #[serde(rename = "rtsp.response")]
    RtspResponse,
    /// An SDP body, as returned by RTSP DESCRIBE.
    #[serde(rename = "rtsp.sdp")]
    RtspSdp,
    /// Any ONVIF SOAP answer (GetDeviceInformation, GetScopes, GetCapabilities, ...).
    #[serde(rename = "onvif.response")]
    OnvifResponse,
    /// A WS-Discovery ProbeMatches message.
    #[serde(rename = "wsd.probe_match")]
    WsdProbeMatch,
    /// A Hikvision SADP inquiry reply (XML).
    #[serde(rename = "sadp.reply")]
    SadpReply,
    /// A Dahua DHIP discovery reply (JSON, optionally behind the binary DHIP header).
    #[serde(rename = "dhip.reply")]
    DhipReply,
    /// A XiongMai DVR-IP (NETsurveillance, port 34567) reply (JSON, optionally behind its header).
    #[serde(rename = "dvrip.reply")]
    DvripReply,
    /// An SSDP reply or NOTIFY (HTTP over UDP), or a UPnP device description XML.
    #[serde(rename = "ssdp.response")]
    SsdpResponse,
    /// An SSH identification string, e.g. `SSH-2.0-dropbear_2019.78`.
    #[serde(rename = "ssh.banner")]
    SshBanner,
    /// Whatever a telnet service printed first.
    #[serde(rename = "telnet.banner")]
    TelnetBanner,
    /// An FTP greeting, e.g. `220 DVR FTP server ready`.
    #[serde(rename = "ftp.banner")]
    FtpBanner,
    /// SNMP sysDescr.
    #[serde(rename = "snmp.sys_descr")]
    SnmpSysDescr,
    /// SNMP sysObjectID, dotted decimal.
    #[serde(rename = "snmp.sys_object_id")]
    SnmpSysObjectId,
    /// An SNMPv3 authoritative engine ID (RFC 3411 `SnmpEngineID`), lowercase hex, as a device
    /// reports it unauthenticated in answer to engine-ID discovery (RFC 3414 section 4).
    #[serde(rename = "snmp.engine_id")]
    SnmpEngineId,
    /// DHCP option 60 vendor class identifier.
    #[serde(rename = "dhcp.vendor_class")]
    DhcpVendorClass,
    /// A SIP `User-Agent` or `Server` header value.
    #[serde(rename = "sip.user_agent")]
    SipUserAgent,
}

impl ObservationKind {
    /// Every kind, in declaration order.
    pub const ALL: [ObservationKind; 26] = [
        Self::Mac,
        Self::HttpServer,
        Self::HttpTitle,
        Self::HttpWwwAuthenticate,
        Self::HttpBody,
        Self::HttpResponse,
        Self::TlsSubject,
        Self::TlsIssuer,
        Self::TlsCert,
        Self::RtspServer,
        Self::RtspResponse,
        Self::RtspSdp,
        Self::OnvifResponse,
        Self::WsdProbeMatch,
        Self::SadpReply,
        Self::DhipReply,
        Self::DvripReply,
        Self::SsdpResponse,
        Self::SshBanner,
        Self::TelnetBanner,
        Self::FtpBanner,
        Self::SnmpSysDescr,
        Self::SnmpSysObjectId,
        Self::SnmpEngineId,
        Self::DhcpVendorClass,
        Self::SipUserAgent,
    ];

    /// The dotted wire name, e.g. `http.server`.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Mac => "mac",
            Self::HttpServer => "http.server",
            Self::HttpTitle => "http.title",
            Self::HttpWwwAuthenticate => "http.www_authenticate",
            Self::HttpBody => "http.body",
            Self::HttpResponse => "http.response",
            Self::TlsSubject => "tls.subject",
            Self::TlsIssuer => "tls.issuer",
            Self::TlsCert => "tls.cert",
            Self::RtspServer => "rtsp.server",
            Self::RtspResponse => "rtsp.response",
            Self::RtspSdp => "rtsp.sdp",
            Self::OnvifResponse => "onvif.response",
            Self::WsdProbeMatch => "wsd.probe_match",
            Self::SadpReply => "sadp.reply",
            Self::DhipReply => "dhip.reply",
            Self::DvripReply => "dvrip.reply",
            Self::SsdpResponse => "ssdp.response",
            Self::SshBanner => "ssh.banner",
            Self::TelnetBanner => "telnet.banner",
            Self::FtpBanner => "ftp.banner",
            Self::SnmpSysDescr => "snmp.sys_descr",
            Self::SnmpSysObjectId => "snmp.sys_object_id",
            Self::SnmpEngineId => "snmp.engine_id",
            Self::DhcpVendorClass => "dhcp.vendor_class",
            Self::SipUserAgent => "sip.user_agent",
        }
    }
}

impl fmt::Display for ObservationKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// An observation kind name that camsweep does not know.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error(
    "unknown observation kind {0:?} (known kinds: mac, http.server, http.title, ...; see docs/observations.md)"
)]
pub struct ParseKindError(pub String);

impl FromStr for ObservationKind {
    type Err = ParseKindError;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Self::ALL
            .iter()
            .copied()
            .find(|k| k.as_str() == s)
            .ok_or_else(|| ParseKindError(s.to_owned()))
    }
}

/// One piece of raw evidence about one address.
///
/// This is the interchange format of the whole tool: the scanner and the lab write it, imports
/// produce it, `camsweep identify` reads it as JSON Lines, the register keeps it verbatim.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Observation {
    /// Grouping key: observations with the same `device` describe one device. Scanners use the
    /// address; imports may use an asset tag. `None` means "a device of its own".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub device: Option<String>,
    /// What produced `value`.
    pub kind: ObservationKind,
    /// The evidence exactly as received (text; binary replies are stored lossily as UTF-8).
    pub value: String,
    /// The request path that produced it (`http.body`, `http.response`, `onvif.response`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub path: Option<String>,
    /// The IP address the evidence came from.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub address: Option<String>,
    /// The port the evidence came from.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub port: Option<u16>,
    /// `tcp` or `udp`, where it matters.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub transport: Option<String>,
    /// Which probe, capture or import produced it (e.g. `scan/http`, `import/nmap`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
    /// When it was observed, RFC 3339.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub observed_at: Option<String>,
}

impl Observation {
    /// A bare observation of `kind` with `value` and no context.
    pub fn new(kind: ObservationKind, value: impl Into<String>) -> Self {
        Self {
            device: None,
            kind,
            value: value.into(),
            path: None,
            address: None,
            port: None,
            transport: None,
            source: None,
            observed_at: None,
        }
    }

    /// The same observation with a request path.
    pub fn with_path(mut self, path: impl Into<String>) -> Self {
        self.path = Some(path.into());
        self
    }

    /// The same observation grouped under `device`.
    pub fn with_device(mut self, device: impl Into<String>) -> Self {
        self.device = Some(device.into());
        self
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kind_names_round_trip_through_serde_and_from_str() {
        for kind in ObservationKind::ALL {
            let json = serde_json::to_string(&kind).unwrap();
            assert_eq!(json, format!("\"{}\"", kind.as_str()));
            let back: ObservationKind = serde_json::from_str(&json).unwrap();
            assert_eq!(back, kind);
            assert_eq!(kind.as_str().parse::<ObservationKind>().unwrap(), kind);
        }
    }

    #[test]
    fn unknown_kind_is_an_error_naming_it() {
        let err = "http.sever".parse::<ObservationKind>().unwrap_err();
        assert!(err.to_string().contains("http.sever"));
    }

    #[test]
    fn observation_rejects_unknown_fields() {
        let err = serde_json::from_str::<Observation>(r#"{"kind":"mac","value":"x","vaule":"y"}"#)
            .unwrap_err();
        assert!(err.to_string().contains("vaule"), "{err}");
    }

    #[test]
    fn observation_reads_the_minimal_line() {
        let o: Observation =
            serde_json::from_str(r#"{"device":"d1","kind":"http.server","value":"App-webs/"}"#)
                .unwrap();
        assert_eq!(o.kind, ObservationKind::HttpServer);
        assert_eq!(o.device.as_deref(), Some("d1"));
    }
}
