//! The estate file: organisations, sites and networks as TOML (format in `docs/estate.md`),
//! read and validated as a whole into `camsweep_model::estate::Estate`.
//!
//! Validation walks the parsed document by hand (not `serde`) so that it can report *every*
//! problem at once, each with the file, line and field, instead of stopping at the first.

use std::collections::HashMap;
use std::fmt;

use camsweep_model::estate::{Estate, Network, Organisation, Site, overlapping_pairs};
use camsweep_model::{Sensitivity, Zone};
use ipnet::IpNet;
use serde::Serialize;
use toml::de::{DeTable, DeValue};

/// One problem in an estate file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EstateIssue {
    pub file: String,
    /// 1-based line; 0 when unknown.
    pub line: usize,
    /// Dotted path of the field, e.g. `network[1].cidrs[0]`.
    pub field: String,
    pub message: String,
}

impl fmt::Display for EstateIssue {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.field.is_empty() {
            write!(f, "{}:{}: {}", self.file, self.line, self.message)
        } else {
            write!(
                f,
                "{}:{}: {}: {}",
                self.file, self.line, self.field, self.message
            )
        }
    }
}

/// Every problem found in an estate file (validation does not stop at the first).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub struct EstateError {
    pub issues: Vec<EstateIssue>,
}

impl fmt::Display for EstateError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "the estate file has {} error(s):", self.issues.len())?;
        for issue in &self.issues {
            write!(f, "\n  {issue}")?;
        }
        Ok(())
    }
}

/// Reads and validates an estate file. `known_packs`, when given, is the list of policy pack
/// ids that exist; an organisation naming any other pack is an error.
pub fn parse(
    text: &str,
    file: &str,
    known_packs: Option<&[String]>,
) -> Result<Estate, EstateError> {
    let line_starts = std::iter::once(0)
        .chain(text.match_indices('\n').map(|(i, _)| i + 1))
        .collect();
    let mut reader = Reader {
        line_starts,
        file,
        issues: Vec::new(),
    };
    let root = match DeTable::parse(text) {
        Ok(root) => root,
        Err(err) => {
            let line = err.span().map(|s| reader.line_of(s.start)).unwrap_or(0);
            return Err(EstateError {
                issues: vec![EstateIssue {
                    file: file.to_owned(),
                    line,
                    field: String::new(),
                    message: format!("not valid TOML: {}", err.message()),
                }],
            });
        }
    };
    let estate = reader.read_root(root.get_ref());
    // An import replaces the whole estate, so an empty (or truncated-to-nothing) file would
    // delete every organisation, site and network: refuse it rather than guess intent.
    if reader.issues.is_empty()
        && estate.estate.organisations.is_empty()
        && estate.estate.sites.is_empty()
        && estate.estate.networks.is_empty()
    {
        reader.issue_at_line(
            1,
            String::new(),
            "holds no organisation, site or network; importing it would delete the whole \
             estate"
                .to_owned(),
        );
    }
    reader.check_references(&estate, known_packs);
    reader.issues.sort_by_key(|i| i.line);
    if reader.issues.is_empty() {
        Ok(estate.estate)
    } else {
        Err(EstateError {
            issues: reader.issues,
        })
    }
}

/// The estate plus where each item was defined, for reference checks.
struct Located {
    estate: Estate,
    /// The line of each CIDR of each valid network, in `estate.networks` order.
    network_lines: Vec<Vec<usize>>,
    policy_lines: Vec<Vec<usize>>,
    /// Every id a table declares, valid table or not: (kind, id, line). Checking duplicates and
    /// references against these, not only the tables that read cleanly, reports every problem
    /// in one pass (a site with a bad sensitivity still exists for its networks, and its own
    /// unknown organisation is still named).
    declared: Vec<(&'static str, String, usize)>,
    /// Every reference a table makes: (kind of the referrer, its id, field, kind of the
    /// target, target id, line).
    references: Vec<Reference>,
}

struct Reference {
    from: &'static str,
    from_id: String,
    field: &'static str,
    to: &'static str,
    target: String,
    line: usize,
}

struct Reader<'t> {
    /// Byte offset where each line starts (line 1 at index 0).
    line_starts: Vec<usize>,
    file: &'t str,
    issues: Vec<EstateIssue>,
}

