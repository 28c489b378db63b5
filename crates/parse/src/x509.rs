//! X.509 certificates (PEM or base64 DER), via x509-parser.

use base64::Engine;
use x509_parser::extensions::GeneralName;
use x509_parser::prelude::{FromDer, X509Certificate, X509Name};

use crate::{MAX_INPUT, ParseError, error::check_len};

/// Most subject alternative names kept.
const MAX_SANS: usize = 256;

/// What identifies a device in its certificate.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Certificate {
    /// Subject DN, RFC 4514-style text.
    pub subject: String,
    /// Issuer DN, RFC 4514-style text.
    pub issuer: String,
    /// Subject CNs.
    pub subject_cn: Vec<String>,
    /// Subject organisations.
    pub subject_o: Vec<String>,
    /// Subject organisational units.
    pub subject_ou: Vec<String>,
    /// Issuer CNs.
    pub issuer_cn: Vec<String>,
    /// Issuer organisations.
    pub issuer_o: Vec<String>,
    /// Issuer organisational units.
    pub issuer_ou: Vec<String>,
    /// DNS names and IP addresses from subjectAltName.
    pub sans: Vec<String>,
    /// Whether subject and issuer are the same (self-signed, as device defaults are).
    pub self_issued: bool,
}

fn strings(name: &X509Name<'_>, which: fn(&X509Name<'_>) -> Vec<String>) -> Vec<String> {
    which(name)
}

fn cns(n: &X509Name<'_>) -> Vec<String> {
    n.iter_common_name()
        .filter_map(|a| a.as_str().ok())
        .map(str::to_owned)
        .collect()
}
fn orgs(n: &X509Name<'_>) -> Vec<String> {
    n.iter_organization()
        .filter_map(|a| a.as_str().ok())
        .map(str::to_owned)
        .collect()
}
fn units(n: &X509Name<'_>) -> Vec<String> {
    n.iter_organizational_unit()
        .filter_map(|a| a.as_str().ok())
        .map(str::to_owned)
        .collect()
}

/// Decodes the DER bytes of a certificate given as PEM or bare base64 (whitespace allowed).
fn der_bytes(input: &str) -> Result<Vec<u8>, ParseError> {
    const WHAT: &str = "tls.cert";
    let text = input.trim();
    let body = if let Some(begin) = text.find("-----BEGIN CERTIFICATE-----") {
        let after = &text[begin + "-----BEGIN CERTIFICATE-----".len()..];
        let end = after
            .find("-----END CERTIFICATE-----")
            .ok_or(ParseError::Malformed {
                what: WHAT,
                expected: "-----END CERTIFICATE-----",
                offset: Some(begin),
            })?;
        &after[..end]
    } else {
        text
    };
    let compact: String = body.chars().filter(|c| !c.is_whitespace()).collect();
    base64::engine::general_purpose::STANDARD
        .decode(compact.as_bytes())
        .map_err(|e| ParseError::Certificate {
            what: WHAT,
            message: format!("not PEM or base64 DER: {e}"),
        })
}

/// Parses a certificate given as PEM or base64 DER (the first certificate if several).
pub fn parse_certificate(input: &str) -> Result<Certificate, ParseError> {
    const WHAT: &str = "tls.cert";
    check_len(WHAT, input.as_bytes(), MAX_INPUT)?;
    let der = der_bytes(input)?;
    parse_der(&der)
}

/// Parses a DER certificate.
pub fn parse_der(der: &[u8]) -> Result<Certificate, ParseError> {
    const WHAT: &str = "tls.cert";
    check_len(WHAT, der, MAX_INPUT)?;
    let (_, cert) = X509Certificate::from_der(der).map_err(|e| ParseError::Certificate {
        what: WHAT,
        message: format!("not an X.509 certificate: {e}"),
    })?;
    let subject = cert.subject();
    let issuer = cert.issuer();
    let mut sans = Vec::new();
    if let Ok(Some(ext)) = cert.subject_alternative_name() {
        for name in &ext.value.general_names {
            if sans.len() == MAX_SANS {
                break;
            }
            match name {
                GeneralName::DNSName(dns) => sans.push((*dns).to_owned()),
                GeneralName::IPAddress(bytes) => {
                    if let Ok(v4) = <[u8; 4]>::try_from(*bytes) {
                        sans.push(std::net::Ipv4Addr::from(v4).to_string());
                    } else if let Ok(v6) = <[u8; 16]>::try_from(*bytes) {
                        sans.push(std::net::Ipv6Addr::from(v6).to_string());
                    }
                }
                _ => {}
            }
        }
    }
    Ok(Certificate {
        subject: subject.to_string(),
        issuer: issuer.to_string(),
        subject_cn: strings(subject, cns),
        subject_o: strings(subject, orgs),
        subject_ou: strings(subject, units),
        issuer_cn: strings(issuer, cns),
        issuer_o: strings(issuer, orgs),
        issuer_ou: strings(issuer, units),
        sans,
        self_issued: subject.as_raw() == issuer.as_raw(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rejects_garbage() {
        assert!(matches!(
            parse_certificate("not a cert!"),
            Err(ParseError::Certificate { .. })
        ));
        assert!(matches!(
            parse_certificate("aGVsbG8="),
            Err(ParseError::Certificate { .. })
        ));
        assert!(matches!(
            parse_certificate("-----BEGIN CERTIFICATE-----\nAAAA"),
            Err(ParseError::Malformed { .. })
        ));
    }
}
