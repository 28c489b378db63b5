//! The identification engine on the development corpus of real device responses
//! (`shared/corpus/dev_responses.jsonl`): floors a change to rules or engine must not break.
//! The numbers are printed by
//! `cargo run --release -p camsweep-identify --example corpus_report` and kept in
//! docs/identification.md.

use camsweep_identify::Engine;
use camsweep_identify::corpus::evaluate;
use camsweep_kb::KnowledgeBase;

#[test]
fn dev_corpus_meets_the_measured_floors() {
    let path = camsweep_tests::shared_dir().join("corpus/dev_responses.jsonl");
    let text = std::fs::read_to_string(&path).expect("dev corpus readable");
    let kb = KnowledgeBase::embedded().expect("embedded KB");
    let engine = Engine::new(&kb).expect("rules compile");
    let report = evaluate(&engine, &text).expect("corpus lines parse");
    let misses: Vec<String> = report
        .results
        .iter()
        .filter(|r| !r.correct() && r.label_in_registry)
        .map(|r| {
            format!(
                "{}: expected {:?} got {:?}",
                r.id, r.expected, r.identification.manufacturer
            )
        })
        .collect();
    assert_eq!(report.samples, 94);
    // Measured 2026-11-23: precision 1.000 (11/11), recall 0.846 (11/13),
    // accuracy 0.924 (73/79 expressible), 0 of 17 unknown-labelled samples attributed.
    assert!(
        report.covered_precision() >= 0.95,
        "covered precision {:.3}; misses {misses:#?}",
        report.covered_precision()
    );
    assert!(
        report.covered_recall() >= 0.80,
        "covered recall {:.3}; misses {misses:#?}",
        report.covered_recall()
    );
    assert!(
        report.accuracy_expressible() >= 0.90,
        "accuracy {:.3}; misses {misses:#?}",
        report.accuracy_expressible()
    );
    assert_eq!(
        report.unknown_attributed, 0,
        "samples labelled Unknown must come out unknown; misses {misses:#?}"
    );
    // Every sample labelled with a maker outside the registry must stay unknown, not guessed.
    for r in report.results.iter().filter(|r| !r.label_in_registry) {
        assert_eq!(
            r.identification.manufacturer, None,
            "{} ({}) was attributed",
            r.id, r.label
        );
    }
}

#[test]
fn every_corpus_identification_cites_its_evidence() {
    let path = camsweep_tests::shared_dir().join("corpus/dev_responses.jsonl");
    let text = std::fs::read_to_string(&path).expect("dev corpus readable");
    let kb = KnowledgeBase::embedded().expect("embedded KB");
    let engine = Engine::new(&kb).expect("rules compile");
    let report = evaluate(&engine, &text).expect("corpus lines parse");
    for r in &report.results {
        let id = &r.identification;
        if let Some(m) = &id.manufacturer {
            assert!(
                id.evidence
                    .iter()
                    .any(|e| e.implies.manufacturer.as_ref() == Some(m)
                        && e.stance == camsweep_model::Stance::Supports),
                "{}: {m} without supporting evidence",
                r.id
            );
            assert_eq!(id.vendor.as_ref().map(|v| v.id.as_str()), Some(m.as_str()));
            for e in &id.evidence {
                // Readings that are not KB rules: the MAC registry, the device's own claims,
                // parse errors, and maker names mentioned in any field (the registry's names).
                let built_in = [
                    "mac-registry",
                    camsweep_identify::CLAIM_RULE,
                    camsweep_identify::UNREGISTERED_CLAIM_RULE,
                    camsweep_identify::MENTION_RULE,
                    "parse-error",
                ];
                if !built_in.contains(&e.rule.as_str()) {
                    let rule = kb.rules.get(&e.rule).expect("evidence names a KB rule");
                    assert!(!rule.source.is_empty() && !rule.note.is_empty());
                }
            }
        } else {
            assert_eq!(id.confidence, 0.0);
        }
        assert_eq!(id.kb_version, kb.version);
    }
}
