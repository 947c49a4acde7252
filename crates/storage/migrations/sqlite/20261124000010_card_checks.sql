-- Identity checks through a bank card's 3-D Secure check ("card" assurance).
-- One row per attempt: single use, short-lived, bound to the person who
-- started it. The national id lives on the person; only its masked form here.
CREATE TABLE card_checks (
    id TEXT PRIMARY KEY,
    person_id TEXT NOT NULL REFERENCES persons (id) ON DELETE CASCADE,
    provider TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    expires_at BIGINT NOT NULL,
    completed_at BIGINT,
    -- verified, declined or refused
    outcome TEXT,
    national_id_country TEXT,
    national_id_masked TEXT,
    assurance_raised INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX card_checks_person ON card_checks (person_id);
