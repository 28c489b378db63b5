//! What differs between SQLite and PostgreSQL: the [`Backend`] trait, implemented for
//! [`sqlx::Sqlite`] and [`sqlx::Postgres`]. Everything else is one generic [`Store`] body.
//!
//! [`Store`]: super::Store

use sqlx::migrate::Migrate;

/// A database the register runs on: a sqlx driver plus its dialect (how a write transaction
/// starts, how rows and the estate are locked) and its migrations.
///
/// The bounds written here (associated type bounds on the supertrait) are implied wherever
/// `B: Backend` is. The others the generic code needs (`&mut Connection` is an executor, which
/// Rust types encode and decode) are about other types than `B`, which Rust does not imply
/// from a trait (rust-lang/rust#20671), so each `impl<B: Backend>` block repeats them: see
/// [`super::base`]'s comment.
pub trait Backend:
    sqlx::Database<Connection: Migrate, Arguments: sqlx::IntoArguments<Self>> + Sync
{
    /// `sqlite` or `postgres`.
    const BACKEND: &'static str;
    /// The statement that opens a write transaction.
    const BEGIN: &'static str;
    /// Appended to a SELECT whose rows a write transaction decides on.
    const LOCK_ROWS: &'static str;
    /// Taken by an evaluation's transaction first: one evaluation at a time.
    const EVALUATION_LOCK: Option<&'static str>;
    /// Taken by an estate import exclusively.
    const ESTATE_LOCK: Option<&'static str>;
    /// Taken by an ingest (it places devices on the estate it read), shared.
    const PLACEMENT_LOCK: Option<&'static str>;
    /// (version, description, SQL), oldest first.
    const MIGRATIONS: &'static [(i64, &'static str, &'static str)];

    /// How many rows a statement changed.
    fn rows_affected(result: &Self::QueryResult) -> u64;
}

impl Backend for sqlx::Sqlite {
    const BACKEND: &'static str = "sqlite";
    /// IMMEDIATE takes the write lock up front, so two writers queue on `busy_timeout` instead
    /// of failing with SQLITE_BUSY when a deferred transaction tries to upgrade its lock.
    const BEGIN: &'static str = "BEGIN IMMEDIATE";
    /// Nothing to add: `BEGIN IMMEDIATE` already holds the whole database's write lock, so a
    /// row read inside a write transaction cannot change before the transaction ends.
    const LOCK_ROWS: &'static str = "";
    /// Likewise, one write transaction at a time: evaluations cannot overlap.
    const EVALUATION_LOCK: Option<&'static str> = None;
    /// Likewise for an estate import against ingests.
    const ESTATE_LOCK: Option<&'static str> = None;
    const PLACEMENT_LOCK: Option<&'static str> = None;
    const MIGRATIONS: &'static [(i64, &'static str, &'static str)] = &[
        (
            1,
            "register",
            include_str!("../../migrations/sqlite/0001_register.sql"),
        ),
        (
            2,
            "plan and scan coverage",
            include_str!("../../migrations/sqlite/0002_plan_and_scan_coverage.sql"),
        ),
        (
            3,
            "scan exclusions",
            include_str!("../../migrations/sqlite/0003_scan_exclusions.sql"),
        ),
        (
            4,
            "users and tokens",
            include_str!("../../migrations/sqlite/0004_users_and_tokens.sql"),
        ),
        (
            5,
            "network public exposure",
            include_str!("../../migrations/sqlite/0005_network_public_exposure.sql"),
        ),
    ];

    fn rows_affected(result: &sqlx::sqlite::SqliteQueryResult) -> u64 {
        result.rows_affected()
    }
}

impl Backend for sqlx::Postgres {
    const BACKEND: &'static str = "postgres";
    const BEGIN: &'static str = "BEGIN";
    /// READ COMMITTED lets a row read inside a transaction change before it ends: the rows a
    /// transaction decides on are locked as they are read.
    const LOCK_ROWS: &'static str = " FOR UPDATE";
    /// One evaluation at a time (a transaction-scoped advisory lock; the key is arbitrary but
    /// fixed, "camsweep" in ASCII): a second one waits for the first to commit, then decides on
    /// what the first stored instead of inserting the same findings again.
    const EVALUATION_LOCK: Option<&'static str> =
        Some("SELECT pg_advisory_xact_lock(7161125225187599728)");
    /// An estate import holds this lock exclusively and an ingest shared (a second fixed key):
    /// an ingest places devices on the estate it read, and an import decides on the devices it
    /// read (removals refused, devices moved), so neither may commit between the other's read
    /// and write. Ingests still run side by side.
    const ESTATE_LOCK: Option<&'static str> =
        Some("SELECT pg_advisory_xact_lock(7161125225187599729)");
    const PLACEMENT_LOCK: Option<&'static str> =
        Some("SELECT pg_advisory_xact_lock_shared(7161125225187599729)");
    const MIGRATIONS: &'static [(i64, &'static str, &'static str)] = &[
        (
            1,
            "register",
            include_str!("../../migrations/postgres/0001_register.sql"),
        ),
        (
            2,
            "plan and scan coverage",
            include_str!("../../migrations/postgres/0002_plan_and_scan_coverage.sql"),
        ),
        (
            3,
            "scan exclusions",
            include_str!("../../migrations/postgres/0003_scan_exclusions.sql"),
        ),
        (
            4,
            "users and tokens",
            include_str!("../../migrations/postgres/0004_users_and_tokens.sql"),
        ),
        (
            5,
            "network public exposure",
            include_str!("../../migrations/postgres/0005_network_public_exposure.sql"),
        ),
    ];

    fn rows_affected(result: &sqlx::postgres::PgQueryResult) -> u64 {
        result.rows_affected()
    }
}

/// A Rust type stored in a column of `B`: bound, and read back.
pub trait Column<B: sqlx::Database>:
    for<'q> sqlx::Encode<'q, B> + for<'r> sqlx::Decode<'r, B> + sqlx::Type<B>
{
}

impl<B: sqlx::Database, T> Column<B> for T where
    T: for<'q> sqlx::Encode<'q, B> + for<'r> sqlx::Decode<'r, B> + sqlx::Type<B>
{
}
