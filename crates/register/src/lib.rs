//! The estate register: organisations, sites, networks, devices, findings, waivers and history
//! on SQLite or PostgreSQL.
//!
//! - [`Register`]: the storage interface over both backends (`docs/register.md`).
//! - [`IngestBatch`]: one scan or observations import, stored in one transaction
//!   ([`IngestBatch::from_scan_document`] reads a scanner's result, coverage included).

pub mod error;
mod store;
pub mod synthetic;
pub mod types;

pub use error::RegisterError;
pub use store::{
    Backend, Column, EvaluationTx, EvaluationUnit, Holder, LockWait, Register, Store, device_key,
    new_id, normalise_mac, now_rfc3339, postgres, sqlite, today,
};
pub use types::*;
