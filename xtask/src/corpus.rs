//! `cargo run -p xtask -- corpus-check [DIR]`: checks the development corpus
//! (`crates/identify/testdata/corpus/`, format in its `README.md`).
//!
//! Every source directory holds `source.toml`, `samples.jsonl` and `text/` (the source text as
//! it was read). The check refuses a sample whose lines do not all appear in that text (as
//! written, XML-escaped or JSON-escaped: fixtures keep replies in XML or JSON files), so no
//! sample can be typed in from memory; a source from the reserved list (kept for the
//! independent measure); ids that repeat; fields that are missing or outside their vocabulary;
//! and a protocol and context that feed no observation kind.

use std::collections::{BTreeMap, HashSet};
use std::fmt;
use std::path::{Path, PathBuf};

use camsweep_identify::corpus::{self, SURVEILLANCE_TYPES};
use serde::Deserialize;
use serde_json::Value;

/// Repositories kept for the independent measure (`shared/corpus/RESERVED.md`, "Whole
/// repositories"); nothing may come from them. The parts of repositories that are reserved
/// (issue threads of go2rtc, librenms and home-assistant, librenms `tests/snmpsim/`,
/// home-assistant `tests/components/doorbird/`, nuclei-templates pull requests) are checked by
/// path and kind below.
pub const RESERVED_REPOS: &[&str] = &[
    "CamioCam/rtsp",
    "CarGuo/GSYVideoPlayer",
    "GainSec/DigitalAlly-ThermoVu-Uniview-Security-Research",
    "Haicam/Haicam",
    "Key-Information-Solutions/DVRtool",
    "OpenIPC/wiki",
    "OvenMediaLabs/OvenMediaEngine",
    "Quedale/OnvifDeviceManager",
    "RCooLeR/DahuaBridge",
    "StevenLooman/async_upnp_client",
    "Tedyst/hikvisionapi",
    "Ullaakut/cameradar",
    "bluenviron/mediamtx",
    "bmork/defogger",
    "centreon/centreon-plugins",
    "evercam/evercam-server",
    "gBillal/ex_onvif",
    "google/ExoPlayer",
    "hammeraj/onvif",
    "hawkeye64/onvif-nvt",
    "koush/scrypted",
    "lairdrt/dahua-cgi-sdk",
    "maciej-or/hikvision_next",
    "mcw0/PoC",
    "mpromonet/webrtc-streamer",
    "openlab-red/hikvision-isapi-cli",
    "python-kasa/python-kasa",
    "stoneassemblies/StoneAssemblies.Hikvision",
    "tchellomello/python-amcrest",
    "tomasbedrich/hikconnect",
    "uilibs/uiprotect",
];

/// Reserved parts of otherwise usable repositories: (repository, path prefix, kinds refused
/// everywhere in it). An empty prefix with a kind refuses that kind of source from the whole
/// repository (its issue threads).
const RESERVED_PARTS: &[(&str, &str, &[&str])] = &[
    ("AlexxIT/go2rtc", "", &["issue-thread"]),
    ("librenms/librenms", "tests/snmpsim/", &["issue-thread"]),
    (
        "home-assistant/core",
        "tests/components/doorbird/",
        &["issue-thread"],
    ),
    ("projectdiscovery/nuclei-templates", "", &["issue-thread"]),
];

const KINDS: &[&str] = &[
    "test-fixture",
    "fingerprint-db",
    "issue-thread",
    "documentation",
    "recording",
];

const CONFIDENCES: &[&str] = &["high", "medium", "low"];

/// Device types of what is not surveillance equipment (the negatives); the surveillance types
/// are `identify::corpus::SURVEILLANCE_TYPES`.
const OTHER_TYPES: &[&str] = &[
    "printer", "router", "switch", "nas", "phone", "server", "iot", "other",
];

