//! The estate: organisations, sites and networks, and where an address falls on them
//! (longest-prefix placement). Read from the estate file by `camsweep_import::estate`, stored
//! by the register, placed on by ingest and evaluation.

use std::collections::{BTreeMap, HashMap, HashSet};

use ipnet::IpNet;
use serde::{Deserialize, Serialize};

pub use crate::vocabulary::{Sensitivity, Zone};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Organisation {
    pub id: String,
    pub name: String,
    /// Policy pack ids that apply to this organisation, e.g. `uk-hcws386-2022`.
    pub policies: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Site {
    pub id: String,
    pub organisation: String,
    pub name: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub address: Option<String>,
    pub sensitivity: Sensitivity,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sensitivity_reason: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Network {
    pub id: String,
    pub site: String,
    pub zone: Zone,
    pub cidrs: Vec<IpNet>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub vlan: Option<u16>,
    /// Whether devices on this network are reachable from the internet (CISA BOD 26-04's
    /// "public exposure"); `false` unless the estate says so.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub public_exposure: bool,
}

/// A whole, validated estate.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Estate {
    pub organisations: Vec<Organisation>,
    pub sites: Vec<Site>,
    pub networks: Vec<Network>,
}

/// Where a device is: the network its address falls in (longest prefix), and that network's
/// site.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Placement<'a> {
    pub network: &'a Network,
    pub cidr: IpNet,
}

impl Estate {
    /// The network an address falls in, by longest-prefix match over every network's CIDRs.
    pub fn place(&self, address: std::net::IpAddr) -> Option<Placement<'_>> {
        place_in(&self.networks, address)
    }

    /// The same estate with every list ordered by id (the register's order), for comparisons.
    pub fn sorted(mut self) -> Self {
        self.organisations.sort_by(|a, b| a.id.cmp(&b.id));
        self.sites.sort_by(|a, b| a.id.cmp(&b.id));
        self.networks.sort_by(|a, b| a.id.cmp(&b.id));
        self
    }

    pub fn site(&self, id: &str) -> Option<&Site> {
        self.sites.iter().find(|s| s.id == id)
    }

    pub fn organisation(&self, id: &str) -> Option<&Organisation> {
        self.organisations.iter().find(|o| o.id == id)
    }

    pub fn network(&self, id: &str) -> Option<&Network> {
        self.networks.iter().find(|n| n.id == id)
    }
}

/// Longest-prefix match of `address` over `networks` (builds a [`Placer`]: to place many
/// addresses, build one and reuse it).
pub fn place_in(networks: &[Network], address: std::net::IpAddr) -> Option<Placement<'_>> {
    Placer::new(networks).place(address)
}

/// A CIDR block as (family, network address, prefix length) with IPv4-mapped IPv6 blocks
/// (`::ffff:10.0.0.0/104`) written as their IPv4 twins (`10.0.0.0/8`): both name the same
/// addresses, so they must place, and overlap, alike.
fn canonical_block(net: &IpNet) -> (u8, u128, u8) {
    match net {
        IpNet::V4(v4) => (4, u128::from(u32::from(v4.network())), v4.prefix_len()),
        IpNet::V6(v6) => match v6.network().to_ipv4_mapped() {
            Some(v4) if v6.prefix_len() >= 96 => {
                (4, u128::from(u32::from(v4)), v6.prefix_len() - 96)
            }
            _ => (6, u128::from(v6.network()), v6.prefix_len()),
        },
    }
}

/// An address as (family, bits), IPv4-mapped IPv6 addresses as IPv4.
fn canonical_address(address: std::net::IpAddr) -> (u8, u128) {
    match address.to_canonical() {
        std::net::IpAddr::V4(v4) => (4, u128::from(u32::from(v4))),
        std::net::IpAddr::V6(v6) => (6, u128::from(v6)),
    }
}

fn mask(family: u8, bits: u128, prefix: u8) -> u128 {
    let width: u32 = if family == 4 { 32 } else { 128 };
    let host = width - u32::from(prefix);
    if host >= 128 { 0 } else { bits >> host << host }
}

/// Network address → (network, the CIDR as written), for one prefix length.
type Blocks<'a> = HashMap<u128, (&'a Network, IpNet)>;

/// Longest-prefix placement over many networks: one hash map per prefix length in use, so an
/// address costs one lookup per distinct prefix length (at most 33 + 129), not one test per
/// CIDR of the estate. With 100,000 networks the linear scan made ingest and estate import
/// quadratic in practice.
pub struct Placer<'a> {
    /// (family, prefix length) → network address → (network, the CIDR as written), longest
    /// prefixes first.
    levels: Vec<((u8, u8), Blocks<'a>)>,
}

