//! The one store body's base: [`Store`], its transactions, and the helpers every aggregate
//! uses (history lines, `WHERE id IN (...)` statements, chunk sizes).
//!
//! Every statement uses `$N` placeholders, which both SQLite and PostgreSQL accept, and
//! portable types only (TEXT, BIGINT, DOUBLE PRECISION, BOOLEAN), so the two backends run the
//! same SQL; what differs is in [`Backend`].
//!
//! Each module's `impl<B: Backend> Store<B>` block carries the same `where` clause (the
//! executor and the column types the code binds and reads): Rust implies a trait's bounds on
//! `Self` but not bounds on other types mentioned in its `where` clause (rust-lang/rust#20671),
//! so they cannot live in [`Backend`] alone. Copy it as it is when adding a module.

use super::writer::{Holder, LockWait, WriterNote, describe, is_busy};
use camsweep_model::{HistoryAction, HistoryEntity};
use sqlx::Executor;

use super::backend::{Backend, Column};
use crate::error::{QueryContext, RegisterError};

/// A write transaction on `B`.
pub(crate) type Tx<B> = sqlx::Transaction<'static, B>;

/// One backend's register: the same code for SQLite and PostgreSQL.
pub struct Store<B: Backend> {
    pub(crate) pool: sqlx::Pool<B>,
    /// At most this many rows per multi-row statement an evaluation writes (see
    /// [`Store::with_rows_per_statement`]); `usize::MAX` means the defaults.
    pub(crate) rows_per_statement: usize,
    /// SQLite only: the note of who holds the write lock (see [`super::writer`]).
    pub(crate) writer_note: Option<WriterNote>,
    pub(crate) lock_wait: LockWait,
}

impl<B: Backend> Clone for Store<B> {
    fn clone(&self) -> Self {
        Self {
            pool: self.pool.clone(),
            rows_per_statement: self.rows_per_statement,
            writer_note: self.writer_note.clone(),
            lock_wait: self.lock_wait,
        }
    }
}

impl<B: Backend> std::fmt::Debug for Store<B> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Store")
            .field("backend", &B::BACKEND)
            .field("pool", &self.pool)
            .field("rows_per_statement", &self.rows_per_statement)
            .field("writer_note", &self.writer_note)
            .field("lock_wait", &self.lock_wait)
            .finish()
    }
}

/// Rows of observations per multi-row INSERT: 12 columns x 400 rows stays far below both
/// engines' bound-parameter limits (SQLite 32766, PostgreSQL 65535).
pub(crate) const OBSERVATION_CHUNK: usize = 400;

/// Finding ids per `UPDATE ... WHERE id IN (...)`: far below both engines' parameter limits.
pub(crate) const FINDING_ID_CHUNK: usize = 500;

/// Rows per multi-row statement of an estate import (six parameters at most per row).
pub(crate) const ESTATE_ROW_CHUNK: usize = 1000;

/// Rows per multi-row statement written by an evaluation, chosen so that rows x bound columns
/// stays far below both engines' bound-parameter limits (SQLite 32766, PostgreSQL 65535):
/// findings 1,000 x 15, identifications 1,000 x 10, plan items 1,000 x 10, history 2,000 x 7.
pub(crate) const EVALUATION_ROW_CHUNK: usize = 1000;
pub(crate) const HISTORY_CHUNK: usize = 2000;

/// Rows per statement an evaluation writes, by kind.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Chunks {
    /// Findings, identifications, plan items.
    pub(crate) rows: usize,
    pub(crate) history: usize,
    /// Ids per `UPDATE ... WHERE id IN (...)`.
    pub(crate) ids: usize,
}

impl Chunks {
    pub(crate) fn capped(limit: usize) -> Self {
        let limit = limit.max(1);
        Self {
            rows: EVALUATION_ROW_CHUNK.min(limit),
            history: HISTORY_CHUNK.min(limit),
            ids: FINDING_ID_CHUNK.min(limit),
        }
    }
}

/// One history line waiting for a multi-row INSERT.
pub(crate) struct HistoryLine {
    pub(crate) at: String,
    pub(crate) entity: HistoryEntity,
    pub(crate) entity_id: String,
    pub(crate) action: HistoryAction,
    pub(crate) before: Option<String>,
    pub(crate) after: Option<String>,
}

impl HistoryLine {
    pub(crate) fn new(
        at: &str,
        entity: HistoryEntity,
        entity_id: &str,
        action: HistoryAction,
        before: Option<serde_json::Value>,
        after: Option<serde_json::Value>,
    ) -> Self {
        Self {
            at: at.to_owned(),
            entity,
            entity_id: entity_id.to_owned(),
            action,
            before: before.map(|v| v.to_string()),
            after: after.map(|v| v.to_string()),
        }
    }
}

pub(crate) fn json<T: serde::Serialize>(value: &T) -> Option<serde_json::Value> {
    serde_json::to_value(value).ok()
}

impl<B: Backend> Store<B> {
    pub fn from_pool(pool: sqlx::Pool<B>) -> Self {
        Self {
            pool,
            rows_per_statement: usize::MAX,
            writer_note: None,
            lock_wait: LockWait::default(),
        }
    }

