//! Evaluation: recompute every device's identification (from its stored observations, with the
//! current knowledge base) and its findings (with the policy packs its organisation applies),
//! store what changed in one transaction with history, and bring the remediation plan in line
//! with the findings (items created, verified, reopened, closed). The plan's state machine is a
//! pure function, [`plan_change`].

use std::collections::HashMap;

use camsweep_identify::Engine;
use camsweep_model::Zone;
use camsweep_model::estate::{EstateIndex, Network, Organisation, Site};
use camsweep_model::{Identification, PlanChangeKind, PlanStatus};
use camsweep_policy::plan::{PlanDraft, plan_item};
use camsweep_policy::{
    DeviceContext, DeviceFacts, FindingDraft, NetworkFacts, OrgFacts, PolicySet, SiteFacts,
};
use camsweep_register::{
    DeviceRecord, EvaluationDelta, FindingState, FindingStatus, NewFinding, PlanChange, PlanItem,
    Register, new_id, now_rfc3339, today,
};
use time::format_description::well_known::Rfc3339;

use crate::AppError;

/// What an evaluation changed, in two lines (identifications and findings; the plan).
pub fn summary_lines(evaluation: &Evaluation, kb_version: &str) -> String {
    let Evaluation { delta, plan } = evaluation;
    format!(
        "evaluated {} devices (KB {kb_version}): {} identifications changed; findings: {} new, {} resolved, {} still open\n\
         plan: {} items created, {} updated, {} removals verified, {} reopened, {} closed, {} waived, {} unwaived",
        delta.devices,
        delta.identifications_changed,
        delta.findings_new,
        delta.findings_resolved,
        delta.findings_still_open,
        plan.created,
        plan.updated,
        plan.verified,
        plan.reopened,
        plan.closed,
        plan.waived,
        plan.unwaived
    )
}

/// What one `camsweep evaluate` changed: identifications and findings, and the plan.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize)]
pub struct Evaluation {
    pub delta: EvaluationDelta,
    pub plan: PlanDelta,
}

/// Plan items an evaluation created or moved, by kind of change.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize)]
pub struct PlanDelta {
    pub created: usize,
    pub updated: usize,
    pub verified: usize,
    pub reopened: usize,
    pub closed: usize,
    pub waived: usize,
    pub unwaived: usize,
}

impl PlanDelta {
    fn count(&mut self, kind: PlanChangeKind) {
        let counter = match kind {
            PlanChangeKind::Created => &mut self.created,
            PlanChangeKind::Updated => &mut self.updated,
            PlanChangeKind::Verified => &mut self.verified,
            PlanChangeKind::Reopened => &mut self.reopened,
            PlanChangeKind::Closed => &mut self.closed,
            PlanChangeKind::Waived => &mut self.waived,
            PlanChangeKind::Unwaived => &mut self.unwaived,
        };
        *counter += 1;
    }
}

