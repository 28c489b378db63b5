//! `camsweep scan`: Scan targets for surveillance equipment and identify it.
//! PLACEHOLDER: being built (issue 4).

use crate::{Globals, Outcome};

#[derive(Debug, clap::Args)]
pub struct Args {}

pub fn run(_args: Args, _globals: &Globals) -> anyhow::Result<Outcome> {
    anyhow::bail!("`camsweep scan` is not built yet (issue 4)")
}
