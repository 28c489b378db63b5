//! A device as served: a spec resolved against its profile, and the ground truth it yields.

use std::collections::HashMap;
use std::net::IpAddr;

use camsweep_model::DeviceType;
use rand::SeedableRng;
use serde::{Deserialize, Serialize};

use crate::LabError;
use crate::profile::{Profile, profile};
use crate::spec::{Credentials, DeviceSpec, make_serial, normalise_mac};

/// What the lab serves at one address, as the scanner should find it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TruthRecord {
    pub address: String,
    pub mac: Option<String>,
    /// TCP ports served.
    pub ports: Vec<u16>,
    pub udp_ports: Vec<u16>,
    pub profile: String,
    /// KB vendor id of the true maker; `None` for hosts whose maker the lab does not claim.
    pub manufacturer: Option<String>,
    pub brand: Option<String>,
    pub model: Option<String>,
    pub firmware: Option<String>,
    pub device_type: DeviceType,
    /// The hostile behaviour, e.g. `stall`.
    pub hostile: Option<String>,
}

/// A resolved device.
#[derive(Debug)]
pub struct Device {
    pub address: IpAddr,
    pub profile: &'static Profile,
    pub brand: Option<String>,
    pub model: Option<String>,
    pub firmware: Option<String>,
    pub mac: Option<String>,
    pub serial: Option<String>,
    pub credentials: Option<Credentials>,
    pub tcp_ports: Vec<u16>,
    pub udp_ports: Vec<u16>,
    vars: HashMap<&'static str, String>,
}

impl Device {
    pub fn resolve(spec: &DeviceSpec) -> Result<Self, LabError> {
        let address = spec.address.to_string();
        let profile = profile(&spec.profile).ok_or_else(|| LabError::UnknownProfile {
            profile: spec.profile.clone(),
            address: address.clone(),
        })?;
        let mac = match &spec.mac {
            Some(m) => Some(normalise_mac(m).ok_or_else(|| LabError::Device {
                address: address.clone(),
                message: format!("mac {m:?} is not a MAC address"),
            })?),
            None => None,
        };
        let relabel_for_mac = spec.brand.as_ref().and_then(|b| {
            profile
                .relabels
                .iter()
                .find(|r| r.brand.eq_ignore_ascii_case(b))
        });
        let mut mac_rng = rand_chacha::ChaCha8Rng::seed_from_u64(seed_of(spec.address) ^ 0x6d6163);
        let mac = mac.or_else(|| {
            let prefixes = match relabel_for_mac {
                Some(r) if !r.mac_prefixes.is_empty() => &r.mac_prefixes,
                _ => &profile.mac_prefixes,
            };
            (!prefixes.is_empty()).then(|| {
                use rand::Rng;
                let prefix = &prefixes[mac_rng.random_range(0..prefixes.len())];
                let tail: [u8; 3] = mac_rng.random();
                format!("{prefix}:{:02x}:{:02x}:{:02x}", tail[0], tail[1], tail[2]).to_lowercase()
            })
        });
        let relabel = spec.brand.as_ref().and_then(|b| {
            profile
                .relabels
                .iter()
                .find(|r| r.brand.eq_ignore_ascii_case(b))
        });
        // A device given only an address still gets a stable identity: its fields are drawn
        // from a generator seeded by the address.
        let mut rng = rand_chacha::ChaCha8Rng::seed_from_u64(seed_of(spec.address));
        let model = spec.model.clone().or_else(|| {
            relabel
                .and_then(|r| r.models.first().cloned())
                .or_else(|| profile.models.first().cloned())
        });
        let firmware = spec
            .firmware
            .clone()
            .or_else(|| profile.firmwares.first().cloned());
        let serial = spec.serial.clone().or_else(|| {
            (!profile.serial_format.is_empty()).then(|| {
                make_serial(
                    &mut rng,
                    &profile.serial_format,
                    model.as_deref().unwrap_or(""),
                )
            })
        });
        let brand = spec.brand.clone().or_else(|| profile.brand.clone());
        let title = relabel
            .and_then(|r| r.title.clone())
            .unwrap_or_else(|| profile.title.clone());
        let name = spec.name.clone().unwrap_or_else(|| profile.name.clone());
        let mut vars: HashMap<&'static str, String> = HashMap::new();
        let mac_text = mac.clone().unwrap_or_else(|| "00:00:00:00:00:00".into());
        vars.insert("address", address.clone());
        vars.insert("model", model.clone().unwrap_or_default());
        vars.insert("firmware", firmware.clone().unwrap_or_default());
        vars.insert("serial", serial.clone().unwrap_or_default());
        vars.insert("brand", brand.clone().unwrap_or_default());
        vars.insert("title", title);
        vars.insert("name", name);
        vars.insert("mac", mac_text.clone());
        vars.insert("mac_dash", mac_text.replace(':', "-"));
        vars.insert("mac_upper", mac_text.to_uppercase());
        vars.insert("mac_plain", mac_text.replace(':', ""));
        vars.insert("mac_plain_upper", mac_text.replace(':', "").to_uppercase());
        let serial_text = serial.clone().unwrap_or_default();
        let tail_start = serial_text.len().saturating_sub(9);
        vars.insert("serial_tail", serial_text[tail_start..].to_owned());
        vars.insert("uuid", uuid_of(spec.address, &mac_text));
        let (fw_version, fw_build) = split_firmware(firmware.as_deref().unwrap_or(""));
        vars.insert("firmware_version", fw_version);
        vars.insert("firmware_build", fw_build);
        Ok(Self {
            address: spec.address,
            profile,
            brand,
            model,
            firmware,
            mac,
            serial,
            credentials: spec.credentials.clone(),
            tcp_ports: profile.tcp_ports(),
            udp_ports: profile.udp_ports(),
            vars,
        })
    }

