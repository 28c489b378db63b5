//! The report's tables, built once and written by the CSV and XLSX renderers (and counted by
//! the HTML one), so every format lists the same rows.

use camsweep_model::PrcNil;

use crate::data::ReportData;
use crate::summary::{Index, Summary};

/// One cell. Numbers stay numbers so that spreadsheets can sum and filter them.
#[derive(Debug, Clone, PartialEq)]
pub enum Cell {
    Text(String),
    Int(i64),
    Float(f64),
    Empty,
}

impl Cell {
    fn opt(value: Option<&str>) -> Self {
        value.map_or(Cell::Empty, |v| Cell::Text(v.to_owned()))
    }

    fn text(value: impl Into<String>) -> Self {
        Cell::Text(value.into())
    }

    /// The cell as plain text (CSV, HTML).
    pub fn to_text(&self) -> String {
        match self {
            Cell::Text(text) => text.clone(),
            Cell::Int(n) => n.to_string(),
            Cell::Float(x) => format!("{x:.2}"),
            Cell::Empty => String::new(),
        }
    }
}

/// A named table: the CSV file name and the XLSX sheet name derive from `name`.
#[derive(Debug, Clone, PartialEq)]
pub struct Table {
    /// Lowercase file stem, e.g. `devices`.
    pub name: &'static str,
    /// Sheet title, e.g. `Devices`.
    pub title: &'static str,
    pub headers: Vec<&'static str>,
    pub rows: Vec<Vec<Cell>>,
}

fn nil_label(nil: PrcNil) -> &'static str {
    match nil {
        PrcNil::Yes => "yes",
        PrcNil::No => "no",
        PrcNil::Unknown => "unknown",
    }
}

fn count(n: u64) -> Cell {
    Cell::Int(i64::try_from(n).unwrap_or(i64::MAX))
}

/// Key figures, one per row.
pub fn summary_table(summary: &Summary) -> Table {
    Table {
        name: "summary",
        title: "Summary",
        headers: vec!["measure", "value"],
        rows: summary
            .key_figures()
            .into_iter()
            .map(|(label, value)| vec![Cell::text(label), count(value)])
            .collect(),
    }
}

pub fn devices_table(data: &ReportData, index: &Index<'_>) -> Table {
    let rows = data
        .devices
        .iter()
        .map(|d| {
            vec![
                Cell::text(&d.id),
                Cell::text(&d.address),
                Cell::opt(d.mac.as_deref()),
                Cell::text(index.organisation_label(d)),
                Cell::text(index.site_label(d)),
                Cell::text(if index.on_sensitive_site(d) {
                    "yes"
                } else {
                    "no"
                }),
                Cell::text(index.network_of(d).map_or("unplaced", |n| n.name.as_str())),
                Cell::text(index.zone_label(d)),
                Cell::text(d.manufacturer_label()),
                Cell::opt(d.brand.as_deref()),
                Cell::opt(d.model.as_deref()),
                Cell::opt(d.firmware.as_deref()),
                Cell::text(d.device_type.as_str()),
                Cell::Float(d.confidence),
                Cell::text(if d.covered { "yes" } else { "no" }),
                Cell::text(nil_label(d.prc_nil)),
                Cell::text(d.lists.join(", ")),
                Cell::text(d.status.as_str()),
                Cell::text(d.evidence_summary()),
            ]
        })
        .collect();
    Table {
        name: "devices",
        title: "Devices",
        headers: vec![
            "id",
            "address",
            "mac",
            "organisation",
            "site",
            "sensitive site",
            "network",
            "zone",
            "true manufacturer",
            "brand",
            "model",
            "firmware",
            "type",
            "confidence",
            "covered",
            "subject to PRC NIL",
            "lists",
            "status",
            "evidence",
        ],
        rows,
    }
}

pub fn findings_table(data: &ReportData, index: &Index<'_>) -> Table {
    let rows = data
        .findings
        .iter()
        .map(|f| {
            let device = index.device(&f.device);
            let site = index
                .site(f.site.as_deref())
                .or_else(|| device.and_then(|d| index.site_of(d)));
            vec![
                Cell::text(&f.id),
                Cell::text(&f.device),
                Cell::text(device.map_or("", |d| d.address.as_str())),
                Cell::text(site.map_or("unplaced", |s| s.name.as_str())),
                Cell::text(&f.pack),
                Cell::text(&f.rule),
                Cell::text(f.severity.as_str()),
                Cell::text(&f.action),
                Cell::text(f.status.as_str()),
                Cell::opt(f.waiver.as_ref().map(|w| w.reason.as_str())),
                Cell::opt(
                    f.waiver
                        .as_ref()
                        .map(|w| crate::format_date(w.until))
                        .as_deref(),
                ),
                Cell::text(&f.message),
                Cell::text(&f.citation.reference),
                Cell::opt(f.citation.url.as_deref()),
            ]
        })
        .collect();
    Table {
        name: "findings",
        title: "Findings",
        headers: vec![
            "id",
            "device",
            "address",
            "site",
            "pack",
            "rule",
            "severity",
            "action",
            "status",
            "waiver reason",
            "waiver until",
            "message",
            "citation",
            "citation url",
        ],
        rows,
    }
}

