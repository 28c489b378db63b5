//! SNMP messages, sans I/O: a bounded BER decoder for SNMPv1/v2c and SNMPv3 messages, the two
//! requests camsweep sends (SNMPv3 engine-ID discovery and an SNMPv2c GET), and the decoding of
//! an SNMPv3 engine ID into enterprise number, format and data.
//!
//! References: BER per ITU-T X.690 (definite lengths only, as SNMP requires: RFC 3417 section 8);
//! the v1/v2c message and PDUs per RFC 1157 and RFC 3416 section 3; the v3 message per RFC 3412
//! section 6; the USM security parameters per RFC 3414 section 2.4; `SnmpEngineID` per RFC 3411
//! section 5.
//!
//! Bounds: input at most [`MAX_MESSAGE`] bytes; lengths in at most four octets and never past the
//! end of the enclosing value; no indefinite lengths; at most [`MAX_DEPTH`] nested values (the
//! decoder follows the fixed SNMP grammar and does not recurse into unknown constructed values);
//! at most [`MAX_VARBINDS`] variable bindings; OIDs of at most [`MAX_OID_ARCS`] arcs of 32 bits;
//! INTEGERs of at most 8 octets. Every malformed input is a [`ParseError`]; nothing panics.

use std::fmt;

use crate::ParseError;
use crate::error::check_len;

/// Largest SNMP message decoded: the largest UDP payload over IPv4.
pub const MAX_MESSAGE: usize = 65_507;
/// Most nested BER values the decoder descends through.
pub const MAX_DEPTH: usize = 8;
/// Most variable bindings decoded from one PDU.
pub const MAX_VARBINDS: usize = 64;
/// Most arcs of one OBJECT IDENTIFIER.
pub const MAX_OID_ARCS: usize = 128;

const WHAT: &str = "snmp";

/// `sysDescr.0` (RFC 3418).
pub const SYS_DESCR: &[u32] = &[1, 3, 6, 1, 2, 1, 1, 1, 0];
/// `sysObjectID.0` (RFC 3418).
pub const SYS_OBJECT_ID: &[u32] = &[1, 3, 6, 1, 2, 1, 1, 2, 0];
/// `usmStatsUnknownEngineIDs.0` (RFC 3414 section 5), the counter a Report PDU carries in
/// answer to engine-ID discovery.
pub const USM_STATS_UNKNOWN_ENGINE_IDS: &[u32] = &[1, 3, 6, 1, 6, 3, 15, 1, 1, 4, 0];
/// The private enterprises arc `1.3.6.1.4.1` (RFC 1155).
pub const ENTERPRISES: &[u32] = &[1, 3, 6, 1, 4, 1];

// BER tags (X.690 universal, RFC 2578 application, RFC 3416 context-specific).
const TAG_INTEGER: u8 = 0x02;
const TAG_OCTET_STRING: u8 = 0x04;
const TAG_NULL: u8 = 0x05;
const TAG_OID: u8 = 0x06;
const TAG_SEQUENCE: u8 = 0x30;
const TAG_IP_ADDRESS: u8 = 0x40;
const TAG_COUNTER32: u8 = 0x41;
const TAG_GAUGE32: u8 = 0x42;
const TAG_TIMETICKS: u8 = 0x43;
const TAG_OPAQUE: u8 = 0x44;
const TAG_COUNTER64: u8 = 0x46;
const TAG_NO_SUCH_OBJECT: u8 = 0x80;
const TAG_NO_SUCH_INSTANCE: u8 = 0x81;
const TAG_END_OF_MIB_VIEW: u8 = 0x82;

/// An OBJECT IDENTIFIER, as its arcs.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Oid(pub Vec<u32>);

impl Oid {
    /// Whether this OID starts with `prefix`.
    pub fn starts_with(&self, prefix: &[u32]) -> bool {
        self.0.starts_with(prefix)
    }

    /// The private enterprise number `N` of an OID under `1.3.6.1.4.1.N`.
    pub fn enterprise(&self) -> Option<u32> {
        self.0
            .strip_prefix(ENTERPRISES)
            .and_then(|rest| rest.first())
            .copied()
    }
}

impl fmt::Display for Oid {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, arc) in self.0.iter().enumerate() {
            if i > 0 {
                f.write_str(".")?;
            }
            write!(f, "{arc}")?;
        }
        Ok(())
    }
}

/// Parses a dotted OID (`1.3.6.1.4.1.39165` or `.1.3.6...`), as sysObjectID observations carry
/// it. `None` unless every arc is a 32-bit number and there are 2 to [`MAX_OID_ARCS`] arcs.
pub fn parse_dotted_oid(text: &str) -> Option<Oid> {
    let text = text.trim();
    let text = text.strip_prefix('.').unwrap_or(text);
    let arcs: Vec<u32> = text
        .split('.')
        .map(|a| a.parse::<u32>().ok())
        .collect::<Option<_>>()?;
    (2..=MAX_OID_ARCS)
        .contains(&arcs.len())
        .then_some(Oid(arcs))
}

