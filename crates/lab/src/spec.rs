//! What a lab contains: [`LabSpec`] (TOML, `--spec FILE`) and the deterministic estate
//! generator [`generate`].

use std::net::IpAddr;
use std::path::Path;

use ipnet::IpNet;
use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;
use serde::{Deserialize, Serialize};

use crate::LabError;
use crate::profile::{Profile, profiles};

/// The devices of a lab.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LabSpec {
    pub devices: Vec<DeviceSpec>,
}

/// One device: an address and a profile, with optional overrides of what the profile would pick.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DeviceSpec {
    pub address: IpAddr,
    pub profile: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub brand: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub model: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub firmware: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub mac: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub serial: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub credentials: Option<Credentials>,
}

impl DeviceSpec {
    /// A device of `profile` at `address`, everything else chosen by the profile.
    pub fn new(address: IpAddr, profile: impl Into<String>) -> Self {
        Self {
            address,
            profile: profile.into(),
            brand: None,
            model: None,
            firmware: None,
            mac: None,
            serial: None,
            name: None,
            credentials: None,
        }
    }
}

/// Credentials that unlock a device's protected answers (HTTP digest/basic, RTSP, ONVIF
/// WS-UsernameToken, DVR-IP login).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Credentials {
    pub username: String,
    pub password: String,
}

impl LabSpec {
    /// Reads a TOML spec file.
    pub fn from_file(path: &Path) -> Result<Self, LabError> {
        let text = std::fs::read_to_string(path).map_err(|e| LabError::Spec {
            path: path.to_owned(),
            message: e.to_string(),
        })?;
        Self::from_toml(&text).map_err(|message| LabError::Spec {
            path: path.to_owned(),
            message,
        })
    }

    /// Parses a TOML spec; the error names the line and field.
    pub fn from_toml(text: &str) -> Result<Self, String> {
        toml::from_str(text).map_err(|e| e.to_string())
    }

    pub fn to_toml(&self) -> String {
        toml::to_string(self).unwrap_or_default()
    }
}

/// How a generated estate is composed. Shares are fractions of the device count, 0..1.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct Mix {
    /// Hostile devices (stall, drip, endless body, ...).
    pub hostile_share: f64,
    /// Ordinary hosts (printers, routers, web servers, SSH servers, NAS).
    pub host_share: f64,
    /// Of the surveillance devices whose maker has known OEM relabels, how many carry one.
    pub relabel_share: f64,
}

