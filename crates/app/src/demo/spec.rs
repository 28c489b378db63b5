//! The demo's embedded data: the estate file and the lab settings (`estate.toml`, `lab.toml`
//! beside this file), and how the settings become a [`LabSpec`].

use std::collections::HashSet;
use std::net::IpAddr;

use camsweep_lab::{DeviceSpec, GenerateOptions, IpNet, LabSpec, Mix, generate};
use camsweep_model::estate::Estate;
use serde::Deserialize;

use crate::AppError;

/// The fictional department's estate (docs/estate.md format).
pub const ESTATE_TOML: &str = include_str!("estate.toml");
/// What the lab serves on each of the estate's networks.
pub const LAB_TOML: &str = include_str!("lab.toml");

/// `lab.toml`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LabSettings {
    #[serde(default)]
    pub network: Vec<NetworkSettings>,
    #[serde(default)]
    pub device: Vec<DeviceSpec>,
}

/// One generated network of the lab.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NetworkSettings {
    /// The estate network it stands for (checked: its range must lie inside that network).
    pub network: String,
    pub range: IpNet,
    pub devices: usize,
    pub seed: u64,
    #[serde(default)]
    pub host_share: f64,
    #[serde(default)]
    pub relabel_share: f64,
}

pub fn estate() -> Result<Estate, AppError> {
    let packs: Vec<String> = camsweep_policy::PolicySet::builtin()?
        .packs()
        .iter()
        .map(|p| p.id.clone())
        .collect();
    camsweep_import::estate::parse(ESTATE_TOML, "demo/estate.toml", Some(&packs))
        .map_err(|e| AppError::internal(format!("the demo's embedded estate is invalid: {e}")))
}

/// Builds the lab from the settings: generated networks, then the hand-placed devices. Every
/// address is loopback, unique, and inside a network of `estate`.
pub fn lab_spec(settings_text: &str, estate: &Estate) -> Result<LabSpec, AppError> {
    let invalid = |message: String| Err(AppError::invalid(format!("demo/lab.toml: {message}")));
    let settings: LabSettings = match toml::from_str(settings_text) {
        Ok(settings) => settings,
        Err(e) => {
            return Err(AppError::invalid(format!(
                "the demo's lab settings (demo/lab.toml): {e}"
            )));
        }
    };
    let mut devices = Vec::new();
    for n in &settings.network {
        let Some(network) = estate.network(&n.network) else {
            return invalid(format!("unknown estate network {:?}", n.network));
        };
        if !network.cidrs.iter().any(|c| c.contains(&n.range)) {
            return invalid(format!(
                "range {} is not inside network {}",
                n.range, n.network
            ));
        }
        let spec = generate(&GenerateOptions {
            devices: n.devices,
            seed: n.seed,
            range: n.range,
            mix: Mix {
                // Hostile devices are placed by hand, so their number is known.
                hostile_share: 0.0,
                host_share: n.host_share,
                relabel_share: n.relabel_share,
            },
        })
        .map_err(AppError::lab(format!("generating network {}", n.network)))?;
        devices.extend(spec.devices);
    }
    devices.extend(settings.device);
    let mut addresses: HashSet<IpAddr> = HashSet::new();
    let mut macs: HashSet<String> = HashSet::new();
    for d in &devices {
        if !d.address.is_loopback() {
            return invalid(format!("{} is not a loopback address", d.address));
        }
        if !addresses.insert(d.address) {
            return invalid(format!("address {} is used twice", d.address));
        }
        if estate.place(d.address).is_none() {
            return invalid(format!("{} is on no network of the estate", d.address));
        }
        // The register keys devices by MAC: two devices sharing one would merge.
        if let Some(mac) = &d.mac
            && !macs.insert(mac.to_ascii_lowercase())
        {
            return invalid(format!("MAC {mac} is used twice"));
        }
    }
    Ok(LabSpec { devices })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_embedded_estate_and_lab_are_valid_and_loopback_only() {
        let estate = estate().unwrap();
        let spec = lab_spec(LAB_TOML, &estate).unwrap();
        assert!(
            (250..=400).contains(&spec.devices.len()),
            "a few hundred devices: {}",
            spec.devices.len()
        );
        let hostile = spec
            .devices
            .iter()
            .filter(|d| d.profile.starts_with("hostile-"))
            .count();
        assert!(hostile >= 3, "a few hostile devices");
        assert!(spec.devices.iter().all(|d| d.address.is_loopback()));
        // Deterministic: the same settings make the same lab.
        assert_eq!(lab_spec(LAB_TOML, &estate).unwrap(), spec);
    }

    #[test]
    fn settings_outside_the_estate_are_refused() {
        let estate = estate().unwrap();
        let outside = "[[device]]\naddress = \"127.91.0.1\"\nprofile = \"axis-ipc\"\n";
        let err = lab_spec(outside, &estate).unwrap_err().to_string();
        assert!(err.contains("on no network"), "{err}");
        let wrong_range = "[[network]]\nnetwork = \"hq-core\"\nrange = \"127.90.2.0/24\"\ndevices = 1\nseed = 1\n";
        let err = lab_spec(wrong_range, &estate).unwrap_err().to_string();
        assert!(err.contains("not inside"), "{err}");
    }
}
