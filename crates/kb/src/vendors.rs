//! The vendor registry (`vendors.toml`): who makes what, who owns whom, which restriction lists
//! name them, which brands they sell under and which other companies relabel their equipment.
//! Every fact carries a source; claims that were not verified are kept apart (`unverified`,
//! `evidence = "community"`, low confidence) so that nothing downstream promotes them.
//!
//! The file format is documented field by field in `docs/kb.md`.

use std::collections::{HashMap, HashSet};
use std::ops::Range;
use std::sync::Arc;

use camsweep_model::{ListMembership, PrcNil, VendorFacts};
use regex::Regex;
use serde::{Deserialize, Serialize};
use toml::Spanned;

use crate::{KbError, line_of};

/// The schema version this code reads.
pub const SCHEMA_VERSION: u32 = 1;

/// What part a company plays in the equipment's life.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Role {
    /// Designs and makes hardware/firmware.
    Manufacturer,
    /// Owns brands; the hardware may be made by others.
    BrandOwner,
    /// Sells other makers' equipment under its own label.
    Relabeller,
    /// A holding or parent company, listed for ownership chains.
    Parent,
}

/// How strongly a claim is supported.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Confidence {
    Low,
    Medium,
    High,
}

impl Confidence {
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Low => "low",
            Self::Medium => "medium",
            Self::High => "high",
        }
    }
}

/// What kind of source backs a claim (the labels of `shared/research/regimes.md`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum EvidenceLevel {
    /// Official text or a verbatim copy.
    Primary,
    /// Press, law-firm note or other third party reporting the fact.
    Secondary,
    /// Public source code or hobbyist documentation: a heuristic, not authoritative.
    Community,
    /// Believed but not read in any source.
    Unverified,
}

impl EvidenceLevel {
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Primary => "primary",
            Self::Secondary => "secondary",
            Self::Community => "community",
            Self::Unverified => "unverified",
        }
    }
}

/// One restriction list (`[[list]]`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ListDefinition {
    /// e.g. `ndaa-889`.
    pub id: String,
    pub title: String,
    /// ISO 3166-1 alpha-2 of the jurisdiction (`US`, `AU`, `GB`).
    pub jurisdiction: String,
    /// `procurement-ban`, `authorisation-ban`, `export-control`, `investment-ban`,
    /// `risk-flag`, `audit`.
    pub kind: String,
    /// What membership means, in a sentence.
    pub meaning: String,
    pub sources: Vec<String>,
}

/// A vendor's own brand or sub-brand (`[[vendor.brands]]`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Brand {
    pub name: String,
    #[serde(default)]
    pub aliases: Vec<String>,
    /// Years the brand belonged to the vendor, where it matters (`"2018 to 2022"`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub years: Option<String>,
    pub confidence: Confidence,
    pub evidence: EvidenceLevel,
    #[serde(default)]
    pub note: String,
    pub source: String,
}

/// Another company's label on this vendor's equipment (`[[vendor.relabels]]`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Relabel {
    /// The label the device carries.
    pub brand: String,
    #[serde(default)]
    pub aliases: Vec<String>,
    /// Vendor id of the company selling under that label, when it has an entry.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub relabeller: Option<String>,
    /// When the relabelling is reported to have happened.
    pub years: String,
    pub confidence: Confidence,
    pub evidence: EvidenceLevel,
    #[serde(default)]
    pub note: String,
    pub source: String,
}

