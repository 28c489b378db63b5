//! SSDP replies and NOTIFYs (HTTP over UDP 1900).

use crate::message::{self, Header};
use crate::{MAX_INPUT, ParseError, error::check_len};

/// A parsed SSDP message.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SsdpMessage<'a> {
    /// The start line (`HTTP/1.1 200 OK`, `NOTIFY * HTTP/1.1`).
    pub start_line: String,
    /// Headers in order.
    pub headers: Vec<Header<'a>>,
}

impl SsdpMessage<'_> {
    /// The first header named `name` (case-insensitive).
    pub fn header(&self, name: &str) -> Option<&str> {
        message::header(&self.headers, name)
    }
}

/// Parses an SSDP search reply (`HTTP/1.1 200 OK`) or a `NOTIFY * HTTP/1.1`.
pub fn parse(input: &[u8]) -> Result<SsdpMessage<'_>, ParseError> {
    const WHAT: &str = "ssdp.response";
    check_len(WHAT, input, MAX_INPUT)?;
    let msg = message::parse(WHAT, input)?;
    let start = msg.start_line.trim();
    let is_ssdp = start.starts_with("HTTP/")
        || start.starts_with("NOTIFY ")
        || start.starts_with("M-SEARCH ");
    if !is_ssdp {
        return Err(ParseError::malformed(
            WHAT,
            "an HTTP/1.1 status line or NOTIFY request line",
            0,
        ));
    }
    Ok(SsdpMessage {
        start_line: start.to_owned(),
        headers: msg.headers,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_notify() {
        let m = parse(b"NOTIFY * HTTP/1.1\r\nHOST: 239.255.255.250:1900\r\nNT: upnp:rootdevice\r\nLocation: http://192.168.1.64:49152/rootDesc.xml\r\nSERVER: Linux/3.0, UPnP/1.0, Portable SDK for UPnP devices/1.6.6\r\n\r\n").unwrap();
        assert_eq!(
            m.header("location"),
            Some("http://192.168.1.64:49152/rootDesc.xml")
        );
        assert_eq!(m.header("nt"), Some("upnp:rootdevice"));
        assert!(parse(b"GET / HTTP/1.1\r\n\r\n").is_err());
    }
}
