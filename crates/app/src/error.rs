//! The one error type of camsweep's operations. Every error has a [`Category`], which the
//! binary maps to an exit code (`crates/camsweep/src/exit.rs`) and the server will map to an
//! HTTP status (`Category::http_status`), each in one place.
//!
//! Messages never repeat their cause: a variant that wraps an error returns it from
//! `source()` and says only what was being done, so a printed chain names each cause once.

use std::path::PathBuf;

/// What kind of failure, independent of where it happened.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Category {
    /// The input is wrong (a file, a field, an argument): the caller can fix it.
    InvalidInput,
    /// Something named does not exist (a site, a finding, a plan item).
    NotFound,
    /// Another change got there first.
    Conflict,
    /// The register or environment is not in the state the operation needs.
    Precondition,
    /// The caller may not do this.
    Permission,
    /// The caller did not say who it is, or said it with a token that is unknown or revoked.
    Unauthenticated,
    /// The caller tried too often (failed logins); it may try again later.
    TooManyAttempts,
    /// A fault of camsweep or its storage.
    Internal,
}

impl Category {
    /// The HTTP status the server answers with (RFC 9457 problem details carry the message).
    pub fn http_status(self) -> u16 {
        match self {
            Category::InvalidInput => 400,
            Category::NotFound => 404,
            Category::Conflict => 409,
            Category::Precondition => 412,
            Category::Permission => 403,
            Category::Unauthenticated => 401,
            Category::TooManyAttempts => 429,
            Category::Internal => 500,
        }
    }
}

