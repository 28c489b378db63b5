//! Who may use `camsweep serve`: users (argon2 password hashes), API tokens (shown once, kept
//! as SHA-256 hashes, revocable) and the token check every request passes.

use argon2::Argon2;
use argon2::password_hash::PasswordHasher as _;
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
    fn tokens_hash_to_64_hex_digits() {
        let h = super::token_hash("csw_x");
        assert_eq!(h.len(), 64);
        assert!(h.chars().all(|c| c.is_ascii_hexdigit()));
        assert_ne!(h, super::token_hash("csw_y"));
    }
}