/// One vendor of the registry.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Vendor {
    /// Lowercase slug, e.g. `hikvision`, `i-pro`.
    pub id: String,
    pub name: String,
    pub role: Role,
    pub legal_names: Vec<String>,
    pub aliases: Vec<String>,
    /// Vendor id of the parent company, when it has an entry.
    pub parent: Option<String>,
    /// Ownership in words (percentages, dates, ultimate owner).
    pub parent_note: String,
    /// Vendor ids whose product line this vendor took over (a carve-out or rename: i-PRO took
    /// over Panasonic's security cameras). Equipment of that line made before the handover is
    /// labelled with the predecessor's name; see `Registry::same_product_line`.
    pub predecessors: Vec<String>,
    /// ISO 3166-1 alpha-2 headquarters country.
    pub hq_country: Option<String>,
    pub hq_city: Option<String>,
    pub subject_to_prc_nil: PrcNil,
    pub nil_reasoning: String,
    pub lists: Vec<ListMembership>,
    pub brands: Vec<Brand>,
    pub relabels: Vec<Relabel>,
    /// What it makes: `video-surveillance`, `drones`, `telecom`, `networking`, `printers`, ...
    pub categories: Vec<String>,
    /// IEEE registry "Organization Name" entries of this vendor: exact names (compared case- and
    /// punctuation-insensitively) or `re:`-prefixed case-insensitive regexes.
    pub ieee_organisations: Vec<String>,
    pub notes: String,
    pub sources: Vec<String>,
    /// Claims in this entry that were not verified.
    pub unverified: Vec<String>,
}

/// Whether a brand label is the maker's own or another company's label on its equipment.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum BrandKind {
    OwnBrand,
    Relabel,
}

/// What a brand label says about who made the equipment.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct BrandMatch {
    /// The brand as the registry spells it.
    pub brand: String,
    /// Vendor id of the manufacturer (or brand owner) behind the label.
    pub manufacturer: String,
    pub kind: BrandKind,
    /// Vendor id of the relabelling company, for relabels that have an entry.
    pub relabeller: Option<String>,
    pub years: Option<String>,
    pub confidence: Confidence,
    pub evidence: EvidenceLevel,
    pub note: String,
    pub source: String,
}

/// The vendor registry, validated and indexed.
#[derive(Debug, Default)]
pub struct Registry {
    vendors: Vec<Vendor>,
    lists: Vec<ListDefinition>,
    by_id: HashMap<String, usize>,
    /// Normalised names (and their legal-suffix-stripped forms) → vendor index.
    by_name: HashMap<String, usize>,
    /// Normalised brand labels → matches.
    by_brand: HashMap<String, Vec<BrandMatch>>,
    /// Normalised exact IEEE organisation names → vendor index.
    ieee_exact: HashMap<String, usize>,
    ieee_patterns: Vec<(Regex, usize)>,
    /// Each vendor's facts, built once and shared by every identification that names it (a
    /// copy per device cost 1.4 KB each: 31 MB of a 60 MB ingest).
    facts: std::sync::OnceLock<HashMap<String, Arc<VendorFacts>>>,
}

