//! The scanner: bounded, non-intrusive active discovery producing observations.
//!
//! [`scan`] walks a validated scope ([`Targets`]): a TCP connect to every port of every address,
//! a probe of every open service (HTTP/HTTPS with vendor identity paths and ONVIF, TLS
//! certificates, RTSP, SSH/telnet/FTP banners), unicast UDP discovery (WS-Discovery, SSDP, SADP,
//! DHIP), MACs from the neighbour table; then one identification per host. Every read is
//! bounded in bytes and time ([`Limits`]); hosts that stall or break protocols are reported with
//! a status and the reasons, never allowed to hang or crash the scan. Results stream over a
//! channel as hosts finish ([`ScanEvent`]); the library never prints.

mod auth;
mod banner;
mod config;
mod credentials;
mod error;
mod host;
mod http;
mod https;
pub mod neigh;
mod net;
mod probe;
mod rtsp;
mod snmp;
pub mod targets;
mod tls;
mod udp;
mod wire;

#[cfg(test)]
mod tests;

use std::net::IpAddr;
use std::sync::Arc;

use camsweep_model::{
    HostStatus, Identification, Observation, ObservationKind, ScanDocument, ScanMeta, ScannedDevice,
};
use tokio::sync::mpsc;
use tokio::task::JoinSet;
use tokio::time::Instant;

pub use config::{DEFAULT_PORTS, Limits, ScanConfig, Service};
pub use credentials::{Credential, Credentials};
pub use error::{CredentialsError, ScanError, TargetError};
pub use net::raise_fd_limit;
pub use targets::{TargetSpec, Targets};
pub use tokio_util::sync::CancellationToken;

/// What turns one host's observations into an identification. Implemented for the
/// identification engine; tests may supply their own.
pub trait Identifier: Sync {
    fn identify(&self, observations: &[Observation]) -> Identification;
    /// The knowledge-base version written into the scan document.
    fn kb_version(&self) -> String;
}

impl Identifier for camsweep_identify::Engine<'_> {
    fn identify(&self, observations: &[Observation]) -> Identification {
        camsweep_identify::Engine::identify(self, observations)
    }
    fn kb_version(&self) -> String {
        self.kb().version.clone()
    }
}

/// Progress and results, streamed while the scan runs.
#[derive(Debug, Clone)]
pub enum ScanEvent {
    /// The scope is resolved: how many addresses will be tried.
    Started { hosts: u64, ports: Vec<u16> },
    /// One address is done; `device` is true when something answered.
    HostDone { address: IpAddr, device: bool },
    /// A device, as soon as its host is done.
    Device(Box<ScannedDevice>),
}

