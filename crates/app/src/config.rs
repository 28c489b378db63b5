//! The configuration file (`camsweep.toml`): defaults for options the command line also takes,
//! so that a team can keep its register, knowledge base and scan limits in one reviewed file
//! (documented key by key in `docs/config.md`). This module reads and checks it; the CLI turns
//! its values into the defaults of its arguments (`crates/camsweep/src/config.rs`), and a
//! server can read the same file.

use std::path::{Path, PathBuf};

use serde::Deserialize;

/// `camsweep.toml`. Every key is optional; unknown keys are refused with their line.
#[derive(Debug, Default, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Config {
    /// The register: a SQLite file path or a `postgres://` URL (`--db`, `CAMSWEEP_DB`).
    /// Built-in default: `camsweep.sqlite` in the current directory. A relative SQLite path is
    /// taken from the configuration file's directory.
    pub db: Option<String>,
    /// The name written into the register's history for changes (`--actor`, `CAMSWEEP_ACTOR`).
    /// Built-in default: `$USER`.
    pub actor: Option<String>,
    /// A knowledge-base directory replacing the embedded one (`--kb`, `CAMSWEEP_KB`), relative to
    /// the configuration file's directory.
    pub kb: Option<PathBuf>,
    /// Defaults of `camsweep scan` (and of `demo`'s limits where they match).
    #[serde(default)]
    pub scan: ScanDefaults,
    /// Defaults of `camsweep report`.
    #[serde(default)]
    pub report: ReportDefaults,
    /// Size limits of the input readers, the same for `identify` and `ingest`.
    #[serde(default)]
    pub input: InputDefaults,
}

/// `[input]`: each key is the `identify`/`ingest` option of the same name (`docs/config.md`).
#[derive(Debug, Default, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct InputDefaults {
    /// The longest observation line, and the longest string value in a scan document
    /// (`--max-line-bytes`). Built-in default: 4 MiB.
    pub max_line_bytes: Option<u64>,
    /// The largest scan document `ingest` reads (`--max-document-bytes`). Built-in default:
    /// 1 GiB.
    pub max_document_bytes: Option<u64>,
}

/// `[scan]`: each key is the `camsweep scan` option of the same name (`docs/scan.md`).
#[derive(Debug, Default, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ScanDefaults {
    /// TCP ports: a list (`[80, 443]`) or the `--ports` syntax (`"80,443,8000-8010"`).
    pub ports: Option<Ports>,
    /// Targets never scanned (same syntax as targets), added to any `--exclude`.
    pub exclude: Option<Vec<String>>,
    /// Protocols of non-standard ports, `"PORT=NAME"` (`--service`).
    pub services: Option<Vec<String>>,
    /// Credentials file for authenticated reads (`--credentials`), relative to this file.
    pub credentials: Option<PathBuf>,
    /// Refuse scopes of more addresses than this (`--max-hosts`).
    pub max_hosts: Option<u64>,
    /// Allow prefixes wider than /16 (IPv4) or /112 (IPv6) (`--allow-large`).
    pub allow_large: Option<bool>,
    /// UDP discovery: WS-Discovery, SSDP, SADP, DHIP, SNMP (`false` = `--no-udp`).
    pub udp: Option<bool>,
    /// SNMPv3 engine-ID discovery on UDP 161 (`false` = `--no-snmp`).
    pub snmp: Option<bool>,
    /// SNMPv2c communities to read sysDescr/sysObjectID with (`--snmp-community`). Only
    /// communities you own; empty by default.
    pub snmp_communities: Option<Vec<String>>,
    /// Also send discovery to the multicast groups (`--multicast`).
    pub multicast: Option<bool>,
    /// Read MAC addresses from the neighbour table (`false` = `--no-mac`).
    pub mac: Option<bool>,
    /// Most sockets open at once (`--concurrency`).
    pub concurrency: Option<usize>,
    /// Most new connections and discovery datagrams per second, 0 for no limit (`--rate`).
    pub rate: Option<u32>,
    /// TCP connect timeout, milliseconds (`--connect-timeout`).
    pub connect_timeout_ms: Option<u64>,
    /// Longest wait for the next bytes of an answer, milliseconds (`--read-timeout`).
    pub read_timeout_ms: Option<u64>,
    /// Longest request/answer exchange, milliseconds (`--probe-timeout`).
    pub probe_timeout_ms: Option<u64>,
    /// Longest time on one host, milliseconds (`--host-timeout`).
    pub host_timeout_ms: Option<u64>,
    /// How long to wait for UDP discovery answers, milliseconds (`--udp-wait`).
    pub udp_wait_ms: Option<u64>,
    /// Most bytes kept of one response (`--max-response`).
    pub max_response_bytes: Option<usize>,
}

/// `[report]`: each key is the `camsweep report` option of the same name (`docs/report.md`).
#[derive(Debug, Default, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ReportDefaults {
    /// Output directory (`--out`), relative to the current directory.
    pub out: Option<PathBuf>,
    /// Formats: any of `html`, `xlsx`, `csv`, `json` (`--format`).
    pub formats: Option<Vec<ReportFormat>>,
    /// The report's title (`--title`).
    pub title: Option<String>,
}

