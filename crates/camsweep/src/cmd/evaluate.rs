//! `camsweep evaluate`: Recompute identifications and findings for the whole register.
//! PLACEHOLDER: being built (issue 5).

use crate::{Globals, Outcome};

#[derive(Debug, clap::Args)]
pub struct Args {}

pub fn run(_args: Args, _globals: &Globals) -> anyhow::Result<Outcome> {
    anyhow::bail!("`camsweep evaluate` is not built yet (issue 5)")
}
