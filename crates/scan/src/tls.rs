//! TLS: a rustls client that records and accepts any certificate (the scanner inventories
//! devices, it does not trust them), and for TLS 1.0/1.1-only devices, which rustls cannot talk
//! to, a hand-built ClientHello whose answer is parsed with tls-parser to read the certificate
//! from the (cleartext, before TLS 1.3) handshake.

use std::net::IpAddr;
use std::sync::Arc;

use rustls::client::danger::{HandshakeSignatureValid, ServerCertVerified, ServerCertVerifier};
use rustls::crypto::CryptoProvider;
use rustls::pki_types::{CertificateDer, ServerName, UnixTime};
use rustls::{ClientConfig, DigitallySignedStruct, SignatureScheme};
use tls_parser::{TlsMessage, TlsMessageHandshake, TlsRecordType};
use tokio::io::{AsyncRead, AsyncWrite};
use tokio::time::Instant;
use tokio_rustls::TlsConnector;

use crate::config::Limits;
use crate::error::ScanError;
use crate::net::{ReadStop, read_more, write_all};
use crate::wire::Failure;

/// Accepts every certificate: the scanner records certificates as evidence and never sends
/// anything secret over these connections except user-supplied device credentials, which the
/// user scoped to the address.
#[derive(Debug)]
struct AcceptAnyCertificate(Arc<CryptoProvider>);

impl ServerCertVerifier for AcceptAnyCertificate {
    fn verify_server_cert(
        &self,
        _end_entity: &CertificateDer<'_>,
        _intermediates: &[CertificateDer<'_>],
        _server_name: &ServerName<'_>,
        _ocsp_response: &[u8],
        _now: UnixTime,
    ) -> Result<ServerCertVerified, rustls::Error> {
        Ok(ServerCertVerified::assertion())
    }

    fn verify_tls12_signature(
        &self,
        _message: &[u8],
        _cert: &CertificateDer<'_>,
        _dss: &DigitallySignedStruct,
    ) -> Result<HandshakeSignatureValid, rustls::Error> {
        Ok(HandshakeSignatureValid::assertion())
    }

    fn verify_tls13_signature(
        &self,
        _message: &[u8],
        _cert: &CertificateDer<'_>,
        _dss: &DigitallySignedStruct,
    ) -> Result<HandshakeSignatureValid, rustls::Error> {
        Ok(HandshakeSignatureValid::assertion())
    }

    fn supported_verify_schemes(&self) -> Vec<SignatureScheme> {
        self.0.signature_verification_algorithms.supported_schemes()
    }
}

/// The scan's TLS client configuration (ring provider, chosen explicitly so that no process-wide
/// default provider is needed).
pub(crate) fn client_config() -> Result<Arc<ClientConfig>, ScanError> {
    let provider = Arc::new(rustls::crypto::ring::default_provider());
    let config = ClientConfig::builder_with_provider(provider.clone())
        .with_safe_default_protocol_versions()
        .map_err(|e| ScanError::Tls(e.to_string()))?
        .dangerous()
        .with_custom_certificate_verifier(Arc::new(AcceptAnyCertificate(provider)))
        .with_no_client_auth();
    Ok(Arc::new(config))
}

/// A completed handshake: the TLS stream and the leaf certificate (DER).
pub(crate) async fn handshake<S: AsyncRead + AsyncWrite + Unpin>(
    config: &Arc<ClientConfig>,
    addr: IpAddr,
    stream: S,
    deadline: Instant,
) -> Result<(tokio_rustls::client::TlsStream<S>, Option<Vec<u8>>), Failure> {
    let connector = TlsConnector::from(config.clone());
    let name = ServerName::IpAddress(addr.into());
    match tokio::time::timeout_at(deadline, connector.connect(name, stream)).await {
        Ok(Ok(tls)) => {
            let cert = tls
                .get_ref()
                .1
                .peer_certificates()
                .and_then(|c| c.first())
                .map(|c| c.as_ref().to_vec());
            Ok((tls, cert))
        }
        Ok(Err(e)) if crate::net::is_reset(&e) => Err(Failure::Stop(ReadStop::Reset)),
        Ok(Err(e)) => Err(Failure::Malformed(format!("TLS handshake failed: {e}"))),
        Err(_) => Err(Failure::Stop(ReadStop::TimedOut {
            received: 0,
            total: true,
        })),
    }
}

/// A TLS 1.2 ClientHello (record version 1.0) offering the suites old cameras speak, so that a
/// TLS 1.0/1.1-only server answers with its version, and its certificate in the clear.
pub(crate) fn legacy_client_hello() -> Vec<u8> {
    let suites: &[u16] = &[
        0xc02f, 0xc030, 0xc02b, 0xc02c, 0xc013, 0xc014, 0xc009, 0xc00a, 0x009c, 0x009d, 0x002f,
        0x0035, 0x0033, 0x0039, 0x000a, 0x0016, 0x0005, 0x0004,
    ];
    let mut body = Vec::new();
    body.extend_from_slice(&[0x03, 0x03]); // client_version TLS 1.2: the server picks lower
    let random: [u8; 32] = rand::random();
    body.extend_from_slice(&random);
    body.push(0); // no session id
    body.extend_from_slice(&((suites.len() * 2) as u16).to_be_bytes());
    for s in suites {
        body.extend_from_slice(&s.to_be_bytes());
    }
    body.extend_from_slice(&[1, 0]); // compression: null
    let mut ext = Vec::new();
    // supported_groups: secp256r1, secp384r1, x25519
    ext.extend_from_slice(&[
        0x00, 0x0a, 0x00, 0x08, 0x00, 0x06, 0x00, 0x17, 0x00, 0x18, 0x00, 0x1d,
    ]);
    // ec_point_formats: uncompressed
    ext.extend_from_slice(&[0x00, 0x0b, 0x00, 0x02, 0x01, 0x00]);
    // signature_algorithms: rsa_pkcs1 sha256/384/512/sha1, ecdsa sha256/384/sha1, rsa_pss sha256
    ext.extend_from_slice(&[
        0x00, 0x0d, 0x00, 0x12, 0x00, 0x10, 0x04, 0x01, 0x05, 0x01, 0x06, 0x01, 0x02, 0x01, 0x04,
        0x03, 0x05, 0x03, 0x02, 0x03, 0x08, 0x04,
    ]);
    // renegotiation_info (empty)
    ext.extend_from_slice(&[0xff, 0x01, 0x00, 0x01, 0x00]);
    body.extend_from_slice(&(ext.len() as u16).to_be_bytes());
    body.extend_from_slice(&ext);
    let mut handshake = vec![0x01];
    handshake.extend_from_slice(&(body.len() as u32).to_be_bytes()[1..]);
    handshake.extend_from_slice(&body);
    let mut record = vec![0x16, 0x03, 0x01];
    record.extend_from_slice(&(handshake.len() as u16).to_be_bytes());
    record.extend_from_slice(&handshake);
    record
}

/// What the legacy hello found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct LegacyHello {
    /// The negotiated version, e.g. `TLS 1.0`.
    pub version: String,
    /// The leaf certificate, DER.
    pub certificate: Vec<u8>,
}

