use super::*;

const EMBEDDED: &str = include_str!("../../data/vendors.toml");

fn embedded() -> Registry {
    Registry::parse(EMBEDDED, "vendors.toml").expect("the embedded registry parses")
}

/// A small valid file that the error tests break one field at a time.
const MINIMAL: &str = r#"
schema_version = 1

[[list]]
id = "ndaa-889"
title = "t"
jurisdiction = "US"
kind = "procurement-ban"
meaning = "m"
sources = ["https://example.org/list"]

[[vendor]]
id = "acme"
name = "Acme"
role = "manufacturer"
subject_to_prc_nil = "no"
nil_reasoning = "r"
categories = ["video-surveillance"]
sources = ["https://example.org/acme"]

[[vendor.lists]]
list = "ndaa-889"
source = "https://example.org/acme-list"
"#;

fn error_of(text: &str) -> String {
    Registry::parse(text, "test.toml")
        .expect_err("must not parse")
        .to_string()
}

#[test]
fn minimal_registry_parses() {
    let registry = Registry::parse(MINIMAL, "test.toml").unwrap();
    assert_eq!(registry.len(), 1);
    assert_eq!(registry.get("acme").unwrap().lists[0].list, "ndaa-889");
}

#[test]
fn unknown_key_is_named_with_file_and_line() {
    let text = MINIMAL.replace(
        "role = \"manufacturer\"",
        "role = \"manufacturer\"\nmotto = \"x\"",
    );
    let err = error_of(&text);
    assert!(err.starts_with("test.toml:"), "{err}");
    assert!(err.contains("motto"), "{err}");
    let line: usize = err.split(':').nth(1).unwrap().parse().unwrap();
    assert_eq!(
        text.lines().nth(line - 1).unwrap(),
        "motto = \"x\"",
        "{err}"
    );
}

#[test]
fn unknown_list_id_is_named_with_its_line() {
    let text = MINIMAL.replace("list = \"ndaa-889\"", "list = \"ndaa-999\"");
    let err = error_of(&text);
    assert!(err.contains("vendor.lists.list"), "{err}");
    assert!(err.contains("ndaa-999"), "{err}");
    let line: usize = err.split(':').nth(1).unwrap().parse().unwrap();
    assert_eq!(
        text.lines().nth(line - 1).unwrap(),
        "list = \"ndaa-999\"",
        "{err}"
    );
}

#[test]
fn missing_parent_is_named_with_its_line() {
    let text = MINIMAL.replace(
        "role = \"manufacturer\"",
        "role = \"manufacturer\"\nparent = \"nobody\"",
    );
    let err = error_of(&text);
    assert!(err.contains("vendor.parent"), "{err}");
    assert!(err.contains("nobody"), "{err}");
    let line: usize = err.split(':').nth(1).unwrap().parse().unwrap();
    assert_eq!(text.lines().nth(line - 1).unwrap(), "parent = \"nobody\"");
}

#[test]
fn other_invalid_entries_are_refused_by_field() {
    let cases = [
        (
            MINIMAL.replace("id = \"acme\"", "id = \"Acme Corp\""),
            "vendor.id",
        ),
        (
            MINIMAL.replace("sources = [\"https://example.org/acme\"]", "sources = []"),
            "vendor.sources",
        ),
        (
            MINIMAL.replace(
                "source = \"https://example.org/acme-list\"",
                "source = \" \"",
            ),
            "vendor.lists.source",
        ),
        (
            MINIMAL.replace(
                "subject_to_prc_nil = \"no\"",
                "subject_to_prc_nil = \"maybe\"",
            ),
            "maybe",
        ),
        (
            MINIMAL.replace("schema_version = 1", "schema_version = 7"),
            "schema_version",
        ),
        (
            format!(
                "{MINIMAL}\n[[vendor.relabels]]\nbrand = \"X\"\nyears = \"2020\"\nconfidence = \"low\"\nevidence = \"community\"\nsource = \"\"\n"
            ),
            "vendor.relabels.source",
        ),
        (
            format!(
                "{MINIMAL}\n[[vendor.relabels]]\nbrand = \"X\"\nrelabeller = \"ghost\"\nyears = \"2020\"\nconfidence = \"low\"\nevidence = \"community\"\nsource = \"s\"\n"
            ),
            "vendor.relabels.relabeller",
        ),
        (
            MINIMAL.replace(
                "role = \"manufacturer\"",
                "role = \"manufacturer\"\nieee_organisations = [\"re:(\"]",
            ),
            "vendor.ieee_organisations",
        ),
        ("schema_version = \n".to_owned(), "test.toml:1"),
    ];
    for (text, expected) in cases {
        let err = error_of(&text);
        assert!(err.contains(expected), "expected `{expected}` in: {err}");
    }
}

