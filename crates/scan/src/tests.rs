//! Scanner behaviour against small loopback servers: real sockets, real protocol bytes, hostile
//! behaviours. (The lab-based tests live in the workspace `tests/scan.rs`.)

use std::net::SocketAddr;
use std::sync::Arc;
use std::time::Duration;

use camsweep_model::{HostStatus, Identification, Observation, ObservationKind, ScanDocument};
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::{TcpListener, TcpStream};
use tokio::sync::mpsc;

use crate::{Identifier, Limits, ScanConfig, ScanEvent, Service, TargetSpec, scan};

struct Unknown;
impl Identifier for Unknown {
    fn identify(&self, _: &[Observation]) -> Identification {
        Identification::unknown("test")
    }
    fn kb_version(&self) -> String {
        "test".into()
    }
}

fn quick_limits() -> Limits {
    Limits {
        connect_timeout: Duration::from_millis(500),
        read_timeout: Duration::from_millis(400),
        probe_timeout: Duration::from_millis(1200),
        host_timeout: Duration::from_secs(4),
        banner_timeout: Duration::from_millis(400),
        udp_wait: Duration::from_millis(200),
        max_response_bytes: 64 * 1024,
        max_header_bytes: 8 * 1024,
        concurrency: 64,
        rate: None,
    }
}

/// Serves every connection with `handler` on 127.0.0.1, on an ephemeral port.
async fn serve<F, Fut>(handler: F) -> u16
where
    F: Fn(TcpStream) -> Fut + Send + Sync + 'static,
    Fut: std::future::Future<Output = ()> + Send + 'static,
{
    let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
    let port = listener.local_addr().unwrap().port();
    let handler = Arc::new(handler);
    tokio::spawn(async move {
        while let Ok((stream, _)) = listener.accept().await {
            tokio::spawn(handler(stream));
        }
    });
    port
}

async fn read_request(stream: &mut TcpStream) -> String {
    let mut buf = Vec::new();
    let mut chunk = [0u8; 4096];
    loop {
        if let Some(end) = buf.windows(4).position(|w| w == b"\r\n\r\n") {
            let head = String::from_utf8_lossy(&buf[..end]).to_ascii_lowercase();
            let length = head
                .lines()
                .find_map(|l| l.strip_prefix("content-length:"))
                .and_then(|v| v.trim().parse::<usize>().ok())
                .unwrap_or(0);
            if buf.len() >= end + 4 + length {
                break;
            }
        }
        match stream.read(&mut chunk).await {
            Ok(0) | Err(_) => break,
            Ok(n) => buf.extend_from_slice(&chunk[..n]),
        }
    }
    String::from_utf8_lossy(&buf).into_owned()
}

async fn run(ports: &[(u16, Service)], limits: Limits) -> ScanDocument {
    let mut config = config_for(
        "127.0.0.1",
        &ports.iter().map(|(p, _)| *p).collect::<Vec<_>>(),
    );
    config.services = ports.to_vec();
    config.limits = limits;
    config.udp = false;
    run_config(config).await
}

/// One address, these TCP ports, quick limits, UDP discovery on.
fn config_for(address: &str, ports: &[u16]) -> ScanConfig {
    let mut config = ScanConfig::new(TargetSpec {
        include: vec![address.into()],
        max_hosts: 16,
        ..TargetSpec::default()
    });
    config.ports = ports.to_vec();
    config.limits = quick_limits();
    config
}

/// Scans with `config`, draining the progress events.
async fn run_config(config: ScanConfig) -> ScanDocument {
    let (tx, mut rx) = mpsc::channel(64);
    let drain = tokio::spawn(async move { while rx.recv().await.is_some() {} });
    let doc = scan(config, &Unknown, tx).await.unwrap();
    drain.await.unwrap();
    doc
}

fn kinds(doc: &ScanDocument) -> Vec<(ObservationKind, Option<String>)> {
    doc.devices[0]
        .observations
        .iter()
        .map(|o| (o.kind, o.path.clone()))
        .collect()
}

#[tokio::test]
async fn a_web_camera_yields_raw_responses_for_every_path() {
    let port = serve(|mut s| async move {
        let req = read_request(&mut s).await;
        let body: &str = if req.starts_with("POST /onvif/device_service") {
            "<?xml version=\"1.0\"?><s:Envelope xmlns:s=\"http://www.w3.org/2003/05/soap-envelope\"><s:Body><tds:GetSystemDateAndTimeResponse/></s:Body></s:Envelope>"
        } else {
            "<html><title>Web Camera</title></html>"
        };
        let status = if req.contains("ISAPI") { "401 Unauthorized" } else { "200 OK" };
        let resp = format!(
            "HTTP/1.1 {status}\r\nServer: App-webs/\r\nContent-Length: {}\r\n\r\n{body}",
            body.len()
        );
        let _ = s.write_all(resp.as_bytes()).await;
    })
    .await;
    let doc = run(&[(port, Service::Http)], quick_limits()).await;
    assert_eq!(doc.devices.len(), 1);
    let d = &doc.devices[0];
    assert_eq!(d.status, HostStatus::Up, "{:?}", d.problems);
    assert_eq!(d.open_ports, [port]);
    let k = kinds(&doc);
    assert!(
        k.contains(&(ObservationKind::HttpResponse, Some("/".into()))),
        "{k:?}"
    );
    assert!(k.contains(&(
        ObservationKind::HttpResponse,
        Some("/ISAPI/System/deviceInfo".into())
    )));
    assert!(k.contains(&(
        ObservationKind::HttpResponse,
        Some("/cgi-bin/magicBox.cgi?action=getSystemInfo".into())
    )));
    assert_eq!(
        k.iter()
            .filter(|(kind, _)| *kind == ObservationKind::OnvifResponse)
            .count(),
        2
    );
    let root = d
        .observations
        .iter()
        .find(|o| o.path.as_deref() == Some("/"))
        .unwrap();
    assert!(
        root.value
            .starts_with("HTTP/1.1 200 OK\r\nServer: App-webs/")
    );
    assert!(root.value.ends_with("<title>Web Camera</title></html>"));
    assert_eq!(root.device.as_deref(), Some("127.0.0.1"));
    assert_eq!(root.address.as_deref(), Some("127.0.0.1"));
    assert_eq!(root.port, Some(port));
    assert_eq!(root.source.as_deref(), Some("scan/http"));
    assert_eq!(doc.scan.hosts_scanned, 1);
}

