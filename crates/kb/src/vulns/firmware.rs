//! Firmware version strings, parsed and compared per maker family.
//!
//! - `hikvision`: `V5.4.5 build 170124` (ISAPI, ONVIF), `V5.7.3` (ISAPI's `firmwareVersion`
//!   alone), and the firmware-file form `IPC_G5_EN_STD_5.5.113_210317`. Ordered by the three
//!   numbers, then the build date when both strings carry one.
//! - `dahua`: `2.800.0000000.29.R.210630` (NVD), `2.800.0000016.0.R,build:2020-06-05`
//!   (`getSoftwareVersion`), `2.800.0000000.21.R, Build Date 2021-03-30`,
//!   `V2.800.0000000.29.R, Build Date: 2021-06-30`, `2.420.AC00.18.R.20200217`. A *line* is the
//!   first two numbers and the variant (`2.800.0000000`, `2.800.00AC000`): only versions of one
//!   line are ordered (by the fourth number, then the build date), and the build date alone
//!   decides a "built before" rule.
//! - `dotted`: every run of digits in order (`6.3.40`, `5.1.12`, `2.60B15` = 2.60.15,
//!   `v3.1.0.2649_23083101`), compared number by number, missing numbers as 0.

use std::cmp::Ordering;
use std::fmt;
use std::sync::LazyLock;

use regex::Regex;
use serde::{Deserialize, Serialize};

/// A firmware grammar.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Scheme {
    Hikvision,
    Dahua,
    Dotted,
}

impl Scheme {
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Hikvision => "hikvision",
            Self::Dahua => "dahua",
            Self::Dotted => "dotted",
        }
    }
}

/// A calendar date (a build date), ordered.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct BuildDate {
    pub year: u16,
    pub month: u8,
    pub day: u8,
}

impl BuildDate {
    fn new(year: u16, month: u8, day: u8) -> Option<Self> {
        ((1..=12).contains(&month) && (1..=31).contains(&day) && year >= 1990).then_some(Self {
            year,
            month,
            day,
        })
    }

    /// `YYYY-MM-DD`.
    pub fn parse_iso(text: &str) -> Option<Self> {
        let mut parts = text.trim().splitn(3, '-');
        let year = parts.next()?.parse().ok()?;
        let month = parts.next()?.parse().ok()?;
        let day = parts.next()?.parse().ok()?;
        Self::new(year, month, day)
    }

    /// `YYMMDD` (20YY) or `YYYYMMDD`.
    fn parse_compact(digits: &str) -> Option<Self> {
        let n = |range: std::ops::Range<usize>| digits.get(range)?.parse::<u16>().ok();
        match digits.len() {
            6 => Self::new(2000 + n(0..2)?, n(2..4)? as u8, n(4..6)? as u8),
            8 => Self::new(n(0..4)?, n(4..6)? as u8, n(6..8)? as u8),
            _ => None,
        }
    }
}

impl fmt::Display for BuildDate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

/// A parsed firmware version.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Firmware {
    pub scheme: Scheme,
    /// Versions of different lines are not ordered (empty: one line).
    pub line: String,
    pub numbers: Vec<u64>,
    pub build: Option<BuildDate>,
}

static HIKVISION: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)(?:^|[^0-9.])v?(\d{1,2})\.(\d{1,3})\.(\d{1,4})(?:\s*build\s*(\d{6})|_(\d{6}))?",
    )
    .expect("valid regex")
});
static DAHUA: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)^\s*v?(\d{1,2})\.(\d{3})\.([0-9a-z]{4,8})\.(\d{1,3})\.([a-z])(?:\.(\d{8}|\d{6})(?:\.bin)?)?\b",
    )
    .expect("valid regex")
});
static DAHUA_DATE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)build(?:\s*date)?\s*[:=]?\s*(\d{4})-(\d{2})-(\d{2})").expect("valid regex")
});
static DIGITS: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"\d+").expect("valid regex"));

