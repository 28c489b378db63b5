//! `camsweep kb`: show the knowledge base (version, origin, sizes, MAC registry date) and look up a
//! vendor, a MAC address or a brand label in it.

use std::io::Write;

use anyhow::Context;
use camsweep_kb::KnowledgeBase;
use camsweep_kb::oui::MacLookup;
use camsweep_kb::vendors::{BrandMatch, Vendor};
use serde::Serialize;

use crate::{Globals, Outcome};

#[derive(Debug, clap::Args)]
pub struct Args {
    #[command(subcommand)]
    pub command: KbCommand,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Text, global = true)]
    pub format: Format,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    Text,
    Json,
}

#[derive(Debug, clap::Subcommand)]
pub enum KbCommand {
    /// Version, origin, vendor, list and rule counts, MAC table size and registry date.
    Show,
    /// One vendor's facts with their sources (by id or by any of its names).
    Vendor {
        /// Vendor id (`hikvision`) or a name (`Zhejiang Dahua Technology Co., Ltd.`).
        id: String,
    },
    /// What the IEEE registry says about a MAC address.
    Mac {
        /// e.g. `44:47:cc:12:34:56`, `4447.cc12.3456`.
        mac: String,
    },
    /// Who makes equipment sold under a brand label (own brands and known relabels).
    Brand {
        /// e.g. `LTS`, `EZVIZ`, `Lorex`.
        name: String,
    },
}

pub fn run(args: Args, globals: &Globals) -> anyhow::Result<Outcome> {
    let kb = match &globals.kb {
        Some(dir) => KnowledgeBase::from_dir(dir)
            .with_context(|| format!("loading the knowledge base from {}", dir.display()))?,
        None => KnowledgeBase::embedded().context("loading the embedded knowledge base")?,
    };
    let mut out = std::io::stdout().lock();
    match args.command {
        KbCommand::Show => show(&kb, args.format, &mut out)?,
        KbCommand::Vendor { id } => {
            let vendor = kb
                .vendors
                .get(&id)
                .or_else(|| kb.vendors.resolve_name(&id))
                .with_context(|| format!("no vendor `{id}` in knowledge base {}", kb.version))?;
            vendor_report(&kb, vendor, args.format, &mut out)?;
        }
        KbCommand::Mac { mac } => {
            let lookup = kb.oui.lookup(&mac);
            if let MacLookup::Invalid(reason) = &lookup {
                anyhow::bail!("not a MAC address: {reason}");
            }
            mac_report(&kb, &mac, &lookup, args.format, &mut out)?;
        }
        KbCommand::Brand { name } => {
            let matches = kb.vendors.resolve_brand(&name);
            brand_report(&kb, &name, &matches, args.format, &mut out)?;
        }
    }
    out.flush()?;
    Ok(Outcome::Done)
}

#[derive(Serialize)]
struct Summary<'a> {
    version: &'a str,
    origin: &'a str,
    vendors: usize,
    lists: usize,
    rules: usize,
    mac_prefixes: usize,
    mac_registry_date: &'a str,
}

fn show(kb: &KnowledgeBase, format: Format, out: &mut impl Write) -> anyhow::Result<()> {
    let summary = Summary {
        version: &kb.version,
        origin: &kb.origin,
        vendors: kb.vendors.len(),
        lists: kb.vendors.list_definitions().len(),
        rules: kb.rules.len(),
        mac_prefixes: kb.oui.len(),
        mac_registry_date: kb.oui.data_date(),
    };
    if format == Format::Json {
        // Rendered first so that a closed pipe surfaces as the io::Error it is.
        let text = serde_json::to_string_pretty(&summary)?;
        writeln!(out, "{text}")?;
        return Ok(());
    }
    writeln!(
        out,
        "knowledge base {} ({})",
        summary.version, summary.origin
    )?;
    writeln!(out, "  vendors:           {}", summary.vendors)?;
    writeln!(out, "  restriction lists: {}", summary.lists)?;
    writeln!(out, "  fingerprint rules: {}", summary.rules)?;
    writeln!(
        out,
        "  MAC prefixes:      {} (IEEE registry of {})",
        summary.mac_prefixes, summary.mac_registry_date
    )?;
    for list in kb.vendors.list_definitions() {
        writeln!(out, "  list {:<22} {}", list.id, list.title)?;
    }
    Ok(())
}

#[derive(Serialize)]
struct VendorReport<'a> {
    kb_version: &'a str,
    vendor: &'a Vendor,
    /// Owners above the vendor, nearest first.
    owners: Vec<&'a str>,
    facts: camsweep_model::VendorFacts,
}

