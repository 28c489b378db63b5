//! `camsweep check`: Deployment gate: may this maker, brand or model be deployed at this site?
//! PLACEHOLDER: being built (issue 5).

use crate::{Globals, Outcome};

#[derive(Debug, clap::Args)]
pub struct Args {}

pub fn run(_args: Args, _globals: &Globals) -> anyhow::Result<Outcome> {
    anyhow::bail!("`camsweep check` is not built yet (issue 5)")
}