/// Scans `config.targets` and identifies what answers. Cancelling `config.stop` ends the scan
/// early with what was found (`interrupted: true`).
pub async fn scan<I: Identifier + ?Sized>(
    config: ScanConfig,
    identifier: &I,
    events: mpsc::Sender<ScanEvent>,
) -> Result<ScanDocument, ScanError> {
    let started_at = probe::now_rfc3339();
    let targets = Arc::new(Targets::resolve(&config.targets).await?);
    let mut ports = config.ports.clone();
    ports.sort_unstable();
    ports.dedup();
    if ports.is_empty() && !config.udp {
        return Err(ScanError::Config(
            "nothing to do: no TCP ports and UDP discovery is off".into(),
        ));
    }
    let mut limits = config.limits;
    // Size concurrency from the open-file limit (raised to the hard limit), keeping headroom for
    // the process's own files; an EMFILE past that is handled as backpressure.
    let fds = raise_fd_limit();
    let usable = fds.saturating_sub(128).max(16) as usize;
    limits.concurrency = limits.concurrency.clamp(1, usable);
    let net = Arc::new(net::Net::new(limits));
    let tls = tls::client_config()?;
    let mut errors = Vec::new();
    let _ = events
        .send(ScanEvent::Started {
            hosts: targets.len(),
            ports: ports.clone(),
        })
        .await;

    let stop = config.stop.clone();
    // The UDP side stops with the scan, whether it ends normally or is cancelled.
    let udp_stop = stop.child_token();
    let _udp_guard = udp_stop.clone().drop_guard();
    let sweep = if config.udp {
        match udp::UdpSweep::start(
            targets.clone(),
            net.clone(),
            config.multicast,
            udp::SnmpSettings {
                enabled: config.snmp,
                communities: config.snmp_communities.clone(),
                ids: snmp::SnmpIds::random(),
            },
            udp_stop.clone(),
        )
        .await
        {
            Ok(s) => Some(s),
            Err(e) => {
                errors.push(format!("{e}; UDP discovery skipped"));
                None
            }
        }
    } else {
        None
    };
    let neighbours = config
        .neighbours
        .then(|| Arc::new(neigh::Neighbours::new(targets.iter().any(|a| a.is_ipv6()))));
    let ports: Arc<[u16]> = ports.into();
    let services: Arc<[(u16, Service)]> = config.services.clone().into();
    // Hosts in flight: enough to keep every socket permit busy while some hosts wait on
    // timeouts, bounded so the task set stays small.
    let in_flight = (limits.concurrency / 2).clamp(8, 4096);
    let mut set = JoinSet::new();
    let mut addresses = targets.iter().enumerate();
    let mut devices = Vec::new();
    let mut hosts_scanned = 0u64;
    let mut interrupted = false;
    loop {
        while set.len() < in_flight && !stop.is_cancelled() {
            let Some((index, addr)) = addresses.next() else {
                break;
            };
            let ctx = probe::HostCtx {
                addr,
                net: net.clone(),
                tls: tls.clone(),
                credential: config.credentials.for_address(addr).cloned(),
                services: services.clone(),
            };
            let ports = ports.clone();
            let sweep = sweep.clone();
            let neighbours = neighbours.clone();
            set.spawn(scan_host(ctx, index as u64, ports, sweep, neighbours));
        }
        if set.is_empty() {
            break;
        }
        let joined = tokio::select! {
            biased;
            _ = stop.cancelled() => {
                interrupted = true;
                set.abort_all();
                break;
            }
            joined = set.join_next() => joined,
        };
        let Some(joined) = joined else { break };
        let outcome = match joined {
            Ok(o) => o,
            Err(e) if e.is_panic() => {
                errors.push(format!("a host task panicked: {e}"));
                hosts_scanned += 1;
                continue;
            }
            Err(_) => continue,
        };
        hosts_scanned += 1;
        let address = outcome.addr;
        let device = outcome.into_device(identifier);
        let found = device.is_some();
        if let Some(device) = device {
            let _ = events
                .send(ScanEvent::Device(Box::new(device.clone())))
                .await;
            devices.push(device);
        }
        let _ = events
            .send(ScanEvent::HostDone {
                address,
                device: found,
            })
            .await;
    }
    // A stop that came before the last host was started (even before the first) left hosts
    // unscanned: the scan is partial even though no host was in flight to be aborted.
    if stop.is_cancelled() && addresses.next().is_some() {
        interrupted = true;
    }
    devices.sort_by_key(|d| d.address.parse::<IpAddr>().ok());
    Ok(ScanDocument {
        scan: ScanMeta {
            id: uuid::Uuid::now_v7().to_string(),
            started_at,
            finished_at: Some(probe::now_rfc3339()),
            targets: targets
                .given
                .iter()
                .map(|t| t.split('\u{0}').next().unwrap_or("").to_owned())
                .collect(),
            excluded: targets
                .excluded
                .iter()
                .map(|t| t.split('\u{0}').next().unwrap_or("").to_owned())
                .collect(),
            ports: ports.to_vec(),
            kb_version: identifier.kb_version(),
            tool_version: config.tool_version.clone(),
            hosts_scanned,
            interrupted,
            errors,
        },
        devices,
    })
}

/// What one host task found.
struct HostOutcome {
    addr: IpAddr,
    open_ports: Vec<u16>,
    observations: Vec<Observation>,
    problems: Vec<probe::Problem>,
    mac: Option<String>,
}

impl HostOutcome {
    fn into_device<I: Identifier + ?Sized>(self, identifier: &I) -> Option<ScannedDevice> {
        if self.open_ports.is_empty() && self.observations.is_empty() {
            return None;
        }
        let identification = identifier.identify(&self.observations);
        let status: HostStatus = host::status(&self.problems);
        Some(ScannedDevice {
            address: self.addr.to_string(),
            mac: self.mac,
            open_ports: self.open_ports,
            status,
            problems: self.problems.into_iter().map(|p| p.text).collect(),
            identification,
            observations: self.observations,
        })
    }
}

async fn scan_host(
    ctx: probe::HostCtx,
    index: u64,
    ports: Arc<[u16]>,
    sweep: Option<Arc<udp::UdpSweep>>,
    neighbours: Option<Arc<neigh::Neighbours>>,
) -> HostOutcome {
    let deadline = Instant::now() + ctx.net.limits.host_timeout;
    let tcp = host::scan_tcp(&ctx, &ports, deadline).await;
    let mut observations = tcp.report.observations;
    if let Some(sweep) = &sweep {
        // UDP answers are waited for at most until the host deadline.
        let mut replies =
            match tokio::time::timeout_at(deadline, sweep.replies_for(index, ctx.addr)).await {
                Ok(replies) => replies,
                Err(_) => sweep.take(ctx.addr),
            };
        // A host that is up but sent no discovery answer gets the probes once more.
        if replies.is_empty() && !tcp.open_ports.is_empty() {
            replies = match tokio::time::timeout_at(deadline, sweep.retry(ctx.addr)).await {
                Ok(replies) => replies,
                Err(_) => sweep.take(ctx.addr),
            };
        }
        observations.extend(replies);
    }
    let found = !tcp.open_ports.is_empty() || !observations.is_empty();
    let mac = if found {
        neighbours.as_ref().and_then(|n| n.lookup(ctx.addr))
    } else {
        None
    };
    if let Some(mac) = &mac {
        observations.push(ctx.observation(
            ObservationKind::Mac,
            mac.clone(),
            None,
            "arp",
            "neighbour",
            None,
        ));
    }
    HostOutcome {
        addr: ctx.addr,
        open_ports: tcp.open_ports,
        observations,
        problems: tcp.report.problems,
        mac,
    }
}
