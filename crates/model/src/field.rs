//! Canonical field names: what parsers extract from an observation and what fingerprint rules
//! match on.
//!
//! Every observation is turned by `camsweep-parse` into a list of `(field, value)` pairs. A field
//! means the same thing whatever protocol it came from, so one rule (say `device.model` matches
//! `^DS-2CD`) reads ISAPI, ONVIF, SADP and UPnP answers alike. The observation kind that carried a
//! field is kept beside it, so rules may still restrict themselves to a kind.
//!
//! Names are lowercase and dotted. A parser may emit a field not listed here (documented in the
//! parser), but these are the ones rules are written against.

/// The raw value of an observation, always present.
pub const RAW: &str = "raw";

// --- Identity claims a device makes about itself (ISAPI, Dahua CGI, ONVIF, SADP, DHIP, DVR-IP,
// --- UPnP, SNMP). These are the strongest evidence a device offers.
/// The manufacturer the device names (ONVIF `Manufacturer`, UPnP `manufacturer`, ...).
pub const DEVICE_MANUFACTURER: &str = "device.manufacturer";
/// The model the device names (ISAPI `model`, ONVIF `Model`, SADP `DeviceDescription`, ...).
pub const DEVICE_MODEL: &str = "device.model";
/// Firmware version string.
pub const DEVICE_FIRMWARE: &str = "device.firmware";
/// Serial number (Hikvision serials embed the model; Dahua serials are 15 characters).
pub const DEVICE_SERIAL: &str = "device.serial";
/// Hardware id or version (ONVIF `HardwareId`, Dahua `hardwareVersion`).
pub const DEVICE_HARDWARE: &str = "device.hardware";
/// The device's own type word (ISAPI `deviceType`, Dahua `deviceType`, SADP `DeviceType`).
pub const DEVICE_TYPE: &str = "device.type";
/// The user-set or default device name (ISAPI `deviceName`, ONVIF scope `name`, UPnP
/// `friendlyName`).
pub const DEVICE_NAME: &str = "device.name";
/// A MAC address the device reports about itself, normalised `aa:bb:cc:dd:ee:ff`.
pub const DEVICE_MAC: &str = "device.mac";
/// Vendor-specific build or encoder version (ISAPI `encoderVersion`, SADP `DSPVersion`).
pub const DEVICE_BUILD: &str = "device.build";
/// A vendor or OEM word the device reports that is not a manufacturer claim (DHIP `Vendor`).
pub const DEVICE_VENDOR: &str = "device.vendor";
/// A URL the device gives for its maker (UPnP `manufacturerURL`).
pub const DEVICE_MANUFACTURER_URL: &str = "device.manufacturer_url";

// --- MAC address (from the neighbour table, DHCP, an import).
/// A MAC address, normalised lowercase `aa:bb:cc:dd:ee:ff`.
pub const MAC: &str = "mac";

// --- HTTP.
/// HTTP status code, e.g. `401`.
pub const HTTP_STATUS: &str = "http.status";
/// `Server` header.
pub const HTTP_SERVER: &str = "http.server";
/// HTML title text, whitespace-collapsed.
pub const HTTP_TITLE: &str = "http.title";
/// Whole `WWW-Authenticate` header value.
pub const HTTP_WWW_AUTHENTICATE: &str = "http.www_authenticate";
/// The `realm` parameter of `WWW-Authenticate`.
pub const HTTP_REALM: &str = "http.realm";
/// Response body text (bounded).
pub const HTTP_BODY: &str = "http.body";
/// Any other response header, as `http.header.<lowercase-name>`.
pub const HTTP_HEADER_PREFIX: &str = "http.header.";
/// A `Location` header of a redirect.
pub const HTTP_LOCATION: &str = "http.location";
/// A `Set-Cookie` header value (vendor session cookie names are telling).
pub const HTTP_SET_COOKIE: &str = "http.set_cookie";
/// The request path that produced the response.
pub const HTTP_PATH: &str = "http.path";

// --- TLS.
/// Certificate subject DN, as given.
pub const TLS_SUBJECT: &str = "tls.subject";
/// Certificate issuer DN, as given.
pub const TLS_ISSUER: &str = "tls.issuer";
/// Subject common name.
pub const TLS_SUBJECT_CN: &str = "tls.subject.cn";
/// Subject organisation.
pub const TLS_SUBJECT_O: &str = "tls.subject.o";
/// Subject organisational unit.
pub const TLS_SUBJECT_OU: &str = "tls.subject.ou";
/// Issuer common name.
pub const TLS_ISSUER_CN: &str = "tls.issuer.cn";
/// Issuer organisation.
pub const TLS_ISSUER_O: &str = "tls.issuer.o";
/// A subject alternative name (DNS or IP), one field per name.
pub const TLS_SAN: &str = "tls.san";

