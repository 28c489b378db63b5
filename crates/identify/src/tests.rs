//! Combination logic on the embedded knowledge base.

use std::sync::OnceLock;

use camsweep_kb::KnowledgeBase;
use camsweep_model::{DeviceType, Observation, ObservationKind as K, Stance};
use proptest::prelude::*;

use crate::{Engine, MANUFACTURER_THRESHOLD};

fn engine() -> &'static Engine<'static> {
    static KB: OnceLock<KnowledgeBase> = OnceLock::new();
    static ENGINE: OnceLock<Engine<'static>> = OnceLock::new();
    ENGINE.get_or_init(|| {
        let kb = KB.get_or_init(|| KnowledgeBase::embedded().expect("embedded KB loads"));
        Engine::new(kb).expect("rules compile")
    })
}

fn obs(kind: K, value: &str) -> Observation {
    Observation::new(kind, value)
}

/// An ISAPI DeviceInfo answer as Hikvision firmware writes it, here on an LTS-labelled NVR.
const ISAPI_LTS: &str = r#"<?xml version="1.0" encoding="UTF-8"?>
<DeviceInfo version="2.0" xmlns="http://www.hikvision.com/ver20/XMLSchema">
<deviceName>Network Video Recorder</deviceName>
<model>LTN8708K-P8</model>
<serialNumber>LTN8708K-P80820190101CCRRC12345678WCVU</serialNumber>
<firmwareVersion>V4.22.005</firmwareVersion>
<deviceType>NVR</deviceType>
</DeviceInfo>"#;

#[test]
fn hikvision_firmware_sold_as_lts_is_hikvision_branded_lts() {
    let id = engine().identify(&[
        obs(K::Mac, "04:03:12:aa:bb:cc"),
        obs(K::HttpServer, "App-webs/"),
        obs(K::HttpBody, ISAPI_LTS).with_path("/ISAPI/System/deviceInfo"),
    ]);
    assert_eq!(id.manufacturer.as_deref(), Some("hikvision"), "{id:#?}");
    assert_eq!(id.brand.as_deref(), Some("LTS"));
    assert_eq!(id.model.as_deref(), Some("LTN8708K-P8"));
    assert_eq!(id.device_type, DeviceType::Nvr);
    assert!(id.confidence > 0.95, "{}", id.confidence);
    assert!(
        id.evidence
            .iter()
            .any(|e| e.rule == "mac-registry" && e.stance == Stance::Supports)
    );
    assert!(id.evidence.iter().all(|e| e.stance != Stance::Contradicts));
    let vendor = id.vendor.expect("registry facts copied");
    assert_eq!(vendor.id, "hikvision");
    assert!(!id.kb_version.is_empty());
}

#[test]
fn a_relabel_claim_alone_names_the_brand_not_the_maker() {
    let id = engine().identify(&[obs(
        K::OnvifResponse,
        r#"<s:Envelope xmlns:s="http://www.w3.org/2003/05/soap-envelope" xmlns:tds="http://www.onvif.org/ver10/device/wsdl"><s:Body><tds:GetDeviceInformationResponse><tds:Manufacturer>LTS</tds:Manufacturer><tds:Model>X1</tds:Model><tds:FirmwareVersion>1.0</tds:FirmwareVersion><tds:SerialNumber>1</tds:SerialNumber><tds:HardwareId>1</tds:HardwareId></tds:GetDeviceInformationResponse></s:Body></s:Envelope>"#,
    )]);
    assert_eq!(id.manufacturer, None, "{id:#?}");
    assert_eq!(id.brand.as_deref(), Some("LTS"));
    assert_eq!(id.model.as_deref(), Some("X1"));
    assert_eq!(id.confidence, 0.0);
}

#[test]
fn conflicting_evidence_lowers_confidence_and_is_shown_as_contradicting() {
    let clean = engine().identify(&[obs(K::HttpServer, "App-webs/"), obs(K::HttpBody, ISAPI_LTS)]);
    let conflicted = engine().identify(&[
        obs(K::HttpServer, "App-webs/"),
        obs(K::HttpBody, ISAPI_LTS),
        obs(
            K::HttpWwwAuthenticate,
            r#"Digest realm="Login to 7K02D8APAZ1C3F9", nonce="1""#,
        ),
    ]);
    assert_eq!(conflicted.manufacturer.as_deref(), Some("hikvision"));
    assert!(
        conflicted.confidence < clean.confidence,
        "{} vs {}",
        conflicted.confidence,
        clean.confidence
    );
    assert!(
        conflicted
            .evidence
            .iter()
            .any(|e| e.stance == Stance::Contradicts
                && e.implies.manufacturer.as_deref() == Some("dahua"))
    );
}

