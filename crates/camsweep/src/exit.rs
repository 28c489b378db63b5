//! The one place where outcomes and errors become process exit codes.

use std::process::ExitCode;

/// How a subcommand that did not fail ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    /// Everything asked was done.
    Done,
    /// Done, but some input was skipped (malformed lines, unreadable rows); each was reported.
    Partial,
    /// A gate said no (`camsweep check`: deployment denied).
    Denied,
}

/// Exit codes, documented in README.md:
/// 0 done; 1 denied by a gate; 2 error; 3 done with some input skipped.
pub fn code(result: &anyhow::Result<Outcome>) -> ExitCode {
    match result {
        Ok(Outcome::Done) => ExitCode::from(0),
        Ok(Outcome::Denied) => ExitCode::from(1),
        Ok(Outcome::Partial) => ExitCode::from(3),
        Err(err) if is_broken_pipe(err) => ExitCode::from(0),
        Err(_) => ExitCode::from(2),
    }
}

/// A closed stdout (`camsweep identify | head`) is not an error. JSON output fails with a
/// `serde_json::Error` whose `source()` skips the I/O error, so that kind is asked directly.
pub fn is_broken_pipe(err: &anyhow::Error) -> bool {
    use std::io::ErrorKind::BrokenPipe;
    err.chain().any(|cause| {
        cause
            .downcast_ref::<std::io::Error>()
            .is_some_and(|io| io.kind() == BrokenPipe)
            || cause
                .downcast_ref::<serde_json::Error>()
                .is_some_and(|json| json.io_error_kind() == Some(BrokenPipe))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Regression: `camsweep identify FILE | head -1` exited 2 with "Broken pipe": the JSON
    /// writer's error hid the I/O error from the chain.
    #[test]
    fn a_closed_pipe_under_a_json_writer_is_not_an_error() {
        struct Closed;
        impl std::io::Write for Closed {
            fn write(&mut self, _: &[u8]) -> std::io::Result<usize> {
                Err(std::io::ErrorKind::BrokenPipe.into())
            }
            fn flush(&mut self) -> std::io::Result<()> {
                Ok(())
            }
        }
        let json = serde_json::to_writer(Closed, &"x").unwrap_err();
        assert!(is_broken_pipe(&anyhow::Error::from(json)));
        let io = std::io::Error::from(std::io::ErrorKind::BrokenPipe);
        assert!(is_broken_pipe(&anyhow::Error::from(io)));
        let other = std::io::Error::from(std::io::ErrorKind::NotFound);
        assert!(!is_broken_pipe(&anyhow::Error::from(other)));
    }
}
