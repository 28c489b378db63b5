//! The HTML report: one self-contained file (inline CSS and SVG, no script, no external fetch,
//! enforced by a Content-Security-Policy), readable on screen and printable to a clean PDF.

use std::collections::BTreeMap;
use std::fmt::Write as _;

use crate::data::{Device, Finding, FindingStatus, ReportData, Severity};
use crate::summary::{Index, Summary};
use crate::svg::{Series, escape, line_chart, stacked_bars};

const STYLE: &str = r#"
:root { --ink:#1d2530; --muted:#5b6675; --line:#d5dbe3; --accent:#1f4e79; --bad:#b03a2e; --ok:#2e7d4f; }
* { box-sizing: border-box; }
body { font-family: "Segoe UI", "Helvetica Neue", Arial, sans-serif; color: var(--ink); margin: 0; line-height: 1.4; font-size: 14px; }
main { max-width: 1100px; margin: 0 auto; padding: 24px 32px 48px; }
header.cover { border-bottom: 4px solid var(--accent); padding-bottom: 12px; margin-bottom: 20px; }
h1 { font-size: 26px; margin: 0 0 6px; color: var(--accent); }
h2 { font-size: 20px; margin: 32px 0 10px; color: var(--accent); border-bottom: 1px solid var(--line); padding-bottom: 4px; }
h3 { font-size: 16px; margin: 20px 0 6px; }
.meta { color: var(--muted); margin: 2px 0; }
.figures { display: grid; grid-template-columns: repeat(4, 1fr); gap: 10px; }
.figure { border: 1px solid var(--line); border-radius: 6px; padding: 10px 12px; break-inside: avoid; }
.figure .n { font-size: 26px; font-weight: 700; display: block; }
.figure.alert .n { color: var(--bad); }
.figure .l { color: var(--muted); font-size: 12px; }
.charts { display: grid; grid-template-columns: 1fr; gap: 18px; }
figure { margin: 0; break-inside: avoid; }
figcaption { font-weight: 600; margin-bottom: 4px; }
svg.chart { max-width: 100%; height: auto; font-size: 12px; }
svg .label, svg .value, svg .legend, svg .axis, svg .empty { fill: var(--ink); font-family: inherit; }
svg .axis { fill: var(--muted); font-size: 11px; }
svg .grid { stroke: var(--line); stroke-width: 1; }
table { border-collapse: collapse; width: 100%; margin: 6px 0 14px; font-size: 12px; }
th, td { border: 1px solid var(--line); padding: 4px 6px; text-align: left; vertical-align: top; overflow-wrap: break-word; }
td.nw { white-space: nowrap; }
th { background: #eef2f7; }
thead { display: table-header-group; }
tr { break-inside: avoid; }
td.num, th.num { text-align: right; }
.badge { display: inline-block; padding: 0 6px; border-radius: 8px; font-size: 11px; border: 1px solid var(--line); }
.badge.sensitive { background: #fbe9e7; color: var(--bad); border-color: #f1b7ad; }
.sev-critical { color: #fff; background: #8e1b10; }
.sev-high { color: #fff; background: var(--bad); }
.sev-medium { background: #f5c26b; }
.sev-low, .sev-info { background: #e6ebf1; }
.status-waived { color: var(--muted); font-style: italic; }
ul.evidence { margin: 0; padding-left: 16px; }
code { font-family: "DejaVu Sans Mono", Consolas, monospace; font-size: 11px; overflow-wrap: anywhere; }
blockquote { margin: 2px 0 0; color: var(--muted); font-style: italic; }
.empty-note { color: var(--muted); font-style: italic; }
@page { size: A4; margin: 14mm 12mm; }
@media print {
  body { font-size: 10.5px; }
  main { max-width: none; padding: 0; }
  section.major { break-before: page; }
  h2, h3 { break-after: avoid; }
  .figures { grid-template-columns: repeat(4, 1fr); }
  a { color: inherit; text-decoration: none; }
  th { background: #eef2f7 !important; -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  svg rect, .badge { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
}
"#;

const COVERED: &str = "#b03a2e";
const NOT_COVERED: &str = "#8fa3b8";
const SEVERITY_COLOURS: [&str; 5] = ["#8e1b10", "#b03a2e", "#e59b2d", "#6c8ebf", "#b8c4d1"];

fn text_or_dash(value: Option<&str>) -> String {
    match value {
        Some(v) if !v.is_empty() => escape(v),
        _ => "—".to_owned(),
    }
}

/// A link only for http(s) URLs; anything else stays text, so no `javascript:` ever becomes an href.
fn link(url: &str, text: &str) -> String {
    let lower = url.trim_start().to_ascii_lowercase();
    if lower.starts_with("https://") || lower.starts_with("http://") {
        format!("<a href=\"{}\">{}</a>", escape(url.trim()), escape(text))
    } else {
        escape(text)
    }
}

/// Renders the whole report as one HTML document.
pub fn render_html(data: &ReportData) -> String {
    let index = Index::new(data);
    let summary = Summary::with_index(data, &index);
    let mut out = String::with_capacity(64 * 1024 + data.devices.len() * 600);
    let title = escape(&data.title);
    let _ = write!(
        out,
        "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\
         <meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; img-src data:\">\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\
         <meta name=\"generator\" content=\"camsweep\">\
         <title>{title}</title><style>{STYLE}</style></head><body><main>"
    );
    cover(&mut out, data);
    figures(&mut out, &summary);
    charts(&mut out, data, &summary);
    relabelled(&mut out, data, &index);
    findings(&mut out, data, &index);
    plan(&mut out, data, &index);
    unidentified(&mut out, data, &index);
    scans(&mut out, data);
    methodology(&mut out, data);
    out.push_str("</main></body></html>\n");
    out
}

fn cover(out: &mut String, data: &ReportData) {
    let packs: Vec<String> = data
        .policy_packs
        .iter()
        .map(|p| format!("{} {}", escape(&p.name), escape(&p.version)))
        .collect();
    let _ = write!(
        out,
        "<header class=\"cover\"><h1>{}</h1>\
         <p class=\"meta\">Generated <time datetime=\"{ts}\">{ts}</time> by camsweep. \
         Knowledge base {}. Policy packs: {}.</p>\
         <p class=\"meta\">Organisations: {}. Sites: {}. Networks: {}.</p></header>",
        escape(&data.title),
        escape(&data.kb.version),
        if packs.is_empty() {
            "none".to_owned()
        } else {
            packs.join("; ")
        },
        data.organisations.len(),
        data.sites.len(),
        data.networks.len(),
        ts = crate::format_timestamp(data.generated_at),
    );
}

fn slug(label: &str) -> String {
    label
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() {
                c.to_ascii_lowercase()
            } else {
                '-'
            }
        })
        .collect()
}

fn figures(out: &mut String, summary: &Summary) {
    out.push_str("<section id=\"summary\"><h2>At a glance</h2><div class=\"figures\">");
    for (i, (label, value)) in summary.key_figures().into_iter().enumerate() {
        // The PRC-NIL figures are the ones the ban is about: shown in red when not zero.
        let alert = (2..=4).contains(&i) && value > 0;
        let _ = write!(
            out,
            "<div class=\"figure{}\" data-figure=\"{}\"><span class=\"n\">{value}</span>\
             <span class=\"l\">{}</span></div>",
            if alert { " alert" } else { "" },
            slug(label),
            escape(label)
        );
    }
    out.push_str("</div></section>");
}

fn charts(out: &mut String, data: &ReportData, summary: &Summary) {
    out.push_str("<section id=\"charts\"><h2>Charts</h2><div class=\"charts\">");
    // Manufacturers: the top 14 by count, the rest together, so the chart stays legible.
    let mut makers: Vec<(String, Vec<u64>)> = summary
        .by_manufacturer
        .iter()
        .take(14)
        .map(|(name, n)| (name.clone(), vec![*n]))
        .collect();
    let others: u64 = summary
        .by_manufacturer
        .iter()
        .skip(14)
        .map(|(_, n)| n)
        .sum();
    if others > 0 {
        makers.push(("all others".to_owned(), vec![others]));
    }
    let one = [Series {
        label: "devices",
        colour: "#1f4e79",
    }];
    figure(
        out,
        "Surveillance equipment by true manufacturer",
        &stacked_bars(
            "manufacturers",
            "Surveillance equipment by true manufacturer",
            &makers,
            &one,
        ),
    );
    let covered = [
        Series {
            label: "covered maker",
            colour: COVERED,
        },
        Series {
            label: "not covered",
            colour: NOT_COVERED,
        },
    ];
    let rows = |groups: &[crate::CoverageRow]| -> Vec<(String, Vec<u64>)> {
        groups
            .iter()
            .map(|g| (g.group.clone(), vec![g.covered, g.not_covered]))
            .collect()
    };
    figure(
        out,
        "Covered versus not covered, by site sensitivity",
        &stacked_bars(
            "sensitivity",
            "Covered versus not covered, by site sensitivity",
            &rows(&summary.covered_by_sensitivity),
            &covered,
        ),
    );
    figure(
        out,
        "Covered versus not covered, by network zone",
        &stacked_bars(
            "zones",
            "Covered versus not covered, by network zone",
            &rows(&summary.covered_by_zone),
            &covered,
        ),
    );
    let severities: Vec<Series> = Severity::ALL
        .iter()
        .zip(SEVERITY_COLOURS)
        .map(|(s, colour)| Series {
            label: s.as_str(),
            colour,
        })
        .collect();
    let actions: Vec<(String, Vec<u64>)> = summary
        .findings_by_action
        .iter()
        .map(|a| (a.action.clone(), a.by_severity.to_vec()))
        .collect();
    figure(
        out,
        "Open and waived findings, by action and severity",
        &stacked_bars(
            "findings",
            "Open and waived findings, by action and severity",
            &actions,
            &severities,
        ),
    );
    let points: Vec<(String, Vec<u64>)> = data
        .progress
        .iter()
        .map(|p| (crate::format_date(p.date), vec![p.open, p.closed]))
        .collect();
    figure(
        out,
        "Remediation progress: plan items open and closed",
        &line_chart(
            "progress",
            "Remediation progress: plan items open and closed",
            &points,
            &[
                Series {
                    label: "open",
                    colour: COVERED,
                },
                Series {
                    label: "closed",
                    colour: "#2e7d4f",
                },
            ],
        ),
    );
    out.push_str("</div></section>");
}

fn figure(out: &mut String, caption: &str, svg: &str) {
    let _ = write!(
        out,
        "<figure><figcaption>{}</figcaption>{svg}</figure>",
        escape(caption)
    );
}

fn open_table(out: &mut String, id: &str, rows: usize, headers: &[&str]) {
    let _ = write!(
        out,
        "<table id=\"table-{id}\" data-rows=\"{rows}\"><thead><tr>"
    );
    for h in headers {
        let _ = write!(out, "<th>{}</th>", escape(h));
    }
    out.push_str("</tr></thead><tbody>");
}

fn evidence_list(device: &Device) -> String {
    if device.evidence.is_empty() {
        return "<span class=\"empty-note\">none recorded</span>".to_owned();
    }
    let mut out = String::from("<ul class=\"evidence\">");
    for e in device.evidence.iter().take(6) {
        let _ = write!(
            out,
            "<li><code>{}</code> = <code>{}</code> <span class=\"meta\">({}, {}, {:.2})</span></li>",
            escape(&e.field),
            escape(&e.value),
            escape(&e.rule),
            match e.stance {
                camsweep_model::Stance::Supports => "supports",
                camsweep_model::Stance::Contradicts => "contradicts",
                camsweep_model::Stance::Context => "context",
            },
            e.strength
        );
    }
    if device.evidence.len() > 6 {
        let _ = write!(
            out,
            "<li class=\"empty-note\">and {} more (see the Evidence sheet)</li>",
            device.evidence.len() - 6
        );
    }
    out.push_str("</ul>");
    out
}

fn relabelled(out: &mut String, data: &ReportData, index: &Index<'_>) {
    let devices: Vec<&Device> = data
        .devices
        .iter()
        .filter(|d| d.is_on_estate() && d.is_equipment() && d.is_relabelled())
        .collect();
    out.push_str(
        "<section id=\"relabelled\" class=\"major\"><h2>Relabelled devices</h2>\
         <p>Sold under one brand, made by another: the firmware, certificates and protocols show \
         the true manufacturer.</p>",
    );
    open_table(
        out,
        "relabelled",
        devices.len(),
        &[
            "Device", "Site", "Zone", "Sold as", "Made by", "Model", "Firmware", "Evidence",
        ],
    );
    for d in &devices {
        let _ = write!(
            out,
            "<tr><td class=\"nw\"><code>{}</code></td><td>{}</td><td>{}</td><td>{}</td><td><strong>{}</strong></td>\
             <td>{}</td><td>{}</td><td>{}</td></tr>",
            escape(&d.address),
            escape(index.site_label(d)),
            escape(index.zone_label(d)),
            text_or_dash(d.brand.as_deref()),
            escape(d.manufacturer_label()),
            text_or_dash(d.model.as_deref()),
            text_or_dash(d.firmware.as_deref()),
            evidence_list(d)
        );
    }
    out.push_str("</tbody></table>");
    if devices.is_empty() {
        out.push_str("<p class=\"empty-note\">No relabelled devices were found.</p>");
    }
    out.push_str("</section>");
}

fn citation(f: &Finding) -> String {
    let reference = match &f.citation.url {
        Some(url) => link(url, &f.citation.reference),
        None => escape(&f.citation.reference),
    };
    match &f.citation.quote {
        Some(quote) => format!("{reference}<blockquote>“{}”</blockquote>", escape(quote)),
        None => reference,
    }
}

fn findings(out: &mut String, data: &ReportData, index: &Index<'_>) {
    out.push_str(
        "<section id=\"findings\" class=\"major\"><h2>Findings by site</h2>\
         <p>Every finding names the policy pack and rule that made it and the text it rests on. \
         Waived findings are listed with their exception.</p>",
    );
    // Sensitive sites first, then by name; unplaced devices last.
    let mut by_site: BTreeMap<(u8, String), Vec<&Finding>> = BTreeMap::new();
    for f in &data.findings {
        let site = index
            .site(f.site.as_deref())
            .or_else(|| index.device(&f.device).and_then(|d| index.site_of(d)));
        let key = match site {
            Some(s) if s.sensitive => (0, s.name.clone()),
            Some(s) => (1, s.name.clone()),
            None => (2, "unplaced".to_owned()),
        };
        by_site.entry(key).or_default().push(f);
    }
    let _ = write!(
        out,
        "<div id=\"findings-all\" data-rows=\"{}\">",
        data.findings.len()
    );
    if data.findings.is_empty() {
        out.push_str("<p class=\"empty-note\">No findings.</p>");
    }
    for ((rank, site), mut list) in by_site {
        list.sort_by(|a, b| a.severity.cmp(&b.severity).then(a.id.cmp(&b.id)));
        let _ = write!(
            out,
            "<h3>{}{}</h3>",
            escape(&site),
            if rank == 0 {
                " <span class=\"badge sensitive\">sensitive site</span>"
            } else {
                ""
            }
        );
        open_table(
            out,
            &format!("findings-{}", slug(&site)),
            list.len(),
            &[
                "Device",
                "Made by",
                "Pack / rule",
                "Severity",
                "Action",
                "Status",
                "Finding",
                "Citation",
            ],
        );
        for f in list {
            let device = index.device(&f.device);
            let status = match (&f.status, &f.waiver) {
                (FindingStatus::Waived, Some(w)) => format!(
                    "<span class=\"status-waived\">waived until {} ({}; approved by {})</span>",
                    crate::format_date(w.until),
                    escape(&w.reason),
                    escape(&w.approved_by)
                ),
                (status, _) => status.as_str().to_owned(),
            };
            let _ = write!(
                out,
                "<tr><td class=\"nw\"><code>{}</code></td><td>{}</td><td>{}<br><code>{}</code></td>\
                 <td class=\"nw\"><span class=\"badge sev-{sev}\">{sev}</span></td><td class=\"nw\">{}</td><td>{}</td><td>{}</td><td>{}</td></tr>",
                escape(device.map_or(f.device.as_str(), |d| d.address.as_str())),
                escape(device.map_or("unknown", |d| d.manufacturer_label())),
                escape(&f.pack),
                escape(&f.rule),
                escape(&f.action),
                status,
                escape(&f.message),
                citation(f),
                sev = f.severity.as_str(),
            );
        }
        out.push_str("</tbody></table>");
    }
    out.push_str("</div></section>");
}

fn plan(out: &mut String, data: &ReportData, index: &Index<'_>) {
    let mut items: Vec<&crate::PlanItem> = data.plan.iter().collect();
    items.sort_by(|a, b| a.priority.cmp(&b.priority).then(a.id.cmp(&b.id)));
    out.push_str(
        "<section id=\"plan\" class=\"major\"><h2>Remediation plan</h2>\
         <p>What to replace first: sensitive sites and core networks before the rest, covered \
         makers before others. A removal counts as done only when a rescan no longer finds the device.</p>",
    );
    open_table(
        out,
        "plan",
        items.len(),
        &[
            "Priority",
            "Action",
            "Device",
            "Made by",
            "Site",
            "Due",
            "Status",
            "Replaced by",
        ],
    );
    for p in items {
        let device = index.device(&p.device);
        let _ = write!(
            out,
            "<tr><td class=\"num\">{}</td><td>{}</td><td class=\"nw\"><code>{}</code></td><td>{}</td><td>{}</td>\
             <td>{}</td><td>{}</td><td>{}</td></tr>",
            p.priority,
            escape(&p.action),
            escape(device.map_or(p.device.as_str(), |d| d.address.as_str())),
            escape(device.map_or("unknown", |d| d.manufacturer_label())),
            escape(device.map_or("unplaced", |d| index.site_label(d))),
            p.due.map_or("—".to_owned(), crate::format_date),
            escape(p.status.as_str()),
            text_or_dash(p.replaced_by.as_deref()),
        );
    }
    out.push_str("</tbody></table>");
    if data.plan.is_empty() {
        out.push_str("<p class=\"empty-note\">No plan items.</p>");
    }
    out.push_str("</section>");
}

fn unidentified(out: &mut String, data: &ReportData, index: &Index<'_>) {
    let devices: Vec<&Device> = data
        .devices
        .iter()
        .filter(|d| d.is_on_estate() && d.is_equipment() && d.is_unidentified())
        .collect();
    out.push_str(
        "<section id=\"unidentified\" class=\"major\"><h2>Unidentified devices</h2>\
         <p>The evidence does not establish who made these. They are not counted as compliant: \
         each needs a look on site.</p>",
    );
    open_table(
        out,
        "unidentified",
        devices.len(),
        &[
            "Device",
            "MAC",
            "Site",
            "Zone",
            "Type",
            "Status",
            "What was seen",
        ],
    );
    for d in &devices {
        let _ = write!(
            out,
            "<tr><td><code>{}</code></td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>",
            escape(&d.address),
            text_or_dash(d.mac.as_deref()),
            escape(index.site_label(d)),
            escape(index.zone_label(d)),
            escape(d.device_type.as_str()),
            escape(d.status.as_str()),
            evidence_list(d)
        );
    }
    out.push_str("</tbody></table>");
    if devices.is_empty() {
        out.push_str("<p class=\"empty-note\">Every device was attributed.</p>");
    }
    out.push_str("</section>");
}

fn address_list(addresses: &[String]) -> String {
    if addresses.is_empty() {
        return "—".to_owned();
    }
    let shown: Vec<String> = addresses
        .iter()
        .take(20)
        .map(|a| format!("<code>{}</code>", escape(a)))
        .collect();
    let more = addresses.len().saturating_sub(20);
    if more > 0 {
        format!("{} and {more} more", shown.join(" "))
    } else {
        shown.join(" ")
    }
}

fn scans(out: &mut String, data: &ReportData) {
    out.push_str(
        "<section id=\"scans\" class=\"major\"><h2>Scan coverage</h2>\
         <p>What was scanned and when, and which hosts did not answer properly (stalled, or \
         answered with broken protocol). A device that did not answer may still be there.</p>",
    );
    open_table(
        out,
        "scans",
        data.scans.len(),
        &[
            "Started",
            "Finished",
            "Targets",
            "Hosts scanned",
            "Devices found",
            "Did not answer",
            "Broken answers",
            "KB",
        ],
    );
    for s in &data.scans {
        let _ = write!(
            out,
            "<tr><td>{}</td><td>{}{}</td><td>{}</td><td class=\"num\">{}</td><td class=\"num\">{}</td>\
             <td>{}</td><td>{}</td><td>{}</td></tr>",
            escape(&s.started_at),
            text_or_dash(s.finished_at.as_deref()),
            if s.interrupted { " (interrupted)" } else { "" },
            address_list(&s.targets),
            s.hosts_scanned,
            s.devices_found,
            address_list(&s.unresponsive),
            address_list(&s.malformed),
            escape(&s.kb_version),
        );
    }
    out.push_str("</tbody></table>");
    if data.scans.is_empty() {
        out.push_str("<p class=\"empty-note\">No scans recorded.</p>");
    }
    out.push_str("</section>");
}

fn source_list(sources: &[String]) -> String {
    if sources.is_empty() {
        return "<p class=\"empty-note\">No sources recorded.</p>".to_owned();
    }
    let mut out = String::from("<ul>");
    for s in sources {
        let _ = write!(out, "<li>{}</li>", link(s, s));
    }
    out.push_str("</ul>");
    out
}

fn methodology(out: &mut String, data: &ReportData) {
    let _ = write!(
        out,
        "<section id=\"methodology\" class=\"major\"><h2>Methodology</h2>\
         <p>Devices were found by non-intrusive network probes (TCP, HTTP/HTTPS and certificates, \
         RTSP, ONVIF, discovery protocols); no exploit, password guessing or configuration change \
         was used. Each device's true manufacturer was inferred from the raw evidence (firmware \
         banners, certificates, protocol answers, MAC prefixes) by the rules of the knowledge \
         base; where the evidence does not support a manufacturer the device is reported as \
         unidentified, never guessed. Devices were placed on sites and networks by the longest \
         matching network prefix of the estate register.</p>\
         <p><strong>Counting.</strong> \"Surveillance equipment\" is every device not identified as \
         something else (cameras, recorders, intercoms, drones, access-control terminals, \
         encoders, and devices of unknown type). \"Covered\" means a policy pack covers the maker \
         (subject to the PRC National Intelligence Law, or on a restriction list). Removed devices \
         are those whose removal a rescan confirmed.</p>\
         <h3>Knowledge base {}</h3>{}<h3>Policy packs</h3>",
        escape(&data.kb.version),
        source_list(&data.kb.sources)
    );
    open_table(
        out,
        "packs",
        data.policy_packs.len(),
        &["Pack", "Name", "Version", "Sources"],
    );
    for p in &data.policy_packs {
        let _ = write!(
            out,
            "<tr><td><code>{}</code></td><td>{}</td><td>{}</td><td>{}</td></tr>",
            escape(&p.id),
            escape(&p.name),
            escape(&p.version),
            source_list(&p.sources)
        );
    }
    out.push_str("</tbody></table></section>");
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_http_urls_become_links() {
        assert_eq!(
            link("javascript:alert(1)", "x"),
            "x",
            "a script URL must stay text"
        );
        assert_eq!(
            link("https://example.org/?a=\"b\"", "ref"),
            "<a href=\"https://example.org/?a=&quot;b&quot;\">ref</a>"
        );
    }
}