impl Registry {
    /// Parses and validates `vendors.toml`. Errors name `file`, the line and the field.
    pub fn parse(text: &str, file: &str) -> Result<Self, KbError> {
        let raw: RawFile = crate::error::parse_toml(text, file)?;
        let at = |span: Range<usize>, field: &str, message: String| {
            crate::error::entry_error(text, file, span, field, message)
        };
        crate::error::check_schema(text, file, &raw.schema_version, SCHEMA_VERSION)?;

        let mut lists = Vec::new();
        let mut list_ids = HashSet::new();
        for list in raw.list {
            let span = list.id.span();
            let def = ListDefinition {
                id: list.id.into_inner(),
                title: list.title,
                jurisdiction: list.jurisdiction,
                kind: list.kind,
                meaning: list.meaning,
                sources: list.sources,
            };
            if !is_slug(&def.id) {
                return Err(at(
                    span,
                    "list.id",
                    format!("`{}` is not a lowercase slug", def.id),
                ));
            }
            if def.sources.is_empty() {
                return Err(at(
                    span,
                    "list.sources",
                    format!("list `{}` has no source", def.id),
                ));
            }
            if !list_ids.insert(def.id.clone()) {
                return Err(at(
                    span,
                    "list.id",
                    format!("list `{}` is defined twice", def.id),
                ));
            }
            lists.push(def);
        }

        let mut registry = Registry {
            lists,
            ..Registry::default()
        };
        let mut spans = Vec::new();
        for raw_vendor in raw.vendor {
            let id_span = raw_vendor.id.span();
            let id = raw_vendor.id.into_inner();
            if !is_slug(&id) {
                return Err(at(
                    id_span,
                    "vendor.id",
                    format!("`{id}` is not a lowercase slug"),
                ));
            }
            if registry.by_id.contains_key(&id) {
                return Err(at(
                    id_span,
                    "vendor.id",
                    format!("vendor `{id}` is defined twice"),
                ));
            }
            if raw_vendor.sources.is_empty() {
                return Err(at(
                    id_span,
                    "vendor.sources",
                    format!("vendor `{id}` has no source"),
                ));
            }
            let mut memberships = Vec::new();
            for m in raw_vendor.lists {
                let list_span = m.list.span();
                let list = m.list.into_inner();
                if !list_ids.contains(&list) {
                    return Err(at(
                        list_span,
                        "vendor.lists.list",
                        format!("vendor `{id}`: unknown list id `{list}` (define it in [[list]])"),
                    ));
                }
                if m.source.trim().is_empty() {
                    return Err(at(
                        list_span,
                        "vendor.lists.source",
                        format!("vendor `{id}`: membership of `{list}` has no source"),
                    ));
                }
                memberships.push(ListMembership {
                    list,
                    since: m.since,
                    via: m.via,
                    source: m.source,
                });
            }
            for relabel in &raw_vendor.relabels {
                if relabel.source.trim().is_empty() {
                    return Err(at(
                        id_span.clone(),
                        "vendor.relabels.source",
                        format!("vendor `{id}`: relabel `{}` has no source", relabel.brand),
                    ));
                }
            }
            for brand in &raw_vendor.brands {
                if brand.source.trim().is_empty() {
                    return Err(at(
                        id_span.clone(),
                        "vendor.brands.source",
                        format!("vendor `{id}`: brand `{}` has no source", brand.name),
                    ));
                }
            }
            let parent_span = raw_vendor.parent.as_ref().map(Spanned::span);
            let vendor = Vendor {
                id: id.clone(),
                name: raw_vendor.name,
                role: raw_vendor.role,
                legal_names: raw_vendor.legal_names,
                aliases: raw_vendor.aliases,
                parent: raw_vendor.parent.map(Spanned::into_inner),
                parent_note: raw_vendor.parent_note,
                predecessors: raw_vendor.predecessors,
                hq_country: raw_vendor.hq_country,
                hq_city: raw_vendor.hq_city,
                subject_to_prc_nil: raw_vendor.subject_to_prc_nil,
                nil_reasoning: raw_vendor.nil_reasoning,
                lists: memberships,
                brands: raw_vendor.brands,
                relabels: raw_vendor.relabels,
                categories: raw_vendor.categories,
                ieee_organisations: raw_vendor.ieee_organisations,
                notes: raw_vendor.notes,
                sources: raw_vendor.sources,
                unverified: raw_vendor.unverified,
            };
            registry.by_id.insert(id, registry.vendors.len());
            registry.vendors.push(vendor);
            spans.push((id_span, parent_span));
        }

        // References between vendors, checked once every id is known.
        for (index, vendor) in registry.vendors.iter().enumerate() {
            let (id_span, parent_span) = &spans[index];
            if let Some(parent) = &vendor.parent {
                if !registry.by_id.contains_key(parent) {
                    return Err(at(
                        parent_span.clone().unwrap_or(id_span.clone()),
                        "vendor.parent",
                        format!(
                            "vendor `{}`: parent `{parent}` is not a vendor id",
                            vendor.id
                        ),
                    ));
                }
                if parent == &vendor.id {
                    return Err(at(
                        id_span.clone(),
                        "vendor.parent",
                        format!("vendor `{}` is its own parent", vendor.id),
                    ));
                }
            }
            for predecessor in &vendor.predecessors {
                if !registry.by_id.contains_key(predecessor) || predecessor == &vendor.id {
                    return Err(at(
                        id_span.clone(),
                        "vendor.predecessors",
                        format!(
                            "vendor `{}`: predecessor `{predecessor}` is not another vendor id",
                            vendor.id
                        ),
                    ));
                }
            }
            for relabel in &vendor.relabels {
                if let Some(relabeller) = &relabel.relabeller
                    && !registry.by_id.contains_key(relabeller)
                {
                    return Err(at(
                        id_span.clone(),
                        "vendor.relabels.relabeller",
                        format!(
                            "vendor `{}`: relabel `{}` names relabeller `{relabeller}`, which is not a vendor id",
                            vendor.id, relabel.brand
                        ),
                    ));
                }
            }
        }
        registry.check_parent_cycles(file)?;

        registry.index_names(file)?;
        registry.index_brands();
        registry.index_ieee(file, text, &spans)?;
        Ok(registry)
    }

