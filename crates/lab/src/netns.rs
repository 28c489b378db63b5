//! Network-namespace mode (Linux, root): the devices on a bridged virtual LAN with their real
//! MACs, so multicast discovery and neighbour-table MACs work as on a real network.
//!
//! Layout for a lab named `NAME`:
//! - a named namespace `csl-NAME` (`/run/netns/csl-NAME`) holding the bridge `br0`, which carries
//!   the scanner's address ([`Netns::scanner_address`]) and a route for 224.0.0.0/4 so multicast
//!   probes leave through it. It has no other interface and no default route: nothing in it can
//!   reach the host's networks, and nothing is attached to the host's interfaces.
//! - one anonymous namespace per device with a single interface `eth0` (the device's address and
//!   its maker's MAC) whose veth peer `vdN` is a port of `br0`. A namespace per device gives each
//!   device its own ARP, routing and multicast membership, as a real device has; the anonymous
//!   namespaces live only as long as the lab process holds their sockets, so a killed lab leaves
//!   none of them (nor their veths) behind.
//!
//! Code that should act from the scanner's side of the LAN runs in `csl-NAME`: [`enter`] switches
//! the calling thread, [`run_in`] runs a closure on a new thread inside it, and from a shell
//! `ip netns exec csl-NAME camsweep scan --multicast ...`.
//!
//! Ownership and cleanup: `/run/camsweep-lab/csl-NAME.pid` holds the owner's pid and start time,
//! written before the namespace is made. [`Netns::remove`] (shutdown, drop) deletes the namespace
//! and the file; every start first removes `csl-*` namespaces whose owner is dead (a lab killed
//! with SIGKILL) or that have no owner file.

use std::io::Write;
use std::net::{IpAddr, Ipv4Addr};
use std::os::fd::{AsFd, AsRawFd, OwnedFd};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::Arc;

use nix::sched::{CloneFlags, setns, unshare};

use crate::LabError;
use crate::device::Device;
use crate::serve::DeviceEntry;

/// Prefix of every namespace the lab creates: the mark of ownership stale cleanup relies on.
pub const NAMESPACE_PREFIX: &str = "csl-";
/// Where owner files live.
pub const RUN_DIR: &str = "/run/camsweep-lab";
/// Most devices of a netns lab: one bridge has at most 1,024 ports (`BR_MAX_PORTS`). Beyond
/// about 500 devices the kernel's neighbour table, whose `gc_thresh3` (1,024 by default) counts
/// entries of every namespace together, evicts entries while a scan runs (measured: 1,000
/// devices, 483 MACs left in the table) and the lab does not change host settings to avoid it.
pub const MAX_DEVICES: usize = 1000;
/// Devices per `ip -batch` run: `ip` opens each peer namespace path (`netns /proc/PID/fd/N`)
/// and keeps it open, so one run must stay below its 1,024 open-file limit.
const IP_BATCH_DEVICES: usize = 400;
/// Where `ip netns` keeps named namespaces.
const NETNS_DIR: &str = "/run/netns";
/// Default device range of a generated netns lab (never routed anywhere: it exists only inside
/// the lab's namespaces).
pub const DEFAULT_RANGE: &str = "10.213.0.0/16";

/// The multicast groups devices join, by discovery port. WS-Discovery and SSDP groups are the
/// standards'; SADP and DHIP groups as used by public discovery tools (hikvision-tooling's
/// SADPScanner: 239.255.255.250:37020; UniversalScanner's Dahua2 engine: 239.255.255.251:37810).
pub fn multicast_group(port: u16) -> Option<Ipv4Addr> {
    match port {
        3702 | 1900 | 37020 => Some(Ipv4Addr::new(239, 255, 255, 250)),
        37810 => Some(Ipv4Addr::new(239, 255, 255, 251)),
        _ => None,
    }
}

/// `csl-NAME`: the namespace a lab named `name` builds.
pub fn namespace_name(name: &str) -> String {
    format!("{NAMESPACE_PREFIX}{name}")
}

