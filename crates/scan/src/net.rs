//! Bounded network primitives: a connector that holds one concurrency permit per socket, obeys
//! the connection rate, treats "too many open files" as backpressure, and bounded reads with an
//! idle timeout, a total deadline and a byte limit.

use std::io;
use std::net::SocketAddr;
use std::num::NonZeroU32;
use std::pin::Pin;
use std::sync::Arc;
use std::task::{Context, Poll};
use std::time::Duration;

use governor::{DefaultDirectRateLimiter, Quota, RateLimiter};
use tokio::io::{AsyncRead, AsyncReadExt, AsyncWrite, ReadBuf};
use tokio::net::{TcpSocket, TcpStream};
use tokio::sync::{OwnedSemaphorePermit, Semaphore};
use tokio::time::Instant;

use crate::config::Limits;

/// A stream that keeps its concurrency permit for as long as it lives.
pub(crate) struct Guarded<S> {
    pub inner: S,
    _permit: OwnedSemaphorePermit,
}

impl<S: AsyncRead + Unpin> AsyncRead for Guarded<S> {
    fn poll_read(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        buf: &mut ReadBuf<'_>,
    ) -> Poll<io::Result<()>> {
        Pin::new(&mut self.inner).poll_read(cx, buf)
    }
}

impl<S: AsyncWrite + Unpin> AsyncWrite for Guarded<S> {
    fn poll_write(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        buf: &[u8],
    ) -> Poll<io::Result<usize>> {
        Pin::new(&mut self.inner).poll_write(cx, buf)
    }
    fn poll_flush(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        Pin::new(&mut self.inner).poll_flush(cx)
    }
    fn poll_shutdown(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        Pin::new(&mut self.inner).poll_shutdown(cx)
    }
}

pub(crate) type Conn = Guarded<TcpStream>;

/// What a TCP connect found.
pub(crate) enum Connect {
    Open(Conn),
    /// Refused (RST): nothing listens.
    Closed,
    /// No answer within the connect timeout.
    Filtered,
    /// The host or network is unreachable, or the local system refused.
    Failed(io::Error),
}

/// Shared connection machinery of one scan.
pub(crate) struct Net {
    permits: Arc<Semaphore>,
    limiter: Option<DefaultDirectRateLimiter>,
    pub limits: Limits,
}

impl Net {
    pub fn new(limits: Limits) -> Self {
        let limiter = limits
            .rate
            .and_then(NonZeroU32::new)
            .map(|r| RateLimiter::direct(Quota::per_second(r)));
        Self {
            permits: Arc::new(Semaphore::new(limits.concurrency.max(1))),
            limiter,
            limits,
        }
    }

    /// Waits for the rate limiter (one unit per connection or datagram).
    pub async fn pace(&self) {
        if let Some(l) = &self.limiter {
            l.until_ready().await;
        }
    }

    /// One TCP connection attempt, bounded by the connect timeout.
    pub async fn connect(&self, addr: SocketAddr) -> Connect {
        let Ok(permit) = self.permits.clone().acquire_owned().await else {
            return Connect::Failed(io::Error::other("scan is shutting down"));
        };
        self.pace().await;
        let deadline = Instant::now() + self.limits.connect_timeout;
        loop {
            match self.try_connect(addr, deadline).await {
                Ok(Some(stream)) => {
                    return Connect::Open(Guarded {
                        inner: stream,
                        _permit: permit,
                    });
                }
                Ok(None) => return Connect::Filtered,
                Err(e) if e.kind() == io::ErrorKind::ConnectionRefused => return Connect::Closed,
                Err(e) if is_resource_exhaustion(&e) => {
                    // Out of descriptors or local ports: back off and retry until the deadline;
                    // other sockets of this scan will be closed meanwhile.
                    if Instant::now() + BACKOFF >= deadline {
                        return Connect::Failed(e);
                    }
                    tokio::time::sleep(BACKOFF).await;
                }
                Err(e) => return Connect::Failed(e),
            }
        }
    }

    async fn try_connect(
        &self,
        addr: SocketAddr,
        deadline: Instant,
    ) -> io::Result<Option<TcpStream>> {
        let socket = match addr {
            SocketAddr::V4(_) => TcpSocket::new_v4()?,
            SocketAddr::V6(_) => TcpSocket::new_v6()?,
        };
        // Close with RST rather than FIN so that a scan of thousands of hosts leaves no sockets
        // in TIME_WAIT and does not run out of local ports. (The deprecation is about a
        // non-zero linger blocking the thread on drop; a zero linger never blocks.)
        #[allow(deprecated)]
        socket.set_linger(Some(Duration::ZERO))?;
        socket.set_nodelay(true)?;
        match tokio::time::timeout_at(deadline, socket.connect(addr)).await {
            Ok(Ok(stream)) => Ok(Some(stream)),
            Ok(Err(e)) => Err(e),
            Err(_) => Ok(None),
        }
    }
}

