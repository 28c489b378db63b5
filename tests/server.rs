//! `camsweep serve` through real sockets on 127.0.0.1: the server in-process on port 0 (the
//! built binary's own test is in `crates/camsweep/tests/cli/serve.rs`), real HTTP/1.1 requests with
//! hyper's client, on SQLite and on PostgreSQL (see `register::backends`). Two organisations,
//! alpha and beta; users of each role; findings and a plan from a real evaluation.

use std::collections::{BTreeSet, HashMap};
use std::net::SocketAddr;

use camsweep_app::access;
use camsweep_model::Role;
use camsweep_register::{Register, synthetic};
use camsweep_server::{Server, ServerConfig, Services};
use http_body_util::BodyExt as _;
use serde_json::Value;

use camsweep_tests::backends::{TWO_ORGANISATIONS as ESTATE, backends};

/// Alpha's devices (one of them hostile), beta's devices.
const ALPHA_DEVICES: usize = 25;
const BETA_DEVICES: usize = 7;

/// A label and an HTTP title no page may interpret: markup, a `javascript:` URL, a terminal
/// escape, a formula prefix.
const HOSTILE_LABEL: &str =
    "<script>alert(\"x\")</script>\u{1b}[31m=HYPERLINK(\"javascript:alert(1)\")";
const HOSTILE_TITLE: &str = "</title><img src=x onerror=alert(1)>\u{7}";

/// A running server over one backend, with a token per user.
struct Fixture {
    addr: SocketAddr,
    tokens: HashMap<&'static str, String>,
    /// Every device id, by organisation.
    alpha: BTreeSet<String>,
    beta: BTreeSet<String>,
    register: Register,
    stop: Option<tokio::sync::oneshot::Sender<()>>,
    server: tokio::task::JoinHandle<()>,
}

impl Fixture {
    async fn start(register: &Register) -> Fixture {
        let policies = camsweep_app::policies::load(None).unwrap();
        let estate = camsweep_app::estate::parse(ESTATE, "estate.toml", &policies).unwrap();
        register.apply_estate(&estate, "test", false).await.unwrap();
        let mut alpha_batch = synthetic::batch("scan-alpha", 61, ALPHA_DEVICES, 2, true);
        let hostile = &mut alpha_batch.devices[3];
        hostile.label = Some(HOSTILE_LABEL.to_owned());
        let mut title = camsweep_model::Observation::new(
            camsweep_model::ObservationKind::HttpTitle,
            HOSTILE_TITLE,
        );
        title.address = hostile.address.clone();
        hostile.observations.push(title);
        register.ingest(&alpha_batch, "test").await.unwrap();
        register
            .ingest(
                &synthetic::batch("scan-beta", 62, BETA_DEVICES, 2, true),
                "test",
            )
            .await
            .unwrap();

        let kb = camsweep_kb::KnowledgeBase::embedded().unwrap();
        let services = Services::new(register.clone(), kb, policies).unwrap();
        camsweep_app::evaluate::evaluate(register, &services.engine, &services.policies, "test")
            .await
            .unwrap();

        let password = "a long enough password";
        let mut tokens = HashMap::new();
        for (name, org, role) in [
            ("alice", Some("alpha"), Role::Viewer),
            ("ed", Some("alpha"), Role::Editor),
            ("bob", Some("beta"), Role::Admin),
            ("audrey", None, Role::Auditor),
        ] {
            access::add_user(register, name, org, role, password)
                .await
                .unwrap();
            tokens.insert(
                name,
                access::create_token(register, name).await.unwrap().token,
            );
        }
        let mut alpha = BTreeSet::new();
        let mut beta = BTreeSet::new();
        for d in register.devices().await.unwrap() {
            match d.organisation_id.as_deref() {
                Some("alpha") => alpha.insert(d.id),
                Some("beta") => beta.insert(d.id),
                other => panic!("device {} unplaced or elsewhere: {other:?}", d.id),
            };
        }
        assert_eq!((alpha.len(), beta.len()), (ALPHA_DEVICES, BETA_DEVICES));

        let server = Server::bind(&ServerConfig::new(([127, 0, 0, 1], 0).into()), services)
            .await
            .unwrap();
        let addr = server.local_addr().unwrap();
        let (stop, stopped) = tokio::sync::oneshot::channel::<()>();
        let server = tokio::spawn(async move {
            server
                .run(async {
                    let _ = stopped.await;
                })
                .await
                .unwrap();
        });
        Fixture {
            addr,
            tokens,
            alpha,
            beta,
            register: register.clone(),
            stop: Some(stop),
            server,
        }
    }

