//! `camsweep estate`: Import or show the estate definition (organisations, sites, networks).
//! PLACEHOLDER: being built (issue 5).

use crate::{Globals, Outcome};

#[derive(Debug, clap::Args)]
pub struct Args {}

pub fn run(_args: Args, _globals: &Globals) -> anyhow::Result<Outcome> {
    anyhow::bail!("`camsweep estate` is not built yet (issue 5)")
}
