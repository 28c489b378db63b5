//! The register options every register subcommand shares, and the runtime its driver runs on.

use anyhow::Context as _;
use camsweep_register::Register;

/// Where the register is: shared by every subcommand that reads or writes it.
#[derive(Debug, Clone, clap::Args)]
pub struct DbArgs {
    /// The register: a SQLite file path, or a `postgres://` URL.
    #[arg(
        long,
        env = "CAMSWEEP_DB",
        default_value = "camsweep.sqlite",
        value_name = "PATH|URL"
    )]
    pub db: String,
    /// Who is making the change, for the register's history.
    #[arg(long, env = "CAMSWEEP_ACTOR", default_value_t = default_actor())]
    pub actor: String,
}

pub fn default_actor() -> String {
    std::env::var("USER").unwrap_or_else(|_| "camsweep".to_owned())
}

/// Only where the register is, for the subcommands that record no actor of their own (the
/// server records each request's user; users and tokens are not history).
#[derive(Debug, Clone, clap::Args)]
pub struct RegisterArg {
    /// The register: a SQLite file path, or a `postgres://` URL.
    #[arg(
        long,
        env = "CAMSWEEP_DB",
        default_value = "camsweep.sqlite",
        value_name = "PATH|URL",
        global = true
    )]
    pub db: String,
}

/// Output formats of the register subcommands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    Table,
    Json,
}

/// A small runtime for the register's async driver.
pub fn runtime() -> anyhow::Result<tokio::runtime::Runtime> {
    tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .context("starting the async runtime")
}

pub async fn open(db: &str) -> anyhow::Result<Register> {
    Register::open(db)
        .await
        .context("opening the register (use --db or CAMSWEEP_DB)")
}

/// Opens the register `db` on `runtime`, runs `f` on it and closes it (also when `f` fails).
pub fn with_register_on<T>(
    runtime: &tokio::runtime::Runtime,
    db: &str,
    f: impl AsyncFnOnce(&Register) -> anyhow::Result<T>,
) -> anyhow::Result<T> {
    runtime.block_on(async {
        let register = open(db).await?;
        let result = f(&register).await;
        register.close().await;
        result
    })
}

/// [`with_register_on`] a runtime of its own.
pub fn with_register<T>(
    db: &str,
    f: impl AsyncFnOnce(&Register) -> anyhow::Result<T>,
) -> anyhow::Result<T> {
    with_register_on(&runtime()?, db, f)
}