type Spanned<T> = toml::Spanned<T>;

impl Reader<'_> {
    /// The 1-based line of a byte offset, by binary search over the line starts (counting
    /// newlines from the top for every item made reading a large file quadratic).
    fn line_of(&self, offset: usize) -> usize {
        self.line_starts.partition_point(|&start| start <= offset)
    }

    fn issue(&mut self, offset: usize, field: impl Into<String>, message: impl Into<String>) {
        let line = self.line_of(offset);
        self.issues.push(EstateIssue {
            file: self.file.to_owned(),
            line,
            field: field.into(),
            message: message.into(),
        });
    }

    fn read_root(&mut self, root: &DeTable<'_>) -> Located {
        let mut located = Located {
            estate: Estate::default(),
            network_lines: Vec::new(),
            policy_lines: Vec::new(),
            declared: Vec::new(),
            references: Vec::new(),
        };
        for (key, value) in root {
            let tables = match key.get_ref().as_ref() {
                "organisation" | "site" | "network" => match self.tables(key.get_ref(), value) {
                    Some(t) => t,
                    None => continue,
                },
                other => {
                    self.issue(
                        key.span().start,
                        other,
                        "unknown key (expected [[organisation]], [[site]] or [[network]])",
                    );
                    continue;
                }
            };
            for (index, (offset, table)) in tables.into_iter().enumerate() {
                let kind = key.get_ref().as_ref();
                let path = format!("{kind}[{index}]");
                match kind {
                    "organisation" => self.read_organisation(&path, offset, table, &mut located),
                    "site" => self.read_site(&path, offset, table, &mut located),
                    _ => self.read_network(&path, offset, table, &mut located),
                }
            }
        }
        located
    }

    fn tables<'v, 'i>(
        &mut self,
        key: &str,
        value: &'v Spanned<DeValue<'i>>,
    ) -> Option<Vec<(usize, &'v DeTable<'i>)>> {
        let Some(array) = value.get_ref().as_array() else {
            self.issue(
                value.span().start,
                key,
                format!("expected an array of tables [[{key}]]"),
            );
            return None;
        };
        let mut out = Vec::new();
        for item in array.iter() {
            match item.get_ref().as_table() {
                Some(t) => out.push((item.span().start, t)),
                None => self.issue(item.span().start, key, "expected a table"),
            }
        }
        Some(out)
    }

    /// Flags keys of `table` not in `allowed`.
    fn unknown_keys(&mut self, path: &str, table: &DeTable<'_>, allowed: &[&str]) {
        for key in table.keys() {
            if !allowed.contains(&key.get_ref().as_ref()) {
                self.issue(
                    key.span().start,
                    format!("{path}.{}", key.get_ref()),
                    format!("unknown key (allowed: {})", allowed.join(", ")),
                );
            }
        }
    }

    fn string(
        &mut self,
        path: &str,
        table_offset: usize,
        table: &DeTable<'_>,
        name: &str,
        required: bool,
    ) -> Option<(String, usize)> {
        match table.get(name) {
            None => {
                if required {
                    self.issue(
                        table_offset,
                        format!("{path}.{name}"),
                        "missing required key",
                    );
                }
                None
            }
            Some(v) => match v.get_ref().as_str() {
                Some(s) if required && s.trim().is_empty() => {
                    self.issue(
                        v.span().start,
                        format!("{path}.{name}"),
                        "must not be empty",
                    );
                    None
                }
                Some(s) => Some((s.to_owned(), v.span().start)),
                None => {
                    self.issue(
                        v.span().start,
                        format!("{path}.{name}"),
                        format!("expected a string, found {}", v.get_ref().type_str()),
                    );
                    None
                }
            },
        }
    }

    fn string_list(
        &mut self,
        path: &str,
        table: &DeTable<'_>,
        name: &str,
    ) -> Option<Vec<(String, usize)>> {
        let v = table.get(name)?;
        let Some(array) = v.get_ref().as_array() else {
            self.issue(
                v.span().start,
                format!("{path}.{name}"),
                "expected an array of strings",
            );
            return None;
        };
        let mut out = Vec::new();
        for (i, item) in array.iter().enumerate() {
            match item.get_ref().as_str() {
                Some(s) => out.push((s.to_owned(), item.span().start)),
                None => self.issue(
                    item.span().start,
                    format!("{path}.{name}[{i}]"),
                    "expected a string",
                ),
            }
        }
        Some(out)
    }

    fn read_organisation(
        &mut self,
        path: &str,
        offset: usize,
        table: &DeTable<'_>,
        located: &mut Located,
    ) {
        self.unknown_keys(path, table, &["id", "name", "policies"]);
        let id = self.string(path, offset, table, "id", true);
        let name = self.string(path, offset, table, "name", true);
        let policies = self
            .string_list(path, table, "policies")
            .unwrap_or_default();
        if let Some((id, _)) = &id {
            located
                .declared
                .push(("organisation", id.clone(), self.line_of(offset)));
        }
        if let (Some((id, _)), Some((name, _))) = (id, name) {
            located
                .policy_lines
                .push(policies.iter().map(|(_, o)| self.line_of(*o)).collect());
            located.estate.organisations.push(Organisation {
                id,
                name,
                policies: policies.into_iter().map(|(p, _)| p).collect(),
            });
        }
    }

    fn read_site(&mut self, path: &str, offset: usize, table: &DeTable<'_>, located: &mut Located) {
        self.unknown_keys(
            path,
            table,
            &[
                "id",
                "organisation",
                "name",
                "address",
                "sensitivity",
                "sensitivity_reason",
            ],
        );
        let id = self.string(path, offset, table, "id", true);
        let organisation = self.string(path, offset, table, "organisation", true);
        let name = self.string(path, offset, table, "name", true);
        let address = self.string(path, offset, table, "address", false);
        let reason = self.string(path, offset, table, "sensitivity_reason", false);
        let sensitivity = self
            .string(path, offset, table, "sensitivity", true)
            .and_then(|(s, at)| match s.parse::<Sensitivity>() {
                Ok(v) => Some(v),
                Err(msg) => {
                    self.issue(at, format!("{path}.sensitivity"), msg.to_string());
                    None
                }
            });
        if let Some((id, _)) = &id {
            located
                .declared
                .push(("site", id.clone(), self.line_of(offset)));
            if let Some((organisation, at)) = &organisation {
                located.references.push(Reference {
                    from: "site",
                    from_id: id.clone(),
                    field: "organisation",
                    to: "organisation",
                    target: organisation.clone(),
                    line: self.line_of(*at),
                });
            }
        }
        if let (Some((id, _)), Some((organisation, _)), Some((name, _)), Some(sensitivity)) =
            (id, organisation, name, sensitivity)
        {
            located.estate.sites.push(Site {
                id,
                organisation,
                name,
                address: address.map(|a| a.0),
                sensitivity,
                sensitivity_reason: reason.map(|r| r.0),
            });
        }
    }

    fn read_network(
        &mut self,
        path: &str,
        offset: usize,
        table: &DeTable<'_>,
        located: &mut Located,
    ) {
        self.unknown_keys(
            path,
            table,
            &["id", "site", "zone", "cidrs", "vlan", "public_exposure"],
        );
        let id = self.string(path, offset, table, "id", true);
        let site = self.string(path, offset, table, "site", true);
        let zone = self
            .string(path, offset, table, "zone", true)
            .and_then(|(s, at)| match s.parse::<Zone>() {
                Ok(z) => Some(z),
                Err(msg) => {
                    self.issue(at, format!("{path}.zone"), msg.to_string());
                    None
                }
            });
        let mut cidrs = Vec::new();
        let mut cidr_lines = Vec::new();
        match self.string_list(path, table, "cidrs") {
            None if !table.contains_key("cidrs") => {
                self.issue(offset, format!("{path}.cidrs"), "missing required key");
            }
            None => {}
            Some(list) if list.is_empty() => {
                self.issue(
                    offset,
                    format!("{path}.cidrs"),
                    "must list at least one CIDR",
                );
            }
            Some(list) => {
                for (i, (text, at)) in list.into_iter().enumerate() {
                    match parse_cidr(&text) {
                        Ok(net) => {
                            cidrs.push(net);
                            cidr_lines.push(self.line_of(at));
                        }
                        Err(msg) => {
                            self.issue(at, format!("{path}.cidrs[{i}]"), msg);
                        }
                    }
                }
            }
        }
        let vlan = match table.get("vlan") {
            None => Some(None),
            Some(v) => match v
                .get_ref()
                .as_integer()
                .and_then(|i| i64::from_str_radix(i.as_str(), i.radix()).ok())
            {
                Some(n) if (1..=4094).contains(&n) => Some(Some(n as u16)),
                _ => {
                    self.issue(
                        v.span().start,
                        format!("{path}.vlan"),
                        "expected an integer VLAN id 1..=4094",
                    );
                    None
                }
            },
        };
        let public_exposure = match table.get("public_exposure") {
            None => Some(false),
            Some(v) => match v.get_ref().as_bool() {
                Some(b) => Some(b),
                None => {
                    self.issue(
                        v.span().start,
                        format!("{path}.public_exposure"),
                        "expected true or false",
                    );
                    None
                }
            },
        };
        // A network with bad or missing CIDRs is kept with its good ones, so that reference and
        // overlap checks still run (the bad ones are already reported, so the file is refused).
        if let Some((id, _)) = &id {
            located
                .declared
                .push(("network", id.clone(), self.line_of(offset)));
            if let Some((site, at)) = &site {
                located.references.push(Reference {
                    from: "network",
                    from_id: id.clone(),
                    field: "site",
                    to: "site",
                    target: site.clone(),
                    line: self.line_of(*at),
                });
            }
        }
        if let (Some((id, _)), Some((site, _)), Some(zone), Some(vlan), Some(public_exposure)) =
            (id, site, zone, vlan, public_exposure)
        {
            located.network_lines.push(cidr_lines);
            located.estate.networks.push(Network {
                id,
                site,
                zone,
                cidrs,
                vlan,
                public_exposure,
            });
        }
    }

    fn issue_at_line(&mut self, line: usize, field: String, message: String) {
        self.issues.push(EstateIssue {
            file: self.file.to_owned(),
            line,
            field,
            message,
        });
    }

    fn check_references(&mut self, located: &Located, known_packs: Option<&[String]>) {
        let estate = &located.estate;
        let mut first: HashMap<(&str, &str), usize> = HashMap::new();
        for (kind, id, line) in &located.declared {
            match first.get(&(*kind, id.as_str())) {
                Some(first_line) => self.issue_at_line(
                    *line,
                    format!("{kind}.id"),
                    format!("duplicate {kind} id {id:?} (first defined at line {first_line})"),
                ),
                None => {
                    first.insert((kind, id.as_str()), *line);
                }
            }
        }
        for r in &located.references {
            if !first.contains_key(&(r.to, r.target.as_str())) {
                self.issue_at_line(
                    r.line,
                    format!("{} {:?}.{}", r.from, r.from_id, r.field),
                    format!("unknown {} {:?}", r.to, r.target),
                );
            }
        }
        if let Some(known) = known_packs {
            for (i, org) in estate.organisations.iter().enumerate() {
                for (j, pack) in org.policies.iter().enumerate() {
                    if !known.iter().any(|k| k == pack) {
                        self.issue_at_line(
                            located.policy_lines[i][j],
                            format!("organisation {:?}.policies[{j}]", org.id),
                            format!("unknown policy pack {pack:?} (known: {})", known.join(", ")),
                        );
                    }
                }
            }
        }
        // Overlapping CIDRs across networks make placement ambiguous; within one network they
        // are merely redundant, so only cross-network overlaps are errors.
        let mut all: Vec<(usize, usize, IpNet)> = Vec::new();
        for (i, n) in estate.networks.iter().enumerate() {
            for (j, c) in n.cidrs.iter().enumerate() {
                all.push((i, j, *c));
            }
        }
        for (a, b) in overlapping_pairs(&all) {
            {
                let (ni, ci, na) = all[a];
                let (nj, cj, nb) = all[b];
                if ni != nj {
                    let first = &estate.networks[ni];
                    let second = &estate.networks[nj];
                    self.issue_at_line(
                        located.network_lines[nj][cj],
                        format!("network {:?}.cidrs[{cj}]", second.id),
                        format!(
                            "{nb} overlaps {na} of network {:?} (line {})",
                            first.id, located.network_lines[ni][ci]
                        ),
                    );
                }
            }
        }
    }
}

