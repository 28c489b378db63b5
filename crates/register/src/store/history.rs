//! The append-only history.

use camsweep_model::{HistoryAction, HistoryEntity};
use sqlx::Executor;

use super::backend::{Backend, Column};
use super::base::*;
use crate::error::{QueryContext, RegisterError};
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
    /// History entries, oldest first; optionally only those about one entity.
    pub async fn history(
        &self,
        entity: Option<(HistoryEntity, &str)>,
    ) -> Result<Vec<HistoryEntry>, RegisterError> {
        let (kind, id) = entity.map_or((None, None), |(k, i)| (Some(k.as_str()), Some(i)));
        let rows: Vec<HistoryRow> = sqlx::query_as(
            "SELECT id, at, actor, entity, entity_id, action, before_value, after_value
                 FROM history
                 WHERE ($1 IS NULL OR entity = $1) AND ($2 IS NULL OR entity_id = $2)
                 ORDER BY id",
        )
        .bind(kind.map(str::to_owned))
        .bind(id.map(str::to_owned))
        .fetch_all(&self.pool)
        .await
        .during("reading history")?;
        rows.into_iter()
            .map(|row| {
                let corrupt = |field: &'static str| {
                    move |e: camsweep_model::UnknownValue| RegisterError::CorruptRow {
                        table: "history",
                        id: row.id.to_string(),
                        field,
                        message: e.to_string(),
                    }
                };
                let entity: HistoryEntity = row.entity.parse().map_err(corrupt("entity"))?;
                let action: HistoryAction = row.action.parse().map_err(corrupt("action"))?;
                Ok(HistoryEntry {
                    id: row.id,
                    at: row.at,
                    actor: row.actor,
                    entity,
                    entity_id: row.entity_id,
                    action,
                    before: row.before_value.and_then(|b| serde_json::from_str(&b).ok()),
                    after: row.after_value.and_then(|a| serde_json::from_str(&a).ok()),
                })
            })
            .collect()
    }
}

#[derive(sqlx::FromRow)]
struct HistoryRow {
    id: i64,
    at: String,
    actor: String,
    entity: String,
    entity_id: String,
    action: String,
    /// JSON, or NULL.
    before_value: Option<String>,
    after_value: Option<String>,
}
