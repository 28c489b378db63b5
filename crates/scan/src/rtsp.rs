//! RTSP OPTIONS and DESCRIBE (RFC 2326), with bounded reads and at most 3 same-host redirects.

use camsweep_model::ObservationKind;
use tokio::time::Instant;

use crate::net::{read_more, write_all};
use crate::probe::{HostCtx, Probe, Problem, Report};
use crate::wire::{Failure, Stream, preview, read_more_head};

/// One RTSP response as read.
#[derive(Debug, Clone)]
pub(crate) struct RtspResponse {
    pub raw: Vec<u8>,
    pub status: u16,
    pub headers: Vec<(String, String)>,
    pub body: Vec<u8>,
}

impl RtspResponse {
    fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(n, _)| n.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }
}

fn request(method: &str, url: &str, cseq: u32) -> Vec<u8> {
    let accept = if method == "DESCRIBE" {
        "Accept: application/sdp\r\n"
    } else {
        ""
    };
    format!(
        "{method} {url} RTSP/1.0\r\nCSeq: {cseq}\r\nUser-Agent: camsweep/{} (inventory; non-intrusive)\r\n{accept}\r\n",
        env!("CARGO_PKG_VERSION")
    )
    .into_bytes()
}

async fn exchange(
    stream: &mut Stream,
    req: &[u8],
    ctx: &HostCtx,
    deadline: Instant,
) -> Result<RtspResponse, Failure> {
    let limits = &ctx.net.limits;
    write_all(stream, req, deadline).await?;
    let mut buf = Vec::new();
    let head_end = loop {
        if let Some(i) = buf.windows(4).position(|w| w == b"\r\n\r\n") {
            break i + 4;
        }
        if buf.len() >= 5 && !buf.starts_with(b"RTSP/") {
            return Err(Failure::Malformed(format!(
                "not an RTSP response: {}",
                preview(&buf)
            )));
        }
        read_more_head(stream, &mut buf, "RTSP", limits, deadline).await?;
    };
    let head = String::from_utf8_lossy(&buf[..head_end]).into_owned();
    let mut lines = head.split("\r\n");
    let status_line = lines.next().unwrap_or("");
    let status = status_line
        .split_whitespace()
        .nth(1)
        .and_then(|s| s.parse::<u16>().ok())
        .ok_or_else(|| Failure::Malformed(format!("bad RTSP status line {status_line:?}")))?;
    let headers: Vec<(String, String)> = lines
        .filter_map(|l| l.split_once(':'))
        .map(|(n, v)| (n.trim().to_owned(), v.trim().to_owned()))
        .collect();
    let length = headers
        .iter()
        .find(|(n, _)| n.eq_ignore_ascii_case("content-length"))
        .and_then(|(_, v)| v.parse::<usize>().ok())
        .unwrap_or(0);
    if length > limits.max_response_bytes {
        return Err(Failure::Malformed(format!(
            "RTSP body of {length} bytes exceeds the {}-byte limit",
            limits.max_response_bytes
        )));
    }
    while buf.len() < head_end + length {
        let n = read_more(
            stream,
            &mut buf,
            head_end + length,
            limits.read_timeout,
            deadline,
        )
        .await?;
        if n == 0 {
            break;
        }
    }
    buf.truncate(head_end + length);
    let body = buf[head_end..].to_vec();
    Ok(RtspResponse {
        raw: buf,
        status,
        headers,
        body,
    })
}

const MAX_REDIRECTS: usize = 3;

pub(crate) struct RtspProbe;

impl Probe for RtspProbe {
    async fn probe(&self, ctx: &HostCtx, port: u16, conn: Stream, out: &mut Report) {
        probe(ctx, port, Some(conn), out).await;
    }
}

impl Report {
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
}

/// OPTIONS then DESCRIBE on `rtsp://address:port/`, following DESCRIBE redirects on this address.
pub(crate) async fn probe(ctx: &HostCtx, port: u16, first: Option<Stream>, out: &mut Report) {
    let deadline = Instant::now() + ctx.net.limits.probe_timeout;
    let mut stream = match first {
        Some(s) => s,
        None => match ctx.open(port).await {
            Ok(s) => s,
            Err(p) => return out.problem(p.prefixed(&format!("rtsp/{port}"))),
        },
    };
    let url = format!("rtsp://{}/", ctx.host_header(port));
    let what = format!("rtsp/{port} OPTIONS");
    match exchange(&mut stream, &request("OPTIONS", &url, 1), ctx, deadline).await {
        Ok(resp) => out.rtsp(ctx, port, &url, &resp),
        Err(f) => return out.problem(f.into_problem(&what, &ctx.net.limits)),
    }
    let mut url = url;
    let mut port_now = port;
    for (cseq, hop) in (2u32..).zip(0..=MAX_REDIRECTS) {
        let what = format!("rtsp/{port_now} DESCRIBE {url}");
        let resp =
            match exchange(&mut stream, &request("DESCRIBE", &url, cseq), ctx, deadline).await {
                Ok(resp) => resp,
                Err(f) => return out.problem(f.into_problem(&what, &ctx.net.limits)),
            };
        out.rtsp(ctx, port_now, &url, &resp);
        if resp.status == 200 && !resp.body.is_empty() {
            out.observe(
                ctx,
                ObservationKind::RtspSdp,
                String::from_utf8_lossy(&resp.body).into_owned(),
                port_now,
                "rtsp",
                Some(url.clone()),
            );
        }
        let Some(location) = (300..400)
            .contains(&resp.status)
            .then(|| resp.header("location").map(str::to_owned))
            .flatten()
        else {
            return;
        };
        let Some((next_port, next_url)) = same_host(&location, ctx) else {
            return; // another host: out of scope
        };
        if hop == MAX_REDIRECTS || next_url == url {
            return out.problem(Problem::malformed(format!(
                "rtsp/{port}: redirect loop (more than {MAX_REDIRECTS} redirects or to itself, last {location})"
            )));
        }
        if next_port != port_now {
            stream = match ctx.open(next_port).await {
                Ok(s) => s,
                Err(p) => return out.problem(p.prefixed(&format!("rtsp/{next_port}"))),
            };
            port_now = next_port;
        }
        url = next_url;
    }
}

fn same_host(location: &str, ctx: &HostCtx) -> Option<(u16, String)> {
    let rest = location.strip_prefix("rtsp://")?;
    let authority = rest.split('/').next()?;
    let authority = authority.rsplit('@').next()?;
    let (host, port) = if let Some(v6) = authority.strip_prefix('[') {
        let end = v6.find(']')?;
        let port = v6[end + 1..]
            .strip_prefix(':')
            .map_or(Some(554), |p| p.parse().ok())?;
        (&v6[..end], port)
    } else {
        match authority.rsplit_once(':') {
            Some((h, p)) => (h, p.parse().ok()?),
            None => (authority, 554),
        }
    };
    ctx.is_self(host).then(|| (port, location.to_owned()))
}
