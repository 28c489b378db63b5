//! MAC address notations.

/// Normalises a MAC address to lowercase `aa:bb:cc:dd:ee:ff`.
///
/// Accepts `:` or `-` separated octets (one or two hex digits each, as `arp` prints them),
/// Cisco dotted `aabb.ccdd.eeff`, and bare 12-digit hex, with surrounding whitespace.
/// Returns `None` for anything else.
pub fn normalise_mac(s: &str) -> Option<String> {
    let s = s.trim();
    if s.len() > 17 * 2 {
        return None;
    }
    let mut octets = [0u8; 6];
    if s.contains([':', '-']) {
        let separator = if s.contains(':') { ':' } else { '-' };
        let mut count = 0;
        for part in s.split(separator) {
            if count == 6 || part.is_empty() || part.len() > 2 {
                return None;
            }
            octets[count] = u8::from_str_radix(part, 16).ok()?;
            // from_str_radix accepts a leading '+'.
            if !part.bytes().all(|b| b.is_ascii_hexdigit()) {
                return None;
            }
            count += 1;
        }
        if count != 6 {
            return None;
        }
    } else {
        let mut digits = [0u8; 12];
        let mut count = 0;
        let dotted = s.contains('.');
        if dotted {
            let groups: Vec<&str> = s.split('.').collect();
            if groups.len() != 3 || groups.iter().any(|g| g.len() != 4) {
                return None;
            }
        }
        for b in s.bytes() {
            if b == b'.' && dotted {
                continue;
            }
            let digit = (b as char).to_digit(16)? as u8;
            if count == 12 {
                return None;
            }
            digits[count] = digit;
            count += 1;
        }
        if count != 12 {
            return None;
        }
        for (i, octet) in octets.iter_mut().enumerate() {
            *octet = digits[2 * i] << 4 | digits[2 * i + 1];
        }
    }
    let mut out = String::with_capacity(17);
    for (i, octet) in octets.iter().enumerate() {
        if i > 0 {
            out.push(':');
        }
        out.push(char::from_digit(u32::from(octet >> 4), 16).unwrap_or('0'));
        out.push(char::from_digit(u32::from(octet & 0xf), 16).unwrap_or('0'));
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::normalise_mac;

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
                normalise_mac(input).as_deref(),
                Some("aa:bb:cc:dd:ee:ff"),
                "{input}"
            );
        }
        assert_eq!(
            normalise_mac("0:1:2:a:b:c").as_deref(),
            Some("00:01:02:0a:0b:0c")
        );
    }

    #[test]
    fn rejects_non_macs() {
        for input in [
            "",
            "aa:bb:cc:dd:ee",
            "aa:bb:cc:dd:ee:ff:00",
            "aa:bb:cc:dd:ee:fg",
            "aabbccddeef",
            "aabb.ccdd.eef0.0",
            "+a:bb:cc:dd:ee:ff",
            "aa:bb-cc:dd:ee:ff",
            "ää:bb:cc:dd:ee:ff",
            "aab.bccd.deeff",
        ] {
            assert_eq!(normalise_mac(input), None, "{input}");
        }
    }
}
