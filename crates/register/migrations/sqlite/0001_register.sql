-- The estate register, SQLite dialect. Keep in step with ../postgres/0001_register.sql: the
-- same tables, columns and constraints; only identity columns and the append-only guard differ.
-- Times are RFC 3339 UTC text; JSON documents are text.

CREATE TABLE organisations (
    id       TEXT PRIMARY KEY,
    name     TEXT NOT NULL,
    policies TEXT NOT NULL -- JSON array of policy pack ids
);

CREATE TABLE sites (
    id                 TEXT PRIMARY KEY,
    organisation_id    TEXT NOT NULL REFERENCES organisations(id),
    name               TEXT NOT NULL,
    address            TEXT,
    sensitivity        TEXT NOT NULL CHECK (sensitivity IN ('sensitive', 'non-sensitive')),
    sensitivity_reason TEXT
);

CREATE TABLE networks (
    id      TEXT PRIMARY KEY,
    site_id TEXT NOT NULL REFERENCES sites(id),
    zone    TEXT NOT NULL CHECK (zone IN ('core', 'isolated', 'other', 'unknown')),
    cidrs   TEXT NOT NULL, -- JSON array of CIDR strings
    vlan    BIGINT
);

CREATE TABLE scans (
    id           TEXT PRIMARY KEY,
    kind         TEXT NOT NULL CHECK (kind IN ('scan', 'observations')),
    source_file  TEXT,
    started_at   TEXT NOT NULL,
    finished_at  TEXT,
    targets      TEXT NOT NULL, -- JSON array
    kb_version   TEXT NOT NULL,
    tool_version TEXT NOT NULL,
    interrupted  BOOLEAN NOT NULL,
    ingested_at  TEXT NOT NULL,
    devices      BIGINT NOT NULL,
    observations BIGINT NOT NULL
);

CREATE TABLE devices (
    id           TEXT PRIMARY KEY,
    device_key   TEXT NOT NULL UNIQUE,
    mac          TEXT,
    address      TEXT,
    label        TEXT,
    network_id   TEXT REFERENCES networks(id),
    first_seen   TEXT NOT NULL,
    last_seen    TEXT NOT NULL,
    last_scan_id TEXT REFERENCES scans(id),
    missing      BOOLEAN NOT NULL DEFAULT FALSE
);
CREATE INDEX devices_network ON devices(network_id);

CREATE TABLE observations (
    id          INTEGER PRIMARY KEY,
    scan_id     TEXT NOT NULL REFERENCES scans(id),
    device_id   TEXT NOT NULL REFERENCES devices(id),
    grouping    TEXT,
    kind        TEXT NOT NULL,
    value       TEXT NOT NULL,
    path        TEXT,
    address     TEXT,
    port        BIGINT,
    transport   TEXT,
    source      TEXT,
    observed_at TEXT
);
CREATE INDEX observations_device ON observations(device_id);

CREATE TABLE identifications (
    device_id    TEXT PRIMARY KEY REFERENCES devices(id),
    manufacturer TEXT,
    brand        TEXT,
    model        TEXT,
    firmware     TEXT,
    device_type  TEXT NOT NULL,
    confidence   DOUBLE PRECISION NOT NULL,
    kb_version   TEXT NOT NULL,
    document     TEXT NOT NULL, -- the whole Identification as JSON
    computed_at  TEXT NOT NULL
);

CREATE TABLE findings (
    id                 TEXT PRIMARY KEY,
    device_id          TEXT NOT NULL REFERENCES devices(id),
    pack               TEXT NOT NULL,
    rule               TEXT NOT NULL,
    title              TEXT NOT NULL,
    severity           TEXT NOT NULL,
    action             TEXT NOT NULL,
    citation_document  TEXT NOT NULL,
    citation_paragraph TEXT,
    citation_url       TEXT,
    message            TEXT NOT NULL,
    due                TEXT,
    due_basis          TEXT,
    status             TEXT NOT NULL CHECK (status IN ('open', 'resolved')),
    first_seen         TEXT NOT NULL,
    last_seen          TEXT NOT NULL,
    resolved_at        TEXT,
    UNIQUE (device_id, pack, rule)
);
CREATE INDEX findings_status ON findings(status);

CREATE TABLE waivers (
    id         TEXT PRIMARY KEY,
    finding_id TEXT NOT NULL REFERENCES findings(id),
    until      TEXT NOT NULL, -- ISO date, inclusive
    reason     TEXT NOT NULL,
    granted_by TEXT NOT NULL,
    created_at TEXT NOT NULL
);
CREATE INDEX waivers_finding ON waivers(finding_id);

CREATE TABLE remediation_items (
    id          TEXT PRIMARY KEY,
    finding_id  TEXT REFERENCES findings(id),
    device_id   TEXT NOT NULL REFERENCES devices(id),
    priority    BIGINT NOT NULL,
    action      TEXT NOT NULL,
    due         TEXT,
    status      TEXT NOT NULL CHECK (status IN ('open', 'scheduled', 'replaced', 'removed', 'waived')),
    replaced_by TEXT,
    updated_at  TEXT NOT NULL
);

CREATE TABLE history (
    id           INTEGER PRIMARY KEY,
    at           TEXT NOT NULL,
    actor        TEXT NOT NULL,
    entity       TEXT NOT NULL,
    entity_id    TEXT NOT NULL,
    action       TEXT NOT NULL,
    before_value TEXT, -- JSON
    after_value  TEXT  -- JSON
);
CREATE INDEX history_entity ON history(entity, entity_id);

-- History is append-only: the database refuses to rewrite it.
CREATE TRIGGER history_no_update BEFORE UPDATE ON history
BEGIN
    SELECT RAISE(ABORT, 'history is append-only');
END;
CREATE TRIGGER history_no_delete BEFORE DELETE ON history
BEGIN
    SELECT RAISE(ABORT, 'history is append-only');
END;
