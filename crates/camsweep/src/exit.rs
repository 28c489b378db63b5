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
/// `serde_json::Error` whose `source()` skips the I/O error, so that kind is asked directly
/// (regression test: `cli::a_closed_pipe_ends_the_command_quietly_with_exit_0`).
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
