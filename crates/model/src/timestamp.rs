//! Timestamps: one type and one text form (RFC 3339, UTC, microseconds) for the register, scan
//! documents and reports.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Deserializer, Serialize, Serializer};
use time::OffsetDateTime;
use time::format_description::well_known::Rfc3339;

/// A moment, in UTC.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Timestamp(OffsetDateTime);

/// Text that is not an RFC 3339 timestamp.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{0:?} is not a timestamp (expected RFC 3339, e.g. 2026-12-03T12:00:00Z)")]
pub struct TimestampError(pub String);

/// The earliest moment a scan or observation can sensibly carry: no IP camera answered before
/// 1990, and an older date is a clock reset to its epoch (1970) or a typing error.
pub const EARLIEST_SENSIBLE_YEAR: i32 = 1990;

impl Timestamp {
    /// Now.
    pub fn now() -> Timestamp {
        Timestamp(OffsetDateTime::now_utc())
    }

    /// Parses RFC 3339 (any offset; kept as UTC).
    pub fn parse(text: &str) -> Result<Timestamp, TimestampError> {
        OffsetDateTime::parse(text.trim(), &Rfc3339)
            .map(|t| Timestamp(t.to_offset(time::UtcOffset::UTC)))
            .map_err(|_| TimestampError(text.chars().take(40).collect()))
    }

    /// Seconds since the Unix epoch.
    pub fn unix_seconds(self) -> i64 {
        self.0.unix_timestamp()
    }

    /// Why this moment makes no sense for something recorded by `now`: before
    /// [`EARLIEST_SENSIBLE_YEAR`], or later than `now` by more than `skew` seconds (clocks of
    /// different machines disagree a little, never by days).
    pub fn implausible(self, now: Timestamp, skew_seconds: i64) -> Option<String> {
        if self.0.year() < EARLIEST_SENSIBLE_YEAR {
            return Some(format!("{self} is before {EARLIEST_SENSIBLE_YEAR}"));
        }
        if self.unix_seconds() > now.unix_seconds().saturating_add(skew_seconds) {
            return Some(format!("{self} is in the future (now is {now})"));
        }
        None
    }
}

impl FromStr for Timestamp {
    type Err = TimestampError;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Timestamp::parse(s)
    }
}

impl fmt::Display for Timestamp {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let t = self.0;
        write!(
            f,
            "{:04}-{:02}-{:02}T{:02}:{:02}:{:02}.{:06}Z",
            t.year(),
            u8::from(t.month()),
            t.day(),
            t.hour(),
            t.minute(),
            t.second(),
            t.microsecond()
        )
    }
}

impl Serialize for Timestamp {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Timestamp {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let text = String::deserialize(d)?;
        Timestamp::parse(&text).map_err(serde::de::Error::custom)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_rfc3339_and_prints_utc_microseconds() {
        let t = Timestamp::parse("2026-12-03T13:00:00+01:00").unwrap();
        assert_eq!(t.to_string(), "2026-12-03T12:00:00.000000Z");
        let t = Timestamp::parse("2026-12-03T12:00:00.5Z").unwrap();
        assert_eq!(t.to_string(), "2026-12-03T12:00:00.500000Z");
        assert_eq!(Timestamp::parse(&t.to_string()), Ok(t));
        for bad in ["yesterday", "", "2026-12-03", "2026-13-01T00:00:00Z"] {
            assert!(Timestamp::parse(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn implausible_moments_are_named() {
        let now = Timestamp::parse("2026-12-03T12:00:00Z").unwrap();
        let at = |s| Timestamp::parse(s).unwrap().implausible(now, 86_400);
        assert_eq!(at("2026-12-03T11:00:00Z"), None);
        assert_eq!(at("2026-12-04T11:00:00Z"), None, "within a day's skew");
        assert!(at("2099-01-01T00:00:00Z").unwrap().contains("future"));
        assert!(at("1970-01-01T00:00:00Z").unwrap().contains("before 1990"));
    }
}
