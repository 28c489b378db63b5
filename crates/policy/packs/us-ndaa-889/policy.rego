# US NDAA FY2019 s.889 / FAR 52.204-25. List-based: the vendor registry says whether a maker is
# on `ndaa-889`, directly or via its parent ("or any subsidiary or affiliate"). The only names
# used are the five the statute itself names, given as vendor ids in pack.toml parameters.
package camsweep.us_ndaa_889

import rego.v1

params := data.camsweep.parameters

device := input.device

in_force if input.now >= params.part_a_date

# Membership entries of this regime's list.
memberships contains m if {
	some m in device.vendor.lists
	m.list in params.list_ids
	listed_by_now(m)
}

listed_by_now(m) if not is_string(m.since)

listed_by_now(m) if {
	is_string(m.since)
	m.since <= input.now
}

# The covered entity: the named parent where membership is derived, else the vendor itself.
covered_entity(m) := m.via if is_string(m.via)
else := device.vendor.id

covered_entities contains covered_entity(m) if some m in memberships

# "or any subsidiary or affiliate": the registry's parent, when it is a named entity.
covered_entities contains device.vendor.parent if {
	input.now >= params.part_a_date
	device.vendor.parent in params.named_entities
}

purpose_qualified if {
	some entity in covered_entities
	entity in params.purpose_qualified_entities
}

unconditional if {
	some entity in covered_entities
	not entity in params.purpose_qualified_entities
}

purpose_known if is_string(input.purpose)

qualifying_purpose if input.purpose in params.qualifying_purposes

maker := device.vendor.name if is_string(device.vendor.name)
else := device.manufacturer if is_string(device.manufacturer)
else := "an unidentified maker"

parents contains e if {
	some e in covered_entities
	e != device.vendor.id
}

via_label := sprintf(" (covered as a subsidiary or affiliate of %s)", [concat(", ", sort(parents))]) if count(parents) > 0
else := ""

findings contains f if {
	in_force
	unconditional
	f := {
		"rule": "covered-telecom-equipment",
		"message": sprintf("%s (%s %s)%s is covered telecommunications equipment: agencies may not procure it (since %s) or contract with entities that use it (since %s)", [device.id, maker, device.device_type, via_label, params.part_a_date, params.part_b_date]),
	}
}

findings contains f if {
	in_force
	purpose_qualified
	qualifying_purpose
	f := {
		"rule": "covered-video-surveillance-equipment",
		"message": sprintf("%s (%s %s)%s is used for %s, a purpose s.889 names: it is covered equipment", [device.id, maker, device.device_type, via_label, input.purpose]),
	}
}

findings contains f if {
	in_force
	purpose_qualified
	not unconditional
	not purpose_known
	f := {
		"rule": "covered-entity-purpose-undetermined",
		"message": sprintf("%s (%s %s)%s: s.889 covers this maker's equipment when used for public safety, government-facility security, critical-infrastructure surveillance or national security; record what it is used for", [device.id, maker, device.device_type, via_label]),
	}
}

findings contains f if {
	in_force
	purpose_qualified
	not unconditional
	purpose_known
	not qualifying_purpose
	f := {
		"rule": "covered-entity-non-qualifying-purpose",
		"message": sprintf("%s (%s %s)%s is recorded as used for %s, outside the purposes s.889 names; keep that record", [device.id, maker, device.device_type, via_label, input.purpose]),
	}
}

findings contains f if {
	in_force
	not is_string(device.manufacturer)
	device.device_type != "other"
	device.device_type != "unknown"
	f := {
		"rule": "unidentified-surveillance-equipment",
		"message": sprintf("%s (%s) has no identified maker: a reasonable inquiry cannot show it is not covered equipment", [device.id, device.device_type]),
	}
}
