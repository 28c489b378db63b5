//! Waivers: a finding accepted until a date, with a reason and who granted it.

use camsweep_model::{HistoryAction, HistoryEntity};
use std::collections::HashMap;

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
    /// The latest-ending waiver per finding that still holds on `today`.
    pub(crate) async fn active_waivers(
        &self,
        today: &str,
    ) -> Result<HashMap<String, Waiver>, RegisterError> {
        let mut conn = self.pool.acquire().await.during("reading waivers")?;
        Self::active_waivers_in(&mut conn, today).await
    }

    /// Records a waiver on a finding (`until` an ISO date, inclusive).
    pub async fn waive(
        &self,
        finding_id: &str,
        until: &str,
        reason: &str,
        by: &str,
    ) -> Result<Waiver, RegisterError> {
        let mut tx = self.begin().await?;
        let found: Option<String> = sqlx::query_scalar("SELECT status FROM findings WHERE id = $1")
            .bind(finding_id)
            .fetch_optional(&mut *tx)
            .await
            .during("looking up the finding")?;
        if found.is_none() {
            return Err(RegisterError::NotFound {
                what: "finding",
                id: finding_id.to_owned(),
            });
        }
        let waiver = Waiver {
            id: uuid::Uuid::now_v7().to_string(),
            finding_id: finding_id.to_owned(),
            until: until.to_owned(),
            reason: reason.to_owned(),
            granted_by: by.to_owned(),
            created_at: now_rfc3339(),
        };
        sqlx::query(
            "INSERT INTO waivers (id, finding_id, until, reason, granted_by, created_at)
             VALUES ($1, $2, $3, $4, $5, $6)",
        )
        .bind(&waiver.id)
        .bind(&waiver.finding_id)
        .bind(&waiver.until)
        .bind(&waiver.reason)
        .bind(&waiver.granted_by)
        .bind(&waiver.created_at)
        .execute(&mut *tx)
        .await
        .during("storing the waiver")?;
        Self::history_line(
            &mut tx,
            &waiver.created_at,
            by,
            HistoryEntity::Finding,
            finding_id,
            HistoryAction::Waived,
            None,
            json(&waiver),
        )
        .await?;
        tx.commit().await.during("committing the waiver")?;
        Ok(waiver)
    }

    pub(crate) async fn active_waivers_in(
        conn: &mut B::Connection,
        today: &str,
    ) -> Result<HashMap<String, Waiver>, RegisterError> {
        let rows: Vec<Waiver> = sqlx::query_as(
            "SELECT id, finding_id, until, reason, granted_by, created_at FROM waivers
             WHERE until >= $1 ORDER BY until",
        )
        .bind(today)
        .fetch_all(&mut *conn)
        .await
        .during("reading waivers")?;
        Ok(rows
            .into_iter()
            .map(|waiver| (waiver.finding_id.clone(), waiver))
            .collect())
    }
}
