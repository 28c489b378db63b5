//! A running lab.

use std::collections::{BTreeSet, HashSet};
use std::net::IpAddr;
use std::sync::{Arc, OnceLock};
use std::time::Duration;

use tokio::sync::Semaphore;
use tokio_util::sync::CancellationToken;
use tokio_util::task::TaskTracker;

use crate::LabError;
use crate::device::{Device, TruthRecord};
use crate::listen::{
    ListenMode, PER_ADDRESS_SOCKET_BUDGET, Proto, listen_per_address, register_shared,
    unregister_shared, use_shared_port,
};
use crate::serve::{DeviceEntry, LabRuntime};
use crate::spec::LabSpec;

/// How to run a lab.
#[derive(Debug, Clone)]
pub struct LabOptions {
    pub mode: ListenMode,
    /// Connections served at once (beyond, new ones are reset). Bounds file descriptors.
    pub max_connections: usize,
    /// Serve inside this network namespace (Linux, root): see [`crate::netns`].
    pub netns: Option<String>,
    /// Keep what every device receives ([`Lab::received`]); for tests of what a scanner sends.
    pub record: bool,
}

impl Default for LabOptions {
    fn default() -> Self {
        Self {
            mode: ListenMode::Auto,
            max_connections: 4096,
            netns: None,
            record: false,
        }
    }
}

/// The runtime every lab task runs on: labs outlive the caller's runtime (a test's, say) and
/// shared listeners serve labs started from different runtimes.
fn runtime() -> &'static tokio::runtime::Runtime {
    static RUNTIME: OnceLock<tokio::runtime::Runtime> = OnceLock::new();
    RUNTIME.get_or_init(|| {
        tokio::runtime::Builder::new_multi_thread()
            .worker_threads(2)
            .thread_name("camsweep-lab")
            .enable_all()
            .build()
            .expect("the lab runtime starts (threads and an epoll instance)")
    })
}

/// An emulated estate, serving until [`Lab::shutdown`] or drop.
pub struct Lab {
    truth: Vec<TruthRecord>,
    mode: ListenMode,
    runtime: Arc<LabRuntime>,
    shared_addresses: Vec<IpAddr>,
    shared_ports: Vec<(Proto, u16)>,
    netns: Option<crate::netns::Netns>,
    stopped: bool,
}

impl Lab {
    /// Starts every device of `spec`; returns when every listener is up.
    pub async fn start(spec: LabSpec, opts: LabOptions) -> Result<Lab, LabError> {
        let task = runtime().spawn(start_on_lab_runtime(spec, opts));
        task.await
            .map_err(|e| LabError::io("lab start", std::io::Error::other(e.to_string())))?
    }

    /// The ground truth: what is served at each address.
    pub fn truth(&self) -> &[TruthRecord] {
        &self.truth
    }

    /// What the devices received so far (connections are logged when they close), when the
    /// lab was started with `LabOptions::record`; empty otherwise.
    pub fn received(&self) -> Vec<crate::record::Received> {
        self.runtime
            .recorder
            .as_ref()
            .map(|r| r.all())
            .unwrap_or_default()
    }

    /// The listening mode in use (never `Auto`).
    pub fn mode(&self) -> ListenMode {
        self.mode
    }

    /// Name of the network namespace the devices are in, in netns mode.
    pub fn netns(&self) -> Option<&crate::netns::Netns> {
        self.netns.as_ref()
    }

    /// Stops every listener and connection and waits (bounded) until their sockets are closed.
    pub async fn shutdown(mut self) {
        self.stop();
        let tracker = self.runtime.tracker.clone();
        let _ = runtime()
            .spawn(async move {
                let _ = tokio::time::timeout(Duration::from_secs(10), tracker.wait()).await;
            })
            .await;
        if let Some(ns) = self.netns.take() {
            ns.remove();
        }
    }

    fn stop(&mut self) {
        if self.stopped {
            return;
        }
        self.stopped = true;
        self.runtime.cancel.cancel();
        self.runtime.tracker.close();
        unregister_shared(&self.shared_addresses, &self.shared_ports);
    }
}

impl Drop for Lab {
    fn drop(&mut self) {
        self.stop();
        if let Some(ns) = self.netns.take() {
            ns.remove();
        }
    }
}