/// A variable binding's value.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Value {
    Integer(i64),
    OctetString(Vec<u8>),
    Null,
    Oid(Oid),
    IpAddress([u8; 4]),
    Counter32(u32),
    Gauge32(u32),
    TimeTicks(u32),
    Opaque(Vec<u8>),
    Counter64(u64),
    NoSuchObject,
    NoSuchInstance,
    EndOfMibView,
    /// A value of any other tag, kept undecoded.
    Other {
        tag: u8,
        bytes: Vec<u8>,
    },
}

/// One variable binding.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct VarBind {
    pub name: Oid,
    pub value: Value,
}

/// The PDU types of RFC 3416 (and the SNMPv1 Trap-PDU of RFC 1157).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PduType {
    GetRequest,
    GetNextRequest,
    Response,
    SetRequest,
    TrapV1,
    GetBulkRequest,
    InformRequest,
    TrapV2,
    Report,
}

impl PduType {
    fn from_tag(tag: u8) -> Option<Self> {
        Some(match tag {
            0xA0 => Self::GetRequest,
            0xA1 => Self::GetNextRequest,
            0xA2 => Self::Response,
            0xA3 => Self::SetRequest,
            0xA4 => Self::TrapV1,
            0xA5 => Self::GetBulkRequest,
            0xA6 => Self::InformRequest,
            0xA7 => Self::TrapV2,
            0xA8 => Self::Report,
            _ => return None,
        })
    }

    fn tag(self) -> u8 {
        match self {
            Self::GetRequest => 0xA0,
            Self::GetNextRequest => 0xA1,
            Self::Response => 0xA2,
            Self::SetRequest => 0xA3,
            Self::TrapV1 => 0xA4,
            Self::GetBulkRequest => 0xA5,
            Self::InformRequest => 0xA6,
            Self::TrapV2 => 0xA7,
            Self::Report => 0xA8,
        }
    }
}

/// A PDU. For an SNMPv1 Trap-PDU (a different layout) only the type is kept and the other
/// fields are zero and empty.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Pdu {
    pub pdu_type: PduType,
    pub request_id: i64,
    pub error_status: i64,
    pub error_index: i64,
    pub varbinds: Vec<VarBind>,
}

impl Pdu {
    /// The value bound to `name`, if any.
    pub fn value(&self, name: &[u32]) -> Option<&Value> {
        self.varbinds
            .iter()
            .find(|v| v.name.0 == name)
            .map(|v| &v.value)
    }
}

/// The USM security parameters of an SNMPv3 message (RFC 3414 section 2.4).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Usm {
    pub engine_id: Vec<u8>,
    pub engine_boots: i64,
    pub engine_time: i64,
    pub user_name: Vec<u8>,
    pub auth_params: Vec<u8>,
    pub priv_params: Vec<u8>,
}

impl Usm {
    /// noAuthNoPriv parameters (RFC 3414 section 2.4): no user name, no authentication or
    /// privacy parameters.
    pub fn unauthenticated(engine_id: Vec<u8>, engine_boots: i64, engine_time: i64) -> Self {
        Self {
            engine_id,
            engine_boots,
            engine_time,
            user_name: Vec::new(),
            auth_params: Vec::new(),
            priv_params: Vec::new(),
        }
    }
}

/// An SNMPv3 message (RFC 3412 section 6).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct V3Message {
    pub msg_id: i64,
    pub max_size: i64,
    /// `msgFlags` (bit 0 auth, bit 1 priv, bit 2 reportable).
    pub flags: u8,
    pub security_model: i64,
    /// The USM parameters, when `security_model` is 3 (USM) and they decode.
    pub usm: Option<Usm>,
    /// The scoped PDU's context engine ID, when the scoped PDU is plaintext.
    pub context_engine_id: Option<Vec<u8>>,
    pub context_name: Option<Vec<u8>>,
    /// The PDU, when the scoped PDU is plaintext (an encrypted one is an OCTET STRING).
    pub pdu: Option<Pdu>,
}

/// A decoded SNMP message.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Message {
    /// SNMPv1 (`version` 0) or SNMPv2c (`version` 1).
    Community {
        version: i64,
        community: Vec<u8>,
        pdu: Pdu,
    },
    /// SNMPv3 (`version` 3).
    V3(Box<V3Message>),
}

// ---------------------------------------------------------------- BER reading

/// One decoded tag-length-value.
#[derive(Debug, Clone, Copy)]
struct Tlv<'a> {
    tag: u8,
    value: &'a [u8],
    /// Offset of the value in the whole input.
    offset: usize,
}

/// Reads consecutive TLVs from a slice of the input.
struct Reader<'a> {
    buf: &'a [u8],
    pos: usize,
    /// Offset of `buf` in the whole input (for error messages).
    base: usize,
    depth: usize,
}

impl<'a> Reader<'a> {
    fn new(buf: &'a [u8]) -> Self {
        Self {
            buf,
            pos: 0,
            base: 0,
            depth: 0,
        }
    }

