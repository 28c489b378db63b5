//! The REST API under `/api/v1`. Every endpoint but the OpenAPI document and the health check
//! needs a bearer token; every read is scoped to the caller's organisation (an auditor's: all),
//! so another organisation's objects are absent from lists and counts and "not found" (404)
//! when named.

use std::time::Duration;

use axum::Json;
use axum::extract::rejection::{JsonRejection, QueryRejection};
use axum::extract::{DefaultBodyLimit, Path, Query, State as AxumState};
use axum::http::StatusCode;
use axum::response::IntoResponse;
use camsweep_app::AppError;
use camsweep_app::browse::{self, DeviceDetail, DevicePage, DeviceQuery};
use camsweep_app::gate::GateRequest;
use camsweep_app::plan::PlanUpdate;
use camsweep_model::{FindingStatus, Severity, Zone};
use camsweep_register::{DeviceFilter, FindingFilter};
use serde::{Deserialize, Serialize};
use tower_http::timeout::TimeoutLayer;
use tower_http::trace::TraceLayer;
use utoipa::openapi::security::{Http, HttpAuthScheme, SecurityScheme};
use utoipa::{Modify, OpenApi, ToSchema};
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use crate::auth::Caller;
use crate::params::Params;
use crate::problem::Problem;
use crate::{ServerConfig, State};

type Answer<T> = Result<Json<T>, Problem>;
type QueryPairs = Result<Query<Vec<(String, String)>>, QueryRejection>;

/// The default page of `GET /api/v1/devices`.
pub const DEFAULT_PAGE: usize = 100;

#[derive(OpenApi)]
#[openapi(
    info(
        title = "camsweep",
        description = "The surveillance-equipment register: organisations, sites, networks, \
                       devices with their identification and evidence, findings, the \
                       remediation plan, the deployment gate and the census answer. Errors are \
                       RFC 9457 problem details (application/problem+json)."
    ),
    modifiers(&BearerAuth),
    security(("bearer" = [])),
    components(schemas(Problem))
)]
struct ApiDoc;

struct BearerAuth;

impl Modify for BearerAuth {
    fn modify(&self, openapi: &mut utoipa::openapi::OpenApi) {
        let components = openapi.components.get_or_insert_with(Default::default);
        components.add_security_scheme(
            "bearer",
            SecurityScheme::Http(Http::new(HttpAuthScheme::Bearer)),
        );
    }
}

/// The routes and their OpenAPI document.
fn api() -> (axum::Router<State>, utoipa::openapi::OpenApi) {
    OpenApiRouter::with_openapi(ApiDoc::openapi())
        .routes(routes!(me))
        .routes(routes!(login))
        .routes(routes!(organisations))
        .routes(routes!(sites))
        .routes(routes!(networks))
        .routes(routes!(devices))
        .routes(routes!(device))
        .routes(routes!(findings))
        .routes(routes!(plan))
        .routes(routes!(plan_item, patch_plan_item))
        .routes(routes!(post_plan_status))
        .routes(routes!(check))
        .routes(routes!(answer))
        .split_for_parts()
}

/// The OpenAPI document of the API (what `/api/v1/openapi.json` serves).
pub fn openapi() -> utoipa::openapi::OpenApi {
    api().1
}

/// Every route, with the body limit, the request timeout and request logging.
pub fn router(state: State, config: &ServerConfig) -> axum::Router {
    let (routes, doc) = api();
    let doc = std::sync::Arc::new(doc);
    routes
        .route(
            "/api/v1/openapi.json",
            axum::routing::get(move || {
                let doc = doc.clone();
                async move { Json(doc.as_ref().clone()) }
            }),
        )
        .route("/api/v1/health", axum::routing::get(|| async { "ok\n" }))
        .fallback(|| async { Problem::new(StatusCode::NOT_FOUND, "no such endpoint") })
        .layer(DefaultBodyLimit::max(config.body_limit))
        .layer(TimeoutLayer::with_status_code(
            StatusCode::REQUEST_TIMEOUT,
            config.request_timeout.max(Duration::from_millis(1)),
        ))
        .layer(axum::middleware::map_response(bare_errors_as_problems))
        .layer(TraceLayer::new_for_http())
        .with_state(state)
}

