//! `camsweep findings`: list findings from the register, filtered; waived findings show as
//! waived until their waiver expires.

use std::io::Write as _;

use camsweep_register::{FindingFilter, FindingRecord, today};

use crate::db::{DbArgs, Format, with_register};
use crate::{Globals, Outcome};

#[derive(Debug, clap::Args)]
pub struct Args {
    /// Only findings on devices at this site (id).
    #[arg(long)]
    pub site: Option<String>,
    /// Only this severity (critical, high, medium, low, info).
    #[arg(long)]
    pub severity: Option<camsweep_model::Severity>,
    /// Only this action (e.g. remove-and-replace, disconnect-from-core).
    #[arg(long)]
    pub action: Option<String>,
    /// Only this policy pack (id).
    #[arg(long)]
    pub pack: Option<String>,
    /// Only devices identified as made by this manufacturer (vendor id).
    #[arg(long)]
    pub manufacturer: Option<String>,
    /// Include findings that no longer apply.
    #[arg(long)]
    pub resolved: bool,
    #[arg(long, value_enum, default_value = "table")]
    pub format: Format,
    #[command(flatten)]
    pub db: DbArgs,
}

pub fn run(args: Args, _globals: &Globals) -> anyhow::Result<Outcome> {
    let filter = FindingFilter {
        site: args.site,
        severity: args.severity,
        action: args.action,
        pack: args.pack,
        manufacturer: args.manufacturer,
        include_resolved: args.resolved,
        ..FindingFilter::default()
    };
    let findings = with_register(&args.db.db, async |register| {
        Ok(register.findings(&filter, &today()).await?)
    })?;
    let out = match args.format {
        Format::Json => serde_json::to_string_pretty(&findings)? + "\n",
        Format::Table => table(&findings),
    };
    std::io::stdout().write_all(out.as_bytes())?;
    Ok(Outcome::Done)
}

fn table(findings: &[FindingRecord]) -> String {
    if findings.is_empty() {
        return "no findings\n".to_owned();
    }
    let mut out = format!(
        "{:<36}  {:<8}  {:<8}  {:<15}  {:<10}  {:<12}  {:<22}  {}\n",
        "ID", "STATUS", "SEVERITY", "ADDRESS", "SITE", "MAKER", "ACTION", "RULE / CITATION"
    );
    for f in findings {
        out += &format!(
            "{:<36}  {:<8}  {:<8}  {:<15}  {:<10}  {:<12}  {:<22}  {}/{} ({} {})\n",
            f.id,
            f.status.as_str(),
            f.finding.severity,
            f.device_address.as_deref().unwrap_or("-"),
            f.site_id.as_deref().unwrap_or("-"),
            f.manufacturer.as_deref().unwrap_or("unknown"),
            f.finding.action,
            f.finding.pack,
            f.finding.rule,
            f.finding.citation_document,
            f.finding.citation_paragraph.as_deref().unwrap_or(""),
        );
        if let Some(w) = &f.waiver {
            out += &format!(
                "{:<36}  waived until {} by {}: {}\n",
                "", w.until, w.granted_by, w.reason
            );
        }
    }
    out
}
