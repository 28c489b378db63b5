//! Everything done to one host: connect to every port, probe each open service within the host
//! deadline, collect observations and problems.

use std::net::{IpAddr, SocketAddr};
use std::sync::Arc;

use camsweep_model::{Observation, ObservationKind};
use rustls::ClientConfig;
use tokio::time::Instant;

use crate::config::Service;
use crate::credentials::Credential;
use crate::http::{self, Failure, Response, Stream};
use crate::net::{Connect, Net, ReadStop, human};
use crate::rtsp::RtspResponse;
use crate::{banner, rtsp, tls};

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

    pub fn rtsp(&mut self, ctx: &HostCtx, port: u16, url: &str, resp: &RtspResponse) {
        let _ = (resp.status, &resp.headers);
        self.observe(
            ctx,
            ObservationKind::RtspResponse,
            String::from_utf8_lossy(&resp.raw).into_owned(),
            port,
            "rtsp",
            Some(url.to_owned()),
        );
    }

    fn merge(&mut self, other: Report) {
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
        http::exchange(&mut stream, req, head, limits, deadline)
            .await
            .map_err(|f| f.into_problem("", limits))
    }
}

pub(crate) fn now_rfc3339() -> String {
    time::OffsetDateTime::now_utc()
        .format(&time::format_description::well_known::Rfc3339)
        .unwrap_or_default()
}

/// What the TCP side of one host found.
pub(crate) struct TcpResult {
    pub open_ports: Vec<u16>,
    pub report: Report,
}

/// Connects to every port, then probes every open one, all within the host deadline.
pub(crate) async fn scan_tcp(ctx: &HostCtx, ports: &[u16], host_deadline: Instant) -> TcpResult {
    let connects = ports
        .iter()
        .map(|&port| async move { (port, ctx.net.connect(SocketAddr::new(ctx.addr, port)).await) });
    let results = futures::future::join_all(connects).await;
    let mut open = Vec::new();
    for (port, outcome) in results {
        if let Connect::Open(conn) = outcome {
            open.push((port, conn));
        }
    }
    let open_ports: Vec<u16> = open.iter().map(|(p, _)| *p).collect();
    let probes = open.into_iter().map(|(port, conn)| async move {
        let service = ctx
            .services
            .iter()
            .find(|(p, _)| *p == port)
            .map_or_else(|| Service::for_port(port), |(_, s)| *s);
        let run = probe_service(ctx, port, service, Box::new(conn));
        match tokio::time::timeout_at(host_deadline, run).await {
            Ok(report) => report,
            Err(_) => {
                let mut r = Report::default();
                r.problem(Problem::unresponsive(format!(
                    "{}/{port}: host deadline of {} reached before the probe finished",
                    service.name(),
                    human(ctx.net.limits.host_timeout)
                )));
                r
            }
        }
    });
    let mut report = Report::default();
    for r in futures::future::join_all(probes).await {
        report.merge(r);
    }
    TcpResult { open_ports, report }
}

async fn probe_service(ctx: &HostCtx, port: u16, service: Service, conn: Stream) -> Report {
    let mut r = Report::default();
    match service {
        Service::Http => http::probe(ctx, port, false, Some(conn), &mut r).await,
        Service::Https => https(ctx, port, conn, &mut r).await,
        Service::Rtsp => rtsp::probe(ctx, port, Some(conn), &mut r).await,
        Service::Ssh | Service::Telnet | Service::Ftp => {
            banner::probe(ctx, port, service, conn, &mut r).await
        }
        // Presence is recorded in `open_ports`: these protocols say nothing before a login.
        Service::Dvrip | Service::Presence => drop(conn),
    }
    r
}

async fn https(ctx: &HostCtx, port: u16, conn: Stream, r: &mut Report) {
    let limits = ctx.net.limits;
    let deadline = Instant::now() + limits.probe_timeout;
    match tls::handshake(&ctx.tls, ctx.addr, conn, deadline).await {
        Ok((stream, cert)) => {
            if let Some(der) = cert {
                certificate(ctx, port, &der, "tls", r);
            }
            http::probe(ctx, port, true, Some(Box::new(stream)), r).await;
        }
        Err(Failure::Malformed(reason)) => {
            // rustls speaks only TLS 1.2/1.3: read the certificate of older devices from a
            // hand-built hello instead.
            let mut stream = match ctx.open(port).await {
                Ok(s) => s,
                Err(p) => return r.problem(p.prefixed(&format!("tls/{port}"))),
            };
            let deadline = Instant::now() + limits.probe_timeout;
            match tls::legacy_certificate(&mut stream, &limits, deadline).await {
                Ok(hello) => certificate(ctx, port, &hello.certificate, "tls-legacy", r),
                Err(legacy) => {
                    let legacy = legacy.into_problem("", &limits).text;
                    r.problem(Problem::malformed(format!(
                        "tls/{port}: {reason}; legacy hello: {legacy}"
                    )));
                }
            }
        }
        Err(f) => r.problem(f.into_problem(&format!("tls/{port} handshake"), &limits)),
    }
}

/// Records a server certificate as evidence. The scanner accepts any certificate (it
/// inventories, it does not trust), so one whose DER does not parse (length fields that lie,
/// truncated) would pass unremarked: it is kept as sent and reported as a malformed problem.
fn certificate(ctx: &HostCtx, port: u16, der: &[u8], source: &str, r: &mut Report) {
    if let Err(e) = camsweep_parse::x509::parse_der(der) {
        r.problem(Problem::malformed(format!(
            "tls/{port}: the server's certificate ({} bytes) is malformed: {e}",
            der.len()
        )));
    }
    r.observe(
        ctx,
        ObservationKind::TlsCert,
        tls::pem(der),
        port,
        source,
        None,
    );
}

/// Host status from its problems: none is up; any broken protocol is malformed; else
/// unresponsive.
pub(crate) fn status(problems: &[Problem]) -> camsweep_model::HostStatus {
    use camsweep_model::HostStatus;
    if problems.is_empty() {
        HostStatus::Up
    } else if problems.iter().any(|p| p.malformed) {
        HostStatus::Malformed
    } else {
        HostStatus::Unresponsive
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
