//! Readers of input files, each bounded and naming the line of every problem. Pure: no async,
//! no database, no printing. The home of the importers to come (asset spreadsheets, nmap XML,
//! NetBox, VMS exports, packet captures).

pub mod json_locate;
pub mod observations;
pub mod scan_document;

pub use observations::{GroupedObservations, LineProblem, ObservationsError, read_observations};
pub use scan_document::{DocumentError, DocumentLimits, FieldProblem, read_scan_document};
