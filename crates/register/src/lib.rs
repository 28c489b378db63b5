//! The estate register: organisations, sites, networks, devices, findings, waivers and history
//! on SQLite or PostgreSQL.
//!
//! - [`Estate`]: the estate definition file (`docs/estate.md`), validated as a whole.
//! - [`Register`]: the storage interface over both backends (`docs/register.md`).
//! - [`IngestBatch`]: one scan or observations import, stored in one transaction
//!   ([`IngestBatch::from_scan_document`] reads a scanner's result, coverage included).

pub mod error;
pub mod estate;
mod store;
pub mod synthetic;
pub mod types;

pub use error::{EstateError, EstateIssue, RegisterError};
pub use estate::{Estate, Network, Organisation, Placement, Sensitivity, Site, Zone};
pub use store::{
    Backend, Column, EvaluationTx, EvaluationUnit, Register, Store, device_key, new_id,
    normalise_mac, now_rfc3339, postgres, sqlite, today,
};
pub use types::*;
