use std::path::PathBuf;

/// Why a report could not be written.
#[derive(Debug, thiserror::Error)]
pub enum ReportError {
    #[error("cannot create report directory {path}")]
    CreateDir {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("cannot write {path}")]
    Write {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("CSV table {table}, row {row}")]
    Csv {
        table: &'static str,
        row: usize,
        source: csv::Error,
    },
    #[error("XLSX sheet {sheet}, row {row}, column {column}")]
    Xlsx {
        sheet: &'static str,
        row: u32,
        column: u16,
        source: rust_xlsxwriter::XlsxError,
    },
    #[error("XLSX sheet {sheet} would need {rows} rows; a worksheet holds at most {max}")]
    TooManyRows {
        sheet: &'static str,
        rows: usize,
        max: usize,
    },
    #[error("XLSX workbook: {0}")]
    Workbook(rust_xlsxwriter::XlsxError),
    #[error("JSON")]
    Json(#[from] serde_json::Error),
    #[error("unknown report format {0:?} (expected html, xlsx, csv or json)")]
    UnknownFormat(String),
}