    pub fn get(&self, id: &str) -> Option<&Vendor> {
        self.by_id.get(id).map(|&i| &self.vendors[i])
    }

    pub fn iter(&self) -> impl Iterator<Item = &Vendor> {
        self.vendors.iter()
    }

    pub fn len(&self) -> usize {
        self.vendors.len()
    }

    pub fn is_empty(&self) -> bool {
        self.vendors.is_empty()
    }

    /// A manufacturer name as a device or document states it ("HIKVISION", "Zhejiang Dahua
    /// Technology Co., Ltd.", "Dahua"): matches ids, names, legal names and aliases, ignoring case
    /// and punctuation, whole or with legal suffixes ("Co., Ltd.", "Inc.") stripped. Never a
    /// substring match: "Hikvision-compatible camera" resolves to nothing.
    pub fn resolve_name(&self, name: &str) -> Option<&Vendor> {
        let key = normalise(name);
        if key.is_empty() {
            return None;
        }
        if let Some(&i) = self.by_name.get(&key) {
            return Some(&self.vendors[i]);
        }
        let stripped = strip_legal_suffixes(&key);
        self.by_name.get(stripped).map(|&i| &self.vendors[i])
    }

    /// Whether `identified` names the same product line as `label`: the same vendor, or a vendor
    /// that took over `label`'s line (`predecessors`). Used to score labels written before a
    /// handover (an old WV- camera labelled Panasonic, identified as i-PRO). Not symmetric: the
    /// predecessor does not stand for its successor.
    pub fn same_product_line(&self, identified: &str, label: &str) -> bool {
        identified == label
            || self
                .get(identified)
                .is_some_and(|v| v.predecessors.iter().any(|p| p == label))
    }

    /// A brand label ("LTS", "Annke", "EZVIZ", "Imou", "Lorex"): the vendors' own brands and the
    /// known relabels of their equipment, strongest first. Empty when the label is unknown.
    pub fn resolve_brand(&self, brand: &str) -> Vec<BrandMatch> {
        let key = normalise(brand);
        if key.is_empty() {
            return Vec::new();
        }
        let found = self
            .by_brand
            .get(&key)
            .or_else(|| self.by_brand.get(strip_legal_suffixes(&key)));
        found.cloned().unwrap_or_default()
    }

    /// The vendor's facts as an identification carries them (shared, not copied).
    pub fn facts(&self, id: &str) -> Option<Arc<VendorFacts>> {
        self.facts
            .get_or_init(|| {
                self.vendors
                    .iter()
                    .filter_map(|v| Some((v.id.clone(), Arc::new(self.build_facts(&v.id)?))))
                    .collect()
            })
            .get(id)
            .cloned()
    }

