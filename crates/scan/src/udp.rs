//! UDP discovery: WS-Discovery Probe (3702), SSDP M-SEARCH (1900), Hikvision SADP inquiry
//! (37020), Dahua DHIP search (37810) and SNMP (161: the credential-free SNMPv3 engine-ID
//! discovery, plus SNMPv2c GETs only with configured communities, see `snmp.rs`), sent unicast
//! to every target (and to the multicast groups only when asked; never SNMP). One sweep for the whole scan: a sender walks the scope ahead of the
//! TCP side, a receiver files every answer from an in-scope address under that address.

use std::borrow::Cow;
use std::collections::HashMap;
use std::net::{IpAddr, Ipv4Addr, SocketAddr};
use std::num::NonZeroU32;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use camsweep_model::{Observation, ObservationKind};
use tokio::net::UdpSocket;
use tokio::sync::watch;
use tokio::time::Instant;

use crate::error::ScanError;
use crate::net::Net;
use crate::probe::now_rfc3339;
use crate::snmp::{self, SNMP_PORT, SnmpIds};
use crate::targets::Targets;

/// The discovery protocols, by UDP port.
pub(crate) const WSD_PORT: u16 = 3702;
pub(crate) const SSDP_PORT: u16 = 1900;
pub(crate) const SADP_PORT: u16 = 37020;
pub(crate) const DHIP_PORT: u16 = 37810;

/// The most answers kept per address (a device answers each protocol once or twice).
const MAX_REPLIES_PER_HOST: usize = 16;
/// Addresses per timing chunk.
const CHUNK: u64 = 256;
/// Discovery datagrams per second when `--rate` does not ask for fewer. Unpaced, a /16 sweep
/// put 262,000 datagrams on the wire in a few seconds and a quarter of the answers were lost
/// (receive queues overflow: the answering side's, or ours while the TCP side keeps the cores
/// busy). At this pace a /16 is swept in about 32 s, still ahead of the TCP side.
pub(crate) const DISCOVERY_PER_SECOND: u32 = 8192;
/// Datagrams that may leave back to back before the pace applies.
const DISCOVERY_BURST: u32 = 64;

pub(crate) fn wsd_probe() -> Vec<u8> {
    format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?><s:Envelope xmlns:s=\"http://www.w3.org/2003/05/soap-envelope\" xmlns:a=\"http://schemas.xmlsoap.org/ws/2004/08/addressing\" xmlns:d=\"http://schemas.xmlsoap.org/ws/2005/04/discovery\"><s:Header><a:MessageID>uuid:{}</a:MessageID><a:To s:mustUnderstand=\"1\">urn:schemas-xmlsoap-org:ws:2005:04:discovery</a:To><a:Action s:mustUnderstand=\"1\">http://schemas.xmlsoap.org/ws/2005/04/discovery/Probe</a:Action></s:Header><s:Body><d:Probe></d:Probe></s:Body></s:Envelope>",
        uuid::Uuid::new_v4()
    )
    .into_bytes()
}

pub(crate) fn ssdp_msearch(host: SocketAddr) -> Vec<u8> {
    format!(
        "M-SEARCH * HTTP/1.1\r\nHOST: {host}\r\nMAN: \"ssdp:discover\"\r\nMX: 1\r\nST: ssdp:all\r\nUSER-AGENT: camsweep/{} UPnP/1.1\r\n\r\n",
        env!("CARGO_PKG_VERSION")
    )
    .into_bytes()
}

/// The SADP inquiry Hikvision's SADP tool multicasts (an XML `Probe` of type `inquiry`).
pub(crate) fn sadp_inquiry() -> Vec<u8> {
    format!(
        "<?xml version=\"1.0\" encoding=\"utf-8\"?><Probe><Uuid>{}</Uuid><Types>inquiry</Types></Probe>",
        uuid::Uuid::new_v4().to_string().to_uppercase()
    )
    .into_bytes()
}

/// A DHIP `DHDiscover.search` request: the 32-byte DHIP header (magic `20 00 00 00 'DHIP'`,
/// session, id, little-endian payload length twice) and the JSON call; `uni: 1` asks for a
/// unicast answer.
pub(crate) fn dhip_search() -> Vec<u8> {
    let json = br#"{"method":"DHDiscover.search","params":{"mac":"","uni":1}}"#;
    let len = (json.len() as u32).to_le_bytes();
    let mut out = vec![0x20, 0, 0, 0, b'D', b'H', b'I', b'P'];
    out.extend_from_slice(&[0; 8]); // session id, request id
    out.extend_from_slice(&len);
    out.extend_from_slice(&[0; 4]);
    out.extend_from_slice(&len);
    out.extend_from_slice(&[0; 4]);
    out.extend_from_slice(json);
    out
}

