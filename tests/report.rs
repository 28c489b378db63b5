//! Reports (issue 6): every format tells the same numbers, device strings cannot inject markup,
//! and a real browser (headless Chromium) renders the HTML, its charts and tables, and prints it
//! to a PDF.

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use calamine::Data;
use camsweep_report::{Format, ReportData, sample, write_reports};
use camsweep_tests::reports::{check_files_agree, xlsx_sheet};

fn check_formats_agree(data: &ReportData) {
    let dir = tempfile::tempdir().unwrap();
    let written = write_reports(data, dir.path(), &Format::ALL).expect("reports written");
    assert_eq!(written.len(), 1 + 1 + 6 + 1, "{written:?}");
    check_files_agree(data, dir.path());
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
