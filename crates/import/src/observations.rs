//! The one reader of observations files (JSON Lines, one [`Observation`] a line), shared by
//! `camsweep identify` (which skips bad lines and says so) and `camsweep ingest` (which refuses a
//! file with any bad line). Observations are grouped per device: by `device` when the line names
//! one, else by `address`; a line with neither is a device of its own. Groups keep first-seen
//! order. Each line is bounded by `max_line` bytes, so one endless line cannot exhaust memory.

use std::collections::HashMap;
use std::io::{BufRead, Read};

use camsweep_model::{Mac, Observation, ObservationKind, Timestamp};

/// How far in the future an `observed_at` may be (clock skew between machines), in seconds.
pub const MAX_CLOCK_SKEW_SECONDS: i64 = 86_400;

/// The field checks a parsed observation must pass (the same as a scan document's): an
/// address that is an IP address, a sensible `observed_at`, a port that is one, and a MAC
/// observation that holds a MAC. The message names the field.
pub fn check_observation(obs: &Observation, now: Timestamp) -> Result<(), String> {
    if let Some(address) = &obs.address
        && address.trim().parse::<std::net::IpAddr>().is_err()
    {
        let shown: String = address.chars().take(60).collect();
        return Err(format!("address: {shown:?} is not an IP address"));
    }
    if let Some(at) = &obs.observed_at {
        let at = Timestamp::parse(at).map_err(|e| format!("observed_at: {e}"))?;
        if let Some(why) = at.implausible(now, MAX_CLOCK_SKEW_SECONDS) {
            return Err(format!("observed_at: {why}"));
        }
    }
    if obs.port == Some(0) {
        return Err("port: 0 is not a port".into());
    }
    if obs.kind == ObservationKind::Mac {
        Mac::parse(&obs.value).map_err(|e| format!("value: {e}"))?;
    }
    Ok(())
}

/// The default longest accepted line: an observation carries at most a bounded response.
pub const DEFAULT_MAX_LINE: usize = 4 * 1024 * 1024;

/// One line that is not an observation.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LineProblem {
    /// 1-based.
    pub line: usize,
    pub message: String,
}

/// Observations grouped per device, in first-seen order, and the lines that were not read.
#[derive(Debug, Default)]
pub struct GroupedObservations {
    /// `(device key, observations)`: the key is the line's `device`, else its `address`;
    /// `None` for a line with neither (a device of its own).
    pub devices: Vec<(Option<String>, Vec<Observation>)>,
    pub problems: Vec<LineProblem>,
}

/// The input could not be read at all (not a line problem).
#[derive(Debug, thiserror::Error)]
#[error("reading {name}")]
pub struct ObservationsError {
    pub name: String,
    #[source]
    pub source: std::io::Error,
}

