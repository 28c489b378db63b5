//! Estate import: an estate file validated against the packs in force, and applied in one
//! transaction. An import that would delete sites or networks still holding devices says which
//! and needs `allow_removals`: those devices would become unplaced and their findings change.

use std::path::Path;

use camsweep_policy::PolicySet;
use camsweep_register::{Estate, EstateChange, Register};

use crate::AppError;

/// Reads, parses and validates the estate file `path` (see [`parse`]).
pub fn read(path: &Path, policies: &PolicySet) -> Result<Estate, AppError> {
    let text = std::fs::read_to_string(path).map_err(|source| AppError::Read {
        path: path.to_owned(),
        source,
    })?;
    parse(&text, &path.display().to_string(), policies)
}

/// Parses and validates an estate file's text (every problem at once, with file:line).
pub fn parse(text: &str, file: &str, policies: &PolicySet) -> Result<Estate, AppError> {
    let packs: Vec<String> = policies.packs().iter().map(|p| p.id.clone()).collect();
    Ok(Estate::parse(text, file, Some(&packs)).map_err(camsweep_register::RegisterError::from)?)
}

/// Applies `estate` in one transaction. Unless `allow_removals`, an estate that would delete
/// sites or networks still holding devices is refused with their list (checked inside the
/// import's transaction), and nothing changes.
pub async fn import(
    register: &Register,
    estate: &Estate,
    actor: &str,
    allow_removals: bool,
) -> Result<EstateChange, AppError> {
    Ok(register.apply_estate(estate, actor, allow_removals).await?)
}