impl<'a> Placer<'a> {
    pub fn new(networks: &'a [Network]) -> Self {
        let mut by_level: HashMap<(u8, u8), Blocks<'a>> = HashMap::new();
        for network in networks {
            for cidr in &network.cidrs {
                let (family, bits, prefix) = canonical_block(cidr);
                // The first network to claim a block keeps it (a valid estate has no two).
                by_level
                    .entry((family, prefix))
                    .or_default()
                    .entry(bits)
                    .or_insert((network, *cidr));
            }
        }
        let mut levels: Vec<_> = by_level.into_iter().collect();
        levels.sort_by_key(|((family, prefix), _)| (*family, std::cmp::Reverse(*prefix)));
        Placer { levels }
    }

    /// The network `address` falls in, by longest prefix.
    pub fn place(&self, address: std::net::IpAddr) -> Option<Placement<'a>> {
        let (family, bits) = canonical_address(address);
        self.levels
            .iter()
            .filter(|((f, _), _)| *f == family)
            .find_map(|((_, prefix), blocks)| blocks.get(&mask(family, bits, *prefix)))
            .map(|&(network, cidr)| Placement { network, cidr })
    }
}

/// The estate's organisations, sites and networks by id, for many lookups.
pub struct EstateIndex<'a> {
    pub organisations: HashMap<&'a str, &'a Organisation>,
    pub sites: HashMap<&'a str, &'a Site>,
    pub networks: HashMap<&'a str, &'a Network>,
    /// Sites with at least one `core` network.
    pub sites_with_core: HashSet<&'a str>,
}

impl<'a> EstateIndex<'a> {
    pub fn new(estate: &'a Estate) -> Self {
        EstateIndex {
            organisations: estate
                .organisations
                .iter()
                .map(|o| (o.id.as_str(), o))
                .collect(),
            sites: estate.sites.iter().map(|s| (s.id.as_str(), s)).collect(),
            networks: estate.networks.iter().map(|n| (n.id.as_str(), n)).collect(),
            sites_with_core: estate
                .networks
                .iter()
                .filter(|n| n.zone == Zone::Core)
                .map(|n| n.site.as_str())
                .collect(),
        }
    }
}

/// A site or network that an estate import would delete while devices are still placed on it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Removal {
    /// `site` or `network`.
    pub kind: &'static str,
    pub id: String,
    pub devices: usize,
}

impl std::fmt::Display for Removal {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{} {} ({} devices)", self.kind, self.id, self.devices)
    }
}

/// What replacing `old` by `new` would delete that still holds devices, given the network each
/// device is placed on: sites first, then networks, each in `old`'s order.
pub fn removals_holding_devices<'a>(
    old: &Estate,
    new: &Estate,
    device_networks: impl IntoIterator<Item = Option<&'a str>>,
) -> Vec<Removal> {
    let mut on_network: HashMap<&str, usize> = HashMap::new();
    for network in device_networks.into_iter().flatten() {
        *on_network.entry(network).or_default() += 1;
    }
    let mut on_site: HashMap<&str, usize> = HashMap::new();
    for network in &old.networks {
        if let Some(&n) = on_network.get(network.id.as_str()) {
            *on_site.entry(network.site.as_str()).or_default() += n;
        }
    }
    let kept_sites: HashSet<&str> = new.sites.iter().map(|s| s.id.as_str()).collect();
    let kept_networks: HashSet<&str> = new.networks.iter().map(|n| n.id.as_str()).collect();
    let sites = old.sites.iter().filter_map(|site| {
        let devices = *on_site.get(site.id.as_str())?;
        (!kept_sites.contains(site.id.as_str())).then(|| Removal {
            kind: "site",
            id: site.id.clone(),
            devices,
        })
    });
    let networks = old.networks.iter().filter_map(|network| {
        let devices = *on_network.get(network.id.as_str())?;
        (!kept_networks.contains(network.id.as_str())).then(|| Removal {
            kind: "network",
            id: network.id.clone(),
            devices,
        })
    });
    sites.chain(networks).collect()
}

/// Every pair `(a, b)`, `a < b`, of CIDRs in `all` that overlap, in the order a double loop
/// over `all` would find them. CIDR blocks are either nested or disjoint, so one sweep in
/// address order with a stack of the blocks that contain the current one finds every pair in
/// O(n log n + pairs) instead of the double loop's O(n²).
pub fn overlapping_pairs(all: &[(usize, usize, IpNet)]) -> Vec<(usize, usize)> {
    let start = canonical_block;
    let contains = |outer: &IpNet, inner: &IpNet| {
        let (family, outer_bits, outer_prefix) = canonical_block(outer);
        let (inner_family, inner_bits, inner_prefix) = canonical_block(inner);
        family == inner_family
            && inner_prefix >= outer_prefix
            && mask(family, inner_bits, outer_prefix) == outer_bits
    };
    let mut order: Vec<usize> = (0..all.len()).collect();
    // Address order; at one address the larger block (shorter prefix) first, then file order.
    order.sort_by_key(|&k| (start(&all[k].2), k));
    let mut open: Vec<usize> = Vec::new();
    let mut pairs = Vec::new();
    for &k in &order {
        let net = all[k].2;
        while let Some(&outer) = open.last() {
            if contains(&all[outer].2, &net) {
                break;
            }
            open.pop();
        }
        pairs.extend(open.iter().map(|&outer| (outer.min(k), outer.max(k))));
        open.push(k);
    }
    pairs.sort_unstable();
    pairs
}

