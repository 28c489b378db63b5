//! The storage interface: [`Register`], one enum over the SQLite and PostgreSQL stores.
//!
//! Both stores are one generic body, [`Store<B>`] over a [`Backend`] (`sqlx::Sqlite` or
//! `sqlx::Postgres`), split by aggregate into the modules below, so they cannot drift apart;
//! the conformance suite in `tests/register.rs` runs against both, and `tests/register.rs`'s
//! schema comparison checks that their migrations make the same tables and columns.

use std::borrow::Cow;
use std::future::Future;
use std::pin::Pin;
use std::str::FromStr;
use std::time::Duration;

use camsweep_model::{Observation, ObservationKind};
use sqlx::migrate::{Migration, MigrationSource, MigrationType};

use crate::error::RegisterError;
use crate::types::*;
use camsweep_model::estate::Estate;

mod access;
mod backend;
mod base;
mod devices;
mod estate;
mod evaluation;
mod findings;
mod history;
mod ingest;
mod plan;
mod scans;
mod waivers;
mod writer;

pub use backend::{Backend, Column};
pub use base::Store;
pub use evaluation::EvaluationTx;
pub use writer::{Holder, LockWait};

/// The SQLite store (kept as a name: [`Store`] on [`sqlx::Sqlite`]).
pub mod sqlite {
    pub type Store = super::Store<sqlx::Sqlite>;
}

/// The PostgreSQL store (kept as a name: [`Store`] on [`sqlx::Postgres`]).
pub mod postgres {
    pub type Store = super::Store<sqlx::Postgres>;
}

/// The register, on whichever backend `--db` named.
#[derive(Debug, Clone)]
pub enum Register {
    Sqlite(sqlite::Store),
    Postgres(postgres::Store),
}

macro_rules! dispatch {
    ($self:ident, $store:ident => $body:expr) => {
        match $self {
            Self::Sqlite($store) => $body,
            Self::Postgres($store) => $body,
        }
    };
}

impl Register {
    /// Opens (creating and migrating as needed) the register named by `target`: a
    /// `postgres://` or `postgresql://` URL, or else a SQLite file path (optionally prefixed
    /// `sqlite://`).
    pub async fn open(target: &str) -> Result<Self, RegisterError> {
        Self::open_with(target, LockWait::default()).await
    }

    /// [`Register::open`], waiting for a SQLite register's write lock as `lock_wait` says.
    pub async fn open_with(target: &str, lock_wait: LockWait) -> Result<Self, RegisterError> {
        let open_err = |source| RegisterError::Open {
            target: redact(target),
            source,
        };
        let register = if target.starts_with("postgres://") || target.starts_with("postgresql://") {
            let options = sqlx::postgres::PgConnectOptions::from_str(target).map_err(open_err)?;
            Self::connect_postgres(options, target).await?
        } else {
            let path = target
                .strip_prefix("sqlite://")
                .or_else(|| target.strip_prefix("sqlite:"))
                .unwrap_or(target);
            let options = sqlx::sqlite::SqliteConnectOptions::new()
                .filename(path)
                .create_if_missing(true)
                .journal_mode(sqlx::sqlite::SqliteJournalMode::Wal)
                .synchronous(sqlx::sqlite::SqliteSynchronous::Normal)
                .foreign_keys(true)
                .busy_timeout(lock_wait.unknown_holder);
            let pool = sqlx::sqlite::SqlitePoolOptions::new()
                .max_connections(4)
                .connect_with(options)
                .await
                .map_err(
                    |source| match why_sqlite_cannot_open(std::path::Path::new(path)) {
                        Some(reason) => RegisterError::OpenFile {
                            target: redact(target),
                            reason,
                        },
                        None => open_err(source),
                    },
                )?;
            Register::Sqlite(
                sqlite::Store::from_pool(pool)
                    .with_writer_note(std::path::Path::new(path), lock_wait),
            )
        };
        register.migrate().await?;
        Ok(register)
    }

