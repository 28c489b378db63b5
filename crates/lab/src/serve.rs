//! One accepted connection or datagram → the service the device runs on that port.

use std::sync::Arc;

use rustls::ServerConfig;
use tokio::net::TcpStream;
use tokio::sync::Semaphore;
use tokio_util::sync::CancellationToken;
use tokio_util::task::TaskTracker;

use crate::device::Device;
use crate::hostile::{self, reset};
use crate::record::Recording;

/// A device as a lab serves it, with its lab's limits and lifetime.
pub(crate) struct DeviceEntry {
    pub device: Device,
    pub lab: Arc<LabRuntime>,
    pub tls: Option<Arc<ServerConfig>>,
}

/// What every device of one lab shares: its lifetime and its connection budget.
pub(crate) struct LabRuntime {
    pub cancel: CancellationToken,
    pub tracker: TaskTracker,
    /// Concurrent connections the lab serves; beyond, new connections are reset.
    pub connections: Arc<Semaphore>,
    /// What the devices received, when the lab records (`LabOptions::record`).
    pub recorder: Option<Arc<crate::record::Recorder>>,
}

impl LabRuntime {
    /// Notes a datagram a device received, when the lab records.
    pub(crate) fn record_datagram(&self, address: std::net::IpAddr, port: u16, bytes: &[u8]) {
        if let Some(recorder) = &self.recorder {
            recorder.push(crate::record::Received {
                address,
                port,
                transport: "udp",
                bytes: bytes[..bytes.len().min(crate::record::MAX_RECORDED)].to_vec(),
            });
        }
    }
}

/// Takes a connection dialled to `entry`'s address on `port`.
pub(crate) fn accept(entry: Arc<DeviceEntry>, port: u16, stream: TcpStream) {
    if !entry.device.tcp_ports.contains(&port) {
        reset(stream);
        return;
    }
    let Ok(permit) = entry.lab.connections.clone().try_acquire_owned() else {
        reset(stream);
        return;
    };
    let _ = stream.set_nodelay(true);
    let lab = entry.lab.clone();
    lab.tracker.spawn(async move {
        tokio::select! {
            () = entry.lab.cancel.cancelled() => {}
            () = serve(&entry, port, stream) => {}
        }
        drop(permit);
    });
}

async fn serve(entry: &DeviceEntry, port: u16, stream: TcpStream) {
    let device = &entry.device;

    let profile = device.profile;
    if let Some(h) = &profile.hostile
        && h.ports.contains(&port)
    {
        hostile::serve(h.behaviour, stream, device).await;
        return;
    }
    if profile
        .http
        .as_ref()
        .is_some_and(|h| h.ports.contains(&port))
    {
        crate::http::serve(recorded(entry, port, "tcp", stream), device).await;
    } else if profile
        .tls
        .as_ref()
        .is_some_and(|t| t.ports.contains(&port))
    {
        let Some(config) = &entry.tls else { return };
        let acceptor = tokio_rustls::TlsAcceptor::from(config.clone());
        let handshake =
            tokio::time::timeout(std::time::Duration::from_secs(15), acceptor.accept(stream));
        if let Ok(Ok(tls_stream)) = handshake.await {
            crate::http::serve(recorded(entry, port, "tls", tls_stream), device).await;
        }
    } else if profile
        .rtsp
        .as_ref()
        .is_some_and(|r| r.ports.contains(&port))
    {
        crate::rtsp::serve(recorded(entry, port, "tcp", stream), device).await;
    } else if let Some(banner) = profile.banners.iter().find(|b| b.port == port) {
        crate::banner::serve_banner(recorded(entry, port, "tcp", stream), device, banner).await;
    } else if let Some(sdk) = profile.sdk.iter().find(|s| s.port == port) {
        crate::banner::serve_sdk(recorded(entry, port, "tcp", stream), device, sdk).await;
    }
}

/// `stream`, recorded when the lab records.
fn recorded<S>(entry: &DeviceEntry, port: u16, transport: &'static str, stream: S) -> Recording<S> {
    Recording::new(
        stream,
        entry.lab.recorder.as_ref(),
        entry.device.address,
        port,
        transport,
    )
}