/// An error answered without a body by the layers (405 for a method a path does not have,
/// 408 for a request past its time) becomes a problem details answer too.
async fn bare_errors_as_problems(response: axum::response::Response) -> axum::response::Response {
    let status = response.status();
    if (status.is_client_error() || status.is_server_error())
        && !response
            .headers()
            .contains_key(axum::http::header::CONTENT_TYPE)
    {
        let detail = match status {
            StatusCode::METHOD_NOT_ALLOWED => "this path does not take this method",
            StatusCode::REQUEST_TIMEOUT => "the request took longer than the server allows",
            _ => "the request was refused",
        };
        let mut problem = Problem::new(status, detail).into_response();
        // Keep `Allow` and the like.
        for (name, value) in response.headers() {
            problem.headers_mut().entry(name).or_insert(value.clone());
        }
        return problem;
    }
    response
}

/// The caller as the server knows it.
#[derive(Debug, Serialize, ToSchema)]
struct Me {
    name: String,
    /// `viewer`, `editor`, `admin` or `auditor`.
    role: String,
    /// `null` for an auditor (every organisation).
    organisation: Option<String>,
}

/// Who the token belongs to.
#[utoipa::path(get, path = "/api/v1/me", responses(
    (status = 200, body = Me), (status = 401, body = Problem, content_type = "application/problem+json")))]
async fn me(caller: Caller) -> Json<Me> {
    Json(Me {
        name: caller.user.name,
        role: caller.user.role.as_str().to_owned(),
        organisation: caller.user.organisation,
    })
}

/// The part of the estate the caller sees.
async fn estate_of(
    caller: &Caller,
    state: &State,
) -> Result<camsweep_model::estate::Estate, Problem> {
    Ok(browse::estate(&state.register, &caller.scope()).await?)
}

/// A login.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
struct Login {
    name: String,
    password: String,
}

/// A new API token for a user's name and password (no token needed). Five failed logins for
/// a name within 15 minutes and the next are refused with 429, counted in the register.
#[utoipa::path(post, path = "/api/v1/tokens", security(()), request_body = Login,
    responses((status = 201, body = Object, description = "`token` (shown this once), `id`, `user`"),
              (status = 401, body = Problem, content_type = "application/problem+json"),
              (status = 429, body = Problem, content_type = "application/problem+json")))]
async fn login(
    AxumState(state): AxumState<State>,
    body: Result<Json<Login>, JsonRejection>,
) -> Result<(StatusCode, Json<camsweep_app::access::NewToken>), Problem> {
    let Json(login) = body?;
    let token = camsweep_app::access::login(&state.register, &login.name, &login.password).await?;
    Ok((StatusCode::CREATED, Json(token)))
}

/// The organisations the caller sees.
#[utoipa::path(get, path = "/api/v1/organisations", responses(
    (status = 200, body = [Object]), (status = 401, body = Problem, content_type = "application/problem+json")))]
async fn organisations(
    caller: Caller,
    AxumState(state): AxumState<State>,
) -> Answer<Vec<camsweep_model::estate::Organisation>> {
    Ok(Json(estate_of(&caller, &state).await?.organisations))
}

/// The sites the caller sees, with their sensitivity.
#[utoipa::path(get, path = "/api/v1/sites", responses(
    (status = 200, body = [Object]), (status = 401, body = Problem, content_type = "application/problem+json")))]
async fn sites(
    caller: Caller,
    AxumState(state): AxumState<State>,
) -> Answer<Vec<camsweep_model::estate::Site>> {
    Ok(Json(estate_of(&caller, &state).await?.sites))
}

/// The networks the caller sees, with their zone and address ranges.
#[utoipa::path(get, path = "/api/v1/networks", responses(
    (status = 200, body = [Object]), (status = 401, body = Problem, content_type = "application/problem+json")))]
async fn networks(
    caller: Caller,
    AxumState(state): AxumState<State>,
) -> Answer<Vec<camsweep_model::estate::Network>> {
    Ok(Json(estate_of(&caller, &state).await?.networks))
}

/// Devices, a page at a time in a stable order (keyset: pass the page's `next` as `after`).
#[utoipa::path(get, path = "/api/v1/devices",
    params(
        ("limit" = Option<usize>, Query, description = "Devices per page, 1 to 1000 (default 100)"),
        ("after" = Option<String>, Query, description = "The `next` of the previous page"),
        ("organisation" = Option<String>, Query, description = "Organisation id"),
        ("site" = Option<String>, Query, description = "Site id"),
        ("zone" = Option<String>, Query, description = "core, isolated, other, unknown"),
        ("maker" = Option<String>, Query, description = "Manufacturer id, e.g. hikvision"),
        ("covered" = Option<bool>, Query, description = "Maker subject to the PRC NIL or on a list"),
        ("missing" = Option<bool>, Query, description = "Not found by the last scan that covered it"),
        ("q" = Option<String>, Query, description = "Text in the address, MAC, label, maker, brand or model"),
    ),
    responses((status = 200, body = DevicePage),
              (status = 400, body = Problem, content_type = "application/problem+json"),
              (status = 401, body = Problem, content_type = "application/problem+json")))]