    fn at(&self) -> usize {
        self.base + self.pos
    }

    fn is_empty(&self) -> bool {
        self.pos >= self.buf.len()
    }

    fn err(&self, expected: &'static str) -> ParseError {
        ParseError::malformed(WHAT, expected, self.at())
    }

    fn byte(&mut self, expected: &'static str) -> Result<u8, ParseError> {
        let b = *self.buf.get(self.pos).ok_or_else(|| self.err(expected))?;
        self.pos += 1;
        Ok(b)
    }

    fn tlv(&mut self) -> Result<Tlv<'a>, ParseError> {
        let tag = self.byte("a BER tag")?;
        if tag & 0x1f == 0x1f {
            return Err(ParseError::malformed(
                WHAT,
                "a single-octet BER tag (SNMP uses no high tag numbers)",
                self.at() - 1,
            ));
        }
        let first = self.byte("a BER length")?;
        let len = if first < 0x80 {
            usize::from(first)
        } else if first == 0x80 {
            return Err(ParseError::malformed(
                WHAT,
                "a definite BER length (indefinite lengths are not allowed in SNMP)",
                self.at() - 1,
            ));
        } else {
            let octets = usize::from(first & 0x7f);
            if octets > 4 {
                return Err(ParseError::LimitExceeded {
                    what: WHAT,
                    limit_name: "BER length octets",
                    limit: 4,
                    offset: Some(self.at() - 1),
                });
            }
            let mut len = 0usize;
            for _ in 0..octets {
                len = (len << 8) | usize::from(self.byte("the octets of a BER length")?);
            }
            len
        };
        let start = self.pos;
        let remaining = self.buf.len() - start;
        if len > remaining {
            return Err(ParseError::malformed(
                WHAT,
                "a BER length within the enclosing value",
                self.base + start,
            ));
        }
        self.pos = start + len;
        Ok(Tlv {
            tag,
            value: &self.buf[start..start + len],
            offset: self.base + start,
        })
    }

    /// The next TLV, which must carry `tag`.
    fn expect(&mut self, tag: u8, expected: &'static str) -> Result<Tlv<'a>, ParseError> {
        let at = self.at();
        let tlv = self.tlv()?;
        if tlv.tag != tag {
            return Err(ParseError::malformed(WHAT, expected, at));
        }
        Ok(tlv)
    }

    /// A reader over the contents of a constructed value, one level deeper.
    fn enter(&self, tlv: Tlv<'a>) -> Result<Reader<'a>, ParseError> {
        if self.depth + 1 > MAX_DEPTH {
            return Err(ParseError::LimitExceeded {
                what: WHAT,
                limit_name: "nested BER values",
                limit: MAX_DEPTH,
                offset: Some(tlv.offset),
            });
        }
        Ok(Reader {
            buf: tlv.value,
            pos: 0,
            base: tlv.offset,
            depth: self.depth + 1,
        })
    }

    fn sequence(&mut self, expected: &'static str) -> Result<Reader<'a>, ParseError> {
        let tlv = self.expect(TAG_SEQUENCE, expected)?;
        self.enter(tlv)
    }

    fn integer(&mut self, expected: &'static str) -> Result<i64, ParseError> {
        let tlv = self.expect(TAG_INTEGER, expected)?;
        decode_integer(tlv)
    }

    fn octets(&mut self, expected: &'static str) -> Result<&'a [u8], ParseError> {
        Ok(self.expect(TAG_OCTET_STRING, expected)?.value)
    }
}

/// The value octets of an integer: at least one, at most `max` (after one leading zero octet,
/// when `unsigned`: the sign octet of a non-negative value).
fn integer_octets<'a>(
    tlv: Tlv<'a>,
    unsigned: bool,
    max: usize,
    limit_name: &'static str,
) -> Result<&'a [u8], ParseError> {
    let mut bytes = tlv.value;
    if bytes.is_empty() {
        return Err(ParseError::malformed(
            WHAT,
            "an integer of at least one octet",
            tlv.offset,
        ));
    }
    if unsigned && bytes.len() > 1 && bytes[0] == 0 {
        bytes = &bytes[1..];
    }
    if bytes.len() > max {
        return Err(ParseError::LimitExceeded {
            what: WHAT,
            limit_name,
            limit: max,
            offset: Some(tlv.offset),
        });
    }
    Ok(bytes)
}

fn decode_integer(tlv: Tlv<'_>) -> Result<i64, ParseError> {
    let bytes = integer_octets(tlv, false, 8, "INTEGER octets")?;
    let mut v: i64 = if bytes[0] & 0x80 != 0 { -1 } else { 0 };
    for &b in bytes {
        v = (v << 8) | i64::from(b);
    }
    Ok(v)
}

/// An unsigned application integer (Counter32, Gauge32, TimeTicks, Counter64): a non-negative
/// INTEGER encoding of at most `max` value octets (plus a leading zero).
fn decode_unsigned(tlv: Tlv<'_>, max: usize) -> Result<u64, ParseError> {
    let bytes = integer_octets(tlv, true, max, "unsigned integer octets")?;
    Ok(bytes.iter().fold(0u64, |v, &b| (v << 8) | u64::from(b)))
}

fn decode_oid(tlv: Tlv<'_>) -> Result<Oid, ParseError> {
    let bytes = tlv.value;
    if bytes.is_empty() {
        return Err(ParseError::malformed(
            WHAT,
            "an OBJECT IDENTIFIER of at least one octet",
            tlv.offset,
        ));
    }
    let mut arcs = Vec::new();
    let mut current: u64 = 0;
    let mut in_arc = false;
    for (i, &b) in bytes.iter().enumerate() {
        if !in_arc && b == 0x80 {
            return Err(ParseError::malformed(
                WHAT,
                "an OID arc without leading 0x80 octets",
                tlv.offset + i,
            ));
        }
        current = (current << 7) | u64::from(b & 0x7f);
        if current > u64::from(u32::MAX) + 80 {
            return Err(ParseError::LimitExceeded {
                what: WHAT,
                limit_name: "bits in an OID arc",
                limit: 32,
                offset: Some(tlv.offset + i),
            });
        }
        in_arc = b & 0x80 != 0;
        if !in_arc {
            if arcs.is_empty() {
                // The first subidentifier holds the first two arcs (X.690 section 8.19.4).
                let (first, second) = match current {
                    0..=39 => (0, current),
                    40..=79 => (1, current - 40),
                    _ => (2, current - 80),
                };
                arcs.push(first);
                arcs.push(u32::try_from(second).map_err(|_| {
                    ParseError::malformed(WHAT, "a 32-bit OID arc", tlv.offset + i)
                })?);
            } else {
                arcs.push(u32::try_from(current).map_err(|_| {
                    ParseError::malformed(WHAT, "a 32-bit OID arc", tlv.offset + i)
                })?);
            }
            if arcs.len() > MAX_OID_ARCS {
                return Err(ParseError::LimitExceeded {
                    what: WHAT,
                    limit_name: "OID arcs",
                    limit: MAX_OID_ARCS,
                    offset: Some(tlv.offset + i),
                });
            }
            current = 0;
        }
    }
    if in_arc {
        return Err(ParseError::malformed(
            WHAT,
            "an OID whose last arc ends",
            tlv.offset + bytes.len(),
        ));
    }
    Ok(Oid(arcs))
}

fn decode_value(tlv: Tlv<'_>) -> Result<Value, ParseError> {
    Ok(match tlv.tag {
        TAG_INTEGER => Value::Integer(decode_integer(tlv)?),
        TAG_OCTET_STRING => Value::OctetString(tlv.value.to_vec()),
        TAG_NULL => Value::Null,
        TAG_OID => Value::Oid(decode_oid(tlv)?),
        TAG_IP_ADDRESS => {
            Value::IpAddress(tlv.value.try_into().map_err(|_| {
                ParseError::malformed(WHAT, "an IpAddress of four octets", tlv.offset)
            })?)
        }
        // The casts cannot truncate: decode_unsigned returns at most 4 value octets here.
        TAG_COUNTER32 => Value::Counter32(decode_unsigned(tlv, 4)? as u32),
        TAG_GAUGE32 => Value::Gauge32(decode_unsigned(tlv, 4)? as u32),
        TAG_TIMETICKS => Value::TimeTicks(decode_unsigned(tlv, 4)? as u32),
        TAG_OPAQUE => Value::Opaque(tlv.value.to_vec()),
        TAG_COUNTER64 => Value::Counter64(decode_unsigned(tlv, 8)?),
        TAG_NO_SUCH_OBJECT => Value::NoSuchObject,
        TAG_NO_SUCH_INSTANCE => Value::NoSuchInstance,
        TAG_END_OF_MIB_VIEW => Value::EndOfMibView,
        tag => Value::Other {
            tag,
            bytes: tlv.value.to_vec(),
        },
    })
}

fn decode_pdu(outer: &Reader<'_>, tlv: Tlv<'_>) -> Result<Pdu, ParseError> {
    let pdu_type = PduType::from_tag(tlv.tag)
        .ok_or_else(|| ParseError::malformed(WHAT, "an SNMP PDU tag (0xA0..0xA8)", tlv.offset))?;
    let mut r = outer.enter(tlv)?;
    if pdu_type == PduType::TrapV1 {
        // RFC 1157 Trap-PDU: enterprise, agent-addr, generic, specific, time-stamp, varbinds.
        // camsweep never asks for traps; the type is enough to tell it from an answer.
        return Ok(Pdu {
            pdu_type,
            request_id: 0,
            error_status: 0,
            error_index: 0,
            varbinds: Vec::new(),
        });
    }
    let request_id = r.integer("the PDU request-id (INTEGER)")?;
    let error_status = r.integer("the PDU error-status (INTEGER)")?;
    let error_index = r.integer("the PDU error-index (INTEGER)")?;
    let mut list = r.sequence("the variable-bindings SEQUENCE")?;
    let mut varbinds = Vec::new();
    while !list.is_empty() {
        if varbinds.len() == MAX_VARBINDS {
            return Err(ParseError::LimitExceeded {
                what: WHAT,
                limit_name: "variable bindings",
                limit: MAX_VARBINDS,
                offset: Some(list.at()),
            });
        }
        let mut vb = list.sequence("a VarBind SEQUENCE")?;
        let name = decode_oid(vb.expect(TAG_OID, "a VarBind name (OBJECT IDENTIFIER)")?)?;
        let value = decode_value(vb.tlv()?)?;
        varbinds.push(VarBind { name, value });
    }
    Ok(Pdu {
        pdu_type,
        request_id,
        error_status,
        error_index,
        varbinds,
    })
}

fn decode_usm(bytes: &[u8], offset: usize) -> Result<Usm, ParseError> {
    let mut outer = Reader::new(bytes);
    outer.base = offset;
    outer.depth = 2;
    let mut r = outer.sequence("the USM security parameters SEQUENCE")?;
    Ok(Usm {
        engine_id: r.octets("msgAuthoritativeEngineID")?.to_vec(),
        engine_boots: r.integer("msgAuthoritativeEngineBoots")?,
        engine_time: r.integer("msgAuthoritativeEngineTime")?,
        user_name: r.octets("msgUserName")?.to_vec(),
        auth_params: r.octets("msgAuthenticationParameters")?.to_vec(),
        priv_params: r.octets("msgPrivacyParameters")?.to_vec(),
    })
}

/// Decodes one SNMP message (v1, v2c or v3). Trailing bytes after the message are an error.
pub fn parse_message(input: &[u8]) -> Result<Message, ParseError> {
    check_len(WHAT, input, MAX_MESSAGE)?;
    let mut top = Reader::new(input);
    let mut msg = top.sequence("an SNMP message SEQUENCE")?;
    if !top.is_empty() {
        return Err(top.err("the end of the message"));
    }
    let version = msg.integer("the SNMP version (INTEGER)")?;
    match version {
        0 | 1 => {
            let community = msg.octets("the community (OCTET STRING)")?.to_vec();
            let pdu_tlv = msg.tlv()?;
            let pdu = decode_pdu(&msg, pdu_tlv)?;
            Ok(Message::Community {
                version,
                community,
                pdu,
            })
        }
        3 => {
            let mut global = msg.sequence("msgGlobalData SEQUENCE")?;
            let msg_id = global.integer("msgID")?;
            let max_size = global.integer("msgMaxSize")?;
            let flags_bytes = global.octets("msgFlags")?;
            let &[flags] = flags_bytes else {
                return Err(global.err("msgFlags of one octet"));
            };
            let security_model = global.integer("msgSecurityModel")?;
            let params = msg.expect(TAG_OCTET_STRING, "msgSecurityParameters (OCTET STRING)")?;
            let usm = if security_model == 3 {
                Some(decode_usm(params.value, params.offset)?)
            } else {
                None
            };
            let data = msg.tlv()?;
            let (context_engine_id, context_name, pdu) = match data.tag {
                TAG_SEQUENCE => {
                    let mut scoped = msg.enter(data)?;
                    let engine = scoped.octets("contextEngineID")?.to_vec();
                    let name = scoped.octets("contextName")?.to_vec();
                    let pdu_tlv = scoped.tlv()?;
                    let pdu = decode_pdu(&scoped, pdu_tlv)?;
                    (Some(engine), Some(name), Some(pdu))
                }
                // encryptedPDU: nothing to read without the key.
                TAG_OCTET_STRING => (None, None, None),
                _ => {
                    return Err(ParseError::malformed(
                        WHAT,
                        "a scopedPDU SEQUENCE or an encryptedPDU OCTET STRING",
                        data.offset,
                    ));
                }
            };
            Ok(Message::V3(Box::new(V3Message {
                msg_id,
                max_size,
                flags,
                security_model,
                usm,
                context_engine_id,
                context_name,
                pdu,
            })))
        }
        _ => Err(ParseError::Malformed {
            what: WHAT,
            expected: "SNMP version 0 (v1), 1 (v2c) or 3 (v3)",
            offset: None,
        }),
    }
}

// ---------------------------------------------------------------- engine IDs

/// The format of an RFC 3411 engine ID (its fifth octet).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EngineIdFormat {
    /// 1: an IPv4 address (4 octets).
    Ipv4,
    /// 2: an IPv6 address (16 octets).
    Ipv6,
    /// 3: a MAC address (6 octets).
    Mac,
    /// 4: administratively assigned text, at most 27 octets.
    Text,
    /// 5: administratively assigned octets, at most 27.
    Octets,
    /// 0 and 6..=127: reserved.
    Reserved(u8),
    /// 128..=255: defined by the enterprise.
    Enterprise(u8),
    /// The high bit of the first octet is clear: an RFC 1910 style engine ID (enterprise
    /// number then eight enterprise-defined octets), no format octet.
    Legacy,
}