    /// One request as `user` (`None`: no Authorization header); the status, content type and
    /// body.
    async fn call(
        &self,
        user: Option<&str>,
        method: &str,
        path: &str,
        body: Option<&str>,
    ) -> Response {
        let token = user.map(|u| self.tokens[u].as_str());
        request(
            self.addr,
            method,
            path,
            token.map(|t| format!("Bearer {t}")),
            body,
        )
        .await
    }

    async fn get(&self, user: &str, path: &str) -> Response {
        self.call(Some(user), "GET", path, None).await
    }

    async fn stop(mut self) {
        if let Some(stop) = self.stop.take() {
            let _ = stop.send(());
        }
        self.server.await.unwrap();
    }
}

#[derive(Debug)]
struct Response {
    status: u16,
    content_type: String,
    body: String,
}

impl Response {
    fn json(&self) -> Value {
        serde_json::from_str(&self.body).unwrap_or_else(|e| panic!("not JSON ({e}): {}", self.body))
    }

    /// A problem details answer of `status`; its JSON.
    fn problem(&self, status: u16) -> Value {
        assert_eq!(self.status, status, "{}", self.body);
        assert_eq!(
            self.content_type, "application/problem+json",
            "{}",
            self.body
        );
        let p = self.json();
        assert_eq!(p["status"], status);
        assert!(p["title"].is_string() && p["detail"].is_string(), "{p}");
        p
    }

    fn ok(&self) -> Value {
        assert_eq!(self.status, 200, "{}", self.body);
        assert_eq!(self.content_type, "application/json", "{}", self.body);
        self.json()
    }
}

/// One HTTP/1.1 request over a fresh connection to `addr` (always loopback here).
async fn request(
    addr: SocketAddr,
    method: &str,
    path: &str,
    authorization: Option<String>,
    body: Option<&str>,
) -> Response {
    assert!(addr.ip().is_loopback());
    let stream = tokio::net::TcpStream::connect(addr).await.unwrap();
    let (mut sender, connection) =
        hyper::client::conn::http1::handshake(hyper_util::rt::TokioIo::new(stream))
            .await
            .unwrap();
    tokio::spawn(connection);
    let mut builder = hyper::Request::builder()
        .method(method)
        .uri(path)
        .header("host", addr.to_string());
    if let Some(value) = authorization {
        builder = builder.header("authorization", value);
    }
    if body.is_some() {
        builder = builder.header("content-type", "application/json");
    }
    let request = builder
        .body(http_body_util::Full::new(bytes(body.unwrap_or(""))))
        .unwrap();
    let response = sender.send_request(request).await.unwrap();
    let status = response.status().as_u16();
    let content_type = response
        .headers()
        .get("content-type")
        .map(|v| v.to_str().unwrap().to_owned())
        .unwrap_or_default();
    let body = response.into_body().collect().await.unwrap().to_bytes();
    Response {
        status,
        content_type,
        body: String::from_utf8(body.to_vec()).unwrap(),
    }
}

/// `GET /api/v1/me` with `token`: who the server says it belongs to.
async fn me_with(addr: SocketAddr, token: &str) -> Value {
    request(
        addr,
        "GET",
        "/api/v1/me",
        Some(format!("Bearer {token}")),
        None,
    )
    .await
    .ok()
}

