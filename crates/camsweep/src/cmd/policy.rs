//! `camsweep policy`: List policy packs or run their test cases.
//! PLACEHOLDER: being built (issue 5).

use crate::{Globals, Outcome};

#[derive(Debug, clap::Args)]
pub struct Args {}

pub fn run(_args: Args, _globals: &Globals) -> anyhow::Result<Outcome> {
    anyhow::bail!("`camsweep policy` is not built yet (issue 5)")
}