impl EngineIdFormat {
    /// The word used in the `snmp.engine.format` field.
    pub fn name(self) -> String {
        match self {
            Self::Ipv4 => "ipv4".into(),
            Self::Ipv6 => "ipv6".into(),
            Self::Mac => "mac".into(),
            Self::Text => "text".into(),
            Self::Octets => "octets".into(),
            Self::Reserved(n) => format!("reserved-{n}"),
            Self::Enterprise(n) => format!("enterprise-{n}"),
            Self::Legacy => "legacy".into(),
        }
    }
}

/// A decoded `SnmpEngineID` (RFC 3411 section 5).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EngineId {
    /// The IANA private enterprise number of the agent's maker (the first four octets with the
    /// high bit cleared).
    pub enterprise: u32,
    pub format: EngineIdFormat,
    /// The octets after the format octet (after the enterprise number for `Legacy`).
    pub data: Vec<u8>,
}

impl EngineId {
    /// The data in its natural notation: dotted IPv4, IPv6, `aa:bb:..` MAC, the text (when
    /// printable), else lowercase hex.
    pub fn data_text(&self) -> String {
        match (self.format, self.data.len()) {
            (EngineIdFormat::Ipv4, 4) => {
                std::net::Ipv4Addr::new(self.data[0], self.data[1], self.data[2], self.data[3])
                    .to_string()
            }
            (EngineIdFormat::Ipv6, 16) => {
                let mut octets = [0u8; 16];
                octets.copy_from_slice(&self.data);
                std::net::Ipv6Addr::from(octets).to_string()
            }
            (EngineIdFormat::Mac, 6) => self
                .data
                .iter()
                .map(|b| format!("{b:02x}"))
                .collect::<Vec<_>>()
                .join(":"),
            (EngineIdFormat::Text, _)
                if self.data.iter().all(|b| b.is_ascii_graphic() || *b == b' ') =>
            {
                String::from_utf8_lossy(&self.data).into_owned()
            }
            _ => hex(&self.data),
        }
    }
}