#[test]
fn equally_strong_conflicting_makers_leave_the_maker_unknown() {
    let id = engine().identify(&[
        obs(K::HttpServer, "App-webs/"),
        obs(K::HttpServer, "uc-httpd 1.0.0"),
    ]);
    assert_eq!(id.manufacturer, None, "{id:#?}");
    assert_eq!(id.confidence, 0.0);
}

#[test]
fn a_lone_generic_banner_stays_unknown() {
    for (kind, value) in [
        (K::HttpServer, "Boa/0.94.14rc18-ipcam"),
        (K::HttpServer, "nginx/1.18.0"),
        (K::RtspServer, "Rtsp Server/2.0"),
        (K::HttpServer, "Cross Web Server"),
    ] {
        let id = engine().identify(&[obs(kind, value)]);
        assert_eq!(id.manufacturer, None, "{value}: {id:#?}");
        assert_eq!(id.confidence, 0.0);
    }
    let id = engine().identify(&[obs(K::HttpServer, "Boa/0.94.14rc18-ipcam")]);
    assert_eq!(id.device_type, DeviceType::IpCamera);
}

#[test]
fn a_mac_prefix_alone_is_medium_and_two_medium_signals_reinforce() {
    let mac_only = engine().identify(&[obs(K::Mac, "08-ED-ED-11-22-33")]);
    assert_eq!(mac_only.manufacturer.as_deref(), Some("dahua"));
    assert!((mac_only.confidence - MANUFACTURER_THRESHOLD).abs() < 0.05);
    let both = engine().identify(&[
        obs(K::Mac, "08-ED-ED-11-22-33"),
        obs(
            K::RtspSdp,
            "v=0\ns=Media Server\na=control:rtsp://10.0.0.5/cam/realmonitor?channel=1&subtype=0\n",
        ),
    ]);
    assert_eq!(both.manufacturer.as_deref(), Some("dahua"));
    assert!(
        both.confidence > mac_only.confidence + 0.2,
        "{}",
        both.confidence
    );
}

#[test]
fn locally_administered_macs_give_no_evidence() {
    let id = engine().identify(&[obs(K::Mac, "06:03:12:aa:bb:cc")]);
    assert_eq!(id.manufacturer, None);
    assert!(id.evidence.is_empty(), "{:#?}", id.evidence);
}

#[test]
fn malformed_observations_become_notes_not_failures() {
    let id = engine().identify(&[
        obs(K::Mac, "not a mac"),
        obs(K::OnvifResponse, "<s:Envelope><unclosed"),
        obs(K::HttpServer, "App-webs/"),
    ]);
    assert_eq!(id.manufacturer.as_deref(), Some("hikvision"));
    let notes: Vec<_> = id
        .evidence
        .iter()
        .filter(|e| e.rule == "parse-error")
        .collect();
    assert_eq!(notes.len(), 2, "{:#?}", id.evidence);
    assert!(
        notes
            .iter()
            .all(|e| e.strength == 0.0 && e.stance == Stance::Context)
    );
}

#[test]
fn repeated_identical_observations_are_one_witness() {
    let once = engine().identify(&[obs(K::HttpServer, "uc-httpd 1.0.0")]);
    let thrice = engine().identify(&[
        obs(K::HttpServer, "uc-httpd 1.0.0"),
        obs(K::HttpServer, "uc-httpd 1.0.0"),
        obs(K::HttpServer, "uc-httpd 1.0.0"),
    ]);
    assert_eq!(once.confidence, thrice.confidence);
    assert_eq!(once.evidence.len(), thrice.evidence.len());
}

#[test]
fn no_observations_is_unknown() {
    let id = engine().identify(&[]);
    assert_eq!(id.manufacturer, None);
    assert_eq!(id.device_type, DeviceType::Unknown);
    assert!(id.evidence.is_empty());
}

