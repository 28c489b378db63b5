//! `camsweep user add`: a user of `camsweep serve`, with a role in one organisation (or an
//! auditor, who reads every organisation). The password is read from standard input (its
//! first line), so that it never appears in a process list or a shell history.

use std::io::BufRead as _;

use anyhow::Context as _;

use crate::db::with_register;
use crate::{Globals, Outcome};

#[derive(Debug, clap::Args)]
pub struct Args {
    #[command(flatten)]
    pub db: crate::db::RegisterArg,
    #[command(subcommand)]
    pub command: UserCommand,
}

#[derive(Debug, clap::Subcommand)]
pub enum UserCommand {
    /// Add a user; the password is the first line of standard input.
    Add(AddArgs),
}

#[derive(Debug, clap::Args)]
pub struct AddArgs {
    /// The user's name (what the history records as the actor of its changes).
    pub name: String,
    /// The organisation (estate id); none for an auditor.
    #[arg(long, value_name = "ORG")]
    pub org: Option<String>,
    /// viewer (reads), editor (also records plan progress), admin, or auditor (reads every
    /// organisation).
    #[arg(long)]
    pub role: camsweep_model::Role,
}

pub fn run(args: Args, _globals: &Globals) -> anyhow::Result<Outcome> {
    let UserCommand::Add(add) = args.command;
    let mut password = String::new();
    std::io::stdin()
        .lock()
        .read_line(&mut password)
        .context("reading the password from standard input")?;
    let user = with_register(&args.db.db, async |register| {
        Ok(camsweep_app::access::add_user(
            register,
            &add.name,
            add.org.as_deref(),
            add.role,
            &password,
        )
        .await?)
    })?;
    outln!(
        "user {} added: {} of {}",
        crate::printer::escape(&user.name),
        user.role,
        user.organisation
            .as_deref()
            .map_or("every organisation".to_owned(), crate::printer::escape)
    )?;
    Ok(Outcome::Done)
}
