//! Identification of observations without a register (`camsweep identify`): an observations
//! stream (JSON Lines) in, one identification per device out, as the input streams. Lines with
//! the same `device` (else `address`) describe one device, a line with neither is a device of
//! its own. Devices may interleave: they are grouped while [`WINDOW`] bytes of lines are held
//! and come out in the order each was first seen, so memory stays bounded on an endless input;
//! a device whose lines come back after its group left is identified again from the later
//! lines. A malformed line is skipped and yielded as a problem with its number, as soon as it
//! is read; the caller reports it.

use std::io::BufRead;

use camsweep_identify::Engine;
pub use camsweep_import::observations::LineProblem;
use camsweep_import::observations::{ObservationStream, StreamItem};
use camsweep_model::Identification;

use crate::AppError;

/// Input lines held while grouping: devices whose lines lie within this many bytes of each
/// other are grouped whole.
pub const WINDOW: usize = 16 * 1024 * 1024;

/// One result of [`identify`].
#[allow(clippy::large_enum_variant)] // yielded one at a time, never stored in bulk
#[derive(Debug)]
pub enum Identified {
    /// A device's key (`None`: a line with neither `device` nor `address`) and identification.
    Device {
        key: Option<String>,
        identification: Identification,
    },
    /// A line skipped, with why.
    Problem(LineProblem),
}

/// Reads `input` (named `name` in errors) and identifies each device with `engine`, as the
/// input streams; lines longer than `limits.max_line_bytes` are refused.
pub fn identify<'a>(
    input: impl BufRead + 'a,
    name: &'a str,
    engine: &'a Engine<'a>,
    limits: camsweep_import::InputLimits,
) -> impl Iterator<Item = Result<Identified, AppError>> + 'a {
    // The window holds at least a few of the longest lines.
    let window = WINDOW.max(limits.max_line_bytes.saturating_mul(4));
    ObservationStream::new(input, name, limits.max_line_bytes, window).map(move |item| {
        Ok(match item.map_err(AppError::Observations)? {
            StreamItem::Device { key, observations } => Identified::Device {
                key,
                identification: engine.identify(&observations),
            },
            StreamItem::Problem(problem) => Identified::Problem(problem),
        })
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
        let (mut devices, mut problems) = (Vec::new(), Vec::new());
        for item in identify(
            input.as_bytes(),
            "t.jsonl",
            &engine,
            camsweep_import::InputLimits::default(),
        ) {
            match item.expect("readable") {
                Identified::Device {
                    key,
                    identification,
                } => devices.push((key, identification)),
                Identified::Problem(p) => problems.push(p),
            }
        }
        let keys: Vec<_> = devices.iter().map(|(k, _)| k.as_deref()).collect();
        assert_eq!(keys, [Some("b"), Some("a")]);
        let b = &devices[0].1;
        assert_eq!(b.manufacturer.as_deref(), Some("hikvision"), "{b:#?}");
        assert_eq!(problems.len(), 1);
        assert_eq!(problems[0].line, 2);
    }
}
