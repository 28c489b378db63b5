//! `camsweep ingest`: store a scan document (`camsweep scan --format json`) or an observations
//! file (JSON Lines) in the register, in one transaction. Observation files are grouped by
//! `device` (else `address`) and identified with the knowledge base. A file with any malformed
//! line is refused whole, naming each bad line, and nothing is written.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use anyhow::{Context as _, bail};
use camsweep_identify::Engine;
use camsweep_kb::KnowledgeBase;
use camsweep_model::{Observation, ScanDocument};
use camsweep_register::{
    BatchKind, IngestBatch, IngestDevice, IngestSummary, Register, now_rfc3339,
};

use super::estate::{DbArgs, open, runtime};
use crate::{Globals, Outcome};

/// How many bad lines are listed before giving up on an observations file.
const MAX_REPORTED_ERRORS: usize = 20;

#[derive(Debug, clap::Args)]
pub struct Args {
    /// A scan document (JSON) or an observations file (JSON Lines).
    pub file: PathBuf,
    #[command(flatten)]
    pub db: DbArgs,
}

pub fn load_kb(globals: &Globals) -> anyhow::Result<KnowledgeBase> {
    Ok(match &globals.kb {
        Some(dir) => KnowledgeBase::from_dir(dir)
            .with_context(|| format!("loading the knowledge base from {}", dir.display()))?,
        None => KnowledgeBase::embedded().context("loading the embedded knowledge base")?,
    })
}

pub fn run(args: Args, globals: &Globals) -> anyhow::Result<Outcome> {
    let text = std::fs::read_to_string(&args.file)
        .with_context(|| format!("reading {}", args.file.display()))?;
    let source = args.file.display().to_string();
    let input = if looks_like_scan_document(&text) {
        Input::Scan(read_scan_document(&text, &args.file)?)
    } else {
        let kb = load_kb(globals)?;
        let engine = Engine::new(&kb).context("compiling the fingerprint rules")?;
        Input::Observations(observations_batch(&text, &args.file, &engine, &kb.version)?)
    };
    let summary = runtime()?.block_on(async {
        let register = open(&args.db).await?;
        let summary = match &input {
            Input::Scan(doc) => {
                store_scan_document(&register, doc, Some(source.clone()), &args.db.actor).await
            }
            Input::Observations(batch) => register
                .ingest(batch, &args.db.actor)
                .await
                .map_err(anyhow::Error::from),
        };
        register.close().await;
        summary
    })?;
    println!("{}", summary_line(&source, &summary));
    Ok(Outcome::Done)
}

enum Input {
    Scan(ScanDocument),
    Observations(IngestBatch),
}

/// Stores a scan document in the register: its devices, observations, identifications and
/// coverage (hosts tried, unresponsive, malformed) in one transaction. The single path from a
/// scanner's result to the register, shared by `camsweep ingest`, `camsweep scan --db` and
/// `camsweep demo`.
pub async fn store_scan_document(
    register: &Register,
    doc: &ScanDocument,
    source_file: Option<String>,
    actor: &str,
) -> anyhow::Result<IngestSummary> {
    let batch = IngestBatch::from_scan_document(doc, source_file);
    register
        .ingest(&batch, actor)
        .await
        .with_context(|| format!("storing scan {} in the register", doc.scan.id))
}

/// One line saying what an ingest stored.
pub fn summary_line(source: &str, summary: &IngestSummary) -> String {
    format!(
        "ingested {source} ({}): {} devices new, {} seen again, {} marked missing, {} not on any network; {} observations",
        summary.scan_id,
        summary.devices_new,
        summary.devices_seen_again,
        summary.devices_marked_missing,
        summary.devices_unplaced,
        summary.observations
    )
}

/// A scan document is one JSON object with a `scan` member; JSON Lines has one object a line.
fn looks_like_scan_document(text: &str) -> bool {
    let first_line = text.lines().find(|l| !l.trim().is_empty()).unwrap_or("");
    let one_line_observation = serde_json::from_str::<Observation>(first_line).is_ok();
    !one_line_observation && text.trim_start().starts_with('{') && text.contains("\"scan\"")
}

fn read_scan_document(text: &str, file: &Path) -> anyhow::Result<ScanDocument> {
    serde_json::from_str(text).map_err(|e| {
        anyhow::anyhow!(
            "{}:{}:{}: not a scan document: {e}",
            file.display(),
            e.line(),
            e.column()
        )
    })
}

fn observations_batch(
    text: &str,
    file: &Path,
    engine: &Engine<'_>,
    kb_version: &str,
) -> anyhow::Result<IngestBatch> {
    let mut groups: Vec<Vec<Observation>> = Vec::new();
    let mut index: HashMap<String, usize> = HashMap::new();
    let mut errors = Vec::new();
    for (n, line) in text.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        match serde_json::from_str::<Observation>(line) {
            Ok(o) => {
                let key = o.device.clone().or_else(|| o.address.clone());
                match key {
                    Some(k) => {
                        let slot = *index.entry(k).or_insert_with(|| {
                            groups.push(Vec::new());
                            groups.len() - 1
                        });
                        groups[slot].push(o);
                    }
                    None => groups.push(vec![o]),
                }
            }
            Err(e) => {
                errors.push(format!("{}:{}: {e}", file.display(), n + 1));
                if errors.len() >= MAX_REPORTED_ERRORS {
                    errors.push("... (stopped listing)".to_owned());
                    break;
                }
            }
        }
    }
    if !errors.is_empty() {
        bail!(
            "{} has malformed observation lines; nothing was stored:\n  {}",
            file.display(),
            errors.join("\n  ")
        );
    }
    let devices = groups
        .into_iter()
        .map(|observations| {
            let address = observations.iter().find_map(|o| o.address.clone());
            let label = observations.iter().find_map(|o| o.device.clone());
            IngestDevice {
                label,
                address,
                mac: None, // taken from `mac` observations by the register
                identification: engine.identify(&observations),
                observations,
            }
        })
        .collect();
    let now = now_rfc3339();
    Ok(IngestBatch {
        kind: BatchKind::Observations,
        scan_id: camsweep_register::new_id(),
        source_file: Some(file.display().to_string()),
        started_at: now.clone(),
        finished_at: Some(now),
        targets: Vec::new(),
        kb_version: kb_version.to_owned(),
        tool_version: env!("CARGO_PKG_VERSION").to_owned(),
        interrupted: false,
        devices,
        coverage: None,
    })
}