#[tokio::test]
async fn a_stalled_host_costs_its_timeouts_and_is_unresponsive() {
    let port = serve(|s| async move {
        tokio::time::sleep(Duration::from_secs(30)).await;
        drop(s);
    })
    .await;
    let started = std::time::Instant::now();
    let doc = run(&[(port, Service::Http)], quick_limits()).await;
    let elapsed = started.elapsed();
    assert!(elapsed < Duration::from_millis(1500), "{elapsed:?}");
    let d = &doc.devices[0];
    assert_eq!(d.status, HostStatus::Unresponsive);
    assert!(
        d.problems[0].contains("no answer within 400ms"),
        "{:?}",
        d.problems
    );
}

#[tokio::test]
async fn a_dripping_host_hits_the_probe_deadline() {
    let port = serve(|mut s| async move {
        let _ = read_request(&mut s).await;
        for b in b"HTTP/1.1 200 OK\r\nServer: drip\r\n".iter().cycle() {
            if s.write_all(&[*b]).await.is_err() {
                return;
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
    })
    .await;
    let started = std::time::Instant::now();
    let doc = run(&[(port, Service::Http)], quick_limits()).await;
    assert!(
        started.elapsed() < Duration::from_secs(2),
        "{:?}",
        started.elapsed()
    );
    let d = &doc.devices[0];
    assert_eq!(d.status, HostStatus::Unresponsive);
    assert!(d.problems[0].contains("too slow"), "{:?}", d.problems);
}

#[tokio::test]
async fn an_endless_body_is_cut_at_the_byte_limit() {
    let port = serve(|mut s| async move {
        let _ = read_request(&mut s).await;
        let _ = s
            .write_all(b"HTTP/1.1 200 OK\r\nServer: endless\r\n\r\n")
            .await;
        let block = vec![b'A'; 16 * 1024];
        while s.write_all(&block).await.is_ok() {}
    })
    .await;
    let limits = quick_limits();
    let doc = run(&[(port, Service::Http)], limits).await;
    let d = &doc.devices[0];
    assert_eq!(d.status, HostStatus::Malformed);
    assert!(
        d.problems
            .iter()
            .any(|p| p.contains("cut at the 65536-byte limit")),
        "{:?}",
        d.problems
    );
    let root = d
        .observations
        .iter()
        .find(|o| o.path.as_deref() == Some("/"))
        .unwrap();
    assert!(root.value.len() <= limits.max_response_bytes);
    assert!(root.value.len() > limits.max_response_bytes - 20_000);
}

#[tokio::test]
async fn gigantic_headers_garbage_and_resets_are_malformed() {
    let huge = serve(|mut s| async move {
        let _ = read_request(&mut s).await;
        let _ = s.write_all(b"HTTP/1.1 200 OK\r\nX-Filler: ").await;
        let block = vec![b'a'; 4096];
        while s.write_all(&block).await.is_ok() {}
    })
    .await;
    let garbage = serve(|mut s| async move {
        let _ = read_request(&mut s).await;
        let _ = s.write_all(b"\x00\x01\x02 garbage garbage\r\n\r\n").await;
    })
    .await;
    let reset = serve(|s| async move {
        let std = s.into_std().unwrap();
        let sock = socket2::Socket::from(std);
        sock.set_linger(Some(Duration::ZERO)).unwrap();
        drop(sock);
    })
    .await;
    for (port, needle) in [
        (huge, "headers exceed the 8192-byte limit"),
        (garbage, "not an HTTP response"),
        (reset, "reset"),
    ] {
        let doc = run(&[(port, Service::Http)], quick_limits()).await;
        let d = &doc.devices[0];
        assert_eq!(d.status, HostStatus::Malformed, "{port}: {:?}", d.problems);
        assert!(
            d.problems.iter().any(|p| p.contains(needle)),
            "{needle}: {:?}",
            d.problems
        );
    }
}

#[tokio::test]
async fn redirects_are_followed_three_times_on_the_same_host_only() {
    let port = serve(|mut s| async move {
        let req = read_request(&mut s).await;
        let path = req.split_whitespace().nth(1).unwrap_or("/").to_owned();
        let resp = match path.as_str() {
            "/" => "HTTP/1.1 302 Found\r\nLocation: /doc/page/login.asp\r\nContent-Length: 0\r\n\r\n".to_owned(),
            "/doc/page/login.asp" => "HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok".to_owned(),
            "/loop" => "HTTP/1.1 302 Found\r\nLocation: /loop2\r\nContent-Length: 0\r\n\r\n".to_owned(),
            _ => "HTTP/1.1 302 Found\r\nLocation: http://192.0.2.1/elsewhere\r\nContent-Length: 0\r\n\r\n".to_owned(),
        };
        let _ = s.write_all(resp.as_bytes()).await;
    })
    .await;
    let doc = run(&[(port, Service::Http)], quick_limits()).await;
    let paths: Vec<_> = kinds(&doc).into_iter().filter_map(|(_, p)| p).collect();
    assert!(
        paths.contains(&"/doc/page/login.asp".to_string()),
        "{paths:?}"
    );
    // Off-host redirects (the vendor paths here) are recorded, never followed.
    assert!(!paths.iter().any(|p| p.contains("elsewhere")), "{paths:?}");
    assert_eq!(
        doc.devices[0].status,
        HostStatus::Up,
        "{:?}",
        doc.devices[0].problems
    );

    let looping = serve(|mut s| async move {
        let req = read_request(&mut s).await;
        let path = req.split_whitespace().nth(1).unwrap_or("/").to_owned();
        let next = format!("{path}x");
        let resp = format!("HTTP/1.1 301 Moved\r\nLocation: {next}\r\nContent-Length: 0\r\n\r\n");
        let _ = s.write_all(resp.as_bytes()).await;
    })
    .await;
    let doc = run(&[(looping, Service::Http)], quick_limits()).await;
    let d = &doc.devices[0];
    assert_eq!(d.status, HostStatus::Malformed);
    assert!(
        d.problems
            .iter()
            .any(|p| p.contains("more than 3 redirects")),
        "{:?}",
        d.problems
    );
}

#[tokio::test]
async fn rtsp_options_describe_and_redirect_loops() {
    let port = serve(|mut s| async move {
        loop {
            let req = read_request(&mut s).await;
            if req.is_empty() {
                return;
            }
            let cseq = req.lines().find_map(|l| l.strip_prefix("CSeq: ")).unwrap_or("0").trim().to_owned();
            let resp = if req.starts_with("OPTIONS") {
                format!("RTSP/1.0 200 OK\r\nCSeq: {cseq}\r\nServer: Rtsp Server/3.0\r\nPublic: OPTIONS, DESCRIBE\r\n\r\n")
            } else {
                let sdp = "v=0\r\ns=Media Presentation\r\na=control:rtsp://x/trackID=1\r\n";
                format!("RTSP/1.0 200 OK\r\nCSeq: {cseq}\r\nContent-Type: application/sdp\r\nContent-Length: {}\r\n\r\n{sdp}", sdp.len())
            };
            if s.write_all(resp.as_bytes()).await.is_err() {
                return;
            }
        }
    })
    .await;
    let doc = run(&[(port, Service::Rtsp)], quick_limits()).await;
    let d = &doc.devices[0];
    assert_eq!(d.status, HostStatus::Up, "{:?}", d.problems);
    let k = kinds(&doc);
    assert_eq!(
        k.iter()
            .filter(|(k, _)| *k == ObservationKind::RtspResponse)
            .count(),
        2
    );
    let sdp = d
        .observations
        .iter()
        .find(|o| o.kind == ObservationKind::RtspSdp)
        .unwrap();
    assert!(sdp.value.contains("s=Media Presentation"));

    let looping = serve(|mut s| async move {
        let port = s.local_addr().unwrap().port();
        loop {
            let req = read_request(&mut s).await;
            if req.is_empty() {
                return;
            }
            let resp = if req.starts_with("OPTIONS") {
                "RTSP/1.0 200 OK\r\nCSeq: 1\r\n\r\n".to_owned()
            } else {
                format!("RTSP/1.0 302 Moved\r\nCSeq: 2\r\nLocation: rtsp://127.0.0.1:{port}/again\r\n\r\n")
            };
            if s.write_all(resp.as_bytes()).await.is_err() {
                return;
            }
        }
    })
    .await;
    let doc = run(&[(looping, Service::Rtsp)], quick_limits()).await;
    let d = &doc.devices[0];
    assert_eq!(d.status, HostStatus::Malformed);
    assert!(
        d.problems.iter().any(|p| p.contains("redirect loop")),
        "{:?}",
        d.problems
    );
}

#[tokio::test]
async fn banners_of_ssh_telnet_and_ftp() {
    let ssh = serve(|mut s| async move {
        let _ = s.write_all(b"SSH-2.0-dropbear_2019.78\r\n").await;
        tokio::time::sleep(Duration::from_secs(2)).await;
    })
    .await;
    let telnet = serve(|mut s| async move {
        let _ = s.write_all(&[255, 253, 1, 255, 251, 3]).await;
        let mut reply = [0u8; 6];
        let _ = s.read_exact(&mut reply).await;
        assert_eq!(reply, [255, 252, 1, 255, 254, 3]);
        let _ = s.write_all(b"(none) login: ").await;
        tokio::time::sleep(Duration::from_secs(2)).await;
    })
    .await;
    let ftp = serve(|mut s| async move {
        let _ = s.write_all(b"220 DVR FTP server ready\r\n").await;
        let mut buf = [0u8; 16];
        let _ = s.read(&mut buf).await;
    })
    .await;
    let doc = run(
        &[
            (ssh, Service::Ssh),
            (telnet, Service::Telnet),
            (ftp, Service::Ftp),
        ],
        quick_limits(),
    )
    .await;
    let d = &doc.devices[0];
    assert_eq!(d.status, HostStatus::Up, "{:?}", d.problems);
    let value = |k| {
        d.observations
            .iter()
            .find(|o| o.kind == k)
            .map(|o| o.value.clone())
    };
    assert_eq!(
        value(ObservationKind::SshBanner).as_deref(),
        Some("SSH-2.0-dropbear_2019.78")
    );
    assert_eq!(
        value(ObservationKind::TelnetBanner).as_deref(),
        Some("(none) login: ")
    );
    assert_eq!(
        value(ObservationKind::FtpBanner).as_deref(),
        Some("220 DVR FTP server ready")
    );
}

#[tokio::test]
async fn tls_certificates_are_recorded_and_garbage_is_malformed() {
    let cert = rcgen::generate_simple_self_signed(vec!["IPC".to_string()]).unwrap();
    let der = cert.cert.der().to_vec();
    let key = rustls::pki_types::PrivateKeyDer::try_from(cert.signing_key.serialize_der()).unwrap();
    let config = rustls::ServerConfig::builder_with_provider(Arc::new(
        rustls::crypto::ring::default_provider(),
    ))
    .with_safe_default_protocol_versions()
    .unwrap()
    .with_no_client_auth()
    .with_single_cert(vec![der.clone().into()], key)
    .unwrap();
    let acceptor = tokio_rustls::TlsAcceptor::from(Arc::new(config));
    let port = serve(move |s| {
        let acceptor = acceptor.clone();
        async move {
            let Ok(mut tls) = acceptor.accept(s).await else {
                return;
            };
            let mut buf = vec![0u8; 4096];
            let _ = tls.read(&mut buf).await;
            let _ = tls
                .write_all(b"HTTP/1.1 200 OK\r\nServer: webserver\r\nContent-Length: 0\r\n\r\n")
                .await;
            let _ = tls.shutdown().await;
        }
    })
    .await;
    let doc = run(&[(port, Service::Https)], quick_limits()).await;
    let d = &doc.devices[0];
    assert_eq!(d.status, HostStatus::Up, "{:?}", d.problems);
    let pem = d
        .observations
        .iter()
        .find(|o| o.kind == ObservationKind::TlsCert)
        .unwrap();
    assert!(pem.value.starts_with("-----BEGIN CERTIFICATE-----"));
    use base64::Engine as _;
    let b64: String = pem
        .value
        .lines()
        .filter(|l| !l.starts_with("-----"))
        .collect();
    assert_eq!(
        base64::engine::general_purpose::STANDARD
            .decode(b64)
            .unwrap(),
        der
    );
    assert!(
        d.observations
            .iter()
            .any(|o| o.kind == ObservationKind::HttpResponse
                && o.source.as_deref() == Some("scan/https"))
    );

    let garbage = serve(|mut s| async move {
        let _ = s.write_all(b"this is not TLS at all\r\n\r\n").await;
    })
    .await;
    let doc = run(&[(garbage, Service::Https)], quick_limits()).await;
    let d = &doc.devices[0];
    assert_eq!(d.status, HostStatus::Malformed);
    assert!(d.problems[0].contains("legacy hello"), "{:?}", d.problems);
}

#[tokio::test]
async fn a_tls_1_0_only_device_still_gives_its_certificate() {
    // A server that answers any ClientHello with a TLS 1.0 ServerHello and a Certificate whose
    // content is a real DER certificate, then closes: what an old camera's handshake shows.
    let cert = rcgen::generate_simple_self_signed(vec!["DVR".to_string()]).unwrap();
    let der = cert.cert.der().to_vec();
    let port = serve(move |mut s| {
        let der = der.clone();
        async move {
            let mut buf = [0u8; 1024];
            let _ = s.read(&mut buf).await;
            let mut sh = vec![0x02, 0, 0, 38, 0x03, 0x01];
            sh.extend_from_slice(&[9u8; 32]);
            sh.extend_from_slice(&[0, 0x00, 0x2f, 0]);
            let n = der.len();
            let mut list = vec![((n + 3) >> 16) as u8, ((n + 3) >> 8) as u8, (n + 3) as u8];
            list.extend_from_slice(&[(n >> 16) as u8, (n >> 8) as u8, n as u8]);
            list.extend_from_slice(&der);
            let mut cert_msg = vec![
                0x0b,
                (list.len() >> 16) as u8,
                (list.len() >> 8) as u8,
                list.len() as u8,
            ];
            cert_msg.extend_from_slice(&list);
            let mut out = Vec::new();
            for part in [sh, cert_msg] {
                out.extend_from_slice(&[
                    0x16,
                    0x03,
                    0x01,
                    (part.len() >> 8) as u8,
                    part.len() as u8,
                ]);
                out.extend_from_slice(&part);
            }
            let _ = s.write_all(&out).await;
        }
    })
    .await;
    let doc = run(&[(port, Service::Https)], quick_limits()).await;
    let d = &doc.devices[0];
    let cert = d
        .observations
        .iter()
        .find(|o| o.kind == ObservationKind::TlsCert);
    assert!(cert.is_some(), "{:?} {:?}", d.problems, d.observations);
    assert_eq!(cert.unwrap().source.as_deref(), Some("scan/tls-legacy"));
}

#[tokio::test]
async fn digest_credentials_are_used_once_when_challenged() {
    let seen = Arc::new(std::sync::Mutex::new(Vec::<String>::new()));
    let log = seen.clone();
    let port = serve(move |mut s| {
        let log = log.clone();
        async move {
            let req = read_request(&mut s).await;
            log.lock().unwrap().push(req.clone());
            let resp = if req.contains("ISAPI") && !req.contains("Authorization: Digest") {
                "HTTP/1.1 401 Unauthorized\r\nWWW-Authenticate: Digest qop=\"auth\", realm=\"IP Camera\", nonce=\"n1\"\r\nContent-Length: 0\r\n\r\n"
            } else if req.contains("ISAPI") {
                "HTTP/1.1 200 OK\r\nContent-Length: 40\r\n\r\n<DeviceInfo><model>X</model></DeviceInfo>"
            } else {
                "HTTP/1.1 403 Forbidden\r\nContent-Length: 0\r\n\r\n"
            };
            let _ = s.write_all(resp.as_bytes()).await;
        }
    })
    .await;
    let mut config = ScanConfig::new(TargetSpec {
        include: vec!["127.0.0.1".into()],
        max_hosts: 4,
        ..TargetSpec::default()
    });
    config.ports = vec![port];
    config.services = vec![(port, Service::Http)];
    config.limits = quick_limits();
    config.udp = false;
    config.credentials = crate::Credentials::parse(
        "[[credentials]]\nscope = \"127.0.0.1\"\nusername = \"inventory\"\npassword = \"s3cret\"\n",
        std::path::Path::new("t.toml"),
    )
    .unwrap();
    let (tx, mut rx) = mpsc::channel(64);
    tokio::spawn(async move { while rx.recv().await.is_some() {} });
    let doc = scan(config, &Unknown, tx).await.unwrap();
    let requests = seen.lock().unwrap().clone();
    let isapi: Vec<_> = requests.iter().filter(|r| r.contains("ISAPI")).collect();
    assert_eq!(
        isapi.len(),
        2,
        "one plain request, one answer to the challenge"
    );
    assert!(
        isapi
            .iter()
            .any(|r| r.contains("username=\"inventory\"") && !r.contains("s3cret"))
    );
    let onvif_auth = requests
        .iter()
        .filter(|r| r.contains("UsernameToken"))
        .count();
    assert_eq!(
        onvif_auth, 1,
        "GetDeviceInformation carries the token, GetSystemDateAndTime not"
    );
    let d = &doc.devices[0];
    assert!(
        d.observations
            .iter()
            .any(|o| o.value.contains("<model>X</model>"))
    );
}

#[tokio::test]
async fn udp_discovery_answers_are_filed_under_their_address() {
    // A WS-Discovery responder on 127.0.0.1:3702 is needed for this test; skip if the port is
    // taken (another lab on this machine).
    let Ok(socket) = tokio::net::UdpSocket::bind("127.0.0.1:3702").await else {
        eprintln!("skipped: 127.0.0.1:3702 is in use");
        return;
    };
    tokio::spawn(async move {
        let mut buf = [0u8; 4096];
        while let Ok((n, from)) = socket.recv_from(&mut buf).await {
            assert!(String::from_utf8_lossy(&buf[..n]).contains("Probe"));
            let _ = socket
                .send_to(b"<Envelope><ProbeMatches><Scopes>onvif://www.onvif.org/hardware/DS-2CD2143G0-I</Scopes></ProbeMatches></Envelope>", from)
                .await;
        }
    });
    let doc = run_config(config_for("127.0.0.1", &[])).await;
    let d = &doc.devices[0];
    let wsd = d
        .observations
        .iter()
        .find(|o| o.kind == ObservationKind::WsdProbeMatch)
        .unwrap();
    assert!(wsd.value.contains("DS-2CD2143G0-I"));
    assert_eq!(wsd.transport.as_deref(), Some("udp"));
    assert_eq!(wsd.port, Some(3702));
}

/// Regression: a stop that came before any host started (a signal while the KB loaded)
/// returned a scan of 0 hosts marked complete, so the register took it as a full scan.
#[tokio::test]
async fn a_scan_stopped_before_it_started_is_marked_interrupted() {
    let mut config = ScanConfig::new(TargetSpec {
        include: vec!["127.0.0.1".into(), "127.0.0.2".into()],
        max_hosts: 4,
        ..TargetSpec::default()
    });
    config.udp = false;
    config.limits = quick_limits();
    config.stop.cancel();
    let (tx, _rx) = mpsc::channel(64);
    let doc = scan(config, &Unknown, tx).await.unwrap();
    assert_eq!(doc.scan.hosts_scanned, 0);
    assert!(
        doc.scan.interrupted,
        "a scan of none of its hosts is partial"
    );
}

#[tokio::test]
async fn cancelling_returns_what_was_found_marked_interrupted() {
    let port = serve(|s| async move {
        tokio::time::sleep(Duration::from_secs(30)).await;
        drop(s);
    })
    .await;
    let mut config = ScanConfig::new(TargetSpec {
        include: vec!["127.0.0.1".into()],
        max_hosts: 4,
        ..TargetSpec::default()
    });
    config.ports = vec![port];
    config.services = vec![(port, Service::Http)];
    let mut limits = quick_limits();
    limits.read_timeout = Duration::from_secs(20);
    limits.probe_timeout = Duration::from_secs(20);
    limits.host_timeout = Duration::from_secs(20);
    config.limits = limits;
    config.udp = false;
    let stop = config.stop.clone();
    let (tx, mut rx) = mpsc::channel(64);
    let events = tokio::spawn(async move {
        let mut started = false;
        while let Some(e) = rx.recv().await {
            started |= matches!(e, ScanEvent::Started { hosts: 1, .. });
        }
        started
    });
    tokio::spawn(async move {
        tokio::time::sleep(Duration::from_millis(300)).await;
        stop.cancel();
    });
    let started = std::time::Instant::now();
    let doc = scan(config, &Unknown, tx).await.unwrap();
    assert!(started.elapsed() < Duration::from_secs(2));
    assert!(doc.scan.interrupted);
    assert!(doc.scan.finished_at.is_some());
    assert!(events.await.unwrap());
}

#[tokio::test]
async fn closed_ports_make_no_device() {
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let port = listener.local_addr().unwrap().port();
    drop(listener);
    let doc = run(&[(port, Service::Http)], quick_limits()).await;
    assert!(doc.devices.is_empty());
    assert_eq!(doc.scan.hosts_scanned, 1);
    let _unused: Option<SocketAddr> = None;
}

/// Regression (Uniview cameras named Dahua on the lab): a 404 at a vendor path is "no such API
/// here" and must leave no observation that would read as the vendor API answering.
#[tokio::test]
async fn a_404_at_a_vendor_path_leaves_no_observation() {
    let port = serve(|mut s| async move {
        let req = read_request(&mut s).await;
        let resp = if req.starts_with("GET / ") {
            "HTTP/1.1 200 OK\r\nContent-Length: 27\r\n\r\n<html><title>x</title></html>".to_owned()
        } else {
            "HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\n\r\n".to_owned()
        };
        let _ = s.write_all(resp.as_bytes()).await;
    })
    .await;
    let doc = run(&[(port, Service::Http)], quick_limits()).await;
    let k = kinds(&doc);
    assert!(
        k.contains(&(ObservationKind::HttpResponse, Some("/".into()))),
        "{k:?}"
    );
    for (_, path) in &k {
        assert_eq!(path.as_deref(), Some("/"), "a 404 was kept: {k:?}");
    }
}

/// Regression: the request path alone (even with a non-404 answer that says nothing about the
/// maker, such as a site-wide 401) is no Dahua evidence; the answer's content is.
#[test]
fn a_dahua_cgi_path_is_no_evidence_without_a_dahua_answer() {
    let kb = camsweep_kb::KnowledgeBase::embedded().unwrap();
    let engine = camsweep_identify::Engine::new(&kb).unwrap();
    let magicbox = "/cgi-bin/magicBox.cgi?action=getSystemInfo";
    for answer in [
        "HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\n\r\n",
        "HTTP/1.1 401 Unauthorized\r\nWWW-Authenticate: Basic realm=\"Web\"\r\nContent-Length: 0\r\n\r\n",
        "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: 29\r\n\r\n<html><title>Web</title></html>",
    ] {
        let id = engine.identify(&[Observation::new(ObservationKind::HttpResponse, answer)
            .with_path(magicbox)
            .with_device("x")]);
        assert_eq!(id.manufacturer, None, "{answer:?}: {:?}", id.evidence);
        assert!(
            id.evidence
                .iter()
                .all(|e| e.implies.manufacturer.as_deref() != Some("dahua")),
            "{answer:?}: {:?}",
            id.evidence
        );
    }
    // A Dahua answer at the same path still is.
    let dahua = "HTTP/1.1 401 Unauthorized\r\nWWW-Authenticate: Digest realm=\"Login to 4L0123PAZ\", qop=\"auth\", nonce=\"1\"\r\nContent-Length: 0\r\n\r\n";
    let id = engine.identify(&[Observation::new(ObservationKind::HttpResponse, dahua)
        .with_path(magicbox)
        .with_device("x")]);
    assert_eq!(
        id.manufacturer.as_deref(),
        Some("dahua"),
        "{:?}",
        id.evidence
    );
}

/// TVT recorders were left unknown on the lab when their only maker evidence was the page
/// title naming TVT's NVMS-9000 platform.
#[test]
fn a_page_titled_nvms_9000_is_tvt() {
    let kb = camsweep_kb::KnowledgeBase::embedded().unwrap();
    let engine = camsweep_identify::Engine::new(&kb).unwrap();
    let page = "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: 47\r\n\r\n<html><head><title>NVMS-9000</title></head></html>";
    let id = engine.identify(&[Observation::new(ObservationKind::HttpResponse, page)
        .with_path("/")
        .with_device("x")]);
    assert_eq!(id.manufacturer.as_deref(), Some("tvt"), "{:?}", id.evidence);
}

/// A WS-Discovery responder on `addr:3702` that drops the first `ignore` probes and answers
/// the rest; returns how many probes it has seen.
async fn lossy_wsd_responder(
    addr: &str,
    ignore: usize,
) -> Option<Arc<std::sync::atomic::AtomicUsize>> {
    let socket = tokio::net::UdpSocket::bind(format!("{addr}:3702"))
        .await
        .ok()?;
    let seen = Arc::new(std::sync::atomic::AtomicUsize::new(0));
    let counter = seen.clone();
    tokio::spawn(async move {
        let mut buf = [0u8; 4096];
        while let Ok((n, from)) = socket.recv_from(&mut buf).await {
            if !String::from_utf8_lossy(&buf[..n]).contains("Probe") {
                continue;
            }
            if counter.fetch_add(1, std::sync::atomic::Ordering::SeqCst) < ignore {
                continue;
            }
            let _ = socket
                .send_to(b"<Envelope><ProbeMatches><Scopes>onvif://www.onvif.org/name/UNV</Scopes></ProbeMatches></Envelope>", from)
                .await;
        }
    });
    Some(seen)
}

/// Regression: under load a /16 sweep lost the WS-Discovery answers of 6 cameras whose only
/// maker evidence they were (docs/benchmarks.md, 2026-11-27). A host that is up (an open TCP
/// port) and answered no discovery probe gets the probes once more.
#[tokio::test]
async fn a_live_host_whose_discovery_answer_was_lost_is_asked_again() {
    const ADDR: &str = "127.0.0.63";
    let Some(seen) = lossy_wsd_responder(ADDR, 1).await else {
        eprintln!("skipped: {ADDR}:3702 is in use");
        return;
    };
    let listener = TcpListener::bind(format!("{ADDR}:0")).await.unwrap();
    let port = listener.local_addr().unwrap().port();
    tokio::spawn(async move {
        while let Ok((mut s, _)) = listener.accept().await {
            tokio::spawn(async move {
                let _ = read_request(&mut s).await;
                let _ = s
                    .write_all(b"HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\n\r\n")
                    .await;
            });
        }
    });
    let mut config = config_for(ADDR, &[port]);
    config.services = vec![(port, Service::Http)];
    let doc = run_config(config).await;
    let d = &doc.devices[0];
    assert_eq!(
        seen.load(std::sync::atomic::Ordering::SeqCst),
        2,
        "one probe, one retry"
    );
    let wsd = d
        .observations
        .iter()
        .find(|o| o.kind == ObservationKind::WsdProbeMatch)
        .expect("the retry's answer is kept");
    assert!(wsd.value.contains("name/UNV"));
}

/// An address with nothing open is not asked twice: a /16 sweep would double its datagrams.
#[tokio::test]
async fn a_host_with_no_open_port_gets_no_discovery_retry() {
    const ADDR: &str = "127.0.0.64";
    let Some(seen) = lossy_wsd_responder(ADDR, 1).await else {
        eprintln!("skipped: {ADDR}:3702 is in use");
        return;
    };
    // A port nothing listens on: refused, so the host is not up over TCP.
    let closed = std::net::TcpListener::bind(format!("{ADDR}:0")).unwrap();
    let port = closed.local_addr().unwrap().port();
    drop(closed);
    let doc = run_config(config_for(ADDR, &[port])).await;
    assert_eq!(
        seen.load(std::sync::atomic::Ordering::SeqCst),
        1,
        "no retry"
    );
    assert!(doc.devices.is_empty(), "{:?}", doc.devices);
}

/// A fake SNMP agent on `addr:161`: hands every datagram to `answer` and sends back what it
/// returns. `None` when the port cannot be bound (not root, or taken).
async fn snmp_agent<F>(addr: &str, answer: F) -> Option<mpsc::UnboundedReceiver<Vec<u8>>>
where
    F: Fn(&[u8]) -> Vec<Vec<u8>> + Send + 'static,
{
    let socket = match tokio::net::UdpSocket::bind((addr, 161)).await {
        Ok(s) => s,
        Err(e) => {
            eprintln!("skipped: cannot bind {addr}:161: {e}");
            return None;
        }
    };
    let (tx, rx) = mpsc::unbounded_channel();
    tokio::spawn(async move {
        let mut buf = vec![0u8; 65_536];
        while let Ok((n, from)) = socket.recv_from(&mut buf).await {
            let _ = tx.send(buf[..n].to_vec());
            for reply in answer(&buf[..n]) {
                let _ = socket.send_to(&reply, from).await;
            }
        }
    });
    Some(rx)
}

/// The Report an SNMPv3 agent sends to engine-ID discovery (RFC 3414 section 4), built here
/// after RFC 3412 section 6 and RFC 3414 section 2.4 with enterprise 39165 and a MAC engine ID.
fn engine_id_report(request: &[u8]) -> Vec<Vec<u8>> {
    use camsweep_parse::snmp;
    let Ok(snmp::Message::V3(m)) = snmp::parse_message(request) else {
        return Vec::new();
    };
    let usm = snmp::Usm::unauthenticated(
        b"\x80\x00\x98\xfd\x03\x02\x00\x00\x00\x00\x01".to_vec(),
        3,
        1234,
    );
    let request_id = m.pdu.map_or(0, |p| p.request_id as i32);
    vec![snmp::encode_report(
        m.msg_id as i32,
        request_id,
        &usm,
        snmp::USM_STATS_UNKNOWN_ENGINE_IDS,
        1,
    )]
}

#[tokio::test]
async fn snmpv3_engine_id_discovery_is_filed_and_no_community_is_sent_by_default() {
    const ADDR: &str = "127.61.0.1";
    let Some(mut seen) = snmp_agent(ADDR, engine_id_report).await else {
        return;
    };
    let doc = run_config(config_for(ADDR, &[])).await;
    let d = &doc.devices[0];
    let engine = d
        .observations
        .iter()
        .find(|o| o.kind == ObservationKind::SnmpEngineId)
        .unwrap_or_else(|| panic!("{:#?}", d.observations));
    assert_eq!(engine.value, "800098fd030200000000 01".replace(' ', ""));
    assert_eq!(engine.port, Some(161));
    assert_eq!(engine.source.as_deref(), Some("scan/snmp"));
    // Every datagram the agent saw was an SNMPv3 discovery: no community string at all.
    while let Ok(datagram) = seen.try_recv() {
        match camsweep_parse::snmp::parse_message(&datagram).unwrap() {
            camsweep_parse::snmp::Message::V3(m) => {
                assert!(m.usm.unwrap().user_name.is_empty());
            }
            other => panic!("a community message was sent: {other:?}"),
        }
    }
}

#[tokio::test]
async fn a_configured_community_reads_sys_descr_and_sys_object_id() {
    use camsweep_parse::snmp;
    const ADDR: &str = "127.61.0.2";
    let Some(_seen) = snmp_agent(ADDR, |request| {
        let Ok(snmp::Message::Community { community, pdu, .. }) = snmp::parse_message(request)
        else {
            return Vec::new(); // no SNMPv3 on this agent: v3 discovery goes unanswered
        };
        if community != b"ours-only" {
            return Vec::new();
        }
        let reply = snmp::encode_pdu(
            snmp::PduType::Response,
            pdu.request_id as i32,
            &[
                (
                    snmp::SYS_DESCR,
                    snmp::Value::OctetString(b"Hikvision company products".to_vec()),
                ),
                (
                    snmp::SYS_OBJECT_ID,
                    snmp::Value::Oid(snmp::Oid(vec![1, 3, 6, 1, 4, 1, 50001, 1])),
                ),
            ],
        );
        vec![snmp::encode_community_message(1, &community, &reply)]
    })
    .await
    else {
        return;
    };
    let mut config = config_for(ADDR, &[]);
    config.snmp_communities = vec!["ours-only".into()];
    let doc = run_config(config).await;
    let values: Vec<(ObservationKind, &str)> = doc.devices[0]
        .observations
        .iter()
        .map(|o| (o.kind, o.value.as_str()))
        .collect();
    assert!(
        values.contains(&(ObservationKind::SnmpSysDescr, "Hikvision company products")),
        "{values:?}"
    );
    assert!(
        values.contains(&(ObservationKind::SnmpSysObjectId, "1.3.6.1.4.1.50001.1")),
        "{values:?}"
    );
}

#[tokio::test]
async fn hostile_snmp_answers_are_dropped_without_hanging() {
    const ADDR: &str = "127.61.0.3";
    let Some(_seen) = snmp_agent(ADDR, |request| {
        let mut deep = vec![0x05, 0x00];
        for _ in 0..5_000 {
            let mut outer = vec![0x30, 0x82];
            outer.extend_from_slice(&(deep.len() as u16).to_be_bytes());
            outer.extend_from_slice(&deep);
            deep = outer;
        }
        let mut wrong_id = engine_id_report(request);
        if let Some(r) = wrong_id.first_mut() {
            // The same Report with another msgID (spoofed or stale): not an answer to us.
            let at = r
                .windows(4)
                .position(|w| w[0] == 0x02 && w[1] == 0x04)
                .unwrap_or(0);
            r[at + 2] ^= 0x40;
        }
        let mut out = vec![
            b"\x30\x84\x7f\xff\xff\xff\x02\x01\x03".to_vec(), // length far past the end
            b"\x30\x80\x02\x01\x03\x00\x00".to_vec(),         // indefinite length
            vec![0xff; 60_000],                               // garbage
            deep,                                             // 5,000 levels of nesting
        ];
        out.extend(wrong_id);
        out
    })
    .await
    else {
        return;
    };
    let started = std::time::Instant::now();
    let doc = run_config(config_for(ADDR, &[])).await;
    assert!(started.elapsed() < Duration::from_secs(5));
    assert!(
        doc.devices.iter().all(|d| d
            .observations
            .iter()
            .all(|o| !matches!(o.kind, ObservationKind::SnmpEngineId))),
        "{:#?}",
        doc.devices
    );
}

/// The lab's SNMP-only devices, scanned over loopback: the SNMPv3 engine ID arrives without any
/// community; sysDescr and sysObjectID only once the operator's community is configured.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn lab_snmp_only_devices_answer_engine_id_discovery_and_only_their_community() {
    use camsweep_lab::{DeviceSpec, Lab, LabOptions, LabSpec, ListenMode};
    let nvr = "127.61.1.1";
    let axis = "127.61.1.2";
    let lab = Lab::start(
        LabSpec {
            devices: vec![
                DeviceSpec::new(nvr.parse().unwrap(), "hikvision-nvr-snmp"),
                DeviceSpec::new(axis.parse().unwrap(), "axis-ipc-snmp"),
            ],
        },
        LabOptions {
            mode: ListenMode::PerAddress,
            ..LabOptions::default()
        },
    )
    .await
    .expect("the lab starts on loopback");
    let scan_with = |communities: Vec<String>| {
        let mut config = ScanConfig::new(TargetSpec {
            include: vec![nvr.into(), axis.into()],
            max_hosts: 4,
            ..TargetSpec::default()
        });
        config.ports = Vec::new();
        config.limits = quick_limits();
        config.snmp_communities = communities;
        run_config(config)
    };
    let kinds_of = |doc: &ScanDocument, addr: &str| -> Vec<(ObservationKind, String)> {
        doc.devices
            .iter()
            .find(|d| d.address == addr)
            .unwrap_or_else(|| panic!("{addr} not found: {doc:#?}"))
            .observations
            .iter()
            .map(|o| (o.kind, o.value.clone()))
            .collect()
    };

    let doc = scan_with(Vec::new()).await;
    let got = kinds_of(&doc, nvr);
    assert!(
        got.iter()
            .any(|(k, v)| *k == ObservationKind::SnmpEngineId && v.starts_with("800098fd03")),
        "{got:?}"
    );
    assert!(!got.iter().any(|(k, _)| *k == ObservationKind::SnmpSysDescr));
    let got = kinds_of(&doc, axis);
    assert!(
        got.iter()
            .any(|(k, v)| *k == ObservationKind::SnmpEngineId && v.starts_with("8000017004")),
        "{got:?}"
    );

    let doc = scan_with(vec!["lab-snmp-community".into()]).await;
    let got = kinds_of(&doc, nvr);
    assert!(
        got.contains(&(
            ObservationKind::SnmpSysDescr,
            "Hikvision company products".into()
        )),
        "{got:?}"
    );
    assert!(
        got.contains(&(
            ObservationKind::SnmpSysObjectId,
            "1.3.6.1.4.1.50001.1".into()
        )),
        "{got:?}"
    );
    // The Axis agent has no community: it stays silent to SNMPv2c.
    assert!(
        !kinds_of(&doc, axis)
            .iter()
            .any(|(k, _)| *k == ObservationKind::SnmpSysDescr)
    );
    lab.shutdown().await;
}

/// Embedded servers send LF-only heads and chunk lines and keep the connection open after the
/// last chunk: the scanner (framing from `camsweep_parse`) must see the response as complete
/// at the zero-size chunk instead of waiting for a close that never comes.
#[tokio::test]
async fn lf_only_chunked_responses_complete_at_the_last_chunk() {
    let port = serve(|mut s| async move {
        let _ = read_request(&mut s).await;
        let _ = s
            .write_all(b"HTTP/1.1 200 OK\nServer: lf-only\nTransfer-Encoding: chunked\n\n5\nhello\n6;x=1\n world\n0\n\n")
            .await;
        // Held open well past every limit.
        tokio::time::sleep(Duration::from_secs(30)).await;
    })
    .await;
    let doc = run(&[(port, Service::Http)], quick_limits()).await;
    let d = &doc.devices[0];
    let root = d
        .observations
        .iter()
        .find(|o| o.kind == ObservationKind::HttpResponse && o.path.as_deref() == Some("/"))
        .unwrap_or_else(|| panic!("no GET / answer: {:?}", d.problems));
    assert!(root.value.contains("hello"), "{}", root.value);
    assert!(
        !d.problems.iter().any(|p| p.contains("GET /:")),
        "GET / was not complete: {:?}",
        d.problems
    );
}

/// Regression (issue 11): a TLS server whose certificate's length fields lie was reported `up`
/// with no problem, because the scanner accepts any certificate. The certificate is kept as
/// sent and the host is malformed, with the reason.
#[tokio::test]
async fn a_certificate_whose_lengths_lie_is_a_malformed_problem() {
    // An old camera's first flight: a TLS 1.0 ServerHello, then a Certificate message whose
    // one "certificate" is a DER SEQUENCE announcing 65,535 bytes and holding 4.
    let mut server_hello = vec![0x02, 0, 0, 38, 0x03, 0x01];
    server_hello.extend_from_slice(&[7u8; 32]);
    server_hello.extend_from_slice(&[0, 0x00, 0x2f, 0]);
    let lying = [0x30, 0x82, 0xff, 0xff, 0x02, 0x01, 0x01, 0x00];
    let mut chain = vec![0, 0, (lying.len() + 3) as u8, 0, 0, lying.len() as u8];
    chain.extend_from_slice(&lying);
    let mut certificate = vec![0x0b, 0, 0, chain.len() as u8];
    certificate.extend_from_slice(&chain);
    let mut flight = Vec::new();
    for message in [&server_hello, &certificate] {
        flight.extend_from_slice(&[0x16, 0x03, 0x01, 0, message.len() as u8]);
        flight.extend_from_slice(message);
    }
    let port = serve(move |mut s| {
        let flight = flight.clone();
        async move {
            let mut hello = [0u8; 1024];
            let _ = s.read(&mut hello).await;
            let _ = s.write_all(&flight).await;
            tokio::time::sleep(Duration::from_secs(2)).await;
        }
    })
    .await;
    let doc = run(&[(port, Service::Https)], quick_limits()).await;
    let d = &doc.devices[0];
    assert_eq!(d.status, HostStatus::Malformed, "{:?}", d.problems);
    assert!(
        d.problems
            .iter()
            .any(|p| p.contains("certificate (8 bytes) is malformed")),
        "{:?}",
        d.problems
    );
    assert!(
        d.observations
            .iter()
            .any(|o| o.kind == ObservationKind::TlsCert
                && o.source.as_deref() == Some("scan/tls-legacy")),
        "the certificate is kept as evidence: {:?}",
        d.observations
    );
}

/// Issue 14: the scanner sends nothing a vulnerability check would. A lab that records every
/// request (`LabOptions::record`) serves one device of each profile whose maker has KEV entries
/// (crates/kb/data/vulns.toml); after a default scan (no credentials), no request carries a
/// KEV entry's exploit path or payload, no login is attempted (no Authorization header, no
/// ONVIF UsernameToken, no login RPC, nothing typed at a telnet/FTP/SSH prompt), and nothing
/// asks a device to change (no PUT/DELETE/PATCH, no ONVIF Set*, no POST outside ONVIF).
#[tokio::test]
async fn a_scan_sends_no_exploit_and_no_login_attempt_to_a_recording_lab() {
    use camsweep_lab::{DeviceSpec, Lab, LabOptions, LabSpec, ListenMode};
    let profiles = [
        "hikvision-ipc-appwebs",
        "hikvision-ipc-legacy",
        "hikvision-nvr",
        "dahua-ipc",
        "dahua-nvr",
        "dahua-vto",
        "tvt-nvr",
        "reolink-ipc",
        "ubiquiti-unifi",
        "xiongmai-dvr",
        "ssh-linux",
    ];
    let addresses: Vec<String> = (1..=profiles.len())
        .map(|i| format!("127.61.14.{i}"))
        .collect();
    let lab = Lab::start(
        LabSpec {
            devices: profiles
                .iter()
                .zip(&addresses)
                .map(|(p, a)| DeviceSpec::new(a.parse().unwrap(), *p))
                .collect(),
        },
        LabOptions {
            mode: ListenMode::PerAddress,
            record: true,
            ..LabOptions::default()
        },
    )
    .await
    .expect("the lab starts on loopback");
    let mut config = ScanConfig::new(TargetSpec {
        include: addresses.clone(),
        max_hosts: 16,
        ..TargetSpec::default()
    });
    config.limits = quick_limits();
    let doc = run_config(config).await;
    assert!(
        doc.devices.len() >= profiles.len() - 1,
        "{} devices answered",
        doc.devices.len()
    );
    // Connections are logged as they close; give the last ones a moment.
    tokio::time::sleep(Duration::from_millis(300)).await;
    let received = lab.received();
    lab.shutdown().await;
    assert!(
        received.iter().any(|r| r.transport == "tcp"),
        "nothing recorded"
    );

    // Exploit paths and payloads of the pack's KEV entries, as their sources describe them.
    let exploits: [(&str, &str); 17] = [
        ("CVE-2021-36260", "/SDK/webLanguage"),
        ("CVE-2017-7921", "auth=YWRtaW46MTEK"),
        ("CVE-2021-33044", "NetKeyboard"),
        ("CVE-2021-33045", "Loopback"),
        ("CVE-2021-33044/33045", "RPC2_Login"),
        ("CVE-2024-8956/8957", "/cgi-bin/param.cgi"),
        ("CVE-2024-8957", "ntp_addr"),
        ("CVE-2018-14933", "upgrade_handle.php"),
        ("CVE-2022-23227", "handle_import_user.php"),
        ("CVE-2019-11001", "TestEmail"),
        ("CVE-2021-40407", "SetDdns"),
        ("CVE-2016-11021", "setSystemCommand"),
        ("CVE-2020-25078", "/config/getuser"),
        ("CVE-2020-25079", "ddns_enc.cgi"),
        ("CVE-2023-52163", "time_tzsetup.cgi"),
        ("CVE-2019-20085", "/.."),
        ("command injection", "$("),
    ];
    let mut http_requests = 0;
    for r in &received {
        let text = String::from_utf8_lossy(&r.bytes);
        let at = format!("{}:{}/{}", r.address, r.port, r.transport);
        for (cve, needle) in exploits {
            assert!(
                !text.contains(needle),
                "{at} received {needle:?} ({cve}'s exploit): {text:?}"
            );
        }
        let lower = text.to_ascii_lowercase();
        for login in [
            "authorization:",
            "usernametoken",
            "global.login",
            "user admin",
            "pass ",
        ] {
            assert!(
                !lower.contains(login),
                "{at}: a login attempt ({login:?}): {text:?}"
            );
        }
        if r.transport == "udp" {
            assert!(
                !lower.contains("public"),
                "{at}: an SNMP community was guessed"
            );
            continue;
        }
        // HTTP and RTSP: every request line's method and target.
        for line in text
            .split("\r\n")
            .filter(|l| l.contains(" HTTP/1.") || l.contains(" RTSP/1."))
        {
            let mut words = line.split(' ');
            let (method, target) = (words.next().unwrap_or(""), words.next().unwrap_or(""));
            http_requests += 1;
            assert!(
                ["GET", "HEAD", "OPTIONS", "DESCRIBE", "POST"].contains(&method),
                "{at}: {line:?} asks the device to change"
            );
            if method == "POST" {
                assert!(
                    target.starts_with("/onvif/"),
                    "{at}: POST outside ONVIF: {line:?}"
                );
            }
        }
        assert!(
            !text.contains(":Set")
                && !text.contains("<Set")
                && !text.contains(":Create")
                && !text.contains(":Delete"),
            "{at}: an ONVIF operation that changes the device: {text:?}"
        );
        if [21, 22, 23].contains(&r.port) {
            assert!(
                r.bytes.len() < 64 && !lower.contains("root") && !lower.contains("admin"),
                "{at}: something typed at a login prompt: {text:?}"
            );
        }
    }
    assert!(
        http_requests > 20,
        "only {http_requests} HTTP/RTSP requests recorded"
    );
}
