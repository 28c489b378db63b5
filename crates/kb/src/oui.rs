//! MAC prefixes from the IEEE registry (`oui.csv`): MA-L (24-bit), MA-M (28-bit), MA-S and IAB
//! (36-bit) assignments, looked up by longest prefix and mapped to registry vendors through their
//! `ieee_organisations`.
//!
//! File format (written by `cargo run -p xtask -- regen-oui`):
//! ```text
//! # ieee-data-date: 2022-08-27
//! # (further comment lines)
//! Registry,Assignment,Organization Name
//! MA-L,2857BE,"Hangzhou Hikvision Digital Technology Co.,Ltd."
//! ```
//! Lines starting with `#` are comments; the `ieee-data-date` comment is required. Fields follow
//! RFC 4180 quoting. Each `(registry, assignment)` appears once.

use std::borrow::Cow;
use std::collections::HashMap;

use serde::Serialize;

use crate::KbError;
use crate::vendors::Registry;

/// What the IEEE registry says about one MAC address.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "status", rename_all = "kebab-case")]
pub enum MacLookup {
    /// An assigned block; `vendor` is the registry vendor id when the organisation is known.
    Registered {
        /// The assigned prefix, e.g. `28:57:BE` (24 bits) or `70:B3:D5:F2:F` (36 bits).
        prefix: String,
        bits: u8,
        organisation: String,
        vendor: Option<String>,
    },
    /// An assigned block whose holder asked the IEEE to keep its name private.
    Private { prefix: String, bits: u8 },
    /// Bit 0x02 of the first octet: set by software (VMs, randomised Wi-Fi), says nothing of the
    /// maker.
    LocallyAdministered,
    /// Bit 0x01 of the first octet: a group address, not a device.
    Multicast,
    /// A universally administered address in no assigned block of this registry copy.
    Unregistered,
    /// Not a MAC address.
    Invalid(String),
}

/// Which IEEE registry a block comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Block {
    MaL,
    MaM,
    MaS,
    Iab,
}

impl Block {
    pub fn name(self) -> &'static str {
        match self {
            Self::MaL => "MA-L",
            Self::MaM => "MA-M",
            Self::MaS => "MA-S",
            Self::Iab => "IAB",
        }
    }

    pub fn bits(self) -> u8 {
        match self {
            Self::MaL => 24,
            Self::MaM => 28,
            Self::MaS | Self::Iab => 36,
        }
    }

    fn parse(name: &str) -> Option<Self> {
        match name {
            "MA-L" => Some(Self::MaL),
            "MA-M" => Some(Self::MaM),
            "MA-S" => Some(Self::MaS),
            "IAB" => Some(Self::Iab),
            _ => None,
        }
    }
}

#[derive(Debug, Clone, Copy)]
struct Assignment {
    organisation: u32,
    block: Block,
}

/// The MAC prefix table, indexed once at load: one sorted vector per prefix length, searched by
/// binary search (cheaper to build than hash maps, and as fast to query at this size).
#[derive(Debug, Default)]
pub struct OuiTable {
    data_date: String,
    /// Distinct organisation names; assignments refer to them by index.
    organisations: Vec<String>,
    /// Registry vendor id of each organisation, where its name is claimed by one.
    organisation_vendor: Vec<Option<String>>,
    by24: Vec<(u64, Assignment)>,
    by28: Vec<(u64, Assignment)>,
    by36: Vec<(u64, Assignment)>,
}

/// The marker of the data-date comment.
pub const DATE_MARKER: &str = "# ieee-data-date:";

