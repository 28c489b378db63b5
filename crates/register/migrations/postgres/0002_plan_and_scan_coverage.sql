-- Remediation plan states written by `camsweep evaluate`, and what each scan covered.
-- Keep in step with ../sqlite/0002_plan_and_scan_coverage.sql.
--
-- Plan items gain two states: `reopened` (a rescan still found a device whose removal was
-- recorded, or its finding came back) and `closed` (its finding was resolved without a recorded
-- removal: policy or identification changed, device gone unannounced). `verified_at` is when a
-- rescan confirmed a recorded removal or replacement (the device was no longer found).

ALTER TABLE remediation_items DROP CONSTRAINT remediation_items_status_check;
ALTER TABLE remediation_items ADD CONSTRAINT remediation_items_status_check
    CHECK (status IN ('open', 'scheduled', 'replaced', 'removed', 'waived', 'reopened',
                      'closed'));
ALTER TABLE remediation_items ADD COLUMN verified_at TEXT;
CREATE UNIQUE INDEX remediation_items_finding ON remediation_items(finding_id);

-- Scan coverage: how many addresses were tried and which answered badly (JSON arrays).
ALTER TABLE scans ADD COLUMN hosts_scanned BIGINT;
ALTER TABLE scans ADD COLUMN unresponsive TEXT;
ALTER TABLE scans ADD COLUMN malformed TEXT;
