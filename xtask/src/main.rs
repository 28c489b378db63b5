//! Maintenance tasks.
//!
//! `cargo run -p xtask -- regen-oui [--from DIR] [--out FILE] [--date YYYY-MM-DD]`
//! regenerates `crates/kb/data/oui.csv` from the IEEE registry files of Debian's `ieee-data`
//! package (`oui.csv` = MA-L, `mam.csv` = MA-M, `oui36.csv` = MA-S, `iab.csv` = IAB): trimmed to
//! `Registry,Assignment,Organization Name`, line endings normalised, identical rows merged, and
//! the registry data date recorded in a `# ieee-data-date:` comment that the loader reads. The
//! date comes from `--date`, else from the directory's `.lastupdate` (a Unix time).
//!
//! `cargo run -p xtask -- corpus-check [DIR]` checks the development corpus (default
//! `crates/identify/testdata/corpus/`): see [`corpus`].

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

mod corpus;

const USAGE: &str = "usage: cargo run -p xtask -- regen-oui [--from DIR] [--out FILE] [--date YYYY-MM-DD]\n       cargo run -p xtask -- corpus-check [DIR]";

/// The registry files of `ieee-data`, with the registry each holds and its assignment width.
const SOURCES: &[(&str, &str, usize)] = &[
    ("oui.csv", "MA-L", 6),
    ("mam.csv", "MA-M", 7),
    ("oui36.csv", "MA-S", 9),
    ("iab.csv", "IAB", 9),
];

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match run(&args) {
        Ok(summary) => {
            println!("{summary}");
            ExitCode::SUCCESS
        }
        Err(message) => {
            eprintln!("xtask: {message}");
            ExitCode::from(2)
        }
    }
}

fn run(args: &[String]) -> Result<String, String> {
    let Some((task, rest)) = args.split_first() else {
        return Err(USAGE.to_owned());
    };
    if task == "corpus-check" {
        let root = match rest {
            [] => workspace_root().join("crates/identify/testdata/corpus"),
            [dir] => PathBuf::from(dir),
            _ => return Err(USAGE.to_owned()),
        };
        return corpus::check(&root)
            .map(|s| s.to_string())
            .map_err(|problems| {
                let lines: Vec<String> = problems.iter().map(ToString::to_string).collect();
                format!("{} corpus problem(s):\n{}", lines.len(), lines.join("\n"))
            });
    }
    if task != "regen-oui" {
        return Err(format!("unknown task `{task}`\n{USAGE}"));
    }
    let mut from = PathBuf::from("/usr/share/ieee-data");
    let mut out = workspace_root().join("crates/kb/data/oui.csv");
    let mut date = None;
    let mut rest = rest.iter();
    while let Some(flag) = rest.next() {
        let mut value = || {
            rest.next()
                .cloned()
                .ok_or_else(|| format!("{flag} needs a value\n{USAGE}"))
        };
        match flag.as_str() {
            "--from" => from = PathBuf::from(value()?),
            "--out" => out = PathBuf::from(value()?),
            "--date" => date = Some(value()?),
            _ => return Err(format!("unknown option `{flag}`\n{USAGE}")),
        }
    }
    let date = match date {
        Some(date) => date,
        None => date_from_lastupdate(&from)?,
    };
    if !is_iso_date(&date) {
        return Err(format!("`{date}` is not a YYYY-MM-DD date"));
    }
    let table = read_registry(&from)?;
    let text = render(&table, &date, &from);
    std::fs::write(&out, text).map_err(|err| format!("cannot write {}: {err}", out.display()))?;
    Ok(format!(
        "wrote {} assignments (IEEE data of {date}) to {}",
        table.len(),
        out.display()
    ))
}

/// `(registry, assignment)` → organisation names (more than one for the few blocks the IEEE
/// lists twice).
type Table = BTreeMap<(String, String), Vec<String>>;

fn read_registry(dir: &Path) -> Result<Table, String> {
    let mut table = Table::new();
    for &(file, registry, width) in SOURCES {
        let path = dir.join(file);
        let mut reader = csv::ReaderBuilder::new()
            .flexible(true)
            .from_path(&path)
            .map_err(|err| format!("cannot read {}: {err}", path.display()))?;
        let headers = reader
            .headers()
            .map_err(|err| format!("{}: {err}", path.display()))?
            .clone();
        let column = |name: &str| {
            headers
                .iter()
                .position(|h| h.trim() == name)
                .ok_or_else(|| format!("{}: no `{name}` column", path.display()))
        };
        let (reg_col, asg_col, org_col) = (
            column("Registry")?,
            column("Assignment")?,
            column("Organization Name")?,
        );
        for (row_no, record) in reader.records().enumerate() {
            let record = record.map_err(|err| format!("{}: {err}", path.display()))?;
            let line = row_no + 2;
            let field = |i: usize| record.get(i).map(clean).unwrap_or_default();
            let (row_registry, assignment, organisation) = (
                field(reg_col),
                field(asg_col).to_ascii_uppercase(),
                field(org_col),
            );
            if row_registry != registry {
                return Err(format!(
                    "{}:{line}: registry `{row_registry}`, expected `{registry}`",
                    path.display()
                ));
            }
            if assignment.len() != width || !assignment.bytes().all(|b| b.is_ascii_hexdigit()) {
                return Err(format!(
                    "{}:{line}: assignment `{assignment}` is not {width} hex digits",
                    path.display()
                ));
            }
            if organisation.is_empty() {
                return Err(format!("{}:{line}: empty organisation", path.display()));
            }
            let names = table.entry((row_registry, assignment)).or_default();
            if !names.contains(&organisation) {
                names.push(organisation);
            }
        }
    }
    Ok(table)
}

