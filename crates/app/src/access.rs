//! Who may use `camsweep serve`: users (argon2 password hashes), API tokens (shown once, kept
//! as SHA-256 hashes, revocable) and the token check every request passes.

use argon2::Argon2;
use argon2::password_hash::{PasswordHasher as _, PasswordVerifier as _, phc::PasswordHash};
use base64::Engine as _;
use camsweep_model::Role;
use camsweep_register::{Register, RegisterError, TokenRecord, UserRecord};
use serde::Serialize;
use sha2::Digest as _;

use crate::{AppError, cpu_bound};

/// Every token starts so, which makes a leaked one easy to recognise (secret scanners).
pub const TOKEN_PREFIX: &str = "csw_";

/// The shortest password `user add` accepts.
pub const MIN_PASSWORD_CHARS: usize = 12;

/// Adds a user of organisation `organisation` (none for an auditor), its password hashed with
/// argon2id.
pub async fn add_user(
    register: &Register,
    name: &str,
    organisation: Option<&str>,
    role: Role,
    password: &str,
) -> Result<UserRecord, AppError> {
    let password = password.trim_end_matches(['\r', '\n']);
    if password.chars().count() < MIN_PASSWORD_CHARS {
        return Err(AppError::invalid_field(
            "password",
            format!("give at least {MIN_PASSWORD_CHARS} characters"),
        ));
    }
    let hash = cpu_bound(|| Argon2::default().hash_password(password.as_bytes()))
        .map_err(|e| AppError::internal(format!("hashing the password: {e}")))?
        .to_string();
    Ok(register.add_user(name, organisation, role, &hash).await?)
}

/// A token as created: the secret itself, shown this once.
#[derive(Debug, Clone, Serialize)]
pub struct NewToken {
    pub token: String,
    #[serde(flatten)]
    pub record: TokenRecord,
}

/// Creates an API token for user `user`.
pub async fn create_token(register: &Register, user: &str) -> Result<NewToken, AppError> {
    let secret: [u8; 32] = rand::random();
    let token = format!(
        "{TOKEN_PREFIX}{}",
        base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(secret)
    );
    let record = register
        .add_token(user, &token_hash(&token))
        .await
        .map_err(|e| match e {
            RegisterError::NotFound { .. } => AppError::not_found(format!(
                "no user {user:?} (add one with `camsweep user add`)"
            )),
            other => AppError::Store(other),
        })?;
    Ok(NewToken { token, record })
}

/// Failed logins for one name within [`LOGIN_WINDOW`] before the next is refused.
pub const MAX_LOGIN_FAILURES: i64 = 5;

/// The window over which failed logins count.
pub const LOGIN_WINDOW: time::Duration = time::Duration::minutes(15);

/// A login: user `name` with its password gets a new API token. After
/// [`MAX_LOGIN_FAILURES`] failures for that name within [`LOGIN_WINDOW`] every attempt is
/// refused until the oldest ages out, the right password too (the failures are counted in the
/// register, so every replica refuses alike). An unknown name and a wrong password are
/// answered alike, and both cost a hash verification.
pub async fn login(register: &Register, name: &str, password: &str) -> Result<NewToken, AppError> {
    let now = time::OffsetDateTime::now_utc();
    let since = rfc3339(now - LOGIN_WINDOW);
    if register.login_failures_since(name, &since).await? >= MAX_LOGIN_FAILURES {
        return Err(AppError::TooManyAttempts {
            message: format!(
                "too many failed logins for {name:?} in the last {} minutes; try again later",
                LOGIN_WINDOW.whole_minutes()
            ),
        });
    }
    let stored = register.user_with_password(name).await?;
    // An unknown name is checked against a hash of nothing, so that it takes as long.
    let hash = stored
        .as_ref()
        .map_or_else(|| UNKNOWN_USER_HASH.to_owned(), |(_, h)| h.clone());
    let verified = cpu_bound(|| {
        PasswordHash::new(&hash).is_ok_and(|h| {
            Argon2::default()
                .verify_password(password.as_bytes(), &h)
                .is_ok()
        })
    });
    match stored {
        Some((user, _)) if verified => create_token(register, &user.name).await,
        _ => {
            register.record_login_failure(name, &rfc3339(now)).await?;
            Err(AppError::Unauthenticated {
                message: "the name or the password is wrong".into(),
            })
        }
    }
}

/// An argon2id hash (default parameters) that no password given here matches in practice.
const UNKNOWN_USER_HASH: &str = "$argon2id$v=19$m=19456,t=2,p=1$c29tZXNhbHRzb21lc2FsdA$Jm3wNsVGn2TfWG2GcR5pSkLdTc7RkyVLgdmYgmyvD3Y";

/// UTC, fixed width (microseconds), so that text order is time order, as the register writes.
fn rfc3339(at: time::OffsetDateTime) -> String {
    let fmt = time::macros::format_description!(
        "[year]-[month]-[day]T[hour]:[minute]:[second].[subsecond digits:6]Z"
    );
    at.to_offset(time::UtcOffset::UTC)
        .format(&fmt)
        .unwrap_or_default()
}

/// Revokes token `id`: from then on it authenticates no one.
pub async fn revoke_token(register: &Register, id: &str) -> Result<TokenRecord, AppError> {
    register.revoke_token(id).await.map_err(|e| match e {
        RegisterError::NotFound { .. } => AppError::not_found(format!("no token {id:?}")),
        other => AppError::Store(other),
    })
}

/// The user a bearer token belongs to. A token is 32 random bytes, so one SHA-256 (not a
/// slow password hash) is what it takes to look it up without keeping it.
pub async fn authenticate(register: &Register, token: &str) -> Result<UserRecord, AppError> {
    register
        .token_user(&token_hash(token))
        .await?
        .ok_or_else(|| AppError::Unauthenticated {
            message: "the token is unknown or revoked".into(),
        })
}

/// The SHA-256 of a token, hex: what the register keeps.
fn token_hash(token: &str) -> String {
    sha2::Sha256::digest(token.as_bytes())
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_unknown_users_hash_is_a_hash_no_password_matches() {
        use argon2::password_hash::PasswordVerifier as _;
        let hash = argon2::password_hash::phc::PasswordHash::new(super::UNKNOWN_USER_HASH)
            .expect("a PHC string");
        assert!(
            argon2::Argon2::default()
                .verify_password(b"", &hash)
                .is_err()
        );
        let t = time::macros::datetime!(2026-12-03 18:00:00 UTC);
        assert_eq!(super::rfc3339(t), "2026-12-03T18:00:00.000000Z");
    }

    #[test]
    fn tokens_hash_to_64_hex_digits() {
        let h = super::token_hash("csw_x");
        assert_eq!(h.len(), 64);
        assert!(h.chars().all(|c| c.is_ascii_hexdigit()));
        assert_ne!(h, super::token_hash("csw_y"));
    }
}
