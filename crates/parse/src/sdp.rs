//! SDP session descriptions (RFC 8866), as returned by RTSP DESCRIBE.

use crate::{MAX_INPUT, ParseError, error::check_len};

/// Most `a=control:` lines kept.
const MAX_CONTROLS: usize = 64;

/// The identifying parts of an SDP body.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Sdp {
    /// `o=` username and session id (`- 1680614126554766`), the rest dropped as it varies.
    pub origin: Option<String>,
    /// `s=` session name.
    pub session: Option<String>,
    /// Session-level `i=`, or the first media-level one.
    pub info: Option<String>,
    /// `a=tool:`.
    pub tool: Option<String>,
    /// Each `a=control:` in order (session-level first).
    pub controls: Vec<String>,
    /// Each `m=` media type (`video`, `audio`, `application`).
    pub media: Vec<String>,
}

/// Parses an SDP body. Unknown lines are ignored; a body with no `v=`, `o=`, `s=` or `m=` line
/// at all is an error.
pub fn parse(input: &str) -> Result<Sdp, ParseError> {
    const WHAT: &str = "rtsp.sdp";
    check_len(WHAT, input.as_bytes(), MAX_INPUT)?;
    let mut sdp = Sdp::default();
    let mut seen_sdp_line = false;
    for line in input.lines() {
        let line = line.trim_end_matches('\r').trim_start();
        let Some((key, value)) = line.split_once('=') else {
            continue;
        };
        let value = value.trim();
        match key {
            "v" => seen_sdp_line = true,
            "o" => {
                seen_sdp_line = true;
                let mut parts = value.split_ascii_whitespace();
                let user = parts.next().unwrap_or("");
                let id = parts.next().unwrap_or("");
                sdp.origin = Some(format!("{user} {id}").trim().to_owned());
            }
            "s" => {
                seen_sdp_line = true;
                sdp.session.get_or_insert_with(|| value.to_owned());
            }
            "i" => {
                sdp.info.get_or_insert_with(|| value.to_owned());
            }
            "m" => {
                seen_sdp_line = true;
                if sdp.media.len() < MAX_CONTROLS {
                    sdp.media
                        .push(value.split(' ').next().unwrap_or("").to_owned());
                }
            }
            "a" => {
                if let Some(tool) = value.strip_prefix("tool:") {
                    sdp.tool.get_or_insert_with(|| tool.trim().to_owned());
                } else if let Some(control) = value.strip_prefix("control:")
                    && sdp.controls.len() < MAX_CONTROLS
                {
                    sdp.controls.push(control.trim().to_owned());
                }
            }
            _ => {}
        }
    }
    if !seen_sdp_line {
        return Err(ParseError::Malformed {
            what: WHAT,
            expected: "SDP lines (v=, o=, s= or m=)",
            offset: None,
        });
    }
    Ok(sdp)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_reolink_sdp() {
        let sdp = parse(include_str!("../testdata/reolink_describe.sdp")).unwrap();
        assert_eq!(
            sdp.session.as_deref(),
            Some("Session streamed by \"preview\"")
        );
        assert_eq!(
            sdp.tool.as_deref(),
            Some("BC Streaming Media v202210012022.10.01")
        );
        assert_eq!(sdp.origin.as_deref(), Some("- 1680614126554766"));
        assert_eq!(sdp.controls, vec!["*", "track1", "track2", "track3"]);
        assert_eq!(sdp.media, vec!["video", "audio", "audio"]);
    }

    #[test]
    fn rejects_non_sdp() {
        assert!(parse("hello world").is_err());
    }
}