/// Sends the legacy hello and reads records until the certificate (or a failure).
pub(crate) async fn legacy_certificate<S: AsyncRead + AsyncWrite + Unpin>(
    stream: &mut S,
    limits: &Limits,
    deadline: Instant,
) -> Result<LegacyHello, Failure> {
    write_all(stream, &legacy_client_hello(), deadline).await?;
    let mut buf = Vec::new();
    // A certificate chain of old cameras is a few KiB; 64 KiB bounds a hostile stream.
    let limit = 64 * 1024;
    loop {
        match parse_server_flight(&buf) {
            Flight::Done(hello) => return Ok(hello),
            Flight::Failed(reason) => return Err(Failure::Malformed(reason)),
            Flight::More => {}
        }
        if buf.len() >= limit {
            return Err(Failure::Malformed(format!(
                "no certificate within the first {limit} bytes of the handshake"
            )));
        }
        let n = read_more(stream, &mut buf, limit, limits.read_timeout, deadline).await?;
        if n == 0 {
            return Err(Failure::Malformed(format!(
                "connection closed during the handshake after {} bytes",
                buf.len()
            )));
        }
    }
}

enum Flight {
    Done(LegacyHello),
    More,
    Failed(String),
}

/// Parses the server's first flight from `buf` (records, then handshake messages reassembled
/// across records).
fn parse_server_flight(buf: &[u8]) -> Flight {
    let mut rest = buf;
    let mut handshake = Vec::new();
    let mut version = None;
    while !rest.is_empty() {
        match tls_parser::parse_tls_raw_record(rest) {
            Ok((after, record)) => {
                match record.hdr.record_type {
                    TlsRecordType::Handshake => handshake.extend_from_slice(record.data),
                    TlsRecordType::Alert => {
                        return Flight::Failed(format!(
                            "the device answered the legacy hello with TLS alert {:02x?}",
                            record.data
                        ));
                    }
                    other => {
                        return Flight::Failed(format!("unexpected TLS record type {other:?}"));
                    }
                }
                rest = after;
            }
            Err(tls_parser::Err::Incomplete(_)) => break,
            Err(_) => {
                return Flight::Failed(format!("not a TLS record: {}", crate::wire::preview(rest)));
            }
        }
    }
    let mut messages = handshake.as_slice();
    while !messages.is_empty() {
        match tls_parser::parse_tls_message_handshake(messages) {
            Ok((after, TlsMessage::Handshake(message))) => {
                match message {
                    TlsMessageHandshake::ServerHello(hello) => {
                        version = Some(version_name(hello.version.0));
                    }
                    TlsMessageHandshake::Certificate(chain) => {
                        return match chain.cert_chain.first() {
                            Some(cert) => Flight::Done(LegacyHello {
                                version: version.unwrap_or_else(|| "unknown".into()),
                                certificate: cert.data.to_vec(),
                            }),
                            None => Flight::Failed("empty certificate chain".into()),
                        };
                    }
                    TlsMessageHandshake::ServerDone(_) => {
                        return Flight::Failed("the server sent no certificate".into());
                    }
                    _ => {}
                }
                messages = after;
            }
            Ok((after, _)) => messages = after,
            Err(tls_parser::Err::Incomplete(_)) => return Flight::More,
            Err(_) => return Flight::Failed("undecodable handshake message".into()),
        }
    }
    Flight::More
}