impl OuiTable {
    /// Parses `oui.csv` and maps each organisation to a vendor of `vendors`.
    pub fn parse(text: &str, file: &str, vendors: &Registry) -> Result<Self, KbError> {
        let syntax = |line: usize, message: String| KbError::Syntax {
            file: file.to_owned(),
            line,
            message,
        };
        let mut table = OuiTable::default();
        let mut organisation_index: HashMap<String, u32, BuildFnv> = HashMap::default();
        // Sized for the IEEE registry (about 33k MA-L, 4k MA-M, 10k MA-S and IAB blocks).
        let rows = text.len() / 40;
        table.by24.reserve(rows * 7 / 10);
        table.by28.reserve(rows / 10);
        table.by36.reserve(rows / 4);
        // Line of each row, parallel to the vectors until the duplicate check.
        let mut lines24 = Vec::with_capacity(rows * 7 / 10);
        let mut lines28 = Vec::with_capacity(rows / 10);
        let mut lines36 = Vec::with_capacity(rows / 4);
        let mut header_seen = false;
        let mut fields = Vec::with_capacity(3);
        for (number, raw_line) in text.lines().enumerate() {
            let line_no = number + 1;
            let line = raw_line.strip_suffix('\r').unwrap_or(raw_line);
            if line.starts_with('#') {
                if let Some(date) = line.strip_prefix(DATE_MARKER) {
                    let date = date.trim();
                    if !is_iso_date(date) {
                        return Err(syntax(line_no, format!("bad ieee-data-date `{date}`")));
                    }
                    table.data_date = date.to_owned();
                }
                continue;
            }
            if line.trim().is_empty() {
                continue;
            }
            split_csv_line(line, &mut fields).map_err(|message| syntax(line_no, message))?;
            if !header_seen {
                if !fields.iter().map(AsRef::as_ref).eq([
                    "Registry",
                    "Assignment",
                    "Organization Name",
                ]) {
                    return Err(syntax(
                        line_no,
                        "expected the header `Registry,Assignment,Organization Name`".to_owned(),
                    ));
                }
                header_seen = true;
                continue;
            }
            if fields.len() != 3 {
                return Err(syntax(
                    line_no,
                    format!("expected 3 fields, found {}", fields.len()),
                ));
            }
            let block = Block::parse(&fields[0])
                .ok_or_else(|| syntax(line_no, format!("unknown registry `{}`", fields[0])))?;
            let assignment = &fields[1];
            let hex_digits = usize::from(block.bits() / 4);
            if assignment.len() != hex_digits || !assignment.bytes().all(|b| b.is_ascii_hexdigit())
            {
                return Err(syntax(
                    line_no,
                    format!(
                        "{} assignment `{assignment}` must be {hex_digits} hex digits",
                        block.name()
                    ),
                ));
            }
            let value = u64::from_str_radix(assignment, 16)
                .map_err(|err| syntax(line_no, format!("assignment `{assignment}`: {err}")))?;
            let name = fields[2].trim();
            let organisation = match organisation_index.get(name) {
                Some(&i) => i,
                None => {
                    let i = u32::try_from(table.organisations.len())
                        .map_err(|_| syntax(line_no, "too many organisations".to_owned()))?;
                    organisation_index.insert(name.to_owned(), i);
                    table.organisations.push(name.to_owned());
                    table.organisation_vendor.push(
                        vendors
                            .vendor_for_ieee_organisation(name)
                            .map(|v| v.id.clone()),
                    );
                    i
                }
            };
            let entry = Assignment {
                organisation,
                block,
            };
            let (vector, lines) = match block {
                Block::MaL => (&mut table.by24, &mut lines24),
                Block::MaM => (&mut table.by28, &mut lines28),
                Block::MaS | Block::Iab => (&mut table.by36, &mut lines36),
            };
            lines.push(line_no);
            vector.push((value, entry));
        }
        for (vector, lines) in [
            (&mut table.by24, lines24),
            (&mut table.by28, lines28),
            (&mut table.by36, lines36),
        ] {
            sort_unique(vector, &lines).map_err(|(line, block, value)| {
                let digits = usize::from(block.bits() / 4);
                syntax(
                    line,
                    format!(
                        "{} assignment `{value:0digits$X}` appears twice",
                        block.name()
                    ),
                )
            })?;
        }
        if !header_seen {
            return Err(syntax(1, "no header line: the file is empty".to_owned()));
        }
        if table.data_date.is_empty() {
            return Err(syntax(
                1,
                format!("missing `{DATE_MARKER} YYYY-MM-DD` comment (the IEEE data date)"),
            ));
        }
        Ok(table)
    }

