//! The configuration file: defaults for options the command line also takes, so that a team can
//! keep its register, knowledge base and scan limits in one reviewed file
//! (`--config FILE` or `CAMSWEEP_CONFIG`; documented in `docs/config.md`).
//!
//! Precedence, highest first: a flag on the command line, its environment variable, this file,
//! the built-in default. The file only changes clap's defaults before the command line is
//! parsed, so every subcommand sees ordinary arguments and `--help` shows the effective default.

use std::path::{Path, PathBuf};

use clap::builder::OsStr;
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
    fn name(self) -> &'static str {
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

    /// The file named by `--config FILE` / `--config=FILE` in `args`, else `CAMSWEEP_CONFIG`.
    /// Read before clap parses, because the file changes clap's defaults.
    pub fn path_from(args: &[std::ffi::OsString]) -> Option<PathBuf> {
        let mut iter = args.iter().skip(1);
        while let Some(arg) = iter.next() {
            let text = arg.to_string_lossy();
            if text == "--" {
                break;
            }
            if text == "--config" {
                return iter.next().map(PathBuf::from);
            }
            if let Some(value) = text.strip_prefix("--config=") {
                return Some(PathBuf::from(value));
            }
        }
        std::env::var_os("CAMSWEEP_CONFIG")
            .filter(|v| !v.is_empty())
            .map(PathBuf::from)
    }

    /// `command` with this file's values as the defaults of the matching arguments: the
    /// register's in every subcommand that has them, `[scan]`'s in `scan`, `[report]`'s in
    /// `report` (other subcommands have arguments of the same names with other meanings).
    pub fn apply(&self, command: clap::Command) -> clap::Command {
        fn text<T: ToString>(value: &Option<T>) -> Option<Vec<String>> {
            value.as_ref().map(|v| vec![v.to_string()])
        }
        fn path(value: &Option<PathBuf>) -> Option<Vec<String>> {
            value
                .as_ref()
                .map(|p| vec![p.to_string_lossy().into_owned()])
        }
        let negated = |value: Option<bool>| value.map(|v| vec![(!v).to_string()]);
        let s = &self.scan;
        let ports = s.ports.as_ref().map(|ports| {
            vec![match ports {
                Ports::List(list) => list
                    .iter()
                    .map(u16::to_string)
                    .collect::<Vec<_>>()
                    .join(","),
                Ports::Text(text) => text.clone(),
            }]
        });
        let register = [
            ("db", text(&self.db)),
            ("actor", text(&self.actor)),
            ("kb", path(&self.kb)),
        ];
        let scan = [
            ("ports", ports),
            ("exclude", s.exclude.clone()),
            ("services", s.services.clone()),
            ("credentials", path(&s.credentials)),
            ("max_hosts", text(&s.max_hosts)),
            ("allow_large", text(&s.allow_large)),
            ("no_udp", negated(s.udp)),
            ("no_snmp", negated(s.snmp)),
            ("snmp_communities", s.snmp_communities.clone()),
            ("multicast", text(&s.multicast)),
            ("no_mac", negated(s.mac)),
            ("concurrency", text(&s.concurrency)),
            ("rate", text(&s.rate)),
            ("connect_timeout", text(&s.connect_timeout_ms)),
            ("read_timeout", text(&s.read_timeout_ms)),
            ("probe_timeout", text(&s.probe_timeout_ms)),
            ("host_timeout", text(&s.host_timeout_ms)),
            ("udp_wait", text(&s.udp_wait_ms)),
            ("max_response", text(&s.max_response_bytes)),
        ];
        let formats = self.report.formats.as_ref().map(|formats| {
            let names: Vec<&str> = formats.iter().map(|f| f.name()).collect();
            vec![names.join(",")]
        });
        let report = [
            ("out", path(&self.report.out)),
            ("format", formats),
            ("title", text(&self.report.title)),
        ];
        let given =
            |list: &[(&'static str, Option<Vec<String>>)]| -> Vec<(&'static str, Vec<String>)> {
                list.iter()
                    .filter_map(|(name, value)| value.clone().map(|v| (*name, v)))
                    .collect()
            };
        let (register, scan, report) = (given(&register), given(&scan), given(&report));
        set_defaults(command, &register)
            .mut_subcommand("scan", |c| set_defaults(c, &scan))
            .mut_subcommand("report", |c| set_defaults(c, &report))
    }
}