    /// Notes each write transaction's holder beside `database` and waits for the lock as
    /// `lock_wait` says (SQLite; see [`super::writer`]).
    pub(crate) fn with_writer_note(
        mut self,
        database: &std::path::Path,
        lock_wait: LockWait,
    ) -> Self {
        self.writer_note = Some(WriterNote::beside(database));
        self.lock_wait = lock_wait;
        self
    }

    /// Caps the rows per multi-row statement that evaluations write (findings, identifications,
    /// plan items, history, id lists) at `rows` (at least 1). `1` writes one row per statement,
    /// as before those writes were batched: tests compare the two.
    pub fn with_rows_per_statement(mut self, rows: usize) -> Self {
        self.rows_per_statement = rows.max(1);
        self
    }

    pub(crate) fn chunks(&self) -> Chunks {
        Chunks::capped(self.rows_per_statement)
    }

    pub fn pool(&self) -> &sqlx::Pool<B> {
        &self.pool
    }
}

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
    /// Applies the embedded migrations (idempotent).
    pub async fn migrate(&self) -> Result<(), RegisterError> {
        let migrator = sqlx::migrate::Migrator::new(crate::store::Embedded(B::MIGRATIONS)).await?;
        migrator.run(&self.pool).await?;
        Ok(())
    }

    /// A write transaction. On SQLite, a writer that finds the lock held keeps waiting while
    /// the noted holder lives, and its error names the holder ([`super::writer`]).
    pub(crate) async fn begin(&self) -> Result<Tx<B>, RegisterError> {
        let Some(note) = &self.writer_note else {
            return self
                .pool
                .begin_with(B::BEGIN)
                .await
                .during("opening a transaction");
        };
        let started = std::time::Instant::now();
        loop {
            match self.pool.begin_with(B::BEGIN).await {
                Ok(tx) => {
                    note.record();
                    return Ok(tx);
                }
                Err(err) if is_busy(&err) => {
                    let holder = note.read();
                    let limit = if holder.as_ref().is_some_and(Holder::alive) {
                        self.lock_wait.live_holder
                    } else {
                        self.lock_wait.unknown_holder
                    };
                    let waited = started.elapsed();
                    if waited >= limit {
                        return Err(RegisterError::Busy {
                            holder: describe(holder.as_ref()),
                            waited_secs: waited.as_secs(),
                        });
                    }
                }
                Err(source) => {
                    return Err(RegisterError::Query {
                        context: "opening a transaction",
                        source,
                    });
                }
            }
        }
    }

    /// A transaction for an evaluation: one at a time ([`Backend::EVALUATION_LOCK`]).
    pub(crate) async fn begin_evaluation_tx(&self) -> Result<Tx<B>, RegisterError> {
        self.begin_locked(
            B::EVALUATION_LOCK,
            "waiting for another evaluation to finish",
        )
        .await
    }

    /// A transaction that first takes `lock` (none on SQLite, whose write transaction already
    /// excludes every other writer).
    pub(crate) async fn begin_locked(
        &self,
        lock: Option<&'static str>,
        during: &'static str,
    ) -> Result<Tx<B>, RegisterError> {
        let mut tx = self.begin().await?;
        if let Some(lock) = lock {
            sqlx::query(lock).execute(&mut *tx).await.during(during)?;
        }
        Ok(tx)
    }

    /// `{prefix}$1, $2, ...)` over `ids`, [`FINDING_ID_CHUNK`] ids per statement (`prefix`
    /// ends with `IN (`).
    pub(crate) async fn update_where_in(
        tx: &mut Tx<B>,
        prefix: &'static str,
        ids: &[String],
        during: &'static str,
    ) -> Result<(), RegisterError> {
        for ids in ids.chunks(FINDING_ID_CHUNK) {
            let mut statement = sqlx::QueryBuilder::<B>::new(prefix);
            let mut list = statement.separated(", ");
            for id in ids {
                list.push_bind(id.clone());
            }
            statement.push(")");
            statement.build().execute(&mut **tx).await.during(during)?;
        }
        Ok(())
    }

    /// Appends one history line (the batched [`Self::insert_history`] with one row).
    #[allow(clippy::too_many_arguments)]
    pub(crate) async fn history_line(
        tx: &mut Tx<B>,
        at: &str,
        actor: &str,
        entity: HistoryEntity,
        entity_id: &str,
        action: HistoryAction,
        before: Option<serde_json::Value>,
        after: Option<serde_json::Value>,
    ) -> Result<(), RegisterError> {
        let line = HistoryLine::new(at, entity, entity_id, action, before, after);
        Self::insert_history(tx, actor, &[line], 1).await
    }

    /// Appends history lines, in order (ids follow the order of `lines`), many per statement.
    pub(crate) async fn insert_history(
        tx: &mut Tx<B>,
        actor: &str,
        lines: &[HistoryLine],
        chunk: usize,
    ) -> Result<(), RegisterError> {
        for chunk in lines.chunks(chunk) {
            let mut builder = sqlx::QueryBuilder::<B>::new(
                "INSERT INTO history (at, actor, entity, entity_id, action, before_value,
                                      after_value) ",
            );
            builder.push_values(chunk, |mut b, line| {
                b.push_bind(line.at.clone())
                    .push_bind(actor.to_owned())
                    .push_bind(line.entity.as_str())
                    .push_bind(line.entity_id.clone())
                    .push_bind(line.action.as_str())
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
}
