//! Reports (issue 6): every format tells the same numbers, device strings cannot inject markup,
//! and a real browser (headless Chromium) renders the HTML, its charts and tables, and prints it
//! to a PDF.

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use calamine::{Data, Reader, Xlsx, open_workbook};
use camsweep_report::{Format, ReportData, Summary, answer, sample, write_reports};

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

fn xlsx_sheet(path: &Path, sheet: &str) -> Vec<Vec<Data>> {
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

fn check_formats_agree(data: &ReportData) {
    let dir = tempfile::tempdir().unwrap();
    let written = write_reports(data, dir.path(), &Format::ALL).expect("reports written");
    assert_eq!(written.len(), 1 + 1 + 6 + 1, "{written:?}");
    check_files_agree(data, dir.path());
}

/// The reports written in `dir` (every format) tell the same numbers as each other and as
/// `data`. Also used on the demo's output (`tests/demo.rs`).
pub(crate) fn check_files_agree(data: &ReportData, dir: &Path) {
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

#[test]
fn every_format_tells_the_same_numbers_on_the_sample_estate() {
    check_formats_agree(&sample::small());
}

#[test]
fn every_format_tells_the_same_numbers_on_a_synthetic_estate() {
    check_formats_agree(&sample::synthetic(1_500));
}

/// Strings a hostile device could put in its banners, models and firmware.
fn hostile_data() -> ReportData {
    let mut data = sample::small();
    let d = &mut data.devices[1];
    d.model = Some("<script>alert('model')</script>".into());
    d.brand = Some("\"><img src=x onerror=alert(1)>".into());
    d.firmware = Some("=HYPERLINK(\"http://evil.example/\",\"update\")".into());
    d.evidence[0].value = "</style><svg onload=alert(2)></svg>\u{0}\u{1b}[2J".into();
    data.devices[5].mac = Some("<iframe src=javascript:alert(3)>".into());
    data.findings[0].citation.url = Some("javascript:alert(4)".into());
    data.sites[0].name = "HQ <b>bold</b> & co".into();
    data
}

#[test]
fn device_strings_cannot_inject_markup_or_formulas() {
    let data = hostile_data();
    let dir = tempfile::tempdir().unwrap();
    write_reports(&data, dir.path(), &Format::ALL).unwrap();
    let html = std::fs::read_to_string(dir.path().join("report.html")).unwrap();
    for injected in [
        "<script",
        "<img",
        "<iframe",
        "<svg onload",
        "</style><svg",
        "href=\"javascript",
        "<b>bold",
    ] {
        assert!(!html.contains(injected), "HTML carries {injected:?}");
    }
    assert!(html.contains("&lt;script&gt;alert(&#39;model&#39;)&lt;/script&gt;"));
    assert!(html.contains("HQ &lt;b&gt;bold&lt;/b&gt; &amp; co"));
    assert!(!html.contains('\u{0}') && !html.contains('\u{1b}'));
    let devices = std::fs::read_to_string(dir.path().join("csv/devices.csv")).unwrap();
    assert!(devices.contains("'=HYPERLINK"), "formula not neutralised");
    assert!(!devices.contains(",=HYPERLINK"));
    // In the workbook the value is a string cell, not a formula.
    let rows = xlsx_sheet(&dir.path().join("report.xlsx"), "Devices");
    assert_eq!(
        rows[1][11],
        Data::String("=HYPERLINK(\"http://evil.example/\",\"update\")".into())
    );
    // And in a real browser: no element came out of the strings (checked when Chromium exists).
    if let Some(chromium) = chromium() {
        let dom = run_chromium(
            &chromium,
            dir.path(),
            &["--dump-dom"],
            &dir.path().join("report.html"),
        );
        let dom = String::from_utf8_lossy(&dom);
        assert!(!dom.contains("<script") && !dom.contains("<img") && !dom.contains("<iframe"));
        assert!(
            dom.contains("&lt;script&gt;alert('model')&lt;/script&gt;"),
            "text kept"
        );
    }
}

/// Chromium, or `None` (and a clear message) when it is missing; with
/// `CAMSWEEP_REQUIRE_CHROMIUM=1` a missing browser is a failure.
fn chromium() -> Option<PathBuf> {
    let candidates = [
        std::env::var_os("CAMSWEEP_CHROMIUM").map(PathBuf::from),
        Some(PathBuf::from("/usr/bin/chromium")),
        Some(PathBuf::from("/usr/bin/chromium-browser")),
        Some(PathBuf::from("/usr/bin/google-chrome")),
    ];
    let found = candidates.into_iter().flatten().find(|p| p.is_file());
    if found.is_none() {
        assert!(
            std::env::var("CAMSWEEP_REQUIRE_CHROMIUM").as_deref() != Ok("1"),
            "CAMSWEEP_REQUIRE_CHROMIUM=1 but no chromium was found"
        );
        eprintln!("SKIPPED: headless Chromium not found (set CAMSWEEP_CHROMIUM=PATH to use one)");
    }
    found
}

/// Runs headless Chromium on one local file, with networking features off and a private
/// profile; returns stdout. Killed (and the test fails) after 90 s.
fn run_chromium(chromium: &Path, scratch: &Path, args: &[&str], page: &Path) -> Vec<u8> {
    let profile = scratch.join("chromium-profile");
    let mut child = Command::new(chromium)
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--no-first-run",
            "--no-pdf-header-footer",
            "--hide-scrollbars",
        ])
        .arg(format!("--user-data-dir={}", profile.display()))
        .args(args)
        .arg(format!("file://{}", page.display()))
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("start chromium");
    let stdout = child.stdout.take().unwrap();
    let reader = std::thread::spawn(move || {
        let mut out = Vec::new();
        let mut stdout = stdout;
        std::io::Read::read_to_end(&mut stdout, &mut out).map(|_| out)
    });
    let started = Instant::now();
    loop {
        if let Some(status) = child.try_wait().unwrap() {
            assert!(status.success(), "chromium {args:?} failed: {status}");
            break;
        }
        if started.elapsed() > Duration::from_secs(90) {
            let _ = child.kill();
            let _ = child.wait();
            panic!("chromium {args:?} did not finish in 90 s");
        }
        std::thread::sleep(Duration::from_millis(50));
    }
    reader.join().unwrap().expect("read chromium output")
}

