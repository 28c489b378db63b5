//! The lab's netns mode: devices on a bridged virtual LAN in network namespaces the test builds
//! itself, with their makers' MACs. Multicast discovery as on a LAN, neighbour-table MACs, the
//! scanner run inside the namespace, cleanup after shutdown and after SIGKILL.
//!
//! Needs root and `ip` (iproute2). Without them every test prints why and passes, unless
//! `CAMSWEEP_REQUIRE_NETNS=1` (CI) makes that a failure. No packet leaves the test's namespaces.

use std::collections::{BTreeMap, BTreeSet};
use std::net::{IpAddr, Ipv4Addr, SocketAddr, TcpStream, UdpSocket};
use std::process::Command;
use std::time::{Duration, Instant};

use camsweep_identify::Engine;
use camsweep_kb::KnowledgeBase;
use camsweep_lab::{
    DeviceSpec, GenerateOptions, Lab, LabSpec, Mix, TruthRecord, generate, netns, profiles,
};
use camsweep_scan::{Limits, ScanConfig, TargetSpec, scan};
use camsweep_tests::netns::{
    NETNS_LOCK, lab_name, namespace_exists, netns_options, netns_usable, owner_file, wait_until,
};

fn ip_output(args: &[&str]) -> String {
    let out = Command::new("ip").args(args).output().expect("ip runs");
    assert!(
        out.status.success(),
        "ip {args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// Descriptors of this process that are network namespaces (`net:[inode]`).
fn namespace_fds() -> usize {
    std::fs::read_dir("/proc/self/fd")
        .map(|d| {
            d.flatten()
                .filter(|e| {
                    std::fs::read_link(e.path())
                        .is_ok_and(|t| t.to_string_lossy().starts_with("net:["))
                })
                .count()
        })
        .unwrap_or(0)
}

fn wsd_probe() -> Vec<u8> {
    // Self-closing `<d:Probe/>`, as ONVIF Device Manager and many libraries send it.
    b"<?xml version=\"1.0\" encoding=\"UTF-8\"?><s:Envelope xmlns:s=\"http://www.w3.org/2003/05/soap-envelope\" xmlns:a=\"http://schemas.xmlsoap.org/ws/2004/08/addressing\" xmlns:d=\"http://schemas.xmlsoap.org/ws/2005/04/discovery\"><s:Header><a:MessageID>uuid:6f1c3d2e-0000-4000-8000-00000000c5a1</a:MessageID><a:To s:mustUnderstand=\"1\">urn:schemas-xmlsoap-org:ws:2005:04:discovery</a:To><a:Action s:mustUnderstand=\"1\">http://schemas.xmlsoap.org/ws/2005/04/discovery/Probe</a:Action></s:Header><s:Body><d:Probe/></s:Body></s:Envelope>".to_vec()
}

/// The probe of each discovery protocol and the group it is multicast to.
fn multicast_probes() -> Vec<(SocketAddr, Vec<u8>)> {
    let group = |port| SocketAddr::new(IpAddr::V4(netns::multicast_group(port).unwrap()), port);
    vec![
        (group(3702), wsd_probe()),
        (
            group(1900),
            b"M-SEARCH * HTTP/1.1\r\nHOST: 239.255.255.250:1900\r\nMAN: \"ssdp:discover\"\r\nMX: 1\r\nST: ssdp:all\r\n\r\n".to_vec(),
        ),
        (
            group(37020),
            b"<?xml version=\"1.0\" encoding=\"utf-8\"?><Probe><Uuid>C5A1-TEST</Uuid><Types>inquiry</Types></Probe>".to_vec(),
        ),
        (
            group(37810),
            camsweep_lab::wire::dhip_packet(
                br#"{"method":"DHDiscover.search","params":{"mac":"","uni":1}}"#,
            ),
        ),
    ]
}

/// From the scanner's side of the LAN: sends each probe to its group once and collects the
/// answers (sender → payloads) until every expected sender answered or 5 s passed.
fn probe_groups(expected: BTreeSet<SocketAddr>) -> BTreeMap<SocketAddr, Vec<String>> {
    let socket = UdpSocket::bind("0.0.0.0:0").expect("a UDP socket in the namespace");
    socket
        .set_read_timeout(Some(Duration::from_millis(200)))
        .unwrap();
    for (group, probe) in multicast_probes() {
        socket.send_to(&probe, group).expect("a multicast route");
    }
    let mut answers: BTreeMap<SocketAddr, Vec<String>> = BTreeMap::new();
    let deadline = Instant::now() + Duration::from_secs(5);
    let mut buf = vec![0u8; 65_536];
    while Instant::now() < deadline && !expected.iter().all(|e| answers.contains_key(e)) {
        if let Ok((n, from)) = socket.recv_from(&mut buf) {
            answers
                .entry(from)
                .or_default()
                .push(String::from_utf8_lossy(&buf[..n]).into_owned());
        }
    }
    answers
}

/// The neighbour table of the scanner's namespace: address → MAC.
fn neighbours(name: &str) -> BTreeMap<String, String> {
    let text = ip_output(&[
        "-n",
        &netns::namespace_name(name),
        "neigh",
        "show",
        "dev",
        "br0",
    ]);
    text.lines()
        .filter_map(|l| {
            let words: Vec<&str> = l.split_whitespace().collect();
            let at = words.iter().position(|w| *w == "lladdr")?;
            Some((words[0].to_owned(), words.get(at + 1)?.to_lowercase()))
        })
        .collect()
}

/// One device of every profile that answers some discovery protocol, plus an ordinary host.
fn discovery_spec() -> LabSpec {
    let mut wanted: BTreeSet<u16> = [3702, 1900, 37020, 37810].into();
    let mut devices = Vec::new();
    for p in profiles().iter().filter(|p| p.hostile.is_none()) {
        let ports = p.udp_ports();
        if ports.iter().any(|port| wanted.contains(port)) {
            for port in &ports {
                wanted.remove(port);
            }
            devices.push(p.id.clone());
        }
    }
    assert!(wanted.is_empty(), "no profile answers {wanted:?}");
    devices.push("ssh-linux".into());
    LabSpec {
        devices: devices
            .into_iter()
            .enumerate()
            .map(|(i, id)| DeviceSpec::new(IpAddr::V4(Ipv4Addr::new(10, 213, 7, i as u8 + 1)), id))
            .collect(),
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn devices_answer_multicast_discovery_and_show_their_macs_then_vanish() {
    if !netns_usable("devices_answer_multicast_discovery") {
        return;
    }
    let _guard = NETNS_LOCK.lock().await;
    let name = lab_name("mc");
    let fds_before = namespace_fds();
    let lab = Lab::start(discovery_spec(), netns_options(&name))
        .await
        .expect("the netns lab builds");
    let truth: Vec<TruthRecord> = lab.truth().to_vec();
    let ns = lab.netns().expect("netns mode");
    assert_eq!(ns.namespace(), netns::namespace_name(&name));
    assert!(namespace_exists(&name));
    let owner = std::fs::read_to_string(owner_file(&name)).expect("owner file");
    assert!(
        owner.starts_with(&format!("{} ", std::process::id())),
        "{owner}"
    );

    // One bridge port per device; the scanner's address on the bridge; no default route.
    let links = ip_output(&["-n", ns.namespace(), "-o", "link", "show", "master", "br0"]);
    assert_eq!(links.lines().count(), truth.len(), "{links}");
    let addresses = ip_output(&["-n", ns.namespace(), "-o", "-4", "addr", "show", "br0"]);
    assert!(
        addresses.contains(&format!("{}/{}", ns.scanner_address(), ns.prefix_len())),
        "{addresses}"
    );
    let routes = ip_output(&["-n", ns.namespace(), "route", "show"]);
    assert!(!routes.contains("default"), "{routes}");
    // Nothing of the lab is on the host's interfaces.
    let host_links = ip_output(&["-o", "link"]).to_lowercase();
    for t in &truth {
        let mac = t.mac.as_deref().expect("netns devices all have a MAC");
        assert!(!host_links.contains(mac), "{mac} is on a host interface");
    }

    let expected: BTreeSet<SocketAddr> = truth
        .iter()
        .flat_map(|t| {
            let ip: IpAddr = t.address.parse().unwrap();
            t.udp_ports.iter().map(move |p| SocketAddr::new(ip, *p))
        })
        .collect();
    assert!(expected.len() >= 4, "{expected:?}");
    let answers = netns::run_in(&name, {
        let expected = expected.clone();
        move || probe_groups(expected)
    })
    .expect("a thread in the namespace");
    let missing: Vec<_> = expected
        .iter()
        .filter(|e| !answers.contains_key(e))
        .collect();
    assert!(
        missing.is_empty(),
        "no answer to the group probe from {missing:?}"
    );
    for (from, payloads) in &answers {
        let t = truth
            .iter()
            .find(|t| t.address == from.ip().to_string())
            .unwrap_or_else(|| panic!("an answer from {from}, which is no device"));
        assert!(t.udp_ports.contains(&from.port()), "{from}");
        let mac = t.mac.as_deref().unwrap();
        match from.port() {
            37020 => assert!(
                payloads[0].to_lowercase().contains(&mac.replace(':', "-")),
                "SADP names the device's MAC: {}",
                payloads[0]
            ),
            37810 => assert!(payloads[0].contains(mac), "DHIP: {}", payloads[0]),
            3702 => assert!(payloads[0].contains("ProbeMatches"), "{}", payloads[0]),
            1900 => assert!(
                payloads[0].starts_with("HTTP/1.1 200 OK"),
                "{}",
                payloads[0]
            ),
            other => panic!("unexpected port {other}"),
        }
    }

    // TCP contact with every device, then its MAC is in the scanner side's neighbour table.
    let targets: Vec<SocketAddr> = truth
        .iter()
        .map(|t| SocketAddr::new(t.address.parse().unwrap(), t.ports[0]))
        .collect();
    let connected = netns::run_in(&name, move || {
        targets
            .iter()
            .filter(|a| TcpStream::connect_timeout(a, Duration::from_secs(5)).is_ok())
            .count()
    })
    .unwrap();
    assert_eq!(connected, truth.len());
    let table = neighbours(&name);
    for t in &truth {
        assert_eq!(
            table.get(&t.address),
            t.mac.as_ref(),
            "{} ({}) in {table:?}",
            t.address,
            t.profile
        );
    }
    // Real makers' prefixes, not made-up ones: the Hikvision device carries a Hikvision OUI.
    let hik = truth
        .iter()
        .find(|t| t.manufacturer.as_deref() == Some("hikvision"))
        .expect("a Hikvision device");
    let kb = KnowledgeBase::embedded().expect("embedded KB");
    match kb.oui.lookup(hik.mac.as_deref().unwrap()) {
        camsweep_kb::oui::MacLookup::Registered { vendor, .. } => {
            assert_eq!(vendor.as_deref(), Some("hikvision"), "{:?}", hik.mac)
        }
        other => panic!("{:?}: {other:?}", hik.mac),
    }

    lab.shutdown().await;
    assert!(!namespace_exists(&name), "the namespace is removed");
    assert!(!owner_file(&name).exists(), "the owner file is removed");
    wait_until("the device namespaces are released", || {
        namespace_fds() <= fds_before
    })
    .await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_scanner_inside_the_namespace_finds_identifies_and_reports_macs() {
    if !netns_usable("the_scanner_inside_the_namespace") {
        return;
    }
    let _guard = NETNS_LOCK.lock().await;
    let name = lab_name("scan");
    let spec = generate(&GenerateOptions {
        devices: 40,
        seed: 7,
        range: "10.213.0.0/24".parse().unwrap(),
        mix: Mix {
            hostile_share: 0.0,
            ..Mix::default()
        },
    })
    .unwrap();
    let lab = Lab::start(spec, netns_options(&name)).await.unwrap();
    let truth = lab.truth().to_vec();
    let doc = netns::run_in(&name, || {
        let runtime = tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()
            .expect("a runtime inside the namespace");
        runtime.block_on(async {
            let kb = KnowledgeBase::embedded().expect("embedded KB");
            let engine = Engine::new(&kb).expect("engine");
            let mut config = ScanConfig::new(TargetSpec {
                include: vec!["10.213.0.1-10.213.0.40".into()],
                max_hosts: 1024,
                ..TargetSpec::default()
            });
            config.multicast = true;
            config.limits = Limits {
                udp_wait: Duration::from_secs(1),
                ..Limits::default()
            };
            let (tx, mut rx) = tokio::sync::mpsc::channel(64);
            let drain = tokio::spawn(async move { while rx.recv().await.is_some() {} });
            let doc = scan(config, &engine, tx).await;
            let _ = drain.await;
            doc
        })
    })
    .unwrap()
    .expect("the scan runs");
    assert!(doc.scan.errors.is_empty(), "{:?}", doc.scan.errors);
    let mut wrong = Vec::new();
    for t in &truth {
        let d = doc
            .devices
            .iter()
            .find(|d| d.address == t.address)
            .unwrap_or_else(|| panic!("{} ({}) not found", t.address, t.profile));
        if d.mac != t.mac {
            wrong.push(format!("{} mac {:?} != {:?}", t.address, d.mac, t.mac));
        }
        if t.manufacturer.is_some() && d.identification.manufacturer != t.manufacturer {
            wrong.push(format!(
                "{} ({}) identified as {:?}",
                t.address, t.profile, d.identification.manufacturer
            ));
        }
        if !t.udp_ports.is_empty()
            && !d
                .observations
                .iter()
                .any(|o| o.transport.as_deref() == Some("udp"))
        {
            wrong.push(format!(
                "{} ({}): no discovery answer",
                t.address, t.profile
            ));
        }
    }
    assert!(wrong.is_empty(), "{wrong:#?}");
    assert_eq!(
        doc.devices.len(),
        truth.len(),
        "nothing but the lab answers"
    );
    lab.shutdown().await;
    assert!(!namespace_exists(&name));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn netns_mode_refuses_loopback_and_bad_names_with_clear_errors() {
    if !netns_usable("netns_mode_refuses") {
        return;
    }
    let loopback = Lab::start(
        LabSpec {
            devices: vec![DeviceSpec::new("127.77.9.1".parse().unwrap(), "ssh-linux")],
        },
        netns_options(&lab_name("lo")),
    )
    .await;
    let err = loopback.err().expect("loopback addresses are refused");
    assert!(err.to_string().contains("127.77.9.1"), "{err}");
    let bad = Lab::start(
        LabSpec {
            devices: vec![DeviceSpec::new("10.213.9.1".parse().unwrap(), "ssh-linux")],
        },
        netns_options("../etc"),
    )
    .await;
    assert!(
        bad.err()
            .expect("refused")
            .to_string()
            .contains("1-40 characters")
    );
}
