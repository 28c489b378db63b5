//! The `camsweep lab` binary on loopback (127.86.0.0/28, clear of other tests' ranges): it says
//! `lab ready:` once serving, its truth file matches what is served (every TCP port listed is
//! open, every other candidate port refuses, every UDP port answers its discovery probe with
//! the listed MAC), and SIGTERM closes everything and exits 0.

use std::io::{BufRead, BufReader, Read};
use std::net::{IpAddr, SocketAddr, TcpStream, UdpSocket};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use camsweep_lab::TruthRecord;

/// Ports any lab profile may serve: the check that nothing else listens.
const CANDIDATE_PORTS: &[u16] = &[
    21, 22, 23, 80, 81, 88, 443, 554, 5000, 8000, 8080, 8081, 8443, 8554, 8899, 9000, 34567, 37777,
];

fn probe_for(port: u16) -> Vec<u8> {
    match port {
        3702 => b"<s:Envelope xmlns:s=\"http://www.w3.org/2003/05/soap-envelope\" xmlns:a=\"http://schemas.xmlsoap.org/ws/2004/08/addressing\" xmlns:d=\"http://schemas.xmlsoap.org/ws/2005/04/discovery\"><s:Header><a:MessageID>uuid:1</a:MessageID></s:Header><s:Body><d:Probe></d:Probe></s:Body></s:Envelope>".to_vec(),
        1900 => b"M-SEARCH * HTTP/1.1\r\nHOST: 239.255.255.250:1900\r\nMAN: \"ssdp:discover\"\r\nMX: 1\r\nST: ssdp:all\r\n\r\n".to_vec(),
        37020 => b"<?xml version=\"1.0\" encoding=\"utf-8\"?><Probe><Uuid>T</Uuid><Types>inquiry</Types></Probe>".to_vec(),
        37810 => camsweep_lab::wire::dhip_packet(
            br#"{"method":"DHDiscover.search","params":{"mac":"","uni":1}}"#,
        ),
        other => panic!("no probe for UDP port {other}"),
    }
}

fn connects(address: IpAddr, port: u16) -> bool {
    TcpStream::connect_timeout(&SocketAddr::new(address, port), Duration::from_secs(5)).is_ok()
}

#[test]
fn the_lab_binary_serves_its_truth_file_and_stops_on_sigterm() {
    let dir = tempfile::tempdir().unwrap();
    let truth_path = dir.path().join("truth.json");
    let mut child = Command::new(env!("CARGO_BIN_EXE_camsweep"))
        .args([
            "lab",
            "--devices",
            "12",
            "--seed",
            "5",
            "--range",
            "127.86.0.0/28",
            "--hostile-share",
            "0",
            "--mode",
            "per-address",
            "--truth",
        ])
        .arg(&truth_path)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("camsweep lab starts");
    let stdout = child.stdout.take().unwrap();
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        for line in BufReader::new(stdout).lines().map_while(Result::ok) {
            let _ = tx.send(line);
        }
    });
    let ready = match rx.recv_timeout(Duration::from_secs(60)) {
        Ok(line) => line,
        Err(e) => {
            let _ = child.kill();
            let mut err = String::new();
            let _ = child.stderr.take().unwrap().read_to_string(&mut err);
            panic!("no output from camsweep lab ({e}): {err}");
        }
    };
    assert!(
        ready.starts_with("lab ready: 12 devices in 127.86.0.0/28"),
        "{ready}"
    );

    let truth: Vec<TruthRecord> =
        serde_json::from_slice(&std::fs::read(&truth_path).expect("the truth file is written"))
            .expect("the truth file is a JSON array of records");
    assert_eq!(truth.len(), 12);
    // The seed gives every discovery protocol at least once, so every answer shape is checked.
    for port in [1900, 3702, 37020, 37810] {
        assert!(truth.iter().any(|t| t.udp_ports.contains(&port)), "{port}");
    }
    let range: camsweep_lab::IpNet = "127.86.0.0/28".parse().unwrap();
    let mut wrong = Vec::new();
    for t in &truth {
        let address: IpAddr = t.address.parse().unwrap();
        assert!(range.contains(&address) && address != IpAddr::from([127, 0, 0, 1]));
        assert!(!t.ports.is_empty(), "{t:?}");
        for &port in CANDIDATE_PORTS {
            let listed = t.ports.contains(&port);
            if connects(address, port) != listed {
                wrong.push(format!(
                    "{} ({}) port {port}: listed {listed}",
                    t.address, t.profile
                ));
            }
        }
        for &port in &t.udp_ports {
            let socket = UdpSocket::bind("127.0.0.1:0").unwrap();
            socket
                .set_read_timeout(Some(Duration::from_secs(5)))
                .unwrap();
            socket
                .send_to(&probe_for(port), SocketAddr::new(address, port))
                .unwrap();
            let mut buf = vec![0u8; 65_536];
            match socket.recv_from(&mut buf) {
                Ok((n, from)) => {
                    assert_eq!(from, SocketAddr::new(address, port));
                    let text = String::from_utf8_lossy(&buf[..n]).to_lowercase();
                    let mac = t.mac.as_deref().unwrap_or("-");
                    let says_mac = text.contains(mac) || text.contains(&mac.replace(':', "-"));
                    if matches!(port, 37020 | 37810) && !says_mac {
                        wrong.push(format!(
                            "{} UDP {port} does not name {mac}: {text}",
                            t.address
                        ));
                    }
                }
                Err(e) => wrong.push(format!("{} UDP {port}: no answer ({e})", t.address)),
            }
        }
    }
    assert!(wrong.is_empty(), "{wrong:#?}");

    // SIGTERM: a clean exit, and nothing listens any more.
    let status = Command::new("kill")
        .args(["-TERM", &child.id().to_string()])
        .status()
        .unwrap();
    assert!(status.success());
    let deadline = Instant::now() + Duration::from_secs(30);
    let exit = loop {
        if let Some(s) = child.try_wait().unwrap() {
            break s;
        }
        assert!(
            Instant::now() < deadline,
            "camsweep lab still runs 30 s after SIGTERM"
        );
        std::thread::sleep(Duration::from_millis(100));
    };
    assert!(exit.success(), "exit after SIGTERM: {exit:?}");
    for t in &truth {
        let address: IpAddr = t.address.parse().unwrap();
        assert!(
            !connects(address, t.ports[0]),
            "{} still listens",
            t.address
        );
    }
}
