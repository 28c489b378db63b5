//! CSV, XLSX and JSON renderers, and [`write_reports`] that puts every asked format in a directory.

use std::path::{Path, PathBuf};
use std::str::FromStr;

use rust_xlsxwriter::{Format as CellFormat, Workbook};
use serde::Serialize;

use crate::answer::{Answer, answer};
use crate::data::ReportData;
use crate::error::ReportError;
use crate::summary::{Index, Summary};
use crate::tables::{Cell, Table, all_tables};

/// A report format.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Format {
    Html,
    Xlsx,
    Csv,
    Json,
}

impl Format {
    pub const ALL: [Format; 4] = [Self::Html, Self::Xlsx, Self::Csv, Self::Json];
}

impl FromStr for Format {
    type Err = ReportError;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s.trim().to_ascii_lowercase().as_str() {
            "html" => Ok(Self::Html),
            "xlsx" => Ok(Self::Xlsx),
            "csv" => Ok(Self::Csv),
            "json" => Ok(Self::Json),
            other => Err(ReportError::UnknownFormat(other.to_owned())),
        }
    }
}

/// `html,xlsx` → the formats, in the order given, without repeats.
pub fn parse_formats(list: &str) -> Result<Vec<Format>, ReportError> {
    let mut formats = Vec::new();
    for part in list.split(',').filter(|p| !p.trim().is_empty()) {
        let format: Format = part.parse()?;
        if !formats.contains(&format) {
            formats.push(format);
        }
    }
    Ok(formats)
}

/// Excel refuses longer cell strings; device banners can be anything.
const XLSX_MAX_CHARS: usize = 32_000;
/// Rows per worksheet, header included.
const XLSX_MAX_ROWS: usize = 1_048_576;

/// A spreadsheet opening a CSV runs cells that start like a formula (`=cmd|...`); device
/// strings are attacker controlled, so such cells get a leading apostrophe (OWASP's advice).
fn csv_safe(text: String) -> String {
    if text.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{text}")
    } else {
        text
    }
}

/// One CSV file per table: `(file name, bytes)`.
pub fn render_csv(data: &ReportData) -> Result<Vec<(String, Vec<u8>)>, ReportError> {
    let index = Index::new(data);
    let summary = Summary::with_index(data, &index);
    all_tables(data, &index, &summary)
        .iter()
        .map(|table| Ok((format!("{}.csv", table.name), table_csv(table)?)))
        .collect()
}

fn table_csv(table: &Table) -> Result<Vec<u8>, ReportError> {
    let mut writer = csv::Writer::from_writer(Vec::new());
    let wrap = |row: usize, source: csv::Error| ReportError::Csv {
        table: table.name,
        row,
        source,
    };
    writer
        .write_record(&table.headers)
        .map_err(|e| wrap(0, e))?;
    for (i, row) in table.rows.iter().enumerate() {
        writer
            .write_record(row.iter().map(|cell| match cell {
                Cell::Text(text) => csv_safe(text.clone()),
                other => other.to_text(),
            }))
            .map_err(|e| wrap(i + 1, e))?;
    }
    writer.into_inner().map_err(|e| ReportError::Csv {
        table: table.name,
        row: table.rows.len(),
        source: csv::Error::from(e.into_error()),
    })
}

/// The workbook: sheets Summary, Devices, Findings, Plan, Evidence, Scans; each with its header
/// row frozen and an autofilter over the data.
pub fn render_xlsx(data: &ReportData) -> Result<Vec<u8>, ReportError> {
    let index = Index::new(data);
    let summary = Summary::with_index(data, &index);
    let mut workbook = Workbook::new();
    let header = CellFormat::new().set_bold().set_background_color(0xDCE6F1);
    for table in all_tables(data, &index, &summary) {
        write_sheet(&mut workbook, &table, &header)?;
    }
    workbook.save_to_buffer().map_err(ReportError::Workbook)
}

fn write_sheet(
    workbook: &mut Workbook,
    table: &Table,
    header: &CellFormat,
) -> Result<(), ReportError> {
    if table.rows.len() + 1 > XLSX_MAX_ROWS {
        return Err(ReportError::TooManyRows {
            sheet: table.title,
            rows: table.rows.len() + 1,
            max: XLSX_MAX_ROWS,
        });
    }
    let sheet_error = |row: u32, column: u16| {
        move |source| ReportError::Xlsx {
            sheet: table.title,
            row,
            column,
            source,
        }
    };
    let sheet = workbook.add_worksheet();
    sheet.set_name(table.title).map_err(sheet_error(0, 0))?;
    let mut widths: Vec<usize> = table.headers.iter().map(|h| h.len()).collect();
    for (column, title) in table.headers.iter().enumerate() {
        let column = column as u16;
        sheet
            .write_string_with_format(0, column, *title, header)
            .map_err(sheet_error(0, column))?;
    }
    for (i, row) in table.rows.iter().enumerate() {
        let row_number = (i + 1) as u32;
        for (column, cell) in row.iter().enumerate() {
            let col = column as u16;
            let result = match cell {
                Cell::Text(text) => {
                    let shown = truncate_chars(text, XLSX_MAX_CHARS);
                    if let Some(width) = widths.get_mut(column) {
                        *width = (*width).max(shown.chars().count().min(60));
                    }
                    sheet.write_string(row_number, col, shown).map(|_| ())
                }
                Cell::Int(n) => sheet.write_number(row_number, col, *n as f64).map(|_| ()),
                Cell::Float(x) => sheet.write_number(row_number, col, *x).map(|_| ()),
                Cell::Empty => Ok(()),
            };
            result.map_err(sheet_error(row_number, col))?;
        }
    }
    for (column, width) in widths.iter().enumerate() {
        let column = column as u16;
        sheet
            .set_column_width(column, (*width as f64 + 2.0).min(62.0))
            .map_err(sheet_error(0, column))?;
    }
    sheet.set_freeze_panes(1, 0).map_err(sheet_error(1, 0))?;
    let last_column = table.headers.len().saturating_sub(1) as u16;
    sheet
        .autofilter(0, 0, table.rows.len() as u32, last_column)
        .map_err(sheet_error(0, last_column))?;
    Ok(())
}

