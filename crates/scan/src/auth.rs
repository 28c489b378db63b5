//! Authentication for reads with credentials the user supplied: HTTP digest (RFC 7616, MD5, as
//! Hikvision ISAPI and Dahua CGI use it) and the ONVIF WS-UsernameToken (PasswordDigest).
//! One credential, one attempt: never a guess.

use base64::Engine as _;
use md5::{Digest as _, Md5};
use sha1::Sha1;

fn md5_hex(data: &str) -> String {
    let digest = Md5::digest(data.as_bytes());
    digest.iter().map(|b| format!("{b:02x}")).collect()
}

/// Splits a challenge's `key=value` parameters, honouring quoted values with commas.
fn challenge_params(text: &str) -> Vec<(String, String)> {
    let mut params = Vec::new();
    let mut rest = text.trim();
    while !rest.is_empty() {
        let Some(eq) = rest.find('=') else { break };
        let key = rest[..eq]
            .trim()
            .trim_start_matches(',')
            .trim()
            .to_ascii_lowercase();
        rest = rest[eq + 1..].trim_start();
        let value;
        if let Some(quoted) = rest.strip_prefix('"') {
            let end = quoted.find('"').unwrap_or(quoted.len());
            value = quoted[..end].to_owned();
            rest = quoted.get(end + 1..).unwrap_or("");
        } else {
            let end = rest.find(',').unwrap_or(rest.len());
            value = rest[..end].trim().to_owned();
            rest = &rest[end..];
        }
        rest = rest.trim_start().trim_start_matches(',').trim_start();
        params.push((key, value));
    }
    params
}

/// An `Authorization` header answering a `Digest` challenge, or `None` if the challenge is not
/// a digest challenge this client can answer (only MD5 / `qop=auth` or none).
pub(crate) fn digest_authorization(
    challenge: &str,
    method: &str,
    uri: &str,
    username: &str,
    password: &str,
) -> Option<String> {
    let lower = challenge.trim_start().to_ascii_lowercase();
    let start = lower.find("digest ")?;
    let params = challenge_params(&challenge.trim_start()[start + 7..]);
    let get = |k: &str| {
        params
            .iter()
            .find(|(key, _)| key == k)
            .map(|(_, v)| v.as_str())
    };
    let realm = get("realm")?;
    let nonce = get("nonce")?;
    if let Some(alg) = get("algorithm")
        && !alg.eq_ignore_ascii_case("md5")
    {
        return None;
    }
    let ha1 = md5_hex(&format!("{username}:{realm}:{password}"));
    let ha2 = md5_hex(&format!("{method}:{uri}"));
    let qop_auth = get("qop").is_some_and(|q| q.split(',').any(|x| x.trim() == "auth"));
    let mut header = format!(
        "Digest username=\"{username}\", realm=\"{realm}\", nonce=\"{nonce}\", uri=\"{uri}\", algorithm=MD5"
    );
    if qop_auth {
        let cnonce = format!("{:016x}", rand::random::<u64>());
        let nc = "00000001";
        let response = md5_hex(&format!("{ha1}:{nonce}:{nc}:{cnonce}:auth:{ha2}"));
        header.push_str(&format!(
            ", qop=auth, nc={nc}, cnonce=\"{cnonce}\", response=\"{response}\""
        ));
    } else {
        let response = md5_hex(&format!("{ha1}:{nonce}:{ha2}"));
        header.push_str(&format!(", response=\"{response}\""));
    }
    if let Some(opaque) = get("opaque") {
        header.push_str(&format!(", opaque=\"{opaque}\""));
    }
    Some(header)
}

