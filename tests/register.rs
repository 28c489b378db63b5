//! The register's conformance suite: every test runs the same scenario against SQLite (a fresh
//! file) and PostgreSQL (a fresh schema in database `test` at 127.0.0.1:5432). Where PostgreSQL
//! is unreachable the PostgreSQL half prints "skipping: ..." unless `CAMSWEEP_REQUIRE_PG=1`, in
//! which case it fails.

use std::io::{BufRead, BufReader};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use camsweep_model::estate::{Estate, Network, Site};
use camsweep_model::{Identification, ObservationKind};
use camsweep_model::{Sensitivity, Zone};
use camsweep_register::IngestBatch;
use camsweep_register::{CountedTable, FindingFilter, FindingStatus, Register, synthetic};
use camsweep_tests::backends::{ESTATE, backends, device, estate, finding, observation, scan};

/// A snapshot of everything an import could touch.
async fn snapshot(register: &Register) -> (Estate, i64, i64) {
    (
        register.estate().await.unwrap(),
        register.count(CountedTable::History).await.unwrap(),
        register.count(CountedTable::Devices).await.unwrap(),
    )
}

#[tokio::test]
async fn estate_import_applies_whole_and_failures_change_nothing() {
    for b in backends().await {
        let r = &b.register;
        let change = r.apply_estate(&estate(), "tester", true).await.unwrap();
        assert_eq!(change.created, 6, "[{}]", b.name);
        assert_eq!(
            change.replaced,
            Estate::default(),
            "[{}] the first import replaced nothing",
            b.name
        );
        assert_eq!(
            r.estate().await.unwrap(),
            estate().sorted(),
            "[{}] round trip",
            b.name
        );
        let again = r.apply_estate(&estate(), "tester", true).await.unwrap();
        assert_eq!(
            (again.created, again.updated, again.unchanged),
            (0, 0, 6),
            "[{}]",
            b.name
        );
        assert_eq!(
            again.replaced,
            estate().sorted(),
            "[{}] the estate the import replaced, read in its transaction",
            b.name
        );
        let before = snapshot(r).await;

        // Each class of file error is caught before the register is touched.
        let bad_files = [
            (
                "unknown key",
                ESTATE.replace("vlan = 10", "vlan = 10\ncolour = \"red\""),
            ),
            ("bad CIDR", ESTATE.replace("127.90.1.0/24", "127.90.1.0/33")),
            (
                "unknown site",
                ESTATE.replace("site = \"depot\"", "site = \"nowhere\""),
            ),
            ("overlap", ESTATE.replace("127.91.0.0/16", "127.90.0.0/16")),
            (
                "duplicate id",
                ESTATE.replace("id = \"depot\"", "id = \"hq\""),
            ),
            (
                "unknown pack",
                ESTATE.replace("uk-hcws386-2022", "uk-hcws999"),
            ),
        ];
        let packs = vec!["uk-hcws386-2022".to_owned()];
        for (class, text) in &bad_files {
            let err = camsweep_import::estate::parse(text, "bad.toml", Some(&packs));
            assert!(err.is_err(), "[{}] {class} accepted", b.name);
            assert_eq!(snapshot(r).await, before, "[{}] {class}", b.name);
        }

        // A failure inside the transaction (a site of an organisation that does not exist,
        // which only the database's foreign key catches here) rolls everything back.
        let mut broken = estate();
        broken.sites[0].name = "Renamed HQ".into();
        broken.sites.push(Site {
            id: "orphan".into(),
            organisation: "no-such-org".into(),
            name: "Orphan".into(),
            address: None,
            sensitivity: Sensitivity::Sensitive,
            sensitivity_reason: None,
        });
        assert!(
            r.apply_estate(&broken, "tester", true).await.is_err(),
            "[{}]",
            b.name
        );
        assert_eq!(
            snapshot(r).await,
            before,
            "[{}] partial estate written",
            b.name
        );
        b.cleanup().await;
    }
}

#[tokio::test]
async fn devices_are_placed_by_longest_prefix_and_replaced_when_the_estate_changes() {
    for b in backends().await {
        let r = &b.register;
        r.apply_estate(&estate(), "tester", true).await.unwrap();
        let summary = r
            .ingest(
                &scan(
                    "s1",
                    &[],
                    vec![
                        device("127.90.0.5", None, Some("hikvision")),
                        device("127.90.1.7", None, Some("dahua")),
                        device("127.91.3.3", None, None),
                        device("127.99.0.1", None, None),
                    ],
                ),
                "tester",
            )
            .await
            .unwrap();
        assert_eq!(
            (summary.devices_new, summary.devices_unplaced),
            (4, 1),
            "[{}]",
            b.name
        );
        let placed = |devices: &[camsweep_register::DeviceRecord], addr: &str| {
            let d = devices
                .iter()
                .find(|d| d.address.as_deref() == Some(addr))
                .unwrap();
            (d.network_id.clone(), d.site_id.clone())
        };
        let devices = r.devices().await.unwrap();
        assert_eq!(
            placed(&devices, "127.90.0.5"),
            (Some("hq-core".into()), Some("hq".into()))
        );
        assert_eq!(
            placed(&devices, "127.90.1.7"),
            (Some("hq-cctv".into()), Some("hq".into()))
        );
        assert_eq!(
            placed(&devices, "127.91.3.3"),
            (Some("depot-lan".into()), Some("depot".into()))
        );
        assert_eq!(placed(&devices, "127.99.0.1"), (None, None));

        // A new, more specific network takes the device; a removed network leaves it unplaced.
        let mut next = estate();
        next.networks.retain(|n| n.id != "hq-cctv");
        next.networks[0].cidrs = vec!["127.90.0.0/25".parse().unwrap()];
        next.networks.push(Network {
            id: "depot-cams".into(),
            site: "depot".into(),
            zone: Zone::Isolated,
            cidrs: vec!["127.99.0.0/24".parse().unwrap()],
            vlan: None,
            public_exposure: false,
        });
        r.apply_estate(&next, "tester", true).await.unwrap();
        let devices = r.devices().await.unwrap();
        assert_eq!(placed(&devices, "127.90.1.7"), (None, None), "[{}]", b.name);
        assert_eq!(
            placed(&devices, "127.99.0.1"),
            (Some("depot-cams".into()), Some("depot".into()))
        );
        let moved = r
            .history(Some((
                camsweep_model::HistoryEntity::Device,
                &devices[1].id,
            )))
            .await
            .unwrap();
        assert!(
            moved.iter().any(|h| h.action.as_str() == "moved"),
            "[{}] {moved:?}",
            b.name
        );
        b.cleanup().await;
    }
}