/// A source's `source.toml`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct SourceFile {
    /// The directory's name.
    id: String,
    /// `owner/name` on GitHub, or empty for a page outside GitHub (then `url` says where).
    repo: String,
    /// The files the samples were read from, inside the repository.
    paths: Vec<String>,
    /// The commit read (40 hex digits), or empty when the source gave none (`note` says so).
    commit: String,
    license: String,
    url: String,
    /// One of [`KINDS`].
    kind: String,
    /// What the source is, how its samples were produced, why the labels are believed.
    note: String,
}

/// One problem, located.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    pub file: PathBuf,
    /// 1-based; 0 for the file as a whole.
    pub line: usize,
    pub field: String,
    pub message: String,
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.file.display())?;
        if self.line > 0 {
            write!(f, ":{}", self.line)?;
        }
        if !self.field.is_empty() {
            write!(f, ": {}", self.field)?;
        }
        write!(f, ": {}", self.message)
    }
}

/// What a clean corpus holds.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Summary {
    pub sources: usize,
    pub samples: usize,
    /// Samples that are not surveillance equipment: a device type outside the surveillance
    /// types, or no type and a maker the registry does not list as surveillance.
    pub negatives: usize,
    /// Samples whose maker the source does not state (`Unknown`).
    pub unknown_labels: usize,
    /// Distinct repositories (or pages) the sources come from.
    pub repositories: usize,
    /// Samples per protocol.
    pub protocols: BTreeMap<String, usize>,
    /// Distinct makers named by surveillance samples.
    pub surveillance_makers: usize,
    /// Samples whose brand differs from their maker.
    pub relabels: usize,
}

impl fmt::Display for Summary {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "corpus: {} samples from {} sources ({} repositories); {} negatives; {} unknown labels; {} relabel rows; {} surveillance makers; by protocol:",
            self.samples,
            self.sources,
            self.repositories,
            self.negatives,
            self.unknown_labels,
            self.relabels,
            self.surveillance_makers
        )?;
        for (protocol, n) in &self.protocols {
            write!(f, " {protocol} {n}")?;
        }
        Ok(())
    }
}

/// Checks every source directory under `root`. Files directly in `root` (its `README.md`)
/// are not sources.
pub fn check(root: &Path) -> Result<Summary, Vec<Problem>> {
    let mut problems = Vec::new();
    let mut summary = Summary::default();
    let mut ids = HashSet::new();
    let mut makers = HashSet::new();
    let mut repositories = HashSet::new();
    let kb = camsweep_kb::KnowledgeBase::embedded().ok();
    let registry = kb.as_ref().map(|kb| &kb.vendors);
    let mut dirs: Vec<PathBuf> = match std::fs::read_dir(root) {
        Ok(entries) => entries
            .filter_map(Result::ok)
            .map(|e| e.path())
            .filter(|p| p.is_dir())
            .collect(),
        Err(err) => {
            return Err(vec![Problem {
                file: root.to_owned(),
                line: 0,
                field: String::new(),
                message: format!("cannot read the corpus directory: {err}"),
            }]);
        }
    };
    dirs.sort();
    for dir in dirs {
        let before = problems.len();
        let Some(source) = read_source(&dir, &mut problems) else {
            continue;
        };
        repositories.insert(if source.repo.is_empty() {
            source.url.to_lowercase()
        } else {
            source.repo.to_lowercase()
        });
        let texts = read_texts(&dir, &mut problems);
        let samples = dir.join("samples.jsonl");
        let text = match std::fs::read_to_string(&samples) {
            Ok(text) => text,
            Err(err) => {
                problems.push(whole(&samples, format!("cannot read: {err}")));
                continue;
            }
        };
        let mut count = 0;
        for (n, line) in text.lines().enumerate() {
            if line.trim().is_empty() {
                continue;
            }
            let at = |field: &str, message: String| Problem {
                file: samples.clone(),
                line: n + 1,
                field: field.to_owned(),
                message,
            };
            let row: Value = match serde_json::from_str(line) {
                Ok(row) => row,
                Err(err) => {
                    problems.push(at("", format!("not a JSON object: {err}")));
                    continue;
                }
            };
            if let Some(sample) = check_sample(
                registry,
                &row,
                &source,
                &texts,
                &mut ids,
                &at,
                &mut problems,
            ) {
                count += 1;
                *summary.protocols.entry(sample.protocol).or_default() += 1;
                if sample.unknown {
                    summary.unknown_labels += 1;
                }
                if sample.negative {
                    summary.negatives += 1;
                } else if !sample.unknown {
                    makers.insert(sample.maker.to_lowercase());
                }
                summary.relabels += usize::from(sample.relabel);
            }
        }
        if count == 0 && problems.len() == before {
            problems.push(whole(&samples, "holds no sample".to_owned()));
        }
        summary.sources += 1;
        summary.samples += count;
    }
    summary.surveillance_makers = makers.len();
    summary.repositories = repositories.len();
    if problems.is_empty() {
        Ok(summary)
    } else {
        Err(problems)
    }
}

