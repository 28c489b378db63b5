//! The lab binary in netns mode: a `camsweep lab --netns` killed with SIGKILL leaves its
//! namespace behind, and the next lab start (any name, or the same one) cleans it up. The
//! in-process netns tests are in `tests/netns.rs`.

use std::io::{BufRead, BufReader};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use camsweep_lab::{DeviceSpec, Lab, LabSpec, netns};
use camsweep_tests::netns::{
    NETNS_LOCK, lab_name, namespace_exists, netns_options, netns_usable, owner_file, wait_until,
};

/// Waits for the `lab ready:` line of a `camsweep lab` child.
fn wait_ready(child: &mut std::process::Child) -> String {
    let stdout = child.stdout.take().expect("piped stdout");
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        for line in BufReader::new(stdout).lines().map_while(Result::ok) {
            if tx.send(line).is_err() {
                break;
            }
        }
    });
    let deadline = Instant::now() + Duration::from_secs(60);
    loop {
        let left = deadline.saturating_duration_since(Instant::now());
        match rx.recv_timeout(left) {
            Ok(line) if line.starts_with("lab ready:") => return line,
            Ok(_) => continue,
            Err(e) => panic!("no `lab ready:` line from camsweep lab: {e}"),
        }
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_lab_killed_with_sigkill_is_cleaned_up_by_the_next_start() {
    if !netns_usable("a_lab_killed_with_sigkill") {
        return;
    }
    let _guard = NETNS_LOCK.lock().await;
    let killed = lab_name("killed");
    let mut child = Command::new(env!("CARGO_BIN_EXE_camsweep"))
        .args(["lab", "--devices", "4", "--netns", &killed])
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("camsweep lab starts");
    let ready = wait_ready(&mut child);
    assert!(ready.contains(&netns::namespace_name(&killed)), "{ready}");
    child.kill().expect("SIGKILL"); // SIGKILL: no cleanup runs
    // Not reaped yet on purpose: a zombie owner counts as dead.
    wait_until("the killed lab is a zombie", || {
        std::fs::read_to_string(format!("/proc/{}/stat", child.id()))
            .map(|s| s.contains(") Z "))
            .unwrap_or(true)
    })
    .await;
    assert!(
        namespace_exists(&killed),
        "SIGKILL leaves the namespace behind"
    );
    assert!(owner_file(&killed).exists());

    // The next start of any lab removes it.
    let other = lab_name("next");
    let lab = Lab::start(
        LabSpec {
            devices: vec![DeviceSpec::new("10.213.9.1".parse().unwrap(), "ssh-linux")],
        },
        netns_options(&other),
    )
    .await
    .expect("the next lab starts");
    assert!(!namespace_exists(&killed), "the stale namespace is removed");
    assert!(!owner_file(&killed).exists());
    let _ = child.wait();
    lab.shutdown().await;

    // The same name again, after another SIGKILL: reclaimed.
    let mut child = Command::new(env!("CARGO_BIN_EXE_camsweep"))
        .args(["lab", "--devices", "2", "--netns", &killed])
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    wait_ready(&mut child);
    child.kill().unwrap();
    let _ = child.wait();
    let lab = Lab::start(
        LabSpec {
            devices: vec![DeviceSpec::new("10.213.9.1".parse().unwrap(), "ssh-linux")],
        },
        netns_options(&killed),
    )
    .await
    .expect("a stale namespace of the same name is reclaimed");
    let owner = std::fs::read_to_string(owner_file(&killed)).unwrap();
    assert!(
        owner.starts_with(&format!("{} ", std::process::id())),
        "{owner}"
    );
    // A name in use by a live lab is refused, naming the owner.
    let clash = Lab::start(
        LabSpec {
            devices: vec![DeviceSpec::new("10.213.9.2".parse().unwrap(), "ssh-linux")],
        },
        netns_options(&killed),
    )
    .await;
    let err = clash
        .err()
        .expect("a second lab may not take a live namespace");
    assert!(err.to_string().contains("in use"), "{err}");
    lab.shutdown().await;
    assert!(!namespace_exists(&killed));
}
