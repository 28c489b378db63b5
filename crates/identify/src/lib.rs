//! The identification engine: all observations of one device in, one cited identification out.
//!
//! Pure: no I/O, no async, no printing. [`Engine::new`] precompiles the knowledge base's
//! fingerprint rules into one [`regex::RegexSet`] per canonical field (and, for rules on the
//! `raw` value, one per observation kind); [`Engine::identify`] then
//!
//! 1. turns every observation into canonical fields with `camsweep_parse::extract` (a parse
//!    error becomes an evidence-free note, and the raw value is still read);
//! 2. runs the rules of each field over its value, looks MAC addresses up in the IEEE registry
//!    (`mac-registry`) and resolves manufacturer/brand claims through the vendor registry
//!    (`device-claim`);
//! 3. combines the evidence per candidate manufacturer (see [`combine`]): within one
//!    observation the strongest reading counts, across distinct observations a noisy-OR;
//!    a candidate becomes the manufacturer only if its confidence, discounted by the strongest
//!    competing candidate, reaches [`MANUFACTURER_THRESHOLD`];
//! 4. fills brand, model, firmware and device type from the evidence that agrees with the
//!    chosen manufacturer, marks every piece of evidence `supports`, `contradicts` or
//!    `context`, and copies the registry's facts.
//!
//! The engine never guesses: a lone generic banner or a relabel brand on its own leaves the
//! manufacturer unknown.

pub mod combine;
pub mod corpus;
mod engine;
mod general;

pub use combine::{MANUFACTURER_THRESHOLD, Strengths};
pub use engine::{
    CLAIM_RULE, Engine, EngineError, MAC_REGISTRY_STRENGTH, MENTION_RULE, UNREGISTERED_CLAIM_RULE,
};

#[cfg(test)]
mod tests;
