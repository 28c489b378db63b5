//! Typed errors of the register.

/// Errors of register operations.
#[derive(Debug, thiserror::Error)]
pub enum RegisterError {
    #[error("cannot open the register at {target}")]
    Open {
        target: String,
        #[source]
        source: sqlx::Error,
    },
    /// The file system says why a SQLite register cannot be opened.
    #[error("cannot open the register at {target}: {reason}")]
    OpenFile { target: String, reason: String },
    #[error("migrating the register failed")]
    Migrate(#[from] sqlx::migrate::MigrateError),
    #[error("register query failed while {context}")]
    Query {
        context: &'static str,
        #[source]
        source: sqlx::Error,
    },
    #[error("corrupt register row in {table} (id {id}), field {field}: {message}")]
    CorruptRow {
        table: &'static str,
        id: String,
        field: &'static str,
        message: String,
    },
    /// An estate import would delete sites or networks that still hold devices, and removals
    /// were not allowed. Nothing was changed.
    #[error(
        "the estate file would remove {}; their devices would become unplaced and their findings \
         change. Nothing was changed; pass --allow-removals to apply it",
        removals.iter().map(ToString::to_string).collect::<Vec<_>>().join(", ")
    )]
    RemovalsRefused {
        removals: Vec<camsweep_model::estate::Removal>,
    },
    /// A SQLite register's write lock stayed taken for the whole wait (see `LockWait`).
    /// Nothing was written.
    #[error(
        "the register is busy: {holder}; gave up after {waited_secs} s. Nothing was written; run \
         the command again once that writer has finished"
    )]
    Busy { holder: String, waited_secs: u64 },
    #[error("{what} {id:?} not found in the register")]
    NotFound { what: &'static str, id: String },
    #[error("invalid input: {field}: {message}")]
    Invalid { field: String, message: String },
    #[error("{file}:{line}: {message}")]
    Input {
        file: String,
        line: usize,
        message: String,
    },
}

/// Adds "while ..." context to sqlx errors.
pub(crate) trait QueryContext<T> {
    fn during(self, context: &'static str) -> Result<T, RegisterError>;
}

impl<T> QueryContext<T> for Result<T, sqlx::Error> {
    fn during(self, context: &'static str) -> Result<T, RegisterError> {
        self.map_err(|source| RegisterError::Query { context, source })
    }
}