fn whole(file: &Path, message: String) -> Problem {
    Problem {
        file: file.to_owned(),
        line: 0,
        field: String::new(),
        message,
    }
}

fn read_source(dir: &Path, problems: &mut Vec<Problem>) -> Option<SourceFile> {
    let path = dir.join("source.toml");
    let name = dir.file_name().and_then(|n| n.to_str()).unwrap_or_default();
    let text = match std::fs::read_to_string(&path) {
        Ok(text) => text,
        Err(err) => {
            problems.push(whole(&path, format!("cannot read: {err}")));
            return None;
        }
    };
    let source: SourceFile = match toml::from_str(&text) {
        Ok(source) => source,
        Err(err) => {
            let line = err
                .span()
                .map(|s| text[..s.start].matches('\n').count() + 1)
                .unwrap_or(0);
            problems.push(Problem {
                file: path,
                line,
                field: String::new(),
                message: err.message().to_owned(),
            });
            return None;
        }
    };
    let mut bad = |field: &str, message: String| {
        problems.push(Problem {
            file: path.clone(),
            line: 0,
            field: field.to_owned(),
            message,
        })
    };
    if source.id != name {
        bad(
            "id",
            format!("{:?} is not the directory's name {name:?}", source.id),
        );
    }
    if !name
        .bytes()
        .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
    {
        bad("id", format!("{name:?}: use a-z, 0-9 and '-' only"));
    }
    if !KINDS.contains(&source.kind.as_str()) {
        bad(
            "kind",
            format!("{:?} (expected one of: {})", source.kind, KINDS.join(", ")),
        );
    }
    if source.repo.is_empty() && source.url.is_empty() {
        bad(
            "url",
            "a source outside GitHub needs its address".to_owned(),
        );
    }
    if !source.commit.is_empty()
        && (source.commit.len() != 40 || !source.commit.bytes().all(|b| b.is_ascii_hexdigit()))
    {
        bad(
            "commit",
            format!("{:?} is not a 40-hex commit", source.commit),
        );
    }
    if source.paths.is_empty() {
        bad(
            "paths",
            "name the files the samples were read from".to_owned(),
        );
    }
    if source.note.trim().is_empty() || source.license.trim().is_empty() {
        bad("note", "say what the source is and its licence".to_owned());
    }
    if let Some(reason) = reserved(&source.repo, &source.paths, &source.kind) {
        bad("repo", reason);
    }
    Some(source)
}