    /// Gives a device without a MAC one (netns mode: every interface has one, and the truth
    /// should say which).
    pub(crate) fn set_mac(&mut self, mac: String) {
        self.vars.insert("mac_dash", mac.replace(':', "-"));
        self.vars.insert("mac_upper", mac.to_uppercase());
        self.vars.insert("mac_plain", mac.replace(':', ""));
        self.vars
            .insert("mac_plain_upper", mac.replace(':', "").to_uppercase());
        self.vars.insert("mac", mac.clone());
        self.mac = Some(mac);
    }

    /// Fills `{name}` placeholders from this device's values; anything else in braces (JSON,
    /// for one) passes through untouched.
    pub fn render(&self, template: &str) -> String {
        self.render_with(template, &[])
    }

    pub fn render_with(&self, template: &str, extra: &[(&str, &str)]) -> String {
        let mut out = String::with_capacity(template.len() + 32);
        let mut rest = template;
        while let Some(open) = rest.find('{') {
            out.push_str(&rest[..open]);
            let after = &rest[open + 1..];
            let key_end = after.find('}');
            let key = key_end.map(|end| &after[..end]);
            let value = key
                .filter(|k| {
                    !k.is_empty() && k.chars().all(|c| c.is_ascii_alphanumeric() || c == '_')
                })
                .and_then(|k| {
                    extra
                        .iter()
                        .find(|(name, _)| *name == k)
                        .map(|(_, v)| *v)
                        .or_else(|| self.vars.get(k).map(String::as_str))
                });
            match (value, key_end) {
                (Some(v), Some(end)) => {
                    out.push_str(v);
                    rest = &after[end + 1..];
                }
                _ => {
                    out.push('{');
                    rest = after;
                }
            }
        }
        out.push_str(rest);
        out
    }

    pub fn truth(&self) -> TruthRecord {
        TruthRecord {
            address: self.address.to_string(),
            mac: self.mac.clone(),
            ports: self.tcp_ports.clone(),
            udp_ports: self.udp_ports.clone(),
            profile: self.profile.id.clone(),
            manufacturer: self.profile.manufacturer.clone(),
            brand: self.brand.clone(),
            model: self.model.clone(),
            firmware: self.firmware.clone(),
            device_type: self.profile.device_type,
            hostile: self
                .profile
                .hostile
                .as_ref()
                .map(|h| h.behaviour.as_str().to_owned()),
        }
    }
}

fn seed_of(address: IpAddr) -> u64 {
    match address {
        IpAddr::V4(v4) => u64::from(u32::from(v4)),
        IpAddr::V6(v6) => {
            let n = u128::from(v6);
            (n as u64) ^ ((n >> 64) as u64)
        }
    }
}

/// A stable RFC 4122-shaped UUID from the address and MAC, so WS-Discovery endpoint references
/// and SADP/SSDP ids do not change between runs.
fn uuid_of(address: IpAddr, mac: &str) -> String {
    use sha1::{Digest, Sha1};
    let digest = Sha1::digest(format!("camsweep-lab {address} {mac}").as_bytes());
    let h = hex::encode(&digest[..16]);
    format!(
        "{}-{}-5{}-a{}-{}",
        &h[0..8],
        &h[8..12],
        &h[13..16],
        &h[17..20],
        &h[20..32]
    )
}

/// `V5.7.3 build 220112` → (`V5.7.3`, `build 220112`).
fn split_firmware(firmware: &str) -> (String, String) {
    match firmware.split_once(' ') {
        Some((version, build)) => (version.to_owned(), build.to_owned()),
        None => (firmware.to_owned(), String::new()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn render_fills_known_keys_and_leaves_json_alone() {
        let spec = DeviceSpec {
            model: Some("DS-2CD2143G2-I".into()),
            ..DeviceSpec::new("127.77.0.9".parse().unwrap(), "hikvision-ipc-appwebs")
        };
        let d = Device::resolve(&spec).unwrap();
        assert_eq!(
            d.render(r#"{"model":"{model}","ip":"{address}","x":{unknown}}"#),
            r#"{"model":"DS-2CD2143G2-I","ip":"127.77.0.9","x":{unknown}}"#
        );
        assert_eq!(d.render("{nonce}"), "{nonce}");
        assert_eq!(d.render_with("{nonce}", &[("nonce", "abc")]), "abc");
        assert_eq!(d.render("tail {"), "tail {");
    }

    #[test]
    fn unknown_profile_and_bad_mac_are_errors_naming_the_device() {
        let err =
            Device::resolve(&DeviceSpec::new("127.77.0.9".parse().unwrap(), "nope")).unwrap_err();
        assert!(err.to_string().contains("127.77.0.9"), "{err}");
        let spec = DeviceSpec {
            mac: Some("not-a-mac".into()),
            ..DeviceSpec::new("127.77.0.9".parse().unwrap(), "hikvision-ipc-appwebs")
        };
        let err = Device::resolve(&spec).unwrap_err();
        assert!(err.to_string().contains("not-a-mac"), "{err}");
    }

    #[test]
    fn same_address_gives_same_identity() {
        let spec = DeviceSpec::new("127.77.0.9".parse().unwrap(), "hikvision-ipc-appwebs");
        let a = Device::resolve(&spec).unwrap();
        let b = Device::resolve(&spec).unwrap();
        assert_eq!(a.serial, b.serial);
        assert_eq!(a.render("{uuid}"), b.render("{uuid}"));
    }
}