/// Regression (issue 11): an import that moves a kept network off a site it deletes, to a site
/// of a new organisation that replaces the old one, used to fail on the site's foreign key
/// (the site was deleted while the network still pointed at it). Devices on the network stay
/// placed, and history records every step.
#[tokio::test]
async fn a_network_moves_off_a_deleted_site_and_organisation_in_one_import() {
    for b in backends().await {
        let r = &b.register;
        r.apply_estate(&estate(), "tester", true).await.unwrap();
        r.ingest(
            &scan("s1", &[], vec![device("127.91.3.3", None, None)]),
            "tester",
        )
        .await
        .unwrap();
        let text = ESTATE
            .replace("id = \"dept\"", "id = \"agency\"")
            .replace("organisation = \"dept\"", "organisation = \"agency\"")
            .replace("id = \"depot\"", "id = \"warehouse\"")
            .replace("site = \"depot\"", "site = \"warehouse\"");
        let next = camsweep_import::estate::parse(&text, "next.toml", None).unwrap();
        let change = r.apply_estate(&next, "tester", true).await.unwrap();
        assert_eq!(
            (change.created, change.deleted),
            (2, 2),
            "[{}] {change:?}",
            b.name
        );
        assert_eq!(
            r.estate().await.unwrap(),
            next.clone().sorted(),
            "[{}]",
            b.name
        );
        let devices = r.devices().await.unwrap();
        assert_eq!(
            devices[0].network_id.as_deref(),
            Some("depot-lan"),
            "[{}]",
            b.name
        );
        assert_eq!(
            devices[0].site_id.as_deref(),
            Some("warehouse"),
            "[{}]",
            b.name
        );
        let deleted = r
            .history(Some((camsweep_model::HistoryEntity::Site, "depot")))
            .await
            .unwrap();
        assert!(
            deleted.iter().any(|h| h.action.as_str() == "deleted"),
            "[{}] {deleted:?}",
            b.name
        );
        let moved = r
            .history(Some((camsweep_model::HistoryEntity::Network, "depot-lan")))
            .await
            .unwrap();
        assert!(
            moved.iter().any(|h| h.action.as_str() == "updated"),
            "[{}] {moved:?}",
            b.name
        );
        b.cleanup().await;
    }
}

#[tokio::test]
async fn devices_are_keyed_by_mac_and_go_missing_when_a_rescan_does_not_find_them() {
    for b in backends().await {
        let r = &b.register;
        r.apply_estate(&estate(), "tester", true).await.unwrap();
        let mac = "00:11:22:33:44:55";
        r.ingest(
            &scan(
                "scan-1",
                &["127.90.0.0/24"],
                vec![
                    device("127.90.0.10", Some(mac), None),
                    device("127.90.0.20", None, None),
                ],
            ),
            "tester",
        )
        .await
        .unwrap();
        let first = r.devices().await.unwrap();
        let with_mac = first
            .iter()
            .find(|d| d.mac.as_deref() == Some(mac))
            .unwrap()
            .clone();
        let without = first.iter().find(|d| d.mac.is_none()).unwrap().clone();
        assert_eq!(without.key, "addr:hq-core/127.90.0.20", "[{}]", b.name);

        // DHCP moved the MAC-keyed camera; the other one is gone.
        let second = r
            .ingest(
                &scan(
                    "scan-2",
                    &["127.90.0.0/24"],
                    vec![device("127.90.0.11", Some(mac), None)],
                ),
                "tester",
            )
            .await
            .unwrap();
        assert_eq!(
            (
                second.devices_new,
                second.devices_seen_again,
                second.devices_marked_missing
            ),
            (0, 1, 1)
        );
        let now = r.devices().await.unwrap();
        assert_eq!(
            now.len(),
            2,
            "[{}] the moved camera is still one device",
            b.name
        );
        let moved = now.iter().find(|d| d.id == with_mac.id).unwrap();
        assert_eq!(moved.address.as_deref(), Some("127.90.0.11"));
        assert!(!moved.missing);
        assert_eq!(moved.first_seen, with_mac.first_seen);
        assert!(
            now.iter().find(|d| d.id == without.id).unwrap().missing,
            "[{}]",
            b.name
        );

        // A scan of elsewhere, or an interrupted one, proves nothing about absence.
        let mut partial = scan("scan-3", &["127.90.0.0/24"], vec![]);
        partial.interrupted = true;
        assert_eq!(
            r.ingest(&partial, "tester")
                .await
                .unwrap()
                .devices_marked_missing,
            0
        );
        let elsewhere = scan("scan-4", &["127.91.0.0/16"], vec![]);
        assert_eq!(
            r.ingest(&elsewhere, "tester")
                .await
                .unwrap()
                .devices_marked_missing,
            0
        );
        assert!(
            !r.devices()
                .await
                .unwrap()
                .iter()
                .find(|d| d.id == with_mac.id)
                .unwrap()
                .missing
        );

        // Found again: no longer missing, same id, history tells the story.
        r.ingest(
            &scan(
                "scan-5",
                &["127.90.0.20"],
                vec![device("127.90.0.20", None, None)],
            ),
            "tester",
        )
        .await
        .unwrap();
        let back = r.devices().await.unwrap();
        assert!(!back.iter().find(|d| d.id == without.id).unwrap().missing);
        let story: Vec<String> = r
            .history(Some((camsweep_model::HistoryEntity::Device, &without.id)))
            .await
            .unwrap()
            .into_iter()
            .map(|h| h.action.to_string())
            .collect();
        assert_eq!(story, ["created", "missing", "reappeared"], "[{}]", b.name);
        assert_eq!(r.count(CountedTable::Scans).await.unwrap(), 5);
        assert_eq!(
            r.observations_by_device().await.unwrap()[&with_mac.id].len(),
            2
        );
        b.cleanup().await;
    }
}

/// The estate and one device ingested into it (Hikvision, at hq), as evaluations start.
async fn estate_and_one_device(r: &Register) -> camsweep_register::DeviceRecord {
    r.apply_estate(&estate(), "tester", true).await.unwrap();
    r.ingest(
        &scan(
            "s",
            &[],
            vec![device("127.90.0.5", None, Some("hikvision"))],
        ),
        "tester",
    )
    .await
    .unwrap();
    r.devices().await.unwrap().remove(0)
}

