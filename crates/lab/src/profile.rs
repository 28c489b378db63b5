//! The profile catalogue: one firmware family and era each, kept as data in `profiles/*.toml`
//! and embedded in the binary. Each profile names the public sources its behaviour is modelled on
//! and lists, under `guesses`, every detail that is not backed by one.

use std::sync::OnceLock;

use camsweep_model::DeviceType;
use serde::{Deserialize, Serialize};

use crate::LabError;

/// One emulated firmware family.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Profile {
    pub id: String,
    pub description: String,
    /// KB vendor id of the true maker; `None` for hosts whose maker the lab does not claim.
    #[serde(default)]
    pub manufacturer: Option<String>,
    /// The label the maker sells it under by default.
    #[serde(default)]
    pub brand: Option<String>,
    pub device_type: DeviceType,
    /// Model strings this family reports; a generated device picks one.
    #[serde(default)]
    pub models: Vec<String>,
    #[serde(default)]
    pub firmwares: Vec<String>,
    /// Serial shape: `#` a digit, `@` an upper-case letter or digit, `{model}` the model.
    #[serde(default)]
    pub serial_format: String,
    /// IEEE OUI prefixes of the maker (from `/usr/share/ieee-data/oui.csv`), `aa:bb:cc`.
    #[serde(default)]
    pub mac_prefixes: Vec<String>,
    /// HTML title / product title, `{title}` in templates; relabels override it.
    #[serde(default)]
    pub title: String,
    /// Default device name, `{name}` in templates.
    #[serde(default)]
    pub name: String,
    /// Relative weight when generating a mixed estate (0: only used when named in a spec).
    #[serde(default)]
    pub weight: u32,
    /// Public sources this profile's behaviour is modelled on.
    pub sources: Vec<String>,
    /// Details that are guesses, not taken from a source.
    #[serde(default)]
    pub guesses: Vec<String>,
    #[serde(default)]
    pub hostile: Option<HostileSpec>,
    #[serde(default)]
    pub http: Option<HttpService>,
    #[serde(default)]
    pub tls: Option<TlsService>,
    #[serde(default)]
    pub rtsp: Option<RtspService>,
    #[serde(default)]
    pub onvif: Option<OnvifService>,
    #[serde(default)]
    pub banners: Vec<BannerService>,
    #[serde(default)]
    pub sdk: Vec<SdkService>,
    #[serde(default)]
    pub discovery: Vec<Discovery>,
    #[serde(default)]
    pub ssdp: Option<SsdpService>,
    #[serde(default)]
    pub snmp: Option<SnmpService>,
    #[serde(default)]
    pub relabels: Vec<Relabel>,
}

/// A hostile behaviour and the ports it takes over.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct HostileSpec {
    pub behaviour: Hostile,
    pub ports: Vec<u16>,
}

/// What a hostile device does instead of answering properly.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Hostile {
    /// Accepts the connection and never sends a byte.
    Stall,
    /// Sends a valid HTTP response one byte a second.
    Drip,
    /// Sends `200 OK` without a length and a body that never ends.
    EndlessBody,
    /// Sends a header block of several megabytes.
    GiganticHeaders,
    /// Answers SOAP with a billion-laughs entity expansion.
    XmlBomb,
    /// Sends bytes that are not HTTP though they start like it.
    MalformedHttp,
    /// Answers a TLS ClientHello with random bytes.
    TlsGarbage,
    /// Sends half a response, then resets the connection.
    ResetMidResponse,
    /// RTSP that answers every request with a redirect to another path of itself.
    RtspRedirectLoop,
}

impl Hostile {
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Stall => "stall",
            Self::Drip => "drip",
            Self::EndlessBody => "endless-body",
            Self::GiganticHeaders => "gigantic-headers",
            Self::XmlBomb => "xml-bomb",
            Self::MalformedHttp => "malformed-http",
            Self::TlsGarbage => "tls-garbage",
            Self::ResetMidResponse => "reset-mid-response",
            Self::RtspRedirectLoop => "rtsp-redirect-loop",
        }
    }
}

