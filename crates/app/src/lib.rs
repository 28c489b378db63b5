//! camsweep's operations, as a user or a server performs them. The CLI (`crates/camsweep`) and
//! the web server to come are two faces of this crate: each parses its input (arguments, HTTP),
//! calls one function here, and renders the result. Nothing here prints.
//!
//! - [`config`]: the configuration file (`camsweep.toml`), read and checked.
//! - [`kb`]: the knowledge base, embedded or from a directory.
//! - [`scan`]: scan options into the scanner's configuration, the scan, and storing it
//!   (with an evaluation after it).
//! - [`identify`]: an observations file identified without a register.
//! - [`ingest`]: scan documents and observations files into the register.
//! - [`evaluate`]: identification, the one policy-input builder, findings, and the remediation
//!   plan's state machine (a pure function, [`evaluate::plan_change`]).
//! - [`plan`]: the plan as listed (each item's verified state), and people's changes to it,
//!   applied under the item's lock.
//! - [`policies`]: the packs in force; device contexts evaluated (`camsweep policy eval`).
//! - [`estate`], [`waiver`]: the estate file read and imported; waivers.
//! - [`lab`]: the lab's estate (a spec file, or generated) and its start.
//! - [`gate`]: the deployment gate (`camsweep check`, later `POST /api/v1/check`).
//! - [`report_data`]: everything a report shows, read from the register.
//! - [`demo`]: the main job end to end on the lab (estate, scan, ingest, evaluate, reports).
//! - [`error`]: one error type with a category, mapped to exit codes by the binary and to HTTP
//!   statuses by the server, each in one place.

pub mod config;
pub mod demo;
pub mod error;
pub mod estate;
pub mod evaluate;
pub mod gate;
pub mod identify;
pub mod ingest;
pub mod kb;
pub mod lab;
pub mod plan;
pub mod policies;
pub mod report_data;
pub mod scan;
pub mod waiver;

pub use camsweep_import::InputLimits;
pub use error::{AppError, Category};
