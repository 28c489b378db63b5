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

/// Reads observations from `reader` (named `name` in errors), all of them: groups are
/// complete however the lines interleave. Memory grows with the input; `ingest` uses this
/// because it stores a file in one transaction, and bounds the file instead.
pub fn read_observations(
    reader: impl BufRead,
    name: &str,
    max_line: usize,
) -> Result<GroupedObservations, ObservationsError> {
    let mut out = GroupedObservations::default();
    for item in ObservationStream::new(reader, name, max_line, usize::MAX) {
        match item? {
            StreamItem::Device { key, observations } => out.devices.push((key, observations)),
            StreamItem::Problem(problem) => out.problems.push(problem),
        }
    }
    Ok(out)
}

/// What an [`ObservationStream`] yields.
#[derive(Debug)]
pub enum StreamItem {
    /// One device's observations (`key` as in [`GroupedObservations::devices`]).
    Device {
        key: Option<String>,
        observations: Vec<Observation>,
    },
    /// A line that is not an observation, as soon as it is read.
    Problem(LineProblem),
}

/// Observations grouped per device while they stream: memory stays under `window` bytes of
/// input lines (plus one line), so an endless input (`identify` on a pipe) never exhausts the
/// machine. Groups are kept in first-seen order; when the lines held pass `window`, the oldest
/// group is yielded. Input that keeps a device's lines within the window (a scanner's output,
/// which writes a device's lines together) is grouped exactly as [`read_observations`] does; a
/// device whose lines come back after its group left is yielded again with the later lines.
pub struct ObservationStream<'n, R> {
    reader: R,
    name: &'n str,
    max_line: usize,
    window: usize,
    held_bytes: usize,
    /// Groups not yet yielded, oldest first; `first_slot` numbers the front one.
    groups: std::collections::VecDeque<Group>,
    first_slot: u64,
    slots: HashMap<String, u64>,
    buf: Vec<u8>,
    line_no: usize,
    now: Timestamp,
    at_end: bool,
}

struct Group {
    key: Option<String>,
    observations: Vec<Observation>,
    bytes: usize,
}

impl<'n, R: BufRead> ObservationStream<'n, R> {
    pub fn new(reader: R, name: &'n str, max_line: usize, window: usize) -> Self {
        ObservationStream {
            reader,
            name,
            max_line,
            window,
            held_bytes: 0,
            groups: Default::default(),
            first_slot: 0,
            slots: HashMap::new(),
            buf: Vec::new(),
            line_no: 0,
            now: Timestamp::now(),
            at_end: false,
        }
    }

    fn io(&self, source: std::io::Error) -> ObservationsError {
        ObservationsError {
            name: self.name.to_owned(),
            source,
        }
    }

    fn pop_oldest(&mut self) -> Option<StreamItem> {
        let group = self.groups.pop_front()?;
        self.first_slot += 1;
        self.held_bytes -= group.bytes;
        if let Some(key) = &group.key {
            self.slots.remove(key);
        }
        let mut observations = group.observations;
        // Held groups grew by doubling; a caller that keeps them all (`ingest`) keeps the slack.
        observations.shrink_to_fit();
        Some(StreamItem::Device {
            key: group.key,
            observations,
        })
    }

    fn hold(&mut self, obs: Observation, bytes: usize) {
        self.held_bytes += bytes;
        let key = obs.device.clone().or_else(|| obs.address.clone());
        if let Some(k) = &key
            && let Some(&slot) = self.slots.get(k)
        {
            let group = &mut self.groups[(slot - self.first_slot) as usize];
            group.observations.push(obs);
            group.bytes += bytes;
            return;
        }
        if let Some(k) = &key {
            self.slots
                .insert(k.clone(), self.first_slot + self.groups.len() as u64);
        }
        self.groups.push_back(Group {
            key,
            observations: vec![obs],
            bytes,
        });
    }

