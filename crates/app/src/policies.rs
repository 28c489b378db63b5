//! The policy packs an operation applies: the built-in ones, plus user packs from a directory
//! (`--policies` / `CAMSWEEP_POLICIES`), the same set for every command; and the evaluation of
//! device contexts from a file (`camsweep policy eval`).

use std::path::Path;

use camsweep_policy::{DeviceContext, FindingDraft, PolicySet};
use serde::Serialize;

use crate::AppError;

pub fn load(user_dir: Option<&Path>) -> Result<PolicySet, AppError> {
    let set = PolicySet::builtin()?;
    Ok(match user_dir {
        Some(dir) => set.with_dir(dir)?,
        None => set,
    })
}

/// One device context evaluated by `camsweep policy eval` (a pack author's tool).
#[derive(Debug, Serialize)]
pub struct Evaluated {
    pub device: String,
    /// As the deployment gate: whether the deployment is allowed.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub allowed: Option<bool>,
    /// The findings, or as the gate the reasons for its decision.
    pub findings: Vec<FindingDraft>,
}

/// Reads a JSON file holding one `DeviceContext` or an array of them.
pub fn read_contexts(path: &Path) -> Result<Vec<DeviceContext>, AppError> {
    let text = std::fs::read_to_string(path).map_err(|source| AppError::Read {
        path: path.to_owned(),
        source,
    })?;
    let file = path.display();
    let value: serde_json::Value = serde_json::from_str(&text)
        .map_err(|e| AppError::invalid(format!("{file}: not JSON: {e}")))?;
    match value {
        serde_json::Value::Array(items) => items
            .into_iter()
            .enumerate()
            .map(|(index, item)| {
                serde_json::from_value(item).map_err(|e| {
                    AppError::invalid(format!(
                        "{file}: element {index} is not a DeviceContext: {e}"
                    ))
                })
            })
            .collect(),
        single => Ok(vec![serde_json::from_value(single).map_err(|e| {
            AppError::invalid(format!("{file}: not a DeviceContext: {e}"))
        })?]),
    }
}

/// Evaluates each context with `packs` (empty: the organisation's, else all), or answers as
/// the deployment gate for a hypothetical new deployment when `gate`.
pub fn evaluate_contexts(
    set: &PolicySet,
    contexts: &[DeviceContext],
    packs: &[String],
    gate: bool,
) -> Result<Vec<Evaluated>, AppError> {
    contexts
        .iter()
        .map(|ctx| {
            let (allowed, findings) = if gate {
                let decision = set.check(ctx, packs)?;
                (Some(decision.allowed), decision.reasons)
            } else {
                (None, set.evaluate(ctx, packs)?)
            };
            Ok(Evaluated {
                device: ctx.device.id.clone(),
                allowed,
                findings,
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_contexts_file_that_is_not_json_or_not_contexts_names_the_file_and_element() {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("ctx.json");
        std::fs::write(&path, "{not json").expect("write");
        let err = read_contexts(&path).unwrap_err();
        assert!(err.to_string().contains("ctx.json: not JSON"), "{err}");
        std::fs::write(&path, "[{\"device\": 5}]").expect("write");
        let err = read_contexts(&path).unwrap_err();
        assert!(
            err.to_string()
                .contains("ctx.json: element 0 is not a DeviceContext"),
            "{err}"
        );
        assert_eq!(err.category(), crate::Category::InvalidInput);
        let err = read_contexts(&dir.path().join("none.json")).unwrap_err();
        assert_eq!(err.category(), crate::Category::NotFound, "{err}");
    }
}
