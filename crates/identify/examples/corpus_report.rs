//! Prints the engine's measures on a labelled corpus, plain and leave-one-source-out:
//! `cargo run --release -p camsweep-identify --example corpus_report -- [PATH ...] [--all] [--misses] [--plain]`
//!
//! PATH: JSON-lines files or directories of them (default: the development corpus
//! `crates/identify/testdata/corpus/`, and `shared/corpus/dev_responses.jsonl` beside the
//! checkout when present). `--misses` lists the leave-one-source-out misses (`--plain`: the
//! plain score's),
//! `--all` every sample. The plain score uses every rule; the leave-one-source-out score judges
//! each source's samples without the rules written from that source, so a gap between the two
//! is tuning to samples.

use std::path::{Path, PathBuf};

use camsweep_identify::Engine;
use camsweep_identify::corpus::{Report, Sample, leave_one_source_out, parse_samples, score};
use camsweep_kb::KnowledgeBase;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let all = args.iter().any(|a| a == "--all");
    let misses = all || args.iter().any(|a| a == "--misses");
    let list_plain = args.iter().any(|a| a == "--plain");
    let mut paths: Vec<PathBuf> = args
        .iter()
        .filter(|a| !a.starts_with("--"))
        .map(PathBuf::from)
        .collect();
    if paths.is_empty() {
        let crate_dir = Path::new(env!("CARGO_MANIFEST_DIR"));
        paths.push(crate_dir.join("testdata/corpus"));
        // The team's shared development file, where this checkout sits beside `shared/`.
        let shared = crate_dir.join("../../../shared/corpus/dev_responses.jsonl");
        if shared.is_file() {
            paths.push(shared);
        }
    }
    let mut samples: Vec<Sample> = Vec::new();
    for path in &paths {
        for file in jsonl_files(path)? {
            let text = std::fs::read_to_string(&file)
                .map_err(|e| format!("reading {}: {e}", file.display()))?;
            samples.extend(parse_samples(&text, &file.display().to_string())?);
        }
    }
    let kb = KnowledgeBase::embedded()?;
    let engine = Engine::new(&kb)?;
    let plain = score(&kb, &samples, |_| &engine);
    let loso = leave_one_source_out(&kb, &samples)?;
    if misses {
        let listed = if list_plain { &plain } else { &loso };
        for r in &listed.results {
            if all || !r.correct() {
                println!(
                    "{} {:<50} src={:<16} label={:<16} got={:<14} conf={:.2}",
                    if r.correct() { "ok  " } else { "MISS" },
                    r.id,
                    r.source,
                    r.label,
                    r.named().unwrap_or("-"),
                    r.identification.confidence,
                );
            }
        }
        println!();
    }
    let sources = loso.by(|r| r.source.clone()).len();
    println!("{} samples from {sources} sources", plain.samples);
    println!();
    println!("{:<34} {:>10} {:>10}", "measure", "plain", "loso");
    line("covered recall", &plain, &loso, Report::covered_recall);
    line(
        "covered precision",
        &plain,
        &loso,
        Report::covered_precision,
    );
    line(
        "accuracy, surveillance makers",
        &plain,
        &loso,
        Report::accuracy_surveillance,
    );
    line("accuracy, all samples", &plain, &loso, Report::accuracy);
    line(
        "abstention on unknown labels",
        &plain,
        &loso,
        Report::abstention,
    );
    println!(
        "(covered tp/fp/fn plain {}/{}/{}, loso {}/{}/{}; unknown labels {}; surveillance samples {})",
        plain.covered_true_positive,
        plain.covered_false_positive,
        plain.covered_false_negative,
        loso.covered_true_positive,
        loso.covered_false_positive,
        loso.covered_false_negative,
        loso.unknown_samples,
        loso.surveillance_samples,
    );
    println!();
    breakdown("protocol", &plain, &loso, |r| r.protocol.clone());
    breakdown("maker (label)", &plain, &loso, |r| {
        r.expected.clone().unwrap_or_else(|| r.label.to_lowercase())
    });
    Ok(())
}

fn line(name: &str, plain: &Report, loso: &Report, measure: fn(&Report) -> f64) {
    println!(
        "{name:<34} {:>10.3} {:>10.3}",
        measure(plain),
        measure(loso)
    );
}

fn breakdown(
    what: &str,
    plain: &Report,
    loso: &Report,
    key: impl Fn(&camsweep_identify::corpus::SampleResult) -> String + Copy,
) {
    println!(
        "{what:<22} {:>7} {:>12} {:>12} {:>12}",
        "samples", "acc plain", "acc loso", "cov.recall"
    );
    let plain = plain.by(key);
    for (k, l) in loso.by(key) {
        let p = &plain[&k];
        let recall = if l.covered_true_positive + l.covered_false_negative > 0 {
            format!("{:.3}", l.covered_recall())
        } else {
            "-".to_owned()
        };
        println!(
            "{:<22} {:>7} {:>12.3} {:>12.3} {:>12}",
            k.chars().take(22).collect::<String>(),
            l.samples,
            p.accuracy(),
            l.accuracy(),
            recall
        );
    }
    println!();
}

fn jsonl_files(path: &Path) -> Result<Vec<PathBuf>, Box<dyn std::error::Error>> {
    if path.is_file() {
        return Ok(vec![path.to_owned()]);
    }
    // A directory: its JSON-lines files and those of its source directories (one level down:
    // `<source-id>/samples.jsonl`), never the source texts under `text/`.
    let mut files = Vec::new();
    for entry in std::fs::read_dir(path).map_err(|e| format!("reading {}: {e}", path.display()))? {
        let entry = entry?.path();
        if entry.is_dir() {
            let samples = entry.join("samples.jsonl");
            if samples.is_file() {
                files.push(samples);
            }
        } else if entry.extension().is_some_and(|x| x == "jsonl") {
            files.push(entry);
        }
    }
    files.sort();
    Ok(files)
}
