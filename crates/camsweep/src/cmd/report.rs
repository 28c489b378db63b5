//! `camsweep report`: Write reports from the register (HTML, XLSX, CSV, JSON) or plain answers.
//! PLACEHOLDER: being built (issue 6).

use crate::{Globals, Outcome};

#[derive(Debug, clap::Args)]
pub struct Args {}

pub fn run(_args: Args, _globals: &Globals) -> anyhow::Result<Outcome> {
    anyhow::bail!("`camsweep report` is not built yet (issue 6)")
}
