//! A small, bounded HTTP/1.1 client for device web servers, and the HTTP probe.
//!
//! Embedded web servers break HTTP in every way, so this client reads raw bytes under the
//! scan's limits, keeps the whole raw response as evidence, and turns every failure into a
//! problem (unresponsive or malformed) rather than an error.

use camsweep_model::ObservationKind;
use camsweep_parse::ParseError;
use camsweep_parse::http::{self as parse_http, BodyFraming, Dechunked};
use tokio::io::{AsyncRead, AsyncWrite};
use tokio::time::Instant;

use crate::auth;
use crate::config::Limits;
use crate::host::{HostCtx, Problem, Report};
use crate::net::{ReadStop, read_more, write_all};

/// Any byte stream a probe can talk over (plain TCP or TLS), with its concurrency permit.
pub(crate) trait Io: AsyncRead + AsyncWrite + Unpin + Send {}
impl<T: AsyncRead + AsyncWrite + Unpin + Send> Io for T {}
pub(crate) type Stream = Box<dyn Io>;

/// One HTTP response as read.
#[derive(Debug, Clone)]
pub(crate) struct Response {
    /// Status line, headers and body exactly as received (cut at the byte limit).
    pub raw: Vec<u8>,
    pub status: u16,
    pub headers: Vec<(String, String)>,
    /// The body, de-chunked.
    pub body: Vec<u8>,
    /// True when the response was cut at the byte limit.
    pub cut: bool,
}

impl Response {
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(n, _)| n.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }
}

/// Why an exchange produced no usable response.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Failure {
    Stop(ReadStop),
    Malformed(String),
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

impl From<ReadStop> for Failure {
    fn from(s: ReadStop) -> Self {
        Failure::Stop(s)
    }
}

/// Builds a request. `Connection: close` because each probe uses its own connection.
pub(crate) fn request(
    method: &str,
    path: &str,
    host: &str,
    extra: &[(&str, String)],
    body: &[u8],
) -> Vec<u8> {
    let mut out = format!(
        "{method} {path} HTTP/1.1\r\nHost: {host}\r\nUser-Agent: camsweep/{} (inventory; non-intrusive)\r\nAccept: */*\r\nConnection: close\r\n",
        env!("CARGO_PKG_VERSION")
    );
    for (name, value) in extra {
        out.push_str(&format!("{name}: {value}\r\n"));
    }
    if !body.is_empty() || method == "POST" {
        out.push_str(&format!("Content-Length: {}\r\n", body.len()));
    }
    out.push_str("\r\n");
    let mut bytes = out.into_bytes();
    bytes.extend_from_slice(body);
    bytes
}

/// Sends `req` and reads one response, within the limits and `deadline`.
pub(crate) async fn exchange<S: AsyncRead + AsyncWrite + Unpin>(
    stream: &mut S,
    req: &[u8],
    head_request: bool,
    limits: &Limits,
    deadline: Instant,
) -> Result<Response, Failure> {
    write_all(stream, req, deadline).await?;
    read_response(stream, head_request, limits, deadline).await
}

/// Reads one HTTP response.
pub(crate) async fn read_response<S: AsyncRead + Unpin>(
    stream: &mut S,
    head_request: bool,
    limits: &Limits,
    deadline: Instant,
) -> Result<Response, Failure> {
    let limit = limits.max_response_bytes;
    let mut buf = Vec::with_capacity(4096);
    // The head, read until its empty line; framing is `camsweep_parse`'s, as for the offline
    // parsers, so the scanner and the identification read the same bytes the same way.
    let (head_len, status, headers, framing) = loop {
        match parse_http::response_head(&buf) {
            Ok(Some(head)) => {
                let headers = head
                    .headers
                    .iter()
                    .map(|h| (h.name.clone().into_owned(), h.value.clone().into_owned()))
                    .collect::<Vec<_>>();
                break (
                    head.len,
                    head.status,
                    headers,
                    head.body_framing(head_request),
                );
            }
            Ok(None) => {}
            Err(ParseError::LimitExceeded { limit, .. }) => {
                return Err(Failure::Malformed(format!(
                    "more than {limit} response headers"
                )));
            }
            Err(e) => {
                return Err(Failure::Malformed(format!(
                    "not an HTTP response ({e}): {}",
                    preview(&buf)
                )));
            }
        }
        read_more_head(stream, &mut buf, "response", limits, deadline).await?;
    };
    let mut cut = false;
    let mut body = Vec::new();
    if framing != BodyFraming::Empty {
        loop {
            // Is the body complete?
            let received = &buf[head_len..];
            match framing {
                BodyFraming::Chunked => match parse_http::dechunk(received) {
                    Dechunked::Complete { body: decoded, .. } => {
                        body = decoded;
                        break;
                    }
                    Dechunked::Invalid { reason, .. } => {
                        return Err(Failure::Malformed(format!("bad chunked body: {reason}")));
                    }
                    Dechunked::Incomplete { body: decoded } => body = decoded,
                },
                BodyFraming::Length(len) if received.len() as u64 >= len => {
                    buf.truncate(head_len + len as usize);
                    body = buf[head_len..].to_vec();
                    break;
                }
                _ => {}
            }
            let chunked = framing == BodyFraming::Chunked;
            if buf.len() >= limit {
                cut = true;
                if !chunked {
                    body = buf[head_len..].to_vec();
                }
                break;
            }
            let n = read_more(stream, &mut buf, limit, limits.read_timeout, deadline).await?;
            if n == 0 {
                // End of stream: the body ends here, whatever the framing promised.
                if !chunked {
                    body = buf[head_len..].to_vec();
                }
                break;
            }
        }
    }
    Ok(Response {
        raw: buf,
        status,
        headers,
        body,
        cut,
    })
}

