//! Scan scope: addresses, CIDRs, ranges, host names and `@file`s, minus exclusions.
//!
//! The scope is kept as sorted, merged address intervals, so overlapping targets are scanned once
//! and a large scope costs no memory until it is walked. Refusals happen here, before any packet:
//! multicast, broadcast and unspecified addresses, and prefixes wider than a /16 (IPv4) or a /112
//! (IPv6, the same 65,536 addresses) unless `allow_large`.

use std::net::{IpAddr, Ipv4Addr, Ipv6Addr};
use std::path::{Path, PathBuf};

use camsweep_model::scope::{Family, Literal, ScopeError, Span, join, parse_literal, split};

use crate::error::TargetError;

/// What the user asked to scan.
#[derive(Debug, Clone, Default)]
pub struct TargetSpec {
    /// Addresses, CIDRs, ranges (`a-b` or `a.b.c.d-e`), host names, `@file`.
    pub include: Vec<String>,
    /// Same syntax; removed from the scope.
    pub exclude: Vec<String>,
    /// Allow prefixes wider than /16 (IPv4) or /112 (IPv6).
    pub allow_large: bool,
    /// Refuse a scope of more addresses than this.
    pub max_hosts: u64,
}

/// The smallest IPv4 prefix length accepted without `allow_large`.
pub const MIN_V4_PREFIX: u8 = 16;
/// The smallest IPv6 prefix length accepted without `allow_large` (65,536 addresses, as a /16).
pub const MIN_V6_PREFIX: u8 = 112;
/// The default `--max-hosts`: one /16.
pub const DEFAULT_MAX_HOSTS: u64 = 65_536;

/// A resolved, validated scope.
#[derive(Debug, Clone)]
pub struct Targets {
    include: Vec<Span>,
    exclude: Vec<Span>,
    /// The targets as given (files expanded to their lines).
    pub given: Vec<String>,
    /// The exclusions as given.
    pub excluded: Vec<String>,
    count: u64,
}

impl Targets {
    /// Resolve and validate a spec. Host names are resolved with the system resolver.
    pub async fn resolve(spec: &TargetSpec) -> Result<Self, TargetError> {
        let mut given = Vec::new();
        expand_files(&spec.include, &mut given)?;
        if given.is_empty() {
            return Err(TargetError::Empty);
        }
        let mut excluded = Vec::new();
        expand_files(&spec.exclude, &mut excluded)?;
        let mut include = Vec::new();
        for token in &given {
            include.extend(parse_token(token, spec.allow_large, true).await?);
        }
        let mut exclude = Vec::new();
        for token in &excluded {
            exclude.extend(parse_token(token, true, false).await?);
        }
        let include = merge(include);
        let exclude = merge(exclude);
        let upper: u128 = include.iter().map(Span::size).sum();
        let max = u128::from(spec.max_hosts.max(1));
        if upper > max {
            // Exclusions may bring the count down: count exactly before refusing.
            let exact = count_remaining(&include, &exclude);
            if exact > max {
                return Err(TargetError::TooManyHosts {
                    count: exact,
                    max: spec.max_hosts,
                });
            }
        }
        let count = count_remaining(&include, &exclude) as u64;
        Ok(Self {
            include,
            exclude,
            given,
            excluded,
            count,
        })
    }

    /// How many addresses will be scanned.
    pub fn len(&self) -> u64 {
        self.count
    }

    pub fn is_empty(&self) -> bool {
        self.count == 0
    }

    /// Whether `addr` is in scope (included and not excluded).
    pub fn contains(&self, addr: IpAddr) -> bool {
        let (family, value) = split(addr);
        let hit = |spans: &[Span]| {
            spans
                .iter()
                .any(|s| s.family == family && s.first <= value && value <= s.last)
        };
        hit(&self.include) && !hit(&self.exclude)
    }