/// Re-identifies and re-evaluates the whole register, then brings the remediation plan in line
/// (see [`plan_change`]). Devices marked missing are left out, so their findings resolve: a
/// device a rescan no longer finds is taken as removed.
pub async fn evaluate(
    register: &Register,
    engine: &Engine<'_>,
    policies: &PolicySet,
    actor: &str,
) -> Result<Evaluation, AppError> {
    let estate = register.estate().await?;
    let index = EstateIndex::new(&estate);
    let devices = register.devices().await?;
    let mut observations = register.observations_by_device().await?;
    let now = today();
    // Identification and the packs are CPU-bound: off the executor's hands.
    let (identifications, contexts, drafts) = crate::cpu_bound(|| {
        let mut identifications = Vec::with_capacity(devices.len());
        let mut contexts = Vec::with_capacity(devices.len());
        for device in devices.iter().filter(|d| !d.missing) {
            let identification = match observations.remove(&device.id) {
                Some(obs) if !obs.is_empty() => engine.identify(&obs),
                // No raw evidence kept (e.g. an import): keep what was stored.
                _ => device
                    .identification
                    .clone()
                    .unwrap_or_else(|| Identification::unknown(engine.kb().version.clone())),
            };
            contexts.push(context_for(
                device,
                &identification,
                &index,
                &now,
                &engine.kb().vulns,
            ));
            identifications.push((device.id.clone(), identification));
        }
        drop(observations);
        let drafts = policies.evaluate_batch(&contexts, &[])?;
        Ok::<_, AppError>((identifications, contexts, drafts))
    })?;

    // The plan: one item per finding that asks for an action.
    let mut wanted: HashMap<(String, String, String), PlanDraft> = HashMap::new();
    for (context, drafts) in contexts.iter().zip(&drafts) {
        let reachable = reachable_from_core(context, &index);
        for draft in drafts {
            if let Some(item) = plan_item(draft, context, reachable) {
                let key = (
                    context.device.id.clone(),
                    draft.pack.clone(),
                    draft.rule.clone(),
                );
                wanted.insert(key, item);
            }
        }
    }
    drop(contexts);
    let results: Vec<_> = identifications
        .into_iter()
        .zip(drafts)
        .map(|((id, identification), drafts)| {
            let findings = drafts.into_iter().map(to_new_finding).collect();
            (id, identification, findings)
        })
        .collect();

    // Findings and the plan in one transaction, a unit of work driven from here: an evaluation
    // interrupted anywhere leaves the register as it was.
    let devices: HashMap<&str, &DeviceRecord> =
        devices.iter().map(|d| (d.id.as_str(), d)).collect();
    let mut unit = register.begin_evaluation().await?;
    let (delta, findings) = unit.apply_findings(&results, &now, actor).await?;
    let items = unit.plan_items_by_finding().await?;
    // Taken once the findings are stored, as when the plan was a second step.
    let at = now_rfc3339();
    let mut plan = PlanDelta::default();
    let changes: Vec<PlanChange> = findings
        .iter()
        .filter_map(|finding| {
            let device = devices.get(finding.device_id.as_str())?;
            let key = (
                finding.device_id.clone(),
                finding.pack.clone(),
                finding.rule.clone(),
            );
            let existing = items.get(&finding.id);
            let change = plan_change(existing, finding, wanted.get(&key), device, &at)?;
            plan.count(change.kind);
            Some(change)
        })
        .collect();
    drop(items);
    unit.apply_plan_changes(&changes, actor).await?;
    unit.commit().await?;
    Ok(Evaluation { delta, plan })
}

/// Whether a device not on the core network can be reached from it. The estate records zones,
/// not routes, so the rule is: a network declared `isolated` is not reachable; any other zone
/// (`other`, `unknown`) on a site that has a `core` network is taken as reachable (no
/// segregation has been declared, and the site's core network is one hop away). Devices on
/// the core network are on it, not "reachable from" it, and unplaced devices are not counted.
pub fn reachable_from_core(context: &DeviceContext, estate: &EstateIndex<'_>) -> bool {
    let (Some(network), Some(site)) = (&context.network, &context.site) else {
        return false;
    };
    // The zone as the estate types it, not the policy input's word for it.
    let Some(network) = estate.networks.get(network.id.as_str()) else {
        return false;
    };
    matches!(network.zone, Zone::Other | Zone::Unknown)
        && estate.sites_with_core.contains(site.id.as_str())
}

