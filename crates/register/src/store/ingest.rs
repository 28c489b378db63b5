//! Ingest: one scan or observations import stored in one transaction.

use camsweep_model::{HistoryAction, HistoryEntity};
use std::collections::{HashMap, HashSet};

use camsweep_model::{Identification, Observation};
use sqlx::Executor;

use super::backend::{Backend, Column};
use super::base::*;
use super::devices::StoredDevice;
use super::evaluation::{IdentificationColumns, identification_history};
use crate::error::{QueryContext, RegisterError};
use crate::store::{device_key, now_rfc3339, observation_mac};
use crate::types::*;
use camsweep_model::estate::Placer;

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
    /// Stores one batch (scan document or observation file) in one transaction: the scan, its
    /// devices (created, or matched by key and updated), their raw observations and
    /// identifications, and marks devices missing that the scan covered but did not find.
    pub async fn ingest(
        &self,
        batch: &IngestBatch,
        actor: &str,
    ) -> Result<IngestSummary, RegisterError> {
        let mut tx = self
            .begin_locked(B::PLACEMENT_LOCK, "waiting for an estate import to finish")
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
        let estate = Self::read_estate(&mut tx).await?;
        let mut devices = Self::load_devices(&mut tx).await?;
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
        Self::history_line(
            &mut tx,
            &at,
            actor,
            HistoryEntity::Scan,
            &batch.scan_id,
            HistoryAction::Ingested,
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
                    .bind(item.label.clone().or_else(|| prev.label.clone()))
                    .bind(&network_id)
                    .bind(&seen_at)
                    .bind(&batch.scan_id)
                    .execute(&mut *tx)
                    .await
                    .during("updating a device")?;
                    if prev.missing {
                        Self::history_line(
                            &mut tx,
                            &at,
                            actor,
                            HistoryEntity::Device,
                            &id,
                            HistoryAction::Reappeared,
                            None,
                            None,
                        )
                        .await?;
                    }
                    if prev.address != item.address || prev.network_id != network_id {
                        Self::history_line(
                            &mut tx,
                            &at,
                            actor,
                            HistoryEntity::Device,
                            &id,
                            HistoryAction::Moved,
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
                    Self::history_line(
                        &mut tx,
                        &at,
                        actor,
                        HistoryEntity::Device,
                        &id,
                        HistoryAction::Created,
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
            Self::store_identification(&mut tx, &device_id, &item.identification, &at, actor)
                .await?;
            for o in &item.observations {
                pending_observations.push((device_id.clone(), o));
            }
            if pending_observations.len() >= OBSERVATION_CHUNK {
                Self::insert_observations(&mut tx, &batch.scan_id, &pending_observations).await?;
                pending_observations.clear();
            }
            seen_ids.insert(device_id);
        }
        Self::insert_observations(&mut tx, &batch.scan_id, &pending_observations).await?;
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
                    Self::history_line(
                        &mut tx,
                        &at,
                        actor,
                        HistoryEntity::Device,
                        &device.id,
                        HistoryAction::Missing,
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

    /// Stores one device's identification (ingest), with a history line when what history
    /// records of it changed.
    pub(crate) async fn store_identification(
        tx: &mut Tx<B>,
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
        Self::upsert_identifications(tx, &[(device_id, identification, document)], at).await?;
        let now = IdentificationColumns::of(identification);
        if let Some(line) = identification_history(at, device_id, previous.as_ref(), &now) {
            Self::insert_history(tx, actor, &[line], 1).await?;
        }
        Ok(())
    }

    pub(crate) async fn insert_observations(
        tx: &mut Tx<B>,
        scan_id: &str,
        rows: &[(String, &Observation)],
    ) -> Result<(), RegisterError> {
        for chunk in rows.chunks(OBSERVATION_CHUNK) {
            let mut builder = sqlx::QueryBuilder::<B>::new(
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
}