/// Why a source may not be used, if it is reserved for the independent measure.
pub fn reserved(repo: &str, paths: &[String], kind: &str) -> Option<String> {
    if RESERVED_REPOS.iter().any(|r| r.eq_ignore_ascii_case(repo)) {
        return Some(format!(
            "{repo} is reserved for the independent measure (shared/corpus/RESERVED.md)"
        ));
    }
    for (reserved_repo, prefix, kinds) in RESERVED_PARTS {
        if !reserved_repo.eq_ignore_ascii_case(repo) {
            continue;
        }
        if kinds.contains(&kind) {
            return Some(format!(
                "{kind} sources of {repo} are reserved (shared/corpus/RESERVED.md)"
            ));
        }
        if !prefix.is_empty() && paths.iter().any(|p| p.starts_with(prefix)) {
            return Some(format!(
                "{repo} {prefix} is reserved (shared/corpus/RESERVED.md)"
            ));
        }
    }
    None
}

/// The source texts of `dir/text/`, whole.
fn read_texts(dir: &Path, problems: &mut Vec<Problem>) -> Vec<String> {
    let text_dir = dir.join("text");
    let entries = match std::fs::read_dir(&text_dir) {
        Ok(entries) => entries,
        Err(err) => {
            problems.push(whole(&text_dir, format!("cannot read: {err}")));
            return Vec::new();
        }
    };
    let mut texts = Vec::new();
    for entry in entries.filter_map(Result::ok) {
        let path = entry.path();
        match std::fs::read(&path) {
            Ok(bytes) => texts.push(String::from_utf8_lossy(&bytes).into_owned()),
            Err(err) => problems.push(whole(&path, format!("cannot read: {err}"))),
        }
    }
    texts
}

struct Checked {
    protocol: String,
    maker: String,
    negative: bool,
    unknown: bool,
    relabel: bool,
}

fn check_sample(
    registry: Option<&camsweep_kb::vendors::Registry>,
    row: &Value,
    source: &SourceFile,
    texts: &[String],
    ids: &mut HashSet<String>,
    at: &dyn Fn(&str, String) -> Problem,
    problems: &mut Vec<Problem>,
) -> Option<Checked> {
    let before = problems.len();
    let text = |key: &str| row.get(key).and_then(Value::as_str);
    let mut required = |key: &str| match text(key) {
        Some(value) if !value.trim().is_empty() => value.to_owned(),
        _ => {
            problems.push(at(key, "missing or empty (expected a string)".to_owned()));
            String::new()
        }
    };
    let id = required("id");
    let sample_source = required("source");
    let protocol = required("protocol");
    let context = required("sample_context");
    let sample = required("sample");
    let maker = required("true_manufacturer");
    required("label_basis");
    let confidence = required("label_confidence");
    if !id.is_empty() && !id.starts_with(&source.id) {
        problems.push(at(
            "id",
            format!("{id:?} does not start with the source id {:?}", source.id),
        ));
    }
    if !id.is_empty() && !ids.insert(id.clone()) {
        problems.push(at("id", format!("{id:?} is used twice")));
    }
    if !sample_source.is_empty() && sample_source != source.id {
        problems.push(at(
            "source",
            format!(
                "{sample_source:?} is not this directory's source {:?}",
                source.id
            ),
        ));
    }
    if !confidence.is_empty() && !CONFIDENCES.contains(&confidence.as_str()) {
        problems.push(at(
            "label_confidence",
            format!("{confidence:?} (expected high, medium or low)"),
        ));
    }
    let device_type = text("device_type");
    if let Some(t) = device_type
        && !SURVEILLANCE_TYPES.contains(&t)
        && !OTHER_TYPES.contains(&t)
    {
        problems.push(at(
            "device_type",
            format!(
                "{t:?} (expected one of: {}, {})",
                SURVEILLANCE_TYPES.join(", "),
                OTHER_TYPES.join(", ")
            ),
        ));
    }
    if let Some(path) = text("source_path")
        && let Some(reason) = reserved(
            text("source_repo").unwrap_or(&source.repo),
            &[path.to_owned()],
            &source.kind,
        )
    {
        problems.push(at("source_path", reason));
    }
    if !protocol.is_empty()
        && !context.is_empty()
        && camsweep_identify::corpus::kind_of(&protocol, &context).is_none()
    {
        problems.push(at(
            "sample_context",
            format!("protocol {protocol:?} with context {context:?} feeds no observation kind"),
        ));
    }
    if let Some(line) = sample
        .lines()
        .map(|l| l.trim_end_matches('\r'))
        .filter(|l| !l.trim().is_empty())
        .find(|line| !appears_in(line, texts))
    {
        problems.push(at(
            "sample",
            format!(
                "the line {:?} is not in the source text (text/), as written, XML-escaped or JSON-escaped",
                line.chars().take(80).collect::<String>()
            ),
        ));
    }
    if problems.len() > before {
        return None;
    }
    let brand = text("brand_label").unwrap_or("unknown");
    let unknown = maker.eq_ignore_ascii_case("unknown");
    // Not surveillance equipment, as `corpus_report` judges it; a sample with neither a type
    // nor a maker is neither.
    let negative = !(device_type.is_none() && unknown)
        && registry.is_some_and(|r| !corpus::is_surveillance(r, device_type, &maker));
    Some(Checked {
        protocol,
        relabel: !unknown
            && !brand.eq_ignore_ascii_case("unknown")
            && !brand.eq_ignore_ascii_case(&maker),
        negative,
        unknown,
        maker,
    })
}