fn vendor_report(
    kb: &KnowledgeBase,
    vendor: &Vendor,
    format: Format,
    out: &mut impl Write,
) -> anyhow::Result<()> {
    let facts = kb
        .vendors
        .facts(&vendor.id)
        .context("vendor facts missing")?;
    let owners: Vec<&str> = kb
        .vendors
        .ancestors(&vendor.id)
        .iter()
        .map(|v| v.id.as_str())
        .collect();
    if format == Format::Json {
        let report = VendorReport {
            kb_version: &kb.version,
            vendor,
            owners,
            facts,
        };
        // Rendered first so that a closed pipe surfaces as the io::Error it is.
        let text = serde_json::to_string_pretty(&report)?;
        writeln!(out, "{text}")?;
        return Ok(());
    }
    writeln!(out, "{} ({})", vendor.name, vendor.id)?;
    if !vendor.legal_names.is_empty() {
        writeln!(out, "  legal names: {}", vendor.legal_names.join("; "))?;
    }
    if !owners.is_empty() {
        writeln!(out, "  owned by:    {}", owners.join(" → "))?;
    }
    if !vendor.parent_note.is_empty() {
        writeln!(out, "  ownership:   {}", vendor.parent_note)?;
    }
    let place = match (&vendor.hq_city, &vendor.hq_country) {
        (Some(city), Some(country)) => format!("{city}, {country}"),
        (None, Some(country)) => country.clone(),
        (Some(city), None) => city.clone(),
        (None, None) => "unknown".to_owned(),
    };
    writeln!(out, "  headquarters: {place}")?;
    let nil = match vendor.subject_to_prc_nil {
        camsweep_model::PrcNil::Yes => "yes",
        camsweep_model::PrcNil::No => "no",
        camsweep_model::PrcNil::Unknown => "unknown",
    };
    writeln!(out, "  subject to PRC National Intelligence Law: {nil}")?;
    writeln!(out, "    why: {}", vendor.nil_reasoning)?;
    if vendor.lists.is_empty() {
        writeln!(out, "  restriction lists: none recorded")?;
    }
    for membership in &vendor.lists {
        let since = membership.since.as_deref().unwrap_or("date unknown");
        writeln!(out, "  on list {} since {since}", membership.list)?;
        writeln!(out, "    source: {}", membership.source)?;
    }
    for brand in &vendor.brands {
        writeln!(
            out,
            "  brand {} ({} confidence, {} evidence): {}",
            brand.name,
            brand.confidence.as_str(),
            brand.evidence.as_str(),
            brand.source
        )?;
    }
    for relabel in &vendor.relabels {
        writeln!(
            out,
            "  relabelled as {} [{}] ({} confidence, {} evidence): {}",
            relabel.brand,
            relabel.years,
            relabel.confidence.as_str(),
            relabel.evidence.as_str(),
            relabel.source
        )?;
    }
    writeln!(out, "  categories: {}", vendor.categories.join(", "))?;
    writeln!(out, "  sources:")?;
    for source in &vendor.sources {
        writeln!(out, "    {source}")?;
    }
    if !vendor.unverified.is_empty() {
        writeln!(out, "  NOT verified:")?;
        for claim in &vendor.unverified {
            writeln!(out, "    {claim}")?;
        }
    }
    writeln!(out, "  (knowledge base {})", kb.version)?;
    Ok(())
}

#[derive(Serialize)]
struct MacReport<'a> {
    mac: &'a str,
    #[serde(flatten)]
    lookup: &'a MacLookup,
    mac_registry_date: &'a str,
    kb_version: &'a str,
}

fn mac_report(
    kb: &KnowledgeBase,
    mac: &str,
    lookup: &MacLookup,
    format: Format,
    out: &mut impl Write,
) -> anyhow::Result<()> {
    if format == Format::Json {
        let report = MacReport {
            mac,
            lookup,
            mac_registry_date: kb.oui.data_date(),
            kb_version: &kb.version,
        };
        // Rendered first so that a closed pipe surfaces as the io::Error it is.
        let text = serde_json::to_string_pretty(&report)?;
        writeln!(out, "{text}")?;
        return Ok(());
    }
    let date = kb.oui.data_date();
    match lookup {
        MacLookup::Registered {
            prefix,
            bits,
            organisation,
            vendor,
        } => {
            writeln!(out, "{mac}: {prefix}/{bits} registered to {organisation}")?;
            match vendor {
                Some(id) => writeln!(out, "  vendor: {id}")?,
                None => writeln!(out, "  vendor: not in the registry")?,
            }
        }
        MacLookup::Private { prefix, bits } => {
            writeln!(
                out,
                "{mac}: {prefix}/{bits} registered privately (holder not published)"
            )?;
        }
        MacLookup::LocallyAdministered => writeln!(
            out,
            "{mac}: locally administered (set by software, says nothing about the maker)"
        )?,
        MacLookup::Multicast => writeln!(out, "{mac}: a multicast (group) address, not a device")?,
        MacLookup::Unregistered => writeln!(out, "{mac}: in no assigned block")?,
        MacLookup::Invalid(reason) => writeln!(out, "{mac}: invalid: {reason}")?,
    }
    writeln!(
        out,
        "  (IEEE registry of {date}, knowledge base {})",
        kb.version
    )?;
    Ok(())
}

