//! `camsweep identify`: observations in (JSON Lines), one identification per device out, as
//! the input streams (`camsweep_app::identify`: grouped by device within a bounded window, in
//! the order each was first seen). A malformed line is reported on standard error with its
//! number and what was expected, skipped, and the run ends `Partial` (exit 3).

use std::io::{BufReader, Read, Write};
use std::path::PathBuf;

use anyhow::Context as _;
use camsweep_app::identify::Identified;
use camsweep_identify::Engine;
use camsweep_model::Identification;
use serde::Serialize;

use crate::{Globals, Outcome};

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// One JSON object per device (JSON Lines).
    Json,
    /// A readable table.
    Table,
}

#[derive(Debug, clap::Args)]
pub struct Args {
    /// JSON Lines file of observations; `-` or absent reads standard input.
    pub input: Option<PathBuf>,
    /// Output format.
    #[arg(long, value_enum, default_value = "json")]
    pub format: Format,
    #[command(flatten)]
    pub limits: crate::InputLimitArgs,
}

/// One output line: the device key and its identification.
#[derive(Serialize)]
struct DeviceLine<'a> {
    device: Option<&'a str>,
    #[serde(flatten)]
    identification: &'a Identification,
}

pub fn run(args: Args, globals: &Globals) -> anyhow::Result<Outcome> {
    let kb = crate::load_kb(globals)?;
    let engine = Engine::new(&kb)?;
    let input: Box<dyn Read> = match &args.input {
        None => Box::new(std::io::stdin().lock()),
        Some(p) if p.as_os_str() == "-" => Box::new(std::io::stdin().lock()),
        Some(p) => Box::new(
            std::fs::File::open(p).with_context(|| format!("cannot open {}", p.display()))?,
        ),
    };
    let name = args
        .input
        .as_ref()
        .map_or_else(|| "<stdin>".to_owned(), |p| p.display().to_string());
    let mut stderr = std::io::stderr().lock();
    let stdout = std::io::stdout().lock();
    let mut out = std::io::BufWriter::new(stdout);
    if args.format == Format::Table {
        writeln!(
            out,
            "{:<24} {:<12} {:<12} {:<22} {:<15} {:>5}",
            "DEVICE", "MANUFACTURER", "BRAND", "MODEL", "TYPE", "CONF"
        )?;
    }
    let (mut devices, mut problems) = (0usize, 0usize);
    for item in camsweep_app::identify::identify(
        BufReader::new(input),
        &name,
        &engine,
        args.limits.limits(),
    ) {
        let (key, identification) = match item? {
            Identified::Problem(problem) => {
                problems += 1;
                writeln!(
                    stderr,
                    "{}:{}: skipped: {}",
                    crate::printer::escape(&name),
                    problem.line,
                    crate::printer::escape(&problem.message)
                )?;
                continue;
            }
            Identified::Device {
                key,
                identification,
            } => (key, identification),
        };
        devices += 1;
        match args.format {
            Format::Json => {
                serde_json::to_writer(
                    &mut out,
                    &DeviceLine {
                        device: key.as_deref(),
                        identification: &identification,
                    },
                )?;
                writeln!(out)?;
            }
            Format::Table => writeln!(
                out,
                "{:<24} {:<12} {:<12} {:<22} {:<15} {:>5.2}",
                crate::printer::clip(key.as_deref().unwrap_or("-"), 24),
                crate::printer::clip(
                    identification.manufacturer.as_deref().unwrap_or("unknown"),
                    12
                ),
                crate::printer::clip(identification.brand.as_deref().unwrap_or("-"), 12),
                crate::printer::clip(identification.model.as_deref().unwrap_or("-"), 22),
                identification.device_type.as_str(),
                identification.confidence,
            )?,
        }
    }
    out.flush()?;
    Ok(if problems > 0 {
        writeln!(
            stderr,
            "camsweep: {problems} malformed line(s) skipped; {devices} device(s) identified"
        )?;
        Outcome::Partial
    } else {
        Outcome::Done
    })
}
