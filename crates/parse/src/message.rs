//! The text-protocol message shape shared by HTTP, RTSP and SSDP: a start line, header lines,
//! an empty line, a body. Tolerant of what embedded servers send: LF-only line ends, obsolete
//! header folding, header lines without a colon (skipped), a head cut short (no empty line).

use std::borrow::Cow;

use crate::ParseError;

/// Most header lines accepted in one message.
pub const MAX_HEADERS: usize = 256;

/// One header, name as sent, value trimmed (and unfolded).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Header<'a> {
    /// The name as sent (compare case-insensitively).
    pub name: Cow<'a, str>,
    /// The value, trimmed; folded continuation lines joined with one space.
    pub value: Cow<'a, str>,
}

pub(crate) struct Message<'a> {
    pub start_line: Cow<'a, str>,
    pub headers: Vec<Header<'a>>,
    /// Offset of the body in the input (the input's length when there is none).
    pub body_offset: usize,
}

/// Splits off one line (without its CR/LF); returns the line and the offset after it.
fn next_line(input: &[u8], from: usize) -> (&[u8], usize) {
    let rest = &input[from..];
    match memchr_lf(rest) {
        Some(lf) => {
            let line = &rest[..lf];
            let line = line.strip_suffix(b"\r").unwrap_or(line);
            (line, from + lf + 1)
        }
        None => (rest.strip_suffix(b"\r").unwrap_or(rest), input.len()),
    }
}

fn memchr_lf(s: &[u8]) -> Option<usize> {
    s.iter().position(|&b| b == b'\n')
}

/// Whether a line that starts with whitespace is really a new `Name: value` header that a
/// broken server indented, rather than an obsolete continuation line.
fn is_indented_header(line: &[u8]) -> bool {
    let trimmed = line.trim_ascii_start();
    match trimmed.iter().position(|&b| b == b':') {
        Some(colon) if colon > 0 => {
            trimmed[..colon]
                .iter()
                .all(|&b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
                && trimmed
                    .get(colon + 1)
                    .is_none_or(|&b| b == b' ' || b == b'\t')
        }
        _ => false,
    }
}

pub(crate) fn parse<'a>(what: &'static str, input: &'a [u8]) -> Result<Message<'a>, ParseError> {
    // Leading blank lines are tolerated (some servers send a stray CRLF first).
    let mut pos = 0;
    while pos < input.len() && matches!(input[pos], b'\r' | b'\n' | b' ' | b'\t') {
        pos += 1;
    }
    if pos == input.len() {
        return Err(ParseError::malformed(what, "a start line", pos));
    }
    let (start_line, mut pos) = next_line(input, pos);
    let mut headers: Vec<Header<'a>> = Vec::with_capacity(12);
    let mut lines = 0usize;
    while pos < input.len() {
        let line_offset = pos;
        let (line, next) = next_line(input, pos);
        pos = next;
        if line.is_empty() {
            break;
        }
        lines += 1;
        if lines > MAX_HEADERS {
            return Err(ParseError::LimitExceeded {
                what,
                limit_name: "header lines",
                limit: MAX_HEADERS,
                offset: Some(line_offset),
            });
        }
        if matches!(line[0], b' ' | b'\t') && !is_indented_header(line) {
            // Obsolete line folding (RFC 7230 3.2.4): a continuation of the previous value.
            if let Some(last) = headers.last_mut() {
                let more = String::from_utf8_lossy(line.trim_ascii());
                if !more.is_empty() {
                    let value = last.value.to_mut();
                    value.push(' ');
                    value.push_str(&more);
                }
            }
            continue;
        }
        let Some(colon) = line.iter().position(|&b| b == b':') else {
            // Not a header: skipped rather than failing the whole message.
            continue;
        };
        let name = line[..colon].trim_ascii();
        if name.is_empty() {
            continue;
        }
        headers.push(Header {
            name: String::from_utf8_lossy(name),
            value: String::from_utf8_lossy(line[colon + 1..].trim_ascii()),
        });
    }
    Ok(Message {
        start_line: String::from_utf8_lossy(start_line),
        headers,
        body_offset: pos.min(input.len()),
    })
}

/// The first header named `name` (ASCII case-insensitive).
pub(crate) fn header<'h>(headers: &'h [Header<'_>], name: &str) -> Option<&'h str> {
    headers
        .iter()
        .find(|h| h.name.eq_ignore_ascii_case(name))
        .map(|h| h.value.as_ref())
}

/// Parses `PROTO/x.y CODE [reason]`; returns (version, code, reason).
pub(crate) fn parse_status_line<'l>(
    what: &'static str,
    line: &'l str,
    protocol: &str,
) -> Result<(&'l str, u16, &'l str), ParseError> {
    let line = line.trim();
    let has_protocol = line
        .get(..protocol.len())
        .is_some_and(|p| p.eq_ignore_ascii_case(protocol));
    if !has_protocol {
        return Err(ParseError::malformed(
            what,
            "a status line starting with the protocol name",
            0,
        ));
    }
    let (version, rest) = line.split_once([' ', '\t']).unwrap_or((line, ""));
    let rest = rest.trim_start();
    let (code, reason) = rest.split_once([' ', '\t']).unwrap_or((rest, ""));
    if code.len() != 3 || !code.bytes().all(|b| b.is_ascii_digit()) {
        return Err(ParseError::malformed(
            what,
            "a three-digit status code",
            version.len() + 1,
        ));
    }
    let code = code
        .parse()
        .map_err(|_| ParseError::malformed(what, "a status code", version.len() + 1))?;
    Ok((version, code, reason.trim()))
}

/// The body after the head: de-chunked if `chunked`, cut to `content_length` if given.
/// Returns the body and whether it was cut short of what the head announced. A chunk-size
/// line that is not one keeps the rest verbatim (not chunked after all).
pub(crate) fn body<'a>(
    rest: &'a [u8],
    chunked: bool,
    content_length: Option<usize>,
) -> (Cow<'a, [u8]>, bool) {
    if chunked {
        return match dechunk(rest) {
            Dechunked::Complete { body, .. } => (Cow::Owned(body), false),
            Dechunked::Incomplete { body } => (Cow::Owned(body), true),
            Dechunked::Invalid { mut body, at, .. } => {
                body.extend_from_slice(&rest[at..]);
                (Cow::Owned(body), true)
            }
        };
    }
    match content_length {
        Some(len) if len <= rest.len() => (Cow::Borrowed(&rest[..len]), false),
        Some(_) => (Cow::Borrowed(rest), true),
        None => (Cow::Borrowed(rest), false),
    }
}

