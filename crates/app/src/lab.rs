//! The lab as `camsweep lab` serves it: the estate from a spec file or generated (loopback by
//! default, a private range inside the lab's network namespaces with `netns`), started, and
//! its ground truth written out. Serving until a stop signal is the caller's.

use std::path::{Path, PathBuf};

use camsweep_lab::{GenerateOptions, IpNet, Lab, LabOptions, LabSpec, ListenMode, Mix};

use crate::AppError;

/// The generated estate's range on loopback (127.0.0.1 is never used).
pub const LOOPBACK_RANGE: &str = "127.77.0.0/16";

/// Which estate the lab serves.
#[derive(Debug, Clone)]
pub enum LabSource {
    /// The devices of a TOML spec.
    File(PathBuf),
    /// A generated estate (same seed, same estate); `range` defaults by where it serves.
    Generate {
        devices: usize,
        seed: u64,
        range: Option<String>,
        mix: Mix,
    },
}

/// The spec to serve, and a description of where it comes from (the file, or the range).
pub fn spec(source: &LabSource, netns: bool) -> Result<(LabSpec, String), AppError> {
    match source {
        LabSource::File(path) => Ok((
            LabSpec::from_file(path).map_err(AppError::lab("loading the lab"))?,
            format!("spec {}", path.display()),
        )),
        LabSource::Generate {
            devices,
            seed,
            range,
            mix,
        } => {
            let text = match (range, netns) {
                (Some(range), _) => range.as_str(),
                (None, true) => camsweep_lab::netns::DEFAULT_RANGE,
                (None, false) => LOOPBACK_RANGE,
            };
            let range: IpNet = text.parse().map_err(|e| {
                AppError::invalid(format!("--range {text:?} is not a CIDR range: {e}"))
            })?;
            let options = GenerateOptions {
                devices: *devices,
                seed: *seed,
                range,
                mix: *mix,
            };
            let spec =
                camsweep_lab::generate(&options).map_err(AppError::lab("building the lab"))?;
            Ok((spec, range.to_string()))
        }
    }
}

/// Starts the lab (in the network namespace `netns`, when given) and, with `truth`, writes
/// what it serves there (a JSON array of records).
pub async fn start(
    spec: LabSpec,
    mode: ListenMode,
    netns: Option<String>,
    truth: Option<&Path>,
) -> Result<Lab, AppError> {
    let options = LabOptions {
        mode,
        netns,
        ..LabOptions::default()
    };
    let lab = Lab::start(spec, options)
        .await
        .map_err(AppError::lab("starting the lab"))?;
    if let Some(path) = truth {
        let json = serde_json::to_vec_pretty(lab.truth())
            .map_err(|e| AppError::internal(format!("the lab's truth as JSON: {e}")))?;
        if let Err(e) = std::fs::write(path, json) {
            lab.shutdown().await;
            return Err(AppError::io(format!(
                "writing the truth file {}",
                path.display()
            ))(e));
        }
    }
    Ok(lab)
}