    /// Reads one line: `Ok(None)` at the end of input, else a problem or nothing (a held line).
    fn read_line(&mut self) -> Result<Option<Option<LineProblem>>, ObservationsError> {
        self.buf.clear();
        let max_line = self.max_line;
        let read = (&mut self.reader)
            .take(max_line as u64 + 1)
            .read_until(b'\n', &mut self.buf)
            .map_err(|e| self.io(e))?;
        if read == 0 {
            return Ok(None);
        }
        self.line_no += 1;
        if self.buf.len() > max_line && self.buf.last() != Some(&b'\n') {
            // Discard the rest of the over-long line without holding it.
            let mut sink = Vec::new();
            loop {
                sink.clear();
                let n = (&mut self.reader)
                    .take(64 * 1024)
                    .read_until(b'\n', &mut sink)
                    .map_err(|e| self.io(e))?;
                if n == 0 || sink.last() == Some(&b'\n') {
                    break;
                }
            }
            return Ok(Some(Some(LineProblem {
                line: self.line_no,
                message: format!(
                    "line longer than {max_line} bytes (expected one observation per line)"
                ),
            })));
        }
        let text = String::from_utf8_lossy(&self.buf);
        let text = text.trim();
        if text.is_empty() {
            return Ok(Some(None));
        }
        let parsed = serde_json::from_str::<Observation>(text)
            .map_err(|err| {
                format!(
                    "{err} (expected a JSON object like \
                     {{\"device\": \"key\", \"kind\": \"http.server\", \"value\": \"App-webs/\"}})"
                )
            })
            .and_then(|obs| check_observation(&obs, self.now).map(|()| obs));
        let bytes = self.buf.len();
        match parsed {
            Ok(obs) => {
                self.hold(obs, bytes);
                Ok(Some(None))
            }
            Err(message) => Ok(Some(Some(LineProblem {
                line: self.line_no,
                message,
            }))),
        }
    }
}

impl<R: BufRead> Iterator for ObservationStream<'_, R> {
    type Item = Result<StreamItem, ObservationsError>;

    fn next(&mut self) -> Option<Self::Item> {
        loop {
            if self.held_bytes > self.window && !self.groups.is_empty() {
                return self.pop_oldest().map(Ok);
            }
            if self.at_end {
                return self.pop_oldest().map(Ok);
            }
            match self.read_line() {
                Ok(None) => self.at_end = true,
                Ok(Some(Some(problem))) => return Some(Ok(StreamItem::Problem(problem))),
                Ok(Some(None)) => {}
                Err(e) => {
                    self.at_end = true;
                    return Some(Err(e));
                }
            }
        }
    }
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
    fn a_stream_holds_at_most_its_window_and_keeps_first_seen_order() {
        let line = |device: &str, n: usize| {
            format!("{{\"device\":\"{device}\",\"kind\":\"http.server\",\"value\":\"v{n}\"}}\n")
        };
        // Devices written together (as the scanner does), then one that comes back late.
        let mut input = String::new();
        for d in 0..50 {
            for n in 0..3 {
                input.push_str(&line(&format!("d{d}"), n));
            }
        }
        input.push_str(&line("d0", 9));
        let window = 4 * line("d00", 0).len();
        let mut keys = Vec::new();
        let mut sizes = Vec::new();
        for item in ObservationStream::new(input.as_bytes(), "in", DEFAULT_MAX_LINE, window) {
            match item.unwrap() {
                StreamItem::Device { key, observations } => {
                    keys.push(key.unwrap());
                    sizes.push(observations.len());
                }
                StreamItem::Problem(p) => panic!("{p:?}"),
            }
        }
        let mut expected: Vec<String> = (0..50).map(|d| format!("d{d}")).collect();
        expected.push("d0".into());
        assert_eq!(keys, expected);
        assert!(sizes[..50].iter().all(|&n| n == 3), "{sizes:?}");
        assert_eq!(sizes[50], 1);
        // Unbounded, the late line joins its group.
        let all = read_observations(input.as_bytes(), "in", DEFAULT_MAX_LINE).unwrap();
        assert_eq!(all.devices.len(), 50);
        assert_eq!(all.devices[0].1.len(), 4);
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