    /// Every address in scope, in ascending order per family (IPv4 first), each once.
    pub fn iter(&self) -> impl Iterator<Item = IpAddr> + '_ {
        self.include.iter().flat_map(move |span| {
            (span.first..=span.last).filter_map(move |value| {
                let excluded = self
                    .exclude
                    .iter()
                    .any(|x| x.family == span.family && x.first <= value && value <= x.last);
                (!excluded).then(|| join(span.family, value))
            })
        })
    }
}

fn count_remaining(include: &[Span], exclude: &[Span]) -> u128 {
    let mut total = 0u128;
    for span in include {
        let mut len = span.size();
        for x in exclude.iter().filter(|x| x.family == span.family) {
            let lo = x.first.max(span.first);
            let hi = x.last.min(span.last);
            if lo <= hi {
                len -= hi - lo + 1;
            }
        }
        total += len;
    }
    total
}

fn merge(spans: Vec<Span>) -> Vec<Span> {
    camsweep_model::AddressSet::from_spans(spans)
        .spans()
        .to_vec()
}

/// Expands `@file` tokens into their lines (comments `#` and blank lines skipped).
fn expand_files(tokens: &[String], out: &mut Vec<String>) -> Result<(), TargetError> {
    for token in tokens {
        let token = token.trim();
        if let Some(path) = token.strip_prefix('@') {
            let path = PathBuf::from(path);
            let text = std::fs::read_to_string(&path).map_err(|source| TargetError::FileRead {
                path: path.clone(),
                source,
            })?;
            for (n, line) in text.lines().enumerate() {
                let line = line.split('#').next().unwrap_or("").trim();
                if line.is_empty() {
                    continue;
                }
                if line.starts_with('@') {
                    return Err(in_file(
                        &path,
                        n + 1,
                        TargetError::Refused {
                            target: line.to_owned(),
                            reason: "a target file may not name another file".into(),
                        },
                    ));
                }
                // Validate syntax lazily at parse time, but keep the line number for errors.
                for word in line.split([',', ' ', '\t']).filter(|w| !w.is_empty()) {
                    out.push(format!("{word}\u{0}{}\u{0}{}", path.display(), n + 1));
                }
            }
        } else {
            for word in token.split(',').filter(|w| !w.trim().is_empty()) {
                out.push(word.trim().to_owned());
            }
        }
    }
    Ok(())
}

fn in_file(path: &Path, line: usize, source: TargetError) -> TargetError {
    TargetError::InFile {
        path: path.to_owned(),
        line,
        source: Box::new(source),
    }
}

/// Parses one token. Tokens from files carry `\0path\0line` so errors can name them.
async fn parse_token(raw: &str, allow_large: bool, check: bool) -> Result<Vec<Span>, TargetError> {
    let mut parts = raw.split('\u{0}');
    let token = parts.next().unwrap_or("");
    let origin = match (parts.next(), parts.next()) {
        (Some(path), Some(line)) => Some((PathBuf::from(path), line.parse().unwrap_or(0))),
        _ => None,
    };
    parse_plain(token, allow_large, check)
        .await
        .map_err(|e| match &origin {
            Some((path, line)) => in_file(path, *line, e),
            None => e,
        })
}