#[tokio::test]
async fn findings_open_resolve_and_waivers_expire() {
    for b in backends().await {
        let r = &b.register;
        let dev = estate_and_one_device(r).await;
        let ident = dev.identification.clone().unwrap();
        let delta = r
            .apply_evaluation(
                &[(
                    dev.id.clone(),
                    ident.clone(),
                    vec![finding("uk-hcws386-2022", "sensitive-site")],
                )],
                "tester",
            )
            .await
            .unwrap();
        assert_eq!(
            (delta.findings_new, delta.findings_resolved),
            (1, 0),
            "[{}]",
            b.name
        );
        let filter = FindingFilter::default();
        let open = r.findings(&filter, "2030-01-01").await.unwrap();
        assert_eq!(open.len(), 1);
        assert_eq!(open[0].status, FindingStatus::Open);
        assert_eq!(open[0].site_id.as_deref(), Some("hq"));
        assert_eq!(open[0].manufacturer.as_deref(), Some("hikvision"));
        let id = open[0].id.clone();

        assert!(
            r.waive(&id, "31/01/2030", "x", "y").await.is_err(),
            "bad date refused"
        );
        assert!(r.waive("no-such", "2030-01-31", "x", "y").await.is_err());
        r.waive(&id, "2030-01-31", "replacement ordered", "CISO")
            .await
            .unwrap();
        let during = r.findings(&filter, "2030-01-31").await.unwrap();
        assert_eq!(during[0].status, FindingStatus::Waived, "[{}]", b.name);
        assert_eq!(during[0].waiver.as_ref().unwrap().granted_by, "CISO");
        let after = r.findings(&filter, "2030-02-01").await.unwrap();
        assert_eq!(
            after[0].status,
            FindingStatus::Open,
            "[{}] waiver expired",
            b.name
        );

        // Filters.
        let by_site = |site: &str| FindingFilter {
            site: Some(site.into()),
            ..FindingFilter::default()
        };
        assert_eq!(
            r.findings(&by_site("hq"), "2030-01-01")
                .await
                .unwrap()
                .len(),
            1
        );
        assert_eq!(
            r.findings(&by_site("depot"), "2030-01-01")
                .await
                .unwrap()
                .len(),
            0
        );
        let by_maker = FindingFilter {
            manufacturer: Some("dahua".into()),
            ..FindingFilter::default()
        };
        assert!(
            r.findings(&by_maker, "2030-01-01")
                .await
                .unwrap()
                .is_empty()
        );

        // The policy stops reporting it: resolved; reported again: reopened, same id.
        let delta = r
            .apply_evaluation(&[(dev.id.clone(), ident.clone(), vec![])], "tester")
            .await
            .unwrap();
        assert_eq!(delta.findings_resolved, 1);
        assert!(r.findings(&filter, "2030-01-01").await.unwrap().is_empty());
        let all = FindingFilter {
            include_resolved: true,
            ..FindingFilter::default()
        };
        assert_eq!(
            r.findings(&all, "2030-01-01").await.unwrap()[0].status,
            FindingStatus::Resolved
        );
        r.apply_evaluation(
            &[(
                dev.id.clone(),
                ident,
                vec![finding("uk-hcws386-2022", "sensitive-site")],
            )],
            "tester",
        )
        .await
        .unwrap();
        assert_eq!(r.findings(&filter, "2030-01-01").await.unwrap()[0].id, id);
        let story: Vec<String> = r
            .history(Some((camsweep_model::HistoryEntity::Finding, &id)))
            .await
            .unwrap()
            .into_iter()
            .map(|h| h.action.to_string())
            .collect();
        assert_eq!(
            story,
            ["opened", "waived", "resolved", "reopened"],
            "[{}]",
            b.name
        );
        b.cleanup().await;
    }
}

#[tokio::test]
async fn history_is_append_only() {
    for b in backends().await {
        let r = &b.register;
        r.apply_estate(&estate(), "alice", true).await.unwrap();
        let entries = r.history(None).await.unwrap();
        assert_eq!(entries.len(), 6, "[{}]", b.name);
        assert!(
            entries
                .iter()
                .all(|e| e.actor == "alice" && e.action.as_str() == "created")
        );
        assert_eq!(entries[0].after.as_ref().unwrap()["id"], "dept");
        let (update, delete) = (
            "UPDATE history SET actor = 'mallory'",
            "DELETE FROM history",
        );
        let refused = match r {
            Register::Sqlite(s) => (
                sqlx::query(update).execute(s.pool()).await.is_err(),
                sqlx::query(delete).execute(s.pool()).await.is_err(),
            ),
            Register::Postgres(s) => (
                sqlx::query(update).execute(s.pool()).await.is_err(),
                sqlx::query(delete).execute(s.pool()).await.is_err(),
            ),
        };
        assert_eq!(refused, (true, true), "[{}]", b.name);
        assert_eq!(r.history(None).await.unwrap(), entries);
        b.cleanup().await;
    }
}

