//! MAC address notations.

/// Normalises a MAC address to lowercase `aa:bb:cc:dd:ee:ff`.
///
/// Accepts `:` or `-` separated octets (one or two hex digits each, as `arp` prints them),
/// Cisco dotted `aabb.ccdd.eeff`, and bare 12-digit hex, with surrounding whitespace.
/// Returns `None` for anything else.
pub fn normalise_mac(s: &str) -> Option<String> {
    camsweep_model::Mac::parse(s)
        .ok()
        .map(|mac| mac.to_string())
}

#[cfg(test)]
mod tests {
    use super::normalise_mac;

    // The grammar is tested with `camsweep_model::Mac`; this checks the text form.
    #[test]
    fn normalises_to_lowercase_colons() {
        assert_eq!(
            normalise_mac("AABB.CCDD.EEFF").as_deref(),
            Some("aa:bb:cc:dd:ee:ff")
        );
        assert_eq!(normalise_mac("aa:bb"), None);
    }
}
