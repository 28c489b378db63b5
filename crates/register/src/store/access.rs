//! Users of `camsweep serve` and their API tokens (stored as SHA-256 hashes, revocable).

use camsweep_model::Role;
use sqlx::Executor;

use super::backend::{Backend, Column};
use super::base::*;
use crate::error::{QueryContext, RegisterError};
use crate::store::{new_id, now_rfc3339};
use crate::types::*;

impl<B: Backend> Store<B>
where
    for<'c> &'c mut B::Connection: Executor<'c, Database = B>,
    String: Column<B>,
    Option<String>: Column<B>,
    i64: Column<B>,
    Option<i64>: Column<B>,
    bool: Column<B>,
    f64: Column<B>,
    for<'q> &'q str: sqlx::Encode<'q, B> + sqlx::Type<B>,
    for<'r> &'r str: sqlx::ColumnIndex<B::Row>,
    usize: sqlx::ColumnIndex<B::Row>,
{
    /// Adds a user. A viewer, editor or admin needs an organisation of the estate; an auditor
    /// has none.
    pub async fn add_user(
        &self,
        name: &str,
        organisation: Option<&str>,
        role: Role,
        password_hash: &str,
    ) -> Result<UserRecord, RegisterError> {
        let invalid = |field: &str, message: String| RegisterError::Invalid {
            field: field.to_owned(),
            message,
        };
        if name.trim().is_empty() || name.chars().any(char::is_control) {
            return Err(invalid(
                "name",
                format!("{name:?}: give a name without control characters"),
            ));
        }
        let mut tx = self.begin().await?;
        match (role.cross_organisation(), organisation) {
            (true, Some(_)) => {
                return Err(invalid(
                    "organisation",
                    "an auditor reads every organisation: give no --org".into(),
                ));
            }
            (false, None) => {
                return Err(invalid(
                    "organisation",
                    format!("a {role} belongs to one organisation: give --org"),
                ));
            }
            (false, Some(org)) => {
                let known: Option<String> =
                    sqlx::query_scalar("SELECT id FROM organisations WHERE id = $1")
                        .bind(org)
                        .fetch_optional(&mut *tx)
                        .await
                        .during("looking up the organisation")?;
                if known.is_none() {
                    return Err(invalid(
                        "organisation",
                        format!("{org:?} is not an organisation of the estate"),
                    ));
                }
            }
            (true, None) => {}
        }
        let user = UserRecord {
            id: new_id(),
            name: name.to_owned(),
            organisation: organisation.map(str::to_owned),
            role,
            created_at: now_rfc3339(),
        };
        let inserted = sqlx::query(
            "INSERT INTO users (id, name, organisation_id, role, password_hash, created_at)
             VALUES ($1, $2, $3, $4, $5, $6)",
        )
        .bind(&user.id)
        .bind(&user.name)
        .bind(&user.organisation)
        .bind(role.as_str())
        .bind(password_hash)
        .bind(&user.created_at)
        .execute(&mut *tx)
        .await;
        match inserted {
            Err(sqlx::Error::Database(e)) if e.is_unique_violation() => {
                return Err(invalid("name", format!("a user {name:?} exists already")));
            }
            other => {
                other.during("adding a user")?;
            }
        }
        tx.commit().await.during("committing a user")?;
        Ok(user)
    }

    pub async fn user(&self, name: &str) -> Result<Option<UserRecord>, RegisterError> {
        let row: Option<UserRow> = sqlx::query_as(
            "SELECT id, name, organisation_id, role, created_at FROM users WHERE name = $1",
        )
        .bind(name)
        .fetch_optional(&self.pool)
        .await
        .during("reading a user")?;
        row.map(UserRow::into_record).transpose()
    }

    /// A user and its password hash (for a login).
    pub async fn user_with_password(
        &self,
        name: &str,
    ) -> Result<Option<(UserRecord, String)>, RegisterError> {
        let row: Option<(String, String)> =
            sqlx::query_as("SELECT id, password_hash FROM users WHERE name = $1")
                .bind(name)
                .fetch_optional(&self.pool)
                .await
                .during("reading a user's password hash")?;
        let Some((_, hash)) = row else {
            return Ok(None);
        };
        Ok(self.user(name).await?.map(|user| (user, hash)))
    }

    /// Records a failed login for `name` (known or not) at `at` (RFC 3339).
    pub async fn record_login_failure(&self, name: &str, at: &str) -> Result<(), RegisterError> {
        sqlx::query("INSERT INTO login_failures (id, user_name, at) VALUES ($1, $2, $3)")
            .bind(new_id())
            .bind(name)
            .bind(at)
            .execute(&self.pool)
            .await
            .during("recording a failed login")?;
        Ok(())
    }

    /// How many logins for `name` failed at or after `since` (RFC 3339).
    pub async fn login_failures_since(
        &self,
        name: &str,
        since: &str,
    ) -> Result<i64, RegisterError> {
        let (n,): (i64,) =
            sqlx::query_as("SELECT COUNT(*) FROM login_failures WHERE user_name = $1 AND at >= $2")
                .bind(name)
                .bind(since)
                .fetch_one(&self.pool)
                .await
                .during("counting failed logins")?;
        Ok(n)
    }

    pub async fn add_token(
        &self,
        user: &str,
        token_hash: &str,
    ) -> Result<TokenRecord, RegisterError> {
        let Some(owner) = self.user(user).await? else {
            return Err(RegisterError::NotFound {
                what: "user",
                id: user.to_owned(),
            });
        };
        let token = TokenRecord {
            id: new_id(),
            user: owner.name,
            created_at: now_rfc3339(),
            revoked_at: None,
        };
        sqlx::query(
            "INSERT INTO api_tokens (id, user_id, token_hash, created_at) VALUES ($1, $2, $3, $4)",
        )
        .bind(&token.id)
        .bind(&owner.id)
        .bind(token_hash)
        .bind(&token.created_at)
        .execute(&self.pool)
        .await
        .during("storing a token")?;
        Ok(token)
    }

    pub async fn revoke_token(&self, id: &str) -> Result<TokenRecord, RegisterError> {
        let mut tx = self.begin().await?;
        sqlx::query("UPDATE api_tokens SET revoked_at = $2 WHERE id = $1 AND revoked_at IS NULL")
            .bind(id)
            .bind(now_rfc3339())
            .execute(&mut *tx)
            .await
            .during("revoking a token")?;
        let row: Option<TokenRow> = sqlx::query_as(
            "SELECT t.id, u.name, t.created_at, t.revoked_at
             FROM api_tokens t JOIN users u ON u.id = t.user_id WHERE t.id = $1",
        )
        .bind(id)
        .fetch_optional(&mut *tx)
        .await
        .during("reading a token")?;
        let Some(row) = row else {
            return Err(RegisterError::NotFound {
                what: "token",
                id: id.to_owned(),
            });
        };
        tx.commit().await.during("committing a revocation")?;
        Ok(TokenRecord {
            id: row.id,
            user: row.name,
            created_at: row.created_at,
            revoked_at: row.revoked_at,
        })
    }

    pub async fn token_user(&self, token_hash: &str) -> Result<Option<UserRecord>, RegisterError> {
        let row: Option<UserRow> = sqlx::query_as(
            "SELECT u.id, u.name, u.organisation_id, u.role, u.created_at
             FROM api_tokens t JOIN users u ON u.id = t.user_id
             WHERE t.token_hash = $1 AND t.revoked_at IS NULL",
        )
        .bind(token_hash)
        .fetch_optional(&self.pool)
        .await
        .during("looking up a token")?;
        row.map(UserRow::into_record).transpose()
    }
}

#[derive(sqlx::FromRow)]
struct UserRow {
    id: String,
    name: String,
    organisation_id: Option<String>,
    role: String,
    created_at: String,
}

impl UserRow {
    fn into_record(self) -> Result<UserRecord, RegisterError> {
        let role = self
            .role
            .parse()
            .map_err(
                |e: camsweep_model::UnknownValue| RegisterError::CorruptRow {
                    table: "users",
                    id: self.id.clone(),
                    field: "role",
                    message: e.to_string(),
                },
            )?;
        Ok(UserRecord {
            id: self.id,
            name: self.name,
            organisation: self.organisation_id,
            role,
            created_at: self.created_at,
        })
    }
}

#[derive(sqlx::FromRow)]
struct TokenRow {
    id: String,
    name: String,
    created_at: String,
    revoked_at: Option<String>,
}
