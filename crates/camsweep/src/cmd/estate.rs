//! `camsweep estate`: import or show the estate definition (organisations, sites, networks).
//! The file format is documented in `docs/estate.md`.

use std::path::PathBuf;

use crate::db::{DbArgs, with_register};
use crate::{Globals, Outcome};

#[derive(Debug, clap::Args)]
pub struct Args {
    #[command(subcommand)]
    pub action: Action,
}

#[derive(Debug, clap::Subcommand)]
pub enum Action {
    /// Validate an estate file and apply it to the register in one transaction (all or nothing).
    Import {
        /// The estate TOML file.
        file: PathBuf,
        /// Validate only; do not touch the register.
        #[arg(long)]
        dry_run: bool,
        /// Apply even if sites or networks that still hold devices would be removed.
        #[arg(long)]
        allow_removals: bool,
        /// Re-evaluate the register afterwards when the import changed what findings depend on
        /// (a site's sensitivity, a network's zone or site, an organisation's packs, placements).
        #[arg(long)]
        evaluate: bool,
        #[command(flatten)]
        db: DbArgs,
    },
    /// Show the estate held in the register.
    Show {
        #[arg(long, value_enum, default_value = "table")]
        format: ShowFormat,
        #[command(flatten)]
        db: DbArgs,
    },
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum ShowFormat {
    Table,
    Json,
    /// The estate file format, ready to edit and import again.
    Toml,
}

pub fn run(args: Args, globals: &Globals) -> anyhow::Result<Outcome> {
    match args.action {
        Action::Import {
            file,
            dry_run,
            allow_removals,
            evaluate,
            db,
        } => {
            let policies = crate::load_policies(globals)?;
            let estate = camsweep_app::estate::read(&file, &policies)?;
            if dry_run {
                outln!(
                    "{}: valid ({} organisations, {} sites, {} networks); register not changed",
                    file.display(),
                    estate.organisations.len(),
                    estate.sites.len(),
                    estate.networks.len()
                )?;
                return Ok(Outcome::Done);
            }
            // The knowledge base only when asked to re-evaluate: an import needs none.
            let kb = if evaluate {
                Some(crate::load_kb(globals)?)
            } else {
                None
            };
            let engine = kb
                .as_ref()
                .map(camsweep_identify::Engine::new)
                .transpose()?;
            let (imported, evaluation) = with_register(&db.db, async |register| {
                let imported =
                    camsweep_app::estate::import(register, &estate, &db.actor, allow_removals)
                        .await?;
                let evaluation = match &engine {
                    Some(engine) if !imported.stale.is_empty() => Some(
                        camsweep_app::evaluate::evaluate(register, engine, &policies, &db.actor)
                            .await?,
                    ),
                    _ => None,
                };
                Ok((imported, evaluation))
            })?;
            let change = &imported.change;
            outln!(
                "estate imported from {}: {} created, {} updated, {} deleted, {} unchanged; {} devices re-placed",
                file.display(),
                change.created,
                change.updated,
                change.deleted,
                change.unchanged,
                change.devices_replaced
            )?;
            match (evaluation, imported.stale.hint()) {
                (Some(evaluation), _) => outln!(
                    "{}",
                    camsweep_app::evaluate::summary_lines(
                        &evaluation,
                        kb.as_ref().map_or("", |kb| kb.version.as_str())
                    )
                )?,
                (None, Some(hint)) => eprintln!("camsweep: {}", crate::printer::escape(&hint)),
                (None, None) => {}
            }
            Ok(Outcome::Done)
        }
        Action::Show { format, db } => {
            let estate = with_register(&db.db, async |r| Ok(r.estate().await?))?;
            let mut out = String::new();
            match format {
                ShowFormat::Json => out = serde_json::to_string_pretty(&estate)? + "\n",
                ShowFormat::Toml => out = camsweep_app::estate::to_toml(&estate),
                ShowFormat::Table => {
                    for org in &estate.organisations {
                        out += &format!(
                            "organisation {} ({}), policies: {}\n",
                            org.id,
                            org.name,
                            org.policies.join(", ")
                        );
                        for site in estate.sites.iter().filter(|s| s.organisation == org.id) {
                            out += &format!(
                                "  site {} ({}): {}{}\n",
                                site.id,
                                site.name,
                                site.sensitivity,
                                site.sensitivity_reason
                                    .as_deref()
                                    .map(|r| format!(" ({r})"))
                                    .unwrap_or_default()
                            );
                            for n in estate.networks.iter().filter(|n| n.site == site.id) {
                                let cidrs: Vec<String> =
                                    n.cidrs.iter().map(|c| c.to_string()).collect();
                                out += &format!(
                                    "    network {}: zone {}, {}{}\n",
                                    n.id,
                                    n.zone,
                                    cidrs.join(", "),
                                    n.vlan.map(|v| format!(", vlan {v}")).unwrap_or_default()
                                );
                            }
                        }
                    }
                    if estate.organisations.is_empty() {
                        out += "the register holds no estate yet (camsweep estate import FILE)\n";
                    }
                }
            }
            use std::io::Write as _;
            std::io::stdout().write_all(out.as_bytes())?;
            Ok(Outcome::Done)
        }
    }
}
