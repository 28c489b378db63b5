//! Everything a report shows, read from the register into the report's pure [`ReportData`]:
//! devices with their identification and status, findings, the plan with each item's status
//! read together with its device's state, scans with their coverage, progress.

use std::collections::{BTreeMap, BTreeSet};

use camsweep_kb::KnowledgeBase;
use camsweep_model::PrcNil;
use camsweep_model::Sensitivity;
use camsweep_policy::PolicySet;
use camsweep_register::{FindingFilter, Register};
use camsweep_report as report;
use report::{DeviceStatus, FindingStatus, PlanStatus, ReportData};

use crate::AppError;

/// A `YYYY-MM-DD` date.
pub fn parse_date(text: &str) -> Result<time::Date, AppError> {
    time::Date::parse(text, &time::format_description::well_known::Iso8601::DATE)
        .map_err(|_| AppError::invalid(format!("{text:?} is not a date (YYYY-MM-DD)")))
}

/// The register's plan statuses read with the device's state. People record `open`,
/// `scheduled`, `replaced`, `removed`, `waived`; `camsweep evaluate` records `reopened`, `closed`
/// (finding resolved without a recorded removal) and `verified_at`. A removal or replacement is
/// done once a rescan no longer finds the device (verified, or the device is already marked
/// missing); a scan that sees the device after the removal was recorded reopens it; until a
/// scan says either, it waits for verification.
pub fn plan_status(
    status: camsweep_model::PlanStatus,
    verified: bool,
    device_missing: bool,
    seen_after_update: bool,
) -> PlanStatus {
    use camsweep_model::PlanStatus as Stored;
    match status {
        Stored::Removed | Stored::Replaced if verified || device_missing => PlanStatus::Done,
        Stored::Removed | Stored::Replaced if seen_after_update => PlanStatus::Reopened,
        Stored::Removed | Stored::Replaced => PlanStatus::AwaitingVerification,
        Stored::Scheduled => PlanStatus::InProgress,
        Stored::Waived | Stored::Closed => PlanStatus::Cancelled,
        Stored::Reopened => PlanStatus::Reopened,
        Stored::Open => PlanStatus::Open,
    }
}

/// `a` is after `b`, both RFC 3339 (compared as instants; text order is not time order when
/// sub-second widths differ).
pub fn later(a: &str, b: &str) -> bool {
    let parse =
        |t: &str| time::OffsetDateTime::parse(t, &time::format_description::well_known::Rfc3339);
    match (parse(a), parse(b)) {
        (Ok(a), Ok(b)) => a > b,
        _ => a > b,
    }
}

/// Whether equipment of this maker is "covered": its maker is subject to the PRC National
/// Intelligence Law, or a list (section 889, the FCC Covered List) names it. The one definition
/// the reports and the server's device filter share.
pub fn covered(vendor: Option<&camsweep_model::VendorFacts>) -> bool {
    vendor.is_some_and(|v| v.subject_to_prc_nil == PrcNil::Yes || !v.lists.is_empty())
}