/// Engine IDs are 5 to 32 octets (RFC 3411 `SnmpEngineID` SIZE(5..32)).
const ENGINE_ID_LEN: std::ops::RangeInclusive<usize> = 5..=32;

/// Decodes an engine ID's octets.
pub fn parse_engine_id(bytes: &[u8]) -> Result<EngineId, ParseError> {
    const WHAT_ID: &str = "snmp.engine_id";
    if !ENGINE_ID_LEN.contains(&bytes.len()) {
        return Err(ParseError::Malformed {
            what: WHAT_ID,
            expected: "an engine ID of 5 to 32 octets (RFC 3411)",
            offset: None,
        });
    }
    let enterprise = u32::from_be_bytes([bytes[0] & 0x7f, bytes[1], bytes[2], bytes[3]]);
    if bytes[0] & 0x80 == 0 {
        return Ok(EngineId {
            enterprise,
            format: EngineIdFormat::Legacy,
            data: bytes[4..].to_vec(),
        });
    }
    let format = match bytes[4] {
        1 => EngineIdFormat::Ipv4,
        2 => EngineIdFormat::Ipv6,
        3 => EngineIdFormat::Mac,
        4 => EngineIdFormat::Text,
        5 => EngineIdFormat::Octets,
        n @ 128..=255 => EngineIdFormat::Enterprise(n),
        n => EngineIdFormat::Reserved(n),
    };
    Ok(EngineId {
        enterprise,
        format,
        data: bytes[5..].to_vec(),
    })
}

