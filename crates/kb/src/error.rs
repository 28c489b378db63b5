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

/// Deserialises a TOML file; a syntax or shape error names `file` and the line.
pub(crate) fn parse_toml<T: serde::de::DeserializeOwned>(
    text: &str,
    file: &str,
) -> Result<T, KbError> {
    toml::from_str(text).map_err(|err| KbError::Syntax {
        file: file.to_owned(),
        line: err
            .span()
            .map_or(0, |span| crate::line_of(text, span.start)),
        message: err.message().trim().to_owned(),
    })
}

/// A mistake in one entry of `file`, located by the entry's span in `text`.
pub(crate) fn entry_error(
    text: &str,
    file: &str,
    span: std::ops::Range<usize>,
    field: &str,
    message: String,
) -> KbError {
    KbError::Entry {
        file: file.to_owned(),
        line: crate::line_of(text, span.start),
        field: field.to_owned(),
        message,
    }
}

/// Checks a file's `schema_version` against the one this build reads.
pub(crate) fn check_schema(
    text: &str,
    file: &str,
    version: &toml::Spanned<u32>,
    supported: u32,
) -> Result<(), KbError> {
    if *version.get_ref() == supported {
        return Ok(());
    }
    Err(entry_error(
        text,
        file,
        version.span(),
        "schema_version",
        format!(
            "schema version {} is not supported (this build reads {supported})",
            version.get_ref()
        ),
    ))
}