fn version_name(v: u16) -> String {
    match v {
        0x0300 => "SSL 3.0".into(),
        0x0301 => "TLS 1.0".into(),
        0x0302 => "TLS 1.1".into(),
        0x0303 => "TLS 1.2".into(),
        other => format!("0x{other:04x}"),
    }
}

/// PEM text of a DER certificate.
pub(crate) fn pem(der: &[u8]) -> String {
    use base64::Engine as _;
    let b64 = base64::engine::general_purpose::STANDARD.encode(der);
    let mut out = String::from("-----BEGIN CERTIFICATE-----\n");
    for line in b64.as_bytes().chunks(64) {
        out.push_str(std::str::from_utf8(line).unwrap_or(""));
        out.push('\n');
    }
    out.push_str("-----END CERTIFICATE-----\n");
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_legacy_hello_is_a_well_formed_client_hello() {
        let hello = legacy_client_hello();
        let (rest, record) = tls_parser::parse_tls_plaintext(&hello).unwrap();
        assert!(rest.is_empty());
        match &record.msg[0] {
            TlsMessage::Handshake(TlsMessageHandshake::ClientHello(ch)) => {
                assert_eq!(ch.version.0, 0x0303);
                assert!(ch.ciphers.iter().any(|c| c.0 == 0x002f));
            }
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn a_server_flight_split_across_records_yields_the_certificate() {
        // ServerHello (TLS 1.0) + Certificate with one 3-byte "certificate", the Certificate
        // message split over two records.
        let server_hello = [
            0x02, 0, 0, 38, 0x03, 0x01, // type, len, version
        ];
        let mut sh = server_hello.to_vec();
        sh.extend_from_slice(&[7u8; 32]); // random
        sh.extend_from_slice(&[0, 0x00, 0x2f, 0]); // session id len, suite, compression
        let cert = [0, 0, 6, 0, 0, 3, 0xAA, 0xBB, 0xCC];
        let mut certificate = vec![0x0b, 0, 0, cert.len() as u8];
        certificate.extend_from_slice(&cert);
        let mut flight = Vec::new();
        for part in [&sh[..], &certificate[..5], &certificate[5..]] {
            flight.extend_from_slice(&[0x16, 0x03, 0x01, 0, part.len() as u8]);
            flight.extend_from_slice(part);
        }
        assert!(matches!(parse_server_flight(&flight[..20]), Flight::More));
        match parse_server_flight(&flight) {
            Flight::Done(h) => {
                assert_eq!(h.version, "TLS 1.0");
                assert_eq!(h.certificate, [0xAA, 0xBB, 0xCC]);
            }
            _ => panic!("no certificate"),
        }
        assert!(matches!(
            parse_server_flight(b"HTTP/1.1 400 Bad Request\r\n"),
            Flight::Failed(_)
        ));
        assert!(
            matches!(parse_server_flight(&[0x15, 3, 1, 0, 2, 2, 40]), Flight::Failed(m) if m.contains("alert"))
        );
    }

    #[test]
    fn the_client_config_builds_without_a_default_provider() {
        client_config().unwrap();
    }
}
