-- What a scan excluded from its targets (JSON list, as given). Only addresses inside the targets
-- and outside the exclusions were looked at, so only those can be marked missing.
-- Keep in step with the other backend's 0003_scan_exclusions.sql.
ALTER TABLE scans ADD COLUMN excluded TEXT NOT NULL DEFAULT '[]';
