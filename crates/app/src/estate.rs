//! Estate import: an estate file validated against the packs in force, and applied in one
//! transaction. An import that would delete sites or networks still holding devices says which
//! and needs `allow_removals`: those devices would become unplaced and their findings change.

use std::collections::{BTreeMap, HashSet};

use camsweep_policy::PolicySet;
use camsweep_register::{Estate, EstateChange, Register};

use crate::AppError;

/// Parses and validates an estate file's text (every problem at once, with file:line).
pub fn parse(text: &str, file: &str, policies: &PolicySet) -> Result<Estate, AppError> {
    let packs: Vec<String> = policies.packs().iter().map(|p| p.id.clone()).collect();
    Ok(Estate::parse(text, file, Some(&packs)).map_err(camsweep_register::RegisterError::from)?)
}

/// What an import would remove that still holds devices: `(kind, id, devices)`.
pub async fn removals_holding_devices(
    register: &Register,
    estate: &Estate,
) -> Result<Vec<(&'static str, String, usize)>, AppError> {
    let current = register.estate().await?;
    let devices = register.devices().await?;
    let kept_sites: HashSet<&str> = estate.sites.iter().map(|s| s.id.as_str()).collect();
    let kept_networks: HashSet<&str> = estate.networks.iter().map(|n| n.id.as_str()).collect();
    let mut on_site: BTreeMap<&str, usize> = BTreeMap::new();
    let mut on_network: BTreeMap<&str, usize> = BTreeMap::new();
    for d in &devices {
        if let Some(n) = d.network_id.as_deref() {
            *on_network.entry(n).or_default() += 1;
        }
        if let Some(s) = d.site_id.as_deref() {
            *on_site.entry(s).or_default() += 1;
        }
    }
    let mut out = Vec::new();
    for site in &current.sites {
        if !kept_sites.contains(site.id.as_str())
            && let Some(&n) = on_site.get(site.id.as_str())
        {
            out.push(("site", site.id.clone(), n));
        }
    }
    for network in &current.networks {
        if !kept_networks.contains(network.id.as_str())
            && let Some(&n) = on_network.get(network.id.as_str())
        {
            out.push(("network", network.id.clone(), n));
        }
    }
    Ok(out)
}

/// Applies `estate`, refusing removals of sites or networks that hold devices unless
/// `allow_removals`.
pub async fn import(
    register: &Register,
    estate: &Estate,
    actor: &str,
    allow_removals: bool,
) -> Result<EstateChange, AppError> {
    if !allow_removals {
        let removals = removals_holding_devices(register, estate).await?;
        if !removals.is_empty() {
            let list: Vec<String> = removals
                .iter()
                .map(|(kind, id, n)| format!("{kind} {id} ({n} devices)"))
                .collect();
            return Err(AppError::precondition(format!(
                "the estate file would remove {}; their devices would become unplaced and their \
                 findings change. Nothing was changed; pass --allow-removals to apply it",
                list.join(", ")
            )));
        }
    }
    Ok(register.apply_estate(estate, actor).await?)
}
