//! One module per subcommand.

pub mod check;
pub mod demo;
pub mod estate;
pub mod evaluate;
pub mod findings;
pub mod identify;
pub mod ingest;
pub mod kb;
pub mod lab;
pub mod plan;
pub mod policy;
pub mod report;
pub mod scan;
pub mod serve;
pub mod token;
pub mod user;
pub mod waive;
