//! HTTP responses as embedded web servers send them.

use std::borrow::Cow;

use crate::message::{self, Header};
pub use crate::message::{Dechunked, MAX_CHUNK_LINE, MAX_HEADERS, dechunk};
use crate::{MAX_INPUT, ParseError, error::check_len};

/// A parsed HTTP response.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Response<'a> {
    /// `HTTP/1.1`, as sent.
    pub version: Cow<'a, str>,
    /// The status code.
    pub status: u16,
    /// The reason phrase (may be empty).
    pub reason: Cow<'a, str>,
    /// Headers in order.
    pub headers: Vec<Header<'a>>,
    /// The body, de-chunked.
    pub body: Cow<'a, [u8]>,
    /// Whether the body is shorter than `Content-Length` or the chunking announced.
    pub body_truncated: bool,
}

impl Response<'_> {
    /// The first header named `name` (case-insensitive).
    pub fn header(&self, name: &str) -> Option<&str> {
        message::header(&self.headers, name)
    }

    /// Every header named `name` (case-insensitive), in order.
    pub fn headers_named<'s>(&'s self, name: &'s str) -> impl Iterator<Item = &'s str> + 's {
        self.headers
            .iter()
            .filter(move |h| h.name.eq_ignore_ascii_case(name))
            .map(|h| h.value.as_ref())
    }

    /// The body as text (lossy UTF-8).
    pub fn body_text(&self) -> Cow<'_, str> {
        String::from_utf8_lossy(&self.body)
    }
}

/// Parses a raw HTTP response: status line, headers, body.
///
/// Tolerates LF-only line ends, obsolete header folding, a missing reason phrase, a body cut
/// short of its `Content-Length` and chunked encoding (also truncated). Input over
/// [`MAX_INPUT`] bytes is refused.
pub fn parse_response(input: &[u8]) -> Result<Response<'_>, ParseError> {
    const WHAT: &str = "http.response";
    check_len(WHAT, input, MAX_INPUT)?;
    let msg = message::parse(WHAT, input)?;
    let (version, status, reason) = message::parse_status_line(WHAT, &msg.start_line, "HTTP/")?;
    let (version, reason) = (version.to_owned(), reason.to_owned());
    let (chunked, content_length) = framing_headers(&msg.headers);
    let content_length = content_length.and_then(|len| usize::try_from(len).ok());
    let (body, body_truncated) = message::body(&input[msg.body_offset..], chunked, content_length);
    Ok(Response {
        version: Cow::Owned(version),
        status,
        reason: Cow::Owned(reason),
        headers: msg.headers,
        body,
        body_truncated,
    })
}

/// Whether the body is chunked, and the first `Content-Length` that is a number (a
/// negative or overflowing one is ignored: the body then runs to the end).
fn framing_headers(headers: &[Header<'_>]) -> (bool, Option<u64>) {
    let chunked = message::header(headers, "transfer-encoding")
        .is_some_and(|te| te.to_ascii_lowercase().contains("chunked"));
    let length = message::header(headers, "content-length").and_then(|v| v.trim().parse().ok());
    (chunked, length)
}

/// A response head read to its empty line, from the bytes received so far.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ResponseHead<'a> {
    /// The status code.
    pub status: u16,
    /// Headers in order.
    pub headers: Vec<Header<'a>>,
    /// Bytes of input the head took (leading blank lines, status line, headers, empty line).
    pub len: usize,
}

/// How the body after a head ends (RFC 9112 s6.3, as embedded servers follow it).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BodyFraming {
    /// No body: a HEAD request, or a 1xx, 204 or 304 status.
    Empty,
    /// Chunked: ends with the zero-size chunk ([`dechunk`]).
    Chunked,
    /// Exactly this many bytes.
    Length(u64),
    /// Runs until the server closes the connection.
    UntilClose,
}

impl ResponseHead<'_> {
    /// The first header named `name` (case-insensitive).
    pub fn header(&self, name: &str) -> Option<&str> {
        message::header(&self.headers, name)
    }

    /// How the body ends, for a response to a HEAD request or not.
    pub fn body_framing(&self, head_request: bool) -> BodyFraming {
        if head_request || matches!(self.status, 100..=199 | 204 | 304) {
            return BodyFraming::Empty;
        }
        match framing_headers(&self.headers) {
            (true, _) => BodyFraming::Chunked,
            (false, Some(len)) => BodyFraming::Length(len),
            (false, None) => BodyFraming::UntilClose,
        }
    }
}