/// Trims, and turns CR, LF and tab inside a field into single spaces.
fn clean(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn render(table: &Table, date: &str, from: &Path) -> String {
    let mut out = String::with_capacity(table.len() * 48);
    out.push_str(&format!("# ieee-data-date: {date}\n"));
    out.push_str(&format!(
        "# IEEE Registration Authority MA-L, MA-M, MA-S and IAB registries, from {} (Debian ieee-data).\n",
        from.display()
    ));
    out.push_str("# Generated by `cargo run -p xtask -- regen-oui`; do not edit by hand.\n");
    out.push_str("Registry,Assignment,Organization Name\n");
    for ((registry, assignment), names) in table {
        let mut names = names.clone();
        names.sort();
        let organisation = names.join(" / ");
        out.push_str(registry);
        out.push(',');
        out.push_str(assignment);
        out.push(',');
        out.push_str(&quote(&organisation));
        out.push('\n');
    }
    out
}

fn quote(field: &str) -> String {
    if field.contains([',', '"']) {
        format!("\"{}\"", field.replace('"', "\"\""))
    } else {
        field.to_owned()
    }
}

fn date_from_lastupdate(dir: &Path) -> Result<String, String> {
    let path = dir.join(".lastupdate");
    let text = std::fs::read_to_string(&path).map_err(|err| {
        format!(
            "cannot read {} ({err}); pass --date YYYY-MM-DD",
            path.display()
        )
    })?;
    let seconds: i64 = text
        .trim()
        .parse()
        .map_err(|_| format!("{}: `{}` is not a Unix time", path.display(), text.trim()))?;
    let (y, m, d) = civil_from_days(seconds.div_euclid(86_400));
    Ok(format!("{y:04}-{m:02}-{d:02}"))
}

/// Days since 1970-01-01 to a proleptic Gregorian date (Howard Hinnant's algorithm).
fn civil_from_days(days: i64) -> (i64, u32, u32) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    let y = yoe + era * 400 + i64::from(m <= 2);
    (y, m, d)
}

fn is_iso_date(date: &str) -> bool {
    let b = date.as_bytes();
    b.len() == 10
        && b[4] == b'-'
        && b[7] == b'-'
        && b.iter()
            .enumerate()
            .all(|(i, c)| i == 4 || i == 7 || c.is_ascii_digit())
}

fn workspace_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .map_or_else(|| PathBuf::from("."), Path::to_path_buf)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lastupdate_of_ieee_data_20220827_is_that_day() {
        // 1661630937 is the `.lastupdate` of Debian ieee-data 20220827.1.
        assert_eq!(civil_from_days(1_661_630_937 / 86_400), (2022, 8, 27));
        assert_eq!(civil_from_days(0), (1970, 1, 1));
        assert_eq!(civil_from_days(11_016), (2000, 2, 29));
    }

    #[test]
    fn fields_are_trimmed_and_quoted_when_needed() {
        assert_eq!(clean("  Foo\r\n Bar\t Co.  "), "Foo Bar Co.");
        assert_eq!(quote("Hangzhou Co.,Ltd."), "\"Hangzhou Co.,Ltd.\"");
        assert_eq!(quote("Say \"hi\", x"), "\"Say \"\"hi\"\", x\"");
        assert_eq!(quote("Axis Communications AB"), "Axis Communications AB");
    }

    #[test]
    fn registry_rows_are_merged_and_checked() {
        let dir = std::env::temp_dir().join(format!("xtask-oui-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        std::fs::write(
            dir.join("oui.csv"),
            "Registry,Assignment,Organization Name,Organization Address\r\n\
             MA-L,2857BE,\"Hangzhou Hikvision Digital Technology Co.,Ltd.\",\"x\"\r\n\
             MA-L,2857BE,\"Hangzhou Hikvision Digital Technology Co.,Ltd.\",\"y\"\r\n\
             MA-L,080030,CERN,a\r\nMA-L,080030,NETWORK RESEARCH CORPORATION,b\r\n",
        )
        .unwrap();
        std::fs::write(
            dir.join("mam.csv"),
            "Registry,Assignment,Organization Name,Organization Address\nMA-M,741AE09,Private,\n",
        )
        .unwrap();
        std::fs::write(
            dir.join("oui36.csv"),
            "Registry,Assignment,Organization Name,Organization Address\n",
        )
        .unwrap();
        std::fs::write(
            dir.join("iab.csv"),
            "Registry,Assignment,Organization Name,Organization Address\n",
        )
        .unwrap();
        let table = read_registry(&dir).unwrap();
        assert_eq!(table.len(), 3);
        let text = render(&table, "2022-08-27", &dir);
        assert!(text.starts_with("# ieee-data-date: 2022-08-27\n"));
        assert!(text.contains("MA-L,2857BE,\"Hangzhou Hikvision Digital Technology Co.,Ltd.\"\n"));
        assert!(text.contains("MA-L,080030,CERN / NETWORK RESEARCH CORPORATION\n"));
        assert!(!text.contains('\r'));

        std::fs::write(
            dir.join("iab.csv"),
            "Registry,Assignment,Organization Name\nIAB,12,Short\n",
        )
        .unwrap();
        let err = read_registry(&dir).unwrap_err();
        assert!(err.contains("iab.csv:2"), "{err}");
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