/// The longest chunk-size line accepted (size, extensions, line end).
pub const MAX_CHUNK_LINE: usize = 1024;

/// How far a chunked body (RFC 9112 s7.1) stands in the bytes received so far.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Dechunked {
    /// The zero-size last chunk was read; `consumed` input bytes made the body (trailers are
    /// not waited for).
    Complete { body: Vec<u8>, consumed: usize },
    /// More bytes are needed; `body` holds what arrived, a partial chunk included.
    Incomplete { body: Vec<u8> },
    /// The chunk-size line at offset `at` is not one; `body` holds the chunks before it.
    Invalid {
        body: Vec<u8>,
        at: usize,
        reason: String,
    },
}

/// Decodes chunked transfer coding from the bytes received so far; the one decoder for the
/// scanner (reading incrementally: is the body complete?) and the offline parsers. Tolerates
/// LF-only line ends, chunk extensions and a missing line end after chunk data.
pub fn dechunk(input: &[u8]) -> Dechunked {
    let mut body = Vec::with_capacity(input.len().min(1 << 16));
    let mut pos = 0;
    loop {
        let rest = &input[pos..];
        let Some(lf) = memchr_lf(rest) else {
            if rest.len() > MAX_CHUNK_LINE {
                let reason = format!("chunk size line longer than {MAX_CHUNK_LINE} bytes");
                return Dechunked::Invalid {
                    body,
                    at: pos,
                    reason,
                };
            }
            return Dechunked::Incomplete { body };
        };
        if lf > MAX_CHUNK_LINE {
            let reason = format!("chunk size line longer than {MAX_CHUNK_LINE} bytes");
            return Dechunked::Invalid {
                body,
                at: pos,
                reason,
            };
        }
        let line = rest[..lf].strip_suffix(b"\r").unwrap_or(&rest[..lf]);
        let size_text = line
            .split(|&b| b == b';')
            .next()
            .unwrap_or(b"")
            .trim_ascii();
        let size = std::str::from_utf8(size_text)
            .ok()
            .filter(|s| !s.is_empty() && s.len() <= 8)
            .and_then(|s| usize::from_str_radix(s, 16).ok());
        let Some(size) = size else {
            let shown = String::from_utf8_lossy(&size_text[..size_text.len().min(40)]);
            return Dechunked::Invalid {
                body,
                at: pos,
                reason: format!("chunk size {shown:?} is not a hexadecimal size"),
            };
        };
        let data = pos + lf + 1;
        if size == 0 {
            return Dechunked::Complete {
                body,
                consumed: data,
            };
        }
        let available = input.len() - data;
        if size > available {
            body.extend_from_slice(&input[data..]);
            return Dechunked::Incomplete { body };
        }
        body.extend_from_slice(&input[data..data + size]);
        pos = data + size;
        // The line end after the chunk data: CRLF, LF, or (tolerated) none.
        match &input[pos..] {
            [] | [b'\r'] => return Dechunked::Incomplete { body },
            [b'\r', b'\n', ..] => pos += 2,
            [b'\n', ..] => pos += 1,
            _ => {}
        }
    }
}