#[derive(Serialize)]
struct BrandReport<'a> {
    brand: &'a str,
    matches: &'a [BrandMatch],
    kb_version: &'a str,
}

fn brand_report(
    kb: &KnowledgeBase,
    brand: &str,
    matches: &[BrandMatch],
    format: Format,
    out: &mut impl Write,
) -> anyhow::Result<()> {
    if format == Format::Json {
        let report = BrandReport {
            brand,
            matches,
            kb_version: &kb.version,
        };
        // Rendered first so that a closed pipe surfaces as the io::Error it is.
        let text = serde_json::to_string_pretty(&report)?;
        writeln!(out, "{text}")?;
        return Ok(());
    }
    if matches.is_empty() {
        writeln!(
            out,
            "{brand}: unknown brand (knowledge base {})",
            kb.version
        )?;
        return Ok(());
    }
    writeln!(out, "{brand}:")?;
    for m in matches {
        let kind = match m.kind {
            camsweep_kb::vendors::BrandKind::OwnBrand => "own brand of",
            camsweep_kb::vendors::BrandKind::Relabel => "relabel of",
        };
        let years = m.years.as_deref().unwrap_or("years unknown");
        writeln!(
            out,
            "  {} {kind} {} [{years}] ({} confidence, {} evidence)",
            m.brand,
            m.manufacturer,
            m.confidence.as_str(),
            m.evidence.as_str()
        )?;
        if !m.note.is_empty() {
            writeln!(out, "    {}", m.note)?;
        }
        writeln!(out, "    source: {}", m.source)?;
    }
    writeln!(out, "  (knowledge base {})", kb.version)?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kb() -> KnowledgeBase {
        KnowledgeBase::embedded().unwrap()
    }

    fn text(f: impl FnOnce(&mut Vec<u8>) -> anyhow::Result<()>) -> String {
        let mut out = Vec::new();
        f(&mut out).unwrap();
        String::from_utf8(out).unwrap()
    }

    #[test]
    fn show_reports_sizes_and_the_registry_date() {
        let kb = kb();
        let plain = text(|o| show(&kb, Format::Text, o));
        assert!(
            plain.contains("MAC prefixes:      46521 (IEEE registry of 2022-08-27)"),
            "{plain}"
        );
        assert!(plain.contains("list ndaa-889"), "{plain}");
        let json: serde_json::Value =
            serde_json::from_str(&text(|o| show(&kb, Format::Json, o))).unwrap();
        assert_eq!(json["mac_registry_date"], "2022-08-27");
        assert_eq!(json["origin"], "embedded");
        assert_eq!(json["vendors"].as_u64().unwrap() as usize, kb.vendors.len());
    }

    #[test]
    fn vendor_report_names_lists_and_sources() {
        let kb = kb();
        let dahua = kb.vendors.get("dahua").unwrap();
        let plain = text(|o| vendor_report(&kb, dahua, Format::Text, o));
        assert!(
            plain.contains("subject to PRC National Intelligence Law: yes"),
            "{plain}"
        );
        assert!(
            plain.contains("on list fcc-covered since 2021-03-12"),
            "{plain}"
        );
        assert!(plain.contains("NOT verified:"), "{plain}");
        let json: serde_json::Value =
            serde_json::from_str(&text(|o| vendor_report(&kb, dahua, Format::Json, o))).unwrap();
        assert_eq!(json["facts"]["subject_to_prc_nil"], "yes");
        assert!(!json["facts"]["sources"].as_array().unwrap().is_empty());
        let hik = kb.vendors.get("hikvision").unwrap();
        let json: serde_json::Value =
            serde_json::from_str(&text(|o| vendor_report(&kb, hik, Format::Json, o))).unwrap();
        assert_eq!(json["owners"][0], "cetc");
    }

    #[test]
    fn mac_and_brand_reports() {
        let kb = kb();
        let lookup = kb.oui.lookup("44:47:cc:00:00:01");
        let plain = text(|o| mac_report(&kb, "44:47:cc:00:00:01", &lookup, Format::Text, o));
        assert!(
            plain.contains("44:47:CC/24 registered to Hangzhou Hikvision"),
            "{plain}"
        );
        assert!(plain.contains("vendor: hikvision"), "{plain}");
        let multicast = kb.oui.lookup("01:00:5e:00:00:01");
        let json: serde_json::Value = serde_json::from_str(&text(|o| {
            mac_report(&kb, "01:00:5e:00:00:01", &multicast, Format::Json, o)
        }))
        .unwrap();
        assert_eq!(json["status"], "multicast");

        let matches = kb.vendors.resolve_brand("Lorex");
        let plain = text(|o| brand_report(&kb, "Lorex", &matches, Format::Text, o));
        assert!(plain.contains("Lorex relabel of dahua"), "{plain}");
        assert!(plain.contains("high confidence"), "{plain}");
        let none = text(|o| brand_report(&kb, "Nonesuch", &[], Format::Text, o));
        assert!(none.contains("unknown brand"), "{none}");
    }
}