    /// Looks a MAC address up: `28:57:be:01:02:03`, `28-57-BE-01-02-03`, `2857.be01.0203` or
    /// `2857be010203`. The longest assigned prefix wins: MA-S/IAB (36 bits), then MA-M (28), then
    /// MA-L (24).
    pub fn lookup(&self, mac: &str) -> MacLookup {
        let value = match parse_mac(mac) {
            Ok(value) => value,
            Err(reason) => return MacLookup::Invalid(reason),
        };
        let first_octet = (value >> 40) as u8;
        if first_octet & 0x01 != 0 {
            return MacLookup::Multicast;
        }
        if first_octet & 0x02 != 0 {
            return MacLookup::LocallyAdministered;
        }
        let found = find(&self.by36, value >> 12)
            .or_else(|| find(&self.by28, value >> 20))
            .or_else(|| find(&self.by24, value >> 24));
        let Some(entry) = found else {
            return MacLookup::Unregistered;
        };
        let bits = entry.block.bits();
        let prefix = format_prefix(value, bits);
        let organisation = &self.organisations[entry.organisation as usize];
        if organisation.eq_ignore_ascii_case("private") {
            return MacLookup::Private { prefix, bits };
        }
        MacLookup::Registered {
            prefix,
            bits,
            organisation: organisation.clone(),
            vendor: self.organisation_vendor[entry.organisation as usize].clone(),
        }
    }

    /// The date of the IEEE registry copy (`YYYY-MM-DD`).
    pub fn data_date(&self) -> &str {
        &self.data_date
    }

    /// Number of assigned blocks.
    pub fn len(&self) -> usize {
        self.by24.len() + self.by28.len() + self.by36.len()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Every block assigned to an organisation of `vendor`, as `(prefix, bits, organisation)`,
    /// sorted; e.g. for giving lab devices realistic addresses.
    pub fn prefixes_of(&self, vendor: &str) -> Vec<(String, u8, String)> {
        let mut out = Vec::new();
        let mut push = |value: u64, bits: u8, entry: &Assignment| {
            let org = entry.organisation as usize;
            if self.organisation_vendor[org].as_deref() == Some(vendor) {
                out.push((
                    format_prefix(value << (48 - u32::from(bits)), bits),
                    bits,
                    self.organisations[org].clone(),
                ));
            }
        };
        for (v, e) in self.by24.iter().chain(&self.by28).chain(&self.by36) {
            push(*v, e.block.bits(), e);
        }
        out.sort();
        out
    }

    /// Organisation names of the table that `vendors` maps to a vendor, as
    /// `(organisation, vendor id)`, sorted.
    pub fn mapped_organisations(&self) -> Vec<(&str, &str)> {
        let mut out: Vec<(&str, &str)> = self
            .organisations
            .iter()
            .zip(&self.organisation_vendor)
            .filter_map(|(org, vendor)| vendor.as_deref().map(|v| (org.as_str(), v)))
            .collect();
        out.sort();
        out
    }

    /// Whether any organisation name in the table matches `entry` of `ieee_organisations`
    /// (exact, case- and punctuation-insensitive, or `re:` regex).
    pub fn has_organisation(&self, entry: &str) -> bool {
        if let Some(pattern) = entry.strip_prefix("re:") {
            let Ok(re) = regex::RegexBuilder::new(pattern)
                .case_insensitive(true)
                .build()
            else {
                return false;
            };
            return self.organisations.iter().any(|o| re.is_match(o));
        }
        let key = crate::vendors::normalise(entry);
        self.organisations
            .iter()
            .any(|o| crate::vendors::normalise(o) == key)
    }
}

fn find(vector: &[(u64, Assignment)], key: u64) -> Option<&Assignment> {
    vector
        .binary_search_by_key(&key, |&(k, _)| k)
        .ok()
        .map(|i| &vector[i].1)
}

/// Sorts `vector` by prefix; a prefix that appears twice is an error with the later line
/// (`lines[i]` is the line of the `i`-th row as pushed).
fn sort_unique(
    vector: &mut Vec<(u64, Assignment)>,
    lines: &[usize],
) -> Result<(), (usize, Block, u64)> {
    let mut order: Vec<u32> = (0..vector.len() as u32).collect();
    order.sort_unstable_by_key(|&i| vector[i as usize].0);
    for pair in order.windows(2) {
        let (a, b) = (pair[0] as usize, pair[1] as usize);
        if vector[a].0 == vector[b].0 {
            let (value, entry) = vector[b];
            return Err((lines[a].max(lines[b]), entry.block, value));
        }
    }
    let sorted = order.iter().map(|&i| vector[i as usize]).collect();
    *vector = sorted;
    Ok(())
}

/// FNV-1a: the organisation index hashes tens of thousands of short trusted strings once per
/// load, where SipHash's flooding resistance buys nothing and costs a sixth of the load time.
#[derive(Default, Clone, Copy)]
struct BuildFnv;

struct Fnv(u64);

impl std::hash::BuildHasher for BuildFnv {
    type Hasher = Fnv;
    fn build_hasher(&self) -> Fnv {
        Fnv(0xcbf2_9ce4_8422_2325)
    }
}

impl std::hash::Hasher for Fnv {
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0 ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3);
        }
    }
    fn finish(&self) -> u64 {
        self.0
    }
}

