//! `camsweep`: the one binary. Each subcommand is a module in `cmd/` with its own `Args` and
//! `run`; this file only parses the command line, dispatches, reports errors and maps the outcome
//! to an exit code (`exit.rs`).

#[macro_use]
mod printer;
mod cmd;
mod config;
mod db;
mod exit;
mod signals;

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{CommandFactory, FromArgMatches, Parser, Subcommand};

pub use exit::Outcome;

/// The built-in policy packs, with the user packs `--policies` names.
pub fn load_policies(
    globals: &Globals,
) -> Result<camsweep_policy::PolicySet, camsweep_app::AppError> {
    camsweep_app::policies::load(globals.policies.as_deref())
}

/// The knowledge base `--kb` names, or the embedded one.
pub fn load_kb(globals: &Globals) -> Result<camsweep_kb::KnowledgeBase, camsweep_app::AppError> {
    camsweep_app::kb::load(globals.kb.as_deref())
}

/// The input readers' size limits (`identify`, `ingest`; `[input]` in the configuration file).
#[derive(Debug, Clone, clap::Args)]
pub struct InputLimitArgs {
    /// Refuse observation lines, and string values in a scan document, longer than this.
    #[arg(long, value_name = "BYTES", default_value_t = camsweep_app::InputLimits::default().max_line_bytes)]
    pub max_line_bytes: usize,
    /// Refuse scan documents larger than this.
    #[arg(long, value_name = "BYTES", default_value_t = camsweep_app::InputLimits::default().max_document_bytes)]
    pub max_document_bytes: u64,
}

impl InputLimitArgs {
    pub fn limits(&self) -> camsweep_app::InputLimits {
        camsweep_app::InputLimits {
            max_line_bytes: self.max_line_bytes,
            max_document_bytes: self.max_document_bytes,
        }
    }
}

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
    /// Read defaults from this configuration file (docs/config.md): the register, knowledge base,
    /// scan limits, report formats. Flags and environment variables still win.
    #[arg(long, global = true, env = "CAMSWEEP_CONFIG", value_name = "FILE")]
    pub config: Option<PathBuf>,
    /// Also load the user policy packs in this directory (a pack, or a directory of packs); a
    /// user pack with a built-in pack's id replaces it. Applies to every command that
    /// evaluates packs (evaluate, check, scan --evaluate, report, demo, policy, estate import).
    #[arg(long, global = true, env = "CAMSWEEP_POLICIES", value_name = "DIR")]
    pub policies: Option<PathBuf>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Identify devices from observations (JSON Lines, one observation a line).
    Identify(cmd::identify::Args),
    /// Show the knowledge base: version, sources, MAC registry date; look up a MAC, brand or vendor.
    Kb(cmd::kb::Args),
    /// Run the lab: an emulated surveillance estate on loopback (or in a network namespace).
    Lab(cmd::lab::Args),
    /// Scan targets for surveillance equipment and identify it.
    Scan(cmd::scan::Args),
    /// Import or show the estate definition (organisations, sites, networks).
    Estate(cmd::estate::Args),
    /// Store a scan document or observations file in the register.
    Ingest(cmd::ingest::Args),
    /// Recompute identifications and findings for the whole register.
    Evaluate(cmd::evaluate::Args),
    /// List findings, filtered.
    Findings(cmd::findings::Args),
    /// Accept a finding as a time-limited exception.
    Waive(cmd::waive::Args),
    /// Deployment gate: may this maker, brand or model be deployed at this site?
    Check(cmd::check::Args),
    /// List policy packs or run their test cases.
    Policy(cmd::policy::Args),
    /// Write reports from the register (HTML, XLSX, CSV, JSON) or plain answers.
    Report(cmd::report::Args),
    /// List or update the remediation plan.
    Plan(cmd::plan::Args),
    /// Run the main job end to end on the lab: estate, scan, policies, report.
    Demo(cmd::demo::Args),
    /// Serve the register as a web service: REST API under /api/v1 (docs/server.md).
    Serve(cmd::serve::Args),
    /// Manage the users of `camsweep serve`.
    User(cmd::user::Args),
    /// Create or revoke API tokens of `camsweep serve`.
    Token(cmd::token::Args),
}

fn main() -> ExitCode {
    let cli = match parse_command_line() {
        Ok(cli) => cli,
        Err(err) => {
            eprintln!("camsweep: error: {}", printer::error_text(&err));
            return exit::code(&Err(err));
        }
    };
    let result = match cli.command {
        Command::Identify(args) => cmd::identify::run(args, &cli.globals),
        Command::Kb(args) => cmd::kb::run(args, &cli.globals),
        Command::Lab(args) => cmd::lab::run(args, &cli.globals),
        Command::Scan(args) => cmd::scan::run(args, &cli.globals),
        Command::Estate(args) => cmd::estate::run(args, &cli.globals),
        Command::Ingest(args) => cmd::ingest::run(args, &cli.globals),
        Command::Evaluate(args) => cmd::evaluate::run(args, &cli.globals),
        Command::Findings(args) => cmd::findings::run(args, &cli.globals),
        Command::Waive(args) => cmd::waive::run(args, &cli.globals),
        Command::Check(args) => cmd::check::run(args, &cli.globals),
        Command::Policy(args) => cmd::policy::run(args, &cli.globals),
        Command::Report(args) => cmd::report::run(args, &cli.globals),
        Command::Plan(args) => cmd::plan::run(args, &cli.globals),
        Command::Demo(args) => cmd::demo::run(args, &cli.globals),
        Command::Serve(args) => cmd::serve::run(args, &cli.globals),
        Command::User(args) => cmd::user::run(args, &cli.globals),
        Command::Token(args) => cmd::token::run(args, &cli.globals),
    };
    if let Err(err) = &result
        && !exit::is_broken_pipe(err)
    {
        eprintln!("camsweep: error: {}", printer::error_text(err));
    }
    exit::code(&result)
}

/// Parses the command line with the configuration file's values as defaults (`config.rs`).
/// clap's own errors (`--help`, a bad flag) print and exit here, as `Cli::parse` would.
fn parse_command_line() -> anyhow::Result<Cli> {
    let args: Vec<std::ffi::OsString> = std::env::args_os().collect();
    let command = match config::path_from(&args) {
        Some(path) => config::apply(&config::Config::load(&path)?, Cli::command()),
        None => Cli::command(),
    };
    let matches = command.get_matches_from(args);
    Ok(Cli::from_arg_matches(&matches).unwrap_or_else(|e| e.exit()))
}
