//! Typed errors of the register.

use std::fmt;

/// One problem in an estate file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EstateIssue {
    pub file: String,
    /// 1-based line; 0 when unknown.
    pub line: usize,
    /// Dotted path of the field, e.g. `network[1].cidrs[0]`.
    pub field: String,
    pub message: String,
}

impl fmt::Display for EstateIssue {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.field.is_empty() {
            write!(f, "{}:{}: {}", self.file, self.line, self.message)
        } else {
            write!(
                f,
                "{}:{}: {}: {}",
                self.file, self.line, self.field, self.message
            )
        }
    }
}

/// Every problem found in an estate file (validation does not stop at the first).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub struct EstateError {
    pub issues: Vec<EstateIssue>,
}

impl fmt::Display for EstateError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "the estate file has {} error(s):", self.issues.len())?;
        for issue in &self.issues {
            write!(f, "\n  {issue}")?;
        }
        Ok(())
    }
}

/// Errors of register operations.
#[derive(Debug, thiserror::Error)]
pub enum RegisterError {
    #[error(transparent)]
    Estate(#[from] EstateError),
    #[error("cannot open the register at {target}")]
    Open {
        target: String,
        #[source]
        source: sqlx::Error,
    },
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
        removals: Vec<crate::estate::Removal>,
    },
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
