//! Scan configuration: scope, ports, limits, discovery switches, credentials.

use std::time::Duration;

use tokio_util::sync::CancellationToken;

use crate::credentials::Credentials;
use crate::targets::TargetSpec;

/// The default TCP ports, tuned for surveillance equipment (each justified in `docs/scan.md`).
pub const DEFAULT_PORTS: &[u16] = &[
    80, 443, 8080, 8443, 554, 8554, 8000, 37777, 34567, 22, 23, 21, 81, 88, 8899, 9000, 5000, 8081,
];

/// What protocol the scanner speaks to a port.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Service {
    Http,
    Https,
    Rtsp,
    Ssh,
    Telnet,
    Ftp,
    /// XiongMai DVR-IP (NETsurveillance): presence only, its replies need a login.
    Dvrip,
    /// A vendor SDK port (Hikvision 8000, Dahua 37777) or media port: presence only, because
    /// their protocols need a login before the device says anything.
    Presence,
}

impl Service {
    /// The service a port number conventionally carries.
    pub fn for_port(port: u16) -> Service {
        match port {
            443 | 8443 | 7443 | 4443 => Service::Https,
            554 | 8554 | 10554 => Service::Rtsp,
            22 | 2222 => Service::Ssh,
            23 | 2323 => Service::Telnet,
            21 => Service::Ftp,
            34567 => Service::Dvrip,
            8000 | 37777 | 37778 | 9000 | 5000 => Service::Presence,
            _ => Service::Http,
        }
    }

    /// Parses a service name as given to `--service PORT=NAME`.
    pub fn from_name(name: &str) -> Option<Service> {
        Some(match name {
            "http" => Service::Http,
            "https" | "tls" => Service::Https,
            "rtsp" => Service::Rtsp,
            "ssh" => Service::Ssh,
            "telnet" => Service::Telnet,
            "ftp" => Service::Ftp,
            "dvrip" => Service::Dvrip,
            "sdk" | "presence" => Service::Presence,
            _ => return None,
        })
    }

    pub fn name(self) -> &'static str {
        match self {
            Service::Http => "http",
            Service::Https => "https",
            Service::Rtsp => "rtsp",
            Service::Ssh => "ssh",
            Service::Telnet => "telnet",
            Service::Ftp => "ftp",
            Service::Dvrip => "dvrip",
            Service::Presence => "sdk",
        }
    }
}

/// Time, byte and concurrency limits. Every read is bounded by these.
#[derive(Debug, Clone, Copy)]
pub struct Limits {
    /// One TCP connect attempt.
    pub connect_timeout: Duration,
    /// The longest wait for the next bytes of an answer.
    pub read_timeout: Duration,
    /// One whole request/answer exchange (catches drips).
    pub probe_timeout: Duration,
    /// Everything done to one host.
    pub host_timeout: Duration,
    /// How long server-first protocols (SSH, telnet, FTP) get to greet.
    pub banner_timeout: Duration,
    /// How long to wait for UDP discovery replies after the last datagram to a host.
    pub udp_wait: Duration,
    /// The most bytes kept of one HTTP/RTSP response (headers + body).
    pub max_response_bytes: usize,
    /// The most bytes of response headers.
    pub max_header_bytes: usize,
    /// The most sockets open at once.
    pub concurrency: usize,
    /// New connections (and datagrams) per second; `None` for no limit.
    pub rate: Option<u32>,
}

impl Default for Limits {
    fn default() -> Self {
        Self {
            connect_timeout: Duration::from_millis(1500),
            read_timeout: Duration::from_secs(3),
            probe_timeout: Duration::from_secs(6),
            host_timeout: Duration::from_secs(30),
            banner_timeout: Duration::from_secs(3),
            udp_wait: Duration::from_millis(1500),
            max_response_bytes: 256 * 1024,
            max_header_bytes: 32 * 1024,
            concurrency: 2048,
            rate: None,
        }
    }
}

/// Everything one scan needs.
#[derive(Debug, Clone)]
pub struct ScanConfig {
    pub targets: TargetSpec,
    /// TCP ports to try on every address.
    pub ports: Vec<u16>,
    pub limits: Limits,
    /// Services on non-standard ports (`--service 8081=https`), overriding [`Service::for_port`].
    pub services: Vec<(u16, Service)>,
    /// Unicast UDP discovery (WS-Discovery, SSDP, SADP, DHIP) to every target.
    pub udp: bool,
    /// Also send discovery to the multicast groups (only inside a network namespace or when the
    /// user asks: it reaches every device on the link, in scope or not; answers from outside the
    /// scope are dropped).
    pub multicast: bool,
    /// SNMPv3 engine-ID discovery on UDP 161 (RFC 3414 section 4: no credential is sent), as
    /// part of UDP discovery.
    pub snmp: bool,
    /// SNMPv2c communities to read sysDescr.0 and sysObjectID.0 with. Empty by default: only
    /// communities the operator owns, never guessed ones (docs/scan.md, "SNMP").
    pub snmp_communities: Vec<String>,
    /// Read MAC addresses from the neighbour table.
    pub neighbours: bool,
    /// Credentials for authenticated reads, by address or CIDR.
    pub credentials: Credentials,
    /// camsweep version written into the scan document.
    pub tool_version: String,
    /// Cancelled on Ctrl-C: the scan stops and returns what it found, `interrupted: true`.
    pub stop: CancellationToken,
}

impl ScanConfig {
    /// A configuration with defaults for the given targets.
    pub fn new(targets: TargetSpec) -> Self {
        Self {
            targets,
            ports: DEFAULT_PORTS.to_vec(),
            services: Vec::new(),
            limits: Limits::default(),
            udp: true,
            multicast: false,
            snmp: true,
            snmp_communities: Vec::new(),
            neighbours: true,
            credentials: Credentials::default(),
            tool_version: env!("CARGO_PKG_VERSION").to_owned(),
            stop: CancellationToken::new(),
        }
    }
}