/// Why netns mode cannot run here (not root, no `ip`, not Linux), or `Ok` when it can.
pub fn available() -> Result<(), String> {
    if effective_uid() != Some(0) {
        return Err("netns mode needs root (CAP_SYS_ADMIN and CAP_NET_ADMIN)".into());
    }
    // Root without CAP_SYS_ADMIN (an unprivileged container) cannot make namespaces: try one
    // on a throwaway thread.
    let unshared = std::thread::spawn(|| unshare(CloneFlags::CLONE_NEWNET))
        .join()
        .map_err(|_| "the namespace probe thread panicked".to_owned())?;
    if let Err(e) = unshared {
        return Err(format!(
            "netns mode cannot create network namespaces here: {e}"
        ));
    }
    match Command::new("ip")
        .arg("-V")
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
    {
        Ok(s) if s.success() => Ok(()),
        _ => Err("netns mode needs `ip` from iproute2 on PATH".into()),
    }
}

/// The effective user id, from `/proc/self/status` (`Uid: real effective saved fs`).
fn effective_uid() -> Option<u32> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("Uid:"))?;
    line.split_whitespace().nth(2)?.parse().ok()
}

fn netns_error(name: &str, message: impl Into<String>) -> LabError {
    LabError::Netns {
        name: name.to_owned(),
        message: message.into(),
    }
}

fn validate_name(name: &str) -> Result<(), LabError> {
    let ok = !name.is_empty()
        && name.len() <= 40
        && name
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_');
    if ok {
        Ok(())
    } else {
        Err(netns_error(
            name,
            "a lab namespace name is 1-40 characters of A-Z a-z 0-9 - _",
        ))
    }
}

/// A namespace the lab created (and removes on [`Netns::remove`] or drop).
#[derive(Debug)]
pub struct Netns {
    name: String,
    namespace: String,
    scanner: Ipv4Addr,
    prefix_len: u8,
    /// One per device, in spec order: keeps the device's namespace alive until listening is
    /// set up (the sockets then keep it).
    device_namespaces: Vec<OwnedFd>,
    removed: bool,
}

impl Netns {
    /// Builds `csl-NAME`, its bridge and one namespace + veth per device, with the devices'
    /// addresses and MACs. Blocking (runs `ip`); call from a thread that may block.
    /// Devices without a MAC get a locally administered one (`02:c5:1b:` + their index), so the
    /// truth names the MAC the scanner will see.
    pub(crate) fn create(name: &str, devices: &mut [Device]) -> Result<Self, LabError> {
        validate_name(name)?;
        available().map_err(|m| netns_error(name, m))?;
        let namespace = namespace_name(name);
        let addresses = devices
            .iter()
            .map(|d| match d.address {
                IpAddr::V4(v4) if !v4.is_loopback() && !v4.is_multicast() && !v4.is_broadcast() && !v4.is_unspecified() => Ok(v4),
                other => Err(netns_error(
                    name,
                    format!(
                        "device {other}: netns mode serves unicast, non-loopback IPv4 addresses (e.g. --range {DEFAULT_RANGE})"
                    ),
                )),
            })
            .collect::<Result<Vec<_>, _>>()?;
        if devices.len() > MAX_DEVICES {
            return Err(netns_error(
                name,
                format!(
                    "{} devices asked; netns mode serves at most {MAX_DEVICES} (a Linux bridge has \
                     1,024 ports; MACs stay reliable up to about 500, see docs/lab.md)",
                    devices.len()
                ),
            ));
        }
        let (scanner, prefix_len) = lan_for(&addresses).ok_or_else(|| {
            netns_error(
                name,
                "the device addresses do not fit one IPv4 LAN with a free address for the scanner",
            )
        })?;
        remove_stale();
        claim(name, &namespace)?;
        let mut netns = Netns {
            name: name.to_owned(),
            namespace: namespace.clone(),
            scanner,
            prefix_len,
            device_namespaces: Vec::with_capacity(devices.len()),
            removed: false,
        };
        // From here on, dropping `netns` on error removes what was built.
        run_ip(name, &["netns", "add", &namespace], None)?;
        let mut batch = String::new();
        // A fixed locally administered MAC for the scanner side, so runs are comparable.
        batch.push_str("link add br0 address 02:c5:1a:00:00:01 type bridge mcast_snooping 0\n");
        batch.push_str("link set lo up\n");
        batch.push_str("link set br0 up\n");
        batch.push_str(&format!("address add {scanner}/{prefix_len} dev br0\n"));
        batch.push_str("route add 224.0.0.0/4 dev br0\n");
        let pid = std::process::id();
        let mut veths = Vec::with_capacity(devices.len());
        for (i, device) in devices.iter_mut().enumerate() {
            if device.mac.is_none() {
                let i = i as u32;
                device.set_mac(format!(
                    "02:c5:1b:{:02x}:{:02x}:{:02x}",
                    (i >> 16) & 0xff,
                    (i >> 8) & 0xff,
                    i & 0xff
                ));
            }
            let fd = new_device_namespace(name)?;
            let path = format!("/proc/{pid}/fd/{}", fd.as_raw_fd());
            let mac = device
                .mac
                .as_deref()
                .map(|m| format!(" address {m}"))
                .unwrap_or_default();
            veths.push(format!(
                "link add vd{i} type veth peer name eth0{mac} netns {path}\nlink set vd{i} master br0 up\n"
            ));
            netns.device_namespaces.push(fd);
        }
        run_ip(name, &["-n", &namespace, "-batch", "-"], Some(&batch))?;
        for chunk in veths.chunks(IP_BATCH_DEVICES) {
            run_ip(
                name,
                &["-n", &namespace, "-batch", "-"],
                Some(&chunk.concat()),
            )?;
        }
        for (fd, address) in netns.device_namespaces.iter().zip(&addresses) {
            configure_device(name, fd, *address, prefix_len)?;
        }
        Ok(netns)
    }