#[derive(Debug, thiserror::Error)]
pub enum AppError {
    #[error("{message}")]
    Invalid { message: String },
    /// Bad input in one named field (a query parameter, a JSON member, an option).
    #[error("{field}: {message}")]
    InvalidField { field: String, message: String },
    #[error("{message}")]
    NotFound { message: String },
    #[error("{message}")]
    Forbidden { message: String },
    #[error("{message}")]
    Unauthenticated { message: String },
    #[error("{message}")]
    TooManyAttempts { message: String },
    #[error("{message}")]
    Precondition { message: String },
    #[error("reading {}", path.display())]
    Read {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    /// `context` says which knowledge base (the embedded one, or a directory).
    #[error("{context}")]
    Kb {
        context: String,
        #[source]
        source: camsweep_kb::KbError,
    },
    /// A configuration file error names the file, and the line and key where it can.
    #[error(transparent)]
    Config(#[from] crate::config::ConfigError),
    /// A credentials file error names the file and entry.
    #[error(transparent)]
    Credentials(#[from] camsweep_scan::CredentialsError),
    #[error("compiling the fingerprint rules")]
    Engine(#[source] camsweep_identify::EngineError),
    #[error("evaluating the policy packs")]
    Policy(#[source] camsweep_policy::PolicyError),
    #[error("{context}")]
    Register {
        context: String,
        #[source]
        source: camsweep_register::RegisterError,
    },
    /// A register error that says itself what was being done.
    #[error(transparent)]
    Store(#[from] camsweep_register::RegisterError),
    /// An observations file that could not be read names itself.
    #[error(transparent)]
    Observations(camsweep_import::ObservationsError),
    #[error(transparent)]
    ScanDocument(#[from] camsweep_import::DocumentError),
    /// The estate file has problems (each located; nothing was changed).
    #[error(transparent)]
    Estate(#[from] camsweep_import::EstateError),
    #[error("starting the async runtime")]
    Runtime(#[source] std::io::Error),
    /// A file or directory operation other than reading an input (`context` names the path).
    #[error("{context}")]
    Io {
        context: String,
        #[source]
        source: std::io::Error,
    },
    #[error("{context}")]
    Lab {
        context: String,
        #[source]
        source: camsweep_lab::LabError,
    },
    #[error("{context}")]
    Scan {
        context: String,
        #[source]
        source: camsweep_scan::ScanError,
    },
    /// A scan that could not start: the scanner's error names the target or setting itself.
    #[error(transparent)]
    ScanStart(#[from] camsweep_scan::ScanError),
    /// A report error names its file, sheet or row itself.
    #[error(transparent)]
    Report(#[from] camsweep_report::ReportError),
    /// A fault of camsweep itself (embedded data that does not load, say).
    #[error("{message}")]
    Internal { message: String },
}

impl AppError {
    pub fn invalid(message: impl Into<String>) -> Self {
        AppError::Invalid {
            message: message.into(),
        }
    }

    pub fn invalid_field(field: impl Into<String>, message: impl Into<String>) -> Self {
        AppError::InvalidField {
            field: field.into(),
            message: message.into(),
        }
    }

    /// The input field the error is about, when it names one.
    pub fn field(&self) -> Option<&str> {
        match self {
            AppError::InvalidField { field, .. } => Some(field),
            AppError::Register { source, .. } | AppError::Store(source) => match source {
                camsweep_register::RegisterError::Invalid { field, .. } => Some(field),
                _ => None,
            },
            _ => None,
        }
    }

    pub fn precondition(message: impl Into<String>) -> Self {
        AppError::Precondition {
            message: message.into(),
        }
    }

    pub fn not_found(message: impl Into<String>) -> Self {
        AppError::NotFound {
            message: message.into(),
        }
    }

    pub fn internal(message: impl Into<String>) -> Self {
        AppError::Internal {
            message: message.into(),
        }
    }

    /// Wraps an I/O error with what was being done.
    pub fn io(context: impl Into<String>) -> impl FnOnce(std::io::Error) -> Self {
        let context = context.into();
        move |source| AppError::Io { context, source }
    }

    /// Wraps a lab error with what was being done.
    pub fn lab(context: impl Into<String>) -> impl FnOnce(camsweep_lab::LabError) -> Self {
        let context = context.into();
        move |source| AppError::Lab { context, source }
    }

    /// Wraps a register error with what was being done.
    pub fn register(
        context: impl Into<String>,
    ) -> impl FnOnce(camsweep_register::RegisterError) -> Self {
        let context = context.into();
        move |source| AppError::Register { context, source }
    }

    pub fn category(&self) -> Category {
        use camsweep_lab::LabError as L;
        use camsweep_register::RegisterError as R;
        use camsweep_report::ReportError as P;
        use camsweep_scan::ScanError as S;
        let io = |source: &std::io::Error| match source.kind() {
            std::io::ErrorKind::NotFound => Category::NotFound,
            std::io::ErrorKind::PermissionDenied => Category::Permission,
            _ => Category::InvalidInput,
        };
        match self {
            AppError::Invalid { .. }
            | AppError::InvalidField { .. }
            | AppError::Observations(_) => Category::InvalidInput,
            AppError::Forbidden { .. } => Category::Permission,
            AppError::Unauthenticated { .. } => Category::Unauthenticated,
            AppError::TooManyAttempts { .. } => Category::TooManyAttempts,
            AppError::ScanDocument(camsweep_import::DocumentError::Read { source, .. }) => {
                io(source)
            }
            AppError::ScanDocument(_) | AppError::Estate(_) => Category::InvalidInput,
            AppError::NotFound { .. } => Category::NotFound,
            AppError::Precondition { .. } => Category::Precondition,
            AppError::Read { source, .. } | AppError::Io { source, .. } => io(source),
            AppError::Kb { .. } | AppError::Credentials(_) => Category::InvalidInput,
            AppError::Config(crate::config::ConfigError::Read { source, .. }) => io(source),
            AppError::Config(_) => Category::InvalidInput,
            AppError::Register { source, .. } | AppError::Store(source) => match source {
                R::Invalid { .. } => Category::InvalidInput,
                R::NotFound { .. } => Category::NotFound,
                R::RemovalsRefused { .. } | R::Busy { .. } => Category::Precondition,
                R::Open { .. } | R::OpenFile { .. } => Category::Precondition,
                _ => Category::Internal,
            },
            AppError::Lab { source, .. } => match source {
                L::Bind { .. } | L::AddressTaken { .. } | L::TooManySockets { .. } => {
                    Category::Precondition
                }
                L::Netns { .. } | L::Io { .. } => Category::Precondition,
                L::Profile { .. } | L::Certificate { .. } => Category::Internal,
                _ => Category::InvalidInput,
            },
            AppError::Scan { source, .. } | AppError::ScanStart(source) => match source {
                S::Targets(_) | S::Config(_) => Category::InvalidInput,
                S::UdpSocket(_) => Category::Precondition,
                S::Tls(_) => Category::Internal,
            },
            AppError::Report(source) => match source {
                P::UnknownFormat(_) | P::TooManyRows { .. } => Category::InvalidInput,
                P::CreateDir { source, .. } | P::Write { source, .. } => io(source),
                _ => Category::Internal,
            },
            AppError::Engine(_)
            | AppError::Policy(_)
            | AppError::Runtime(_)
            | AppError::Internal { .. } => Category::Internal,
        }
    }
}

impl From<camsweep_kb::KbError> for AppError {
    fn from(source: camsweep_kb::KbError) -> Self {
        AppError::Kb {
            context: "loading the knowledge base".into(),
            source,
        }
    }
}

impl From<camsweep_policy::PolicyError> for AppError {
    fn from(e: camsweep_policy::PolicyError) -> Self {
        AppError::Policy(e)
    }
}

impl From<camsweep_identify::EngineError> for AppError {
    fn from(e: camsweep_identify::EngineError) -> Self {
        AppError::Engine(e)
    }
}

/// An error and its causes, `a: b: c`, each cause once: a cause whose text the one before it
/// already holds is left out (sqlx's database error repeats its source's text, so a failed
/// register open printed "unable to open database file" twice). The CLI prints it; a server's
/// problem details carry it.
pub fn causes_once(err: &(dyn std::error::Error + 'static)) -> String {
    let mut parts: Vec<String> = Vec::new();
    let mut cause = Some(err);
    while let Some(current) = cause {
        let text = current.to_string();
        if !text.is_empty() && !parts.last().is_some_and(|last| last.contains(&text)) {
            parts.push(text);
        }
        cause = current.source();
    }
    parts.join(": ")
}

#[cfg(test)]
mod causes_tests {
    use super::causes_once;

    #[derive(Debug)]
    struct Layer(&'static str, Option<Box<Layer>>);

    impl std::fmt::Display for Layer {
        fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
            f.write_str(self.0)
        }
    }

    impl std::error::Error for Layer {
        fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
            self.1.as_deref().map(|l| l as _)
        }
    }

    /// Regression: opening a register in a missing directory printed sqlx's cause twice.
    #[test]
    fn each_cause_is_given_once() {
        let err = Layer(
            "cannot open the register at x.db",
            Some(Box::new(Layer(
                "error returned from database: (code: 14) unable to open database file",
                Some(Box::new(Layer(
                    "(code: 14) unable to open database file",
                    None,
                ))),
            ))),
        );
        assert_eq!(
            causes_once(&err),
            "cannot open the register at x.db: error returned from database: (code: 14) unable \
             to open database file"
        );
        let plain = Layer("one", Some(Box::new(Layer("two", None))));
        assert_eq!(causes_once(&plain), "one: two");
    }
}
