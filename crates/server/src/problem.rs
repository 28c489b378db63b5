//! RFC 9457 problem details: every error the API answers with, `application/problem+json`.
//! [`Problem::from_app`] is the one place where `app`'s error categories become HTTP statuses
//! (through `Category::http_status`).

use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use camsweep_app::error::causes_once;
use camsweep_app::{AppError, Category};
use serde::Serialize;

pub const CONTENT_TYPE: &str = "application/problem+json";

/// A problem details object.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct Problem {
    /// Always `about:blank`: the status says what kind of problem.
    #[serde(rename = "type")]
    pub kind: String,
    /// The status's reason phrase.
    pub title: String,
    pub status: u16,
    /// What went wrong, in words (each cause once).
    pub detail: String,
    /// The request field (query parameter or JSON member) at fault, for a 400.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub field: Option<String>,
}

impl Problem {
    pub fn new(status: StatusCode, detail: impl Into<String>) -> Self {
        Self {
            kind: "about:blank".into(),
            title: status.canonical_reason().unwrap_or("Error").to_owned(),
            status: status.as_u16(),
            detail: detail.into(),
            field: None,
        }
    }

    /// The problem an `app` error is: its category's status, its causes as the detail (an
    /// internal fault is logged and answered without its details), the field it names.
    pub fn from_app(err: &AppError) -> Self {
        let category = err.category();
        let status = StatusCode::from_u16(category.http_status())
            .unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
        let detail = if category == Category::Internal {
            tracing::error!(error = %causes_once(err), "internal error");
            "an internal error; the server's log has its details".to_owned()
        } else {
            causes_once(err)
        };
        Self {
            field: err.field().map(str::to_owned),
            ..Self::new(status, detail)
        }
    }
}

impl From<AppError> for Problem {
    fn from(err: AppError) -> Self {
        Self::from_app(&err)
    }
}

impl IntoResponse for Problem {
    fn into_response(self) -> Response {
        let status = StatusCode::from_u16(self.status).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
        let body = serde_json::to_vec(&self).unwrap_or_default();
        let mut response = (status, body).into_response();
        response
            .headers_mut()
            .insert(header::CONTENT_TYPE, HeaderValue::from_static(CONTENT_TYPE));
        if status == StatusCode::UNAUTHORIZED {
            response
                .headers_mut()
                .insert(header::WWW_AUTHENTICATE, HeaderValue::from_static("Bearer"));
        }
        response
    }
}

/// A rejected JSON body: its status (400, 413, 415, 422 as axum decides) as a problem.
impl From<axum::extract::rejection::JsonRejection> for Problem {
    fn from(rejection: axum::extract::rejection::JsonRejection) -> Self {
        let status = rejection.status();
        let detail = rejection.body_text();
        // serde names the member: "Failed to deserialize the JSON body into the target type:
        // site: invalid type ..." or "missing field `site`".
        let field = field_in(&detail);
        let status = if status == StatusCode::UNPROCESSABLE_ENTITY {
            StatusCode::BAD_REQUEST
        } else {
            status
        };
        Self {
            field,
            ..Self::new(status, detail)
        }
    }
}

/// The member a serde error message names, when it does.
fn field_in(detail: &str) -> Option<String> {
    let quoted = |text: &str| {
        text.split('`')
            .nth(1)
            .map(str::to_owned)
            .filter(|f| !f.is_empty())
    };
    if let Some(rest) = detail.split("missing field ").nth(1) {
        return quoted(rest);
    }
    if let Some(rest) = detail.split("unknown field ").nth(1) {
        return quoted(rest);
    }
    let after = detail.split("target type: ").nth(1)?;
    let (path, _) = after.split_once(": ")?;
    (!path.contains(' ')).then(|| path.to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn serde_messages_name_their_field() {
        assert_eq!(
            field_in("Failed to deserialize the JSON body into the target type: missing field `site` at line 1 column 2").as_deref(),
            Some("site")
        );
        assert_eq!(
            field_in("Failed to deserialize the JSON body into the target type: status: invalid type: integer `3`, expected a string at line 1 column 12").as_deref(),
            Some("status")
        );
        assert_eq!(
            field_in("Failed to deserialize the JSON body into the target type: unknown field `sight`, expected one of ...").as_deref(),
            Some("sight")
        );
        assert_eq!(
            field_in("Expected request with `Content-Type: application/json`"),
            None
        );
    }

    #[test]
    fn categories_become_statuses() {
        let p = Problem::from_app(&AppError::invalid_field("limit", "0: give 1 to 1000"));
        assert_eq!((p.status, p.field.as_deref()), (400, Some("limit")));
        assert_eq!(
            Problem::from_app(&AppError::not_found("no device")).status,
            404
        );
        let p = Problem::from_app(&AppError::internal("secret path /x"));
        assert_eq!(p.status, 500);
        assert!(!p.detail.contains("/x"));
    }
}
