//! Property tests: no parser panics, hangs or errors untyped on any input. Arbitrary bytes and
//! structure-aware mutations of the real fixtures (truncation, byte flips, splices of protocol
//! tokens).

use camsweep_model::{Observation, ObservationKind};
use camsweep_parse as p;
use proptest::prelude::*;

const FIXTURES: &[(&str, ObservationKind)] = &[
    (
        include_str!("../testdata/hikvision_isapi_deviceinfo.xml"),
        ObservationKind::HttpBody,
    ),
    (
        include_str!("../testdata/dahua_onvif_getdeviceinformation.xml"),
        ObservationKind::OnvifResponse,
    ),
    (
        include_str!("../testdata/hikvision_wsd_probematch.xml"),
        ObservationKind::WsdProbeMatch,
    ),
    (
        include_str!("../testdata/dahua_onvif_streamuri.xml"),
        ObservationKind::OnvifResponse,
    ),
    (
        include_str!("../testdata/dahua_magicbox_getsysteminfo.txt"),
        ObservationKind::HttpBody,
    ),
    (
        include_str!("../testdata/axis_basicdeviceinfo.json"),
        ObservationKind::HttpBody,
    ),
    (
        include_str!("../testdata/axis_rtsp_401.txt"),
        ObservationKind::RtspResponse,
    ),
    (
        include_str!("../testdata/dahua_rtsp_describe.txt"),
        ObservationKind::RtspResponse,
    ),
    (
        include_str!("../testdata/reolink_describe.sdp"),
        ObservationKind::RtspSdp,
    ),
    (
        include_str!("../testdata/dahua_dhip_notifydevinfo.json"),
        ObservationKind::DhipReply,
    ),
    (
        include_str!("../testdata/xiongmai_dvrip_login.json"),
        ObservationKind::DvripReply,
    ),
    (
        include_str!("../testdata/opensslgen_selfsigned_cert.pem"),
        ObservationKind::TlsCert,
    ),
    (
        include_str!("../testdata/bosch_x509_issuer.txt"),
        ObservationKind::TlsIssuer,
    ),
    (
        include_str!("../testdata/grandstream_telnet_banner.txt"),
        ObservationKind::TelnetBanner,
    ),
];

/// Tokens that steer parsers into their interesting branches.
const TOKENS: &[&str] = &[
    "<",
    ">",
    "</",
    "/>",
    "&",
    "&amp;",
    "&#x",
    "&lol;",
    "<!DOCTYPE x [<!ENTITY lol \"lol\">]>",
    "<![CDATA[",
    "]]>",
    "\r\n",
    "\n",
    "\r\n\r\n",
    ":",
    "=",
    " ",
    "\t",
    "\"",
    "\\",
    "{",
    "}",
    "[",
    "]",
    ",",
    "0\r\n",
    "ffffffff\r\n",
    "Transfer-Encoding: chunked\r\n",
    "Content-Length: 99999\r\n",
    "HTTP/1.1 200 OK\r\n",
    "RTSP/1.0 401\r\n",
    "realm=\"",
    "onvif://www.onvif.org/",
    "%",
    "%zz",
    "\u{fffd}",
    "é",
    "中",
    "\0",
    "\u{ff}",
    "-----BEGIN CERTIFICATE-----",
    "<Envelope><Body>",
    "<DeviceInfo>",
    "<ProbeMatch>",
    "<root>",
    "DHIP",
    "a=control:",
    "s=",
    "/CN=",
    "+OU=",
];

fn all_parsers(bytes: &[u8]) {
    let text = String::from_utf8_lossy(bytes);
    let _ = p::http::parse_response(bytes);
    if let Ok(Some(head)) = p::http::response_head(bytes) {
        let _ = head.body_framing(false);
        let _ = p::http::dechunk(&bytes[head.len..]);
    }
    let _ = p::http::dechunk(bytes);
    if let Ok(r) = p::rtsp::parse_response(bytes) {
        let _ = r.sdp();
        let _ = r.realm();
    }
    let _ = p::sdp::parse(&text);
    let _ = p::onvif::parse(&text);
    let _ = p::onvif::scope_key_value(&text);
    let _ = p::isapi::parse_device_info(&text);
    let _ = p::isapi::parse_status(&text);
    let _ = p::dahua_cgi::parse(&text);
    let _ = p::sadp::parse_reply(&text);
    let _ = p::dhip::parse_reply(bytes);
    let _ = p::dvrip::parse_reply(bytes);
    let _ = p::snmp::parse_message(bytes);
    let _ = p::snmp::learn(bytes);
    let _ = p::snmp::parse_engine_id(bytes);
    let _ = p::ssdp::parse(bytes);
    let _ = p::upnp::parse_description(&text);
    let _ = p::x509::parse_certificate(&text);
    let _ = p::x509::parse_der(bytes);
    let _ = p::dn::parse(&text);
    let _ = p::html::title(&text);
    let _ = p::xml::root_name(&text);
    let _ = p::normalise_mac(&text);
    let _ = p::strip_telnet_bytes(bytes);
    let _ = p::strip_telnet(&text);
    for kind in ObservationKind::ALL {
        let _ = p::extract(&Observation::new(kind, text.clone()));
    }
}

