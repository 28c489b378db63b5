//! Stored scans and their coverage.

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
    /// Every scan and observations import, oldest first.
    pub async fn scans(&self) -> Result<Vec<ScanRecord>, RegisterError> {
        let rows: Vec<ScanRow> = sqlx::query_as(
            "SELECT id, kind, source_file, started_at, finished_at, targets, kb_version,
                    tool_version, interrupted, ingested_at, devices, observations,
                    hosts_scanned, unresponsive, malformed, excluded
             FROM scans ORDER BY started_at, id",
        )
        .fetch_all(&self.pool)
        .await
        .during("listing scans")?;
        rows.into_iter().map(ScanRow::into_record).collect()
    }

    /// Records (or corrects) what an already stored scan covered (see [`ScanRecord`]). Ingest
    /// stores a batch's [`IngestBatch::coverage`] itself, in its own transaction; this is for
    /// scans stored without it.
    pub async fn record_scan_coverage(
        &self,
        scan_id: &str,
        hosts_scanned: u64,
        unresponsive: &[String],
        malformed: &[String],
    ) -> Result<(), RegisterError> {
        let result = sqlx::query(
            "UPDATE scans SET hosts_scanned = $2, unresponsive = $3, malformed = $4 WHERE id = $1",
        )
        .bind(scan_id)
        .bind(i64::try_from(hosts_scanned).unwrap_or(i64::MAX))
        .bind(serde_json::to_string(unresponsive).unwrap_or_default())
        .bind(serde_json::to_string(malformed).unwrap_or_default())
        .execute(&self.pool)
        .await
        .during("recording scan coverage")?;
        if B::rows_affected(&result) == 0 {
            return Err(RegisterError::NotFound {
                what: "scan",
                id: scan_id.to_owned(),
            });
        }
        Ok(())
    }
}

/// A stored scan; its address lists are JSON (NULL in rows stored before they were recorded).
#[derive(sqlx::FromRow)]
struct ScanRow {
    id: String,
    kind: String,
    source_file: Option<String>,
    started_at: String,
    finished_at: Option<String>,
    targets: Option<String>,
    kb_version: String,
    tool_version: String,
    interrupted: bool,
    ingested_at: String,
    devices: i64,
    observations: i64,
    hosts_scanned: Option<i64>,
    unresponsive: Option<String>,
    malformed: Option<String>,
    excluded: Option<String>,
}

impl ScanRow {
    fn into_record(self) -> Result<ScanRecord, RegisterError> {
        let id = self.id;
        let list = |text: Option<String>, field: &'static str| match text {
            None => Ok(Vec::new()),
            Some(text) => serde_json::from_str(&text).map_err(|e| RegisterError::CorruptRow {
                table: "scans",
                id: id.clone(),
                field,
                message: e.to_string(),
            }),
        };
        Ok(ScanRecord {
            targets: list(self.targets, "targets")?,
            unresponsive: list(self.unresponsive, "unresponsive")?,
            malformed: list(self.malformed, "malformed")?,
            excluded: list(self.excluded, "excluded")?,
            kind: BatchKind::from_word(&self.kind).ok_or_else(|| RegisterError::CorruptRow {
                table: "scans",
                id: id.clone(),
                field: "kind",
                message: format!("{:?} is not scan or observations", self.kind),
            })?,
            source_file: self.source_file,
            started_at: self.started_at,
            finished_at: self.finished_at,
            kb_version: self.kb_version,
            tool_version: self.tool_version,
            interrupted: self.interrupted,
            ingested_at: self.ingested_at,
            devices: self.devices,
            observations: self.observations,
            hosts_scanned: self.hosts_scanned,
            id,
        })
    }
}