/// An HTTP challenge as the firmware sends it.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AuthChallenge {
    pub scheme: AuthScheme,
    /// Realm template, e.g. `IP Camera({serial_tail})`.
    pub realm: String,
    /// The whole `WWW-Authenticate` value as the firmware formats it; `{realm}` and `{nonce}`
    /// are filled in.
    pub header: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum AuthScheme {
    Basic,
    Digest,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct HttpService {
    pub ports: Vec<u16>,
    #[serde(default)]
    pub server: Option<String>,
    /// Headers sent on every response, besides `Server`.
    #[serde(default)]
    pub headers: Vec<[String; 2]>,
    #[serde(default)]
    pub auth: Option<AuthChallenge>,
    /// Body of a 401.
    #[serde(default)]
    pub unauthorized_body: String,
    #[serde(default = "default_not_found")]
    pub not_found_body: String,
    pub routes: Vec<Route>,
}

fn default_not_found() -> String {
    "<html><head><title>404 Not Found</title></head><body>Not Found</body></html>".into()
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Route {
    /// Request target, path with optional query; a route with a query matches only that query.
    pub path: String,
    #[serde(default = "default_status")]
    pub status: u16,
    #[serde(default = "default_content_type")]
    pub content_type: String,
    #[serde(default)]
    pub headers: Vec<[String; 2]>,
    #[serde(default)]
    pub body: String,
    /// Whether the service's `auth` challenge guards this route.
    #[serde(default)]
    pub protected: bool,
}

fn default_status() -> u16 {
    200
}
fn default_content_type() -> String {
    "text/html".into()
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TlsService {
    pub ports: Vec<u16>,
    /// Subject (= issuer: vendor defaults are self-signed) as `[attribute, value]`:
    /// C, ST, L, O, OU, CN.
    pub subject: Vec<[String; 2]>,
    #[serde(default = "default_validity_days")]
    pub validity_days: u32,
}

fn default_validity_days() -> u32 {
    3650
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RtspService {
    pub ports: Vec<u16>,
    #[serde(default)]
    pub server: Option<String>,
    #[serde(default)]
    pub auth: Option<AuthChallenge>,
    pub public: String,
    /// SDP served to DESCRIBE once authorised (or always, without `auth`).
    pub sdp: String,
    #[serde(default)]
    pub headers: Vec<[String; 2]>,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct OnvifService {
    #[serde(default = "default_onvif_path")]
    pub path: String,
    pub manufacturer: String,
    #[serde(default)]
    pub hardware_id: String,
    /// Whether GetDeviceInformation needs a WS-UsernameToken (most current firmware: yes).
    #[serde(default = "yes")]
    pub device_information_needs_auth: bool,
    pub scopes: Vec<String>,
    #[serde(default = "default_wsd_types")]
    pub types: String,
}

fn default_onvif_path() -> String {
    "/onvif/device_service".into()
}
fn default_wsd_types() -> String {
    "dn:NetworkVideoTransmitter tds:Device".into()
}
fn yes() -> bool {
    true
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct BannerService {
    pub port: u16,
    pub protocol: BannerProtocol,
    /// Sent on connect (CRLF line endings are the profile's business).
    pub text: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum BannerProtocol {
    Ssh,
    Telnet,
    Ftp,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SdkService {
    pub port: u16,
    pub protocol: SdkProtocol,
    /// DVR-IP only: the `DeviceType ` value of the login reply.
    #[serde(default)]
    pub dvrip_device_type: String,
    #[serde(default)]
    pub dvrip_channels: u32,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum SdkProtocol {
    /// Hikvision SDK port 8000: accepts, reads, answers nothing the lab can source.
    Hikvision,
    /// Dahua SDK port 37777: accepts, reads, answers nothing the lab can source.
    Dahua,
    /// XiongMai NETsurveillance DVR-IP on 34567: answers a login request.
    Dvrip,
    /// Another vendor's proprietary port that accepts and stays silent to an unknown client.
    Silent,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Discovery {
    /// Hikvision SADP, UDP 37020.
    Sadp,
    /// Dahua DHIP, UDP 37810.
    Dhip,
    /// ONVIF WS-Discovery, UDP 3702.
    WsDiscovery,
    /// SSDP, UDP 1900.
    Ssdp,
    /// An SNMP agent, UDP 161 (needs `[snmp]`).
    Snmp,
}

impl Discovery {
    pub fn port(self) -> u16 {
        match self {
            Self::Sadp => 37020,
            Self::Dhip => 37810,
            Self::WsDiscovery => 3702,
            Self::Ssdp => 1900,
            Self::Snmp => 161,
        }
    }
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SsdpService {
    pub server: String,
    pub st: String,
    #[serde(default = "default_ssdp_location")]
    pub location: String,
}

/// An SNMP agent: SNMPv3 engine-ID discovery answered with an engine ID of the maker's
/// enterprise number (RFC 3411 section 5); SNMPv2c GETs answered only for `community`.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SnmpService {
    /// The enterprise number in the engine ID's first four octets.
    pub engine_enterprise: u32,
    /// The engine ID's format: `mac` (the device's MAC, format 3) or `text` (format 4,
    /// `engine_text`).
    #[serde(default)]
    pub engine_format: SnmpEngineFormat,
    /// Text of a `text` engine ID (template, at most 27 bytes once rendered).
    #[serde(default)]
    pub engine_text: Option<String>,
    /// The only SNMPv2c community the agent answers; `None`: SNMPv2c is off.
    #[serde(default)]
    pub community: Option<String>,
    /// sysDescr.0 (template).
    pub sys_descr: String,
    /// sysObjectID.0, dotted.
    pub sys_object_id: String,
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum SnmpEngineFormat {
    #[default]
    Mac,
    Text,
}

fn default_ssdp_location() -> String {
    "http://{address}:80/upnpdevicedesc.xml".into()
}

/// A brand applied to the maker's firmware: changes what a relabel changes (title, model
/// strings, sometimes the MAC prefix) and nothing else.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Relabel {
    pub brand: String,
    #[serde(default)]
    pub models: Vec<String>,
    #[serde(default)]
    pub title: Option<String>,
    #[serde(default)]
    pub mac_prefixes: Vec<String>,
    /// Where the maker/brand pairing is stated.
    pub source: String,
    /// What about this relabel is a guess.
    #[serde(default)]
    pub guess: Option<String>,
}

impl Profile {
    /// TCP ports this profile serves (sorted, unique).
    pub fn tcp_ports(&self) -> Vec<u16> {
        let mut ports = Vec::new();
        if let Some(http) = &self.http {
            ports.extend(&http.ports);
        }
        if let Some(tls) = &self.tls {
            ports.extend(&tls.ports);
        }
        if let Some(rtsp) = &self.rtsp {
            ports.extend(&rtsp.ports);
        }
        ports.extend(self.banners.iter().map(|b| b.port));
        ports.extend(self.sdk.iter().map(|s| s.port));
        if let Some(h) = &self.hostile {
            ports.extend(&h.ports);
        }
        ports.sort_unstable();
        ports.dedup();
        ports
    }

    /// UDP ports this profile answers on (sorted, unique).
    pub fn udp_ports(&self) -> Vec<u16> {
        let mut ports: Vec<u16> = self.discovery.iter().map(|d| d.port()).collect();
        ports.sort_unstable();
        ports.dedup();
        ports
    }

    fn check(&self, file: &str) -> Result<(), LabError> {
        let bad = |message: String| LabError::Profile {
            file: file.to_owned(),
            message,
        };
        if self.sources.is_empty() {
            return Err(bad(format!("profile {} cites no source", self.id)));
        }
        if self.tcp_ports().is_empty() && self.discovery.is_empty() {
            return Err(bad(format!(
                "profile {} serves no TCP port and answers no discovery",
                self.id
            )));
        }
        if self.discovery.contains(&Discovery::Snmp) {
            let Some(snmp) = &self.snmp else {
                return Err(bad(format!(
                    "profile {} answers SNMP but has no [snmp]",
                    self.id
                )));
            };
            if camsweep_parse::snmp::parse_dotted_oid(&snmp.sys_object_id).is_none() {
                return Err(bad(format!(
                    "profile {}: sys_object_id {:?} is not a dotted OID",
                    self.id, snmp.sys_object_id
                )));
            }
            if snmp.engine_format == SnmpEngineFormat::Text && snmp.engine_text.is_none() {
                return Err(bad(format!(
                    "profile {}: a text engine ID needs engine_text",
                    self.id
                )));
            }
        }
        if self.discovery.contains(&Discovery::Ssdp) && self.ssdp.is_none() {
            return Err(bad(format!(
                "profile {} answers SSDP but has no [ssdp]",
                self.id
            )));
        }
        if self.discovery.contains(&Discovery::WsDiscovery) && self.onvif.is_none() {
            return Err(bad(format!(
                "profile {} answers WS-Discovery but has no [onvif]",
                self.id
            )));
        }
        for prefix in self
            .mac_prefixes
            .iter()
            .chain(self.relabels.iter().flat_map(|r| &r.mac_prefixes))
        {
            if crate::spec::parse_mac_prefix(prefix).is_none() {
                return Err(bad(format!(
                    "profile {}: MAC prefix {prefix:?} is not aa:bb:cc",
                    self.id
                )));
            }
        }
        Ok(())
    }
}

const EMBEDDED: &[(&str, &str)] = &[
    ("hikvision.toml", include_str!("../profiles/hikvision.toml")),
    ("dahua.toml", include_str!("../profiles/dahua.toml")),
    ("asia.toml", include_str!("../profiles/asia.toml")),
    ("western.toml", include_str!("../profiles/western.toml")),
    ("hosts.toml", include_str!("../profiles/hosts.toml")),
    ("hostile.toml", include_str!("../profiles/hostile.toml")),
];

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ProfileFile {
    profile: Vec<Profile>,
}

/// Parses the embedded catalogue (used by [`profiles`] and by the catalogue test).
pub fn load_embedded() -> Result<Vec<Profile>, LabError> {
    let mut all: Vec<Profile> = Vec::new();
    for (file, text) in EMBEDDED {
        let parsed: ProfileFile = toml::from_str(text).map_err(|e| LabError::Profile {
            file: (*file).to_owned(),
            message: e.to_string(),
        })?;
        for profile in parsed.profile {
            profile.check(file)?;
            if all.iter().any(|p| p.id == profile.id) {
                return Err(LabError::Profile {
                    file: (*file).to_owned(),
                    message: format!("duplicate profile id {}", profile.id),
                });
            }
            all.push(profile);
        }
    }
    Ok(all)
}

/// The catalogue, with sources. The embedded data is checked by this crate's tests, so a broken
/// catalogue cannot ship; should it ever fail to parse, the catalogue is empty and every spec
/// naming a profile fails with [`LabError::UnknownProfile`].
pub fn profiles() -> &'static [Profile] {
    static CATALOGUE: OnceLock<Vec<Profile>> = OnceLock::new();
    CATALOGUE.get_or_init(|| load_embedded().unwrap_or_default())
}

/// The profile with this id.
pub fn profile(id: &str) -> Option<&'static Profile> {
    profiles().iter().find(|p| p.id == id)
}

impl Profile {
    /// The SADP `DeviceType` code for this family. Hikvision's code table is not public; these
    /// values are the ones public SADP captures show for cameras and recorders (a guess for other
    /// types).
    pub(crate) fn device_type_code(&self) -> &'static str {
        match self.device_type {
            DeviceType::Nvr => "30003",
            DeviceType::Dvr => "30002",
            _ => "20016",
        }
    }

    /// The DHIP `DeviceClass` word for this family.
    pub(crate) fn dhip_class(&self) -> &'static str {
        match self.device_type {
            DeviceType::Nvr => "NVR",
            DeviceType::Dvr => "XVR",
            DeviceType::Intercom => "VTO",
            _ => "IPC",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn embedded_catalogue_loads_and_covers_the_families() {
        let all = load_embedded().unwrap();
        assert!(all.len() >= 30, "{} profiles", all.len());
        for maker in [
            "hikvision",
            "dahua",
            "uniview",
            "xiongmai",
            "tvt",
            "axis",
            "hanwha",
            "bosch",
            "avigilon",
            "mobotix",
            "vivotek",
            "i-pro",
            "ubiquiti",
            "reolink",
        ] {
            assert!(
                all.iter().any(|p| p.manufacturer.as_deref() == Some(maker)),
                "no profile for {maker}"
            );
        }
        for behaviour in [
            "stall",
            "drip",
            "endless-body",
            "gigantic-headers",
            "xml-bomb",
            "malformed-http",
            "tls-garbage",
            "reset-mid-response",
            "rtsp-redirect-loop",
        ] {
            assert!(
                all.iter().any(|p| p
                    .hostile
                    .as_ref()
                    .is_some_and(|h| h.behaviour.as_str() == behaviour)),
                "no hostile {behaviour}"
            );
        }
        assert_eq!(profiles().len(), all.len());
    }

    #[test]
    fn every_mac_prefix_is_in_the_ieee_registry_when_it_is_installed() {
        let Ok(registry) = std::fs::read_to_string("/usr/share/ieee-data/oui.csv") else {
            return; // the registry package is not installed here; the prefixes were checked with it
        };
        for p in profiles() {
            for prefix in p
                .mac_prefixes
                .iter()
                .chain(p.relabels.iter().flat_map(|r| &r.mac_prefixes))
            {
                let key = format!(",{},", prefix.replace(':', "").to_uppercase());
                assert!(
                    registry.contains(&key),
                    "{}: {prefix} is not an IEEE MA-L prefix",
                    p.id
                );
            }
        }
    }
}
