//! People's changes to the remediation plan (`camsweep plan update`, later the server's
//! `PATCH /api/v1/plan/{id}`). Items are created and moved by the evaluation
//! ([`crate::evaluate::plan_change`]); a person records progress: scheduled, removed, replaced.

use std::collections::HashMap;

use camsweep_model::HistoryEntity;
use camsweep_model::PlanStatus;
use camsweep_register::{HistoryEntry, PlanItem, Register, RegisterError, Scope};
use serde::Serialize;

use crate::AppError;
use crate::report_data::{later, plan_status};

/// One plan item as `camsweep plan list` shows it: with its state read together with its
/// device's (see [`plan_status`]) and where the device is.
#[derive(Debug, Clone, Serialize)]
pub struct PlanRow {
    #[serde(flatten)]
    pub item: PlanItem,
    /// Open, in progress, awaiting verification, done, reopened, cancelled.
    pub state: camsweep_report::PlanStatus,
    /// The device's address, or its id when it has none.
    pub address: String,
}

/// Every plan item the scope sees (its device is on the organisation's sites) in priority
/// order (then by id), each with its verified state.
pub async fn list(register: &Register, scope: &Scope) -> Result<Vec<PlanRow>, AppError> {
    let mut items = register.plan_items().await?;
    items.sort_by(|a, b| a.priority.cmp(&b.priority).then(a.id.cmp(&b.id)));
    let devices = register.devices().await?;
    let devices: HashMap<&str, _> = devices.iter().map(|d| (d.id.as_str(), d)).collect();
    Ok(items
        .into_iter()
        .filter(|item| {
            scope.admits(
                devices
                    .get(item.device_id.as_str())
                    .and_then(|d| d.organisation_id.as_deref()),
            )
        })
        .map(|item| {
            let device = devices.get(item.device_id.as_str());
            let state = plan_status(
                item.status,
                item.verified_at.is_some(),
                device.is_some_and(|d| d.missing),
                device.is_some_and(|d| later(&d.last_seen, &item.updated_at)),
            );
            let address = device
                .and_then(|d| d.address.clone())
                .unwrap_or_else(|| item.device_id.clone());
            PlanRow {
                item,
                state,
                address,
            }
        })
        .collect())
}

/// One plan item with its history, oldest first.
#[derive(Debug, Clone, Serialize)]
pub struct PlanItemDetail {
    #[serde(flatten)]
    pub row: PlanRow,
    pub history: Vec<HistoryEntry>,
}

/// Plan item `item_id`, when the scope sees it.
pub async fn item(
    register: &Register,
    scope: &Scope,
    item_id: &str,
) -> Result<PlanItemDetail, AppError> {
    let row = list(register, scope)
        .await?
        .into_iter()
        .find(|row| row.item.id == item_id)
        .ok_or_else(|| AppError::not_found(format!("no plan item {item_id:?}")))?;
    let history = register
        .history(Some((HistoryEntity::PlanItem, item_id)))
        .await?;
    Ok(PlanItemDetail { row, history })
}

impl PlanUpdate {
    /// The update a person asks for by its status word (people set: open, scheduled,
    /// replaced, removed, waived); errors name `field`.
    pub fn from_word(
        field: &str,
        status: &str,
        replaced_by: Option<String>,
    ) -> Result<Self, AppError> {
        let status = status
            .parse::<PlanStatus>()
            .map_err(|e| AppError::invalid_field(field, e.to_string()))?;
        if !PlanStatus::SET_BY_PEOPLE.contains(&status) {
            return Err(AppError::invalid_field(
                field,
                format!(
                    "{status}: set by `camsweep evaluate`, not by people (people set: open, \
                     scheduled, replaced, removed, waived)"
                ),
            ));
        }
        Ok(Self {
            status,
            replaced_by,
            reason: None,
        })
    }
}

/// What a person records about one plan item.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PlanUpdate {
    /// One of [`PlanStatus::SET_BY_PEOPLE`].
    pub status: PlanStatus,
    /// The replacing device (id or description), for a replacement.
    pub replaced_by: Option<String>,
    /// Why, recorded in the history with the change.
    pub reason: Option<String>,
}

impl PlanUpdate {
    /// The update the command-line options describe: `--status S`, `--removed`, or
    /// `--replaced-by X` alone (which means `replaced`).
    pub fn from_options(
        status: Option<&str>,
        removed: bool,
        replaced_by: Option<String>,
    ) -> Result<Self, AppError> {
        let status = match (status, removed, &replaced_by) {
            (Some(word), _, _) => return Self::from_word("--status", word, replaced_by),
            (None, true, _) => PlanStatus::Removed,
            (None, false, Some(_)) => PlanStatus::Replaced,
            (None, false, None) => {
                return Err(AppError::invalid(
                    "nothing to update: give --status, --removed or --replaced-by",
                ));
            }
        };
        Ok(Self {
            status,
            replaced_by,
            reason: None,
        })
    }
}

/// Records `update` on plan item `item_id` as `actor`. The register reads and writes the item
/// under its lock, so an evaluation running at the same time neither loses this change nor has
/// its own (priority, due date) overwritten by it. Returns the item as stored.
///
/// An item outside `scope` is not found (decided in the same transaction as the write).
pub async fn update(
    register: &Register,
    scope: &Scope,
    item_id: &str,
    update: &PlanUpdate,
    actor: &str,
) -> Result<PlanItem, AppError> {
    register
        .update_plan_item_status(
            scope,
            item_id,
            update.status,
            update.replaced_by.as_deref(),
            update.reason.as_deref(),
            actor,
        )
        .await
        .map_err(|e| match e {
            RegisterError::NotFound { .. } => AppError::not_found(format!(
                "no plan item {item_id:?} (see `camsweep plan list`)"
            )),
            other => AppError::Store(other),
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn options_name_one_status_people_may_set() {
        let u = PlanUpdate::from_options(None, true, None).unwrap();
        assert_eq!(u.status, PlanStatus::Removed);
        let u = PlanUpdate::from_options(None, false, Some("new camera".into())).unwrap();
        assert_eq!(u.status, PlanStatus::Replaced);
        assert_eq!(u.replaced_by.as_deref(), Some("new camera"));
        let e = PlanUpdate::from_options(Some("closed"), false, None).unwrap_err();
        assert!(e.to_string().contains("not by people"), "{e}");
        let e = PlanUpdate::from_options(Some("done"), false, None).unwrap_err();
        assert!(
            e.to_string().contains("\"done\" is not a plan status"),
            "{e}"
        );
        assert!(PlanUpdate::from_options(None, false, None).is_err());
    }
}
