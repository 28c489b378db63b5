//! A scan as a user or an agent asks for it: options (the command line's, or a request's) into
//! the scanner's [`ScanConfig`], the scan itself, and storing its document in the register with
//! an optional evaluation after it (`camsweep scan --db ... --evaluate`). Progress streams as
//! [`ScanEvent`]s to the caller, who renders them.

use std::path::PathBuf;
use std::time::Duration;

use camsweep_identify::Engine;
use camsweep_model::ScanDocument;
use camsweep_policy::PolicySet;
use camsweep_register::{IngestSummary, Register};
use camsweep_scan::{Credentials, ScanConfig, ScanEvent, Service, TargetSpec};
use tokio::sync::mpsc;

use crate::AppError;
use crate::evaluate::Evaluation;

/// What to scan and how (each field is the `camsweep scan` option of the same name; times in
/// milliseconds).
#[derive(Debug, Clone)]
pub struct ScanOptions {
    pub targets: Vec<String>,
    pub exclude: Vec<String>,
    /// The `--ports` syntax (`80,443,8000-8010`); `None` for the surveillance list.
    pub ports: Option<String>,
    /// `PORT=NAME` each (`8081=https`).
    pub services: Vec<String>,
    pub allow_large: bool,
    pub max_hosts: u64,
    pub udp: bool,
    pub snmp: bool,
    pub snmp_communities: Vec<String>,
    pub multicast: bool,
    /// Read MAC addresses from the neighbour table.
    pub mac: bool,
    pub credentials: Option<PathBuf>,
    pub concurrency: usize,
    /// New connections and datagrams per second, 0 for no limit.
    pub rate: u32,
    pub connect_timeout_ms: u64,
    pub read_timeout_ms: u64,
    pub probe_timeout_ms: u64,
    pub host_timeout_ms: u64,
    pub udp_wait_ms: u64,
    pub max_response_bytes: usize,
}

/// `80,443,8000-8010`: ports and inclusive ranges, 1 to 65535, at least one.
pub fn parse_ports(text: &str) -> Result<Vec<u16>, AppError> {
    let number = |part: &str, what: &str| -> Result<u16, AppError> {
        part.trim()
            .parse()
            .map_err(|e| AppError::invalid(format!("--ports: {what}: {e}")))
    };
    let mut ports = Vec::new();
    for part in text.split(',').map(str::trim).filter(|p| !p.is_empty()) {
        match part.split_once('-') {
            Some((a, b)) => {
                let (a, b) = (
                    number(a, &format!("{part:?}"))?,
                    number(b, &format!("{part:?}"))?,
                );
                if a > b || a == 0 {
                    return Err(AppError::invalid(format!(
                        "--ports: range {part:?} is empty or starts at 0"
                    )));
                }
                ports.extend(a..=b);
            }
            None => {
                let p = number(part, &format!("{part:?} is not a port"))?;
                if p == 0 {
                    return Err(AppError::invalid("--ports: port 0 is not a port"));
                }
                ports.push(p);
            }
        }
    }
    if ports.is_empty() {
        return Err(AppError::invalid("--ports: no ports given"));
    }
    Ok(ports)
}

/// `PORT=NAME` (`8081=https`): the protocol of a non-standard port.
pub fn parse_service(text: &str) -> Result<(u16, Service), AppError> {
    let (port, name) = text
        .split_once('=')
        .ok_or_else(|| AppError::invalid(format!("--service {text:?}: expected PORT=NAME")))?;
    let port: u16 = port
        .trim()
        .parse()
        .map_err(|e| AppError::invalid(format!("--service {text:?}: bad port: {e}")))?;
    let service = Service::from_name(name.trim()).ok_or_else(|| {
        AppError::invalid(format!("--service {text:?}: unknown service {name:?}"))
    })?;
    Ok((port, service))
}

