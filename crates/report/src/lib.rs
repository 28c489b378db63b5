//! Reports from the register: one self-contained HTML file with hand-written SVG charts, an XLSX
//! workbook, one CSV file per table, JSON of everything, and plain answers to the questions a
//! minister, auditor or survey asks.
//!
//! The crate is a pure renderer: the caller gathers a [`ReportData`] (the binary does so from the
//! register) and every format is a function of it. All formats read the same [`Summary`] and
//! [`tables`], so their numbers agree by construction; tests check that they do.
//!
//! Every string that came from a device (banners, models, firmware, evidence) is attacker
//! controlled: the HTML escapes it, the CSV neutralises spreadsheet formulas, the XLSX writes it
//! as a string cell.

mod answer;
mod data;
mod error;
mod html;
mod output;
pub mod sample;
mod summary;
mod svg;
pub mod tables;

pub use answer::{Answer, AnswerRow, answer};
pub use data::{
    CORE_ZONE, Citation, Device, DeviceStatus, Finding, FindingStatus, KbInfo, Network,
    Organisation, PlanItem, PlanStatus, PolicyPackInfo, ProgressPoint, ReportData, ScanRecord,
    Severity, Site, Waiver,
};
pub use error::ReportError;
pub use html::render_html;
pub use output::{Format, parse_formats, render_csv, render_json, render_xlsx, write_reports};
pub use summary::{ActionRow, CoverageRow, Index, Summary};

/// `YYYY-MM-DD`, the one date format every report uses.
pub fn format_date(date: time::Date) -> String {
    format!(
        "{:04}-{:02}-{:02}",
        date.year(),
        u8::from(date.month()),
        date.day()
    )
}

/// RFC 3339 in UTC to the second, e.g. `2026-05-01T09:30:00Z`.
pub fn format_timestamp(at: time::OffsetDateTime) -> String {
    let at = at.to_offset(time::UtcOffset::UTC);
    format!(
        "{}T{:02}:{:02}:{:02}Z",
        format_date(at.date()),
        at.hour(),
        at.minute(),
        at.second()
    )
}