    /// Opens a PostgreSQL register inside `schema` (created if missing), so that several
    /// registers (e.g. parallel tests) can share one database.
    pub async fn open_postgres_schema(url: &str, schema: &str) -> Result<Self, RegisterError> {
        if schema.is_empty()
            || !schema
                .chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_')
        {
            return Err(RegisterError::Invalid {
                field: "schema".into(),
                message: format!("{schema:?}: use lowercase letters, digits and _"),
            });
        }
        let open_err = |source| RegisterError::Open {
            target: redact(url),
            source,
        };
        let base = sqlx::postgres::PgConnectOptions::from_str(url).map_err(open_err)?;
        {
            use sqlx::Connection;
            let mut conn = sqlx::postgres::PgConnection::connect_with(&base)
                .await
                .map_err(open_err)?;
            let create = format!("CREATE SCHEMA IF NOT EXISTS {schema}");
            sqlx::raw_sql(sqlx::AssertSqlSafe(create))
                .execute(&mut conn)
                .await
                .map_err(open_err)?;
        }
        let options = base.options([("search_path", schema)]);
        let register = Self::connect_postgres(options, url).await?;
        register.migrate().await?;
        Ok(register)
    }

    async fn connect_postgres(
        options: sqlx::postgres::PgConnectOptions,
        target: &str,
    ) -> Result<Self, RegisterError> {
        // One direct connection first: a pool that cannot connect reports only "pool timed
        // out while waiting for an open connection", hiding the reason (connection refused,
        // password authentication failed, no such database).
        {
            use sqlx::Connection;
            let connection = sqlx::postgres::PgConnection::connect_with(&options)
                .await
                .map_err(|source| RegisterError::Open {
                    target: redact(target),
                    source,
                })?;
            let _ = connection.close().await;
        }
        let pool = sqlx::postgres::PgPoolOptions::new()
            .max_connections(4)
            .acquire_timeout(Duration::from_secs(15))
            .connect_with(options)
            .await
            .map_err(|source| RegisterError::Open {
                target: redact(target),
                source,
            })?;
        Ok(Register::Postgres(postgres::Store::from_pool(pool)))
    }

    /// Caps the rows per multi-row statement that evaluations write at `rows` (at least 1;
    /// `1` is one statement per row, as before those writes were batched). For tests and
    /// measurements; the defaults stay far below both engines' bound-parameter limits.
    pub fn with_rows_per_statement(self, rows: usize) -> Self {
        match self {
            Register::Sqlite(s) => Register::Sqlite(s.with_rows_per_statement(rows)),
            Register::Postgres(s) => Register::Postgres(s.with_rows_per_statement(rows)),
        }
    }

