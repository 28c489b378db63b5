//! Evidence that is not bound to one field of one message: the traits of a firmware family
//! show up wherever the device writes them, so they are looked for in every field.
//!
//! - **Maker mentions**: a registry name, alias or brand ("Hikvision", "Wisenet", "LTS") as
//!   whole words in any identity string (titles, realms, server headers, banners, SDP session
//!   names, SNMP sysDescr, UPnP descriptions) or in a page's copyright notice. A field that
//!   names three or more makers is a list (a VMS's "supported cameras"), not a self-statement,
//!   and says nothing.
//! - **Model-number grammars**: every `device.model` rule anchored at the start of the value is
//!   also run, with a word boundary instead, on every other field (a `DS-2CD2143G2-I` in a
//!   realm, a title, an SNMP sysDescr or a URL).
//! - **URL path conventions**: every stream-path rule (`onvif.stream_uri`) is run on each URL
//!   found in any field (a `GetSnapshotUri` reply, an RTSP `Content-Base`, a page's links).
//!
//! Each derived reading keeps its rule's id, so the leave-one-source-out score drops it with
//! the rule.

use std::collections::{HashMap, HashSet};

use camsweep_kb::KnowledgeBase;
use camsweep_kb::rules::{Pattern, Rule};
use camsweep_kb::vendors::normalise;
use camsweep_model::field;
use regex::{Regex, RegexSet, RegexSetBuilder};

/// A name that is also an ordinary word (or too short to be unique) counts only when written
/// as the registry writes it or in capitals, and never in free text.
const COMMON_WORDS: &[&str] = &[
    "axis", "deco", "ring", "patriot", "brother", "google", "omada", "kasa", "canon", "hik",
    "tapo", "vigi", "arlo", "nest", "mijia", "commend", "deco", "philips", "dell",
];

/// Fields whose whole value is the device's own identity string: a maker named there is the
/// device speaking about itself. SDP session names are not among them: the streaming stack
/// writes them, and stacks are shared across makers ("Sony RTSP Server" on Amcrest cameras).
const IDENTITY_FIELDS: &[&str] = &[
    field::HTTP_SERVER,
    field::HTTP_TITLE,
    field::HTTP_REALM,
    field::RTSP_SERVER,
    field::RTSP_REALM,
    field::SSH_BANNER,
    field::TELNET_BANNER,
    field::FTP_BANNER,
    field::SNMP_SYS_DESCR,
    field::SSDP_SERVER,
    field::UPNP_MODEL_DESCRIPTION,
    field::DEVICE_NAME,
    field::DEVICE_TYPE,
    field::DHCP_VENDOR_CLASS,
    field::SIP_USER_AGENT,
    field::TLS_SUBJECT_CN,
    field::TLS_SUBJECT_OU,
    field::ONVIF_SCOPE_HARDWARE,
];

/// Fields never read for mentions or grammars: claims have their own reading, and addresses,
/// serials and dates name nobody.
const SKIPPED_FIELDS: &[&str] = &[
    field::DEVICE_MANUFACTURER,
    field::DEVICE_VENDOR,
    field::TLS_SUBJECT_O,
    field::TLS_ISSUER_O,
    field::MAC,
    field::DEVICE_MAC,
    field::DEVICE_MODEL,
    field::DEVICE_FIRMWARE_DATE,
    field::HTTP_STATUS,
    field::RTSP_STATUS,
    field::HTTP_SET_COOKIE,
    field::RAW,
];

/// A mention in an identity field, in another field, and in a copyright notice.
pub const MENTION_IDENTITY_STRENGTH: f64 = 0.7;
pub const MENTION_OTHER_STRENGTH: f64 = 0.5;
pub const MENTION_COPYRIGHT_STRENGTH: f64 = 0.65;
/// A model grammar found outside `device.model` keeps this share of its rule's strength
/// (identity fields), or the lower one (bodies and other fields).
pub const GRAMMAR_IDENTITY_FACTOR: f64 = 0.9;
pub const GRAMMAR_OTHER_FACTOR: f64 = 0.7;
/// A stream-path convention seen in a URL of another field.
pub const URL_FACTOR: f64 = 0.9;
/// Longest text scanned for mentions and URLs.
const SCAN_MAX: usize = 64 * 1024;
/// Longest registry name, in words.
const MAX_NAME_WORDS: usize = 4;

