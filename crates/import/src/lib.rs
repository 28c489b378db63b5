//! Readers of input files (the estate file, observations, scan documents), each bounded and naming the line of every problem. Pure: no async,
//! no database, no printing. The home of the importers to come (asset spreadsheets, nmap XML,
//! NetBox, VMS exports, packet captures).

pub mod estate;
pub mod json_locate;
pub mod observations;
pub mod scan_document;

pub use estate::{EstateError, EstateIssue};
pub use observations::{GroupedObservations, LineProblem, ObservationsError, read_observations};
pub use scan_document::{DocumentError, DocumentLimits, FieldProblem, read_scan_document};

/// The size limits of the input readers, the same for `identify` and `ingest` (`[input]` in
/// the configuration file; `--max-line-bytes`, `--max-document-bytes`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct InputLimits {
    /// The longest observation line, and the longest string value in a scan document.
    pub max_line_bytes: usize,
    /// The largest scan document.
    pub max_document_bytes: u64,
}

impl Default for InputLimits {
    fn default() -> Self {
        let document = DocumentLimits::default();
        Self {
            max_line_bytes: observations::DEFAULT_MAX_LINE,
            max_document_bytes: document.max_bytes,
        }
    }
}

impl InputLimits {
    /// The scan-document limits these give (the others at their defaults).
    pub fn document(&self) -> DocumentLimits {
        DocumentLimits {
            max_bytes: self.max_document_bytes,
            max_value_bytes: self.max_line_bytes,
            ..DocumentLimits::default()
        }
    }
}