/// A MAC address as a 48-bit number.
pub fn parse_mac(mac: &str) -> Result<u64, String> {
    let trimmed = mac.trim();
    if trimmed.len() > 32 {
        let head: String = trimmed.chars().take(16).collect();
        return Err(format!("`{head}…` is too long for a MAC address"));
    }
    let mut value: u64 = 0;
    let mut digits = 0;
    for c in trimmed.chars() {
        match c {
            ':' | '-' | '.' | ' ' => {}
            _ => {
                let d = c
                    .to_digit(16)
                    .ok_or_else(|| format!("`{trimmed}`: `{c}` is not a hex digit"))?;
                digits += 1;
                if digits > 12 {
                    return Err(format!("`{trimmed}` has more than 12 hex digits"));
                }
                value = (value << 4) | u64::from(d);
            }
        }
    }
    if digits != 12 {
        return Err(format!(
            "`{trimmed}` has {digits} hex digits; a MAC address has 12"
        ));
    }
    Ok(value)
}

/// `value`'s first `bits` bits as colon-separated upper-case hex (`28:57:BE`, `70:B3:D5:F2:F`).
fn format_prefix(value: u64, bits: u8) -> String {
    let digits = usize::from(bits / 4);
    let hex = format!("{value:012X}");
    let mut out = String::with_capacity(digits + digits / 2);
    for (i, c) in hex[..digits].chars().enumerate() {
        if i > 0 && i % 2 == 0 {
            out.push(':');
        }
        out.push(c);
    }
    out
}

fn is_iso_date(date: &str) -> bool {
    let b = date.as_bytes();
    b.len() == 10
        && b[4] == b'-'
        && b[7] == b'-'
        && b.iter()
            .enumerate()
            .all(|(i, c)| i == 4 || i == 7 || c.is_ascii_digit())
}

/// Splits one RFC 4180 line into `fields` (quoted fields may contain commas and `""`).
/// Unquoted fields, the vast majority, are borrowed rather than copied.
fn split_csv_line<'a>(line: &'a str, fields: &mut Vec<Cow<'a, str>>) -> Result<(), String> {
    fields.clear();
    let mut rest = line;
    loop {
        if let Some(quoted) = rest.strip_prefix('"') {
            let mut field = String::new();
            let mut tail = quoted;
            // Copy runs between quotes at once; `""` is an escaped quote, a lone `"` ends it.
            let end = loop {
                let Some(i) = tail.find('"') else {
                    return Err("unterminated quoted field".to_owned());
                };
                field.push_str(&tail[..i]);
                if tail[i + 1..].starts_with('"') {
                    field.push('"');
                    tail = &tail[i + 2..];
                } else {
                    break quoted.len() - tail.len() + i;
                }
            };
            fields.push(Cow::Owned(field));
            let after = &quoted[end + 1..];
            if after.is_empty() {
                return Ok(());
            }
            match after.strip_prefix(',') {
                Some(next) => rest = next,
                None => {
                    let c = after.chars().next().unwrap_or(' ');
                    return Err(format!("unexpected `{c}` after a quoted field"));
                }
            }
        } else {
            let (field, next) = match rest.find(',') {
                Some(i) => (&rest[..i], Some(&rest[i + 1..])),
                None => (rest, None),
            };
            if field.contains('"') {
                return Err("quote inside an unquoted field".to_owned());
            }
            fields.push(Cow::Borrowed(field));
            match next {
                Some(next) => rest = next,
                None => return Ok(()),
            }
        }
    }
}

#[cfg(test)]
mod tests;