/// Parses a CIDR strictly: the address must be the network address (`10.0.0.5/24` is refused
/// because it usually means a typo). A bare address is a /32 or /128.
pub fn parse_cidr(text: &str) -> Result<IpNet, String> {
    let net: IpNet = match text.parse::<IpNet>() {
        Ok(n) => n,
        Err(_) => match text.parse::<std::net::IpAddr>() {
            Ok(addr) => IpNet::from(addr),
            Err(_) => return Err(format!("not a CIDR: {text:?}")),
        },
    };
    if net.trunc() != net {
        return Err(format!(
            "{text:?} has host bits set; did you mean {}?",
            net.trunc()
        ));
    }
    Ok(net)
}

/// Serialises an estate as TOML in the documented format (for `estate show`).
pub fn to_toml(estate: &Estate) -> String {
    #[derive(Serialize)]
    struct File<'a> {
        organisation: &'a [Organisation],
        site: &'a [Site],
        network: &'a [Network],
    }
    let file = File {
        organisation: &estate.organisations,
        site: &estate.sites,
        network: &estate.networks,
    };
    toml::to_string(&file).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    const MINIMAL: &str = r#"
[[organisation]]
id = "dept"
name = "Department for Examples"
policies = ["uk-hcws386-2022"]
[[site]]
id = "hq"
organisation = "dept"
name = "Headquarters"
sensitivity = "sensitive"
[[network]]
id = "hq-core"
site = "hq"
zone = "core"
cidrs = ["127.90.0.0/24"]
"#;

    fn packs() -> Vec<String> {
        vec!["uk-hcws386-2022".into(), "us-ndaa-889".into()]
    }

    #[test]
    fn public_exposure_is_optional_false_by_default_and_must_be_a_boolean() {
        let estate = parse(MINIMAL, "e.toml", None).unwrap();
        assert!(!estate.networks[0].public_exposure);
        let exposed = MINIMAL.to_owned()
            + "[[network]]\nid = \"dmz\"\nsite = \"hq\"\nzone = \"other\"\ncidrs = [\"127.90.1.0/24\"]\npublic_exposure = true\n";
        let estate = parse(&exposed, "e.toml", None).unwrap();
        assert!(
            estate
                .networks
                .iter()
                .any(|n| n.id == "dmz" && n.public_exposure)
        );
        assert!(to_toml(&estate).contains("public_exposure = true"));
        let bad = exposed.replace("public_exposure = true", "public_exposure = \"yes\"");
        let err = parse(&bad, "e.toml", None).unwrap_err().to_string();
        assert!(
            err.contains("e.toml:") && err.contains("network[1].public_exposure"),
            "{err}"
        );
    }

    #[test]
    fn the_minimal_file_from_the_issue_reads() {
        let estate = parse(MINIMAL, "estate.toml", Some(&packs())).unwrap();
        assert_eq!(estate.organisations[0].policies, ["uk-hcws386-2022"]);
        assert_eq!(estate.sites[0].sensitivity, Sensitivity::Sensitive);
        assert_eq!(estate.networks[0].zone, Zone::Core);
        assert_eq!(estate.networks[0].cidrs[0].to_string(), "127.90.0.0/24");
    }

    #[test]
    fn every_error_is_reported_with_line_and_field() {
        let text = r#"
[[organisation]]
id = "dept"
name = "D"
policies = ["no-such-pack"]
colour = "blue"
[[site]]
id = "hq"
organisation = "dept"
name = "HQ"
sensitivity = "sensitive"
[[site]]
id = "hq"
organisation = "ghost"
name = "HQ again"
sensitivity = "very"
[[network]]
id = "n1"
site = "nowhere"
zone = "core"
cidrs = ["10.0.0.0/8"]
[[network]]
id = "n2"
site = "hq"
zone = "core"
cidrs = ["10.1.0.0/16", "300.1.1.0/24"]
"#;
        let err = parse(text, "e.toml", Some(&packs())).unwrap_err();
        let rendered = err.to_string();
        let expect = [
            ("e.toml:6", "colour", "unknown key"),
            ("e.toml:5", "policies[0]", "unknown policy pack"),
            ("e.toml:16", "sensitivity", "is not a sensitivity"),
            // The same site, whose sensitivity is bad, still has its other problems named
            // (they used to show only once the sensitivity was fixed).
            (
                "e.toml:14",
                "organisation",
                "unknown organisation \"ghost\"",
            ),
            ("e.toml:12", "site.id", "duplicate site id \"hq\""),
            ("e.toml:19", "site", "unknown site \"nowhere\""),
            ("e.toml:26", "cidrs[1]", "not a CIDR"),
            ("e.toml:26", "cidrs[0]", "overlaps 10.0.0.0/8"),
        ];
        for (at, field, msg) in expect {
            assert!(
                err.issues
                    .iter()
                    .any(|i| format!("{}:{}", i.file, i.line) == at
                        && i.field.contains(field)
                        && i.message.contains(msg)),
                "missing {at} {field} {msg} in:\n{rendered}"
            );
        }
    }

    #[test]
    fn duplicate_ids_and_unknown_organisation_are_errors() {
        let text = MINIMAL.to_owned()
            + "[[site]]\nid = \"hq\"\norganisation = \"other\"\nname = \"x\"\nsensitivity = \"non-sensitive\"\n";
        let err = parse(&text, "e.toml", None).unwrap_err();
        assert!(
            err.issues
                .iter()
                .any(|i| i.message.contains("duplicate site id"))
        );
        assert!(
            err.issues
                .iter()
                .any(|i| i.message.contains("unknown organisation"))
        );
    }

    #[test]
    fn host_bits_and_bad_toml_are_errors() {
        assert!(
            parse_cidr("10.0.0.5/24")
                .unwrap_err()
                .contains("10.0.0.0/24")
        );
        assert_eq!(parse_cidr("10.0.0.5").unwrap().to_string(), "10.0.0.5/32");
        let err = parse("[[site]\nid=", "bad.toml", None).unwrap_err();
        assert_eq!(err.issues.len(), 1);
        assert!(err.to_string().contains("bad.toml:1"), "{err}");
    }

    #[test]
    fn an_empty_estate_file_is_refused_rather_than_deleting_the_estate() {
        for text in ["", "# nothing yet\n"] {
            let err = parse(text, "empty.toml", None).unwrap_err();
            assert_eq!(err.issues.len(), 1, "{err}");
            assert!(err.to_string().contains("empty.toml:1"), "{err}");
            assert!(err.to_string().contains("delete the whole estate"), "{err}");
        }
    }

    /// A network whose zone is bad is still a network for the references and duplicates of
    /// the others, and its own unknown site is reported in the same pass.
    #[test]
    fn a_network_with_a_bad_zone_still_has_its_site_checked() {
        let text = MINIMAL.to_owned()
            + "[[network]]\nid = \"cams\"\nsite = \"annex\"\nzone = \"cctv\"\ncidrs = [\"127.91.0.0/24\"]\n";
        let err = parse(&text, "e.toml", None).unwrap_err();
        let lines: Vec<(usize, &str)> = err
            .issues
            .iter()
            .map(|i| (i.line, i.message.as_str()))
            .collect();
        assert_eq!(lines.len(), 2, "{err}");
        assert_eq!(lines[0].0, 18, "{err}");
        assert!(lines[0].1.contains("unknown site \"annex\""), "{err}");
        assert_eq!(lines[1].0, 19, "{err}");
    }

    /// `::ffff:127.90.0.0/120` names the addresses of `127.90.0.0/24`: the two overlap, and
    /// an address written either way is placed on the same network.
    #[test]
    fn ipv4_mapped_ipv6_networks_are_their_ipv4_twins() {
        let twin = MINIMAL.to_owned()
            + "[[network]]\nid = \"mapped\"\nsite = \"hq\"\nzone = \"isolated\"\ncidrs = [\"::ffff:127.90.0.0/120\"]\n";
        let err = parse(&twin, "e.toml", None).unwrap_err();
        assert!(err.to_string().contains("overlaps 127.90.0.0/24"), "{err}");

        let mapped_only = MINIMAL.replace("127.90.0.0/24", "::ffff:127.90.0.0/120");
        let estate = parse(&mapped_only, "e.toml", None).unwrap();
        for address in ["127.90.0.7", "::ffff:127.90.0.7"] {
            let placed = estate.place(address.parse().unwrap()).expect(address);
            assert_eq!(placed.network.id, "hq-core", "{address}");
        }
        let estate = parse(MINIMAL, "e.toml", None).unwrap();
        let placed = estate.place("::ffff:127.90.0.7".parse().unwrap()).unwrap();
        assert_eq!(placed.network.id, "hq-core");
        assert!(estate.place("::127.90.0.7".parse().unwrap()).is_none());
    }

    #[test]
    fn placement_is_longest_prefix() {
        let text = MINIMAL.to_owned()
            + "[[network]]\nid = \"hq-cams\"\nsite = \"hq\"\nzone = \"isolated\"\ncidrs = [\"127.90.0.128/25\"]\n";
        // Nested ranges are an overlap, so build the estate directly for this pure check.
        let mut estate = parse(MINIMAL, "e.toml", None).unwrap();
        estate.networks.push(Network {
            id: "hq-cams".into(),
            site: "hq".into(),
            zone: Zone::Isolated,
            cidrs: vec!["127.90.0.128/25".parse().unwrap()],
            vlan: None,
            public_exposure: false,
        });
        assert!(parse(&text, "e.toml", None).is_err());
        let p = estate.place("127.90.0.200".parse().unwrap()).unwrap();
        assert_eq!(p.network.id, "hq-cams");
        let p = estate.place("127.90.0.5".parse().unwrap()).unwrap();
        assert_eq!(p.network.id, "hq-core");
        assert!(estate.place("127.91.0.5".parse().unwrap()).is_none());
    }

    #[test]
    fn show_round_trips_through_toml() {
        let estate = parse(MINIMAL, "e.toml", None).unwrap();
        let text = to_toml(&estate);
        assert_eq!(parse(&text, "shown.toml", None).unwrap(), estate);
    }
}
