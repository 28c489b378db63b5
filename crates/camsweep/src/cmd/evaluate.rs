//! `camsweep evaluate`: recompute every device's identification (from its stored observations,
//! with the current knowledge base) and its findings (with the policy packs its organisation
//! applies), and store what changed in one transaction, with history.

use anyhow::Context as _;
use camsweep_identify::Engine;
use camsweep_model::Identification;
use camsweep_policy::{
    DeviceContext, DeviceFacts, FindingDraft, NetworkFacts, OrgFacts, PolicySet, SiteFacts,
};
use camsweep_register::{DeviceRecord, Estate, EvaluationDelta, NewFinding, Register, today};

use super::estate::{DbArgs, open, runtime};
use super::ingest::load_kb;
use crate::{Globals, Outcome};

#[derive(Debug, clap::Args)]
pub struct Args {
    #[command(flatten)]
    pub db: DbArgs,
}

pub fn run(args: Args, globals: &Globals) -> anyhow::Result<Outcome> {
    let kb = load_kb(globals)?;
    let engine = Engine::new(&kb).context("compiling the fingerprint rules")?;
    let policies = PolicySet::builtin().context("loading the policy packs")?;
    let delta = runtime()?.block_on(async {
        let register = open(&args.db).await?;
        let delta = evaluate(&register, &engine, &policies, &args.db.actor).await?;
        register.close().await;
        anyhow::Ok(delta)
    })?;
    println!(
        "evaluated {} devices (KB {}): {} identifications changed; findings: {} new, {} resolved, {} still open",
        delta.devices,
        kb.version,
        delta.identifications_changed,
        delta.findings_new,
        delta.findings_resolved,
        delta.findings_still_open
    );
    Ok(Outcome::Done)
}

/// Re-identifies and re-evaluates the whole register. Devices marked missing are left out, so
/// their findings resolve: a device a rescan no longer finds is taken as removed.
pub async fn evaluate(
    register: &Register,
    engine: &Engine<'_>,
    policies: &PolicySet,
    actor: &str,
) -> anyhow::Result<EvaluationDelta> {
    let estate = register.estate().await?;
    let devices = register.devices().await?;
    let mut observations = register.observations_by_device().await?;
    let now = today();
    let mut results = Vec::with_capacity(devices.len());
    for device in devices.into_iter().filter(|d| !d.missing) {
        let identification = match observations.remove(&device.id) {
            Some(obs) if !obs.is_empty() => engine.identify(&obs),
            // No raw evidence kept (e.g. an import): keep what was stored.
            _ => device
                .identification
                .clone()
                .unwrap_or_else(|| Identification::unknown(engine.kb().version.clone())),
        };
        let context = context_for(&device, &identification, &estate, &now);
        let drafts = policies
            .evaluate(&context, &[])
            .with_context(|| format!("evaluating device {}", device.id))?;
        results.push((
            device.id,
            identification,
            drafts.into_iter().map(to_new_finding).collect(),
        ));
    }
    Ok(register.apply_evaluation(&results, actor).await?)
}

/// The policy input for one stored device: its identification and its place in the estate.
pub fn context_for(
    device: &DeviceRecord,
    identification: &Identification,
    estate: &Estate,
    now: &str,
) -> DeviceContext {
    let network = device
        .network_id
        .as_deref()
        .and_then(|id| estate.network(id));
    let site = network.and_then(|n| estate.site(&n.site));
    let organisation = site.and_then(|s| estate.organisation(&s.organisation));
    DeviceContext {
        device: DeviceFacts {
            id: device.id.clone(),
            address: device.address.clone(),
            manufacturer: identification.manufacturer.clone(),
            brand: identification.brand.clone(),
            model: identification.model.clone(),
            device_type: identification.device_type.as_str().to_owned(),
            confidence: identification.confidence,
            vendor: identification.vendor.clone(),
            first_seen: Some(device.first_seen.clone()),
        },
        site: site.map(|s| SiteFacts {
            id: s.id.clone(),
            name: Some(s.name.clone()),
            sensitivity: s.sensitivity.as_str().to_owned(),
        }),
        network: network.map(|n| NetworkFacts {
            id: n.id.clone(),
            zone: n.zone.as_str().to_owned(),
        }),
        organisation: organisation.map(|o| OrgFacts {
            id: o.id.clone(),
            policies: o.policies.clone(),
        }),
        now: now.to_owned(),
        purpose: None,
    }
}

pub fn to_new_finding(draft: FindingDraft) -> NewFinding {
    NewFinding {
        pack: draft.pack,
        rule: draft.rule,
        title: draft.title,
        severity: draft.severity.as_str().to_owned(),
        action: draft.action,
        citation_document: draft.citation.document,
        citation_paragraph: Some(draft.citation.paragraph),
        citation_url: Some(draft.citation.url),
        message: draft.message,
        due: draft.due,
        due_basis: draft.due_basis,
    }
}
