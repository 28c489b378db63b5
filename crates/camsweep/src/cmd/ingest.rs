//! `camsweep ingest`: store a scan document (`camsweep scan --format json`) or an observations
//! file (JSON Lines) in the register, in one transaction (`camsweep_app::ingest`).

use std::path::PathBuf;

use camsweep_identify::Engine;

use super::estate::{DbArgs, open, runtime};
use crate::{Globals, Outcome, load_kb};

#[derive(Debug, clap::Args)]
pub struct Args {
    /// A scan document (JSON) or an observations file (JSON Lines).
    pub file: PathBuf,
    #[command(flatten)]
    pub db: DbArgs,
}

pub fn run(args: Args, globals: &Globals) -> anyhow::Result<Outcome> {
    let kb = load_kb(globals)?;
    let engine = Engine::new(&kb)?;
    let input = camsweep_app::ingest::read_input(&args.file, &engine)?;
    let source = args.file.display().to_string();
    let summary = runtime()?.block_on(async {
        let register = open(&args.db).await?;
        let summary =
            camsweep_app::ingest::store(&register, &input, Some(source.clone()), &args.db.actor)
                .await;
        register.close().await;
        anyhow::Ok(summary?)
    })?;
    outln!("{}", camsweep_app::ingest::summary_line(&source, &summary))?;
    Ok(Outcome::Done)
}
