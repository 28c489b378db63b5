//! Distinguished names as text: RFC 4514 (`CN=IPC,O=Hikvision`), OpenSSL's default
//! (`C = CN, O = Hikvision, CN = IPC`), OpenSSL's slash form (`/C=CN/O=Hikvision/CN=IPC`) and
//! nmap's long names (`commonName=IPC/organizationName=Hikvision`).

use crate::{MAX_INPUT, ParseError, error::check_len};

/// Most attributes accepted in one name.
const MAX_ATTRIBUTES: usize = 64;

/// A parsed distinguished name: attributes in the order written, short upper-case types.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct DistinguishedName {
    /// `(type, value)` pairs, type normalised to its short upper-case form (`CN`, `O`, `OU`,
    /// `C`, `L`, `ST`, `SERIALNUMBER`, `EMAILADDRESS`...).
    pub attributes: Vec<(String, String)>,
}

impl DistinguishedName {
    /// Every value of attribute type `short` (e.g. `"OU"`), in order.
    pub fn values<'s>(&'s self, short: &'s str) -> impl Iterator<Item = &'s str> + 's {
        self.attributes
            .iter()
            .filter(move |(t, _)| t == short)
            .map(|(_, v)| v.as_str())
    }

    /// The first common name.
    pub fn cn(&self) -> Option<&str> {
        self.values("CN").next()
    }
}

/// The short form of an attribute type name.
fn short_type(name: &str) -> String {
    let upper = name.trim().to_ascii_uppercase();
    let short = match upper.as_str() {
        "COMMONNAME" => "CN",
        "ORGANIZATIONNAME" | "ORGANISATIONNAME" => "O",
        "ORGANIZATIONALUNITNAME" | "ORGANISATIONALUNITNAME" => "OU",
        "COUNTRYNAME" => "C",
        "LOCALITYNAME" => "L",
        "STATEORPROVINCENAME" | "S" => "ST",
        "EMAIL" | "E" => "EMAILADDRESS",
        "2.5.4.3" => "CN",
        "2.5.4.10" => "O",
        "2.5.4.11" => "OU",
        "2.5.4.5" => "SERIALNUMBER",
        _ => return upper,
    };
    short.to_owned()
}

fn is_type_name(s: &str) -> bool {
    let s = s.trim();
    !s.is_empty()
        && s.len() <= 64
        && s.bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'.' || b == b'-')
}

/// Splits on unescaped `separators` outside double quotes.
fn split_unescaped<'s>(s: &'s str, separators: &[char]) -> Vec<&'s str> {
    let mut parts = Vec::new();
    let mut start = 0;
    let mut escaped = false;
    let mut quoted = false;
    for (i, c) in s.char_indices() {
        if escaped {
            escaped = false;
            continue;
        }
        match c {
            '\\' => escaped = true,
            '"' => quoted = !quoted,
            c if !quoted && separators.contains(&c) => {
                parts.push(&s[start..i]);
                start = i + c.len_utf8();
            }
            _ => {}
        }
    }
    parts.push(&s[start..]);
    parts
}

