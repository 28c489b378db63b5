//! Listening: per-address sockets (small labs, exact per-port behaviour) or one shared socket
//! per port for every lab in the process (large labs).
//!
//! Shared mode binds `0.0.0.0:PORT` with `SO_BINDTODEVICE lo`, so only loopback traffic reaches
//! it, and dispatches each connection by the local address the client dialled (`getsockname`);
//! UDP learns the destination from `IP_PKTINFO` and answers from it. Connections to an address
//! that is not a lab device, or to a port the device does not serve, are reset at once.

use std::collections::HashMap;
use std::net::{IpAddr, Ipv4Addr, SocketAddr};
use std::os::fd::AsRawFd;
use std::sync::{Arc, Mutex, OnceLock, RwLock};
use std::time::Duration;

use nix::sys::socket::{
    ControlMessage, ControlMessageOwned, MsgFlags, SockaddrIn, recvmsg, sendmsg, setsockopt,
    sockopt,
};
use socket2::{Domain, Protocol, Socket, Type};
use tokio::io::Interest;
use tokio::net::{TcpListener, UdpSocket};
use tokio_util::sync::CancellationToken;

use crate::LabError;
use crate::discovery::{self, MAX_PROBE};
use crate::serve::{DeviceEntry, accept};

/// How a lab listens.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum ListenMode {
    /// Per-address for labs needing at most [`PER_ADDRESS_SOCKET_BUDGET`] sockets, else shared.
    #[default]
    Auto,
    /// One socket per device and port: exact (closed ports refuse), limited by open files.
    PerAddress,
    /// One socket per port for all labs of the process (IPv4 only).
    Shared,
}

/// Sockets a lab may open in per-address mode under [`ListenMode::Auto`].
pub const PER_ADDRESS_SOCKET_BUDGET: usize = 4096;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(crate) enum Proto {
    Tcp,
    Udp,
}

fn bind_error(address: SocketAddr) -> impl FnOnce(std::io::Error) -> LabError {
    move |source| LabError::Bind { address, source }
}

fn tcp_socket(address: SocketAddr, device: Option<&[u8]>) -> Result<TcpListener, LabError> {
    let err = bind_error(address);
    let socket = Socket::new(
        Domain::for_address(address),
        Type::STREAM,
        Some(Protocol::TCP),
    )
    .map_err(bind_error(address))?;
    socket
        .set_reuse_address(true)
        .map_err(bind_error(address))?;
    if let Some(dev) = device {
        socket.bind_device(Some(dev)).map_err(bind_error(address))?;
    }
    socket.bind(&address.into()).map_err(bind_error(address))?;
    socket.listen(1024).map_err(bind_error(address))?;
    socket.set_nonblocking(true).map_err(bind_error(address))?;
    TcpListener::from_std(socket.into()).map_err(err)
}

fn udp_socket(address: SocketAddr, device: Option<&[u8]>) -> Result<UdpSocket, LabError> {
    let socket = Socket::new(
        Domain::for_address(address),
        Type::DGRAM,
        Some(Protocol::UDP),
    )
    .map_err(bind_error(address))?;
    socket
        .set_reuse_address(true)
        .map_err(bind_error(address))?;
    if let Some(dev) = device {
        socket.bind_device(Some(dev)).map_err(bind_error(address))?;
    }
    socket.bind(&address.into()).map_err(bind_error(address))?;
    socket.set_nonblocking(true).map_err(bind_error(address))?;
    UdpSocket::from_std(socket.into()).map_err(bind_error(address))
}

/// Accepts on `listener` until `cancel`, handing each connection to `route`.
async fn accept_loop(
    listener: TcpListener,
    port: u16,
    cancel: CancellationToken,
    route: impl Fn(IpAddr) -> Option<Arc<DeviceEntry>>,
) {
    loop {
        let accepted = tokio::select! {
            () = cancel.cancelled() => return,
            r = listener.accept() => r,
        };
        match accepted {
            Ok((stream, _peer)) => {
                let local = stream.local_addr().map(|a| a.ip());
                match local.ok().and_then(&route) {
                    Some(entry) => accept(entry, port, stream),
                    None => crate::hostile::reset(stream),
                }
            }
            // Out of file descriptors or a transient error: back off instead of spinning.
            Err(_) => tokio::time::sleep(Duration::from_millis(50)).await,
        }
    }
}

