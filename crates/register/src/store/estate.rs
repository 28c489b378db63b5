//! The estate aggregate: organisations, sites and networks, read and replaced as a whole.

use camsweep_model::{HistoryAction, HistoryEntity};
use sqlx::Executor;

use super::backend::{Backend, Column};
use super::base::*;
use crate::error::{QueryContext, RegisterError};
use crate::store::now_rfc3339;
use crate::types::*;
use camsweep_model::estate::{Estate, EstateIndex, Network, Organisation, Placer, Site};

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
    /// The estate as stored.
    pub async fn estate(&self) -> Result<Estate, RegisterError> {
        let mut conn = self.pool.acquire().await.during("reading the estate")?;
        Self::read_estate(&mut conn).await
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
            .begin_locked(B::ESTATE_LOCK, "waiting for ingests to finish")
            .await?;
        let old = Self::read_estate(&mut tx).await?;
        let at = now_rfc3339();
        let mut change = EstateChange::default();

        let devices = Self::load_devices(&mut tx).await?;
        if !allow_removals {
            let removals = camsweep_model::estate::removals_holding_devices(
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
        let mut line = |entity, id: &str, action: HistoryAction, before, after| {
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
                    HistoryEntity::Device,
                    &device.id,
                    HistoryAction::Moved,
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
        Self::update_where_in(
            &mut tx,
            "UPDATE devices SET network_id = NULL WHERE id IN (",
            &unplaced,
            "unplacing devices that move",
        )
        .await?;
        Self::update_where_in(
            &mut tx,
            "UPDATE devices SET network_id = NULL WHERE network_id IN (",
            &ids,
            "unplacing devices of a deleted network",
        )
        .await?;
        Self::update_where_in(
            &mut tx,
            "DELETE FROM networks WHERE id IN (",
            &ids,
            "deleting networks",
        )
        .await?;
        for n in &deleted_networks {
            line(
                HistoryEntity::Network,
                &n.id,
                HistoryAction::Deleted,
                json(*n),
                None,
            );
        }
        change.deleted += deleted_networks.len();

        // Parents before children; the sites and organisations that go are deleted after the
        // networks and sites that stay have moved off them.
        let organisations: Vec<&Organisation> = estate
            .organisations
            .iter()
            .filter(|o| {
                let prev = old_index.organisations.get(o.id.as_str()).copied();
                record_upsert(
                    &mut change,
                    &mut line,
                    HistoryEntity::Organisation,
                    &o.id,
                    prev,
                    o,
                )
            })
            .collect();
        let sites: Vec<&Site> = estate
            .sites
            .iter()
            .filter(|s| {
                let prev = old_index.sites.get(s.id.as_str()).copied();
                record_upsert(&mut change, &mut line, HistoryEntity::Site, &s.id, prev, s)
            })
            .collect();
        let networks: Vec<&Network> = estate
            .networks
            .iter()
            .filter(|n| {
                let prev = old_index.networks.get(n.id.as_str()).copied();
                record_upsert(
                    &mut change,
                    &mut line,
                    HistoryEntity::Network,
                    &n.id,
                    prev,
                    n,
                )
            })
            .collect();
        for chunk in organisations.chunks(ESTATE_ROW_CHUNK) {
            let mut insert =
                sqlx::QueryBuilder::<B>::new("INSERT INTO organisations (id, name, policies) ");
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
            let mut insert = sqlx::QueryBuilder::<B>::new(
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
            let mut insert = sqlx::QueryBuilder::<B>::new(
                "INSERT INTO networks (id, site_id, zone, cidrs, vlan, public_exposure) ",
            );
            insert.push_values(chunk, |mut b, n| {
                let cidrs: Vec<String> = n.cidrs.iter().map(|c| c.to_string()).collect();
                b.push_bind(n.id.clone())
                    .push_bind(n.site.clone())
                    .push_bind(n.zone.as_str())
                    .push_bind(serde_json::to_string(&cidrs).unwrap_or_default())
                    .push_bind(n.vlan.map(i64::from))
                    .push_bind(n.public_exposure);
            });
            insert.push(
                " ON CONFLICT (id) DO UPDATE SET site_id = excluded.site_id,
                     zone = excluded.zone, cidrs = excluded.cidrs, vlan = excluded.vlan,
                     public_exposure = excluded.public_exposure",
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
        Self::update_where_in(
            &mut tx,
            "DELETE FROM sites WHERE id IN (",
            &ids,
            "deleting sites",
        )
        .await?;
        for s in &deleted_sites {
            line(
                HistoryEntity::Site,
                &s.id,
                HistoryAction::Deleted,
                json(*s),
                None,
            );
        }
        let deleted_organisations: Vec<&Organisation> = old
            .organisations
            .iter()
            .filter(|o| !new_index.organisations.contains_key(o.id.as_str()))
            .collect();
        let ids: Vec<String> = deleted_organisations.iter().map(|o| o.id.clone()).collect();
        Self::update_where_in(
            &mut tx,
            "DELETE FROM organisations WHERE id IN (",
            &ids,
            "deleting organisations",
        )
        .await?;
        for o in &deleted_organisations {
            line(
                HistoryEntity::Organisation,
                &o.id,
                HistoryAction::Deleted,
                json(*o),
                None,
            );
        }
        change.deleted += deleted_sites.len() + deleted_organisations.len();

        // Place the devices that moved onto their new networks.
        for chunk in moved.chunks(ESTATE_ROW_CHUNK) {
            let mut update = sqlx::QueryBuilder::<B>::new(
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
        Self::insert_history(&mut tx, actor, &history_lines, HISTORY_CHUNK).await?;
        tx.commit().await.during("committing the estate")?;
        change.replaced = old;
        Ok(change)
    }

    pub(crate) async fn read_estate(conn: &mut B::Connection) -> Result<Estate, RegisterError> {
        let orgs: Vec<OrganisationRow> =
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
        let networks: Vec<NetworkRow> = sqlx::query_as(
            "SELECT id, site_id, zone, cidrs, vlan, public_exposure FROM networks ORDER BY id",
        )
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
        for OrganisationRow { id, name, policies } in orgs {
            let policies = serde_json::from_str(&policies)
                .map_err(|e| corrupt("organisations", &id, "policies", e.to_string()))?;
            estate
                .organisations
                .push(Organisation { id, name, policies });
        }
        for SiteRow {
            id,
            organisation_id: organisation,
            name,
            address,
            sensitivity,
            sensitivity_reason,
        } in sites
        {
            let sensitivity = sensitivity
                .parse()
                .map_err(|e: camsweep_model::UnknownValue| {
                    corrupt("sites", &id, "sensitivity", e.to_string())
                })?;
            estate.sites.push(Site {
                id,
                organisation,
                name,
                address,
                sensitivity,
                sensitivity_reason,
            });
        }
        for NetworkRow {
            id,
            site_id: site,
            zone,
            cidrs,
            vlan,
            public_exposure,
        } in networks
        {
            let zone = zone.parse().map_err(|e: camsweep_model::UnknownValue| {
                corrupt("networks", &id, "zone", e.to_string())
            })?;
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
                public_exposure,
            });
        }
        Ok(estate)
    }
}

/// Counts one item of an estate import as created, updated or unchanged and records its history
/// line; true when it must be written.
fn record_upsert<T: PartialEq + serde::Serialize>(
    change: &mut EstateChange,
    line: &mut impl FnMut(
        HistoryEntity,
        &str,
        HistoryAction,
        Option<serde_json::Value>,
        Option<serde_json::Value>,
    ),
    entity: HistoryEntity,
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
            line(entity, id, HistoryAction::Updated, json(prev), json(new));
            true
        }
        None => {
            change.created += 1;
            line(entity, id, HistoryAction::Created, None, json(new));
            true
        }
    }
}

#[derive(sqlx::FromRow)]
struct OrganisationRow {
    id: String,
    name: String,
    /// JSON list of pack names.
    policies: String,
}

#[derive(sqlx::FromRow)]
struct SiteRow {
    id: String,
    organisation_id: String,
    name: String,
    address: Option<String>,
    sensitivity: String,
    sensitivity_reason: Option<String>,
}

#[derive(sqlx::FromRow)]
struct NetworkRow {
    id: String,
    site_id: String,
    zone: String,
    /// JSON list of CIDRs.
    cidrs: String,
    vlan: Option<i64>,
    public_exposure: bool,
}