impl Firmware {
    /// Parses `text` in `scheme`; `None` when it is not in that grammar.
    pub fn parse(scheme: Scheme, text: &str) -> Option<Self> {
        match scheme {
            Scheme::Hikvision => {
                let caps = HIKVISION.captures(text)?;
                let num = |i: usize| caps.get(i)?.as_str().parse::<u64>().ok();
                let build = caps
                    .get(4)
                    .or_else(|| caps.get(5))
                    .and_then(|m| BuildDate::parse_compact(m.as_str()));
                Some(Self {
                    scheme,
                    line: String::new(),
                    numbers: vec![num(1)?, num(2)?, num(3)?],
                    build,
                })
            }
            Scheme::Dahua => {
                let caps = DAHUA.captures(text)?;
                let build = caps
                    .get(6)
                    .and_then(|m| BuildDate::parse_compact(m.as_str()))
                    .or_else(|| {
                        let d = DAHUA_DATE.captures(text)?;
                        BuildDate::new(d[1].parse().ok()?, d[2].parse().ok()?, d[3].parse().ok()?)
                    });
                let major: u64 = caps[1].parse().ok()?;
                let minor: u64 = caps[2].parse().ok()?;
                Some(Self {
                    scheme,
                    line: format!("{major}.{minor:03}.{}", caps[3].to_ascii_uppercase()),
                    numbers: vec![caps[4].parse().ok()?],
                    build,
                })
            }
            Scheme::Dotted => {
                let trimmed = text.trim().trim_start_matches(['v', 'V']);
                if !trimmed.starts_with(|c: char| c.is_ascii_digit()) {
                    return None;
                }
                let numbers = DIGITS
                    .find_iter(trimmed)
                    .map(|m| m.as_str().parse::<u64>().ok())
                    .collect::<Option<Vec<_>>>()?;
                Some(Self {
                    scheme,
                    line: String::new(),
                    numbers,
                    build: None,
                })
            }
        }
    }

    /// How `self` compares with `other`, or `None` when they cannot be ordered: different lines,
    /// or equal numbers where only one of them has a build date.
    pub fn compare(&self, other: &Firmware) -> Option<Ordering> {
        if self.scheme != other.scheme || self.line != other.line {
            return None;
        }
        let len = self.numbers.len().max(other.numbers.len());
        let at = |v: &[u64], i: usize| v.get(i).copied().unwrap_or(0);
        let by_numbers = (0..len)
            .map(|i| at(&self.numbers, i).cmp(&at(&other.numbers, i)))
            .find(|o| o.is_ne())
            .unwrap_or(Ordering::Equal);
        if by_numbers.is_ne() {
            return Some(by_numbers);
        }
        match (self.build, other.build) {
            (Some(a), Some(b)) => Some(a.cmp(&b)),
            (None, None) => Some(Ordering::Equal),
            // A build this source does not state: equal numbers, order unknown.
            _ if self.scheme == Scheme::Dotted => Some(Ordering::Equal),
            _ => None,
        }
    }