/// Lowercase hex of `bytes` (the `snmp.engine_id` observation notation).
pub fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// Decodes lowercase or uppercase hex (optionally with `:`/space separators, or a `0x`
/// prefix) as an `snmp.engine_id` observation may carry it.
pub fn parse_hex(text: &str) -> Option<Vec<u8>> {
    let text = text.trim();
    let text = text
        .strip_prefix("0x")
        .or_else(|| text.strip_prefix("0X"))
        .unwrap_or(text);
    let digits: Vec<u8> = text
        .bytes()
        .filter(|b| !matches!(b, b':' | b' ' | b'-'))
        .collect();
    if digits.is_empty() || !digits.len().is_multiple_of(2) {
        return None;
    }
    digits
        .chunks(2)
        .map(|pair| {
            let s = std::str::from_utf8(pair).ok()?;
            u8::from_str_radix(s, 16).ok()
        })
        .collect()
}

// ---------------------------------------------------------------- what a probe learns

/// What one SNMP answer tells about a device, in observation terms.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Learned {
    /// What the answer answers: the msgID of a v3 message, the request-id of a v1/v2c PDU.
    pub answer_to: Option<i64>,
    /// The v3 authoritative engine ID (from a Report's USM parameters), raw octets.
    pub engine_id: Option<Vec<u8>>,
    pub engine_boots: Option<i64>,
    pub engine_time: Option<i64>,
    /// `sysDescr.0`, when a v1/v2c Response carried it as an OCTET STRING.
    pub sys_descr: Option<String>,
    /// `sysObjectID.0` in dotted notation.
    pub sys_object_id: Option<String>,
}

