//! The register as a reader under a [`Scope`] sees it (the server's reads; the CLI reads with
//! [`Scope::All`]): the estate, devices a page at a time, one device with its evidence,
//! findings and history, findings, the census answer. Everything outside the scope is absent:
//! not in a list, not in a count, and "not found" when named.

use std::collections::HashSet;

use camsweep_kb::KnowledgeBase;
use camsweep_model::estate::Estate;
use camsweep_model::{FindingStatus, HistoryEntity, Observation};
use camsweep_policy::PolicySet;
use camsweep_register::{
    DeviceFilter, DeviceRecord, FindingFilter, FindingRecord, HistoryEntry, PlanItem, Register,
    Scope,
};
use serde::Serialize;

use crate::AppError;
use crate::report_data::covered;

/// The most devices one page holds.
pub const MAX_PAGE: usize = 1000;

/// The part of the estate a scope sees: its organisation, that organisation's sites, their
/// networks.
pub fn visible_estate(estate: Estate, scope: &Scope) -> Estate {
    let Scope::Organisation(own) = scope else {
        return estate;
    };
    let organisations = estate
        .organisations
        .into_iter()
        .filter(|o| &o.id == own)
        .collect();
    let sites: Vec<_> = estate
        .sites
        .into_iter()
        .filter(|s| &s.organisation == own)
        .collect();
    let site_ids: HashSet<&str> = sites.iter().map(|s| s.id.as_str()).collect();
    let networks = estate
        .networks
        .into_iter()
        .filter(|n| site_ids.contains(n.site.as_str()))
        .collect();
    Estate {
        organisations,
        sites,
        networks,
    }
}

/// The estate the scope sees, read from the register.
pub async fn estate(register: &Register, scope: &Scope) -> Result<Estate, AppError> {
    Ok(visible_estate(register.estate().await?, scope))
}

/// What a device list asks for.
#[derive(Debug, Clone, Default)]
pub struct DeviceQuery {
    pub filter: DeviceFilter,
    /// Only devices whose maker is (or is not) covered (see [`covered`]).
    pub covered: Option<bool>,
    /// The last device of the previous page.
    pub after: Option<String>,
    /// 1 to [`MAX_PAGE`].
    pub limit: usize,
}

/// One device as a list shows it.
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct DeviceSummary {
    pub id: String,
    pub address: Option<String>,
    pub mac: Option<String>,
    pub label: Option<String>,
    pub organisation: Option<String>,
    pub site: Option<String>,
    pub network: Option<String>,
    pub manufacturer: Option<String>,
    pub brand: Option<String>,
    pub model: Option<String>,
    pub firmware: Option<String>,
    /// `ip-camera`, `nvr`, ... or `unknown`.
    #[cfg_attr(feature = "openapi", schema(value_type = String))]
    pub device_type: camsweep_model::DeviceType,
    pub confidence: f64,
    pub covered: bool,
    pub missing: bool,
    pub first_seen: String,
    pub last_seen: String,
}

impl DeviceSummary {
    fn of(record: &DeviceRecord) -> Self {
        let identification = record.identification.as_ref();
        DeviceSummary {
            id: record.id.clone(),
            address: record.address.clone(),
            mac: record.mac.clone(),
            label: record.label.clone(),
            organisation: record.organisation_id.clone(),
            site: record.site_id.clone(),
            network: record.network_id.clone(),
            manufacturer: identification.and_then(|i| i.manufacturer.clone()),
            brand: identification.and_then(|i| i.brand.clone()),
            model: identification.and_then(|i| i.model.clone()),
            firmware: identification.and_then(|i| i.firmware.clone()),
            device_type: identification
                .map_or(camsweep_model::DeviceType::Unknown, |i| i.device_type),
            confidence: identification.map_or(0.0, |i| i.confidence),
            covered: is_covered(record),
            missing: record.missing,
            first_seen: record.first_seen.clone(),
            last_seen: record.last_seen.clone(),
        }
    }
}

fn is_covered(record: &DeviceRecord) -> bool {
    covered(
        record
            .identification
            .as_ref()
            .and_then(|i| i.vendor.as_deref()),
    )
}

/// One page of devices, and the cursor of the next (`None`: this was the last page).
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct DevicePage {
    pub devices: Vec<DeviceSummary>,
    /// Pass as `after` for the next page.
    pub next: Option<String>,
}