/// The scanner's configuration for `options` (the credentials file is read here).
pub fn config(options: &ScanOptions) -> Result<ScanConfig, AppError> {
    let mut config = ScanConfig::new(TargetSpec {
        include: options.targets.clone(),
        exclude: options.exclude.clone(),
        allow_large: options.allow_large,
        max_hosts: options.max_hosts,
    });
    if let Some(ports) = &options.ports {
        config.ports = parse_ports(ports)?;
    }
    for s in &options.services {
        config.services.push(parse_service(s)?);
    }
    config.udp = options.udp;
    config.multicast = options.multicast;
    config.snmp = options.snmp;
    config.snmp_communities = options.snmp_communities.clone();
    if !config.snmp && !config.snmp_communities.is_empty() {
        return Err(AppError::invalid(
            "--snmp-community needs SNMP: drop --no-snmp (or `snmp = false`)",
        ));
    }
    config.neighbours = options.mac;
    if let Some(path) = &options.credentials {
        config.credentials = Credentials::load(path)?;
    }
    let ms = Duration::from_millis;
    let limits = &mut config.limits;
    limits.concurrency = options.concurrency.max(1);
    limits.rate = (options.rate > 0).then_some(options.rate);
    limits.connect_timeout = ms(options.connect_timeout_ms);
    limits.read_timeout = ms(options.read_timeout_ms);
    limits.probe_timeout = ms(options.probe_timeout_ms);
    limits.host_timeout = ms(options.host_timeout_ms);
    limits.banner_timeout = ms(options.read_timeout_ms);
    limits.udp_wait = ms(options.udp_wait_ms);
    limits.max_response_bytes = options.max_response_bytes.max(1024);
    Ok(config)
}

/// Runs the scan, streaming its events to `events`; `config.stop` ends it early (the document
/// is then marked interrupted).
pub async fn run(
    config: ScanConfig,
    engine: &Engine<'_>,
    events: mpsc::Sender<ScanEvent>,
) -> Result<ScanDocument, AppError> {
    Ok(camsweep_scan::scan(config, engine, events).await?)
}

/// Stores `document` through the ingest path (an interrupted scan too: it marks nothing
/// missing), tells `stored` what was stored, then evaluates the register with `evaluate`'s
/// engine and packs, as `camsweep evaluate` does.
pub async fn store(
    register: &Register,
    document: &ScanDocument,
    actor: &str,
    evaluate: Option<(&Engine<'_>, &PolicySet)>,
    stored: &mut (dyn FnMut(&IngestSummary) + Send),
) -> Result<Option<Evaluation>, AppError> {
    let summary = crate::ingest::store_scan_document(register, document, None, actor).await?;
    stored(&summary);
    match evaluate {
        Some((engine, policies)) => Ok(Some(
            crate::evaluate::evaluate(register, engine, policies, actor).await?,
        )),
        None => Ok(None),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ports_parse_lists_and_ranges_and_reject_nonsense() {
        assert_eq!(
            parse_ports("80, 443,8000-8002").unwrap(),
            [80, 443, 8000, 8001, 8002]
        );
        assert!(parse_ports("0").is_err());
        assert!(parse_ports("90-80").is_err());
        assert!(parse_ports("http").is_err());
        assert!(parse_ports("").is_err());
    }

    #[test]
    fn a_community_needs_snmp_and_limits_have_floors() {
        let mut options = ScanOptions {
            targets: vec!["192.0.2.1".into()],
            exclude: Vec::new(),
            ports: Some("80,554".into()),
            services: vec!["8081=https".into()],
            allow_large: false,
            max_hosts: 256,
            udp: true,
            snmp: true,
            snmp_communities: vec!["ours-ro".into()],
            multicast: false,
            mac: false,
            credentials: None,
            concurrency: 0,
            rate: 0,
            connect_timeout_ms: 1500,
            read_timeout_ms: 3000,
            probe_timeout_ms: 6000,
            host_timeout_ms: 30_000,
            udp_wait_ms: 1500,
            max_response_bytes: 10,
        };
        let scan = config(&options).expect("a valid scan");
        assert_eq!(scan.ports, [80, 554]);
        assert_eq!(scan.limits.concurrency, 1);
        assert_eq!(scan.limits.rate, None);
        assert_eq!(scan.limits.max_response_bytes, 1024);
        assert!(!scan.neighbours);
        options.snmp = false;
        let err = config(&options).unwrap_err();
        assert!(
            err.to_string().contains("--snmp-community needs SNMP"),
            "{err}"
        );
    }

    #[test]
    fn services_name_a_port_and_a_known_protocol() {
        assert!(matches!(parse_service("8081=https"), Ok((8081, _))));
        for bad in ["8081", "x=https", "8081=gopher"] {
            let err = parse_service(bad).unwrap_err();
            assert_eq!(err.category(), crate::Category::InvalidInput, "{bad}");
        }
    }
}