    /// `sqlite` or `postgres`.
    pub fn backend(&self) -> &'static str {
        match self {
            Register::Sqlite(_) => <sqlx::Sqlite as Backend>::BACKEND,
            Register::Postgres(_) => <sqlx::Postgres as Backend>::BACKEND,
        }
    }

    pub async fn migrate(&self) -> Result<(), RegisterError> {
        dispatch!(self, s => s.migrate().await)
    }

    pub async fn estate(&self) -> Result<Estate, RegisterError> {
        dispatch!(self, s => s.estate().await)
    }

    pub async fn apply_estate(
        &self,
        estate: &Estate,
        actor: &str,
        allow_removals: bool,
    ) -> Result<EstateChange, RegisterError> {
        dispatch!(self, s => s.apply_estate(estate, actor, allow_removals).await)
    }

    pub async fn ingest(
        &self,
        batch: &IngestBatch,
        actor: &str,
    ) -> Result<IngestSummary, RegisterError> {
        dispatch!(self, s => s.ingest(batch, actor).await)
    }

    pub async fn devices(&self) -> Result<Vec<DeviceRecord>, RegisterError> {
        dispatch!(self, s => s.devices().await)
    }

    /// One page of the devices matching `filter`, in id order, after the device `after`.
    pub async fn devices_page(
        &self,
        filter: &DeviceFilter,
        after: Option<&str>,
        limit: usize,
    ) -> Result<Vec<DeviceRecord>, RegisterError> {
        dispatch!(self, s => s.devices_page(filter, after, limit).await)
    }

    pub async fn device(&self, id: &str) -> Result<Option<DeviceRecord>, RegisterError> {
        dispatch!(self, s => s.device(id).await)
    }

    pub async fn observations_of(
        &self,
        device_id: &str,
    ) -> Result<Vec<Observation>, RegisterError> {
        dispatch!(self, s => s.observations_of(device_id).await)
    }

    /// Adds a user of `camsweep serve`; `password_hash` is the argon2 PHC string.
    pub async fn add_user(
        &self,
        name: &str,
        organisation: Option<&str>,
        role: camsweep_model::Role,
        password_hash: &str,
    ) -> Result<UserRecord, RegisterError> {
        dispatch!(self, s => s.add_user(name, organisation, role, password_hash).await)
    }

    pub async fn user(&self, name: &str) -> Result<Option<UserRecord>, RegisterError> {
        dispatch!(self, s => s.user(name).await)
    }

    /// A user and its password hash (for a login).
    pub async fn user_with_password(
        &self,
        name: &str,
    ) -> Result<Option<(UserRecord, String)>, RegisterError> {
        dispatch!(self, s => s.user_with_password(name).await)
    }

    /// Records a failed login for `name` at `at` (RFC 3339).
    pub async fn record_login_failure(&self, name: &str, at: &str) -> Result<(), RegisterError> {
        dispatch!(self, s => s.record_login_failure(name, at).await)
    }

    /// How many logins for `name` failed at or after `since` (RFC 3339).
    pub async fn login_failures_since(
        &self,
        name: &str,
        since: &str,
    ) -> Result<i64, RegisterError> {
        dispatch!(self, s => s.login_failures_since(name, since).await)
    }

    /// Stores a new API token of user `user` by its SHA-256 (`token_hash`, hex).
    pub async fn add_token(
        &self,
        user: &str,
        token_hash: &str,
    ) -> Result<TokenRecord, RegisterError> {
        dispatch!(self, s => s.add_token(user, token_hash).await)
    }

    /// Revokes token `id` (from then on it authenticates no one); revoking twice is a no-op.
    pub async fn revoke_token(&self, id: &str) -> Result<TokenRecord, RegisterError> {
        dispatch!(self, s => s.revoke_token(id).await)
    }

    /// The user an unrevoked token of this SHA-256 belongs to.
    pub async fn token_user(&self, token_hash: &str) -> Result<Option<UserRecord>, RegisterError> {
        dispatch!(self, s => s.token_user(token_hash).await)
    }

    pub async fn observations_by_device(
        &self,
    ) -> Result<std::collections::HashMap<String, Vec<Observation>>, RegisterError> {
        dispatch!(self, s => s.observations_by_device().await)
    }

    pub async fn count(&self, table: CountedTable) -> Result<i64, RegisterError> {
        dispatch!(self, s => s.count(table).await)
    }

    pub async fn apply_evaluation(
        &self,
        results: &[(String, camsweep_model::Identification, Vec<NewFinding>)],
        actor: &str,
    ) -> Result<EvaluationDelta, RegisterError> {
        dispatch!(self, s => s.apply_evaluation(results, actor).await)
    }

    /// [`Register::apply_evaluation`] and then the remediation plan, in one transaction:
    /// `decide` is called with every finding as the evaluation left it (status as of `today`),
    /// oldest first, and its plan item if it has one; the changes it returns are stored as
    /// [`Register::apply_plan_changes`] stores them.
    pub async fn apply_evaluation_and_plan<F>(
        &self,
        results: &[(String, camsweep_model::Identification, Vec<NewFinding>)],
        today: &str,
        actor: &str,
        decide: F,
    ) -> Result<EvaluationDelta, RegisterError>
    where
        F: FnMut(&FindingState, Option<&PlanItem>) -> Option<PlanChange>,
    {
        dispatch!(self, s => s.apply_evaluation_and_plan(results, today, actor, decide).await)
    }

    /// Opens an evaluation's unit of work, one transaction that the caller drives: apply the
    /// findings, read the plan, decide (a pure function of the caller's), apply the plan
    /// changes, commit. Dropped without [`EvaluationUnit::commit`], it stores nothing.
    pub async fn begin_evaluation(&self) -> Result<EvaluationUnit, RegisterError> {
        Ok(match self {
            Register::Sqlite(s) => EvaluationUnit::Sqlite(s.begin_evaluation().await?),
            Register::Postgres(s) => EvaluationUnit::Postgres(s.begin_evaluation().await?),
        })
    }

    pub async fn findings(
        &self,
        filter: &FindingFilter,
        today: &str,
    ) -> Result<Vec<FindingRecord>, RegisterError> {
        dispatch!(self, s => s.findings(filter, today).await)
    }

    pub async fn waive(
        &self,
        finding_id: &str,
        until: &str,
        reason: &str,
        by: &str,
    ) -> Result<Waiver, RegisterError> {
        let date = time::Date::parse(until, &time::format_description::well_known::Iso8601::DATE)
            .map_err(|e| RegisterError::Invalid {
            field: "until".into(),
            message: format!("{until:?} is not an ISO date (YYYY-MM-DD): {e}"),
        })?;
        for (field, value) in [("reason", reason), ("by", by)] {
            if value.trim().is_empty() {
                return Err(RegisterError::Invalid {
                    field: field.into(),
                    message: "must not be empty".into(),
                });
            }
        }
        let until = iso_date(date);
        dispatch!(self, s => s.waive(finding_id, &until, reason, by).await)
    }

    pub async fn history(
        &self,
        entity: Option<(camsweep_model::HistoryEntity, &str)>,
    ) -> Result<Vec<HistoryEntry>, RegisterError> {
        dispatch!(self, s => s.history(entity).await)
    }

    /// Records a person's change of one plan item's status, read and written under the item's
    /// lock (see the stores' method).
    pub async fn update_plan_item_status(
        &self,
        scope: &Scope,
        id: &str,
        status: camsweep_model::PlanStatus,
        replaced_by: Option<&str>,
        reason: Option<&str>,
        actor: &str,
    ) -> Result<PlanItem, RegisterError> {
        dispatch!(self, s => s.update_plan_item_status(scope, id, status, replaced_by, reason, actor).await)
    }

    pub async fn plan_items(&self) -> Result<Vec<PlanItem>, RegisterError> {
        dispatch!(self, s => s.plan_items().await)
    }

    /// Applies plan changes (from `camsweep evaluate`) in one transaction; each appends a history
    /// entry whose action is the change's kind ([`camsweep_model::PlanChangeKind::history_action`]).
    pub async fn apply_plan_changes(
        &self,
        changes: &[PlanChange],
        actor: &str,
    ) -> Result<(), RegisterError> {
        dispatch!(self, s => s.apply_plan_changes(changes, actor).await)
    }

    /// Every stored scan (and observation import), oldest first, with what it covered.
    pub async fn scans(&self) -> Result<Vec<ScanRecord>, RegisterError> {
        dispatch!(self, s => s.scans().await)
    }

    /// Records a stored scan's coverage: how many addresses it tried and which of them stalled
    /// (`unresponsive`) or answered with something broken (`malformed`). [`Register::ingest`]
    /// already stores a batch's [`IngestBatch::coverage`] in the same transaction as the scan;
    /// this is only for adding or correcting coverage of a scan stored without it.
    pub async fn record_scan_coverage(
        &self,
        scan_id: &str,
        hosts_scanned: u64,
        unresponsive: &[String],
        malformed: &[String],
    ) -> Result<(), RegisterError> {
        dispatch!(self, s => s.record_scan_coverage(scan_id, hosts_scanned, unresponsive, malformed).await)
    }

    pub async fn close(&self) {
        dispatch!(self, s => s.pool().close().await)
    }
}

