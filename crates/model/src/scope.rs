//! Scan scope as parsed values: the one grammar of literal targets (addresses, CIDRs, `a-b`
//! ranges and the IPv4 short form `a.b.c.d-e`), shared by the scanner (which adds host names and
//! `@file`s at its edge) and the register (which must know exactly what a scan covered, minus
//! what it excluded, before it marks any device missing).

use std::net::{IpAddr, Ipv4Addr, Ipv6Addr};

use serde::{Deserialize, Serialize};

/// An address family.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Family {
    V4,
    V6,
}

/// One inclusive interval of addresses of one family.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Span {
    pub family: Family,
    pub first: u128,
    pub last: u128,
}

impl Span {
    /// A single address.
    pub fn address(addr: IpAddr) -> Self {
        let (family, value) = split(addr);
        Span {
            family,
            first: value,
            last: value,
        }
    }

    /// How many addresses the span holds.
    pub fn size(&self) -> u128 {
        self.last - self.first + 1
    }

    pub fn contains(&self, addr: IpAddr) -> bool {
        let (family, value) = split(addr);
        self.family == family && self.first <= value && value <= self.last
    }
}

/// Why a token is not a literal target.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ScopeError {
    #[error("target {target:?}: {detail}")]
    Unparsable { target: String, detail: String },
    #[error("target {target:?}: {reason}")]
    Refused { target: String, reason: String },
}

/// What a literal token denotes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Literal {
    /// A CIDR, with its prefix length (the scanner checks widths and trims IPv4 network and
    /// broadcast addresses from prefixes of /30 and wider).
    Cidr {
        span: Span,
        prefix_len: u8,
    },
    /// `a-b` or `a.b.c.d-e`.
    Range(Span),
    Address(Span),
}

impl Literal {
    pub fn span(&self) -> Span {
        match self {
            Literal::Cidr { span, .. } | Literal::Range(span) | Literal::Address(span) => *span,
        }
    }
}

/// Parses one literal target. `Ok(None)` means "not a literal" (a host name, for the scanner to
/// resolve); `Err` means it looks like a literal and is wrong.
pub fn parse_literal(token: &str) -> Result<Option<Literal>, ScopeError> {
    let token = token.trim();
    let unparsable = |detail: String| ScopeError::Unparsable {
        target: token.to_owned(),
        detail,
    };
    if token.contains('/') {
        let net: ipnet_lite::Net = ipnet_lite::Net::parse(token).map_err(unparsable)?;
        return Ok(Some(Literal::Cidr {
            span: net.span(),
            prefix_len: net.prefix_len,
        }));
    }
    if let Some((a, b)) = token.split_once('-')
        && let Ok(start) = a.trim().parse::<IpAddr>()
    {
        let b = b.trim();
        let end = match (start, b.parse::<IpAddr>(), b.parse::<u8>()) {
            (_, Ok(end), _) => end,
            (IpAddr::V4(s), Err(_), Ok(last_octet)) => {
                let o = s.octets();
                IpAddr::V4(Ipv4Addr::new(o[0], o[1], o[2], last_octet))
            }
            _ => {
                return Err(unparsable(
                    "the end of a range must be an address or (IPv4) a last octet".into(),
                ));
            }
        };
        let (fa, first) = split(start);
        let (fb, last) = split(end);
        let refuse = |reason: &str| ScopeError::Refused {
            target: token.to_owned(),
            reason: reason.to_owned(),
        };
        if fa != fb {
            return Err(refuse("a range may not mix IPv4 and IPv6"));
        }
        if first > last {
            return Err(refuse("the range ends before it starts"));
        }
        return Ok(Some(Literal::Range(Span {
            family: fa,
            first,
            last,
        })));
    }
    if let Ok(addr) = token.parse::<IpAddr>() {
        return Ok(Some(Literal::Address(Span::address(addr))));
    }
    Ok(None)
}

/// A set of addresses as sorted, merged spans.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct AddressSet {
    spans: Vec<Span>,
}

