//! The HTTP side of a device: routes, the login challenge, ONVIF on its SOAP path. A small
//! HTTP/1.1 server on purpose: it must answer the way embedded web servers do (their `Server`
//! header, their status lines), not the way a general server framework would.

use std::time::Duration;

use tokio::io::{AsyncRead, AsyncReadExt, AsyncWrite, AsyncWriteExt};

use crate::auth::{check_authorization, nonce};
use crate::device::Device;
use crate::onvif;
use crate::profile::{AuthChallenge, HttpService, Route};

/// Largest request head the lab accepts (firmware limits are of this order).
pub(crate) const MAX_HEAD: usize = 16 * 1024;
/// Largest request body the lab reads (SOAP requests are a few KiB).
const MAX_BODY: usize = 256 * 1024;
const READ_TIMEOUT: Duration = Duration::from_secs(20);
const MAX_REQUESTS_PER_CONNECTION: usize = 100;

/// A parsed request head.
#[derive(Debug)]
pub(crate) struct Request {
    pub method: String,
    pub target: String,
    pub headers: Vec<(String, String)>,
    pub body: Vec<u8>,
}

impl Request {
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(k, _)| k.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }
}

/// Reads until the blank line ending a head; `None` on EOF, timeout or an oversized head.
/// Leftover bytes stay in `buf`.
pub(crate) async fn read_head<S: AsyncRead + Unpin>(
    stream: &mut S,
    buf: &mut Vec<u8>,
    limit: usize,
) -> Option<usize> {
    let mut scanned: usize = 0;
    loop {
        if let Some(pos) = find_blank_line(&buf[scanned.saturating_sub(3)..]) {
            return Some(scanned.saturating_sub(3) + pos + 4);
        }
        scanned = buf.len();
        if buf.len() >= limit {
            return None;
        }
        let mut chunk = [0u8; 4096];
        let n = match tokio::time::timeout(READ_TIMEOUT, stream.read(&mut chunk)).await {
            Ok(Ok(n)) if n > 0 => n,
            _ => return None,
        };
        buf.extend_from_slice(&chunk[..n]);
    }
}

fn find_blank_line(bytes: &[u8]) -> Option<usize> {
    bytes.windows(4).position(|w| w == b"\r\n\r\n")
}

/// Parses a head with httparse; `Err` carries the status to answer (400).
pub(crate) fn parse_head(head: &[u8]) -> Result<Request, ()> {
    let mut headers = [httparse::EMPTY_HEADER; 64];
    let mut req = httparse::Request::new(&mut headers);
    match req.parse(head) {
        Ok(httparse::Status::Complete(_)) => {}
        _ => return Err(()),
    }
    Ok(Request {
        method: req.method.unwrap_or("").to_owned(),
        target: req.path.unwrap_or("/").to_owned(),
        headers: req
            .headers
            .iter()
            .map(|h| {
                (
                    h.name.to_owned(),
                    String::from_utf8_lossy(h.value).into_owned(),
                )
            })
            .collect(),
        body: Vec::new(),
    })
}

/// One response, ready to write.
pub(crate) struct Response {
    pub status: u16,
    pub content_type: String,
    pub headers: Vec<(String, String)>,
    pub body: Vec<u8>,
}

impl Response {
    pub fn new(status: u16, content_type: &str, body: impl Into<Vec<u8>>) -> Self {
        Self {
            status,
            content_type: content_type.to_owned(),
            headers: Vec::new(),
            body: body.into(),
        }
    }

    pub fn to_bytes(&self, server: Option<&str>, keep_alive: bool) -> Vec<u8> {
        let mut out = format!("HTTP/1.1 {} {}\r\n", self.status, reason(self.status));
        if let Some(server) = server {
            out.push_str(&format!("Server: {server}\r\n"));
        }
        for (k, v) in &self.headers {
            out.push_str(&format!("{k}: {v}\r\n"));
        }
        out.push_str(&format!(
            "Content-Type: {}\r\nContent-Length: {}\r\nConnection: {}\r\n\r\n",
            self.content_type,
            self.body.len(),
            if keep_alive { "keep-alive" } else { "close" }
        ));
        let mut bytes = out.into_bytes();
        bytes.extend_from_slice(&self.body);
        bytes
    }
}