/// An evaluation's unit of work on whichever backend (see [`Register::begin_evaluation`]).
pub enum EvaluationUnit {
    Sqlite(EvaluationTx<sqlx::Sqlite>),
    Postgres(EvaluationTx<sqlx::Postgres>),
}

impl EvaluationUnit {
    /// Stores the recomputed identifications and findings (see [`Register::apply_evaluation`])
    /// and returns what changed and every finding as the evaluation left it: status as of
    /// `today` (under an unexpired waiver, `Waived`), oldest first (first seen, then id).
    pub async fn apply_findings(
        &mut self,
        results: &[(String, camsweep_model::Identification, Vec<NewFinding>)],
        today: &str,
        actor: &str,
    ) -> Result<(EvaluationDelta, Vec<FindingState>), RegisterError> {
        dispatch!(self, u => u.apply_findings(results, today, actor).await)
    }

    /// Every plan item that has a finding, by finding id, locked until the commit.
    pub async fn plan_items_by_finding(
        &mut self,
    ) -> Result<std::collections::HashMap<String, PlanItem>, RegisterError> {
        dispatch!(self, u => u.plan_items_by_finding().await)
    }

    /// Stores plan changes, each with its history line (see [`Register::apply_plan_changes`]).
    pub async fn apply_plan_changes(
        &mut self,
        changes: &[PlanChange],
        actor: &str,
    ) -> Result<(), RegisterError> {
        dispatch!(self, u => u.apply_plan_changes(changes, actor).await)
    }