impl Default for Mix {
    fn default() -> Self {
        Self {
            hostile_share: 0.02,
            host_share: 0.25,
            relabel_share: 0.2,
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct GenerateOptions {
    pub devices: usize,
    pub seed: u64,
    pub range: IpNet,
    pub mix: Mix,
}

impl Default for GenerateOptions {
    fn default() -> Self {
        Self {
            devices: 100,
            seed: 1,
            range: default_range(),
            mix: Mix::default(),
        }
    }
}

/// `127.77.0.0/16`: loopback, and clear of 127.0.0.1.
pub fn default_range() -> IpNet {
    IpNet::V4(
        ipnet::Ipv4Net::new(std::net::Ipv4Addr::new(127, 77, 0, 0), 16).expect("valid prefix"),
    )
}

/// Usable device addresses of a range, in order: not the network or broadcast address, no
/// `.0`/`.255` host, never 127.0.0.1.
pub fn usable_addresses(range: IpNet) -> impl Iterator<Item = IpAddr> {
    range.hosts().filter(move |a| match a {
        IpAddr::V4(v4) => {
            let o = v4.octets();
            o[3] != 0 && o[3] != 255 && *v4 != std::net::Ipv4Addr::LOCALHOST
        }
        IpAddr::V6(v6) => !v6.is_loopback() || range.prefix_len() == 128,
    })
}

/// Builds an estate of `opts.devices` devices, the same for the same options.
pub fn generate(opts: &GenerateOptions) -> Result<LabSpec, LabError> {
    for (name, share) in [
        ("hostile share", opts.mix.hostile_share),
        ("host share", opts.mix.host_share),
        ("relabel share", opts.mix.relabel_share),
    ] {
        if !(0.0..=1.0).contains(&share) {
            return Err(LabError::Generate(format!(
                "{name} {share} is not within 0..1"
            )));
        }
    }
    if opts.mix.hostile_share + opts.mix.host_share > 1.0 {
        return Err(LabError::Generate(
            "hostile share + host share exceed 1".into(),
        ));
    }
    let catalogue = profiles();
    let hostile: Vec<&Profile> = catalogue.iter().filter(|p| p.hostile.is_some()).collect();
    let hosts: Vec<&Profile> = catalogue
        .iter()
        .filter(|p| p.hostile.is_none() && !p.device_type.is_surveillance() && p.weight > 0)
        .collect();
    let cameras: Vec<&Profile> = catalogue
        .iter()
        .filter(|p| p.hostile.is_none() && p.device_type.is_surveillance() && p.weight > 0)
        .collect();
    if cameras.is_empty() || hosts.is_empty() || hostile.is_empty() {
        return Err(LabError::Generate(
            "the embedded profile catalogue is empty".into(),
        ));
    }
    let addresses: Vec<IpAddr> = usable_addresses(opts.range).take(opts.devices).collect();
    if addresses.len() < opts.devices {
        return Err(LabError::Generate(format!(
            "range {} has {} usable addresses, {} devices asked",
            opts.range,
            addresses.len(),
            opts.devices
        )));
    }
    let mut rng = ChaCha8Rng::seed_from_u64(opts.seed);
    let mut devices = Vec::with_capacity(opts.devices);
    for address in addresses {
        let roll: f64 = rng.random();
        let profile = if roll < opts.mix.hostile_share {
            hostile[rng.random_range(0..hostile.len())]
        } else if roll < opts.mix.hostile_share + opts.mix.host_share {
            pick_weighted(&mut rng, &hosts)
        } else {
            pick_weighted(&mut rng, &cameras)
        };
        devices.push(fill_device(
            &mut rng,
            address,
            profile,
            opts.mix.relabel_share,
        ));
    }
    Ok(LabSpec { devices })
}

fn pick_weighted<'a>(rng: &mut ChaCha8Rng, list: &[&'a Profile]) -> &'a Profile {
    let total: u32 = list.iter().map(|p| p.weight).sum();
    let mut at = rng.random_range(0..total);
    for p in list {
        if at < p.weight {
            return p;
        }
        at -= p.weight;
    }
    list[list.len() - 1]
}

fn fill_device(
    rng: &mut ChaCha8Rng,
    address: IpAddr,
    profile: &Profile,
    relabel_share: f64,
) -> DeviceSpec {
    let relabel = if !profile.relabels.is_empty() && rng.random_bool(relabel_share) {
        Some(&profile.relabels[rng.random_range(0..profile.relabels.len())])
    } else {
        None
    };
    let models = match relabel {
        Some(r) if !r.models.is_empty() => &r.models,
        _ => &profile.models,
    };
    let model = (!models.is_empty()).then(|| models[rng.random_range(0..models.len())].clone());
    let firmware = (!profile.firmwares.is_empty())
        .then(|| profile.firmwares[rng.random_range(0..profile.firmwares.len())].clone());
    let prefixes = match relabel {
        Some(r) if !r.mac_prefixes.is_empty() => &r.mac_prefixes,
        _ => &profile.mac_prefixes,
    };
    let mac = (!prefixes.is_empty()).then(|| {
        let prefix = &prefixes[rng.random_range(0..prefixes.len())];
        let tail: [u8; 3] = rng.random();
        format!("{prefix}:{:02x}:{:02x}:{:02x}", tail[0], tail[1], tail[2]).to_lowercase()
    });
    let serial = (!profile.serial_format.is_empty())
        .then(|| make_serial(rng, &profile.serial_format, model.as_deref().unwrap_or("")));
    DeviceSpec {
        address,
        profile: profile.id.clone(),
        brand: relabel
            .map(|r| r.brand.clone())
            .or_else(|| profile.brand.clone()),
        model,
        firmware,
        mac,
        serial,
        name: None,
        credentials: None,
    }
}

/// Fills a serial format: `#` digit, `@` upper-case letter or digit, `{model}` the model.
pub(crate) fn make_serial(rng: &mut impl Rng, format: &str, model: &str) -> String {
    const ALNUM: &[u8] = b"ABCDEFGHJKLMNPQRSTUVWXYZ0123456789";
    let format = format.replace("{model}", model);
    format
        .chars()
        .map(|c| match c {
            '#' => char::from(b'0' + rng.random_range(0..10u8)),
            '@' => char::from(ALNUM[rng.random_range(0..ALNUM.len())]),
            other => other,
        })
        .collect()
}