/// Whether `name` is an identity field.
pub fn is_identity_field(name: &str) -> bool {
    IDENTITY_FIELDS.contains(&name)
}

/// Whether the general readings skip this field.
pub fn is_skipped_field(name: &str) -> bool {
    SKIPPED_FIELDS.contains(&name)
}

/// How a registry name was spelt there, for the common-word guard.
#[derive(Debug)]
struct NameEntry {
    spellings: Vec<String>,
    common: bool,
}

/// A mention found in a value: the text as written.
#[derive(Debug, PartialEq)]
pub struct Mention {
    pub text: String,
    pub key: String,
}

/// Rules derived from the KB's rules for reading any field.
#[derive(Debug)]
pub struct General {
    names: HashMap<String, NameEntry>,
    first_words: HashSet<String>,
    grammars: Option<Derived>,
    url_paths: Option<Derived>,
    url: Regex,
    copyright: Regex,
}

/// A rule set over derived patterns, with each pattern's rule and regex.
#[derive(Debug)]
pub struct Derived {
    pub set: RegexSet,
    pub rules: Vec<usize>,
    pub regexes: Vec<Regex>,
}

impl General {
    pub fn new(kb: &KnowledgeBase, keep: &dyn Fn(&Rule) -> bool) -> Self {
        let mut names: HashMap<String, NameEntry> = HashMap::new();
        let mut add = |name: &str| {
            let key = normalise(name);
            if key.is_empty() || key.split(' ').count() > MAX_NAME_WORDS {
                return;
            }
            let single = !key.contains(' ');
            let common = single && (key.len() <= 3 || COMMON_WORDS.contains(&key.as_str()));
            let entry = names.entry(key).or_insert(NameEntry {
                spellings: Vec::new(),
                common,
            });
            if !entry.spellings.iter().any(|s| s == name.trim()) {
                entry.spellings.push(name.trim().to_owned());
            }
        };
        for vendor in kb.vendors.iter() {
            add(&vendor.id);
            add(&vendor.name);
            for a in &vendor.aliases {
                add(a);
            }
            for b in &vendor.brands {
                add(&b.name);
                for a in &b.aliases {
                    add(a);
                }
            }
            for r in &vendor.relabels {
                add(&r.brand);
            }
        }
        // A vendor id is a slug ("hikvision", "i-pro"): as a mention it must read as a word.
        names.retain(|k, _| k.chars().any(|c| c.is_alphabetic()));
        let first_words = names
            .keys()
            .map(|k| k.split(' ').next().unwrap_or_default().to_owned())
            .collect();
        let rules = kb.rules.rules();
        let grammars = derive(rules, keep, |r| {
            (r.field == field::DEVICE_MODEL)
                .then(|| unanchored(&r.pattern))
                .flatten()
        });
        let url_paths = derive(rules, keep, |r| {
            (r.field == field::ONVIF_STREAM_URI).then(|| r.pattern.to_regex())
        });
        Self {
            names,
            first_words,
            grammars,
            url_paths,
            url: Regex::new(r#"(?i)\b(?:rtsp|rtmp|https?)://[^\s"'<>\\]+"#).expect("valid"),
            copyright: Regex::new(
                r"(?i)(?:(?:©|&copy;|\(c\)|copyright)\s*)+(?:\d{4}\s*(?:[-–~]\s*\d{4})?)?[ ,]*([^<>\n\r]{2,80})",
            )
            .expect("valid"),
        }
    }

    pub fn grammars(&self) -> Option<&Derived> {
        self.grammars.as_ref()
    }

    pub fn url_paths(&self) -> Option<&Derived> {
        self.url_paths.as_ref()
    }

    /// URLs written inside a value.
    pub fn urls<'v>(&self, value: &'v str) -> impl Iterator<Item = &'v str> + use<'v, '_> {
        self.url
            .find_iter(bounded(value))
            .map(|m| m.as_str().trim_end_matches(['.', ',', ')', ';']))
    }

    /// The copyright notices of a page body.
    pub fn copyright_notices<'v>(
        &self,
        body: &'v str,
    ) -> impl Iterator<Item = &'v str> + use<'v, '_> {
        self.copyright
            .captures_iter(bounded(body))
            .filter_map(|c| c.get(1).map(|m| m.as_str()))
    }

    /// Registry names written as whole words in `value`, longest first at each position.
    /// `free_text` applies the common-word guard strictly (bodies, notices).
    pub fn mentions(&self, value: &str, free_text: bool) -> Vec<Mention> {
        let value = bounded(value);
        // Words with their byte spans; letters and digits only.
        let mut words: Vec<(usize, usize)> = Vec::new();
        let mut start = None;
        for (i, c) in value.char_indices() {
            match (c.is_alphanumeric(), start) {
                (true, None) => start = Some(i),
                (false, Some(s)) => {
                    words.push((s, i));
                    start = None;
                }
                _ => {}
            }
        }
        if let Some(s) = start {
            words.push((s, value.len()));
        }
        let lower: Vec<String> = words
            .iter()
            .map(|&(s, e)| value[s..e].to_lowercase())
            .collect();
        let mut out: Vec<Mention> = Vec::new();
        let mut i = 0;
        while i < words.len() {
            if !self.first_words.contains(&lower[i]) {
                i += 1;
                continue;
            }
            let mut matched = 0;
            for n in (1..=MAX_NAME_WORDS.min(words.len() - i)).rev() {
                let key = lower[i..i + n].join(" ");
                let Some(entry) = self.names.get(&key) else {
                    continue;
                };
                let text = &value[words[i].0..words[i + n - 1].1];
                if entry.common {
                    // A lowercase spelling is a vendor id (a slug such as "axis" or "dji"),
                    // not how the maker writes its name: it would match the ordinary word.
                    let as_registered = entry
                        .spellings
                        .iter()
                        .any(|s| s == text && s.chars().any(char::is_uppercase));
                    let capitals = text.chars().all(|c| !c.is_lowercase()) && text.len() > 1;
                    if free_text || !(as_registered || capitals) {
                        continue;
                    }
                }
                if !out.iter().any(|m| m.key == key) {
                    out.push(Mention {
                        text: text.to_owned(),
                        key,
                    });
                }
                matched = n;
                break;
            }
            i += matched.max(1);
        }
        out
    }
}

