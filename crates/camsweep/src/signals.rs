//! The signals that ask camsweep to stop: SIGINT (Ctrl-C), SIGTERM (`kill`, `timeout`,
//! systemd) and SIGHUP (the terminal went away). All three are handled alike, so a scan stopped
//! by any of them keeps what it found (stored, marked interrupted, exit 3), not only Ctrl-C.

use anyhow::Context as _;
use tokio::signal::unix::{SignalKind, signal};

/// Handlers for the three stop signals, installed at once (so none is missed while waiting).
pub struct StopSignals {
    interrupt: tokio::signal::unix::Signal,
    terminate: tokio::signal::unix::Signal,
    hangup: tokio::signal::unix::Signal,
}

impl StopSignals {
    pub fn install() -> anyhow::Result<Self> {
        Ok(Self {
            interrupt: signal(SignalKind::interrupt()).context("installing the SIGINT handler")?,
            terminate: signal(SignalKind::terminate()).context("installing the SIGTERM handler")?,
            hangup: signal(SignalKind::hangup()).context("installing the SIGHUP handler")?,
        })
    }

    /// Waits for the first of them; returns its name.
    pub async fn next(&mut self) -> &'static str {
        tokio::select! {
            _ = self.interrupt.recv() => "SIGINT",
            _ = self.terminate.recv() => "SIGTERM",
            _ = self.hangup.recv() => "SIGHUP",
        }
    }
}
