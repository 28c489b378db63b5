//! SNMP decoder and encoder tests.
//!
//! Real-format fixtures: the messages marked "sharpsnmplib" are the byte strings of the unit
//! tests of lextm/sharpsnmplib (MIT), `Tests/CSharpCore/Unit/Messaging/MessageFactoryTestFixture.cs`
//! (`TestDiscovery`, `TestReportFailure`, `TestReportFailure2`, `TestGetResponseV3`,
//! `TestString`): messages its author captured from real agents and tools (net-snmp engine IDs
//! `80001f8880...`, a Cisco engine ID `8000000903` + MAC). Fixtures built here by hand say so
//! and name the RFC section they follow.

use super::*;

fn unhex(s: &str) -> Vec<u8> {
    parse_hex(&s.replace([' ', '\n'], "")).expect("valid hex fixture")
}

/// sharpsnmplib `TestDiscovery`: an SNMPv3 engine-ID discovery request (msgID 0x6a09,
/// msgMaxSize 65507, flags reportable, USM all empty, GetRequest with no bindings).
const DISCOVERY_REQUEST: &str = "303A020103300F02026A09020300FFE3040104020103041030\
0E0400020100020100040004000400301204000400A00C02022C6B020100020100 3000";

/// sharpsnmplib `TestReportFailure2`: a Report (usmStatsNotInTimeWindows.0 = 5) whose USM
/// engine ID is `800000090340f4ecf2b113`: enterprise 9 (ciscoSystems), format 3 (MAC).
const REPORT_CISCO_MAC: &str = "30780201033010020462d4a37602020578040101020103042f302d\
040b800000090340f4ecf2b113020124020200a4040762696c6c696e67040c62bc133ef237922dfa8ca39a0400\
3030040b800000090340f4ecf2b1130400a81f02049d2b5c8c0201000201003011300f060a2b060106030f0101\
0200410105";

/// sharpsnmplib `TestReportFailure`: engine ID `8000052301c14dbb83`: enterprise 1315,
/// format 1 (IPv4 193.77.187.131).
const REPORT_IPV4: &str = "3070020103301102047 6EB6A22020300FFF0040101020103043330310409\
8000052301C14DBB8302015B02031C939D040C4D44355F4445535F55736572040CE5C7C52E177E8762AB56D6C7\
0400302304000400A81D020100020100020100301230100 60A2B060106030F0101020041 0205EE";

/// sharpsnmplib `TestGetResponseV3`: a v3 Response (sysUpTime.0) from net-snmp, engine ID
/// `80001f8880e9630000d61ff449` (enterprise 8072, format 128: net-snmp's own).
const RESPONSE_V3_NETSNMP: &str = "306B020103300F02026A08020300FFE30401000201030423302104\
0D80001F8880E9630000D61FF449020105020 20F1C04056C6578746D04000400303004 0D80001F8880E963\
0000D61FF4490400A21D02022C6A0201000201003011300F06082B06010201010300430305E714";

/// sharpsnmplib `TestString`: an SNMPv1 GetRequest for sysName.0 with community "public".
const GET_V1_SYSNAME: &str = "302902010004067075626c6963a01c02044f89fbdd020100020100300e\
300c06082b060102010105000500";

/// Built by hand after RFC 3416 section 3 and RFC 3418: an SNMPv2c Response, community
/// "ours", request-id 7, sysDescr.0 = "AXIS P1375 Network Camera" and sysObjectID.0 =
/// 1.3.6.1.4.1.368.4 (a long-form arc: 368 = 0x82 0x70).
fn v2c_response_hand_built() -> Vec<u8> {
    let pdu = encode_pdu(
        PduType::Response,
        7,
        &[
            (
                SYS_DESCR,
                Value::OctetString(b"AXIS P1375 Network Camera".to_vec()),
            ),
            (
                SYS_OBJECT_ID,
                Value::Oid(Oid(vec![1, 3, 6, 1, 4, 1, 368, 4])),
            ),
        ],
    );
    encode_community_message(1, b"ours", &pdu)
}

