//! Integration tests: one crate, one module per area (ripgrep's layout).
mod report;
mod register;
