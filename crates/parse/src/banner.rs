//! Plain-text banners (SSH, telnet, FTP, SNMP, DHCP, SIP).

/// Longest banner kept, in bytes.
const BANNER_MAX: usize = 4096;

/// A banner trimmed of surrounding whitespace and NULs, bounded to 4 KiB.
pub fn clean(banner: &str) -> String {
    let trimmed = banner.trim_matches(|c: char| c.is_whitespace() || c == '\0');
    crate::text::truncate(trimmed, BANNER_MAX).to_owned()
}

/// Telnet option negotiation bytes.
const IAC: u8 = 0xff;
const SB: u8 = 0xfa;
const SE: u8 = 0xf0;

/// Removes telnet IAC sequences (`IAC WILL/WONT/DO/DONT opt`, `IAC SB ... IAC SE`, two-byte
/// commands) and other control characters (except newlines and tabs) from raw bytes.
pub fn strip_telnet_bytes(raw: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(raw.len());
    let mut i = 0;
    while i < raw.len() {
        let b = raw[i];
        if b == IAC {
            match raw.get(i + 1) {
                Some(&IAC) => {
                    // Escaped 0xff data byte: not text we keep.
                    i += 2;
                }
                Some(&SB) => {
                    // Skip to IAC SE (or the end).
                    let mut j = i + 2;
                    while j + 1 < raw.len() && !(raw[j] == IAC && raw[j + 1] == SE) {
                        j += 1;
                    }
                    i = (j + 2).min(raw.len()).max(i + 2);
                }
                Some(&cmd) if (0xfb..=0xfe).contains(&cmd) => i += 3,
                Some(_) => i += 2,
                None => i += 1,
            }
            continue;
        }
        if b >= 0x20 || b == b'\n' || b == b'\t' || b == b'\r' {
            out.push(b);
        }
        i += 1;
    }
    out
}

/// Removes telnet negotiation from a banner stored as text.
///
/// Observations store binary replies lossily as UTF-8, so `IAC DO opt` arrives as
/// `U+FFFD U+FFFD opt` (0xff and 0xfb..0xfe are not valid UTF-8 on their own); a Latin-1
/// decoding gives `ÿ û opt`. Both are removed, with the option character that follows.
pub fn strip_telnet(banner: &str) -> String {
    let mut out = String::with_capacity(banner.len());
    let mut chars = banner.chars().peekable();
    while let Some(c) = chars.next() {
        if c == '\u{fffd}' || c == '\u{ff}' {
            // A command follows the IAC; a 3-byte negotiation also carries an option byte.
            match chars.peek().copied() {
                Some('\u{fffd}') | Some('\u{fb}'..='\u{fe}') => {
                    chars.next();
                    chars.next();
                }
                Some('\u{fa}') => {
                    // Subnegotiation: skip to IAC SE.
                    chars.next();
                    while let Some(x) = chars.next() {
                        if (x == '\u{fffd}' || x == '\u{ff}')
                            && matches!(chars.peek(), Some('\u{f0}') | Some('\u{fffd}'))
                        {
                            chars.next();
                            break;
                        }
                    }
                }
                Some(_) => {
                    chars.next();
                }
                None => {}
            }
            continue;
        }
        if !c.is_control() || c == '\n' || c == '\t' {
            out.push(c);
        }
    }
    clean(&out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strips_iac_from_bytes_and_lossy_text() {
        let raw = b"\xff\xfb\x01\xff\xfb\x03\xff\xfd\x18\xff\xfa\x18\x01\xff\xf0\r\n(none) login: ";
        assert_eq!(strip_telnet_bytes(raw), b"\r\n(none) login: ".to_vec());
        let lossy = String::from_utf8_lossy(raw);
        assert_eq!(strip_telnet(&lossy), "(none) login:");
        assert_eq!(strip_telnet("\u{ff}\u{fb}\u{1}Welcome\r\n"), "Welcome");
    }

    #[test]
    fn clean_trims() {
        assert_eq!(clean("  SSH-2.0-dropbear\r\n\0"), "SSH-2.0-dropbear");
    }
}
