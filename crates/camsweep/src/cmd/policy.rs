//! `camsweep policy`: list policy packs with their rules and citations, run every pack's own
//! test cases, or evaluate a device context (a pack author's tool).

use std::io::Write;
use std::path::{Path, PathBuf};

use camsweep_policy::PolicySet;

use crate::printer::{TextFormat as Format, write_json};
use crate::{Globals, Outcome};

#[derive(Debug, clap::Args)]
pub struct Args {
    #[command(subcommand)]
    pub command: PolicyCommand,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Text, global = true)]
    pub format: Format,
}

#[derive(Debug, clap::Subcommand)]
pub enum PolicyCommand {
    /// Packs, their sources and effective dates, and each rule with its citation.
    List,
    /// Run every pack's test cases (`tests.toml`); exit 3 when any case fails.
    Test,
    /// Evaluate a DeviceContext JSON file (one object or an array) and print the findings.
    Eval {
        /// JSON file: a DeviceContext, or an array of them.
        #[arg(long, value_name = "FILE")]
        input: PathBuf,
        /// Only these packs (repeatable); default: the organisation's policies, else all.
        #[arg(long = "pack", value_name = "ID")]
        packs: Vec<String>,
        /// Answer as the deployment gate (a hypothetical new deployment) instead.
        #[arg(long)]
        gate: bool,
    },
}

pub fn run(args: Args, globals: &Globals) -> anyhow::Result<Outcome> {
    let set = crate::load_policies(globals)?;
    let mut out = std::io::stdout().lock();
    let outcome = match args.command {
        PolicyCommand::List => {
            list(&set, args.format, &mut out)?;
            Outcome::Done
        }
        PolicyCommand::Test => test(&set, args.format, &mut out)?,
        PolicyCommand::Eval { input, packs, gate } => {
            eval(&set, &input, &packs, gate, args.format, &mut out)?
        }
    };
    out.flush()?;
    Ok(outcome)
}

fn list(set: &PolicySet, format: Format, out: &mut impl Write) -> anyhow::Result<()> {
    if format == Format::Json {
        write_json(out, &set.packs())?;
        return Ok(());
    }
    for pack in set.packs() {
        writeln!(
            out,
            "{}  {} (version {})",
            pack.id, pack.title, pack.version
        )?;
        writeln!(out, "  jurisdiction: {}", pack.jurisdiction)?;
        writeln!(out, "  origin: {}", pack.origin)?;
        write!(out, "  support: {}", pack.support)?;
        match &pack.support_note {
            Some(note) => writeln!(out, " ({note})")?,
            None => writeln!(out)?,
        }
        for date in &pack.effective {
            writeln!(out, "  {}  {}  [{}]", date.date, date.event, date.source)?;
        }
        for source in &pack.sources {
            writeln!(out, "  source: {source}")?;
        }
        for rule in &pack.rules {
            let gate = if rule.blocks_deployment {
                ", blocks deployment"
            } else {
                ""
            };
            writeln!(
                out,
                "  - {} [{}; {}{}]: {}",
                rule.id, rule.severity, rule.action, gate, rule.title
            )?;
            writeln!(
                out,
                "      cites {}: {} <{}>",
                rule.citation.document, rule.citation.paragraph, rule.citation.url
            )?;
        }
        writeln!(out)?;
    }
    Ok(())
}

fn test(set: &PolicySet, format: Format, out: &mut impl Write) -> anyhow::Result<Outcome> {
    let results = set.run_tests();
    let failed = results.iter().filter(|r| !r.passed).count();
    if format == Format::Json {
        write_json(out, &results)?;
    } else {
        for result in &results {
            let mark = if result.passed { "ok  " } else { "FAIL" };
            writeln!(out, "{mark} {}: {}", result.pack, result.case)?;
            if let Some(why) = &result.failure {
                writeln!(out, "     {why}")?;
            }
        }
        writeln!(
            out,
            "{} cases, {} passed, {} failed",
            results.len(),
            results.len() - failed,
            failed
        )?;
    }
    Ok(if failed == 0 {
        Outcome::Done
    } else {
        Outcome::Partial
    })
}

fn eval(
    set: &PolicySet,
    input: &Path,
    packs: &[String],
    gate: bool,
    format: Format,
    out: &mut impl Write,
) -> anyhow::Result<Outcome> {
    let contexts = camsweep_app::policies::read_contexts(input)?;
    let results = camsweep_app::policies::evaluate_contexts(set, &contexts, packs, gate)?;
    let denied = results.iter().any(|r| r.allowed == Some(false));
    if format == Format::Json {
        write_json(out, &results)?;
    } else {
        for result in &results {
            match result.allowed {
                Some(true) => writeln!(out, "{}: deployment allowed", result.device)?,
                Some(false) => writeln!(out, "{}: deployment DENIED", result.device)?,
                None => writeln!(out, "{}: {} findings", result.device, result.findings.len())?,
            }
            for f in &result.findings {
                let blocks = if gate && f.blocks_deployment {
                    " (blocks)"
                } else {
                    ""
                };
                writeln!(
                    out,
                    "  {} {}/{} -> {}{}: {}",
                    f.severity, f.pack, f.rule, f.action, blocks, f.message
                )?;
                if let Some(due) = &f.due {
                    writeln!(
                        out,
                        "      due {due} ({})",
                        f.due_basis.as_deref().unwrap_or("no basis given")
                    )?;
                }
                writeln!(
                    out,
                    "      cites {}: {} <{}>",
                    f.citation.document, f.citation.paragraph, f.citation.url
                )?;
            }
        }
    }
    Ok(if denied {
        Outcome::Denied
    } else {
        Outcome::Done
    })
}
