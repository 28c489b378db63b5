//! The binary's behaviour at the terminal and in pipes.

use std::process::{Command, Stdio};

/// Regression (issue 10): `camsweep ... | head -1` used to panic (exit 101) once `head` closed
/// the pipe; a closed stdout now ends the command quietly with exit 0.
#[test]
fn a_closed_pipe_ends_the_command_quietly_with_exit_0() {
    let mut child = Command::new(camsweep_tests::camsweep_binary())
        .args(["lab", "--list-profiles"])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("run camsweep");
    // Close the reading end before the child writes: its first write meets EPIPE.
    drop(child.stdout.take());
    let output = child.wait_with_output().expect("wait for camsweep");
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(0), "stderr: {stderr}");
    assert!(!stderr.contains("panicked"), "{stderr}");
}
