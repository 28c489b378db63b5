//! `camsweep waive`: accept a finding as a time-limited exception. The finding stays visible
//! as waived, and is open again the day after `--until`.

use crate::db::{DbArgs, with_register};
use crate::{Globals, Outcome};

#[derive(Debug, clap::Args)]
pub struct Args {
    /// The finding id (from `camsweep findings`).
    pub finding: String,
    /// Last day the waiver holds (YYYY-MM-DD).
    #[arg(long)]
    pub until: String,
    /// Why the exception is accepted.
    #[arg(long)]
    pub reason: String,
    /// Who accepts it.
    #[arg(long)]
    pub by: String,
    #[command(flatten)]
    pub db: DbArgs,
}

pub fn run(args: Args, _globals: &Globals) -> anyhow::Result<Outcome> {
    let waiver = with_register(&args.db.db, async |register| {
        Ok(camsweep_app::waiver::waive(
            register,
            &args.finding,
            &args.until,
            &args.reason,
            &args.by,
            &camsweep_register::today(),
        )
        .await?)
    })?;
    outln!(
        "finding {} waived until {} by {} (waiver {})",
        waiver.finding_id,
        waiver.until,
        waiver.granted_by,
        waiver.id
    )?;
    Ok(Outcome::Done)
}
