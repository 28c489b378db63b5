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
///
/// Integration tests live in their own package, so `cargo test --workspace` does not build the
/// binary for them (Cargo only builds a package's binaries for that package's own tests). The
/// first call in a test process therefore runs `cargo build -p camsweep --bin camsweep` with the
/// same profile and target directory; later calls reuse it. Cargo has released its build lock by
/// the time tests run, so this does not deadlock; an up-to-date binary costs one no-op build.
/// Regression: CI on a clean checkout failed seven tests with "target/debug/camsweep is missing".
pub fn camsweep_binary() -> PathBuf {
    static BUILT: std::sync::OnceLock<Result<PathBuf, String>> = std::sync::OnceLock::new();
    match BUILT.get_or_init(build_camsweep_binary) {
        Ok(path) => path.clone(),
        Err(why) => panic!("{why}"),
    }
}

fn build_camsweep_binary() -> Result<PathBuf, String> {
    let exe =
        std::env::current_exe().map_err(|e| format!("the test executable has no path: {e}"))?;
    // target/<profile>/deps/integration-HASH -> target/<profile>/camsweep
    let profile_dir = exe
        .parent()
        .and_then(|deps| deps.parent())
        .ok_or_else(|| format!("{} is not in target/<profile>/deps", exe.display()))?;
    let target_dir = profile_dir
        .parent()
        .ok_or_else(|| format!("{} has no target directory", profile_dir.display()))?;
    let profile = match profile_dir.file_name().and_then(|n| n.to_str()) {
        Some("debug") | None => "dev".to_string(),
        Some(other) => other.to_string(),
    };
    let binary = profile_dir.join(format!("camsweep{}", std::env::consts::EXE_SUFFIX));
    // `CARGO` is set by Cargo for the processes it runs; fall back to the one on PATH.
    let cargo = std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into());
    let output = std::process::Command::new(&cargo)
        .current_dir(repo_root())
        .args([
            "build",
            "--quiet",
            "-p",
            "camsweep",
            "--bin",
            "camsweep",
            "--profile",
        ])
        .arg(&profile)
        .arg("--target-dir")
        .arg(target_dir)
        .output()
        .map_err(|e| format!("could not run {cargo:?} to build the camsweep binary: {e}"))?;
    if !output.status.success() {
        return Err(format!(
            "`cargo build -p camsweep --profile {profile}` failed ({}):\n{}",
            output.status,
            String::from_utf8_lossy(&output.stderr)
        ));
    }
    if !binary.exists() {
        return Err(format!(
            "{} is missing after `cargo build -p camsweep`",
            binary.display()
        ));
    }
    Ok(binary)
}
