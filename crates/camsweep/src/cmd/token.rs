//! `camsweep token create|revoke`: API tokens of `camsweep serve` (`Authorization: Bearer`).
//! A token is printed once, when created; the register keeps only its hash.

use crate::db::with_register;
use crate::{Globals, Outcome};

#[derive(Debug, clap::Args)]
pub struct Args {
    #[command(flatten)]
    pub db: crate::db::RegisterArg,
    #[command(subcommand)]
    pub command: TokenCommand,
}

#[derive(Debug, clap::Subcommand)]
pub enum TokenCommand {
    /// Create a token for a user; prints it (this once) and its id.
    Create {
        /// The user (`camsweep user add`).
        #[arg(long)]
        user: String,
    },
    /// Revoke a token by its id: it authenticates no one from then on.
    Revoke {
        /// The token's id (printed by `token create`).
        id: String,
    },
}

pub fn run(args: Args, _globals: &Globals) -> anyhow::Result<Outcome> {
    match args.command {
        TokenCommand::Create { user } => {
            let created = with_register(&args.db.db, async |register| {
                Ok(camsweep_app::access::create_token(register, &user).await?)
            })?;
            outln!("{}", created.token)?;
            eprintln!(
                "token {} for user {}: shown once, keep it safe (revoke: camsweep token revoke {})",
                created.record.id,
                crate::printer::escape(&created.record.user),
                created.record.id
            );
        }
        TokenCommand::Revoke { id } => {
            let revoked = with_register(&args.db.db, async |register| {
                Ok(camsweep_app::access::revoke_token(register, &id).await?)
            })?;
            outln!(
                "token {} of user {} revoked at {}",
                revoked.id,
                crate::printer::escape(&revoked.user),
                revoked.revoked_at.as_deref().unwrap_or("-")
            )?;
        }
    }
    Ok(Outcome::Done)
}
