//! `camsweep serve`: the register as a web service (crates/server, docs/server.md). Prints
//! `listening on http://ADDR` once bound (the real port when `--listen` gave port 0); SIGINT,
//! SIGTERM or SIGHUP stop it accepting, let the requests in flight finish, and exit 0.

use std::net::SocketAddr;
use std::time::Duration;

use anyhow::Context as _;
use camsweep_server::{Server, ServerConfig, Services};

use crate::signals::StopSignals;
use crate::{Globals, Outcome, load_kb, load_policies};

#[derive(Debug, clap::Args)]
pub struct Args {
    /// The register (replicas of the server can share one PostgreSQL register).
    #[command(flatten)]
    pub db: crate::db::RegisterArg,
    /// Where to listen (port 0: any free port, printed).
    #[arg(long, default_value = "127.0.0.1:8080", value_name = "ADDR")]
    pub listen: SocketAddr,
    /// The largest request body accepted.
    #[arg(long, value_name = "BYTES", default_value_t = ServerConfig::new(([127, 0, 0, 1], 0).into()).body_limit)]
    pub body_limit: usize,
    /// How long one request may take before the server answers 408.
    #[arg(long, value_name = "SECONDS", default_value_t = 30)]
    pub request_timeout: u64,
}

pub fn run(args: Args, globals: &Globals) -> anyhow::Result<Outcome> {
    let kb = load_kb(globals)?;
    let policies = load_policies(globals)?;
    tracing_subscriber::fmt()
        .with_env_filter(
            tracing_subscriber::EnvFilter::try_from_env("CAMSWEEP_LOG")
                .unwrap_or_else(|_| tracing_subscriber::EnvFilter::new("info")),
        )
        .with_writer(std::io::stderr)
        .with_ansi(std::io::IsTerminal::is_terminal(&std::io::stderr()))
        .init();
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .context("starting the async runtime")?;
    runtime.block_on(async {
        let mut signals = StopSignals::install()?;
        let register = crate::db::open(&args.db.db).await?;
        let config = ServerConfig {
            listen: args.listen,
            body_limit: args.body_limit,
            request_timeout: Duration::from_secs(args.request_timeout),
        };
        let server = Server::bind(&config, Services::new(register.clone(), kb, policies)?).await?;
        outln!("listening on http://{}", server.local_addr()?)?;
        server
            .run(async move {
                let signal = signals.next().await;
                tracing::info!(signal, "stopping: finishing the requests in flight");
            })
            .await?;
        register.close().await;
        Ok(Outcome::Done)
    })
}