    pub async fn commit(self) -> Result<(), RegisterError> {
        match self {
            EvaluationUnit::Sqlite(u) => u.commit().await,
            EvaluationUnit::Postgres(u) => u.commit().await,
        }
    }
}

/// Hides a password in a connection URL for error messages.
fn redact(target: &str) -> String {
    match target.split_once("://") {
        Some((scheme, rest)) => match rest.split_once('@') {
            Some((userinfo, host)) if userinfo.contains(':') => {
                let user = userinfo.split(':').next().unwrap_or("");
                format!("{scheme}://{user}:***@{host}")
            }
            _ => target.to_owned(),
        },
        None => target.to_owned(),
    }
}

/// Now, RFC 3339 UTC with microseconds, fixed width so that text order is time order.
pub fn now_rfc3339() -> String {
    let now = time::OffsetDateTime::now_utc();
    let fmt = time::macros::format_description!(
        "[year]-[month]-[day]T[hour]:[minute]:[second].[subsecond digits:6]Z"
    );
    now.format(&fmt)
        .unwrap_or_else(|_| now.unix_timestamp().to_string())
}

/// A fresh identifier (UUID v7: time-ordered).
pub fn new_id() -> String {
    uuid::Uuid::now_v7().to_string()
}

/// Today's date, ISO.
pub fn today() -> String {
    iso_date(time::OffsetDateTime::now_utc().date())
}

fn iso_date(date: time::Date) -> String {
    let fmt = time::macros::format_description!("[year]-[month]-[day]");
    date.format(&fmt).unwrap_or_default()
}

/// A MAC that can key a device, as `aa:bb:cc:dd:ee:ff`: `model::Mac`'s grammar (the one the
/// scanner, the parsers and the import checks use), and never all-zero, broadcast or a group
/// address, which identify no one device.
pub fn normalise_mac(text: &str) -> Option<String> {
    camsweep_model::Mac::parse(text)
        .ok()
        .filter(|mac| mac.identifies_a_device())
        .map(|mac| mac.to_string())
}

pub(crate) fn observation_mac(o: &Observation) -> Option<String> {
    (o.kind == ObservationKind::Mac)
        .then(|| normalise_mac(&o.value))
        .flatten()
}

/// The identity of a device in the register: its MAC where known (a MAC survives DHCP
/// changes), else its address within its network (the same private address on two sites is two
/// devices), else the grouping label an import gave it.
pub fn device_key(
    mac: Option<&str>,
    network: Option<&str>,
    address: Option<&str>,
    label: Option<&str>,
) -> String {
    match (mac, address, label) {
        (Some(mac), _, _) => format!("mac:{mac}"),
        (None, Some(address), _) => format!("addr:{}/{address}", network.unwrap_or("-")),
        (None, None, Some(label)) => format!("label:{label}"),
        (None, None, None) => format!("anon:{}", uuid::Uuid::now_v7()),
    }
}

