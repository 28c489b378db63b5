//! The lab's SNMP agent (UDP 161), for profiles with `discovery = ["snmp", ...]` and `[snmp]`.
//!
//! SNMPv3: any request without the agent's engine ID (engine-ID discovery, RFC 3414 section 4)
//! gets a Report of `usmStatsUnknownEngineIDs.0` carrying the agent's engine ID, boots and time
//! (RFC 3414 section 3.2 step 3); a request with the engine ID but, as the lab has no users, an
//! unknown user name gets a Report of `usmStatsUnknownUserNames.0` (step 4). Nothing is ever
//! answered inside a scoped PDU to an unauthenticated request.
//!
//! SNMPv2c: a GetRequest with exactly the profile's `community` is answered with sysDescr.0 and
//! sysObjectID.0 (noSuchObject for anything else, RFC 3416 section 4.2.1); any other community,
//! version or PDU is ignored, as agents drop bad-community requests.

use std::sync::OnceLock;
use std::time::Instant;

use camsweep_parse::snmp::{self, Message, PduType, Usm, Value};

use crate::device::Device;
use crate::profile::{SnmpEngineFormat, SnmpService};

/// `usmStatsUnknownUserNames.0` (RFC 3414 section 5).
const USM_STATS_UNKNOWN_USER_NAMES: &[u32] = &[1, 3, 6, 1, 6, 3, 15, 1, 1, 3, 0];

pub(crate) fn answer(device: &Device, service: &SnmpService, probe: &[u8]) -> Option<Vec<u8>> {
    match snmp::parse_message(probe).ok()? {
        Message::V3(m) => {
            let request_id = i32::try_from(m.pdu.as_ref()?.request_id).ok()?;
            let msg_id = i32::try_from(m.msg_id).ok()?;
            let usm = m.usm?;
            let engine_id = engine_id(device, service);
            let counter = if usm.engine_id != engine_id {
                snmp::USM_STATS_UNKNOWN_ENGINE_IDS
            } else {
                USM_STATS_UNKNOWN_USER_NAMES
            };
            let mut params = Usm::unauthenticated(engine_id, 1, i64::from(uptime_seconds()));
            params.user_name = usm.user_name;
            Some(snmp::encode_report(msg_id, request_id, &params, counter, 1))
        }
        Message::Community {
            version: 1,
            community,
            pdu,
        } if pdu.pdu_type == PduType::GetRequest
            && service
                .community
                .as_deref()
                .is_some_and(|c| c.as_bytes() == community.as_slice()) =>
        {
            let request_id = i32::try_from(pdu.request_id).ok()?;
            let descr = device.render(&service.sys_descr);
            let object_id = snmp::parse_dotted_oid(&service.sys_object_id)?;
            let bindings: Vec<(&[u32], Value)> = pdu
                .varbinds
                .iter()
                .map(|vb| {
                    let value = if vb.name.0 == snmp::SYS_DESCR {
                        Value::OctetString(descr.clone().into_bytes())
                    } else if vb.name.0 == snmp::SYS_OBJECT_ID {
                        Value::Oid(object_id.clone())
                    } else {
                        Value::NoSuchObject
                    };
                    (vb.name.0.as_slice(), value)
                })
                .collect();
            let response = snmp::encode_pdu(PduType::Response, request_id, &bindings);
            Some(snmp::encode_community_message(1, &community, &response))
        }
        _ => None,
    }
}

/// The agent's engine ID (RFC 3411 section 5): the enterprise number with the high bit set,
/// the format octet, then the device's MAC (format 3) or the text (format 4).
fn engine_id(device: &Device, service: &SnmpService) -> Vec<u8> {
    let mut id = (service.engine_enterprise | 0x8000_0000)
        .to_be_bytes()
        .to_vec();
    let mac = device.mac.as_deref().and_then(mac_octets);
    match (service.engine_format, mac) {
        (SnmpEngineFormat::Mac, Some(mac)) => {
            id.push(3);
            id.extend_from_slice(&mac);
        }
        _ => {
            let text = service
                .engine_text
                .as_deref()
                .map(|t| device.render(t))
                .unwrap_or_else(|| device.address.to_string());
            id.push(4);
            id.extend(text.bytes().take(27));
        }
    }
    id
}

fn mac_octets(mac: &str) -> Option<[u8; 6]> {
    let octets: Vec<u8> = mac
        .split(':')
        .map(|p| u8::from_str_radix(p, 16).ok())
        .collect::<Option<_>>()?;
    octets.try_into().ok()
}

/// Seconds since the first SNMP answer of this process (the agents' engineTime).
fn uptime_seconds() -> u32 {
    static START: OnceLock<Instant> = OnceLock::new();
    let start = START.get_or_init(Instant::now);
    u32::try_from(start.elapsed().as_secs()).unwrap_or(u32::MAX)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::spec::DeviceSpec;

    fn device(profile: &str) -> Device {
        Device::resolve(&DeviceSpec::new("127.77.0.20".parse().unwrap(), profile)).unwrap()
    }

    #[test]
    fn engine_id_discovery_gets_a_report_with_the_makers_enterprise() {
        let d = device("hikvision-nvr-snmp");
        let service = d.profile.snmp.as_ref().unwrap();
        let reply = answer(&d, service, &snmp::encode_v3_discovery(77, 78)).unwrap();
        let Message::V3(m) = snmp::parse_message(&reply).unwrap() else {
            panic!("not v3")
        };
        assert_eq!(m.msg_id, 77);
        let pdu = m.pdu.unwrap();
        assert_eq!(pdu.pdu_type, PduType::Report);
        assert_eq!(pdu.request_id, 78);
        assert_eq!(pdu.varbinds[0].name.0, snmp::USM_STATS_UNKNOWN_ENGINE_IDS);
        let id = snmp::parse_engine_id(&m.usm.unwrap().engine_id).unwrap();
        assert_eq!(id.enterprise, 39165);
        assert_eq!(id.format, snmp::EngineIdFormat::Mac);
        assert_eq!(Some(id.data_text()), d.mac);
    }

    #[test]
    fn v2c_is_answered_only_for_the_configured_community() {
        let d = device("hikvision-nvr-snmp");
        let service = d.profile.snmp.as_ref().unwrap();
        let community = service.community.clone().unwrap();
        for wrong in ["public", "private", "", "lab-snmp-communit"] {
            assert!(
                answer(&d, service, &snmp::encode_v2c_get(wrong.as_bytes(), 1)).is_none(),
                "{wrong:?}"
            );
        }
        let reply = answer(&d, service, &snmp::encode_v2c_get(community.as_bytes(), 5)).unwrap();
        let learned = snmp::learn(&reply).unwrap();
        assert_eq!(learned.answer_to, Some(5));
        assert_eq!(
            learned.sys_descr.as_deref(),
            Some("Hikvision company products")
        );
        assert_eq!(
            learned.sys_object_id.as_deref(),
            Some(service.sys_object_id.as_str())
        );
        // An agent without a community never answers v2c.
        let axis = device("axis-ipc-snmp");
        let axis_service = axis.profile.snmp.as_ref().unwrap();
        assert!(axis_service.community.is_none());
        assert!(answer(&axis, axis_service, &snmp::encode_v2c_get(b"public", 1)).is_none());
    }

    #[test]
    fn garbage_gets_no_answer() {
        let d = device("hikvision-nvr-snmp");
        let service = d.profile.snmp.as_ref().unwrap();
        for probe in [
            &b""[..],
            b"garbage",
            b"\x30\x84\xff\xff\xff\xff",
            &[0x30; 300],
        ] {
            assert!(answer(&d, service, probe).is_none());
        }
    }
}
