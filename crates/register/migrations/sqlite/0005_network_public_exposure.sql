-- Whether a network is reachable from the internet (CISA BOD 26-04's "public exposure"; the
-- estate file's optional `public_exposure`, default false). The cisa-kev pack reads it.
-- Keep in step with the other backend's 0005_network_public_exposure.sql.
ALTER TABLE networks ADD COLUMN public_exposure BOOLEAN NOT NULL DEFAULT FALSE;
