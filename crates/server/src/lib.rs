//! `camsweep serve`: the register as a web service, the second face of `camsweep-app` (the
//! binary is the first). Each handler parses its request (path, query, JSON), calls one `app`
//! operation under the caller's scope, and renders the result as JSON; errors are RFC 9457
//! problem details, mapped from `app`'s error categories in one place ([`problem`]).
//!
//! - [`api`]: the REST API under `/api/v1`, documented by the OpenAPI document generated from
//!   the handlers (`/api/v1/openapi.json`).
//! - [`auth`]: `Authorization: Bearer TOKEN` to a user, its role and its organisation.
//! - [`params`]: query parameters, each checked and named in errors.
//!
//! Stateless: every request reads and writes the register only, so several replicas can serve
//! one PostgreSQL register. Nothing here prints; logs go through `tracing`.

pub mod api;
pub mod auth;
pub mod params;
pub mod problem;

use std::future::Future;
use std::net::SocketAddr;
use std::sync::Arc;
use std::time::Duration;

use camsweep_app::AppError;
use camsweep_identify::Engine;
use camsweep_kb::KnowledgeBase;
use camsweep_policy::PolicySet;
use camsweep_register::Register;
use serde::Deserialize;

/// How the server listens and what it accepts.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ServerConfig {
    /// Where to listen (port 0: any free port; see [`Server::local_addr`]).
    pub listen: SocketAddr,
    /// The largest request body accepted, in bytes (larger: 413).
    #[serde(default = "default_body_limit")]
    pub body_limit: usize,
    /// How long one request may take before the server answers 408.
    #[serde(default = "default_request_timeout", with = "seconds")]
    pub request_timeout: Duration,
}

fn default_body_limit() -> usize {
    1024 * 1024
}

fn default_request_timeout() -> Duration {
    Duration::from_secs(30)
}

mod seconds {
    pub fn deserialize<'de, D: serde::Deserializer<'de>>(
        d: D,
    ) -> Result<std::time::Duration, D::Error> {
        let secs: u64 = serde::Deserialize::deserialize(d)?;
        Ok(std::time::Duration::from_secs(secs))
    }
}

impl ServerConfig {
    /// Listening on `listen`, with the default limits.
    pub fn new(listen: SocketAddr) -> Self {
        Self {
            listen,
            body_limit: default_body_limit(),
            request_timeout: default_request_timeout(),
        }
    }
}

/// What the handlers share: the register and the read-only knowledge the gate and the answer
/// use. No per-user or per-session state lives here.
pub struct Services {
    pub register: Register,
    pub kb: &'static KnowledgeBase,
    pub engine: Engine<'static>,
    pub policies: PolicySet,
}

impl Services {
    /// The services over `register`. The knowledge base lives as long as the process (the
    /// identification engine borrows it), so it is leaked once here.
    pub fn new(
        register: Register,
        kb: KnowledgeBase,
        policies: PolicySet,
    ) -> Result<Self, AppError> {
        let kb: &'static KnowledgeBase = Box::leak(Box::new(kb));
        let engine = Engine::new(kb)?;
        Ok(Self {
            register,
            kb,
            engine,
            policies,
        })
    }
}

/// The shared state of every handler.
pub type State = Arc<Services>;

/// Errors of starting or running the server.
#[derive(Debug, thiserror::Error)]
pub enum ServerError {
    #[error("cannot listen on {address}")]
    Bind {
        address: SocketAddr,
        #[source]
        source: std::io::Error,
    },
    #[error("serving HTTP")]
    Serve(#[source] std::io::Error),
}

/// A bound server, not yet answering.
pub struct Server {
    listener: tokio::net::TcpListener,
    router: axum::Router,
}

impl Server {
    /// Binds `config.listen` and builds the routes.
    pub async fn bind(config: &ServerConfig, services: Services) -> Result<Self, ServerError> {
        let listener = tokio::net::TcpListener::bind(config.listen)
            .await
            .map_err(|source| ServerError::Bind {
                address: config.listen,
                source,
            })?;
        Ok(Self {
            listener,
            router: api::router(Arc::new(services), config),
        })
    }

    /// The address really bound (the port chosen when the configuration said 0).
    pub fn local_addr(&self) -> Result<SocketAddr, ServerError> {
        self.listener.local_addr().map_err(ServerError::Serve)
    }

    /// Answers requests until `shutdown` completes, then stops accepting, lets the requests
    /// in flight finish, and returns.
    pub async fn run(
        self,
        shutdown: impl Future<Output = ()> + Send + 'static,
    ) -> Result<(), ServerError> {
        tracing::info!(address = ?self.listener.local_addr().ok(), "serving");
        axum::serve(self.listener, self.router)
            .with_graceful_shutdown(shutdown)
            .await
            .map_err(ServerError::Serve)?;
        tracing::info!("stopped");
        Ok(())
    }
}
