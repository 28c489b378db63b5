-- The users of `camsweep serve` and their API tokens. Keep in step with
-- ../sqlite/0004_users_and_tokens.sql (the same SQL).
--
-- A viewer, editor or admin belongs to one organisation and sees only it; an auditor belongs to
-- none and reads every organisation. `organisation_id` is not a foreign key: an estate import
-- that drops an organisation must not fail on its users (they then see nothing).
CREATE TABLE users (
    id              TEXT PRIMARY KEY,
    name            TEXT NOT NULL UNIQUE,
    organisation_id TEXT,
    role            TEXT NOT NULL CHECK (role IN ('viewer', 'editor', 'admin', 'auditor')),
    password_hash   TEXT NOT NULL, -- argon2id, PHC string
    created_at      TEXT NOT NULL,
    CHECK ((role = 'auditor') = (organisation_id IS NULL))
);

-- A token is shown once; only its SHA-256 (hex) is kept. A revoked token stays, marked.
CREATE TABLE api_tokens (
    id         TEXT PRIMARY KEY,
    user_id    TEXT NOT NULL REFERENCES users(id),
    token_hash TEXT NOT NULL UNIQUE,
    created_at TEXT NOT NULL,
    revoked_at TEXT
);
CREATE INDEX api_tokens_user ON api_tokens(user_id);

-- Failed logins (`POST /api/v1/tokens`), kept in the register so that every replica of the
-- server counts the same ones: too many for a name within a while and the next is refused.
CREATE TABLE login_failures (
    id        TEXT PRIMARY KEY,
    user_name TEXT NOT NULL,
    at        TEXT NOT NULL
);
CREATE INDEX login_failures_user ON login_failures(user_name, at);