fn kind_for(port: u16) -> Option<ObservationKind> {
    match port {
        WSD_PORT => Some(ObservationKind::WsdProbeMatch),
        SSDP_PORT => Some(ObservationKind::SsdpResponse),
        SADP_PORT => Some(ObservationKind::SadpReply),
        DHIP_PORT => Some(ObservationKind::DhipReply),
        _ => None,
    }
}

fn source_for(kind: ObservationKind) -> &'static str {
    match kind {
        ObservationKind::WsdProbeMatch => "scan/wsd",
        ObservationKind::SsdpResponse => "scan/ssdp",
        ObservationKind::SadpReply => "scan/sadp",
        _ => "scan/dhip",
    }
}

/// The datagrams that are the same for every address of a sweep.
struct Payloads {
    wsd: Vec<u8>,
    sadp: Vec<u8>,
    dhip: Vec<u8>,
    /// SNMP requests (the v3 discovery, then v2c GETs with configured communities); empty when
    /// SNMP is off.
    snmp: Vec<Vec<u8>>,
}

impl Payloads {
    fn new(snmp: &SnmpSettings) -> Self {
        Self {
            wsd: wsd_probe(),
            sadp: sadp_inquiry(),
            dhip: dhip_search(),
            snmp: if snmp.enabled {
                snmp::requests(snmp.ids, &snmp.communities)
            } else {
                Vec::new()
            },
        }
    }

    /// The datagrams of one address: WS-Discovery, SADP, DHIP and SNMP (the same bytes for
    /// every address, borrowed), then SSDP (whose `HOST` names the address).
    fn for_address(&self, addr: IpAddr) -> Vec<(u16, Cow<'_, [u8]>)> {
        let mut out = vec![
            (WSD_PORT, Cow::Borrowed(self.wsd.as_slice())),
            (SADP_PORT, Cow::Borrowed(self.sadp.as_slice())),
            (DHIP_PORT, Cow::Borrowed(self.dhip.as_slice())),
        ];
        out.extend(
            self.snmp
                .iter()
                .map(|p| (SNMP_PORT, Cow::Borrowed(p.as_slice()))),
        );
        out.push((
            SSDP_PORT,
            Cow::Owned(ssdp_msearch(SocketAddr::new(addr, SSDP_PORT))),
        ));
        out
    }
}

/// What the sweep does on UDP 161.
#[derive(Debug, Clone)]
pub(crate) struct SnmpSettings {
    /// Send the SNMPv3 engine-ID discovery.
    pub enabled: bool,
    /// Communities for SNMPv2c GETs (configured by the operator; empty by default).
    pub communities: Vec<String>,
    pub ids: SnmpIds,
}

/// After the first answer of a retry, how long the other protocols' answers get to arrive.
const RETRY_GRACE: Duration = Duration::from_millis(50);

/// The running sweep.
pub(crate) struct UdpSweep {
    replies: Mutex<HashMap<IpAddr, Vec<Observation>>>,
    /// Woken whenever an answer is filed (a retry waits on it).
    arrived: tokio::sync::Notify,
    v4: Arc<UdpSocket>,
    v6: Option<Arc<UdpSocket>>,
    net: Arc<Net>,
    /// Per chunk of addresses: milliseconds after `start` (plus one) when its last datagram
    /// left; 0 while not yet sent.
    chunk_sent: Vec<AtomicU64>,
    progress: watch::Sender<u64>,
    start: Instant,
    wait: Duration,
    snmp: SnmpSettings,
}

impl UdpSweep {
    /// Opens the sockets and starts the sender and receiver tasks.
    pub async fn start(
        targets: Arc<Targets>,
        net: Arc<Net>,
        multicast: bool,
        snmp: SnmpSettings,
        stop: tokio_util::sync::CancellationToken,
    ) -> Result<Arc<Self>, ScanError> {
        let has_v6 = targets.iter().any(|a| a.is_ipv6());
        let v4 = bind("0.0.0.0:0".parse().expect("literal")).map_err(ScanError::UdpSocket)?;
        let v6 = if has_v6 {
            Some(bind("[::]:0".parse().expect("literal")).map_err(ScanError::UdpSocket)?)
        } else {
            None
        };
        let chunks = targets.len().div_ceil(CHUNK) as usize;
        let sweep = Arc::new(Self {
            replies: Mutex::new(HashMap::new()),
            arrived: tokio::sync::Notify::new(),
            v4: v4.clone(),
            v6: v6.clone(),
            net: net.clone(),
            chunk_sent: (0..chunks).map(|_| AtomicU64::new(0)).collect(),
            progress: watch::Sender::new(0),
            start: Instant::now(),
            wait: net.limits.udp_wait,
            snmp,
        });
        for socket in std::iter::once(v4.clone()).chain(v6.clone()) {
            let sweep = sweep.clone();
            let targets = targets.clone();
            let stop = stop.clone();
            tokio::spawn(async move {
                tokio::select! {
                    _ = stop.cancelled() => {}
                    _ = sweep.receive(socket, targets) => {}
                }
            });
        }
        let sender = sweep.clone();
        tokio::spawn(async move {
            tokio::select! {
                _ = stop.cancelled() => {}
                _ = sender.send_all(v4, v6, targets, net, multicast) => {}
            }
        });
        Ok(sweep)
    }

