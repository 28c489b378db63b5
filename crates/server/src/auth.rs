//! Who is asking: `Authorization: Bearer TOKEN` to the user the token belongs to (unknown or
//! revoked: 401), with what the user may read ([`Caller::scope`]) and change
//! ([`Caller::require_change`]).

use axum::extract::FromRequestParts;
use axum::http::header;
use axum::http::request::Parts;
use camsweep_app::AppError;
use camsweep_register::{Scope, UserRecord};

use crate::State;
use crate::problem::Problem;

/// The authenticated caller of a request.
#[derive(Debug, Clone)]
pub struct Caller {
    pub user: UserRecord,
}

impl Caller {
    /// What the caller may read: its organisation, or everything for an auditor.
    pub fn scope(&self) -> Scope {
        self.user.scope()
    }

    /// Refuses (403) a caller whose role records no changes.
    pub fn require_change(&self) -> Result<(), Problem> {
        if self.user.role.may_change() {
            Ok(())
        } else {
            Err(AppError::Forbidden {
                message: format!(
                    "a {} may read but not change; an editor or admin may",
                    self.user.role
                ),
            }
            .into())
        }
    }

    /// The actor the history records for this caller's changes.
    pub fn actor(&self) -> String {
        self.user.name.clone()
    }
}

impl FromRequestParts<State> for Caller {
    type Rejection = Problem;

    async fn from_request_parts(parts: &mut Parts, state: &State) -> Result<Self, Problem> {
        let unauthenticated = |message: &str| -> Problem {
            AppError::Unauthenticated {
                message: message.to_owned(),
            }
            .into()
        };
        let value = parts
            .headers
            .get(header::AUTHORIZATION)
            .ok_or_else(|| unauthenticated("give an API token: Authorization: Bearer TOKEN"))?;
        let token = value
            .to_str()
            .ok()
            // The scheme is case-insensitive (RFC 9110, section 11.1).
            .and_then(|v| v.split_once(' '))
            .filter(|(scheme, _)| scheme.eq_ignore_ascii_case("bearer"))
            .map(|(_, token)| token.trim())
            .filter(|t| !t.is_empty())
            .ok_or_else(|| unauthenticated("the Authorization header is not `Bearer TOKEN`"))?;
        let user = camsweep_app::access::authenticate(&state.register, token).await?;
        Ok(Caller { user })
    }
}
