//! Findings as listed, and the waivers on them.

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
    /// Findings matching `filter`, with their status as of `today` (ISO date): a waiver whose
    /// `until` is before `today` no longer holds, so its finding is open again.
    pub async fn findings(
        &self,
        filter: &FindingFilter,
        today: &str,
    ) -> Result<Vec<FindingRecord>, RegisterError> {
        let rows: Vec<FindingRow> = sqlx::query_as(
            "SELECT f.id, f.device_id, d.address AS device_address, n.site_id, d.network_id,
                    i.manufacturer, f.pack, f.rule, f.title, f.severity, f.action,
                    f.citation_document, f.citation_paragraph, f.citation_url, f.message, f.due,
                    f.due_basis, f.status, f.first_seen, f.last_seen, f.resolved_at
             FROM findings f
             JOIN devices d ON d.id = f.device_id
             LEFT JOIN networks n ON n.id = d.network_id
             LEFT JOIN sites s ON s.id = n.site_id
             LEFT JOIN identifications i ON i.device_id = d.id
             WHERE ($1 OR f.status = 'open')
               AND ($2 IS NULL OR n.site_id = $2)
               AND ($3 IS NULL OR f.severity = $3)
               AND ($4 IS NULL OR f.action = $4)
               AND ($5 IS NULL OR f.pack = $5)
               AND ($6 IS NULL OR i.manufacturer = $6)
               AND ($7 IS NULL OR s.organisation_id = $7)
               AND ($8 IS NULL OR f.device_id = $8)
               AND ($9 IS NULL OR f.rule = $9)
             ORDER BY f.first_seen, f.id",
        )
        .bind(filter.include_resolved)
        .bind(&filter.site)
        .bind(filter.severity.map(|s| s.as_str().to_owned()))
        .bind(&filter.action)
        .bind(&filter.pack)
        .bind(&filter.manufacturer)
        .bind(&filter.organisation)
        .bind(&filter.device)
        .bind(&filter.rule)
        .fetch_all(&self.pool)
        .await
        .during("listing findings")?;
        let waivers = self.active_waivers(today).await?;
        Ok(rows
            .into_iter()
            .map(|row| {
                let waiver = waivers.get(&row.id).cloned();
                let status = match (row.status.as_str(), &waiver) {
                    ("resolved", _) => FindingStatus::Resolved,
                    (_, Some(_)) => FindingStatus::Waived,
                    _ => FindingStatus::Open,
                };
                FindingRecord {
                    id: row.id,
                    device_id: row.device_id,
                    device_address: row.device_address,
                    site_id: row.site_id,
                    network_id: row.network_id,
                    manufacturer: row.manufacturer,
                    finding: row.finding,
                    waiver: if status == FindingStatus::Waived {
                        waiver
                    } else {
                        None
                    },
                    status,
                    first_seen: row.first_seen,
                    last_seen: row.last_seen,
                    resolved_at: row.resolved_at,
                }
            })
            .collect())
    }
}

/// A finding as [`Store::findings`] lists it, with where its device is.
#[derive(sqlx::FromRow)]
struct FindingRow {
    id: String,
    device_id: String,
    device_address: Option<String>,
    site_id: Option<String>,
    network_id: Option<String>,
    manufacturer: Option<String>,
    #[sqlx(flatten)]
    finding: NewFinding,
    status: String,
    first_seen: String,
    last_seen: String,
    resolved_at: Option<String>,
}
