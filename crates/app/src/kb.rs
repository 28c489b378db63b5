//! The knowledge base an operation uses: the embedded one, or a directory that replaces it.

use std::path::Path;

use camsweep_kb::KnowledgeBase;

use crate::AppError;

/// Loads the knowledge base from `dir`, or the embedded one.
pub fn load(dir: Option<&Path>) -> Result<KnowledgeBase, AppError> {
    Ok(match dir {
        Some(dir) => KnowledgeBase::from_dir(dir)?,
        None => KnowledgeBase::embedded()?,
    })
}