#[test]
fn model_grammar_gives_model_and_type() {
    let id = engine().identify(&[
        obs(K::HttpServer, "App-webs/"),
        obs(K::SadpReply, "<?xml version=\"1.0\" encoding=\"UTF-8\"?><ProbeMatch><Uuid>1</Uuid><Types>inquiry</Types><DeviceType>138</DeviceType><DeviceDescription>DS-2CD2143G2-I</DeviceDescription><DeviceSN>DS-2CD2143G2-I20210101AAWRG12345678</DeviceSN><MAC>04-03-12-aa-bb-cc</MAC><SoftwareVersion>V5.7.3build 220112</SoftwareVersion></ProbeMatch>"),
    ]);
    assert_eq!(id.manufacturer.as_deref(), Some("hikvision"), "{id:#?}");
    assert_eq!(id.model.as_deref(), Some("DS-2CD2143G2-I"));
    assert_eq!(id.device_type, DeviceType::IpCamera);
}

/// One real published response (`testdata/SOURCES.md`): fixture name, value, kind, expected
/// maker, expected model.
type Fixture = (
    &'static str,
    &'static str,
    K,
    Option<&'static str>,
    Option<&'static str>,
);

const REAL_FIXTURES: &[Fixture] = &[
    // Round 2 (2026-11-28): see testdata/SOURCES.md.
    (
        "grandstream_telnet_banner",
        include_str!("../testdata/grandstream_telnet_banner.txt"),
        K::TelnetBanner,
        Some("grandstream"),
        None,
    ),
    (
        "huawei_dhcp_vendor_class",
        include_str!("../testdata/huawei_dhcp_vendor_class.txt"),
        K::DhcpVendorClass,
        Some("huawei"),
        None,
    ),
    (
        "vivotek_http_server",
        include_str!("../testdata/vivotek_http_server.txt"),
        K::HttpServer,
        Some("vivotek"),
        None,
    ),
    (
        "grandstream_http_server",
        include_str!("../testdata/grandstream_http_server.txt"),
        K::HttpServer,
        Some("grandstream"),
        None,
    ),
    (
        "ipro_panasonic_wj_html_title",
        include_str!("../testdata/ipro_panasonic_wj_html_title.txt"),
        K::HttpTitle,
        Some("i-pro"),
        Some("WJ-NT104"),
    ),
    (
        "negative_network_camera_http_server",
        include_str!("../testdata/negative_network_camera_http_server.txt"),
        K::HttpServer,
        None,
        None,
    ),
    (
        "negative_web_configurator_html_title",
        include_str!("../testdata/negative_web_configurator_html_title.txt"),
        K::HttpTitle,
        None,
        None,
    ),
    (
        "dahua_rtsp_server",
        include_str!("../testdata/dahua_rtsp_server.txt"),
        K::RtspServer,
        Some("dahua"),
        None,
    ),
    (
        "hikvision_www_authenticate_model_realm",
        include_str!("../testdata/hikvision_www_authenticate_model_realm.txt"),
        K::HttpWwwAuthenticate,
        Some("hikvision"),
        Some("DS-2CD2310FD-I"),
    ),
    (
        "axis_html_title",
        include_str!("../testdata/axis_html_title.txt"),
        K::HttpTitle,
        Some("axis"),
        None,
    ),
    (
        "mobotix_html_title",
        include_str!("../testdata/mobotix_html_title.txt"),
        K::HttpTitle,
        Some("mobotix"),
        None,
    ),
    (
        "sony_html_title",
        include_str!("../testdata/sony_html_title.txt"),
        K::HttpTitle,
        Some("sony"),
        None,
    ),
    (
        "hanwha_samsung_dvr_html_title",
        include_str!("../testdata/hanwha_samsung_dvr_html_title.txt"),
        K::HttpTitle,
        Some("hanwha"),
        None,
    ),
    (
        "bosch_videojet_http_server",
        include_str!("../testdata/bosch_videojet_http_server.txt"),
        K::HttpServer,
        Some("bosch"),
        None,
    ),
    (
        "genetec_sharpv_html_title",
        include_str!("../testdata/genetec_sharpv_html_title.txt"),
        K::HttpTitle,
        Some("genetec"),
        None,
    ),
    (
        "eagle_eye_html_title",
        include_str!("../testdata/eagle_eye_html_title.txt"),
        K::HttpTitle,
        Some("eagle-eye"),
        None,
    ),
    (
        "geovision_http_server",
        include_str!("../testdata/geovision_http_server.txt"),
        K::HttpServer,
        Some("geovision"),
        None,
    ),
    (
        "milesight_http_server",
        include_str!("../testdata/milesight_http_server.txt"),
        K::HttpServer,
        Some("milesight"),
        None,
    ),
    (
        "dlink_miniavserver_http_server",
        include_str!("../testdata/dlink_miniavserver_http_server.txt"),
        K::HttpServer,
        Some("d-link"),
        None,
    ),
    (
        "negative_hipcam_rtsp_server",
        include_str!("../testdata/negative_hipcam_rtsp_server.txt"),
        K::RtspServer,
        None,
        None,
    ),
    (
        "negative_boa_ipcam_http_server",
        include_str!("../testdata/negative_boa_ipcam_http_server.txt"),
        K::HttpServer,
        None,
        None,
    ),
    (
        "negative_ipcam_www_authenticate",
        include_str!("../testdata/negative_ipcam_www_authenticate.txt"),
        K::HttpWwwAuthenticate,
        None,
        None,
    ),
];

