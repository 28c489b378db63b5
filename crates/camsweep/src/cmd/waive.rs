//! `camsweep waive`: Accept a finding as a time-limited exception.
//! PLACEHOLDER: being built (issue 5).

use crate::{Globals, Outcome};

#[derive(Debug, clap::Args)]
pub struct Args {}

pub fn run(_args: Args, _globals: &Globals) -> anyhow::Result<Outcome> {
    anyhow::bail!("`camsweep waive` is not built yet (issue 5)")
}
