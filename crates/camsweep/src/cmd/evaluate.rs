//! `camsweep evaluate`: recompute every device's identification and findings and bring the
//! remediation plan in line (`camsweep_app::evaluate`).

use camsweep_identify::Engine;

use super::estate::{DbArgs, open, runtime};
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
    let evaluation = runtime()?.block_on(async {
        let register = open(&args.db).await?;
        let evaluation =
            camsweep_app::evaluate::evaluate(&register, &engine, &policies, &args.db.actor).await?;
        register.close().await;
        anyhow::Ok(evaluation)
    })?;
    outln!(
        "{}",
        camsweep_app::evaluate::summary_lines(&evaluation, &kb.version)
    )?;
    Ok(Outcome::Done)
}
