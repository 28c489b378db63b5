//! `camsweep identify`: observations in (JSON Lines), one identification per device out.
//!
//! Each input line is one [`Observation`]; lines with the same `device` (else `address`)
//! describe one device, a line with neither is a device of its own. Devices may interleave:
//! observations are grouped by key while they stream, and a device is identified and written
//! once the lines held pass [`WINDOW`] bytes or the input ends, in the order devices were first
//! seen. Memory stays bounded on an endless input (each line by [`MAX_LINE`]); a device whose
//! lines come back after its group was written is identified again from the later lines. A malformed
//! line is reported on standard error with its number and what was expected, skipped, and the
//! run ends `Partial` (exit 3).

use std::io::{BufReader, Read, Write};
use std::path::PathBuf;

use anyhow::Context as _;
use camsweep_identify::Engine;
use camsweep_model::Identification;
use serde::Serialize;

use crate::{Globals, Outcome};

/// Longest accepted input line (an observation carries at most a bounded response).
pub const MAX_LINE: usize = camsweep_import::observations::DEFAULT_MAX_LINE;

/// Input lines held while grouping: devices whose lines lie within this many bytes of each
/// other are grouped whole, and memory stays bounded on an endless input.
pub const WINDOW: usize = 16 * 1024 * 1024;

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
    let stream = camsweep_import::observations::ObservationStream::new(
        BufReader::new(input),
        &name,
        MAX_LINE,
        WINDOW,
    );
    for item in stream {
        let (key, observations) = match item? {
            camsweep_import::observations::StreamItem::Problem(problem) => {
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
            camsweep_import::observations::StreamItem::Device { key, observations } => {
                (key, observations)
            }
        };
        devices += 1;
        let identification = engine.identify(&observations);
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
