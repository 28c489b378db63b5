// The register's storage code, written once and compiled twice: `store.rs` includes this file
// into `mod sqlite` (with `Db = sqlx::Sqlite`) and `mod postgres` (with `Db = sqlx::Postgres`).
// Every statement uses `$N` placeholders, which both SQLite and PostgreSQL accept, and portable
// types only (TEXT, BIGINT, DOUBLE PRECISION, BOOLEAN), so the two backends run the same SQL.
// The including module defines `Db`, `BEGIN` (the statement that opens a write transaction) and
// `MIGRATIONS`.

use std::collections::{HashMap, HashSet};

use camsweep_model::{Identification, Observation, ObservationKind};
use sqlx::Row;

use crate::error::{QueryContext, RegisterError};
use crate::estate::{Estate, EstateIndex, Network, Organisation, Placer, Site};
use crate::store::{device_key, now_rfc3339, observation_mac};
use crate::types::*;

type Tx = sqlx::Transaction<'static, Db>;

/// One backend's register.
#[derive(Debug, Clone)]
pub struct Store {
    pool: sqlx::Pool<Db>,
    /// At most this many rows per multi-row statement an evaluation writes (see
    /// [`Store::with_rows_per_statement`]); `usize::MAX` means the defaults.
    rows_per_statement: usize,
}

/// Rows of observations per multi-row INSERT: 12 columns x 400 rows stays far below both
/// engines' bound-parameter limits (SQLite 32766, PostgreSQL 65535).
const OBSERVATION_CHUNK: usize = 400;

/// Finding ids per `UPDATE ... WHERE id IN (...)`: far below both engines' parameter limits.
const FINDING_ID_CHUNK: usize = 500;

impl Store {
    pub fn from_pool(pool: sqlx::Pool<Db>) -> Self {
        Self {
            pool,
            rows_per_statement: usize::MAX,
        }
    }

    /// Caps the rows per multi-row statement that evaluations write (findings, identifications,
    /// plan items, history, id lists) at `rows` (at least 1). `1` writes one row per statement,
    /// as before those writes were batched: tests compare the two.
    pub fn with_rows_per_statement(mut self, rows: usize) -> Self {
        self.rows_per_statement = rows.max(1);
        self
    }

    fn chunks(&self) -> Chunks {
        Chunks::capped(self.rows_per_statement)
    }

    pub fn pool(&self) -> &sqlx::Pool<Db> {
        &self.pool
    }

    /// Applies the embedded migrations (idempotent).
    pub async fn migrate(&self) -> Result<(), RegisterError> {
        let migrator = sqlx::migrate::Migrator::new(crate::store::Embedded(MIGRATIONS)).await?;
        migrator.run(&self.pool).await?;
        Ok(())
    }

    async fn begin(&self) -> Result<Tx, RegisterError> {
        self.pool
            .begin_with(BEGIN)
            .await
            .during("opening a transaction")
    }

    /// A transaction for an evaluation: one at a time ([`EVALUATION_LOCK`]).
    async fn begin_evaluation(&self) -> Result<Tx, RegisterError> {
        self.begin_locked(EVALUATION_LOCK, "waiting for another evaluation to finish")
            .await
    }

    /// A transaction that first takes `lock` (none on SQLite, whose write transaction already
    /// excludes every other writer).
    async fn begin_locked(
        &self,
        lock: Option<&'static str>,
        during: &'static str,
    ) -> Result<Tx, RegisterError> {
        let mut tx = self.begin().await?;
        if let Some(lock) = lock {
            sqlx::query(lock).execute(&mut *tx).await.during(during)?;
        }
        Ok(tx)
    }

    // ----------------------------------------------------------------------------- estate

    /// The estate as stored.
    pub async fn estate(&self) -> Result<Estate, RegisterError> {
        let mut conn = self.pool.acquire().await.during("reading the estate")?;
        read_estate(&mut conn).await
    }

    /// Replaces the stored estate with `estate` in one transaction: creates, updates and deletes
    /// organisations, sites and networks, re-places every device, and records each change in
    /// history. A network or site that still has devices placed on it may be deleted; its devices
    /// become unplaced (and history says so).
    ///
    /// Unless `allow_removals`, an estate that would delete a site or network still holding
    /// devices is refused ([`RegisterError::RemovalsRefused`]): the check reads the devices
    /// inside this transaction, so a device ingested meanwhile cannot slip past it.
    pub async fn apply_estate(
        &self,
        estate: &Estate,
        actor: &str,
        allow_removals: bool,
    ) -> Result<EstateChange, RegisterError> {
        let mut tx = self
            .begin_locked(ESTATE_LOCK, "waiting for ingests to finish")
            .await?;
        let old = read_estate(&mut tx).await?;
        let at = now_rfc3339();
        let mut change = EstateChange::default();

        let devices = load_devices(&mut tx).await?;
        if !allow_removals {
            let removals = crate::estate::removals_holding_devices(
                &old,
                estate,
                devices.values().map(|d| d.network_id.as_deref()),
            );
            if !removals.is_empty() {
                return Err(RegisterError::RemovalsRefused { removals });
            }
        }
        let placer = Placer::new(&estate.networks);
        let (old_index, new_index) = (EstateIndex::new(&old), EstateIndex::new(estate));
        let mut history_lines: Vec<HistoryLine> = Vec::new();
        let mut line = |entity, id: &str, action: &str, before, after| {
            history_lines.push(HistoryLine::new(&at, entity, id, action, before, after));
        };

        // Every statement below covers many rows: one statement per row cost a round trip to
        // SQLite's worker thread each, and 100,000 networks took 30 s.
        // Devices whose network changes are unplaced first, so foreign keys hold throughout,
        // and placed again once the new networks exist.
        let mut moved: Vec<(String, String)> = Vec::new();
        let mut unplaced: Vec<String> = Vec::new();
        for device in devices.values() {
            let new_network = device
                .address
                .as_deref()
                .and_then(|a| a.parse().ok())
                .and_then(|ip| placer.place(ip))
                .map(|p| p.network.id.clone());
            if new_network != device.network_id {
                line(
                    "device",
                    &device.id,
                    "moved",
                    Some(serde_json::json!({ "network": device.network_id })),
                    Some(serde_json::json!({ "network": new_network })),
                );
                unplaced.push(device.id.clone());
                if let Some(network) = new_network {
                    moved.push((device.id.clone(), network));
                }
            }
        }
        change.devices_replaced = unplaced.len();
        let deleted_networks: Vec<&Network> = old
            .networks
            .iter()
            .filter(|n| !new_index.networks.contains_key(n.id.as_str()))
            .collect();
        let ids: Vec<String> = deleted_networks.iter().map(|n| n.id.clone()).collect();
        update_where_in(
            &mut tx,
            "UPDATE devices SET network_id = NULL WHERE id IN (",
            &unplaced,
            "unplacing devices that move",
        )
        .await?;
        update_where_in(
            &mut tx,
            "UPDATE devices SET network_id = NULL WHERE network_id IN (",
            &ids,
            "unplacing devices of a deleted network",
        )
        .await?;
        update_where_in(
            &mut tx,
            "DELETE FROM networks WHERE id IN (",
            &ids,
            "deleting networks",
        )
        .await?;
        for n in &deleted_networks {
            line("network", &n.id, "deleted", json(*n), None);
        }
        change.deleted += deleted_networks.len();

        // Parents before children; the sites and organisations that go are deleted after the
        // networks and sites that stay have moved off them.
        let organisations: Vec<&Organisation> = estate
            .organisations
            .iter()
            .filter(|o| {
                let prev = old_index.organisations.get(o.id.as_str()).copied();
                record_upsert(&mut change, &mut line, "organisation", &o.id, prev, o)
            })
            .collect();
        let sites: Vec<&Site> = estate
            .sites
            .iter()
            .filter(|s| {
                let prev = old_index.sites.get(s.id.as_str()).copied();
                record_upsert(&mut change, &mut line, "site", &s.id, prev, s)
            })
            .collect();
        let networks: Vec<&Network> = estate
            .networks
            .iter()
            .filter(|n| {
                let prev = old_index.networks.get(n.id.as_str()).copied();
                record_upsert(&mut change, &mut line, "network", &n.id, prev, n)
            })
            .collect();
        for chunk in organisations.chunks(ESTATE_ROW_CHUNK) {
            let mut insert =
                sqlx::QueryBuilder::<Db>::new("INSERT INTO organisations (id, name, policies) ");
            insert.push_values(chunk, |mut b, o| {
                b.push_bind(o.id.clone())
                    .push_bind(o.name.clone())
                    .push_bind(serde_json::to_string(&o.policies).unwrap_or_default());
            });
            insert.push(
                " ON CONFLICT (id) DO UPDATE SET name = excluded.name, policies = excluded.policies",
            );
            insert
                .build()
                .execute(&mut *tx)
                .await
                .during("storing organisations")?;
        }
        for chunk in sites.chunks(ESTATE_ROW_CHUNK) {
            let mut insert = sqlx::QueryBuilder::<Db>::new(
                "INSERT INTO sites (id, organisation_id, name, address, sensitivity,
                                    sensitivity_reason) ",
            );
            insert.push_values(chunk, |mut b, s| {
                b.push_bind(s.id.clone())
                    .push_bind(s.organisation.clone())
                    .push_bind(s.name.clone())
                    .push_bind(s.address.clone())
                    .push_bind(s.sensitivity.as_str())
                    .push_bind(s.sensitivity_reason.clone());
            });
            insert.push(
                " ON CONFLICT (id) DO UPDATE SET
                     organisation_id = excluded.organisation_id, name = excluded.name,
                     address = excluded.address, sensitivity = excluded.sensitivity,
                     sensitivity_reason = excluded.sensitivity_reason",
            );
            insert
                .build()
                .execute(&mut *tx)
                .await
                .during("storing sites")?;
        }
        for chunk in networks.chunks(ESTATE_ROW_CHUNK) {
            let mut insert = sqlx::QueryBuilder::<Db>::new(
                "INSERT INTO networks (id, site_id, zone, cidrs, vlan) ",
            );
            insert.push_values(chunk, |mut b, n| {
                let cidrs: Vec<String> = n.cidrs.iter().map(|c| c.to_string()).collect();
                b.push_bind(n.id.clone())
                    .push_bind(n.site.clone())
                    .push_bind(n.zone.as_str())
                    .push_bind(serde_json::to_string(&cidrs).unwrap_or_default())
                    .push_bind(n.vlan.map(i64::from));
            });
            insert.push(
                " ON CONFLICT (id) DO UPDATE SET site_id = excluded.site_id,
                     zone = excluded.zone, cidrs = excluded.cidrs, vlan = excluded.vlan",
            );
            insert
                .build()
                .execute(&mut *tx)
                .await
                .during("storing networks")?;
        }
        let deleted_sites: Vec<&Site> = old
            .sites
            .iter()
            .filter(|s| !new_index.sites.contains_key(s.id.as_str()))
            .collect();
        let ids: Vec<String> = deleted_sites.iter().map(|s| s.id.clone()).collect();
        update_where_in(
            &mut tx,
            "DELETE FROM sites WHERE id IN (",
            &ids,
            "deleting sites",
        )
        .await?;
        for s in &deleted_sites {
            line("site", &s.id, "deleted", json(*s), None);
        }
        let deleted_organisations: Vec<&Organisation> = old
            .organisations
            .iter()
            .filter(|o| !new_index.organisations.contains_key(o.id.as_str()))
            .collect();
        let ids: Vec<String> = deleted_organisations.iter().map(|o| o.id.clone()).collect();
        update_where_in(
            &mut tx,
            "DELETE FROM organisations WHERE id IN (",
            &ids,
            "deleting organisations",
        )
        .await?;
        for o in &deleted_organisations {
            line("organisation", &o.id, "deleted", json(*o), None);
        }
        change.deleted += deleted_sites.len() + deleted_organisations.len();