fn truncate_chars(text: &str, max: usize) -> &str {
    match text.char_indices().nth(max) {
        Some((cut, _)) => &text[..cut],
        None => text,
    }
}

/// Everything, for machines: the data, the summary and the answer (no `since`).
#[derive(Serialize)]
struct JsonReport<'a> {
    format: &'static str,
    summary: &'a Summary,
    answer: &'a Answer,
    data: &'a ReportData,
}

/// The JSON report: `{format, summary, answer, data}`.
pub fn render_json(data: &ReportData) -> Result<String, ReportError> {
    let summary = Summary::of(data);
    let answer = answer(data, None);
    Ok(serde_json::to_string_pretty(&JsonReport {
        format: "camsweep-report/1",
        summary: &summary,
        answer: &answer,
        data,
    })?)
}

/// Writes `bytes` to a temporary file beside `path`, flushes it to disk, then renames it into
/// place: a full disk or a crash mid-write leaves the last good report as it was (and no
/// temporary file behind), never a truncated one.
fn write_file(path: &Path, bytes: &[u8]) -> Result<(), ReportError> {
    use std::io::Write as _;
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let partial = path.with_file_name(format!(".{name}.{}.partial", std::process::id()));
    let result = (|| {
        let mut file = std::fs::File::create(&partial)?;
        file.write_all(bytes)?;
        file.sync_all()?;
        std::fs::rename(&partial, path)
    })();
    result.map_err(|source| {
        let _ = std::fs::remove_file(&partial);
        ReportError::Write {
            path: path.to_path_buf(),
            source,
        }
    })
}

/// Writes each asked format into `dir` (created if missing): `report.html`, `report.xlsx`,
/// `csv/<table>.csv`, `report.json`. Returns the files written.
pub fn write_reports(
    data: &ReportData,
    dir: &Path,
    formats: &[Format],
) -> Result<Vec<PathBuf>, ReportError> {
    let create = |path: &Path| {
        std::fs::create_dir_all(path).map_err(|source| ReportError::CreateDir {
            path: path.to_path_buf(),
            source,
        })
    };
    create(dir)?;
    let mut written = Vec::new();
    for format in formats {
        match format {
            Format::Html => {
                let path = dir.join("report.html");
                write_file(&path, crate::render_html(data).as_bytes())?;
                written.push(path);
            }
            Format::Xlsx => {
                let path = dir.join("report.xlsx");
                write_file(&path, &render_xlsx(data)?)?;
                written.push(path);
            }
            Format::Csv => {
                let csv_dir = dir.join("csv");
                create(&csv_dir)?;
                for (name, bytes) in render_csv(data)? {
                    let path = csv_dir.join(name);
                    write_file(&path, &bytes)?;
                    written.push(path);
                }
            }
            Format::Json => {
                let path = dir.join("report.json");
                write_file(&path, render_json(data)?.as_bytes())?;
                written.push(path);
            }
        }
    }
    Ok(written)
}

#[cfg(test)]
mod tests {

    /// Regression (issue 11): a report write that fails leaves what was there (a full disk used
    /// to replace the last good report.html with a truncated one) and no temporary file; one
    /// that succeeds replaces the old content whole.
    #[test]
    fn a_failed_write_keeps_the_last_report_and_leaves_no_partial_file() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("report.html");
        std::fs::write(&path, "old report").unwrap();
        write_file(&path, b"new report").unwrap();
        assert_eq!(std::fs::read_to_string(&path).unwrap(), "new report");

        // The rename cannot replace a non-empty directory: the write fails at the last step.
        let blocked = dir.path().join("report.json");
        std::fs::create_dir(&blocked).unwrap();
        std::fs::write(blocked.join("keep"), "kept").unwrap();
        let err = write_file(&blocked, b"{}").unwrap_err();
        assert!(err.to_string().contains("report.json"), "{err}");
        assert_eq!(
            std::fs::read_to_string(blocked.join("keep")).unwrap(),
            "kept"
        );
        let left: Vec<String> = std::fs::read_dir(dir.path())
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        assert!(
            left.iter().all(|n| !n.ends_with(".partial")),
            "temporary file left behind: {left:?}"
        );
    }

    use super::*;

    #[test]
    fn formula_like_cells_are_neutralised() {
        assert_eq!(csv_safe("=HYPERLINK(\"x\")".into()), "'=HYPERLINK(\"x\")");
        assert_eq!(csv_safe("@SUM(A1)".into()), "'@SUM(A1)");
        assert_eq!(csv_safe("Hikvision".into()), "Hikvision");
    }

    #[test]
    fn formats_parse_and_reject_unknown_names() {
        assert_eq!(
            parse_formats("html, CSV,html").unwrap(),
            vec![Format::Html, Format::Csv]
        );
        let err = parse_formats("html,pdf").unwrap_err();
        assert!(err.to_string().contains("\"pdf\""), "{err}");
    }

    #[test]
    fn long_strings_are_cut_on_a_character_boundary() {
        let text = "é".repeat(10);
        assert_eq!(truncate_chars(&text, 3), "ééé");
        assert_eq!(truncate_chars("ab", 5), "ab");
    }
}
