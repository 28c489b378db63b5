//! `camsweep kb`: show the knowledge base (version, origin, sizes, MAC registry date) and look up a
//! vendor, a MAC address or a brand label in it; refresh its KEV entries from a downloaded
//! catalogue (`kb update --kev FILE`).

use std::io::Write;

use camsweep_app::kb as app;
use camsweep_kb::KnowledgeBase;
use camsweep_kb::oui::MacLookup;

use crate::printer::{TextFormat as Format, escape, write_json};
use crate::{Globals, Outcome};

#[derive(Debug, clap::Args)]
pub struct Args {
    #[command(subcommand)]
    pub command: KbCommand,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Text, global = true)]
    pub format: Format,
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
    /// Refresh the vulnerability pack's CISA KEV entries from a downloaded catalogue (offline)
    /// and write the knowledge base to a directory; prints what changed.
    Update {
        /// CISA's `known_exploited_vulnerabilities.json` (or a copy of it), already downloaded.
        #[arg(long, value_name = "FILE")]
        kev: std::path::PathBuf,
        /// The KB directory to write (load it later with `--kb DIR`); defaults to the `--kb`
        /// directory itself, updated in place.
        #[arg(long, value_name = "DIR")]
        out: Option<std::path::PathBuf>,
    },
}

pub fn run(args: Args, globals: &Globals) -> anyhow::Result<Outcome> {
    let kb = crate::load_kb(globals)?;
    let mut out = std::io::stdout().lock();
    let format = args.format;
    match args.command {
        KbCommand::Show => show(&kb, &app::summary(&kb), format, &mut out)?,
        KbCommand::Vendor { id } => vendor_report(&app::vendor(&kb, &id)?, format, &mut out)?,
        KbCommand::Mac { mac } => mac_report(&app::mac(&kb, &mac)?, format, &mut out)?,
        KbCommand::Brand { name } => brand_report(&app::brand(&kb, &name), format, &mut out)?,
        KbCommand::Update { kev, out: dir } => {
            let Some(dir) = dir.or_else(|| globals.kb.clone()) else {
                anyhow::bail!("kb update needs --out DIR (or --kb DIR to update in place)");
            };
            let update = app::update_kev(&kb, globals.kb.as_deref(), &kev, &dir)?;
            update_report(&update, format, &mut out)?;
        }
    }
    out.flush()?;
    Ok(Outcome::Done)
}

fn show(
    kb: &KnowledgeBase,
    summary: &app::KbSummary<'_>,
    format: Format,
    out: &mut impl Write,
) -> anyhow::Result<()> {
    if format == Format::Json {
        return write_json(out, summary);
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
    writeln!(
        out,
        "  vulnerabilities:   {} (CISA KEV {}; {} model families, {} with firmware ranges)",
        summary.vulnerabilities,
        summary.kev_catalog_version,
        summary.vulnerability_families,
        summary.families_with_ranges
    )?;
    for list in kb.vendors.list_definitions() {
        writeln!(out, "  list {:<22} {}", list.id, list.title)?;
    }
    Ok(())
}

fn vendor_report(
    report: &app::VendorReport<'_>,
    format: Format,
    out: &mut impl Write,
) -> anyhow::Result<()> {
    if format == Format::Json {
        return write_json(out, report);
    }
    let (vendor, owners) = (report.vendor, &report.owners);
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
    writeln!(out, "  (knowledge base {})", report.kb_version)?;
    Ok(())
}

fn mac_report(
    report: &app::MacReport<'_>,
    format: Format,
    out: &mut impl Write,
) -> anyhow::Result<()> {
    if format == Format::Json {
        return write_json(out, report);
    }
    let mac = report.mac;
    match &report.lookup {
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
        "  (IEEE registry of {}, knowledge base {})",
        report.mac_registry_date, report.kb_version
    )?;
    Ok(())
}

fn brand_report(
    report: &app::BrandReport<'_>,
    format: Format,
    out: &mut impl Write,
) -> anyhow::Result<()> {
    if format == Format::Json {
        return write_json(out, report);
    }
    let (brand, matches) = (report.brand, &report.matches);
    if matches.is_empty() {
        writeln!(
            out,
            "{brand}: unknown brand (knowledge base {})",
            report.kb_version
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
    writeln!(out, "  (knowledge base {})", report.kb_version)?;
    Ok(())
}

fn update_report(
    update: &app::KevUpdate,
    format: Format,
    out: &mut impl Write,
) -> anyhow::Result<()> {
    if format == Format::Json {
        return write_json(out, update);
    }
    let diff = &update.diff;
    writeln!(
        out,
        "KEV {} -> {}: {} catalogue entries, {} kept for the vulnerability pack",
        escape(&diff.from_version),
        escape(&diff.to_version),
        update.catalogue_entries,
        update.kept
    )?;
    if diff.is_empty() {
        writeln!(out, "  no change to the pack's entries")?;
    }
    for entry in &diff.added {
        let curation = if entry.curated {
            ""
        } else {
            " (not curated: no families or ranges yet, never matched)"
        };
        writeln!(
            out,
            "  added   {} {} {} (added {}, due {}){curation}",
            escape(&entry.cve),
            escape(&entry.vendor_project),
            escape(&entry.product),
            escape(&entry.date_added),
            escape(&entry.due_date)
        )?;
    }
    for entry in &diff.removed {
        writeln!(
            out,
            "  removed {} {} {}",
            escape(&entry.cve),
            escape(&entry.vendor_project),
            escape(&entry.product)
        )?;
    }
    for change in &diff.due_dates_changed {
        writeln!(
            out,
            "  due     {} {} -> {}",
            escape(&change.cve),
            escape(&change.from),
            escape(&change.to)
        )?;
    }
    for (cve, fields) in &diff.other_changes {
        writeln!(
            out,
            "  changed {} {}",
            escape(cve),
            escape(&fields.join(", "))
        )?;
    }
    writeln!(
        out,
        "wrote knowledge base {} to {} (use --kb {})",
        escape(&update.version),
        escape(&update.out.display().to_string()),
        escape(&update.out.display().to_string())
    )?;
    Ok(())
}
