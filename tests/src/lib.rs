//! Shared helpers for the integration tests (`tests/`) and the CLI tests beside the binary
//! (`crates/camsweep/tests/`): paths, the register backends under test, reading reports back,
//! network-namespace checks.

pub mod backends;
pub mod netns;
pub mod reports;

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
