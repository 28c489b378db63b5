//! What every probe shares: the host's context (address, network, TLS configuration,
//! credential), the report it writes into (observations and problems), and the [`Probe`]
//! trait each service's probe implements. The probes (`http`, `https`, `rtsp`, `banner`) depend
//! on this module and on `wire`; `host` depends on them; nothing here depends on a probe.

use std::net::{IpAddr, SocketAddr};
use std::sync::Arc;

use camsweep_model::{Observation, ObservationKind};
use rustls::ClientConfig;
use tokio::time::Instant;

use crate::config::{Limits, Service};
use crate::credentials::Credential;
use crate::net::{Connect, Net, ReadStop, human};
use crate::tls;
use crate::wire::{self, Failure, Response, Stream};

/// One service's probe: what it sends on a port found open and what it records. Every probe
/// gets the same context and connection and reports the same way, so `host` runs them alike.
pub(crate) trait Probe {
    /// Probes `port` over `conn` (already connected), recording into `out`.
    async fn probe(&self, ctx: &HostCtx, port: u16, conn: Stream, out: &mut Report);
}

/// Why a probe got no usable answer, one line, and whether it was a timeout or broken protocol.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Problem {
    pub malformed: bool,
    pub text: String,
}

impl Problem {
    pub fn malformed(text: String) -> Self {
        Self {
            malformed: true,
            text,
        }
    }
    pub fn unresponsive(text: String) -> Self {
        Self {
            malformed: false,
            text,
        }
    }
    pub fn prefixed_if(self, what: &str) -> Self {
        if what.is_empty() {
            self
        } else {
            self.prefixed(what)
        }
    }
    pub fn prefixed(mut self, what: &str) -> Self {
        self.text = format!("{what}: {}", self.text);
        self
    }
}

/// What the probes of one host found.
#[derive(Debug, Default)]
pub(crate) struct Report {
    pub observations: Vec<Observation>,
    pub problems: Vec<Problem>,
}

impl Report {
    pub fn problem(&mut self, p: Problem) {
        self.problems.push(p);
    }

    pub fn observe(
        &mut self,
        ctx: &HostCtx,
        kind: ObservationKind,
        value: String,
        port: u16,
        source: &str,
        path: Option<String>,
    ) {
        self.observations
            .push(ctx.observation(kind, value, Some(port), "tcp", source, path));
    }

    pub fn http(
        &mut self,
        ctx: &HostCtx,
        port: u16,
        tls: bool,
        path: &str,
        resp: &Response,
        what: &str,
    ) {
        let source = if tls { "https" } else { "http" };
        self.observe(
            ctx,
            ObservationKind::HttpResponse,
            String::from_utf8_lossy(&resp.raw).into_owned(),
            port,
            source,
            Some(path.to_owned()),
        );
        if resp.cut {
            self.problem(Problem::malformed(format!(
                "{what}: response cut at the {}-byte limit",
                ctx.net.limits.max_response_bytes
            )));
        }
        self.check_xml(&resp.body, what);
    }

    /// Device XML never declares entities; a body that does is an entity-expansion ("billion
    /// laughs") attempt. Nothing here expands entities, so it costs nothing but is reported.
    pub fn check_xml(&mut self, body: &[u8], what: &str) {
        let declares = body.windows(8).any(|w| w.eq_ignore_ascii_case(b"<!ENTITY"));
        if declares {
            self.problem(Problem::malformed(format!(
                "{what}: XML declares entities (an entity-expansion bomb?); not expanded"
            )));
        }
    }

    pub fn merge(&mut self, other: Report) {
        self.observations.extend(other.observations);
        self.problems.extend(other.problems);
    }
}

/// What every probe of one host shares.
pub(crate) struct HostCtx {
    pub addr: IpAddr,
    pub net: Arc<Net>,
    pub tls: Arc<ClientConfig>,
    pub credential: Option<Credential>,
    pub services: Arc<[(u16, Service)]>,
}

impl HostCtx {
    /// `address:port` as used in a Host header or URL.
    pub fn host_header(&self, port: u16) -> String {
        SocketAddr::new(self.addr, port).to_string()
    }

    /// Whether a host named in a redirect is this address.
    pub fn is_self(&self, host: &str) -> bool {
        host.trim_matches(['[', ']'])
            .parse::<IpAddr>()
            .is_ok_and(|a| a == self.addr)
    }

    pub fn observation(
        &self,
        kind: ObservationKind,
        value: String,
        port: Option<u16>,
        transport: &str,
        source: &str,
        path: Option<String>,
    ) -> Observation {
        Observation {
            device: Some(self.addr.to_string()),
            kind,
            value,
            path,
            address: Some(self.addr.to_string()),
            port,
            transport: Some(transport.to_owned()),
            source: Some(format!("scan/{source}")),
            observed_at: Some(now_rfc3339()),
        }
    }

    /// A new plain connection to a port found open.
    pub async fn open(&self, port: u16) -> Result<Stream, Problem> {
        match self.net.connect(SocketAddr::new(self.addr, port)).await {
            Connect::Open(conn) => Ok(Box::new(conn)),
            Connect::Closed => Err(Problem::malformed("refused a new connection".into())),
            Connect::Filtered => Err(Problem::unresponsive(format!(
                "no connection within {}",
                human(self.net.limits.connect_timeout)
            ))),
            Connect::Failed(e) => Err(Problem::unresponsive(format!("could not connect: {e}"))),
        }
    }

    /// A new TLS connection.
    pub async fn open_tls(&self, port: u16, deadline: Instant) -> Result<Stream, Problem> {
        let conn = self.open(port).await?;
        match tls::handshake(&self.tls, self.addr, conn, deadline).await {
            Ok((stream, _)) => Ok(Box::new(stream)),
            Err(f) => Err(f.into_problem("", &self.net.limits)),
        }
    }

    /// One HTTP exchange on `first` or a new connection.
    pub async fn fetch(
        &self,
        port: u16,
        tls: bool,
        first: Option<Stream>,
        req: &[u8],
        head: bool,
    ) -> Result<Response, Problem> {
        let limits = &self.net.limits;
        let deadline = Instant::now() + limits.probe_timeout;
        let mut stream = match first {
            Some(s) => s,
            None if tls => self.open_tls(port, deadline).await?,
            None => self.open(port).await?,
        };
        wire::exchange(&mut stream, req, head, limits, deadline)
            .await
            .map_err(|f| f.into_problem("", limits))
    }
}

pub(crate) fn now_rfc3339() -> String {
    time::OffsetDateTime::now_utc()
        .format(&time::format_description::well_known::Rfc3339)
        .unwrap_or_default()
}

impl Failure {
    pub fn into_problem(self, what: &str, limits: &Limits) -> Problem {
        match self {
            Failure::Stop(stop) if stop.is_timeout() => {
                Problem::unresponsive(stop.describe(limits))
            }
            Failure::Stop(stop) => Problem::malformed(stop.describe(limits)),
            Failure::Malformed(reason) => Problem::malformed(reason),
        }
        .prefixed_if(what)
    }
}

impl From<ReadStop> for Problem {
    fn from(stop: ReadStop) -> Self {
        let text = format!("{stop:?}");
        if stop.is_timeout() {
            Problem::unresponsive(text)
        } else {
            Problem::malformed(text)
        }
    }
}
