//! `camsweep ingest`: store a scan document (`camsweep scan --format json`) or an observations
//! file (JSON Lines) in the register, in one transaction (`camsweep_app::ingest`).

use std::path::PathBuf;

use camsweep_identify::Engine;

use crate::db::{DbArgs, with_register};
use crate::{Globals, Outcome, load_kb};

#[derive(Debug, clap::Args)]
pub struct Args {
    /// A scan document (JSON) or an observations file (JSON Lines).
    pub file: PathBuf,
    #[command(flatten)]
    pub db: DbArgs,
    #[command(flatten)]
    pub limits: crate::InputLimitArgs,
}

pub fn run(args: Args, globals: &Globals) -> anyhow::Result<Outcome> {
    let kb = load_kb(globals)?;
    let engine = Engine::new(&kb)?;
    let input = camsweep_app::ingest::read_input(&args.file, &engine, args.limits.limits())?;
    let source = args.file.display().to_string();
    let summary = with_register(&args.db.db, async |register| {
        let source = Some(source.clone());
        Ok(camsweep_app::ingest::store(register, &input, source, &args.db.actor).await?)
    })?;
    outln!("{}", camsweep_app::ingest::summary_line(&source, &summary))?;
    Ok(Outcome::Done)
}
