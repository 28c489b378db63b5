//! `camsweep demo`: Run the main job end to end on the lab: estate, scan, policies, report.
//! PLACEHOLDER: being built (issue 6).

use crate::{Globals, Outcome};

#[derive(Debug, clap::Args)]
pub struct Args {}

pub fn run(_args: Args, _globals: &Globals) -> anyhow::Result<Outcome> {
    anyhow::bail!("`camsweep demo` is not built yet (issue 6)")
}