async fn parse_plain(
    token: &str,
    allow_large: bool,
    check: bool,
) -> Result<Vec<Span>, TargetError> {
    let refuse = |reason: String| TargetError::Refused {
        target: token.to_owned(),
        reason,
    };
    // Literals (addresses, CIDRs, ranges) in the one grammar the register shares.
    let literal = parse_literal(token).map_err(|e| match e {
        ScopeError::Unparsable { target, detail } => TargetError::Unparsable { target, detail },
        ScopeError::Refused { target, reason } => TargetError::Refused { target, reason },
    })?;
    match literal {
        Some(Literal::Cidr {
            mut span,
            prefix_len,
        }) => {
            let min_prefix = match span.family {
                Family::V4 => MIN_V4_PREFIX,
                Family::V6 => MIN_V6_PREFIX,
            };
            if check && prefix_len < min_prefix && !allow_large {
                return Err(refuse(format!(
                    "prefix /{prefix_len} is wider than /{min_prefix}; pass --allow-large to scan it"
                )));
            }
            if check {
                check_span(span).map_err(refuse)?;
                // The network and broadcast addresses of an IPv4 subnet are not hosts.
                if span.family == Family::V4 && prefix_len <= 30 {
                    span.first += 1;
                    span.last -= 1;
                }
            }
            return Ok(vec![span]);
        }
        Some(Literal::Range(span)) => {
            if check {
                if span.size() > 65_536 && !allow_large {
                    return Err(refuse(format!(
                        "{} addresses is more than a /16; pass --allow-large to scan it",
                        span.size()
                    )));
                }
                check_span(span).map_err(refuse)?;
            }
            return Ok(vec![span]);
        }
        Some(Literal::Address(span)) => {
            if check {
                check_span(span).map_err(refuse)?;
            }
            return Ok(vec![span]);
        }
        None => {}
    }
    // A host name: resolve it, then check what it resolved to.
    if token.is_empty() || token.contains(char::is_whitespace) {
        return Err(TargetError::Unparsable {
            target: token.to_owned(),
            detail: "empty or contains spaces".into(),
        });
    }
    let addrs = tokio::net::lookup_host((token, 0))
        .await
        .map_err(|e| TargetError::Unparsable {
            target: token.to_owned(),
            detail: format!("name resolution failed: {e}"),
        })?;
    let mut spans = Vec::new();
    for sa in addrs {
        let span = Span::address(sa.ip());
        if check {
            check_span(span).map_err(|r| refuse(format!("resolves to {}: {r}", sa.ip())))?;
        }
        spans.push(span);
    }
    if spans.is_empty() {
        return Err(TargetError::Unparsable {
            target: token.to_owned(),
            detail: "name resolved to no address".into(),
        });
    }
    Ok(spans)
}