        // Place the devices that moved onto their new networks.
        for chunk in moved.chunks(ESTATE_ROW_CHUNK) {
            let mut update = sqlx::QueryBuilder::<Db>::new(
                "UPDATE devices SET network_id = placed.column2 FROM (",
            );
            update.push_values(chunk, |mut b, (device, network)| {
                b.push_bind(device.clone()).push_bind(network.clone());
            });
            update.push(") AS placed WHERE devices.id = placed.column1");
            update
                .build()
                .execute(&mut *tx)
                .await
                .during("placing devices")?;
        }
        insert_history(&mut tx, actor, &history_lines, HISTORY_CHUNK).await?;
        tx.commit().await.during("committing the estate")?;
        Ok(change)
    }

    // ----------------------------------------------------------------------------- ingest

    /// Stores one batch (scan document or observation file) in one transaction: the scan, its
    /// devices (created, or matched by key and updated), their raw observations and
    /// identifications, and marks devices missing that the scan covered but did not find.
    pub async fn ingest(
        &self,
        batch: &IngestBatch,
        actor: &str,
    ) -> Result<IngestSummary, RegisterError> {
        let mut tx = self
            .begin_locked(PLACEMENT_LOCK, "waiting for an estate import to finish")
            .await?;
        // A scan already stored (ingested twice, or `scan --db` then `ingest`) changes nothing:
        // the same evidence must not be counted again. Checked inside the write transaction.
        let stored: Option<String> = sqlx::query_scalar("SELECT id FROM scans WHERE id = $1")
            .bind(&batch.scan_id)
            .fetch_optional(&mut *tx)
            .await
            .during("looking for the scan")?;
        if stored.is_some() {
            tx.rollback().await.during("ending the ingest")?;
            return Ok(IngestSummary {
                scan_id: batch.scan_id.clone(),
                already_stored: true,
                ..IngestSummary::default()
            });
        }
        let estate = read_estate(&mut tx).await?;
        let mut devices = load_devices(&mut tx).await?;
        let mut by_key: HashMap<String, String> = devices
            .values()
            .map(|d| (d.key.clone(), d.id.clone()))
            .collect();
        let at = now_rfc3339();
        let seen_at = batch.started_at.clone();
        let mut summary = IngestSummary {
            scan_id: batch.scan_id.clone(),
            ..IngestSummary::default()
        };

        let observation_count: usize = batch.devices.iter().map(|d| d.observations.len()).sum();
        // Coverage goes into the scan row itself, so a scan is never stored without it.
        let coverage = batch.coverage.as_ref();
        let address_list =
            |list: &Vec<String>| serde_json::to_string(list).unwrap_or_else(|_| "[]".into());
        sqlx::query(
            "INSERT INTO scans (id, kind, source_file, started_at, finished_at, targets,
                                kb_version, tool_version, interrupted, ingested_at, devices,
                                observations, hosts_scanned, unresponsive, malformed, excluded)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16)",
        )
        .bind(&batch.scan_id)
        .bind(batch.kind.as_str())
        .bind(&batch.source_file)
        .bind(&batch.started_at)
        .bind(&batch.finished_at)
        .bind(serde_json::to_string(&batch.targets).unwrap_or_default())
        .bind(&batch.kb_version)
        .bind(&batch.tool_version)
        .bind(batch.interrupted)
        .bind(&at)
        .bind(batch.devices.len() as i64)
        .bind(observation_count as i64)
        .bind(coverage.map(|c| i64::try_from(c.hosts_scanned).unwrap_or(i64::MAX)))
        .bind(coverage.map(|c| address_list(&c.unresponsive)))
        .bind(coverage.map(|c| address_list(&c.malformed)))
        .bind(address_list(&batch.excluded))
        .execute(&mut *tx)
        .await
        .during("storing the scan")?;
        history(
            &mut tx,
            &at,
            actor,
            "scan",
            &batch.scan_id,
            "ingested",
            None,
            Some(serde_json::json!({
                "kind": batch.kind.as_str(),
                "file": batch.source_file,
                "devices": batch.devices.len(),
                "observations": observation_count,
                "coverage": coverage,
            })),
        )
        .await?;

        let placer = Placer::new(&estate.networks);
        let mut seen_ids: HashSet<String> = HashSet::new();
        let mut pending_observations: Vec<(String, &Observation)> = Vec::new();
        for item in &batch.devices {
            let mac = item
                .mac
                .clone()
                .or_else(|| item.observations.iter().find_map(observation_mac));
            let ip = item.address.as_deref().and_then(|a| a.parse().ok());
            let network_id = ip
                .and_then(|ip| placer.place(ip))
                .map(|p| p.network.id.clone());
            if network_id.is_none() {
                summary.devices_unplaced += 1;
            }
            let key = device_key(
                mac.as_deref(),
                network_id.as_deref(),
                item.address.as_deref(),
                item.label.as_deref(),
            );
            // A device first seen without its MAC is the same device once the MAC is known.
            let address_key = device_key(
                None,
                network_id.as_deref(),
                item.address.as_deref(),
                item.label.as_deref(),
            );
            let existing = by_key
                .get(&key)
                .or_else(|| mac.as_ref().and_then(|_| by_key.get(&address_key)))
                .cloned();
            let device_id = match existing {
                Some(id) => {
                    let prev =
                        devices
                            .get(&id)
                            .cloned()
                            .ok_or_else(|| RegisterError::NotFound {
                                what: "device",
                                id: id.clone(),
                            })?;
                    sqlx::query(
                        "UPDATE devices SET device_key = $2, mac = $3, address = $4, label = $5,
                                network_id = $6, last_seen = $7, last_scan_id = $8,
                                missing = FALSE
                         WHERE id = $1",
                    )
                    .bind(&id)
                    .bind(&key)
                    .bind(&mac)
                    .bind(&item.address)
                    .bind(item.label.as_ref().or(prev.label.as_ref()))
                    .bind(&network_id)
                    .bind(&seen_at)
                    .bind(&batch.scan_id)
                    .execute(&mut *tx)
                    .await
                    .during("updating a device")?;
                    if prev.missing {
                        history(&mut tx, &at, actor, "device", &id, "reappeared", None, None)
                            .await?;
                    }
                    if prev.address != item.address || prev.network_id != network_id {
                        history(
                            &mut tx,
                            &at,
                            actor,
                            "device",
                            &id,
                            "moved",
                            Some(serde_json::json!({"address": prev.address, "network": prev.network_id})),
                            Some(serde_json::json!({"address": item.address, "network": network_id})),
                        )
                        .await?;
                    }
                    if prev.key != key {
                        by_key.remove(&prev.key);
                        by_key.insert(key.clone(), id.clone());
                    }
                    if let Some(d) = devices.get_mut(&id) {
                        d.key = key.clone();
                        d.address = item.address.clone();
                        d.network_id = network_id.clone();
                        d.missing = false;
                    }
                    summary.devices_seen_again += 1;
                    id
                }
                None => {
                    let id = uuid::Uuid::now_v7().to_string();
                    sqlx::query(
                        "INSERT INTO devices (id, device_key, mac, address, label, network_id,
                                              first_seen, last_seen, last_scan_id, missing)
                         VALUES ($1, $2, $3, $4, $5, $6, $7, $7, $8, FALSE)",
                    )
                    .bind(&id)
                    .bind(&key)
                    .bind(&mac)
                    .bind(&item.address)
                    .bind(&item.label)
                    .bind(&network_id)
                    .bind(&seen_at)
                    .bind(&batch.scan_id)
                    .execute(&mut *tx)
                    .await
                    .during("creating a device")?;
                    history(
                        &mut tx,
                        &at,
                        actor,
                        "device",
                        &id,
                        "created",
                        None,
                        Some(serde_json::json!({
                            "key": key, "mac": mac, "address": item.address, "network": network_id,
                        })),
                    )
                    .await?;
                    by_key.insert(key.clone(), id.clone());
                    devices.insert(
                        id.clone(),
                        StoredDevice {
                            id: id.clone(),
                            key: key.clone(),
                            address: item.address.clone(),
                            network_id: network_id.clone(),
                            label: item.label.clone(),
                            missing: false,
                        },
                    );
                    summary.devices_new += 1;
                    id
                }
            };
            store_identification(&mut tx, &device_id, &item.identification, &at, actor).await?;
            for o in &item.observations {
                pending_observations.push((device_id.clone(), o));
            }
            if pending_observations.len() >= OBSERVATION_CHUNK {
                insert_observations(&mut tx, &batch.scan_id, &pending_observations).await?;
                pending_observations.clear();
            }
            seen_ids.insert(device_id);
        }
        insert_observations(&mut tx, &batch.scan_id, &pending_observations).await?;
        summary.observations = observation_count;

        // Missing-on-rescan: a completed scan that covered a device's address and did not find
        // it is evidence that the device is gone (removed, replaced, or moved elsewhere).
        // Only what the scan really looked at counts: its targets minus its exclusions. An
        // exclusion that is not a literal (a host name) leaves the coverage unknown: nothing is
        // marked missing, because a finding about a device nobody looked at must not close.
        if !batch.interrupted && !batch.targets.is_empty() {
            let coverage =
                camsweep_model::ScanScope::new(batch.targets.clone(), batch.excluded.clone())
                    .coverage();
            for device in devices.values() {
                if device.missing || seen_ids.contains(&device.id) {
                    continue;
                }
                let Some(ip) = device.address.as_deref().and_then(|a| a.parse().ok()) else {
                    continue;
                };
                if coverage.contains(ip) {
                    sqlx::query("UPDATE devices SET missing = TRUE WHERE id = $1")
                        .bind(&device.id)
                        .execute(&mut *tx)
                        .await
                        .during("marking a device missing")?;
                    history(
                        &mut tx,
                        &at,
                        actor,
                        "device",
                        &device.id,
                        "missing",
                        None,
                        Some(serde_json::json!({ "scan": batch.scan_id })),
                    )
                    .await?;
                    summary.devices_marked_missing += 1;
                }
            }
        }
        tx.commit().await.during("committing the ingest")?;
        Ok(summary)
    }

    // ---------------------------------------------------------------------------- devices

    /// Every device with its identification and placement.
    pub async fn devices(&self) -> Result<Vec<DeviceRecord>, RegisterError> {
        let rows = sqlx::query(
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
        rows.iter()
            .map(|row| {
                let id: String = row.try_get(0).during("reading a device")?;
                let document: Option<String> = row.try_get(10).during("reading a device")?;
                let identification = document
                    .map(|doc| {
                        serde_json::from_str::<Identification>(&doc).map_err(|e| {
                            RegisterError::CorruptRow {
                                table: "identifications",
                                id: id.clone(),
                                field: "document",
                                message: e.to_string(),
                            }
                        })
                    })
                    .transpose()?;
                Ok(DeviceRecord {
                    id,
                    key: row.try_get(1).during("reading a device")?,
                    mac: row.try_get(2).during("reading a device")?,
                    address: row.try_get(3).during("reading a device")?,
                    label: row.try_get(4).during("reading a device")?,
                    network_id: row.try_get(5).during("reading a device")?,
                    site_id: row.try_get(6).during("reading a device")?,
                    first_seen: row.try_get(7).during("reading a device")?,
                    last_seen: row.try_get(8).during("reading a device")?,
                    missing: row.try_get(9).during("reading a device")?,
                    identification,
                })
            })
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
        while let Some((
            device_id,
            grouping,
            kind,
            value,
            path,
            address,
            port,
            transport,
            source,
            observed_at,
            id,
        )) = rows.try_next().await.during("reading observations")?
        {
            let kind: ObservationKind =
                kind.parse().map_err(|e: camsweep_model::ParseKindError| {
                    RegisterError::CorruptRow {
                        table: "observations",
                        id: id.to_string(),
                        field: "kind",
                        message: e.to_string(),
                    }
                })?;
            out.entry(device_id).or_default().push(Observation {
                device: grouping,
                kind,
                value,
                path,
                address,
                port: port.and_then(|p| u16::try_from(p).ok()),
                transport,
                source,
                observed_at,
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

    // ------------------------------------------------------------------------- evaluation

    /// Stores recomputed identifications and the findings the policies now report, in one
    /// transaction. Findings are keyed by (device, pack, rule): a new key opens a finding, a
    /// key no longer reported resolves it, a resolved key reported again reopens it. Devices
    /// not in `results` (e.g. missing ones) get their open findings resolved.
    pub async fn apply_evaluation(
        &self,
        results: &[(String, Identification, Vec<NewFinding>)],
        actor: &str,
    ) -> Result<EvaluationDelta, RegisterError> {
        let mut tx = self.begin_evaluation().await?;
        let (delta, _) =
            evaluation_in(&mut tx, results, actor, &now_rfc3339(), self.chunks()).await?;
        tx.commit().await.during("committing the evaluation")?;
        Ok(delta)
    }

    /// [`Self::apply_evaluation`], then the remediation plan brought in line with the findings,
    /// all in **one** transaction (an evaluation interrupted anywhere leaves the register as it
    /// was). `decide` sees every finding as the evaluation left it (status as of `today`, so
    /// under an unexpired waiver it is `Waived`), oldest first, with its plan item if any, and
    /// returns the change to store (stored as [`Self::apply_plan_changes`] does).
    pub async fn apply_evaluation_and_plan<F>(
        &self,
        results: &[(String, Identification, Vec<NewFinding>)],
        today: &str,
        actor: &str,
        mut decide: F,
    ) -> Result<EvaluationDelta, RegisterError>
    where
        F: FnMut(&FindingState, Option<&PlanItem>) -> Option<PlanChange>,
    {
        let mut tx = self.begin_evaluation().await?;
        let (delta, mut states) =
            evaluation_in(&mut tx, results, actor, &now_rfc3339(), self.chunks()).await?;
        let waivers = active_waivers_in(&mut tx, today).await?;
        // Locked as read: a person's status change that commits while this evaluation runs
        // either lands before this read (and is decided on) or waits for this commit (and is
        // applied to what this evaluation stored); it is never overwritten by an older row.
        let items: HashMap<String, PlanItem> = plan_items_in(&mut tx, LOCK_ROWS)
            .await?
            .into_iter()
            .filter_map(|item| Some((item.finding_id.clone()?, item)))
            .collect();
        // The order `findings()` lists them in (first seen, then id), so plan history keeps
        // the order it had when the plan was decided from that list.
        states.sort_unstable_by(|a, b| (&a.0, &a.1.id).cmp(&(&b.0, &b.1.id)));
        let mut changes = Vec::new();
        for (_, mut state) in states {
            if state.status == FindingStatus::Open && waivers.contains_key(&state.id) {
                state.status = FindingStatus::Waived;
            }
            if let Some(change) = decide(&state, items.get(&state.id)) {
                changes.push(change);
            }
        }
        drop(items);
        plan_changes_in(&mut tx, &changes, actor, self.chunks()).await?;
        tx.commit().await.during("committing the evaluation")?;
        Ok(delta)
    }

    /// Findings matching `filter`, with their status as of `today` (ISO date): a waiver whose
    /// `until` is before `today` no longer holds, so its finding is open again.
    pub async fn findings(
        &self,
        filter: &FindingFilter,
        today: &str,
    ) -> Result<Vec<FindingRecord>, RegisterError> {
        let rows: Vec<FindingRow> = sqlx::query_as(
            "SELECT f.id, f.device_id, d.address, n.site_id, d.network_id, i.manufacturer,
                    f.pack, f.rule, f.title, f.severity, f.action, f.citation_document,
                    f.citation_paragraph, f.citation_url, f.message, f.due
             FROM findings f
             JOIN devices d ON d.id = f.device_id
             LEFT JOIN networks n ON n.id = d.network_id
             LEFT JOIN identifications i ON i.device_id = d.id
             WHERE ($1 OR f.status = 'open')
               AND ($2 IS NULL OR n.site_id = $2)
               AND ($3 IS NULL OR f.severity = $3)
               AND ($4 IS NULL OR f.action = $4)
               AND ($5 IS NULL OR f.pack = $5)
               AND ($6 IS NULL OR i.manufacturer = $6)
             ORDER BY f.first_seen, f.id",
        )
        .bind(filter.include_resolved)
        .bind(&filter.site)
        .bind(&filter.severity)
        .bind(&filter.action)
        .bind(&filter.pack)
        .bind(&filter.manufacturer)
        .fetch_all(&self.pool)
        .await
        .during("listing findings")?;
        let extra: Vec<FindingTail> = sqlx::query_as(
            "SELECT id, due_basis, status, first_seen, last_seen, resolved_at FROM findings",
        )
        .fetch_all(&self.pool)
        .await
        .during("listing findings")?;
        let extra: HashMap<_, _> = extra
            .into_iter()
            .map(|(id, basis, status, first, last, resolved)| {
                (id, (basis, status, first, last, resolved))
            })
            .collect();
        let waivers = self.active_waivers(today).await?;
        let mut out = Vec::with_capacity(rows.len());
        for row in rows {
            let (
                id,
                device_id,
                device_address,
                site_id,
                network_id,
                manufacturer,
                pack,
                rule,
                title,
                severity,
                action,
                citation_document,
                citation_paragraph,
                citation_url,
                message,
                due,
            ) = row;
            let Some((due_basis, status, first_seen, last_seen, resolved_at)) =
                extra.get(&id).cloned()
            else {
                continue;
            };
            let waiver = waivers.get(&id).cloned();
            let status = match (status.as_str(), &waiver) {
                ("resolved", _) => FindingStatus::Resolved,
                (_, Some(_)) => FindingStatus::Waived,
                _ => FindingStatus::Open,
            };
            out.push(FindingRecord {
                id,
                device_id,
                device_address,
                site_id,
                network_id,
                manufacturer,
                finding: NewFinding {
                    pack,
                    rule,
                    title,
                    severity,
                    action,
                    citation_document,
                    citation_paragraph,
                    citation_url,
                    message,
                    due,
                    due_basis,
                },
                waiver: if status == FindingStatus::Waived {
                    waiver
                } else {
                    None
                },
                status,
                first_seen,
                last_seen,
                resolved_at,
            });
        }
        Ok(out)
    }

    /// The latest-ending waiver per finding that still holds on `today`.
    async fn active_waivers(&self, today: &str) -> Result<HashMap<String, Waiver>, RegisterError> {
        let mut conn = self.pool.acquire().await.during("reading waivers")?;
        active_waivers_in(&mut conn, today).await
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
        let found: Option<(String,)> = sqlx::query_as("SELECT status FROM findings WHERE id = $1")
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
        history(
            &mut tx,
            &waiver.created_at,
            by,
            "finding",
            finding_id,
            "waived",
            None,
            json(&waiver),
        )
        .await?;
        tx.commit().await.during("committing the waiver")?;
        Ok(waiver)
    }

    // ---------------------------------------------------------------------------- history

    /// History entries, oldest first; optionally only those about one entity.
    pub async fn history(
        &self,
        entity: Option<(&str, &str)>,
    ) -> Result<Vec<HistoryEntry>, RegisterError> {
        let (kind, id) = entity.map_or((None, None), |(k, i)| (Some(k), Some(i)));
        let rows: Vec<HistoryRow> = sqlx::query_as(
            "SELECT id, at, actor, entity, entity_id, action, before_value, after_value
                 FROM history
                 WHERE ($1 IS NULL OR entity = $1) AND ($2 IS NULL OR entity_id = $2)
                 ORDER BY id",
        )
        .bind(kind)
        .bind(id)
        .fetch_all(&self.pool)
        .await
        .during("reading history")?;
        Ok(rows
            .into_iter()
            .map(
                |(id, at, actor, entity, entity_id, action, before, after)| HistoryEntry {
                    id,
                    at,
                    actor,
                    entity,
                    entity_id,
                    action,
                    before: before.and_then(|b| serde_json::from_str(&b).ok()),
                    after: after.and_then(|a| serde_json::from_str(&a).ok()),
                },
            )
            .collect())
    }

    // ---------------------------------------------------------------- remediation plan table

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
        plan_changes_in(&mut tx, changes, actor, self.chunks()).await?;
        tx.commit().await.during("committing plan changes")?;
        Ok(())
    }

    /// Every scan and observations import, oldest first.
    pub async fn scans(&self) -> Result<Vec<ScanRecord>, RegisterError> {
        let rows = sqlx::query(
            "SELECT id, kind, source_file, started_at, finished_at, targets, kb_version,
                    tool_version, interrupted, ingested_at, devices, observations,
                    hosts_scanned, unresponsive, malformed, excluded
             FROM scans ORDER BY started_at, id",
        )
        .fetch_all(&self.pool)
        .await
        .during("listing scans")?;
        rows.iter()
            .map(|row| {
                let id: String = row.try_get(0).during("reading a scan")?;
                let list =
                    |index: usize, field: &'static str| -> Result<Vec<String>, RegisterError> {
                        let text: Option<String> = row.try_get(index).during("reading a scan")?;
                        match text {
                            None => Ok(Vec::new()),
                            Some(text) => {
                                serde_json::from_str(&text).map_err(|e| RegisterError::CorruptRow {
                                    table: "scans",
                                    id: id.clone(),
                                    field,
                                    message: e.to_string(),
                                })
                            }
                        }
                    };
                Ok(ScanRecord {
                    targets: list(5, "targets")?,
                    unresponsive: list(13, "unresponsive")?,
                    malformed: list(14, "malformed")?,
                    excluded: list(15, "excluded")?,
                    kind: row.try_get(1).during("reading a scan")?,
                    source_file: row.try_get(2).during("reading a scan")?,
                    started_at: row.try_get(3).during("reading a scan")?,
                    finished_at: row.try_get(4).during("reading a scan")?,
                    kb_version: row.try_get(6).during("reading a scan")?,
                    tool_version: row.try_get(7).during("reading a scan")?,
                    interrupted: row.try_get(8).during("reading a scan")?,
                    ingested_at: row.try_get(9).during("reading a scan")?,
                    devices: row.try_get(10).during("reading a scan")?,
                    observations: row.try_get(11).during("reading a scan")?,
                    hosts_scanned: row.try_get(12).during("reading a scan")?,
                    id,
                })
            })
            .collect()
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
        if result.rows_affected() == 0 {
            return Err(RegisterError::NotFound {
                what: "scan",
                id: scan_id.to_owned(),
            });
        }
        Ok(())
    }

    pub async fn plan_items(&self) -> Result<Vec<PlanItem>, RegisterError> {
        let mut conn = self.pool.acquire().await.during("reading plan items")?;
        plan_items_in(&mut conn, "").await
    }

    /// Records a person's change of one plan item's status (and, for a replacement, what
    /// replaced the device). The item is read under its lock and only the fields a person sets
    /// are written (status, replacement, time, verification cleared: a new claim waits for a
    /// new rescan), so an evaluation running at the same time neither loses this change nor
    /// has its priority or due date overwritten; the history line records the status that was
    /// really there before. Returns the item as stored.
    pub async fn update_plan_item_status(
        &self,
        id: &str,
        status: &str,
        replaced_by: Option<&str>,
        actor: &str,
    ) -> Result<PlanItem, RegisterError> {
        let mut tx = self.begin().await?;
        let sql = format!(
            "SELECT id, finding_id, device_id, priority, action, due, status, replaced_by,
                    updated_at, verified_at
             FROM remediation_items WHERE id = $1{LOCK_ROWS}"
        );
        let row: Option<PlanRow> = sqlx::query_as(sqlx::AssertSqlSafe(sql))
            .bind(id)
            .fetch_optional(&mut *tx)
            .await
            .during("reading a plan item")?;
        let Some(row) = row else {
            return Err(RegisterError::NotFound {
                what: "plan item",
                id: id.to_owned(),
            });
        };
        let mut item = plan_item_from_row(row);
        let before = item.status.clone();
        item.status = status.to_owned();
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
        .bind(&item.status)
        .bind(&item.replaced_by)
        .bind(&item.updated_at)
        .execute(&mut *tx)
        .await
        .during("storing a plan item")?;
        history(
            &mut tx,
            &item.updated_at,
            actor,
            "plan_item",
            &item.id,
            "updated",
            Some(serde_json::json!({ "status": before })),
            json(&item),
        )
        .await?;
        tx.commit().await.during("committing a plan item")?;
        Ok(item)
    }
}

type ObservationRow = (
    String,
    Option<String>,
    String,
    String,
    Option<String>,
    Option<String>,
    Option<i64>,
    Option<String>,
    Option<String>,
    Option<String>,
    i64,
);

type FindingRow = (
    String,
    String,
    Option<String>,
    Option<String>,
    Option<String>,
    Option<String>,
    String,
    String,
    String,
    String,
    String,
    String,
    Option<String>,
    Option<String>,
    String,
    Option<String>,
);

/// `findings` columns [`Store::apply_evaluation`] compares: id, device, pack, rule, status,
/// then the content a policy reports, then `first_seen`.
type ExistingFindingRow = (
    String,
    String,
    String,
    String,
    String,
    String,
    String,
    String,
    String,
    Option<String>,
    Option<String>,
    String,
    Option<String>,
    Option<String>,
    String,
);

/// A digest of everything a policy reports about a finding, to tell "reported again unchanged"
/// from "reported with a new message, due date or citation" without keeping every text.
fn finding_digest(f: &NewFinding) -> u64 {
    use std::hash::{Hash, Hasher};
    let mut hasher = std::collections::hash_map::DefaultHasher::new();
    f.hash(&mut hasher);
    hasher.finish()
}

type FindingTail = (
    String,
    Option<String>,
    String,
    String,
    String,
    Option<String>,
);
type HistoryRow = (
    i64,
    String,
    String,
    String,
    String,
    String,
    Option<String>,
    Option<String>,
);
type SiteRow = (
    String,
    String,
    String,
    Option<String>,
    String,
    Option<String>,
);
type DeviceRow = (
    String,
    String,
    Option<String>,
    Option<String>,
    Option<String>,
    bool,
);

type PlanRow = (
    String,
    Option<String>,
    String,
    i64,
    String,
    Option<String>,
    String,
    Option<String>,
    String,
    Option<String>,
);

#[derive(Debug, Clone)]
struct StoredDevice {
    id: String,
    key: String,
    address: Option<String>,
    network_id: Option<String>,
    label: Option<String>,
    missing: bool,
}

fn json<T: serde::Serialize>(value: &T) -> Option<serde_json::Value> {
    serde_json::to_value(value).ok()
}

async fn read_estate(
    conn: &mut <Db as sqlx::Database>::Connection,
) -> Result<Estate, RegisterError> {
    let orgs: Vec<(String, String, String)> =
        sqlx::query_as("SELECT id, name, policies FROM organisations ORDER BY id")
            .fetch_all(&mut *conn)
            .await
            .during("reading organisations")?;
    let sites: Vec<SiteRow> = sqlx::query_as(
        "SELECT id, organisation_id, name, address, sensitivity, sensitivity_reason
             FROM sites ORDER BY id",
    )
    .fetch_all(&mut *conn)
    .await
    .during("reading sites")?;
    let networks: Vec<(String, String, String, String, Option<i64>)> =
        sqlx::query_as("SELECT id, site_id, zone, cidrs, vlan FROM networks ORDER BY id")
            .fetch_all(&mut *conn)
            .await
            .during("reading networks")?;
    let corrupt = |table: &'static str, id: &str, field: &'static str, message: String| {
        RegisterError::CorruptRow {
            table,
            id: id.to_owned(),
            field,
            message,
        }
    };
    let mut estate = Estate::default();
    for (id, name, policies) in orgs {
        let policies = serde_json::from_str(&policies)
            .map_err(|e| corrupt("organisations", &id, "policies", e.to_string()))?;
        estate
            .organisations
            .push(Organisation { id, name, policies });
    }
    for (id, organisation, name, address, sensitivity, sensitivity_reason) in sites {
        let sensitivity = sensitivity
            .parse()
            .map_err(|e| corrupt("sites", &id, "sensitivity", e))?;
        estate.sites.push(Site {
            id,
            organisation,
            name,
            address,
            sensitivity,
            sensitivity_reason,
        });
    }
    for (id, site, zone, cidrs, vlan) in networks {
        let zone = zone
            .parse()
            .map_err(|e| corrupt("networks", &id, "zone", e))?;
        let texts: Vec<String> = serde_json::from_str(&cidrs)
            .map_err(|e| corrupt("networks", &id, "cidrs", e.to_string()))?;
        let cidrs = texts
            .iter()
            .map(|t| {
                t.parse().map_err(|e: ipnet::AddrParseError| {
                    corrupt("networks", &id, "cidrs", e.to_string())
                })
            })
            .collect::<Result<_, _>>()?;
        estate.networks.push(Network {
            id,
            site,
            zone,
            cidrs,
            vlan: vlan.and_then(|v| u16::try_from(v).ok()),
        });
    }
    Ok(estate)
}

async fn load_devices(
    conn: &mut <Db as sqlx::Database>::Connection,
) -> Result<HashMap<String, StoredDevice>, RegisterError> {
    let rows: Vec<DeviceRow> =
        sqlx::query_as("SELECT id, device_key, address, network_id, label, missing FROM devices")
            .fetch_all(&mut *conn)
            .await
            .during("reading devices")?;
    Ok(rows
        .into_iter()
        .map(|(id, key, address, network_id, label, missing)| {
            (
                id.clone(),
                StoredDevice {
                    id,
                    key,
                    address,
                    network_id,
                    label,
                    missing,
                },
            )
        })
        .collect())
}

/// Rows per multi-row statement of an estate import (six parameters at most per row).
const ESTATE_ROW_CHUNK: usize = 1000;

/// `{prefix}$1, $2, ...)` over `ids`, [`FINDING_ID_CHUNK`] ids per statement (`prefix` ends
/// with `IN (`).
async fn update_where_in(
    tx: &mut Tx,
    prefix: &'static str,
    ids: &[String],
    during: &'static str,
) -> Result<(), RegisterError> {
    for ids in ids.chunks(FINDING_ID_CHUNK) {
        let mut statement = sqlx::QueryBuilder::<Db>::new(prefix);
        let mut list = statement.separated(", ");
        for id in ids {
            list.push_bind(id.clone());
        }
        statement.push(")");
        statement.build().execute(&mut **tx).await.during(during)?;
    }
    Ok(())
}

/// Counts one item of an estate import as created, updated or unchanged and records its history
/// line; true when it must be written.
fn record_upsert<T: PartialEq + serde::Serialize>(
    change: &mut EstateChange,
    line: &mut impl FnMut(
        &'static str,
        &str,
        &str,
        Option<serde_json::Value>,
        Option<serde_json::Value>,
    ),
    entity: &'static str,
    id: &str,
    prev: Option<&T>,
    new: &T,
) -> bool {
    match prev {
        Some(prev) if prev == new => {
            change.unchanged += 1;
            false
        }
        Some(prev) => {
            change.updated += 1;
            line(entity, id, "updated", json(prev), json(new));
            true
        }
        None => {
            change.created += 1;
            line(entity, id, "created", None, json(new));
            true
        }
    }
}

/// Appends one history line (the batched [`insert_history`] with one row).
#[allow(clippy::too_many_arguments)]
async fn history(
    tx: &mut Tx,
    at: &str,
    actor: &str,
    entity: &'static str,
    entity_id: &str,
    action: &str,
    before: Option<serde_json::Value>,
    after: Option<serde_json::Value>,
) -> Result<(), RegisterError> {
    let line = HistoryLine::new(at, entity, entity_id, action, before, after);
    insert_history(tx, actor, &[line], 1).await
}

/// Stores one device's identification (ingest), with a history line when what history
/// records of it changed.
async fn store_identification(
    tx: &mut Tx,
    device_id: &str,
    identification: &Identification,
    at: &str,
    actor: &str,
) -> Result<(), RegisterError> {
    let previous: Option<IdentificationColumns> = sqlx::query_as(
        "SELECT manufacturer, model, device_type FROM identifications WHERE device_id = $1",
    )
    .bind(device_id)
    .fetch_optional(&mut **tx)
    .await
    .during("reading an identification")?;
    let document = serde_json::to_string(identification).unwrap_or_default();
    upsert_identifications(tx, &[(device_id, identification, document)], at).await?;
    let now = identification_columns(identification);
    if let Some(line) = identification_history(at, device_id, previous.as_ref(), &now) {
        insert_history(tx, actor, &[line], 1).await?;
    }
    Ok(())
}

/// What history records of an identification: manufacturer, model, device type.
type IdentificationColumns = (Option<String>, Option<String>, String);

fn identification_columns(identification: &Identification) -> IdentificationColumns {
    (
        identification.manufacturer.clone(),
        identification.model.clone(),
        identification.device_type.as_str().to_owned(),
    )
}

/// The history line of an identification stored over `previous`, or `None` when what history
/// records did not change.
fn identification_history(
    at: &str,
    device_id: &str,
    previous: Option<&IdentificationColumns>,
    now: &IdentificationColumns,
) -> Option<HistoryLine> {
    let record = |(manufacturer, model, device_type): &IdentificationColumns| serde_json::json!({"manufacturer": manufacturer, "model": model, "device_type": device_type});
    (previous != Some(now)).then(|| {
        HistoryLine::new(
            at,
            "identification",
            device_id,
            if previous.is_some() {
                "updated"
            } else {
                "created"
            },
            previous.map(record),
            Some(record(now)),
        )
    })
}

async fn insert_observations(
    tx: &mut Tx,
    scan_id: &str,
    rows: &[(String, &Observation)],
) -> Result<(), RegisterError> {
    for chunk in rows.chunks(OBSERVATION_CHUNK) {
        let mut builder = sqlx::QueryBuilder::<Db>::new(
            "INSERT INTO observations (scan_id, device_id, grouping, kind, value, path, address,
                                       port, transport, source, observed_at) ",
        );
        builder.push_values(chunk, |mut b, (device_id, o)| {
            b.push_bind(scan_id.to_owned())
                .push_bind(device_id.clone())
                .push_bind(o.device.clone())
                .push_bind(o.kind.as_str())
                .push_bind(o.value.clone())
                .push_bind(o.path.clone())
                .push_bind(o.address.clone())
                .push_bind(o.port.map(i64::from))
                .push_bind(o.transport.clone())
                .push_bind(o.source.clone())
                .push_bind(o.observed_at.clone());
        });
        builder
            .build()
            .execute(&mut **tx)
            .await
            .during("storing observations")?;
    }
    Ok(())
}

// ------------------------------------------------------------------ batched evaluation writes

/// Rows per multi-row statement written by an evaluation, chosen so that rows x bound columns
/// stays far below both engines' bound-parameter limits (SQLite 32766, PostgreSQL 65535):
/// findings 1,000 x 15, identifications 1,000 x 10, plan items 1,000 x 10, history 2,000 x 7.
const EVALUATION_ROW_CHUNK: usize = 1000;
const HISTORY_CHUNK: usize = 2000;

/// Rows per statement an evaluation writes, by kind.
#[derive(Debug, Clone, Copy)]
struct Chunks {
    /// Findings, identifications, plan items.
    rows: usize,
    history: usize,
    /// Ids per `UPDATE ... WHERE id IN (...)`.
    ids: usize,
}

impl Chunks {
    fn capped(limit: usize) -> Self {
        let limit = limit.max(1);
        Self {
            rows: EVALUATION_ROW_CHUNK.min(limit),
            history: HISTORY_CHUNK.min(limit),
            ids: FINDING_ID_CHUNK.min(limit),
        }
    }
}

/// One history line waiting for a multi-row INSERT (same columns as [`history`]).
struct HistoryLine {
    at: String,
    entity: &'static str,
    entity_id: String,
    action: String,
    before: Option<String>,
    after: Option<String>,
}

impl HistoryLine {
    fn new(
        at: &str,
        entity: &'static str,
        entity_id: &str,
        action: &str,
        before: Option<serde_json::Value>,
        after: Option<serde_json::Value>,
    ) -> Self {
        Self {
            at: at.to_owned(),
            entity,
            entity_id: entity_id.to_owned(),
            action: action.to_owned(),
            before: before.map(|v| v.to_string()),
            after: after.map(|v| v.to_string()),
        }
    }
}

/// Appends history lines, in order (ids follow the order of `lines`), many per statement.
async fn insert_history(
    tx: &mut Tx,
    actor: &str,
    lines: &[HistoryLine],
    chunk: usize,
) -> Result<(), RegisterError> {
    for chunk in lines.chunks(chunk) {
        let mut builder = sqlx::QueryBuilder::<Db>::new(
            "INSERT INTO history (at, actor, entity, entity_id, action, before_value, after_value) ",
        );
        builder.push_values(chunk, |mut b, line| {
            b.push_bind(line.at.clone())
                .push_bind(actor.to_owned())
                .push_bind(line.entity)
                .push_bind(line.entity_id.clone())
                .push_bind(line.action.clone())
                .push_bind(line.before.clone())
                .push_bind(line.after.clone());
        });
        builder
            .build()
            .execute(&mut **tx)
            .await
            .during("appending history")?;
    }
    Ok(())
}

/// What an evaluation writes, gathered into multi-row statements and flushed as each kind fills
/// a chunk. Writes of different kinds touch different rows, and history lines keep their order,
/// so the result is what one statement per row would have stored.
struct EvaluationWriter<'a> {
    chunks: Chunks,
    at: &'a str,
    actor: &'a str,
    history: Vec<HistoryLine>,
    /// (device id, identification, its JSON document)
    identifications: Vec<(&'a str, &'a Identification, String)>,
    /// The device ids in `identifications`.
    identified: HashSet<&'a str>,
    /// (finding id, device id, finding)
    opened: Vec<(String, &'a str, &'a NewFinding)>,
    /// (finding id, finding): content rewritten, status open again.
    rewritten: Vec<(String, &'a NewFinding)>,
    seen_again: Vec<String>,
    resolved: Vec<String>,
}

impl<'a> EvaluationWriter<'a> {
    fn new(at: &'a str, actor: &'a str, chunks: Chunks) -> Self {
        Self {
            chunks,
            at,
            actor,
            history: Vec::new(),
            identifications: Vec::new(),
            identified: HashSet::new(),
            opened: Vec::new(),
            rewritten: Vec::new(),
            seen_again: Vec::new(),
            resolved: Vec::new(),
        }
    }

    /// Writes whatever buffer is full (`all`: every buffer).
    async fn flush(&mut self, tx: &mut Tx, all: bool) -> Result<(), RegisterError> {
        let Chunks { rows, history, ids } = self.chunks;
        // A buffer is written when it holds a chunk, or at the end when it holds anything.
        let due = |len: usize, chunk: usize| len >= chunk || (all && len > 0);
        if due(self.identifications.len(), rows) {
            upsert_identifications(tx, &self.identifications, self.at).await?;
            self.identifications.clear();
            self.identified.clear();
        }
        if due(self.opened.len(), rows) {
            insert_findings(tx, &self.opened, self.at).await?;
            self.opened.clear();
        }
        if due(self.rewritten.len(), rows) {
            rewrite_findings(tx, &self.rewritten, self.at).await?;
            self.rewritten.clear();
        }
        if due(self.seen_again.len(), ids) {
            update_findings_by_id(
                tx,
                "UPDATE findings SET last_seen = ",
                self.at,
                &self.seen_again,
                "marking findings seen again",
                ids,
            )
            .await?;
            self.seen_again.clear();
        }
        if due(self.resolved.len(), ids) {
            update_findings_by_id(
                tx,
                "UPDATE findings SET status = 'resolved', resolved_at = ",
                self.at,
                &self.resolved,
                "resolving findings",
                ids,
            )
            .await?;
            self.resolved.clear();
        }
        if due(self.history.len(), history) {
            insert_history(tx, self.actor, &self.history, history).await?;
            self.history.clear();
        }
        Ok(())
    }
}

/// The body of [`Store::apply_evaluation`] inside `tx`: returns what changed and every finding
/// as the evaluation left it, with its `first_seen` (status `Open` or `Resolved`; waivers are
/// not looked at here).
async fn evaluation_in(
    tx: &mut Tx,
    results: &[(String, Identification, Vec<NewFinding>)],
    actor: &str,
    at: &str,
    chunks: Chunks,
) -> Result<(EvaluationDelta, Vec<(String, FindingState)>), RegisterError> {
    use futures::TryStreamExt as _;
    let mut delta = EvaluationDelta {
        devices: results.len(),
        ..EvaluationDelta::default()
    };
    // Each stored finding by key, with a digest of its content: a finding reported again
    // unchanged (the usual case) needs only its `last_seen` moved, many ids per UPDATE. Read
    // as a stream, so the texts are hashed and dropped row by row.
    let mut by_key: HashMap<FindingKey, StoredFinding> = HashMap::new();
    {
        let mut rows = sqlx::query_as::<_, ExistingFindingRow>(
            "SELECT id, device_id, pack, rule, status, title, severity, action, citation_document,
                    citation_paragraph, citation_url, message, due, due_basis, first_seen
             FROM findings",
        )
        .fetch(&mut **tx);
        while let Some(row) = rows.try_next().await.during("reading findings")? {
            let (id, device, pack, rule, status, title, severity, action, document) = (
                row.0, row.1, row.2, row.3, row.4, row.5, row.6, row.7, row.8,
            );
            let stored = NewFinding {
                pack,
                rule,
                title,
                severity,
                action,
                citation_document: document,
                citation_paragraph: row.9,
                citation_url: row.10,
                message: row.11,
                due: row.12,
                due_basis: row.13,
            };
            let digest = finding_digest(&stored);
            by_key.insert(
                (device, stored.pack, stored.rule),
                (id, status, digest, row.14),
            );
        }
    }
    // Each device's stored identification: the columns history compares, and the document.
    let mut current: HashMap<String, StoredIdentification> = HashMap::new();
    {
        let mut rows =
            sqlx::query_as::<_, (String, Option<String>, Option<String>, String, String)>(
                "SELECT device_id, manufacturer, model, device_type, document FROM identifications",
            )
            .fetch(&mut **tx);
        while let Some((device_id, manufacturer, model, device_type, document)) =
            rows.try_next().await.during("reading identifications")?
        {
            current.insert(device_id, ((manufacturer, model, device_type), document));
        }
    }

    let mut writer = EvaluationWriter::new(at, actor, chunks);
    let mut states: Vec<(String, FindingState)> = Vec::with_capacity(by_key.len());
    for (device_id, identification, findings) in results {
        let previous = current.get(device_id);
        // Same document text (the usual case, and cheaper than parsing it), else compared as
        // values (a document written by an older version may differ only in form).
        let document = serde_json::to_string(identification).unwrap_or_default();
        let changed = match previous {
            Some((_, doc)) => {
                *doc != document
                    && serde_json::from_str::<Identification>(doc).ok().as_ref()
                        != Some(identification)
            }
            None => true,
        };
        if changed {
            let now = identification_columns(identification);
            let previous_columns = previous.map(|(columns, _)| columns);
            if let Some(line) = identification_history(at, device_id, previous_columns, &now) {
                writer.history.push(line);
            }
            if writer.identified.contains(device_id.as_str()) {
                // The same device twice: one upsert may not touch a row twice.
                writer.flush(tx, true).await?;
            }
            writer.identified.insert(device_id);
            writer
                .identifications
                .push((device_id, identification, document.clone()));
            current.insert(device_id.clone(), (now, document));
            delta.identifications_changed += 1;
        }
        for f in findings {
            let key = (device_id.clone(), f.pack.clone(), f.rule.clone());
            let state = |id: String, first_seen: String| {
                (
                    first_seen,
                    FindingState {
                        id,
                        device_id: device_id.clone(),
                        pack: f.pack.clone(),
                        rule: f.rule.clone(),
                        status: FindingStatus::Open,
                    },
                )
            };
            match by_key.remove(&key) {
                Some((id, status, digest, first_seen))
                    if status == "open" && digest == finding_digest(f) =>
                {
                    writer.seen_again.push(id.clone());
                    states.push(state(id, first_seen));
                    delta.findings_still_open += 1;
                }
                Some((id, status, _, first_seen)) => {
                    writer.rewritten.push((id.clone(), f));
                    if status == "resolved" {
                        writer.history.push(HistoryLine::new(
                            at,
                            "finding",
                            &id,
                            "reopened",
                            None,
                            json(f),
                        ));
                        delta.findings_new += 1;
                    } else {
                        delta.findings_still_open += 1;
                    }
                    states.push(state(id, first_seen));
                }
                None => {
                    let id = uuid::Uuid::now_v7().to_string();
                    writer.opened.push((id.clone(), device_id, f));
                    writer.history.push(HistoryLine::new(
                        at,
                        "finding",
                        &id,
                        "opened",
                        None,
                        json(f),
                    ));
                    states.push(state(id, at.to_owned()));
                    delta.findings_new += 1;
                }
            }
        }
        writer.flush(tx, false).await?;
    }
    drop(current);
    // Whatever was not reported again is resolved.
    for ((device_id, pack, rule), (id, status, _, first_seen)) in by_key {
        if status == "open" {
            writer.resolved.push(id.clone());
            writer
                .history
                .push(HistoryLine::new(at, "finding", &id, "resolved", None, None));
            delta.findings_resolved += 1;
            writer.flush(tx, false).await?;
        }
        states.push((
            first_seen,
            FindingState {
                id,
                device_id,
                pack,
                rule,
                status: FindingStatus::Resolved,
            },
        ));
    }
    writer.flush(tx, true).await?;
    Ok((delta, states))
}

/// (device id, pack, rule): what identifies a finding.
type FindingKey = (String, String, String);
/// A stored finding as an evaluation compares it: id, status, content digest, first seen.
type StoredFinding = (String, String, u64, String);

/// A stored identification: (manufacturer, model, device type) as history records them, and
/// the whole document.
type StoredIdentification = (IdentificationColumns, String);

async fn upsert_identifications(
    tx: &mut Tx,
    rows: &[(&str, &Identification, String)],
    at: &str,
) -> Result<(), RegisterError> {
    let mut builder = sqlx::QueryBuilder::<Db>::new(
        "INSERT INTO identifications (device_id, manufacturer, brand, model, firmware,
                                      device_type, confidence, kb_version, document, computed_at) ",
    );
    builder.push_values(rows, |mut b, (device_id, identification, document)| {
        b.push_bind(device_id.to_string())
            .push_bind(identification.manufacturer.clone())
            .push_bind(identification.brand.clone())
            .push_bind(identification.model.clone())
            .push_bind(identification.firmware.clone())
            .push_bind(identification.device_type.as_str())
            .push_bind(identification.confidence)
            .push_bind(identification.kb_version.clone())
            .push_bind(document.clone())
            .push_bind(at.to_owned());
    });
    builder.push(
        " ON CONFLICT (device_id) DO UPDATE SET manufacturer = excluded.manufacturer,
             brand = excluded.brand, model = excluded.model, firmware = excluded.firmware,
             device_type = excluded.device_type, confidence = excluded.confidence,
             kb_version = excluded.kb_version, document = excluded.document,
             computed_at = excluded.computed_at",
    );
    builder
        .build()
        .execute(&mut **tx)
        .await
        .during("storing identifications")?;
    Ok(())
}

