//! The register backends under test and small fixtures shared by the register suite and the
//! CLI tests: every register test runs against SQLite (a fresh file) and PostgreSQL (a fresh
//! schema in database `test` at 127.0.0.1:5432). Where PostgreSQL is unreachable the PostgreSQL
//! half prints "skipping: ..." unless `CAMSWEEP_REQUIRE_PG=1`, in which case it fails.

use std::time::Duration;

use camsweep_model::estate::Estate;
use camsweep_model::{Identification, Observation, ObservationKind};
use camsweep_register::{IngestBatch, NewFinding, Register};

const DEFAULT_PG: &str = "postgres://postgres@127.0.0.1:5432/test";

pub fn pg_url() -> String {
    std::env::var("CAMSWEEP_TEST_PG").unwrap_or_else(|_| DEFAULT_PG.to_owned())
}

/// One backend under test; drops its PostgreSQL schema when done.
pub struct Backend {
    pub name: &'static str,
    pub register: Register,
    /// SQLite file or PostgreSQL URL, plus schema, for helper processes.
    pub target: String,
    pub schema: Option<String>,
    _dir: Option<tempfile::TempDir>,
}

impl Backend {
    /// This register as `camsweep --db` names it: the SQLite file, or the PostgreSQL URL with
    /// the test's schema as the connection's `search_path`.
    pub fn db_arg(&self) -> String {
        match &self.schema {
            None => self.target.clone(),
            Some(schema) => {
                let join = if self.target.contains('?') { '&' } else { '?' };
                format!("{}{join}options[search_path]={schema}", self.target)
            }
        }
    }

    pub async fn cleanup(self) {
        self.register.close().await;
        if let Some(schema) = self.schema {
            use sqlx::Connection;
            if let Ok(mut conn) = sqlx::postgres::PgConnection::connect(&self.target).await {
                let drop = format!("DROP SCHEMA IF EXISTS {schema} CASCADE");
                let _ = sqlx::raw_sql(sqlx::AssertSqlSafe(drop))
                    .execute(&mut conn)
                    .await;
            }
        }
    }
}

/// SQLite always; PostgreSQL when reachable (or required).
pub async fn backends() -> Vec<Backend> {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("register.sqlite");
    let target = path.display().to_string();
    let sqlite = Register::open(&target).await.expect("open sqlite register");
    let mut out = vec![Backend {
        name: "sqlite",
        register: sqlite,
        target,
        schema: None,
        _dir: Some(dir),
    }];
    let url = pg_url();
    let schema = format!("t_{}", uuid::Uuid::now_v7().simple());
    let attempt = tokio::time::timeout(
        Duration::from_secs(10),
        Register::open_postgres_schema(&url, &schema),
    )
    .await;
    match attempt {
        Ok(Ok(register)) => out.push(Backend {
            name: "postgres",
            register,
            target: url,
            schema: Some(schema),
            _dir: None,
        }),
        Ok(Err(err)) => pg_unavailable(&err.to_string()),
        Err(_) => pg_unavailable("connection timed out after 10 s"),
    }
    out
}

fn pg_unavailable(why: &str) {
    if std::env::var("CAMSWEEP_REQUIRE_PG").as_deref() == Ok("1") {
        panic!("PostgreSQL is required (CAMSWEEP_REQUIRE_PG=1) but unavailable: {why}");
    }
    eprintln!("skipping: PostgreSQL backend of the register suite ({why})");
}

pub const ESTATE: &str = r#"
[[organisation]]
id = "dept"
name = "Department for Examples"
policies = ["uk-hcws386-2022"]

[[site]]
id = "hq"
organisation = "dept"
name = "Headquarters"
sensitivity = "sensitive"
sensitivity_reason = "ministerial offices"

[[site]]
id = "depot"
organisation = "dept"
name = "Depot"
sensitivity = "non-sensitive"

[[network]]
id = "hq-core"
site = "hq"
zone = "core"
cidrs = ["127.90.0.0/24"]
vlan = 10

[[network]]
id = "hq-cctv"
site = "hq"
zone = "isolated"
cidrs = ["127.90.1.0/24"]

[[network]]
id = "depot-lan"
site = "depot"
zone = "other"
cidrs = ["127.91.0.0/16"]
"#;

pub fn estate() -> Estate {
    camsweep_import::estate::parse(ESTATE, "estate.toml", None).expect("the test estate is valid")
}

pub fn observation(kind: ObservationKind, value: &str, address: &str) -> Observation {
    let mut o = Observation::new(kind, value);
    o.address = Some(address.to_owned());
    o
}

pub fn device(
    address: &str,
    mac: Option<&str>,
    manufacturer: Option<&str>,
) -> camsweep_register::IngestDevice {
    let mut identification = Identification::unknown("test");
    identification.manufacturer = manufacturer.map(str::to_owned);
    camsweep_register::IngestDevice {
        label: None,
        address: Some(address.to_owned()),
        mac: mac.map(str::to_owned),
        identification,
        observations: vec![observation(
            ObservationKind::HttpServer,
            "App-webs/",
            address,
        )],
    }
}

pub fn scan(
    id: &str,
    targets: &[&str],
    devices: Vec<camsweep_register::IngestDevice>,
) -> IngestBatch {
    IngestBatch {
        kind: camsweep_register::BatchKind::Scan,
        scan_id: id.to_owned(),
        source_file: None,
        started_at: camsweep_register::now_rfc3339(),
        finished_at: None,
        targets: targets.iter().map(|t| (*t).to_owned()).collect(),
        excluded: Vec::new(),
        kb_version: "test".into(),
        tool_version: "test".into(),
        interrupted: false,
        devices,
        coverage: None,
    }
}

pub fn finding(pack: &str, rule: &str) -> NewFinding {
    NewFinding {
        pack: pack.into(),
        rule: rule.into(),
        title: "Covered equipment on a sensitive site".into(),
        severity: "high".parse().unwrap(),
        action: "remove".into(),
        citation_document: "HCWS386".into(),
        citation_paragraph: Some("para 3".into()),
        citation_url: Some("https://questions-statements.parliament.uk/written-statements/detail/2022-11-24/hcws386".into()),
        message: "test".into(),
        due: None,
        due_basis: None,
    }
}

/// Two organisations (alpha, beta), each with a sensitive site and networks on loopback: the
/// estate of the server tests, where nothing of one may reach the other's users.
pub const TWO_ORGANISATIONS: &str = r#"
[[organisation]]
id = "alpha"
name = "Alpha Department"
policies = ["uk-hcws386-2022"]

[[organisation]]
id = "beta"
name = "Beta Agency"
policies = ["uk-hcws386-2022"]

[[site]]
id = "a-hq"
organisation = "alpha"
name = "Alpha HQ"
sensitivity = "sensitive"

[[site]]
id = "b-hq"
organisation = "beta"
name = "Beta HQ"
sensitivity = "sensitive"

[[network]]
id = "a-core"
site = "a-hq"
zone = "core"
cidrs = ["127.61.0.0/16"]

[[network]]
id = "b-core"
site = "b-hq"
zone = "core"
cidrs = ["127.62.0.0/16"]
"#;