pub(crate) fn reason(status: u16) -> &'static str {
    match status {
        200 => "OK",
        301 => "Moved Permanently",
        302 => "Found",
        400 => "Bad Request",
        401 => "Unauthorized",
        403 => "Forbidden",
        404 => "Not Found",
        405 => "Method Not Allowed",
        413 => "Request Entity Too Large",
        454 => "Session Not Found",
        455 => "Method Not Valid in This State",
        500 => "Internal Server Error",
        _ => "Unknown",
    }
}

/// Serves HTTP requests on one connection until the client closes, asks to close, or stalls.
pub(crate) async fn serve<S: AsyncRead + AsyncWrite + Unpin>(mut stream: S, device: &Device) {
    let Some(service) = device.profile.http.as_ref() else {
        return;
    };
    let server = service.server.as_ref().map(|s| device.render(s));
    let mut buf = Vec::with_capacity(1024);
    for _ in 0..MAX_REQUESTS_PER_CONNECTION {
        let Some(head_len) = read_head(&mut stream, &mut buf, MAX_HEAD).await else {
            return;
        };
        let Ok(mut request) = parse_head(&buf[..head_len]) else {
            let resp = Response::new(400, "text/html", "<html><body>Bad Request</body></html>");
            let _ = stream
                .write_all(&resp.to_bytes(server.as_deref(), false))
                .await;
            return;
        };
        buf.drain(..head_len);
        let length: usize = request
            .header("content-length")
            .and_then(|v| v.trim().parse().ok())
            .unwrap_or(0);
        if length > MAX_BODY {
            let resp = Response::new(413, "text/html", "");
            let _ = stream
                .write_all(&resp.to_bytes(server.as_deref(), false))
                .await;
            return;
        }
        while buf.len() < length {
            let mut chunk = [0u8; 8192];
            match tokio::time::timeout(READ_TIMEOUT, stream.read(&mut chunk)).await {
                Ok(Ok(n)) if n > 0 => buf.extend_from_slice(&chunk[..n]),
                _ => return,
            }
        }
        request.body = buf.drain(..length).collect();
        let keep_alive = !request
            .header("connection")
            .is_some_and(|v| v.eq_ignore_ascii_case("close"));
        let response = respond(device, service, &request);
        let bytes = response.to_bytes(server.as_deref(), keep_alive);
        if stream.write_all(&bytes).await.is_err() || !keep_alive {
            let _ = stream.shutdown().await;
            return;
        }
    }
}

/// The answer the firmware gives to one request.
pub(crate) fn respond(device: &Device, service: &HttpService, request: &Request) -> Response {
    let path = request.target.split('?').next().unwrap_or("/");
    if let Some(onvif) = &device.profile.onvif
        && path == onvif.path
    {
        if request.method != "POST" {
            return Response::new(405, "text/html", "");
        }
        return onvif::respond(device, onvif, &request.body);
    }
    let route = find_route(&service.routes, &request.target);
    let Some(route) = route else {
        return with_headers(
            device,
            service,
            Response::new(404, "text/html", device.render(&service.not_found_body)),
        );
    };
    if route.protected
        && let Some(challenge) = &service.auth
    {
        let realm = device.render(&challenge.realm);
        let authorized = check_authorization(
            request.header("authorization"),
            &request.method,
            &realm,
            device.credentials.as_ref(),
        );
        if !authorized {
            let mut resp =
                Response::new(401, "text/html", device.render(&service.unauthorized_body));
            resp.headers.push((
                "WWW-Authenticate".into(),
                challenge_header(device, challenge),
            ));
            return with_headers(device, service, resp);
        }
    }
    let mut resp = Response::new(
        route.status,
        &route.content_type,
        device.render(&route.body),
    );
    for [k, v] in &route.headers {
        resp.headers.push((k.clone(), device.render(v)));
    }
    with_headers(device, service, resp)
}

fn with_headers(device: &Device, service: &HttpService, mut resp: Response) -> Response {
    for [k, v] in &service.headers {
        resp.headers.push((k.clone(), device.render(v)));
    }
    resp
}

/// The `WWW-Authenticate` value with a fresh nonce.
pub(crate) fn challenge_header(device: &Device, challenge: &AuthChallenge) -> String {
    let realm = device.render(&challenge.realm);
    let nonce = nonce();
    device.render_with(&challenge.header, &[("realm", &realm), ("nonce", &nonce)])
}

fn find_route<'a>(routes: &'a [Route], target: &str) -> Option<&'a Route> {
    routes.iter().find(|r| r.path == target).or_else(|| {
        let path = target.split('?').next().unwrap_or(target);
        routes
            .iter()
            .find(|r| !r.path.contains('?') && r.path == path)
    })
}
