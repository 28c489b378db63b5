# US FCC Covered List. Membership comes from the vendor registry (`fcc-covered`, with its date);
# DJI and Autel are named because FY2025 NDAA s.1709 names them.
package camsweep.us_fcc_covered_list

import rego.v1

params := data.camsweep.parameters

device := input.device

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

entity(m) := m.via if is_string(m.via)
else := device.vendor.id

entities contains entity(m) if some m in memberships

# The s.1709 entities, listed or not in the registry yet, once their entry took effect.
uas_maker if {
	input.now >= params.uas_entry_date
	some e in named_entities
	e in params.uas_entities
}

named_entities contains device.vendor.id if is_string(device.vendor.id)

named_entities contains device.vendor.parent if is_string(device.vendor.parent)

named_entities contains e if some e in entities

covered_maker if {
	input.now >= params.first_list_date
	count(memberships) > 0
}

# "including subsidiaries or affiliates": the registry's parent, when the first list names it.
covered_maker if {
	input.now >= params.first_list_date
	device.vendor.parent in params.first_list_entities
}

is_uas if device.device_type in params.uas_types

foreign_produced if {
	is_string(device.vendor.hq_country)
	device.vendor.hq_country != "US"
}

maker := device.vendor.name if is_string(device.vendor.name)
else := device.manufacturer if is_string(device.manufacturer)
else := "an unidentified maker"

findings contains f if {
	covered_maker
	not uas_maker
	f := {
		"rule": "covered-list-equipment",
		"message": sprintf("%s (%s %s): the maker is on the FCC Covered List; covered equipment cannot obtain new equipment authorisation (since %s) and new covered equipment may not be imported, marketed or sold; the list does not itself order removal outside FCC programmes", [device.id, maker, device.device_type, params.authorisation_ban_date]),
	}
}

findings contains f if {
	uas_maker
	f := {
		"rule": "covered-list-uas-maker",
		"message": sprintf("%s (%s %s): on the FCC Covered List since %s under FY2025 NDAA s.1709; previously authorised models may still be used and sold, new models are barred", [device.id, maker, device.device_type, params.uas_entry_date]),
	}
}

findings contains f if {
	input.now >= params.uas_entry_date
	is_uas
	foreign_produced
	not uas_maker
	f := {
		"rule": "foreign-produced-uas",
		"message": sprintf("%s (%s %s, %s): foreign-produced UAS equipment is on the FCC Covered List since %s; check it is a previously authorised model or holds an exemption (some valid until %s)", [device.id, maker, device.device_type, device.vendor.hq_country, params.uas_entry_date, params.uas_exemption_expiry]),
	}
}