fn fixtures() -> Vec<Vec<u8>> {
    vec![
        unhex(DISCOVERY_REQUEST),
        unhex(REPORT_CISCO_MAC),
        unhex(REPORT_IPV4),
        unhex(RESPONSE_V3_NETSNMP),
        unhex(GET_V1_SYSNAME),
        v2c_response_hand_built(),
        encode_v3_discovery(1, 2),
        encode_v2c_get(b"ours", 3),
    ]
}

#[test]
fn the_captured_discovery_request_decodes_as_rfc3414_says() {
    let Message::V3(m) = parse_message(&unhex(DISCOVERY_REQUEST)).unwrap() else {
        panic!("not v3")
    };
    assert_eq!(m.msg_id, 0x6a09);
    assert_eq!(m.max_size, 65507);
    assert_eq!(m.flags, FLAG_REPORTABLE);
    assert_eq!(m.security_model, 3);
    let usm = m.usm.unwrap();
    assert!(usm.engine_id.is_empty() && usm.user_name.is_empty());
    assert_eq!((usm.engine_boots, usm.engine_time), (0, 0));
    let pdu = m.pdu.unwrap();
    assert_eq!(pdu.pdu_type, PduType::GetRequest);
    assert!(pdu.varbinds.is_empty());
}

#[test]
fn our_discovery_request_has_the_shape_of_the_captured_one() {
    // Same message as the capture once msgID and request-id match: byte for byte.
    let ours = encode_v3_discovery(0x6a09, 0x2c6b);
    assert_eq!(hex(&ours), hex(&unhex(DISCOVERY_REQUEST)));
    // No credential leaves: no user name, no community anywhere.
    let Message::V3(m) = parse_message(&ours).unwrap() else {
        panic!()
    };
    assert_eq!(m.usm.unwrap().user_name, b"");
}

#[test]
fn a_report_yields_the_engine_id_boots_and_time() {
    let learned = learn(&unhex(REPORT_CISCO_MAC)).unwrap();
    let id = learned.engine_id.unwrap();
    assert_eq!(hex(&id), "800000090340f4ecf2b113");
    assert_eq!(learned.engine_boots, Some(36));
    assert_eq!(learned.engine_time, Some(164));
    let engine = parse_engine_id(&id).unwrap();
    assert_eq!(engine.enterprise, 9);
    assert_eq!(engine.format, EngineIdFormat::Mac);
    assert_eq!(engine.data_text(), "40:f4:ec:f2:b1:13");

    let Message::V3(m) = parse_message(&unhex(REPORT_CISCO_MAC)).unwrap() else {
        panic!()
    };
    let pdu = m.pdu.unwrap();
    assert_eq!(pdu.pdu_type, PduType::Report);
    assert_eq!(
        pdu.varbinds[0].name.to_string(),
        "1.3.6.1.6.3.15.1.1.2.0",
        "usmStatsNotInTimeWindows"
    );
    assert_eq!(pdu.varbinds[0].value, Value::Counter32(5));
}

#[test]
fn engine_id_formats_decode() {
    let ipv4 = learn(&unhex(REPORT_IPV4)).unwrap().engine_id.unwrap();
    let e = parse_engine_id(&ipv4).unwrap();
    assert_eq!((e.enterprise, e.format), (1315, EngineIdFormat::Ipv4));
    assert_eq!(e.data_text(), "193.77.187.131");

    let Message::V3(m) = parse_message(&unhex(RESPONSE_V3_NETSNMP)).unwrap() else {
        panic!()
    };
    let e = parse_engine_id(&m.usm.unwrap().engine_id).unwrap();
    assert_eq!(e.enterprise, 8072, "net-snmp");
    assert_eq!(e.format, EngineIdFormat::Enterprise(128));
    assert_eq!(e.format.name(), "enterprise-128");
    assert_eq!(m.pdu.unwrap().varbinds[0].value, Value::TimeTicks(0x05e714));

    // Hand-built after RFC 3411 section 5: enterprise 39165 (0x98fd) with the high bit, text.
    let e = parse_engine_id(b"\x80\x00\x98\xfd\x04camera-1").unwrap();
    assert_eq!((e.enterprise, e.format), (39165, EngineIdFormat::Text));
    assert_eq!(e.data_text(), "camera-1");
    // RFC 3411: an engine ID whose first bit is 0 is the RFC 1910 layout (12 octets).
    let e = parse_engine_id(&[0, 0, 1, 112, 1, 2, 3, 4, 5, 6, 7, 8]).unwrap();
    assert_eq!((e.enterprise, e.format), (368, EngineIdFormat::Legacy));
    assert!(parse_engine_id(&[0x80, 0, 0]).is_err(), "too short");
    assert!(parse_engine_id(&[0x80; 33]).is_err(), "too long");
}