impl AddressSet {
    pub fn from_spans(spans: impl IntoIterator<Item = Span>) -> Self {
        let mut spans: Vec<Span> = spans.into_iter().collect();
        spans.sort();
        let mut out: Vec<Span> = Vec::with_capacity(spans.len());
        for s in spans {
            match out.last_mut() {
                Some(last) if last.family == s.family && s.first <= last.last.saturating_add(1) => {
                    last.last = last.last.max(s.last);
                }
                _ => out.push(s),
            }
        }
        AddressSet { spans: out }
    }

    pub fn spans(&self) -> &[Span] {
        &self.spans
    }

    pub fn is_empty(&self) -> bool {
        self.spans.is_empty()
    }

    /// Binary search over the merged spans.
    pub fn contains(&self, addr: IpAddr) -> bool {
        let (family, value) = split(addr);
        let probe = (family, value);
        let index = self.spans.partition_point(|s| (s.family, s.last) < probe);
        self.spans
            .get(index)
            .is_some_and(|s| s.family == family && s.first <= value)
    }
}

/// What a scan really looked at: its targets minus its exclusions, as recorded in the scan
/// document. A device may be marked missing only if this scope contains its address.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ScanScope {
    /// The targets as given (addresses, CIDRs, ranges, host names).
    pub targets: Vec<String>,
    /// The exclusions as given.
    #[serde(default)]
    pub excluded: Vec<String>,
}

/// The covered addresses of a [`ScanScope`], or why none can be trusted.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Coverage {
    /// Exactly these addresses were looked at.
    Known {
        include: AddressSet,
        exclude: AddressSet,
    },
    /// An exclusion could not be read as a literal (a host name, a typo): which addresses were
    /// left out is not known, so no address counts as covered.
    Unknown { reason: String },
}

impl Coverage {
    pub fn contains(&self, addr: IpAddr) -> bool {
        match self {
            Coverage::Known { include, exclude } => {
                include.contains(addr) && !exclude.contains(addr)
            }
            Coverage::Unknown { .. } => false,
        }
    }
}

impl ScanScope {
    pub fn new(targets: Vec<String>, excluded: Vec<String>) -> Self {
        ScanScope { targets, excluded }
    }

    /// What the scope covers. Targets that are not literals (host names) cover nothing (the
    /// scan document does not say what they resolved to); an exclusion that is not a literal
    /// makes the whole coverage unknown, because it may have removed any address.
    pub fn coverage(&self) -> Coverage {
        let mut include = Vec::new();
        for t in &self.targets {
            if let Ok(Some(literal)) = parse_literal(t) {
                include.push(literal.span());
            }
        }
        let mut exclude = Vec::new();
        for t in &self.excluded {
            match parse_literal(t) {
                Ok(Some(literal)) => exclude.push(literal.span()),
                Ok(None) => {
                    return Coverage::Unknown {
                        reason: format!("exclusion {t:?} is not an address, CIDR or range"),
                    };
                }
                Err(e) => {
                    return Coverage::Unknown {
                        reason: e.to_string(),
                    };
                }
            }
        }
        Coverage::Known {
            include: AddressSet::from_spans(include),
            exclude: AddressSet::from_spans(exclude),
        }
    }
}

pub fn split(addr: IpAddr) -> (Family, u128) {
    match addr {
        IpAddr::V4(a) => (Family::V4, u128::from(u32::from(a))),
        IpAddr::V6(a) => match a.to_ipv4_mapped() {
            // An IPv4-mapped IPv6 address is its IPv4 twin.
            Some(v4) => (Family::V4, u128::from(u32::from(v4))),
            None => (Family::V6, u128::from(a)),
        },
    }
}

pub fn join(family: Family, value: u128) -> IpAddr {
    match family {
        Family::V4 => IpAddr::V4(Ipv4Addr::from(value as u32)),
        Family::V6 => IpAddr::V6(Ipv6Addr::from(value)),
    }
}

/// A minimal CIDR reader, so `model` needs no network-type dependency.
mod ipnet_lite {
    use super::Span;
    use std::net::IpAddr;

    pub struct Net {
        span: Span,
        pub prefix_len: u8,
    }