    fn build_facts(&self, id: &str) -> Option<VendorFacts> {
        let vendor = self.get(id)?;
        let mut sources = vendor.sources.clone();
        for membership in &vendor.lists {
            if !sources.contains(&membership.source) {
                sources.push(membership.source.clone());
            }
        }
        Some(VendorFacts {
            id: vendor.id.clone(),
            name: vendor.name.clone(),
            parent: vendor.parent.clone(),
            hq_country: vendor.hq_country.clone(),
            subject_to_prc_nil: vendor.subject_to_prc_nil,
            nil_reasoning: vendor.nil_reasoning.clone(),
            lists: vendor.lists.clone(),
            sources,
        })
    }

    /// The restriction lists that memberships refer to, with their sources.
    pub fn list_definitions(&self) -> &[ListDefinition] {
        &self.lists
    }

    pub fn list_definition(&self, id: &str) -> Option<&ListDefinition> {
        self.lists.iter().find(|l| l.id == id)
    }

    /// The vendor an IEEE registry "Organization Name" belongs to, per `ieee_organisations`.
    pub fn vendor_for_ieee_organisation(&self, organisation: &str) -> Option<&Vendor> {
        let key = normalise(organisation);
        if let Some(&i) = self.ieee_exact.get(&key) {
            return Some(&self.vendors[i]);
        }
        self.ieee_patterns
            .iter()
            .find(|(re, _)| re.is_match(organisation))
            .map(|&(_, i)| &self.vendors[i])
    }

    /// The chain of owners above `id`, nearest first (`hikvision` → `["cetc"]`).
    pub fn ancestors(&self, id: &str) -> Vec<&Vendor> {
        let mut chain = Vec::new();
        let mut current = self.get(id);
        while let Some(parent) = current
            .and_then(|v| v.parent.as_deref())
            .and_then(|p| self.get(p))
        {
            chain.push(parent);
            current = Some(parent);
        }
        chain
    }

    fn check_parent_cycles(&self, file: &str) -> Result<(), KbError> {
        for vendor in &self.vendors {
            let mut seen = HashSet::from([vendor.id.as_str()]);
            let mut current = vendor.parent.as_deref();
            while let Some(parent) = current {
                if !seen.insert(parent) {
                    return Err(KbError::Invalid {
                        file: file.to_owned(),
                        field: "vendor.parent".to_owned(),
                        message: format!("ownership cycle through `{}`", vendor.id),
                    });
                }
                current = self.get(parent).and_then(|v| v.parent.as_deref());
            }
        }
        Ok(())
    }

    fn index_names(&mut self, file: &str) -> Result<(), KbError> {
        let mut exact: HashMap<String, usize> = HashMap::new();
        let mut stripped: HashMap<String, Option<usize>> = HashMap::new();
        for (index, vendor) in self.vendors.iter().enumerate() {
            let names = std::iter::once(&vendor.id)
                .chain(std::iter::once(&vendor.name))
                .chain(&vendor.legal_names)
                .chain(&vendor.aliases);
            for name in names {
                let key = normalise(name);
                if key.is_empty() {
                    continue;
                }
                if let Some(&other) = exact.get(&key)
                    && other != index
                {
                    return Err(KbError::Invalid {
                        file: file.to_owned(),
                        field: "vendor.aliases".to_owned(),
                        message: format!(
                            "name `{name}` is claimed by both `{}` and `{}`",
                            self.vendors[other].id, vendor.id
                        ),
                    });
                }
                exact.insert(key.clone(), index);
                let short = strip_legal_suffixes(&key);
                if !short.is_empty() && short != key {
                    // Two vendors whose names differ only in legal suffix: the short form is
                    // ambiguous and resolves to neither.
                    let entry = stripped.entry(short.to_owned()).or_insert(Some(index));
                    if *entry != Some(index) {
                        *entry = None;
                    }
                }
            }
        }
        for (key, index) in stripped {
            if let Some(index) = index {
                exact.entry(key).or_insert(index);
            }
        }
        self.by_name = exact;
        Ok(())
    }