/// Sets each named argument's default in `command` and, recursively, its subcommands.
fn set_defaults(mut command: clap::Command, values: &[(&str, Vec<String>)]) -> clap::Command {
    for (name, value) in values {
        if command.get_arguments().any(|a| a.get_id() == *name) {
            let value: Vec<OsStr> = value.iter().map(|v| OsStr::from(v.clone())).collect();
            command = command.mut_arg(*name, |a| a.default_values(value));
        }
    }
    let names: Vec<String> = command
        .get_subcommands()
        .map(|c| c.get_name().to_owned())
        .collect();
    for name in names {
        command = command.mut_subcommand(name, |c| set_defaults(c, values));
    }
    command
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::{CommandFactory, FromArgMatches};

    use crate::Cli;

    fn parse(config: &Config, args: &[&str]) -> Cli {
        let command = config.apply(Cli::command());
        let matches = command
            .try_get_matches_from(args)
            .expect("the command line parses");
        Cli::from_arg_matches(&matches).expect("matches fit the CLI")
    }

    #[test]
    fn the_documented_example_parses_and_every_key_reaches_its_argument() {
        let text = include_str!("../../../docs/camsweep.example.toml");
        let config = Config::parse(text).expect("docs/camsweep.example.toml parses");
        assert_eq!(
            config.db.as_deref(),
            Some("/var/lib/camsweep/register.sqlite")
        );
        let cli = parse(&config, &["camsweep", "scan", "192.0.2.0/24"]);
        let crate::Command::Scan(args) = cli.command else {
            panic!("scan expected")
        };
        assert_eq!(args.ports.as_deref(), Some("80,443,554,8000,37777"));
        assert_eq!(args.rate, 500);
        assert_eq!(args.connect_timeout, 2000);
        assert!(args.no_mac, "mac = false means --no-mac");
        assert!(!args.no_udp);
        assert_eq!(args.exclude, vec!["192.0.2.1".to_string()]);
        assert_eq!(
            args.store.db.as_deref(),
            Some("/var/lib/camsweep/register.sqlite")
        );
    }

    #[test]
    fn help_shows_the_files_values_as_the_defaults() {
        let config = Config::parse("[scan]\nrate = 500\n").expect("parses");
        let mut command = config.apply(Cli::command());
        command.build();
        let scan = command
            .find_subcommand_mut("scan")
            .expect("scan subcommand");
        let help = scan.render_long_help().to_string();
        assert!(help.contains("[default: 500]"), "{help}");
    }

    #[test]
    fn snmp_communities_are_off_unless_configured() {
        let cli = parse(&Config::default(), &["camsweep", "scan", "192.0.2.1"]);
        let crate::Command::Scan(args) = cli.command else {
            panic!("scan expected")
        };
        assert!(args.snmp_communities.is_empty() && !args.no_snmp);
        let config = Config::parse("[scan]\nsnmp_communities = [\"ours-ro\", \"ours-2\"]\n")
            .expect("parses");
        let cli = parse(&config, &["camsweep", "scan", "192.0.2.1"]);
        let crate::Command::Scan(args) = cli.command else {
            panic!("scan expected")
        };
        assert_eq!(args.snmp_communities, ["ours-ro", "ours-2"]);
        let cli = parse(
            &Config::default(),
            &[
                "camsweep",
                "scan",
                "--snmp-community",
                "x",
                "--no-snmp",
                "192.0.2.1",
            ],
        );
        let crate::Command::Scan(args) = cli.command else {
            panic!("scan expected")
        };
        assert!(
            crate::cmd::scan::config(&args).is_err(),
            "a community without SNMP"
        );
    }

    #[test]
    fn a_flag_on_the_command_line_beats_the_file() {
        let config = Config::parse("[scan]\nrate = 500\n\n[report]\nformats = [\"html\"]\n")
            .expect("parses");
        let cli = parse(&config, &["camsweep", "scan", "--rate", "9", "192.0.2.1"]);
        let crate::Command::Scan(args) = cli.command else {
            panic!("scan expected")
        };
        assert_eq!(args.rate, 9);
        let cli = parse(&config, &["camsweep", "report"]);
        let crate::Command::Report(args) = cli.command else {
            panic!("report expected")
        };
        assert_eq!(args.format, "html");
    }

    #[test]
    fn the_register_default_reaches_every_subcommand_that_opens_it() {
        let config = Config::parse("db = \"/srv/r.sqlite\"\nactor = \"ci\"\n").expect("parses");
        for args in [
            &["camsweep", "evaluate"][..],
            &["camsweep", "findings"],
            &["camsweep", "estate", "show"],
            &["camsweep", "plan", "list"],
            &["camsweep", "report"],
        ] {
            let command = config.apply(Cli::command());
            let matches = command.try_get_matches_from(args).expect("parses");
            let mut leaf = &matches;
            while let Some((_, sub)) = leaf.subcommand() {
                leaf = sub;
            }
            assert_eq!(
                leaf.get_one::<String>("db").map(String::as_str),
                Some("/srv/r.sqlite"),
                "{args:?}"
            );
        }
    }

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

    #[test]
    fn the_config_path_comes_from_the_flag_before_the_environment() {
        let args: Vec<std::ffi::OsString> = ["camsweep", "--config", "a.toml", "scan", "x"]
            .iter()
            .map(Into::into)
            .collect();
        assert_eq!(Config::path_from(&args), Some(PathBuf::from("a.toml")));
        let args: Vec<std::ffi::OsString> = ["camsweep", "scan", "--config=b.toml", "x"]
            .iter()
            .map(Into::into)
            .collect();
        assert_eq!(Config::path_from(&args), Some(PathBuf::from("b.toml")));
    }
}