/// `aa:bb:cc` (any case, `-` or `:`) as three bytes.
pub(crate) fn parse_mac_prefix(prefix: &str) -> Option<[u8; 3]> {
    let parts: Vec<&str> = prefix.split([':', '-']).collect();
    if parts.len() != 3 {
        return None;
    }
    let mut out = [0u8; 3];
    for (slot, part) in out.iter_mut().zip(parts) {
        if part.len() != 2 {
            return None;
        }
        *slot = u8::from_str_radix(part, 16).ok()?;
    }
    Some(out)
}

/// A full MAC in any common notation, normalised to `aa:bb:cc:dd:ee:ff` (`model::Mac`'s
/// grammar, the same as every other reader's).
pub(crate) fn normalise_mac(mac: &str) -> Option<String> {
    camsweep_model::Mac::parse(mac).ok().map(|m| m.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn generation_is_deterministic_for_a_seed_and_differs_across_seeds() {
        let opts = GenerateOptions {
            devices: 300,
            seed: 7,
            ..GenerateOptions::default()
        };
        let a = generate(&opts).unwrap();
        let b = generate(&opts).unwrap();
        assert_eq!(a, b);
        let c = generate(&GenerateOptions { seed: 8, ..opts }).unwrap();
        assert_ne!(a, c);
        assert_eq!(a.devices.len(), 300);
    }

    #[test]
    fn generated_addresses_avoid_localhost_and_stay_in_range() {
        let range: IpNet = "127.0.0.0/24".parse().unwrap();
        let spec = generate(&GenerateOptions {
            devices: 200,
            seed: 1,
            range,
            mix: Mix::default(),
        })
        .unwrap();
        for d in &spec.devices {
            assert!(range.contains(&d.address));
            assert_ne!(d.address, IpAddr::from([127, 0, 0, 1]));
        }
    }

    #[test]
    fn too_small_a_range_is_an_error_naming_the_counts() {
        let err = generate(&GenerateOptions {
            devices: 10,
            seed: 1,
            range: "127.9.0.0/29".parse().unwrap(),
            mix: Mix::default(),
        })
        .unwrap_err();
        assert!(err.to_string().contains("10 devices asked"), "{err}");
    }

    #[test]
    fn shares_out_of_range_are_rejected() {
        let err = generate(&GenerateOptions {
            mix: Mix {
                hostile_share: 1.5,
                ..Mix::default()
            },
            ..GenerateOptions::default()
        })
        .unwrap_err();
        assert!(err.to_string().contains("hostile share"), "{err}");
    }

    #[test]
    fn generated_mix_contains_hosts_hostiles_and_relabels() {
        let spec = generate(&GenerateOptions {
            devices: 2000,
            ..GenerateOptions::default()
        })
        .unwrap();
        let catalogue = profiles();
        let by_id = |id: &str| catalogue.iter().find(|p| p.id == id).unwrap();
        let hostile = spec
            .devices
            .iter()
            .filter(|d| by_id(&d.profile).hostile.is_some())
            .count();
        let hosts = spec
            .devices
            .iter()
            .filter(|d| !by_id(&d.profile).device_type.is_surveillance())
            .count();
        let relabelled = spec
            .devices
            .iter()
            .filter(|d| {
                let p = by_id(&d.profile);
                d.brand.is_some() && d.brand != p.brand && p.hostile.is_none()
            })
            .count();
        assert!((10..=100).contains(&hostile), "hostile {hostile}");
        assert!((350..=650).contains(&hosts), "hosts {hosts}");
        assert!(relabelled > 20, "relabelled {relabelled}");
    }

    #[test]
    fn spec_toml_rejects_unknown_fields_with_the_field_name() {
        let err = LabSpec::from_toml(
            "[[devices]]\naddress = \"127.77.0.5\"\nprofile = \"x\"\nbrnd = \"LTS\"\n",
        )
        .unwrap_err();
        assert!(err.contains("brnd"), "{err}");
    }

    #[test]
    fn mac_notations_normalise() {
        assert_eq!(
            normalise_mac("BC-BA-C2-01-02-03").as_deref(),
            Some("bc:ba:c2:01:02:03")
        );
        assert_eq!(
            normalise_mac("bcba.c201.0203").as_deref(),
            Some("bc:ba:c2:01:02:03")
        );
        assert_eq!(normalise_mac("bc:ba:c2:01:02"), None);
        assert_eq!(normalise_mac("zz:ba:c2:01:02:03"), None);
    }
}
