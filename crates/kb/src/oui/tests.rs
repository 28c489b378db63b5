use super::*;

fn registry() -> Registry {
    Registry::parse(include_str!("../../data/vendors.toml"), "vendors.toml").unwrap()
}

fn embedded(registry: &Registry) -> OuiTable {
    OuiTable::parse(include_str!("../../data/oui.csv"), "oui.csv", registry).unwrap()
}

#[test]
fn embedded_table_is_the_whole_ieee_registry() {
    let registry = registry();
    let table = embedded(&registry);
    assert_eq!(table.data_date(), "2022-08-27");
    // ieee-data 20220827: 32527 MA-L + 4390 MA-M + 5029 MA-S + 4575 IAB, minus nothing (the
    // two MA-L blocks the IEEE lists under several names are merged into one row each).
    assert_eq!(table.len(), 46_521);
}

#[test]
fn hikvision_ma_l_resolves_to_the_vendor() {
    let registry = registry();
    let table = embedded(&registry);
    // 44:47:CC is registered to 'Hangzhou Hikvision Digital Technology Co.,Ltd.'.
    for mac in [
        "44:47:cc:12:34:56",
        "44-47-CC-12-34-56",
        "4447.cc12.3456",
        "4447CC123456",
    ] {
        assert_eq!(
            table.lookup(mac),
            MacLookup::Registered {
                prefix: "44:47:CC".to_owned(),
                bits: 24,
                organisation: "Hangzhou Hikvision Digital Technology Co.,Ltd.".to_owned(),
                vendor: Some("hikvision".to_owned()),
            },
            "{mac}"
        );
    }
    let dahua = table.lookup("08:ed:ed:00:00:01");
    assert!(matches!(dahua, MacLookup::Registered { vendor: Some(ref v), .. } if v == "dahua"));
    let axis = table.lookup("AC:CC:8E:01:02:03");
    assert!(matches!(axis, MacLookup::Registered { vendor: Some(ref v), .. } if v == "axis"));
}

#[test]
fn ma_s_beats_the_ma_l_block_it_sits_in() {
    let registry = registry();
    let table = embedded(&registry);
    // 70:B3:D5 is an IEEE Registration Authority MA-L block carved into MA-S assignments;
    // 70:B3:D5:F2:F is 'TELEPLATFORMS'.
    match table.lookup("70:b3:d5:f2:f1:23") {
        MacLookup::Registered {
            prefix,
            bits,
            organisation,
            vendor,
        } => {
            assert_eq!((prefix.as_str(), bits), ("70:B3:D5:F2:F", 36));
            assert_eq!(organisation, "TELEPLATFORMS");
            assert_eq!(vendor, None);
        }
        other => panic!("{other:?}"),
    }
    // An MA-M (28-bit) entry: 20:85:93:B is 'IOG Products LLC'.
    assert!(matches!(
        table.lookup("20:85:93:b0:00:01"),
        MacLookup::Registered { bits: 28, ref organisation, .. } if organisation == "IOG Products LLC"
    ));
    // An IAB (36-bit) entry.
    assert!(matches!(
        table.lookup("00:50:c2:7d:50:01"),
        MacLookup::Registered { bits: 36, ref organisation, .. } if organisation == "DEUTA-WERKE GmbH"
    ));
}

#[test]
fn private_blocks_say_private() {
    let registry = registry();
    let table = embedded(&registry);
    // MA-M 74:1A:E0:9 is registered as 'Private'.
    assert_eq!(
        table.lookup("74:1a:e0:90:00:01"),
        MacLookup::Private {
            prefix: "74:1A:E0:9".to_owned(),
            bits: 28
        }
    );
}

#[test]
fn special_addresses() {
    let registry = registry();
    let table = embedded(&registry);
    // 52:54:00 is QEMU/KVM's default: bit 0x02 set, locally administered.
    assert_eq!(
        table.lookup("52:54:00:12:34:56"),
        MacLookup::LocallyAdministered
    );
    assert_eq!(
        table.lookup("da:a1:19:00:00:01"),
        MacLookup::LocallyAdministered
    );
    assert_eq!(table.lookup("01:00:5e:00:00:fb"), MacLookup::Multicast);
    assert_eq!(table.lookup("33:33:00:00:00:01"), MacLookup::Multicast);
    assert_eq!(table.lookup("ff:ff:ff:ff:ff:ff"), MacLookup::Multicast);
    for bad in [
        "",
        "44:47:cc",
        "44:47:cc:12:34:56:78",
        "zz:47:cc:12:34:56",
        "44:47:cc:12:34:5",
        "海康威视海康威视海康威视海康威视海康威视海康威视",
    ] {
        assert!(matches!(table.lookup(bad), MacLookup::Invalid(_)), "{bad}");
    }
}

#[test]
fn unassigned_universal_address_is_unregistered() {
    let registry = registry();
    let text = "# ieee-data-date: 2022-08-27\nRegistry,Assignment,Organization Name\nMA-L,4447CC,\"Hangzhou Hikvision Digital Technology Co.,Ltd.\"\n";
    let table = OuiTable::parse(text, "t.csv", &registry).unwrap();
    assert_eq!(table.lookup("00:11:22:33:44:55"), MacLookup::Unregistered);
    assert_eq!(table.len(), 1);
}