#[test]
fn parent_cycles_are_refused() {
    let text = r#"
schema_version = 1
[[vendor]]
id = "a"
name = "A"
role = "parent"
parent = "b"
subject_to_prc_nil = "unknown"
nil_reasoning = "r"
categories = []
sources = ["s"]
[[vendor]]
id = "b"
name = "B"
role = "parent"
parent = "a"
subject_to_prc_nil = "unknown"
nil_reasoning = "r"
categories = []
sources = ["s"]
"#;
    assert!(error_of(text).contains("cycle"));
}

#[test]
fn a_name_claimed_by_two_vendors_is_refused() {
    let text = format!(
        "{MINIMAL}\n[[vendor]]\nid = \"other\"\nname = \"Other\"\nrole = \"manufacturer\"\naliases = [\"ACME\"]\nsubject_to_prc_nil = \"no\"\nnil_reasoning = \"r\"\ncategories = []\nsources = [\"s\"]\n"
    );
    let err = error_of(&text);
    assert!(
        err.contains("ACME") && err.contains("acme") && err.contains("other"),
        "{err}"
    );
}

#[test]
fn every_vendor_relabel_brand_and_list_has_a_source() {
    let registry = embedded();
    assert!(registry.len() >= 40, "{} vendors", registry.len());
    for vendor in registry.iter() {
        assert!(!vendor.sources.is_empty(), "{} has no source", vendor.id);
        assert!(
            vendor.sources.iter().all(|s| !s.trim().is_empty()),
            "{}",
            vendor.id
        );
        for relabel in &vendor.relabels {
            assert!(
                !relabel.source.trim().is_empty(),
                "{}: {}",
                vendor.id,
                relabel.brand
            );
        }
        for brand in &vendor.brands {
            assert!(
                !brand.source.trim().is_empty(),
                "{}: {}",
                vendor.id,
                brand.name
            );
        }
        for membership in &vendor.lists {
            assert!(!membership.source.trim().is_empty(), "{}", vendor.id);
        }
        assert!(!vendor.nil_reasoning.trim().is_empty(), "{}", vendor.id);
    }
    for list in registry.list_definitions() {
        assert!(!list.sources.is_empty(), "{}", list.id);
    }
}

#[test]
fn the_required_vendors_and_lists_are_present() {
    let registry = embedded();
    for id in [
        "hikvision",
        "dahua",
        "uniview",
        "xiongmai",
        "tvt",
        "tiandy",
        "huawei",
        "zte",
        "hytera",
        "dji",
        "autel",
        "axis",
        "hanwha",
        "bosch",
        "avigilon",
        "mobotix",
        "vivotek",
        "i-pro",
        "sony",
        "ubiquiti",
        "reolink",
        "tp-link",
        "foscam",
        "verkada",
        "honeywell",
        "motorola",
        "lts",
        "annke",
        "lorex",
        "amcrest",
        "swann",
        "hp",
        "cisco",
        "mikrotik",
        "synology",
        "qnap",
        "netgear",
        "brother",
        "canon",
        "epson",
        "dell",
        "raspberry-pi",
    ] {
        assert!(registry.get(id).is_some(), "missing vendor {id}");
    }
    for id in [
        "ndaa-889",
        "fcc-covered",
        "us-entity-list",
        "us-1260h",
        "us-ns-cmic",
        "ndaa-fy25-1709",
        "au-2023-audit",
    ] {
        assert!(registry.list_definition(id).is_some(), "missing list {id}");
    }
}