// ---------------------------------------------------------------- per-address mode

/// Binds every port of `entry` on its own address and spawns the accept/receive loops.
///
/// `in_own_namespace`: the calling thread is in the device's own network namespace (netns
/// mode), where UDP discovery binds the wildcard address and joins the protocol's multicast
/// group, so probes sent to the group reach the device as on a LAN.
pub(crate) fn listen_per_address(
    entry: &Arc<DeviceEntry>,
    in_own_namespace: bool,
) -> Result<(), LabError> {
    let address = entry.device.address;
    for &port in &entry.device.tcp_ports {
        let listener = tcp_socket(SocketAddr::new(address, port), None)?;
        let fixed = entry.clone();
        let cancel = entry.lab.cancel.clone();
        entry
            .lab
            .tracker
            .spawn(accept_loop(listener, port, cancel, move |_| {
                Some(fixed.clone())
            }));
    }
    for &port in &entry.device.udp_ports {
        let socket = match (
            in_own_namespace,
            address,
            crate::netns::multicast_group(port),
        ) {
            (true, IpAddr::V4(v4), Some(group)) => {
                let any = SocketAddr::new(IpAddr::V4(Ipv4Addr::UNSPECIFIED), port);
                let socket = udp_socket(any, None)?;
                socket
                    .join_multicast_v4(group, v4)
                    .map_err(bind_error(SocketAddr::new(IpAddr::V4(group), port)))?;
                socket
            }
            _ => udp_socket(SocketAddr::new(address, port), None)?,
        };
        let fixed = entry.clone();
        entry.lab.tracker.spawn(async move {
            let mut buf = vec![0u8; MAX_PROBE];
            loop {
                let received = tokio::select! {
                    () = fixed.lab.cancel.cancelled() => return,
                    r = socket.recv_from(&mut buf) => r,
                };
                let Ok((n, peer)) = received else { continue };
                fixed
                    .lab
                    .record_datagram(fixed.device.address, port, &buf[..n]);
                if let Some(reply) = discovery::answer(&fixed.device, port, &buf[..n]) {
                    let _ = socket.send_to(&reply, peer).await;
                }
            }
        });
    }
    Ok(())
}

// ---------------------------------------------------------------- shared mode

/// Devices of every shared-mode lab in the process, by address.
fn devices() -> &'static RwLock<HashMap<IpAddr, Arc<DeviceEntry>>> {
    static DEVICES: OnceLock<RwLock<HashMap<IpAddr, Arc<DeviceEntry>>>> = OnceLock::new();
    DEVICES.get_or_init(|| RwLock::new(HashMap::new()))
}

struct SharedPort {
    users: usize,
    cancel: CancellationToken,
}

fn ports() -> &'static Mutex<HashMap<(Proto, u16), SharedPort>> {
    static PORTS: OnceLock<Mutex<HashMap<(Proto, u16), SharedPort>>> = OnceLock::new();
    PORTS.get_or_init(|| Mutex::new(HashMap::new()))
}

fn lookup(address: IpAddr) -> Option<Arc<DeviceEntry>> {
    devices().read().ok()?.get(&address).cloned()
}

/// Registers a lab's devices for shared listening; fails if another lab has one of them.
pub(crate) fn register_shared(entries: &[Arc<DeviceEntry>]) -> Result<(), LabError> {
    let mut map = devices().write().map_err(|_| poisoned())?;
    if let Some(taken) = entries.iter().find(|e| map.contains_key(&e.device.address)) {
        return Err(LabError::AddressTaken {
            address: taken.device.address.to_string(),
        });
    }
    for e in entries {
        map.insert(e.device.address, e.clone());
    }
    Ok(())
}

pub(crate) fn unregister_shared(addresses: &[IpAddr], used_ports: &[(Proto, u16)]) {
    if let Ok(mut map) = devices().write() {
        for a in addresses {
            map.remove(a);
        }
    }
    if let Ok(mut ports) = ports().lock() {
        for key in used_ports {
            if let Some(p) = ports.get_mut(key) {
                p.users -= 1;
                if p.users == 0 {
                    p.cancel.cancel();
                    ports.remove(key);
                }
            }
        }
    }
}

