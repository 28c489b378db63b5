//! TLS with a certificate shaped like the vendor's self-signed default. Keys are generated at
//! lab start, once per distinct subject, and cached for the process: 10,000 devices of a family
//! share one key and certificate (real devices each have their own; the subject, which is what a
//! scanner reads, is the family's).

use std::collections::HashMap;
use std::sync::{Arc, Mutex, OnceLock};

use rcgen::{CertificateParams, DistinguishedName, DnType, KeyPair};
use rustls::ServerConfig;
use rustls_pki_types::{PrivateKeyDer, PrivatePkcs8KeyDer};

use crate::LabError;
use crate::device::Device;
use crate::profile::TlsService;

type Cache = Mutex<HashMap<String, Arc<ServerConfig>>>;

fn cache() -> &'static Cache {
    static CACHE: OnceLock<Cache> = OnceLock::new();
    CACHE.get_or_init(|| Mutex::new(HashMap::new()))
}

/// The server configuration for this device's certificate subject, generated on first use.
pub(crate) fn server_config(
    device: &Device,
    tls: &TlsService,
) -> Result<Arc<ServerConfig>, LabError> {
    let subject: Vec<(String, String)> = tls
        .subject
        .iter()
        .map(|[k, v]| (k.clone(), device.render(v)))
        .collect();
    let key = format!("{}|{:?}|{}", device.profile.id, subject, tls.validity_days);
    if let Some(config) = cache().lock().ok().and_then(|c| c.get(&key).cloned()) {
        return Ok(config);
    }
    let config = Arc::new(build(&device.profile.id, &subject, tls.validity_days)?);
    if let Ok(mut c) = cache().lock() {
        c.insert(key, config.clone());
    }
    Ok(config)
}

fn build(
    profile: &str,
    subject: &[(String, String)],
    validity_days: u32,
) -> Result<ServerConfig, LabError> {
    let err = |message: String| LabError::Certificate {
        profile: profile.to_owned(),
        message,
    };
    let mut params =
        CertificateParams::new(Vec::<String>::new()).map_err(|e| err(e.to_string()))?;
    let mut dn = DistinguishedName::new();
    for (attr, value) in subject {
        let ty = match attr.as_str() {
            "C" => DnType::CountryName,
            "ST" => DnType::StateOrProvinceName,
            "L" => DnType::LocalityName,
            "O" => DnType::OrganizationName,
            "OU" => DnType::OrganizationalUnitName,
            "CN" => DnType::CommonName,
            other => return Err(err(format!("unknown subject attribute {other:?}"))),
        };
        dn.push(ty, value.as_str());
    }
    params.distinguished_name = dn;
    // Factory certificates carry a fixed manufacturing-era start date.
    params.not_before = rcgen::date_time_ymd(2020, 1, 1);
    params.not_after =
        params.not_before + std::time::Duration::from_secs(u64::from(validity_days) * 86_400);
    let key_pair = KeyPair::generate().map_err(|e| err(e.to_string()))?;
    let cert = params
        .self_signed(&key_pair)
        .map_err(|e| err(e.to_string()))?;
    let key = PrivateKeyDer::Pkcs8(PrivatePkcs8KeyDer::from(key_pair.serialize_der()));
    let provider = Arc::new(rustls::crypto::ring::default_provider());
    ServerConfig::builder_with_provider(provider)
        .with_safe_default_protocol_versions()
        .map_err(|e| err(e.to_string()))?
        .with_no_client_auth()
        .with_single_cert(vec![cert.der().clone()], key)
        .map_err(|e| err(e.to_string()))
}
