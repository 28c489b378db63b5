//! Waivers: a finding accepted as a time-limited exception.

use camsweep_register::{Register, Waiver};

use crate::AppError;

/// Records a waiver until `until` (a `YYYY-MM-DD` day, today or later).
pub async fn waive(
    register: &Register,
    finding: &str,
    until: &str,
    reason: &str,
    by: &str,
    today: &str,
) -> Result<Waiver, AppError> {
    let day = crate::report_data::parse_date(until)
        .map_err(|_| AppError::invalid(format!("--until {until:?} is not a date (YYYY-MM-DD)")))?;
    let now = crate::report_data::parse_date(today)?;
    if day < now {
        return Err(AppError::invalid(format!(
            "--until {until} is in the past (today is {today}): a waiver must end today or later"
        )));
    }
    if reason.trim().is_empty() || by.trim().is_empty() {
        return Err(AppError::invalid(
            "a waiver needs a reason and who accepts it",
        ));
    }
    Ok(register.waive(finding, until, reason, by).await?)
}