/// The next state of one finding's plan item, or `None` when nothing changes.
///
/// - A finding that asks for an action gets an item (`open`, or `waived` under a waiver).
/// - A recorded removal or replacement (`removed`/`replaced`, set by `camsweep plan update`) is
///   *verified* once a rescan no longer finds the device (it is marked missing), and *reopened*
///   when a scan finds the device after the removal was recorded (or after it was verified).
/// - Otherwise people's statuses (`scheduled`, ...) are kept; the finding moves the item only
///   between `open`, `waived`, `closed` (finding resolved) and `reopened` (resolved finding back).
/// - Priority, action and due follow the policy, except on items whose removal is recorded
///   (their `updated_at` is the time a rescan must come after).
pub fn plan_change(
    existing: Option<&PlanItem>,
    finding: &FindingState,
    wanted: Option<&PlanDraft>,
    device: &DeviceRecord,
    at: &str,
) -> Option<PlanChange> {
    let state = finding.status;
    let Some(existing) = existing else {
        // New items only for findings that stand and ask for something.
        let wanted = wanted?;
        if state == FindingStatus::Resolved {
            return None;
        }
        let status = if state == FindingStatus::Waived {
            PlanStatus::Waived
        } else {
            PlanStatus::Open
        };
        return Some(PlanChange {
            item: PlanItem {
                id: new_id(),
                finding_id: Some(finding.id.clone()),
                device_id: finding.device_id.clone(),
                priority: i64::from(wanted.priority),
                action: wanted.action.clone(),
                due: wanted.due.clone(),
                status,
                replaced_by: None,
                updated_at: at.to_owned(),
                verified_at: None,
            },
            kind: PlanChangeKind::Created,
            before: None,
        });
    };
    let mut item = existing.clone();
    let seen_since_update = !device.missing && later(&device.last_seen, &existing.updated_at);
    let kind = if existing.removal_claimed() {
        match (existing.verified_at.is_some(), device.missing) {
            (false, true) => {
                item.verified_at = Some(at.to_owned());
                Some(PlanChangeKind::Verified)
            }
            (_, false) if seen_since_update => {
                item.status = PlanStatus::Reopened;
                item.verified_at = None;
                Some(PlanChangeKind::Reopened)
            }
            _ => None,
        }
    } else {
        let (next, kind) = match (existing.status, state) {
            (PlanStatus::Closed, FindingStatus::Resolved) => (None, None),
            (_, FindingStatus::Resolved) => {
                (Some(PlanStatus::Closed), Some(PlanChangeKind::Closed))
            }
            (PlanStatus::Waived, FindingStatus::Waived) => (None, None),
            (_, FindingStatus::Waived) => (Some(PlanStatus::Waived), Some(PlanChangeKind::Waived)),
            (PlanStatus::Waived, FindingStatus::Open) => {
                (Some(PlanStatus::Open), Some(PlanChangeKind::Unwaived))
            }
            (PlanStatus::Closed, FindingStatus::Open) => {
                (Some(PlanStatus::Reopened), Some(PlanChangeKind::Reopened))
            }
            _ => (None, None),
        };
        if let Some(next) = next {
            item.status = next;
        }
        kind
    };
    let mut updated = false;
    if let Some(wanted) = wanted
        && !existing.removal_claimed()
    {
        let priority = i64::from(wanted.priority);
        if (item.priority, &item.action, &item.due) != (priority, &wanted.action, &wanted.due) {
            item.priority = priority;
            item.action = wanted.action.clone();
            item.due = wanted.due.clone();
            updated = true;
        }
    }
    let kind = match (kind, updated) {
        (Some(kind), _) => kind,
        (None, true) => PlanChangeKind::Updated,
        (None, false) => return None,
    };
    item.updated_at = at.to_owned();
    Some(PlanChange {
        item,
        kind,
        before: Some(existing.status),
    })
}

/// `a` is after `b`, both RFC 3339 (compared as instants: the scanner and the register write
/// different sub-second widths, so text order is not time order).
fn later(a: &str, b: &str) -> bool {
    let parse = |t: &str| time::OffsetDateTime::parse(t, &Rfc3339).ok();
    match (parse(a), parse(b)) {
        (Some(a), Some(b)) => a > b,
        _ => a > b,
    }
}

/// The policy input for one stored device: its identification and its place in the estate.
pub fn context_for(
    device: &DeviceRecord,
    identification: &Identification,
    estate: &EstateIndex<'_>,
    now: &str,
    vulns: &camsweep_kb::vulns::VulnDb,
) -> DeviceContext {
    let network = device
        .network_id
        .as_deref()
        .and_then(|id| estate.networks.get(id).copied());
    let site = network.and_then(|n| estate.sites.get(n.site.as_str()).copied());
    let organisation =
        site.and_then(|s| estate.organisations.get(s.organisation.as_str()).copied());
    let facts = DeviceFacts {
        id: device.id.clone(),
        address: device.address.clone(),
        manufacturer: identification.manufacturer.clone(),
        brand: identification.brand.clone(),
        model: identification.model.clone(),
        device_type: identification.device_type.as_str().to_owned(),
        confidence: identification.confidence,
        vendor: identification.vendor.as_deref().cloned(),
        first_seen: Some(device.first_seen.clone()),
        // From the identified maker, model and firmware only: nothing is sent to the device.
        vulnerabilities: vulns.matches(identification),
    };
    policy_input(facts, site, network, organisation, now, None)
}

