//! Integration tests across the crates: one crate, one module per area (ripgrep's layout). The
//! tests that run the binary live beside it, in `crates/camsweep/tests/cli/`.
mod identify;
mod netns;
mod policy;
mod register;
mod report;
mod scan;
mod server;