    async fn send_all(
        &self,
        v4: Arc<UdpSocket>,
        v6: Option<Arc<UdpSocket>>,
        targets: Arc<Targets>,
        net: Arc<Net>,
        multicast: bool,
    ) {
        let payloads = Payloads::new(&self.snmp);
        let (wsd, sadp, dhip) = (&payloads.wsd, &payloads.sadp, &payloads.dhip);
        let pace = discovery_pace();
        if multicast {
            let group = IpAddr::V4(Ipv4Addr::new(239, 255, 255, 250));
            for (port, payload) in [
                (WSD_PORT, wsd.clone()),
                (SSDP_PORT, ssdp_msearch(SocketAddr::new(group, SSDP_PORT))),
                (SADP_PORT, sadp.clone()),
            ] {
                let _ = v4.send_to(&payload, SocketAddr::new(group, port)).await;
            }
            let dhip_group = IpAddr::V4(Ipv4Addr::new(239, 255, 255, 251));
            let _ = v4
                .send_to(dhip, SocketAddr::new(dhip_group, DHIP_PORT))
                .await;
        }
        let total = targets.len();
        for (i, addr) in targets.iter().enumerate() {
            let i = i as u64;
            let socket = match (addr, &v6) {
                (IpAddr::V6(_), Some(v6)) => v6,
                (IpAddr::V6(_), None) => continue,
                _ => &v4,
            };
            for (port, payload) in payloads.for_address(addr) {
                pace.until_ready().await;
                net.pace().await;
                // A send error (no route, buffer full) loses one probe of one host: discovery
                // is best effort, TCP still covers the host, and a live host gets a retry.
                let _ = socket.send_to(&payload, SocketAddr::new(addr, port)).await;
            }
            if (i + 1).is_multiple_of(CHUNK) || i + 1 == total {
                let ms = self.start.elapsed().as_millis() as u64 + 1;
                self.chunk_sent[(i / CHUNK) as usize].store(ms, Ordering::Release);
            }
            self.progress.send_replace(i + 1);
        }
    }

    async fn receive(&self, socket: Arc<UdpSocket>, targets: Arc<Targets>) {
        let mut buf = vec![0u8; 65_536];
        loop {
            let Ok((n, from)) = socket.recv_from(&mut buf).await else {
                continue;
            };
            // Only in-scope addresses: multicast answers from elsewhere on the link are dropped.
            if !targets.contains(from.ip()) {
                continue;
            }
            let found: Vec<(ObservationKind, String, &'static str)> = if from.port() == SNMP_PORT {
                // Binary BER: decoded here (bounded) and filed as the values it carries.
                snmp::observations(self.snmp.ids, &buf[..n])
                    .into_iter()
                    .map(|(kind, value)| (kind, value, "scan/snmp"))
                    .collect()
            } else if let Some(kind) = kind_for(from.port()) {
                let value = String::from_utf8_lossy(&buf[..n]).into_owned();
                vec![(kind, value, source_for(kind))]
            } else {
                continue;
            };
            for (kind, value, source) in found {
                self.file(from, kind, value, source);
            }
        }
    }

    fn file(&self, from: SocketAddr, kind: ObservationKind, value: String, source: &str) {
        let obs = Observation {
            device: Some(from.ip().to_string()),
            kind,
            value,
            path: None,
            address: Some(from.ip().to_string()),
            port: Some(from.port()),
            transport: Some("udp".into()),
            source: Some(source.into()),
            observed_at: Some(now_rfc3339()),
        };
        let mut replies = self.replies.lock().unwrap_or_else(|e| e.into_inner());
        let list = replies.entry(from.ip()).or_default();
        if list.len() < MAX_REPLIES_PER_HOST
            && !list.iter().any(|o| o.kind == kind && o.value == obs.value)
        {
            list.push(obs);
            drop(replies);
            self.arrived.notify_waiters();
        }
    }

    /// Waits until the datagrams to the `index`-th address have had `udp_wait` to be answered,
    /// then takes its answers.
    pub async fn replies_for(&self, index: u64, addr: IpAddr) -> Vec<Observation> {
        let mut progress = self.progress.subscribe();
        let _ = progress.wait_for(|sent| *sent > index).await;
        let sent_ms = self.chunk_sent[(index / CHUNK) as usize].load(Ordering::Acquire);
        let due = self.start + Duration::from_millis(sent_ms) + self.wait;
        tokio::time::sleep_until(due).await;
        self.take(addr)
    }

