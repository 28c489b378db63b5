//! Shared helpers for the integration tests: paths to fixtures, the built binary, the corpus.

use std::path::PathBuf;

/// The repository root.
pub fn repo_root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("tests/ has a parent")
        .to_path_buf()
}

/// `../shared` beside the repository, where the development corpus lives.
pub fn shared_dir() -> PathBuf {
    repo_root()
        .parent()
        .expect("repo has a parent")
        .join("shared")
}

/// The `camsweep` binary of the profile these tests were built with (`target/<profile>/camsweep`).
/// Integration tests live in their own package, so Cargo does not build it for them: run
/// `cargo build -p camsweep` first (CI does). Panics with that advice when it is missing.
pub fn camsweep_binary() -> PathBuf {
    let exe = std::env::current_exe().expect("the test executable has a path");
    // target/<profile>/deps/integration-HASH -> target/<profile>/camsweep
    let profile_dir = exe
        .parent()
        .and_then(|deps| deps.parent())
        .expect("tests run from target/<profile>/deps");
    let binary = profile_dir.join(format!("camsweep{}", std::env::consts::EXE_SUFFIX));
    assert!(
        binary.exists(),
        "{} is missing: run `cargo build -p camsweep` before these tests",
        binary.display()
    );
    binary
}