#[test]
fn real_fixtures_identify_their_maker_and_negatives_stay_unknown() {
    for (name, value, kind, maker, model) in REAL_FIXTURES {
        let id = engine().identify(&[obs(*kind, value)]);
        assert_eq!(id.manufacturer.as_deref(), *maker, "{name}: {id:#?}");
        if maker.is_some() {
            assert!(
                id.confidence >= MANUFACTURER_THRESHOLD,
                "{name}: {}",
                id.confidence
            );
        }
        if let Some(model) = model {
            assert_eq!(id.model.as_deref(), Some(*model), "{name}");
        }
    }
}

#[test]
fn the_samsung_dvr_title_names_the_brand_and_the_type() {
    let id = engine().identify(&[obs(K::HttpTitle, "Web Viewer for Samsung DVR")]);
    assert_eq!(id.manufacturer.as_deref(), Some("hanwha"));
    assert_eq!(id.brand.as_deref(), Some("Samsung"));
    assert_eq!(id.device_type, DeviceType::Dvr);
}

#[test]
fn a_maker_named_in_any_banner_counts_but_a_bare_stack_name_does_not() {
    for (kind, value, maker) in [
        (K::RtspServer, "Dahua Rtsp Server", "dahua"),
        (K::SnmpSysDescr, "Hikvision DS-2CD2142FWD-I", "hikvision"),
        (K::SipUserAgent, "Uniview IPC", "uniview"),
        (
            K::RtspResponse,
            "RTSP/1.0 200 OK\r\nCSeq: 1\r\nServer: Dahua Rtsp Server\r\n\r\n",
            "dahua",
        ),
    ] {
        let id = engine().identify(&[obs(kind, value)]);
        assert_eq!(id.manufacturer.as_deref(), Some(maker), "{value}: {id:#?}");
    }
    for (kind, value) in [
        (K::HttpServer, "Boa/0.94.14rc21"),
        (K::HttpServer, "lighttpd/1.4.35"),
        (K::RtspServer, "Rtsp Server/2.0"),
        (K::SshBanner, "SSH-2.0-dropbear_2014.63"),
        (K::HttpServer, "GoAhead-Webs"),
    ] {
        let id = engine().identify(&[obs(kind, value)]);
        assert_eq!(id.manufacturer, None, "{value}: {id:#?}");
    }
}

fn any_kind() -> impl Strategy<Value = K> {
    (0..K::ALL.len()).prop_map(|i| K::ALL[i])
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]
    #[test]
    fn identify_never_panics(
        items in proptest::collection::vec((any_kind(), ".{0,300}", proptest::option::of("/[a-z/]{0,20}")), 0..6)
    ) {
        let observations: Vec<Observation> = items
            .into_iter()
            .map(|(kind, value, path)| Observation { path, ..Observation::new(kind, value) })
            .collect();
        let id = engine().identify(&observations);
        prop_assert!((0.0..=1.0).contains(&id.confidence));
        prop_assert!(id.manufacturer.is_some() || id.confidence == 0.0);
    }

    #[test]
    fn identify_never_panics_on_vendor_like_text(
        prefix in prop::sample::select(vec!["App-webs/", "DS-2CD", "IPC-HFW", "/cam/realmonitor", "AXIS ", "Login to ", "table.", "<DeviceInfo xmlns=\"http://www.hikvision.com/ver20/XMLSchema\">"]),
        rest in ".{0,200}",
        kind in any_kind(),
    ) {
        let id = engine().identify(&[Observation::new(kind, format!("{prefix}{rest}"))]);
        prop_assert!((0.0..=1.0).contains(&id.confidence));
    }
}