// --- RTSP.
/// RTSP status code.
pub const RTSP_STATUS: &str = "rtsp.status";
/// RTSP `Server` header.
pub const RTSP_SERVER: &str = "rtsp.server";
/// RTSP `WWW-Authenticate` realm.
pub const RTSP_REALM: &str = "rtsp.realm";
/// RTSP `Public` header (supported methods).
pub const RTSP_PUBLIC: &str = "rtsp.public";
/// SDP session name (`s=`).
pub const SDP_SESSION: &str = "sdp.session";
/// SDP session information (`i=`).
pub const SDP_INFO: &str = "sdp.info";
/// SDP `a=tool:` attribute.
pub const SDP_TOOL: &str = "sdp.tool";
/// An SDP `a=control:` URL (stream paths are vendor conventions).
pub const SDP_CONTROL: &str = "sdp.control";
/// SDP origin line (`o=`) username and session id.
pub const SDP_ORIGIN: &str = "sdp.origin";

// --- ONVIF / WS-Discovery.
/// An ONVIF scope URI, one field per scope.
pub const ONVIF_SCOPE: &str = "onvif.scope";
/// The value of an `onvif://www.onvif.org/hardware/...` scope (URL-decoded).
pub const ONVIF_SCOPE_HARDWARE: &str = "onvif.scope.hardware";
/// The value of an `onvif://www.onvif.org/name/...` scope (URL-decoded).
pub const ONVIF_SCOPE_NAME: &str = "onvif.scope.name";
/// The value of an `onvif://www.onvif.org/type/...` scope.
pub const ONVIF_SCOPE_TYPE: &str = "onvif.scope.type";
/// The value of any other `onvif://www.onvif.org/<key>/...` scope, as `onvif.scope.<key>`.
pub const ONVIF_SCOPE_PREFIX: &str = "onvif.scope.";
/// An XAddr (service URL) from a ProbeMatch.
pub const ONVIF_XADDR: &str = "onvif.xaddr";
/// The body element name of a SOAP answer, e.g. `GetDeviceInformationResponse`.
pub const ONVIF_OPERATION: &str = "onvif.operation";
/// A stream URI from GetStreamUri.
pub const ONVIF_STREAM_URI: &str = "onvif.stream_uri";
/// A WS-Discovery `Types` value.
pub const WSD_TYPES: &str = "wsd.types";

// --- SSDP / UPnP.
/// SSDP `SERVER` header.
pub const SSDP_SERVER: &str = "ssdp.server";
/// SSDP `LOCATION` header.
pub const SSDP_LOCATION: &str = "ssdp.location";
/// SSDP `USN` header.
pub const SSDP_USN: &str = "ssdp.usn";
/// SSDP `ST` or `NT` header.
pub const SSDP_ST: &str = "ssdp.st";
/// UPnP `deviceType`.
pub const UPNP_DEVICE_TYPE: &str = "upnp.device_type";
/// UPnP `modelDescription`.
pub const UPNP_MODEL_DESCRIPTION: &str = "upnp.model_description";

// --- Banners.
/// SSH identification string.
pub const SSH_BANNER: &str = "ssh.banner";
/// Telnet banner.
pub const TELNET_BANNER: &str = "telnet.banner";
/// FTP greeting.
pub const FTP_BANNER: &str = "ftp.banner";
/// SNMP sysDescr.
pub const SNMP_SYS_DESCR: &str = "snmp.sys_descr";
/// SNMP sysObjectID.
pub const SNMP_SYS_OBJECT_ID: &str = "snmp.sys_object_id";
/// The private enterprise number of a sysObjectID under `1.3.6.1.4.1.N` (decimal `N`).
pub const SNMP_ENTERPRISE: &str = "snmp.enterprise";
/// The enterprise number of an SNMPv3 engine ID (its first four octets, high bit cleared).
pub const SNMP_ENGINE_ENTERPRISE: &str = "snmp.engine.enterprise";
/// The format of an SNMPv3 engine ID (RFC 3411): `ipv4`, `ipv6`, `mac`, `text`, `octets`,
/// `reserved-N`, `enterprise-N`, or `legacy` (an RFC 1910 engine ID without the format octet).
pub const SNMP_ENGINE_FORMAT: &str = "snmp.engine.format";
/// The data of an SNMPv3 engine ID after its format octet: an address, a MAC, the text, or hex.
pub const SNMP_ENGINE_DATA: &str = "snmp.engine.data";
/// DHCP vendor class.
pub const DHCP_VENDOR_CLASS: &str = "dhcp.vendor_class";
/// SIP user agent.
pub const SIP_USER_AGENT: &str = "sip.user_agent";

// --- Discovery-protocol specifics.
/// SADP `DeviceType` numeric code.
pub const SADP_DEVICE_TYPE: &str = "sadp.device_type";
/// DHIP `deviceClass` (e.g. `IPC`, `NVR`, `VTO`).
pub const DHIP_DEVICE_CLASS: &str = "dhip.device_class";

// --- Added by camsweep-parse (additive).
/// Issuer organisational unit.
pub const TLS_ISSUER_OU: &str = "tls.issuer.ou";
/// A SOAP fault code or reason from an ONVIF answer, one field each.
pub const ONVIF_FAULT: &str = "onvif.fault";
/// The local name of the root element of an XML body (e.g. ISAPI `userCheck`,
/// `ResponseStatus`, `DeviceInfo`).
pub const XML_ROOT: &str = "xml.root";
/// Firmware release date or build as the device gives it (ISAPI `firmwareReleasedDate`).
pub const DEVICE_FIRMWARE_DATE: &str = "device.firmware_date";
/// A device's own identifier (ISAPI `deviceID`, a UUID or number).
pub const DEVICE_ID: &str = "device.id";
