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