/// The one policy-input builder: a device's facts placed on a site and network of the estate
/// (the organisation and its packs follow from the site). Used for stored devices
/// ([`context_for`]) and for proposed deployments (`gate::check`).
pub fn policy_input(
    device: DeviceFacts,
    site: Option<&Site>,
    network: Option<&Network>,
    organisation: Option<&Organisation>,
    now: &str,
    purpose: Option<String>,
) -> DeviceContext {
    DeviceContext {
        device,
        site: site.map(|s| SiteFacts {
            id: s.id.clone(),
            name: Some(s.name.clone()),
            sensitivity: s.sensitivity.as_str().to_owned(),
        }),
        network: network.map(|n| NetworkFacts {
            id: n.id.clone(),
            zone: n.zone.as_str().to_owned(),
            public_exposure: n.public_exposure,
        }),
        organisation: organisation.map(|o| OrgFacts {
            id: o.id.clone(),
            policies: o.policies.clone(),
        }),
        now: now.to_owned(),
        purpose,
    }
}

pub fn to_new_finding(draft: FindingDraft) -> NewFinding {
    NewFinding {
        pack: draft.pack,
        rule: draft.rule,
        title: draft.title,
        severity: draft.severity,
        action: draft.action,
        citation_document: draft.citation.document,
        citation_paragraph: Some(draft.citation.paragraph),
        citation_url: Some(draft.citation.url),
        message: draft.message,
        due: draft.due,
        due_basis: draft.due_basis,
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    fn finding(status: FindingStatus) -> FindingState {
        FindingState {
            id: "f1".into(),
            device_id: "d1".into(),
            pack: "uk-hcws386-2022".into(),
            rule: "r".into(),
            status,
        }
    }

    fn device(missing: bool, last_seen: &str) -> DeviceRecord {
        DeviceRecord {
            id: "d1".into(),
            key: "addr:hq-core/127.90.1.5".into(),
            mac: None,
            address: Some("127.90.1.5".into()),
            label: None,
            network_id: Some("hq-core".into()),
            site_id: Some("hq".into()),
            organisation_id: Some("dept".into()),
            first_seen: "2026-01-01T00:00:00Z".into(),
            last_seen: last_seen.into(),
            missing,
            identification: None,
        }
    }

    fn draft(priority: u8) -> PlanDraft {
        PlanDraft {
            priority,
            priority_reason: "sensitive site and core network".into(),
            action: "remove-and-replace".into(),
            due: Some("2025-04-30".into()),
            due_basis: None,
        }
    }

    fn item(status: &str, updated_at: &str) -> PlanItem {
        PlanItem {
            id: "p1".into(),
            finding_id: Some("f1".into()),
            device_id: "d1".into(),
            priority: 1,
            action: "remove-and-replace".into(),
            due: Some("2025-04-30".into()),
            status: status.parse().expect("a plan status"),
            replaced_by: None,
            updated_at: updated_at.into(),
            verified_at: None,
        }
    }

    const AT: &str = "2026-03-01T00:00:00.000000Z";
    const BEFORE: &str = "2026-02-01T00:00:00.000000Z";
    // The scanner's format: nanoseconds, a different width from the register's.
    const SCANNED_AFTER: &str = "2026-02-15T10:00:00.123456789Z";

    #[test]
    fn a_finding_that_asks_for_action_gets_an_item_open_or_waived() {
        let d = device(false, BEFORE);
        let open = plan_change(None, &finding(FindingStatus::Open), Some(&draft(1)), &d, AT)
            .expect("created");
        assert_eq!(
            (open.kind.as_str(), open.item.status.as_str()),
            ("created", "open")
        );
        assert_eq!(open.item.priority, 1);
        let waived = plan_change(
            None,
            &finding(FindingStatus::Waived),
            Some(&draft(1)),
            &d,
            AT,
        )
        .unwrap();
        assert_eq!(waived.item.status.as_str(), "waived");
        assert!(plan_change(None, &finding(FindingStatus::Open), None, &d, AT).is_none());
        assert!(
            plan_change(
                None,
                &finding(FindingStatus::Resolved),
                Some(&draft(1)),
                &d,
                AT
            )
            .is_none()
        );
    }

    #[test]
    fn a_recorded_removal_is_verified_when_a_rescan_misses_the_device_and_reopened_when_it_does_not()
     {
        let removed = item("removed", BEFORE);
        let gone = device(true, "2026-01-15T00:00:00Z");
        let verified = plan_change(
            Some(&removed),
            &finding(FindingStatus::Resolved),
            None,
            &gone,
            AT,
        )
        .expect("verified");
        assert_eq!(verified.kind, PlanChangeKind::Verified);
        assert_eq!(verified.item.status.as_str(), "removed");
        assert_eq!(verified.item.verified_at.as_deref(), Some(AT));
        assert_eq!(verified.before, Some(PlanStatus::Removed));

        let still_there = device(false, SCANNED_AFTER);
        let reopened = plan_change(
            Some(&removed),
            &finding(FindingStatus::Open),
            Some(&draft(1)),
            &still_there,
            AT,
        )
        .expect("reopened");
        assert_eq!(
            (reopened.kind.as_str(), reopened.item.status.as_str()),
            ("reopened", "reopened")
        );

        // No scan since the removal was recorded: wait.
        let not_rescanned = device(false, "2026-01-15T00:00:00Z");
        assert!(
            plan_change(
                Some(&removed),
                &finding(FindingStatus::Open),
                Some(&draft(1)),
                &not_rescanned,
                AT
            )
            .is_none()
        );
    }

    #[test]
    fn peoples_statuses_survive_and_resolved_findings_close_their_items() {
        let scheduled = item("scheduled", BEFORE);
        let d = device(false, SCANNED_AFTER);
        assert!(
            plan_change(
                Some(&scheduled),
                &finding(FindingStatus::Open),
                Some(&draft(1)),
                &d,
                AT
            )
            .is_none(),
            "re-evaluation keeps `scheduled`"
        );
        let moved = plan_change(
            Some(&scheduled),
            &finding(FindingStatus::Open),
            Some(&draft(3)),
            &d,
            AT,
        )
        .unwrap();
        assert_eq!(
            (moved.kind.as_str(), moved.item.status.as_str()),
            ("updated", "scheduled")
        );
        assert_eq!(moved.item.priority, 3);
        let closed = plan_change(
            Some(&scheduled),
            &finding(FindingStatus::Resolved),
            None,
            &d,
            AT,
        )
        .unwrap();
        assert_eq!(
            (closed.kind.as_str(), closed.item.status.as_str()),
            ("closed", "closed")
        );
        let back = plan_change(
            Some(&closed.item),
            &finding(FindingStatus::Open),
            Some(&draft(3)),
            &d,
            AT,
        )
        .unwrap();
        assert_eq!(back.item.status.as_str(), "reopened");
        let waived = plan_change(
            Some(&item("open", BEFORE)),
            &finding(FindingStatus::Waived),
            Some(&draft(1)),
            &d,
            AT,
        )
        .unwrap();
        assert_eq!(waived.item.status.as_str(), "waived");
        let unwaived = plan_change(
            Some(&waived.item),
            &finding(FindingStatus::Open),
            Some(&draft(1)),
            &d,
            AT,
        )
        .unwrap();
        assert_eq!(
            (unwaived.kind.as_str(), unwaived.item.status.as_str()),
            ("unwaived", "open")
        );
    }

    /// A site with a core, an isolated and an `other` network.
    pub(crate) fn two_site_estate() -> camsweep_model::estate::Estate {
        let text = r#"
[[organisation]]
id = "dept"
name = "Dept"
policies = ["uk-hcws386-2022"]

[[site]]
id = "hq"
organisation = "dept"
name = "HQ"
sensitivity = "sensitive"

[[network]]
id = "hq-core"
site = "hq"
zone = "core"
cidrs = ["10.0.0.0/24"]

[[network]]
id = "hq-cctv"
site = "hq"
zone = "isolated"
cidrs = ["10.0.1.0/24"]

[[network]]
id = "hq-facilities"
site = "hq"
zone = "other"
cidrs = ["10.0.2.0/24"]
"#;
        camsweep_import::estate::parse(text, "estate.toml", None).expect("a valid estate")
    }

    #[test]
    fn reachable_from_core_means_not_isolated_on_a_site_with_a_core_network() {
        let estate = two_site_estate();
        let estate = EstateIndex::new(&estate);
        let ctx = |site: &str, network: &str, zone: &str| DeviceContext {
            site: Some(SiteFacts {
                id: site.into(),
                name: None,
                sensitivity: "sensitive".into(),
            }),
            network: Some(NetworkFacts {
                id: network.into(),
                zone: zone.into(),
                public_exposure: false,
            }),
            ..DeviceContext::default()
        };
        assert!(reachable_from_core(
            &ctx("hq", "hq-facilities", "other"),
            &estate
        ));
        assert!(!reachable_from_core(
            &ctx("hq", "hq-cctv", "isolated"),
            &estate
        ));
        assert!(!reachable_from_core(&ctx("hq", "hq-core", "core"), &estate));
        assert!(!reachable_from_core(&DeviceContext::default(), &estate));
    }
}