/// Round 2 (2026-11-28): model families in titles, realms, nmap camera lines and maker names in
/// banners, each giving the maker (and the model where the grammar carries one).
#[test]
fn round_two_families_name_their_maker_and_model() {
    let cases: &[(K, &str, &str, Option<&str>)] = &[
        (
            K::HttpTitle,
            "SNB-6004 Network Camera",
            "hanwha",
            Some("SNB-6004"),
        ),
        (K::HttpTitle, "XNV-8080R", "hanwha", Some("XNV-8080R")),
        (K::HttpTitle, "FD8134V", "vivotek", Some("FD8134V")),
        (
            K::HttpTitle,
            "IPC322LB-SF28-A",
            "uniview",
            Some("IPC322LB-SF28-A"),
        ),
        (
            K::HttpTitle,
            "WV-NS202A Network Camera",
            "i-pro",
            Some("WV-NS202A"),
        ),
        (
            K::HttpTitle,
            "BB-HCM511 Network Camera",
            "panasonic",
            Some("BB-HCM511"),
        ),
        (K::HttpTitle, "Panasonic Network Camera", "panasonic", None),
        (
            K::FtpBanner,
            "220 PrNET FTP server (PrNET FTP 1.0) ready.",
            "i-pro",
            None,
        ),
        (K::HttpServer, "H264DVR 1.0", "xiongmai", None),
        (K::SshBanner, "SSH-2.0-XMeye", "xiongmai", None),
        (K::HttpServer, "AvigilonServer/5.10.2.4", "avigilon", None),
        (
            K::HttpServer,
            "AvigilonOnvifNvt/2.6.0.130",
            "avigilon",
            None,
        ),
        (
            K::SipUserAgent,
            "Grandstream GXV3140 1.0.1.6",
            "grandstream",
            None,
        ),
        (K::SnmpSysDescr, "Hytera DMR Repeater", "hytera", None),
        (
            K::FtpBanner,
            "220 Reolink FTP server ready",
            "reolink",
            None,
        ),
        (K::HttpServer, "NVMS-9000", "tvt", None),
        (
            K::RtspResponse,
            "RTSP/1.0 401 Unauthorized\r\nCSeq: 0\r\nWWW-Authenticate: Digest realm=\"NET-i\", nonce=\"000000000000000000000000AB12CD34\"\r\n\r\n",
            "hanwha",
            None,
        ),
        (
            K::RtspResponse,
            "RTSP/1.0 401 Unauthorized\r\nWWW-Authenticate: Digest realm=\"Hikvision\", nonce=\"0123456789abcdef0123456789abcdef\", stale=\"FALSE\"\r\n\r\n",
            "hikvision",
            None,
        ),
        (
            K::HttpBody,
            "<html><head><meta http-equiv=\"refresh\" content=\"0; url=/cgi-bin/videoconfiguration.cgi\"></head></html>",
            "acti",
            None,
        ),
    ];
    for (kind, value, maker, model) in cases {
        let id = engine().identify(&[obs(*kind, value)]);
        assert_eq!(id.manufacturer.as_deref(), Some(*maker), "{value}: {id:#?}");
        if let Some(model) = model {
            assert_eq!(id.model.as_deref(), Some(*model), "{value}");
        }
    }
}

/// Generic strings shared by unrelated devices, and look-alikes of the new grammars, name no maker.
#[test]
fn round_two_generic_strings_and_look_alikes_stay_unknown() {
    for (kind, value) in [
        (K::HttpServer, "Network Camera"),
        (K::HttpTitle, "Web Configurator"),
        (K::HttpTitle, "IP Camera"),
        (K::HttpTitle, "Network Camera"),
        (K::HttpServer, "Httpd v2.0"),
        (K::SshBanner, "SSH-2.0-OpenSSH_7.4"),
        (K::HttpTitle, "Login to IP8000 switch portal now"),
        (K::SnmpSysDescr, "Linux dji-free 4.9.0"),
        (K::HttpTitle, "Accounting SND-2 report"),
    ] {
        let id = engine().identify(&[obs(kind, value)]);
        assert_eq!(id.manufacturer, None, "{value}: {id:#?}");
    }
}

