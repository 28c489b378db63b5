//! Prints the engine's measures on a labelled corpus:
//! `cargo run --release -p camsweep-identify --example corpus_report -- [FILE] [--all]`
//! (default FILE: /work/shared/corpus/dev_responses.jsonl; `--all` lists every sample).

use camsweep_identify::Engine;
use camsweep_identify::corpus::evaluate;
use camsweep_kb::KnowledgeBase;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let all = args.iter().any(|a| a == "--all");
    let path = args
        .iter()
        .find(|a| !a.starts_with("--"))
        .cloned()
        .unwrap_or_else(|| "/work/shared/corpus/dev_responses.jsonl".to_owned());
    let kb = KnowledgeBase::embedded()?;
    let engine = Engine::new(&kb)?;
    let text = std::fs::read_to_string(&path)?;
    let report = evaluate(&engine, &text)?;
    for r in &report.results {
        if all || !r.correct() {
            println!(
                "{} {:<45} label={:<14} expected={:<12} got={:<12} conf={:.2} type={} model={:?}",
                if r.correct() { "ok  " } else { "MISS" },
                r.id,
                r.label,
                r.expected.as_deref().unwrap_or("-"),
                r.identification.manufacturer.as_deref().unwrap_or("-"),
                r.identification.confidence,
                r.identification.device_type,
                r.identification.model,
            );
        }
    }
    println!("samples                        {}", report.samples);
    println!(
        "manufacturer accuracy (all)    {:.3} ({}/{})",
        report.accuracy(),
        report.correct,
        report.samples
    );
    println!(
        "accuracy (label in registry)   {:.3} ({}/{})",
        report.accuracy_expressible(),
        report.correct_expressible,
        report.expressible
    );
    println!(
        "covered precision              {:.3} (tp {} fp {})",
        report.covered_precision(),
        report.covered_true_positive,
        report.covered_false_positive
    );
    println!(
        "covered recall                 {:.3} (tp {} fn {})",
        report.covered_recall(),
        report.covered_true_positive,
        report.covered_false_negative
    );
    println!(
        "unknown labels attributed      {}/{}",
        report.unknown_attributed, report.unknown_samples
    );
    Ok(())
}
