//! Hostile devices. Each behaviour is bounded in time and bytes so that the lab, serving
//! thousands of them, does not exhaust itself either.

use std::time::Duration;

use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpStream;

use crate::device::Device;
use crate::profile::Hostile;

/// How long any hostile connection is held at most.
pub(crate) const MAX_HOLD: Duration = Duration::from_secs(300);
/// Bytes an endless body sends at most before the lab gives up on the client.
const ENDLESS_BODY_CAP: u64 = 1 << 30;
/// Size of the gigantic header block.
const GIGANTIC_HEADER_BYTES: usize = 4 * 1024 * 1024;
const WRITE_TIMEOUT: Duration = Duration::from_secs(30);

/// Reads whatever the client sends first (a request), bounded, so the hostile answer comes
/// after it as it would from a device.
async fn read_request(stream: &mut TcpStream) -> bool {
    let mut buf = [0u8; 4096];
    matches!(
        tokio::time::timeout(Duration::from_secs(15), stream.read(&mut buf)).await,
        Ok(Ok(n)) if n > 0
    )
}

async fn write(stream: &mut TcpStream, bytes: &[u8]) -> bool {
    matches!(
        tokio::time::timeout(WRITE_TIMEOUT, stream.write_all(bytes)).await,
        Ok(Ok(()))
    )
}

