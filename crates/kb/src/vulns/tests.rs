//! The pack as shipped, matching per family from real firmware strings, the KEV catalogue's
//! reader and the diff `kb update --kev` prints.

use camsweep_model::{DeviceType, Identification, MatchStatus};

use super::*;
use crate::KnowledgeBase;

fn kb() -> KnowledgeBase {
    KnowledgeBase::embedded().expect("the embedded knowledge base loads")
}

fn device(
    maker: &str,
    brand: Option<&str>,
    model: &str,
    firmware: Option<&str>,
    kind: DeviceType,
) -> Identification {
    let mut id = Identification::unknown("test");
    id.manufacturer = Some(maker.to_owned());
    id.brand = brand.map(str::to_owned);
    id.model = Some(model.to_owned());
    id.firmware = firmware.map(str::to_owned);
    id.device_type = kind;
    id
}

fn status(kb: &KnowledgeBase, id: &Identification, cve: &str) -> Option<MatchStatus> {
    kb.vulns
        .matches(id)
        .into_iter()
        .find(|m| m.cve == cve)
        .map(|m| m.status)
}

const CAMERA: DeviceType = DeviceType::IpCamera;

#[test]
fn the_shipped_pack_covers_the_camera_kev_entries_with_their_catalogue_facts() {
    let kb = kb();
    let pack = &kb.vulns;
    assert_eq!(pack.len(), 24);
    for v in pack.vulns() {
        assert!(
            pack.kev.entry(&v.cve).is_some(),
            "{} has no KEV entry",
            v.cve
        );
        assert!(!v.sources.is_empty() && v.affected.iter().all(|a| !a.source.is_empty()));
    }
    let (families, ranged) = pack.family_counts();
    assert!(
        families >= 60 && ranged >= 40,
        "{families} families, {ranged} with ranges"
    );
    let e = pack.kev.entry("CVE-2021-36260").unwrap();
    assert_eq!(
        (e.date_added.as_str(), e.due_date.as_str()),
        ("2022-01-10", "2022-01-24")
    );
    assert_eq!(
        pack.kev.entry("CVE-2017-7921").unwrap().date_added,
        "2026-03-05"
    );
}

// Lab strings: crates/lab/profiles/hikvision.toml (legacy profile: DS-2CD2142FWD-I with
// V5.4.5 build 170124 / V5.3.0 build 150513; current profile: DS-2CD2143G2-I, V5.7.3 build
// 220112). Bounds: CVE-2017-7921's description.
#[test]
fn hikvision_7921_ranges_decide_and_36260_without_a_range_is_likely() {
    let kb = kb();
    let past = device(
        "hikvision",
        None,
        "DS-2CD2142FWD-I",
        Some("V5.4.5 build 170124"),
        CAMERA,
    );
    assert_eq!(
        status(&kb, &past, "CVE-2017-7921"),
        Some(MatchStatus::NotAffected)
    );
    let before = device(
        "hikvision",
        None,
        "DS-2CD2142FWD-I",
        Some("V5.3.0 build 150513"),
        CAMERA,
    );
    assert_eq!(
        status(&kb, &before, "CVE-2017-7921"),
        Some(MatchStatus::NotAffected)
    );
    let inside = device(
        "hikvision",
        None,
        "DS-2CD2142FWD-I",
        Some("V5.4.4 build 161125"),
        CAMERA,
    );
    assert_eq!(
        status(&kb, &inside, "CVE-2017-7921"),
        Some(MatchStatus::Affected)
    );
    let bare = device("hikvision", None, "DS-2CD2142FWD-I", Some("V5.4.0"), CAMERA);
    assert_eq!(
        status(&kb, &bare, "CVE-2017-7921"),
        Some(MatchStatus::Affected)
    );
    let unknown = device("hikvision", None, "DS-2CD2142FWD-I", None, CAMERA);
    assert_eq!(
        status(&kb, &unknown, "CVE-2017-7921"),
        Some(MatchStatus::Likely)
    );
    // Not in any 7921 family.
    let other = device(
        "hikvision",
        None,
        "DS-2CD2032-I",
        Some("V5.4.5 build 170124"),
        CAMERA,
    );
    assert!(kb.vulns.matches(&other).is_empty());

    let g2 = device(
        "hikvision",
        None,
        "DS-2CD2143G2-I",
        Some("V5.7.3 build 220112"),
        CAMERA,
    );
    let m = kb.vulns.matches(&g2);
    assert_eq!(m.len(), 1);
    assert_eq!(
        (m[0].cve.as_str(), m[0].status),
        ("CVE-2021-36260", MatchStatus::Likely)
    );
    assert!(
        m[0].reason.contains("no source gives an affected range"),
        "{}",
        m[0].reason
    );
    let ssvc = m[0].ssvc.as_ref().unwrap();
    assert_eq!(
        (ssvc.automatable.as_str(), ssvc.technical_impact.as_str()),
        ("yes", "total")
    );
    assert_eq!(m[0].kev.as_ref().unwrap().due_date, "2022-01-24");
}

