//! The configuration file's values as the command line's defaults. The file itself (one
//! `deny_unknown_fields` struct, loading, checks) is `camsweep_app::config`; documented in
//! `docs/config.md`.
//!
//! Precedence, highest first: a flag on the command line, its environment variable, the file,
//! the built-in default. The file only changes clap's defaults before the command line is
//! parsed, so every subcommand sees ordinary arguments and `--help` shows the effective default.

use std::path::PathBuf;

pub use camsweep_app::config::Config;
use clap::builder::OsStr;

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
pub fn apply(config: &Config, command: clap::Command) -> clap::Command {
    fn text<T: ToString>(value: &Option<T>) -> Option<Vec<String>> {
        value.as_ref().map(|v| vec![v.to_string()])
    }
    fn path(value: &Option<PathBuf>) -> Option<Vec<String>> {
        value
            .as_ref()
            .map(|p| vec![p.to_string_lossy().into_owned()])
    }
    let negated = |value: Option<bool>| value.map(|v| vec![(!v).to_string()]);
    let s = &config.scan;
    let ports = s.ports.as_ref().map(|ports| vec![ports.to_text()]);
    let register = [
        ("db", text(&config.db)),
        ("actor", text(&config.actor)),
        ("kb", path(&config.kb)),
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
    let formats = config.report.formats.as_ref().map(|formats| {
        let names: Vec<&str> = formats.iter().map(|f| f.name()).collect();
        vec![names.join(",")]
    });
    let report = [
        ("out", path(&config.report.out)),
        ("format", formats),
        ("title", text(&config.report.title)),
    ];
    let given = |list: &[(&'static str, Option<Vec<String>>)]| -> Vec<(&'static str, Vec<String>)> {
        list.iter()
            .filter_map(|(name, value)| value.clone().map(|v| (*name, v)))
            .collect()
    };
    let input = [
        ("max_line_bytes", text(&config.input.max_line_bytes)),
        ("max_document_bytes", text(&config.input.max_document_bytes)),
    ];
    let (register, scan, report, input) = (
        given(&register),
        given(&scan),
        given(&report),
        given(&input),
    );
    set_defaults(command, &register)
        .mut_subcommand("scan", |c| set_defaults(c, &scan))
        .mut_subcommand("report", |c| set_defaults(c, &report))
        .mut_subcommand("identify", |c| set_defaults(c, &input))
        .mut_subcommand("ingest", |c| set_defaults(c, &input))
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
        let command = apply(config, Cli::command());
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
        // A community with `--no-snmp` is refused by `camsweep_app::scan::config` (tested there).
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
            let command = apply(&config, Cli::command());
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
}
