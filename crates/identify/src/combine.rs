//! How pieces of evidence combine into a confidence per candidate manufacturer.
//!
//! Evidence read from the same observation is correlated (one `RTSP` answer matched by a path
//! rule and by its raw text says one thing once), so within one observation only the strongest
//! reading counts. Distinct observations are treated as independent witnesses and combined by
//! noisy-OR: `p = 1 - Π(1 - s_i)`. Two medium signals (a MAC prefix at 0.6 and a stream path at
//! 0.7) make 0.88; one generic banner at 0.3 stays far below the threshold.
//!
//! Conflict: the winning candidate's confidence is discounted by the strongest competitor,
//! `confidence = p_best × (1 − p_second / 2)`. Equal strong claims for two makers (0.9 vs 0.9)
//! give 0.50 and the manufacturer stays unknown; a strong claim against a weak one
//! (0.99 vs 0.6) keeps the winner at 0.69 with the loser shown as `contradicts`.

use std::collections::HashMap;

/// The confidence a manufacturer needs to be reported (a MAC prefix alone, 0.6, just does).
pub const MANUFACTURER_THRESHOLD: f64 = 0.6;

/// Strengths gathered for one candidate: the strongest per observation.
#[derive(Debug, Default, Clone)]
pub struct Strengths {
    per_observation: HashMap<usize, f64>,
}

impl Strengths {
    /// Records `strength` read from observation number `observation`.
    pub fn add(&mut self, observation: usize, strength: f64) {
        let strength = strength.clamp(0.0, 1.0);
        let slot = self.per_observation.entry(observation).or_insert(0.0);
        if strength > *slot {
            *slot = strength;
        }
    }

    /// Noisy-OR of the per-observation maxima.
    pub fn combined(&self) -> f64 {
        1.0 - self
            .per_observation
            .values()
            .fold(1.0, |not, s| not * (1.0 - s))
    }
}

/// The confidence of the best candidate given the strongest competitor.
pub fn discounted(best: f64, second: f64) -> f64 {
    (best * (1.0 - second / 2.0)).clamp(0.0, 1.0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn same_observation_counts_once_distinct_ones_reinforce() {
        let mut s = Strengths::default();
        s.add(0, 0.7);
        s.add(0, 0.8);
        assert!((s.combined() - 0.8).abs() < 1e-9);
        s.add(1, 0.6);
        assert!((s.combined() - (1.0 - 0.2 * 0.4)).abs() < 1e-9);
    }

    #[test]
    fn a_tie_between_strong_claims_is_below_threshold() {
        assert!(discounted(0.9, 0.9) < MANUFACTURER_THRESHOLD);
        assert!(discounted(0.99, 0.6) >= MANUFACTURER_THRESHOLD);
        assert!(discounted(0.99, 0.6) < 0.99);
    }

    #[test]
    fn strengths_are_clamped() {
        let mut s = Strengths::default();
        s.add(0, 7.0);
        s.add(1, -1.0);
        assert!((s.combined() - 1.0).abs() < 1e-9);
    }
}