async fn start_on_lab_runtime(spec: LabSpec, opts: LabOptions) -> Result<Lab, LabError> {
    crate::raise_open_file_limit();
    let mut seen = HashSet::new();
    let mut devices = Vec::with_capacity(spec.devices.len());
    for d in &spec.devices {
        if !seen.insert(d.address) {
            return Err(LabError::DuplicateAddress {
                address: d.address.to_string(),
            });
        }
        if opts.netns.is_none() && !d.address.is_loopback() {
            return Err(LabError::NotLoopback {
                address: d.address.to_string(),
            });
        }
        devices.push(Device::resolve(d)?);
    }
    let sockets: usize = devices
        .iter()
        .map(|d| d.tcp_ports.len() + d.udp_ports.len())
        .sum();
    let all_v4 = devices.iter().all(|d| d.address.is_ipv4());
    let mode = match opts.mode {
        _ if opts.netns.is_some() => ListenMode::PerAddress,
        ListenMode::Auto if sockets <= PER_ADDRESS_SOCKET_BUDGET || !all_v4 => {
            ListenMode::PerAddress
        }
        ListenMode::Auto => ListenMode::Shared,
        other => other,
    };
    if mode == ListenMode::Shared && !all_v4 {
        return Err(LabError::Device {
            address: devices
                .iter()
                .find(|d| !d.address.is_ipv4())
                .map(|d| d.address.to_string())
                .unwrap_or_default(),
            message: "shared listening serves IPv4 only; use per-address mode for IPv6".into(),
        });
    }
    if mode == ListenMode::PerAddress {
        let limit = rlimit::getrlimit(rlimit::Resource::NOFILE)
            .map(|(soft, _)| soft)
            .unwrap_or(1024);
        let needed = (sockets + opts.max_connections) as u64;
        if needed > limit {
            return Err(LabError::TooManySockets { needed, limit });
        }
    }
    let netns = match &opts.netns {
        Some(name) => {
            // Building namespaces runs `ip` and blocks: off the runtime's worker threads.
            let name = name.clone();
            let (devices_back, netns) = tokio::task::spawn_blocking(move || {
                let netns = crate::netns::Netns::create(&name, &mut devices);
                (devices, netns)
            })
            .await
            .map_err(|e| LabError::io("netns set-up", std::io::Error::other(e.to_string())))?;
            devices = devices_back;
            Some(netns?)
        }
        None => None,
    };
    let lab_runtime = Arc::new(LabRuntime {
        cancel: CancellationToken::new(),
        tracker: TaskTracker::new(),
        connections: Arc::new(Semaphore::new(opts.max_connections)),
        recorder: opts
            .record
            .then(|| Arc::new(crate::record::Recorder::default())),
    });
    let mut entries = Vec::with_capacity(devices.len());
    let mut truth = Vec::with_capacity(devices.len());
    for device in devices {
        let tls = match &device.profile.tls {
            Some(t) => Some(crate::tls::server_config(&device, t)?),
            None => None,
        };
        truth.push(device.truth());
        entries.push(Arc::new(DeviceEntry {
            device,
            lab: lab_runtime.clone(),
            tls,
        }));
    }
    let mut lab = Lab {
        truth,
        mode,
        runtime: lab_runtime,
        shared_addresses: Vec::new(),
        shared_ports: Vec::new(),
        netns,
        stopped: false,
    };
    match mode {
        ListenMode::Shared => {
            register_shared(&entries)?;
            lab.shared_addresses = entries.iter().map(|e| e.device.address).collect();
            let tcp: BTreeSet<u16> = entries
                .iter()
                .flat_map(|e| e.device.tcp_ports.clone())
                .collect();
            let udp: BTreeSet<u16> = entries
                .iter()
                .flat_map(|e| e.device.udp_ports.clone())
                .collect();
            for (proto, port) in tcp
                .into_iter()
                .map(|p| (Proto::Tcp, p))
                .chain(udp.into_iter().map(|p| (Proto::Udp, p)))
            {
                // On error `lab` drops here and unregisters what it registered so far.
                use_shared_port(proto, port)?;
                lab.shared_ports.push((proto, port));
            }
        }
        _ => match lab.netns.as_mut() {
            Some(netns) => netns.listen(&entries, tokio::runtime::Handle::current())?,
            None => {
                for entry in &entries {
                    listen_per_address(entry, false)?;
                }
            }
        },
    }
    Ok(lab)
}
