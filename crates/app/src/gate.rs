//! The deployment gate: may equipment of this manufacturer, brand or model be deployed at this
//! site (and network)? The site's sensitivity, the network's zone and the organisation's policy
//! packs come from the estate; brands and relabels resolve through the knowledge base (an LTS or
//! Annke label is Hikvision-made); a model string goes through the identification engine as a
//! device's own model claim. Several possible makers of one label: any denial denies.

use camsweep_identify::Engine;
use camsweep_model::estate::Estate;
use camsweep_model::{Identification, Observation, ObservationKind};
use camsweep_policy::{DeviceFacts, GateDecision, PolicySet};
use camsweep_register::today;
use serde::Serialize;

use crate::AppError;
use crate::evaluate::policy_input;

/// A proposed deployment.
#[derive(Debug, Clone, Default)]
pub struct GateRequest {
    pub site: String,
    pub network: Option<String>,
    pub manufacturer: Option<String>,
    pub brand: Option<String>,
    pub model: Option<String>,
    pub device_type: String,
    pub purpose: Option<String>,
}

/// Who might have made the equipment asked about, and why we think so.
#[derive(Debug, Serialize)]
pub struct Candidate {
    pub manufacturer: Option<String>,
    pub brand: Option<String>,
    pub model: Option<String>,
    /// How the manufacturer was worked out, with its source.
    pub basis: String,
    pub decision: GateDecision,
}

/// The gate's answer.
#[derive(Debug, Serialize)]
pub struct GateAnswer {
    pub allowed: bool,
    pub site: String,
    pub sensitivity: String,
    pub network: Option<String>,
    pub zone: Option<String>,
    pub packs: Vec<String>,
    pub candidates: Vec<Candidate>,
}

/// Decides a proposed deployment against the estate and the packs.
pub fn check(
    request: &GateRequest,
    estate: &Estate,
    engine: &Engine<'_>,
    policies: &PolicySet,
) -> Result<GateAnswer, AppError> {
    let kb = engine.kb();
    let Some(site) = estate.site(&request.site) else {
        let known: Vec<&str> = estate.sites.iter().map(|s| s.id.as_str()).collect();
        return Err(AppError::not_found(format!(
            "unknown site {:?} (the register has: {})",
            request.site,
            known.join(", ")
        )));
    };
    let network = match &request.network {
        None => None,
        Some(id) => match estate.network(id) {
            Some(n) if n.site == site.id => Some(n),
            Some(n) => {
                return Err(AppError::invalid(format!(
                    "network {id:?} is at site {:?}, not {:?}",
                    n.site, site.id
                )));
            }
            None => return Err(AppError::not_found(format!("unknown network {id:?}"))),
        },
    };
    let organisation = estate.organisation(&site.organisation);

    // Who made it: one candidate, or several when a brand has been made by several makers.
    let mut guesses: Vec<(Identification, String)> = Vec::new();
    if let Some(name) = &request.manufacturer {
        let vendor = kb
            .vendors
            .get(name)
            .or_else(|| kb.vendors.resolve_name(name))
            .ok_or_else(|| {
                AppError::not_found(format!(
                    "unknown manufacturer {name:?}: not in the knowledge base (see `camsweep kb`)"
                ))
            })?;
        let mut id = Identification::unknown(kb.version.clone());
        id.manufacturer = Some(vendor.id.clone());
        id.vendor = kb.vendors.facts(&vendor.id);
        id.confidence = 1.0;
        guesses.push((id, format!("manufacturer given: {}", vendor.id)));
    }
    if let Some(brand) = &request.brand {
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
    if let Some(model) = &request.model {
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
        let facts = DeviceFacts {
            id: "proposed-deployment".into(),
            address: None,
            manufacturer: identification.manufacturer.clone(),
            brand: identification.brand.clone(),
            model: identification
                .model
                .clone()
                .or_else(|| request.model.clone()),
            device_type: request.device_type.clone(),
            confidence: identification.confidence,
            vendor: identification.vendor.as_deref().cloned(),
            first_seen: Some(now.clone()),
            vulnerabilities: engine.kb().vulns.matches(&identification),
        };
        let context = policy_input(
            facts,
            Some(site),
            network,
            organisation,
            &now,
            request.purpose.clone(),
        );
        let decision = policies.check(&context, &[])?;
        candidates.push(Candidate {
            manufacturer: identification.manufacturer,
            brand: identification.brand,
            model: identification.model.or_else(|| request.model.clone()),
            basis,
            decision,
        });
    }
    Ok(GateAnswer {
        allowed: candidates.iter().all(|c| c.decision.allowed),
        site: site.id.clone(),
        sensitivity: site.sensitivity.as_str().to_owned(),
        network: network.map(|n| n.id.clone()),
        zone: network.map(|n| n.zone.as_str().to_owned()),
        packs: organisation.map(|o| o.policies.clone()).unwrap_or_default(),
        candidates,
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
