//! The HTTPS probe: the TLS handshake (the server's certificate is evidence, parsed or not;
//! devices too old for rustls get a hand-built hello that reads their certificate), then the
//! HTTP probe over the encrypted stream.

use camsweep_model::ObservationKind;
use tokio::time::Instant;

use crate::http;
use crate::probe::{HostCtx, Probe, Problem, Report};
use crate::tls;
use crate::wire::{Failure, Stream};

pub(crate) struct HttpsProbe;

impl Probe for HttpsProbe {
    async fn probe(&self, ctx: &HostCtx, port: u16, conn: Stream, out: &mut Report) {
        https(ctx, port, conn, out).await;
    }
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
