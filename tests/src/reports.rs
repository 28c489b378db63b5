//! Reading the reports back: every format (HTML, JSON, CSV, XLSX) tells the same numbers as
//! the data they were written from. Used by the report suite and on the demo's output.

use std::path::Path;

use calamine::{Data, Reader, Xlsx, open_workbook};
use camsweep_report::{ReportData, Summary, answer};

/// Rows of one CSV file (header excluded).
fn csv_rows(dir: &Path, table: &str) -> Vec<Vec<String>> {
    let text = std::fs::read_to_string(dir.join("csv").join(format!("{table}.csv")))
        .unwrap_or_else(|e| panic!("{table}.csv: {e}"));
    let mut lines: Vec<Vec<String>> = Vec::new();
    // The CSV has quoted multi-field values; parse it with a tiny state machine rather than
    // trusting line counts (values may hold newlines).
    let mut field = String::new();
    let mut record = Vec::new();
    let mut quoted = false;
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match (c, quoted) {
            ('"', true) if chars.peek() == Some(&'"') => {
                field.push('"');
                chars.next();
            }
            ('"', _) => quoted = !quoted,
            (',', false) => record.push(std::mem::take(&mut field)),
            ('\n', false) => {
                record.push(std::mem::take(&mut field));
                lines.push(std::mem::take(&mut record));
            }
            (c, _) => field.push(c),
        }
    }
    assert!(!lines.is_empty(), "{table}.csv has no header");
    lines.remove(0);
    lines
}

pub fn xlsx_sheet(path: &Path, sheet: &str) -> Vec<Vec<Data>> {
    let mut book: Xlsx<_> = open_workbook(path).expect("open report.xlsx");
    let range = book
        .worksheet_range(sheet)
        .unwrap_or_else(|e| panic!("sheet {sheet}: {e}"));
    range.rows().skip(1).map(<[Data]>::to_vec).collect()
}

fn html_figure(html: &str, slug: &str) -> u64 {
    let marker = format!("data-figure=\"{slug}\"><span class=\"n\">");
    let start = html
        .find(&marker)
        .unwrap_or_else(|| panic!("figure {slug} missing"))
        + marker.len();
    html[start..]
        .chars()
        .take_while(char::is_ascii_digit)
        .collect::<String>()
        .parse()
        .expect("figure is a number")
}

/// `data-rows` of a table, checked against the `<tr>` it really holds.
fn html_table_rows(html: &str, id: &str) -> usize {
    let marker = format!("id=\"table-{id}\" data-rows=\"");
    let start = html
        .find(&marker)
        .unwrap_or_else(|| panic!("table {id} missing"));
    let declared: usize = html[start + marker.len()..]
        .chars()
        .take_while(char::is_ascii_digit)
        .collect::<String>()
        .parse()
        .unwrap();
    let end = start + html[start..].find("</table>").expect("table closes");
    let body = &html[start..end];
    assert_eq!(
        body.matches("<tr>").count() - 1,
        declared,
        "table {id}: data-rows disagrees with its rows"
    );
    declared
}

fn slug(label: &str) -> String {
    label
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() {
                c.to_ascii_lowercase()
            } else {
                '-'
            }
        })
        .collect()
}

/// The reports written in `dir` (every format) tell the same numbers as each other and as
/// `data`. Also used on the demo's output.
pub fn check_files_agree(data: &ReportData, dir: &Path) {
    let summary = Summary::of(data);
    let html = std::fs::read_to_string(dir.join("report.html")).unwrap();
    let json: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(dir.join("report.json")).unwrap()).unwrap();
    let xlsx = dir.join("report.xlsx");

    // Key figures: the same in every format.
    let csv_summary = csv_rows(dir, "summary");
    let xlsx_summary = xlsx_sheet(&xlsx, "Summary");
    let figures = summary.key_figures();
    assert_eq!(csv_summary.len(), figures.len());
    assert_eq!(xlsx_summary.len(), figures.len());
    for (i, (label, value)) in figures.iter().enumerate() {
        assert_eq!(csv_summary[i][0], *label);
        assert_eq!(csv_summary[i][1], value.to_string(), "CSV {label}");
        assert_eq!(xlsx_summary[i][0], Data::String((*label).to_owned()));
        assert_eq!(
            xlsx_summary[i][1],
            Data::Float(*value as f64),
            "XLSX {label}"
        );
        assert_eq!(html_figure(&html, &slug(label)), *value, "HTML {label}");
    }
    assert_eq!(
        json["summary"]["prc_nil_equipment"].as_u64(),
        Some(summary.prc_nil_equipment)
    );
    assert_eq!(
        json["summary"]["relabelled_equipment"].as_u64(),
        Some(summary.relabelled_equipment)
    );

    // Table sizes: CSV = XLSX = JSON = the data; HTML tables where the HTML lists them.
    for (table, sheet, expected) in [
        ("devices", "Devices", data.devices.len()),
        ("findings", "Findings", data.findings.len()),
        ("plan", "Plan", data.plan.len()),
        (
            "evidence",
            "Evidence",
            data.devices.iter().map(|d| d.evidence.len()).sum(),
        ),
        ("scans", "Scans", data.scans.len()),
    ] {
        assert_eq!(csv_rows(dir, table).len(), expected, "CSV {table}");
        assert_eq!(xlsx_sheet(&xlsx, sheet).len(), expected, "XLSX {sheet}");
    }
    let json_data = &json["data"];
    assert_eq!(
        json_data["devices"].as_array().unwrap().len(),
        data.devices.len()
    );
    assert_eq!(
        json_data["findings"].as_array().unwrap().len(),
        data.findings.len()
    );
    assert_eq!(html_table_rows(&html, "plan"), data.plan.len());
    assert_eq!(html_table_rows(&html, "scans"), data.scans.len());
    assert_eq!(
        html_table_rows(&html, "relabelled") as u64,
        summary.relabelled_equipment
    );
    assert_eq!(
        html_table_rows(&html, "unidentified") as u64,
        summary.unidentified_equipment
    );
    // Findings are grouped by site in the HTML: the groups add up to all of them.
    let findings_in_html: usize = html
        .match_indices("id=\"table-findings-")
        .map(|(at, _)| {
            let id = &html[at + "id=\"table-".len()..];
            html_table_rows(&html, &id[..id.find('"').unwrap()])
        })
        .sum();
    assert_eq!(findings_in_html, data.findings.len());

    // The same device counts by status, read back from the spreadsheet.
    let devices = xlsx_sheet(&xlsx, "Devices");
    let removed = devices
        .iter()
        .filter(|row| row[17] == Data::String("removed".into()))
        .count() as u64;
    assert_eq!(removed, summary.devices_removed);
    let csv_covered = csv_rows(dir, "devices")
        .iter()
        .filter(|row| row[14] == "yes" && row[17] != "removed" && row[12] != "other")
        .count() as u64;
    assert_eq!(csv_covered, summary.covered_equipment);

    // The JSON answer equals the answer function's.
    let direct = answer(data, None);
    assert_eq!(
        json["answer"]["total"]["devices"].as_u64(),
        Some(direct.total.devices)
    );
    assert_eq!(direct.total.devices, summary.prc_nil_equipment);
}