#[test]
fn ownership_and_nil_facts() {
    let registry = embedded();
    let hik = registry.get("hikvision").unwrap();
    assert_eq!(hik.parent.as_deref(), Some("cetc"));
    assert_eq!(hik.subject_to_prc_nil, PrcNil::Yes);
    assert_eq!(
        registry.get("avigilon").unwrap().parent.as_deref(),
        Some("motorola")
    );
    assert_eq!(
        registry.get("axis").unwrap().parent.as_deref(),
        Some("canon")
    );
    assert_eq!(registry.get("axis").unwrap().subject_to_prc_nil, PrcNil::No);
    assert_eq!(
        registry.get("lorex").unwrap().subject_to_prc_nil,
        PrcNil::Unknown
    );
    assert_eq!(
        registry
            .ancestors("hikvision")
            .iter()
            .map(|v| v.id.as_str())
            .collect::<Vec<_>>(),
        ["cetc"]
    );
    // HIKMICRO is believed but unverified: kept, and never above low confidence.
    let hikmicro = registry.resolve_brand("HIKMICRO");
    assert_eq!(hikmicro.len(), 1);
    assert_eq!(hikmicro[0].confidence, Confidence::Low);
    assert_eq!(hikmicro[0].evidence, EvidenceLevel::Unverified);
}

#[test]
fn facts_carry_lists_with_dates_and_sources() {
    let registry = embedded();
    let facts = registry.facts("dahua").unwrap();
    assert_eq!(facts.subject_to_prc_nil, PrcNil::Yes);
    let lists: Vec<&str> = facts.lists.iter().map(|l| l.list.as_str()).collect();
    for list in [
        "ndaa-889",
        "fcc-covered",
        "us-entity-list",
        "us-1260h",
        "au-2023-audit",
    ] {
        assert!(lists.contains(&list), "{lists:?}");
    }
    let fcc = facts
        .lists
        .iter()
        .find(|l| l.list == "fcc-covered")
        .unwrap();
    assert_eq!(fcc.since.as_deref(), Some("2021-03-12"));
    assert!(facts.sources.contains(&fcc.source));
    let dji = registry.facts("dji").unwrap();
    assert!(dji.lists.iter().any(|l| l.list == "ndaa-fy25-1709"));
    assert!(registry.facts("axis").unwrap().lists.is_empty());
    assert!(registry.facts("nobody").is_none());
}

#[test]
fn resolve_name_matches_whole_names_only() {
    let registry = embedded();
    let id = |name: &str| registry.resolve_name(name).map(|v| v.id.as_str());
    assert_eq!(id("HIKVISION"), Some("hikvision"));
    assert_eq!(id("hikvision"), Some("hikvision"));
    assert_eq!(
        id("Hangzhou Hikvision Digital Technology Co.,Ltd."),
        Some("hikvision")
    );
    assert_eq!(
        id("  Hangzhou Hikvision Digital Technology Co., Ltd  "),
        Some("hikvision")
    );
    assert_eq!(id("海康威视"), Some("hikvision"));
    assert_eq!(id("Zhejiang Dahua Technology Co., Ltd."), Some("dahua"));
    assert_eq!(id("Dahua"), Some("dahua"));
    assert_eq!(id("Dahua Technology Company"), Some("dahua"));
    assert_eq!(id("AXIS"), Some("axis"));
    assert_eq!(id("Axis Communications AB"), Some("axis"));
    // Legal suffix stripped: "Verkada, Inc." → "verkada".
    assert_eq!(id("Verkada, Inc."), Some("verkada"));
    assert_eq!(id("i-PRO"), Some("i-pro"));
    assert_eq!(
        id("TP-LINK Technologies Co., Ltd."),
        Some("tp-link-technologies")
    );
    assert_eq!(id("TP-Link"), Some("tp-link"));
    // Never a substring or a guess.
    assert_eq!(id("Hikvision-compatible camera"), None);
    assert_eq!(id("Dahuaa"), None);
    assert_eq!(id("Hik Vision Lookalike"), None);
    assert_eq!(id(""), None);
    assert_eq!(id("Co., Ltd."), None);
    assert_eq!(id("Generic IP Camera"), None);
}

