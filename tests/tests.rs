//! Integration tests: one crate, one module per area (ripgrep's layout).
mod cli;
mod config;
mod demo;
mod identify;
mod lab;
mod netns;
mod policy;
mod register;
mod register_cli;
mod report;
mod scan;
mod server;
