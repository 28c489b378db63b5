//! The HTTP probe: `GET /` (following same-host redirects), the vendors' unauthenticated
//! identity paths and the ONVIF device service, over `wire`'s bounded client.

use camsweep_model::ObservationKind;

use crate::auth;
use crate::probe::{HostCtx, Probe, Problem, Report};
use crate::wire::{Stream, request};

pub(crate) struct HttpProbe;

impl Probe for HttpProbe {
    async fn probe(&self, ctx: &HostCtx, port: u16, conn: Stream, out: &mut Report) {
        probe(ctx, port, false, Some(conn), out).await;
    }
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