/// Counts per kind, for summaries.
pub fn summary(estate: &Estate) -> BTreeMap<&'static str, usize> {
    BTreeMap::from([
        ("organisations", estate.organisations.len()),
        ("sites", estate.sites.len()),
        ("networks", estate.networks.len()),
    ])
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The sweep finds exactly the pairs, in exactly the order, that the double loop it
    /// replaced found (nested, identical, adjacent and disjoint blocks, both families).
    #[test]
    fn the_overlap_sweep_agrees_with_the_double_loop() {
        let mut seed: u64 = 0x9E37_79B9_7F4A_7C15;
        let mut next = move || {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            seed
        };
        let mut all: Vec<(usize, usize, IpNet)> = Vec::new();
        for i in 0..400 {
            let r = next();
            let net: IpNet = if r % 5 == 0 {
                let len = 112 + (r >> 8) as u8 % 17;
                let addr = std::net::Ipv6Addr::from(
                    0xfd00_u128 << 112 | u128::from((r >> 16) as u16) << 96,
                );
                IpNet::new(addr.into(), len).unwrap().trunc()
            } else {
                let len = 20 + (r >> 8) as u8 % 13;
                let addr = std::net::Ipv4Addr::from(0x0a00_0000 | ((r >> 16) as u32 & 0x000f_ffff));
                IpNet::new(addr.into(), len).unwrap().trunc()
            };
            all.push((i / 2, i % 2, net));
        }
        let overlaps = |a: IpNet, b: IpNet| a.contains(&b.network()) || b.contains(&a.network());
        let mut expected = Vec::new();
        for a in 0..all.len() {
            for b in a + 1..all.len() {
                if overlaps(all[a].2, all[b].2) {
                    expected.push((a, b));
                }
            }
        }
        assert!(
            expected.len() > 50,
            "the sample has overlaps: {}",
            expected.len()
        );
        assert_eq!(overlapping_pairs(&all), expected);
    }

    /// The placement index agrees with the linear longest-prefix scan it replaced, over nested
    /// blocks of both families.
    #[test]
    fn the_placer_agrees_with_a_linear_longest_prefix_scan() {
        let mut seed: u64 = 0x2545_F491_4F6C_DD1D;
        let mut next = move || {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            seed
        };
        let mut networks = Vec::new();
        for i in 0..300 {
            let r = next();
            let net: IpNet = if r % 4 == 0 {
                let addr = std::net::Ipv6Addr::from(
                    0xfd00_u128 << 112 | u128::from((r >> 16) as u16) << 96,
                );
                IpNet::new(addr.into(), 100 + (r >> 8) as u8 % 29)
                    .unwrap()
                    .trunc()
            } else {
                let addr = std::net::Ipv4Addr::from(0x0a00_0000 | ((r >> 16) as u32 & 0x00ff_ffff));
                IpNet::new(addr.into(), 8 + (r >> 8) as u8 % 25)
                    .unwrap()
                    .trunc()
            };
            networks.push(Network {
                id: format!("n{i}"),
                site: "s".into(),
                zone: Zone::Other,
                cidrs: vec![net],
                vlan: None,
                public_exposure: false,
            });
        }
        let linear = |address: std::net::IpAddr| {
            networks
                .iter()
                .flat_map(|n| n.cidrs.iter().map(move |c| (n, *c)))
                .filter(|(_, cidr)| cidr.contains(&address))
                // The first of equally long blocks, as the placer keeps it.
                .fold(None::<(&Network, IpNet)>, |best, (n, c)| match best {
                    Some((_, b)) if b.prefix_len() >= c.prefix_len() => best,
                    _ => Some((n, c)),
                })
                .map(|(n, _)| n.id.clone())
        };
        let placer = Placer::new(&networks);
        let mut placed = 0;
        for _ in 0..5000 {
            let r = next();
            let address: std::net::IpAddr = if r % 4 == 0 {
                std::net::Ipv6Addr::from(0xfd00_u128 << 112 | u128::from(r as u32) << 80).into()
            } else {
                std::net::Ipv4Addr::from(0x0a00_0000 | (r as u32 & 0x00ff_ffff)).into()
            };
            let got = placer.place(address).map(|p| p.network.id.clone());
            placed += usize::from(got.is_some());
            assert_eq!(got, linear(address), "{address}");
        }
        assert!(placed > 1000, "the sample places addresses: {placed}");
    }
}
