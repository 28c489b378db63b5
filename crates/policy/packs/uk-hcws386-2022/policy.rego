# UK HCWS386 (24 Nov 2022). Criterion-based: the producer must be subject to the PRC National
# Intelligence Law (input.device.vendor.subject_to_prc_nil); no maker is named here, because the
# statement names none. Rule metadata and citations are in pack.toml.
package camsweep.uk_hcws386_2022

import rego.v1

params := data.camsweep.parameters

device := input.device

# Visual surveillance equipment: every surveillance type, and an unknown type (a camera maker's
# device whose type could not be read); "other" (printers, routers) is out of scope.
in_scope if device.device_type != "other"

sensitive if input.site.sensitivity == "sensitive"

non_sensitive if input.site.sensitivity == "non-sensitive"

on_core if input.network.zone == "core"

statement_in_force if input.now >= params.instruction_date

# The maker is established when identification names one with enough confidence.
maker_established if {
	is_string(device.manufacturer)
	device.confidence >= params.low_confidence_threshold
}

nil_subject if {
	maker_established
	device.vendor.subject_to_prc_nil == "yes"
}

nil_status_unknown if {
	maker_established
	not device.vendor.subject_to_prc_nil == "yes"
	not device.vendor.subject_to_prc_nil == "no"
}

deployed_after_instruction if {
	is_string(device.first_seen)
	device.first_seen > params.instruction_date
}

maker := device.vendor.name if is_string(device.vendor.name)
else := device.manufacturer if is_string(device.manufacturer)
else := "an unidentified maker"

site_label := sprintf("%s site %s", [input.site.sensitivity, input.site.id]) if input.site.id
else := "an unplaced site"

findings contains f if {
	statement_in_force
	in_scope
	nil_subject
	sensitive
	deployed_after_instruction
	f := {
		"rule": "nil-sensitive-deployed-after-instruction",
		"message": sprintf("%s (%s %s) deployed or first seen %s on %s, after the 24 Nov 2022 instruction to cease deploying equipment of producers subject to the PRC National Intelligence Law onto sensitive sites", [device.id, maker, device.device_type, device.first_seen, site_label]),
	}
}

findings contains f if {
	statement_in_force
	in_scope
	nil_subject
	sensitive
	f := {
		"rule": "nil-sensitive-remove-and-replace",
		"message": sprintf("%s (%s %s) on %s: the statement advises removing and replacing it rather than awaiting scheduled upgrades", [device.id, maker, device.device_type, site_label]),
		"due": params.reported_removal_target,
		"due_basis": "reported target, not a published deadline: the 29 Apr 2024 Cabinet Office statement was reported (redcensor.com; Reuters via bactf.com) to aim at all remaining sensitive sites by April 2025; its UIN and whether it was met were not found",
	}
}

findings contains f if {
	statement_in_force
	in_scope
	nil_subject
	on_core
	f := {
		"rule": "nil-core-network",
		"message": sprintf("%s (%s %s) is on core network %s: no such equipment should be connected to departmental core networks", [device.id, maker, device.device_type, input.network.id]),
	}
}

findings contains f if {
	statement_in_force
	in_scope
	nil_subject
	non_sensitive
	f := {
		"rule": "nil-non-sensitive-site",
		"message": sprintf("%s (%s %s) on %s: consider extending the sensitive-site mitigation (removal and replacement)", [device.id, maker, device.device_type, site_label]),
	}
}

findings contains f if {
	statement_in_force
	in_scope
	not maker_established
	sensitive_or_core
	f := {
		"rule": "unidentified-make-sensitive-or-core",
		"message": sprintf("%s (%s, confidence %.2f, %s) on %s%s: the maker is not established, so the instruction cannot be ruled out; verify who produced it", [device.id, maker, device.confidence, device.device_type, site_label, core_label]),
	}
}

findings contains f if {
	statement_in_force
	in_scope
	device.device_type != "unknown"
	nil_status_unknown
	sensitive_or_core
	f := {
		"rule": "nil-status-unknown-sensitive-or-core",
		"message": sprintf("%s (%s %s) on %s%s: whether %s is subject to the PRC National Intelligence Law is not established in the vendor registry; review it", [device.id, maker, device.device_type, site_label, core_label, maker]),
	}
}

sensitive_or_core if sensitive

sensitive_or_core if on_core

core_label := sprintf(", core network %s", [input.network.id]) if on_core
else := ""