/// One report format of `[report] formats`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ReportFormat {
    Html,
    Xlsx,
    Csv,
    Json,
}

impl ReportFormat {
    pub fn name(self) -> &'static str {
        match self {
            ReportFormat::Html => "html",
            ReportFormat::Xlsx => "xlsx",
            ReportFormat::Csv => "csv",
            ReportFormat::Json => "json",
        }
    }
}

/// `[scan] ports`: a TOML list of numbers or the command line's text syntax.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(untagged)]
pub enum Ports {
    List(Vec<u16>),
    Text(String),
}

impl Ports {
    /// The command line's text syntax (`80,443,8000-8010`).
    pub fn to_text(&self) -> String {
        match self {
            Ports::List(list) => list
                .iter()
                .map(u16::to_string)
                .collect::<Vec<_>>()
                .join(","),
            Ports::Text(text) => text.clone(),
        }
    }
}

/// A configuration file that could not be used: which file, and what is wrong where.
#[derive(Debug, thiserror::Error)]
pub enum ConfigError {
    #[error("configuration file {path}")]
    Read {
        path: PathBuf,
        source: std::io::Error,
    },
    /// toml's message names the line and column and quotes the offending text.
    #[error("configuration file {path}")]
    Parse {
        path: PathBuf,
        source: Box<toml::de::Error>,
    },
    #[error("configuration file {path}: [scan] ports: {why}")]
    Ports { path: PathBuf, why: String },
}

impl Config {
    /// Reads and checks `path`; relative paths inside it are resolved against its directory.
    pub fn load(path: &Path) -> Result<Config, ConfigError> {
        let text = std::fs::read_to_string(path).map_err(|source| ConfigError::Read {
            path: path.to_owned(),
            source,
        })?;
        let mut config = Config::parse(&text).map_err(|source| ConfigError::Parse {
            path: path.to_owned(),
            source: Box::new(source),
        })?;
        if let Some(Ports::List(list)) = &config.scan.ports
            && (list.is_empty() || list.contains(&0))
        {
            return Err(ConfigError::Ports {
                path: path.to_owned(),
                why: "expected one or more ports from 1 to 65535".into(),
            });
        }
        let base = path.parent().unwrap_or(Path::new("."));
        let rebase = |p: &mut PathBuf| {
            if p.is_relative() {
                *p = base.join(&*p);
            }
        };
        config.kb.as_mut().map(rebase);
        config.scan.credentials.as_mut().map(rebase);
        if let Some(db) = &mut config.db
            && !db.contains("://")
            && Path::new(db.as_str()).is_relative()
        {
            *db = base.join(db.as_str()).to_string_lossy().into_owned();
        }
        Ok(config)
    }

    /// Parses the file's text (no path resolution).
    pub fn parse(text: &str) -> Result<Config, toml::de::Error> {
        toml::from_str(text)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unknown_keys_and_wrong_types_name_their_line() {
        let err = Config::parse("db = \"x\"\n[scan]\nrte = 5\n").unwrap_err();
        let text = err.to_string();
        assert!(text.contains("line 3"), "{text}");
        assert!(text.contains("rte"), "{text}");
        let err = Config::parse("[scan]\nrate = \"fast\"\n").unwrap_err();
        assert!(err.to_string().contains("line 2"), "{err}");
        let err = Config::parse("[report]\nformats = [\"pdf\"]\n").unwrap_err();
        assert!(err.to_string().contains("pdf"), "{err}");
    }

    #[test]
    fn paths_are_taken_from_the_files_directory_and_bad_ports_are_refused() {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("camsweep.toml");
        std::fs::write(
            &path,
            "db = \"reg.sqlite\"\nkb = \"kb\"\n[scan]\ncredentials = \"creds.toml\"\n",
        )
        .expect("write");
        let config = Config::load(&path).expect("loads");
        assert_eq!(config.kb, Some(dir.path().join("kb")));
        assert_eq!(config.scan.credentials, Some(dir.path().join("creds.toml")));
        assert_eq!(
            config.db,
            Some(dir.path().join("reg.sqlite").to_string_lossy().into_owned())
        );
        std::fs::write(&path, "db = \"postgres://u@127.0.0.1/test\"\n").expect("write");
        assert_eq!(
            Config::load(&path).expect("loads").db.as_deref(),
            Some("postgres://u@127.0.0.1/test")
        );
        std::fs::write(&path, "[scan]\nports = [80, 0]\n").expect("write");
        let err = Config::load(&path).unwrap_err().to_string();
        assert!(
            err.contains("camsweep.toml") && err.contains("ports"),
            "{err}"
        );
        let missing = dir.path().join("nope.toml");
        let err = Config::load(&missing).unwrap_err().to_string();
        assert!(err.contains("nope.toml"), "{err}");
    }
}
