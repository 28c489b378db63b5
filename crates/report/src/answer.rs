//! Plain answers to the question ministers, auditors and surveys ask: how much equipment made by
//! companies subject to the PRC National Intelligence Law do we have, where, and how much has gone.

use std::collections::BTreeMap;
use std::fmt::Write as _;

use camsweep_model::PrcNil;
use serde::Serialize;
use time::Date;

use crate::data::{DeviceStatus, ReportData};
use crate::summary::Index;

/// Counts for one organisation and one manufacturer (or the totals, as `all`/`all`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct AnswerRow {
    pub organisation: String,
    pub manufacturer: String,
    /// Equipment on the estate (present or missing).
    pub devices: u64,
    pub on_sensitive_sites: u64,
    pub on_core_networks: u64,
    /// Removals verified on or after `since` (all verified removals when `since` is absent).
    pub removed_since: u64,
}

/// The answer, as numbers and as sentences.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Answer {
    pub generated_at: String,
    pub kb_version: String,
    pub since: Option<String>,
    /// Per organisation and manufacturer, organisations then manufacturers in name order.
    pub rows: Vec<AnswerRow>,
    pub total: AnswerRow,
    /// Equipment on the estate whose manufacturer the evidence does not establish: not counted
    /// above, and said so.
    pub unidentified_equipment: u64,
    /// Equipment whose manufacturer is known but whose NIL status the KB does not settle.
    pub nil_status_unknown: u64,
    pub sentences: Vec<String>,
}

/// Counts the equipment made by companies subject to the PRC National Intelligence Law, per
/// organisation and manufacturer: on the estate, on sensitive sites, on core networks, and
/// removed since `since`.
pub fn answer(data: &ReportData, since: Option<Date>) -> Answer {
    let index = Index::new(data);
    let mut groups: BTreeMap<(String, String), AnswerRow> = BTreeMap::new();
    let mut unidentified = 0;
    let mut nil_unknown = 0;
    for device in data.devices.iter().filter(|d| d.is_equipment()) {
        if device.is_on_estate() {
            if device.is_unidentified() {
                unidentified += 1;
                continue;
            }
            if device.prc_nil == PrcNil::Unknown {
                nil_unknown += 1;
            }
        }
        if device.prc_nil != PrcNil::Yes {
            continue;
        }
        let removed_in_window = device.status == DeviceStatus::Removed
            && match (since, device.removed_on) {
                (None, _) => true,
                (Some(since), Some(on)) => on >= since,
                // A removal with no recorded date cannot be placed after `since`.
                (Some(_), None) => false,
            };
        if !device.is_on_estate() && !removed_in_window {
            continue;
        }
        let organisation = index.organisation_label(device).to_owned();
        let manufacturer = device.manufacturer_label().to_owned();
        let row = groups
            .entry((organisation.clone(), manufacturer.clone()))
            .or_insert_with(|| AnswerRow {
                organisation,
                manufacturer,
                devices: 0,
                on_sensitive_sites: 0,
                on_core_networks: 0,
                removed_since: 0,
            });
        if device.is_on_estate() {
            row.devices += 1;
            row.on_sensitive_sites += u64::from(index.on_sensitive_site(device));
            row.on_core_networks += u64::from(index.on_core_network(device));
        } else {
            row.removed_since += 1;
        }
    }
    let rows: Vec<AnswerRow> = groups.into_values().collect();
    let mut total = AnswerRow {
        organisation: "all".into(),
        manufacturer: "all".into(),
        devices: 0,
        on_sensitive_sites: 0,
        on_core_networks: 0,
        removed_since: 0,
    };
    for row in &rows {
        total.devices += row.devices;
        total.on_sensitive_sites += row.on_sensitive_sites;
        total.on_core_networks += row.on_core_networks;
        total.removed_since += row.removed_since;
    }
    let since_text = since.map(crate::format_date);
    let sentences = sentences(
        &rows,
        &total,
        since_text.as_deref(),
        unidentified,
        nil_unknown,
    );
    Answer {
        generated_at: crate::format_timestamp(data.generated_at),
        kb_version: data.kb.version.clone(),
        since: since_text,
        rows,
        total,
        unidentified_equipment: unidentified,
        nil_status_unknown: nil_unknown,
        sentences,
    }
}

fn plural(n: u64, one: &str, many: &str) -> String {
    if n == 1 {
        format!("{n} {one}")
    } else {
        format!("{n} {many}")
    }
}