// Lab strings: crates/lab/profiles/dahua.toml (IPC-HDW5831R-ZE, SD49225XA-HNR, NVR5216-16P-4KS2E).
#[test]
fn dahua_families_use_the_nvd_bound_on_its_line_and_the_build_date_otherwise() {
    let kb = kb();
    let old = device(
        "dahua",
        None,
        "IPC-HDW5831R-ZE",
        Some("2.800.0000000.21.R, Build Date 2021-03-30"),
        CAMERA,
    );
    // 2.800 is not the line of the HX5 fix (2.820): the CNA's build-date rules decide.
    assert_eq!(
        status(&kb, &old, "CVE-2021-33044"),
        Some(MatchStatus::Affected)
    );
    assert_eq!(
        status(&kb, &old, "CVE-2021-33045"),
        Some(MatchStatus::NotAffected)
    );
    let newer = device(
        "dahua",
        None,
        "IPC-HDW5831R-ZE",
        Some("2.820.0000000.14.R, Build Date 2022-08-11"),
        CAMERA,
    );
    // On the fix's line: 14 < 18 (33044, NVD), 14 >= 5 (33045, NVD).
    assert_eq!(
        status(&kb, &newer, "CVE-2021-33044"),
        Some(MatchStatus::Affected)
    );
    assert_eq!(
        status(&kb, &newer, "CVE-2021-33045"),
        Some(MatchStatus::NotAffected)
    );
    let fixed = device(
        "dahua",
        None,
        "IPC-HDW5831R-ZE",
        Some("2.820.0000000.18.R.210705"),
        CAMERA,
    );
    assert_eq!(
        status(&kb, &fixed, "CVE-2021-33044"),
        Some(MatchStatus::NotAffected)
    );
    let ptz = device(
        "dahua",
        None,
        "SD49225XA-HNR",
        Some("2.800.0000000.21.R, Build Date 2021-03-30"),
        DeviceType::Ptz,
    );
    assert_eq!(
        status(&kb, &ptz, "CVE-2021-33044"),
        Some(MatchStatus::Affected)
    );
    let nvr = device(
        "dahua",
        None,
        "NVR5216-16P-4KS2E",
        Some("4.001.0000000.3.R, Build Date 2020-12-10"),
        DeviceType::Nvr,
    );
    assert_eq!(
        status(&kb, &nvr, "CVE-2021-33045"),
        Some(MatchStatus::NotAffected)
    );
    let api = device(
        "dahua",
        None,
        "IPC-HFW3241E-AS",
        Some("2.800.0000016.0.R,build:2020-06-05"),
        CAMERA,
    );
    assert_eq!(
        status(&kb, &api, "CVE-2021-33044"),
        Some(MatchStatus::Affected)
    );
    assert_eq!(
        status(&kb, &api, "CVE-2021-33045"),
        Some(MatchStatus::NotAffected)
    );
    let no_fw = device("dahua", None, "IPC-HDW5831R-ZE", None, CAMERA);
    assert_eq!(
        status(&kb, &no_fw, "CVE-2021-33044"),
        Some(MatchStatus::Likely)
    );
    let garbage = device("dahua", None, "IPC-HDW5831R-ZE", Some("firmware"), CAMERA);
    let m = kb.vulns.matches(&garbage);
    assert!(
        m.iter()
            .all(|m| m.status == MatchStatus::Likely && m.reason.contains("grammar")),
        "{m:?}"
    );
    // 2xxx cameras are in no family.
    let entry = device(
        "dahua",
        None,
        "IPC-HFW2431S-S-S2",
        Some("2.800.0000000.21.R, Build Date 2021-03-30"),
        CAMERA,
    );
    assert!(kb.vulns.matches(&entry).is_empty());
}

