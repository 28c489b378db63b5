//! Helpers for the tests that build network namespaces (the lab's netns mode): whether they
//! can run here, unique names, what the kernel holds. Needs root and `ip` (iproute2); without
//! them a test prints why and passes, unless `CAMSWEEP_REQUIRE_NETNS=1` (CI) makes it fail.

use std::io::Write;
use std::path::Path;
use std::time::{Duration, Instant};

use camsweep_lab::{LabOptions, netns};

/// Netns tests build and tear down kernel objects: one at a time keeps them fast and clear.
pub static NETNS_LOCK: tokio::sync::Mutex<()> = tokio::sync::Mutex::const_new(());

/// Whether netns tests can run here; prints why not, or fails when CI requires them.
pub fn netns_usable(test: &str) -> bool {
    match netns::available() {
        Ok(()) => true,
        Err(why) => {
            let required = std::env::var("CAMSWEEP_REQUIRE_NETNS").is_ok_and(|v| v == "1");
            assert!(
                !required,
                "{test}: CAMSWEEP_REQUIRE_NETNS=1 but netns mode cannot run: {why}"
            );
            // Straight to stderr, not `eprintln!`: the test harness would capture and hide it.
            let _ = writeln!(
                std::io::stderr(),
                "SKIPPED {test}: {why} (set CAMSWEEP_REQUIRE_NETNS=1 to make this fail)"
            );
            false
        }
    }
}

/// A lab name unique to this test process.
pub fn lab_name(tag: &str) -> String {
    format!("t{}-{tag}", std::process::id())
}

pub fn namespace_exists(name: &str) -> bool {
    Path::new("/run/netns")
        .join(netns::namespace_name(name))
        .exists()
}

pub fn owner_file(name: &str) -> std::path::PathBuf {
    Path::new(netns::RUN_DIR).join(format!("{}.pid", netns::namespace_name(name)))
}

pub async fn wait_until(what: &str, mut ok: impl FnMut() -> bool) {
    let deadline = Instant::now() + Duration::from_secs(20);
    while !ok() {
        assert!(Instant::now() < deadline, "timed out waiting until {what}");
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

pub fn netns_options(name: &str) -> LabOptions {
    LabOptions {
        netns: Some(name.to_owned()),
        ..LabOptions::default()
    }
}
