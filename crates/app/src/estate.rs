//! Estate import: an estate file validated against the packs in force, and applied in one
//! transaction. An import that would delete sites or networks still holding devices says which
//! and needs `allow_removals`: those devices would become unplaced and their findings change.

use std::path::Path;

use camsweep_model::estate::Estate;
use camsweep_policy::PolicySet;
use camsweep_register::{EstateChange, Register};

use crate::AppError;

/// Reads, parses and validates the estate file `path` (see [`parse`]).
pub fn read(path: &Path, policies: &PolicySet) -> Result<Estate, AppError> {
    let text = std::fs::read_to_string(path).map_err(|source| AppError::Read {
        path: path.to_owned(),
        source,
    })?;
    parse(&text, &path.display().to_string(), policies)
}

/// The estate as an estate file (what `estate show --format toml` prints; it reads back
/// unchanged).
pub fn to_toml(estate: &Estate) -> String {
    camsweep_import::estate::to_toml(estate)
}

/// Parses and validates an estate file's text (every problem at once, with file:line).
pub fn parse(text: &str, file: &str, policies: &PolicySet) -> Result<Estate, AppError> {
    let packs: Vec<String> = policies.packs().iter().map(|p| p.id.clone()).collect();
    Ok(camsweep_import::estate::parse(text, file, Some(&packs))?)
}

/// What an import changed that findings depend on: until the next evaluation, the findings
/// of the devices there describe the estate as it was.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Stale {
    /// Sites whose sensitivity changed (or that are new), by id.
    pub sites: Vec<String>,
    /// Networks whose zone or site changed (or that are new or gone), by id.
    pub networks: Vec<String>,
    /// Organisations whose policy packs changed, by id.
    pub organisations: Vec<String>,
    /// Devices the import placed on another network, or unplaced.
    pub devices_replaced: usize,
}

impl Stale {
    pub fn is_empty(&self) -> bool {
        self.sites.is_empty()
            && self.networks.is_empty()
            && self.organisations.is_empty()
            && self.devices_replaced == 0
    }

    /// One line for the operator: what changed and what to run. `None` when nothing is stale.
    pub fn hint(&self) -> Option<String> {
        if self.is_empty() {
            return None;
        }
        let named = |what: &str, ids: &[String]| {
            let shown: Vec<&str> = ids.iter().take(5).map(String::as_str).collect();
            let more = ids.len().saturating_sub(shown.len());
            let more = if more > 0 {
                format!(" and {more} more")
            } else {
                String::new()
            };
            format!("{} {what} ({}{more})", ids.len(), shown.join(", "))
        };
        let mut parts = Vec::new();
        if !self.sites.is_empty() {
            parts.push(named("site(s) changed sensitivity", &self.sites));
        }
        if !self.networks.is_empty() {
            parts.push(named("network(s) changed zone or site", &self.networks));
        }
        if !self.organisations.is_empty() {
            parts.push(named(
                "organisation(s) changed policy packs",
                &self.organisations,
            ));
        }
        if self.devices_replaced > 0 {
            parts.push(format!("{} device(s) moved", self.devices_replaced));
        }
        Some(format!(
            "{}: findings there describe the old estate until `camsweep evaluate` runs (or import with --evaluate)",
            parts.join("; ")
        ))
    }
}

/// What findings depend on that differs between `before` and `after`.
pub fn stale_between(before: &Estate, after: &Estate) -> Stale {
    use std::collections::HashMap;
    let sites: HashMap<&str, _> = before.sites.iter().map(|s| (s.id.as_str(), s)).collect();
    let networks: HashMap<&str, _> = before.networks.iter().map(|n| (n.id.as_str(), n)).collect();
    let organisations: HashMap<&str, _> = before
        .organisations
        .iter()
        .map(|o| (o.id.as_str(), o))
        .collect();
    let kept: std::collections::HashSet<&str> =
        after.networks.iter().map(|n| n.id.as_str()).collect();
    let mut stale = Stale {
        sites: after
            .sites
            .iter()
            .filter(|s| {
                sites
                    .get(s.id.as_str())
                    .is_none_or(|old| old.sensitivity != s.sensitivity)
            })
            .map(|s| s.id.clone())
            .collect(),
        networks: after
            .networks
            .iter()
            .filter(|n| {
                networks
                    .get(n.id.as_str())
                    .is_none_or(|old| old.zone != n.zone || old.site != n.site)
            })
            .map(|n| n.id.clone())
            .collect(),
        organisations: after
            .organisations
            .iter()
            .filter(|o| {
                organisations
                    .get(o.id.as_str())
                    .is_some_and(|old| old.policies != o.policies)
            })
            .map(|o| o.id.clone())
            .collect(),
        devices_replaced: 0,
    };
    stale.networks.extend(
        before
            .networks
            .iter()
            .filter(|n| !kept.contains(n.id.as_str()))
            .map(|n| n.id.clone()),
    );
    stale
}

/// The result of [`import`].
#[derive(Debug)]
pub struct Imported {
    pub change: EstateChange,
    /// What the findings no longer reflect. Compared with the estate read just before the
    /// import's own transaction: a concurrent import in between can only make this hint
    /// incomplete, never the register wrong.
    pub stale: Stale,
}

/// Applies `estate` in one transaction. Unless `allow_removals`, an estate that would delete
/// sites or networks still holding devices is refused with their list (checked inside the
/// import's transaction), and nothing changes.
pub async fn import(
    register: &Register,
    estate: &Estate,
    actor: &str,
    allow_removals: bool,
) -> Result<Imported, AppError> {
    let change = register.apply_estate(estate, actor, allow_removals).await?;
    // Against the estate the import itself replaced, read in its transaction: a read taken
    // before it could miss another import committed in between.
    let mut stale = stale_between(&change.replaced, estate);
    stale.devices_replaced = change.devices_replaced;
    Ok(Imported { change, stale })
}

#[cfg(test)]
mod tests {
    use super::*;
    use camsweep_model::{Sensitivity, Zone};

    #[test]
    fn sensitivity_zone_and_removed_networks_are_stale_and_names_are_not() {
        let before = crate::evaluate::tests::two_site_estate();
        assert_eq!(stale_between(&before, &before), Stale::default());
        assert_eq!(stale_between(&before, &before).hint(), None);
        let mut after = before.clone();
        after.sites[0].sensitivity = Sensitivity::NonSensitive;
        after.networks[2].zone = Zone::Isolated;
        let stale = stale_between(&before, &after);
        assert_eq!(stale.sites, ["hq"]);
        assert_eq!(stale.networks, ["hq-facilities"]);
        let hint = stale.hint().unwrap();
        assert!(
            hint.contains("1 site(s) changed sensitivity (hq)"),
            "{hint}"
        );
        assert!(hint.contains("camsweep evaluate"), "{hint}");
        let mut renamed = before.clone();
        renamed.sites[0].name = "Head office".into();
        assert!(stale_between(&before, &renamed).is_empty());
        let mut fewer = before.clone();
        fewer.networks.pop();
        assert_eq!(stale_between(&before, &fewer).networks, ["hq-facilities"]);
    }
}