    /// Opens every device's sockets inside its namespace (TCP on its address, UDP discovery on
    /// the wildcard address joined to the protocol's group) and starts serving them on the lab
    /// runtime `handle`. Blocking; runs on a thread of its own so no runtime thread changes
    /// namespace.
    pub(crate) fn listen(
        &mut self,
        entries: &[Arc<DeviceEntry>],
        handle: tokio::runtime::Handle,
    ) -> Result<(), LabError> {
        let name = self.name.clone();
        let fds = std::mem::take(&mut self.device_namespaces);
        let entries = entries.to_vec();
        let worker = std::thread::Builder::new()
            .name("camsweep-lab-netns".into())
            .spawn(move || -> Result<(), LabError> {
                let _runtime = handle.enter();
                for (fd, entry) in fds.iter().zip(&entries) {
                    setns(fd.as_fd(), CloneFlags::CLONE_NEWNET).map_err(|e| {
                        netns_error(&name, format!("entering a device namespace: {e}"))
                    })?;
                    crate::listen::listen_per_address(entry, true)?;
                }
                // The thread ends here, so its namespace does not matter any more; the device
                // namespaces stay alive through their sockets.
                Ok(())
            })
            .map_err(|e| LabError::io("starting the netns listener thread", e))?;
        worker
            .join()
            .map_err(|_| netns_error(&self.name, "the netns listener thread panicked"))?
    }

    /// The lab's name (`NAME` of `--netns NAME`).
    pub fn name(&self) -> &str {
        &self.name
    }

    /// The namespace to run the scanner in: `csl-NAME`.
    pub fn namespace(&self) -> &str {
        &self.namespace
    }

    /// The scanner's address on the bridge (the highest free address of the devices' LAN).
    pub fn scanner_address(&self) -> Ipv4Addr {
        self.scanner
    }

    /// Prefix length of the LAN the devices and the scanner share.
    pub fn prefix_len(&self) -> u8 {
        self.prefix_len
    }

    /// Deletes the namespace (its bridge and every veth go with it) and the owner file.
    pub(crate) fn remove(mut self) {
        self.remove_now();
    }

    fn remove_now(&mut self) {
        if self.removed {
            return;
        }
        self.removed = true;
        self.device_namespaces.clear();
        let _ = Command::new("ip")
            .args(["netns", "delete", &self.namespace])
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .status();
        let _ = std::fs::remove_file(owner_file(&self.namespace));
    }
}

impl Drop for Netns {
    fn drop(&mut self) {
        self.remove_now();
    }
}

