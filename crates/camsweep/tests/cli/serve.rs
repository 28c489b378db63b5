//! `camsweep serve` as a script runs it: `user add` (password on stdin), `token create`, then
//! `serve` on port 0, one request with the token, SIGTERM. The API itself is tested in-process
//! in `tests/server.rs`.

use std::io::{Read as _, Write as _};
use std::net::{SocketAddr, TcpStream};
use std::time::Duration;

use camsweep_tests::backends::TWO_ORGANISATIONS as ESTATE;
use serde_json::Value;

/// `GET /api/v1/me` with `token`, over a plain HTTP/1.1 connection.
fn me(addr: SocketAddr, token: &str) -> Value {
    let mut conn = TcpStream::connect(addr).unwrap();
    conn.set_read_timeout(Some(Duration::from_secs(20)))
        .unwrap();
    write!(
        conn,
        "GET /api/v1/me HTTP/1.1\r\nHost: {addr}\r\nAuthorization: Bearer {token}\r\n\
         Connection: close\r\n\r\n"
    )
    .unwrap();
    let mut answer = String::new();
    conn.read_to_string(&mut answer).unwrap();
    assert!(answer.starts_with("HTTP/1.1 200"), "{answer}");
    let (_, body) = answer.split_once("\r\n\r\n").expect("a head and a body");
    serde_json::from_str(body).unwrap_or_else(|e| panic!("{e}: {body}"))
}

/// The binary: `camsweep user add` (password on stdin) and `token create`, then `camsweep
/// serve --listen 127.0.0.1:0` prints its real address, answers with the token, and exits 0 on
/// SIGTERM.
#[test]
fn the_binary_serves_prints_its_address_and_stops_on_sigterm() {
    use std::io::{BufRead as _, Write as _};
    use std::process::{Command, Stdio};

    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("r.sqlite").display().to_string();
    let estate = dir.path().join("estate.toml");
    std::fs::write(&estate, ESTATE).unwrap();
    let bin = env!("CARGO_BIN_EXE_camsweep");
    let run = |args: &[&str], stdin: &str| {
        let mut child = Command::new(bin)
            .args(args)
            .args(["--db", &db])
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        child
            .stdin
            .take()
            .unwrap()
            .write_all(stdin.as_bytes())
            .unwrap();
        let out = child.wait_with_output().unwrap();
        (
            out.status.code(),
            String::from_utf8_lossy(&out.stdout).into_owned(),
            String::from_utf8_lossy(&out.stderr).into_owned(),
        )
    };
    let (code, _, err) = run(&["estate", "import", estate.to_str().unwrap()], "");
    assert_eq!(code, Some(0), "{err}");
    let (code, out, err) = run(
        &["user", "add", "carol", "--org", "beta", "--role", "editor"],
        "a long enough password\n",
    );
    assert_eq!(code, Some(0), "{err}");
    assert!(out.contains("editor of beta"), "{out}");
    let (code, _, err) = run(
        &["user", "add", "dan", "--org", "beta", "--role", "viewer"],
        "short\n",
    );
    assert_eq!(code, Some(2));
    assert!(err.contains("password"), "{err}");
    let (code, token, err) = run(&["token", "create", "--user", "carol"], "");
    assert_eq!(code, Some(0), "{err}");
    let token = token.trim().to_owned();
    assert!(token.starts_with("csw_"), "{token}");

    let mut server = Command::new(bin)
        .args(["serve", "--db", &db, "--listen", "127.0.0.1:0"])
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let mut line = String::new();
    std::io::BufReader::new(server.stdout.take().unwrap())
        .read_line(&mut line)
        .unwrap();
    let addr: SocketAddr = line
        .trim()
        .strip_prefix("listening on http://")
        .unwrap_or_else(|| panic!("{line:?}"))
        .parse()
        .unwrap();
    assert_ne!(addr.port(), 0);
    assert_eq!(me(addr, &token)["organisation"], "beta");
    let sent = Command::new("kill")
        .args(["-TERM", &server.id().to_string()])
        .status()
        .unwrap();
    assert!(sent.success());
    let status = server.wait().unwrap();
    assert_eq!(status.code(), Some(0), "{status:?}");
}
