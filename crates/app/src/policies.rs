//! The policy packs an operation applies: the built-in ones, plus user packs from a directory
//! (`--policies` / `CAMSWEEP_POLICIES`), the same set for every command.

use std::path::Path;

use camsweep_policy::PolicySet;

use crate::AppError;

pub fn load(user_dir: Option<&Path>) -> Result<PolicySet, AppError> {
    let set = PolicySet::builtin()?;
    Ok(match user_dir {
        Some(dir) => set.with_dir(dir)?,
        None => set,
    })
}