/// Whether a grammar's match, read outside `device.model`, is a whole model number: at least
/// six letters and digits, two of them digits (real ones are `DS-2CD2143G2-I`, `SNO-6084R`,
/// `IPC-HDW2431T`; prose look-alikes are short, like `SND-2`).
pub fn looks_like_model_number(matched: &str) -> bool {
    let alnum = matched
        .chars()
        .filter(|c| c.is_ascii_alphanumeric())
        .count();
    let digits = matched.chars().filter(|c| c.is_ascii_digit()).count();
    alnum >= 6 && digits >= 2
}

/// A `device.model` pattern with its start anchor replaced by a word boundary, or `None` when
/// it is not anchored (then it is not a grammar of a whole model number).
fn unanchored(pattern: &Pattern) -> Option<String> {
    let Pattern::Regex(text) = pattern else {
        return None;
    };
    let (flags, rest) = match text.strip_prefix("(?i)") {
        Some(rest) => ("(?i)", rest),
        None => ("", text.as_str()),
    };
    let body = rest.strip_prefix(r"^\s*")?;
    let body = match body.strip_suffix('$') {
        Some(b) if !b.ends_with('\\') => format!("{b}(?:$|[^0-9A-Za-z-])"),
        _ => body.to_owned(),
    };
    Some(format!("{flags}(?:^|[^0-9A-Za-z-]){body}"))
}

