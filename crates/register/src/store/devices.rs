//! Devices, their observations, and row counts.

use std::collections::HashMap;

use camsweep_model::{Identification, Observation, ObservationKind};
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
    /// Every device with its identification and placement.
    pub async fn devices(&self) -> Result<Vec<DeviceRecord>, RegisterError> {
        let rows: Vec<DeviceRow> = sqlx::query_as(
            "SELECT d.id, d.device_key, d.mac, d.address, d.label, d.network_id, n.site_id,
                    d.first_seen, d.last_seen, d.missing, i.document
             FROM devices d
             LEFT JOIN networks n ON n.id = d.network_id
             LEFT JOIN identifications i ON i.device_id = d.id
             ORDER BY d.first_seen, d.id",
        )
        .fetch_all(&self.pool)
        .await
        .during("listing devices")?;
        rows.into_iter().map(DeviceRow::into_record).collect()
    }

    /// Every stored observation, grouped by device id, in storage order.
    pub async fn observations_by_device(
        &self,
    ) -> Result<HashMap<String, Vec<Observation>>, RegisterError> {
        use futures::TryStreamExt as _;
        // Streamed: each row becomes an Observation as it arrives, instead of every row being
        // held twice (as fetched, then as built).
        let mut rows = sqlx::query_as::<_, ObservationRow>(
            "SELECT device_id, grouping, kind, value, path, address, port, transport, source,
                    observed_at, id
             FROM observations ORDER BY id",
        )
        .fetch(&self.pool);
        let mut out: HashMap<String, Vec<Observation>> = HashMap::new();
        while let Some(row) = rows.try_next().await.during("reading observations")? {
            let kind: ObservationKind =
                row.kind
                    .parse()
                    .map_err(
                        |e: camsweep_model::ParseKindError| RegisterError::CorruptRow {
                            table: "observations",
                            id: row.id.to_string(),
                            field: "kind",
                            message: e.to_string(),
                        },
                    )?;
            out.entry(row.device_id).or_default().push(Observation {
                device: row.grouping,
                kind,
                value: row.value,
                path: row.path,
                address: row.address,
                port: row.port.and_then(|p| u16::try_from(p).ok()),
                transport: row.transport,
                source: row.source,
                observed_at: row.observed_at,
            });
        }
        Ok(out)
    }

    pub async fn count(&self, table: CountedTable) -> Result<i64, RegisterError> {
        let sql = match table {
            CountedTable::Devices => "SELECT COUNT(*) FROM devices",
            CountedTable::Observations => "SELECT COUNT(*) FROM observations",
            CountedTable::Scans => "SELECT COUNT(*) FROM scans",
            CountedTable::Findings => "SELECT COUNT(*) FROM findings",
            CountedTable::History => "SELECT COUNT(*) FROM history",
            CountedTable::Identifications => "SELECT COUNT(*) FROM identifications",
        };
        let (n,): (i64,) = sqlx::query_as(sql)
            .fetch_one(&self.pool)
            .await
            .during("counting rows")?;
        Ok(n)
    }

    /// Every device as an ingest or estate import decides on it, by id.
    pub(crate) async fn load_devices(
        conn: &mut B::Connection,
    ) -> Result<HashMap<String, StoredDevice>, RegisterError> {
        let rows: Vec<StoredDevice> = sqlx::query_as(
            "SELECT id, device_key, address, network_id, label, missing FROM devices",
        )
        .fetch_all(&mut *conn)
        .await
        .during("reading devices")?;
        Ok(rows.into_iter().map(|d| (d.id.clone(), d)).collect())
    }
}

/// A device as [`Store::devices`] lists it.
#[derive(sqlx::FromRow)]
struct DeviceRow {
    id: String,
    device_key: String,
    mac: Option<String>,
    address: Option<String>,
    label: Option<String>,
    network_id: Option<String>,
    site_id: Option<String>,
    first_seen: String,
    last_seen: String,
    missing: bool,
    /// The identification's JSON document.
    document: Option<String>,
}

impl DeviceRow {
    fn into_record(self) -> Result<DeviceRecord, RegisterError> {
        let identification = self
            .document
            .map(|doc| {
                serde_json::from_str::<Identification>(&doc).map_err(|e| {
                    RegisterError::CorruptRow {
                        table: "identifications",
                        id: self.id.clone(),
                        field: "document",
                        message: e.to_string(),
                    }
                })
            })
            .transpose()?;
        Ok(DeviceRecord {
            id: self.id,
            key: self.device_key,
            mac: self.mac,
            address: self.address,
            label: self.label,
            network_id: self.network_id,
            site_id: self.site_id,
            first_seen: self.first_seen,
            last_seen: self.last_seen,
            missing: self.missing,
            identification,
        })
    }
}

/// One stored observation, with the device it belongs to.
#[derive(sqlx::FromRow)]
struct ObservationRow {
    device_id: String,
    grouping: Option<String>,
    kind: String,
    value: String,
    path: Option<String>,
    address: Option<String>,
    port: Option<i64>,
    transport: Option<String>,
    source: Option<String>,
    observed_at: Option<String>,
    id: i64,
}

/// A device as an ingest or an estate import decides on it.
#[derive(Debug, Clone, sqlx::FromRow)]
pub(crate) struct StoredDevice {
    pub(crate) id: String,
    #[sqlx(rename = "device_key")]
    pub(crate) key: String,
    pub(crate) address: Option<String>,
    pub(crate) network_id: Option<String>,
    pub(crate) label: Option<String>,
    pub(crate) missing: bool,
}