async fn insert_findings(
    tx: &mut Tx,
    rows: &[(String, &str, &NewFinding)],
    at: &str,
) -> Result<(), RegisterError> {
    let mut builder = sqlx::QueryBuilder::<Db>::new(
        "INSERT INTO findings (id, device_id, pack, rule, title, severity, action,
                               citation_document, citation_paragraph, citation_url, message, due,
                               due_basis, status, first_seen, last_seen) ",
    );
    builder.push_values(rows, |mut b, (id, device_id, f)| {
        b.push_bind(id.clone())
            .push_bind(device_id.to_string())
            .push_bind(f.pack.clone())
            .push_bind(f.rule.clone())
            .push_bind(f.title.clone())
            .push_bind(f.severity.clone())
            .push_bind(f.action.clone())
            .push_bind(f.citation_document.clone())
            .push_bind(f.citation_paragraph.clone())
            .push_bind(f.citation_url.clone())
            .push_bind(f.message.clone())
            .push_bind(f.due.clone())
            .push_bind(f.due_basis.clone())
            .push("'open'")
            .push_bind(at.to_owned())
            .push_bind(at.to_owned());
    });
    builder
        .build()
        .execute(&mut **tx)
        .await
        .during("storing findings")?;
    Ok(())
}

/// Rewrites findings reported with new content (and reopens resolved ones), many per UPDATE:
/// `UPDATE ... FROM (VALUES ...)`, whose columns both engines name `column1`, `column2`, ...
async fn rewrite_findings(
    tx: &mut Tx,
    rows: &[(String, &NewFinding)],
    at: &str,
) -> Result<(), RegisterError> {
    let mut builder = sqlx::QueryBuilder::<Db>::new(
        "UPDATE findings SET title = v.column2, severity = v.column3, action = v.column4,
                citation_document = v.column5, citation_paragraph = v.column6,
                citation_url = v.column7, message = v.column8, due = v.column9,
                due_basis = v.column10, status = 'open', last_seen = ",
    );
    builder.push_bind(at.to_owned());
    builder.push(", resolved_at = NULL FROM (");
    builder.push_values(rows, |mut b, (id, f)| {
        b.push_bind(id.clone())
            .push_bind(f.title.clone())
            .push_bind(f.severity.clone())
            .push_bind(f.action.clone())
            .push_bind(f.citation_document.clone())
            .push_bind(f.citation_paragraph.clone())
            .push_bind(f.citation_url.clone())
            .push_bind(f.message.clone())
            .push_bind(f.due.clone())
            .push_bind(f.due_basis.clone());
    });
    builder.push(") AS v WHERE findings.id = v.column1");
    builder
        .build()
        .execute(&mut **tx)
        .await
        .during("updating findings")?;
    Ok(())
}