#[test]
fn a_v1_request_decodes_with_its_community_and_oid() {
    let Message::Community {
        version,
        community,
        pdu,
    } = parse_message(&unhex(GET_V1_SYSNAME)).unwrap()
    else {
        panic!()
    };
    assert_eq!((version, community.as_slice()), (0, &b"public"[..]));
    assert_eq!(pdu.pdu_type, PduType::GetRequest);
    assert_eq!(pdu.request_id, 0x4f89fbdd);
    assert_eq!(pdu.varbinds[0].name.to_string(), "1.3.6.1.2.1.1.5.0");
    // A request teaches nothing about the device.
    let learned = learn(&unhex(GET_V1_SYSNAME)).unwrap();
    assert_eq!(learned.answer_to, Some(0x4f89fbdd));
    assert_eq!(
        learned,
        Learned {
            answer_to: learned.answer_to,
            ..Learned::default()
        }
    );
}

#[test]
fn a_v2c_response_yields_sys_descr_and_sys_object_id() {
    let learned = learn(&v2c_response_hand_built()).unwrap();
    assert_eq!(learned.answer_to, Some(7));
    assert_eq!(
        learned.sys_descr.as_deref(),
        Some("AXIS P1375 Network Camera")
    );
    assert_eq!(learned.sys_object_id.as_deref(), Some("1.3.6.1.4.1.368.4"));
    assert_eq!(
        parse_dotted_oid(".1.3.6.1.4.1.368.4").unwrap().enterprise(),
        Some(368)
    );
}

#[test]
fn the_v2c_get_asks_for_sys_descr_and_sys_object_id_with_the_given_community() {
    let Message::Community {
        version,
        community,
        pdu,
    } = parse_message(&encode_v2c_get(b"site-owned", 42)).unwrap()
    else {
        panic!()
    };
    assert_eq!(version, 1);
    assert_eq!(community, b"site-owned");
    assert_eq!(pdu.request_id, 42);
    let names: Vec<String> = pdu.varbinds.iter().map(|v| v.name.to_string()).collect();
    assert_eq!(names, ["1.3.6.1.2.1.1.1.0", "1.3.6.1.2.1.1.2.0"]);
    assert!(pdu.varbinds.iter().all(|v| v.value == Value::Null));
}

#[test]
fn values_round_trip_through_the_encoder() {
    for v in [
        Value::Integer(0),
        Value::Integer(127),
        Value::Integer(128),
        Value::Integer(-1),
        Value::Integer(-129),
        Value::Integer(i64::MIN),
        Value::Integer(i64::MAX),
        Value::Counter32(u32::MAX),
        Value::Gauge32(0),
        Value::TimeTicks(0x8000_0000),
        Value::Counter64(u64::MAX),
        Value::IpAddress([10, 0, 0, 1]),
        Value::Oid(Oid(vec![2, 999, 4_294_967_295])),
        Value::OctetString(vec![0; 300]),
        Value::NoSuchObject,
        Value::EndOfMibView,
    ] {
        let pdu = encode_pdu(PduType::Response, -5, &[(SYS_DESCR, v.clone())]);
        let msg = encode_community_message(1, b"c", &pdu);
        let Message::Community { pdu, .. } = parse_message(&msg).unwrap() else {
            panic!()
        };
        assert_eq!(pdu.request_id, -5);
        assert_eq!(pdu.varbinds[0].value, v);
    }
}

