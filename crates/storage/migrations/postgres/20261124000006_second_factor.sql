-- A time-based one-time password (TOTP) as a second factor, and its
-- single-use recovery codes (stored as hashes).
CREATE TABLE second_factors (
    person_id TEXT PRIMARY KEY REFERENCES persons (id) ON DELETE CASCADE,
    totp_secret TEXT NOT NULL,
    enabled_at BIGINT,
    last_used_step BIGINT NOT NULL DEFAULT 0
);

CREATE TABLE recovery_codes (
    person_id TEXT NOT NULL REFERENCES persons (id) ON DELETE CASCADE,
    code_hash TEXT NOT NULL,
    used_at BIGINT,
    PRIMARY KEY (person_id, code_hash)
);