/// `{prefix}$1 WHERE id IN (...)` over `ids`, `chunk` at a time.
async fn update_findings_by_id(
    tx: &mut Tx,
    prefix: &'static str,
    at: &str,
    ids: &[String],
    during: &'static str,
    chunk: usize,
) -> Result<(), RegisterError> {
    for ids in ids.chunks(chunk) {
        let mut update = sqlx::QueryBuilder::<Db>::new(prefix);
        update.push_bind(at.to_owned()).push(" WHERE id IN (");
        let mut list = update.separated(", ");
        for id in ids {
            list.push_bind(id.clone());
        }
        update.push(")");
        update.build().execute(&mut **tx).await.during(during)?;
    }
    Ok(())
}

async fn active_waivers_in(
    conn: &mut <Db as sqlx::Database>::Connection,
    today: &str,
) -> Result<HashMap<String, Waiver>, RegisterError> {
    let rows: Vec<(String, String, String, String, String, String)> = sqlx::query_as(
        "SELECT id, finding_id, until, reason, granted_by, created_at FROM waivers
         WHERE until >= $1 ORDER BY until",
    )
    .bind(today)
    .fetch_all(&mut *conn)
    .await
    .during("reading waivers")?;
    Ok(rows
        .into_iter()
        .map(|(id, finding_id, until, reason, granted_by, created_at)| {
            (
                finding_id.clone(),
                Waiver {
                    id,
                    finding_id,
                    until,
                    reason,
                    granted_by,
                    created_at,
                },
            )
        })
        .collect())
}