/// The smallest IPv4 LAN holding every address and one free address for the scanner (its
/// highest free host address), as (scanner, prefix length).
fn lan_for(addresses: &[Ipv4Addr]) -> Option<(Ipv4Addr, u8)> {
    let min = u32::from(*addresses.iter().min()?);
    let max = u32::from(*addresses.iter().max()?);
    let common = (min ^ max).leading_zeros().min(30) as u8;
    let taken: std::collections::HashSet<u32> = addresses.iter().map(|a| u32::from(*a)).collect();
    for prefix_len in (8..=common).rev() {
        let mask = if prefix_len == 0 {
            0
        } else {
            u32::MAX << (32 - prefix_len)
        };
        let network = min & mask;
        let broadcast = network | !mask;
        if addresses
            .iter()
            .any(|a| u32::from(*a) == network || u32::from(*a) == broadcast)
        {
            continue;
        }
        let free = (network + 1..broadcast)
            .rev()
            .take(1024)
            .find(|a| !taken.contains(a));
        if let Some(free) = free {
            return Some((Ipv4Addr::from(free), prefix_len));
        }
    }
    None
}

fn run_ip(name: &str, args: &[&str], stdin: Option<&str>) -> Result<(), LabError> {
    let mut child = Command::new("ip")
        .args(args)
        .stdin(if stdin.is_some() {
            Stdio::piped()
        } else {
            Stdio::null()
        })
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .map_err(|e| netns_error(name, format!("running ip: {e}")))?;
    let fed = match (stdin, child.stdin.take()) {
        (Some(text), Some(mut pipe)) => pipe.write_all(text.as_bytes()),
        _ => Ok(()),
    };
    let out = child
        .wait_with_output()
        .map_err(|e| netns_error(name, format!("waiting for ip: {e}")))?;
    if out.status.success() && fed.is_ok() {
        Ok(())
    } else {
        Err(netns_error(
            name,
            format!(
                "`ip {}` failed: {}{}",
                args.join(" "),
                String::from_utf8_lossy(&out.stderr).trim(),
                fed.err()
                    .map(|e| format!(" (writing its input: {e})"))
                    .unwrap_or_default()
            ),
        ))
    }
}

/// A fresh anonymous network namespace, returned as an open handle. Made on a short-lived
/// thread so the caller's thread keeps its namespace.
fn new_device_namespace(name: &str) -> Result<OwnedFd, LabError> {
    std::thread::spawn(|| -> Result<OwnedFd, String> {
        unshare(CloneFlags::CLONE_NEWNET).map_err(|e| format!("unshare(CLONE_NEWNET): {e}"))?;
        let file = std::fs::File::open("/proc/thread-self/ns/net")
            .map_err(|e| format!("opening the new namespace: {e}"))?;
        Ok(OwnedFd::from(file))
    })
    .join()
    .map_err(|_| netns_error(name, "the namespace thread panicked"))?
    .map_err(|m| netns_error(name, m))
}

/// Inside the device namespace `fd`: `lo` and `eth0` up, `address/prefix_len` on `eth0`.
fn configure_device(
    name: &str,
    fd: &OwnedFd,
    address: Ipv4Addr,
    prefix_len: u8,
) -> Result<(), LabError> {
    let fd = fd
        .try_clone()
        .map_err(|e| LabError::io("duplicating a namespace handle", e))?;
    std::thread::spawn(move || -> Result<(), String> {
        setns(fd.as_fd(), CloneFlags::CLONE_NEWNET).map_err(|e| format!("setns: {e}"))?;
        let eth0 = nix::net::if_::if_nametoindex("eth0")
            .map_err(|e| format!("no eth0 in the device namespace: {e}"))?;
        let lo = nix::net::if_::if_nametoindex("lo").map_err(|e| format!("no lo: {e}"))?;
        let rtnl = netlink::Route::open().map_err(|e| format!("netlink: {e}"))?;
        rtnl.add_ipv4(eth0, address, prefix_len)
            .map_err(|e| format!("adding {address}/{prefix_len} to eth0: {e}"))?;
        rtnl.set_up(lo).map_err(|e| format!("lo up: {e}"))?;
        rtnl.set_up(eth0).map_err(|e| format!("eth0 up: {e}"))?;
        Ok(())
    })
    .join()
    .map_err(|_| netns_error(name, "the device configuration thread panicked"))?
    .map_err(|m| netns_error(name, format!("device {address}: {m}")))
}