fn sentences(
    rows: &[AnswerRow],
    total: &AnswerRow,
    since: Option<&str>,
    unidentified: u64,
    nil_unknown: u64,
) -> Vec<String> {
    let removed_phrase = |n: u64| match since {
        Some(date) => format!("{} removed since {date}", plural(n, "item", "items")),
        None => format!("{} removed", plural(n, "item", "items")),
    };
    let mut out = vec![format!(
        "Across all organisations there {} {} of visual surveillance equipment made by companies \
         subject to the National Intelligence Law of the People's Republic of China: {} on \
         sensitive sites and {} on core networks; {}.",
        if total.devices == 1 { "is" } else { "are" },
        plural(total.devices, "item", "items"),
        total.on_sensitive_sites,
        total.on_core_networks,
        removed_phrase(total.removed_since),
    )];
    for row in rows {
        out.push(format!(
            "{}: {} made by {} ({} on sensitive sites, {} on core networks); {}.",
            row.organisation,
            plural(row.devices, "item", "items"),
            row.manufacturer,
            row.on_sensitive_sites,
            row.on_core_networks,
            removed_phrase(row.removed_since),
        ));
    }
    if unidentified > 0 {
        out.push(format!(
            "{} could not be attributed to a manufacturer from the evidence and {} not counted above.",
            plural(unidentified, "further item", "further items"),
            if unidentified == 1 { "is" } else { "are" },
        ));
    }
    if nil_unknown > 0 {
        out.push(format!(
            "{} made by companies whose status under that law the knowledge base does not settle.",
            plural(nil_unknown, "item is", "items are"),
        ));
    }
    out
}

impl Answer {
    /// The answer as text for a terminal or an email: the sentences, then a table.
    pub fn to_text(&self) -> String {
        let mut out = String::new();
        for sentence in &self.sentences {
            let _ = writeln!(out, "{}", printable(sentence));
        }
        let _ = writeln!(
            out,
            "\n{:<28} {:<24} {:>8} {:>10} {:>6} {:>8}",
            "organisation", "manufacturer", "devices", "sensitive", "core", "removed"
        );
        for row in self.rows.iter().chain(std::iter::once(&self.total)) {
            let _ = writeln!(
                out,
                "{:<28} {:<24} {:>8} {:>10} {:>6} {:>8}",
                clip(&row.organisation, 28),
                clip(&row.manufacturer, 24),
                row.devices,
                row.on_sensitive_sites,
                row.on_core_networks,
                row.removed_since
            );
        }
        let _ = writeln!(
            out,
            "\nAs of {}, knowledge base {}.",
            self.generated_at, self.kb_version
        );
        out
    }
}

/// Terminal output must not let a device-supplied string carry control characters (escape
/// sequences could rewrite the screen).
fn printable(text: &str) -> String {
    text.chars()
        .map(|c| if c.is_control() { '?' } else { c })
        .collect()
}

fn clip(text: &str, width: usize) -> String {
    printable(text).chars().take(width).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sample;
    use time::macros::date;

    fn row<'a>(answer: &'a Answer, org: &str, maker: &str) -> &'a AnswerRow {
        answer
            .rows
            .iter()
            .find(|r| r.organisation == org && r.manufacturer == maker)
            .unwrap_or_else(|| panic!("no row {org}/{maker} in {:?}", answer.rows))
    }

    #[test]
    fn counts_per_organisation_and_manufacturer() {
        let a = answer(&sample::small(), None);
        let dfe_hik = row(&a, "Department for Examples", "Hikvision");
        assert_eq!(
            (
                dfe_hik.devices,
                dfe_hik.on_sensitive_sites,
                dfe_hik.on_core_networks
            ),
            (2, 2, 1)
        );
        let dfe_dahua = row(&a, "Department for Examples", "Dahua");
        assert_eq!((dfe_dahua.devices, dfe_dahua.on_sensitive_sites), (2, 1));
        let agency = row(&a, "Examples Agency", "Hikvision");
        assert_eq!((agency.devices, agency.removed_since), (1, 1));
        // d9's address is in no known network: counted, and shown as unplaced.
        assert_eq!(row(&a, "unplaced", "Hikvision").devices, 1);
        assert_eq!(a.rows.len(), 4);
        assert_eq!(
            (
                a.total.devices,
                a.total.on_sensitive_sites,
                a.total.on_core_networks,
                a.total.removed_since
            ),
            (6, 3, 3, 1)
        );
        assert_eq!(a.unidentified_equipment, 1);
        assert!(a.sentences[0].contains("6 items"), "{}", a.sentences[0]);
        assert!(
            a.sentences
                .iter()
                .any(|s| s.contains("could not be attributed"))
        );
    }

    #[test]
    fn since_filters_removals_by_their_verified_date() {
        let data = sample::small();
        assert_eq!(
            answer(&data, Some(date!(2026 - 01 - 01)))
                .total
                .removed_since,
            1
        );
        let later = answer(&data, Some(date!(2026 - 04 - 01)));
        assert_eq!(later.total.removed_since, 0);
        assert!(later.sentences[0].contains("removed since 2026-04-01"));
    }

    #[test]
    fn text_output_strips_control_characters_from_device_strings() {
        let mut data = sample::small();
        data.devices[0].manufacturer_name = Some("Hik\u{1b}[2Jvision".into());
        let text = answer(&data, None).to_text();
        assert!(!text.contains('\u{1b}'), "{text}");
    }
}
