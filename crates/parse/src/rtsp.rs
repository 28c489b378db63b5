//! RTSP/1.0 replies (OPTIONS, DESCRIBE, SETUP...).

use std::borrow::Cow;

use crate::message::{self, Header};
use crate::{MAX_INPUT, ParseError, error::check_len, sdp};

/// A parsed RTSP reply.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Response<'a> {
    /// `RTSP/1.0`.
    pub version: String,
    /// The status code.
    pub status: u16,
    /// The reason phrase (may be empty).
    pub reason: String,
    /// Headers in order.
    pub headers: Vec<Header<'a>>,
    /// The body (usually SDP), cut to `Content-Length` when given.
    pub body: Cow<'a, [u8]>,
}

impl Response<'_> {
    /// The first header named `name` (case-insensitive).
    pub fn header(&self, name: &str) -> Option<&str> {
        message::header(&self.headers, name)
    }

    /// The `realm` of the first `WWW-Authenticate` header that has one.
    pub fn realm(&self) -> Option<String> {
        self.headers
            .iter()
            .filter(|h| h.name.eq_ignore_ascii_case("www-authenticate"))
            .find_map(|h| message::realm(&h.value))
    }

    /// The SDP body, if there is one and it parses.
    pub fn sdp(&self) -> Option<sdp::Sdp> {
        if self.body.iter().all(u8::is_ascii_whitespace) {
            return None;
        }
        sdp::parse(&String::from_utf8_lossy(&self.body)).ok()
    }
}

/// Parses a raw RTSP reply: status line, headers, optional body. Same tolerance as
/// [`crate::http::parse_response`].
pub fn parse_response(input: &[u8]) -> Result<Response<'_>, ParseError> {
    const WHAT: &str = "rtsp.response";
    check_len(WHAT, input, MAX_INPUT)?;
    let msg = message::parse(WHAT, input)?;
    let (version, status, reason) = message::parse_status_line(WHAT, &msg.start_line, "RTSP/")?;
    let (version, reason) = (version.to_owned(), reason.to_owned());
    let content_length = message::header(&msg.headers, "content-length")
        .and_then(|v| v.trim().parse::<usize>().ok());
    let (body, _) = message::body(&input[msg.body_offset..], false, content_length);
    Ok(Response {
        version,
        status,
        reason,
        headers: msg.headers,
        body,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_axis_401_with_indented_date() {
        let raw = include_bytes!("../testdata/axis_rtsp_401.txt");
        let r = parse_response(raw).unwrap();
        assert_eq!(r.status, 401);
        assert_eq!(r.header("server"), Some("GStreamer RTSP server"));
        assert_eq!(r.realm().as_deref(), Some("AXIS_ACCC8E012345"));
        assert!(r.sdp().is_none());
    }

    #[test]
    fn parses_describe_with_sdp() {
        let r = parse_response(include_bytes!("../testdata/dahua_rtsp_describe.txt")).unwrap();
        assert_eq!(r.status, 200);
        let sdp = r.sdp().expect("sdp body");
        assert!(sdp.session.is_some());
        assert!(!sdp.controls.is_empty());
    }

    #[test]
    fn rejects_http() {
        assert!(parse_response(b"HTTP/1.1 200 OK\r\n\r\n").is_err());
    }
}