// ---------------------------------------------------------------- ownership and stale cleanup

fn owner_file(namespace: &str) -> PathBuf {
    Path::new(RUN_DIR).join(format!("{namespace}.pid"))
}

/// `pid starttime` of a process (start time in clock ticks since boot, field 22 of
/// `/proc/PID/stat`): with it a recycled pid is not mistaken for the owner.
fn process_identity(pid: u32) -> Option<String> {
    let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).ok()?;
    // The command name (field 2) may contain spaces; fields after its closing parenthesis.
    let after = &stat[stat.rfind(')')? + 2..];
    let mut fields = after.split_whitespace();
    // A zombie (killed, not yet reaped by its parent) is dead for our purposes.
    if matches!(fields.next()?, "Z" | "X" | "x") {
        return None;
    }
    let start = fields.nth(18)?;
    Some(format!("{pid} {start}"))
}

fn owner_alive(namespace: &str) -> Option<u32> {
    let text = std::fs::read_to_string(owner_file(namespace)).ok()?;
    let pid: u32 = text.split_whitespace().next()?.parse().ok()?;
    (process_identity(pid).as_deref() == Some(text.trim())).then_some(pid)
}

/// Claims `namespace` for this process: fails if a live process owns it, removes a stale one.
fn claim(name: &str, namespace: &str) -> Result<(), LabError> {
    std::fs::create_dir_all(RUN_DIR)
        .map_err(|e| netns_error(name, format!("creating {RUN_DIR}: {e}")))?;
    if let Some(pid) = owner_alive(namespace) {
        return Err(netns_error(
            name,
            format!("namespace {namespace} is in use by the lab of process {pid}"),
        ));
    }
    delete_namespace(namespace);
    let identity = process_identity(std::process::id())
        .ok_or_else(|| netns_error(name, "cannot read this process's /proc/self/stat"))?;
    std::fs::write(owner_file(namespace), format!("{identity}\n"))
        .map_err(|e| netns_error(name, format!("writing the owner file: {e}")))
}

fn delete_namespace(namespace: &str) {
    if Path::new(NETNS_DIR).join(namespace).exists() {
        let _ = Command::new("ip")
            .args(["netns", "delete", namespace])
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .status();
    }
    let _ = std::fs::remove_file(owner_file(namespace));
}

/// Removes every `csl-*` namespace whose owner is dead or unknown (a lab killed with SIGKILL
/// could not clean up). Returns the namespaces removed.
pub fn remove_stale() -> Vec<String> {
    let mut candidates = std::collections::BTreeSet::new();
    for dir in [NETNS_DIR, RUN_DIR] {
        let Ok(entries) = std::fs::read_dir(dir) else {
            continue;
        };
        for entry in entries.flatten() {
            let file = entry.file_name().to_string_lossy().into_owned();
            let namespace = file.strip_suffix(".pid").unwrap_or(&file).to_owned();
            if namespace.starts_with(NAMESPACE_PREFIX) {
                candidates.insert(namespace);
            }
        }
    }
    let mut removed = Vec::new();
    for namespace in candidates {
        if owner_alive(&namespace).is_none() {
            delete_namespace(&namespace);
            removed.push(namespace);
        }
    }
    removed
}

// ---------------------------------------------------------------- entering the namespace

/// The calling thread inside a lab's namespace; dropping it switches the thread back.
pub struct Entered {
    previous: OwnedFd,
}

impl Drop for Entered {
    fn drop(&mut self) {
        let _ = setns(self.previous.as_fd(), CloneFlags::CLONE_NEWNET);
    }
}