/// Removes RFC 4514 escapes (`\,`, `\2C`) and surrounding quotes.
fn unescape(value: &str) -> String {
    let value = value.trim();
    let value = value
        .strip_prefix('"')
        .and_then(|v| v.strip_suffix('"'))
        .unwrap_or(value);
    if !value.contains('\\') {
        return value.to_owned();
    }
    let bytes = value.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'\\' && i + 1 < bytes.len() {
            let hex = bytes
                .get(i + 1..i + 3)
                .and_then(|h| std::str::from_utf8(h).ok())
                .and_then(|h| u8::from_str_radix(h, 16).ok());
            match hex {
                Some(b) => {
                    out.push(b);
                    i += 3;
                }
                None => {
                    out.push(bytes[i + 1]);
                    i += 2;
                }
            }
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// Parses a distinguished name in any of the common text forms.
pub fn parse(input: &str) -> Result<DistinguishedName, ParseError> {
    const WHAT: &str = "distinguished name";
    check_len(WHAT, input.as_bytes(), MAX_INPUT)?;
    let text = input.trim();
    // Slash form: starts with '/', or has no comma and `/type=` occurs (nmap).
    let slash_form = text.starts_with('/')
        || (!text.contains(',')
            && text
                .split('/')
                .skip(1)
                .any(|p| p.split_once('=').is_some_and(|(t, _)| is_type_name(t))));
    let rdns: Vec<&str> = if slash_form {
        // In the slash form, a '/' inside a value (e.g. a model `DS-7208HUHI-F2/N`) is kept
        // by re-joining pieces that do not start with `type=`.
        let mut parts: Vec<String> = Vec::new();
        for piece in text.trim_start_matches('/').split('/') {
            let starts_attr = piece.split_once('=').is_some_and(|(t, _)| is_type_name(t));
            match parts.last_mut() {
                Some(last) if !starts_attr => {
                    last.push('/');
                    last.push_str(piece);
                }
                _ => parts.push(piece.to_owned()),
            }
        }
        let mut dn = DistinguishedName::default();
        for part in parts {
            push_attribute(WHAT, &mut dn, &part)?;
        }
        return finish(WHAT, dn);
    } else {
        split_unescaped(text, &[',', ';', '+'])
    };
    let mut dn = DistinguishedName::default();
    for rdn in rdns {
        if rdn.trim().is_empty() {
            continue;
        }
        if !rdn.contains('=') {
            // A value with an unescaped comma (`O=Acme, Inc.`): belongs to the previous one.
            if let Some((_, last)) = dn.attributes.last_mut() {
                last.push(',');
                last.push_str(rdn);
                continue;
            }
        }
        push_attribute(WHAT, &mut dn, rdn)?;
    }
    finish(WHAT, dn)
}

fn push_attribute(
    what: &'static str,
    dn: &mut DistinguishedName,
    rdn: &str,
) -> Result<(), ParseError> {
    let Some((name, value)) = rdn.split_once('=') else {
        return Err(ParseError::Malformed {
            what,
            expected: "type=value attributes",
            offset: None,
        });
    };
    if !is_type_name(name) {
        return Err(ParseError::Malformed {
            what,
            expected: "an attribute type name",
            offset: None,
        });
    }
    if dn.attributes.len() == MAX_ATTRIBUTES {
        return Err(ParseError::LimitExceeded {
            what,
            limit_name: "attributes",
            limit: MAX_ATTRIBUTES,
            offset: None,
        });
    }
    dn.attributes.push((short_type(name), unescape(value)));
    Ok(())
}

fn finish(what: &'static str, dn: DistinguishedName) -> Result<DistinguishedName, ParseError> {
    if dn.attributes.is_empty() {
        return Err(ParseError::Malformed {
            what,
            expected: "at least one type=value attribute",
            offset: None,
        });
    }
    Ok(dn)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn attrs(s: &str) -> Vec<(String, String)> {
        parse(s).unwrap().attributes
    }

    fn pairs(v: &[(&str, &str)]) -> Vec<(String, String)> {
        v.iter()
            .map(|(a, b)| (a.to_string(), b.to_string()))
            .collect()
    }

    #[test]
    fn all_forms() {
        let want = pairs(&[("C", "CN"), ("O", "Hikvision"), ("CN", "192.168.1.64")]);
        assert_eq!(attrs("C=CN,O=Hikvision,CN=192.168.1.64"), want);
        assert_eq!(attrs("C = CN, O = Hikvision, CN = 192.168.1.64"), want);
        assert_eq!(attrs("/C=CN/O=Hikvision/CN=192.168.1.64"), want);
        assert_eq!(
            attrs("countryName=CN/organizationName=Hikvision/commonName=192.168.1.64"),
            want
        );
    }

    #[test]
    fn escapes_multivalue_and_real_samples() {
        assert_eq!(
            attrs(r"O=Acme\, Inc.,CN=x"),
            pairs(&[("O", "Acme, Inc."), ("CN", "x")])
        );
        assert_eq!(
            attrs("O=Acme, Inc., CN=x"),
            pairs(&[("O", "Acme, Inc."), ("CN", "x")])
        );
        let hp = parse(include_str!("../testdata/hp_x509_subject.txt")).unwrap();
        assert_eq!(
            hp.values("OU").collect::<Vec<_>>(),
            vec!["2C413883186A", "J8028E"]
        );
        let bosch = parse(include_str!("../testdata/bosch_x509_issuer.txt")).unwrap();
        assert_eq!(bosch.cn(), Some("00-07-5f-11-11-11"));
        assert_eq!(
            bosch.values("O").next(),
            Some("Bosch Sicherheitssysteme GmbH")
        );
        assert_eq!(
            attrs("/CN=DS-7208HUHI-F2/N/O=x"),
            pairs(&[("CN", "DS-7208HUHI-F2/N"), ("O", "x")])
        );
    }

    #[test]
    fn rejects_non_dns() {
        assert!(parse("").is_err());
        assert!(parse("just text").is_err());
    }
}
