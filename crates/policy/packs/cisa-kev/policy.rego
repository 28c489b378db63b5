# CISA KEV. The input carries the knowledge base's matches (device.vulnerabilities: cve,
# status affected|likely|not-affected, reason, kev {date_added, due_date, required_action, ...},
# ssvc {exploitation, automatable, technical_impact}); this pack turns the KEV-listed ones into
# findings with deadlines. `not-affected` matches make no finding.
package camsweep.cisa_kev

import rego.v1

params := data.camsweep.parameters

device := input.device

exposed if input.network.public_exposure == true

listed(v) if {
	is_object(v.kev)
	v.kev.date_added <= input.now
}

# BOD 26-04's top tier, the only one whose deadline is known: internet-facing, KEV-listed,
# SSVC Automatable yes and Technical Impact total.
top_tier(v) if {
	exposed
	input.now >= params.bod_26_04_date
	v.ssvc.automatable == "yes"
	v.ssvc.technical_impact == "total"
}

days_after(day, n) := sprintf("%04d-%02d-%02d", time.date(time.add_date(time.parse_ns("2006-01-02", day), 0, 0, n)))

due(v) := days_after(input.now, params.top_tier_days) if top_tier(v)

else := v.kev.due_date

due_basis(v) := sprintf("BOD 26-04 top tier (internet-facing network, KEV, SSVC Automatable %s, Technical Impact %s): %d days from this evaluation, with forensic triage, as reported by secondary sources", [v.ssvc.automatable, v.ssvc.technical_impact, params.top_tier_days]) if top_tier(v)

else := sprintf("internet-facing network: BOD 26-04's tier for this combination is not known (only the top tier's 3 days is), so KEV's due date %s stands (set for US federal agencies when the entry was added on %s)", [v.kev.due_date, v.kev.date_added]) if exposed

else := sprintf("KEV due date for US federal agencies (entry added %s)", [v.kev.date_added])

ssvc_words(v) := sprintf("SSVC exploitation %s, automatable %s, technical impact %s", [v.ssvc.exploitation, v.ssvc.automatable, v.ssvc.technical_impact]) if is_object(v.ssvc)

else := "no SSVC decision recorded"

describe(v) := sprintf("%s: %s, %s (KEV: %s %s); model family %s; %s; KEV added %s, due %s, known ransomware use %s; required action: %s; %s", [device.id, v.cve, v.kev.name, v.kev.vendor_project, v.kev.product, v.family, v.reason, v.kev.date_added, v.kev.due_date, v.kev.known_ransomware_campaign_use, v.kev.required_action, ssvc_words(v)])

findings contains f if {
	some v in device.vulnerabilities
	v.status == "affected"
	listed(v)
	not exposed
	f := {"rule": "kev-affected", "subject": v.cve, "message": describe(v), "due": due(v), "due_basis": due_basis(v)}
}

findings contains f if {
	some v in device.vulnerabilities
	v.status == "affected"
	listed(v)
	exposed
	f := {"rule": "kev-affected-internet-facing", "subject": v.cve, "message": describe(v), "due": due(v), "due_basis": due_basis(v)}
}

findings contains f if {
	some v in device.vulnerabilities
	v.status == "likely"
	listed(v)
	f := {"rule": "kev-likely", "subject": v.cve, "message": sprintf("%s; verify the firmware version (read it from the device's own interface with its owner's credentials) before acting", [describe(v)]), "due": due(v), "due_basis": due_basis(v)}
}
