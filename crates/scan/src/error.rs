//! Typed errors of the scanner. Per-host failures are not errors: they become `problems` on the
//! host. These are the failures that stop a scan before it starts.

use std::path::PathBuf;

/// A target or exclusion the scanner refuses or cannot read.
#[derive(Debug, thiserror::Error)]
pub enum TargetError {
    #[error("target {target:?}: {reason}")]
    Refused { target: String, reason: String },
    #[error("target {target:?}: not an address, CIDR, range or resolvable host name ({detail})")]
    Unparsable { target: String, detail: String },
    #[error("target file {path}, line {line}")]
    InFile {
        path: PathBuf,
        line: usize,
        #[source]
        source: Box<TargetError>,
    },
    #[error("target file {path}")]
    FileRead {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    #[error(
        "{count} addresses to scan exceed --max-hosts {max} (narrow the targets or raise the limit)"
    )]
    TooManyHosts { count: u128, max: u64 },
    #[error("no targets given")]
    Empty,
}

/// A credentials file that cannot be used.
#[derive(Debug, thiserror::Error)]
pub enum CredentialsError {
    #[error("credentials file {path}")]
    Read {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    #[error("credentials file {path}: {message}")]
    Syntax { path: PathBuf, message: String },
    #[error("credentials file {path}, entry {index}: scope {scope:?} is not an address or CIDR")]
    Scope {
        path: PathBuf,
        index: usize,
        scope: String,
    },
}

/// Why a scan could not run.
#[derive(Debug, thiserror::Error)]
pub enum ScanError {
    #[error(transparent)]
    Targets(#[from] TargetError),
    #[error("scan configuration: {0}")]
    Config(String),
    #[error("could not open the UDP discovery socket")]
    UdpSocket(#[source] std::io::Error),
    #[error("TLS client setup failed: {0}")]
    Tls(String),
}