/// The manufacturers the development corpus labels (shared/corpus/dev_responses.jsonl) resolve,
/// except software and the few makers no source was found for.
#[test]
fn corpus_manufacturer_labels_resolve() {
    let registry = embedded();
    for (label, id) in [
        ("Aruba Networks", "hpe"),
        ("Avigilon", "avigilon"),
        ("Axis", "axis"),
        ("Bosch", "bosch"),
        ("Brother", "brother"),
        ("Canon", "canon"),
        ("Cisco", "cisco"),
        ("D-Link", "d-link"),
        ("Dahua", "dahua"),
        ("Foscam", "foscam"),
        ("Grandstream", "grandstream"),
        ("HP", "hp"),
        ("Hikvision", "hikvision"),
        ("IQinVision", "iqinvision"),
        ("MikroTik", "mikrotik"),
        ("Panasonic", "panasonic"),
        ("Philips", "philips"),
        ("Reolink", "reolink"),
        ("Ricoh", "ricoh"),
        ("Siqura", "siqura"),
        ("Sony", "sony"),
        ("Synology", "synology"),
        ("TP-Link", "tp-link"),
        ("TiVo", "tivo"),
        ("Truen", "truen"),
        ("Ubiquiti", "ubiquiti"),
        ("Uniview", "uniview"),
        ("VBrick", "vbrick"),
        ("Vaddio", "vaddio"),
        ("Verint", "verint"),
        ("XiongMai", "xiongmai"),
        ("Y-cam", "y-cam"),
        ("Zyxel", "zyxel"),
    ] {
        assert_eq!(
            registry.resolve_name(label).map(|v| v.id.as_str()),
            Some(id),
            "{label}"
        );
    }
}

