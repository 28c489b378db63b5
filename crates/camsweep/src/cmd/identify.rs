//! `camsweep identify`: observations in (JSON Lines), one identification per device out.
//!
//! Each input line is one [`Observation`]; lines with the same `device` describe one device, a
//! line without `device` is a device of its own. Devices may interleave, so observations are
//! grouped by key and the identifications are written at end of input, in the order each device
//! was first seen (memory is bounded by the input, and each line by [`MAX_LINE`]). A malformed
//! line is reported on standard error with its number and what was expected, skipped, and the
//! run ends `Partial` (exit 3).

use std::collections::HashMap;
use std::io::{BufRead, BufReader, Read, Write};
use std::path::PathBuf;

use anyhow::Context as _;
use camsweep_identify::Engine;
use camsweep_kb::KnowledgeBase;
use camsweep_model::{Identification, Observation};
use serde::Serialize;

use crate::{Globals, Outcome};

/// Longest accepted input line (an observation carries at most a bounded response).
pub const MAX_LINE: usize = 4 * 1024 * 1024;

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
    let kb = match &globals.kb {
        Some(dir) => KnowledgeBase::from_dir(dir)
            .with_context(|| format!("loading the knowledge base from {}", dir.display()))?,
        None => KnowledgeBase::embedded().context("loading the embedded knowledge base")?,
    };
    let engine = Engine::new(&kb).context("compiling the fingerprint rules")?;
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
    let grouped = read_grouped(BufReader::new(input), &name, &mut stderr)?;

    let stdout = std::io::stdout().lock();
    let mut out = std::io::BufWriter::new(stdout);
    if args.format == Format::Table {
        writeln!(
            out,
            "{:<24} {:<12} {:<12} {:<22} {:<15} {:>5}",
            "DEVICE", "MANUFACTURER", "BRAND", "MODEL", "TYPE", "CONF"
        )?;
    }
    for (key, observations) in &grouped.devices {
        let identification = engine.identify(observations);
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
                clip(key.as_deref().unwrap_or("-"), 24),
                clip(
                    identification.manufacturer.as_deref().unwrap_or("unknown"),
                    12
                ),
                clip(identification.brand.as_deref().unwrap_or("-"), 12),
                clip(identification.model.as_deref().unwrap_or("-"), 22),
                identification.device_type.as_str(),
                identification.confidence,
            )?,
        }
    }
    out.flush()?;
    Ok(if grouped.skipped > 0 {
        writeln!(
            stderr,
            "camsweep: {} malformed line(s) skipped; {} device(s) identified",
            grouped.skipped,
            grouped.devices.len()
        )?;
        Outcome::Partial
    } else {
        Outcome::Done
    })
}

/// Observations grouped per device, in first-seen order.
pub struct Grouped {
    /// `(device key, observations)`; `None` keys are devices of their own.
    pub devices: Vec<(Option<String>, Vec<Observation>)>,
    /// Lines skipped as malformed (each reported).
    pub skipped: usize,
}

/// Reads JSON Lines observations, reporting each malformed line to `errors`.
pub fn read_grouped(
    mut reader: impl BufRead,
    name: &str,
    errors: &mut impl Write,
) -> anyhow::Result<Grouped> {
    let mut devices: Vec<(Option<String>, Vec<Observation>)> = Vec::new();
    let mut index: HashMap<String, usize> = HashMap::new();
    let mut skipped = 0;
    let mut buf = Vec::new();
    let mut line_no = 0usize;
    loop {
        buf.clear();
        let read = (&mut reader)
            .take(MAX_LINE as u64 + 1)
            .read_until(b'\n', &mut buf)
            .with_context(|| format!("reading {name}"))?;
        if read == 0 {
            break;
        }
        line_no += 1;
        if buf.len() > MAX_LINE && buf.last() != Some(&b'\n') {
            // Discard the rest of the over-long line without holding it.
            let mut sink = Vec::new();
            loop {
                sink.clear();
                let n = (&mut reader)
                    .take(64 * 1024)
                    .read_until(b'\n', &mut sink)
                    .with_context(|| format!("reading {name}"))?;
                if n == 0 || sink.last() == Some(&b'\n') {
                    break;
                }
            }
            writeln!(
                errors,
                "{name}:{line_no}: skipped: line longer than {MAX_LINE} bytes (expected one observation per line)"
            )?;
            skipped += 1;
            continue;
        }
        let text = String::from_utf8_lossy(&buf);
        let text = text.trim();
        if text.is_empty() {
            continue;
        }
        match serde_json::from_str::<Observation>(text) {
            Ok(obs) => match obs.device.clone() {
                Some(key) => match index.get(&key) {
                    Some(&i) => devices[i].1.push(obs),
                    None => {
                        index.insert(key.clone(), devices.len());
                        devices.push((Some(key), vec![obs]));
                    }
                },
                None => devices.push((None, vec![obs])),
            },
            Err(err) => {
                writeln!(
                    errors,
                    "{name}:{line_no}: skipped: {err} (expected a JSON object like \
                     {{\"device\": \"key\", \"kind\": \"http.server\", \"value\": \"App-webs/\"}})"
                )?;
                skipped += 1;
            }
        }
    }
    Ok(Grouped { devices, skipped })
}

fn clip(s: &str, width: usize) -> String {
    if s.chars().count() <= width {
        s.to_owned()
    } else {
        let mut out: String = s.chars().take(width.saturating_sub(1)).collect();
        out.push('…');
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn groups_by_device_in_first_seen_order_and_reports_bad_lines() {
        let input = concat!(
            "{\"device\":\"b\",\"kind\":\"http.server\",\"value\":\"App-webs/\"}\n",
            "{\"kind\":\"mac\",\"value\":\"04:03:12:00:00:01\"}\n",
            "not json\n",
            "{\"device\":\"a\",\"kind\":\"http.server\",\"value\":\"x\"}\n",
            "\n",
            "{\"device\":\"b\",\"kind\":\"http.sever\",\"value\":\"x\"}\n",
            "{\"device\":\"b\",\"kind\":\"rtsp.server\",\"value\":\"y\"}\n",
        );
        let mut errors = Vec::new();
        let g = read_grouped(input.as_bytes(), "in.jsonl", &mut errors).unwrap();
        let keys: Vec<_> = g.devices.iter().map(|(k, _)| k.clone()).collect();
        assert_eq!(keys, vec![Some("b".into()), None, Some("a".into())]);
        assert_eq!(g.devices[0].1.len(), 2);
        assert_eq!(g.skipped, 2);
        let errors = String::from_utf8(errors).unwrap();
        assert!(errors.contains("in.jsonl:3:"), "{errors}");
        assert!(
            errors.contains("in.jsonl:6:") && errors.contains("http.sever"),
            "{errors}"
        );
    }

    #[test]
    fn an_over_long_line_is_skipped_without_losing_the_next() {
        let mut input = vec![b'x'; MAX_LINE + 10];
        input.push(b'\n');
        input.extend_from_slice(b"{\"kind\":\"mac\",\"value\":\"04:03:12:00:00:01\"}\n");
        let mut errors = Vec::new();
        let g = read_grouped(&input[..], "big", &mut errors).unwrap();
        assert_eq!(g.skipped, 1);
        assert_eq!(g.devices.len(), 1);
        assert!(String::from_utf8(errors).unwrap().contains("big:1:"));
    }
}