const BACKOFF: Duration = Duration::from_millis(25);

fn is_resource_exhaustion(e: &io::Error) -> bool {
    matches!(
        e.raw_os_error(),
        Some(libc::EMFILE | libc::ENFILE | libc::ENOBUFS | libc::EADDRNOTAVAIL | libc::ENOMEM)
    )
}

/// Raises the soft open-file limit to the hard limit and returns the usable number of sockets.
pub fn raise_fd_limit() -> u64 {
    match rlimit::increase_nofile_limit(u64::MAX) {
        Ok(n) => n,
        Err(_) => rlimit::getrlimit(rlimit::Resource::NOFILE)
            .map(|(soft, _)| soft)
            .unwrap_or(1024),
    }
}

/// Why a bounded read stopped short.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum ReadStop {
    /// Nothing new within the idle timeout, or the whole deadline passed.
    TimedOut { received: usize, total: bool },
    /// The peer reset the connection.
    Reset,
    /// Another I/O error.
    Io(String),
}

impl ReadStop {
    pub fn describe(&self, limits: &Limits) -> String {
        match self {
            ReadStop::TimedOut {
                received: 0,
                total: false,
            } => format!("no answer within {}", human(limits.read_timeout)),
            ReadStop::TimedOut {
                received,
                total: false,
            } => format!(
                "stalled after {received} bytes (nothing more within {})",
                human(limits.read_timeout)
            ),
            ReadStop::TimedOut { received, .. } => format!(
                "too slow: {received} bytes within the {} probe deadline",
                human(limits.probe_timeout)
            ),
            ReadStop::Reset => "connection reset by the device".into(),
            ReadStop::Io(e) => format!("read error: {e}"),
        }
    }

    /// Resets and I/O errors are malformed behaviour; timeouts are unresponsiveness.
    pub fn is_timeout(&self) -> bool {
        matches!(self, ReadStop::TimedOut { .. })
    }
}

pub(crate) fn human(d: Duration) -> String {
    if d.as_millis().is_multiple_of(1000) {
        format!("{}s", d.as_secs())
    } else {
        format!("{}ms", d.as_millis())
    }
}

/// Reads more bytes into `buf` (at most `limit` in total). Returns the number read; 0 is EOF.
pub(crate) async fn read_more<R: AsyncRead + Unpin>(
    reader: &mut R,
    buf: &mut Vec<u8>,
    limit: usize,
    idle: Duration,
    deadline: Instant,
) -> Result<usize, ReadStop> {
    let room = limit.saturating_sub(buf.len()).min(64 * 1024);
    if room == 0 {
        return Ok(0);
    }
    let mut chunk = vec![0u8; room];
    let until = (Instant::now() + idle).min(deadline);
    match tokio::time::timeout_at(until, reader.read(&mut chunk)).await {
        Ok(Ok(n)) => {
            buf.extend_from_slice(&chunk[..n]);
            Ok(n)
        }
        Ok(Err(e)) if is_reset(&e) => Err(ReadStop::Reset),
        Ok(Err(e)) => Err(ReadStop::Io(e.to_string())),
        Err(_) => Err(ReadStop::TimedOut {
            received: buf.len(),
            total: Instant::now() >= deadline,
        }),
    }
}

pub(crate) fn is_reset(e: &io::Error) -> bool {
    matches!(
        e.kind(),
        io::ErrorKind::ConnectionReset
            | io::ErrorKind::ConnectionAborted
            | io::ErrorKind::BrokenPipe
    )
}

/// Writes all of `data` within the deadline.
pub(crate) async fn write_all<W: AsyncWrite + Unpin>(
    writer: &mut W,
    data: &[u8],
    deadline: Instant,
) -> Result<(), ReadStop> {
    use tokio::io::AsyncWriteExt;
    match tokio::time::timeout_at(deadline, writer.write_all(data)).await {
        Ok(Ok(())) => Ok(()),
        Ok(Err(e)) if is_reset(&e) => Err(ReadStop::Reset),
        Ok(Err(e)) => Err(ReadStop::Io(e.to_string())),
        Err(_) => Err(ReadStop::TimedOut {
            received: 0,
            total: true,
        }),
    }
}