#[tokio::test]
async fn a_sigkilled_ingest_leaves_nothing_half_written() {
    let helper = env!("CARGO_BIN_EXE_register_ingest_helper");
    for b in backends().await {
        let r = &b.register;
        r.apply_estate(&estate(), "tester", true).await.unwrap();
        r.ingest(
            &scan("before", &[], vec![device("127.90.0.5", None, None)]),
            "tester",
        )
        .await
        .unwrap();
        let before = (
            r.count(CountedTable::Devices).await.unwrap(),
            r.count(CountedTable::Observations).await.unwrap(),
            r.count(CountedTable::History).await.unwrap(),
        );
        let (devices, per_device) = (20_000, 5);
        let mut child = Command::new(helper)
            .args([&b.target, b.schema.as_deref().unwrap_or("-")])
            .args([
                devices.to_string(),
                per_device.to_string(),
                "doomed".to_owned(),
            ])
            .stdout(Stdio::piped())
            .stderr(Stdio::inherit())
            .spawn()
            .expect("spawn the ingest helper");
        let mut line = String::new();
        BufReader::new(child.stdout.take().unwrap())
            .read_line(&mut line)
            .unwrap();
        assert_eq!(line.trim(), "ingesting", "[{}]", b.name);
        // Let it write a good part of the transaction, then kill it without warning.
        tokio::time::sleep(Duration::from_millis(700)).await;
        assert!(
            child.try_wait().unwrap().is_none(),
            "[{}] helper finished too fast to test",
            b.name
        );
        child.kill().unwrap(); // SIGKILL on Unix
        child.wait().unwrap();

        let deadline = Instant::now() + Duration::from_secs(20);
        let after = loop {
            // PostgreSQL may take a moment to notice the dead backend and roll back.
            let counts = (
                r.count(CountedTable::Devices).await.unwrap(),
                r.count(CountedTable::Observations).await.unwrap(),
                r.count(CountedTable::History).await.unwrap(),
            );
            if counts == before || Instant::now() > deadline {
                break counts;
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        };
        assert_eq!(after, before, "[{}] half-written ingest visible", b.name);
        assert_eq!(r.count(CountedTable::Scans).await.unwrap(), 1);
        // The register still works, and the same scan can be ingested again.
        let retry = synthetic::batch("doomed", 77, 10, 2, true);
        assert_eq!(
            r.ingest(&retry, "tester").await.unwrap().devices_new,
            10,
            "[{}]",
            b.name
        );
        // The killed attempt left no coverage behind; the retry stored its own with its scan.
        let scans = r.scans().await.unwrap();
        let doomed = scans.iter().find(|s| s.id == "doomed").unwrap();
        assert_eq!(doomed.hosts_scanned, Some(10), "[{}]", b.name);
        b.cleanup().await;
    }
}

/// A batch's coverage is written with its scan row (one transaction, no second call): a scan
/// document read through `IngestBatch::from_scan_document` keeps how many addresses were tried
/// and which answered badly; an observations import records none; a batch refused by the
/// database leaves neither scan nor coverage.
#[tokio::test]
async fn scan_coverage_is_stored_with_the_scan_in_the_same_transaction() {
    use camsweep_model::{HostStatus, ScanDocument, ScanMeta, ScannedDevice};
    let scanned = |address: &str, status: HostStatus| ScannedDevice {
        address: address.into(),
        mac: Some("00-11-22-AA-BB-0".to_owned() + &address[address.len() - 1..]),
        open_ports: vec![80],
        status,
        problems: vec![],
        identification: Identification::unknown("test"),
        observations: vec![observation(
            ObservationKind::HttpServer,
            "App-webs/",
            address,
        )],
    };
    let doc = ScanDocument {
        scan: ScanMeta {
            id: "cov-1".into(),
            started_at: camsweep_register::now_rfc3339(),
            finished_at: None,
            targets: vec!["127.90.1.0/24".into()],
            excluded: vec![],
            ports: vec![80],
            kb_version: "test".into(),
            tool_version: "test".into(),
            hosts_scanned: 254,
            interrupted: false,
            errors: vec![],
        },
        devices: vec![
            scanned("127.90.1.1", HostStatus::Up),
            scanned("127.90.1.2", HostStatus::Unresponsive),
            scanned("127.90.1.3", HostStatus::Malformed),
        ],
    };
    let batch = IngestBatch::from_scan_document(&doc, Some("scan.json".into()));
    assert_eq!(
        batch.devices[0].mac.as_deref(),
        Some("00:11:22:aa:bb:01"),
        "MACs are normalised"
    );
    for b in backends().await {
        let r = &b.register;
        r.apply_estate(&estate(), "tester", true).await.unwrap();
        r.ingest(&batch, "tester").await.unwrap();
        r.ingest(
            &camsweep_register::IngestBatch {
                kind: camsweep_register::BatchKind::Observations,
                ..scan("obs-1", &[], vec![device("127.90.0.9", None, None)])
            },
            "tester",
        )
        .await
        .unwrap();
        let scans = r.scans().await.unwrap();
        let stored = scans.iter().find(|s| s.id == "cov-1").unwrap();
        assert_eq!(stored.hosts_scanned, Some(254), "[{}]", b.name);
        assert_eq!(stored.unresponsive, ["127.90.1.2"], "[{}]", b.name);
        assert_eq!(stored.malformed, ["127.90.1.3"], "[{}]", b.name);
        assert_eq!(stored.source_file.as_deref(), Some("scan.json"));
        let import = scans.iter().find(|s| s.id == "obs-1").unwrap();
        assert_eq!(
            (import.hosts_scanned, import.unresponsive.len()),
            (None, 0),
            "[{}] an observations import says nothing of coverage",
            b.name
        );
        let history = r
            .history(Some((camsweep_model::HistoryEntity::Scan, "cov-1")))
            .await
            .unwrap();
        assert_eq!(
            history[0].after.as_ref().unwrap()["coverage"]["hosts_scanned"],
            254,
            "[{}]",
            b.name
        );

        // The same scan id again is a no-op that says so: nothing of it is written, not
        // even its (different) coverage.
        let mut again = batch.clone();
        again.coverage.as_mut().unwrap().hosts_scanned = 1;
        let counts = snapshot(r).await;
        let summary = r.ingest(&again, "tester").await.unwrap();
        assert!(summary.already_stored, "[{}]", b.name);
        assert_eq!(summary.devices_new + summary.observations, 0);
        assert_eq!(snapshot(r).await, counts, "[{}]", b.name);
        let scans = r.scans().await.unwrap();
        let stored = scans.iter().find(|s| s.id == "cov-1").unwrap();
        assert_eq!(stored.hosts_scanned, Some(254), "[{}]", b.name);
        b.cleanup().await;
    }
}

/// A finding reported again unchanged only has `last_seen` moved (many at once); one reported
/// with a new message is rewritten; both keep their ids and stay open, with no history noise.
#[tokio::test]
async fn findings_reported_again_move_last_seen_and_pick_up_new_content() {
    for b in backends().await {
        let r = &b.register;
        r.apply_estate(&estate(), "tester", true).await.unwrap();
        let devices: Vec<_> = (1..=3)
            .map(|i| device(&format!("127.90.0.{i}"), None, Some("hikvision")))
            .collect();
        r.ingest(&scan("s1", &[], devices), "tester").await.unwrap();
        let ids: Vec<String> = r
            .devices()
            .await
            .unwrap()
            .into_iter()
            .map(|d| d.id)
            .collect();
        let ident = Identification::unknown("test");
        let round = |message: &str| -> Vec<_> {
            ids.iter()
                .map(|id| {
                    let mut f = finding("uk-hcws386-2022", "r1");
                    if id == &ids[0] {
                        f.message = message.to_owned();
                    }
                    (id.clone(), ident.clone(), vec![f])
                })
                .collect()
        };
        r.apply_evaluation(&round("first"), "tester").await.unwrap();
        let before = r
            .findings(&FindingFilter::default(), "2030-01-01")
            .await
            .unwrap();
        let history_before = r.count(CountedTable::History).await.unwrap();
        tokio::time::sleep(Duration::from_millis(5)).await;
        let delta = r
            .apply_evaluation(&round("second"), "tester")
            .await
            .unwrap();
        assert_eq!(
            (delta.findings_new, delta.findings_still_open),
            (0, 3),
            "[{}]",
            b.name
        );
        let after = r
            .findings(&FindingFilter::default(), "2030-01-01")
            .await
            .unwrap();
        assert_eq!(after.len(), 3, "[{}]", b.name);
        for (old, new) in before.iter().zip(&after) {
            assert_eq!(old.id, new.id, "[{}]", b.name);
            assert_eq!(new.status, FindingStatus::Open);
            assert!(
                new.last_seen > old.last_seen,
                "[{}] last_seen moved",
                b.name
            );
            assert_eq!(new.first_seen, old.first_seen);
            let expected = if new.device_id == ids[0] {
                "second"
            } else {
                "test"
            };
            assert_eq!(new.finding.message, expected, "[{}]", b.name);
        }
        assert_eq!(
            r.count(CountedTable::History).await.unwrap(),
            history_before,
            "[{}] findings still open are not history",
            b.name
        );
        b.cleanup().await;
    }
}

/// Everything an evaluation writes, with ids and times replaced by stable names (device keys;
/// findings by device key, pack and rule; plan items by their finding), so that two registers
/// given the same input compare equal.
async fn evaluation_contents(r: &Register) -> [Vec<String>; 4] {
    use std::collections::HashMap;
    let devices = r.devices().await.unwrap();
    let device_key: HashMap<String, String> = devices
        .iter()
        .map(|d| (d.id.clone(), d.key.clone()))
        .collect();
    let all = FindingFilter {
        include_resolved: true,
        ..FindingFilter::default()
    };
    let findings = r.findings(&all, "2030-01-01").await.unwrap();
    let finding_key: HashMap<String, String> = findings
        .iter()
        .map(|f| {
            let key = format!(
                "{}|{}|{}",
                device_key[&f.device_id], f.finding.pack, f.finding.rule
            );
            (f.id.clone(), key)
        })
        .collect();
    let items = r.plan_items().await.unwrap();
    let item_key: HashMap<String, String> = items
        .iter()
        .map(|i| {
            let finding = i.finding_id.as_ref().unwrap();
            (i.id.clone(), finding_key[finding].clone())
        })
        .collect();
    let mut identifications: Vec<String> = devices
        .iter()
        .map(|d| format!("{} {:?}", d.key, d.identification))
        .collect();
    let mut stored_findings: Vec<String> = findings
        .iter()
        .map(|f| {
            format!(
                "{} {:?} {:?} seen-again={} resolved={}",
                finding_key[&f.id],
                f.status,
                f.finding,
                f.last_seen != f.first_seen,
                f.resolved_at.is_some()
            )
        })
        .collect();
    let mut stored_items: Vec<String> = items
        .iter()
        .map(|i| {
            format!(
                "{} {} {} {:?} {} verified={}",
                item_key[&i.id],
                i.priority,
                i.action,
                i.due,
                i.status,
                i.verified_at.is_some()
            )
        })
        .collect();
    let mut history: Vec<String> = r
        .history(None)
        .await
        .unwrap()
        .into_iter()
        .filter_map(|h| {
            let entity = match h.entity.as_str() {
                "identification" => device_key[&h.entity_id].clone(),
                "finding" => finding_key[&h.entity_id].clone(),
                "plan_item" => item_key[&h.entity_id].clone(),
                _ => return None,
            };
            let mut after = h.after;
            if let Some(object) = after.as_mut().and_then(|a| a.as_object_mut()) {
                for id_or_time in [
                    "id",
                    "finding_id",
                    "device_id",
                    "updated_at",
                    "verified_at",
                    "created_at",
                ] {
                    if object.contains_key(id_or_time) {
                        object.insert(id_or_time.into(), "-".into());
                    }
                }
            }
            Some(format!(
                "{} {} {} {:?} {:?} {}",
                h.entity, entity, h.action, h.before, after, h.actor
            ))
        })
        .collect();
    for list in [
        &mut identifications,
        &mut stored_findings,
        &mut stored_items,
        &mut history,
    ] {
        list.sort();
    }
    [identifications, stored_findings, stored_items, history]
}

/// One round of a scripted evaluation over `devices` (sorted by key): findings per device
/// vary by round (new, rewritten, resolved, reopened, devices left out), and the plan follows
/// a simple rule (an item per open finding; closed when resolved, reopened when back, waived
/// under a waiver).
async fn scripted_round(
    r: &Register,
    devices: &[camsweep_register::DeviceRecord],
    round: usize,
) -> camsweep_register::EvaluationDelta {
    let results: Vec<_> = devices
        .iter()
        .enumerate()
        .filter(|(i, _)| !(round == 2 && i % 50 == 0))
        .map(|(i, d)| {
            let mut identification = Identification::unknown("test");
            identification.manufacturer = Some(if round == 2 && i % 7 == 0 {
                "dahua".to_owned()
            } else {
                "hikvision".to_owned()
            });
            let findings = (0..4)
                .filter(|rule| !(round == 2 && i % 5 == 0 && *rule == 3))
                .map(|rule| {
                    let mut f = finding("uk-hcws386-2022", &format!("rule-{rule}"));
                    if round == 2 && i % 4 == 1 && rule == 0 {
                        f.message = format!("rewritten for device {i}");
                    }
                    f
                })
                .collect();
            (d.id.clone(), identification, findings)
        })
        .collect();
    r.apply_evaluation_and_plan(&results, "2030-01-01", "tester", |f, item| {
        let status = match (item.map(|i| i.status.as_str()), f.status) {
            (None, FindingStatus::Open) => "open",
            (None, FindingStatus::Waived) => "waived",
            (Some("closed"), FindingStatus::Resolved) | (None, FindingStatus::Resolved) => {
                return None;
            }
            (Some(_), FindingStatus::Resolved) => "closed",
            (Some("closed"), FindingStatus::Open) => "reopened",
            (Some(s), FindingStatus::Waived) if s != "waived" => "waived",
            _ => return None,
        };
        let mut next = item
            .cloned()
            .unwrap_or_else(|| camsweep_register::PlanItem {
                id: camsweep_register::new_id(),
                finding_id: Some(f.id.clone()),
                device_id: f.device_id.clone(),
                priority: 2,
                action: "remove".into(),
                due: Some("2030-06-30".into()),
                status: camsweep_model::PlanStatus::Open,
                replaced_by: None,
                updated_at: String::new(),
                verified_at: None,
            });
        let before = item.map(|i| i.status);
        next.status = status.parse().unwrap();
        next.updated_at = camsweep_register::now_rfc3339();
        Some(camsweep_register::PlanChange {
            kind: if before.is_none() { "created" } else { status }
                .parse()
                .unwrap(),
            item: next,
            before,
        })
    })
    .await
    .unwrap()
}

/// Batched writes store exactly what one statement per row stored: the same scripted
/// evaluation (2,400 findings, more than one statement's worth of every kind of row) on two
/// registers, one writing one row per statement, compares equal after every round.
#[tokio::test]
async fn a_batched_evaluation_stores_what_one_statement_per_row_stored() {
    let (batched, single) = (backends().await, backends().await);
    for (b, mut s) in batched.into_iter().zip(single) {
        assert_eq!(b.name, s.name);
        s.register = s.register.clone().with_rows_per_statement(1);
        let mut rounds = Vec::new();
        for r in [&b.register, &s.register] {
            r.apply_estate(&estate(), "tester", true).await.unwrap();
            let devices: Vec<_> = (0..600)
                .map(|i| {
                    device(
                        &format!("127.91.{}.{}", i / 200, i % 200 + 1),
                        None,
                        Some("hikvision"),
                    )
                })
                .collect();
            r.ingest(&scan("s1", &[], devices), "tester").await.unwrap();
            let mut devices = r.devices().await.unwrap();
            devices.sort_by(|a, b| a.key.cmp(&b.key));
            let mut deltas = Vec::new();
            let mut contents = Vec::new();
            for round in 1..=3 {
                deltas.push(scripted_round(r, &devices, round).await);
                if round == 1 {
                    // A waiver on the second device's first finding (rewritten in round 2).
                    let waived = r
                        .findings(&FindingFilter::default(), "2030-01-01")
                        .await
                        .unwrap()
                        .into_iter()
                        .find(|f| f.device_id == devices[1].id && f.finding.rule == "rule-0")
                        .unwrap();
                    r.waive(&waived.id, "2030-12-31", "ordered", "CISO")
                        .await
                        .unwrap();
                }
                contents.push(evaluation_contents(r).await);
            }
            rounds.push((deltas, contents));
        }
        let (batched, single) = (&rounds[0], &rounds[1]);
        assert_eq!(batched.0, single.0, "[{}] deltas", b.name);
        assert_eq!(
            (
                batched.0[0].findings_new,
                batched.0[1].findings_resolved,
                batched.0[2].findings_new
            ),
            (2400, 120 + 12 * 3, 120 + 12 * 3),
            "[{}] the script did what it says",
            b.name
        );
        for (round, (x, y)) in batched.1.iter().zip(&single.1).enumerate() {
            for (what, (x, y)) in ["identifications", "findings", "plan items", "history"]
                .iter()
                .zip(x.iter().zip(y))
            {
                assert_eq!(x.len(), y.len(), "[{}] round {}: {what}", b.name, round + 1);
                assert!(x == y, "[{}] round {}: {what} differ", b.name, round + 1);
            }
        }
        // More rows than one statement holds, of each kind.
        let history = &batched.1[0][3];
        assert!(
            history.len() > 2000 + 1000,
            "[{}] {}",
            b.name,
            history.len()
        );
        assert_eq!(batched.1[0][2].len(), 2400, "[{}]", b.name);
        b.cleanup().await;
        s.cleanup().await;
    }
}

/// Regression (issue 11), deterministic: a person records a removal while an evaluation is
/// between reading the plan and committing its decision. The evaluation decides a change on the
/// very item (a new priority, from the status it read). Before the fix, on PostgreSQL the
/// person's change committed in that window and the evaluation then wrote its older row over it
/// (the item was `open` again). Now the person's change waits for the evaluation's lock and is
/// applied to what the evaluation stored: the removal stands, the evaluation's priority too.
#[tokio::test(flavor = "multi_thread", worker_threads = 3)]
async fn a_removal_recorded_during_an_evaluation_is_applied_after_it_not_lost() {
    use camsweep_register::{PlanChange, PlanItem};
    for b in backends().await {
        let r = &b.register;
        let dev = estate_and_one_device(r).await;
        let results = vec![(
            dev.id.clone(),
            dev.identification.clone().unwrap(),
            vec![finding("uk-hcws386-2022", "sensitive-site")],
        )];
        // The first evaluation creates the item.
        let created: std::sync::Mutex<Option<PlanItem>> = std::sync::Mutex::new(None);
        r.apply_evaluation_and_plan(&results, "2030-01-01", "evaluator", |state, existing| {
            assert!(existing.is_none());
            let item = PlanItem {
                id: "item-1".into(),
                finding_id: Some(state.id.clone()),
                device_id: state.device_id.clone(),
                priority: 1,
                action: "remove".into(),
                due: None,
                status: "open".parse().unwrap(),
                replaced_by: None,
                updated_at: camsweep_register::now_rfc3339(),
                verified_at: None,
            };
            *created.lock().unwrap() = Some(item.clone());
            Some(PlanChange {
                item,
                kind: "created".parse().unwrap(),
                before: None,
            })
        })
        .await
        .unwrap();

        // The second evaluation: while it decides (inside its transaction, after it read the
        // plan), a person records the removal.
        let person = std::sync::Mutex::new(None);
        r.apply_evaluation_and_plan(&results, "2030-01-01", "evaluator", |_, existing| {
            let existing = existing.expect("the item exists").clone();
            let r = r.clone();
            *person.lock().unwrap() = Some(tokio::spawn(async move {
                r.update_plan_item_status(
                    &camsweep_register::Scope::All,
                    "item-1",
                    "removed".parse().unwrap(),
                    None,
                    None,
                    "person",
                )
                .await
                .unwrap()
            }));
            // Time for the person's change to commit, were it not held back.
            std::thread::sleep(Duration::from_millis(700));
            let mut item = existing.clone();
            item.priority = 2;
            item.updated_at = camsweep_register::now_rfc3339();
            Some(PlanChange {
                item,
                kind: "updated".parse().unwrap(),
                before: Some(existing.status),
            })
        })
        .await
        .unwrap();
        let person = person.lock().unwrap().take().expect("the person acted");
        let recorded = person.await.unwrap();
        assert_eq!(recorded.status.as_str(), "removed");

        let stored = r.plan_items().await.unwrap();
        assert_eq!(stored.len(), 1);
        assert_eq!(
            (stored[0].status.as_str(), stored[0].priority),
            ("removed", 2),
            "[{}] the person's removal and the evaluation's priority both stand",
            b.name
        );
        let history = r
            .history(Some((camsweep_model::HistoryEntity::PlanItem, "item-1")))
            .await
            .unwrap();
        let before: Vec<Option<&str>> = history
            .iter()
            .map(|h| h.before.as_ref().and_then(|v| v["status"].as_str()))
            .collect();
        assert_eq!(
            before,
            [None, Some("open"), Some("open")],
            "[{}] {history:#?}",
            b.name
        );
        assert_eq!(history[2].actor, "person", "[{}]", b.name);
        drop(created);
        b.cleanup().await;
    }
}

/// One column as the schema comparison sees it: name, whether it may be NULL, and a coarse
/// type family (`text`, `integer`, `real`, `boolean`, else the type's own name).
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
struct SchemaColumn {
    table: String,
    column: String,
    nullable: bool,
    family: String,
}

/// The type family of a declared (SQLite) or reported (PostgreSQL `information_schema`) type.
fn type_family(declared: &str) -> String {
    let t = declared.trim().to_ascii_lowercase();
    let family = if t.contains("char") || t == "text" || t.starts_with("varchar") {
        "text"
    } else if t.contains("int") || t.contains("serial") {
        "integer"
    } else if t.contains("double") || t == "real" || t.starts_with("float") || t == "numeric" {
        "real"
    } else if t.starts_with("bool") {
        "boolean"
    } else {
        return t;
    };
    family.to_owned()
}

/// Every table and column the migrations made (sqlx's own `_sqlx_migrations` left out), sorted.
async fn schema_of(register: &Register) -> Vec<SchemaColumn> {
    let mut columns = match register {
        Register::Sqlite(s) => {
            let tables: Vec<String> = sqlx::query_scalar(
                "SELECT name FROM sqlite_master WHERE type = 'table'
                 AND name NOT LIKE 'sqlite_%' AND name <> '_sqlx_migrations'",
            )
            .fetch_all(s.pool())
            .await
            .unwrap();
            let mut out = Vec::new();
            for table in tables {
                let rows: Vec<(String, String, bool, i64)> =
                    sqlx::query_as("SELECT name, type, \"notnull\", pk FROM pragma_table_info($1)")
                        .bind(&table)
                        .fetch_all(s.pool())
                        .await
                        .unwrap();
                out.extend(rows.into_iter().map(|(column, declared, not_null, pk)| {
                    SchemaColumn {
                        table: table.clone(),
                        column,
                        // A primary key is never NULL in what the register writes; SQLite
                        // reports it nullable unless declared NOT NULL (a legacy quirk),
                        // PostgreSQL always NOT NULL.
                        nullable: !not_null && pk == 0,
                        family: type_family(&declared),
                    }
                }));
            }
            out
        }
        Register::Postgres(s) => {
            let rows: Vec<(String, String, String, String)> = sqlx::query_as(
                "SELECT c.table_name::text, c.column_name::text, c.is_nullable::text,
                        c.data_type::text
                 FROM information_schema.columns c
                 JOIN information_schema.tables t
                   ON t.table_schema = c.table_schema AND t.table_name = c.table_name
                 WHERE c.table_schema = current_schema() AND t.table_type = 'BASE TABLE'
                   AND c.table_name <> '_sqlx_migrations'",
            )
            .fetch_all(s.pool())
            .await
            .unwrap();
            rows.into_iter()
                .map(|(table, column, nullable, data_type)| SchemaColumn {
                    table,
                    column,
                    nullable: nullable == "YES",
                    family: type_family(&data_type),
                })
                .collect()
        }
    };
    columns.sort();
    columns
}

/// What one schema has that the other has not, in words (empty: the same).
fn schema_differences(sqlite: &[SchemaColumn], postgres: &[SchemaColumn]) -> Vec<String> {
    let only = |a: &[SchemaColumn], b: &[SchemaColumn], name: &str| -> Vec<String> {
        a.iter()
            .filter(|c| !b.contains(c))
            .map(|c| {
                format!(
                    "only {name}: {}.{} ({}, {})",
                    c.table,
                    c.column,
                    c.family,
                    if c.nullable { "NULL" } else { "NOT NULL" }
                )
            })
            .collect()
    };
    let mut out = only(sqlite, postgres, "sqlite");
    out.extend(only(postgres, sqlite, "postgres"));
    out
}

/// moonfire-nvr's schema check, for two backends: a fresh register migrated on each has the
/// same tables and columns, with the same nullability and type family. A migration that adds a
/// column to one backend only fails here.
#[tokio::test]
async fn both_backends_migrate_to_the_same_tables_and_columns() {
    let backends = backends().await;
    let (Some(sqlite), Some(postgres)) = (
        backends.iter().find(|b| b.name == "sqlite"),
        backends.iter().find(|b| b.name == "postgres"),
    ) else {
        // PostgreSQL unavailable and not required: already reported by `backends()`.
        return;
    };
    let (lite, pg) = (
        schema_of(&sqlite.register).await,
        schema_of(&postgres.register).await,
    );
    assert!(lite.len() > 50, "{lite:?}");
    let tables: std::collections::BTreeSet<&str> = lite.iter().map(|c| c.table.as_str()).collect();
    for table in [
        "organisations",
        "sites",
        "networks",
        "scans",
        "devices",
        "observations",
        "identifications",
        "findings",
        "waivers",
        "remediation_items",
        "history",
    ] {
        assert!(tables.contains(table), "{table} missing: {tables:?}");
    }
    let differences = schema_differences(&lite, &pg);
    assert!(
        differences.is_empty(),
        "the backends' schemas differ:\n{}",
        differences.join("\n")
    );

    // The check itself: a column added on one backend only is reported.
    if let Register::Sqlite(s) = &sqlite.register {
        sqlx::query("ALTER TABLE devices ADD COLUMN only_here TEXT")
            .execute(s.pool())
            .await
            .unwrap();
    }
    let differences = schema_differences(&schema_of(&sqlite.register).await, &pg);
    assert_eq!(
        differences,
        vec!["only sqlite: devices.only_here (text, NULL)".to_owned()]
    );
    for b in backends {
        b.cleanup().await;
    }
}

/// The evaluation's unit of work, driven by the caller: what it returns between the steps,
/// and nothing stored unless it commits.
#[tokio::test]
async fn an_evaluation_unit_of_work_stores_nothing_until_it_commits() {
    for b in backends().await {
        let r = &b.register;
        let dev = estate_and_one_device(r).await;
        let ident = dev.identification.clone().unwrap();
        let results = vec![(
            dev.id.clone(),
            ident,
            vec![finding("uk-hcws386-2022", "sensitive-site")],
        )];
        let history = r.count(CountedTable::History).await.unwrap();

        // Dropped after the findings: nothing stored.
        let mut unit = r.begin_evaluation().await.unwrap();
        let (delta, states) = unit
            .apply_findings(&results, "2030-01-01", "tester")
            .await
            .unwrap();
        assert_eq!(delta.findings_new, 1, "[{}]", b.name);
        assert_eq!(states.len(), 1);
        assert_eq!(states[0].status, FindingStatus::Open);
        assert!(unit.plan_items_by_finding().await.unwrap().is_empty());
        drop(unit);
        assert_eq!(
            r.count(CountedTable::Findings).await.unwrap(),
            0,
            "[{}]",
            b.name
        );
        assert_eq!(r.count(CountedTable::History).await.unwrap(), history);

        // Committed: the findings and the plan changes decided between the steps.
        let mut unit = r.begin_evaluation().await.unwrap();
        let (_, states) = unit
            .apply_findings(&results, "2030-01-01", "tester")
            .await
            .unwrap();
        let item = camsweep_register::PlanItem {
            id: camsweep_register::new_id(),
            finding_id: Some(states[0].id.clone()),
            device_id: dev.id.clone(),
            priority: 1,
            action: "remove".into(),
            due: None,
            status: "open".parse().unwrap(),
            replaced_by: None,
            updated_at: camsweep_register::now_rfc3339(),
            verified_at: None,
        };
        let change = camsweep_register::PlanChange {
            item: item.clone(),
            kind: "created".parse().unwrap(),
            before: None,
        };
        unit.apply_plan_changes(&[change], "tester").await.unwrap();
        let items = unit.plan_items_by_finding().await.unwrap();
        assert_eq!(items.get(&states[0].id), Some(&item), "[{}]", b.name);
        unit.commit().await.unwrap();
        assert_eq!(r.count(CountedTable::Findings).await.unwrap(), 1);
        assert_eq!(r.plan_items().await.unwrap(), vec![item]);
        b.cleanup().await;
    }
}

/// Issue 11: a SQLite writer that finds the write lock taken keeps waiting while the noted
/// holder lives (an evaluation may outlast the quiet wait; a `scan --db` failed after scanning
/// when the wait was a fixed 30 s), gives up naming the holder when even the long wait runs
/// out, and gives up after the quiet wait, saying "another process", when the holder is not a
/// camsweep writer (no note: the sqlite3 shell).
#[tokio::test]
async fn a_sqlite_writer_waits_for_a_live_holder_and_names_it_when_it_gives_up() {
    use camsweep_register::LockWait;
    use sqlx::{Connection, Executor};

    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("busy.db");
    let target = path.display().to_string();
    let waits = LockWait {
        unknown_holder: Duration::from_millis(300),
        live_holder: Duration::from_secs(4),
    };
    let holder = Register::open_with(&target, waits).await.unwrap();
    let waiter = Register::open_with(&target, waits).await.unwrap();

    // The holder's evaluation takes 1.5 s: longer than the quiet wait, within the live one.
    let unit = holder.begin_evaluation().await.unwrap();
    let release = tokio::spawn(async move {
        tokio::time::sleep(Duration::from_millis(1500)).await;
        drop(unit);
    });
    let started = Instant::now();
    waiter
        .apply_estate(&estate(), "tester", false)
        .await
        .expect("the writer waits for a living holder");
    assert!(
        started.elapsed() >= Duration::from_millis(1000),
        "it waited for the holder: {:?}",
        started.elapsed()
    );
    release.await.unwrap();
    assert_eq!(
        waiter.estate().await.unwrap().sites.len(),
        estate().sites.len()
    );

    // A holder that keeps the lock past the live wait is named in the error.
    let unit = holder.begin_evaluation().await.unwrap();
    let started = Instant::now();
    let err = waiter
        .apply_estate(&estate(), "tester", false)
        .await
        .unwrap_err();
    let text = err.to_string();
    assert!(
        matches!(err, camsweep_register::RegisterError::Busy { .. }),
        "{text}"
    );
    assert!(
        text.contains(&format!("(process {}, writing since", std::process::id())),
        "names the holder: {text}"
    );
    assert!(text.contains("Nothing was written"), "{text}");
    assert!(
        started.elapsed() >= Duration::from_secs(4),
        "{:?}",
        started.elapsed()
    );
    drop(unit);

    // A holder outside camsweep leaves no note: the quiet wait, and "another process".
    std::fs::remove_file(dir.path().join("busy.db.writer")).unwrap();
    let mut shell = sqlx::SqliteConnection::connect(&format!("sqlite://{target}"))
        .await
        .unwrap();
    shell.execute("BEGIN IMMEDIATE").await.unwrap();
    let started = Instant::now();
    waiter
        .plan_items()
        .await
        .expect("reads are not blocked by a writer (WAL)");
    let err = waiter
        .apply_estate(&estate(), "tester", false)
        .await
        .unwrap_err()
        .to_string();
    assert!(
        err.contains("another process holds its write lock"),
        "{err}"
    );
    assert!(
        started.elapsed() < Duration::from_secs(3),
        "{:?}",
        started.elapsed()
    );
    shell.execute("ROLLBACK").await.unwrap();
    waiter
        .apply_estate(&estate(), "tester", false)
        .await
        .expect("the lock is free again");
}

/// Issue 11: opening a register says the real reason first: a directory given as the file, a
/// directory that does not exist (SQLite said "(code: 14) unable to open database file" for
/// both, twice), and PostgreSQL refusing connections (the pool said only "pool timed out
/// while waiting for an open connection", after 15 s).
#[tokio::test]
async fn opening_a_register_names_the_real_reason() {
    let dir = tempfile::tempdir().unwrap();
    let err = Register::open(&dir.path().display().to_string())
        .await
        .unwrap_err()
        .to_string();
    assert!(
        err.contains("it is a directory, not a register file"),
        "{err}"
    );

    let missing = dir.path().join("no/such/dir/register.db");
    let err = Register::open(&missing.display().to_string())
        .await
        .unwrap_err()
        .to_string();
    assert!(
        err.contains(&format!(
            "the directory {} does not exist",
            dir.path().join("no/such/dir").display()
        )),
        "{err}"
    );

    // A loopback port nobody listens on.
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let started = Instant::now();
    let err = Register::open(&format!("postgres://postgres@127.0.0.1:{port}/camsweep"))
        .await
        .unwrap_err();
    let mut text = err.to_string();
    let mut source = std::error::Error::source(&err);
    while let Some(cause) = source {
        text += &format!(": {cause}");
        source = cause.source();
    }
    assert!(text.to_lowercase().contains("refused"), "{text}");
    assert!(!text.contains("pool timed out"), "{text}");
    assert!(
        started.elapsed() < Duration::from_secs(10),
        "{:?}",
        started.elapsed()
    );
}

/// Issue 11: an estate import and an ingest that run at the same time never lose each other's
/// decision. The import refuses to delete a network that holds devices (no
/// `--allow-removals`); the ingest places a new device on that network. Whichever commits
/// first, the other must see it: either the import is refused because the device is there, or
/// the device arrives after the network is gone and stays unplaced. What must never happen is
/// the import deleting a network that a device was placed on before the import committed
/// (PostgreSQL: the estate lock against the ingests' shared placement lock; SQLite: one
/// writer). Many iterations on both backends.
#[tokio::test]
async fn an_estate_import_and_an_ingest_at_once_never_lose_a_placement() {
    use camsweep_model::HistoryEntity;

    for b in backends().await {
        let r = &b.register;
        let base = estate();
        let (mut refused, mut applied) = (0, 0);
        for i in 0..20u8 {
            let network = format!("race-{i}");
            let mut with_network = base.clone();
            with_network.networks.push(Network {
                id: network.clone(),
                site: "depot".into(),
                zone: Zone::Other,
                cidrs: vec![format!("127.92.{i}.0/24").parse().unwrap()],
                vlan: None,
                public_exposure: false,
            });
            r.apply_estate(&with_network, "setup", true).await.unwrap();

            let ingest = {
                let r = r.clone();
                let batch = scan(
                    &format!("race-scan-{i}"),
                    &[&format!("127.92.{i}.5/32")],
                    vec![device(&format!("127.92.{i}.5"), None, Some("hikvision"))],
                );
                tokio::spawn(async move { r.ingest(&batch, "scanner").await })
            };
            let import = {
                let (r, base) = (r.clone(), base.clone());
                tokio::spawn(async move { r.apply_estate(&base, "estates", false).await })
            };
            ingest
                .await
                .unwrap()
                .expect("the ingest succeeds either way");
            let imported = import.await.unwrap();

            let history = r.history(None).await.unwrap();
            let deleted = history.iter().find(|h| {
                h.entity == HistoryEntity::Network
                    && h.entity_id == network
                    && h.action.as_str() == "deleted"
            });
            let placed = history.iter().find(|h| {
                h.entity == HistoryEntity::Device
                    && h.action.as_str() == "created"
                    && h.after
                        .as_ref()
                        .and_then(|a| a.get("network"))
                        .and_then(|n| n.as_str())
                        == Some(network.as_str())
            });
            match imported {
                Err(camsweep_register::RegisterError::RemovalsRefused { removals }) => {
                    refused += 1;
                    assert!(
                        placed.is_some(),
                        "{}: refused, so the device was placed first",
                        b.name
                    );
                    assert!(deleted.is_none(), "{}", b.name);
                    assert!(
                        removals.iter().any(|m| m.id == network),
                        "{}: {removals:?}",
                        b.name
                    );
                }
                Ok(_) => {
                    applied += 1;
                    let deleted = deleted.expect("the import deleted the network");
                    if let Some(placed) = placed {
                        assert!(
                            placed.id > deleted.id,
                            "{}: iteration {i}: a device placed on {network} (history {}) before \
                             the import that deleted it (history {}) committed was lost",
                            b.name,
                            placed.id,
                            deleted.id
                        );
                    }
                }
                Err(other) => panic!("{}: {other}", b.name),
            }
        }
        assert_eq!(refused + applied, 20, "{}", b.name);
        eprintln!("{}: {refused} imports refused, {applied} applied", b.name);
        b.cleanup().await;
    }
}
