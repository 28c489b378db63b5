-- Remediation plan states written by `camsweep evaluate`, and what each scan covered.
-- Keep in step with ../postgres/0002_plan_and_scan_coverage.sql.
--
-- Plan items gain two states: `reopened` (a rescan still found a device whose removal was
-- recorded, or its finding came back) and `closed` (its finding was resolved without a recorded
-- removal: policy or identification changed, device gone unannounced). `verified_at` is when a
-- rescan confirmed a recorded removal or replacement (the device was no longer found).
-- SQLite cannot alter a CHECK constraint, so the table is rebuilt (nothing references it).

CREATE TABLE remediation_items_new (
    id          TEXT PRIMARY KEY,
    finding_id  TEXT REFERENCES findings(id),
    device_id   TEXT NOT NULL REFERENCES devices(id),
    priority    BIGINT NOT NULL,
    action      TEXT NOT NULL,
    due         TEXT,
    status      TEXT NOT NULL CHECK (status IN ('open', 'scheduled', 'replaced', 'removed',
                                                'waived', 'reopened', 'closed')),
    replaced_by TEXT,
    updated_at  TEXT NOT NULL,
    verified_at TEXT
);
INSERT INTO remediation_items_new (id, finding_id, device_id, priority, action, due, status,
                                   replaced_by, updated_at)
    SELECT id, finding_id, device_id, priority, action, due, status, replaced_by, updated_at
    FROM remediation_items;
DROP TABLE remediation_items;
ALTER TABLE remediation_items_new RENAME TO remediation_items;
CREATE UNIQUE INDEX remediation_items_finding ON remediation_items(finding_id);

-- Scan coverage: how many addresses were tried and which answered badly (JSON arrays).
ALTER TABLE scans ADD COLUMN hosts_scanned BIGINT;
ALTER TABLE scans ADD COLUMN unresponsive TEXT;
ALTER TABLE scans ADD COLUMN malformed TEXT;