#[test]
fn labels_and_reported_makers_match_and_all_version_entries_are_affected() {
    let kb = kb();
    // Amcrest relabel of Dahua (lab profile dahua-ipc, relabel Amcrest): matched on the label,
    // and 2.800.0000000.21 is past the 2.800.0000000.6 fix.
    let amcrest = device(
        "dahua",
        Some("Amcrest"),
        "IP2M-841B",
        Some("2.800.0000000.21.R, Build Date 2021-03-30"),
        CAMERA,
    );
    assert_eq!(
        status(&kb, &amcrest, "CVE-2020-5735"),
        Some(MatchStatus::NotAffected)
    );
    let old_amcrest = device(
        "dahua",
        Some("Amcrest"),
        "IP2M-841B",
        Some("2.800.00AC000.0.R.200320"),
        CAMERA,
    );
    assert_eq!(
        status(&kb, &old_amcrest, "CVE-2020-5735"),
        Some(MatchStatus::Affected)
    );
    let mut edimax = Identification::unknown("test");
    edimax.reported_manufacturer = Some("EDIMAX".into());
    edimax.model = Some("IC-7100".into());
    edimax.device_type = CAMERA;
    assert_eq!(
        status(&kb, &edimax, "CVE-2025-1316"),
        Some(MatchStatus::Affected)
    );
    let geovision = device("geovision", None, "GV_VS2812", None, DeviceType::Encoder);
    assert_eq!(
        status(&kb, &geovision, "CVE-2024-6047"),
        Some(MatchStatus::Affected)
    );
    let unvr = device(
        "ubiquiti",
        None,
        "UNVR-Pro",
        Some("5.1.11"),
        DeviceType::Nvr,
    );
    assert_eq!(
        status(&kb, &unvr, "CVE-2026-34908"),
        Some(MatchStatus::Affected)
    );
    let patched = device("ubiquiti", None, "UNVR", Some("5.1.12"), DeviceType::Nvr);
    assert_eq!(
        status(&kb, &patched, "CVE-2026-34910"),
        Some(MatchStatus::NotAffected)
    );
    let dnr = device(
        "d-link",
        Some("D-Link"),
        "DNR-322L",
        Some("2.60B15"),
        DeviceType::Nvr,
    );
    assert_eq!(
        status(&kb, &dnr, "CVE-2022-40799"),
        Some(MatchStatus::Affected)
    );
    let nothing = Identification::unknown("test");
    assert!(kb.vulns.matches(&nothing).is_empty());
}

fn kev_file() -> Catalogue {
    Catalogue::parse(
        include_str!("../../testdata/kev/cisagov-kev-data-eacf03e-excerpt.json"),
        "cisagov-kev-data-eacf03e-excerpt.json",
    )
    .expect("the real excerpt parses")
}