#[test]
fn every_ieee_organisation_of_the_registry_exists_in_the_table() {
    let registry = registry();
    let table = embedded(&registry);
    for vendor in registry.iter() {
        for entry in &vendor.ieee_organisations {
            assert!(
                table.has_organisation(entry),
                "{}: `{entry}` is not an organisation of oui.csv",
                vendor.id
            );
        }
    }
    let hik = table.prefixes_of("hikvision");
    assert!(hik.len() >= 50, "{}", hik.len());
    assert!(
        hik.iter()
            .any(|(p, bits, _)| p == "44:47:CC" && *bits == 24)
    );
    assert!(table.prefixes_of("xiongmai").is_empty());
    assert!(table.mapped_organisations().contains(&(
        "Hangzhou Hikvision Digital Technology Co.,Ltd.",
        "hikvision"
    )));
}

#[test]
fn malformed_files_are_refused_with_their_line() {
    let registry = registry();
    let header = "# ieee-data-date: 2022-08-27\nRegistry,Assignment,Organization Name\n";
    let cases = [
        (format!("{header}MA-L,4447C,x\n"), "t.csv:3"),
        (format!("{header}MA-X,4447CC,x\n"), "unknown registry"),
        (format!("{header}MA-L,4447CC\n"), "expected 3 fields"),
        (format!("{header}MA-L,4447CC,\"x\n"), "unterminated"),
        (format!("{header}MA-L,4447CC,a\nMA-L,4447cc,b\n"), "t.csv:4"),
        (format!("{header}MA-S,70B3D5F2G,x\n"), "hex digits"),
        (
            "Registry,Assignment,Organization Name\nMA-L,4447CC,x\n".to_owned(),
            "ieee-data-date",
        ),
        (
            "# ieee-data-date: 27/08/2022\n".to_owned(),
            "bad ieee-data-date",
        ),
        (String::new(), "empty"),
        (
            "# ieee-data-date: 2022-08-27\nfoo,bar\n".to_owned(),
            "header",
        ),
    ];
    for (text, expected) in cases {
        let err = OuiTable::parse(&text, "t.csv", &registry)
            .expect_err(&text)
            .to_string();
        assert!(err.contains(expected), "expected `{expected}` in: {err}");
    }
}

#[test]
fn csv_lines_split_like_rfc_4180() {
    let mut fields = Vec::new();
    split_csv_line("MA-L,2857BE,\"Hangzhou, \"\"Co\"\"\"", &mut fields).unwrap();
    assert_eq!(fields, ["MA-L", "2857BE", "Hangzhou, \"Co\""]);
    split_csv_line("a,,c", &mut fields).unwrap();
    assert_eq!(fields, ["a", "", "c"]);
    assert!(split_csv_line("a,\"b\"x", &mut fields).is_err());
    assert!(split_csv_line("a,b\"c", &mut fields).is_err());
}

#[test]
fn the_embedded_knowledge_base_loads() {
    let kb = crate::KnowledgeBase::embedded().expect("embedded KB");
    assert_eq!(kb.origin, "embedded");
    assert!(!kb.version.is_empty());
    assert!(kb.vendors.get("hikvision").is_some());
    assert_eq!(kb.oui.data_date(), "2022-08-27");
    assert!(matches!(
        kb.oui.lookup("44:47:cc:00:00:01"),
        MacLookup::Registered { vendor: Some(ref v), .. } if v == "hikvision"
    ));
}

/// `--kb DIR`: the same layout loads from disk, and a broken file is named by its path.
#[test]
fn a_knowledge_base_directory_overrides_and_errors_name_the_file() {
    let dir = std::env::temp_dir().join(format!("camsweep-kb-override-{}", std::process::id()));
    std::fs::create_dir_all(dir.join("rules")).unwrap();
    std::fs::write(dir.join("VERSION"), "2099.01.01\n").unwrap();
    std::fs::write(
        dir.join("vendors.toml"),
        include_str!("../../data/vendors.toml"),
    )
    .unwrap();
    std::fs::write(
        dir.join("oui.csv"),
        "# ieee-data-date: 2030-01-02\nRegistry,Assignment,Organization Name\nMA-L,4447CC,\"Hangzhou Hikvision Digital Technology Co.,Ltd.\"\n",
    )
    .unwrap();
    let kb = crate::KnowledgeBase::from_dir(&dir).unwrap();
    assert_eq!(kb.version, "2099.01.01");
    assert_eq!(kb.oui.data_date(), "2030-01-02");
    assert_eq!(kb.oui.len(), 1);

    std::fs::write(
        dir.join("vendors.toml"),
        "schema_version = 1\n[[vendor]]\nid = \"x\"\nnme = \"X\"\n",
    )
    .unwrap();
    let err = crate::KnowledgeBase::from_dir(&dir)
        .unwrap_err()
        .to_string();
    assert!(err.contains("vendors.toml:4"), "{err}");
    assert!(err.contains("nme"), "{err}");
    std::fs::remove_dir_all(&dir).unwrap();
}