#[test]
fn chromium_renders_charts_and_tables_and_prints_a_pdf() {
    let Some(chromium) = chromium() else { return };
    let dir = tempfile::tempdir().unwrap();
    let data = sample::small();
    write_reports(&data, dir.path(), &[Format::Html]).unwrap();
    let page = dir.path().join("report.html");

    // The DOM Chromium built: every chart is an <svg> with its bars, every table is there.
    let dom = String::from_utf8_lossy(&run_chromium(&chromium, dir.path(), &["--dump-dom"], &page))
        .into_owned();
    for chart in [
        "manufacturers",
        "sensitivity",
        "zones",
        "findings",
        "progress",
    ] {
        let at = dom
            .find(&format!("data-chart=\"{chart}\""))
            .unwrap_or_else(|| panic!("chart {chart} missing from the DOM"));
        let svg = &dom[at..at + dom[at..].find("</svg>").unwrap()];
        assert!(
            svg.contains("<rect") || svg.contains("<polyline"),
            "chart {chart} has no marks"
        );
    }
    assert_eq!(dom.matches("<svg").count(), 5);
    for table in [
        "relabelled",
        "plan",
        "unidentified",
        "scans",
        "packs",
        "findings-headquarters",
    ] {
        assert!(
            dom.contains(&format!("id=\"table-{table}\"")),
            "table {table} missing from the DOM"
        );
    }
    assert!(dom.contains("Hikvision") && dom.contains("LTS"));

    // Print to PDF, then render its first page back to an image when poppler is there.
    let pdf = dir.path().join("report.pdf");
    run_chromium(
        &chromium,
        dir.path(),
        &[&format!("--print-to-pdf={}", pdf.display())],
        &page,
    );
    let bytes = std::fs::read(&pdf).expect("PDF written");
    assert!(bytes.starts_with(b"%PDF-"), "not a PDF");
    assert!(
        bytes.len() > 10_000,
        "PDF suspiciously small: {} bytes",
        bytes.len()
    );
    if Path::new("/usr/bin/pdftoppm").is_file() {
        let status = Command::new("/usr/bin/pdftoppm")
            .args(["-png", "-r", "40", "-f", "1", "-l", "1"])
            .arg(&pdf)
            .arg(dir.path().join("page"))
            .status()
            .expect("run pdftoppm");
        assert!(status.success());
        let rendered = std::fs::read_dir(dir.path())
            .unwrap()
            .flatten()
            .find(|e| e.file_name().to_string_lossy().starts_with("page"))
            .expect("pdftoppm wrote a page");
        let png = std::fs::read(rendered.path()).unwrap();
        assert!(png.starts_with(b"\x89PNG"), "page image is not a PNG");
    } else {
        eprintln!("pdftoppm not found: PDF page rendering not checked");
    }

    // A screenshot, as a reader sees the top of the report.
    let shot = dir.path().join("shot.png");
    run_chromium(
        &chromium,
        dir.path(),
        &[
            "--window-size=1200,1600",
            &format!("--screenshot={}", shot.display()),
        ],
        &page,
    );
    assert!(std::fs::read(&shot).unwrap().starts_with(b"\x89PNG"));
}