async fn devices(
    caller: Caller,
    AxumState(state): AxumState<State>,
    query: QueryPairs,
) -> Answer<DevicePage> {
    let mut p = Params::new(query)?;
    let query = DeviceQuery {
        limit: p.parsed("limit")?.unwrap_or(DEFAULT_PAGE),
        after: p.text("after"),
        covered: p.flag("covered")?,
        filter: DeviceFilter {
            organisation: p.text("organisation"),
            site: p.text("site"),
            zone: p.parsed::<Zone>("zone")?,
            manufacturer: p.text("maker"),
            missing: p.flag("missing")?,
            text: p.text("q"),
        },
    };
    p.finish()?;
    Ok(Json(
        browse::devices(&state.register, &caller.scope(), &query).await?,
    ))
}

/// One device: identification with its evidence, observations, findings, plan, history.
#[utoipa::path(get, path = "/api/v1/devices/{id}",
    params(("id" = String, Path, description = "Device id")),
    responses((status = 200, body = DeviceDetail),
              (status = 404, body = Problem, content_type = "application/problem+json")))]
async fn device(
    caller: Caller,
    AxumState(state): AxumState<State>,
    Path(id): Path<String>,
) -> Answer<DeviceDetail> {
    Ok(Json(
        browse::device(&state.register, &caller.scope(), &id).await?,
    ))
}

/// Findings, oldest first.
#[utoipa::path(get, path = "/api/v1/findings",
    params(
        ("pack" = Option<String>, Query, description = "Policy pack id"),
        ("rule" = Option<String>, Query, description = "Rule id"),
        ("severity" = Option<String>, Query, description = "critical, high, medium, low, info"),
        ("status" = Option<String>, Query, description = "open, waived, resolved (default: all)"),
        ("organisation" = Option<String>, Query, description = "Organisation id"),
        ("site" = Option<String>, Query, description = "Site id"),
        ("device" = Option<String>, Query, description = "Device id"),
        ("maker" = Option<String>, Query, description = "Manufacturer id"),
    ),
    responses((status = 200, body = [Object]),
              (status = 400, body = Problem, content_type = "application/problem+json")))]
async fn findings(
    caller: Caller,
    AxumState(state): AxumState<State>,
    query: QueryPairs,
) -> Answer<Vec<camsweep_register::FindingRecord>> {
    let mut p = Params::new(query)?;
    let filter = FindingFilter {
        pack: p.text("pack"),
        rule: p.text("rule"),
        severity: p.parsed::<Severity>("severity")?,
        organisation: p.text("organisation"),
        site: p.text("site"),
        device: p.text("device"),
        manufacturer: p.text("maker"),
        ..FindingFilter::default()
    };
    let status = p.parsed::<FindingStatus>("status")?;
    p.finish()?;
    Ok(Json(
        browse::findings(&state.register, &caller.scope(), &filter, status).await?,
    ))
}

/// The remediation plan in priority order, each item with its verified state.
#[utoipa::path(get, path = "/api/v1/plan", responses((status = 200, body = [Object])))]
async fn plan(
    caller: Caller,
    AxumState(state): AxumState<State>,
) -> Answer<Vec<camsweep_app::plan::PlanRow>> {
    Ok(Json(
        camsweep_app::plan::list(&state.register, &caller.scope()).await?,
    ))
}

/// One plan item with its history.
#[utoipa::path(get, path = "/api/v1/plan/{id}",
    params(("id" = String, Path, description = "Plan item id")),
    responses((status = 200, body = Object),
              (status = 404, body = Problem, content_type = "application/problem+json")))]
async fn plan_item(
    caller: Caller,
    AxumState(state): AxumState<State>,
    Path(id): Path<String>,
) -> Answer<camsweep_app::plan::PlanItemDetail> {
    Ok(Json(
        camsweep_app::plan::item(&state.register, &caller.scope(), &id).await?,
    ))
}

/// A person's record of progress on one plan item.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
struct PlanStatusChange {
    /// open, scheduled, replaced, removed, waived.
    status: String,
    /// What replaced the device (for `replaced`).
    #[serde(default)]
    replaced_by: Option<String>,
    /// Why, for the history.
    #[serde(default)]
    reason: Option<String>,
}

/// Records progress on a plan item (editors and admins); the history records the caller.
#[utoipa::path(patch, path = "/api/v1/plan/{id}",
    params(("id" = String, Path, description = "Plan item id")),
    request_body = PlanStatusChange,
    responses((status = 200, body = Object),
              (status = 400, body = Problem, content_type = "application/problem+json"),
              (status = 403, body = Problem, content_type = "application/problem+json"),
              (status = 404, body = Problem, content_type = "application/problem+json")))]
