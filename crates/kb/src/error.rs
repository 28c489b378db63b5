/// Why a knowledge base could not be loaded. Each variant names the file and, where it can, the
/// line and field, so that a maintainer of a KB override can find the mistake.
#[derive(Debug, thiserror::Error)]
pub enum KbError {
    #[error("cannot read {path}")]
    Io {
        path: String,
        source: std::io::Error,
    },
    #[error("{file}:{line}: {message}")]
    Syntax {
        file: String,
        line: usize,
        message: String,
    },
    /// A mistake in one entry, located by line and field (e.g. `vendor.parent`).
    #[error("{file}:{line}: {field}: {message}")]
    Entry {
        file: String,
        line: usize,
        field: String,
        message: String,
    },
    #[error("{file}: {field}: {message}")]
    Invalid {
        file: String,
        field: String,
        message: String,
    },
}