/// A short printable preview of bytes, for problem messages.
/// Reads more of a response head (HTTP or RTSP) into `buf`, within the header byte limit and the
/// deadlines; a head over the limit or a connection closed inside it is `Malformed`. `what`
/// names the protocol in the message ("response", "RTSP").
pub(crate) async fn read_more_head<S: AsyncRead + Unpin>(
    stream: &mut S,
    buf: &mut Vec<u8>,
    what: &str,
    limits: &Limits,
    deadline: Instant,
) -> Result<(), Failure> {
    if buf.len() > limits.max_header_bytes {
        return Err(Failure::Malformed(format!(
            "{what} headers exceed the {}-byte limit",
            limits.max_header_bytes
        )));
    }
    let n = read_more(
        stream,
        buf,
        limits.max_header_bytes + 1,
        limits.read_timeout,
        deadline,
    )
    .await?;
    if n == 0 {
        return Err(Failure::Malformed(if buf.is_empty() {
            "connection closed without an answer".into()
        } else {
            format!("connection closed inside the headers: {}", preview(buf))
        }));
    }
    Ok(())
}

pub(crate) fn preview(bytes: &[u8]) -> String {
    let text: String = String::from_utf8_lossy(&bytes[..bytes.len().min(40)])
        .chars()
        .map(|c| if c.is_control() { '.' } else { c })
        .collect();
    format!("{text:?}")
}

/// The vendor paths read on every web service: unauthenticated identity endpoints.
const VENDOR_GETS: &[&str] = &[
    // Hikvision ISAPI device information (answers 401 without credentials on most firmware; the
    // challenge realm and server header are evidence by themselves).
    "/ISAPI/System/deviceInfo",
    // Dahua CGI system information.
    "/cgi-bin/magicBox.cgi?action=getSystemInfo",
];

pub(crate) const ONVIF_PATH: &str = "/onvif/device_service";