#[test]
fn a_real_catalogue_excerpt_diffs_against_the_pack() {
    let kb = kb();
    let older = kev_file();
    assert_eq!(older.catalog_version, "2025.08.25");
    // The pack's excerpt of the 2025-08-25 catalogue: its 19 camera entries; the Git, Realtek
    // and Nice entries are neither curated nor watched.
    let excerpt = older.excerpt(&kb.vulns);
    assert_eq!(excerpt.count, 19);
    let diff = KevDiff::between(&kb.vulns.kev, &older, &kb.vulns);
    let removed: Vec<&str> = diff.removed.iter().map(|s| s.cve.as_str()).collect();
    assert_eq!(
        removed,
        [
            "CVE-2017-7921",
            "CVE-2023-52163",
            "CVE-2026-34908",
            "CVE-2026-34909",
            "CVE-2026-34910"
        ]
    );
    assert!(
        diff.added.is_empty() && diff.due_dates_changed.is_empty() && diff.other_changes.is_empty()
    );

    // Newer than the pack: one entry's due date moved, a new watched Hikvision entry appears.
    let mut newer = kb.vulns.kev.clone();
    newer.catalog_version = "2099.01.01".into();
    let e = newer
        .vulnerabilities
        .iter_mut()
        .find(|e| e.cve_id == "CVE-2021-33044")
        .unwrap();
    e.due_date = "2024-09-30".into();
    let mut added = older.entry("CVE-2021-36260").unwrap().clone();
    added.cve_id = "CVE-2099-0001".into();
    newer.vulnerabilities.push(added);
    newer.count += 1;
    let diff = KevDiff::between(&kb.vulns.kev, &newer, &kb.vulns);
    assert_eq!(diff.due_dates_changed.len(), 1);
    assert_eq!(diff.due_dates_changed[0].to, "2024-09-30");
    assert_eq!(diff.added.len(), 1);
    assert!(!diff.added[0].curated, "a new watched entry needs curation");
    let reparsed = Catalogue::parse(&newer.excerpt(&kb.vulns).to_json(), "round-trip").unwrap();
    assert_eq!(reparsed.count, 25);
}

#[test]
fn a_malformed_catalogue_names_the_line_and_field() {
    let text = include_str!("../../testdata/kev/cisagov-kev-data-eacf03e-excerpt.json");
    let no_due = text.replacen("\"dueDate\": \"2022-05-03\",", "", 1);
    let err = Catalogue::parse(&no_due, "kev.json")
        .unwrap_err()
        .to_string();
    assert!(
        err.contains("kev.json:") && err.contains("dueDate"),
        "{err}"
    );
    let bad_date = text.replacen(
        "\"dueDate\": \"2022-05-03\"",
        "\"dueDate\": \"3 May 2022\"",
        1,
    );
    let err = Catalogue::parse(&bad_date, "kev.json")
        .unwrap_err()
        .to_string();
    assert!(
        err.contains("dueDate") && err.contains("3 May 2022"),
        "{err}"
    );
    let line: usize = err.split(':').nth(1).unwrap().parse().unwrap();
    assert!(line > 1, "{err}");
    let err = Catalogue::parse("[]", "kev.json").unwrap_err().to_string();
    assert!(
        err.contains("kev.json:1") && err.contains("KEV catalogue"),
        "{err}"
    );
    let miscounted = text.replacen("\"count\": 22", "\"count\": 23", 1);
    let err = Catalogue::parse(&miscounted, "kev.json")
        .unwrap_err()
        .to_string();
    assert!(err.contains("count"), "{err}");
}

#[test]
fn a_malformed_pack_names_the_line_and_field() {
    let kev = kb().vulns.kev;
    let text = "schema_version = 1\n\n[[vuln]]\ncve = \"CVE-2021-1\"\nmakers = [\"x\"]\nsources = [\"s\"]\n[[vuln.affected]]\nfamily = \"f\"\nmodels = [\"*\"]\nsource = \"s\"\n";
    let err = VulnDb::parse(text, "vulns.toml", kev.clone())
        .unwrap_err()
        .to_string();
    assert!(
        err.contains("vulns.toml:3") && err.contains("vuln.cve"),
        "{err}"
    );
    let text = text.replace("CVE-2021-1\"", "CVE-2021-0001\"").replace(
        "source = \"s\"\n",
        "scheme = \"dahua\"\nfixed = [\"V5.4.5 build 170124\"]\nsource = \"s\"\n",
    );
    let err = VulnDb::parse(&text, "vulns.toml", kev.clone())
        .unwrap_err()
        .to_string();
    assert!(
        err.contains("vulns.toml:7") && err.contains("affected.fixed"),
        "{err}"
    );
    let err = VulnDb::parse("schema_version = 1\n[[vuln]]\ncve = 3\n", "vulns.toml", kev)
        .unwrap_err()
        .to_string();
    assert!(err.contains("vulns.toml:3"), "{err}");
}
