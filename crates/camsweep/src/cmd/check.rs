//! `camsweep check`: the deployment gate. May equipment of this manufacturer, brand or model be
//! deployed at this site (and network)? The site's sensitivity, the network's zone and the
//! organisation's policy packs come from the register; brands and relabels resolve through the
//! knowledge base (an LTS or Annke label is Hikvision-made); a model string goes through the
//! identification engine as a device's own model claim. Exit 0 allowed, 1 denied, 2 error.

use std::io::Write as _;

use anyhow::{Context as _, bail};
use camsweep_identify::Engine;
use camsweep_model::{Identification, Observation, ObservationKind};
use camsweep_policy::{
    DeviceContext, DeviceFacts, GateDecision, NetworkFacts, OrgFacts, PolicySet, SiteFacts,
};
use camsweep_register::today;
use serde::Serialize;

use super::estate::{DbArgs, Format, open, runtime};
use super::ingest::load_kb;
use crate::{Globals, Outcome};

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

/// Who might have made the equipment asked about, and why we think so.
#[derive(Debug, Serialize)]
struct Candidate {
    manufacturer: Option<String>,
    brand: Option<String>,
    model: Option<String>,
    /// How the manufacturer was worked out, with its source.
    basis: String,
    decision: GateDecision,
}

#[derive(Debug, Serialize)]
struct Answer {
    allowed: bool,
    site: String,
    sensitivity: String,
    network: Option<String>,
    zone: Option<String>,
    packs: Vec<String>,
    candidates: Vec<Candidate>,
}

pub fn run(args: Args, globals: &Globals) -> anyhow::Result<Outcome> {
    let kb = load_kb(globals)?;
    let engine = Engine::new(&kb).context("compiling the fingerprint rules")?;
    let policies = PolicySet::builtin().context("loading the policy packs")?;
    let estate = runtime()?.block_on(async {
        let register = open(&args.db).await?;
        let estate = register.estate().await?;
        register.close().await;
        anyhow::Ok(estate)
    })?;
    let Some(site) = estate.site(&args.site) else {
        let known: Vec<&str> = estate.sites.iter().map(|s| s.id.as_str()).collect();
        bail!(
            "unknown site {:?} (the register has: {})",
            args.site,
            known.join(", ")
        );
    };
    let network = match &args.network {
        None => None,
        Some(id) => match estate.network(id) {
            Some(n) if n.site == site.id => Some(n),
            Some(n) => bail!("network {id:?} is at site {:?}, not {:?}", n.site, site.id),
            None => bail!("unknown network {id:?}"),
        },
    };
    let organisation = estate.organisation(&site.organisation);

    // Who made it: one candidate, or several when a brand has been made by several makers.
    let mut guesses: Vec<(Identification, String)> = Vec::new();
    if let Some(name) = &args.manufacturer {
        let vendor = kb
            .vendors
            .get(name)
            .or_else(|| kb.vendors.resolve_name(name))
            .with_context(|| {
                format!(
                    "unknown manufacturer {name:?}: not in the knowledge base (see `camsweep kb`)"
                )
            })?;
        let mut id = Identification::unknown(kb.version.clone());
        id.manufacturer = Some(vendor.id.clone());
        id.vendor = kb.vendors.facts(&vendor.id);
        id.confidence = 1.0;
        guesses.push((id, format!("manufacturer given: {}", vendor.id)));
    }
    if let Some(brand) = &args.brand {
        let matches = kb.vendors.resolve_brand(brand);
        let mut seen = Vec::new();
        for m in matches {
            if seen.contains(&m.manufacturer) {
                continue;
            }
            seen.push(m.manufacturer.clone());
            let mut id = Identification::unknown(kb.version.clone());
            id.manufacturer = Some(m.manufacturer.clone());
            id.brand = Some(m.brand.clone());
            id.vendor = kb.vendors.facts(&m.manufacturer);
            id.confidence = 1.0;
            guesses.push((
                id,
                format!(
                    "brand {:?} is made by {} ({})",
                    m.brand, m.manufacturer, m.source
                ),
            ));
        }
        if guesses.is_empty() {
            let mut id = Identification::unknown(kb.version.clone());
            id.brand = Some(brand.clone());
            guesses.push((
                id,
                format!("brand {brand:?} is not in the knowledge base: manufacturer unknown"),
            ));
        }
    }
    if let Some(model) = &args.model {
        let identification = engine.identify(&[model_claim(model)]);
        let basis = match &identification.manufacturer {
            Some(m) => format!(
                "model {model:?} identified as {m} (confidence {:.2})",
                identification.confidence
            ),
            None => format!("model {model:?} matches no fingerprint rule: manufacturer unknown"),
        };
        guesses.push((identification, basis));
    }

    let now = today();
    let mut candidates = Vec::new();
    for (identification, basis) in guesses {
        let context = DeviceContext {
            device: DeviceFacts {
                id: "proposed-deployment".into(),
                address: None,
                manufacturer: identification.manufacturer.clone(),
                brand: identification.brand.clone(),
                model: identification.model.clone().or_else(|| args.model.clone()),
                device_type: args.device_type.clone(),
                confidence: identification.confidence,
                vendor: identification.vendor.clone(),
                first_seen: Some(now.clone()),
            },
            site: Some(SiteFacts {
                id: site.id.clone(),
                name: Some(site.name.clone()),
                sensitivity: site.sensitivity.as_str().to_owned(),
            }),
            network: network.map(|n| NetworkFacts {
                id: n.id.clone(),
                zone: n.zone.as_str().to_owned(),
            }),
            organisation: organisation.map(|o| OrgFacts {
                id: o.id.clone(),
                policies: o.policies.clone(),
            }),
            now: now.clone(),
            purpose: args.purpose.clone(),
        };
        let decision = policies
            .check(&context, &[])
            .context("evaluating the gate")?;
        candidates.push(Candidate {
            manufacturer: identification.manufacturer,
            brand: identification.brand,
            model: identification.model.or_else(|| args.model.clone()),
            basis,
            decision,
        });
    }
    // Conservative when a label has several possible makers: any denial denies.
    let answer = Answer {
        allowed: candidates.iter().all(|c| c.decision.allowed),
        site: site.id.clone(),
        sensitivity: site.sensitivity.as_str().to_owned(),
        network: network.map(|n| n.id.clone()),
        zone: network.map(|n| n.zone.as_str().to_owned()),
        packs: organisation.map(|o| o.policies.clone()).unwrap_or_default(),
        candidates,
    };
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

/// A model string as the device itself would state it: an ONVIF GetDeviceInformation answer,
/// which the parser reads into `device.model`.
fn model_claim(model: &str) -> Observation {
    let escaped = model
        .replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;");
    let body = format!(
        concat!(
            r#"<?xml version="1.0" encoding="UTF-8"?><s:Envelope xmlns:s="http://www.w3.org/2003/05/soap-envelope" "#,
            r#"xmlns:tds="http://www.onvif.org/ver10/device/wsdl"><s:Body><tds:GetDeviceInformationResponse>"#,
            "<tds:Model>{}</tds:Model></tds:GetDeviceInformationResponse></s:Body></s:Envelope>"
        ),
        escaped
    );
    let mut o = Observation::new(ObservationKind::OnvifResponse, body);
    o.source = Some("check/model".into());
    o
}

fn render(answer: &Answer) -> String {
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