/// Probes one web service: `GET /` (following up to 3 same-host redirects), then the vendor
/// paths and the two ONVIF device-service calls, each on its own connection.
pub(crate) async fn probe(
    ctx: &HostCtx,
    port: u16,
    tls: bool,
    first: Option<Stream>,
    out: &mut Report,
) {
    let scheme = if tls { "https" } else { "http" };
    let mut first = first;
    let mut here = (tls, port, "/".to_owned());
    for hop in 0..=MAX_REDIRECTS {
        let (hop_tls, hop_port, path) = here.clone();
        let what = format!(
            "{}/{hop_port} GET {path}",
            if hop_tls { "https" } else { "http" }
        );
        let req = request("GET", &path, &ctx.host_header(hop_port), &[], &[]);
        let result = ctx
            .fetch(hop_port, hop_tls, first.take(), &req, false)
            .await;
        let resp = match result {
            Ok(resp) => resp,
            Err(problem) => {
                out.problem(problem.prefixed(&what));
                if hop == 0 {
                    // The service does not speak HTTP: the vendor paths would fail the same way.
                    return;
                }
                break;
            }
        };
        out.http(ctx, hop_port, hop_tls, &path, &resp, &what);
        let redirect = (300..400)
            .contains(&resp.status)
            .then(|| resp.header("location"))
            .flatten();
        let Some(location) = redirect else { break };
        let Some(next) = resolve_location(location, ctx, hop_tls, hop_port, &path) else {
            break; // another host: out of scope, not followed
        };
        if hop == MAX_REDIRECTS {
            out.problem(Problem::malformed(format!(
                "{scheme}/{port} GET /: more than {MAX_REDIRECTS} redirects (last to {location})"
            )));
            break;
        }
        if next == here {
            out.problem(Problem::malformed(format!(
                "{scheme}/{port} GET {path}: redirects to itself"
            )));
            break;
        }
        here = next;
    }
    let cred = ctx.credential.clone();
    let gets = VENDOR_GETS.iter().map(|path| {
        let cred = cred.clone();
        async move {
            let what = format!("{scheme}/{port} GET {path}");
            let host = ctx.host_header(port);
            let req = request("GET", path, &host, &[], &[]);
            let mut result = ctx.fetch(port, tls, None, &req, false).await;
            // With credentials for this address, answer a digest challenge once.
            if let (Ok(resp), Some(cred)) = (&result, &cred)
                && resp.status == 401
                && let Some(challenge) = resp.header("www-authenticate")
                && let Some(authorization) = auth::digest_authorization(
                    challenge,
                    "GET",
                    path,
                    &cred.username,
                    &cred.password,
                )
            {
                let req = request("GET", path, &host, &[("Authorization", authorization)], &[]);
                result = ctx.fetch(port, tls, None, &req, false).await;
            }
            (what, path.to_string(), result)
        }
    });
    let soap = [("GetSystemDateAndTime", false), ("GetDeviceInformation", true)].map(
        |(operation, authenticated)| {
            let cred = cred.clone();
            async move {
                let what = format!("{scheme}/{port} ONVIF {operation}");
                let token = match (&cred, authenticated) {
                    (Some(c), true) => Some(auth::ws_username_token(&c.username, &c.password)),
                    _ => None,
                };
                let envelope = auth::soap_envelope(operation, token.as_deref());
                let action = format!(
                    "application/soap+xml; charset=utf-8; action=\"http://www.onvif.org/ver10/device/wsdl/{operation}\""
                );
                let req = request(
                    "POST",
                    ONVIF_PATH,
                    &ctx.host_header(port),
                    &[("Content-Type", action)],
                    envelope.as_bytes(),
                );
                (what, ONVIF_PATH.to_string(), ctx.fetch(port, tls, None, &req, false).await)
            }
        },
    );
    let (gets, soap) = tokio::join!(
        futures::future::join_all(gets),
        futures::future::join_all(soap)
    );
    for (what, path, result) in gets {
        match result {
            // A 404 at a vendor path says only "not this API here"; kept, the request path would
            // read as if the device had answered it, so it is left out.
            Ok(resp) if resp.status == 404 => {}
            Ok(resp) => out.http(ctx, port, tls, &path, &resp, &what),
            Err(problem) => out.problem(problem.prefixed(&what)),
        }
    }
    for (what, path, result) in soap {
        match result {
            Ok(resp) if looks_like_soap(&resp.body) => {
                out.observe(
                    ctx,
                    ObservationKind::OnvifResponse,
                    String::from_utf8_lossy(&resp.body).into_owned(),
                    port,
                    scheme,
                    Some(path),
                );
                if resp.cut {
                    out.problem(Problem::malformed(format!(
                        "{what}: response cut at the {}-byte limit",
                        ctx.net.limits.max_response_bytes
                    )));
                }
                out.check_xml(&resp.body, &what);
            }
            Ok(resp) if resp.status == 404 => {}
            Ok(resp) => out.http(ctx, port, tls, &path, &resp, &what),
            Err(problem) => out.problem(problem.prefixed(&what)),
        }
    }
}

const MAX_REDIRECTS: usize = 3;

fn looks_like_soap(body: &[u8]) -> bool {
    let head = &body[..body.len().min(2048)];
    head.windows(8).any(|w| w == b"Envelope")
}

/// Where a redirect goes, if it stays on this address: `(tls, port, path)`.
pub(crate) fn resolve_location(
    location: &str,
    ctx: &HostCtx,
    tls: bool,
    port: u16,
    base_path: &str,
) -> Option<(bool, u16, String)> {
    let location = location.trim();
    for (prefix, to_tls, default_port) in [("http://", false, 80u16), ("https://", true, 443u16)] {
        if location.len() >= prefix.len() && location[..prefix.len()].eq_ignore_ascii_case(prefix) {
            let rest = &location[prefix.len()..];
            let (authority, path) = match rest.find('/') {
                Some(i) => (&rest[..i], &rest[i..]),
                None => (rest, "/"),
            };
            let (host, port) = split_authority(authority, default_port)?;
            if !ctx.is_self(host) {
                return None;
            }
            return Some((to_tls, port, path.to_owned()));
        }
    }
    if location.contains("://") || location.starts_with("//") {
        return None;
    }
    if location.starts_with('/') {
        return Some((tls, port, location.to_owned()));
    }
    let dir = &base_path[..base_path.rfind('/').map_or(0, |i| i + 1)];
    let dir = if dir.is_empty() { "/" } else { dir };
    Some((tls, port, format!("{dir}{location}")))
}

fn split_authority(authority: &str, default_port: u16) -> Option<(&str, u16)> {
    let authority = authority.rsplit('@').next()?;
    if let Some(rest) = authority.strip_prefix('[') {
        let end = rest.find(']')?;
        let host = &rest[..end];
        let port = match rest[end + 1..].strip_prefix(':') {
            Some(p) => p.parse().ok()?,
            None => default_port,
        };
        return Some((host, port));
    }
    match authority.rsplit_once(':') {
        Some((h, p)) => Some((h, p.parse().ok()?)),
        None => Some((authority, default_port)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn requests_carry_length_and_close() {
        let r = String::from_utf8(request("POST", "/x", "h", &[("A", "b".into())], b"xy")).unwrap();
        assert!(r.starts_with("POST /x HTTP/1.1\r\nHost: h\r\n"));
        assert!(r.contains("A: b\r\n") && r.contains("Content-Length: 2\r\n"));
        assert!(r.contains("Connection: close") && r.ends_with("\r\n\r\nxy"));
    }
}