    impl Net {
        pub fn parse(token: &str) -> Result<Net, String> {
            let (addr, len) = token
                .split_once('/')
                .ok_or_else(|| "not a CIDR".to_owned())?;
            let addr: IpAddr = addr
                .trim()
                .parse()
                .map_err(|e| format!("invalid IP address syntax ({e})"))?;
            let max = if addr.is_ipv4() { 32 } else { 128 };
            let prefix_len: u8 = len
                .trim()
                .parse()
                .ok()
                .filter(|l| *l <= max)
                .ok_or_else(|| format!("invalid prefix length {len:?}"))?;
            let (family, value) = match addr {
                IpAddr::V4(a) => (super::Family::V4, u128::from(u32::from(a))),
                IpAddr::V6(a) => (super::Family::V6, u128::from(a)),
            };
            let host_bits = u32::from(max - prefix_len);
            let mask: u128 = if host_bits >= 128 {
                u128::MAX
            } else {
                (1u128 << host_bits) - 1
            };
            Ok(Net {
                span: Span {
                    family,
                    first: value & !mask,
                    last: value | mask,
                },
                prefix_len,
            })
        }

        pub fn span(&self) -> Span {
            self.span
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ip(s: &str) -> IpAddr {
        s.parse().unwrap()
    }

    #[test]
    fn the_literal_grammar_reads_addresses_cidrs_and_both_range_forms() {
        let cidr = parse_literal("127.0.0.0/27").unwrap().unwrap();
        assert_eq!(cidr.span().size(), 32);
        assert!(matches!(cidr, Literal::Cidr { prefix_len: 27, .. }));
        assert_eq!(
            parse_literal("127.0.0.1-20")
                .unwrap()
                .unwrap()
                .span()
                .size(),
            20
        );
        assert_eq!(
            parse_literal("127.0.0.1-127.0.1.0")
                .unwrap()
                .unwrap()
                .span()
                .size(),
            256
        );
        assert_eq!(parse_literal("::1").unwrap().unwrap().span().size(), 1);
        assert_eq!(parse_literal("camera.local").unwrap(), None);
        assert!(parse_literal("127.0.0.0/33").is_err());
        assert!(parse_literal("127.0.0.9-3").is_err());
        assert!(parse_literal("127.0.0.1-::1").is_err());
    }

    #[test]
    fn coverage_is_targets_minus_exclusions() {
        // The reproduction of the bug: a /27 scanned with its lower /28 excluded.
        let scope = ScanScope::new(vec!["127.0.0.0/27".into()], vec!["127.0.0.0/28".into()]);
        let coverage = scope.coverage();
        assert!(!coverage.contains(ip("127.0.0.5")), "excluded, not scanned");
        assert!(coverage.contains(ip("127.0.0.20")));
        assert!(!coverage.contains(ip("127.0.0.40")), "outside the targets");
        assert!(
            coverage.contains(ip("::ffff:127.0.0.20")),
            "IPv4-mapped twin"
        );
    }

    #[test]
    fn a_host_name_exclusion_makes_coverage_unknown_and_a_host_name_target_covers_nothing() {
        let scope = ScanScope::new(vec!["127.0.0.0/24".into()], vec!["nvr.local".into()]);
        assert!(matches!(scope.coverage(), Coverage::Unknown { .. }));
        assert!(!scope.coverage().contains(ip("127.0.0.1")));
        let names = ScanScope::new(vec!["nvr.local".into()], vec![]);
        assert!(!names.coverage().contains(ip("127.0.0.1")));
    }

    #[test]
    fn address_sets_merge_and_search() {
        let set = AddressSet::from_spans([
            Span::address(ip("10.0.0.3")),
            Span::address(ip("10.0.0.1")),
            Span::address(ip("10.0.0.2")),
            Span::address(ip("::2")),
        ]);
        assert_eq!(set.spans().len(), 2);
        for a in ["10.0.0.1", "10.0.0.2", "10.0.0.3", "::2"] {
            assert!(set.contains(ip(a)), "{a}");
        }
        for a in ["10.0.0.0", "10.0.0.4", "::1", "::3"] {
            assert!(!set.contains(ip(a)), "{a}");
        }
    }
}
