//! Counts computed once from a [`ReportData`] and shared by every format, so that the HTML,
//! the spreadsheet, the CSV files and the JSON cannot disagree.

use std::collections::{BTreeMap, HashMap};

use camsweep_model::PrcNil;
use serde::Serialize;

use crate::data::{CORE_ZONE, Device, FindingStatus, Network, ReportData, Severity, Site};

/// Fast lookups by id (the data holds plain vectors).
pub struct Index<'a> {
    sites: HashMap<&'a str, &'a Site>,
    networks: HashMap<&'a str, &'a Network>,
    devices: HashMap<&'a str, &'a Device>,
    organisations: HashMap<&'a str, &'a str>,
}

impl<'a> Index<'a> {
    pub fn new(data: &'a ReportData) -> Self {
        Self {
            sites: data.sites.iter().map(|s| (s.id.as_str(), s)).collect(),
            networks: data.networks.iter().map(|n| (n.id.as_str(), n)).collect(),
            devices: data.devices.iter().map(|d| (d.id.as_str(), d)).collect(),
            organisations: data
                .organisations
                .iter()
                .map(|o| (o.id.as_str(), o.name.as_str()))
                .collect(),
        }
    }

    pub fn site(&self, id: Option<&str>) -> Option<&'a Site> {
        id.and_then(|id| self.sites.get(id).copied())
    }

    pub fn network(&self, id: Option<&str>) -> Option<&'a Network> {
        id.and_then(|id| self.networks.get(id).copied())
    }

    pub fn device(&self, id: &str) -> Option<&'a Device> {
        self.devices.get(id).copied()
    }

    pub fn organisation_name(&self, id: &str) -> Option<&'a str> {
        self.organisations.get(id).copied()
    }

    pub fn site_of(&self, device: &Device) -> Option<&'a Site> {
        self.site(device.site.as_deref())
    }

    pub fn network_of(&self, device: &Device) -> Option<&'a Network> {
        self.network(device.network.as_deref())
    }

    /// Whether the device sits on a sensitive site.
    pub fn on_sensitive_site(&self, device: &Device) -> bool {
        self.site_of(device).is_some_and(|s| s.sensitive)
    }

    /// Whether the device sits on a core network.
    pub fn on_core_network(&self, device: &Device) -> bool {
        self.network_of(device).is_some_and(|n| n.zone == CORE_ZONE)
    }

    /// The site's name, or "unplaced".
    pub fn site_label(&self, device: &Device) -> &'a str {
        self.site_of(device).map_or("unplaced", |s| s.name.as_str())
    }

    /// The network's zone, or "unplaced".
    pub fn zone_label(&self, device: &Device) -> &'a str {
        self.network_of(device)
            .map_or("unplaced", |n| n.zone.as_str())
    }

    /// The organisation owning the device's site, or "unplaced".
    pub fn organisation_label(&self, device: &Device) -> &'a str {
        self.site_of(device)
            .and_then(|s| self.organisation_name(&s.organisation))
            .unwrap_or("unplaced")
    }
}

/// Covered versus not covered equipment in one group (a site sensitivity, a network zone).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct CoverageRow {
    pub group: String,
    pub covered: u64,
    pub not_covered: u64,
}

/// Findings that still matter (open or waived) for one action, by severity.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ActionRow {
    pub action: String,
    /// Indexed like [`Severity::ALL`].
    pub by_severity: [u64; 5],
}

impl ActionRow {
    pub fn total(&self) -> u64 {
        self.by_severity.iter().sum()
    }
}

/// The headline numbers of a report.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Summary {
    /// Every device in the register, removed ones included.
    pub devices_total: u64,
    /// Present or missing (not removed).
    pub devices_on_estate: u64,
    /// On the estate and not identified as something other than surveillance equipment.
    pub equipment_on_estate: u64,
    /// Equipment on the estate made by companies subject to the PRC National Intelligence Law.
    pub prc_nil_equipment: u64,
    pub prc_nil_on_sensitive_sites: u64,
    pub prc_nil_on_core_networks: u64,
    /// Equipment on the estate whose maker some policy pack covers.
    pub covered_equipment: u64,
    pub relabelled_equipment: u64,
    pub unidentified_equipment: u64,
    pub devices_removed: u64,
    pub devices_missing: u64,
    pub findings_total: u64,
    pub findings_open: u64,
    pub findings_waived: u64,
    pub findings_closed: u64,
    pub plan_items: u64,
    pub plan_open: u64,
    pub plan_closed: u64,
    pub scans: u64,
    pub unresponsive_hosts: u64,
    /// Equipment on the estate by true manufacturer, most first ("unknown" included).
    pub by_manufacturer: Vec<(String, u64)>,
    pub covered_by_sensitivity: Vec<CoverageRow>,
    pub covered_by_zone: Vec<CoverageRow>,
    pub findings_by_action: Vec<ActionRow>,
}