/// Whether `line` is in one of `texts` as written, XML-escaped or JSON-string-escaped (plain,
/// with non-ASCII as `\uXXXX`, or HTML-safe as Go writes it). The forms are built only when
/// the line is not there as written, which is most lines.
fn appears_in(line: &str, texts: &[String]) -> bool {
    if texts.iter().any(|t| t.contains(line)) {
        return true;
    }
    let json = serde_json::to_string(line).unwrap_or_default();
    let json = &json[1..json.len().saturating_sub(1).max(1)];
    let forms = [
        xml_escaped(line),
        xml_escaped_minimal(line),
        json.to_owned(),
        json.replace('/', "\\/"),
        ascii_escaped(json, false),
        ascii_escaped(json, true),
        html_safe(json),
    ];
    forms
        .iter()
        .any(|form| texts.iter().any(|t| t.contains(form.as_str())))
}

/// JSON text as Go's `encoding/json` writes it by default: `<`, `>` and `&` as `\u003c`,
/// `\u003e` and `\u0026` (recorded replies kept in Go test data).
fn html_safe(json: &str) -> String {
    json.replace('&', "\\u0026")
        .replace('<', "\\u003c")
        .replace('>', "\\u003e")
}

/// JSON text with every non-ASCII character as `\uXXXX` (UTF-16 units), as Python's
/// `json.dumps` and many fixture writers store it.
fn ascii_escaped(json: &str, upper: bool) -> String {
    let mut out = String::with_capacity(json.len());
    for c in json.chars() {
        if c.is_ascii() {
            out.push(c);
            continue;
        }
        let mut units = [0u16; 2];
        for unit in c.encode_utf16(&mut units) {
            out.push_str(&if upper {
                format!("\\u{unit:04X}")
            } else {
                format!("\\u{unit:04x}")
            });
        }
    }
    out
}

fn xml_escaped(s: &str) -> String {
    xml_escaped_minimal(s)
        .replace('"', "&quot;")
        .replace('\'', "&apos;")
}