fn bytes(text: &str) -> hyper::body::Bytes {
    hyper::body::Bytes::copy_from_slice(text.as_bytes())
}

/// Every device id a walk of `path` (with `limit` per page) returns, in order.
async fn walk(f: &Fixture, user: &str, path: &str, limit: usize) -> Vec<String> {
    let join = if path.contains('?') { '&' } else { '?' };
    let mut ids = Vec::new();
    let mut after: Option<String> = None;
    for _ in 0..1000 {
        let url = match &after {
            None => format!("{path}{join}limit={limit}"),
            Some(a) => format!("{path}{join}limit={limit}&after={a}"),
        };
        let page = f.get(user, &url).await.ok();
        let devices = page["devices"].as_array().unwrap();
        assert!(devices.len() <= limit, "{page}");
        ids.extend(devices.iter().map(|d| d["id"].as_str().unwrap().to_owned()));
        match page["next"].as_str() {
            Some(next) => after = Some(next.to_owned()),
            None => return ids,
        }
    }
    panic!("the walk of {path} never ended");
}

fn ids_of(list: &Value, key: &str) -> BTreeSet<String> {
    list.as_array()
        .unwrap()
        .iter()
        .map(|v| v[key].as_str().unwrap().to_owned())
        .collect()
}

/// Nothing of beta reaches alpha's users: not in a list, a count, a search, the census answer
/// or the gate; beta's device and plan item are 404 (not 403), also for alpha's editor.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_user_sees_only_its_own_organisation() {
    for b in backends().await {
        let f = Fixture::start(&b.register).await;
        let orgs = f.get("alice", "/api/v1/organisations").await.ok();
        assert_eq!(
            ids_of(&orgs, "id"),
            BTreeSet::from(["alpha".to_owned()]),
            "[{}]",
            b.name
        );
        let sites = f.get("alice", "/api/v1/sites").await.ok();
        assert_eq!(ids_of(&sites, "id"), BTreeSet::from(["a-hq".to_owned()]));
        let networks = f.get("alice", "/api/v1/networks").await.ok();
        assert_eq!(
            ids_of(&networks, "id"),
            BTreeSet::from(["a-core".to_owned()])
        );

        let seen: BTreeSet<String> = walk(&f, "alice", "/api/v1/devices", 1000)
            .await
            .into_iter()
            .collect();
        assert_eq!(seen, f.alpha, "[{}]", b.name);
        // Asking for beta by name, or searching for its addresses, finds nothing.
        assert!(
            walk(&f, "alice", "/api/v1/devices?organisation=beta", 10)
                .await
                .is_empty()
        );
        assert!(
            walk(&f, "alice", "/api/v1/devices?q=127.62.", 10)
                .await
                .is_empty()
        );
        assert_eq!(
            walk(&f, "bob", "/api/v1/devices?q=127.62.", 10).await.len(),
            BETA_DEVICES
        );
        assert_eq!(
            walk(&f, "audrey", "/api/v1/devices", 7).await.len(),
            ALPHA_DEVICES + BETA_DEVICES
        );

        let beta_device = f.beta.first().unwrap();
        for user in ["alice", "ed"] {
            let p = f
                .get(user, &format!("/api/v1/devices/{beta_device}"))
                .await
                .problem(404);
            assert!(!p.to_string().contains("beta"), "{p}");
        }
        let own = f
            .get("bob", &format!("/api/v1/devices/{beta_device}"))
            .await
            .ok();
        assert_eq!(own["organisation"], "beta");

        // Findings and the plan: alpha's only, and beta's items are not found.
        let findings = f.get("alice", "/api/v1/findings").await.ok();
        assert!(
            !findings.as_array().unwrap().is_empty(),
            "the evaluation found something"
        );
        assert!(ids_of(&findings, "device_id").is_subset(&f.alpha));
        let plan = f.get("alice", "/api/v1/plan").await.ok();
        assert!(ids_of(&plan, "device_id").is_subset(&f.alpha));
        let beta_plan = f.get("bob", "/api/v1/plan").await.ok();
        let beta_item = beta_plan[0]["id"]
            .as_str()
            .expect("beta has plan items")
            .to_owned();
        f.get("alice", &format!("/api/v1/plan/{beta_item}"))
            .await
            .problem(404);
        let refused = f
            .call(
                Some("ed"),
                "PATCH",
                &format!("/api/v1/plan/{beta_item}"),
                Some(r#"{"status":"removed"}"#),
            )
            .await;
        refused.problem(404);
        let item = f
            .get("bob", &format!("/api/v1/plan/{beta_item}"))
            .await
            .ok();
        assert_eq!(
            item["status"], "open",
            "alpha's editor changed nothing of beta's"
        );

        // The census counts: alpha's users count alpha's equipment only.
        let answer = f.get("alice", "/api/v1/answer").await.ok();
        let organisations: BTreeSet<&str> = answer["rows"]
            .as_array()
            .unwrap()
            .iter()
            .map(|r| r["organisation"].as_str().unwrap())
            .collect();
        assert_eq!(
            organisations,
            BTreeSet::from(["Alpha Department"]),
            "{answer}"
        );
        let everyone = f.get("audrey", "/api/v1/answer").await.ok();
        let total = |a: &Value| a["total"]["devices"].as_u64().unwrap();
        assert!(total(&everyone) > total(&answer), "{everyone}");
        let alpha_row: u64 = everyone["rows"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|r| r["organisation"] == "Alpha Department")
            .map(|r| r["devices"].as_u64().unwrap())
            .sum();
        assert_eq!(alpha_row, total(&answer));

        // The gate: beta's site is unknown to alpha, known to beta.
        let body = r#"{"site":"b-hq","brand":"LTS"}"#;
        f.call(Some("alice"), "POST", "/api/v1/check", Some(body))
            .await
            .problem(404);
        let gate = f
            .call(Some("bob"), "POST", "/api/v1/check", Some(body))
            .await
            .ok();
        assert_eq!(gate["allowed"], false, "{gate}");

        f.stop().await;
        b.cleanup().await;
    }
}