    fn index_brands(&mut self) {
        let mut by_brand: HashMap<String, Vec<BrandMatch>> = HashMap::new();
        let mut add = |label: &str, found: BrandMatch| {
            let key = normalise(label);
            if key.is_empty() {
                return;
            }
            let entry = by_brand.entry(key).or_default();
            if !entry.contains(&found) {
                entry.push(found);
            }
        };
        for vendor in &self.vendors {
            // A manufacturer's own name is its own brand ("Axis" on an Axis camera). A brand
            // owner's name is too, with less confidence about who made the hardware: its
            // relabels (Lorex → Dahua until 2022) say more and rank above when stronger.
            // Relabellers' names only point through their relabels.
            let own_confidence = match vendor.role {
                Role::Manufacturer => Some((Confidence::High, "sells under its own name")),
                Role::BrandOwner => Some((
                    Confidence::Medium,
                    "owns this brand; the hardware may be made by others",
                )),
                Role::Relabeller | Role::Parent => None,
            };
            if let Some((confidence, why)) = own_confidence {
                let own = BrandMatch {
                    brand: vendor.name.clone(),
                    manufacturer: vendor.id.clone(),
                    kind: BrandKind::OwnBrand,
                    relabeller: None,
                    years: None,
                    confidence,
                    evidence: EvidenceLevel::Secondary,
                    note: format!("{} {why}", vendor.name),
                    source: vendor.sources[0].clone(),
                };
                for label in std::iter::once(&vendor.name).chain(&vendor.aliases) {
                    add(label, own.clone());
                }
            }
            for brand in &vendor.brands {
                let found = BrandMatch {
                    brand: brand.name.clone(),
                    manufacturer: vendor.id.clone(),
                    kind: BrandKind::OwnBrand,
                    relabeller: None,
                    years: brand.years.clone(),
                    confidence: brand.confidence,
                    evidence: brand.evidence,
                    note: brand.note.clone(),
                    source: brand.source.clone(),
                };
                for label in std::iter::once(&brand.name).chain(&brand.aliases) {
                    add(label, found.clone());
                }
            }
            for relabel in &vendor.relabels {
                let found = BrandMatch {
                    brand: relabel.brand.clone(),
                    manufacturer: vendor.id.clone(),
                    kind: BrandKind::Relabel,
                    relabeller: relabel.relabeller.clone(),
                    years: Some(relabel.years.clone()),
                    confidence: relabel.confidence,
                    evidence: relabel.evidence,
                    note: relabel.note.clone(),
                    source: relabel.source.clone(),
                };
                let mut labels = vec![relabel.brand.clone()];
                labels.extend(relabel.aliases.iter().cloned());
                // The relabeller's own names are labels too ("Lorex Technology Inc.").
                if let Some(relabeller) = relabel.relabeller.as_ref().and_then(|r| self.get(r)) {
                    labels.push(relabeller.name.clone());
                    labels.extend(relabeller.legal_names.iter().cloned());
                    labels.extend(relabeller.aliases.iter().cloned());
                }
                for label in &labels {
                    add(label, found.clone());
                }
            }
        }
        for matches in by_brand.values_mut() {
            matches.sort_by(|a, b| {
                b.confidence
                    .cmp(&a.confidence)
                    .then_with(|| a.manufacturer.cmp(&b.manufacturer))
            });
        }
        self.by_brand = by_brand;
    }

