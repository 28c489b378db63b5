//! MAC addresses: one type, one grammar, for the scanner, the parsers, the register and the
//! imports (there were five normalisers, and one accepted what another refused).

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// A 48-bit MAC address, written `aa:bb:cc:dd:ee:ff`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Mac([u8; 6]);

/// Text that is not a MAC address.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error(
    "{0:?} is not a MAC address (expected six hex octets: aa:bb:cc:dd:ee:ff, aa-bb-cc-dd-ee-ff, aabb.ccdd.eeff or aabbccddeeff)"
)]
pub struct MacError(pub String);

impl Mac {
    /// The six octets.
    pub fn octets(self) -> [u8; 6] {
        self.0
    }

    /// Whether the address can name one device: not all zeros, not broadcast, not multicast
    /// (the group bit). Such values turn up in observations and must not merge devices.
    pub fn identifies_a_device(self) -> bool {
        self.0 != [0; 6] && self.0 != [0xff; 6] && self.0[0] & 1 == 0
    }

    /// The 24-bit organisationally unique prefix.
    pub fn oui(self) -> [u8; 3] {
        [self.0[0], self.0[1], self.0[2]]
    }

    /// Parses the notations tools print: `:` or `-` separated octets (one or two hex digits
    /// each, as `arp` prints them), Cisco dotted `aabb.ccdd.eeff`, bare 12-digit hex; case-
    /// insensitive, surrounding whitespace ignored.
    pub fn parse(text: &str) -> Result<Mac, MacError> {
        parse_octets(text.trim())
            .map(Mac)
            .ok_or_else(|| MacError(clip(text)))
    }
}

fn clip(text: &str) -> String {
    text.chars().take(40).collect()
}

fn hex(part: &str) -> Option<u8> {
    // `from_str_radix` accepts a leading '+': check the digits first.
    (!part.is_empty() && part.len() <= 2 && part.bytes().all(|b| b.is_ascii_hexdigit()))
        .then(|| u8::from_str_radix(part, 16).ok())
        .flatten()
}

fn parse_octets(s: &str) -> Option<[u8; 6]> {
    let mut octets = [0u8; 6];
    if s.len() > 17 {
        return None;
    }
    if let Some(separator) = [':', '-'].into_iter().find(|&c| s.contains(c)) {
        let mut parts = s.split(separator);
        for octet in &mut octets {
            *octet = hex(parts.next()?)?;
        }
        return parts.next().is_none().then_some(octets);
    }
    let digits: String = if s.contains('.') {
        let groups: Vec<&str> = s.split('.').collect();
        if groups.len() != 3 || groups.iter().any(|g| g.len() != 4) {
            return None;
        }
        groups.concat()
    } else {
        s.to_owned()
    };
    if digits.len() != 12 || !digits.bytes().all(|b| b.is_ascii_hexdigit()) {
        return None;
    }
    for (i, octet) in octets.iter_mut().enumerate() {
        *octet = u8::from_str_radix(&digits[2 * i..2 * i + 2], 16).ok()?;
    }
    Some(octets)
}

impl FromStr for Mac {
    type Err = MacError;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Mac::parse(s)
    }
}

impl fmt::Display for Mac {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let [a, b, c, d, e, g] = self.0;
        write!(f, "{a:02x}:{b:02x}:{c:02x}:{d:02x}:{e:02x}:{g:02x}")
    }
}

impl Serialize for Mac {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Mac {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let text = String::deserialize(d)?;
        Mac::parse(&text).map_err(serde::de::Error::custom)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accepts_common_notations() {
        for input in [
            "AA:BB:CC:DD:EE:FF",
            "aa-bb-cc-dd-ee-ff",
            "aabb.ccdd.eeff",
            "AABBCCDDEEFF",
            "  aa:bb:cc:dd:ee:ff\n",
        ] {
            assert_eq!(
                Mac::parse(input).map(|m| m.to_string()).as_deref(),
                Ok("aa:bb:cc:dd:ee:ff"),
                "{input}"
            );
        }
        assert_eq!(
            Mac::parse("0:1:2:a:b:c").unwrap().to_string(),
            "00:01:02:0a:0b:0c"
        );
    }

    #[test]
    fn rejects_non_macs() {
        for input in [
            "",
            "zz:zz",
            "aa:bb:cc:dd:ee",
            "aa:bb:cc:dd:ee:ff:00",
            "aa:bb:cc:dd:ee:fg",
            "aabbccddeef",
            "aabb.ccdd.eef0.0",
            "+a:bb:cc:dd:ee:ff",
            "aa:bb-cc:dd:ee:ff",
            "ää:bb:cc:dd:ee:ff",
            "aab.bccd.deeff",
            "aa bb cc dd ee ff",
        ] {
            assert!(Mac::parse(input).is_err(), "{input}");
        }
    }

    #[test]
    fn zero_broadcast_and_group_addresses_identify_nothing() {
        for (text, identifies) in [
            ("00:00:00:00:00:00", false),
            ("ff:ff:ff:ff:ff:ff", false),
            ("01:00:5e:00:00:01", false),
            ("04:03:12:00:00:01", true),
        ] {
            assert_eq!(Mac::parse(text).unwrap().identifies_a_device(), identifies);
        }
    }

    #[test]
    fn serde_round_trips_and_refuses_bad_text() {
        let mac: Mac = serde_json::from_str("\"04-03-12-00-00-01\"").unwrap();
        assert_eq!(
            serde_json::to_string(&mac).unwrap(),
            "\"04:03:12:00:00:01\""
        );
        assert!(serde_json::from_str::<Mac>("\"zz:zz\"").is_err());
    }
}