/// Reads everything a report shows from the register.
pub async fn gather(
    register: &Register,
    kb: &KnowledgeBase,
    policies: &PolicySet,
    title: &str,
) -> Result<ReportData, AppError> {
    let estate = register.estate().await?;
    let records = register.devices().await?;
    let findings = register
        .findings(
            &FindingFilter {
                include_resolved: true,
                ..FindingFilter::default()
            },
            &camsweep_register::today(),
        )
        .await?;
    let plan_items = register.plan_items().await?;

    let mut removal_claimed: BTreeMap<&str, &str> = BTreeMap::new();
    for item in &plan_items {
        if matches!(item.status.as_str(), "removed" | "replaced") {
            removal_claimed.insert(item.device_id.as_str(), item.updated_at.as_str());
        }
    }
    let mut kb_sources: BTreeSet<String> = BTreeSet::new();
    let mut devices = Vec::with_capacity(records.len());
    let mut missing: BTreeMap<String, bool> = BTreeMap::new();
    let mut last_seen: BTreeMap<String, String> = BTreeMap::new();
    for record in &records {
        missing.insert(record.id.clone(), record.missing);
        last_seen.insert(record.id.clone(), record.last_seen.clone());
        let identification = record.identification.as_ref();
        let vendor = identification.and_then(|i| i.vendor.as_ref());
        if let Some(vendor) = vendor {
            kb_sources.extend(vendor.sources.iter().cloned());
        }
        let prc_nil = vendor.map_or(PrcNil::Unknown, |v| v.subject_to_prc_nil);
        let lists: Vec<String> = vendor
            .map(|v| v.lists.iter().map(|l| l.list.clone()).collect())
            .unwrap_or_default();
        let removed_at = removal_claimed.get(record.id.as_str()).copied();
        let status = match (record.missing, removed_at) {
            (true, Some(_)) => DeviceStatus::Removed,
            (true, None) => DeviceStatus::Missing,
            (false, _) => DeviceStatus::Present,
        };
        devices.push(report::Device {
            id: record.id.clone(),
            address: record
                .address
                .clone()
                .or_else(|| record.label.clone())
                .unwrap_or_else(|| record.key.clone()),
            mac: record.mac.clone(),
            site: record.site_id.clone(),
            network: record.network_id.clone(),
            manufacturer: identification.and_then(|i| i.manufacturer.clone()),
            manufacturer_name: vendor.map(|v| v.name.clone()),
            brand: identification.and_then(|i| i.brand.clone()),
            own_brand: identification.is_some_and(|i| is_own_brand(kb, i)),
            model: identification.and_then(|i| i.model.clone()),
            firmware: identification.and_then(|i| i.firmware.clone()),
            device_type: identification.map_or(Default::default(), |i| i.device_type),
            confidence: identification.map_or(0.0, |i| i.confidence),
            prc_nil,
            covered: covered(identification.and_then(|i| i.vendor.as_deref())),
            lists,
            evidence: identification.map_or_else(Vec::new, |i| i.evidence.clone()),
            status,
            removed_on: match status {
                DeviceStatus::Removed => {
                    removed_at.and_then(|at| parse_date(&at[..10.min(at.len())]).ok())
                }
                _ => None,
            },
            last_seen: Some(record.last_seen.clone()),
        });
    }
    let mut report_findings = Vec::with_capacity(findings.len());
    for f in &findings {
        let severity = f.finding.severity;
        report_findings.push(report::Finding {
            id: f.id.clone(),
            device: f.device_id.clone(),
            pack: f.finding.pack.clone(),
            rule: f.finding.rule.clone(),
            severity,
            action: f.finding.action.clone(),
            message: f.finding.message.clone(),
            citation: report::Citation {
                reference: match &f.finding.citation_paragraph {
                    Some(paragraph) => format!("{}, {paragraph}", f.finding.citation_document),
                    None => f.finding.citation_document.clone(),
                },
                url: f.finding.citation_url.clone(),
                quote: None,
            },
            site: f.site_id.clone(),
            status: match f.status {
                camsweep_register::FindingStatus::Open => FindingStatus::Open,
                camsweep_register::FindingStatus::Waived => FindingStatus::Waived,
                camsweep_register::FindingStatus::Resolved => FindingStatus::Closed,
            },
            waiver: f.waiver.as_ref().and_then(|w| {
                Some(report::Waiver {
                    reason: w.reason.clone(),
                    until: parse_date(&w.until).ok()?,
                    approved_by: w.granted_by.clone(),
                })
            }),
        });
    }
    let plan: Vec<report::PlanItem> = plan_items
        .iter()
        .map(|p| report::PlanItem {
            id: p.id.clone(),
            device: p.device_id.clone(),
            findings: p.finding_id.iter().cloned().collect(),
            priority: u32::try_from(p.priority.max(0)).unwrap_or(u32::MAX),
            action: p.action.clone(),
            due: p.due.as_deref().and_then(|d| parse_date(d).ok()),
            status: plan_status(
                p.status,
                p.verified_at.is_some(),
                missing.get(&p.device_id).copied().unwrap_or(false),
                last_seen
                    .get(&p.device_id)
                    .is_some_and(|seen| later(seen, &p.updated_at)),
            ),
            replaced_by: p.replaced_by.clone(),
            note: None,
        })
        .collect();
    // Progress: each closed item counts as closed from the day it was last updated; the
    // register keeps no dated series of plan states, so this is the best history it allows.
    let mut closed_on: BTreeMap<time::Date, u64> = BTreeMap::new();
    for (item, record) in plan.iter().zip(&plan_items) {
        let closed_at = record.verified_at.as_deref().unwrap_or(&record.updated_at);
        if item.status.is_closed()
            && let Ok(day) = parse_date(&closed_at[..10.min(closed_at.len())])
        {
            *closed_on.entry(day).or_default() += 1;
        }
    }
    let today = parse_date(&camsweep_register::today())?;
    closed_on.entry(today).or_default();
    let total = plan.len() as u64;
    let mut closed_so_far = 0;
    let progress = closed_on
        .into_iter()
        .map(|(date, closed)| {
            closed_so_far += closed;
            report::ProgressPoint {
                date,
                open: total - closed_so_far.min(total),
                closed: closed_so_far,
            }
        })
        .collect();
    let scans = register
        .scans()
        .await?
        .into_iter()
        .map(|scan| report::ScanRecord {
            id: scan.id,
            started_at: scan.started_at,
            finished_at: scan.finished_at,
            targets: scan.targets,
            // Observation imports and scans stored before coverage was recorded say only how
            // many devices they held.
            hosts_scanned: scan
                .hosts_scanned
                .map_or(scan.devices, |h| h)
                .try_into()
                .unwrap_or(0),
            devices_found: scan.devices.try_into().unwrap_or(0),
            unresponsive: scan.unresponsive,
            malformed: scan.malformed,
            interrupted: scan.interrupted,
            kb_version: scan.kb_version,
        })
        .collect();
    Ok(ReportData {
        title: title.to_owned(),
        generated_at: time::OffsetDateTime::now_utc(),
        kb: report::KbInfo {
            version: kb.version.trim().to_owned(),
            sources: kb_sources.into_iter().collect(),
        },
        policy_packs: policies
            .packs()
            .iter()
            .map(|p| report::PolicyPackInfo {
                id: p.id.clone(),
                name: p.title.clone(),
                version: p.version.clone(),
                sources: p.sources.clone(),
            })
            .collect(),
        organisations: estate
            .organisations
            .iter()
            .map(|o| report::Organisation {
                id: o.id.clone(),
                name: o.name.clone(),
            })
            .collect(),
        sites: estate
            .sites
            .iter()
            .map(|s| report::Site {
                id: s.id.clone(),
                organisation: s.organisation.clone(),
                name: s.name.clone(),
                sensitive: s.sensitivity == Sensitivity::Sensitive,
            })
            .collect(),
        networks: estate
            .networks
            .iter()
            .map(|n| report::Network {
                id: n.id.clone(),
                site: n.site.clone(),
                name: n.id.clone(),
                cidr: n
                    .cidrs
                    .iter()
                    .map(ToString::to_string)
                    .collect::<Vec<_>>()
                    .join(" "),
                zone: n.zone.as_str().to_owned(),
            })
            .collect(),
        devices,
        findings: report_findings,
        plan,
        scans,
        progress,
    })
}

