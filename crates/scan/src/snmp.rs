//! SNMP on UDP 161: what the sweep sends and how it files the answers.
//!
//! By default camsweep sends one datagram per address: the SNMPv3 engine-ID discovery of
//! RFC 3414 section 4 (noAuthNoPriv, reportable, empty engine ID and user name). It carries no
//! credential; an SNMPv3 agent answers it with a Report carrying its authoritative engine ID,
//! whose first four octets name the agent maker's enterprise number (RFC 3411 section 5).
//!
//! An SNMPv2c GET of sysDescr.0 and sysObjectID.0 is sent only with the communities the
//! operator configured ([`crate::ScanConfig::snmp_communities`], `--snmp-community`): a community
//! string is a password, and trying `public` on someone else's device is guessing one.
//! camsweep never sends a community it was not given.

use camsweep_model::ObservationKind;
use camsweep_parse::snmp;

/// The SNMP agent port.
pub(crate) const SNMP_PORT: u16 = 161;

/// The ids one sweep's SNMP requests carry; answers must echo them.
#[derive(Debug, Clone, Copy)]
pub(crate) struct SnmpIds {
    /// msgID of the v3 discovery.
    pub msg_id: i32,
    /// request-id of the v2c GETs.
    pub request_id: i32,
}

impl SnmpIds {
    pub(crate) fn random() -> Self {
        // Positive 31-bit values (RFC 3412 msgID is INTEGER (0..2147483647)).
        let bits = uuid::Uuid::new_v4().as_u128();
        Self {
            msg_id: (bits as u32 & 0x7fff_ffff) as i32,
            request_id: ((bits >> 32) as u32 & 0x7fff_ffff) as i32,
        }
    }
}

/// The SNMP datagrams of one address: the v3 discovery, then one v2c GET per configured
/// community.
pub(crate) fn requests(ids: SnmpIds, communities: &[String]) -> Vec<Vec<u8>> {
    std::iter::once(snmp::encode_v3_discovery(ids.msg_id, ids.msg_id))
        .chain(
            communities
                .iter()
                .map(|c| snmp::encode_v2c_get(c.as_bytes(), ids.request_id)),
        )
        .collect()
}

/// The observations one SNMP answer gives: `(kind, value)`. An answer that does not decode,
/// does not answer one of our requests, or tells nothing gives none: a hostile or broken agent
/// costs one bounded decode.
pub(crate) fn observations(ids: SnmpIds, datagram: &[u8]) -> Vec<(ObservationKind, String)> {
    let Ok(learned) = snmp::learn(datagram) else {
        return Vec::new();
    };
    let ours = learned.answer_to == Some(i64::from(ids.msg_id))
        || learned.answer_to == Some(i64::from(ids.request_id));
    if !ours {
        return Vec::new();
    }
    let mut out = Vec::new();
    if let Some(id) = learned.engine_id {
        out.push((ObservationKind::SnmpEngineId, snmp::hex(&id)));
    }
    if let Some(descr) = learned.sys_descr {
        out.push((ObservationKind::SnmpSysDescr, descr));
    }
    if let Some(oid) = learned.sys_object_id {
        out.push((ObservationKind::SnmpSysObjectId, oid));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn without_communities_only_the_credential_free_discovery_is_sent() {
        let ids = SnmpIds::random();
        let sent = requests(ids, &[]);
        assert_eq!(sent.len(), 1);
        let snmp::Message::V3(m) = snmp::parse_message(&sent[0]).unwrap() else {
            panic!("not v3")
        };
        assert_eq!(m.msg_id, i64::from(ids.msg_id));
        assert_eq!(m.flags, snmp::FLAG_REPORTABLE, "noAuthNoPriv, reportable");
        let usm = m.usm.unwrap();
        assert!(usm.user_name.is_empty() && usm.engine_id.is_empty());
        assert!(usm.auth_params.is_empty() && usm.priv_params.is_empty());
        // No "public", no community of any kind.
        assert!(!sent[0].windows(6).any(|w| w == b"public"));
    }

    #[test]
    fn a_configured_community_adds_one_v2c_get() {
        let ids = SnmpIds::random();
        let sent = requests(ids, &["site-owned".into()]);
        assert_eq!(sent.len(), 2);
        let snmp::Message::Community {
            version,
            community,
            pdu,
        } = snmp::parse_message(&sent[1]).unwrap()
        else {
            panic!("not v2c")
        };
        assert_eq!((version, community.as_slice()), (1, &b"site-owned"[..]));
        assert_eq!(pdu.request_id, i64::from(ids.request_id));
    }

    #[test]
    fn answers_to_other_requests_and_garbage_are_dropped() {
        let ids = SnmpIds {
            msg_id: 11,
            request_id: 22,
        };
        let usm = snmp::Usm::unauthenticated(b"\x80\x00\x98\xfd\x04cam".to_vec(), 1, 2);
        let report = |msg_id| {
            snmp::encode_report(msg_id, msg_id, &usm, snmp::USM_STATS_UNKNOWN_ENGINE_IDS, 1)
        };
        assert_eq!(
            observations(ids, &report(11)),
            [(ObservationKind::SnmpEngineId, "800098fd0463616d".into())]
        );
        assert!(observations(ids, &report(12)).is_empty(), "not ours");
        assert!(observations(ids, b"\x30\x84\xff\xff\xff\xff").is_empty());
        assert!(observations(ids, &[0x30; 70_000]).is_empty());
    }
}
