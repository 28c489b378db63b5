//! `camsweep kb`: Show the knowledge base: version, sources, MAC registry date; look up a MAC, brand or vendor.
//! PLACEHOLDER: being built (issue 2).

use crate::{Globals, Outcome};

#[derive(Debug, clap::Args)]
pub struct Args {}

pub fn run(_args: Args, _globals: &Globals) -> anyhow::Result<Outcome> {
    anyhow::bail!("`camsweep kb` is not built yet (issue 2)")
}
