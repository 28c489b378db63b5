//! The one error type of the crate.

use std::fmt;

/// Why an observation could not be parsed.
///
/// Every variant names `what` was being parsed (a protocol or message name such as
/// `"http.response"` or `"ISAPI DeviceInfo"`) and, where the parser knows it, the byte offset in
/// the input at which it gave up.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum ParseError {
    /// The input is bigger than the parser accepts (hostile or runaway input).
    #[error("{what}: input of {len} bytes exceeds the limit of {limit} bytes")]
    TooLarge {
        /// What was being parsed.
        what: &'static str,
        /// Input length in bytes.
        len: usize,
        /// The limit in bytes.
        limit: usize,
    },
    /// The input does not have the expected structure.
    #[error("{what}: expected {expected}{}", Offset(*.offset))]
    Malformed {
        /// What was being parsed.
        what: &'static str,
        /// What the parser expected to find.
        expected: &'static str,
        /// Byte offset in the input, where known.
        offset: Option<usize>,
    },
    /// A structural limit (XML depth, element count, header count...) was exceeded.
    #[error("{what}: more than {limit} {limit_name}{}", Offset(*.offset))]
    LimitExceeded {
        /// What was being parsed.
        what: &'static str,
        /// Which limit, e.g. `"XML nesting levels"`.
        limit_name: &'static str,
        /// The limit.
        limit: usize,
        /// Byte offset in the input, where known.
        offset: Option<usize>,
    },
    /// The XML reader rejected the input.
    #[error("{what}: malformed XML{}: {message}", Offset(Some(*.offset)))]
    Xml {
        /// What was being parsed.
        what: &'static str,
        /// Byte offset of the error.
        offset: usize,
        /// The reader's message.
        message: String,
    },
    /// The JSON reader rejected the input.
    #[error("{what}: malformed JSON at line {line} column {column}: {message}")]
    Json {
        /// What was being parsed.
        what: &'static str,
        /// 1-based line.
        line: usize,
        /// 1-based column.
        column: usize,
        /// The reader's message.
        message: String,
    },
    /// The certificate could not be decoded.
    #[error("{what}: {message}")]
    Certificate {
        /// What was being parsed (`"tls.cert"`).
        what: &'static str,
        /// The decoder's message.
        message: String,
    },
}

impl ParseError {
    pub(crate) fn malformed(what: &'static str, expected: &'static str, offset: usize) -> Self {
        Self::Malformed {
            what,
            expected,
            offset: Some(offset),
        }
    }

    pub(crate) fn json(what: &'static str, err: &serde_json::Error) -> Self {
        Self::Json {
            what,
            line: err.line(),
            column: err.column(),
            message: err.to_string(),
        }
    }
}

/// Formats an optional offset as ` at byte N` (or nothing).
struct Offset(Option<usize>);

impl fmt::Display for Offset {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.0 {
            Some(offset) => write!(f, " at byte {offset}"),
            None => Ok(()),
        }
    }
}

/// Rejects input longer than `limit` bytes.
pub(crate) fn check_len(what: &'static str, input: &[u8], limit: usize) -> Result<(), ParseError> {
    if input.len() > limit {
        Err(ParseError::TooLarge {
            what,
            len: input.len(),
            limit,
        })
    } else {
        Ok(())
    }
}
