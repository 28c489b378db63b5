//! The binary's own tests: each runs the built `camsweep` (`CARGO_BIN_EXE_camsweep`, which
//! Cargo builds for this package's tests) as a user or a script would, on loopback or in network
//! namespaces the test makes itself. One test crate, one module per area (ripgrep's layout).
mod cli;
mod config;
mod demo;
mod lab;
mod netns;
mod register_cli;
mod serve;
