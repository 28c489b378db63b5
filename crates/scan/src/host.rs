//! Everything done to one host: connect to every port, probe each open service within the host
//! deadline, collect observations and problems.

use std::net::SocketAddr;

use tokio::time::Instant;

use crate::config::Service;
use crate::net::{Connect, human};
use crate::probe::{HostCtx, Probe, Problem, Report};
use crate::wire::Stream;
use crate::{banner, http, https, rtsp};

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

/// Runs the probe of `service` on an open port; a service that says nothing before a login
/// (DVR-IP, presence-only ports) is recorded by its open port alone.
async fn probe_service(ctx: &HostCtx, port: u16, service: Service, conn: Stream) -> Report {
    let mut r = Report::default();
    match service {
        Service::Http => http::HttpProbe.probe(ctx, port, conn, &mut r).await,
        Service::Https => https::HttpsProbe.probe(ctx, port, conn, &mut r).await,
        Service::Rtsp => rtsp::RtspProbe.probe(ctx, port, conn, &mut r).await,
        Service::Ssh | Service::Telnet | Service::Ftp => {
            banner::BannerProbe(service)
                .probe(ctx, port, conn, &mut r)
                .await
        }
        Service::Dvrip | Service::Presence => drop(conn),
    }
    r
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