/// Reads a response head from the bytes received so far, for a client reading incrementally:
/// `Ok(None)` while the empty line ending the head has not arrived, an error as soon as the
/// bytes cannot be an HTTP response (the first five are not `HTTP/`, or the status line is
/// not one). Same tolerance as [`parse_response`] (LF-only line ends, folding, junk lines);
/// the caller bounds how much it reads.
pub fn response_head(input: &[u8]) -> Result<Option<ResponseHead<'_>>, ParseError> {
    const WHAT: &str = "http.response";
    let start = input
        .iter()
        .position(|b| !matches!(b, b'\r' | b'\n' | b' ' | b'\t'))
        .unwrap_or(input.len());
    let first = &input[start..];
    let prefix = &first[..first.len().min(5)];
    if !b"HTTP/"[..prefix.len()].eq_ignore_ascii_case(prefix) {
        return Err(ParseError::malformed(
            WHAT,
            "a status line starting with HTTP/",
            start,
        ));
    }
    let Some(first_lf) = first.iter().position(|&b| b == b'\n') else {
        return Ok(None);
    };
    let status_line = String::from_utf8_lossy(&first[..first_lf]);
    let (_, status, _) = message::parse_status_line(WHAT, &status_line, "HTTP/")?;
    // The head ends at the first empty line (CRLF or LF alone).
    let mut pos = start + first_lf + 1;
    let end = loop {
        let Some(lf) = input[pos..].iter().position(|&b| b == b'\n') else {
            return Ok(None);
        };
        let line = &input[pos..pos + lf];
        pos += lf + 1;
        if line.is_empty() || line == b"\r" {
            break pos;
        }
    };
    let msg = message::parse(WHAT, &input[..end])?;
    Ok(Some(ResponseHead {
        status,
        headers: msg.headers,
        len: end,
    }))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_a_hikvision_style_401() {
        let raw = b"HTTP/1.1 401 Unauthorized\r\nDate: Thu, 01 Jan 1970 00:00:00 GMT\r\nServer: App-webs/\r\nContent-Length: 5\r\nWWW-Authenticate: Digest qop=\"auth\", realm=\"IP Camera(C1234)\", nonce=\"x\"\r\n\r\nhelloEXTRA";
        let r = parse_response(raw).unwrap();
        assert_eq!(r.status, 401);
        assert_eq!(r.reason, "Unauthorized");
        assert_eq!(r.header("server"), Some("App-webs/"));
        assert_eq!(&*r.body, b"hello");
        assert!(!r.body_truncated);
    }

    #[test]
    fn tolerates_missing_reason_truncation_and_chunking() {
        let r = parse_response(b"HTTP/1.0 200\nContent-Length: 100\n\nshort").unwrap();
        assert_eq!((r.status, r.reason.as_ref()), (200, ""));
        assert!(r.body_truncated);
        let r = parse_response(
            b"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nabc\r\n0\r\n\r\n",
        )
        .unwrap();
        assert_eq!(&*r.body, b"abc");
        let r = parse_response(b"HTTP/1.1 302 Found\r\nLocation: /doc/page/login.asp").unwrap();
        assert_eq!(r.header("location"), Some("/doc/page/login.asp"));
    }

    #[test]
    fn rejects_non_http() {
        assert!(matches!(
            parse_response(b"SSH-2.0-x\r\n"),
            Err(ParseError::Malformed { .. })
        ));
        assert!(matches!(
            parse_response(b"HTTP/1.1 OK\r\n"),
            Err(ParseError::Malformed { .. })
        ));
        assert!(matches!(
            parse_response(b""),
            Err(ParseError::Malformed { .. })
        ));
        let big = vec![b'a'; MAX_INPUT + 1];
        assert!(matches!(
            parse_response(&big),
            Err(ParseError::TooLarge { .. })
        ));
    }

    #[test]
    fn heads_are_read_incrementally() {
        let raw = b"\r\nHTTP/1.1 200 OK\r\nServer: x\r\n folded\r\nContent-Length: 3\r\n\r\nabc";
        let head_end = raw.len() - 3;
        for cut in 0..head_end {
            assert_eq!(response_head(&raw[..cut]).unwrap(), None, "cut at {cut}");
        }
        let head = response_head(raw).unwrap().unwrap();
        assert_eq!((head.status, head.len), (200, head_end));
        assert_eq!(head.header("server"), Some("x folded"));
        assert_eq!(head.body_framing(false), BodyFraming::Length(3));
        assert_eq!(head.body_framing(true), BodyFraming::Empty);
        let lf_only = response_head(b"HTTP/1.0 204\nX: 1\n\n").unwrap().unwrap();
        assert_eq!(lf_only.body_framing(false), BodyFraming::Empty);
        let chunked = response_head(b"HTTP/1.1 200 OK\r\nTransfer-Encoding: Chunked\r\n\r\n")
            .unwrap()
            .unwrap();
        assert_eq!(chunked.body_framing(false), BodyFraming::Chunked);
        // A lying length is ignored: the body runs to the close.
        let lying = response_head(b"HTTP/1.1 200 OK\r\nContent-Length: -17\r\n\r\n")
            .unwrap()
            .unwrap();
        assert_eq!(lying.body_framing(false), BodyFraming::UntilClose);
    }

    #[test]
    fn what_cannot_be_http_is_refused_early() {
        assert!(response_head(b"SSH-2").is_err());
        assert!(response_head(b"\x00\x01").is_err());
        assert!(response_head(b"HTTP/1.1 2OO 0K\r\n").is_err());
        assert_eq!(response_head(b"HT").unwrap(), None);
        assert_eq!(response_head(b"http/1.1 200").unwrap(), None);
        let many: String = (0..=MAX_HEADERS).map(|i| format!("X-{i}: v\r\n")).collect();
        let raw = format!("HTTP/1.1 200 OK\r\n{many}\r\n");
        assert!(matches!(
            response_head(raw.as_bytes()),
            Err(ParseError::LimitExceeded { .. })
        ));
    }
}