fn derive(
    rules: &[Rule],
    keep: &dyn Fn(&Rule) -> bool,
    pattern: impl Fn(&Rule) -> Option<String>,
) -> Option<Derived> {
    let mut indices = Vec::new();
    let mut regexes = Vec::new();
    let mut sources = Vec::new();
    for (i, rule) in rules.iter().enumerate() {
        if !keep(rule) {
            continue;
        }
        let Some(p) = pattern(rule) else { continue };
        // A derived pattern that does not compile is skipped, not fatal: its rule still reads
        // its own field.
        let Ok(re) = regex::RegexBuilder::new(&p).size_limit(1 << 22).build() else {
            continue;
        };
        indices.push(i);
        regexes.push(re);
        sources.push(p);
    }
    if indices.is_empty() {
        return None;
    }
    let set = RegexSetBuilder::new(&sources)
        .size_limit(64 << 20)
        .dfa_size_limit(64 << 20)
        .build()
        .ok()?;
    Some(Derived {
        set,
        rules: indices,
        regexes,
    })
}

fn bounded(s: &str) -> &str {
    if s.len() <= SCAN_MAX {
        return s;
    }
    let mut end = SCAN_MAX;
    while !s.is_char_boundary(end) {
        end -= 1;
    }
    &s[..end]
}

#[cfg(test)]
mod tests {
    use super::*;

    fn general() -> (KnowledgeBase, General) {
        let kb = KnowledgeBase::embedded().unwrap();
        let g = General::new(&kb, &|_| true);
        (kb, g)
    }

    #[test]
    fn mentions_are_whole_words_and_common_words_need_their_spelling() {
        let (_, g) = general();
        let keys = |v: &str, free: bool| -> Vec<String> {
            g.mentions(v, free).into_iter().map(|m| m.key).collect()
        };
        assert_eq!(keys("HIKVISION Digital Technology", false), ["hikvision"]);
        assert_eq!(keys("Welcome to Hanwha Vision camera", false).len(), 1);
        assert!(keys("hikvisioncompatible", false).is_empty());
        assert_eq!(keys("AXIS P3245-LV Network Camera", false), ["axis"]);
        assert!(keys("the x axis of the chart", false).is_empty());
        assert!(
            keys("AXIS", true).is_empty(),
            "common words never in free text"
        );
        assert!(keys("rings and things", false).is_empty());
    }

    #[test]
    fn model_grammars_lose_their_anchor_only() {
        let p = Pattern::Regex(r"^\s*((?:DS|iDS)-2(?:CD|XM)[0-9A-Z][-0-9A-Z/()+]*)".into());
        let re = Regex::new(&unanchored(&p).unwrap()).unwrap();
        let caps = re.captures("Digest realm=\"DS-2CD2143G2-I\"").unwrap();
        assert_eq!(&caps[1], "DS-2CD2143G2-I");
        assert!(
            !re.is_match("XDS-2CD2143"),
            "a word boundary, not a substring"
        );
        assert!(unanchored(&Pattern::Regex("IPC-.*".into())).is_none());
        let ended = Pattern::Regex(r"^\s*(NVR-[0-9]{3}[A-Z]+)$".into());
        let re = Regex::new(&unanchored(&ended).unwrap()).unwrap();
        assert!(re.is_match("model NVR-208H here"));
        assert!(!re.is_match("NVR-208Hx"));
    }

    #[test]
    fn urls_and_copyright_notices_are_found_in_any_text() {
        let (_, g) = general();
        let body = r#"<Uri>rtsp://10.0.0.2:554/cam/realmonitor?channel=1&amp;subtype=0</Uri>"#;
        assert_eq!(
            g.urls(body).collect::<Vec<_>>(),
            ["rtsp://10.0.0.2:554/cam/realmonitor?channel=1&amp;subtype=0"]
        );
        let page = "<div>Copyright &copy; 2015-2023 Hangzhou Hikvision Digital Technology Co., Ltd. All Rights Reserved.</div>";
        let notice: Vec<&str> = g.copyright_notices(page).collect();
        assert_eq!(notice.len(), 1);
        assert!(notice[0].starts_with("Hangzhou Hikvision"), "{notice:?}");
    }
}