pub fn plan_table(data: &ReportData, index: &Index<'_>) -> Table {
    let mut items: Vec<&crate::PlanItem> = data.plan.iter().collect();
    items.sort_by(|a, b| a.priority.cmp(&b.priority).then(a.id.cmp(&b.id)));
    let rows = items
        .into_iter()
        .map(|p| {
            let device = index.device(&p.device);
            vec![
                Cell::text(&p.id),
                count(u64::from(p.priority)),
                Cell::text(&p.action),
                Cell::text(&p.device),
                Cell::text(device.map_or("", |d| d.address.as_str())),
                Cell::text(device.map_or("", |d| d.manufacturer_label())),
                Cell::text(device.map_or("unplaced", |d| index.site_label(d))),
                Cell::opt(p.due.map(crate::format_date).as_deref()),
                Cell::text(p.status.as_str()),
                Cell::opt(p.replaced_by.as_deref()),
                Cell::text(p.findings.join(", ")),
                Cell::opt(p.note.as_deref()),
            ]
        })
        .collect();
    Table {
        name: "plan",
        title: "Plan",
        headers: vec![
            "id",
            "priority",
            "action",
            "device",
            "address",
            "true manufacturer",
            "site",
            "due",
            "status",
            "replaced by",
            "findings",
            "note",
        ],
        rows,
    }
}

pub fn evidence_table(data: &ReportData) -> Table {
    let rows = data
        .devices
        .iter()
        .flat_map(|d| {
            d.evidence.iter().map(move |e| {
                vec![
                    Cell::text(&d.id),
                    Cell::text(&d.address),
                    Cell::text(e.kind.to_string()),
                    Cell::text(&e.field),
                    Cell::text(&e.value),
                    Cell::opt(e.path.as_deref()),
                    Cell::text(&e.rule),
                    Cell::opt(e.implies.manufacturer.as_deref()),
                    Cell::Float(e.strength),
                    Cell::text(stance_label(e.stance)),
                    Cell::text(&e.note),
                ]
            })
        })
        .collect();
    Table {
        name: "evidence",
        title: "Evidence",
        headers: vec![
            "device",
            "address",
            "kind",
            "field",
            "value",
            "path",
            "rule",
            "implies manufacturer",
            "strength",
            "stance",
            "note",
        ],
        rows,
    }
}

pub fn scans_table(data: &ReportData) -> Table {
    let rows = data
        .scans
        .iter()
        .map(|s| {
            vec![
                Cell::text(&s.id),
                Cell::text(&s.started_at),
                Cell::opt(s.finished_at.as_deref()),
                Cell::text(s.targets.join(" ")),
                count(s.hosts_scanned),
                count(s.devices_found),
                count(s.unresponsive.len() as u64),
                Cell::text(s.unresponsive.join(" ")),
                count(s.malformed.len() as u64),
                Cell::text(s.malformed.join(" ")),
                Cell::text(if s.interrupted { "yes" } else { "no" }),
                Cell::text(&s.kb_version),
            ]
        })
        .collect();
    Table {
        name: "scans",
        title: "Scans",
        headers: vec![
            "id",
            "started",
            "finished",
            "targets",
            "hosts scanned",
            "devices found",
            "unresponsive",
            "unresponsive addresses",
            "malformed",
            "malformed addresses",
            "interrupted",
            "kb version",
        ],
        rows,
    }
}

fn stance_label(stance: camsweep_model::Stance) -> &'static str {
    match stance {
        camsweep_model::Stance::Supports => "supports",
        camsweep_model::Stance::Contradicts => "contradicts",
        camsweep_model::Stance::Context => "context",
    }
}

/// Every table, in the order files and sheets are written.
pub fn all_tables(data: &ReportData, index: &Index<'_>, summary: &Summary) -> Vec<Table> {
    vec![
        summary_table(summary),
        devices_table(data, index),
        findings_table(data, index),
        plan_table(data, index),
        evidence_table(data),
        scans_table(data),
    ]
}
