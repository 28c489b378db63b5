//! HTTP responses as embedded web servers send them.

use std::borrow::Cow;

use crate::message::{self, Header};
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
    let chunked = message::header(&msg.headers, "transfer-encoding")
        .is_some_and(|te| te.to_ascii_lowercase().contains("chunked"));
    let content_length = message::header(&msg.headers, "content-length")
        .and_then(|v| v.trim().parse::<usize>().ok());
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
}
