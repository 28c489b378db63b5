# Australia 2023. Only what the sources support: the makers named in the audit (vendor list
# `au-2023-audit`, directly or via a parent) are to be removed from Commonwealth sites, by an
# announcement rather than a legal instrument; no date was set.
package camsweep.au_2023

import rego.v1

params := data.camsweep.parameters

device := input.device

audited if {
	some m in device.vendor.lists
	m.list in params.list_ids
}

audited if device.vendor.parent in params.named_entities

maker := device.vendor.name if is_string(device.vendor.name)
else := device.manufacturer if is_string(device.manufacturer)
else := "an unidentified maker"

findings contains f if {
	input.now >= params.announcement_date
	device.device_type != "other"
	audited
	f := {
		"rule": "audited-maker-removal-announced",
		"message": sprintf("%s (%s %s): the Australian Government announced on %s that such devices found on Commonwealth sites are to be removed (no published instrument or deadline was found)", [device.id, maker, device.device_type, params.announcement_date]),
	}
}