/// Escaped as most XML writers do in text content (quotes left alone).
fn xml_escaped_minimal(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn corpus_root() -> PathBuf {
        Path::new(env!("CARGO_MANIFEST_DIR")).join("../crates/identify/testdata/corpus")
    }

    #[test]
    fn the_committed_corpus_passes_its_check() {
        match check(&corpus_root()) {
            Ok(summary) => assert!(summary.samples > 0, "{summary}"),
            Err(problems) => panic!(
                "{} problem(s):\n{}",
                problems.len(),
                problems
                    .iter()
                    .map(ToString::to_string)
                    .collect::<Vec<_>>()
                    .join("\n")
            ),
        }
    }

    #[test]
    fn the_reserved_list_matches_the_shared_file_when_present() {
        let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../shared/corpus/RESERVED.md");
        let Ok(text) = std::fs::read_to_string(&path) else {
            eprintln!("skipped: {} is not on this machine", path.display());
            return;
        };
        for repo in RESERVED_REPOS {
            assert!(text.contains(repo), "{repo} is not in RESERVED.md");
        }
    }

    #[test]
    fn a_sample_typed_in_or_from_a_reserved_source_is_refused() {
        let dir = tempfile::tempdir().unwrap();
        let source = dir.path().join("bad-source");
        std::fs::create_dir_all(source.join("text")).unwrap();
        std::fs::write(
            source.join("source.toml"),
            "id = \"bad-source\"\nrepo = \"uilibs/uiprotect\"\npaths = [\"tests/x.json\"]\ncommit = \"\"\nlicense = \"MIT\"\nurl = \"\"\nkind = \"test-fixture\"\nnote = \"n\"\n",
        )
        .unwrap();
        std::fs::write(
            source.join("text/x.json"),
            "{\"server\": \"App-webs/\", \"title\": \"a &amp; b\", \"name\": \"caf\\u00e9\", \"go\": \"\\u003cb\\u003e\"}",
        )
        .unwrap();
        let row = |id: &str, sample: &str| {
            serde_json::json!({
                "id": id, "source": "bad-source", "protocol": "http",
                "sample_context": "Server header", "sample": sample,
                "true_manufacturer": "Hikvision", "brand_label": "Hikvision",
                "label_basis": "b", "label_confidence": "high", "device_type": "ip-camera",
            })
            .to_string()
        };
        std::fs::write(
            source.join("samples.jsonl"),
            [
                row("bad-source-1", "App-webs/"),
                row("bad-source-2", "a & b"),
                row("bad-source-2", "typed from memory"),
                "{not json".to_owned(),
                row("bad-source-5", "caf\u{e9}"),
                row("bad-source-6", "<b>"),
            ]
            .join("\n"),
        )
        .unwrap();
        let problems = check(dir.path()).unwrap_err();
        let text: Vec<String> = problems.iter().map(ToString::to_string).collect();
        let has = |needle: &str| text.iter().any(|t| t.contains(needle));
        assert!(
            has("source.toml: repo: uilibs/uiprotect is reserved"),
            "{text:#?}"
        );
        assert!(
            has("samples.jsonl:3: id: \"bad-source-2\" is used twice"),
            "{text:#?}"
        );
        assert!(
            has("samples.jsonl:3: sample: the line \"typed from memory\""),
            "{text:#?}"
        );
        assert!(has("samples.jsonl:4: not a JSON object"), "{text:#?}");
        assert!(
            !has("samples.jsonl:1:")
                && !has("samples.jsonl:2:")
                && !has("samples.jsonl:5:")
                && !has("samples.jsonl:6:"),
            "a verbatim, an XML-escaped and a \\u-escaped line pass: {text:#?}"
        );
    }

    #[test]
    fn reserved_parts_refuse_their_paths_and_threads_only() {
        assert!(
            reserved(
                "AlexxIT/go2rtc",
                &["pkg/onvif/x_test.go".into()],
                "test-fixture"
            )
            .is_none()
        );
        assert!(reserved("AlexxIT/go2rtc", &[], "issue-thread").is_some());
        assert!(
            reserved(
                "librenms/librenms",
                &["tests/snmpsim/hikvision.snmprec".into()],
                "recording"
            )
            .is_some()
        );
        assert!(
            reserved(
                "librenms/librenms",
                &["includes/definitions/axis.yaml".into()],
                "documentation"
            )
            .is_none()
        );
    }
}