#[derive(Debug, Clone)]
enum Mutation {
    Truncate(usize),
    Flip(usize, u8),
    Insert(usize, usize),
    Delete(usize, usize),
    Repeat(usize, usize, u8),
}

fn mutation() -> impl Strategy<Value = Mutation> {
    prop_oneof![
        any::<usize>().prop_map(Mutation::Truncate),
        (any::<usize>(), any::<u8>()).prop_map(|(a, b)| Mutation::Flip(a, b)),
        (any::<usize>(), 0..TOKENS.len()).prop_map(|(a, t)| Mutation::Insert(a, t)),
        (any::<usize>(), 0usize..64).prop_map(|(a, n)| Mutation::Delete(a, n)),
        (any::<usize>(), 0usize..32, 1u8..50).prop_map(|(a, n, k)| Mutation::Repeat(a, n, k)),
    ]
}

fn apply(mut bytes: Vec<u8>, mutations: &[Mutation]) -> Vec<u8> {
    for m in mutations {
        let len = bytes.len().max(1);
        match *m {
            Mutation::Truncate(at) => bytes.truncate(at % len),
            Mutation::Flip(at, b) => {
                if !bytes.is_empty() {
                    let i = at % bytes.len();
                    bytes[i] ^= b;
                }
            }
            Mutation::Insert(at, t) => {
                let i = at % (bytes.len() + 1);
                bytes.splice(i..i, TOKENS[t].bytes());
            }
            Mutation::Delete(at, n) => {
                let i = at % len;
                let end = (i + n).min(bytes.len());
                if i < end {
                    bytes.drain(i..end);
                }
            }
            Mutation::Repeat(at, n, k) => {
                let i = at % len;
                let end = (i + n).min(bytes.len());
                if i < end {
                    let piece = bytes[i..end].to_vec();
                    for _ in 0..k {
                        bytes.splice(i..i, piece.iter().copied());
                    }
                }
            }
        }
    }
    bytes
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 512, ..ProptestConfig::default() })]

    #[test]
    fn arbitrary_bytes_never_panic(bytes in proptest::collection::vec(any::<u8>(), 0..2048)) {
        all_parsers(&bytes);
    }

    #[test]
    fn token_soup_never_panics(tokens in proptest::collection::vec(0..TOKENS.len(), 0..200)) {
        let soup: String = tokens.iter().map(|&t| TOKENS[t]).collect();
        all_parsers(soup.as_bytes());
    }

    #[test]
    fn mutated_fixtures_never_panic(
        which in 0..FIXTURES.len(),
        mutations in proptest::collection::vec(mutation(), 1..8),
    ) {
        let (fixture, kind) = FIXTURES[which];
        let bytes = apply(fixture.as_bytes().to_vec(), &mutations);
        all_parsers(&bytes);
        let text = String::from_utf8_lossy(&bytes).into_owned();
        // The fixture's own kind must answer Ok or a typed error; the error must render.
        if let Err(e) = p::extract(&Observation::new(kind, text)) {
            prop_assert!(!e.to_string().is_empty());
        }
    }

    #[test]
    fn mac_normalisation_round_trips(octets in proptest::array::uniform6(any::<u8>()), style in 0..4usize) {
        let hex: Vec<String> = octets.iter().map(|o| format!("{o:02X}")).collect();
        let text = match style {
            0 => hex.join(":"),
            1 => hex.join("-"),
            2 => hex.concat(),
            _ => format!("{}{}.{}{}.{}{}", hex[0], hex[1], hex[2], hex[3], hex[4], hex[5]),
        };
        let want = hex.join(":").to_ascii_lowercase();
        prop_assert_eq!(p::normalise_mac(&text), Some(want));
    }
}

#[test]
fn every_fixture_parses_unmutated() {
    for (fixture, kind) in FIXTURES {
        let fields = p::extract(&Observation::new(*kind, *fixture))
            .unwrap_or_else(|e| panic!("{kind}: {e}"));
        assert!(!fields.is_empty(), "{kind}");
    }
}