/// The migrations compiled into the binary, as a sqlx migration source.
#[derive(Debug)]
pub(crate) struct Embedded(pub &'static [(i64, &'static str, &'static str)]);

type BoxFuture<'a, T> = Pin<Box<dyn Future<Output = T> + Send + 'a>>;

impl MigrationSource<'static> for Embedded {
    fn resolve(self) -> BoxFuture<'static, Result<Vec<Migration>, sqlx::error::BoxDynError>> {
        Box::pin(async move {
            Ok(self
                .0
                .iter()
                .map(|(version, description, sql)| {
                    Migration::new(
                        *version,
                        Cow::Borrowed(*description),
                        MigrationType::Simple,
                        sqlx::SqlStr::from_static(sql),
                        false,
                    )
                })
                .collect())
        })
    }
}

/// Why SQLite cannot open `path`, when the file system says it plainly (SQLite's own message
/// for all of these is "(code: 14) unable to open database file").
fn why_sqlite_cannot_open(path: &std::path::Path) -> Option<String> {
    if path.is_dir() {
        return Some("it is a directory, not a register file".to_owned());
    }
    let parent = path
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(std::path::Path::new("."));
    match std::fs::metadata(parent) {
        Err(_) => Some(format!("the directory {} does not exist", parent.display())),
        Ok(meta) if !meta.is_dir() => Some(format!("{} is not a directory", parent.display())),
        Ok(meta) if meta.permissions().readonly() && !path.exists() => Some(format!(
            "the directory {} is read-only, so the register file cannot be created",
            parent.display()
        )),
        Ok(_) => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn macs_normalise_from_common_notations() {
        assert_eq!(
            normalise_mac("00-11-22-AA-BB-CC").as_deref(),
            Some("00:11:22:aa:bb:cc")
        );
        assert_eq!(
            normalise_mac("0011.22aa.bbcc").as_deref(),
            Some("00:11:22:aa:bb:cc")
        );
        assert_eq!(normalise_mac("00:11:22:aa:bb"), None);
        assert_eq!(normalise_mac("zz:11:22:aa:bb:cc"), None);
        assert_eq!(normalise_mac("ff:ff:ff:ff:ff:ff"), None);
        assert_eq!(
            normalise_mac("01:00:5e:00:00:01"),
            None,
            "a multicast group"
        );
    }

    #[test]
    fn coverage_reads_addresses_cidrs_and_ranges() {
        let c = camsweep_model::ScanScope::new(
            vec![
                "127.90.0.0/24".into(),
                "127.91.0.5".into(),
                "127.92.0.10-127.92.0.20".into(),
                "127.93.0.1-9".into(),
                "camera.example".into(),
            ],
            vec![],
        )
        .coverage();
        assert!(c.contains("127.90.0.77".parse().unwrap()));
        assert!(c.contains("127.91.0.5".parse().unwrap()));
        assert!(!c.contains("127.91.0.6".parse().unwrap()));
        assert!(c.contains("127.92.0.15".parse().unwrap()));
        assert!(!c.contains("127.92.0.21".parse().unwrap()));
        // The scanner's short range form: the register once read it as covering nothing.
        assert!(c.contains("127.93.0.9".parse().unwrap()));
    }

    #[test]
    fn device_keys_prefer_mac_then_address_within_network() {
        assert_eq!(
            device_key(Some("aa:bb:cc:dd:ee:ff"), Some("n"), Some("10.0.0.1"), None),
            "mac:aa:bb:cc:dd:ee:ff"
        );
        assert_eq!(
            device_key(None, Some("n"), Some("10.0.0.1"), None),
            "addr:n/10.0.0.1"
        );
        assert_eq!(
            device_key(None, None, Some("10.0.0.1"), None),
            "addr:-/10.0.0.1"
        );
        assert_eq!(device_key(None, None, None, Some("tag-7")), "label:tag-7");
    }

    #[test]
    fn passwords_are_redacted() {
        assert_eq!(redact("postgres://u:secret@h/db"), "postgres://u:***@h/db");
        assert_eq!(redact("postgres://u@h/db"), "postgres://u@h/db");
    }
}