/// Reads observations from `reader` (named `name` in errors).
pub fn read_observations(
    mut reader: impl BufRead,
    name: &str,
    max_line: usize,
) -> Result<GroupedObservations, ObservationsError> {
    let io = |source| ObservationsError {
        name: name.to_owned(),
        source,
    };
    let mut out = GroupedObservations::default();
    let mut index: HashMap<String, usize> = HashMap::new();
    let mut buf = Vec::new();
    let mut line_no = 0usize;
    let now = Timestamp::now();
    loop {
        buf.clear();
        let read = (&mut reader)
            .take(max_line as u64 + 1)
            .read_until(b'\n', &mut buf)
            .map_err(io)?;
        if read == 0 {
            break;
        }
        line_no += 1;
        if buf.len() > max_line && buf.last() != Some(&b'\n') {
            // Discard the rest of the over-long line without holding it.
            let mut sink = Vec::new();
            loop {
                sink.clear();
                let n = (&mut reader)
                    .take(64 * 1024)
                    .read_until(b'\n', &mut sink)
                    .map_err(io)?;
                if n == 0 || sink.last() == Some(&b'\n') {
                    break;
                }
            }
            out.problems.push(LineProblem {
                line: line_no,
                message: format!(
                    "line longer than {max_line} bytes (expected one observation per line)"
                ),
            });
            continue;
        }
        let text = String::from_utf8_lossy(&buf);
        let text = text.trim();
        if text.is_empty() {
            continue;
        }
        let parsed = serde_json::from_str::<Observation>(text)
            .map_err(|err| {
                format!(
                    "{err} (expected a JSON object like \
                     {{\"device\": \"key\", \"kind\": \"http.server\", \"value\": \"App-webs/\"}})"
                )
            })
            .and_then(|obs| check_observation(&obs, now).map(|()| obs));
        match parsed {
            Ok(obs) => match obs.device.clone().or_else(|| obs.address.clone()) {
                Some(key) => match index.get(&key) {
                    Some(&i) => out.devices[i].1.push(obs),
                    None => {
                        index.insert(key.clone(), out.devices.len());
                        out.devices.push((Some(key), vec![obs]));
                    }
                },
                None => out.devices.push((None, vec![obs])),
            },
            Err(message) => out.problems.push(LineProblem {
                line: line_no,
                message,
            }),
        }
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn groups_by_device_then_address_in_first_seen_order_and_names_bad_lines() {
        let input = concat!(
            "{\"device\":\"b\",\"kind\":\"http.server\",\"value\":\"App-webs/\"}\n",
            "{\"kind\":\"mac\",\"value\":\"04:03:12:00:00:01\"}\n",
            "not json\n",
            "{\"device\":\"a\",\"kind\":\"http.server\",\"value\":\"x\"}\n",
            "\n",
            "{\"device\":\"b\",\"kind\":\"http.sever\",\"value\":\"x\"}\n",
            "{\"device\":\"b\",\"kind\":\"rtsp.server\",\"value\":\"y\"}\n",
            "{\"address\":\"127.0.0.9\",\"kind\":\"rtsp.server\",\"value\":\"y\"}\n",
            "{\"address\":\"127.0.0.9\",\"kind\":\"http.server\",\"value\":\"z\"}\n",
        );
        let g = read_observations(input.as_bytes(), "in.jsonl", DEFAULT_MAX_LINE).unwrap();
        let keys: Vec<_> = g.devices.iter().map(|(k, _)| k.clone()).collect();
        assert_eq!(
            keys,
            vec![
                Some("b".into()),
                None,
                Some("a".into()),
                Some("127.0.0.9".into())
            ]
        );
        assert_eq!(g.devices[0].1.len(), 2);
        assert_eq!(g.devices[3].1.len(), 2);
        let lines: Vec<usize> = g.problems.iter().map(|p| p.line).collect();
        assert_eq!(lines, vec![3, 6]);
        assert!(g.problems[1].message.contains("http.sever"));
    }

    #[test]
    fn observations_with_bad_fields_are_problems_naming_the_field() {
        let input = concat!(
            "{\"address\":\"not-an-ip\",\"kind\":\"http.server\",\"value\":\"x\"}\n",
            "{\"address\":\"127.0.0.1\",\"kind\":\"http.server\",\"value\":\"x\",\"observed_at\":\"yesterday\"}\n",
            "{\"address\":\"127.0.0.1\",\"kind\":\"http.server\",\"value\":\"x\",\"observed_at\":\"2099-01-01T00:00:00Z\"}\n",
            "{\"address\":\"127.0.0.1\",\"kind\":\"mac\",\"value\":\"zz:zz\"}\n",
            "{\"address\":\"127.0.0.1\",\"kind\":\"http.server\",\"value\":\"x\",\"port\":0}\n",
            "{\"address\":\"127.0.0.1\",\"kind\":\"http.server\",\"value\":\"ok\",\"observed_at\":\"2026-01-01T00:00:00Z\"}\n",
        );
        let g = read_observations(input.as_bytes(), "in.jsonl", DEFAULT_MAX_LINE).unwrap();
        let got: Vec<(usize, &str)> = g
            .problems
            .iter()
            .map(|p| (p.line, p.message.split(':').next().unwrap_or("")))
            .collect();
        assert_eq!(
            got,
            vec![
                (1, "address"),
                (2, "observed_at"),
                (3, "observed_at"),
                (4, "value"),
                (5, "port")
            ]
        );
        assert_eq!(g.devices.len(), 1);
        assert_eq!(g.devices[0].1.len(), 1);
    }

    #[test]
    fn an_over_long_line_is_a_problem_without_losing_the_next() {
        let mut input = vec![b'x'; 1000];
        input.push(b'\n');
        input.extend_from_slice(b"{\"kind\":\"mac\",\"value\":\"04:03:12:00:00:01\"}\n");
        let g = read_observations(&input[..], "big", 100).unwrap();
        assert_eq!(g.problems.len(), 1);
        assert_eq!(g.problems[0].line, 1);
        assert_eq!(g.devices.len(), 1);
    }
}