impl Summary {
    pub fn of(data: &ReportData) -> Self {
        Self::with_index(data, &Index::new(data))
    }

    pub fn with_index(data: &ReportData, index: &Index<'_>) -> Self {
        let mut summary = Summary {
            devices_total: data.devices.len() as u64,
            devices_on_estate: 0,
            equipment_on_estate: 0,
            prc_nil_equipment: 0,
            prc_nil_on_sensitive_sites: 0,
            prc_nil_on_core_networks: 0,
            covered_equipment: 0,
            relabelled_equipment: 0,
            unidentified_equipment: 0,
            devices_removed: 0,
            devices_missing: 0,
            findings_total: data.findings.len() as u64,
            findings_open: 0,
            findings_waived: 0,
            findings_closed: 0,
            plan_items: data.plan.len() as u64,
            plan_open: 0,
            plan_closed: 0,
            scans: data.scans.len() as u64,
            unresponsive_hosts: data
                .scans
                .iter()
                .map(|s| (s.unresponsive.len() + s.malformed.len()) as u64)
                .sum(),
            by_manufacturer: Vec::new(),
            covered_by_sensitivity: Vec::new(),
            covered_by_zone: Vec::new(),
            findings_by_action: Vec::new(),
        };
        let mut by_maker: BTreeMap<&str, u64> = BTreeMap::new();
        let mut by_sensitivity: BTreeMap<&str, (u64, u64)> = BTreeMap::new();
        let mut by_zone: BTreeMap<&str, (u64, u64)> = BTreeMap::new();
        for device in &data.devices {
            match device.status {
                crate::DeviceStatus::Removed => {
                    summary.devices_removed += 1;
                    continue;
                }
                crate::DeviceStatus::Missing => summary.devices_missing += 1,
                crate::DeviceStatus::Present => {}
            }
            summary.devices_on_estate += 1;
            if !device.is_equipment() {
                continue;
            }
            summary.equipment_on_estate += 1;
            *by_maker.entry(device.manufacturer_label()).or_default() += 1;
            let sensitive = index.on_sensitive_site(device);
            let core = index.on_core_network(device);
            if device.prc_nil == PrcNil::Yes {
                summary.prc_nil_equipment += 1;
                summary.prc_nil_on_sensitive_sites += u64::from(sensitive);
                summary.prc_nil_on_core_networks += u64::from(core);
            }
            summary.covered_equipment += u64::from(device.covered);
            summary.relabelled_equipment += u64::from(device.is_relabelled());
            summary.unidentified_equipment += u64::from(device.is_unidentified());
            let sensitivity = match index.site_of(device) {
                Some(site) if site.sensitive => "sensitive sites",
                Some(_) => "non-sensitive sites",
                None => "unplaced",
            };
            let slot = by_sensitivity.entry(sensitivity).or_default();
            let zone = by_zone.entry(index.zone_label(device)).or_default();
            if device.covered {
                slot.0 += 1;
                zone.0 += 1;
            } else {
                slot.1 += 1;
                zone.1 += 1;
            }
        }
        let mut by_action: BTreeMap<&str, [u64; 5]> = BTreeMap::new();
        for finding in &data.findings {
            match finding.status {
                FindingStatus::Open => summary.findings_open += 1,
                FindingStatus::Waived => summary.findings_waived += 1,
                FindingStatus::Closed => {
                    summary.findings_closed += 1;
                    continue;
                }
            }
            let severity = Severity::ALL
                .iter()
                .position(|s| *s == finding.severity)
                .unwrap_or(Severity::ALL.len() - 1);
            by_action.entry(finding.action.as_str()).or_default()[severity] += 1;
        }
        for item in &data.plan {
            if item.status.is_closed() {
                summary.plan_closed += 1;
            } else {
                summary.plan_open += 1;
            }
        }
        let mut makers: Vec<(String, u64)> = by_maker
            .into_iter()
            .map(|(name, count)| (name.to_owned(), count))
            .collect();
        makers.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
        summary.by_manufacturer = makers;
        summary.covered_by_sensitivity = coverage_rows(by_sensitivity);
        // The order a reader expects: the sites the rules are strictest about first.
        summary
            .covered_by_sensitivity
            .sort_by_key(|row| match row.group.as_str() {
                "sensitive sites" => 0,
                "non-sensitive sites" => 1,
                _ => 2,
            });
        summary.covered_by_zone = coverage_rows(by_zone);
        let mut actions: Vec<ActionRow> = by_action
            .into_iter()
            .map(|(action, by_severity)| ActionRow {
                action: action.to_owned(),
                by_severity,
            })
            .collect();
        actions.sort_by(|a, b| b.total().cmp(&a.total()).then(a.action.cmp(&b.action)));
        summary.findings_by_action = actions;
        summary
    }

