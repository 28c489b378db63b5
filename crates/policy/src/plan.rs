//! Remediation prioritisation: which finding to act on first.
//!
//! Tiers follow where the risk is greatest under HCWS386: a device on a sensitive site *and* on
//! the core network first, then sensitive sites, then core networks, then the rest. A device not
//! on the core network but reachable from it is raised one tier (it is a way into the core
//! network, the risk the statement names). Within a tier, removals and disconnections come before
//! identity checks and other non-removal actions.

use serde::{Deserialize, Serialize};

use crate::{DeviceContext, FindingDraft, Severity};

/// One remediation plan item, before the register gives it an id and a state.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PlanDraft {
    /// 1 = do first. Tiers 1..=4 map to priorities 1-2, 3-4, 5-6, 7-8 (removals odd, other
    /// actions even).
    pub priority: u8,
    pub priority_reason: String,
    pub action: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub due: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub due_basis: Option<String>,
}

/// Actions that take equipment out of service or off a network.
const REMOVAL_ACTIONS: [&str; 4] = [
    "cease-deployment",
    "disconnect-from-core",
    "remove-and-replace",
    "consider-removal",
];

/// Actions that need nothing done.
const NO_ACTION: [&str; 2] = ["none", "no-action"];

/// Turns a finding into a plan item, or `None` when the finding asks for nothing.
pub fn plan_item(
    finding: &FindingDraft,
    ctx: &DeviceContext,
    reachable_from_core: bool,
) -> Option<PlanDraft> {
    if NO_ACTION.contains(&finding.action.as_str()) {
        return None;
    }
    let sensitive = ctx
        .site
        .as_ref()
        .is_some_and(|s| s.sensitivity == "sensitive");
    let on_core = ctx.network.as_ref().is_some_and(|n| n.zone == "core");
    let (mut tier, mut reason) = match (sensitive, on_core) {
        (true, true) => (1u8, "sensitive site and core network".to_owned()),
        (true, false) => (2, "sensitive site".to_owned()),
        (false, true) => (3, "core network".to_owned()),
        (false, false) => (4, "neither sensitive site nor core network".to_owned()),
    };
    if reachable_from_core && !on_core && tier > 1 {
        tier -= 1;
        reason.push_str("; raised one tier: reachable from the core network");
    }
    let removal =
        REMOVAL_ACTIONS.contains(&finding.action.as_str()) && finding.severity != Severity::Info;
    let priority = tier * 2 - u8::from(removal);
    if !removal {
        reason.push_str("; after removals of the same tier");
    }
    Some(PlanDraft {
        priority,
        priority_reason: format!(
            "{reason} ({} {}: {})",
            finding.pack, finding.rule, finding.action
        ),
        action: finding.action.clone(),
        due: finding.due.clone(),
        due_basis: finding.due_basis.clone(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{Citation, NetworkFacts, SiteFacts};

    fn finding(action: &str, severity: Severity) -> FindingDraft {
        FindingDraft {
            pack: "p".into(),
            rule: "r".into(),
            title: "t".into(),
            severity,
            action: action.into(),
            citation: Citation {
                document: "d".into(),
                paragraph: "p".into(),
                url: "u".into(),
            },
            message: "m".into(),
            due: Some("2025-04-30".into()),
            due_basis: Some("reported".into()),
            blocks_deployment: false,
        }
    }

    fn ctx(sensitive: bool, zone: &str) -> DeviceContext {
        DeviceContext {
            site: Some(SiteFacts {
                id: "s".into(),
                name: None,
                sensitivity: if sensitive {
                    "sensitive"
                } else {
                    "non-sensitive"
                }
                .into(),
            }),
            network: Some(NetworkFacts {
                id: "n".into(),
                zone: zone.into(),
                public_exposure: false,
            }),
            now: "2026-01-01".into(),
            ..Default::default()
        }
    }

    fn priority(action: &str, sensitive: bool, zone: &str, reachable: bool) -> u8 {
        plan_item(
            &finding(action, Severity::High),
            &ctx(sensitive, zone),
            reachable,
        )
        .expect("an action")
        .priority
    }

    #[test]
    fn tiers_go_sensitive_and_core_then_sensitive_then_core_then_rest() {
        let order = [
            priority("remove-and-replace", true, "core", false),
            priority("remove-and-replace", true, "isolated", false),
            priority("disconnect-from-core", false, "core", false),
            priority("consider-removal", false, "isolated", false),
        ];
        assert_eq!(order, [1, 3, 5, 7]);
    }

    #[test]
    fn verify_identity_comes_after_removals_of_its_tier_and_before_the_next_tier() {
        let removal = priority("remove-and-replace", true, "isolated", false);
        let verify = priority("verify-identity", true, "isolated", false);
        let next_tier_removal = priority("disconnect-from-core", false, "core", false);
        assert!(removal < verify && verify < next_tier_removal);
        let info = plan_item(
            &finding("remove-and-replace", Severity::Info),
            &ctx(true, "isolated"),
            false,
        )
        .unwrap();
        assert_eq!(info.priority, verify);
    }

    #[test]
    fn reachable_from_core_raises_one_tier_but_not_for_devices_already_on_core() {
        assert_eq!(priority("consider-removal", false, "isolated", true), 5);
        assert_eq!(priority("remove-and-replace", true, "isolated", true), 1);
        assert_eq!(priority("disconnect-from-core", false, "core", true), 5);
        assert_eq!(priority("remove-and-replace", true, "core", true), 1);
        let item = plan_item(
            &finding("consider-removal", Severity::Low),
            &ctx(false, "other"),
            true,
        )
        .unwrap();
        assert!(
            item.priority_reason.contains("reachable"),
            "{}",
            item.priority_reason
        );
        assert_eq!(item.due.as_deref(), Some("2025-04-30"));
    }

    #[test]
    fn findings_that_ask_nothing_make_no_plan_item() {
        assert!(plan_item(&finding("none", Severity::Info), &ctx(true, "core"), true).is_none());
    }
}
