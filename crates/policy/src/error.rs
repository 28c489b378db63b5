//! Typed errors naming the pack and the file at fault.

use std::path::PathBuf;

/// Everything that can go wrong loading or evaluating policy packs.
#[derive(Debug, thiserror::Error)]
pub enum PolicyError {
    #[error("pack {pack}: cannot read {file}")]
    Io {
        pack: String,
        file: PathBuf,
        #[source]
        source: std::io::Error,
    },
    #[error("pack {pack}: {file}: {message}")]
    Metadata {
        pack: String,
        file: String,
        message: String,
    },
    #[error("pack {pack}: {file}: Rego does not compile: {message}")]
    Rego {
        pack: String,
        file: String,
        message: String,
    },
    #[error("pack {pack}: {file}: evaluation failed for device {device}: {message}")]
    Eval {
        pack: String,
        file: String,
        device: String,
        message: String,
    },
    #[error(
        "pack {pack}: {file}: evaluation exceeded its time limit of {limit_ms} ms for device {device} \
         (does a rule loop or recurse without bound?)"
    )]
    Timeout {
        pack: String,
        file: String,
        device: String,
        limit_ms: u128,
    },
    #[error("pack {pack}: {file}: rule `findings` produced {message}")]
    BadFinding {
        pack: String,
        file: String,
        message: String,
    },
    #[error("pack {pack} is defined twice ({first} and {second})")]
    DuplicatePack {
        pack: String,
        first: String,
        second: String,
    },
    #[error("unknown policy pack {pack:?} (known: {known})")]
    UnknownPack { pack: String, known: String },
    #[error("device {device}: field {field}: {message}")]
    InvalidInput {
        device: String,
        field: String,
        message: String,
    },
}
