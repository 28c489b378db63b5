//! Identification of observations without a register (`camsweep identify`): an observations
//! file (JSON Lines) in, one identification per device out. Lines with the same `device`
//! describe one device, a line without `device` is a device of its own; devices may
//! interleave, and come out in the order each was first seen. A malformed line is skipped and
//! returned as a problem with its number; the caller reports it.

use std::io::BufRead;

use camsweep_identify::Engine;
use camsweep_import::observations::LineProblem;
use camsweep_model::Identification;

use crate::AppError;

/// Longest accepted input line (an observation carries at most a bounded response).
pub const MAX_LINE: usize = camsweep_import::observations::DEFAULT_MAX_LINE;

/// The devices of an observations file, identified.
#[derive(Debug)]
pub struct Identified {
    /// Each device's key (`None`: a line without `device`) and identification.
    pub devices: Vec<(Option<String>, Identification)>,
    /// The lines skipped, with why.
    pub problems: Vec<LineProblem>,
}

/// Reads `input` (named `name` in errors) and identifies each device with `engine`.
pub fn identify(
    input: impl BufRead,
    name: &str,
    engine: &Engine<'_>,
) -> Result<Identified, AppError> {
    let grouped = camsweep_import::read_observations(input, name, MAX_LINE)
        .map_err(AppError::Observations)?;
    let devices = grouped
        .devices
        .into_iter()
        .map(|(key, observations)| {
            let identification = engine.identify(&observations);
            (key, identification)
        })
        .collect();
    Ok(Identified {
        devices,
        problems: grouped.problems,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn devices_come_out_identified_in_first_seen_order_with_the_bad_lines() {
        let kb = camsweep_kb::KnowledgeBase::embedded().expect("embedded KB");
        let engine = Engine::new(&kb).expect("engine");
        let input = concat!(
            "{\"device\":\"b\",\"kind\":\"mac\",\"value\":\"04:03:12:aa:bb:cc\"}\n",
            "not json\n",
            "{\"device\":\"a\",\"kind\":\"http.server\",\"value\":\"nginx\"}\n",
            "{\"device\":\"b\",\"kind\":\"http.server\",\"value\":\"App-webs/\"}\n",
        );
        let found = identify(input.as_bytes(), "t.jsonl", &engine).expect("readable");
        let keys: Vec<_> = found.devices.iter().map(|(k, _)| k.as_deref()).collect();
        assert_eq!(keys, [Some("b"), Some("a")]);
        let b = &found.devices[0].1;
        assert_eq!(b.manufacturer.as_deref(), Some("hikvision"), "{b:#?}");
        assert_eq!(found.problems.len(), 1);
        assert_eq!(found.problems[0].line, 2);
    }
}
