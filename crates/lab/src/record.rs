//! What the lab's devices were sent, when a lab is started with `LabOptions::record`: every TCP
//! connection's bytes (after TLS is removed, for HTTPS) and every datagram, by device address
//! and port. Tests read it ([`crate::Lab::received`]) to check what a scanner sends: no exploit,
//! no password guessing, no change.

use std::net::IpAddr;
use std::pin::Pin;
use std::sync::{Arc, Mutex};
use std::task::{Context, Poll};

use serde::Serialize;
use tokio::io::{AsyncRead, AsyncWrite, ReadBuf};

/// Bytes kept per connection or datagram; a longer request is cut here.
pub const MAX_RECORDED: usize = 64 * 1024;

/// What one device received on one connection or in one datagram.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Received {
    pub address: IpAddr,
    pub port: u16,
    /// `tcp`, `tls` (the bytes inside TLS) or `udp`.
    pub transport: &'static str,
    pub bytes: Vec<u8>,
}

/// A lab's log of what its devices received.
#[derive(Debug, Default)]
pub(crate) struct Recorder {
    log: Mutex<Vec<Received>>,
}

impl Recorder {
    pub(crate) fn push(&self, received: Received) {
        if let Ok(mut log) = self.log.lock() {
            log.push(received);
        }
    }

    pub(crate) fn all(&self) -> Vec<Received> {
        self.log.lock().map(|log| log.clone()).unwrap_or_default()
    }
}

/// A stream whose reads are copied into the recorder when it is dropped; a plain pass-through
/// when the lab does not record.
pub(crate) struct Recording<S> {
    inner: S,
    kept: Vec<u8>,
    sink: Option<(Arc<Recorder>, IpAddr, u16, &'static str)>,
}

impl<S> Recording<S> {
    pub(crate) fn new(
        inner: S,
        recorder: Option<&Arc<Recorder>>,
        address: IpAddr,
        port: u16,
        transport: &'static str,
    ) -> Self {
        Self {
            inner,
            kept: Vec::new(),
            sink: recorder.map(|r| (r.clone(), address, port, transport)),
        }
    }
}

impl<S> Drop for Recording<S> {
    fn drop(&mut self) {
        if let Some((recorder, address, port, transport)) = self.sink.take()
            && !self.kept.is_empty()
        {
            recorder.push(Received {
                address,
                port,
                transport,
                bytes: std::mem::take(&mut self.kept),
            });
        }
    }
}

impl<S: AsyncRead + Unpin> AsyncRead for Recording<S> {
    fn poll_read(
        self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        buf: &mut ReadBuf<'_>,
    ) -> Poll<std::io::Result<()>> {
        let this = self.get_mut();
        let before = buf.filled().len();
        let poll = Pin::new(&mut this.inner).poll_read(cx, buf);
        if this.sink.is_some() {
            let new = &buf.filled()[before..];
            let room = MAX_RECORDED.saturating_sub(this.kept.len());
            this.kept.extend_from_slice(&new[..new.len().min(room)]);
        }
        poll
    }
}

impl<S: AsyncWrite + Unpin> AsyncWrite for Recording<S> {
    fn poll_write(
        self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        buf: &[u8],
    ) -> Poll<std::io::Result<usize>> {
        Pin::new(&mut self.get_mut().inner).poll_write(cx, buf)
    }

    fn poll_flush(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<std::io::Result<()>> {
        Pin::new(&mut self.get_mut().inner).poll_flush(cx)
    }

    fn poll_shutdown(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<std::io::Result<()>> {
        Pin::new(&mut self.get_mut().inner).poll_shutdown(cx)
    }
}