/// Every camera/DVR/NVR example read in Rapid7 Recog's fingerprint files (round 3,
/// `testdata/recog_camera_examples.jsonl`, BSD-2-Clause): the maker camsweep must name (or
/// `null`: must stay unknown) and, where given, the device type and model.
#[test]
fn recog_camera_examples_identify_as_expected() {
    let mut failures = Vec::new();
    let (mut total, mut maker_ok, mut typed, mut type_ok) = (0, 0, 0, 0);
    for line in include_str!("../testdata/recog_camera_examples.jsonl").lines() {
        let row: serde_json::Value = serde_json::from_str(line).expect("valid JSON line");
        let kind: K = row["kind"]
            .as_str()
            .expect("kind")
            .parse()
            .expect("known kind");
        let value = row["value"].as_str().expect("value");
        let maker = row["maker"].as_str();
        let id = engine().identify(&[obs(kind, value)]);
        total += 1;
        if id.manufacturer.as_deref() == maker
            && (maker.is_none() || id.confidence >= MANUFACTURER_THRESHOLD)
            && row["model"]
                .as_str()
                .is_none_or(|m| id.model.as_deref() == Some(m))
        {
            maker_ok += 1;
        } else {
            failures.push(format!(
                "{value:?}: maker {:?} (want {maker:?}), model {:?}",
                id.manufacturer, id.model
            ));
        }
        if let Some(want) = row["device_type"].as_str() {
            typed += 1;
            if id.device_type.as_str() == want {
                type_ok += 1;
            } else {
                failures.push(format!("{value:?}: type {} (want {want})", id.device_type));
            }
        }
    }
    println!("recog camera examples: maker right {maker_ok}/{total}, type right {type_ok}/{typed}");
    // The fixture holds 50 examples, 32 of them typed: an emptied or truncated file must fail.
    assert_eq!((total, typed), (50, 32), "the fixture lost lines");
    assert!(failures.is_empty(), "{failures:#?}");
}

#[test]
fn round_three_rules_stay_narrow() {
    for (kind, value) in [
        (K::TelnetBanner, "192.168.0.64 login:"),
        (K::TelnetBanner, "IMDVRS login:"),
        (K::HttpTitle, "Web Local Display"),
        (K::HttpServer, "VCS-Webserver"),
    ] {
        let id = engine().identify(&[obs(kind, value)]);
        assert_eq!(id.manufacturer, None, "{value}: {id:#?}");
    }
    let phone = engine().identify(&[obs(K::HttpTitle, "Cisco IP Phone")]);
    assert_eq!(phone.manufacturer.as_deref(), Some("cisco"));
    assert_eq!(phone.device_type, DeviceType::Other);
    let nvr = engine().identify(&[obs(K::HttpServer, "VCS-VIDOS-NVR")]);
    assert_eq!(nvr.manufacturer.as_deref(), Some("bosch"));
    assert_eq!(nvr.device_type, DeviceType::Nvr);
    let heitel = engine().identify(&[obs(
        K::HttpServer,
        "HeiTel GmbH Web Server [V1.15/V1.14/V1.3]",
    )]);
    // HeiTel is in the registry since KB 2026.12.03.4 (IEEE MA-L 003026): its own name names it.
    assert_eq!(heitel.manufacturer.as_deref(), Some("heitel"));
    assert_eq!(heitel.device_type, DeviceType::Dvr);
}

