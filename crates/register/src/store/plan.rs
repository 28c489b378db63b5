//! The remediation plan table.

use camsweep_model::{HistoryAction, HistoryEntity};
use std::collections::HashSet;

use sqlx::Executor;

use super::backend::{Backend, Column};
use super::base::*;
use crate::error::{QueryContext, RegisterError};
use crate::store::now_rfc3339;
use crate::types::*;

impl<B: Backend> Store<B>
where
    for<'c> &'c mut B::Connection: Executor<'c, Database = B>,
    String: Column<B>,
    Option<String>: Column<B>,
    i64: Column<B>,
    Option<i64>: Column<B>,
    bool: Column<B>,
    f64: Column<B>,
    for<'q> &'q str: sqlx::Encode<'q, B> + sqlx::Type<B>,
    for<'r> &'r str: sqlx::ColumnIndex<B::Row>,
    usize: sqlx::ColumnIndex<B::Row>,
{
    /// Stores plan changes decided by an evaluation, in one transaction, each with its history
    /// entry (action = the change's kind).
    pub async fn apply_plan_changes(
        &self,
        changes: &[PlanChange],
        actor: &str,
    ) -> Result<(), RegisterError> {
        if changes.is_empty() {
            return Ok(());
        }
        let mut tx = self.begin().await?;
        Self::plan_changes_in(&mut tx, changes, actor, self.chunks()).await?;
        tx.commit().await.during("committing plan changes")?;
        Ok(())
    }

    pub async fn plan_items(&self) -> Result<Vec<PlanItem>, RegisterError> {
        let mut conn = self.pool.acquire().await.during("reading plan items")?;
        Self::plan_items_in(&mut conn, "").await
    }

    /// Records a person's change of one plan item's status (and, for a replacement, what
    /// replaced the device). The item is read under its lock and only the fields a person sets
    /// are written (status, replacement, time, verification cleared: a new claim waits for a
    /// new rescan), so an evaluation running at the same time neither loses this change nor
    /// has its priority or due date overwritten; the history line records the status that was
    /// really there before. Returns the item as stored.
    ///
    /// Under [`Scope::Organisation`] an item whose device is not on that organisation's sites
    /// is not found, decided inside the same transaction as the write.
    pub async fn update_plan_item_status(
        &self,
        scope: &Scope,
        id: &str,
        status: camsweep_model::PlanStatus,
        replaced_by: Option<&str>,
        reason: Option<&str>,
        actor: &str,
    ) -> Result<PlanItem, RegisterError> {
        let mut tx = self.begin().await?;
        let sql = format!(
            "SELECT id, finding_id, device_id, priority, action, due, status, replaced_by,
                    updated_at, verified_at
             FROM remediation_items
             WHERE id = $1
               AND ($2 IS NULL OR device_id IN (
                    SELECT d.id FROM devices d
                    JOIN networks n ON n.id = d.network_id
                    JOIN sites s ON s.id = n.site_id
                    WHERE s.organisation_id = $2)){}",
            B::LOCK_ROWS
        );
        let organisation = match scope {
            Scope::All => None,
            Scope::Organisation(org) => Some(org.clone()),
        };
        let row: Option<PlanItem> = sqlx::query_as(sqlx::AssertSqlSafe(sql))
            .bind(id)
            .bind(organisation)
            .fetch_optional(&mut *tx)
            .await
            .during("reading a plan item")?;
        let Some(row) = row else {
            return Err(RegisterError::NotFound {
                what: "plan item",
                id: id.to_owned(),
            });
        };
        let mut item = row;
        let before = item.status;
        item.status = status;
        item.verified_at = None;
        if let Some(replaced_by) = replaced_by {
            item.replaced_by = Some(replaced_by.to_owned());
        }
        item.updated_at = now_rfc3339();
        sqlx::query(
            "UPDATE remediation_items
             SET status = $2, replaced_by = $3, updated_at = $4, verified_at = NULL
             WHERE id = $1",
        )
        .bind(&item.id)
        .bind(item.status.as_str())
        .bind(&item.replaced_by)
        .bind(&item.updated_at)
        .execute(&mut *tx)
        .await
        .during("storing a plan item")?;
        Self::history_line(
            &mut tx,
            &item.updated_at,
            actor,
            HistoryEntity::PlanItem,
            &item.id,
            HistoryAction::Updated,
            Some(serde_json::json!({ "status": before })),
            with_reason(json(&item), reason),
        )
        .await?;
        tx.commit().await.during("committing a plan item")?;
        Ok(item)
    }

    /// Every plan item; `lock` is [`Backend::LOCK_ROWS`] inside a transaction that decides on them, or "".
    pub(crate) async fn plan_items_in(
        conn: &mut B::Connection,
        lock: &str,
    ) -> Result<Vec<PlanItem>, RegisterError> {
        let sql = format!(
            "SELECT id, finding_id, device_id, priority, action, due, status, replaced_by,
                    updated_at, verified_at
             FROM remediation_items ORDER BY priority, id{lock}"
        );
        let rows: Vec<PlanItem> = sqlx::query_as(sqlx::AssertSqlSafe(sql))
            .fetch_all(&mut *conn)
            .await
            .during("reading plan items")?;
        Ok(rows)
    }

    /// Stores plan changes, each with its history line (action = the change's kind), many rows per
    /// statement; the items before their history, so a change the table refuses fails the
    /// statement (and the caller's transaction) before any of its history is written.
    pub(crate) async fn plan_changes_in(
        tx: &mut Tx<B>,
        changes: &[PlanChange],
        actor: &str,
        chunks: Chunks,
    ) -> Result<(), RegisterError> {
        let mut start = 0;
        while start < changes.len() {
            // A chunk never holds the same item twice: one upsert may not touch a row twice.
            let mut ids: HashSet<&str> = HashSet::new();
            let mut end = start;
            while end < changes.len()
                && end - start < chunks.rows
                && ids.insert(changes[end].item.id.as_str())
            {
                end += 1;
            }
            let chunk = &changes[start..end];
            let items: Vec<&PlanItem> = chunk.iter().map(|change| &change.item).collect();
            Self::upsert_plan_items(tx, &items).await?;
            let lines: Vec<HistoryLine> = chunk
                .iter()
                .map(|change| {
                    HistoryLine::new(
                        &change.item.updated_at,
                        HistoryEntity::PlanItem,
                        &change.item.id,
                        change.kind.history_action(),
                        change
                            .before
                            .as_ref()
                            .map(|s| serde_json::json!({ "status": s })),
                        json(&change.item),
                    )
                })
                .collect();
            Self::insert_history(tx, actor, &lines, chunks.history).await?;
            start = end;
        }
        Ok(())
    }

    /// Inserts or replaces plan items, many per statement (no id twice in one call).
    pub(crate) async fn upsert_plan_items(
        tx: &mut Tx<B>,
        items: &[&PlanItem],
    ) -> Result<(), RegisterError> {
        let mut builder = sqlx::QueryBuilder::<B>::new(
            "INSERT INTO remediation_items (id, finding_id, device_id, priority, action, due,
                                            status, replaced_by, updated_at, verified_at) ",
        );
        builder.push_values(items, |mut b, item| {
            b.push_bind(item.id.clone())
                .push_bind(item.finding_id.clone())
                .push_bind(item.device_id.clone())
                .push_bind(item.priority)
                .push_bind(item.action.clone())
                .push_bind(item.due.clone())
                .push_bind(item.status.as_str())
                .push_bind(item.replaced_by.clone())
                .push_bind(item.updated_at.clone())
                .push_bind(item.verified_at.clone());
        });
        builder.push(
            " ON CONFLICT (id) DO UPDATE SET finding_id = excluded.finding_id,
                 device_id = excluded.device_id, priority = excluded.priority,
                 action = excluded.action, due = excluded.due, status = excluded.status,
                 replaced_by = excluded.replaced_by, updated_at = excluded.updated_at,
                 verified_at = excluded.verified_at",
        );
        builder
            .build()
            .execute(&mut **tx)
            .await
            .during("storing plan items")?;
        Ok(())
    }
}

/// A history value with the person's reason beside it, when one was given.
fn with_reason(
    value: Option<serde_json::Value>,
    reason: Option<&str>,
) -> Option<serde_json::Value> {
    match (value, reason) {
        (Some(serde_json::Value::Object(mut fields)), Some(reason)) => {
            fields.insert("reason".into(), reason.into());
            Some(serde_json::Value::Object(fields))
        }
        (value, _) => value,
    }
}
