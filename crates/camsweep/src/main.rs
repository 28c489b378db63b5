//! `camsweep`: the one binary. Each subcommand is a module in `cmd/` with its own `Args` and
//! `run`; this file only parses the command line, dispatches, reports errors and maps the outcome
//! to an exit code (`exit.rs`).

mod cmd;
mod exit;

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};

pub use exit::Outcome;

/// Find every piece of video-surveillance equipment on your networks, work out who really made it,
/// place it on your sites and networks, and check it against HCWS386, NDAA 889 and the FCC Covered
/// List.
#[derive(Debug, Parser)]
#[command(name = "camsweep", version, about, long_about = None)]
pub struct Cli {
    #[command(flatten)]
    pub globals: Globals,
    #[command(subcommand)]
    pub command: Command,
}

/// Options every subcommand understands.
#[derive(Debug, Clone, clap::Args)]
pub struct Globals {
    /// Use the knowledge base in this directory instead of the embedded one
    /// (same layout as `crates/kb/data/`).
    #[arg(long, global = true, env = "CAMSWEEP_KB", value_name = "DIR")]
    pub kb: Option<PathBuf>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Identify devices from observations (JSON Lines, one observation a line).
    Identify(cmd::identify::Args),
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Identify(args) => cmd::identify::run(args, &cli.globals),
    };
    if let Err(err) = &result
        && !exit::is_broken_pipe(err)
    {
        eprintln!("camsweep: error: {err:#}");
    }
    exit::code(&result)
}
