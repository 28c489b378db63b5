//! Services that speak first or speak binary: SSH/telnet/FTP banners, vendor SDK ports,
//! XiongMai DVR-IP.

use std::time::Duration;

use tokio::io::{AsyncRead, AsyncReadExt, AsyncWrite, AsyncWriteExt};

use crate::auth::sofia_hash;
use crate::device::Device;
use crate::profile::{BannerProtocol, BannerService, SdkProtocol, SdkService};

const IDLE: Duration = Duration::from_secs(15);

async fn read_some<S: AsyncRead + Unpin>(stream: &mut S, buf: &mut [u8]) -> Option<usize> {
    match tokio::time::timeout(IDLE, stream.read(buf)).await {
        Ok(Ok(n)) if n > 0 => Some(n),
        _ => None,
    }
}

pub(crate) async fn serve_banner<S: AsyncRead + AsyncWrite + Unpin>(
    mut stream: S,
    device: &Device,
    banner: &BannerService,
) {
    let text = device.render(&banner.text);
    if stream.write_all(text.as_bytes()).await.is_err() {
        return;
    }
    let mut buf = [0u8; 1024];
    match banner.protocol {
        // The client's identification string is read, then the lab hangs up: key exchange is
        // beyond what a fingerprinting scanner needs.
        BannerProtocol::Ssh | BannerProtocol::Telnet => {
            let _ = read_some(&mut stream, &mut buf).await;
        }
        BannerProtocol::Ftp => {
            for _ in 0..20 {
                let Some(n) = read_some(&mut stream, &mut buf).await else {
                    return;
                };
                let line = String::from_utf8_lossy(&buf[..n]).to_ascii_uppercase();
                let reply: &[u8] = if line.starts_with("USER") {
                    b"331 Password required.\r\n"
                } else if line.starts_with("PASS") {
                    b"530 Login incorrect.\r\n"
                } else if line.starts_with("QUIT") {
                    let _ = stream.write_all(b"221 Goodbye.\r\n").await;
                    return;
                } else {
                    b"530 Please login with USER and PASS.\r\n"
                };
                if stream.write_all(reply).await.is_err() {
                    return;
                }
            }
        }
    }
}

pub(crate) async fn serve_sdk<S: AsyncRead + AsyncWrite + Unpin>(
    mut stream: S,
    device: &Device,
    sdk: &SdkService,
) {
    match sdk.protocol {
        // The lab has no sourced byte-level reply for these proprietary SDK logins: it accepts
        // and reads like the port does, and answers nothing (documented as a limitation).
        SdkProtocol::Hikvision | SdkProtocol::Dahua | SdkProtocol::Silent => {
            let mut buf = [0u8; 4096];
            let mut total = 0usize;
            while total < 64 * 1024 {
                match read_some(&mut stream, &mut buf).await {
                    Some(n) => total += n,
                    None => return,
                }
            }
        }
        SdkProtocol::Dvrip => serve_dvrip(stream, device, sdk).await,
    }
}

/// DVR-IP header: 0xff, version, 2 reserved, session id, sequence, total/current packet,
/// message id (u16 LE), payload length (u32 LE); 20 bytes (NeiroNx/python-dvr `dvrip.py`).
const DVRIP_HEADER: usize = 20;
const DVRIP_LOGIN_REQUEST: u16 = 1000;
const DVRIP_LOGIN_REPLY: u16 = 1001;
const DVRIP_MAX_PAYLOAD: usize = 64 * 1024;

pub fn dvrip_packet(session: u32, sequence: u32, message: u16, payload: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(DVRIP_HEADER + payload.len());
    out.extend_from_slice(&[0xff, 0x01, 0x00, 0x00]);
    out.extend_from_slice(&session.to_le_bytes());
    out.extend_from_slice(&sequence.to_le_bytes());
    out.extend_from_slice(&[0x00, 0x00]);
    out.extend_from_slice(&message.to_le_bytes());
    out.extend_from_slice(&(payload.len() as u32).to_le_bytes());
    out.extend_from_slice(payload);
    out
}

async fn serve_dvrip<S: AsyncRead + AsyncWrite + Unpin>(
    mut stream: S,
    device: &Device,
    sdk: &SdkService,
) {
    let mut header = [0u8; DVRIP_HEADER];
    if tokio::time::timeout(IDLE, stream.read_exact(&mut header))
        .await
        .map_or(true, |r| r.is_err())
        || header[0] != 0xff
    {
        return;
    }
    let message = u16::from_le_bytes([header[14], header[15]]);
    let length = u32::from_le_bytes([header[16], header[17], header[18], header[19]]) as usize;
    if length > DVRIP_MAX_PAYLOAD {
        return;
    }
    let mut payload = vec![0u8; length];
    if tokio::time::timeout(IDLE, stream.read_exact(&mut payload))
        .await
        .map_or(true, |r| r.is_err())
    {
        return;
    }
    if message != DVRIP_LOGIN_REQUEST {
        return;
    }
    let text = String::from_utf8_lossy(&payload);
    let text = text.trim_end_matches(['\0', '\n']);
    let login: serde_json::Value = serde_json::from_str(text).unwrap_or(serde_json::Value::Null);
    let user = login.get("UserName").and_then(|v| v.as_str()).unwrap_or("");
    let hash = login.get("PassWord").and_then(|v| v.as_str()).unwrap_or("");
    let accepted = device.credentials.as_ref().is_some_and(|c| {
        c.username == user && (sofia_hash(&c.password) == hash || c.password == hash)
    });
    // Reply shape from a published XM NVR login reply (corpus hassxmeye-xm-nvr-login-reply),
    // including the firmware's trailing space in "DeviceType ". 205 for a refused login is
    // python-dvr's code for a wrong password.
    let reply = if accepted {
        format!(
            "{{ \"AliveInterval\" : 21, \"ChannelNum\" : {}, \"DataUseAES\" : false, \"DeviceType \" : \"{}\", \"ExtraChannel\" : 0, \"Ret\" : 100, \"SessionID\" : \"0x00000051\" }}\n\0",
            sdk.dvrip_channels, sdk.dvrip_device_type
        )
    } else {
        "{ \"AliveInterval\" : 0, \"ChannelNum\" : 0, \"DeviceType \" : \"\", \"ExtraChannel\" : 0, \"Ret\" : 205, \"SessionID\" : \"0x00000000\" }\n\0".to_owned()
    };
    let session = if accepted { 0x51 } else { 0 };
    let _ = stream
        .write_all(&dvrip_packet(
            session,
            0,
            DVRIP_LOGIN_REPLY,
            reply.as_bytes(),
        ))
        .await;
    let mut rest = [0u8; 256];
    let _ = read_some(&mut stream, &mut rest).await;
}
