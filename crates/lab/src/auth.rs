//! Checking credentials the way the firmware does: HTTP/RTSP Basic and Digest (RFC 2617/7616
//! MD5), ONVIF WS-UsernameToken PasswordDigest, XiongMai's DVR-IP password hash.

use base64::Engine;
use base64::engine::general_purpose::STANDARD as B64;
use md5::{Digest as _, Md5};
use sha1::Sha1;

use crate::spec::Credentials;

/// A fresh server nonce (hex, 32 characters).
pub(crate) fn nonce() -> String {
    let bytes: [u8; 16] = rand::random();
    hex::encode(bytes)
}

fn md5_hex(text: &str) -> String {
    hex::encode(Md5::digest(text.as_bytes()))
}

/// The parameters of a `Digest ...` Authorization header. Quoted values may contain commas.
pub(crate) fn digest_params(header: &str) -> Option<Vec<(String, String)>> {
    let rest = header.trim_start();
    let rest = rest
        .strip_prefix("Digest ")
        .or_else(|| rest.strip_prefix("digest "))?;
    let mut params = Vec::new();
    let mut chars = rest.chars().peekable();
    loop {
        while chars.peek().is_some_and(|c| *c == ',' || c.is_whitespace()) {
            chars.next();
        }
        let mut key = String::new();
        while let Some(&c) = chars.peek() {
            if c == '=' {
                break;
            }
            key.push(c);
            chars.next();
        }
        if key.is_empty() || chars.next() != Some('=') {
            break;
        }
        let mut value = String::new();
        if chars.peek() == Some(&'"') {
            chars.next();
            for c in chars.by_ref() {
                if c == '"' {
                    break;
                }
                value.push(c);
            }
        } else {
            while let Some(&c) = chars.peek() {
                if c == ',' {
                    break;
                }
                value.push(c);
                chars.next();
            }
        }
        params.push((key.trim().to_ascii_lowercase(), value.trim().to_owned()));
        if params.len() > 32 {
            break;
        }
    }
    Some(params)
}

/// Whether `authorization` proves `credentials` for `method` (HTTP or RTSP) in `realm`.
pub(crate) fn check_authorization(
    authorization: Option<&str>,
    method: &str,
    realm: &str,
    credentials: Option<&Credentials>,
) -> bool {
    let (Some(header), Some(creds)) = (authorization, credentials) else {
        return false;
    };
    let header = header.trim();
    if let Some(encoded) = header.strip_prefix("Basic ") {
        let Ok(decoded) = B64.decode(encoded.trim()) else {
            return false;
        };
        let expected = format!("{}:{}", creds.username, creds.password);
        return decoded == expected.as_bytes();
    }
    let Some(params) = digest_params(header) else {
        return false;
    };
    let get = |k: &str| {
        params
            .iter()
            .find(|(key, _)| key == k)
            .map(|(_, v)| v.as_str())
    };
    let (Some(username), Some(nonce), Some(uri), Some(response)) =
        (get("username"), get("nonce"), get("uri"), get("response"))
    else {
        return false;
    };
    if username != creds.username || get("realm").is_some_and(|r| r != realm) {
        return false;
    }
    let ha1 = md5_hex(&format!("{}:{realm}:{}", creds.username, creds.password));
    let ha2 = md5_hex(&format!("{method}:{uri}"));
    let expected = match (get("qop"), get("nc"), get("cnonce")) {
        (Some(qop), Some(nc), Some(cnonce)) => {
            md5_hex(&format!("{ha1}:{nonce}:{nc}:{cnonce}:{qop}:{ha2}"))
        }
        _ => md5_hex(&format!("{ha1}:{nonce}:{ha2}")),
    };
    expected.eq_ignore_ascii_case(response)
}

/// The text between `<prefix:Name ...>` and `</prefix:Name>` for the first element with local
/// name `name`, whatever its namespace prefix.
pub(crate) fn element_text<'a>(xml: &'a str, name: &str) -> Option<&'a str> {
    let mut search = 0;
    while let Some(found) = xml[search..].find('<') {
        let start = search + found + 1;
        let tag_end = start + xml[start..].find('>')?;
        let tag = &xml[start..tag_end];
        // `<d:Probe/>`: the self-closing slash is not part of the name.
        let tag_name = tag
            .split_whitespace()
            .next()
            .unwrap_or("")
            .trim_end_matches('/');
        let local = tag_name.rsplit(':').next().unwrap_or("");
        if local == name && !tag_name.starts_with('/') {
            if tag.ends_with('/') {
                return Some("");
            }
            let close = format!("</{tag_name}>");
            let body_start = tag_end + 1;
            let body_end = body_start + xml[body_start..].find(&close)?;
            return Some(&xml[body_start..body_end]);
        }
        search = tag_end;
    }
    None
}

