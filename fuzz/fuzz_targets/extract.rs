//! `extract` for every observation kind: the first byte picks the kind, the rest is the value.
#![no_main]

use camsweep_model::{Observation, ObservationKind};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Some((&selector, rest)) = data.split_first() else {
        return;
    };
    let kind = ObservationKind::ALL[usize::from(selector) % ObservationKind::ALL.len()];
    let value = String::from_utf8_lossy(rest).into_owned();
    let _ = camsweep_parse::extract(&Observation::new(kind, value));
});
