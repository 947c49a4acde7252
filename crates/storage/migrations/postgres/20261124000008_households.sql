-- Minors a guardian acts for. A relationship is requested by a citizen and
-- counts only once an operator has confirmed it from the evidence shown.
CREATE TABLE wards (
    id TEXT PRIMARY KEY,
    given_name TEXT NOT NULL,
    family_name TEXT NOT NULL,
    birth_date TEXT NOT NULL,
    created_at BIGINT NOT NULL
);

CREATE TABLE guardianships (
    ward_id TEXT NOT NULL REFERENCES wards (id) ON DELETE CASCADE,
    guardian_id TEXT NOT NULL REFERENCES persons (id) ON DELETE CASCADE,
    relationship TEXT NOT NULL,
    evidence TEXT NOT NULL,
    status TEXT NOT NULL,
    requested_at BIGINT NOT NULL,
    decided_by TEXT REFERENCES persons (id),
    decided_at BIGINT,
    PRIMARY KEY (ward_id, guardian_id)
);
CREATE INDEX guardianships_by_status ON guardianships (status, requested_at);
CREATE INDEX guardianships_by_guardian ON guardianships (guardian_id);