/// Moves the calling thread into the namespace of the lab named `name` (`csl-NAME`) until the
/// returned guard drops. Sockets created meanwhile live in the namespace for good. Threads
/// spawned meanwhile start inside it too; an async runtime's existing workers do not move, so
/// build the runtime after entering (or use [`run_in`]).
pub fn enter(name: &str) -> Result<Entered, LabError> {
    validate_name(name)?;
    let path = Path::new(NETNS_DIR).join(namespace_name(name));
    let target = std::fs::File::open(&path)
        .map_err(|e| netns_error(name, format!("opening {}: {e}", path.display())))?;
    let previous = std::fs::File::open("/proc/thread-self/ns/net")
        .map_err(|e| netns_error(name, format!("opening this thread's namespace: {e}")))?;
    setns(target.as_fd(), CloneFlags::CLONE_NEWNET)
        .map_err(|e| netns_error(name, format!("setns into {}: {e}", path.display())))?;
    Ok(Entered {
        previous: OwnedFd::from(previous),
    })
}

/// Runs `f` on a new thread inside the lab's namespace and waits for its result (e.g. a scan
/// on a current-thread runtime built inside `f`). A panic in `f` resumes in the caller.
pub fn run_in<T: Send + 'static>(
    name: &str,
    f: impl FnOnce() -> T + Send + 'static,
) -> Result<T, LabError> {
    let name = name.to_owned();
    let thread_name = format!("in-{}", namespace_name(&name));
    let handle = std::thread::Builder::new()
        .name(thread_name)
        .spawn(move || -> Result<T, LabError> {
            let guard = enter(&name)?;
            let out = f();
            drop(guard);
            Ok(out)
        })
        .map_err(|e| LabError::io("spawning a thread", e))?;
    match handle.join() {
        Ok(result) => result,
        Err(panic) => std::panic::resume_unwind(panic),
    }
}

/// Minimal rtnetlink: add an IPv4 address, set a link up. Hand-built messages (the kernel's
/// `linux/rtnetlink.h` layouts) so configuring hundreds of device namespaces needs no process
/// per device.
mod netlink {
    use super::*;
    use nix::sys::socket::{
        AddressFamily, MsgFlags, NetlinkAddr, SockFlag, SockProtocol, SockType, recv, sendto,
        socket,
    };

    pub struct Route {
        fd: OwnedFd,
        seq: std::cell::Cell<u32>,
    }

    fn attr(out: &mut Vec<u8>, kind: u16, data: &[u8]) {
        let len = 4 + data.len();
        out.extend_from_slice(&(len as u16).to_ne_bytes());
        out.extend_from_slice(&kind.to_ne_bytes());
        out.extend_from_slice(data);
        while !out.len().is_multiple_of(4) {
            out.push(0);
        }
    }

    impl Route {
        pub fn open() -> std::io::Result<Self> {
            let fd = socket(
                AddressFamily::Netlink,
                SockType::Raw,
                SockFlag::SOCK_CLOEXEC,
                SockProtocol::NetlinkRoute,
            )?;
            Ok(Self {
                fd,
                seq: std::cell::Cell::new(1),
            })
        }

        /// Sends one request with NLM_F_ACK and waits for the kernel's answer.
        fn request(&self, kind: u16, flags: u16, body: &[u8]) -> std::io::Result<()> {
            let seq = self.seq.get();
            self.seq.set(seq + 1);
            let mut msg = Vec::with_capacity(16 + body.len());
            msg.extend_from_slice(&((16 + body.len()) as u32).to_ne_bytes());
            msg.extend_from_slice(&kind.to_ne_bytes());
            let flags = flags | libc::NLM_F_REQUEST as u16 | libc::NLM_F_ACK as u16;
            msg.extend_from_slice(&flags.to_ne_bytes());
            msg.extend_from_slice(&seq.to_ne_bytes());
            msg.extend_from_slice(&0u32.to_ne_bytes());
            msg.extend_from_slice(body);
            sendto(
                self.fd.as_raw_fd(),
                &msg,
                &NetlinkAddr::new(0, 0),
                MsgFlags::empty(),
            )?;
            let mut buf = [0u8; 8192];
            loop {
                let n = recv(self.fd.as_raw_fd(), &mut buf, MsgFlags::empty())?;
                let mut at = 0;
                while at + 16 <= n {
                    let word = |i: usize| {
                        buf.get(i..i + 4)
                            .and_then(|b| b.try_into().ok())
                            .map(u32::from_ne_bytes)
                            .unwrap_or(0)
                    };
                    let len = word(at) as usize;
                    let kind = u16::from_ne_bytes([buf[at + 4], buf[at + 5]]);
                    if kind == libc::NLMSG_ERROR as u16 && word(at + 8) == seq && at + 20 <= n {
                        let code = word(at + 16) as i32;
                        return if code == 0 {
                            Ok(())
                        } else {
                            Err(std::io::Error::from_raw_os_error(-code))
                        };
                    }
                    if len < 16 {
                        break;
                    }
                    at += (len + 3) & !3;
                }
            }
        }