#[test]
fn snmp_alone_identifies_the_maker_by_enterprise_number_and_sys_descr() {
    for (kind, value, maker) in [
        (K::SnmpSysObjectId, "1.3.6.1.4.1.39165.1.1", "hikvision"),
        (K::SnmpSysObjectId, ".1.3.6.1.4.1.50001.1", "hikvision"),
        (K::SnmpSysObjectId, "1.3.6.1.4.1.1004849.3.2.1", "dahua"),
        (K::SnmpSysObjectId, "1.3.6.1.4.1.368.4", "axis"),
        (K::SnmpSysObjectId, "1.3.6.1.4.1.23465.1", "vivotek"),
        (K::SnmpSysObjectId, "1.3.6.1.4.1.3967.1", "bosch"),
        (K::SnmpSysObjectId, "1.3.6.1.4.1.36849.1.2.1", "hanwha"),
        (K::SnmpSysObjectId, "1.3.6.1.4.1.36493.1", "idis"),
        (K::SnmpSysObjectId, "1.3.6.1.4.1.4784.1", "march-networks"),
        (K::SnmpSysObjectId, "1.3.6.1.4.1.122.1", "sony"),
        (K::SnmpSysObjectId, ".1.3.6.1.4.1.41112.1.7", "ubiquiti"),
        (K::SnmpSysObjectId, "1.3.6.1.4.1.6574.1", "synology"),
        (K::SnmpSysObjectId, "1.3.6.1.4.1.24681.1", "qnap"),
        (K::SnmpSysObjectId, "1.3.6.1.4.1.2011.2.23.276", "huawei"),
        (K::SnmpSysObjectId, ".1.3.6.1.4.1.2011.2.279.3", "huawei"),
        (K::SnmpSysObjectId, "1.3.6.1.4.1.2011.100.1", "huawei"),
        (K::SnmpSysObjectId, "1.3.6.1.4.1.3902.3.100.614", "zte"),
        (K::SnmpSysObjectId, "1.3.6.1.4.1.171.10.63.6", "d-link"),
        (K::SnmpSysObjectId, "1.3.6.1.4.1.9.1.1", "cisco"),
        // RFC 3411 engine IDs: enterprise with the high bit set, format 3 (MAC).
        (K::SnmpEngineId, "800098fd03020000000001", "hikvision"),
        (K::SnmpEngineId, "8000017003020000000002", "axis"),
        (K::SnmpEngineId, "80008ff103020000000003", "hanwha"),
        (K::SnmpEngineId, "8000a09803020000000004", "ubiquiti"),
        (K::SnmpEngineId, "80000f3e03020000000005", "zte"),
        (K::SnmpSysDescr, "Hikvision company products", "hikvision"),
        (K::SnmpSysDescr, "AXIS P1375 Network Camera", "axis"),
    ] {
        let id = engine().identify(&[obs(kind, value)]);
        assert_eq!(id.manufacturer.as_deref(), Some(maker), "{value}: {id:#?}");
    }
    // net-snmp's own enterprise (8072) says nothing about the maker.
    for (kind, value) in [
        (K::SnmpEngineId, "80001f8880e9630000d61ff449"),
        (K::SnmpSysObjectId, "1.3.6.1.4.1.8072.3.2.10"),
        // Huawei's 2011.10 sub-arc is the former Huawei-3Com (H3C) joint venture's, not Huawei's;
        // 20110 and 39020 only start with the new numbers.
        (K::SnmpSysObjectId, "1.3.6.1.4.1.2011.10.1.2"),
        (K::SnmpSysObjectId, ".1.3.6.1.4.1.2011.10"),
        (K::SnmpSysObjectId, "1.3.6.1.4.1.20110.1"),
        (K::SnmpSysObjectId, "1.3.6.1.4.1.39020.1"),
        // Neighbours and look-alikes of the new arcs name nobody: 2101 is HANWHA CORP./TELECOM,
        // 20442 Samsung SDS, 20092 a Mexican "Servicios de i-pro" (not i-PRO), 36850 and 41111
        // the registrants next to Hanwha Vision and Ubiquiti, 4419 Sony Online Entertainment.
        (K::SnmpSysObjectId, "1.3.6.1.4.1.2101.1"),
        (K::SnmpSysObjectId, "1.3.6.1.4.1.20442.1"),
        (K::SnmpSysObjectId, "1.3.6.1.4.1.20092.1"),
        (K::SnmpSysObjectId, "1.3.6.1.4.1.36850.1"),
        (K::SnmpSysObjectId, "1.3.6.1.4.1.41111.1"),
        (K::SnmpSysObjectId, "1.3.6.1.4.1.4419.1"),
        // A sysObjectID whose arc only starts with a new number (368490) is not under it.
        (K::SnmpSysObjectId, "1.3.6.1.4.1.368490.1"),
        // An engine ID with the neighbouring enterprise 36850 (0x8ff2).
        (K::SnmpEngineId, "80008ff203020000000003"),
    ] {
        let id = engine().identify(&[obs(kind, value)]);
        assert_eq!(id.manufacturer, None, "{value}: {id:#?}");
    }
}