/// ONVIF WS-UsernameToken: `PasswordDigest = base64(sha1(nonce + created + password))`, nonce
/// base64-decoded first (ONVIF Core Specification 5.12.2, WS-Security UsernameToken Profile 1.0).
pub(crate) fn check_username_token(soap: &str, credentials: Option<&Credentials>) -> bool {
    let Some(creds) = credentials else {
        return false;
    };
    let Some(token) = element_text(soap, "UsernameToken") else {
        return false;
    };
    let (Some(username), Some(password)) = (
        element_text(token, "Username"),
        element_text(token, "Password"),
    ) else {
        return false;
    };
    if username.trim() != creds.username {
        return false;
    }
    let password = password.trim();
    match (element_text(token, "Nonce"), element_text(token, "Created")) {
        (Some(nonce), Some(created)) => {
            let Ok(nonce) = B64.decode(nonce.trim()) else {
                return false;
            };
            let mut hasher = Sha1::new();
            hasher.update(&nonce);
            hasher.update(created.trim().as_bytes());
            hasher.update(creds.password.as_bytes());
            B64.encode(hasher.finalize()) == password
        }
        // PasswordText: the password in clear.
        _ => password == creds.password,
    }
}

/// XiongMai's "Sofia" password hash used in DVR-IP logins: MD5 of the password, each pair of
/// bytes summed modulo 62 into `0-9A-Za-z`, 8 characters (as implemented by the public
/// NeiroNx/python-dvr client, `sofia_hash`).
pub fn sofia_hash(password: &str) -> String {
    const CHARS: &[u8] = b"0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
    let digest = Md5::digest(password.as_bytes());
    (0..8)
        .map(|i| {
            let sum = usize::from(digest[2 * i]) + usize::from(digest[2 * i + 1]);
            char::from(CHARS[sum % 62])
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn self_closing_elements_are_found_empty() {
        // Regression: `<d:Probe/>` (a WS-Discovery probe as many clients send it) was not
        // found because the slash was read as part of the name, so the device stayed silent.
        let probe = "<s:Envelope><s:Body><d:Probe/></s:Body></s:Envelope>";
        let body = element_text(probe, "Body").unwrap();
        assert_eq!(element_text(body, "Probe"), Some(""));
        assert_eq!(element_text("<a><b x=\"1\"/></a>", "b"), Some(""));
        assert_eq!(element_text("<a>t</a>", "a"), Some("t"));
    }

    fn creds() -> Credentials {
        Credentials {
            username: "admin".into(),
            password: "Secret123".into(),
        }
    }

    #[test]
    fn digest_with_qop_verifies_and_wrong_password_fails() {
        let realm = "IP Camera(C1234)";
        let ha1 = md5_hex(&format!("admin:{realm}:Secret123"));
        let ha2 = md5_hex("GET:/ISAPI/System/deviceInfo");
        let resp = md5_hex(&format!("{ha1}:abc:00000001:xyz:auth:{ha2}"));
        let header = format!(
            r#"Digest username="admin", realm="{realm}", nonce="abc", uri="/ISAPI/System/deviceInfo", qop=auth, nc=00000001, cnonce="xyz", response="{resp}""#
        );
        assert!(check_authorization(
            Some(&header),
            "GET",
            realm,
            Some(&creds())
        ));
        let wrong = Credentials {
            password: "nope".into(),
            ..creds()
        };
        assert!(!check_authorization(
            Some(&header),
            "GET",
            realm,
            Some(&wrong)
        ));
        assert!(!check_authorization(Some(&header), "GET", realm, None));
        assert!(!check_authorization(
            Some("Digest garbage"),
            "GET",
            realm,
            Some(&creds())
        ));
    }

    #[test]
    fn basic_verifies() {
        let header = format!("Basic {}", B64.encode("admin:Secret123"));
        assert!(check_authorization(
            Some(&header),
            "GET",
            "x",
            Some(&creds())
        ));
        assert!(!check_authorization(
            Some("Basic !!!"),
            "GET",
            "x",
            Some(&creds())
        ));
    }

    #[test]
    fn username_token_digest_verifies() {
        let nonce = b"0123456789abcdef";
        let created = "2024-01-01T00:00:00Z";
        let mut h = Sha1::new();
        h.update(nonce);
        h.update(created.as_bytes());
        h.update(b"Secret123");
        let digest = B64.encode(h.finalize());
        let soap = format!(
            r#"<s:Envelope><s:Header><wsse:Security><wsse:UsernameToken><wsse:Username>admin</wsse:Username><wsse:Password Type="...#PasswordDigest">{digest}</wsse:Password><wsse:Nonce EncodingType="x">{}</wsse:Nonce><wsu:Created>{created}</wsu:Created></wsse:UsernameToken></wsse:Security></s:Header><s:Body/></s:Envelope>"#,
            B64.encode(nonce)
        );
        assert!(check_username_token(&soap, Some(&creds())));
        assert!(!check_username_token(
            &soap.replace("admin", "root"),
            Some(&creds())
        ));
        assert!(!check_username_token("<s:Envelope/>", Some(&creds())));
    }

    #[test]
    fn sofia_hash_of_empty_password_matches_the_published_value() {
        // python-dvr documents the hash of the empty password as "tlJwpbo6".
        assert_eq!(sofia_hash(""), "tlJwpbo6");
    }
}
