//! Sans-I/O parsers of device answers (ISAPI, Dahua CGI, ONVIF, WS-Discovery, SADP, DHIP,
//! DVR-IP, RTSP/SDP, SSDP/UPnP, SNMP, HTTP, TLS certificates) into canonical fields.
//!
//! The entry point is [`extract`]: one [`Observation`] in, a list of [`Field`]s named by
//! [`camsweep_model::field`] out. The typed parsers behind it are public modules for crates
//! that want the structure (the scanner, the lab, tests).
//!
//! Every parser is bounded: inputs over [`MAX_INPUT`] bytes are refused with
//! [`ParseError::TooLarge`], XML depth and element counts are capped, DTD entities are never
//! expanded, and nothing recurses on attacker-controlled depth. Nothing here panics on any
//! input (checked by proptests and cargo-fuzz targets).

use std::borrow::Cow;

use camsweep_model::Observation;

mod banner;
mod error;
mod extract;
mod json;
mod mac;
mod message;
mod text;

pub mod dahua_cgi;
pub mod dhip;
pub mod dn;
pub mod dvrip;
pub mod html;
pub mod http;
pub mod isapi;
pub mod onvif;
pub mod rtsp;
pub mod sadp;
pub mod sdp;
pub mod snmp;
pub mod ssdp;
pub mod upnp;
pub mod x509;
pub mod xml;

pub use banner::{strip_telnet, strip_telnet_bytes};
pub use error::ParseError;
pub use mac::normalise_mac;
pub use message::Header;

/// Largest input any parser accepts, in bytes (1 MiB).
pub const MAX_INPUT: usize = 1024 * 1024;
/// Longest `http.body` field kept, in bytes (64 KiB).
pub const MAX_BODY_FIELD: usize = 64 * 1024;

/// One canonical field extracted from an observation.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Field {
    /// The canonical name, from [`camsweep_model::field`] (or a documented prefix such as
    /// `http.header.` / `onvif.scope.` followed by a key).
    pub name: Cow<'static, str>,
    /// The value, trimmed.
    pub value: String,
}

impl Field {
    /// A field with a static (canonical) name.
    pub fn new(name: &'static str, value: impl Into<String>) -> Self {
        Self {
            name: Cow::Borrowed(name),
            value: value.into(),
        }
    }
}

/// Turns one observation into canonical fields.
///
/// Dispatches on `obs.kind`; bodies (`http.body`, `http.response`, `ssdp.response`) are sniffed
/// by content, so an ISAPI `DeviceInfo` is recognised whatever path fetched it. Structured
/// content inside an HTTP body is best effort: a body that looks like XML but does not parse
/// still yields the HTTP fields. Never panics.
pub fn extract(obs: &Observation) -> Result<Vec<Field>, ParseError> {
    error::check_len(obs.kind.as_str(), obs.value.as_bytes(), MAX_INPUT)?;
    let mut out = Fields::default();
    extract::dispatch(obs, &mut out)?;
    Ok(out.0)
}

/// The collector every parser writes into: skips empty values, trims.
#[derive(Debug, Default)]
pub(crate) struct Fields(pub(crate) Vec<Field>);

impl Fields {
    pub(crate) fn push(&mut self, name: &'static str, value: &str) {
        let value = value.trim();
        if !value.is_empty() {
            self.0.push(Field::new(name, value));
        }
    }

    pub(crate) fn push_owned(&mut self, name: String, value: &str) {
        let value = value.trim();
        if !value.is_empty() {
            self.0.push(Field {
                name: Cow::Owned(name),
                value: value.to_owned(),
            });
        }
    }

    pub(crate) fn push_opt(&mut self, name: &'static str, value: Option<&str>) {
        if let Some(value) = value {
            self.push(name, value);
        }
    }

    pub(crate) fn push_mac(&mut self, name: &'static str, value: &str) {
        match normalise_mac(value) {
            Some(mac) => self.0.push(Field::new(name, mac)),
            // A device-reported MAC in an odd notation is still evidence; keep it as given.
            None => self.push(name, value),
        }
    }

    pub(crate) fn has(&self, name: &str) -> bool {
        self.0.iter().any(|f| f.name == name)
    }
}
