//! The binary's behaviour at the terminal and in pipes.

use std::process::{Command, Stdio};

/// Regression (issue 10): `camsweep ... | head -1` used to panic (exit 101) once `head` closed
/// the pipe; a closed stdout now ends the command quietly with exit 0.
#[test]
fn a_closed_pipe_ends_the_command_quietly_with_exit_0() {
    // Regression: `identify`'s JSON output failed with a serde_json error that hides the I/O
    // error from the chain, so `camsweep identify FILE | head -1` exited 2 "Broken pipe".
    let dir = tempfile::tempdir().unwrap();
    let observations = dir.path().join("obs.jsonl");
    let line = "{\"device\":\"d\",\"kind\":\"http.server\",\"value\":\"App-webs/\"}\n";
    let many: String = (0..20_000)
        .map(|i| line.replace("\"d\"", &format!("\"d{i}\"")))
        .collect();
    std::fs::write(&observations, many).unwrap();
    let observations = observations.display().to_string();
    for args in [
        vec!["lab", "--list-profiles"],
        vec!["identify", observations.as_str()],
    ] {
        let mut child = Command::new(env!("CARGO_BIN_EXE_camsweep"))
            .args(&args)
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("run camsweep");
        // Close the reading end before the child writes: its first write meets EPIPE.
        drop(child.stdout.take());
        let output = child.wait_with_output().expect("wait for camsweep");
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert_eq!(output.status.code(), Some(0), "{args:?}: stderr: {stderr}");
        assert!(!stderr.contains("panicked"), "{stderr}");
    }
}

/// `camsweep kb`'s text reports (moved from a unit test of the binary's renderers).
#[test]
fn kb_reports_name_sizes_lists_sources_and_makers() {
    let kb = |args: &[&str]| {
        let output = Command::new(env!("CARGO_BIN_EXE_camsweep"))
            .arg("kb")
            .args(args)
            .output()
            .expect("run camsweep");
        assert_eq!(output.status.code(), Some(0), "kb {args:?}");
        String::from_utf8_lossy(&output.stdout).into_owned()
    };
    let plain = kb(&["show"]);
    assert!(
        plain.contains("MAC prefixes:      46521 (IEEE registry of 2022-08-27)"),
        "{plain}"
    );
    assert!(plain.contains("list ndaa-889"), "{plain}");
    let plain = kb(&["vendor", "dahua"]);
    assert!(
        plain.contains("subject to PRC National Intelligence Law: yes"),
        "{plain}"
    );
    assert!(
        plain.contains("on list fcc-covered since 2021-03-12"),
        "{plain}"
    );
    assert!(plain.contains("NOT verified:"), "{plain}");
    let plain = kb(&["mac", "44:47:cc:00:00:01"]);
    assert!(
        plain.contains("44:47:CC/24 registered to Hangzhou Hikvision"),
        "{plain}"
    );
    assert!(plain.contains("vendor: hikvision"), "{plain}");
    let plain = kb(&["brand", "Lorex"]);
    assert!(plain.contains("Lorex relabel of dahua"), "{plain}");
    assert!(plain.contains("high confidence"), "{plain}");
    assert!(kb(&["brand", "Nonesuch"]).contains("unknown brand"));
}