async fn patch_plan_item(
    caller: Caller,
    AxumState(state): AxumState<State>,
    Path(id): Path<String>,
    body: Result<Json<PlanStatusChange>, JsonRejection>,
) -> Answer<camsweep_register::PlanItem> {
    caller.require_change()?;
    let Json(change) = body?;
    let mut update = PlanUpdate::from_word("status", &change.status, change.replaced_by)?;
    update.reason = change.reason;
    Ok(Json(
        camsweep_app::plan::update(
            &state.register,
            &caller.scope(),
            &id,
            &update,
            &caller.actor(),
        )
        .await?,
    ))
}

/// The same as `PATCH /api/v1/plan/{id}`, for clients that cannot send PATCH.
#[utoipa::path(post, path = "/api/v1/plan/{id}/status",
    params(("id" = String, Path, description = "Plan item id")),
    request_body = PlanStatusChange,
    responses((status = 200, body = Object),
              (status = 400, body = Problem, content_type = "application/problem+json"),
              (status = 403, body = Problem, content_type = "application/problem+json"),
              (status = 404, body = Problem, content_type = "application/problem+json")))]
async fn post_plan_status(
    caller: Caller,
    state: AxumState<State>,
    id: Path<String>,
    body: Result<Json<PlanStatusChange>, JsonRejection>,
) -> Answer<camsweep_register::PlanItem> {
    patch_plan_item(caller, state, id, body).await
}

/// A proposed deployment, for the gate.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
struct CheckRequest {
    /// Site id.
    site: String,
    /// Network id at that site.
    #[serde(default)]
    network: Option<String>,
    /// At least one of manufacturer, brand and model.
    #[serde(default)]
    manufacturer: Option<String>,
    #[serde(default)]
    brand: Option<String>,
    #[serde(default)]
    model: Option<String>,
    /// Default `ip-camera`.
    #[serde(default)]
    device_type: Option<String>,
    #[serde(default)]
    purpose: Option<String>,
}

/// The deployment gate: may this maker, brand or model be deployed at this site? Answers
/// 200 with `allowed` true or false.
#[utoipa::path(post, path = "/api/v1/check",
    request_body = CheckRequest,
    responses((status = 200, body = Object),
              (status = 400, body = Problem, content_type = "application/problem+json"),
              (status = 404, body = Problem, content_type = "application/problem+json")))]
async fn check(
    caller: Caller,
    AxumState(state): AxumState<State>,
    body: Result<Json<CheckRequest>, JsonRejection>,
) -> Result<impl IntoResponse, Problem> {
    let Json(request) = body?;
    if request.site.trim().is_empty() {
        return Err(AppError::invalid_field("site", "must not be empty").into());
    }
    if request.manufacturer.is_none() && request.brand.is_none() && request.model.is_none() {
        return Err(AppError::invalid_field(
            "manufacturer",
            "give at least one of manufacturer, brand and model",
        )
        .into());
    }
    let estate = estate_of(&caller, &state).await?;
    let request = GateRequest {
        site: request.site,
        network: request.network,
        manufacturer: request.manufacturer,
        brand: request.brand,
        model: request.model,
        device_type: request.device_type.unwrap_or_else(|| "ip-camera".into()),
        purpose: request.purpose,
    };
    let answer = camsweep_app::cpu_bound(|| {
        camsweep_app::gate::check(&request, &estate, &state.engine, &state.policies)
    })?;
    Ok(Json(answer))
}

/// The census answer (`camsweep report --answer`): PRC-NIL equipment per organisation and
/// maker, on sensitive sites, on core networks, removed since a date.
#[utoipa::path(get, path = "/api/v1/answer",
    params(("since" = Option<String>, Query, description = "Count removals on or after this date (YYYY-MM-DD)")),
    responses((status = 200, body = Object),
              (status = 400, body = Problem, content_type = "application/problem+json")))]
async fn answer(
    caller: Caller,
    AxumState(state): AxumState<State>,
    query: QueryPairs,
) -> Answer<camsweep_report::Answer> {
    let mut p = Params::new(query)?;
    let since = p
        .text("since")
        .map(|d| {
            camsweep_app::report_data::parse_date(&d)
                .map_err(|e| AppError::invalid_field("since", e.to_string()))
        })
        .transpose()?;
    p.finish()?;
    Ok(Json(
        browse::answer(
            &state.register,
            state.kb,
            &state.policies,
            &caller.scope(),
            since,
        )
        .await?,
    ))
}
