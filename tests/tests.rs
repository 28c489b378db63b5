//! Integration tests: one crate, one module per area (ripgrep's layout).
mod identify;
mod register;
mod report;
mod scan;