pub(crate) async fn serve(behaviour: Hostile, mut stream: TcpStream, device: &Device) {
    let server = device
        .profile
        .http
        .as_ref()
        .and_then(|h| h.server.as_ref())
        .map(|s| device.render(s))
        .unwrap_or_else(|| "Webs".into());
    match behaviour {
        Hostile::Stall => {
            // Reads (so the client's send never blocks) and never answers.
            let mut sink = [0u8; 1024];
            let mut total = 0usize;
            let deadline = tokio::time::Instant::now() + MAX_HOLD;
            while total < 64 * 1024 {
                match tokio::time::timeout_at(deadline, stream.read(&mut sink)).await {
                    Ok(Ok(n)) if n > 0 => total += n,
                    Ok(_) => return,
                    Err(_) => return,
                }
            }
            tokio::time::sleep_until(deadline).await;
        }
        Hostile::Drip => {
            if !read_request(&mut stream).await {
                return;
            }
            let response = format!(
                "HTTP/1.1 200 OK\r\nServer: {server}\r\nContent-Type: text/html\r\nContent-Length: 64\r\n\r\n<html><head><title>drip</title></head><body>slow</body></html>\r\n"
            );
            for byte in response.as_bytes().iter().take(MAX_HOLD.as_secs() as usize) {
                if !write(&mut stream, std::slice::from_ref(byte)).await {
                    return;
                }
                tokio::time::sleep(Duration::from_secs(1)).await;
            }
        }
        Hostile::EndlessBody => {
            if !read_request(&mut stream).await {
                return;
            }
            let head = format!(
                "HTTP/1.1 200 OK\r\nServer: {server}\r\nContent-Type: text/html\r\nConnection: close\r\n\r\n<html><body>"
            );
            if !write(&mut stream, head.as_bytes()).await {
                return;
            }
            static CHUNK: [u8; 16 * 1024] = [b'A'; 16 * 1024];
            let mut sent = 0u64;
            let deadline = tokio::time::Instant::now() + MAX_HOLD;
            while sent < ENDLESS_BODY_CAP && tokio::time::Instant::now() < deadline {
                if !write(&mut stream, &CHUNK).await {
                    return;
                }
                sent += CHUNK.len() as u64;
            }
        }
        Hostile::GiganticHeaders => {
            if !read_request(&mut stream).await {
                return;
            }
            let head = format!("HTTP/1.1 200 OK\r\nServer: {server}\r\n");
            if !write(&mut stream, head.as_bytes()).await {
                return;
            }
            // One 64-byte header line, repeated: memory stays at one line whatever the total.
            let line = format!("X-Padding: {}\r\n", "x".repeat(51));
            let block = line.repeat(256);
            let mut sent = 0;
            while sent < GIGANTIC_HEADER_BYTES {
                if !write(&mut stream, block.as_bytes()).await {
                    return;
                }
                sent += block.len();
            }
            let _ = write(&mut stream, b"Content-Length: 0\r\n\r\n").await;
        }
        Hostile::XmlBomb => {
            if !read_request(&mut stream).await {
                return;
            }
            let mut entities = String::from("<!ENTITY lol0 \"lol\">");
            for i in 1..10 {
                let prev = format!("&lol{};", i - 1);
                entities.push_str(&format!("<!ENTITY lol{i} \"{}\">", prev.repeat(10)));
            }
            let body = format!(
                "<?xml version=\"1.0\"?><!DOCTYPE env:Envelope [{entities}]><env:Envelope xmlns:env=\"http://www.w3.org/2003/05/soap-envelope\"><env:Body><tds:GetDeviceInformationResponse xmlns:tds=\"http://www.onvif.org/ver10/device/wsdl\"><tds:Manufacturer>&lol9;</tds:Manufacturer></tds:GetDeviceInformationResponse></env:Body></env:Envelope>"
            );
            let response = format!(
                "HTTP/1.1 200 OK\r\nServer: {server}\r\nContent-Type: application/soap+xml; charset=utf-8\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{body}",
                body.len()
            );
            let _ = write(&mut stream, response.as_bytes()).await;
        }
        Hostile::MalformedHttp => {
            if !read_request(&mut stream).await {
                return;
            }
            let mut bytes = b"HTTP/1.1 2OO 0K\r\nServer: ".to_vec();
            bytes.extend_from_slice(server.as_bytes());
            bytes.extend_from_slice(
                b"\r\nContent-Length: -17\r\nContent-Length: 99999999999999999999\r\nTransfer-Encoding: chunked\r\nBroken header without colon\r\n\x00\xff\xfe: \x01\x02\r\n\r\nZZZZ\r\nnot a chunk\r\n",
            );
            let _ = write(&mut stream, &bytes).await;
        }
        Hostile::TlsGarbage => {
            if !read_request(&mut stream).await {
                return;
            }
            let garbage: [u8; 32] = rand::random();
            // A TLS record header announcing a handshake of 16 KiB, followed by noise.
            let mut bytes = vec![0x16, 0x03, 0x03, 0x40, 0x00];
            for _ in 0..128 {
                bytes.extend_from_slice(&garbage);
            }
            let _ = write(&mut stream, &bytes).await;
        }
        Hostile::ResetMidResponse => {
            if !read_request(&mut stream).await {
                return;
            }
            let head = format!(
                "HTTP/1.1 200 OK\r\nServer: {server}\r\nContent-Type: text/html\r\nContent-Length: 10000\r\n\r\n<html><head><title>"
            );
            let _ = write(&mut stream, head.as_bytes()).await;
            let _ = stream.flush().await;
            reset(stream);
        }
        Hostile::RtspRedirectLoop => {
            let mut buf = Vec::with_capacity(1024);
            for hop in 0..1000u32 {
                let Some(head_len) =
                    crate::http::read_head(&mut stream, &mut buf, crate::http::MAX_HEAD).await
                else {
                    return;
                };
                let head = String::from_utf8_lossy(&buf[..head_len]).into_owned();
                buf.drain(..head_len);
                let cseq = head
                    .lines()
                    .find_map(|l| {
                        let (k, v) = l.split_once(':')?;
                        k.trim()
                            .eq_ignore_ascii_case("cseq")
                            .then(|| v.trim().to_owned())
                    })
                    .unwrap_or_else(|| "0".into());
                let reply = format!(
                    "RTSP/1.0 302 Moved Temporarily\r\nCSeq: {cseq}\r\nServer: {server}\r\nLocation: rtsp://{}:554/loop/{}\r\n\r\n",
                    device.address,
                    hop + 1
                );
                if !write(&mut stream, reply.as_bytes()).await {
                    return;
                }
            }
        }
    }
}

/// Closes with a TCP RST instead of a FIN.
pub(crate) fn reset(stream: TcpStream) {
    let _ = socket2::SockRef::from(&stream).set_linger(Some(Duration::ZERO));
    drop(stream);
}