/// Refuses spans that touch multicast, broadcast or unspecified addresses.
fn check_span(span: Span) -> Result<(), String> {
    match span.family {
        Family::V4 => {
            let multicast = (
                u128::from(u32::from(Ipv4Addr::new(224, 0, 0, 0))),
                u128::from(u32::from(Ipv4Addr::new(239, 255, 255, 255))),
            );
            if span.first == 0 {
                return Err("includes the unspecified address 0.0.0.0".into());
            }
            if span.first <= multicast.1 && multicast.0 <= span.last {
                return Err(
                    "includes multicast addresses (224.0.0.0/4); use --multicast for discovery"
                        .into(),
                );
            }
            if span.last == u128::from(u32::MAX) {
                return Err("includes the broadcast address 255.255.255.255".into());
            }
        }
        Family::V6 => {
            if span.first == 0 {
                return Err("includes the unspecified address ::".into());
            }
            let multicast_first = u128::from(Ipv6Addr::new(0xff00, 0, 0, 0, 0, 0, 0, 0));
            if span.last >= multicast_first {
                return Err("includes multicast addresses (ff00::/8)".into());
            }
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn spec(include: &[&str]) -> TargetSpec {
        TargetSpec {
            include: include.iter().map(|s| s.to_string()).collect(),
            exclude: vec![],
            allow_large: false,
            max_hosts: DEFAULT_MAX_HOSTS,
        }
    }

    async fn addrs(s: TargetSpec) -> Result<Vec<String>, TargetError> {
        Ok(Targets::resolve(&s)
            .await?
            .iter()
            .map(|a| a.to_string())
            .collect())
    }

    #[tokio::test]
    async fn ranges_cidrs_and_addresses_merge_without_duplicates() {
        let got = addrs(spec(&[
            "127.0.0.1-127.0.0.3",
            "127.0.0.2",
            "127.0.0.3-5",
            "::1",
        ]))
        .await
        .unwrap();
        assert_eq!(
            got,
            [
                "127.0.0.1",
                "127.0.0.2",
                "127.0.0.3",
                "127.0.0.4",
                "127.0.0.5",
                "::1"
            ]
        );
        let cidr = addrs(spec(&["127.1.0.0/30"])).await.unwrap();
        assert_eq!(
            cidr,
            ["127.1.0.1", "127.1.0.2"],
            "network/broadcast skipped"
        );
        let slash32 = addrs(spec(&["127.1.0.9/32"])).await.unwrap();
        assert_eq!(slash32, ["127.1.0.9"]);
    }

    #[tokio::test]
    async fn exclusions_are_removed_and_counted() {
        let mut s = spec(&["127.0.0.0/24"]);
        s.exclude = vec!["127.0.0.10-127.0.0.19".into(), "127.0.0.200".into()];
        let t = Targets::resolve(&s).await.unwrap();
        assert_eq!(t.len(), 254 - 11);
        assert_eq!(t.iter().count() as u64, t.len());
        assert!(!t.contains("127.0.0.15".parse().unwrap()));
        assert!(t.contains("127.0.0.9".parse().unwrap()));
    }

    #[tokio::test]
    async fn refusals_name_the_target_and_the_reason() {
        for (target, needle) in [
            ("224.0.0.1", "multicast"),
            ("239.255.255.250", "multicast"),
            ("ff02::1", "multicast"),
            ("255.255.255.255", "broadcast"),
            ("0.0.0.0", "unspecified"),
            ("::", "unspecified"),
            ("127.0.0.0/8", "--allow-large"),
            ("fd00::/64", "--allow-large"),
            ("10.0.0.0-10.2.0.0", "--allow-large"),
            ("127.0.0.9-127.0.0.1", "ends before"),
            ("127.0.0.1-::1", "mix"),
        ] {
            let err = addrs(spec(&[target])).await.unwrap_err().to_string();
            assert!(err.contains(target), "{err}");
            assert!(err.contains(needle), "{target}: {err}");
        }
        let err = addrs(spec(&["not_a_host.invalid."])).await.unwrap_err();
        assert!(matches!(err, TargetError::Unparsable { .. }), "{err}");
    }

    #[tokio::test]
    async fn allow_large_and_max_hosts() {
        let mut s = spec(&["127.0.0.0/15"]);
        s.allow_large = true;
        let err = Targets::resolve(&s).await.unwrap_err();
        assert!(matches!(err, TargetError::TooManyHosts { .. }), "{err}");
        s.max_hosts = 200_000;
        assert_eq!(Targets::resolve(&s).await.unwrap().len(), 131_070);
        let mut small = spec(&["127.0.0.0/24"]);
        small.max_hosts = 10;
        assert!(Targets::resolve(&small).await.is_err());
        small.exclude = vec!["127.0.0.11-127.0.0.255".into()];
        assert_eq!(Targets::resolve(&small).await.unwrap().len(), 10);
    }

    #[tokio::test]
    async fn files_and_host_names() {
        let dir = std::env::temp_dir().join(format!("camsweep-targets-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let file = dir.join("targets.txt");
        std::fs::write(
            &file,
            "# estate\n127.0.0.7\n\nlocalhost # resolves to loopback\n",
        )
        .unwrap();
        let got = addrs(spec(&[&format!("@{}", file.display())]))
            .await
            .unwrap();
        assert!(got.contains(&"127.0.0.7".to_string()), "{got:?}");
        assert!(got.contains(&"127.0.0.1".to_string()) || got.contains(&"::1".to_string()));
        std::fs::write(&file, "127.0.0.7\n224.0.0.1\n").unwrap();
        let err = addrs(spec(&[&format!("@{}", file.display())]))
            .await
            .unwrap_err()
            .to_string();
        assert!(err.contains("line 2"), "{err}");
        let missing = addrs(spec(&["@/nonexistent/camsweep"])).await.unwrap_err();
        assert!(matches!(missing, TargetError::FileRead { .. }));
        assert!(matches!(
            addrs(spec(&[])).await.unwrap_err(),
            TargetError::Empty
        ));
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