fn poisoned() -> LabError {
    LabError::io(
        "lab registry",
        std::io::Error::other("a lab thread panicked while holding the registry"),
    )
}

/// Makes sure a shared listener exists for `(proto, port)` and counts this lab as a user.
/// Must run on the lab runtime (the listener task is spawned onto it).
pub(crate) fn use_shared_port(proto: Proto, port: u16) -> Result<(), LabError> {
    let mut ports = ports().lock().map_err(|_| poisoned())?;
    if let Some(p) = ports.get_mut(&(proto, port)) {
        p.users += 1;
        return Ok(());
    }
    let cancel = CancellationToken::new();
    let address = SocketAddr::new(IpAddr::V4(Ipv4Addr::UNSPECIFIED), port);
    match proto {
        Proto::Tcp => {
            let listener = tcp_socket(address, Some(b"lo"))?;
            tokio::spawn(accept_loop(listener, port, cancel.clone(), lookup));
        }
        Proto::Udp => {
            let socket = udp_socket(address, Some(b"lo"))?;
            setsockopt(&socket, sockopt::Ipv4PacketInfo, &true).map_err(|e| LabError::Bind {
                address,
                source: e.into(),
            })?;
            tokio::spawn(udp_pktinfo_loop(socket, port, cancel.clone()));
        }
    }
    ports.insert((proto, port), SharedPort { users: 1, cancel });
    Ok(())
}

/// One datagram: its payload length, sender and the address it was sent to.
fn receive_with_destination(
    socket: &UdpSocket,
    buf: &mut [u8],
) -> std::io::Result<(usize, SockaddrIn, Ipv4Addr)> {
    let mut iov = [std::io::IoSliceMut::new(buf)];
    let mut cmsg = nix::cmsg_space!(libc::in_pktinfo);
    let msg = recvmsg::<SockaddrIn>(
        socket.as_raw_fd(),
        &mut iov,
        Some(&mut cmsg),
        MsgFlags::empty(),
    )
    .map_err(std::io::Error::from)?;
    let mut destination = None;
    if let Ok(cmsgs) = msg.cmsgs() {
        for c in cmsgs {
            if let ControlMessageOwned::Ipv4PacketInfo(info) = c {
                destination = Some(Ipv4Addr::from(u32::from_be(info.ipi_addr.s_addr)));
            }
        }
    }
    let peer = msg
        .address
        .ok_or_else(|| std::io::Error::other("datagram without sender"))?;
    let destination = destination.ok_or_else(|| std::io::Error::other("no IP_PKTINFO"))?;
    Ok((msg.bytes, peer, destination))
}

async fn udp_pktinfo_loop(socket: UdpSocket, port: u16, cancel: CancellationToken) {
    let mut buf = vec![0u8; MAX_PROBE];
    loop {
        let received = tokio::select! {
            () = cancel.cancelled() => return,
            r = socket.async_io(Interest::READABLE, || receive_with_destination(&socket, &mut buf)) => r,
        };
        let Ok((n, peer, destination)) = received else {
            continue;
        };
        let Some(entry) = lookup(IpAddr::V4(destination)) else {
            continue;
        };
        if entry.lab.cancel.is_cancelled() {
            continue;
        }
        entry
            .lab
            .record_datagram(entry.device.address, port, &buf[..n]);
        let Some(reply) = discovery::answer(&entry.device, port, &buf[..n]) else {
            continue;
        };
        // Answer from the address the probe was sent to, as the device would.
        let info = libc::in_pktinfo {
            ipi_ifindex: 0,
            ipi_spec_dst: libc::in_addr {
                s_addr: u32::from(destination).to_be(),
            },
            ipi_addr: libc::in_addr { s_addr: 0 },
        };
        let iov = [std::io::IoSlice::new(&reply)];
        let cmsgs = [ControlMessage::Ipv4PacketInfo(&info)];
        let _ = socket
            .async_io(Interest::WRITABLE, || {
                sendmsg(
                    socket.as_raw_fd(),
                    &iov,
                    &cmsgs,
                    MsgFlags::empty(),
                    Some(&peer),
                )
                .map_err(std::io::Error::from)
            })
            .await;
    }
}
