//! `camsweep report`: write reports from the register (HTML, XLSX, CSV, JSON) or plain answers.
//!
//! `camsweep_app::report_data` gathers the report's data from the register (estate, devices with
//! their current identification, findings with waivers, plan items, scan history);
//! `camsweep-report` renders it.

use std::path::PathBuf;

use anyhow::Context as _;
use camsweep_report as report;

use crate::db::with_register;
use crate::{Globals, Outcome};

#[derive(Debug, clap::Args)]
pub struct Args {
    /// The register: a SQLite file path or a postgres:// URL.
    #[arg(long, env = "CAMSWEEP_DB", default_value = "camsweep.sqlite")]
    pub db: String,
    /// Directory to write the reports into (created if missing).
    #[arg(long, default_value = "camsweep-report")]
    pub out: PathBuf,
    /// Formats, comma separated: html, xlsx, csv, json.
    #[arg(long, default_value = "html,xlsx,csv,json")]
    pub format: String,
    /// Print the plain answer (PRC-NIL equipment per organisation and maker) instead of files.
    #[arg(long)]
    pub answer: bool,
    /// With --answer: count removals verified on or after this date (YYYY-MM-DD).
    #[arg(long, value_name = "DATE", requires = "answer")]
    pub since: Option<String>,
    /// With --answer: print JSON instead of text.
    #[arg(long, requires = "answer")]
    pub json: bool,
    /// The report's heading.
    #[arg(long, default_value = "Visual surveillance equipment: estate report")]
    pub title: String,
}

pub fn run(args: Args, globals: &Globals) -> anyhow::Result<Outcome> {
    let formats = report::parse_formats(&args.format)?;
    let since = args
        .since
        .as_deref()
        .map(camsweep_app::report_data::parse_date)
        .transpose()
        .context("--since")?;
    let data = with_register(&args.db, async |register| {
        let kb = crate::load_kb(globals)?;
        let policies = crate::load_policies(globals)?;
        Ok(camsweep_app::report_data::gather(register, &kb, &policies, &args.title).await?)
    })?;
    if args.answer {
        let answer = report::answer(&data, since);
        if args.json {
            outln!("{}", serde_json::to_string_pretty(&answer)?)?;
        } else {
            out!("{}", answer.to_text())?;
        }
        return Ok(Outcome::Done);
    }
    let written = report::write_reports(&data, &args.out, &formats)?;
    for path in written {
        outln!("{}", path.display())?;
    }
    Ok(Outcome::Done)
}
