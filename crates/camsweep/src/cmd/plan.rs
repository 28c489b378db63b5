//! `camsweep plan`: List or update the remediation plan.
//! PLACEHOLDER: being built (issue 6).

use crate::{Globals, Outcome};

#[derive(Debug, clap::Args)]
pub struct Args {}

pub fn run(_args: Args, _globals: &Globals) -> anyhow::Result<Outcome> {
    anyhow::bail!("`camsweep plan` is not built yet (issue 6)")
}
