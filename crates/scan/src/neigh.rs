//! MAC addresses of hosts on the same link, from the kernel's neighbour table (the calling
//! thread's `/proc/thread-self/net/arp`, else `/proc/net/arp`, for IPv4, `ip -6 neigh` for IPv6). Read at most once a second however many hosts finish.

use std::collections::HashMap;
use std::net::IpAddr;
use std::sync::Mutex;
use std::time::{Duration, Instant};

/// Parses `/proc/net/arp`: complete entries (flag 0x2) with a non-zero MAC.
pub fn parse_proc_arp(text: &str) -> HashMap<IpAddr, String> {
    let mut out = HashMap::new();
    for line in text.lines().skip(1) {
        let cols: Vec<&str> = line.split_whitespace().collect();
        if cols.len() < 4 {
            continue;
        }
        let flags = u32::from_str_radix(cols[2].trim_start_matches("0x"), 16).unwrap_or(0);
        let mac = cols[3].to_ascii_lowercase();
        if flags & 0x2 == 0 || mac == "00:00:00:00:00:00" {
            continue;
        }
        if let Ok(ip) = cols[0].parse::<IpAddr>() {
            out.insert(ip, mac);
        }
    }
    out
}

/// Parses `ip -6 neigh show`: `ADDR dev IF lladdr MAC STATE`; failed/incomplete are skipped.
pub fn parse_ip_neigh(text: &str) -> HashMap<IpAddr, String> {
    let mut out = HashMap::new();
    for line in text.lines() {
        let words: Vec<&str> = line.split_whitespace().collect();
        let Some(ip) = words.first().and_then(|w| w.parse::<IpAddr>().ok()) else {
            continue;
        };
        if words.iter().any(|w| *w == "FAILED" || *w == "INCOMPLETE") {
            continue;
        }
        if let Some(i) = words.iter().position(|w| *w == "lladdr")
            && let Some(mac) = words.get(i + 1)
        {
            out.insert(ip, mac.to_ascii_lowercase());
        }
    }
    out
}

/// A neighbour table cache.
pub(crate) struct Neighbours {
    inner: Mutex<(Option<Instant>, HashMap<IpAddr, String>)>,
    ipv6: bool,
}

const REFRESH: Duration = Duration::from_secs(1);

impl Neighbours {
    pub fn new(ipv6: bool) -> Self {
        Self {
            inner: Mutex::new((None, HashMap::new())),
            ipv6,
        }
    }

    /// The MAC of `addr`, if the kernel knows it.
    pub fn lookup(&self, addr: IpAddr) -> Option<String> {
        let mut guard = self.inner.lock().unwrap_or_else(|e| e.into_inner());
        let stale = guard.0.is_none_or(|t| t.elapsed() > REFRESH);
        if stale
            || !guard.1.contains_key(&addr) && guard.0.is_some_and(|t| t.elapsed() > REFRESH / 4)
        {
            // `/proc/net` is the namespace of the process's main thread; a scan run on a thread
            // moved into another network namespace (setns) must read its own thread's table.
            let mut table = std::fs::read_to_string("/proc/thread-self/net/arp")
                .or_else(|_| std::fs::read_to_string("/proc/net/arp"))
                .map(|t| parse_proc_arp(&t))
                .unwrap_or_default();
            if self.ipv6
                && let Ok(out) = std::process::Command::new("ip")
                    .args(["-6", "neigh", "show"])
                    .output()
            {
                table.extend(parse_ip_neigh(&String::from_utf8_lossy(&out.stdout)));
            }
            *guard = (Some(Instant::now()), table);
        }
        guard.1.get(&addr).cloned()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn proc_arp_keeps_complete_entries_only() {
        let text = "IP address       HW type     Flags       HW address            Mask     Device\n\
                    10.0.0.2         0x1         0x2         BC:AD:28:01:02:03     *        eth0\n\
                    10.0.0.3         0x1         0x0         00:00:00:00:00:00     *        eth0\n";
        let t = parse_proc_arp(text);
        assert_eq!(
            t.get(&"10.0.0.2".parse().unwrap()).unwrap(),
            "bc:ad:28:01:02:03"
        );
        assert_eq!(t.len(), 1);
    }

    #[test]
    fn ip_neigh_reads_lladdr() {
        let text =
            "fe80::1 dev veth0 lladdr 44:19:b6:00:00:01 REACHABLE\nfe80::2 dev veth0 FAILED\n";
        let t = parse_ip_neigh(text);
        assert_eq!(
            t.get(&"fe80::1".parse().unwrap()).unwrap(),
            "44:19:b6:00:00:01"
        );
        assert_eq!(t.len(), 1);
    }
}
