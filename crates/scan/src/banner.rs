//! Server-first protocols: SSH identification, telnet banner (negotiation refused), FTP greeting.

use camsweep_model::ObservationKind;
use tokio::time::Instant;

use crate::config::Service;
use crate::net::{ReadStop, read_more, write_all};
use crate::probe::{HostCtx, Probe, Problem, Report};
use crate::wire::Stream;

const BANNER_LIMIT: usize = 2048;

/// The banner probe of one of the services that greet first (SSH, Telnet, FTP).
pub(crate) struct BannerProbe(pub Service);

impl Probe for BannerProbe {
    async fn probe(&self, ctx: &HostCtx, port: u16, conn: Stream, out: &mut Report) {
        probe(ctx, port, self.0, conn, out).await;
    }
}

async fn probe(ctx: &HostCtx, port: u16, service: Service, first: Stream, out: &mut Report) {
    let limits = &ctx.net.limits;
    let deadline = Instant::now() + limits.banner_timeout;
    let mut stream = first;
    let mut raw = Vec::new();
    let mut text = Vec::new();
    let name = service.name();
    loop {
        let before = raw.len();
        // Once some text has arrived, a short pause ends the banner (telnet prompts, FTP
        // multi-line greetings); before that, wait the whole banner timeout.
        let idle = if text.is_empty() {
            limits.banner_timeout
        } else {
            limits
                .banner_timeout
                .min(std::time::Duration::from_millis(300))
        };
        match read_more(&mut stream, &mut raw, BANNER_LIMIT, idle, deadline).await {
            Ok(0) => break,
            Ok(_) => {}
            Err(ReadStop::TimedOut { .. }) if !text.is_empty() => break,
            Err(stop) => {
                let kind_text = stop.describe(limits);
                let p = if stop.is_timeout() {
                    Problem::unresponsive(format!("{name}/{port}: no banner ({kind_text})"))
                } else {
                    Problem::malformed(format!("{name}/{port}: {kind_text}"))
                };
                return out.problem(p);
            }
        }
        let new = raw[before..].to_vec();
        if service == Service::Telnet {
            let (plain, reply) = refuse_telnet_options(&new);
            text.extend_from_slice(&plain);
            if !reply.is_empty() && write_all(&mut stream, &reply, deadline).await.is_err() {
                break;
            }
        } else {
            text.extend_from_slice(&new);
        }
        let done = match service {
            Service::Ssh => text.contains(&b'\n'),
            Service::Ftp => ftp_greeting_complete(&text),
            _ => false,
        };
        if done || raw.len() >= BANNER_LIMIT {
            break;
        }
    }
    if service == Service::Ftp {
        let _ = write_all(&mut stream, b"QUIT\r\n", deadline).await;
    }
    let banner = String::from_utf8_lossy(&text);
    let banner = match service {
        Service::Ssh => banner
            .lines()
            .find(|l| l.starts_with("SSH-"))
            .unwrap_or("")
            .trim_end()
            .to_owned(),
        _ => banner.trim_end_matches(['\r', '\n', '\0']).to_owned(),
    };
    if banner.trim().is_empty() {
        return out.problem(Problem::malformed(format!(
            "{name}/{port}: no {} greeting in {} bytes",
            name,
            raw.len()
        )));
    }
    let kind = match service {
        Service::Ssh => ObservationKind::SshBanner,
        Service::Ftp => ObservationKind::FtpBanner,
        _ => ObservationKind::TelnetBanner,
    };
    out.observe(ctx, kind, banner, port, name, None);
}

/// The greeting ends with a line `NNN text` (RFC 959 multi-line replies use `NNN-`).
fn ftp_greeting_complete(text: &[u8]) -> bool {
    let s = String::from_utf8_lossy(text);
    s.ends_with('\n')
        && s.lines().last().is_some_and(|l| {
            l.len() >= 4
                && l.as_bytes()[..3].iter().all(u8::is_ascii_digit)
                && l.as_bytes()[3] == b' '
        })
}

/// Strips telnet IAC sequences and builds a reply refusing every option (DO→WONT, WILL→DONT),
/// so the server goes on to print its banner without the scanner agreeing to anything.
fn refuse_telnet_options(data: &[u8]) -> (Vec<u8>, Vec<u8>) {
    const IAC: u8 = 255;
    const DONT: u8 = 254;
    const DO: u8 = 253;
    const WONT: u8 = 252;
    const WILL: u8 = 251;
    const SB: u8 = 250;
    const SE: u8 = 240;
    let mut plain = Vec::new();
    let mut reply = Vec::new();
    let mut i = 0;
    while i < data.len() {
        if data[i] != IAC {
            plain.push(data[i]);
            i += 1;
            continue;
        }
        match data.get(i + 1).copied() {
            Some(DO) => {
                if let Some(&opt) = data.get(i + 2) {
                    reply.extend_from_slice(&[IAC, WONT, opt]);
                }
                i += 3;
            }
            Some(WILL) => {
                if let Some(&opt) = data.get(i + 2) {
                    reply.extend_from_slice(&[IAC, DONT, opt]);
                }
                i += 3;
            }
            Some(DONT | WONT) => i += 3,
            Some(SB) => {
                let end = data[i..].windows(2).position(|w| w == [IAC, SE]);
                i += end.map_or(data.len() - i, |e| e + 2);
            }
            Some(IAC) => {
                plain.push(IAC);
                i += 2;
            }
            _ => i += 2,
        }
    }
    (plain, reply)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn telnet_options_are_refused_and_stripped() {
        let (plain, reply) = refuse_telnet_options(&[
            255, 253, 1, 255, 251, 3, b'h', b'i', 255, 250, 24, 1, 255, 240, b'!',
        ]);
        assert_eq!(plain, b"hi!");
        assert_eq!(reply, [255, 252, 1, 255, 254, 3]);
    }

    #[test]
    fn ftp_multiline_greetings_end_on_the_final_line() {
        assert!(!ftp_greeting_complete(b"220-Welcome\r\n"));
        assert!(ftp_greeting_complete(
            b"220-Welcome\r\n220 DVR FTP ready\r\n"
        ));
    }
}