    /// The version in words, for reasons (`2.800.0000000.21 built 2021-03-30`).
    pub fn describe(&self) -> String {
        let numbers = self
            .numbers
            .iter()
            .map(u64::to_string)
            .collect::<Vec<_>>()
            .join(".");
        let version = match self.scheme {
            Scheme::Dahua => format!("{}.{numbers}", self.line),
            _ => numbers,
        };
        match self.build {
            Some(build) => format!("{version} built {build}"),
            None => version,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn hik(text: &str) -> Firmware {
        Firmware::parse(Scheme::Hikvision, text).unwrap_or_else(|| panic!("{text}"))
    }

    fn dahua(text: &str) -> Firmware {
        Firmware::parse(Scheme::Dahua, text).unwrap_or_else(|| panic!("{text}"))
    }

    fn dotted(text: &str) -> Firmware {
        Firmware::parse(Scheme::Dotted, text).unwrap_or_else(|| panic!("{text}"))
    }

    fn date(y: u16, m: u8, d: u8) -> Option<BuildDate> {
        BuildDate::new(y, m, d)
    }

    // Real strings: the lab's Hikvision profiles (crates/lab/profiles/hikvision.toml), the
    // corpus's ONVIF GetDeviceInformation of an ENP1A14-IR/25X (easy-onvif-device-xml), the
    // CVE-2017-7921 record's ranges (cvelistV5), Watchful IP's firmware-type table
    // (watchfulip.github.io, 2021-09-18).
    #[test]
    fn hikvision_versions_parse_and_order_by_numbers_then_build() {
        let a = hik("V5.4.5 build 170124");
        assert_eq!(
            (a.numbers.clone(), a.build),
            (vec![5, 4, 5], date(2017, 1, 24))
        );
        let b = hik("V5.5.3 build 180822");
        assert_eq!(a.compare(&b), Some(Ordering::Less));
        let bound = hik("V5.4.0 Build 160530");
        assert_eq!(bound.build, date(2016, 5, 30));
        assert_eq!(
            hik("V5.3.0 build 150513").compare(&bound),
            Some(Ordering::Less)
        );
        assert_eq!(
            hik("V5.4.0 build 160401").compare(&bound),
            Some(Ordering::Less)
        );
        assert_eq!(
            hik("V5.4.0 build 160530").compare(&bound),
            Some(Ordering::Equal)
        );
        let file = hik("IPC_G5_EN_STD_5.5.113_210317");
        assert_eq!(
            (file.numbers.clone(), file.build),
            (vec![5, 5, 113], date(2021, 3, 17))
        );
        assert_eq!(
            hik("V5.5.800 build 210628").compare(&file),
            Some(Ordering::Greater)
        );
        // ISAPI's firmwareVersion alone: the numbers order it unless they are equal.
        let bare = hik("V5.7.3");
        assert_eq!(bare.build, None);
        assert_eq!(
            bare.compare(&hik("V5.4.4 build 161125")),
            Some(Ordering::Greater)
        );
        assert_eq!(hik("V5.4.0").compare(&bound), None);
        assert!(Firmware::parse(Scheme::Hikvision, "unknown").is_none());
    }

    // Real strings: NVD's CVE-2021-33044 bounds (fkie-cad/nvd-json-data-feeds), the corpus's
    // Dahua getSoftwareVersion answer (rroller/dahua client docs), the lab's Dahua profiles,
    // the CVE-2020-5735 record's Amcrest fix list, the issue's `V2.800... Build Date:` form.
    #[test]
    fn dahua_versions_order_within_a_line_and_carry_build_dates() {
        let fixed = dahua("2.800.0000000.29.r.210630");
        assert_eq!(fixed.line, "2.800.0000000");
        assert_eq!(fixed.build, date(2021, 6, 30));
        let api = dahua("2.800.0000016.0.R,build:2020-06-05");
        assert_eq!(
            (api.line.as_str(), api.build),
            ("2.800.0000016", date(2020, 6, 5))
        );
        let lab = dahua("2.800.0000000.21.R, Build Date 2021-03-30");
        assert_eq!(lab.build, date(2021, 3, 30));
        assert_eq!(lab.compare(&fixed), Some(Ordering::Less));
        let issue = dahua("V2.800.0000000.29.R, Build Date: 2021-06-30");
        assert_eq!(issue.compare(&fixed), Some(Ordering::Equal));
        // Another line (2.820) is not ordered against 2.800.
        assert_eq!(
            dahua("2.820.0000000.14.R, Build Date 2022-08-11").compare(&fixed),
            None
        );
        let amcrest = dahua("2.420.AC00.18.R.20200217");
        assert_eq!(
            (amcrest.line.as_str(), amcrest.build),
            ("2.420.AC00", date(2020, 2, 17))
        );
        assert_eq!(dahua("2.800.00AC000.0.R.200330").line, "2.800.00AC000");
        assert_eq!(
            dahua("4.300.0000000.0.R, Build Date 2021-07-13")
                .compare(&dahua("4.300.0000004.0.r.210715")),
            None,
            "variants 0000000 and 0000004 are different lines"
        );
        assert!(Firmware::parse(Scheme::Dahua, "V5.4.5 build 170124").is_none());
    }

    // Real strings: PTZOptics 6.3.40 (CVE-2024-8956), UniFi OS 5.1.12 (CVE-2026-34908),
    // D-Link DNR-322L 2.60B15 (CVE-2022-40799), the corpus's Reolink ONVIF answer.
    #[test]
    fn dotted_versions_compare_number_by_number() {
        assert_eq!(
            dotted("6.3.39").compare(&dotted("6.3.40")),
            Some(Ordering::Less)
        );
        assert_eq!(
            dotted("5.1.12").compare(&dotted("5.1.12")),
            Some(Ordering::Equal)
        );
        assert_eq!(
            dotted("5.2").compare(&dotted("5.1.12")),
            Some(Ordering::Greater)
        );
        assert_eq!(dotted("2.60B15").numbers, vec![2, 60, 15]);
        assert_eq!(
            dotted("2.60B16").compare(&dotted("2.60B15")),
            Some(Ordering::Greater)
        );
        assert_eq!(
            dotted("v3.1.0.2649_23083101").numbers,
            vec![3, 1, 0, 2649, 23083101]
        );
        assert!(Firmware::parse(Scheme::Dotted, "unknown").is_none());
    }
}
