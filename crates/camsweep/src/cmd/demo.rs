//! `camsweep demo`: the main job end to end on a built-in fictional department
//! (`camsweep_app::demo`: the lab on loopback, estate, scan, ingest, evaluation, reports). This
//! module prints the progress and the summary.

use std::path::PathBuf;
use std::time::Instant;

use camsweep_app::demo::{Demo, DemoSummary, Progress};
use camsweep_identify::Engine;
use camsweep_report as report;

use crate::db::runtime;
use crate::load_kb;
use crate::printer::escape;
use crate::{Globals, Outcome};

#[derive(Debug, clap::Args)]
pub struct Args {
    /// Directory for the register (`register.sqlite`, replaced if there) and the reports.
    #[arg(long, default_value = "camsweep-report", value_name = "DIR")]
    pub out: PathBuf,
    /// Report formats, comma separated: html, xlsx, csv, json.
    #[arg(long, default_value = "html,xlsx,csv,json")]
    pub format: String,
    /// Print the summary as JSON instead of text.
    #[arg(long)]
    pub json: bool,
}

pub fn run(args: Args, globals: &Globals) -> anyhow::Result<Outcome> {
    let started = Instant::now();
    let formats = report::parse_formats(&args.format)?;
    let kb = load_kb(globals)?;
    let engine = Engine::new(&kb).map_err(camsweep_app::AppError::from)?;
    let policies = crate::load_policies(globals)?;
    let demo = Demo::prepare(&args.out)?;
    let verbose = !args.json;
    if verbose {
        outln!(
            "camsweep demo: a fictional department ({} sites, {} networks) emulated on loopback, {} devices",
            demo.estate.sites.len(),
            demo.estate.networks.len(),
            demo.lab.devices.len()
        )?;
    }
    let mut progress = |step: Progress<'_>| {
        if verbose {
            // Progress only: a closed stdout is seen (and ends the run) at the next result line.
            let _ = outln!("  {}", progress_line(step));
        }
    };
    let mut summary = runtime()?.block_on(demo.run(&engine, &policies, &formats, &mut progress))?;
    summary.seconds_total = started.elapsed().as_secs_f64();
    // The printer makes device strings safe, in the JSON summary as in the text.
    for item in &mut summary.top_plan_items {
        item.equipment = escape(&item.equipment);
    }
    if args.json {
        outln!("{}", serde_json::to_string_pretty(&summary)?)?;
    } else {
        out!("{}", to_text(&summary))?;
    }
    Ok(Outcome::Done)
}

fn progress_line(step: Progress<'_>) -> String {
    match step {
        Progress::Scanning { targets } => format!(
            "scanning {} networks ({})",
            targets.len(),
            targets.join(" ")
        ),
        Progress::Scanned {
            addresses,
            seconds,
            answered,
            answered_badly,
        } => format!(
            "scanned {addresses} addresses in {seconds:.1} s: {answered} devices answered, {answered_badly} answered badly"
        ),
        Progress::Evaluated {
            devices_new,
            findings_new,
            plan_items,
        } => format!(
            "stored {devices_new} devices; evaluated: {findings_new} findings, {plan_items} plan items"
        ),
    }
}

fn to_text(summary: &DemoSummary) -> String {
    use std::fmt::Write as _;
    let s = &summary.summary;
    let mut out = String::new();
    let _ = writeln!(
        out,
        "\nFound {} devices on {} addresses ({} more answered badly: {} unresponsive, {} malformed); the lab served {} ({} hostile).",
        summary.devices_found,
        summary.addresses_scanned,
        summary.unresponsive.len() + summary.malformed.len(),
        summary.unresponsive.len(),
        summary.malformed.len(),
        summary.lab_devices,
        summary.lab_hostile_devices
    );
    let _ = writeln!(
        out,
        "True maker identified as the lab's truth for {} of {} devices whose maker the lab names.",
        summary.makers_matching_truth, summary.makers_in_truth
    );
    let _ = writeln!(
        out,
        "\nSurveillance equipment by true manufacturer ({} devices; {} ordinary hosts not listed):",
        s.equipment_on_estate, summary.ordinary_hosts
    );
    for m in &summary.equipment_by_maker {
        let relabelled = if m.relabelled > 0 {
            format!("  ({} sold under another brand)", m.relabelled)
        } else {
            String::new()
        };
        let _ = writeln!(out, "  {:<28} {:>4}{relabelled}", m.maker, m.devices);
    }
    let _ = writeln!(
        out,
        "\nMade by companies subject to the PRC National Intelligence Law: {}; on sensitive sites: {}; on core networks: {}.",
        s.prc_nil_equipment, s.prc_nil_on_sensitive_sites, s.prc_nil_on_core_networks
    );
    let _ = writeln!(
        out,
        "Covered by a policy pack: {}. Sold under another company's brand: {}. Maker unidentified: {}.",
        s.covered_equipment, s.relabelled_equipment, s.unidentified_equipment
    );
    let _ = writeln!(out, "\nOpen findings by action:");
    for row in &s.findings_by_action {
        let _ = writeln!(out, "  {:<28} {:>4}", row.action, row.total());
    }
    let _ = writeln!(
        out,
        "\nRemediation plan: {} items open, {} closed. First to do:",
        s.plan_open, s.plan_closed
    );
    for item in &summary.top_plan_items {
        let _ = writeln!(
            out,
            "  {:>2}  {:<22} {:<14} {:<44} {} / {}{}",
            item.priority,
            item.action,
            item.address,
            item.equipment,
            item.site,
            item.network,
            item.due
                .as_deref()
                .map_or(String::new(), |d| format!("  due {d}"))
        );
    }
    let html = summary
        .reports
        .iter()
        .find(|p| p.extension().is_some_and(|e| e == "html"))
        .or(summary.reports.first());
    let _ = writeln!(out);
    if let Some(html) = html {
        let _ = writeln!(
            out,
            "Report: {} ({} files in {})",
            html.display(),
            summary.reports.len(),
            html.parent()
                .map_or_else(String::new, |p| p.display().to_string())
        );
    }
    let _ = writeln!(
        out,
        "Register: {} (try: camsweep plan --db {} list)",
        summary.register.display(),
        summary.register.display()
    );
    let _ = writeln!(
        out,
        "KB {}; policy packs: {}.",
        summary.kb_version,
        summary.policy_packs.join(", ")
    );
    let _ = writeln!(
        out,
        "Scan {:.1} s, whole demo {:.1} s. The lab is stopped.",
        summary.scan_seconds, summary.seconds_total
    );
    out
}