/// Decodes an answer to one of camsweep's requests and keeps what identifies the device.
/// Requests (a GetRequest sent back at us), traps and error answers teach nothing.
pub fn learn(input: &[u8]) -> Result<Learned, ParseError> {
    let mut out = Learned::default();
    match parse_message(input)? {
        Message::V3(m) => {
            out.answer_to = Some(m.msg_id);
            if let Some(usm) = m.usm
                && !usm.engine_id.is_empty()
                && matches!(
                    m.pdu.as_ref().map(|p| p.pdu_type),
                    Some(PduType::Report | PduType::Response) | None
                )
            {
                out.engine_id = Some(usm.engine_id);
                out.engine_boots = Some(usm.engine_boots);
                out.engine_time = Some(usm.engine_time);
            }
        }
        Message::Community { pdu, .. } => {
            out.answer_to = Some(pdu.request_id);
            if pdu.pdu_type == PduType::Response {
                if let Some(Value::OctetString(text)) = pdu.value(SYS_DESCR) {
                    out.sys_descr = Some(String::from_utf8_lossy(text).into_owned());
                }
                if let Some(Value::Oid(oid)) = pdu.value(SYS_OBJECT_ID) {
                    out.sys_object_id = Some(oid.to_string());
                }
            }
        }
    }
    Ok(out)
}

// ---------------------------------------------------------------- encoding

fn push_len(out: &mut Vec<u8>, len: usize) {
    if len < 0x80 {
        out.push(len as u8);
    } else {
        let bytes = (len as u32).to_be_bytes();
        let skip = bytes.iter().take_while(|b| **b == 0).count();
        out.push(0x80 | (4 - skip) as u8);
        out.extend_from_slice(&bytes[skip..]);
    }
}

fn tlv(tag: u8, content: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(content.len() + 6);
    out.push(tag);
    push_len(&mut out, content.len());
    out.extend_from_slice(content);
    out
}

fn integer(v: i64) -> Vec<u8> {
    let bytes = v.to_be_bytes();
    // Minimal two's complement: drop leading octets that only repeat the sign.
    let mut start = 0;
    while start < 7 {
        let (b, next) = (bytes[start], bytes[start + 1]);
        if (b == 0 && next & 0x80 == 0) || (b == 0xff && next & 0x80 != 0) {
            start += 1;
        } else {
            break;
        }
    }
    tlv(TAG_INTEGER, &bytes[start..])
}

fn oid(arcs: &[u32]) -> Vec<u8> {
    let mut content = Vec::new();
    let mut push_arc = |mut v: u64| {
        let mut tmp = [0u8; 10];
        let mut n = 0;
        loop {
            tmp[n] = (v & 0x7f) as u8;
            n += 1;
            v >>= 7;
            if v == 0 {
                break;
            }
        }
        for i in (0..n).rev() {
            content.push(tmp[i] | if i > 0 { 0x80 } else { 0 });
        }
    };
    match arcs {
        [first, second, rest @ ..] => {
            push_arc(u64::from(*first) * 40 + u64::from(*second));
            for arc in rest {
                push_arc(u64::from(*arc));
            }
        }
        [first] => push_arc(u64::from(*first) * 40),
        [] => {}
    }
    tlv(TAG_OID, &content)
}

fn concat(parts: &[Vec<u8>]) -> Vec<u8> {
    parts.concat()
}

/// Encodes a PDU with these bindings.
pub fn encode_pdu(pdu_type: PduType, request_id: i32, varbinds: &[(&[u32], Value)]) -> Vec<u8> {
    let list: Vec<u8> = varbinds
        .iter()
        .flat_map(|(name, value)| tlv(TAG_SEQUENCE, &concat(&[oid(name), encode_value(value)])))
        .collect();
    tlv(
        pdu_type.tag(),
        &concat(&[
            integer(i64::from(request_id)),
            integer(0),
            integer(0),
            tlv(TAG_SEQUENCE, &list),
        ]),
    )
}

/// Encodes a value (the lab agent answers with these).
pub fn encode_value(value: &Value) -> Vec<u8> {
    match value {
        Value::Integer(v) => integer(*v),
        Value::OctetString(b) => tlv(TAG_OCTET_STRING, b),
        Value::Null => tlv(TAG_NULL, &[]),
        Value::Oid(o) => oid(&o.0),
        Value::IpAddress(a) => tlv(TAG_IP_ADDRESS, a),
        Value::Counter32(v) => unsigned(TAG_COUNTER32, u64::from(*v)),
        Value::Gauge32(v) => unsigned(TAG_GAUGE32, u64::from(*v)),
        Value::TimeTicks(v) => unsigned(TAG_TIMETICKS, u64::from(*v)),
        Value::Opaque(b) => tlv(TAG_OPAQUE, b),
        Value::Counter64(v) => unsigned(TAG_COUNTER64, *v),
        Value::NoSuchObject => tlv(TAG_NO_SUCH_OBJECT, &[]),
        Value::NoSuchInstance => tlv(TAG_NO_SUCH_INSTANCE, &[]),
        Value::EndOfMibView => tlv(TAG_END_OF_MIB_VIEW, &[]),
        Value::Other { tag, bytes } => tlv(*tag, bytes),
    }
}

