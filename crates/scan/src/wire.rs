//! The wire under every TCP probe: the byte stream (plain or TLS), and a small, bounded
//! HTTP/1.1 client (framing and de-chunking are `camsweep_parse`'s).
//!
//! Embedded web servers break HTTP in every way, so this client reads raw bytes under the
//! scan's limits, keeps the whole raw response as evidence, and returns every failure as a
//! [`Failure`] that the probes record as a problem (unresponsive or malformed), not an error.

use camsweep_parse::ParseError;
use camsweep_parse::http::{self as parse_http, BodyFraming, Dechunked};
use tokio::io::{AsyncRead, AsyncWrite};
use tokio::time::Instant;

use crate::config::Limits;
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
