//! RTSP (RFC 2326) as cameras answer it: OPTIONS, DESCRIBE with a 401 challenge or SDP.

use tokio::io::{AsyncRead, AsyncWrite, AsyncWriteExt};

use crate::auth::check_authorization;
use crate::device::Device;
use crate::http::{MAX_HEAD, challenge_header, parse_head, read_head, reason};

const MAX_REQUESTS_PER_CONNECTION: usize = 50;

pub(crate) async fn serve<S: AsyncRead + AsyncWrite + Unpin>(mut stream: S, device: &Device) {
    let Some(rtsp) = device.profile.rtsp.as_ref() else {
        return;
    };
    let server = rtsp.server.as_ref().map(|s| device.render(s));
    let mut buf = Vec::with_capacity(512);
    for _ in 0..MAX_REQUESTS_PER_CONNECTION {
        let Some(head_len) = read_head(&mut stream, &mut buf, MAX_HEAD).await else {
            return;
        };
        // httparse reads RTSP request lines too: only the version token differs, so it is
        // rewritten to HTTP/1.1 for parsing.
        let head =
            String::from_utf8_lossy(&buf[..head_len]).replacen(" RTSP/1.0\r\n", " HTTP/1.1\r\n", 1);
        buf.drain(..head_len);
        let Ok(request) = parse_head(head.as_bytes()) else {
            let _ = stream.write_all(b"RTSP/1.0 400 Bad Request\r\n\r\n").await;
            return;
        };
        let cseq = request.header("cseq").unwrap_or("0").trim().to_owned();
        let mut headers: Vec<(String, String)> = vec![("CSeq".into(), cseq)];
        if let Some(server) = &server {
            headers.push(("Server".into(), server.clone()));
        }
        for [k, v] in &rtsp.headers {
            headers.push((k.clone(), device.render(v)));
        }
        let mut body = String::new();
        let status = match request.method.as_str() {
            "OPTIONS" => {
                headers.push(("Public".into(), rtsp.public.clone()));
                200
            }
            "DESCRIBE" => {
                let authorized = match &rtsp.auth {
                    None => true,
                    Some(challenge) => check_authorization(
                        request.header("authorization"),
                        "DESCRIBE",
                        &device.render(&challenge.realm),
                        device.credentials.as_ref(),
                    ),
                };
                match (&rtsp.auth, authorized) {
                    (Some(challenge), false) => {
                        headers.push((
                            "WWW-Authenticate".into(),
                            challenge_header(device, challenge),
                        ));
                        401
                    }
                    _ => {
                        body = device
                            .render(&rtsp.sdp)
                            .replace('\n', "\r\n")
                            .replace("\r\r\n", "\r\n");
                        headers.push(("Content-Base".into(), format!("{}/", request.target)));
                        headers.push(("Content-Type".into(), "application/sdp".into()));
                        200
                    }
                }
            }
            // Streaming itself is out of the lab's scope: no session exists to set up or play.
            "SETUP" | "PLAY" | "PAUSE" | "TEARDOWN" | "GET_PARAMETER" => 454,
            _ => 405,
        };
        let mut out = format!("RTSP/1.0 {status} {}\r\n", reason(status));
        for (k, v) in headers {
            out.push_str(&format!("{k}: {v}\r\n"));
        }
        if !body.is_empty() {
            out.push_str(&format!("Content-Length: {}\r\n", body.len()));
        }
        out.push_str("\r\n");
        out.push_str(&body);
        if stream.write_all(out.as_bytes()).await.is_err() {
            return;
        }
    }
}
