//! `camsweep identify`: observations in (JSON Lines), one identification per device out.

use std::path::PathBuf;

use crate::{Globals, Outcome};

#[derive(Debug, clap::Args)]
pub struct Args {
    /// JSON Lines file of observations; `-` or absent reads standard input.
    pub input: Option<PathBuf>,
}

pub fn run(_args: Args, _globals: &Globals) -> anyhow::Result<Outcome> {
    anyhow::bail!("identify is being built (issue 2)")
}
