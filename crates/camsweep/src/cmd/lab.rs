//! `camsweep lab`: Run the lab: an emulated surveillance estate on loopback (or in a network namespace).
//! PLACEHOLDER: being built (issue 3).

use crate::{Globals, Outcome};

#[derive(Debug, clap::Args)]
pub struct Args {}

pub fn run(_args: Args, _globals: &Globals) -> anyhow::Result<Outcome> {
    anyhow::bail!("`camsweep lab` is not built yet (issue 3)")
}