#[test]
fn resolve_brand_gives_own_brands_and_relabels() {
    let registry = embedded();
    let ezviz = registry.resolve_brand("EZVIZ");
    assert_eq!(ezviz[0].manufacturer, "hikvision");
    assert_eq!(ezviz[0].kind, BrandKind::OwnBrand);

    let lts = registry.resolve_brand("lts");
    assert_eq!(lts.len(), 1);
    assert_eq!(lts[0].manufacturer, "hikvision");
    assert_eq!(lts[0].kind, BrandKind::Relabel);
    assert_eq!(lts[0].relabeller.as_deref(), Some("lts"));
    assert!(lts[0].source.starts_with("https://ipvm.com/"));

    let lorex = registry.resolve_brand("Lorex");
    assert_eq!(lorex[0].manufacturer, "dahua");
    assert_eq!(lorex[0].confidence, Confidence::High);
    assert!(lorex[0].years.as_deref().unwrap().contains("2022-11-24"));
    // Lorex is also its own brand owner's label (medium), ranked below the Dahua relabel.
    assert!(
        lorex[1..]
            .iter()
            .any(|m| m.manufacturer == "lorex" && m.kind == BrandKind::OwnBrand)
    );
    let tp_link = registry.resolve_brand("TP-Link");
    assert_eq!(tp_link.len(), 1);
    assert_eq!(tp_link[0].manufacturer, "tp-link");
    assert_eq!(tp_link[0].confidence, Confidence::Medium);
    // The relabeller's legal name works as a label too.
    assert_eq!(
        registry.resolve_brand("Lorex Technology Inc.")[0].manufacturer,
        "dahua"
    );

    // Annke: reported for both makers, community evidence only.
    let annke = registry.resolve_brand("Annke");
    let makers: HashSet<&str> = annke.iter().map(|m| m.manufacturer.as_str()).collect();
    assert_eq!(makers, HashSet::from(["hikvision", "dahua"]));
    assert!(annke.iter().all(|m| m.confidence == Confidence::Low));

    // Imou: Huacheng's own brand (FCC filing) first; Dahua only as an unverified lead.
    let imou = registry.resolve_brand("Imou");
    assert_eq!(imou[0].manufacturer, "huacheng");
    assert_eq!(imou[0].confidence, Confidence::High);
    assert!(
        imou.iter()
            .any(|m| m.manufacturer == "dahua" && m.confidence == Confidence::Low)
    );

    // A manufacturer's own name is its own brand; a genuine Panasonic outranks the reported
    // relabels under that name.
    let axis = registry.resolve_brand("Axis");
    assert_eq!(axis.len(), 1);
    assert_eq!(
        (axis[0].manufacturer.as_str(), axis[0].kind),
        ("axis", BrandKind::OwnBrand)
    );
    let panasonic = registry.resolve_brand("Panasonic");
    assert_eq!(panasonic[0].manufacturer, "panasonic");
    assert!(panasonic[1..].iter().all(|m| m.kind == BrandKind::Relabel));

    assert!(registry.resolve_brand("NoSuchBrand").is_empty());
    assert!(registry.resolve_brand("").is_empty());
}

#[test]
fn ieee_organisations_map_to_vendors() {
    let registry = embedded();
    let id = |org: &str| {
        registry
            .vendor_for_ieee_organisation(org)
            .map(|v| v.id.as_str())
    };
    assert_eq!(
        id("Hangzhou Hikvision Digital Technology Co.,Ltd."),
        Some("hikvision")
    );
    assert_eq!(id("Zhejiang Dahua Technology Co., Ltd."), Some("dahua"));
    assert_eq!(id("AXIS COMMUNICATIONS AB"), Some("axis"));
    assert_eq!(id("TVT CO., LTD"), Some("tvt"));
    assert_eq!(id("Shanghai Dahua Scale Factory"), None);
    assert_eq!(id("Prama Hikvision India Private Limited"), None);
}

#[test]
fn normalise_and_suffixes() {
    assert_eq!(
        normalise("  Zhejiang  Dahua-Technology Co.,Ltd. "),
        "zhejiang dahua technology co ltd"
    );
    assert_eq!(
        strip_legal_suffixes("zhejiang dahua technology co ltd"),
        "zhejiang dahua technology"
    );
    assert_eq!(strip_legal_suffixes("axis ab"), "axis");
    assert_eq!(strip_legal_suffixes("ltd"), "ltd");
    assert_eq!(normalise("海康威视"), "海康威视");
}

/// i-PRO took over Panasonic's security-camera line: an i-PRO answer matches a Panasonic label
/// (an old WV- camera), not the other way round, and nothing else is related.
#[test]
fn i_pro_continues_panasonic_security_line() {
    let registry = embedded();
    assert_eq!(
        registry.get("i-pro").map(|v| v.predecessors.clone()),
        Some(vec!["panasonic".to_owned()])
    );
    assert!(registry.same_product_line("i-pro", "panasonic"));
    assert!(registry.same_product_line("i-pro", "i-pro"));
    assert!(!registry.same_product_line("panasonic", "i-pro"));
    assert!(!registry.same_product_line("hikvision", "panasonic"));
    // Panasonic stays its own vendor: its name does not resolve to i-PRO.
    assert_eq!(
        registry.resolve_name("Panasonic").map(|v| v.id.as_str()),
        Some("panasonic")
    );
}