fn xml_escape(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// A WS-Security header with a UsernameToken (PasswordDigest = base64(sha1(nonce + created +
/// password)), ONVIF Core Specification section 5.12).
pub(crate) fn ws_username_token(username: &str, password: &str) -> String {
    let nonce: [u8; 16] = rand::random();
    let created = time::OffsetDateTime::now_utc()
        .format(&time::format_description::well_known::Rfc3339)
        .unwrap_or_default();
    ws_username_token_with(username, password, &nonce, &created)
}

fn ws_username_token_with(username: &str, password: &str, nonce: &[u8], created: &str) -> String {
    let mut sha = Sha1::new();
    sha.update(nonce);
    sha.update(created.as_bytes());
    sha.update(password.as_bytes());
    let b64 = base64::engine::general_purpose::STANDARD;
    let digest = b64.encode(sha.finalize());
    format!(
        "<s:Header><Security s:mustUnderstand=\"1\" xmlns=\"http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-secext-1.0.xsd\"><UsernameToken><Username>{}</Username><Password Type=\"http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-username-token-profile-1.0#PasswordDigest\">{digest}</Password><Nonce EncodingType=\"http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-soap-message-security-1.0#Base64Binary\">{}</Nonce><Created xmlns=\"http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-utility-1.0.xsd\">{created}</Created></UsernameToken></Security></s:Header>",
        xml_escape(username),
        b64.encode(nonce)
    )
}

/// A SOAP 1.2 envelope calling one ONVIF device-service operation without parameters.
pub(crate) fn soap_envelope(operation: &str, header: Option<&str>) -> String {
    format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?><s:Envelope xmlns:s=\"http://www.w3.org/2003/05/soap-envelope\">{}<s:Body><{operation} xmlns=\"http://www.onvif.org/ver10/device/wsdl\"/></s:Body></s:Envelope>",
        header.unwrap_or("")
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn digest_matches_rfc2617_example() {
        // RFC 2617 section 3.5: Mufasa / "Circle Of Life", without qop for a deterministic check.
        let h = digest_authorization(
            "Digest realm=\"testrealm@host.com\", nonce=\"dcd98b7102dd2f0e8b11d0f600bfb0c093\", opaque=\"5ccc069c403ebaf9f0171e9517f40e41\"",
            "GET",
            "/dir/index.html",
            "Mufasa",
            "Circle Of Life",
        )
        .unwrap();
        // HA1/HA2 per RFC 2617; response = MD5(HA1:nonce:HA2).
        let ha1 = md5_hex("Mufasa:testrealm@host.com:Circle Of Life");
        let ha2 = md5_hex("GET:/dir/index.html");
        let expect = md5_hex(&format!("{ha1}:dcd98b7102dd2f0e8b11d0f600bfb0c093:{ha2}"));
        assert!(h.contains(&format!("response=\"{expect}\"")), "{h}");
        assert!(h.contains("opaque=\"5ccc069c403ebaf9f0171e9517f40e41\""));
        assert!(digest_authorization("Basic realm=\"x\"", "GET", "/", "a", "b").is_none());
        let qop = digest_authorization(
            "Digest qop=\"auth,auth-int\", realm=\"IP Camera(C1234)\", nonce=\"abc\", stale=\"FALSE\"",
            "GET",
            "/ISAPI/System/deviceInfo",
            "u",
            "p",
        )
        .unwrap();
        assert!(
            qop.contains("qop=auth, nc=00000001") && qop.contains("realm=\"IP Camera(C1234)\"")
        );
    }

    #[test]
    fn username_token_digest_is_base64_sha1_of_nonce_created_password() {
        // Known answer computed independently: python3 -c "import hashlib,base64;
        // print(base64.b64encode(hashlib.sha1(b'\x00'*16+b'2026-01-01T00:00:00Z'+b'pw').digest()))"
        let t = ws_username_token_with("a<b", "pw", &[0u8; 16], "2026-01-01T00:00:00Z");
        let expect = "LS7X3sGIornAmIIeoe1hOT//Rl4=";
        assert!(t.contains(expect), "{t}");
        assert!(t.contains("<Username>a&lt;b</Username>"));
        assert!(soap_envelope("GetDeviceInformation", Some(&t)).contains("<s:Header>"));
    }
}
