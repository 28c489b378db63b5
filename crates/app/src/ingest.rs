//! Ingest: a scan document (`camsweep scan --format json`) or an observations file (JSON Lines)
//! into the register, in one transaction. Observations are grouped per device by the one reader
//! (`camsweep_import::read_observations`) and identified with the knowledge base. A file with any
//! malformed line is refused whole, naming each bad line, and nothing is written. A scan the
//! register already holds is a no-op that says so.

use std::io::BufRead;
use std::path::Path;

use camsweep_identify::Engine;
use camsweep_import::read_observations;
use camsweep_import::scan_document::{DocumentError, parse_scan_document};
use camsweep_model::{ScanDocument, Timestamp};
use camsweep_register::{
    BatchKind, IngestBatch, IngestDevice, IngestSummary, Register, now_rfc3339,
};

use crate::AppError;

/// How many bad lines are listed before giving up on an observations file.
pub const MAX_REPORTED_ERRORS: usize = 20;

/// What a file to ingest holds.
#[allow(clippy::large_enum_variant)] // one per command run
pub enum Input {
    Scan(ScanDocument),
    Observations(IngestBatch),
}

/// Reads `path` as a scan document or an observations file, identifying observations with
/// `engine` (a scan document carries its own identifications).
pub fn read_input(
    path: &Path,
    engine: &Engine<'_>,
    input_limits: camsweep_import::InputLimits,
) -> Result<Input, AppError> {
    let kb_version = engine.kb().version.clone();
    let read = |source| AppError::Read {
        path: path.to_owned(),
        source,
    };
    let file = std::fs::File::open(path).map_err(read)?;
    let mut reader = std::io::BufReader::new(file);
    // A scan document is one JSON object whose first member is `scan` or `devices` (the
    // scanner writes `scan` first, compact or pretty); JSON Lines has one observation a line.
    // The first member's name is in the first buffer, however long the lines are, so an
    // over-long observation line is never read whole to find out.
    let is_scan_document = first_member_is_scan(reader.fill_buf().map_err(read)?);
    if is_scan_document {
        let limits = input_limits.document();
        let mut text = Vec::new();
        std::io::Read::read_to_end(
            &mut std::io::Read::take(&mut reader, limits.max_bytes.saturating_add(1)),
            &mut text,
        )
        .map_err(read)?;
        if text.len() as u64 > limits.max_bytes {
            return Err(DocumentError::TooLarge {
                name: path.display().to_string(),
                limit: limits.max_bytes,
            }
            .into());
        }
        let name = path.display().to_string();
        return parse_scan_document(&text, &name, &limits, Timestamp::now())
            .map(Input::Scan)
            .map_err(AppError::from);
    }
    observations_batch(
        reader,
        path,
        engine,
        &kb_version,
        input_limits.max_line_bytes,
    )
    .map(Input::Observations)
}

/// Whether `head` (the start of a file) opens a JSON object whose first member is `scan` or
/// `devices`: a scan document, not a line of observations.
fn first_member_is_scan(head: &[u8]) -> bool {
    let text = String::from_utf8_lossy(&head[..head.len().min(4096)]);
    let rest = text.trim_start_matches('\u{feff}').trim_start();
    let Some(rest) = rest.strip_prefix('{') else {
        return false;
    };
    let rest = rest.trim_start();
    rest.starts_with("\"scan\"") || rest.starts_with("\"devices\"")
}

/// Stores what `input` holds. The single path from a scanner's result to the register, shared
/// by `camsweep ingest`, `camsweep scan --db` and `camsweep demo`.
pub async fn store(
    register: &Register,
    input: &Input,
    source_file: Option<String>,
    actor: &str,
) -> Result<IngestSummary, AppError> {
    match input {
        Input::Scan(doc) => store_scan_document(register, doc, source_file, actor).await,
        Input::Observations(batch) => {
            register
                .ingest(batch, actor)
                .await
                .map_err(AppError::register(
                    "storing the observations in the register",
                ))
        }
    }
}

/// Stores a scan document: its devices, observations, identifications, coverage and exclusions.
pub async fn store_scan_document(
    register: &Register,
    doc: &ScanDocument,
    source_file: Option<String>,
    actor: &str,
) -> Result<IngestSummary, AppError> {
    let batch = IngestBatch::from_scan_document(doc, source_file);
    register
        .ingest(&batch, actor)
        .await
        .map_err(AppError::register(format!(
            "storing scan {} in the register",
            doc.scan.id
        )))
}

/// One line saying what an ingest stored.
pub fn summary_line(source: &str, summary: &IngestSummary) -> String {
    if summary.already_stored {
        return format!(
            "{source}: scan {} is already in the register; nothing changed",
            summary.scan_id
        );
    }
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

fn observations_batch(
    reader: impl BufRead,
    file: &Path,
    engine: &Engine<'_>,
    kb_version: &str,
    max_line_bytes: usize,
) -> Result<IngestBatch, AppError> {
    let name = file.display().to_string();
    let grouped =
        read_observations(reader, &name, max_line_bytes).map_err(AppError::Observations)?;
    if !grouped.problems.is_empty() {
        let mut lines: Vec<String> = grouped
            .problems
            .iter()
            .take(MAX_REPORTED_ERRORS)
            .map(|p| format!("{name}:{}: {}", p.line, p.message))
            .collect();
        if grouped.problems.len() > MAX_REPORTED_ERRORS {
            lines.push(format!(
                "... and {} more",
                grouped.problems.len() - MAX_REPORTED_ERRORS
            ));
        }
        return Err(AppError::invalid(format!(
            "{name} has malformed observation lines; nothing was stored:\n  {}",
            lines.join("\n  ")
        )));
    }
    let devices = grouped
        .devices
        .into_iter()
        .map(|(_, observations)| {
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
        source_file: Some(name),
        started_at: now.clone(),
        finished_at: Some(now),
        targets: Vec::new(),
        excluded: Vec::new(),
        kb_version: kb_version.to_owned(),
        tool_version: env!("CARGO_PKG_VERSION").to_owned(),
        interrupted: false,
        devices,
        coverage: None,
    })
}

#[cfg(test)]
mod tests {
    use super::first_member_is_scan;

    /// Regression: a file whose first line is one 200 MB observation was read whole (239 MB of
    /// memory) to decide whether it was a scan document.
    #[test]
    fn a_scan_document_is_told_from_observations_by_its_first_member() {
        assert!(first_member_is_scan(
            b"{\"scan\":{\"id\":\"x\"},\"devices\":[]}"
        ));
        assert!(first_member_is_scan(b"\xef\xbb\xbf{\n  \"scan\": {\n"));
        assert!(first_member_is_scan(b"  {\"devices\": [], \"scan\": {}}"));
        assert!(!first_member_is_scan(
            b"{\"kind\":\"http.body\",\"value\":\"xxxx"
        ));
        assert!(!first_member_is_scan(
            b"{\"device\":\"scan\",\"kind\":\"mac\"}"
        ));
        assert!(!first_member_is_scan(b""));
    }
}
