//! Credentials for authenticated reads (`--credentials FILE`).
//!
//! ```toml
//! [[credentials]]
//! scope = "192.0.2.0/24"     # an address or a CIDR
//! username = "inventory"
//! password = "..."
//! ```
//! The most specific scope that contains an address wins. One credential per address is ever
//! tried, once per request: the scanner never guesses passwords.

use std::fmt;
use std::net::IpAddr;
use std::path::Path;

use ipnet::IpNet;
use serde::Deserialize;

use crate::error::CredentialsError;

/// A username and password for one scope.
#[derive(Clone, PartialEq, Eq)]
pub struct Credential {
    pub scope: IpNet,
    pub username: String,
    pub password: String,
}

impl fmt::Debug for Credential {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        // Never print a password, even in debug output.
        f.debug_struct("Credential")
            .field("scope", &self.scope)
            .field("username", &self.username)
            .field("password", &"<redacted>")
            .finish()
    }
}

/// All credentials of a scan.
#[derive(Debug, Clone, Default)]
pub struct Credentials {
    entries: Vec<Credential>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct File {
    #[serde(default)]
    credentials: Vec<Entry>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Entry {
    scope: String,
    username: String,
    password: String,
}

impl Credentials {
    pub fn load(path: &Path) -> Result<Self, CredentialsError> {
        let text = std::fs::read_to_string(path).map_err(|source| CredentialsError::Read {
            path: path.to_owned(),
            source,
        })?;
        Self::parse(&text, path)
    }

    pub fn parse(text: &str, path: &Path) -> Result<Self, CredentialsError> {
        let file: File = toml::from_str(text).map_err(|e| CredentialsError::Syntax {
            path: path.to_owned(),
            message: e.to_string(),
        })?;
        let mut entries = Vec::new();
        for (index, e) in file.credentials.into_iter().enumerate() {
            let scope = e
                .scope
                .parse::<IpNet>()
                .or_else(|_| e.scope.parse::<IpAddr>().map(IpNet::from))
                .map_err(|_| CredentialsError::Scope {
                    path: path.to_owned(),
                    index: index + 1,
                    scope: e.scope.clone(),
                })?;
            entries.push(Credential {
                scope,
                username: e.username,
                password: e.password,
            });
        }
        Ok(Self { entries })
    }

    /// The credential for `addr`: the most specific scope containing it.
    pub fn for_address(&self, addr: IpAddr) -> Option<&Credential> {
        self.entries
            .iter()
            .filter(|c| c.scope.contains(&addr))
            .max_by_key(|c| c.scope.prefix_len())
    }

    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn most_specific_scope_wins_and_passwords_are_not_printed() {
        let text = r#"
            [[credentials]]
            scope = "127.0.0.0/16"
            username = "wide"
            password = "pw1"
            [[credentials]]
            scope = "127.0.3.4"
            username = "narrow"
            password = "pw2"
        "#;
        let c = Credentials::parse(text, Path::new("c.toml")).unwrap();
        let hit = c.for_address("127.0.3.4".parse().unwrap()).unwrap();
        assert_eq!(hit.username, "narrow");
        assert_eq!(
            c.for_address("127.0.9.9".parse().unwrap())
                .unwrap()
                .username,
            "wide"
        );
        assert!(c.for_address("10.0.0.1".parse().unwrap()).is_none());
        assert!(!format!("{c:?}").contains("pw"));
    }

    #[test]
    fn errors_name_the_file_and_entry() {
        let err = Credentials::parse(
            "[[credentials]]\nscope = \"nope\"\nusername = \"a\"\npassword = \"b\"\n",
            Path::new("c.toml"),
        )
        .unwrap_err()
        .to_string();
        assert!(err.contains("c.toml") && err.contains("entry 1"), "{err}");
        let err = Credentials::parse("[[credentials]]\nscope = 1\n", Path::new("c.toml"))
            .unwrap_err()
            .to_string();
        assert!(err.contains("c.toml"), "{err}");
    }
}