/// Viewers read and cannot change (403); an editor's change lands in the history with the
/// editor as its actor and its reason; no token or a revoked one is 401; bad input is a 400
/// naming the field.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn roles_tokens_and_bad_input_answer_problem_details() {
    for b in backends().await {
        let f = Fixture::start(&b.register).await;
        let plan = f.get("alice", "/api/v1/plan").await.ok();
        let item = plan[0]["id"].as_str().unwrap().to_owned();
        let path = format!("/api/v1/plan/{item}");
        let change = r#"{"status":"removed","reason":"taken down on site visit"}"#;

        let p = f
            .call(Some("alice"), "PATCH", &path, Some(change))
            .await
            .problem(403);
        assert!(p["detail"].as_str().unwrap().contains("viewer"), "{p}");
        let stored = f.call(Some("ed"), "PATCH", &path, Some(change)).await.ok();
        assert_eq!(stored["status"], "removed", "[{}]", b.name);
        let after = f.get("alice", &path).await.ok();
        let last = after["history"].as_array().unwrap().last().unwrap().clone();
        assert_eq!(
            (last["actor"].as_str(), last["action"].as_str()),
            (Some("ed"), Some("updated"))
        );
        assert_eq!(last["before"]["status"], "open");
        assert_eq!(last["after"]["reason"], "taken down on site visit");
        // POST, for clients without PATCH, does the same.
        let again = f
            .call(
                Some("ed"),
                "POST",
                &format!("{path}/status"),
                Some(r#"{"status":"scheduled"}"#),
            )
            .await
            .ok();
        assert_eq!(again["status"], "scheduled");

        // Bad input names its field.
        let bad = |r: Response, field: &str| {
            let p = r.problem(400);
            assert_eq!(p["field"], field, "{p}");
        };
        bad(
            f.call(Some("ed"), "PATCH", &path, Some(r#"{"status":"closed"}"#))
                .await,
            "status",
        );
        bad(
            f.call(Some("ed"), "PATCH", &path, Some(r#"{"staus":"removed"}"#))
                .await,
            "staus",
        );
        bad(
            f.call(Some("ed"), "PATCH", &path, Some(r#"{"status":7}"#))
                .await,
            "status",
        );
        bad(f.get("alice", "/api/v1/devices?limit=0").await, "limit");
        bad(f.get("alice", "/api/v1/devices?limit=many").await, "limit");
        bad(f.get("alice", "/api/v1/devices?zone=lobby").await, "zone");
        bad(
            f.get("alice", "/api/v1/devices?covered=yes").await,
            "covered",
        );
        bad(f.get("alice", "/api/v1/devices?colour=red").await, "colour");
        bad(
            f.get("alice", "/api/v1/findings?severity=severe").await,
            "severity",
        );
        bad(
            f.get("alice", "/api/v1/answer?since=yesterday").await,
            "since",
        );
        bad(
            f.call(
                Some("alice"),
                "POST",
                "/api/v1/check",
                Some(r#"{"site":"a-hq"}"#),
            )
            .await,
            "manufacturer",
        );
        bad(
            f.call(
                Some("alice"),
                "POST",
                "/api/v1/check",
                Some(r#"{"brand":"LTS"}"#),
            )
            .await,
            "site",
        );
        f.get("alice", "/api/v1/devices/no-such-device")
            .await
            .problem(404);
        f.get("alice", "/api/v1/no-such-endpoint")
            .await
            .problem(404);
        f.call(Some("alice"), "DELETE", "/api/v1/devices", None)
            .await
            .problem(405);
        let huge = format!(
            r#"{{"status":"removed","reason":"{}"}}"#,
            "x".repeat(2 << 20)
        );
        f.call(Some("ed"), "PATCH", &path, Some(&huge))
            .await
            .problem(413);

        // Two editors' changes at once: both land, each in its own history line.
        let before = f.get("alice", &path).await.ok()["history"]
            .as_array()
            .unwrap()
            .len();
        let (one, two) = tokio::join!(
            f.call(
                Some("ed"),
                "PATCH",
                &path,
                Some(r#"{"status":"removed","reason":"one"}"#)
            ),
            f.call(
                Some("ed"),
                "PATCH",
                &path,
                Some(r#"{"status":"replaced","replaced_by":"Axis P3265","reason":"two"}"#)
            ),
        );
        let (one, two) = (one.ok(), two.ok());
        let history = f.get("alice", &path).await.ok()["history"]
            .as_array()
            .unwrap()
            .clone();
        assert_eq!(history.len(), before + 2, "{history:?}");
        let reasons: BTreeSet<&str> = history[before..]
            .iter()
            .map(|h| h["after"]["reason"].as_str().unwrap())
            .collect();
        assert_eq!(reasons, BTreeSet::from(["one", "two"]));
        // The later change's "before" is what the earlier one stored.
        let first = history[before]["after"]["status"].clone();
        assert_eq!(history[before + 1]["before"]["status"], first);
        assert!([one["status"].clone(), two["status"].clone()].contains(&first));

        // Tokens: none, malformed, unknown, revoked.
        f.call(None, "GET", "/api/v1/devices", None)
            .await
            .problem(401);
        let r = request(
            f.addr,
            "GET",
            "/api/v1/me",
            Some("Basic YWxpY2U6eA==".into()),
            None,
        )
        .await;
        r.problem(401);
        let r = request(
            f.addr,
            "GET",
            "/api/v1/me",
            Some("Bearer csw_not-a-token".into()),
            None,
        )
        .await;
        r.problem(401);
        let me = f.get("alice", "/api/v1/me").await.ok();
        assert_eq!(
            (me["name"].as_str(), me["role"].as_str()),
            (Some("alice"), Some("viewer"))
        );
        let extra = access::create_token(&f.register, "alice").await.unwrap();
        let bearer = Some(format!("Bearer {}", extra.token));
        assert_eq!(
            request(f.addr, "GET", "/api/v1/me", bearer.clone(), None)
                .await
                .status,
            200
        );
        access::revoke_token(&f.register, &extra.record.id)
            .await
            .unwrap();
        request(f.addr, "GET", "/api/v1/me", bearer, None)
            .await
            .problem(401);
        // The scheme's case does not matter.
        let lower = Some(format!("bearer {}", f.tokens["alice"]));
        assert_eq!(
            request(f.addr, "GET", "/api/v1/me", lower, None)
                .await
                .status,
            200
        );
        // The other token of the same user still works.
        f.get("alice", "/api/v1/me").await.ok();

        // A login with the password gives a token; five failures and the sixth attempt is
        // refused, the right password too.
        let good = r#"{"name":"bob","password":"a long enough password"}"#;
        let r = f.call(None, "POST", "/api/v1/tokens", Some(good)).await;
        assert_eq!(r.status, 201, "{}", r.body);
        let token = r.json()["token"].as_str().unwrap().to_owned();
        assert_eq!(me_with(f.addr, &token).await["name"], "bob");
        let wrong = r#"{"name":"bob","password":"not the password"}"#;
        let unknown = r#"{"name":"nobody","password":"a long enough password"}"#;
        let p = f
            .call(None, "POST", "/api/v1/tokens", Some(unknown))
            .await
            .problem(401);
        for _ in 0..5 {
            let q = f
                .call(None, "POST", "/api/v1/tokens", Some(wrong))
                .await
                .problem(401);
            assert_eq!(
                q["detail"], p["detail"],
                "an unknown name and a wrong password alike"
            );
        }
        f.call(None, "POST", "/api/v1/tokens", Some(good))
            .await
            .problem(429);
        // Another name is not affected.
        let alice = r#"{"name":"alice","password":"a long enough password"}"#;
        assert_eq!(
            f.call(None, "POST", "/api/v1/tokens", Some(alice))
                .await
                .status,
            201
        );

        f.stop().await;
        b.cleanup().await;
    }
}

/// Keyset pagination walks every visible device exactly once, with and without filters, and
/// filters split the devices without loss; a hostile label and title come back as JSON strings,
/// escaped, byte for byte.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn pages_walk_every_device_once_and_hostile_strings_stay_data() {
    for b in backends().await {
        let f = Fixture::start(&b.register).await;
        for limit in [1, 4, 25, 1000] {
            let ids = walk(&f, "audrey", "/api/v1/devices", limit).await;
            let unique: BTreeSet<String> = ids.iter().cloned().collect();
            assert_eq!(
                ids.len(),
                unique.len(),
                "[{}] limit {limit}: a device twice",
                b.name
            );
            let all: BTreeSet<String> = f.alpha.union(&f.beta).cloned().collect();
            assert_eq!(unique, all, "[{}] limit {limit}", b.name);
        }
        let covered: BTreeSet<String> = walk(&f, "alice", "/api/v1/devices?covered=true", 3)
            .await
            .into_iter()
            .collect();
        let not: BTreeSet<String> = walk(&f, "alice", "/api/v1/devices?covered=false", 3)
            .await
            .into_iter()
            .collect();
        assert!(covered.is_disjoint(&not));
        assert_eq!(
            covered.union(&not).cloned().collect::<BTreeSet<_>>(),
            f.alpha
        );
        assert!(!covered.is_empty(), "Hikvision equipment is covered");
        let hikvision = walk(
            &f,
            "alice",
            "/api/v1/devices?maker=hikvision&zone=core&site=a-hq&missing=false",
            2,
        )
        .await;
        assert!(
            !hikvision.is_empty() && hikvision.len() < ALPHA_DEVICES,
            "{hikvision:?}"
        );

        // The hostile device, found by a search for part of its label.
        let page = f.get("alice", "/api/v1/devices?q=%3Cscript%3E").await;
        assert!(
            !page.body.contains('\u{1b}'),
            "a raw escape character in {}",
            page.body
        );
        let page = page.ok();
        let devices = page["devices"].as_array().unwrap();
        assert_eq!(devices.len(), 1, "{page}");
        assert_eq!(devices[0]["label"], HOSTILE_LABEL);
        let id = devices[0]["id"].as_str().unwrap();
        let detail = f.get("alice", &format!("/api/v1/devices/{id}")).await;
        assert!(
            !detail.body.contains('\u{7}'),
            "a raw control character in the body"
        );
        let detail = detail.ok();
        let titles: Vec<&str> = detail["observations"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|o| o["kind"] == "http.title")
            .map(|o| o["value"].as_str().unwrap())
            .collect();
        assert!(titles.contains(&HOSTILE_TITLE), "{titles:?}");
        assert!(detail["identification"].is_object(), "{detail}");
        f.stop().await;
        b.cleanup().await;
    }
}

/// The OpenAPI document is served without a token, parses, names the bearer scheme and lists
/// every route the contract names.
#[tokio::test]
async fn the_openapi_document_lists_the_routes() {
    let dir = tempfile::tempdir().unwrap();
    let register = Register::open(&dir.path().join("r.sqlite").display().to_string())
        .await
        .unwrap();
    let services = Services::new(
        register.clone(),
        camsweep_kb::KnowledgeBase::embedded().unwrap(),
        camsweep_app::policies::load(None).unwrap(),
    )
    .unwrap();
    let server = Server::bind(&ServerConfig::new(([127, 0, 0, 1], 0).into()), services)
        .await
        .unwrap();
    let addr = server.local_addr().unwrap();
    let handle = tokio::spawn(server.run(std::future::pending()));
    let doc = request(addr, "GET", "/api/v1/openapi.json", None, None)
        .await
        .ok();
    assert!(doc["openapi"].as_str().unwrap().starts_with("3."), "{doc}");
    assert_eq!(
        doc["components"]["securitySchemes"]["bearer"]["scheme"],
        "bearer"
    );
    let paths = doc["paths"].as_object().unwrap();
    for (path, method) in [
        ("/api/v1/organisations", "get"),
        ("/api/v1/sites", "get"),
        ("/api/v1/networks", "get"),
        ("/api/v1/devices", "get"),
        ("/api/v1/devices/{id}", "get"),
        ("/api/v1/findings", "get"),
        ("/api/v1/plan", "get"),
        ("/api/v1/plan/{id}", "get"),
        ("/api/v1/plan/{id}", "patch"),
        ("/api/v1/plan/{id}/status", "post"),
        ("/api/v1/check", "post"),
        ("/api/v1/answer", "get"),
        ("/api/v1/me", "get"),
        ("/api/v1/tokens", "post"),
    ] {
        assert!(
            paths.get(path).and_then(|p| p.get(method)).is_some(),
            "{method} {path} missing"
        );
    }
    let params: Vec<&str> = paths["/api/v1/devices"]["get"]["parameters"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["name"].as_str().unwrap())
        .collect();
    for name in [
        "limit",
        "after",
        "organisation",
        "site",
        "zone",
        "maker",
        "covered",
        "missing",
        "q",
    ] {
        assert!(params.contains(&name), "{name} not in {params:?}");
    }
    assert!(doc["components"]["schemas"]["DevicePage"].is_object());
    assert!(doc["components"]["schemas"]["Problem"].is_object());
    handle.abort();
    register.close().await;
}