        pub fn add_ipv4(
            &self,
            index: u32,
            address: Ipv4Addr,
            prefix_len: u8,
        ) -> std::io::Result<()> {
            // struct ifaddrmsg { family, prefixlen, flags, scope, index }
            let mut body = vec![libc::AF_INET as u8, prefix_len, 0, 0];
            body.extend_from_slice(&index.to_ne_bytes());
            attr(&mut body, libc::IFA_LOCAL, &address.octets());
            attr(&mut body, libc::IFA_ADDRESS, &address.octets());
            let mask = if prefix_len == 0 {
                0
            } else {
                u32::MAX << (32 - u32::from(prefix_len))
            };
            let broadcast = Ipv4Addr::from(u32::from(address) | !mask);
            attr(&mut body, libc::IFA_BROADCAST, &broadcast.octets());
            self.request(
                libc::RTM_NEWADDR,
                (libc::NLM_F_CREATE | libc::NLM_F_EXCL) as u16,
                &body,
            )
        }

        pub fn set_up(&self, index: u32) -> std::io::Result<()> {
            // struct ifinfomsg { family, pad, type, index, flags, change }
            let mut body = vec![libc::AF_UNSPEC as u8, 0, 0, 0];
            body.extend_from_slice(&(index as i32).to_ne_bytes());
            body.extend_from_slice(&(libc::IFF_UP as u32).to_ne_bytes());
            body.extend_from_slice(&(libc::IFF_UP as u32).to_ne_bytes());
            self.request(libc::RTM_NEWLINK, 0, &body)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_lan_is_the_smallest_holding_every_device_and_a_free_scanner_address() {
        let a = |s: &str| s.parse::<Ipv4Addr>().unwrap();
        assert_eq!(
            lan_for(&[a("10.213.0.1"), a("10.213.0.100")]),
            Some((a("10.213.0.126"), 25))
        );
        // The highest address taken: the next one down.
        assert_eq!(
            lan_for(&[a("10.213.0.1"), a("10.213.0.126")]),
            Some((a("10.213.0.125"), 25))
        );
        // One device: a /30 around it.
        assert_eq!(lan_for(&[a("10.213.0.1")]), Some((a("10.213.0.2"), 30)));
        // No free address in the /30: a wider LAN.
        assert_eq!(
            lan_for(&[a("10.213.0.1"), a("10.213.0.2")]),
            Some((a("10.213.0.6"), 29))
        );
        assert_eq!(lan_for(&[]), None);
    }

    #[test]
    fn names_are_checked_and_prefixed() {
        assert_eq!(namespace_name("t1"), "csl-t1");
        assert!(validate_name("ok_name-1").is_ok());
        for bad in ["", "a/b", "a b", &"x".repeat(41)] {
            let err = validate_name(bad).unwrap_err();
            assert!(err.to_string().contains("1-40 characters"), "{err}");
        }
    }

    #[test]
    fn groups_are_the_discovery_protocols_own() {
        assert_eq!(
            multicast_group(3702),
            Some(Ipv4Addr::new(239, 255, 255, 250))
        );
        assert_eq!(
            multicast_group(37810),
            Some(Ipv4Addr::new(239, 255, 255, 251))
        );
        assert_eq!(multicast_group(80), None);
    }

    #[test]
    fn process_identity_has_pid_and_start_time() {
        let me = process_identity(std::process::id()).unwrap();
        let mut words = me.split_whitespace();
        assert_eq!(words.next().unwrap(), std::process::id().to_string());
        assert!(words.next().unwrap().parse::<u64>().is_ok());
    }
}
