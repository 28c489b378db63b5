//! `camsweep check`: the deployment gate. May equipment of this manufacturer, brand or model be
//! deployed at this site (and network)? The site's sensitivity, the network's zone and the
//! organisation's policy packs come from the register; brands and relabels resolve through the
//! knowledge base (an LTS or Annke label is Hikvision-made); a model string goes through the
//! identification engine as a device's own model claim. Exit 0 allowed, 1 denied, 2 error.

use std::io::Write as _;

use camsweep_app::gate::{GateAnswer, GateRequest};
use camsweep_identify::Engine;

use crate::db::{DbArgs, Format, with_register};
use crate::{Globals, Outcome, load_kb};

#[derive(Debug, clap::Args)]
#[command(group(clap::ArgGroup::new("what").required(true).args(["manufacturer", "brand", "model"])))]
pub struct Args {
    /// The site (id) of the proposed deployment.
    #[arg(long)]
    pub site: String,
    /// The network (id) it would be connected to.
    #[arg(long)]
    pub network: Option<String>,
    /// The manufacturer: a vendor id or name from the knowledge base (e.g. hikvision).
    #[arg(long)]
    pub manufacturer: Option<String>,
    /// The brand on the box (e.g. LTS, Annke): resolved to its true manufacturer.
    #[arg(long)]
    pub brand: Option<String>,
    /// A model string (e.g. DS-2CD2143G2-I): identified by the fingerprint rules.
    #[arg(long)]
    pub model: Option<String>,
    /// What kind of equipment (ip-camera, nvr, dvr, intercom, ...).
    #[arg(long, default_value = "ip-camera")]
    pub device_type: String,
    /// What it is for, where a regime asks (e.g. public-safety, government-facilities-security).
    #[arg(long)]
    pub purpose: Option<String>,
    #[arg(long, value_enum, default_value = "table")]
    pub format: Format,
    #[command(flatten)]
    pub db: DbArgs,
}

pub fn run(args: Args, globals: &Globals) -> anyhow::Result<Outcome> {
    let kb = load_kb(globals)?;
    let engine = Engine::new(&kb)?;
    let policies = crate::load_policies(globals)?;
    let estate = with_register(&args.db.db, async |r| Ok(r.estate().await?))?;
    let request = GateRequest {
        site: args.site,
        network: args.network,
        manufacturer: args.manufacturer,
        brand: args.brand,
        model: args.model,
        device_type: args.device_type,
        purpose: args.purpose,
    };
    let answer = camsweep_app::gate::check(&request, &estate, &engine, &policies)?;
    let out = match args.format {
        Format::Json => serde_json::to_string_pretty(&answer)? + "\n",
        Format::Table => render(&answer),
    };
    std::io::stdout().write_all(out.as_bytes())?;
    Ok(if answer.allowed {
        Outcome::Done
    } else {
        Outcome::Denied
    })
}

fn render(answer: &GateAnswer) -> String {
    let mut out = format!(
        "{}: site {} ({}){}; packs: {}\n",
        if answer.allowed { "ALLOWED" } else { "DENIED" },
        answer.site,
        answer.sensitivity,
        match (&answer.network, &answer.zone) {
            (Some(n), Some(z)) => format!(", network {n} ({z})"),
            _ => String::new(),
        },
        if answer.packs.is_empty() {
            "all".to_owned()
        } else {
            answer.packs.join(", ")
        }
    );
    for c in &answer.candidates {
        out += &format!(
            "  {} ({}): {}\n",
            c.manufacturer.as_deref().unwrap_or("unknown manufacturer"),
            c.basis,
            if c.decision.allowed {
                "allowed"
            } else {
                "denied"
            }
        );
        for r in &c.decision.reasons {
            out += &format!(
                "    {} {}/{} [{}] {}: {}\n      source: {} {} {}\n",
                if r.blocks_deployment {
                    "BLOCKS"
                } else {
                    "advice"
                },
                r.pack,
                r.rule,
                r.severity,
                r.title,
                r.message,
                r.citation.document,
                r.citation.paragraph,
                r.citation.url
            );
        }
    }
    out
}