    /// For a host that is up but answered no discovery probe: the probes once more, and up to
    /// `udp_wait` for an answer (plus a short grace for the other protocols' answers once one
    /// arrives). Datagrams are lost on busy links and in full receive queues; under load a
    /// /16 sweep lost the only maker evidence of a few cameras that way (docs/benchmarks.md).
    pub async fn retry(&self, addr: IpAddr) -> Vec<Observation> {
        let socket = match (addr, &self.v6) {
            (IpAddr::V6(_), Some(v6)) => v6,
            (IpAddr::V6(_), None) => return Vec::new(),
            _ => &self.v4,
        };
        let payloads = Payloads::new(&self.snmp);
        for (port, payload) in payloads.for_address(addr) {
            self.net.pace().await;
            let _ = socket.send_to(&payload, SocketAddr::new(addr, port)).await;
        }
        let due = Instant::now() + self.wait;
        loop {
            let notified = self.arrived.notified();
            tokio::pin!(notified);
            notified.as_mut().enable();
            if self.has_replies(addr) {
                tokio::time::sleep_until(due.min(Instant::now() + RETRY_GRACE)).await;
                return self.take(addr);
            }
            tokio::select! {
                _ = notified => {}
                _ = tokio::time::sleep_until(due) => return self.take(addr),
            }
        }
    }

    fn has_replies(&self, addr: IpAddr) -> bool {
        self.replies
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .get(&addr)
            .is_some_and(|list| !list.is_empty())
    }

    /// Answers that arrived for `addr` so far.
    pub fn take(&self, addr: IpAddr) -> Vec<Observation> {
        self.replies
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .remove(&addr)
            .unwrap_or_default()
    }
}

/// The discovery sender's own pace (`--rate`, when set, applies on top of it).
fn discovery_pace() -> governor::DefaultDirectRateLimiter {
    let per_second = NonZeroU32::new(DISCOVERY_PER_SECOND).expect("non-zero constant");
    let burst = NonZeroU32::new(DISCOVERY_BURST).expect("non-zero constant");
    governor::RateLimiter::direct(governor::Quota::per_second(per_second).allow_burst(burst))
}

fn bind(addr: SocketAddr) -> std::io::Result<Arc<UdpSocket>> {
    let domain = if addr.is_ipv4() {
        socket2::Domain::IPV4
    } else {
        socket2::Domain::IPV6
    };
    let socket = socket2::Socket::new(domain, socket2::Type::DGRAM, Some(socket2::Protocol::UDP))?;
    if addr.is_ipv6() {
        socket.set_only_v6(true)?;
    }
    // Thousands of devices may answer within a second: a large receive buffer keeps answers
    // from being dropped while the receiver is busy (the kernel caps it at rmem_max).
    let _ = socket.set_recv_buffer_size(8 * 1024 * 1024);
    socket.set_nonblocking(true)?;
    socket.bind(&addr.into())?;
    Ok(Arc::new(UdpSocket::from_std(socket.into())?))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dhip_header_carries_the_payload_length_twice() {
        let p = dhip_search();
        assert_eq!(&p[..8], b"\x20\x00\x00\x00DHIP");
        let len = u32::from_le_bytes(p[16..20].try_into().unwrap()) as usize;
        assert_eq!(len, p.len() - 32);
        assert_eq!(&p[24..28], &p[16..20]);
        assert!(
            std::str::from_utf8(&p[32..])
                .unwrap()
                .contains("DHDiscover.search")
        );
    }

    /// Regression: an unpaced sweep lost a quarter of the discovery answers on a /16.
    #[tokio::test]
    async fn discovery_is_paced() {
        let pace = discovery_pace();
        let start = std::time::Instant::now();
        let n = DISCOVERY_BURST + DISCOVERY_PER_SECOND / 16;
        for _ in 0..n {
            pace.until_ready().await;
        }
        let elapsed = start.elapsed();
        // Past the burst, 1/16 s worth of datagrams takes about 1/16 s.
        assert!(elapsed >= Duration::from_millis(55), "{elapsed:?}");
        assert!(elapsed < Duration::from_secs(2), "{elapsed:?}");
    }

    #[test]
    fn probes_are_well_formed() {
        assert!(
            String::from_utf8(wsd_probe())
                .unwrap()
                .contains("discovery/Probe")
        );
        let m = String::from_utf8(ssdp_msearch("127.0.0.1:1900".parse().unwrap())).unwrap();
        assert!(
            m.starts_with("M-SEARCH * HTTP/1.1\r\nHOST: 127.0.0.1:1900\r\n")
                && m.ends_with("\r\n\r\n")
        );
        assert!(
            String::from_utf8(sadp_inquiry())
                .unwrap()
                .contains("<Types>inquiry</Types>")
        );
    }
}