/// The `realm` parameter of a `WWW-Authenticate` value.
pub(crate) fn realm(www_authenticate: &str) -> Option<String> {
    let bytes = www_authenticate.as_bytes();
    let mut from = 0;
    while let Some(at) = crate::text::find_ascii_ci(&bytes[from..], b"realm") {
        let at = from + at;
        from = at + 5;
        // Must be a parameter name: preceded by start, space or comma.
        if at > 0 && !matches!(bytes[at - 1], b' ' | b',' | b'\t') {
            continue;
        }
        let rest = www_authenticate[at + 5..].trim_start();
        let Some(rest) = rest.strip_prefix('=') else {
            continue;
        };
        let rest = rest.trim_start();
        let value = if let Some(quoted) = rest.strip_prefix('"') {
            // Quoted string; a backslash escapes the next character.
            let mut value = String::new();
            let mut chars = quoted.chars();
            while let Some(c) = chars.next() {
                match c {
                    '"' => break,
                    '\\' => value.extend(chars.next()),
                    c => value.push(c),
                }
            }
            value
        } else {
            rest.split([',', ' ']).next().unwrap_or("").to_owned()
        };
        return Some(value);
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folding_lf_only_and_indented_headers() {
        let msg = parse(
            "t",
            b"HTTP/1.0 200\nServer: a\n  b\nX: 1\n Date: today\nnocolon\n\nbody",
        )
        .unwrap();
        assert_eq!(msg.start_line, "HTTP/1.0 200");
        let names: Vec<_> = msg
            .headers
            .iter()
            .map(|h| (h.name.as_ref(), h.value.as_ref()))
            .collect();
        assert_eq!(
            names,
            vec![("Server", "a b"), ("X", "1"), ("Date", "today")]
        );
    }

    #[test]
    fn chunked_bodies() {
        assert_eq!(
            dechunk(b"4\r\nWiki\r\n5;ext\r\npedia\r\n0\r\n\r\n"),
            Dechunked::Complete {
                body: b"Wikipedia".to_vec(),
                consumed: 26
            }
        );
        assert_eq!(
            dechunk(b"4\r\nWiki\r\n9\r\nped"),
            Dechunked::Incomplete {
                body: b"Wikiped".to_vec()
            }
        );
        assert!(matches!(
            dechunk(b"zz\r\nhello"),
            Dechunked::Invalid { at: 0, ref body, .. } if body.is_empty()
        ));
        // The offline reader keeps what is not chunked verbatim.
        assert_eq!(
            body(b"zz\r\nhello", true, None),
            (Cow::Owned(b"zz\r\nhello".to_vec()), true)
        );
        // LF-only line ends and a missing line end after the data.
        assert_eq!(
            dechunk(b"3\nabc\n2\r\nde0\n"),
            Dechunked::Complete {
                body: b"abcde".to_vec(),
                consumed: 13
            }
        );
        // A size line that never ends, or ends too late, is not waited for.
        assert!(matches!(dechunk(&[b'1'; 2000]), Dechunked::Invalid { .. }));
        let mut long = vec![b'1'];
        long.extend_from_slice(&[b' '; 1100]);
        long.extend_from_slice(b"\r\n");
        assert!(matches!(dechunk(&long), Dechunked::Invalid { .. }));
        // Data complete but its line end not yet here: more is needed.
        assert!(matches!(
            dechunk(b"3\r\nabc\r"),
            Dechunked::Incomplete { .. }
        ));
    }

    proptest::proptest! {
        /// Fed in pieces, the decoder never completes early and never loses bytes: every prefix
        /// of a well-formed body is Incomplete with a prefix of the body.
        #[test]
        fn every_prefix_of_a_chunked_body_is_incomplete(
            chunks in proptest::collection::vec(proptest::collection::vec(proptest::num::u8::ANY, 1..40), 0..6),
            lf_only in proptest::bool::ANY,
        ) {
            let eol: &[u8] = if lf_only { b"\n" } else { b"\r\n" };
            let mut wire = Vec::new();
            let mut whole = Vec::new();
            for chunk in &chunks {
                wire.extend_from_slice(format!("{:x}", chunk.len()).as_bytes());
                wire.extend_from_slice(eol);
                wire.extend_from_slice(chunk);
                wire.extend_from_slice(eol);
                whole.extend_from_slice(chunk);
            }
            wire.extend_from_slice(b"0");
            wire.extend_from_slice(eol);
            let complete_at = wire.len();
            wire.extend_from_slice(eol);
            for cut in 0..complete_at {
                match dechunk(&wire[..cut]) {
                    Dechunked::Incomplete { body } => proptest::prop_assert!(whole.starts_with(&body)),
                    other => proptest::prop_assert!(false, "prefix {cut}: {other:?}"),
                }
            }
            proptest::prop_assert_eq!(
                dechunk(&wire),
                Dechunked::Complete { body: whole, consumed: complete_at }
            );
        }
    }

    #[test]
    fn realms() {
        assert_eq!(
            realm(r#"Digest realm="AXIS_ACCC8E012345", nonce="x""#).as_deref(),
            Some("AXIS_ACCC8E012345")
        );
        assert_eq!(realm("Basic realm=DVR").as_deref(), Some("DVR"));
        assert_eq!(
            realm(r#"Digest qop="auth", realm="a\"b""#).as_deref(),
            Some("a\"b")
        );
        assert_eq!(realm("Digest xrealm=\"no\""), None);
    }
}