#[test]
fn hostile_encodings_are_typed_errors() {
    let cases: &[(&str, &[u8])] = &[
        ("empty", b""),
        ("indefinite length", b"\x30\x80\x02\x01\x01\x00\x00"),
        (
            "length past the end",
            b"\x30\x84\x7f\xff\xff\xff\x02\x01\x01",
        ),
        ("five length octets", b"\x30\x85\x00\x00\x00\x00\x03"),
        ("high tag number", b"\x1f\x81\x00"),
        ("not a sequence", b"\x02\x01\x01"),
        ("trailing bytes", b"\x30\x03\x02\x01\x09\x00"),
        ("unknown version", b"\x30\x03\x02\x01\x09"),
        (
            "huge integer",
            b"\x30\x0b\x02\x09\x01\x02\x03\x04\x05\x06\x07\x08\x09",
        ),
        ("empty integer", b"\x30\x02\x02\x00"),
    ];
    for (name, bytes) in cases {
        assert!(parse_message(bytes).is_err(), "{name} was accepted");
    }
    // An OID arc over 32 bits, a runaway OID and an unterminated arc.
    let over = Tlv {
        tag: TAG_OID,
        value: &[0x2b, 0x90, 0x80, 0x80, 0x80, 0x00],
        offset: 0,
    };
    assert!(decode_oid(over).is_err());
    let long: Vec<u8> = std::iter::once(0x2b).chain([1u8; 200]).collect();
    assert!(
        decode_oid(Tlv {
            tag: TAG_OID,
            value: &long,
            offset: 0
        })
        .is_err()
    );
    assert!(
        decode_oid(Tlv {
            tag: TAG_OID,
            value: &[0x2b, 0x81],
            offset: 0
        })
        .is_err()
    );
    // Too many bindings.
    let many: Vec<(&[u32], Value)> = (0..=MAX_VARBINDS)
        .map(|_| (SYS_DESCR, Value::Null))
        .collect();
    let msg = encode_community_message(1, b"c", &encode_pdu(PduType::Response, 1, &many));
    assert!(matches!(
        parse_message(&msg),
        Err(ParseError::LimitExceeded { .. })
    ));
    // Over the size limit.
    assert!(matches!(
        parse_message(&vec![0x30; MAX_MESSAGE + 1]),
        Err(ParseError::TooLarge { .. })
    ));
}

#[test]
fn deep_nesting_is_refused_not_followed() {
    // A value nested 10,000 SEQUENCEs deep inside a VarBind: kept as an undecoded value, never
    // recursed into, and the message around it still decodes.
    let mut inner = tlv(TAG_NULL, &[]);
    for _ in 0..10_000 {
        inner = tlv(TAG_SEQUENCE, &inner);
    }
    let pdu = encode_pdu(
        PduType::Response,
        1,
        &[(
            SYS_DESCR,
            Value::Other {
                tag: TAG_SEQUENCE,
                bytes: inner,
            },
        )],
    );
    let msg = encode_community_message(1, b"c", &pdu);
    assert!(parse_message(&msg).is_ok());
    // And nesting where the grammar wants a PDU is an error.
    let mut bogus = tlv(TAG_SEQUENCE, &[]);
    for _ in 0..100 {
        bogus = tlv(TAG_SEQUENCE, &bogus);
    }
    assert!(parse_message(&bogus).is_err());
}

#[test]
fn every_truncation_and_byte_flip_of_every_fixture_is_handled_without_panic() {
    for fixture in fixtures() {
        assert!(parse_message(&fixture).is_ok(), "{}", hex(&fixture));
        for end in 0..fixture.len() {
            // A truncated message is always malformed: every length points past the end.
            assert!(
                parse_message(&fixture[..end]).is_err(),
                "truncated at {end}"
            );
            let _ = learn(&fixture[..end]);
        }
        for i in 0..fixture.len() {
            for flip in [0x01, 0x80, 0xff] {
                let mut m = fixture.clone();
                m[i] ^= flip;
                let _ = parse_message(&m);
                let _ = learn(&m);
            }
        }
    }
}

#[test]
fn dotted_oids_parse_strictly() {
    assert_eq!(
        parse_dotted_oid("1.3.6.1.4.1.39165.1.1")
            .unwrap()
            .enterprise(),
        Some(39165)
    );
    assert_eq!(
        parse_dotted_oid("1.3.6.1.2.1.1").unwrap().enterprise(),
        None
    );
    for bad in ["", "1", "1..3", "1.3.x", "1.3.99999999999"] {
        assert!(parse_dotted_oid(bad).is_none(), "{bad}");
    }
}
