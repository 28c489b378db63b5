//! The configuration file through the real binary: its register and actor reach the register
//! commands, a flag still beats it, and a bad file stops everything with file and line (exit 2).

use std::process::Command;

use crate::register_cli::ESTATE;

fn camsweep(args: &[&str]) -> (i32, String, String) {
    let output = Command::new(env!("CARGO_BIN_EXE_camsweep"))
        .args(args)
        .env_remove("CAMSWEEP_DB")
        .env_remove("CAMSWEEP_ACTOR")
        .env_remove("CAMSWEEP_CONFIG")
        .env_remove("CAMSWEEP_KB")
        .output()
        .expect("run camsweep");
    (
        output.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&output.stdout).into_owned(),
        String::from_utf8_lossy(&output.stderr).into_owned(),
    )
}

#[test]
fn the_files_register_and_actor_are_used_and_a_flag_still_wins() {
    let dir = tempfile::tempdir().expect("temp dir");
    let config = dir.path().join("camsweep.toml");
    // A relative register path is taken from the file's directory, not the current one.
    std::fs::write(
        &config,
        "db = \"from-config.sqlite\"\nactor = \"config-actor\"\n",
    )
    .expect("write config");
    let estate = dir.path().join("estate.toml");
    std::fs::write(&estate, ESTATE).expect("write estate");
    let config = config.display().to_string();
    let estate = estate.display().to_string();

    let (code, out, err) = camsweep(&["--config", &config, "estate", "import", &estate]);
    assert_eq!(code, 0, "estate import: {out}\n{err}");
    assert!(
        dir.path().join("from-config.sqlite").exists(),
        "the file's register was created"
    );

    let (code, out, err) = camsweep(&["estate", "show", "--config", &config, "--format", "json"]);
    assert_eq!(code, 0, "estate show: {out}\n{err}");
    assert!(out.contains("hq-core"), "{out}");

    // --db on the command line beats the file: that register is empty.
    let other = dir.path().join("flag.sqlite").display().to_string();
    let (code, out, err) = camsweep(&["--config", &config, "estate", "show", "--db", &other]);
    assert_eq!(code, 0, "estate show --db: {out}\n{err}");
    assert!(!out.contains("hq-core"), "{out}");

    // The history records the file's actor.
    let db = dir.path().join("from-config.sqlite").display().to_string();
    let history = tokio::runtime::Runtime::new()
        .expect("runtime")
        .block_on(async {
            let register = camsweep_register::Register::open(&db).await?;
            let history = register.history(None).await;
            register.close().await;
            history
        })
        .expect("read the history");
    assert!(!history.is_empty(), "estate import wrote history");
    assert!(
        history.iter().all(|h| h.actor == "config-actor"),
        "{:?}",
        history.iter().map(|h| &h.actor).collect::<Vec<_>>()
    );
}

#[test]
fn a_bad_file_is_refused_with_its_path_and_line_before_anything_runs() {
    let dir = tempfile::tempdir().expect("temp dir");
    let config = dir.path().join("bad.toml");
    std::fs::write(&config, "db = \"r.sqlite\"\n\n[scan]\nrat = 5\n").expect("write");
    let config = config.display().to_string();
    let (code, out, err) = camsweep(&["--config", &config, "evaluate"]);
    assert_eq!(code, 2, "{out}\n{err}");
    assert!(
        err.contains("bad.toml") && err.contains("line 4") && err.contains("rat"),
        "{err}"
    );
    assert!(!dir.path().join("r.sqlite").exists(), "nothing ran");

    let (code, _, err) = camsweep(&[
        "--config",
        &dir.path().join("missing.toml").display().to_string(),
        "kb",
        "show",
    ]);
    assert_eq!(code, 2, "{err}");
    assert!(err.contains("missing.toml"), "{err}");
}

/// Issue 11: the input size limit is configurable, in the file (`[input]`) and by flag, and
/// the same for `identify` and `ingest`: a line over it is refused naming the limit.
#[test]
fn the_input_line_limit_comes_from_the_file_or_the_flag_for_identify_and_ingest() {
    let dir = tempfile::tempdir().expect("temp dir");
    let observations = dir.path().join("obs.jsonl");
    let line = format!(
        "{{\"address\":\"127.0.0.1\",\"kind\":\"http.server\",\"value\":\"{}\"}}\n",
        "x".repeat(300)
    );
    std::fs::write(&observations, &line).expect("write observations");
    let observations = observations.display().to_string();
    let config = dir.path().join("camsweep.toml");
    std::fs::write(&config, "[input]\nmax_line_bytes = 200\n").expect("write config");
    let config = config.display().to_string();
    let db = dir.path().join("r.sqlite").display().to_string();

    // Built-in limit (4 MiB): the line is read.
    let (code, out, err) = camsweep(&["identify", &observations]);
    assert_eq!(code, 0, "{out}\n{err}");
    // The file's limit.
    let (code, _, err) = camsweep(&["--config", &config, "identify", &observations]);
    assert_eq!(code, 3, "{err}");
    assert!(err.contains("line longer than 200 bytes"), "{err}");
    let (code, _, err) = camsweep(&["--config", &config, "ingest", &observations, "--db", &db]);
    assert_eq!(code, 2, "{err}");
    assert!(err.contains("line longer than 200 bytes"), "{err}");
    // A flag beats the file.
    let (code, out, err) = camsweep(&[
        "--config",
        &config,
        "identify",
        &observations,
        "--max-line-bytes",
        "1000",
    ]);
    assert_eq!(code, 0, "{out}\n{err}");
}

/// The file's values are clap's defaults, so `--help` shows them (moved from the binary's unit
/// tests); the `--config=FILE` form is read like `--config FILE`.
#[test]
fn help_shows_the_files_values_as_the_defaults() {
    let dir = tempfile::tempdir().expect("temp dir");
    let config = dir.path().join("camsweep.toml");
    std::fs::write(&config, "[scan]\nrate = 500\n").expect("write config");
    let flag = format!("--config={}", config.display());
    let (code, out, err) = camsweep(&[&flag, "scan", "--help"]);
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("[default: 500]"), "{out}");
}