    fn index_ieee(
        &mut self,
        file: &str,
        text: &str,
        spans: &[(Range<usize>, Option<Range<usize>>)],
    ) -> Result<(), KbError> {
        for (index, vendor) in self.vendors.iter().enumerate() {
            for entry in &vendor.ieee_organisations {
                if let Some(pattern) = entry.strip_prefix("re:") {
                    let re = regex::RegexBuilder::new(pattern)
                        .case_insensitive(true)
                        .size_limit(1 << 20)
                        .build()
                        .map_err(|err| KbError::Entry {
                            file: file.to_owned(),
                            line: line_of(text, spans[index].0.start),
                            field: "vendor.ieee_organisations".to_owned(),
                            message: format!(
                                "vendor `{}`: bad regex `{pattern}`: {err}",
                                vendor.id
                            ),
                        })?;
                    self.ieee_patterns.push((re, index));
                } else {
                    let key = normalise(entry);
                    if let Some(&other) = self.ieee_exact.get(&key)
                        && other != index
                    {
                        return Err(KbError::Entry {
                            file: file.to_owned(),
                            line: line_of(text, spans[index].0.start),
                            field: "vendor.ieee_organisations".to_owned(),
                            message: format!(
                                "IEEE organisation `{entry}` is claimed by both `{}` and `{}`",
                                self.vendors[other].id, vendor.id
                            ),
                        });
                    }
                    self.ieee_exact.insert(key, index);
                }
            }
        }
        Ok(())
    }
}

/// Lowercase, every run of characters other than letters and digits becomes one space, trimmed.
/// Non-Latin letters (海康威视) are kept.
pub fn normalise(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut pending_space = false;
    for c in text.chars() {
        if c.is_alphanumeric() {
            if pending_space && !out.is_empty() {
                out.push(' ');
            }
            pending_space = false;
            // ASCII first: names are mostly Latin, and the general case is several times slower.
            if c.is_ascii() {
                out.push(c.to_ascii_lowercase());
            } else {
                out.extend(c.to_lowercase());
            }
        } else {
            pending_space = true;
        }
    }
    out
}

/// Legal-form words removed from the end of a normalised name.
const LEGAL_SUFFIXES: &[&str] = &[
    "co",
    "ltd",
    "limited",
    "inc",
    "incorporated",
    "corp",
    "corporation",
    "company",
    "llc",
    "plc",
    "gmbh",
    "ag",
    "ab",
    "sa",
    "bv",
    "nv",
    "kk",
    "pty",
    "oy",
    "spa",
    "srl",
    "sas",
    "lp",
];

fn strip_legal_suffixes(key: &str) -> &str {
    let mut rest = key;
    loop {
        let Some((head, last)) = rest.rsplit_once(' ') else {
            return rest;
        };
        if LEGAL_SUFFIXES.contains(&last) {
            rest = head;
        } else {
            return rest;
        }
    }
}

fn is_slug(id: &str) -> bool {
    !id.is_empty()
        && id
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
        && !id.starts_with('-')
        && !id.ends_with('-')
}

// ---- the file as written --------------------------------------------------------------------

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawFile {
    schema_version: Spanned<u32>,
    #[serde(default)]
    list: Vec<RawList>,
    #[serde(default)]
    vendor: Vec<RawVendor>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawList {
    id: Spanned<String>,
    title: String,
    jurisdiction: String,
    kind: String,
    meaning: String,
    sources: Vec<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawVendor {
    id: Spanned<String>,
    name: String,
    role: Role,
    #[serde(default)]
    legal_names: Vec<String>,
    #[serde(default)]
    aliases: Vec<String>,
    #[serde(default)]
    parent: Option<Spanned<String>>,
    #[serde(default)]
    parent_note: String,
    #[serde(default)]
    predecessors: Vec<String>,
    #[serde(default)]
    hq_country: Option<String>,
    #[serde(default)]
    hq_city: Option<String>,
    subject_to_prc_nil: PrcNil,
    nil_reasoning: String,
    #[serde(default)]
    lists: Vec<RawMembership>,
    #[serde(default)]
    brands: Vec<Brand>,
    #[serde(default)]
    relabels: Vec<Relabel>,
    categories: Vec<String>,
    #[serde(default)]
    ieee_organisations: Vec<String>,
    #[serde(default)]
    notes: String,
    sources: Vec<String>,
    #[serde(default)]
    unverified: Vec<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawMembership {
    list: Spanned<String>,
    #[serde(default)]
    since: Option<String>,
    #[serde(default)]
    via: Option<String>,
    source: String,
}

#[cfg(test)]
mod tests;
