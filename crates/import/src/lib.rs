//! Readers of input files, each streaming over a [`std::io::BufRead`] and naming the line of
//! every problem. Pure: no async, no database, no printing. The home of the importers to come
//! (asset spreadsheets, nmap XML, NetBox, VMS exports, packet captures).

pub mod observations;

pub use observations::{GroupedObservations, LineProblem, ObservationsError, read_observations};