/// Every plan item; `lock` is [`LOCK_ROWS`] inside a transaction that decides on them, or "".
async fn plan_items_in(
    conn: &mut <Db as sqlx::Database>::Connection,
    lock: &str,
) -> Result<Vec<PlanItem>, RegisterError> {
    let sql = format!(
        "SELECT id, finding_id, device_id, priority, action, due, status, replaced_by,
                updated_at, verified_at
         FROM remediation_items ORDER BY priority, id{lock}"
    );
    let rows: Vec<PlanRow> = sqlx::query_as(sqlx::AssertSqlSafe(sql))
        .fetch_all(&mut *conn)
        .await
        .during("reading plan items")?;
    Ok(rows.into_iter().map(plan_item_from_row).collect())
}

fn plan_item_from_row(row: PlanRow) -> PlanItem {
    let (
        id,
        finding_id,
        device_id,
        priority,
        action,
        due,
        status,
        replaced_by,
        updated_at,
        verified_at,
    ) = row;
    PlanItem {
        id,
        finding_id,
        device_id,
        priority,
        action,
        due,
        status,
        replaced_by,
        updated_at,
        verified_at,
    }
}

/// Stores plan changes, each with its history line (action = the change's kind), many rows per
/// statement; the items before their history, so a change the table refuses fails the
/// statement (and the caller's transaction) before any of its history is written.
async fn plan_changes_in(
    tx: &mut Tx,
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
        upsert_plan_items(tx, &items).await?;
        let lines: Vec<HistoryLine> = chunk
            .iter()
            .map(|change| {
                HistoryLine::new(
                    &change.item.updated_at,
                    "plan_item",
                    &change.item.id,
                    &change.kind,
                    change
                        .before
                        .as_ref()
                        .map(|s| serde_json::json!({ "status": s })),
                    json(&change.item),
                )
            })
            .collect();
        insert_history(tx, actor, &lines, chunks.history).await?;
        start = end;
    }
    Ok(())
}

/// Inserts or replaces plan items, many per statement (no id twice in one call).
async fn upsert_plan_items(tx: &mut Tx, items: &[&PlanItem]) -> Result<(), RegisterError> {
    let mut builder = sqlx::QueryBuilder::<Db>::new(
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
            .push_bind(item.status.clone())
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