/// One page of the devices the scope sees that match `query`, in id order.
pub async fn devices(
    register: &Register,
    scope: &Scope,
    query: &DeviceQuery,
) -> Result<DevicePage, AppError> {
    if !(1..=MAX_PAGE).contains(&query.limit) {
        return Err(AppError::invalid_field(
            "limit",
            format!("{}: give 1 to {MAX_PAGE}", query.limit),
        ));
    }
    let Some(organisation) = scope.narrow(query.filter.organisation.as_deref()) else {
        return Ok(DevicePage {
            devices: Vec::new(),
            next: None,
        });
    };
    let filter = DeviceFilter {
        organisation,
        ..query.filter.clone()
    };
    // One more than a page, to know whether another follows. The covered filter is decided
    // here (it reads the identification's vendor facts), so pages of the register are read
    // until enough devices pass it.
    let want = query.limit + 1;
    let mut found: Vec<DeviceRecord> = Vec::with_capacity(want);
    let mut after = query.after.clone();
    loop {
        let batch = register
            .devices_page(&filter, after.as_deref(), want)
            .await?;
        let exhausted = batch.len() < want;
        after = batch.last().map(|d| d.id.clone());
        found.extend(
            batch
                .into_iter()
                .filter(|d| query.covered.is_none_or(|c| is_covered(d) == c)),
        );
        if exhausted || found.len() >= want {
            break;
        }
    }
    let more = found.len() > query.limit;
    found.truncate(query.limit);
    Ok(DevicePage {
        next: more.then(|| found.last().map(|d| d.id.clone())).flatten(),
        devices: found.iter().map(DeviceSummary::of).collect(),
    })
}

/// One device with everything known about it.
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct DeviceDetail {
    #[serde(flatten)]
    pub summary: DeviceSummary,
    /// The identification with its evidence and the maker's facts.
    #[cfg_attr(feature = "openapi", schema(value_type = Option<Object>))]
    pub identification: Option<camsweep_model::Identification>,
    #[cfg_attr(feature = "openapi", schema(value_type = Vec<Object>))]
    pub observations: Vec<Observation>,
    #[cfg_attr(feature = "openapi", schema(value_type = Vec<Object>))]
    pub findings: Vec<FindingRecord>,
    #[cfg_attr(feature = "openapi", schema(value_type = Vec<Object>))]
    pub plan: Vec<PlanItem>,
    /// The device's, its findings' and its plan items' history, oldest first.
    #[cfg_attr(feature = "openapi", schema(value_type = Vec<Object>))]
    pub history: Vec<HistoryEntry>,
}

/// The device `id`, when the scope sees it.
pub async fn device(
    register: &Register,
    scope: &Scope,
    id: &str,
) -> Result<DeviceDetail, AppError> {
    let record = register
        .device(id)
        .await?
        .filter(|d| scope.admits(d.organisation_id.as_deref()))
        .ok_or_else(|| AppError::not_found(format!("no device {id:?}")))?;
    let observations = register.observations_of(id).await?;
    let findings = register
        .findings(
            &FindingFilter {
                device: Some(id.to_owned()),
                include_resolved: true,
                ..FindingFilter::default()
            },
            &camsweep_register::today(),
        )
        .await?;
    let plan: Vec<PlanItem> = register
        .plan_items()
        .await?
        .into_iter()
        .filter(|p| p.device_id == id)
        .collect();
    let mut history = register.history(Some((HistoryEntity::Device, id))).await?;
    for f in &findings {
        history.extend(
            register
                .history(Some((HistoryEntity::Finding, &f.id)))
                .await?,
        );
    }
    for p in &plan {
        history.extend(
            register
                .history(Some((HistoryEntity::PlanItem, &p.id)))
                .await?,
        );
    }
    history.sort_by_key(|h| h.id);
    Ok(DeviceDetail {
        summary: DeviceSummary::of(&record),
        identification: record.identification,
        observations,
        findings,
        plan,
        history,
    })
}

/// The findings the scope sees that match `filter` and, when given, have `status` (as of
/// today). Without a status every finding is listed, resolved ones too.
pub async fn findings(
    register: &Register,
    scope: &Scope,
    filter: &FindingFilter,
    status: Option<FindingStatus>,
) -> Result<Vec<FindingRecord>, AppError> {
    let Some(organisation) = scope.narrow(filter.organisation.as_deref()) else {
        return Ok(Vec::new());
    };
    let filter = FindingFilter {
        organisation,
        include_resolved: status.is_none_or(|s| s == FindingStatus::Resolved),
        ..filter.clone()
    };
    let found = register
        .findings(&filter, &camsweep_register::today())
        .await?;
    Ok(found
        .into_iter()
        .filter(|f| status.is_none_or(|s| f.status == s))
        .collect())
}

/// The census counts (`camsweep report --answer`) over what the scope sees.
pub async fn answer(
    register: &Register,
    kb: &KnowledgeBase,
    policies: &PolicySet,
    scope: &Scope,
    since: Option<time::Date>,
) -> Result<camsweep_report::Answer, AppError> {
    let mut data = crate::report_data::gather(register, kb, policies, "answer").await?;
    if let Scope::Organisation(own) = scope {
        let sites: HashSet<String> = data
            .sites
            .iter()
            .filter(|s| &s.organisation == own)
            .map(|s| s.id.clone())
            .collect();
        data.organisations.retain(|o| &o.id == own);
        data.sites.retain(|s| sites.contains(&s.id));
        data.networks.retain(|n| sites.contains(&n.site));
        data.devices
            .retain(|d| d.site.as_ref().is_some_and(|s| sites.contains(s)));
        let devices: HashSet<&str> = data.devices.iter().map(|d| d.id.as_str()).collect();
        data.findings
            .retain(|f| devices.contains(f.device.as_str()));
        data.plan.retain(|p| devices.contains(p.device.as_str()));
    }
    Ok(camsweep_report::answer(&data, since))
}