/// Whether the identification's brand is one of its maker's own brands in the registry
/// (Wisenet for Hanwha Vision), not another company's label on the maker's equipment.
fn is_own_brand(kb: &KnowledgeBase, identification: &camsweep_model::Identification) -> bool {
    let (Some(brand), Some(maker)) = (&identification.brand, &identification.manufacturer) else {
        return false;
    };
    kb.vendors
        .resolve_brand(brand)
        .iter()
        .any(|m| &m.manufacturer == maker && m.kind == camsweep_kb::vendors::BrandKind::OwnBrand)
}

#[cfg(test)]
mod own_brand_tests {
    use super::*;

    fn identified(maker: &str, brand: &str) -> camsweep_model::Identification {
        let mut identification = camsweep_model::Identification::unknown("test");
        identification.manufacturer = Some(maker.to_owned());
        identification.brand = Some(brand.to_owned());
        identification
    }

    /// Regression: the demo counted Hanwha's Wisenet and Ubiquiti's UniFi cameras as
    /// "sold under another brand", beside real relabels such as LTS on Hikvision.
    #[test]
    fn a_makers_own_brand_is_not_a_relabel() {
        let kb = KnowledgeBase::embedded().expect("embedded KB");
        assert!(is_own_brand(&kb, &identified("hanwha", "Wisenet")));
        assert!(is_own_brand(&kb, &identified("ubiquiti", "UniFi")));
        assert!(!is_own_brand(&kb, &identified("hikvision", "LTS")));
        assert!(!is_own_brand(
            &kb,
            &identified("hikvision", "No Such Brand")
        ));
    }
}