fn unsigned(tag: u8, v: u64) -> Vec<u8> {
    let bytes = v.to_be_bytes();
    let skip = bytes.iter().take_while(|b| **b == 0).count().min(7);
    let mut content = Vec::with_capacity(9);
    if bytes[skip] & 0x80 != 0 {
        content.push(0);
    }
    content.extend_from_slice(&bytes[skip..]);
    tlv(tag, &content)
}

/// An SNMPv1/v2c message. `version` 0 is v1, 1 is v2c.
pub fn encode_community_message(version: i64, community: &[u8], pdu: &[u8]) -> Vec<u8> {
    tlv(
        TAG_SEQUENCE,
        &concat(&[
            integer(version),
            tlv(TAG_OCTET_STRING, community),
            pdu.to_vec(),
        ]),
    )
}

/// The SNMPv2c GetRequest for `sysDescr.0` and `sysObjectID.0` with `community`. camsweep sends
/// it only with a community the operator configured for networks they own.
pub fn encode_v2c_get(community: &[u8], request_id: i32) -> Vec<u8> {
    let pdu = encode_pdu(
        PduType::GetRequest,
        request_id,
        &[(SYS_DESCR, Value::Null), (SYS_OBJECT_ID, Value::Null)],
    );
    encode_community_message(1, community, &pdu)
}

/// The `msgMaxSize` camsweep announces: the largest UDP payload it reads.
pub const OUR_MAX_SIZE: i64 = 65_507;

/// An SNMPv3 message with USM parameters and a plaintext scoped PDU.
pub fn encode_v3_message(
    msg_id: i32,
    flags: u8,
    usm: &Usm,
    context_engine_id: &[u8],
    pdu: &[u8],
) -> Vec<u8> {
    let params = tlv(
        TAG_SEQUENCE,
        &concat(&[
            tlv(TAG_OCTET_STRING, &usm.engine_id),
            integer(usm.engine_boots),
            integer(usm.engine_time),
            tlv(TAG_OCTET_STRING, &usm.user_name),
            tlv(TAG_OCTET_STRING, &usm.auth_params),
            tlv(TAG_OCTET_STRING, &usm.priv_params),
        ]),
    );
    tlv(
        TAG_SEQUENCE,
        &concat(&[
            integer(3),
            tlv(
                TAG_SEQUENCE,
                &concat(&[
                    integer(i64::from(msg_id)),
                    integer(OUR_MAX_SIZE),
                    tlv(TAG_OCTET_STRING, &[flags]),
                    integer(3),
                ]),
            ),
            tlv(TAG_OCTET_STRING, &params),
            tlv(
                TAG_SEQUENCE,
                &concat(&[
                    tlv(TAG_OCTET_STRING, context_engine_id),
                    tlv(TAG_OCTET_STRING, &[]),
                    pdu.to_vec(),
                ]),
            ),
        ]),
    )
}

/// `msgFlags` reportableFlag (RFC 3412 section 6.4).
pub const FLAG_REPORTABLE: u8 = 0x04;

/// The SNMPv3 engine-ID discovery request of RFC 3414 section 4: noAuthNoPriv with the
/// reportable flag, USM with an empty engine ID, zero boots and time, an empty user name and
/// empty authentication and privacy parameters, and a GetRequest with no bindings. An agent
/// answers with a Report (usmStatsUnknownEngineIDs) carrying its engine ID. No credential is
/// sent or guessed.
pub fn encode_v3_discovery(msg_id: i32, request_id: i32) -> Vec<u8> {
    let usm = Usm::unauthenticated(Vec::new(), 0, 0);
    let pdu = encode_pdu(PduType::GetRequest, request_id, &[]);
    encode_v3_message(msg_id, FLAG_REPORTABLE, &usm, &[], &pdu)
}

/// How an SNMPv3 agent answers a request it cannot process (RFC 3414 section 3.2): a Report
/// PDU binding one usmStats counter (`usmStatsUnknownEngineIDs.0` for engine-ID discovery) to
/// `count`, in a message with the agent's USM parameters and its engine ID as context engine
/// ID. Used by the lab's agent and by tests.
pub fn encode_report(
    msg_id: i32,
    request_id: i32,
    usm: &Usm,
    counter: &[u32],
    count: u32,
) -> Vec<u8> {
    let pdu = encode_pdu(
        PduType::Report,
        request_id,
        &[(counter, Value::Counter32(count))],
    );
    encode_v3_message(msg_id, 0, usm, &usm.engine_id, &pdu)
}

#[cfg(test)]
mod tests;
