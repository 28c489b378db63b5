//! `camsweep evaluate`: recompute every device's identification and findings and bring the
//! remediation plan in line (`camsweep_app::evaluate`).

use camsweep_identify::Engine;

use crate::db::{DbArgs, with_register};
use crate::{Globals, Outcome, load_kb};

#[derive(Debug, clap::Args)]
pub struct Args {
    #[command(flatten)]
    pub db: DbArgs,
}

pub fn run(args: Args, globals: &Globals) -> anyhow::Result<Outcome> {
    let kb = load_kb(globals)?;
    let engine = Engine::new(&kb)?;
    let policies = crate::load_policies(globals)?;
    let evaluation = with_register(&args.db.db, async |register| {
        Ok(camsweep_app::evaluate::evaluate(register, &engine, &policies, &args.db.actor).await?)
    })?;
    outln!(
        "{}",
        camsweep_app::evaluate::summary_lines(&evaluation, &kb.version)
    )?;
    Ok(Outcome::Done)
}
