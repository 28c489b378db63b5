use std::net::SocketAddr;
use std::path::PathBuf;

/// Everything that can go wrong building or running a lab.
#[derive(Debug, thiserror::Error)]
pub enum LabError {
    #[error("lab spec {path}: {message}")]
    Spec { path: PathBuf, message: String },
    #[error("lab spec: device {address}: {message}")]
    Device { address: String, message: String },
    #[error(
        "lab spec: device {address} is not a loopback address; the lab only serves on 127.0.0.0/8 and ::1 (or inside its own network namespace with --netns)"
    )]
    NotLoopback { address: String },
    #[error("lab spec: address {address} is used by two devices")]
    DuplicateAddress { address: String },
    #[error(
        "unknown profile {profile:?} for device {address} (see `camsweep lab --list-profiles`)"
    )]
    UnknownProfile { profile: String, address: String },
    #[error("embedded profile {file}: {message}")]
    Profile { file: String, message: String },
    #[error("generate: {0}")]
    Generate(String),
    #[error("cannot listen on {address}")]
    Bind {
        address: SocketAddr,
        #[source]
        source: std::io::Error,
    },
    #[error(
        "address {address} is already served by another lab in this process (two labs may not share an address)"
    )]
    AddressTaken { address: String },
    #[error(
        "{needed} sockets needed for per-address listening but the open-file limit is {limit}; use the shared listener mode"
    )]
    TooManySockets { needed: u64, limit: u64 },
    #[error("TLS certificate for profile {profile}: {message}")]
    Certificate { profile: String, message: String },
    #[error("network namespace {name}: {message}")]
    Netns { name: String, message: String },
    #[error("{context}")]
    Io {
        context: String,
        #[source]
        source: std::io::Error,
    },
}

impl LabError {
    pub(crate) fn io(context: impl Into<String>, source: std::io::Error) -> Self {
        Self::Io {
            context: context.into(),
            source,
        }
    }
}