    /// The headline numbers as (label, value) pairs, in the order every format shows them.
    pub fn key_figures(&self) -> Vec<(&'static str, u64)> {
        vec![
            ("Devices on the estate", self.devices_on_estate),
            ("Surveillance equipment", self.equipment_on_estate),
            (
                "Made by companies subject to the PRC National Intelligence Law",
                self.prc_nil_equipment,
            ),
            (
                "of which on sensitive sites",
                self.prc_nil_on_sensitive_sites,
            ),
            ("of which on core networks", self.prc_nil_on_core_networks),
            ("Covered by a policy pack", self.covered_equipment),
            (
                "Relabelled (sold under another brand)",
                self.relabelled_equipment,
            ),
            ("Unidentified manufacturer", self.unidentified_equipment),
            ("Devices missing from the latest scan", self.devices_missing),
            ("Devices removed (verified)", self.devices_removed),
            ("Findings open", self.findings_open),
            ("Findings waived", self.findings_waived),
            ("Findings closed", self.findings_closed),
            ("Plan items open", self.plan_open),
            ("Plan items closed", self.plan_closed),
            (
                "Hosts that did not answer properly",
                self.unresponsive_hosts,
            ),
        ]
    }
}

fn coverage_rows(groups: BTreeMap<&str, (u64, u64)>) -> Vec<CoverageRow> {
    groups
        .into_iter()
        .map(|(group, (covered, not_covered))| CoverageRow {
            group: group.to_owned(),
            covered,
            not_covered,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sample;

    #[test]
    fn small_estate_counts_match_the_hand_count() {
        let s = Summary::of(&sample::small());
        assert_eq!(s.devices_total, 10);
        assert_eq!(s.devices_on_estate, 9);
        // d7 is a printer: not surveillance equipment.
        assert_eq!(s.equipment_on_estate, 8);
        assert_eq!(s.prc_nil_equipment, 6);
        assert_eq!(s.prc_nil_on_sensitive_sites, 3);
        assert_eq!(s.prc_nil_on_core_networks, 3);
        assert_eq!(s.covered_equipment, 6);
        // LTS and Amcrest; a Hikvision device branded "Hikvision" is not a relabel.
        assert_eq!(s.relabelled_equipment, 2);
        assert_eq!(s.unidentified_equipment, 1);
        assert_eq!((s.devices_missing, s.devices_removed), (1, 1));
        assert_eq!(
            (s.findings_open, s.findings_waived, s.findings_closed),
            (6, 1, 1)
        );
        assert_eq!((s.plan_open, s.plan_closed), (4, 1));
        assert_eq!(s.unresponsive_hosts, 2);
        assert_eq!(
            s.by_manufacturer,
            vec![
                ("Hikvision".to_owned(), 4),
                ("Dahua".to_owned(), 2),
                ("Axis Communications".to_owned(), 1),
                ("unknown".to_owned(), 1),
            ]
        );
    }

    #[test]
    fn coverage_groups_add_up_to_the_equipment() {
        let s = Summary::of(&sample::small());
        let sum = |rows: &[CoverageRow]| -> (u64, u64) {
            rows.iter()
                .fold((0, 0), |(c, n), r| (c + r.covered, n + r.not_covered))
        };
        assert_eq!(sum(&s.covered_by_sensitivity), (6, 2));
        assert_eq!(sum(&s.covered_by_zone), (6, 2));
        let sensitive = s
            .covered_by_sensitivity
            .iter()
            .find(|r| r.group == "sensitive sites")
            .unwrap();
        // d1, d2, d3 covered; d6 (unidentified) not.
        assert_eq!((sensitive.covered, sensitive.not_covered), (3, 1));
    }

    #[test]
    fn findings_chart_counts_open_and_waived_but_not_closed() {
        let s = Summary::of(&sample::small());
        let total: u64 = s.findings_by_action.iter().map(ActionRow::total).sum();
        assert_eq!(total, 7);
        let disconnect = s
            .findings_by_action
            .iter()
            .find(|a| a.action == "disconnect")
            .unwrap();
        assert_eq!(disconnect.by_severity, [3, 0, 0, 0, 0]);
    }

    #[test]
    fn a_dangling_site_reference_counts_as_unplaced_not_a_panic() {
        let mut data = sample::small();
        data.devices[0].site = Some("no-such-site".into());
        data.devices[0].network = Some("no-such-network".into());
        let s = Summary::of(&data);
        assert_eq!(s.prc_nil_on_sensitive_sites, 2);
        assert!(s.covered_by_zone.iter().any(|r| r.group == "unplaced"));
    }
}
