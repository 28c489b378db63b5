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
        let sql = format!("{DEVICE_SELECT} ORDER BY d.first_seen, d.id");
        let rows: Vec<DeviceRow> = sqlx::query_as(sqlx::AssertSqlSafe(sql))
            .fetch_all(&self.pool)
            .await
            .during("listing devices")?;
        rows.into_iter().map(DeviceRow::into_record).collect()
    }

    /// One device, or `None`.
    pub async fn device(&self, id: &str) -> Result<Option<DeviceRecord>, RegisterError> {
        let sql = format!("{DEVICE_SELECT} WHERE d.id = $1");
        let row: Option<DeviceRow> = sqlx::query_as(sqlx::AssertSqlSafe(sql))
            .bind(id)
            .fetch_optional(&self.pool)
            .await
            .during("reading a device")?;
        row.map(DeviceRow::into_record).transpose()
    }

    /// One device's stored observations, in storage order.
    pub async fn observations_of(
        &self,
        device_id: &str,
    ) -> Result<Vec<Observation>, RegisterError> {
        let rows: Vec<ObservationRow> = sqlx::query_as(
            "SELECT device_id, grouping, kind, value, path, address, port, transport, source,
                    observed_at, id
             FROM observations WHERE device_id = $1 ORDER BY id",
        )
        .bind(device_id)
        .fetch_all(&self.pool)
        .await
        .during("reading a device's observations")?;
        rows.into_iter()
            .map(ObservationRow::into_observation)
            .collect()
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
            let device = row.device_id.clone();
            out.entry(device).or_default().push(row.into_observation()?);
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
    organisation_id: Option<String>,
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
            organisation_id: self.organisation_id,
            first_seen: self.first_seen,
            last_seen: self.last_seen,
            missing: self.missing,
            identification,
        })
    }
}

/// The device list a page at a time (apart: it binds an optional boolean).
impl<B: Backend> Store<B>
where
    for<'c> &'c mut B::Connection: Executor<'c, Database = B>,
    String: Column<B>,
    Option<String>: Column<B>,
    i64: Column<B>,
    Option<i64>: Column<B>,
    bool: Column<B>,
    Option<bool>: Column<B>,
    f64: Column<B>,
    for<'q> &'q str: sqlx::Encode<'q, B> + sqlx::Type<B>,
    for<'r> &'r str: sqlx::ColumnIndex<B::Row>,
    usize: sqlx::ColumnIndex<B::Row>,
{
    /// One page of the devices matching `filter`, in id order (ids are UUID v7: time-ordered),
    /// starting after the device `after` (keyset pagination: a page costs the same however
    /// deep, and a device added meanwhile never shifts the pages).
    pub async fn devices_page(
        &self,
        filter: &DeviceFilter,
        after: Option<&str>,
        limit: usize,
    ) -> Result<Vec<DeviceRecord>, RegisterError> {
        let text = filter.text.as_deref().map(like_pattern);
        // Two statements, not `($7 IS NULL OR d.id > $7)`: a prepared statement's generic plan
        // cannot start an index range at an optional bound, and would read every earlier
        // device to reach a deep page.
        let after_clause = match after {
            Some(_) => "d.id > $7",
            None => "CAST($7 AS TEXT) IS NULL",
        };
        let sql = format!(
            "{DEVICE_SELECT}
             WHERE ($1 IS NULL OR s.organisation_id = $1)
               AND ($2 IS NULL OR n.site_id = $2)
               AND ($3 IS NULL OR n.zone = $3)
               AND ($4 IS NULL OR i.manufacturer = $4)
               AND ($5 IS NULL OR d.missing = $5)
               AND ($6 IS NULL OR LOWER(COALESCE(d.address, '')) LIKE $6 ESCAPE '\\'
                    OR LOWER(COALESCE(d.mac, '')) LIKE $6 ESCAPE '\\'
                    OR LOWER(COALESCE(d.label, '')) LIKE $6 ESCAPE '\\'
                    OR LOWER(COALESCE(i.manufacturer, '')) LIKE $6 ESCAPE '\\'
                    OR LOWER(COALESCE(i.brand, '')) LIKE $6 ESCAPE '\\'
                    OR LOWER(COALESCE(i.model, '')) LIKE $6 ESCAPE '\\')
               AND {after_clause}
             ORDER BY d.id
             LIMIT $8"
        );
        let rows: Vec<DeviceRow> = sqlx::query_as(sqlx::AssertSqlSafe(sql))
            .bind(&filter.organisation)
            .bind(&filter.site)
            .bind(filter.zone.map(|z| z.as_str().to_owned()))
            .bind(&filter.manufacturer)
            .bind(filter.missing)
            .bind(text)
            .bind(after.map(str::to_owned))
            .bind(i64::try_from(limit).unwrap_or(i64::MAX))
            .fetch_all(&self.pool)
            .await
            .during("listing a page of devices")?;
        rows.into_iter().map(DeviceRow::into_record).collect()
    }
}

/// The columns every device listing reads: the device, where it is, its identification.
const DEVICE_SELECT: &str =
    "SELECT d.id, d.device_key, d.mac, d.address, d.label, d.network_id, n.site_id,
            s.organisation_id, d.first_seen, d.last_seen, d.missing, i.document
     FROM devices d
     LEFT JOIN networks n ON n.id = d.network_id
     LEFT JOIN sites s ON s.id = n.site_id
     LEFT JOIN identifications i ON i.device_id = d.id";

/// `text` as a LIKE pattern matching it anywhere, any case, its own `%`, `_` and `\` literal.
fn like_pattern(text: &str) -> String {
    let mut pattern = String::from("%");
    for c in text.to_lowercase().chars() {
        if matches!(c, '%' | '_' | '\\') {
            pattern.push('\\');
        }
        pattern.push(c);
    }
    pattern.push('%');
    pattern
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

impl ObservationRow {
    fn into_observation(self) -> Result<Observation, RegisterError> {
        let kind: ObservationKind =
            self.kind
                .parse()
                .map_err(
                    |e: camsweep_model::ParseKindError| RegisterError::CorruptRow {
                        table: "observations",
                        id: self.id.to_string(),
                        field: "kind",
                        message: e.to_string(),
                    },
                )?;
        Ok(Observation {
            device: self.grouping,
            kind,
            value: self.value,
            path: self.path,
            address: self.address,
            port: self.port.and_then(|p| u16::try_from(p).ok()),
            transport: self.transport,
            source: self.source,
            observed_at: self.observed_at,
        })
    }
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
