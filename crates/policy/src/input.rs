//! The Rego `input` built straight from a [`DeviceContext`] as a `regorus::Value`.
//!
//! The obvious route (serde_json value, drop nulls, convert to a regorus value) cost about 15% of
//! a compiled evaluation (docs/benchmarks.md). This builds the same value directly: absent
//! (`None`) members are left out, so an absent fact is *undefined* in Rego. A test checks it
//! equals the serde route on random contexts, so a field added to the context (or to
//! `VendorFacts`) cannot be silently dropped.

use std::collections::BTreeMap;

use camsweep_model::{ListMembership, PrcNil, VendorFacts};
use regorus::Value;

use crate::DeviceContext;

/// An object under construction: members with `None` values are skipped.
struct Members(BTreeMap<Value, Value>);

impl Members {
    fn new() -> Self {
        Members(BTreeMap::new())
    }

    fn put(mut self, key: &str, value: impl Into<Value>) -> Self {
        self.0.insert(Value::from(key), value.into());
        self
    }

    fn put_some<T: Into<Value>>(self, key: &str, value: Option<T>) -> Self {
        match value {
            Some(value) => self.put(key, value),
            None => self,
        }
    }

    fn done(self) -> Value {
        Value::from(self.0)
    }
}

fn text(value: &Option<String>) -> Option<Value> {
    value.as_deref().map(Value::from)
}

fn strings(values: &[String]) -> Value {
    Value::from(
        values
            .iter()
            .map(|v| Value::from(v.as_str()))
            .collect::<Vec<_>>(),
    )
}

fn prc_nil(status: PrcNil) -> &'static str {
    // The serde names of `PrcNil` (`rename_all = "lowercase"`).
    match status {
        PrcNil::Yes => "yes",
        PrcNil::No => "no",
        PrcNil::Unknown => "unknown",
    }
}

fn membership(m: &ListMembership) -> Value {
    Members::new()
        .put("list", m.list.as_str())
        .put_some("since", text(&m.since))
        .put_some("via", text(&m.via))
        .put("source", m.source.as_str())
        .done()
}

fn vendor(v: &VendorFacts) -> Value {
    Members::new()
        .put("id", v.id.as_str())
        .put("name", v.name.as_str())
        .put_some("parent", text(&v.parent))
        .put_some("hq_country", text(&v.hq_country))
        .put("subject_to_prc_nil", prc_nil(v.subject_to_prc_nil))
        .put("nil_reasoning", v.nil_reasoning.as_str())
        .put(
            "lists",
            Value::from(v.lists.iter().map(membership).collect::<Vec<_>>()),
        )
        .put("sources", strings(&v.sources))
        .done()
}

/// The matched vulnerabilities, absent when there are none (as serde leaves them out). Rare and
/// small, so they take the serde route.
fn vulnerabilities(matches: &[camsweep_model::VulnerabilityMatch]) -> Option<Value> {
    if matches.is_empty() {
        return None;
    }
    serde_json::to_value(matches).ok().map(Value::from)
}

/// The Rego `input` for `ctx` (already normalised).
pub(crate) fn to_rego_value(ctx: &DeviceContext) -> Value {
    let d = &ctx.device;
    let device = Members::new()
        .put("id", d.id.as_str())
        .put_some("address", text(&d.address))
        .put_some("manufacturer", text(&d.manufacturer))
        .put_some("brand", text(&d.brand))
        .put_some("model", text(&d.model))
        .put("device_type", d.device_type.as_str())
        .put("confidence", d.confidence)
        .put_some("vendor", d.vendor.as_ref().map(vendor))
        .put_some("first_seen", text(&d.first_seen))
        .put_some("vulnerabilities", vulnerabilities(&d.vulnerabilities))
        .done();
    let site = ctx.site.as_ref().map(|s| {
        Members::new()
            .put("id", s.id.as_str())
            .put_some("name", text(&s.name))
            .put("sensitivity", s.sensitivity.as_str())
            .done()
    });
    let network = ctx.network.as_ref().map(|n| {
        Members::new()
            .put("id", n.id.as_str())
            .put("zone", n.zone.as_str())
            .put("public_exposure", n.public_exposure)
            .done()
    });
    let organisation = ctx.organisation.as_ref().map(|o| {
        Members::new()
            .put("id", o.id.as_str())
            .put("policies", strings(&o.policies))
            .done()
    });
    Members::new()
        .put("device", device)
        .put_some("site", site)
        .put_some("network", network)
        .put_some("organisation", organisation)
        .put("now", ctx.now.as_str())
        .put_some("purpose", text(&ctx.purpose))
        .done()
}
